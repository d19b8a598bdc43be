//! The `rouge-score` 0.1.2 profile, delegated to the `rougers` crate.
//!
//! `rougers` 0.2.1 reproduces Google's tokenizer (lowercase, `[^a-z0-9]+` → space), NLTK's
//! `PorterStemmer` in `NLTK_EXTENSIONS` mode for tokens longer than three characters, the
//! whole-text LCS of `rougeL` and the union-LCS of `rougeLsum`; it matches every line of
//! `tests/data/rouge_score.jsonl` to 1e-9 (checked by `tests/vectors.rs`), so brief uses it
//! rather than a second copy of the same algorithms. This module only adds what
//! `rouge-score` lacks: `-f A`-style averaging, a general alpha and length limits, and one
//! speed-up: `rougers` stems every token occurrence, which is 90% of its time on news
//! summaries, so tokens are split here with the same rules and each distinct word is
//! stemmed once per thread through `rougers::Tokenizer`, then scored with
//! `RougeScorer::score_documents` (same results, checked by the same vectors).
//!
//! `rougeLsum` is the one metric computed here instead: `rougers` fills a full DP table
//! per pair of sentences (about 150 µs of CPU for a 230-word candidate against a 220-word
//! reference, 90% of a four-metric score), while rouge-score's backtracking (diagonal on a
//! match, else left only when strictly greater) takes the same path as ROUGE-1.5.5's, so
//! the bit-parallel union-LCS of the `rouge155` module gives the same hits in a fraction
//! of the time, checked against every `rougeLsum` value of the vectors.

use std::cell::RefCell;

use rougers::{Document, RougeScorer};
use rustc_hash::FxHashMap;

use crate::rouge155::{read_text, read_text_lcs, union_lcs_hits, SentenceMasks};
use crate::{LengthLimit, MultiRef, RougeType, Score};

fn to_rougers(rouge_type: RougeType) -> Option<rougers::RougeType> {
    match rouge_type {
        RougeType::N(n) => u8::try_from(n)
            .ok()
            .filter(|n| (1..=9).contains(n))
            .map(rougers::RougeType::N),
        RougeType::L => Some(rougers::RougeType::L),
        RougeType::LSum => Some(rougers::RougeType::LSum),
        RougeType::SU(_) => None,
    }
}

/// Whether `rouge-score` defines `rouge_type` (`rouge1`..`rouge9`, `rougeL`, `rougeLsum`).
pub(crate) fn supports(rouge_type: RougeType) -> bool {
    to_rougers(rouge_type).is_some()
}

/// A `rougers` scorer for the validated `types` (all but `rougeLsum`, computed here).
pub(crate) fn scorer(types: &[RougeType], stemming: bool) -> Option<RougeScorer> {
    let types = types
        .iter()
        .filter(|&&t| t != RougeType::LSum)
        .map(|&t| to_rougers(t))
        .collect::<Option<Vec<_>>>()?;
    RougeScorer::with_tokenizer(types, rougers::Tokenizer::new(stemming)).ok()
}

/// Entries kept per thread before the stem cache is emptied, bounding its memory.
const STEM_CACHE_LIMIT: usize = 1 << 18;

thread_local! {
    /// Lowercase token → NLTK Porter stem, per thread.
    static STEMS: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(FxHashMap::default());
}

/// The stem `rouge-score` gives `token` (lowercase `[a-z0-9]+`, longer than 3 bytes).
fn cached_stem(token: &str, stemmer: &rougers::Tokenizer) -> String {
    STEMS.with(|cell| {
        let mut stems = cell.borrow_mut();
        if let Some(stem) = stems.get(token) {
            return String::from(&**stem);
        }
        // The token is one [a-z0-9]+ run, so the tokenizer returns exactly its stem.
        let stem = stemmer
            .tokenize(token)
            .pop()
            .unwrap_or_else(|| token.to_owned());
        if stems.len() >= STEM_CACHE_LIMIT {
            stems.clear();
        }
        stems.insert(token.into(), stem.as_str().into());
        stem
    })
}

