//! Settings of the stream commands, one type per command, shared by every
//! front end: [`ClusterConfig`] (`brief cluster`, `brief_nlp.cluster`) and
//! [`StoriesConfig`] (`brief stories`: the clustering plus the summarizer).
//!
//! Both read and write JSON (serde): a field left out takes its default and
//! an unknown field is an error. `validate` checks ranges and names the bad
//! field. The CLI's flags and Python's keyword arguments start from
//! [`Default`] and change single fields, with the "0 turns it off"
//! conventions of [`ClusterConfig::set_window_days`],
//! [`ClusterConfig::set_idle_articles`] and
//! [`ClusterConfig::set_dedup_threshold`], so the defaults are the same
//! everywhere.

use crate::dedup::DedupConfig;
use crate::{Error, Result};
use brief_core::{Cluster, Document, Summarization, SummarizeSettings, Summary};
use serde::{Deserialize, Serialize};

/// Seconds in a day, for windows given in days.
pub(crate) const SECONDS_PER_DAY: f64 = 86_400.0;

/// Settings of the [`StoryClusterer`](crate::StoryClusterer); the defaults were chosen on development streams.
///
/// On the development streams (Giveme5W1H events, Multi-News and DUC 2003
/// clusters) the whole text describes an article better than its first few
/// sentences, and labelled events span months to years, so by default no
/// time window closes stories and copies are remembered without a time
/// limit: memory is bounded by [`max_active_stories`](Self::max_active_stories),
/// [`idle_articles`](Self::idle_articles) and
/// [`DedupConfig::max_articles`] instead. The defaults were picked on a mix
/// of those streams (10 to 5,622 stories), not on any one of them.
///
/// ```
/// use brief_stream::ClusterConfig;
/// let config: ClusterConfig = serde_json::from_str(r#"{"threshold": 0.25, "dedup": null}"#).unwrap();
/// assert_eq!(config.threshold, 0.25);
/// assert_eq!(config.dedup, None);
/// assert_eq!(config.lead_words, ClusterConfig::default().lead_words);
/// assert!(serde_json::from_str::<ClusterConfig>(r#"{"treshold": 0.25}"#).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClusterConfig {
    /// Similarity to a story needed to join it, in [0, 1], with few stories
    /// open (see [`scale_penalty`](Self::scale_penalty)). Default 0.18.
    pub threshold: f64,
    /// Extra weight of a term that appears in the title, ≥ 0. Default 2.
    pub title_weight: f64,
    /// Multiplier of a term seen capitalized inside a sentence (a name), ≥ 1. Default 1.5.
    pub entity_boost: f64,
    /// Words of the text (from its start) that describe the article, > 0. Default 1,000.
    pub lead_words: usize,
    /// Days without a new article after which a story closes (dated streams
    /// only), or `None` (the default) to keep stories open. Also the window
    /// of copy detection unless [`DedupConfig::window_secs`] sets one.
    pub window_days: Option<f64>,
    /// Most stories open at once, > 0; beyond it the least recently updated
    /// closes. Default 20,000.
    pub max_active_stories: usize,
    /// Articles without a new member after which a story closes, or `None`:
    /// bounds memory on streams without dates. Default 50,000.
    pub idle_articles: Option<u64>,
    /// Highest-weighted article terms used to look up candidate stories, > 0. Default 20.
    pub candidate_terms: usize,
    /// Near-duplicate detection, or `None` to treat every article as new.
    /// Default: [`DedupConfig::default`].
    pub dedup: Option<DedupConfig>,
    /// A sentence already seen in this many earlier articles is page
    /// boilerplate and left out (0 keeps every sentence). Default 2.
    pub boilerplate_articles: u32,
    /// Exponent of a story's coherence (centroid norm over the sum of its
    /// members' norms) multiplying the centroid cosine: 0 compares to the
    /// centroid alone, 1 gives the group-average similarity to the members.
    /// Default 0.75.
    pub coherence_exponent: f64,
    /// Words at the start of the text that count twice (the opening says
    /// what happened). Default 40.
    pub opening_words: usize,
    /// Rise of the threshold per unit of `ln(1 + open stories / 100)`, ≥ 0. Default 0.01.
    pub scale_penalty: f64,
    /// A closing story is split in two when the halves' average cross
    /// similarity is below this fraction of their own average similarities
    /// ([`crate::split`]); 0 never splits. Default 0.6.
    pub split_ratio: f64,
    /// Fewest members of a part split off a story (taken as 2 when lower). Default 2.
    pub split_min_members: usize,
    /// Lower similarity, in [0, 1], at which an article still joins a story
    /// that is a clear winner (see [`clear_margin`](Self::clear_margin)).
    /// Default 0.12.
    pub clear_threshold: f64,
    /// How many times the next best story's similarity the best must reach
    /// to join at [`clear_threshold`](Self::clear_threshold), ≥ 1: an article
    /// that only one story resembles belongs there even when the
    /// resemblance is weak (a late article with new details). Default 2.
    pub clear_margin: f64,
    /// Share of the similarity given to meaning when a short item (a
    /// headline, a teaser: fewer than [`short_item_words`](Self::short_item_words)
    /// words of text) and a story both carry sentence embeddings
    /// ([`Article::embedding`](crate::Article::embedding)), in [0, 1]: the
    /// similarity is `(1 − w) · words + w · meaning`, where meaning is the
    /// cosine to the story's mean embedding rescaled from
    /// [`embedding_floor`](Self::embedding_floor)..1 to 0..1. Items without
    /// embeddings are compared by words alone. Default 0.5 (on the UCI
    /// headline dev feed with the headline settings: B-cubed F1 0.84
    /// against 0.80 by words alone).
    pub embedding_weight: f64,
    /// The same share for an item with body text (at least
    /// [`short_item_words`](Self::short_item_words) words). Default 0: on
    /// the full-text dev streams meaning did not help (Giveme5W1H 0.935
    /// and Multi-News 0.903 by words alone; 0.90 and 0.86 to 0.90 with
    /// weights 0.1 to 0.5), as an article's words already say what it is
    /// about. Stories still keep their articles' mean embedding, which
    /// short items are compared to.
    pub embedding_weight_articles: f64,
    /// Words of text (after boilerplate) below which an item is short:
    /// a headline or a teaser rather than an article. Default 20: headlines
    /// run up to about 20 words (17 at most in the UCI dev feed), while
    /// Multi-News items of 20 to 40 words are page stubs, whose embeddings
    /// misled (Multi-News dev 0.898 at 25, 0.903 at 20).
    pub short_item_words: usize,
    /// Embedding cosine that counts as no resemblance, in [0, 1): unrelated
    /// news articles are not orthogonal in an embedding space (their
    /// cosines spread around 0.1 to 0.3 for all-MiniLM-L6-v2). Default 0.3.
    pub embedding_floor: f64,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            threshold: 0.18,
            title_weight: 2.0,
            entity_boost: 1.5,
            lead_words: 1000,
            window_days: None,
            max_active_stories: 20_000,
            idle_articles: Some(50_000),
            candidate_terms: 20,
            dedup: Some(DedupConfig::default()),
            boilerplate_articles: 2,
            coherence_exponent: 0.75,
            opening_words: 40,
            scale_penalty: 0.01,
            split_ratio: 0.6,
            split_min_members: 2,
            clear_threshold: 0.12,
            clear_margin: 2.0,
            embedding_weight: 0.5,
            embedding_weight_articles: 0.0,
            short_item_words: 20,
            embedding_floor: 0.3,
        }
    }
}

