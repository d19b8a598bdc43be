//! Splitting a closed story that holds two stories.
//!
//! Single-pass clustering decides on each article once, against stories
//! still forming; when two related stories meet early (a satellite launch
//! and a missile test by the same country) the merged centroid then draws
//! both. When a story closes, its members are bisected with spherical
//! 2-means (Steinbach, Karypis & Kumar, "A comparison of document clustering
//! techniques", 2000: bisecting k-means), and the halves are kept apart when
//! their average cross similarity is below [`split_ratio`](crate::ClusterConfig::split_ratio)
//! times the lower of their own average internal similarities — the two
//! halves are each far more alike than they are like each other. Halves are
//! bisected again until no split passes.
//!
//! Vectors are sparse `(term, weight)` lists sorted by term and of unit
//! length; average similarities come from vector sums in O(members × terms)
//! (for unit vectors, the sum of pairwise dot products within a group is
//! `(|Σx|² − n) / 2`), so no member-by-member matrix is built.

use brief_core::similarity::dot;
use rustc_hash::FxHashMap;

/// A member's unit-length sparse vector, sorted by term.
pub type SparseVector = [(u32, f64)];

/// Groups of indices into `vectors` (each group ascending, groups ordered by
/// their first index), splitting while a bisection passes the test described
/// in the module docs. `min_members` is the smallest part kept.
pub fn split(vectors: &[&SparseVector], ratio: f64, min_members: usize) -> Vec<Vec<usize>> {
    let min_members = min_members.max(2);
    let mut pending = vec![(0..vectors.len()).collect::<Vec<usize>>()];
    let mut done = Vec::new();
    while let Some(group) = pending.pop() {
        match bisect(vectors, &group, ratio, min_members) {
            Some((a, b)) => {
                pending.push(a);
                pending.push(b);
            }
            None => done.push(group),
        }
    }
    done.sort_unstable_by_key(|g| g.first().copied().unwrap_or(usize::MAX));
    done
}

/// The two halves of `group` if they pass the split test.
fn bisect(
    vectors: &[&SparseVector],
    group: &[usize],
    ratio: f64,
    min_members: usize,
) -> Option<(Vec<usize>, Vec<usize>)> {
    if group.len() < 2 * min_members {
        return None;
    }
    let total = sum(vectors, group);
    // Seeds: the member least like the rest, and the member least like it.
    let (first_seed, _) = group
        .iter()
        .map(|&i| (i, dot_map(vectors[i], &total)))
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))?;
    let (second_seed, _) = group
        .iter()
        .filter(|&&i| i != first_seed)
        .map(|&i| (i, dot(vectors[first_seed], vectors[i])))
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))?;
    let mut left_sum = sum(vectors, &[first_seed]);
    let mut right_sum = sum(vectors, &[second_seed]);
    let mut in_left: Vec<bool> = Vec::new();
    for _ in 0..MAX_ITERATIONS {
        let (ln, rn) = (norm(&left_sum), norm(&right_sum));
        let next: Vec<bool> = group
            .iter()
            .map(|&i| dot_map(vectors[i], &left_sum) * rn >= dot_map(vectors[i], &right_sum) * ln)
            .collect();
        if next == in_left {
            break;
        }
        in_left = next;
        let (left, right) = halves(group, &in_left);
        if left.is_empty() || right.is_empty() {
            return None;
        }
        left_sum = sum(vectors, &left);
        right_sum = sum(vectors, &right);
    }
    let (left, right) = halves(group, &in_left);
    if left.len() < min_members || right.len() < min_members {
        return None;
    }
    let within = |s: &FxHashMap<u32, f64>, n: usize| {
        let n = n as f64;
        (norm(s).powi(2) - n) / (n * (n - 1.0))
    };
    let cross = dot_maps(&left_sum, &right_sum) / (left.len() * right.len()) as f64;
    let internal = within(&left_sum, left.len()).min(within(&right_sum, right.len()));
    (cross < ratio * internal).then_some((left, right))
}

