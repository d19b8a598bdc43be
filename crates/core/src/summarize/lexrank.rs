//! LexRank (Erkan & Radev, 2004, "LexRank: Graph-based lexical centrality as
//! salience in text summarization"): PageRank over the graph of IDF-modified
//! cosine similarities between sentences. Continuous LexRank weights edges by
//! similarity; with a threshold, edges above it count 1 and the rest 0.
//!
//! The graph is sparse: cosines are accumulated through an inverted index,
//! so only pairs of sentences that share a term are ever compared or
//! stored ([`LowerGraph`], 12 bytes per edge). Its ranks equal those of the
//! dense n × n matrix bit for bit. At most [`crate::bounds::MAX_RANKED_SENTENCES`]
//! sentences are ranked (the lead sentences of every document first; see
//! [`crate::bounds`]), so a graph takes at most about 25 MB whatever the
//! input.

use super::graph::{pagerank_lower, LowerGraph};
use super::{uncancelled, Summarizer};
use crate::cancel::Deadline;
use crate::error::Result;
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;
use crate::select::{build_summary, greedy, SelectionConfig};
use crate::similarity::SparseVec;

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
        self.scores_within(p, &Deadline::none())
            .unwrap_or_else(|_| vec![0.0; p.sentences.len()])
    }

    /// [`LexRank::scores`], stopping once `deadline` passes.
    pub fn scores_within(&self, p: &PreparedCluster<'_>, deadline: &Deadline) -> Result<Vec<f64>> {
        let vectors = super::centroid::sentence_vectors(p);
        let mut graph = cosine_graph(&vectors, deadline)?;
        if let Some(t) = self.threshold {
            graph = graph.map_weights(|x| if x > t { 1.0 } else { 0.0 });
        }
        pagerank_lower(&graph, self.damping, 1e-7, 200, deadline)
    }
}

/// The cosine similarities of unit vectors between distinct sentences, as a
/// [`LowerGraph`] of the pairs that share a term. Each cosine is summed
/// term by term in ascending term order, as [`crate::similarity::dot`]
/// does, so it is bit for bit the dense matrix's.
pub fn cosine_graph(vectors: &[SparseVec], deadline: &Deadline) -> Result<LowerGraph> {
    let terms = vectors
        .iter()
        .flat_map(|v| v.last().map(|&(t, _)| t as usize + 1))
        .max()
        .unwrap_or(0);
    let mut postings: Vec<Vec<(u32, f64)>> = vec![Vec::new(); terms];
    let mut dots = vec![0.0; vectors.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut graph = LowerGraph::new();
    for (i, vector) in vectors.iter().enumerate() {
        deadline.check()?;
        for &(t, w) in vector {
            for &(k, wk) in &postings[t as usize] {
                if dots[k as usize] == 0.0 {
                    touched.push(k);
                }
                dots[k as usize] += wk * w;
            }
        }
        touched.sort_unstable();
        graph.push_row(
            touched
                .iter()
                .map(|&k| (k, std::mem::take(&mut dots[k as usize]))),
        );
        touched.clear();
        for &(t, w) in vector {
            postings[t as usize].push((i as u32, w));
        }
    }
    Ok(graph)
}

impl Summarizer for LexRank {
    fn name(&self) -> &'static str {
        "lexrank"
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
    use crate::similarity::cosine_matrix;
    use crate::summarize::graph::pagerank;

    /// The scores of the dense graph, as LexRank computed them before the
    /// graph was sparse.
    fn dense_scores(l: &LexRank, p: &PreparedCluster<'_>) -> Vec<f64> {
        let vectors = crate::summarize::centroid::sentence_vectors(p);
        let n = vectors.len();
        let mut w = cosine_matrix(&vectors);
        for i in 0..n {
            w[i * n + i] = 0.0;
        }
        if let Some(t) = l.threshold {
            w.iter_mut()
                .for_each(|x| *x = if *x > t { 1.0 } else { 0.0 });
        }
        pagerank(&w, n, l.damping, 1e-7, 200)
    }

    #[test]
    fn sparse_scores_equal_dense_scores_bit_for_bit() {
        let cluster = Cluster::from_texts(&[
            "Russia vetoed the Syria resolution at the United Nations. \
             Diplomats expect new talks in Geneva next week. Markets were calm.",
            "Russia vetoed a Syria resolution on Wednesday. \
             The talks in Geneva were planned for next week. Nobody else spoke at all.",
            "China abstained. The vote on the resolution was ten to two. Russia said no.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        for threshold in [None, Some(0.1), Some(0.3)] {
            let l = LexRank {
                threshold,
                ..LexRank::default()
            };
            assert_eq!(l.scores(&p), dense_scores(&l, &p), "{threshold:?}");
        }
    }
}
