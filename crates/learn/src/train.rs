//! Training the selection model from a file of clusters with references.
//!
//! The clusters are split by their order in the file: every third one
//! (index mod 3 = 0) estimates the term prior; of the others, the first
//! `concept_clusters` give the concept rows and the next
//! `sentence_clusters` the sentence rows (whose features include the
//! concept forest's output), so that no row's features were computed with
//! its own label. Each pass streams the file. Same file and settings, same
//! model, byte for byte.

use crate::data::{for_each_batch, DataError};
use crate::gbdt::{train as train_forest, GbdtConfig, Rows};
use crate::labels::concept_labels;
use crate::oracle::{lede_scores, oracle};
use crate::prior::PriorCounts;
use brief_core::learn::concepts::{ConceptRows, TermPrior, CONCEPT_FEATURES, CONCEPT_WIDTH};
use brief_core::learn::forest::{Forest, Objective};
use brief_core::learn::model::{SelectionModel, MODEL_VERSION};
use brief_core::learn::sentences::{SENTENCE_FEATURES, SENTENCE_WIDTH};
use brief_core::text::segment::opening_sentence;
use brief_core::text::Analyzer;
use brief_core::{Cluster, Pipeline};
use brief_rouge::{Rouge, RougeConfig, RougeType};
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;
use std::time::Instant;

/// What to train on and how.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainSettings {
    /// Use only the first this many clusters of the file (learning curves).
    pub max_clusters: Option<usize>,
    /// Clusters (of the odd half) whose concepts become training rows.
    pub concept_clusters: usize,
    /// The concept forest's settings.
    pub concept_forest: GbdtConfig,
    /// Clusters (of the third part) whose sentences become training rows.
    pub sentence_clusters: usize,
    /// Word budgets of the extractive oracle that labels sentences: a
    /// sentence's label is the share of these budgets under which the
    /// oracle picks it (so sentences picked first weigh most).
    pub oracle_words: Vec<usize>,
    /// The sentence forest's settings (logistic: oracle membership).
    pub sentence_forest: GbdtConfig,
    /// The lede forest's settings (squared error: ROUGE-1 F against the
    /// reference's first sentence).
    pub lede_forest: GbdtConfig,
}

impl Default for TrainSettings {
    fn default() -> Self {
        TrainSettings {
            max_clusters: None,
            concept_clusters: 8_000,
            concept_forest: GbdtConfig {
                objective: Objective::Logistic,
                // Every concept of a cluster (about 340 on a short one) is
                // scored by this forest, most of a short cluster's time.
                // On multinews-val-truncated at 230 words 75 rounds score
                // as 150 did (R-1 / R-2 / RLsum 44.72 / 15.39 / 29.37
                // against 44.72 / 15.38 / 29.36, both retrained; 50 rounds:
                // 44.70 / 15.37 / 29.35) in half the walking.
                trees: 75,
                learning_rate: 0.1,
                max_depth: 6,
                min_leaf_weight: 50.0,
                lambda: 1.0,
                subsample: 0.7,
                seed: 17,
            },
            sentence_clusters: 22_000,
            oracle_words: vec![330],
            sentence_forest: GbdtConfig {
                objective: Objective::Logistic,
                trees: 200,
                learning_rate: 0.1,
                max_depth: 6,
                min_leaf_weight: 20.0,
                lambda: 1.0,
                subsample: 0.7,
                seed: 19,
            },
            lede_forest: GbdtConfig {
                objective: Objective::Squared,
                trees: 200,
                learning_rate: 0.1,
                max_depth: 6,
                min_leaf_weight: 50.0,
                lambda: 1.0,
                subsample: 0.7,
                seed: 23,
            },
        }
    }
}

/// What training saw and did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TrainReport {
    /// Clusters with a reference that were used.
    pub clusters: usize,
    /// Lines that were not clusters (each reported through `on_problem`).
    pub skipped: usize,
    /// Clusters the term prior was estimated on.
    pub prior_clusters: usize,
    /// Terms in the prior.
    pub prior_terms: usize,
    /// Clusters whose concepts were training rows.
    pub concept_clusters: usize,
    /// Concept rows.
    pub concept_rows: usize,
    /// Share of concept rows a reference keeps.
    pub concept_positive_rate: f64,
    /// Clusters whose sentences were training rows.
    pub sentence_clusters: usize,
    /// Sentence rows.
    pub sentence_rows: usize,
    /// Share of sentence rows the oracle picks.
    pub sentence_positive_rate: f64,
    /// Seconds for the whole run.
    pub seconds: f64,
}