/// Tokens of one line by `rouge-score`'s rules: Python's `str.lower()` (Unicode, so the
/// Kelvin sign becomes `k`), every character outside `[a-z0-9]` a separator, tokens
/// longer than 3 bytes stemmed when `stemmer` is given.
fn tokenize_line(
    line: &str,
    stemmer: Option<&rougers::Tokenizer>,
    word: &mut String,
    out: &mut Vec<String>,
) {
    let finish = |word: &mut String, out: &mut Vec<String>| {
        if word.is_empty() {
            return;
        }
        match stemmer {
            Some(stemmer) if word.len() > 3 => out.push(cached_stem(word, stemmer)),
            _ => out.push(word.clone()),
        }
        word.clear();
    };
    let push = |ch: char, word: &mut String, out: &mut Vec<String>| {
        if ch.is_ascii_lowercase() || ch.is_ascii_digit() {
            word.push(ch);
        } else {
            finish(word, out);
        }
    };
    for ch in line.chars() {
        if ch.is_ascii() {
            push(ch.to_ascii_lowercase(), word, out);
        } else {
            for lower in ch.to_lowercase() {
                push(lower, word, out);
            }
        }
    }
    push(' ', word, out);
}

/// The tokens `rouge-score` compares for `text` (lowercase alphanumeric
/// runs, stemmed when the scorer stems).
pub(crate) fn tokens(scorer: &RougeScorer, text: &str) -> Vec<String> {
    let stemmer = scorer.tokenizer();
    let stemmer = stemmer.use_stemmer().then_some(stemmer);
    document(text, stemmer, false).tokens
}

/// A `rougers` document: all tokens, and the tokens of each non-empty line for
/// `rougeLsum` (a newline always separates tokens, so the two agree).
fn document(text: &str, stemmer: Option<&rougers::Tokenizer>, with_sentences: bool) -> Document {
    let mut word = String::with_capacity(32);
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut sentences = Vec::new();
    for line in text.split('\n').filter(|line| !line.is_empty()) {
        let start = tokens.len();
        tokenize_line(line, stemmer, &mut word, &mut tokens);
        if with_sentences {
            sentences.push(tokens[start..].to_vec());
        }
    }
    Document { tokens, sentences }
}

/// Token ids of each sentence, from one vocabulary shared by both documents.
fn intern<'a>(ids: &mut FxHashMap<&'a str, u32>, sentences: &'a [Vec<String>]) -> Vec<Vec<u32>> {
    sentences
        .iter()
        .map(|sentence| {
            sentence
                .iter()
                .map(|token| {
                    let next = ids.len() as u32;
                    *ids.entry(token.as_str()).or_insert(next)
                })
                .collect()
        })
        .collect()
}

/// rouge-score's `_summary_level_lcs` over the sentences of two documents.
fn rouge_lsum(reference: &Document, candidate: &Document) -> rougers::Score {
    let zero = rougers::Score::default();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let reference_sentences = intern(&mut ids, &reference.sentences);
    let candidate_sentences = intern(&mut ids, &candidate.sentences);
    let reference_len: usize = reference_sentences.iter().map(Vec::len).sum();
    let candidate_len: usize = candidate_sentences.iter().map(Vec::len).sum();
    if reference_len == 0 || candidate_len == 0 {
        return zero;
    }
    let mut reference_unigrams = vec![0u32; ids.len()];
    let mut candidate_unigrams = vec![0u32; ids.len()];
    for &t in reference_sentences.iter().flatten() {
        reference_unigrams[t as usize] += 1;
    }
    for &t in candidate_sentences.iter().flatten() {
        candidate_unigrams[t as usize] += 1;
    }
    let candidate_slices: Vec<&[u32]> = candidate_sentences.iter().map(Vec::as_slice).collect();
    let masks: Vec<SentenceMasks> = candidate_slices
        .iter()
        .map(|s| SentenceMasks::new(s))
        .collect();
    let hits = union_lcs_hits(
        reference_sentences.iter().map(Vec::as_slice),
        &candidate_slices,
        &masks,
        &mut reference_unigrams,
        &mut candidate_unigrams,
        &mut Vec::new(),
        &mut Vec::new(),
    );
    let precision = hits as f64 / candidate_len as f64;
    let recall = hits as f64 / reference_len as f64;
    rougers::Score {
        precision,
        recall,
        fmeasure: rougers::fmeasure(precision, recall),
    }
}

