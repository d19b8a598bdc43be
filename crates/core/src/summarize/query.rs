//! A reader's question as a bias of concept weights: "what do these
//! articles say about X".
//!
//! A [`Query`] is the question's content terms (brief's analyzer: lower-cased,
//! stopwords and the words of the request itself — "describe", "include",
//! "discuss" — left out, stemmed). A concept that contains a query term has
//! its weight multiplied by `1 + boost`: selection still covers what the
//! sources agree on, but among the facts they repeat, those about the
//! question come first. This is the query-focused concept weighting of the
//! DUC 2005–2007 systems in its simplest form (e.g. Gillick, Favre &
//! Hakkani-Tür's ICSI system weighted concepts by their overlap with the
//! topic narrative). Every concept summarizer (`submodular`, `semantic`,
//! `ilp`, `update`) applies it after weighting its concepts; without a query
//! nothing changes.

use super::concepts::{Concepts, UNIGRAM};
use crate::prepare::{PreparedCluster, TermId};
use crate::text::Analyzer;
use rustc_hash::FxHashSet;

/// Relative weight increase of a concept that holds a query term, by
/// default: chosen on the five DUC 2007 update topics' narratives (0.5 to 4
/// changed R-2 by less than its confidence interval; 1 doubles the weight
/// of a fact about the question).
pub const DEFAULT_QUERY_BOOST: f64 = 1.0;

/// Words of a request that say what to do, not what it is about.
const REQUEST_WORDS: &[&str] = &[
    "describe",
    "description",
    "discuss",
    "include",
    "including",
    "identify",
    "explain",
    "summarize",
    "give",
    "tell",
    "provide",
    "information",
    "specific",
    "details",
    "detail",
    "reported",
    "report",
    "press",
    "known",
    "also",
    "well",
    "taken",
    "etc",
    "what",
    "who",
    "how",
    "why",
    "when",
    "where",
    "which",
];

/// A question's content terms and how much concepts about them gain.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The question as given.
    pub text: String,
    /// Its stemmed content terms, distinct, in order.
    pub terms: Vec<String>,
    /// Relative weight increase of a concept holding one of the terms.
    pub boost: f64,
}

impl Query {
    /// The query of `text` with the default boost; `None` when it has no
    /// content term.
    pub fn new(text: &str) -> Option<Self> {
        Self::with_boost(text, DEFAULT_QUERY_BOOST)
    }

    /// The query of `text` with `boost`; `None` when it has no content term.
    pub fn with_boost(text: &str, boost: f64) -> Option<Self> {
        let analyzer = Analyzer::english();
        let request: FxHashSet<String> = REQUEST_WORDS
            .iter()
            .filter_map(|w| analyzer.normalize(w).map(|t| t.into_owned()))
            .collect();
        let mut terms: Vec<String> = Vec::new();
        for token in analyzer.tokens(text) {
            if let Some(term) = analyzer.normalize(token.text) {
                let term = term.into_owned();
                if !request.contains(&term) && !terms.contains(&term) {
                    terms.push(term);
                }
            }
        }
        (!terms.is_empty()).then(|| Query {
            text: text.to_owned(),
            terms,
            boost,
        })
    }

    /// The ids of the query terms in `p`'s vocabulary (terms the cluster
    /// never uses have none).
    pub fn term_ids(&self, p: &PreparedCluster<'_>) -> FxHashSet<TermId> {
        self.terms.iter().filter_map(|t| p.vocab.get(t)).collect()
    }

    /// Multiplies the weight of every concept of `concepts` (of `p`) that
    /// holds a query term by `1 + boost`.
    pub fn bias(&self, p: &PreparedCluster<'_>, concepts: &mut Concepts) {
        let ids = self.term_ids(p);
        if ids.is_empty() || self.boost == 0.0 {
            return;
        }
        for (weight, &(a, b)) in concepts.weights.iter_mut().zip(&concepts.keys) {
            if ids.contains(&a) || (b != UNIGRAM && ids.contains(&b)) {
                *weight *= 1.0 + self.boost;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cluster;
    use crate::prepare::Pipeline;
    use crate::summarize::concepts::ConceptConfig;

    #[test]
    fn request_words_are_not_query_terms() {
        let q = Query::new("Describe the reactions to the Euro, including predictions.")
            .expect("has terms");
        assert_eq!(q.terms, ["reaction", "euro", "predict"]);
        assert!(Query::new("Describe what is reported.").is_none());
    }

    #[test]
    fn concepts_about_the_query_weigh_more() {
        let cluster = Cluster::from_texts(&[
            "The euro launched in Frankfurt. Oil prices fell sharply.",
            "The euro launched on Friday. Oil prices fell again.",
        ]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let plain = Concepts::extract(&p, &ConceptConfig::default());
        let mut biased = plain.clone();
        Query::new("euro").expect("terms").bias(&p, &mut biased);
        let euro = p.vocab.get("euro").expect("term");
        for (c, &(a, b)) in plain.keys.iter().enumerate() {
            let ratio = biased.weights[c] / plain.weights[c];
            let about = a == euro || b == euro;
            assert_eq!(ratio, if about { 2.0 } else { 1.0 }, "{a} {b}");
        }
    }
}
