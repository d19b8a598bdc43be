//! Selection shared by all summarizers: eligibility, the budget meter,
//! budgeted greedy selection through the redundancy stage's
//! [`RedundancyFilter`], output ordering, and assembling the [`Summary`].

use crate::cohesion::{lowercase_opening, lowercase_quotation_opening, standing};
use crate::model::{Budget, Edit, Span, Summary, SummaryItem};
use crate::prepare::PreparedCluster;
use crate::redundancy::RedundancyFilter;
use crate::text::asides::{gallery_links, note_marks, page_pointer_asides};
use crate::text::calendar::parse_iso_date;
use crate::text::cues::{case_blind, ends_like_a_sentence, is_chrome, Marks};
use crate::text::entities::{character_references, invisible_characters};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Which sentences may be selected, and how similar two selected ones may be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectionConfig {
    /// Sentences with fewer words are not selected (unless nothing else fits).
    pub min_words: usize,
    /// Sentences with more words are not selected (unless nothing else fits).
    pub max_words: usize,
    /// Two sentences whose content-term sets overlap by at least this share of
    /// the smaller set are near-duplicates; only one of them is selected.
    pub max_overlap: f64,
    /// Whether summarizers say why they chose each sentence
    /// ([`crate::model::Explanation`]); off by default, it costs a pass
    /// over the candidates.
    pub explain: bool,
}

impl Default for SelectionConfig {
    fn default() -> Self {
        SelectionConfig {
            min_words: 6,
            max_words: 80,
            max_overlap: 0.7,
            explain: false,
        }
    }
}

/// Tracks what a budget has left.
#[derive(Debug, Clone, Copy)]
pub struct BudgetMeter {
    budget: Budget,
    used: usize,
}

impl BudgetMeter {
    /// A meter with nothing used.
    pub fn new(budget: Budget) -> Self {
        BudgetMeter { budget, used: 0 }
    }

    /// The cost of sentence `i` under the budget, as quoted: a repaired
    /// sentence ([`crate::cohesion`]) costs its text after the repair.
    pub fn cost(&self, p: &PreparedCluster<'_>, i: usize) -> usize {
        let s = &p.sentences[i];
        let (mut words, mut bytes) = (
            s.words.saturating_sub(s.cuts.words),
            s.span.len().saturating_sub(s.cuts.bytes),
        );
        let text = p.text(i);
        if !crate::text::cues::opens_with_connective(text) {
            return self.budget.cost(words, bytes);
        }
        let source = &p.cluster.documents[s.doc].text;
        for e in standing(text, s.span.start).edits() {
            let replaced = source.get(e.span.range()).unwrap_or("");
            words = (words + e.replacement.split_whitespace().count())
                .saturating_sub(replaced.split_whitespace().count());
            bytes = (bytes + e.replacement.len()).saturating_sub(e.span.len());
        }
        self.budget.cost(words, bytes)
    }

    /// Whether sentence `i` still fits.
    pub fn fits(&self, p: &PreparedCluster<'_>, i: usize) -> bool {
        self.fits_cost(self.cost(p, i))
    }

    /// Whether a sentence of cost `cost` ([`BudgetMeter::cost`]) still fits.
    pub fn fits_cost(&self, cost: usize) -> bool {
        self.used.saturating_add(cost) <= self.budget.capacity()
    }

    /// Records sentence `i` as taken.
    pub fn take(&mut self, p: &PreparedCluster<'_>, i: usize) {
        self.take_cost(self.cost(p, i));
    }

    /// Records a sentence of cost `cost` ([`BudgetMeter::cost`]) as taken.
    pub fn take_cost(&mut self, cost: usize) {
        self.used = self.used.saturating_add(cost);
    }

    /// Units left.
    pub fn remaining(&self) -> usize {
        self.budget.capacity().saturating_sub(self.used)
    }

    /// Units used.
    pub fn used(&self) -> usize {
        self.used
    }
}

/// Sentence indices that `config` allows: by length; never a bare
/// quotation without its speaker, a question in the writer's own voice, an
/// aside in parentheses, a sentence ending in a colon (it introduces what
/// follows), a sentence that needs the one before it
/// ([`crate::cohesion`]), or one carrying site chrome (social prompts,
/// captions, credits, links).
pub fn eligible(p: &PreparedCluster<'_>, config: &SelectionConfig) -> Vec<usize> {
    eligible_and_followers(p, config).0
}

/// [`eligible`] and [`followers`] together, each sentence's tests run once
/// (both read every sentence, and summarizers that take followers need both).
pub fn eligible_and_followers(
    p: &PreparedCluster<'_>,
    config: &SelectionConfig,
) -> (Vec<usize>, Vec<usize>) {
    let mut ok = Vec::new();
    let mut after_predecessor = Vec::new();
    // A page that opens with a web archive's note ("Crawl of outlinks from
    // wikipedia.org started…") is the archive's description, not an
    // article: none of it is the story.
    let archive_note: Vec<bool> = p
        .doc_sentences
        .iter()
        .map(|range| {
            range
                .clone()
                .next()
                .is_some_and(|first| is_archive_note(p.text(first)))
        })
        .collect();
    // Lines of pictures, embedded tweets and a sports report's schedule,
    // whose sentences are not the story's prose.
    let embedded: Vec<Vec<Span>> = p
        .cluster
        .documents
        .iter()
        .map(|d| {
            let mut lines = gallery_lines(&d.text);
            lines.extend(tweet_lines(&d.text));
            lines.extend(schedule_lines(&d.text));
            lines
        })
        .collect();
    let other_digest_stories = other_digest_stories(p);
    for i in 0..p.sentences.len() {
        let s = &p.sentences[i];
        if archive_note.get(s.doc) == Some(&true)
            || other_digest_stories.get(i) == Some(&true)
            || embedded[s.doc]
                .iter()
                .any(|line| line.start <= s.span.start && s.span.start < line.end)
            || !quotable(p, i, config)
        {
            continue;
        }
        if standing(p.text(i), p.sentences[i].span.start).stands() {
            ok.push(i);
        } else if p.sentences[i].position > 0 {
            after_predecessor.push(i);
        }
    }
    if ok.is_empty() {
        // Nothing quotable: the sentences that are at least no page
        // furniture (Twitter's location notes, an author-alert box) and no
        // button's label of a
        // word or two ("Learn more", "Yes") stand in.
        ok = (0..p.sentences.len())
            .filter(|&i| {
                let text = p.text(i);
                p.sentences[i].words >= 3
                    && !is_chrome(text)
                    && !is_archive_residue(text)
                    && !crate::text::boilerplate::is_boilerplate(text)
            })
            .collect();
    }
    (ok, after_predecessor)
}

/// Wire datelines a document must hold to be a digest of several stories.
const DIGEST_DATELINES: usize = 3;

