//! Opening pronouns of summary sentences replaced by the person they name.
//!
//! A summary sentence taken out of its article may open with "He" or
//! "His", meaning someone the article named a sentence or two before. The
//! summary puts another article's sentence before it, so the pronoun now
//! points at the wrong person or at nobody. Where the article's own text
//! resolves the pronoun ([`super::coref`]: nearest compatible person,
//! subjects and speakers first, a tie left unresolved), the pronoun is
//! replaced by that person's name — the family name when the summary has
//! already named them, the fullest form otherwise when the budget has room
//! for it — as an [`Edit`] of reason [`EditReason::Pronoun`] (a connective
//! before the pronoun, "But he said", is dropped with it), so the item
//! still says exactly which source bytes it quotes. The speaker of a
//! quotation that opens an item is named the same way ("\u{201c}We got
//! shots fired,\u{201d} he says." → "…,\u{201d} Smith says."): without
//! the sentence before, the quotation belongs to nobody. Pronouns inside
//! quotations are the speaker's words and stay as they are; "they" and
//! "it" need antecedents other than people and are left alone.
//!
//! A family name alone opening an item ("Foster was pressed into
//! action…") leans on the article's earlier full name the same way: where
//! the summary has not named the person before, it is completed ("Scott
//! Foster was…") as an edit of reason [`EditReason::Name`], when the
//! article named them in full before the item, no one else there shares
//! the family name, the full name starts with a known given name, and the
//! budget has room. Where the article never wrote the full name ("Putin,
//! whom…"), the cluster's other sources may (a lowercased one read in its
//! recased copy): when exactly one known given name that is no common
//! word stands before the family name there ("Vladimir Putin", not both
//! "Donald Trump" and "Ivanka Trump", nor "Desmond Tutu" beside an
//! unknown "Mpho Tutu"), that full name completes it. The closing
//! attribution's pronoun ("…, he said.") is named as an opening one is.

use super::coref::{self, after_preposition, may_be_person, next_is_speech_verb, resolve_pronoun};
use super::mentions::Mentions;
use super::reading::{ReadTexts, Readings};
use super::tokens::DocTokens;
use crate::model::{Budget, Edit, EditReason, Span, Summary, SummaryItem};
use crate::prepare::PreparedCluster;
use crate::text::cues::{drop_connective, first_word};
use crate::text::lexicon::{is_given_name, is_role_noun, is_speech_verb, is_title, Gender};
use crate::text::words::{key_of, words};

/// The pronoun forms replaced, with the gender they ask for and whether
/// the name takes a possessive.
fn replaceable(key: &str) -> Option<(Gender, bool)> {
    match key {
        "he" => Some((Gender::Male, false)),
        "she" => Some((Gender::Female, false)),
        "his" => Some((Gender::Male, true)),
        "her" => Some((Gender::Female, true)),
        _ => None,
    }
}

/// The first word of `text` after opening quotes, brackets and spaces,
/// lowercased, if it is one of the replaced pronouns.
fn opening_pronoun(text: &str) -> Option<(Gender, bool)> {
    let open = text.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '(' | '[')
    });
    replaceable(&key_of(first_word(open)))
}

/// The word before the end of `before` ("…accountant scott"), and the
/// middle initial between it and the end when there is one ("…george
/// w."), as written.
fn word_before(before: &str) -> (Option<&str>, Option<&str>) {
    let mut words = before.split_whitespace().rev();
    match words.next() {
        Some(m) if m.len() == 2 && m.ends_with('.') => (words.next(), Some(m)),
        w => (w, None),
    }
}

/// The first token item `item` quotes from `d`, `skip` bytes into its
/// span: not inside an edit that deletes words (a dropped connective).
fn first_quoted_token(d: &DocTokens<'_>, item: &SummaryItem, skip: usize) -> Option<usize> {
    d.tokens.iter().position(|t| {
        t.word.start >= item.span.start + skip
            && !item.edits.iter().any(|e| {
                e.replacement.is_empty() && e.span.start <= t.word.start && t.word.end <= e.span.end
            })
    })
}

/// The opening pronoun of an item's text, and the connective before it
/// that goes with the repair ("But he said": "But " is dropped), as bytes
/// from the text's start.
fn pronoun_opening(item: &SummaryItem) -> Option<(Gender, bool, usize)> {
    if let Some((gender, possessive)) = opening_pronoun(&item.text) {
        return Some((gender, possessive, 0));
    }
    if !item.edits.is_empty() {
        return None;
    }
    let (dropped, rest) = drop_connective(&item.text)?;
    let (gender, possessive) = opening_pronoun(rest)?;
    Some((gender, possessive, dropped.len()))
}

/// The gender of "he" or "she" followed by a verb of saying ("he said,",
/// "She told"), as the words of an attribution.
fn speaking_pronoun(pronoun: &str, verb: &str) -> Option<Gender> {
    let gender = match pronoun {
        "he" | "He" => Gender::Male,
        "she" | "She" => Gender::Female,
        _ => return None,
    };
    let verb = verb.trim_end_matches(|c: char| !c.is_alphabetic());
    is_speech_verb(&verb.to_lowercase()).then_some(gender)
}

/// The pronoun that names the speaker of a quotation opening the item
/// ("\u{201c}…,\u{201d} he says", "\" … , \" she added"), as its gender
/// and its bytes from the text's start: the first words after the
/// quotation closes are "he" or "she" and a verb of saying. Only an item
/// whose text is its source's bytes up to there (no edit before) is read.
fn speaker_pronoun(item: &SummaryItem) -> Option<(Gender, usize)> {
    let text = item.text.as_str();
    let lead = text.len() - text.trim_start().len();
    let body = &text[lead..];
    let (open, close) = if body.starts_with('\u{201c}') {
        ('\u{201c}', '\u{201d}')
    } else if body.starts_with('"') {
        ('"', '"')
    } else {
        return None;
    };
    let inside = lead + open.len_utf8();
    let closing = inside + text[inside..].find(close)?;
    let after = closing + close.len_utf8();
    let rest = &text[after..];
    let skip = rest.len()
        - rest
            .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
            .len();
    let at = after + skip;
    let mut words = text[at..].split_whitespace();
    let pronoun = words.next()?;
    let gender = speaking_pronoun(pronoun, words.next()?)?;
    let item_start = item.span.start;
    if item
        .edits
        .iter()
        .any(|e| moves_offsets(e) && e.span.start < item_start + at + pronoun.len())
    {
        return None;
    }
    Some((gender, at))
}

/// Most words after the verb of a closing attribution ("he said on
/// Tuesday in a statement").
const TAIL_WORDS: usize = 6;

/// Words that open a clause an attribution may interrupt right after
/// them ("which, he said, went wrong").
const INTERRUPTED_CLAUSE_OPENERS: &[&str] = &[
    "which", "that", "who", "whom", "whose", "where", "when", "while", "because", "although",
    "though", "if", "unless", "since", "and", "but", "or", "so",
];

/// The pronoun that names who said an item's words in an attribution
/// after a comma or a closing quotation mark ("…no arrests so far, he
/// added.", "…the ends of justice, she told police."), as its gender and
/// its bytes from the start of the item's source span: the last such
/// "he"/"she" before a verb of saying, outside every edit. Read from the
/// source, so edits before it (a capital, a dropped clause) do not hide it.
fn tail_speaker_pronoun(item: &SummaryItem, p: &PreparedCluster<'_>) -> Option<(Gender, usize)> {
    let source = p
        .cluster
        .documents
        .get(item.doc)?
        .text
        .get(item.span.range())?;
    let after_marks = source
        .match_indices([',', '"', '\u{201d}', '\u{2019}', '\''])
        .map(|(at, mark)| at + mark.len());
    let mut found = after_marks.filter_map(|after| {
        let rest = &source[after..];
        let at = after + (rest.len() - rest.trim_start().len());
        let mut words = source[at..].split_whitespace();
        let pronoun = words.next()?;
        let gender = speaking_pronoun(pronoun, words.next()?)?;
        // "the hunt which, he said, went wrong": a clause the attribution
        // interrupts, whose own subject may be the one speaking.
        let before = source[..after].trim_end_matches(|c: char| !c.is_alphanumeric());
        let last = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        if INTERRUPTED_CLAUSE_OPENERS
            .iter()
            .any(|w| last.eq_ignore_ascii_case(w))
        {
            return None;
        }
        // The attribution closes the sentence ("…, he said of the vinyl
        // chloride."): mid-sentence ("the hunt which, he said, went
        // wrong") the pronoun may be the sentence's own subject, whose
        // name a lowercased article's recasing can miss.
        words
            .nth(TAIL_WORDS)
            .is_none()
            .then_some((gender, at, pronoun.len()))
    });
    let (gender, at, len) = found.next_back()?;
    let bytes = Span::new(item.span.start + at, item.span.start + at + len);
    (!item.edits.iter().any(|e| e.span.overlaps(bytes))).then_some((gender, at))
}

