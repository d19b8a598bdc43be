//! Attribution against the committed DUC 2003 labels
//! (`crates/core/tests/data/attribution/duc2003.tsv`: file, byte span,
//! speaker). The article text is not in the repository: set
//! `BRIEF_DUC2003` to the DUC 2003 folder to run it; without it the test
//! says so and passes.

use brief_core::attribution::attribute_document;
use brief_core::attribution::score::{parse_labels, score_document, AttributionCounts, Label};
use brief_core::Pipeline;
use brief_io::{read_path, Limits};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[test]
fn attribution_on_labelled_duc2003_quotations() {
    let Some(dir) = std::env::var_os("BRIEF_DUC2003") else {
        eprintln!("BRIEF_DUC2003 is not set: attribution against the DUC 2003 labels not run");
        return;
    };
    let labels_path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/tests/data/attribution/duc2003.tsv");
    let labels =
        parse_labels(&std::fs::read_to_string(labels_path).expect("labels")).expect("labels parse");
    let mut by_file: BTreeMap<&str, Vec<&Label>> = BTreeMap::new();
    for l in &labels {
        by_file.entry(l.file.as_str()).or_default().push(l);
    }
    let mut total = AttributionCounts::default();
    let mut clusters = BTreeSet::new();
    for record in read_path(std::path::Path::new(&dir), &Limits::default()) {
        let cluster = record.result.expect("DUC cluster");
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        for (d, doc) in cluster.documents.iter().enumerate() {
            let Some(doc_labels) = by_file.get(format!("{}t/{}", cluster.id, doc.id).as_str())
            else {
                continue;
            };
            clusters.insert(cluster.id.clone());
            let sentences: Vec<_> = p.sentences[p.doc_sentences[d].clone()]
                .iter()
                .map(|s| s.span)
                .collect();
            let (_, counts) =
                score_document(doc_labels, &attribute_document(&doc.text, &sentences));
            total.add(&counts);
        }
    }
    println!(
        "{} quotations in {} clusters: precision {:.3}, recall {:.3}, cut names {:.3}",
        total.labelled,
        clusters.len(),
        total.precision(),
        total.recall(),
        total.cut_rate()
    );
    assert_eq!(
        total.labelled,
        labels.len(),
        "every label's document was read"
    );
    // Just under what is reached (measured 0.959 / 0.898 / 0.000); the
    // goal is 0.92 / 0.85 / 0.02.
    assert!(
        total.precision() >= 0.95,
        "precision {:.3}",
        total.precision()
    );
    assert!(total.recall() >= 0.89, "recall {:.3}", total.recall());
    assert!(
        total.cut_rate() <= 0.006,
        "cut names {:.3}",
        total.cut_rate()
    );
}
