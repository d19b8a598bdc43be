//! `brief tune`: grid search of an algorithm's parameters with k-fold
//! cross-validation.
//!
//! Every cluster is summarized once per grid point and scored with ROUGE
//! (`rouge-score` profile: F of ROUGE-1, ROUGE-2 and ROUGE-Lsum, stemming).
//! For each fold, the grid point with the best mean of ROUGE-1 and ROUGE-2
//! F on the other folds is scored on the held-out fold; the mean over
//! held-out folds is the honest estimate of how the tuning procedure does
//! on unseen clusters, and is reported beside the best in-sample score
//! (which flatters the grid by the amount it overfits).

use super::summarize::BudgetArgs;
use anyhow::{Context, Result};
use brief_core::{build, Algorithm, Params, Pipeline, Summarizer};
use brief_eval::Dataset;
use brief_io::Limits;
use brief_rouge::{Rouge, RougeConfig, RougeType};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// `brief tune` flags.
#[derive(clap::Args, Debug)]
#[command(after_help = "Example:\n  \
  brief tune --data ../shared/data/multinews-dev.jsonl --algorithm submodular --words 230 --folds 5\n\n\
Grids: submodular and ilp search the position prior (--half-weight-at 2, 4, 8), the\n\
single-term concept weight (0, 0.5, 1) and, for submodular, the cost exponent (by budget,\n\
0, 0.3), the similarity coverage (0, 0.3) and the quote bonus (by budget, 0);\n\
mmr searches lambda; lexrank and textrank the damping.")]
pub struct Args {
    /// The data set: JSONL clusters with references (or any format `brief eval` reads).
    #[arg(long, value_name = "PATH")]
    pub data: PathBuf,

    /// The algorithm to tune.
    #[arg(short, long, default_value_t = Algorithm::DEFAULT.name().to_owned())]
    pub algorithm: String,

    #[command(flatten)]
    pub budget: BudgetArgs,

    /// Number of cross-validation folds (2 or more).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,

    /// Seed of the fold assignment.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
}

/// The grid of parameter settings searched for `algorithm`.
pub fn grid(algorithm: Algorithm) -> Vec<(String, Params)> {
    let base = Params::default();
    let mut out = Vec::new();
    match algorithm {
        Algorithm::Submodular | Algorithm::Ilp => {
            let exponents: &[Option<f64>] = if algorithm == Algorithm::Submodular {
                &[None, Some(0.0), Some(0.3)]
            } else {
                &[base.cost_exponent]
            };
            for h in [2.0, 4.0, 8.0] {
                for u in [0.0, 0.5, 1.0] {
                    if algorithm == Algorithm::Ilp {
                        let p = Params {
                            half_weight_at: h,
                            unigram_weight: u,
                            ..base
                        };
                        out.push((format!("half_weight_at={h} unigram_weight={u}"), p));
                        continue;
                    }
                    for &r in exponents {
                        for s in [0.0, 0.3] {
                            for q in [None, Some(0.0)] {
                                let p = Params {
                                    half_weight_at: h,
                                    unigram_weight: u,
                                    cost_exponent: r,
                                    similarity_coverage: s,
                                    quote_bonus: q,
                                    ..base
                                };
                                let by_budget = |v: Option<f64>| {
                                    v.map_or("by-budget".to_owned(), |v| v.to_string())
                                };
                                out.push((
                                    format!(
                                        "half_weight_at={h} unigram_weight={u} cost_exponent={} \
                                         similarity_coverage={s} quote_bonus={}",
                                        by_budget(r),
                                        by_budget(q)
                                    ),
                                    p,
                                ));
                            }
                        }
                    }
                }
            }
        }
        Algorithm::Mmr => {
            for lambda in [0.3, 0.5, 0.7, 0.9] {
                out.push((format!("lambda={lambda}"), Params { lambda, ..base }));
            }
        }
        Algorithm::LexRank | Algorithm::TextRank => {
            for damping in [0.7, 0.85, 0.95] {
                out.push((format!("damping={damping}"), Params { damping, ..base }));
            }
        }
        Algorithm::Lead | Algorithm::Centroid | Algorithm::Semantic => {
            out.push(("defaults".to_owned(), base))
        }
    }
    out
}

/// Fold of each of `n` items: a seeded shuffle dealt round-robin.
fn fold_of(n: usize, folds: usize, seed: u64) -> Vec<usize> {
    // SplitMix64: a fixed, dependency-free shuffle so folds are reproducible.
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    let mut fold = vec![0; n];
    for (k, &i) in order.iter().enumerate() {
        fold[i] = k % folds;
    }
    fold
}

/// Mean of ROUGE-1 and ROUGE-2 F: the quantity the search maximizes.
fn objective(scores: &[[f64; 3]], items: &[usize]) -> f64 {
    items
        .iter()
        .map(|&i| scores[i][0] + scores[i][1])
        .sum::<f64>()
        / (2 * items.len().max(1)) as f64
}

