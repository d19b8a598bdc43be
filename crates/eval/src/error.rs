//! Evaluation errors.

use thiserror::Error;

/// Why an evaluation could not run at all. (Problems with single clusters
/// or records are not errors: they are reported and skipped.)
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum EvalError {
    /// Nothing to evaluate.
    #[error("{0}: no cluster with reference summaries to evaluate")]
    NoClusters(String),
    /// The ROUGE settings are invalid.
    #[error("ROUGE settings: {0}")]
    Rouge(#[from] brief_rouge::RougeError),
    /// Settings that cannot work on this data (e.g. more folds than clusters).
    #[error("{0}")]
    Settings(String),
    /// The summarizer settings are invalid.
    #[error(transparent)]
    Core(#[from] brief_core::Error),
}
