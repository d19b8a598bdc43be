//! Paired significance tests between two systems scored on the same
//! clusters: is A's mean above B's by more than the choice of clusters
//! explains?
//!
//! - **Paired bootstrap** (Koehn 2004; Berg-Kirkpatrick et al. 2012):
//!   resample clusters with replacement; the p-value is the share of
//!   resamples whose mean difference exceeds twice the observed one (the
//!   resampled differences centre on the observed difference, so this asks
//!   how often chance alone would produce it).
//! - **Approximate randomization** (Noreen 1989; Riezler & Maxwell 2005):
//!   under the null hypothesis the two systems' scores on a cluster are
//!   exchangeable; swap each pair with probability ½ and count how often
//!   the absolute mean difference reaches the observed one. Two-sided, with
//!   the `(count + 1) / (trials + 1)` correction.
//!
//! Both are seeded, so a report is the same on every run.

use brief_rouge::bootstrap::SplitMix64;
use serde::Serialize;

/// A paired comparison of two systems on one measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairedTest {
    /// Clusters scored by both systems.
    pub pairs: usize,
    /// Mean score of system A.
    pub mean_a: f64,
    /// Mean score of system B.
    pub mean_b: f64,
    /// `mean_a - mean_b`.
    pub difference: f64,
    /// One-sided paired bootstrap p-value of "A is better than B" (of "B
    /// is better" when the difference is negative).
    pub bootstrap_p: f64,
    /// Two-sided approximate randomization p-value.
    pub randomization_p: f64,
}

/// Compares paired scores `a[i]`, `b[i]` (the same cluster `i`) with
/// `resamples` bootstrap resamples and as many randomization trials.
///
/// # Panics
/// Never on input: unequal lengths are cut to the shorter.
pub fn paired_test(a: &[f64], b: &[f64], resamples: usize, seed: u64) -> PairedTest {
    let n = a.len().min(b.len());
    let diffs: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let observed = mean(&diffs);
    let resamples = resamples.max(1);

    let mut rng = SplitMix64(seed);
    let mut beyond = 0usize;
    for _ in 0..resamples {
        let mut sum = 0.0;
        for _ in 0..n {
            sum += diffs[rng.below(n)];
        }
        let delta = if n == 0 { 0.0 } else { sum / n as f64 };
        // Signed by the observed direction, so the test asks whether the
        // system that looks better is.
        if observed.signum() * delta > 2.0 * observed.abs() {
            beyond += 1;
        }
    }
    let bootstrap_p = if observed == 0.0 {
        1.0
    } else {
        beyond as f64 / resamples as f64
    };

    let mut rng = SplitMix64(seed ^ 0x9E37_79B9_7F4A_7C15);
    let mut as_large = 0usize;
    for _ in 0..resamples {
        let mut sum = 0.0;
        for &d in &diffs {
            if rng.next_u64() & 1 == 1 {
                sum -= d;
            } else {
                sum += d;
            }
        }
        let delta = if n == 0 { 0.0 } else { sum / n as f64 };
        // A small tolerance so that ties (e.g. all differences zero) count.
        if delta.abs() >= observed.abs() - 1e-12 {
            as_large += 1;
        }
    }
    PairedTest {
        pairs: n,
        mean_a: mean(&a[..n]),
        mean_b: mean(&b[..n]),
        difference: observed,
        bootstrap_p,
        randomization_p: (as_large + 1) as f64 / (resamples + 1) as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clear_difference_is_significant() {
        let mut rng = SplitMix64(7);
        let b: Vec<f64> = (0..200)
            .map(|_| (rng.below(1000) as f64) / 1000.0)
            .collect();
        let a: Vec<f64> = b.iter().map(|x| x + 0.05).collect();
        let t = paired_test(&a, &b, 1000, 1);
        assert!((t.difference - 0.05).abs() < 1e-9);
        assert!(t.bootstrap_p < 0.01, "{t:?}");
        assert!(t.randomization_p < 0.01, "{t:?}");
    }

    #[test]
    fn identical_systems_are_not_significant() {
        let a: Vec<f64> = (0..100).map(|i| (i % 7) as f64).collect();
        let t = paired_test(&a, &a, 500, 3);
        assert_eq!(t.difference, 0.0);
        assert_eq!(t.bootstrap_p, 1.0);
        assert_eq!(t.randomization_p, 1.0);
    }

    #[test]
    fn noise_around_zero_is_not_significant() {
        // Differences of +1 and -1 in equal numbers, shuffled: mean 0.02.
        let mut a = Vec::new();
        let mut b = Vec::new();
        for i in 0..101 {
            a.push(if i % 2 == 0 { 1.0 } else { 0.0 });
            b.push(if i % 2 == 0 { 0.0 } else { 1.0 });
        }
        let t = paired_test(&a, &b, 2000, 5);
        assert!(t.bootstrap_p > 0.2, "{t:?}");
        assert!(t.randomization_p > 0.5, "{t:?}");
    }

    #[test]
    fn the_sign_test_case_matches_its_exact_p_value() {
        // 10 pairs, each A − B = 1: every random sign flip gives |mean| < 1
        // except the two all-same-sign assignments, so the exact two-sided
        // p-value is 2 / 1024; randomization estimates it.
        let a = vec![1.0; 10];
        let b = vec![0.0; 10];
        let t = paired_test(&a, &b, 20_000, 11);
        let exact = 2.0 / 1024.0;
        assert!((t.randomization_p - exact).abs() < 0.002, "{t:?}");
        assert_eq!(t.bootstrap_p, 0.0);
    }
}
