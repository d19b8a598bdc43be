//! Direct quotations and who said them.
//!
//! Quotations are found by [`crate::text::quote_marks`].
//!
//! Attribution follows the patterns of news reporting described by Pareti
//! et al. (2013, "Automatically detecting and attributing indirect
//! quotations") and the rule-based baselines of Pouliquen et al. (2007,
//! "Automatic detection of quotations in multilingual news"): a speech verb
//! next to the quotation (`"…", Putin said`, `"…", said Lavrov`,
//! `Lavrov said "…"`, `… told reporters "…"`) whose subject is a named person,
//! a role alias ("the foreign minister") or a pronoun. A pronoun is resolved
//! to the person named in the nearest earlier sentence that names anyone,
//! when that sentence names one person (or one person as the subject of a
//! speech verb); otherwise, and for quotations with no speech verb nearby,
//! the speaker is left unattributed. Speakers are normalized through the
//! cluster's [`AliasTable`] ("Mr Tillerson" → "Rex Tillerson").

use crate::model::Span;
use crate::prepare::PreparedCluster;
use crate::redundancy::aliases::{AliasTable, EntityKind, Mention, SPEECH_VERBS};
use crate::text::quote_marks::{quote_marks, QuoteMarks};
use crate::text::words::{words, Word};
use serde::{Deserialize, Serialize};

/// A direct quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Index of the document in the cluster.
    pub doc: usize,
    /// Id of the document.
    pub doc_id: String,
    /// Byte span of the quoted text (without the marks).
    pub span: Span,
    /// The quoted text.
    pub text: String,
    /// The speaker's canonical name, or `None` when the text does not say.
    pub speaker: Option<String>,
    /// Byte span of the words naming the speaker (a name, role or pronoun).
    pub speaker_span: Option<Span>,
}

const PRONOUNS: &[&str] = &["he", "she"];

/// Words that may stand between a subject and its speech verb.
const AUXILIARIES: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "later",
    "then",
    "again",
    "once",
    "reportedly",
    "earlier",
    "previously",
    "would",
    "will",
    "repeatedly",
    "further",
];

fn span_of(w: &Word<'_>) -> Span {
    Span::new(w.start, w.end)
}

/// Every quotation in the body sentences of `p`, with its speaker.
pub fn attribute_quotes(p: &PreparedCluster<'_>, aliases: &AliasTable) -> Vec<Quote> {
    let mut out = Vec::new();
    for (d, doc) in p.cluster.documents.iter().enumerate() {
        let text = doc.text.as_str();
        let sentences: Vec<Span> = p.sentences[p.doc_sentences[d].clone()]
            .iter()
            .map(|s| s.span)
            .collect();
        let Some(body_start) = sentences.first().map(|s| s.start) else {
            continue;
        };
        let all_mentions = aliases.person_mentions(text);
        let quote_list: Vec<QuoteMarks> = quote_marks(&text[body_start..])
            .into_iter()
            .map(|q| QuoteMarks {
                outer: shift(q.outer, body_start),
                inner: shift(q.inner, body_start),
            })
            .filter(|q| {
                sentences
                    .iter()
                    .any(|s| s.start <= q.inner.start && q.inner.start < s.end)
            })
            .collect();
        // Names inside quotations are not speakers.
        let mentions: Vec<Mention> = all_mentions
            .into_iter()
            .filter(|m| {
                !quote_list
                    .iter()
                    .any(|q| q.inner.start <= m.span.start && m.span.end <= q.inner.end)
            })
            .collect();
        let ctx = Context {
            text,
            sentences: &sentences,
            mentions: &mentions,
            quotes: &quote_list,
            aliases,
        };
        for q in &quote_list {
            let found = ctx.speaker(q);
            out.push(Quote {
                doc: d,
                doc_id: doc.id.clone(),
                span: q.inner,
                text: text[q.inner.range()].to_owned(),
                speaker: found.map(|(g, _)| aliases.group(g).canonical.clone()),
                speaker_span: found.map(|(_, s)| s),
            });
        }
    }
    out
}

fn shift(s: Span, by: usize) -> Span {
    Span::new(s.start + by, s.end + by)
}

struct Context<'a> {
    text: &'a str,
    sentences: &'a [Span],
    mentions: &'a [Mention],
    quotes: &'a [QuoteMarks],
    aliases: &'a AliasTable,
}

