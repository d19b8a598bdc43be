//! Scoring summaries made by any system against references, matched by id.
//!
//! Candidates, one JSON object per line, any of:
//! - `{"id": "c1", "summary": "Text of the summary."}` — sentences split by
//!   line breaks if it has any, else by brief's segmenter;
//! - `{"id": "c1", "sentences": ["First.", "Second."]}`;
//! - brief's own `summarize --format json` output (`cluster_id` and `items`).
//!
//! References, one JSON object per line, either
//! `{"id": "c1", "references": ["Human summary.", ...]}` or brief's cluster
//! format (`documents` are ignored). A line that is neither is reported with
//! its `file:line` and skipped.

use crate::dataset::Problem;
use crate::report::{aggregate, MetricReport, Resampling};
use crate::runner::{sentences_per_line, BootstrapSettings};
use brief_rouge::{Rouge, RougeConfig};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One system summary to score.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Cluster id.
    pub id: String,
    /// The summary, one sentence per line.
    pub text: String,
}

#[derive(Deserialize)]
struct RawItem {
    text: String,
}

#[derive(Deserialize)]
struct RawCandidate {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    cluster_id: Option<serde_json::Value>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    sentences: Option<Vec<String>>,
    #[serde(default)]
    items: Option<Vec<RawItem>>,
}

#[derive(Deserialize)]
struct RawReferences {
    #[serde(default)]
    id: Option<serde_json::Value>,
    references: Vec<String>,
}

fn id_of(v: Option<serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

fn lines(content: &str) -> impl Iterator<Item = (usize, &str)> {
    content
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
}

fn problem(file: &str, line: usize, message: impl std::fmt::Display) -> Problem {
    Problem {
        origin: format!("{file}:{line}"),
        message: format!("{file}:{line}: {message}"),
    }
}

/// Parses candidate summaries (see the module docs); `file` names the source
/// in problems.
pub fn parse_candidates(file: &str, content: &str) -> (Vec<Candidate>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in lines(content) {
        let raw: RawCandidate = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                problems.push(problem(file, n, format_args!("malformed summary: {e}")));
                continue;
            }
        };
        let Some(id) = id_of(raw.id).or_else(|| id_of(raw.cluster_id)) else {
            problems.push(problem(file, n, "summary without an \"id\""));
            continue;
        };
        let text = match (raw.summary, raw.sentences, raw.items) {
            (Some(s), None, None) => sentences_per_line(&s, true),
            (None, Some(s), None) => s.join("\n"),
            (None, None, Some(items)) => items
                .into_iter()
                .map(|i| i.text)
                .collect::<Vec<_>>()
                .join("\n"),
            _ => {
                problems.push(problem(
                    file,
                    n,
                    "a summary needs exactly one of \"summary\", \"sentences\" or \"items\"",
                ));
                continue;
            }
        };
        out.push(Candidate { id, text });
    }
    (out, problems)
}

/// Parses references (see the module docs): `(id, references)` per line.
pub fn parse_references(file: &str, content: &str) -> (Vec<(String, Vec<String>)>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in lines(content) {
        match serde_json::from_str::<RawReferences>(line) {
            Ok(raw) => match id_of(raw.id) {
                Some(id) if !raw.references.is_empty() => out.push((id, raw.references)),
                Some(id) => {
                    problems.push(problem(file, n, format_args!("{id}: empty \"references\"")))
                }
                None => problems.push(problem(file, n, "references without an \"id\"")),
            },
            Err(e) => problems.push(problem(file, n, format_args!("malformed references: {e}"))),
        }
    }
    (out, problems)
}

/// Scores of matched summaries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    /// Summaries scored (matched with references by id).
    pub scored: usize,
    /// Reference ids with no summary.
    pub missing: Vec<String>,
    /// Summary ids with no references.
    pub unmatched: Vec<String>,
    /// Ids given twice (the first one is used).
    pub duplicates: Vec<String>,
    /// Means with confidence intervals.
    pub metrics: Vec<MetricReport>,
    /// Each scored summary's scores, in the order of `metrics`.
    pub items: Vec<ItemScores>,
}

/// The scores of one summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemScores {
    /// The cluster id.
    pub id: String,
    /// One score per measure, in the order of [`ScoreReport::metrics`].
    pub scores: Vec<brief_rouge::Score>,
}

impl ScoreReport {
    /// The index of `metric` (`rouge1`, `rouge2`, ...) among the measures.
    pub fn metric_index(&self, metric: &str) -> Option<usize> {
        self.metrics.iter().position(|m| m.metric == metric)
    }
}

