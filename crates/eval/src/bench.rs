//! Summarization speed per cluster: each algorithm summarizes every cluster
//! on one thread, several times; the time of a cluster is the median of its
//! runs (so one slow run of a noisy machine does not count). And throughput:
//! the whole file prepared and summarized in process, one cluster after
//! another and on all of rayon's threads, the median of several passes.

use crate::dataset::Dataset;
use crate::error::EvalError;
use crate::memory;
use brief_core::registry::{build_with, Resources};
use brief_core::{summarize, Algorithm, Budget, Params, Summarizer};
use rayon::prelude::*;
use serde::Serialize;
use std::time::Instant;

/// What to time.
#[derive(Debug, Clone)]
pub struct BenchSettings {
    /// Algorithms, in report order.
    pub algorithms: Vec<Algorithm>,
    /// Summarizer settings.
    pub params: Params,
    /// Budget.
    pub budget: Budget,
    /// Fill and cut at the budget.
    pub cut: bool,
    /// Runs per cluster (the median is kept).
    pub runs: usize,
    /// Sentence encoder for `semantic`, selection model for learned
    /// concept weights.
    pub resources: Resources,
}

/// One algorithm's timings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchSystem {
    /// Algorithm name.
    pub algorithm: String,
    /// Clusters timed.
    pub clusters: usize,
    /// Median over clusters of the per-cluster time (ms), prepare + summarize.
    pub median_ms: f64,
    /// Mean per-cluster time (ms).
    pub mean_ms: f64,
    /// 90th percentile per-cluster time (ms).
    pub p90_ms: f64,
    /// Slowest cluster (ms) and its id.
    pub max_ms: f64,
    /// Id of the slowest cluster.
    pub slowest: String,
    /// Median share of the time spent preparing (segmenting, stemming).
    pub prepare_share: f64,
    /// Clusters per second on one thread (1000 / mean_ms).
    pub clusters_per_second: f64,
    /// Peak resident memory while this algorithm ran.
    pub peak_memory_bytes: Option<u64>,
}

/// All timings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchReport {
    /// What was timed.
    pub dataset: String,
    /// Runs per cluster.
    pub runs: usize,
    /// One entry per algorithm.
    pub systems: Vec<BenchSystem>,
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// Times every algorithm on every cluster of `data`. `tick` is called after
/// each cluster's runs.
pub fn bench(
    data: &Dataset,
    settings: &BenchSettings,
    tick: &dyn Fn(),
) -> Result<BenchReport, EvalError> {
    if data.clusters.is_empty() {
        return Err(EvalError::NoClusters(data.name.clone()));
    }
    let pipeline = settings.params.pipeline(settings.budget);
    let runs = settings.runs.max(1);
    let mut systems = Vec::new();
    for &algorithm in &settings.algorithms {
        let summarizer = build_with(algorithm, &settings.params, &settings.resources)?;
        memory::reset_peak();
        let mut times = Vec::with_capacity(data.clusters.len());
        let mut shares = Vec::with_capacity(data.clusters.len());
        for cluster in &data.clusters {
            let mut total = Vec::with_capacity(runs);
            let mut prepare = Vec::with_capacity(runs);
            for _ in 0..runs {
                let t0 = Instant::now();
                let Ok(p) = pipeline.prepare(cluster) else {
                    break;
                };
                let t1 = Instant::now();
                let summary = if settings.cut {
                    summarize::summarize_cut(
                        summarizer.as_ref(),
                        &p,
                        settings.budget,
                        &settings.params.selection,
                    )
                } else {
                    summarizer.summarize(&p, settings.budget)
                };
                std::hint::black_box(&summary);
                total.push(t0.elapsed().as_secs_f64() * 1e3);
                prepare.push((t1 - t0).as_secs_f64() * 1e3);
            }
            tick();
            if total.is_empty() {
                continue;
            }
            let median = |v: &mut Vec<f64>| {
                v.sort_by(f64::total_cmp);
                v[v.len() / 2]
            };
            let t = median(&mut total);
            let pr = median(&mut prepare);
            times.push((t, cluster.id.as_str()));
            shares.push(if t > 0.0 { pr / t } else { 0.0 });
        }
        let mut sorted: Vec<f64> = times.iter().map(|(t, _)| *t).collect();
        sorted.sort_by(f64::total_cmp);
        shares.sort_by(f64::total_cmp);
        let mean = sorted.iter().sum::<f64>() / sorted.len().max(1) as f64;
        let (max_ms, slowest) = times
            .iter()
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map_or((0.0, String::new()), |(t, id)| (*t, (*id).to_owned()));
        systems.push(BenchSystem {
            algorithm: algorithm.name().to_owned(),
            clusters: sorted.len(),
            median_ms: percentile(&sorted, 0.5),
            mean_ms: mean,
            p90_ms: percentile(&sorted, 0.9),
            max_ms,
            slowest,
            prepare_share: percentile(&shares, 0.5),
            clusters_per_second: if mean > 0.0 { 1e3 / mean } else { 0.0 },
            peak_memory_bytes: memory::peak_resident_bytes(),
        });
    }
    Ok(BenchReport {
        dataset: data.name.clone(),
        runs,
        systems,
    })
}

