//! `--algorithm semantic` with the `embed` feature and a model writes a
//! summary whose spans quote the articles (without the feature, the
//! registry's error says how to get it: brief-core's registry tests).
#![cfg(feature = "embed")]

use std::process::Command;

fn brief(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env_remove("BRIEF_EMBED_MODEL")
        .output()
        .expect("brief runs")
}

#[test]
fn semantic_summary_quotes_its_sources() {
    let Some(model) = brief_embed::model_dir_for_tests() else {
        return;
    };
    let model = model.to_str().expect("utf-8 model path").to_owned();
    // Two short articles: the model runs unoptimised in debug test builds.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Russia vetoed a U.N. resolution on Syria on Wednesday. \
         The draft condemned the chemical attack in Khan Sheikhoun. \
         Tillerson met Lavrov in Moscow for hours of talks.",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.txt"),
        "Moscow blocked the Security Council draft on the gas attack. \
         Relations are at an all-time low, Trump said. \
         The two ministers disagreed over the future of Assad.",
    )
    .expect("write");
    let root = dir.path().to_str().expect("utf-8 path");
    let out = brief(&[
        "summarize",
        "-a",
        "semantic",
        "--embed-model",
        &model,
        "--words",
        "40",
        "--format",
        "json",
        root,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(summary["algorithm"], "semantic");
    let items = summary["items"].as_array().expect("items");
    assert!(!items.is_empty());
    let mut words = 0;
    for item in items {
        let text = item["text"].as_str().expect("text");
        words += text.split_whitespace().count();
        let doc = item["doc"].as_u64().expect("doc") as usize;
        let mut files: Vec<_> = std::fs::read_dir(root)
            .expect("example folder")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        let source = std::fs::read_to_string(&files[doc]).expect("article");
        let start = item["span"]["start"].as_u64().expect("start") as usize;
        let end = item["span"]["end"].as_u64().expect("end") as usize;
        // The span's bytes with the item's edits applied (a 40-word budget
        // compresses: ", Trump said" may be cut).
        let mut quoted = String::new();
        let mut at = start;
        for edit in item["edits"].as_array().map_or(&[][..], Vec::as_slice) {
            let from = edit["span"]["start"].as_u64().expect("edit start") as usize;
            let to = edit["span"]["end"].as_u64().expect("edit end") as usize;
            quoted.push_str(&source[at..from]);
            quoted.push_str(edit["replacement"].as_str().expect("replacement"));
            at = to;
        }
        quoted.push_str(&source[at..end]);
        assert_eq!(quoted, text);
    }
    assert!(words <= 40);
}
