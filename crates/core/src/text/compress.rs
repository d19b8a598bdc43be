//! Sentence compression: words a quoted sentence can lose and still say
//! what it said, so that a length budget holds more of the story.
//!
//! A [`SentenceCompressor`] proposes cuts of one sentence as [`Edit`]s, so
//! a compressed sentence keeps exact provenance: its summary item quotes
//! the source span with the cut bytes taken out
//! ([`crate::model::SummaryItem::quoted_spans`]). [`NewsCompressor`] knows
//! three kinds of cut, each of which can be switched on alone
//! ([`CompressionRules`]):
//!
//! - **attribution tails** of reported speech: "The plant will close in
//!   June, a company spokesman said." → "The plant will close in June.";
//!   ", according to police", ", said John Smith, a spokesman for the
//!   company", and the same words between commas in mid-sentence ("The
//!   plant, he said, will close."). A sentence that quotes someone keeps
//!   its attribution: a quotation means little without its speaker.
//! - **parentheticals** of a few words: "Sen. John McCain (R-Ariz.) said…".
//! - **leading clauses of time and place**: "On Tuesday, the court ruled…"
//!   → "The court ruled…", when what is left does not open with a pronoun.
//!   Only the news's own days ("Earlier this week, ", a lone "Earlier, ")
//!   and places: a year or a month ("In 2004, ") stays, since without it
//!   background reads as news.
//!
//! Every rule is deliberately narrow: a cut is made only when every word it
//! drops is of a kind the rule expects (a speaker and a verb of saying, a
//! date, a place), so what is left is the sentence's own claim. Written by
//! hand: no crate compresses sentences by rule, and a learned compressor
//! would need parsed training data this project does not have.

use crate::model::{Edit, EditReason, Span};
use crate::text::asides::closed_parentheses;
use crate::text::calendar::{MONTH_NAMES, WEEKDAYS};
use crate::text::cues::{case_blind, drop_connective};
use crate::text::lexicon::{is_organization_head, is_role_noun, is_title};
use crate::text::quote_marks::quote_marks;
use crate::text::words::{words, Word};
use crate::text::StopWords;
use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The cuts of one sentence, with what they save.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cuts {
    /// The cuts, sorted and disjoint, as edits of the document's text.
    pub edits: Vec<Edit>,
    /// Whitespace-separated words they save.
    pub words: usize,
    /// Bytes they save.
    pub bytes: usize,
}

impl Cuts {
    /// `edits` of the sentence `text` starting at byte `start`, with their
    /// savings counted.
    pub fn new(text: &str, start: usize, edits: Vec<Edit>) -> Cuts {
        if edits.is_empty() {
            return Cuts::default();
        }
        let mut after = String::with_capacity(text.len());
        let mut at = 0;
        for e in &edits {
            let (from, to) = (e.span.start - start, e.span.end - start);
            after.push_str(&text[at..from]);
            after.push_str(&e.replacement);
            at = to;
        }
        after.push_str(&text[at..]);
        let words = crate::model::Budget::count_words(text)
            .saturating_sub(crate::model::Budget::count_words(&after));
        Cuts {
            words,
            bytes: text.len().saturating_sub(after.len()),
            edits,
        }
    }

    /// Whether nothing is cut.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

/// Proposes cuts of one sentence.
pub trait SentenceCompressor: Send + Sync {
    /// The cuts of `text`, a sentence starting at byte `start` of its
    /// document: edits inside the sentence, sorted and disjoint, whose
    /// spans index the document. Empty when nothing can go.
    fn cuts(&self, text: &str, start: usize) -> Vec<Edit>;
}

/// Which cuts [`NewsCompressor`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompressionRules {
    /// Drop attribution tails of reported speech (", police said").
    pub attribution_tails: bool,
    /// Drop parentheticals of at most [`MAX_PARENTHETICAL_WORDS`] words.
    pub parentheticals: bool,
    /// Drop a leading clause of time or place ("On Tuesday, ").
    pub leading_clauses: bool,
}

impl CompressionRules {
    /// Every rule.
    pub const ALL: CompressionRules = CompressionRules {
        attribution_tails: true,
        parentheticals: true,
        leading_clauses: true,
    };

    /// No rule: sentences are quoted whole.
    pub const NONE: CompressionRules = CompressionRules {
        attribution_tails: false,
        parentheticals: false,
        leading_clauses: false,
    };

