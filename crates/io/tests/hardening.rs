//! Regression tests of the hardening issue in the readers: one bad line of a
//! batch is reported as `file:line` and skipped (items 4 and 8), and a
//! byte-order mark or old Mac line ends do not break line 1 (item 9).

use brief_io::{read_path, read_stdin, Limits};
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("written");
    path
}

fn messages(records: &[brief_io::Record]) -> Vec<Result<String, String>> {
    records
        .iter()
        .map(|r| match &r.result {
            Ok(c) => Ok(c.id.clone()),
            Err(e) => Err(e.to_string()),
        })
        .collect()
}

#[test]
fn one_invalid_utf8_byte_fails_only_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut jsonl = Vec::new();
    jsonl.extend_from_slice(b"{\"id\": \"a\", \"documents\": [\"One. Two.\"]}\n");
    jsonl.extend_from_slice(b"{\"id\": \"b\", \"documents\": [\"Bad \xff byte.\"]}\n");
    jsonl.extend_from_slice(b"{\"id\": \"c\", \"documents\": [\"Three. Four.\"]}\n");
    let path = write(dir.path(), "batch.jsonl", &jsonl);
    let got = messages(&read_path(&path, &Limits::default()));
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0], Ok("a".into()));
    assert_eq!(got[2], Ok("c".into()));
    let e = got[1].clone().expect_err("line 2 is bad");
    assert!(e.contains("batch.jsonl:2: not valid UTF-8"), "{e}");

    let src = write(
        dir.path(),
        "test.src",
        b"First doc. ||||| Second doc.\nBad \xfe doc. ||||| Other.\nThird doc.\n",
    );
    write(
        dir.path(),
        "test.tgt",
        b"- Ref one.\n- Ref two.\n- Ref \xff three.\n",
    );
    let records = read_path(&src, &Limits::default());
    let got = messages(&records);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[0].is_ok());
    let e = got[1].clone().expect_err("line 2 is bad");
    assert!(e.contains("test.src:2: not valid UTF-8"), "{e}");
    let e = got[2].clone().expect_err("its reference is bad");
    assert!(e.contains("test.tgt:3: not valid UTF-8"), "{e}");
    assert_eq!(
        records[0]
            .result
            .as_ref()
            .map(|c| c.references.clone())
            .ok(),
        Some(vec!["Ref one.".to_string()])
    );

    // Standard input, JSONL: the same.
    let got = messages(&read_stdin(&jsonl[..], &Limits::default()));
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got[0].is_ok() && got[2].is_ok());
    assert!(got[1]
        .clone()
        .unwrap_err()
        .contains("<stdin>:2: not valid UTF-8"));
}

#[test]
fn an_oversized_batch_line_is_reported_with_its_line_number() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = format!("{{\"documents\": [\"{}\"]}}", "word ".repeat(400));
    let path = write(
        dir.path(),
        "big.jsonl",
        format!("{{\"documents\": [\"Short one.\"]}}\n{big}\n").as_bytes(),
    );
    let limits = Limits {
        max_document_bytes: 1000,
    };
    let got = messages(&read_path(&path, &limits));
    assert!(got[0].is_ok());
    let e = got[1].clone().expect_err("too large");
    assert!(e.contains("big.jsonl:2: "), "{e}");
    assert!(e.contains("over the limit of 1000 bytes"), "{e}");
    let src = write(
        dir.path(),
        "big.src",
        format!("Small.\n{}\n", "w ".repeat(600)).as_bytes(),
    );
    let e = messages(&read_path(&src, &limits))[1]
        .clone()
        .expect_err("too large");
    assert!(e.contains("big.src:2: "), "{e}");
}

#[test]
fn a_byte_order_mark_does_not_reject_line_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "bom.jsonl",
        b"\xef\xbb\xbf{\"id\": \"first\", \"documents\": [\"One. Two.\"]}\n",
    );
    assert_eq!(
        messages(&read_path(&path, &Limits::default())),
        [Ok("first".into())]
    );
    let txt = write(
        dir.path(),
        "bom.txt",
        "\u{feff}Headline here\r\rBody sentence one. Body two.".as_bytes(),
    );
    let records = read_path(&txt, &Limits::default());
    let cluster = records[0].result.as_ref().expect("read");
    assert_eq!(cluster.documents[0].title.as_deref(), Some("Headline here"));
    let got = messages(&read_stdin(
        &b"\xef\xbb\xbf{\"id\": \"s\", \"documents\": [\"One.\"]}"[..],
        &Limits::default(),
    ));
    assert_eq!(got, [Ok("s".into())]);
}
