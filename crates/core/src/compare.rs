//! Source comparison, the report of `brief compare`: which facts each
//! source reports, who each source quotes, and where sources disagree.
//!
//! - **Facts** are groups of statements (body sentences) that say the same
//!   thing across sources: sentences of different documents joined when the
//!   redundancy stage's duplicate test ([`RedundancyFilter`]) holds for
//!   them (copies, near-copies, paraphrases); a statement left alone then
//!   joins the fact of the statement of another source it shares most
//!   terms with, when that share still reaches the fact threshold.
//! - The **matrix** gives, per fact, the statement each source makes of it.
//! - Per **source**: the facts only it reports, and the widely reported
//!   facts (at least half the sources, and two) it omits.
//! - **Speakers**: who is quoted, by which source ([`crate::attribution`]).
//! - **Conflicts**: within one fact, the same slot with different values
//!   in different sources — a number counting the same thing ("12 people" /
//!   "15 people"), a date, or a name between the same words ("met in
//!   Geneva on" / "met in Vienna on"; not two spellings or forms of one
//!   name), or a time of day — each value with its byte span.
//!
//! ```
//! use brief_core::{compare::compare, Cluster, Document};
//! let cluster = Cluster::new("story", vec![
//!     Document::new("a", "The earthquake killed 12 people in the northern province on Monday."),
//!     Document::new("b", "The earthquake killed 15 people in the northern province on Monday."),
//! ]);
//! let c = compare(&cluster).unwrap();
//! assert_eq!(c.facts[0].documents, [0, 1]);
//! assert_eq!(c.conflicts[0].sides[0].value, "12");
//! assert_eq!(c.conflicts[0].sides[1].value, "15");
//! ```

use crate::attribution::{attribute_documents, Quotation, SpeakerKind};
use crate::error::Result;
use crate::model::{Cluster, Span};
use crate::prepare::{Pipeline, PreparedCluster};
use crate::redundancy::aliases::{AliasTable, EntityKind};
use crate::redundancy::copies::lcs_ratio;
use crate::redundancy::{RedundancyFilter, RedundancyView};
use crate::similarity::intersection_size;
use crate::text::calendar::{is_calendar_name, is_month_name, WEEKDAYS};
use crate::text::lexicon::{
    is_country, is_given_name, is_organization_head, is_place, is_role_noun, is_speech_verb,
    is_title, may_stand_before_verb,
};
use crate::text::words::{has_word, words, Word};
use crate::text::StopWords;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

/// What `compare` asks of two statements and of a widely reported fact.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CompareConfig {
    /// The duplicate test's term overlap ([`RedundancyFilter`]).
    pub max_overlap: f64,
    /// Share of the sources that makes a fact widely reported.
    pub widely_reported: f64,
    /// Share of the smaller sentence's content terms two statements of one
    /// fact share, when the duplicate test does not already join them.
    pub fact_overlap: f64,
}

/// Share of `fact_overlap` two groups that share a source need on average.
const GROUP_SHARE: f64 = 0.8;

/// Share of the smaller sentence's content terms two statements share for
/// their slots to be compared.
const CONFLICT_OVERLAP: f64 = 0.6;

/// Content terms two statements of one fact share at least.
const MIN_SHARED_TERMS: usize = 4;

/// Least share of terms two statements share for one weekday each to be
/// compared, when no common time of day ties them to one event.
const WEEKDAY_OVERLAP: f64 = 0.7;

/// Least share of terms two captions share to be one caption copied,
/// whose dates are compared.
const CAPTION_COPY: f64 = 0.8;

/// Share of the smaller statement's terms two statements must share to be
/// one sentence copied, whose bounds ("at least 16") are then compared as
/// figures.
const COPY_SHARE: f64 = 0.8;

impl Default for CompareConfig {
    fn default() -> Self {
        CompareConfig {
            max_overlap: 0.6,
            widely_reported: 0.5,
            fact_overlap: 0.5,
        }
    }
}

/// One sentence of a source stating a fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub doc: usize,
    /// Position among the document's body sentences.
    pub sentence: usize,
    /// Byte span in the document's text.
    pub span: Span,
    pub text: String,
}

impl Statement {
    /// The statement's text before the value `slot` found in it.
    fn before(&self, slot: &Slot) -> Option<&str> {
        let at = slot.span.start.checked_sub(self.span.start)?;
        self.text.get(..at)
    }

    /// The statement's text after the value `slot` found in it.
    fn after(&self, slot: &Slot) -> Option<&str> {
        let at = slot.span.end.checked_sub(self.span.start)?;
        self.text.get(at..)
    }
}

/// Statements of one or more sources that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: usize,
    /// In document order, then text order.
    pub statements: Vec<Statement>,
    /// The sources stating it, ascending.
    pub documents: Vec<usize>,
}

/// What one source alone reports and what it leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceReport {
    pub doc: usize,
    pub doc_id: String,
    /// Facts only this source states.
    pub only: Vec<usize>,
    /// Widely reported facts this source does not state.
    pub omits: Vec<usize>,
}

/// A quotation as one source carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceQuote {
    pub doc: usize,
    /// Byte span of the quoted words.
    pub span: Span,
    pub text: String,
}

/// A speaker and the sources that quote them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotedSpeaker {
    /// The fullest form of the name in the cluster, or the description.
    pub speaker: String,
    pub kind: SpeakerKind,
    /// The sources quoting the speaker, ascending.
    pub documents: Vec<usize>,
    pub quotes: Vec<SourceQuote>,
}

/// What a slot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    Number,
    Date,
    Name,
}

/// One source's value for a slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictSide {
    pub doc: usize,
    /// Byte span of the value in the document.
    pub span: Span,
    pub value: String,
    /// Byte span of the statement it is in.
    pub statement: Span,
}

/// The same slot of one fact with different values across sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub fact: usize,
    pub kind: SlotKind,
    /// What identifies the slot: the word counted ("people"), the word
    /// before a name ("in"), "date".
    pub slot: String,
    /// One side per source and value, in document order.
    pub sides: Vec<ConflictSide>,
}

/// The comparison of a cluster's sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub cluster_id: String,
    /// Document ids, the matrix's columns.
    pub sources: Vec<String>,
    /// Facts, most widely reported first.
    pub facts: Vec<Fact>,
    /// Fact × source: the index in the fact's statements of the source's
    /// (first) statement of it.
    pub matrix: Vec<Vec<Option<usize>>>,
    /// Facts every source states.
    pub shared_by_all: Vec<usize>,
    pub source_reports: Vec<SourceReport>,
    /// Most widely quoted first.
    pub speakers: Vec<QuotedSpeaker>,
    pub conflicts: Vec<Conflict>,
}

/// Prepares `cluster` with the default [`Pipeline`] and compares its sources.
pub fn compare(cluster: &Cluster) -> Result<Comparison> {
    let prepared = Pipeline::default().prepare(cluster)?;
    Ok(compare_prepared(&prepared, &CompareConfig::default()))
}

/// Compares the sources of a prepared cluster.
pub fn compare_prepared(p: &PreparedCluster<'_>, config: &CompareConfig) -> Comparison {
    compare_with_quotations(p, config, &attribute_documents(p))
}

