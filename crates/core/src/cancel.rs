//! Deadlines and cancellation for summarization jobs.
//!
//! A [`Deadline`] is a point in time and/or a [`CancelToken`]; the
//! summarizers check it in their hot loops (preparation per document, graph
//! rows and iterations, coverage rows, greedy steps, the ILP) and stop with
//! [`Error::Cancelled`] once it has passed, so a job whose request timed out
//! or whose server is shutting down ends within a few milliseconds instead of
//! running to completion. [`Deadline::none`] never expires: the CLI and the
//! Python bindings use it.
//!
//! A check costs one atomic load and, when a time is set, one reading of the
//! monotonic clock (tens of nanoseconds), so loops check once per row,
//! iteration or step rather than per element.
//!
//! ```
//! use brief_core::cancel::{CancelToken, Deadline};
//! use std::time::Duration;
//! assert!(Deadline::none().check().is_ok());
//! assert!(Deadline::after(Duration::ZERO).check().is_err());
//! let token = CancelToken::new();
//! let deadline = Deadline::none().with_token(token.clone());
//! assert!(deadline.check().is_ok());
//! token.cancel();
//! assert!(deadline.check().is_err());
//! ```

use crate::error::{Error, Result};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A flag that any holder can raise to stop the jobs that watch it.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A token not yet cancelled.
    pub fn new() -> Self {
        CancelToken::default()
    }

    /// Cancels every job watching this token (or a clone of it).
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether [`CancelToken::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// When a job must stop: at an instant, when any of its tokens is
/// cancelled, or never.
#[derive(Debug, Clone, Default)]
pub struct Deadline {
    at: Option<Instant>,
    tokens: Vec<CancelToken>,
}

impl Deadline {
    /// A deadline that never passes.
    pub fn none() -> Self {
        Deadline::default()
    }

    /// A deadline at `at`.
    pub fn at(at: Instant) -> Self {
        Deadline {
            at: Some(at),
            tokens: Vec::new(),
        }
    }

    /// A deadline `limit` from now (saturating far in the future).
    pub fn after(limit: Duration) -> Self {
        let now = Instant::now();
        Deadline {
            at: Some(
                now.checked_add(limit)
                    .unwrap_or(now + Duration::from_secs(1 << 32)),
            ),
            tokens: Vec::new(),
        }
    }

    /// This deadline, also passed as soon as `token` is cancelled.
    pub fn with_token(mut self, token: CancelToken) -> Self {
        self.tokens.push(token);
        self
    }

    /// Whether the deadline has passed or a token was cancelled.
    pub fn is_expired(&self) -> bool {
        self.tokens.iter().any(CancelToken::is_cancelled)
            || self.at.is_some_and(|at| Instant::now() >= at)
    }

    /// `Err(Error::Cancelled)` once the deadline has passed.
    pub fn check(&self) -> Result<()> {
        if self.is_expired() {
            Err(Error::Cancelled)
        } else {
            Ok(())
        }
    }

    /// Time left before the instant, if one is set (zero once passed).
    pub fn remaining(&self) -> Option<Duration> {
        self.at
            .map(|at| at.saturating_duration_since(Instant::now()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_in_the_future_holds_until_cancelled() {
        let token = CancelToken::new();
        let d = Deadline::after(Duration::from_secs(3600)).with_token(token.clone());
        assert!(d.check().is_ok());
        assert!(d.remaining().is_some_and(|r| r > Duration::from_secs(3000)));
        token.cancel();
        assert_eq!(d.check(), Err(Error::Cancelled));
        assert_eq!(Deadline::none().remaining(), None);
        assert!(Deadline::after(Duration::MAX).check().is_ok());
    }
}
