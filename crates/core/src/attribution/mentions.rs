//! Named mentions of one document and the people they name.
//!
//! A mention is a run of capitalized words (initials, particles such as
//! "al" or "de", and hyphenated parts included) outside quotations, with
//! its leading titles set apart ("Spanish Foreign Minister | Abel
//! Matutes"). Each run is a place, an organization, a person or unknown,
//! from word lists and from what stands around it (a title, a role noun
//! before it, a speech verb next to it).
//!
//! Runs that may name a person are grouped into [`Entity`]s, the
//! document's alias table: full names by family name (the first word for
//! East Asian names, "Zhang Xiong" is Mr Zhang; the last otherwise) and
//! compatible given names; a lone word then joins the full name whose
//! family name it is (the nearest one before it when several share it),
//! or whose other end it is when that word is no common given name
//! ("Xanana" for Xanana Gusmao). An entity is known by its fullest form in
//! the document, and carries the gender and roles its mentions tell.

use super::tokens::DocTokens;
use crate::text::calendar::is_calendar_name;
use crate::text::lexicon::{
    gender_of_given_name, gender_of_word, is_family_name_first, is_given_name,
    is_organization_head, is_place, is_role_noun, is_speech_verb, is_title, Gender,
};
use crate::text::StopWords;
use rustc_hash::FxHashSet;
use std::ops::Range;

/// What a run of capitalized words names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunKind {
    Person,
    Organization,
    Place,
    Unknown,
}

/// A run of capitalized words.
#[derive(Debug, Clone)]
pub(crate) struct NameRun {
    /// Tokens of the whole run, titles included.
    pub tokens: Range<usize>,
    /// Tokens of the name after the titles.
    pub name: Range<usize>,
    pub kind: RunKind,
    /// Whether the run ends in a possessive ("Blair's office").
    pub possessive: bool,
    /// The person the run names, for person and unknown runs.
    pub entity: Option<usize>,
}

/// A person (or a name that may be one) of the document.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// The fullest form of the name in the document ("Mary Jo White").
    pub fullest: String,
    fullest_parts: usize,
    /// The family name's key (lowercase).
    pub family: String,
    /// The key of the name's other end (given name), for full names.
    other_end: Option<String>,
    /// First given name's key, for full names.
    given: Option<String>,
    pub gender: Option<Gender>,
    /// Role nouns and titles its mentions carry ("spokesman", "minister").
    pub roles: Vec<String>,
    /// Whether some mention is known to name a person.
    pub person: bool,
    /// Runs naming the entity, in text order.
    pub runs: Vec<usize>,
}

/// The named mentions of a document and the people they name.
#[derive(Debug, Default)]
pub(crate) struct Mentions {
    pub runs: Vec<NameRun>,
    pub entities: Vec<Entity>,
    /// For each token, the run it is part of.
    run_of_token: Vec<Option<usize>>,
}

/// Lowercase particles inside names ("Bashar al-Assad", "Luiz Inacio Lula da Silva").
const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "de", "da", "das", "do", "dos", "du", "van", "von", "der", "den", "el",
    "la", "le", "di", "del", "della", "ul", "abu", "y",
];

/// Name suffixes that are no family name.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Capitalized words that open sentences and never names ("Dear" opens a
/// letter's salutation: "Dear Matt Damon, ...").
const NOT_NAMES: &[&str] = &[
    "i", "mr", "mrs", "ms", "dr", "god", "internet", "web", "ok", "tv", "dear",
];

/// Prepositions after which a name is no clause subject.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "of",
    "to",
    "by",
    "with",
    "for",
    "from",
    "against",
    "about",
    "on",
    "at",
    "in",
    "into",
    "over",
    "under",
    "between",
    "among",
    "than",
    "like",
    "including",
    "toward",
    "towards",
    "upon",
    "without",
    "behind",
    "before",
    "after",
    "during",
    "through",
    "across",
    "near",
    "via",
];

