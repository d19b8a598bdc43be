//! `brief cluster` and `brief stories` end to end on the hand-written labelled stream.

use std::process::{Command, Output};

const STREAM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../stream/tests/fixtures/stream.jsonl"
);

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .output()
        .expect("brief runs")
}

fn json_lines(bytes: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn cluster_prints_one_story_per_article_and_writes_stories() {
    let dir = tempfile::tempdir().unwrap();
    let stories = dir.path().join("stories.jsonl");
    let out = brief(&[
        "cluster",
        "--in",
        STREAM,
        "--out-stories",
        stories.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json_lines(&out.stdout);
    assert_eq!(rows.len(), 8);
    let copy = rows.iter().find(|r| r["id"] == "b2-copy").unwrap();
    assert_eq!(copy["duplicate_of"], "b2");
    let written = json_lines(&std::fs::read(&stories).unwrap());
    assert_eq!(written.len(), 3);
    let members: usize = written
        .iter()
        .map(|s| s["articles"].as_array().unwrap().len())
        .sum();
    assert_eq!(members, 8);
}

#[test]
fn eval_scores_against_the_gold_field() {
    let out = brief(&["cluster", "--in", STREAM, "--eval"]);
    assert!(out.status.success());
    let scores = &json_lines(&out.stdout)[0];
    assert_eq!(scores["bcubed_f1"], 1.0);
    assert_eq!(scores["gold_clusters"], 3);
    // Splitting every article apart must show in recall.
    let out = brief(&[
        "cluster",
        "--in",
        STREAM,
        "--eval",
        "--threshold",
        "1",
        "--clear-threshold",
        "1",
        "--dedup-threshold",
        "0",
    ]);
    let scores = &json_lines(&out.stdout)[0];
    assert!(scores["bcubed_recall"].as_f64().unwrap() < 0.6);
}

#[test]
fn stories_summarize_each_story_from_its_own_articles() {
    let out = brief(&["stories", "--in", STREAM, "--words", "30"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for story in json_lines(&out.stdout) {
        let members: Vec<&str> = story["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        let items = story["summary"]["items"].as_array().unwrap();
        assert!(!items.is_empty());
        for item in items {
            assert!(members.contains(&item["doc_id"].as_str().unwrap()));
        }
    }
}

#[test]
fn bad_lines_are_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    std::fs::write(&path, "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\"}\n").unwrap();
    let out = brief(&["cluster", "--in", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl:2"), "{err}");
}
