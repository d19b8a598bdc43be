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
//!   sentence opened (its speaker is named there), or it speaks as "I"
//!   outside quotation marks and names no speaker (a columnist, a blogger,
//!   a statement quoted at length), or opens so as "We" or "Our", or its
//!   subject is a person's pronoun after a short opening phrase ("In
//!   February, she told fans…", "…, he said."); selection takes it only
//!   right after the sentence before it.
//!
//! The openers are those of [`crate::text::cues::is_dangling`], the measure
//! `brief eval` reports, so what selection avoids is what readers notice.

use crate::model::{Edit, EditReason, Span};
use crate::prepare::PreparedCluster;
use crate::text::cues::{
    after_phrase, drop_connective, first_word, is_dangling, opening, opens_backward,
};
use crate::text::lexicon::is_speech_verb;
use memchr::memmem;
use std::sync::OnceLock;

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
    if continues_quotation(text)
        || opens_backward(text)
        || speaks_as_an_unnamed_i(text)
        || opens_as_an_unnamed_we(text)
        || pronoun_after_opening_phrase(text)
    {
        return Standing::Dependent;
    }
    // "Indeed," leans on what came before as a connective does, though
    // the dangling measure does not count it.
    let confirms = after_phrase(text, "indeed,").is_some();
    if !is_dangling(text) && !confirms {
        return match lowercase_opening(text, start) {
            Some(edit) => Standing::Repaired(vec![edit]),
            None => Standing::Alone,
        };
    }
    let Some((dropped, rest)) = drop_connective(text) else {
        return Standing::Dependent;
    };
    if is_dangling(rest) || opens_backward(rest) || pronoun_after_opening_phrase(rest) {
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

/// Whether the sentence speaks in the first person singular outside
/// quotation marks and names no speaker ("I ordered an iced chai tea
/// latte.", "My mistake shouldn't reflect on anyone else."): the "I" is
/// a columnist, a blogger or someone quoted at length, named before it or
/// not at all, and a reader of the summary cannot tell who. A verb of
/// saying in the sentence ("…my baby, her mother said") names its speaker;
/// so does a transcript's label ("Obama: well, i…"). "World War I",
/// "Part I", "Nectanebo I (379 b.c.)" and the "Me Too" movement are no one
/// speaking.
fn speaks_as_an_unnamed_i(text: &str) -> bool {
    // Most sentences hold no such word: a byte search finds that before
    // any word is read.
    if !has_first_person_word(text) {
        return false;
    }
    // The spans of the words outside quotation marks.
    let mut unquoted: Vec<(usize, usize)> = Vec::new();
    let mut quoted = false;
    let mut word_start: Option<usize> = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        // A hyphen joins ("find-my-phone", "byu-i" are no one speaking).
        let in_word =
            c.is_alphanumeric() || (word_start.is_some() && matches!(c, '\'' | '\u{2019}' | '-'));
        match (in_word, word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(start)) => {
                if !quoted {
                    let word = text[start..at].trim_end_matches(['\'', '\u{2019}']);
                    unquoted.push((start, start + word.len()));
                }
                word_start = None;
            }
            _ => {}
        }
        match c {
            '"' => quoted = !quoted,
            '\u{201c}' => quoted = true,
            '\u{201d}' => quoted = false,
            _ => {}
        }
    }
    let word = |k: usize| unquoted.get(k).map(|&(start, end)| &text[start..end]);
    let is = |k: usize, list: &[&str]| {
        word(k).is_some_and(|w| list.iter().any(|l| w.eq_ignore_ascii_case(l)))
    };
    let mut first_person = None;
    for (k, &(start, end)) in unquoted.iter().enumerate() {
        let written = &text[start..end];
        let after_i_or_we = k > 0 && is(k - 1, &["i", "we"]);
        if attributes_speech(written) && !after_i_or_we {
            return false;
        }
        if first_person.is_some() {
            continue;
        }
        let speaks = if written.eq_ignore_ascii_case("i") {
            let numeral = |j: Option<usize>| j.and_then(word).is_some_and(is_roman_numeral_context);
            !numeral(k.checked_sub(1))
                && !numeral(k.checked_sub(2))
                // "i.e.", "Nectanebo I (379 b.c.)", "…king nectanebo i has…"
                && !is(k + 1, &["e", "is", "has", "does"])
                && !text[end..].trim_start().starts_with('(')
                // A letter of an abbreviation ("M.i.t.").
                && !text[end..].starts_with('.')
                && !text[..start].ends_with('.')
        } else if written.eq_ignore_ascii_case("me") {
            // "ME" is Maine's postal code; "Me Too" a movement.
            written != "ME" && !is(k + 1, &["too"])
        } else {
            is_contracted_i(written)
                || written.eq_ignore_ascii_case("my")
                || written.eq_ignore_ascii_case("myself")
        };
        if speaks {
            first_person = Some(start);
        }
    }
    // A transcript's label names the speaker ("President Obama: well, i
    // don't think…").
    first_person.is_some_and(|at| {
        text[..at]
            .split_once(':')
            .is_none_or(|(label, _)| label.split_whitespace().count() > 4)
    })
}

