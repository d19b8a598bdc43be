//! Sentence segmentation for news text.
//!
//! Crates surveyed: `sentencex` (rule-based, per-language abbreviation lists,
//! byte offsets) splits news right on U.S., Mr., Gen., Jan., initials and
//! quotes ending in `".`; `unicode-segmentation`'s UAX #29 sentence rules
//! break after every abbreviation; `punkt` needs nightly Rust. We use
//! `sentencex` and correct the errors it makes on news: an initialism glued
//! to a hyphenated word ("Russian-U.S. relations") is cut after its first
//! letter, a title or a clock time ("Ms. Pao", "5 p.m. Sunday") ends a
//! sentence, and a closed quotation runs into the next sentence when that
//! one opens in lower case (as in lowercased corpora), a word runs into an
//! opening quote ("war“While"), a page lost the space after a period
//! ("a bummer.harris tried…"), and an exclamation inside a sentence ends
//! it ("…clean your room! — and your child just refuses.", "tora! tora!
//! tora!", "hello! magazine"). We also trim the whitespace it leaves on
//! spans.

use crate::model::Span;
use crate::text::lexicon::is_speech_verb;

/// Splits text into sentence spans (byte offsets into the text, trimmed of
/// surrounding whitespace, never empty, in order, non-overlapping).
pub trait Segmenter: Send + Sync {
    /// The sentence spans of `text`.
    fn segment(&self, text: &str) -> Vec<Span>;
}

/// The default segmenter: `sentencex` English rules plus news repairs.
///
/// ```
/// use brief_core::text::{NewsSegmenter, Segmenter};
/// let text = "Mr. Tillerson met U.S. and U.N. officials. Russian-U.S. relations are poor.";
/// let spans = NewsSegmenter.segment(text);
/// assert_eq!(spans.len(), 2);
/// assert_eq!(&text[spans[1].range()], "Russian-U.S. relations are poor.");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct NewsSegmenter;

impl Segmenter for NewsSegmenter {
    fn segment(&self, text: &str) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        // Read only when a cut asks: most texts never need it.
        let lowercased_once = std::cell::OnceCell::new();
        let lowercased = || *lowercased_once.get_or_init(|| is_lowercased(text));
        for boundary in sentencex::get_sentence_boundaries("en", text) {
            let Some(span) = trim_span(text, boundary.start_byte, boundary.end_byte) else {
                continue;
            };
            if let Some(last) = spans.last_mut() {
                let (prev, next) = (&text[last.range()], &text[span.range()]);
                if (continues_initialism(prev, next)
                    || continues_after_abbreviation(prev, next, lowercased)
                    || continues_after_exclamation(prev, next, lowercased)
                    || goes_on_after_a_dash(prev, next))
                    && !text[last.end..span.start].contains('\n')
                {
                    last.end = span.end;
                    continue;
                }
            }
            spans.push(span);
        }
        if !is_hard_wrapped(text) {
            spans = spans
                .into_iter()
                .flat_map(|span| split_at_line_breaks(text, span))
                .collect();
        }
        let mut out = Vec::with_capacity(spans.len());
        // Whether a straight quotation is open where the next span starts:
        // a quotation may run over several sentences, never over a line.
        let mut open = false;
        let mut last_end = 0;
        for span in spans {
            if text[last_end..span.start].contains('\n') {
                open = false;
            }
            open = split_at_quote_boundaries(text, span, open, &mut out);
            last_end = span.end;
        }
        move_opening_quotes(text, &mut out);
        out
    }
}

/// Whether a straight quotation is open after the mark at byte `i` of
/// `s`, given whether one was open before it. A mark between a space and a
/// word (`weibo. "today is…`) opens, one between a word and a space closes;
/// a mark spaced out on both sides (`… uber. " by stepping…`) toggles.
fn straight_mark_opens(s: &str, i: usize, open: bool) -> bool {
    let space_before = s[..i].chars().next_back().is_none_or(char::is_whitespace);
    let space_after = s[i + 1..].chars().next().is_none_or(char::is_whitespace);
    match (space_before, space_after) {
        (true, false) => true,
        (false, true) => false,
        _ => !open,
    }
}

/// Moves an opening quotation mark that `sentencex` left at the end of a
/// sentence (`…love for uber. "` + `the company will…`, as text that
/// spaces its quotation marks out writes it) to the start of the
/// sentence it opens, on the same line. A straight mark opens when no
/// quotation is open before it in its paragraph; a curly one says so
/// itself. Left in place, the mark dangles after the full stop and the
/// next sentence's quotation has no opening.
fn move_opening_quotes(text: &str, spans: &mut [Span]) {
    let mut open = false;
    let mut last_end = 0;
    for k in 0..spans.len() {
        let span = spans[k];
        if text[last_end..span.start].contains('\n') {
            open = false;
        }
        last_end = span.end;
        let s = &text[span.range()];
        for (i, _) in s.match_indices('"') {
            open = straight_mark_opens(s, i, open);
        }
        let Some(next) = spans.get(k + 1) else {
            continue;
        };
        let last = s.chars().next_back();
        let opening = match last {
            Some('"') => open,
            Some('\u{201c}') => true,
            _ => false,
        };
        if !opening || text[span.end..next.start].contains('\n') {
            continue;
        }
        let mark = span.end - last.map_or(0, char::len_utf8);
        let before = &text[span.start..mark];
        if !before.ends_with(char::is_whitespace) || !before.trim_end().ends_with(['.', '!', '?']) {
            continue;
        }
        let Some(kept) = trim_span(text, span.start, mark) else {
            continue;
        };
        spans[k].end = kept.end;
        spans[k + 1].start = mark;
        last_end = kept.end;
        // A straight mark now opens the next span, where it is counted.
        if last == Some('"') {
            open = false;
        }
    }
}

/// Whether a line (trimmed) ends as a sentence or a clause does, so that
/// the next line may go on with the same sentence.
fn ends_like_sentence(line: &str) -> bool {
    line.trim_end().ends_with([
        '.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ')', ':', ';', ',',
    ])
}

/// Whether `text` is hard-wrapped prose (lines broken at a fixed width,
/// mid-sentence): at least four lines, none longer than [`WRAP_WIDTH`],
/// and a third of them or more ending without sentence punctuation. There
/// a line break is a space. A page's text has paragraphs on lines of
/// their own, some longer than any wrap width.
fn is_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 4 || lines.iter().any(|l| l.chars().count() > WRAP_WIDTH) {
        return false;
    }
    let open = lines.iter().filter(|l| !ends_like_sentence(l)).count();
    open * 3 >= lines.len()
}

/// Longest line of hard-wrapped text (terminals and mail wrap at 72–80).
const WRAP_WIDTH: usize = 90;

