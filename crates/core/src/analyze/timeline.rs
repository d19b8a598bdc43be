//! Dated mentions and the story's timeline.
//!
//! Temporal expressions are found with hand-written rules in the spirit of
//! HeidelTime (Strötgen & Gertz, 2013, "Multilingual and cross-domain
//! temporal tagging"), restricted to what news reports use: full dates
//! ("April 12, 2017"), day and month ("April 4"), month and year
//! ("October 2015"), a month alone ("in January"), weekdays ("on
//! Wednesday", "last Tuesday"), and deictic phrases ("last week", "last
//! month", "today", "yesterday"). Like HeidelTime's news mode, a relative
//! expression is anchored on the document's publication date
//! ([`crate::Document::date`], ISO 8601): a weekday or a month without a
//! year means the most recent one on or before that date. Without a date
//! the expression is kept relative. Days are [`Date`]s of
//! [`crate::text::calendar`].

use crate::model::Span;
use crate::prepare::PreparedCluster;
use crate::text::calendar::{
    days_in_month, parse_iso_date, Date, MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS,
};
use crate::text::words::{words, Word};
use serde::{Deserialize, Serialize};

/// A date expression in a document, normalized when possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// Index of the document.
    pub doc: usize,
    /// Byte span of the expression.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// First day meant (ISO 8601), when it could be worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Last day meant (equal to `start` for one day).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// One entry of the timeline: a sentence that says when something happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// The date expression that dates the sentence.
    pub when: DateMention,
    /// The sentence (from the first document that has it).
    pub sentence: String,
    /// Document index of that sentence.
    pub doc: usize,
    /// Position of the sentence among its document's body sentences.
    pub position: usize,
    /// Ids of every document reporting it (its copies included).
    pub sources: Vec<String>,
}

fn month_of(w: &Word<'_>) -> Option<u32> {
    if !w.is_capitalized() {
        return None;
    }
    let k = w.key();
    match MONTH_NAMES.iter().position(|m| *m == k) {
        Some(i) => Some(i as u32 + 1),
        None => MONTH_ABBREVIATIONS
            .iter()
            .find(|(m, _)| *m == k)
            .map(|&(_, n)| n),
    }
}

fn number(w: Option<&Word<'_>>) -> Option<u32> {
    let w = w?;
    if w.text.len() > 4 || !w.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.text.parse().ok()
}

fn year_of(n: u32) -> Option<i32> {
    (1900..=2100).contains(&n).then_some(n as i32)
}

fn month_range(year: i32, month: u32) -> (Date, Date) {
    let start = Date {
        year,
        month,
        day: 1,
    };
    let end = Date {
        year,
        month,
        day: days_in_month(year, month),
    };
    (start, end)
}

/// The most recent `month` on or before `anchor`'s month.
fn recent_month(anchor: Date, month: u32) -> (Date, Date) {
    let year = if month <= anchor.month {
        anchor.year
    } else {
        anchor.year - 1
    };
    month_range(year, month)
}

