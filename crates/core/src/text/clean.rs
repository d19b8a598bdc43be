//! News-aware cleaning: which segments are article body, and which are
//! headline, byline, captions, link lists or other page residue that a
//! summary must never quote.
//!
//! Rules are deliberately conservative: a false "residue" loses a real
//! sentence, so each rule matches a shape that body prose does not take.

use super::asides::without_page_pointer_asides;
use super::cues::Marks;
use super::lexicon::is_place;
use serde::{Deserialize, Serialize};

/// What a segment of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// A sentence of the article body.
    Body,
    /// The headline line.
    Headline,
    /// Byline, list residue, caption, credit, link or section head.
    Residue,
}

const BULLETS: &[char] = &['•', '·', '▪', '●', '◦', '■', '►', '*'];

const RESIDUE_PREFIXES: &[&str] = &[
    "image copyright",
    "image caption",
    "photo:",
    "photos:",
    "photo by",
    "photograph:",
    "picture:",
    "caption:",
    "click here",
    "related:",
    "related coverage",
    "read more",
    "read the full",
    // A page's prompts ("Find out more.", "Learn more about our
    // newsletters"), and the sign-up page's "Just one more thing..."
    // before its verification notice.
    "find out more",
    "learn more",
    "just one more thing...",
    // A reader's comment under its label ("Posted by: insurance | sep 7,
    // 2010 4: 58: 43 am i could see this…").
    "posted by:",
    // A syndicated copy's pointer home ("Read the original article on
    // Business Insider.") and a credit line ("Author: Carsten Grün / uhe").
    "read the original article",
    "author:",
    "authors:",
    "more:",
    "watch:",
    "video:",
    "gallery:",
    "follow us",
    "follow @",
    "sign up",
    "subscribe",
    "advertisement",
    "share this",
    "share on",
    "(photo",
    "(ap photo",
    "(reuters",
    "copyright ",
    "©",
    "all rights reserved",
    "reporting by",
    "editing by",
    "additional reporting",
    "writing by",
    "compiled by",
    "this story has been",
    "this article was",
    "contributing:",
    "email:",
    "e-mail:",
    // Wire-photo captions ("FILE - In this Aug. 15, 2014 file photo, ...").
    "file -",
    "file photo",
    // Page furniture of news sites and video players.
    "story highlights",
    "story continued below",
    "dow jones reprints",
    "to order presentation-ready",
    "looking for news you can trust",
    "get push notifications",
    "read or share this story",
    "tweet with a location",
    "you can add location information",
    "the interactive transcript",
    "rating is available when",
    "this feature is not available",
    "please try again later",
    "you must enter the characters",
    "embed more news videos",
    "media playback is unsupported",
    "just watched",
    "must watch",
    "close skip",
    "click for more",
    "for more from",
    "the goal is to fix all broken links",
    "let us know in the comments",
    "notice you must log in",
    "check out the video",
    "watch the video above",
    "watch the video below",
    // The page speaking of its own layout ("Below is the live blog of the
    // event.", "Watch it yourself, below."): the thing pointed at is not in
    // a summary. ("Scroll down for video" and "Listen to article 3: 23" are
    // labels that [`page_label_len`] cuts off the sentence they run into.)
    "below is ",
    "below are ",
    "below, ",
    "below:",
    "above:",
    "scroll to continue",
    "watch it yourself",
    "watch it (",
    "watch it:",
    "watch the full",
    "watch the clip",
    "watch below",
    "watch above",
    "see below",
    "see above",
    "listen to the audio",
    "listen:",
    "here is the video",
    "here's the video",
    "in the video above",
    "in the video below",
    "in the clip above",
    "in the clip below",
    "in the above video",
    "in the below video",
];

const RESIDUE_CONTAINS: &[&str] = &[
    "getty images",
    "ap photo/",
    "(ap photo",
    "/ap photo",
    "afp/getty",
    "reuters/",
    "photo credit",
    "can be reached at",
    "contributed to this story",
    "click here",
    "all rights reserved",
    "our privacy policy",
    "terms of service",
    "cookie",
    "javascript",
    "your browser",
    "newsletter",
    // Wire-photo credits and caption markers inside a segment.
    "file photo",
    "(photo:",
    "photograph:",
    "/reuters",
    "| reuters",
    "/ reuters",
    "/ getty",
    "afp/",
    "/afp",
    "/invision",
    "staff photographer",
    "image caption",
    "media caption",
    // Credits and reprint notes.
    "contributed to this report",
    "contributed to this story",
    "contributed reporting",
    "originally published",
    "originally appeared",
    "originally ran in",
    "this version corrects",
    "non-commercial use",
    "continue reading the main story",
    "thanks for subscribing",
    "privacy policy",
    "a post shared by",
    // TV stations' sign-in box ("Sign in using you account with: { *
    // loginwidget * } sign in using your wsoc profile welcome back.").
    "loginwidget",
    // ABC News' topic button ("Add mexico as an interest to stay up to date
    // on the latest mexico news, video, and analysis from abc news").
    "as an interest to stay up to date",
    "on twitter @",
    "on twitter at @",
    "twitter: @",
    "share tweet",
    "please enable",
    "you are redirected",
    // Site notes about links and the site's own service.
    "not responsible for the content of external",
    "external links are provided",
    "chat with us in",
    "what's happening in the world as it unfolds",
    // A publisher on itself and its readers' comments ("We hope you find
    // the site and the journalism we produce useful", "…you will still see
    // non-personalized ads on our site", "…or leave a comment of your own
    // see what other readers have to say…").
    "empowering our readers",
    "before your comments can be posted",
    "the journalism we",
    "personalized ads",
    "in the comments below",
    "a bit about ourselves",
    "by using this website",
    "by accessing this website",
    "thanks for visiting our",
    "free archives of stories",
    "_taboola",
    // The Internet Archive notice that web-crawled news corpora carry.
    "internet archive",
    "wayback machine",
    "these crawls",
    "the version that was live",
    "archived pages",
    "no more 404",
    "you can change these settings",
    // A journal article's author notes.
    "these authors contributed equally",
    "present addresses:",
    "the email address you provided",
    // A sentence that points at the page around it ("…just watch above.",
    // "See what the contestants guessed in the video below."): a reader of
    // the summary has no "above" or "below". An aside that points ("(see
    // below)") is cut from a sentence that still reports
    // ([`crate::text::asides`]); so are "pictured above" and "embedded
    // below" left in place.
    "watch above",
    "watch below",
    "the video above",
    "the video below",
    "the clip above",
    "the clip below",
    "the below video",
    "the below audio",
    "the below clip",
    "the above video",
    "the above clip",
    "video shown here",
    "scroll to continue",
    "can be seen below",
    "can be seen above",
    "can see above",
    "can see below",
    "the chart above",
    "the chart below",
    "the graph above",
    "the graph below",
    "written below",
    "listen above",
    "listen below",
    // A commentary's disclaimer and its author's note ("The opinions
    // expressed in this commentary are his.", "Stephen Mihm, a professor
    // of history, is a contributor to Bloomberg View.").
    "expressed in this commentary",
    "expressed in this column",
    "expressed in this article",
    "expressed in this op-ed",
    "solely those of the author",
    "is a contributor to",
    "is a regular contributor",
    "is a senior writer at",
    // A newsroom asking its readers for something ("We want to hear what
    // you think about this article.", "Send us photos, video or eyewitness
    // reports.", "Contact CNN via WhatsApp at…", "Stick with CNN Politics
    // as we sort through…").
    "we want to hear what you",
    "we want to hear how you",
    "send us your",
    "send us photos",
    "contact us at",
    "let us know what you",
    "please email us",
    "tell us what stories",
    "contact cnn",
    "via whatsapp at",
    "stick with cnn",
    // "AP's earlier story is below.", "The ad in Spanish is above."
    "is above.",
    "is below.",
    "are above.",
    "are below.",
    "is above:",
    "is below:",
    "are above:",
    "are below:",
];

/// [`RESIDUE_PREFIXES`] by first byte, so a segment is compared with the
/// few prefixes that start like it.
static RESIDUE_PREFIXES_BY_BYTE: std::sync::LazyLock<Vec<Vec<&'static str>>> =
    std::sync::LazyLock::new(|| by_first_byte(RESIDUE_PREFIXES));

/// The non-empty strings of `list` in 256 buckets by first byte, each in
/// `list`'s order.
pub(crate) fn by_first_byte(list: &[&'static str]) -> Vec<Vec<&'static str>> {
    let mut table = vec![Vec::new(); 256];
    for s in list {
        if let Some(&first) = s.as_bytes().first() {
            table[usize::from(first)].push(*s);
        }
    }
    table
}

/// Whether `lower` starts with one of [`RESIDUE_PREFIXES`] (none is empty).
fn has_residue_prefix(lower: &str) -> bool {
    lower.as_bytes().first().is_some_and(|&first| {
        RESIDUE_PREFIXES_BY_BYTE[usize::from(first)]
            .iter()
            .any(|p| lower.starts_with(p))
    })
}

/// [`RESIDUE_CONTAINS`] as one automaton (a DFA), so a segment is scanned
/// once instead of once per phrase (classification runs on every sentence
/// of every document).
static RESIDUE_CONTAINS_SET: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(RESIDUE_CONTAINS)
            .expect("fixed residue phrases build an automaton")
    });

/// Classifies one segment (a sentence or a line) of an article body.
///
/// ```
/// use brief_core::text::clean::{classify, SegmentKind};
/// assert_eq!(classify("• Leroy Wright"), SegmentKind::Residue);
/// assert_eq!(classify("Image copyright Getty Images"), SegmentKind::Residue);
/// assert_eq!(classify("By JOHN SMITH, Associated Press"), SegmentKind::Residue);
/// assert_eq!(classify("— ICRC Africa (@ICRC_Africa) October 13, 2016"), SegmentKind::Residue);
/// assert_eq!(classify("Lavrov met Tillerson in Moscow."), SegmentKind::Body);
/// ```
pub fn classify(segment: &str) -> SegmentKind {
    let s = segment.trim();
    if s.is_empty() {
        return SegmentKind::Residue;
    }
    // The tests below read at most the first thirteen words (a length
    // test past twelve only asks whether there are more), so only those
    // are split off, without allocating.
    let mut first_words = [""; 13];
    let mut count = 0;
    for (slot, w) in first_words.iter_mut().zip(s.split_whitespace()) {
        *slot = w;
        count += 1;
    }
    let words = &first_words[..count];
    // An aside in which the page points at itself ("(watch below)") is cut
    // from the sentence before it is judged (`asides`).
    let lower = without_page_pointer_asides(s).to_lowercase();

    if s.starts_with(BULLETS) && words.len() <= 8 {
        return SegmentKind::Residue;
    }
    // A wire story's rule ("___ This story has been corrected…") leads
    // into a note of the page's own.
    let after_rule = lower.trim_start_matches(['_', ' ']);
    if has_residue_prefix(&lower)
        || (after_rule.len() < lower.len() && has_residue_prefix(after_rule))
        || RESIDUE_CONTAINS_SET.is_match(&lower)
    {
        return SegmentKind::Residue;
    }
    if is_control_label_and_fragment(&lower) {
        return SegmentKind::Residue;
    }
    // A list's introduction with its first number run in ("Here's what
    // you need to know about blackwell: 1."): what it introduces is the
    // list, which a summary does not quote whole.
    if (words.len() <= 8 && has_a_rule(s)) || points_at_a_link(&lower) || lower.ends_with(": 1.") {
        return SegmentKind::Residue;
    }
    if is_byline(words)
        || is_section_head(s, words)
        || is_link_or_handle(s, &lower)
        || is_slide_caption(words)
        || is_social_plug(&lower)
        || is_post_credit(s)
        || is_title_case_label(s, words)
        || words.first() == Some(&"CLOSE")
    {
        return SegmentKind::Residue;
    }
    SegmentKind::Body
}

/// Whether a lowercased sentence is a page control's label with less than
/// a sentence after it ("Scroll down for video kate's treasured love
/// token..."): [`page_label_len`] cuts such a label only from a sentence
/// of five words or more, and the rest is a headline's fragment.
fn is_control_label_and_fragment(lower: &str) -> bool {
    const CONTROLS: &[&str] = &[
        "scroll down for video ",
        "see more videos ",
        "view images ",
        "view slideshow ",
        "view gallery ",
        "view photo gallery ",
        "watch the report ",
        "share your thoughts ",
        "previous next ",
    ];
    CONTROLS.iter().any(|c| {
        lower
            .strip_prefix(c)
            .is_some_and(|rest| rest.split_whitespace().nth(4).is_none())
    })
}

/// Whether a lowercased sentence ends by pointing at a link ("To read a
/// digital version of the magazine, go here.", "Audio of the call is
/// available here.", "…read my detailed analysis here."): "here" closes
/// it, and a verb of reading, watching or finding comes within the eight
/// words before. A place ("…a speech to Liberty University here.", "…what
/// happened here.") has no such verb.
fn points_at_a_link(lower: &str) -> bool {
    const LINK_VERBS: &[&str] = &[
        "read",
        "go",
        "download",
        "watch",
        "listen",
        "see",
        "found",
        "available",
        "shown",
        "sort",
        "install",
        "check",
        "view",
        "click",
        "visit",
    ];
    let Some(before) = lower
        .trim_end()
        .trim_end_matches(['.', '!', ':', ')', '"', '\u{201d}', ' '])
        .strip_suffix("here")
    else {
        return false;
    };
    // "…where the league goes from here." looks ahead, not at a link.
    if before.ends_with(|c: char| c.is_alphanumeric()) || before.ends_with("from ") {
        return false;
    }
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .any(|w| LINK_VERBS.contains(&w))
}

/// Whether a segment holds a typed rule: three underscores or five
/// hyphens in a row, as wire stories set off live-update stamps ("(
/// Associated Press ) ___ 12: 30 p.m.") and forms their fields; a
/// censored word ("f --- ing") has fewer.
fn has_a_rule(s: &str) -> bool {
    s.contains("___") || s.contains("-----")
}

/// A short run of capitalized words with no sentence punctuation at the
/// end: a site's name, a menu entry or a footer ("Yahoo! - ABC News
/// Network"), not a sentence.
fn is_title_case_label(s: &str, words: &[&str]) -> bool {
    words.len() <= 8
        && !s.ends_with(['.', '?', '"', '\u{201d}', '\'', '\u{2019}', ')', ':'])
        && words.iter().all(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// The credit line of an embedded post: a dash, the account's name and
/// handle, the date ("— ICRC Africa (@ICRC_Africa) October 13, 2016").
fn is_post_credit(s: &str) -> bool {
    s.starts_with(['\u{2014}', '\u{2013}', '-'])
        && s.split_whitespace()
            .any(|w| w.trim_start_matches('(').starts_with('@') && w.len() > 2)
}

/// A slideshow caption numbered "3/18 ...".
fn is_slide_caption(words: &[&str]) -> bool {
    words.first().is_some_and(|w| {
        w.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        })
    })
}

/// "Follow Jane Doe on Twitter", "Reach Jane at ... and on Twitter".
fn is_social_plug(lower: &str) -> bool {
    (lower.starts_with("follow ") || lower.starts_with("reach ") || lower.starts_with("like us"))
        && ["twitter", "facebook", "instagram", "@"]
            .iter()
            .any(|n| lower.contains(n))
}

/// "By Jane Doe", "By JOHN SMITH, Associated Press", "By Jane Doe and Joe Roe | CNN".
fn is_byline(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    if !first.eq_ignore_ascii_case("by") || words.len() > 12 || words.len() < 2 {
        return false;
    }
    let ends_sentence = words
        .last()
        .is_some_and(|w| w.ends_with('.') && !w.ends_with(".."));
    let capitalized = words[1..]
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    capitalized * 2 >= words.len() - 1 && !(ends_sentence && words.len() > 6)
}

/// An ALL-CAPS heading of a few words with no sentence punctuation (an
/// ellipsis may trail it).
fn is_section_head(s: &str, words: &[&str]) -> bool {
    // A head may trail off into its section ("FOR HAMILTON TO WIN THE
    // TITLE..."); a full stop ends a sentence.
    let trails_off = s.ends_with("...") || s.ends_with('\u{2026}');
    if words.len() > 10 || (s.ends_with(['.', '"', '\u{201d}']) && !trails_off) {
        return false;
    }
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 3
}

/// A bare URL, an e-mail address or a social-media handle line.
fn is_link_or_handle(s: &str, lower: &str) -> bool {
    // Lowercasing keeps these ASCII marks, so a segment without them in
    // `lower` has no link word either (most segments: one vectorized
    // search each, with finders built once).
    static MARKS: std::sync::LazyLock<Marks<2>> =
        std::sync::LazyLock::new(|| Marks::new(["http", "www."]));
    if !(MARKS.any_in(lower) || lower.contains('@')) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= 3 {
        return true;
    }
    let linkish = words
        .iter()
        .filter(|w| w.contains("http") || w.contains("www.") || w.starts_with('@'))
        .count();
    linkish * 3 >= words.len().max(1) && linkish > 0
}

/// Length in bytes of a dateline that opens an article's first sentence
/// ("LOS ANGELES (Reuters) - ", "MOSCOW (AP) _ ", "WASHINGTON — "), or 0.
///
/// ```
/// use brief_core::text::clean::dateline_len;
/// let s = "LOS ANGELES (Reuters) - Stocks fell.";
/// assert_eq!(&s[dateline_len(s)..], "Stocks fell.");
/// assert_eq!(dateline_len("Stocks fell."), 0);
/// ```
pub fn dateline_len(sentence: &str) -> usize {
    let agency = agency_dateline_len(sentence);
    if agency > 0 {
        return agency;
    }
    let place_state = place_state_dateline_len(sentence);
    if place_state > 0 {
        return place_state;
    }
    let dated = dated_place_dateline_len(sentence);
    if dated > 0 {
        return dated;
    }
    // The dateline is a run of upper-case words (a place, maybe with a
    // comma and a state), an optional "(Agency)", then a dash-like separator.
    let bytes = sentence.as_bytes();
    let mut i = 0;
    let mut saw_place = false;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_uppercase() || c == b'.' || c == b',' || c == b'\'' || c == b' ' {
            if c.is_ascii_uppercase() {
                saw_place = true;
            }
            i += 1;
        } else {
            break;
        }
    }
    if !saw_place || i < 3 {
        return 0;
    }
    let mut j = i;
    // Optional "(Reuters)" / "(AP)" / "(CNN)" group.
    if bytes.get(j) == Some(&b'(') {
        match sentence[j..].find(')') {
            Some(close) if close <= 40 => j += close + 1,
            _ => return 0,
        }
    }
    let trimmed = sentence[j..].trim_start();
    for sep in [">>", "--", "-", "_", "\u{2014}", "\u{2013}", ":"] {
        if let Some(after) = trimmed.strip_prefix(sep) {
            // A hyphen between two words is a compound ("A U.S.-Australian
            // team", "U.S.-China talks"), not a separator.
            let sep_at = sentence.len() - trimmed.len();
            let glued_before = sentence[..sep_at]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace());
            if sep == "-" && glued_before && !after.starts_with(char::is_whitespace) {
                return 0;
            }
            let body = after.trim_start();
            // The place must be mostly capitals and the body must go on.
            let place = sentence[..i].trim();
            let upper = place.chars().filter(|c| c.is_ascii_uppercase()).count();
            let lower = place.chars().filter(|c| c.is_ascii_lowercase()).count();
            if upper >= 2 && lower == 0 && !body.is_empty() {
                return sentence.len() - body.len();
            }
            return 0;
        }
    }
    0
}

/// "SYCAMORE, Ill. --A man ...", "BUENOS AIRES, Argentina _ The ...": an
/// upper-case place, a comma, a state or country of at most three
/// capitalized words, then a dash-like separator (with or without a space
/// after it).
fn place_state_dateline_len(sentence: &str) -> usize {
    let Some(comma) = sentence.get(..40).unwrap_or(sentence).find(',') else {
        return 0;
    };
    let place = &sentence[..comma];
    let upper = place.chars().filter(|c| c.is_uppercase()).count();
    if upper < 2 || place.chars().any(char::is_lowercase) {
        return 0;
    }
    let rest = &sentence[comma + 1..];
    for sep in ["--", " - ", " _ ", "\u{2014}", "\u{2013}"] {
        let Some(at) = rest.find(sep) else { continue };
        let state = rest[..at].trim();
        let words: Vec<&str> = state.split_whitespace().collect();
        let state_ok = !words.is_empty()
            && words.len() <= 3
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let body = rest[at + sep.len()..].trim_start();
        if state_ok
            && body
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '"')
        {
            return sentence.len() - body.len();
        }
    }
    0
}

/// News agencies whose name in parentheses marks a dateline.
/// News agencies and broadcasters that sign datelines, lowercase: "(AP)",
/// "( associated press )", "(CNN)".
const AGENCIES: &[&str] = &[
    "abc",
    "abc news",
    "afp",
    "ap",
    "associated press",
    "bloomberg",
    "cbs",
    "cbs news",
    "cbs/ap",
    "cbs4",
    "cbs sf",
    "cbs dc",
    "cbsla.com",
    "cbsmiami",
    "cbsnewyork",
    "cbsnewyork/ap",
    "cnn",
    "cnnmoney",
    "marketwatch",
    "reuters health",
    "thestreet",
    "dpa",
    "healthday news",
    "nbc",
    "nbc news",
    "reuters",
    "the associated press",
    "upi",
    "xinhua",
];

/// Length in bytes of a page's publication note opening a sentence ("(
/// published friday, july 17, 2015 ) police in somersworth…"), or 0; the
/// sentence must go on after it.
///
/// ```
/// use brief_core::text::clean::publication_note_len;
/// let s = "( published friday, july 17, 2015 ) police said no.";
/// assert_eq!(&s[publication_note_len(s)..], "police said no.");
/// assert_eq!(publication_note_len("(published) no"), 0);
/// ```
pub fn publication_note_len(sentence: &str) -> usize {
    let Some(inner) = sentence.strip_prefix('(') else {
        return 0;
    };
    let inner = inner.trim_start();
    if !inner
        .get(..10)
        .is_some_and(|w| w.eq_ignore_ascii_case("published "))
    {
        return 0;
    }
    let Some(close) = sentence.get(..80).unwrap_or(sentence).find(')') else {
        return 0;
    };
    len_before_body(sentence, sentence[close + 1..].trim_start(), 1)
}

/// Length in bytes of a dash or bullet that opens a sentence as a list's
/// ("— Portions of the mine hit by the explosion were not treated…", "-
/// two men are under arrest…", "• one in two babies…", "· sowerby's beaked
/// whale was…"), or 0; four words
/// or more must follow. A dash glued to a digit is a minus sign ("-5
/// degrees").
///
/// ```
/// use brief_core::text::clean::bullet_dash_len;
/// let s = "\u{2014} portions of the mine were not treated with rock dust.";
/// assert_eq!(&s[bullet_dash_len(s)..], "portions of the mine were not treated with rock dust.");
/// assert_eq!(bullet_dash_len("-5 degrees is the low tonight in the city."), 0);
/// let b = "\u{2022} one in two babies in america is born to an unwed mother.";
/// assert_eq!(&b[bullet_dash_len(b)..], "one in two babies in america is born to an unwed mother.");
/// let m = "\u{b7} sowerby's beaked whale was the first beaked whale described.";
/// assert_eq!(&m[bullet_dash_len(m)..], "sowerby's beaked whale was the first beaked whale described.");
/// ```
pub fn bullet_dash_len(sentence: &str) -> usize {
    // A list's bullets, but not "*", which also marks a note or an
    // emphasis ("*correction").
    let rest = sentence.trim_start_matches(|c: char| {
        matches!(c, '-' | '\u{2014}' | '\u{2013}') || (c != '*' && BULLETS.contains(&c))
    });
    if rest.len() == sentence.len() {
        return 0;
    }
    let body = rest.trim_start();
    let glued_digit = body.len() == rest.len() && body.starts_with(|c: char| c.is_ascii_digit());
    // "– and some other dancers…" goes on a sentence a split cut: no list.
    let first_word = body.split_whitespace().next().unwrap_or("");
    if ["and", "or", "but", "nor"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(first_word))
    {
        return 0;
    }
    let opens = body
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '\u{201c}');
    if glued_digit || !opens {
        return 0;
    }
    len_before_body(sentence, body, 4)
}

