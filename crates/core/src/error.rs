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
    /// The job's [`crate::cancel::Deadline`] passed (time limit or cancel).
    #[error("the summary was stopped: its time limit passed or it was cancelled")]
    Cancelled,
}

/// Result with the core [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// At most 100 characters of a value quoted in a message, with `…` when
/// cut.
///
/// ```
/// assert_eq!(brief_core::error::clip(&"x".repeat(300)).chars().count(), 101);
/// assert_eq!(brief_core::error::clip("short"), "short");
/// ```
pub fn clip(value: &str) -> String {
    match value.char_indices().nth(100) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
}

/// A number as messages show it: plainly, or in scientific notation when
/// the plain form is long (`-1e308`, not 309 digits).
///
/// ```
/// assert_eq!(brief_core::error::shown(-1e308), "-1e308");
/// assert_eq!(brief_core::error::shown(0.25), "0.25");
/// ```
pub fn shown(x: f64) -> String {
    let plain = x.to_string();
    if plain.len() > 24 {
        format!("{x:e}")
    } else {
        plain
    }
}