impl Mentions {
    /// Finds the runs of `d` and groups the people among them.
    pub fn find(d: &DocTokens<'_>) -> Self {
        let stop = StopWords::default();
        // Words the document also writes in lowercase are no names when
        // they open a sentence ("Many", "Citing").
        let lowercase: FxHashSet<&str> = d
            .tokens
            .iter()
            .filter(|t| !t.capitalized())
            .map(|t| t.word.text)
            .collect();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < d.tokens.len() {
            match run_at(d, i, &stop, &lowercase) {
                Some(run) => {
                    i = run.tokens.end;
                    runs.push(run);
                }
                None => i += 1,
            }
        }
        let mut run_of_token = vec![None; d.tokens.len()];
        for (r, run) in runs.iter().enumerate() {
            for t in run.tokens.clone() {
                run_of_token[t] = Some(r);
            }
        }
        let mut m = Mentions {
            runs,
            entities: Vec::new(),
            run_of_token,
        };
        m.group(d);
        m
    }

    /// The run token `i` is part of.
    pub fn run_of(&self, i: usize) -> Option<usize> {
        self.run_of_token.get(i).copied().flatten()
    }

    /// Groups person and unknown runs into entities: full names first,
    /// then lone words.
    fn group(&mut self, d: &DocTokens<'_>) {
        let candidates: Vec<usize> = (0..self.runs.len())
            .filter(|&r| matches!(self.runs[r].kind, RunKind::Person | RunKind::Unknown))
            .collect();
        // Full names.
        for &r in &candidates {
            let parts = name_parts(d, self.runs[r].name.clone());
            if parts.len() < 2 {
                continue;
            }
            let first = d.text_of(parts[0].clone()).to_lowercase();
            let last = d.text_of(parts[parts.len() - 1].clone()).to_lowercase();
            let family_first = is_family_name_first(&first) && parts.len() <= 3;
            let (family, given) = if family_first {
                (first.clone(), last.clone())
            } else {
                (last.clone(), first.clone())
            };
            // "Abdel Rachman" ends "Ahmad Abdel Rachman": the shorter
            // form leaves out a given name, not a different person's.
            let words: Vec<String> = parts
                .iter()
                .map(|p| d.text_of(p.clone()).to_lowercase())
                .collect();
            let ends_other = |e: &Entity| {
                let other: Vec<String> = e
                    .fullest
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect();
                let (short, long) = if other.len() < words.len() {
                    (&other, &words)
                } else {
                    (&words, &other)
                };
                short.len() >= 2 && long.ends_with(short)
            };
            let existing = self.entities.iter().position(|e| {
                e.family == family
                    && (e
                        .given
                        .as_deref()
                        .is_some_and(|g| compatible_given(g, &given))
                        || !family_first && ends_other(e))
            });
            let e = match existing {
                Some(e) => e,
                None => {
                    self.entities.push(Entity {
                        fullest: String::new(),
                        fullest_parts: 0,
                        family,
                        other_end: Some(if family_first { last } else { first }),
                        given: Some(given),
                        gender: None,
                        roles: Vec::new(),
                        person: false,
                        runs: Vec::new(),
                    });
                    self.entities.len() - 1
                }
            };
            self.attach(d, r, e, parts.len());
        }
        // Lone words.
        for &r in &candidates {
            if self.runs[r].entity.is_some() {
                continue;
            }
            let parts = name_parts(d, self.runs[r].name.clone());
            let key = d.text_of(self.runs[r].name.clone()).to_lowercase();
            let pos = self.runs[r].tokens.start;
            let by_family = self.nearest(&key, pos, |e| e.family == key);
            let found = by_family.or_else(|| {
                (!is_given_name(&key))
                    .then(|| self.nearest(&key, pos, |e| e.other_end.as_deref() == Some(&key)))
                    .flatten()
            });
            let e = match found {
                Some(e) => e,
                None => match self
                    .entities
                    .iter()
                    .position(|e| e.given.is_none() && e.family == key)
                {
                    Some(e) => e,
                    None => {
                        self.entities.push(Entity {
                            fullest: String::new(),
                            fullest_parts: 0,
                            family: key,
                            other_end: None,
                            given: None,
                            gender: None,
                            roles: Vec::new(),
                            person: false,
                            runs: Vec::new(),
                        });
                        self.entities.len() - 1
                    }
                },
            };
            self.attach(d, r, e, parts.len().max(1));
        }
        for e in &mut self.entities {
            e.runs.sort_unstable();
        }
        self.learn_genders_from_pronouns(d);
    }

