//! Who says each quotation of a document.
//!
//! The rules follow how news reports speech (Pareti et al., 2013; the
//! rule-based baselines of Pouliquen et al., 2007, and of O'Keefe et al.,
//! 2012, "A sequence labelling approach to quote attribution", whose
//! rule baseline is this one):
//!
//! - after the quotation: `"…," Bouchard said`, `"…," said Ms. Clywd, who
//!   chairs…`, `"…," Cuisenier, 27, a Frenchman, said`, `"…," the newspaper
//!   quoted Zhang Xiong as saying`, `"…," Viktor Blagov was quoted as
//!   saying`, and a clause ending the sentence (`"…" and the reactions bear
//!   watching, Castro said`);
//! - before it: `Matutes, attending the summit, said his government "…"`,
//!   `Gephardt said: "…"`, `said Alun Michael, a senior official, "…"`,
//!   `calling it a case of "…"` (the clause's subject), a colon after a
//!   named subject (`Kudpong made his wish: "…"`), `according to X`;
//! - the subject of the speech verb is read through appositions and
//!   relative clauses set off by commas, titles ("Spanish Foreign Minister
//!   Abel Matutes") and places; it is a named person (known by the fullest
//!   form of the name in the document), a pronoun or "the spokesman"
//!   resolved by [`super::coref`], an unnamed person described ("a senior
//!   White House official", kept as such), or an institution ("a Cabinet
//!   statement");
//! - a quotation with no attribution of its own that opens its sentence
//!   continues the one before it in the paragraph, or, when it opens a
//!   paragraph, the quotation that ended the paragraph before; one inside
//!   the writer's own sentence (a title, a term) continues nothing.

use super::coref::{
    may_be_person, pronoun, resolve_pronoun, resolve_role, runs_in, KnownSpeaker, Pronoun,
};
use super::mentions::{normalize_space, Mentions, RunKind, PREPOSITIONS};
use super::quotes::QuoteSpan;
use super::tokens::{has_comma, DocTokens};
use crate::model::Span;
use crate::text::lexicon::{
    is_organization_head, is_place, is_role_noun, is_speech_verb, is_title, may_stand_before_verb,
};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How the text names a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A person named next to the quotation (by the fullest form of the
    /// name in the document).
    Named,
    /// A pronoun or role ("he", "the spokesman") resolved to a named person.
    Resolved,
    /// An unnamed person described ("a senior White House official").
    Descriptive,
    /// An institution or publication ("a Cabinet statement").
    Organization,
}

/// A speaker found for a quotation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub name: String,
    pub kind: SpeakerKind,
    /// The words naming the speaker where the quotation is attributed.
    pub span: Span,
    /// For a resolved pronoun or role: the named mention it refers to.
    pub antecedent: Option<Span>,
    /// The document entity, for named and resolved speakers.
    pub entity: Option<usize>,
    /// Token of the attribution words.
    token: usize,
}

/// The speaker of one quotation, and the quotation it continues.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuoteResult {
    pub found: Option<Found>,
    pub continues: Option<usize>,
}

/// Words that end a noun phrase read backwards from its head.
const CLAUSE_WORDS: &[&str] = &[
    "that", "and", "but", "or", "which", "who", "whom", "whose", "when", "while", "as", "because",
    "if", "since", "although", "though", "where", "so", "then", "than", "not", "also", "after",
    "before", "until", "unless", "whether",
];

/// Determiners that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "another", "some", "two", "three", "several", "many", "this", "these",
    "those", "each", "every", "other", "most", "few", "his", "her", "their", "its", "our",
];

/// How many sentences back a definite description ("the senator") looks
/// for the indefinite one that introduced its person.
const SENTENCES_BACK: usize = 3;

/// How many words may stand between a participle hanging on a noun
/// ("a statement saying", "a letter warning the city") and the quotation
/// it introduces.
const REDUCED_RELATIVE_REACH: usize = 6;

/// Nouns of what an institution issues and speaks through.
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "commentary",
    "communique",
    "report",
    "letter",
    "message",
    "editorial",
    "declaration",
];

/// Verbs of saying whose first word after them is whom the words are
/// addressed to or aimed at, never their speaker ("accused Iran of",
/// "told reporters", "urged Congress to").
const OBJECT_TAKING_VERBS: &[&str] = &[
    "accuse",
    "accuses",
    "accused",
    "accusing",
    "blame",
    "blames",
    "blamed",
    "blaming",
    "urge",
    "urges",
    "urged",
    "urging",
    "tell",
    "tells",
    "told",
    "telling",
    "thank",
    "thanks",
    "thanked",
    "thanking",
    "criticize",
    "criticizes",
    "criticized",
    "criticizing",
    "condemn",
    "condemns",
    "condemned",
    "condemning",
];

