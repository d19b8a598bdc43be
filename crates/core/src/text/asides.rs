//! Asides in which a page points at itself: "(see below)", "( watch
//! above )", "(left)", "(video)", "(scroll down to watch the
//! announcement)". A summary has no "above" or "below", so a quoted sentence
//! loses each such aside, with the space before it, as an [`Edit`] of
//! reason [`EditReason::Parenthetical`]; the sentence's own words stay, and
//! its provenance still points at the source bytes.
//!
//! A sentence whose main clause points at the page ("Below is the live
//! blog.", "The rest of it was… just watch above.") is not quoted at all:
//! [`crate::text::clean::classify`] calls it residue.
//!
//! The rule is narrow: the aside is closed inside the sentence, follows a
//! word, holds at most [`MAX_ASIDE_WORDS`] words, and opens with a word of
//! the page (see, watch, video, click, scroll, pictured, above, below,
//! left, right…). Asides that open otherwise ("(R-Ariz.)", "(pictured at the
//! aquarium)", which names a place) are the compressor's to judge
//! ([`crate::text::compress`]).

use crate::model::{Edit, EditReason, Span, SummaryItem};
use crate::text::cues::Marks;
use std::borrow::Cow;

/// Longest aside cut, in words.
pub const MAX_ASIDE_WORDS: usize = 12;

/// Words that open an aside pointing at the page, whatever follows them
/// ("(see below)", "(watch it here)", "(below, a report that aired…)"),
/// lowercase.
const POINTER_OPENERS: &[&str] = &[
    "see", "watch", "video", "videos", "click", "scroll", "listen", "above", "below", "download",
];

/// Words that point at the page when they stand alone ("(left)",
/// "(pictured)"); followed by more ("(left wing)", "(right to work)",
/// "(pictured at the aquarium)") they may be the sentence's own.
const WHOLE_ASIDES: &[&str] = &[
    "above", "below", "left", "right", "top", "bottom", "center", "centre", "inset", "photos",
    "pictured", "video", "videos", "here",
];

/// Words after which a caption's "pictured" or "shown" points at the page
/// ("(pictured above)", "(shown left)").
const PLACES_ON_THE_PAGE: &[&str] = &[
    "above", "below", "left", "right", "top", "bottom", "center", "centre", "here",
];

/// The page-pointing asides of `text`, a sentence starting at byte `start`
/// of its document, as edits that drop them (spans index the document).
///
/// ```
/// use brief_core::model::{Span, SummaryItem};
/// use brief_core::text::asides::page_pointer_asides;
/// let s = "Based on other tweets ( see below ), his role is what drew their attention.";
/// let edits = page_pointer_asides(s, 0);
/// assert_eq!(
///     SummaryItem::edited_text(s, Span::new(0, s.len()), &edits),
///     "Based on other tweets, his role is what drew their attention."
/// );
/// assert!(page_pointer_asides("Sen. John McCain (R-Ariz.) spoke.", 0).is_empty());
/// ```
pub fn page_pointer_asides(text: &str, start: usize) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (open, close) in closed_parentheses(text) {
        let inside = &text[open + 1..close];
        // After a word, led by a space: the sentence goes on without it.
        let before = &text[..open];
        if !before.ends_with(' ') || before.trim_end().is_empty() || inside.contains('(') {
            continue;
        }
        if !points_at_the_page(inside) {
            continue;
        }
        let cut_from = before.trim_end().len();
        edits.push(Edit {
            span: Span::new(start + cut_from, start + close + 1),
            replacement: String::new(),
            reason: EditReason::Parenthetical,
        });
    }
    edits
}

/// Whether a bracket's inside (spaces aside) is an encyclopedia's note
/// mark: a footnote number ("[ 12 ]"), "[edit]" or "[citation needed]".
fn is_note_mark(inside: &str) -> bool {
    let inside = inside.trim();
    // Footnote numbers, one or several ("[ 51,52 ]", "[3–5]").
    let numbers = inside.len() <= 12
        && inside.bytes().any(|b| b.is_ascii_digit())
        && inside
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '\u{2013}'));
    numbers || is_edit_link(inside) || inside.eq_ignore_ascii_case("citation needed")
}

