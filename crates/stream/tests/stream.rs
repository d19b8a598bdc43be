//! The clusterer on a small hand-written labelled stream
//! (`tests/fixtures/stream.jsonl`: three stories, a reprint, missing titles and dates).

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

use brief_stream::{score, Article, ClusterConfig, StoryClusterer};

fn fixture() -> Vec<(Article, String)> {
    include_str!("fixtures/stream.jsonl")
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let gold = v["story"].as_str().unwrap().to_owned();
            (serde_json::from_value(v).unwrap(), gold)
        })
        .collect()
}

fn run(config: ClusterConfig) -> (Vec<u64>, Vec<Option<String>>) {
    let mut clusterer = StoryClusterer::try_new(config).unwrap();
    fixture()
        .iter()
        .map(|(a, _)| {
            let got = clusterer.push(a).unwrap();
            (got.story, got.duplicate_of)
        })
        .unzip()
}

#[test]
fn recovers_the_gold_stories_with_defaults() {
    let gold: Vec<String> = fixture().into_iter().map(|(_, g)| g).collect();
    let (stories, copies) = run(ClusterConfig::default());
    let s = score(&gold, &stories).unwrap();
    assert_eq!(s.bcubed_f1, 1.0, "{s:?} {stories:?}");
    let copy_of: Vec<_> = copies.iter().flatten().collect();
    assert_eq!(copy_of, ["b2"]);
}

#[test]
fn same_stream_same_stories() {
    assert_eq!(run(ClusterConfig::default()), run(ClusterConfig::default()));
}

#[test]
fn a_high_threshold_splits_stories() {
    let gold: Vec<String> = fixture().into_iter().map(|(_, g)| g).collect();
    let config = ClusterConfig {
        threshold: 0.99,
        clear_threshold: 0.99,
        dedup: None,
        ..ClusterConfig::default()
    };
    let (stories, _) = run(config);
    let s = score(&gold, &stories).unwrap();
    // Only the verbatim reprint still joins its original.
    assert_eq!(s.predicted_clusters, gold.len() - 1);
    assert_eq!(s.bcubed_precision, 1.0);
    assert!(s.bcubed_recall < 0.6);
}
