//! Scores brief's attribution against labelled quotations.
//!
//! `cargo run --release -p brief-io --example attribution_eval -- DUC_DIR LABELS [--show [--context N]]`
//!
//! DUC_DIR is DUC 2003 in its original layout; LABELS is
//! `crates/core/tests/data/attribution/duc2003.tsv` (file, byte span,
//! speaker). Prints precision, recall and the cut-name rate; `--show`
//! prints every label that is not named right.
use brief_core::attribution::attribute_document;
use brief_core::attribution::score::{
    parse_labels, score_document, AttributionCounts, Label, Outcome,
};
use brief_core::Pipeline;
use brief_io::{read_path, Limits};
use std::collections::{BTreeMap, BTreeSet};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(labels_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: attribution_eval DUC_DIR LABELS [--show]");
        std::process::exit(2);
    };
    let show = args.iter().any(|a| a == "--show");
    // `--context N`: with --show, also print N bytes either side of each miss.
    let context: usize = args
        .iter()
        .position(|a| a == "--context")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let labels = parse_labels(&std::fs::read_to_string(labels_path)?)?;
    let mut by_file: BTreeMap<&str, Vec<&Label>> = BTreeMap::new();
    for l in &labels {
        by_file.entry(l.file.as_str()).or_default().push(l);
    }
    let mut total = AttributionCounts::default();
    let mut clusters = BTreeSet::new();
    let mut seen = 0;
    for record in read_path(std::path::Path::new(dir), &Limits::default()) {
        let cluster = record.result?;
        let prepared = Pipeline::default().prepare(&cluster)?;
        for (d, doc) in cluster.documents.iter().enumerate() {
            let file = format!("{}t/{}", cluster.id, doc.id);
            let Some(doc_labels) = by_file.get(file.as_str()) else {
                continue;
            };
            seen += doc_labels.len();
            clusters.insert(cluster.id.clone());
            let sentences: Vec<_> = prepared.sentences[prepared.doc_sentences[d].clone()]
                .iter()
                .map(|s| s.span)
                .collect();
            let found = attribute_document(&doc.text, &sentences);
            let (outcomes, counts) = score_document(doc_labels, &found);
            total.add(&counts);
            if show {
                for (l, o) in doc_labels.iter().zip(outcomes) {
                    if o != Outcome::Correct {
                        let quote = doc.text.get(l.span.range()).unwrap_or("?");
                        let quote: String = quote.chars().take(60).collect();
                        println!(
                            "{file} {}..{} want {:?} got {o:?}: {quote}",
                            l.span.start, l.span.end, l.speaker
                        );
                        if context > 0 {
                            let text = &doc.text;
                            let mut a = l.span.start.saturating_sub(context);
                            while !text.is_char_boundary(a) {
                                a -= 1;
                            }
                            let mut b = (l.span.end + context).min(text.len());
                            while !text.is_char_boundary(b) {
                                b += 1;
                            }
                            println!("    | {}", text[a..b].replace('\n', " "));
                        }
                    }
                }
            }
        }
    }
    println!(
        "{} labelled quotations ({} matched to documents) in {} clusters; {} with a speaker; found {}, named {}",
        labels.len(),
        seen,
        clusters.len(),
        total.with_speaker,
        total.found,
        total.named
    );
    println!(
        "precision {:.3}  recall {:.3}  cut names {:.3} ({} of {})",
        total.precision(),
        total.recall(),
        total.cut_rate(),
        total.cut,
        total.named
    );
    Ok(())
}
