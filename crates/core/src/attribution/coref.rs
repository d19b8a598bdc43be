//! Pronouns and role descriptions to the people they refer to.
//!
//! A pronoun ("he", "she") is resolved to the nearest compatible named
//! mention before it in the same document: sentences are searched from
//! the pronoun's back to three before it, and in the first that has
//! candidates of a compatible gender (unknown is compatible with either),
//! the most salient one wins: the speaker of a quotation, then a clause
//! subject (not after a preposition, not possessive), then the first
//! named; a tie between two people is no answer. This is the
//! recency-and-salience core of Lappin & Leass (1994), with gender
//! agreement, as rule-based coreference systems use it (Lee et al.,
//! 2013). "The spokesman" resolves to the nearest person the document
//! gives that role.

use super::mentions::{Mentions, RunKind, PREPOSITIONS};
use super::tokens::DocTokens;
use crate::model::Span;
use crate::text::lexicon::Gender;

/// What a pronoun asks of its antecedent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    Singular(Gender),
    Plural,
}

/// The pronoun a lowercase word is, if any (subject, object and
/// possessive forms).
pub(crate) fn pronoun(key: &str) -> Option<Pronoun> {
    match key {
        "he" | "him" | "his" | "himself" => Some(Pronoun::Singular(Gender::Male)),
        "she" | "her" | "hers" | "herself" => Some(Pronoun::Singular(Gender::Female)),
        "they" | "them" | "their" | "themselves" => Some(Pronoun::Plural),
        _ => None,
    }
}

/// A person already known to speak at a token (an attributed speaker).
#[derive(Debug, Clone, Copy)]
pub(crate) struct KnownSpeaker {
    pub token: usize,
    pub entity: usize,
    pub span: Span,
}

/// The referent of a pronoun: an entity and the mention it was found at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Referent {
    pub entity: usize,
    pub antecedent: Span,
}

/// How many sentences before the pronoun's are searched.
const SENTENCES_BACK: usize = 3;

/// Resolves a singular pronoun of `gender` at token `at` of `d`.
pub(crate) fn resolve_pronoun(
    d: &DocTokens<'_>,
    m: &Mentions,
    at: usize,
    gender: Gender,
    speakers: &[KnownSpeaker],
) -> Option<Referent> {
    let s = d.tokens.get(at)?.sentence?;
    let paragraph = d.tokens[at].paragraph;
    for j in (s.saturating_sub(SENTENCES_BACK)..=s).rev() {
        let range = d.sentence_tokens[j].clone();
        // More than one paragraph break back: the story has moved on.
        if d.tokens
            .get(range.start)
            .is_some_and(|t| paragraph.saturating_sub(t.paragraph) > 2)
        {
            break;
        }
        let end = if j == s { at } else { range.end };
        // "Speaking after talks with Tillerson, he said": the pronoun is
        // the subject of the participle opening its sentence, so the names
        // in that clause are others.
        if j == s && opens_on_participle(d, range.start, at) {
            continue;
        }
        let mut candidates: Vec<Candidate> = Vec::new();
        for r in runs_in(m, range.start..end) {
            let run = &m.runs[r];
            let Some(e) = run.entity else { continue };
            let entity = &m.entities[e];
            if !may_be_person(m, r) {
                continue;
            }
            if entity.gender.is_some_and(|g| g != gender) {
                continue;
            }
            let after_preposition = after_preposition(d, run.tokens.start);
            // "Baker of Rutgers noted": the verb's subject is Baker, not
            // the name after the preposition.
            let speaker = speakers
                .iter()
                .any(|k| k.entity == e && range.contains(&k.token))
                || (next_is_speech_verb(d, run.tokens.end) && !after_preposition);
            candidates.push(Candidate {
                entity: e,
                antecedent: d.span_of(run.name.clone()),
                score: 4 * u32::from(speaker)
                    + 2 * u32::from(!after_preposition && !run.possessive)
                    + u32::from(entity.gender == Some(gender)),
                at: run.tokens.start,
            });
        }
        for k in speakers {
            if range.contains(&k.token) && k.token < end {
                let entity = &m.entities[k.entity];
                if entity.gender.is_none_or(|g| g == gender) {
                    candidates.push(Candidate {
                        entity: k.entity,
                        antecedent: k.span,
                        score: 6 + u32::from(entity.gender == Some(gender)),
                        at: k.token,
                    });
                }
            }
        }
        if candidates.is_empty() {
            continue;
        }
        return best(candidates);
    }
    None
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    entity: usize,
    antecedent: Span,
    score: u32,
    at: usize,
}

/// The best candidate: highest score, then first in the sentence; none
/// when two people tie on both.
fn best(mut candidates: Vec<Candidate>) -> Option<Referent> {
    candidates.sort_by(|a, b| b.score.cmp(&a.score).then(a.at.cmp(&b.at)));
    let top = candidates[0];
    let rival = candidates
        .iter()
        .skip(1)
        .find(|c| c.entity != top.entity && c.score == top.score);
    // Two speakers of one sentence stay unresolved; between two plain
    // subjects, the first (the main clause's) wins.
    if rival.is_some() && top.score >= 4 {
        return None;
    }
    Some(Referent {
        entity: top.entity,
        antecedent: top.antecedent,
    })
}

