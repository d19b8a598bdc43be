//! The DUC budget convention ([`brief_core::summarize::summarize_cut`]): on
//! random clusters, a word-budget summary has exactly `N` words whenever the
//! cluster has `N` words of eligible sentences, never more, and its one
//! truncated sentence comes last with a span that points at the prefix.

use brief_core::model::SummaryItem;
use brief_core::select::{eligible, item, SelectionConfig};
use brief_core::summarize::summarize_cut;
use brief_core::{build, Algorithm, Budget, Cluster, Document, Params, Pipeline};
use proptest::prelude::*;

mod common;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn word_budget_is_filled_exactly(cluster in common::cluster(30, false), n in 1usize..250, compress in any::<bool>()) {
        let Ok(p) = pipeline(compress).prepare(&cluster) else { return Ok(()); };
        let config = SelectionConfig::default();
        // Words as quoted: a repaired sentence loses its dropped connective.
        let eligible_words: usize = eligible(&p, &config)
            .iter()
            .map(|&i| item(&p, i, 0.0).text.split_whitespace().count())
            .sum();
        for &alg in Algorithm::ALL {
            let s = build(alg, &Params::default()).expect("valid params");
            let summary = summarize_cut(s.as_ref(), &p, Budget::Words(n), &config);
            let words = summary.word_count();
            prop_assert!(words <= n, "{alg}: {words} > {n}");
            if eligible_words >= n {
                prop_assert_eq!(words, n, "{} with {} eligible words", alg, eligible_words);
            }
            check_items(&cluster, &summary)?;
        }
    }

    #[test]
    fn byte_budget_is_never_exceeded(cluster in common::cluster(30, false), n in 1usize..1500, compress in any::<bool>()) {
        let Ok(p) = pipeline(compress).prepare(&cluster) else { return Ok(()); };
        let config = SelectionConfig::default();
        let total: usize = (0..p.sentences.len()).map(|i| item(&p, i, 0.0).text.len() + 1).sum();
        for &alg in Algorithm::ALL {
            let s = build(alg, &Params::default()).expect("valid params");
            let summary = summarize_cut(s.as_ref(), &p, Budget::Bytes(n), &config);
            let bytes = summary.text().len();
            prop_assert!(bytes <= n, "{alg}: {bytes} > {n}");
            // Cut at a character, trailing space trimmed: within a word of the limit.
            if total > n + 40 {
                prop_assert!(bytes + 40 >= n, "{alg}: only {bytes} of {n} bytes");
            }
            check_items(&cluster, &summary)?;
        }
    }
}

/// The default pipeline, compressing sentences when asked.
fn pipeline(compress: bool) -> Pipeline {
    if compress {
        Pipeline::default().with_compressor(brief_core::text::compress::NewsCompressor::default())
    } else {
        Pipeline::default()
    }
}

fn check_items(cluster: &Cluster, summary: &brief_core::Summary) -> Result<(), TestCaseError> {
    let truncated: Vec<usize> = (0..summary.items.len())
        .filter(|&i| summary.items[i].truncated)
        .collect();
    prop_assert!(truncated.len() <= 1);
    if let Some(&t) = truncated.first() {
        prop_assert_eq!(t, summary.items.len() - 1, "the cut sentence comes last");
    }
    for item in &summary.items {
        let doc = &cluster.documents[item.doc];
        prop_assert_eq!(
            SummaryItem::edited_text(&doc.text, item.span, &item.edits),
            item.text.clone()
        );
        prop_assert!(!item.text.is_empty());
    }
    Ok(())
}

#[test]
fn a_sentence_budget_is_not_cut() {
    let cluster = Cluster::new(
        "c",
        vec![Document::new(
            "a",
            "One sentence is here today. Another sentence follows it now.",
        )],
    );
    let p = Pipeline::default().prepare(&cluster).expect("prepared");
    let lead = build(Algorithm::Lead, &Params::default()).expect("valid");
    let s = summarize_cut(
        lead.as_ref(),
        &p,
        Budget::Sentences(1),
        &SelectionConfig::default(),
    );
    assert_eq!(s.items.len(), 1);
    assert!(!s.items[0].truncated);
}
