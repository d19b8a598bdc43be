//! The evaluation runner: summarize every cluster with each algorithm in
//! parallel (rayon), score every summary against its references with
//! brief-rouge, and aggregate means with seeded bootstrap intervals.

use crate::dataset::{Dataset, Problem};
use crate::error::EvalError;
use crate::memory;
use crate::readability::{pool, ReadabilityScorer, SummaryReadability};
use crate::report::{
    aggregate, EvalReport, Resampling, SettingsReport, StageSeconds, SystemReport,
};
use brief_core::registry::{build_with, Resources};
use brief_core::text::{NewsSegmenter, Segmenter};
use brief_core::{summarize, Algorithm, Budget, Cluster, Params};
use brief_rouge::{LengthLimit, MultiRef, Profile, Rouge, RougeConfig, Score};
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// Bootstrap settings for the confidence intervals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BootstrapSettings {
    /// Resamples (ROUGE-1.5.5 `-r`).
    pub resamples: usize,
    /// Confidence level (ROUGE-1.5.5 `-c 95` is 0.95).
    pub confidence: f64,
    /// Seed, so intervals are the same on every run.
    pub seed: u64,
}

impl Default for BootstrapSettings {
    fn default() -> Self {
        BootstrapSettings {
            resamples: 1000,
            confidence: 0.95,
            seed: 0x0062_7269_6566,
        }
    }
}

/// Everything an evaluation needs to know.
#[derive(Debug, Clone)]
pub struct EvalSettings {
    /// Algorithms to evaluate, in report order.
    pub algorithms: Vec<Algorithm>,
    /// Summarizer settings.
    pub params: Params,
    /// Summary length budget.
    pub budget: Budget,
    /// Fill summaries and cut them at exactly the budget (DUC convention).
    pub cut: bool,
    /// The scorer's settings.
    pub rouge: RougeConfig,
    /// Split references that have no line breaks into sentences, one per
    /// line, for ROUGE-Lsum. Off by default: rouge-score (and the published
    /// Multi-News figures) take a reference as given, one paragraph being one
    /// "sentence"; candidates always have one sentence per line.
    pub split_references: bool,
    /// Confidence intervals.
    pub bootstrap: BootstrapSettings,
    /// Sentence encoder for `semantic` and the selection model for learned
    /// concept weights (the compiled-in one when none is given).
    pub resources: Resources,
}

impl EvalSettings {
    /// Google rouge-score convention: F-measure of ROUGE-1, -2, -Lsum, with
    /// stemming, best of several references; summaries within the budget.
    pub fn rouge_score(algorithms: Vec<Algorithm>, budget: Budget) -> Self {
        let mut rouge = RougeConfig::rouge_score();
        rouge.types = vec![
            brief_rouge::RougeType::N(1),
            brief_rouge::RougeType::N(2),
            brief_rouge::RougeType::LSum,
        ];
        EvalSettings {
            algorithms,
            params: Params::default(),
            budget,
            cut: false,
            rouge,
            split_references: false,
            bootstrap: BootstrapSettings::default(),
            resources: Resources::default(),
        }
    }

    /// The DUC setting of ROUGE-1.5.5 (`-n 4 -x -m -l N -p 0.5 -c 95 -r 1000
    /// -f A -t 0 -a`, Hong et al. 2014): recall of ROUGE-1, -2, -4 (and SU4)
    /// averaged over references, candidates cut at the word budget, and
    /// summaries filled to the cut.
    pub fn duc(algorithms: Vec<Algorithm>, budget: Budget) -> Self {
        let mut rouge = RougeConfig::rouge155();
        rouge.types = vec![
            brief_rouge::RougeType::N(1),
            brief_rouge::RougeType::N(2),
            brief_rouge::RougeType::N(4),
            brief_rouge::RougeType::SU(4),
        ];
        rouge.multi_ref = MultiRef::Average;
        rouge.alpha = 0.5;
        rouge.limit = match budget {
            Budget::Words(n) => Some(LengthLimit::Words(n)),
            Budget::Bytes(n) => Some(LengthLimit::Bytes(n)),
            Budget::Sentences(_) => None,
        };
        EvalSettings {
            algorithms,
            params: Params::default(),
            budget,
            cut: true,
            rouge,
            split_references: false,
            bootstrap: BootstrapSettings::default(),
            resources: Resources::default(),
        }
    }