/// `span` split after every line inside it when the next line opens like
/// a sentence (a capital or a digit, after any quotation mark or bracket)
/// and the line does not end in a comma, colon or semicolon: outside
/// hard-wrapped text a line break ends a paragraph. Pages put captions,
/// labels, sub-headlines and tweet credits on lines of their own
/// ("[Photo/Agencies]", "Video", "— Muhammadu Buhari October 13, 2016"),
/// which `sentencex` joins to the sentence on the next line, as it joins a
/// quotation closed at a line's end (`…the national anthem.”`) to the next
/// paragraph. The pieces that fill their line without sentence punctuation
/// are left out of the body as unpunctuated lines.
fn split_at_line_breaks(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.range()];
    if !s.contains('\n') {
        return vec![span];
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in s.match_indices('\n') {
        let before = &s[start..i];
        let opens = s[i + 1..]
            .trim_start()
            .trim_start_matches(['"', '\u{201c}', '\'', '\u{2018}', '(', '['])
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let line = before.rsplit('\n').next().unwrap_or(before).trim_end();
        // A clause introducing what the next line says ("said:", "such
        // as,") goes on; anything else ends at the line break.
        let goes_on = line.ends_with([',', ':', ';']);
        if opens && !line.is_empty() && !goes_on {
            out.extend(trim_span(text, span.start + start, span.start + i));
            start = i + 1;
        }
    }
    out.extend(trim_span(text, span.start + start, span.end));
    out
}

/// Pushes the sentences of `span` onto `out`, split where `sentencex` ran
/// two sentences together at a quotation mark:
///
/// - a quotation closed after a full stop and followed by more words
///   (`…a step backwards. " tisei, a former state senator, is…`): text
///   lowercased but for sentence openings, as the truncated Multi-News
///   release is, gives `sentencex` no capital to split at;
/// - a word run into an opening curly quote and a capital (`…the
///   war\u{201c}While…`), where a page lost the space between paragraphs.
///
/// `open` says whether a straight quotation is open where the span starts;
/// the return value, whether one is open where it ends.
fn split_at_quote_boundaries(text: &str, span: Span, open: bool, out: &mut Vec<Span>) -> bool {
    let s = &text[span.range()];
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut open_straight = open;
    // Where quotation marks are spaced out on both sides, whether one
    // opens or closes is a guess: sentences `sentencex` ran together are
    // split only where no quotation is open, before the piece's first
    // double mark. (A single mark spaced out, "'hailey bennett, '", made
    // it run a whole paragraph into one sentence up to its next quote.)
    let unquoted_until = if open {
        0
    } else {
        let straight = memchr::memchr(b'"', bytes).unwrap_or(s.len());
        let curly = if memchr::memchr(0xE2, bytes).is_some() {
            s.find(['\u{201c}', '\u{201d}']).unwrap_or(s.len())
        } else {
            s.len()
        };
        straight.min(curly)
    };
    for (i, c) in s.char_indices() {
        let cut = match c {
            '"' => {
                open_straight = straight_mark_opens(s, i, open_straight);
                // Closing: a full stop right before (a space between, as
                // spaced-out text writes it), words after.
                let closes = !open_straight;
                let before = s[..i].trim_end_matches(' ');
                let stop = before.ends_with('.') && !before.ends_with("..");
                (closes && stop && i - before.len() <= 1)
                    .then_some(i + 1)
                    .filter(|&end| words_follow(&s[end..]))
            }
            '\u{201d}' => {
                let before = s[..i].trim_end_matches(' ');
                let stop = before.ends_with('.') && !before.ends_with("..");
                stop.then_some(i + c.len_utf8())
                    .filter(|&end| words_follow(&s[end..]))
            }
            '.' => {
                (glued_at(s, i) || (i < unquoted_until && missed_stop_at(s, i))).then_some(i + 1)
            }
            '\u{201c}' => {
                let glued = i > 0 && bytes[i - 1].is_ascii_alphabetic();
                let capital = s[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                (glued && capital).then_some(i)
            }
            _ => None,
        };
        if let Some(end) = cut {
            if let Some(piece) = trim_span(text, span.start + start, span.start + end) {
                out.push(piece);
            }
            start = end;
        }
    }
    if let Some(piece) = trim_span(text, span.start + start, span.end) {
        out.push(piece);
    }
    open_straight
}

/// Abbreviations that never end a sentence: a cut after one is a cut
/// inside it.
const NEVER_FINAL: &[&str] = &["approx.", "vs.", "e.g.", "i.e.", "cf.", "viz."];

/// Months as abbreviated before a day ("Dec. 3").
const MONTHS_ABBREVIATED: &[&str] = &[
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
];

/// Abbreviations a period ends within a sentence ("…in st. paul, minn.
/// Man charged…", "approx. 115,000 years", "jan. 8"), lowercase, beyond
/// the titles, company forms and name suffixes above.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "approx", "univ", "assn", "calif", "ariz", "mass", "miss", "conn", "tenn", "mich", "minn",
    "okla", "colo", "wash", "penn", "mont", "nebr", "wisc", "sept", "blvd", "bros", "profs",
    "capts", "sgts", "lieut", "comdr", "intl", "natl", "govt", "govs", "sens", "reps", "gens",
    "admin", "treas", "hosp", "cong", "subsp", "assoc", "mgmt", "dist", "depts", "hon", "mme",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "vol", "est", "etc", "var", "ave", "hwy", "fig", "ref",
    "ext", "dep", "ala", "ark", "cal", "del", "fla", "ind", "ill", "kan", "neb", "nev", "ore",
    "tex", "wis", "wyo", "vir", "spp", "ssp", "nos", "pts", "hrs", "mph", "min", "max", "pct",
    "gal", "lbs", "ozs", "yds", "sqm", "kms", "mts", "jnr", "snr", "esq", "lat", "lon",
];

/// Whether `word` (letters, no period) is an abbreviation that a period
/// ends within a sentence: one of [`TITLES`], [`COMPANY_FORMS`],
/// [`NAME_SUFFIXES`] or [`OTHER_ABBREVIATIONS`].
fn is_abbreviation(word: &str) -> bool {
    let dotted = |list: &[&str]| {
        list.iter().any(|a| {
            a.strip_suffix('.')
                .is_some_and(|a| a.eq_ignore_ascii_case(word))
        })
    };
    dotted(TITLES)
        || dotted(COMPANY_FORMS)
        || dotted(NAME_SUFFIXES)
        || OTHER_ABBREVIATIONS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
}