/// Length in bytes of a group in parentheses that opens a sentence before
/// its body, with any dash after it, or 0: a station's or a service's
/// label ("( kprc ) united airlines issued…", "( healthday ) — a little
/// jogging…"), a picture's credit ("( rj sangosti, the denver post )
/// centennial — authorities began…"), a dateline ("( johannesburg ) – the
/// zimbabwe government…", "( may 18 ) -- the health hazards…"), a list's
/// number ("(1) The first …"), or a whole aside the segmenter left in
/// front of the next sentence ("( the firm maintains it was invited in by
/// cai's mother. ) she also took to yelp…"). A sentence's own words do not
/// open with a parenthesis. The group closes within
/// [`OPENING_ASIDE_BYTES`] and holds no other group, and at least four
/// words of body follow. An agency's photo caption ("( sept. 8 ) ap this
/// satellite image shows…") is left whole, for selection to know it. A
/// group in square brackets is taken when it is a link's label ("[ latest:
/// fbi official andrew mccabe asks… ] the fbi office…", "[ also: … ]"):
/// an editor's bracketed words ("[The officer] was…") are the sentence's
/// own.
///
/// ```
/// use brief_core::text::clean::opening_parenthetical_len;
/// let s = "( kprc ) united airlines issued an apology tuesday.";
/// assert_eq!(&s[opening_parenthetical_len(s)..], "united airlines issued an apology tuesday.");
/// let d = "( johannesburg ) \u{2013} the zimbabwe government is threatening to deny food aid.";
/// assert_eq!(&d[opening_parenthetical_len(d)..], "the zimbabwe government is threatening to deny food aid.");
/// let a = "( the firm maintains it was invited in. ) she also took to yelp to warn others.";
/// assert_eq!(&a[opening_parenthetical_len(a)..], "she also took to yelp to warn others.");
/// let l = "[ latest: fbi official asks not to be fired ] the fbi office has recommended firing him.";
/// assert_eq!(&l[opening_parenthetical_len(l)..], "the fbi office has recommended firing him.");
/// let g = "[ gallery \u{2014} spaceshiptwo makes first glide flight ] to begin, the plane was lifted to high altitude.";
/// assert_eq!(&g[opening_parenthetical_len(g)..], "to begin, the plane was lifted to high altitude.");
/// assert_eq!(opening_parenthetical_len("[The officer] was found dead at the scene on monday."), 0);
/// assert_eq!(opening_parenthetical_len("(This story has been updated.)"), 0);
/// assert_eq!(opening_parenthetical_len("( sept. 8 ) ap this satellite image shows hurricane irma."), 0);
/// ```
pub fn opening_parenthetical_len(sentence: &str) -> usize {
    let (inner, opener, closer) = match sentence.strip_prefix('(') {
        Some(inner) => (inner, '(', ')'),
        None => match sentence.strip_prefix('[') {
            Some(inner) => (inner, '[', ']'),
            None => return 0,
        },
    };
    let head = &inner[..floor_char_boundary(inner, OPENING_ASIDE_BYTES)];
    let Some(close) = head.find(closer) else {
        return 0;
    };
    let group = &inner[..close];
    if group.trim().is_empty() || group.contains(opener) {
        return 0;
    }
    if opener == '[' && !is_link_label(group) {
        return 0;
    }
    let after = inner[close + 1..].trim_start();
    let body = after_label_separator(after).unwrap_or(after);
    let opens = body
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '\u{201c}');
    if !opens || is_agency_caption(group, body) {
        return 0;
    }
    len_before_body(sentence, body, 4)
}

/// Whether a bracketed group is a link's label: a colon ends one of its
/// first two words ("latest:", "see also:"), or a dash follows a gallery's
/// or a video's label ("gallery \u{2014} spaceshiptwo makes first glide
/// flight").
fn is_link_label(group: &str) -> bool {
    let mut words = group.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let labelled = |w: &str| w.len() > 1 && w.ends_with(':');
    let dashed = matches!(second, "\u{2014}" | "\u{2013}" | "-" | "--")
        && ["gallery", "video", "photos", "slideshow", "watch"]
            .iter()
            .any(|label| first.eq_ignore_ascii_case(label));
    dashed || labelled(first) || labelled(second)
}

/// What follows the dash or colon a page sets between a label or dateline
/// in parentheses and the body ("( ap ) — a clandestine grave…"), spaces
/// after it skipped; `None` when `text` opens with none.
fn after_label_separator(text: &str) -> Option<&str> {
    ["--", "-", "_", "\u{2014}", "\u{2013}", ":"]
        .iter()
        .find_map(|sep| text.strip_prefix(sep))
        .map(str::trim_start)
}

/// Whether `place` is a dateline's place and day ("Cairo, april 15",
/// "Taipei, feb. 5", "Berlin, october 7, 2018"): at most three words
/// opening on a capital, a comma, a month's name and the day, maybe the
/// year.
fn is_dated_place(place: &str) -> bool {
    let Some((name, date)) = place.trim().split_once(", ") else {
        return false;
    };
    // The day first: it rejects nearly every sentence's opening.
    let mut words = date.split_whitespace();
    let dated = match (words.next(), words.next(), words.next(), words.next()) {
        (Some(month), Some(day), None, None) => is_written_month_day(month, day),
        (Some(month), Some(day), Some(year), None) => is_written_month_day_year(month, day, year),
        _ => false,
    };
    if !dated {
        return false;
    }
    // A clause is no place ("Officials said, may 5 …", "On monday, …").
    let clause_word = |w: &str| {
        let key = w.to_lowercase();
        super::lexicon::is_speech_verb(&key)
            || super::calendar::is_calendar_name(&key)
            || [
                "the", "a", "an", "on", "in", "at", "by", "of", "and", "since", "until",
            ]
            .contains(&key.as_str())
    };
    let name_words = name.split_whitespace().count();
    (1..=MAX_PLACE_WORDS).contains(&name_words)
        && name.starts_with(|c: char| c.is_uppercase())
        && !name.contains(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | '"'))
        && !name.split_whitespace().any(clause_word)
}

/// Most words of a dated dateline's place ("Kuala lumpur").
const MAX_PLACE_WORDS: usize = 3;

/// Whether a group in parentheses after a dated place may be the agency
/// that signs the dateline ("( yonhap )", "( ians/aki )", "( cna )"): one
/// or two words of letters, maybe joined by a slash.
fn is_agency_like(inside: &str) -> bool {
    let words = inside.split_whitespace().count();
    (1..=2).contains(&words)
        && inside.len() <= 24
        && !super::calendar::is_calendar_name(inside)
        && inside
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '/' | '-' | '.' | '&'))
}

/// Length in bytes of a dateline of a place and a day before a dash or a
/// colon ("Rome, march 16 — the world happiness report…", "New delhi, may
/// 28: national level shooter…"), or 0.
fn dated_place_dateline_len(sentence: &str) -> usize {
    let head = &sentence[..floor_char_boundary(sentence, DATED_PLACE_BYTES)];
    // The first separator after the day ("Winston-Salem, may 3 —").
    let Some(sep_at) = head
        .match_indices(['\u{2014}', '\u{2013}', '-', ':'])
        .map(|(at, _)| at)
        .find(|&at| is_dated_place(&sentence[..at]))
    else {
        return 0;
    };
    let Some(body) = after_label_separator(&sentence[sep_at..]) else {
        return 0;
    };
    let opens = body
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '\u{201c}');
    if opens {
        sentence.len() - body.len()
    } else {
        0
    }
}

/// How far into a sentence a dated dateline's separator may stand.
const DATED_PLACE_BYTES: usize = 48;

/// How far into a sentence an opening group in parentheses may close.
const OPENING_ASIDE_BYTES: usize = 300;

/// Whether a group in parentheses that dates a picture and the agency's
/// name after it open a photo caption ("( sept. 8 ) ap this satellite
/// image shows…").
pub fn is_agency_caption(group: &str, body: &str) -> bool {
    let mut words = group.split_whitespace();
    let month = words
        .next()
        .map(|w| w.trim_end_matches('.').to_ascii_lowercase());
    let day = words.next();
    month.is_some_and(|m| super::calendar::is_month_name(&m))
        && day.is_some_and(|d| d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()))
        && words.next().is_none()
        && body
            .split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("ap"))
}

/// The whitespace-separated words of `text`, each with the byte offset
/// where it starts (a word is a slice of `text`).
fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Where `body`, the end of `sentence` after a note or label a page put
/// before it, starts in `sentence`, when it goes on for at least
/// `min_words` words; otherwise 0 (the sentence is left whole).
fn len_before_body(sentence: &str, body: &str, min_words: usize) -> usize {
    debug_assert!(sentence.ends_with(body));
    if body
        .split_whitespace()
        .nth(min_words.saturating_sub(1))
        .is_some()
    {
        sentence.len() - body.len()
    } else {
        0
    }
}

/// Length in bytes of a page's headline run into its article's first
/// sentence, told by the article repeating it, or 0:
/// - the headline twice over ("Lana del rey target of kidnapping plot lana
///   del rey target of kidnapping plot lana del rey is lucky…"): both
///   copies, and a "breaking news" label after them;
/// - the article opening with the headline's first four words ("More than
///   half of asian americans with diabetes are undiagnosed new statistics
///   also show… more than half of asian americans and nearly half…"): all
///   before the article.
///
/// The key grows past four words until two of them are content words ("the
/// president of the" recurs in prose), and at least eight words of article
/// go on after the cut.
///
/// ```
/// use brief_core::text::clean::repeated_headline_len;
/// let s = "Lana del rey target of kidnapping plot lana del rey target of kidnapping plot lana del rey is lucky orlando cops jumped on the case.";
/// assert_eq!(&s[repeated_headline_len(s)..], "lana del rey is lucky orlando cops jumped on the case.");
/// ```
pub fn repeated_headline_len(sentence: &str) -> usize {
    const KEY: usize = 4;
    const ARTICLE_WORDS: usize = 8;
    let words: Vec<(usize, &str)> = words_with_offsets(sentence).take(80).collect();
    let same = |a: usize, b: usize| words[a].1.eq_ignore_ascii_case(words[b].1);
    let n = words.len();
    if n < 2 * KEY + ARTICLE_WORDS {
        return 0;
    }
    // The key grows past four words until two of them are content words:
    // "the president of the" recurs in prose.
    let stop = crate::text::StopWords::default();
    let mut content = 0;
    let Some(key) = (0..KEY + 3).find(|&i| {
        content += usize::from(!stop.contains(&words[i].1.to_lowercase()));
        i + 1 >= KEY && content >= 2
    }) else {
        return 0;
    };
    let key = key + 1;
    let article_from = |at: usize| -> usize {
        // A label between the headline and the article.
        let at = if at + 2 < n
            && words[at].1.eq_ignore_ascii_case("breaking")
            && words[at + 1].1.eq_ignore_ascii_case("news")
        {
            at + 2
        } else {
            at
        };
        if n - at >= ARTICLE_WORDS {
            words[at].0
        } else {
            0
        }
    };
    // Twice over: the shortest headline whose words repeat at once.
    if let Some(k) = (key..=n / 2).find(|&k| (0..k).all(|i| same(i, k + i))) {
        return article_from(2 * k);
    }
    (key..n.saturating_sub(key))
        .find(|&j| (0..key).all(|i| same(i, j + i)))
        .map_or(0, article_from)
}

/// Length in bytes of a page's stamp of when it was posted and updated,
/// with its source and byline ("Nov. 29, 2018, 1: 40 am gmt / updated nov.
/// 29, 2018, 1: 52 am gmt by phil mccausland for weeks, student veterans…",
/// "… gmt / source: reuters one of kiev's…"), or 0; at least five words of
/// article must follow.
///
/// ```
/// use brief_core::text::clean::updated_stamp_len;
/// let s = "March 3, 2016, 3: 10 am gmt / updated march 3, 2016, 7: 32 am gmt by phil helsel this treasure almost ended up in the trash.";
/// assert_eq!(&s[updated_stamp_len(s)..], "this treasure almost ended up in the trash.");
/// ```
pub fn updated_stamp_len(sentence: &str) -> usize {
    const UPDATED: &str = " gmt / updated ";
    // Every sentence is asked: most have no " / " where the stamp's
    // would be, and are not lowercased to learn so.
    if !sentence[..floor_char_boundary(sentence, 60 + UPDATED.len())].contains(" / ") {
        return 0;
    }
    let head = &sentence[..floor_char_boundary(sentence, 160)];
    let lower = LowerHead::of(head);
    let lower = lower.as_str();
    let Some(at) = lower.find(UPDATED).filter(|&at| at < 60) else {
        return 0;
    };
    let after = at + UPDATED.len();
    let Some(end) = lower[after..]
        .find(" gmt")
        .map(|e| after + e + " gmt".len())
    else {
        return 0;
    };
    let mut rest = sentence[end..].trim_start();
    if let Some(r) = rest.strip_prefix("/ source: ") {
        // The agency's name, one word.
        rest = r.split_once(' ').map_or("", |(_, r)| r).trim_start();
    }
    len_before_body(sentence, past_lowercase_byline(rest), 5)
}

/// Length in bytes of a media label a page ran into the text under it
/// ("Video ( 02: 59 ): a twin cities woman…", "Video provided by newsy
/// newslook customers wait…", "Published on jul 18, 2017 stephen kicks off
/// …", "Ap the nfl didn't have a response…"), or 0.
/// "Ap" is the agency's credit unless the agency is the subject ("Ap
/// reported…") or the label names its picture ("Ap photo…", which
/// selection does not quote). At least five words must follow.
///
/// ```
/// use brief_core::text::clean::media_label_len;
/// let s = "Video ( 02: 59 ): a twin cities woman attending college has been stabbed to death.";
/// assert_eq!(&s[media_label_len(s)..], "a twin cities woman attending college has been stabbed to death.");
/// assert_eq!(media_label_len("Ap reported that the vote was delayed until friday."), 0);
/// ```
pub fn media_label_len(sentence: &str) -> usize {
    // Words after "ap" that make the agency the sentence's subject or
    // open a label of its own.
    const AP_GOES_ON: &[&str] = &[
        "reported",
        "reports",
        "said",
        "says",
        "has",
        "had",
        "is",
        "was",
        "obtained",
        "found",
        "learned",
        "confirmed",
        "photo",
        "photos",
        "images",
        "image",
        "video",
        "file",
        "photographer",
        "and",
        "-",
        "/",
    ];
    let head = &sentence[..floor_char_boundary(sentence, 80)];
    let lower = LowerHead::of(head);
    let lower = lower.as_str();
    let label = if let Some(rest) = lower.strip_prefix("video ( ") {
        // The video's running time in brackets, then a colon.
        let time = clock_time_len(rest);
        let after = &rest[time..];
        (time > 0 && after.starts_with(" ):")).then(|| "video ( ".len() + time + " ):".len())
    } else if let Some(rest) = lower.strip_prefix("published on ") {
        // A video page's date ("Published on jul 18, 2017 stephen kicks
        // off…"): a month, a day and a year.
        let words: Vec<&str> = rest.splitn(4, ' ').collect();
        let dated = words.len() == 4
            && super::calendar::is_month_name(words[0].trim_end_matches('.'))
            && words[1]
                .trim_end_matches(',')
                .bytes()
                .all(|b| b.is_ascii_digit())
            && words[2].len() == 4
            && words[2].bytes().all(|b| b.is_ascii_digit());
        dated.then(|| lower.len() - words[3].len())
    } else if lower.starts_with("video provided by ") {
        lower.find(" newslook ").map(|at| at + " newslook ".len())
    } else if let Some(rest) = lower.strip_prefix("ap ") {
        let next = rest.split(' ').next().unwrap_or("");
        (!next.is_empty() && !AP_GOES_ON.contains(&next)).then_some(3)
    } else {
        None
    };
    match label {
        Some(len) => len_before_body(sentence, sentence[len..].trim_start(), 5),
        None => 0,
    }
}

/// Length in bytes of CNN's "Story highlights" label before a lone short
/// bullet ("Story highlights kimmel and mcnearney wed in ojai, calif."),
/// or 0. Bullets run together, past twenty words, keep their label, and
/// selection does not quote them.
///
/// ```
/// use brief_core::text::clean::highlights_label_len;
/// let s = "Story highlights kimmel and mcnearney wed in ojai, calif.";
/// assert_eq!(&s[highlights_label_len(s)..], "kimmel and mcnearney wed in ojai, calif.");
/// ```
pub fn highlights_label_len(sentence: &str) -> usize {
    const LABEL: &str = "story highlights ";
    let opens_with_label = sentence
        .get(..LABEL.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(LABEL));
    if !opens_with_label || sentence.split_whitespace().nth(22).is_some() {
        return 0;
    }
    len_before_body(sentence, &sentence[LABEL.len()..], 5)
}

/// What an article's restatement of a headline's word must share with it:
/// the first five letters ("ingesting" restates "ingest", "shot" itself).
fn restatement_key(word: &str) -> String {
    word.chars().take(5).collect()
}

/// Words an article's first sentence opens on after a headline run into
/// it: an article or a number word ("…walker art center a woman was
/// shot…").
const ARTICLE_OPENINGS: &[&str] = &[
    "a", "an", "the", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Length in bytes of a page's headline run into its article's first
/// sentence with no label between them, told by the article restating it
/// ("Infant dies after ingesting detergent pod the 7-month-old boy who died
/// after reportedly ingesting a concentrated detergent pod…", "Woman shot
/// in apparent road rage incident near walker art center a woman was shot
/// four times…"), or 0.
///
/// The cut falls before an article or a number word such that:
/// - the words before it read as a headline: four to thirty words, no
///   article, no day ("on sunday" marks prose), and a last word that is
///   no function word, no "-ed" or "-ing" form, no contraction and not
///   after "to", a modal, an auxiliary or a pronoun (there the words after
///   the cut are the verb's object: "…voted to block a measure…");
/// - the article after it restates two of the headline's content words
///   within twelve words, has an auxiliary or a verb of saying within ten
///   ("was shot", "has ruled", "says") and no pronoun in its first four;
/// - at least eight words of article follow.
///
/// ```
/// use brief_core::text::clean::headline_run_in_len;
/// let s = "Woman shot in apparent road rage incident near walker art center a woman was shot four times after honking at a vehicle near the center.";
/// assert_eq!(&s[headline_run_in_len(s)..], "a woman was shot four times after honking at a vehicle near the center.");
/// assert_eq!(headline_run_in_len("Senate republican leaders on tuesday unleashed a barrage of criticism at the bill the senate leaders were debating."), 0);
/// ```
pub fn headline_run_in_len(sentence: &str) -> usize {
    // Words a headline does not end on: function words and prepositions.
    const NOT_LAST: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "with", "at", "by",
        "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its",
        "his", "her", "their", "this", "that", "these", "those", "he", "she", "they", "we", "you",
        "i", "not", "no", "will", "would", "can", "could", "may", "might", "said", "says", "who",
        "which", "what", "when", "where", "how", "than", "then", "so", "if", "about", "after",
        "before", "over", "into", "up", "out", "more", "most", "new", "also", "just", "amid",
        "during", "near", "against", "within", "across", "among", "beneath", "last", "please",
    ];
    // Words before a verb: after them the headline's last word is a verb
    // and the words after the cut its object.
    const BEFORE_A_VERB: &[&str] = &[
        "to", "will", "would", "can", "could", "may", "might", "must", "should", "has", "have",
        "had", "did", "does", "do", "he", "she", "they", "we", "i", "you", "it", "me", "us",
        "them", "who", "that", "which", "not", "also", "never",
    ];
    const AUXILIARIES: &[&str] = &[
        "is", "are", "was", "were", "has", "have", "had", "will", "says", "said", "say",
    ];
    const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you"];
    let head = &sentence[..floor_char_boundary(sentence, 600)];
    let words: Vec<(usize, &str)> = words_with_offsets(head).take(60).collect();
    let keys: Vec<String> = words
        .iter()
        .map(|&(_, w)| {
            w.to_lowercase()
                .chars()
                .filter(|&c| c.is_alphanumeric() || matches!(c, '\'' | '.' | '-' | '_'))
                .collect::<String>()
                .trim_matches('.')
                .to_string()
        })
        .collect();
    let is = |k: &String, list: &[&str]| list.contains(&k.as_str());
    for j in 4..words.len().saturating_sub(8).min(30) {
        if !is(&keys[j], ARTICLE_OPENINGS) {
            continue;
        }
        let headline = &keys[..j];
        if headline.iter().any(|k| {
            matches!(
                k.as_str(),
                "a" | "an" | "the" | "today" | "yesterday" | "tonight"
            ) || is(k, super::calendar::WEEKDAYS)
        }) {
            return 0;
        }
        let last = &keys[j - 1];
        let raw_last = words[j - 1].1;
        if is(last, NOT_LAST)
            || raw_last.ends_with([',', ':', ';'])
            || DASH_WORDS.contains(&raw_last)
            || (last != "updated" && (last.ends_with("ed") || last.ends_with("ing")))
            || last.contains('\'')
            || is(&keys[j - 2], BEFORE_A_VERB)
        {
            continue;
        }
        let content: Vec<String> = headline
            .iter()
            .filter(|k| k.chars().count() >= 4 && !is(k, NOT_LAST))
            .map(|k| restatement_key(k))
            .collect();
        let early: Vec<String> = keys[j..(j + 12).min(keys.len())]
            .iter()
            .map(|k| restatement_key(k))
            .collect();
        let mut restated: Vec<&String> = content.iter().filter(|c| early.contains(c)).collect();
        restated.sort();
        restated.dedup();
        let finite = keys[j + 1..(j + 10).min(keys.len())]
            .iter()
            .any(|k| is(k, AUXILIARIES));
        let pronoun = keys[j..(j + 4).min(keys.len())]
            .iter()
            .any(|k| is(k, PRONOUNS));
        if restated.len() >= 2 && finite && !pronoun {
            return len_before_body(sentence, &sentence[words[j].0..], 8);
        }
    }
    0
}

