//! The duplicate test every summarizer selects through.
//!
//! A [`RedundancyFilter`] answers "do these two sentences say the same
//! thing?" from the cluster's [`RedundancyView`], remembering answers
//! (selection asks about the same pairs round after round).

use super::view::RedundancyView;
use crate::prepare::PreparedCluster;
use crate::similarity::intersection_size;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;

/// Detects exact and near-duplicate sentences (copies across sources, small
/// edits, one sentence contained in another).
///
/// Two sentences are duplicates when they belong to the same copy family
/// ([`super::copies`]), when their normalized texts are equal, when their
/// content-term sets overlap by at least `max_overlap` of the smaller set
/// (overlap coefficient) and the smaller set has 3 or more terms, or when
/// they are paraphrases: the names and numbers of one (two or more) all in
/// the other and half the other content terms of the smaller set (the
/// names of a lowercased article read from its recased copy), or when
/// they restate the same
/// figures: two or more, all of one sentence's found in the other, with a
/// quarter of the smaller set's other content terms.
/// Texts and term sets are compared with every entity alias rewritten to one
/// token per actor ([`super::aliases`]), so sentences that differ
/// only in "Russia" / "Russian Federation" or "US" / "U.S." are duplicates.
#[derive(Debug)]
pub struct RedundancyFilter {
    view: Arc<RedundancyView>,
    max_overlap: f64,
    /// Answers already computed, by pair `a * n + b`: 0 unknown, 1 no,
    /// 2 yes (selection asks about the same pairs round after round).
    /// Empty for clusters too large to hold `n²` bytes.
    known: Vec<AtomicU8>,
}

impl Clone for RedundancyFilter {
    fn clone(&self) -> Self {
        RedundancyFilter {
            view: self.view.clone(),
            max_overlap: self.max_overlap,
            known: self
                .known
                .iter()
                .map(|k| AtomicU8::new(k.load(Ordering::Relaxed)))
                .collect(),
        }
    }
}

/// Fewest names and numbers (or figures) of one sentence, all found in the
/// other, for two sentences to be taken as paraphrases.
const PARAPHRASE_ANCHORS: usize = 2;

/// Share of the smaller content-term set that paraphrases share.
const PARAPHRASE_OVERLAP: f64 = 0.5;

/// Share of the smaller plain term set that sentences restating the same
/// figures share.
const FIGURES_OVERLAP: f64 = 0.25;

/// Largest cluster (in sentences) whose pair answers are remembered.
const MAX_REMEMBERED_SENTENCES: usize = 2048;

impl RedundancyFilter {
    /// A filter over the sentences of `p`.
    pub fn new(p: &PreparedCluster<'_>, max_overlap: f64) -> Self {
        let n = p.sentences.len();
        let pairs = if n <= MAX_REMEMBERED_SENTENCES {
            n * n
        } else {
            0
        };
        RedundancyFilter {
            view: RedundancyView::of(p),
            max_overlap,
            known: (0..pairs).map(|_| AtomicU8::new(0)).collect(),
        }
    }

    /// Whether sentences `a` and `b` say the same thing.
    pub fn duplicates(&self, a: usize, b: usize) -> bool {
        let Some(known) = self.known.get(a * self.view.term_sets.len() + b) else {
            return self.compare(a, b);
        };
        match known.load(Ordering::Relaxed) {
            1 => false,
            2 => true,
            _ => {
                let answer = self.compare(a, b);
                known.store(1 + u8::from(answer), Ordering::Relaxed);
                answer
            }
        }
    }

    fn compare(&self, a: usize, b: usize) -> bool {
        if self.view.text_keys[a] == self.view.text_keys[b] {
            return true;
        }
        let families = &self.view.families;
        if families[a].is_some() && families[a] == families[b] {
            return true;
        }
        let (sa, sb) = (&self.view.term_sets[a], &self.view.term_sets[b]);
        let smaller = sa.len().min(sb.len());
        if smaller < 3 {
            return false;
        }
        let shared = intersection_size(sa, sb) as f64;
        if shared >= self.max_overlap * smaller as f64 {
            return true;
        }
        // A paraphrase: the names and figures of one all in the other, and
        // most of the other content words (the names alone would make two
        // sentences about the same people that tell different facts look
        // alike).
        let (na, nb) = (&self.view.anchors[a], &self.view.anchors[b]);
        let fewer = na.len().min(nb.len());
        let same_anchors = fewer >= PARAPHRASE_ANCHORS && intersection_size(na, nb) == fewer;
        // The same figures restated ("fell to 6.3 percent from 6.7
        // percent" and "fell to 6.3 % from 6.7 %"; "The 19-year-old …
        // scoring 208.0" and "Thrasher, 19, … a total of 208.0"): two or
        // more, all of one sentence's found in the other, and some of its
        // words.
        let (fa, fb) = (&self.view.figures[a], &self.view.figures[b]);
        let fewer_figures = fa.len().min(fb.len());
        let same_figures =
            fewer_figures >= PARAPHRASE_ANCHORS && intersection_size(fa, fb) == fewer_figures;
        let share = match (same_figures, same_anchors) {
            (true, _) => FIGURES_OVERLAP,
            (false, true) => PARAPHRASE_OVERLAP,
            (false, false) => return false,
        };
        let (pa, pb) = (&self.view.plain_term_sets[a], &self.view.plain_term_sets[b]);
        let plain_smaller = pa.len().min(pb.len());
        plain_smaller >= 2 && intersection_size(pa, pb) as f64 >= share * plain_smaller as f64
    }

    /// Whether `candidate` duplicates any of `selected`.
    pub fn redundant(&self, candidate: usize, selected: &[usize]) -> bool {
        selected.iter().any(|&s| self.duplicates(candidate, s))
    }
}
