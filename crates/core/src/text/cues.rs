//! Surface cues of how a sentence reads on its own: whether it opens by
//! leaning on the sentence before it ("He ...", "But ...", "The move ..."),
//! and whether it carries site furniture (social and newsletter prompts,
//! captions, credits, URLs). Selection avoids both; `brief eval` counts
//! them.

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// First words that make a sentence lean on the one before it.
const DANGLING_WORDS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "his",
    "her",
    "their",
    "its",
    "him",
    "them",
    "this",
    "that",
    "these",
    "those",
    "but",
    "however",
    "also",
    "and",
    "still",
    "meanwhile",
    "so",
    "then",
    "yet",
    "instead",
    "moreover",
    "furthermore",
    "additionally",
    "other",
    "another",
    "such",
    "both",
];

/// Opening phrases that do the same.
const DANGLING_PHRASES: &[&str] = &["in addition", "the move", "the decision", "the two"];

/// Lowercase marks of site chrome.
pub(crate) const CHROME_MARKS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "click here",
    "subscribe",
    "newsletter",
    "sign up",
    "hide caption",
    "photo:",
    "getty images",
    "contributed to this report",
    "copyright",
    "©",
    "http",
    "www.",
    "pic.twitter",
    "advertisement",
    "read more",
    "follow us",
    "all rights reserved",
    "breaking news emails",
    "inbox",
];

/// The sentence with its leading quotes, brackets and spaces removed.
pub(crate) fn opening(sentence: &str) -> &str {
    sentence.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '“' | '”' | '‘' | '’' | '(' | '[' | '«' | '»' | '`'
            )
    })
}

/// The letters `text` opens with: its first word, or "" when it opens
/// with anything else.
pub(crate) fn first_word(text: &str) -> &str {
    &text[..text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len())]
}

/// Whether `sentence` opens with a pronoun or connective. Compared without
/// lowercasing (ASCII case folded): the openers listed are ASCII, and every
/// sentence is tested, several times.
pub fn is_dangling(sentence: &str) -> bool {
    let open = opening(sentence);
    let first = first_word(open);
    if DANGLING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(first)) {
        return true;
    }
    DANGLING_PHRASES.iter().any(|p| {
        after_phrase(open, p)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-'))
    })
}

/// What follows `phrase` (ASCII case folded) at the start of `open`, or
/// `None` when `open` does not start with it.
pub(crate) fn after_phrase<'a>(open: &'a str, phrase: &str) -> Option<&'a str> {
    open.get(..phrase.len())
        .filter(|head| head.eq_ignore_ascii_case(phrase))
        .map(|_| &open[phrase.len()..])
}

/// Openings that point back to a time, an event or a party the sentence
/// before named ("Since then,", "Hours later,", "As a result,", "For his
/// part,"): not in the dangling measure's list, but a summary that quotes
/// such a sentence away from its predecessor reads wrongly. A phrase that
/// ends in a comma must have it ("At the time of the crash", "In response
/// to the ruling" stand).
const BACKWARD_OPENINGS: &[&str] = &[
    "since then",
    "by then",
    "until then",
    "even then",
    "after that",
    "before that",
    "at that point",
    "at that time",
    "by that time",
    "in that case",
    "to that end",
    "as a result",
    "in response,",
    "in turn",
    "even so",
    "despite this",
    "despite that",
    "because of this",
    "because of that",
    "the next day",
    "the following day",
    "the day before,",
    "the previous day,",
    "that same day",
    "later that day",
    "earlier that day",
    "on that day",
    "a day later",
    "days later",
    "hours later",
    "minutes later",
    "moments later",
    "weeks later",
    "months later",
    "shortly afterward",
    "soon afterward",
    "afterward,",
    "afterwards,",
    "shortly after,",
    "soon after,",
    "later,",
    "at the time,",
    "in the meantime",
    "for his part",
    "for her part",
    "for their part",
    "for its part",
    "likewise",
    "similarly,",
    "by contrast",
    "in contrast,",
    "on the other hand",
    "nevertheless",
    "nonetheless",
    "after all,",
    "the latter",
    "which",
    "otherwise",
    // "The latest was discovered monday…": the latest of what the
    // sentence before listed.
    "the latest was",
    "the latest is",
    "the latest came",
    "the latest comes",
    "the latest involved",
    "the latest happened",
    "the latest occurred",
    // What the sentence before did or said, taken up again ("In doing so,
    // it has declared war on…", "To do that, the researchers swabbed…",
    // "In other words, that's an additional 258 hours…").
    "in other words",
    "in doing so",
    "in so doing",
    "to do so",
    "to do this",
    "to do that",
    // "Doing so is banned under…": the act the sentence before named.
    "doing so",
    "doing this",
    "doing that",
    "by doing so",
    "by doing this",
    "by doing that",
    "prior to that",
    "beyond that,",
    "on top of that",
    "not only that",
    "with that in mind",
    "from there,",
    "in this case,",
    "as such,",
    "as a consequence,",
    "thus,",
    "hence,",
    // A reply or a concession to what the sentence before said or asked
    // ("Yes, indeed it has, for…", "Sure, it was creepy…, but…", "Well,
    // let's just say…"): a reader of the summary never saw the question.
    "yes,",
    "no,",
    "well,",
    "sure,",
    "true,",
    "okay,",
    "ok,",
    "oh,",
    "of course,",
    // An alternative or a denial added to the sentence before ("Or go get
    // a portable home safe.", "Nor did the police.").
    "or",
    "nor",
];

