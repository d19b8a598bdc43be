//! The DUC 2007 update task, scored side by side with the official systems.
//!
//! For each topic, set A is summarized with no history, B for a reader who
//! has read A, C for one who has read A and B ([`Summarization::update`]),
//! 100 words cut exactly. Every summary — brief's update, brief's generic
//! summary of the new documents alone, and each official system's from
//! `peers/` — is scored the same way: the DUC 2005–2007 setting of
//! ROUGE-1.5.5, `-n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 100`,
//! recall of ROUGE-2 and ROUGE-SU4, jackknifed over the models (each model
//! left out in turn, the candidate scored against the others with `-f A`,
//! the scores averaged), as the script does with several models.

use brief_core::{Budget, Cluster, Document, Pipeline, Summarization, UpdateSettings};
use brief_io::duc2007::UpdateTopic;
use brief_rouge::{LengthLimit, MultiRef, Rouge, RougeConfig, RougeType};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// R-2 and SU4 recall of one summary, or a mean of several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Recall {
    /// ROUGE-2 recall.
    pub rouge2: f64,
    /// ROUGE-SU4 recall.
    pub su4: f64,
}

impl Recall {
    fn mean(values: &[Recall]) -> Recall {
        let n = values.len().max(1) as f64;
        Recall {
            rouge2: values.iter().map(|r| r.rouge2).sum::<f64>() / n,
            su4: values.iter().map(|r| r.su4).sum::<f64>() / n,
        }
    }
}

/// The scores of one set label (A, B or C) over all topics.
#[derive(Debug, Clone, Serialize)]
pub struct SetReport {
    /// The set's letter.
    pub label: String,
    /// Topics scored.
    pub topics: usize,
    /// brief's update summary (A: no history).
    pub update: Recall,
    /// brief's default summary of the new documents alone (no history, no query).
    pub generic: Recall,
    /// Each official system (numeric peer id), mean over the topics.
    pub peers: BTreeMap<u32, Recall>,
}

impl SetReport {
    /// The system with the best mean R-2 (ties: the lower id).
    pub fn best_peer(&self) -> Option<(u32, Recall)> {
        self.peers
            .iter()
            .max_by(|a, b| a.1.rouge2.total_cmp(&b.1.rouge2).then(b.0.cmp(a.0)))
            .map(|(&id, &r)| (id, r))
    }

    /// How many official systems score above brief's update summary on R-2.
    pub fn peers_above(&self) -> usize {
        self.peers
            .values()
            .filter(|r| r.rouge2 > self.update.rouge2)
            .count()
    }
}

/// The scorer of the DUC 2005–2007 setting (see the module docs).
pub fn duc2007_rouge() -> Rouge {
    let config = RougeConfig {
        types: vec![RougeType::N(2), RougeType::SU(4)],
        limit: Some(LengthLimit::Words(100)),
        multi_ref: MultiRef::Average,
        ..RougeConfig::rouge155()
    };
    // The configuration is fixed and valid.
    Rouge::new(config).unwrap_or_else(|_| unreachable!("valid ROUGE settings"))
}

/// Jackknifed R-2 and SU4 recall of `candidate` against `models`.
pub fn jackknifed(rouge: &Rouge, candidate: &str, models: &[&str]) -> Recall {
    let score = |refs: &[&str]| {
        let scores = rouge.score(candidate, refs);
        let get = |t: RougeType| {
            scores
                .iter()
                .find(|(k, _)| *k == t)
                .map_or(0.0, |(_, s)| s.recall)
        };
        Recall {
            rouge2: get(RougeType::N(2)),
            su4: get(RougeType::SU(4)),
        }
    };
    if models.len() < 2 {
        return score(models);
    }
    let subsets: Vec<Recall> = (0..models.len())
        .map(|left_out| {
            let refs: Vec<&str> = models
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != left_out)
                .map(|(_, m)| *m)
                .collect();
            score(&refs)
        })
        .collect();
    Recall::mean(&subsets)
}

/// What brief wrote for one set of one topic.
#[derive(Debug, Clone, Serialize)]
pub struct SetSummaries {
    /// The topic id.
    pub topic: String,
    /// The set's letter.
    pub label: String,
    /// The update summary, one sentence per line.
    pub update: String,
    /// The generic summary of the new documents alone.
    pub generic: String,
}

/// How brief summarizes in the evaluation.
#[derive(Debug, Clone)]
pub struct UpdateEvalSettings {
    /// The summary settings (budget 100 words, cut, by default).
    pub summary: Summarization,
    /// The history settings.
    pub update: UpdateSettings,
    /// Use each topic's narrative as the query.
    pub narrative_query: bool,
}

impl Default for UpdateEvalSettings {
    fn default() -> Self {
        UpdateEvalSettings {
            summary: Summarization {
                budget: Budget::Words(100),
                cut: true,
                ..Summarization::default()
            },
            update: UpdateSettings::default(),
            narrative_query: true,
        }
    }
}

