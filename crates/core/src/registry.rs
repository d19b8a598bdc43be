//! Names → summarizers, for the CLI, the server and the bindings alike.

use crate::embedding::SharedEncoder;
use crate::error::{clip, shown, Error, Result};
use crate::learn::model::SelectionModel;
use crate::model::Budget;
use crate::priors::PositionPrior;
use crate::select::SelectionConfig;
use crate::summarize::concepts::ConceptConfig;
use crate::summarize::{
    Centroid, Ilp, Lead, LexRank, Mmr, Semantic, Submodular, Summarizer, TextRank,
};
use crate::text::compress::{CompressionRules, NewsCompressor};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use std::sync::Arc;

/// The algorithms brief knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    /// Round-robin lead sentences.
    Lead,
    /// TF-IDF centroid.
    Centroid,
    /// Continuous (or thresholded) LexRank.
    LexRank,
    /// TextRank.
    TextRank,
    /// Maximal marginal relevance.
    Mmr,
    /// Weighted concept coverage, cost-scaled submodular greedy.
    Submodular,
    /// Weighted concept coverage, solved exactly as an integer program.
    Ilp,
    /// `submodular` with similarity coverage from sentence embeddings; needs
    /// a sentence encoder (not in [`Algorithm::ALL`]).
    Semantic,
}

impl Algorithm {
    /// Every algorithm, in display order.
    pub const ALL: &'static [Algorithm] = &[
        Algorithm::Lead,
        Algorithm::Centroid,
        Algorithm::LexRank,
        Algorithm::TextRank,
        Algorithm::Mmr,
        Algorithm::Submodular,
        Algorithm::Ilp,
    ];

    /// The default algorithm of `brief summarize`.
    pub const DEFAULT: Algorithm = Algorithm::Submodular;

    /// Registry name.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Lead => "lead",
            Algorithm::Centroid => "centroid",
            Algorithm::LexRank => "lexrank",
            Algorithm::TextRank => "textrank",
            Algorithm::Mmr => "mmr",
            Algorithm::Submodular => "submodular",
            Algorithm::Ilp => "ilp",
            Algorithm::Semantic => "semantic",
        }
    }

    fn known() -> String {
        Algorithm::ALL
            .iter()
            .map(|a| a.name())
            .chain([Algorithm::Semantic.name()])
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl std::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Algorithm {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let lower = s.trim().to_ascii_lowercase();
        Algorithm::ALL
            .iter()
            .copied()
            .chain([Algorithm::Semantic])
            .find(|a| a.name() == lower)
            .ok_or_else(|| Error::UnknownAlgorithm {
                name: clip(s),
                known: Algorithm::known(),
            })
    }
}

/// Tunable settings; each algorithm reads the ones it has.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Params {
    /// MMR relevance weight λ in [0, 1].
    pub lambda: f64,
    /// LexRank edge threshold (`None` = continuous).
    pub threshold: Option<f64>,
    /// PageRank damping in (0, 1).
    pub damping: f64,
    /// Concept summarizers: position whose prior weight is one half
    /// (`h / (h + k)` at position `k`; infinite = no position prior).
    pub half_weight_at: f64,
    /// Concept summarizers: weight of single-term concepts relative to
    /// term pairs, ≥ 0 (0 = pairs only).
    pub unigram_weight: f64,
    /// Concept summarizers: minimum number of sources of a concept (0 = 2,
    /// plus one per 8 documents beyond 2).
    pub min_support: usize,
    /// Submodular: cost-scaling exponent `r` of `gain / cost^r`, in [0, 2]
    /// (`None`: chosen by budget, see `Submodular::cost_exponent_for`).
    pub cost_exponent: Option<f64>,
    /// Submodular: weight of the saturated similarity coverage, as a
    /// fraction of the total concept weight, ≥ 0 (0 = off).
    pub similarity_coverage: f64,
    /// Submodular: relative gain bonus of sentences with quoted speech, ≥ 0
    /// (`None`: chosen by budget, see `Submodular::quote_bonus_for`).
    pub quote_bonus: Option<f64>,
    /// Concept summarizers: concept weights from the selection model
    /// (learned from reference summaries) instead of the support and
    /// position heuristic.
    pub learned: bool,
    /// Concept summarizers with a learned model: weight of the learned
    /// sentence score beside concept coverage, ≥ 0.
    pub sentence_weight: f64,
    /// Submodular: factor in [0, 1] on the gain of a sentence that leans
    /// on the one before it, taken only right after it
    /// ([`Submodular::follower_weight`]).
    #[serde(default = "default_follower_weight")]
    pub follower_weight: f64,
    /// Which cuts sentences lose when quoted ([`crate::text::compress`];
    /// [`CompressionRules::NONE`] quotes them whole). `None`: chosen by
    /// budget, see [`Params::compression_for`].
    #[serde(default)]
    pub compression: Option<CompressionRules>,
    /// Shared selection settings.
    #[serde(skip)]
    pub selection: SelectionConfig,
}

