//! Token filters and the [`Analyzer`] that chains them.
//!
//! Stemming uses `rust-stemmers` (Snowball English, i.e. Porter2): the
//! well-kept stemmer crate, and the stemmer's exact variant only matters for
//! metrics, which carry their own (see `brief-rouge`). Stopwords are NLTK's
//! English list from `stop-words`: 179 function words, unlike the ISO list
//! (1,298 words) that also drops content words such as "president".

use super::tokenize::{Token, Tokenizer, WordTokenizer};
use rustc_hash::FxHashSet;
use std::borrow::Cow;

/// Turns one token into a normalized term, or drops it (`None`).
pub trait TokenFilter: Send + Sync {
    /// The filtered term.
    fn filter<'a>(&self, term: Cow<'a, str>) -> Option<Cow<'a, str>>;
}

/// Lowercases a term.
#[derive(Debug, Clone, Copy, Default)]
pub struct LowerCase;

impl TokenFilter for LowerCase {
    fn filter<'a>(&self, term: Cow<'a, str>) -> Option<Cow<'a, str>> {
        if term.chars().any(char::is_uppercase) {
            Some(Cow::Owned(term.to_lowercase()))
        } else {
            Some(term)
        }
    }
}

/// Drops English function words (expects lowercased input).
#[derive(Debug, Clone)]
pub struct StopWords {
    words: &'static FxHashSet<&'static str>,
}

/// The English list, built once per process (every analyzer and alias
/// table uses it).
static ENGLISH_STOPWORDS: std::sync::LazyLock<FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        let mut words: FxHashSet<&'static str> = stop_words::lookup("en")
            .unwrap_or(&[])
            .iter()
            .copied()
            .collect();
        // Tokenizer residue of contractions ("wasn't" → "wasn", "t").
        words.extend(["s", "t", "d", "ll", "m", "re", "ve", "said", "says", "say"]);
        words
    });

impl Default for StopWords {
    fn default() -> Self {
        StopWords {
            words: &ENGLISH_STOPWORDS,
        }
    }
}

impl StopWords {
    /// Whether `word` (lowercased) is a stopword.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

impl TokenFilter for StopWords {
    fn filter<'a>(&self, term: Cow<'a, str>) -> Option<Cow<'a, str>> {
        (!self.words.contains(term.as_ref())).then_some(term)
    }
}

/// Snowball English (Porter2) stemming.
pub struct Stemmer(rust_stemmers::Stemmer);

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::English,
        ))
    }
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmer(English)")
    }
}

thread_local! {
    /// Stems already computed on this thread. News vocabulary is Zipfian, so a
    /// small cache answers most lookups; it is cleared when it grows too big.
    /// `None` records that the stem equals the term, so such hits hand back the
    /// caller's term without allocating.
    static STEM_CACHE: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Option<Box<str>>>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

const STEM_CACHE_LIMIT: usize = 200_000;

impl TokenFilter for Stemmer {
    fn filter<'a>(&self, term: Cow<'a, str>) -> Option<Cow<'a, str>> {
        let cached = STEM_CACHE.with(|c| {
            c.borrow()
                .get(term.as_ref())
                .map(|stem| stem.as_deref().map(str::to_owned))
        });
        match cached {
            Some(None) => return Some(term),
            Some(Some(stem)) => return Some(Cow::Owned(stem)),
            None => {}
        }
        let stem = self.0.stem(&term);
        let changed = (stem.as_ref() != term.as_ref()).then(|| Box::<str>::from(stem.as_ref()));
        STEM_CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= STEM_CACHE_LIMIT {
                c.clear();
            }
            c.insert(Box::from(term.as_ref()), changed.clone());
        });
        match changed {
            Some(stem) => Some(Cow::Owned(stem.into_string())),
            None => Some(term),
        }
    }
}

/// A tokenizer followed by a chain of filters: text → normalized terms.
///
/// ```
/// use brief_core::text::Analyzer;
/// let terms = Analyzer::english().terms("The missiles were launched at Russia's base.");
/// assert_eq!(terms, ["missil", "launch", "russia", "base"]);
/// ```
pub struct Analyzer {
    tokenizer: Box<dyn Tokenizer>,
    filters: Vec<Box<dyn TokenFilter>>,
    /// Whether this is exactly [`Analyzer::english`], whose results other
    /// stages may reuse instead of analyzing the same words again.
    english: bool,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("filters", &self.filters.len())
            .finish()
    }
}

impl Analyzer {
    /// An analyzer with the given tokenizer and no filters.
    pub fn new(tokenizer: impl Tokenizer + 'static) -> Self {
        Analyzer {
            tokenizer: Box::new(tokenizer),
            filters: Vec::new(),
            english: false,
        }
    }

    /// Appends a filter to the chain.
    pub fn filter(mut self, f: impl TokenFilter + 'static) -> Self {
        self.filters.push(Box::new(f));
        self.english = false;
        self
    }

    /// Words, lowercased, stopwords removed, stemmed: the summarizers' terms.
    pub fn english() -> Self {
        let mut analyzer = Analyzer::new(WordTokenizer)
            .filter(LowerCase)
            .filter(StopWords::default())
            .filter(Stemmer::default());
        analyzer.english = true;
        analyzer
    }

    /// Whether this analyzer is [`Analyzer::english`].
    pub(crate) fn is_english(&self) -> bool {
        self.english
    }

    /// Words, lowercased, stemmed, stopwords kept (for n-gram concepts).
    pub fn english_with_stopwords() -> Self {
        Analyzer::new(WordTokenizer)
            .filter(LowerCase)
            .filter(Stemmer::default())
    }

    /// The normalized terms of `text`.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.for_each_term(text, |t| out.push(t.to_owned()));
        out
    }

    /// Calls `f` with each normalized term of `text`, without collecting.
    pub fn for_each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        for token in self.tokenizer.tokenize(text) {
            if let Some(term) = self.normalize(token.text) {
                f(&term);
            }
        }
    }

    /// The word tokens of `text` (the first stage of [`Analyzer::terms`]).
    pub fn tokens<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        self.tokenizer.tokenize(text)
    }

    /// The term one token becomes after the filter chain, or `None` when a
    /// filter drops it. Filters are pure functions of the token, so callers
    /// may cache this by token text.
    pub fn normalize<'a>(&self, token: &'a str) -> Option<Cow<'a, str>> {
        let mut term = Cow::Borrowed(token);
        for filter in &self.filters {
            term = filter.filter(term)?;
        }
        Some(term)
    }
}
