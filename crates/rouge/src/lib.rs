//! Exact ROUGE for brief: `&str` in, scores out.
//!
//! ROUGE (Lin, 2004, "ROUGE: A Package for Automatic Evaluation of Summaries") compares a
//! candidate summary with reference summaries by n-gram, longest-common-subsequence and
//! skip-bigram overlap. Two reference implementations disagree in tokenization, stemming
//! and multi-reference handling, so [`Rouge`] reproduces each one as a [`Profile`]:
//!
//! - [`Profile::RougeScore`] — Google's `rouge-score` 0.1.2,
//!   `RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)` with
//!   `score_multi` for several references. Tokenization, NLTK stemming, rouge-N and
//!   rougeL come from the `rougers` crate, which matches every reference vector;
//!   rougeLsum uses this crate's faster bit-parallel union-LCS (see `src/rouge_score.rs`).
//! - [`Profile::Rouge155`] — the Perl script `ROUGE-1.5.5.pl -a -c 95 -m -n 2 -r 1000 -2 4
//!   -u -f A -p 0.5` (Porter stemming, stopwords kept, ROUGE-1, -2, -L and -SU4, references
//!   combined with `-f A`), hand-written with its quirks (see `src/rouge155.rs`); values
//!   are rounded to 5 decimals exactly as the script reports them. `-l N` / `-b N` are
//!   [`LengthLimit`]s, e.g. the DUC setting `-n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A`.
//!
//! Texts hold one sentence per line (`'\n'`), which `rougeLsum` and every ROUGE-1.5.5
//! metric read as sentence boundaries. [`bootstrap::bootstrap_mean`] gives the
//! seeded confidence intervals reported beside averages.
//!
//! ```
//! use brief_rouge::{Rouge, RougeConfig, RougeType};
//!
//! let rouge = Rouge::new(RougeConfig::rouge_score())?;
//! let scores = rouge.score("The cat sat on the mat.", &["The cat was on the mat."]);
//! let (rouge_type, rouge1) = scores[0];
//! assert_eq!(rouge_type, RougeType::N(1));
//! assert!((rouge1.fmeasure - 5.0 / 6.0).abs() < 1e-12);
//!
//! let perl = Rouge::new(RougeConfig::rouge155())?;
//! let scores = perl.score("cats running quickly", &["The cat runs quick."]);
//! assert_eq!(scores[0].1.recall, 0.5); // "cat", "run" match after Porter stemming
//! # Ok::<(), brief_rouge::RougeError>(())
//! ```

pub mod bootstrap;
mod porter;
mod rouge155;
mod rouge_score;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Errors from building a [`Rouge`] scorer or parsing names.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RougeError {
    /// A profile name other than `rouge-score` or `rouge155`.
    #[error("unknown ROUGE profile `{0}` (expected `rouge-score` or `rouge155`)")]
    UnknownProfile(String),
    /// A metric name that is not `rougeN`, `rougeL`, `rougeLsum` or `rougeSUN`.
    #[error(
        "unknown ROUGE type `{0}` (expected e.g. rouge1, rouge2, rougeL, rougeLsum, rougeSU4)"
    )]
    UnknownType(String),
    /// `rouge0`.
    #[error("ROUGE-N needs n >= 1, got `{0}`")]
    ZeroN(RougeType),
    /// A metric the chosen profile does not define.
    #[error("{rouge_type} is not defined by the {profile} profile")]
    Unsupported {
        /// The profile asked for.
        profile: Profile,
        /// The metric it lacks.
        rouge_type: RougeType,
    },
    /// `alpha` outside `[0, 1]` (or not a number).
    #[error("alpha must be within [0, 1], got {0}")]
    Alpha(f64),
    /// A length limit of zero words or bytes.
    #[error("a length limit must be at least 1 (ROUGE-1.5.5 reads 0 as no limit; use None)")]
    ZeroLimit,
    /// No metric requested.
    #[error("no ROUGE types requested")]
    NoTypes,
}

/// Which reference implementation to reproduce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Profile {
    /// Google `rouge-score` 0.1.2.
    #[serde(rename = "rouge-score")]
    RougeScore,
    /// The Perl `ROUGE-1.5.5.pl`.
    #[serde(rename = "rouge155")]
    Rouge155,
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Profile::RougeScore => "rouge-score",
            Profile::Rouge155 => "rouge155",
        })
    }
}

impl FromStr for Profile {
    type Err = RougeError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name {
            "rouge-score" => Ok(Profile::RougeScore),
            "rouge155" => Ok(Profile::Rouge155),
            _ => Err(RougeError::UnknownProfile(name.to_owned())),
        }
    }
}

