//! The redundancy view is built word by word, with caches shared across a
//! cluster's sentences; it must say exactly what the redundancy filter's
//! definitions say over whole alias-canonical texts: equal texts up to case
//! and punctuation, content-term sets, and copy families.

use brief_core::redundancy::aliases::AliasTable;
use brief_core::redundancy::copies::{copy_families, CopyConfig};
use brief_core::redundancy::RedundancyView;
use brief_core::similarity::intersection_size;
use brief_core::text::Analyzer;
use brief_core::{Cluster, Document, Pipeline};
use proptest::prelude::*;
use std::collections::BTreeSet;
mod common;

/// Lowercased letters and digits: the filter's "same text" key.
fn text_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn check_view(cluster: &Cluster) -> Result<(), TestCaseError> {
    let Ok(p) = Pipeline::default().prepare(cluster) else {
        return Ok(());
    };
    let view = RedundancyView::new(&p);
    let aliases = AliasTable::names_of(cluster);
    let analyzer = Analyzer::english();
    let n = p.sentences.len();
    let texts: Vec<String> = (0..n).map(|i| aliases.canonical_text(p.text(i))).collect();
    let sets: Vec<BTreeSet<String>> = texts
        .iter()
        .map(|t| analyzer.terms(t).into_iter().collect())
        .collect();
    for i in 0..n {
        prop_assert_eq!(view.term_sets[i].len(), sets[i].len(), "{}", &texts[i]);
        for j in 0..n {
            prop_assert_eq!(
                view.text_keys[i] == view.text_keys[j],
                text_key(&texts[i]) == text_key(&texts[j])
            );
            prop_assert_eq!(
                intersection_size(&view.term_sets[i], &view.term_sets[j]),
                sets[i].intersection(&sets[j]).count()
            );
        }
    }
    let (_, family_of) = copy_families(&p, &aliases, &CopyConfig::default());
    prop_assert_eq!(&view.families, &family_of);
    Ok(())
}

#[test]
fn view_of_the_seed_cluster_matches_the_definitions() {
    check_view(&common::seed_cluster()).expect("view matches");
}

#[test]
fn view_handles_aliases_initialisms_and_apostrophes() {
    let cluster = Cluster::new(
        "c",
        vec![
            Document::new(
                "a",
                "Secretary of State Rex Tillerson met the Kremlin's envoy in Moscow. \
                 The U.S. and the U.N. said Russia's veto wasn't final. \
                 Tillerson said the Russian Federation's stance was \"deeply troubling\".",
            ),
            Document::new(
                "b",
                "The United States and the United Nations said Moscow's veto was not final. \
                 Mr Tillerson met Lavrov, Putin's foreign minister, in Ja'afari's old office. \
                 Café owners in Kyiv said déjà vu, said Delattre.",
            ),
        ],
    );
    check_view(&cluster).expect("view matches");
}

proptest! {
    #[test]
    fn view_of_random_clusters_matches_the_definitions(cluster in common::cluster(14, true)) {
        check_view(&cluster)?;
    }
}