/// The family name alone that names who said the item's words, as bytes
/// from the text's start: a word after a comma or a closing quotation
/// mark and before a verb of saying ("…static this year, frank said.",
/// "\"…,\" Gates said"). Only an item whose text is its source's bytes up
/// to there (no edit before) is read.
fn speaker_family_name(item: &SummaryItem) -> Option<usize> {
    let text = item.text.as_str();
    let ws = words(text);
    let stop = crate::text::StopWords::default();
    let at = ws.windows(3).find_map(|w| {
        let (before, name, verb) = (&w[0], &w[1], &w[2]);
        let gap = text.get(before.end..name.start)?;
        let key = name.key_cow();
        (gap.contains([',', '"', '\u{201d}'])
            && name.text.len() >= 2
            && name.text.chars().all(char::is_alphabetic)
            && !name.possessive
            && !stop.contains(&key)
            && replaceable(&key).is_none()
            && is_speech_verb(&verb.key_cow()))
        .then_some(name.start)
    })?;
    let source_at = item.span.start + at;
    if item
        .edits
        .iter()
        .any(|e| moves_offsets(e) && e.span.start < source_at)
    {
        return None;
    }
    Some(at)
}

/// Whether an edit changes the length of what it replaces: after one, an
/// offset in the item's text no longer stands for the same offset in the
/// source (a capital, "i" → "I", moves none).
fn moves_offsets(edit: &Edit) -> bool {
    edit.replacement.len() != edit.span.len()
}

/// Whether a full name is a given name and a family name, perhaps with
/// middle initials ("William B. Evans"): a third word may be a company
/// that a lowercased text wrote next to a spokesman's name ("scott sady
/// amazon said"), and a speaker's words are not put in its mouth.
fn given_and_family_only(fullest: &str) -> bool {
    let parts: Vec<&str> = fullest.split_whitespace().collect();
    parts.len() >= 2
        && parts[1..parts.len() - 1]
            .iter()
            .all(|w| w.len() == 2 && w.ends_with('.'))
}

/// A resolved opening pronoun of one item.
struct Naming {
    /// Bytes of the pronoun in the source.
    pronoun: Span,
    /// Bytes of a connective before it, dropped with the repair.
    connective: Option<Span>,
    possessive: bool,
    fullest: String,
    family: String,
    /// Whether another person of the article has the same family name
    /// (a husband and wife): then only the full name says who.
    family_shared: bool,
    /// Whether what is replaced is a family name standing alone ("Foster
    /// was pressed into action…"), not a pronoun: it is completed only
    /// where the summary has not named the person before.
    surname: bool,
}

/// Replaces the opening "He"/"She"/"His"/"Her" of `summary`'s items by the
/// name of the person it refers to in the item's article (see the module
/// documentation). The budget is kept: a longer name is used only where
/// the summary has room for it, except that a family name the summary
/// never introduces is made room for by leaving out a later item, or is
/// left out itself (`make_room`). Only articles with such an item are
/// read.
pub fn name_opening_pronouns(summary: &mut Summary, p: &PreparedCluster<'_>) {
    let texts = ReadTexts::new(p);
    name_with(summary, p, &mut Readings::new(p, &texts));
}

/// [`name_opening_pronouns`] with the documents read through `readings`.
pub(crate) fn name_with(
    summary: &mut Summary,
    p: &PreparedCluster<'_>,
    readings: &mut Readings<'_, '_>,
) {
    let mut namings: Vec<(usize, Naming)> = Vec::new();
    // Whether each article is lowercased, read once when asked.
    let mut lowercased_docs: Vec<Option<bool>> = vec![None; p.cluster.documents.len()];
    for k in 0..summary.items.len() {
        let speaker = speaker_pronoun(&summary.items[k]);
        let pronoun = speaker.is_some() || pronoun_opening(&summary.items[k]).is_some();
        if !pronoun && !may_open_with_family_name(&summary.items[k], p) {
            // "…, frank said.": a speaker the summary may not have
            // introduced, completed as an opening family name is.
            if let Some(at) = speaker_family_name(&summary.items[k]) {
                if !written_before(summary, k, first_word(&summary.items[k].text[at..])) {
                    let naming = readings.get(summary.items[k].doc).and_then(|reading| {
                        resolve_speaker_family(
                            &reading.tokens,
                            &reading.mentions,
                            &summary.items[k],
                            at,
                        )
                    });
                    namings.extend(naming.map(|n| (k, n)));
                }
                continue;
            }
            // The article never wrote the full name; another source may
            // have ("Putin, whom…" where only another article says
            // "Vladimir Putin").
            if let Some(n) =
                full_name_in_other_sources(&summary.items[k], p, readings, &mut lowercased_docs)
            {
                namings.push((k, n));
                continue;
            }
            // "…no arrests so far, he added.": the attribution names no
            // one outside its article.
            if let Some(tail) = tail_speaker_pronoun(&summary.items[k], p) {
                let naming = readings.get(summary.items[k].doc).and_then(|reading| {
                    resolve_speaker(
                        &reading.tokens,
                        &reading.mentions,
                        &summary.items[k],
                        tail,
                        reading.recased,
                    )
                });
                namings.extend(naming.map(|n| (k, n)));
            }
            continue;
        }
        // A family name an earlier item already wrote is left as it is
        // (below): reading the article to learn so is the dearest step.
        if !pronoun && written_before(summary, k, first_word(opening_text(&summary.items[k]))) {
            continue;
        }
        let Some(reading) = readings.get(summary.items[k].doc) else {
            continue;
        };
        // A lowercased article read with its names recased
        // (`ReadTexts`): names the recasing missed leave gaps, so only the
        // plainest antecedent is trusted.
        let naming = if let Some((gender, at)) = speaker {
            resolve_speaker(
                &reading.tokens,
                &reading.mentions,
                &summary.items[k],
                (gender, at),
                reading.recased,
            )
        } else if pronoun {
            resolve_opening(
                &reading.tokens,
                &reading.mentions,
                &summary.items[k],
                reading.recased,
            )
        } else {
            resolve_surname_opening(&reading.tokens, &reading.mentions, &summary.items[k])
        };
        if let Some(n) = naming {
            namings.push((k, n));
        }
    }
    // Items left out to make room for a name shift the later ones: each
    // naming finds its item again by the sentence it quotes.
    let namings: Vec<((usize, usize), Naming)> = namings
        .into_iter()
        .map(|(k, naming)| ((summary.items[k].doc, summary.items[k].sentence), naming))
        .collect();
    for (quoted, naming) in namings {
        let Some(k) = summary
            .items
            .iter()
            .position(|item| (item.doc, item.sentence) == quoted)
        else {
            continue;
        };
        // Case aside: a lowercased article writes "dencer" where the name
        // read from its recased text is "Dencer".
        let introduced = written_before(summary, k, &naming.family);
        if naming.surname && introduced {
            continue;
        }
        if naming.surname && !fits(summary, &naming, &naming.fullest) {
            // A family name the summary never introduces does not stand
            // alone ("Medlin refused to give up…"): room is made for the
            // full name, or the item is left out.
            match make_room(summary, k, &naming) {
                Some(left_out) if left_out != k => {}
                _ => continue,
            }
        }
        let mut name = if (introduced && !naming.family_shared) || naming.fullest == naming.family {
            naming.family.clone()
        } else {
            naming.fullest.clone()
        };
        if !fits(summary, &naming, &name) {
            if naming.family_shared {
                continue;
            }
            name.clone_from(&naming.family);
            if !fits(summary, &naming, &name) {
                continue;
            }
        }
        apply(&mut summary.items[k], p, &naming, &name);
    }
}