/// [`compare_prepared`] with each document's quotations already attributed
/// (`brief analyze` has them).
pub fn compare_with_quotations(
    p: &PreparedCluster<'_>,
    config: &CompareConfig,
    quotations: &[Vec<Quotation>],
) -> Comparison {
    let n_docs = p.cluster.documents.len();
    let facts = group_facts(p, config);
    let matrix: Vec<Vec<Option<usize>>> = facts
        .iter()
        .map(|f| {
            (0..n_docs)
                .map(|d| f.statements.iter().position(|s| s.doc == d))
                .collect()
        })
        .collect();
    let shared_by_all = facts
        .iter()
        .filter(|f| n_docs > 1 && f.documents.len() == n_docs)
        .map(|f| f.id)
        .collect();
    let wide = ((config.widely_reported * n_docs as f64).ceil() as usize).max(2);
    let source_reports = (0..n_docs)
        .map(|d| SourceReport {
            doc: d,
            doc_id: p.cluster.documents[d].id.clone(),
            only: facts
                .iter()
                .filter(|f| f.documents == [d])
                .map(|f| f.id)
                .collect(),
            omits: facts
                .iter()
                .filter(|f| f.documents.len() >= wide && !f.documents.contains(&d))
                .map(|f| f.id)
                .collect(),
        })
        .collect();
    let speakers = quoted_speakers(p.cluster, quotations);
    let conflicts = conflicts(p, &facts, quotations);
    Comparison {
        cluster_id: p.cluster.id.clone(),
        sources: p.cluster.documents.iter().map(|d| d.id.clone()).collect(),
        facts,
        matrix,
        shared_by_all,
        source_reports,
        speakers,
        conflicts,
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Pairs of sentences of different documents, most alike first, joined
/// when the duplicate test holds or their alias-canonical content terms
/// overlap enough; a fact takes at most one statement per source, so two
/// groups that share a source stay apart (no chains through a long article).
fn group_facts(p: &PreparedCluster<'_>, config: &CompareConfig) -> Vec<Fact> {
    let n = p.sentences.len();
    let filter = RedundancyFilter::new(p, config.max_overlap);
    let view = RedundancyView::of(p);
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    // Whose age each statement alone gives, if it does ("He was 89.").
    let ages: Vec<Option<String>> = (0..n)
        .map(|i| short_age(p.text(i)).map(|(who, _)| who))
        .collect();
    // Each sentence's closest sentence of another source sharing the fact
    // threshold of terms, for the join of statements left alone below.
    let mut closest: Vec<Option<(f64, usize)>> = vec![None; n];
    for a in 0..n {
        for b in a + 1..n {
            if p.sentences[a].doc == p.sentences[b].doc {
                continue;
            }
            let (sa, sb) = (&view.term_sets[a], &view.term_sets[b]);
            let shared = intersection_size(sa, sb);
            let smaller = sa.len().min(sb.len());
            let overlap = if smaller == 0 {
                0.0
            } else {
                shared as f64 / smaller as f64
            };
            // Sentences sharing fewer than two content terms are neither
            // copies nor paraphrases; most pairs end here, cheaply.
            if shared < 2 && smaller >= 2 {
                continue;
            }
            if shared >= MIN_SHARED_TERMS && overlap >= config.fact_overlap {
                for (x, y) in [(a, b), (b, a)] {
                    // The closest, then the first in the cluster.
                    let better = match closest[x] {
                        None => true,
                        Some((o, z)) => overlap > o || overlap == o && y < z,
                    };
                    if better {
                        closest[x] = Some((overlap, y));
                    }
                }
            }
            let score = if filter.duplicates(a, b) {
                1.0 + overlap
            } else if ages[a].is_some() && ages[a] == ages[b] {
                // "He was 89." / "He was 86.": one fact (an age, most often
                // at death) whose only term is the value that may differ.
                1.0
            } else if shared >= MIN_SHARED_TERMS && overlap >= config.fact_overlap {
                overlap
            } else {
                continue;
            };
            pairs.push((score, a, b));
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut parent: Vec<usize> = (0..n).collect();
    // Sources of each group, by root.
    let mut docs_of: Vec<Vec<usize>> = (0..n).map(|i| vec![p.sentences[i].doc]).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let overlap = |a: usize, b: usize| {
        let (sa, sb) = (&view.term_sets[a], &view.term_sets[b]);
        let smaller = sa.len().min(sb.len()).max(1);
        intersection_size(sa, sb) as f64 / smaller as f64
    };
    // Then two groups that share a source join when their statements of
    // different sources overlap enough on average (one source may state a
    // fact twice; the average keeps chains out).
    for phase in 0..2 {
        for &(_, a, b) in &pairs {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra == rb {
                continue;
            }
            let shares_source = docs_of[ra].iter().any(|d| docs_of[rb].contains(d));
            if shares_source {
                if phase == 0 {
                    continue;
                }
                let (mut sum, mut count) = (0.0, 0usize);
                for &x in &members[ra] {
                    for &y in &members[rb] {
                        if p.sentences[x].doc != p.sentences[y].doc {
                            sum += overlap(x, y);
                            count += 1;
                        }
                    }
                }
                if count == 0 || sum / (count as f64) < config.fact_overlap * GROUP_SHARE {
                    continue;
                }
            }
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            parent[gone] = keep;
            let moved = std::mem::take(&mut docs_of[gone]);
            docs_of[keep].extend(moved);
            let moved = std::mem::take(&mut members[gone]);
            members[keep].extend(moved);
        }
    }
    // A statement left alone joins the fact of its closest statement in
    // another source when they still share most terms: a changed name or
    // number costs a statement terms ("chairman Carl-Henric Svanberg" /
    // "chairman Olivier Svanberg"), and a fact is where its conflict is
    // looked for.
    for a in 0..n {
        if members[find(&mut parent, a)].len() > 1 {
            continue;
        }
        if let Some((_, b)) = closest[a] {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            parent[gone] = keep;
            let moved = std::mem::take(&mut members[gone]);
            members[keep].extend(moved);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = vec![usize::MAX; n];
    for i in 0..n {
        let r = find(&mut parent, i);
        if group_of[r] == usize::MAX {
            group_of[r] = groups.len();
            groups.push(Vec::new());
        }
        groups[group_of[r]].push(i);
    }
    let mut facts: Vec<Fact> = groups
        .into_iter()
        .map(|members| {
            let mut documents: Vec<usize> = members.iter().map(|&i| p.sentences[i].doc).collect();
            documents.dedup();
            documents.sort_unstable();
            documents.dedup();
            Fact {
                id: 0,
                statements: members
                    .iter()
                    .map(|&i| {
                        let s = &p.sentences[i];
                        Statement {
                            doc: s.doc,
                            sentence: s.position,
                            span: s.span,
                            text: p.text(i).to_owned(),
                        }
                    })
                    .collect(),
                documents,
            }
        })
        .collect();
    // Most widely reported first; then in the order the sources tell them.
    facts.sort_by_key(|f| {
        let first = &f.statements[0];
        (
            std::cmp::Reverse(f.documents.len()),
            first.doc,
            first.sentence,
        )
    });
    for (id, f) in facts.iter_mut().enumerate() {
        f.id = id;
    }
    facts
}

/// Speakers across sources: a person under the fullest form of the name
/// any source gives them (names sharing the last word, one containing the
/// other's words), descriptions and institutions as written.
fn quoted_speakers(cluster: &Cluster, quotations: &[Vec<Quotation>]) -> Vec<QuotedSpeaker> {
    let named: Vec<&str> = quotations
        .iter()
        .flatten()
        .filter(|q| matches!(q.kind, Some(SpeakerKind::Named | SpeakerKind::Resolved)))
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    let fullest = |name: &str| -> String {
        let words: Vec<String> = name.split_whitespace().map(name_word_key).collect();
        named
            .iter()
            .filter(|other| {
                let ow: Vec<String> = other.split_whitespace().map(name_word_key).collect();
                ow.last() == words.last() && words.iter().all(|w| ow.contains(w))
            })
            .max_by_key(|other| (other.split_whitespace().count(), other.len()))
            .map_or_else(|| name.to_owned(), |s| (*s).to_owned())
    };
    let mut out: Vec<QuotedSpeaker> = Vec::new();
    for (d, qs) in quotations.iter().enumerate() {
        let text = &cluster.documents[d].text;
        for q in qs {
            let (Some(name), Some(kind)) = (&q.speaker, q.kind) else {
                continue;
            };
            let person = matches!(kind, SpeakerKind::Named | SpeakerKind::Resolved);
            let speaker = if person { fullest(name) } else { name.clone() };
            let quote = SourceQuote {
                doc: d,
                span: q.span,
                text: text[q.span.range()].to_owned(),
            };
            let kind = if person { SpeakerKind::Named } else { kind };
            match out.iter_mut().find(|s| s.speaker == speaker) {
                Some(s) => {
                    if !s.documents.contains(&d) {
                        s.documents.push(d);
                    }
                    s.quotes.push(quote);
                }
                None => out.push(QuotedSpeaker {
                    speaker,
                    kind,
                    documents: vec![d],
                    quotes: vec![quote],
                }),
            }
        }
    }
    out.sort_by_key(|s| {
        (
            std::cmp::Reverse(s.documents.len()),
            std::cmp::Reverse(s.quotes.len()),
        )
    });
    out
}

/// A word of a name as compared across sources: lowercased, an Arabic
/// article before a hyphen left out ("al-Assad" and "Assad" are one name).
fn name_word_key(word: &str) -> String {
    let lower = word.to_lowercase();
    const ARTICLES: &[&str] = &[
        "al-", "el-", "ad-", "as-", "ash-", "at-", "ar-", "an-", "az-",
    ];
    ARTICLES
        .iter()
        .find_map(|a| {
            lower
                .strip_prefix(a)
                .filter(|rest| rest.chars().count() >= 3)
        })
        .map_or_else(|| lower.clone(), str::to_owned)
}

/// A value found in a statement.
#[derive(Debug, Clone)]
struct Slot {
    kind: SlotKind,
    key: String,
    value: String,
    span: Span,
}

/// Words a number is written with ("1,200", "3.5", "12th").
fn is_numeric(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether the word is the code of an HTML character reference a page
/// left in its text ("&#124;" for "|"): no number the source states.
fn is_character_reference(text: &str, w: &Word<'_>) -> bool {
    text[..w.start].ends_with("&#") && text[w.end..].starts_with(';')
}

/// The last word of the number starting at word `i`: "1,200" and "3.5"
/// are several words, and so are "116 686" (thousands set apart by
/// spaces, as journals print them) and "9-1-1" (a number spelled digit by
/// digit).
fn number_end(ws: &[Word<'_>], text: &str, i: usize) -> usize {
    let gap = |j: usize| &text[ws[j].end..ws[j + 1].start];
    let digits = |w: &Word<'_>| w.text.bytes().all(|b| b.is_ascii_digit());
    let mut j = i;
    while j + 1 < ws.len() && is_numeric(ws[j + 1].text) && matches!(gap(j), "," | ".") {
        j += 1;
    }
    if j == i && digits(&ws[i]) && ws[i].text.len() <= 3 {
        let mut k = i;
        while k + 1 < ws.len() && gap(k) == " " && digits(&ws[k + 1]) && ws[k + 1].text.len() == 3 {
            k += 1;
        }
        // "a 3 100-meter race" is no number 3,100: the group after a
        // space must end the number.
        if k > i && !text[ws[k].end..].starts_with('-') {
            return k;
        }
        let mut k = i;
        while k + 1 < ws.len()
            && gap(k) == "-"
            && ws[k].text.len() == 1
            && ws[k + 1].text.len() == 1
            && digits(&ws[k + 1])
        {
            k += 1;
        }
        if k >= i + 2 {
            return k;
        }
    }
    j
}

/// [`number_value`] of words `i..=j` of `text`, a percent sign after them
/// taken in ("33 %" is "33 percent").
fn number_value_at(text: &str, ws: &[Word<'_>], i: usize, j: usize) -> String {
    let mut value = number_value(&text[ws[i].start..ws[j].end]);
    if text[ws[j].end..].trim_start_matches(' ').starts_with('%') && !value.contains(' ') {
        value.push_str(" percent");
    }
    value
}

/// A number's value as compared: separators dropped ("1,200", "116 686",
/// "9-1-1"), an ordinal's ending dropped ("29th" is the day "29" is), a
/// scale letter spelled out ("$9m" is "9 million"), "pm" or "am" dropped
/// ("3pm" is "3 p.m.").
fn number_value(raw: &str) -> String {
    let plain: String = raw
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '-'))
        .collect();
    let digits_end = plain
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(plain.len(), |(at, _)| at);
    let (number, suffix) = plain.split_at(digits_end);
    let number = number.trim_end_matches('.');
    match suffix.to_lowercase().as_str() {
        "st" | "nd" | "rd" | "th" => number.to_owned(),
        "m" | "mn" => format!("{number} million"),
        "bn" | "b" => format!("{number} billion"),
        "k" => format!("{number} thousand"),
        // A clock time run into its half of the day ("3pm", "3p p.m.").
        "am" | "pm" | "p" => number.to_owned(),
        _ => plain,
    }
}

const SCALES: &[&str] = &[
    "million", "billion", "trillion", "thousand", "hundred", "percent",
];

/// The slots of one statement (`text` at `offset` in its document).
fn slots(text: &str, offset: usize, stop: &StopWords, lowercased_source: bool) -> Vec<Slot> {
    let ws: Vec<Word<'_>> = words(text);
    let key = |w: &Word<'_>| w.text.to_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let lower = key(w);
        let span = |a: usize, b: usize| Span::new(offset + ws[a].start, offset + ws[b].end);
        // A number written "1,200" or "3.5" is several words; join them.
        if is_numeric(w.text) && !is_character_reference(text, w) {
            let j = number_end(&ws, text, i);
            let mut value = number_value_at(text, &ws, i, j);
            let is_year = j == i
                && w.text.len() == 4
                && (w.text.starts_with("19") || w.text.starts_with("20"));
            let after_month = i > 0 && is_month_name(&key(&ws[i - 1]));
            if is_year || after_month {
                // Part of a date: taken with its month below.
                if is_year && !after_month {
                    out.push(Slot {
                        kind: SlotKind::Date,
                        key: "year".into(),
                        value,
                        span: span(i, j),
                    });
                }
                i = j + 1;
                continue;
            }
            // "5 million", "40 percent": the scale is part of the value.
            let mut k = j + 1;
            if let Some(next) = ws.get(k).filter(|_| !value.contains(' ')) {
                if SCALES.contains(&key(next).as_str()) {
                    value.push(' ');
                    value.push_str(&key(next));
                    k += 1;
                }
            }
            // The slot: the first content word after the number ("12
            // people", "15 wounded"), within three words.
            let counted = ws[k.min(ws.len())..]
                .iter()
                .take(3)
                .map(key)
                .find(|k| !stop.contains(k) && !is_numeric(k));
            // A number naming one of a kind ("the Haixun 01 patrol ship",
            // "Flight 370"): the name before it is its slot too.
            if j == i
                && i > 1
                && ws[i - 1].is_capitalized()
                && text[ws[i - 1].end..ws[i].start] == *" "
            {
                out.push(Slot {
                    kind: SlotKind::Number,
                    key: format!("{} _", key(&ws[i - 1])),
                    value: value.clone(),
                    span: span(i, k - 1),
                });
            }
            if let Some(slot) = counted {
                out.push(Slot {
                    kind: SlotKind::Number,
                    key: slot,
                    value,
                    span: span(i, k - 1),
                });
            }
            i = k;
            continue;
        }
        if is_month_name(&lower) && w.is_capitalized() {
            let day = ws
                .get(i + 1)
                .filter(|n| is_numeric(n.text) && n.text.len() <= 4);
            let end = if day.is_some() { i + 1 } else { i };
            let value = text[ws[i].start..ws[end].end].to_lowercase();
            out.push(Slot {
                kind: SlotKind::Date,
                key: "date".into(),
                value,
                span: span(i, end),
            });
            i = end + 1;
            continue;
        }
        if WEEKDAYS.contains(&lower.as_str()) {
            out.push(Slot {
                kind: SlotKind::Date,
                key: "weekday".into(),
                value: lower,
                span: span(i, i),
            });
            i += 1;
            continue;
        }
        // A name after a lowercase word: the run of capitalized words.
        if w.is_capitalized() && i > 0 && !is_calendar_name(&lower) {
            let before = key(&ws[i - 1]);
            let lowercase_before = !ws[i - 1].is_capitalized();
            let mut j = i;
            while j + 1 < ws.len()
                && ws[j + 1].is_capitalized()
                && matches!(&text[ws[j].end..ws[j + 1].start], " " | "-")
            {
                j += 1;
            }
            // In a lowercased source a capital after an abbreviation's
            // period is the release's sentence opening ("a u.s. Spy
            // plane"), no name.
            let reopened = lowercased_source && text[ws[i - 1].end..w.start].contains('.');
            if lowercase_before && !reopened && !stop.contains(&lower) {
                // The slot is the words on both sides ("met in _ on").
                let after = ws.get(j + 1).map(key).unwrap_or_default();
                out.push(Slot {
                    kind: SlotKind::Name,
                    key: format!("{before} _ {after}"),
                    value: text[ws[i].start..ws[j].end].to_owned(),
                    span: span(i, j),
                });
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// Conflicts within each fact stated by two or more sources, between two
/// statements of different sources: values that stand in the same place
/// of the two sentences aligned word by word ("met in Geneva on" / "met in
/// Vienna on"), and, between statements sharing most content terms,
/// numbers counting the same thing and names between the same words
/// (paraphrases that word order does not align: "killed 12 people" / "15
/// people were killed").
fn conflicts(
    p: &PreparedCluster<'_>,
    facts: &[Fact],
    quotations: &[Vec<Quotation>],
) -> Vec<Conflict> {
    let stop = StopWords::default();
    let view = RedundancyView::of(p);
    let mut aliases: Option<AliasTable> = None;
    let mut out: Vec<Conflict> = Vec::new();
    let region = |name: &str| written_as_region(p.cluster, name);
    // Words the cluster writes in lowercase: opening a sentence
    // capitalized, they are no names ("Police said", "Final results").
    let lowercase: FxHashSet<String> = p
        .cluster
        .documents
        .iter()
        .flat_map(|d| words(&d.text))
        .filter(|w| w.text.chars().next().is_some_and(char::is_lowercase))
        .map(|w| w.text.to_owned())
        .collect();
    let lowercased: Vec<bool> = p
        .cluster
        .documents
        .iter()
        .map(|d| crate::text::segment::is_lowercased(&d.text))
        .collect();
    for f in facts.iter().filter(|f| f.documents.len() >= 2) {
        let found: Vec<Vec<Slot>> = f
            .statements
            .iter()
            .map(|s| slots(&s.text, s.span.start, &stop, lowercased[s.doc]))
            .collect();
        let all: Vec<Vec<Slot>> = f
            .statements
            .iter()
            .map(|s| values_of(&s.text, s.span.start, &stop, &lowercase, lowercased[s.doc]))
            .collect();
        // Every value a statement holds, of any slot: a value the other
        // statement also gives (in another slot) is no conflict.
        let values: Vec<Vec<&str>> = found
            .iter()
            .zip(&all)
            .map(|(ss, vs)| ss.iter().chain(vs).map(|s| s.value.as_str()).collect())
            .collect();
        let global: Vec<usize> = f
            .statements
            .iter()
            .map(|s| p.doc_sentences[s.doc].start + s.sentence)
            .collect();
        // A source stating several items of a list ("Jordan Scott, 19, of
        // Fairmont, is charged…", "Kenny Caulder Jr., 19, …") gives a fact
        // several statements; each is compared with its own counterpart
        // in another source (the statement of that source most like it),
        // not with every item of the other's list.
        let shared_terms = |i: usize, j: usize| {
            intersection_size(&view.term_sets[global[i]], &view.term_sets[global[j]])
        };
        // Statement `j` is a counterpart of `i` when no statement of its
        // source shares more terms with `i` (ties all count: a source may
        // repeat a sentence).
        let is_counterpart = |i: usize, j: usize| {
            let doc = f.statements[j].doc;
            let best = (0..f.statements.len())
                .filter(|&k| f.statements[k].doc == doc)
                .map(|k| shared_terms(i, k))
                .max()
                .unwrap_or(0);
            shared_terms(i, j) == best
        };
        let mut found_here: Vec<Conflict> = Vec::new();
        for i in 0..f.statements.len() {
            for j in i + 1..f.statements.len() {
                let (si, sj) = (&f.statements[i], &f.statements[j]);
                if si.doc == sj.doc {
                    continue;
                }
                if !is_counterpart(i, j) && !is_counterpart(j, i) {
                    continue;
                }
                let (sa, sb) = (&view.term_sets[global[i]], &view.term_sets[global[j]]);
                let smaller = sa.len().min(sb.len()).max(1) as f64;
                let shared = intersection_size(sa, sb) as f64;
                let mut pairs: Vec<(SlotKind, String, Slot, Slot)> = Vec::new();
                let mut actor = |name: &str| {
                    let aliases =
                        aliases.get_or_insert_with(|| AliasTable::from_cluster(p.cluster));
                    let country = match aliases.mentions(name)[..] {
                        [m] => {
                            m.span.len() == name.trim().len()
                                && aliases.group(m.group).kind == EntityKind::Country
                        }
                        _ => false,
                    };
                    (aliases.canonical_text(name), country)
                };
                if shared >= ALIGN_OVERLAP * smaller {
                    pairs.extend(aligned_values(
                        si,
                        sj,
                        &all[i],
                        &all[j],
                        &Reading {
                            stop: &stop,
                            cluster: p.cluster,
                        },
                        &mut actor,
                    ));
                    pairs.extend(family_names(si, sj, &all[i], &all[j], &mut actor, &region));
                    pairs.extend(appositive_names(
                        si, sj, &all[i], &all[j], &mut actor, &region,
                    ));
                    pairs.extend(dates_in_one_frame(si, sj, &all[i], &all[j]));
                }
                if shared >= CONFLICT_OVERLAP * smaller {
                    // Two statements of one fact may date two events ("last
                    // seen Wednesday" / "found Saturday"): their weekdays
                    // are one day told two ways only where the statements
                    // are closer still, or set it at one time of day ("at
                    // 6 p.m. Thursday" / "Wednesday at 6:00").
                    if shared >= WEEKDAY_OVERLAP * smaller || same_clock_time(si, sj) {
                        pairs.extend(lone_weekdays(si, sj, &found[i], &found[j]));
                    }
                    pairs.extend(lone_clock_times(si, sj));
                    // Other dates only where the alignment puts them in one
                    // place: two dates of one fact are as often two events.
                    for a in found[i].iter().filter(|a| a.kind != SlotKind::Date) {
                        for b in found[j]
                            .iter()
                            .filter(|b| b.kind == a.kind && b.key == a.key)
                        {
                            if a.value == b.value
                                || values[j].contains(&a.value.as_str())
                                || values[i].contains(&b.value.as_str())
                                || a.kind == SlotKind::Name
                                    && (gives_name(sj, &all[j], &a.value)
                                        || gives_name(si, &all[i], &b.value))
                            {
                                continue;
                            }
                            let before = a.key.split(' ').next().unwrap_or_default();
                            if a.kind == SlotKind::Name
                                && !names_differ(
                                    &a.value, &b.value, &a.value, &b.value, before, &mut actor,
                                    &region,
                                )
                            {
                                continue;
                            }
                            pairs.push((a.kind, a.key.clone(), a.clone(), b.clone()));
                        }
                    }
                }
                pairs.extend(short_ages(si, sj));
                pairs.extend(speaker_conflicts(p.cluster, si, sj, quotations));
                // Times the alignment puts in one slot are one time told
                // two ways; times elsewhere may date two readings.
                // Two years whose statements give other figures too, each its
                // own ("63,000 … died in 2016" / "72,000 … in 2017"), are the
                // figures of two years: no conflict, and they date the
                // figures.
                let own_figure = |own: &[Slot], other: &[&str]| {
                    own.iter().any(|x| {
                        x.kind == SlotKind::Number
                            && !is_year(&x.value)
                            && !other.contains(&x.value.as_str())
                    })
                };
                let years_of_two_figures = |a: &Slot, b: &Slot| {
                    is_year(&a.value)
                        && is_year(&b.value)
                        && number_role(si, a) == NumberRole::Single
                        && number_role(sj, b) == NumberRole::Single
                        && own_figure(&all[i], &values[j])
                        && own_figure(&all[j], &values[i])
                };
                let dates_in_conflict = pairs
                    .iter()
                    .any(|(kind, _, a, b)| *kind == SlotKind::Date && !years_of_two_figures(a, b));
                let other_stages = of_other_stages(&si.text, &sj.text);
                for (kind, slot, a, b) in pairs {
                    // A value whose counterpart is another value of the same
                    // slot in the other statement ("winds of 130 kph…
                    // moving at 9 kph" / "moving at about 10 kph") is no
                    // conflict with it.
                    let matched_elsewhere =
                        |st: &Statement, own: &[Slot], x: &Slot, ox: &Statement, y: &Slot| {
                            own.iter().any(|z| {
                                z.kind == SlotKind::Number
                                    && z.key == x.key
                                    && z.span != x.span
                                    && (z.value == y.value || bounds_agree(st, z, ox, y))
                            })
                        };
                    if other_stages && kind != SlotKind::Name {
                        continue;
                    }
                    // The date of a picture or a page is not the fact's,
                    // unless the two captions are one, copied.
                    let of_a_date = kind == SlotKind::Date
                        || kind == SlotKind::Number && slot.split(' ').any(is_month_name);
                    if of_a_date
                        && shared < CAPTION_COPY * smaller
                        && (dates_a_picture(&si.text) || dates_a_picture(&sj.text))
                    {
                        continue;
                    }
                    if kind == SlotKind::Date && years_of_two_figures(&a, &b) {
                        continue;
                    }
                    // Across time zones one moment falls on two days ("6:30
                    // a.m. Sunday Japan time" / "2:30 p.m. Saturday in
                    // Albuquerque").
                    if kind == SlotKind::Date
                        && WEEKDAYS.contains(&a.value.to_lowercase().as_str())
                        && (tells_time_zone(&si.text) || tells_time_zone(&sj.text))
                    {
                        continue;
                    }
                    if kind == SlotKind::Number
                        && (number_role(si, &a) != number_role(sj, &b)
                            || of_different_owners(si, &a, sj, &b)
                            || ages_of_different_people(si, &a, sj, &b)
                            || counts_progress(si, &a)
                            || counts_progress(sj, &b)
                            || varies_by_source(si, &a)
                            || varies_by_source(sj, &b))
                    {
                        continue;
                    }
                    // Two conversions ("120 kph (75 mph)") differ with what
                    // they convert: they conflict only where that agrees,
                    // else the values converted tell the story (and may
                    // differ for a reason the rules above saw).
                    if kind == SlotKind::Number
                        && match (converted_from(si, &a), converted_from(sj, &b)) {
                            (Some(pa), Some(pb)) => pa != pb || rounded_alike(&a.value, &b.value),
                            _ => false,
                        }
                    {
                        continue;
                    }
                    if kind == SlotKind::Number
                        && (matched_elsewhere(si, &found[i], &a, sj, &b)
                            || matched_elsewhere(sj, &found[j], &b, si, &a)
                            || bounds_agree(si, &a, sj, &b)
                                && !(shared >= COPY_SHARE * smaller
                                    && one_bound_copied(si, &a, sj, &b))
                            || one_rounds_other(&a.value, &b.value)
                            || multiple_stated(si, &a, &b)
                            || multiple_stated(sj, &b, &a)
                            || (!(dates_in_conflict
                                || age_at_event(si, &a) && age_at_event(sj, &b))
                                && told_of_different_times(si, &all[i], sj, &all[j]))
                            || told_of_different_names(&all[i], &all[j], &mut actor))
                    {
                        continue;
                    }
                    // Items of two lists of different lengths ("the heads
                    // of the Congo, Chad and Sudan" / "of Niger, Chad,
                    // Mali … and Uganda") are two lists, not one slot.
                    if kind == SlotKind::Name {
                        let (la, lb) =
                            (enumeration_items(si, a.span), enumeration_items(sj, b.span));
                        if la >= 2 && lb >= 2 && la != lb {
                            continue;
                        }
                    }
                    // A statement of the fact listing both names ("the
                    // TBI or the Rogersville Police Department") says both
                    // hold.
                    if kind == SlotKind::Name
                        && f.statements
                            .iter()
                            .any(|st| lists_two(&st.text, &[&a.value, &b.value]))
                    {
                        continue;
                    }
                    if kind == SlotKind::Name
                        && (describes(si, &a, &b.value)
                            || describes(sj, &b, &a.value)
                            || used_side_by_side(p.cluster, si.doc, &a.value, sj.doc, &b.value))
                    {
                        continue;
                    }
                    let side = |st: &Statement, s: &Slot| ConflictSide {
                        doc: st.doc,
                        span: s.span,
                        value: s.value.clone(),
                        statement: st.span,
                    };
                    let (side_a, side_b) = (side(si, &a), side(sj, &b));
                    // A side overlapping one already there is that value
                    // ("Lamberto Dini" of "Foreign Minister Lamberto Dini").
                    let has = |c: &Conflict, x: &ConflictSide| {
                        c.sides
                            .iter()
                            .any(|y| y.doc == x.doc && y.span.overlaps(x.span))
                    };
                    // The same two values found both ways are one conflict;
                    // a value already in conflict gathers the other side.
                    if found_here
                        .iter()
                        .any(|c| has(c, &side_a) && has(c, &side_b))
                    {
                        continue;
                    }
                    let k = match found_here
                        .iter()
                        .position(|c| c.kind == kind && (has(c, &side_a) || has(c, &side_b)))
                    {
                        Some(k) => k,
                        None => {
                            found_here.push(Conflict {
                                fact: f.id,
                                kind,
                                slot,
                                sides: Vec::new(),
                            });
                            found_here.len() - 1
                        }
                    };
                    for side in [side_a, side_b] {
                        if !has(&found_here[k], &side) {
                            found_here[k].sides.push(side);
                        }
                    }
                }
            }
        }
        for mut c in found_here {
            c.sides.sort_by_key(|s| (s.doc, s.span.start));
            out.push(c);
        }
    }
    out
}

/// The number a value in parentheses converts, when it stands right after
/// one with its unit ("sustained winds of 130 kph (81 mph)", "10.4 billion
/// pesos (dlrs 252.8 million)"): the converted number as written, commas
/// dropped.
fn converted_from(st: &Statement, slot: &Slot) -> Option<String> {
    let before = st.before(slot)?;
    let open = before.rfind('(')?;
    // At most a currency or a hedge between the bracket and the value.
    if words(&before[open + 1..]).len() > 1 {
        return None;
    }
    // The last number among the few words before the bracket, whole
    // ("10.4 billion pesos": "10.4", not "4").
    let ahead = &before[..open];
    let near = ahead.len().saturating_sub(40);
    let near = (near..=ahead.len()).find(|&k| ahead.is_char_boundary(k))?;
    let last = ahead[near..].rfind(|c: char| c.is_ascii_digit())? + near;
    let bytes = ahead.as_bytes();
    let mut first = last;
    while first > 0 {
        let c = bytes[first - 1];
        let joins = matches!(c, b',' | b'.') && first >= 2 && bytes[first - 2].is_ascii_digit();
        if c.is_ascii_digit() || joins {
            first -= 1;
        } else {
            break;
        }
    }
    Some(ahead[first..=last].replace(',', ""))
}

/// Whether two conversions of one number differ only as roundings do
/// ("300 kilometers (187 miles)" / "300 kilometers (186 miles)"): by one,
/// or by under one percent. "Minus 26 Celsius (minus 15 / minus 4
/// Fahrenheit)" is a conflict.
fn rounded_alike(a: &str, b: &str) -> bool {
    let number = |v: &str| v.replace(',', "").parse::<f64>().ok();
    match (number(a), number(b)) {
        (Some(x), Some(y)) => {
            let gap = (x - y).abs();
            gap <= 1.0 || gap <= 0.01 * x.abs().max(y.abs())
        }
        _ => false,
    }
}

/// The number of items of the list of names that the name at `span` of
/// `st` stands in ("the heads of the Congo, Chad and Sudan": 3): the run
/// of short capitalized segments around it, split at commas, "and" and
/// "or"; 1 when it stands in none.
fn enumeration_items(st: &Statement, span: Span) -> usize {
    let (Some(start), Some(end)) = (
        span.start.checked_sub(st.span.start),
        span.end.checked_sub(st.span.start),
    ) else {
        return 1;
    };
    let text = &st.text;
    // Segments: (start, end) byte ranges between separators.
    let mut segments: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < text.len() {
        let sep = if bytes[k] == b',' {
            Some(1)
        } else if text[k..].starts_with(" and ") {
            Some(4)
        } else if text[k..].starts_with(" or ") {
            Some(3)
        } else {
            None
        };
        match sep {
            Some(len) => {
                segments.push((from, k));
                from = k + len;
                k += len;
            }
            None => k += text[k..].chars().next().map_or(1, char::len_utf8),
        }
    }
    segments.push((from, text.len()));
    let item = |&(a, b): &(usize, usize)| {
        let seg = text[a..b].trim();
        let seg = seg
            .strip_prefix("and ")
            .or_else(|| seg.strip_prefix("or "))
            .unwrap_or(seg);
        let seg = seg.strip_prefix("the ").unwrap_or(seg);
        let ws = words(seg);
        !ws.is_empty()
            && ws.len() <= 4
            && ws
                .iter()
                .all(|w| w.text.chars().next().is_some_and(char::is_uppercase))
    };
    let Some(at) = segments
        .iter()
        .position(|&(a, b)| a <= start && end <= b.max(a))
    else {
        return 1;
    };
    // The list's first item may close a longer segment ("the heads of
    // the Congo"): from the value on, or its last word, is the item.
    let capitalized_end = |&(a, b): &(usize, usize)| {
        words(&text[a..b])
            .last()
            .is_some_and(|w| w.text.chars().next().is_some_and(char::is_uppercase))
    };
    if !item(&(start, segments[at].1)) {
        return 1;
    }
    let own_whole = item(&segments[at]);
    let mut before = 0;
    if own_whole {
        before = segments[..at].iter().rev().take_while(|s| item(s)).count();
        if let Some(open) = at.checked_sub(before + 1) {
            before += usize::from(capitalized_end(&segments[open]));
        }
    }
    let after = segments[at + 1..].iter().take_while(|s| item(s)).count();
    1 + before + after
}

/// Whether the number tells how far a count has gone rather than its
/// result ("with 22 percent of the vote counted", "with 80 percent of
/// precincts reporting"): a share of the ballots, not a share won.
fn counts_progress(st: &Statement, slot: &Slot) -> bool {
    let Some(rest) = st.after(slot) else {
        return false;
    };
    let ahead: Vec<String> = words(rest).iter().take(6).map(Word::key).collect();
    let counted = |w: &str| {
        matches!(
            w,
            "counted" | "tallied" | "reporting" | "reported" | "processed"
        )
    };
    let ballots = |w: &str| matches!(w, "vote" | "votes" | "ballots" | "precincts" | "returns");
    ahead
        .iter()
        .position(|w| ballots(w))
        .and_then(|k| ahead.get(k + 1))
        .is_some_and(|w| counted(w))
}

/// Whether `st` itself says its value `own` is so many times another
/// figure, and `other` is that figure ("displaced 90,000 people, or three
/// times more than the government [says]" / "the government says 30,000"):
/// the statement compares the two values, it does not contradict one.
fn multiple_stated(st: &Statement, own: &Slot, other: &Slot) -> bool {
    let (Some(x), Some(y)) = (magnitude(&own.value), magnitude(&other.value)) else {
        return false;
    };
    if x <= 0.0 || y <= 0.0 {
        return false;
    }
    let ws = words(&st.text);
    ws.windows(2).any(|pair| {
        let before_times = pair[1].key_cow() == "times";
        let times = match (pair[0].key_cow().as_ref(), before_times) {
            ("twice" | "double", _) => Some(2.0),
            ("triple", _) => Some(3.0),
            (_, false) => None,
            ("two", true) => Some(2.0),
            ("three", true) => Some(3.0),
            ("four", true) => Some(4.0),
            ("five", true) => Some(5.0),
            ("ten", true) => Some(10.0),
            (n, true) => n.parse::<f64>().ok(),
        };
        times.is_some_and(|k| {
            let ratio = x.max(y) / x.min(y);
            k > 1.0 && (ratio - k).abs() <= 0.05 * k
        })
    })
}

/// Whether a value is a year ("1998").
fn is_year(value: &str) -> bool {
    value.len() == 4
        && value
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

/// Whether a number is one that two sources may well give differently
/// with neither wrong: a share or comment counter a page left in the text
/// ("Facebook 8 British woman…"), a time counted back from when the source
/// wrote ("2 1/2 hours ago"), a citation of a code of regulations ("7 CFR
/// 1214.10": sources cite the sections each quotes), the edition of a
/// yearly event ("the 24th annual … ceremony": another edition is another
/// event), and a stock index's move or level, which changes all day ("the
/// Dow … jumped 328 points" / "soared 371.32 points … to close").
fn varies_by_source(st: &Statement, slot: &Slot) -> bool {
    let (Some(before), Some(after)) = (st.before(slot), st.after(slot)) else {
        return false;
    };
    let behind = words(before).last().map(Word::key);
    let ahead: Vec<String> = words(after).iter().take(4).map(Word::key).collect();
    let counter = matches!(
        behind.as_deref(),
        Some("facebook" | "twitter" | "pinterest" | "linkedin" | "shares" | "comments")
    );
    let citation =
        matches!(behind.as_deref(), Some("cfr" | "usc")) || before.trim_end().ends_with('\u{a7}');
    let span_units = |w: &str| {
        matches!(
            w,
            "minute" | "minutes" | "hour" | "hours" | "day" | "days" | "week" | "weeks"
        )
    };
    let ago = ahead
        .iter()
        .position(|w| w == "ago")
        .is_some_and(|k| k > 0 && span_units(&ahead[k - 1]));
    let written = st
        .text
        .get(before.len()..st.text.len() - after.len())
        .unwrap_or_default();
    let ordinal = written.ends_with(|c: char| c.is_ascii_alphabetic())
        && written.starts_with(|c: char| c.is_ascii_digit());
    let edition = ordinal && after.starts_with(" annual");
    let stock_index = words(&st.text).iter().any(|w| {
        matches!(
            w.key_cow().as_ref(),
            "dow" | "nasdaq" | "ftse" | "nikkei" | "djia"
        )
    }) || st.text.to_lowercase().contains("s&p 500");
    counter || citation || ago || edition || stock_index
}

/// Whether a number is someone's age when a thing happened ("when he was
/// only 14", "at age 14", "at the age of 14"): that age is the event's, the
/// same whichever day a source tells of, so the dates of two tellings do
/// not make two such ages two facts.
fn age_at_event(st: &Statement, slot: &Slot) -> bool {
    let Some(before) = st.before(slot) else {
        return false;
    };
    let behind: Vec<String> = words(before).iter().rev().take(4).map(Word::key).collect();
    let at = |k: usize| behind.get(k).map(String::as_str);
    // "only", "just", "barely" may stand between the frame and the age.
    let skip = usize::from(matches!(at(0), Some("only" | "just" | "barely")));
    matches!(
        (at(skip), at(skip + 1), at(skip + 2)),
        (Some("was" | "were"), Some(_), Some("when"))
            | (Some("age"), Some("at"), _)
            | (Some("of"), Some("age"), Some("the"))
            | (Some("aged"), _, _)
    )
}

/// The part a number plays in what it is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberRole {
    /// A value of its own.
    Single,
    /// The low end of a range ("40 to 50 percent", "45-54", "between 40
    /// and 44").
    RangeLow,
    /// The high end of a range.
    RangeHigh,
    /// Odds ("a 1 in 300 chance"): the "1".
    OddsOf,
    /// Odds: the "300".
    OddsIn,
}

/// What part the number `slot` plays in `st`: a range's end or a term of
/// odds is compared only with the same part of another range or odds
/// ("spends 40 to 50 percent on overhead" / "spends 60 percent on vets").
fn number_role(st: &Statement, slot: &Slot) -> NumberRole {
    let (Some(before), Some(after)) = (st.before(slot), st.after(slot)) else {
        return NumberRole::Single;
    };
    let digit_after = |rest: &str, joint: &str| {
        rest.strip_prefix(joint)
            .map(|r| r.trim_start_matches(['$', ' ']))
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    };
    let digit_before = |joint: &str| {
        before
            .strip_suffix(joint)
            .map(|b| b.trim_end_matches(['%', ' ']))
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
    };
    let behind: Vec<String> = words(before).iter().rev().take(6).map(Word::key).collect();
    if digit_after(after, " in ") && slot.value.split(' ').next() == Some("1") {
        NumberRole::OddsOf
    } else if before.ends_with(" 1 in ") || before == "1 in " {
        NumberRole::OddsIn
    } else if digit_after(after, " to ")
        || digit_after(after, "-")
        || digit_after(after, "–")
        || behind.first().is_some_and(|w| w == "between")
    {
        NumberRole::RangeLow
    } else if digit_before(" to ")
        || digit_before("-")
        || digit_before("–")
        || digit_before(" and ") && behind.iter().any(|w| w == "between")
    {
        NumberRole::RangeHigh
    } else {
        NumberRole::Single
    }
}

/// Whether two ages describe different people: "a 9-year-old girl" / "a
/// 36-year-old vernal man" (no word of the two words after the age in
/// common).
fn ages_of_different_people(sa: &Statement, a: &Slot, sb: &Statement, b: &Slot) -> bool {
    let described = |st: &Statement, slot: &Slot| -> Option<Vec<String>> {
        let rest = st.after(slot)?;
        let rest = rest
            .strip_prefix("-year-old ")
            .or_else(|| rest.strip_prefix(" year old "))?;
        Some(words(rest).iter().take(2).map(Word::key).collect())
    };
    match (described(sa, a), described(sb, b)) {
        (Some(x), Some(y)) => !x.is_empty() && !y.is_empty() && !x.iter().any(|w| y.contains(w)),
        _ => false,
    }
}

/// Whether each number follows a different name, its owner ("Willie
/// Strickland, 42, of Fairmont" / "Melquan Williams, 21, of Fairmont": two
/// people's ages, not one told two ways).
fn of_different_owners(sa: &Statement, a: &Slot, sb: &Statement, b: &Slot) -> bool {
    let owner = |st: &Statement, slot: &Slot| -> Option<String> {
        let before = st.before(slot)?.trim_end_matches([' ', ',', '(']);
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .next()?;
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        let key = word.to_lowercase();
        (capitalized && word.len() >= 2 && !is_calendar_name(&key) && before.len() > word.len())
            .then_some(key)
    };
    match (owner(sa, a), owner(sb, b)) {
        (Some(x), Some(y)) => x != y,
        _ => false,
    }
}

/// Words that tell which stage of a count or a result a statement gives.
const STAGES: &[&str] = &[
    "first",
    "initial",
    "preliminary",
    "partial",
    "early",
    "final",
    "official",
    "full",
    "complete",
    "last",
];

/// Whether two statements give different stages of one thing ("First
/// official results are not expected until Saturday" / "Final results are
/// not expected until Sunday"): each names a stage, and not the same.
fn of_other_stages(a: &str, b: &str) -> bool {
    let stages = |text: &str| -> Vec<&str> {
        let lower = text.to_lowercase();
        STAGES
            .iter()
            .copied()
            .filter(|w| has_word(&lower, w))
            .collect()
    };
    let (sa, sb) = (stages(a), stages(b));
    !sa.is_empty() && !sb.is_empty() && !sa.iter().any(|w| sb.contains(w))
}

/// Whether two statements date what they say differently — each names a
/// day, a month or "the weekend", and none of one's is the other's ("as
/// low as minus 20 degrees over the weekend" / "On Wednesday, Poland's low
/// was minus 12"): their numbers are of two times, not one fact told two
/// ways.
fn told_of_different_times(a: &Statement, va: &[Slot], b: &Statement, vb: &[Slot]) -> bool {
    let times = |st: &Statement, vs: &[Slot]| -> Vec<String> {
        let mut t: Vec<String> = vs
            .iter()
            .filter(|s| s.kind == SlotKind::Date)
            .map(|s| s.value.to_lowercase())
            .collect();
        if has_word(&st.text.to_lowercase(), "weekend") {
            t.push("weekend".into());
        }
        t
    };
    let (ta, tb) = (times(a, va), times(b, vb));
    !ta.is_empty() && !tb.is_empty() && !ta.iter().any(|t| tb.contains(t))
}

/// Whether two statements name different actors — each names someone, and
/// no actor of one is the other's ("Xu spent 12 years in prison" / "Qin
/// Yongmin … has spent 10 years in prison"): their numbers are of two
/// actors.
fn told_of_different_names(
    va: &[Slot],
    vb: &[Slot],
    actor: &mut impl FnMut(&str) -> (String, bool),
) -> bool {
    // The words of each name as one actor writes them, a plural's "s" off
    // ("the Leonids" / "the Leonid storm" share "leonid").
    let mut names = |vs: &[Slot]| -> Vec<String> {
        vs.iter()
            .filter(|s| s.kind == SlotKind::Name)
            .flat_map(|s| {
                actor(&s.value)
                    .0
                    .split_whitespace()
                    .map(|w| w.to_lowercase().trim_end_matches('s').to_owned())
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let (na, nb) = (names(va), names(vb));
    !na.is_empty() && !nb.is_empty() && !na.iter().any(|n| nb.contains(n))
}

/// Every value of a statement (`text` at `offset` in its document), for
/// alignment: numbers (with their scale), years, months (with the day),
/// weekdays, and runs of capitalized words, a capitalized function word
/// opening them left out ("In Taipei" → "Taipei").
fn values_of(
    text: &str,
    offset: usize,
    stop: &StopWords,
    lowercase: &FxHashSet<String>,
    lowercased_source: bool,
) -> Vec<Slot> {
    let ws: Vec<Word<'_>> = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    // The key tells a date's form: a weekday, a month's day, a year.
    let slot = |kind, key: &str, value: String, a: &Word<'_>, b: &Word<'_>| Slot {
        kind,
        key: key.to_owned(),
        value,
        span: Span::new(offset + a.start, offset + b.end),
    };
    while i < ws.len() {
        let w = &ws[i];
        let lower = w.text.to_lowercase();
        if is_numeric(w.text) && !is_character_reference(text, w) {
            let mut j = number_end(&ws, text, i);
            // A day before its month ("on 25 January") is the date "Jan.
            // 25" is.
            if let Some(month) = ws.get(j + 1).filter(|m| {
                j == i
                    && w.text.len() <= 2
                    && m.is_capitalized()
                    && is_month_name(&m.text.to_lowercase())
            }) {
                let name: String = month.text.to_lowercase().chars().take(3).collect();
                out.push(slot(
                    SlotKind::Date,
                    "date",
                    format!("{name} {}", w.text),
                    w,
                    month,
                ));
                i = j + 2;
                continue;
            }
            let mut value = number_value_at(text, &ws, i, j);
            let is_year = j == i
                && w.text.len() == 4
                && (w.text.starts_with("19") || w.text.starts_with("20"));
            let (kind, key) = if is_year {
                (SlotKind::Date, "year")
            } else {
                (SlotKind::Number, "")
            };
            if let Some(next) = ws.get(j + 1) {
                let k = next.text.to_lowercase();
                if !is_year && !value.contains(' ') && SCALES.contains(&k.as_str()) {
                    value.push(' ');
                    value.push_str(&k);
                    j += 1;
                }
            }
            out.push(slot(kind, key, value, &ws[i], &ws[j]));
            i = j + 1;
            continue;
        }
        if is_month_name(&lower) && w.is_capitalized() {
            let day = ws
                .get(i + 1)
                .is_some_and(|n| is_numeric(n.text) && n.text.len() <= 2);
            let end = if day { i + 1 } else { i };
            // "Nov. 12" and "November 12" are one date.
            let month: String = lower.chars().take(3).collect();
            let value = if day {
                format!("{month} {}", ws[end].text)
            } else {
                month
            };
            out.push(slot(SlotKind::Date, "date", value, &ws[i], &ws[end]));
            i = end + 1;
            continue;
        }
        if WEEKDAYS.contains(&lower.as_str()) {
            // "said Wednesday": the day a source reports, which sources
            // differ on without disagreeing.
            let speech = |k: usize| {
                i.checked_sub(k)
                    .is_some_and(|b| is_speech_verb(&ws[b].text.to_lowercase()))
            };
            let reported = speech(1) || (speech(2) && ws[i - 1].text == "on");
            if !reported {
                out.push(slot(SlotKind::Date, "weekday", lower, w, w));
            }
            i += 1;
            continue;
        }
        // A word opening a sentence that the cluster also writes in
        // lowercase is no name ("Police said", "Official results").
        let opening = i == 0
            || text[ws[i - 1].end..w.start].chars().any(|c| {
                matches!(
                    c,
                    '.' | '!' | '?' | ':' | ';' | '"' | '\u{201c}' | '(' | '\u{2014}'
                )
            });
        // In a source lowercased but for its openings (the truncated
        // Multi-News release), an opening capital is all a word has: it
        // tells no name ("the u.s. Spy plane" / "a u.s. Reconnaissance
        // plane").
        if opening && w.is_capitalized() && (lowercased_source || lowercase.contains(&lower)) {
            i += 1;
            continue;
        }
        // A function word capitalized after a lowercase word, mid-clause,
        // is part of a name ("the With States"); "I" always is capitalized.
        let mid_clause = i > 0
            && !ws[i - 1].is_capitalized()
            && text[ws[i - 1].end..w.start]
                .chars()
                .all(|c| c == ' ' || c == ',')
            && lower != "i"
            && !lower.starts_with("i'")
            && !lower.starts_with("i\u{2019}");
        if w.is_capitalized() && (!stop.contains(&lower) || mid_clause) && !is_calendar_name(&lower)
        {
            let mut j = i;
            // Hyphens join a name's parts too ("Franz-Joseph", "Serbo-Croatian").
            while j + 1 < ws.len()
                && ws[j + 1].is_capitalized()
                && matches!(&text[ws[j].end..ws[j + 1].start], " " | "-")
                && !is_calendar_name(&ws[j + 1].text.to_lowercase())
            {
                j += 1;
            }
            let value = text[ws[i].start..ws[j].end].to_owned();
            out.push(slot(SlotKind::Name, "", value, &ws[i], &ws[j]));
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// How a statement qualifies a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Exact,
    /// "more than", "at least".
    AtLeast,
    /// "nearly", "up to".
    AtMost,
    /// "about", "some".
    About,
}

/// A word that qualifies the number after it ("only 14", "about 100").
fn is_qualifier(word: &str) -> bool {
    matches!(
        word,
        "only"
            | "just"
            | "barely"
            | "about"
            | "around"
            | "some"
            | "roughly"
            | "approximately"
            | "nearly"
            | "almost"
            | "over"
            | "under"
    )
}

/// The qualifier before the number at `value` of statement `st`.
fn bound_of(st: &Statement, value: &Slot) -> Bound {
    let before = st.before(value).unwrap_or_default();
    let ws = words(before);
    let last: Vec<String> = ws
        .iter()
        .rev()
        .take(2)
        .map(|w| w.text.to_lowercase())
        .collect();
    let one = last.first().map_or("", String::as_str);
    let two = last.get(1).map_or("", String::as_str);
    match (two, one) {
        ("more" | "greater" | "at", "than" | "least") | (_, "over" | "above" | "upwards") => {
            Bound::AtLeast
        }
        ("less" | "fewer", "than")
        | ("up", "to")
        | (_, "nearly" | "almost" | "under" | "below") => Bound::AtMost,
        (_, "about" | "around" | "some" | "roughly" | "approximately" | "estimated") => {
            Bound::About
        }
        _ => Bound::Exact,
    }
}

/// A number's value with its scale ("5 million" → 5e6, "4½" → 4.5).
fn magnitude(value: &str) -> Option<f64> {
    let mut parts = value.split(' ');
    let number = parts.next()?;
    let (whole, fraction) = match number.char_indices().last() {
        Some((at, '½')) => (&number[..at], 0.5),
        Some((at, '¼')) => (&number[..at], 0.25),
        Some((at, '¾')) => (&number[..at], 0.75),
        _ => (number, 0.0),
    };
    let n: f64 = if whole.is_empty() && fraction > 0.0 {
        0.0
    } else {
        whole.parse().ok()?
    } + fraction;
    let scale = match parts.next() {
        Some("thousand") => 1e3,
        Some("million") => 1e6,
        Some("billion") => 1e9,
        Some("trillion") => 1e12,
        Some("hundred") => 1e2,
        _ => 1.0,
    };
    Some(n * scale)
}

/// Whether one number is the other rounded to thousands or more ("2.6
/// million" / "2.59 million", "$64,000" / "$64,009"): within half a unit
/// of the rounded one's last figure, and under half a percent apart.
fn one_rounds_other(a: &str, b: &str) -> bool {
    // The place of a value's last significant figure, with its scale.
    let unit = |v: &str| -> Option<f64> {
        let number = v.split(' ').next()?;
        let scale = magnitude(v)? / number.parse::<f64>().ok().filter(|n| *n != 0.0)?;
        let place = match number.split_once('.') {
            Some((_, decimals)) => 10f64.powi(-i32::try_from(decimals.len()).ok()?),
            None => {
                10f64.powi(i32::try_from(number.len() - number.trim_end_matches('0').len()).ok()?)
            }
        };
        Some(place * scale)
    };
    let (Some(x), Some(y), Some(ux), Some(uy)) = (magnitude(a), magnitude(b), unit(a), unit(b))
    else {
        return false;
    };
    // Only thousands and up are rounded that way: "all 230 people" is
    // no rounding of 229, nor "the 3300 block" of 3291.
    let coarser = ux.max(uy);
    ux != uy
        && coarser >= 1000.0
        && (x - y).abs() <= coarser / 2.0
        && (x - y).abs() <= 0.005 * x.abs().max(y.abs())
}

/// Whether two numbers the statements qualify as bounds or estimates
/// agree ("more than 150 people" / "at least 156 people"; "more than 10
/// years" / "12 years"; "about 100" / "105").
/// Whether two values carry the same bound in the same words ("at least
/// 16 cases" / "at least 24 cases"): in one sentence copied by two
/// sources, a bound that changed is a changed figure, though two lower
/// bounds could both hold.
fn one_bound_copied(sa: &Statement, a: &Slot, sb: &Statement, b: &Slot) -> bool {
    let qualifier = |st: &Statement, v: &Slot| -> Vec<String> {
        words(st.before(v).unwrap_or_default())
            .iter()
            .rev()
            .take(2)
            .map(Word::key)
            .collect()
    };
    let bound = bound_of(sa, a);
    bound != Bound::Exact
        && bound == bound_of(sb, b)
        && a.value != b.value
        && qualifier(sa, a) == qualifier(sb, b)
}

/// How many times the other a lower bound must be to disagree with it.
const LOWER_BOUNDS_APART: f64 = 2.0;

fn bounds_agree(sa: &Statement, a: &Slot, sb: &Statement, b: &Slot) -> bool {
    let (Some(x), Some(y)) = (magnitude(&a.value), magnitude(&b.value)) else {
        return false;
    };
    // One number written two ways ("4½" / "4.5").
    if x == y {
        return true;
    }
    let fits = |bound: Bound, v: f64, other: f64| match bound {
        Bound::Exact => false,
        Bound::AtLeast => other >= v,
        Bound::AtMost => other <= v,
        Bound::About => (other - v).abs() <= 0.1 * v.abs(),
    };
    let (ba, bb) = (bound_of(sa, a), bound_of(sb, b));
    // Two lower bounds agree unless one is several times the other ("more
    // than 2 million shares" / "more than 11 million"): sources round a
    // figure down to a bound, not to a fraction of it. Two "up to"s report
    // two peaks.
    let far = x.max(y) >= LOWER_BOUNDS_APART * x.min(y);
    fits(ba, x, y) && !(far && bb == Bound::AtLeast)
        || fits(bb, y, x) && !(far && ba == Bound::AtLeast)
        || (ba == Bound::AtLeast && bb == Bound::AtLeast && !far)
}

/// Share of two quotations' words aligned (2·LCS / words) for them to be
/// one quotation as two sources carry it.
const SAME_QUOTE: f64 = 0.6;

/// The same quotation named to two people by two statements' sources
/// (`"…," said Kerry` / `"…," Netanyahu said`): each speaker named next to
/// the quotation in its statement.
fn speaker_conflicts(
    cluster: &Cluster,
    a: &Statement,
    b: &Statement,
    quotations: &[Vec<Quotation>],
) -> Vec<(SlotKind, String, Slot, Slot)> {
    let named = |st: &Statement| -> Vec<(&Quotation, Span, &str)> {
        let Some(qs) = quotations.get(st.doc) else {
            return Vec::new();
        };
        qs.iter()
            .filter(|q| q.kind == Some(SpeakerKind::Named))
            .filter(|q| q.span.overlaps(st.span))
            .filter_map(|q| {
                let span = q.speaker_span?;
                let name = q.speaker.as_deref()?;
                (st.span.start <= span.start && span.end <= st.span.end).then_some((q, span, name))
            })
            .collect()
    };
    let text = |doc: usize, span: Span| {
        cluster
            .documents
            .get(doc)
            .and_then(|d| d.text.get(span.range()))
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (qa, span_a, name_a) in named(a) {
        for &(qb, span_b, name_b) in &named(b) {
            let (ka, kb): (Vec<String>, Vec<String>) = (
                words(text(a.doc, qa.span)).iter().map(Word::key).collect(),
                words(text(b.doc, qb.span)).iter().map(Word::key).collect(),
            );
            // A word or a title in quotation marks ("sociopath", a show's
            // name: "State of the Union") is no quotation two speakers
            // could be given: sources quote it of anyone.
            if ka.len() > MAX_ALIGN_WORDS
                || kb.len() > MAX_ALIGN_WORDS
                || ka.len().min(kb.len()) < MIN_QUOTE_WORDS
            {
                continue;
            }
            // One family name is one speaker ("Arafat Arafat", a slip, and
            // "Yasser Arafat").
            let family = |n: &str| n.split_whitespace().last().map(str::to_lowercase);
            // A statement that names the other's speaker too ("Prosecutors
            // alleged that … "…," trainer Brett Kimball testified") may
            // give the quotation to either; its source does not say
            // another spoke.
            let names_too = |st: &Statement, name: &str| {
                let lower = st.text.to_lowercase();
                name.split_whitespace().count() >= 2 && lower.contains(&name.to_lowercase())
            };
            if lcs_ratio(&ka, &kb) < SAME_QUOTE
                || same_name(name_a, name_b)
                || family(name_a) == family(name_b)
                || names_too(a, name_b)
                || names_too(b, name_a)
            {
                continue;
            }
            let slot = |value: &str, span: Span| Slot {
                kind: SlotKind::Name,
                key: String::new(),
                value: value.to_owned(),
                span,
            };
            out.push((
                SlotKind::Name,
                "speaker".to_owned(),
                slot(name_a, span_a),
                slot(name_b, span_b),
            ));
        }
    }
    out
}

/// Fewest words of a quotation whose speakers are compared.
const MIN_QUOTE_WORDS: usize = 6;

/// Longest statement, in words, that is aligned (the alignment is
/// quadratic; news sentences are far shorter).
const MAX_ALIGN_WORDS: usize = 150;

/// Most words a differing stretch of an alignment has on either side for
/// its values to be compared (a changed value, not a rewritten clause).
const MAX_HUNK_WORDS: usize = 4;

/// Aligned words around a short differing stretch, both sides together
/// ("below dlrs 50 billion from" / "around dlrs 40 billion to" is two:
/// too little to tell one slot).
const MIN_ANCHOR_WORDS: usize = 2;

/// Share of two statements' words their alignment pairs (2·LCS / words)
/// for the values in it to be compared.
const MIN_ALIGNED_SHARE: f64 = 0.4;

/// Share of two statements' content words (stopwords aside) their
/// alignment pairs, enough for the values in it to be compared though
/// fewer of all their words align ("officers were called to a home on the
/// 900 block of Buffalo Springs Drive" / "investigating the double murder
/// in the 800 block of Buffalo Springs Drive"). Chosen on the injected
/// conflicts of Multi-News dev and DUC 2003 with the conflicts flagged on
/// their unmodified clusters; 300 validation clusters flag one more, a
/// true one (an age of 35 / 36).
const MIN_ALIGNED_CONTENT_SHARE: f64 = 0.35;

/// Most words on either side of a stretch put for another between aligned
/// words that the shares count as aligned.
const MAX_SUBSTITUTED: usize = 2;

/// Share of the smaller sentence's content terms two statements of one
/// fact share for their word alignment to be read.
const ALIGN_OVERLAP: f64 = 0.5;

/// One part of a date given two ways next to the same other part, in
/// place or not ("in March 2018" / "won March 2012 in a drawing", "won
/// March 2012" / "in April 2012"): the same month before two years, the
/// same year after two months. Neither value may stand elsewhere in the
/// other statement.
fn dates_in_one_frame(
    a: &Statement,
    b: &Statement,
    va: &[Slot],
    vb: &[Slot],
) -> Vec<(SlotKind, String, Slot, Slot)> {
    let (wa, wb) = (words(&a.text), words(&b.text));
    let ka: Vec<String> = wa.iter().map(Word::key).collect();
    let kb: Vec<String> = wb.iter().map(Word::key).collect();
    let dated = |k: &str| {
        k.bytes().all(|b| b.is_ascii_digit()) && (1..=4).contains(&k.len())
            || crate::text::calendar::MONTH_NAMES.contains(&k)
            || crate::text::calendar::MONTH_ABBREVIATIONS
                .iter()
                .any(|(m, _)| *m == k)
    };
    // The single word a date value covers.
    let word_of = |s: &Slot, ws: &[Word<'_>], off: usize| -> Option<usize> {
        let first = ws.partition_point(|t| off + t.end <= s.span.start);
        let last = ws.partition_point(|t| off + t.start < s.span.end);
        (last == first + 1).then_some(first)
    };
    let states = |vs: &[Slot], value: &str| vs.iter().any(|s| s.value == value);
    let mut out = Vec::new();
    for x in va.iter().filter(|x| x.kind == SlotKind::Date) {
        let Some(t) = word_of(x, &wa, a.span.start) else {
            continue;
        };
        for y in vb
            .iter()
            .filter(|y| y.kind == SlotKind::Date && y.key == x.key && y.value != x.value)
        {
            let Some(u) = word_of(y, &wb, b.span.start) else {
                continue;
            };
            if states(vb, &x.value) || states(va, &y.value) {
                continue;
            }
            let same = |t: Option<usize>, u: Option<usize>| match (t, u) {
                (Some(t), Some(u)) => ka.get(t).is_some_and(|k| Some(k) == kb.get(u) && dated(k)),
                _ => false,
            };
            let before = same(t.checked_sub(1), u.checked_sub(1));
            if before || same(Some(t + 1), Some(u + 1)) {
                let next = if before {
                    format!("{} _", ka[t - 1])
                } else {
                    format!("_ {}", ka[t + 1])
                };
                out.push((SlotKind::Date, next, x.clone(), y.clone()));
            }
        }
    }
    out
}

/// A time of day: hour on a 12-hour dial, minutes, and whether it is
/// p.m. when the text says.
type ClockTime = (u32, u32, Option<bool>);

/// Clock times of a statement ("6 p.m.", "10:30 a.m.", "6:00"): each as
/// (hour on a 12-hour dial, minutes, whether a.m./p.m. says which half,
/// p.m.) and its bytes in the statement. A time after "as of", "by",
/// "until", "since", "before" or "after" bounds a count or a wait rather
/// than saying when the fact happened, and is left out.
fn clock_times(text: &str) -> Vec<(ClockTime, std::ops::Range<usize>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b':';
        if !(starts_word && bytes[i].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        let hour: u32 = text[i..j].parse().unwrap_or(99);
        let mut minutes = None;
        let mut end = j;
        // "6:15", or "6: 15" as the truncated Multi-News release writes it.
        let m = j + 1 + usize::from(bytes.get(j + 1) == Some(&b' '));
        if bytes.get(j) == Some(&b':')
            && bytes
                .get(m..m + 2)
                .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
            && !bytes.get(m + 2).is_some_and(u8::is_ascii_digit)
        {
            minutes = text[m..m + 2].parse::<u32>().ok();
            end = m + 2;
        }
        let rest = text[end..].trim_start_matches(' ');
        let lower = rest.get(..4).unwrap_or(rest).to_ascii_lowercase();
        let half = if lower.starts_with("a.m") || lower.starts_with("am ") || lower == "am" {
            Some(false)
        } else if lower.starts_with("p.m") || lower.starts_with("pm ") || lower == "pm" {
            Some(true)
        } else {
            None
        };
        if half.is_some() {
            let marker = rest
                .char_indices()
                .take_while(|&(_, c)| c.is_ascii_alphabetic() || c == '.')
                .last()
                .map_or(0, |(k, c)| k + c.len_utf8());
            end = text.len() - rest.len() + marker;
        }
        let time = hour <= 24 && (half.is_some() || minutes.is_some());
        if time {
            let before: Vec<String> = words(&text[..i])
                .iter()
                .rev()
                .take(4)
                .map(Word::key)
                .collect();
            // A page's own time stamp ("Update (2/6/18 9:49 a.m.):", "(all
            // times local): 10 a.m."), not the fact's.
            let stamp = before.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "update" | "updated" | "posted" | "published" | "times"
                )
            });
            let bound = stamp
                || match before.as_slice() {
                    [w, ..]
                        if matches!(
                            w.as_str(),
                            "by" | "until" | "till" | "since" | "before" | "after"
                        ) =>
                    {
                        true
                    }
                    [of, as_, ..] => of == "of" && as_ == "as",
                    _ => false,
                };
            if !bound {
                let half = half.or((hour > 12).then_some(true));
                out.push(((hour % 12, minutes.unwrap_or(0), half), i..end));
            }
        }
        // The minutes are no hour of their own.
        i = if minutes.is_some() { end } else { j.max(i + 1) };
    }
    out
}

/// A statement that only gives someone's age ("He was 89.", "Scott was
/// 48."): who (the pronoun or name, lowercased) and where the number stands
/// in `text`.
fn short_age(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    let ws = words(text);
    let (subject, rest) = ws.split_first()?;
    let rest = match rest {
        [verb, aged, n]
            if matches!(verb.key_cow().as_ref(), "was" | "is") && aged.key() == "aged" =>
        {
            n
        }
        [verb, n] if matches!(verb.key_cow().as_ref(), "was" | "is") => n,
        _ => return None,
    };
    let subject_key = subject.key();
    let person = matches!(subject_key.as_str(), "he" | "she")
        || subject.is_capitalized()
            && !matches!(subject_key.as_str(), "it" | "this" | "that" | "there");
    rest.text
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=130).contains(n))?;
    // Nothing but a closing period may follow the number.
    let tail = text.get(rest.end..)?.trim();
    (person && matches!(tail, "" | ".")).then_some((subject_key, rest.start..rest.end))
}

/// Two statements that only give one person's age, differing ("He was
/// 89." / "He was 86.").
fn short_ages(a: &Statement, b: &Statement) -> Option<(SlotKind, String, Slot, Slot)> {
    let ((who_a, ra), (who_b, rb)) = (short_age(&a.text)?, short_age(&b.text)?);
    let slot = |st: &Statement, r: std::ops::Range<usize>| Slot {
        kind: SlotKind::Number,
        key: "age".into(),
        value: st.text[r.clone()].to_owned(),
        span: Span::new(st.span.start + r.start, st.span.start + r.end),
    };
    (who_a == who_b && a.text[ra.clone()] != b.text[rb.clone()])
        .then(|| (SlotKind::Number, "age".to_owned(), slot(a, ra), slot(b, rb)))
}

/// Whether a statement dates a picture or a page rather than an event: a
/// photo caption ("… speaks in the East Room, Monday, Feb. 9, 2015.": a
/// weekday, a month's day and a year together, which news prose does not
/// write), a page's stamp ("Published on Jul 21, 2015").
fn dates_a_picture(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.trim_start().starts_with("published on") {
        return true;
    }
    let ws = words(text);
    ws.windows(4).any(|w| {
        let key = |k: usize| w[k].key();
        WEEKDAYS.contains(&key(0).as_str())
            && is_month_name(&key(1))
            && w[2].text.len() <= 2
            && w[2].text.bytes().all(|b| b.is_ascii_digit())
            && w[3].text.len() == 4
            && w[3].text.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Whether two statements give one time of day ("6 p.m." / "6:00").
fn same_clock_time(a: &Statement, b: &Statement) -> bool {
    let tb = clock_times(&b.text);
    clock_times(&a.text).iter().any(|(x, _)| {
        tb.iter().any(|(y, _)| {
            x.0 == y.0 && x.1 == y.1 && (x.2.is_none() || y.2.is_none() || x.2 == y.2)
        })
    })
}

/// The one clock time each of two statements sharing most terms gives,
/// when they differ ("a vigil will be held at 10 p.m. Thursday at the
/// center" / "holding a vigil Thursday at 6:00 at the center"). Two
/// statements giving several times may tell several moments.
fn lone_clock_times(a: &Statement, b: &Statement) -> Option<(SlotKind, String, Slot, Slot)> {
    let lone = |st: &Statement| {
        let times = clock_times(&st.text);
        match &times[..] {
            [(t, r)] => Some((
                *t,
                Slot {
                    kind: SlotKind::Date,
                    key: "time".into(),
                    value: st.text[r.clone()].to_owned(),
                    span: Span::new(st.span.start + r.start, st.span.start + r.end),
                },
            )),
            _ => None,
        }
    };
    let ((ta, x), (tb, y)) = (lone(a)?, lone(b)?);
    let halves_differ = matches!((ta.2, tb.2), (Some(p), Some(q)) if p != q);
    (ta.0 != tb.0 || ta.1 != tb.1 || halves_differ)
        .then(|| (SlotKind::Date, "time".to_owned(), x, y))
}

/// The one weekday each of two statements sharing most terms gives, when
/// they differ ("a vigil will be held at 6 p.m. Friday at the center" /
/// "holding a vigil Thursday at 6:00 at the center"): one day told two
/// ways. A statement naming two days may tell two events, and a day
/// after a verb of saying ("police said Tuesday") dates the report, not
/// the fact, so neither counts.
fn lone_weekdays(
    a: &Statement,
    b: &Statement,
    slots_a: &[Slot],
    slots_b: &[Slot],
) -> Option<(SlotKind, String, Slot, Slot)> {
    let lone = |st: &Statement, slots: &[Slot]| -> Option<Slot> {
        let mut days = slots
            .iter()
            .filter(|s| s.kind == SlotKind::Date && s.key == "weekday");
        let day = days.next()?;
        if days.next().is_some() {
            return None;
        }
        let start = day.span.start.checked_sub(st.span.start)?;
        // "Tuesday night's expected storm": the day of what the phrase
        // names, not of the fact.
        let after = words(st.text.get(start..)?);
        if after.first().is_some_and(|w| w.possessive)
            || after.get(1).is_some_and(|w| {
                w.possessive
                    && matches!(
                        w.key().as_str(),
                        "morning" | "afternoon" | "evening" | "night"
                    )
            })
        {
            return None;
        }
        let before: Vec<String> = words(st.before(day)?)
            .iter()
            .rev()
            .take(2)
            .map(Word::key)
            .collect();
        let reported = match before.as_slice() {
            [w, ..] if is_speech_verb(w) => true,
            [on, w] if on == "on" => is_speech_verb(w),
            _ => false,
        };
        (!reported).then(|| day.clone())
    };
    let (x, y) = (lone(a, slots_a)?, lone(b, slots_b)?);
    (x.value != y.value).then(|| (SlotKind::Date, "weekday".to_owned(), x, y))
}

/// Whether `text` says in which time zone it tells the time ("local
/// time", "Sunday Japan time", "GMT").
fn tells_time_zone(text: &str) -> bool {
    let ws = words(text);
    ws.iter().enumerate().any(|(i, w)| {
        matches!(
            w.text,
            "GMT"
                | "UTC"
                | "EST"
                | "EDT"
                | "CST"
                | "CDT"
                | "MST"
                | "MDT"
                | "PST"
                | "PDT"
                | "BST"
                | "CET"
        ) || w.key_cow() == "time"
            && i > 0
            && (ws[i - 1].key_cow() == "local"
                || i > 1 && WEEKDAYS.contains(&ws[i - 2].key().as_str()))
    })
}

/// Whether `text` joins two of the conflict's names by "or" or "and"
/// within a few words ("…the Tennessee Bureau of Investigation at
/// 1-800-TBI-FIND or the Rogersville Police Department…"): a list of
/// both, so the names are no alternatives.
fn lists_two(text: &str, values: &[&str]) -> bool {
    const NEAR: usize = 40;
    let found: Vec<(usize, usize, &str)> = values
        .iter()
        .flat_map(|&value| {
            crate::text::words::whole_word_at(text, value)
                .map(move |at| (at, at + value.len(), value))
        })
        .collect();
    found.iter().any(|&(_, end, a)| {
        found.iter().any(|&(start, _, b)| {
            a != b
                && !same_name(a, b)
                && start > end
                && start - end <= NEAR
                && text[end..start]
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "or" || w == "and")
        })
    })
}

/// Whether two one-word names are used side by side for one thing: each
/// source writes the other's word too, and its own more than once ("the
/// Games" / "the Olympics" across a story). One source's single use of a
/// word the other writes is left a conflict.
fn used_side_by_side(cluster: &Cluster, doc_a: usize, a: &str, doc_b: usize, b: &str) -> bool {
    if a.contains(char::is_whitespace) || b.contains(char::is_whitespace) {
        return false;
    }
    let count = |doc: usize, word: &str| uses_of_word(cluster, doc, word);
    count(doc_a, a) >= 2 && count(doc_a, b) >= 1 && count(doc_b, b) >= 2 && count(doc_b, a) >= 1
}

/// Whether `slot` is one capitalized word opening its statement that
/// describes what `other` names: the word after it is a word of `other`
/// written in lowercase ("Local police sent…" / "Plantation Police
/// sent…"), a description of the same thing rather than another name.
fn describes(st: &Statement, slot: &Slot, other: &str) -> bool {
    let ws = words(&st.text);
    let Some(k) = ws
        .iter()
        .position(|w| st.span.start + w.start == slot.span.start)
    else {
        return false;
    };
    let one_word = ws
        .get(k)
        .is_some_and(|w| st.span.start + w.end == slot.span.end);
    let opening = k == 0;
    let next_describes = ws.get(k + 1).is_some_and(|next| {
        next.text.chars().next().is_some_and(char::is_lowercase)
            && words(other)
                .iter()
                .any(|o| o.text.eq_ignore_ascii_case(next.text))
    });
    one_word && opening && next_describes
}

/// What reading two statements of a cluster needs besides them: the
/// stopwords, and the cluster's documents (how else they write a name).
struct Reading<'a> {
    stop: &'a StopWords,
    cluster: &'a Cluster,
}

/// How many times the document writes `word` as a whole word.
fn uses_of_word(cluster: &Cluster, doc: usize, word: &str) -> usize {
    cluster.documents.get(doc).map_or(0, |d| {
        crate::text::words::whole_word_at(&d.text, word).count()
    })
}

/// Whether the document writes `word` as a whole word.
fn writes_word(cluster: &Cluster, doc: usize, word: &str) -> bool {
    cluster
        .documents
        .get(doc)
        .is_some_and(|d| crate::text::words::has_word(&d.text, word))
}

/// Values of two statements standing in the same place of their word
/// alignment (longest common subsequence of lowercase words) and
/// differing: each differing stretch, anchored by aligned words on both
/// sides (or a sentence edge), holding one value of one kind on each side.
/// A value the other statement states elsewhere is no conflict, nor two
/// forms of one name, a title against a name ("Mr." / "Sergey"), or two
/// names of one actor (`same_actor`).
fn aligned_values(
    a: &Statement,
    b: &Statement,
    va: &[Slot],
    vb: &[Slot],
    cx: &Reading<'_>,
    actor: &mut impl FnMut(&str) -> (String, bool),
) -> Vec<(SlotKind, String, Slot, Slot)> {
    let stop = cx.stop;
    let region = |name: &str| written_as_region(cx.cluster, name);
    let region = &region;
    let (wa, wb) = (words(&a.text), words(&b.text));
    let (n, m) = (wa.len(), wb.len());
    if n == 0 || m == 0 || n > MAX_ALIGN_WORDS || m > MAX_ALIGN_WORDS {
        return Vec::new();
    }
    // An owner aligns with an owner only ("outside Austin's apartment" is
    // not the "Austin" another statement says was confronted).
    let align_key = |w: &Word<'_>| {
        let key = w.key();
        if w.possessive {
            key + "'s"
        } else {
            key
        }
    };
    let ka: Vec<String> = wa.iter().map(align_key).collect();
    let kb: Vec<String> = wb.iter().map(align_key).collect();
    // lcs[i][j]: the longest common subsequence of ka[i..] and kb[j..].
    let w = m + 1;
    let mut lcs = vec![0u16; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if ka[i] == kb[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let mut matches: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if ka[i] == kb[j] {
            matches.push((i, j));
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    // Share of the two sentences' words aligned: a value differing in
    // sentences that differ much elsewhere too is as often another fact
    // ("his 15-year-old girlfriend died in the fire" / "12-year-old
    // Jasmin … died in the fire").
    // A word or two put for another between aligned words ("that Spacey
    // made" / "that Plummer made", "was only 14" / "was 9") counts as
    // aligned: the statements are as close as if it were the same word,
    // and the changed value is what is being looked for.
    let substituted: Vec<usize> = matches
        .windows(2)
        .flat_map(|pair| {
            let (ga, gb) = (pair[1].0 - pair[0].0 - 1, pair[1].1 - pair[0].1 - 1);
            let k = if ga >= 1 && gb >= 1 && ga.max(gb) <= MAX_SUBSTITUTED {
                ga.min(gb)
            } else {
                0
            };
            (pair[0].0 + 1..pair[0].0 + 1 + k).collect::<Vec<_>>()
        })
        .collect();
    let aligned_share = 2.0 * (matches.len() + substituted.len()) as f64 / (n + m) as f64;
    let content = |k: &[String]| k.iter().filter(|w| !stop.contains(w)).count();
    let content_matched = matches
        .iter()
        .map(|&(x, _)| x)
        .chain(substituted.iter().copied())
        .filter(|&x| !stop.contains(&ka[x]))
        .count();
    let content_share = 2.0 * content_matched as f64 / (content(&ka) + content(&kb)).max(1) as f64;
    if aligned_share < MIN_ALIGNED_SHARE && content_share < MIN_ALIGNED_CONTENT_SHARE {
        return Vec::new();
    }
    let mut matched_a = vec![false; n];
    let mut matched_b = vec![false; m];
    let mut match_of_a = vec![None; n];
    for &(x, y) in &matches {
        matched_a[x] = true;
        matched_b[y] = true;
        match_of_a[x] = Some(y);
    }
    // Aligned words in a row ending at / starting from each match.
    let mut run_before = vec![1usize; matches.len()];
    for k in 1..matches.len() {
        if matches[k] == (matches[k - 1].0 + 1, matches[k - 1].1 + 1) {
            run_before[k] = run_before[k - 1] + 1;
        }
    }
    let mut run_after = vec![1usize; matches.len()];
    for k in (0..matches.len().saturating_sub(1)).rev() {
        if matches[k + 1] == (matches[k].0 + 1, matches[k].1 + 1) {
            run_after[k] = run_after[k + 1] + 1;
        }
    }
    let offset_a = a.span.start;
    let offset_b = b.span.start;
    let within = |s: &Slot, ws: &[Word<'_>], off: usize, r: std::ops::Range<usize>| {
        let (start, end) = (off + ws[r.start].start, off + ws[r.end - 1].end);
        s.span.start < end && start < s.span.end
    };
    // Values outside aligned words: where a value "moved" to. A name
    // written as an owner ("outside Austin's apartment") is another role
    // of it, not the value moved ("confronted Austin" / "confronted
    // Washington outside Austin's apartment").
    let unaligned = |vs: &[Slot], ws: &[Word<'_>], off: usize, matched: &[bool]| -> Vec<String> {
        vs.iter()
            .filter(|s| {
                let owner = s.kind == SlotKind::Name
                    && ws
                        .iter()
                        .rev()
                        .find(|x| off + x.start < s.span.end)
                        .is_some_and(|x| x.possessive);
                !owner
                    && ws.iter().zip(matched).any(|(x, &mt)| {
                        !mt && s.span.start <= off + x.start && off + x.end <= s.span.end
                    })
            })
            .map(|s| s.value.clone())
            .collect()
    };
    let (loose_a, loose_b) = (
        unaligned(va, &wa, offset_a, &matched_a),
        unaligned(vb, &wb, offset_b, &matched_b),
    );
    // Words of a statement a value covers.
    let covered = |s: &Slot, ws: &[Word<'_>], off: usize| -> std::ops::Range<usize> {
        let first = ws.partition_point(|t| off + t.end <= s.span.start);
        let last = ws.partition_point(|t| off + t.start < s.span.end);
        first..last.max(first)
    };
    let stop_free_a = |r: std::ops::Range<usize>| r.into_iter().any(|t| !stop.contains(&ka[t]));
    let mut candidates: Vec<(&Slot, &Slot)> = Vec::new();
    for k in 0..=matches.len() {
        let (a0, b0) = match k.checked_sub(1) {
            Some(p) => (matches[p].0 + 1, matches[p].1 + 1),
            None => (0, 0),
        };
        let (a1, b1) = matches.get(k).copied().unwrap_or((n, m));
        if a0 >= a1 || b0 >= b1 {
            continue;
        }
        let left = k.checked_sub(1).map_or(0, |p| run_before[p]);
        let right = run_after.get(k).copied().unwrap_or(0);
        let stop_free = |r: std::ops::Range<usize>| r.into_iter().any(|t| !stop.contains(&ka[t]));
        let in_a: Vec<&Slot> = va
            .iter()
            .filter(|s| within(s, &wa, offset_a, a0..a1))
            .collect();
        let in_b: Vec<&Slot> = vb
            .iter()
            .filter(|s| within(s, &wb, offset_b, b0..b1))
            .collect();
        // A short stretch holding one value a side, anchored on both sides
        // by aligned words outside the values ("had 32.6 percent, and" /
        // "with 56 percent of the vote" align on the values' "percent"
        // only).
        if a1 - a0 <= MAX_HUNK_WORDS && b1 - b0 <= MAX_HUNK_WORDS {
            if let ([x], [y]) = (&in_a[..], &in_b[..]) {
                let (ca, cb) = (covered(x, &wa, offset_a), covered(y, &wb, offset_b));
                let into_left = a0.saturating_sub(ca.start).max(b0.saturating_sub(cb.start));
                let into_right = ca.end.saturating_sub(a1).max(cb.end.saturating_sub(b1));
                // Aligned words right next to each value, on each side.
                let mut fl = 0;
                while fl < ca.start.min(cb.start)
                    && match_of_a[ca.start - fl - 1] == Some(cb.start - fl - 1)
                {
                    fl += 1;
                }
                let mut fr = 0;
                while ca.end + fr < n && match_of_a[ca.end + fr] == Some(cb.end + fr) {
                    fr += 1;
                }
                let _ = (into_left, into_right);
                // A modifier between the anchor and the value ("in the
                // famed Dakota building" / "in the Park building"): the
                // stretch's own anchor holds, two aligned words or more
                // with a content word among the nearest three (not for an
                // owner: "Austin's apartment" / "the Montpelier apartment").
                let possessive = wa[ca.end - 1].possessive || wb[cb.end - 1].possessive;
                if fl == 0
                    && !possessive
                    && a0 > 0
                    && left >= MIN_ANCHOR_WORDS
                    && stop_free(a0.saturating_sub(left.min(3))..a0)
                {
                    fl = left.min(3);
                }
                // The same after a number ("3 counts of felony conspiracy"
                // / "12 of felony conspiracy"); after a name a word between
                // is as often another clause ("Van Wert has pleaded" /
                // "Lambach pleaded").
                if fr == 0
                    && x.kind == SlotKind::Number
                    && a1 < n
                    && right >= MIN_ANCHOR_WORDS
                    && stop_free(a1..(a1 + right.min(3)).min(n))
                {
                    fr = right.min(3);
                }
                let edge_left = ca.start == 0 && cb.start == 0;
                let edge_right = ca.end == n && cb.end == m;
                // The stretch is the value, give or take two words ("resigned
                // in 2013" / "2011").
                let extra = |c: &std::ops::Range<usize>, r: std::ops::Range<usize>| {
                    r.filter(|t| !c.contains(t)).count()
                };
                if (fl >= 1 || edge_left)
                    && (fr >= 1 || edge_right)
                    && fl + fr >= MIN_ANCHOR_WORDS
                    && (stop_free(ca.start.saturating_sub(fl.min(3))..ca.start)
                        || stop_free(ca.end..(ca.end + fr.min(3)).min(n))
                        || anchor_past_insertion(&match_of_a, (ca.start, cb.start), false)
                            .into_iter()
                            .chain(anchor_past_insertion(&match_of_a, (ca.end, cb.end), true))
                            .any(|t| !stop.contains(&ka[t])))
                    && extra(&ca, a0..a1) <= 2
                    && extra(&cb, b0..b1) <= 2
                {
                    candidates.push((x, y));
                    continue;
                }
            }
        }
        // A longer stretch: the values right after its aligned words on
        // the left ("the death toll from Babs rose" / "… from Santillan
        // has risen") or right before those on its right.
        // Aligned words that are all function words ("in", "the") anchor
        // nothing in a longer stretch.
        // Aligned words outside the values: two with a content word among
        // the nearest three, four function words ("It is up to"), or one
        // and the sentence's edge.
        let strong = |run: usize, into: usize, edge: bool, words: std::ops::Range<usize>| {
            let run = run.saturating_sub(into);
            run >= 4 || (run >= 2 || (run >= 1 && edge)) && stop_free(words)
        };
        // One qualifier may stand between them and the value ("when he
        // was only 14" / "when he was 14, in …"): `bounds_agree` weighs it.
        let past_qualifier = |k: &[String], start: usize, end: usize| {
            if end > start + 1 && is_qualifier(&k[start]) {
                start + 1
            } else {
                start
            }
        };
        let (qa, qb) = (past_qualifier(&ka, a0, a1), past_qualifier(&kb, b0, b1));
        let x = in_a
            .iter()
            .find(|s| covered(s, &wa, offset_a).contains(&qa));
        let y = in_b
            .iter()
            .find(|s| covered(s, &wb, offset_b).contains(&qb));
        if let (Some(x), Some(y)) = (x, y) {
            let (ca, cb) = (covered(x, &wa, offset_a), covered(y, &wb, offset_b));
            let into = (qa - ca.start).max(qb - cb.start);
            let edge = a0 == left && b0 == left;
            // "when he was" anchors no other value, but two ages at the
            // event it aligns are one slot.
            if strong(left, into, edge, ca.start.saturating_sub(3)..ca.start)
                || x.kind == SlotKind::Number && age_at_event(a, x) && age_at_event(b, y)
            {
                candidates.push((x, y));
                continue;
            }
        }
        // The subject before the aligned words on the right, past a verb
        // of saying and adverbs that may stand between ("Yelena said
        // that he first went…" / "Kalashnikov wrote that he first
        // went…", "Cars then confronted" / "Caballero later confronted").
        let verb_trimmed = |k: &[String], start: usize, mut end: usize| {
            while end > start + 1
                && (is_speech_verb(&k[end - 1]) || may_stand_before_verb(&k[end - 1]))
            {
                end -= 1;
            }
            end
        };
        let (ea, eb) = (verb_trimmed(&ka, a0, a1), verb_trimmed(&kb, b0, b1));
        // Both sides past such words, or neither.
        let ends = if ea < a1 && eb < b1 {
            vec![(a1, b1), (ea, eb)]
        } else {
            vec![(a1, b1)]
        };
        for (ea, eb) in ends {
            let x = in_a
                .iter()
                .find(|s| covered(s, &wa, offset_a).contains(&(ea - 1)));
            let y = in_b
                .iter()
                .find(|s| covered(s, &wb, offset_b).contains(&(eb - 1)));
            if let (Some(x), Some(y)) = (x, y) {
                let (ca, cb) = (covered(x, &wa, offset_a), covered(y, &wb, offset_b));
                let into = ca.end.saturating_sub(ea).max(cb.end.saturating_sub(eb));
                let edge = a1 + right == n && b1 + right == m;
                let after = ca.end.max(a1);
                if strong(right, into, edge, after..(after + 3).min(n)) {
                    candidates.push((x, y));
                    break;
                }
            }
        }
    }
    // A phrase moved within the sentence ("…, Thursday, Feb. 16, 2017, in
    // the East Room" / "in the East Room …, Thursday, Feb. 16, 2017"): the
    // words the alignment left out, aligned among themselves; a value
    // there right after or before two of them conflicts.
    let ua: Vec<usize> = (0..n).filter(|&t| !matched_a[t]).collect();
    let ub: Vec<usize> = (0..m).filter(|&t| !matched_b[t]).collect();
    let mut moved_of_a: Vec<Option<usize>> = vec![None; n];
    if !ua.is_empty() && !ub.is_empty() {
        let w2 = ub.len() + 1;
        let mut lcs2 = vec![0u16; (ua.len() + 1) * w2];
        for i in (0..ua.len()).rev() {
            for j in (0..ub.len()).rev() {
                lcs2[i * w2 + j] = if ka[ua[i]] == kb[ub[j]] {
                    lcs2[(i + 1) * w2 + j + 1] + 1
                } else {
                    lcs2[(i + 1) * w2 + j].max(lcs2[i * w2 + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ua.len() && j < ub.len() {
            if ka[ua[i]] == kb[ub[j]] {
                moved_of_a[ua[i]] = Some(ub[j]);
                i += 1;
                j += 1;
            } else if lcs2[(i + 1) * w2 + j] >= lcs2[i * w2 + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    let moved_pair = |x: usize, y: usize| moved_of_a[x] == Some(y);
    for x in va {
        let ca = covered(x, &wa, offset_a);
        // A value moved whole is the same value; one moved with a word
        // changed ("Feb. 14" / "Feb. 16") may differ.
        if ca.is_empty()
            || ca.clone().any(|t| matched_a[t])
            || ca.clone().all(|t| moved_of_a[t].is_some())
        {
            continue;
        }
        for y in vb {
            let cb = covered(y, &wb, offset_b);
            if cb.is_empty() || cb.clone().any(|t| matched_b[t]) || x.kind != y.kind {
                continue;
            }
            let left = ca.start >= 2
                && cb.start >= 2
                && moved_pair(ca.start - 1, cb.start - 1)
                && moved_pair(ca.start - 2, cb.start - 2)
                && stop_free_a(ca.start - 2..ca.start);
            let right = ca.end + 2 <= n
                && cb.end + 2 <= m
                && moved_pair(ca.end, cb.end)
                && moved_pair(ca.end + 1, cb.end + 1)
                && stop_free_a(ca.end..ca.end + 2);
            // One moved word on each side ("…, Thursday, Feb. 14, 2017, in
            // the East Room" / "in the East Room …, Thursday, Feb. 16,
            // 2017").
            let around = ca.start >= 1
                && cb.start >= 1
                && moved_pair(ca.start - 1, cb.start - 1)
                && ca.end < n
                && cb.end < m
                && moved_pair(ca.end, cb.end);
            if left || right || around {
                candidates.push((x, y));
            }
        }
    }
    // One word changed inside a name of several words, next to a word the
    // two names share in place ("Red River College" / "Red West College",
    // "Cedar Hill ISD" / "Cedar Machine Independent School District",
    // "Dania Beach" / "Bethel Beach"): the same name frame, another word.
    for x in va.iter().filter(|x| x.kind == SlotKind::Name) {
        let ca = covered(x, &wa, offset_a);
        if ca.len() < 2 {
            continue;
        }
        for y in vb.iter().filter(|y| y.kind == SlotKind::Name) {
            let cb = covered(y, &wb, offset_b);
            if cb.len() < 2 {
                continue;
            }
            let free = |t: usize, u: usize| {
                ca.contains(&t) && cb.contains(&u) && !matched_a[t] && !matched_b[u]
            };
            let framed = ca.clone().any(|t| {
                match_of_a[t].is_some_and(|u| {
                    cb.contains(&u) && (free(t + 1, u + 1) || t > 0 && u > 0 && free(t - 1, u - 1))
                })
            });
            // Each source writing the other's word too, and its own more
            // than once, uses the two side by side ("the 2006 Winter
            // Games" / "Winter Olympics" across two stories); a word a
            // source writes once may be the very value it gives differently.
            let own = |c: &std::ops::Range<usize>, ws: &[Word<'_>], matched: &[bool]| {
                c.clone()
                    .filter(|&t| !matched[t])
                    .map(|t| ws[t].text.to_owned())
                    .collect::<Vec<String>>()
            };
            let (oa, ob) = (own(&ca, &wa, &matched_a), own(&cb, &wb, &matched_b));
            // A given name is no other word for a place ("Red Conor
            // College" / "Red River College", Conor a person the story
            // names).
            let personal = oa
                .iter()
                .chain(&ob)
                .any(|w| is_given_name(&w.to_lowercase()));
            let interchangeable = !personal
                && oa.iter().all(|w| writes_word(cx.cluster, b.doc, w))
                && ob.iter().all(|w| writes_word(cx.cluster, a.doc, w))
                && oa.iter().all(|w| uses_of_word(cx.cluster, a.doc, w) >= 2)
                && ob.iter().all(|w| uses_of_word(cx.cluster, b.doc, w) >= 2);
            if framed && !interchangeable {
                candidates.push((x, y));
            }
        }
    }
    let mut out = Vec::new();
    for (x, y) in candidates {
        if x.kind != y.kind || x.key != y.key || x.value == y.value {
            continue;
        }
        if loose_b.contains(&x.value) || loose_a.contains(&y.value) {
            continue;
        }
        // A name the other statement writes too, spaced otherwise ("Odessa
        // Crimestoppers" / "… or Odessa Crime Stoppers").
        if x.kind == SlotKind::Name
            && (writes_name_spaced_otherwise(b, vb, &x.value)
                || writes_name_spaced_otherwise(a, va, &y.value))
        {
            continue;
        }
        let (ca, cb) = (covered(x, &wa, offset_a), covered(y, &wb, offset_b));
        if ca.is_empty() || cb.is_empty() {
            continue;
        }
        if x.kind == SlotKind::Name {
            // The words of each name the other lacks ("Aegean" of "Aegean
            // Dini" against "Lamberto" of "Lamberto Dini").
            let own =
                |c: std::ops::Range<usize>, k: &[String], other: &[String], aligned: &[bool]| {
                    c.filter(|&t| !aligned[t] && !other.contains(&k[t]))
                        .collect::<Vec<usize>>()
                };
            let (oa, ob) = (
                own(ca.clone(), &ka, &kb[cb.clone()], &matched_a),
                own(cb.clone(), &kb, &ka[ca.clone()], &matched_b),
            );
            let (Some(&fa), Some(&fb)) = (oa.first(), ob.first()) else {
                continue;
            };
            let (la, lb) = (oa[oa.len() - 1], ob[ob.len() - 1]);
            let hunk_a = &a.text[wa[fa].start..wa[la].end];
            let hunk_b = &b.text[wb[fb].start..wb[lb].end];
            // A title before the name ("President Clinton" / "Bill
            // Clinton"); a name's last word is no title ("Department of
            // Defense"), nor is a word after a name's first word that is
            // none ("Russian Lord Church", "Austin State Hunt").
            let title_like = |k: &String| is_title(k) || is_role_noun(k);
            let leading_title = |own: &[usize], c: &std::ops::Range<usize>, k: &[String]| {
                own.iter().any(|&t| {
                    t + 1 < c.end && title_like(&k[t]) && (c.start..t).all(|u| title_like(&k[u]))
                })
            };
            let titled = leading_title(&oa, &ca, &ka) || leading_title(&ob, &cb, &kb);
            let before = ca.start.checked_sub(1).map_or("", |t| ka[t].as_str());
            if titled
                || !names_differ(&x.value, &y.value, hunk_a, hunk_b, before, actor, region)
                || same_name(whole_name(a, x), whole_name(b, y))
            {
                continue;
            }
        }
        let before = ca.start.checked_sub(1).map_or("", |t| ka[t].as_str());
        let after = ka.get(ca.end).map_or("", String::as_str);
        out.push((x.kind, format!("{before} _ {after}"), x.clone(), y.clone()));
    }
    out
}

/// Whether `st` names `name` in a whole name of its own, in another form
/// ("the Tennessee Bureau of Investigation" for "TBI").
fn gives_name(st: &Statement, values: &[Slot], name: &str) -> bool {
    values
        .iter()
        .filter(|v| v.kind == SlotKind::Name)
        .any(|v| same_name(name, whole_name(st, v)))
}

/// A name set beside a noun in one statement ("the state-run Chinese news
/// agency, Xinhua, said") and written before the same noun in the other
/// ("the state-run Xinhua news agency said"): one slot, named twice.
fn appositive_names(
    sa: &Statement,
    sb: &Statement,
    values_a: &[Slot],
    values_b: &[Slot],
    actor: &mut impl FnMut(&str) -> (String, bool),
    region: &impl Fn(&str) -> bool,
) -> Vec<(SlotKind, String, Slot, Slot)> {
    // The two lowercase words before ", Name," in `st`.
    let apposed = |st: &Statement, v: &Slot| -> Option<[String; 2]> {
        let before = st.before(v)?.strip_suffix(", ")?;
        if !st.after(v)?.starts_with(',') {
            return None;
        }
        let ws = words(before);
        let head: Vec<&Word<'_>> = ws.iter().rev().take(2).collect();
        match head[..] {
            [last, first] if !last.is_capitalized() && !first.is_capitalized() => {
                Some([first.key(), last.key()])
            }
            _ => None,
        }
    };
    // The two words right after `v` in `st`.
    let heading = |st: &Statement, v: &Slot| -> Option<[String; 2]> {
        let ws = words(st.after(v)?);
        match &ws[..] {
            [first, last, ..] if !st.after(v)?.starts_with(',') => Some([first.key(), last.key()]),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for (s1, v1, s2, v2, flipped) in [
        (sa, values_a, sb, values_b, false),
        (sb, values_b, sa, values_a, true),
    ] {
        for x in v1.iter().filter(|v| v.kind == SlotKind::Name) {
            let Some(head) = apposed(s1, x) else {
                continue;
            };
            for y in v2.iter().filter(|v| v.kind == SlotKind::Name) {
                if heading(s2, y).as_ref() != Some(&head)
                    || gives_name(s2, v2, &x.value)
                    || gives_name(s1, v1, &y.value)
                    || !names_differ(&x.value, &y.value, &x.value, &y.value, "", actor, region)
                {
                    continue;
                }
                let key = format!("{} {}", head[0], head[1]);
                out.push(if flipped {
                    (SlotKind::Name, key, y.clone(), x.clone())
                } else {
                    (SlotKind::Name, key, x.clone(), y.clone())
                });
            }
        }
    }
    out
}

/// Whether `st` writes `name` as a whole name of its own with its letters
/// alike but for case and spaces ("Crime Stoppers" for "Crimestoppers").
fn writes_name_spaced_otherwise(st: &Statement, values: &[Slot], name: &str) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let want = letters(name);
    values.iter().filter(|v| v.kind == SlotKind::Name).any(|v| {
        let phrase = whole_name(st, v);
        // The same spelling is the value given again, which the alignment
        // has already weighed.
        phrase != name && letters(phrase) == want
    })
}

/// The whole name around `value` in its statement `st` ([`name_phrase`]).
fn whole_name<'s>(st: &'s Statement, value: &Slot) -> &'s str {
    name_phrase(
        &st.text,
        value.span.start.saturating_sub(st.span.start),
        value.span.end.saturating_sub(st.span.start),
    )
}

/// The whole name around the value at `start..end` of `text`: the
/// capitalized words next to it, joined by "of", "and" or "for" between
/// two of them ("Investigation" of "the Tennessee Bureau of
/// Investigation"), so an initialism of the whole ("TBI") is seen as one.
fn name_phrase(text: &str, start: usize, end: usize) -> &str {
    let ws = words(text);
    let capitalized = |w: &Word<'_>| w.text.chars().next().is_some_and(char::is_uppercase);
    let joiner = |w: &Word<'_>| matches!(w.text, "of" | "and" | "for" | "&");
    let (Some(first), Some(last)) = (
        ws.iter().position(|w| w.end > start),
        ws.iter().rposition(|w| w.start < end),
    ) else {
        return text.get(start..end).unwrap_or_default();
    };
    let (mut i, mut j) = (first, last);
    loop {
        if i >= 1 && capitalized(&ws[i - 1]) {
            i -= 1;
        } else if i >= 2 && joiner(&ws[i - 1]) && capitalized(&ws[i - 2]) {
            i -= 2;
        } else {
            break;
        }
    }
    loop {
        if j + 1 < ws.len() && capitalized(&ws[j + 1]) {
            j += 1;
        } else if j + 2 < ws.len() && joiner(&ws[j + 1]) && capitalized(&ws[j + 2]) {
            j += 2;
        } else {
            break;
        }
    }
    text.get(ws[i].start.min(start)..ws[j].end.max(end))
        .unwrap_or_default()
}

/// The nearest three aligned words of A on one side of a value (`at`: the
/// word pair right after it, or the value's first words when looking
/// left), past at most one word inserted on either side ("made
/// inappropriate sexual advances" / "made sexual advances"): an adjective
/// one source adds leaves the anchor standing.
fn anchor_past_insertion(
    match_of_a: &[Option<usize>],
    at: (usize, usize),
    rightward: bool,
) -> Vec<usize> {
    let aligned = |t: Option<usize>, u: Option<usize>| match (t, u) {
        (Some(t), Some(u)) => match_of_a.get(t).copied().flatten() == Some(u),
        _ => false,
    };
    let step = |x: usize, by: usize| {
        if rightward {
            Some(x + by)
        } else {
            x.checked_sub(by + 1)
        }
    };
    let mut out = Vec::new();
    let (mut t, mut u) = at;
    let mut skipped = false;
    while out.len() < 3 {
        let (t1, u1) = (step(t, 0), step(u, 0));
        let next = if aligned(t1, u1) {
            (t1, u1)
        } else if !skipped && aligned(step(t, 1), u1) {
            skipped = true;
            (step(t, 1), u1)
        } else if !skipped && aligned(t1, step(u, 1)) {
            skipped = true;
            (t1, step(u, 1))
        } else {
            break;
        };
        let (Some(nt), Some(nu)) = next else { break };
        out.push(nt);
        // Rightward, the next pair starts after this one; leftward,
        // `step` subtracts one more from the pair itself.
        (t, u) = if rightward {
            (nt + 1, nu + 1)
        } else {
            (nt, nu)
        };
    }
    out
}

/// Whether the statement's words around the name slot tell a person: a
/// role or title before it ("chairman Carl-Henric Svanberg", "32-year-old
/// Nicholas Mattevi"), or after it an age, a role ("Rhys Holleran, chief
/// executive of"), or a speech verb.
fn introduced_as_person(st: &Statement, slot: &Slot) -> bool {
    let (Some(before), Some(after)) = (st.before(slot), st.after(slot)) else {
        return false;
    };
    let role = |w: &str| {
        let key = w.to_lowercase();
        is_role_noun(&key) || is_title(&key) || key.ends_with("-old") || key.ends_with("ist")
    };
    if words(before).last().is_some_and(|w| role(w.text)) {
        return true;
    }
    if words(after)
        .first()
        .is_some_and(|w| is_speech_verb(&w.text.to_lowercase()))
    {
        return true;
    }
    let Some(rest) = after.trim_start().strip_prefix(',') else {
        return false;
    };
    words(rest)
        .iter()
        .find(|w| !matches!(w.text.to_lowercase().as_str(), "a" | "an" | "the"))
        .is_some_and(|w| w.text.chars().all(|c| c.is_ascii_digit()) || role(w.text))
}

/// First words of place names, which two different places share.
const PLACE_OPENERS: &[&str] = &[
    "new", "north", "south", "east", "west", "san", "santa", "los", "las", "fort", "lake", "mount",
    "port", "saint", "st", "upper", "lower", "great", "little", "el", "la", "le",
];

/// Two statements of one fact naming a person by one given name and two
/// family names ("chairman Carl-Henric Svanberg promised" / "Carl-Henric
/// Dowling, the chairman, promised"), or by one family name and two given
/// names ("biologist Chad Eliason in a statement" / "said Burtt Eliason, a
/// researcher"): the shared part places the slot where word order does
/// not. Neither differing part may stand anywhere in the other statement,
/// be spelled like the other, be the other's alias in the cluster, or (for
/// given names) be the other's short form ("Bill" / "William").
fn family_names(
    sa: &Statement,
    sb: &Statement,
    values_a: &[Slot],
    values_b: &[Slot],
    actor: &mut impl FnMut(&str) -> (String, bool),
    region: &impl Fn(&str) -> bool,
) -> Vec<(SlotKind, String, Slot, Slot)> {
    // The given name and family name of a name slot of two or more words
    // (`st` is the slot's statement), and whether the name is known to be
    // a person's: a known given name, or the text around it says so.
    let split = |st: &Statement, s: &Slot| -> Option<(String, String, bool)> {
        if s.kind != SlotKind::Name {
            return None;
        }
        let ws: Vec<&str> = s.value.split_whitespace().collect();
        let [.., given, family] = ws[..] else {
            return None;
        };
        let key = given.to_lowercase();
        if is_title(&key)
            || family.chars().count() < 2
            || is_organization_head(&family.to_lowercase())
        {
            return None;
        }
        if is_given_name(&key) {
            return Some((given.to_owned(), family.to_owned(), true));
        }
        // Otherwise a two-word name opening no place name ("New", "Fort",
        // "Lake"), a person's where the statement introduces it as one
        // ("biologist Chad Eliason": Chad is a country too); one side of a
        // conflict must be known to name a person.
        (ws.len() == 2 && given.chars().count() > 2 && !PLACE_OPENERS.contains(&key.as_str())).then(
            || {
                (
                    given.to_owned(),
                    family.to_owned(),
                    introduced_as_person(st, s),
                )
            },
        )
    };
    let words_of = |st: &Statement| -> FxHashSet<String> {
        words(&st.text).iter().map(|w| w.text.to_owned()).collect()
    };
    let (in_a, in_b) = (words_of(sa), words_of(sb));
    let mut out = Vec::new();
    for a in values_a {
        let Some((given_a, family_a, person_a)) = split(sa, a) else {
            continue;
        };
        for b in values_b {
            let Some((given_b, family_b, person_b)) = split(sb, b) else {
                continue;
            };
            if !(person_a || person_b) {
                continue;
            }
            // The part both names share places the slot; the other part
            // differs and stands nowhere in the other statement.
            let (own_a, own_b, slot) = if given_a == given_b {
                (&family_a, &family_b, format!("{given_a} _"))
            } else if family_a == family_b && !are_one_given_name(&given_a, &given_b) {
                (&given_a, &given_b, format!("_ {family_a}"))
            } else {
                continue;
            };
            if own_a == own_b
                || in_b.contains(own_a)
                || in_a.contains(own_b)
                || !names_differ(&a.value, &b.value, own_a, own_b, "", actor, region)
            {
                continue;
            }
            out.push((SlotKind::Name, slot, a.clone(), b.clone()));
        }
    }
    out
}

/// Short forms of given names news writes for the full one.
const SHORT_GIVEN_NAMES: &[(&str, &str)] = &[
    ("abe", "abraham"),
    ("al", "albert"),
    ("alex", "alexander"),
    ("andy", "andrew"),
    ("ben", "benjamin"),
    ("beth", "elizabeth"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("chris", "christopher"),
    ("chuck", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("don", "donald"),
    ("ed", "edward"),
    ("fred", "frederick"),
    ("greg", "gregory"),
    ("hank", "henry"),
    ("harry", "henry"),
    ("jack", "john"),
    ("jake", "jacob"),
    ("jeff", "jeffrey"),
    ("jerry", "gerald"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("jon", "jonathan"),
    ("josh", "joshua"),
    ("kate", "katherine"),
    ("kathy", "kathleen"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("liz", "elizabeth"),
    ("matt", "matthew"),
    ("meg", "margaret"),
    ("mike", "michael"),
    ("nate", "nathan"),
    ("nick", "nicholas"),
    ("pat", "patrick"),
    ("peggy", "margaret"),
    ("phil", "philip"),
    ("rick", "richard"),
    ("rob", "robert"),
    ("ron", "ronald"),
    ("sam", "samuel"),
    ("steve", "steven"),
    ("steve", "stephen"),
    ("sue", "susan"),
    ("ted", "edward"),
    ("ted", "theodore"),
    ("tim", "timothy"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("tony", "anthony"),
    ("vicky", "victoria"),
    ("will", "william"),
    ("zach", "zachary"),
];

/// Whether two given names are one, told in full and short ("Bill" /
/// "William") or as an initial ("J." / "John").
fn are_one_given_name(a: &str, b: &str) -> bool {
    let (a, b) = (
        a.trim_end_matches('.').to_lowercase(),
        b.trim_end_matches('.').to_lowercase(),
    );
    if a.chars().count() == 1 || b.chars().count() == 1 {
        return a.chars().next() == b.chars().next();
    }
    SHORT_GIVEN_NAMES
        .iter()
        .any(|&(short, full)| (a == short && b == full) || (a == full && b == short))
}

/// Whether names `a` and `b` (whose own words are `own_a`, `own_b`: the
/// words the other lacks) name different things: not two forms or
/// spellings of one name, not two names of one actor in the cluster's
/// alias table ("U.S." / "USA", "Moscow" / "Russian Federation") unless
/// they give one family name two given names, and, after a locative word
/// (`before`), not a country against a known city or region, as often in
/// it ("to Switzerland" / "to Geneva"; a region being a name the cluster
/// writes after a known place and a comma, "Halifax, Nova Scotia").
fn names_differ(
    a: &str,
    b: &str,
    own_a: &str,
    own_b: &str,
    before: &str,
    actor: &mut impl FnMut(&str) -> (String, bool),
    region: &impl Fn(&str) -> bool,
) -> bool {
    if same_name(a, b) || same_name(own_a, own_b) {
        return false;
    }
    // A title for a given name ("Secretary Tillerson" / "Rex Tillerson"),
    // or a title alone ("Mr" of "Mr. Robards"), names no other person; a
    // name with its given name written is another with another word before
    // it ("Archbishop Desmond Tutu" / "Viljoen Desmond Tutu").
    let (ua, ub) = (untitled(a), untitled(b));
    let one_word = |n: &str| !n.trim().contains(char::is_whitespace);
    if ua.is_empty()
        || ub.is_empty()
        || (ua != a || ub != b) && (ua == ub || (one_word(ua) || one_word(ub)) && same_name(ua, ub))
    {
        return false;
    }
    // One family name with given names that are one ("Steve Vogelsang" /
    // "Stephen Vogelsang").
    if let ([ga, fa], [gb, fb]) = (
        &a.split_whitespace().collect::<Vec<_>>()[..],
        &b.split_whitespace().collect::<Vec<_>>()[..],
    ) {
        if fa == fb && are_one_given_name(ga, gb) {
            return false;
        }
    }
    // A county or province beside a place it may hold ("of Pittsfield" /
    // "of Berkshire County").
    let region_name = |n: &str| {
        n.split_whitespace().count() >= 2
            && matches!(
                n.split_whitespace().last(),
                Some("County" | "Province" | "District" | "Region" | "Prefecture" | "Parish")
            )
    };
    if LOCATIVE.contains(&before) && region_name(a) != region_name(b) {
        return false;
    }
    let ((oa, _), (ob, _)) = (actor(own_a), actor(own_b));
    let ((va, gazetteer_a), (vb, gazetteer_b)) = (actor(a), actor(b));
    let country = |name: &str, gazetteer: bool| gazetteer || is_country(&name.to_lowercase());
    let place = |name: &str| is_place(&name.to_lowercase()) || region(name);
    let (ca, cb) = (country(a, gazetteer_a), country(b, gazetteer_b));
    let part_of_country =
        LOCATIVE.contains(&before) && ca != cb && (if ca { place(b) } else { place(a) });
    !(oa == ob || part_of_country || va == vb && !different_given_names(a, b))
}

/// `name` past its leading titles and roles ("Rex Tillerson" of "Secretary
/// Rex Tillerson"); "" for a courtesy title alone ("Mr"), `name` itself
/// for title words alone, which may be a name ("Defense" of "Department of
/// Defense").
fn untitled(name: &str) -> &str {
    let ws = words(name);
    match ws.iter().position(|w| {
        let k = w.key();
        !(is_title(&k) || is_role_noun(&k))
    }) {
        Some(i) => &name[ws[i].start..],
        None if ws.iter().all(|w| {
            matches!(
                w.key().as_str(),
                "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame"
            )
        }) =>
        {
            ""
        }
        None => name,
    }
}

/// Whether some document of `cluster` writes `name` after a known place
/// and a comma, as a city's state or province ("Halifax, Nova Scotia").
fn written_as_region(cluster: &Cluster, name: &str) -> bool {
    let needle = format!(", {name}");
    cluster.documents.iter().any(|d| {
        d.text.match_indices(&needle).any(|(at, _)| {
            let before: Vec<Word<'_>> = words(&d.text[at.saturating_sub(40)..at]);
            // The capitalized words right before the comma.
            let run: Vec<&str> = before
                .iter()
                .rev()
                .take_while(|w| w.is_capitalized())
                .map(|w| w.text)
                .collect();
            (1..=run.len()).any(|k| {
                let place: Vec<&str> = run[..k].iter().rev().copied().collect();
                is_place(&place.join(" ").to_lowercase())
            })
        })
    })
}

/// Words before a place ("in", "off the coast of").
const LOCATIVE: &[&str] = &[
    "in", "of", "to", "from", "at", "near", "off", "into", "across", "outside", "inside",
];

/// "Lamberto Dini" / "Aegean Dini", "Fernando Henrique Cardoso" / "Mario
/// Henrique Cardoso": one family name, given names that differ (an alias
/// table takes them for one person). The given names of one are none of
/// the other's when neither's are all among the other's (titles and
/// initials aside; a short form is its full name: "Bill" / "William
/// Jefferson"), so a name told with or without a middle name or first name
/// ("Henrique Cardoso") is one.
fn different_given_names(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let given = |ws: &[&str]| -> Vec<String> {
        let [given @ .., _] = ws else {
            return Vec::new();
        };
        given
            .iter()
            .map(|g| g.trim_end_matches('.'))
            .filter(|g| g.chars().count() > 1 && !is_title(&g.to_lowercase()))
            .map(str::to_owned)
            .collect()
    };
    let (ga, gb) = (given(&wa), given(&wb));
    let among = |x: &[String], y: &[String]| {
        x.iter()
            .all(|g| y.iter().any(|h| g == h || are_one_given_name(g, h)))
    };
    wa.len() >= 2
        && wa.last() == wb.last()
        && !ga.is_empty()
        && !gb.is_empty()
        && !among(&ga, &gb)
        && !among(&gb, &ga)
}

/// Whether two names likely name one thing: one's words within the
/// other's ("Kurdish" / "Turkish Kurdish"), or the words that differ
/// spelled alike ("Jeddah" / "Jidda", "Gouming" / "Guoming", "Saudi Prince
/// Walled" / "Prince Walid": each differing word of the shorter name has
/// most letters in order with one of the other's).
fn same_name(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    // An initialism of the other ("UCSD" / "UC San Diego").
    let initials = |ws: &[&str]| -> String {
        ws.iter()
            .flat_map(|w| {
                w.chars().filter(|c| c.is_uppercase()).take(
                    if w.chars().all(|c| c.is_uppercase()) {
                        usize::MAX
                    } else {
                        1
                    },
                )
            })
            .collect()
    };
    let acronym = |x: &[&str], y: &[&str]| {
        matches!(x, [w] if w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()))
            && y.len() >= 2
            && initials(y) == x[0]
    };
    if acronym(&wa, &wb) || acronym(&wb, &wa) {
        return true;
    }
    // Counted: "Yuan Yuan" is not within "Dhanraj Yuan".
    let within = |x: &[&str], y: &[&str]| {
        x.iter()
            .all(|w| x.iter().filter(|v| v == &w).count() <= y.iter().filter(|v| v == &w).count())
    };
    if within(&wa, &wb) || within(&wb, &wa) {
        return true;
    }
    // Spelling is compared on the words that differ ("Augusto Pinochet" /
    // "Augusto Lagos" differ in "Pinochet" / "Lagos").
    let only = |x: &[&str], y: &[&str]| -> Vec<Vec<char>> {
        x.iter()
            .filter(|w| !y.contains(w))
            .map(|w| w.to_lowercase().chars().collect())
            .collect()
    };
    let (oa, ob) = (only(&wa, &wb), only(&wb, &wa));
    let joined = |x: &[Vec<char>]| -> Vec<char> { x.concat() };
    if lcs_ratio(&joined(&oa), &joined(&ob)) >= SAME_SPELLING {
        return true;
    }
    // A short form inside the long one ("Tono" / "Suhartono") is one name too.
    let alike = |x: &Vec<char>, y: &Vec<char>| {
        lcs_ratio(x, y) >= SAME_SPELLING
            || x.len().min(y.len()) >= 3
                && (y.windows(x.len()).any(|w| w == &x[..])
                    || x.windows(y.len()).any(|w| w == &y[..]))
    };
    let (short, long) = if oa.len() <= ob.len() {
        (&oa, &ob)
    } else {
        (&ob, &oa)
    };
    !short.is_empty() && short.iter().all(|x| long.iter().any(|y| alike(x, y)))
}

/// Share of letters in order (LCS over the longer name) of two spellings
/// of one name.
const SAME_SPELLING: f64 = 0.7;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    fn cluster(texts: &[&str]) -> Cluster {
        Cluster::new(
            "c",
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::new(format!("d{i}"), *t))
                .collect(),
        )
    }

    fn values(c: &Comparison) -> Vec<(SlotKind, Vec<String>)> {
        c.conflicts
            .iter()
            .map(|k| (k.kind, k.sides.iter().map(|s| s.value.clone()).collect()))
            .collect()
    }

    #[test]
    fn facts_matrix_only_and_omits() {
        let c = compare(&cluster(&[
            "Russia vetoed the UN resolution on Syria on Wednesday. The vote came after a long debate in New York.",
            "Russia vetoed a UN resolution on Syria on Wednesday. China abstained from the vote in the chamber.",
            "Russia vetoed the UN resolution on Syria on Wednesday. The ambassador walked out of the room early.",
        ]))
        .unwrap();
        assert_eq!(c.facts[0].documents, [0, 1, 2]);
        assert_eq!(c.shared_by_all, [0]);
        assert_eq!(c.matrix[0], [Some(0), Some(1), Some(2)]);
        for r in &c.source_reports {
            assert_eq!(r.only.len(), 1, "{r:?}");
            assert!(r.omits.is_empty());
        }
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn numbers_dates_and_names_in_conflict() {
        let c = compare(&cluster(&[
            "The earthquake killed 12 people in the northern province of Sichuan on Monday, officials said.",
            "The earthquake killed 15 people in the northern province of Sichuan on Tuesday, officials said.",
        ]))
        .unwrap();
        let got = values(&c);
        assert!(
            got.contains(&(SlotKind::Number, vec!["12".into(), "15".into()])),
            "{got:?}"
        );
        assert!(
            got.contains(&(SlotKind::Date, vec!["monday".into(), "tuesday".into()])),
            "{got:?}"
        );
        let c = compare(&cluster(&[
            "The foreign ministers met in Geneva on Monday to discuss the ceasefire in Syria.",
            "The foreign ministers met in Vienna on Monday to discuss the ceasefire in Syria.",
        ]))
        .unwrap();
        assert_eq!(
            values(&c),
            [(SlotKind::Name, vec!["Geneva".into(), "Vienna".into()])]
        );
        // Each side's span points at its value.
        let k = &c.conflicts[0];
        for s in &k.sides {
            let text = &c.facts[k.fact]
                .statements
                .iter()
                .find(|st| st.doc == s.doc)
                .unwrap()
                .text;
            assert!(text.contains(&s.value));
        }
    }

    #[test]
    fn one_given_name_with_two_family_names_conflicts_where_word_order_differs() {
        let got = conflict_values(&[
            "At the meeting, chairman Carl-Henric Svanberg promised to review the pay terms of the board.",
            "Carl-Henric Dowling, the chairman, promised the board to review the pay terms at the meeting.",
        ]);
        assert_eq!(
            got,
            [(
                SlotKind::Name,
                vec!["Carl-Henric Svanberg".into(), "Carl-Henric Dowling".into()]
            )]
        );
        // Two things that share a first word are not one person's names.
        assert!(conflict_values(&[
            "The nominee will head the Labor Department, the president announced at the news conference.",
            "The president announced the nominee as Labor Secretary at the news conference on Thursday.",
        ])
        .is_empty());
        // A spelling variant of the family name is no conflict.
        assert!(conflict_values(&[
            "Police said suspect Nicholas Mattevi was charged with false imprisonment on Sunday morning.",
            "Police said Nicholas Matevi, 32, was charged with false imprisonment on Sunday morning.",
        ])
        .is_empty());
    }

    #[test]
    fn one_family_name_with_two_given_names_conflicts_where_word_order_differs() {
        let quote = "\u{201c}Looking at how birds that are alive today vocalize could tell us how dinosaurs vocalized,\u{201d}";
        let got = conflict_values(&[
            &format!("{quote} said study author and University of Texas biologist Burtt Eliason in a statement."),
            &format!("{quote} said Chad Eliason, a postdoctoral researcher at the University of Texas."),
        ]);
        assert_eq!(
            got,
            [(
                SlotKind::Name,
                vec!["Burtt Eliason".into(), "Chad Eliason".into()]
            )]
        );
        // A short form or an initial of the given name is the same person.
        for other in ["William Eliason", "B. Eliason"] {
            let a = format!("{quote} said study author and University of Texas biologist Bill Eliason in a statement.");
            let b = format!(
                "{quote} said {other}, a postdoctoral researcher at the University of Texas."
            );
            assert!(conflict_values(&[&a, &b]).is_empty(), "{other}");
        }
    }

    #[test]
    fn a_number_naming_one_of_a_kind_is_slotted_by_the_name_before_it() {
        assert_eq!(
            conflict_values(&[
                "The state-run Chinese news agency, Xinhua, said a detector deployed by the Haixun 01 patrol ship picked up the signal around 25 degrees south latitude and 101 degrees east longitude.",
                "On Saturday the Haixun 7 - one of two Chinese ships in the area - picked up the signal at about 25 degrees south latitude and 101 degrees east longitude, the state-run Xinhua news agency said.",
            ]),
            [(SlotKind::Number, vec!["01".into(), "7".into()])]
        );
    }

    #[test]
    fn a_value_two_words_off_its_anchor_conflicts() {
        assert_eq!(
            conflict_values(&[
                "He became a journalism instructor at Red River College in 2002 and resigned in 2013.",
                "The well-known Winnipeg personality taught journalism at Red River College between 2002 and 2011.",
            ]),
            [(SlotKind::Date, vec!["2013".into(), "2011".into()])]
        );
    }

    #[test]
    fn conversions_conflict_only_where_what_they_convert_agrees() {
        let winds = |kph: &str, mph: &str| {
            format!("The typhoon had sustained winds of {kph} kph ({mph} mph) and was headed toward southern China.")
        };
        // The converted values differ: they are the conflict, not the
        // conversions.
        assert_eq!(
            conflict_values(&[&winds("120", "75"), &winds("130", "81")]),
            [(SlotKind::Number, vec!["120".into(), "130".into()])]
        );
        // The same speed converted two ways is a conflict of conversions.
        assert_eq!(
            conflict_values(&[&winds("120", "75"), &winds("120", "81")]),
            [(SlotKind::Number, vec!["75".into(), "81".into()])]
        );
    }

    #[test]
    fn one_family_name_with_other_first_names_conflicts_but_a_dropped_one_does_not() {
        let voters = |name: &str| {
            format!("Brazilian voters appeared to re-elect President {name} in the first round of balloting Sunday, maintaining the leadership of a country in crisis.")
        };
        assert_eq!(
            conflict_values(&[
                &voters("Mario Henrique Cardoso"),
                &voters("Fernando Henrique Cardoso")
            ]),
            [(
                SlotKind::Name,
                vec![
                    "President Mario Henrique Cardoso".into(),
                    "President Fernando Henrique Cardoso".into()
                ]
            )]
        );
        for same in ["Henrique Cardoso", "Fernando Cardoso"] {
            assert!(
                conflict_values(&[&voters("Fernando Henrique Cardoso"), &voters(same)]).is_empty(),
                "{same}"
            );
        }
    }

    #[test]
    fn the_one_weekday_of_two_tellings_conflicts_unless_it_dates_the_report() {
        assert_eq!(
            conflict_values(&[
                "A vigil will be held at 6 p.m. Friday at Bernie Ward Community Center.",
                "Melquan's family is holding a vigil Thursday at 6:00 at Bernie Ward Community Center.",
            ]),
            [(SlotKind::Date, vec!["friday".into(), "thursday".into()])]
        );
        // The day of the report, and the day of something the phrase names.
        assert!(conflict_values(&[
            "The mayor will hold a vigil at Bernie Ward Community Center, officials said Friday.",
            "The mayor will hold a vigil at Bernie Ward Community Center, officials said on Thursday.",
        ])
        .is_empty());
        assert!(conflict_values(&[
            "The storm, which began Monday, got its name from the constellation Leo.",
            "Scientists readied for Tuesday night's storm, named for the constellation Leo.",
        ])
        .is_empty());
    }

    #[test]
    fn an_age_when_a_thing_happened_is_compared_across_tellings_of_other_days() {
        assert_eq!(
            conflicts_once_changed(
                |age| format!("In a BuzzFeed article posted Oct. 30, actor Anthony Rapp alleged that Spacey made inappropriate sexual advances toward him when he was only {age}."),
                "Anthony Rapp, an actor on Star Trek: Discovery, told BuzzFeed in an interview on Oct. 29 that Spacey made sexual advances in 1986, when he was 14, in Spacey's New York apartment.",
                ("14", "16"),
            ),
            [(SlotKind::Number, vec!["16".into(), "14".into()])]
        );
    }

    #[test]
    fn two_sources_giving_one_persons_age_alone_conflict_when_it_differs() {
        assert_eq!(
            conflicts_once_changed(
                |age| format!("The singer died on Sunday at his home in Nashville. He was {age}."),
                "The singer died Sunday in Nashville after a long illness. He was 89.",
                ("89", "86"),
            ),
            [(SlotKind::Number, vec!["86".into(), "89".into()])]
        );
        // Two people's ages.
        assert!(conflict_values(&[
            "The singer died on Sunday at his home in Nashville. He was 86.",
            "The singer died Sunday in Nashville after a long illness. She was 89.",
        ])
        .is_empty());
        assert_eq!(short_age("Scott was 48."), Some(("scott".into(), 10..12)));
        assert_eq!(short_age("It was 48."), None);
        assert_eq!(short_age("He was 48 when he died."), None);
    }

    #[test]
    fn numbers_written_two_ways_or_rounded_are_one_value() {
        assert_eq!(number_value("29th"), "29");
        assert_eq!(number_value("9m"), "9 million");
        assert_eq!(number_value("116 686"), "116686");
        assert_eq!(number_value("9-1-1"), "911");
        assert!(conflict_values(&[
            "The health department said HIV cases increased by 33 percent and the situation is now an epidemic in the county.",
            "HIV infections in the county were up 33 % and the health department said gonorrhea cases increased by 30 %.",
        ])
        .is_empty());
        assert!(one_rounds_other("2.6 million", "2.59 million"));
        assert!(one_rounds_other("64000", "64009"));
        assert!(!one_rounds_other("230", "229"));
        assert!(!one_rounds_other("3300", "3291"));
        assert!(!one_rounds_other("656", "655"));
        assert!(!one_rounds_other("2.6 million", "2.5 million"));
        let pair = |a: &str, b: &str| {
            conflict_values(&[
                &format!("General Motors agreed to pay a $35 million civil penalty for delaying a recall of {a} older cars for ignition switch defects."),
                &format!("General Motors will pay a $35 million civil penalty for delaying a recall of {b} older cars over ignition switch defects."),
            ])
        };
        assert!(pair("2.6 million", "2.59 million").is_empty());
        assert!(pair("116 686", "116,686").is_empty());
        assert_eq!(pair("2.6 million", "2.2 million").len(), 1);
        assert_eq!(pair("116 686", "116,868").len(), 1);
    }

    #[test]
    fn two_events_of_one_fact_keep_their_weekdays() {
        // Last seen one day, found another: the statements share the fact's
        // terms but not the moment.
        assert!(conflict_values(&[
            "The snowboarder, identified as 21-year-old Julie Abrahamsen, had last been seen Wednesday morning on Blackcomb Mountain, according to police.",
            "Missing snowboarder Julie Abrahamsen has been found alive on Blackcomb Mountain, and police said the 21-year-old was found Saturday.",
        ])
        .is_empty());
    }

    #[test]
    fn dates_of_two_pictures_are_no_conflict_but_a_copied_caption_is() {
        assert!(dates_a_picture(
            "Angela Merkel speaks during a news conference in the East Room of the White House in Washington, Monday, Feb. 9, 2015."
        ));
        assert!(dates_a_picture(
            "Published on Jul 21, 2015 The second video shows a senior executive."
        ));
        assert!(!dates_a_picture(
            "The bodies were found on Saturday, July 20, in East Cleveland."
        ));
        assert!(conflict_values(&[
            "East Cleveland police search Sunday, July 21, 2013, near where three bodies were recently found, in East Cleveland, Ohio.",
            "Law enforcement and FBI stand at the back of a home where three bodies were found earlier in the day Saturday, July 20, 2013 in East Cleveland, Ohio.",
        ])
        .is_empty());
        let caption = |day: &str| {
            format!("A Ukrainian soldier stands guard at the gate of a military base in the port of Kerch, Ukraine, Monday, March {day}, 2014.")
        };
        assert_eq!(
            conflict_values(&[&caption("3"), &caption("7")]),
            [(SlotKind::Date, vec!["mar 3".into(), "mar 7".into()])]
        );
    }

    #[test]
    fn a_word_or_title_in_quotation_marks_gives_no_speaker_conflict() {
        let c = compare(&cluster(&[
            "\"I would say that the likelihood is that they are not going to be able to get an assault weapons ban through this Congress,\" David Keene said on CNN's \"State of the Union.\"",
            "\"An assault weapons ban alone will not go anywhere in the political reality we have today,\" Manchin said Sunday on CNN's \"State of the Union.\"",
        ]))
        .unwrap();
        assert!(
            c.conflicts.iter().all(|x| x.slot != "speaker"),
            "{:?}",
            c.conflicts
        );
    }

    #[test]
    fn a_name_set_beside_a_noun_is_the_name_written_before_it() {
        let found = conflicts_once_changed(
            |agency| format!("The state-run Chinese news agency, {agency}, said a detector deployed by the Haixun 01 patrol ship picked up the signal around 25 degrees south latitude."),
            "On Saturday the Haixun 01 picked up the signal at about 25 degrees south latitude, the state-run Xinhua news agency said.",
            ("Xinhua", "Liberation"),
        );
        assert!(
            found.iter().any(|(kind, values)| *kind == SlotKind::Name
                && values.contains(&"Liberation".to_owned())
                && values.contains(&"Xinhua".to_owned())),
            "{found:?}"
        );
    }

    #[test]
    fn ends_of_ranges_and_terms_of_odds_are_compared_only_with_their_like() {
        let role = |text: &str, value: &str| {
            let at = text.find(value).unwrap();
            let st = Statement {
                doc: 0,
                sentence: 0,
                span: Span::new(0, text.len()),
                text: text.to_owned(),
            };
            let slot = Slot {
                kind: SlotKind::Number,
                key: String::new(),
                value: value.to_owned(),
                span: Span::new(at, at + value.len()),
            };
            number_role(&st, &slot)
        };
        assert_eq!(role("spends 40 to 50 percent", "40"), NumberRole::RangeLow);
        assert_eq!(role("spends 40 to 50 percent", "50"), NumberRole::RangeHigh);
        assert_eq!(role("women 45-54 should", "54"), NumberRole::RangeHigh);
        assert_eq!(
            role("between the ages of 40 and 44 years", "44"),
            NumberRole::RangeHigh
        );
        assert_eq!(
            role("between $64,000 and $76,000", "64,000"),
            NumberRole::RangeLow
        );
        assert_eq!(role("a roughly 1 in 300 chance", "1"), NumberRole::OddsOf);
        assert_eq!(role("a roughly 1 in 300 chance", "300"), NumberRole::OddsIn);
        assert_eq!(role("killed 12 people in 2016", "12"), NumberRole::Single);
        assert!(conflict_values(&[
            "According to those reports, the Wounded Warrior Project spends 40 to 50 percent of its money on overhead, including parties.",
            "But according to public records, the Wounded Warrior Project spends 60 percent of its money on veterans.",
        ])
        .is_empty());
        assert_eq!(
            conflicts_once_changed(
                |high| format!("The typical teacher in New York with five years of experience makes between $64,000 and ${high} a year."),
                "A New York City public school teacher with five years of experience makes between $64,000 and $76,000 a year.",
                ("76,000", "79,000"),
            ),
            [(SlotKind::Number, vec!["79000".into(), "76000".into()])]
        );
    }

    #[test]
    fn items_of_a_list_two_sources_share_are_compared_with_their_own_counterparts() {
        let list = |caulder: &str, verb: &str| {
            format!(
                "Jordan Scott, 19, of Fairmont, {verb} charged with four counts of felony arson and conspiracy. \
                 Kenny Caulder, {caulder}, of Fairmont, {verb} charged with six counts of felony arson and conspiracy. \
                 Shellia Huggins, 20, of Fairmont, {verb} charged with two counts of felony arson and conspiracy."
            )
        };
        let (a, b) = (list("21", "is"), list("21", "was"));
        assert!(conflict_values(&[&a, &b]).is_empty());
        let b = list("23", "was");
        assert_eq!(
            conflict_values(&[&a, &b]),
            [(SlotKind::Number, vec!["21".into(), "23".into()])]
        );
    }

    #[test]
    fn the_same_value_elsewhere_in_the_sentence_is_no_conflict() {
        let c = compare(&cluster(&[
            "Police said 12 people died and 40 were hurt when the bus crashed near the border.",
            "Police said 40 people were hurt and 12 died when the bus crashed near the border.",
        ]))
        .unwrap();
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
    }

    #[test]
    fn variants_of_one_name_are_no_conflict() {
        assert!(same_name("Jeddah", "Jidda"));
        assert!(same_name("Xiong Gouming", "Xiong Guoming"));
        assert!(same_name("Kurdish", "Turkish Kurdish"));
        assert!(!same_name("Geneva", "Vienna"));
        assert!(!same_name("Martinez", "Aznar"));
        assert!(same_name("Saudi Prince Walled", "Prince Walid"));
        assert!(same_name("Suhartono Suratman", "Tono Suratman"));
        assert!(!same_name("Yuan Yuan", "Dhanraj Yuan"));
        assert!(same_name("UCSD", "UC San Diego"));
        assert!(!same_name("UCLA", "UC San Diego"));
    }

    fn conflict_values(texts: &[&str]) -> Vec<(SlotKind, Vec<String>)> {
        values(&compare(&cluster(texts)).unwrap())
    }

    /// The conflicts of `changed` against `other` once the value `(kept,
    /// put)` in it is changed, after checking that with the value kept
    /// there are none.
    fn conflicts_once_changed(
        changed: impl Fn(&str) -> String,
        other: &str,
        (kept, put): (&str, &str),
    ) -> Vec<(SlotKind, Vec<String>)> {
        assert!(conflict_values(&[&changed(kept), other]).is_empty());
        conflict_values(&[&changed(put), other])
    }

    #[test]
    fn one_word_changed_inside_a_longer_name_conflicts() {
        assert_eq!(
            conflict_values(&[
                "He became a journalism instructor at Red West College in 2002 and resigned in 2011.",
                "The well-known Winnipeg personality taught journalism at Red River College between 2002 and 2011.",
            ]),
            [(
                SlotKind::Name,
                vec!["Red West College".into(), "Red River College".into()]
            )]
        );
        // Names of different length: the word next to a shared one.
        assert_eq!(
            conflict_values(&[
                "A spokesperson for the Cedar Machine Independent School District said Heath has been placed on leave.",
                "Cedar Hill ISD said Monday night Heath has been placed on leave.",
            ]),
            [(
                SlotKind::Name,
                vec![
                    "Cedar Machine Independent School District".into(),
                    "Cedar Hill ISD".into()
                ]
            )]
        );
        // Each source writes the other's word too, and its own again: two
        // names of one thing, used side by side.
        assert!(conflict_values(&[
            "It was most recently used at the 2006 Winter Games in Turin, Italy, before the Olympics moved on. The Games drew crowds.",
            "It was last used in 2006 at the Winter Olympics in Italy, the Games organizers said. The Olympics drew crowds.",
        ])
        .is_empty());
        // A word a source writes once, where another source's name stands,
        // is the value it gives differently, though each source writes the
        // other's word somewhere.
        assert_eq!(
            conflict_values(&[
                "He became a journalism instructor at Red West College in 2002 and resigned in 2011. He grew up by the River.",
                "The well-known Winnipeg personality taught journalism at Red River College between 2002 and 2011. He lived in West Winnipeg.",
            ]),
            [(
                SlotKind::Name,
                vec!["Red West College".into(), "Red River College".into()]
            )]
        );
    }

    #[test]
    fn a_subject_before_a_verb_of_saying_or_an_adverb_conflicts() {
        assert_eq!(
            conflict_values(&[
                "In his letter to Patriarch Kirill, Yelena said that he first went into a church at the age of 91.",
                "Kalashnikov wrote that he first went into a church at the age of 91.",
            ]),
            [(SlotKind::Name, vec!["Yelena".into(), "Kalashnikov".into()])]
        );
        // One side's verb alone is no frame: a list of defendants.
        assert!(conflict_values(&[
            "Van Wert has pleaded not guilty to conspiracy to commit human trafficking and prostitution.",
            "Lambach pleaded not guilty to four counts, while VanWert pleaded not guilty to conspiracy to commit human trafficking and prostitution.",
        ])
        .is_empty());
    }

    #[test]
    fn a_modifier_between_anchor_and_value_keeps_the_anchor() {
        assert_eq!(
            conflict_values(&[
                "The estate includes her apartment in the famed Dakota building on the Upper West Side.",
                "The estate includes her apartment in the Cocker building on the Upper West Side.",
            ]),
            [(SlotKind::Name, vec!["Dakota".into(), "Cocker".into()])]
        );
        // An owner is no place: "Austin's apartment" / "the Montpelier
        // apartment building".
        assert!(conflict_values(&[
            "Caballero later confronted Austin outside Austin's apartment and shot him, police said.",
            "Hall said Caballero then confronted Austin outside the Montpelier apartment building and shot him.",
        ])
        .is_empty());
    }

    #[test]
    fn descriptions_and_names_used_side_by_side_are_no_conflict() {
        // "Local police" describes what "Plantation Police" names.
        assert!(conflict_values(&[
            "Plantation Police sent over officer Laurie Graber to investigate the stolen ring case.",
            "Local police sent over Officer Laurie Graber to investigate the stolen ring case.",
        ])
        .is_empty());
        // Each source writes both words, its own more than once.
        let games = [
            "A 140-piece orchestra from the North will perform in the South during the Games. The Games open on Friday. The Olympics are a thaw.",
            "A 140-piece orchestra from the North will perform in the South during the Olympics. The Olympics open on Friday. The Games are a thaw.",
        ];
        assert!(
            conflict_values(&games).is_empty(),
            "{:?}",
            conflict_values(&games)
        );
        // A source writing the other's word once, its own once: a conflict.
        let once = conflict_values(&[
            "A 140-piece orchestra from the North will perform in the South during the Games in Seoul.",
            "A 140-piece orchestra from the North will perform in the South during the Olympics in Busan.",
        ]);
        assert!(
            once.iter()
                .any(|(_, v)| v == &["Games".to_owned(), "Olympics".to_owned()]),
            "{once:?}"
        );
    }

    #[test]
    fn names_a_source_lists_with_or_are_no_alternatives() {
        let texts = [
            "Anyone with information on the missing girl is asked to call the TBI at once.",
            "Anyone with information on the missing girl is asked to call the Rogersville Police Department at once.",
            "Anyone with information on the missing girl is asked to call the TBI or the Rogersville Police Department at once.",
        ];
        let found = conflict_values(&texts);
        assert!(found.is_empty(), "{found:?}");
        // Without the list, the two agencies are two answers.
        assert_eq!(conflict_values(&texts[..2]).len(), 1);
        // A list settles only the two names it joins: another source's
        // third agency still conflicts, and an agency's initialism ("TBI")
        // is no other name than the agency written out.
        let found = conflict_values(&[
            "Anyone with information is asked to call the TBI at 1-800-824-3463 or the Rogersville Police Department at (423) 272-7555.",
            "Anyone with information is urged to contact the Tennessee Bureau of Investigation at 1-800-824-3463 or the Hawkins Police Department at (423) 272-7555.",
        ]);
        assert_eq!(
            found,
            [(
                SlotKind::Name,
                vec![
                    "Rogersville Police Department".into(),
                    "Hawkins Police Department".into()
                ]
            )]
        );
    }

    #[test]
    fn a_title_word_inside_a_name_is_no_title() {
        // "Lord" titles a name it opens ("Lord Carrington" / "Peter
        // Carrington"), not one whose first word is none.
        assert_eq!(
            conflict_values(&[
                "The inventor of the rifle wrote to the head of the Russian Orthodox Church before he died.",
                "The designer of the rifle turned to the head of the Russian Lord Church shortly before his death.",
            ]),
            [(
                SlotKind::Name,
                vec!["Russian Orthodox Church".into(), "Russian Lord Church".into()]
            )]
        );
    }

    #[test]
    fn sentences_told_differently_conflict_where_their_content_words_align() {
        // Few words in common, but most content words ("block", "Buffalo
        // Springs Drive"): the two block numbers are one address.
        assert_eq!(
            conflict_values(&[
                "Fort Worth police said officers were called to a home on the 900 block of Buffalo Springs Drive at about 4 a.m.",
                "Police are still investigating the double murder in the 800 block of Buffalo Springs Drive.",
            ]),
            [(SlotKind::Number, vec!["900".into(), "800".into()])]
        );
    }

    #[test]
    fn one_name_in_two_forms_is_no_conflict() {
        for (a, b) in [
            // A short form of the given name.
            ("Steve Vogelsang", "Stephen Vogelsang"),
            // A county and a town it may hold.
            ("Pittsfield", "Berkshire County"),
        ] {
            let found = conflict_values(&[
                &format!("The instructor from {a} has been charged with two counts of robbery involving two banks in Alberta."),
                &format!("The instructor from {b} has been charged with two counts of robbery involving two banks in Alberta."),
            ]);
            assert!(found.is_empty(), "{a} / {b}: {found:?}");
        }
        // Spaced otherwise in the other source, beside another name.
        let found = conflict_values(&[
            "If you have any information, you can call Odessa Crimestoppers at 432-333-TIPS.",
            "Anyone with information about the woman can call the Odessa Police Department at 335-5784 or Odessa Crime Stoppers at 333-8477.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_title_for_a_given_name_names_no_other_person() {
        for (a, b) in [
            ("Secretary Tillerson", "Rex Tillerson"),
            ("Senator Warren", "Elizabeth Warren"),
            ("actor Sam Robards", "Mr. Robards"),
        ] {
            let found = conflict_values(&[
                &format!("The estate plan was backed by {a}, and his sister on Monday."),
                &format!("The estate plan was backed by {b}, and his sister on Monday."),
            ]);
            assert!(found.is_empty(), "{a} / {b}: {found:?}");
        }
        // Another person under the same title still conflicts.
        assert_eq!(
            conflict_values(&[
                "The estate plan was backed by Senator Warren, and his sister on Monday.",
                "The estate plan was backed by Senator Sanders, and his sister on Monday.",
            ]),
            [(
                SlotKind::Name,
                vec!["Senator Warren".into(), "Senator Sanders".into()]
            )]
        );
    }

    #[test]
    fn anchors_hold_past_one_inserted_word() {
        // A word before the number's anchor on one side ("3 counts of
        // felony conspiracy" / "12 of felony conspiracy").
        assert_eq!(
            conflict_values(&[
                "Jordan Hunt, 18, of Fairmont, is charged with four counts of setting fire to grass, brush, woods, 3 counts of felony conspiracy.",
                "Jordan Hunt, 18, of Fairmont, was charged with four counts of setting fire to grass, brush or woods, 12 of felony conspiracy.",
            ]),
            [(SlotKind::Number, vec!["3".into(), "12".into()])]
        );
    }

    #[test]
    fn a_date_part_next_to_the_same_other_part_conflicts() {
        assert_eq!(
            conflict_values(&[
                "The jackpot is near the record, a $656 million Mega Millions prize shared by three winning tickets in March 2018.",
                "The spending pushed the prize closer to the record jackpot of $656 million, won March 2012 in a Mega Millions drawing.",
            ]),
            [(SlotKind::Date, vec!["2018".into(), "2012".into()])]
        );
        // The same dates in both: nothing.
        assert!(conflict_values(&[
            "The jackpot is near the record, a $656 million Mega Millions prize shared by three winning tickets in March 2012.",
            "The spending pushed the prize closer to the record jackpot of $656 million, won March 2012 in a Mega Millions drawing.",
        ])
        .is_empty());
    }

    #[test]
    fn a_value_in_the_same_place_of_aligned_sentences_conflicts() {
        // Inside a longer name, at the sentence's start, after a title.
        assert_eq!(
            conflict_values(&[
                "\"The government had the obligation to go ahead with his arrest,\" said Foreign Minister Lamberto Dini.",
                "\"The government had the obligation to go ahead with his arrest,\" said Foreign Minister Aegean Dini.",
            ]),
            [(
                SlotKind::Name,
                vec![
                    "Foreign Minister Lamberto Dini".into(),
                    "Foreign Minister Aegean Dini".into()
                ]
            )]
        );
        assert_eq!(
            conflict_values(&[
                "Alastair Hamilton said some viewers might lose their signal for a few minutes on Tuesday.",
                "Alastair Robertson said some viewers might lose their signal for a few minutes on Tuesday.",
            ]),
            [(SlotKind::Name, vec!["Alastair Hamilton".into(), "Alastair Robertson".into()])]
        );
        // A name's last word is no title.
        assert_eq!(
            conflict_values(&[
                "The retweeted content would not be endorsed by the Department of Defense.",
                "The retweeted content would not be endorsed by the Department of Energy.",
            ]),
            [(SlotKind::Name, vec!["Defense".into(), "Energy".into()])]
        );
    }

    #[test]
    fn a_value_in_a_moved_phrase_conflicts() {
        assert_eq!(
            conflict_values(&[
                "President Donald Trump speaks during a news conference in the East Room of the White House in Washington, Thursday, Feb. 16, 2017.",
                "President Donald Trump speaks during a news conference, Thursday, Feb. 16, 2020, in the East Room of the White House in Washington.",
            ]),
            [(SlotKind::Date, vec!["2017".into(), "2020".into()])]
        );
    }

    #[test]
    fn a_value_right_after_aligned_words_of_a_longer_difference_conflicts() {
        assert_eq!(
            conflict_values(&[
                "It is up to President Demirel, who met the prime minister Sunday, to name the new premier.",
                "It is up to President Ilter to name a new premier for the country.",
            ]),
            [(
                SlotKind::Name,
                vec!["President Demirel".into(), "President Ilter".into()]
            )]
        );
    }

    #[test]
    fn values_that_only_look_alike_are_no_conflict() {
        // A country and a city in it.
        assert!(conflict_values(&[
            "The airliner flying from New York to Geneva crashed on Wednesday, killing all 229 people aboard.",
            "The airliner flying from New York to Switzerland crashed on Wednesday, killing all 229 people aboard.",
        ])
        .is_empty());
        // A country and a region the cluster writes after a known city.
        assert!(conflict_values(&[
            "The airliner crashed off the coast of Canada, killing all 229 people aboard. Divers searched the water.",
            "The airliner crashed off the coast of Nova Scotia, killing all 229 people aboard. In Halifax, Nova Scotia, families gathered.",
        ])
        .is_empty());
        // Two weekdays of two events; a date and a weekday.
        assert!(conflict_values(&[
            "British police said Saturday they have arrested the former dictator Augusto Pinochet in London.",
            "The former dictator Augusto Pinochet, arrested by British police in London, remained under guard Sunday.",
        ])
        .is_empty());
        assert!(conflict_values(&[
            "On Oct. 29, an assailant tried to ram an explosives-rigged car into a school bus in Gaza.",
            "Last Thursday, an assailant tried to ram an explosives-rigged car into a school bus in Gaza.",
        ])
        .is_empty());
        // Aligned on the values' own scale word only.
        assert!(conflict_values(&[
            "The country's foreign reserves have fallen below 50 billion dollars from the 70 billion dollars posted at the end of July.",
            "The country's foreign reserves swelled from around 40 billion dollars to above 70 billion dollars during his first term.",
        ])
        .is_empty());
    }

    #[test]
    fn one_quotation_named_to_two_people_conflicts() {
        assert_eq!(
            conflict_values(&[
                "\"We are determined to complete this mission with or without a cease-fire,\" Netanyahu said at a cabinet meeting.",
                "\"We are committed to complete this mission, with or without a cease-fire,\" Mordechai said.",
            ]),
            [(SlotKind::Name, vec!["Netanyahu".into(), "Mordechai".into()])]
        );
        // Two forms of one name are one speaker.
        assert!(conflict_values(&[
            "\"We are determined to complete this mission with or without a cease-fire,\" Benjamin Netanyahu said.",
            "\"We are committed to complete this mission, with or without a cease-fire,\" Netanyahu said.",
        ])
        .is_empty());
    }

    #[test]
    fn values_each_source_may_give_its_own_are_no_conflict() {
        let numbers = |texts: &[&str]| {
            conflict_values(texts)
                .into_iter()
                .filter(|(kind, _)| *kind == SlotKind::Number)
                .count()
        };
        // A stock index moves all day.
        let market = |gauge: &str, points: &str| {
            format!("{gauge} jumped {points} points, or 2 percent, to close at 18,216 on Monday in New York.")
        };
        let dow = "The Dow Jones industrial average";
        assert_eq!(numbers(&[&market(dow, "328"), &market(dow, "371")]), 0);
        let fund = "The fund's main share class";
        assert_eq!(numbers(&[&market(fund, "328"), &market(fund, "371")]), 1);
        // A time counted back from the writing.
        let drained = |hours: &str| {
            format!("The battery of the new phone had drained 20 percent with no use {hours} after the update was installed.")
        };
        assert_eq!(
            numbers(&[&drained("2 hours ago"), &drained("5 hours ago")]),
            0
        );
        assert_eq!(numbers(&[&drained("2 hours"), &drained("5 hours")]), 1);
        // The edition of a yearly event.
        let ceremony = |edition: &str| {
            format!("The study won a prize at the {edition} Ig Nobel Prize ceremony held at Harvard's Sanders Theatre on Thursday.")
        };
        assert_eq!(
            numbers(&[&ceremony("24th annual"), &ceremony("28th annual")]),
            0
        );
        assert_eq!(numbers(&[&ceremony("24th"), &ceremony("28th")]), 1);
        // A share counter left in the text.
        let fall = |counter: &str| {
            format!("{counter} Louise Benson died after plunging from a beach wall with her partner in the town of Ericeira on Tuesday.")
        };
        assert_eq!(numbers(&[&fall("Facebook 8"), &fall("Ms 33")]), 0);
        assert_eq!(numbers(&[&fall("Reader 8"), &fall("Ms 33")]), 1);
        // A section of a code of regulations.
        let board = |section: &str| {
            format!("The board must run a program to enhance the image of Christmas trees in the United States ({section}).")
        };
        assert_eq!(
            numbers(&[&board("7 CFR 1214.46"), &board("7 CFR 1214.10")]),
            0
        );
        assert_eq!(
            numbers(&[&board("the 1214.46 rule"), &board("the 1214.10 rule")]),
            1
        );
    }

    #[test]
    fn a_figure_a_source_gives_as_a_multiple_of_the_other_is_no_conflict() {
        let displaced = |count: &str, how: &str| {
            format!("The recent violence in the north of the country had displaced {count} people{how}, aid workers said on Tuesday.")
        };
        assert!(conflict_values(&[
            &displaced("90,000", ", three times more than the government counts"),
            &displaced("30,000", "")
        ])
        .is_empty());
        assert_eq!(
            conflict_values(&[
                &displaced("90,000", ", three times more than the government counts"),
                &displaced("40,000", "")
            ])
            .len(),
            1
        );
    }

    #[test]
    fn a_character_reference_is_no_number() {
        let label = |lean: &str, reference: &str| {
            format!("Packages of ground turkey {lean} percent lean {reference} 15 percent fat were recalled by the company on Friday.")
        };
        assert!(conflict_values(&[&label("85", "&#124;"), &label("85", "&#166;")]).is_empty());
        assert_eq!(
            conflict_values(&[&label("85", "&#124;"), &label("93", "&#124;")]).len(),
            1
        );
    }

    #[test]
    fn a_clock_time_run_into_pm_is_the_same_time() {
        let shot = |time: &str| {
            format!("Ryan Thompson was talking with his fiancee outside their home on Southwest 17th Street around {time} Sunday.")
        };
        assert!(conflict_values(&[&shot("3pm"), &shot("3 p.m.")]).is_empty());
        assert_eq!(conflict_values(&[&shot("4pm"), &shot("3 p.m.")]).len(), 1);
    }

    #[test]
    fn weekdays_told_in_two_time_zones_are_no_conflict() {
        let takeoff = |day: &str, zone: &str| {
            format!("Pilots Troy Bradley and Leonid Tiukhtyaev set off from Saga, Japan, in their balloon shortly before 6:30 a.m. {day}{zone}.")
        };
        assert_eq!(
            conflict_values(&[
                &takeoff("Sunday", " Japan time"),
                &takeoff("Saturday", " in Albuquerque")
            ]),
            []
        );
        assert_eq!(
            conflict_values(&[
                &takeoff("Sunday", " in Japan"),
                &takeoff("Saturday", " in Albuquerque")
            ])
            .len(),
            1
        );
    }

    #[test]
    fn years_of_two_years_figures_are_no_conflict() {
        let deaths = |count: &str, year: &str| {
            format!("More than {count} Americans died of drug overdoses in {year}, according to the national center for health statistics.")
        };
        assert!(
            conflict_values(&[&deaths("63,000", "2016"), &deaths("72,000", "2017")]).is_empty()
        );
        assert_eq!(
            conflict_values(&[&deaths("63,000", "2016"), &deaths("63,000", "2017")]),
            [(SlotKind::Date, vec!["2016".into(), "2017".into()])]
        );
    }

    #[test]
    fn a_statement_naming_the_other_speaker_too_gives_no_speaker_conflict() {
        // Lowercased as the truncated Multi-News release prints its text.
        let quote = "\" he wanted to know if maybe i could find someone to do it for him, \"";
        let told = |before: &str, speaker: &str| {
            format!("The singer of the band was arrested in may 2013 on charges of solicitation of another to commit murder and of conspiracy to commit a crime. As a result of a plea agreement, he could serve nine years in a state prison according to a court clerk in vista. {before}{quote} {speaker} testified at a pretrial hearing. He was sentenced to six years on friday.")
        };
        // "Mar." does not end the sentence: the quotation is in the one that
        // names the prosecutors.
        let alleged = "Prosecutors alleged that lambesis approached a trainer from his gym and asked if the person knew anyone who could kill his wife, of del mar. ";
        let trainer = "the trainer, brett kimball,";
        assert_eq!(
            conflict_values(&[
                &told("", trainer),
                &told(alleged, "personal trainer brett kimball")
            ]),
            []
        );
        assert_eq!(
            conflict_values(&[
                &told("", trainer),
                &told(alleged, "personal trainer john smith")
            ])
            .len(),
            1
        );
    }

    #[test]
    fn numbers_of_two_times_or_two_actors_are_no_conflict() {
        // Two days: two readings, not one told two ways.
        assert!(conflict_values(&[
            "Temperatures in Poland fell as low as minus 20 degrees Celsius over the weekend, police said.",
            "On Wednesday, temperatures in Poland fell as low as minus 12 degrees Celsius, police said.",
        ])
        .is_empty());
        // Two people.
        let numbers = |texts: &[&str]| {
            conflict_values(texts)
                .into_iter()
                .filter(|(kind, _)| *kind == SlotKind::Number)
                .count()
        };
        assert_eq!(
            numbers(&[
                "Xu Wenli, the dissident, spent 12 years in prison and labor camps, his family said.",
                "Qin Yongmin, a democracy advocate, has spent 10 years in prison and labor camps, his family said.",
            ]),
            0
        );
        assert_eq!(
            numbers(&[
                "Xu Wenli, the dissident, spent 12 years in prison and labor camps, his family said.",
                "Xu Wenli, a democracy advocate, has spent 10 years in prison and labor camps, his family said.",
            ]),
            1
        );
        // A value whose counterpart is another of the same slot.
        assert_eq!(
            numbers(&[
                "The storm packing winds of 130 kph was moving northwest at 9 kph toward the coast of China.",
                "The storm was moving northwest at about 10 kph toward the coast of China.",
            ]),
            0
        );
        assert_eq!(
            numbers(&[
                "The storm packing winds of 130 kph was moving northwest at 9 kph toward the coast of China.",
                "The storm was moving northwest at 20 kph toward the coast of China.",
            ]),
            1
        );
        // Two people's ages.
        assert_eq!(
            numbers(&[
                "Willie Strickland, 42, of Fairmont, is charged with one count of felony arson.",
                "Melquan Williams, 21, of Fairmont, is charged with one count of felony arson.",
            ]),
            0
        );
        assert_eq!(
            numbers(&[
                "Police said Melquan Williams, 42, of Fairmont, is charged with one count of felony arson.",
                "Police said Melquan Williams, 21, of Fairmont, is charged with one count of felony arson.",
            ]),
            1
        );
        // Two stages of one count.
        assert!(conflict_values(&[
            "First official results of the election are not expected until Saturday, officials said.",
            "Final results of the election are not expected until Sunday, officials said.",
        ])
        .is_empty());
        assert!(!conflict_values(&[
            "Final results of the election are not expected until Saturday, officials said.",
            "Final results of the election are not expected until Sunday, officials said.",
        ])
        .is_empty());
        // One day, one actor: a conflict.
        assert_eq!(
            conflict_values(&[
                "On Sunday, 32 people died in Poland in the cold, police said.",
                "On Sunday, 36 people died in Poland in the cold, police said.",
            ]),
            vec![(SlotKind::Number, vec!["32".to_owned(), "36".to_owned()])]
        );
    }

    #[test]
    fn bounds_that_agree_are_no_conflict() {
        assert!(conflict_values(&[
            "Typhoon Babs lashed Hong Kong on Sunday after killing more than 150 people in the Philippines.",
            "Typhoon Babs lashed Hong Kong on Sunday after killing at least 156 people in the Philippines.",
        ])
        .is_empty());
        assert_eq!(
            conflict_values(&[
                "Typhoon Babs lashed Hong Kong on Sunday after killing nearly 150 people in the Philippines.",
                "Typhoon Babs lashed Hong Kong on Sunday after killing at least 156 people in the Philippines.",
            ]),
            [(SlotKind::Number, vec!["150".into(), "156".into()])]
        );
        // Two lower bounds both hold, unless one sentence copied gives them
        // in the same words.
        assert!(conflict_values(&[
            "Typhoon Babs lashed Hong Kong on Sunday after killing more than 150 people in the Philippines.",
            "Typhoon Babs lashed Hong Kong on Sunday, having killed at least 156 people in the northern Philippines.",
        ])
        .is_empty());
        assert_eq!(
            conflict_values(&[
                "Typhoon Babs lashed Hong Kong on Sunday after killing at least 150 people in the Philippines.",
                "Typhoon Babs lashed Hong Kong on Sunday after killing at least 156 people in the Philippines.",
            ]),
            [(SlotKind::Number, vec!["150".into(), "156".into()])]
        );
        // Lower bounds several times apart disagree.
        assert_eq!(
            conflict_values(&[
                "Typhoon Babs lashed Hong Kong on Sunday after killing more than 150 people in the Philippines.",
                "Typhoon Babs lashed Hong Kong on Sunday, having killed at least 456 people in the northern Philippines.",
            ]),
            [(SlotKind::Number, vec!["150".into(), "456".into()])]
        );
        // One number written two ways.
        assert!(conflict_values(&[
            "The probe's 4½-inch-thick carbon-composite solar shield will withstand temperatures close to 2,500 degrees.",
            "The probe's 4.5-inch-thick carbon-composite solar shield will withstand temperatures close to 2,500 degrees.",
        ])
        .is_empty());
    }

    #[test]
    fn values_for_alignment() {
        let lowercase: FxHashSet<String> = ["police".to_owned()].into_iter().collect();
        let got = |text: &str| -> Vec<String> {
            values_of(text, 0, &StopWords::default(), &lowercase, false)
                .into_iter()
                .map(|s| s.value)
                .collect()
        };
        // A capitalized function word mid-clause is part of a name.
        assert_eq!(got("He said the With States deplored it."), ["With States"]);
        // A sentence's first word the cluster writes in lowercase is none.
        assert_eq!(
            got("Police said Rudolf Franz-Joseph Petschi was freed."),
            ["Rudolf Franz-Joseph Petschi"]
        );
        // A month's abbreviation is the month.
        assert_eq!(
            got("It opened on Nov. 12, 2014."),
            got("It opened on November 12, 2014.")
        );
        // The day a source reports on is no value of the fact.
        assert_eq!(
            got("The tribunal will resume its probe, an official said Wednesday."),
            Vec::<String>::new()
        );
        assert_eq!(
            got("The tribunal will resume its probe on Wednesday."),
            ["wednesday"]
        );
    }

    #[test]
    fn speakers_by_source_under_the_fullest_name() {
        let c = compare(&cluster(&[
            "Sergey Lavrov met the press. \"The strike was unlawful,\" Lavrov said.",
            "\"We want answers,\" said Lavrov. The talks went on.",
        ]))
        .unwrap();
        assert_eq!(c.speakers[0].speaker, "Sergey Lavrov");
        assert_eq!(c.speakers[0].documents, [0, 1]);
    }

    #[test]
    fn a_name_with_and_without_its_arabic_article_is_one_speaker() {
        let c = compare(&cluster(&[
            "Syrian President Bashar al-Assad spoke. \"The strike was aggression,\" Assad said.",
            "\"We will respond,\" said Bashar Assad. The talks went on.",
        ]))
        .unwrap();
        assert_eq!(c.speakers.len(), 1, "{:?}", c.speakers);
        assert!(
            c.speakers[0].speaker.starts_with("Bashar"),
            "{:?}",
            c.speakers
        );
        assert_eq!(c.speakers[0].documents, [0, 1]);
        assert_eq!(name_word_key("al-Assad"), "assad");
        assert_eq!(name_word_key("Al-Qaeda"), "qaeda");
        assert_eq!(name_word_key("al-Ab"), "al-ab");
        assert_eq!(name_word_key("Ashton"), "ashton");
    }

    #[test]
    fn a_word_put_for_another_counts_as_aligned() {
        // Without the substituted name the two tellings align on too few
        // words to be compared; the name put for another is the conflict.
        assert_eq!(
            conflict_values(&[
                "In a BuzzFeed article posted Oct. 30, actor Anthony Rapp alleged that Spacey made inappropriate sexual advances toward him when he was only 14.",
                "Anthony Rapp, an actor on Star Trek: Discovery, told BuzzFeed in an interview on Oct. 29 that Plummer made sexual advances in 1986, when he was 14, in Spacey's New York apartment.",
            ]),
            [(SlotKind::Name, vec!["Spacey".into(), "Plummer".into()])]
        );
    }

    #[test]
    fn an_owner_is_not_the_value_moved() {
        assert_eq!(
            conflict_values(&[
                "Caballero later confronted Washington outside Austin's apartment and shot him, police said.",
                "Hall said Caballero then confronted Austin outside the Montpelier apartment building and shot him.",
            ]),
            [(SlotKind::Name, vec!["Washington".into(), "Austin".into()])]
        );
    }

    #[test]
    fn a_given_name_is_no_other_word_for_a_place() {
        // Each source writes the other's word, and its own twice: the rule
        // for two words used side by side ("Games" / "Olympics") would
        // drop the conflict, but Conor is a person's name.
        assert_eq!(
            conflict_values(&[
                "He became a journalism instructor at Red Conor College in 2002 and resigned in 2011. \
                 Conor said little. The River was high.",
                "The well-known Winnipeg personality taught journalism at Red River College between 2002 and 2011. \
                 The River rose. Conor spoke.",
            ]),
            [(
                SlotKind::Name,
                vec!["Red Conor College".into(), "Red River College".into()]
            )]
        );
    }

    #[test]
    fn items_of_two_lists_of_different_lengths_do_not_conflict() {
        assert!(conflict_values(&[
            "Several African leaders, including the heads of the Congo, Chad and Sudan, have defiantly traveled to Libya by plane since the vote.",
            "Several African leaders, including the heads of state of Niger, Chad, Mali, Eritrea, Gambia and Uganda, have defiantly traveled to Libya by plane.",
        ])
        .is_empty());
        // One list told with one item changed still conflicts.
        assert_eq!(
            conflict_values(&[
                "Several African leaders, including the heads of Congo, Chad and Sudan, have defiantly traveled to Libya by plane.",
                "Several African leaders, including the heads of Niger, Chad and Sudan, have defiantly traveled to Libya by plane.",
            ]),
            [(SlotKind::Name, vec!["Congo".into(), "Niger".into()])]
        );
    }

    #[test]
    fn conversions_that_differ_as_roundings_do_agree() {
        assert!(conflict_values(&[
            "Moving at 11 kph, the typhoon is expected to be 300 kilometers (187 miles) south-southeast of Hong Kong by Sunday.",
            "Moving at 11 kph, the typhoon is expected to be 300 kilometers (186 miles) south-southeast of Hong Kong by Sunday.",
        ])
        .is_empty());
        assert_eq!(
            conflict_values(&[
                "The lowest temperature reported was minus 26 Celsius (minus 15 Fahrenheit) early Sunday in Ostroleka.",
                "The lowest temperature reported was minus 26 Celsius (minus 4 Fahrenheit) early Sunday in Ostroleka.",
            ]),
            [(SlotKind::Number, vec!["15".into(), "4".into()])]
        );
    }

    #[test]
    fn the_one_clock_time_of_two_tellings_conflicts() {
        assert_eq!(
            conflict_values(&[
                "A vigil will be held at 10 p.m. Thursday at Bernie Ward Community Center.",
                "Melquan's family is holding a vigil Thursday at 6:00 at Bernie Ward Community Center.",
            ]),
            [(SlotKind::Date, vec!["10 p.m.".into(), "6:00".into()])]
        );
        // The same time written two ways, and a time bounding a count.
        assert!(conflict_values(&[
            "A vigil will be held at 6 p.m. Thursday at Bernie Ward Community Center.",
            "Melquan's family is holding a vigil Thursday at 6:00 at Bernie Ward Community Center.",
        ])
        .is_empty());
        assert!(clock_times("The toll stood at 12 as of 5 p.m. Sunday.").is_empty());
        // A space after the colon, as the truncated Multi-News release
        // prints times: the minutes are no hour of their own.
        assert_eq!(
            clock_times("It happened around 6: 15 p.m. Thursday.")
                .into_iter()
                .map(|(t, _)| t)
                .collect::<Vec<_>>(),
            [(6, 15, Some(true))]
        );
        // A page's time stamp.
        assert!(clock_times(
            "Update (2/6/18 9: 49 a.m.): the department has released a statement."
        )
        .is_empty());
    }

    #[test]
    fn ages_of_two_people_do_not_conflict() {
        assert!(conflict_values(&[
            "A Vernal man has been charged with raping a 9-year-old girl while her mother was high, police say.",
            "A 36-year-old Vernal man was charged with raping a child while her mother was high, police say.",
        ])
        .is_empty());
        assert_eq!(
            conflict_values(&[
                "A 35-year-old Vernal woman was charged with the theft on Friday, police say.",
                "A 36-year-old Vernal woman was charged with the theft on Friday, police say.",
            ]),
            [(SlotKind::Number, vec!["35".into(), "36".into()])]
        );
    }

    #[test]
    fn an_opening_capital_of_a_lowercased_source_is_no_name() {
        let lowercased = |lead: &str| {
            format!(
                "{lead} the u.s. will protest what it called the unsafe interception of a u.s. {} plane by a russian fighter over the baltic sea last week. \
                 american officials said sunday the incident was an example of increasingly aggressive air operations by moscow, which has flown many such missions. \
                 the pentagon said it would file a complaint with russia through diplomatic channels later this week, officials said.",
                if lead.is_empty() { "Spy" } else { "Reconnaissance" }
            )
        };
        assert!(conflict_values(&[&lowercased(""), &lowercased("Washington —")]).is_empty());
    }

    #[test]
    fn a_statement_left_alone_joins_the_fact_it_still_mostly_shares() {
        // The second source's changed telling ("Stephen Edward Oliver")
        // shares half its terms with the first source's statement, but the
        // fact that statement stands in already holds two of the second
        // source's sentences and others the changed telling shares little
        // with, so the groups do not merge; the lone statement joins that
        // fact by its closest statement, and the names conflict.
        let a = "Miami Gardens Police Chief Stephen Johnson was arrested for soliciting a prostitute in Dania Beach Friday, officials said.\n\n\
                 According to a Broward Sheriff's Office arrest report, deputies were conducting an undercover operation targeting solicitation of prostitution at a Dania Beach hotel.";
        let b = "Police Chief Stephen Edward Oliver, 53, was arrested Friday by detectives posing as escorts in a Dania Beach hotel room.\n\n\
                 What he found inside were cops posing as prostitutes in an undercover sting operation by the Broward Sheriff's Office.\n\n\
                 Broward Sheriff's Office Stephen Johnson lost his job as Miami Gardens police chief after being arrested Friday by undercover cops posing as escorts in Dania Beach.\n\n\
                 Stephen Johnson lost his job as Miami Gardens police chief after being arrested Friday by undercover cops posing as escorts in Dania Beach.\n\n\
                 (Broward Sheriff's Office)\n\n\
                 According to the Broward Sheriff's Office, here's what led to the top cop's arrest:";
        let c = "On Friday night, he lost his job after being arrested and charged with soliciting a prostitute at a Dania Beach hotel as part of a sting operation by the Broward County Sheriff's Office.\n\n\
                 The Broward Sheriff's Office gave this account of Johnson's arrest:";
        let got = conflict_values(&[a, b, c]);
        assert!(
            got.contains(&(
                SlotKind::Name,
                vec![
                    "Miami Gardens Police Chief Stephen Johnson".into(),
                    "Chief Stephen Edward Oliver".into()
                ]
            )),
            "{got:?}"
        );
    }

    #[test]
    fn how_far_a_count_has_gone_is_no_result() {
        assert!(conflict_values(&[
            "In preliminary returns, Cardoso appeared to have won the presidency with 51 percent of the vote, far ahead of his rival.",
            "With 22 percent of the vote counted, Cardoso appeared to have won the presidency, far ahead of his rival.",
        ])
        .is_empty());
        assert_eq!(
            conflict_values(&[
                "In preliminary returns, Cardoso appeared to have won the presidency with 51 percent of the vote, far ahead of his rival.",
                "In preliminary returns, Cardoso appeared to have won the presidency with 56 percent of the vote, far ahead of his rival.",
            ]),
            [(
                SlotKind::Number,
                vec!["51 percent".into(), "56 percent".into()]
            )]
        );
    }

    #[test]
    fn a_day_before_its_month_is_the_same_date() {
        assert_eq!(
            conflict_values(&[
                "The North Korean delegation will begin arriving in South Korea on Jan. 21, according to the joint statement.",
                "The North Korean delegation will begin arriving in South Korea on 25 January.",
            ]),
            [(SlotKind::Date, vec!["jan 21".into(), "jan 25".into()])]
        );
        assert!(conflict_values(&[
            "The North Korean delegation will begin arriving in South Korea on Jan. 25, according to the joint statement.",
            "The North Korean delegation will begin arriving in South Korea on 25 January.",
        ])
        .is_empty());
    }

    #[test]
    fn a_date_moved_with_its_day_changed_conflicts() {
        assert_eq!(
            conflict_values(&[
                "President Donald Trump speaks during a news conference, Thursday, Feb. 14, 2017, in the East Room of the White House in Washington.",
                "President Donald Trump takes questions during a news conference in the East Room of the White House in Washington, Thursday, Feb. 16, 2017.",
            ]),
            [(SlotKind::Date, vec!["feb 14".into(), "feb 16".into()])]
        );
        assert!(conflict_values(&[
            "President Donald Trump speaks during a news conference, Thursday, Feb. 16, 2017, in the East Room of the White House in Washington.",
            "President Donald Trump takes questions during a news conference in the East Room of the White House in Washington, Thursday, Feb. 16, 2017.",
        ])
        .is_empty());
    }
}
