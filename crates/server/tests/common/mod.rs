//! Helpers shared by the HTTP tests: an in-process server on a loopback
//! port and request bodies of known shapes.
#![allow(dead_code)]

use brief_server::{AppState, Limits};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A server running in this process on 127.0.0.1.
pub struct TestServer {
    pub addr: SocketAddr,
    pub base: String,
    pub state: AppState,
    stop: Option<oneshot::Sender<()>>,
    pub handle: JoinHandle<std::io::Result<()>>,
}

impl TestServer {
    pub async fn start(limits: Limits) -> TestServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let state = AppState::new(limits).expect("valid ROUGE configurations");
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(brief_server::serve_state(listener, state.clone(), async {
            let _ = stopped.await;
        }));
        TestServer {
            addr,
            base: format!("http://{addr}"),
            state,
            stop: Some(stop),
            handle,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Asks the server to shut down gracefully.
    pub fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Waits until `check` holds on the metrics, failing after `within`.
    pub async fn wait_for(
        &self,
        what: &str,
        within: Duration,
        check: impl Fn(&brief_server::metrics::Metrics) -> bool,
    ) {
        let start = Instant::now();
        while !check(self.state.metrics()) {
            assert!(start.elapsed() < within, "timed out waiting for {what}");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

/// A small valid summarize request.
pub fn small_request() -> String {
    serde_json::json!({
        "id": "small",
        "documents": [
            {"title": "Veto", "text": "Veto\n\nRussia vetoed a UN resolution on Syria on Wednesday. The vote was 10 to 2 with three abstentions. Diplomats said talks would go on."},
            "China abstained from the vote on the Syria resolution. Russia said the draft was unbalanced. The council will meet again next week.",
        ],
        "algorithm": "lexrank",
        "words": 30,
    })
    .to_string()
}

/// A cluster big enough that LexRank takes a noticeable time in a debug
/// build: `docs` documents of `sentences` sentences drawn deterministically
/// from a 400-word vocabulary (so sentences overlap).
pub fn big_request(docs: usize, sentences: usize) -> String {
    big_request_for("lexrank", docs, sentences)
}

/// [`big_request`] for another algorithm.
pub fn big_request_for(algorithm: &str, docs: usize, sentences: usize) -> String {
    let vocab: Vec<String> = (0..400).map(|i| format!("w{i}x")).collect();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let documents: Vec<String> = (0..docs)
        .map(|_| {
            (0..sentences)
                .map(|_| {
                    let words: Vec<&str> = (0..12)
                        .map(|_| vocab[(next() % 400) as usize].as_str())
                        .collect();
                    format!("The {} said.", words.join(" "))
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    serde_json::json!({"documents": documents, "algorithm": algorithm, "words": 50}).to_string()
}