/// Scores each candidate against the references with the same id.
pub fn score_candidates(
    candidates: &[Candidate],
    references: &[(String, Vec<String>)],
    rouge: &RougeConfig,
    split_references: bool,
    bootstrap: &BootstrapSettings,
) -> Result<ScoreReport, brief_rouge::RougeError> {
    let scorer = Rouge::new(rouge.clone())?;
    let mut duplicates = Vec::new();
    let mut by_id: HashMap<&str, &Candidate> = HashMap::new();
    for c in candidates {
        if by_id.insert(c.id.as_str(), c).is_some() {
            duplicates.push(c.id.clone());
        }
    }
    // The first summary of an id wins.
    for c in candidates.iter().rev() {
        by_id.insert(c.id.as_str(), c);
    }
    let mut seen_refs = std::collections::HashSet::new();
    let mut pairs: Vec<(&Candidate, &Vec<String>)> = references
        .iter()
        .filter(|(id, _)| seen_refs.insert(id.as_str()))
        .filter_map(|(id, refs)| by_id.get(id.as_str()).map(|c| (*c, refs)))
        .collect();
    let rouge155 = rouge.profile == brief_rouge::Profile::Rouge155;
    if rouge155 {
        // ROUGE-1.5.5 resamples its evaluations in the order of their sorted ids.
        pairs.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    }
    let missing = references
        .iter()
        .filter(|(id, _)| !by_id.contains_key(id.as_str()))
        .map(|(id, _)| id.clone())
        .collect();
    let ref_ids: std::collections::HashSet<&str> =
        references.iter().map(|(id, _)| id.as_str()).collect();
    let unmatched = candidates
        .iter()
        .filter(|c| !ref_ids.contains(c.id.as_str()))
        .map(|c| c.id.clone())
        .collect();
    let per_pair: Vec<Vec<brief_rouge::Score>> = pairs
        .par_iter()
        .map(|(c, refs)| {
            let refs: Vec<String> = refs
                .iter()
                .map(|r| sentences_per_line(r, split_references))
                .collect();
            let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
            scorer
                .score(&c.text, &refs)
                .into_iter()
                .map(|(_, s)| s)
                .collect()
        })
        .collect();
    let resampling = Resampling {
        resamples: bootstrap.resamples,
        confidence: bootstrap.confidence,
        seed: bootstrap.seed,
        rouge155,
    };
    let metrics = aggregate(&rouge.types, &per_pair, &resampling);
    let items = pairs
        .iter()
        .zip(per_pair)
        .map(|((c, _), scores)| ItemScores {
            id: c.id.clone(),
            scores,
        })
        .collect();
    Ok(ScoreReport {
        scored: pairs.len(),
        missing,
        unmatched,
        duplicates,
        metrics,
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidate_formats() {
        let content = r#"{"id": "a", "summary": "One here. Two there."}
{"id": 7, "sentences": ["First.", "Second."]}
{"cluster_id": "c", "algorithm": "lexrank", "items": [{"text": "X.", "doc": 0}]}
{"id": "d"}
{"summary": "no id"}
not json
"#;
        let (c, p) = parse_candidates("s.jsonl", content);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].text, "One here.\nTwo there.");
        assert_eq!(c[1].id, "7");
        assert_eq!(c[1].text, "First.\nSecond.");
        assert_eq!(c[2].id, "c");
        let origins: Vec<&str> = p.iter().map(|p| p.origin.as_str()).collect();
        assert_eq!(origins, ["s.jsonl:4", "s.jsonl:5", "s.jsonl:6"]);
    }

    #[test]
    fn references_in_both_formats_and_matching() {
        let refs = r#"{"id": "a", "references": ["One here."]}
{"id": "b", "documents": [{"text": "Doc."}], "references": ["Ref b."]}
{"id": "c", "references": []}
"#;
        let (r, p) = parse_references("r.jsonl", refs);
        assert_eq!(r.len(), 2);
        assert_eq!(p.len(), 1);
        let cands = vec![
            Candidate {
                id: "a".into(),
                text: "One here.".into(),
            },
            Candidate {
                id: "z".into(),
                text: "Other.".into(),
            },
        ];
        let report = score_candidates(
            &cands,
            &r,
            &RougeConfig::rouge_score(),
            true,
            &BootstrapSettings::default(),
        )
        .expect("valid config");
        assert_eq!(report.scored, 1);
        assert_eq!(report.missing, ["b"]);
        assert_eq!(report.unmatched, ["z"]);
        assert!((report.metrics[0].fmeasure.mid - 1.0).abs() < 1e-12);
    }
}
