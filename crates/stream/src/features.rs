//! Article → weighted term vector, and the stream's vocabulary with its
//! incrementally updated IDF.
//!
//! Terms are brief-core's summarizer terms: [`Analyzer::english`] (the word
//! tokenizer, lowercasing, NLTK stopwords, Snowball stemming), token by
//! token so that each term keeps its position. An article's raw weight for
//! a term is the sublinear frequency `1 + ln(n)` of the term in the lead
//! (the first [`ClusterConfig::lead_words`] words; each of the first
//! [`ClusterConfig::opening_words`] counts [`OPENING_COUNT`] times), plus
//! [`ClusterConfig::title_weight`] when the title has it, times
//! [`ClusterConfig::entity_boost`] when it was seen as a name (see
//! [`is_name`]).

use crate::config::ClusterConfig;
use brief_core::text::Analyzer;
use rustc_hash::FxHashMap;

/// How many times a word of the opening counts (the rest of the lead counts once).
const OPENING_COUNT: u32 = 2;

/// Sparse raw term weights of an article, sorted by term id.
pub(crate) type RawVector = Vec<(u32, f64)>;

/// Term ids, document frequencies and the number of articles counted:
/// the IDF `ln((N + 1) / (df + 1)) + 1` over the articles seen so far.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    ids: FxHashMap<String, u32>,
    terms: Vec<String>,
    df: Vec<u32>,
    documents: u64,
}

