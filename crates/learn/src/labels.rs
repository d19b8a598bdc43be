//! Labels from reference summaries: which of a cluster's concepts the
//! references keep. A reference is analyzed exactly as the articles are
//! (brief-core's English analyzer: lowercase, stopwords out, Snowball
//! stems), so "kept" means the same stemmed term, or the same two adjacent
//! content terms.

use brief_core::learn::concepts::ConceptRows;
use brief_core::prepare::{PreparedCluster, TermId};
use brief_core::summarize::concepts::UNIGRAM;
use brief_core::text::Analyzer;
use rustc_hash::FxHashSet;

/// The concepts of one reference, in the prepared cluster's term ids
/// (terms the articles never use cannot be covered and are left out).
pub fn reference_concepts(
    p: &PreparedCluster<'_>,
    analyzer: &Analyzer,
    reference: &str,
) -> FxHashSet<(TermId, TermId)> {
    let mut ids: Vec<Option<TermId>> = Vec::new();
    analyzer.for_each_term(reference, |t| ids.push(p.vocab.get(t)));
    let mut out = FxHashSet::default();
    for id in ids.iter().flatten() {
        out.insert((*id, UNIGRAM));
    }
    for w in ids.windows(2) {
        if let (Some(a), Some(b)) = (w[0], w[1]) {
            out.insert((a, b));
        }
    }
    out
}

/// For each concept, the share of `references` that keep it (0 or 1 with
/// one reference).
pub fn concept_labels(
    p: &PreparedCluster<'_>,
    rows: &ConceptRows,
    analyzer: &Analyzer,
    references: &[String],
) -> Vec<f32> {
    let kept: Vec<FxHashSet<(TermId, TermId)>> = references
        .iter()
        .map(|r| reference_concepts(p, analyzer, r))
        .collect();
    let n = kept.len().max(1) as f32;
    rows.keys
        .iter()
        .map(|k| kept.iter().filter(|set| set.contains(k)).count() as f32 / n)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::learn::concepts::TermPrior;
    use brief_core::{Cluster, Pipeline};

    #[test]
    fn a_concept_is_kept_when_the_reference_has_its_stems() {
        let cluster = Cluster::new(
            "c",
            vec![brief_core::Document::new(
                "d0",
                "Russia vetoed the resolution. China abstained quietly.",
            )],
        );
        let p = Pipeline::default().prepare(&cluster).expect("prepares");
        let rows = ConceptRows::extract(&p, &TermPrior::default());
        let analyzer = Analyzer::english();
        let labels = concept_labels(
            &p,
            &rows,
            &analyzer,
            &["Russia vetoes a resolution.".into()],
        );
        let label = |a: &str, b: Option<&str>| {
            let a = p.vocab.get(a).expect("term");
            let b = b.map_or(UNIGRAM, |b| p.vocab.get(b).expect("term"));
            labels[rows
                .keys
                .iter()
                .position(|&k| k == (a, b))
                .expect("concept")]
        };
        assert_eq!(label("russia", None), 1.0);
        assert_eq!(label("veto", None), 1.0);
        assert_eq!(label("russia", Some("veto")), 1.0);
        assert_eq!(label("veto", Some("resolut")), 1.0);
        assert_eq!(label("china", None), 0.0);
        let two = concept_labels(&p, &rows, &analyzer, &["China.".into(), "Russia.".into()]);
        assert_eq!(two.iter().filter(|&&l| l == 0.5).count(), 2);
    }
}