/// A word outside quotation marks, with its offsets in the document.
#[derive(Debug, Clone, Copy)]
struct Outside<'a> {
    word: Word<'a>,
}

impl<'a> Context<'a> {
    /// The speaker group of `q` and the span naming it.
    fn speaker(&self, q: &QuoteMarks) -> Option<(usize, Span)> {
        let first = self
            .sentences
            .iter()
            .position(|s| s.start <= q.outer.start && q.outer.start < s.end.max(s.start + 1))
            .or_else(|| {
                self.sentences
                    .iter()
                    .position(|s| s.start <= q.inner.start && q.inner.start < s.end)
            })?;
        let last = self
            .sentences
            .iter()
            .rposition(|s| s.start < q.outer.end)
            .unwrap_or(first)
            .max(first);
        let (cs, ce) = (self.sentences[first].start, self.sentences[last].end);
        let left = self.outside_words(cs, q.outer.start);
        let right = self.outside_words(q.outer.end.min(ce), ce.max(q.outer.end));
        let opens_sentence = left.iter().all(|w| w.word.text.is_empty());
        if opens_sentence {
            self.speaker_after(&right, first)
                .or_else(|| self.speaker_before(&left, cs, first))
        } else {
            self.speaker_before(&left, cs, first)
                .or_else(|| self.speaker_after(&right, first))
        }
    }