impl ClusterConfig {
    /// Settings for feeds that carry only headlines (`brief cluster
    /// --headlines`): the other settings' defaults with a lower bar to join
    /// and less weight on a story's coherence. A headline shares a few
    /// words with its story-mates, so its cosine to a story is a fraction
    /// of a full article's, and a story of many differently worded
    /// headlines has a low coherence however one-topic it is. Chosen on
    /// the UCI News Aggregator dev feed (`uci-headlines-dev.jsonl`, B-cubed
    /// F1 0.80 there against 0.45 with the defaults) from the middle of a
    /// plateau (threshold 0.02 to 0.04, split ratio 0.2 to 0.4 all scored
    /// 0.78 to 0.81), not its peak; a stream of full articles keeps the
    /// defaults.
    pub fn headlines() -> Self {
        ClusterConfig {
            threshold: 0.03,
            clear_threshold: 0.01,
            clear_margin: 3.0,
            coherence_exponent: 0.25,
            scale_penalty: 0.03,
            split_ratio: 0.3,
            ..ClusterConfig::default()
        }
    }
}

impl ClusterConfig {
    /// The share of meaning in the similarity of an item whose text (after
    /// boilerplate) is `content`: [`embedding_weight`](Self::embedding_weight)
    /// for a short item, [`embedding_weight_articles`](Self::embedding_weight_articles)
    /// for one with body text.
    pub fn embedding_weight_for(&self, content: &str) -> f64 {
        let words = content
            .split_whitespace()
            .take(self.short_item_words)
            .count();
        if words < self.short_item_words {
            self.embedding_weight
        } else {
            self.embedding_weight_articles
        }
    }
}

/// Whether `x` is a finite number ≥ `min`.
fn at_least(x: f64, min: f64) -> bool {
    x >= min && x.is_finite()
}

