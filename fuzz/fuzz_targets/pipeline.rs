//! Arbitrary UTF-8 split into documents, segmented and summarized by every
//! algorithm under every budget unit: budgets hold and every item quotes
//! its source exactly.
#![no_main]
use brief_core::{summarize_cluster, Algorithm, Budget, Cluster, Document, Params};
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
                let doc = &cluster.documents[item.doc];
                assert_eq!(doc.text.get(item.span.range()), Some(item.text.as_str()));
            }
        }
    }
});
