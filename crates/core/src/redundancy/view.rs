//! The redundancy view: what the duplicate test compares, per sentence.
//!
//! Each sentence is read as its alias-canonical words
//! ([`AliasTable::for_each_canonical_word`]): from them come its content
//! term set, a key of its text up to case, punctuation and spacing, and,
//! through their hashes, its copy family ([`super::copies`]). A lowercased
//! article is read with its person names recased, so its names are found
//! and anchor paraphrases as a cased article's do. The view is
//! built once per prepared cluster ([`RedundancyView::of`]) and shared by
//! every filter made for it.

use super::aliases::AliasTable;
use super::copies::{family_of_sentences, fnv, word_hash, CopyConfig, FNV_OFFSET};
use crate::model::{Cluster, Document, Span};
use crate::prepare::{PreparedCluster, TermId};
use crate::text::recase::recase_names;
use crate::text::words::{with_key, words, Word, WordAt};
use crate::text::Analyzer;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::Arc;

/// What the shared redundancy filter compares: per sentence, its content
/// term set with every alias rewritten to one token per actor, a key of its
/// alias-canonical text, and its copy family.
#[derive(Debug, Clone)]
pub struct RedundancyView {
    /// Sorted, deduplicated term ids: the prepared cluster's, and ids after
    /// its vocabulary for terms only the canonical texts have.
    pub term_sets: Vec<Vec<TermId>>,
    /// The same without the terms of names and figures (the
    /// [`RedundancyView::anchors`]): what paraphrases must share besides
    /// them.
    pub plain_term_sets: Vec<Vec<TermId>>,
    /// Id of the alias-canonical text ([`AliasTable::canonical_text`]) up
    /// to case, punctuation and spacing: equal ids mean equal texts so
    /// compared (ids are local to this view).
    pub text_keys: Vec<u32>,
    /// Copy family of each sentence, if any.
    pub families: Vec<Option<usize>>,
    /// The names (alias-canonical, or capitalized after the first word)
    /// and numbers of each sentence, as sorted, deduplicated word hashes:
    /// two sentences about the same actors and figures that share most
    /// content words are paraphrases.
    pub anchors: Vec<Vec<u64>>,
    /// The figures of each sentence: its numbers of two digits or more or
    /// with a decimal point, written without signs, units or thousands
    /// separators ("m4.7" and "4.7", "£ 6,500" and "6500", "19-year-old"
    /// and "19" are one), as sorted, deduplicated hashes.
    pub figures: Vec<Vec<u64>>,
    /// Each lowercased article with its person names recased
    /// ([`recase_names`]), by document; empty when none is lowercased.
    pub(crate) recased: Vec<Option<String>>,
    /// The words of each document as the view read it (recased where
    /// [`RedundancyView::recased`] has it), for attribution, which reads
    /// the same texts.
    pub(crate) doc_words: Vec<Vec<WordAt>>,
}

/// What one word of an alias-canonical text contributes to the view.
#[derive(Clone, Copy)]
struct CanonicalWord {
    /// [`word_hash`] of the word.
    hash: u64,
    /// Its terms: `ViewBuilder::terms[terms.0..terms.1]`.
    terms: (u32, u32),
    /// Its lowercased letters and digits: `ViewBuilder::keys[key.0..key.1]`.
    key: (u32, u32),
    /// Whether an alias may start at the word ([`AliasTable::may_start_alias`]).
    may_start_alias: bool,
}

/// Caches, by word as written, what each distinct word of a cluster
/// contributes: a cluster repeats most of its words, and each is analyzed
/// once.
struct ViewBuilder<'w, 'p> {
    prepared: &'p PreparedCluster<'p>,
    analyzer: Analyzer,
    words: FxHashMap<&'w str, CanonicalWord>,
    terms: Vec<TermId>,
    keys: String,
    /// Ids of terms the prepared vocabulary lacks (numbered after it, so
    /// a term has one id whichever way it was found).
    new_terms: FxHashMap<String, TermId>,
}

impl<'w, 'p> ViewBuilder<'w, 'p> {
    fn new(prepared: &'p PreparedCluster<'p>) -> Self {
        ViewBuilder {
            prepared,
            analyzer: Analyzer::english(),
            // About as many distinct words as the cluster has terms.
            words: FxHashMap::with_capacity_and_hasher(
                prepared.vocab.len() * 2,
                Default::default(),
            ),
            terms: Vec::new(),
            keys: String::new(),
            new_terms: FxHashMap::default(),
        }
    }

