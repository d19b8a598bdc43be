//! The default concept-coverage summarizer with *semantic* similarity
//! coverage: the saturated coverage term of [`super::coverage`] computed
//! from sentence embeddings (any [`SentenceEncoder`], e.g. all-MiniLM-L6-v2
//! from `brief-embed`) instead of TF-IDF cosines, so paraphrases that share
//! no words still cover each other.
//!
//! Everything else — concepts, priors, the lazy cost-scaled greedy, the
//! shared redundancy filter and budget — is [`Submodular`]'s. If the encoder
//! fails on a cluster, the summary falls back to TF-IDF similarity (and
//! says so in its algorithm name), so a batch never loses a cluster to it.

use super::{uncancelled, Submodular, Summarizer};
use crate::cancel::Deadline;
use crate::embedding::SharedEncoder;
use crate::error::Result;
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;

/// [`Submodular`] with embedding similarity coverage.
#[derive(Debug, Clone)]
pub struct Semantic {
    /// The concept-coverage settings.
    pub base: Submodular,
    /// The sentence encoder.
    pub encoder: SharedEncoder,
}

impl Summarizer for Semantic {
    fn name(&self) -> &'static str {
        "semantic"
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
        // Only the sentences that will be ranked are encoded.
        let p = &*crate::bounds::ranked(p);
        deadline.check()?;
        let texts: Vec<&str> = (0..p.sentences.len()).map(|i| p.text(i)).collect();
        match self.encoder.encode(&texts) {
            Ok(vectors) => {
                let mut summary =
                    self.base
                        .summarize_with_within(p, budget, Some(&vectors), deadline)?;
                summary.algorithm = self.name().to_owned();
                Ok(summary)
            }
            Err(_) => {
                let mut summary = self.base.summarize_with_within(p, budget, None, deadline)?;
                summary.algorithm = format!("{} (encoder failed: TF-IDF)", self.name());
                Ok(summary)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedding::{EncodeError, SentenceEncoder};
    use crate::model::Cluster;
    use crate::prepare::Pipeline;
    use std::sync::Arc;

    /// A stand-in encoder: a bag of letters, normalised (similar spelling,
    /// similar vector), or a failure.
    #[derive(Debug)]
    struct Letters {
        fail: bool,
    }

    impl SentenceEncoder for Letters {
        fn name(&self) -> &str {
            "letters"
        }

        fn encode(&self, texts: &[&str]) -> std::result::Result<Vec<Vec<f32>>, EncodeError> {
            if self.fail {
                return Err(EncodeError("no model".into()));
            }
            Ok(texts
                .iter()
                .map(|t| {
                    let mut v = [0.0f32; 26];
                    for c in t.bytes().filter(u8::is_ascii_lowercase) {
                        v[(c - b'a') as usize] += 1.0;
                    }
                    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                    v.iter().map(|x| x / norm).collect()
                })
                .collect())
        }
    }

    fn cluster() -> Cluster {
        Cluster::from_texts(&[
            "Russia vetoed the Syria resolution at the United Nations on Wednesday. \
             Diplomats expect new talks in Geneva next week after the veto.",
            "Russia vetoed a Syria resolution at the United Nations. \
             The talks in Geneva were planned for next week by the envoys.",
        ])
    }

    #[test]
    fn keeps_budget_and_provenance_and_falls_back_when_the_encoder_fails() {
        let cluster = cluster();
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        for fail in [false, true] {
            let summarizer = Semantic {
                base: Submodular::default(),
                encoder: Arc::new(Letters { fail }),
            };
            for words in [8, 15, 30] {
                let s = summarizer.summarize(&p, Budget::Words(words));
                assert!(s.word_count() <= words);
                assert!(!s.items.is_empty() || words < 10);
                for item in &s.items {
                    let doc = &cluster.documents[item.doc];
                    assert_eq!(&doc.text[item.span.range()], item.text);
                }
                assert_eq!(s.algorithm.contains("encoder failed"), fail);
            }
        }
    }
}