/// Whether a bracket's inside is a section's "[edit]" link.
fn is_edit_link(inside: &str) -> bool {
    inside.trim().eq_ignore_ascii_case("edit")
}

/// Most words of a section's heading before its "[edit]" link.
const MAX_HEADING_WORDS: usize = 6;

/// The note marks of `text` (a sentence starting at byte `start` of its
/// document) as edits that drop them: an encyclopedia's footnote numbers
/// and section links ("…its northern range, [ 3 ] lesser octopus…", "[ 10 ]
/// [ 11 ] a nine-time olympic gold medalist…", "history [ edit ] until
/// 1834"), which point at a page's notes and links a summary does not
/// have. A mark after a word goes with the space before it; marks opening
/// the sentence go with the spaces after them, and so does a section's
/// heading before its "[edit]" link; the first letter left is capitalized.
///
/// ```
/// use brief_core::model::{Span, SummaryItem};
/// use brief_core::text::asides::note_marks;
/// let s = "[ 10 ] [ 11 ] a nine-time gold medalist, bolt won the relay [ 12 ].";
/// let edits = note_marks(s, 0);
/// assert_eq!(
///     SummaryItem::edited_text(s, Span::new(0, s.len()), &edits),
///     "A nine-time gold medalist, bolt won the relay."
/// );
/// assert!(note_marks("The list [ of names ] was read in 1999 [sic].", 0).is_empty());
/// let s = "[ 2 ] history [ edit ] until 1834, the bank kept 33 holidays [ 4,5 ].";
/// assert_eq!(
///     SummaryItem::edited_text(s, Span::new(0, s.len()), &note_marks(s, 0)),
///     "Until 1834, the bank kept 33 holidays."
/// );
/// ```
pub fn note_marks(text: &str, start: usize) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    let mut from = 0;
    // Bytes of the marks that open the sentence, with their spaces.
    let mut opening_end = 0;
    while let Some(open) = text.get(from..).and_then(|t| t.find('[')).map(|k| from + k) {
        let Some(close) = text[open..].find(']').map(|k| open + k) else {
            break;
        };
        from = close + 1;
        let inside = &text[open + 1..close];
        if !is_note_mark(inside) {
            continue;
        }
        let before = &text[..open];
        // A section's heading run into its first sentence ("Mechanism of
        // action [ edit ] as the charcoal burns…") goes with its link.
        let heading = text.get(opening_end..open).filter(|h| {
            is_edit_link(inside)
                && h.split_whitespace().count() <= MAX_HEADING_WORDS
                && !h.contains(['.', '!', '?', ':', ';', ',', '"', '(', ')'])
        });
        let after = &text[close + 1..];
        let past_spaces = close + 1 + (after.len() - after.trim_start().len());
        let span = if before.trim().is_empty() || open == opening_end || heading.is_some() {
            let from = opening_end.min(open);
            opening_end = past_spaces;
            Span::new(start + from, start + opening_end)
        } else if before.trim_end().ends_with(['(', '[']) {
            // "( [ 9 ]; born 21 august 1986 )": the aside's own words stay
            // as written.
            continue;
        } else {
            Span::new(start + before.trim_end().len(), start + close + 1)
        };
        edits.push(Edit {
            span,
            replacement: String::new(),
            reason: EditReason::Parenthetical,
        });
    }
    if opening_end > 0 {
        let rest = &text[opening_end..];
        if let Some(capital) = crate::cohesion::lowercase_opening(rest, start + opening_end) {
            let at = edits
                .iter()
                .position(|e| e.span.start > capital.span.start)
                .unwrap_or(edits.len());
            edits.insert(at, capital);
        }
    }
    edits
}

