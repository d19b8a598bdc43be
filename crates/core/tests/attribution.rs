//! Attribution on the bundled seed cluster: summary items that quote
//! someone carry the speaker, with a span into the source text.

use brief_core::{summarize_cluster, Algorithm, Budget, Params};
mod common;

use common::seed_cluster;

#[test]
fn quoted_summary_sentences_carry_their_speaker() {
    let cluster = seed_cluster();
    // A budget large enough to take every sentence: each one is checked.
    let summary = summarize_cluster(
        &cluster,
        Algorithm::LexRank,
        &Params::default(),
        Budget::Sentences(500),
    )
    .expect("summary");
    let mut with_speaker = 0;
    for item in &summary.items {
        let text = &cluster.documents[item.doc].text;
        let sentence = &text[item.span.range()];
        if let Some(s) = &item.speaker {
            with_speaker += 1;
            assert!(
                sentence.contains(['"', '\u{201c}', '\u{201d}', '\'']),
                "a speaker for a sentence without quotation marks: {sentence:?}"
            );
            assert!(!text[s.span.range()].trim().is_empty());
        }
        if sentence.contains("\"unlawful\"") {
            let name = item.speaker.as_ref().map(|s| s.name.as_str());
            assert!(
                name.is_some_and(|n| n.ends_with("Lavrov")),
                "{name:?}: {sentence:?}"
            );
        }
    }
    assert!(with_speaker >= 20, "{with_speaker} items with a speaker");
    let json = serde_json::to_string(&summary).expect("json");
    assert!(json.contains("\"speaker\":{\"name\":"));
}