/// Forms of "be" that make a following participle passive.
const BE: &[&str] = &["was", "were", "is", "are", "be", "been", "being"];

/// Heads of a definite description that names a publication.
const PUBLICATION_HEADS: &[&str] = &[
    "newspaper",
    "paper",
    "daily",
    "agency",
    "station",
    "network",
];

/// Words of a publication's or agency's name.
const PUBLICATION_WORDS: &[&str] = &[
    "daily",
    "times",
    "post",
    "news",
    "herald",
    "tribune",
    "journal",
    "agency",
    "radio",
    "tv",
    "television",
    "press",
    "gazette",
    "telegraph",
];

/// Attributes every quotation of one document.
pub(crate) fn attribute(d: &DocTokens<'_>, m: &Mentions, quotes: &[QuoteSpan]) -> Vec<QuoteResult> {
    let mut ctx = Ctx {
        d,
        m,
        speakers: Vec::new(),
        descriptives: Vec::new(),
    };
    let mut out: Vec<QuoteResult> = Vec::with_capacity(quotes.len());
    for (qi, q) in quotes.iter().enumerate() {
        let result = ctx.quote(qi, q, quotes, &out);
        if let Some(f) = &result.found {
            if let Some(e) = f.entity {
                ctx.speakers.push(KnownSpeaker {
                    token: f.token,
                    entity: e,
                    span: f.span,
                });
            }
        }
        out.push(result);
    }
    out
}

struct Ctx<'a, 'd> {
    d: &'a DocTokens<'d>,
    m: &'a Mentions,
    speakers: Vec<KnownSpeaker>,
    /// Descriptive speakers found so far: head noun and name.
    descriptives: Vec<(String, String)>,
}

impl Ctx<'_, '_> {
    fn quote(
        &mut self,
        qi: usize,
        q: &QuoteSpan,
        quotes: &[QuoteSpan],
        done: &[QuoteResult],
    ) -> QuoteResult {
        let d = self.d;
        let qt = d.within(q.outer);
        let none = QuoteResult {
            found: None,
            continues: None,
        };
        let Some(s0) = d
            .sentences
            .iter()
            .position(|s| s.start <= q.inner.start && q.inner.start < s.end)
        else {
            return none;
        };
        let s1 = d
            .sentences
            .iter()
            .rposition(|s| s.start < q.inner.end)
            .unwrap_or(s0)
            .max(s0);
        let group = d.sentence_tokens[s0].start..d.sentence_tokens[s1].end;
        // Words outside this quotation, before and after it in its sentences.
        let left: Vec<usize> = (group.start..qt.start.max(group.start))
            .filter(|&t| !d.tokens[t].quoted)
            .collect();
        let right: Vec<usize> = (qt.end.min(group.end)..group.end)
            .filter(|&t| !d.tokens[t].quoted)
            .collect();
        let found = if left.is_empty() {
            self.right_immediate(&right, qt.end)
                .or_else(|| self.right_final(&right))
                .or_else(|| self.according_to(&group))
        } else if self.far_participle(&left, group.start) {
            self.right_immediate(&right, qt.end)
                .or_else(|| self.right_final(&right))
                .or_else(|| self.left(&left, group.start))
                .or_else(|| self.after_colon(q, &left))
                .or_else(|| self.according_to(&group))
        } else {
            self.left(&left, group.start)
                .or_else(|| self.after_colon(q, &left))
                .or_else(|| self.right_immediate(&right, qt.end))
                .or_else(|| self.right_final(&right))
                .or_else(|| self.according_to(&group))
        };
        if let Some(found) = found {
            return QuoteResult {
                found: Some(found),
                continues: None,
            };
        }
        // Continuation of the quotation before, when this one has no
        // attribution of its own.
        let has_verb = left.iter().chain(&right).any(|&t| self.verb_at(t));
        let Some(prev) = qi.checked_sub(1) else {
            return none;
        };
        let Some(prev_result) = done.get(prev) else {
            return none;
        };
        if has_verb || prev_result.found.is_none() {
            return none;
        }
        // A quotation set inside the writer's own sentence (clicked "like",
        // the film "Man on the Moon", a "vague admission") is a title or a
        // term, not more of the speech before it: only one that opens its
        // sentence goes on with it. Multi-News texts have no paragraph
        // breaks, and such words took the speaker of any quotation earlier
        // in the article.
        if !left.is_empty() {
            return none;
        }
        let para = |s: &QuoteSpan| d.tokens.get(d.first_at(s.inner.start)).map(|t| t.paragraph);
        let (Some(here), Some(there)) = (para(q), para(&quotes[prev])) else {
            return none;
        };
        let opens_paragraph = qt.start == 0
            || d.tokens
                .get(qt.start.wrapping_sub(1))
                .is_none_or(|t| t.paragraph != here);
        let prev_ends_paragraph = {
            let prev_end = d.first_at(quotes[prev].outer.end);
            // No sentence of the earlier paragraph after the one with the quotation.
            let prev_sentence = d
                .tokens
                .get(prev_end.saturating_sub(1))
                .and_then(|t| t.sentence);

            (prev_end..qt.start)
                .all(|t| d.tokens[t].paragraph != there || d.tokens[t].sentence == prev_sentence)
        };
        let continues =
            here == there || (opens_paragraph && here == there + 1 && prev_ends_paragraph);
        if !continues {
            return none;
        }
        let root = prev_result.continues.unwrap_or(prev);
        QuoteResult {
            found: prev_result.found.clone(),
            continues: Some(root),
        }
    }