/// The byte offsets of each "(" in `text` and the first ")" after it, left
/// to right, the next search starting past that ")"; an unclosed "(" ends
/// the search.
pub(crate) fn closed_parentheses(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let open = from + text.get(from..)?.find('(')?;
        let close = open + text[open..].find(')')?;
        from = close + 1;
        Some((open, close))
    })
}

/// `text` without its page-pointing asides: what
/// [`crate::text::clean::classify`] judges, so that "(watch below)" in a
/// sentence that reports does not make the sentence page residue.
pub fn without_page_pointer_asides(text: &str) -> Cow<'_, str> {
    if !text.contains('(') {
        return Cow::Borrowed(text);
    }
    let edits = page_pointer_asides(text, 0);
    if edits.is_empty() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(SummaryItem::edited_text(
        text,
        Span::new(0, text.len()),
        &edits,
    ))
}

/// Whether an aside's inside ("see below", " watch it here. ") points at
/// the page.
fn points_at_the_page(inside: &str) -> bool {
    let mut words = inside
        .split(|c: char| c.is_whitespace() || c == ',' || c == ':' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let Some(first) = words.next() else {
        return false;
    };
    let second = words.next();
    if 2 + words.count() > MAX_ASIDE_WORDS {
        return false;
    }
    let Some(second) = second else {
        return WHOLE_ASIDES.contains(&first.as_str());
    };
    // A gallery's link ("( photos: michele bachmann's career )").
    let label = inside.trim_start();
    if GALLERY_LABELS.iter().any(|l| {
        label
            .get(..l.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(l))
    }) {
        return true;
    }
    POINTER_OPENERS.contains(&first.as_str())
        || (matches!(first.as_str(), "pictured" | "shown")
            && PLACES_ON_THE_PAGE.contains(&second.as_str()))
}

/// Labels of a link to a photo gallery in brackets ("( photos: … )",
/// [`points_at_the_page`]), lowercase, with their colon. Run into the text
/// without brackets, only "photos:" is cut ([`gallery_links`]).
const GALLERY_LABELS: &[&str] = &["photos: ", "photo gallery: ", "pictures: ", "pics: "];

/// Most words of a gallery's title ([`gallery_links`]): the titles read
/// had at most ten; past them, the words are as likely the next
/// paragraph's run in before its quotation ("…expecting calling husband
/// nicolas sarkozy \"the love of my life\"").
pub const MAX_GALLERY_TITLE_WORDS: usize = 10;

/// Most words of a label before "photos:" ("Sexy photos:", "Splash news
/// photos:") cut with it.
const MAX_LABEL_WORDS: usize = 2;

/// Most words of a gallery's title that ends the sentence: past them, the
/// words are as likely the next paragraph's first sentence run in ("photos:
/// adams sentenced to life in prison adams will serve life.").
const MAX_CLOSING_TITLE_WORDS: usize = 8;

/// Fewest words a sentence keeps once a gallery's link is cut.
const MIN_WORDS_LEFT: usize = 4;

/// The links to photo galleries run into `text`, a sentence starting at
/// byte `start` of its document, as edits that drop them: celebrity pages
/// set "Photos: <the gallery's title>" between two paragraphs, and a
/// flattened page runs it into the sentence ("…no one is. Photos: chris
/// brown's new hollywood pad "no one is harder on me…"). The link is cut
/// up to the opening quotation mark that starts the next paragraph, within
/// [`MAX_GALLERY_TITLE_WORDS`] words with no sentence's end, comma, bracket
/// or other quotation mark before it, or to the end of the sentence within
/// [`MAX_CLOSING_TITLE_WORDS`]; a title that runs into prose without one
/// ("photos: zach adams sentenced to life in prison adams will serve…") is
/// left, since where it ends cannot be told. The link opens the sentence,
/// maybe after a label of a word or two ("Sexy photos:") and stray marks,
/// which go with it, or follows a sentence's end; elsewhere "photos:" is as
/// likely prose ("He showed us the photos: they…") or a headline run in
/// before it, and stays. Opening the sentence, the link goes with the
/// spaces after it and the first letter left is capitalized.
///
/// ```
/// use brief_core::model::{Span, SummaryItem};
/// use brief_core::text::asides::gallery_links;
/// let s = "I am not perfect. Photos: chris brown's new pad \"no one is harder on me, \" he said.";
/// assert_eq!(
///     SummaryItem::edited_text(s, Span::new(0, s.len()), &gallery_links(s, 0)),
///     "I am not perfect. \"no one is harder on me, \" he said."
/// );
/// let s = "Photos: adams sentenced to life in prison adams will serve life in prison.";
/// assert!(gallery_links(s, 0).is_empty());
/// ```
pub fn gallery_links(text: &str, start: usize) -> Vec<Edit> {
    // Every quoted sentence is asked: a byte search for the label's end
    // first.
    static LABEL_ENDS: std::sync::LazyLock<Marks<2>> =
        std::sync::LazyLock::new(|| Marks::new(["os: ", "OS: "]));
    if !LABEL_ENDS.any_in(text) {
        return Vec::new();
    }
    // ASCII lowercasing keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let mut edits = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("photos: ").map(|k| from + k) {
        from = at + "photos: ".len();
        // "photos:" as a word of its own.
        if lower[..at].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let Some(title_end) = gallery_title_end(text, from) else {
            continue;
        };
        let Some(label) = label_start(text, at) else {
            continue;
        };
        let opens = label == 0;
        let (cut_from, cut_to) = if opens {
            // With the spaces after it.
            (0, title_end)
        } else {
            // With the space before it; the quotation keeps one.
            (
                text[..label].trim_end().len(),
                text[..title_end].trim_end().len(),
            )
        };
        // What is left must say something.
        let left =
            text[..cut_from].split_whitespace().count() + text[cut_to..].split_whitespace().count();
        if cut_to <= cut_from || left < MIN_WORDS_LEFT {
            continue;
        }
        edits.push(Edit {
            span: Span::new(start + cut_from, start + cut_to),
            replacement: String::new(),
            reason: EditReason::GalleryLink,
        });
        if opens {
            edits.extend(crate::cohesion::lowercase_opening(
                &text[cut_to..],
                start + cut_to,
            ));
        }
        from = from.max(title_end);
    }
    edits
}

