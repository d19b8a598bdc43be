//! News priors that any scorer can combine with its own evidence.
//!
//! Two regularities of news writing are used:
//!
//! - **Position**: reporters put the main facts first (the inverted pyramid),
//!   so lead sentences are the best single predictor of what a summary says
//!   (Brandow et al. 1995; Nenkova 2005, "Automatic text summarization of
//!   newswire: lessons learned from DUC"). [`PositionPrior`] gives sentence
//!   `k` of its article the weight `h / (h + k)`: 1 for the lead sentence,
//!   ½ at position `h`, decaying slowly rather than cutting off, so late
//!   facts still count when several sources repeat them.
//! - **Cross-document support**: a fact repeated by several independent
//!   sources is central to the story (the document-frequency concept weights
//!   of Gillick & Favre 2009). [`support_unit`] says what counts as a
//!   "source" for a cluster: its documents, or, when the cluster has a single
//!   document, its sentences, so that repetition still carries signal.
//!
//! The priors are plain functions of a prepared cluster: a scorer multiplies
//! them into sentence scores ([`PositionPrior::apply`]) or into concept
//! weights ([`crate::summarize::concepts`]).

use crate::prepare::PreparedCluster;

/// Weight of a sentence by its position in its article: `h / (h + k)` for
/// the sentence at 0-based position `k`, with half-weight position `h`.
/// `h = ∞` (or any non-finite value) switches the prior off (every weight 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PositionPrior {
    /// Position (0-based) whose weight is one half.
    pub half_weight_at: f64,
}

impl Default for PositionPrior {
    fn default() -> Self {
        PositionPrior {
            half_weight_at: 4.0,
        }
    }
}

impl PositionPrior {
    /// A prior that weighs every position the same.
    pub const NONE: PositionPrior = PositionPrior {
        half_weight_at: f64::INFINITY,
    };

    /// The weight of 0-based position `position`, in (0, 1].
    ///
    /// ```
    /// use brief_core::priors::PositionPrior;
    /// let prior = PositionPrior { half_weight_at: 4.0 };
    /// assert_eq!(prior.weight(0), 1.0);
    /// assert_eq!(prior.weight(4), 0.5);
    /// assert_eq!(PositionPrior::NONE.weight(40), 1.0);
    /// ```
    pub fn weight(&self, position: usize) -> f64 {
        let h = self.half_weight_at;
        if !h.is_finite() || h <= 0.0 {
            return 1.0;
        }
        h / (h + position as f64)
    }

    /// The weight of every sentence of `p`, by its position in its document.
    pub fn sentence_weights(&self, p: &PreparedCluster<'_>) -> Vec<f64> {
        p.sentences
            .iter()
            .map(|s| self.weight(s.position))
            .collect()
    }

    /// Multiplies each sentence score by its position weight.
    pub fn apply(&self, p: &PreparedCluster<'_>, scores: &mut [f64]) {
        for (score, s) in scores.iter_mut().zip(&p.sentences) {
            *score *= self.weight(s.position);
        }
    }
}

/// Whether a sentence carries quoted speech: it holds a double quotation
/// mark, straight or curly.
///
/// Long multi-source summaries written by news editors quote their sources
/// (the Multi-News references of about 220 words do, often verbatim), so
/// with a long budget a sentence that reports speech is worth a little more
/// than its concepts alone say. Bare quotes, whose speaker is in another
/// sentence, are never eligible anyway ([`crate::select::eligible`]).
///
/// ```
/// use brief_core::priors::carries_quote;
/// assert!(carries_quote("\"No\", Trump said."));
/// assert!(carries_quote("Lavrov called it \u{201c}unlawful\u{201d}."));
/// assert!(!carries_quote("Russia vetoed the resolution."));
/// ```
pub fn carries_quote(sentence: &str) -> bool {
    sentence.contains(['"', '\u{201c}', '\u{201d}'])
}

/// What counts as one independent source of a fact in a cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupportUnit {
    /// Each document is a source (clusters of two or more documents).
    Document,
    /// Each sentence is a source (single-document clusters, where document
    /// counts are all 1 and say nothing).
    Sentence,
}

/// Documents when the cluster has several, sentences when it has one.
pub fn support_unit(p: &PreparedCluster<'_>) -> SupportUnit {
    if p.num_docs() >= 2 {
        SupportUnit::Document
    } else {
        SupportUnit::Sentence
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cluster, Document};
    use crate::prepare::Pipeline;

    #[test]
    fn position_weights_decrease_and_stay_positive() {
        let prior = PositionPrior::default();
        let weights: Vec<f64> = (0..50).map(|k| prior.weight(k)).collect();
        assert_eq!(weights[0], 1.0);
        assert!(weights.windows(2).all(|w| w[1] < w[0] && w[1] > 0.0));
    }

    #[test]
    fn apply_scales_scores_by_position() {
        let cluster = Cluster::new(
            "c",
            vec![Document::new(
                "a",
                "Russia vetoed the draft on Syria. China abstained from the vote on Syria.",
            )],
        );
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let mut scores = vec![1.0; p.sentences.len()];
        PositionPrior {
            half_weight_at: 1.0,
        }
        .apply(&p, &mut scores);
        assert_eq!(scores, [1.0, 0.5]);
        assert_eq!(support_unit(&p), SupportUnit::Sentence);
    }
}
