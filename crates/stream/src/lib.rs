//! # brief-stream
//!
//! From a time-ordered stream of news articles to stories, in one pass and
//! bounded memory:
//!
//! 1. [`article`]: the stream's record ([`Article`]) and its date parsing.
//! 2. [`config`]: the settings of `brief cluster` ([`ClusterConfig`]) and
//!    `brief stories` ([`StoriesConfig`]), with serde and validation, shared
//!    by the CLI and the Python bindings.
//! 3. [`dedup`]: near-duplicate detection with MinHash and LSH banding
//!    ([`NearDuplicates`]): a reprint or wire copy joins its original's story.
//! 4. [`cluster`]: online single-pass story clustering ([`StoryClusterer`]),
//!    comparing words and, when articles carry sentence embeddings
//!    ([`embedding`]), meaning. It orchestrates private stages with one job each: `features` (title and
//!    lead → TF-IDF terms through brief-core's analyzer, names boosted,
//!    incrementally updated IDF), `boilerplate` (sentences repeated across
//!    articles left out), `index` (inverted index from terms to open stories,
//!    candidate ranking), `story` (centroid, coherence-scaled cosine, what a
//!    story becomes when it closes) and `lifecycle` (open stories, closing
//!    after a time window, an idle stretch or beyond a cap).
//! 5. [`split`]: a closing story that holds two stories is split.
//! 6. [`metrics`]: B-cubed, pairwise and NMI scores against gold labels.
//! 7. [`reader`]: JSONL article streams read line by line ([`StreamReader`]),
//!    bad lines reported with file and line and skipped.
//! 8. [`stories`]: closed stories with their articles ([`StoryStream`]),
//!    summarized into `brief stories`' records ([`SummarizedStory`]).
//!
//! An [`Article`] becomes a brief-core [`Document`](brief_core::Document)
//! for summarizing through `From` (in [`article`]), the one place the two
//! are converted.
//!
//! ```
//! use brief_stream::{Article, StoryClusterer, ClusterConfig};
//! let mut clusterer = StoryClusterer::new(ClusterConfig::default());
//! let a = Article::new("a", "Russia vetoed a UN resolution on Syria chemical weapons inquiry.");
//! let b = Article::new("b", "Russia vetoed the UN Syria resolution on a chemical weapons inquiry.");
//! let c = Article::new("c", "The Bank of Japan kept interest rates unchanged on Tuesday.");
//! let sa = clusterer.push(&a).unwrap().story;
//! let sb = clusterer.push(&b).unwrap().story;
//! let sc = clusterer.push(&c).unwrap().story;
//! assert_eq!(sa, sb);
//! assert_ne!(sa, sc);
//! ```

pub mod article;
mod boilerplate;
pub mod cluster;
pub mod config;
pub mod dedup;
pub mod embedding;
pub mod error;
mod features;
mod index;
mod lifecycle;
pub mod metrics;
pub mod reader;
pub mod split;
pub mod stories;
mod story;
pub mod updates;

pub use article::{parse_timestamp, Article};
pub use cluster::{Assignment, StoryClusterer, StoryStats};
pub use config::{ClusterConfig, StoriesConfig};
pub use dedup::{DedupConfig, NearDuplicates};
pub use embedding::{embed_articles, EMBEDDING_BATCH};
pub use error::{Error, Result};
pub use metrics::{score, Scores};
pub use reader::{LineError, StreamLine, StreamReader};
pub use stories::{ClosedStory, StoryStream, SummarizedStory};
pub use updates::{StoryUpdate, UpdateJob, UpdateStream};
