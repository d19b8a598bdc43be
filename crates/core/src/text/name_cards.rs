//! Name cards run into a sentence. A politics site links a politician's
//! name to a pop-up card: the full name, the headlines of a few related
//! stories, then a "More" link. Flattened to text, the card stands in the
//! sentence right after the name it expands: "Fox News anchor Shepard Smith
//! criticized President Trump Donald John Trump Airstrikes hit Syria air
//! base: … Trump congratulates Patrick Reed on Masters win MORE for bashing
//! reporters…". In the lowercased Multi-News release the headline is glued
//! to the last name ("…against president trump donald john trumpex-russia
//! ambassador: … more in addition to…"). A quoted sentence loses the card,
//! the space before it included, as an [`Edit`] of reason
//! [`EditReason::NameCard`]; its provenance still points at the source.
//!
//! The shape is narrow, so that prose that names a person twice is never
//! cut:
//! - a full name of three or four words (first name, one or two middle
//!   names or initials, last name) right after the name it expands: the
//!   same last name after a title ("President Trump Donald John Trump",
//!   "Speaker Boehner John Andrew Boehner"), or the same first and last
//!   name ("Hillary Clinton Hillary Diane Rodham Clinton");
//! - the card's link within [`MAX_CARD_WORDS`] words after it: "MORE" in
//!   capitals, or where the next headline is glued to the last name (text
//!   a data set lowercased), the first "more" that is no comparative
//!   ("more than", "more of").
//!
//! Written by hand: the cards are one site's markup, which no crate knows.

use crate::model::{Edit, EditReason, Span};
use crate::text::cues::Marks;
use crate::text::lexicon::{is_role_noun, is_title};
use std::sync::LazyLock;

/// Most words from the full name to the card's "More" link (a card holds
/// three headlines, 40 words at most in the pages read).
pub const MAX_CARD_WORDS: usize = 60;

/// Words after which a lowercase "more" is a headline's own ("more than",
/// "has more to say"), not the link.
const COMPARATIVE_AFTER: &[&str] = &["than", "of", "to"];

/// The name cards in `text`, a sentence starting at byte `start` of its
/// document, as edits that drop them (spans index the document).
///
/// ```
/// use brief_core::model::{Span, SummaryItem};
/// use brief_core::text::name_cards::name_card_cuts;
/// let s = "Smith criticized President Trump Donald John Trump Airstrikes hit \
///          Syria air base MORE for bashing reporters.";
/// let edits = name_card_cuts(s, 0);
/// assert_eq!(
///     SummaryItem::edited_text(s, Span::new(0, s.len()), &edits),
///     "Smith criticized President Trump for bashing reporters."
/// );
/// assert!(name_card_cuts("Donald Trump, Donald John Trump's son, spoke more.", 0).is_empty());
/// ```
pub fn name_card_cuts(text: &str, start: usize) -> Vec<Edit> {
    // Cheap test first: every sentence of a cluster is asked, and a card
    // ends in the word "more" whatever its case ("Baltimore" and
    // "furthermore" are no link).
    static LINKS: LazyLock<Marks<2>> = LazyLock::new(|| Marks::new([" more", " MORE"]));
    if !LINKS.any_in(text) {
        return Vec::new();
    }
    let tokens: Vec<(usize, &str)> = tokens(text).collect();
    let mut edits = Vec::new();
    let mut k = 2;
    while k + 2 < tokens.len() {
        match card_at(&tokens, k) {
            Some((cut_from, cut_to, next)) => {
                edits.push(Edit {
                    span: Span::new(start + cut_from, start + cut_to),
                    replacement: String::new(),
                    reason: EditReason::NameCard,
                });
                k = next.max(k + 1);
            }
            None => k += 1,
        }
    }
    edits
}

/// Whitespace-separated tokens of `text` with their byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_ascii_whitespace()
        .map(move |t| (t.as_ptr() as usize - text.as_ptr() as usize, t))
}

/// A card whose full name opens at token `k`: the bytes it covers (from
/// the end of the name before it to the end of its "more") and the token
/// after it.
fn card_at(tokens: &[(usize, &str)], k: usize) -> Option<(usize, usize, usize)> {
    let (short_at, last) = tokens[k - 1];
    // The cheapest test first: the last name again two or three words on.
    if !tokens[k + 2..(k + 4).min(tokens.len())]
        .iter()
        .any(|&(_, t)| strip_prefix_ignore_case(t, last).is_some())
    {
        return None;
    }
    let first = tokens[k].1;
    if !is_name_word(last) || !is_name_word(first) || first.eq_ignore_ascii_case(last) {
        return None;
    }
    // The name before it: its first and last name, or a title and the
    // last name.
    let before = tokens[k - 2].1;
    let key = before.trim_end_matches('.').to_ascii_lowercase();
    if !(before.eq_ignore_ascii_case(first) || is_title(&key) || is_role_noun(&key)) {
        return None;
    }
    // One or two middle names, then the last name again.
    for j in k + 2..(k + 4).min(tokens.len()) {
        let middles = &tokens[k + 1..j];
        if !middles.iter().all(|&(_, m)| is_middle_name(m)) {
            return None;
        }
        let token = tokens[j].1;
        let Some(rest) = strip_prefix_ignore_case(token, last) else {
            continue;
        };
        // The last name alone, or a headline glued to it.
        if rest.starts_with(|c: char| !c.is_alphanumeric()) {
            return None;
        }
        let glued = !rest.is_empty();
        let end = link_end(tokens, j, token.len() - rest.len(), glued)?;
        return Some((short_at + last.len(), end.0, end.1));
    }
    None
}

