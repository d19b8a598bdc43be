//! Entity aliases: the names a cluster uses for one actor.
//!
//! Two sources, merged into one [`AliasTable`]:
//!
//! - a small curated gazetteer of countries (name, official name, capital,
//!   seat of government, demonym, initialisms) and international
//!   organizations, so "Russia", "Russian Federation", "Moscow" and "the
//!   Kremlin" are one actor. It is the data file `data/gazetteer.tsv`,
//!   compiled in and parsed once per process;
//! - people found in the cluster itself: a capitalized name after a title
//!   ("Secretary of State Rex Tillerson", "Mr Lavrov") or as the subject of a
//!   speech verb ("said Delattre"), grouped by surname, with the title phrase
//!   kept as a role alias ("the Secretary of State") when it names only one
//!   person in the cluster. This is the surname/title heuristic of
//!   rule-based coreference (Lee et al., 2013, "Deterministic coreference
//!   resolution based on entity-centric, precision-ranked rules", sieves for
//!   exact and relaxed string match), hand-written because no maintained
//!   Rust crate does named-entity coreference without a model.
//!
//! [`AliasTable::canonical_text`] rewrites every alias to one token per actor;
//! the shared redundancy filter and copy detection compare sentences through
//! it, so "Russia vetoed" and "Russian Federation vetoed" read the same.

use crate::model::{Cluster, Span};
use crate::text::calendar::is_calendar_name;
use crate::text::words::{with_key, words, Word};
use crate::text::StopWords;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// What kind of actor an alias group names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A country (its capital, government seat and demonym included).
    Country,
    /// An international organization.
    Organization,
    /// A person.
    Person,
}

/// One way a cluster writes an actor's name, with how often it does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AliasForm {
    /// The form as first written in the cluster.
    pub text: String,
    /// Number of mentions in this form.
    pub mentions: usize,
}

/// The names of one actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AliasGroup {
    /// The name the group is known by ("Russia", "Rex Tillerson").
    pub canonical: String,
    /// Country, organization or person.
    pub kind: EntityKind,
    /// The forms used in the cluster, most mentioned first.
    pub forms: Vec<AliasForm>,
    /// Total mentions across forms.
    pub mentions: usize,
}

/// A mention of an actor in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the mention.
    pub span: Span,
    /// Index of the group in [`AliasTable::group`].
    pub group: usize,
    /// Whether the mention is possessive ("Lavrov's deputies").
    pub possessive: bool,
}

/// An alias found in a text, as [`AliasTable::canonical_text`] rewrites it.
pub(crate) struct AliasAt<'t> {
    /// Words the alias spans.
    pub len: usize,
    /// The actor's token that replaces them.
    pub token: &'t str,
    /// Whether a leading "the" is written before the token.
    pub keeps_article: bool,
}

/// The curated gazetteer, `data/gazetteer.tsv`: per line an actor's
/// canonical name, its kind, and its alias forms separated by `|`.
const GAZETTEER_TSV: &str = include_str!("../../data/gazetteer.tsv");

/// One actor of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
struct GazetteerEntry<'a> {
    canonical: &'a str,
    kind: EntityKind,
    forms: Vec<&'a str>,
}

/// A gazetteer line that is not `canonical<TAB>kind<TAB>form | form …`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("gazetteer line {line}: {reason}")]
struct GazetteerError {
    line: usize,
    reason: &'static str,
}

/// The actors of a gazetteer file, in file order (blank lines and lines
/// starting with `#` skipped).
fn parse_gazetteer(text: &str) -> Result<Vec<GazetteerEntry<'_>>, GazetteerError> {
    let mut entries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let error = |reason| GazetteerError {
            line: n + 1,
            reason,
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut columns = line.split('\t');
        let (Some(canonical), Some(kind), Some(forms), None) = (
            columns.next(),
            columns.next(),
            columns.next(),
            columns.next(),
        ) else {
            return Err(error("not three tab-separated columns"));
        };
        let kind = match kind.trim() {
            "country" => EntityKind::Country,
            "organization" => EntityKind::Organization,
            "person" => EntityKind::Person,
            _ => return Err(error("kind is not country, organization or person")),
        };
        let forms: Vec<&str> = forms.split('|').map(str::trim).collect();
        if canonical.trim().is_empty() || forms.iter().any(|f| f.is_empty()) {
            return Err(error("empty name or form"));
        }
        entries.push(GazetteerEntry {
            canonical: canonical.trim(),
            kind,
            forms,
        });
    }
    Ok(entries)
}

