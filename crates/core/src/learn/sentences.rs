//! Features of sentences, for learning which sentences a summary should
//! quote and which one should open it.
//!
//! Each body sentence gets a row of [`SENTENCE_FEATURES`]: where it stands
//! in its article, how long it is, how much of what the references are
//! likely to keep it carries (the learned concept probabilities of
//! [`super::concepts`], summed and per word), how central it is to the
//! cluster and how many other sources say the same, and how it reads on its
//! own (quotes, pronoun or connective openers, site chrome, a missing final
//! stop, which in a cut article marks a fragment).

use super::concepts::{ConceptRows, TermPrior, UNIGRAM};
use crate::prepare::PreparedCluster;
use crate::priors::carries_quote;
use crate::similarity::{centroid, dot, tfidf, Idf, SparseVec};
use crate::text::cues::{ends_like_a_sentence_unspaced, is_chrome, is_dangling};

/// Names of the sentence features, in row order.
pub const SENTENCE_FEATURES: &[&str] = &[
    "position",
    "relative_position",
    "doc_sentences",
    "is_last",
    "documents",
    "words",
    "terms",
    "ends_like_a_sentence",
    "unigram_sum",
    "pair_sum",
    "concept_per_word",
    "pair_max",
    "heuristic_sum",
    "centroid_cosine",
    "best_other_source",
    "other_sources_agreeing",
    "lead_cosine",
    "headline_share",
    "quote",
    "opens_with_quote",
    "dangling",
    "chrome",
    "digits",
    "capitalized_share",
    "mean_prior",
    "attribution",
    "lead_agreement",
    "names_time",
];

/// Number of sentence features.
pub const SENTENCE_WIDTH: usize = SENTENCE_FEATURES.len();

/// Words that date an event in news prose ("on Tuesday", "yesterday").
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
];

/// Cosine above which another source's sentence counts as saying the same.
const AGREEING_COSINE: f64 = 0.3;

/// Sentences compared pairwise for cross-source support: beyond them the
/// support features are 0, so a huge input costs linear time, not
/// quadratic.
const MAX_COMPARED: usize = 2_000;

/// The sentence rows of a prepared cluster, row-major.
#[derive(Debug, Clone, Default)]
pub struct SentenceRows {
    /// `SENTENCE_WIDTH` features per sentence.
    pub rows: Vec<f32>,
}

