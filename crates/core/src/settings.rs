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
use crate::model::{Budget, Cluster, Document, Summary};
use crate::prepare::{Pipeline, PreparedCluster};
use crate::registry::{build_with, Algorithm, Params, Resources};
use crate::select::SelectionConfig;
use crate::summarize::update::{Update, DEFAULT_MAX_SEEN_OVERLAP, DEFAULT_SEEN_WEIGHT};
use crate::summarize::{summarize_cut, summarize_cut_within};
use crate::summarize::{Query, Summarizer};
use crate::text::compress::CompressionRules;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
    /// [`Params::follower_weight`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follower_weight: Option<f64>,
    /// Sentence compression ([`crate::text::compress`]): `all`, `none`, or a
    /// comma-separated list of rules (`tails`, `parentheticals`,
    /// `clauses`); absent: chosen by budget ([`Params::compression_for`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compress: Option<String>,
    /// A question ("what do these articles say about X") that biases the
    /// concept summarizers toward it ([`crate::summarize::query`]); other
    /// algorithms ignore it. Absent or blank: no bias.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
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
    /// The question biasing concept weights, if any.
    pub query: Option<Arc<Query>>,
}

impl Default for Summarization {
    fn default() -> Self {
        Summarization {
            algorithm: Algorithm::DEFAULT,
            budget: Budget::default(),
            params: Params::default(),
            cut: false,
            query: None,
        }
    }
}

impl Summarization {
    /// The summarizer these settings describe, with what it needs beyond
    /// them (an encoder for `semantic`, another selection model).
    pub fn summarizer(&self, resources: &Resources) -> Result<Box<dyn Summarizer>> {
        match &self.query {
            Some(query) => {
                let resources = Resources {
                    query: Some(query.clone()),
                    ..resources.clone()
                };
                build_with(self.algorithm, &self.params, &resources)
            }
            None => build_with(self.algorithm, &self.params, resources),
        }
    }

    /// The update summary of documents `0..new_docs` of `prepared` for a
    /// reader who has seen its other documents ([`Update`]): the default
    /// objective with these parameters, budget, cut and query, and
    /// `update`'s history settings.
    pub fn update(
        &self,
        update: &UpdateSettings,
        prepared: &PreparedCluster<'_>,
        new_docs: usize,
    ) -> Summary {
        let summarizer = Update {
            base: crate::registry::submodular(&self.params),
            seen_weight: update.seen_weight.unwrap_or(DEFAULT_SEEN_WEIGHT),
            max_seen_overlap: update.max_seen_overlap.unwrap_or(DEFAULT_MAX_SEEN_OVERLAP),
            query: self.query.clone(),
        };
        summarizer.summarize_update(prepared, new_docs, self.budget, self.cut)
    }

    /// The update summary of `new` for a reader who has seen `seen` (earlier
    /// articles, or earlier summaries given as documents), as
    /// [`Summarization::update`]; its items point into `new` (their `doc`
    /// indices and ids are `new`'s), never into `seen`.
    ///
    /// # Errors
    /// [`Error::EmptyCluster`] when `new` is empty, and whatever preparing
    /// the documents reports.
    pub fn update_documents(
        &self,
        update: &UpdateSettings,
        id: &str,
        seen: &[Document],
        new: &[Document],
    ) -> Result<Summary> {
        if new.is_empty() {
            return Err(Error::EmptyCluster(id.to_owned()));
        }
        // New documents first: the update summarizer reads the first
        // `new.len()` documents as new and the rest as history.
        let mut documents = new.to_vec();
        documents.extend_from_slice(seen);
        let cluster = Cluster {
            id: id.to_owned(),
            documents,
            references: Vec::new(),
        };
        let prepared = Pipeline::default().prepare(&cluster)?;
        Ok(self.update(update, &prepared, new.len()))
    }

