//! `brief bench`: summarization time per cluster and algorithm.

use super::eval::parse_algorithms;
use super::summarize::{AlgorithmArgs, BudgetArgs};
use anyhow::{Context, Result};
use brief_core::summarize::summarize_cut;
use brief_core::{build, Cluster, Pipeline, Summarizer};
use brief_eval::bench::{bench, BenchSettings};
use brief_eval::Dataset;
use brief_io::Limits;
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

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
        budget: args.budget.budget()?,
        cut: args.cut,
        runs: args.runs,
        encoder: args.settings.encoder()?,
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
        let summarizer = build(algorithm, &settings.params)?;
        let t = throughput(&data.clusters, summarizer.as_ref(), &settings);
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

/// Clusters per second when a whole file is prepared and summarized in
/// process, one cluster after another or on all of rayon's threads.
#[derive(Debug, Clone, Serialize)]
struct Throughput {
    algorithm: &'static str,
    /// Median pass, one thread.
    one_thread: f64,
    /// Median pass, `threads` threads.
    all_threads: f64,
    /// Threads of the parallel passes.
    threads: usize,
}

/// Times `settings.runs` whole-file passes each way and keeps the median.
fn throughput(
    clusters: &[Cluster],
    summarizer: &dyn Summarizer,
    settings: &BenchSettings,
) -> Throughput {
    let pipeline = Pipeline::default();
    let one = |cluster: &Cluster| {
        if let Ok(p) = pipeline.prepare(cluster) {
            let summary = if settings.cut {
                summarize_cut(summarizer, &p, settings.budget, &settings.params.selection)
            } else {
                summarizer.summarize(&p, settings.budget)
            };
            std::hint::black_box(summary);
        }
    };
    let median_rate = |pass: &dyn Fn()| {
        let mut seconds: Vec<f64> = (0..settings.runs.max(1))
            .map(|_| {
                let start = Instant::now();
                pass();
                start.elapsed().as_secs_f64()
            })
            .collect();
        seconds.sort_by(f64::total_cmp);
        let median = seconds[seconds.len() / 2];
        if median > 0.0 {
            clusters.len() as f64 / median
        } else {
            0.0
        }
    };
    Throughput {
        algorithm: summarizer.name(),
        one_thread: median_rate(&|| clusters.iter().for_each(one)),
        all_threads: median_rate(&|| clusters.par_iter().for_each(one)),
        threads: rayon::current_num_threads(),
    }
}
