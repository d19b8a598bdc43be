//! Prometheus metrics, hand-written in the text exposition format
//! (<https://prometheus.io/docs/instrumenting/exposition_formats/>): four
//! metric families do not justify a registry crate, and writing them here
//! keeps label sets fixed and small.
//!
//! - `brief_http_requests_total{route,status}` — counter; `status="499"`
//!   counts requests whose client went away before the answer.
//! - `brief_http_request_duration_seconds{route}` — histogram.
//! - `brief_http_requests_in_flight` — gauge.
//! - `brief_jobs_running`, `brief_jobs_queued` — gauges of summarization work;
//!   `brief_jobs_rejected_total` — counter of 503 `overloaded` answers.

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// Upper bounds of the latency histogram buckets, in seconds.
const BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Status label for requests dropped before a response (the client left).
const CLIENT_CLOSED: u16 = 499;

#[derive(Debug, Default, Clone)]
struct Histogram {
    counts: Vec<u64>,
    sum: f64,
    count: u64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        if self.counts.is_empty() {
            self.counts = vec![0; BUCKETS.len()];
        }
        for (bound, c) in BUCKETS.iter().zip(&mut self.counts) {
            if seconds <= *bound {
                *c += 1;
            }
        }
        self.sum += seconds;
        self.count += 1;
    }
}

#[derive(Debug, Default)]
struct ByRoute {
    requests: BTreeMap<(&'static str, u16), u64>,
    latency: BTreeMap<&'static str, Histogram>,
}

/// The server's metrics, shared by every request.
#[derive(Debug, Default)]
pub struct Metrics {
    by_route: Mutex<ByRoute>,
    in_flight: AtomicI64,
    jobs_running: AtomicI64,
    jobs_queued: AtomicI64,
    jobs_rejected: AtomicU64,
}

/// Routes are labelled by their pattern from a fixed list, so a client
/// probing random paths cannot grow the label set.
fn route_label(path: Option<&str>) -> &'static str {
    const ROUTES: &[&str] = &[
        "/",
        "/assets/app.js",
        "/assets/style.css",
        "/healthz",
        "/metrics",
        "/v1/algorithms",
        "/v1/example",
        "/v1/summarize",
        "/v1/score",
        "/v1/analyze",
    ];
    path.and_then(|p| ROUTES.iter().find(|r| **r == p).copied())
        .unwrap_or("other")
}

impl Metrics {
    /// Requests being answered now.
    pub fn in_flight(&self) -> i64 {
        self.in_flight.load(Ordering::SeqCst)
    }

    /// Summarization jobs computing now.
    pub fn jobs_running(&self) -> i64 {
        self.jobs_running.load(Ordering::SeqCst)
    }

    pub(crate) fn job_gauges(&self) -> (&AtomicI64, &AtomicI64) {
        (&self.jobs_running, &self.jobs_queued)
    }

    pub(crate) fn job_rejected(&self) {
        self.jobs_rejected.fetch_add(1, Ordering::Relaxed);
    }

    fn record(&self, route: &'static str, status: u16, seconds: f64) {
        let mut by_route = self.by_route.lock().unwrap_or_else(PoisonError::into_inner);
        *by_route.requests.entry((route, status)).or_default() += 1;
        by_route.latency.entry(route).or_default().observe(seconds);
    }

    /// The metrics in Prometheus text format.
    pub fn render(&self) -> String {
        let by_route = self.by_route.lock().unwrap_or_else(PoisonError::into_inner);
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "# HELP brief_http_requests_total HTTP requests answered, by route and status."
        );
        let _ = writeln!(out, "# TYPE brief_http_requests_total counter");
        for ((route, status), n) in &by_route.requests {
            let _ = writeln!(
                out,
                "brief_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {n}"
            );
        }
        let _ = writeln!(
            out,
            "# HELP brief_http_request_duration_seconds Time from request to response, by route."
        );
        let _ = writeln!(out, "# TYPE brief_http_request_duration_seconds histogram");
        for (route, h) in &by_route.latency {
            for (bound, c) in BUCKETS.iter().zip(&h.counts) {
                let _ = writeln!(
                    out,
                    "brief_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {c}"
                );
            }
            let _ = writeln!(
                out,
                "brief_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "brief_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "brief_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count
            );
        }
        let gauges = [
            (
                "brief_http_requests_in_flight",
                "HTTP requests being answered.",
                &self.in_flight,
            ),
            (
                "brief_jobs_running",
                "Summarization jobs computing.",
                &self.jobs_running,
            ),
            (
                "brief_jobs_queued",
                "Summarization jobs waiting for a worker.",
                &self.jobs_queued,
            ),
        ];
        for (name, help, value) in gauges {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} gauge");
            let _ = writeln!(out, "{name} {}", value.load(Ordering::SeqCst));
        }
        let _ = writeln!(
            out,
            "# HELP brief_jobs_rejected_total Jobs refused with 503 because the server was full."
        );
        let _ = writeln!(out, "# TYPE brief_jobs_rejected_total counter");
        let _ = writeln!(
            out,
            "brief_jobs_rejected_total {}",
            self.jobs_rejected.load(Ordering::Relaxed)
        );
        out
    }
}

/// Counts a request from arrival until its response is produced — or until
/// its future is dropped because the client disconnected, which the guard's
/// `Drop` records as status 499 so the in-flight gauge always returns to 0.
struct InFlight {
    metrics: Arc<Metrics>,
    route: &'static str,
    started: Instant,
    status: Option<u16>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.metrics.in_flight.fetch_sub(1, Ordering::SeqCst);
        let status = self.status.unwrap_or(CLIENT_CLOSED);
        self.metrics
            .record(self.route, status, self.started.elapsed().as_secs_f64());
    }
}

/// Middleware recording every request in [`Metrics`].
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = route_label(
        request
            .extensions()
            .get::<MatchedPath>()
            .map(MatchedPath::as_str),
    );
    metrics.in_flight.fetch_add(1, Ordering::SeqCst);
    let mut guard = InFlight {
        metrics,
        route,
        started: Instant::now(),
        status: None,
    };
    let response = next.run(request).await;
    guard.status = Some(response.status().as_u16());
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative() {
        let mut h = Histogram::default();
        h.observe(0.003);
        h.observe(0.3);
        assert_eq!(h.count, 2);
        assert_eq!(h.counts[0], 0); // <= 1 ms
        assert_eq!(h.counts[2], 1); // <= 5 ms
        assert_eq!(h.counts[BUCKETS.len() - 1], 2); // <= 10 s
    }

    #[test]
    fn render_is_prometheus_text() {
        let m = Metrics::default();
        m.record("/v1/summarize", 200, 0.02);
        m.record("/v1/summarize", 413, 0.001);
        let text = m.render();
        assert!(
            text.contains("brief_http_requests_total{route=\"/v1/summarize\",status=\"200\"} 1")
        );
        assert!(
            text.contains("brief_http_requests_total{route=\"/v1/summarize\",status=\"413\"} 1")
        );
        assert!(text.contains(
            "brief_http_request_duration_seconds_bucket{route=\"/v1/summarize\",le=\"0.025\"} 2"
        ));
        assert!(
            text.contains("brief_http_request_duration_seconds_count{route=\"/v1/summarize\"} 2")
        );
        assert!(text.contains("brief_http_requests_in_flight 0"));
        assert_eq!(route_label(Some("/no/such")), "other");
    }
}
