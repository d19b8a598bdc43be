//! `brief eval`: summarize a data set with references and score it with ROUGE.

use super::summarize::{AlgorithmArgs, BudgetArgs};
use anyhow::{Context, Result};
use brief_core::{Algorithm, Budget};
use brief_eval::report::Shown;
use brief_eval::runner::preset;
use brief_eval::{evaluate, Dataset, EvalSettings};
use brief_io::Limits;
use brief_rouge::{Profile, RougeType};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Flags shared by `eval` and `score`: how ROUGE is computed.
#[derive(clap::Args, Debug, Clone)]
pub struct ScorerArgs {
    /// Scorer profile: rouge-score (Google's rouge-score: F of ROUGE-1/2/Lsum,
    /// stemming, best reference) or rouge155 (the DUC setting of ROUGE-1.5.5:
    /// recall of ROUGE-1/2/4 and SU4 averaged over references, candidates cut
    /// at the word budget).
    #[arg(long, default_value = "rouge-score", value_parser = parse_profile)]
    pub profile: Profile,

    /// Override the ROUGE measures, comma-separated: rouge1, rouge2, rouge4,
    /// rougeL, rougeLsum, rougeSU4.
    #[arg(long, value_delimiter = ',', value_parser = parse_rouge_type, value_name = "LIST")]
    pub metrics: Vec<RougeType>,

    /// Split references without line breaks into sentences (one per line)
    /// before scoring ROUGE-Lsum. By default references are taken as given,
    /// as rouge-score does.
    #[arg(long)]
    pub split_references: bool,

    /// Bootstrap resamples for the 95% confidence intervals.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub resamples: usize,

    /// Bootstrap seed (intervals are the same on every run).
    #[arg(long, default_value_t = brief_eval::BootstrapSettings::default().seed)]
    pub seed: u64,
}

pub(crate) fn parse_profile(s: &str) -> Result<Profile, String> {
    s.parse::<Profile>().map_err(|e| e.to_string())
}

fn parse_rouge_type(s: &str) -> Result<RougeType, String> {
    s.parse::<RougeType>().map_err(|e| e.to_string())
}

impl ScorerArgs {
    /// Applies the overrides to preset settings.
    pub fn apply(&self, settings: &mut EvalSettings) -> Result<()> {
        anyhow::ensure!(self.resamples > 0, "--resamples must be positive");
        if !self.metrics.is_empty() {
            settings.rouge.types = self.metrics.clone();
        }
        settings.split_references |= self.split_references;
        settings.bootstrap.resamples = self.resamples;
        settings.bootstrap.seed = self.seed;
        // Fail on bad settings before any work starts.
        brief_rouge::Rouge::new(settings.rouge.clone()).context("ROUGE settings")?;
        Ok(())
    }

    /// Which numbers the table shows.
    pub fn shown(&self) -> Shown {
        match self.profile {
            Profile::RougeScore => Shown::FMeasure,
            Profile::Rouge155 => Shown::Recall,
        }
    }
}

/// Algorithms: a comma-separated list or `all`.
pub fn parse_algorithms(list: &str) -> Result<Vec<Algorithm>> {
    if list.trim().eq_ignore_ascii_case("all") {
        return Ok(Algorithm::ALL.to_vec());
    }
    let mut out: Vec<Algorithm> = Vec::new();
    for name in list.split(',').filter(|n| !n.trim().is_empty()) {
        let a: Algorithm = name.parse()?;
        if !out.contains(&a) {
            out.push(a);
        }
    }
    anyhow::ensure!(!out.is_empty(), "no algorithm given");
    Ok(out)
}

/// `brief eval` flags.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  \
  brief eval --data ../shared/data/multinews-dev.jsonl --words 230 --algorithm all\n  \
  brief eval --data ../shared/data/duc2003 --profile rouge155 --words 100\n\n\
Data: a JSONL file of clusters with \"references\", a Multi-News .src file (with its .tgt),\n\
or a DUC folder (docs/<cluster>/ TREC SGML files, models/ human summaries).\n\n\
Defaults: --profile rouge-score scores F-measure of ROUGE-1/2/Lsum (stemming, best reference)\n\
of summaries within the budget. --profile rouge155 is the DUC setting of ROUGE-1.5.5\n\
(-n 4 -x -m -l N -p 0.5 -c 95 -r 1000 -f A -t 0 -a): recall of ROUGE-1/2/4 (and SU4) averaged\n\
over references, with summaries filled and cut at exactly N words (--cut; --no-cut to turn off).\n\n\
Exit status: 0 when every record was evaluated, 1 when some were malformed or had no\n\
references (each reported on stderr with file:line; the rest is evaluated), 2 on a usage error.")]
pub struct Args {
    /// The data set: JSONL clusters with references, Multi-News .src, or a DUC folder.
    #[arg(long, value_name = "PATH")]
    pub data: PathBuf,

