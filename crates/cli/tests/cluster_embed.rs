//! `brief cluster --embed-model`: headlines of one story that share no
//! content word join one story by meaning, and unrelated ones stay apart;
//! without the `embed` feature the flag is refused with how to get it.

use std::process::Command;

fn brief(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("brief runs");
    // A run refused before it reads its input (a missing model folder)
    // may exit first: the pipe is then closed, which is no failure here.
    match child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
        _ => {}
    }
    child.wait_with_output().expect("brief ends")
}

/// Headlines: 1 and 2 tell one story in different words (a wildfire), 3
/// and 4 another (a central bank), 5 is unrelated to both.
const HEADLINES: &str = r#"{"id":"1","text":"Wildfire forces thousands to flee homes in California"}
{"id":"2","text":"Blaze spreads near Los Angeles, residents evacuated"}
{"id":"3","text":"Fed signals it will keep interest rates unchanged"}
{"id":"4","text":"Central bank holds borrowing costs steady as inflation cools"}
{"id":"5","text":"Striker scores twice as United beat Chelsea"}
"#;

#[cfg(feature = "embed")]
fn stories(stdout: &[u8]) -> std::collections::BTreeMap<String, u64> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            (
                v["id"].as_str().expect("id").to_owned(),
                v["story"].as_u64().expect("story"),
            )
        })
        .collect()
}

#[cfg(feature = "embed")]
#[test]
fn headlines_alike_in_meaning_share_a_story() {
    let Some(model) = brief_embed::model_dir_for_tests() else {
        return;
    };
    let model = model.to_str().expect("utf-8 model path");
    let by_words = brief(&["cluster", "--headlines", "--in", "-"], HEADLINES);
    assert!(
        by_words.status.success(),
        "{}",
        String::from_utf8_lossy(&by_words.stderr)
    );
    let by_words = stories(&by_words.stdout);
    // Words alone: no two headlines share a content word.
    assert_eq!(
        by_words
            .values()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        5,
        "{by_words:?}"
    );
    let out = brief(
        &[
            "cluster",
            "--headlines",
            "--embed-model",
            model,
            "--in",
            "-",
        ],
        HEADLINES,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = stories(&out.stdout);
    assert_eq!(s.len(), 5, "{s:?}");
    assert_eq!(s["1"], s["2"], "{s:?}");
    assert_eq!(s["3"], s["4"], "{s:?}");
    assert_ne!(s["1"], s["3"], "{s:?}");
    assert_ne!(s["5"], s["1"], "{s:?}");
    assert_ne!(s["5"], s["3"], "{s:?}");
}

#[cfg(feature = "embed")]
#[test]
fn a_missing_model_folder_is_named() {
    let out = brief(
        &[
            "cluster",
            "--embed-model",
            "/nonexistent/minilm",
            "--in",
            "-",
        ],
        HEADLINES,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/minilm"), "{err}");
}

#[cfg(not(feature = "embed"))]
#[test]
fn without_the_feature_the_flag_says_how_to_get_it() {
    let out = brief(
        &["cluster", "--embed-model", "/some/dir", "--in", "-"],
        HEADLINES,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--features embed"), "{err}");
}