    /// Whether token `t` is a speech verb in active voice.
    fn verb_at(&self, t: usize) -> bool {
        let tok = &self.d.tokens[t];
        if tok.quoted || tok.capitalized() || !is_speech_verb(&tok.key) {
            return false;
        }
        // "was quoted as saying" is handled by its "saying".
        let passive = t
            .checked_sub(1)
            .is_some_and(|p| BE.contains(&self.d.tokens[p].key()));
        !passive || tok.key == "quoted"
    }

    /// `"…," Bouchard said` / `"…," said Ms. Clywd` / `"…," the newspaper
    /// quoted Zhang Xiong as saying`.
    fn right_immediate(&mut self, right: &[usize], quote_end: usize) -> Option<Found> {
        let d = self.d;
        let window: Vec<usize> = right
            .iter()
            .copied()
            .take_while(|&t| t >= quote_end)
            .take(16)
            .collect();
        // The words must follow the quotation directly.
        if window.first().is_none_or(|&t| t != quote_end) {
            return None;
        }
        // Another sentence-like break before the verb ends the search.
        let v = window.iter().position(|&t| self.verb_at(t))?;
        if window[..v].windows(2).any(|w| w[1] != w[0] + 1)
            || window[..v]
                .iter()
                .any(|&t| d.gap_after(t).contains([';', '.']) && !self.is_abbreviation(t))
        {
            return None;
        }
        let verb = window[v];
        if let Some(f) = self.quoted_as_saying(verb, quote_end) {
            return Some(f);
        }
        if v == 0 {
            return self.subject_after(verb);
        }
        self.subject_before(verb, quote_end)
    }

    /// `"…" and the reactions bear watching, Castro said.`: a short clause
    /// ending the sentence.
    fn right_final(&mut self, right: &[usize]) -> Option<Found> {
        let d = self.d;
        let &last = right.last()?;
        // The last clause: back to the nearest comma.
        let mut start = last;
        while start > 0 && right.contains(&(start - 1)) && !has_comma(d.gap_before(start)) {
            start -= 1;
        }
        if last + 1 - start > 10 {
            return None;
        }
        let v = (start..=last).find(|&t| self.verb_at(t))?;
        if v == start {
            return self.subject_after(v);
        }
        self.subject_before(v, start)
    }

    /// Whether the last speech verb before the quotation is a participle
    /// hanging on a noun far from it: "Russia's veto of a resolution
    /// condemning an attack … put the country on the \"wrong side\" …, the
    /// Foreign Secretary said". Such a participle may still introduce the
    /// quotation ("issued a statement Sunday saying that … \"…\""), so an
    /// attribution after the quotation goes first.
    fn far_participle(&self, left: &[usize], limit: usize) -> bool {
        let d = self.d;
        let Some(&verb) = left.iter().rev().find(|&&t| self.verb_at(t)) else {
            return false;
        };
        let words_to_quote = left.iter().filter(|&&t| t > verb).count();
        d.tokens[verb].key.ends_with("ing")
            && !self.opens_clause(verb, limit)
            && words_to_quote > REDUCED_RELATIVE_REACH
    }