/// The sentences of a news digest's stories that are not the cluster's
/// story, by sentence (empty when the cluster has no digest). A wire
/// service's digest ("AP Top News at Midnight EST") puts several stories
/// in one document, each opening under its own dateline ("WASHINGTON (AP)
/// -- Republicans pushed…"); filed with the
/// cluster for one of them, the others read as news out of place ("The
/// Dow ended down 51.06…" in a summary of a balloon flight), and two
/// digests of one night make their stories look agreed across sources.
/// Each story of a document with [`DIGEST_DATELINES`] or more is kept when
/// it shares at least half as large a share of its terms with the
/// cluster's other documents as the digest's closest story does. A cluster
/// of digests alone is left as it is.
fn other_digest_stories(p: &PreparedCluster<'_>) -> Vec<bool> {
    // Nearly every cluster has no digest: nothing is allocated for it.
    if !p.cluster.documents.iter().any(|d| may_be_a_digest(&d.text)) {
        return Vec::new();
    }
    let mut out = vec![false; p.sentences.len()];
    // Where each document's stories start: its sentences under a dateline.
    let story_starts: Vec<Vec<usize>> = p
        .doc_sentences
        .iter()
        .zip(&p.cluster.documents)
        .map(|(range, document)| {
            let text = document.text.as_str();
            if !may_be_a_digest(text) {
                return Vec::new();
            }
            // The start of the line each sentence stands on, found by
            // reading each stretch of text once.
            let (mut line_start, mut read_to) = (0, 0);
            range
                .clone()
                .filter(|&i| {
                    let start = p.sentences[i].span.start;
                    if let Some(at) = text
                        .get(read_to..start)
                        .and_then(|gap| memchr::memrchr(b'\n', gap.as_bytes()))
                    {
                        line_start = read_to + at + 1;
                    }
                    read_to = read_to.max(start);
                    opens_under_a_wire_dateline(text, line_start, p.sentences[i].span)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let is_digest = |d: usize| story_starts[d].len() >= DIGEST_DATELINES;
    if !(0..p.doc_sentences.len()).any(is_digest) {
        return out;
    }
    let others: rustc_hash::FxHashSet<_> = (0..p.doc_sentences.len())
        .filter(|&d| !is_digest(d))
        .flat_map(|d| p.doc_sentences[d].clone())
        .flat_map(|i| p.sentences[i].terms.iter().copied())
        .collect();
    if others.is_empty() {
        return out;
    }
    for (d, starts) in story_starts.iter().enumerate() {
        if starts.len() < DIGEST_DATELINES {
            continue;
        }
        let range = p.doc_sentences[d].clone();
        // The stories as sentence ranges; what comes before the first
        // dateline (the digest's own title) goes with the first story.
        let stories: Vec<std::ops::Range<usize>> = starts
            .iter()
            .enumerate()
            .map(|(k, &start)| {
                let from = if k == 0 { range.start } else { start };
                let to = starts.get(k + 1).copied().unwrap_or(range.end);
                from..to
            })
            .collect();
        let shares: Vec<f64> = stories
            .iter()
            .map(|story| {
                let terms: rustc_hash::FxHashSet<_> = story
                    .clone()
                    .flat_map(|i| p.sentences[i].terms.iter().copied())
                    .collect();
                let shared = terms.iter().filter(|t| others.contains(t)).count();
                shared as f64 / terms.len().max(1) as f64
            })
            .collect();
        let best = shares.iter().copied().fold(0.0, f64::max);
        for (story, share) in stories.iter().zip(&shares) {
            if *share < best / 2.0 {
                for i in story.clone() {
                    out[i] = true;
                }
            }
        }
    }
    out
}

/// Whether `text` has [`DIGEST_DATELINES`] lines with a bracket near
/// their start, as a digest's datelines have ("WASHINGTON (AP) --"): most
/// articles have not, and are passed over without reading their
/// sentences.
fn may_be_a_digest(text: &str) -> bool {
    const DATELINE_BYTES: usize = 60;
    let bytes = text.as_bytes();
    let mut bracketed = 0;
    for line_start in std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|at| at + 1)) {
        let head = &bytes[line_start..bytes.len().min(line_start + DATELINE_BYTES)];
        if memchr::memchr(b'(', head).is_some() {
            bracketed += 1;
            if bracketed >= DIGEST_DATELINES {
                return true;
            }
        }
    }
    false
}

/// Whether the sentence at `span` of `text`, on the line that starts at
/// `line_start`, opens a story under a wire dateline: a place and an
/// agency ("WASHINGTON (AP) -- ", "GENEVA (AP) _ ") open its paragraph and
/// end where the sentence begins (or the sentence opens with them).
fn opens_under_a_wire_dateline(text: &str, line_start: usize, span: Span) -> bool {
    // Most sentences stand after others in their paragraph: no dateline
    // is that long.
    const MAX_DATELINE_BYTES: usize = 60;
    if span.start.saturating_sub(line_start) > MAX_DATELINE_BYTES {
        return false;
    }
    let gap = text.get(line_start..span.start).unwrap_or("");
    let paragraph = text.get(line_start..span.end).unwrap_or("");
    let lead = paragraph.len() - paragraph.trim_start().len();
    let dateline = wire_dateline_len(&paragraph[lead..]);
    dateline > 0 && lead + dateline >= gap.len()
}

/// The length of the wire dateline `text` opens with, in the form a
/// digest's stories take ("WASHINGTON (AP) -- ", "FORT LEWIS, Wash. (AP) -
/// ", "GENEVA (Reuters) _ "): a capitalized place of at most five words,
/// an agency of one to three words in brackets, a dash or underscore; 0
/// when it opens with none. Stricter than the cleaning stage's datelines
/// (which also read a place and a date, or a glued credit), so a
/// transcript's "JON STEWART:" or a bracketed aside opens no story.
fn wire_dateline_len(text: &str) -> usize {
    const MAX_PLACE_WORDS: usize = 5;
    const MAX_AGENCY_WORDS: usize = 3;
    let Some(open) = text.get(..60).unwrap_or(text).find(" (") else {
        return 0;
    };
    let place = &text[..open];
    let place_words = place.split_whitespace().count();
    if place_words == 0
        || place_words > MAX_PLACE_WORDS
        || !place.starts_with(|c: char| c.is_uppercase())
        || place.contains(['(', ')', '"', ':'])
    {
        return 0;
    }
    let after_open = open + 2;
    let Some(close) = text[after_open..].find(')') else {
        return 0;
    };
    let agency = &text[after_open..after_open + close];
    let agency_words = agency.split_whitespace().count();
    // A party's letter ("Sen. Jane Doe (D) -") is no agency.
    if agency_words == 0
        || agency_words > MAX_AGENCY_WORDS
        || agency.len() < 2
        || !agency.starts_with(|c: char| c.is_uppercase())
    {
        return 0;
    }
    let rest = &text[after_open + close + 1..];
    let separator = rest.trim_start_matches(' ');
    let Some(after) = ["--", "\u{2014}", "\u{2013}", "-", "_"]
        .iter()
        .find_map(|dash| separator.strip_prefix(dash))
    else {
        return 0;
    };
    if !after.starts_with(' ') {
        return 0;
    }
    text.len() - after.trim_start_matches(' ').len()
}

/// Each line of `text` (its line break included) with its span.
fn line_spans(text: &str) -> impl Iterator<Item = (Span, &str)> {
    text.split_inclusive('\n').scan(0, |start, line| {
        let span = Span::new(*start, *start + line.len());
        *start = span.end;
        Some((span, line))
    })
}

/// Whether the text before a sentence ends a line: the sentence opens its
/// line (spaces and tabs aside).
fn ends_a_line(before: &str) -> bool {
    before.trim_end_matches([' ', '\t']).ends_with(['\n', '\r'])
}

/// The lines of a sports report's "UP NEXT" box: under a line that reads
/// "UP NEXT" (the wire services' label), each team's next game on a line
/// of its own ("Steelers: Host the Browns on Sunday.", "Texans: Visit
/// Indianapolis on Sunday."). They are the page's schedule, not the
/// story, and read as news out of their box.
fn schedule_lines(text: &str) -> Vec<Span> {
    const LABEL: &str = "UP NEXT";
    const MAX_LABEL_WORDS: usize = 4;
    // Every article is asked: one prebuilt vectorized search rejects it.
    static BOX: LazyLock<Marks<1>> = LazyLock::new(|| Marks::new([LABEL]));
    if !BOX.any_in(text) {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut in_box = false;
    for (span, line) in line_spans(text) {
        let trimmed = line.trim();
        if trimmed.trim_end_matches(':') == LABEL {
            in_box = true;
            continue;
        }
        // A team's line: a short name, a colon, its game.
        let team_line = trimmed.split_once(": ").is_some_and(|(team, game)| {
            !game.is_empty()
                && team.split_whitespace().count() <= MAX_LABEL_WORDS
                && team.starts_with(|c: char| c.is_uppercase())
        });
        if in_box && team_line {
            lines.push(span);
        } else if !trimmed.is_empty() {
            in_box = false;
        }
    }
    lines
}

/// Lines a picture gallery left in the text: three or more lines that
/// open with the same five words, the gallery's title before each
/// slide's caption ("Port of Duisburg turns 300 Trading place of global
/// significance What started out as…", "Photos: Mass shooting at Las
/// Vegas music festival Debris is scattered…"), or one caption repeated.
/// Their sentences tell the pictures, not the story. Paragraphs of prose
/// may open with the same four ("Unruh said her son told…", "Unruh said
/// her son filed…"), seldom five.
fn gallery_lines(text: &str) -> Vec<Span> {
    const TITLE_WORDS: usize = 5;
    const MIN_LINES: usize = 3;
    // Most texts have few lines (Multi-News's none), or no three that
    // open with the same bytes: no gallery, and no words to read.
    // Five words take at least nine bytes, so lines that share a title
    // share their first eight.
    const OPENING_BYTES: usize = 8;
    if memchr::memchr_iter(b'\n', text.as_bytes()).count() < MIN_LINES {
        return Vec::new();
    }
    let mut openings: rustc_hash::FxHashMap<&[u8], usize> = rustc_hash::FxHashMap::default();
    let mut repeated = false;
    for line in text.split_inclusive('\n') {
        let line = line.trim_start().as_bytes();
        if line.len() > OPENING_BYTES * 2 {
            let n = openings.entry(&line[..OPENING_BYTES]).or_default();
            *n += 1;
            repeated |= *n >= MIN_LINES;
        }
    }
    if !repeated {
        return Vec::new();
    }
    // Each long enough line with its opening: the text up to the end of
    // its fifth word.
    let mut lines: Vec<(Span, &str)> = Vec::new();
    for (span, line) in line_spans(text) {
        let mut words = line.split_whitespace();
        let title_end = words
            .nth(TITLE_WORDS - 1)
            .map(|w| w.as_ptr() as usize - line.as_ptr() as usize + w.len());
        // A title and a caption of at least as many words.
        if let (Some(end), Some(_)) = (title_end, words.nth(TITLE_WORDS - 1)) {
            lines.push((span, line[..end].trim_start()));
        }
    }
    if lines.len() < MIN_LINES {
        return Vec::new();
    }
    let mut counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (_, title) in &lines {
        *counts.entry(title).or_default() += 1;
    }
    lines
        .iter()
        .filter(|(_, title)| counts.get(title).is_some_and(|&n| n >= MIN_LINES))
        .map(|(span, _)| *span)
        .collect()
}

/// Whether sentence `i` may be quoted at all, standing aside: its length is
/// within limits, it has content terms, and it is neither a quotation
/// without its speaker nor site chrome.
fn quotable(p: &PreparedCluster<'_>, i: usize, config: &SelectionConfig) -> bool {
    // Words as quoted: a sentence its cuts leave too short ("2 stars ( out
    // of four ) magneto.") is a fragment.
    let s = &p.sentences[i];
    let w = s.words.saturating_sub(s.cuts.words);
    let text = p.text(i);
    if w < config.min_words || w > config.max_words || p.sentences[i].terms.is_empty() {
        return false;
    }
    // One pass for the marks of the four tests that look for fixed
    // phrases (chrome, archive residue, a caption naming its picture, a
    // source kept anonymous, a site's notice); most sentences have none,
    // and each test
    // would scan the whole sentence again.
    let marked = has_page_mark(text);
    let page_text = marked && (is_chrome(text) || is_archive_residue(text));
    !page_text
        && !crate::text::clean::is_bare_quote(text)
        && !crate::text::boilerplate::is_boilerplate(text)
        && !crate::text::clean::opens_with_update_note(text)
        && !opens_with_page_label(text)
        && !(p.sentences[i].position <= 1 && (opens_with_byline(text) || has_page_header(text)))
        && !is_cut_off(p, i)
        && !ends_in_abbreviation(text)
        && !is_teaser_cut(text)
        && !is_agency_teaser(p, i)
        && !asks_a_question(text)
        && !is_aside(text)
        && !stops_mid_clause(text)
        && !opens_on_a_dash(text)
        && !opens_a_transcript_or_link(text)
        && !is_data_row(text)
        && !is_dated_caption(text)
        && !is_photo_caption_given(text, marked)
        && !(at_an_end_of_its_article(p, i) && is_author_note(text))
        && !gives_email_address(text)
        && !carries_tweet_signature(text)
        && !is_credited_caption(p, i)
        && !is_caption_paragraph(p, i)
        && !tells_a_picture_in_the_present(text)
        && !describes_a_picture(text)
        && !(marked && only_keeps_its_source_anonymous(text))
        && !(marked && is_site_notice(text))
        && !(among_the_last_of_its_article(p, i, FOOTER_SENTENCES) && is_transcript_note(text))
        && !addresses_the_reader(text)
        && !lacks_its_subject(text)
        && !lacks_a_verb(text)
}

/// Whether the sentence stops on a colon, a comma or a semicolon, perhaps
/// inside a quotation mark ("The who's assistant director-general said:
/// \"", "Authorities confirmed that the child, called \"nelly, \"", "…and
/// his wife, dr. Jill biden;"): the segmenter cut it before its end, and
/// the thought is unfinished.
fn stops_mid_clause(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\u{201d}'))
        .ends_with([':', ',', ';'])
}

/// Whether the sentence opens on chevrons (">> this was the first
/// shot.", ">>what you need to know about…"), a turn of a broadcast's
/// transcript or a related story's link, or on a transcript's title
/// ("Transcript for gut feeling helps woman…"): not the article's prose.
fn opens_a_transcript_or_link(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(">>")
        || t.get(..14).is_some_and(|head| {
            head.eq_ignore_ascii_case("transcript for")
                && !t[14..].starts_with(char::is_alphanumeric)
        })
}

/// Whether the sentence is a row of a page's table or trail, not prose: a
/// list's fields joined by chevrons ("Victoria, mexico > homicides per
/// 100,000: 84.67 > 2016 homicides: 293 > population: …", "Home > video >
/// most popular…"), or markup left in the text ("<strong>status:
/// </strong> renewed<br / >").
fn is_data_row(text: &str) -> bool {
    // Asked of every sentence: most have no angle bracket at all.
    if memchr::memchr2(b'<', b'>', text.as_bytes()).is_none() {
        return false;
    }
    text.matches(" > ").nth(1).is_some() || text.contains("<strong>") || text.contains("<br")
}

/// Whether the sentence is a news photo's caption by its dateline: it ends
/// in a weekday and a full date ("…at the prime minister's office in
/// jerusalem, tuesday, oct. 9, 2012.", "…near la habra friday night march
/// 28, 2014.") and tells nothing in the past ("was", "were", "had", "did",
/// "went", "said", "says", "told"). A caption speaks in the present of its
/// picture; prose that dates an event so fully tells it in the past
/// ("Danielle stislicki went missing on friday, december 2, 2016."). Of
/// 25 validation source sentences read that the test takes, 25 were
/// captions.
fn is_dated_caption(text: &str) -> bool {
    const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];
    const PAST: &[&str] = &["was", "were", "had", "did", "went", "said", "says", "told"];
    let Some(body) = text.trim_end().strip_suffix('.') else {
        return false;
    };
    // Asked of every sentence: most do not end in a year.
    let bytes = body.as_bytes();
    if bytes.len() < 4 || !bytes[bytes.len() - 4..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let last: Vec<&str> = body.split_whitespace().rev().take(5).collect();
    let number = |w: &str, range: std::ops::RangeInclusive<u32>| {
        w.trim_end_matches(',')
            .parse::<u32>()
            .is_ok_and(|n| range.contains(&n))
    };
    let lower = |k: usize| {
        last.get(k)
            .map(|w| w.trim_end_matches(['.', ',']).to_ascii_lowercase())
            .unwrap_or_default()
    };
    if last.len() < 4
        || !number(last[0], 1900..=2099)
        || !number(last[1], 1..=31)
        || !crate::text::calendar::is_month_name(&lower(2))
    {
        return false;
    }
    let weekday_at = if PARTS_OF_DAY.contains(&lower(3).as_str()) {
        4
    } else {
        3
    };
    crate::text::calendar::WEEKDAYS.contains(&lower(weekday_at).as_str())
        && !body
            .split(|c: char| !c.is_alphabetic())
            .any(|w| PAST.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// Whether the sentence opens on a dash ("— and your child just
/// refuses."): the rest of a sentence a split cut in two.
fn opens_on_a_dash(text: &str) -> bool {
    text.trim_start().starts_with(['\u{2014}', '\u{2013}'])
}

/// Most words of a sentence [`lacks_a_verb`] asks about whatever it opens
/// with.
const SHORT_WORDS: usize = 8;

/// Whether `text` gives someone's age as an apposition (", 26,"), as a
/// photo caption naming the people in the picture does ("ahmad seth
/// zaharie, 26, with his sister aishah zaharie, 27, and mother…").
fn gives_an_age(text: &str) -> bool {
    // Every sentence not opening on a preposition is asked: a search for
    // the comma alone is a fast byte search.
    text.match_indices(',').any(|(at, _)| {
        let Some(rest) = text[at + 1..].strip_prefix(' ') else {
            return false;
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&digits) && rest[digits..].starts_with(',')
    })
}

/// Whether the sentence opens on a preposition and holds no word that
/// could be its verb ("In the parking lot of a nearby shopping center.",
/// "After refusing medical treatment, according to police.", "From
/// yorkville endoscopy on e. 93rd st. To mount sinai hospital."): a piece
/// of a sentence a page or a list split off, which says nothing alone. A
/// caption that gives ages ([`gives_an_age`]) and has no verb is no
/// sentence either.
/// Any word that may be a verb keeps it: an auxiliary, a past in "-ed" or
/// an irregular one, a word in "-s", a common bare verb, a contraction, a
/// subject pronoun, or a word after an adverb that goes before verbs
/// ("often donate"); so only what plainly lacks a verb goes.
fn lacks_a_verb(text: &str) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "in", "on", "at", "from", "for", "after", "before", "during", "with", "by", "to", "of",
        "near", "into", "since", "until", "through", "outside", "inside", "across", "among",
        "under", "over", "between", "without", "amid", "along",
    ];
    const VERB_WORDS: &[&str] = &[
        // Auxiliaries and modals.
        "is", "are", "am", "be", "been", "being", "do", "does", "shall", "must", "can",
        // Irregular pasts beyond `is_told`'s.
        "hit", "cut", "let", "shot", "brought", "told", "sent", "said", "spent", "built", "caught",
        "fought", "taught", "bought", "sold", "heard", "lit", "read", "rose", "struck", "wore",
        "drove", "flew", "grew", "threw", "ate", "broke", "chose", "spoke", "stole", "woke",
        "froze", "drew", "hung", "swore", "tore", "shook", "sank", "sang", "rang", "swam", "dealt",
        "felt", "meant", "slept", "fled", "fed", "quit", "spread", "beat", "bit", "hid", "slid",
        "forgot", "dug", "wept", "crept", "knelt", "sought", "clung", "swung", "spun", "sprang",
        "strode", "lay", "laid", "bent", "lent", "sped", "shed", "overcame", "forgave",
        // Common bare verbs (a plural subject's present).
        "say", "go", "come", "get", "make", "take", "know", "think", "see", "want", "need",
        "believe", "remain", "continue", "face", "hope", "plan", "expect", "tell", "give", "find",
        "keep", "become", "seem", "appear", "agree", "claim", "argue", "allege", "warn", "fear",
        "call", "ask", "show", "suggest", "include", "live", "work", "die", "stay", "run", "win",
        "lose", "hold", "pay", "meet", "lead", "stand", "sit", "fall", "rise", "grow", "try",
        "use", "feel", "leave", "mean", "begin", "help", "play", "move", "like", "love", "report",
        "estimate", "note", "add", "describe", "point", "deny", "urge", "vote", "support",
        "oppose", "look", "happen", "exist", "suffer", "visit", "register", "head",
        // Subject pronouns: a verb follows.
        "i", "you", "we", "they", "he", "she", "it",
        // A contraction's tail, spaced off in the lowercased release
        // ("there ' ll be").
        "ll", "re", "ve", "m", "d", "t",
    ];
    const BEFORE_VERBS: &[&str] = &[
        "often",
        "only",
        "also",
        "still",
        "never",
        "always",
        "now",
        "just",
        "already",
        "usually",
        "reportedly",
        "allegedly",
        "then",
        "later",
    ];
    // Words in "-s" that are never a verb.
    const NOT_VERBS_IN_S: &[&str] = &[
        "news",
        "this",
        "his",
        "its",
        "hers",
        "ours",
        "yours",
        "theirs",
        "always",
        "perhaps",
        "sometimes",
        "towards",
        "afterwards",
        "besides",
        "whereas",
        "series",
        "species",
        "plus",
    ];
    // Words are looked up in a set: a sentence may hold many.
    static VERBS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| VERB_WORDS.iter().copied().collect());
    let t = text.trim();
    // "From, oh, at least a few dozen people.": the comma is no part of
    // the word.
    let Some(opening) = t
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches([',', ';', ':']))
    else {
        return false;
    };
    // A short sentence says too little to need a verb found ("A church
    // van full of parishioners.", "More than 500 kinds of them.").
    let short = t.split_whitespace().nth(SHORT_WORDS).is_none();
    if t.ends_with('?')
        || !(short
            || PREPOSITIONS.iter().any(|p| opening.eq_ignore_ascii_case(p))
            || gives_an_age(t))
    {
        return false;
    }
    // The first word that may be a verb ends the search, most often within
    // a few words: read them one at a time.
    let mut before_verb = false;
    for token in t.split_whitespace() {
        let inner = token.trim_matches(|c: char| !c.is_alphanumeric());
        // A contraction ("we're", "wasn't") is a verb, and so is "'s"
        // after a pronoun ("there's", "it's"); after a name it is a
        // possessive ("obama's").
        let (word, tail) = match inner.find(['\'', '\u{2019}']) {
            Some(at) => {
                let quote = inner[at..].chars().next().map_or(1, char::len_utf8);
                (&inner[..at], Some(&inner[at + quote..]))
            }
            None => (inner, None),
        };
        if word.is_empty() {
            continue;
        }
        let key: std::borrow::Cow<'_, str> = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            word.to_lowercase().into()
        } else {
            word.into()
        };
        let k = key.as_ref();
        let contraction = tail.is_some_and(|tail| {
            !tail.eq_ignore_ascii_case("s")
                || matches!(
                    k,
                    "there" | "here" | "that" | "what" | "who" | "where" | "it" | "he" | "she"
                )
        });
        if before_verb
            || contraction
            || (k.len() >= 3
                && k.ends_with('s')
                && !k.ends_with("ss")
                && !k.ends_with("us")
                && !NOT_VERBS_IN_S.contains(&k))
            || is_told(k)
            || VERBS.contains(k)
        {
            return false;
        }
        before_verb = BEFORE_VERBS.contains(&k);
    }
    true
}

/// Whether the sentence opens on the verb its subject should precede
/// ("Will stop censoring its search results in China…", "Has recruited
/// prolific television producer…"): a page or a release split off the
/// subject ("Google Inc." taken for a sentence's end), so the sentence
/// says nothing of who acts. A question, a quotation's own opening and an
/// inverted condition ("Had that call not been made, …", "Should a deal
/// be completed, …": the subject follows) stand.
fn lacks_its_subject(text: &str) -> bool {
    const AUXILIARIES: &[&str] = &[
        "will", "would", "has", "have", "had", "is", "are", "was", "were", "can", "could", "must",
        "might", "does", "did", "should",
    ];
    // Words that open a subject after an inverted auxiliary.
    const SUBJECT_OPENERS: &[&str] = &[
        "a", "an", "the", "this", "that", "these", "those", "he", "she", "it", "they", "we", "you",
        "i", "his", "her", "their", "its", "our", "my", "your", "there", "everyone", "anyone",
        "someone", "no", "any", "some", "all", "each", "every", "both", "either", "neither", "one",
        "many", "most", "much", "more",
    ];
    let t = text.trim();
    // Either case: a label trimmed off leaves the page's lowercase ("…
    // exclusive is now telling friends…").
    if t.ends_with('?') || !t.starts_with(char::is_alphabetic) {
        return false;
    }
    let opening = t.split_whitespace().next().unwrap_or_default();
    if !AUXILIARIES.iter().any(|a| opening.eq_ignore_ascii_case(a)) {
        return false;
    }
    // Lowercase, "will smith and his wife…" may be a name.
    if opening == "will" {
        return false;
    }
    let ws = crate::text::words::words(t);
    let [_, second, ..] = &ws[..] else {
        return false;
    };
    !second.is_capitalized()
        && !second.text.starts_with(|c: char| c.is_ascii_digit())
        && !SUBJECT_OPENERS.contains(&second.key().as_str())
}

/// Verbs a photo caption tells its picture with, in the present tense
/// ("Trump talks during a joint press conference…", "Israeli border
/// policemen load their weapons…").
const CAPTION_VERBS: &[&str] = &[
    "addresses",
    "answers",
    "applaud",
    "applauds",
    "arrive",
    "arrives",
    "assemble",
    "assembles",
    "attend",
    "attends",
    "block",
    "blocks",
    "carries",
    "carry",
    "celebrate",
    "celebrates",
    "chant",
    "chants",
    "chats",
    "cheer",
    "cheers",
    "clears",
    "comfort",
    "comforts",
    "consoles",
    "converge",
    "converges",
    "cries",
    "cry",
    "dance",
    "dances",
    "delivers",
    "depart",
    "departs",
    "drag",
    "drags",
    "drips",
    "embrace",
    "embraces",
    "enter",
    "enters",
    "examine",
    "examines",
    "exit",
    "exits",
    "flies",
    "gather",
    "gathers",
    "gesture",
    "gestures",
    "greet",
    "greets",
    "grieve",
    "grieves",
    "guards",
    "hangs",
    "hold",
    "holds",
    "hug",
    "hugs",
    "inspect",
    "inspects",
    "investigate",
    "investigates",
    "joins",
    "kiss",
    "kisses",
    "kneel",
    "kneels",
    "leave",
    "leaves",
    "listen",
    "listens",
    "load",
    "loads",
    "look",
    "looks",
    "marches",
    "mingle",
    "mingles",
    "misses",
    "mourn",
    "mourns",
    "participate",
    "participates",
    "patrol",
    "patrols",
    "pause",
    "pauses",
    "perform",
    "performs",
    "places",
    "plays",
    "pose",
    "poses",
    "pray",
    "prays",
    "prepare",
    "prepares",
    "rallies",
    "react",
    "reacts",
    "remove",
    "removes",
    "ride",
    "rides",
    "rise",
    "rises",
    "ropes",
    "shake",
    "shakes",
    "shout",
    "shouts",
    "sign",
    "signs",
    "sing",
    "sings",
    "sit",
    "sits",
    "sleep",
    "sleeps",
    "smile",
    "smiles",
    "speak",
    "speaks",
    "stand",
    "stands",
    "talk",
    "talks",
    "tends",
    "testifies",
    "touch",
    "touches",
    "tours",
    "videos",
    "visit",
    "visits",
    "wait",
    "waits",
    "walk",
    "walks",
    "watch",
    "watches",
    "wave",
    "waves",
    "wear",
    "wears",
    "wipe",
    "wipes",
    "work",
    "works",
];

/// Whether sentence `i` is among the first two or the last two of its
/// article, where pages put notes about the writer.
fn at_an_end_of_its_article(p: &PreparedCluster<'_>, i: usize) -> bool {
    p.sentences[i].position < 2 || among_the_last_of_its_article(p, i, 2)
}

/// Whether sentence `i` is among the last `n` of its article.
fn among_the_last_of_its_article(p: &PreparedCluster<'_>, i: usize, n: usize) -> bool {
    p.doc_sentences
        .get(p.sentences[i].doc)
        .is_some_and(|r| r.end <= i + n)
}

/// Sentences at an article's end read as its footer, where a broadcaster
/// puts its note on the transcript.
const FOOTER_SENTENCES: usize = 6;