    fn settings_report(&self) -> SettingsReport {
        let rouge = &self.rouge;
        SettingsReport {
            budget: self.budget,
            cut: self.cut,
            profile: rouge.profile.to_string(),
            stemming: rouge.stemming,
            multi_ref: match rouge.multi_ref {
                MultiRef::Best => "best".into(),
                MultiRef::Average => "average".into(),
            },
            scorer_limit: rouge.limit.as_ref().map(|l| match l {
                LengthLimit::Words(n) => format!("{n} words"),
                LengthLimit::Bytes(n) => format!("{n} bytes"),
            }),
            alpha: rouge.alpha,
            resamples: self.bootstrap.resamples,
            confidence: self.bootstrap.confidence,
            seed: self.bootstrap.seed,
        }
    }
}

/// Text with one sentence per line: kept as it is when it already has line
/// breaks, otherwise split with brief's news segmenter.
pub fn sentences_per_line(text: &str, split: bool) -> String {
    if !split || text.contains('\n') {
        return text.to_owned();
    }
    NewsSegmenter
        .segment(text)
        .into_iter()
        .map(|s| &text[s.range()])
        .collect::<Vec<_>>()
        .join("\n")
}

/// One cluster's scores and stage times.
struct ClusterRun {
    scores: Vec<Score>,
    readability: SummaryReadability,
    /// No sentence could be quoted: scored as an empty summary.
    empty: bool,
    prepare: Duration,
    summarize: Duration,
    score: Duration,
}