    /// Whether the verb at `verb` opens a clause of its own, which shares
    /// the subject of the sentence: ", adding", "replied by criticizing",
    /// "and demanded".
    fn opens_clause(&self, verb: usize, limit: usize) -> bool {
        let d = self.d;
        verb == limit
            || has_comma(d.gap_before(verb))
            || d.tokens
                .get(verb.wrapping_sub(1))
                .is_some_and(|t| t.key == "and" || t.key == "by")
    }

    /// A speech verb before the quotation in its sentence.
    fn left(&mut self, left: &[usize], limit: usize) -> Option<Found> {
        let d = self.d;
        let &verb = left.iter().rev().find(|&&t| self.verb_at(t))?;
        if let Some(f) = self.quoted_as_saying(verb, limit) {
            return Some(f);
        }
        let key = d.tokens[verb].key();
        let coordinated = self.opens_clause(verb, limit);
        if key.ends_with("ing") && coordinated {
            return self.clause_subject(left, verb, limit);
        }
        let own = self
            .subject_before(verb, limit)
            .or_else(|| self.subject_after(verb));
        if own.is_none() && coordinated && verb > limit {
            return self.clause_subject(left, verb, limit);
        }
        // "The Arab League issued a statement Sunday saying": a document
        // as the object of a verb speaks for that verb's subject.
        if let Some(f) = &own {
            let document = f
                .name
                .rsplit(' ')
                .next()
                .is_some_and(|w| DOCUMENT_NOUNS.contains(&w.to_lowercase().as_str()));
            let issuer = f.token.checked_sub(1).filter(|&t| {
                let tok = &d.tokens[t];
                t > limit
                    && !tok.quoted
                    && !tok.capitalized()
                    && !PREPOSITIONS.contains(&tok.key())
                    && !CLAUSE_WORDS.contains(&tok.key())
                    && !DETERMINERS.contains(&tok.key())
            });
            if let (true, Some(issuer)) = (document && key.ends_with("ing"), issuer) {
                if let Some(subject) = self.subject_before(issuer, limit) {
                    return Some(subject);
                }
            }
        }
        own
    }

    /// `X quoted Y as saying` → Y; `Y was quoted (by X) as saying` → Y.
    fn quoted_as_saying(&mut self, verb: usize, limit: usize) -> Option<Found> {
        let d = self.d;
        let key = d.tokens[verb].key();
        let quoted = match key {
            "quoted" => verb,
            "saying" if verb >= 2 && d.tokens[verb - 1].key == "as" => (verb.saturating_sub(10)
                ..verb)
                .rev()
                .find(|&t| d.tokens[t].key == "quoted")?,
            _ => return None,
        };
        let passive = quoted
            .checked_sub(1)
            .is_some_and(|p| BE.contains(&d.tokens[p].key()));
        if passive {
            return self.subject_before(quoted - 1, limit);
        }
        // The object of "quoted", when "as saying" follows it.
        let as_saying = (quoted + 1..(quoted + 14).min(d.tokens.len())).any(|t| {
            d.tokens[t].key == "as" && d.tokens.get(t + 1).is_some_and(|n| n.key == "saying")
        });
        if !as_saying {
            return None;
        }
        self.subject_after(quoted)
    }

    /// The subject of the clause a participle ("calling", "adding") hangs
    /// on: the speaker of a speech verb before it, or the first person
    /// named as a subject in the sentence.
    fn clause_subject(&mut self, left: &[usize], participle: usize, limit: usize) -> Option<Found> {
        let d = self.d;
        if let Some(&verb) = left
            .iter()
            .rev()
            .filter(|&&t| t < participle)
            .find(|&&t| self.verb_at(t) && !d.tokens[t].key.ends_with("ing"))
        {
            if let Some(f) = self
                .subject_before(verb, limit)
                .or_else(|| self.subject_after(verb))
            {
                return Some(f);
            }
        }
        // A sentence whose attribution came before the quotation:
        // `"…," he said, adding "…"`.
        if let Some(k) = self
            .speakers
            .iter()
            .rev()
            .find(|k| k.token >= limit && k.token < participle)
        {
            let e = &self.m.entities[k.entity];
            return Some(Found {
                name: e.fullest.clone(),
                kind: SpeakerKind::Named,
                span: k.span,
                antecedent: None,
                entity: Some(k.entity),
                token: k.token,
            });
        }
        let first = left
            .iter()
            .copied()
            .filter(|&t| t < participle)
            .find(|&t| {
                self.m.run_of(t).is_some_and(|r| {
                    self.m.runs[r].tokens.start == t
                        && may_be_person(self.m, r)
                        && !self.m.runs[r].possessive
                }) && !t
                    .checked_sub(1)
                    .is_some_and(|p| PREPOSITIONS.contains(&d.tokens[p].key()))
            })?;
        let r = self.m.run_of(first)?;
        self.named(r, false)
    }

