//! Whether a sentence stands on its own once it is taken out of its
//! article, and how to make it stand when a small change can.
//!
//! A summary puts sentences from several articles side by side, so a
//! sentence that leans on the one before it in its article ("He was
//! ordered to pay...", "But Moscow said...", "The move angered...") reads
//! wrong or means something else. Each body sentence gets a [`Standing`]:
//!
//! - **alone**: it opens with its own subject;
//! - **repaired**: it opens with a connective ("But", "However,", "Still,",
//!   "In addition,") that can be dropped, the next word capitalized, leaving
//!   a sentence that stands — the change is an [`Edit`] the summary item
//!   carries, so provenance stays exact;
//! - **dependent**: it opens with a pronoun or a pointer to something said
//!   before ("This", "These", "Such", "The move", "The two"), or does so
//!   once its connective is dropped, or it ends a quotation an earlier
//!   sentence opened (its speaker is named there); selection takes it only
//!   right after the sentence before it.
//!
//! The openers are those of [`crate::text::cues::is_dangling`], the measure
//! `brief eval` reports, so what selection avoids is what readers notice.

use crate::model::{Edit, EditReason, Span};
use crate::prepare::PreparedCluster;
use crate::text::cues::{drop_connective, is_dangling, opens_backward};
use crate::text::lexicon::is_speech_verb;

/// How a sentence stands outside its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// It reads on its own as it is.
    Alone,
    /// It reads on its own with these edits.
    Repaired(Vec<Edit>),
    /// It needs the sentence before it.
    Dependent,
}

impl Standing {
    /// Whether the sentence may be quoted (alone or repaired).
    pub fn stands(&self) -> bool {
        !matches!(self, Standing::Dependent)
    }

    /// The edits that make it stand (none for [`Standing::Alone`]).
    pub fn edits(&self) -> &[Edit] {
        match self {
            Standing::Repaired(edits) => edits,
            _ => &[],
        }
    }
}

/// The standing of a sentence whose text `text` starts at byte `start` of
/// its document.
pub fn standing(text: &str, start: usize) -> Standing {
    if continues_quotation(text) || opens_backward(text) {
        return Standing::Dependent;
    }
    if !is_dangling(text) {
        return match lowercase_opening(text, start) {
            Some(edit) => Standing::Repaired(vec![edit]),
            None => Standing::Alone,
        };
    }
    let Some((dropped, rest)) = drop_connective(text) else {
        return Standing::Dependent;
    };
    if is_dangling(rest) || opens_backward(rest) {
        return Standing::Dependent;
    }
    let mut first = rest.char_indices();
    let Some((_, c)) = first.next() else {
        return Standing::Dependent;
    };
    let after = first.next().map_or(rest.len(), |(i, _)| i);
    let cut = text.len() - rest.len();
    let mut edits = vec![Edit {
        span: Span::new(start, start + cut),
        replacement: String::new(),
        reason: EditReason::Connective,
    }];
    if c.is_lowercase() {
        edits.push(Edit {
            span: Span::new(start + cut, start + cut + after),
            replacement: c.to_uppercase().collect(),
            reason: EditReason::Capital,
        });
    }
    debug_assert!(!dropped.is_empty());
    Standing::Repaired(edits)
}

/// Whether the sentence goes on with a quotation an earlier sentence opened
/// ("It was clearly a threat. \""): an odd number of straight quotation
/// marks, the last one closing the sentence, or a first mark that closes
/// before its speaker is named ("We know it is impossible, \" she said.",
/// "…problem,\u{201d} Smith said."). Its words are someone's, and the
/// sentence where the quotation opens comes before.
fn continues_quotation(text: &str) -> bool {
    let marks = text.bytes().filter(|&b| b == b'"').count();
    if marks % 2 == 1 && text.trim_end().ends_with('"') {
        return true;
    }
    // Most sentences hold no closing mark to ask about: an even number of
    // straight ones and no curly closer. Every sentence is asked, so each
    // mark is looked for alone (a fast byte search).
    let straight = if marks % 2 == 1 { text.find('"') } else { None };
    let Some(curly) = text.find('\u{201d}').or(straight) else {
        return false;
    };
    let at = straight.map_or(curly, |s| s.min(curly));
    // A quotation that opens (or a paired straight one) before it.
    let before = &text[..at];
    if before.contains('"') || before.contains('\u{201c}') {
        return false;
    }
    let mark_len = text[at..].chars().next().map_or(1, char::len_utf8);
    closes_before_speaker(before, &text[at + mark_len..])
}

/// Whether a quotation mark between `before` and `after` closes a quoted
/// clause whose speaker follows: the clause ends in a comma or a stop
/// (perhaps spaced, as lowercased corpora write it) and a verb of saying
/// comes within the next few words (", \" she said", ",\u{201d} said the
/// mayor"). A mark that opens a quotation after a comma (`saying, "the
/// family…`) has no verb of saying after it.
fn closes_before_speaker(before: &str, after: &str) -> bool {
    const SPEAKER_WORDS: usize = 5;
    if !before.trim_end().ends_with([',', '.', '?', '!']) || !after.starts_with(char::is_whitespace)
    {
        return false;
    }
    after
        .split_whitespace()
        .take(SPEAKER_WORDS)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .any(|w| is_speech_verb(&w))
}

