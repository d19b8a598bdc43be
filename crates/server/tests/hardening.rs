//! Regression tests of the hardening issue: jobs stop at their deadline and
//! at shutdown, bodies wait for memory before they are read, only JSON from
//! this server's own host names is accepted (with an optional token), and
//! every error, even hyper's own, is JSON with a short message.

mod common;

use brief_server::{Access, AppState, Limits};
use common::{big_request_for, small_request, TestServer};
use serde_json::Value;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn post_with(
    server: &TestServer,
    path: &str,
    headers: &[(&str, &str)],
    body: String,
) -> (u16, Value) {
    let mut request = reqwest::Client::new().post(server.url(path)).body(body);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("sent");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

const JSON: (&str, &str) = ("content-type", "application/json");

fn code(json: &Value) -> &str {
    json["error"]["code"].as_str().unwrap_or("<no code>")
}

/// Sends raw bytes on a fresh connection and reads the answer until the
/// server closes the connection.
async fn raw(server: &TestServer, request: &[u8]) -> String {
    let mut stream = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    stream.write_all(request).await.expect("write");
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}

/// A job that runs for seconds in a debug build and longer than 150 ms in
/// a release one: 90,000 overlapping sentences to prepare (of which 2,048
/// are ranked).
fn heavy(algorithm: &str) -> String {
    big_request_for(algorithm, 100, 900)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_504_stops_the_job() {
    let limits = Limits {
        request_timeout: Duration::from_millis(150),
        max_concurrent_jobs: 1,
        ..Limits::default()
    };
    let server = TestServer::start(limits).await;
    for algorithm in ["submodular", "lexrank", "textrank", "mmr", "ilp"] {
        let (status, json) = post_with(&server, "/v1/summarize", &[JSON], heavy(algorithm)).await;
        assert_eq!(
            (status, code(&json)),
            (504, "timeout"),
            "{algorithm}: {json}"
        );
        let answered = Instant::now();
        server
            .wait_for("the job to stop", Duration::from_secs(10), |m| {
                m.jobs_running() == 0
            })
            .await;
        let after = answered.elapsed();
        eprintln!("{algorithm}: the job stopped {after:?} after its 504");
        assert!(
            after < Duration::from_millis(500),
            "{algorithm}: the job ran on for {after:?} after its 504"
        );
    }
    let (status, _) = post_with(&server, "/v1/summarize", &[JSON], small_request()).await;
    assert_eq!(status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_cancels_jobs_after_the_grace_period() {
    let limits = Limits {
        request_timeout: Duration::from_secs(60),
        shutdown_grace: Duration::from_millis(300),
        max_concurrent_jobs: 1,
        ..Limits::default()
    };
    let mut server = TestServer::start(limits).await;
    let url = server.url("/v1/summarize");
    let slow = tokio::spawn(async move {
        let r = reqwest::Client::new()
            .post(url)
            .header("content-type", "application/json")
            .body(heavy("submodular"))
            .send()
            .await
            .expect("sent");
        let status = r.status().as_u16();
        (status, r.json::<Value>().await.expect("json"))
    });
    server
        .wait_for("the job to start", Duration::from_secs(30), |m| {
            m.jobs_running() == 1
        })
        .await;
    let stopping = Instant::now();
    server.shutdown();
    let (status, json) = slow.await.expect("joined");
    assert_eq!((status, code(&json)), (503, "shutting_down"), "{json}");
    tokio::time::timeout(Duration::from_secs(3), &mut server.handle)
        .await
        .expect("the server stops within the grace period and a second")
        .expect("joined")
        .expect("served");
    assert!(stopping.elapsed() < Duration::from_secs(3));
    assert_eq!(server.state.metrics().jobs_running(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_wait_for_memory_before_they_are_read() {
    let limits = Limits {
        max_body_bytes: 64 << 10,
        max_body_memory: 256 << 10,
        request_timeout: Duration::from_secs(5),
        ..Limits::default()
    };
    let server = TestServer::start(limits).await;
    // Twenty clients announce 60 kB bodies, send half and stall.
    let mut streams = Vec::new();
    for _ in 0..20 {
        let mut s = tokio::net::TcpStream::connect(server.addr)
            .await
            .expect("connect");
        let head = "POST /v1/summarize HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 60000\r\n\r\n";
        s.write_all(head.as_bytes()).await.expect("head");
        s.write_all(&[b' '; 30_000]).await.expect("half the body");
        streams.push(s);
    }
    server
        .wait_for("every request to arrive", Duration::from_secs(5), |m| {
            m.in_flight() == 20
        })
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let held = server.state.body_memory_held();
    assert!(held <= 256 << 10, "{held} bytes of bodies held");
    assert!(held >= 4 * 60_000, "the budget is used: {held}");
    // Other clients are still served once room is made.
    drop(streams);
    server
        .wait_for("the stalled requests to go", Duration::from_secs(5), |m| {
            m.in_flight() == 0
        })
        .await;
    assert_eq!(server.state.body_memory_held(), 0);
    let (status, _) = post_with(&server, "/v1/summarize", &[JSON], small_request()).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn text_plain_and_foreign_hosts_are_refused() {
    let server = TestServer::start(Limits::default()).await;
    for content_type in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ] {
        let (status, json) = post_with(
            &server,
            "/v1/summarize",
            &[("content-type", content_type)],
            small_request(),
        )
        .await;
        assert_eq!(
            (status, code(&json)),
            (415, "unsupported_media_type"),
            "{content_type}"
        );
    }
    let (status, json) = post_with(&server, "/v1/summarize", &[], small_request()).await;
    assert_eq!((status, code(&json)), (415, "unsupported_media_type"));
    let (status, _) = post_with(
        &server,
        "/v1/summarize",
        &[("content-type", "application/json; charset=utf-8")],
        small_request(),
    )
    .await;
    assert_eq!(status, 200);
    // DNS rebinding: a page on evil.example whose name now points here.
    let answer = raw(
        &server,
        b"GET /v1/example HTTP/1.1\r\nhost: evil.example:8080\r\nconnection: close\r\n\r\n",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    assert!(answer.contains("\"forbidden_host\""), "{answer}");
    let answer = raw(
        &server,
        b"GET /healthz HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n",
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test]
async fn allowed_hosts_and_the_token_are_checked() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let state = AppState::new(Limits::default())
        .expect("state")
        .with_access(Access {
            allowed_hosts: vec!["brief.example.org".into()],
            token: Some("t0ken".into()),
        });
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(brief_server::serve_state(listener, state, async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::new();
    let url = format!("http://{addr}/v1/summarize");
    let send = |token: Option<&str>, host: &str| {
        let mut r = client
            .post(&url)
            .header("content-type", "application/json")
            .header("host", host)
            .body(small_request());
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };
    let r = send(None, "127.0.0.1").await.expect("sent");
    assert_eq!(r.status().as_u16(), 401);
    assert_eq!(r.headers()["www-authenticate"], "Bearer");
    let r = send(Some("wrong"), "127.0.0.1").await.expect("sent");
    assert_eq!(r.status().as_u16(), 401);
    let r = send(Some("t0ken"), "brief.example.org:443")
        .await
        .expect("sent");
    assert_eq!(r.status().as_u16(), 200);
    let r = send(Some("t0ken"), "other.example.org")
        .await
        .expect("sent");
    assert_eq!(r.status().as_u16(), 403);
    // The page and the health check need no token.
    let r = client
        .get(format!("http://{addr}/"))
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status().as_u16(), 200);
    let _ = stop.send(());
    let _ = handle.await;
}

#[tokio::test]
async fn http_layer_errors_are_json() {
    let server = TestServer::start(Limits::default()).await;
    // Headers past hyper's limit: 431.
    let mut request = String::from("GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n");
    for i in 0..200 {
        request.push_str(&format!("x-header-{i}: {}\r\n", "v".repeat(20)));
    }
    request.push_str("\r\n");
    let answer = raw(&server, request.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
    let json: Value = serde_json::from_str(body).expect("a JSON body");
    assert_eq!(code(&json), "headers_too_large");
    // Not HTTP at all: 400.
    let answer = raw(&server, b"\x00\x01 not http at all\r\n\r\n").await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
    let json: Value = serde_json::from_str(body).expect("a JSON body");
    assert_eq!(code(&json), "malformed_request");
    // The server still answers.
    let (status, _) = post_with(&server, "/v1/summarize", &[JSON], small_request()).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn error_messages_quote_values_briefly() {
    let server = TestServer::start(Limits::default()).await;
    let long = "x".repeat(5000);
    for body in [
        r#"{"documents": ["A b. C d."], "lambda": -1e308}"#.to_string(),
        r#"{"documents": ["A b. C d."], "damping": 1e300}"#.to_string(),
        format!(r#"{{"documents": ["A b. C d."], "algorithm": "{long}"}}"#),
        format!(r#"{{"documents": ["A b. C d."], "lambda": "{long}"}}"#),
        format!(r#"{{"documents": ["A b. C d."], "{long}": 1}}"#),
        format!(
            r#"{{"documents": [{{"id": "{long}", "text": "{}"}}]}}"#,
            "é".repeat(300_000)
        ),
    ] {
        let (status, json) = post_with(&server, "/v1/summarize", &[JSON], body).await;
        let message = json["error"]["message"].as_str().unwrap_or_default();
        assert!((400..500).contains(&status), "{status} {json}");
        assert!(message.chars().count() < 400, "{status}: {message}");
    }
    for (path, body) in [
        (
            "/v1/analyze",
            format!(r#"{{"documents": ["x"], "{long}": 1}}"#),
        ),
        (
            "/v1/score",
            format!(r#"{{"candidate": "a", "reference": "b", "{long}": 1}}"#),
        ),
        (
            "/v1/score",
            format!(r#"{{"candidate": "a", "reference": "b", "profile": ["{long}"]}}"#),
        ),
        (
            "/v1/score",
            format!(r#"{{"candidate": "a", "reference": "b", "profile": "{long}"}}"#),
        ),
    ] {
        let (status, json) = post_with(&server, path, &[JSON], body).await;
        let message = json["error"]["message"].as_str().unwrap_or_default();
        assert_eq!(status, 422, "{json}");
        assert!(message.chars().count() < 400, "{path}: {message}");
    }
}