impl Vocabulary {
    /// The id of `term`, given the next free one when new.
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.ids.insert(term.to_owned(), id);
        self.terms.push(term.to_owned());
        self.df.push(0);
        id
    }

    /// Counts one more article holding the terms of `raw`.
    pub(crate) fn count(&mut self, raw: &[(u32, f64)]) {
        self.documents += 1;
        for &(t, _) in raw {
            self.df[t as usize] += 1;
        }
    }

    /// Articles counted so far.
    pub(crate) fn documents(&self) -> u64 {
        self.documents
    }

    /// The inverse document frequency of `term` now.
    pub(crate) fn idf(&self, term: u32) -> f64 {
        let df = f64::from(self.df[term as usize]);
        ((self.documents as f64 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// The text of term `id` (a stem).
    pub(crate) fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }
}

/// Turns articles into raw term weights.
#[derive(Debug)]
pub(crate) struct Features {
    analyzer: Analyzer,
    title_weight: f64,
    entity_boost: f64,
    lead_words: usize,
    opening_words: usize,
}

impl Features {
    /// The extractor of `config`'s weighting.
    pub(crate) fn new(config: &ClusterConfig) -> Self {
        Features {
            analyzer: Analyzer::english(),
            title_weight: config.title_weight,
            entity_boost: config.entity_boost,
            lead_words: config.lead_words,
            opening_words: config.opening_words,
        }
    }

    /// Raw term weights of an article (see the module docs), sorted by term
    /// id; new terms are added to `vocabulary` (title terms first, then the
    /// lead's in order), but document frequencies are not counted.
    pub(crate) fn raw(
        &self,
        vocabulary: &mut Vocabulary,
        title: Option<&str>,
        text: &str,
    ) -> RawVector {
        // term -> (lead count, in title, seen as a name)
        let mut counts: FxHashMap<u32, (u32, bool, bool)> = FxHashMap::default();
        if let Some(title) = title {
            for token in self.analyzer.tokens(title) {
                if let Some(term) = self.analyzer.normalize(token.text) {
                    let id = vocabulary.id(&term);
                    counts.entry(id).or_default().1 = true;
                }
            }
        }
        for (position, token) in self
            .analyzer
            .tokens(text)
            .into_iter()
            .take(self.lead_words)
            .enumerate()
        {
            let Some(term) = self.analyzer.normalize(token.text) else {
                continue;
            };
            let id = vocabulary.id(&term);
            let entry = counts.entry(id).or_default();
            entry.0 += if position < self.opening_words {
                OPENING_COUNT
            } else {
                1
            };
            if !entry.2 && is_name(text, token.start, token.text) {
                entry.2 = true;
            }
        }
        let mut out: RawVector = counts
            .into_iter()
            .map(|(t, (n, in_title, name))| {
                let tf = if n > 0 { 1.0 + f64::from(n).ln() } else { 0.0 };
                let title = if in_title { self.title_weight } else { 0.0 };
                let boost = if name { self.entity_boost } else { 1.0 };
                (t, (tf + title) * boost)
            })
            .filter(|&(_, w)| w > 0.0)
            .collect();
        out.sort_unstable_by_key(|&(t, _)| t);
        out
    }
}

/// Euclidean norm of a sparse vector.
pub(crate) fn norm(vector: &[(u32, f64)]) -> f64 {
    vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()
}

/// Whether the token at byte `start` of `text` is capitalized and not the
/// first word of a sentence, line or quote: a cheap stand-in for a
/// named-entity tagger.
///
/// Not from brief-core: its capitalization tests look at a word alone, not
/// at where it stands in the sentence.
fn is_name(text: &str, start: usize, token: &str) -> bool {
    if !token.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '\t', '"', '\'', '“', '‘', '(']);
    !matches!(
        before.chars().last(),
        None | Some('.' | '!' | '?' | '\n' | ':')
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::text::{LowerCase, Stemmer, StopWords, TokenFilter, Tokenizer, WordTokenizer};
    use std::borrow::Cow;

    #[test]
    fn names_are_recognized() {
        let t = "The vote. Then Russia vetoed it, and \"Lavrov said\"\nMoscow";
        let at = |w: &str| t.find(w).unwrap();
        assert!(!is_name(t, at("The"), "The"));
        assert!(!is_name(t, at("Then"), "Then"));
        assert!(is_name(t, at("Russia"), "Russia"));
        assert!(!is_name(t, at("vetoed"), "vetoed"));
        assert!(is_name(t, at("Lavrov"), "Lavrov"));
        assert!(!is_name(t, at("Moscow"), "Moscow"));
    }

    /// The clusterer's own filter chain before it used core's analyzer.
    fn hand_chain(token: &str) -> Option<String> {
        let t = LowerCase.filter(Cow::Borrowed(token))?;
        let t = StopWords::default().filter(t)?;
        Stemmer::default().filter(t).map(Cow::into_owned)
    }

    #[test]
    fn terms_are_core_analyzer_terms() {
        let text = "Russia's U.S. envoy said the missiles were LAUNCHED; wasn't it Lavrov’s café?";
        let analyzer = Analyzer::english();
        let tokens = analyzer.tokens(text);
        assert_eq!(tokens, WordTokenizer.tokenize(text));
        for token in tokens {
            let term = analyzer.normalize(token.text).map(Cow::into_owned);
            assert_eq!(term, hand_chain(token.text), "{}", token.text);
        }
    }

    #[test]
    fn weights_follow_lead_title_and_names() {
        let config = ClusterConfig {
            opening_words: 2,
            ..ClusterConfig::default()
        };
        let features = Features::new(&config);
        let mut vocabulary = Vocabulary::default();
        let raw = features.raw(
            &mut vocabulary,
            Some("Floods"),
            "Floods hit Jakarta. Rain hit the city of Jakarta again.",
        );
        let weight = |term: &str| {
            raw.iter()
                .find(|&&(t, _)| vocabulary.term(t) == term)
                .map(|&(_, w)| w)
        };
        // "flood": in the title (+2) and once in the opening (counts 2): 1 + ln 2 + 2.
        assert_eq!(weight("flood"), Some(1.0 + 2f64.ln() + 2.0));
        // "hit": once in the opening, once after: 1 + ln 3.
        assert_eq!(weight("hit"), Some(1.0 + 3f64.ln()));
        // "jakarta": twice after the opening, capitalized mid-sentence (a name).
        assert_eq!(weight("jakarta"), Some((1.0 + 2f64.ln()) * 1.5));
        assert_eq!(weight("the"), None);
        assert!(raw.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(vocabulary.term(0), "flood", "title terms get ids first");
    }

    #[test]
    fn idf_falls_with_document_frequency() {
        let mut vocabulary = Vocabulary::default();
        let features = Features::new(&ClusterConfig::default());
        let a = features.raw(&mut vocabulary, None, "volcano erupts");
        vocabulary.count(&a);
        let b = features.raw(&mut vocabulary, None, "volcano sleeps");
        vocabulary.count(&b);
        let id = |term: &str| (0..3).find(|&i| vocabulary.term(i) == term).unwrap();
        assert_eq!(vocabulary.documents(), 2);
        assert_eq!(vocabulary.idf(id("volcano")), 1.0);
        assert_eq!(vocabulary.idf(id("erupt")), 1.5f64.ln() + 1.0);
    }
}