/// Length in bytes of a page's headline run into its article's first
/// sentence up to the dateline or "updated" label between them ("Woman
/// dies after botched breast surgery at sydney beauty salon updated a
/// woman who went into cardiac arrest…", "New australian inquest into
/// 'dingo ' baby death sydney — a new inquest will be opened…", "Family
/// wants brain-dead girl declared alive san francisco ( cn ) - the family
/// of a teenager…"), or 0. The label is "updated", or a dash after a
/// bracketed source, "breaking news" or a place not governed by a
/// preposition ("…to return to boston -- the city he…" is prose); the
/// headline before it has at least three words and no article (a
/// headline's style), the article after it opens on an article or a
/// number word and restates one of the headline's content words within
/// twenty words, and at least eight words of it follow.
///
/// ```
/// use brief_core::text::clean::headline_dateline_len;
/// let s = "New australian inquest into 'dingo ' baby death sydney \u{2014} a new inquest will be opened into the death of baby azaria chamberlain.";
/// assert_eq!(&s[headline_dateline_len(s)..], "a new inquest will be opened into the death of baby azaria chamberlain.");
/// assert_eq!(headline_dateline_len("Fans waited for the star in boston \u{2014} the city where she was born and raised."), 0);
/// ```
pub fn headline_dateline_len(sentence: &str) -> usize {
    const DASHES: &[&str] = &["-", "--", "\u{2013}", "\u{2014}"];
    const GOVERNING: &[&str] = &[
        "to", "in", "at", "from", "into", "of", "for", "on", "near", "by",
    ];
    let head = &sentence[..floor_char_boundary(sentence, 400)];
    let lower = head.to_lowercase();
    if lower.len() != head.len() {
        // Offsets must agree with the sentence's.
        return 0;
    }
    let words: Vec<(usize, &str)> = words_with_offsets(&lower).take(60).collect();
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_string()
    };
    let stop_words = super::filter::StopWords::default();
    for j in 4..words.len() {
        let (at, opening) = words[j];
        if at > 300 {
            return 0;
        }
        let marker = words[j - 1].1;
        if !ARTICLE_OPENINGS.contains(&opening)
            || !(marker == "updated" || DASHES.contains(&marker))
        {
            continue;
        }
        let headline: Vec<String> = words[..j - 1].iter().map(|&(_, w)| bare(w)).collect();
        if headline.len() < 3
            || headline
                .iter()
                .any(|w| matches!(w.as_str(), "a" | "an" | "the"))
        {
            return 0;
        }
        let labelled = marker == "updated" && headline.len() >= 4
            || words[j - 2].1.ends_with(')')
            || headline.ends_with(&["breaking".to_string(), "news".to_string()])
            || (1..=3.min(headline.len() - 1)).any(|n| {
                let place = headline[headline.len() - n..].join(" ");
                is_place(&place) && !GOVERNING.contains(&headline[headline.len() - n - 1].as_str())
            });
        if !labelled {
            return 0;
        }
        let content: Vec<String> = headline
            .iter()
            .filter(|w| w.chars().count() >= 4 && !stop_words.contains(w))
            .map(|w| restatement_key(w))
            .collect();
        let restated = words[j..]
            .iter()
            .take(20)
            .any(|&(_, w)| content.contains(&restatement_key(&bare(w))));
        if !restated {
            return 0;
        }
        return len_before_body(sentence, &sentence[at..], 8);
    }
    0
}

/// Length in bytes of a page's headline, byline and posting stamp run into
/// the article's first sentence, up to the stamp's clock time and zone
/// ("Black caucus, progressives to oppose debt deal by kase wickman sunday,
/// july 31, 2011 21: 39 edt "the leaders of…", "Thursday, june 26, 2014 12:
/// 44 am edt posted: updated: concern and confusion…"), or 0. The stamp (a
/// date with its year, maybe "at", a clock time and a time zone) starts in
/// the first 200 bytes; the "posted:" and "updated:" labels after it, with
/// their own stamps, a closing bracket, a dash and a byline go too. At
/// least five words of article must follow.
///
/// ```
/// use brief_core::text::clean::clock_stamp_len;
/// let s = "Tony perkins: star wars 'surrenders to gay empire ' by david edwards friday, january 27, 2012 16: 40 edt an evangelical leader is calling on his followers.";
/// assert_eq!(&s[clock_stamp_len(s)..], "an evangelical leader is calling on his followers.");
/// assert_eq!(clock_stamp_len("The vote on friday, january 27, 2012 ended at 4 p.m. in the senate."), 0);
/// ```
pub fn clock_stamp_len(sentence: &str) -> usize {
    // Every opening sentence is asked: most have no colon in their head.
    let head = &sentence[..floor_char_boundary(sentence, 400)];
    if !head[..floor_char_boundary(head, 260)].contains(':') {
        return 0;
    }
    let lower = head.to_ascii_lowercase();
    let words: Vec<(usize, &str)> = words_with_offsets(&lower).take(80).collect();
    let Some(mut end) = (0..words.len())
        .take_while(|&k| words[k].0 < 200)
        .find_map(|k| dated_clock_end(&words, k))
    else {
        return 0;
    };
    // What pages print after the stamp: its labels, each maybe with a
    // stamp of its own, and the bracket or dash that closes it.
    loop {
        let rest = &lower[end..];
        let trimmed = rest.trim_start_matches([' ', '(', ')', '-', '\u{2013}', '\u{2014}']);
        let at = end + rest.len() - trimmed.len();
        let Some(after) = ["posted:", "updated:", "update:"]
            .iter()
            .find_map(|label| trimmed.strip_prefix(label))
        else {
            end = at;
            break;
        };
        let label_end = lower.len() - after.len();
        let next: Vec<(usize, &str)> = words_with_offsets(after).take(12).collect();
        let weekday = next
            .first()
            .is_some_and(|&(_, w)| super::calendar::WEEKDAYS.contains(&w.trim_end_matches(',')));
        end = label_end + dated_clock_end(&next, usize::from(weekday)).unwrap_or(0);
    }
    let rest = &sentence[end.min(sentence.len())..];
    len_before_body(sentence, past_lowercase_byline(rest), 5)
}

/// `rest` past a lowercase byline it opens with ("by phil helsel this
/// treasure…"), as a page prints one after its stamp.
fn past_lowercase_byline(rest: &str) -> &str {
    if !rest.starts_with("by ") {
        return rest;
    }
    // The byline reader wants the capital a byline opens with; the
    // lengths agree.
    let capitalized = format!("B{}", &rest[1..]);
    &rest[lowercased_byline_len(&capitalized)..]
}

/// Time zones pages stamp their posts in.
const TIME_ZONES: &[&str] = &[
    "et", "edt", "est", "ct", "cdt", "cst", "mdt", "mst", "pt", "pdt", "pst", "gmt", "bst", "utc",
];

/// [`is_month_day_year`] of three words as a page writes them
/// ([`is_written_month_day`], then a year of four digits: "Feb. 14,
/// 2017"); the year is given as the caller reads it.
fn is_written_month_day_year(month: &str, day: &str, year: &str) -> bool {
    is_written_month_day(month, day) && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())
}

/// Whether two words as a page writes them, in any case, with a month's
/// period and a day's comma, are a month's name and a day of one or two
/// digits ("Feb. 14,", "april 15").
fn is_written_month_day(month: &str, day: &str) -> bool {
    let day = day.trim_end_matches(',');
    super::calendar::is_month_name(&month.trim_end_matches('.').to_ascii_lowercase())
        && (1..=2).contains(&day.len())
        && day.bytes().all(|b| b.is_ascii_digit())
}

/// Whether three words, lowercase and without their trailing commas and
/// periods, are a date: a month's name, a day of one or two digits and a
/// year of four ("june 26 2014").
fn is_month_day_year(month: &str, day: &str, year: &str) -> bool {
    let all_digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    super::calendar::is_month_name(month) && all_digits(day, 1..=2) && all_digits(year, 4..=4)
}

/// The end (a byte offset in the words' text) of a dated clock stamp
/// starting at word `k` of `words` (lowercased, with offsets): "june 26,
/// 2014 12: 44 am edt", "feb. 23, 2015 at 8: 20 am et", "october 3, 2017,
/// 5: 21 pm edt".
fn dated_clock_end(words: &[(usize, &str)], k: usize) -> Option<usize> {
    let word = |j: usize| {
        words
            .get(j)
            .map_or("", |&(_, w)| w.trim_end_matches([',', '.']))
    };
    let all_digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let year = word(k + 2);
    if !is_month_day_year(word(k), word(k + 1), year)
        || !(year.starts_with("19") || year.starts_with("20"))
    {
        return None;
    }
    let mut j = k + 3;
    if word(j) == "at" {
        j += 1;
    }
    // The clock, "12: 44", "12:44" or "8: 25pm", with its meridiem.
    let (hour, mut minutes) = word(j).split_once(':')?;
    if !all_digits(hour, 1..=2) {
        return None;
    }
    j += 1;
    if minutes.is_empty() {
        minutes = word(j);
        j += 1;
    }
    let digits = minutes.bytes().take_while(u8::is_ascii_digit).count();
    let meridiem = &minutes[digits..];
    if digits != 2 || !matches!(meridiem, "" | "am" | "pm" | "a.m" | "p.m") {
        return None;
    }
    if meridiem.is_empty() && matches!(word(j), "am" | "pm" | "a.m" | "p.m") {
        j += 1;
    }
    let &(at, zone) = words.get(j)?;
    let zone = zone.trim_end_matches([',', '.', ')']);
    TIME_ZONES.contains(&zone).then_some(at + zone.len())
}

/// Length in bytes of a gossip page's headline and its "breaking news"
/// label run into the article's first sentence ("Bruce beresford-redman
/// convicted of murdering wife breaking news bruce beresford-redman, the
/// former…", "Patty duke dead at 69 patty duke dies at 69 breaking news
/// hollywood legend patty duke…"), or 0. The label stands within the first
/// 400 bytes after at least three words, the word before it no function
/// word or punctuation ("to announce the breaking news from…", "a breaking
/// news banner", "posts, breaking news, app updates"), and at least eight
/// words go on after it. Where the page dropped the subject with its link
/// ("…breaking news looked just like any other dad", "…breaking news --
/// lead singer of the white stripes -- has been hit…") the sentence is
/// left whole: cut there, it would have no subject.
///
/// ```
/// use brief_core::text::clean::breaking_news_label_len;
/// let s = "Bruce beresford-redman convicted of murdering wife breaking news bruce beresford-redman, the former producer, was convicted on monday.";
/// assert_eq!(&s[breaking_news_label_len(s)..], "bruce beresford-redman, the former producer, was convicted on monday.");
/// assert_eq!(breaking_news_label_len("The reporter interrupted their chat to announce the breaking news from the trump administration."), 0);
/// ```
pub fn breaking_news_label_len(sentence: &str) -> usize {
    const LABEL: &str = " breaking news ";
    // Words a headline does not end on before the label.
    const NOT_BEFORE: &[&str] = &[
        "the",
        "a",
        "an",
        "of",
        "this",
        "that",
        "these",
        "those",
        "on",
        "for",
        "with",
        "latest",
        "more",
        "some",
        "any",
        "about",
        "announce",
        "announced",
        "announces",
        "and",
        "or",
        "no",
        "live",
        "our",
        "your",
        "its",
        "their",
        "his",
        "her",
        "to",
        "in",
        "as",
        "by",
        "from",
        "is",
        "was",
        "are",
        "were",
        "get",
        "gets",
        "got",
        "share",
        "shares",
        "sharing",
        "big",
        "major",
    ];
    // What opens a sentence whose subject the page dropped.
    const SUBJECT_DROPPED: &[&str] = &[
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "says",
        "said",
        "just",
        "finally",
        "reportedly",
        "allegedly",
        "sat",
        "got",
        "gets",
        "made",
        "makes",
        "and",
        "but",
        "who",
        "banner",
        "alert",
        "alerts",
    ];
    // Every first sentence is asked: most hold no "news" at all.
    let head = &sentence[..floor_char_boundary(sentence, 400)];
    if memchr::memmem::find(head.as_bytes(), b" news ").is_none()
        && memchr::memmem::find(head.as_bytes(), b" News ").is_none()
    {
        return 0;
    }
    let lower = LowerHead::of(head);
    let Some(at) = lower.as_str().find(LABEL) else {
        return 0;
    };
    let before = &lower.as_str()[..at];
    let Some(last) = before.split_whitespace().next_back() else {
        return 0;
    };
    if before.split_whitespace().nth(2).is_none()
        || last.ends_with([',', ';', ':', '('])
        || NOT_BEFORE.contains(&last.trim_matches(|c: char| !c.is_alphanumeric()))
    {
        return 0;
    }
    let rest = sentence[at + LABEL.len()..].trim_start();
    let token = rest.split_whitespace().next().unwrap_or("");
    let next = token
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    if next.is_empty()
        || token.starts_with(['-', '\u{2014}', '\u{2013}'])
        || next.ends_with("ed")
        || SUBJECT_DROPPED.contains(&next.as_str())
    {
        return 0;
    }
    len_before_body(sentence, rest, 8)
}

/// Length in bytes of a gossip page's headline and its "exclusive" label
/// run into the article's first sentence ("Lindsay lohan crash -- truck
/// driver says it was all her fault exclusive the guy driving…", "Scott
/// weiland found dead on tour bus exclusive 6: 20 am pst -- an official
/// statement…"), or 0. The label stands within the first 300 bytes after
/// at least three words; the word before it is no function word or
/// modifier ("in an exclusive interview", "this new exclusive photo") and
/// the word after it is no noun it qualifies ("exclusive rights"). An
/// article of at least five words must go on after it.
///
/// ```
/// use brief_core::text::clean::exclusive_label_len;
/// let s = "Suge knight charged with murder exclusive details has just been charged with murder in the death of his friend.";
/// assert_eq!(&s[exclusive_label_len(s)..], "has just been charged with murder in the death of his friend.");
/// assert_eq!(exclusive_label_len("In an exclusive interview with abc news, the senator said he would run."), 0);
/// let s = "Exclusive johnny depp has just filed legal docs citing new evidence.";
/// assert_eq!(&s[exclusive_label_len(s)..], "johnny depp has just filed legal docs citing new evidence.");
/// assert_eq!(exclusive_label_len("Exclusive photos of the bomb, obtained by abc news, show its inside."), 0);
/// assert_eq!(exclusive_label_len("Exclusive claims a major drug store chain is using her image."), 0);
/// ```
pub fn exclusive_label_len(sentence: &str) -> usize {
    // Words the label does not follow in a headline's last place.
    const NOT_BEFORE: &[&str] = &[
        "world", "new", "very", "web", "fox", "more", "most", "first",
    ];
    // Nouns that "exclusive" qualifies in prose.
    const QUALIFIED: &[&str] = &[
        "interview",
        "interviews",
        "photo",
        "photos",
        "pictures",
        "pics",
        "images",
        "video",
        "videos",
        "footage",
        "rights",
        "right",
        "offer",
        "offers",
        "report",
        "story",
        "areas",
        "area",
        "access",
        "deal",
        "deals",
        "poll",
        "opinion",
        "look",
        "content",
        "coverage",
        "feature",
        "club",
        "neighborhood",
        "third",
        "with",
        "to",
        "live",
        "and",
        "or",
        "of",
        "agreement",
        "contract",
        "license",
        "partnership",
        "arrangement",
        "distributor",
        "distribution",
        "partner",
        "provider",
        "talks",
        "event",
        "screening",
        "premiere",
        "preview",
        "excerpt",
        "first",
    ];
    // The label alone at the sentence's opening, before a name or a
    // clause ("Exclusive johnny depp has just filed…"); not before a noun
    // it qualifies ("Exclusive photos of one bomb … show…"), a label's colon
    // ("Exclusive video: …") or a past whose subject the page dropped
    // ("Exclusive kicked off the new year…").
    if let Some(rest) = sentence
        .get(.."exclusive ".len())
        .filter(|h| h.eq_ignore_ascii_case("exclusive "))
        .map(|_| sentence["exclusive ".len()..].trim_start())
    {
        const ALSO_QUALIFIED: &[&str] = &[
            "excerpts",
            "document",
            "documents",
            "audio",
            "clip",
            "clips",
            "details",
            "news",
        ];
        // Verbs a gossip page's dropped name was the subject of
        // ("Exclusive claims a major drug store chain…").
        const VERBS: &[&str] = &[
            "is", "was", "has", "had", "claims", "says", "tells", "reveals", "admits", "denies",
            "wants", "insists", "slams", "sues", "files", "calls", "just", "will", "can",
        ];
        let token = rest.split_whitespace().next().unwrap_or("");
        let next = token
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        if next.is_empty()
            || token.ends_with(':')
            || next.ends_with("ed")
            || VERBS.contains(&next.as_str())
            || QUALIFIED.contains(&next.as_str())
            || ALSO_QUALIFIED.contains(&next.as_str())
        {
            return 0;
        }
        return len_before_body(sentence, rest, 5);
    }
    let head = &sentence[..floor_char_boundary(sentence, 300)];
    let lower = LowerHead::of(head);
    let lower = lower.as_str();
    let Some(at) = lower.find(" exclusive ") else {
        return 0;
    };
    let before = &lower[..at];
    let words_before = before.split_whitespace().count();
    // The last word with letters or digits ("…' extremely intoxicated '
    // exclusive").
    let last = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    // The page's headline twice over, the second copy with a spaced
    // double dash ("katie holmes scientology is watching me katie holmes
    // -- scientology is watching me exclusive"), may end on any word but
    // an article.
    let doubled = before.contains(" -- ") && !matches!(last, "a" | "an" | "the" | "this");
    if words_before < 3
        || last.is_empty()
        || last.ends_with("'s")
        || NOT_BEFORE.contains(&last)
        || (!doubled && crate::text::StopWords::default().contains(last))
    {
        return 0;
    }
    let mut rest = &sentence[at + " exclusive ".len()..];
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    if next == "details" {
        rest = rest.trim_start()["details".len()..].trim_start();
        // "…exclusive details on how the story unfolded": the label's noun.
        let then = rest.split_whitespace().next().unwrap_or("");
        if ["on", "of", "about"].contains(&then) {
            return 0;
        }
    } else if QUALIFIED.contains(&next.as_str()) {
        return 0;
    }
    // A dash, a clock time with its zone ("6: 20 am pst"), a dash.
    let skip_dash = |r: &str| -> usize {
        let t = r.trim_start_matches([' ', '\u{feff}']);
        DASH_WORDS
            .iter()
            .filter(|d| t.starts_with(**d))
            .map(|d| r.len() - t.len() + d.len())
            .max()
            .unwrap_or(0)
    };
    rest = rest[skip_dash(rest)..].trim_start();
    let time = clock_time_len(rest);
    if time > 0 {
        let mut after = rest[time..].trim_start();
        for word in ["am", "pm", "pt", "pst", "pdt", "et", "est", "edt"] {
            if let Some(r) = after.strip_prefix(word).filter(|r| r.starts_with(' ')) {
                after = r.trim_start();
            }
        }
        let dash = skip_dash(after);
        if dash > 0 {
            rest = after[dash..].trim_start();
        }
    }
    len_before_body(sentence, rest, 5)
}

/// Length in bytes of a photo credit in brackets opening a sentence ("(
/// photo by luke sharrett/bloomberg ) the u.s. economy added…", "( ap
/// photo ) ", "[ gallo/getty ] "), a run of them counted as one, or 0; the
/// sentence must go on after it. Pages put the credit of a picture right
/// before the paragraph under it, and the two come out as one sentence.
///
/// ```
/// use brief_core::text::clean::photo_credit_len;
/// let s = "( photo by luke sharrett/bloomberg ) the economy added 209,000 jobs.";
/// assert_eq!(&s[photo_credit_len(s)..], "the economy added 209,000 jobs.");
/// assert_eq!(photo_credit_len("(The company declined to comment.) It fell."), 0);
/// ```
pub fn photo_credit_len(sentence: &str) -> usize {
    let mut total = 0;
    while let Some(n) = one_photo_credit_len(&sentence[total..]) {
        total += n;
    }
    total
}

/// Length in bytes of a picture's caption and credit that a page ran into
/// the sentence under it, up to a credit naming a photo agency after a
/// slash, spaced or not ("mark conlin/oxford scientific/getty the red wolf, a critically
/// endangered species…", "…arrested by swarm of lapd officers
/// rodriguez/getty death row records founder suge knight was arrested
/// thursday.") or at a newspaper's "Buy photo" link, or 0. The credit stands within the first 30 words and a
/// sentence of at least five words goes on after it.
///
/// ```
/// use brief_core::text::clean::glued_credit_len;
/// let s = "Mark conlin/oxford scientific/getty the red wolf may be a hybrid of coyotes.";
/// assert_eq!(&s[glued_credit_len(s)..], "the red wolf may be a hybrid of coyotes.");
/// assert_eq!(glued_credit_len("The shop is open 24/7 for all who come."), 0);
/// ```
pub fn glued_credit_len(sentence: &str) -> usize {
    const AGENCIES: &[&str] = &[
        "getty",
        "gettyimages",
        "afp",
        "ap",
        "reuters",
        "epa",
        "wireimage",
        "filmmagic",
        "invision",
        "shutterstock",
    ];
    // Most sentences hold neither a slash nor "photo" near the start:
    // skip them before reading words.
    let head = sentence
        .as_bytes()
        .get(..400)
        .unwrap_or(sentence.as_bytes());
    if !head.contains(&b'/') && !head.windows(5).any(|w| w.eq_ignore_ascii_case(b"photo")) {
        return 0;
    }
    let agency = |w: &str| AGENCIES.contains(&w.to_ascii_lowercase().as_str());
    let mut after_credit = 0;
    let mut previous = "";
    for (start, word) in words_with_offsets(sentence).take(30) {
        let at = start + word.len();
        let credit = word.rsplit_once('/').is_some_and(|(who, what)| {
            who.chars().next_back().is_some_and(char::is_alphabetic) && agency(what)
        }) || (previous == "/" && agency(word))
            || (previous.eq_ignore_ascii_case("buy") && word.eq_ignore_ascii_case("photo"));
        previous = word;
        if credit {
            // The last credit: a caption may give it twice.
            after_credit = at;
        }
    }
    if after_credit == 0 {
        return 0;
    }
    len_before_body(sentence, sentence[after_credit..].trim_start(), 5)
}

/// Length in bytes of a photographer's credit on assignment for a paper
/// that opens a sentence ("Chad batka for the new york times adele, the
/// soulful british singer…", "Glenna gordon for the wall street journal
/// firestone, liberia — as ebola…"), or 0: a name of two words, "for the",
/// a paper's name of up to four words ending in its noun, then no verb or
/// function word ("Two reporters for the guardian were in town…" is prose)
/// and at least five words of sentence.
///
/// ```
/// use brief_core::text::clean::assignment_credit_len;
/// let s = "Chad batka for the new york times adele was among the 12 artists nominated today.";
/// assert_eq!(&s[assignment_credit_len(s)..], "adele was among the 12 artists nominated today.");
/// assert_eq!(assignment_credit_len("Two reporters for the guardian were in town to assist him."), 0);
/// ```
pub fn assignment_credit_len(sentence: &str) -> usize {
    /// What follows a paper's name in prose about it: a verb, or a word
    /// that goes on the clause.
    const GOES_ON_PROSE: &[&str] = &[
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "says",
        "say",
        "wrote",
        "writes",
        "reported",
        "reports",
        "contributed",
        "contributes",
        "added",
        "adds",
        "noted",
        "notes",
        "told",
        "tells",
        "found",
        "and",
        "or",
        "who",
        "that",
        "which",
        "in",
        "on",
        "at",
        "from",
        "to",
        "since",
        "until",
        "about",
        "of",
        "with",
        "by",
        "as",
        "when",
    ];
    /// Words that tell a role, not a name ("two reporters for…").
    const ROLES: &[&str] = &[
        "reporter",
        "reporters",
        "writer",
        "writers",
        "columnist",
        "columnists",
        "editor",
        "editors",
        "correspondent",
        "correspondents",
        "contributor",
        "contributors",
        "critic",
        "staff",
        "photographer",
        "photographers",
        "two",
        "three",
        "writing",
        "working",
        "worked",
        "works",
        "wrote",
        "reporting",
    ];
    // Every sentence is asked: most have no "for" for their third word.
    // (Read as bytes: a word "for" is ASCII.)
    if !sentence
        .as_bytes()
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty())
        .nth(2)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"for"))
    {
        return 0;
    }
    let words: Vec<(usize, &str)> = words_with_offsets(sentence).take(10).collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    let keys: Vec<String> = words.iter().map(|&(_, w)| bare(w)).collect();
    if keys.len() < 6
        || keys[2] != "for"
        || keys[3] != "the"
        || !keys[..2].iter().all(|k| {
            k.len() >= 2 && k.chars().all(char::is_alphabetic) && !ROLES.contains(&k.as_str())
        })
        || matches!(keys[0].as_str(), "a" | "an" | "the")
        || words[..3]
            .iter()
            .any(|&(_, w)| w.ends_with([',', ':', ';', '.']))
    {
        return 0;
    }
    // The paper's name: up to four words, the last its noun.
    const PAPER_NOUNS: &[&str] = &[
        "times",
        "post",
        "journal",
        "guardian",
        "globe",
        "tribune",
        "herald",
        "chronicle",
        "inquirer",
        "telegraph",
        "observer",
        "independent",
        "gazette",
        "star",
    ];
    let Some(noun) =
        (4..(4 + 4).min(keys.len())).find(|&k| PAPER_NOUNS.contains(&keys[k].as_str()))
    else {
        return 0;
    };
    let Some(next) = keys.get(noun + 1) else {
        return 0;
    };
    if GOES_ON_PROSE.contains(&next.as_str()) || words[noun].1.ends_with([',', ':', ';', '.']) {
        return 0;
    }
    let (at, w) = words[noun];
    len_before_body(sentence, sentence[at + w.len()..].trim_start(), 5)
}