/// Conjunctions that open a clause another sentence must complete: with no
/// comma or dash after them, the sentence is that clause alone ("Because it
/// could save your life.", "Until a beaver hand puppet enters his life.").
const SUBORDINATE_OPENINGS: &[&str] = &["because", "until", "though"];

/// Whether `sentence` opens with a phrase that points back to the sentence
/// before it ([`BACKWARD_OPENINGS`]), or is a subordinate clause standing
/// alone ([`SUBORDINATE_OPENINGS`]).
pub fn opens_backward(sentence: &str) -> bool {
    let open = opening(sentence);
    if opens_with_a_lapse(open) || counts_what_came_before(open) {
        return true;
    }
    let phrase_ends = |rest: &str| {
        !rest.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}'))
    };
    // Every sentence is asked: only the phrases of its first letter are
    // compared (they are lowercase ASCII), looked up by that letter.
    static BACKWARD_BY_BYTE: LazyLock<Vec<Vec<&'static str>>> =
        LazyLock::new(|| super::clean::by_first_byte(BACKWARD_OPENINGS));
    let Some(first) = open.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    let starting = |p: &&&str| p.as_bytes().first() == Some(&first);
    BACKWARD_BY_BYTE[usize::from(first)]
        .iter()
        .any(|p| after_phrase(open, p).is_some_and(phrase_ends))
        || (SUBORDINATE_OPENINGS
            .iter()
            .filter(starting)
            .any(|p| after_phrase(open, p).is_some_and(|rest| rest.starts_with(' ')))
            && !open.contains([',', '\u{2014}', '\u{2013}', ';'])
            && !open.contains(" - ")
            && !open.contains("--"))
}

/// Small counts standing for a noun the sentence before named ("Three have
/// been found but two remain missing.", "One was tied to a tree.", "Six
/// were found guilty…"): a count, then a verb of being, having or an
/// outcome. Years ("2014 was a busy year") and "One can only imagine" (the
/// generic "one") are no such counts.
fn counts_what_came_before(open: &str) -> bool {
    const COUNTS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    const VERBS: &[&str] = &[
        "is", "was", "are", "were", "has", "have", "had", "died", "survived", "remains", "remain",
        "remained", "said", "says",
    ];
    // Every sentence is asked: the words are read without splitting it.
    let digits = open.bytes().take_while(u8::is_ascii_digit).count();
    let count = if digits > 0 {
        &open[..digits]
    } else {
        first_word(open)
    };
    let is_count = if digits > 0 {
        digits <= 3
    } else {
        COUNTS.iter().any(|c| c.eq_ignore_ascii_case(count))
    };
    if !is_count {
        return false;
    }
    let Some(rest) = open[count.len()..].strip_prefix(' ') else {
        return false;
    };
    let verb = first_word(rest);
    VERBS.iter().any(|v| v.eq_ignore_ascii_case(verb))
        && !rest[verb.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Bytes of an opening searched for "later" or "earlier": six words.
const LAPSE_HEAD_BYTES: usize = 64;

/// Words that hedge a lapse of time ("About 30 minutes later").
const LAPSE_HEDGES: &[&str] = &[
    "about", "nearly", "some", "just", "only", "roughly", "around", "almost", "barely", "less",
    "more", "over", "than", "within",
];

/// Words that count a lapse of time ("Four years later").
const LAPSE_COUNTS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "several", "few", "many",
    "couple", "of",
];

/// Units of a lapse of time.
const LAPSE_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades",
];