/// Whether the sentence opens in the first person plural outside
/// quotation marks and names no speaker ("We were devastated when we
/// received this news.", "Our top priority remains the safety of the
/// public."): a family's or a police force's statement quoted at length,
/// or the site's own voice ("We'll have live coverage of the event."), and
/// a reader of the summary cannot tell who speaks. Only the opening is
/// read: a "we" further in is as often everyone's ("…the air we breathe").
/// "Us" opening a lowercased text is as often the U.S.
fn opens_as_an_unnamed_we(text: &str) -> bool {
    let open = opening(text);
    // A word of time before it ("Today we are proud to launch…") names no
    // one either.
    let open = ["today", "now", "tonight", "yesterday", "here"]
        .iter()
        .filter_map(|w| after_phrase(open, w))
        .find(|rest| rest.starts_with([' ', ',']))
        .map_or(open, |rest| rest.trim_start_matches([' ', ',']));
    let first = first_word(open);
    if !["we", "our", "ours"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
    {
        return false;
    }
    if text.contains(['"', '\u{201c}', '\u{201d}']) {
        return false;
    }
    // "We're told…", "We were told…" name no one either.
    let mut previous = "";
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let told_to_us = ["re", "are", "were"]
            .iter()
            .any(|w| previous.eq_ignore_ascii_case(w));
        if attributes_speech(word) && !told_to_us {
            return false;
        }
        previous = word;
    }
    true
}

/// Longest opening phrase (bytes) read before a pronoun subject: a
/// time, a place or a circumstance, not a clause of its own.
const OPENING_PHRASE_BYTES: usize = 64;

