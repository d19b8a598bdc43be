//! Evaluation data: clusters with human references, read through brief-io
//! from any input it knows (JSONL clusters, Multi-News `.src` with `.tgt`,
//! DUC/TAC folders). Records that cannot be read are kept as [`Problem`]s
//! naming `file:line`; the good ones are evaluated.

use brief_core::Cluster;
use brief_io::{read_path, Limits};
use serde::Serialize;
use std::path::Path;

/// Something that went wrong with one input record or cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Where: `file:line`, a file, or a cluster id.
    pub origin: String,
    /// What, naming the file (and line) where there is one.
    pub message: String,
}

/// Clusters to evaluate, and the records that could not be read.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// What it was read from.
    pub name: String,
    /// The clusters read (with or without references).
    pub clusters: Vec<Cluster>,
    /// Records that could not be read.
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// Reads every cluster at `path` (see [`brief_io::read_path`]).
    pub fn load(path: &Path, limits: &Limits) -> Dataset {
        let mut data = Dataset {
            name: path.display().to_string(),
            ..Dataset::default()
        };
        for record in read_path(path, limits) {
            match record.result {
                Ok(cluster) => data.clusters.push(cluster),
                Err(e) => data.problems.push(Problem {
                    origin: record.origin,
                    message: e.to_string(),
                }),
            }
        }
        data
    }

    /// A dataset of clusters already in memory.
    pub fn from_clusters(name: impl Into<String>, clusters: Vec<Cluster>) -> Dataset {
        Dataset {
            name: name.into(),
            clusters,
            problems: Vec::new(),
        }
    }

    /// Mean number of documents per cluster.
    pub fn mean_documents(&self) -> f64 {
        if self.clusters.is_empty() {
            return 0.0;
        }
        let docs: usize = self.clusters.iter().map(|c| c.documents.len()).sum();
        docs as f64 / self.clusters.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_lines_are_problems_with_their_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("data.jsonl");
        std::fs::write(
            &path,
            "{\"id\": \"a\", \"documents\": [\"One. Two.\"], \"references\": [\"One.\"]}\n{broken\n\n{\"id\": \"b\", \"documents\": [\"Three.\"]}\n",
        )
        .expect("write");
        let data = Dataset::load(&path, &Limits::default());
        assert_eq!(data.clusters.len(), 2);
        assert_eq!(data.problems.len(), 1);
        assert!(data.problems[0].origin.ends_with("data.jsonl:2"));
        assert!(data.problems[0].message.contains(":2: malformed record"));
    }
}
