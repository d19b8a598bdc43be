//! Saturated similarity coverage, the `L₁` of Lin & Bilmes (2011, "A class of
//! submodular functions for document summarization"):
//!
//! `L(S) = Σ_{i ∈ V} min(Σ_{j ∈ S} sim(i, j), α · Σ_{k ∈ V} sim(i, k))`
//!
//! Every sentence `i` of the cluster is "covered" by the summary `S` as far
//! as the summary is similar to it, but only up to a fraction `α` of how
//! similar the whole cluster is to it: once a sentence is well represented,
//! more of the same earns nothing, so the function rewards summaries that
//! represent *all* of the cluster rather than its densest corner. It is
//! monotone submodular, so it adds to the concept coverage of
//! [`super::submodular`] without losing the greedy's guarantee.
//!
//! Concept coverage counts exact shared word pairs; this term sees graded
//! similarity (TF-IDF cosine over the prepared terms), so it credits a
//! sentence for covering facts the sources word differently. On Multi-News
//! dev at 230 words it lifted R-1 / R-2 / R-Lsum by about 0.3 / 0.1 / 0.15
//! (0.1 to 0.15 on the 5,622 validation clusters); on DUC 2003 at 100 words
//! the change stays within noise (R-2 recall 11.21 → 11.06). `α = 0.2` is in
//! the range Lin & Bilmes found best.
//!
//! Hand-written: sparse similarity lists built through an inverted index
//! (only pairs of sentences that share a term are ever compared) and one
//! running sum per sentence. The summarizers build it over at most
//! [`crate::bounds::MAX_RANKED_SENTENCES`] sentences, so its lists hold at
//! most 2,048² entries of 16 bytes (67 MB) whatever the input.

use crate::cancel::Deadline;
use crate::error::Result;
use crate::prepare::PreparedCluster;
use crate::similarity::{tfidf, Idf};

/// The similarity structure of one cluster for [`SaturatedCoverage`].
#[derive(Debug, Clone)]
pub struct SimilarityCoverage {
    /// For each sentence, the sentences similar to it (itself included)
    /// with their cosine similarity, in index order; symmetric, zeros left
    /// out. Row `i` is `neighbours[starts[i]..starts[i + 1]]`: one block,
    /// read in one sweep by every gain.
    neighbours: Vec<(u32, f64)>,
    starts: Vec<usize>,
    /// For each sentence, `α ·` its total similarity to the cluster.
    caps: Vec<f64>,
    /// Multiplier that puts the term on the scale of the caller's objective.
    scale: f64,
}

impl SimilarityCoverage {
    /// The coverage function of `p` with saturation fraction `alpha`,
    /// scaled so that its maximum (every cap reached) equals `total`.
    pub fn new(p: &PreparedCluster<'_>, alpha: f64, total: f64) -> Self {
        Self::new_within(p, alpha, total, &Deadline::none()).unwrap_or_else(|_| Self::empty())
    }

