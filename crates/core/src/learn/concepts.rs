//! Features of concepts, for learning which of a cluster's concepts a
//! human summary keeps (the supervised concept weighting of Hong & Nenkova
//! 2014, "Improving the estimation of word importance for news
//! multi-document summarization", RegSum).
//!
//! A concept is what [`crate::summarize::concepts`] covers: one content
//! term, or two adjacent content terms of a sentence. Each gets a row of
//! [`CONCEPT_FEATURES`]: how many sources repeat it and how early, how
//! often it is quoted, whether it looks like a name or a number, how long
//! the cluster is, and what the term is worth in general — the share of
//! training clusters whose reference kept it when their articles had it
//! ([`TermPrior`]).

use crate::prepare::{PreparedCluster, TermId};
use crate::priors::{carries_quote, PositionPrior};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A concept: two adjacent content terms, or one term and [`UNIGRAM`].
pub type ConceptKey = (TermId, TermId);

/// The second half of a single-term concept.
pub const UNIGRAM: TermId = TermId::MAX;

/// Names of the concept features, in row order.
pub const CONCEPT_FEATURES: &[&str] = &[
    "is_pair",
    "sources",
    "source_share",
    "occurrences",
    "first_position",
    "mean_first_position",
    "lead_sources",
    "heuristic_weight",
    "quote_share",
    "documents",
    "sentences",
    "prior",
    "prior_low",
    "commonness",
    "name_form",
    "digit",
    "term_chars",
    "headline",
];

/// Number of concept features.
pub const CONCEPT_WIDTH: usize = CONCEPT_FEATURES.len();

/// What a stemmed term is worth in general, learned from training clusters:
/// for each term, the log-odds that a reference summary keeps it when its
/// articles have it, and the log of how many training clusters had it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TermPrior {
    /// Log-odds of an unseen term (the smoothed overall rate).
    pub default_logit: f32,
    /// term → (log-odds, log of the share of clusters with the term);
    /// written sorted, so a model file is the same on every run.
    #[serde(serialize_with = "sorted")]
    pub terms: FxHashMap<String, (f32, f32)>,
}

fn sorted<S: serde::Serializer>(
    terms: &FxHashMap<String, (f32, f32)>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let ordered: std::collections::BTreeMap<&String, &(f32, f32)> = terms.iter().collect();
    serde::Serialize::serialize(&ordered, serializer)
}

impl TermPrior {
    /// The log-odds and commonness of `term` (defaults when unseen).
    pub fn get(&self, term: &str) -> (f32, f32) {
        self.terms
            .get(term)
            .copied()
            .unwrap_or((self.default_logit, 0.0))
    }
}

/// Per-concept counts gathered in one pass over the sentences.
#[derive(Debug, Clone, Copy)]
struct Stats {
    sources: u32,
    occurrences: u32,
    first_position: u32,
    first_position_sum: u64,
    lead_sources: u32,
    heuristic: f64,
    quoted: u32,
    last_source: usize,
}

/// The concepts of a prepared cluster with one feature row each.
#[derive(Debug, Clone, Default)]
pub struct ConceptRows {
    /// Each concept's key (term ids of the prepared cluster's vocabulary).
    pub keys: Vec<ConceptKey>,
    /// `CONCEPT_WIDTH` features per concept, row-major.
    pub rows: Vec<f32>,
    /// For each sentence, the ids (indices into `keys`) of its distinct
    /// concepts.
    pub of_sentence: Vec<Vec<u32>>,
    /// The prior (log-odds, commonness) of each term of the cluster's
    /// vocabulary, looked up once for the concept and sentence rows.
    pub term_priors: Vec<(f32, f32)>,
}

impl ConceptRows {
    /// The feature row of concept `c`.
    pub fn row(&self, c: usize) -> &[f32] {
        &self.rows[c * CONCEPT_WIDTH..(c + 1) * CONCEPT_WIDTH]
    }