/// The edit that capitalizes a sentence opening in lower case (left so by
/// a trimmed dateline, "Phoenix (Reuters) - a federal judge...", or by a
/// source that lowercases its text); "iPhone"-like words are left alone.
pub(crate) fn lowercase_opening(text: &str, start: usize) -> Option<Edit> {
    let mut chars = text.char_indices();
    let (_, c) = chars.next()?;
    if !c.is_ascii_lowercase() {
        return None;
    }
    let next = chars.next();
    if next.is_some_and(|(_, n)| n.is_uppercase()) {
        return None;
    }
    let after = next.map_or(text.len(), |(i, _)| i);
    Some(Edit {
        span: Span::new(start, start + after),
        replacement: c.to_ascii_uppercase().to_string(),
        reason: EditReason::Capital,
    })
}

/// The standing of each sentence of `p`.
pub fn standings(p: &PreparedCluster<'_>) -> Vec<Standing> {
    (0..p.sentences.len())
        .map(|i| standing(p.text(i), p.sentences[i].span.start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SummaryItem;

    fn repaired(text: &str) -> String {
        match standing(text, 0) {
            Standing::Repaired(edits) => {
                SummaryItem::edited_text(text, Span::new(0, text.len()), &edits)
            }
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn connectives_are_dropped_and_the_rest_capitalized() {
        assert_eq!(
            repaired("But Moscow said the strike was unlawful."),
            "Moscow said the strike was unlawful."
        );
        assert_eq!(
            repaired("However, the talks went on for hours."),
            "The talks went on for hours."
        );
        assert_eq!(
            repaired("In addition, three people were hurt."),
            "Three people were hurt."
        );
        assert_eq!(repaired("Still, the vote failed."), "The vote failed.");
    }

    #[test]
    fn pronouns_and_pointers_depend_on_what_came_before() {
        for text in [
            "He was ordered to pay $33.5 million.",
            "This angered Moscow.",
            "The move angered Moscow.",
            "But he clearly wasn't counting on it.",
            "\"It is a farce,\" the envoy said.",
            "Other items have attracted less attention.",
        ] {
            assert_eq!(standing(text, 0), Standing::Dependent, "{text}");
        }
        for text in [
            "Russia vetoed the resolution.",
            "Butch Cassidy rode on.",
            "Thereafter the talks resumed.",
        ] {
            assert_eq!(standing(text, 0), Standing::Alone, "{text}");
        }
    }

    #[test]
    fn openings_that_point_back_in_time_or_cause_depend_on_what_came_before() {
        for text in [
            "Since then, fake news has been blamed for an assault.",
            "Hours later, police found the car.",
            "As a result, the vote was delayed.",
            "But the next day the talks resumed.",
            "For his part, Lavrov called the strike unlawful.",
            "Later, the suspect was charged.",
            "Which is now getting flooded with complaints.",
            "Because it could save your life.",
            "Until a beaver hand puppet enters his life.",
        ] {
            assert_eq!(standing(text, 0), Standing::Dependent, "{text}");
        }
        for text in [
            "At the time of the crash, the pilot was asleep.",
            "Later this year, the court will rule.",
            "Shortly after taking office, Trump signed the order.",
            "In response to the ruling, the city appealed.",
            "The next day's vote was delayed.",
            "The latterday saints met.",
            "Because the vote was close, the count resumed.",
            "Though the vote was close \u{2014} 12 votes \u{2014} the count held.",
            "Becauseway is no word.",
        ] {
            assert!(standing(text, 0).stands(), "{text}");
        }
    }

    #[test]
    fn the_rest_of_a_quotation_opened_before_depends_on_it() {
        assert_eq!(
            standing("Police saw a clear threat. \"", 0),
            Standing::Dependent
        );
        assert_eq!(
            standing("Police saw a threat. \u{201d}", 0),
            Standing::Alone
        );
        assert_eq!(standing("\"Police saw a threat. \"", 0), Standing::Alone);
        assert_eq!(
            standing("He called it \"a threat\" today.", 0),
            Standing::Dependent
        );
        assert_eq!(
            standing("Police called it \"a threat\" today.", 0),
            Standing::Alone
        );
    }

    #[test]
    fn the_last_sentence_of_a_quotation_depends_on_where_it_opened() {
        for text in [
            "We know it is impossible to arrest our way out of this problem, \" she said.",
            "Some of the bridges have been closed,\" Francona said.",
            "There were two workshops in the plant, \" said wang fengya, a worker.",
            "Some of the bridges have been closed,\u{201d} the mayor told reporters.",
        ] {
            assert_eq!(standing(text, 0), Standing::Dependent, "{text}");
        }
        // A quotation that opens after a comma, or is whole.
        for text in [
            "Officials said in a statement, \"the family has its own security.",
            "The hospital said, \"the family is safe,\" and asked for privacy.",
            "\"Some bridges have been closed,\" Francona said.",
            "Francona said: \u{201c}Some bridges have been closed.\u{201d}",
        ] {
            assert!(standing(text, 0).stands(), "{text}");
        }
    }

    #[test]
    fn edits_point_into_the_document() {
        let doc = "Intro. But Moscow said no.";
        let start = doc.find("But").expect("sentence");
        let Standing::Repaired(edits) = standing(&doc[start..], start) else {
            panic!("repairable")
        };
        assert_eq!(&doc[edits[0].span.range()], "But ");
        let text = SummaryItem::edited_text(doc, Span::new(start, doc.len()), &edits);
        assert_eq!(text, "Moscow said no.");
    }
}
