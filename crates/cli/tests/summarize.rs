//! End-to-end tests of `brief summarize` on the bundled example cluster and on
//! bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn brief() -> Command {
    Command::new(env!("CARGO_BIN_EXE_brief"))
}

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/tillerson-moscow")
}

fn run(args: &[&str]) -> Output {
    brief().args(args).output().expect("brief runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

#[test]
fn readme_command_summarizes_the_example_within_100_words() {
    let ex = example();
    // On a terminal the default format is text; captured, it must be asked for.
    let o = run(&["summarize", "--format", "text", ex.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // Each sentence is a "[doc:sentence] text" line, followed by the
    // lines of its edits, if any.
    let sentences: Vec<&str> = out
        .lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split_once("] ").expect("[doc:sent] marker").1)
        .collect();
    assert!(!sentences.is_empty());
    let words: usize = sentences.iter().map(|s| s.split_whitespace().count()).sum();
    assert!(words <= 100, "{words} words");
    let mut unique = sentences.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), sentences.len(), "a sentence twice: {out}");
    assert!(
        !out.contains("Leroy Wright") && !out.contains("Carolyn Briggs"),
        "{out}"
    );
    // The story: who met whom, the strike and the attack behind it, and
    // how both sides see relations.
    let said = |words: &[&str]| {
        sentences
            .iter()
            .any(|s| words.iter().all(|w| s.contains(w)))
    };
    assert!(said(&["Tillerson", "Lavrov", "Putin", " met "]), "{out}");
    assert!(said(&["missile strike"]) && said(&["chemical"]), "{out}");
    assert!(said(&["relations", "Putin"]), "Russia's side: {out}");
    assert!(said(&["relations", "low", "Trump"]), "the US side: {out}");
}

#[test]
fn json_spans_cut_from_the_files_with_their_edits_equal_the_printed_sentences() {
    let ex = example();
    for alg in ["lead", "centroid", "lexrank", "textrank", "mmr"] {
        let o = run(&[
            "summarize",
            "-a",
            alg,
            "--format",
            "json",
            ex.to_str().expect("path"),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let summary: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        let items = summary["items"].as_array().expect("items");
        assert!(!items.is_empty());
        for item in items {
            let file = ex.join(format!("{}.txt", item["doc_id"].as_str().expect("doc_id")));
            let original = std::fs::read(&file).expect("source file");
            let start = item["span"]["start"].as_u64().expect("start") as usize;
            let end = item["span"]["end"].as_u64().expect("end") as usize;
            // The quoted bytes with the item's edits (a name completed, a
            // connective dropped) put in, in order.
            let mut quoted = String::new();
            let mut at = start;
            for edit in item["edits"].as_array().into_iter().flatten() {
                let from = edit["span"]["start"].as_u64().expect("edit start") as usize;
                let to = edit["span"]["end"].as_u64().expect("edit end") as usize;
                assert!(start <= from && from >= at && to <= end, "{alg}: {edit}");
                quoted.push_str(std::str::from_utf8(&original[at..from]).expect("utf-8 span"));
                quoted.push_str(edit["replacement"].as_str().expect("replacement"));
                at = to;
            }
            quoted.push_str(std::str::from_utf8(&original[at..end]).expect("utf-8 span"));
            assert_eq!(quoted, item["text"].as_str().expect("text"), "{alg}");
        }
    }
}

#[test]
fn budgets_and_formats() {
    let ex = example();
    let ex = ex.to_str().expect("path");
    let o = run(&["summarize", "--format", "text", "--sentences", "2", ex]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().take_while(|l| !l.is_empty()).count(), 2);
    assert!(
        stdout(&o).contains("words, budget 2 sentences; sources:"),
        "{}",
        stdout(&o)
    );

    // Written to a pipe, the default is one JSON summary per line.
    let o = run(&["summarize", "--sentences", "2", ex]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1);
    let s: serde_json::Value = serde_json::from_str(lines[0]).expect("one JSON line");
    assert_eq!(s["items"].as_array().expect("items").len(), 2);

    // A cut sentence is marked in text output.
    let o = run(&[
        "summarize",
        "--format",
        "text",
        "--words",
        "25",
        "--cut",
        ex,
    ]);
    let out = stdout(&o);
    assert!(out.lines().any(|l| l.ends_with(" [cut]")), "{out}");

    let o = run(&["summarize", "--bytes", "300", "--format", "json", ex]);
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let joined: Vec<&str> = s["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["text"].as_str().expect("text"))
        .collect();
    assert!(joined.join(" ").len() <= 300);

    let o = run(&["summarize", "--format", "markdown", ex]);
    assert!(stdout(&o).starts_with("## Summary of tillerson-moscow"));

    let o = run(&["summarize", "--words", "0", ex]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("budget must be positive"));

    let o = run(&["summarize", "--algorithm", "nonsense", ex]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown algorithm 'nonsense'"),
        "{}",
        stderr(&o)
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

#[test]
fn bad_files_are_named_in_clear_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = write(dir.path(), "latin1.txt", b"Caf\xe9 au lait.\n");
    let o = run(&["summarize", bad.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("latin1.txt") && err.contains("not valid UTF-8"),
        "{err}"
    );

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    let o = run(&["summarize", empty.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("empty cluster: no .txt files"),
        "{}",
        stderr(&o)
    );

    let missing = dir.path().join("missing.txt");
    let o = run(&["summarize", missing.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("missing.txt: cannot read"),
        "{}",
        stderr(&o)
    );

    // A 50 MB document is refused by name, without reading it whole.
    let big = dir.path().join("huge.txt");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(50 << 20).expect("grow");
    let o = run(&["summarize", big.to_str().expect("path")]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("huge.txt") && err.contains("over the limit"),
        "{err}"
    );
}

#[test]
fn a_bad_jsonl_line_is_reported_and_the_rest_are_summarized() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = r#"{"id": "a", "documents": [{"text": "Russia vetoed the UN resolution on Syria on Wednesday. It was the eighth veto by Russia on Syria."}]}"#;
    let content = format!(
        "{good}\n{{\"id\": \"b\", \"documents\": [\n{}\n{{\"id\": \"c\", \"documents\": []}}\n",
        good.replace("\"a\"", "\"d\"")
    );
    let path = write(dir.path(), "batch.jsonl", content.as_bytes());
    let o = run(&[
        "summarize",
        "--format",
        "json",
        path.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let ids: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("jsonl")["cluster_id"]
                .as_str()
                .expect("id")
                .to_owned()
        })
        .collect();
    assert_eq!(ids, ["a", "d"]);
    let err = stderr(&o);
    assert!(err.contains("batch.jsonl:2: malformed record"), "{err}");
    assert!(
        err.contains("batch.jsonl:4") && err.contains("empty cluster"),
        "{err}"
    );
    assert!(err.contains("2 of 4 inputs failed"), "{err}");
}

#[test]
fn stdin_and_multinews_lines() {
    use std::io::Write;
    let mut child = brief()
        .args(["summarize", "--format", "text", "--sentences", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"Russia vetoed the resolution on Syria on Wednesday afternoon. ||||| The UN vote on Syria failed after Russia cast its eighth veto. NEWLINE_CHAR NEWLINE_CHAR China abstained from the vote.")
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert!(o.status.success());
    let out = stdout(&o);
    assert_eq!(
        out.lines().take_while(|l| !l.is_empty()).count(),
        1,
        "{out}"
    );
    assert!(!out.contains("NEWLINE_CHAR"));
}

#[test]
fn compression_cuts_attribution_tails_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "Plant to close\n\nThe regional water plant will close in June after forty years, a company spokesman said. \
                Engineers found cracks in the main dam wall during a routine spring inspection, officials said.\n";
    let file = write(dir.path(), "plant.txt", text.as_bytes());
    let path = file.to_str().expect("path");
    let o = run(&["summarize", "--compress", "tails", "--format", "json", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let items = summary["items"].as_array().expect("items");
    assert!(!items.is_empty());
    for item in items {
        let edit = &item["edits"][0];
        assert_eq!(edit["reason"], "attribution", "{item}");
        let (start, end) = (
            edit["span"]["start"].as_u64().expect("start") as usize,
            edit["span"]["end"].as_u64().expect("end") as usize,
        );
        assert!(text[start..end].ends_with(" said"), "{}", &text[start..end]);
        assert!(!item["text"].as_str().expect("text").contains("said"));
    }
    // Whole sentences when asked.
    let o = run(&["summarize", "--compress", "none", "--format", "json", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("officials said."));
    // An unknown rule is a usage error that names the flag's field.
    let o = run(&["summarize", "--compress", "adverbs", path]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("compress") && err.contains("adverbs"), "{err}");
}