    /// The entity matching `is` whose mention is nearest before token
    /// `pos` (or, with none before, first after it).
    fn nearest(&self, _key: &str, pos: usize, is: impl Fn(&Entity) -> bool) -> Option<usize> {
        let mut best_before: Option<(usize, usize)> = None;
        let mut best_after: Option<(usize, usize)> = None;
        for (e, entity) in self.entities.iter().enumerate() {
            if entity.given.is_none() || !is(entity) {
                continue;
            }
            for &r in &entity.runs {
                let at = self.runs[r].tokens.start;
                if at < pos {
                    if best_before.is_none_or(|(b, _)| at > b) {
                        best_before = Some((at, e));
                    }
                } else if best_after.is_none_or(|(b, _)| at < b) {
                    best_after = Some((at, e));
                }
            }
        }
        best_before.or(best_after).map(|(_, e)| e)
    }

    /// Makes run `r` a mention of entity `e`, updating its fullest form,
    /// gender, roles and person evidence.
    fn attach(&mut self, d: &DocTokens<'_>, r: usize, e: usize, parts: usize) {
        let run = &self.runs[r];
        let text = normalize_space(d.text_of(run.name.clone()));
        let titles: Vec<&str> = (run.tokens.start..run.name.start)
            .map(|t| d.tokens[t].key())
            .collect();
        let before = before_run(d, run.tokens.start);
        let after = apposition_after(d, run.tokens.end);
        let given_gender = (parts >= 2)
            .then(|| {
                let first = d.tokens[run.name.start].key();
                gender_of_given_name(first)
            })
            .flatten();
        let person = run.kind == RunKind::Person;
        let entity = &mut self.entities[e];
        entity.runs.push(r);
        entity.person |= person;
        if parts > entity.fullest_parts
            || (parts == entity.fullest_parts && text.len() > entity.fullest.len())
        {
            entity.fullest = text;
            entity.fullest_parts = parts;
        }
        let mut genders = titles
            .iter()
            .copied()
            .chain(before.iter().map(String::as_str))
            .chain(after.iter().map(String::as_str))
            .filter_map(gender_of_word)
            .chain(given_gender);
        if entity.gender.is_none() {
            entity.gender = genders.next();
        }
        for k in titles
            .iter()
            .copied()
            .chain(before.iter().map(String::as_str))
            .chain(after.iter().map(String::as_str))
        {
            if (is_role_noun(k) || is_title(k))
                && !is_place(k)
                && !entity.roles.iter().any(|x| x == k)
            {
                entity.roles.push(k.to_owned());
            }
        }
        self.runs[r].entity = Some(e);
    }

    /// A sentence that opens with "He" or "She" right after a sentence
    /// naming one person only tells that person's gender.
    fn learn_genders_from_pronouns(&mut self, d: &DocTokens<'_>) {
        for s in 1..d.sentence_tokens.len() {
            let range = d.sentence_tokens[s].clone();
            let Some(first) = d.tokens.get(range.start) else {
                continue;
            };
            let gender = match first.key() {
                "he" | "his" => Gender::Male,
                "she" | "her" => Gender::Female,
                _ => continue,
            };
            let mut people: Vec<usize> = d.sentence_tokens[s - 1]
                .clone()
                .filter_map(|t| self.run_of(t))
                .filter_map(|r| self.runs[r].entity)
                .collect();
            people.dedup();
            if let [e] = people[..] {
                let entity = &mut self.entities[e];
                if entity.gender.is_none() {
                    entity.gender = Some(gender);
                }
            }
        }
    }
}

/// Whether two given names may be one person's ("Lewis" and "L", "Bill" and "Bill").
fn compatible_given(a: &str, b: &str) -> bool {
    a == b || (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b))
}

/// Word keys just before token `start` that describe it: a role noun or
/// an organization head ("spokesman Avi Benayahu", "the daily Hurriyet").
fn before_run(d: &DocTokens<'_>, start: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut t = start;
    while t > 0 && out.len() < 3 {
        t -= 1;
        let tok = &d.tokens[t];
        // Only words joined to the run by spaces describe it.
        if tok.quoted || !d.gap_after(t).trim().is_empty() || d.gap_after(t).contains('\n') {
            break;
        }
        if tok.capitalized() && !is_title(&tok.key) {
            break;
        }
        if is_role_noun(&tok.key)
            || is_organization_head(&tok.key)
            || gender_of_word(&tok.key).is_some()
        {
            out.push(tok.key.to_string());
            continue;
        }
        break;
    }
    out
}