    fn word(&mut self, word: &'w str, aliases: &AliasTable) -> CanonicalWord {
        if let Some(&known) = self.words.get(word) {
            return known;
        }
        let entry = match self.plain_word(word, aliases) {
            Some(entry) => entry,
            None => self.other_word(word, aliases),
        };
        self.words.insert(word, entry);
        entry
    }

    /// The entry of a word of ASCII letters and digits whose term the
    /// prepared cluster knows (most words), in one pass over its bytes: its
    /// key is its lowercase form, which also answers the alias test.
    fn plain_word(&mut self, word: &str, aliases: &AliasTable) -> Option<CanonicalWord> {
        if !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let term = self.prepared.english_term(word)?;
        let terms_start = self.terms.len();
        self.terms.extend(term);
        let key_start = self.keys.len();
        let mut hash = FNV_OFFSET;
        for b in word.bytes() {
            let lower = b.to_ascii_lowercase();
            self.keys.push(char::from(lower));
            hash = fnv(hash, u64::from(lower));
        }
        Some(CanonicalWord {
            hash,
            terms: (terms_start as u32, self.terms.len() as u32),
            key: (key_start as u32, self.keys.len() as u32),
            may_start_alias: aliases.may_start_alias(&self.keys[key_start..]),
        })
    }

    /// The entry of any other word, analyzed from scratch.
    fn other_word(&mut self, word: &str, aliases: &AliasTable) -> CanonicalWord {
        // The word as the canonical text writes it.
        let written: std::borrow::Cow<'_, str> = if word.contains('.') {
            word.chars()
                .filter(|c| *c != '.')
                .collect::<String>()
                .into()
        } else {
            word.into()
        };
        let terms_start = self.terms.len();
        // A word of letters and digits is one token; the prepared
        // cluster may already know its term.
        let known = written
            .chars()
            .all(char::is_alphanumeric)
            .then(|| self.prepared.english_term(&written))
            .flatten();
        match known {
            Some(term) => self.terms.extend(term),
            None => {
                let (vocab, new_terms, terms) =
                    (&self.prepared.vocab, &mut self.new_terms, &mut self.terms);
                self.analyzer.for_each_term(&written, |t| {
                    let id = vocab.get(t).unwrap_or_else(|| {
                        let next = (vocab.len() + new_terms.len()) as TermId;
                        *new_terms.entry(t.to_owned()).or_insert(next)
                    });
                    terms.push(id);
                });
            }
        }
        let key_start = self.keys.len();
        if written.is_ascii() {
            self.keys.extend(
                written
                    .bytes()
                    .filter(u8::is_ascii_alphanumeric)
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        } else {
            self.keys.extend(
                written
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase),
            );
        }
        CanonicalWord {
            hash: word_hash(&written, false),
            terms: (terms_start as u32, self.terms.len() as u32),
            key: (key_start as u32, self.keys.len() as u32),
            may_start_alias: with_key(word, |key| aliases.may_start_alias(key)),
        }
    }
}

/// One sentence's canonical words, as they are added.
#[derive(Default)]
struct SentenceParts {
    hashes: Vec<u64>,
    terms: Vec<TermId>,
    /// The terms of the words that are no name or figure.
    plain: Vec<TermId>,
    key: String,
}

impl SentenceParts {
    fn add(&mut self, builder: &ViewBuilder<'_, '_>, word: CanonicalWord) {
        self.hashes.push(word.hash);
        self.terms
            .extend_from_slice(&builder.terms[word.terms.0 as usize..word.terms.1 as usize]);
        self.key
            .push_str(&builder.keys[word.key.0 as usize..word.key.1 as usize]);
    }

    /// [`SentenceParts::add`] for a word that is no name or figure.
    fn add_plain(&mut self, builder: &ViewBuilder<'_, '_>, word: CanonicalWord) {
        self.plain
            .extend_from_slice(&builder.terms[word.terms.0 as usize..word.terms.1 as usize]);
        self.add(builder, word);
    }
}

impl RedundancyView {
    /// The view of `p`, built on first use and then kept with `p`, so the
    /// filters of every summarizer run on `p` share it.
    pub fn of(p: &PreparedCluster<'_>) -> Arc<RedundancyView> {
        p.derived(|| RedundancyView::new(p))
    }

