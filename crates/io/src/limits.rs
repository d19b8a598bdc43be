//! Size limits on inputs, and reading one file within them. Every reader
//! reads through here, so a stray binary or dump is refused before it is
//! read.

use crate::error::InputError;
use std::path::Path;

/// Size limits on inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest document (a text file, or one line of a batch file) in bytes.
    pub max_document_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        // News articles are kilobytes; 8 MiB leaves room for long reports
        // and stops a stray binary or dump from being read.
        Limits {
            max_document_bytes: 8 << 20,
        }
    }
}

/// Reads a whole file as UTF-8, enforcing the size limit.
pub fn read_utf8(path: &Path, limits: &Limits) -> Result<String, InputError> {
    let bytes = read_bytes(path, limits.max_document_bytes)?;
    String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Reads a whole file, failing when it is larger than `limit` bytes.
pub(crate) fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > limit {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            limit,
        });
    }
    std::fs::read(path).map_err(io)
}
