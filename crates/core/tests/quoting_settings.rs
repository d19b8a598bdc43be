//! Settings that change what a summary quotes, through the whole pipeline:
//! sentence compression (the prepared sentences carry their cuts,
//! selection counts what is quoted, and the summary items say what was
//! cut with exact provenance) and the weight of sentences that lean on the
//! one before them.

use brief_core::model::{EditReason, Summary};
use brief_core::registry::Resources;
use brief_core::{Budget, Cluster, Document, SummarizeSettings};

fn cluster() -> Cluster {
    let a = "The regional water plant will close in June after forty years, a company spokesman said. \
             Engineers found cracks in the main dam wall during a routine spring inspection, officials said.";
    let b = "The regional water plant will close in June, the utility confirmed. \
             Residents will get their water from the river station, the mayor said on Tuesday.";
    Cluster::new("plant", vec![Document::new("a", a), Document::new("b", b)])
}

fn summarize(cluster: &Cluster, settings: &SummarizeSettings) -> Summary {
    let ready = settings.validate().expect("valid settings");
    let summarizer = ready.summarizer(&Resources::default()).expect("summarizer");
    let prepared = ready
        .params
        .pipeline(ready.budget)
        .prepare(cluster)
        .expect("prepared");
    ready.run(summarizer.as_ref(), &prepared)
}

fn settings(words: usize, compress: Option<&str>) -> SummarizeSettings {
    SummarizeSettings {
        words: Some(words),
        compress: compress.map(str::to_owned),
        ..SummarizeSettings::default()
    }
}

#[test]
fn compressed_items_quote_their_source_without_the_cuts() {
    let cluster = cluster();
    let summary = summarize(&cluster, &settings(100, Some("tails")));
    assert!(!summary.items.is_empty());
    let mut cut = 0;
    for item in &summary.items {
        let source = &cluster.documents[item.doc].text;
        for edit in &item.edits {
            if edit.reason == EditReason::Attribution {
                cut += 1;
                let dropped = &source[edit.span.range()];
                assert!(
                    dropped.starts_with(", ") && dropped.contains(" said")
                        || dropped.contains("confirmed"),
                    "{dropped:?}"
                );
                assert!(edit.replacement.is_empty());
            }
        }
        // The text is exactly the quoted spans of the source, in order.
        let quoted: String = item
            .quoted_spans()
            .iter()
            .map(|s| &source[s.range()])
            .collect();
        assert_eq!(quoted, item.text);
        assert!(item.text.ends_with('.'), "{}", item.text);
        assert!(!item.text.contains(" said"), "{}", item.text);
    }
    assert_eq!(cut, summary.items.len());
}

#[test]
fn compression_makes_room_within_the_budget() {
    let cluster = cluster();
    // 22 words: no two whole sentences of this cluster fit (11 + 14 is the
    // shortest pair); compressed, two do.
    let whole = summarize(&cluster, &settings(22, Some("none")));
    let compressed = summarize(&cluster, &settings(22, Some("all")));
    assert!(whole.items.iter().all(|i| i.edits.is_empty()));
    assert!(compressed.word_count() <= 22 && whole.word_count() <= 22);
    assert!(
        compressed.items.len() > whole.items.len(),
        "whole: {:?}\ncompressed: {:?}",
        whole.text(),
        compressed.text()
    );
}

#[test]
fn short_budgets_compress_by_default_and_long_ones_quote_whole() {
    let cluster = cluster();
    let short = summarize(&cluster, &settings(100, None));
    assert!(short.items.iter().any(|i| !i.edits.is_empty()));
    let long = summarize(&cluster, &settings(230, None));
    assert!(long.items.iter().all(|i| i.edits.is_empty()));
    assert!(Budget::Words(100).is_short() && !Budget::Words(230).is_short());
}

#[test]
fn an_unknown_rule_names_the_field() {
    let err = settings(100, Some("tails,adverbs"))
        .validate()
        .expect_err("unknown rule");
    let message = err.to_string();
    assert!(
        message.contains("compress") && message.contains("adverbs"),
        "{message}"
    );
}

#[test]
fn follower_weight_zero_takes_no_sentence_that_leans_on_the_one_before() {
    let cluster = Cluster::new(
        "budget",
        vec![
            Document::new(
                "a",
                "The city council approved a new parks budget on Monday after a long debate. \
                 It includes money for three new playgrounds and a public pool in the east district.",
            ),
            Document::new(
                "b",
                "The city council approved the parks budget on Monday. \
                 It includes three new playgrounds and a public pool for the east district.",
            ),
        ],
    );
    let opens_with_it = |s: &Summary| s.items.iter().any(|i| i.text.starts_with("It "));
    let with = |w: f64| {
        summarize(
            &cluster,
            &SummarizeSettings {
                follower_weight: Some(w),
                ..settings(60, Some("none"))
            },
        )
    };
    assert!(opens_with_it(&with(1.0)), "{:?}", with(1.0).text());
    assert!(!opens_with_it(&with(0.0)), "{:?}", with(0.0).text());
}

#[test]
fn a_sentence_its_cuts_leave_too_short_is_not_quoted() {
    use brief_core::select::{eligible, SelectionConfig};
    use brief_core::text::compress::NewsCompressor;
    use brief_core::Pipeline;
    let cluster = Cluster::new(
        "film",
        vec![Document::new(
            "a",
            "The critics gave the new film a warm welcome at the festival on Friday. \
             2 stars ( out of four ) magneto. \
             The studio plans a sequel for next summer after strong ticket sales.",
        )],
    );
    let fragment_eligible = |pipeline: Pipeline| {
        let p = pipeline.prepare(&cluster).expect("prepared");
        eligible(&p, &SelectionConfig::default())
            .into_iter()
            .any(|i| p.text(i).starts_with("2 stars"))
    };
    assert!(fragment_eligible(Pipeline::default()));
    assert!(!fragment_eligible(
        Pipeline::default().with_compressor(NewsCompressor::default())
    ));
}
