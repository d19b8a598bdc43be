//! Invariants of both profiles on arbitrary word sequences.

use brief_rouge::{Rouge, RougeConfig, RougeType, Score};
use proptest::prelude::*;

fn scorers() -> Vec<Rouge> {
    let mut configs = vec![RougeConfig::rouge_score(), RougeConfig::rouge155()];
    for config in &mut configs {
        config.types.push(RougeType::N(3));
    }
    let mut rouge155_best = RougeConfig::rouge155();
    rouge155_best.multi_ref = brief_rouge::MultiRef::Best;
    configs.push(rouge155_best);
    configs
        .into_iter()
        .map(|c| Rouge::new(c).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// Texts of 1-4 lines over a small vocabulary (so overlaps are common), with punctuation,
/// capitals and hyphens.
fn text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the",
        "cat",
        "Cats",
        "sat",
        "on",
        "mat",
        "running",
        "runs",
        "dog",
        "a",
        "well-known",
        "2017",
        "U.S.",
        "quickly",
        "relational",
        "happy",
        "é",
        "—",
    ]);
    prop::collection::vec(prop::collection::vec(word, 1..12), 1..4).prop_map(|lines| {
        lines
            .iter()
            .map(|words| words.join(" "))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn in_unit(score: &Score) -> bool {
    [score.precision, score.recall, score.fmeasure]
        .iter()
        .all(|v| (0.0..=1.0).contains(v))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn scores_lie_in_unit_interval(candidate in text(), a in text(), b in text()) {
        for rouge in scorers() {
            for (rouge_type, score) in rouge.score(&candidate, &[&a, &b]) {
                prop_assert!(in_unit(&score), "{rouge_type}: {score:?}");
            }
        }
    }

    #[test]
    fn identical_text_scores_one(text in text()) {
        for rouge in scorers() {
            for (rouge_type, score) in rouge.score(&text, &[&text]) {
                // A text too short for the n-gram has nothing to match and scores 0.
                if score.recall == 0.0 {
                    continue;
                }
                prop_assert_eq!(score, Score { precision: 1.0, recall: 1.0, fmeasure: 1.0 },
                    "{} {}", rouge.config().profile, rouge_type);
            }
        }
    }

    #[test]
    fn swapping_candidate_and_reference_swaps_precision_and_recall(x in text(), y in text()) {
        for rouge in scorers() {
            let forward = rouge.score(&x, &[&y]);
            let backward = rouge.score(&y, &[&x]);
            for ((rouge_type, f), (_, b)) in forward.iter().zip(&backward) {
                // Union-LCS walks the reference's sentences and ROUGE-1.5.5's SU skips the
                // last unigram, so only n-grams and rouge-score's whole-text LCS are symmetric.
                let symmetric = matches!(rouge_type, RougeType::N(_))
                    || (*rouge_type == RougeType::L
                        && rouge.config().profile == brief_rouge::Profile::RougeScore);
                if symmetric {
                    prop_assert_eq!(f.precision, b.recall, "{}", rouge_type);
                    prop_assert_eq!(f.recall, b.precision, "{}", rouge_type);
                }
            }
        }
    }
}
