//! Percentile bootstrap confidence intervals for a mean (Efron & Tibshirani, 1993,
//! *An Introduction to the Bootstrap*, ch. 13), as ROUGE-1.5.5 reports `-c 95 -r 1000`.
//!
//! The generator is SplitMix64 (Steele, Lea & Flood, 2014, "Fast splittable pseudorandom
//! number generators", OOPSLA), hand-written in a few lines so that the same `seed` gives
//! the same interval on every run, platform and dependency version. Indices are drawn with
//! Lemire's multiply-shift (`(x * n) >> 64`); its bias is below 2^-40 for any realistic `n`.
//!
//! [`rouge155_bootstrap`] instead reproduces ROUGE-1.5.5.pl's own resampling
//! (`computeAverages` and `bootstrapResampling`, `-t 0`), because the script prints as
//! `Average` not the mean of the scores but the mean of its 1000 resampled means: resample
//! `i` calls Perl's `srand(i)` and draws with `rand`, which Perl (5.20 and later) implements
//! as its own `drand48` on every platform, hand-written here in three lines.

use serde::{Deserialize, Serialize};

/// A confidence interval around a mean.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower percentile of the resampled means.
    pub low: f64,
    /// Mean of the original values.
    pub mid: f64,
    /// Upper percentile of the resampled means.
    pub high: f64,
}

/// SplitMix64: a 64-bit state advanced by a Weyl constant and mixed; the
/// seeded generator of every resampling and shuffle in brief.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform index in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// The `q`-quantile of sorted `values` with linear interpolation between closest ranks
/// (numpy's default).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let position = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    let fraction = position - below as f64;
    sorted[below] + (sorted[above] - sorted[below]) * fraction
}

/// Percentile bootstrap of the mean of `values`.
///
/// Draws `resamples` samples of `values.len()` items with replacement from a SplitMix64
/// stream seeded with `seed`; `mid` is the mean of `values`, `low` and `high` the
/// `(1 - confidence) / 2` and `(1 + confidence) / 2` percentiles of the resampled means.
/// With no values every field is 0; with no resamples `low` and `high` equal `mid`.
pub fn bootstrap_mean(values: &[f64], resamples: usize, confidence: f64, seed: u64) -> Interval {
    if values.is_empty() {
        return Interval::default();
    }
    let n = values.len();
    let mid = values.iter().sum::<f64>() / n as f64;
    if resamples == 0 {
        return Interval {
            low: mid,
            mid,
            high: mid,
        };
    }
    let mut rng = SplitMix64(seed);
    let mut means: Vec<f64> = (0..resamples)
        .map(|_| (0..n).map(|_| values[rng.below(n)]).sum::<f64>() / n as f64)
        .collect();
    means.sort_by(f64::total_cmp);
    let tail = (1.0 - confidence.clamp(0.0, 1.0)) / 2.0;
    Interval {
        low: percentile(&means, tail),
        mid,
        high: percentile(&means, 1.0 - tail),
    }
}

/// Perl's `rand`: the 48-bit linear congruential generator of `drand48`, seeded as Perl's
/// `srand` seeds it.
struct PerlDrand48(u64);

impl PerlDrand48 {
    const MASK: u64 = (1 << 48) - 1;

    /// `srand(seed)`: the seed in the high 32 bits, `0x330E` in the low 16.
    fn seeded(seed: u64) -> Self {
        PerlDrand48(((seed << 16) + 0x330E) & Self::MASK)
    }

    /// `rand()`: a uniform value in `[0, 1)`.
    fn next_f64(&mut self) -> f64 {
        self.0 = (self.0.wrapping_mul(0x5_DEEC_E66D).wrapping_add(0xB)) & Self::MASK;
        self.0 as f64 / (1u64 << 48) as f64
    }
}