/// Words that introduce a person's name ("President", "Secretary of State").
const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "secretary",
    "minister",
    "ambassador",
    "general",
    "gen",
    "senator",
    "sen",
    "rep",
    "deputy",
    "prime",
    "foreign",
    "defense",
    "defence",
    "state",
    "chancellor",
    "governor",
    "gov",
    "envoy",
    "spokesman",
    "spokeswoman",
    "king",
    "queen",
    "prince",
    "pope",
    "vice",
    "chief",
    "director",
    "commander",
    "judge",
    "permanent",
    "representative",
];

/// Courtesy titles: a name after one of these is a person, but the title
/// is no role.
const COURTESY: &[&str] = &["mr", "mrs", "ms", "dr"];

/// Lowercase particles inside names ("Bashar al-Assad").
const PARTICLES: &[&str] = &["al", "bin", "de", "van", "von", "da", "el", "la", "le"];

/// Verbs of saying: their subject is a speaker, so a capitalized subject is
/// a person.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "insisted",
    "claimed",
    "declared",
    "noted",
    "stressed",
    "warned",
    "replied",
    "called",
    "argued",
    "wrote",
    "explained",
    "responded",
    "saying",
    "adding",
    "telling",
    "blasted",
    "urged",
    "pledged",
    "repeated",
    "dismissed",
];

/// [`TITLE_WORDS`] as a set: every capitalized word of a cluster is
/// looked up.
static TITLE_WORD_SET: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new(TITLE_WORDS));

/// [`SPEECH_VERBS`] as a set: every word of a cluster is looked up.
static SPEECH_VERB_SET: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new(SPEECH_VERBS));

/// A set of lowercase words asked whether it holds a word as written (its
/// key, [`with_key`]). Most words asked are not in it, and their first or
/// last letter or their length says so before the key is made and hashed.
struct WordSet {
    keys: FxHashSet<&'static str>,
    /// Whether some key starts with the byte (non-ASCII bytes all pass).
    first: [bool; 256],
    /// Whether some key ends with the byte (non-ASCII bytes and the period,
    /// which the key drops, all pass).
    last: [bool; 256],
    shortest: usize,
    longest: usize,
}