    /// The names of the rules, as [`CompressionRules::parse`] reads them.
    pub const NAMES: &'static [&'static str] = &["tails", "parentheticals", "clauses"];

    /// Whether no rule is on.
    pub fn is_none(&self) -> bool {
        *self == CompressionRules::NONE
    }

    /// Rules from `all`, `none`, or a comma-separated list of
    /// [`CompressionRules::NAMES`] ("tails,parentheticals"); the error says
    /// what is accepted.
    pub fn parse(text: &str) -> Result<CompressionRules, String> {
        let mut rules = CompressionRules::NONE;
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name.to_ascii_lowercase().as_str() {
                "all" => rules = CompressionRules::ALL,
                "none" => {}
                "tails" => rules.attribution_tails = true,
                "parentheticals" => rules.parentheticals = true,
                "clauses" => rules.leading_clauses = true,
                other => {
                    return Err(format!(
                        "unknown compression rule {other:?}; expected all, none, or a \
                         comma-separated list of {}",
                        CompressionRules::NAMES.join(", ")
                    ))
                }
            }
        }
        Ok(rules)
    }
}

impl Default for CompressionRules {
    fn default() -> Self {
        CompressionRules::ALL
    }
}

impl std::fmt::Display for CompressionRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_none() {
            return f.write_str("none");
        }
        let on = [
            self.attribution_tails,
            self.parentheticals,
            self.leading_clauses,
        ];
        let names: Vec<&str> = CompressionRules::NAMES
            .iter()
            .zip(on)
            .filter_map(|(n, on)| on.then_some(*n))
            .collect();
        f.write_str(&names.join(","))
    }
}

/// Parentheticals with more words than this carry content of their own.
pub const MAX_PARENTHETICAL_WORDS: usize = 6;

/// The longest attribution tail cut, in words ("said John Smith, a
/// spokesman for the state's Department of Health").
const MAX_TAIL_WORDS: usize = 12;

/// Words a sentence keeps at least before a cut at its end.
const MIN_KEPT_WORDS: usize = 5;

/// Verbs that end an attribution tail (", officials said").
const TAIL_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "tells",
    "reported",
    "reports",
    "noted",
    "notes",
    "explained",
    "stated",
    "wrote",
    "writes",
    "confirmed",
    "announced",
    "estimated",
    "claimed",
    "claims",
    "argued",
    "warned",
    "insisted",
    "acknowledged",
];

/// Words that may follow the verb of an attribution tail: when and where
/// it was said ("said on Tuesday", "told reporters in a statement").
const AFTER_VERB: &[&str] = &[
    "on",
    "in",
    "at",
    "a",
    "an",
    "the",
    "this",
    "last",
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "statement",
    "interview",
    "email",
    "emailed",
    "e-mail",
    "news",
    "conference",
    "release",
    "briefing",
    "reporters",
    "phone",
    "telephone",
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// Words that make what follows "said" a clause of its own ("…, said
/// identification could take weeks"): then the words before the comma are
/// its subject, not a finished sentence, and nothing is cut.
const CLAUSE_WORDS: &[&str] = &[
    "that", "to", "would", "will", "could", "can", "may", "might", "should", "must", "shall",
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "did", "does", "do", "not",
    "he", "she", "they", "it", "we", "i", "there",
];

/// Words that may make up the speaker of an attribution tail besides
/// names, role nouns and institutions ("a senior White House official",
/// "the state's health department").
const IN_SPEAKER: &[&str] = &[
    "he",
    "she",
    "they",
    "we",
    "i",
    "it",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "of",
    "for",
    "at",
    "with",
    "from",
    "and",
    "senior",
    "top",
    "local",
    "state",
    "federal",
    "u.s.",
    "us",
    "other",
    "also",
    "later",
    "earlier",
    "previously",
    "has",
    "have",
    "had",
];

/// Words of a leading clause of time besides weekdays and capitalized
/// names of places: the days around the news, not dates of background.
const TIME_WORDS: &[&str] = &[
    "the",
    "of",
    "a",
    "this",
    "last",
    "next",
    "early",
    "late",
    "earlier",
    "later",
    "week",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "yesterday",
    "today",
    "tonight",
];

/// Words that open a leading clause of time or place.
const CLAUSE_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "earlier",
    "later",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
];

/// The news compressor: [`CompressionRules`] over plain sentence text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NewsCompressor {
    /// The cuts it makes.
    pub rules: CompressionRules,
}