fn mean(scores: &[[f64; 3]], items: &[usize], metric: usize) -> f64 {
    items.iter().map(|&i| scores[i][metric]).sum::<f64>() / items.len().max(1) as f64
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let algorithm: Algorithm = args.algorithm.parse()?;
    let budget = args.budget.budget()?;
    anyhow::ensure!(args.folds >= 2, "--folds must be 2 or more");
    let data = Dataset::load(&args.data, &Limits::default());
    for p in &data.problems {
        eprintln!("error: {}", p.message);
    }
    let clusters: Vec<_> = data
        .clusters
        .iter()
        .filter(|c| !c.references.is_empty())
        .collect();
    anyhow::ensure!(
        clusters.len() >= args.folds,
        "{}: {} clusters with references, fewer than --folds {}",
        args.data.display(),
        clusters.len(),
        args.folds
    );
    let grid = grid(algorithm);
    let summarizers: Vec<Box<dyn Summarizer>> = grid
        .iter()
        .map(|(_, p)| build(algorithm, p))
        .collect::<brief_core::Result<_>>()?;
    let rouge = Rouge::new(RougeConfig::rouge_score()).context("ROUGE settings")?;
    let pipeline = Pipeline::default();

    // scores[g][c] = [R1, R2, RLsum] F × 100 of grid point g on cluster c.
    let per_cluster: Vec<Vec<[f64; 3]>> = clusters
        .par_iter()
        .map(|cluster| {
            let refs: Vec<&str> = cluster.references.iter().map(String::as_str).collect();
            let prepared = pipeline.prepare(cluster);
            summarizers
                .iter()
                .map(|s| {
                    let Ok(p) = &prepared else {
                        return [0.0; 3];
                    };
                    let candidate = s.summarize(p, budget).join("\n");
                    let scores = rouge.score(&candidate, &refs);
                    let f = |t: RougeType| {
                        scores
                            .iter()
                            .find(|(rt, _)| *rt == t)
                            .map_or(0.0, |(_, s)| s.fmeasure * 100.0)
                    };
                    [f(RougeType::N(1)), f(RougeType::N(2)), f(RougeType::LSum)]
                })
                .collect()
        })
        .collect();
    let scores: Vec<Vec<[f64; 3]>> = (0..grid.len())
        .map(|g| per_cluster.iter().map(|c| c[g]).collect())
        .collect();

    let n = clusters.len();
    let all: Vec<usize> = (0..n).collect();
    let fold = fold_of(n, args.folds, args.seed);
    let best_on = |items: &[usize]| {
        (0..grid.len())
            .max_by(|&a, &b| {
                objective(&scores[a], items)
                    .total_cmp(&objective(&scores[b], items))
                    .then(b.cmp(&a))
            })
            .unwrap_or(0)
    };
    let mut held_out = [0.0f64; 3];
    println!(
        "{}: {n} clusters, {budget}, {} grid points, {} folds",
        args.data.display(),
        grid.len(),
        args.folds
    );
    for k in 0..args.folds {
        let train: Vec<usize> = all.iter().copied().filter(|&i| fold[i] != k).collect();
        let test: Vec<usize> = all.iter().copied().filter(|&i| fold[i] == k).collect();
        let g = best_on(&train);
        for (m, total) in held_out.iter_mut().enumerate() {
            *total += test.iter().map(|&i| scores[g][i][m]).sum::<f64>();
        }
        println!(
            "fold {}: chose {} (held-out R1 {:.2} R2 {:.2})",
            k + 1,
            grid[g].0,
            mean(&scores[g], &test, 0),
            mean(&scores[g], &test, 1)
        );
    }
    println!(
        "cross-validated (mean over held-out clusters): R1 {:.2}  R2 {:.2}  RLsum {:.2}",
        held_out[0] / n as f64,
        held_out[1] / n as f64,
        held_out[2] / n as f64
    );
    let best = best_on(&all);
    println!(
        "best in-sample: {}: R1 {:.2}  R2 {:.2}  RLsum {:.2}",
        grid[best].0,
        mean(&scores[best], &all, 0),
        mean(&scores[best], &all, 1),
        mean(&scores[best], &all, 2)
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_partition_evenly_and_reproducibly() {
        let f = fold_of(23, 5, 7);
        assert_eq!(f, fold_of(23, 5, 7));
        for k in 0..5 {
            let size = f.iter().filter(|&&x| x == k).count();
            assert!(size == 4 || size == 5, "fold {k} has {size}");
        }
    }

    #[test]
    fn every_grid_point_is_valid() {
        for &a in Algorithm::ALL {
            let g = grid(a);
            assert!(!g.is_empty());
            for (name, p) in g {
                assert!(p.validate().is_ok(), "{a} {name}");
            }
        }
    }
}