impl WordSet {
    fn new(keys: &[&'static str]) -> Self {
        let mut first = [false; 256];
        let mut last = [false; 256];
        first[128..].fill(true);
        last[128..].fill(true);
        last[usize::from(b'.')] = true;
        for k in keys {
            if let (Some(&a), Some(&z)) = (k.as_bytes().first(), k.as_bytes().last()) {
                first[usize::from(a)] = true;
                last[usize::from(z)] = true;
            }
        }
        WordSet {
            keys: keys.iter().copied().collect(),
            first,
            last,
            shortest: keys.iter().map(|k| k.len()).min().unwrap_or(0),
            longest: keys.iter().map(|k| k.len()).max().unwrap_or(0),
        }
    }

    /// Whether the key of `word` is in the set.
    fn contains_word(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        // The key drops periods ("Gov." → "gov") and lowercases: a word
        // shorter than every key, or longer without a period, is none.
        if b != b'.' && !self.first[usize::from(b.to_ascii_lowercase())] {
            return false;
        }
        let z = word.as_bytes()[word.len() - 1];
        if !self.last[usize::from(z.to_ascii_lowercase())] {
            return false;
        }
        if word.len() < self.shortest || (word.len() > self.longest && !word.contains('.')) {
            return false;
        }
        with_key(word, |key| self.contains_key(key))
    }

    /// Whether the set holds `key`, a word's key already made.
    #[inline]
    fn contains_key(&self, key: &str) -> bool {
        self.keys.contains(key)
    }
}

/// An alias phrase: its word keys, and whether it must be written in capitals.
#[derive(Debug, Clone)]
struct Phrase {
    group: usize,
    capitals_only: bool,
    /// Role phrases ("the foreign minister") match in any case.
    any_case: bool,
}

/// Alias groups of a cluster and a longest-match phrase index over them.
#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    groups: Vec<AliasGroup>,
    /// Canonical one-word token per group ("russia", "unitedstates").
    tokens: Vec<String>,
    /// Whether the phrases of [`GAZETTEER_INDEX`] belong to the table too
    /// (they are shared, not copied: every cluster's table starts with them).
    with_gazetteer: bool,
    /// Phrases by their word keys joined with single spaces (besides the
    /// gazetteer's).
    phrases: FxHashMap<String, Phrase>,
    /// Keys of the first words of phrases: most words start none, and are
    /// rejected with one lookup.
    first_words: FxHashSet<String>,
    /// The first words of phrases longer than them, keys joined with
    /// single spaces ("the", "the united" for "the united states"): a
    /// match is tried no longer than the words ahead continue one.
    prefixes: FxHashSet<String>,
    max_words: usize,
}

/// The gazetteer's groups and phrase index, built once per process.
static GAZETTEER_INDEX: std::sync::LazyLock<AliasTable> = std::sync::LazyLock::new(|| {
    let mut table = AliasTable::default();
    // The file is compiled in and checked by the tests: an error is a bug.
    let entries = parse_gazetteer(GAZETTEER_TSV)
        .unwrap_or_else(|e| panic!("data/gazetteer.tsv is malformed: {e}"));
    for entry in entries {
        let g = table.add_group(entry.canonical, entry.kind);
        for form in entry.forms {
            table.add_phrase(g, form, false);
        }
    }
    table
});

impl AliasTable {
    /// The gazetteer alone (no people), with no mentions counted.
    pub fn gazetteer() -> Self {
        let index = &*GAZETTEER_INDEX;
        AliasTable {
            groups: index.groups.clone(),
            tokens: index.tokens.clone(),
            with_gazetteer: true,
            phrases: FxHashMap::default(),
            first_words: FxHashSet::default(),
            prefixes: FxHashSet::default(),
            max_words: index.max_words,
        }
    }

    /// The phrase whose word keys, joined with single spaces, are `key`.
    fn phrase(&self, key: &str) -> Option<&Phrase> {
        let shared = self
            .with_gazetteer
            .then(|| GAZETTEER_INDEX.phrases.get(key))
            .flatten();
        shared.or_else(|| self.phrases.get(key))
    }

    /// Whether some phrase is longer than the words `key` (joined with
    /// single spaces) and starts with them.
    fn continues_phrase(&self, key: &str) -> bool {
        (self.with_gazetteer && GAZETTEER_INDEX.prefixes.contains(key))
            || self.prefixes.contains(key)
    }

    /// Whether some phrase starts with the word key `first`.
    fn starts_phrase(&self, first: &str) -> bool {
        (self.with_gazetteer && GAZETTEER_INDEX.first_words.contains(first))
            || self.first_words.contains(first)
    }

    /// The gazetteer plus the people of `cluster`, without counting
    /// mentions (what matching and canonicalization need).
    pub fn names_of(cluster: &Cluster) -> Self {
        Self::names_and_words_of(cluster).0
    }

    /// [`AliasTable::names_of`], with the words of each document of
    /// `cluster` it read to find the people ([`words`] of the whole text),
    /// for a caller that reads them too.
    pub fn names_and_words_of(cluster: &Cluster) -> (Self, Vec<Vec<Word<'_>>>) {
        let mut table = AliasTable::gazetteer();
        let words = table.add_people(cluster);
        (table, words)
    }