/// Length in bytes of a picture's credit that opens a sentence, a
/// photographer's or owner's name, a slash and an outlet that is none of
/// [`glued_credit_len`]'s agencies ("Daniel sato/the news journal jeremy
/// mcdole, 28, was shot…", "Mark bonifacio/new york daily news the nypd
/// will carry naloxone…", "Swann auction galleries/handout via reuters the
/// photograph shows…", "George breen / capecodsharkhunters.com this photo
/// shows…"), or 0.
///
/// The slash stands within the sentence's first four words, after no
/// article ("A washington post/abc news poll…" is prose). The outlet is a
/// site, a picture or video service, a handout or screenshot, a
/// broadcaster, or a paper whose name ends in its noun (news, post,
/// times…), maybe then "via" an agency; a sentence of at least five words
/// goes on after it, and does not open on what the outlet made ("…/abc
/// news poll found…").
///
/// ```
/// use brief_core::text::clean::opening_credit_len;
/// let s = "Daniel sato/the news journal jeremy mcdole, 28, was shot by police on sept. 23.";
/// assert_eq!(&s[opening_credit_len(s)..], "jeremy mcdole, 28, was shot by police on sept. 23.");
/// assert_eq!(opening_credit_len("A washington post/abc news poll found that 62 % agree."), 0);
/// ```
pub fn opening_credit_len(sentence: &str) -> usize {
    /// Outlets named by one word.
    const OUTLETS: &[&str] = &[
        "youtube",
        "flickr",
        "pixabay",
        "instagram",
        "twitter",
        "facebook",
        "handout",
        "politico",
        "screenshot",
        "nbc",
        "cbs",
        "abc",
        "cnn",
        "msnbc",
        "nasa",
        "bloomberg",
        "xinhua",
        "afp",
        "ap",
        "reuters",
        "getty",
        "epa",
    ];
    /// Nouns a paper's or a site's name ends in ("the news journal", "civil
    /// beat", "white house").
    const PAPER_NOUNS: &[&str] = &[
        "news",
        "post",
        "times",
        "journal",
        "sun",
        "register",
        "enquirer",
        "inquirer",
        "tribune",
        "herald",
        "star",
        "globe",
        "chronicle",
        "gazette",
        "beat",
        "bee",
        "observer",
        "examiner",
        "press",
        "record",
        "dispatch",
        "courier",
        "telegraph",
        "guardian",
        "independent",
        "mirror",
        "express",
        "review",
        "house",
    ];
    /// Words that go on a paper's name after its noun ("tribune media
    /// services", "the news journal").
    const NAME_GOES_ON: &[&str] = &[
        "media", "services", "service", "wire", "network", "group", "agency", "images", "pictures",
        "photos",
    ];
    /// What an outlet makes: after its name, the outlet is the sentence's
    /// own ("an abc news poll").
    const MADE: &[&str] = &[
        "poll",
        "polls",
        "survey",
        "report",
        "study",
        "analysis",
        "interview",
        "investigation",
        "documentary",
        "series",
        "program",
        "programme",
        "partnership",
        "story",
        "reporting",
        "broadcast",
        "segment",
        "show",
        "exclusive",
        "reporter",
        "reporters",
        "editor",
    ];
    if !sentence
        .as_bytes()
        .get(..120)
        .unwrap_or(sentence.as_bytes())
        .contains(&b'/')
    {
        return 0;
    }
    let words: Vec<(usize, &str)> = words_with_offsets(sentence).take(14).collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .trim_end_matches('.')
            .to_ascii_lowercase()
    };
    if words
        .first()
        .is_none_or(|&(_, w)| matches!(bare(w).as_str(), "a" | "an" | "the"))
    {
        return 0;
    }
    // The slash: in a word with letters before it, or standing alone.
    let Some((k, right)) = words.iter().take(4).enumerate().find_map(|(k, &(at, w))| {
        if w == "/" && k > 0 {
            return Some((k, None));
        }
        let (who, what) = w.split_once('/')?;
        who.ends_with(char::is_alphabetic)
            .then(|| (k, (!what.is_empty()).then_some((at + who.len() + 1, what))))
    }) else {
        return 0;
    };
    // The outlet's words: what follows the slash in its word, then the
    // next words.
    let outlet: Vec<(usize, &str)> = right
        .into_iter()
        .chain(words.iter().skip(k + 1).copied())
        .take(6)
        .collect();
    let is_outlet = |w: &str| {
        let b = bare(w);
        OUTLETS.contains(&b.as_str())
            || b.ends_with(".com")
            || b.ends_with(".org")
            || PAPER_NOUNS.contains(&b.as_str())
    };
    let Some(mut end) = outlet.iter().position(|&(_, w)| is_outlet(w)) else {
        return 0;
    };
    // A paper's name goes on over its nouns ("the news journal", "tribune
    // media services"), a broadcaster's over "news" ("nbc news"); an
    // agency's does not ("reuters news of the drills…").
    const BROADCASTERS: &[&str] = &["nbc", "cbs", "abc", "cnn", "msnbc", "bloomberg"];
    if BROADCASTERS.contains(&bare(outlet[end].1).as_str())
        && outlet.get(end + 1).is_some_and(|&(_, w)| bare(w) == "news")
    {
        end += 1;
    }
    if PAPER_NOUNS.contains(&bare(outlet[end].1).as_str()) {
        while outlet.get(end + 1).is_some_and(|&(_, w)| {
            let b = bare(w);
            PAPER_NOUNS.contains(&b.as_str()) || NAME_GOES_ON.contains(&b.as_str())
        }) {
            end += 1;
        }
    }
    // "…/handout via reuters".
    if outlet.get(end + 1).is_some_and(|&(_, w)| bare(w) == "via")
        && outlet.get(end + 2).is_some_and(|&(_, w)| is_outlet(w))
    {
        end += 2;
    }
    let (at, w) = outlet[end];
    let mut body = sentence[at + w.len()..].trim_start();
    // A second credit after another slash ("… / youtube / ktla news even
    // as…").
    if let Some(after) = body.strip_prefix('/') {
        let more = opening_credit_len(&format!("credit /{after}"));
        if more > "credit /".len() {
            body = after[more - "credit /".len()..].trim_start();
        }
    }
    // The sentence goes on from a word or a quotation, not from the rest
    // of a parenthesis or a path ("( kcci/cnn ) - it's like…").
    let first = body.split_whitespace().next().map(bare).unwrap_or_default();
    if MADE.contains(&first.as_str())
        || !body.starts_with(|c: char| c.is_alphanumeric() || "\"'\u{201c}\u{2018}".contains(c))
    {
        return 0;
    }
    len_before_body(sentence, body, 5)
}

/// Length in bytes of a page's date stamp opening a sentence: a weekday, a
/// month, a day and a year, maybe a source's label in parentheses, and a
/// dash or the article's next word ("Tuesday, feb. 14, 2017 -- scalp
/// cooling caps can help…", "Tuesday, april 19, 2016 ( healthday news ) --
/// a new study…"), or 0. A sentence that goes on from the date with a
/// comma or a verb ("Tuesday, March 13, 2018, was the day…") is prose; at
/// least five words of article follow.
///
/// ```
/// use brief_core::text::clean::weekday_date_len;
/// let s = "Tuesday, feb. 14, 2017 -- scalp cooling caps can help patients save their hair.";
/// assert_eq!(&s[weekday_date_len(s)..], "scalp cooling caps can help patients save their hair.");
/// assert_eq!(weekday_date_len("Tuesday, March 13, 2018, was the day the storm hit the coast."), 0);
/// ```
pub fn weekday_date_len(sentence: &str) -> usize {
    // Words that go on from a date as its sentence's verb.
    const VERBS: &[&str] = &[
        "was", "is", "will", "marks", "marked", "saw", "began", "brought",
    ];
    // Every sentence is asked: most fail on their first word.
    let is_weekday = sentence
        .split_whitespace()
        .next()
        .and_then(|w| w.strip_suffix(','))
        .is_some_and(|w| super::calendar::WEEKDAYS.contains(&w.to_ascii_lowercase().as_str()));
    if !is_weekday {
        return 0;
    }
    let words: Vec<(usize, &str)> = words_with_offsets(sentence).take(4).collect();
    let [_, (_, month), (_, day), (_, year)] = words[..] else {
        return 0;
    };
    if !is_written_month_day_year(month, day, year) {
        return 0;
    }
    let year_end = words[3].0 + year.len();
    let mut rest = sentence[year_end..].trim_start();
    let mut labelled = false;
    if let Some(inner) = rest.strip_prefix('(') {
        match inner.find(')') {
            Some(close) if close <= 40 => {
                rest = inner[close + 1..].trim_start();
                labelled = true;
            }
            _ => return 0,
        }
    }
    let body = after_label_separator(rest);
    let next = rest.split_whitespace().next().unwrap_or("");
    let body = match body {
        Some(body) => body,
        None if !labelled
            && next.starts_with(char::is_alphabetic)
            && !VERBS.contains(&next.to_ascii_lowercase().as_str()) =>
        {
            rest
        }
        None => return 0,
    };
    // A clock time after the date ("… - 5: 39pm chatham county…") makes
    // a stamp the post-time reader does not know without its date: left
    // whole.
    if !body.starts_with(|c: char| c.is_alphabetic() || "\"'\u{201c}".contains(c)) {
        return 0;
    }
    len_before_body(sentence, body, 5)
}

/// Length in bytes of a live page's or a post's time label opening a
/// sentence: a clock time, maybe after its date and before its zone, then
/// a colon or a dash ("12: 32 p.m.: the man accused of killing…", "5: 50
/// pm pt -- the chiefs have cut…", "September 6, 2011 1:45 p.m.: Andrea
/// Johnson … wrote…"), or a date and a clock time alone before the post
/// ("Aug 5, 2013 10: 39 am the train that derailed…"), or a bare 24-hour
/// stamp ("21: 22 a very gracious…"), or 0. A sentence of at least five
/// words goes on after it.
///
/// ```
/// use brief_core::text::clean::post_time_len;
/// let s = "12: 32 p.m.: the man accused of killing an officer was found in a shed.";
/// assert_eq!(&s[post_time_len(s)..], "the man accused of killing an officer was found in a shed.");
/// assert_eq!(post_time_len("10 a.m. Monday was when the hearing began in the court."), 0);
/// let s = "21: 22 a very gracious michael johnson on the man who has beaten his record.";
/// assert_eq!(&s[post_time_len(s)..], "a very gracious michael johnson on the man who has beaten his record.");
/// assert_eq!(post_time_len("12: 30 was the hour set for the hearing in the court."), 0);
/// ```
pub fn post_time_len(sentence: &str) -> usize {
    // Every sentence is asked: one that opens on neither a digit nor a
    // month's name is no label (most, after their first word).
    let first = sentence.as_bytes().first().copied().unwrap_or(b' ');
    if !first.is_ascii_digit() {
        let word = sentence.split_whitespace().next().unwrap_or("");
        let word = word.trim_end_matches('.');
        if word.len() > "september".len()
            || !super::calendar::is_month_name(&word.to_ascii_lowercase())
        {
            return 0;
        }
    }
    // A date: a month, a day and a year, maybe then "at".
    let mut rest = sentence;
    let mut dated = false;
    let words: Vec<&str> = sentence.split_whitespace().take(4).collect();
    if words.len() == 4
        && is_written_month_day_year(words[0], words[1], words[2].trim_end_matches(','))
    {
        let year_end = words[2].as_ptr() as usize - sentence.as_ptr() as usize + words[2].len();
        rest = sentence[year_end..].trim_start();
        rest = rest.strip_prefix("at ").unwrap_or(rest).trim_start();
        dated = true;
    }
    let clock = clock_time_len(rest);
    // The time has its minutes or its meridiem ("12: 32", "7 p.m.").
    if clock == 0 || !(rest[..clock].contains(':') || rest[..clock].ends_with('.')) {
        return 0;
    }
    let mut after = rest[clock..].trim_start();
    for meridiem in ["am", "pm", "AM", "PM"] {
        if let Some(r) = after
            .strip_prefix(meridiem)
            .filter(|r| !r.starts_with(char::is_alphanumeric))
        {
            after = r.trim_start();
        }
    }
    let zone = after.split_whitespace().next().unwrap_or("");
    let zone_key = zone.trim_end_matches([':', ',']).to_ascii_lowercase();
    if TIME_ZONES.contains(&zone_key.as_str()) {
        after = after[zone.trim_end_matches(':').len()..].trim_start();
    }
    let separated = after.starts_with([':', '-', '\u{2014}', '\u{2013}']);
    // A live page's bare 24-hour stamp before its entry ("21: 22 a very
    // gracious michael johnson on the man who…"): hours and minutes, no
    // meridiem, and no verb telling of the time itself ("12: 30 was…").
    let bare_stamp = rest[..clock].contains(':')
        && after.len() == rest[clock..].trim_start().len()
        && after.starts_with(char::is_alphabetic)
        && !matches!(
            after.split_whitespace().next().unwrap_or(""),
            "was" | "is" | "has" | "had" | "marked" | "became" | "will" | "would"
        );
    if !separated && !dated && !bare_stamp {
        return 0;
    }
    let body = after
        .trim_start_matches([':', '-', '\u{2014}', '\u{2013}'])
        .trim_start();
    // A page's stamp that goes on with an update, a path or a byline
    // ("nov. 29, 2018, 1: 40 am gmt / updated …", "… gmt by phil
    // mccausland for weeks…") is the stamp trims' to read whole.
    let head = body.get(..8).unwrap_or(body).to_ascii_lowercase();
    if !body.starts_with(|c: char| c.is_alphanumeric() || "\"'\u{201c}".contains(c))
        || head.starts_with("by ")
        || head.starts_with("updated")
        || head.starts_with("posted")
    {
        return 0;
    }
    len_before_body(sentence, body, 5)
}

/// Length in bytes of a wire dateline of two or three places joined by
/// slashes that opens a sentence ("GAZA/JERUSALEM Israel's cabinet
/// authorized…", "Seoul/washington south korea said…"), with any dash
/// after it, or 0. Every place is a known one ([`is_place`]), or one is
/// and the dateline is written in capitals; a sentence of at least five
/// words goes on after it.
///
/// ```
/// use brief_core::text::clean::slashed_dateline_len;
/// let s = "Seoul/washington south korea said on wednesday there was a high probability.";
/// assert_eq!(&s[slashed_dateline_len(s)..], "south korea said on wednesday there was a high probability.");
/// assert_eq!(slashed_dateline_len("Work/life balance is hard to keep for most parents."), 0);
/// ```
pub fn slashed_dateline_len(sentence: &str) -> usize {
    let Some(first) = sentence.split_whitespace().next() else {
        return 0;
    };
    let token = first.trim_end_matches([',', '-', ':']);
    if !token.contains('/') {
        return 0;
    }
    let places: Vec<&str> = token.split('/').collect();
    if places.len() > 3
        || places
            .iter()
            .any(|p| p.len() < 2 || !p.chars().all(|c| c.is_alphabetic() || c == '-'))
    {
        return 0;
    }
    let known = places
        .iter()
        .filter(|p| is_place(&p.to_lowercase().replace('-', " ")))
        .count();
    let capitals = token.chars().all(|c| !c.is_lowercase());
    if known < places.len() && !(capitals && known > 0) {
        return 0;
    }
    let rest = sentence[first.len()..]
        .trim_start()
        .trim_start_matches(['-', '\u{2014}', '\u{2013}', '_'])
        .trim_start();
    len_before_body(sentence, rest, 5)
}

/// Length in bytes of closing brackets, slashes or bars left at a
/// sentence's opening, with any dash after them (") -- we now know the identity of
/// a man…", "] \" it was the happiest moment…", "/ source: reuters
/// kabul…"), or 0: the rest of a dateline, a credit or a page's path that
/// segmentation split from the sentence. No sentence opens on them.
///
/// ```
/// use brief_core::text::clean::stray_closer_len;
/// let s = ") -- we now know the identity of the man.";
/// assert_eq!(&s[stray_closer_len(s)..], "we now know the identity of the man.");
/// assert_eq!(stray_closer_len("(AP) The man was found."), 0);
/// let s = "&#124; seattle police recovered the wine.";
/// assert_eq!(&s[stray_closer_len(s)..], "seattle police recovered the wine.");
/// ```
pub fn stray_closer_len(sentence: &str) -> usize {
    // A bar may come as its character reference ("&#124; seattle police…").
    let after_bar = sentence.strip_prefix("&#124;");
    if after_bar.is_none() && !sentence.starts_with([')', ']', '/', '|']) {
        return 0;
    }
    let rest = after_bar
        .unwrap_or(sentence)
        .trim_start_matches([')', ']', '/', '|', ' '])
        .trim_start_matches(['-', '\u{2014}', '\u{2013}', ' ']);
    sentence.len() - rest.len()
}

/// Most words of an introduction that points ahead ([`pointing_intro_len`]).
const POINTING_INTRO_WORDS: usize = 12;

/// Length in bytes of an introduction that points ahead to what follows
/// its colon ("Here's why: last year, the trust…", "Here are the latest
/// developments: the suspected shooter…"), or 0. The summary quotes what
/// it introduces: at least six words that are no quotation (a quotation
/// without its introduction would lose its speaker).
///
/// ```
/// use brief_core::text::clean::pointing_intro_len;
/// let s = "Here's why: last year, the trust started putting the screws to the voters.";
/// assert_eq!(&s[pointing_intro_len(s)..], "last year, the trust started putting the screws to the voters.");
/// assert_eq!(pointing_intro_len("Here's how the call went: \"if i order a pizza, can you help,\" he asked."), 0);
/// assert_eq!(pointing_intro_len("Here is the town where she grew up."), 0);
/// assert_eq!(pointing_intro_len("Here's what zuckerberg said: my personal challenge is to build a simple ai."), 0);
/// assert_eq!(pointing_intro_len("Heres: a typo that is no introduction at all here."), 0);
/// ```
pub fn pointing_intro_len(sentence: &str) -> usize {
    let opens = ["here's ", "here\u{2019}s ", "here is ", "here are "]
        .iter()
        .any(|o| super::cues::after_phrase(sentence, o).is_some());
    if !opens {
        return 0;
    }
    let Some(colon) = sentence.find(':') else {
        return 0;
    };
    let intro = &sentence[..colon];
    if intro.split_whitespace().nth(POINTING_INTRO_WORDS).is_some() {
        return 0;
    }
    // "Here's what zuckerberg said: my personal challenge…": what follows
    // is someone's words, and the introduction names whose.
    let names_a_speaker = intro.split(|c: char| !c.is_alphabetic()).any(|w| {
        let w = w.to_ascii_lowercase();
        super::lexicon::is_speech_verb(&w)
            || matches!(w.as_str(), "share" | "shared" | "tweeted" | "posted")
    });
    if names_a_speaker {
        return 0;
    }
    let rest = sentence[colon + 1..].trim_start();
    // A clock time ("at 5: 30 p.m.") is no introduction's end.
    if rest.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'' | '\u{2018}')
    }) {
        return 0;
    }
    len_before_body(sentence, rest, 6)
}

/// Length in bytes of a page's update note opening a sentence, with
/// anything a page ran into before it (a headline, a credit), up to the
/// colon that ends it ("Update: pope francis also met…", "Texas killer
/// goes free update: the associated press reports…", "Updated at 8: 02
/// p.m. Et: george zimmerman… has set up a website"), or 0; a sentence of
/// at least five words must go on after it.
///
/// ```
/// use brief_core::text::clean::update_note_len;
/// let s = "Updated at 8: 02 p.m. Et: george zimmerman has set up a personal website.";
/// assert_eq!(&s[update_note_len(s)..], "george zimmerman has set up a personal website.");
/// let s = "Killer goes free update: the associated press reports he was released.";
/// assert_eq!(&s[update_note_len(s)..], "the associated press reports he was released.");
/// assert_eq!(update_note_len("Updated figures came out: 5 percent growth was seen."), 0);
/// assert_eq!(update_note_len("He slaps a fan ( update: new video ) in a concert on friday."), 0);
/// let s = "[ update: the navy may use the mini-submarine. ] it was a daunting task.";
/// assert_eq!(&s[update_note_len(s)..], "it was a daunting task.");
/// ```
pub fn update_note_len(sentence: &str) -> usize {
    // A note in brackets: "[ update: the thai navy may have a use for the
    // abandoned mini-submarine. ] it was a daunting task."
    if let Some(close) = sentence.strip_prefix(['[', '(']).and_then(|inner| {
        let opened_with_update = inner
            .trim_start()
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("update"));
        let close = sentence.find([']', ')'])?;
        opened_with_update.then_some(close)
    }) {
        return len_before_body(sentence, sentence[close + 1..].trim_start(), 3);
    }
    let head = sentence.get(..120).unwrap_or(sentence);
    // Only a colon can end a label.
    let labelled = if head.contains(':') {
        let lower_head = LowerHead::of(head);
        let lower_head = lower_head.as_str();
        ["update: ", "updated: "].iter().find_map(|label| {
            lower_head
                .find(label)
                .filter(|&i| {
                    // Not inside brackets: "( update: new video )".
                    let before = &head[..i];
                    (i == 0 || before.ends_with(' '))
                        && before.matches(['(', '[']).count() == before.matches([')', ']']).count()
                })
                .map(|i| i + label.len())
        })
    } else {
        None
    };
    let body_start = labelled.or_else(|| {
        if !opens_with_update_note(sentence) {
            return None;
        }
        let head = sentence.get(..80).unwrap_or(sentence);
        head.match_indices(": ").map(|(i, _)| i + 2).find(|&i| {
            sentence[i..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        })
    });
    let Some(start) = body_start else {
        return 0;
    };
    len_before_body(sentence, sentence[start..].trim_start(), 5)
}