/// The `Average` and confidence interval that ROUGE-1.5.5.pl prints for `-c` and `-r`
/// (with `-t 0`) given its per-evaluation scores `values`, already rounded to 5 decimals as
/// the script stores them, in the script's order: the evaluation ids sorted as strings.
///
/// Resample `i` (of `resamples`) draws `values.len()` indices with `int(rand(n))` after
/// `srand(i)`; `mid` is the mean of the sorted resampled means (not of `values`), `low` and
/// `high` the script's percentiles of them (interpolated between neighbours when
/// `resamples · (1 - confidence) / 2` is not whole); all three rounded to 5 decimals.
/// With no values every field is 0; with no resamples all three are the mean of `values`.
pub fn rouge155_bootstrap(values: &[f64], resamples: usize, confidence: f64) -> Interval {
    if values.is_empty() {
        return Interval::default();
    }
    let n = values.len();
    if resamples == 0 {
        let mean = crate::rouge155::round5(values.iter().sum::<f64>() / n as f64);
        return Interval {
            low: mean,
            mid: mean,
            high: mean,
        };
    }
    let mut means: Vec<f64> = (0..resamples)
        .map(|i| {
            let mut rng = PerlDrand48::seeded(i as u64);
            // Summed in drawing order, as the script does.
            let sum = (0..n).fold(0.0, |sum, _| {
                let index = ((n as f64 * rng.next_f64()) as usize).min(n - 1);
                sum + values[index]
            });
            sum / n as f64
        })
        .collect();
    means.sort_by(f64::total_cmp);
    let mid = crate::rouge155::round5(means.iter().sum::<f64>() / resamples as f64);
    // The script's indices (`-c` is a percentage there); `ratio` comes from the upper
    // bound and is used for both.
    let percent = confidence.clamp(0.0, 1.0) * 100.0;
    let count = resamples as f64;
    let delta = count * ((100.0 - percent) / 2.0) / 100.0;
    let upper = (count - delta - 1.0).max(0.0).floor();
    let ratio = count - delta - 1.0 - upper;
    let at = |index: f64| means[(index as usize).min(resamples - 1)];
    let between = |index: f64| {
        let a = at(index);
        crate::rouge155::round5(a + (at(index + 1.0) - a) * ratio)
    };
    Interval {
        low: between(delta.floor()),
        mid,
        high: between(upper),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_reference_output() {
        // First outputs for seed 1234567 from the reference C implementation (Vigna).
        let mut rng = SplitMix64(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn same_seed_same_interval_and_bounds_ordered() {
        let values: Vec<f64> = (0..50).map(|i| f64::from(i % 7) / 7.0).collect();
        let a = bootstrap_mean(&values, 1000, 0.95, 42);
        let b = bootstrap_mean(&values, 1000, 0.95, 42);
        assert_eq!(a, b);
        assert!(a.low <= a.mid && a.mid <= a.high, "{a:?}");
        assert!(a.low < a.high);
    }

    #[test]
    fn constant_values_give_a_point_interval() {
        let i = bootstrap_mean(&[0.25; 10], 100, 0.95, 7);
        assert_eq!((i.low, i.mid, i.high), (0.25, 0.25, 0.25));
        assert_eq!(bootstrap_mean(&[], 100, 0.95, 7), Interval::default());
    }

    #[test]
    fn perl_rand_reference_output() {
        // `perl -e 'srand(0); print rand()'` and `srand(5); int(rand(30)), rand()` (5.36).
        let mut rng = PerlDrand48::seeded(0);
        assert!((rng.next_f64() - 0.17082803610629).abs() < 1e-14);
        let mut rng = PerlDrand48::seeded(5);
        assert_eq!((30.0 * rng.next_f64()) as usize, 15);
        assert!((rng.next_f64() - 0.272854301703291).abs() < 1e-14);
    }

    #[test]
    fn rouge155_bootstrap_edge_cases() {
        assert_eq!(rouge155_bootstrap(&[], 1000, 0.95), Interval::default());
        let one = rouge155_bootstrap(&[0.25], 1000, 0.95);
        assert_eq!((one.low, one.mid, one.high), (0.25, 0.25, 0.25));
        let none = rouge155_bootstrap(&[0.1, 0.2], 0, 0.95);
        assert_eq!((none.low, none.mid, none.high), (0.15, 0.15, 0.15));
    }

    #[test]
    fn percentile_interpolates() {
        assert_eq!(percentile(&[0.0, 1.0, 2.0, 3.0, 4.0], 0.5), 2.0);
        assert_eq!(percentile(&[0.0, 10.0], 0.25), 2.5);
    }
}
