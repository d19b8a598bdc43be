//! The selection model: everything brief learned for choosing sentences,
//! in one file. The model trained on Multi-News is compiled in
//! ([`SelectionModel::builtin`]); another can be read from JSON
//! ([`SelectionModel::from_json`]), and either is checked against the
//! features this build computes before use.

use super::concepts::{ConceptRows, TermPrior, CONCEPT_FEATURES, CONCEPT_WIDTH};
use super::forest::Forest;
use super::sentences::{SentenceRows, SENTENCE_FEATURES, SENTENCE_WIDTH};
use crate::prepare::PreparedCluster;
use serde::{Deserialize, Serialize};
use std::sync::{Arc, OnceLock};

/// Format version of model files; bumped when their meaning changes.
pub const MODEL_VERSION: u32 = 1;

/// Words of a cluster the model reads, shared among its articles: the
/// size of the truncated Multi-News clusters it learned from (at most 482
/// words in the validation split).
pub const WINDOW_WORDS: usize = 500;

/// Which sentences of `p` fall in the model's window: each article's
/// opening, [`WINDOW_WORDS`] shared among the articles, a short article's
/// unused share going to the longer ones (water filling), a sentence in
/// when it starts inside its article's share.
pub fn window(p: &PreparedCluster<'_>) -> Vec<bool> {
    let lengths: Vec<usize> = p
        .doc_sentences
        .iter()
        .map(|r| p.sentences[r.clone()].iter().map(|s| s.words).sum())
        .collect();
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&d| (lengths[d], d));
    let mut share = vec![0usize; lengths.len()];
    let mut left = WINDOW_WORDS;
    for (k, &d) in order.iter().enumerate() {
        let fair = left / (order.len() - k);
        share[d] = lengths[d].min(fair);
        left -= share[d];
    }
    let mut in_window = vec![false; p.sentences.len()];
    for (d, range) in p.doc_sentences.iter().enumerate() {
        let mut before = 0usize;
        for i in range.clone() {
            in_window[i] = before < share[d] || before == 0;
            before += p.sentences[i].words;
        }
    }
    in_window
}

/// What brief learned from clusters with reference summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectionModel {
    /// [`MODEL_VERSION`] of the file.
    pub version: u32,
    /// What the model was trained on and how, for the record.
    pub trained_on: String,
    /// The general worth of terms.
    pub term_prior: TermPrior,
    /// Probability that a reference keeps a concept, from
    /// [`CONCEPT_FEATURES`].
    pub concept: Forest,
    /// Probability that the extractive oracle picks a sentence, from
    /// [`SENTENCE_FEATURES`].
    pub sentence: Forest,
    /// Expected ROUGE-1 F of a sentence against the reference's first
    /// sentence (how well it states the news), from [`SENTENCE_FEATURES`].
    pub lede: Forest,
}

/// What a model says about one prepared cluster.
#[derive(Debug, Clone, Default)]
pub struct ClusterScores {
    /// The cluster's concepts and their features.
    pub concepts: ConceptRows,
    /// Probability that a reference keeps each concept.
    pub concept_probabilities: Vec<f32>,
    /// Probability that each sentence belongs in the summary.
    pub sentence_probabilities: Vec<f32>,
    /// How well each sentence states the news.
    pub lede_scores: Vec<f32>,
}

/// Why a model file cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("selection model: {0}")]
pub struct ModelError(pub String);

/// The model trained on the Multi-News training split, built by
/// `brief train` (`models/README.md` says how).
const BUILTIN: &str = include_str!("../../models/selection.json");

impl SelectionModel {
    /// Parses and checks a model file.
    pub fn from_json(text: &str) -> Result<Self, ModelError> {
        let model: SelectionModel =
            serde_json::from_str(text).map_err(|e| ModelError(format!("not a model file: {e}")))?;
        model.check()?;
        Ok(model)
    }

    /// Checks the version and that every forest expects the features this
    /// build computes.
    pub fn check(&self) -> Result<(), ModelError> {
        if self.version != MODEL_VERSION {
            return Err(ModelError(format!(
                "version {} (this brief reads version {MODEL_VERSION})",
                self.version
            )));
        }
        self.concept
            .check(CONCEPT_FEATURES)
            .map_err(|e| ModelError(format!("concept forest: {e}")))?;
        self.sentence
            .check(SENTENCE_FEATURES)
            .map_err(|e| ModelError(format!("sentence forest: {e}")))?;
        self.lede
            .check(SENTENCE_FEATURES)
            .map_err(|e| ModelError(format!("lede forest: {e}")))
    }

    /// The concepts of `p` with their probabilities, and the sentence
    /// features those give.
    pub fn features(&self, p: &PreparedCluster<'_>) -> (ConceptRows, Vec<f32>, SentenceRows) {
        self.features_for(p, None)
    }

