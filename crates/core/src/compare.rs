//! Source comparison, the report of `brief compare`: which facts each
//! source reports, who each source quotes, and where sources disagree.
//!
//! - **Facts** are groups of statements (body sentences) that say the same
//!   thing across sources: sentences of different documents joined when the
//!   redundancy stage's duplicate test ([`RedundancyFilter`]) holds for
//!   them (copies, near-copies, paraphrases).
//! - The **matrix** gives, per fact, the statement each source makes of it.
//! - Per **source**: the facts only it reports, and the widely reported
//!   facts (at least half the sources, and two) it omits.
//! - **Speakers**: who is quoted, by which source ([`crate::attribution`]).
//! - **Conflicts**: within one fact, the same slot with different values
//!   in different sources — a number counting the same thing ("12 people" /
//!   "15 people"), a date, or a name between the same words ("met in
//!   Geneva on" / "met in Vienna on"; not two spellings or forms of one
//!   name) — each value with its byte span.
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
use crate::redundancy::aliases::AliasTable;
use crate::redundancy::copies::lcs_ratio;
use crate::redundancy::{RedundancyFilter, RedundancyView};
use crate::similarity::intersection_size;
use crate::text::calendar::{is_calendar_name, is_month_name, WEEKDAYS};
use crate::text::words::{words, Word};
use crate::text::StopWords;
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
    let conflicts = conflicts(p, &facts);
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
            let score = if filter.duplicates(a, b) {
                1.0 + overlap
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
        let words: Vec<&str> = name.split_whitespace().collect();
        named
            .iter()
            .filter(|other| {
                let ow: Vec<&str> = other.split_whitespace().collect();
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

const SCALES: &[&str] = &[
    "million", "billion", "trillion", "thousand", "hundred", "percent",
];

/// The slots of one statement (`text` at `offset` in its document).
fn slots(text: &str, offset: usize, stop: &StopWords) -> Vec<Slot> {
    let ws: Vec<Word<'_>> = words(text);
    let key = |w: &Word<'_>| w.text.to_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let lower = key(w);
        let span = |a: usize, b: usize| Span::new(offset + ws[a].start, offset + ws[b].end);
        // A number written "1,200" or "3.5" is several words; join them.
        if is_numeric(w.text) {
            let mut j = i;
            while j + 1 < ws.len()
                && is_numeric(ws[j + 1].text)
                && matches!(&text[ws[j].end..ws[j + 1].start], "," | ".")
            {
                j += 1;
            }
            let mut value: String = text[ws[i].start..ws[j].end].replace(',', "");
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
            if let Some(next) = ws.get(k) {
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
                && text[ws[j].end..ws[j + 1].start] == *" "
            {
                j += 1;
            }
            if lowercase_before && !stop.contains(&lower) {
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

/// Conflicts within each fact stated by two or more sources: between two
/// statements of different sources that share most content terms (a loose
/// fact groups sentences too different to compare slot by slot).
fn conflicts(p: &PreparedCluster<'_>, facts: &[Fact]) -> Vec<Conflict> {
    let stop = StopWords::default();
    let view = RedundancyView::of(p);
    let mut aliases: Option<AliasTable> = None;
    let mut out: Vec<Conflict> = Vec::new();
    for f in facts.iter().filter(|f| f.documents.len() >= 2) {
        let found: Vec<Vec<Slot>> = f
            .statements
            .iter()
            .map(|s| slots(&s.text, s.span.start, &stop))
            .collect();
        // Every value a statement holds, of any slot: a value the other
        // statement also gives (in another slot) is no conflict.
        let values: Vec<Vec<&str>> = found
            .iter()
            .map(|ss| ss.iter().map(|s| s.value.as_str()).collect())
            .collect();
        let global: Vec<usize> = f
            .statements
            .iter()
            .map(|s| p.doc_sentences[s.doc].start + s.sentence)
            .collect();
        let mut found_here: Vec<Conflict> = Vec::new();
        for i in 0..f.statements.len() {
            for j in i + 1..f.statements.len() {
                if f.statements[i].doc == f.statements[j].doc {
                    continue;
                }
                let (sa, sb) = (&view.term_sets[global[i]], &view.term_sets[global[j]]);
                let smaller = sa.len().min(sb.len()).max(1);
                if (intersection_size(sa, sb) as f64) < CONFLICT_OVERLAP * smaller as f64 {
                    continue;
                }
                for a in &found[i] {
                    for b in found[j]
                        .iter()
                        .filter(|b| b.kind == a.kind && b.key == a.key)
                    {
                        if a.value == b.value
                            || values[j].contains(&a.value.as_str())
                            || values[i].contains(&b.value.as_str())
                        {
                            continue;
                        }
                        // Two names of one actor ("U.S." / "USA", "Moscow" /
                        // "Russian Federation") are no conflict.
                        if a.kind == SlotKind::Name && same_name(&a.value, &b.value) {
                            continue;
                        }
                        if a.kind == SlotKind::Name {
                            let aliases =
                                aliases.get_or_insert_with(|| AliasTable::from_cluster(p.cluster));
                            if aliases.canonical_text(&a.value) == aliases.canonical_text(&b.value)
                            {
                                continue;
                            }
                        }
                        let side = |si: usize, s: &Slot| ConflictSide {
                            doc: f.statements[si].doc,
                            span: s.span,
                            value: s.value.clone(),
                            statement: f.statements[si].span,
                        };
                        let k = match found_here
                            .iter()
                            .position(|c| c.kind == a.kind && c.slot == a.key)
                        {
                            Some(k) => k,
                            None => {
                                found_here.push(Conflict {
                                    fact: f.id,
                                    kind: a.kind,
                                    slot: a.key.clone(),
                                    sides: Vec::new(),
                                });
                                found_here.len() - 1
                            }
                        };
                        for side in [side(i, a), side(j, b)] {
                            let sides = &mut found_here[k].sides;
                            if !sides
                                .iter()
                                .any(|x| x.doc == side.doc && x.span == side.span)
                            {
                                sides.push(side);
                            }
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

/// Whether two names likely name one thing: one's words within the
/// other's ("Kurdish" / "Turkish Kurdish"), or spelled alike ("Jeddah" /
/// "Jidda", "Gouming" / "Guoming": most letters in order).
fn same_name(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    if wa.iter().all(|w| wb.contains(w)) || wb.iter().all(|w| wa.contains(w)) {
        return true;
    }
    // Spelling is compared on the words that differ ("Augusto Pinochet" /
    // "Augusto Lagos" differ in "Pinochet" / "Lagos").
    let only = |x: &[&str], y: &[&str]| -> Vec<char> {
        x.iter()
            .filter(|w| !y.contains(w))
            .flat_map(|w| w.to_lowercase().chars().collect::<Vec<_>>())
            .collect()
    };
    lcs_ratio(&only(&wa, &wb), &only(&wb, &wa)) >= SAME_SPELLING
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
}
