//! Gradient-boosted regression trees, the prediction side: a [`Forest`] is
//! a base score plus the sum of its trees' leaf values, each tree a flat
//! array of [`Node`]s. Training lives in brief-learn; this module only
//! reads a trained forest and evaluates it, so brief-core stays free of the
//! learner.
//!
//! A forest with a logistic objective is read through
//! [`Forest::probability`] (the sigmoid of the raw score); a squared-error
//! forest through [`Forest::predict`].

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// One node of a tree: an internal node sends a row left when its feature
/// is `<=` the threshold (or is NaN and `nan_left`), else right; a leaf
/// (`feature == u16::MAX`) holds a value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Feature index, or [`Node::LEAF`].
    #[serde(rename = "f")]
    pub feature: u16,
    /// Split threshold (internal nodes).
    #[serde(rename = "t", default)]
    pub threshold: f32,
    /// Index of the left child in the tree's node array.
    #[serde(rename = "l", default)]
    pub left: u32,
    /// Index of the right child.
    #[serde(rename = "r", default)]
    pub right: u32,
    /// Leaf value (leaves).
    #[serde(rename = "v", default)]
    pub value: f32,
}

impl Node {
    /// The feature index that marks a leaf.
    pub const LEAF: u16 = u16::MAX;

    /// A leaf with `value`.
    pub fn leaf(value: f32) -> Self {
        Node {
            feature: Node::LEAF,
            threshold: 0.0,
            left: 0,
            right: 0,
            value,
        }
    }

    /// Whether the node is a leaf.
    pub fn is_leaf(&self) -> bool {
        self.feature == Node::LEAF
    }
}

/// One regression tree; node 0 is the root.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tree {
    /// The nodes, children after their parents.
    pub nodes: Vec<Node>,
}

impl Tree {
    /// The leaf value `row` reaches. Missing features (a row shorter than
    /// the tree expects) and NaN go right, as in training.
    pub fn value(&self, row: &[f32]) -> f32 {
        let mut i = 0usize;
        // A tree never has more levels than nodes: the bound ends a loop
        // that a corrupt file could otherwise make endless.
        for _ in 0..self.nodes.len() {
            let Some(node) = self.nodes.get(i) else {
                return 0.0;
            };
            if node.is_leaf() {
                return node.value;
            }
            let x = row
                .get(usize::from(node.feature))
                .copied()
                .unwrap_or(f32::NAN);
            i = if x <= node.threshold {
                node.left as usize
            } else {
                node.right as usize
            };
        }
        0.0
    }

    /// Whether every child index points forward inside the tree (so
    /// evaluation always ends at a leaf).
    pub fn is_well_formed(&self, features: usize) -> bool {
        !self.nodes.is_empty()
            && self.nodes.iter().enumerate().all(|(i, n)| {
                n.is_leaf()
                    || (usize::from(n.feature) < features
                        && (n.left as usize) > i
                        && (n.right as usize) > i
                        && (n.left as usize) < self.nodes.len()
                        && (n.right as usize) < self.nodes.len()
                        && n.threshold.is_finite())
            })
            && self
                .nodes
                .iter()
                .all(|n| !n.is_leaf() || n.value.is_finite())
    }
}

/// What the raw score of a forest means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Objective {
    /// Squared error: the score is the prediction.
    Squared,
    /// Logistic loss: the score is a log-odds.
    Logistic,
}

/// A trained ensemble.
///
/// The trees are evaluated through a flat copy ([`FlatTrees`]) built on
/// the first prediction from the trees as they are then: a forest is not
/// meant to change once it predicts.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Forest {
    /// Names of the features, in row order (checked against the extractor).
    pub features: Vec<String>,
    /// What the score means.
    pub objective: Objective,
    /// Score before any tree.
    pub base: f32,
    /// The trees (learning rate already applied to their leaves).
    pub trees: Vec<Tree>,
    /// The trees laid out for evaluation (`None`: too deep to lay out).
    #[serde(skip)]
    flat: OnceLock<Option<FlatTrees>>,
}

