//! Weighted concepts for coverage-based summarizers.
//!
//! A concept is a pair of adjacent content terms of a sentence (stemmed,
//! stopwords dropped), the stand-in for a "fact" in the concept model of
//! Gillick & Favre (2009, "A scalable global model for summarization"):
//! a summary is as good as the total weight of the concepts it covers, each
//! counted once. Pairs of adjacent *content* terms are used rather than raw
//! word bigrams, so "president of the United States" yields "presid unit",
//! "unit state" and no stopword-only pairs, and the prepared term ids are
//! reused at no extra tokenization cost.
//!
//! A concept's weight is its support across independent sources, each source
//! counting with the position weight of the concept's first occurrence in it
//! ([`crate::priors`]): with the position prior off and documents
//! as sources this is exactly Gillick & Favre's document frequency. Concepts
//! below a minimum support are dropped; single-document clusters count
//! sentences instead of documents, so repetition still carries signal.

use crate::learn::model::ClusterScores;
use crate::prepare::{PreparedCluster, TermId};
use crate::priors::{support_unit, PositionPrior, SupportUnit};
use rustc_hash::FxHashMap;

/// A concept: two adjacent content terms, or one term and [`UNIGRAM`].
/// A concept's key: two term ids, or a term id and [`UNIGRAM`].
pub type ConceptKey = (TermId, TermId);

/// An empty concept → index table sized for `p`: about as many concepts
/// as term occurrences (each occurrence adds at most a term and a pair,
/// most of them repeats).
pub(crate) fn concept_table(p: &PreparedCluster<'_>) -> FxHashMap<ConceptKey, u32> {
    let occurrences: usize = p.sentences.iter().map(|s| s.terms.len()).sum();
    FxHashMap::with_capacity_and_hasher(occurrences, Default::default())
}

/// Support count, summed weight, and the last source that counted it.
type ConceptStats = (usize, f64, usize);

/// Learned concept weights below this are left out.
pub const MIN_LEARNED_WEIGHT: f64 = 0.01;

pub use crate::learn::concepts::UNIGRAM;

/// How concepts are extracted and weighted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConceptConfig {
    /// Minimum number of sources (documents, or sentences in a
    /// single-document cluster) a concept must occur in; 0 means automatic:
    /// 2, plus 1 for every 8 documents beyond 2 (larger clusters repeat
    /// more, so a fact needs more sources to stand out).
    pub min_support: usize,
    /// Position prior applied to each source's occurrence.
    pub position: PositionPrior,
    /// Single content terms are concepts too, their weight scaled by this
    /// factor (0 = pairs only, as in Gillick & Favre). Unigrams carry the
    /// topic words that pairs miss when sources word a fact differently;
    /// 0.5 was best on Multi-News dev (cross-validated).
    pub unigram_weight: f64,
    /// Pairs are adjacent *words* with stopwords kept (Gillick & Favre's
    /// exact bigrams, pairs of two stopwords dropped) instead of adjacent
    /// content terms.
    pub word_bigrams: bool,
}

impl Default for ConceptConfig {
    fn default() -> Self {
        ConceptConfig {
            min_support: 0,
            position: PositionPrior::default(),
            unigram_weight: 0.5,
            word_bigrams: false,
        }
    }
}

impl ConceptConfig {
    /// The minimum support used for `p`.
    pub fn min_support_for(&self, p: &PreparedCluster<'_>) -> usize {
        if self.min_support > 0 {
            return self.min_support;
        }
        match support_unit(p) {
            SupportUnit::Sentence => 2,
            SupportUnit::Document => 2 + p.num_docs().saturating_sub(2) / 8,
        }
    }
}

/// The weighted concepts of a cluster and the concepts of each sentence.
#[derive(Debug, Clone, Default)]
pub struct Concepts {
    /// Weight of each concept (all positive).
    pub weights: Vec<f64>,
    /// For each sentence of the prepared cluster, its distinct concepts.
    pub of_sentence: Vec<Vec<u32>>,
    /// Each concept's terms (a pair, or a term and [`UNIGRAM`]), parallel
    /// to `weights`, for explanations and for stages that reweigh concepts
    /// by what they say (a query, what a reader has seen); empty when the
    /// concepts are not terms of the cluster's vocabulary, as word bigrams
    /// are not (those stages then leave the weights alone).
    pub keys: Vec<ConceptKey>,
}