/// Whether the sentence's subject is a person's pronoun after a short
/// opening phrase ("In February, she told fans…", "Speaking to reporters,
/// he said…", "Luckily, they had…"), or a pronoun names who said it ("The
/// incident is under investigation, he said."): the dangling measure reads
/// only the first word, a reader the subject. A clause that opens the
/// sentence may hold the pronoun's person ("When the court rules, it…",
/// "When nutria aren't burrowing, they're eating."), so after "when", "if"
/// and their kind only a pronoun inside the clause ("When she was 12,
/// she…") leans back. "It" is left alone: it is as often no one ("In
/// 2010, it rained.", "…, it seems"). "This" or "that" as the subject
/// ("For many, that is not enough.") stands for what was said before
/// unless a clause opens the sentence.
fn pronoun_after_opening_phrase(text: &str) -> bool {
    let open = opening(text);
    // Every sentence is asked: a vectorized search finds the comma.
    let head = &open.as_bytes()[..open.len().min(OPENING_PHRASE_BYTES)];
    let Some(comma) = memchr::memchr(b',', head) else {
        return false;
    };
    let mut raw = open[comma + 1..].split_whitespace();
    let first_raw = raw.next().unwrap_or("");
    let mut after = std::iter::once(first_raw)
        .chain(raw.clone())
        .map(|w| w.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    let Some(subject) = after.next() else {
        return false;
    };
    let pointer = points_back_as_subject(first_raw, raw.next());
    if !pointer && !is_personal_pronoun(subject) {
        return false;
    }
    let phrase = &open[..comma];
    if phrase.contains(['"', '\u{201c}', '\u{201d}', ':', ';', '(', ')']) {
        return false;
    }
    if pointer {
        // "For many, that is not enough.", "In 2018, that's still a huge
        // deal.": what the sentence before said. After a clause ("If the
        // app looks simple, that's because it is.") it is the clause's,
        // and in a quotation the speaker's ("\"the damage was
        // significant, this was not a small collision,\" he said.").
        if text
            .trim_start()
            .starts_with(['"', '\u{201c}', '\'', '\u{2018}'])
        {
            return false;
        }
        let first = phrase.split_whitespace().next().unwrap_or("");
        let first = first.trim_end_matches(|c: char| !c.is_alphabetic());
        return !CLAUSE_OPENERS.iter().any(|w| first.eq_ignore_ascii_case(w));
    }
    let possessive = ["his", "her", "their"]
        .iter()
        .any(|p| subject.eq_ignore_ascii_case(p));
    if !possessive && after.next().is_some_and(attributes_speech) {
        return true;
    }
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let first = first.to_ascii_lowercase();
    let first = first.trim_end_matches(|c: char| !c.is_alphabetic());
    if CLAUSE_OPENERS.contains(&first) {
        let second = words
            .get(1)
            .map(|w| w.to_ascii_lowercase())
            .unwrap_or_default();
        // A clause without a subject ("If convicted,", "While in
        // Afghanistan,", "After meeting at McDonald's,") is about the
        // sentence's subject; "after", "before", "since" and "until" also
        // open a phrase of time ("After two years,").
        let participle = second.len() > 4 && (second.ends_with("ed") || second.ends_with("ing"));
        let no_subject = participle || ELLIPTICAL_SECOND_WORDS.contains(&second.as_str());
        let of_time = TIME_PREPOSITIONS.contains(&first)
            && (words.len() == 2 || TIME_PHRASE_SECOND_WORDS.contains(&second.as_str()));
        return no_subject
            || of_time
            || words[1..]
                .iter()
                .any(|w| is_personal_pronoun(w) || is_object_pronoun(w));
    }
    PHRASE_OPENERS.contains(&first)
        || matches!(words.last().map(|w| w.to_ascii_lowercase()).as_deref(), Some("later" | "ago" | "earlier"))
        // "Speaking to reporters", "Asked about the deal": a participle
        // with its object (a lone "Manning," is a name).
        || (words.len() > 1
            && ((first.len() > 5 && first.ends_with("ing")) || PARTICIPLES.contains(&first)))
        // "Luckily, he…"; not "Kelly, his wife…".
        || (words.len() == 1 && !possessive && first.len() > 5 && first.ends_with("ly"))
}

/// Words that open a clause with its own subject.
const CLAUSE_OPENERS: &[&str] = &[
    "when", "whenever", "if", "as", "while", "once", "because", "although", "though", "unless",
    "whether", "where", "after", "before", "since", "until",
];

/// Second words of a clause opener that leave the clause without a
/// subject ("While in Afghanistan,", "Though never married,").
const ELLIPTICAL_SECOND_WORDS: &[&str] = &[
    "in", "at", "on", "never", "not", "still", "inside", "outside", "under", "asked", "told",
    "born",
];

/// Clause openers that are also prepositions of time.
const TIME_PREPOSITIONS: &[&str] = &["after", "before", "since", "until"];

/// Second words that make a time preposition open a phrase ("After two
/// years,", "Before the game,"), not a clause ("After Chuck Berry died,").
const TIME_PHRASE_SECOND_WORDS: &[&str] = &[
    "a", "an", "the", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "several", "years", "months", "weeks", "days", "hours", "that", "this", "then", "being",
    "nearly", "about", "more", "less", "his", "her", "their", "multiple", "many", "some", "each",
    "every", "one",
];

/// Words that open a phrase of time, place or circumstance.
const PHRASE_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "for",
    "during",
    "between",
    "from",
    "by",
    "with",
    "without",
    "like",
    "unlike",
    "despite",
    "throughout",
    "under",
    "over",
    "through",
    "within",
    "amid",
    "among",
    "according",
    "now",
    "today",
    "yesterday",
    "tonight",
    "soon",
    "later",
    "earlier",
    "first",
    "finally",
    "last",
    "next",
    "again",
    "true",
    "sure",
    "yes",
    "no",
    "well",
    "of",
    "to",
    "instead",
    "indeed",
    "plus",
    "besides",
    "anyway",
    "thus",
    "therefore",
    "hence",
    "there",
    "here",
    "back",
    "ever",
    "outside",
    "inside",
    "even",
    "never",
    "always",
    "sometimes",
    "often",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "moments",
];