/// Where the card that follows token `j` (from byte `skip` of it) ends:
/// the byte after its "MORE" (or, when a headline is `glued` to the name,
/// its "more"), and the token after that.
fn link_end(
    tokens: &[(usize, &str)],
    j: usize,
    skip: usize,
    glued: bool,
) -> Option<(usize, usize)> {
    for e in j..(j + MAX_CARD_WORDS).min(tokens.len()) {
        let (at, token) = tokens[e];
        let (at, word) = if e == j {
            (at + skip, &token[skip..])
        } else {
            (at, token)
        };
        let is_link = |link: &str| {
            word.starts_with(link) && !word[link.len()..].starts_with(char::is_alphabetic)
        };
        if is_link("MORE") {
            return Some((at + 4, e + 1));
        }
        if glued && e > j && is_link("more") {
            let next = tokens.get(e + 1).map(|&(_, t)| t.to_ascii_lowercase());
            let comparative =
                word == "more" && next.is_some_and(|n| COMPARATIVE_AFTER.contains(&n.as_str()));
            if !comparative {
                return Some((at + 4, e + 1));
            }
        }
    }
    None
}

/// A word that may be a name: letters, maybe an apostrophe or hyphen
/// inside ("O'Rourke"), two letters at least.
fn is_name_word(word: &str) -> bool {
    word.len() >= 2
        && word.starts_with(char::is_alphabetic)
        && word.ends_with(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
}

/// A middle name or an initial ("W.").
fn is_middle_name(word: &str) -> bool {
    is_name_word(word)
        || (word.len() == 2 && word.starts_with(char::is_alphabetic) && word.ends_with('.'))
}

/// `text` after `prefix`, ASCII case ignored.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SummaryItem;

    fn without_cards(s: &str) -> String {
        SummaryItem::edited_text(s, Span::new(0, s.len()), &name_card_cuts(s, 0))
    }

    #[test]
    fn a_card_after_a_title_and_last_name_is_cut_up_to_its_link() {
        assert_eq!(
            without_cards(
                "Fox News anchor Shepard Smith on Thursday criticized President Trump Donald \
                 John Trump Airstrikes hit Syria air base: Syrian state media Trump, Macron \
                 agree on 'strong, joint response' to alleged Syria chemical attack Trump \
                 congratulates Patrick Reed on Masters win MORE for bashing reporters."
            ),
            "Fox News anchor Shepard Smith on Thursday criticized President Trump for bashing \
             reporters."
        );
    }

    #[test]
    fn a_lowercased_card_glued_to_its_headline_is_cut_and_what_follows_kept() {
        assert_eq!(
            without_cards(
                "Hillary clinton hillary rodham clintonhouse democratic women to stage walkout \
                 for 'day without a woman'strike first obamacare votes put vulnerable gopers on \
                 the spot more's advisers are ramping up attacks on wikileaks."
            ),
            "Hillary clinton's advisers are ramping up attacks on wikileaks."
        );
        assert_eq!(
            without_cards(
                "The deal will cost more than $5 billion, said sen. Susan collins susan \
                 margaret collinsshutdown looms as trump digs in on wall more ( maine )."
            ),
            "The deal will cost more than $5 billion, said sen. Susan collins ( maine )."
        );
    }

    #[test]
    fn a_comparative_more_inside_the_card_does_not_end_it() {
        assert_eq!(
            without_cards(
                "Harry reid harry mason reidwarren to propose tax on those with more than m in \
                 assets buzzfeed story has more to say more said the vote would fail."
            ),
            "Harry reid said the vote would fail."
        );
    }

    #[test]
    fn prose_that_names_a_person_twice_is_not_cut() {
        for s in [
            // No link after the name.
            "President Trump Donald John Trump was the name on the birth certificate.",
            // The full name not glued, and only a lowercase "more".
            "Speaker Boehner John Andrew Boehner, as he signs, wants more time.",
            // The name before it is neither the same first name nor a title.
            "He met Clinton Hillary Rodham Clintonwas there and more came.",
            // A plural after a repeated word is no glued headline.
            "Image copyright getty images sudden cardiac arrest is far more common in men.",
            // "More" too far away.
            &format!(
                "Senator Reid Harry Mason Reid {} MORE later.",
                "word ".repeat(MAX_CARD_WORDS)
            ),
        ] {
            assert!(name_card_cuts(s, 0).is_empty(), "{s}");
        }
    }

    #[test]
    fn cuts_point_into_the_document() {
        let doc = "Headline\nA visitor to president trump donald john trumpjulian castro \
                   hits trump in campaign launch more's resort posted a photo.";
        let start = doc.find('A').unwrap_or(0);
        let edits = name_card_cuts(&doc[start..], start);
        assert_eq!(edits.len(), 1);
        assert!(doc[edits[0].span.range()].starts_with(" donald john trumpjulian"));
        assert!(doc[edits[0].span.range()].ends_with("launch more"));
    }
}
