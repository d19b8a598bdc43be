//! Gradient-boosted regression trees, trained by second-order boosting on
//! histograms (Friedman 2001, "Greedy function approximation"; the split
//! gain and Newton leaf values of Chen & Guestrin 2016, XGBoost; the
//! histogram binning of Ke et al. 2017, LightGBM).
//!
//! Written here rather than taken from a crate because brief needs three
//! things at once that the Rust GBDT crates did not give together: output
//! in brief-core's own small [`Forest`] format (so the summarizer links no
//! learner), bit-for-bit determinism for a seed (every sum is taken in row
//! order, in `f64`, whatever the thread count), and a few hundred lines that
//! can be read and tested.
//!
//! Features are binned once into at most 255 quantile bins per feature
//! (NaN gets a bin of its own that always goes right, as in prediction);
//! trees grow depth-first to `max_depth`, each node's histogram built from
//! its rows (the smaller child built, the larger one obtained by
//! subtraction); a split needs `min_leaf_weight` hessian on each side and a
//! positive gain; leaves hold `-G / (H + λ)` times the learning rate.

use brief_core::learn::forest::{Forest, Node, Objective, Tree};
use brief_rouge::bootstrap::SplitMix64;
use rayon::prelude::*;

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GbdtConfig {
    /// Loss to minimize.
    pub objective: Objective,
    /// Boosting rounds.
    pub trees: usize,
    /// Shrinkage of every leaf.
    pub learning_rate: f64,
    /// Deepest level (root = 0).
    pub max_depth: usize,
    /// Least hessian weight in a leaf (rows, for squared error).
    pub min_leaf_weight: f64,
    /// L2 penalty on leaf values.
    pub lambda: f64,
    /// Share of rows drawn (without replacement) for each tree.
    pub subsample: f64,
    /// Seed of the row sampling.
    pub seed: u64,
}

impl Default for GbdtConfig {
    fn default() -> Self {
        GbdtConfig {
            objective: Objective::Squared,
            trees: 200,
            learning_rate: 0.1,
            max_depth: 5,
            min_leaf_weight: 20.0,
            lambda: 1.0,
            subsample: 0.8,
            seed: 1,
        }
    }
}

/// Rows of features, row-major, all rows the same length.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// Number of features per row.
    pub width: usize,
    /// `width` values per row.
    pub values: Vec<f32>,
}

impl Rows {
    /// An empty set of rows of `width` features.
    pub fn new(width: usize) -> Self {
        Rows {
            width,
            values: Vec::new(),
        }
    }

    /// Appends a row (panics in debug builds if its length is wrong).
    pub fn push(&mut self, row: &[f32]) {
        debug_assert_eq!(row.len(), self.width);
        self.values.extend_from_slice(row);
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.values.len().checked_div(self.width).unwrap_or(0)
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.values[i * self.width..(i + 1) * self.width]
    }
}

/// The bin of NaN: after every real bin, so it always goes right.
const NAN_BIN: u8 = u8::MAX;
/// Real bins per feature (NaN has its own).
const MAX_BINS: usize = 254;

/// Features binned column by column.
struct Binned {
    /// `bins[f][i]`: bin of row `i` in feature `f`.
    bins: Vec<Vec<u8>>,
    /// `cuts[f][b]`: rows in bin `≤ b` have feature `f ≤ cuts[f][b]`.
    cuts: Vec<Vec<f32>>,
}

/// Quantile cut points of one column: at most [`MAX_BINS`] bins, each a
/// run of distinct values.
fn cut_points(column: &mut Vec<f32>) -> Vec<f32> {
    let had_nan = column.iter().any(|v| v.is_nan());
    column.retain(|v| !v.is_nan());
    column.sort_by(f32::total_cmp);
    column.dedup();
    if column.len() <= MAX_BINS {
        // One bin per distinct value; the last needs no cut unless NaN
        // rows must be told apart from it.
        if !had_nan {
            column.pop();
        }
        return std::mem::take(column);
    }
    let step = column.len() as f64 / MAX_BINS as f64;
    let mut cuts: Vec<f32> = (1..MAX_BINS)
        .map(|k| column[((k as f64 * step) as usize).min(column.len() - 1)])
        .collect();
    cuts.dedup();
    cuts
}