/// Length in bytes of a page control's label that a page ran into the
/// sentence after it, or 0: the "Close" button of a video player ("Close
/// police say a man shot himself…"; not "Close to 100 people…", "Close
/// friends said…"), "View archive", "See more videos", "Scroll down for video",
/// ABC News' "Add interest", "Sponsored links", National Geographic's "View Images",
/// a gallery's "View slideshow", a break's "Continue reading" or "Story
/// continues" (before a quotation), a carousel's "Previous next",
/// an audio player's "Listen to article 4: 21", a "More" link before a
/// quotation, a gallery's "Image 2 of 2", or a live
/// page's header ("The latest on hurricane harvey ( all times local ): 2:
/// 15 p.m.: a jury has sided…"), or a label ending in chevrons
/// ([`chevron_label_len`]). A sentence of at least five words must go on
/// after it.
///
/// ```
/// use brief_core::text::clean::page_label_len;
/// let s = "Close police say a man shot himself in front of the white house.";
/// assert_eq!(&s[page_label_len(s)..], "police say a man shot himself in front of the white house.");
/// assert_eq!(page_label_len("Close to 100 people came to the vigil on sunday."), 0);
/// let s = "View slideshow the 2010 mtv video music awards featured performances by eminem.";
/// assert_eq!(&s[page_label_len(s)..], "the 2010 mtv video music awards featured performances by eminem.");
/// let s = "Story continues \"for me, i don't feel sad, \" osaka told reporters.";
/// assert_eq!(&s[page_label_len(s)..], "\"for me, i don't feel sad, \" osaka told reporters.");
/// assert_eq!(page_label_len("Story continues to unfold as the police search the river."), 0);
/// let s = "Objective: we investigated the association between egg consumption and diabetes.";
/// assert_eq!(&s[page_label_len(s)..], "we investigated the association between egg consumption and diabetes.");
/// let s = "San bernardino >> as community members mourned tuesday, details began to emerge.";
/// assert_eq!(&s[page_label_len(s)..], "as community members mourned tuesday, details began to emerge.");
/// let s = "403 forbidden 403 forbidden on the northern end of the town, the water rose.";
/// assert_eq!(&s[page_label_len(s)..], "on the northern end of the town, the water rose.");
/// let s = "Enlarge rudolph giuliani, shown at a press conference, is a republican.";
/// assert_eq!(&s[page_label_len(s)..], "rudolph giuliani, shown at a press conference, is a republican.");
/// ```
pub fn page_label_len(sentence: &str) -> usize {
    // Words after which "Close" is the sentence's own ("Close to", "Close
    // friends"); "in", "on" and "and" follow the button ("Close on friday,
    // …", "Close in his first public comments…").
    const CLOSE_GOES_ON: &[&str] = &[
        "to",
        "by",
        "behind",
        "friends",
        "friend",
        "ties",
        "call",
        "calls",
        "relatives",
        "aides",
        "associates",
        "allies",
        "observers",
        "enough",
        "up",
        "range",
        "second",
        "contact",
        "race",
        "races",
        "scrutiny",
        "attention",
        "family",
    ];
    // A comment prompt ending a headline the page ran into the article
    // ("Tiger woods' wife plans split or leave a comment of your own see
    // what other readers have to say about this story – the…").
    // Searched case for case in a lowercased copy (`case_for_case`). A
    // prompt counts only where it starts in the first 400 bytes, so only
    // those (and the prompt's length past them) are copied.
    const COMMENT_PROMPT_TEXT: &str = "see what other readers have to say about this story";
    static COMMENT_PROMPT: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| super::cues::case_for_case(&[COMMENT_PROMPT_TEXT]));
    let prompt_window =
        LowerHead::of(&sentence[..floor_char_boundary(sentence, 400 + COMMENT_PROMPT_TEXT.len())]);
    if let Some(m) = COMMENT_PROMPT
        .find(prompt_window.as_str())
        .filter(|m| m.start() < 400)
    {
        let rest = sentence[m.end()..].trim_start();
        let rest = DASH_WORDS
            .iter()
            .find_map(|d| rest.strip_prefix(d))
            .unwrap_or(rest)
            .trim_start();
        return len_before_body(sentence, rest, 5);
    }
    let lower = LowerHead::of(sentence.get(..120.min(sentence.len())).unwrap_or_default());
    let lower = lower.as_str();
    let label = if let Some(len) = section_promo_len(lower) {
        Some(len)
    } else if let Some(len) = chevron_label_len(lower) {
        Some(len)
    } else if let Some(rest) = lower.strip_prefix("close ") {
        let next = rest.split_whitespace().next().unwrap_or("");
        let next = next.trim_matches(|c: char| !c.is_alphanumeric());
        (!CLOSE_GOES_ON.contains(&next)).then_some(6)
    } else if let Some(label) = lower.as_bytes().first().and_then(|&b| {
        PAGE_CONTROL_LABELS_BY_BYTE[usize::from(b)]
            .iter()
            .find(|l| lower.starts_with(*l))
    }) {
        Some(label.len())
    } else if let Some(rest) = lower.strip_prefix("story continues ") {
        // The marker a page leaves where an advertisement broke the
        // article ("Story continues \"for me, i don't feel sad…"), not a
        // sentence about a story ("Story continues to unfold…").
        rest.starts_with(['"', '\u{201c}'])
            .then_some("story continues ".len())
    } else if let Some(rest) = lower.strip_prefix("photo ") {
        // A picture's label the page ran into the paragraph under it
        // ("Photo bob bradley was fired thursday…"), not a noun that
        // "photo" begins ("Photo albums were found…") nor a credit line.
        const PHOTO_GOES_ON: &[&str] = &[
            "album",
            "albums",
            "op",
            "ops",
            "shoot",
            "shoots",
            "booth",
            "booths",
            "finish",
            "id",
            "ids",
            "credit",
            "credits",
            "editor",
            "editors",
            "gallery",
            "galleries",
            "of",
            "shows",
            "showing",
            "taken",
            "courtesy",
            "via",
            "by",
            "provided",
            "radar",
            "enforcement",
            "opportunity",
            "opportunities",
            "sharing",
            "library",
            "essay",
            "journalist",
            "journalists",
            "illustration",
            "is",
            "was",
            "has",
            "shared",
            "posted",
            "appears",
            "appeared",
            "from",
            "and",
        ];
        let next = rest.split_whitespace().next().unwrap_or("");
        let next = next.trim_matches(|c: char| !c.is_alphanumeric());
        (!next.is_empty() && !PHOTO_GOES_ON.contains(&next)).then_some(6)
    } else if let Some(rest) = lower.strip_prefix("listen to article ") {
        // An audio player's label and the article's running time
        // ("Listen to article 4: 21 a former apple inc. engineer…").
        let time = clock_time_len(rest);
        (time > 0).then_some("listen to article ".len() + time)
    } else if let Some(rest) = lower.strip_prefix("abstract ") {
        // A journal article's section label run into its first sentence
        // ("Abstract we examined gender differences…", "Abstract
        // background: …"): a word that no adjective "abstract" goes before
        // follows it ("Abstract expressionist painters…" is prose).
        const AFTER_LABEL: &[&str] = &[
            "the",
            "a",
            "an",
            "we",
            "our",
            "it",
            "this",
            "these",
            "here",
            "in",
            "to",
            "although",
            "despite",
            "while",
            "background",
            "objective",
            "objectives",
            "context",
            "importance",
            "introduction",
            "purpose",
            "aims",
            "aim",
            "methods",
        ];
        let word = rest.split(' ').next().unwrap_or("");
        let name = word.trim_end_matches(':');
        // A section's own label goes with it ("Abstract objective: …").
        let label = if name.len() < word.len() {
            "abstract ".len() + word.len()
        } else {
            "abstract ".len()
        };
        AFTER_LABEL.contains(&name).then_some(label)
    } else if lower.starts_with("more \"") || lower.starts_with("more \u{201c}") {
        // A "More" link before a quotation ("More \" my heart just
        // dropped, \" …").
        Some(5)
    } else if let Some(rest) = lower.strip_prefix("image ") {
        // "image 2 of 2 "
        let mut words = rest.split(' ');
        let counter = words
            .next()
            .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
            && words.next() == Some("of")
            && words
                .next()
                .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
        counter.then(|| {
            let skipped: usize = rest.split(' ').take(3).map(|w| w.len() + 1).sum();
            6 + skipped
        })
    } else {
        // One searcher, built once (a `str::find` builds its own on every
        // call, and every sentence gets here); `lower` is lowercase.
        static ALL_TIMES_LOCAL: std::sync::LazyLock<aho_corasick::AhoCorasick> =
            std::sync::LazyLock::new(|| super::cues::case_for_case(&["all times local"]));
        ALL_TIMES_LOCAL.find(lower).map(|m| {
            let i = m.start();
            let after = &lower[i + "all times local".len()..];
            let trimmed = after.trim_start_matches([')', ':', ' ', '_']);
            let at = lower.len() - trimmed.len();
            at + clock_time_len(trimmed)
        })
    };
    let Some(label) = label.filter(|&l| l <= sentence.len()) else {
        return 0;
    };
    let Some(rest) = sentence.get(label..) else {
        return 0;
    };
    len_before_body(sentence, rest.trim_start_matches([':', ' ']), 5)
}

/// Most words before the chevrons of a label ([`chevron_label_len`]).
const MAX_CHEVRON_LABEL_WORDS: usize = 10;

/// Length in bytes of a label that ends in chevrons, with them, opening a
/// sentence (`lower`: its head, lowercase): a dateline ("San bernardino
/// \>> as community members mourned…", "David royal - monterey herald
/// salinas \>> before monday…") or a list of related stories ("Local news
/// more\>> passenger who arrived…", "See the most-read stories in
/// entertainment this hour \>> …"). The label holds a word or more, at
/// most [`MAX_CHEVRON_LABEL_WORDS`], and no sentence's end.
fn chevron_label_len(lower: &str) -> Option<usize> {
    // Asked of every sentence's head: a byte search first.
    let bytes = lower.as_bytes();
    let at = memchr::memchr_iter(b'>', bytes).find(|&i| bytes.get(i + 1) == Some(&b'>'))?;
    let label = &lower[..at];
    let words = label.split_whitespace().count();
    if words == 0 || words > MAX_CHEVRON_LABEL_WORDS || label.contains(['.', '!', '?', '"']) {
        return None;
    }
    let rest = &lower[at..];
    Some(at + (rest.len() - rest.trim_start_matches('>').len()))
}

/// Length in bytes of NBC News' "/ Updated" stamp, with the authors and
/// the dateline a page ran into the article after it ("/ updated by ken
/// dilanian and courtney kube washington — a senior aide…", "/ updated by
/// maggie fox breast implants can cause…"), or 0; a sentence of at least
/// five words must go on after it. An author is two words, or three when
/// the second is an initial ("carol e. lee"; a middle name is not told from
/// a first word of the article: "mac william bishop the u.s. unit…" keeps
/// "bishop"), maybe with a credential ("samuel sarmiento, md"); authors
/// are joined by commas and "and".
///
/// ```
/// use brief_core::text::clean::updated_byline_len;
/// let s = "/ updated by maggie fox breast implants can cause a rare cancer, the fda said.";
/// assert_eq!(&s[updated_byline_len(s)..], "breast implants can cause a rare cancer, the fda said.");
/// ```
pub fn updated_byline_len(sentence: &str) -> usize {
    if !sentence.starts_with('/') {
        return 0;
    }
    let words: Vec<(usize, &str)> = words_with_offsets(sentence).take(24).collect();
    let word = |k: usize| words.get(k).map_or("", |&(_, w)| w);
    if word(0) != "/" || !word(1).eq_ignore_ascii_case("updated") {
        return 0;
    }
    let mut k = 2;
    if word(k).eq_ignore_ascii_case("by") {
        k += 1;
        loop {
            let Some(last) = last_word_of_name(&word, k) else {
                return 0;
            };
            k = last + 1;
            if word(last).ends_with(',') {
                // A credential after the name ("samuel sarmiento, md").
                let credential = ["md", "phd", "rn", "jr.", "sr.", "jr", "sr"]
                    .iter()
                    .any(|c| word(k).trim_end_matches(',').eq_ignore_ascii_case(c));
                k += usize::from(credential);
                if credential && !word(k - 1).ends_with(',') {
                    break;
                }
                continue;
            }
            if word(k).eq_ignore_ascii_case("and") {
                k += 1;
                continue;
            }
            break;
        }
    }
    let Some(&(at, _)) = words.get(k) else {
        return 0;
    };
    let at = at + lowercased_dateline_len_with(&sentence[at..], false);
    len_before_body(sentence, &sentence[at..], 5)
}

/// The index of the last word of a person's name that starts at word
/// `k`: two words, or three when the second is an initial ("carol e.
/// lee"), with a family name the release spaced out ("o ' hara"); `None`
/// when the words run out.
fn last_word_of_name<'a>(word: &impl Fn(usize) -> &'a str, k: usize) -> Option<usize> {
    let second = word(k + 1);
    let initial = second.len() == 2 && second.ends_with('.');
    let mut last = k + if initial { 2 } else { 1 };
    if word(last + 1) == "'" && word(last).len() == 1 {
        last += 2;
    }
    (!word(last).is_empty()).then_some(last)
}

/// Nouns that end a byline's role ("staff writer", "healthday reporter",
/// "general counsel").
const BYLINE_ROLES: &[&str] = &[
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "contributor",
    "columnist",
    "editor",
    "counsel",
    "producer",
];

/// Length in bytes of a byline that a lowercased text ran into the
/// sentence after it ("By lauren pack and eric schwartzberg staff writer
/// neighbors of a man…", "By radar staff in the wake of…", "By erin
/// mcpike - july 10, 2012 early this spring…"), with the role, date and
/// dateline that follow it, or 0; a sentence of at least five words must
/// go on after it. The first author's given name is a known one and the
/// word after it a name, not a common word, so prose ("By morning,", "By
/// family members who…", "By will of the people") is left alone; names
/// keep no capitals here, so cased text never matches.
///
/// ```
/// use brief_core::text::clean::lowercased_byline_len;
/// let s = "By tom winter and david k. Li the company that publishes the tabloid admitted it.";
/// assert_eq!(&s[lowercased_byline_len(s)..], "the company that publishes the tabloid admitted it.");
/// assert_eq!(lowercased_byline_len("By morning, several teeth were damaged or removed."), 0);
/// ```
pub fn lowercased_byline_len(sentence: &str) -> usize {
    if !sentence.starts_with("By ") {
        return 0;
    }
    let words: Vec<(usize, &str)> = words_with_offsets(sentence).take(40).collect();
    let word = |k: usize| words.get(k).map_or("", |&(_, w)| w);
    let lowercase_word =
        |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-' || c == '\'');
    let stop_words = super::filter::StopWords::default();
    let staff = (2..=3).find(|&j| word(j) == "staff" && (1..j).all(|i| lowercase_word(word(i))));
    let mut k = if let Some(j) = staff {
        // A site's staff ("By radar staff", "By mayo clinic staff").
        j + 1
    } else {
        let given = word(1);
        let family = word(2);
        let family_word = family.trim_end_matches(',');
        let initial = family.len() == 2 && family.ends_with('.');
        let spaced_out = family.len() == 1 && word(3) == "'";
        let family_name = lowercase_word(family_word)
            && !stop_words.contains(family_word)
            && !family_word.ends_with("'s")
            && !super::recase::is_common_after_name(family_word);
        if !lowercase_word(given)
            || !super::lexicon::is_given_name(given)
            || !(initial || spaced_out || family_name)
        {
            return 0;
        }
        let mut k = 1;
        loop {
            let Some(last) = last_word_of_name(&word, k) else {
                return 0;
            };
            k = last + 1;
            if word(k) == "and" && !word(last).ends_with(',') {
                k += 1;
                continue;
            }
            break k;
        }
    };
    // A role, after a comma, a dash or nothing ("staff writer", ", general
    // counsel", "– radar reporter", "( nnpa newswire contributor )", "palm
    // beach post staff writer").
    let role_from = |k: usize| {
        let bracketed = word(k) == "(";
        let first = k + usize::from(bracketed);
        (first..first + 5)
            .find(|&j| BYLINE_ROLES.contains(&word(j).trim_end_matches(',')))
            .filter(|&j| (first..j).all(|i| lowercase_word(word(i))))
            .map(|j| {
                if bracketed && word(j + 1) == ")" {
                    j + 2
                } else {
                    j + 1
                }
            })
            .filter(|&end| !bracketed || word(end - 1) == ")")
    };
    let role_start = if DASH_WORDS.contains(&word(k)) {
        k + 1
    } else {
        k
    };
    match role_from(role_start) {
        Some(end) => k = end,
        // A comma after a name that no role follows: the words after it
        // are a role this list lacks ("…, ds public affairs").
        None if word(k - 1).ends_with(',') => return 0,
        None => {}
    }
    // A site's name ("ktvu.com").
    if word(k).ends_with(".com") {
        k += 1;
    }
    k = date_end(&word, k);
    let Some(&(at, _)) = words.get(k) else {
        return 0;
    };
    let rest = &sentence[at..];
    let at = at
        + match agency_dateline_len(rest) {
            0 => lowercased_dateline_len_with(rest, false),
            len => len,
        };
    if body_opens_prose(&sentence[at..], 5) {
        at
    } else {
        0
    }
}

