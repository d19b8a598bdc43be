//! Arbitrary UTF-8 split into documents, segmented and summarized by every
//! algorithm under every budget unit: budgets hold and every item quotes
//! its source exactly (with the edits it reports).
#![no_main]
use brief_core::{summarize_cluster, Algorithm, Budget, Cluster, Document, Params, SummaryItem};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let documents: Vec<Document> = input
        .split('\u{1e}')
        .take(6)
        .enumerate()
        .map(|(i, t)| Document::new(format!("d{i}"), t))
        .collect();
    let cluster = Cluster::new("fuzz", documents);
    let limit = 1 + input.len() % 40;
    for budget in [
        Budget::Words(limit),
        Budget::Sentences(1 + limit % 4),
        Budget::Bytes(limit * 6),
    ] {
        for &algorithm in Algorithm::ALL {
            let Ok(summary) = summarize_cluster(&cluster, algorithm, &Params::default(), budget)
            else {
                continue;
            };
            let used: usize = match budget {
                Budget::Words(_) => summary.word_count(),
                Budget::Sentences(_) => summary.items.len(),
                Budget::Bytes(_) => summary.text().len(),
            };
            assert!(used <= budget.limit(), "{algorithm} over {budget}: {used}");
            for item in &summary.items {
                // The item quotes its span, with its edits (sorted,
                // disjoint, inside the span) applied.
                let doc = &cluster.documents[item.doc];
                assert!(doc.text.get(item.span.range()).is_some());
                let mut at = item.span.start;
                for e in &item.edits {
                    assert!(e.span.start >= at && e.span.end <= item.span.end);
                    assert!(doc.text.get(e.span.range()).is_some());
                    at = e.span.end;
                }
                let quoted = SummaryItem::edited_text(&doc.text, item.span, &item.edits);
                assert_eq!(quoted, item.text);
            }
        }
    }
});