    /// `Kudpong made his wish: "…"`: the first person named as a subject
    /// before a colon that opens the quotation.
    fn after_colon(&mut self, q: &QuoteSpan, left: &[usize]) -> Option<Found> {
        let d = self.d;
        let &last = left.last()?;
        if !d.text[d.tokens[last].word.end..q.outer.start].contains(':') {
            return None;
        }
        let subject = left.iter().copied().find(|&t| {
            self.m.run_of(t).is_some_and(|r| {
                let run = &self.m.runs[r];
                run.tokens.start == t && may_be_person(self.m, r) && !run.possessive
            }) && !t
                .checked_sub(1)
                .is_some_and(|p| PREPOSITIONS.contains(&d.tokens[p].key()))
        })?;
        let r = self.m.run_of(subject)?;
        self.named(r, false)
    }

    /// `…, according to Cabinet Secretary Danny Naveh.`
    fn according_to(&mut self, group: &Range<usize>) -> Option<Found> {
        let d = self.d;
        let t = group.clone().find(|&t| {
            !d.tokens[t].quoted
                && d.tokens[t].key == "according"
                && d.tokens.get(t + 1).is_some_and(|n| n.key == "to")
        })?;
        self.subject_after(t + 1)
    }

    /// The subject of the speech verb at `verb`, read backwards and not
    /// before token `limit`.
    fn subject_before(&mut self, verb: usize, limit: usize) -> Option<Found> {
        let d = self.d;
        let mut k = verb.checked_sub(1)?;
        // Adverbs, auxiliaries and days between subject and verb.
        while k > limit
            && may_stand_before_verb(&d.tokens[k].key)
            && !has_comma(d.gap_after(k))
            && self.m.run_of(k).is_none()
        {
            k -= 1;
        }
        if k < limit || d.tokens[k].quoted {
            return None;
        }
        if has_comma(d.gap_after(k)) {
            return self.subject_through_commas(k, limit);
        }
        let np = self.noun_phrase_before(k, limit)?;
        self.classify(np)
    }

    /// Reads comma-separated segments back from token `k`: the first that
    /// is a person's name is the subject; without one, the segment that
    /// opens the clause.
    fn subject_through_commas(&mut self, k: usize, limit: usize) -> Option<Found> {
        let d = self.d;
        let mut end = k + 1;
        let mut opening: Option<Range<usize>> = None;
        for _ in 0..5 {
            if end <= limit {
                break;
            }
            let mut start = end - 1;
            while start > limit && !has_comma(d.gap_before(start)) && !d.tokens[start - 1].quoted {
                start -= 1;
            }
            if d.tokens[start].quoted {
                break;
            }
            let seg = start..end;
            if let Some(f) = self.name_segment(&seg) {
                return Some(f);
            }
            opening = Some(seg.clone());
            let boundary = start == limit
                || d.tokens[start - 1].quoted
                || d.gap_before(start).contains(['"', '.', ';', ':']);
            if boundary {
                break;
            }
            end = start;
        }
        let seg = opening?;
        let first = &d.tokens[seg.start];
        if !(DETERMINERS.contains(&first.key()) || first.capitalized() || is_role_noun(&first.key))
        {
            return None;
        }
        let np = self.noun_phrase_after(seg.start, seg.end)?;
        self.classify(np)
    }

    /// A segment that is a person's name, optionally after titles, roles
    /// and a leading conjunction ("But Michael Howard").
    fn name_segment(&mut self, seg: &Range<usize>) -> Option<Found> {
        let d = self.d;
        let last = seg.end.checked_sub(1)?;
        let r = self.m.run_of(last)?;
        let run = &self.m.runs[r];
        if run.name.end != seg.end || run.possessive || !may_be_person(self.m, r) {
            return None;
        }
        let plain = (seg.start..run.tokens.start).all(|t| {
            let tok = &d.tokens[t];
            let key = tok.key();
            // No preposition, relative pronoun, speech verb or lowercase
            // participle between the segment's start and the name.
            let participle = !tok.capitalized() && (key.ends_with("ing") || key.ends_with("ed"));
            !(PREPOSITIONS.contains(&key)
                || matches!(key, "who" | "which" | "whose" | "that" | "where" | "when")
                || is_speech_verb(key)
                || participle)
        });
        if !plain {
            return None;
        }
        self.named(r, false)
    }

