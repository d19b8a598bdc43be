//! Summarizers: one algorithm per module, all behind [`Summarizer`], all
//! returning the same [`Summary`] with provenance.
//!
//! Each summarizer scores sentences its own way and then selects through the
//! shared [`crate::select`] step (budget, the redundancy stage's filter,
//! source order). [`summarize_cut`] fills any summarizer's summary to the
//! budget and cuts the last sentence, the DUC way.

use crate::cancel::Deadline;
use crate::error::Result;
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
pub use cut::{summarize_cut, summarize_cut_within};
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

    /// [`Summarizer::summarize`] that stops with
    /// [`crate::Error::Cancelled`] once `deadline` has passed. The
    /// summarizers of this crate check it in their loops; the default checks
    /// it only before starting.
    fn summarize_within(
        &self,
        cluster: &PreparedCluster<'_>,
        budget: Budget,
        deadline: &Deadline,
    ) -> Result<Summary> {
        deadline.check()?;
        Ok(self.summarize(cluster, budget))
    }
}

/// The summary of a run under [`Deadline::none`], which cannot be
/// cancelled; an empty summary if it somehow was.
pub(crate) fn uncancelled(
    result: Result<Summary>,
    p: &PreparedCluster<'_>,
    name: &str,
    budget: Budget,
) -> Summary {
    result.unwrap_or_else(|_| crate::select::build_summary(p, name, budget, Vec::new()))
}