/// Role nouns of an apposition right after a run ("Zaken, a 23-year-old
/// secretary,"): the words after a comma up to the next punctuation.
fn apposition_after(d: &DocTokens<'_>, end: usize) -> Vec<String> {
    let mut out = Vec::new();
    if end == 0 || end >= d.tokens.len() || !d.gap_before(end).trim_start().starts_with(',') {
        return out;
    }
    let first = &d.tokens[end];
    if !matches!(first.key(), "a" | "an" | "the" | "one" | "another") {
        return out;
    }
    for t in end + 1..(end + 8).min(d.tokens.len()) {
        let tok = &d.tokens[t];
        if tok.quoted {
            break;
        }
        if is_role_noun(&tok.key) || gender_of_word(&tok.key).is_some() {
            out.push(tok.key.to_string());
        }
        let gap = d.gap_after(t);
        if gap.contains([',', '.', ';', ':', '"', '\n'])
            || matches!(tok.key(), "of" | "for" | "who")
        {
            break;
        }
    }
    out
}

/// The run of capitalized words starting at token `i`, if any.
fn run_at(
    d: &DocTokens<'_>,
    i: usize,
    stop: &StopWords,
    lowercase: &FxHashSet<&str>,
) -> Option<NameRun> {
    let t = &d.tokens[i];
    if t.quoted || !t.capitalized() || t.sentence.is_none() {
        return None;
    }
    if !may_open_name(d, i, stop, lowercase) {
        return None;
    }
    let mut end = i + 1;
    let mut possessive = t.word.possessive;
    while !possessive && end < d.tokens.len() {
        let next = &d.tokens[end];
        let gap = d.gap_before(end);
        if next.quoted || next.sentence != t.sentence {
            break;
        }
        let prev = &d.tokens[end - 1];
        let joined = match gap {
            " " => true,
            "-" => true,
            ". " => is_abbreviation(prev),
            _ => false,
        };
        if !joined {
            break;
        }
        let is_part = if gap == "-" {
            true
        } else if PARTICLES.contains(&next.key()) && !next.capitalized() {
            // A particle belongs to a name when a name part follows.
            d.tokens.get(end + 1).is_some_and(|n| {
                let g = d.gap_before(end + 1);
                g == "-" || (g == " " && n.capitalized())
            })
        } else {
            // "D" is a stopword, but "D." in "Lewis D. Schiliro" is an initial.
            next.capitalized()
                && (!stop.contains(&next.key) || is_abbreviation(next))
                && !is_calendar_name(&next.key)
                && !NOT_NAMES.contains(&next.key())
        };
        if !is_part {
            break;
        }
        possessive = next.word.possessive;
        end += 1;
    }
    // A name never ends on a particle.
    while end > i + 1 && !d.tokens[end - 1].capitalized() && d.gap_before(end - 1) != "-" {
        end -= 1;
        possessive = false;
    }
    let tokens = i..end;
    // "the Foreign Secretary", "Prime Minister": titles alone name a role,
    // not a person called "Secretary".
    if tokens.clone().all(|k| is_title(&d.tokens[k].key)) {
        return None;
    }
    // Titles: everything up to the last title followed by a name word.
    let mut name_start = i;
    for k in i..end.saturating_sub(1) {
        let key = d.tokens[k].key();
        if is_title(key) || is_place(key) || is_organization_head(key) {
            name_start = k + 1;
        }
    }
    let name = name_start..end;
    let kind = classify(d, &tokens, &name);
    Some(NameRun {
        tokens,
        name,
        kind,
        possessive,
        entity: None,
    })
}

