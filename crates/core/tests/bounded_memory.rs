//! Memory of one summary is bounded whatever the input (hardening issue,
//! items 1 and 11): before the bound, LexRank's dense matrix of 10,000
//! sentences took 800 MB, and the default summarizer's similarity lists
//! grew with the square of the sentence count.
//!
//! One test in its own binary, so that nothing else runs in the process:
//! it resets the kernel's peak-RSS mark (`/proc/self/clear_refs`) before
//! each case and reads the growth of the peak after it (Linux only).

use brief_core::{build, Algorithm, Budget, Cluster, Document, Params, Pipeline, PreparedCluster};

/// Peak resident memory since the last reset, and resident memory now, in bytes.
fn rss() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))?
            .split_whitespace()
            .nth(1)?
            .parse::<u64>()
            .ok()
            .map(|kb| kb * 1024)
    };
    Some((field("VmHWM:")?, field("VmRSS:")?))
}

fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// `docs` documents of `sentences` sentences of `words` words each, drawn
/// from a small vocabulary so that nearly every pair of sentences shares a
/// term (the worst case of a sparse graph).
fn cluster(docs: usize, sentences: usize, words: usize) -> Cluster {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let documents = (0..docs)
        .map(|d| {
            let text: String = (0..sentences)
                .map(|_| {
                    let ws: Vec<String> =
                        (0..words).map(|_| format!("w{}x", next() % 40)).collect();
                    format!("{}. ", ws.join(" "))
                })
                .collect();
            Document::new(format!("d{d}"), text)
        })
        .collect();
    Cluster::new("worst", documents)
}

/// Peak memory growth while summarizing the prepared `p` with `algorithm`.
fn peak_growth(p: &PreparedCluster<'_>, algorithm: Algorithm, budget: Budget) -> u64 {
    let summarizer = build(algorithm, &Params::default()).expect("summarizer");
    let (_, before) = rss().expect("/proc/self/status");
    assert!(reset_peak(), "cannot reset the peak RSS mark");
    let summary = summarizer.summarize(p, budget);
    assert!(!summary.items.is_empty());
    let (peak, _) = rss().expect("/proc/self/status");
    peak.saturating_sub(before)
}

const MB: u64 = 1 << 20;

#[test]
fn lexrank_memory_is_bounded_on_ten_thousand_sentences() {
    if rss().is_none() || !reset_peak() {
        eprintln!("skipped: needs Linux /proc/self/clear_refs");
        return;
    }
    // Item 1: 10,000 three-word sentences (the dense matrix: 800 MB).
    let tiny = cluster(1, 10_000, 3);
    let p = Pipeline::default().prepare(&tiny).expect("prepared");
    for algorithm in [Algorithm::LexRank, Algorithm::TextRank] {
        let grew = peak_growth(&p, algorithm, Budget::Words(100));
        eprintln!(
            "{algorithm} on 10,000 three-word sentences: peak +{} MB",
            grew / MB
        );
        assert!(
            grew < 120 * MB,
            "{algorithm}: peak grew by {} MB",
            grew / MB
        );
    }
    // Item 11: 5,000 documents (what grew with documents² in the CLI),
    // every algorithm, and a huge budget.
    let many = cluster(5_000, 3, 10);
    let p = Pipeline::default().prepare(&many).expect("prepared");
    for &algorithm in Algorithm::ALL {
        for budget in [Budget::Words(230), Budget::Bytes(usize::MAX)] {
            let grew = peak_growth(&p, algorithm, budget);
            eprintln!(
                "{algorithm} on 5,000 documents, {budget}: peak +{} MB",
                grew / MB
            );
            assert!(
                grew < 200 * MB,
                "{algorithm}: peak grew by {} MB",
                grew / MB
            );
        }
    }
}