/// Whether `open` starts with a lapse of time counted from the event the
/// sentence before told ("About 30 minutes later,", "Four years later",
/// "A day earlier,"): the list of [`BACKWARD_OPENINGS`] holds the bare
/// ones ("days later").
fn opens_with_a_lapse(open: &str) -> bool {
    // Every sentence is asked, several times: most hold neither word in
    // their opening, told by the few l's a vectorized search finds.
    let head = &open.as_bytes()[..open.len().min(LAPSE_HEAD_BYTES)];
    let ends_a_lapse = |l: usize| {
        head[l..].starts_with(b"later") || (l >= 3 && head[l - 3..].starts_with(b"earlier"))
    };
    if !memchr::memchr_iter(b'l', head).any(ends_a_lapse) {
        return false;
    }
    let mut words = open
        .split_whitespace()
        .take(6)
        .map(|w| w.trim_end_matches(','));
    let listed = |list: &[&str], w: &str| list.iter().any(|l| l.eq_ignore_ascii_case(w));
    let mut counted = false;
    for word in words.by_ref() {
        if word.bytes().all(|b| b.is_ascii_digit()) || listed(LAPSE_COUNTS, word) {
            counted = true;
        } else if listed(LAPSE_UNITS, word) && counted {
            return words.next().is_some_and(|w| {
                w.eq_ignore_ascii_case("later") || w.eq_ignore_ascii_case("earlier")
            });
        } else if counted || !listed(LAPSE_HEDGES, word) {
            return false;
        }
    }
    false
}

/// Whether a sentence ends as a sentence does: a full stop, "!" or "?",
/// perhaps inside a closing quotation mark or bracket ("…,\" he said." or
/// "…low.\""). A caption or a label ("Footage from the Daily Show's
/// coverage (with Jon Stewart)") does not.
pub fn ends_like_a_sentence(text: &str) -> bool {
    // Lowercased Multi-News text spaces its closing marks ("…big sis. \"").
    ends_with_sentence_punctuation(text, true)
}

/// [`ends_like_a_sentence`] with the closing marks read only as written
/// right after the punctuation ("…low.\"", not "…low. \""): the learned
/// model's `ends_like_a_sentence` feature, which was trained so.
pub(crate) fn ends_like_a_sentence_unspaced(text: &str) -> bool {
    ends_with_sentence_punctuation(text, false)
}

fn ends_with_sentence_punctuation(text: &str, spaced_marks: bool) -> bool {
    const CLOSERS: [char; 5] = ['"', '\u{201d}', '\'', '\u{2019}', ')'];
    let trimmed = text.trim_end();
    trimmed.ends_with(['.', '!', '?'])
        || (trimmed.ends_with(CLOSERS)
            && trimmed
                .trim_end_matches(|c: char| CLOSERS.contains(&c) || (spaced_marks && c == ' '))
                .ends_with(['.', '!', '?', ',']))
}

/// Whether `sentence` carries site chrome, in any case.
pub fn is_chrome(sentence: &str) -> bool {
    static CHROME: LazyLock<AhoCorasick> = LazyLock::new(|| case_blind(CHROME_MARKS));
    CHROME.is_match(sentence)
}

/// One automaton finding any of `marks` with ASCII case ignored: one pass
/// over a sentence, without lowercasing it (every sentence is tested). The
/// marks are short fixed strings, which always build. Always a DFA (a
/// table of transitions): the builder's own choice falls back to a slower
/// automaton past a hundred or so marks, and these run over every
/// sentence.
pub(crate) fn case_blind(marks: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(marks)
        .expect("a few short fixed marks build an automaton")
}