    /// Words of `text[from..to]` that are not inside another quotation.
    fn outside_words(&self, from: usize, to: usize) -> Vec<Outside<'a>> {
        if from >= to {
            return Vec::new();
        }
        words(&self.text[from..to])
            .into_iter()
            .map(|w| Word {
                start: w.start + from,
                end: w.end + from,
                ..w
            })
            .filter(|w| {
                !self
                    .quotes
                    .iter()
                    .any(|q| q.outer.start <= w.start && w.end <= q.outer.end)
            })
            .map(|word| Outside { word })
            .collect()
    }

    /// `"…", Putin said` / `"…", said Lavrov` / `"…" he added`.
    fn speaker_after(&self, right: &[Outside<'_>], sentence: usize) -> Option<(usize, Span)> {
        let verb = right.iter().take(9).position(|w| is_speech_verb(&w.word))?;
        if verb == 0 {
            // "said Lavrov", "said Donald Trump".
            let next = right.get(1)?;
            let m = self.mention_starting_at(next.word.start)?;
            return Some((m.group, m.span));
        }
        self.subject_before(right, verb, sentence)
    }

    /// `Lavrov said "…"`, `… told reporters the countries reached a "…"`.
    fn speaker_before(
        &self,
        left: &[Outside<'_>],
        cs: usize,
        sentence: usize,
    ) -> Option<(usize, Span)> {
        let verb_index = left.iter().rposition(|w| is_speech_verb(&w.word))?;
        let verb = left[verb_index].word;
        if let Some(found) = self.subject_before(left, verb_index, sentence) {
            return Some(found);
        }
        // "said Delattre: "…"".
        if let Some(next) = left.get(verb_index + 1) {
            if let Some(m) = self.mention_starting_at(next.word.start) {
                return Some((m.group, m.span));
            }
        }
        // A coordinated or participial verb ("…, saying", "… and said")
        // shares the clause subject: the first person or pronoun of the sentence.
        let before = verb_index.checked_sub(1).map(|k| left[k].word);
        let coordinated = match before {
            None => false,
            Some(b) => b.key() == "and" || self.text[b.end..verb.start].contains(','),
        };
        if !coordinated {
            return None;
        }
        let mention = self
            .mentions
            .iter()
            .find(|m| m.span.start >= cs && m.span.end <= verb.start && !m.possessive);
        let pronoun = left[..verb_index]
            .iter()
            .find(|w| PRONOUNS.contains(&w.word.key().as_str()));
        match (mention, pronoun) {
            (Some(m), Some(p)) if p.word.start < m.span.start => self
                .resolve_pronoun(sentence)
                .map(|g| (g, span_of(&p.word))),
            (Some(m), _) => Some((m.group, m.span)),
            (None, Some(p)) => self
                .resolve_pronoun(sentence)
                .map(|g| (g, span_of(&p.word))),
            (None, None) => None,
        }
    }

    /// The subject directly before the verb at `ws[verb]` (auxiliaries and
    /// adverbs such as "has", "also", "later" may sit between): a person
    /// mention, a role alias, or a pronoun resolved backwards.
    fn subject_before(
        &self,
        ws: &[Outside<'_>],
        verb: usize,
        sentence: usize,
    ) -> Option<(usize, Span)> {
        let mut k = verb.checked_sub(1)?;
        while AUXILIARIES.contains(&ws[k].word.key().as_str()) {
            k = k.checked_sub(1)?;
        }
        let w = ws[k].word;
        if let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.span.end == w.end && !m.possessive)
        {
            return Some((m.group, m.span));
        }
        if PRONOUNS.contains(&w.key().as_str()) {
            return self.resolve_pronoun(sentence).map(|g| (g, span_of(&w)));
        }
        None
    }

    fn mention_starting_at(&self, start: usize) -> Option<&Mention> {
        self.mentions
            .iter()
            .find(|m| m.span.start == start && !m.possessive)
    }

    /// The person named in the nearest earlier sentence (two at most) that
    /// names anyone, when there is one such person.
    fn resolve_pronoun(&self, sentence: usize) -> Option<usize> {
        for s in (sentence.saturating_sub(2)..sentence).rev() {
            let span = self.sentences[s];
            let here: Vec<&Mention> = self
                .mentions
                .iter()
                .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
                .filter(|m| self.aliases.group(m.group).kind == EntityKind::Person)
                .collect();
            if here.is_empty() {
                continue;
            }
            let named: Vec<&Mention> = here.iter().copied().filter(|m| !m.possessive).collect();
            let mut groups: Vec<usize> = named.iter().map(|m| m.group).collect();
            groups.sort_unstable();
            groups.dedup();
            return match groups.as_slice() {
                [g] => Some(*g),
                [] => None,
                _ => {
                    // Several people: the one who speaks in that sentence.
                    let mut speakers: Vec<usize> = named
                        .iter()
                        .filter(|m| self.followed_by_speech_verb(m.span.end, span.end))
                        .map(|m| m.group)
                        .collect();
                    speakers.sort_unstable();
                    speakers.dedup();
                    match speakers.as_slice() {
                        [g] => Some(*g),
                        _ => None,
                    }
                }
            };
        }
        None
    }

    fn followed_by_speech_verb(&self, from: usize, to: usize) -> bool {
        words(&self.text[from..to.max(from)])
            .iter()
            .find(|w| !AUXILIARIES.contains(&w.key().as_str()))
            .is_some_and(is_speech_verb)
    }
}

fn is_speech_verb(w: &Word<'_>) -> bool {
    !w.is_capitalized() && SPEECH_VERBS.contains(&w.key().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cluster, Document};
    use crate::Pipeline;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let cluster = Cluster::new("c", vec![Document::new("d", text)]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let aliases = AliasTable::from_cluster(&cluster);
        attribute_quotes(&p, &aliases)
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    fn q(text: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (text.to_owned(), speaker.map(str::to_owned))
    }

    #[test]
    fn speech_verb_patterns() {
        let got = speakers(
            "Secretary of State Rex Tillerson arrived in Moscow. \"We can not let this happen again\", Mr Tillerson told reporters. \
             \u{201c}We discussed Assad today,\u{201d} said Lavrov. Lavrov said the strike was \"unlawful\". \
             \"It will continue\", he added. \"Nobody knows\".",
        );
        assert_eq!(
            got,
            [
                q("We can not let this happen again", Some("Rex Tillerson")),
                q("We discussed Assad today,", Some("Lavrov")),
                q("unlawful", Some("Lavrov")),
                q("It will continue", Some("Lavrov")),
                q("Nobody knows", None),
            ]
        );
    }

    #[test]
    fn pronoun_with_two_candidates_is_unattributed() {
        let got =
            speakers("President Putin met President Trump in Helsinki. \"It went well\", he said.");
        assert_eq!(got, [q("It went well", None)]);
    }

    #[test]
    fn role_alias_names_the_speaker() {
        let got = speakers(
            "Foreign Minister Sergey Lavrov met him. \"I hope that these contacts will continue\", the foreign minister said.",
        );
        assert_eq!(
            got,
            [q(
                "I hope that these contacts will continue",
                Some("Sergey Lavrov")
            )]
        );
    }
}