/// Whether the capitalized token `i` may open a name.
fn may_open_name(
    d: &DocTokens<'_>,
    i: usize,
    stop: &StopWords,
    lowercase: &FxHashSet<&str>,
) -> bool {
    let t = &d.tokens[i];
    let key = t.key();
    if stop.contains(key) || is_calendar_name(key) || NOT_NAMES.contains(&key) {
        // "Ms" and "Mr" open names through the titles they are.
        return is_title(key);
    }
    if t.word.text.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let opens_sentence = t.sentence.is_some_and(|s| d.sentence_tokens[s].start == i);
    let lower = t.word.text.to_lowercase();
    // A sentence opening on a participle before a name ("Giving Tillerson
    // a chilly reception, Lavrov said") does not name "Giving Tillerson".
    // Nor does one before a preposition or an article ("Speaking after
    // several hours of talks, he said"); a surname in "-ing" opening a
    // sentence is followed by its verb ("Manning said").
    let participle_before_name = key.len() >= 5
        && key.ends_with("ing")
        && !is_given_name(key)
        && d.tokens.get(i + 1).is_some_and(|n| {
            n.capitalized()
                || PREPOSITIONS.contains(&n.key())
                || matches!(n.key(), "the" | "a" | "an" | "his" | "her" | "their")
        });
    !(opens_sentence
        && (lowercase.contains(lower.as_str())
            || participle_before_name
            || CLAUSE_OPENERS.contains(&key)))
}

/// Words that open a sentence before its subject and are never a name's
/// first word ("Although Dencer had one fare…" names Dencer, not
/// "Although Dencer"), beyond the stopwords.
const CLAUSE_OPENERS: &[&str] = &[
    "although",
    "though",
    "since",
    "unless",
    "despite",
    "however",
    "meanwhile",
    "moreover",
    "instead",
    "indeed",
    "perhaps",
    "maybe",
    "also",
    "still",
    "yet",
    "even",
    "thus",
    "therefore",
    "nevertheless",
    "nonetheless",
    "besides",
    "otherwise",
    "whether",
    "whereas",
    "upon",
    "amid",
    "among",
    "like",
    "unlike",
    "following",
    "according",
];

/// A title abbreviation or an initial, after which a period does not end
/// the name ("Gen. Augusto Pinochet", "Lewis D. Schiliro").
fn is_abbreviation(t: &super::tokens::Token<'_>) -> bool {
    let letters = t.word.text.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && t.capitalized()) || (is_title(&t.key) && t.word.text.len() <= 5)
}