/// Forests are equal when what they are made of is (whether either has
/// predicted yet does not count).
impl PartialEq for Forest {
    fn eq(&self, other: &Self) -> bool {
        self.features == other.features
            && self.objective == other.objective
            && self.base == other.base
            && self.trees == other.trees
    }
}

impl Forest {
    /// A forest of `trees` over the features `names`.
    pub fn new(names: &[&str], objective: Objective, base: f32, trees: Vec<Tree>) -> Self {
        Forest {
            features: names.iter().map(|f| (*f).to_owned()).collect(),
            objective,
            base,
            trees,
            flat: OnceLock::new(),
        }
    }

    /// A forest with no trees over `features` (predicts 0 / probability ½).
    pub fn empty(features: &[&str], objective: Objective) -> Self {
        Forest::new(features, objective, 0.0, Vec::new())
    }

    /// The raw score of `row`: base plus every tree's leaf, added in tree
    /// order (the flat layout gives the same sum, bit for bit).
    pub fn predict(&self, row: &[f32]) -> f32 {
        let flat = self
            .flat
            .get_or_init(|| FlatTrees::lay_out(&self.trees, self.features.len()));
        match flat {
            Some(flat) if row.len() >= flat.width => flat.predict(self.base, row),
            _ => self
                .trees
                .iter()
                .fold(self.base, |sum, tree| sum + tree.value(row)),
        }
    }

    /// [`Forest::output`] of every row of `rows`, a row-major matrix of
    /// rows `width` features long, as one pass per tree over all rows
    /// (several rows walk a tree side by side, so their loads overlap).
    /// Each row's value is exactly what [`Forest::output`] gives it.
    pub fn outputs(&self, rows: &[f32], width: usize) -> Vec<f32> {
        let n = rows.len().checked_div(width).unwrap_or(0);
        let flat = self
            .flat
            .get_or_init(|| FlatTrees::lay_out(&self.trees, self.features.len()));
        let mut out = match flat {
            Some(flat) if width >= flat.width => flat.predict_rows(self.base, rows, width),
            _ => (0..n)
                .map(|i| self.predict(&rows[i * width..(i + 1) * width]))
                .collect(),
        };
        if self.objective == Objective::Logistic {
            for v in &mut out {
                *v = sigmoid(*v);
            }
        }
        out
    }

    /// The sigmoid of the raw score: a probability for logistic forests.
    pub fn probability(&self, row: &[f32]) -> f32 {
        sigmoid(self.predict(row))
    }

    /// What the forest's score means for `row`: a probability for a
    /// logistic forest, the prediction itself otherwise.
    pub fn output(&self, row: &[f32]) -> f32 {
        match self.objective {
            Objective::Squared => self.predict(row),
            Objective::Logistic => self.probability(row),
        }
    }

    /// Checks that the forest expects exactly `names` and that every tree
    /// is well formed; the error says what differs.
    pub fn check(&self, names: &[&str]) -> Result<(), String> {
        if self.features.len() != names.len()
            || self.features.iter().zip(names).any(|(a, b)| a != b)
        {
            return Err(format!(
                "the model was trained on features [{}], this brief computes [{}]",
                self.features.join(", "),
                names.join(", ")
            ));
        }
        if !self.base.is_finite() {
            return Err("the base score is not finite".to_owned());
        }
        match self
            .trees
            .iter()
            .position(|t| !t.is_well_formed(names.len()))
        {
            Some(k) => Err(format!("tree {k} is malformed")),
            None => Ok(()),
        }
    }
}

