//! `brief train`: learns the selection model from clusters with reference
//! summaries ([`brief_learn::train`]) and writes it as JSON.

use anyhow::{Context, Result};
use brief_learn::boilerplate::boilerplate;
use brief_learn::train::{train, TrainSettings};
use std::path::PathBuf;
use std::process::ExitCode;

/// `brief train` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Example (rebuilds the compiled-in model, about a minute on two cores):\n  \
brief train --data ../shared/data/multinews-train.jsonl.gz --out crates/core/models/selection.json\n\n\
Even clusters of the file estimate the term prior, odd ones give the concept rows; the\n\
same file and settings give the same model, byte for byte."
)]
pub struct Args {
    /// Clusters with references: JSONL, gzip'd or not.
    #[arg(long, value_name = "PATH")]
    pub data: PathBuf,

    /// Where to write the model (optional with --boilerplate).
    #[arg(long, value_name = "FILE", required_unless_present = "boilerplate")]
    pub out: Option<PathBuf>,

    /// Also write the page-furniture list here: the sentences found in at
    /// least --boilerplate-clusters clusters, as keys (the compiled-in list
    /// is crates/core/models/boilerplate.txt). Without --out, only the list
    /// is made.
    #[arg(long, value_name = "FILE")]
    pub boilerplate: Option<PathBuf>,

    /// Clusters a sentence must stand in to be listed as page furniture.
    /// (7, chosen on multinews-val-truncated: 3 to 10 score the same there,
    /// and under 7 the list takes in news sentences of stories the
    /// training split holds several times.)
    #[arg(long, default_value_t = 7, value_name = "N")]
    pub boilerplate_clusters: usize,

    /// Use only the first N clusters of the file.
    #[arg(long, value_name = "N")]
    pub max_clusters: Option<usize>,

    /// Clusters whose concepts become training rows.
    #[arg(long, default_value_t = TrainSettings::default().concept_clusters, value_name = "N")]
    pub concept_clusters: usize,

    /// Boosting rounds of the concept forest.
    #[arg(long, default_value_t = TrainSettings::default().concept_forest.trees, value_name = "N")]
    pub trees: usize,

    /// Deepest level of each tree of the concept forest.
    #[arg(long, default_value_t = TrainSettings::default().concept_forest.max_depth, value_name = "N")]
    pub depth: usize,

    /// Clusters whose sentences become training rows.
    #[arg(long, default_value_t = TrainSettings::default().sentence_clusters, value_name = "N")]
    pub sentence_clusters: usize,

    /// Boosting rounds of the sentence and lede forests.
    #[arg(long, default_value_t = TrainSettings::default().sentence_forest.trees, value_name = "N")]
    pub sentence_trees: usize,

    /// Deepest level of each tree of the sentence and lede forests.
    #[arg(long, default_value_t = TrainSettings::default().sentence_forest.max_depth, value_name = "N")]
    pub sentence_depth: usize,

    /// Word budgets of the oracle that labels sentences, comma-separated
    /// (a sentence's label is the share of budgets under which it is picked).
    #[arg(long, value_delimiter = ',', value_name = "N,…",
          default_values_t = TrainSettings::default().oracle_words)]
    pub oracle_words: Vec<usize>,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut settings = TrainSettings {
        max_clusters: args.max_clusters,
        concept_clusters: args.concept_clusters,
        sentence_clusters: args.sentence_clusters,
        oracle_words: args.oracle_words.clone(),
        ..TrainSettings::default()
    };
    for forest in [&mut settings.sentence_forest, &mut settings.lede_forest] {
        forest.trees = args.sentence_trees;
        forest.max_depth = args.sentence_depth;
    }
    settings.concept_forest.trees = args.trees;
    settings.concept_forest.max_depth = args.depth;
    let mut problems = 0usize;
    if let Some(list_path) = &args.boilerplate {
        let bar = crate::progress::spinner("page furniture");
        let (list, report) = boilerplate(
            &args.data,
            args.boilerplate_clusters,
            args.max_clusters,
            &mut |e| {
                problems += 1;
                eprintln!("error: {e}");
            },
        )?;
        bar.finish_and_clear();
        let header = format!(
            "# brief page furniture: sentence keys (brief_core::text::boilerplate), {} sentences in {}+ of {} clusters\n",
            list.len(),
            args.boilerplate_clusters,
            report.clusters
        );
        std::fs::write(list_path, header + &list.to_list())
            .with_context(|| format!("writing {}", list_path.display()))?;
        println!(
            "{}",
            serde_json::to_string_pretty(&report).context("report")?
        );
        println!("page furniture written to {}", list_path.display());
    }
    let Some(out) = &args.out else {
        return Ok(if problems == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    };
    let bar = crate::progress::spinner("training");
    let (model, report) = train(
        &args.data,
        &settings,
        &mut |e| {
            problems += 1;
            eprintln!("error: {e}");
        },
        &|message| bar.set_message(message.to_owned()),
    )?;
    bar.finish_and_clear();
    let json = serde_json::to_string(&model).context("serializing the model")?;
    std::fs::write(out, json + "\n").with_context(|| format!("writing {}", out.display()))?;
    println!(
        "{}",
        serde_json::to_string_pretty(&report).context("report")?
    );
    println!("model written to {}", out.display());
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