    /// [`SimilarityCoverage::new`], checking `deadline` once per sentence.
    pub fn new_within(
        p: &PreparedCluster<'_>,
        alpha: f64,
        total: f64,
        deadline: &Deadline,
    ) -> Result<Self> {
        let idf = Idf::over_sentences(p);
        let n = p.sentences.len();
        let vectors: Vec<_> = p.sentences.iter().map(|s| tfidf(&s.terms, &idf)).collect();
        // Each term's postings (sentence, weight) in one block laid out by
        // how many sentences hold the term; `filled[t]` ends the part
        // written so far, the sentences before the current one.
        let mut holders = vec![0usize; p.vocab.len()];
        for &(t, _) in vectors.iter().flatten() {
            holders[t as usize] += 1;
        }
        let posting_starts = block_starts(&holders);
        let mut postings = vec![(0u32, 0.0); posting_starts[p.vocab.len()]];
        let mut filled: Vec<usize> = posting_starts[..p.vocab.len()].to_vec();
        // Each sentence's similarities to the earlier ones, in index order,
        // rows one after another (`earlier_starts`), then whether it has a
        // vector (its own entry). The symmetric rows are laid out from
        // them once their lengths are known.
        let mut earlier: Vec<(u32, f64)> = Vec::new();
        let mut earlier_starts: Vec<usize> = Vec::with_capacity(n + 1);
        let mut has_vector: Vec<bool> = Vec::with_capacity(n);
        // Dot products with earlier sentences, accumulated term by term.
        let mut dots = vec![0.0; n];
        let mut touched: Vec<u32> = Vec::new();
        for (i, vector) in vectors.iter().enumerate() {
            deadline.check()?;
            earlier_starts.push(earlier.len());
            for &(t, w) in vector {
                let t = t as usize;
                for &(k, wk) in &postings[posting_starts[t]..filled[t]] {
                    if dots[k as usize] == 0.0 {
                        touched.push(k);
                    }
                    dots[k as usize] += w * wk;
                }
            }
            touched.sort_unstable();
            for &k in &touched {
                let sim = std::mem::take(&mut dots[k as usize]);
                if sim > 0.0 {
                    earlier.push((k, sim));
                }
            }
            touched.clear();
            has_vector.push(!vector.is_empty());
            for &(t, w) in vector {
                postings[filled[t as usize]] = (i as u32, w);
                filled[t as usize] += 1;
            }
        }
        earlier_starts.push(earlier.len());
        // Row i: its earlier neighbours, itself, then each later sentence
        // that has i among its earlier ones, in index order.
        let mut lengths: Vec<usize> = (0..n)
            .map(|i| earlier_starts[i + 1] - earlier_starts[i] + usize::from(has_vector[i]))
            .collect();
        for &(k, _) in &earlier {
            lengths[k as usize] += 1;
        }
        let starts = block_starts(&lengths);
        let mut neighbours = vec![(0u32, 0.0); starts[n]];
        let mut fill: Vec<usize> = starts[..n].to_vec();
        for i in 0..n {
            let row = &earlier[earlier_starts[i]..earlier_starts[i + 1]];
            for &(k, sim) in row {
                neighbours[fill[i]] = (k, sim);
                fill[i] += 1;
                neighbours[fill[k as usize]] = (i as u32, sim);
                fill[k as usize] += 1;
            }
            if has_vector[i] {
                neighbours[fill[i]] = (i as u32, 1.0);
                fill[i] += 1;
            }
        }
        Ok(Self::from_rows(neighbours, starts, alpha, total))
    }

    /// The coverage function over unit sentence vectors (embeddings), with
    /// negative cosines taken as 0; same `alpha` and `total` as [`Self::new`].
    pub fn from_vectors(vectors: &[Vec<f32>], alpha: f64, total: f64) -> Self {
        Self::from_vectors_within(vectors, alpha, total, &Deadline::none())
            .unwrap_or_else(|_| Self::empty())
    }

    /// [`SimilarityCoverage::from_vectors`], checking `deadline` once per
    /// sentence.
    pub fn from_vectors_within(
        vectors: &[Vec<f32>],
        alpha: f64,
        total: f64,
        deadline: &Deadline,
    ) -> Result<Self> {
        let n = vectors.len();
        let mut neighbours: Vec<(u32, f64)> = Vec::new();
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        for i in 0..n {
            deadline.check()?;
            for j in 0..n {
                let sim = f64::from(crate::embedding::dot(&vectors[i], &vectors[j]));
                if sim > 0.0 {
                    neighbours.push((j as u32, sim));
                }
            }
            starts.push(neighbours.len());
        }
        Ok(Self::from_rows(neighbours, starts, alpha, total))
    }

    /// The structure of no sentence.
    fn empty() -> Self {
        SimilarityCoverage {
            neighbours: Vec::new(),
            starts: vec![0],
            caps: Vec::new(),
            scale: 0.0,
        }
    }

    /// The structure of the rows `neighbours[starts[i]..starts[i + 1]]`.
    fn from_rows(neighbours: Vec<(u32, f64)>, starts: Vec<usize>, alpha: f64, total: f64) -> Self {
        let caps: Vec<f64> = starts
            .windows(2)
            .map(|w| {
                alpha
                    * neighbours[w[0]..w[1]]
                        .iter()
                        .map(|&(_, sim)| sim)
                        .sum::<f64>()
            })
            .collect();
        let cap_total: f64 = caps.iter().sum();
        let scale = if cap_total > 0.0 {
            total / cap_total
        } else {
            0.0
        };
        SimilarityCoverage {
            neighbours,
            starts,
            caps,
            scale,
        }
    }

    /// The sentences similar to sentence `j` (itself included), with their
    /// similarity.
    fn row(&self, j: usize) -> &[(u32, f64)] {
        &self.neighbours[self.starts[j]..self.starts[j + 1]]
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.caps.len()
    }

    /// Whether the cluster has no sentences.
    pub fn is_empty(&self) -> bool {
        self.caps.is_empty()
    }
}

/// Where blocks of the given lengths start when laid end to end, and (last)
/// where the last one ends.
fn block_starts(lengths: &[usize]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(lengths.len() + 1);
    let mut end = 0;
    starts.push(0);
    for len in lengths {
        end += len;
        starts.push(end);
    }
    starts
}

