//! LexRank (Erkan & Radev, 2004, "LexRank: Graph-based lexical centrality as
//! salience in text summarization"): PageRank over the graph of IDF-modified
//! cosine similarities between sentences. Continuous LexRank weights edges by
//! similarity; with a threshold, edges above it count 1 and the rest 0.

use super::graph::pagerank;
use super::Summarizer;
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;
use crate::select::{build_summary, greedy, SelectionConfig};
use crate::similarity::cosine_matrix;

/// LexRank settings.
#[derive(Debug, Clone)]
pub struct LexRank {
    /// `None`: continuous LexRank. `Some(t)`: binary edges where cosine > t
    /// (the paper's best threshold was 0.1).
    pub threshold: Option<f64>,
    /// Probability of following an edge (1 − the paper's jump factor d).
    pub damping: f64,
    /// Selection settings (length limits, redundancy).
    pub selection: SelectionConfig,
}

impl Default for LexRank {
    fn default() -> Self {
        LexRank {
            threshold: None,
            damping: 0.85,
            selection: SelectionConfig::default(),
        }
    }
}

impl LexRank {
    /// LexRank centrality of every sentence.
    pub fn scores(&self, p: &PreparedCluster<'_>) -> Vec<f64> {
        let vectors = super::centroid::sentence_vectors(p);
        let n = vectors.len();
        let mut w = cosine_matrix(&vectors);
        for i in 0..n {
            w[i * n + i] = 0.0;
        }
        if let Some(t) = self.threshold {
            w.iter_mut()
                .for_each(|x| *x = if *x > t { 1.0 } else { 0.0 });
        }
        pagerank(&w, n, self.damping, 1e-7, 200)
    }
}

impl Summarizer for LexRank {
    fn name(&self) -> &'static str {
        "lexrank"
    }

    fn summarize(&self, p: &PreparedCluster<'_>, budget: Budget) -> Summary {
        let scores = self.scores(p);
        let picked = greedy(p, &scores, budget, &self.selection);
        build_summary(p, self.name(), budget, picked)
    }
}