/// The trees of a forest padded to perfect binary trees of one depth and
/// stored level by level in flat arrays, so a row walks every tree in
/// exactly `depth` steps with no branch on the path taken: node `i`'s
/// children are `2i + 1` (the row's value `<=` the threshold) and `2i + 2`
/// (greater, or NaN). A leaf above the full depth fills every leaf slot
/// beneath it, so the padding nodes' tests cannot change the value
/// reached. Each tree takes `2^depth` slots of tests (the last unused) and
/// of leaves, so an index masked by `2^depth - 1` is always inside its
/// tree's slice and needs no bounds check. Walking the node arrays, with
/// their bounds-checked child indices, was 60% of summarizing a short
/// cluster; this layout (complete-tree inference, as in Asadi et al.
/// 2014), walked by sixteen rows at a time, takes under a quarter of it.
#[derive(Debug, Clone, PartialEq)]
struct FlatTrees {
    depth: u32,
    /// Features a row must have (every feature index is below it).
    width: usize,
    /// Each internal node's test, `2^depth` slots per tree.
    split: Vec<Split>,
    /// `2^depth` leaf values per tree.
    leaf: Vec<f32>,
}

impl FlatTrees {
    /// Deepest tree laid out: 2^10 leaves per tree is as far as the
    /// padding pays; deeper forests keep the node walk.
    const MAX_DEPTH: u32 = 10;

    /// Rows that walk a tree side by side (sixteen measured fastest of
    /// 4, 8, 16 and 32 on the concept forest).
    const LANES: usize = 16;

    /// Values each row is padded to in a block: a power of two at least
    /// as large as any forest's feature count here (28).
    const STRIDE: usize = 32;

    fn lay_out(trees: &[Tree], width: usize) -> Option<FlatTrees> {
        if trees.iter().any(|t| !t.is_well_formed(width)) {
            return None;
        }
        let depth = trees.iter().map(depth_of).max().unwrap_or(0);
        if depth > Self::MAX_DEPTH {
            return None;
        }
        let slots = 1usize << depth;
        let mut flat = FlatTrees {
            depth,
            width,
            split: vec![Split::default(); slots * trees.len()],
            leaf: vec![0.0; slots * trees.len()],
        };
        for (k, tree) in trees.iter().enumerate() {
            flat.place(tree, k, 0, 0, 0);
        }
        Some(flat)
    }

    /// Slots per tree.
    fn slots(&self) -> usize {
        1usize << self.depth
    }

    /// Places node `n` of `tree` (tree number `k`) at slot `slot` of
    /// level `level`.
    fn place(&mut self, tree: &Tree, k: usize, n: usize, slot: usize, level: u32) {
        let slots = self.slots();
        let node = tree.nodes[n];
        if level == self.depth || node.is_leaf() {
            // Every leaf slot under this slot: its leftmost descendant at
            // the bottom level, and the 2^(depth - level) slots from there.
            let span = 1usize << (self.depth - level);
            let first = ((slot + 1) << (self.depth - level)) - slots;
            self.leaf[k * slots + first..k * slots + first + span].fill(node.value);
            return;
        }
        self.split[k * slots + slot] = Split {
            feature: u32::from(node.feature),
            threshold: node.threshold,
        };
        self.place(tree, k, node.left as usize, 2 * slot + 1, level + 1);
        self.place(tree, k, node.right as usize, 2 * slot + 2, level + 1);
    }

    /// `base` plus every tree's leaf for `row` (at least `width` long).
    fn predict(&self, base: f32, row: &[f32]) -> f32 {
        let slots = self.slots();
        let mut sum = base;
        for (split, leaf) in self
            .split
            .chunks_exact(slots)
            .zip(self.leaf.chunks_exact(slots))
        {
            sum += self.leaf_of(split, leaf, row);
        }
        sum
    }

    /// The leaf value one tree (its `split` and `leaf` slots) gives `row`.
    #[inline(always)]
    fn leaf_of(&self, split: &[Split], leaf: &[f32], row: &[f32]) -> f32 {
        let mask = self.slots() - 1;
        let mut i = 0usize;
        for _ in 0..self.depth {
            let test = split[i & mask];
            let x = row[test.feature as usize];
            i = child(i, x, test.threshold);
        }
        leaf[(i + 1) & mask]
    }