fn bin_of(cuts: &[f32], x: f32) -> u8 {
    if x.is_nan() {
        return NAN_BIN;
    }
    // Number of cuts strictly below x: x <= cuts[b] exactly for bins <= b.
    cuts.partition_point(|&c| c < x) as u8
}

fn bin_rows(rows: &Rows) -> Binned {
    let n = rows.len();
    let (bins, cuts): (Vec<Vec<u8>>, Vec<Vec<f32>>) = (0..rows.width)
        .into_par_iter()
        .map(|f| {
            let mut column: Vec<f32> = (0..n).map(|i| rows.values[i * rows.width + f]).collect();
            let mut sorted = column.clone();
            let cuts = cut_points(&mut sorted);
            let bins = column.drain(..).map(|x| bin_of(&cuts, x)).collect();
            (bins, cuts)
        })
        .unzip();
    Binned { bins, cuts }
}

/// Gradient and hessian sums of one bin.
#[derive(Debug, Clone, Copy, Default)]
struct Bucket {
    g: f64,
    h: f64,
}

/// Per feature, one bucket per bin (index `NAN_BIN` included).
type Histogram = Vec<[Bucket; 256]>;

fn histogram(binned: &Binned, rows: &[u32], grad: &[f64], hess: &[f64]) -> Histogram {
    binned
        .bins
        .par_iter()
        .map(|column| {
            let mut buckets = [Bucket::default(); 256];
            for &i in rows {
                let b = &mut buckets[usize::from(column[i as usize])];
                b.g += grad[i as usize];
                b.h += hess[i as usize];
            }
            buckets
        })
        .collect()
}

fn subtract(parent: &Histogram, child: &Histogram) -> Histogram {
    parent
        .iter()
        .zip(child)
        .map(|(p, c)| {
            let mut out = [Bucket::default(); 256];
            for b in 0..256 {
                out[b] = Bucket {
                    g: p[b].g - c[b].g,
                    h: p[b].h - c[b].h,
                };
            }
            out
        })
        .collect()
}

/// The best split of a node: (gain, feature, last bin going left).
fn best_split(
    hist: &Histogram,
    binned: &Binned,
    config: &GbdtConfig,
) -> Option<(f64, usize, usize)> {
    let score = |g: f64, h: f64| g * g / (h + config.lambda);
    let mut best: Option<(f64, usize, usize)> = None;
    for (f, buckets) in hist.iter().enumerate() {
        let (g_total, h_total) = buckets
            .iter()
            .fold((0.0, 0.0), |(g, h), b| (g + b.g, h + b.h));
        let parent = score(g_total, h_total);
        let (mut gl, mut hl) = (0.0, 0.0);
        for (b, bucket) in buckets.iter().enumerate().take(binned.cuts[f].len()) {
            gl += bucket.g;
            hl += bucket.h;
            let (gr, hr) = (g_total - gl, h_total - hl);
            if hl < config.min_leaf_weight || hr < config.min_leaf_weight {
                continue;
            }
            let gain = score(gl, hl) + score(gr, hr) - parent;
            if gain > 1e-12 && best.is_none_or(|(g, _, _)| gain > g) {
                best = Some((gain, f, b));
            }
        }
    }
    best
}