/// Clusters read per batch (each batch is prepared in parallel).
const BATCH: usize = 512;

/// Trains a selection model on the clusters of `path`. Bad lines are
/// passed to `on_problem` and skipped; `progress` is told what is done.
pub fn train(
    path: &Path,
    settings: &TrainSettings,
    on_problem: &mut dyn FnMut(DataError),
    progress: &dyn Fn(&str),
) -> Result<(SelectionModel, TrainReport), DataError> {
    let started = Instant::now();
    let analyzer = Analyzer::english();
    let mut report = TrainReport::default();
    let limit = settings.max_clusters.unwrap_or(usize::MAX);

    // Pass 1: the term prior from the even clusters.
    let mut counts = PriorCounts::default();
    let mut seen = 0usize;
    for_each_batch(path, BATCH, |batch| {
        let mut even: Vec<Cluster> = Vec::new();
        for item in batch {
            match item {
                Ok(c) if !c.references.is_empty() => {
                    if seen < limit {
                        if seen.is_multiple_of(3) {
                            even.push(c);
                        }
                        seen += 1;
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    report.skipped += 1;
                    on_problem(e);
                }
            }
        }
        let part = even
            .par_iter()
            .fold(PriorCounts::default, |mut acc, c| {
                acc.add(c, &analyzer);
                acc
            })
            .reduce(PriorCounts::default, |mut a, b| {
                a.merge(b);
                a
            });
        counts.merge(part);
        progress(&format!("term prior: {} clusters", counts.clusters));
    })?;
    report.clusters = seen;
    report.prior_clusters = counts.clusters as usize;
    let prior = counts.prior();
    report.prior_terms = prior.terms.len();

    // Pass 2: concept rows and labels from the odd clusters.
    let pipeline = Pipeline::default();
    let mut rows = Rows::new(CONCEPT_WIDTH);
    let mut labels: Vec<f32> = Vec::new();
    let mut seen = 0usize;
    let mut rest = 0usize;
    let wanted = settings.concept_clusters;
    for_each_batch(path, BATCH, |batch| {
        let mut odd: Vec<Cluster> = Vec::new();
        for c in batch.into_iter().flatten() {
            if c.references.is_empty() || seen >= limit {
                continue;
            }
            if !seen.is_multiple_of(3) {
                if rest < wanted {
                    odd.push(c);
                }
                rest += 1;
            }
            seen += 1;
        }
        let parts: Vec<(Vec<f32>, Vec<f32>)> = odd
            .par_iter()
            .map(|c| concept_rows(c, &pipeline, &prior, &analyzer))
            .collect();
        for (r, l) in parts {
            rows.values.extend_from_slice(&r);
            labels.extend_from_slice(&l);
        }
        report.concept_clusters += odd.len();
        progress(&format!(
            "concept rows: {} clusters, {} rows",
            report.concept_clusters,
            labels.len()
        ));
    })?;
    report.concept_rows = labels.len();
    report.concept_positive_rate =
        labels.iter().map(|&l| f64::from(l)).sum::<f64>() / labels.len().max(1) as f64;

    progress(&format!(
        "training the concept forest on {} rows",
        labels.len()
    ));
    let concept = train_forest(
        &rows,
        &labels,
        None,
        CONCEPT_FEATURES,
        &settings.concept_forest,
    );

    // Pass 3: sentence rows, oracle and lede labels from the third part.
    let mut partial = SelectionModel {
        version: MODEL_VERSION,
        trained_on: String::new(),
        term_prior: prior,
        concept,
        sentence: Forest::empty(SENTENCE_FEATURES, Objective::Logistic),
        lede: Forest::empty(SENTENCE_FEATURES, Objective::Squared),
    };
    let mut sentence_rows = Rows::new(SENTENCE_WIDTH);
    let mut in_oracle: Vec<f32> = Vec::new();
    let mut lede: Vec<f32> = Vec::new();
    let mut seen = 0usize;
    let mut rest = 0usize;
    let skip = settings.concept_clusters;
    let wanted = settings.sentence_clusters;
    let mut rouge_config = RougeConfig::rouge_score();
    rouge_config.types = vec![RougeType::N(1)];
    let rouge = Rouge::new(rouge_config).map_err(|e| DataError::Line {
        path: path.display().to_string(),
        line: 0,
        reason: e.to_string(),
    })?;
    for_each_batch(path, BATCH, |batch| {
        let mut third: Vec<Cluster> = Vec::new();
        for c in batch.into_iter().flatten() {
            if c.references.is_empty() || seen >= limit {
                continue;
            }
            if !seen.is_multiple_of(3) {
                if rest >= skip && rest < skip + wanted {
                    third.push(c);
                }
                rest += 1;
            }
            seen += 1;
        }
        let parts: Vec<(Vec<f32>, Vec<f32>, Vec<f32>)> = third
            .par_iter()
            .map(|c| sentence_rows_of(c, &pipeline, &partial, &rouge, &settings.oracle_words))
            .collect();
        for (r, o, l) in parts {
            sentence_rows.values.extend_from_slice(&r);
            in_oracle.extend_from_slice(&o);
            lede.extend_from_slice(&l);
        }
        report.sentence_clusters += third.len();
        progress(&format!(
            "sentence rows: {} clusters, {} rows",
            report.sentence_clusters,
            in_oracle.len()
        ));
    })?;
    report.sentence_rows = in_oracle.len();
    report.sentence_positive_rate =
        in_oracle.iter().map(|&l| f64::from(l)).sum::<f64>() / in_oracle.len().max(1) as f64;
    progress(&format!(
        "training the sentence forest on {} rows",
        in_oracle.len()
    ));
    partial.sentence = train_forest(
        &sentence_rows,
        &in_oracle,
        None,
        SENTENCE_FEATURES,
        &settings.sentence_forest,
    );
    progress(&format!("training the lede forest on {} rows", lede.len()));
    partial.lede = train_forest(
        &sentence_rows,
        &lede,
        None,
        SENTENCE_FEATURES,
        &settings.lede_forest,
    );

    report.seconds = started.elapsed().as_secs_f64();
    let model = SelectionModel {
        version: MODEL_VERSION,
        trained_on: format!(
            "{}: {} clusters (term prior on {}, concept forest on {} clusters, {} rows, sentence and lede forests on {} clusters, {} rows)",
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            ),
            report.clusters,
            report.prior_clusters,
            report.concept_clusters,
            report.concept_rows,
            report.sentence_clusters,
            report.sentence_rows
        ),
        ..partial
    };
    Ok((model, report))
}

