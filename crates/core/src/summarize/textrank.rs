//! TextRank (Mihalcea & Tarau, 2004, "TextRank: Bringing order into texts"):
//! PageRank over sentences linked by word overlap normalized by length,
//! `|Si ∩ Sj| / (ln|Si| + ln|Sj|)`.

use super::graph::pagerank;
use super::Summarizer;
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;
use crate::select::{build_summary, greedy, SelectionConfig};
use crate::similarity::{intersection_size, term_set};

/// TextRank settings.
#[derive(Debug, Clone)]
pub struct TextRank {
    /// Probability of following an edge.
    pub damping: f64,
    /// Selection settings (length limits, redundancy).
    pub selection: SelectionConfig,
}

impl Default for TextRank {
    fn default() -> Self {
        TextRank {
            damping: 0.85,
            selection: SelectionConfig::default(),
        }
    }
}

impl TextRank {
    /// TextRank centrality of every sentence.
    pub fn scores(&self, p: &PreparedCluster<'_>) -> Vec<f64> {
        let sets: Vec<_> = p.sentences.iter().map(|s| term_set(&s.terms)).collect();
        let n = sets.len();
        let mut w = vec![0.0; n * n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (a, b) = (sets[i].len(), sets[j].len());
                // ln(1) = 0: one-word sentences get a floor to avoid 0/0.
                let denom = (a.max(2) as f64).ln() + (b.max(2) as f64).ln();
                let s = intersection_size(&sets[i], &sets[j]) as f64 / denom;
                w[i * n + j] = s;
                w[j * n + i] = s;
            }
        }
        pagerank(&w, n, self.damping, 1e-7, 200)
    }
}

impl Summarizer for TextRank {
    fn name(&self) -> &'static str {
        "textrank"
    }

    fn summarize(&self, p: &PreparedCluster<'_>, budget: Budget) -> Summary {
        let scores = self.scores(p);
        let picked = greedy(p, &scores, budget, &self.selection);
        build_summary(p, self.name(), budget, picked)
    }
}