/// Whether the sentence is a broadcaster's note under its transcript
/// ("NPR transcripts are created on a rush deadline by…", "This text may
/// not be in its final form…", "Accuracy and availability may vary.",
/// "The authoritative record of NPR's programming is the audio record.",
/// "This is a rush transcript."): the page's, not the story's. Asked only
/// in a footer ([`FOOTER_SENTENCES`]), and each mark is looked for
/// from its second letter on, so a capital opening it matches too.
fn is_transcript_note(text: &str) -> bool {
    static NOTES: LazyLock<Marks<5>> = LazyLock::new(|| {
        Marks::new([
            "ranscripts are created on a rush deadline",
            "ush transcript",
            "ay not be in its final form",
            "ccuracy and availability may vary",
            "rogramming is the audio record",
        ])
    });
    NOTES.any_in(text)
}

/// Whether the sentence is a note about the writer or a page's box rather
/// than the story (selection asks only near an article's ends): a short
/// bio opening on the writer's name ("Joanna weiss
/// is a writer based in boston and a former television critic…", "Katy
/// waldman is a slate staff writer.") or a "What to know" box whose
/// bullets lost their breaks.
fn is_author_note(text: &str) -> bool {
    const ROLES: &[&str] = &[
        "writer",
        "columnist",
        "contributor",
        "editor",
        "correspondent",
        "reporter",
        "critic",
        "blogger",
        "journalist",
    ];
    // Only the first eight words are read; the rest is counted, not kept.
    let words: Vec<String> = text
        .split_whitespace()
        .take(8)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    if words.len() >= 3 && words[..3] == ["what", "to", "know"] {
        return true;
    }
    if text.split_whitespace().nth(30).is_some() {
        return false;
    }
    // "<name of one to three words> is a|an <up to three words> <role>"
    let Some(is) = words.iter().take(4).position(|w| w == "is") else {
        return false;
    };
    // A name of two words or more, not "The suspect", "He".
    const NOT_A_NAME: &[&str] = &[
        "the", "a", "an", "he", "she", "it", "this", "that", "his", "her",
    ];
    if is < 2
        || NOT_A_NAME.contains(&words[0].as_str())
        || words[..is].iter().any(|w| w == "who" || w == "which")
        || !matches!(words.get(is + 1).map(String::as_str), Some("a" | "an"))
    {
        return false;
    }
    words
        .iter()
        .skip(is + 2)
        .take(4)
        .any(|w| ROLES.contains(&w.as_str()))
}

/// Whether the sentence is a photo caption left in the text: a present
/// tense verb of the picture and the picture's full date ("US President
/// Donald Trump talks during a joint press conference … in Washington,
/// DC, on April 12, 2017."). News prose tells a dated event in the past
/// ("met on April 12, 2017"); a caption describes what the picture shows.
/// A quotation or a verb of saying marks prose.
#[cfg(test)]
fn is_photo_caption(text: &str) -> bool {
    is_photo_caption_given(text, has_page_mark(text))
}

/// [`is_photo_caption`] told whether the text has any [`has_page_mark`]
/// mark (without one, it names no picture).
fn is_photo_caption_given(text: &str, marked: bool) -> bool {
    if (marked && names_its_picture(text)) || opens_as_agency_caption(text) {
        return true;
    }
    // Most sentences hold no year: skip them before reading words.
    let has_year = text.as_bytes().windows(4).any(|w| {
        (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit)
    });
    if !has_year {
        return is_caption_dated_by_day(text);
    }
    let words = crate::text::words::words(text);
    let keys: Vec<String> = words.iter().map(|w| w.key()).collect();
    let dated = keys.windows(3).position(|w| {
        crate::text::calendar::is_month_name(&w[0])
            && w[1].len() <= 2
            && w[1].bytes().all(|b| b.is_ascii_digit())
            && w[2].len() == 4
            && (w[2].starts_with("19") || w[2].starts_with("20"))
            && w[2].bytes().all(|b| b.is_ascii_digit())
    });
    let Some(date) = dated else {
        return false;
    };
    // A person's place in the picture before its date ("jeff gerst, right,
    // joins his neighbors…") is a caption's, quotation or not.
    if has_place_in_picture(&text[..words[date].start]) {
        return true;
    }
    // A verb of saying marks prose, and so does a quotation in a sentence
    // that tells of the past; a quotation alone does not (a caption quotes
    // a banner or a title: "…at a pre-inaugural \"make america great
    // again! welcome celebration\" at the lincoln memorial…").
    if keys.iter().any(|k| is_saying(k))
        || (crate::priors::carries_quote(text) && tells_past_or_future(&keys, date..date + 3))
    {
        return false;
    }
    // An agency caption ends on the picture's weekday and date, set off by
    // commas ("…in mumbai, india, thursday, july 30, 2015."); prose dates
    // an event with a preposition ("on thursday, july 30, 2015").
    // Or the date is followed by the picture's town alone ("…a baggage
    // carousel at the airport, sunday, dec. 17, 2017, in atlanta."), after
    // no verb of the past that would make it prose ("died sunday, april
    // 26, 2015 in waterville").
    let after_date = &keys[date + 3..];
    let then_its_town =
        after_date.first().is_some_and(|k| k == "in") && (2..=5).contains(&after_date.len());
    let in_its_town = then_its_town
        && date >= 2
        && !(keys[date - 2].ends_with("ed")
            || matches!(
                keys[date - 2].as_str(),
                "died" | "was" | "were" | "is" | "are"
            ));
    // After "on" too, when nothing in the sentence is told in the past or
    // to come ("police officials rope off the scene … on tuesday, april 29,
    // 2014."; not "danielle stislicki went missing on friday, december 2,
    // 2016.").
    if (after_date.is_empty() || then_its_town)
        && date >= 3
        && crate::text::calendar::WEEKDAYS.contains(&keys[date - 1].as_str())
        && keys[date - 2] == "on"
        && keys.len() >= 8
        && !tells_past_or_future(&keys, date..date + 3)
    {
        return true;
    }
    if (after_date.is_empty() || in_its_town)
        && date >= 2
        && crate::text::calendar::WEEKDAYS.contains(&keys[date - 1].as_str())
        && !matches!(
            keys[date - 2].as_str(),
            "on" | "since"
                | "until"
                | "for"
                | "during"
                | "by"
                | "before"
                | "after"
                | "from"
                | "through"
                | "last"
                | "next"
                | "this"
                | "that"
                | "of"
        )
    {
        return true;
    }
    has_caption_verb(&keys[..date])
}

/// Whether `keys` (a sentence's words before its date) hold a present
/// verb of a picture after its subject, with no modal, article or
/// possessive before it ("will visit", "his visits", "huge waves": not a
/// picture's verb).
fn has_caption_verb(keys: &[String]) -> bool {
    const NOT_BEFORE_VERB: &[&str] = &[
        "will", "would", "to", "can", "could", "may", "might", "should", "must", "did", "does",
        "do", "not", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these",
        "those", "this", "that", "of", "for", "in", "on", "at", "and", "but", "when", "huge",
        "peace", "new",
    ];
    (1..keys.len()).any(|v| {
        (CAPTION_VERBS.contains(&keys[v].as_str())
            && !NOT_BEFORE_VERB.contains(&keys[v - 1].as_str()))
            // "…is seen at boston children's hospital…", "…are shown".
            || (matches!(keys[v].as_str(), "seen" | "shown")
                && matches!(keys[v - 1].as_str(), "is" | "are" | "be"))
    })
}

/// Whether the sentence is a photo caption that dates its picture by
/// month and day alone, at its end ("Comedian Michelle Wolf performs
/// during a gig in New York City on June 29."; "Drew Pinsky arrives at the
/// MTV Movie Awards in Burbank, Calif., on April 9."): a present verb of
/// the picture, or a person's place in it, and nothing told in the past or
/// to come, quoted or said ("…police arrested Andrea Mears … after the
/// incident on May 12." is prose).
fn is_caption_dated_by_day(text: &str) -> bool {
    // Cheap test first (most sentences end otherwise): a day's number
    // ends the sentence.
    let body = text.trim_end().trim_end_matches('.');
    if !body.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let keys: Vec<String> = crate::text::words::words(text)
        .iter()
        .map(|w| w.key())
        .collect();
    let n = keys.len();
    if n < 8 {
        return false;
    }
    let (day, month) = (&keys[n - 1], &keys[n - 2]);
    if day.len() > 2
        || !day.bytes().all(|b| b.is_ascii_digit())
        || !crate::text::calendar::is_month_name(month)
    {
        return false;
    }
    let on = if keys[n - 3] == "on" {
        n - 3
    } else if keys[n - 4] == "on" && crate::text::calendar::WEEKDAYS.contains(&keys[n - 3].as_str())
    {
        n - 4
    } else {
        return false;
    };
    if keys.iter().any(|k| is_saying(k)) || crate::priors::carries_quote(text) {
        return false;
    }
    has_place_in_picture(text)
        || (!tells_past_or_future(&keys, on..n) && has_caption_verb(&keys[..on]))
}

/// Whether a word's key is a verb of saying, which marks prose.
fn is_saying(key: &str) -> bool {
    matches!(
        key,
        "said" | "says" | "told" | "added" | "asked" | "wrote" | "according" | "tweeted"
    )
}

/// Whether `text` sets a person's place in a picture off by commas
/// ("reinhold hanning, left, sits next to his lawyer johannes salmen,
/// right, …").
fn has_place_in_picture(text: &str) -> bool {
    static PLACES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        case_blind(&[
            ", left,",
            ", right,",
            ", center,",
            ", centre,",
            ", second left,",
            ", second right,",
            ", second from left,",
            ", second from right,",
            ", foreground,",
            ", background,",
        ])
    });
    PLACES.is_match(text)
}

/// Whether a sentence, as word keys, tells of the past or of what is to
/// come ("was", "went", "will", a past in "-ed"), as a caption's present
/// does not; the words of its date (`date`: "may 8 2015") and a present
/// passive ("is photographed", "are pictured") tell of neither.
fn tells_past_or_future(keys: &[String], date: std::ops::Range<usize>) -> bool {
    keys.iter().enumerate().any(|(j, k)| {
        !date.contains(&j)
            && is_told(k)
            && !(k.ends_with("ed")
                && j > 0
                && matches!(keys[j - 1].as_str(), "is" | "are" | "being"))
    })
}

/// Whether a word's key tells of the past or of what is to come ("was",
/// "went", "will", a past in "-ed").
fn is_told(key: &str) -> bool {
    const TOLD: &[&str] = &[
        "was",
        "were",
        "had",
        "did",
        "went",
        "came",
        "took",
        "made",
        "found",
        "got",
        "left",
        "ran",
        "saw",
        "gave",
        "became",
        "began",
        "fell",
        "held",
        "kept",
        "knew",
        "led",
        "lost",
        "met",
        "paid",
        "put",
        "sat",
        "set",
        "stood",
        "thought",
        "won",
        "wrote",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "has",
        "have",
        "been",
        "being",
        "died",
        "agreed",
        "disagreed",
        "freed",
        "decreed",
        "guaranteed",
        "upheld",
        "withheld",
    ];
    // Words in "-ed" that tell of no past: the agency of a caption, a
    // country, a number.
    const NOT_PAST: &[&str] = &[
        "associated",
        "united",
        "hundred",
        "sacred",
        "naked",
        "undated",
    ];
    TOLD.contains(&key)
        || (key.len() >= 4
            && key.ends_with("ed")
            && !key.ends_with("eed")
            && !NOT_PAST.contains(&key))
}

/// Whether the sentence opens with a picture's date in parentheses and
/// the agency's name ("( sept. 8 ) ap this satellite image shows…"): an
/// agency's photo caption.
fn opens_as_agency_caption(text: &str) -> bool {
    text.strip_prefix('(')
        .and_then(|inner| inner.split_once(')'))
        .is_some_and(|(group, body)| {
            crate::text::clean::is_agency_caption(group, body.trim_start())
        })
}

/// Opens a caption's "In this <date> photo" ([`names_its_picture`]).
const IN_THIS_MARK: &str = "in this ";

/// Phrases by which a caption names its picture ([`names_its_picture`]).
const PICTURE_MARKS: &[&str] = &[
    "in this photo",
    "in this file photo",
    "in this handout",
    "this undated photo",
    "in this picture",
    "in this undated picture",
    "in this image",
    "in this undated image",
    "in this video grab",
    "in this frame grab",
    "in this video image",
    "in this still image",
    "photo released by",
    "photo provided by",
    "photo distributed by",
    "image released by",
    "image provided by",
    "picture released by",
    "picture provided by",
];

/// Whether the sentence says it describes a picture: "In this photo
/// provided by…", "…in this picture released by north korea's news
/// agency", "In this may 21, 2010 photo,", "In this image made from
/// video…". Prose about a video ("In this video of the trip, he…") is not
/// a caption.
fn names_its_picture(text: &str) -> bool {
    static MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| case_blind(PICTURE_MARKS));
    if MARKS.is_match(text) {
        return true;
    }
    // "In this <date> photo": the picture's date between "this" and the
    // noun.
    static IN_THIS: LazyLock<AhoCorasick> = LazyLock::new(|| case_blind(&[IN_THIS_MARK]));
    IN_THIS.find_iter(text).any(|m| {
        // Six words fit in 120 bytes: reading the rest of a long sentence
        // after each "in this " showed up in profiles.
        let window = &text[m.end()..crate::text::clean::floor_char_boundary(text, m.end() + 120)];
        let keys: Vec<String> = crate::text::words::words(window)
            .iter()
            .take(6)
            .map(|w| w.key())
            .collect();
        // "In this saturday, july 1, 2017, photo": a weekday may lead.
        let keys = match keys.first() {
            Some(k) if crate::text::calendar::WEEKDAYS.contains(&k.as_str()) => &keys[1..],
            _ => &keys[..],
        };
        keys.first()
            .is_some_and(|k| crate::text::calendar::is_month_name(k))
            && keys[1..]
                .iter()
                .any(|k| matches!(k.as_str(), "photo" | "picture" | "image" | "photograph"))
    })
}

/// Whether the sentence asks a question in its own voice (ending in "?"
/// outside any quotation): a teaser, an interviewer's line or a
/// rhetorical question, which states nothing a summary can report.
fn asks_a_question(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('?') && !crate::priors::carries_quote(t)
}

/// Whether the whole sentence is an aside in parentheses ("( that doesn't
/// include the two stand-alones ).") or a link's title in brackets ("[Super
/// Blue Blood-Moon 2018: When, Where and How to See It]").
fn is_aside(text: &str) -> bool {
    let t = text.trim();
    let end = t.trim_end_matches(['.', ' ']);
    (t.starts_with('(') && end.ends_with(')')) || (t.starts_with('[') && end.ends_with(']'))
}

/// Whether the sentence tells the reader to do something on the page
/// ("Please, donate and receive…", "Check your local moonrise time here.",
/// "Watch the video below.", "You can track the flight yourself on
/// Flightradar24 here.", "Find out more.", "Check out eight surprising
/// facts…", "Read on for the full results."), or points at what follows
/// it on the page ("Here
/// are key moments from that speech.", "Here's a look at what the
/// researchers uncovered."; with a colon, what follows is in the
/// sentence) or at a link ("Go here to contribute…"): the site speaking,
/// not the story.
fn addresses_the_reader(text: &str) -> bool {
    let t = text.trim();
    let first = t
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    if first.len() > 9 {
        return false;
    }
    let first = first.to_lowercase();
    match first.as_str() {
        "please" | "donate" | "subscribe" | "download" | "click" | "read" | "watch" | "view" => {
            true
        }
        "go" | "head" | "look" => second_word_is_here(t),
        // "Find out more.", "Check out eight surprising facts…", "Learn
        // more", "Share your stories…", "Get started by logging in…",
        // "Take a look at…": a page's invitations.
        "find" | "check" | "learn" | "share" | "join" | "get" | "take" if invites(&first, t) => {
            true
        }
        "check" | "see" | "find" | "learn" | "visit" | "vote" => {
            let lower = t.trim_end_matches(['.', '!', ' ']).to_lowercase();
            second_word_is_here(t)
                || lower.ends_with(" here")
                || lower.ends_with(" below")
                || lower.ends_with(" above")
                || lower.contains(" below ")
                || lower.contains(" your ")
                || lower.contains(" the poll")
        }
        "you" => {
            let lower = t.trim_end_matches(['.', '!', ' ']).to_lowercase();
            lower.starts_with("you can ") && (lower.ends_with(" here") || lower.ends_with(" below"))
        }
        "here" => {
            let rest = t
                .get(4..)
                .unwrap_or_default()
                .trim_start_matches([' ', '\'', '\u{2019}']);
            let points = ["is ", "are ", "s ", "re "].iter().any(|verb| {
                rest.get(..verb.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(verb))
            });
            points && !t.contains(':')
        }
        _ => false,
    }
}

/// Whether `text`, opening with the imperative `first`, goes on as a
/// page's invitation does ("Find out…", "Check out…", "Share your…").
fn invites(first: &str, text: &str) -> bool {
    let mut words = text.split_whitespace().skip(1).map(|w| {
        w.trim_end_matches([',', '.', ':', '!'])
            .to_ascii_lowercase()
    });
    let second = words.next().unwrap_or_default();
    let follows = |list: &[&str]| list.contains(&second.as_str());
    match first {
        "find" | "check" => second == "out",
        "learn" => second == "more",
        "share" => follows(&[
            "your", "this", "it", "them", "on", "via", "by", "e-mail", "email", "copy",
        ]),
        "join" => follows(&["us", "the", "our", "in"]),
        "get" => follows(&[
            "started", "ready", "breaking", "the", "our", "your", "updates", "alerts", "more",
        ]),
        "take" => second == "part" || (second == "a" && words.next().as_deref() == Some("look")),
        _ => false,
    }
}

/// Whether the second word of `text` is "here" ("Go here to contribute…",
/// "See here for…").
fn second_word_is_here(text: &str) -> bool {
    text.split_whitespace().nth(1).is_some_and(|w| {
        w.trim_end_matches([',', '.', ':', '!'])
            .eq_ignore_ascii_case("here")
    })
}