impl Concepts {
    /// Extracts and weighs the concepts of `p`.
    ///
    /// If no concept reaches the minimum support (sources that share no
    /// wording), every concept is kept, so the position prior still ranks
    /// sentences.
    pub fn extract(p: &PreparedCluster<'_>, config: &ConceptConfig) -> Self {
        let unit = support_unit(p);
        let min_support = config.min_support_for(p);
        // concept → its index in `stats` (in order of first sighting), and
        // per concept (support count, weight, last source that counted it):
        // each sentence keeps the indices of its concepts, so the final ids
        // come from a table, not a second hash lookup per occurrence.
        let mut seen = concept_table(p);
        // A cluster has about as many distinct concepts as term
        // occurrences: one allocation each instead of a doubling series
        // (the copies showed in profiles).
        let occurrences: usize = p.sentences.iter().map(|s| s.terms.len()).sum();
        let mut found: Vec<ConceptKey> = Vec::with_capacity(occurrences);
        let mut stats: Vec<ConceptStats> = Vec::with_capacity(occurrences);
        let mut raw: Vec<Vec<u32>> = Vec::with_capacity(p.sentences.len());
        let mut words = WordBigrams::default();
        for (i, s) in p.sentences.iter().enumerate() {
            let source = match unit {
                SupportUnit::Document => s.doc,
                SupportUnit::Sentence => i,
            };
            let weight = config.position.weight(s.position);
            // Each (term, term) key packed into one word, which sorts in
            // the same order as the pair and compares as a plain integer.
            let pack = |(a, b): (TermId, TermId)| (u64::from(a) << 32) | u64::from(b);
            // Sized for the pairs and the single terms: one allocation.
            let mut packed: Vec<u64> = Vec::with_capacity(2 * s.terms.len() + 1);
            if config.word_bigrams {
                packed.extend(words.of(p.text(i)).into_iter().map(pack));
            } else {
                packed.extend(s.terms.windows(2).map(|w| pack((w[0], w[1]))));
            }
            if config.unigram_weight > 0.0 {
                packed.extend(s.terms.iter().map(|&t| pack((t, UNIGRAM))));
            }
            packed.sort_unstable();
            packed.dedup();
            let mut here = Vec::with_capacity(packed.len());
            for pair in packed
                .into_iter()
                .map(|k| ((k >> 32) as TermId, (k & u64::from(u32::MAX)) as TermId))
            {
                let k = *seen.entry(pair).or_insert_with(|| {
                    found.push(pair);
                    stats.push((0, 0.0, usize::MAX));
                    (found.len() - 1) as u32
                });
                let entry = &mut stats[k as usize];
                if entry.2 != source {
                    // Sentences come in document order, so the first time a
                    // source is seen is the concept's first occurrence in it.
                    entry.2 = source;
                    entry.0 += 1;
                    entry.1 += weight;
                }
                here.push(k);
            }
            raw.push(here);
        }
        let threshold = if stats.iter().any(|&(n, _, _)| n >= min_support) {
            min_support
        } else {
            1
        };
        let mut kept: Vec<u32> = (0..found.len() as u32)
            .filter(|&k| stats[k as usize].0 >= threshold)
            .collect();
        // Deterministic ids whatever the order of sighting: by key.
        kept.sort_unstable_by_key(|&k| found[k as usize]);
        let mut id_of = vec![u32::MAX; found.len()];
        let mut weights = Vec::with_capacity(kept.len());
        let mut keys = Vec::with_capacity(kept.len());
        for k in kept {
            let key = found[k as usize];
            id_of[k as usize] = weights.len() as u32;
            if !config.word_bigrams {
                keys.push(key);
            }
            let scale = if key.1 == UNIGRAM {
                config.unigram_weight
            } else {
                1.0
            };
            weights.push(stats[k as usize].1 * scale);
        }
        // A sentence's concepts in key order, as its sorted pairs were.
        let of_sentence = raw
            .into_iter()
            .map(|here| {
                here.iter()
                    .map(|&k| id_of[k as usize])
                    .filter(|&id| id != u32::MAX)
                    .collect()
            })
            .collect();
        Concepts {
            weights,
            of_sentence,
            keys,
        }
    }

