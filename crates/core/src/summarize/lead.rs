//! Lead baseline: the first sentences of each article, taken round-robin
//! across documents (lead sentence of every document, then the second, ...).
//! The standard multi-document news baseline (e.g. Fabbri et al., 2019).

use super::{uncancelled, Summarizer};
use crate::cancel::Deadline;
use crate::error::Result;
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;
use crate::select::{build_summary, eligible, take_in_order, SelectionConfig};

/// Round-robin lead sentences.
#[derive(Debug, Clone, Default)]
pub struct Lead {
    /// Selection settings (length limits, redundancy).
    pub selection: SelectionConfig,
}

impl Summarizer for Lead {
    fn name(&self) -> &'static str {
        "lead"
    }

    fn summarize(&self, p: &PreparedCluster<'_>, budget: Budget) -> Summary {
        uncancelled(
            self.summarize_within(p, budget, &Deadline::none()),
            p,
            self.name(),
            budget,
        )
    }

    fn summarize_within(
        &self,
        p: &PreparedCluster<'_>,
        budget: Budget,
        deadline: &Deadline,
    ) -> Result<Summary> {
        let p = &*crate::bounds::ranked(p);
        deadline.check()?;
        let mut order = eligible(p, &self.selection);
        deadline.check()?;
        order.sort_by_key(|&i| (p.sentences[i].position, p.sentences[i].doc));
        let scores: Vec<f64> = p
            .sentences
            .iter()
            .map(|s| 1.0 / (1.0 + s.position as f64))
            .collect();
        let picked = take_in_order(p, &order, &scores, budget, &self.selection);
        deadline.check()?;
        Ok(build_summary(p, self.name(), budget, picked))
    }
}