/// Whether the period at byte `i` of `s` ends a sentence that `sentencex`
/// ran into the next, outside any quotation: a word of three lowercase
/// letters or more (perhaps capitalized) or a number of two digits or more
/// before it, no abbreviation, then a space and a capitalized word or "A"
/// or "I" ("…at the age of 53. It is not…"). `sentencex` does not split inside
/// what it takes for a quotation, and a stray mark earlier in a paragraph
/// ("…first. \" amphlett died…", a closing mark it read as opening) makes
/// it take the rest of the paragraph for one.
fn missed_stop_at(s: &str, i: usize) -> bool {
    let after = &s.as_bytes()[i + 1..];
    // A capitalized word, or the words "A" and "I" ("…nbc news reported. A
    // spokeswoman told…").
    if !(after.len() >= 3
        && after[0] == b' '
        && after[1].is_ascii_uppercase()
        && (after[2].is_ascii_lowercase() || (matches!(after[1], b'A' | b'I') && after[2] == b' ')))
    {
        return false;
    }
    let before = &s[..i];
    // Not inside a parenthesis ("( worth noting: cantor didn't just
    // lose. He lost big. )").
    if before.matches('(').count() > before.matches(')').count() {
        return false;
    }
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[word_start..];
    let bytes = word.as_bytes();
    let number = bytes.len() >= 2 && bytes.iter().all(u8::is_ascii_digit);
    let lowercase_word = bytes.len() >= 3
        && bytes[1..].iter().all(u8::is_ascii_lowercase)
        && bytes[0].is_ascii_alphabetic()
        && !is_abbreviation(word);
    // The word must stand alone: not the end of "u.s" or of "e-mail".
    let standalone = before[..word_start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201c}'));
    (number || lowercase_word) && standalone
}

/// Endings after a period inside a word that make it a web address or a
/// file name, not two sentences ("cnn.com", "bit.ly", "report.pdf").
const ADDRESS_ENDINGS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "mil", "int", "info", "biz", "co", "uk", "us", "ca", "au",
    "de", "fr", "ly", "io", "tv", "me", "fm", "am", "html", "htm", "php", "asp", "aspx", "jsp",
    "cgi", "txt", "pdf", "jpg", "jpeg", "png", "gif", "mp3", "mp4", "mov", "doc", "docx", "xls",
    "xlsx", "csv", "json", "xml", "js", "exe", "zip",
];

/// Whether the period at byte `i` of `s` ends a sentence that a page ran
/// into the next with no space ("…a bummer.harris tried…", "…he
/// said.The telecast…"): a word of two letters or more before it, its last
/// letter lower case, a word of two letters or more after it, and nothing
/// that makes the whole a web address, an e-mail or a file name.
fn glued_at(s: &str, i: usize) -> bool {
    let before = &s[..i];
    let after = &s[i + 1..];
    let prev_len = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .count();
    let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    if prev_len < 2
        || !before.chars().next_back().is_some_and(char::is_lowercase)
        || next.chars().count() < 2
    {
        return false;
    }
    let token_start = before.rfind(char::is_whitespace).map_or(0, |k| k + 1);
    let token_end = after
        .find(char::is_whitespace)
        .map_or(s.len(), |k| i + 1 + k);
    let token = &s[token_start..token_end];
    let lower = next.to_lowercase();
    // A title or an abbreviation run into the next word ("Mr.Smith",
    // "vs.Jones") is no sentence end.
    let word_before = &before[before.len()
        - before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum::<usize>()..];
    let abbreviation = format!("{word_before}.");
    let titled = TITLES.iter().any(|t| t.eq_ignore_ascii_case(&abbreviation))
        || [
            "vs.", "etc.", "inc.", "co.", "corp.", "ltd.", "jr.", "sr.", "no.",
        ]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(&abbreviation));
    !(titled
        || token.contains(['/', '@', ':'])
        || token.to_lowercase().contains("www")
        || ADDRESS_ENDINGS.contains(&lower.as_str())
        || token[..i - token_start].contains('.')
        || token[i + 1 - token_start..]
            .trim_end_matches(['.', ',', ';', '"', ')', '\''])
            .contains('.'))
}

/// Whether `rest` (after a closing quotation mark) goes on with a sentence
/// of its own after a space, not with the quotation's attribution (`…the
/// end." he said`, `…" said the judge`, `…" the judge declared`: a verb of
/// saying among its first three words).
fn words_follow(rest: &str) -> bool {
    if !rest.starts_with(' ') {
        return false;
    }
    let rest = rest.trim_start();
    if !rest.chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    !is_attribution(rest)
}

/// Whether `rest` (after a closing quotation mark) attributes the quotation:
/// a verb of saying among its first three words, and at most three words
/// after it before a comma or the end ("he said.", "said the mayor, who…",
/// "one woman told reporters Tuesday."). A verb with a clause after it
/// opens a sentence of its own ("the caller said she was being
/// assaulted…", "crowl said martin had done the same").
fn is_attribution(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().take(12).collect();
    let key = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let Some(verb) = words.iter().take(3).position(|w| is_speech_verb(&key(w))) else {
        return false;
    };
    if words[verb].ends_with([',', '.']) {
        return true;
    }
    let after = &words[verb + 1..];
    match after
        .iter()
        .position(|w| w.ends_with([',', '.', ';', '?', '!']))
    {
        Some(k) => {
            let clause = after.first().is_some_and(|w| {
                matches!(
                    key(w).as_str(),
                    "that" | "he" | "she" | "they" | "it" | "i" | "we" | "you"
                )
            });
            k < 3 && !clause
        }
        None => after.len() < 3,
    }
}

/// `text[start..end]` without leading and trailing whitespace, or `None` if
/// nothing is left.
pub(crate) fn trim_span(text: &str, start: usize, end: usize) -> Option<Span> {
    let slice = text.get(start..end)?;
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(Span::new(start + lead, start + lead + trimmed.len()))
}

/// Whether a cut between `prev` and `next` split an initialism such as
/// "U.S." after its first letter: `prev` ends in a lone capital letter and a
/// period, and `next` starts with a capital letter and a period.
fn continues_initialism(prev: &str, next: &str) -> bool {
    let p = prev.as_bytes();
    let n = next.as_bytes();
    let prev_ok = p.len() >= 2
        && p[p.len() - 1] == b'.'
        && p[p.len() - 2].is_ascii_uppercase()
        && (p.len() == 2 || !p[p.len() - 3].is_ascii_alphanumeric());
    let next_ok = n.len() >= 2 && n[0].is_ascii_uppercase() && n[1] == b'.';
    prev_ok && next_ok
}

/// Titles that precede a name and never end a sentence.
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "St.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.",
    "Sgt.", "Capt.", "Cmdr.", "Adm.", "Prof.", "Rev.", "Mt.", "Ft.", "Pres.", "Supt.", "Det.",
    "Maj.", "Cpl.", "Pvt.", "Pfc.", "Spc.", "Insp.", "Atty.",
];

/// Words that follow a clock time in the same sentence ("5 p.m. Sunday",
/// "11 p.m. EST").
const AFTER_CLOCK_TIME: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "ET",
    "EST",
    "EDT",
    "CT",
    "CST",
    "CDT",
    "MT",
    "MST",
    "MDT",
    "PT",
    "PST",
    "PDT",
    "GMT",
    "BST",
    "UTC",
    "local",
    "Eastern",
    "Central",
    "Mountain",
    "Pacific",
];

