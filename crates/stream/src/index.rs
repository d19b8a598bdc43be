//! The inverted index from terms to the open stories whose centroid has
//! them, and the choice of the stories an article is compared with.
//!
//! Candidates are the open stories sharing one of the article's
//! [`ClusterConfig::candidate_terms`](crate::ClusterConfig::candidate_terms)
//! highest-weighted terms; when there are more than [`EXACT_CANDIDATES`],
//! they are first ranked on those terms alone and only the best are scored
//! in full (the two-stage scoring of search engines), so the cost per
//! article grows slowly with the number of open stories.

use crate::features::Vocabulary;
use crate::story::Story;
use rustc_hash::FxHashMap;

/// Candidate stories scored exactly per article; more are first ranked on
/// the article's top terms alone.
pub(crate) const EXACT_CANDIDATES: usize = 64;

/// Closed stories after which dead entries are swept from the postings, at
/// the least (otherwise as many as are open): sweeping costs a pass over
/// the whole index, so it waits until there is much to sweep.
const MIN_SWEEP_INTERVAL: usize = 1024;

/// Postings: term → open stories (and, until swept, closed ones) whose
/// centroid has the term, in the order they got it.
#[derive(Debug, Default)]
pub(crate) struct StoryIndex {
    postings: FxHashMap<u32, Vec<u64>>,
    closed_since_sweep: usize,
}

impl StoryIndex {
    /// Records that `story`'s centroid now has `term`.
    pub(crate) fn add(&mut self, term: u32, story: u64) {
        self.postings.entry(term).or_default().push(story);
    }

    /// The stories to score an article with IDF-weighted vector `weighted`
    /// against, ascending (see the module docs); `beta` is the coherence
    /// exponent of the similarity.
    pub(crate) fn candidates(
        &mut self,
        weighted: &[(u32, f64)],
        candidate_terms: usize,
        stories: &FxHashMap<u64, Story>,
        vocabulary: &Vocabulary,
        beta: f64,
    ) -> Vec<u64> {
        let mut top: Vec<(u32, f64)> = weighted.to_vec();
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(candidate_terms);
        let mut partial: FxHashMap<u64, f64> = FxHashMap::default();
        for (t, w) in top {
            let idf = vocabulary.idf(t);
            if let Some(list) = self.postings.get_mut(&t) {
                // Closed stories are dropped here, lazily.
                list.retain(|s| stories.contains_key(s));
                for story in list.iter() {
                    let c = stories.get(story).map_or(0.0, |s| s.weight(t));
                    *partial.entry(*story).or_insert(0.0) += w * c * idf;
                }
            }
        }
        let mut out: Vec<(u64, f64)> = partial.into_iter().collect();
        if out.len() > EXACT_CANDIDATES {
            for (story, score) in &mut out {
                if let Some(s) = stories.get(story) {
                    *score *= s.rank_scale(beta);
                }
            }
            out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            out.truncate(EXACT_CANDIDATES);
        }
        let mut out: Vec<u64> = out.into_iter().map(|(s, _)| s).collect();
        out.sort_unstable();
        out
    }

    /// Notes that a story closed; dead ids are dropped lazily on lookup,
    /// and all swept once as many stories closed as are `open` (at least
    /// [`MIN_SWEEP_INTERVAL`]), to bound memory.
    pub(crate) fn story_closed(&mut self, open: &FxHashMap<u64, Story>) {
        self.closed_since_sweep += 1;
        if self.closed_since_sweep > open.len().max(MIN_SWEEP_INTERVAL) {
            self.postings.retain(|_, list| {
                list.retain(|s| open.contains_key(s));
                !list.is_empty()
            });
            self.closed_since_sweep = 0;
        }
    }
}