    /// [`FlatTrees::predict`] of each row of the row-major `rows` (rows
    /// `width >= self.width` long). Rows are copied into blocks of
    /// [`Self::LANES`] rows, each padded to [`Self::STRIDE`] values, and a
    /// block walks every tree before the next block starts: the block stays
    /// in the first-level cache, a masked feature index needs no bounds
    /// check, and the depth is a constant, so the walk unrolls. Each row's
    /// leaves are added in tree order, as `predict` adds them. Forests of
    /// more than `STRIDE` features take one row at a time.
    fn predict_rows(&self, base: f32, rows: &[f32], width: usize) -> Vec<f32> {
        if width == 0 {
            return Vec::new();
        }
        if self.width > Self::STRIDE {
            return rows
                .chunks_exact(width)
                .map(|row| self.predict(base, row))
                .collect();
        }
        // One instance per tree size, so each tree is a fixed-size array.
        match self.depth {
            0 => self.walk_blocks::<1>(base, rows, width),
            1 => self.walk_blocks::<2>(base, rows, width),
            2 => self.walk_blocks::<4>(base, rows, width),
            3 => self.walk_blocks::<8>(base, rows, width),
            4 => self.walk_blocks::<16>(base, rows, width),
            5 => self.walk_blocks::<32>(base, rows, width),
            6 => self.walk_blocks::<64>(base, rows, width),
            7 => self.walk_blocks::<128>(base, rows, width),
            8 => self.walk_blocks::<256>(base, rows, width),
            9 => self.walk_blocks::<512>(base, rows, width),
            _ => self.walk_blocks::<{ 1 << Self::MAX_DEPTH }>(base, rows, width),
        }
    }

    /// [`Self::predict_rows`] for trees of `SLOTS` (`2^depth`) slots.
    fn walk_blocks<const SLOTS: usize>(&self, base: f32, rows: &[f32], width: usize) -> Vec<f32> {
        const LANES: usize = FlatTrees::LANES;
        const STRIDE: usize = FlatTrees::STRIDE;
        debug_assert_eq!(SLOTS, self.slots());
        let (splits, _) = self.split.as_chunks::<SLOTS>();
        let (leaves, _) = self.leaf.as_chunks::<SLOTS>();
        let n = rows.len() / width;
        let copied = self.width.min(width);
        let mut out = vec![base; n];
        let mut block = [[f32::NAN; STRIDE]; LANES];
        for (chunk, sums) in rows.chunks(width * LANES).zip(out.chunks_mut(LANES)) {
            for (padded, row) in block.iter_mut().zip(chunk.chunks_exact(width)) {
                padded[..copied].copy_from_slice(&row[..copied]);
            }
            for (split, leaf) in splits.iter().zip(leaves) {
                let mut at = [0usize; LANES];
                let mut levels = SLOTS.trailing_zeros();
                if levels >= 2 {
                    // Every row takes the root's test and then one of its
                    // two children's, all three read once for the block:
                    // one pass for both levels, the child picked without a
                    // load (6% faster on the concept forest than a pass per
                    // level; fusing deeper levels, whose tests each row must
                    // load, lengthens each lane's chain and was 30% slower).
                    let root = split[0];
                    let feature = root.feature as usize & (STRIDE - 1);
                    let (left, right) = (split[1], split[2]);
                    for (row, i) in block.iter().zip(at.iter_mut()) {
                        let first = child(0, row[feature], root.threshold);
                        let test = if first == 2 { right } else { left };
                        let x = row[test.feature as usize & (STRIDE - 1)];
                        *i = child(first, x, test.threshold);
                    }
                    levels -= 2;
                }
                for _ in 0..levels {
                    for (row, i) in block.iter().zip(at.iter_mut()) {
                        let test = split[*i & (SLOTS - 1)];
                        let x = row[test.feature as usize & (STRIDE - 1)];
                        *i = child(*i, x, test.threshold);
                    }
                }
                // Lanes past the last row walk stale values; only the
                // rows' own sums are kept.
                for (sum, &i) in sums.iter_mut().zip(&at) {
                    *sum += leaf[(i + 1) & (SLOTS - 1)];
                }
            }
        }
        out
    }
}