/// The person the item's opening pronoun names, when its article says.
///
/// With `plain_only` (a recased lowercased article), the antecedent must
/// be the subject the sentence right before opens with ("Adrian Solano
/// wobbled…", "Mrs Merkel described…") or a speaker named next to a
/// speech verb there ("…, said Lauer"): an unrecognized name ("when
/// jeremiah heaton trekked…") or a subject without a name ("the radio host
/// first named Gov. John Kasich") would otherwise hand the pronoun to the
/// wrong person.
fn resolve_opening(
    d: &DocTokens<'_>,
    m: &Mentions,
    item: &SummaryItem,
    plain_only: bool,
) -> Option<Naming> {
    let (gender, possessive, skip) = pronoun_opening(item)?;
    let connective = (skip > 0).then(|| Span::new(item.span.start, item.span.start + skip));
    // The first word the item quotes, after the connective dropped with
    // the repair.
    let at = first_quoted_token(d, item, skip)?;
    let pronoun = Pronoun {
        gender,
        possessive,
        connective,
    };
    resolve_at(d, m, item, at, pronoun, plain_only)
}

/// The person who speaks the quotation opening the item, when the
/// pronoun naming them (`speaker_pronoun`: its gender, and its bytes from
/// the item's text start) resolves in the article.
fn resolve_speaker(
    d: &DocTokens<'_>,
    m: &Mentions,
    item: &SummaryItem,
    (gender, offset): (Gender, usize),
    plain_only: bool,
) -> Option<Naming> {
    let at = token_at(d, item.span.start + offset)?;
    let pronoun = Pronoun {
        gender,
        possessive: false,
        connective: None,
    };
    resolve_at(d, m, item, at, pronoun, plain_only)
}

/// The full name of the speaker the item gives by family name alone
/// (`speaker_family_name`: its bytes from the item's text start), when the
/// article wrote it before as a given and a family name.
fn resolve_speaker_family(
    d: &DocTokens<'_>,
    m: &Mentions,
    item: &SummaryItem,
    offset: usize,
) -> Option<Naming> {
    let at = token_at(d, item.span.start + offset)?;
    resolve_surname_at(d, m, item, at).filter(|n| given_and_family_only(&n.fullest))
}

/// The token that starts at byte `start` of the article, if one does.
fn token_at(d: &DocTokens<'_>, start: usize) -> Option<usize> {
    let at = d.first_at(start);
    (d.tokens.get(at)?.word.start == start).then_some(at)
}

/// Most words of a heading line ([`on_a_heading_line`]).
const HEADING_WORDS: usize = 16;

/// Whether `span` stands on a short line (at most [`HEADING_WORDS`] words)
/// that no sentence punctuation ends: a headline or a section's heading
/// ("A Frantic Search for the Gunman"), whose capitalized words read like
/// a name but name no one.
fn on_a_heading_line(text: &str, span: Span) -> bool {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return false;
    };
    let line_end = after.find('\n').map_or(text.len(), |i| span.end + i);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..line_end].trim_end();
    line.split_whitespace().nth(HEADING_WORDS).is_none()
        && !line.ends_with([
            '.', '!', '?', '"', '\'', ':', ';', ',', ')', '\u{201d}', '\u{2019}', '\u{2026}',
        ])
}

/// What a repair replaces: a pronoun's gender and case, and the
/// connective dropped with it.
#[derive(Clone, Copy)]
struct Pronoun {
    gender: Gender,
    possessive: bool,
    connective: Option<Span>,
}

/// The naming of the pronoun at token `at`, inside the item: the person
/// its article resolves it to, when that person has a full name (see
/// [`resolve_opening`] for `plain_only`).
fn resolve_at(
    d: &DocTokens<'_>,
    m: &Mentions,
    item: &SummaryItem,
    at: usize,
    pronoun: Pronoun,
    plain_only: bool,
) -> Option<Naming> {
    let Pronoun {
        gender,
        possessive,
        connective,
    } = pronoun;
    let token = &d.tokens[at];
    if token.word.end > item.span.end
        || token.quoted
        || replaceable(&token.key) != Some((gender, possessive))
    {
        return None;
    }
    let referent = resolve_pronoun(d, m, at, gender, &[])?;
    if referent.antecedent.start >= item.span.start
        || on_a_heading_line(d.text, referent.antecedent)
    {
        return None;
    }

    if plain_only && !is_plain_antecedent(d, m, at, referent.antecedent, gender) {
        return None;
    }
    let entity = &m.entities[referent.entity];
    // Only a full name ("Edward Snowden") is trusted: a lone capitalized
    // word may be any sentence's first ("Investigators", "Since"), and in
    // lowercased text a lone given name stands for a family name lost.
    // A video credit run into the name ("Buzz60 David Koch"): a word
    // with a digit is no part of a person's name.
    let parts: Vec<&str> = entity
        .fullest
        .split_whitespace()
        .skip_while(|w| w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if parts.len() < 2
        || !parts.first().is_some_and(capitalized)
        || !parts.last().is_some_and(capitalized)
    {
        return None;
    }
    // A byline printed twice runs into one name ("Mark Joseph Stern Mark
    // Joseph Stern is a writer for Slate"): one copy names the person.
    let half = parts.len() / 2;
    let fullest = if parts.len().is_multiple_of(2) && parts[..half] == parts[half..] {
        parts[..half].join(" ")
    } else {
        parts.join(" ")
    };
    let family = fullest
        .split_whitespace()
        .find(|w| key_of(w) == entity.family)
        .unwrap_or(&fullest)
        .to_owned();
    let family_shared = m
        .entities
        .iter()
        .enumerate()
        .any(|(e, other)| e != referent.entity && other.family == entity.family);
    Some(Naming {
        pronoun: token.span(),
        connective,
        possessive,
        fullest,
        family,
        family_shared,
        surname: false,
    })
}

/// Whether the item opens with a capitalized word that its article wrote
/// earlier after a known given name ("…scott foster…" before "Foster
/// was…"): a cheap test on the text before the article is read (tokens,
/// names, people) for a bare family name.
/// The item's text from its first word on, past spaces and opening
/// brackets.
fn opening_text(item: &SummaryItem) -> &str {
    item.text
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '(' | '['))
}

/// Whether an item before `k` writes `word` (case aside).
fn written_before(summary: &Summary, k: usize, word: &str) -> bool {
    let word = word.to_lowercase();
    summary.items[..k]
        .iter()
        .any(|item| crate::text::words::has_word(&item.text.to_lowercase(), &word))
}

fn may_open_with_family_name(item: &SummaryItem, p: &PreparedCluster<'_>) -> bool {
    let word = first_word(opening_text(item));
    if word.len() < 2 || !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let key = key_of(word);
    if is_given_name(&key) || crate::text::StopWords::default().contains(&key) {
        return false;
    }
    let Some(before) = p
        .cluster
        .documents
        .get(item.doc)
        .and_then(|d| d.text.get(..item.span.start))
    else {
        return false;
    };
    // Whether the word at `at` of `before` (lowercased or not) is the
    // family name after a given name.
    let after_given_name = |before: &str, at: usize| {
        let whole_word = before[..at].ends_with(' ')
            && !before[at + key.len()..]
                .chars()
                .next()
                .and_then(|c| c.to_lowercase().next())
                .is_some_and(char::is_alphanumeric);
        // The word before, or the one before a middle initial ("george w.
        // bush").
        let given = word_before(&before[..at])
            .0
            .is_some_and(|g| is_given_name(&g.to_lowercase()));
        whole_word && given
    };
    // The text before the item is long: where lowercasing it would move
    // no offset (nearly always), the key is found in it as written.
    if key.is_ascii() && !key.is_empty() && lowercase_keeps_offsets(before) {
        return ascii_matches_ignoring_case(before, &key).any(|at| after_given_name(before, at));
    }
    let before = before.to_lowercase();
    before
        .match_indices(key.as_ref())
        .any(|(at, _)| after_given_name(&before, at))
}

