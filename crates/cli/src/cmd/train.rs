//! `brief train`: learns the selection model from clusters with reference
//! summaries ([`brief_learn::train`]) and writes it as JSON.

use anyhow::{Context, Result};
use brief_learn::train::{train, TrainSettings};
use std::path::PathBuf;
use std::process::ExitCode;

/// `brief train` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Example (rebuilds the compiled-in model, about 2 minutes on two cores):\n  \
brief train --data ../shared/data/multinews-train.jsonl.gz --out crates/core/models/selection.json\n\n\
Even clusters of the file estimate the term prior, odd ones give the concept rows; the\n\
same file and settings give the same model, byte for byte."
)]
pub struct Args {
    /// Clusters with references: JSONL, gzip'd or not.
    #[arg(long, value_name = "PATH")]
    pub data: PathBuf,

    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,

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
    std::fs::write(&args.out, json + "\n")
        .with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "{}",
        serde_json::to_string_pretty(&report).context("report")?
    );
    println!("model written to {}", args.out.display());
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