    /// Every concept of `p` (all of them: learning decides which matter)
    /// with its features.
    pub fn extract(p: &PreparedCluster<'_>, prior: &TermPrior) -> Self {
        Self::extract_for(p, prior, None)
    }

    /// [`extract`](Self::extract) for the concepts of the sentences
    /// `wanted` alone (indices into `p.sentences`; every concept with
    /// `None`): `keys` and `rows` hold only theirs, `of_sentence` lists of
    /// each sentence only those, and `term_priors` holds the defaults for
    /// terms the wanted sentences lack. Counts still read every sentence,
    /// so a concept's row is the row `extract` gives. Scoring a few
    /// sentences of a long cluster this way skips most of the concepts.
    pub fn extract_for(
        p: &PreparedCluster<'_>,
        prior: &TermPrior,
        wanted: Option<&[usize]>,
    ) -> Self {
        let single = p.num_docs() < 2;
        let position = PositionPrior::default();
        // Sized for every concept, or for the wanted sentences' few.
        let mut ids: FxHashMap<ConceptKey, u32> = match wanted {
            None => crate::summarize::concepts::concept_table(p),
            Some(_) => FxHashMap::default(),
        };
        let mut stats: Vec<Stats> = Vec::new();
        let mut keys: Vec<ConceptKey> = Vec::new();
        // The id of `key`, counted from nothing the first time it is seen.
        fn add(
            key: ConceptKey,
            ids: &mut FxHashMap<ConceptKey, u32>,
            keys: &mut Vec<ConceptKey>,
            stats: &mut Vec<Stats>,
        ) -> u32 {
            *ids.entry(key).or_insert_with(|| {
                keys.push(key);
                stats.push(Stats {
                    sources: 0,
                    occurrences: 0,
                    first_position: u32::MAX,
                    first_position_sum: 0,
                    lead_sources: 0,
                    heuristic: 0.0,
                    quoted: 0,
                    last_source: usize::MAX,
                });
                (keys.len() - 1) as u32
            })
        }
        // The terms of the wanted sentences: every wanted concept starts
        // with one, so a sentence without any holds none of them and a
        // concept whose first term is not one is not looked up.
        let mut wanted_terms: Option<Vec<bool>> = None;
        if let Some(wanted) = wanted {
            let terms = wanted_terms.insert(vec![false; p.vocab.len()]);
            for s in wanted.iter().filter_map(|&i| p.sentences.get(i)) {
                for &t in &s.terms {
                    terms[t as usize] = true;
                }
                for key in concepts_of(&s.terms) {
                    add(key, &mut ids, &mut keys, &mut stats);
                }
            }
        }
        let is_wanted_term =
            |t: TermId| wanted_terms.as_ref().is_none_or(|terms| terms[t as usize]);
        let mut of_sentence = Vec::with_capacity(p.sentences.len());
        for (i, s) in p.sentences.iter().enumerate() {
            if !s.terms.iter().any(|&t| is_wanted_term(t)) {
                of_sentence.push(Vec::new());
                continue;
            }
            // A single-document cluster counts sentences as sources, as the
            // heuristic concept weights do.
            let source = if single { i } else { s.doc };
            let mut quoted: Option<bool> = None;
            let mut here = Vec::new();
            for key in concepts_of(&s.terms) {
                let id = match wanted {
                    None => add(key, &mut ids, &mut keys, &mut stats),
                    Some(_) if !is_wanted_term(key.0) => continue,
                    Some(_) => match ids.get(&key) {
                        Some(&id) => id,
                        None => continue,
                    },
                };
                let quoted = *quoted.get_or_insert_with(|| carries_quote(p.text(i)));
                let st = &mut stats[id as usize];
                st.occurrences += 1;
                st.quoted += u32::from(quoted);
                let pos = s.position as u32;
                st.first_position = st.first_position.min(pos);
                if st.last_source != source {
                    // Sentences come in document order: the first sighting
                    // in a source is its earliest there.
                    st.last_source = source;
                    st.sources += 1;
                    st.first_position_sum += u64::from(pos);
                    st.lead_sources += u32::from(pos == 0);
                    st.heuristic += position.weight(s.position);
                }
                here.push(id);
            }
            of_sentence.push(here);
        }
        let names = name_forms(p, &is_wanted_term);
        let headline: std::collections::HashSet<TermId> =
            p.headlines.iter().flatten().copied().collect();
        let sources_total = if single {
            p.sentences.len()
        } else {
            p.num_docs()
        } as f32;
        // Each term's prior: of every term, or of the wanted sentences'.
        let term_priors: Vec<(f32, f32)> = match wanted {
            None => (0..p.vocab.len())
                .map(|t| prior.get(p.vocab.term(t as TermId)))
                .collect(),
            Some(wanted) => {
                let mut term_priors = vec![(prior.default_logit, 0.0); p.vocab.len()];
                let mut looked_up = vec![false; p.vocab.len()];
                for s in wanted.iter().filter_map(|&i| p.sentences.get(i)) {
                    for &t in &s.terms {
                        if !looked_up[t as usize] {
                            looked_up[t as usize] = true;
                            term_priors[t as usize] = prior.get(p.vocab.term(t));
                        }
                    }
                }
                term_priors
            }
        };
        let mut rows = Vec::with_capacity(keys.len() * CONCEPT_WIDTH);
        for (key, st) in keys.iter().zip(&stats) {
            let is_pair = key.1 != UNIGRAM;
            let first = p.vocab.term(key.0);
            let (logit_a, common_a) = term_priors[key.0 as usize];
            let (logit, low, common) = if is_pair {
                let (logit_b, common_b) = term_priors[key.1 as usize];
                (
                    0.5 * (logit_a + logit_b),
                    logit_a.min(logit_b),
                    common_a.min(common_b),
                )
            } else {
                (logit_a, logit_a, common_a)
            };
            let term_chars = if is_pair {
                (first.len() + p.vocab.term(key.1).len()) as f32 / 2.0
            } else {
                first.len() as f32
            };
            let name = if is_pair {
                f32::from(u8::from(names.contains(&key.0)) + u8::from(names.contains(&key.1))) / 2.0
            } else {
                f32::from(u8::from(names.contains(&key.0)))
            };
            let digit = first.bytes().any(|b| b.is_ascii_digit())
                || (is_pair && p.vocab.term(key.1).bytes().any(|b| b.is_ascii_digit()));
            let in_headline = headline.contains(&key.0) && (!is_pair || headline.contains(&key.1));
            rows.extend_from_slice(&[
                f32::from(u8::from(is_pair)),
                st.sources as f32,
                st.sources as f32 / sources_total,
                st.occurrences as f32,
                st.first_position as f32,
                st.first_position_sum as f32 / st.sources as f32,
                st.lead_sources as f32,
                st.heuristic as f32,
                st.quoted as f32 / st.occurrences as f32,
                p.num_docs() as f32,
                p.sentences.len() as f32,
                logit,
                low,
                common,
                name,
                f32::from(u8::from(digit)),
                term_chars,
                f32::from(u8::from(in_headline)),
            ]);
        }
        ConceptRows {
            keys,
            rows,
            of_sentence,
            term_priors,
        }
    }
}