/// Date expressions of `text`, anchored on `anchor` when given.
pub fn find_dates(text: &str, anchor: Option<Date>) -> Vec<(Span, Option<(Date, Date)>)> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let key = w.key();
        let prev = i.checked_sub(1).map(|j| ws[j].key());
        // Month [day] [, year] / month year / month alone after a preposition.
        if let Some(month) = month_of(w) {
            let day = number(ws.get(i + 1)).filter(|d| (1..=31).contains(d));
            if let Some(day) = day {
                let year = number(ws.get(i + 2)).and_then(year_of);
                let end = if year.is_some() { i + 2 } else { i + 1 };
                let resolved = match (year, anchor) {
                    (Some(y), _) => Date::new(y, month, day).map(|d| (d, d)),
                    (None, Some(a)) => {
                        let (s, _) = recent_month(a, month);
                        Date::new(s.year, month, day).map(|d| (d, d))
                    }
                    (None, None) => None,
                };
                out.push((Span::new(w.start, ws[end].end), resolved));
                i = end + 1;
                continue;
            }
            if let Some(y) = number(ws.get(i + 1)).and_then(year_of) {
                out.push((
                    Span::new(w.start, ws[i + 1].end),
                    Some(month_range(y, month)),
                ));
                i += 2;
                continue;
            }
            let after_preposition = prev.as_deref().is_some_and(|p| {
                ["in", "since", "until", "by", "early", "late", "mid", "last"].contains(&p)
            });
            if after_preposition && key != "may" && key != "mar" {
                out.push((
                    Span::new(w.start, w.end),
                    anchor.map(|a| recent_month(a, month)),
                ));
            }
            i += 1;
            continue;
        }
        // Weekdays, with "last"/"next" before them.
        if w.is_capitalized() {
            if let Some(wd) = WEEKDAYS.iter().position(|d| *d == key) {
                let modifier = prev
                    .as_deref()
                    .filter(|p| ["last", "next", "this"].contains(p));
                let start = if modifier.is_some() {
                    ws[i - 1].start
                } else {
                    w.start
                };
                let resolved = anchor.map(|a| {
                    let back = (i64::from(a.weekday()) - wd as i64).rem_euclid(7);
                    let d = match modifier {
                        Some("next") => {
                            a.add_days((wd as i64 - i64::from(a.weekday())).rem_euclid(7).max(1))
                        }
                        Some("last") => a.add_days(-(if back == 0 { 7 } else { back })),
                        _ => a.add_days(-back),
                    };
                    (d, d)
                });
                out.push((Span::new(start, w.end), resolved));
                i += 1;
                continue;
            }
        }
        // Deictic phrases.
        let next = ws.get(i + 1).map(|n| n.key());
        let phrase: Option<(usize, Option<(Date, Date)>)> = match (key.as_str(), next.as_deref()) {
            ("last" | "past", Some("week")) => Some((
                2,
                anchor.map(|a| {
                    let monday = a.add_days(-i64::from(a.weekday()) - 7);
                    (monday, monday.add_days(6))
                }),
            )),
            ("this", Some("week")) => Some((
                2,
                anchor.map(|a| {
                    let monday = a.add_days(-i64::from(a.weekday()));
                    (monday, monday.add_days(6))
                }),
            )),
            ("last" | "past", Some("month")) => Some((
                2,
                anchor.map(|a| {
                    let (y, m) = if a.month == 1 {
                        (a.year - 1, 12)
                    } else {
                        (a.year, a.month - 1)
                    };
                    month_range(y, m)
                }),
            )),
            ("this", Some("month")) => Some((2, anchor.map(|a| month_range(a.year, a.month)))),
            ("last" | "past", Some("year")) => Some((
                2,
                anchor.map(|a| {
                    (
                        Date {
                            year: a.year - 1,
                            month: 1,
                            day: 1,
                        },
                        Date {
                            year: a.year - 1,
                            month: 12,
                            day: 31,
                        },
                    )
                }),
            )),
            ("today" | "tonight", _) => Some((1, anchor.map(|a| (a, a)))),
            ("yesterday", _) => Some((1, anchor.map(|a| (a.add_days(-1), a.add_days(-1))))),
            ("tomorrow", _) => Some((1, anchor.map(|a| (a.add_days(1), a.add_days(1))))),
            _ => None,
        };
        if let Some((len, resolved)) = phrase {
            out.push((Span::new(w.start, ws[i + len - 1].end), resolved));
            i += len;
            continue;
        }
        // A year on its own after a preposition ("in 2016", "since 2013");
        // a year used as a modifier ("its 2013 commitment") dates nothing.
        let after_preposition = prev.as_deref().is_some_and(|p| {
            [
                "in", "since", "until", "by", "during", "before", "after", "from", "of",
            ]
            .contains(&p)
        });
        if let Some(y) = number(Some(w))
            .and_then(year_of)
            .filter(|_| after_preposition)
        {
            if w.text.len() == 4 {
                let start = Date {
                    year: y,
                    month: 1,
                    day: 1,
                };
                let end = Date {
                    year: y,
                    month: 12,
                    day: 31,
                };
                out.push((w_span(w), Some((start, end))));
            }
        }
        i += 1;
    }
    out
}

fn w_span(w: &Word<'_>) -> Span {
    Span::new(w.start, w.end)
}

/// Every date mention in the body sentences of `p`, per sentence index.
pub fn date_mentions(p: &PreparedCluster<'_>) -> Vec<(usize, DateMention)> {
    let mut out = Vec::new();
    for (i, s) in p.sentences.iter().enumerate() {
        let doc = &p.cluster.documents[s.doc];
        let anchor = doc.date.as_deref().and_then(parse_iso_date);
        let text = p.text(i);
        for (span, resolved) in find_dates(text, anchor) {
            let span = Span::new(span.start + s.span.start, span.end + s.span.start);
            out.push((
                i,
                DateMention {
                    doc: s.doc,
                    span,
                    text: doc.text[span.range()].to_owned(),
                    start: resolved.map(|(a, _)| a.iso()),
                    end: resolved.map(|(_, b)| b.iso()),
                },
            ));
        }
    }
    out
}

