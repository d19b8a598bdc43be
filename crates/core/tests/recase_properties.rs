//! The recased copy of a lowercased article changes nothing but the case
//! of ASCII first letters, so every span read from it indexes the source.

use brief_core::text::recase::recase_names;
use proptest::prelude::*;

/// Lowercased news-like text: words from a small vocabulary of given
/// names, titles, verbs and function words, with punctuation and
/// non-ASCII letters mixed in.
fn lowercased_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("rick"),
        Just("perry"),
        Just("gov."),
        Just("mr."),
        Just("said"),
        Just("the"),
        Just("still"),
        Just("w."),
        Just("al"),
        Just("moore"),
        Just("barry"),
        Just("layne"),
        Just("élodie"),
        Just("müller"),
        Just("he"),
        Just("was"),
        Just("in"),
        Just("town,"),
        Just("day."),
        Just("\"yes,\""),
        Just("president"),
        Just("obama's"),
    ];
    prop::collection::vec(word, 0..120).prop_map(|ws| ws.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn recasing_only_capitalizes_ascii_letters(text in lowercased_text()) {
        if let Some(recased) = recase_names(&text) {
            prop_assert_eq!(recased.len(), text.len());
            for (a, b) in text.bytes().zip(recased.bytes()) {
                prop_assert!(a == b || (a.is_ascii_lowercase() && b == a.to_ascii_uppercase()));
            }
        }
    }

    #[test]
    fn recasing_any_text_never_panics(text in "\\PC{0,400}") {
        if let Some(recased) = recase_names(&text) {
            prop_assert_eq!(recased.len(), text.len());
        }
    }
}