fn default_follower_weight() -> f64 {
    Submodular::DEFAULT_FOLLOWER_WEIGHT
}

impl Default for Params {
    fn default() -> Self {
        Params {
            lambda: 0.7,
            threshold: None,
            damping: 0.85,
            half_weight_at: PositionPrior::default().half_weight_at,
            unigram_weight: ConceptConfig::default().unigram_weight,
            min_support: ConceptConfig::default().min_support,
            cost_exponent: Submodular::default().cost_exponent,
            similarity_coverage: Submodular::default().similarity_coverage,
            quote_bonus: Submodular::default().quote_bonus,
            learned: true,
            sentence_weight: Submodular::LEARNED_SENTENCE_WEIGHT,
            follower_weight: Submodular::DEFAULT_FOLLOWER_WEIGHT,
            compression: None,
            selection: SelectionConfig::default(),
        }
    }
}

impl Params {
    /// The compression used under `budget`. Unless set, every rule for
    /// short budgets ([`Budget::is_short`]), where each word saved makes
    /// room for content (Multi-News val at 100 words: R-1 +0.06, RLsum
    /// +0.07, paired p ≤ 0.01, R-2 +0.04; DUC 2003 cross-validated R-1
    /// +0.4), and none for
    /// longer ones, where it changes nothing measurable (val at 230 words:
    /// R-1 ±0.00) and sentences are better quoted whole.
    pub fn compression_for(&self, budget: Budget) -> CompressionRules {
        self.compression.unwrap_or(if budget.is_short() {
            CompressionRules::ALL
        } else {
            CompressionRules::NONE
        })
    }

    /// The pipeline that prepares clusters for these parameters under
    /// `budget`: the default one, with the compressor when compression is
    /// on ([`Params::compression_for`]).
    pub fn pipeline(&self, budget: Budget) -> crate::prepare::Pipeline {
        let pipeline = crate::prepare::Pipeline::default();
        let rules = self.compression_for(budget);
        if rules.is_none() {
            pipeline
        } else {
            pipeline.with_compressor(NewsCompressor::new(rules))
        }
    }

    /// The concept settings these parameters describe.
    pub fn concepts(&self) -> ConceptConfig {
        ConceptConfig {
            min_support: self.min_support,
            position: PositionPrior {
                half_weight_at: self.half_weight_at,
            },
            unigram_weight: self.unigram_weight,
            ..ConceptConfig::default()
        }
    }

    /// Checks ranges; errors name the parameter.
    pub fn validate(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.lambda) {
            return Err(Error::InvalidParameter {
                name: "lambda",
                reason: format!("{} is not in [0, 1]", shown(self.lambda)),
            });
        }
        if let Some(t) = self.threshold {
            if !(0.0..1.0).contains(&t) {
                return Err(Error::InvalidParameter {
                    name: "threshold",
                    reason: format!("{} is not in [0, 1)", shown(t)),
                });
            }
        }
        if self.half_weight_at.is_nan() || self.half_weight_at <= 0.0 {
            return Err(Error::InvalidParameter {
                name: "half_weight_at",
                reason: format!("{} is not positive", shown(self.half_weight_at)),
            });
        }
        if !(self.unigram_weight >= 0.0 && self.unigram_weight.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "unigram_weight",
                reason: format!("{} is not a finite number ≥ 0", shown(self.unigram_weight)),
            });
        }
        if let Some(r) = self.cost_exponent.filter(|r| !(0.0..=2.0).contains(r)) {
            return Err(Error::InvalidParameter {
                name: "cost_exponent",
                reason: format!("{} is not in [0, 2]", shown(r)),
            });
        }
        if !(self.similarity_coverage >= 0.0 && self.similarity_coverage.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "similarity_coverage",
                reason: format!(
                    "{} is not a finite number ≥ 0",
                    shown(self.similarity_coverage)
                ),
            });
        }
        if let Some(b) = self.quote_bonus.filter(|b| !(*b >= 0.0 && b.is_finite())) {
            return Err(Error::InvalidParameter {
                name: "quote_bonus",
                reason: format!("{} is not a finite number ≥ 0", shown(b)),
            });
        }
        if !(0.0..=1.0).contains(&self.follower_weight) {
            return Err(Error::InvalidParameter {
                name: "follower_weight",
                reason: format!("{} is not in [0, 1]", shown(self.follower_weight)),
            });
        }
        if !(self.sentence_weight >= 0.0 && self.sentence_weight.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "sentence_weight",
                reason: format!("{} is not a finite number ≥ 0", shown(self.sentence_weight)),
            });
        }
        if !(self.damping > 0.0 && self.damping < 1.0) {
            return Err(Error::InvalidParameter {
                name: "damping",
                reason: format!("{} is not in (0, 1)", shown(self.damping)),
            });
        }
        Ok(())
    }
}

