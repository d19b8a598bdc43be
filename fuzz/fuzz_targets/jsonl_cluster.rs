//! One JSONL line of arbitrary content: an error or a cluster with at least
//! one non-empty document, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    if let Ok(cluster) = brief_io::jsonl::parse_cluster_line(line, "fuzz") {
        assert!(!cluster.documents.is_empty());
        assert!(cluster.documents.iter().all(|d| !d.text.trim().is_empty()));
    }
});