    /// The pipeline that prepares clusters for these settings (with the
    /// compressor their budget calls for, [`Params::pipeline`]).
    pub fn pipeline(&self) -> Pipeline {
        self.params.pipeline(self.budget)
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
        crate::attribution::ground_summary(&mut summary, prepared);
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
        let mut summary = if self.cut {
            summarize_cut_within(
                summarizer,
                prepared,
                self.budget,
                &self.params.selection,
                deadline,
            )?
        } else {
            summarizer.summarize_within(prepared, self.budget, deadline)?
        };
        deadline.check()?;
        crate::attribution::ground_summary(&mut summary, prepared);
        Ok(summary)
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
        "follower_weight",
        "compress",
        "query",
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
            follower_weight: self.follower_weight.unwrap_or(d.follower_weight),
            compression: match &self.compress {
                None => d.compression,
                Some(text) => Some(CompressionRules::parse(text).map_err(|reason| {
                    Error::InvalidParameter {
                        name: "compress",
                        reason,
                    }
                })?),
            },
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
            query: self.query.as_deref().and_then(Query::new).map(Arc::new),
        })
    }

    /// As [`validate`](Self::validate), for an update summary: the
    /// algorithm, if given, must be the default (`submodular`), whose
    /// objective the update summarizer discounts.
    pub fn validate_update(&self) -> Result<Summarization> {
        let ready = self.validate()?;
        if ready.algorithm != Algorithm::Submodular {
            return Err(Error::InvalidParameter {
                name: "algorithm",
                reason: format!(
                    "update summaries use the {} objective, not {}",
                    Algorithm::Submodular,
                    ready.algorithm
                ),
            });
        }
        Ok(ready)
    }
}

/// How an update summary treats what the reader has seen (the history);
/// `None` takes the default. Serde, unknown fields refused.
///
/// ```
/// use brief_core::settings::UpdateSettings;
/// let s: UpdateSettings = serde_json::from_str(r#"{"seen_weight": 0.0}"#).unwrap();
/// assert_eq!(s.seen_weight, Some(0.0));
/// assert!(s.validate().is_ok());
/// assert!(serde_json::from_str::<UpdateSettings>(r#"{"seen": 1}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UpdateSettings {
    /// Share of its weight a concept the history carries keeps, in [0, 1]
    /// (default [`DEFAULT_SEEN_WEIGHT`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seen_weight: Option<f64>,
    /// A new sentence is left out when this share of its content terms is
    /// in one history sentence, in (0, 1] (default [`DEFAULT_MAX_SEEN_OVERLAP`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_seen_overlap: Option<f64>,
}

impl UpdateSettings {
    /// The names of the fields, for messages that list what is accepted.
    pub const FIELDS: &'static [&'static str] = &["seen_weight", "max_seen_overlap"];

    /// Checks the ranges; the error names the field.
    pub fn validate(&self) -> Result<()> {
        if let Some(w) = self.seen_weight.filter(|w| !(0.0..=1.0).contains(w)) {
            return Err(Error::InvalidParameter {
                name: "seen_weight",
                reason: format!("{w} is not in [0, 1]"),
            });
        }
        if let Some(o) = self.max_seen_overlap.filter(|o| !(*o > 0.0 && *o <= 1.0)) {
            return Err(Error::InvalidParameter {
                name: "max_seen_overlap",
                reason: format!("{o} is not in (0, 1]"),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_documents_leave_out_what_was_seen_and_point_into_the_new() {
        let seen = vec![Document::new(
            "old",
            "The council approved the new bridge over the river on Monday. \
             Construction of the bridge will cost twelve million dollars.",
        )];
        let new = vec![
            Document::new(
                "n1",
                "The council approved the new bridge over the river on Monday. \
                 Engineers found cracks in the old pier during a survey on Friday.",
            ),
            Document::new(
                "n2",
                "Engineers said the cracks in the old pier must be repaired first. \
                 The survey team will report to the mayor next week.",
            ),
        ];
        let settings = SummarizeSettings {
            sentences: Some(2),
            ..SummarizeSettings::default()
        }
        .validate()
        .expect("valid");
        let summary = settings
            .update_documents(&UpdateSettings::default(), "u", &seen, &new)
            .expect("summarized");
        assert!(!summary.items.is_empty());
        for item in &summary.items {
            assert!(item.doc < new.len(), "provenance into the new documents");
            assert_eq!(item.doc_id, new[item.doc].id);
            assert!(
                !item.text.contains("approved the new bridge"),
                "{}",
                item.text
            );
        }
        // Without history the repeated sentence is a fair pick, so the
        // filter above is what keeps it out.
        let alone = settings
            .update_documents(&UpdateSettings::default(), "u", &[], &new)
            .expect("summarized");
        assert!(!alone.items.is_empty());
        assert!(matches!(
            settings.update_documents(&UpdateSettings::default(), "u", &seen, &[]),
            Err(Error::EmptyCluster(_))
        ));
    }

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
            follower_weight: Some(0.5),
            compress: Some("all".into()),
            query: Some("euro".into()),
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