/// Phrases by which a reporter keeps a source unnamed
/// ([`only_keeps_its_source_anonymous`]).
const ANONYMITY_MARKS: &[&str] = &[
    "condition of anonymity",
    "not to be identified",
    "not to be named",
    "declined to be identified",
    "declined to be named",
    "refused to be identified",
    "refused to be named",
    "requested anonymity",
    "asked for anonymity",
    "sought anonymity",
];

/// Whether the sentence says only that its source was not named ("He
/// asked not to be identified as he was not authorized to speak to
/// media.", "The officials spoke on condition of anonymity because the
/// report has not yet been made public.", "The buyer declined to be
/// identified."): how the reporter sourced the story, which tells a reader
/// of the summary nothing. A few words (no comma) before the phrase say
/// who; a sentence that goes on to report what the source said ("…,
/// who asked not to be named, said the talks…", "…who spoke on condition
/// of anonymity confirmed…") or quotes it is news and stays.
fn only_keeps_its_source_anonymous(text: &str) -> bool {
    static ANONYMITY: LazyLock<AhoCorasick> = LazyLock::new(|| case_blind(ANONYMITY_MARKS));
    const REPORTING: &[&str] = &[
        "said",
        "says",
        "told",
        "tells",
        "confirmed",
        "confirms",
        "added",
        "according",
        "acknowledged",
        "described",
        "disclosed",
        "revealed",
    ];
    let Some(m) = ANONYMITY.find(text) else {
        return false;
    };
    let before = &text[..m.start()];
    !crate::priors::carries_quote(text)
        && !before.contains(',')
        && before.split_whitespace().count() <= 6
        && !text[m.end()..]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| REPORTING.iter().any(|r| r.eq_ignore_ascii_case(w)))
}

/// Phrases of a site's own notices ([`is_site_notice`]): an error page's,
/// and the word a comment policy is about.
const SITE_NOTICE_MARKS: &[&str] = &[
    "page not found",
    "404 not found",
    "the page you are looking for",
    "the page you requested",
    "click the ",
    "click on the ",
    "your username",
    "your user name",
    "your password",
    "your display name",
    "your account",
    "hide transcript",
    "show transcript",
    "webvtt",
    "copy link",
];

/// What a comment policy says is done with comments, or how they are
/// received ([`is_site_notice`]): a notice where the sentence is about
/// readers' comments.
const COMMENT_POLICY_MARKS: &[&str] = &[
    "are welcome",
    "not allowed",
    "not appropriate",
    "not permitted",
    "not tolerated",
    "will be removed",
    "will be deleted",
    "will be hidden",
    "hidden or removed",
    "filtered out",
    "being removed",
    "be banned",
    "registration is required",
    "off-topic",
    "take down",
];

/// Whether the sentence is a site's notice, not the story: an error page
/// ("Page not found the page you are looking for may have been moved…")
/// or a comment policy ("Constructive and respectful comments related to
/// the topic of the story are welcome…", "Comments containing vulgar words
/// will be filtered out.", "Ignoring the standards will result in your
/// comment being removed.", "If warranted, we will take down entire
/// comment boards."), or a page's instruction to its reader ("If you
/// still wish to delete your account, click the delete account button
/// below.", "Your username is what you login with…"), or a video player's
/// buttons ("…share copy link copy hide transcript show transcript webvtt
/// that home…"). A sentence about comments someone made ("The comment
/// was completely inappropriate.", "…posting abusive comments about…") is
/// no policy, and one about what people clicked ("Users who click the link
/// are infected") no instruction.
fn is_site_notice(text: &str) -> bool {
    static NOTICE: LazyLock<AhoCorasick> = LazyLock::new(|| {
        let marks: Vec<&str> = SITE_NOTICE_MARKS
            .iter()
            .chain(COMMENT_POLICY_MARKS)
            .copied()
            .collect();
        case_blind(&marks)
    });
    let you = || {
        !crate::priors::carries_quote(text)
            && text
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.eq_ignore_ascii_case("you") || w.eq_ignore_ascii_case("your"))
    };
    NOTICE.find_iter(text).any(|m| {
        let k = m.pattern().as_usize();
        match SITE_NOTICE_MARKS.get(k) {
            None => !crate::priors::carries_quote(text) && mentions_readers_comments(text),
            Some(mark) if mark.starts_with("click ") || mark.contains("your ") => you(),
            Some(_) => true,
        }
    })
}

/// Whether `text` speaks of comments as readers post them: the word
/// "comment" not after "to", "no", "for" or "without" ("declined to
/// comment", "had no comment").
fn mentions_readers_comments(text: &str) -> bool {
    static COMMENT: LazyLock<AhoCorasick> = LazyLock::new(|| case_blind(&["comment"]));
    COMMENT.find_iter(text).any(|m| {
        let before = text[..m.start()]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        !["to", "no", "for", "without"]
            .iter()
            .any(|w| before.eq_ignore_ascii_case(w))
    })
}

/// Whether sentence `i` is a line of its own but for a photo credit after
/// it ("…a news briefing in Beijing. (Mark Schiefelbein/AP)"): a
/// picture's caption, whatever its tense or date. A credit after the last
/// of several sentences of a paragraph ("…subvert the trope. [h/t
/// Vulture]") credits the article, not a picture.
fn is_credited_caption(p: &PreparedCluster<'_>, i: usize) -> bool {
    let s = &p.sentences[i];
    let text = &p.cluster.documents[s.doc].text;
    let (Some(before), Some(after)) = (text.get(..s.span.start), text.get(s.span.end..)) else {
        return false;
    };
    if !ends_a_line(before) {
        return false;
    }
    // The sentence's line, from its start: the credit closes it, inside
    // the sentence's span or right after it.
    let line_end =
        s.span.end + memchr::memchr2(b'\n', b'\r', after.as_bytes()).unwrap_or(after.len());
    let line = &text[s.span.start..line_end];
    if !line.trim_end().ends_with([')', ']']) {
        return false;
    }
    let Some(open) = line.rfind(['(', '[']) else {
        return false;
    };
    let credit_start = s.span.start + open;
    open > 0
        && text
            .get(s.span.end.min(credit_start)..credit_start)
            .is_some_and(|gap| gap.trim().is_empty())
        && crate::text::clean::is_credit_line_end(&line[open..])
}

/// Whether a lowercase word is a verb of a person in a picture that prose
/// tells in the past ([`tells_a_picture_in_the_present`]); narrower than
/// [`CAPTION_VERBS`], whose "stands", "holds" or "works" prose also writes
/// in the present ("The plant stands on fragile land"). Every sentence
/// quotable so far asks of its first words: a match on the bytes.
fn is_pictured_verb(word: &[u8]) -> bool {
    matches!(
        word,
        b"speaks"
            | b"poses"
            | b"arrives"
            | b"listens"
            | b"waves"
            | b"gestures"
            | b"smiles"
            | b"walks"
            | b"attends"
            | b"addresses"
            | b"delivers"
            | b"greets"
            | b"departs"
            | b"reacts"
            | b"celebrates"
            | b"testifies"
            | b"performs"
            | b"prays"
            | b"kneels"
            | b"embraces"
            | b"hugs"
            | b"shakes"
            | b"applauds"
    )
}

/// Whether a lowercase word may not stand before a pictured verb: it makes
/// it a clause's verb, not the caption's ("…, which stands for", "She also
/// speaks at…").
fn is_not_a_pictured_subject(word: &[u8]) -> bool {
    matches!(
        word,
        b"who"
            | b"whom"
            | b"which"
            | b"that"
            | b"and"
            | b"also"
            | b"when"
            | b"as"
            | b"if"
            | b"because"
            | b"while"
            | b"it"
            | b"he"
            | b"she"
            | b"they"
            | b"we"
            | b"i"
            | b"you"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"has"
            | b"have"
            | b"had"
            | b"will"
            | b"would"
            | b"to"
            | b"not"
            | b"but"
            | b"or"
            | b"this"
            | b"these"
            | b"those"
            | b"there"
            | b"here"
            | b"its"
            | b"his"
            | b"her"
            | b"their"
            | b"my"
            | b"our"
            | b"your"
    )
}

/// Words that follow a pictured verb in a caption ("speaks at", "poses
/// with", "addresses the media").
const AFTER_A_PICTURED_VERB: &[&str] = &[
    "at",
    "during",
    "with",
    "to",
    "for",
    "in",
    "on",
    "as",
    "outside",
    "inside",
    "before",
    "after",
    "while",
    "near",
    "from",
    "into",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "reporters",
    "supporters",
];

/// Whether the sentence is a picture's caption that names the picture
/// ("A screenshot of a usgs map showing the reach of a 4.4 magnitude
/// earthquake…", "This photo shows the remains of a hand…", "A still from
/// the trailer depicts ant-man stopping a car.", "A photo from the 1998
/// excavation, with the foot bones below a tail."): it opens on a picture
/// ("a", "an" or "this", at most two words, then the picture's noun), and
/// what it says of the picture is that it shows something, or it says
/// nothing (no verb). A sentence with a verb of its own before any such
/// showing is prose about the picture ("A photograph of harriet tubman…
/// will go up for auction"), and so is one about "the" picture, which the
/// story is about ("The image purportedly shows earhart alive…").
fn describes_a_picture(text: &str) -> bool {
    const DETERMINERS: &[&str] = &["a", "an", "this"];
    const PICTURES: &[&str] = &[
        "screenshot",
        "screengrab",
        "photo",
        "photograph",
        "picture",
        "image",
        "grab",
        "view",
        "map",
        "illustration",
        "graphic",
        "rendering",
    ];
    const SHOWING: &[&str] = &[
        "shows",
        "show",
        "showing",
        "shown",
        "depicts",
        "depict",
        "depicting",
    ];
    const PRESENT_VERBS: &[&str] = &["is", "are", "am", "be", "does", "do", "can", "must"];
    // Every sentence is asked: its first four words reject nearly all
    // before any word is lowercased.
    let mut opening = text.split_whitespace();
    let determiner = opening
        .next()
        .is_some_and(|w| DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d)));
    if !determiner
        || !opening.take(3).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.eq_ignore_ascii_case("still") || PICTURES.iter().any(|p| w.eq_ignore_ascii_case(p))
        })
    {
        return false;
    }
    let words: Vec<String> = text
        .split_whitespace()
        .take(MAX_PICTURE_CAPTION_WORDS + 1)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_ascii_lowercase()
        })
        .collect();
    let is_verb = |w: &str| PRESENT_VERBS.contains(&w) || is_told(w);
    if words.len() > MAX_PICTURE_CAPTION_WORDS || text.trim_end().ends_with('?') {
        return false;
    }
    // The picture's noun within the next three words, with no verb before
    // it ("An aerial view", "This undated handout photo", "A still from").
    let noun = words.iter().enumerate().skip(1).take(3).find_map(|(k, w)| {
        let still = w == "still" && words.get(k + 1).is_some_and(|n| n == "from");
        (PICTURES.contains(&w.as_str()) || still).then_some(k)
    });
    let Some(noun) = noun else {
        return false;
    };
    if words[1..noun].iter().any(|w| is_verb(w)) {
        return false;
    }
    for word in &words[noun + 1..] {
        if SHOWING.contains(&word.as_str()) {
            return true;
        }
        if is_verb(word) {
            return false;
        }
    }
    true
}

/// Most words of a sentence [`describes_a_picture`] reads as a caption.
const MAX_PICTURE_CAPTION_WORDS: usize = 40;

/// Longest word [`tells_a_picture_in_the_present`] compares: longer ones
/// are neither a pictured verb nor a clause's word.
const PICTURED_WORD_BYTES: usize = 12;

/// Whether the sentence tells a picture in the present, wherever it
/// stands ("Former arkansas governor mike huckabee speaks in ames, iowa,
/// last august.", "Prime minister julia gillard arrives for the leadership
/// ballot."): a subject of at most eight words that holds no clause's
/// words, a verb of a pictured person, and a preposition or an object
/// after it, with no quotation or verb of saying. A lowercased article
/// runs its captions into the prose, without the line of their own
/// [`is_caption_paragraph`] asks for.
fn tells_a_picture_in_the_present(text: &str) -> bool {
    let key = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    let mut buffer = [0u8; PICTURED_WORD_BYTES];
    let mut words = text.split_whitespace();
    for (at, word) in words.by_ref().enumerate().take(9) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(lower) = buffer.get_mut(..word.len()) else {
            continue;
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if at > 0 && is_pictured_verb(lower) {
            let Some(next) = words.next().map(key) else {
                return false;
            };
            // "radio waves during calls": a noun.
            let verb_ok = lower != b"waves"
                || matches!(next.as_str(), "as" | "to" | "after" | "goodbye" | "from");
            return verb_ok
                && AFTER_A_PICTURED_VERB.contains(&next.as_str())
                && !crate::priors::carries_quote(text)
                && !text.split_whitespace().any(|w| is_saying(&key(w)));
        }
        if is_not_a_pictured_subject(lower) {
            return false;
        }
    }
    false
}

/// Whether sentence `i` is a paragraph of its own that tells a picture
/// without a date: a name of two or more capitalized words, then a verb of
/// the picture in the present tense ("President Donald Trump addresses the
/// nation following a mass shooting…", "Lewis Hamilton celebrates victory
/// at the Brazilian Grand Prix"), no quotation and no verb of saying. News
/// prose tells its events in the past, and a present-tense lede ("Nigerian
/// President Muhammadu Buhari says…") reports speech.
fn is_caption_paragraph(p: &PreparedCluster<'_>, i: usize) -> bool {
    const NOT_A_NAME: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "in", "on", "at",
    ];
    let s = &p.sentences[i];
    let text = &p.cluster.documents[s.doc].text;
    let (Some(before), Some(after)) = (text.get(..s.span.start), text.get(s.span.end..)) else {
        return false;
    };
    let opens_its_line = before.is_empty() || ends_a_line(before);
    let after = after.trim_start_matches([' ', '\t']);
    let ends_its_line = after.is_empty() || after.starts_with(['\n', '\r']);
    if !opens_its_line || !ends_its_line {
        return false;
    }
    let sentence = &text[s.span.range()];
    // The name: words that open with a capital or a digit (a player's
    // number), then the verb.
    let opening = |w: &str| {
        w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
    };
    let mut words = sentence.split_whitespace();
    let mut name = 0;
    let verb = loop {
        let Some(w) = words.next() else {
            return false;
        };
        if opening(w).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            name += 1;
        } else {
            break w;
        }
    };
    // A word lowercased without the punctuation around it.
    let key = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let verb = key(verb);
    let first = sentence
        .split_whitespace()
        .next()
        .map(key)
        .unwrap_or_default();
    name >= 2
        && verb.ends_with('s')
        && CAPTION_VERBS.contains(&verb.as_str())
        && !NOT_A_NAME.contains(&first.as_str())
        && !crate::priors::carries_quote(sentence)
        && !sentence
            .split_whitespace()
            .any(|w| matches!(key(w).as_str(), "said" | "says" | "told"))
}

/// Lines that hold an embedded tweet: its words, then its signature
/// ([`carries_tweet_signature`]). Every sentence of the tweet is the
/// tweet's, not only the one the signature ends ("Caught RED HANDED - very
/// disappointed… There will never be a friendly solution…! — Donald J.
/// Trump (@realDonaldTrump) December 28, 2017"). Only a page with line
/// breaks sets a tweet on a line of its own, and a line as long as an
/// article is no tweet.
fn tweet_lines(text: &str) -> Vec<Span> {
    const MAX_TWEET_LINE: usize = 600;
    // Without line breaks a short page's prose shares the tweet's line.
    let has_lines = text.trim_end().contains('\n');
    if !has_lines || memchr::memchr(b'@', text.as_bytes()).is_none() {
        return Vec::new();
    }
    line_spans(text)
        .filter(|(_, line)| line.len() <= MAX_TWEET_LINE && carries_tweet_signature(line))
        .map(|(span, _)| span)
        .collect()
}

/// Whether the sentence holds an embedded tweet's signature, the account
/// and the day ("… — Donald J. Trump (@realDonaldTrump) December 28,
/// 2017"): the tweet's words run into it, and in a page without line
/// breaks so does the prose after it ("…might i say! — christian kirksey
/// ( @chriskirksey20 ) september 2, 2014 this glitch of me…"). The
/// article reports the tweet in its own words, with who wrote it.
fn carries_tweet_signature(text: &str) -> bool {
    if !text.contains('@') {
        return false;
    }
    text.match_indices('@').any(|(at, _)| {
        let opens = text[..at].trim_end().ends_with('(');
        let rest = &text[at + 1..];
        let handle_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let Some(after) = rest[handle_len..].trim_start().strip_prefix(')') else {
            return false;
        };
        // The day: a month's name and the day of the month, either way
        // round ("December 28, 2017", "28 December 2017"), and the year.
        let mut words = after.split_whitespace();
        let (Some(first), Some(second), Some(year)) = (words.next(), words.next(), words.next())
        else {
            return false;
        };
        let is_month = |w: &str| {
            crate::text::calendar::is_month_name(&w.trim_end_matches('.').to_ascii_lowercase())
        };
        let is_day = |w: &str| {
            let d = w.trim_end_matches(',');
            (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit())
        };
        let year = year.trim_end_matches(['.', ',']);
        opens
            && handle_len > 0
            && ((is_month(first) && is_day(second)) || (is_day(first) && is_month(second)))
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Whether the sentence gives an e-mail address ("send images and
/// comments to: spacephotos@space.com"): a call to write in, not news.
fn gives_email_address(text: &str) -> bool {
    text.contains('@')
        && text.split_whitespace().any(|w| {
            let w = w.trim_end_matches(['.', ',', ';', ')']);
            w.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty()
                    && domain.contains('.')
                    && !domain.ends_with('.')
                    && domain
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
            })
        })
}

/// Whether the sentence opens with a byline that preparation could not
/// trim, its authors' names run into what follows ("By khaled fahmy
/// imagine if you were russian…", "By amber goodhand – radar news editor
/// nadya…"): "By" and two words that are no function word, time, number
/// or gerund ("By late saturday", "By nightfall,", "By using dna…" are
/// prose). Callers ask only of an article's first two sentences, where
/// bylines stand.
fn opens_with_byline(text: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "now",
        "then",
        "far",
        "way",
        "law",
        "contrast",
        "comparison",
        "choice",
        "default",
        "design",
        "tradition",
        "nature",
        "definition",
        "late",
        "early",
        "mid",
        "noon",
        "midnight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "nightfall",
        "daybreak",
        "dawn",
        "dusk",
        "sunset",
        "sunrise",
        "midday",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "time",
        "times",
        "sheer",
        "virtue",
        "means",
        "just",
        "dozens",
        "hundreds",
        "thousands",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "christmas",
    ];
    let mut words = text.split_whitespace();
    if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("by")) {
        return false;
    }
    let name_like = |w: &str| {
        let key = w.trim_end_matches([',', '.']).to_lowercase();
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
            && !key.ends_with("ing")
            && !NOT_NAMES.contains(&key.as_str())
            && !crate::text::calendar::is_month_name(&key)
            && !crate::text::calendar::WEEKDAYS.contains(&key.as_str())
            && !crate::text::StopWords::default().contains(&key)
    };
    let (Some(given), Some(family)) = (words.next(), words.next()) else {
        return false;
    };
    // "krista m. torralva": a middle initial stands between the names.
    name_like(given) && (name_like(family) || (family.len() == 2 && family.ends_with('.')))
}