/// The timeline: one event per dated sentence (copies merged, with all
/// their sources), dated events in chronological order, then events whose
/// date stayed relative, in document order.
pub fn timeline(p: &PreparedCluster<'_>, family_of: &[Option<usize>]) -> Vec<TimelineEvent> {
    let mentions = date_mentions(p);
    let mut seen_families = Vec::new();
    let mut seen_sentences = Vec::new();
    let mut events = Vec::new();
    for (i, m) in &mentions {
        if seen_sentences.contains(i) {
            continue;
        }
        // The sentence's most specific resolved mention, else its first.
        let best = mentions
            .iter()
            .filter(|(j, _)| j == i)
            .map(|(_, m)| m)
            .min_by_key(|m| match (&m.start, &m.end) {
                (Some(s), Some(e)) if s == e => 0,
                (Some(_), _) => 1,
                _ => 2,
            })
            .unwrap_or(m);
        seen_sentences.push(*i);
        let mut docs = vec![p.sentences[*i].doc];
        if let Some(f) = family_of.get(*i).copied().flatten() {
            if seen_families.contains(&f) {
                continue;
            }
            seen_families.push(f);
            docs.extend(
                family_of
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| **g == Some(f))
                    .map(|(j, _)| p.sentences[j].doc),
            );
        }
        docs.sort_unstable();
        docs.dedup();
        let s = &p.sentences[*i];
        events.push(TimelineEvent {
            when: best.clone(),
            sentence: p.text(*i).to_owned(),
            doc: s.doc,
            position: s.position,
            sources: docs
                .iter()
                .map(|&d| p.cluster.documents[d].id.clone())
                .collect(),
        });
    }
    events.sort_by(|a, b| {
        let ka = (
            a.when.start.is_none(),
            a.when.start.clone(),
            a.when.end.clone(),
        );
        let kb = (
            b.when.start.is_none(),
            b.when.start.clone(),
            b.when.end.clone(),
        );
        ka.cmp(&kb)
            .then(a.doc.cmp(&b.doc))
            .then(a.position.cmp(&b.position))
    });
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(text: &str, anchor: &str) -> Vec<(String, Option<(String, String)>)> {
        find_dates(text, parse_iso_date(anchor))
            .into_iter()
            .map(|(s, r)| {
                (
                    text[s.range()].to_owned(),
                    r.map(|(a, b)| (a.iso(), b.iso())),
                )
            })
            .collect()
    }

    fn day(s: &str, d: &str) -> (String, Option<(String, String)>) {
        (s.to_owned(), Some((d.to_owned(), d.to_owned())))
    }

    fn range(s: &str, a: &str, b: &str) -> (String, Option<(String, String)>) {
        (s.to_owned(), Some((a.to_owned(), b.to_owned())))
    }

    #[test]
    fn expressions_resolve_against_the_document_date() {
        // 2017-04-12 is a Wednesday.
        let got = resolve(
            "The attack on April 4 was condemned on Wednesday. The strike came on Thursday, \
             last week, after October 2015 and the talks in January. Last month a bill failed; \
             on April 12, 2017 he spoke, and last Tuesday too. Its 2013 pledge dates from early in 2013.",
            "2017-04-12",
        );
        assert_eq!(
            got,
            [
                day("April 4", "2017-04-04"),
                day("Wednesday", "2017-04-12"),
                day("Thursday", "2017-04-06"),
                range("last week", "2017-04-03", "2017-04-09"),
                range("October 2015", "2015-10-01", "2015-10-31"),
                range("January", "2017-01-01", "2017-01-31"),
                range("Last month", "2017-03-01", "2017-03-31"),
                day("April 12, 2017", "2017-04-12"),
                day("last Tuesday", "2017-04-11"),
                range("2013", "2013-01-01", "2013-12-31"),
            ]
        );
    }

    #[test]
    fn without_a_document_date_relative_expressions_stay_relative() {
        let got = resolve("On Thursday, April 4 and April 12, 2017.", "");
        assert_eq!(
            got,
            [
                ("Thursday".to_owned(), None),
                ("April 4".to_owned(), None),
                day("April 12, 2017", "2017-04-12"),
            ]
        );
    }

    #[test]
    fn a_month_after_the_anchor_month_is_last_year() {
        let got = resolve("It began in November.", "2017-04-12");
        assert_eq!(got, [range("November", "2016-11-01", "2016-11-30")]);
    }
}