/// Past participles that open a phrase about the sentence's subject
/// ("Asked about the deal, she…", "Born in Ohio, he…").
const PARTICIPLES: &[&str] = &[
    "asked",
    "born",
    "raised",
    "based",
    "pressed",
    "arrested",
    "questioned",
    "interviewed",
    "reached",
    "contacted",
    "elected",
    "named",
    "hired",
    "charged",
    "convicted",
    "sentenced",
    "accused",
    "known",
    "dubbed",
    "called",
    "seen",
    "faced",
    "confronted",
    "told",
    "given",
    "taken",
];

/// Whether a word is "he", "she", "they" or their possessive, any case.
fn is_personal_pronoun(word: &str) -> bool {
    ["he", "she", "they", "his", "her", "their"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
}

/// Whether a clause's subject is "this" or "that" standing for what was
/// said before: "that's", or "this" / "that" before "is" or "was" ("this
/// year's", "that law" are determiners).
fn points_back_as_subject(word: &str, next: Option<&str>) -> bool {
    let contracted = ["that's", "that\u{2019}s"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w));
    let pointer = ["this", "that"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w));
    contracted
        || (pointer
            && next.is_some_and(|n| ["is", "was"].iter().any(|v| n.eq_ignore_ascii_case(v))))
}

/// Whether a word is "him" or "them", any case.
fn is_object_pronoun(word: &str) -> bool {
    ["him", "them"].iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// Whether `text` may hold a word of the first person singular: an "i",
/// "my", "me" or "myself" (any case) opening it or after a space.
/// Every sentence is asked: the spaces before the two letters are found by
/// a vectorized search ("i" and "m" alone are too common to skip much).
fn has_first_person_word(text: &str) -> bool {
    static AFTER_SPACE: OnceLock<[memmem::Finder<'static>; 6]> = OnceLock::new();
    let bytes = text.as_bytes();
    let letter_at = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphabetic);
    let word_at = |at: usize| match bytes.get(at).map(|b| b | 0x20) {
        Some(b'i') => !letter_at(at + 1),
        Some(b'm') => {
            matches!(bytes.get(at + 1).map(|n| n | 0x20), Some(b'y' | b'e'))
                && (!letter_at(at + 2) || bytes[at + 2..].starts_with(b"self"))
        }
        _ => false,
    };
    word_at(0)
        || AFTER_SPACE
            // Or a bracket: "(I generally hate the genre)".
            .get_or_init(|| [b" i", b" I", b" m", b" M", b"(i", b"(I"].map(memmem::Finder::new))
            .iter()
            .any(|finder| finder.find_iter(bytes).any(|at| word_at(at + 1)))
}

/// Whether a word is "I" contracted: "I'm", "I've", "I'd", "I'll" (with a
/// straight or a curly apostrophe).
fn is_contracted_i(word: &str) -> bool {
    let Some(rest) = word.strip_prefix(['i', 'I']) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(['\'', '\u{2019}']) else {
        return false;
    };
    ["m", "ve", "d", "ll"]
        .iter()
        .any(|c| rest.eq_ignore_ascii_case(c))
}

/// Whether a word attributes what a sentence says to someone ("said",
/// "told", "according").
fn attributes_speech(word: &str) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "told",
        "tells",
        "wrote",
        "writes",
        "tweeted",
        "posted",
        "added",
        "adds",
        "recalled",
        "recalls",
        "explained",
        "explains",
        "according",
        "asked",
        "asks",
        "insisted",
        "noted",
        "continued",
        "testified",
    ];
    (4..=9).contains(&word.len()) && VERBS.iter().any(|v| word.eq_ignore_ascii_case(v))
}