impl SentenceRows {
    /// The feature row of sentence `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        &self.rows[i * SENTENCE_WIDTH..(i + 1) * SENTENCE_WIDTH]
    }

    /// Features of every sentence of `p`, given its concepts and their
    /// learned probabilities (`probabilities[c]` for `concepts.keys[c]`).
    pub fn extract(
        p: &PreparedCluster<'_>,
        concepts: &ConceptRows,
        probabilities: &[f32],
        prior: &TermPrior,
    ) -> Self {
        Self::extract_for(p, concepts, probabilities, prior, None)
    }

    /// [`extract`](Self::extract) for the sentences `which` alone, in
    /// that order (every sentence with `None`): each row is the one
    /// `extract` gives, since the cluster-wide parts (weights, centre,
    /// other sources) are still computed on all of `p`. An index past the
    /// last sentence gets a row of zeros.
    pub fn extract_for(
        p: &PreparedCluster<'_>,
        concepts: &ConceptRows,
        probabilities: &[f32],
        prior: &TermPrior,
        which: Option<&[usize]>,
    ) -> Self {
        let n = p.sentences.len();
        let idf = Idf::over_sentences(p);
        let vectors: Vec<SparseVec> = p.sentences.iter().map(|s| tfidf(&s.terms, &idf)).collect();
        let center = centroid(&vectors);
        let heuristic_column = super::concepts::CONCEPT_FEATURES
            .iter()
            .position(|f| *f == "heuristic_weight")
            .unwrap_or(0);
        let looked_up = concepts.term_priors.len() == p.vocab.len();
        let term_logit = |t: u32| {
            if looked_up {
                concepts.term_priors[t as usize].0
            } else {
                prior.get(p.vocab.term(t)).0
            }
        };
        let all: Vec<usize>;
        let which = match which {
            Some(which) => which,
            None => {
                all = (0..n).collect();
                &all
            }
        };
        let mut rows = Vec::with_capacity(which.len() * SENTENCE_WIDTH);
        for &i in which {
            let Some(s) = p.sentences.get(i) else {
                rows.extend_from_slice(&[0.0; SENTENCE_WIDTH]);
                continue;
            };
            let text = p.text(i);
            let doc_range = &p.doc_sentences[s.doc];
            let doc_len = doc_range.len();
            let (mut unigram, mut pair, mut pair_max, mut heuristic) =
                (0.0f32, 0.0f32, 0.0f32, 0.0f32);
            for &c in &concepts.of_sentence[i] {
                let prob = probabilities[c as usize];
                heuristic += concepts.row(c as usize)[heuristic_column];
                if concepts.keys[c as usize].1 == UNIGRAM {
                    unigram += prob;
                } else {
                    pair += prob;
                    pair_max = pair_max.max(prob);
                }
            }
            // Support from other sources: the best match in each other
            // document, and how many documents have a close one.
            let mut best_other = 0.0f64;
            let mut agreeing = 0u32;
            for (d, range) in p.doc_sentences.iter().enumerate() {
                if d == s.doc || range.is_empty() || i >= MAX_COMPARED {
                    continue;
                }
                let best = (range.start..range.end.min(MAX_COMPARED))
                    .map(|j| dot(&vectors[i], &vectors[j]))
                    .fold(0.0f64, f64::max);
                best_other = best_other.max(best);
                agreeing += u32::from(best >= AGREEING_COSINE);
            }
            let lead_cosine = if doc_len > 0 {
                dot(&vectors[i], &vectors[doc_range.start])
            } else {
                0.0
            };
            let headline = &p.headlines[s.doc];
            let headline_share = if headline.is_empty() {
                0.0
            } else {
                headline.iter().filter(|t| s.terms.contains(t)).count() as f32
                    / headline.len() as f32
            };
            let ends = ends_like_a_sentence_unspaced(text);
            let (mut tokens, mut capitalized, mut digits) = (0u32, 0u32, 0u32);
            for (k, word) in text.split_whitespace().enumerate() {
                tokens += 1;
                let first = word
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .chars()
                    .next();
                if k > 0 && first.is_some_and(char::is_uppercase) {
                    capitalized += 1;
                }
                if word.bytes().any(|b| b.is_ascii_digit()) {
                    digits += 1;
                }
            }
            let mean_prior = if s.terms.is_empty() {
                prior.default_logit
            } else {
                s.terms.iter().map(|&t| term_logit(t)).sum::<f32>() / s.terms.len() as f32
            };
            let lower = text.to_lowercase();
            let attribution = [" said", " says", " told ", "according to"]
                .iter()
                .any(|m| lower.contains(m));
            // How close it is to the other articles' opening sentences,
            // where reporters state the news.
            let lead_agreement = p
                .doc_sentences
                .iter()
                .enumerate()
                .filter(|(d, r)| *d != s.doc && !r.is_empty())
                .map(|(_, r)| dot(&vectors[i], &vectors[r.start]))
                .fold(0.0f64, f64::max);
            let names_time = lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|t| TIME_WORDS.contains(&t));
            let words = s.words.max(1) as f32;
            let opens_with_quote = text
                .trim_start()
                .starts_with(['"', '\u{201c}', '\u{2018}', '\'']);
            rows.extend_from_slice(&[
                s.position as f32,
                s.position as f32 / doc_len.max(1) as f32,
                doc_len as f32,
                f32::from(u8::from(s.position + 1 == doc_len)),
                p.num_docs() as f32,
                s.words as f32,
                s.terms.len() as f32,
                f32::from(u8::from(ends)),
                unigram,
                pair,
                (unigram + pair) / words,
                pair_max,
                heuristic,
                dot(&vectors[i], &center) as f32,
                best_other as f32,
                agreeing as f32,
                lead_cosine as f32,
                headline_share,
                f32::from(u8::from(carries_quote(text))),
                f32::from(u8::from(opens_with_quote)),
                f32::from(u8::from(is_dangling(text))),
                f32::from(u8::from(is_chrome(text))),
                digits as f32,
                capitalized as f32 / tokens.max(1) as f32,
                mean_prior,
                f32::from(u8::from(attribution)),
                lead_agreement as f32,
                f32::from(u8::from(names_time)),
            ]);
        }
        SentenceRows { rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cluster;
    use crate::prepare::Pipeline;

    #[test]
    fn rows_describe_position_support_and_style() {
        let cluster = Cluster::from_texts(&[
            "Russia vetoed the UN resolution on Syria. He said it was unfair. Follow us on Twitter",
            "Russia vetoed a UN resolution on Syria on Wednesday. \"It is a farce,\" the envoy said.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepares");
        let prior = TermPrior::default();
        let concepts = ConceptRows::extract(&p, &prior);
        let probabilities = vec![0.5; concepts.keys.len()];
        let rows = SentenceRows::extract(&p, &concepts, &probabilities, &prior);
        assert_eq!(rows.rows.len(), p.sentences.len() * SENTENCE_WIDTH);
        let f = |i: usize, name: &str| {
            rows.row(i)[SENTENCE_FEATURES
                .iter()
                .position(|n| *n == name)
                .expect("feature")]
        };
        let text = |i: usize| p.text(i);
        let first = (0..p.sentences.len())
            .find(|&i| text(i).starts_with("Russia vetoed the"))
            .expect("s");
        assert_eq!(f(first, "position"), 0.0);
        assert!(f(first, "best_other_source") > 0.5);
        assert_eq!(f(first, "other_sources_agreeing"), 1.0);
        assert_eq!(f(first, "ends_like_a_sentence"), 1.0);
        if let Some(he) = (0..p.sentences.len()).find(|&i| text(i).starts_with("He said")) {
            assert_eq!(f(he, "dangling"), 1.0);
            assert_eq!(f(he, "attribution"), 1.0);
        }
        if let Some(q) = (0..p.sentences.len()).find(|&i| text(i).starts_with('"')) {
            assert_eq!(f(q, "opens_with_quote"), 1.0);
            assert_eq!(f(q, "quote"), 1.0);
        }
    }
}