fn classify(d: &DocTokens<'_>, tokens: &Range<usize>, name: &Range<usize>) -> RunKind {
    let keys: Vec<&str> = name.clone().map(|t| d.tokens[t].key()).collect();
    let joined = keys.join(" ");
    if is_place(&joined) {
        return RunKind::Place;
    }
    let acronym = |t: usize| {
        let w = d.tokens[t].word.text;
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    if keys.iter().any(|k| is_organization_head(k)) || name.clone().any(acronym) {
        return RunKind::Organization;
    }
    let before = before_run(d, tokens.start);
    // The head nearest the name decides: "team manager Shahnawaz Khan" is a
    // person, "the Foreign Ministry spokesman" too.
    if before
        .first()
        .is_some_and(|k| is_organization_head(k) && !is_role_noun(k))
    {
        return RunKind::Organization;
    }
    let titled = (tokens.start..name.start)
        .any(|t| is_title(&d.tokens[t].key) && !is_place(&d.tokens[t].key));
    let given = name.len() >= 2 && is_given_name(keys[0]);
    let roled =
        before.iter().any(|k| is_role_noun(k)) || !apposition_after(d, tokens.end).is_empty();
    let speaks = {
        let next = d.tokens.get(tokens.end);
        let prev = tokens.start.checked_sub(1).map(|p| &d.tokens[p]);
        next.is_some_and(|n| !n.capitalized() && is_speech_verb(&n.key))
            || prev.is_some_and(|p| !p.capitalized() && is_speech_verb(&p.key))
    };
    if titled || given || roled || speaks {
        return RunKind::Person;
    }
    if name.len() == 1 && is_place(keys[0]) {
        return RunKind::Place;
    }
    RunKind::Unknown
}

/// The parts of a name: tokens joined by hyphens make one part; suffixes
/// ("Jr.") are left out.
pub(crate) fn name_parts(d: &DocTokens<'_>, name: Range<usize>) -> Vec<Range<usize>> {
    let mut parts: Vec<Range<usize>> = Vec::new();
    for t in name {
        let joined = parts.last().is_some_and(|p| p.end == t) && d.gap_before(t) == "-";
        match parts.last_mut() {
            Some(p) if joined => p.end = t + 1,
            _ => parts.push(t..t + 1),
        }
    }
    parts.retain(|p| !(p.len() == 1 && SUFFIXES.contains(&d.tokens[p.start].key())));
    // Initials are no family name or given name of their own.
    if parts.len() > 2 {
        let initial = |p: &Range<usize>| {
            p.len() == 1
                && d.tokens[p.start]
                    .word
                    .text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .count()
                    == 1
        };
        let (first, last) = (parts[0].clone(), parts[parts.len() - 1].clone());
        let mut middle: Vec<Range<usize>> = parts[1..parts.len() - 1]
            .iter()
            .filter(|p| !initial(p))
            .cloned()
            .collect();
        let mut kept = vec![first];
        kept.append(&mut middle);
        kept.push(last);
        // The count still tells the fuller form: initials count as parts.
        if kept.len() < parts.len() {
            return parts;
        }
        return kept;
    }
    parts
}

/// `s` with every run of whitespace made one space.
pub(crate) fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> DocTokens<'_> {
        let segments = crate::text::NewsSegmenter.segment(text);
        DocTokens::new(text, segments, &[])
    }

    use crate::text::Segmenter;

    fn runs(text: &str) -> Vec<(String, RunKind, Option<String>)> {
        let d = doc(text);
        let m = Mentions::find(&d);
        m.runs
            .iter()
            .map(|r| {
                (
                    d.text_of(r.name.clone()).to_owned(),
                    r.kind,
                    r.entity.map(|e| m.entities[e].fullest.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn a_participle_opening_a_sentence_is_no_given_name() {
        let r = runs("Giving Tillerson a chilly reception, Lavrov said talks were useful. Sterling Hayden spoke.");
        let names: Vec<&str> = r.iter().map(|(name, _, _)| name.as_str()).collect();
        assert!(names.contains(&"Tillerson"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Giving")), "{names:?}");
        assert!(names.contains(&"Sterling Hayden"), "{names:?}");
        let r = runs("Dear Matt Damon, please stop. Matt Damon did not answer.");
        assert!(
            r.iter().all(|(name, _, _)| name != "Dear Matt Damon"),
            "{r:?}"
        );
    }

    #[test]
    fn titles_are_set_apart_and_lone_words_join_full_names() {
        let got = runs(
            "Spanish Foreign Minister Abel Matutes spoke. Matutes left. Said Pakistani team manager Shahnawaz Khan. \
             Head coach Zhang Xiong said it. Zhang agreed. Xiong Gouming swam. Xiong won.",
        );
        let find = |name: &str| {
            got.iter()
                .find(|(n, _, _)| n == name)
                .unwrap_or_else(|| panic!("no run {name}: {got:?}"))
                .clone()
        };
        assert_eq!(find("Abel Matutes").2.as_deref(), Some("Abel Matutes"));
        assert_eq!(find("Matutes").2.as_deref(), Some("Abel Matutes"));
        assert_eq!(find("Pakistani").1, RunKind::Place);
        assert_eq!(find("Shahnawaz Khan").2.as_deref(), Some("Shahnawaz Khan"));
        assert_eq!(find("Zhang").2.as_deref(), Some("Zhang Xiong"));
        assert_eq!(find("Xiong").2.as_deref(), Some("Xiong Gouming"));
    }

    #[test]
    fn initials_particles_and_hyphens_stay_in_the_name() {
        let got = runs(
            "Lewis D. Schiliro spoke with Sayeed el-Madhoun and Luiz Inacio Lula da Silva. Ms. White said Schiliro was right.",
        );
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "Lewis D. Schiliro",
                "Sayeed el-Madhoun",
                "Luiz Inacio Lula da Silva",
                "White",
                "Schiliro"
            ]
        );
        assert_eq!(got[4].2.as_deref(), Some("Lewis D. Schiliro"));
    }

    #[test]
    fn genders_come_from_titles_names_roles_and_pronouns() {
        let d = doc("A spokeswoman for the airline, Jackie Pash, spoke. Mr. Gerden left. Ann Clywd stayed. Bouchard came. He sat.");
        let m = Mentions::find(&d);
        let gender = |name: &str| {
            m.entities
                .iter()
                .find(|e| e.fullest == name)
                .unwrap_or_else(|| panic!("no {name}"))
                .gender
        };
        assert_eq!(gender("Jackie Pash"), Some(Gender::Female));
        assert_eq!(gender("Gerden"), Some(Gender::Male));
        assert_eq!(gender("Ann Clywd"), Some(Gender::Female));
        assert_eq!(gender("Bouchard"), Some(Gender::Male));
    }
}