    #[arg(short, long, default_value_t = Algorithm::DEFAULT.name().to_owned(), value_name = "LIST",
          help = format!("Algorithms, comma-separated ({}), or all", super::summarize::algorithm_names()))]
    pub algorithm: String,

    #[command(flatten)]
    pub budget: BudgetArgs,

    /// Fill each summary and cut its last sentence at exactly the budget
    /// (DUC convention; on by default with --profile rouge155).
    #[arg(long, overrides_with = "no_cut")]
    pub cut: bool,

    /// Do not cut summaries at the budget.
    #[arg(long)]
    pub no_cut: bool,

    #[command(flatten)]
    pub scorer: ScorerArgs,

    #[command(flatten)]
    pub settings: AlgorithmArgs,

    /// Also write the full results as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Largest accepted document (or batch line) in bytes.
    #[arg(long, default_value_t = Limits::default().max_document_bytes, value_name = "BYTES")]
    pub max_document_bytes: u64,

    /// Print the learning curve: the selection model trained on the first
    /// N clusters of this file (gzip'd JSONL with references) for each N of
    /// --curve-sizes, each model's default summarizer evaluated on --data.
    #[arg(long, value_name = "TRAIN")]
    pub learning_curve: Option<PathBuf>,

    /// Training-set sizes of the learning curve, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "N,…",
          default_values_t = vec![1_000usize, 5_000, 20_000, 44_972])]
    pub curve_sizes: Vec<usize>,

    /// DUC 2007 update data: leave the topics' narratives out (by default
    /// each is the query of its topic's summaries).
    #[arg(long)]
    pub no_query: bool,

    /// DUC 2007 update data: share of its weight a concept the reader has
    /// seen keeps, in [0, 1].
    #[arg(long, value_name = "W")]
    pub seen_weight: Option<f64>,

    /// DUC 2007 update data: leave out a new sentence when this share of its
    /// content terms is in one sentence the reader has seen, in (0, 1].
    #[arg(long, value_name = "SHARE")]
    pub max_seen_overlap: Option<f64>,
}