/// brief's summaries of every set of every topic (see the module docs).
pub fn summarize_topics(
    topics: &[UpdateTopic],
    settings: &UpdateEvalSettings,
) -> Vec<SetSummaries> {
    let jobs: Vec<(usize, usize)> = topics
        .iter()
        .enumerate()
        .flat_map(|(t, topic)| (0..topic.sets.len()).map(move |s| (t, s)))
        .collect();
    jobs.par_iter()
        .map(|&(t, s)| {
            let topic = &topics[t];
            let set = &topic.sets[s];
            let mut summary = settings.summary.clone();
            if settings.narrative_query {
                let question = format!("{} {}", topic.title, topic.narrative);
                summary.query =
                    brief_core::summarize::Query::new(&question).map(std::sync::Arc::new);
            }
            let history: Vec<Document> = topic.sets[..s]
                .iter()
                .flat_map(|earlier| earlier.documents.iter().cloned())
                .collect();
            let new_docs = set.documents.len();
            let mut documents = set.documents.clone();
            documents.extend(history);
            let id = format!("{}-{}", topic.id, set.label);
            let cluster = Cluster::new(id.clone(), documents);
            let pipeline = Pipeline::default();
            let update = match pipeline.prepare(&cluster) {
                Ok(p) => summary.update(&settings.update, &p, new_docs).join("\n"),
                Err(_) => String::new(),
            };
            let alone = Cluster::new(id, set.documents.clone());
            let generic_settings = Summarization {
                query: None,
                ..settings.summary.clone()
            };
            let generic = match (
                pipeline.prepare(&alone),
                generic_settings.summarizer(&Default::default()),
            ) {
                (Ok(p), Ok(summarizer)) => generic_settings.run(summarizer.as_ref(), &p).join("\n"),
                _ => String::new(),
            };
            SetSummaries {
                topic: topic.id.clone(),
                label: set.label.clone(),
                update,
                generic,
            }
        })
        .collect()
}

/// Scores `summaries` (from [`summarize_topics`]) and every official
/// system's, per set label.
pub fn score_sets(topics: &[UpdateTopic], summaries: &[SetSummaries]) -> Vec<SetReport> {
    let rouge = duc2007_rouge();
    let mut labels: Vec<String> = Vec::new();
    for topic in topics {
        for set in &topic.sets {
            if !labels.contains(&set.label) {
                labels.push(set.label.clone());
            }
        }
    }
    labels
        .into_iter()
        .map(|label| {
            let mut update = Vec::new();
            let mut generic = Vec::new();
            let mut peers: BTreeMap<u32, Vec<Recall>> = BTreeMap::new();
            let mut scored = 0;
            for topic in topics {
                let Some(set) = topic.sets.iter().find(|s| s.label == label) else {
                    continue;
                };
                let models: Vec<&str> = set.models.iter().map(|(_, m)| m.as_str()).collect();
                if models.is_empty() {
                    continue;
                }
                scored += 1;
                if let Some(ours) = summaries
                    .iter()
                    .find(|s| s.topic == topic.id && s.label == label)
                {
                    update.push(jackknifed(&rouge, &ours.update, &models));
                    generic.push(jackknifed(&rouge, &ours.generic, &models));
                }
                let systems: Vec<(u32, Recall)> = set
                    .peers
                    .par_iter()
                    .filter_map(|(who, text)| {
                        who.parse::<u32>()
                            .ok()
                            .map(|id| (id, jackknifed(&rouge, text, &models)))
                    })
                    .collect();
                for (id, r) in systems {
                    peers.entry(id).or_default().push(r);
                }
            }
            SetReport {
                label,
                topics: scored,
                update: Recall::mean(&update),
                generic: Recall::mean(&generic),
                // A system that skipped a topic is left out rather than
                // averaged over fewer topics.
                peers: peers
                    .into_iter()
                    .filter(|(_, v)| v.len() == scored)
                    .map(|(id, v)| (id, Recall::mean(&v)))
                    .collect(),
            }
        })
        .collect()
}

/// The report as a table: per set, brief's update and generic summaries,
/// system 40 (the best overall in DUC 2007), the best system on these
/// topics and set, and brief's rank among the systems.
pub fn table(reports: &[SetReport]) -> String {
    let mut out = String::new();
    out.push_str("set  topics  system                         R-2      SU4\n");
    for r in reports {
        let row = |out: &mut String, name: &str, x: Recall| {
            out.push_str(&format!(
                "{:<4} {:>6}  {:<28} {:>7.5}  {:>7.5}\n",
                r.label, r.topics, name, x.rouge2, x.su4
            ));
        };
        let update_name = if r.label == "A" {
            "brief update (no history)"
        } else {
            "brief update"
        };
        row(&mut out, update_name, r.update);
        row(&mut out, "brief generic (new docs only)", r.generic);
        if let Some(&p40) = r.peers.get(&40) {
            row(&mut out, "peer 40", p40);
        }
        if let Some((id, best)) = r.best_peer() {
            row(&mut out, &format!("best peer ({id})"), best);
        }
        let best_su4 = r
            .peers
            .iter()
            .max_by(|a, b| a.1.su4.total_cmp(&b.1.su4).then(b.0.cmp(a.0)));
        if let Some((id, best)) = best_su4 {
            row(&mut out, &format!("best peer by SU4 ({id})"), *best);
        }
        out.push_str(&format!(
            "{:<4} {:>6}  systems above brief on R-2: {} of {}\n",
            r.label,
            r.topics,
            r.peers_above(),
            r.peers.len()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jackknifing_averages_leave_one_out_scores() {
        let rouge = duc2007_rouge();
        let models = [
            "the cat sat on the mat",
            "a dog sat on the mat",
            "the cat ran",
        ];
        let r = jackknifed(&rouge, "the cat sat on the mat", &models);
        let by_hand: f64 = (0..3)
            .map(|k| {
                let refs: Vec<&str> = (0..3).filter(|&j| j != k).map(|j| models[j]).collect();
                rouge.score("the cat sat on the mat", &refs)[0].1.recall
            })
            .sum::<f64>()
            / 3.0;
        assert!((r.rouge2 - by_hand).abs() < 1e-12);
        assert!(r.rouge2 > 0.0 && r.su4 > 0.0);
    }
}
