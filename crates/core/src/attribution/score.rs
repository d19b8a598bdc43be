//! Attribution against labels: precision, recall and cut names.
//!
//! A label is a file, the byte span of a quotation's words and the speaker
//! a careful reader gives it (`none` when the text does not say). A found
//! quotation answers the label whose span it overlaps most. Speakers are
//! compared after lowercasing, dropping a leading article, titles and
//! punctuation ("Mr. Blair" = "Blair"; "the Chilean government" = "Chilean
//! government").
//!
//! - precision: right speakers / speakers named for labelled quotations;
//! - recall: right speakers / labelled quotations that have a speaker;
//! - cut names: speakers named with only part of the labelled person's
//!   name ("Alexander" for Alexander Krasnov) / speakers named.

use super::Quotation;
use crate::model::Span;
use serde::{Deserialize, Serialize};

/// How a label names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    Person,
    Descriptive,
    Org,
    /// The text does not say who speaks.
    None,
}

/// One labelled quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Label {
    /// `cluster/document` as the label file writes it.
    pub file: String,
    /// Byte span of the quoted words.
    pub span: Span,
    pub kind: LabelKind,
    /// `None` for [`LabelKind::None`].
    pub speaker: Option<String>,
}

/// A line of a label file that does not read.
#[derive(Debug, thiserror::Error)]
#[error("label line {line}: {reason}")]
pub struct LabelError {
    pub line: usize,
    pub reason: String,
}

/// Reads a label file: `file TAB start TAB end TAB kind TAB speaker` per
/// line; `#` lines are comments.
pub fn parse_labels(tsv: &str) -> Result<Vec<Label>, LabelError> {
    let mut out = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let err = |reason: &str| LabelError {
            line: i + 1,
            reason: reason.to_owned(),
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let [file, start, end, kind, speaker] = fields[..] else {
            return Err(err("expected 5 tab-separated fields"));
        };
        let start: usize = start.parse().map_err(|_| err("start is no number"))?;
        let end: usize = end.parse().map_err(|_| err("end is no number"))?;
        if end < start {
            return Err(err("end before start"));
        }
        let kind = match kind {
            "person" => LabelKind::Person,
            "descriptive" => LabelKind::Descriptive,
            "org" => LabelKind::Org,
            "none" => LabelKind::None,
            _ => return Err(err("unknown kind")),
        };
        out.push(Label {
            file: file.to_owned(),
            span: Span::new(start, end),
            kind,
            speaker: (kind != LabelKind::None).then(|| speaker.to_owned()),
        });
    }
    Ok(out)
}

/// Counts behind the figures, summed over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionCounts {
    /// Labelled quotations.
    pub labelled: usize,
    /// Labelled quotations that have a speaker.
    pub with_speaker: usize,
    /// Labelled quotations found (a found quotation overlaps them).
    pub found: usize,
    /// Found labelled quotations given a speaker.
    pub named: usize,
    /// Speakers named right.
    pub correct: usize,
    /// Speakers named with part of the labelled person's name.
    pub cut: usize,
}

impl AttributionCounts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.named)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.with_speaker)
    }
    pub fn cut_rate(&self) -> f64 {
        ratio(self.cut, self.named)
    }
    pub fn add(&mut self, o: &AttributionCounts) {
        self.labelled += o.labelled;
        self.with_speaker += o.with_speaker;
        self.found += o.found;
        self.named += o.named;
        self.correct += o.correct;
        self.cut += o.cut;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// What became of one label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Missed,
    Unnamed,
    Correct,
    Cut(String),
    Wrong(String),
}