/// Evaluates every algorithm of `settings` on `data`. Clusters without
/// references, or that brief cannot summarize, become [`Problem`]s in the
/// report; the others are scored. `tick` is called once per cluster and
/// algorithm (for a progress bar).
pub fn evaluate(
    data: &Dataset,
    settings: &EvalSettings,
    tick: &(dyn Fn() + Sync),
) -> Result<EvalReport, EvalError> {
    let rouge = Rouge::new(settings.rouge.clone())?;
    let readability = ReadabilityScorer::new()?;
    let mut problems = data.problems.clone();
    let mut clusters: Vec<&Cluster> = data
        .clusters
        .iter()
        .filter(|c| {
            let ok = !c.references.is_empty();
            if !ok {
                problems.push(Problem {
                    origin: c.id.clone(),
                    message: format!("cluster {}: no reference summaries; not scored", c.id),
                });
            }
            ok
        })
        .collect();
    if clusters.is_empty() {
        return Err(EvalError::NoClusters(data.name.clone()));
    }
    let rouge155 = settings.rouge.profile == Profile::Rouge155;
    if rouge155 {
        // ROUGE-1.5.5 resamples its evaluations in the order of their sorted ids.
        clusters.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let started = Instant::now();
    let references: Vec<Vec<String>> = clusters
        .par_iter()
        .map(|c| {
            c.references
                .iter()
                .map(|r| sentences_per_line(r, settings.split_references))
                .collect()
        })
        .collect();
    let reference_seconds = started.elapsed().as_secs_f64();
    let pipeline = settings.params.pipeline(settings.budget);
    let resampling = Resampling {
        resamples: settings.bootstrap.resamples,
        confidence: settings.bootstrap.confidence,
        seed: settings.bootstrap.seed,
        rouge155,
    };

    let mut systems = Vec::with_capacity(settings.algorithms.len());
    let mut failed_ids = std::collections::BTreeSet::new();
    for &algorithm in &settings.algorithms {
        let summarizer = build_with(algorithm, &settings.params, &settings.resources)?;
        memory::reset_peak();
        let started = Instant::now();
        let runs: Vec<Result<ClusterRun, Problem>> = clusters
            .par_iter()
            .zip(references.par_iter())
            .map(|(cluster, refs)| {
                let t0 = Instant::now();
                let prepared = pipeline.prepare(cluster);
                if let Err(brief_core::Error::NoSentences(_)) = prepared {
                    // Nothing to quote: the cluster still counts, with an empty summary.
                    let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
                    let scores = rouge.score("", &refs).into_iter().map(|(_, s)| s).collect();
                    tick();
                    return Ok(ClusterRun {
                        scores,
                        readability: SummaryReadability::default(),
                        empty: true,
                        prepare: t0.elapsed(),
                        summarize: Duration::ZERO,
                        score: Duration::ZERO,
                    });
                }
                let run = prepared
                    .map(|prepared| {
                        let t1 = Instant::now();
                        let mut summary = if settings.cut {
                            summarize::summarize_cut(
                                summarizer.as_ref(),
                                &prepared,
                                settings.budget,
                                &settings.params.selection,
                            )
                        } else {
                            summarizer.summarize(&prepared, settings.budget)
                        };
                        // As every command's summaries are (speakers aside:
                        // scores do not read them).
                        brief_core::attribution::name_opening_pronouns(&mut summary, &prepared);
                        let t2 = Instant::now();
                        let sentences: Vec<(&str, Option<(usize, usize)>)> = summary
                            .items
                            .iter()
                            .map(|i| (i.text.as_str(), Some((i.doc, i.sentence))))
                            .collect();
                        // A summary left empty (every sentence page furniture)
                        // counts as a cluster with nothing to quote.
                        let empty = summary.items.is_empty();
                        let readability = if empty {
                            SummaryReadability::default()
                        } else {
                            readability.measure(&sentences, &cluster.references[0])
                        };
                        let candidate = summary.join("\n");
                        let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
                        let scores = rouge
                            .score(&candidate, &refs)
                            .into_iter()
                            .map(|(_, s)| s)
                            .collect();
                        ClusterRun {
                            scores,
                            readability,
                            empty,
                            prepare: t1 - t0,
                            summarize: t2 - t1,
                            score: t2.elapsed(),
                        }
                    })
                    .map_err(|e| Problem {
                        origin: cluster.id.clone(),
                        message: format!("cluster {}: {e}", cluster.id),
                    });
                tick();
                run
            })
            .collect();
        let seconds = started.elapsed().as_secs_f64();
        let peak_memory_bytes = memory::peak_resident_bytes();

        let mut stages = StageSeconds::default();
        let mut per_cluster = Vec::with_capacity(runs.len());
        let mut readabilities = Vec::with_capacity(runs.len());
        let mut empty_summaries = 0;
        for run in runs {
            match run {
                Ok(r) => {
                    empty_summaries += usize::from(r.empty);
                    stages.prepare += r.prepare.as_secs_f64();
                    stages.summarize += r.summarize.as_secs_f64();
                    stages.score += r.score.as_secs_f64();
                    per_cluster.push(r.scores);
                    readabilities.push(r.readability);
                }
                // The same cluster fails for every algorithm: report it once.
                Err(p) => {
                    if failed_ids.insert(p.origin.clone()) {
                        problems.push(p);
                    }
                }
            }
        }
        systems.push(SystemReport {
            algorithm: algorithm.name().to_owned(),
            clusters: per_cluster.len(),
            empty_summaries,
            metrics: aggregate(&settings.rouge.types, &per_cluster, &resampling),
            readability: pool(&readabilities),
            seconds,
            clusters_per_second: per_cluster.len() as f64 / seconds.max(1e-9),
            stages,
            peak_memory_bytes,
        });
    }
    let docs: usize = clusters.iter().map(|c| c.documents.len()).sum();
    Ok(EvalReport {
        dataset: data.name.clone(),
        clusters: clusters.len(),
        mean_documents: docs as f64 / clusters.len() as f64,
        problems,
        settings: settings.settings_report(),
        threads: rayon::current_num_threads(),
        load_seconds: 0.0,
        reference_seconds,
        systems,
    })
}

/// The profile preset of `profile`: [`EvalSettings::rouge_score`] or
/// [`EvalSettings::duc`].
pub fn preset(profile: Profile, algorithms: Vec<Algorithm>, budget: Budget) -> EvalSettings {
    match profile {
        Profile::RougeScore => EvalSettings::rouge_score(algorithms, budget),
        Profile::Rouge155 => EvalSettings::duc(algorithms, budget),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::Document;

    fn cluster(id: &str, refs: &[&str]) -> Cluster {
        let mut c = Cluster::new(
            id,
            vec![
                Document::new("a", "Russia vetoed a UN resolution on Syria on Wednesday. The vote was ten to two with three abstentions in New York."),
                Document::new("b", "China abstained from the vote on the resolution. Western diplomats said Russia isolated itself again."),
            ],
        );
        c.references = refs.iter().map(|r| r.to_string()).collect();
        c
    }

    #[test]
    fn a_perfect_reference_scores_higher_than_an_unrelated_one() {
        let good = cluster(
            "good",
            &["Russia vetoed a UN resolution on Syria on Wednesday."],
        );
        let bad = cluster("bad", &["Heavy snow closed schools across the region."]);
        let data = Dataset::from_clusters("t", vec![good, bad]);
        let settings = EvalSettings::rouge_score(vec![Algorithm::Lead], Budget::Words(10));
        let report = evaluate(&data, &settings, &|| {}).expect("runs");
        let r1 = &report.systems[0].metrics[0];
        assert_eq!(r1.metric, "rouge1");
        assert!(r1.fmeasure.low <= r1.fmeasure.mid && r1.fmeasure.mid <= r1.fmeasure.high);
        assert!(r1.fmeasure.high > 0.5 && r1.fmeasure.low < 0.2, "{r1:?}");
    }

    #[test]
    fn clusters_without_references_are_problems_not_errors() {
        let data = Dataset::from_clusters(
            "t",
            vec![cluster("x", &["Russia vetoed it."]), cluster("y", &[])],
        );
        let settings = EvalSettings::rouge_score(Algorithm::ALL.to_vec(), Budget::Words(20));
        let ticks = std::sync::atomic::AtomicUsize::new(0);
        let report = evaluate(&data, &settings, &|| {
            ticks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        })
        .expect("runs");
        assert_eq!(report.clusters, 1);
        assert_eq!(report.problems.len(), 1);
        assert!(report.problems[0].message.contains("no reference"));
        assert_eq!(report.systems.len(), Algorithm::ALL.len());
        assert_eq!(ticks.into_inner(), Algorithm::ALL.len());
        let none = Dataset::from_clusters("empty", vec![cluster("y", &[])]);
        assert!(matches!(
            evaluate(&none, &settings, &|| {}),
            Err(EvalError::NoClusters(_))
        ));
    }

    #[test]
    fn duc_setting_cuts_at_the_budget_and_reports_recall_types() {
        let data = Dataset::from_clusters(
            "t",
            vec![cluster(
                "x",
                &["Russia vetoed the resolution.", "China abstained."],
            )],
        );
        let settings = EvalSettings::duc(vec![Algorithm::Lead], Budget::Words(15));
        assert!(settings.cut);
        let report = evaluate(&data, &settings, &|| {}).expect("runs");
        let names: Vec<&str> = report.systems[0]
            .metrics
            .iter()
            .map(|m| m.metric.as_str())
            .collect();
        assert_eq!(names, ["rouge1", "rouge2", "rouge4", "rougeSU4"]);
        assert_eq!(report.settings.multi_ref, "average");
    }

    #[test]
    fn references_are_split_one_sentence_per_line() {
        assert_eq!(
            sentences_per_line("One here. Two there.", true),
            "One here.\nTwo there."
        );
        assert_eq!(
            sentences_per_line("Kept.\nAs is. Yes.", true),
            "Kept.\nAs is. Yes."
        );
        assert_eq!(
            sentences_per_line("One here. Two there.", false),
            "One here. Two there."
        );
    }
}