/// Whether a word before "I" makes it a numeral: "World War I", "Part I",
/// "Elizabeth I", "King … I".
fn is_roman_numeral_context(previous: &str) -> bool {
    const BEFORE_NUMERALS: &[&str] = &[
        "war",
        "part",
        "chapter",
        "act",
        "phase",
        "season",
        "volume",
        "book",
        "type",
        "title",
        "class",
        "grade",
        "stage",
        "level",
        "tier",
        "category",
        "article",
        "section",
        "schedule",
        "episode",
        "division",
        "elizabeth",
        "charles",
        "henry",
        "james",
        "louis",
        "william",
        "george",
        "mary",
        "richard",
        "edward",
        "john",
        "paul",
        "napoleon",
        "leo",
        "peter",
        "king",
        "queen",
        "pharaoh",
        "pope",
        "emperor",
        "tsar",
        "czar",
        "sultan",
        "shah",
    ];
    BEFORE_NUMERALS
        .iter()
        .any(|w| previous.eq_ignore_ascii_case(w))
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

/// The edit that capitalizes the first word of a quotation opening the
/// sentence in lower case (`" it's something i ' m proud of…`, as a
/// source that lowercases its text writes it), like [`lowercase_opening`]
/// after the opening mark.
pub(crate) fn lowercase_quotation_opening(text: &str, start: usize) -> Option<Edit> {
    let inside = text
        .strip_prefix('"')
        .or_else(|| text.strip_prefix('\u{201c}'))?;
    let word = inside.trim_start_matches(' ');
    lowercase_opening(word, start + (text.len() - word.len()))
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

    /// Asserts that each text depends on the sentence before it, or that
    /// none does.
    fn assert_dependence(texts: &[&str], dependent: bool) {
        for text in texts {
            assert_eq!(
                standing(text, 0) == Standing::Dependent,
                dependent,
                "{text}"
            );
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
        assert_eq!(
            repaired("Indeed, some analysts doubted the figures."),
            "Some analysts doubted the figures."
        );
        // Without its comma "indeed" belongs to the clause.
        assert_eq!(standing("Indeed it did.", 0), Standing::Alone);
    }

    #[test]
    fn pronouns_and_pointers_depend_on_what_came_before() {
        assert_dependence(
            &[
                "He was ordered to pay $33.5 million.",
                "This angered Moscow.",
                "The move angered Moscow.",
                "But he clearly wasn't counting on it.",
                "\"It is a farce,\" the envoy said.",
                "Other items have attracted less attention.",
            ],
            true,
        );
        for text in [
            "Russia vetoed the resolution.",
            "Butch Cassidy rode on.",
            "Thereafter the talks resumed.",
        ] {
            assert_eq!(standing(text, 0), Standing::Alone, "{text}");
        }
    }

    #[test]
    fn an_unnamed_we_opening_depends_on_what_came_before() {
        assert_dependence(
            &[
                "We were devastated when we received this news.",
                "Our top priority remains the safety of the public.",
                "We're told tom is taking suri to chelsea piers later today.",
                "We ' ll have live coverage of the event.",
                "Today we are proud to launch the personal network.",
                "Now, we have a chance to fix it.",
            ],
            true,
        );
        assert_dependence(
            &[
                "We are waiting for the readings, the minister said.",
                "\"We will win,\" she said.",
                "Us president donald trump says he stands ready.",
                "Weather delayed the flights.",
                "The air we breathe is cleaner.",
                "Today weather delayed the flights.",
                "Nowhere we looked was safe.",
            ],
            false,
        );
    }

    #[test]
    fn a_pronoun_subject_after_an_opening_phrase_depends_on_what_came_before() {
        assert_dependence(
            &[
                "In February, she told fans she suffers from endometriosis.",
                "Speaking to reporters, he said the talks had failed.",
                "Luckily, they had been fostered since birth.",
                "Three days later, her cell phone pinged in Idaho.",
                "If convicted, he faces 12 months behind bars.",
                "While in Afghanistan, he suffered a brain injury.",
                "After two years, he quit.",
                "When she heard the news, she couldn't breathe.",
                "The room had filled with thick smoke, he said.",
                "But in 1995, he forged a deal in the former Yugoslavia.",
                "For small satellites, that's not much.",
                "In 2018, that\u{2019}s still a huge deal.",
                "No, this is a terrible idea.",
                "For centuries, this was the formal path to the henge.",
            ],
            true,
        );
        assert_dependence(
            &[
                "When nutria aren't burrowing, they're eating.",
                "After Chuck Berry died, his guitar was bolted to his coffin lid.",
                "In 2010, it rained for forty days.",
                "Hefner surprised Harris, his girlfriend of a year.",
                "Kelly, his wife of 20 years, said nothing.",
                "Obama is ready to play hardball, his allies say.",
                "In a statement, the company said it would appeal.",
                "If the app looks simple, that's because it is.",
                "In May, this year's budget was cut.",
                "On Monday, that law took effect.",
                "In Paris, this island of calm is rare.",
                "\"The damage was significant, this was not a small collision,\" he said.",
            ],
            false,
        );
    }

    #[test]
    fn an_unnamed_first_person_depends_on_what_came_before() {
        assert_dependence(
            &[
                "I ordered an iced chai tea latte and bagel with cream cheese.",
                "Rarely do i give thanks for the experience.",
                "My mistake shouldn't reflect on anyone else and i apologize profusely.",
                "They said that i could find this out at a local magistrate.",
                "I ' ll start teaching it to understand my voice.",
                "Britney thought he was a lovely man. \"",
                "There's no more rationing, because, frankly, my teeth hurt.",
                "I think it's fair to say that the election is close.",
                "I told him the truth.",
                "Check them out, even if you don't like in-ear phones (I generally hate the genre).",
            ],
            true,
        );
        assert_dependence(
            &[
                "\"I am not a crook,\" Nixon said.",
                "\u{201c}My family needs privacy now.\u{201d}",
                "I need to catch the man who took my baby, her mother said.",
                "One influential republican told me a few days ago.",
                "Part i is the beginning of the end.",
                "The veterans of World War I were honored.",
                "The Me Too movement grew.",
                "Portland, ME, voted on Tuesday.",
                "The levy, i.e. the tax, was cut.",
                "Militants in Mali attacked the base.",
                "The company is fighting over a proposed mine in Minnesota.",
                "The shrine belonged to the pharaoh nectanebo i ( 379 b.c. ).",
                "A chapel of king nectanebo i has been found.",
                "M.i.t. Did not urge prosecutors to charge him.",
                "The wife used a find-my-phone application to trace him.",
                "Students at byu-i were told.",
                "President obama: well, i don't think they're better off.",
            ],
            false,
        );
    }

    #[test]
    fn openings_that_point_back_in_time_or_cause_depend_on_what_came_before() {
        assert_dependence(
            &[
                "Since then, fake news has been blamed for an assault.",
                "Hours later, police found the car.",
                "As a result, the vote was delayed.",
                "But the next day the talks resumed.",
                "For his part, Lavrov called the strike unlawful.",
                "Later, the suspect was charged.",
                "Otherwise, be prepared to wait until january.",
                "The latest was discovered monday morning.",
                "Which is now getting flooded with complaints.",
                "Because it could save your life.",
                "Until a beaver hand puppet enters his life.",
                "About 30 minutes later, a phone rang at the hospital.",
                "Less than a year later, the company is moving back.",
                "A few months later jackson was convicted of shoplifting.",
                "Four years later, robinson gave alexander a kidney.",
                "A day earlier, the supreme court let similar rulings become final.",
                "In doing so, it has declared war on the traditional desktop model.",
                "To do that, the researchers swabbed the babies' mouths.",
                "Doing this is banned under a UN Security Council resolution.",
                "By doing so, the firm kept its licence.",
                "In other words, that's an additional 258 hours per year.",
                "Prior to that, however, it was reportedly unavailable for hours.",
                "Thus, it may also have been the oldest sandwich.",
                "In this case, it just took four years.",
                "Three have been found but two remain missing.",
                "One was tied to a tree.",
                "\"Six were found guilty,\" police said.",
                "Yes, indeed it has, for prince william will celebrate today.",
                "Sure, hailing a cab on your phone is more convenient.",
                "Well, let's just say she needs a driver.",
                "Of course, many weren't happy with what she said.",
                "No, the company isn't planning to steal the name.",
                "Or go get a portable home safe.",
                "Nor did the police find the ring.",
                "12 were injured.",
                "One said: \"the question will come up.\"",
            ],
            true,
        );
        for text in [
            "At the time of the crash, the pilot was asleep.",
            "Later this year, the court will rule.",
            "Shortly after taking office, Trump signed the order.",
            "In response to the ruling, the city appealed.",
            "The next day's vote was delayed.",
            "The latterday saints met.",
            "The latest study from consumer reports may scare some parents.",
            "Because the vote was close, the count resumed.",
            "Though the vote was close \u{2014} 12 votes \u{2014} the count held.",
            "Becauseway is no word.",
            "Some 200 people marched later that week.",
            "Two days of talks ended later than planned.",
            "Four years of war later turned into peace talks.",
            "Thus far, no one has been charged.",
            "2014 was a busy year for the club.",
            "One can only imagine the cries of his fans.",
            "Three people have been found.",
            "Many have been out on the water all day.",
            "Ones were counted.",
            "Ten-year-old Ava was found.",
            "One wasteful program was cut.",
            "Doing business in Russia got harder.",
            "Doing so-called gain-of-function research is risky.",
            "In this case study, 40 patients took part.",
            "To do something about it, the city hired 40 inspectors.",
            "No. 10 Venus Williams is tuning up for Wimbledon.",
            "No one was hurt.",
            "Well-wishers gathered outside the hospital.",
            "True believers lined the street.",
            "Surely the vote will pass.",
            "Oregon voters approved the measure.",
            "Organizers canceled the race.",
            "Norway won the vote.",
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
        assert_dependence(
            &[
                "We know it is impossible to arrest our way out of this problem, \" she said.",
                "Some of the bridges have been closed,\" Francona said.",
                "There were two workshops in the plant, \" said wang fengya, a worker.",
                "Some of the bridges have been closed,\u{201d} the mayor told reporters.",
            ],
            true,
        );
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
    fn a_quotation_opening_in_lower_case_is_capitalized() {
        let text = "\" it's something i ' m proud of, \" the student told cnn.";
        let edit = lowercase_quotation_opening(text, 10).expect("capitalized");
        assert_eq!(
            (edit.span, edit.replacement.as_str()),
            (Span::new(12, 13), "I")
        );
        assert_eq!(edit.reason, EditReason::Capital);
        let curly = "\u{201c}we will win,\u{201d} she said.";
        let edit = lowercase_quotation_opening(curly, 0).expect("capitalized");
        assert_eq!((edit.span.start, edit.replacement.as_str()), (3, "W"));
        for text in [
            "\"It is done,\" he said.",
            "\"iPhone sales fell,\" he said.",
            "it is done.",
        ] {
            assert_eq!(lowercase_quotation_opening(text, 0), None, "{text}");
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