impl NewsCompressor {
    /// A compressor with only `rules`.
    pub fn new(rules: CompressionRules) -> Self {
        NewsCompressor { rules }
    }
}

impl SentenceCompressor for NewsCompressor {
    fn cuts(&self, text: &str, start: usize) -> Vec<Edit> {
        let mut cuts = Vec::new();
        // Cheap tests first (every sentence of a cluster is asked): which
        // rules could apply at all, before the sentence is read as words.
        let comma = text.contains(',');
        let clause = self.rules.leading_clauses && comma && opens_a_clause(text);
        let aside = self.rules.parentheticals && text.contains('(');
        let tail = self.rules.attribution_tails && comma && names_a_source(text);
        if !(clause || aside || tail) {
            return cuts;
        }
        let ws = words(text);
        let quotes = (aside || tail) && has_quotation(text);
        if clause {
            cuts.extend(leading_clause(text, &ws));
        }
        if aside && !quotes {
            cuts.extend(parentheticals(text, &ws));
        }
        if tail && !quotes {
            cuts.extend(attribution_tails(text, &ws));
        }
        cuts.sort_by_key(|e| (e.span.start, e.span.end));
        // An opening connective ("However, ") is the cohesion stage's to
        // drop; no cut touches it. Of overlapping cuts the first is kept.
        let opening = drop_connective(text).map_or(0, |(dropped, _)| dropped.len());
        let mut kept: Vec<Edit> = Vec::with_capacity(cuts.len());
        for cut in cuts.into_iter().filter(|c| c.span.start >= opening) {
            if kept.last().is_none_or(|k| k.span.end <= cut.span.start) {
                kept.push(cut);
            }
        }
        for e in &mut kept {
            e.span = Span::new(e.span.start + start, e.span.end + start);
        }
        kept
    }
}

/// Whether the sentence opens with a capitalized [`CLAUSE_OPENERS`] word
/// and a space.
fn opens_a_clause(text: &str) -> bool {
    let first = text.split(' ').next().unwrap_or("").trim_end_matches(',');
    first.chars().next().is_some_and(char::is_uppercase)
        && CLAUSE_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(first))
}

/// Whether the sentence has a verb of an attribution tail or "according":
/// one pass, ASCII case ignored.
fn names_a_source(text: &str) -> bool {
    static SOURCE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        let mut marks: Vec<&str> = TAIL_VERBS.to_vec();
        marks.push("according");
        case_blind(&marks)
    });
    SOURCE_WORDS.is_match(text)
}

/// Whether the sentence quotes someone (then its attribution stays).
fn has_quotation(text: &str) -> bool {
    text.contains(['"', '\u{201c}', '\u{201d}']) || !quote_marks(text).is_empty()
}

fn key(w: &Word<'_>) -> String {
    w.key()
}

fn is_one_of(w: &Word<'_>, list: &[&str]) -> bool {
    let k = w.text.to_lowercase();
    list.contains(&k.as_str())
}

fn is_stop_word(w: &Word<'_>) -> bool {
    StopWords::default().contains(&w.text.to_lowercase())
}

fn is_number(w: &Word<'_>) -> bool {
    w.text.bytes().all(|b| b.is_ascii_digit())
}

fn is_calendar_word(w: &Word<'_>) -> bool {
    let k = key(w);
    MONTH_NAMES.contains(&k.as_str()) || WEEKDAYS.contains(&k.as_str())
}