/// Whether a page's header, its parts set off by a bar, runs into the
/// sentence ("May 18, 2015, 1: 05 am | the republican senator…",
/// "Updated | italian neurosurgeon…", "Andrew cotton breaks back at nazaré
/// | surfing andrew cotton suffered…"): a bar within the first 100 bytes.
/// Callers ask only of an article's first two sentences; later, a bar
/// is as often a publication's name ("nola.com | the times-picayune").
fn has_page_header(text: &str) -> bool {
    // Pages write the bar as a character reference too ("Updated &#124;").
    let head = &text[..crate::text::clean::floor_char_boundary(text, 110)];
    head.contains(" | ") || head.contains(" &#124; ")
}

/// Whether the sentence opens with a page's label and its colon ("Credit:
/// matthew kanan, stanford university stanford university scientists
/// have found…", "See also: …", "Report: man claims…"): a credit, a link or
/// a headline run into the prose after it, where the label's end is not
/// told from the article's start.
fn opens_with_page_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "credit:",
        "image credit:",
        "photo credit:",
        "photographer:",
        "image:",
        "video:",
        "images:",
        "see also:",
        "read:",
        "read also:",
        "read more:",
        "related:",
        "related video:",
        "source:",
        "swns:",
        "topics:",
        "key points:",
        "exclusive:",
        "exclusive photos:",
        "report:",
        "warning:",
        "correction:",
        "clarification:",
        // An editor's note on the page or the article ("Note: some images in
        // this report are graphic…", "Note: we will post videos as soon as
        // they are made available online."), a picture's order ("From
        // left: …"), a link's label run into its headline ("Blog: why a
        // chemical threat in syria is terrifying no historical record…").
        "note:",
        "editor's note:",
        "editor\u{2019}s note:",
        "from left:",
        "blog:",
        "news:",
        // An interview's question or answer, the other half elsewhere
        // ("A: yes, he might last that long.").
        "q:",
        "a:",
        // CNN's highlights, their bullets run together (a lone short one
        // loses the label in prepare).
        "story highlights",
        // A picture's label, credit or caption marker run into its caption
        // or into a headline ("Enlarge image close associated press a
        // libyan man…", "File - this 1966 photo shows…", "Ap photo mitt
        // romney says he's considering a 2016 run mitt romney told…").
        "enlarge image",
        "file - ",
        "file \u{2013} ",
        "file \u{2014} ",
        "ap photo ",
        "ap images ",
        "usa today sports ",
        "usa today network ",
        "ap video ",
        "video courtesy ",
        "video image ",
        "video report by ",
        "video by ",
        "getty ",
        "image ",
        "photo courtesy",
        "photo via ",
        "photo gallery",
        "photo illustration",
        "photo shows ",
        // Links to other pages and videos ("Related content kangaroos are
        // lefties…", "Watch the full interview on…").
        "related ",
        "watch the ",
        "read the rest of ",
        // A broadcast transcript's cue for the clip it plays.
        "( begin video",
        "( end video",
    ];
    let open = text.trim_start();
    let opens_with = |label: &str| {
        open.get(..label.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(label))
    };
    // "Related to the case, …" is prose.
    LABELS.iter().any(|label| opens_with(label)) && !opens_with("related to ")
}

/// Whether the sentence is a page's teaser cut mid-phrase: it ends in an
/// ellipsis right after a function word ("…which contained one of...",
/// "…in front of his..."), so the thought is unfinished. An ellipsis after
/// a content word is often a site's style ("…his wife filed papers...") and
/// is kept.
fn is_teaser_cut(text: &str) -> bool {
    let Some(body) = before_ellipsis(text) else {
        return false;
    };
    // Cut inside a list or a clause ("…where the two officers were
    // killed,..."), or before the main clause a subordinate one or a
    // participle's asks for ("After seattle's new minimum wage law took
    // effect...", "Leaving her 14 kids without a mother for 30 straight
    // days...").
    if body.trim_end().ends_with([',', ';']) || only_leads_in(body) {
        return true;
    }
    let last = body
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("");
    if last.is_empty() || !body.ends_with(last) {
        return false;
    }
    // Words that want the noun the cut took: a possessive ("…the
    // country's..."), a number after an article ("…for the 2012..."), a
    // modifier ("…by a nearly...").
    const WANT_A_NOUN: &[&str] = &[
        "new", "former", "nearly", "almost", "since", "many", "several", "united",
    ];
    let lower = last.to_lowercase();
    let after_an_article = || {
        let before = body[..body.len() - last.len()]
            .trim_end()
            .rsplit(' ')
            .next()
            .unwrap_or("");
        ["the", "a", "an"]
            .iter()
            .any(|a| a.eq_ignore_ascii_case(before))
    };
    // A lead-in to what a source says next ("Sources connected with both
    // cory and lea tell tmz...", "…and added...", "…are investigating
    // whether..."): the words it promises are in the next sentence.
    let before_last = body[..body.len() - last.len()]
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("");
    let told_to_the_page = matches!(lower.as_str(), "tmz" | "us")
        && ["tell", "tells", "told"]
            .iter()
            .any(|v| v.eq_ignore_ascii_case(before_last));
    crate::text::StopWords::default().contains(&lower)
        || told_to_the_page
        || LEADS_IN.contains(&lower.as_str())
        || lower.ends_with("'s")
        || body.ends_with("\u{2019}s")
        || (last.bytes().all(|b| b.is_ascii_digit()) && after_an_article())
        || WANT_A_NOUN.contains(&lower.as_str())
}

/// Last words of a teaser that leads in to what follows it ("…tells
/// tmz...", "…and added...", "…investigating whether...").
const LEADS_IN: &[&str] = &[
    "added", "adds", "says", "said", "tells", "told", "reports", "learned", "explains", "writes",
    "wrote", "whether", "that",
];

/// Whether `clause` opens on a subordinating conjunction or a participle
/// and holds no comma: a clause that leads into a main clause it does not
/// reach.
fn only_leads_in(clause: &str) -> bool {
    const SUBORDINATORS: &[&str] = &[
        "after", "before", "when", "while", "although", "though", "because", "since", "if",
        "unless", "until", "once", "despite",
    ];
    let open = clause.trim_start_matches(|c: char| !c.is_alphanumeric());
    let first = open
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // Words in "-ing" that are no participle, or open a main clause.
    const NOT_PARTICIPLES: &[&str] = &["during", "morning", "evening", "breaking", "according"];
    let key = first.to_ascii_lowercase();
    let participle = key.len() > 5
        && key.ends_with("ing")
        && !key.ends_with("thing")
        && !NOT_PARTICIPLES.contains(&key.as_str());
    (participle || SUBORDINATORS.iter().any(|w| w.eq_ignore_ascii_case(first)))
        && !clause.contains(',')
}

/// Whether the sentence is a web archive's note about its crawl ("Crawl
/// of outlinks from wikipedia.org started March, 2016", "These crawls are
/// part of an effort to archive pages…").
fn is_archive_note(text: &str) -> bool {
    static NOTE: LazyLock<AhoCorasick> =
        LazyLock::new(|| case_blind(&["crawl of outlinks", "these crawls", "wayback machine"]));
    NOTE.is_match(text)
}

/// The marks of [`is_archive_residue`].
const ARCHIVE_MARKS: &[&str] = &[
    "crawl of outlinks",
    "these crawls",
    "wayback machine",
    "internet archive",
    "toggle caption",
    "enlarge this image",
    "(credit:",
    "( credit:",
    "(related:",
    "( related:",
    "(reporting by",
    "( reporting by",
    "; editing by",
    "must log in to continue",
    "article tools",
    "font size",
    "have a tip we should know",
    "sound off in the comments",
    "click on the link below",
    "for more, visit our",
    "article excerpt",
    ", left, and ",
    "get push notifications",
    "now read this:",
    "click to ",
    "click in the ",
    "in the video above",
    "[ see ",
    "[see ",
    "editor's note:",
    "editor\u{2019}s note:",
    "here's a map",
    "here\u{2019}s a map",
    "here is a map",
    // Update notes and picture credits run into a sentence ("( jabin
    // botsford/the washington post ) this post has been updated.",
    // "| getty trump names his team top aides will…").
    "this post has been updated",
    "this story has been updated",
    "this article has been updated",
    "this story was updated",
    "this post was updated",
    "this report was updated",
    "this article was updated",
    "| getty ",
    "&#124; getty ",
    "getty image ",
    "image: getty",
    "credit: getty",
    "photo courtesy of ",
    "photograph by ",
    // A Twitter page's notes about tweet locations.
    "tweet location history",
    "location information to your tweets",
    // A politics site's toolbar run into video labels.
    "text size - + reset",
    // A live page's header left alone ("The latest on hurricane
    // harvey ( all times local ): 2: 15 p.m.").
    "all times local",
    // Links to more of a site.
    "more related to this story",
    "more in this series",
    "more on this as it develops",
    "quote details and news",
    "your value your change",
    "back to gallery",
    // A page's widgets run into its prose: related links and their
    // markers ("\u{25ba}related: carjack victim sets aside anger…", ">> more:
    // spirit airlines pilot's overdose…", "Related coverage: …"), editors'
    // picks, a video player's labels ("share this video watch next").
    "\u{25ba}related",
    "\u{25ba} related",
    ">> related:",
    ">> more:",
    ">> earlier:",
    ">> new:",
    "related coverage:",
    "related stories:",
    "related video:",
    "editor's picks",
    "editor\u{2019}s picks",
    "share this video",
    "continue reading the main story",
    "article extras",
    // A video player's and a toolbar's labels ("…just watched amateur
    // video shows courthouse assault replay more videos...", "skip ad ad
    // loading... x embed x share", "news > save e-mail print most popular
    // rss reprints").
    "replay more videos",
    "play video just watched",
    "skip ad",
    "ad loading",
    "skip x embed x share",
    "tweet share",
    "save e-mail print",
    "rss reprints",
    // A news site's author-alert box ("Get email notifications on andrew
    // cain daily! your notification has been saved.").
    "get email notifications on",
    "your notification has been saved",
    "problem saving your notification",
];

/// Notes that web archives leave in crawled pages ("Crawl of outlinks from
/// wikipedia.org started March, 2016"), and page furniture beyond the
/// chrome marks `brief eval` counts: photo toggles and credits in
/// brackets, log-in walls, article tools, sign-offs asking for tips or
/// comments, wire credits ("( reporting by ...; editing by ... )"). About
/// the page, not the story; each mark is a phrase prose does not use
/// (", left, and" names the people of a photo caption).
fn is_archive_residue(text: &str) -> bool {
    static ARCHIVE: LazyLock<AhoCorasick> = LazyLock::new(|| case_blind(ARCHIVE_MARKS));
    ARCHIVE.is_match(text)
}

/// Whether the sentence has any mark of [`is_chrome`],
/// [`is_archive_residue`], [`names_its_picture`],
/// [`only_keeps_its_source_anonymous`] or [`is_site_notice`]: where it has
/// none, all five are false, so one scan answers them for most sentences.
fn has_page_mark(text: &str) -> bool {
    static ANY: LazyLock<AhoCorasick> =
        LazyLock::new(|| case_blind(&page_marks().collect::<Vec<_>>()));
    ANY.is_match(text)
}

/// Every mark [`has_page_mark`] looks for.
fn page_marks() -> impl Iterator<Item = &'static str> {
    crate::text::cues::CHROME_MARKS
        .iter()
        .chain(ARCHIVE_MARKS)
        .chain(PICTURE_MARKS)
        .chain(ANONYMITY_MARKS)
        .chain(SITE_NOTICE_MARKS)
        .chain(COMMENT_POLICY_MARKS)
        .chain([&IN_THIS_MARK])
        .copied()
}

/// Whether the sentence stops at a title's abbreviation ("...a deal with
/// Ms."): the segmenter split inside a name, so it is a fragment.
fn ends_in_abbreviation(text: &str) -> bool {
    const TITLES: &[&str] = &[
        "mr.", "mrs.", "ms.", "dr.", "gov.", "sen.", "rep.", "gen.", "lt.", "sgt.", "st.", "prof.",
        "spc.", "pfc.", "pvt.", "cpl.", "capt.", "col.", "maj.", "adm.", "cmdr.", "det.", "supt.",
        "insp.", "rev.", "fr.", "atty.",
    ];
    let last = text
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    TITLES.contains(&last.as_str())
}

/// `text` up to the ellipsis it ends in ("..." or "…"), or `None`.
fn before_ellipsis(text: &str) -> Option<&str> {
    let trimmed = text.trim_end();
    trimmed
        .strip_suffix("...")
        .or_else(|| trimmed.strip_suffix('\u{2026}'))
}

/// Whether sentence `i` is a teaser on a page of agency stories: it ends
/// in an ellipsis and the next story's credit follows it ("Chaffetz, a
/// five-term republican, says he doesn't feel compelled to talk... (
/// associated press ) file - in this may 20, 2017…"). The page cut the
/// story's opening wherever its length ran out, after a content word as
/// often as not ("…nato members stand ready to step..."), so the thought
/// is unfinished.
fn is_agency_teaser(p: &PreparedCluster<'_>, i: usize) -> bool {
    const CREDITS: &[&str] = &[
        "( associated press )",
        "(associated press)",
        "associated press )",
    ];
    if before_ellipsis(p.text(i)).is_none() {
        return false;
    }
    let s = &p.sentences[i];
    let after = p.cluster.documents[s.doc]
        .text
        .get(s.span.end..)
        .unwrap_or("")
        .trim_start();
    CREDITS.iter().any(|credit| {
        after
            .get(..credit.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(credit))
    })
}

/// Whether sentence `i` ends its article without closing punctuation: the
/// article was cut there (truncated feeds and data sets stop mid-sentence,
/// "...and is a member of the ruling"), so the sentence is unfinished.
fn is_cut_off(p: &PreparedCluster<'_>, i: usize) -> bool {
    let s = &p.sentences[i];
    let last = p.doc_sentences.get(s.doc).is_some_and(|r| r.end == i + 1);
    last && ends_unfinished(p.text(i))
}

/// Whether a sentence at an article's end stops without closing
/// punctuation, or on a quotation mark that opens (`…is oxfam's '`: a
/// space before it and a word before that).
fn ends_unfinished(text: &str) -> bool {
    let text = text.trim_end();
    let mut back = text.chars().rev();
    let closed = text.ends_with([
        '.', '!', '?', '"', '\'', ')', '\u{201d}', '\u{2019}', ':', ';',
    ]);
    let opens_a_quotation = matches!(back.next(), Some('"' | '\'' | '\u{201c}' | '\u{2018}'))
        && back.next().is_some_and(char::is_whitespace)
        && back.next().is_some_and(char::is_alphanumeric);
    !closed || opens_a_quotation
}

/// Sentences that may be quoted only right after the sentence before them
/// in their article ([`crate::cohesion::Standing::Dependent`]: "He said...",
/// "This follows..."), which is never the article's first. A summarizer
/// that takes one takes its predecessor first, and story order then reads
/// the two together.
pub fn followers(p: &PreparedCluster<'_>, config: &SelectionConfig) -> Vec<usize> {
    eligible_and_followers(p, config).1
}

/// Greedy selection in descending score order: take each eligible sentence
/// that fits the budget and duplicates nothing taken; skip the rest. Ties in
/// score go to the earlier sentence, so the result is deterministic.
pub fn greedy(
    p: &PreparedCluster<'_>,
    scores: &[f64],
    budget: Budget,
    config: &SelectionConfig,
) -> Vec<(usize, f64)> {
    let mut order = eligible(p, config);
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    take_in_order(p, &order, scores, budget, config)
}

/// Takes sentences in the given order while they fit and are not redundant.
pub fn take_in_order(
    p: &PreparedCluster<'_>,
    order: &[usize],
    scores: &[f64],
    budget: Budget,
    config: &SelectionConfig,
) -> Vec<(usize, f64)> {
    let filter = RedundancyFilter::new(p, config.max_overlap);
    let mut meter = BudgetMeter::new(budget);
    let mut picked: Vec<usize> = Vec::new();
    for &i in order {
        if meter.remaining() == 0 {
            break;
        }
        if !meter.fits(p, i) || filter.redundant(i, &picked) {
            continue;
        }
        meter.take(p, i);
        picked.push(i);
    }
    picked.into_iter().map(|i| (i, scores[i])).collect()
}