/// The settings `args` ask for, validated.
fn settings(args: &Args) -> Result<EvalSettings> {
    let algorithms = parse_algorithms(&args.algorithm)?;
    let budget = args.budget.budget()?;
    let mut settings = preset(args.scorer.profile, algorithms, budget);
    settings.params = args.settings.params()?;
    settings.resources = args.settings.resources()?;
    if args.cut {
        settings.cut = true;
    }
    if args.no_cut {
        settings.cut = false;
    }
    if settings.cut && matches!(budget, Budget::Sentences(_)) {
        anyhow::bail!("--cut needs a --words or --bytes budget");
    }
    args.scorer.apply(&mut settings)?;
    Ok(settings)
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    if brief_io::duc2007::is_update_folder(&args.data) {
        return run_update(&args);
    }
    let settings = settings(&args)?;
    let limits = Limits {
        max_document_bytes: args.max_document_bytes,
    };
    let started = Instant::now();
    let data = Dataset::load(&args.data, &limits);
    let load_seconds = started.elapsed().as_secs_f64();
    if let Some(train) = &args.learning_curve {
        return learning_curve(&args, settings, &data, train);
    }

    let bar = crate::progress::bar(
        (data.clusters.len() * settings.algorithms.len()) as u64,
        "evaluating",
    );
    let result = evaluate(&data, &settings, &|| bar.inc(1));
    bar.finish_and_clear();
    let mut report = match result {
        Ok(r) => r,
        Err(e) => {
            // Say why nothing could be evaluated before giving up.
            for p in &data.problems {
                eprintln!("error: {}", p.message);
            }
            return Err(e.into());
        }
    };
    report.load_seconds = load_seconds;

    for p in &report.problems {
        eprintln!("error: {}", p.message);
    }
    println!(
        "{}: {} clusters ({:.1} documents each), {}{}, {} profile, {} threads",
        report.dataset,
        report.clusters,
        report.mean_documents,
        settings.budget,
        if settings.cut { " cut exactly" } else { "" },
        report.settings.profile,
        report.threads,
    );
    print!("{}", report.table(args.scorer.shown()));
    if let Some(path) = &args.out {
        let json = serde_json::to_string_pretty(&report).context("serializing the results")?;
        std::fs::write(path, json + "\n").with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(empty) = report
        .systems
        .first()
        .map(|s| s.empty_summaries)
        .filter(|&n| n > 0)
    {
        eprintln!(
            "note: {empty} clusters hold no sentence a summary could quote (only page boilerplate); \
             they count with an empty summary, scored 0"
        );
    }
    if !report.problems.is_empty() {
        let evaluated = report.systems.first().map_or(0, |s| s.clusters);
        eprintln!(
            "brief: {} records could not be evaluated; the other {evaluated} were",
            report.problems.len(),
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// `brief eval --learning-curve TRAIN`: for each training-set size, the
/// selection model trained on that many clusters of TRAIN (the same
/// settings as `brief train`), then `data` summarized with it and scored.
/// One line per size, so a user sees whether more data would help.
fn learning_curve(
    args: &Args,
    mut settings: EvalSettings,
    data: &Dataset,
    train_path: &std::path::Path,
) -> Result<ExitCode> {
    if settings.algorithms != [Algorithm::Submodular] {
        anyhow::bail!("--learning-curve evaluates the default summarizer: leave out --algorithm or give submodular");
    }
    if !settings.params.learned {
        anyhow::bail!("--learning-curve needs the learned model (leave out --learned false)");
    }
    let mut sizes = args.curve_sizes.clone();
    sizes.sort_unstable();
    sizes.dedup();
    if sizes.is_empty() || sizes.contains(&0) {
        anyhow::bail!("--curve-sizes needs sizes above 0");
    }
    println!(
        "learning curve: models trained on {} evaluated on {} ({} clusters, {})",
        train_path.display(),
        data.name,
        data.clusters.len(),
        settings.budget
    );
    let names: Vec<String> = settings.rouge.types.iter().map(|m| m.to_string()).collect();
    println!(
        "{:>16}  {}  train s",
        "train clusters",
        names
            .iter()
            .map(|n| format!("{n:>10}"))
            .collect::<Vec<_>>()
            .join("  ")
    );
    let mut failed = false;
    for size in sizes {
        let train_settings = brief_learn::train::TrainSettings {
            max_clusters: Some(size),
            ..brief_learn::train::TrainSettings::default()
        };
        let bar = crate::progress::spinner(&format!("training on {size} clusters"));
        let started = Instant::now();
        let (model, report) = brief_learn::train::train(
            train_path,
            &train_settings,
            &mut |e| {
                failed = true;
                bar.suspend(|| eprintln!("error: {e}"));
            },
            &|message| bar.set_message(format!("{size} clusters: {message}")),
        )?;
        let train_seconds = started.elapsed().as_secs_f64();
        bar.set_message(format!("{size} clusters: evaluating"));
        settings.resources.model = Some(std::sync::Arc::new(model));
        let result = evaluate(data, &settings, &|| {})?;
        bar.finish_and_clear();
        let Some(system) = result.systems.first() else {
            anyhow::bail!("nothing was evaluated");
        };
        println!(
            "{:>16}  {}  {train_seconds:>7.0}",
            report.clusters,
            system
                .metrics
                .iter()
                .map(|m| format!("{:>10.2}", 100.0 * m.fmeasure.mid))
                .collect::<Vec<_>>()
                .join("  ")
        );
        if report.clusters < size {
            eprintln!(
                "note: {} holds {} usable clusters; the curve ends there",
                train_path.display(),
                report.clusters
            );
            break;
        }
    }
    Ok(if failed || !data.problems.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `brief eval` on the DUC 2007 update task: sets A, B and C of every topic
/// (B with A as history, C with A and B), brief's update summaries and its
/// generic summaries of the new documents beside every official system, in
/// the DUC 2005–2007 ROUGE setting ([`brief_eval::update`]).
fn run_update(args: &Args) -> Result<ExitCode> {
    use brief_eval::update::{score_sets, summarize_topics, table, UpdateEvalSettings};
    let limits = Limits {
        max_document_bytes: args.max_document_bytes,
    };
    let started = Instant::now();
    let topics = brief_io::duc2007::read_update_folder(&args.data, &limits)
        .with_context(|| format!("reading {}", args.data.display()))?;
    let mut settings = UpdateEvalSettings {
        narrative_query: !args.no_query,
        ..UpdateEvalSettings::default()
    };
    settings.summary.params = args.settings.params()?;
    if let Some(words) = args.budget.words {
        settings.summary.budget = Budget::Words(words);
    }
    settings.update.seen_weight = args.seen_weight;
    settings.update.max_seen_overlap = args.max_seen_overlap;
    settings.update.validate()?;
    let summaries = summarize_topics(&topics, &settings);
    let summarized = started.elapsed().as_secs_f64();
    let reports = score_sets(&topics, &summaries);
    println!(
        "{}: DUC 2007 update task, {} topics, {} words cut exactly, narrative as query: {}; \
         ROUGE-1.5.5 -n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 100, recall jackknifed over the models",
        args.data.display(),
        topics.len(),
        settings.summary.budget.limit(),
        if settings.narrative_query { "yes" } else { "no" },
    );
    print!("{}", table(&reports));
    println!(
        "summarized in {summarized:.2} s, scored in {:.2} s",
        started.elapsed().as_secs_f64() - summarized
    );
    if let Some(path) = &args.out {
        let json = serde_json::json!({"sets": reports, "summaries": summaries});
        std::fs::write(path, serde_json::to_string_pretty(&json)? + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
