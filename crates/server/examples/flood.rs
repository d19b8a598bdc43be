//! Body flood against a running `brief serve`: opens N connections at once,
//! each posting one large body to `/v1/summarize` (a small valid cluster
//! padded with spaces to the size asked for), and reports the answers,
//! their latency and the wall time. Watch the server's memory meanwhile
//! (`bench/hardening/load_and_flood.sh` does, from `/proc/PID/status`).
//!
//! ```text
//! cargo run --release -p brief-cli -- serve --port 8080 &
//! cargo run --release -p brief-server --example flood -- \
//!     --url http://127.0.0.1:8080 --connections 600 --bytes 8000000
//! ```

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct Options {
    addr: String,
    connections: usize,
    bytes: usize,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        addr: "127.0.0.1:8080".into(),
        connections: 600,
        bytes: 8_000_000,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--url" => {
                let url = value()?;
                o.addr = url
                    .trim_start_matches("http://")
                    .trim_end_matches('/')
                    .to_owned();
            }
            "--connections" => o.connections = number(value()?)?.max(1),
            "--bytes" => o.bytes = number(value()?)?,
            other => return Err(format!("unknown flag {other}; see the file's doc comment")),
        }
    }
    Ok(o)
}

/// A valid request of exactly `bytes` bytes (at least the small cluster).
fn body(bytes: usize) -> Vec<u8> {
    let cluster = serde_json::json!({
        "documents": [
            "Russia vetoed a UN resolution on Syria on Wednesday. The vote was 10 to 2 with three abstentions.",
            "China abstained from the vote on the Syria resolution. Russia said the draft was unbalanced.",
        ],
        "algorithm": "lead",
        "words": 30,
    })
    .to_string();
    let mut out = cluster.into_bytes();
    // Padding inside the object, before its closing brace: still valid JSON.
    let close = out.pop().unwrap_or(b'}');
    while out.len() + 1 < bytes {
        out.push(b' ');
    }
    out.push(close);
    out
}

/// Posts `body` on a fresh connection; the status (or the error) and the time.
async fn post(addr: &str, body: &[u8]) -> (Result<u16, String>, Duration) {
    let started = Instant::now();
    let outcome = async {
        let mut stream = tokio::net::TcpStream::connect(addr)
            .await
            .map_err(|e| format!("connect: {e}"))?;
        let head = format!(
            "POST /v1/summarize HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            body.len()
        );
        stream
            .write_all(head.as_bytes())
            .await
            .map_err(|e| format!("write: {e}"))?;
        // A server that answers before reading everything (413, 503) may
        // close early; the answer is what counts.
        let _ = stream.write_all(body).await;
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer).await;
        let text = String::from_utf8_lossy(&answer[..answer.len().min(64)]).into_owned();
        text.split_whitespace()
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| format!("no HTTP answer ({} bytes)", answer.len()))
    }
    .await;
    (outcome, started.elapsed())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let o = options()?;
    let body = Arc::new(body(o.bytes));
    let addr = Arc::new(o.addr.clone());
    let started = Instant::now();
    let tasks: Vec<_> = (0..o.connections)
        .map(|_| {
            let (addr, body) = (Arc::clone(&addr), Arc::clone(&body));
            tokio::spawn(async move { post(&addr, &body).await })
        })
        .collect();
    let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
    let mut latencies = Vec::new();
    for t in tasks {
        let (outcome, latency) = t.await?;
        let key = match outcome {
            Ok(s) => s.to_string(),
            Err(e) => e,
        };
        *statuses.entry(key).or_default() += 1;
        latencies.push(latency);
    }
    let wall = started.elapsed();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];
    println!(
        "{} connections x {} bytes in {:.2} s ({:.1} answers/s, {:.0} MB/s sent)",
        o.connections,
        body.len(),
        wall.as_secs_f64(),
        o.connections as f64 / wall.as_secs_f64(),
        (o.connections * body.len()) as f64 / wall.as_secs_f64() / 1e6
    );
    println!(
        "latency p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        pct(1.0).as_secs_f64() * 1e3
    );
    println!("answers {statuses:?}");
    Ok(())
}