/// Grows one tree over `rows`; returns it with every row's leaf value.
fn grow(binned: &Binned, rows: Vec<u32>, grad: &[f64], hess: &[f64], config: &GbdtConfig) -> Tree {
    let mut nodes: Vec<Node> = Vec::new();
    let root_hist = histogram(binned, &rows, grad, hess);
    // Stack of (node index, rows, histogram, depth), depth-first.
    nodes.push(Node::leaf(0.0));
    let mut stack = vec![(0usize, rows, root_hist, 0usize)];
    while let Some((at, rows, hist, depth)) = stack.pop() {
        let (g, h) = rows.iter().fold((0.0, 0.0), |(g, h), &i| {
            (g + grad[i as usize], h + hess[i as usize])
        });
        let split = (depth < config.max_depth)
            .then(|| best_split(&hist, binned, config))
            .flatten();
        let Some((_, feature, bin)) = split else {
            let value = -g / (h + config.lambda) * config.learning_rate;
            nodes[at] = Node::leaf(value as f32);
            continue;
        };
        let column = &binned.bins[feature];
        let (left, right): (Vec<u32>, Vec<u32>) = rows
            .iter()
            .partition(|&&i| usize::from(column[i as usize]) <= bin);
        let (left_hist, right_hist) = if left.len() <= right.len() {
            let l = histogram(binned, &left, grad, hess);
            let r = subtract(&hist, &l);
            (l, r)
        } else {
            let r = histogram(binned, &right, grad, hess);
            let l = subtract(&hist, &r);
            (l, r)
        };
        let li = nodes.len();
        nodes.push(Node::leaf(0.0));
        nodes.push(Node::leaf(0.0));
        nodes[at] = Node {
            feature: feature as u16,
            threshold: binned.cuts[feature][bin],
            left: li as u32,
            right: li as u32 + 1,
            value: 0.0,
        };
        stack.push((li + 1, right, right_hist, depth + 1));
        stack.push((li, left, left_hist, depth + 1));
    }
    Tree { nodes }
}

