//! Why a concept summarizer chose each sentence: what it added to the
//! objective, the heaviest concepts it was first to cover, the sentences
//! left out because they repeat it, and the learned scores behind it.
//! Edits (repairs) are on the item itself.

use super::concepts::{Concepts, UNIGRAM};
use crate::learn::model::ClusterScores;
use crate::model::{Explanation, Summary};
use crate::prepare::PreparedCluster;
use crate::redundancy::RedundancyFilter;

/// Concepts named per sentence.
const CONCEPTS_SHOWN: usize = 5;
/// Displaced sentences named per sentence.
const DISPLACED_SHOWN: usize = 5;

/// What the summarizer knew when it chose.
pub(crate) struct Choice<'a> {
    /// Sentences taken, with their marginal gains, in the order taken.
    pub taken: &'a [(usize, f64)],
    /// The cluster's weighted concepts.
    pub concepts: &'a Concepts,
    /// The duplicate test used.
    pub filter: &'a RedundancyFilter,
    /// Every sentence that could have been taken.
    pub candidates: &'a [usize],
    /// The learned scores, when a model chose.
    pub scores: Option<&'a ClusterScores>,
    /// Lede scores of taken sentences read on the model's window of a
    /// cluster too long for `scores`.
    pub window_ledes: &'a [(usize, f32)],
}

/// Fills each item's [`Explanation`].
pub(crate) fn explain(p: &PreparedCluster<'_>, summary: &mut Summary, choice: &Choice<'_>) {
    let taken_ids: Vec<usize> = choice.taken.iter().map(|&(i, _)| i).collect();
    let mut covered = vec![false; choice.concepts.len()];
    let mut explanations: Vec<(usize, Explanation)> = Vec::with_capacity(choice.taken.len());
    for &(i, gain) in choice.taken {
        let mut fresh: Vec<u32> = choice.concepts.of_sentence[i]
            .iter()
            .copied()
            .filter(|&c| !covered[c as usize])
            .collect();
        for &c in &fresh {
            covered[c as usize] = true;
        }
        fresh.sort_by(|&a, &b| {
            choice.concepts.weights[b as usize]
                .total_cmp(&choice.concepts.weights[a as usize])
                .then(a.cmp(&b))
        });
        let concepts = fresh
            .iter()
            .filter_map(|&c| concept_name(p, choice.concepts, c))
            .take(CONCEPTS_SHOWN)
            .collect();
        explanations.push((
            i,
            Explanation {
                lede_score: choice
                    .scores
                    .map(|s| s.lede_scores[i])
                    .or_else(|| {
                        choice
                            .window_ledes
                            .iter()
                            .find(|&&(j, _)| j == i)
                            .map(|&(_, score)| score)
                    })
                    .map(f64::from),
                sentence_probability: choice
                    .scores
                    .map(|s| f64::from(s.sentence_probabilities[i])),
                gain,
                concepts,
                displaced: Vec::new(),
            },
        ));
    }
    // A left-out candidate is charged to the first taken sentence it repeats.
    for &j in choice.candidates {
        if taken_ids.contains(&j) {
            continue;
        }
        let by = taken_ids
            .iter()
            .position(|&i| choice.filter.duplicates(j, i));
        if let Some(k) = by {
            let displaced = &mut explanations[k].1.displaced;
            if displaced.len() < DISPLACED_SHOWN {
                let s = &p.sentences[j];
                displaced.push(format!("{}:{}", s.doc, s.position));
            }
        }
    }
    for item in &mut summary.items {
        let Some(start) = p.doc_sentences.get(item.doc).map(|r| r.start) else {
            continue;
        };
        let i = start + item.sentence;
        if let Some((_, e)) = explanations.iter().find(|(t, _)| *t == i) {
            item.explain = Some(e.clone());
        }
    }
}

/// A concept as its (stemmed) terms.
fn concept_name(p: &PreparedCluster<'_>, concepts: &Concepts, c: u32) -> Option<String> {
    let &(a, b) = concepts.keys.get(c as usize)?;
    let a = p.vocab.try_term(a)?;
    if b == UNIGRAM {
        Some(a.to_owned())
    } else {
        Some(format!("{a} {}", p.vocab.try_term(b)?))
    }
}