/// Whether `text.to_lowercase()` keeps every byte offset of `text` and
/// makes no ASCII of what was not: each non-ASCII char lowercases to one
/// non-ASCII char of its length ("É" yes; "İ", which lowercases to two
/// chars, and the Kelvin sign, to "k", no). ASCII text needle is then
/// found in the lowercased text where [`ascii_matches_ignoring_case`] finds
/// it in `text`.
fn lowercase_keeps_offsets(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = bytes[from..].iter().position(|b| !b.is_ascii()) {
        let at = from + k;
        let Some(c) = text[at..].chars().next() else {
            return false;
        };
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() && !l.is_ascii() => {}
            _ => return false,
        }
        from = at + c.len_utf8();
    }
    true
}

/// Where `hay` has ASCII `needle` with ASCII case ignored, as
/// `hay.to_lowercase().match_indices(needle)` finds it for a lowercase
/// `needle` where [`lowercase_keeps_offsets`] holds: left to right, not
/// overlapping.
fn ascii_matches_ignoring_case<'a>(
    hay: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = *needle.first()?;
        while let Some(k) = memchr::memchr2(
            first.to_ascii_lowercase(),
            first.to_ascii_uppercase(),
            hay.get(from..)?,
        ) {
            let at = from + k;
            if hay
                .get(at..at + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(needle))
            {
                from = at + needle.len();
                return Some(at);
            }
            from = at + 1;
        }
        None
    })
}

/// Whether the text after a family name goes on as a sentence whose
/// subject it is: a comma, colon, bracket or possessive, "et al.", or a
/// verb (an auxiliary, a past tense in "-ed", a present in "-s", a verb of
/// saying).
fn goes_on_as_a_subject(rest: &str) -> bool {
    const VERBS: &[&str] = &[
        "had", "will", "would", "can", "could", "did", "may", "might", "must", "should", "won",
        "made", "took", "became", "went", "got", "told", "said", "wrote", "spoke", "led", "left",
        "met", "ran", "sent", "saw", "gave", "found", "kept", "paid", "sold", "held", "began",
        "et",
    ];
    if rest.starts_with([',', ':', '(', ';']) || rest.starts_with(" (") {
        return true;
    }
    let possessive = ["'s", "\u{2019}s"].iter().any(|tail| {
        rest.strip_prefix(tail)
            .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
    });
    if possessive {
        return true;
    }
    let Some(next) = rest
        .strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next())
    else {
        return false;
    };
    let next = next.trim_end_matches([',', '.', ':', ';']);
    next.chars().all(|c| c.is_ascii_lowercase())
        && (VERBS.contains(&next)
            || is_speech_verb(next)
            || next.ends_with("ed")
            || (next.ends_with('s') && !next.ends_with("ss")))
}

/// The full name that the cluster's sources write for the capitalized
/// word opening the item ("Putin" → "Vladimir Putin"), when exactly one
/// given name stands before it there (not "Trump" where "Donald Trump"
/// and "Ivanka Trump" both do) and that given name is no common word
/// ("Will Support"). A lowercased source is read in its recased copy
/// ([`recase_names`](crate::text::recase::recase_names): "adrian
/// peterson's son" → "Adrian Peterson's son"), whose capitals tell the
/// names the recasing found. The word's bytes are read from the item's
/// text, so an item with an edit before the word's end is left alone, but
/// for the capital that opens it ("peterson" → "Peterson").
/// `lowercased_docs` caches whether each article is lowercased.
fn full_name_in_other_sources(
    item: &SummaryItem,
    p: &PreparedCluster<'_>,
    readings: &Readings<'_, '_>,
    lowercased_docs: &mut [Option<bool>],
) -> Option<Naming> {
    let lead = item.text.len() - item.text.trim_start_matches([' ', '(', '[']).len();
    let open = &item.text[lead..];
    let word = first_word(open);
    let start = item.span.start + lead;
    let word_end = start + word.len();
    if item.edits.iter().any(|e| {
        let capital = e.reason == EditReason::Capital && e.span.start >= start;
        e.span.start < word_end && !(capital && e.span.end <= word_end)
    }) {
        return None;
    }
    let mut chars = word.chars();
    // A capitalized word after it continues a name ("Austin Seth Hunt,
    // 23,"): the word is no family name alone.
    let name_goes_on = open[word.len()..]
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    if word.len() < 3
        || name_goes_on
        || !chars.next().is_some_and(char::is_uppercase)
        || !chars.all(char::is_lowercase)
    {
        return None;
    }
    let key = key_of(word);
    if is_given_name(&key)
        || crate::text::StopWords::default().contains(&key)
        || crate::text::recase::is_common_after_name(&key)
    {
        return None;
    }
    let is_name_word = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
    };
    let mut found: Option<(String, String)> = None;
    // In a lowercased article the capital tells only the sentence's
    // start: the word is a name where a verb, a comma or a possessive
    // follows it ("Peterson, one of…", "Trump has…"), not a noun's
    // ("Green party candidate…", "Trump university…", "Washington the
    // 16-year-old…", a dateline).
    let mut lowercased = || {
        let text = &p.cluster.documents.get(item.doc)?.text;
        let known = lowercased_docs.get_mut(item.doc)?;
        Some(*known.get_or_insert_with(|| crate::text::segment::is_lowercased(text)))
    };
    if !goes_on_as_a_subject(&open[word.len()..]) && lowercased() == Some(true) {
        return None;
    }
    for text in (0..readings.len()).filter_map(|doc| readings.text(doc)) {
        for (at, _) in text.match_indices(word) {
            let before = &text[..at];
            if !before.ends_with(' ') || text[at + word.len()..].starts_with(char::is_alphanumeric)
            {
                continue;
            }
            let (given, middle) = word_before(before);
            let Some(given) = given.filter(|g| is_name_word(g)) else {
                continue;
            };
            if middle.is_some_and(|m| !m.starts_with(char::is_uppercase)) {
                continue;
            }
            let given_key = given.to_lowercase();
            if !is_given_name(&given_key)
                || crate::text::recase::is_ambiguous_given_name(&given_key)
            {
                // A name the lexicon does not know before the same family
                // name ("Mpho Tutu" beside "Desmond Tutu"): whose it is
                // cannot be told.
                let other_person = given.len() > 2
                    && !is_title(&given_key)
                    && !is_role_noun(&given_key)
                    && !crate::text::StopWords::default().contains(&given_key)
                    && !crate::text::recase::is_common_after_name(&given_key);
                if other_person && middle.is_none() {
                    return None;
                }
                continue;
            }
            match &found {
                Some((_, seen)) if *seen != given_key => return None,
                Some(_) => {}
                None => {
                    let full = match middle {
                        Some(m) => format!("{given} {m} {word}"),
                        None => format!("{given} {word}"),
                    };
                    found = Some((full, given_key));
                }
            }
        }
    }
    let (fullest, _) = found?;
    // The sentence names that person itself further on ("Tutu … is the
    // daughter of south africa's archbishop desmond tutu"): the word
    // opening it is someone else of the family.
    if item.text.to_lowercase().contains(&fullest.to_lowercase()) {
        return None;
    }
    Some(Naming {
        pronoun: Span::new(start, start + word.len()),
        connective: None,
        possessive: false,
        fullest,
        family: word.to_owned(),
        family_shared: false,
        surname: true,
    })
}

/// The person whose family name alone opens the item ("Foster was pressed
/// into action…"), when the article named them in full before the item
/// ("…goaltender scott foster…") and no other person of the article has
/// that family name: the name to complete it with.
fn resolve_surname_opening(d: &DocTokens<'_>, m: &Mentions, item: &SummaryItem) -> Option<Naming> {
    let at = first_quoted_token(d, item, 0)?;
    resolve_surname_at(d, m, item, at)
}