    /// The noun phrase ending at token `k` (not before `limit`), with one
    /// "of"/"for" phrase attached: "The International Committee of the Red
    /// Cross".
    fn noun_phrase_before(&self, k: usize, limit: usize) -> Option<Range<usize>> {
        let d = self.d;
        let mut start = k + 1;
        let mut j = k + 1;
        while j > limit {
            j -= 1;
            let tok = &d.tokens[j];
            if tok.quoted
                || (j < k && has_comma(d.gap_after(j)))
                || d.gap_after(j).contains(['"', '\n'])
            {
                break;
            }
            let key = tok.key();
            let in_run = self.m.run_of(j).is_some();
            if !in_run
                && !tok.capitalized()
                && (CLAUSE_WORDS.contains(&key) || PREPOSITIONS.contains(&key))
            {
                // "a diplomat from Cairo" is the diplomat, as "of"/"for";
                // "the Weather Service in Gray" is the service.
                let of_institution = matches!(key, "in" | "at")
                    && j > limit
                    && is_organization_head(&d.tokens[j - 1].key);
                if (matches!(key, "of" | "for" | "from") || of_institution) && j > limit && j < k {
                    // Attach "of the Red Cross" to its head.
                    start = j;
                    continue;
                }
                break;
            }
            if !in_run
                && !tok.capitalized()
                && is_speech_verb(key)
                && j < k
                && !is_organization_head(key)
            {
                break;
            }
            if !in_run && tok.capitalized() && may_stand_before_verb(key) {
                break;
            }
            start = j;
            if DETERMINERS.contains(&key) && !tok.capitalized() || matches!(key, "the" | "a" | "an")
            {
                break;
            }
        }
        (start <= k).then_some(start..k + 1)
    }

    /// The noun phrase starting at token `a` (before `limit`): up to
    /// punctuation, a clause word or a preposition other than "of"/"for".
    fn noun_phrase_after(&self, a: usize, limit: usize) -> Option<Range<usize>> {
        let d = self.d;
        let mut end = a;
        let mut pp = false;
        while end < limit.min(d.tokens.len()) {
            let tok = &d.tokens[end];
            let key = tok.key();
            if tok.quoted {
                break;
            }
            if end > a && !tok.capitalized() && self.m.run_of(end).is_none() {
                if matches!(key, "of" | "for" | "from") && !pp {
                    pp = true;
                } else if CLAUSE_WORDS.contains(&key)
                    || PREPOSITIONS.contains(&key)
                    || (is_speech_verb(key) && !is_organization_head(key))
                {
                    break;
                }
            }
            end += 1;
            if has_comma(d.gap_before(end))
                || d.gap_before(end).contains(['.', '"', '\n']) && !self.is_abbreviation(end - 1)
            {
                break;
            }
        }
        (end > a).then_some(a..end)
    }

    fn is_abbreviation(&self, t: usize) -> bool {
        let tok = &self.d.tokens[t];
        let letters = tok.word.text.chars().filter(|c| c.is_alphabetic()).count();
        (letters == 1 && tok.capitalized()) || (is_title(&tok.key) && tok.word.text.len() <= 5)
    }

