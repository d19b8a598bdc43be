//! # brief-stream
//!
//! From a time-ordered stream of news articles to stories, in one pass and
//! bounded memory:
//!
//! 1. [`article`]: the stream's record ([`Article`]) and its date parsing.
//! 2. [`dedup`]: near-duplicate detection with MinHash and LSH banding
//!    ([`NearDuplicates`]): a reprint or wire copy joins its original's story.
//! 3. [`cluster`]: online single-pass story clustering ([`StoryClusterer`]):
//!    TF-IDF of title and lead with boosted names and repeated boilerplate
//!    left out, coherence-scaled cosine to story centroids, incrementally
//!    updated IDF, stories closing after a time window or an idle stretch.
//! 4. [`metrics`]: B-cubed, pairwise and NMI scores against gold labels.
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
pub mod cluster;
pub mod dedup;
pub mod error;
pub mod metrics;
pub mod split;

pub use article::{parse_timestamp, Article};
pub use cluster::{Assignment, ClusterConfig, StoryClusterer, StoryStats};
pub use dedup::{DedupConfig, NearDuplicates};
pub use error::{Error, Result};
pub use metrics::{score, Scores};
