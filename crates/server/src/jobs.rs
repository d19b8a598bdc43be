//! CPU-bound work off the async runtime, with admission control.
//!
//! At most `max_concurrent_jobs` jobs compute at once, each on a Tokio
//! blocking thread, so the runtime keeps answering health checks, metrics and
//! errors while summaries are computed. Up to `max_queued_jobs` more wait
//! for a worker; beyond that the answer is 503 at once.
//!
//! A job gets its request's [`brief_core::Deadline`]: the request's time
//! limit, cancelled too when its client leaves or the server shuts down. The
//! summarizers check it in their loops and stop within milliseconds, so the
//! work done after a 504 is close to nothing. A job keeps its worker and its
//! admission slot until it has stopped, so abandoned work is bounded by the
//! same limits as live work and cannot pile up. A job still waiting for a
//! worker is simply dropped with its request.

use crate::error::ApiError;
use crate::metrics::Metrics;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Runs jobs on blocking threads under the concurrency and queue limits.
#[derive(Debug)]
pub struct JobPool {
    workers: Arc<Semaphore>,
    admitted: Arc<AtomicUsize>,
    capacity: usize,
    metrics: Arc<Metrics>,
}

/// Holds one admission slot; released when dropped.
struct Admission(Arc<AtomicUsize>);

impl Drop for Admission {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Keeps a gauge raised while alive.
struct Raised<'a>(&'a AtomicI64);

impl<'a> Raised<'a> {
    fn new(gauge: &'a AtomicI64) -> Self {
        gauge.fetch_add(1, Ordering::SeqCst);
        Raised(gauge)
    }
}

impl Drop for Raised<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl JobPool {
    /// A pool of `workers` concurrent jobs with `queue` waiting places.
    pub fn new(workers: usize, queue: usize, metrics: Arc<Metrics>) -> Self {
        JobPool {
            workers: Arc::new(Semaphore::new(workers)),
            admitted: Arc::new(AtomicUsize::new(0)),
            capacity: workers.saturating_add(queue),
            metrics,
        }
    }

    /// Runs `job` on a blocking thread once a worker is free.
    ///
    /// Errors: 503 `overloaded` when every worker and waiting place is
    /// taken; 500 `internal` if the job panicked.
    pub async fn run<T, F>(&self, job: F) -> Result<T, ApiError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        if self.admitted.fetch_add(1, Ordering::SeqCst) >= self.capacity {
            self.admitted.fetch_sub(1, Ordering::SeqCst);
            self.metrics.job_rejected();
            return Err(ApiError::overloaded());
        }
        let admission = Admission(Arc::clone(&self.admitted));
        let permit = {
            let (_, queued) = self.metrics.job_gauges();
            let _waiting = Raised::new(queued);
            Arc::clone(&self.workers)
                .acquire_owned()
                .await
                .map_err(|_| ApiError::internal("the worker pool is closed"))?
        };
        let metrics = Arc::clone(&self.metrics);
        let handle = tokio::task::spawn_blocking(move || {
            let (running, _) = metrics.job_gauges();
            let _running = Raised::new(running);
            let _slot = (permit, admission);
            job()
        });
        handle.await.map_err(|e| {
            if e.is_panic() {
                ApiError::internal("the summarizer failed unexpectedly; this is a bug in brief")
            } else {
                ApiError::internal("the job was cancelled")
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn full_pool_answers_503_and_recovers() {
        let metrics = Arc::new(Metrics::default());
        let pool = Arc::new(JobPool::new(1, 1, Arc::clone(&metrics)));
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let rx = Arc::new(std::sync::Mutex::new(rx));
        let mut held = Vec::new();
        for _ in 0..2 {
            let pool = Arc::clone(&pool);
            let rx = Arc::clone(&rx);
            held.push(tokio::spawn(async move {
                pool.run(move || {
                    let _ = rx.lock().map(|r| r.recv());
                })
                .await
            }));
        }
        // Let both be admitted (one running, one queued).
        tokio::time::sleep(Duration::from_millis(100)).await;
        let e = pool.run(|| ()).await.expect_err("pool is full");
        assert_eq!(e.code, "overloaded");
        assert_eq!(e.status.as_u16(), 503);
        for _ in 0..2 {
            tx.send(()).expect("worker listens");
        }
        for h in held {
            h.await.expect("joined").expect("ran");
        }
        assert_eq!(pool.run(|| 7).await.expect("room again"), 7);
        assert_eq!(metrics.jobs_running(), 0);
    }

    #[tokio::test]
    async fn a_panicking_job_is_a_500() {
        let pool = JobPool::new(1, 0, Arc::new(Metrics::default()));
        let e = pool
            .run(|| -> () { panic!("boom") })
            .await
            .expect_err("panicked");
        assert_eq!(e.status.as_u16(), 500);
        assert_eq!(pool.run(|| 1).await.expect("pool still works"), 1);
    }
}