    /// The subject written after a speech verb: `said Lavrov`, `said
    /// Pakistani team manager Shahnawaz Khan`, `said a senior official`,
    /// `said he`.
    fn subject_after(&mut self, verb: usize) -> Option<Found> {
        let d = self.d;
        let mut t = verb + 1;
        // "said Sunday", "said in a statement" come before nothing useful.
        if d.tokens.get(t).is_some_and(|x| x.quoted)
            || OBJECT_TAKING_VERBS.contains(&d.tokens[verb].key())
            || has_comma(d.gap_after(verb)) && d.tokens[verb].key != "to"
        {
            return None;
        }
        let tok = d.tokens.get(t)?;
        if let Some(Pronoun::Singular(g)) = pronoun(&tok.key) {
            return self.pronoun_speaker(t, g);
        }
        // Places and lowercase roles before the name: "Pakistani team manager X".
        let mut hops = 0;
        while let Some(r) = self.m.run_of(t) {
            let run = &self.m.runs[r];
            if run.tokens.start != t {
                break;
            }
            if may_be_person(self.m, r) || matches!(run.kind, RunKind::Unknown) {
                // "said Ben Carson's campaign manager Barry Bennett": the
                // owner's role names the speaker who follows it.
                if run.possessive {
                    let u = self.past_role_words(run.tokens.end, true);
                    let speaker = (u > run.tokens.end)
                        .then(|| self.m.run_of(u))
                        .flatten()
                        .filter(|&s| self.m.runs[s].tokens.start == u && may_be_person(self.m, s));
                    if let Some(s) = speaker {
                        return self.named(s, false);
                    }
                }
                // An unknown lone word after "said" is a person's surname.
                return self.named(r, false);
            }
            if run.kind == RunKind::Organization {
                let np = self.noun_phrase_after(t, d.tokens.len())?;
                return self.classify(np);
            }
            // A place or people: look past lowercase role words.
            let u = self.past_role_words(run.tokens.end, false);
            if u == run.tokens.end || hops > 1 {
                break;
            }
            hops += 1;
            t = u;
        }
        let tok = d.tokens.get(t)?;
        if t == verb + 1
            && (DETERMINERS.contains(&tok.key()) || is_role_noun(&tok.key) || tok.capitalized())
        {
            let np = self.noun_phrase_after(t, d.tokens.len())?;
            // "a spokesman for the committee, Mike Russell".
            let after = np.end;
            if after < d.tokens.len() && d.gap_before(after).trim() == "," {
                if let Some(r) = self.m.run_of(after) {
                    let run = &self.m.runs[r];
                    let closes = d.gap_after(run.tokens.end - 1);
                    if run.tokens.start == after
                        && may_be_person(self.m, r)
                        && (closes.contains([',', '.', '"']) || run.tokens.end >= d.tokens.len())
                    {
                        return self.named(r, false);
                    }
                }
            }
            return self.classify(np);
        }
        None
    }

    /// The first token from `end` past up to four lowercase role words
    /// ("team manager", "campaign manager") that follow a name with only
    /// spaces between them, or after its possessive mark when `owner`
    /// ("Carson's campaign manager"); stops at clause words and
    /// prepositions.
    fn past_role_words(&self, end: usize, owner: bool) -> usize {
        let d = self.d;
        let owner_mark = |gap: &str| {
            gap.trim()
                .trim_start_matches(['\'', '\u{2019}'])
                .trim_start_matches('s')
                .is_empty()
        };
        let mut u = end;
        while u < d.tokens.len()
            && u < end + 4
            && !d.tokens[u].capitalized()
            && (d.gap_before(u).trim().is_empty()
                || owner && u == end && owner_mark(d.gap_before(u)))
            && !CLAUSE_WORDS.contains(&d.tokens[u].key())
            && !PREPOSITIONS.contains(&d.tokens[u].key())
        {
            u += 1;
        }
        u
    }

    /// A speaker from the noun phrase `np`: a named person, a pronoun, a
    /// role, an institution or a description.
    fn classify(&mut self, np: Range<usize>) -> Option<Found> {
        let d = self.d;
        // The head: the last word before an attached "of"/"for" phrase, or
        // before the place of an institution ("The National Weather
        // Service in Gray").
        let head_end = (np.start + 1..np.end)
            .find(|&t| {
                let key = d.tokens[t].key();
                let attached = matches!(key, "of" | "for" | "from")
                    || (matches!(key, "in" | "at") && is_organization_head(&d.tokens[t - 1].key));
                attached && !d.tokens[t].capitalized()
            })
            .unwrap_or(np.end);
        let head = head_end.checked_sub(1)?;
        let head_tok = &d.tokens[head];
        let span = d.span_of(np.clone());
        let text = normalize_space(d.text_of(np.clone()));
        if let Some(r) = self.m.run_of(head) {
            let run = &self.m.runs[r];
            if run.name.end == head + 1 && !run.possessive {
                match run.kind {
                    RunKind::Person | RunKind::Unknown => {
                        if head_end == np.end || may_be_person(self.m, r) {
                            return self.named(r, false);
                        }
                    }
                    RunKind::Organization | RunKind::Place => {
                        return Some(self.found(text, SpeakerKind::Organization, span, np.start));
                    }
                }
            }
        }
        let key = head_tok.key();
        if np.len() == 1 {
            if let Some(Pronoun::Singular(g)) = pronoun(key) {
                return self.pronoun_speaker(head, g);
            }
            if matches!(key, "they" | "it" | "we" | "i" | "you") {
                return None;
            }
        }
        let definite = d.tokens[np.start].key == "the" && np.start < head;
        if is_role_noun(key) {
            if definite && !key.ends_with('s') {
                let qualifiers: Vec<&str> = (np.start + 1..head)
                    .map(|t| d.tokens[t].key())
                    .filter(|k| is_title(k))
                    .collect();
                if let Some(r) = resolve_role(d, self.m, np.start, key, &qualifiers) {
                    let e = &self.m.entities[r.entity];
                    return Some(Found {
                        name: e.fullest.clone(),
                        kind: SpeakerKind::Resolved,
                        span,
                        antecedent: Some(r.antecedent),
                        entity: Some(r.entity),
                        token: np.start,
                    });
                }
                if let Some((_, name)) = self.descriptives.iter().rev().find(|(h, _)| h == key) {
                    let name = name.clone();
                    return Some(self.found(name, SpeakerKind::Descriptive, span, np.start));
                }
                if let Some(name) = self.indefinite_before(np.start, key) {
                    return Some(self.found(name, SpeakerKind::Descriptive, span, np.start));
                }
            }
            self.descriptives.push((key.to_owned(), text.clone()));
            return Some(self.found(text, SpeakerKind::Descriptive, span, np.start));
        }
        if is_organization_head(key) || (head_tok.capitalized() && is_place(key)) {
            if definite && PUBLICATION_HEADS.contains(&key) {
                if let Some(name) = self.publication_before(np.start) {
                    return Some(self.found(name, SpeakerKind::Organization, span, np.start));
                }
            }
            return Some(self.found(text, SpeakerKind::Organization, span, np.start));
        }
        // "one Indonesian": a people named by one of them.
        if head_tok.capitalized() && is_place(key) && np.len() > 1 {
            return Some(self.found(text, SpeakerKind::Descriptive, span, np.start));
        }
        None
    }