impl ClusterConfig {
    /// Checks every setting's range; the error names the first bad field.
    pub fn validate(&self) -> Result<()> {
        let unit = [
            ("threshold", self.threshold),
            ("clear_threshold", self.clear_threshold),
            ("embedding_weight", self.embedding_weight),
            ("embedding_weight_articles", self.embedding_weight_articles),
        ];
        for (field, x) in unit {
            if !(0.0..=1.0).contains(&x) {
                return Err(Error::setting(
                    field,
                    format!("must lie in [0, 1], got {x}"),
                ));
            }
        }
        let bounded_below = [
            ("title_weight", self.title_weight, 0.0),
            ("entity_boost", self.entity_boost, 1.0),
            ("coherence_exponent", self.coherence_exponent, 0.0),
            ("scale_penalty", self.scale_penalty, 0.0),
            ("split_ratio", self.split_ratio, 0.0),
            ("clear_margin", self.clear_margin, 1.0),
        ];
        for (field, x, min) in bounded_below {
            if !at_least(x, min) {
                return Err(Error::setting(
                    field,
                    format!("must be a finite number ≥ {min}, got {x}"),
                ));
            }
        }
        if !(0.0..1.0).contains(&self.embedding_floor) {
            return Err(Error::setting(
                "embedding_floor",
                format!("must lie in [0, 1), got {}", self.embedding_floor),
            ));
        }
        let positive = [
            ("lead_words", self.lead_words),
            ("max_active_stories", self.max_active_stories),
            ("candidate_terms", self.candidate_terms),
        ];
        for (field, n) in positive {
            if n == 0 {
                return Err(Error::setting(field, "must be positive"));
            }
        }
        if self.idle_articles == Some(0) {
            return Err(Error::setting(
                "idle_articles",
                "must be positive (or null for none)",
            ));
        }
        if let Some(w) = self.window_days.filter(|&w| !(w > 0.0 && w.is_finite())) {
            return Err(Error::setting(
                "window_days",
                format!("must be a positive number of days (or null for none), got {w}"),
            ));
        }
        match &self.dedup {
            Some(d) => d.validate(),
            None => Ok(()),
        }
    }

    /// Sets [`window_days`](Self::window_days) from a number of days, 0
    /// meaning no window: the convention of `brief cluster --window-days`
    /// and of `brief_nlp.cluster(window_days=)`.
    pub fn set_window_days(&mut self, days: f64) {
        self.window_days = (days != 0.0).then_some(days);
    }

    /// Sets [`idle_articles`](Self::idle_articles), 0 meaning never (the
    /// convention of `--idle-articles` and `idle_articles=`).
    pub fn set_idle_articles(&mut self, articles: u64) {
        self.idle_articles = (articles != 0).then_some(articles);
    }

    /// Turns copy detection on at `threshold` (an estimated Jaccard
    /// similarity of word shingles), keeping the other [`DedupConfig`]
    /// settings, or off at 0 (the convention of `--dedup-threshold` and
    /// `dedup_threshold=`).
    pub fn set_dedup_threshold(&mut self, threshold: f64) {
        self.dedup = (threshold != 0.0).then(|| DedupConfig {
            threshold,
            ..self.dedup.take().unwrap_or_default()
        });
    }

    /// The copy-detection settings the clusterer runs with: [`dedup`](Self::dedup)
    /// with its window, when it sets none, taken from
    /// [`window_days`](Self::window_days).
    pub fn effective_dedup(&self) -> Option<DedupConfig> {
        let story_window = self.window_days.map(|d| (d * SECONDS_PER_DAY) as i64);
        self.dedup.clone().map(|d| DedupConfig {
            window_secs: d.window_secs.or(story_window),
            ..d
        })
    }
}

/// Settings of `brief stories`: how articles are clustered into stories and
/// how each closed story is summarized.
///
/// ```
/// use brief_stream::StoriesConfig;
/// let config: StoriesConfig = serde_json::from_str(
///     r#"{"summary": {"algorithm": "mmr", "words": 60}, "cluster": {"threshold": 0.2}}"#,
/// ).unwrap();
/// assert_eq!(config.summary.algorithm.as_deref(), Some("mmr"));
/// assert_eq!(config.cluster.threshold, 0.2);
/// assert!(config.validate().is_ok());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoriesConfig {
    /// The story clustering. Default: [`ClusterConfig::default`].
    pub cluster: ClusterConfig,
    /// Each story's summary: the settings of `brief summarize`
    /// ([`SummarizeSettings`]; default: the default summarizer, 100 words).
    pub summary: SummarizeSettings,
}

impl StoriesConfig {
    /// Checks every setting's range; the error names the first bad field
    /// (`cluster.…`, `summary.…`).
    pub fn validate(&self) -> Result<()> {
        self.cluster.validate().map_err(|e| match e {
            Error::InvalidSetting { field, reason } => Error::InvalidSetting {
                field: format!("cluster.{field}"),
                reason,
            },
            other => other,
        })?;
        self.summarization().map(|_| ())
    }