    /// [`features`](Self::features) with the sentence rows of `which`
    /// alone, in that order (every sentence with `None`).
    fn features_for(
        &self,
        p: &PreparedCluster<'_>,
        which: Option<&[usize]>,
    ) -> (ConceptRows, Vec<f32>, SentenceRows) {
        let concepts = ConceptRows::extract(p, &self.term_prior);
        let probabilities = self.concept.outputs(&concepts.rows, CONCEPT_WIDTH);
        let sentences =
            SentenceRows::extract_for(p, &concepts, &probabilities, &self.term_prior, which);
        (concepts, probabilities, sentences)
    }

    /// Whether `p` is the size of the clusters the model learned from
    /// (the truncated release of Multi-News): every sentence falls inside
    /// [`window`]. Beyond that size the features mean something the model
    /// never saw, so summarizers keep their heuristics.
    pub fn fits(&self, p: &PreparedCluster<'_>) -> bool {
        window(p).iter().all(|&w| w)
    }

    /// Everything the model says about `p` (meant for clusters that
    /// [`fit`](Self::fits)).
    pub fn score(&self, p: &PreparedCluster<'_>) -> ClusterScores {
        let (concepts, concept_probabilities, rows) = self.features(p);
        ClusterScores {
            concepts,
            concept_probabilities,
            sentence_probabilities: self.sentence.outputs(&rows.rows, SENTENCE_WIDTH),
            lede_scores: self.lede.outputs(&rows.rows, SENTENCE_WIDTH),
        }
    }

    /// [`score`](Self::score) where only the sentences `asked` may be
    /// picked: every concept is scored (the weights of all of them make
    /// the objective), the sentence and lede forests read the rows of
    /// `asked` alone, and every other sentence scores 0. Each asked
    /// sentence's scores are those [`score`](Self::score) gives it.
    pub fn score_for(&self, p: &PreparedCluster<'_>, asked: &[usize]) -> ClusterScores {
        let (concepts, concept_probabilities, rows) = self.features_for(p, Some(asked));
        let n = p.sentences.len();
        let mut sentence_probabilities = vec![0.0; n];
        let mut lede_scores = vec![0.0; n];
        let sentence = self.sentence.outputs(&rows.rows, SENTENCE_WIDTH);
        let lede = self.lede.outputs(&rows.rows, SENTENCE_WIDTH);
        for ((&i, q), l) in asked.iter().zip(sentence).zip(lede) {
            if let (Some(q_at), Some(l_at)) =
                (sentence_probabilities.get_mut(i), lede_scores.get_mut(i))
            {
                *q_at = q;
                *l_at = l;
            }
        }
        ClusterScores {
            concepts,
            concept_probabilities,
            sentence_probabilities,
            lede_scores,
        }
    }

    /// How well each of `asked` (sentences of `p`) states the news, scored
    /// on the model's [`window`] of `p` alone (each article's opening, the
    /// size of cluster the lede forest learned from); `None` for a sentence
    /// beyond it. This serves clusters too long for
    /// [`score`](Self::score): their openings read as the model's clusters
    /// did, which the whole cluster does not. Only the concepts of the
    /// asked sentences are scored (a sentence's features read no others),
    /// which keeps this a small part of a long cluster's summary.
    pub fn window_lede_scores(&self, p: &PreparedCluster<'_>, asked: &[usize]) -> Vec<Option<f32>> {
        let in_window = window(p);
        // The window is a prefix of every article.
        let keep: Vec<usize> = p
            .doc_sentences
            .iter()
            .map(|r| r.clone().take_while(|&i| in_window[i]).count())
            .collect();
        let view = p.keep_prefixes(&keep);
        // Each asked sentence's index in the view, when it is there.
        let in_view: Vec<Option<usize>> = asked
            .iter()
            .map(|&i| {
                let s = p.sentences.get(i)?;
                let k = i - p.doc_sentences[s.doc].start;
                (k < keep[s.doc]).then(|| view.doc_sentences[s.doc].start + k)
            })
            .collect();
        if in_view.iter().all(Option::is_none) {
            return vec![None; asked.len()];
        }
        let asked_in_view: Vec<usize> = in_view.iter().flatten().copied().collect();
        let concepts = ConceptRows::extract_for(&view, &self.term_prior, Some(&asked_in_view));
        let mut needed: Vec<u32> = asked_in_view
            .iter()
            .flat_map(|&v| concepts.of_sentence[v].iter().copied())
            .collect();
        needed.sort_unstable();
        needed.dedup();
        let rows: Vec<f32> = needed
            .iter()
            .flat_map(|&c| concepts.row(c as usize).iter().copied())
            .collect();
        let mut probabilities = vec![0.0; concepts.keys.len()];
        for (&c, q) in needed
            .iter()
            .zip(self.concept.outputs(&rows, CONCEPT_WIDTH))
        {
            probabilities[c as usize] = q;
        }
        // Rows of the asked sentences alone, in `asked_in_view` order.
        let sentences = SentenceRows::extract_for(
            &view,
            &concepts,
            &probabilities,
            &self.term_prior,
            Some(&asked_in_view),
        );
        let mut rows = sentences.rows.chunks_exact(SENTENCE_WIDTH);
        in_view
            .iter()
            .map(|v| {
                v.as_ref()?;
                Some(self.lede.output(rows.next()?))
            })
            .collect()
    }

