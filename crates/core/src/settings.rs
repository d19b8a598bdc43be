//! The settings of one summarization, as users give them: the one type the
//! CLI's flags, the server's request fields and the Python keyword
//! arguments all fill in, so that every front end has the same names, the
//! same defaults and the same checks.
//!
//! [`SummarizeSettings`] is the raw form (every field optional, serde with
//! unknown fields refused); [`SummarizeSettings::validate`] turns it into a
//! ready [`Summarization`] before any work starts.
//!
//! ```
//! use brief_core::settings::SummarizeSettings;
//! use brief_core::{Algorithm, Budget};
//! let raw: SummarizeSettings = serde_json::from_str(r#"{"algorithm": "lexrank", "sentences": 3}"#).unwrap();
//! let ready = raw.validate().unwrap();
//! assert_eq!((ready.algorithm, ready.budget), (Algorithm::LexRank, Budget::Sentences(3)));
//! assert!(serde_json::from_str::<SummarizeSettings>(r#"{"word": 3}"#).is_err());
//! ```

use crate::cancel::Deadline;
use crate::error::{Error, Result};
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;
use crate::registry::{build_with, Algorithm, Params, Resources};
use crate::select::SelectionConfig;
use crate::summarize::Summarizer;
use crate::summarize::{summarize_cut, summarize_cut_within};
use serde::{Deserialize, Serialize};

/// How to summarize, as given: `None` means the library default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SummarizeSettings {
    /// Algorithm name ([`Algorithm::DEFAULT`] when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub algorithm: Option<String>,
    /// Budget in words; at most one of `words`, `sentences`, `bytes`
    /// (100 words when none is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<usize>,
    /// Budget in sentences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<usize>,
    /// Budget in bytes (sentences joined by one space).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<usize>,
    /// Fill the summary and cut its last sentence at exactly the budget.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cut: bool,
    /// Say why each sentence was chosen ([`crate::model::Explanation`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub explain: bool,
    /// [`Params::lambda`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda: Option<f64>,
    /// [`Params::threshold`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// [`Params::damping`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub damping: Option<f64>,
    /// [`Params::half_weight_at`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub half_weight_at: Option<f64>,
    /// [`Params::unigram_weight`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unigram_weight: Option<f64>,
    /// [`Params::min_support`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_support: Option<usize>,
    /// [`Params::cost_exponent`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_exponent: Option<f64>,
    /// [`Params::similarity_coverage`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity_coverage: Option<f64>,
    /// [`Params::quote_bonus`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_bonus: Option<f64>,
    /// [`Params::learned`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learned: Option<bool>,
    /// [`Params::sentence_weight`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence_weight: Option<f64>,
}

/// Validated settings, ready to build a summarizer and run it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summarization {
    /// The summarizer.
    pub algorithm: Algorithm,
    /// The length budget (positive).
    pub budget: Budget,
    /// Its parameters (validated).
    pub params: Params,
    /// Fill and cut at exactly the budget.
    pub cut: bool,
}

impl Default for Summarization {
    fn default() -> Self {
        Summarization {
            algorithm: Algorithm::DEFAULT,
            budget: Budget::default(),
            params: Params::default(),
            cut: false,
        }
    }
}

impl Summarization {
    /// The summarizer these settings describe, with what it needs beyond
    /// them (an encoder for `semantic`, another selection model).
    pub fn summarizer(&self, resources: &Resources) -> Result<Box<dyn Summarizer>> {
        build_with(self.algorithm, &self.params, resources)
    }

    /// Runs `summarizer` (built by [`Summarization::summarizer`]) on a
    /// prepared cluster under the budget, cut at exactly the budget when
    /// asked.
    /// Quotations among the chosen sentences carry their speaker.
    pub fn run(&self, summarizer: &dyn Summarizer, prepared: &PreparedCluster<'_>) -> Summary {
        let mut summary = if self.cut {
            summarize_cut(summarizer, prepared, self.budget, &self.params.selection)
        } else {
            summarizer.summarize(prepared, self.budget)
        };
        crate::attribution::attribute_summary(&mut summary, prepared);
        summary
    }

    /// [`Summarization::run`], stopping with [`Error::Cancelled`] once
    /// `deadline` passes.
    pub fn run_within(
        &self,
        summarizer: &dyn Summarizer,
        prepared: &PreparedCluster<'_>,
        deadline: &Deadline,
    ) -> Result<Summary> {
        if self.cut {
            summarize_cut_within(
                summarizer,
                prepared,
                self.budget,
                &self.params.selection,
                deadline,
            )
        } else {
            summarizer.summarize_within(prepared, self.budget, deadline)
        }
    }
}

