//! Inputs shared by the integration tests: the bundled seed cluster and
//! random news-like clusters for property tests.
#![allow(dead_code)] // each test file uses its own subset

use brief_core::{Cluster, Document};
use proptest::prelude::*;
use std::path::PathBuf;

/// The seed articles as (file name, text), sorted by name.
pub fn seed_files() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/tillerson-moscow");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seed folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).expect("utf-8 seed"))
        })
        .collect()
}

/// The seed cluster, one document per file (id = file name, no title).
pub fn seed_cluster() -> Cluster {
    let documents = seed_files()
        .into_iter()
        .map(|(name, text)| Document::new(name, text))
        .collect();
    Cluster::new("tillerson-moscow", documents)
}

const WORDS: &[&str] = &[
    "Russia",
    "vetoed",
    "the",
    "resolution",
    "on",
    "Syria",
    "Tillerson",
    "met",
    "Lavrov",
    "in",
    "Moscow",
    "U.S.",
    "missile",
    "strike",
    "chemical",
    "attack",
    "Assad",
    "relations",
    "low",
    "Putin",
    "said",
    "\"No\",",
    "Trump",
    "déjà",
    "vu",
    "—",
    "talks",
    "U.N.",
    "Mr.",
    "59",
];

/// A sentence of 1 to `max_words` news words with a random end mark.
pub fn sentence(max_words: usize) -> impl Strategy<Value = String> {
    (
        // Openers that lean on the sentence before, some repairable, and
        // one a compressor cuts.
        prop::sample::select(
            &[
                "",
                "",
                "",
                "But ",
                "However, ",
                "Still, ",
                "He ",
                "This ",
                "On Tuesday, ",
            ][..],
        ),
        prop::collection::vec(prop::sample::select(WORDS), 1..max_words),
        // Attribution tails and asides a compressor cuts.
        prop::sample::select(
            &[
                "",
                "",
                "",
                ", police said",
                " (R-Ariz.)",
                ", according to Lavrov",
            ][..],
        ),
        prop::sample::select(&[".", "?", "!", "\"."][..]),
    )
        .prop_map(|(opener, words, tail, end)| format!("{opener}{}{tail}{end}", words.join(" ")))
}

/// A cluster of 1–4 documents of 1–11 sentences; with `residue`, some
/// documents get a headline line and a trailing byline.
pub fn cluster(max_words: usize, residue: bool) -> impl Strategy<Value = Cluster> {
    let document = (
        prop::collection::vec(sentence(max_words), 1..12),
        prop::bool::ANY,
    )
        .prop_map(move |(sentences, headline)| {
            let body = sentences.join(" ");
            if residue && headline {
                format!("A headline about Syria\n\n{body}\n\n  • Some Byline")
            } else {
                body
            }
        });
    prop::collection::vec(document, 1..5).prop_map(|docs| {
        Cluster::new(
            "random",
            docs.into_iter()
                .enumerate()
                .map(|(i, t)| Document::new(format!("d{i}"), t))
                .collect(),
        )
    })
}
