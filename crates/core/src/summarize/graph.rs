//! PageRank by power iteration over a weighted sentence graph, shared by
//! LexRank and TextRank.

/// Stationary distribution of a random walk on the weighted graph `weights`
/// (row-major n × n, non-negative): with probability `damping` follow an
/// edge (proportionally to its weight), otherwise jump to a uniformly random
/// node. Nodes without edges jump uniformly. Iterates until the L1 change is
/// below `tolerance` or `max_iterations` is reached.
///
/// ```
/// use brief_core::summarize::graph::pagerank;
/// // A star: node 0 is linked to 1 and 2, which link only to 0.
/// let w = [0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
/// let r = pagerank(&w, 3, 0.85, 1e-9, 200);
/// assert!(r[0] > r[1] && (r[1] - r[2]).abs() < 1e-12);
/// assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
/// ```
pub fn pagerank(
    weights: &[f64],
    n: usize,
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let out_sum: Vec<f64> = (0..n)
        .map(|i| weights[i * n..(i + 1) * n].iter().sum())
        .collect();
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut next = vec![0.0; n];
    for _ in 0..max_iterations {
        let dangling: f64 = (0..n).filter(|&i| out_sum[i] <= 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - damping) * uniform + damping * dangling * uniform;
        next.iter_mut().for_each(|x| *x = base);
        for i in 0..n {
            if out_sum[i] <= 0.0 {
                continue;
            }
            let share = damping * rank[i] / out_sum[i];
            let row = &weights[i * n..(i + 1) * n];
            for (j, &w) in row.iter().enumerate() {
                if w > 0.0 {
                    next[j] += share * w;
                }
            }
        }
        let delta: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if delta < tolerance {
            break;
        }
    }
    rank
}

/// A symmetric weighted sentence graph stored as its strict lower triangle:
/// row `i` holds the neighbours `k < i` with their (positive) weights, `k`
/// ascending. Each edge is stored once, in 12 bytes (a `u32` and an `f64`),
/// so a graph of `n` sentences never takes more than `6·n·(n−1)` bytes, and
/// only pairs that share a term are stored at all.
#[derive(Debug, Clone, Default)]
pub struct LowerGraph {
    /// Where each row starts in `targets`/`weights`; `n + 1` entries.
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
}

impl LowerGraph {
    /// An empty graph, to be filled row by row with [`LowerGraph::push_row`].
    pub fn new() -> Self {
        LowerGraph {
            offsets: vec![0],
            targets: Vec::new(),
            weights: Vec::new(),
        }
    }

    /// Appends the next row: `(k, weight)` pairs with `k` below the row's
    /// index, ascending; weights that are not positive are left out.
    pub fn push_row(&mut self, row: impl IntoIterator<Item = (u32, f64)>) {
        for (k, w) in row {
            debug_assert!((k as usize) < self.len());
            if w > 0.0 {
                self.targets.push(k);
                self.weights.push(w);
            }
        }
        self.offsets.push(self.targets.len());
    }

    /// Number of nodes (rows pushed).
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether the graph has no node.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of edges stored.
    pub fn edges(&self) -> usize {
        self.targets.len()
    }

    /// Replaces every weight by `f(weight)`, dropping those that become 0.
    pub fn map_weights(self, f: impl Fn(f64) -> f64) -> Self {
        let mut out = LowerGraph::new();
        for i in 0..self.len() {
            out.push_row(self.row(i).map(|(k, w)| (k, f(w))));
        }
        out
    }

    fn row(&self, i: usize) -> impl Iterator<Item = (u32, f64)> + '_ {
        let range = self.offsets[i]..self.offsets[i + 1];
        self.targets[range.clone()]
            .iter()
            .copied()
            .zip(self.weights[range].iter().copied())
    }
}

/// [`pagerank`] over a [`LowerGraph`], checking `deadline` once per
/// iteration. It performs the same floating-point operations in the same
/// order as [`pagerank`] over the dense matrix of the same graph (every
/// node's out-weight and every node's incoming mass are summed in
/// ascending order of the other node), so the ranks are bit for bit equal.
///
/// ```
/// use brief_core::summarize::graph::{pagerank, pagerank_lower, LowerGraph};
/// use brief_core::Deadline;
/// let mut g = LowerGraph::new();
/// g.push_row([]);
/// g.push_row([(0, 1.0)]);
/// g.push_row([(0, 0.5), (1, 0.0)]);
/// let dense = [0.0, 1.0, 0.5, 1.0, 0.0, 0.0, 0.5, 0.0, 0.0];
/// let sparse = pagerank_lower(&g, 0.85, 1e-9, 200, &Deadline::none()).unwrap();
/// assert_eq!(sparse, pagerank(&dense, 3, 0.85, 1e-9, 200));
/// ```
pub fn pagerank_lower(
    graph: &LowerGraph,
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
    deadline: &crate::cancel::Deadline,
) -> crate::error::Result<Vec<f64>> {
    let n = graph.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    // Row r's entry (k, w) is the edge r–k: weight w out of r towards k and
    // out of k towards r. Rows in order give every node its other ends in
    // ascending order: those below it from its own row, then those above.
    let mut out_sum = vec![0.0; n];
    for r in 0..n {
        for (k, w) in graph.row(r) {
            out_sum[r] += w;
            out_sum[k as usize] += w;
        }
    }
    let uniform = 1.0 / n as f64;
    let mut rank = vec![uniform; n];
    let mut next = vec![0.0; n];
    let mut share = vec![0.0; n];
    for _ in 0..max_iterations {
        deadline.check()?;
        let dangling: f64 = (0..n).filter(|&i| out_sum[i] <= 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - damping) * uniform + damping * dangling * uniform;
        next.iter_mut().for_each(|x| *x = base);
        for i in 0..n {
            share[i] = damping * rank[i] / out_sum[i];
        }
        for r in 0..n {
            for (k, w) in graph.row(r) {
                let k = k as usize;
                next[k] += share[r] * w;
                next[r] += share[k] * w;
            }
        }
        let delta: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if delta < tolerance {
            break;
        }
    }
    Ok(rank)
}