    /// The concepts of a cluster weighted by a learned model: each
    /// concept's weight is the probability that a reference keeps it
    /// ([`crate::learn::concepts`]), single terms scaled by
    /// `unigram_weight`. Concepts below [`MIN_LEARNED_WEIGHT`] are dropped:
    /// they change no choice and cost time in every gain.
    pub fn learned(scores: &ClusterScores, unigram_weight: f64) -> Self {
        let rows = &scores.concepts;
        let mut ids: Vec<Option<u32>> = Vec::with_capacity(rows.keys.len());
        let mut weights = Vec::new();
        let mut keys = Vec::new();
        for (key, &probability) in rows.keys.iter().zip(&scores.concept_probabilities) {
            let scale = if key.1 == UNIGRAM {
                unigram_weight
            } else {
                1.0
            };
            let weight = f64::from(probability) * scale;
            if weight >= MIN_LEARNED_WEIGHT {
                ids.push(Some(weights.len() as u32));
                weights.push(weight);
                keys.push(*key);
            } else {
                ids.push(None);
            }
        }
        let of_sentence = rows
            .of_sentence
            .iter()
            .map(|cs| cs.iter().filter_map(|&c| ids[c as usize]).collect())
            .collect();
        Concepts {
            weights,
            of_sentence,
            keys,
        }
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether there are no concepts.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Total weight of the concepts of sentence `i`.
    pub fn sentence_weight(&self, i: usize) -> f64 {
        self.of_sentence[i]
            .iter()
            .map(|&c| self.weights[c as usize])
            .sum()
    }
}

/// Stemmed word bigrams with stopwords kept, in their own id space (high
/// bit set) so they never collide with the prepared term ids of unigrams.
struct WordBigrams {
    analyzer: crate::text::Analyzer,
    stopwords: crate::text::StopWords,
    ids: FxHashMap<String, TermId>,
}

impl Default for WordBigrams {
    fn default() -> Self {
        WordBigrams {
            analyzer: crate::text::Analyzer::english_with_stopwords(),
            stopwords: crate::text::StopWords::default(),
            ids: FxHashMap::default(),
        }
    }
}

impl WordBigrams {
    const HIGH_BIT: TermId = 1 << 31;

    fn of(&mut self, text: &str) -> Vec<(TermId, TermId)> {
        let mut words: Vec<(TermId, bool)> = Vec::new();
        let (ids, stopwords) = (&mut self.ids, &self.stopwords);
        self.analyzer.for_each_term(text, |t| {
            let next = ids.len() as TermId | Self::HIGH_BIT;
            let id = *ids.entry(t.to_owned()).or_insert(next);
            words.push((id, stopwords.contains(t)));
        });
        words
            .windows(2)
            .filter(|w| !(w[0].1 && w[1].1))
            .map(|w| (w[0].0, w[1].0))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cluster;
    use crate::prepare::Pipeline;

    fn prepared(texts: &[&str]) -> Cluster {
        Cluster::from_texts(texts)
    }

    #[test]
    fn shared_pairs_are_concepts_weighted_by_document_count() {
        let cluster = prepared(&[
            "Russia vetoed the Syria resolution. Markets were calm.",
            "Russia vetoed the Syria resolution on Wednesday.",
            "Diplomats said Russia vetoed it.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let config = ConceptConfig {
            min_support: 2,
            position: PositionPrior::NONE,
            unigram_weight: 0.0,
            word_bigrams: false,
        };
        let c = Concepts::extract(&p, &config);
        // "russia veto" (3 docs), "veto syria" and "syria resolut" (2 docs).
        let mut weights = c.weights.clone();
        weights.sort_by(f64::total_cmp);
        assert_eq!(weights, [2.0, 2.0, 3.0]);
        assert!(
            c.of_sentence[1].is_empty(),
            "'Markets were calm' shares nothing"
        );
    }

    #[test]
    fn unigrams_are_weighted_concepts_when_enabled() {
        let cluster = prepared(&["Russia vetoed it. Russia spoke.", "Russia vetoed it again."]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let config = ConceptConfig {
            min_support: 2,
            position: PositionPrior::NONE,
            unigram_weight: 0.5,
            word_bigrams: false,
        };
        let c = Concepts::extract(&p, &config);
        // "russia" and "veto" (0.5 × 2 documents each), "russia veto" (2).
        let mut weights = c.weights.clone();
        weights.sort_by(f64::total_cmp);
        assert_eq!(weights, [1.0, 1.0, 2.0]);
    }

    #[test]
    fn word_bigrams_keep_stopwords_inside_pairs() {
        let cluster = prepared(&[
            "The president of the club resigned.",
            "The president of the club left.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let config = ConceptConfig {
            min_support: 2,
            position: PositionPrior::NONE,
            unigram_weight: 0.0,
            word_bigrams: true,
        };
        let c = Concepts::extract(&p, &config);
        // "the presid", "presid of", "the club" are shared; "of the" is
        // two stopwords and dropped.
        assert_eq!(c.len(), 3);
        assert_eq!(c.of_sentence[0].len(), 3);
    }

    #[test]
    fn single_document_counts_sentences() {
        let cluster = prepared(&[
            "Russia vetoed the resolution. The Russia veto angered Washington. Nobody else spoke.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let pairs_only = ConceptConfig {
            unigram_weight: 0.0,
            ..ConceptConfig::default()
        };
        let c = Concepts::extract(&p, &pairs_only);
        assert_eq!(c.len(), 1);
        assert!(c.weights[0] > 1.0);
    }
}
