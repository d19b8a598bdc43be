//! Regression tests of the hardening issue through the `brief` binary.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn brief() -> Command {
    Command::new(env!("CARGO_BIN_EXE_brief"))
}

fn run(args: &[&str]) -> Output {
    brief().args(args).output().expect("brief runs")
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = brief()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief starts");
    // A run that refuses its arguments may exit before it reads its
    // input: the closed pipe is then no failure of the test.
    match child.stdin.take().expect("stdin").write_all(input) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
        _ => {}
    }
    child.wait_with_output().expect("brief ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    path.display().to_string()
}

const SENTENCES: &str = "Russia vetoed a United Nations resolution on Syria on Wednesday. \
    The vote in the Security Council was ten to two with three abstentions. \
    Diplomats said the talks on a ceasefire in Aleppo would go on next week.";

#[test]
fn one_invalid_utf8_line_fails_only_that_cluster() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = format!("{{\"documents\": [\"{SENTENCES}\"]}}\n");
    let mut batch = good.clone().into_bytes();
    batch.extend_from_slice(b"{\"documents\": [\"Bad \xff byte here.\"]}\n");
    batch.extend_from_slice(good.as_bytes());
    let path = write(dir.path(), "batch.jsonl", &batch);
    let o = run(&["summarize", "--format", "json", &path]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout).lines().count(), 2, "{}", text(&o.stdout));
    let err = text(&o.stderr);
    assert!(err.contains("batch.jsonl:2: not valid UTF-8"), "{err}");
    assert!(
        err.contains("1 of 3 inputs failed; the others were summarized"),
        "{err}"
    );
}

/// Item 8: a line past the 8 MiB document limit (here 9 MB) in a
/// `summarize` batch is named by its line; the other lines are summarized.
#[test]
fn an_oversized_batch_line_is_reported_with_its_line_number() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = format!("{{\"documents\": [\"{SENTENCES}\"]}}\n");
    let huge = format!("{{\"documents\": [\"{}\"]}}\n", "word ".repeat(1_800_000));
    let batch = format!("{good}{huge}{good}");
    let path = write(dir.path(), "batch.jsonl", batch.as_bytes());
    let o = run(&["summarize", "--format", "json", &path]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout).lines().count(), 2, "{}", text(&o.stdout));
    let err = text(&o.stderr);
    assert!(err.contains("batch.jsonl:2: "), "{err}");
    assert!(err.contains("over the limit"), "{err}");
    assert!(err.lines().all(|l| l.len() < 400), "{err}");
}

#[test]
fn bytes_budget_of_usize_max_is_not_empty() {
    let o = run_with_stdin(
        &[
            "summarize",
            "--format",
            "json",
            "--bytes",
            "18446744073709551615",
        ],
        SENTENCES.as_bytes(),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(summary["items"].as_array().map(Vec::len), Some(3));
    let o = run_with_stdin(
        &[
            "summarize",
            "--format",
            "json",
            "--cut",
            "--words",
            "18446744073709551615",
        ],
        SENTENCES.as_bytes(),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
}

#[test]
fn markdown_escapes_document_html() {
    let article = "<b>Headline</b>\n\n<script>alert(1)</script> Russia vetoed the <i>resolution</i> on Syria at the United Nations today. \
        The vote was ten to two & three countries abstained in the council.";
    let o = run_with_stdin(&["summarize", "--format", "markdown"], article.as_bytes());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        !out.contains("<script>") && !out.contains("<i>") && !out.contains("<b>"),
        "{out}"
    );
    assert!(
        out.contains("&lt;script&gt;") && out.contains("&amp;"),
        "{out}"
    );
    // The markers brief writes itself stay markup.
    assert!(out.contains("<sup>["), "{out}");
    let o = run_with_stdin(&["analyze", "--format", "markdown"], article.as_bytes());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(!out.contains("<script>") && !out.contains("<i>"), "{out}");
}

#[test]
fn empty_stdin_says_nothing_was_summarized() {
    let o = run_with_stdin(&["summarize"], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("standard input is empty"), "{err}");
    assert!(!err.contains("the others"), "{err}");
    assert!(err.contains("nothing was summarized"), "{err}");
}

#[test]
fn stories_help_lists_every_algorithm() {
    let o = run(&["stories", "--help"]);
    let out = text(&o.stdout);
    for name in ["lead", "lexrank", "textrank", "mmr", "submodular", "ilp"] {
        assert!(out.contains(name), "{name} missing: {out}");
    }
}

#[test]
fn a_bad_article_is_named_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stream = write(
        dir.path(),
        "s.jsonl",
        format!(
            "{{\"id\": \"x5\", \"text\": \"{SENTENCES}\", \"published\": \"{}\"}}\n",
            "9".repeat(500)
        )
        .as_bytes(),
    );
    let o = run(&["cluster", "--in", &stream]);
    let err = text(&o.stderr);
    assert_eq!(err.matches("article \"x5\"").count(), 1, "{err}");
    assert!(err.lines().all(|l| l.chars().count() < 300), "{err}");
}

