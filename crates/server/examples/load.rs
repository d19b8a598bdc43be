//! Load generator for a running `brief serve`: posts one cluster to
//! `/v1/summarize` N times at a given concurrency over keep-alive
//! connections and reports throughput, latency percentiles and errors.
//!
//! ```text
//! cargo run --release -p brief-cli -- serve --port 8080 &
//! cargo run --release -p brief-server --example load -- \
//!     --url http://127.0.0.1:8080 --requests 1000 --concurrency 32 --cluster examples/tillerson-moscow
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

struct Options {
    url: String,
    requests: usize,
    concurrency: usize,
    cluster: PathBuf,
    words: usize,
    algorithm: String,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        url: "http://127.0.0.1:8080".into(),
        requests: 1000,
        concurrency: 32,
        cluster: PathBuf::from("examples/tillerson-moscow"),
        words: 100,
        algorithm: "lexrank".into(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--url" => o.url = value()?,
            "--requests" => o.requests = number(value()?)?,
            "--concurrency" => o.concurrency = number(value()?)?.max(1),
            "--cluster" => o.cluster = PathBuf::from(value()?),
            "--words" => o.words = number(value()?)?,
            "--algorithm" => o.algorithm = value()?,
            other => return Err(format!("unknown flag {other}; see the file's doc comment")),
        }
    }
    Ok(o)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let o = options()?;
    let cluster = brief_io::text::read_text_folder(&o.cluster, &brief_io::Limits::default())?;
    let mut body = serde_json::to_value(&cluster)?;
    body["algorithm"] = o.algorithm.clone().into();
    body["words"] = o.words.into();
    let body = Arc::new(body.to_string());
    let url = Arc::new(format!("{}/v1/summarize", o.url.trim_end_matches('/')));
    let client = reqwest::Client::new();
    // One warm-up request, which also checks that the server is there.
    let warm = client
        .post(url.as_str())
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await?;
    if !warm.status().is_success() {
        return Err(format!(
            "warm-up request failed: {} {}",
            warm.status(),
            warm.text().await?
        )
        .into());
    }
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..o.concurrency {
        let (client, url, body, next) = (
            client.clone(),
            Arc::clone(&url),
            Arc::clone(&body),
            Arc::clone(&next),
        );
        let requests = o.requests;
        workers.push(tokio::spawn(async move {
            let mut results: Vec<(Result<u16, String>, Duration)> = Vec::new();
            while next.fetch_add(1, Ordering::SeqCst) < requests {
                let t = Instant::now();
                let outcome = match client
                    .post(url.as_str())
                    .header("content-type", "application/json")
                    .body(body.to_string())
                    .send()
                    .await
                {
                    Ok(r) => {
                        let status = r.status().as_u16();
                        r.bytes().await.map(|_| status).map_err(|e| e.to_string())
                    }
                    Err(e) => Err(e.to_string()),
                };
                results.push((outcome, t.elapsed()));
            }
            results
        }));
    }
    let mut results = Vec::new();
    for w in workers {
        results.extend(w.await?);
    }
    let wall = started.elapsed();
    let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
    let mut latencies: Vec<Duration> = Vec::new();
    for (outcome, latency) in &results {
        let key = match outcome {
            Ok(s) => s.to_string(),
            Err(e) => format!("transport error: {e}"),
        };
        *statuses.entry(key).or_default() += 1;
        latencies.push(*latency);
    }
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    let errors = results
        .iter()
        .filter(|(o, _)| !matches!(o, Ok(200)))
        .count();
    println!(
        "{} requests, concurrency {}, cluster {} ({} documents, {} bytes)",
        results.len(),
        o.concurrency,
        o.cluster.display(),
        cluster.documents.len(),
        body.len()
    );
    println!(
        "wall {:.2} s, {:.1} requests/s",
        wall.as_secs_f64(),
        results.len() as f64 / wall.as_secs_f64()
    );
    println!(
        "latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.9).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        pct(1.0).as_secs_f64() * 1e3
    );
    println!("statuses {statuses:?}; errors {errors}");
    if errors > 0 {
        std::process::exit(1);
    }
    Ok(())
}