/// Words that go on a sentence after an initialism ("the u.s. And russian
/// leaders", "9 a.m. To 5 p.m.") in a text that was lowercased and then
/// capitalized after every period: there the capital says nothing, and
/// these words rarely open a sentence.
const AFTER_INITIALISM_LOWERCASED: &[&str] = &["and", "or", "to", "until"];

/// A company's legal form, which closes its name ("officemax inc.",
/// "dow chemical co.") as often mid-sentence as at a sentence's end.
const COMPANY_FORMS: &[&str] = &["inc.", "corp.", "co.", "ltd.", "plc.", "llc.", "cos."];

/// Words that go on a sentence after a company's name in a lowercased
/// text ("officemax inc. And office depot inc. Are in talks…", "…at
/// nintendo co. And stole…"): a conjunction, or a verb the company is the
/// subject of.
const AFTER_COMPANY_LOWERCASED: &[&str] = &[
    "and",
    "or",
    "are",
    "is",
    "was",
    "were",
    "has",
    "have",
    "had",
    "said",
    "says",
    "will",
    "would",
    "to",
    "of",
    "for",
    "with",
    "by",
    "from",
    "which",
    "announced",
    "agreed",
];

/// A name's suffix ("donald trump jr.") or an abbreviated "department"
/// ("the l.a. county dept. Of children…"), which a sentence goes on from
/// as often as it ends there.
const NAME_SUFFIXES: &[&str] = &["jr.", "sr.", "dept."];

/// Words that go on a sentence after [`NAME_SUFFIXES`] in a lowercased
/// text, beyond [`AFTER_COMPANY_LOWERCASED`]: verbs the named person is
/// the subject of ("donald trump jr. Tweeted…", "…hopkins jr. Decided…").
/// A sentence seldom opens on a verb.
const AFTER_NAME_LOWERCASED: &[&str] = &[
    "tweeted",
    "told",
    "tells",
    "wrote",
    "writes",
    "speaks",
    "spoke",
    "added",
    "served",
    "lives",
    "lived",
    "liked",
    "decided",
    "apparently",
    "also",
    "who",
    "testified",
    "met",
    "became",
    "attended",
    "joined",
];

/// Initials of a country or body that news writes before a noun ("the u.s.
/// Military's northern command", "u.s. Defense secretary ash carter"), and
/// rarely at a sentence's end.
const NOUN_INITIALISMS: &[&str] = &["u.s.", "u.n.", "u.k."];

/// Words that open sentences: after one of [`NOUN_INITIALISMS`] in a
/// lowercased text, they start the next sentence ("…in the u.s. The
/// company…").
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "in",
    "on",
    "at",
    "for",
    "when",
    "while",
    "after",
    "before",
    "if",
    "as",
    "his",
    "her",
    "their",
    "its",
    "our",
    "what",
    "who",
    "how",
    "why",
    "some",
    "many",
    "most",
    "one",
    "now",
    "then",
    "so",
    "yet",
    "still",
    "also",
    "however",
    "meanwhile",
    "since",
    "according",
    "last",
    "earlier",
    "later",
    "during",
    "despite",
];

/// Words that go on a sentence after a clock time in such a text ("the 6
/// p.m. Time slot", "until 9 p.m. Local time").
const AFTER_CLOCK_TIME_LOWERCASED: &[&str] = &[
    "near", "outside", "hour", "show", "news", "newscast", "time", "slot", "deadline", "curfew",
    "today", "tonight",
];

/// Whether `text` was lowercased but for sentence openings, as the
/// truncated Multi-News release is ("the new york daily news reported
/// tuesday."): fewer than one word in a hundred is capitalized after a
/// word that does not end a sentence.
pub(crate) fn is_lowercased(text: &str) -> bool {
    // A word takes a byte and a separator another, so the text has at most
    // this many: once the capitals reach a hundredth of it, the answer is
    // no, and an article as written is decided in its first paragraphs.
    let most_words = text.len() / 2 + 1;
    let mut words = 0usize;
    let mut inner_capitals = 0usize;
    let mut decided = false;
    for_each_inner_capital(text, |inner| {
        words += 1;
        inner_capitals += usize::from(inner);
        decided = inner_capitals * 100 >= most_words;
        !decided
    });
    !decided && words >= 50 && inner_capitals * 100 < words
}

/// Calls `each` with, for each word of `text` in order, whether it is
/// capitalized after a word that does not end a sentence (what
/// [`is_lowercased`] counts), until `each` returns false.
///
/// Written byte by byte rather than with `split_whitespace` and `char`
/// tests per word ([`inner_capitals_of`], which gives the same answers):
/// an article that is lowercased is read to its end, once by the
/// segmenter and once by name recasing, and ASCII bytes (nearly all of
/// them) are decided without decoding a character.
fn for_each_inner_capital(text: &str, mut each: impl FnMut(bool) -> bool) {
    let bytes = text.as_bytes();
    let mut at = 0;
    let mut after_stop = true;
    let mut in_word = false;
    // Whether the word has shown a letter or digit yet, and whether its
    // first one is a capital.
    let mut seeking = false;
    let mut capital = false;
    let mut last = ' ';
    while at < bytes.len() {
        if in_word && !seeking {
            // Past a word's first letter only its end matters: printable
            // ASCII goes by without a test of its own.
            let start = at;
            while bytes.get(at).is_some_and(|&b| b > b' ' && b.is_ascii()) {
                at += 1;
            }
            if at > start {
                last = char::from(bytes[at - 1]);
            }
            if at >= bytes.len() {
                break;
            }
        }
        let byte = bytes[at];
        let (c, ascii) = if byte.is_ascii() {
            (char::from(byte), true)
        } else {
            match text[at..].chars().next() {
                Some(c) => (c, false),
                None => break,
            }
        };
        at += c.len_utf8();
        let space = if ascii {
            matches!(byte, b' ' | b'\t'..=b'\r')
        } else {
            c.is_whitespace()
        };
        if space {
            if in_word {
                in_word = false;
                let inner = capital && !after_stop;
                after_stop = matches!(last, '.' | '!' | '?' | '"' | '\u{201d}' | ':');
                if !each(inner) {
                    return;
                }
            }
            continue;
        }
        if !in_word {
            in_word = true;
            seeking = true;
            capital = false;
        }
        if seeking && c.is_alphanumeric() {
            seeking = false;
            capital = c.is_uppercase();
        }
        last = c;
    }
    if in_word {
        each(capital && !after_stop);
    }
}