    /// The gazetteer plus the people of `cluster`, with mentions counted
    /// over all its documents.
    pub fn from_cluster(cluster: &Cluster) -> Self {
        let mut table = AliasTable::names_of(cluster);
        for doc in &cluster.documents {
            for m in table.mentions(&doc.text) {
                let written = normalize_space(&doc.text[m.span.range()]);
                let written = written
                    .strip_prefix("the ")
                    .or_else(|| written.strip_prefix("The "))
                    .unwrap_or(&written)
                    .to_owned();
                let group = &mut table.groups[m.group];
                group.mentions += 1;
                match group.forms.iter_mut().find(|f| f.text == written) {
                    Some(f) => f.mentions += 1,
                    None => group.forms.push(AliasForm {
                        text: written,
                        mentions: 1,
                    }),
                }
            }
        }
        for g in &mut table.groups {
            g.forms.sort_by_key(|f| std::cmp::Reverse(f.mentions));
            g.forms.retain(|f| f.mentions > 0);
        }
        table
    }

    /// Groups mentioned at least once, most mentioned first.
    pub fn groups(&self) -> Vec<&AliasGroup> {
        let mut out: Vec<&AliasGroup> = self.groups.iter().filter(|g| g.mentions > 0).collect();
        out.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then(a.canonical.cmp(&b.canonical))
        });
        out
    }

    /// Group `i` (see [`Mention::group`]).
    pub fn group(&self, i: usize) -> &AliasGroup {
        &self.groups[i]
    }

    /// The canonical name of an alias ("Mr Tillerson" → "Rex Tillerson"),
    /// or `None` when the text is no known alias.
    pub fn canonical(&self, alias: &str) -> Option<&str> {
        let ms = self.mentions(alias);
        match ms.as_slice() {
            [m] if m.span.len() == alias.trim().len() => Some(&self.groups[m.group].canonical),
            _ => None,
        }
    }

    /// The text as space-separated words with every alias replaced by one
    /// token per actor ("Russian Federation's veto" → "russia veto").
    pub fn canonical_text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.for_each_canonical_word(text, |word| {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().filter(|c| *c != '.'));
        });
        out
    }

    /// Calls `f` with each word of [`AliasTable::canonical_text`], in order,
    /// before its periods are removed ("U.S" for "US"), without building
    /// the text. Words never contain whitespace.
    pub fn for_each_canonical_word<'s>(&'s self, text: &'s str, mut f: impl FnMut(&'s str)) {
        let ws = words(text);
        let mut i = 0;
        while i < ws.len() {
            let alias = self
                .may_start_alias(&ws[i].key_cow())
                .then(|| self.alias_at(&ws, i))
                .flatten();
            match alias {
                Some(alias) => {
                    if alias.keeps_article {
                        f(ws[i].text);
                    }
                    f(alias.token);
                    i += alias.len;
                }
                None => {
                    f(ws[i].text);
                    i += 1;
                }
            }
        }
    }

    /// Whether a word with [`Word::key`] `key` may start an alias (a
    /// function of the word's text alone, so callers may cache it).
    pub(crate) fn may_start_alias(&self, key: &str) -> bool {
        self.starts_phrase(key)
    }

    /// The alias that starts at word `i` of `ws`, longest match first.
    /// Word keys are written only as far as a phrase could reach: most
    /// calls start at "the", and the word after it ends the search.
    pub(crate) fn alias_at(&self, ws: &[Word<'_>], i: usize) -> Option<AliasAt<'_>> {
        let (len, phrase, opens_on_the) = self.match_at(ws, i, |j, out| ws[j].write_key(out))?;
        Some(AliasAt {
            len,
            token: &self.tokens[phrase.group],
            // "the Kremlin" and "Moscow" differ only by the article, which
            // is kept so "the US" reads like "the United States".
            keeps_article: len > 1 && opens_on_the,
        })
    }

    /// Every alias mention in `text`, longest match first, left to right.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let ws = words(text);
        let mut arena = String::new();
        let keys = word_keys(&ws, &mut arena);
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let found = self
                .starts_phrase(keys[i])
                .then(|| self.match_at(&ws, i, |j, out| out.push_str(keys[j])))
                .flatten();
            match found {
                Some((len, phrase, _)) => {
                    let last = &ws[i + len - 1];
                    out.push(Mention {
                        span: Span::new(ws[i].start, last.end),
                        group: phrase.group,
                        possessive: last.possessive,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Mentions of people only.
    pub fn person_mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions(text)
            .into_iter()
            .filter(|m| self.groups[m.group].kind == EntityKind::Person)
            .collect()
    }

    fn add_group(&mut self, canonical: &str, kind: EntityKind) -> usize {
        self.groups.push(AliasGroup {
            canonical: canonical.to_owned(),
            kind,
            forms: Vec::new(),
            mentions: 0,
        });
        self.tokens.push(
            canonical
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect(),
        );
        self.groups.len() - 1
    }

    fn add_phrase(&mut self, group: usize, form: &str, any_case: bool) {
        // Forms are recorded as the cluster writes them, when counted.
        let ws = words(form);
        let keys: Vec<String> = ws.iter().map(Word::key).collect();
        let key = keys.join(" ");
        if keys.is_empty() || self.phrase(&key).is_some() {
            return;
        }
        let capitals_only = ws.len() == 1
            && ws[0].text.chars().filter(|c| c.is_alphabetic()).count() <= 3
            && ws[0].text.chars().all(|c| !c.is_lowercase());
        self.max_words = self.max_words.max(keys.len());
        self.first_words.insert(keys[0].clone());
        for n in 1..keys.len() {
            self.prefixes.insert(keys[..n].join(" "));
        }
        self.phrases.insert(
            key,
            Phrase {
                group,
                capitals_only,
                any_case,
            },
        );
    }

    /// The phrase starting at word `i` of `ws` (longest first), its length
    /// in words, and whether it opens on "the"; `write_key(j, out)`
    /// appends the key of word `j`, which is asked for only as far as
    /// some phrase reaches. Every caller first asks whether word `i` starts
    /// a phrase ([`AliasTable::may_start_alias`], cached per word): a word
    /// that starts none continues none and is no phrase, so it is not
    /// asked again here.
    fn match_at(
        &self,
        ws: &[Word<'_>],
        i: usize,
        write_key: impl Fn(usize, &mut String),
    ) -> Option<(usize, &Phrase, bool)> {
        let most = self.max_words.min(ws.len() - i);
        // The keys of the longest candidate joined once; shorter candidates
        // are its prefixes. A candidate is longer than one word only while
        // the words so far begin a longer phrase ("the" then "the united",
        // not "the house").
        let mut joined = String::with_capacity(32);
        write_key(i, &mut joined);
        let opens_on_the = joined == "the";
        let mut ends = Vec::with_capacity(most);
        ends.push(joined.len());
        for j in i + 1..i + most {
            if !self.continues_phrase(&joined) {
                break;
            }
            joined.push(' ');
            write_key(j, &mut joined);
            ends.push(joined.len());
        }
        let longest = ends.len();
        for len in (1..=longest).rev() {
            let Some(phrase) = self.phrase(&joined[..ends[len - 1]]) else {
                continue;
            };
            let first = &ws[i];
            let ok = if phrase.capitals_only {
                first.text.chars().all(|c| !c.is_lowercase())
            } else {
                phrase.any_case || first.is_capitalized() || opens_on_the
            };
            // A phrase must not end inside a name ("Washington Post" is fine
            // to miss; "Moscow" in "Moscow's" is still Moscow).
            if ok {
                return Some((len, phrase, opens_on_the));
            }
        }
        None
    }

    /// Finds people in the cluster and adds them as groups; returns the
    /// words of each document, which it read for them.
    fn add_people<'c>(&mut self, cluster: &'c Cluster) -> Vec<Vec<Word<'c>>> {
        let stop = StopWords::default();
        // surname key → (full names seen with counts, roles, courtesy forms, surname as written)
        let mut people: FxHashMap<String, PersonEvidence> = FxHashMap::default();
        let mut doc_words = Vec::with_capacity(cluster.documents.len());
        for doc in &cluster.documents {
            let ws = words(&doc.text);
            let mut i = 0;
            while i < ws.len() {
                let w = &ws[i];
                let capitalized = w.is_capitalized();
                // Keys are read in place: only title words and speech verbs
                // matter here, and most words are neither.
                if capitalized && TITLE_WORD_SET.contains_word(w.text) {
                    let (next, found) = self.name_after_title(&doc.text, &ws, i, &stop);
                    if let Some((role, name_start, name_end)) = found {
                        let surname = &ws[name_end - 1];
                        let e = people.entry(surname.key()).or_default();
                        e.surname = surname.text.to_owned();
                        if name_end - name_start > 1 {
                            let full =
                                normalize_space(&doc.text[ws[name_start].start..surname.end]);
                            *e.full_names.entry(full).or_default() += 1;
                        }
                        if let Some(role) = role {
                            e.roles.push(role);
                        }
                        if COURTESY.contains(&ws[name_start - 1].key().as_str()) {
                            e.courtesy
                                .push(ws[name_start - 1].text.trim_end_matches('.').to_owned());
                        }
                    }
                    i = next.max(i + 1);
                    continue;
                }
                // "Lavrov said", "said Delattre".
                let is_name = |x: &Word<'_>| {
                    x.is_capitalized()
                        && !x.possessive
                        && x.text.chars().any(char::is_lowercase)
                        && self.is_plain_word(x, &stop)
                };
                if !capitalized && SPEECH_VERB_SET.contains_word(w.text) {
                    let before = i.checked_sub(1).map(|j| &ws[j]);
                    let after = ws.get(i + 1);
                    for cand in [before, after].into_iter().flatten() {
                        let gap = if cand.start < w.start {
                            &doc.text[cand.end..w.start]
                        } else {
                            &doc.text[w.end..cand.start]
                        };
                        if is_name(cand) && gap.trim().is_empty() {
                            let e = people.entry(cand.key()).or_default();
                            e.surname = cand.text.to_owned();
                            e.speaker += 1;
                        }
                    }
                }
                i += 1;
            }
            doc_words.push(ws);
        }
        // Roles naming exactly one person become aliases of that person.
        let mut role_owners: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for (surname, e) in &people {
            for r in &e.roles {
                let owners = role_owners.entry(r.clone()).or_default();
                if !owners.contains(surname) {
                    owners.push(surname.clone());
                }
            }
        }
        let mut surnames: Vec<&String> = people.keys().collect();
        surnames.sort();
        for surname in surnames {
            let e = &people[surname];
            let canonical = e
                .full_names
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then(b.0.len().cmp(&a.0.len()))
                        .then(b.0.cmp(a.0))
                })
                .map_or(e.surname.clone(), |(n, _)| n.clone());
            let g = self.add_group(&canonical, EntityKind::Person);
            // The surname token, so that "Tillerson" and "Rex Tillerson" share it.
            self.tokens[g] = surname.clone();
            let mut names: Vec<&String> = e.full_names.keys().collect();
            names.sort();
            for name in names {
                self.add_phrase(g, name, false);
            }
            for c in &e.courtesy {
                self.add_phrase(g, &format!("{c} {}", e.surname), false);
            }
            self.add_phrase(g, &e.surname, false);
            for r in &e.roles {
                if role_owners.get(r).is_some_and(|o| o.len() == 1) {
                    self.add_phrase(g, &format!("the {r}"), true);
                }
            }
        }
        doc_words
    }

    /// After a title word at `i`: skips further title words (and "of"),
    /// then reads a capitalized name. Returns the index to continue from and,
    /// when a name was found, its role (title words without courtesy titles,
    /// lowercased) and word range.
    #[allow(clippy::type_complexity)]
    fn name_after_title(
        &self,
        text: &str,
        ws: &[Word<'_>],
        i: usize,
        stop: &StopWords,
    ) -> (usize, Option<(Option<String>, usize, usize)>) {
        let mut j = i;
        let mut role: Vec<String> = Vec::new();
        while j < ws.len() {
            let k = ws[j].key();
            let titled = ws[j].is_capitalized() && TITLE_WORD_SET.contains_key(&k);
            let joiner = k == "of" && role.last().is_some_and(|r| r == "secretary");
            if !(titled || joiner) || ws[j].possessive {
                break;
            }
            if !COURTESY.contains(&k.as_str()) {
                role.push(k);
            }
            j += 1;
        }
        if j == i {
            return (i + 1, None);
        }
        let name_start = j;
        while j < ws.len() && j - name_start < 4 {
            let w = &ws[j];
            let gap = &text[ws[j - 1].end..w.start];
            if gap.contains(['\n', ',', ';', '(', '"', '\u{201c}']) {
                break;
            }
            let particle =
                PARTICLES.contains(&w.text) && ws.get(j + 1).is_some_and(Word::is_capitalized);
            if !(particle || (w.is_capitalized() && self.is_plain_word(w, stop))) {
                break;
            }
            j += 1;
            if w.possessive {
                break;
            }
        }
        // A name must end on a capitalized word.
        while j > name_start && !ws[j - 1].is_capitalized() {
            j -= 1;
        }
        if j == name_start {
            return (j, None);
        }
        let role = (!role.is_empty()).then(|| role.join(" "));
        (j, Some((role, name_start, j)))
    }

    /// A capitalized word that may be part of a person's name: no title,
    /// calendar word, stopword or gazetteer alias.
    fn is_plain_word(&self, w: &Word<'_>, stop: &StopWords) -> bool {
        let k = w.key();
        !TITLE_WORD_SET.contains_key(&k)
            && !is_calendar_name(&k)
            && !stop.contains(&k)
            && self.phrase(&k).is_none()
            && w.text.chars().any(char::is_lowercase)
    }
}

#[derive(Debug, Default)]
struct PersonEvidence {
    surname: String,
    full_names: FxHashMap<String, usize>,
    roles: Vec<String>,
    courtesy: Vec<String>,
    speaker: usize,
}

/// The [`Word::key`] of each word, all written into `arena` (one allocation
/// for the lot instead of one per capitalized word).
fn word_keys<'a>(ws: &[Word<'_>], arena: &'a mut String) -> Vec<&'a str> {
    arena.clear();
    let mut ends = Vec::with_capacity(ws.len());
    for w in ws {
        w.write_key(arena);
        ends.push(arena.len());
    }
    let arena: &'a str = arena;
    let mut start = 0;
    ends.into_iter()
        .map(|end| {
            let key = &arena[start..end];
            start = end;
            key
        })
        .collect()
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster(texts: &[&str]) -> Cluster {
        Cluster::from_texts(texts)
    }

    /// Both word sets answer for `word` as their plain key lists do.
    fn word_sets_answer_as_their_keys(
        word: &str,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        for (set, keys) in [
            (&*TITLE_WORD_SET, TITLE_WORDS),
            (&*SPEECH_VERB_SET, SPEECH_VERBS),
        ] {
            let key = crate::text::words::key_of(word);
            proptest::prop_assert_eq!(
                set.contains_word(word),
                keys.contains(&key.as_ref()),
                "{}",
                word
            );
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn a_word_set_answers_as_its_keys_do(
            word in "(Said|SAYS|Gov\\.|gov|Sen\\.|told|U\\.S\\.|[A-Za-z.é]{1,14})"
        ) {
            word_sets_answer_as_their_keys(&word)?;
        }

        /// Every key of both lists in any case, with a letter or a period
        /// added or the last letter dropped, answers as the key set does
        /// (the first- and last-letter rejections never drop a key).
        #[test]
        fn a_word_set_answers_for_its_keys_in_any_case(
            pick in 0usize..(TITLE_WORDS.len() + SPEECH_VERBS.len()),
            case in proptest::prelude::any::<u32>(),
            edit in 0u8..4,
        ) {
            let key = TITLE_WORDS.iter().chain(SPEECH_VERBS).nth(pick).copied().unwrap_or("said");
            let mut word: String = key
                .chars()
                .enumerate()
                .map(|(i, c)| if case >> (i % 32) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                .collect();
            match edit {
                1 => word.push('s'),
                2 => word.push('.'),
                3 => {
                    word.pop();
                }
                _ => {}
            }
            word_sets_answer_as_their_keys(&word)?;
        }
    }

    #[test]
    fn the_gazetteer_file_parses() {
        let entries = parse_gazetteer(GAZETTEER_TSV).expect("well-formed");
        assert_eq!(entries.len(), AliasTable::gazetteer().groups.len());
        assert_eq!(
            entries[0],
            GazetteerEntry {
                canonical: "Russia",
                kind: EntityKind::Country,
                forms: vec![
                    "Russia",
                    "Russian Federation",
                    "the Russian Federation",
                    "Moscow",
                    "Kremlin",
                    "the Kremlin",
                    "Russian",
                    "Russians",
                ],
            }
        );
        assert!(entries
            .iter()
            .any(|e| e.canonical == "NATO" && e.kind == EntityKind::Organization));
        assert_eq!(
            parse_gazetteer("# note\n\nX\tcountry\n").err(),
            Some(GazetteerError {
                line: 3,
                reason: "not three tab-separated columns"
            })
        );
        assert!(parse_gazetteer("X\tplanet\tX").is_err());
        assert!(parse_gazetteer("X\tcountry\tX | ").is_err());
    }

    #[test]
    fn country_aliases_share_one_token() {
        let t = AliasTable::gazetteer();
        assert_eq!(
            t.canonical_text("Russian Federation vetoed it"),
            "russia vetoed it"
        );
        assert_eq!(t.canonical_text("the Kremlin said"), "the russia said");
        assert_eq!(t.canonical_text("Moscow's veto"), "russia veto");
        assert_eq!(
            t.canonical_text("The U.S. and the USA and US"),
            "The unitedstates and the unitedstates and unitedstates"
        );
        // The pronoun "us" is not the United States.
        assert_eq!(t.canonical_text("told us"), "told us");
        assert_eq!(t.canonical("the Kremlin"), Some("Russia"));
        assert_eq!(t.canonical("Washington"), Some("United States"));
        assert_eq!(t.canonical("Narnia"), None);
    }

    #[test]
    fn people_are_grouped_by_surname_with_titles_and_roles() {
        let c = cluster(&[
            "U.S. Secretary of State Rex Tillerson arrived. Mr Tillerson met Lavrov.",
            "Tillerson said it was bad, the Secretary of State said. Foreign Minister Sergey Lavrov agreed. \"No\", said Delattre.",
        ]);
        let t = AliasTable::from_cluster(&c);
        assert_eq!(t.canonical("Mr Tillerson"), Some("Rex Tillerson"));
        assert_eq!(t.canonical("Tillerson"), Some("Rex Tillerson"));
        assert_eq!(t.canonical("the Secretary of State"), Some("Rex Tillerson"));
        assert_eq!(t.canonical("the foreign minister"), Some("Sergey Lavrov"));
        assert_eq!(t.canonical("Delattre"), Some("Delattre"));
        let tillerson = t
            .groups()
            .into_iter()
            .find(|g| g.canonical == "Rex Tillerson")
            .cloned()
            .expect("group");
        assert_eq!(tillerson.kind, EntityKind::Person);
        assert_eq!(tillerson.mentions, 4);
    }
}
