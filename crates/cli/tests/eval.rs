//! End-to-end tests of `brief eval`, `brief score` and `brief bench` on a
//! small fixture made from the example cluster, with hand-written references
//! and one malformed line.

use std::path::PathBuf;
use std::process::{Command, Output};

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .output()
        .expect("brief runs")
}

fn fixture() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tillerson-eval.jsonl")
        .to_string_lossy()
        .into_owned()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

#[test]
fn eval_reports_the_malformed_line_completes_and_exits_non_zero() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("results.json");
    let data = fixture();
    let o = brief(&[
        "eval",
        "--data",
        &data,
        "--words",
        "100",
        "--algorithm",
        "lead,lexrank",
        "--out",
        out.to_str().expect("path"),
    ]);
    let (stdout, stderr) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("tillerson-eval.jsonl:2: malformed record"),
        "{stderr}"
    );
    // One table: a header, a rule, one row per algorithm.
    let rows: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("lead") || l.starts_with("lexrank"))
        .collect();
    assert_eq!(rows.len(), 2, "{stdout}");
    assert!(
        stdout.contains("R1 F [95% CI]") && stdout.contains("RLsum F"),
        "{stdout}"
    );
    assert!(stdout.contains("2 clusters"), "{stdout}");

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("results written"))
            .expect("json");
    assert_eq!(json["clusters"], 2);
    assert_eq!(json["problems"].as_array().map(Vec::len), Some(1));
    for system in json["systems"].as_array().expect("systems") {
        assert_eq!(system["clusters"], 2);
        let r1 = &system["metrics"][0]["fmeasure"];
        let (low, mid, high) = (r1["low"].as_f64(), r1["mid"].as_f64(), r1["high"].as_f64());
        assert!(low <= mid && mid <= high && mid > Some(0.1), "{r1}");
        assert!(system["clusters_per_second"].as_f64() > Some(0.0));
    }
}

#[test]
fn duc_profile_cuts_at_the_budget_and_reports_recall() {
    let data = fixture();
    let o = brief(&[
        "eval",
        "--data",
        &data,
        "--profile",
        "rouge155",
        "--words",
        "50",
    ]);
    let stdout = text(&o.stdout);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout.contains("cut exactly"), "{stdout}");
    assert!(
        stdout.contains("R4 R [95% CI]") && stdout.contains("RSU4 R"),
        "{stdout}"
    );
}

#[test]
fn bad_flags_fail_before_any_work() {
    let data = fixture();
    for args in [
        vec!["eval", "--data", data.as_str(), "--algorithm", "nonsense"],
        vec!["eval", "--data", data.as_str(), "--profile", "bleu"],
        vec!["eval", "--data", data.as_str(), "--metrics", "rouge9x"],
        vec!["eval", "--data", data.as_str(), "--sentences", "2", "--cut"],
    ] {
        let o = brief(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stderr));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn score_matches_summaries_by_id_and_scores_a_copy_of_the_reference_perfectly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let refs = dir.path().join("refs.jsonl");
    let cands = dir.path().join("cands.jsonl");
    std::fs::write(
        &refs,
        "{\"id\": \"a\", \"references\": [\"Tillerson met Lavrov in Moscow.\\nThey disagreed on Syria.\"]}\n\
         {\"id\": \"b\", \"references\": [\"Trump said relations were at a low.\"]}\n",
    )
    .expect("write");
    std::fs::write(
        &cands,
        "{\"id\": \"a\", \"sentences\": [\"Tillerson met Lavrov in Moscow.\", \"They disagreed on Syria.\"]}\n",
    )
    .expect("write");
    let o = brief(&[
        "score",
        "--candidates",
        cands.to_str().expect("path"),
        "--references",
        refs.to_str().expect("path"),
    ]);
    let (stdout, stderr) = (text(&o.stdout), text(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "b has no summary: {stderr}");
    assert!(stderr.contains("no summary for b"), "{stderr}");
    let row = stdout
        .lines()
        .find(|l| l.starts_with("cands"))
        .expect("a row");
    assert!(row.contains("100.00 [100.00–100.00]"), "{stdout}");
}

#[test]
fn summaries_from_brief_summarize_can_be_scored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = fixture();
    // The README's batch example: no --format, output to a file → JSON lines.
    let o = brief(&["summarize", "--words", "100", &data]);
    let summaries = dir.path().join("lead.jsonl");
    std::fs::write(&summaries, &o.stdout).expect("write");
    let o = brief(&[
        "score",
        "--candidates",
        summaries.to_str().expect("path"),
        "--references",
        &data,
    ]);
    let stderr = text(&o.stderr);
    assert!(stderr.contains("tillerson-eval.jsonl:2"), "{stderr}");
    assert!(text(&o.stdout).contains("lead"), "{}", text(&o.stdout));
}