/// A ROUGE metric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RougeType {
    /// ROUGE-N: overlap of n-grams (`rouge1`, `rouge2`, …).
    N(usize),
    /// ROUGE-L: `rouge-score`'s whole-text LCS; ROUGE-1.5.5's summary-level union LCS.
    L,
    /// `rouge-score`'s summary-level union LCS over lines (`rougeLsum`).
    LSum,
    /// ROUGE-SU with the given skip distance: skip-bigrams plus unigrams (`rougeSU4`).
    SU(usize),
}

impl fmt::Display for RougeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RougeType::N(n) => write!(f, "rouge{n}"),
            RougeType::L => f.write_str("rougeL"),
            RougeType::LSum => f.write_str("rougeLsum"),
            RougeType::SU(skip) => write!(f, "rougeSU{skip}"),
        }
    }
}

impl FromStr for RougeType {
    type Err = RougeError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let unknown = || RougeError::UnknownType(name.to_owned());
        let number = |digits: &str| {
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                digits.parse::<usize>().map_err(|_| unknown())
            } else {
                Err(unknown())
            }
        };
        match name {
            "rougeL" => Ok(RougeType::L),
            "rougeLsum" => Ok(RougeType::LSum),
            _ => {
                let rest = name.strip_prefix("rouge").ok_or_else(unknown)?;
                match rest.strip_prefix("SU") {
                    Some(skip) => number(skip).map(RougeType::SU),
                    None => number(rest).map(RougeType::N),
                }
            }
        }
    }
}

impl Serialize for RougeType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RougeType {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

/// Precision, recall and F-measure of one metric.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Matches over candidate units.
    pub precision: f64,
    /// Matches over reference units.
    pub recall: f64,
    /// Weighted harmonic mean `P·R / ((1 − α)·P + α·R)` (F1 at α = 0.5).
    pub fmeasure: f64,
}

/// How scores against several references are combined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MultiRef {
    /// Per metric, the reference with the best score: `rouge-score`'s `score_multi` (best
    /// F, first on ties); ROUGE-1.5.5 `-f B` (best recall).
    Best,
    /// `rouge-score` profile: mean P and mean R over references, F from the means.
    /// ROUGE-1.5.5 `-f A`: hits and counts summed over references (the script's
    /// "average"), then P, R and F from the sums.
    Average,
}

/// Truncation of candidate and references before scoring, as ROUGE-1.5.5 applies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LengthLimit {
    /// `-l N`: the first N whitespace-separated words.
    Words(usize),
    /// `-b N`: the first N bytes.
    Bytes(usize),
}

/// What to compute and how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RougeConfig {
    /// Reference implementation to reproduce.
    pub profile: Profile,
    /// Metrics, reported in this order.
    pub types: Vec<RougeType>,
    /// Porter stemming (NLTK's for `rouge-score`, the script's `-m` for `rouge155`).
    pub stemming: bool,
    /// Combination over several references.
    pub multi_ref: MultiRef,
    /// Optional truncation (`-l` / `-b`).
    pub limit: Option<LengthLimit>,
    /// Weight of precision in the F-measure (`-p`); 0.5 is F1.
    pub alpha: f64,
}

impl RougeConfig {
    /// `rouge-score` 0.1.2: rouge1, rouge2, rougeL, rougeLsum, stemming, best reference.
    pub fn rouge_score() -> Self {
        RougeConfig {
            profile: Profile::RougeScore,
            types: vec![
                RougeType::N(1),
                RougeType::N(2),
                RougeType::L,
                RougeType::LSum,
            ],
            stemming: true,
            multi_ref: MultiRef::Best,
            limit: None,
            alpha: 0.5,
        }
    }

    /// `ROUGE-1.5.5.pl -a -c 95 -m -n 2 -r 1000 -2 4 -u -f A -p 0.5`.
    pub fn rouge155() -> Self {
        RougeConfig {
            profile: Profile::Rouge155,
            types: vec![
                RougeType::N(1),
                RougeType::N(2),
                RougeType::L,
                RougeType::SU(4),
            ],
            stemming: true,
            multi_ref: MultiRef::Average,
            limit: None,
            alpha: 0.5,
        }
    }
}

/// A validated ROUGE scorer; cheap to share across threads.
#[derive(Clone, Debug)]
pub struct Rouge {
    config: RougeConfig,
    /// The `rougers` scorer of the `rouge-score` profile.
    rouge_score: Option<rougers::RougeScorer>,
}

