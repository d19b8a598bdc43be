//! Invariants of sentence segmentation on random news-like text, quotation
//! marks spaced out or glued, curly or straight, lines broken anywhere:
//! spans lie inside the text on character boundaries, are trimmed and
//! non-empty, come in order without overlap, and cover every word.

use brief_core::text::{NewsSegmenter, Segmenter};
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "word", "Word", "u.s.", "Mr.", " ", " ", " ", ".", ". ", "\"", " \" ", " \"", "\" ", "'",
        " ' ", "\u{201c}", "\u{201d}", ",", "\n", "\n\n", "!", "?", "5 p.m.", "é", "...",
        // A run-together stop brief splits again: a short word or a number,
        // a stop, a capitalized word, perhaps in parentheses.
        "era", "53", "It", "É", "(", ")", "sens.",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_are_ordered_trimmed_and_cover_the_words(pieces in prop::collection::vec(piece(), 0..60)) {
        let text: String = pieces.concat();
        let spans = NewsSegmenter.segment(&text);
        let mut last_end = 0;
        for span in &spans {
            prop_assert!(span.start >= last_end, "{spans:?} in {text:?}");
            prop_assert!(span.start < span.end && span.end <= text.len());
            let Some(s) = text.get(span.range()) else {
                return Err(TestCaseError::fail(format!("{span:?} not on a char boundary of {text:?}")));
            };
            prop_assert_eq!(s, s.trim());
            prop_assert!(text[last_end..span.start].trim().is_empty() || !text[last_end..span.start].chars().any(char::is_alphanumeric),
                "letters between spans: {:?} in {:?}", &text[last_end..span.start], text);
            last_end = span.end;
        }
    }
}
