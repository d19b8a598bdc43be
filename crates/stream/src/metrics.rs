//! Scores of a clustering against gold labels.
//!
//! - B-cubed precision, recall and F1 (Bagga & Baldwin 1998; Amigó et al.
//!   2009, "A comparison of extrinsic clustering evaluation metrics"): for
//!   each item, the share of its predicted cluster that shares its gold label
//!   (precision) and the share of its gold class that shares its predicted
//!   cluster (recall), averaged over items; F1 is their harmonic mean.
//! - Pairwise precision, recall and F1 over item pairs placed together.
//! - NMI: mutual information over the arithmetic mean of the two entropies,
//!   as scikit-learn's `normalized_mutual_info_score` (its default).
//!
//! Hand-written: a few dozen lines over a contingency table.

use crate::{Error, Result};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::hash::Hash;

/// Clustering scores, each in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// Number of items scored.
    pub items: usize,
    /// Number of gold classes.
    pub gold_clusters: usize,
    /// Number of predicted clusters.
    pub predicted_clusters: usize,
    /// B-cubed precision.
    pub bcubed_precision: f64,
    /// B-cubed recall.
    pub bcubed_recall: f64,
    /// B-cubed F1.
    pub bcubed_f1: f64,
    /// Pairwise precision (1 when no pair is predicted).
    pub pairwise_precision: f64,
    /// Pairwise recall (1 when no gold pair exists).
    pub pairwise_recall: f64,
    /// Pairwise F1.
    pub pairwise_f1: f64,
    /// Normalized mutual information (arithmetic-mean normalization).
    pub nmi: f64,
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn pairs(n: usize) -> f64 {
    (n as f64) * (n as f64 - 1.0) / 2.0
}

