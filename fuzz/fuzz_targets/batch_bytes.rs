//! Arbitrary bytes as a JSONL batch, a Multi-News source (with the same
//! bytes as its targets) and standard input: every line becomes one record,
//! good or an error naming its line, never a panic.
#![no_main]
use brief_io::input::{parse_jsonl_bytes, parse_multinews_bytes};
use brief_io::{read_stdin, Limits};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let limits = Limits {
        max_document_bytes: 4096,
    };
    let path = Path::new("fuzz.jsonl");
    for record in parse_jsonl_bytes(path, bytes, &limits) {
        assert!(record.origin.starts_with("fuzz.jsonl:"));
        if let Ok(cluster) = record.result {
            assert!(!cluster.documents.is_empty());
        }
    }
    let lines = bytes.split(|&b| b == b'\n').count();
    let records = parse_multinews_bytes(
        Path::new("fuzz.src"),
        bytes,
        Some((Path::new("fuzz.tgt"), bytes)),
        &limits,
    );
    assert!(records.len() <= lines);
    let _ = read_stdin(bytes, &limits);
});