/// Puts selected sentences in reading order.
pub trait SentenceOrder: Send + Sync {
    /// Reorders `picked` (sentence index, score) in place.
    fn order(&self, p: &PreparedCluster<'_>, picked: &mut [(usize, f64)]);
}

/// Source order: by position in the source article (lead sentences first),
/// then by document.
#[derive(Debug, Clone, Copy, Default)]
pub struct SourceOrder;

impl SentenceOrder for SourceOrder {
    fn order(&self, p: &PreparedCluster<'_>, picked: &mut [(usize, f64)]) {
        picked.sort_by_key(|&(i, _)| {
            let s = &p.sentences[i];
            (s.position, s.doc)
        });
    }
}

/// Story order: the lede first, then each article's sentences together and
/// in their own order, so the summary reads as a few coherent passages
/// rather than a shuffle of sources.
///
/// The lede is the given sentence, or else the earliest picked sentence
/// (best score among equals). Its article's passage comes first; the other
/// passages follow in publication order when every article is dated, else
/// by how early in its article each passage starts (earlier facts first),
/// then by article.
#[derive(Debug, Clone, Copy, Default)]
pub struct StoryOrder {
    /// The sentence that opens the summary, if chosen by the summarizer.
    pub lede: Option<usize>,
}

impl SentenceOrder for StoryOrder {
    fn order(&self, p: &PreparedCluster<'_>, picked: &mut [(usize, f64)]) {
        if picked.is_empty() {
            return;
        }
        let lede = self
            .lede
            .filter(|l| picked.iter().any(|&(i, _)| i == *l))
            .unwrap_or_else(|| {
                // The earliest picked sentence that ends as a sentence does:
                // a caption or a label opening an article states no news.
                picked
                    .iter()
                    .min_by(|a, b| {
                        let (sa, sb) = (&p.sentences[a.0], &p.sentences[b.0]);
                        let label = |i: usize| !ends_like_a_sentence(p.text(i));
                        label(a.0)
                            .cmp(&label(b.0))
                            .then(sa.position.cmp(&sb.position))
                            .then(b.1.total_cmp(&a.1))
                            .then(sa.doc.cmp(&sb.doc))
                    })
                    .map_or(picked[0].0, |&(i, _)| i)
            });
        let lede_doc = p.sentences[lede].doc;
        let dates: Vec<Option<i64>> = p
            .cluster
            .documents
            .iter()
            .map(|d| {
                d.date
                    .as_deref()
                    .and_then(|date| parse_iso_date(date.get(..10).unwrap_or(date)))
                    .map(|date| date.days())
            })
            .collect();
        let dated = picked
            .iter()
            .all(|&(i, _)| dates[p.sentences[i].doc].is_some());
        let mut start_of = vec![usize::MAX; p.num_docs()];
        for &(i, _) in picked.iter() {
            let s = &p.sentences[i];
            start_of[s.doc] = start_of[s.doc].min(s.position);
        }
        // The sentences that lean on the lede ("He said…", "It was the
        // first…") stay right after it, each after the one it leans on; the
        // rest of its article keeps its own order after them.
        let lede_position = p.sentences[lede].position;
        let mut run_end = lede_position;
        while picked.iter().any(|&(i, _)| {
            let s = &p.sentences[i];
            s.doc == lede_doc
                && s.position == run_end + 1
                && crate::cohesion::standing(p.text(i), s.span.start)
                    == crate::cohesion::Standing::Dependent
        }) {
            run_end += 1;
        }
        picked.sort_by_key(|&(i, _)| {
            let s = &p.sentences[i];
            let block = if s.doc == lede_doc {
                (0, 0, 0, s.doc)
            } else {
                let date = if dated { dates[s.doc].unwrap_or(0) } else { 0 };
                (1, date, start_of[s.doc], s.doc)
            };
            let with_lede = s.doc == lede_doc && (lede_position..=run_end).contains(&s.position);
            (block, !with_lede, s.position)
        });
    }
}

/// The summary item of sentence `i`: its provenance, and its text as it
/// stands outside its article (an opening connective dropped).
pub fn item(p: &PreparedCluster<'_>, i: usize, score: f64) -> SummaryItem {
    let s = &p.sentences[i];
    let source = &p.cluster.documents[s.doc].text;
    let standing = standing(p.text(i), s.span.start);
    let mut edits = standing.edits().to_vec();
    // A sentence that leans on the one before it is quoted right after it,
    // unrepaired, but still opens with a capital ("they were thrilled…"
    // after a page's note was cut).
    if !standing.stands() && !s.cuts.edits.iter().any(|e| e.span.start == s.span.start) {
        edits.extend(lowercase_opening(p.text(i), s.span.start));
    }
    if !s.cuts.is_empty() {
        // Disjoint from the repair by construction (`prepare::Sentence::cuts`).
        edits.extend(s.cuts.edits.iter().cloned());
    }
    // Asides that point at the page ("(see below)") and galleries' links,
    // then character references, each outside every edit before it; and
    // the capital of a quotation that opens in lower case.
    let before = edits.len();
    for extra in [
        page_pointer_asides(p.text(i), s.span.start),
        lowercase_quotation_opening(p.text(i), s.span.start)
            .into_iter()
            .collect(),
        gallery_links(p.text(i), s.span.start),
        note_marks(p.text(i), s.span.start),
        character_references(p.text(i), s.span.start),
        invisible_characters(p.text(i), s.span.start),
    ] {
        Edit::add_apart(&mut edits, extra);
    }
    if edits.len() > before || !s.cuts.is_empty() {
        edits.sort_by_key(|e| e.span.start);
    }
    SummaryItem {
        doc: s.doc,
        doc_id: p.cluster.documents[s.doc].id.clone(),
        sentence: s.position,
        span: s.span,
        text: SummaryItem::edited_text(source, s.span, &edits),
        score,
        truncated: false,
        edits,
        explain: None,
        speaker: None,
    }
}

/// Assembles a [`Summary`] from picked sentences, in story order
/// ([`StoryOrder`], the earliest sentence as the lede).
pub fn build_summary(
    p: &PreparedCluster<'_>,
    algorithm: &str,
    budget: Budget,
    picked: Vec<(usize, f64)>,
) -> Summary {
    build_summary_with(p, algorithm, budget, picked, &StoryOrder::default())
}

/// Assembles a [`Summary`] from picked sentences in the given order.
pub fn build_summary_with(
    p: &PreparedCluster<'_>,
    algorithm: &str,
    budget: Budget,
    mut picked: Vec<(usize, f64)>,
    order: &dyn SentenceOrder,
) -> Summary {
    order.order(p, &mut picked);
    let items = picked
        .into_iter()
        .map(|(i, score)| item(p, i, score))
        .collect();
    Summary {
        cluster_id: p.cluster.id.clone(),
        algorithm: algorithm.to_owned(),
        budget,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_order_opens_with_the_earliest_sentence_that_ends_as_one() {
        use crate::model::{Cluster, Document};
        let text = "How the Daily Show began\n\n\
                    Footage of the Daily Show's election coverage (with Jon Stewart)\n\n\
                    Jon Stewart took over the show in January 1999. \
                    The writers stayed on.";
        let cluster = Cluster::new("c", vec![Document::new("a", text)]);
        let p = crate::prepare::Pipeline::default()
            .prepare(&cluster)
            .expect("prepared");
        let label = (0..p.sentences.len())
            .find(|&i| p.text(i).starts_with("Footage"))
            .expect("the label is a sentence");
        let news = (0..p.sentences.len())
            .find(|&i| p.text(i).starts_with("Jon Stewart"))
            .expect("the news");
        let mut picked = vec![(label, 1.0), (news, 1.0)];
        StoryOrder::default().order(&p, &mut picked);
        assert_eq!(picked[0].0, news);
    }

    #[test]
    fn story_order_keeps_what_follows_the_lede_right_after_it() {
        use crate::model::{Cluster, Document};
        let text = "Storms hit the coast on Monday. Power failed in the city. \
                    Officials ordered an evacuation of the port. It was the first in decades. \
                    Schools stayed closed all week.";
        let cluster = Cluster::new("c", vec![Document::new("a", text)]);
        let p = crate::prepare::Pipeline::default()
            .prepare(&cluster)
            .expect("prepared");
        assert_eq!(p.sentences.len(), 5);
        let mut picked = vec![(1, 1.0), (2, 1.0), (3, 1.0), (4, 1.0)];
        StoryOrder { lede: Some(2) }.order(&p, &mut picked);
        let order: Vec<usize> = picked.iter().map(|&(i, _)| i).collect();
        // "It was the first…" stays after the evacuation it speaks of; the
        // rest of the article keeps its order.
        assert_eq!(order, [2, 3, 1, 4]);
        let mut picked = vec![(0, 1.0), (2, 1.0), (4, 1.0)];
        StoryOrder { lede: Some(2) }.order(&p, &mut picked);
        let order: Vec<usize> = picked.iter().map(|&(i, _)| i).collect();
        assert_eq!(order, [2, 0, 4]);
    }

    /// The summary item of body sentence `i` of a one-article cluster.
    fn quoted_item(text: &str, i: usize) -> SummaryItem {
        let cluster = crate::model::Cluster::new("c", vec![crate::model::Document::new("a", text)]);
        let p = crate::prepare::Pipeline::default()
            .prepare(&cluster)
            .expect("prepared");
        item(&p, i, 1.0)
    }

    #[test]
    fn a_sentence_leaning_on_the_one_before_still_opens_with_a_capital() {
        use crate::model::EditReason;
        let text = "The family waited at the airport. ( published saturday, sept. 26, 2015 ) they were thrilled to see the pope.";
        let quoted = quoted_item(text, 1);
        assert_eq!(quoted.text, "They were thrilled to see the pope.");
        assert_eq!(quoted.edits.len(), 1);
        assert_eq!(quoted.edits[0].reason, EditReason::Capital);
        assert_eq!(&text[quoted.edits[0].span.range()], "t");
    }

    #[test]
    fn character_references_are_quoted_as_characters_with_their_source_bytes() {
        use crate::model::EditReason;
        let text = "Headline\n\nBut the rag &amp; bone store &#124; opened on Tuesday in the city.";
        let quoted = quoted_item(text, 0);
        assert_eq!(
            quoted.text,
            "The rag & bone store | opened on Tuesday in the city."
        );
        let references: Vec<&str> = quoted
            .edits
            .iter()
            .filter(|e| e.reason == EditReason::Entity)
            .map(|e| &text[e.span.range()])
            .collect();
        assert_eq!(references, ["&amp;", "&#124;"]);
        assert!(quoted
            .edits
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start));
    }

    #[test]
    fn note_marks_are_cut_from_quoted_sentences_with_their_source_bytes() {
        use crate::model::EditReason;
        let text = "Headline\n\n[ 10 ] [ 11 ] a nine-time gold medalist, bolt won the sprint relay [ 12 ] in 2016.";
        let quoted = quoted_item(text, 0);
        assert_eq!(
            quoted.text,
            "A nine-time gold medalist, bolt won the sprint relay in 2016."
        );
        let cut: Vec<&str> = quoted
            .edits
            .iter()
            .filter(|e| e.reason == EditReason::Parenthetical)
            .map(|e| &text[e.span.range()])
            .collect();
        assert_eq!(cut, ["[ 10 ] ", "[ 11 ] ", " [ 12 ]"]);
        assert!(quoted
            .edits
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start));
    }

    #[test]
    fn asides_of_the_page_are_cut_from_quoted_sentences_with_their_source_bytes() {
        use crate::model::EditReason;
        let text = "Headline\n\nThe singer slipped on the stage ( see video above ) but finished the show.";
        let quoted = quoted_item(text, 0);
        assert_eq!(
            quoted.text,
            "The singer slipped on the stage but finished the show."
        );
        assert_eq!(quoted.edits.len(), 1);
        assert_eq!(quoted.edits[0].reason, EditReason::Parenthetical);
        assert_eq!(&text[quoted.edits[0].span.range()], " ( see video above )");
        let kept: String = quoted
            .quoted_spans()
            .iter()
            .map(|span| &text[span.range()])
            .collect();
        assert_eq!(kept, quoted.text);
    }

    #[test]
    fn sentences_opening_on_their_verb_are_not_quoted() {
        for fragment in [
            "Will stop censoring its search results in China after discovering the attacks.",
            "Has recruited prolific television producer Shonda Rhimes, the creator of hits.",
            "Are discussing a merger with a deal possible this week, said a person familiar with the matter.",
            "is now telling friends the brakes on her rented porsche didn't work.",
        ] {
            assert!(lacks_its_subject(fragment), "{fragment}");
        }
        for sentence in [
            "Had that call not been made, Guan may have been well clear of the cut line.",
            "Should a deal be completed, FTVS would become the distributor of the film.",
            "Will Ferrell started the comedy web site.",
            "Is it safe to travel there?",
            "Google will stop censoring its search results in China.",
            "will smith and his wife were having a blast at a city festival.",
        ] {
            assert!(!lacks_its_subject(sentence), "{sentence}");
        }
    }

    #[test]
    fn nothing_of_a_web_archive_s_crawl_note_is_quoted() {
        use crate::model::{Cluster, Document};
        let note = "Crawl of outlinks from wikipedia.org started march, 2016. \
                    For the first time, the crawl covered all the different wikis. \
                    This one, the seed list was built from all 865 collections.";
        let article = "The council approved the new budget for the city on Tuesday. \
                       The mayor said the vote ended months of debate over the plan.";
        let cluster = Cluster::new(
            "c",
            vec![Document::new("a", note), Document::new("b", article)],
        );
        let p = crate::prepare::Pipeline::default()
            .prepare(&cluster)
            .unwrap();
        let (eligible, followers) = eligible_and_followers(&p, &SelectionConfig::default());
        assert!(!eligible.is_empty());
        for i in eligible.iter().chain(&followers) {
            assert_eq!(p.sentences[*i].doc, 1, "{}", p.text(*i));
        }
    }

    #[test]
    fn wire_datelines_are_a_place_an_agency_and_a_dash() {
        fn opens(text: &str) -> &str {
            &text[..wire_dateline_len(text)]
        }
        assert_eq!(
            opens("WASHINGTON (AP) -- Republicans pushed"),
            "WASHINGTON (AP) -- "
        );
        assert_eq!(
            opens("FORT LEWIS, Wash. (AP) - A retired"),
            "FORT LEWIS, Wash. (AP) - "
        );
        assert_eq!(
            opens("GENEVA (AP) _ A Swiss-English team"),
            "GENEVA (AP) _ "
        );
        assert_eq!(
            opens("MOSCOW (Reuters) \u{2014} Lavrov said"),
            "MOSCOW (Reuters) \u{2014} "
        );
        for none in [
            "JON STEWART: I really liked his sensibility.",
            "Sen. Jane Doe (D) - who chairs the panel - said",
            "The senator (who chairs it) said no.",
            "WASHINGTON (AP) --Republicans",
        ] {
            assert_eq!(wire_dateline_len(none), 0, "{none}");
        }
    }

    #[test]
    fn a_digest_s_stories_other_than_the_cluster_s_are_not_quoted() {
        use crate::model::{Cluster, Document};
        let digest = "AP Top News at Midnight EST\n\n\
            House Committee Approves Budget\n\n\
            WASHINGTON (AP) -- Republicans pushed a budget through a House committee on Wednesday. \
            The vote was along party lines.\n\n\
            Balloon Team Nears Jamaica\n\n\
            GENEVA (AP) -- A Swiss-English balloon team was about 300 miles from Jamaica late Wednesday. \
            The balloon pilots hope to reach the African coast by Saturday.\n\n\
            Stocks Slip\n\n\
            NEW YORK (AP) -- The Dow ended down 51 points on Wednesday as bank shares fell. \
            Traders sold technology stocks too.\n";
        let article =
            "A Swiss-English balloon team crossed the Pacific on Wednesday in its attempt \
            to fly nonstop around the world. The balloon pilots said the jet stream carried them \
            toward Jamaica.";
        let cluster = Cluster::new(
            "c",
            vec![Document::new("a", digest), Document::new("b", article)],
        );
        let p = crate::prepare::Pipeline::default()
            .prepare(&cluster)
            .unwrap();
        let (eligible, followers) = eligible_and_followers(&p, &SelectionConfig::default());
        let quoted: Vec<&str> = eligible
            .iter()
            .chain(&followers)
            .map(|&i| p.text(i))
            .collect();
        assert!(
            quoted.iter().any(|t| t.contains("300 miles from Jamaica")),
            "{quoted:?}"
        );
        assert!(
            quoted.iter().any(|t| t.contains("balloon team crossed")),
            "{quoted:?}"
        );
        assert!(
            quoted
                .iter()
                .all(|t| !t.contains("Republicans") && !t.contains("Dow")),
            "{quoted:?}"
        );
        // A digest alone, or a document with fewer datelines, keeps every story.
        let alone = Cluster::new("c", vec![Document::new("a", digest)]);
        let p = crate::prepare::Pipeline::default().prepare(&alone).unwrap();
        let (eligible, _) = eligible_and_followers(&p, &SelectionConfig::default());
        assert!(eligible.iter().any(|&i| p.text(i).contains("Republicans")));
        let two_stories = digest.split("Stocks Slip").next().unwrap_or(digest);
        let cluster = Cluster::new(
            "c",
            vec![Document::new("a", two_stories), Document::new("b", article)],
        );
        let p = crate::prepare::Pipeline::default()
            .prepare(&cluster)
            .unwrap();
        let (eligible, _) = eligible_and_followers(&p, &SelectionConfig::default());
        assert!(eligible.iter().any(|&i| p.text(i).contains("Republicans")));
    }