/// Builds the summarizer for `algorithm` with `params`.
///
/// ```
/// use brief_core::registry::{build, Algorithm, Params};
/// let s = build("textrank".parse().unwrap(), &Params::default()).unwrap();
/// assert_eq!(s.name(), "textrank");
/// assert!("nonsense".parse::<Algorithm>().is_err());
/// ```
pub fn build(algorithm: Algorithm, params: &Params) -> Result<Box<dyn Summarizer>> {
    build_with_encoder(algorithm, params, None)
}

/// [`build`], with the sentence encoder that `semantic` needs (other
/// algorithms ignore it).
pub fn build_with_encoder(
    algorithm: Algorithm,
    params: &Params,
    encoder: Option<&SharedEncoder>,
) -> Result<Box<dyn Summarizer>> {
    build_with(
        algorithm,
        params,
        &Resources {
            encoder: encoder.cloned(),
            model: None,
            query: None,
        },
    )
}

/// What some summarizers need beyond their parameters.
#[derive(Clone, Default)]
pub struct Resources {
    /// A question that biases the concept summarizers' weights.
    pub query: Option<Arc<crate::summarize::Query>>,
    /// Sentence encoder, for `semantic`.
    pub encoder: Option<SharedEncoder>,
    /// Selection model for `learned` concept weights; the compiled-in one
    /// ([`SelectionModel::builtin`]) when `None`.
    pub model: Option<Arc<SelectionModel>>,
}

impl std::fmt::Debug for Resources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resources")
            .field("encoder", &self.encoder.is_some())
            .field("model", &self.model.as_ref().map(|m| m.trained_on.as_str()))
            .field("query", &self.query.as_ref().map(|q| q.text.as_str()))
            .finish()
    }
}

/// [`build`], with the resources some summarizers need.
pub fn build_with(
    algorithm: Algorithm,
    params: &Params,
    resources: &Resources,
) -> Result<Box<dyn Summarizer>> {
    params.validate()?;
    let encoder = resources.encoder.as_ref();
    let model = params.learned.then(|| {
        resources
            .model
            .clone()
            .unwrap_or_else(SelectionModel::builtin)
    });
    let query = resources.query.clone();
    let submodular = |params: &Params| Submodular {
        model: model.clone(),
        sentence_weight: params.sentence_weight,
        query: query.clone(),
        ..submodular(params)
    };
    let selection = params.selection;
    Ok(match algorithm {
        Algorithm::Lead => Box::new(Lead { selection }),
        Algorithm::Centroid => Box::new(Centroid { selection }),
        Algorithm::LexRank => Box::new(LexRank {
            threshold: params.threshold,
            damping: params.damping,
            selection,
        }),
        Algorithm::TextRank => Box::new(TextRank {
            damping: params.damping,
            selection,
        }),
        Algorithm::Mmr => Box::new(Mmr {
            lambda: params.lambda,
            selection,
        }),
        Algorithm::Submodular => Box::new(submodular(params)),
        Algorithm::Semantic => Box::new(Semantic {
            base: submodular(params),
            encoder: encoder.cloned().ok_or(Error::NeedsEncoder)?,
        }),
        Algorithm::Ilp => Box::new(Ilp {
            concepts: params.concepts(),
            selection,
            query: query.clone(),
            ..Ilp::default()
        }),
    })
}

/// The default summarizer's objective with `params` (no learned model, no query).
pub(crate) fn submodular(params: &Params) -> Submodular {
    Submodular {
        concepts: params.concepts(),
        cost_exponent: params.cost_exponent,
        similarity_coverage: params.similarity_coverage,
        quote_bonus: params.quote_bonus,
        follower_weight: params.follower_weight,
        selection: params.selection,
        ..Submodular::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semantic_is_known_by_name_and_says_what_it_needs() {
        let algorithm: Algorithm = "semantic".parse().expect("known name");
        assert!(!Algorithm::ALL.contains(&algorithm));
        let err = build(algorithm, &Params::default())
            .err()
            .expect("no encoder given");
        let text = err.to_string();
        assert!(
            text.contains("embed") && text.contains("--embed-model"),
            "{text}"
        );
    }
}
