//! The HTTP API end to end over loopback: each status the API promises,
//! overload, time limits, disconnecting clients and graceful shutdown.

mod common;

use brief_server::Limits;
use common::{big_request, small_request, TestServer};
use serde_json::Value;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn post(server: &TestServer, path: &str, body: impl Into<reqwest::Body>) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(server.url(path))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("request sent");
    let status = response.status().as_u16();
    let json = response.json::<Value>().await.expect("JSON body");
    (status, json)
}

fn error_code(json: &Value) -> &str {
    json["error"]["code"].as_str().unwrap_or("<no error code>")
}

#[tokio::test]
async fn summarize_returns_provenance() {
    let server = TestServer::start(Limits::default()).await;
    let body = small_request();
    let (status, summary) = post(&server, "/v1/summarize", body.clone()).await;
    assert_eq!(status, 200, "{summary}");
    let request: Value = serde_json::from_str(&body).expect("json");
    let items = summary["items"].as_array().expect("items");
    assert!(!items.is_empty());
    for item in items {
        let doc = &request["documents"][item["doc"].as_u64().expect("doc") as usize];
        let text = doc["text"].as_str().or(doc.as_str()).expect("doc text");
        let (start, end) = (
            item["span"]["start"].as_u64().expect("start") as usize,
            item["span"]["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(&text[start..end], item["text"].as_str().expect("text"));
    }
    assert_eq!(summary["algorithm"], "lexrank");
    assert_eq!(
        summary["budget"],
        serde_json::json!({"unit": "words", "limit": 30})
    );
}

/// The example cluster the web page offers (`GET /v1/example`).
async fn example(server: &TestServer) -> Value {
    reqwest::get(server.url("/v1/example"))
        .await
        .expect("sent")
        .json()
        .await
        .expect("json")
}

#[tokio::test]
async fn summaries_carry_speakers_as_the_cli_gives_them() {
    let server = TestServer::start(Limits::default()).await;
    let example = example(&server).await;
    let (status, summary) = post(&server, "/v1/summarize", example.to_string()).await;
    assert_eq!(status, 200, "{summary}");
    let local = brief_core::summarize_cluster(
        &brief_io::jsonl::cluster_from_value(example.clone(), "example").expect("cluster"),
        brief_core::Algorithm::DEFAULT,
        &brief_core::Params::default(),
        brief_core::Budget::Words(100),
    )
    .expect("summarized");
    let served: brief_core::Summary = serde_json::from_value(summary).expect("a summary");
    // The example's 100 words quote Trump ("may be at an all-time low");
    // the server names him as the library does.
    assert!(
        served.items.iter().any(|i| i.speaker.is_some()),
        "{served:?}"
    );
    assert_eq!(served.items, local.items);
}

#[tokio::test]
async fn update_summarizes_what_is_new() {
    let server = TestServer::start(Limits::default()).await;
    let body = serde_json::json!({
        "id": "day2",
        "seen": ["The council approved the river bridge plan on Monday. The bridge will cost twelve million dollars."],
        "documents": [
            "The council approved the river bridge plan on Monday. Engineers found cracks in the old pier on Friday.",
            "Engineers said the cracks in the old pier must be repaired first. The survey team reports next week."
        ],
        "words": 30,
        "query": "the old pier",
        "seen_weight": 0.1
    });
    let (status, summary) = post(&server, "/v1/update", body.to_string()).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["cluster_id"], "day2");
    let items = summary["items"].as_array().expect("items");
    assert!(!items.is_empty());
    for item in items {
        let text = item["text"].as_str().expect("text");
        assert!(!text.contains("approved"), "{text}");
        assert!(item["doc"].as_u64().expect("doc") < 2);
    }
    let bad = serde_json::json!({"documents": ["A b. C d."], "seen_weight": 3});
    let (status, json) = post(&server, "/v1/update", bad.to_string()).await;
    assert_eq!(
        (status, error_code(&json)),
        (422, "invalid_parameter"),
        "{json}"
    );
    let bad = serde_json::json!({"documents": ["A b. C d."], "seen": "old"});
    let (status, json) = post(&server, "/v1/update", bad.to_string()).await;
    assert_eq!((status, error_code(&json)), (422, "invalid_seen"), "{json}");
}

#[tokio::test]
async fn every_error_is_json_with_the_right_status() {
    let limits = Limits {
        max_body_bytes: 4096,
        max_documents: 3,
        max_document_chars: 500,
        ..Limits::default()
    };
    let server = TestServer::start(limits).await;
    let cases: Vec<(String, u16, &str)> = vec![
        ("{\"documents\": [".into(), 400, "malformed_json"),
        ("".into(), 400, "malformed_json"),
        ("\"just a string\"".into(), 400, "malformed_json"),
        (r#"{"documents": []}"#.into(), 400, "empty_cluster"),
        (
            r#"{"documents": [{"title": "no text"}]}"#.into(),
            400,
            "invalid_cluster",
        ),
        ("x".repeat(5000), 413, "body_too_large"),
        (
            r#"{"documents": ["a", "b", "c", "d"]}"#.into(),
            413,
            "too_many_documents",
        ),
        (
            format!(r#"{{"documents": ["{}"]}}"#, "é".repeat(501)),
            413,
            "document_too_large",
        ),
        (
            r#"{"documents": ["A b. C d."], "algorithm": "bogus"}"#.into(),
            422,
            "unknown_algorithm",
        ),
        (
            r#"{"documents": ["A b. C d."], "words": 0}"#.into(),
            422,
            "invalid_budget",
        ),
        (
            r#"{"documents": ["A b. C d."], "sentences": 1, "bytes": 5}"#.into(),
            422,
            "invalid_budget",
        ),
        (
            r#"{"documents": ["A b. C d."], "damping": 1.5}"#.into(),
            422,
            "invalid_parameter",
        ),
        (
            r#"{"documents": ["A b. C d."], "budget": 5}"#.into(),
            422,
            "unknown_field",
        ),
    ];
    for (body, status, code) in cases {
        let (got, json) = post(&server, "/v1/summarize", body.clone()).await;
        let shown: String = body.chars().take(60).collect();
        assert_eq!(
            (got, error_code(&json)),
            (status, code),
            "body {shown}: {json}"
        );
        assert!(json["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
    // A body sent in chunks, with no declared length, is limited too.
    let mut chunked = String::new();
    for _ in 0..10 {
        chunked.push_str(&format!("3e8\r\n{}\r\n", " ".repeat(1000)));
    }
    chunked.push_str("0\r\n\r\n");
    let answer = raw_exchange(
        &server,
        &format!("POST /v1/summarize HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nconnection: close\r\ntransfer-encoding: chunked\r\n\r\n{chunked}"),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("body_too_large"), "{answer}");

    let client = reqwest::Client::new();
    let r = client
        .get(server.url("/no/such/page"))
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status().as_u16(), 404);
    assert_eq!(
        error_code(&r.json::<Value>().await.expect("json")),
        "not_found"
    );
    let r = client
        .get(server.url("/v1/summarize"))
        .send()
        .await
        .expect("sent");
    assert_eq!(r.status().as_u16(), 405);
    assert_eq!(
        error_code(&r.json::<Value>().await.expect("json")),
        "method_not_allowed"
    );
}

/// Sends `request` on a fresh connection and reads until the server closes it.
async fn raw_exchange(server: &TestServer, request: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the server answers and closes")
        .expect("read");
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn pages_health_and_metrics() {
    let server = TestServer::start(Limits::default()).await;
    let client = reqwest::Client::new();
    let page = client.get(server.url("/")).send().await.expect("sent");
    assert_eq!(page.status().as_u16(), 200);
    assert!(page
        .text()
        .await
        .expect("html")
        .contains("<script src=\"/assets/app.js\">"));
    for (path, kind) in [
        ("/assets/app.js", "text/javascript"),
        ("/assets/style.css", "text/css"),
    ] {
        let r = client.get(server.url(path)).send().await.expect("sent");
        assert_eq!(r.status().as_u16(), 200);
        let ct = r.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(ct.starts_with(kind), "{path}: {ct}");
    }
    let health: Value = client
        .get(server.url("/healthz"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(health["status"], "ok");
    let example: Value = client
        .get(server.url("/v1/example"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(example["documents"].as_array().map(Vec::len), Some(5));
    let (status, _) = post(&server, "/v1/summarize", example.to_string()).await;
    assert_eq!(status, 200);
    let metrics = client
        .get(server.url("/metrics"))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("text");
    assert!(
        metrics.contains("brief_http_requests_total{route=\"/v1/summarize\",status=\"200\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("brief_http_requests_total{route=\"/healthz\",status=\"200\"} 1"));
    assert!(
        metrics.contains("brief_http_request_duration_seconds_count{route=\"/v1/summarize\"} 1")
    );
    // Only the /metrics request itself is in flight.
    assert!(metrics.contains("brief_http_requests_in_flight 1"));
}

#[tokio::test]
async fn full_server_answers_503_then_recovers() {
    let limits = Limits {
        max_concurrent_jobs: 1,
        max_queued_jobs: 0,
        ..Limits::default()
    };
    let server = TestServer::start(limits).await;
    let slow = tokio::spawn(post_owned(server.url("/v1/summarize"), big_request(40, 50)));
    server
        .wait_for("the slow job to start", Duration::from_secs(10), |m| {
            m.jobs_running() == 1
        })
        .await;
    let (status, json) = post(&server, "/v1/summarize", small_request()).await;
    assert_eq!((status, error_code(&json)), (503, "overloaded"));
    let (status, _) = slow.await.expect("joined");
    assert_eq!(status, 200);
    let (status, _) = post(&server, "/v1/summarize", small_request()).await;
    assert_eq!(status, 200, "room again once the slow job is done");
}

async fn post_owned(url: String, body: String) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("sent");
    let status = r.status().as_u16();
    (status, r.json().await.expect("json"))
}

#[tokio::test]
async fn slow_request_times_out_with_504_and_its_work_ends() {
    let limits = Limits {
        request_timeout: Duration::from_millis(150),
        max_concurrent_jobs: 1,
        ..Limits::default()
    };
    let server = TestServer::start(limits).await;
    // 50,000 sentences: preparing them alone takes longer than the limit,
    // even in a release build.
    let (status, json) = post(&server, "/v1/summarize", big_request(100, 500)).await;
    assert_eq!((status, error_code(&json)), (504, "timeout"), "{json}");
    // The abandoned job keeps its worker until it ends, then lets go.
    server
        .wait_for("the abandoned job to end", Duration::from_secs(30), |m| {
            m.jobs_running() == 0
        })
        .await;
    assert_eq!(server.state.metrics().in_flight(), 0);
    let (status, _) = post(&server, "/v1/summarize", small_request()).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn disconnecting_clients_leak_nothing() {
    let server = TestServer::start(Limits::default()).await;
    // 1. A client that promises a body and leaves half way.
    let mut stream = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    stream
        .write_all(b"POST /v1/summarize HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{\"documents\": [\"abc")
        .await
        .expect("write");
    server
        .wait_for("the request to arrive", Duration::from_secs(5), |m| {
            m.in_flight() == 1
        })
        .await;
    drop(stream);
    server
        .wait_for("in-flight to return to 0", Duration::from_secs(5), |m| {
            m.in_flight() == 0
        })
        .await;

    // 2. A client that leaves while its summary is being computed.
    let body = big_request(40, 50);
    let mut stream = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    let head = format!(
        "POST /v1/summarize HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("write head");
    stream.write_all(body.as_bytes()).await.expect("write body");
    server
        .wait_for("the job to start", Duration::from_secs(10), |m| {
            m.jobs_running() == 1
        })
        .await;
    drop(stream);
    server
        .wait_for("in-flight to return to 0", Duration::from_secs(5), |m| {
            m.in_flight() == 0
        })
        .await;
    server
        .wait_for("the job to end", Duration::from_secs(30), |m| {
            m.jobs_running() == 0
        })
        .await;

    // 3. Garbage instead of HTTP gets a 400 and a closed connection.
    let mut stream = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    stream
        .write_all(b"\x00\x01 not http at all\r\n\r\n")
        .await
        .expect("write");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("connection is closed, not hung")
        .expect("read");
    assert!(answer.is_empty() || answer.starts_with(b"HTTP/1.1 400"));

    let metrics = server.state.metrics().render();
    assert!(
        metrics.contains("status=\"499\""),
        "abandoned requests are counted: {metrics}"
    );
}

#[tokio::test]
async fn shutdown_finishes_requests_in_flight() {
    let limits = Limits {
        shutdown_grace: Duration::from_secs(13),
        ..Limits::default()
    };
    let mut server = TestServer::start(limits).await;
    let slow = tokio::spawn(post_owned(server.url("/v1/summarize"), big_request(40, 50)));
    server
        .wait_for("the slow job to start", Duration::from_secs(10), |m| {
            m.jobs_running() == 1
        })
        .await;
    server.shutdown();
    let (status, json) = slow.await.expect("joined");
    assert_eq!(status, 200, "the request in flight completes: {json}");
    let served = tokio::time::timeout(Duration::from_secs(15), &mut server.handle)
        .await
        .expect("server stops after its last request")
        .expect("joined");
    assert!(served.is_ok());
    assert!(
        reqwest::get(server.url("/healthz")).await.is_err(),
        "no longer listening"
    );
}

#[tokio::test]
async fn score_and_analyze() {
    let server = TestServer::start(Limits::default()).await;
    let body = serde_json::json!({
        "candidate": "Russia vetoed the resolution.\nChina abstained.",
        "references": ["Russia vetoed the resolution.\nChina abstained.", "Something else entirely."],
    });
    let (status, json) = post(&server, "/v1/score", body.to_string()).await;
    assert_eq!(status, 200, "{json}");
    assert_eq!(json["profile"], "rouge-score");
    for metric in ["rouge1", "rouge2", "rougeL", "rougeLsum"] {
        assert_eq!(json["scores"][metric]["fmeasure"], 1.0, "{metric}: {json}");
    }
    let body = serde_json::json!({"candidate": "the cat sat", "reference": "the cat ran", "profile": "rouge155"});
    let (status, json) = post(&server, "/v1/score", body.to_string()).await;
    assert_eq!(status, 200, "{json}");
    assert!(json["scores"]["rougeSU4"]["recall"]
        .as_f64()
        .is_some_and(|r| r > 0.0 && r < 1.0));
    let (status, json) = post(
        &server,
        "/v1/score",
        r#"{"candidate": "a", "profile": "x", "reference": "b"}"#,
    )
    .await;
    assert_eq!((status, error_code(&json)), (422, "unknown_profile"));

    let example = example(&server).await;
    let (status, analysis) = post(&server, "/v1/analyze", example.to_string()).await;
    assert_eq!(status, 200, "{analysis}");
    assert_eq!(analysis["cluster_id"], "tillerson-moscow");
    assert!(analysis["quotes"].as_array().is_some_and(|q| !q.is_empty()));
    assert!(analysis["comparison"]["facts"].is_array());
    let (status, comparison) = post(&server, "/v1/compare", example.to_string()).await;
    assert_eq!(status, 200, "{comparison}");
    assert_eq!(comparison["sources"].as_array().map(Vec::len), Some(5));
    assert!(comparison["shared_by_all"]
        .as_array()
        .is_some_and(|f| !f.is_empty()));
    let lavrov_unlawful = comparison["speakers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["speaker"].as_str().is_some_and(|n| n.ends_with("Lavrov")))
        .flat_map(|s| s["quotes"].as_array().cloned().unwrap_or_default())
        .filter(|q| q["text"] == "unlawful")
        .count();
    assert_eq!(lavrov_unlawful, 2);
    let (status, json) = post(
        &server,
        "/v1/analyze",
        r#"{"documents": ["x"], "words": 5}"#,
    )
    .await;
    assert_eq!((status, error_code(&json)), (422, "unknown_field"));
}

#[tokio::test]
async fn unfinished_headers_are_cut_off() {
    let limits = Limits {
        request_timeout: Duration::from_millis(300),
        ..Limits::default()
    };
    let server = TestServer::start(limits).await;
    let mut stream = tokio::net::TcpStream::connect(server.addr)
        .await
        .expect("connect");
    stream
        .write_all(b"POST /v1/summarize HTTP/1.1\r\nhost: 127.0.0.1\r\n")
        .await
        .expect("write");
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer))
        .await
        .expect("the server closes a connection whose headers never end")
        .expect("read");
    let (status, _) = post(&server, "/v1/summarize", small_request()).await;
    assert_eq!(status, 200, "other clients are served meanwhile");
}
