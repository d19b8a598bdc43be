//! Grid search of an algorithm's parameters with k-fold cross-validation.
//!
//! Every cluster is summarized once per grid point and scored with ROUGE:
//! the `rouge-score` profile gives F of ROUGE-1, ROUGE-2 and ROUGE-Lsum
//! (stemming); the `rouge155` profile, the DUC setting, recall of ROUGE-1,
//! ROUGE-2 and ROUGE-SU4 averaged over references, summaries filled and cut
//! at the budget (as `brief eval --profile rouge155` scores them).
//! For each fold, the grid point with the best mean of ROUGE-1 and ROUGE-2
//! F on the other folds is scored on the held-out fold; the mean over
//! held-out folds is the honest estimate of how the tuning procedure does
//! on unseen clusters, and is reported beside the best in-sample score
//! (which flatters the grid by the amount it overfits).

use crate::error::EvalError;
use brief_core::summarize::summarize_cut;
use brief_core::text::compress::CompressionRules;
use brief_core::{build, Algorithm, Budget, Cluster, Params, Summarizer};
use brief_rouge::bootstrap::SplitMix64;
use brief_rouge::{Profile, Rouge, RougeConfig, RougeType};
use rayon::prelude::*;
use serde::Serialize;

/// The grid of parameter settings searched for `algorithm`, each with a
/// name that says what it sets.
pub fn grid(algorithm: Algorithm) -> Vec<(String, Params)> {
    let base = Params::default();
    let mut out = Vec::new();
    let by_budget = |v: Option<f64>| v.map_or("by-budget".to_owned(), |v| v.to_string());
    match algorithm {
        Algorithm::Submodular | Algorithm::Ilp => {
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
                    for r in [
                        None,
                        Some(0.0),
                        Some(0.3),
                        Some(0.45),
                        Some(0.6),
                        Some(0.75),
                        Some(0.9),
                    ] {
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
                                let name = format!(
                                    "half_weight_at={h} unigram_weight={u} cost_exponent={} \
                                     similarity_coverage={s} quote_bonus={}",
                                    by_budget(r),
                                    by_budget(q)
                                );
                                out.push((name, p));
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

/// Fold of each of `n` items: a seeded shuffle dealt round-robin, so fold
/// sizes differ by at most one and the same seed gives the same folds.
pub fn fold_of(n: usize, folds: usize, seed: u64) -> Vec<usize> {
    let mut rng = SplitMix64(seed);
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut fold = vec![0; n];
    for (k, &i) in order.iter().enumerate() {
        fold[i] = k % folds.max(1);
    }
    fold
}

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum F × 100 of one summary.
pub type Scores = [f64; 3];

/// Mean of ROUGE-1 and ROUGE-2 F over `items`: the quantity the search
/// maximizes.
fn objective(scores: &[Scores], items: &[usize]) -> f64 {
    items
        .iter()
        .map(|&i| scores[i][0] + scores[i][1])
        .sum::<f64>()
        / (2 * items.len().max(1)) as f64
}

/// Mean of one metric over `items`.
fn mean(scores: &[Scores], items: &[usize], metric: usize) -> f64 {
    items.iter().map(|&i| scores[i][metric]).sum::<f64>() / items.len().max(1) as f64
}

/// What one fold chose and how it did on its held-out clusters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoldResult {
    /// Name of the grid point chosen on the other folds.
    pub chosen: String,
    /// Held-out ROUGE-1, ROUGE-2, ROUGE-Lsum F.
    pub held_out: Scores,
    /// Held-out clusters.
    pub clusters: usize,
}

/// The outcome of a cross-validated grid search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TuneReport {
    /// Clusters with references searched over.
    pub clusters: usize,
    /// Grid points searched.
    pub grid_points: usize,
    /// One entry per fold.
    pub folds: Vec<FoldResult>,
    /// Mean over all held-out clusters (each cluster is held out once).
    pub cross_validated: Scores,
    /// The grid point best on all clusters, and its (in-sample) scores.
    pub best: (String, Scores),
}

/// Scores every grid point on every cluster with references, then runs the
/// cross-validation. `tick` is called after each cluster.
pub fn tune(
    clusters: &[Cluster],
    algorithm: Algorithm,
    budget: Budget,
    folds: usize,
    seed: u64,
    tick: &(dyn Fn() + Sync),
) -> Result<TuneReport, EvalError> {
    let settings = TuneSettings {
        algorithm,
        budget,
        profile: Profile::RougeScore,
        folds,
        seed,
        compression: None,
    };
    tune_with(clusters, &settings, tick)
}

/// What a cross-validated grid search runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TuneSettings {
    /// The algorithm whose grid is searched.
    pub algorithm: Algorithm,
    /// The summaries' budget.
    pub budget: Budget,
    /// How summaries are scored (see the module documentation for what
    /// each profile's three measures are).
    pub profile: Profile,
    /// Number of folds (2 or more).
    pub folds: usize,
    /// Seed of the split into folds.
    pub seed: u64,
    /// Sentence compression of every grid point (`None`: by budget, see
    /// [`Params::compression_for`]).
    pub compression: Option<CompressionRules>,
}

/// [`tune`] with every setting given.
pub fn tune_with(
    clusters: &[Cluster],
    settings: &TuneSettings,
    tick: &(dyn Fn() + Sync),
) -> Result<TuneReport, EvalError> {
    let TuneSettings {
        algorithm,
        budget,
        profile,
        folds,
        seed,
        compression,
    } = *settings;
    let clusters: Vec<&Cluster> = clusters
        .iter()
        .filter(|c| !c.references.is_empty())
        .collect();
    if folds < 2 || clusters.len() < folds {
        return Err(EvalError::Settings(format!(
            "{} clusters with references cannot be split into {folds} folds (2 or more, at most one per cluster)",
            clusters.len()
        )));
    }
    let grid = grid(algorithm);
    let summarizers: Vec<Box<dyn Summarizer>> = grid
        .iter()
        .map(|(_, p)| build(algorithm, p))
        .collect::<brief_core::Result<_>>()?;
    let (rouge, measures) = match profile {
        Profile::RougeScore => (
            RougeConfig::rouge_score(),
            [RougeType::N(1), RougeType::N(2), RougeType::LSum],
        ),
        Profile::Rouge155 => (
            crate::EvalSettings::duc(vec![algorithm], budget).rouge,
            [RougeType::N(1), RougeType::N(2), RougeType::SU(4)],
        ),
    };
    let rouge = Rouge::new(rouge)?;
    let cut = profile == Profile::Rouge155 && !matches!(budget, Budget::Sentences(_));
    let pipeline = Params {
        compression,
        ..Params::default()
    }
    .pipeline(budget);

    // per_cluster[c][g]: the scores of grid point g on cluster c.
    let per_cluster: Vec<Vec<Scores>> = clusters
        .par_iter()
        .map(|cluster| {
            let refs: Vec<&str> = cluster.references.iter().map(String::as_str).collect();
            let prepared = pipeline.prepare(cluster);
            let row = summarizers
                .iter()
                .map(|s| {
                    let Ok(p) = &prepared else {
                        return [0.0; 3];
                    };
                    let summary = if cut {
                        summarize_cut(s.as_ref(), p, budget, &Params::default().selection)
                    } else {
                        s.summarize(p, budget)
                    };
                    let candidate = summary.join("\n");
                    let scores = rouge.score(&candidate, &refs);
                    let f = |t: RougeType| {
                        scores
                            .iter()
                            .find(|(rt, _)| *rt == t)
                            .map_or(0.0, |(_, s)| {
                                100.0
                                    * match profile {
                                        Profile::RougeScore => s.fmeasure,
                                        Profile::Rouge155 => s.recall,
                                    }
                            })
                    };
                    measures.map(f)
                })
                .collect();
            tick();
            row
        })
        .collect();
    let scores: Vec<Vec<Scores>> = (0..grid.len())
        .map(|g| per_cluster.iter().map(|c| c[g]).collect())
        .collect();
    let names: Vec<String> = grid.into_iter().map(|(name, _)| name).collect();
    Ok(cross_validate(&names, &scores, folds, seed))
}

/// The cross-validation over precomputed scores: `scores[g][c]` is grid
/// point `g` (named `names[g]`) on cluster `c`. Ties go to the earlier
/// grid point.
pub fn cross_validate(
    names: &[String],
    scores: &[Vec<Scores>],
    folds: usize,
    seed: u64,
) -> TuneReport {
    let n = scores.first().map_or(0, Vec::len);
    let all: Vec<usize> = (0..n).collect();
    let fold = fold_of(n, folds, seed);
    let best_on = |items: &[usize]| {
        (0..scores.len())
            .max_by(|&a, &b| {
                objective(&scores[a], items)
                    .total_cmp(&objective(&scores[b], items))
                    .then(b.cmp(&a))
            })
            .unwrap_or(0)
    };
    let mut held_out_total = [0.0f64; 3];
    let mut fold_results = Vec::with_capacity(folds);
    for k in 0..folds {
        let train: Vec<usize> = all.iter().copied().filter(|&i| fold[i] != k).collect();
        let test: Vec<usize> = all.iter().copied().filter(|&i| fold[i] == k).collect();
        let g = best_on(&train);
        for (m, total) in held_out_total.iter_mut().enumerate() {
            *total += test.iter().map(|&i| scores[g][i][m]).sum::<f64>();
        }
        fold_results.push(FoldResult {
            chosen: names[g].clone(),
            held_out: [0, 1, 2].map(|m| mean(&scores[g], &test, m)),
            clusters: test.len(),
        });
    }
    let best = best_on(&all);
    TuneReport {
        clusters: n,
        grid_points: scores.len(),
        folds: fold_results,
        cross_validated: held_out_total.map(|t| t / n.max(1) as f64),
        best: (
            names[best].clone(),
            [0, 1, 2].map(|m| mean(&scores[best], &all, m)),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_partition_evenly_and_reproducibly() {
        let f = fold_of(23, 5, 7);
        assert_eq!(f, fold_of(23, 5, 7));
        assert_ne!(f, fold_of(23, 5, 8));
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

    #[test]
    fn the_duc_profile_scores_as_brief_eval_does() {
        use brief_core::Document;
        let clusters: Vec<Cluster> = (0..4)
            .map(|k| {
                let mut c = Cluster::new(
                    format!("c{k}"),
                    vec![
                        Document::new(
                            "a",
                            format!(
                                "Floods closed {k} roads in the province on Monday. \
                                 Rescue teams reached the villages by boat."
                            ),
                        ),
                        Document::new(
                            "b",
                            "Officials said the rain would ease by Wednesday night.",
                        ),
                    ],
                );
                c.references = vec![format!("Floods closed {k} roads; rescuers used boats.")];
                c
            })
            .collect();
        // Lead has one grid point, so every fold holds it out and the
        // cross-validated mean is the plain mean over clusters.
        assert_eq!(grid(Algorithm::Lead).len(), 1);
        let budget = Budget::Words(12);
        let settings = TuneSettings {
            algorithm: Algorithm::Lead,
            budget,
            profile: Profile::Rouge155,
            folds: 2,
            seed: 7,
            compression: Some(CompressionRules::NONE),
        };
        let tuned = tune_with(&clusters, &settings, &|| {}).expect("tuned");
        let data = crate::Dataset {
            name: "t".into(),
            clusters: clusters.clone(),
            problems: Vec::new(),
        };
        let settings = crate::EvalSettings::duc(vec![Algorithm::Lead], budget);
        let eval = crate::evaluate(&data, &settings, &|| {}).expect("evaluated");
        let recall = |name: &str| {
            eval.systems[0]
                .metrics
                .iter()
                .find(|m| m.metric == name)
                .map(|m| 100.0 * m.recall.mid)
                .expect("measured")
        };
        let [r1, r2, su4] = tuned.cross_validated;
        assert!(
            (r1 - recall("rouge1")).abs() < 1e-6,
            "{r1} vs {}",
            recall("rouge1")
        );
        assert!(
            (r2 - recall("rouge2")).abs() < 1e-6,
            "{r2} vs {}",
            recall("rouge2")
        );
        assert!(
            (su4 - recall("rougeSU4")).abs() < 1e-6,
            "{su4} vs {}",
            recall("rougeSU4")
        );
        assert!(r1 > 0.0);
    }

    #[test]
    fn each_fold_is_scored_with_the_point_best_on_the_other_folds() {
        // Point "b" is better on clusters 0..4, point "a" on cluster 4 only.
        // A fold holding cluster 4 still chooses "b" (better on its training
        // clusters) and is scored with b's 0 there: cross-validation reports
        // what choosing does, not the best per cluster.
        let names = vec!["a".to_owned(), "b".to_owned()];
        let a = vec![[10.0, 0.0, 1.0]; 5];
        let mut b = vec![[20.0, 0.0, 2.0]; 5];
        b[4] = [0.0, 0.0, 0.0];
        let report = cross_validate(&names, &[a, b], 5, 1);
        assert!(report.folds.iter().all(|f| f.chosen == "b"));
        assert_eq!(report.cross_validated, [16.0, 0.0, 1.6]);
        assert_eq!(report.best, ("b".to_owned(), [16.0, 0.0, 1.6]));
        // When "a" wins the training folds, the held-out score is a's.
        let a = vec![[30.0, 0.0, 3.0]; 5];
        let report = cross_validate(&names, &[a, vec![[0.0; 3]; 5]], 5, 1);
        assert_eq!(report.cross_validated[0], 30.0);
    }
}