/// The distinct concepts of a sentence with content terms `terms`: each
/// pair of adjacent terms and each term, sorted.
fn concepts_of(terms: &[TermId]) -> Vec<ConceptKey> {
    let mut concepts: Vec<ConceptKey> = terms.windows(2).map(|w| (w[0], w[1])).collect();
    concepts.extend(terms.iter().map(|&t| (t, UNIGRAM)));
    concepts.sort_unstable();
    concepts.dedup();
    concepts
}

/// Of the terms `asked` accepts, those whose every written form in the
/// cluster starts with a capital letter: names (a lowercase sighting,
/// "march" beside "March", means an ordinary word that also opens
/// sentences).
fn name_forms(
    p: &PreparedCluster<'_>,
    asked: &impl Fn(TermId) -> bool,
) -> std::collections::HashSet<TermId> {
    let mut capitalized: FxHashMap<TermId, bool> = FxHashMap::default();
    for (token, term) in p.token_terms().filter(|&(_, term)| asked(term)) {
        let upper = token.chars().next().is_some_and(char::is_uppercase);
        let entry = capitalized.entry(term).or_insert(true);
        *entry &= upper;
    }
    capitalized
        .into_iter()
        .filter_map(|(t, upper)| upper.then_some(t))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cluster;
    use crate::prepare::Pipeline;

    #[test]
    fn counts_sources_positions_and_names() {
        let cluster = Cluster::from_texts(&[
            "Russia vetoed the resolution on Syria. The vote was close.",
            "The vote in New York failed. Russia vetoed it again.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepares");
        let prior = TermPrior::default();
        let rows = ConceptRows::extract(&p, &prior);
        assert_eq!(rows.rows.len(), rows.keys.len() * CONCEPT_WIDTH);
        let russia = p.vocab.get("russia").expect("term");
        let c = rows
            .keys
            .iter()
            .position(|&k| k == (russia, UNIGRAM))
            .expect("concept");
        let row = rows.row(c);
        let f = |name: &str| {
            row[CONCEPT_FEATURES
                .iter()
                .position(|n| *n == name)
                .expect("feature")]
        };
        assert_eq!(f("sources"), 2.0);
        assert_eq!(f("first_position"), 0.0);
        assert_eq!(f("mean_first_position"), 0.5);
        assert_eq!(f("lead_sources"), 1.0);
        assert_eq!(f("name_form"), 1.0);
        let vote = p.vocab.get("vote").expect("term");
        let v = rows
            .keys
            .iter()
            .position(|&k| k == (vote, UNIGRAM))
            .expect("vote");
        assert_eq!(
            rows.row(v)[CONCEPT_FEATURES
                .iter()
                .position(|n| *n == "name_form")
                .expect("f")],
            0.0
        );
        // Every sentence lists its concepts, and each id is valid.
        assert!(rows
            .of_sentence
            .iter()
            .flatten()
            .all(|&c| (c as usize) < rows.keys.len()));
    }

    #[test]
    fn the_wanted_sentences_concepts_get_the_rows_of_the_whole_extraction() {
        let cluster = Cluster::from_texts(&[
            "Russia vetoed the resolution on Syria. The vote was close. Lavrov spoke later.",
            "The vote in New York failed. Russia vetoed it again. Diplomats left early.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepares");
        let prior = TermPrior::default();
        let whole = ConceptRows::extract(&p, &prior);
        let row_of = |rows: &ConceptRows, key: ConceptKey| {
            let c = rows.keys.iter().position(|&k| k == key).expect("concept");
            rows.row(c).to_vec()
        };
        let n = p.sentences.len();
        for wanted in [vec![0], vec![1], vec![n - 1], vec![0, 4], (0..n).collect()] {
            let some = ConceptRows::extract_for(&p, &prior, Some(&wanted));
            assert_eq!(some.of_sentence.len(), n);
            for &i in &wanted {
                let keys = |rows: &ConceptRows| -> Vec<ConceptKey> {
                    rows.of_sentence[i]
                        .iter()
                        .map(|&c| rows.keys[c as usize])
                        .collect()
                };
                assert_eq!(keys(&some), keys(&whole), "sentence {i} of {wanted:?}");
                for key in keys(&some) {
                    assert_eq!(row_of(&some, key), row_of(&whole, key), "{key:?}");
                }
            }
            // Only the wanted sentences' concepts are kept.
            let kept: std::collections::HashSet<ConceptKey> = wanted
                .iter()
                .flat_map(|&i| concepts_of(&p.sentences[i].terms))
                .collect();
            assert_eq!(some.keys.len(), kept.len(), "{wanted:?}");
        }
    }
}