/// For each word of `text`, whether it is capitalized after a word that
/// does not end a sentence: [`for_each_inner_capital`] as an iterator, the
/// plain statement its tests compare with.
#[cfg(test)]
fn inner_capitals_of(text: &str) -> impl Iterator<Item = bool> + '_ {
    let mut after_stop = true;
    text.split_whitespace().map(move |w| {
        let capital = w
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_uppercase);
        let inner = capital && !after_stop;
        after_stop = w.ends_with(['.', '!', '?', '"', '\u{201d}', ':']);
        inner
    })
}

/// Whether a cut between `prev` and `next` fell after a title ("Ms. Pao"),
/// after a clock time that the next words go on qualifying ("5 p.m.
/// Sunday", "9 a.m. Et" in a lowercased text), or, in a lowercased text,
/// after a company's legal form that the sentence goes on from
/// ("officemax inc. And office depot inc. Are…"): `sentencex` knows none
/// of these.
fn continues_after_abbreviation(prev: &str, next: &str, lowercased: impl Fn() -> bool) -> bool {
    let last_word = prev.rsplit(char::is_whitespace).next().unwrap_or(prev);
    let last_word = last_word.trim_start_matches(['(', '"', '\u{201c}']);
    // Any case: a release that lowercased its text writes "army spc. Alexis".
    // A title may be joined to "then-" or "ex-" ("then-sen. Barack obama"),
    // or to a word before a quotation opened with no space ("amphetamines
    // from'dr. Feelgood'").
    let title = last_word
        .rsplit(['-', '\'', '\u{2018}'])
        .next()
        .unwrap_or(last_word);
    if TITLES.iter().any(|t| t.eq_ignore_ascii_case(title)) {
        return true;
    }
    let clock = last_word.eq_ignore_ascii_case("a.m.") || last_word.eq_ignore_ascii_case("p.m.");
    let next_word = next
        .split(|c: char| c.is_whitespace() || c == ',' || c == ')')
        .next()
        .unwrap_or("");
    let listed = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(next_word));
    let initialism = last_word.len() >= 4
        && last_word
            .as_bytes()
            .chunks(2)
            .all(|c| c.len() == 2 && c[0].is_ascii_alphabetic() && c[1] == b'.');
    let before_noun = NOUN_INITIALISMS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(last_word));
    let company = COMPANY_FORMS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(last_word));
    // "approx. 52-42 thousand years", "Roe vs. Wade", "…something, e.g.
    // a wedding": these never end a sentence. Nor does a month before its
    // day ("on Dec. 3").
    let never_final = NEVER_FINAL
        .iter()
        .any(|w| w.eq_ignore_ascii_case(last_word));
    let month_before_day = MONTHS_ABBREVIATED
        .iter()
        .any(|w| w.eq_ignore_ascii_case(last_word))
        && next_word.starts_with(|c: char| c.is_ascii_digit());
    never_final
        || month_before_day
        || (clock
            && (after_clock_time(next_word)
                || (goes_on_after_clock_time(prev, next) && lowercased())))
        || (company && listed(AFTER_COMPANY_LOWERCASED) && lowercased())
        || (NAME_SUFFIXES
            .iter()
            .any(|w| w.eq_ignore_ascii_case(last_word))
            && (listed(AFTER_COMPANY_LOWERCASED) || listed(AFTER_NAME_LOWERCASED))
            && lowercased())
        || (initialism && listed(AFTER_INITIALISM_LOWERCASED) && lowercased())
        || (before_noun
            && next_word.starts_with(char::is_alphabetic)
            && !listed(SENTENCE_OPENERS)
            && lowercased())
}

/// Whether `next_word`, its closing punctuation aside ("…4 a.m.
/// Sunday."), goes on qualifying the clock time before it.
fn after_clock_time(next_word: &str) -> bool {
    let word = next_word.trim_end_matches(['.', '!', '?', ';', ':']);
    AFTER_CLOCK_TIME
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether, in a lowercased text, the sentence goes on after the clock
/// time that ends `prev`: with a word that qualifies it ("…6 p.m. Time
/// slot", "…9 p.m. Washington time"), with a preposition that places the
/// time ("…8: 30 p.m. On june 19", "…2 a.m. At their apartment"), or
/// where the time qualifies a noun ("a 3: 30 p.m. Meeting"). Capitalized
/// after every period, the text cannot say; an unneeded cut leaves a
/// fragment ("On an unspecified amount of bail."), a missed one two
/// whole sentences as one.
fn goes_on_after_clock_time(prev: &str, next: &str) -> bool {
    let mut next_words = next
        .split(|c: char| c.is_whitespace() || c == ',' || c == ')')
        .filter(|w| !w.is_empty());
    let first = next_words.next().unwrap_or("");
    let listed = |list: &[&str], word: &str| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    if listed(AFTER_CLOCK_TIME_LOWERCASED, first)
        || listed(PLACING_A_CLOCK_TIME, first)
        || next_words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("time"))
    {
        return true;
    }
    // The word before the time's digits ("a 3: 30 p.m.", "the 10 p.m.").
    let before_time = prev
        .split_whitespace()
        .rev()
        .skip(1)
        .find(|w| !w.starts_with(|c: char| c.is_ascii_digit()));
    before_time.is_some_and(|w| listed(DETERMINERS, w))
}

/// Prepositions that go on a sentence after a clock time in a lowercased
/// text ("…around 7 a.m. On friday, hitting her…").
const PLACING_A_CLOCK_TIME: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "from",
    "with",
    "following",
    "inside",
    "until",
    "as",
    "when",
];

/// Words before a clock time that make it qualify the noun after it.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "this", "each", "every",
];

/// Whether a cut after an exclamation mark fell inside a name that ends
/// in one ("a destination on Yahoo!, try visiting the Yahoo! home page",
/// "Yahoo!'s online services"): the next piece opens in lower case, which
/// a sentence after an exclamation does not. Text lowercased but for
/// sentence openings (the truncated Multi-News release) does not
/// capitalize after an exclamation either ("wow! the crowd…"), so there
/// only the names known to end in one continue.
fn continues_after_exclamation(prev: &str, next: &str, lowercased: impl Fn() -> bool) -> bool {
    const NAMES: &[&str] = &[
        "yahoo!",
        "jeopardy!",
        "e!",
        "wham!",
        "oklahoma!",
        "airplane!",
    ];
    let Some(before) = prev.trim_end_matches('\'').strip_suffix('!') else {
        return false;
    };
    if !next.starts_with(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    if !lowercased() {
        return true;
    }
    let last_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // A title that repeats its word ("tora! tora! tora!"), to its last
    // repetition.
    let word_mark = format!("{last_word}!");
    let repeated = !last_word.is_empty()
        && (next
            .get(..word_mark.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(&word_mark))
            || before
                .trim_end_matches(|c: char| c.is_alphanumeric())
                .trim_end()
                .to_ascii_lowercase()
                .ends_with(&word_mark.to_ascii_lowercase()));
    // The magazine, not the greeting ("hello! i work in…").
    let magazine = last_word.eq_ignore_ascii_case("hello") && next.starts_with("magazine");
    repeated
        || magazine
        || NAMES
            .iter()
            .any(|n| n[..n.len() - 1].eq_ignore_ascii_case(last_word))
}

/// Whether `next` goes on with the sentence an exclamation or a question
/// set off by dashes interrupted ("You tell your child to do something —
/// clean your room! — and your child just refuses."): it opens on a dash
/// and a lowercase word.
fn goes_on_after_a_dash(prev: &str, next: &str) -> bool {
    prev.trim_end().ends_with(['!', '?'])
        && next
            .strip_prefix(['\u{2014}', '\u{2013}'])
            .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_lowercase()))
}

