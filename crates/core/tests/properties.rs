//! Invariants every summarizer keeps, on random clusters, with sentences
//! quoted whole or compressed: the budget is never exceeded, spans point at
//! the quoted text, output is deterministic, and no two selected sentences
//! are duplicates.

use brief_core::model::SummaryItem;
use brief_core::redundancy::RedundancyFilter;
use brief_core::summarize::{Ilp, Summarizer};
use brief_core::text::compress::NewsCompressor;
use brief_core::{build, Algorithm, Budget, Params, Pipeline};
use proptest::prelude::*;

mod common;

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (1usize..200).prop_map(Budget::Words),
        (1usize..8).prop_map(Budget::Sentences),
        (1usize..1500).prop_map(Budget::Bytes),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn summaries_keep_their_invariants(
        cluster in common::cluster(25, true),
        budget in budget(),
        compress in any::<bool>(),
    ) {
        let pipeline = if compress {
            Pipeline::default().with_compressor(NewsCompressor::default())
        } else {
            Pipeline::default()
        };
        let Ok(prepared) = pipeline.prepare(&cluster) else { return Ok(()); };
        let filter = RedundancyFilter::new(&prepared, brief_core::select::SelectionConfig::default().max_overlap);
        for &alg in Algorithm::ALL {
            // The ILP stops at a wall-clock limit, so its answer may depend on
            // machine load; with a limit no random cluster reaches, it must
            // be deterministic like the others (a small program keeps it fast).
            let s: Box<dyn Summarizer> = if alg == Algorithm::Ilp {
                Box::new(Ilp { time_limit: 60.0, max_sentences: 24, ..Ilp::default() })
            } else {
                build(alg, &Params::default()).expect("valid params")
            };
            let summary = s.summarize(&prepared, budget);
            // Budget.
            let used: usize = match budget {
                Budget::Words(_) => summary.word_count(),
                Budget::Sentences(_) => summary.items.len(),
                Budget::Bytes(_) => summary.text().len(),
            };
            prop_assert!(used <= budget.limit(), "{alg}: {used} > {budget}");
            // Provenance.
            for item in &summary.items {
                let doc = &cluster.documents[item.doc];
                // The text is the quoted span with its edits applied; edits
                // are sorted, disjoint and inside the span.
                let mut at = item.span.start;
                for edit in &item.edits {
                    prop_assert!(edit.span.start >= at && edit.span.end <= item.span.end, "{alg}: edit outside span");
                    at = edit.span.end;
                }
                prop_assert_eq!(
                    SummaryItem::edited_text(&doc.text, item.span, &item.edits),
                    item.text.clone()
                );
                if item.edits.is_empty() {
                    prop_assert_eq!(&doc.text[item.span.range()], item.text.as_str());
                }
                // The text is the quoted spans' bytes and the replacements.
                let quoted: usize = item.quoted_spans().iter().map(|s| s.len()).sum();
                let replaced: usize = item.edits.iter().map(|e| e.replacement.len()).sum();
                prop_assert_eq!(quoted + replaced, item.text.len());
                prop_assert_eq!(&doc.id, &item.doc_id);
            }
            // No duplicates among the selected sentences.
            let idx: Vec<usize> = summary.items.iter().map(|it| {
                prepared.sentences.iter().position(|s| s.doc == it.doc && s.span == it.span).expect("selected sentence exists")
            }).collect();
            for (a, &i) in idx.iter().enumerate() {
                prop_assert!(!filter.redundant(i, &idx[..a]), "{alg}: duplicate selected");
            }
            // Determinism.
            let again = s.summarize(&pipeline.prepare(&cluster).expect("prepared"), budget);
            prop_assert_eq!(&summary, &again);
        }
    }
}