    /// Builds the view of `p` with the cluster's alias table.
    pub fn new(p: &PreparedCluster<'_>) -> Self {
        let recased = with_names_recased(p.cluster);
        let read = recased.as_ref().map_or(p.cluster, |(c, _)| c);
        let (aliases, doc_words) = AliasTable::names_and_words_of(read);
        // Where the next sentence's words start in its document's words.
        let mut cursor = vec![0usize; doc_words.len()];
        let n = p.sentences.len();
        let mut builder = ViewBuilder::new(p);
        let mut term_sets = Vec::with_capacity(n);
        let mut plain_term_sets = Vec::with_capacity(n);
        let mut word_hashes = Vec::with_capacity(n);
        let mut text_keys = Vec::with_capacity(n);
        let mut key_ids: FxHashMap<String, u32> =
            FxHashMap::with_capacity_and_hasher(n, Default::default());
        let mut sentence = SentenceParts::default();
        let mut anchors = Vec::with_capacity(n);
        let mut these: Vec<u64> = Vec::new();
        let mut figures = Vec::with_capacity(n);
        let mut these_figures: Vec<u64> = Vec::new();
        for i in 0..n {
            these.clear();
            these_figures.clear();
            let mut has_figure = false;
            // The words of AliasTable::for_each_canonical_word, with the
            // first-word test of aliases answered from the word cache.
            let s = &p.sentences[i];
            let text = &read.documents[s.doc].text[s.span.range()];
            let ws = sentence_words(&doc_words[s.doc], s.span, text, &mut cursor[s.doc]);
            let mut k = 0;
            while k < ws.len() {
                let word = builder.word(ws[k].text, &aliases);
                let alias = word
                    .may_start_alias
                    .then(|| aliases.alias_at(&ws, k))
                    .flatten();
                match alias {
                    Some(alias) => {
                        let token = builder.word(alias.token, &aliases);
                        these.push(token.hash);
                        if alias.keeps_article {
                            sentence.add(&builder, word);
                        }
                        sentence.add(&builder, token);
                        k += alias.len;
                    }
                    None => {
                        let text = ws[k].text;
                        let figure = text.bytes().any(|b| b.is_ascii_digit());
                        has_figure |= figure;
                        if (k > 0 && ws[k].is_capitalized()) || figure {
                            these.push(word.hash);
                            sentence.add(&builder, word);
                        } else {
                            sentence.add_plain(&builder, word);
                        }
                        k += 1;
                    }
                }
            }
            these.sort_unstable();
            these.dedup();
            anchors.push(these.clone());
            // Most sentences write no number: their text is not read again.
            if has_figure {
                figure_hashes(text, &mut these_figures);
            }
            these_figures.sort_unstable();
            these_figures.dedup();
            figures.push(these_figures.clone());
            // Copies of exactly their size; the buffers serve the next
            // sentence without growing again.
            sentence.terms.sort_unstable();
            sentence.terms.dedup();
            term_sets.push(sentence.terms.clone());
            sentence.terms.clear();
            sentence.plain.sort_unstable();
            sentence.plain.dedup();
            plain_term_sets.push(sentence.plain.clone());
            sentence.plain.clear();
            word_hashes.push(sentence.hashes.clone());
            sentence.hashes.clear();
            let next = key_ids.len() as u32;
            let id = match key_ids.get(sentence.key.as_str()) {
                Some(&id) => id,
                None => {
                    key_ids.insert(sentence.key.clone(), next);
                    next
                }
            };
            text_keys.push(id);
            sentence.key.clear();
        }
        let families = family_of_sentences(p, &aliases, &word_hashes, &CopyConfig::default());
        let doc_words = doc_words
            .iter()
            .map(|ws| ws.iter().map(WordAt::of).collect())
            .collect();
        // The recased texts are kept for attribution, which reads the same
        // articles so (`attribution::reading::ReadTexts`).
        let recased = recased.map_or_else(Vec::new, |(c, which)| {
            c.documents
                .into_iter()
                .zip(which)
                .map(|(d, recased)| recased.then_some(d.text))
                .collect()
        });
        RedundancyView {
            term_sets,
            plain_term_sets,
            recased,
            doc_words,
            text_keys,
            families,
            anchors,
            figures,
        }
    }
}

/// Appends the hashes of the figures `text` writes
/// ([`RedundancyView::figures`]): each run of digits with the thousands
/// separators and the decimal point inside it, separators left out, when
/// it has two digits or a decimal point ("m4.7" gives "4.7", "£ 6,500"
/// gives "6500", "19-year-old" gives "19").
fn figure_hashes(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let digit_at = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let mut hash = FNV_OFFSET;
        let (mut digits, mut point) = (0usize, false);
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii_digit() {
                digits += 1;
                hash = fnv(hash, u64::from(b));
            } else if b == b',' && digit_at(at + 1) {
            } else if b == b'.' && !point && digit_at(at + 1) {
                point = true;
                hash = fnv(hash, u64::from(b));
            } else {
                break;
            }
            at += 1;
        }
        if digits >= 2 || point {
            out.push(hash);
        }
    }
}