/// Trains a forest on `rows` with targets `y` (0/1 for logistic) and
/// optional row weights. Deterministic for a seed.
///
/// # Panics
/// If `y` (or `weights`) does not have one value per row, or there are more
/// than 65,535 features.
pub fn train(
    rows: &Rows,
    y: &[f32],
    weights: Option<&[f32]>,
    names: &[&str],
    config: &GbdtConfig,
) -> Forest {
    let n = rows.len();
    assert_eq!(y.len(), n, "one target per row");
    assert!(weights.is_none_or(|w| w.len() == n), "one weight per row");
    assert!(rows.width < usize::from(u16::MAX), "too many features");
    let weight = |i: usize| weights.map_or(1.0, |w| f64::from(w[i]));
    let total_weight: f64 = (0..n).map(weight).sum::<f64>().max(1e-12);
    let mean: f64 = (0..n).map(|i| weight(i) * f64::from(y[i])).sum::<f64>() / total_weight;
    let base = match config.objective {
        Objective::Squared => mean,
        Objective::Logistic => {
            let p = mean.clamp(1e-6, 1.0 - 1e-6);
            (p / (1.0 - p)).ln()
        }
    };
    let binned = bin_rows(rows);
    let mut score = vec![base; n];
    let mut grad = vec![0.0f64; n];
    let mut hess = vec![0.0f64; n];
    let mut rng = SplitMix64(config.seed);
    let mut trees = Vec::with_capacity(config.trees);
    for _ in 0..config.trees {
        for i in 0..n {
            let (g, h) = match config.objective {
                Objective::Squared => (score[i] - f64::from(y[i]), 1.0),
                Objective::Logistic => {
                    let p = 1.0 / (1.0 + (-score[i]).exp());
                    (p - f64::from(y[i]), (p * (1.0 - p)).max(1e-12))
                }
            };
            grad[i] = g * weight(i);
            hess[i] = h * weight(i);
        }
        let sample: Vec<u32> = if config.subsample < 1.0 {
            (0..n as u32)
                .filter(|_| (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= config.subsample)
                .collect()
        } else {
            (0..n as u32).collect()
        };
        let tree = grow(&binned, sample, &grad, &hess, config);
        for (i, s) in score.iter_mut().enumerate() {
            *s += f64::from(tree.value(rows.row(i)));
        }
        trees.push(tree);
    }
    Forest::new(names, config.objective, base as f32, trees)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(xs: &[[f32; 2]]) -> Rows {
        let mut r = Rows::new(2);
        for x in xs {
            r.push(x);
        }
        r
    }

    #[test]
    fn one_stump_finds_a_step_exactly() {
        // y = 3 where x0 > 0.5, else 1: the optimum is one split between
        // 0.4 and 0.6 with leaves 1 and 3.
        let xs: Vec<[f32; 2]> = (0..10).map(|k| [k as f32 / 10.0, 7.0]).collect();
        let y: Vec<f32> = xs
            .iter()
            .map(|x| if x[0] > 0.5 { 3.0 } else { 1.0 })
            .collect();
        let config = GbdtConfig {
            trees: 1,
            learning_rate: 1.0,
            max_depth: 1,
            min_leaf_weight: 1.0,
            lambda: 0.0,
            subsample: 1.0,
            ..GbdtConfig::default()
        };
        let forest = train(&rows(&xs), &y, None, &["x", "c"], &config);
        let root = forest.trees[0].nodes[0];
        assert_eq!(root.feature, 0);
        assert_eq!(root.threshold, 0.5);
        for (x, want) in xs.iter().zip(&y) {
            assert!((forest.predict(x) - want).abs() < 1e-5, "{x:?}");
        }
    }

    #[test]
    fn a_logistic_forest_without_splits_predicts_the_base_rate() {
        let xs = vec![[0.0f32, 0.0]; 8];
        let y = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0];
        let config = GbdtConfig {
            objective: Objective::Logistic,
            trees: 3,
            subsample: 1.0,
            ..GbdtConfig::default()
        };
        let forest = train(&rows(&xs), &y, None, &["a", "b"], &config);
        assert!((forest.probability(&[0.0, 0.0]) - 0.25).abs() < 1e-4);
    }

    #[test]
    fn boosting_fits_an_interaction_and_is_deterministic() {
        // y = x0 * x1 on a grid: depth-2 trees fit it far better than the mean.
        let xs: Vec<[f32; 2]> = (0..400)
            .map(|k| [(k % 20) as f32 / 20.0, (k / 20) as f32 / 20.0])
            .collect();
        let y: Vec<f32> = xs.iter().map(|x| x[0] * x[1]).collect();
        let config = GbdtConfig {
            trees: 60,
            max_depth: 2,
            min_leaf_weight: 5.0,
            ..GbdtConfig::default()
        };
        let r = rows(&xs);
        let forest = train(&r, &y, None, &["a", "b"], &config);
        let mse = |f: &dyn Fn(&[f32]) -> f32| {
            xs.iter()
                .zip(&y)
                .map(|(x, t)| (f(x) - t).powi(2))
                .sum::<f32>()
                / xs.len() as f32
        };
        let mean = y.iter().sum::<f32>() / y.len() as f32;
        assert!(mse(&|x| forest.predict(x)) < 0.05 * mse(&|_| mean));
        assert_eq!(forest, train(&r, &y, None, &["a", "b"], &config));
        assert!(forest.check(&["a", "b"]).is_ok());
        let other = GbdtConfig { seed: 2, ..config };
        assert_ne!(forest, train(&r, &y, None, &["a", "b"], &other));
    }

    #[test]
    fn nan_goes_right_in_training_as_in_prediction() {
        let xs = [[f32::NAN, 0.0], [f32::NAN, 0.0], [0.0, 0.0], [0.0, 0.0]];
        let y = [5.0, 5.0, 1.0, 1.0];
        let config = GbdtConfig {
            trees: 1,
            learning_rate: 1.0,
            max_depth: 1,
            min_leaf_weight: 1.0,
            lambda: 0.0,
            subsample: 1.0,
            ..GbdtConfig::default()
        };
        let forest = train(&rows(&xs), &y, None, &["a", "b"], &config);
        assert!((forest.predict(&[f32::NAN, 0.0]) - 5.0).abs() < 1e-5);
        assert!((forest.predict(&[0.0, 0.0]) - 1.0).abs() < 1e-5);
    }
}
