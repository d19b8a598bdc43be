//! Errors of the core library.

use thiserror::Error;

/// What can go wrong when summarizing.
#[derive(Debug, Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The cluster has no documents.
    #[error("cluster '{0}' has no documents")]
    EmptyCluster(String),
    /// The cluster's documents contain no text that could be a sentence.
    #[error("cluster '{0}' has no sentences to summarize (documents are empty or only residue)")]
    NoSentences(String),
    /// An algorithm name that the registry does not know.
    #[error("unknown algorithm '{name}' (known: {known})")]
    UnknownAlgorithm {
        /// The name asked for.
        name: String,
        /// The names the registry knows, comma-separated.
        known: String,
    },
    /// `semantic` was asked for without a sentence encoder.
    #[error("algorithm 'semantic' needs a sentence encoder: build brief with the `embed` feature and give --embed-model DIR (or BRIEF_EMBED_MODEL)")]
    NeedsEncoder,
    /// A length budget that is zero or given twice.
    #[error("invalid budget: {0}")]
    InvalidBudget(String),
    /// A parameter out of its range.
    #[error("invalid parameter {name}: {reason}")]
    InvalidParameter {
        /// Parameter name.
        name: &'static str,
        /// Why it is invalid.
        reason: String,
    },
}

/// Result with the core [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
