//! Input errors: each names the file (and line, where there is one) and the problem.

use std::path::PathBuf;
use thiserror::Error;

/// Why an input could not be read.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum InputError {
    /// The path does not exist or cannot be opened.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The file or document is over the size limit.
    #[error("{path}: {size} bytes is over the limit of {limit} bytes per document (raise it with --max-document-bytes)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A folder or record with no documents.
    #[error("{path}: empty cluster: {reason}")]
    EmptyCluster {
        /// The folder, file or record.
        path: PathBuf,
        /// What was empty.
        reason: String,
    },
    /// A line of a JSONL file is not a valid record.
    #[error("{path}:{line}: malformed record: {message}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A format that could not be recognized.
    #[error("{path}: {message}")]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}