/// One cluster's concept rows and labels (none if it cannot be prepared).
fn concept_rows(
    cluster: &Cluster,
    pipeline: &Pipeline,
    prior: &TermPrior,
    analyzer: &Analyzer,
) -> (Vec<f32>, Vec<f32>) {
    let Ok(p) = pipeline.prepare(cluster) else {
        return (Vec::new(), Vec::new());
    };
    let concepts = ConceptRows::extract(&p, prior);
    let labels = concept_labels(&p, &concepts, analyzer, &cluster.references);
    (concepts.rows, labels)
}

/// One cluster's sentence rows with their oracle and lede labels (none if
/// it cannot be prepared).
fn sentence_rows_of(
    cluster: &Cluster,
    pipeline: &Pipeline,
    model: &SelectionModel,
    rouge: &Rouge,
    oracle_words: &[usize],
) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let Ok(p) = pipeline.prepare(cluster) else {
        return (Vec::new(), Vec::new(), Vec::new());
    };
    let reference = &cluster.references[0];
    let (_, _, rows) = model.features(&p);
    let mut in_oracle = vec![0.0f32; p.sentences.len()];
    let share = 1.0 / oracle_words.len().max(1) as f32;
    for &words in oracle_words {
        for i in oracle(&p, rouge, reference, words) {
            in_oracle[i] += share;
        }
    }
    let lede = lede_scores(&p, rouge, opening_sentence(reference));
    (rows.rows, in_oracle, lede)
}