/// The full name of the person whose family name alone is token `at`,
/// inside the item: a person the article named in full before the item,
/// whose family name no one else there shares.
fn resolve_surname_at(
    d: &DocTokens<'_>,
    m: &Mentions,
    item: &SummaryItem,
    at: usize,
) -> Option<Naming> {
    let token = &d.tokens[at];
    if token.word.end > item.span.end || token.quoted {
        return None;
    }
    let run = &m.runs[m.run_of(at)?];
    // The name is this one word, with no title before it ("Mr. Foster"
    // says who he is).
    if run.tokens != (at..at + 1) || run.name != (at..at + 1) {
        return None;
    }
    let e = run.entity?;
    let entity = &m.entities[e];
    if !entity.person || token.key != entity.family {
        return None;
    }
    let parts: Vec<&str> = entity.fullest.split_whitespace().collect();
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    // A known given name first: a recased text also capitalizes a
    // sentence's first word ("Mom Claire Henderson posted…").
    if parts.len() < 2
        || !parts.first().is_some_and(|w| is_given_name(&key_of(w)))
        || !parts.iter().all(capitalized)
        || parts.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        || parts.last().is_none_or(|w| key_of(w) != entity.family)
    {
        return None;
    }
    // Named in full earlier in the article than the item.
    let introduced = entity.runs.iter().any(|&r| {
        let run = &m.runs[r];
        run.name.len() >= 2 && d.span_of(run.name.clone()).end <= item.span.start
    });
    let family_shared = m
        .entities
        .iter()
        .enumerate()
        .any(|(other, o)| other != e && o.family == entity.family);
    if !introduced || family_shared {
        return None;
    }
    let fullest = parts.join(" ");
    Some(Naming {
        pronoun: token.span(),
        connective: None,
        possessive: false,
        family: parts.last().map_or_else(String::new, |w| (*w).to_owned()),
        fullest,
        family_shared,
        surname: true,
    })
}

/// Whether the mention at `antecedent` is in the sentence right before
/// token `at`'s and opens it (after titles only) or stands next to a
/// speech verb that ends the sentence. A speaker opening a report ("Sgt.
/// Adam Grossman told reporters that Leffler…") is no plain antecedent:
/// the report may be about someone the recasing missed. Nor is one of two
/// people the sentence names who may both be meant ("Terry Huckaby said
/// his brother Eddie Huckaby was hurt").
fn is_plain_antecedent(
    d: &DocTokens<'_>,
    m: &Mentions,
    at: usize,
    antecedent: Span,
    gender: Gender,
) -> bool {
    let Some(s) = d.tokens.get(at).and_then(|t| t.sentence) else {
        return false;
    };
    let Some(previous) = s.checked_sub(1).and_then(|j| d.sentence_tokens.get(j)) else {
        return false;
    };
    let Some(r) = previous
        .clone()
        .filter_map(|t| m.run_of(t))
        .find(|&r| d.span_of(m.runs[r].name.clone()) == antecedent)
    else {
        return false;
    };
    if is_clause_subject(d, m, previous.clone(), r, gender) {
        return true;
    }
    if other_people(m, previous.clone(), r, gender)
        .next()
        .is_some()
    {
        return false;
    }
    let run = &m.runs[r];
    let opens = run.tokens.start == previous.start;
    let speech = |t: usize| d.tokens.get(t).is_some_and(|t| is_speech_verb(&t.key));
    // A verb of saying right before the name, or a few words after it
    // ("Terry Huckaby of Tennessee said").
    let verb = run
        .tokens
        .start
        .checked_sub(1)
        .filter(|&t| t >= previous.start && speech(t))
        .or_else(|| (run.tokens.end..(run.tokens.end + 4).min(previous.end)).find(|&t| speech(t)));
    // The speaker of what the sentence quotes ("…," aoun said in a
    // statement), not of a report about someone else ("grossman told usa
    // today that leffler had to be extricated").
    let Some(v) = verb else {
        return opens;
    };
    let tail = v + 1..previous.end;
    tail.len() <= 6 && !d.tokens[tail].iter().any(|t| t.key == "that")
}

/// The runs of `sentence` that may name a person other than run `r`'s,
/// of a gender a pronoun of `gender` fits (unknown fits either): whom
/// else the pronoun could mean there.
fn other_people(
    m: &Mentions,
    sentence: std::ops::Range<usize>,
    r: usize,
    gender: Gender,
) -> impl Iterator<Item = usize> + '_ {
    let entity = m.runs[r].entity;
    sentence.filter_map(|t| m.run_of(t)).filter(move |&o| {
        m.runs[o].entity.is_some_and(|e| {
            Some(e) != entity
                && may_be_person(m, o)
                && m.entities[e].gender.is_none_or(|g| g == gender)
        })
    })
}

/// Most tokens of an opening clause before a subject ("At the time of
/// his death, Swartz was…").
const OPENING_CLAUSE_TOKENS: usize = 8;

/// Whether run `r` is the subject of sentence `sentence`, the person the
/// sentence is about, so that a "He" opening the next one means them (the
/// subject is the preferred centre, as in centering theory): it opens the
/// sentence, or follows a short opening clause and its comma, or a verb of
/// saying follows it; it is no possessive and follows no preposition; no
/// other person of that gender stands in the sentence as a subject might
/// ("…best known for helping jimmy carter win" leaves it open); and what
/// a speaker says is no report about someone else ("…told reporters that
/// leffler…": the recasing may have missed a name there, so only a report
/// opening on the same pronoun, "wrote that he felt", is read as about
/// the speaker).
fn is_clause_subject(
    d: &DocTokens<'_>,
    m: &Mentions,
    sentence: std::ops::Range<usize>,
    r: usize,
    gender: Gender,
) -> bool {
    let run = &m.runs[r];
    let start = run.tokens.start;
    if run.possessive || after_preposition(d, start) {
        return false;
    }
    let after_opening_clause = start > sentence.start
        && start - sentence.start <= OPENING_CLAUSE_TOKENS
        && d.gap_before(start).contains(',')
        && !(sentence.start + 1..start).any(|t| d.gap_before(t).contains(','));
    let speaks = next_is_speech_verb(d, run.tokens.end);
    if !(start == sentence.start || after_opening_clause || speaks) {
        return false;
    }
    let rival_subject = other_people(m, sentence.clone(), r, gender).any(|o| {
        let other = &m.runs[o];
        !other.possessive && !after_preposition(d, other.tokens.start)
    });
    if rival_subject {
        return false;
    }
    let same_pronoun = |t: usize| {
        d.tokens
            .get(t)
            .is_some_and(|t| coref::pronoun(&t.key) == Some(coref::Pronoun::Singular(gender)))
    };
    !speaks
        || !(run.tokens.end..sentence.end)
            .any(|t| d.tokens[t].key == "that" && !same_pronoun(t + 1))
}

/// The replacement text for the pronoun.
fn replacement(naming: &Naming, name: &str) -> String {
    if naming.possessive {
        if name.ends_with('s') {
            format!("{name}'")
        } else {
            format!("{name}'s")
        }
    } else {
        name.to_owned()
    }
}

/// Whether replacing an item's pronoun by `name` keeps the summary
/// within its budget.
fn fits(summary: &Summary, naming: &Naming, name: &str) -> bool {
    let new = replacement(naming, name);
    let connective_bytes = naming.connective.map_or(0, |c| c.len());
    let old_bytes = naming.pronoun.len() + connective_bytes;
    match summary.budget {
        Budget::Sentences(_) => true,
        Budget::Words(n) => {
            let dropped = usize::from(naming.connective.is_some());
            summary.word_count() + Budget::count_words(&new) <= n + 1 + dropped
        }
        Budget::Bytes(n) => {
            let used: usize = summary.items.iter().map(|i| i.text.len()).sum::<usize>()
                + summary.items.len().saturating_sub(1);
            used + new.len() <= n + old_bytes
        }
    }
}

/// Makes room in `summary` for item `k` to be given the full name of
/// `naming`, by leaving out one item after it (the lowest scored whose
/// removal gives the room, and that no next sentence of its article
/// follows), or item `k` itself when it is the last; the index of the item
/// left out, or `None` when none may go. Only items after `k` go: a name
/// given to an earlier item may rest on one before it. A summary cut at
/// exactly its budget (a truncated last item) and a one-item summary are
/// left alone.
fn make_room(summary: &mut Summary, k: usize, naming: &Naming) -> Option<usize> {
    let n = summary.items.len();
    if n < 2 || summary.items.iter().any(|item| item.truncated) {
        return None;
    }
    if k + 1 == n {
        summary.items.remove(k);
        return Some(k);
    }
    let leads_a_follower = |j: usize| {
        summary.items.get(j + 1).is_some_and(|next| {
            next.doc == summary.items[j].doc && next.sentence == summary.items[j].sentence + 1
        })
    };
    let mut order: Vec<usize> = (k + 1..n).filter(|&j| !leads_a_follower(j)).collect();
    order.sort_by(|&a, &b| summary.items[a].score.total_cmp(&summary.items[b].score));
    for j in order {
        let item = summary.items.remove(j);
        if fits(summary, naming, &naming.fullest) {
            return Some(j);
        }
        summary.items.insert(j, item);
    }
    None
}