/// A few short fixed marks, each with a vectorized finder
/// (`memchr::memmem`) built once: `str::contains` builds its searcher on
/// every call, and these tests run over every sentence.
pub(crate) struct Marks<const N: usize>([memchr::memmem::Finder<'static>; N]);

impl<const N: usize> Marks<N> {
    pub(crate) fn new(marks: [&'static str; N]) -> Self {
        Marks(marks.map(memchr::memmem::Finder::new))
    }

    /// Whether `text` holds any of the marks, case for case.
    pub(crate) fn any_in(&self, text: &str) -> bool {
        self.0.iter().any(|f| f.find(text.as_bytes()).is_some())
    }
}

/// One searcher for `marks` case for case, for text already lowercased: a
/// few marks keep the searcher's fast prefilter, which a case-blind
/// automaton ([`case_blind`]) gives up, stepping through every byte.
pub(crate) fn case_for_case(marks: &[&str]) -> AhoCorasick {
    AhoCorasick::new(marks).expect("a few short fixed marks build an automaton")
}

/// Connectives that can be dropped from the front of a sentence.
const CONNECTIVES: &[&str] = &[
    "in addition",
    "additionally",
    "also",
    "and",
    "but",
    "furthermore",
    "however",
    "meanwhile",
    "moreover",
    "so",
    "still",
    "then",
    "yet",
    "instead",
    "indeed",
];

/// Connectives dropped only with their comma.
const NEEDS_COMMA: &[&str] = &[
    "in addition",
    "instead",
    "however",
    "also",
    "still",
    "indeed",
];

/// Words after which "so" is the clause's own ("So far", "So did…").
const SO_GOES_ON: &[&str] = &[
    "far", "much", "many", "long", "called", "that", "too", "did", "does", "do", "is", "was",
    "are", "were", "will", "would", "can", "could", "has", "have", "had",
];

/// Words after which "then" is the clause's own ("Then came a break").
const THEN_GOES_ON: &[&str] = &[
    "came", "comes", "come", "went", "goes", "was", "were", "is", "are", "followed", "began",
];

/// Whether `text` opens with a word that starts a droppable connective: a
/// cheap test before working out a sentence's standing (`cohesion`), for callers that only need what a
/// repair saves (a capitalization changes no length).
pub fn opens_with_connective(text: &str) -> bool {
    // The first words of the connectives, split once (this test runs for
    // every sentence a selection weighs, many times over).
    static FIRST_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut words: Vec<&str> = CONNECTIVES
            .iter()
            .filter_map(|c| c.split(' ').next())
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    });
    let first = &text[..text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len())];
    FIRST_WORDS.iter().any(|w| w.eq_ignore_ascii_case(first))
}