    /// The compiled-in model, parsed once.
    pub fn builtin() -> Arc<SelectionModel> {
        static MODEL: OnceLock<Arc<SelectionModel>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                // The file is part of the source tree and checked by a unit
                // test, so a failure here is a build defect, not bad input.
                Arc::new(
                    SelectionModel::from_json(BUILTIN).unwrap_or_else(|e| {
                        panic!("the compiled-in selection model is invalid: {e}")
                    }),
                )
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_model_parses_and_matches_the_features() {
        let model = SelectionModel::from_json(BUILTIN).expect("valid builtin model");
        assert!(!model.concept.trees.is_empty());
        assert!(!model.sentence.trees.is_empty());
        assert!(!model.lede.trees.is_empty());
        assert!(!model.term_prior.terms.is_empty());
    }

    #[test]
    fn scores_for_some_sentences_are_their_scores_in_the_whole() {
        let model = SelectionModel::builtin();
        let cluster = crate::model::Cluster::new(
            "c",
            vec![
                crate::model::Document::new(
                    "a",
                    "Russia vetoed the Syria resolution at the United Nations. \
                     The resolution called for a ceasefire. Diplomats expect talks.",
                ),
                crate::model::Document::new(
                    "b",
                    "Russia vetoed a Syria resolution on Wednesday. \
                     Western envoys condemned the veto. New talks are planned in Geneva.",
                ),
            ],
        );
        let p = crate::prepare::Pipeline::default()
            .prepare(&cluster)
            .expect("prepared");
        let whole = model.score(&p);
        let asked = [3, 0, 4];
        let some = model.score_for(&p, &asked);
        assert_eq!(some.concept_probabilities, whole.concept_probabilities);
        for i in 0..p.sentences.len() {
            if asked.contains(&i) {
                assert_eq!(some.lede_scores[i], whole.lede_scores[i]);
                assert_eq!(
                    some.sentence_probabilities[i],
                    whole.sentence_probabilities[i]
                );
            } else {
                assert_eq!(
                    (some.lede_scores[i], some.sentence_probabilities[i]),
                    (0.0, 0.0)
                );
            }
        }
        assert!(whole.lede_scores.iter().any(|&l| l != 0.0));
    }

    #[test]
    fn window_lede_scores_are_the_lede_scores_of_the_clusters_openings() {
        use crate::model::Cluster;
        use crate::prepare::Pipeline;
        let model = SelectionModel::builtin();
        let short = Cluster::from_texts(&[
            "Russia vetoed a UN resolution on Syria on Wednesday. The vote was 10 to 2.",
            "Moscow blocked the Security Council resolution on Syria. China abstained.",
        ]);
        let p = Pipeline::default().prepare(&short).expect("prepares");
        assert!(model.fits(&p));
        // A cluster inside the window: the same scores as the whole model's,
        // though only the asked sentences' concepts are scored.
        let all: Vec<usize> = (0..p.sentences.len()).collect();
        let whole = model.score(&p).lede_scores;
        let windowed: Vec<f32> = model
            .window_lede_scores(&p, &all)
            .into_iter()
            .map(|s| s.expect("inside the window"))
            .collect();
        assert_eq!(windowed, whole);
        assert_eq!(
            model.window_lede_scores(&p, &[1]),
            [Some(whole[1])],
            "one sentence asked alone"
        );

        // A cluster twice the window: its openings are scored, the rest not.
        let long_text: String = (0..60)
            .map(|k| format!("The council met for session number {k} on the budget. "))
            .collect();
        let long = Cluster::from_texts(&[long_text.as_str(), long_text.as_str()]);
        let p = Pipeline::default().prepare(&long).expect("prepares");
        assert!(!model.fits(&p));
        let last = p.doc_sentences[0].end - 1;
        let scores = model.window_lede_scores(&p, &[0, last, p.sentences.len()]);
        assert!(scores[0].is_some());
        assert_eq!(scores[1..], [None, None]);
    }

    #[test]
    fn a_model_for_other_features_is_refused() {
        let mut model = (*SelectionModel::builtin()).clone();
        model.concept.features.pop();
        let text = serde_json::to_string(&model).expect("serializes");
        let err = SelectionModel::from_json(&text).expect_err("refused");
        assert!(err.to_string().contains("features"), "{err}");
        assert!(SelectionModel::from_json("{}").is_err());
    }
}
