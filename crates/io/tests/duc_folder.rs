//! A DUC collection folder with broken parts: every problem is reported with
//! the file it came from, and no good cluster is lost.

use brief_io::{read_path, Limits};
use std::fs;
use std::path::Path;

fn write(path: &Path, content: &[u8]) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, content).expect("write");
}

fn story(docno: &str, body: &str) -> String {
    format!("<DOC>\n<DOCNO> {docno} </DOCNO>\n<DATE_TIME> 10/17/1998 05:50:00 </DATE_TIME>\n<TEXT>\n\t   LONDON (AP) _ {body}\n</TEXT>\n</DOC>\n")
}

#[test]
fn broken_files_and_empty_clusters_are_reported_and_the_rest_is_read() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path();
    // Cluster 1: two good documents and one file that is not UTF-8.
    write(
        &dir.join("docs/d001t/APW1"),
        story("APW1", "Police arrested the general on Friday.").as_bytes(),
    );
    write(
        &dir.join("docs/d001t/APW2"),
        story("APW2", "The general is 82 years old.").as_bytes(),
    );
    write(
        &dir.join("docs/d001t/BAD"),
        b"<DOC><TEXT>caf\xe9 latin-1</TEXT></DOC>",
    );
    // Cluster 2: empty folder.
    fs::create_dir_all(dir.join("docs/d002t")).expect("mkdir");
    // Cluster 3: one document without <TEXT> only.
    write(
        &dir.join("docs/d003t/NOTEXT"),
        b"<DOC><DOCNO> N1 </DOCNO></DOC>",
    );
    // Cluster 4: good, with models in both namings.
    write(
        &dir.join("docs/d004t/NYT1"),
        story("NYT1", "Storms hit the coast.").as_bytes(),
    );
    write(
        &dir.join("models/D001.M.100.T.A.html"),
        b"Police arrested Pinochet .\nHe is 82 .\n",
    );
    write(
        &dir.join("models/d001.m.100.t.b"),
        b"The general was held .\n",
    );
    write(&dir.join("models/D004.M.100.T.C.html"), b"Storms .\n");
    write(
        &dir.join("models/D004.P.100.T.C.html"),
        b"single-document summary, not used\n",
    );

    let records = read_path(dir, &Limits::default());
    let ok: Vec<_> = records
        .iter()
        .filter_map(|r| r.result.as_ref().ok())
        .collect();
    let errors: Vec<String> = records
        .iter()
        .filter_map(|r| r.result.as_ref().err().map(|e| e.to_string()))
        .collect();

    let ids: Vec<&str> = ok.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["d001", "d004"]);
    assert_eq!(ok[0].documents.len(), 2);
    assert_eq!(
        ok[0].documents[0].text,
        "Police arrested the general on Friday."
    );
    assert_eq!(
        ok[0].references,
        [
            "Police arrested Pinochet .\nHe is 82 .",
            "The general was held ."
        ]
    );
    assert_eq!(ok[1].references, ["Storms ."]);

    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("BAD") && e.contains("UTF-8")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("d002t") && e.contains("no document files")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("NOTEXT") && e.contains("<TEXT>")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("d003t") && e.contains("could be read")),
        "{errors:#?}"
    );
}

#[test]
fn a_collection_without_clusters_is_a_clear_error() {
    let root = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(root.path().join("docs")).expect("mkdir");
    let records = read_path(root.path(), &Limits::default());
    assert_eq!(records.len(), 1);
    let e = records[0]
        .result
        .as_ref()
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(e.contains("no cluster folders under docs/"), "{e}");
}

#[test]
fn multinews_cleaned_sources_pair_with_their_targets() {
    let root = tempfile::tempdir().expect("tempdir");
    write(
        &root.path().join("test.src.cleaned"),
        "First doc. NEWLINE_CHAR More. ||||| Second doc.\nOnly doc.\n".as_bytes(),
    );
    write(
        &root.path().join("test.tgt"),
        "– Summary one.\n– Summary two.\n".as_bytes(),
    );
    let records = read_path(&root.path().join("test.src.cleaned"), &Limits::default());
    let clusters: Vec<_> = records
        .iter()
        .filter_map(|r| r.result.as_ref().ok())
        .collect();
    assert_eq!(clusters.len(), 2);
    assert_eq!(clusters[0].documents.len(), 2);
    assert_eq!(clusters[1].references, ["Summary two."]);
}

#[test]
fn an_update_collection_is_read_as_one_cluster_per_document_set() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path();
    write(
        &dir.join("topics.sgml"),
        b"<topic>\n<num> D0799Z </num>\n<title> The euro </title>\n<narr> The launch. </narr>\n</topic>\n",
    );
    write(
        &dir.join("docs/D0799Z/D0799Z-A/APW1"),
        story("APW1", "The euro was launched on Friday.").as_bytes(),
    );
    write(
        &dir.join("docs/D0799Z/D0799Z-A/APW2"),
        story("APW2", "Eleven countries adopted the euro.").as_bytes(),
    );
    write(
        &dir.join("docs/D0799Z/D0799Z-B/APW3"),
        story("APW3", "Euro notes went into circulation.").as_bytes(),
    );
    write(
        &dir.join("models/D0799-A.M.100.Z.A"),
        b"The euro was launched.\n",
    );
    let records = read_path(dir, &Limits::default());
    let clusters: Vec<(String, usize, usize)> = records
        .iter()
        .map(|r| {
            let c = r.result.as_ref().expect("every set is read");
            (c.id.clone(), c.documents.len(), c.references.len())
        })
        .collect();
    assert_eq!(
        clusters,
        [("D0799Z-A".to_owned(), 2, 1), ("D0799Z-B".to_owned(), 1, 0)]
    );
}

#[test]
fn one_cluster_folder_of_trec_files_is_that_cluster_and_its_bad_file_a_record_of_its_own() {
    let root = tempfile::tempdir().expect("tempdir");
    let cluster = root.path().join("docs/d001t");
    write(
        &cluster.join("APW1"),
        story("APW1", "Police arrested the general on Friday.").as_bytes(),
    );
    write(
        &cluster.join("BAD"),
        b"<DOC><TEXT>caf\xe9 latin-1</TEXT></DOC>",
    );
    let records = read_path(&cluster, &Limits::default());
    assert_eq!(records.len(), 2, "{records:?}");
    let bad = records[0].result.as_ref().expect_err("not UTF-8");
    assert!(bad.to_string().contains("BAD"), "{bad}");
    let c = records[1].result.as_ref().expect("the good file is read");
    assert_eq!((c.id.as_str(), c.documents.len()), ("d001", 1));
    assert!(c.documents[0].text.contains("Police arrested the general"));
}