/// `cluster` with the person names of its lowercased documents given back
/// their capitals ([`recase_names`]; same lengths, so every span still
/// points at the source), or `None` when no document is lowercased. The
/// alias table finds people by their capitals: read as written, a
/// lowercased article ("immigration officials questioned muhammad ali
/// jr.") names no one, and two of its sentences about the same people
/// share no name to be told paraphrases by.
fn with_names_recased(cluster: &Cluster) -> Option<(Cluster, Vec<bool>)> {
    let recased: Vec<Option<String>> = cluster
        .documents
        .iter()
        .map(|d| recase_names(&d.text))
        .collect();
    let which: Vec<bool> = recased.iter().map(Option::is_some).collect();
    which.contains(&true).then(|| {
        let documents = cluster
            .documents
            .iter()
            .zip(recased)
            .map(|(d, text)| Document {
                id: d.id.clone(),
                title: d.title.clone(),
                text: text.unwrap_or_else(|| d.text.clone()),
                date: d.date.clone(),
                source: d.source.clone(),
            })
            .collect();
        let cluster = Cluster {
            id: cluster.id.clone(),
            documents,
            references: Vec::new(),
        };
        (cluster, which)
    })
}

/// The words of a sentence, `words(text)` for its `text` at `span` of its
/// document, read from the document's words `doc_words` when no word there
/// runs across the sentence's edges (nearly always: the words are then the
/// same, with the document's offsets, which the view does not read), else
/// afresh. `from` is where the search starts in `doc_words`; sentences come
/// in document order, so it only moves forward.
fn sentence_words<'t>(
    doc_words: &'t [Word<'t>],
    span: Span,
    text: &'t str,
    from: &mut usize,
) -> Cow<'t, [Word<'t>]> {
    let start = *from + doc_words[*from..].partition_point(|w| w.end <= span.start);
    let end = start + doc_words[start..].partition_point(|w| w.end <= span.end);
    *from = start;
    let inside = &doc_words[start..end];
    let crosses_start = inside.first().is_some_and(|w| w.start < span.start);
    // A word that starts inside and ends past the sentence, or a possessive
    // "'s" past its end, reads differently in the sentence alone.
    let crosses_end = doc_words.get(end).is_some_and(|w| w.start < span.end)
        || inside
            .last()
            .is_some_and(|w| w.possessive && w.end + 2 > span.end);
    if crosses_start || crosses_end {
        Cow::Owned(words(text))
    } else {
        Cow::Borrowed(inside)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cluster;
    use crate::prepare::Pipeline;

    /// The first sentence of `p` whose text holds `needle`.
    fn sentence_with(p: &PreparedCluster<'_>, needle: &str) -> usize {
        (0..p.sentences.len())
            .find(|&i| p.text(i).contains(needle))
            .expect("sentence found")
    }

    /// Texts and possessive flags: what the view reads of a word.
    fn read(ws: &[Word<'_>]) -> Vec<(String, bool)> {
        ws.iter()
            .map(|w| (w.text.to_owned(), w.possessive))
            .collect()
    }

    #[test]
    fn sentence_words_read_from_the_document_equal_the_sentence_alone() {
        let cluster = Cluster::from_texts(&[
            "WASHINGTON (AP) — The U.S. and the U.N. met on Tuesday. It was \
             Russia's turn.The next day, Lavrov's aide said \"no\". Rock'n'roll \
             fans met at the company's. O'Neill spoke in Moscow’s centre.",
            "Mr. Tillerson met Mr. Lavrov in Moscow. U.S.-Russia ties are at \
             an all-time low, officials said.\n\nHide Caption 1 of 3 Photos: \
             Tillerson.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let (_, doc_words) = AliasTable::names_and_words_of(&cluster);
        let mut cursor = vec![0; doc_words.len()];
        for (i, s) in p.sentences.iter().enumerate() {
            let ws = sentence_words(&doc_words[s.doc], s.span, p.text(i), &mut cursor[s.doc]);
            assert_eq!(
                read(&ws),
                read(&words(p.text(i))),
                "sentence {i}: {}",
                p.text(i)
            );
        }
    }

    #[test]
    fn sentences_of_lowercased_articles_about_the_same_people_are_paraphrases_as_when_cased() {
        // Two sentences naming the same two people that share half their
        // other words: paraphrases when the names are read as names, in
        // the lowercased copy as in the cased one.
        let cased = [
            "The talks ended late. John Smith met Mary Jones at the old harbor wall on a cold friday night.",
            "Nobody expected it. John Smith and Mary Jones talked for an hour by the old harbor wall late that evening.",
        ];
        let lowercased = cased.map(|t| {
            // Sentence openings keep their capitals, as in the truncated
            // Multi-News release.
            t.replace("John Smith", "john smith")
                .replace("Mary Jones", "mary jones")
                .replacen("john smith met", "John smith met", 1)
                .replacen("john smith and", "John smith and", 1)
        });
        // An article is taken as lowercased from 50 words on.
        const MORE: &str = " Shops opened at nine and closed at six as they always do. \
            A few buses ran late because of roadworks near the station. The weather \
            stayed mild and most streets were quiet for the rest of the day. Schools \
            reopened after the long break and parents lined up at the gates early.";
        for texts in [cased.map(str::to_owned), lowercased] {
            let texts = texts.map(|t| t + MORE);
            let cluster = Cluster::from_texts(&[texts[0].as_str(), texts[1].as_str()]);
            let p = Pipeline::default().prepare(&cluster).expect("prepared");
            let find = |needle: &str| sentence_with(&p, needle);
            let (met, talked) = (find("met"), find("talked"));
            let filter = crate::redundancy::RedundancyFilter::new(&p, 0.7);
            assert!(filter.duplicates(met, talked), "{texts:?}");
            let ended = find("ended");
            assert!(!filter.duplicates(met, ended), "{texts:?}");
        }
    }

    #[test]
    fn sentences_about_the_same_people_telling_different_facts_are_no_paraphrases() {
        // The names are shared, the rest is not: half the content words
        // are the names, which alone must not make a paraphrase.
        let cluster = Cluster::from_texts(&[
            "The flat was small. On tuesday John Smith signed the lease for the flat with Mary Jones and her brother.",
            "The rent was high. On tuesday John Smith waited outside while Mary Jones argued about money.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let find = |needle: &str| sentence_with(&p, needle);
        let filter = crate::redundancy::RedundancyFilter::new(&p, 0.7);
        assert!(!filter.duplicates(find("signed"), find("argued")));
    }

    #[test]
    fn a_sentence_whose_names_the_other_holds_all_is_its_paraphrase() {
        // The second names one person more; the first's names are all in
        // it, and most of their other words are shared (though too few of
        // all their words for the overlap test alone).
        let cluster = Cluster::from_texts(&[
            "The board met late. Greg Postel placed Rick Pitino on unpaid administrative leave after a long and tense night meeting of trustees in the campus hall.",
            "Students gathered outside. In a statement Greg Postel said Rick Pitino and Tom Jurich were placed on unpaid administrative leave, a decision the trustees reached in a meeting about recruiting fraud.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let find = |needle: &str| sentence_with(&p, needle);
        let filter = crate::redundancy::RedundancyFilter::new(&p, 0.7);
        assert!(filter.duplicates(find("unpaid"), find("Jurich")));
        assert!(!filter.duplicates(find("met late"), find("outside")));
    }

    #[test]
    fn sentences_restating_the_same_figures_are_paraphrases() {
        let cluster = Cluster::from_texts(&[
            "The labor department says the unemployment rate fell to 6.3 percent from 6.7 percent in March.",
            "Stocks rose. The jobless rate fell to 6.3% from 6.7%, beating what economists expected.",
            "The jobless rate rose to 6.7% in 2012 and stayed above 6.3% for a year, a survey found.",
            "Officials counted 17 new cases in 2014, the agency said in its yearly report on measles.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let find = |needle: &str| sentence_with(&p, needle);
        let filter = crate::redundancy::RedundancyFilter::new(&p, 0.7);
        assert!(filter.duplicates(find("labor"), find("beating")));
        // The same figures with none of the same words tell another fact…
        assert!(!filter.duplicates(find("labor"), find("Stocks")));
        // …and one figure shared of two does not make a restatement.
        assert!(!filter.duplicates(find("labor"), find("measles")));
        assert!(!filter.duplicates(find("survey"), find("measles")));
    }

    #[test]
    fn a_figure_is_read_without_its_unit_sign_or_separators() {
        let hash = |w: &str| {
            let mut out = Vec::new();
            figure_hashes(w, &mut out);
            (out.len() <= 1).then(|| out.first().copied()).flatten()
        };
        assert_eq!(hash("m4.7"), hash("4.7"));
        assert_eq!(hash("6,500"), hash("6500"));
        assert_eq!(hash("19-year-old"), hash("19"));
        assert_eq!(hash("$14"), hash("14."));
        assert_ne!(hash("6.3"), hash("63"));
        assert_eq!(hash("9"), None);
        assert_eq!(hash("no.7"), None);
    }
}