/// The byte offsets of the commas between words `k - 1` and `k`, if any.
fn comma_before(text: &str, ws: &[Word<'_>], k: usize) -> Option<usize> {
    let gap_start = if k == 0 { 0 } else { ws[k - 1].end };
    let gap = &text[gap_start..ws[k].start];
    // A possessive "'s" sits in the gap too; only a comma with spaces
    // around it separates clauses.
    gap.find(',').map(|i| gap_start + i)
}

/// Where the sentence's closing punctuation starts, when it ends with a
/// period (attribution tails are cut from statements only).
fn closing_period(text: &str) -> Option<usize> {
    let trimmed = text.trim_end();
    trimmed
        .ends_with('.')
        .then(|| trimmed.len() - 1)
        .filter(|&at| !trimmed[..at].ends_with(".."))
}

/// ", police said." at the end of a sentence, or ", he said," inside it.
fn attribution_tails(text: &str, ws: &[Word<'_>]) -> Vec<Edit> {
    let mut out = Vec::new();
    // (word after the comma, the comma's byte), after two words at least.
    let commas: Vec<(usize, usize)> = (2.min(ws.len())..ws.len())
        .filter_map(|k| comma_before(text, ws, k).map(|at| (k, at)))
        .collect();
    // At the end: the earliest of the last three commas whose tail is an
    // attribution, so ", said John Smith, a spokesman" goes whole.
    if let Some(period) = closing_period(text) {
        let end_words = ws.iter().take_while(|w| w.end <= period).count();
        let late: Vec<(usize, usize)> = commas
            .iter()
            .copied()
            .filter(|&(k, _)| k >= MIN_KEPT_WORDS)
            .collect();
        let last_three = &late[late.len().saturating_sub(3)..];
        if let Some(&(_, at)) = last_three.iter().find(|&&(k, _)| {
            let tail = &ws[k..end_words];
            tail.len() <= MAX_TAIL_WORDS && is_attribution(tail, text)
        }) {
            out.push(cut(at, period, EditReason::Attribution));
            return out;
        }
    }
    // Inside: ", he said," between two commas; the second comma goes too.
    for pair in commas.windows(2) {
        let ((k, first), (next_k, second)) = (pair[0], pair[1]);
        let inner = &ws[k..next_k];
        if (2..=4).contains(&inner.len())
            && is_subject_then_verb(inner)
            && !text[second + 1..].trim_start().is_empty()
        {
            out.push(cut(first, second + 1, EditReason::Attribution));
            break;
        }
    }
    out
}

fn cut(start: usize, end: usize, reason: EditReason) -> Edit {
    Edit {
        span: Span::new(start, end),
        replacement: String::new(),
        reason,
    }
}

/// Whether `tail` (the words after a comma, up to the closing period)
/// only says who said the sentence and when.
fn is_attribution(tail: &[Word<'_>], text: &str) -> bool {
    let Some(first) = tail.first() else {
        return false;
    };
    let first_key = key(first);
    if first_key == "according" {
        return tail.get(1).is_some_and(|w| key(w) == "to") && tail.len() >= 3;
    }
    if matches!(first_key.as_str(), "said" | "says") {
        // "said John Smith", "said the report"; not "said to be".
        return tail.get(1).is_some_and(|w| {
            is_one_of(w, &["the", "a", "an", "his", "her", "their"])
                || (!is_stop_word(w) && !is_number(w))
        }) && !tail[1..].iter().any(|w| is_one_of(w, CLAUSE_WORDS));
    }
    // "<speaker> said [when and where]": the speaker's words run to the
    // verb; the clause must not go on past the place and time.
    let Some(v) = tail.iter().position(|w| is_one_of(w, TAIL_VERBS)) else {
        return false;
    };
    if v == 0 || v > 6 || !tail[..v].iter().all(is_speaker_word) {
        return false;
    }
    // A comma inside the speaker ("police, who...") is not a tail.
    let speaker_text = &text[tail[0].start..tail[v].start];
    if speaker_text.contains(',') {
        return false;
    }
    tail[v + 1..]
        .iter()
        .all(|w| is_one_of(w, AFTER_VERB) || w.is_capitalized() || is_calendar_word(w))
}

/// Whether `inner` is a speaker followed by a verb of saying and nothing
/// else ("he said", "police say", "the official added").
fn is_subject_then_verb(inner: &[Word<'_>]) -> bool {
    let Some((verb, speaker)) = inner.split_last() else {
        return false;
    };
    is_one_of(verb, TAIL_VERBS) && !speaker.is_empty() && speaker.iter().all(is_speaker_word)
}

/// Whether a word may be part of who said something.
fn is_speaker_word(w: &Word<'_>) -> bool {
    if w.is_capitalized() || is_one_of(w, IN_SPEAKER) {
        return true;
    }
    let k = key(w);
    is_role_noun(&k) || is_organization_head(&k) || is_title(&k)
}

/// " (R-Ariz.)", " (pictured)": a short parenthetical after a word.
fn parentheticals(text: &str, ws: &[Word<'_>]) -> Vec<Edit> {
    let mut out = Vec::new();
    for (open, close) in closed_parentheses(text) {
        let inside = &text[open + 1..close];
        let inner_words = ws
            .iter()
            .filter(|w| w.start > open && w.end <= close)
            .count();
        let before_words = ws.iter().filter(|w| w.end <= open).count();
        // After two words or more, led by a space, no nesting, and a word
        // or punctuation after it (not the sentence's only content).
        if before_words < 2
            || !text[..open].ends_with(' ')
            || inside.contains('(')
            || inner_words == 0
            || inner_words > MAX_PARENTHETICAL_WORDS
        {
            continue;
        }
        out.push(cut(open - 1, close + 1, EditReason::Parenthetical));
    }
    out
}

/// "On Tuesday, ", "In Washington, ", "Earlier this month, ": a short
/// opening clause of time or place, and the capital of what follows.
fn leading_clause(text: &str, ws: &[Word<'_>]) -> Vec<Edit> {
    let Some(first) = ws.first() else {
        return Vec::new();
    };
    // A capital opens the sentence: a lowercase opening is capitalized by
    // the cohesion stage, whose edit a cut must not overlap.
    if first.start != 0 || !first.is_capitalized() || !is_one_of(first, CLAUSE_OPENERS) {
        return Vec::new();
    }
    let Some(k) = (1..ws.len().min(7)).find(|&k| comma_before(text, ws, k).is_some()) else {
        return Vec::new();
    };
    let clause = &ws[..k];
    // Only the news's own days ("On Tuesday", "Earlier this week") and
    // places: a year or a month ("In 2004, ", "In March, ") dates
    // background, and without it the background reads as news.
    let place_or_time = clause[1..].iter().all(|w| {
        let k = key(w);
        WEEKDAYS.contains(&k.as_str())
            || is_one_of(w, TIME_WORDS)
            || (w.is_capitalized() && !MONTH_NAMES.contains(&k.as_str()) && !is_number(w))
    });
    // "In addition," and the like are connectives (cohesion drops them);
    // of lone words, only the news's own days ("Earlier,", "Yesterday,")
    // go.
    let lone_day =
        clause.len() == 1 && is_one_of(&clause[0], &["earlier", "yesterday", "today", "tonight"]);
    if !(clause.len() >= 2 && place_or_time || lone_day) {
        return Vec::new();
    }
    let rest = &text[ws[k].start..];
    if crate::text::cues::is_dangling(rest) || rest.starts_with(['"', '\u{201c}', '\'']) {
        return Vec::new();
    }
    let mut edits = vec![cut(0, ws[k].start, EditReason::LeadingClause)];
    let mut chars = rest.chars();
    if let Some(c) = chars.next().filter(|c| c.is_lowercase()) {
        let next_upper = chars.next().is_some_and(char::is_uppercase);
        if !next_upper {
            edits.push(Edit {
                span: Span::new(ws[k].start, ws[k].start + c.len_utf8()),
                replacement: c.to_uppercase().collect(),
                reason: EditReason::Capital,
            });
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SummaryItem;

    fn compressed_with(rules: CompressionRules, text: &str) -> String {
        let cuts = NewsCompressor::new(rules).cuts(text, 0);
        SummaryItem::edited_text(text, Span::new(0, text.len()), &cuts)
    }

    fn compressed(text: &str) -> String {
        compressed_with(CompressionRules::ALL, text)
    }

    #[test]
    fn attribution_tails_of_reported_speech_go() {
        assert_eq!(
            compressed("The plant will close in June, a company spokesman said."),
            "The plant will close in June."
        );
        assert_eq!(
            compressed("Three people were hurt in the blast, police said on Tuesday."),
            "Three people were hurt in the blast."
        );
        assert_eq!(
            compressed("The vote was delayed by a week, according to two senior aides."),
            "The vote was delayed by a week."
        );
        assert_eq!(
            compressed(
                "The tests found no trace of the virus, said John Smith, a spokesman for the agency."
            ),
            "The tests found no trace of the virus."
        );
        assert_eq!(
            compressed("The plant, he said, will close in June next year."),
            "The plant will close in June next year."
        );
    }

    #[test]
    fn what_is_said_stays() {
        // The clause after the verb is the content.
        let kept = [
            "After the meeting ended late, he said he would resign.",
            "The bill passed the Senate, which the president said was a victory.",
            "\"We will not give way on this point,\" he said.",
            "The company lost money again, said to be its fifth loss.",
            "The minister arrived in Moscow, police said to reporters who asked.",
            "He left the room, saying nothing to the waiting reporters.",
            // The words before the comma are the subject of "said".
            "Inaky Blanco, the chief prosecutor of the state, said identification could take weeks.",
        ];
        for text in kept {
            assert_eq!(
                compressed_with(
                    CompressionRules {
                        leading_clauses: false,
                        ..CompressionRules::ALL
                    },
                    text
                ),
                text
            );
        }
    }

    #[test]
    fn short_parentheticals_go() {
        assert_eq!(
            compressed("Sen. John McCain (R-Ariz.) called the vote a disgrace."),
            "Sen. John McCain called the vote a disgrace."
        );
        let long =
            "The group (which was founded in 1990 by a handful of former officers) disbanded.";
        assert_eq!(compressed(long), long);
        let opening = "(CNN) The group disbanded on Monday.";
        assert_eq!(compressed(opening), opening);
    }

    #[test]
    fn leading_clauses_of_time_and_place_go_and_the_rest_is_capitalized() {
        assert_eq!(
            compressed("On Tuesday, the court ruled against the city."),
            "The court ruled against the city."
        );
        assert_eq!(
            compressed("Earlier this week, Russia vetoed the resolution."),
            "Russia vetoed the resolution."
        );
        assert_eq!(
            compressed("In Washington, lawmakers said little about the plan."),
            "Lawmakers said little about the plan."
        );
        // A lone relative day goes; a lone "Later," is a connective.
        assert_eq!(
            compressed("Earlier, Mr Tillerson and Mr Lavrov met with Vladimir Putin."),
            "Mr Tillerson and Mr Lavrov met with Vladimir Putin."
        );
        let later = "Later, the two ministers met with Vladimir Putin.";
        assert_eq!(compressed(later), later);
        // What is left would lean on the sentence before.
        let dangling = "On Tuesday, he said the talks had failed.";
        assert_eq!(compressed(dangling), dangling);
        // Not a time or a place.
        let content = "In a rare move, the court ruled against the city.";
        assert_eq!(compressed(content), content);
        // Background keeps its date.
        for dated in [
            "In 1973, Broder won a Pulitzer for his coverage of Watergate.",
            "In March, the company suspended its chief executive.",
            "On March 2, 2017, the family was in a car accident.",
        ] {
            assert_eq!(compressed(dated), dated);
        }
    }

    #[test]
    fn each_rule_can_run_alone() {
        let text = "On Tuesday, Sen. John McCain (R-Ariz.) voted no, his office said.";
        let only = |rules| compressed_with(rules, text);
        let none = CompressionRules {
            attribution_tails: false,
            parentheticals: false,
            leading_clauses: false,
        };
        assert_eq!(only(none), text);
        assert_eq!(
            only(CompressionRules {
                attribution_tails: true,
                ..none
            }),
            "On Tuesday, Sen. John McCain (R-Ariz.) voted no."
        );
        assert_eq!(
            only(CompressionRules {
                parentheticals: true,
                ..none
            }),
            "On Tuesday, Sen. John McCain voted no, his office said."
        );
        assert_eq!(
            only(CompressionRules {
                leading_clauses: true,
                ..none
            }),
            "Sen. John McCain (R-Ariz.) voted no, his office said."
        );
        assert_eq!(only(CompressionRules::ALL), "Sen. John McCain voted no.");
    }

    #[test]
    fn an_opening_connective_is_left_to_the_cohesion_stage() {
        let text = "In addition, police said, the road will stay closed all week.";
        assert!(NewsCompressor::default().cuts(text, 0).is_empty());
        let lower = "on Tuesday, the court ruled against the city.";
        assert!(NewsCompressor::default().cuts(lower, 0).is_empty());
    }

    #[test]
    fn rules_parse_from_their_names_and_print_back() {
        for text in ["all", "none", "tails", "parentheticals,clauses"] {
            let rules = CompressionRules::parse(text).expect("parses");
            let shown = rules.to_string();
            let expected = if text == "all" {
                "tails,parentheticals,clauses"
            } else {
                text
            };
            assert_eq!(shown, expected);
        }
        let err = CompressionRules::parse("tails,commas").expect_err("unknown");
        assert!(
            err.contains("\"commas\"") && err.contains("parentheticals"),
            "{err}"
        );
    }

    #[test]
    fn cuts_point_into_the_document() {
        let doc = "Headline here\nThe plant will close in June, a company spokesman said.";
        let start = doc.find("The plant").expect("sentence");
        let cuts = NewsCompressor::default().cuts(&doc[start..], start);
        assert_eq!(cuts.len(), 1);
        assert_eq!(&doc[cuts[0].span.range()], ", a company spokesman said");
    }
}