/// The first sentence of a summary-like text, without a leading dash
/// (Multi-News references open "– Rex Tillerson met..."): the sentence
/// that states the news.
pub fn opening_sentence(text: &str) -> &str {
    let text = text
        .trim_start()
        .trim_start_matches(['–', '—', '-'])
        .trim_start();
    let first_line = text.lines().next().unwrap_or("");
    NewsSegmenter
        .segment(first_line)
        .first()
        .map_or(first_line, |s| &first_line[s.range()])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        NewsSegmenter
            .segment(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn sentences_run_together_outside_quotations_are_split() {
        let text = "Williams sang the song of a diva who gave us her hit \"to remind women to \
                    put their health first. \" amphlett died in 2013, the end of an era. The \
                    video is not williams ' first music video. She died at the age of 53. It \
                    was her hit. \
                    Researchers found that fathers with daughters use different language, \
                    compared to fathers with sons. In addition, their brains'responses to \
                    their tots ' pictures differed.";
        let sentences = split(text);
        assert!(sentences.contains(&"It was her hit."), "{sentences:#?}");
        assert!(
            sentences
                .iter()
                .any(|s| s.starts_with("In addition, their brains")),
            "{sentences:#?}"
        );
        assert!(
            sentences.contains(&"The video is not williams ' first music video."),
            "{sentences:#?}"
        );
        // Abbreviations, quotations and parentheses stay whole.
        for text in [
            "The talks were led by sens. Lisa murkowski of alaska and susan collins.",
            "The bill, signed by gov. Jerry brown on jan. 8, takes effect on monday.",
            "A man from st. paul, minn. Man charged with fraud.",
            "\" we speak dutch. It's the best language in all of europe, \" a voiceover says.",
            "( worth noting: cantor didn't just lose. He lost big. )",
        ] {
            assert_eq!(split(text).len(), 1, "{:#?}", split(text));
        }
    }

    #[test]
    fn a_spaced_out_single_mark_does_not_run_a_paragraph_together() {
        // The spaced-out mark after "bennett," reads as one that opens a
        // quotation to the next single mark; the sentences before the
        // paragraph's first double mark are split all the same, and "A"
        // opens one.
        let text = "The video tells the story of a fictitious character, 12-year-old \
                    'hailey bennett, ' played by jessica. It ends with a caption. School \
                    officials said thursday they will wipe the suspension, nbc news \
                    reported. A spokeswoman told nbc news the district cannot comment. \
                    Jessica posted the video on may 15. She was suspended for five days. \
                    \"i was baffled. I couldn't even describe it, \" she said. 'i started \
                    hysterically crying.";
        let sentences = split(text);
        for expected in [
            "It ends with a caption.",
            "A spokeswoman told nbc news the district cannot comment.",
            "Jessica posted the video on may 15.",
        ] {
            assert!(sentences.contains(&expected), "{expected}: {sentences:#?}");
        }
        // From the double mark on, whether a quotation is open is a guess,
        // and the rest stays whole.
        assert!(
            sentences
                .last()
                .is_some_and(|s| s.starts_with("She was suspended")
                    && s.contains("\"i was baffled. I couldn't")),
            "{sentences:#?}"
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s = split(
            "Gen. Mattis spoke on Jan. 5 in Washington. Mr. Lavrov said the U.N. vote failed. It ended.",
        );
        assert_eq!(
            s,
            [
                "Gen. Mattis spoke on Jan. 5 in Washington.",
                "Mr. Lavrov said the U.N. vote failed.",
                "It ended."
            ]
        );
    }

    #[test]
    fn abbreviations_that_never_end_a_sentence_do_not_end_one() {
        for (text, expected) in [
            (
                "Their age was estimated at approx. 52-42 thousand years. It is the oldest find.",
                &[
                    "Their age was estimated at approx. 52-42 thousand years.",
                    "It is the oldest find.",
                ][..],
            ),
            (
                "We say it when we finish something, e.g. At the end of a meal. It means thanks.",
                &[
                    "We say it when we finish something, e.g. At the end of a meal.",
                    "It means thanks.",
                ],
            ),
            (
                "The case was Roe vs. Wade. It was decided in 1973.",
                &["The case was Roe vs. Wade.", "It was decided in 1973."],
            ),
            (
                "She was declared brain dead on dec. 3. The family spoke on friday.",
                &[
                    "She was declared brain dead on dec. 3.",
                    "The family spoke on friday.",
                ],
            ),
            // A month that ends a sentence still ends it.
            (
                "He was kicked off a flight in Dec. The airline apologized.",
                &[
                    "He was kicked off a flight in Dec.",
                    "The airline apologized.",
                ],
            ),
        ] {
            assert_eq!(split(text), expected, "{text}");
        }
    }

    #[test]
    fn an_opening_quotation_mark_left_at_a_full_stop_opens_the_next_sentence() {
        // Spaced-out marks, as the truncated Multi-News release writes them
        // (which also cuts articles off mid-sentence).
        let s = split(
            "It was a boost. She lost to barack obama eight years ago. \" to south carolina, to the volunteers at the heart of our campaign, to the",
        );
        assert_eq!(
            s,
            [
                "It was a boost.",
                "She lost to barack obama eight years ago.",
                "\" to south carolina, to the volunteers at the heart of our campaign, to the"
            ]
        );
        let s = split(
            "Their fears were finally confirmed on friday when his girlfriend made a post on weibo. \"today is december",
        );
        assert_eq!(
            s,
            [
                "Their fears were finally confirmed on friday when his girlfriend made a post on weibo.",
                "\"today is december"
            ]
        );
        // A mark that closes a quotation stays where it is.
        let s = split("He called it a \"sordid affair. \" Then he left.");
        assert_eq!(s, ["He called it a \"sordid affair. \"", "Then he left."]);
        let s =
            split("She wrote: \u{201c}Stop. \u{201d} It ended. \u{201c}Again,\u{201d} she said.");
        assert!(s.iter().all(|x| !x.ends_with('\u{201c}')), "{s:?}");
    }

    #[test]
    fn a_name_ending_in_an_exclamation_mark_does_not_end_a_sentence() {
        let s = split("If you're having trouble locating a destination on yahoo!, try visiting the yahoo! home page or look through a list of yahoo!'s online services. Also, try searching below.");
        assert_eq!(
            s,
            [
                "If you're having trouble locating a destination on yahoo!, try visiting the yahoo! home page or look through a list of yahoo!'s online services.",
                "Also, try searching below."
            ]
        );
        let s = split("It was over! The crowd went home.");
        assert_eq!(s, ["It was over!", "The crowd went home."]);
        let s = split("You tell your child to do something \u{2014} clean your room! \u{2014} and your child just refuses. It goes on.");
        assert_eq!(
            s,
            [
                "You tell your child to do something \u{2014} clean your room! \u{2014} and your child just refuses.",
                "It goes on."
            ]
        );
        // Lowercased text (50 words or more, capitals only after stops)
        // does not capitalize after an exclamation: only known names go on.
        let filler =
            "The fans of the band waited in the rain for hours outside the arena in the city. "
                .repeat(3);
        let text =
            format!("{filler}It was over! the crowd went home. It was on yahoo! news first.");
        let s = split(&text);
        assert_eq!(
            &s[s.len() - 3..],
            [
                "It was over!",
                "the crowd went home.",
                "It was on yahoo! news first."
            ]
        );
        let text = format!(
            "{filler}She told hello! magazine that she has no plans to marry. I caught trace elements of tora! tora! tora! in it. It was over! the end."
        );
        let s = split(&text);
        assert_eq!(
            &s[s.len() - 4..],
            [
                "She told hello! magazine that she has no plans to marry.",
                "I caught trace elements of tora! tora! tora! in it.",
                "It was over!",
                "the end."
            ]
        );
    }

    #[test]
    fn hyphenated_initialism_is_repaired() {
        let s = split("The state of Russian-U.S. relations is poor. Putin said so.");
        assert_eq!(
            s,
            [
                "The state of Russian-U.S. relations is poor.",
                "Putin said so."
            ]
        );
    }

    #[test]
    fn titles_and_clock_times_do_not_end_sentences() {
        let s = split("A jury rejected all of Ms. Pao's claims. Protesters sat down at 5 p.m. Sunday and waited. He died at 9:56 p.m. His body was moved.");
        assert_eq!(
            s,
            [
                "A jury rejected all of Ms. Pao's claims.",
                "Protesters sat down at 5 p.m. Sunday and waited.",
                "He died at 9:56 p.m.",
                "His body was moved."
            ]
        );
        // Ranks, and titles in a text that was lowercased.
        let s = split("Charges were filed against army spc. Alexis Hutchinson. She was charged with four violations.");
        assert_eq!(
            s,
            [
                "Charges were filed against army spc. Alexis Hutchinson.",
                "She was charged with four violations."
            ]
        );
        // A title glued to the word before a quotation it opens.
        let s = split("Amphetamines from'dr. Feelgood' kept him going. She wondered why.");
        assert_eq!(
            s,
            [
                "Amphetamines from'dr. Feelgood' kept him going.",
                "She wondered why."
            ]
        );
    }

    /// [`is_lowercased`] as defined, reading every word.
    fn lowercased_by_every_word(text: &str) -> bool {
        let words = inner_capitals_of(text).count();
        let inner = inner_capitals_of(text).filter(|&inner| inner).count();
        words >= 50 && inner * 100 < words
    }

    proptest::proptest! {
        /// The byte-by-byte reading gives the words' answers in order, on
        /// any text (spaces and letters outside ASCII included).
        #[test]
        fn reading_byte_by_byte_gives_each_words_answer(
            text in "([a-zA-Z.!?:\"'(\u{201c}\u{201d}\u{e9}\u{c9}\u{3a3}\u{3c3}\u{a0}\u{2009}\u{3000}\u{85}\u{b}\u{1f} \t\n\r0-9-]){0,80}",
        ) {
            let mut read = Vec::new();
            for_each_inner_capital(&text, |inner| {
                read.push(inner);
                true
            });
            let expected: Vec<bool> = inner_capitals_of(&text).collect();
            proptest::prop_assert_eq!(read, expected);
        }

        /// Texts around the one-in-a-hundred line: few capitalized words,
        /// some after a sentence's end (which do not count).
        #[test]
        fn deciding_lowercase_early_gives_the_answer_of_every_word(
            words in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "the", "said", "russia", "u.s.", "putin.", "moscow", "a", "\"no,\"",
                        "talks", "mr.", "(ap)", "tuesday.", "x",
                    ]),
                    proptest::bool::weighted(0.012),
                    proptest::sample::select(vec![" ", "  ", "\n", " \n\n "]),
                ),
                0..400,
            ),
        ) {
            let mut text = String::new();
            for (word, capital, space) in &words {
                if *capital {
                    // Capitalize the first letter (after a quote mark).
                    let lead = word.find(char::is_alphanumeric).unwrap_or(0);
                    text.push_str(&word[..lead]);
                    text.push_str(&word[lead..=lead].to_uppercase());
                    text.push_str(&word[lead + 1..]);
                } else {
                    text.push_str(word);
                }
                text.push_str(space);
            }
            proptest::prop_assert_eq!(is_lowercased(&text), lowercased_by_every_word(&text));
        }
    }

    #[test]
    fn a_lowercased_text_goes_on_after_initialisms_and_clock_times() {
        let lowercased = "President donald trump is scheduled to speak with russian president vladimir putin on tuesday for the first time since declaring relations between washington and moscow at an all-time low. The white house said the u.s. And russian leaders will speak on the phone at 12: 30 p.m. Et on tuesday. The cable channel will hand its 6 p.m. Time slot to the rev. Al sharpton, who has hosted it for the last three weeks. She would head a u.s. Combatant command, u.s. Defense secretary ash carter said. She lives in the u.s. The move is new.";
        let s = split(lowercased);
        assert_eq!(s.len(), 6, "{s:?}");
        let titled = split("She conceded the 2008 race to then-sen. Barack obama. Then she left.");
        assert_eq!(titled.len(), 2, "{titled:?}");
        assert_eq!(s[4], "She lives in the u.s.");
        // Cased text keeps the capital's word: "And" opens a sentence there.
        let s = split(
            "The meeting ended at 6 p.m. And then the talks began again on Monday in Geneva.",
        );
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn a_clock_time_keeps_its_day_place_and_noun() {
        // Lowercased but for sentence openings, as the truncated
        // Multi-News release is.
        let lowercased = "Police said the truck carrying the gold bars left miami about 4 a.m. Sunday. A resident of the village called police at around 8: 30 p.m. On june 19, claiming about 40 guests did not want to pay. Staffers assembled for a 3: 30 p.m. Meeting to hear about further layoffs at the paper. The couple got into a fight about 1 a.m. At their apartment off spring valley drive. The show airs at 6 a.m. London time on weekdays. He was pronounced dead at 12: 02 p.m. Police said there was no sign of foul play in the house on the hill.";
        let s = split(lowercased);
        assert_eq!(s.len(), 7, "{s:?}");
        assert!(s[0].ends_with("4 a.m. Sunday."), "{s:?}");
        assert!(s[1].contains("8: 30 p.m. On june 19, claiming"), "{s:?}");
        assert!(s[2].contains("p.m. Meeting to hear"), "{s:?}");
        assert!(s[3].contains("1 a.m. At their apartment"), "{s:?}");
        assert!(s[4].contains("6 a.m. London time"), "{s:?}");
        // Cased text says where a sentence starts.
        let s = split(
            "He died at 9:56 p.m. On Monday, the police named him. He left at 4 a.m. Sunday.",
        );
        assert_eq!(
            s,
            [
                "He died at 9:56 p.m.",
                "On Monday, the police named him.",
                "He left at 4 a.m. Sunday."
            ]
        );
    }

    #[test]
    fn a_lowercased_text_goes_on_after_a_companys_legal_form() {
        let lowercased = "Officemax inc. And office depot inc. Are in advanced talks to merge, people familiar with the matter said on sunday. The deal would combine the two companies behind office depot and officemax. Lulzsec attacked computer networks at nintendo co. And stole data on more than 70,000 potential contestants. It leads rivals like staples inc. The deal is expected to be stock-for-stock, according to analysts who follow the retailers.";
        let s = split(lowercased);
        assert_eq!(s.len(), 5, "{s:?}");
        assert!(
            s[0].starts_with("Officemax inc. And office depot inc. Are"),
            "{s:?}"
        );
        assert_eq!(s[3], "It leads rivals like staples inc.");
    }

    #[test]
    fn a_lowercased_text_goes_on_after_a_name_suffix_or_dept() {
        let lowercased = "The suspect, fred t. Hopkins jr. Of florence, is the only one in custody, police said on tuesday. Donald trump jr. Tweeted about the meeting with the russian lawyer a day later. The case went to the l.a. County dept. Of children and family services in january. The paper's publisher is arthur sulzberger jr. The company said so in a statement to the press.";
        let s = split(lowercased);
        assert_eq!(s.len(), 5, "{s:?}");
        assert!(s[0].contains("Hopkins jr. Of florence, is"), "{s:?}");
        assert!(s[1].contains("jr. Tweeted"), "{s:?}");
        assert!(s[2].contains("dept. Of children"), "{s:?}");
        assert_eq!(s[3], "The paper's publisher is arthur sulzberger jr.");
    }

    #[test]
    fn ellipsis_inside_quote_does_not_split() {
        let s = split(
            "But, he added, \"I see them using gas...we have to do something\". Then he left.",
        );
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn a_line_break_ends_a_sentence_outside_hard_wrapped_text() {
        // A label, a sub-headline and a caption on lines of their own.
        let s = split("[Photo/Agencies]\nTrade and North Korea have been two constants in the tweets of the US president since he took office.\nVideo\nLast month, North Korea fired a missile.");
        assert_eq!(
            s,
            [
                "[Photo/Agencies]",
                "Trade and North Korea have been two constants in the tweets of the US president since he took office.",
                "Video",
                "Last month, North Korea fired a missile."
            ]
        );
        // A quotation closed at the end of a paragraph.
        let s = split("\u{201c}I\u{2019}ll miss the players.\u{201d}\nArians said he told the players Sunday.");
        assert_eq!(s.len(), 2, "{s:?}");
        // A clause introducing the next line goes on.
        let s = split("Shehu said:\n\"The release of the girls is the outcome of talks.\"");
        assert_eq!(s.len(), 1, "{s:?}");
    }

    #[test]
    fn hard_wrapped_lines_are_one_sentence() {
        let text = "An influential lawmaker from the governing Labor\nParty on Saturday backed Spanish requests to question former\nChilean dictator Gen. Augusto Pinochet, in London for back surgery,\non allegations of genocide and terrorism.\nShe spoke to the BBC in London on Saturday.";
        assert_eq!(split(text).len(), 2, "{:?}", split(text));
    }

    #[test]
    fn a_closed_quotation_and_the_next_sentence_run_together_are_split() {
        // Lowercased text gives no capital to split at.
        let s = split("\"it wasn't a good idea. \" tisei, a former state senator, ran. \"we lost. \" the end came.");
        assert_eq!(
            s,
            [
                "\"it wasn't a good idea. \"",
                "tisei, a former state senator, ran.",
                "\"we lost. \"",
                "the end came."
            ]
        );
        // A verb of saying with a clause after it opens a sentence.
        let s = split("\"it was late. \" the caller said she was being assaulted.");
        assert_eq!(s.len(), 2, "{s:?}");
        // A quotation opened in an earlier sentence closes in a later one.
        let s =
            split("\"it's not subtle. A message, i think. It was a threat. \" photos: jail time.");
        assert_eq!(s.last().copied(), Some("photos: jail time."));
        // A word run into an opening curly quote and a capital.
        let s = split("Nobody won the war\u{201c}While we wait, we hope.\u{201d} He left.");
        assert_eq!(
            s,
            [
                "Nobody won the war",
                "\u{201c}While we wait, we hope.\u{201d}",
                "He left."
            ]
        );
    }

    #[test]
    fn sentences_run_together_at_a_period_are_split() {
        assert_eq!(
            split("It was, in a word, a bummer.harris tried to bring up the energy."),
            [
                "It was, in a word, a bummer.",
                "harris tried to bring up the energy."
            ]
        );
        assert_eq!(
            split("We could not be happier, he said.The telecast ran long."),
            [
                "We could not be happier, he said.",
                "The telecast ran long."
            ]
        );
        for text in [
            "Read it at cnn.com today.",
            "See www.example.org/news for more.",
            "Write to tips@example.com now.",
            "The file report.pdf leaked.",
            "Prices rose 3.5 percent in the U.S. last year.",
            "He lives at no.10 Downing Street.",
            "Visit news.yahoo.com for details.",
            "A letter from Mr.Smith arrived.",
            "It was Smith vs.Jones in court.",
        ] {
            assert_eq!(split(text), [text]);
        }
    }

    #[test]
    fn a_quotation_and_its_attribution_stay_together() {
        for text in [
            "\"We will win.\" he said.",
            "\"We will win. \" said the mayor.",
            "\"We will win. \" the mayor told reporters.",
            "\"Who was at risk? \" he asked.",
            "\"We will win. \" he said of the race, smiling.",
            "\"We will win. \" said the mayor",
        ] {
            assert_eq!(split(text), [text]);
        }
    }

    #[test]
    fn spans_are_trimmed_and_nonempty() {
        let text = "  First one.  \n\n  Second one.  ";
        for span in NewsSegmenter.segment(text) {
            let t = &text[span.range()];
            assert_eq!(t, t.trim());
            assert!(!t.is_empty());
        }
    }
}
