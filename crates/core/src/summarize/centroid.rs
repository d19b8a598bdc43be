//! Centroid summarizer (Radev et al., 2004, "Centroid-based summarization of
//! multiple documents"): sentences closest to the TF-IDF centroid of the
//! cluster best represent its topic.

use super::{uncancelled, Summarizer};
use crate::cancel::Deadline;
use crate::error::Result;
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;
use crate::select::{build_summary, greedy, SelectionConfig};
use crate::similarity::{centroid, dot, tfidf, Idf, SparseVec};

/// Cosine similarity to the cluster's TF-IDF centroid.
#[derive(Debug, Clone, Default)]
pub struct Centroid {
    /// Selection settings (length limits, redundancy).
    pub selection: SelectionConfig,
}

/// TF-IDF unit vectors of every sentence, with document-level IDF.
pub(crate) fn sentence_vectors(p: &PreparedCluster<'_>) -> Vec<SparseVec> {
    let idf = Idf::over_sentences(p);
    p.sentences.iter().map(|s| tfidf(&s.terms, &idf)).collect()
}

impl Summarizer for Centroid {
    fn name(&self) -> &'static str {
        "centroid"
    }

    fn summarize(&self, p: &PreparedCluster<'_>, budget: Budget) -> Summary {
        uncancelled(
            self.summarize_within(p, budget, &Deadline::none()),
            p,
            self.name(),
            budget,
        )
    }

    fn summarize_within(
        &self,
        p: &PreparedCluster<'_>,
        budget: Budget,
        deadline: &Deadline,
    ) -> Result<Summary> {
        let p = &*crate::bounds::ranked(p);
        deadline.check()?;
        let vectors = sentence_vectors(p);
        let c = centroid(&vectors);
        let scores: Vec<f64> = vectors.iter().map(|v| dot(v, &c)).collect();
        let picked = greedy(p, &scores, budget, &self.selection);
        deadline.check()?;
        Ok(build_summary(p, self.name(), budget, picked))
    }
}