/// Most 2-means rounds; the assignment has settled long before on real stories.
const MAX_ITERATIONS: usize = 10;

fn halves(group: &[usize], in_left: &[bool]) -> (Vec<usize>, Vec<usize>) {
    let mut left = Vec::new();
    let mut right = Vec::new();
    for (&i, &l) in group.iter().zip(in_left) {
        if l {
            left.push(i);
        } else {
            right.push(i);
        }
    }
    (left, right)
}

fn sum(vectors: &[&SparseVector], group: &[usize]) -> FxHashMap<u32, f64> {
    let mut total = FxHashMap::default();
    for &i in group {
        for &(t, w) in vectors[i] {
            *total.entry(t).or_insert(0.0) += w;
        }
    }
    total
}

fn norm(v: &FxHashMap<u32, f64>) -> f64 {
    // Summed in term order so the result does not depend on the map's layout.
    let mut entries: Vec<(u32, f64)> = v.iter().map(|(&t, &w)| (t, w)).collect();
    entries.sort_unstable_by_key(|&(t, _)| t);
    entries.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
}

fn dot_map(v: &SparseVector, m: &FxHashMap<u32, f64>) -> f64 {
    v.iter().filter_map(|(t, w)| m.get(t).map(|x| w * x)).sum()
}

fn dot_maps(a: &FxHashMap<u32, f64>, b: &FxHashMap<u32, f64>) -> f64 {
    let mut entries: Vec<(u32, f64)> = a.iter().map(|(&t, &w)| (t, w)).collect();
    entries.sort_unstable_by_key(|&(t, _)| t);
    dot_map(&entries, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(terms: &[(u32, f64)]) -> Vec<(u32, f64)> {
        let n = terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        terms.iter().map(|&(t, w)| (t, w / n)).collect()
    }

    /// Two topics (terms 0–9 and 10–19) sharing one weak term (99).
    fn two_topics() -> Vec<Vec<(u32, f64)>> {
        (0..8u32)
            .map(|i| {
                let base = if i % 2 == 0 { 0 } else { 10 };
                unit(&[
                    (base + i % 5, 2.0),
                    (base + 5, 1.0),
                    (base + 6, 1.0),
                    (99, 0.5),
                ])
            })
            .collect()
    }

    #[test]
    fn two_topics_come_apart() {
        let vectors = two_topics();
        let refs: Vec<&SparseVector> = vectors.iter().map(Vec::as_slice).collect();
        let groups = split(&refs, 0.6, 2);
        assert_eq!(groups, vec![vec![0, 2, 4, 6], vec![1, 3, 5, 7]]);
    }

    #[test]
    fn one_topic_stays_whole() {
        let vectors: Vec<Vec<(u32, f64)>> = (0..8u32)
            .map(|i| unit(&[(i % 3, 1.0), (5, 2.0), (6, 2.0), (7 + i, 0.5)]))
            .collect();
        let refs: Vec<&SparseVector> = vectors.iter().map(Vec::as_slice).collect();
        assert_eq!(split(&refs, 0.6, 2), vec![(0..8).collect::<Vec<_>>()]);
    }

    #[test]
    fn parts_smaller_than_the_minimum_are_not_made() {
        let vectors = two_topics();
        let refs: Vec<&SparseVector> = vectors.iter().map(Vec::as_slice).collect();
        assert_eq!(split(&refs, 0.6, 5).len(), 1);
        assert_eq!(split(&refs[..3], 0.6, 2).len(), 1);
        assert_eq!(split(&refs, 0.0, 2).len(), 1, "ratio 0 never splits");
    }

    #[test]
    fn sparse_dot_matches_the_dense_one() {
        let a = [(1, 0.5), (3, 2.0), (9, 1.0)];
        let b = [(0, 4.0), (3, 0.25), (9, 3.0), (12, 1.0)];
        assert!((dot(&a, &b) - (2.0 * 0.25 + 3.0)).abs() < 1e-12);
    }
}