/// Where the gallery title that starts at byte `from` of `text` ends: at
/// an opening double quotation mark followed by a word (the next
/// paragraph's), within [`MAX_GALLERY_TITLE_WORDS`] words with no
/// sentence's end, comma, bracket or other quotation mark before it; or
/// at the end of the text, when the title's last word ends it within
/// [`MAX_CLOSING_TITLE_WORDS`]; `None` otherwise.
fn gallery_title_end(text: &str, from: usize) -> Option<usize> {
    let mut words = 0;
    let mut at = from;
    for word in text[from..].split(' ') {
        if word.is_empty() {
            at += 1;
            continue;
        }
        if let Some(quoted) = word.strip_prefix(['"', '\u{201c}']) {
            let opens = quoted.is_empty() || quoted.starts_with(char::is_alphanumeric);
            return (words > 0 && opens).then_some(at);
        }
        words += 1;
        // A bracket's title is the page-pointing aside's to cut; a comma
        // is prose's ("…the conversation, saying, \"hey…").
        if words > MAX_GALLERY_TITLE_WORDS
            || word.contains(['"', '\u{201c}', '\u{201d}', '(', ')', '[', ']'])
            || word.ends_with(',')
        {
            return None;
        }
        if word.ends_with(['.', '!', '?']) {
            let ends_the_text = text[at + word.len()..].trim().is_empty();
            return (ends_the_text && words <= MAX_CLOSING_TITLE_WORDS).then_some(text.len());
        }
        at += word.len() + 1;
    }
    None
}

