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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forest {
    /// Names of the features, in row order (checked against the extractor).
    pub features: Vec<String>,
    /// What the score means.
    pub objective: Objective,
    /// Score before any tree.
    pub base: f32,
    /// The trees (learning rate already applied to their leaves).
    pub trees: Vec<Tree>,
}

impl Forest {
    /// A forest with no trees over `features` (predicts 0 / probability ½).
    pub fn empty(features: &[&str], objective: Objective) -> Self {
        Forest {
            features: features.iter().map(|f| (*f).to_owned()).collect(),
            objective,
            base: 0.0,
            trees: Vec::new(),
        }
    }

    /// The raw score of `row`: base plus every tree's leaf.
    pub fn predict(&self, row: &[f32]) -> f32 {
        self.trees
            .iter()
            .fold(self.base, |sum, tree| sum + tree.value(row))
    }

    /// The sigmoid of the raw score: a probability for logistic forests.
    pub fn probability(&self, row: &[f32]) -> f32 {
        1.0 / (1.0 + (-self.predict(row)).exp())
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
        let forest = Forest {
            features: vec!["a".into(), "b".into()],
            objective: Objective::Squared,
            base: 1.0,
            trees: vec![stump(0, 0.5, -1.0, 1.0), stump(1, 2.0, 10.0, 20.0)],
        };
        assert_eq!(forest.predict(&[0.5, 2.0]), 1.0 - 1.0 + 10.0);
        assert_eq!(forest.predict(&[0.6, 3.0]), 1.0 + 1.0 + 20.0);
        assert_eq!(forest.predict(&[f32::NAN]), 1.0 + 1.0 + 20.0);
        assert!(forest.check(&["a", "b"]).is_ok());
        assert!(forest.check(&["a"]).is_err());
    }

    #[test]
    fn malformed_trees_are_refused_and_never_loop() {
        let mut tree = stump(0, 0.5, 0.0, 0.0);
        tree.nodes[0].left = 0;
        assert!(!tree.is_well_formed(1));
        assert_eq!(tree.value(&[0.0]), 0.0);
        let logistic = Forest {
            features: vec!["a".into()],
            objective: Objective::Logistic,
            base: 0.0,
            trees: vec![tree],
        };
        assert!(logistic.check(&["a"]).is_err());
        assert_eq!(logistic.probability(&[1.0]), 0.5);
    }
}