/// Splits an opening connective (and the comma and spaces after it) from
/// `text`: the dropped words and the rest, or `None` when the sentence does
/// not open with one (quoted speech is never cut).
pub fn drop_connective(text: &str) -> Option<(&str, &str)> {
    let lower = text.to_lowercase();
    // Lowercasing may change byte lengths outside ASCII; only ASCII
    // openings are cut.
    if lower.len() != text.len() {
        return None;
    }
    let word = CONNECTIVES.iter().find(|c| {
        lower
            .strip_prefix(**c)
            .is_some_and(|rest| rest.starts_with([' ', ',']))
    })?;
    let after = &lower[word.len()..];
    // Without its comma the word starts another phrase ("In addition to
    // the fine…", "Instead of calling…", "However much he spins it…",
    // "Also aboard were…", "Still photos show…").
    if NEEDS_COMMA.contains(word) && !after.starts_with(',') {
        return None;
    }
    let next = after
        .trim_start_matches([',', ' '])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // "So far", "So did the senator", "Then came a break": the word belongs
    // to the clause.
    let keeps = match *word {
        "so" => SO_GOES_ON.contains(&next),
        "then" => THEN_GOES_ON.contains(&next),
        _ => false,
    };
    if keeps && !after.starts_with(',') {
        return None;
    }
    let rest = text[word.len()..].trim_start_matches([',', ' ']);
    // Nor one a dashed aside follows ("But – remarkably – cotton…"): the
    // rest would open on the dash.
    if rest.is_empty() || rest.starts_with(['"', '\u{201c}', '\'', '-', '\u{2013}', '\u{2014}']) {
        return None;
    }
    Some((&text[..text.len() - rest.len()], rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_with_their_punctuation_and_labels_do_not() {
        for sentence in [
            "Russia vetoed the resolution.",
            "Is it over?",
            "\"It was over,\" he said.",
            "Relations are at \"an all-time low.\"",
            "She got a nickname: \" big sis. \"",
            "The vote was close (51 to 49.)",
        ] {
            assert!(ends_like_a_sentence(sentence), "{sentence}");
        }
        for label in [
            "Footage from Comedy Central's Indecision 2000 coverage by The Daily Show (with Jon Stewart)",
            "Aaron Stark says he could have been a school shooter. \u{bb}",
            "She is still listed as missing on the attorney general's website",
            "Read \"The Report\"",
        ] {
            assert!(!ends_like_a_sentence(label), "{label}");
        }
        // The learned feature's reading: closing marks right after the
        // punctuation only.
        assert!(ends_like_a_sentence_unspaced(
            "Relations are at \"an all-time low.\""
        ));
        assert!(!ends_like_a_sentence_unspaced(
            "She got a nickname: \" big sis. \""
        ));
    }

    #[test]
    fn a_connective_is_not_dropped_before_quoted_words_or_a_dashed_aside() {
        assert_eq!(
            drop_connective("But, he said, it was over."),
            Some(("But, ", "he said, it was over."))
        );
        assert_eq!(drop_connective("But \"it was over.\""), None);
        assert_eq!(
            drop_connective("But \u{2013} remarkably \u{2013} he has not given up."),
            None
        );
        assert_eq!(
            drop_connective("Still -- and this is simple -- he won."),
            None
        );
    }

    #[test]
    fn a_word_that_starts_another_phrase_is_no_connective() {
        for text in [
            "In addition to recruiting voters, he raised money.",
            "Instead of calling her boyfriend, she called 911.",
            "However mr. Trump and his allies may spin the testimony, it hurt.",
            "Also aboard were two dogs.",
            "Still photos show the crowd.",
            "So far, 12 people have died.",
            "So did the senator.",
            "Then came a break in the case.",
        ] {
            assert_eq!(drop_connective(text), None, "{text}");
        }
        for (text, rest) in [
            (
                "In addition, the storm flooded roads.",
                "the storm flooded roads.",
            ),
            (
                "Instead, amazon let the shelter stay.",
                "amazon let the shelter stay.",
            ),
            (
                "However, new research says otherwise.",
                "new research says otherwise.",
            ),
            (
                "So investigators use another test.",
                "investigators use another test.",
            ),
            (
                "Then the auctioneer doubled it.",
                "the auctioneer doubled it.",
            ),
        ] {
            assert_eq!(drop_connective(text).map(|(_, r)| r), Some(rest), "{text}");
        }
    }

    #[test]
    fn openers_that_need_a_previous_sentence() {
        for s in [
            "He was ordered to pay $33.5 million.",
            "\"But he clearly wasn't counting on it.\"",
            "(It's over.)",
            "The move angered Moscow.",
            "In addition, three were hurt.",
            "Other items have attracted less attention.",
        ] {
            assert!(is_dangling(s), "{s}");
        }
        for s in [
            "Hezbollah fired rockets.",
            "Thence they walked.",
            "The movement grew.",
            "The two-day summit ended.",
            "Italy won.",
        ] {
            assert!(!is_dangling(s), "{s}");
        }
    }

    #[test]
    fn openers_are_found_in_any_case_and_odd_text_is_safe() {
        for s in [
            "BUT he left.",
            "However, it rained.",
            "THE MOVE angered Moscow.",
            "  (They won.)",
        ] {
            assert!(is_dangling(s), "{s}");
        }
        for s in [
            "",
            "\"",
            "İt rained.",
            "Théy won.",
            "Butter prices rose.",
            "The moves began.",
        ] {
            assert!(!is_dangling(s), "{s}");
        }
    }

    #[test]
    fn chrome_is_found_in_any_case() {
        assert!(is_chrome(
            "Like WTOP on Facebook and follow @WTOP on Twitter"
        ));
        assert!(is_chrome("Hide Caption 1 of 15 Photos: Shooting"));
        assert!(is_chrome("inspires you.pic.twitter.com/QRoOFTZfQ9"));
        assert!(!is_chrome("Tillerson met Lavrov in Moscow."));
    }
}
