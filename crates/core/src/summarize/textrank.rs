//! TextRank (Mihalcea & Tarau, 2004, "TextRank: Bringing order into texts"):
//! PageRank over sentences linked by word overlap normalized by length,
//! `|Si ∩ Sj| / (ln|Si| + ln|Sj|)`.
//!
//! The graph is sparse: shared terms are counted through an inverted index,
//! so only pairs of sentences that share a term are stored
//! ([`LowerGraph`]); its ranks equal those of the dense matrix bit for bit.
//! At most [`crate::bounds::MAX_RANKED_SENTENCES`] sentences are ranked
//! ([`crate::bounds`]).

use super::graph::{pagerank_lower, LowerGraph};
use super::{uncancelled, Summarizer};
use crate::cancel::Deadline;
use crate::error::Result;
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;
use crate::select::{build_summary, greedy, SelectionConfig};
use crate::similarity::term_set;

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
        self.scores_within(p, &Deadline::none())
            .unwrap_or_else(|_| vec![0.0; p.sentences.len()])
    }

    /// [`TextRank::scores`], stopping once `deadline` passes.
    pub fn scores_within(&self, p: &PreparedCluster<'_>, deadline: &Deadline) -> Result<Vec<f64>> {
        let sets: Vec<_> = p.sentences.iter().map(|s| term_set(&s.terms)).collect();
        let graph = overlap_graph(&sets, p.vocab.len(), deadline)?;
        pagerank_lower(&graph, self.damping, 1e-7, 200, deadline)
    }
}

/// TextRank's edge weights between sentences with term sets `sets` (term ids
/// below `terms`), for the pairs that share a term.
fn overlap_graph(sets: &[Vec<u32>], terms: usize, deadline: &Deadline) -> Result<LowerGraph> {
    // ln(1) = 0: one-word sentences get a floor to avoid 0/0.
    let log_len: Vec<f64> = sets.iter().map(|s| (s.len().max(2) as f64).ln()).collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); terms];
    let mut shared = vec![0u32; sets.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut graph = LowerGraph::new();
    for (i, set) in sets.iter().enumerate() {
        deadline.check()?;
        for &t in set {
            let Some(posting) = postings.get(t as usize) else {
                continue;
            };
            for &k in posting {
                if shared[k as usize] == 0 {
                    touched.push(k);
                }
                shared[k as usize] += 1;
            }
        }
        touched.sort_unstable();
        graph.push_row(touched.iter().map(|&k| {
            let count = std::mem::take(&mut shared[k as usize]);
            // The earlier sentence's length first, as the dense matrix had it.
            (k, f64::from(count) / (log_len[k as usize] + log_len[i]))
        }));
        touched.clear();
        for &t in set {
            if let Some(posting) = postings.get_mut(t as usize) {
                posting.push(i as u32);
            }
        }
    }
    Ok(graph)
}

impl Summarizer for TextRank {
    fn name(&self) -> &'static str {
        "textrank"
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
        let scores = self.scores_within(p, deadline)?;
        let picked = greedy(p, &scores, budget, &self.selection);
        Ok(build_summary(p, self.name(), budget, picked))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cluster;
    use crate::prepare::Pipeline;
    use crate::similarity::intersection_size;
    use crate::summarize::graph::pagerank;

    #[test]
    fn sparse_scores_equal_dense_scores_bit_for_bit() {
        let cluster = Cluster::from_texts(&[
            "Russia vetoed the Syria resolution at the United Nations. \
             Diplomats expect new talks in Geneva next week. Markets were calm.",
            "Russia vetoed a Syria resolution on Wednesday. Yes. \
             The talks in Geneva were planned for next week. Nobody else spoke at all.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let t = TextRank::default();
        // The dense matrix, as TextRank computed it before the graph was sparse.
        let sets: Vec<_> = p.sentences.iter().map(|s| term_set(&s.terms)).collect();
        let n = sets.len();
        let mut w = vec![0.0; n * n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (a, b) = (sets[i].len(), sets[j].len());
                let denom = (a.max(2) as f64).ln() + (b.max(2) as f64).ln();
                let s = intersection_size(&sets[i], &sets[j]) as f64 / denom;
                w[i * n + j] = s;
                w[j * n + i] = s;
            }
        }
        assert_eq!(t.scores(&p), pagerank(&w, n, t.damping, 1e-7, 200));
    }
}
