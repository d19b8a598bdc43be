//! Load and fault mix over loopback: 1,000 requests at concurrency 32, with
//! malformed and oversized bodies mixed in. Every good request must succeed
//! and every bad one get its 4xx; latency percentiles are printed.

mod common;

use brief_server::Limits;
use common::{small_request, TestServer};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const REQUESTS: usize = 1000;
const CONCURRENCY: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Good,
    Malformed,
    Oversized,
}

fn kind_of(i: usize) -> Kind {
    match i {
        i if i % 10 == 3 => Kind::Malformed,
        i if i % 25 == 7 => Kind::Oversized,
        _ => Kind::Good,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thousand_requests_mixed_with_bad_ones() {
    let limits = Limits {
        max_body_bytes: 64 << 10,
        ..Limits::default()
    };
    let server = Arc::new(TestServer::start(limits).await);
    let good = Arc::new(small_request());
    let malformed = Arc::new(small_request().replace("\"documents\"", "\"documents"));
    let oversized = Arc::new(format!("{{\"documents\": [\"{}\"]}}", "a ".repeat(50_000)));
    let client = reqwest::Client::new();
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (server, client, next) = (Arc::clone(&server), client.clone(), Arc::clone(&next));
        let (good, malformed, oversized) = (
            Arc::clone(&good),
            Arc::clone(&malformed),
            Arc::clone(&oversized),
        );
        workers.push(tokio::spawn(async move {
            let mut results = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= REQUESTS {
                    return results;
                }
                let kind = kind_of(i);
                let body = match kind {
                    Kind::Good => good.as_str(),
                    Kind::Malformed => malformed.as_str(),
                    Kind::Oversized => oversized.as_str(),
                };
                let t = Instant::now();
                let outcome = client
                    .post(server.url("/v1/summarize"))
                    .header("content-type", "application/json")
                    .body(body.to_owned())
                    .send()
                    .await;
                let status = match outcome {
                    Ok(r) => {
                        let status = r.status().as_u16();
                        // Read the body so the connection is reused.
                        let _ = r.bytes().await;
                        Some(status)
                    }
                    Err(_) => None,
                };
                results.push((kind, status, t.elapsed()));
            }
        }));
    }
    let mut results = Vec::new();
    for w in workers {
        results.extend(w.await.expect("worker joined"));
    }
    let wall = started.elapsed();
    assert_eq!(results.len(), REQUESTS);
    let mut good_latencies: Vec<Duration> = Vec::new();
    let mut errors = Vec::new();
    for (kind, status, latency) in &results {
        let expected = match kind {
            Kind::Good => 200,
            Kind::Malformed => 400,
            Kind::Oversized => 413,
        };
        if *status != Some(expected) {
            errors.push(format!("{kind:?}: got {status:?}, expected {expected}"));
        }
        if *kind == Kind::Good {
            good_latencies.push(*latency);
        }
    }
    good_latencies.sort();
    let pct = |p: f64| good_latencies[((good_latencies.len() - 1) as f64 * p).round() as usize];
    eprintln!(
        "load: {REQUESTS} requests at concurrency {CONCURRENCY} in {wall:?} ({:.0} req/s); good p50 {:?} p99 {:?}; {} errors",
        REQUESTS as f64 / wall.as_secs_f64(),
        pct(0.5),
        pct(0.99),
        errors.len()
    );
    assert!(
        errors.is_empty(),
        "{} unexpected outcomes, first: {:?}",
        errors.len(),
        errors.first()
    );
    assert_eq!(server.state.metrics().in_flight(), 0);
    assert_eq!(server.state.metrics().jobs_running(), 0);
    let metrics = server.state.metrics().render();
    let bad = (0..REQUESTS)
        .filter(|&i| kind_of(i) == Kind::Malformed)
        .count();
    assert!(
        metrics.contains(&format!(
            "brief_http_requests_total{{route=\"/v1/summarize\",status=\"400\"}} {bad}"
        )),
        "{metrics}"
    );
}
