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