/// A cluster whose summary takes seconds in a debug build: 70,000
/// overlapping sentences (7 MB), most of the time preparing them.
fn heavy_body(algorithm: &str) -> String {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let documents: Vec<String> = (0..100)
        .map(|_| {
            (0..700)
                .map(|_| {
                    let words: Vec<String> =
                        (0..12).map(|_| format!("w{}x", next() % 400)).collect();
                    format!("The {} said.", words.join(" "))
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    serde_json::json!({"documents": documents, "algorithm": algorithm}).to_string()
}

/// Whether the server at `addr` reports a summarization job computing.
fn job_running(addr: &str) -> bool {
    let Ok(mut stream) = std::net::TcpStream::connect(addr) else {
        return false;
    };
    let request = format!("GET /metrics HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.lines().any(|l| l.trim() == "brief_jobs_running 1")
}

#[test]
fn sigterm_ends_the_process_while_a_job_runs() {
    let mut server = brief()
        .args([
            "serve",
            "--port",
            "0",
            "--request-timeout-ms",
            "120000",
            "--shutdown-grace-ms",
            "100",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief serve starts");
    let mut stderr = server.stderr.take().expect("stderr");
    let mut seen = Vec::new();
    let addr = loop {
        let mut byte = [0u8; 1];
        if stderr.read(&mut byte).expect("reads stderr") == 0 {
            panic!("server ended: {}", text(&seen));
        }
        seen.push(byte[0]);
        let so_far = text(&seen);
        if let Some(line) = so_far.lines().find(|l| l.contains("listening on http://")) {
            if so_far.ends_with('\n') {
                break line
                    .rsplit("http://")
                    .next()
                    .expect("address")
                    .trim()
                    .to_owned();
            }
        }
    };
    let body = heavy_body("submodular");
    let mut stream = std::net::TcpStream::connect(&addr).expect("connects");
    write!(
        stream,
        "POST /v1/summarize HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .expect("head");
    stream.write_all(body.as_bytes()).expect("body");
    // Once the job runs (it takes about a second in a release build, more
    // in a debug one), ask the server to stop.
    let started = Instant::now();
    while !job_running(&addr) {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the job never started"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let signalled = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = loop {
        if let Some(status) = server.try_wait().expect("waits") {
            break status;
        }
        assert!(
            signalled.elapsed() < Duration::from_secs(15),
            "still running 15 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = signalled.elapsed();
    assert!(status.success(), "{status:?}");
    // Grace 0.1 s, then the job is cancelled and the process exits.
    assert!(
        took < Duration::from_secs(2),
        "exited {took:?} after SIGTERM"
    );
    let mut answer = String::new();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout set");
    let _ = stream.read_to_string(&mut answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 503"),
        "{answer}"
    );
}

#[test]
fn analyze_of_many_documents_reports_a_bounded_overlap() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 300 documents, each sharing one copied sentence with the next.
    let documents: Vec<String> = (0..300)
        .map(|i| {
            format!(
                "Story {i} begins with its own words here today. Officials in town {} said the bridge number {} would reopen soon.",
                i / 2,
                i / 2
            )
        })
        .collect();
    let line = serde_json::json!({"id": "many", "documents": documents}).to_string();
    let path = write(dir.path(), "many.jsonl", format!("{line}\n").as_bytes());
    let o = run(&["analyze", "--format", "json", &path]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let analysis: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        analysis["copies"]["overlap"].as_array().map(Vec::len),
        Some(0)
    );
    let top = analysis["copies"]["overlap_top"]
        .as_array()
        .expect("overlap_top");
    assert!(!top.is_empty() && top.len() <= 300 * 10, "{}", top.len());
    assert!(top.iter().all(|o| o["other"] != o["doc"]));
    // Under the cap the matrix is there as before.
    let few: Vec<String> = documents[..4].to_vec();
    let line = serde_json::json!({"id": "few", "documents": few}).to_string();
    let path = write(dir.path(), "few.jsonl", format!("{line}\n").as_bytes());
    let o = run(&["analyze", "--format", "json", &path]);
    let analysis: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        analysis["copies"]["overlap"].as_array().map(Vec::len),
        Some(4)
    );
    assert!(analysis["copies"].get("overlap_top").is_none());
}
