//! Service limits: every request is bounded in size, shape, time and
//! concurrency, so no input can exhaust the server.

use std::time::Duration;

/// Bounds on what one request may ask for and on how much work runs at once.
///
/// The defaults suit news clusters on a small machine; `brief serve` exposes
/// each as a flag and an environment variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body in bytes (413 `body_too_large` above it).
    pub max_body_bytes: usize,
    /// Most documents in one cluster (413 `too_many_documents`).
    pub max_documents: usize,
    /// Most characters (Unicode scalar values) in one document or text
    /// field (413 `document_too_large`).
    pub max_document_chars: usize,
    /// Wall-clock limit for one request: reading the body, waiting for a
    /// worker and computing (504 `timeout`).
    pub request_timeout: Duration,
    /// Summarization jobs computed at once, each on its own blocking thread.
    pub max_concurrent_jobs: usize,
    /// Jobs allowed to wait for a worker; beyond running + waiting the server
    /// answers 503 `overloaded` at once instead of queueing without bound.
    pub max_queued_jobs: usize,
    /// Bytes of request bodies held at once, from the first byte read until
    /// their job ends. A body reserves its declared length (or
    /// `max_body_bytes` when it does not declare one) before it is read;
    /// requests wait for room within their time limit, so the memory of
    /// bodies never grows with the number of connections. At least
    /// `max_body_bytes`.
    pub max_body_memory: usize,
    /// On SIGTERM or Ctrl-C, how long requests in flight may go on before
    /// their jobs are cancelled; the process then exits within a further
    /// 2 seconds. At most [`Limits::MAX_SHUTDOWN_GRACE`].
    pub shutdown_grace: Duration,
}

impl Limits {
    /// Default body limit: 8 MiB, room for a hundred long articles.
    pub const DEFAULT_MAX_BODY_BYTES: usize = 8 << 20;
    /// Default document count limit.
    pub const DEFAULT_MAX_DOCUMENTS: usize = 100;
    /// Default characters per document: 200,000, about 30,000 words.
    pub const DEFAULT_MAX_DOCUMENT_CHARS: usize = 200_000;
    /// Default request time limit.
    pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
    /// Default waiting-room size.
    pub const DEFAULT_MAX_QUEUED_JOBS: usize = 64;
    /// Default memory for request bodies: 64 MiB, eight bodies of the
    /// default maximum size.
    pub const DEFAULT_MAX_BODY_MEMORY: usize = 64 << 20;
    /// Default shutdown grace period.
    pub const DEFAULT_SHUTDOWN_GRACE: Duration = Duration::from_secs(5);
    /// Longest shutdown grace period, so that a stopped server is gone
    /// within 15 seconds.
    pub const MAX_SHUTDOWN_GRACE: Duration = Duration::from_secs(13);

    /// Default number of concurrent jobs: one per available core.
    pub fn default_concurrent_jobs() -> usize {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    }

    /// Checks that every limit is usable (all positive).
    pub fn validate(&self) -> Result<(), String> {
        let checks = [
            ("max_body_bytes", self.max_body_bytes),
            ("max_documents", self.max_documents),
            ("max_document_chars", self.max_document_chars),
            ("max_concurrent_jobs", self.max_concurrent_jobs),
        ];
        for (name, value) in checks {
            if value == 0 {
                return Err(format!("{name} must be positive"));
            }
        }
        if self.request_timeout.is_zero() {
            return Err("request_timeout must be positive".into());
        }
        if self.max_body_memory < self.max_body_bytes {
            return Err(format!(
                "max_body_memory ({}) must be at least max_body_bytes ({})",
                self.max_body_memory, self.max_body_bytes
            ));
        }
        if self.shutdown_grace > Self::MAX_SHUTDOWN_GRACE {
            return Err(format!(
                "shutdown_grace must be at most {} s",
                Self::MAX_SHUTDOWN_GRACE.as_secs()
            ));
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: Self::DEFAULT_MAX_BODY_BYTES,
            max_documents: Self::DEFAULT_MAX_DOCUMENTS,
            max_document_chars: Self::DEFAULT_MAX_DOCUMENT_CHARS,
            request_timeout: Self::DEFAULT_REQUEST_TIMEOUT,
            max_concurrent_jobs: Self::default_concurrent_jobs(),
            max_queued_jobs: Self::DEFAULT_MAX_QUEUED_JOBS,
            max_body_memory: Self::DEFAULT_MAX_BODY_MEMORY,
            shutdown_grace: Self::DEFAULT_SHUTDOWN_GRACE,
        }
    }
}
