//! Maximal Marginal Relevance (Carbonell & Goldstein, 1998): repeatedly take
//! the sentence maximizing `λ·sim(s, topic) − (1−λ)·max sim(s, taken)`,
//! with the cluster's TF-IDF centroid as the topic.

use super::{uncancelled, Summarizer};
use crate::cancel::Deadline;
use crate::error::Result;
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;
use crate::redundancy::RedundancyFilter;
use crate::select::{build_summary, eligible, BudgetMeter, SelectionConfig};
use crate::similarity::{centroid, dot};

/// MMR settings.
#[derive(Debug, Clone)]
pub struct Mmr {
    /// Weight of relevance against novelty, in [0, 1].
    pub lambda: f64,
    /// Selection settings (length limits, redundancy).
    pub selection: SelectionConfig,
}

impl Default for Mmr {
    fn default() -> Self {
        Mmr {
            lambda: 0.7,
            selection: SelectionConfig::default(),
        }
    }
}

impl Summarizer for Mmr {
    fn name(&self) -> &'static str {
        "mmr"
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
        let vectors = super::centroid::sentence_vectors(p);
        let topic = centroid(&vectors);
        let relevance: Vec<f64> = vectors.iter().map(|v| dot(v, &topic)).collect();
        let filter = RedundancyFilter::new(p, self.selection.max_overlap);
        let mut meter = BudgetMeter::new(budget);
        let mut pool = eligible(p, &self.selection);
        // Highest similarity of each candidate to anything taken so far.
        let mut max_sim = vec![0.0f64; p.sentences.len()];
        let mut picked: Vec<(usize, f64)> = Vec::new();
        let mut taken: Vec<usize> = Vec::new();
        loop {
            deadline.check()?;
            pool.retain(|&i| meter.fits(p, i) && !filter.redundant(i, &taken));
            let best = pool
                .iter()
                .map(|&i| {
                    let mmr = self.lambda * relevance[i] - (1.0 - self.lambda) * max_sim[i];
                    (i, mmr)
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((i, score)) = best else { break };
            meter.take(p, i);
            picked.push((i, score));
            taken.push(i);
            for &j in &pool {
                max_sim[j] = max_sim[j].max(dot(&vectors[i], &vectors[j]));
            }
        }
        Ok(build_summary(p, self.name(), budget, picked))
    }
}
