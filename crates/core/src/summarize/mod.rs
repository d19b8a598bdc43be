//! Summarizers: one algorithm per module, all behind [`Summarizer`], all
//! returning the same [`Summary`] with provenance.
//!
//! Each summarizer scores sentences its own way and then selects through the
//! shared [`crate::select`] step (budget, the redundancy stage's filter,
//! source order). [`summarize_cut`] fills any summarizer's summary to the
//! budget and cuts the last sentence, the DUC way.

use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;

pub mod centroid;
pub mod concepts;
pub mod coverage;
pub mod cut;
pub mod explain;
pub mod graph;
pub mod ilp;
pub mod lead;
pub mod lexrank;
pub mod mmr;
pub mod query;
pub mod semantic;
pub mod submodular;
pub mod textrank;
pub mod update;

pub use centroid::Centroid;
pub use cut::summarize_cut;
pub use ilp::Ilp;
pub use lead::Lead;
pub use lexrank::LexRank;
pub use mmr::Mmr;
pub use query::Query;
pub use semantic::Semantic;
pub use submodular::Submodular;
pub use textrank::TextRank;
pub use update::Update;

/// An extractive summarizer of a prepared cluster.
pub trait Summarizer: Send + Sync {
    /// The algorithm's registry name.
    fn name(&self) -> &'static str;

    /// A summary of `cluster` within `budget`.
    fn summarize(&self, cluster: &PreparedCluster<'_>, budget: Budget) -> Summary;
}