/// The child of node `i` a value `x` goes to: left (`2i + 1`) when
/// `x <= threshold`, else right — NaN too, which is why the test is a
/// negated `<=` rather than a `>`.
#[inline(always)]
#[allow(clippy::neg_cmp_op_on_partial_ord)]
fn child(i: usize, x: f32, threshold: f32) -> usize {
    2 * i + 1 + usize::from(!(x <= threshold))
}

/// The test of an internal node of [`FlatTrees`] (feature and threshold
/// side by side: one load brings both).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Split {
    feature: u32,
    threshold: f32,
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// Levels of a well-formed tree below its root (0 for a lone leaf).
/// Children come after their parents, so one backward pass suffices; it
/// stays linear even where a corrupt file shares children between nodes.
fn depth_of(tree: &Tree) -> u32 {
    let mut below = vec![0u32; tree.nodes.len()];
    for (i, node) in tree.nodes.iter().enumerate().rev() {
        if !node.is_leaf() {
            below[i] = 1 + below[node.left as usize].max(below[node.right as usize]);
        }
    }
    below.first().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stump(feature: u16, threshold: f32, left: f32, right: f32) -> Tree {
        Tree {
            nodes: vec![
                Node {
                    feature,
                    threshold,
                    left: 1,
                    right: 2,
                    value: 0.0,
                },
                Node::leaf(left),
                Node::leaf(right),
            ],
        }
    }

    #[test]
    fn rows_follow_thresholds_and_missing_values_go_right() {
        let forest = Forest::new(
            &["a", "b"],
            Objective::Squared,
            1.0,
            vec![stump(0, 0.5, -1.0, 1.0), stump(1, 2.0, 10.0, 20.0)],
        );
        assert_eq!(forest.predict(&[0.5, 2.0]), 1.0 - 1.0 + 10.0);
        assert_eq!(forest.predict(&[0.6, 3.0]), 1.0 + 1.0 + 20.0);
        assert_eq!(forest.predict(&[f32::NAN]), 1.0 + 1.0 + 20.0);
        assert!(forest.check(&["a", "b"]).is_ok());
        assert!(forest.check(&["a"]).is_err());
    }

    /// A random well-formed tree of at most `depth` levels over `width`
    /// features (`next` gives pseudo-random numbers).
    fn random_tree(next: &mut impl FnMut() -> u32, depth: u32, width: u16) -> Tree {
        fn grow(
            next: &mut impl FnMut() -> u32,
            nodes: &mut Vec<Node>,
            depth: u32,
            width: u16,
        ) -> u32 {
            let at = nodes.len() as u32;
            if depth == 0 || next().is_multiple_of(4) {
                nodes.push(Node::leaf((next() % 1000) as f32 / 100.0 - 5.0));
                return at;
            }
            nodes.push(Node {
                feature: (next() % u32::from(width)) as u16,
                threshold: (next() % 100) as f32 / 10.0,
                left: 0,
                right: 0,
                value: 0.0,
            });
            let left = grow(next, nodes, depth - 1, width);
            let right = grow(next, nodes, depth - 1, width);
            nodes[at as usize].left = left;
            nodes[at as usize].right = right;
            at
        }
        let mut nodes = Vec::new();
        grow(next, &mut nodes, depth, width);
        Tree { nodes }
    }

    #[test]
    fn the_flat_layout_gives_every_row_the_node_walks_sum() {
        let mut state = 0x2545_f491_u32;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        let width = 5usize;
        let names = ["a", "b", "c", "d", "e"];
        for depth in [0, 1, 2, 3, 6, 9] {
            let trees: Vec<Tree> = (0..40).map(|_| random_tree(&mut next, depth, 5)).collect();
            for objective in [Objective::Squared, Objective::Logistic] {
                let forest = Forest::new(&names, objective, 0.25, trees.clone());
                // 37 rows: two full blocks of sixteen and a remainder;
                // some values NaN, some exactly on thresholds.
                let rows: Vec<f32> = (0..37 * width)
                    .map(|_| match next() % 7 {
                        0 => f32::NAN,
                        1 => (next() % 100) as f32 / 10.0,
                        _ => (next() % 1000) as f32 / 97.0,
                    })
                    .collect();
                let walked: Vec<f32> = rows
                    .chunks(width)
                    .map(|row| {
                        let raw = trees.iter().fold(0.25f32, |sum, t| sum + t.value(row));
                        match objective {
                            Objective::Squared => raw,
                            Objective::Logistic => 1.0 / (1.0 + (-raw).exp()),
                        }
                    })
                    .collect();
                let flat = forest.outputs(&rows, width);
                let one_by_one: Vec<f32> = rows.chunks(width).map(|r| forest.output(r)).collect();
                for (k, ((a, b), c)) in walked.iter().zip(&flat).zip(&one_by_one).enumerate() {
                    assert_eq!(a.to_bits(), b.to_bits(), "depth {depth}, row {k}");
                    assert_eq!(a.to_bits(), c.to_bits(), "depth {depth}, row {k}");
                }
                // A row shorter than the features takes the node walk.
                assert_eq!(
                    forest.predict(&rows[..2]).to_bits(),
                    trees
                        .iter()
                        .fold(0.25f32, |sum, t| sum + t.value(&rows[..2]))
                        .to_bits()
                );
            }
        }
    }

    #[test]
    fn forests_wider_than_a_padded_row_score_rows_one_by_one() {
        // Forty features: more than a padded row holds; the last one
        // decides, so a row cut at the padding would read it wrong.
        let names: Vec<String> = (0..40).map(|k| format!("f{k}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let forest = Forest::new(
            &names,
            Objective::Squared,
            0.0,
            vec![stump(39, 0.5, -1.0, 1.0), stump(2, 0.5, 10.0, 20.0)],
        );
        let mut rows = vec![0.0f32; 40 * 19];
        for (k, row) in rows.chunks_exact_mut(40).enumerate() {
            row[39] = (k % 2) as f32;
            row[2] = (k % 3) as f32;
        }
        let expected: Vec<f32> = rows.chunks_exact(40).map(|r| forest.predict(r)).collect();
        assert_eq!(forest.outputs(&rows, 40), expected);
        assert_eq!(expected[1], 1.0 + 20.0);
        assert_eq!(expected[3], 1.0 + 10.0);
        assert!(forest.outputs(&[], 0).is_empty());
    }

    #[test]
    fn trees_deeper_than_the_flat_layout_keep_the_node_walk() {
        // A chain eleven levels deep: always right until the last leaf.
        let mut nodes = Vec::new();
        for i in 0..11u32 {
            nodes.push(Node {
                feature: 0,
                threshold: -1.0,
                left: 2 * i + 1,
                right: 2 * i + 2,
                value: 0.0,
            });
            nodes.push(Node::leaf(i as f32));
        }
        nodes.push(Node::leaf(100.0));
        let tree = Tree { nodes };
        assert!(tree.is_well_formed(1));
        assert_eq!(depth_of(&tree), 11);
        let forest = Forest::new(&["a"], Objective::Squared, 0.0, vec![tree]);
        assert_eq!(forest.outputs(&[0.0, -2.0], 1), vec![100.0, 0.0]);
    }

    #[test]
    fn malformed_trees_are_refused_and_never_loop() {
        let mut tree = stump(0, 0.5, 0.0, 0.0);
        tree.nodes[0].left = 0;
        assert!(!tree.is_well_formed(1));
        assert_eq!(tree.value(&[0.0]), 0.0);
        let logistic = Forest::new(&["a"], Objective::Logistic, 0.0, vec![tree]);
        assert!(logistic.check(&["a"]).is_err());
        assert_eq!(logistic.probability(&[1.0]), 0.5);
    }
}
