//! # brief-learn
//!
//! Learns the weights of brief's content selection from clusters with
//! reference summaries.
//!
//! - [`data`]: training clusters read line by line, gzip'd or not.
//! - [`boilerplate`]: page furniture, the sentences many clusters share.
//! - [`prior`]: the general worth of terms, from many clusters.
//! - [`labels`]: which concepts the references keep.
//! - [`oracle`]: which sentences an oracle picks, and which states the news.
//! - [`train`]: the whole run, from a file of clusters to a model.
//! - [`gbdt`]: gradient-boosted regression trees on histograms, writing
//!   brief-core's [`brief_core::learn::forest::Forest`].

pub mod boilerplate;
pub mod data;
pub mod gbdt;
pub mod labels;
pub mod oracle;
pub mod prior;
pub mod train;