/// Scores `predicted` against `gold` (item `i` has labels `gold[i]`, `predicted[i]`).
///
/// ```
/// let s = brief_stream::score(&["a", "a", "b"], &[1, 1, 2]).unwrap();
/// assert_eq!(s.bcubed_f1, 1.0);
/// ```
pub fn score<G: Eq + Hash, P: Eq + Hash>(gold: &[G], predicted: &[P]) -> Result<Scores> {
    if gold.len() != predicted.len() {
        return Err(Error::LabelCount {
            gold: gold.len(),
            predicted: predicted.len(),
        });
    }
    let n = gold.len();
    let mut gold_ids: FxHashMap<&G, usize> = FxHashMap::default();
    let mut pred_ids: FxHashMap<&P, usize> = FxHashMap::default();
    let mut g_of = Vec::with_capacity(n);
    let mut p_of = Vec::with_capacity(n);
    for (g, p) in gold.iter().zip(predicted) {
        let next = gold_ids.len();
        g_of.push(*gold_ids.entry(g).or_insert(next));
        let next = pred_ids.len();
        p_of.push(*pred_ids.entry(p).or_insert(next));
    }
    let mut gold_size = vec![0usize; gold_ids.len()];
    let mut pred_size = vec![0usize; pred_ids.len()];
    let mut joint: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (&g, &p) in g_of.iter().zip(&p_of) {
        gold_size[g] += 1;
        pred_size[p] += 1;
        *joint.entry((g, p)).or_insert(0) += 1;
    }
    if n == 0 {
        return Ok(Scores {
            items: 0,
            gold_clusters: 0,
            predicted_clusters: 0,
            bcubed_precision: 1.0,
            bcubed_recall: 1.0,
            bcubed_f1: 1.0,
            pairwise_precision: 1.0,
            pairwise_recall: 1.0,
            pairwise_f1: 1.0,
            nmi: 1.0,
        });
    }
    // Each (g, p) cell holds `c` items, each with precision c/|p| and recall c/|g|.
    let (mut bp, mut br, mut together) = (0.0, 0.0, 0.0);
    // Iterate in a fixed order so the floating sums are reproducible.
    let mut cells: Vec<((usize, usize), usize)> = joint.into_iter().collect();
    cells.sort_unstable();
    let nf = n as f64;
    let mut mutual_information = 0.0;
    for &((g, p), c) in &cells {
        let c = c as f64;
        bp += c * c / pred_size[p] as f64;
        br += c * c / gold_size[g] as f64;
        together += pairs(c as usize);
        mutual_information += c / nf * (nf * c / (gold_size[g] as f64 * pred_size[p] as f64)).ln();
    }
    let (bp, br) = (bp / nf, br / nf);
    let pred_pairs: f64 = pred_size.iter().map(|&s| pairs(s)).sum();
    let gold_pairs: f64 = gold_size.iter().map(|&s| pairs(s)).sum();
    let pp = if pred_pairs == 0.0 {
        1.0
    } else {
        together / pred_pairs
    };
    let pr = if gold_pairs == 0.0 {
        1.0
    } else {
        together / gold_pairs
    };
    let entropy = |sizes: &[usize]| -> f64 {
        sizes
            .iter()
            .map(|&s| {
                let q = s as f64 / nf;
                -q * q.ln()
            })
            .sum()
    };
    let (hg, hp) = (entropy(&gold_size), entropy(&pred_size));
    let nmi = if hg == 0.0 && hp == 0.0 {
        1.0
    } else {
        (mutual_information / ((hg + hp) / 2.0)).clamp(0.0, 1.0)
    };
    Ok(Scores {
        items: n,
        gold_clusters: gold_size.len(),
        predicted_clusters: pred_size.len(),
        bcubed_precision: bp,
        bcubed_recall: br,
        bcubed_f1: harmonic(bp, br),
        pairwise_precision: pp,
        pairwise_recall: pr,
        pairwise_f1: harmonic(pp, pr),
        nmi,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// gold a a a b b, predicted 1 1 2 2 2, worked by hand:
    /// B-cubed P = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15, R = (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15;
    /// pairs predicted {01, 23, 24, 34}, gold {01, 02, 12, 34}, shared {01, 34}: P = R = 1/2.
    /// NMI reference from scikit-learn 1.x `normalized_mutual_info_score`.
    #[test]
    fn hand_computed_example() {
        let s = score(&["a", "a", "a", "b", "b"], &[1, 1, 2, 2, 2]).unwrap();
        assert!(close(s.bcubed_precision, 11.0 / 15.0));
        assert!(close(s.bcubed_recall, 11.0 / 15.0));
        assert!(close(s.bcubed_f1, 11.0 / 15.0));
        assert!(close(s.pairwise_precision, 0.5));
        assert!(close(s.pairwise_recall, 0.5));
        assert!(close(s.pairwise_f1, 0.5));
        assert!((s.nmi - NMI_EXAMPLE).abs() < 1e-9, "{}", s.nmi);
    }

    const NMI_EXAMPLE: f64 = 0.432_538_067_766_312_43;

    /// All in one predicted cluster: B-cubed recall 1, precision = Σ|g|²/n².
    #[test]
    fn one_cluster() {
        let s = score(&[1, 1, 2, 3], &["x"; 4]).unwrap();
        assert!(close(s.bcubed_recall, 1.0));
        assert!(close(s.bcubed_precision, (4.0 + 1.0 + 1.0) / 16.0));
        assert!(close(s.pairwise_precision, 1.0 / 6.0));
        assert!(close(s.nmi, 0.0));
    }

    /// All singletons: B-cubed precision 1, recall = Σ 1/|g| / n.
    #[test]
    fn singletons() {
        let s = score(&[1, 1, 2], &[1, 2, 3]).unwrap();
        assert!(close(s.bcubed_precision, 1.0));
        assert!(close(s.bcubed_recall, (0.5 + 0.5 + 1.0) / 3.0));
        assert!(close(s.pairwise_precision, 1.0));
        assert!(close(s.pairwise_recall, 0.0));
        assert!(close(s.pairwise_f1, 0.0));
    }

    #[test]
    fn length_mismatch_is_an_error() {
        assert!(matches!(
            score(&[1, 2], &[1]),
            Err(Error::LabelCount {
                gold: 2,
                predicted: 1
            })
        ));
    }

    proptest! {
        /// Renaming labels changes nothing; a perfect prediction scores 1; all scores lie in [0, 1].
        #[test]
        fn invariants(gold in prop::collection::vec(0u8..5, 1..40), pred in prop::collection::vec(0u8..5, 40)) {
            let pred = &pred[..gold.len()];
            let s = score(&gold, pred).unwrap();
            let renamed: Vec<u32> = pred.iter().map(|&p| 100 + u32::from(p) * 7).collect();
            prop_assert_eq!(s, score(&gold, &renamed).unwrap());
            for v in [s.bcubed_precision, s.bcubed_recall, s.bcubed_f1, s.pairwise_f1, s.nmi] {
                prop_assert!((0.0..=1.0 + 1e-12).contains(&v));
            }
            let perfect = score(&gold, &gold).unwrap();
            prop_assert!(close(perfect.bcubed_f1, 1.0) && close(perfect.pairwise_f1, 1.0) && close(perfect.nmi, 1.0));
        }
    }
}
