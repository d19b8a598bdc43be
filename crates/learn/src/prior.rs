//! The general worth of a term ([`TermPrior`]): over training clusters,
//! how often a reference keeps a term its articles use, as smoothed
//! log-odds, with the term's commonness (log of the share of clusters that
//! use it). Terms seen in fewer than [`MIN_CLUSTERS`] clusters are left to
//! the default, which keeps the table small and its estimates stable.

use brief_core::learn::concepts::TermPrior;
use brief_core::text::Analyzer;
use brief_core::Cluster;
use rustc_hash::{FxHashMap, FxHashSet};

/// Clusters a term must occur in to get an entry.
pub const MIN_CLUSTERS: u32 = 10;
/// Pseudo-count of the smoothing towards the overall rate.
const SMOOTHING: f64 = 5.0;

/// Counts gathered over clusters.
#[derive(Debug, Clone, Default)]
pub struct PriorCounts {
    /// Clusters counted.
    pub clusters: u32,
    /// term → (clusters whose articles use it, of those whose reference keeps it).
    pub terms: FxHashMap<String, (u32, u32)>,
}

impl PriorCounts {
    /// Counts one cluster (its first reference; clusters without one are
    /// skipped).
    pub fn add(&mut self, cluster: &Cluster, analyzer: &Analyzer) {
        let Some(reference) = cluster.references.first() else {
            return;
        };
        let mut input: FxHashSet<String> = FxHashSet::default();
        for d in &cluster.documents {
            analyzer.for_each_term(&d.text, |t| {
                if !input.contains(t) {
                    input.insert(t.to_owned());
                }
            });
        }
        let mut kept: FxHashSet<String> = FxHashSet::default();
        analyzer.for_each_term(reference, |t| {
            if input.contains(t) && !kept.contains(t) {
                kept.insert(t.to_owned());
            }
        });
        self.clusters += 1;
        for t in input {
            let keep = kept.contains(&t);
            let entry = self.terms.entry(t).or_insert((0, 0));
            entry.0 += 1;
            entry.1 += u32::from(keep);
        }
    }

    /// Adds another set of counts.
    pub fn merge(&mut self, other: PriorCounts) {
        self.clusters += other.clusters;
        for (t, (a, b)) in other.terms {
            let entry = self.terms.entry(t).or_insert((0, 0));
            entry.0 += a;
            entry.1 += b;
        }
    }

    /// The smoothed prior.
    pub fn prior(&self) -> TermPrior {
        let (used, kept) = self.terms.values().fold((0u64, 0u64), |(u, k), &(a, b)| {
            (u + u64::from(a), k + u64::from(b))
        });
        let rate = if used == 0 {
            0.5
        } else {
            (kept as f64 / used as f64).clamp(1e-4, 1.0 - 1e-4)
        };
        let logit = |p: f64| (p / (1.0 - p)).ln();
        let clusters = f64::from(self.clusters.max(1));
        let terms = self
            .terms
            .iter()
            .filter(|(_, &(used, _))| used >= MIN_CLUSTERS)
            .map(|(t, &(used, kept))| {
                let p = (f64::from(kept) + SMOOTHING * rate) / (f64::from(used) + SMOOTHING);
                let commonness = (f64::from(used) / clusters).ln();
                (t.clone(), (round(logit(p)), round(commonness)))
            })
            .collect();
        TermPrior {
            default_logit: round(logit(rate)),
            terms,
        }
    }
}

/// Three decimals: enough for a feature, and a smaller model file.
fn round(x: f64) -> f32 {
    ((x * 1000.0).round() / 1000.0) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_terms_get_higher_log_odds_than_dropped_ones() {
        let analyzer = Analyzer::english();
        let mut counts = PriorCounts::default();
        for _ in 0..20 {
            let mut c = Cluster::new(
                "c",
                vec![brief_core::Document::new(
                    "d0",
                    "Police arrested the suspect, officials said.",
                )],
            );
            c.references.push("Police arrested a suspect.".into());
            counts.add(&c, &analyzer);
        }
        let prior = counts.prior();
        let (police, common) = prior.get("polic");
        let (said, _) = prior.get("offici");
        assert!(
            police > prior.default_logit && said < prior.default_logit,
            "{police} {said}"
        );
        assert_eq!(common, 0.0);
        assert_eq!(prior.get("unseen"), (prior.default_logit, 0.0));
    }
}
