//! How a summary reads, beside how much of the reference it covers: four
//! measures a reader notices, computed per summary and pooled over a data
//! set.
//!
//! - **lede**: ROUGE-1 F (rouge-score, stemmed) of the summary's first
//!   sentence against the first sentence of the cluster's first reference
//!   (Multi-News references open with the news; a leading "– " is dropped).
//! - **dangling**: share of summary sentences whose first word, after
//!   opening quotes or brackets, is a pronoun or connective that needs the
//!   sentence before it ("He", "But", "However", "The move", ...);
//! - **alone**: the dangling sentences that the summary does not read right
//!   after the sentence before them in their article, as a share of all
//!   summary sentences: those a reader cannot resolve (a dangling sentence
//!   after its own premise reads as the article wrote it).
//! - **chrome**: share of sentences carrying site furniture: social and
//!   newsletter prompts, captions, credits, URLs.
//! - **jumps**: share of adjacent summary sentences that come from
//!   different documents.
//!
//! Shares are pooled: dangling and chrome over all summary sentences, jumps
//! over all adjacent pairs; the lede is the mean over summaries.

use brief_core::text::cues::{is_chrome, is_dangling};
use brief_core::text::segment::opening_sentence;
use brief_rouge::{Rouge, RougeConfig, RougeError, RougeType};
use serde::Serialize;

/// One summary's counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SummaryReadability {
    /// ROUGE-1 F of the first sentence against the reference's first
    /// (0 for an empty summary).
    pub lede: f64,
    /// Sentences.
    pub sentences: usize,
    /// Sentences opening with a pronoun or connective.
    pub dangling: usize,
    /// Dangling sentences not right after their article's sentence before.
    pub alone: usize,
    /// Sentences with site chrome.
    pub chrome: usize,
    /// Adjacent sentence pairs.
    pub pairs: usize,
    /// Adjacent pairs from different documents.
    pub jumps: usize,
}

/// Measures summaries against their clusters' first references.
pub struct ReadabilityScorer {
    rouge1: Rouge,
}

impl ReadabilityScorer {
    /// A scorer with rouge-score's stemmed ROUGE-1.
    pub fn new() -> Result<Self, RougeError> {
        let mut config = RougeConfig::rouge_score();
        config.types = vec![RougeType::N(1)];
        Ok(ReadabilityScorer {
            rouge1: Rouge::new(config)?,
        })
    }

    /// Measures one summary: its sentences in order, each with the
    /// document it came from and its index there when known (no jumps are
    /// counted without, and every dangling sentence is alone).
    pub fn measure(
        &self,
        sentences: &[(&str, Option<(usize, usize)>)],
        reference: &str,
    ) -> SummaryReadability {
        let lede = sentences.first().map_or(0.0, |(first, _)| {
            self.rouge1
                .score(first, &[opening_sentence(reference)])
                .first()
                .map_or(0.0, |(_, s)| s.fmeasure)
        });
        let mut r = SummaryReadability {
            lede,
            sentences: sentences.len(),
            ..SummaryReadability::default()
        };
        for (k, (text, at)) in sentences.iter().enumerate() {
            let dangling = is_dangling(text);
            let after_premise = k
                .checked_sub(1)
                .and_then(|p| sentences[p].1)
                .zip(*at)
                .is_some_and(|((pd, ps), (d, s))| pd == d && ps + 1 == s);
            r.dangling += usize::from(dangling);
            r.alone += usize::from(dangling && !after_premise);
            r.chrome += usize::from(is_chrome(text));
        }
        for pair in sentences.windows(2) {
            if let (Some((a, _)), Some((b, _))) = (pair[0].1, pair[1].1) {
                r.pairs += 1;
                r.jumps += usize::from(a != b);
            }
        }
        r
    }
}

/// The measures over a data set, in percent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ReadabilityReport {
    /// Mean lede ROUGE-1 F × 100.
    pub lede: f64,
    /// Dangling sentences, % of all summary sentences.
    pub dangling: f64,
    /// Dangling sentences away from their premise, % of all summary
    /// sentences.
    pub alone: f64,
    /// Sentences with chrome, % of all summary sentences.
    pub chrome: f64,
    /// Jumps, % of all adjacent pairs.
    pub jumps: f64,
}

/// Pools per-summary counts.
pub fn pool(summaries: &[SummaryReadability]) -> ReadabilityReport {
    let share = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            100.0 * part as f64 / whole as f64
        }
    };
    let sum = |f: fn(&SummaryReadability) -> usize| summaries.iter().map(f).sum::<usize>();
    let sentences = sum(|s| s.sentences);
    ReadabilityReport {
        lede: 100.0 * summaries.iter().map(|s| s.lede).sum::<f64>() / summaries.len().max(1) as f64,
        dangling: share(sum(|s| s.dangling), sentences),
        alone: share(sum(|s| s.alone), sentences),
        chrome: share(sum(|s| s.chrome), sentences),
        jumps: share(sum(|s| s.jumps), sum(|s| s.pairs)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lede_is_scored_against_the_reference_opening() {
        assert_eq!(
            opening_sentence("– Rex Tillerson met Vladimir Putin. They talked for two hours."),
            "Rex Tillerson met Vladimir Putin."
        );
        let scorer = ReadabilityScorer::new().expect("rouge");
        let r = scorer.measure(
            &[
                ("Rex Tillerson met Vladimir Putin.", Some((0, 0))),
                ("He said relations were low.", Some((1, 4))),
                ("Follow us on Twitter.", Some((1, 5))),
                ("But he left.", Some((1, 6))),
            ],
            "Rex Tillerson met Vladimir Putin. They talked.",
        );
        assert!((r.lede - 1.0).abs() < 1e-9);
        // "But he left." follows its article's sentence before it.
        assert_eq!((r.sentences, r.dangling, r.alone, r.chrome), (4, 2, 1, 1));
        assert_eq!((r.pairs, r.jumps), (3, 1));
        let pooled = pool(&[r, SummaryReadability::default()]);
        assert!((pooled.lede - 50.0).abs() < 1e-9);
        assert!((pooled.alone - 25.0).abs() < 1e-9);
        assert!((pooled.jumps - 100.0 / 3.0).abs() < 1e-9);
    }
}