/// `text` cut as ROUGE-1.5.5 cuts a summary (see [`crate::rouge155`]), lines kept.
fn truncate(text: &str, limit: LengthLimit) -> String {
    let lines: Vec<&[u8]> = text
        .split('\n')
        .filter(|line| !line.is_empty())
        .map(str::as_bytes)
        .collect();
    let pieces = match limit {
        LengthLimit::Words(_) => read_text_lcs(&lines, Some(limit)),
        LengthLimit::Bytes(_) => read_text(&lines, Some(limit)),
    };
    let joined = pieces.join(&b'\n');
    // A byte cut may split a UTF-8 character; its remains are not [a-z0-9] either way.
    String::from_utf8_lossy(&joined).into_owned()
}

/// F-measure with weight `alpha` on precision; exactly `rouge-score`'s F1 at 0.5.
pub(crate) fn fmeasure(precision: f64, recall: f64, alpha: f64) -> f64 {
    if alpha == 0.5 {
        return rougers::fmeasure(precision, recall);
    }
    let denominator = (1.0 - alpha) * precision + alpha * recall;
    if denominator > 0.0 {
        precision * recall / denominator
    } else {
        0.0
    }
}

fn convert(score: rougers::Score, alpha: f64) -> Score {
    Score {
        precision: score.precision,
        recall: score.recall,
        fmeasure: fmeasure(score.precision, score.recall, alpha),
    }
}

/// Scores as `RougeScorer.score_multi` (best F per type) or averaged P and R.
pub(crate) fn score(
    scorer: &RougeScorer,
    candidate: &str,
    references: &[&str],
    types: &[RougeType],
    multi_ref: MultiRef,
    limit: Option<LengthLimit>,
    alpha: f64,
) -> Vec<(RougeType, Score)> {
    let zero = || types.iter().map(|&t| (t, Score::default())).collect();
    if references.is_empty() {
        return zero();
    }
    let (candidate, references): (String, Vec<String>) = match limit {
        Some(limit) => (
            truncate(candidate, limit),
            references.iter().map(|r| truncate(r, limit)).collect(),
        ),
        None => (
            candidate.to_owned(),
            references.iter().map(|&r| r.to_owned()).collect(),
        ),
    };
    let stemmer = scorer.tokenizer();
    let stemmer = stemmer.use_stemmer().then_some(stemmer);
    let with_sentences = types.contains(&RougeType::LSum);
    let candidate = document(&candidate, stemmer, with_sentences);
    let per_reference: Vec<(rougers::Scores, rougers::Score)> = references
        .iter()
        .map(|reference| {
            let reference = document(reference, stemmer, with_sentences);
            let lsum = if with_sentences {
                rouge_lsum(&reference, &candidate)
            } else {
                rougers::Score::default()
            };
            (scorer.score_documents(&reference, &candidate), lsum)
        })
        .collect();
    types
        .iter()
        .map(|&rouge_type| {
            let Some(key) = to_rougers(rouge_type) else {
                return (rouge_type, Score::default());
            };
            let scores = per_reference
                .iter()
                .map(|(scores, lsum)| {
                    if rouge_type == RougeType::LSum {
                        *lsum
                    } else {
                        scores.get(key).unwrap_or_default()
                    }
                })
                .map(|s| convert(s, alpha));
            let score = match multi_ref {
                // numpy.argmax: the first reference with the highest F.
                MultiRef::Best => scores.fold(None, |best: Option<Score>, s| match best {
                    Some(b) if b.fmeasure >= s.fmeasure => Some(b),
                    _ => Some(s),
                }),
                MultiRef::Average => {
                    let count = per_reference.len() as f64;
                    let (p, r) =
                        scores.fold((0.0, 0.0), |(p, r), s| (p + s.precision, r + s.recall));
                    let (precision, recall) = (p / count, r / count);
                    Some(Score {
                        precision,
                        recall,
                        fmeasure: fmeasure(precision, recall, alpha),
                    })
                }
            };
            (rouge_type, score.unwrap_or_default())
        })
        .collect()
}