/// The running value of [`SimilarityCoverage`] for a growing summary.
#[derive(Debug, Clone)]
pub struct SaturatedCoverage<'a> {
    structure: &'a SimilarityCoverage,
    /// For each sentence, `Σ_{j ∈ S} sim(i, j)` so far.
    covered: Vec<f64>,
}

impl<'a> SaturatedCoverage<'a> {
    /// The coverage of the empty summary.
    pub fn new(structure: &'a SimilarityCoverage) -> Self {
        SaturatedCoverage {
            structure,
            covered: vec![0.0; structure.len()],
        }
    }

    /// How much the coverage grows if sentence `j` is added.
    pub fn gain(&self, j: usize) -> f64 {
        let s = self.structure;
        let mut gain = 0.0;
        for &(i, sim) in s.row(j) {
            let (covered, cap) = (self.covered[i as usize], s.caps[i as usize]);
            if covered < cap {
                gain += (covered + sim).min(cap) - covered;
            }
        }
        gain * s.scale
    }

    /// Adds sentence `j` to the summary.
    pub fn add(&mut self, j: usize) {
        for &(i, sim) in self.structure.row(j) {
            self.covered[i as usize] += sim;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cluster;
    use crate::prepare::Pipeline;

    fn cluster() -> Cluster {
        Cluster::from_texts(&[
            "Russia vetoed the Syria resolution at the United Nations. \
             Diplomats expect new talks in Geneva next week.",
            "Russia vetoed a Syria resolution on Wednesday. \
             The talks in Geneva were planned for next week.",
        ])
    }

    #[test]
    fn gains_are_diminishing_and_bounded_by_the_total() {
        let cluster = cluster();
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let structure = SimilarityCoverage::new(&p, 0.5, 10.0);
        let mut coverage = SaturatedCoverage::new(&structure);
        let n = p.sentences.len();
        let before: Vec<f64> = (0..n).map(|j| coverage.gain(j)).collect();
        let mut value = 0.0;
        for j in 0..n {
            for (k, &b) in before.iter().enumerate() {
                assert!(coverage.gain(k) <= b + 1e-12, "gain of {k} grew");
            }
            value += coverage.gain(j);
            coverage.add(j);
        }
        assert!(
            (value - 10.0).abs() < 1e-9,
            "full summary reaches the total: {value}"
        );
        assert!(before.iter().all(|&g| g > 0.0));
    }

    #[test]
    fn rows_hold_every_similar_sentence_in_index_order() {
        let cluster = Cluster::from_texts(&[
            "Russia vetoed the Syria resolution at the United Nations. \
             Diplomats expect new talks in Geneva next week. The the the.",
            "Russia vetoed a Syria resolution on Wednesday. \
             The talks in Geneva were planned for next week.",
            "Geneva hosted the talks. Nothing else happened on Wednesday.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let structure = SimilarityCoverage::new(&p, 0.2, 1.0);
        let idf = Idf::over_sentences(&p);
        let vectors: Vec<_> = p.sentences.iter().map(|s| tfidf(&s.terms, &idf)).collect();
        for (i, v) in vectors.iter().enumerate() {
            let expected: Vec<(u32, f64)> = vectors
                .iter()
                .enumerate()
                .map(|(j, w)| {
                    (
                        j as u32,
                        if i == j {
                            1.0
                        } else {
                            crate::similarity::dot(v, w)
                        },
                    )
                })
                .filter(|&(j, sim)| sim > 0.0 && !(j as usize == i && v.is_empty()))
                .collect();
            let row = structure.row(i);
            assert_eq!(
                row.iter().map(|e| e.0).collect::<Vec<_>>(),
                expected.iter().map(|e| e.0).collect::<Vec<_>>(),
                "row {i}"
            );
            for (got, want) in row.iter().zip(&expected) {
                assert!((got.1 - want.1).abs() < 1e-12, "row {i}: {got:?} {want:?}");
            }
        }
    }

    #[test]
    fn a_sentence_covers_its_paraphrase_more_than_an_unrelated_one() {
        let cluster = cluster();
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let structure = SimilarityCoverage::new(&p, 0.2, 1.0);
        let mut coverage = SaturatedCoverage::new(&structure);
        // Sentence 0 (the veto) is added; the other veto sentence (2) must
        // now gain less, relative to before, than the Geneva sentence (3).
        let veto_before = coverage.gain(2);
        let geneva_before = coverage.gain(3);
        coverage.add(0);
        assert!(coverage.gain(2) / veto_before < coverage.gain(3) / geneva_before);
    }
}