/// Puts the edit on the item: it takes the place of any capitalization
/// of the pronoun's first letter, and the text is rebuilt from the source.
fn apply(item: &mut SummaryItem, p: &PreparedCluster<'_>, naming: &Naming, name: &str) {
    let Some(source) = p.cluster.documents.get(item.doc).map(|d| d.text.as_str()) else {
        return;
    };
    item.edits
        .retain(|e| !(naming.pronoun.start <= e.span.start && e.span.end <= naming.pronoun.end));
    let at = item
        .edits
        .iter()
        .position(|e| e.span.start >= naming.pronoun.end)
        .unwrap_or(item.edits.len());
    item.edits.insert(
        at,
        Edit {
            span: naming.pronoun,
            replacement: replacement(naming, name),
            reason: if naming.surname {
                EditReason::Name
            } else {
                EditReason::Pronoun
            },
        },
    );
    if let Some(span) = naming.connective {
        item.edits.insert(
            0,
            Edit {
                span,
                replacement: String::new(),
                reason: EditReason::Connective,
            },
        );
    }
    item.text = SummaryItem::edited_text(source, item.span, &item.edits);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cluster, Document};
    use crate::prepare::Pipeline;
    use crate::select::item;

    #[test]
    fn lowercasing_keeps_offsets_unless_a_char_changes_length_or_turns_ascii() {
        assert!(lowercase_keeps_offsets("Élysée “Palace” ΣΑΣ"));
        assert!(!lowercase_keeps_offsets("İstanbul"));
        assert!(!lowercase_keeps_offsets("300 \u{212a}"));
    }

    proptest::proptest! {
        #[test]
        fn ascii_matches_ignoring_case_are_those_of_the_lowercased_text(
            hay in "[aAbBkK .\u{e9}\u{c9}\u{3a3}\u{201c}]{0,30}",
            needle in "[abk]{1,3}",
        ) {
            // Chars whose lowercase moves offsets are the unit test's above.
            proptest::prop_assert!(lowercase_keeps_offsets(&hay));
            let found: Vec<usize> = ascii_matches_ignoring_case(&hay, &needle).collect();
            let lowered = hay.to_lowercase();
            let expected: Vec<usize> = lowered.match_indices(needle.as_str()).map(|(at, _)| at).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    /// The summary of `text`'s body sentences `picked` under `budget`,
    /// after naming.
    fn named(text: &str, picked: &[usize], budget: Budget) -> Summary {
        let cluster = Cluster::new("c", vec![Document::new("a", text)]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let summary = name_picked(&p, picked, budget);
        for item in &summary.items {
            // The text is the source's bytes with the edits applied, and
            // what it quotes verbatim is in the source.
            assert_eq!(
                item.text,
                SummaryItem::edited_text(text, item.span, &item.edits)
            );
            for span in item.quoted_spans() {
                assert!(item.text.contains(&text[span.range()]));
            }
        }
        summary
    }

    /// The summary of `p`'s sentences `picked` under `budget`, after
    /// naming.
    fn name_picked(p: &PreparedCluster<'_>, picked: &[usize], budget: Budget) -> Summary {
        let mut summary = Summary {
            cluster_id: "c".into(),
            algorithm: "test".into(),
            budget,
            items: picked.iter().map(|&i| item(p, i, 1.0)).collect(),
        };
        name_opening_pronouns(&mut summary, p);
        summary
    }

    const SNOWDEN: &str =
        "Former contractor Edward Snowden flew to Moscow on Sunday, officials said. \
        He faces up to 30 years in prison if he returns. \
        His lawyer said the charges were political.";

    #[test]
    fn a_pronoun_becomes_the_full_name_when_the_summary_has_not_named_the_person() {
        let s = named(SNOWDEN, &[1], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "Edward Snowden faces up to 30 years in prison if he returns."
        );
        let edit = &s.items[0].edits[0];
        assert_eq!(edit.reason, EditReason::Pronoun);
        assert_eq!(&SNOWDEN[edit.span.range()], "He");
    }

    #[test]
    fn a_family_name_alone_is_completed_until_the_summary_names_the_person() {
        let text = "The Blackhawks lost two goalies to injuries on Thursday. \
            They called up accountant Scott Foster from the stands. \
            Foster was pressed into action with 14 minutes left. \
            Foster stopped all seven shots he faced.";
        let s = named(text, &[2, 3], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "Scott Foster was pressed into action with 14 minutes left."
        );
        assert_eq!(s.items[0].edits[0].reason, EditReason::Name);
        assert_eq!(&text[s.items[0].edits[0].span.range()], "Foster");
        // Named once, the family name does.
        assert_eq!(s.items[1].text, "Foster stopped all seven shots he faced.");
        // Not when the summary named the person before, nor when a title
        // says who it is.
        let s = named(text, &[1, 2], Budget::Words(100));
        assert!(s.items[1].text.starts_with("Foster was"));
        let text = "Accountant Scott Foster sat in the stands. Mr. Foster was pressed into action.";
        let s = named(text, &[1], Budget::Words(100));
        assert!(s.items[0].text.starts_with("Mr. Foster"));
    }

    #[test]
    fn a_family_name_without_room_for_the_full_name_takes_a_later_item_s_place_or_goes() {
        let text = "The Blackhawks lost two goalies to injuries on Thursday. \
            They called up accountant Scott Foster from the stands. \
            Foster was pressed into action with 14 minutes left. \
            Foster stopped all seven shots he faced. \
            The team beat the Jets 6-2 at home. \
            It was their first win in a week.";
        let exact = |picked: &[usize]| {
            let cluster = Cluster::new("c", vec![Document::new("a", text)]);
            let p = Pipeline::default().prepare(&cluster).expect("prepared");
            let words = picked
                .iter()
                .map(|&i| Budget::count_words(p.text(i)))
                .sum::<usize>();
            Budget::Words(words)
        };
        let texts = |s: &Summary| s.items.iter().map(|i| i.text.clone()).collect::<Vec<_>>();
        // The later item makes room for the name.
        let s = named(text, &[2, 4], exact(&[2, 4]));
        assert_eq!(
            texts(&s),
            ["Scott Foster was pressed into action with 14 minutes left."]
        );
        // A sentence its article's next sentence leans on stays with it;
        // the follower itself may go.
        let s = named(text, &[2, 4, 5], exact(&[2, 4, 5]));
        assert_eq!(
            texts(&s),
            [
                "Scott Foster was pressed into action with 14 minutes left.",
                "The team beat the Jets 6-2 at home."
            ]
        );
        // Last, with no room, the bare family name is left out.
        let s = named(text, &[4, 2], exact(&[4, 2]));
        assert_eq!(texts(&s), ["The team beat the Jets 6-2 at home."]);
        // With room, nothing goes.
        let s = named(text, &[2, 4], Budget::Words(100));
        assert_eq!(s.items.len(), 2);
        assert!(s.items[0].text.starts_with("Scott Foster"));
    }

    #[test]
    fn a_summary_cut_at_its_budget_keeps_its_items_and_the_family_name() {
        let text = "They called up accountant Scott Foster from the stands. \
            Foster was pressed into action with 14 minutes left. \
            The team beat the Jets 6-2 at home.";
        let cluster = Cluster::new("c", vec![Document::new("a", text)]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let words = Budget::count_words(p.text(1)) + Budget::count_words(p.text(2));
        let mut summary = Summary {
            cluster_id: "c".into(),
            algorithm: "test".into(),
            budget: Budget::Words(words),
            items: vec![item(&p, 1, 1.0), item(&p, 2, 1.0)],
        };
        summary.items[1].truncated = true;
        name_opening_pronouns(&mut summary, &p);
        assert_eq!(summary.items.len(), 2);
        assert!(summary.items[0].text.starts_with("Foster was"));
    }

    /// The naming of body sentence `sentence` of the last of `texts`, a
    /// cluster of articles.
    fn named_in_cluster(texts: &[&str], sentence: usize) -> SummaryItem {
        let documents = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), *t))
            .collect();
        let cluster = Cluster::new("c", documents);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let last = p.doc_sentences.last().expect("documents").start + sentence;
        name_picked(&p, &[last], Budget::Words(100)).items.remove(0)
    }

    #[test]
    fn a_family_name_takes_the_full_name_another_source_writes_when_only_one_does() {
        let other = "Russian President Vladimir Putin met Rex Tillerson in Moscow on Wednesday.";
        let own = "Putin, whom agencies say helped Trump, insisted relations had gone downhill.";
        let item = named_in_cluster(&[other, own], 0);
        assert_eq!(
            item.text,
            "Vladimir Putin, whom agencies say helped Trump, insisted relations had gone downhill."
        );
        assert_eq!(item.edits[0].reason, EditReason::Name);
        // Two given names before it in the sources: either may be meant.
        let trumps = "Donald Trump spoke on Monday. Ivanka Trump spoke on Tuesday.";
        let own = "Trump, who met the envoy, said relations had gone downhill fast.";
        assert_eq!(named_in_cluster(&[trumps, own], 0).text, own);
        // Nor a given name that is a common word ("will support").
        let other = "Lawmakers will Support the bill when it comes to a vote in May.";
        let own = "Support for the bill has grown among lawmakers in recent weeks.";
        assert_eq!(named_in_cluster(&[other, own], 0).text, own);
    }

    #[test]
    fn a_lowercased_source_gives_the_full_name_its_recasing_reads() {
        let other = lowercased(
            "The vikings have seen photos of the injuries that adrian peterson's son suffered.",
        );
        let own =
            lowercased("Peterson, one of the league's marquee players, will practice this week.");
        let item = named_in_cluster(&[other.as_str(), own.as_str()], 0);
        assert_eq!(
            item.text,
            "Adrian Peterson, one of the league's marquee players, will practice this week."
        );
        assert!(item.edits.iter().any(|e| e.reason == EditReason::Name));
        // In a lowercased article the capital only opens the sentence: a
        // noun after the word ("Washington the 16-year-old…", a dateline)
        // says it is no one's family name.
        let other = lowercased("The boy visited the home of george washington on a school trip.");
        let own = lowercased("Washington the 16-year-old boy was arrested on friday by police.");
        let item = named_in_cluster(&[other.as_str(), own.as_str()], 0);
        assert_eq!(
            item.text,
            "Washington the 16-year-old boy was arrested on friday by police."
        );
        // A name the lexicon does not know before the same family name:
        // whose it is cannot be told.
        let other = "Archbishop Desmond Tutu spoke. His daughter Mpho Tutu married in May.";
        let own = "Tutu, a priest, was barred from her ministry after the wedding.";
        assert_eq!(named_in_cluster(&[other, own], 0).text, own);
    }

    #[test]
    fn a_family_name_two_people_share_stays_and_a_later_full_name_is_read_as_a_source_s() {
        let text = "Ann Lee and Tom Lee ran the shop for years. Lee said the rent had doubled.";
        let s = named(text, &[1], Budget::Words(100));
        assert_eq!(s.items[0].text, "Lee said the rent had doubled.");
        // Written in full only after the item, the name is what the
        // sources call him (their cased text says so).
        let text = "Foster was pressed into action. Scott Foster is an accountant.";
        let s = named(text, &[0], Budget::Words(100));
        assert_eq!(s.items[0].text, "Scott Foster was pressed into action.");
        let text = "Foster was pressed into action. Foster is an accountant.";
        let s = named(text, &[0], Budget::Words(100));
        assert_eq!(s.items[0].text, "Foster was pressed into action.");
    }

    #[test]
    fn once_named_the_family_name_does_and_possessives_keep_their_s() {
        let s = named(SNOWDEN, &[0, 2], Budget::Words(100));
        assert_eq!(
            s.items[1].text,
            "Snowden's lawyer said the charges were political."
        );
    }

    #[test]
    fn a_full_budget_takes_the_family_name_and_keeps_its_count() {
        let words = Budget::count_words("He faces up to 30 years in prison if he returns.");
        let s = named(SNOWDEN, &[1], Budget::Words(words));
        assert_eq!(
            s.items[0].text,
            "Snowden faces up to 30 years in prison if he returns."
        );
        assert_eq!(s.word_count(), words);
        let bytes = "He faces up to 30 years in prison if he returns.".len();
        let s = named(SNOWDEN, &[1], Budget::Bytes(bytes));
        assert!(s.items[0].text.starts_with("He "), "{}", s.items[0].text);
    }

    /// A lowercased release (sentence openings aside), long enough to
    /// read as one.
    fn lowercased(body: &str) -> String {
        format!(
            "{body} {}",
            "the talks went on for a while and then they ended. ".repeat(8)
        )
    }

    #[test]
    fn the_pronoun_speaker_of_an_opening_quotation_becomes_the_name() {
        let text = "Former contractor Edward Snowden flew to Moscow on Sunday, officials said. \
            \u{201c}I will not go back,\u{201d} he said on Monday. \
            \"Nobody asked me,\" he added.";
        let s = named(text, &[1, 2], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "\u{201c}I will not go back,\u{201d} Edward Snowden said on Monday."
        );
        assert_eq!(s.items[1].text, "\"Nobody asked me,\" Snowden added.");
        for item in &s.items {
            assert_eq!(item.edits.len(), 1);
            assert_eq!(item.edits[0].reason, EditReason::Pronoun);
            assert_eq!(&text[item.edits[0].span.range()], "he");
        }
        // Without a verb of saying the pronoun is not the quotation's speaker.
        let text = "Edward Snowden flew to Moscow. \"Asylum,\" he wrote, \"is what I seek.\" \
            \"Maybe,\" he thinks about it.";
        let s = named(text, &[2], Budget::Words(100));
        assert_eq!(s.items[0].text, "\"Maybe,\" he thinks about it.");
    }

    #[test]
    fn the_pronoun_of_a_closing_attribution_becomes_the_speakers_name() {
        let text = "Police chief Michel Cadot spoke to reporters on Friday. \
            The backpacks did not contain any explosives, he said. \
            The mall, which he said was reopened, stayed calm, he added on Saturday night. \
            The hunt, which, he said, went wrong from the start, ended at dusk. \
            The guards were ready, he said on a radio program that the city runs every week.";
        let s = named(text, &[1], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "The backpacks did not contain any explosives, Michel Cadot said."
        );
        assert_eq!(s.items[0].edits.len(), 1);
        assert_eq!(s.items[0].edits[0].reason, EditReason::Pronoun);
        assert_eq!(&text[s.items[0].edits[0].span.range()], "he");
        // Once named, the family name; the attribution is the last one.
        let s = named(text, &[1, 2], Budget::Words(100));
        assert_eq!(
            s.items[1].text,
            "The mall, which he said was reopened, stayed calm, Cadot added on Saturday night."
        );
        // An attribution inside a clause, or one a long clause follows,
        // is left as written.
        for k in [3, 4] {
            let s = named(text, &[k], Budget::Words(100));
            assert!(s.items[0].edits.is_empty(), "{}", s.items[0].text);
        }
    }

    #[test]
    fn a_speaker_given_by_family_name_alone_is_completed_until_the_summary_names_them() {
        let text = "Jane Doe, a forecaster, has watched the lake for years. \
            The storm stalled over the lake on Tuesday. \
            The front was static this year, Doe said. \
            \"It will pass by Friday,\" Doe added.";
        let s = named(text, &[2], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "The front was static this year, Jane Doe said."
        );
        assert_eq!(s.items[0].edits.len(), 1);
        assert_eq!(s.items[0].edits[0].reason, EditReason::Name);
        assert_eq!(&text[s.items[0].edits[0].span.range()], "Doe");
        // Once the summary has named her, the family name stands.
        let s = named(text, &[0, 2, 3], Budget::Words(100));
        assert_eq!(s.items[1].text, "The front was static this year, Doe said.");
        assert_eq!(s.items[2].text, "\"It will pass by Friday,\" Doe added.");
    }

    #[test]
    fn a_capital_before_the_speaker_keeps_the_speaker_named() {
        // The quotation opens in lower case and is capitalized, an edit
        // that moves no offset, so its speaker is still found and named.
        let text = "Former contractor Edward Snowden flew to Moscow on Sunday, officials said. \
            \"nobody asked me,\" he added.";
        let s = named(text, &[1], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "\"Nobody asked me,\" Edward Snowden added."
        );
        let reasons: Vec<EditReason> = s.items[0].edits.iter().map(|e| e.reason).collect();
        assert_eq!(reasons, vec![EditReason::Capital, EditReason::Pronoun]);
        // A closing family name is completed after such a capital too.
        let text = "Jane Doe, a forecaster, has watched the lake for years. \
            \"it will pass by Friday,\" Doe said.";
        let s = named(text, &[1], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "\"It will pass by Friday,\" Jane Doe said."
        );
    }

    #[test]
    fn a_company_run_into_a_spokesmans_name_is_no_speaker_to_complete() {
        let text = lowercased(
            "The warehouse staff posted on twitter. \
             A spokesman, scott sady amazon, declined to say more. \
             In a statement, amazon said that the ambassadors are all amazon employees.",
        );
        let s = named(&text, &[2], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "In a statement, amazon said that the ambassadors are all amazon employees."
        );
    }

    #[test]
    fn a_heading_names_no_speaker() {
        let text = "Police searched the hotel on Sunday night.\n\
            A Frantic Search for the Gunman\n\
            At 10:08 p.m., an officer sounds the alarm. \u{201c}We got shots fired,\u{201d} he says.";
        let cluster = Cluster::new("c", vec![Document::new("a", text)]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let last = p.sentences.len() - 1;
        let s = name_picked(&p, &[last], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "\u{201c}We got shots fired,\u{201d} he says."
        );
        assert!(s.items[0].edits.is_empty());
    }

    #[test]
    fn lowercased_text_names_the_subject_of_the_sentence_before() {
        let text = lowercased(
            "The race began in the snow. Adrian solano wobbled as he left the gate. \
             He fell into the powder after a small hill.",
        );
        let s = named(&text, &[2], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "Adrian Solano fell into the powder after a small hill."
        );
        // The source's bytes are quoted as written: only the edit adds capitals.
        assert_eq!(&text[s.items[0].edits[0].span.range()], "He");
    }

    #[test]
    fn lowercased_text_takes_the_family_name_once_the_summary_wrote_it() {
        let text = lowercased(
            "The driver was arrested on monday. Frederick dencer, 32, was booked at a motel. \
             He is accused of taking a woman to the motel.",
        );
        let s = named(&text, &[1, 2], Budget::Words(100));
        assert_eq!(
            s.items[1].text,
            "Dencer is accused of taking a woman to the motel."
        );
    }

    #[test]
    fn lowercased_text_leaves_a_pronoun_whose_antecedent_may_be_unrecognized() {
        // "jeremiah heaton" is no name the recasing knows; "david crigger"
        // is, but he is not who "he" means.
        let text = lowercased(
            "David crigger wrote about the trip. When jeremiah heaton crossed the desert, \
             he planted a flag. He said he wanted the land for his daughter.",
        );
        let s = named(&text, &[2], Budget::Words(100));
        assert!(
            s.items[0].text.starts_with("He said"),
            "{}",
            s.items[0].text
        );
        // Nor the speaker of a report about someone the recasing missed.
        let text = lowercased(
            "The driver died at the scene. Sgt. adam grossman told reporters that leffler \
             had to be pulled from the car. He was taken to a hospital, where he died.",
        );
        let s = named(&text, &[2], Budget::Words(100));
        assert!(s.items[0].text.starts_with("He was"), "{}", s.items[0].text);
        // Nor is a name the sentence before holds but does not open with.
        let text = lowercased(
            "The radio host first named ohio gov. john kasich in the segment. \
             He then went after the media.",
        );
        let s = named(&text, &[1], Budget::Words(100));
        assert!(
            s.items[0].text.starts_with("He then"),
            "{}",
            s.items[0].text
        );
    }

    #[test]
    fn lowercased_text_names_a_subject_after_an_opening_clause_or_before_a_verb_of_saying() {
        // After an opening clause and its comma, with another man named
        // only as a possessive.
        let text = lowercased(
            "The inquiry went on all year. As attorney general, Jeff sessions oversees the fbi \
             and the inquiry into trump's associates. He has resisted calls to step aside.",
        );
        let s = named(&text, &[2], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "Jeff Sessions has resisted calls to step aside."
        );
        // A speaker whose words run on, about no one else.
        let text = lowercased(
            "The club mourned the boy. Club chief Phil schultz said last week the club was \
             deeply saddened by the loss. He said the family had asked for privacy.",
        );
        let s = named(&text, &[2], Budget::Words(100));
        assert_eq!(
            s.items[0].text,
            "Phil Schultz said the family had asked for privacy."
        );
        // A speaker's report on himself ("wrote that he").
        let text = lowercased(
            "The school shut in spring. Aaron stark wrote that he felt like an outcast there. \
             He told a reporter he had been bullied.",
        );
        let s = named(&text, &[2], Budget::Words(100));
        assert!(
            s.items[0].text.starts_with("Aaron Stark told"),
            "{}",
            s.items[0].text
        );
        // Another man in a subject's place leaves it open.
        let text = lowercased(
            "The campaign was long. Patrick caddell is best known for helping jimmy carter \
             win. He is also remembered for a film.",
        );
        let s = named(&text, &[2], Budget::Words(100));
        assert!(s.items[0].text.starts_with("He is"), "{}", s.items[0].text);
    }

    #[test]
    fn a_byline_printed_twice_names_the_person_once() {
        let text = "The court ruled on Monday. \
            Mark Joseph Stern Mark Joseph Stern is a writer for Slate. He covers the law.";
        let s = named(text, &[2], Budget::Words(100));
        assert_eq!(s.items[0].text, "Mark Joseph Stern covers the law.");
    }

    #[test]
    fn a_clause_opener_before_a_family_name_is_no_other_person() {
        // "Although Dencer" is Dencer, not a second person sharing his
        // family name (who would call for the full name again).
        let text = "Frederick Dencer, 32, was booked on Monday. \
            Although Dencer had one fare that night, the woman did not use the app. \
            Dencer told police a story. He is accused of taking the woman to a motel.";
        let s = named(text, &[0, 3], Budget::Words(100));
        assert_eq!(
            s.items[1].text,
            "Dencer is accused of taking the woman to a motel."
        );
    }

    #[test]
    fn a_credit_run_into_a_name_is_left_out_of_it() {
        let text = "The board met on Monday. Buzz60 David Koch is leaving the board. \
            He was chairman of a subsidiary.";
        let s = named(text, &[2], Budget::Words(100));
        assert_eq!(s.items[0].text, "David Koch was chairman of a subsidiary.");
    }

    #[test]
    fn pronouns_without_a_named_person_or_inside_quotes_stay() {
        let text = "The storm reached the coast overnight. He said the roads were closed.";
        let s = named(text, &[1], Budget::Words(100));
        assert_eq!(s.items[0].text, "He said the roads were closed.");
        // A lone capitalized word may be any sentence's opening, not a name.
        let text = "Investigators arrived at noon. He was taken to a hospital.";
        let s = named(text, &[1], Budget::Words(100));
        assert_eq!(s.items[0].text, "He was taken to a hospital.");
        // The quotation's "He" is the speaker's word; its speaker is named.
        let text = "Senator Mary Landrieu spoke on Monday.\n\"He lied to us,\" she said.";
        let s = named(text, &[1], Budget::Words(100));
        assert_eq!(s.items[0].text, "\"He lied to us,\" Mary Landrieu said.");
    }

    #[test]
    fn a_dropped_connective_and_its_capital_give_way_to_the_name() {
        let text =
            "Chancellor Angela Merkel met the cabinet on Monday. But she said no deal was near.";
        let s = named(text, &[1], Budget::Words(100));
        assert_eq!(s.items[0].text, "Angela Merkel said no deal was near.");
        let reasons: Vec<EditReason> = s.items[0].edits.iter().map(|e| e.reason).collect();
        assert_eq!(reasons, vec![EditReason::Connective, EditReason::Pronoun]);
    }

    #[test]
    fn a_family_name_two_people_share_is_given_in_full() {
        let text = "Gloria Chapman said her husband Mark Chapman had warned her. \
            She said she did not believe him.";
        let s = named(text, &[0, 1], Budget::Words(100));
        assert_eq!(
            s.items[1].text,
            "Gloria Chapman said she did not believe him."
        );
    }
}