/// Where the link whose "photos:" starts at byte `at` of `text` starts: 0
/// when only a label of up to [`MAX_LABEL_WORDS`] words ("Sexy photos:")
/// and stray marks stand before it; at the label when a sentence's end
/// comes before it ("…no one is. Photos: …"). `None` for prose ("He showed
/// us the photos: they were…", "The photos: …"): more words, or a word of a
/// noun phrase's that no label has.
fn label_start(text: &str, at: usize) -> Option<usize> {
    const NOT_LABELS: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "these", "those",
        "this", "that", "some", "all", "of", "in", "with", "and", "or",
    ];
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut offset = 0;
    for word in text[..at].split(' ') {
        if !word.is_empty() {
            words.push((offset, word));
        }
        offset += word.len() + 1;
    }
    let mut label = at;
    let mut label_words = 0;
    for &(offset, word) in words.iter().rev() {
        if word.ends_with(['.', '!', '?']) {
            return Some(label);
        }
        if word.chars().any(char::is_alphanumeric) {
            label_words += 1;
            let lower = word.to_ascii_lowercase();
            if label_words > MAX_LABEL_WORDS || NOT_LABELS.contains(&lower.as_str()) {
                return None;
            }
            label = offset;
        }
    }
    Some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        let edits = page_pointer_asides(text, 0);
        SummaryItem::edited_text(text, Span::new(0, text.len()), &edits)
    }

    fn without_gallery_links(text: &str) -> String {
        SummaryItem::edited_text(text, Span::new(0, text.len()), &gallery_links(text, 0))
    }

    #[test]
    fn gallery_links_are_cut_up_to_the_next_paragraph() {
        for (text, after) in [
            (
                "Ozzy's wife said the surgery was \"just excruciating. Photos: jack osbourne at lacoste live's 4th annual desert pool party \"having it tightened was the worst.",
                "Ozzy's wife said the surgery was \"just excruciating. \"having it tightened was the worst.",
            ),
            (
                "Sexy photos: all of tiger's women \"the marriage is not over, \" a source told radaronline.com.",
                "\"the marriage is not over, \" a source told radaronline.com.",
            ),
            (
                "' photos: kim kardashian moves out \"she was a wreck, \" kris writes.",
                "\"she was a wreck, \" kris writes.",
            ),
            (
                "Photos: taylor's red carpet evolution \u{201c}It's been over a month,\u{201d} the friend explains.",
                "\u{201c}It's been over a month,\u{201d} the friend explains.",
            ),
            (
                "The source said she was \" omnipresent on the set -- everywhere! \" photos: how kate's look -- and hair!",
                "The source said she was \" omnipresent on the set -- everywhere! \"",
            ),
        ] {
            assert_eq!(without_gallery_links(text), after, "{text}");
        }
        let edits = gallery_links("Photos: inside the home \"we loved it, \" she said.", 10);
        assert_eq!(edits[0].span, Span::new(10, 34));
        assert_eq!(edits[0].reason, EditReason::GalleryLink);
    }

    #[test]
    fn titles_with_no_clear_end_and_other_photos_stay() {
        for text in [
            // The title runs into prose: where it ends cannot be told.
            "Full story: adams found guilty photos: adams sentenced to life in prison adams will serve life.",
            // A word of the sentence, not a label.
            "He showed us the photos: they were blurry, \"but real, \" he said.",
            "The telephotos: \"blurry\" is the word.",
            "The photos: they show the scene \"clearly, \" he said.",
            // A headline runs in before it: where the link starts is unclear.
            "The nanny snapped photos: remembering leo and lucia krim \"she snapped, \" said her sister.",
            // Nothing would be left.
            "( photos: top political memes of the 2012 race ) 1.",
            "Photos: the stars arrive \"wow.\"",
        ] {
            assert_eq!(without_gallery_links(text), text, "{text}");
        }
    }

    proptest::proptest! {
        /// Whatever the text, a gallery link's edits lie inside it, on
        /// character boundaries, in order and apart, and leave words.
        #[test]
        fn gallery_link_edits_are_well_formed(
            head in "[ a-zé.!\"']{0,30}",
            label in "(Sexy |' |)(P|p)hotos: ",
            title in "[ a-z'’é&-]{0,60}",
            tail in "[ a-z\"“,.!é]{0,60}",
        ) {
            let text = format!("{head}{label}{title}{tail}");
            let edits = gallery_links(&text, 7);
            let mut last_end = 7;
            for e in &edits {
                proptest::prop_assert!(e.span.start >= last_end && e.span.start < e.span.end);
                proptest::prop_assert!(e.span.end <= 7 + text.len());
                proptest::prop_assert!(text.is_char_boundary(e.span.start - 7));
                proptest::prop_assert!(text.is_char_boundary(e.span.end - 7));
                last_end = e.span.end;
            }
            let cuts: Vec<Edit> = edits
                .iter()
                .filter(|e| e.reason == EditReason::GalleryLink)
                .cloned()
                .collect();
            if !cuts.is_empty() {
                let shifted: Vec<Edit> = edits
                    .iter()
                    .map(|e| Edit { span: Span::new(e.span.start - 7, e.span.end - 7), ..e.clone() })
                    .collect();
                let left = SummaryItem::edited_text(&text, Span::new(0, text.len()), &shifted);
                proptest::prop_assert!(left.split_whitespace().count() >= MIN_WORDS_LEFT, "{left}");
            }
        }
    }

    #[test]
    fn a_gallery_link_in_parentheses_is_a_page_pointing_aside() {
        assert_eq!(
            written("\"It's cost minnesota. \" ( photos: michele bachmann's career ) his campaign is plastering the district."),
            "\"It's cost minnesota. \" his campaign is plastering the district."
        );
    }

    #[test]
    fn asides_of_the_page_are_cut_with_the_space_before_them() {
        for (text, after) in [
            (
                "Last week, Cooper disapproved of a slur in a trailer ( watch above ) for a new movie.",
                "Last week, Cooper disapproved of a slur in a trailer for a new movie.",
            ),
            (
                "The show will air at 11: 35 pm est ( scroll down to watch the announcement ).",
                "The show will air at 11: 35 pm est.",
            ),
            (
                "A white escalade (see above) has been seen near her apartment.",
                "A white escalade has been seen near her apartment.",
            ),
            (
                "Smith (left) and Jones met on Tuesday (video).",
                "Smith and Jones met on Tuesday.",
            ),
            (
                "He signed the flag ( see the video here. ) before the rally.",
                "He signed the flag before the rally.",
            ),
            (
                "Treasury will act this week ( download the signed letter here ).",
                "Treasury will act this week.",
            ),
            (
                "I spoke with the chief (pictured above left, looking least smug) about it.",
                "I spoke with the chief about it.",
            ),
        ] {
            assert_eq!(written(text), after, "{text}");
        }
    }

    #[test]
    fn the_sentences_own_asides_stay() {
        for text in [
            "Sen. John McCain (R-Ariz.) said so.",
            "Moon jellyfish (pictured at the aquarium) can restore their symmetry.",
            "The group (left wing, mostly students) marched.",
            "The law (right to work) passed.",
            "(see below) opens the page.",
            "The stake (see the filing for details, which run to many pages and list every one of the holders) grew.",
            "An unclosed aside ( see below",
        ] {
            assert_eq!(written(text), text, "{text}");
        }
    }

    #[test]
    fn spans_index_the_document() {
        let prefix = "First sentence. ";
        let sentence = "Rates rose ( see chart ) in May.";
        let document = format!("{prefix}{sentence}");
        let edits = page_pointer_asides(sentence, prefix.len());
        assert_eq!(edits.len(), 1);
        assert_eq!(&document[edits[0].span.range()], " ( see chart )");
    }
}