#[test]
fn bench_times_each_algorithm() {
    let data = fixture();
    let o = brief(&[
        "bench",
        "--data",
        &data,
        "--algorithm",
        "lead,mmr",
        "--runs",
        "2",
        "--words",
        "80",
    ]);
    let stdout = text(&o.stdout);
    assert!(stdout.contains("median of 2 runs"), "{stdout}");
    assert!(stdout.lines().any(|l| l.starts_with("mmr")), "{stdout}");
}

#[test]
fn a_data_set_with_nothing_to_evaluate_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("bad.jsonl");
    std::fs::write(
        &data,
        "{oops\n{\"documents\": [\"Text only. No references.\"]}\n",
    )
    .expect("write");
    let o = brief(&["eval", "--data", data.to_str().expect("path")]);
    let stderr = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("bad.jsonl:1: malformed record"), "{stderr}");
    assert!(
        stderr.contains("no cluster with reference summaries"),
        "{stderr}"
    );
}

/// A training file of `n` clusters cycled from the fixture's good records
/// (each with its own id), and an evaluation file of those records.
fn curve_files(dir: &std::path::Path, n: usize) -> (String, String) {
    let good: Vec<serde_json::Value> = std::fs::read_to_string(fixture())
        .expect("fixture")
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert_eq!(good.len(), 2);
    let mut train = String::new();
    for k in 0..n {
        let mut c = good[k % good.len()].clone();
        c["id"] = serde_json::Value::from(format!("train-{k}"));
        train.push_str(&c.to_string());
        train.push('\n');
    }
    let eval: String = good.iter().map(|c| format!("{c}\n")).collect();
    let (t, e) = (dir.join("train.jsonl"), dir.join("eval.jsonl"));
    std::fs::write(&t, train).expect("write");
    std::fs::write(&e, eval).expect("write");
    (
        t.to_string_lossy().into_owned(),
        e.to_string_lossy().into_owned(),
    )
}

#[test]
fn the_learning_curve_trains_one_model_per_size_and_scores_each() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (train, eval) = curve_files(dir.path(), 12);
    let o = brief(&[
        "eval",
        "--data",
        &eval,
        "--words",
        "100",
        "--learning-curve",
        &train,
        "--curve-sizes",
        "12,6,40",
    ]);
    let (stdout, stderr) = (text(&o.stdout), text(&o.stderr));
    assert!(o.status.success(), "{stderr}");
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    // Sizes in order; the file ends at 12, so 40 trains on those 12 once
    // more and the curve stops there, saying so.
    let sizes: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    assert_eq!(sizes, ["6", "12", "12"], "{stdout}");
    assert!(stderr.contains("holds 12 usable clusters"), "{stderr}");
    for r in &rows {
        // R1, R2, RLsum F in percent, then training seconds.
        assert_eq!(r.len(), 5, "{stdout}");
        for v in &r[1..4] {
            let v: f64 = v.parse().expect("a score");
            assert!(v > 0.0 && v <= 100.0, "{stdout}");
        }
    }
    let o = brief(&[
        "eval",
        "--data",
        &eval,
        "--learning-curve",
        &train,
        "--algorithm",
        "lead",
    ]);
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("--learning-curve evaluates the default summarizer"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn train_writes_the_page_furniture_list_alone_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (train, _) = curve_files(dir.path(), 8);
    let list = dir.path().join("boilerplate.txt");
    let list_arg = list.to_string_lossy().into_owned();
    let o = brief(&[
        "train",
        "--data",
        &train,
        "--boilerplate",
        &list_arg,
        "--boilerplate-clusters",
        "4",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(!dir.path().join("model.json").exists());
    let written = std::fs::read_to_string(&list).expect("list written");
    let parsed = brief_core::text::boilerplate::Boilerplate::parse(&written).expect("parses");
    // The fixture's two clusters repeat four times each: every sentence of
    // six words or more stands in four clusters.
    assert!(!parsed.is_empty(), "{written}");
    assert!(
        text(&o.stdout).contains("\"clusters\": 8"),
        "{}",
        text(&o.stdout)
    );
    let o = brief(&["train", "--data", &train]);
    assert!(!o.status.success());
    assert!(text(&o.stderr).contains("--out"), "{}", text(&o.stderr));
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_the_command_quietly() {
    use std::process::{Command, Stdio};
    let data = fixture();
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["eval", "--data", &data, "-a", "all", "--resamples", "10"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief starts");
    // Closed before anything is written, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("brief ends");
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