/// The index of the word after a byline's date that starts at word `k`
/// ("- july 10, 2012", "• september 14, 2011 12: 15 pm", "monday, dec. 1,
/// 2014", "/ march 7, 2012 at 1: 21 pm"), or `k` when none does.
fn date_end<'a>(word: &impl Fn(usize) -> &'a str, k: usize) -> usize {
    let key = |j: usize| word(j).trim_end_matches([',', '.']).to_ascii_lowercase();
    let mut j = k;
    if ["-", "\u{2013}", "\u{2014}", "\u{2022}", "/", "|"].contains(&word(j)) {
        j += 1;
    }
    if super::calendar::WEEKDAYS.contains(&key(j).as_str()) {
        j += 1;
    }
    if !super::calendar::is_month_name(&key(j)) {
        return k;
    }
    j += 1;
    let number = |j: usize, digits: std::ops::RangeInclusive<usize>| {
        let w = word(j).trim_end_matches(',');
        digits.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    if !number(j, 1..=2) {
        return k;
    }
    j += 1;
    if number(j, 4..=4) {
        j += 1;
    }
    if word(j) == "at" {
        j += 1;
    }
    // A clock time the release spaced ("12: 15 pm").
    let hours = word(j).strip_suffix(':').unwrap_or("");
    if !hours.is_empty()
        && hours.len() <= 2
        && hours.bytes().all(|b| b.is_ascii_digit())
        && number(j + 1, 2..=2)
    {
        j += 2;
        if ["am", "pm", "a.m.", "p.m."].contains(&word(j)) {
            j += 1;
        }
    }
    j
}

/// Length in bytes of a share button's "Email this", with the headline a
/// page ran into before it, that opens a sentence ("Ricki lake sued for
/// starting house fire email this ricki lake is now being sued…"), or 0;
/// the button stands within the first 200 bytes and a sentence of at least
/// five words goes on after it. "By email this week" and "please email
/// this address" are prose.
///
/// ```
/// use brief_core::text::clean::share_button_len;
/// let s = "Betty white wanted email this even at 88, betty white has the ambition of a 20-something!";
/// assert_eq!(&s[share_button_len(s)..], "even at 88, betty white has the ambition of a 20-something!");
/// assert_eq!(share_button_len("The story was passed around by email this week as high jinks."), 0);
/// ```
pub fn share_button_len(sentence: &str) -> usize {
    const BUTTON: &str = "email this ";
    const TIMES: &[&str] = &[
        "week",
        "weekend",
        "morning",
        "afternoon",
        "evening",
        "month",
        "year",
        "spring",
        "summer",
        "fall",
        "winter",
    ];
    let head = &sentence[..floor_char_boundary(sentence, 200)];
    // Most sentences hold no "mail": skip them with vectorized searches
    // (finders built once), and compare the rest byte for byte, ignoring
    // case, without a lowercased copy.
    static MAIL: std::sync::LazyLock<Marks<2>> =
        std::sync::LazyLock::new(|| Marks::new(["mail ", "MAIL "]));
    if !MAIL.any_in(head) {
        return 0;
    }
    let Some(at) = head
        .as_bytes()
        .windows(BUTTON.len())
        .enumerate()
        .position(|(at, w)| {
            w.eq_ignore_ascii_case(BUTTON.as_bytes())
                && (at == 0 || head.as_bytes()[at - 1] == b' ')
        })
    else {
        return 0;
    };
    // Words after which "email this" is a request ("please email this
    // address…").
    const ASKING: &[&str] = &[
        "please", "to", "by", "via", "you", "can", "will", "and", "or", "i", "we", "just", "simply",
    ];
    let rest = &sentence[at + BUTTON.len()..];
    let next = rest.split_whitespace().next().unwrap_or("");
    let previous = sentence[..at].split_whitespace().next_back().unwrap_or("");
    // A sentence whose subject was a link the page dropped ("email this
    // was spotted at disney world…", "email this's playboy interview…",
    // "email this and the gay community seem…") would open as a fragment.
    const SUBJECT_LOST: &[&str] = &["was", "is", "has", "had", "and", "or", "but"];
    if TIMES.iter().any(|t| t.eq_ignore_ascii_case(next))
        || ASKING.iter().any(|w| w.eq_ignore_ascii_case(previous))
        || SUBJECT_LOST.iter().any(|w| w.eq_ignore_ascii_case(next))
        || rest.starts_with('\'')
    {
        return 0;
    }
    len_before_body(sentence, rest.trim_start(), 5)
}

/// Length of a section's promotion that opens `lower` (a lowercased
/// sentence head), its name before and after "for more, visit" ("time
/// health for more, visit time health about half of all abortions…"),
/// with the space after it.
fn section_promo_len(lower: &str) -> Option<usize> {
    const PROMPT: &str = " for more, visit ";
    let head = lower.get(..48)?;
    // Every sentence is asked: most have no comma this early.
    if !head.contains(',') {
        return None;
    }
    let at = head.find(PROMPT)?;
    let section = &lower[..at];
    let rest = &lower[at + PROMPT.len()..];
    (!section.is_empty() && rest.strip_prefix(section)?.starts_with(' '))
        .then(|| at + PROMPT.len() + section.len() + 1)
}

/// Length in bytes of a linked headline and the "»" that points at it,
/// run into the sentence after them ("Family of waterbury man killed in
/// crash will sue estate of katherine berman » bertulis was driving on
/// sherman hill road…"), or 0. The glyph stands within the first 300
/// bytes, after at least three words and no opening "«" (French quotes
/// close with "»"), and a sentence of at least eight words goes on.
///
/// ```
/// use brief_core::text::clean::link_glyph_len;
/// let s = "Family of waterbury man will sue estate \u{bb} bertulis was driving on sherman hill road after visiting a grave.";
/// assert_eq!(&s[link_glyph_len(s)..], "bertulis was driving on sherman hill road after visiting a grave.");
/// assert_eq!(link_glyph_len("Elle a dit \u{ab} non \u{bb} et elle est partie sans attendre la fin de la r\u{e9}union."), 0);
/// ```
pub fn link_glyph_len(sentence: &str) -> usize {
    const GLYPH: &str = " \u{bb} ";
    let head = &sentence[..floor_char_boundary(sentence, 300)];
    // Every sentence is asked: a byte search for the glyph first.
    if !head.contains('\u{bb}') {
        return 0;
    }
    let Some(at) = head.find(GLYPH) else {
        return 0;
    };
    let before = &sentence[..at];
    if before.contains('\u{ab}') || before.split_whitespace().nth(2).is_none() {
        return 0;
    }
    let body = sentence[at + GLYPH.len()..].trim_start();
    if !body.starts_with(|c: char| c.is_alphanumeric() || "\"'\u{201c}".contains(c)) {
        return 0;
    }
    len_before_body(sentence, body, 8)
}

/// [`PAGE_CONTROL_LABELS`] by first byte, in their order, so a sentence's
/// opening is compared with the few labels that start like it (every
/// sentence is asked).
static PAGE_CONTROL_LABELS_BY_BYTE: std::sync::LazyLock<Vec<Vec<&'static str>>> =
    std::sync::LazyLock::new(|| by_first_byte(PAGE_CONTROL_LABELS));

/// Labels of page controls that pages run into the sentence after them
/// ("See more videos zimmerman and apperson clashed twice…"), lowercase,
/// each with the space after it.
const PAGE_CONTROL_LABELS: &[&str] = &[
    "view archive ",
    "view images ",
    "add interest ",
    "sponsored links ",
    "see more videos ",
    "watch the report ",
    "scroll down for video ",
    "share your thoughts ",
    "view slideshow ",
    "view gallery ",
    "view photo gallery ",
    "continue reading below ",
    "continue reading the main story ",
    "continue reading main story ",
    "continue reading ",
    "story continues below ",
    "previous next enlarge ",
    "previous next ",
    // A picture's zoom button ("Enlarge rudolph giuliani, shown at…"), an
    // error page's title run into the article ("403 forbidden 403
    // forbidden on the northern end of braithwaite, …").
    "enlarge ",
    "403 forbidden 403 forbidden ",
    "403 forbidden ",
    // A video player's buttons ("X embed x share two campers have been
    // arrested…"), a review page's ("Printer-friendly » e-mail this to a
    // friend » molly is a perfect 10.").
    "x embed x share ",
    "printer-friendly \u{bb} e-mail this to a friend \u{bb} ",
    // A live page's or a blog's label on a post ("Earlier: if you
    // thought…", "Original post: | seattle police announced…",
    // "Breaking: eyewitness news has confirmed…").
    "earlier: ",
    // A broadcast transcript's reporter, a study abstract's sections
    // ("Reporter: for 12 years his mugshot…", "Objective: we investigated
    // the association…").
    "reporter: ",
    "introduction: ",
    "background: ",
    "objective: ",
    "objectives: ",
    "methods: ",
    "results: ",
    "conclusions: ",
    "original post: | ",
    "original post: &#124; ",
    "original post: ",
    "breaking: ",
];

/// Length of a clock time opening `s` ("12: 45 p.m.", "7 p.m.", "10
/// a.m."), or 0.
fn clock_time_len(s: &str) -> usize {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return 0;
    }
    let mut at = digits;
    if let Some(rest) = s[at..].strip_prefix(':') {
        let spaced = rest.len() - rest.trim_start_matches(' ').len();
        let minutes = rest[spaced..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if minutes == 2 {
            at += 1 + spaced + 2;
        }
    }
    let rest = &s[at..];
    let spaced = rest.len() - rest.trim_start_matches(' ').len();
    for meridiem in ["a.m.", "p.m."] {
        if rest[spaced..].starts_with(meridiem) {
            return at + spaced + meridiem.len();
        }
    }
    at
}

/// Whether the sentence opens with a page's note of when it was updated
/// ("Updated at 4: 01 p.m. Et", "Update (2/6/18 9:49 a.m.):"): an opening
/// word "update"/"updated", then a digit, "at" or "on" within two words.
pub fn opens_with_update_note(sentence: &str) -> bool {
    // Every sentence is asked: most fail on their first letter.
    if !sentence
        .trim_start()
        .as_bytes()
        .first()
        .is_some_and(|b| b.eq_ignore_ascii_case(&b'u'))
    {
        return false;
    }
    let mut words = sentence.split_whitespace();
    let first = words
        .next()
        .unwrap_or("")
        .trim_end_matches(':')
        .to_ascii_lowercase();
    if first != "update" && first != "updated" {
        return false;
    }
    words.take(2).any(|w| {
        let w = w.trim_start_matches('(').to_ascii_lowercase();
        w == "at" || w == "on" || w.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Words of a bracketed photo credit: it names the picture or its source.
const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographer",
    "picture",
    "image",
    "images",
    "getty",
    "gettyimages",
    "courtesy",
    "credit",
    "file",
    "ap",
    "afp",
    "reuters",
    "epa",
];

/// The length of one bracketed credit and the space after it, when a
/// sentence of at least three words goes on after it.
fn one_photo_credit_len(sentence: &str) -> Option<usize> {
    let end = bracketed_credit_end(sentence)?;
    let len = len_before_body(sentence, sentence[end..].trim_start(), 3);
    (len > 0).then_some(len)
}

/// Whether `rest`, the text that follows a sentence up to its line's end,
/// is a bracketed photo credit alone ("(Mark Schiefelbein/AP)"): the
/// sentence before it is the picture's caption.
///
/// ```
/// use brief_core::text::clean::is_credit_line_end;
/// assert!(is_credit_line_end(" (Mark Schiefelbein/AP)"));
/// assert!(!is_credit_line_end(" (The talks resumed.)"));
/// assert!(!is_credit_line_end(" (AP) The talks resumed."));
/// ```
pub fn is_credit_line_end(rest: &str) -> bool {
    let rest = rest.trim();
    bracketed_credit_end(rest) == Some(rest.len())
}

/// The end (past the closing bracket) of the bracketed credit that opens
/// `text`: a source with a slash ("brittany murray/long beach press
/// telegram") or a credit word ("AP", "Getty"), a few words, no sentence.
fn bracketed_credit_end(text: &str) -> Option<usize> {
    let close = match text.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let end = text.get(..120).unwrap_or(text).find(close)?;
    let inner = &text[1..end];
    let words: Vec<&str> = inner.split_whitespace().collect();
    // A sentence in brackets ("(The file was sealed.)") is no credit.
    if words.is_empty() || words.len() > 14 || inner.trim_end().ends_with(['.', '!', '?']) {
        return None;
    }
    // A source credit ("brittany murray/long beach press telegram"): a
    // slash between two words.
    let slash_credit = inner.char_indices().any(|(i, c)| {
        c == '/'
            && inner[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && inner[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
    });
    let credit_word = words.iter().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        CREDIT_WORDS.contains(&w.as_str()) || w.split('/').any(|part| CREDIT_WORDS.contains(&part))
    });
    if !slash_credit && !credit_word {
        return None;
    }
    Some(end + close.len_utf8())
}

/// Words of spaced-out text that are a dash: a dateline's separator, or
/// one side of an aside.
const DASH_WORDS: &[&str] = &["\u{2014}", "\u{2013}", "-", "--", "_"];

/// Whether what follows a lowercased dateline's dash reads as an article's
/// first sentence: it opens like prose (a lowercase letter, a digit, a
/// quotation mark), not with a conjunction or relative pronoun that would
/// make the words before the dash a subject ("Harder — who represented…",
/// "…dayton, ohio -- and then…"), holds its other dashes in pairs (an odd
/// one closes an aside the words before it opened: "Mitt romney — who is
/// said… — was treated"), and has at least `min_words` words.
fn dateline_body_reads_on(body: &str, min_words: usize) -> bool {
    let dashes = body
        .split_whitespace()
        .filter(|w| {
            DASH_WORDS.contains(w) || w.contains(['\u{2014}', '\u{2013}']) || w.contains("--")
        })
        .count();
    dashes % 2 == 0 && body_opens_prose(body, min_words)
}

/// Whether `body` opens like prose (a lowercase letter, a digit, a
/// quotation mark), not with a conjunction or relative pronoun, and has
/// at least `min_words` words.
fn body_opens_prose(body: &str, min_words: usize) -> bool {
    const NOT_OPENINGS: &[&str] = &[
        "who",
        "who's",
        "whose",
        "which",
        "including",
        "and",
        "but",
        "or",
        "so",
        "then",
        "where",
    ];
    let opens_prose = body
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '"' || c == '\'');
    let first_word = body.split_whitespace().next().unwrap_or("");
    opens_prose
        && !NOT_OPENINGS.contains(&first_word)
        && body
            .split_whitespace()
            .nth(min_words.saturating_sub(1))
            .is_some()
}

/// Length in bytes of a place-name dateline opening the first sentence of
/// a text lowercased but for sentence openings (the truncated Multi-News
/// release: "Clinton — a trip to the men's restroom…", "Cleveland, ohio --
/// timothy loehmann…", "Salt lake city — lawyers…"), or 0. The place has
/// lost its capitals, so it is told from a subject set off by dashes ("Mitt
/// romney — who is said to be eyeing a bid — was treated…") by its
/// shape alone: one to four words of letters and periods (at most one
/// comma, "cleveland, ohio"), no function word, a spaced dash, no other
/// dash left unpaired after it, and no relative pronoun ("Harder — who
/// represented…") after it. Callers check that the text is
/// lowercased: in a cased text this shape is a subject ("Trump — the man
/// who…").
///
/// ```
/// use brief_core::text::clean::lowercased_dateline_len;
/// let s = "Salt lake city \u{2014} lawyers across utah opened their email.";
/// assert_eq!(&s[lowercased_dateline_len(s)..], "lawyers across utah opened their email.");
/// assert_eq!(lowercased_dateline_len("File - in this june 12 photo, a man waves."), 0);
/// ```
pub fn lowercased_dateline_len(sentence: &str) -> usize {
    lowercased_dateline_len_with(sentence, true)
}

/// [`lowercased_dateline_len`] after a picture's credit that a page ran
/// into the article's opening, where the place has no capital either
/// ("( photo: mark humphrey, ap ) rio de janeiro — rio police say…").
///
/// ```
/// use brief_core::text::clean::lowercased_dateline_after_credit_len;
/// let s = "rio de janeiro \u{2014} rio police say a man was shot dead.";
/// assert_eq!(&s[lowercased_dateline_after_credit_len(s)..], "rio police say a man was shot dead.");
/// ```
pub fn lowercased_dateline_after_credit_len(sentence: &str) -> usize {
    lowercased_dateline_len_with(sentence, false)
}

/// [`lowercased_dateline_len`], with the place's first word capitalized
/// (an article's opening) or not (after a byline that a page ran into it).
fn lowercased_dateline_len_with(sentence: &str, capital_first: bool) -> usize {
    // Words that do not stand in a place's name: articles, verbs, links,
    // and the labels of captions and bylines ("File -", "By jane doe -").
    const NOT_IN_PLACES: &[&str] = &[
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "is",
        "are",
        "was",
        "were",
        "be",
        "but",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "to",
        "with",
        "from",
        "as",
        "file",
        "meet",
        "during",
        "although",
        "someone",
        "here",
        "there",
        "now",
        "why",
        "what",
        "who",
        "how",
        "when",
        "where",
        "yes",
        "no",
        "so",
        "then",
        "also",
        "just",
        "not",
        "all",
        "update",
        "updated",
        "correction",
        "editor",
        "note",
    ];
    let mut words = words_with_offsets(sentence);
    let mut head = 0usize;
    let mut commas = 0usize;
    let body_start = loop {
        let Some((_, w)) = words.next() else {
            return 0;
        };
        if DASH_WORDS.contains(&w) {
            if head == 0 {
                return 0;
            }
            match words.next() {
                Some((at, _)) => break at,
                None => return 0,
            }
        }
        head += 1;
        let (bare, comma) = match w.strip_suffix(',') {
            Some(bare) => (bare, true),
            None => (w, false),
        };
        commas += usize::from(comma);
        let capital_ok = if head == 1 && capital_first {
            bare.starts_with(|c: char| c.is_ascii_uppercase())
        } else {
            !bare.contains(|c: char| c.is_uppercase())
        };
        if head > 4
            || commas > 1
            || !capital_ok
            || !bare.contains(char::is_alphabetic)
            || !bare.chars().all(|c| c.is_alphabetic() || c == '.')
            || NOT_IN_PLACES
                .iter()
                .any(|n| n.eq_ignore_ascii_case(bare.trim_end_matches('.')))
        {
            return 0;
        }
    };
    let body = &sentence[body_start..];
    if dateline_body_reads_on(body, 4) {
        body_start
    } else {
        0
    }
}

/// How far into the first sentence of a lowercased text a place-and-state
/// dateline ends that a page glued to what came before it, or 0: "Please
/// enable javascript to watch this video cleveland, ohio -- a local mom
/// thought…", "( photo: krem ) post falls, idaho – a post falls family…".
/// The state is what makes it a dateline: a US state, its AP or postal
/// abbreviation, or a country or other known place, after a comma and
/// before a spaced dash, within the sentence's first
/// [`GLUED_DATELINE_BYTES`], with no quotation before it and no unpaired
/// dash or conjunction after it ("he moved to dayton, ohio -- and then…").
/// Callers check that the text is lowercased.
///
/// ```
/// use brief_core::text::clean::glued_place_dateline_len;
/// let s = "Please enable javascript to watch this video cleveland, ohio -- a local mom thought she had made the best decision.";
/// assert_eq!(&s[glued_place_dateline_len(s)..], "a local mom thought she had made the best decision.");
/// ```
pub fn glued_place_dateline_len(sentence: &str) -> usize {
    // AP's abbreviations of US states, and the postal codes that are no
    // English words.
    const STATE_ABBREVIATIONS: &[&str] = &[
        "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.",
        "kan.", "kans.", "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.",
        "neb.", "nev.", "n.h.", "n.j.", "n.m.", "n.y.", "n.c.", "n.d.", "okla.", "ore.", "pa.",
        "r.i.", "s.c.", "s.d.", "tenn.", "vt.", "va.", "wash.", "w.va.", "wis.", "wyo.", "d.c.",
        "al", "ak", "az", "ar", "ca", "ct", "fl", "ga", "ia", "il", "ks", "md", "mi", "mn", "ms",
        "mt", "nc", "nd", "nh", "nj", "nm", "nv", "ny", "sc", "sd", "tn", "tx", "vt", "va", "wa",
        "wi", "wv", "wy", "dc",
    ];
    let limit = floor_char_boundary(sentence, GLUED_DATELINE_BYTES);
    let words: Vec<(usize, &str)> = words_with_offsets(sentence).collect();
    let is_word = |w: &str| {
        w.contains(char::is_alphabetic) && w.chars().all(|c| c.is_alphabetic() || c == '.')
    };
    for (k, &(at, w)) in words.iter().enumerate() {
        if at >= limit {
            break;
        }
        if k < 2 || !DASH_WORDS.contains(&w) {
            continue;
        }
        // The state: one or two words after a word ending in a comma.
        let state_of = |n: usize| -> Option<String> {
            let first = k.checked_sub(n)?;
            let place = words.get(first.checked_sub(1)?)?.1.strip_suffix(',')?;
            let state: Vec<&str> = words[first..k].iter().map(|&(_, w)| w).collect();
            (is_word(place) && state.iter().all(|w| is_word(w))).then(|| state.join(" "))
        };
        let known = (1..=2).filter_map(state_of).any(|state| {
            STATE_ABBREVIATIONS.contains(&state.as_str()) || is_place(state.trim_end_matches('.'))
        });
        if !known || sentence[..at].contains(['"', '\u{201c}', '\u{201d}']) {
            continue;
        }
        let Some(&(body_at, _)) = words.get(k + 1) else {
            return 0;
        };
        return if dateline_body_reads_on(&sentence[body_at..], 5) {
            body_at
        } else {
            0
        };
    }
    0
}

/// A dateline ending in an agency in parentheses, whatever the case of the
/// place and of the agency: "(CNN) -- ", "Sycamore, Illinois (CNN) ",
/// "Dec 17 (Reuters) - ", "( associated press ) iguala, mexico ( ap ) — "
/// (a run of such groups is one dateline).
pub fn agency_dateline_len(sentence: &str) -> usize {
    let mut total = 0;
    loop {
        let rest = &sentence[total..];
        let n = one_agency_dateline_len(rest);
        if n == 0 || n >= rest.len() {
            break;
        }
        total += n;
    }
    total + glued_agency_dateline_len(&sentence[total..])
}

/// How far into a sentence a dateline ends that a page glued to what came
/// before it — a headline, a photo credit — with no sentence break: "Us
/// unemployment rate plummets to 6.3 percent; economy gains 288,000 jobs
/// washington ( ap ) — us unemployment…". Only an agency in parentheses
/// followed by a dash counts (prose does not write "( ap ) —"), within the
/// sentence's first [`GLUED_DATELINE_BYTES`], with no quotation before it.
fn glued_agency_dateline_len(sentence: &str) -> usize {
    let mut from = 0;
    let limit = floor_char_boundary(sentence, GLUED_DATELINE_BYTES);
    while let Some(k) = sentence[from..limit].find('(') {
        let open = from + k;
        from = open + 1;
        let Some(close) = sentence[open..].find(')').map(|c| open + c) else {
            return 0;
        };
        let inside = sentence[open + 1..close].trim().to_ascii_lowercase();
        if !AGENCIES.contains(&inside.as_str()) {
            continue;
        }
        let after = sentence[close + 1..].trim_start();
        let Some(body) = ["--", "-", "_", "\u{2014}", "\u{2013}"]
            .iter()
            .find_map(|sep| after.strip_prefix(sep))
            .map(str::trim_start)
        else {
            continue;
        };
        let before = &sentence[..open];
        let quoted = before.contains(['"', '\u{201c}', '\u{201d}']);
        let opens = body
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '\u{201c}');
        return if quoted || !opens {
            0
        } else {
            sentence.len() - body.len()
        };
    }
    0
}

/// Bytes of a sentence searched for a glued dateline: a headline and a
/// photo credit or two.
const GLUED_DATELINE_BYTES: usize = 400;

/// The largest char boundary of `text` at or below `at` (`str`'s own is
/// not stable yet).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether `text` is a US broadcaster's call sign, or several joined by
/// slashes, as a station signs its datelines ("AUGUSTA, Ga. (WRDW/WAGT) –",
/// "(KTLA-TV) —"): three or four capitals starting with K or W, maybe
/// "-TV". Capitals only: a lowercased "( wake )" is a word.
fn is_call_sign(text: &str) -> bool {
    !text.is_empty()
        && text.split('/').all(|part| {
            let letters = part.strip_suffix("-TV").unwrap_or(part);
            (3..=4).contains(&letters.len())
                && letters.starts_with(['K', 'W'])
                && letters.bytes().all(|b| b.is_ascii_uppercase())
        })
}

fn one_agency_dateline_len(sentence: &str) -> usize {
    let head = sentence.get(..60).unwrap_or(sentence);
    let Some(open) = head.find('(') else {
        return 0;
    };
    let place = &sentence[..open];
    if place.split_whitespace().count() > 5 || place.contains(['"', '\u{201c}', ')']) {
        return 0;
    }
    // A period only in a state's abbreviation after the comma ("Mobile,
    // Ala. (AP) —", "Washington, D.C. (AP)"); elsewhere it ends a sentence.
    if let Some(dot) = place.find('.') {
        let state_abbreviation = place
            .find(',')
            .is_some_and(|comma| comma < dot && place[comma + 1..].split_whitespace().count() <= 2);
        if !state_abbreviation {
            return 0;
        }
    }
    let Some(close) = sentence[open..].find(')').map(|c| open + c) else {
        return 0;
    };
    let inside_raw = sentence[open + 1..close].trim();
    let inside = inside_raw.to_ascii_lowercase();
    // A lowercased text's call sign ("( wncn ) –", "Portland, ore. ( koin )
    // —") is told from a word by the dash after it, checked below, and by
    // a place with its state before it or by its letters: at most one
    // vowel ("Forest ( wake ) —" is a word).
    let lowercase_call_sign = inside_raw == inside
        && (place.contains(',') || inside.bytes().filter(|b| b"aeiou".contains(b)).count() <= 1)
        && is_call_sign(&inside.to_ascii_uppercase());
    let call_sign = is_call_sign(inside_raw) || lowercase_call_sign;
    // An agency this list lacks signs after a place and its day ("Seoul,
    // dec. 18 ( yonhap ) --", "Taipei, feb. 5 ( cna ) in the wake…").
    let after_dated_place = is_dated_place(place) && is_agency_like(&inside);
    if !AGENCIES.contains(&inside.as_str()) && !call_sign && !after_dated_place {
        return 0;
    }
    let after = sentence[close + 1..].trim_start();
    let (body, dashed) = match after_label_separator(after) {
        Some(rest) => (rest, true),
        None => (after, false),
    };
    // Without a dash the body must open like a sentence; after one, any
    // word will do (lowercased text: "( ap ) — a clandestine grave...").
    // CNN signs without a dash ("Washington ( cnn ) the south facade…").
    // The place is a name, and the body no report of what CNN said ("The
    // network ( cnn ) said…").
    let undashed_agency = inside == "cnn"
        && !place.trim().is_empty()
        && !place.split_whitespace().any(|w| {
            ["the", "a", "an", "told", "said", "to", "by"]
                .iter()
                .any(|f| f.eq_ignore_ascii_case(w))
        })
        && !body
            .split_whitespace()
            .next()
            .is_some_and(|w| super::lexicon::is_speech_verb(&w.to_lowercase()));
    let opens = body.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c == '"'
            || c == '\u{201c}'
            || ((dashed || open == 0 || undashed_agency || after_dated_place)
                && c.is_alphanumeric())
    });
    // A bare "(AP)" with nothing before it is a credit, not a dateline,
    // unless a dash follows or it is the whole opening. A station's call
    // sign needs the dash.
    if opens && (dashed || (!call_sign && (!place.trim().is_empty() || open == 0))) {
        sentence.len() - body.len()
    } else {
        0
    }
}

/// Whether a sentence is only a quotation, with no speaker named outside the
/// quote marks (`"It may be just the opposite".`): such a sentence only makes
/// sense next to the one that says who spoke, so a summary must not quote it
/// alone.
///
/// ```
/// use brief_core::text::clean::is_bare_quote;
/// assert!(is_bare_quote("\"It may be just the opposite\"."));
/// assert!(!is_bare_quote("\"We can not let this happen again\", Tillerson told reporters."));
/// assert!(!is_bare_quote("Lavrov called the strike \"unlawful\"."));
/// ```
pub fn is_bare_quote(sentence: &str) -> bool {
    let s = sentence.trim();
    if !s.starts_with(['"', '\u{201c}', '\u{201e}']) {
        return false;
    }
    let mut outside = String::new();
    let mut inside = false;
    for c in s.chars() {
        match c {
            '"' => inside = !inside,
            '\u{201c}' | '\u{201e}' => inside = true,
            '\u{201d}' => inside = false,
            _ if !inside => outside.push(c),
            _ => {}
        }
    }
    outside
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        == 0
}

/// A text's opening with its ASCII letters lowercased, copied to the stack
/// when it is short (every sentence's opening is lowercased by several of
/// the label tests here, and a heap copy each time showed in profiles).
// The large variant is the point: one call's copy, on its stack.
#[allow(clippy::large_enum_variant)]
enum LowerHead {
    Stack([u8; LowerHead::CAPACITY], usize),
    Heap(String),
}

impl LowerHead {
    const CAPACITY: usize = 512;

    /// `head` with [`str::to_ascii_lowercase`]'s letters.
    fn of(head: &str) -> LowerHead {
        if head.len() > Self::CAPACITY {
            return LowerHead::Heap(head.to_ascii_lowercase());
        }
        let mut buf = [0u8; Self::CAPACITY];
        buf[..head.len()].copy_from_slice(head.as_bytes());
        buf[..head.len()].make_ascii_lowercase();
        LowerHead::Stack(buf, head.len())
    }