    /// "One senior Democratic senator … \"…,\" the senator said": the
    /// indefinite description with head `head` that introduced the person
    /// in the sentences just before token `at`.
    fn indefinite_before(&self, at: usize, head: &str) -> Option<String> {
        let d = self.d;
        let s = d.tokens.get(at)?.sentence?;
        let first = d.sentence_tokens[s.saturating_sub(SENTENCES_BACK)].start;
        let h = (first..at).rev().find(|&t| {
            let tok = &d.tokens[t];
            !tok.quoted && tok.key == head && !tok.capitalized()
        })?;
        let sentence_start = d.sentence_tokens[d.tokens[h].sentence?].start;
        let np = self.noun_phrase_before(h, sentence_start)?;
        let opens = d.tokens[np.start].key();
        if !matches!(opens, "a" | "an" | "one" | "another") {
            return None;
        }
        Some(normalize_space(d.text_of(np)))
    }

    /// The nearest publication or agency named before token `at`.
    fn publication_before(&self, at: usize) -> Option<String> {
        let d = self.d;
        self.m.runs[..self.m.runs.partition_point(|r| r.tokens.start < at)]
            .iter()
            .rev()
            .find(|run| {
                run.kind == RunKind::Organization
                    && run
                        .tokens
                        .clone()
                        .any(|t| PUBLICATION_WORDS.contains(&d.tokens[t].key()))
            })
            .map(|run| normalize_space(d.text_of(run.tokens.clone())))
    }

    fn found(&self, name: String, kind: SpeakerKind, span: Span, token: usize) -> Found {
        Found {
            name,
            kind,
            span,
            antecedent: None,
            entity: None,
            token,
        }
    }

    /// The named speaker of run `r`.
    fn named(&self, r: usize, _resolved: bool) -> Option<Found> {
        let run = &self.m.runs[r];
        let e = run.entity?;
        Some(Found {
            name: self.m.entities[e].fullest.clone(),
            kind: SpeakerKind::Named,
            span: self.d.span_of(run.name.clone()),
            antecedent: None,
            entity: Some(e),
            token: run.tokens.start,
        })
    }

    /// A pronoun speaker, resolved.
    fn pronoun_speaker(&self, t: usize, gender: crate::text::lexicon::Gender) -> Option<Found> {
        let r = resolve_pronoun(self.d, self.m, t, gender, &self.speakers)?;
        Some(Found {
            name: self.m.entities[r.entity].fullest.clone(),
            kind: SpeakerKind::Resolved,
            span: self.d.tokens[t].span(),
            antecedent: Some(r.antecedent),
            entity: Some(r.entity),
            token: t,
        })
    }
}

/// Runs of `m` in the tokens `range` (re-exported for the stage).
#[allow(dead_code)]
pub(crate) fn runs(m: &Mentions, range: Range<usize>) -> Vec<usize> {
    runs_in(m, range).collect()
}
