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
fn bad_lines_are_reported_with_file_and_line_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.jsonl");
    let mut stream = Vec::new();
    stream.extend_from_slice(b"{\"id\":\"a\",\"text\":\"Volcano erupts near the village\"}\n");
    stream.extend_from_slice(b"{\"id\":\"b\"}\n"); // no text
    stream.extend_from_slice(b"{\"id\":\"c\",\"text\":\"caf\xe9\"}\n"); // Latin-1, not UTF-8
    stream.extend_from_slice(b"{\"id\":\"d\",\"text\":\"x\",\"published\":\"last week\"}\n");
    stream.extend_from_slice(b"not json at all\n");
    stream.extend_from_slice(
        b"{\"id\":\"e\",\"text\":\"Lava from the volcano reaches the village\"}\n",
    );
    std::fs::write(&path, &stream).unwrap();
    let path = path.to_str().unwrap();

    let out = brief(&["cluster", "--in", path]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for (line, problem) in [
        (2, "not an article"),
        (3, "UTF-8"),
        (4, "last week"),
        (5, "not an article"),
    ] {
        assert!(
            err.lines()
                .any(|l| l.contains(&format!("bad.jsonl:{line}")) && l.contains(problem)),
            "line {line}: {err}"
        );
    }
    assert!(err.contains("4 of 6 articles skipped"), "{err}");
    let ids: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a", "e"], "the good articles are still clustered");

    let out = brief(&["stories", "--in", path, "--words", "20"]);
    assert_eq!(out.status.code(), Some(1));
    let members: usize = json_lines(&out.stdout)
        .iter()
        .map(|s| s["articles"].as_array().unwrap().len())
        .sum();
    assert_eq!(members, 2);

    let out = brief(&["cluster", "--in", path, "--max-document-bytes", "50"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.jsonl:1") && err.contains("over the limit"),
        "{err}"
    );
}
