//! `brief bench`: summarization time per cluster and algorithm.

use super::eval::parse_algorithms;
use super::summarize::{AlgorithmArgs, BudgetArgs};
use super::tune::STANDARD_BUDGET;
use anyhow::{Context, Result};
use brief_eval::bench::{bench, throughput, BenchSettings};
use brief_eval::Dataset;
use brief_io::Limits;
use std::path::PathBuf;
use std::process::ExitCode;

/// `brief bench` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Each algorithm summarizes every cluster on one thread --runs times;\n\
a cluster's time is the median of its runs (prepare + summarize; no scoring, no I/O).\n\
Then the whole file is summarized in one pass --runs times, on one thread and on all\n\
threads, and the median pass gives the throughput in clusters per second (in process:\n\
no process start, no reading, no output).\n\n\
Example:\n  brief bench --data ../shared/data/multinews-dev.jsonl --algorithm all --words 230 --runs 5"
)]
pub struct Args {
    /// Clusters to summarize: JSONL, Multi-News .src, a DUC folder or a text folder.
    #[arg(long, value_name = "PATH")]
    pub data: PathBuf,

    /// Algorithms, comma-separated, or all.
    #[arg(short, long, default_value = "all", value_name = "LIST")]
    pub algorithm: String,

    /// Length budget [default: 230 words, the Multi-News standard].
    #[command(flatten)]
    pub budget: BudgetArgs,

    /// Fill and cut summaries at exactly the budget.
    #[arg(long)]
    pub cut: bool,

    /// Runs per cluster; the median is kept.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub runs: usize,

    #[command(flatten)]
    pub settings: AlgorithmArgs,

    /// Also write the timings as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    anyhow::ensure!(args.runs > 0, "--runs must be positive");
    let settings = BenchSettings {
        algorithms: parse_algorithms(&args.algorithm)?,
        params: args.settings.params()?,
        budget: args.budget.budget_or(STANDARD_BUDGET)?,
        cut: args.cut,
        runs: args.runs,
        resources: args.settings.resources()?,
    };
    let data = Dataset::load(&args.data, &Limits::default());
    for p in &data.problems {
        eprintln!("error: {}", p.message);
    }
    let bar = crate::progress::bar(
        (data.clusters.len() * settings.algorithms.len()) as u64,
        "timing",
    );
    let report = bench(&data, &settings, &|| bar.inc(1))?;
    bar.finish_and_clear();
    println!(
        "{}: {} clusters, {}{}, median of {} runs per cluster",
        report.dataset,
        data.clusters.len(),
        settings.budget,
        if settings.cut { " cut exactly" } else { "" },
        report.runs
    );
    print!("{}", report.table());
    let mut throughputs = Vec::new();
    for &algorithm in &settings.algorithms {
        let bar = crate::progress::bar(2 * settings.runs as u64, "whole-file passes");
        let t = throughput(&data, algorithm, &settings, &|| bar.inc(1))?;
        bar.finish_and_clear();
        println!(
            "{algorithm}: whole file in process, median of {} passes: {:.0} clusters/s on 1 thread, \
             {:.0} clusters/s on {} threads",
            settings.runs, t.one_thread, t.all_threads, t.threads
        );
        throughputs.push(t);
    }
    if let Some(path) = &args.out {
        let mut value = serde_json::to_value(&report).context("serializing the timings")?;
        if let Some(fields) = value.as_object_mut() {
            let throughputs =
                serde_json::to_value(&throughputs).context("serializing the timings")?;
            fields.insert("throughput".to_owned(), throughputs);
        }
        let json = serde_json::to_string_pretty(&value).context("serializing the timings")?;
        std::fs::write(path, json + "\n").with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(if data.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