    /// The validated summary settings.
    pub fn summarization(&self) -> Result<Summarization> {
        self.summary.validate().map_err(|e| match e {
            brief_core::Error::InvalidParameter { name, reason } => {
                Error::setting(format!("summary.{name}"), reason)
            }
            other => Error::setting("summary", other.to_string()),
        })
    }

    /// The summary of closed story number `story` from its member
    /// `documents` (in stream order); the summarized cluster is named
    /// `story-N`.
    pub fn summarize(&self, story: u64, documents: Vec<Document>) -> brief_core::Result<Summary> {
        let cluster = Cluster::new(format!("story-{story}"), documents);
        let summarization = self.summary.validate()?;
        let summarizer = summarization.summarizer(&Default::default())?;
        let prepared = summarization.pipeline().prepare(&cluster)?;
        Ok(summarization.run(summarizer.as_ref(), &prepared))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_survive_json() {
        let config = ClusterConfig::default();
        let json = serde_json::to_string(&config).unwrap();
        assert_eq!(
            serde_json::from_str::<ClusterConfig>(&json).unwrap(),
            config
        );
        assert_eq!(serde_json::from_str::<ClusterConfig>("{}").unwrap(), config);
        let stories = StoriesConfig::default();
        let json = serde_json::to_string(&stories).unwrap();
        assert_eq!(
            serde_json::from_str::<StoriesConfig>(&json).unwrap(),
            stories
        );
        assert_eq!(
            serde_json::from_str::<StoriesConfig>("{}").unwrap(),
            stories
        );
        assert!(config.validate().is_ok() && stories.validate().is_ok());
    }

    #[test]
    fn unknown_fields_are_errors() {
        for json in [
            r#"{"treshold": 0.2}"#,
            r#"{"dedup": {"band": 3}}"#,
            r#"{"window_days": "soon"}"#,
        ] {
            assert!(
                serde_json::from_str::<ClusterConfig>(json).is_err(),
                "{json}"
            );
        }
        assert!(serde_json::from_str::<StoriesConfig>(r#"{"words": 3}"#).is_err());
    }

    #[test]
    fn errors_name_the_field() {
        let field_of = |config: ClusterConfig| match config.validate() {
            Err(Error::InvalidSetting { field, .. }) => field,
            other => panic!("{other:?}"),
        };
        let d = ClusterConfig::default;
        assert_eq!(
            field_of(ClusterConfig {
                threshold: 2.0,
                ..d()
            }),
            "threshold"
        );
        assert_eq!(
            field_of(ClusterConfig {
                entity_boost: 0.5,
                ..d()
            }),
            "entity_boost"
        );
        assert_eq!(
            field_of(ClusterConfig {
                window_days: Some(-1.0),
                ..d()
            }),
            "window_days"
        );
        assert_eq!(
            field_of(ClusterConfig {
                split_ratio: f64::NAN,
                ..d()
            }),
            "split_ratio"
        );
        let mut c = d();
        c.set_dedup_threshold(1.5);
        assert_eq!(field_of(c), "dedup.threshold");
        let stories = StoriesConfig {
            summary: SummarizeSettings {
                lambda: Some(3.0),
                ..SummarizeSettings::default()
            },
            ..StoriesConfig::default()
        };
        assert!(
            matches!(stories.validate(), Err(Error::InvalidSetting { field, .. }) if field == "summary.lambda")
        );
        let stories = StoriesConfig {
            cluster: ClusterConfig {
                lead_words: 0,
                ..d()
            },
            summary: SummarizeSettings {
                words: Some(0),
                ..SummarizeSettings::default()
            },
        };
        assert!(
            matches!(stories.validate(), Err(Error::InvalidSetting { field, .. }) if field == "cluster.lead_words")
        );
    }

    #[test]
    fn zero_turns_windows_and_copies_off() {
        let mut c = ClusterConfig::default();
        c.set_window_days(3.0);
        c.set_idle_articles(0);
        assert_eq!((c.window_days, c.idle_articles), (Some(3.0), None));
        assert_eq!(
            c.effective_dedup().and_then(|d| d.window_secs),
            Some(3 * 86_400),
            "copies are remembered as long as the story window"
        );
        c.set_window_days(0.0);
        assert_eq!(c.window_days, None);
        assert_eq!(c.effective_dedup().and_then(|d| d.window_secs), None);
        c.set_dedup_threshold(0.9);
        assert_eq!(c.dedup.as_ref().map(|d| d.threshold), Some(0.9));
        c.set_dedup_threshold(0.0);
        assert_eq!(c.dedup, None);
        c.set_dedup_threshold(0.7);
        assert_eq!(
            c.dedup,
            Some(DedupConfig {
                threshold: 0.7,
                ..DedupConfig::default()
            })
        );
    }
}
