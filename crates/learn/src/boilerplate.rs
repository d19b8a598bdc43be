//! Page furniture from many clusters: the sentences that stand word for
//! word in the documents of at least `min_clusters` clusters
//! ([`brief_core::text::boilerplate`]). Sentences are read as a summary
//! would quote them (after [`brief_core::Pipeline::prepare`] trims
//! datelines and credits), and a cluster counts once per sentence.

use crate::data::{for_each_batch, DataError};
use brief_core::text::boilerplate::{key_and_words, Boilerplate, MIN_WORDS};
use brief_core::{Cluster, Pipeline};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;

/// Clusters read per batch.
const BATCH: usize = 2_000;

/// What the pass found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BoilerplateReport {
    /// Clusters read.
    pub clusters: usize,
    /// Distinct sentences of [`MIN_WORDS`] words or more.
    pub distinct_sentences: usize,
    /// Sentences listed (found in `min_clusters` clusters or more).
    pub listed: usize,
    /// The most widespread listed sentences, with their clusters.
    pub most_widespread: Vec<(usize, String)>,
}

/// The furniture of the clusters of `path` (the first `max_clusters`, if
/// given): each sentence found in at least `min_clusters` of them. A
/// cluster that cannot be read or prepared goes to `on_error` and is
/// skipped.
pub fn boilerplate(
    path: &Path,
    min_clusters: usize,
    max_clusters: Option<usize>,
    on_error: &mut dyn FnMut(String),
) -> Result<(Boilerplate, BoilerplateReport), DataError> {
    let pipeline = Pipeline::default();
    let limit = max_clusters.unwrap_or(usize::MAX);
    let min_clusters = min_clusters.max(2) as u32;
    let mut counts: HashMap<u64, u32> = HashMap::default();
    let mut examples: HashMap<u64, String> = HashMap::default();
    let mut report = BoilerplateReport::default();
    for_each_batch(path, BATCH, |batch| {
        let mut clusters: Vec<Cluster> = Vec::new();
        for c in batch {
            if report.clusters + clusters.len() >= limit {
                break;
            }
            match c {
                Ok(c) => clusters.push(c),
                Err(e) => on_error(e.to_string()),
            }
        }
        let keyed: Vec<Result<Vec<(u64, String)>, String>> = clusters
            .par_iter()
            .map(|c| cluster_sentences(c, &pipeline))
            .collect();
        report.clusters += clusters.len();
        for sentences in keyed {
            let sentences = match sentences {
                Ok(s) => s,
                Err(e) => {
                    on_error(e);
                    continue;
                }
            };
            for (key, text) in sentences {
                let n = counts.entry(key).or_insert(0);
                *n += 1;
                if *n == min_clusters {
                    examples.insert(key, text);
                }
            }
        }
    })?;
    report.distinct_sentences = counts.len();
    let mut listed: Vec<(usize, u64)> = counts
        .iter()
        .filter(|(_, &n)| n >= min_clusters)
        .map(|(&k, &n)| (n as usize, k))
        .collect();
    listed.sort_unstable_by(|a, b| b.cmp(a));
    report.listed = listed.len();
    report.most_widespread = listed
        .iter()
        .take(40)
        .map(|&(n, k)| (n, examples.get(&k).cloned().unwrap_or_default()))
        .collect();
    let list = Boilerplate::new(listed.iter().map(|&(_, k)| k).collect());
    Ok((list, report))
}

/// The distinct sentences of a cluster worth listing, keyed; an error
/// names the cluster.
fn cluster_sentences(c: &Cluster, pipeline: &Pipeline) -> Result<Vec<(u64, String)>, String> {
    let p = pipeline
        .prepare(c)
        .map_err(|e| format!("cluster {}: {e}", c.id))?;
    let mut seen = HashSet::new();
    Ok((0..p.sentences.len())
        .map(|i| p.text(i))
        .filter_map(|text| {
            let (key, words) = key_and_words(text);
            (words >= MIN_WORDS && seen.insert(key)).then(|| (key, text.to_owned()))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn line(id: &str, text: &str) -> String {
        serde_json::json!({"id": id, "documents": [{"text": text}], "references": ["x"]})
            .to_string()
    }

    #[test]
    fn sentences_in_enough_clusters_are_listed_once_per_cluster() {
        let furniture = "The news and stories that matter, delivered weekday mornings.";
        let mut file = tempfile::NamedTempFile::new().expect("temp file");
        let stories = [
            "A dam broke in the north of the country on Monday night.",
            "The mayor resigned after the vote on the city budget failed.",
            "Three climbers were rescued from the mountain by helicopter.",
        ];
        for (i, story) in stories.iter().enumerate() {
            // Twice in the first cluster: still one cluster.
            let text =
                format!("Story {i}\n{story} Officials gave no details. {furniture} {furniture}");
            writeln!(file, "{}", line(&format!("c{i}"), &text)).expect("write");
        }
        writeln!(file, "not json").expect("write");
        let mut errors = Vec::new();
        let (list, report) =
            boilerplate(file.path(), 3, None, &mut |e| errors.push(e)).expect("pass");
        assert_eq!(report.clusters, 3);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(list.contains(furniture), "{report:?}");
        // Too short to list, however common.
        assert!(!list.contains("Officials gave no details."));
        assert!(!list.contains(stories[0]));
        assert_eq!(report.most_widespread[0].0, 3);
        let (list, _) = boilerplate(file.path(), 4, None, &mut |_| {}).expect("pass");
        assert!(list.is_empty());
    }
}
