//! Bounds on the work and memory of one summary, whatever the input.
//!
//! Graph and coverage summarizers compare sentences pairwise, so their cost
//! grows with the square of the number of sentences. A summary therefore
//! ranks at most [`MAX_RANKED_SENTENCES`] sentences: when a cluster has more,
//! the summarizers see only the first ones in lead order — the lead
//! sentence of every document, then every second sentence, and so on
//! ([`ranked`]) — and the rest are not candidates. No news cluster of the
//! evaluation sets comes near the cap (the largest of Multi-News dev and DUC
//! 2003 have 548 and 483 body sentences), so their summaries are unchanged.
//!
//! What this bounds, per summary, beyond the prepared cluster itself (linear
//! in the input: about 40 bytes per byte of text at worst, for text made of
//! one-word sentences):
//!
//! | summarizer | pairwise structure | at most |
//! |---|---|---|
//! | `lexrank`, `textrank` | sparse lower-triangle graph, 12 bytes per edge | 25 MB |
//! | `submodular`, `semantic`, `ilp` | similarity-coverage lists, 16 bytes per (sentence, neighbour) | 67 MB |
//! | all | the redundancy filter's remembered answers, 1 byte per pair | 4 MB |
//!
//! Time is bounded the same way, and every stage also checks its
//! [`crate::cancel::Deadline`].

use crate::prepare::PreparedCluster;
use std::borrow::Cow;

/// Most sentences a summarizer ranks (see the module documentation).
pub const MAX_RANKED_SENTENCES: usize = 2048;

/// `p` itself when it has at most [`MAX_RANKED_SENTENCES`] sentences;
/// otherwise `p` restricted to its first [`MAX_RANKED_SENTENCES`] sentences
/// in lead order (position in the document, then document), which keeps a
/// prefix of every document, so positions and spans are unchanged.
///
/// ```
/// use brief_core::{bounds, Cluster, Document, Pipeline};
/// let text = "One sentence here. ".repeat(3000);
/// let cluster = Cluster::new("c", vec![Document::new("a", text.as_str()), Document::new("b", "Short one here.")]);
/// let p = Pipeline::default().prepare(&cluster).unwrap();
/// let ranked = bounds::ranked(&p);
/// assert_eq!(ranked.sentences.len(), bounds::MAX_RANKED_SENTENCES);
/// assert_eq!(ranked.doc_sentences[1].len(), 1, "document b keeps its lead sentence");
/// ```
pub fn ranked<'a, 'c>(p: &'a PreparedCluster<'c>) -> Cow<'a, PreparedCluster<'c>> {
    ranked_at_most(p, MAX_RANKED_SENTENCES)
}

/// [`ranked`] with another cap.
pub fn ranked_at_most<'a, 'c>(
    p: &'a PreparedCluster<'c>,
    max: usize,
) -> Cow<'a, PreparedCluster<'c>> {
    if p.sentences.len() <= max {
        return Cow::Borrowed(p);
    }
    let lengths: Vec<usize> = p.doc_sentences.iter().map(|r| r.len()).collect();
    // How many documents have a sentence at each position.
    let longest = lengths.iter().copied().max().unwrap_or(0);
    let mut at_position = vec![0usize; longest];
    for &len in &lengths {
        for count in &mut at_position[..len] {
            *count += 1;
        }
    }
    // Whole positions first, then the documents in order at the next one.
    let (mut kept, mut depth) = (0, 0);
    while depth < longest && kept + at_position[depth] <= max {
        kept += at_position[depth];
        depth += 1;
    }
    let mut extra = max - kept;
    let keep: Vec<usize> = lengths
        .iter()
        .map(|&len| {
            let mut n = len.min(depth);
            if len > depth && extra > 0 {
                extra -= 1;
                n += 1;
            }
            n
        })
        .collect();
    Cow::Owned(p.keep_prefixes(&keep))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cluster, Document};
    use crate::prepare::Pipeline;

    #[test]
    fn the_cap_keeps_lead_sentences_of_every_document() {
        let docs: Vec<Document> = [5, 1, 3, 0]
            .iter()
            .enumerate()
            .map(|(d, &n)| {
                let text: String = (0..n)
                    .map(|k| format!("Document {d} says thing number {k} here. "))
                    .collect();
                Document::new(format!("d{d}"), if n == 0 { "x".into() } else { text })
            })
            .collect();
        let cluster = Cluster::new("c", docs);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        assert_eq!(p.sentences.len(), 9);
        let r = ranked_at_most(&p, 6);
        let kept: Vec<(usize, usize)> = r.sentences.iter().map(|s| (s.doc, s.position)).collect();
        // Positions 0 (3 documents) and 1 (2 documents), then document 0 at 2.
        assert_eq!(kept, [(0, 0), (0, 1), (0, 2), (1, 0), (2, 0), (2, 1)]);
        for i in 0..r.sentences.len() {
            let s = &r.sentences[i];
            assert_eq!(r.text(i), &cluster.documents[s.doc].text[s.span.range()]);
            assert_eq!(r.doc_sentences[s.doc].start + s.position, i);
        }
        assert!(matches!(ranked_at_most(&p, 10), Cow::Borrowed(_)));
        assert_eq!(ranked_at_most(&p, 2).sentences.len(), 2);
    }
}