impl Rouge {
    /// Checks `config`: at least one type, n ≥ 1, types defined by the profile (`rougeSU*`
    /// is ROUGE-1.5.5 only, `rougeLsum` and n > 9 are `rouge-score` only), alpha in
    /// `[0, 1]`, limits ≥ 1.
    pub fn new(config: RougeConfig) -> Result<Self, RougeError> {
        if config.types.is_empty() {
            return Err(RougeError::NoTypes);
        }
        if !(0.0..=1.0).contains(&config.alpha) {
            return Err(RougeError::Alpha(config.alpha));
        }
        if matches!(
            config.limit,
            Some(LengthLimit::Words(0) | LengthLimit::Bytes(0))
        ) {
            return Err(RougeError::ZeroLimit);
        }
        for &rouge_type in &config.types {
            if rouge_type == RougeType::N(0) {
                return Err(RougeError::ZeroN(rouge_type));
            }
            let supported = match config.profile {
                Profile::RougeScore => rouge_score::supports(rouge_type),
                Profile::Rouge155 => rouge_type != RougeType::LSum,
            };
            if !supported {
                return Err(RougeError::Unsupported {
                    profile: config.profile,
                    rouge_type,
                });
            }
        }
        let rouge_score = match config.profile {
            Profile::RougeScore => {
                let scorer = rouge_score::scorer(&config.types, config.stemming).ok_or(
                    RougeError::Unsupported {
                        profile: config.profile,
                        rouge_type: config.types[0],
                    },
                )?;
                Some(scorer)
            }
            Profile::Rouge155 => None,
        };
        Ok(Rouge {
            config,
            rouge_score,
        })
    }

    /// The configuration this scorer was built from.
    pub fn config(&self) -> &RougeConfig {
        &self.config
    }

    /// The tokens the `rouge-score` profile compares for `text`: lowercase
    /// alphanumeric runs, Porter-stemmed when the scorer stems (for
    /// counting n-grams outside the scorer, e.g. in an oracle). `None` for
    /// the `rouge155` profile.
    pub fn tokens(&self, text: &str) -> Option<Vec<String>> {
        self.rouge_score
            .as_ref()
            .map(|scorer| rouge_score::tokens(scorer, text))
    }

    /// Scores `candidate` against `references`, one entry per configured type in order.
    ///
    /// Candidate and references hold sentences separated by `'\n'` (used by `rougeLsum`
    /// and by the `rouge155` profile, which reads each line as one sentence as ROUGE-1.5.5
    /// does). With no references every score is 0.
    pub fn score(&self, candidate: &str, references: &[&str]) -> Vec<(RougeType, Score)> {
        let config = &self.config;
        match &self.rouge_score {
            Some(scorer) => rouge_score::score(
                scorer,
                candidate,
                references,
                &config.types,
                config.multi_ref,
                config.limit,
                config.alpha,
            ),
            None => rouge155::score(
                candidate,
                references,
                &config.types,
                config.stemming,
                config.multi_ref,
                config.limit,
                config.alpha,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for name in [
            "rouge1",
            "rouge2",
            "rouge4",
            "rougeL",
            "rougeLsum",
            "rougeSU4",
        ] {
            let parsed: RougeType = name.parse().unwrap_or(RougeType::N(99));
            assert_eq!(parsed.to_string(), name);
        }
        for bad in ["rouge", "rougeX", "rougeSU", "rouge-1", "ROUGE1", "rouge1 "] {
            assert!(bad.parse::<RougeType>().is_err(), "{bad}");
        }
        for name in ["rouge-score", "rouge155"] {
            assert_eq!(
                name.parse::<Profile>().map(|p| p.to_string()),
                Ok(name.into())
            );
        }
        assert!("rouge".parse::<Profile>().is_err());
    }

    #[test]
    fn invalid_configs_are_rejected() {
        let with = |f: &dyn Fn(&mut RougeConfig)| {
            let mut config = RougeConfig::rouge155();
            f(&mut config);
            Rouge::new(config).err()
        };
        assert_eq!(
            with(&|c| c.types = vec![RougeType::N(0)]),
            Some(RougeError::ZeroN(RougeType::N(0)))
        );
        assert_eq!(with(&|c| c.alpha = 1.5), Some(RougeError::Alpha(1.5)));
        assert!(with(&|c| c.alpha = f64::NAN).is_some());
        assert_eq!(with(&|c| c.types.clear()), Some(RougeError::NoTypes));
        assert_eq!(
            with(&|c| c.limit = Some(LengthLimit::Words(0))),
            Some(RougeError::ZeroLimit)
        );
        assert!(with(&|c| c.types = vec![RougeType::LSum]).is_some());
        let mut config = RougeConfig::rouge_score();
        config.types.push(RougeType::SU(4));
        assert!(Rouge::new(config).is_err());
        assert!(Rouge::new(RougeConfig::rouge_score()).is_ok());
    }

    #[test]
    fn no_references_scores_zero() {
        for config in [RougeConfig::rouge_score(), RougeConfig::rouge155()] {
            let rouge = Rouge::new(config).unwrap_or_else(|e| panic!("{e}"));
            for (_, score) in rouge.score("some text", &[]) {
                assert_eq!(score, Score::default());
            }
        }
    }
}