/// Whether run `r` may name a person: a person run, or an unknown one
/// whose entity is a full name, has a gender or is known as a person.
pub(crate) fn may_be_person(m: &Mentions, r: usize) -> bool {
    let run = &m.runs[r];
    let Some(e) = run.entity else { return false };
    let entity = &m.entities[e];
    match run.kind {
        RunKind::Person => true,
        RunKind::Unknown => {
            entity.person || entity.gender.is_some() || entity.fullest.contains(' ')
        }
        RunKind::Organization | RunKind::Place => false,
    }
}

/// Whether the sentence from token `start` opens on a participial clause
/// ("Speaking after …", "After meeting …") that ends with a comma right
/// before token `at`.
fn opens_on_participle(d: &DocTokens<'_>, start: usize, at: usize) -> bool {
    let participle = |t: usize| {
        d.tokens
            .get(t)
            .is_some_and(|x| x.key.len() >= 5 && x.key.ends_with("ing"))
    };
    let opens = participle(start)
        || d.tokens
            .get(start)
            .is_some_and(|x| matches!(x.key(), "after" | "before" | "while" | "upon" | "since"))
            && participle(start + 1);
    opens && at > start + 1 && d.gap_before(at).contains(',')
}

/// Whether the name starting at token `start` stands after a preposition,
/// perhaps with "the" between ("of Rutgers", "to the Pope"): it is no
/// clause's subject.
pub(crate) fn after_preposition(d: &DocTokens<'_>, start: usize) -> bool {
    let key = |back: usize| {
        start
            .checked_sub(back)
            .and_then(|p| d.tokens.get(p))
            .map(|t| t.key())
    };
    let before = key(1);
    before.is_some_and(|k| PREPOSITIONS.contains(&k))
        || (before == Some("the") && key(2).is_some_and(|k| PREPOSITIONS.contains(&k)))
}

/// Runs starting within `range`, in order.
pub(crate) fn runs_in(
    m: &Mentions,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = usize> + '_ {
    let start = m.runs.partition_point(|r| r.tokens.start < range.start);
    (start..m.runs.len()).take_while(move |&r| m.runs[r].tokens.start < range.end)
}

/// Whether a speech verb follows token `end - 1` (adverbs between).
pub(crate) fn next_is_speech_verb(d: &DocTokens<'_>, end: usize) -> bool {
    let mut t = end;
    while let Some(tok) = d.tokens.get(t) {
        if !d.gap_before(t).trim().is_empty() || tok.quoted {
            return false;
        }
        if crate::text::lexicon::is_speech_verb(&tok.key) && !tok.capitalized() {
            return true;
        }
        if !crate::text::lexicon::may_stand_before_verb(&tok.key) || t >= end + 3 {
            return false;
        }
        t += 1;
    }
    false
}

/// The person a definite role description names ("the spokesman", "the
/// Foreign Secretary"): the nearest person before token `at` whose mentions
/// carry `role` and every title word in `qualifiers` ("foreign": a "State
/// Secretary" is another person).
pub(crate) fn resolve_role(
    d: &DocTokens<'_>,
    m: &Mentions,
    at: usize,
    role: &str,
    qualifiers: &[&str],
) -> Option<Referent> {
    let carries = |e: usize, word: &str| m.entities[e].roles.iter().any(|r| r == word);
    m.runs[..m.runs.partition_point(|r| r.tokens.start < at)]
        .iter()
        .rev()
        .filter_map(|run| run.entity.map(|e| (run, e)))
        .find(|&(_, e)| carries(e, role) && qualifiers.iter().all(|q| carries(e, q)))
        .map(|(run, e)| Referent {
            entity: e,
            antecedent: d.span_of(run.name.clone()),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{NewsSegmenter, Segmenter};

    fn resolve(text: &str, pronoun_at: &str) -> Option<String> {
        let d = DocTokens::new(text, NewsSegmenter.segment(text), &[]);
        let m = Mentions::find(&d);
        let offset = text.find(pronoun_at)?;
        let at = d.first_at(offset);
        let Some(Pronoun::Singular(g)) = pronoun(&d.tokens[at].key) else {
            return None;
        };
        resolve_pronoun(&d, &m, at, g, &[]).map(|r| m.entities[r.entity].fullest.clone())
    }

    #[test]
    fn nearest_compatible_subject() {
        assert_eq!(
            resolve(
                "Foreign Minister Sergey Lavrov met Rex Tillerson. He left early.",
                "He left"
            ),
            Some("Sergey Lavrov".into())
        );
        assert_eq!(
            resolve(
                "Ms. Ann Clywd met Jeremy Corbyn in London. She left early.",
                "She left"
            ),
            Some("Ann Clywd".into())
        );
        assert_eq!(
            resolve(
                "The talks with Jeremy Corbyn ended. Mary Jo White spoke. He left.",
                "He left"
            ),
            Some("Jeremy Corbyn".into()),
            "a woman is skipped for he"
        );
        assert_eq!(resolve("The talks ended. He left.", "He left"), None);
    }

    #[test]
    fn the_role_names_the_nearest_person_with_it() {
        let text = "Jim Harris, a spokesman for the board, spoke. Later the spokesman left.";
        let d = DocTokens::new(text, NewsSegmenter.segment(text), &[]);
        let m = Mentions::find(&d);
        let at = d.first_at(text.find("the spokesman").unwrap_or(0));
        let r = resolve_role(&d, &m, at, "spokesman", &[])
            .map(|r| m.entities[r.entity].fullest.clone());
        assert_eq!(r.as_deref(), Some("Jim Harris"));
    }
}