    /// The lowercased text (lowercasing ASCII letters keeps UTF-8 valid).
    fn as_str(&self) -> &str {
        match self {
            LowerHead::Stack(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or_default(),
            LowerHead::Heap(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `len` trims each of `trimmed` to its body and leaves
    /// each of `kept` whole.
    fn check_trims(len: fn(&str) -> usize, trimmed: &[(&str, &str)], kept: &[&str]) {
        for (s, body) in trimmed {
            assert_eq!(&s[len(s)..], *body, "{s}");
        }
        for s in kept {
            assert_eq!(len(s), 0, "{s}");
        }
    }

    #[test]
    fn a_lowercased_byline_run_into_the_article_is_trimmed_and_prose_kept() {
        check_trims(
            lowercased_byline_len,
            &[
                (
                    "By lauren pack and eric schwartzberg staff writer neighbors of a man said they were scared.",
                    "neighbors of a man said they were scared.",
                ),
                (
                    "By radar staff in the wake of the split, speculation is building fast.",
                    "in the wake of the split, speculation is building fast.",
                ),
                (
                    "By mayo clinic staff niacin, a b vitamin, has long been used to raise hdl.",
                    "niacin, a b vitamin, has long been used to raise hdl.",
                ),
                (
                    "By jennifer seltzer palm beach post staff writer two area beaches were closed today.",
                    "two area beaches were closed today.",
                ),
                (
                    "By erin mcpike - july 10, 2012 early this spring, as the new map took shape, it changed.",
                    "early this spring, as the new map took shape, it changed.",
                ),
                (
                    "By randy dotinga healthday reporter monday, dec. 1, 2014 ( healthday news ) -- new research in africa suggests a link.",
                    "new research in africa suggests a link.",
                ),
                (
                    "By michelle malkin \u{2022} september 14, 2011 12: 15 pm this is simply brilliant, and it is true.",
                    "this is simply brilliant, and it is true.",
                ),
                (
                    "By chris o ' brien / march 7, 2012 at 1: 21 pm it seems like over the past few months we saw more.",
                    "it seems like over the past few months we saw more.",
                ),
                (
                    "By ron bell, general counsel today we are pleased to announce the release of the pages.",
                    "today we are pleased to announce the release of the pages.",
                ),
                (
                    "By jon boon \u{2013} radar reporter jessica biel is ready to make babies with him!",
                    "jessica biel is ready to make babies with him!",
                ),
                (
                    "By laura cawley saugus \u{2014} most people abandon their new year's resolutions.",
                    "most people abandon their new year's resolutions.",
                ),
                (
                    "By jeremy kinser lady gaga has just touched down after a meet-up \u{2014} a crowded event.",
                    "lady gaga has just touched down after a meet-up \u{2014} a crowded event.",
                ),
                (
                    "By stacy m. Brown ( nnpa newswire contributor ) bill cosby is blind, his lawyers say.",
                    "bill cosby is blind, his lawyers say.",
                ),
            ],
            &[
                "By morning, several teeth were damaged or removed, said paul cottrell.",
                "By family members who said they woke to find him gone and the door open.",
                "By choice and disposition, mr. Obama does not engage in horse-trading.",
                "By will of the people the law was passed by the assembly last year.",
                "By cohen's account, trump approved going ahead with the meeting.",
                "By john smith's account, the meeting went ahead as planned on monday.",
                "By Jane Doe The economy added 200,000 jobs in March, the report said.",
                "By jane doe.",
            ],
        );
    }

    #[test]
    fn a_posted_and_updated_stamp_is_trimmed_with_its_source_and_byline() {
        check_trims(
            updated_stamp_len,
            &[
                (
                    "Sep. 16, 2014, 4: 30 pm gmt / updated sep. 16, 2014, 3: 22 pm gmt / source: reuters one of kiev's prominent politicians is full of rubbish.",
                    "one of kiev's prominent politicians is full of rubbish.",
                ),
                (
                    "Nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018, 1: 52 am gmt by phil mccausland for weeks, student veterans have raised an alarm.",
                    "for weeks, student veterans have raised an alarm.",
                ),
            ],
            &[
                "The store opened at 9 am gmt / updated hours were posted on its door.",
                "Nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018, 1: 52 am gmt.",
            ],
        );
    }

    #[test]
    fn a_page_head_up_to_its_clock_stamp_is_trimmed_and_prose_kept() {
        check_trims(
            clock_stamp_len,
            &[
                (
                    "Black caucus, progressives to oppose debt deal by kase wickman sunday, july 31, 2011 21: 39 edt the leaders of both parties have reached an agreement.",
                    "the leaders of both parties have reached an agreement.",
                ),
                (
                    "Thursday, june 26, 2014 12: 44 am edt posted: updated: concern and confusion, that's what 911 calls revealed.",
                    "concern and confusion, that's what 911 calls revealed.",
                ),
                (
                    "December 13, 2010 02: 25 pm est ( updated: december 13, 2010 04: 17 pm est ) kate gosselin's camping trip was featured on the show.",
                    "kate gosselin's camping trip was featured on the show.",
                ),
                (
                    "Hillsborough county man dies of bacteria infection posted: wednesday, june 24, 2015 6: 41 am edt updated: wednesday, august 19, 2015 6: 41 am edt a man from hillsborough county has died.",
                    "a man from hillsborough county has died.",
                ),
                (
                    "June 02, 2011 10: 56 am et by eric boehlert if roger ailes thought the farewell tour would be quiet, he was wrong.",
                    "if roger ailes thought the farewell tour would be quiet, he was wrong.",
                ),
                (
                    "Fda warning wire: no love for granola labels law360, new york ( october 3, 2017, 5: 21 pm edt ) -- a granola maker's labeling improperly described love as an ingredient.",
                    "a granola maker's labeling improperly described love as an ingredient.",
                ),
                (
                    "Kayla mueller's last letter to her family feb. 23, 2015 at 8: 20 am et the family of kayla mueller released her letter.",
                    "the family of kayla mueller released her letter.",
                ),
            ],
            &[
                // No zone, or no year: prose that tells the time.
                "The vote on friday, january 27, 2012 ended at 4: 30 pm in the senate chamber.",
                "On june 26 at 12: 44 am edt the first call came in to the dispatchers.",
                // Nothing of the article after the stamp.
                "Posted by mike florio on december 27, 2015, 7: 26 pm edt.",
            ],
        );
    }

    #[test]
    fn a_media_label_is_trimmed_and_the_agency_as_subject_kept() {
        check_trims(
            media_label_len,
            &[
                (
                    "Video ( 01: 38 ): a man and woman caused a disruption on a flight to los angeles.",
                    "a man and woman caused a disruption on a flight to los angeles.",
                ),
                (
                    "Video provided by newsy newslook customers wait in line at the store in manhattan.",
                    "customers wait in line at the store in manhattan.",
                ),
                (
                    "Published on nov 24, 2015 police released a dashcam video tuesday evening that shows the shooting.",
                    "police released a dashcam video tuesday evening that shows the shooting.",
                ),
                (
                    "Ap the nfl didn't have a response to the news of the lawsuit on thursday.",
                    "the nfl didn't have a response to the news of the lawsuit on thursday.",
                ),
            ],
            &[
                "Ap reported that the vote was delayed until friday.",
                "Published on the department's website, the inmates' last prayers form a database of grief.",
                "Ap photo mitt romney says he's considering a 2016 run mitt romney told supporters.",
                "Video of brown, screaming with excitement as he learned of his acceptances, went viral.",
                "Video ( 01: 38 ): watch.",
            ],
        );
    }

    #[test]
    fn a_headline_up_to_its_dateline_or_updated_label_is_trimmed_and_prose_kept() {
        check_trims(
            headline_dateline_len,
            &[
                (
                    "Woman dies after botched breast surgery at sydney beauty salon updated a woman who went into cardiac arrest during surgery has died in hospital.",
                    "a woman who went into cardiac arrest during surgery has died in hospital.",
                ),
                (
                    "Family wants brain-dead girl declared alive san francisco ( cn ) - the family of a teenager declared legally dead wants her declared alive.",
                    "the family of a teenager declared legally dead wants her declared alive.",
                ),
                (
                    "Alec baldwin violent confrontation w/ ny daily news photog breaking news -- the photog, marcus santos, has filed a criminal assault complaint against baldwin.",
                    "the photog, marcus santos, has filed a criminal assault complaint against baldwin.",
                ),
                (
                    "Canadian journalist ' gravely wounded ' in thai protest: network paris \u{2014} a canadian television cameraman was hurt friday during clashes in bangkok.",
                    "a canadian television cameraman was hurt friday during clashes in bangkok.",
                ),
            ],
            &[
                // A place governed by a preposition, an appositive after a
                // name, an article in the words before: prose.
                "Bulger is expected to return to boston -- the city he is accused of terrorizing for decades, officials said.",
                "Deputy attorney general rosenstein defended his memo criticizing former director comey \u{2014} a document the white house used to justify firing comey.",
                "The new rules were updated a week ago after the rules drew complaints from new users of the site.",
                // The article after the label restates nothing.
                "Bali drug case boy caught in quake updated a strong earthquake has struck off the coast, shaking buildings.",
            ],
        );
    }

    #[test]
    fn a_headline_the_article_restates_is_cut_before_it_and_objects_kept() {
        check_trims(
            headline_run_in_len,
            &[
                (
                    "Oakland pair indicted on terrorism charges for mink-freeing spree a pair of oakland animal-rights activists were arrested on federal terrorism charges friday.",
                    "a pair of oakland animal-rights activists were arrested on federal terrorism charges friday.",
                ),
                (
                    "Nevada prison wrong to deny inmate cataract surgery, court rules a federal appeals court has ruled that nevada prison officials were wrong.",
                    "a federal appeals court has ruled that nevada prison officials were wrong.",
                ),
            ],
            &[
                // The words after the cut are the verb's object.
                "San francisco battery maker a123 systems has sued apple inc for poaching engineers to build a large-scale battery division, a court filing said.",
                "Mobile phone technology has come a long way since the first mobile phone call was made, and phone makers say it has.",
                // A day marks prose.
                "Bahrain's crown prince on sunday declined an invitation to attend prince william's wedding, the crown prince's office said.",
                // Nothing restated.
                "Uber employees regularly abused the company's god view to spy on the movements of politicians, a former employee has said.",
            ],
        );
    }

    #[test]
    fn a_highlights_label_goes_only_before_one_short_bullet() {
        check_trims(
            highlights_label_len,
            &[(
                "Story highlights the arizona legislature is perilously close to banning access to basic police information.",
                "the arizona legislature is perilously close to banning access to basic police information.",
            )],
            &[
                "Story highlights tens of thousands turn out for first 420 celebration since colorado began legal pot sales many traveled from out of state, even abroad, to buy marijuana legally.",
                "The story highlights how little the city knew about the plan.",
            ],
        );
    }

    #[test]
    fn a_headline_the_article_repeats_is_cut_off() {
        check_trims(
            repeated_headline_len,
            &[
            (
                "Kylie jenner announces birth of baby girl kylie jenner announces birth of baby girl breaking news kylie jenner and travis scott are parents after she gave birth.",
                "kylie jenner and travis scott are parents after she gave birth.",
            ),
            (
                "More than half of asian americans with diabetes are undiagnosed new statistics also show rising prevalence more than half of asian americans and nearly half of hispanic americans with diabetes do not know it.",
                "more than half of asian americans and nearly half of hispanic americans with diabetes do not know it.",
            ),
            ],
            &[
            // The key phrase is prose: two content words are needed.
            "The president of the united states met the president of the senate on monday to discuss the budget and the debt.",
            // Too little article after the repeat.
            "Suge knight arrested, assault with deadly weapon suge knight arrested, assault with deadly weapon.",
            "Lavrov met Tillerson in Moscow on Wednesday, and the two men spoke for hours about Syria and the strike.",
            ],
        );
    }

    #[test]
    fn a_gossip_headline_ends_at_its_exclusive_label() {
        check_trims(
            exclusive_label_len,
            &[
            (
                "Joan rivers stops breathing during surgery joan rivers -- stops breathing during surgery exclusive melissa rivers released a statement saying joan is resting.",
                "melissa rivers released a statement saying joan is resting.",
            ),
            (
                "Dmx not breathing, no pulse dmx: not breathing, no pulse exclusive 8: 30 am pt -- dmx denies taking any powder or drugs.",
                "dmx denies taking any powder or drugs.",
            ),
            (
                "Randy travis cited in church fight -- ' extremely intoxicated ' exclusive travis had bloodshot eyes and torn clothing after the fight.",
                "travis had bloodshot eyes and torn clothing after the fight.",
            ),
            (
                "Katie holmes scientology is watching me katie holmes -- scientology is watching me exclusive believes scientology now views her as a threat.",
                "believes scientology now views her as a threat.",
            ),
            ],
            &[
            "Under the terms of the multiyear exclusive agreement, netflix said the producer would make new series.",
            "Email this sandra bullock's exclusive details on how the huge story unfolded were leaked.",
            "The billionaire bought a home in exclusive regent's park, for which he paid a record sum.",
            "A company will pay starbucks $ 7 billion in cash for exclusive rights to sell its coffees.",
            "Scott weiland found dead exclusive.",
            ],
        );
    }

    proptest::proptest! {
        #[test]
        fn phrase_set_agrees_with_contains(text in "[ a-z|/()@.:’é]{0,60}") {
            let naive = RESIDUE_CONTAINS.iter().any(|p| text.contains(p));
            proptest::prop_assert_eq!(RESIDUE_CONTAINS_SET.is_match(&text), naive);
        }

        #[test]
        fn phrase_set_agrees_on_spliced_phrases(
            prefix in "[ a-z]{0,10}", pick in 0..RESIDUE_CONTAINS.len(), cut in 0usize..3, suffix in "[ a-z]{0,10}"
        ) {
            let phrase = RESIDUE_CONTAINS[pick];
            let kept = &phrase[..phrase.len().saturating_sub(cut)];
            let text = format!("{prefix}{kept}{suffix}");
            let naive = RESIDUE_CONTAINS.iter().any(|p| text.contains(p));
            proptest::prop_assert_eq!(RESIDUE_CONTAINS_SET.is_match(&text), naive);
        }
    }

    proptest::proptest! {
        /// Whatever the text, the trimmed opening ends on a character
        /// boundary after a closing parenthesis, and four words or more
        /// remain.
        #[test]
        fn an_opening_group_is_cut_at_a_boundary_before_a_body(
            group in "[ a-zé’.:/,0-9]{0,40}", gap in "[ \u{2013}—-]{0,3}", body in "[ a-zé’\"(),.]{0,60}"
        ) {
            let text = format!("({group}){gap}{body}");
            let n = opening_parenthetical_len(&text);
            if n > 0 {
                proptest::prop_assert!(text.is_char_boundary(n));
                proptest::prop_assert!(text[..n].contains(')'));
                proptest::prop_assert!(text[n..].split_whitespace().count() >= 4);
                proptest::prop_assert!(!text[n..].starts_with(char::is_whitespace));
            }
        }

        #[test]
        fn prefix_table_agrees_with_each_prefix(text in "[ a-z:(©@-]{0,20}", pick in 0..RESIDUE_PREFIXES.len(), glue: bool) {
            let text = if glue { format!("{}{text}", RESIDUE_PREFIXES[pick]) } else { text };
            let naive = RESIDUE_PREFIXES.iter().any(|p| text.starts_with(p));
            proptest::prop_assert_eq!(has_residue_prefix(&text), naive);
        }
    }

    #[test]
    fn residue_shapes() {
        for s in [
            "  • Carolyn Briggs",
            "RELATED: Five things to know",
            "Click here for the full story",
            "Reporting by Jane Doe; Editing by Joe Roe",
            "(Photo: AP)",
            "MORE FROM THE WIRE",
            "Follow us on Twitter @brief",
            "https://example.com/story",
            "FILE - In this Aug. 15, 2014 file photo, Robert Durst leaves a Houston courtroom.",
            "Ellen Pao leaves court in San Francisco, March 25, 2015. REUTERS/Stephen Lam",
            "Dow Jones Reprints: This copy is for your personal, non-commercial use only.",
            "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.",
            "That way, as the pages that are referenced are changed or taken from the web, a link to the version that was live when the page was written will be preserved.",
            "Associated Press writer Justin Pritchard contributed to this report.",
            "Advertisement Continue reading the main story",
            "Story Continued Below",
            "Let us know in the comments.",
            "Sign in using you account with: { * loginwidget * } sign in using your wsoc profile welcome back.",
            "Notice you must log in to continue.",
            "If you would like to, however, you can change these settings at any time.",
            "Author notes ludovic orlando & guojie zhang these authors contributed equally to this work.",
            "Damian szklarczyk present addresses: bioinformatics group, university of zurich, switzerland.",
            "Note: the email address you provided matches an existing account.",
            "Add mexico as an interest to stay up to date on the latest mexico news, video, and analysis from abc news.",
            "Check out the video above to see what happens.",
            "Read or Share this story: https://usat.ly/2Bwhqz3",
            "Read the original article on INSIDER.",
            "Find out more.",
            "Here's what you need to know about the fire: 1.",
            "Learn more about our newsletters.",
            "Just one more thing...",
            "Scroll down for video kate's treasured love token...",
            "Posted by: insurance | sep 7, 2010 4: 58: 43 am i could see this causing more accidents.",
            "Author: Carsten Gr\u{fc}n / uhe",
            "3/18 On Vladimir Putin \u{201c}He is running his country.\u{201d} Getty Images",
            "Follow John Simerman on Twitter, @johnsimerman.",
            "Reach Adam Tamburin at 615-726-5986 and on Twitter @tamburintweets.",
            "CLOSE The Southern Baptist Convention voted to urge its congregations to stop.",
            "Media playback is unsupported on your device Media caption It is unclear where he is",
            "This post originally ran in April 2013.",
            "Rating is available when the video has been rented.",
            "ABC News is not responsible for the content of external Internet sites.",
            "External links are provided for reference purposes.",
            "Find out what's happening in the world as it unfolds.",
            "Chat with us in Facebook Messenger.",
            "Yahoo! - ABC News Network",
            "\u{2014} ICRC Africa (@ICRC_Africa) October 13, 2016",
            "We hope you find the site and the journalism we produce useful.",
            "We're committed to empowering our readers with local news.",
            "As always, ask us your questions in the comments below and we ' ll get back to you!",
            "Below is the live blog of the event.",
            "\" The rest of it was \u{2026} well, just watch above.",
            "The video shown here explains Williams syndrome and can be shared.",
            "See what the other two contestants guessed in the video below.",
            "Listen to the audio version of this article: download the app for your iPhone.",
            "The ad in Spanish is above.",
            "We want to hear what you think about this article.",
            "Send us photos, video or eyewitness reports.",
            "Contact CNN via WhatsApp at +1 347-322-0415.",
            "Stick with CNN Politics as we sort through the changed political landscape.",
            "To read a digital version of the magazine, go here.",
            "Audio of the call is available here.",
            "If you want to understand why evangelicals are flocking to him, read my detailed analysis here.",
            "On wednesday, nasa released the raw images of the flyby, which you can sort through here.",
            "FOR HAMILTON TO WIN THE TITLE...",
            "___ This story has been corrected to show that the KJ-200 is not a jet.",
            "( Associated Press ) ___ 12: 30 p.m.",
            "A. Instructions for use ------------------------------------------- 1.",
            "The views expressed in this commentary are his own.",
            "Stephen Mihm, an associate professor of history, is a contributor to Bloomberg View.",
            "The best and the worst from the night are below.",
            "As you can see in the chart above, teenagers punch walls far more than any other age group.",
        ] {
            assert_eq!(classify(s), SegmentKind::Residue, "{s}");
        }
    }

    #[test]
    fn body_shapes() {
        for s in [
            "\"No\", Trump said.",
            "By the end of the day, Russia had vetoed the resolution.",
            "Can Russia abandon Assad?",
            "NATO is not obsolete, Trump said on Wednesday.",
            "U.S. relations with Russia \"may be at an all-time low\" said Donald Trump.",
            "Close friends said the photographer had left the file with Reuters.",
            "Police reviewed the video but declined to comment.",
            "The 19/20 vote passed, Reuters reported.",
            "The five-page report, embedded below, reveals that 17 minutes passed before officials noticed.",
            "According to Eszterhas (pictured below) and his family, Gibson also threw a cellphone.",
            "Based on other tweets (see below), his involvement is what drew their attention.",
            "A man survived a brush with an alligator ( watch the video below ) on Tuesday.",
            "The plane climbed above the clouds; the town below was dark.",
            "Stocks closed above 22,000 on Wednesday.",
            "\" I need f --- ing ten minutes, \" Ford is heard saying.",
            "Sanders is giving a speech to Liberty University here.",
            "\"Get the hell out of here,\" he shouted.",
            "The basic bones of the story are the problem here.",
            "Abu Khattab recalled recently during an interview here.",
            "He ponders where the league and Kareem Hunt go from here.",
        ] {
            assert_eq!(classify(s), SegmentKind::Body, "{s}");
        }
    }

    #[test]
    fn place_and_state_datelines() {
        let s = "SYCAMORE, Ill. --A 76-year-old man will be released.";
        assert_eq!(&s[dateline_len(s)..], "A 76-year-old man will be released.");
        let s = "BUENOS AIRES, Argentina _ The talks ended.";
        assert_eq!(&s[dateline_len(s)..], "The talks ended.");
        assert_eq!(dateline_len("NATO, the alliance -- not all agree."), 0);
        assert_eq!(
            classify("Tami Abdollah can be reached at http://www.twitter.com/latams"),
            SegmentKind::Residue
        );
    }

    #[test]
    fn a_comment_prompt_counts_in_any_case_within_its_first_400_bytes() {
        let prompt = "Leave a comment SEE WHAT OTHER READERS HAVE TO SAY ABOUT THIS STORY – ";
        let body = "the couple met in 2001 in sweden.";
        // Where the prompt starts just before byte 400, and just at it.
        for (lead, trimmed) in [(399 - 16, true), (400 - 16, false)] {
            let s = format!("{}{prompt}{body}", "x".repeat(lead));
            let at = lead + "Leave a comment ".len();
            assert_eq!(at < 400, trimmed);
            let cut = page_label_len(&s);
            if trimmed {
                assert_eq!(&s[cut..], body, "prompt at {at}");
            } else {
                assert_eq!(cut, 0, "prompt at {at}");
            }
        }
    }

    #[test]
    fn page_labels_run_into_a_sentence_are_trimmed() {
        check_trims(
            page_label_len,
            &[
            (
                "Source: elin nordegren plans split from tiger woods or leave a comment of your own see what other readers have to say about this story \u{2013} the couple met in 2001 in sweden.",
                "the couple met in 2001 in sweden.",
            ),
            (
                "Close a miami hunter shot a python that was attempting to constrict a deer.",
                "a miami hunter shot a python that was attempting to constrict a deer.",
            ),
            (
                "More \" my heart just dropped, \" assistant district attorney kristin clingerman said.",
                "\" my heart just dropped, \" assistant district attorney kristin clingerman said.",
            ),
            (
                "Image 2 of 2 ronald mcneil was arrested in may for the shooting death.",
                "ronald mcneil was arrested in may for the shooting death.",
            ),
            (
                "X embed x share two campers have been arrested for arson in connection with the fire.",
                "two campers have been arrested for arson in connection with the fire.",
            ),
            (
                "Printer-friendly \u{bb} e-mail this to a friend \u{bb} molly is a perfect 10 in every scene.",
                "molly is a perfect 10 in every scene.",
            ),
            (
                "Time health for more, visit time health about half of all abortions are considered unsafe.",
                "about half of all abortions are considered unsafe.",
            ),
            (
                "The latest on the trial of hulk hogan's lawsuit ( all times local ): 7 p.m.: a jury has sided with ex-pro wrestler hulk hogan.",
                "a jury has sided with ex-pro wrestler hulk hogan.",
            ),
            (
                "View Images Originally Earth and Mars had identical proportions of water.",
                "Originally Earth and Mars had identical proportions of water.",
            ),
            (
                "Sponsored links james klokow had watched enough tv shows to know that.",
                "james klokow had watched enough tv shows to know that.",
            ),
            (
                "Original post: | seattle police announced this morning that they recovered the wine.",
                "seattle police announced this morning that they recovered the wine.",
            ),
            (
                "Breaking: eyewitness news has confirmed that a victim passed away saturday.",
                "eyewitness news has confirmed that a victim passed away saturday.",
            ),
            (
                "Add interest brittany oswell, 25, suffered an embolism while flying home.",
                "brittany oswell, 25, suffered an embolism while flying home.",
            ),
            (
                "See more videos zimmerman and apperson clashed twice in september.",
                "zimmerman and apperson clashed twice in september.",
            ),
            (
                "Listen to article 4: 21 a former apple inc. engineer was arrested on charges of theft.",
                "a former apple inc. engineer was arrested on charges of theft.",
            ),
            (
                "View archive \"we must define the nature and scope of this struggle, \" obama said.",
                "\"we must define the nature and scope of this struggle, \" obama said.",
            ),
            (
                "Photo bob bradley was fired thursday as coach of the national team.",
                "bob bradley was fired thursday as coach of the national team.",
            ),
            (
                "Share your thoughts bill and melinda gates have outlined their vision for the world.",
                "bill and melinda gates have outlined their vision for the world.",
            ),
            (
                "Abstract we examined gender differences in mental health during the recession.",
                "we examined gender differences in mental health during the recession.",
            ),
            (
                "Abstract background: exposure to microbes may protect against allergy.",
                "exposure to microbes may protect against allergy.",
            ),
            ],
            &[
            "Abstract expressionist painters gathered in new york after the war.",
            "Abstract art sold well at the auction this week.",
            "Photo albums were found in the burned house on friday.",
            "Photo via flickr user tony werman the first few minutes are ominous.",
            "The latest on hurricane harvey ( all times local ): 2: 15 p.m.",
            "Close friends said he had been depressed for months.",
            "Listen to article after article on the radio every morning.",
            "Imagery of the scene shows a crater in the road.",
            ],
        );
        assert_eq!(clock_time_len("12: 45 p.m. x"), 11);
        assert_eq!(clock_time_len("7 p.m.: a"), 6);
        assert_eq!(clock_time_len("in may"), 0);
    }

    #[test]
    fn update_notes_are_told_from_prose() {
        for s in [
            "Updated at 4: 01 p.m. Et, friday, may 15.",
            "Update (2/6/18 9:49 a.m.): police said more.",
            "Updated on Friday.",
        ] {
            assert!(opens_with_update_note(s), "{s}");
        }
        for s in [
            "Updated figures showed growth.",
            "Update your software now, the agency said.",
        ] {
            assert!(!opens_with_update_note(s), "{s}");
        }
    }

    #[test]
    fn a_gossip_pages_breaking_news_label_ends_its_headline() {
        check_trims(
            breaking_news_label_len,
            &[
                (
                    "Patty duke dead at 69 patty duke dies at 69 breaking news hollywood legend patty duke -- who won an oscar -- died tuesday.",
                    "hollywood legend patty duke -- who won an oscar -- died tuesday.",
                ),
                (
                    "Mckayla maroney says ass video wasn't hacked, enjoy it breaking news mckayla maroney says the racy video of her was not hacked.",
                    "mckayla maroney says the racy video of her was not hacked.",
                ),
                (
                    "Marilyn manson grand slammed in the face at a denny's breaking news goth rocker marilyn manson got more than two pancakes.",
                    "goth rocker marilyn manson got more than two pancakes.",
                ),
            ],
            &[
                "Cnbc was all over it, running a breaking news banner on air three minutes later that he died.",
                "Many of us are bombarded by social media posts, breaking news, app updates, and more every day.",
                "Your daily look at late-breaking news, upcoming events and the stories that will be talked about today.",
                "Tom cruise & suri daddy chauffeur reporting for duty breaking news looked just like any other dad on the street.",
                "Owes $ 10 million in back taxes breaking news is broke as hell, according to the documents we obtained.",
                "Jack white's estranged wife: he scares me breaking news -- lead singer of the white stripes -- has been hit with an order.",
                "Breaking news finally announced what we all knew was coming for a long time now.",
                "Ex-employees claim breaking news sat back and did nothing to protect its current and past employees.",
            ],
        );
    }

    #[test]
    fn credits_for_a_paper_opening_a_sentence_are_trimmed() {
        check_trims(
            assignment_credit_len,
            &[
                (
                    "Chad batka for the new york times adele, the soulful british singer, was among the 12 artists nominated.",
                    "adele, the soulful british singer, was among the 12 artists nominated.",
                ),
                (
                    "Glenna Gordon for The Wall Street Journal Firestone, Liberia \u{2014} as ebola exploded here, a farm acted.",
                    "Firestone, Liberia \u{2014} as ebola exploded here, a farm acted.",
                ),
                (
                    "Todd Heisler for the Washington Post the mayor left city hall on foot.",
                    "the mayor left city hall on foot.",
                ),
            ],
            &[
                "Two reporters for the guardian were in town to assist greenwald.",
                "Mark Landler for The New York Times contributed reporting from Berlin.",
                "A columnist for the new york times argued the point at length today.",
                "Writing for the new york times, she said the plan would fail.",
                "John smith for the new york times.",
                "Votes for the washington post endorsement came in late on friday.",
                "He voted for the measure on tuesday and left before the count.",
            ],
        );
    }

    #[test]
    fn photo_credits_opening_a_sentence_are_trimmed() {
        for (s, body) in [
            (
                "( photo by brittany murray/long beach press telegram ) long beach >> hillary clinton spoke.",
                "long beach >> hillary clinton spoke.",
            ),
            (
                "( ap photo ) ( associated press ) the united nations expects a ceasefire.",
                "( associated press ) the united nations expects a ceasefire.",
            ),
            (
                "[ gallo/getty ] \" it was the happiest moment we ever had. \"",
                "\" it was the happiest moment we ever had. \"",
            ),
            ("(AP Photo/Evan Vucci) Trump spoke on Monday.", "Trump spoke on Monday."),
        ] {
            assert_eq!(&s[photo_credit_len(s)..], body, "{s}");
        }
        for (s, body) in [
            (
                "Suge knight, death row records ceo, arrested by swarm of lapd officers rodriguez/getty death row records founder suge knight was arrested thursday.",
                "death row records founder suge knight was arrested thursday.",
            ),
            (
                "Catholics should not try to convert jews, vatican commission says enlarge this image toggle caption gregorio borgia/ap gregorio borgia/ap furthering a thaw in relations that began 50 years ago.",
                "furthering a thaw in relations that began 50 years ago.",
            ),
            (
                "Rich schultz/gettyimages rob gronkowski has made a little over $ 16.3 million.",
                "rob gronkowski has made a little over $ 16.3 million.",
            ),
            (
                "Elise amendola / ap devens federal medical center is seen in devens, mass., in 2011.",
                "devens federal medical center is seen in devens, mass., in 2011.",
            ),
            (
                "Kevin mazur/wireimage the \"piano man \" singer first revealed that he was expecting.",
                "the \"piano man \" singer first revealed that he was expecting.",
            ),
        ] {
            assert_eq!(&s[glued_credit_len(s)..], body, "{s}");
        }
        assert_eq!(glued_credit_len("He said it was and/or AP wrote it up."), 0);
        for (s, body) in [
            (
                "Daniel sato/the news journal jeremy mcdole, 28, was shot by police on sept. 23.",
                "jeremy mcdole, 28, was shot by police on sept. 23.",
            ),
            (
                "Swann auction galleries/handout via reuters the photograph shows tubman in her late 40s.",
                "the photograph shows tubman in her late 40s.",
            ),
            (
                "George breen / capecodsharkhunters.com this photo shows a great white shark near seals.",
                "this photo shows a great white shark near seals.",
            ),
            (
                "Pete souza / white house the people who gathered sunday know all about pressure.",
                "the people who gathered sunday know all about pressure.",
            ),
            (
                "Dana summers/tribune media services the republicans are at loggerheads over health care.",
                "the republicans are at loggerheads over health care.",
            ),
            (
                "Andy eckardt / nbc news reinhold hanning, 94, is on trial in germany.",
                "reinhold hanning, 94, is on trial in germany.",
            ),
            (
                "Charles sykes/nbc nbc news officials are in negotiations with the host.",
                "nbc news officials are in negotiations with the host.",
            ),
            (
                "Planetearthawakens01 / youtube / ktla news even as fans of the journalist mourned him.",
                "even as fans of the journalist mourned him.",
            ),
        ] {
            assert_eq!(&s[opening_credit_len(s)..], body, "{s}");
        }
        for s in [
            // An outlet in prose, what it made, a path, a parenthesis.
            "A washington post/abc news poll found that 62 % of voters agree.",
            "Cnn/orc international poll released tuesday found that 88 % approve.",
            "Reuters/ipsos poll results show the race is tight in ohio.",
            "Johnston, ia ( kcci/cnn ) - it's like a real-life version of the movie.",
            "The shop is open 24/7 for all who come in from the street.",
            "Seoul/washington south korea said on wednesday there was a high probability.",
            "Speaking about the work/home life balance, she said it was hard.",
        ] {
            assert_eq!(opening_credit_len(s), 0, "{s}");
        }
        let s = "ryan garza/detroit free press buy photo luke waid holds his daughter during a press conference.";
        assert_eq!(
            &s[glued_credit_len(s)..],
            "luke waid holds his daughter during a press conference."
        );
        for s in [
            "(The file was sealed.) It was opened later.",
            "(R-Ariz.) said no to the bill.",
            "( ap photo ) foster played.",
            "Photo by AP shows the scene today.",
        ] {
            assert_eq!(photo_credit_len(s), 0, "{s}");
        }
    }

    #[test]
    fn a_hyphenated_compound_of_capitals_is_no_dateline() {
        for compound in [
            "A U.S.-Australian team canceled its planned attempt in mid-January.",
            "U.S.-China talks resumed on Monday.",
            "A U.N.-backed court ruled on Monday.",
        ] {
            assert_eq!(dateline_len(compound), 0, "{compound}");
        }
        for dateline in [
            "WASHINGTON - The Senate voted on Tuesday.",
            "WASHINGTON -- The Senate voted on Tuesday.",
            "WASHINGTON--The Senate voted on Tuesday.",
        ] {
            assert!(dateline_len(dateline) > 0, "{dateline}");
        }
    }

    #[test]
    fn lowercased_datelines_are_places_not_subjects() {
        check_trims(
            lowercased_dateline_len,
            &[
            (
                "Tokyo \u{2014} japan's economy shrank at an annual rate of 3.7 percent.",
                "japan's economy shrank at an annual rate of 3.7 percent.",
            ),
            (
                "Cleveland, ohio -- timothy loehmann, the rookie police officer, was fired.",
                "timothy loehmann, the rookie police officer, was fired.",
            ),
            (
                "Orlando, fla. -- by the time herman cain took the stage, it was late.",
                "by the time herman cain took the stage, it was late.",
            ),
            (
                "Photo seoul, south korea \u{2014} north korea warned on friday of a war.",
                "north korea warned on friday of a war.",
            ),
            (
                "New orleans - bad bugs readily spread from patients to nurses.",
                "bad bugs readily spread from patients to nurses.",
            ),
            // A pair of dashes after the place sets off words of the body.
            (
                "Howell \u{2013} more than 200 dogs -- including one giving birth -- were rescued.",
                "more than 200 dogs -- including one giving birth -- were rescued.",
            ),
            ],
            &[
            // Subjects set off by a pair of dashes.
            "Mitt romney \u{2014} who is said to be eyeing a bid for senate \u{2014} was treated last summer.",
            "Moonbows \u{2013} pale white rainbows that appear on bright nights \u{2013} may sound like fiction.",
            "Harder \u{2014} who represented hulk hogan in his suit against gawker, which thiel funded.",
            "President donald trump -- who's cited north korea's freeze on nuclear weapons tests and ballistic missile launches as a win -- said so.",
            // Captions, bylines and function words.
            "File - in this june 12, 2009 file photo, a man waves at the crowd.",
            "By amber goodhand \u{2013} radar news editor lindsay lohan was partying hard.",
            "Kaley cuoco is engaged \u{2014} on her 32nd birthday the star said yes.",
            "It's here \u{2014} the real episode four is out in theaters now.",
            "Lake erie's travails \u{2014} and now, toledo's \u{2014} are visible.",
            "Hoarder, moneylender, tax dodger _ it's not how we usually think of him.",
            // No body after the dash, or none that reads as prose.
            "Washington \u{2014} now.",
            "Article tools font size \u{2013} + share this grace hillebrand, of clarks summit.",
            "Washington Post \u{2014} the paper said it would print on sunday.",
            ],
        );
    }

    #[test]
    fn glued_place_datelines_need_a_known_state() {
        check_trims(
            glued_place_dateline_len,
            &[
            ("Please enable javascript to watch this video cleveland, ohio -- a local mom thought she had made the best decision.", "a local mom thought she had made the best decision."),
            ("The underdahl's had their first girl in 101 years. ( photo: krem ) post falls, idaho \u{2013} a post falls family got something they did not expect.", "a post falls family got something they did not expect."),
            ("Hope solo records 71st shutout tampa, fla. -- hope solo got her 71st career shutout on sunday.", "hope solo got her 71st career shutout on sunday."),
            ("Pope's first refuge: a sumptuous lakeside villa castel gandolfo, italy \u{2014} once he steps down on thursday, the pope will retire.", "once he steps down on thursday, the pope will retire."),
            ("Public approval steady princeton, nj -- after six messy weeks -- defined by the shutdown -- approval held.", "after six messy weeks -- defined by the shutdown -- approval held."),
            ],
            &[
            "He moved to dayton, ohio -- and then to chicago, where he worked for years.",
            "The rally in columbus, ohio \u{2014} the biggest of his campaign \u{2014} drew thousands of people.",
            "\" we love dayton, ohio -- it is our home and always will be, \" he said.",
            "In indianapolis, they expect some unusual, and possibly even upsetting, questions \u{2014} but they are not supposed to be asked.",
            ],
        );
    }

    #[test]
    fn a_share_button_and_the_headline_before_it_are_trimmed() {
        check_trims(
            share_button_len,
            &[
            ("Ricki lake sued for starting house fire email this ricki lake is now being sued by the owner.", "ricki lake is now being sued by the owner."),
            ("Email this after their historic kisses, details are emerging from the festivities.", "after their historic kisses, details are emerging from the festivities."),
            ],
            &[
            "The story was passed around by email this week as high jinks and horseplay.",
            "Exclusive excerpts from her new book email this is a busy woman.",
            "Please email this address if you have any information about the crash.",
            "Michael douglas looked frail at disney world email this was spotted at disney world recently.",
            ],
        );
    }

    #[test]
    fn an_updated_stamp_its_authors_and_dateline_are_trimmed() {
        check_trims(
            updated_byline_len,
            &[
                ("/ updated by maggie fox breast implants can cause a rare form of cancer.", "breast implants can cause a rare form of cancer."),
                ("/ updated by carol e. lee and courtney kube washington \u{2014} when the crown prince visits next week, he will be welcomed.", "when the crown prince visits next week, he will be welcomed."),
                ("/ updated by sarah fitzpatrick and tracy connor adult film star stormy daniels has filed a suit.", "adult film star stormy daniels has filed a suit."),
                ("/ updated by samuel sarmiento, md the apollo astronauts took a giant leap for mankind.", "the apollo astronauts took a giant leap for mankind."),
                ("/ updated by courtney kube and emily o ' hara army whistleblower chelsea manning walked out of prison.", "army whistleblower chelsea manning walked out of prison."),
                ("/ updated in a personal note, tom brokaw revealed he has cancer.", "in a personal note, tom brokaw revealed he has cancer."),
                ("/ updated by alex johnson los angeles \u{2014} taping of the game show has been suspended briefly.", "taping of the game show has been suspended briefly."),
            ],
            &[
                "Updated by maggie fox: breast implants can cause a rare form of cancer.",
                "/ updated by maggie fox today.",
                "The 24/7 news cycle / updated by the hour, never stops for anyone.",
            ],
        );
    }

    #[test]
    fn list_dashes_open_no_sentence() {
        check_trims(
            bullet_dash_len,
            &[
                (
                    "\u{2014} portions of the mine were not treated with rock dust.",
                    "portions of the mine were not treated with rock dust.",
                ),
                (
                    "- two men are under arrest after they allegedly assumed her identity.",
                    "two men are under arrest after they allegedly assumed her identity.",
                ),
                (
                    "------------ for the record an earlier version of this post was wrong.",
                    "for the record an earlier version of this post was wrong.",
                ),
                (
                    "-content produced from my own creative expression.",
                    "content produced from my own creative expression.",
                ),
            ],
            &[
                "-5 degrees is the low tonight in the city.",
                "- too short.",
                "He ran - and won the race.",
                "\u{2013} and some other dancers which will probably hurt her fanbase.",
            ],
        );
    }

    #[test]
    fn a_place_and_its_day_make_a_dateline() {
        for (s, body) in [
            (
                "Seoul, dec. 18 ( yonhap ) -- kim jong-hyun, singer of shinee, died monday.",
                "kim jong-hyun, singer of shinee, died monday.",
            ),
            (
                "Taipei, feb. 5 ( cna ) in the wake of the tragedy, one family spoke.",
                "in the wake of the tragedy, one family spoke.",
            ),
            (
                "Cairo, april 15 ( ians/aki ): archaeologists have discovered a shrine.",
                "archaeologists have discovered a shrine.",
            ),
            (
                "Rome, march 16 \u{2014} the world happiness report was released today.",
                "the world happiness report was released today.",
            ),
            (
                "New delhi, may 28: a national level shooter rescued her brother-in-law.",
                "a national level shooter rescued her brother-in-law.",
            ),
            (
                "Berlin, october 7, 2018 -- the committee calls on the authorities to act.",
                "the committee calls on the authorities to act.",
            ),
            (
                "Winston-Salem, may 3 \u{2014} The council voted.",
                "The council voted.",
            ),
        ] {
            assert_eq!(&s[dateline_len(s)..], body, "{s}");
        }
        for prose in [
            "On feb. 5, police responded to a home in burlington.",
            "Paris, june 5 was the day it all changed - or so she says.",
            "In this friday, june 23, 2017 photo, frank kerrigan holds a card.",
            "Officials said, may 5 (tuesday) - not 6 - was the date.",
            "Smith, jan. 5 ( the day after the vote ) -- no one spoke.",
            "Thursday, june 4, 2015 - 5: 39pm the sheriff is defending his department.",
        ] {
            assert_eq!(dateline_len(prose), 0, "{prose}");
        }
    }

    #[test]
    fn datelines() {
        let s = "MOSCOW (AP) _ Russia vetoed the draft.";
        assert_eq!(&s[dateline_len(s)..], "Russia vetoed the draft.");
        let s = "WASHINGTON \u{2014} The strike was ordered.";
        assert_eq!(&s[dateline_len(s)..], "The strike was ordered.");
        assert_eq!(dateline_len("U.S. officials - not all - agreed."), 0);
        let s = "AUGUSTA, Ga. (WRDW/WAGT) \u{2013} Multiple investigations began on Monday.";
        assert_eq!(
            &s[dateline_len(s)..],
            "Multiple investigations began on Monday."
        );
        let s = "LOS ANGELES (KTLA-TV) \u{2014} A fire broke out downtown.";
        assert_eq!(&s[dateline_len(s)..], "A fire broke out downtown.");
        // A call sign without the dash, or a word in lowercase, is no dateline.
        assert_eq!(
            dateline_len("AUGUSTA (WRDW) Multiple investigations began."),
            0
        );
        assert_eq!(
            dateline_len("Forest ( wake ) \u{2014} the town grew quiet."),
            0
        );
        assert_eq!(dateline_len("NATO is not obsolete."), 0);
        for (s, body) in [
            ("(CNN) -- A few lucky folks won.", "A few lucky folks won."),
            (
                "Sycamore, Illinois (CNN) The man was freed.",
                "The man was freed.",
            ),
            (
                "Dec 17 (Reuters) - A buying frenzy began.",
                "A buying frenzy began.",
            ),
            (
                "WOODLAND HILLS >> Detectives are investigating.",
                "Detectives are investigating.",
            ),
        ] {
            assert_eq!(&s[dateline_len(s)..], body, "{s}");
        }
        assert_eq!(dateline_len("He told CNN (CNN) nothing."), 0);
        assert_eq!(
            dateline_len("Officials told the network on Monday (AP) nothing."),
            0
        );
    }

    #[test]
    fn a_page_s_date_stamp_is_trimmed() {
        for (stamped, body) in [
            (
                "Tuesday, april 19, 2016 ( healthday news ) -- a new, large study finds that it works.",
                "a new, large study finds that it works.",
            ),
            (
                "Thursday, october 02, 2014 petrified national forest park rangers found the wood.",
                "petrified national forest park rangers found the wood.",
            ),
            (
                "Tuesday, Feb. 14, 2017 \u{2014} Scalp cooling caps can help patients.",
                "Scalp cooling caps can help patients.",
            ),
        ] {
            assert_eq!(&stamped[weekday_date_len(stamped)..], body, "{stamped}");
        }
        for prose in [
            "Tuesday, March 13, 2018 was the day the storm hit the coast.",
            "Tuesday, March 13, 2018, was the day the storm hit the coast.",
            "Tuesday, the council voted to close the school.",
            "Tuesday, april 19, 2016 ( healthday news ) -- yes.",
            "Thursday, june 4, 2015 - 5: 39pm chatham county coroner: the death was a homicide.",
        ] {
            assert_eq!(weekday_date_len(prose), 0, "{prose}");
        }
    }

    #[test]
    fn agency_datelines_after_a_state_abbreviation_are_trimmed() {
        for (s, body) in [
            (
                "Mobile, ala. ( ap ) — the federal judge ruled.",
                "the federal judge ruled.",
            ),
            ("WASHINGTON, D.C. (AP) — Congress met.", "Congress met."),
            (
                "Beverly hills, calif. ( ap ) — a sheikh left.",
                "a sheikh left.",
            ),
        ] {
            assert_eq!(&s[dateline_len(s)..], body, "{s}");
        }
        // A sentence that ends before a credit is not a dateline.
        let s = "He left town. (AP) Photo shows him.";
        assert_eq!(dateline_len(s), 0);
    }

    #[test]
    fn agency_datelines_in_any_case_are_trimmed() {
        let s =
            "( associated press ) iguala, mexico ( ap ) — a clandestine grave contained 28 bodies.";
        assert_eq!(
            &s[dateline_len(s)..],
            "a clandestine grave contained 28 bodies."
        );
        let s = "( cbs news ) united nations headquarters, new york - president obama arrived.";
        assert_eq!(
            &s[dateline_len(s)..],
            "united nations headquarters, new york - president obama arrived."
        );
        let s = "MOSCOW (AP) _ Russia vetoed it.";
        assert_eq!(&s[dateline_len(s)..], "Russia vetoed it.");
        // A parenthesis that is not an agency stays.
        let s = "Senator Smith (R-Texas) - who spoke first - objected.";
        assert_eq!(dateline_len(s), 0);
        // CNN signs without a dash; a lowercased station's call sign needs
        // one.
        for (s, body) in [
            (
                "Washington ( cnn ) the south facade of the white house will change.",
                "the south facade of the white house will change.",
            ),
            (
                "Raleigh, n.c. ( wncn ) \u{2013} a man was shot on tuesday.",
                "a man was shot on tuesday.",
            ),
            (
                "Portland, ore. ( koin ) \u{2014} the owners of a bakery paid the fine.",
                "the owners of a bakery paid the fine.",
            ),
            (
                "San francisco ( marketwatch ) \u{2014} crude futures slumped thursday.",
                "crude futures slumped thursday.",
            ),
        ] {
            assert_eq!(&s[dateline_len(s)..], body, "{s}");
        }
        for s in [
            "Raleigh ( wake ) the county grew.",
            "The network ( cnn ) said it would appeal.",
        ] {
            assert_eq!(dateline_len(s), 0, "{s}");
        }
    }

    #[test]
    fn datelines_glued_to_a_headline_or_credit_are_trimmed() {
        let s = "Us unemployment rate plummets to 6.3 percent, lowest in 5\u{bd} years; economy gains 288,000 jobs washington ( ap ) \u{2014} us unemployment fell.";
        assert_eq!(&s[agency_dateline_len(s)..], "us unemployment fell.");
        let s = "( john sleezer/the kansas city star via ap ) ( associated press ) westerville, ohio ( ap ) \u{2014} president trump's pick won.";
        assert_eq!(&s[agency_dateline_len(s)..], "president trump's pick won.");
        let s = "( associated press ) st. Petersburg, fla. ( ap ) \u{2014} hurricane irma began.";
        assert_eq!(&s[agency_dateline_len(s)..], "hurricane irma began.");
        // Not without a dash, not after a quotation, not with nothing after.
        for s in [
            "The report was first carried by a wire service (AP) on Tuesday.",
            "\"We will win,\" he told a crowd in Ohio (AP) - and left.",
            "Photo credit: Jane Doe (AP) -",
        ] {
            assert_eq!(agency_dateline_len(s), 0, "{s}");
        }
    }
}