impl BenchReport {
    /// One row per algorithm.
    pub fn table(&self) -> String {
        let header: Vec<String> = [
            "algorithm",
            "clusters",
            "median ms",
            "mean ms",
            "p90 ms",
            "max ms",
            "prepare share",
            "clusters/s (1 thread)",
            "peak mem",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let rows: Vec<Vec<String>> = self
            .systems
            .iter()
            .map(|s| {
                vec![
                    s.algorithm.clone(),
                    s.clusters.to_string(),
                    format!("{:.2}", s.median_ms),
                    format!("{:.2}", s.mean_ms),
                    format!("{:.2}", s.p90_ms),
                    format!("{:.2}", s.max_ms),
                    format!("{:.0}%", 100.0 * s.prepare_share),
                    format!("{:.0}", s.clusters_per_second),
                    crate::report::megabytes(s.peak_memory_bytes),
                ]
            })
            .collect();
        crate::report::render_rows(&header, &rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::{Cluster, Document};

    #[test]
    fn times_every_cluster_and_algorithm() {
        let clusters = (0..3)
            .map(|i| {
                Cluster::new(
                    format!("c{i}"),
                    vec![Document::new("a", "Russia vetoed a UN resolution on Syria on Wednesday. China abstained from the vote in New York.")],
                )
            })
            .collect();
        let data = Dataset::from_clusters("t", clusters);
        let settings = BenchSettings {
            algorithms: vec![Algorithm::Lead, Algorithm::LexRank],
            params: Params::default(),
            budget: Budget::Words(10),
            cut: true,
            runs: 3,
            resources: Resources::default(),
        };
        let report = bench(&data, &settings, &|| {}).expect("runs");
        assert_eq!(report.systems.len(), 2);
        for s in &report.systems {
            assert_eq!(s.clusters, 3);
            assert!(s.median_ms > 0.0 && s.median_ms <= s.max_ms);
        }
        assert!(report.table().contains("lexrank"));
    }
}

/// Clusters per second when a whole file is prepared and summarized in
/// process (no reading, no output), one cluster after another or on all of
/// rayon's threads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Throughput {
    /// Algorithm name.
    pub algorithm: String,
    /// Median pass, one thread.
    pub one_thread: f64,
    /// Median pass, `threads` threads.
    pub all_threads: f64,
    /// Threads of the parallel passes.
    pub threads: usize,
}

/// Times `settings.runs` whole-file passes of `algorithm` each way and
/// keeps the median. `tick` is called after each pass.
pub fn throughput(
    data: &Dataset,
    algorithm: Algorithm,
    settings: &BenchSettings,
    tick: &dyn Fn(),
) -> Result<Throughput, EvalError> {
    let summarizer = build_with(algorithm, &settings.params, &settings.resources)?;
    let summarizer: &dyn Summarizer = summarizer.as_ref();
    let pipeline = settings.params.pipeline(settings.budget);
    let one = |cluster: &brief_core::Cluster| {
        if let Ok(p) = pipeline.prepare(cluster) {
            let summary = if settings.cut {
                summarize::summarize_cut(
                    summarizer,
                    &p,
                    settings.budget,
                    &settings.params.selection,
                )
            } else {
                summarizer.summarize(&p, settings.budget)
            };
            std::hint::black_box(summary);
        }
    };
    let clusters = &data.clusters;
    let median_rate = |pass: &dyn Fn()| {
        let mut seconds: Vec<f64> = (0..settings.runs.max(1))
            .map(|_| {
                let start = Instant::now();
                pass();
                tick();
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
    Ok(Throughput {
        algorithm: algorithm.name().to_owned(),
        one_thread: median_rate(&|| clusters.iter().for_each(one)),
        all_threads: median_rate(&|| clusters.par_iter().for_each(one)),
        threads: rayon::current_num_threads(),
    })
}