    /// The sentences of a one-article cluster of `article` that selection
    /// may quote, alone or after the sentence before them.
    fn quotable_texts(article: &str) -> Vec<String> {
        use crate::model::{Cluster, Document};
        let cluster = Cluster::new("c", vec![Document::new("a", article)]);
        let p = crate::prepare::Pipeline::default()
            .prepare(&cluster)
            .unwrap();
        let (eligible, followers) = eligible_and_followers(&p, &SelectionConfig::default());
        eligible
            .iter()
            .chain(&followers)
            .map(|&i| p.text(i).to_owned())
            .collect()
    }

    #[test]
    fn a_teaser_cut_before_an_agency_credit_is_not_quoted() {
        let texts = quotable_texts(
            "Secretary of state john kerry says nato members stand ready to step... \
             ( associated press ) washington ( ap ) — the senate voted on tuesday to \
             approve the measure. Sources familiar with the talks say the deal is done... \
             The two sides will meet again in geneva next month to sign it.",
        );
        assert!(
            texts.iter().all(|t| !t.contains("stand ready to step")),
            "the teaser is quoted: {texts:?}"
        );
        // An ellipsis before the article's own next sentence is its style.
        assert!(
            texts.iter().any(|t| t.contains("the deal is done")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_line_with_a_photo_credit_after_it_is_a_caption() {
        let texts = quotable_texts(
            "Mohawk the lion was killed by rangers after he strayed from the park.\n\n\
            Mohawk the Lion, one of Kenya's most famous big cats, was shot on Wednesday. (Reuters)\n\n\
            Ranger Paul Udoto inspects the fence of the park (Ben Curtis/AP/PA)\n\n\
            Rangers said the lion had injured a man. The park said the fence would be mended. \
            [h/t Vulture]",
        );
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("famous big cats") && !t.contains("inspects the fence")),
            "the caption is quoted: {texts:?}"
        );
        // A credit after the last of a paragraph's sentences credits the
        // article: that sentence stays.
        assert!(
            texts.iter().any(|t| t.contains("fence would be mended")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_paragraph_telling_a_picture_in_the_present_is_a_caption() {
        let texts = quotable_texts(
            "Trump's address on the shooting\n\n\
            President Donald Trump addresses the nation following a mass shooting at a Las Vegas resort.\n\n\
            Nevada Governor Brian Sandoval says the state will help every family of the victims.\n\n\
            The gunman fired on the crowd from the 32nd floor of the hotel for several minutes.",
        );
        assert!(
            texts.iter().all(|t| !t.contains("addresses the nation")),
            "the caption is quoted: {texts:?}"
        );
        // Present-tense speech and past-tense prose stand.
        assert!(
            texts.iter().any(|t| t.contains("Sandoval says")),
            "{texts:?}"
        );
        assert!(texts.iter().any(|t| t.contains("32nd floor")), "{texts:?}");
    }

    #[test]
    fn a_picture_told_in_the_present_inside_the_prose_is_a_caption() {
        for caption in [
            "Former arkansas governor mike huckabee speaks in ames, iowa, last august.",
            "Prime minister julia gillard arrives for the leadership ballot.",
            "Sean rad, co-founder of tinder, speaks at the web summit in dublin, ireland, this month.",
            "Pope benedict xvi waves as he arrives for his weekly general audience at the vatican.",
            "Johnny manziel poses with his jersey after being selected by the cleveland browns.",
        ] {
            assert!(tells_a_picture_in_the_present(caption), "{caption}");
        }
        for prose in [
            "Cellphones emit ultra-high-frequency radio waves during calls and data transfers.",
            "She also visits schools and speaks at educator conferences worldwide.",
            "Nevada governor brian sandoval says the state will help every family.",
            "The senator speaks at noon, his spokesman said.",
            "Dr. Kazdin promotes a program called the abcs, which stands for antecedents.",
            "President obama spoke to reporters during a visit to the prison.",
            "\"we will rebuild, \" the mayor tells the crowd as she speaks to reporters.",
        ] {
            assert!(!tells_a_picture_in_the_present(prose), "{prose}");
        }
    }

    #[test]
    fn a_caption_that_names_its_picture_is_not_quoted() {
        for caption in [
            "A screenshot of a usgs map showing the reach of a 4.4 magnitude earthquake rattling tennessee and georgia.",
            "This photo shows the remains of a hand that was likely de-fleshed with quicklime.",
            "A still from the \"ant-man and the wasp\" trailer depicts ant-man scott lang stopping a car.",
            "A photo from the 1998 excavation, with the brachiosaur foot bones below a tail.",
            "An illustration shows high-energy electrons and positrons from earth traveling into space.",
            "This undated handout photo shows the suspect.",
            "A map of the pacific islands showing rapa nui.",
        ] {
            assert!(describes_a_picture(caption), "{caption}");
        }
        for prose in [
            "A photograph of harriet tubman, believed to be the earliest-known image of her, will go up for auction.",
            "The image purportedly shows earhart alive after her plane fell low on fuel.",
            "The image of jupiter is not a painting.",
            "A photo of the couple was posted on Instagram on Monday.",
            "The white bag still carries traces of moon dust.",
            "A statement from the airline said a passenger assaulted the flight attendant.",
            "This view is shared by most economists.",
            "Did this photo show the suspect?",
        ] {
            assert!(!describes_a_picture(prose), "{prose}");
        }
    }

    #[test]
    fn a_picture_gallery_left_in_the_text_is_not_quoted() {
        let gallery = "A river cruise ship hit a bridge near Duisburg on Tuesday evening.\n\
            Port of Duisburg turns 300 Trading place What started out as a small point is today a big port.\n\
            Port of Duisburg turns 300 Expansion drive Over the centuries the port grew bigger and bigger.\n\
            Port of Duisburg turns 300 The olden days Scenes from bygone days show the port.\n\
            Port officials said the bridge would reopen after checks by engineers on Wednesday.\n";
        let lines = gallery_lines(gallery);
        assert_eq!(lines.len(), 3);
        for line in &lines {
            assert!(gallery[line.range()].starts_with("Port of Duisburg turns 300"));
        }
        // Two lines that open alike are no gallery.
        let two: String = gallery.lines().take(3).map(|l| format!("{l}\n")).collect();
        assert!(gallery_lines(&two).is_empty());
    }

    #[test]
    fn a_sports_report_s_up_next_box_is_not_quoted() {
        let report = "Steelers quarterback Ben Roethlisberger threw two touchdown passes in a 34-6 win over the Texans on Monday.\n\
            Houston cornerback Kevin Johnson injured his knee in the third quarter and did not return.\n\
            UP NEXT\n\
            Steelers: Host the Browns on Sunday.\n\
            Texans: Visit Indianapolis on Sunday.\n\
            ___\n\
            Pittsburgh clinched a first-round playoff bye with the win, its coach said after the game.\n";
        let lines = schedule_lines(report);
        assert_eq!(lines.len(), 2);
        assert!(report[lines[0].range()].starts_with("Steelers: Host"));
        assert!(report[lines[1].range()].starts_with("Texans: Visit"));
        let texts = quotable_texts(report);
        assert!(texts.iter().all(|t| !t.contains("on Sunday")), "{texts:?}");
        assert!(texts.iter().any(|t| t.contains("playoff bye")), "{texts:?}");
        // Without the label, a line that opens on a name and a colon is
        // prose ("Mayor: We will rebuild." may be a quotation's line).
        let unlabelled = report.replace("UP NEXT\n", "");
        assert!(schedule_lines(&unlabelled).is_empty());
    }

    #[test]
    fn a_broadcasters_note_under_its_transcript_is_not_quoted() {
        let page = "A Hawaiian Airlines flight left Auckland on New Year's Day and landed in Honolulu on New Year's Eve.\n\
            The passengers celebrated the start of the year twice, the airline said on Monday.\n\
            Copyright 2018 NPR. All rights reserved.\n\
            NPR transcripts are created on a rush deadline by Verb8tm, Inc., an NPR contractor, and produced using a proprietary transcription process developed with NPR. \
            This text may not be in its final form and may be updated or revised in the future. \
            Accuracy and availability may vary. \
            The authoritative record of NPR's programming is the audio record.\n";
        let texts = quotable_texts(page);
        assert!(texts.iter().any(|t| t.contains("celebrated")), "{texts:?}");
        for note in ["rush deadline", "final form", "may vary", "audio record"] {
            assert!(texts.iter().all(|t| !t.contains(note)), "{note}: {texts:?}");
        }
    }

    #[test]
    fn a_cluster_of_page_furniture_offers_nothing_to_quote() {
        let texts = quotable_texts("Tweet with a location you can add location information to your tweets, such as your city or precise location, from the web and via third-party applications. You always have the option to delete your tweet location history. Learn more");
        assert!(texts.is_empty(), "{texts:?}");
    }

    #[test]
    fn link_titles_calls_to_write_in_and_page_notes_are_not_quoted() {
        assert!(is_aside(
            "[Super Blue Blood-Moon 2018: When, Where and How to See It]"
        ));
        assert!(!is_aside("[The mayor] said the vote ended the debate."));
        assert!(gives_email_address(
            "If you capture an amazing photo, send images and comments to: spacephotos@space.com."
        ));
        assert!(!gives_email_address(
            "Follow @CNN for more, the network said."
        ));
        assert!(!gives_email_address(
            "The council met at 10 a.m. on Tuesday."
        ));
        assert!(is_archive_residue(
            "Editor's note: If you capture an amazing photo, share it with us."
        ));
        assert!(is_archive_residue(
            "Here\u{2019}s a map of where you can see the eclipse."
        ));
        for line in [
            "( jabin botsford/the washington post ) this post has been updated.",
            "| getty trump names his white house communications team top transition aides will serve.",
            "&#124; getty spicer left out of vatican visit rome – the entourage included his wife.",
            "Photo courtesy of transcanada brian walsh tells ksfy news they were alerted.",
            "You always have the option to delete your tweet location history.",
            "\u{25ba}related: carjack victim sets aside anger in favor of forgiveness guerriero, who caught the mistake, called.",
            ">> more: spirit airlines pilot's overdose raises safety questions brian hanes said.",
            "\" editor's picks rivera: cam ' made a mistake ' with his conduct panthers coach ron rivera addressed it.",
            "Made out of graphene share this video watch next the classic little black dress has been given a twist.",
            "Related coverage: threat to quit: the washington post reports that rosenstein threatened to resign.",
            "Dennis marx was shot and killed by police just watched amateur video shows courthouse assault replay more videos...",
            "Melissa mccarthy will be in ' gilmore girls'reboot after all skip ad ad loading... X embed x share stars hollow will be getting a visit.",
            "Sarah palin seems to want to be next va chief skip in skip x embed x share she shared a video.",
            "Get email notifications on andrew cain daily!",
        ] {
            assert!(is_archive_residue(line), "{line}");
        }
        // Prose about related things.
        assert!(!is_archive_residue(
            "A glance at a couple of tmz's related stories on stahl indicates a troubled past."
        ));
        assert!(!is_archive_residue(
            "A man was found dead at the home of andrew getty, heir to the getty oil fortune."
        ));
        for line in [
            "Please, donate and receive stunning, LIMITED EDITION panels, made for supporters like you!",
            "Check your local moonrise time here.",
            "Watch the video below.",
            "You can track the flight yourself on Flightradar24 here.",
            "Watch below and vote in the poll!",
            "Here are key moments from that speech.",
            "Here's a look at what the researchers uncovered.",
            "Here ' s how they've explained it to us.",
            "Here is a link to the video.",
            "Go here to contribute to the rob ford crackstarter.",
            "See here for the full list of winners.",
            "Find out more in the group's latest report.",
            "Check out eight surprising facts about the notorious mob boss.",
            "Read on for the full results.",
            "Watch a clip of the film starring tom hanks.",
            "View other minnesota election results on our results page.",
            "Share your stories, videos and photos with the world.",
            "Get started by logging in with amazon.",
            "Take a look at 10 rules for more effective advertising.",
            "Join us to get a year of this content!",
            "Learn more about our subscription plans.",
        ] {
            assert!(addresses_the_reader(line), "{line}");
        }
        for line in [
            "See the full report, which the council released on Tuesday.",
            "You can see why the jury was not convinced.",
            "Check fraud rose by 12% last year, the bank said.",
            "Pleasant weather is expected on Tuesday.",
            "Here's why: majorities think she is qualified to be president.",
            "Hereford cattle won the show.",
            "Go ahead and ask the mayor, the sheriff said.",
            "Look at the numbers: sales fell by half.",
            "Here, in the village, the flood came at night.",
            "Share prices fell by a third on Monday.",
            "Take the case of the town's mayor, who resigned.",
            "Get-out-the-vote drives began in March.",
            "Find the missing plane, the families demanded.",
        ] {
            assert!(!addresses_the_reader(line), "{line}");
        }
    }

    #[test]
    fn a_sites_own_notices_are_page_furniture() {
        for line in [
            "Page not found the page you are looking for may have been moved or is no longer available.",
            "Sorry, the page you requested could not be found.",
            "Constructive and respectful comments related to the topic of the story are welcome; abusive, crass or vulgar comments are not.",
            "Comments containing vulgar words will be filtered out.",
            "Ignoring the standards will result in your comment being removed.",
            "If warranted, we will take down entire comment boards.",
            "If you still wish to completely delete your account, click the delete account button below.",
            "If you'd like to report spam or abuse, click the x in the upper right hand corner of the offending post.",
            "Your username is what you login with and is in your profile url.",
            "Your account will be locked, and your information will be wiped from our servers within 30 days.",
            "Bad reviews fueled a shooting, deputies say share shares copy link copy hide transcript show transcript webvtt that home.",
        ] {
            assert!(has_page_mark(line) && is_site_notice(line), "{line}");
        }
        for line in [
            "NPR transcripts are created on a rush deadline by Verb8tm, Inc., an NPR contractor, and produced using a proprietary transcription process developed with NPR.",
            "This text may not be in its final form and may be updated or revised in the future.",
            "Accuracy and availability may vary.",
            "The authoritative record of NPR\u{2019}s programming is the audio record.",
            "This is a rush transcript.",
            "npr transcripts are created on a rush deadline by verb8tm, inc.",
        ] {
            assert!(is_transcript_note(line), "{line}");
        }
        assert!(!is_transcript_note(
            "The court released a transcript of the hearing on Tuesday."
        ));
        // A broadcast's turns and related links open on chevrons.
        assert!(opens_a_transcript_or_link(">> this was the first shot."));
        assert!(opens_a_transcript_or_link(
            " >>what you need to know about the suspect in the case."
        ));
        assert!(!opens_a_transcript_or_link(
            "The shares rose >> 5% on the news."
        ));
        assert!(opens_a_transcript_or_link(
            "Transcript for gut feeling helps woman saves husband's life now to a remarkable story."
        ));
        assert!(!opens_a_transcript_or_link(
            "Transcripts of the calls were released on Monday."
        ));
        // A table's row and a page's trail.
        for row in [
            "Victoria, mexico > homicides per 100,000: 84.67 > 2016 homicides: 293 > population: 346,029 worsening from the 46th worst.",
            "Home > video > most popular marine's wife disappears on her way to the park.",
            "\" body of proof \" <strong> abc</strong><br / > <strong>status: </strong> renewed.",
        ] {
            assert!(is_data_row(row), "{row}");
        }
        assert!(!is_data_row(
            "Turnout was high: 60% > 50% in 2012, the board said."
        ));
        // A photo's caption by its dateline.
        for caption in [
            "Israeli prime minister benjamin netanyahu gestures during a press conference in jerusalem, tuesday, oct. 9, 2012.",
            "Merchandise is strewn across the floor following a 5.1 earthquake centered near la habra friday night march 28, 2014.",
            "A protestor throws a panel of a burning barricade in athens tuesday evening june 28, 2011.",
        ] {
            assert!(is_dated_caption(caption), "{caption}");
        }
        for prose in [
            "Danielle stislicki went missing on friday, december 2, 2016.",
            "The last broadcast of the show was on friday, january 21, 2011.",
            "The fire burned through the town on saturday, nov. 10.",
            "The lease runs until 2019.",
        ] {
            assert!(!is_dated_caption(prose), "{prose}");
        }

        for line in [
            "The comment was not intended to be public, but it was nonetheless completely inappropriate.",
            "Divorcee mrs leyland had posted a series of abusive comments about the family.",
            "The club said the remarks were not appropriate and declined to comment further.",
            "\"Comments like that are not allowed here,\" the judge told the defendant.",
            "Users who click the link are sent to a fake bank page.",
            "The statue will be removed from the square on Monday.",
        ] {
            assert!(!is_site_notice(line), "{line}");
        }
    }

    #[test]
    fn a_sentence_stopping_at_a_title_or_rank_is_a_fragment() {
        for s in [
            "Court-martial charges were filed tuesday afternoon against army spc.",
            "He met with Lt.",
            "The fight was broken up by Capt.",
        ] {
            assert!(ends_in_abbreviation(s), "{s}");
        }
        assert!(!ends_in_abbreviation(
            "The charges were filed against the soldier."
        ));
    }

    #[test]
    fn notes_about_the_writer_are_not_quoted() {
        for note in [
            "Joanna weiss is a writer based in boston and a former television critic for the boston globe.",
            "Katy waldman is a slate staff writer.",
            "What to know physicians have requested testing for more than 2,000 pregnant women there have been more than 300 cases.",
        ] {
            assert!(is_author_note(note), "{note}");
        }
        for prose in [
            "The suspect is a former reporter who worked in the city for years.",
            "Smith, who is a columnist for the times, was fired on monday.",
            "He is a writer.",
            "Officials said the man is a journalist from Turkey who was detained at the border.",
        ] {
            assert!(!is_author_note(prose), "{prose}");
        }
    }

    #[test]
    fn every_sentence_of_an_embedded_tweet_is_left_out() {
        let texts = quotable_texts(
            "Trump accused China of letting oil reach North Korea on Thursday.\n\
            Caught RED HANDED - very disappointed that China is allowing oil to go into North Korea. \
            There will never be a friendly solution to the North Korea problem if this continues to \
            happen! \u{2014} Donald J. Trump (@realDonaldTrump) December 28, 2017\n\
            China's foreign ministry denied that any shipments had broken the sanctions.\n",
        );
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("RED HANDED") && !t.contains("friendly solution")),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.contains("foreign ministry denied")),
            "{texts:?}"
        );
    }

    #[test]
    fn embedded_tweets_signatures_are_not_quoted() {
        for text in [
            "Not a level playing field! \u{2014} Donald J. Trump (@realDonaldTrump) April 2, 2018",
            "#lol #laughitsgood \u{2014} christian kirksey ( @chriskirksey20 ) september 2, 2014 this glitch of me on madden is hilarious might i say!",
            "He is the youngest to make the cut \u{2014} Bleacher Report (@BleacherReport) Apr. 12, 2013 more to come.",
            "Caught RED HANDED! \u{2014} Donald J. Trump (@realDonaldTrump) 28 December 2017",
        ] {
            assert!(carries_tweet_signature(text), "{text}");
        }
        for text in [
            "Angeli Kakade (@angelikakade) has the story.",
            "Write to the desk at news@example.com by April 2, 2018.",
            "He tweeted (@realDonaldTrump) on April 2, 2018 that trade was unfair.",
        ] {
            assert!(!carries_tweet_signature(text), "{text}");
        }
    }

    #[test]
    fn photo_captions_are_not_quoted() {
        for caption in [
            "US President Donald Trump talks during a joint press conference with NATO Secretary General Jens Stoltenberg at the White House in Washington, DC, on April 12, 2017.",
            "Israeli border policemen load their weapons before patrolling at the western wall in jerusalem's old city june 21, 2013.",
            "Gamal Mubarak, son of former Egyptian president Hosni Mubarak, arrives at a court house in Cairo, Egypt, Monday, Jan. 2, 2012.",
            "Family members wait for word from police after arriving down the street from a shooting at pulse orlando nightclub in orlando, fla., sunday, june 12, 2016.",
            // The date alone ends it, or the sentence names its picture.
            "A police officer creates a perimeter outside a home in the hollywood hills area of los angeles, tuesday, march 31, 2015.",
            "Military officials applaud with kim jong-un during a concert in pyongyang, in this picture released by north korea's news agency.",
            "In this may 21, 2010 photo provided by nasa, astronaut michael good works during a spacewalk.",
            "In this image made from video, authorities work an active shooting scene.",
            "In this saturday, july 1, 2017, photo, people line up at the nuleaf marijuana dispensary in las vegas.",
            // The date, then the picture's town.
            "A traveler sleeps on a baggage carousel at the atlanta airport, sunday, dec. 17, 2017, in atlanta.",
            "A police officer drags a protester in the portland encampment sunday, nov. 13, 2011, in, portland, ore.",
            // A caption's verb anywhere before the date.
            "Warren beatty exits the stage after announcing the award at the oscars on sunday, feb. 26, 2017, at the dolby theatre in los angeles.",
            "A vial of measles vaccine is seen at boston children's hospital in boston, massachusetts february 26, 2015.",
            // A person's place in the picture; a quoted title; the date
            // after "on" in a sentence that tells of nothing past.
            "Jeff gerst, right, joins his neighbors in clearing snow monday, feb. 11, 2013, in fargo, n.d. Schools and businesses throughout the eastern dakotas were closed.",
            "Toby keith performs at a pre-inaugural \"make america great again! welcome celebration\" at the lincoln memorial in washington, thursday, jan. 19, 2017.",
            "Police officials rope off the scene of a shooting at a fedex facility in kennesaw, ga., on tuesday, april 29, 2014.",
            "( associated press ) a policeman guards a court room in moscow, russia, on monday oct. 1, 2012.",
            "April \"abby\" guerra speaks to reporters in phoenix friday, may 8, 2015.",
            "The suffix \"ism\" is photographed in a dictionary, in new york, monday, dec. 14, 2015.",
            // Dated by month and day alone, at its end.
            "Comedian michelle wolf performs during a gig in new york city on june 29.",
            "Drew pinsky arrives at the mtv movie awards in burbank, calif., on april 9.",
            "Sean spicer, right, and jason miller, left, talk with the media at the trump national golf club bedminster on nov. 19.",
        ] {
            assert!(is_photo_caption(caption), "{caption}");
        }
        for prose in [
            // Past tense, a quotation, a noun that spells like a verb.
            "Trump met Stoltenberg at the White House in Washington on April 12, 2017.",
            "\"He stands by it,\" the spokesman told reporters on April 12, 2017.",
            "His visits started on Jan. 1, 2012, after a friend gave him a season pass.",
            "Talks resumed in Geneva on Jan. 5, 2019, after a month's pause.",
            "Trump will visit the White House on April 12, 2017.",
            // No full date.
            "Trump talks to reporters at the White House.",
            "The storm reached the coast early on saturday, jan. 24, 2015.",
            "In this video of the trip, jeb bush was not shy about reminding his hosts of his father.",
            // Told in the past before the date and its town.
            "Peter reilly rush, 22, died sunday, april 26, 2015 in waterville, me.",
            "His lawyers say he is unfit for the injection scheduled for wednesday, june 27, 2018 in huntsville, texas.",
            "Anne smedinghoff, 25, was killed saturday, april 6, 2013, in kabul.",
            // "seen" and "search" in prose.
            "Mr moriarty, 70, was last seen leaving the local pub on december 16, 2017.",
            "The ground search for the girl ended tuesday, may 3, 2016, when authorities found her.",
            // Told in the past, or quoting someone who spoke.
            "Danielle stislicki went missing on friday, december 2, 2016.",
            "The last broadcast of \"countdown\" was on friday, january 21, 2011.",
            "\"We stand with the victims,\" the mayor added on monday, june 13, 2016, in orlando.",
            "The meeting took place on monday, jan. 5, 2015.",
            // Month and day alone: told in the past, said, or no
            // picture's verb.
            "State police, who patrol the park, arrested andrea mears of westbrook after the incident on may 12.",
            "The senator speaks to reporters, his spokesman said on june 29.",
            "Voters in ohio go to the polls on march 3.",
            "Gates answers questions at the courthouse on aug. 6 and 7.",
        ] {
            assert!(!is_photo_caption(prose), "{prose}");
        }
    }

    #[test]
    fn a_sentence_cut_before_its_end_is_not_quoted() {
        for cut in [
            "The who's assistant director-general, dr bruce aylward, said: \"",
            "Authorities confirmed that the child, called \"nelly, \"",
            "Guests included the president and first lady; vice president joe biden and his wife, dr. Jill biden;",
            "Candidates will be announced on the following dates:",
        ] {
            assert!(stops_mid_clause(cut), "{cut}");
        }
        assert!(opens_on_a_dash("\u{2014} and your child just refuses."));
        assert!(!opens_on_a_dash("Washington \u{2014} The senate voted."));
        for whole in [
            "\"Our family is grieving,\" he said.",
            "Police sealed off the area ( 2300 gmt wednesday )",
            "He called it \"a threat.\"",
        ] {
            assert!(!stops_mid_clause(whole), "{whole}");
        }
    }

    #[test]
    fn a_prepositional_phrase_without_a_verb_is_not_quoted() {
        for fragment in [
            "In the parking lot of a nearby shopping center.",
            "After refusing medical treatment, according to police.",
            "From yorkville endoscopy on e. 93rd st. To mount sinai hospital.",
            "On thanksgiving, according to the norfolk district attorney's office.",
            "At 285 madison avenue, a 28-story building at the corner of 40th street.",
            "For president obama's inauguration today, but barely.",
            "From Chad Pradelli on Action News at 4 p.m. on September 25, 2018.",
            "From, oh, at least a few dozen people.",
            "A mere $ 1,400 a month.",
            "The parking lot of a nearby shopping center.",
            "Surgeon holding a cosmetic breast implant.",
            "Martin pistorius in his wheelchair in 1992.",
            "World ahmad seth zaharie, 26, with his sister aishah zaharie, 27, and mother faizah khan.",
        ] {
            assert!(lacks_a_verb(fragment), "{fragment}");
        }
        for prose in [
            "In fact, there's a border marker right outside the front door.",
            "In moderation, there's nothing wrong with that.",
            "With the electric eel ( yes, we're serious ), there ' ll be no more excuses not to wrap it up.",
            "From now on there ' ll be no more excuses.",
            "Before launching, she told the crowd in glasgow to join her.",
            "During the holy month of ramadan, wealthy bangladeshis often donate clothing to the poor.",
            "In doing so, the former house speaker only dug his hole deeper.",
            "On tuesday, police arrested three men.",
            "At the hearing, prosecutors say the evidence was clear.",
            "In what way?",
            "Jeremy meeks, 30, a felon, was arrested on five weapons charges.",
            "Rajib karim, 31, used his position as an it expert with the airline.",
            "Tuolumne county sheriff's sgt. Scott johnson agreed.",
            "Seattle municipal court upheld the fine.",
            "The suspect has not been identified.",
        ] {
            assert!(!lacks_a_verb(prose), "{prose}");
        }
    }

    #[test]
    fn questions_in_the_writer_s_voice_and_asides_are_not_quoted() {
        assert!(asks_a_question("What are they saying is the cause?"));
        assert!(!asks_a_question("\"Who was at risk?\" he asked."));
        assert!(!asks_a_question("\"Why now?\""));
        assert!(!asks_a_question("Nobody asked why."));
        assert!(is_aside(
            "( that doesn't include the two wolverine stand-alones )."
        ));
        assert!(is_aside("(The report was later withdrawn.)"));
        assert!(!is_aside("(CNN) The talks ended on Tuesday."));
        assert!(!is_aside("The talks (held in Geneva) ended."));
    }

    #[test]
    fn an_article_cut_after_an_opening_quotation_mark_ends_unfinished() {
        assert!(ends_unfinished(
            "Another cult crime writer, stieg larsson, is oxfam's '"
        ));
        assert!(ends_unfinished("He was a member of the ruling"));
        assert!(!ends_unfinished("He called it a ' disaster. '"));
        assert!(!ends_unfinished("It was over."));
    }

    #[test]
    fn bylines_left_in_an_article_opening_are_not_quoted() {
        for text in [
            "By khaled fahmy imagine if you were russian and you woke up one day.",
            "By amber goodhand \u{2013} radar news editor nadya suleman has her father worried.",
            "By krista m. Torralva of the caller-times six contestants are suing the director.",
        ] {
            assert!(opens_with_byline(text), "{text}");
        }
        for text in [
            "By late saturday the number of customers without electricity had been reduced.",
            "By nightfall, fires were set near the scene of the shooting.",
            "By using dna comparisons, relatives hope to learn more.",
            "By the time emma smith was arrested, she had a new name.",
            "By june the disease was badly affecting the bear.",
            "By 1920, capone had moved to chicago.",
        ] {
            assert!(!opens_with_byline(text), "{text}");
        }
    }

    #[test]
    fn a_page_header_run_into_an_opening_sentence_is_found() {
        assert!(has_page_header(
            "May 18, 2015, 1: 05 am | the republican senator from south carolina says he will run."
        ));
        assert!(has_page_header(
            "Updated | italian neurosurgeon sergio canavero has announced further details."
        ));
        assert!(has_page_header(
            "Updated &#124; doctors in belgium are granting a woman the right to die."
        ));
        assert!(!has_page_header(
            "The senator from south carolina says he will run, aides said on monday."
        ));
    }

    #[test]
    fn sentences_opening_on_a_page_label_are_not_quoted() {
        for text in [
            "Credit: matthew kanan, stanford university stanford university scientists have found a way.",
            "See also: shocking new photos reveal that princess charlotte is very cute.",
            "Report: man claims to have been omar mateen's lover univision reported the fbi told it.",
            "WARNING: some may find the footage in this video graphic to watch.",
            "Story highlights north korea is skating very close to a dangerous line, pentagon chief says intelligence suggests multiple launches",
            "Enlarge image close associated press a libyan man on thursday investigates the inside of the burned-out consulate.",
            "File - this 1966 photo shows charles j. Whitman, a then 24-year-old student at the university of texas.",
            "Ap photo mitt romney says he's considering a 2016 run mitt romney told a group of supporters on friday that he is considering it.",
            "Related content kangaroos are lefties, and that can teach us about human handedness now, scientists have found.",
            "Watch the full and exclusive interview on \"fareed zakaria gps \" this sunday at 10 a.m. on cnn.",
            "Photo courtesy columbia human rights law review carlos deluna was executed in 1989.",
            "Video: sen. Al franken spoke to the media on capitol hill monday.",
            "( begin videotape ) van susteren: nice to talk to you again, donald.",
            "Read the rest of emily bazelon's series on cyberbullying.",
            "Note: some images in this report are graphic, and may be disturbing to some viewers.",
            "From left: rose byrne in ralph lauren and rita ora in marchesa at the met gala.",
            "A: yes, he might last that long.",
            "Q: what do you see as the possible motives?",
        ] {
            assert!(opens_with_page_label(text), "{text}");
        }
        for text in [
            "Credits for the film roll on for ten minutes.",
            "Reporters asked the mayor about the budget.",
            "The source: a leaked memo from the ministry.",
            "Related to the case, two men were charged on friday.",
            "Filed under the law, the claim was denied.",
            "Photo albums were found in the house.",
            "Notes found in the house were read aloud in court.",
            "News of the deal broke on friday.",
            "A man was arrested on friday.",
            "Qatar said on monday it would respond.",
        ] {
            assert!(!opens_with_page_label(text), "{text}");
        }
    }

    #[test]
    fn an_agency_caption_dated_in_parentheses_is_a_caption() {
        assert!(is_photo_caption(
            "( sept. 8 ) ap this satellite image shows hurricane irma as the storm approaches cuba."
        ));
        assert!(!is_photo_caption(
            "( sept. 8 ) the storm approached cuba and florida late on friday, forecasters said."
        ));
    }

    #[test]
    fn sentences_that_only_keep_their_source_anonymous_are_not_quoted() {
        for s in [
            "He asked not to be identified as he was not authorized to speak to media.",
            "The buyer declined to be identified.",
            "The officials spoke on the condition of anonymity because the report has not yet been made public.",
            "He spoke on condition of anonymity because he was not authorized to speak to reporters.",
            "The officials spoke on condition of anonymity to discuss internal assessments.",
        ] {
            assert!(only_keeps_its_source_anonymous(s), "{s}");
        }
        for s in [
            "A U.S. official, speaking on condition of anonymity, said the strike was planned for weeks.",
            "Two people who asked not to be named because the talks are private confirmed the deal.",
            "The official, who asked not to be identified, was briefed on the investigation.",
            "\"It was chaos,\" said a witness who asked not to be named.",
            "An aide who asked not to be named because he was not authorized to speak publicly said the vote would be delayed until Friday.",
            "The teenager, who cannot be named for legal reasons, was arrested on Friday.",
            "The victim has yet to be identified by the coroner's office.",
            "Police said the boy, who has not been named, was taken to hospital.",
        ] {
            assert!(!only_keeps_its_source_anonymous(s), "{s}");
        }
    }

    #[test]
    fn teasers_cut_after_a_function_word_are_unfinished() {
        for s in [
            "It's part of the battle born collection, which contained one of...",
            "Workers were laying cables in front of his\u{2026}",
            "The breach compromised 40 million card accounts and...",
            "A tow truck operator talks at a memorial near the site where the officers were killed,...",
            "President-elect donald trump wants the government's...",
            "The white house hasn't confirmed mr. Trump\u{2019}s...",
            "Zimmerman has been charged with second-degree murder for the 2012...",
            "The alabama republican appears headed toward confirmation by a nearly...",
            "After seattle's new minimum wage law took effect...",
            "Leaving her 14 kids without a mother for 30 straight days...",
            "Sources connected with both cory and lea tell tmz...",
            "Sources directly connected with the couple tell us...",
            "A white cop questioned the drunk actor, and added...",
            "The researchers also are investigating whether...",
            "Tmz has learned...",
        ] {
            assert!(is_teaser_cut(s), "{s}");
        }
        for s in [
            "Stahl's wife filed a missing person's report on Monday...",
            "After the storm, the town rebuilt its pier...",
            "Nothing is ever certain...",
            "He said \"we will see...\"",
            "Woody began dating mia in 1980...",
            "They lost 3-2...",
            "Sources say the couple split months ago, reports people...",
            "Lamar odom has made a shocking turnaround...",
            "Talks resumed on Monday.",
            "...",
        ] {
            assert!(!is_teaser_cut(s), "{s}");
        }
    }

    #[test]
    fn chrome_and_archive_notes_are_found_in_any_case() {
        for s in [
            "Follow us on TWITTER for updates.",
            "Crawl Of Outlinks from wikipedia.org started March, 2016.",
            "Photo: Reuters",
            "© 2017 Example News",
            "Read More at the site.",
            "Enlarge this image toggle caption Gregorio Borgia/AP",
            "( Reporting by Kim Dixon; Editing by Doina Chiacu )",
            "Click to view the station's report.",
            "Watch the short in the video above.",
            "[ see photos of the spacecraft ] to pinpoint a star.",
            "Have a tip we should know? Tips@example.com",
            "Notice you must log in to continue.",
            "Christopher Nieto, left, and attorney Justin Brown, right, speak to the media.",
        ] {
            assert!(is_chrome(s) || is_archive_residue(s), "{s}");
        }
        for s in [
            "Tillerson met Lavrov in Moscow.",
            "Twitting is not a word.",
            "",
        ] {
            assert!(!is_chrome(s) && !is_archive_residue(s), "{s}");
        }
    }
    #[test]
    fn every_mark_of_the_page_tests_passes_the_shared_gate() {
        for mark in page_marks() {
            let sentence = format!("The page said {} here.", mark.to_ascii_uppercase());
            assert!(has_page_mark(&sentence), "{sentence}");
            assert!(has_page_mark(mark), "{mark}");
        }
        assert!(!has_page_mark("Russia vetoed the resolution on Wednesday."));
    }
}