/// Scores the quotations found in one document against its labels; the
/// outcome of each label, in order, and the counts.
pub fn score_document(labels: &[&Label], found: &[Quotation]) -> (Vec<Outcome>, AttributionCounts) {
    let mut c = AttributionCounts::default();
    let mut outcomes = Vec::with_capacity(labels.len());
    for l in labels {
        c.labelled += 1;
        c.with_speaker += usize::from(l.speaker.is_some());
        let best = found
            .iter()
            .map(|q| (overlap(q.span, l.span), q))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, _)| *o)
            .map(|(_, q)| q);
        let Some(q) = best else {
            outcomes.push(Outcome::Missed);
            continue;
        };
        c.found += 1;
        let Some(got) = &q.speaker else {
            outcomes.push(Outcome::Unnamed);
            continue;
        };
        c.named += 1;
        let want = l.speaker.as_deref().map(normalize).unwrap_or_default();
        let got_n = normalize(got);
        if !want.is_empty() && want == got_n {
            c.correct += 1;
            outcomes.push(Outcome::Correct);
        } else if l.kind == LabelKind::Person && is_cut(&got_n, &want) {
            c.cut += 1;
            outcomes.push(Outcome::Cut(got.clone()));
        } else {
            outcomes.push(Outcome::Wrong(got.clone()));
        }
    }
    (outcomes, c)
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "gen",
    "sen",
    "rep",
    "gov",
    "rev",
    "sir",
    "president",
];

/// Lowercase words, punctuation, a leading article and titles dropped.
pub fn normalize(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' || c == '-' {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let mut words: Vec<&str> = cleaned.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| matches!(*w, "a" | "an" | "the"))
    {
        words.remove(0);
    }
    while words.len() > 1 && TITLES.contains(&words[0]) {
        words.remove(0);
    }
    words.join(" ")
}

/// Whether `got` is a strict part of the person name `want` (words of it).
fn is_cut(got: &str, want: &str) -> bool {
    let want_words: Vec<&str> = want.split_whitespace().collect();
    let got_words: Vec<&str> = got.split_whitespace().collect();
    !got_words.is_empty()
        && got_words.len() < want_words.len()
        && got_words.iter().all(|w| want_words.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotation(span: Span, speaker: Option<&str>) -> Quotation {
        Quotation {
            span,
            speaker: speaker.map(str::to_owned),
            kind: None,
            speaker_span: None,
            antecedent: None,
            continues: None,
        }
    }

    #[test]
    fn labels_parse_and_bad_lines_are_errors() {
        let labels =
            parse_labels("# header\nd1/a\t3\t9\tperson\tAnn Clywd\nd1/a\t20\t30\tnone\t-\n")
                .unwrap();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[1].speaker, None);
        assert!(parse_labels("d1/a\t9\t3\tperson\tX\n").is_err());
        assert!(parse_labels("d1/a\t3\tperson\tX\n").is_err());
        assert!(parse_labels("d1/a\t3\t9\tfriend\tX\n").is_err());
    }

    #[test]
    fn correct_cut_wrong_and_missed_are_told_apart() {
        let labels = parse_labels(
            "f\t0\t10\tperson\tAlexander Krasnov\nf\t20\t30\tperson\tTony George\nf\t40\t50\tperson\tMr. Simpson\nf\t60\t70\tnone\t-\nf\t80\t90\tperson\tX Y\n",
        )
        .unwrap();
        let refs: Vec<&Label> = labels.iter().collect();
        let found = [
            quotation(Span::new(1, 9), Some("Alexander")),
            quotation(Span::new(20, 30), Some("Tony George")),
            quotation(Span::new(40, 50), Some("Simpson")),
            quotation(Span::new(60, 70), Some("Menendez")),
        ];
        let (outcomes, c) = score_document(&refs, &found);
        assert_eq!(
            outcomes,
            [
                Outcome::Cut("Alexander".into()),
                Outcome::Correct,
                Outcome::Correct,
                Outcome::Wrong("Menendez".into()),
                Outcome::Missed
            ]
        );
        assert_eq!((c.named, c.correct, c.cut, c.with_speaker), (4, 2, 1, 4));
        assert!((c.precision() - 0.5).abs() < 1e-9);
        assert!((c.recall() - 0.5).abs() < 1e-9);
    }
}