impl SummarizeSettings {
    /// The names of the fields, for messages that list what is accepted.
    pub const FIELDS: &'static [&'static str] = &[
        "algorithm",
        "words",
        "sentences",
        "bytes",
        "cut",
        "explain",
        "lambda",
        "threshold",
        "damping",
        "half_weight_at",
        "unigram_weight",
        "min_support",
        "cost_exponent",
        "similarity_coverage",
        "quote_bonus",
        "learned",
        "sentence_weight",
    ];

    /// The algorithm asked for, or the default.
    pub fn algorithm(&self) -> Result<Algorithm> {
        self.algorithm
            .as_deref()
            .map_or(Ok(Algorithm::DEFAULT), str::parse)
    }

    /// The budget asked for (at most one, positive), or the default.
    pub fn budget(&self) -> Result<Budget> {
        let given: Vec<Budget> = [
            self.words.map(Budget::Words),
            self.sentences.map(Budget::Sentences),
            self.bytes.map(Budget::Bytes),
        ]
        .into_iter()
        .flatten()
        .collect();
        let budget = match given.as_slice() {
            [] => Budget::default(),
            [one] => *one,
            _ => {
                return Err(Error::InvalidBudget(
                    "give at most one of words, sentences and bytes".to_owned(),
                ))
            }
        };
        if budget.limit() == 0 {
            return Err(Error::InvalidBudget(format!(
                "the budget must be positive, got {budget}"
            )));
        }
        Ok(budget)
    }

    /// The parameters asked for over the defaults, validated.
    pub fn params(&self) -> Result<Params> {
        let d = Params::default();
        let params = Params {
            lambda: self.lambda.unwrap_or(d.lambda),
            threshold: self.threshold.or(d.threshold),
            damping: self.damping.unwrap_or(d.damping),
            half_weight_at: self.half_weight_at.unwrap_or(d.half_weight_at),
            unigram_weight: self.unigram_weight.unwrap_or(d.unigram_weight),
            min_support: self.min_support.unwrap_or(d.min_support),
            cost_exponent: self.cost_exponent.or(d.cost_exponent),
            similarity_coverage: self.similarity_coverage.unwrap_or(d.similarity_coverage),
            quote_bonus: self.quote_bonus.or(d.quote_bonus),
            learned: self.learned.unwrap_or(d.learned),
            sentence_weight: self.sentence_weight.unwrap_or(d.sentence_weight),
            selection: SelectionConfig {
                explain: self.explain,
                ..d.selection
            },
        };
        params.validate()?;
        Ok(params)
    }

    /// Checks everything and returns the ready settings; the error names
    /// the first field that is wrong.
    pub fn validate(&self) -> Result<Summarization> {
        Ok(Summarization {
            algorithm: self.algorithm()?,
            budget: self.budget()?,
            params: self.params()?,
            cut: self.cut,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_settings_give_the_library_defaults() {
        let ready = SummarizeSettings::default().validate().expect("valid");
        assert_eq!(ready, Summarization::default());
        let parsed: SummarizeSettings = serde_json::from_str("{}").expect("json");
        assert_eq!(parsed, SummarizeSettings::default());
    }

    #[test]
    fn settings_round_trip_through_json() {
        let s = SummarizeSettings {
            algorithm: Some("mmr".into()),
            bytes: Some(600),
            cut: true,
            lambda: Some(0.5),
            ..SummarizeSettings::default()
        };
        let json = serde_json::to_string(&s).expect("serializes");
        assert_eq!(
            json,
            r#"{"algorithm":"mmr","bytes":600,"cut":true,"lambda":0.5}"#
        );
        let back: SummarizeSettings = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, s);
        // FIELDS lists exactly the serialized names.
        let all = SummarizeSettings {
            algorithm: Some("lead".into()),
            words: Some(1),
            sentences: Some(1),
            bytes: Some(1),
            cut: true,
            explain: true,
            lambda: Some(1.0),
            threshold: Some(0.1),
            damping: Some(0.5),
            half_weight_at: Some(1.0),
            unigram_weight: Some(1.0),
            min_support: Some(1),
            cost_exponent: Some(1.0),
            similarity_coverage: Some(1.0),
            quote_bonus: Some(1.0),
            learned: Some(true),
            sentence_weight: Some(1.0),
        };
        let value = serde_json::to_value(&all).expect("serializes");
        let keys: Vec<&str> = value
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = SummarizeSettings::FIELDS.to_vec();
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected);
    }

    #[test]
    fn errors_name_the_field() {
        let two = SummarizeSettings {
            words: Some(10),
            sentences: Some(2),
            ..Default::default()
        };
        assert!(matches!(two.validate(), Err(Error::InvalidBudget(_))));
        let zero = SummarizeSettings {
            bytes: Some(0),
            ..Default::default()
        };
        assert!(zero
            .validate()
            .unwrap_err()
            .to_string()
            .contains("positive"));
        let lambda = SummarizeSettings {
            lambda: Some(2.0),
            ..Default::default()
        };
        assert!(matches!(
            lambda.validate(),
            Err(Error::InvalidParameter { name: "lambda", .. })
        ));
        let unknown = SummarizeSettings {
            algorithm: Some("nonsense".into()),
            ..Default::default()
        };
        assert!(matches!(
            unknown.validate(),
            Err(Error::UnknownAlgorithm { .. })
        ));
    }
}
