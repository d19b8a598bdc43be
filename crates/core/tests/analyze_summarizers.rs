//! The summarizers select through the redundancy stage's filter: they never
//! select two members of one copy family, nor two sentences that differ only
//! in how an actor is named.

use brief_core::redundancy::aliases::AliasTable;
use brief_core::redundancy::copies::{copy_families, CopyConfig};
use brief_core::similarity::{intersection_size, term_set};
use brief_core::{build, Algorithm, Budget, Cluster, Document, Params, Pipeline};
mod common;

use common::seed_cluster;

const BUDGETS: &[Budget] = &[
    Budget::Words(40),
    Budget::Words(100),
    Budget::Words(250),
    Budget::Words(1000),
    Budget::Sentences(3),
    Budget::Sentences(10),
    Budget::Sentences(60),
    Budget::Bytes(700),
];

#[test]
fn no_summary_holds_two_members_of_a_copy_family() {
    let cluster = seed_cluster();
    let p = Pipeline::default().prepare(&cluster).expect("prepared");
    let aliases = AliasTable::from_cluster(&cluster);
    let (families, family_of) = copy_families(&p, &aliases, &CopyConfig::default());
    assert!(families.len() >= 10);
    let index_of = |doc: usize, position: usize| {
        p.sentences
            .iter()
            .position(|s| s.doc == doc && s.position == position)
            .expect("selected sentence is a body sentence")
    };
    let mut checked = 0;
    for &algorithm in Algorithm::ALL {
        let summarizer = build(algorithm, &Params::default()).expect("summarizer");
        for &budget in BUDGETS {
            let summary = summarizer.summarize(&p, budget);
            let mut seen: Vec<usize> = Vec::new();
            for item in &summary.items {
                if let Some(f) = family_of[index_of(item.doc, item.sentence)] {
                    assert!(
                        !seen.contains(&f),
                        "{algorithm} under {budget} selected two members of family {f}: {:?}",
                        families[f]
                            .members
                            .iter()
                            .map(|m| &m.text)
                            .collect::<Vec<_>>()
                    );
                    seen.push(f);
                    checked += 1;
                }
            }
        }
    }
    // Family members are selected at all (the check is not vacuous).
    assert!(checked > 0);
}

#[test]
fn sentences_differing_only_in_alias_are_never_both_selected() {
    let a0 = "Moscow told Washington that Russia rejects US claims about the chemical attack.";
    let b0 = "The Kremlin told the United States that the Russian Federation rejects U.S. claims about the chemical attack.";
    let cluster = Cluster::new(
        "aliases",
        vec![
            Document::new(
                "a",
                format!("{a0} Inspectors from the watchdog arrived in Damascus on Monday morning. Talks between the ministers lasted four hours in total."),
            ),
            Document::new(
                "b",
                format!("{b0} Farmers in the region reported a poor harvest this autumn season. The hotline between militaries was suspended after the strike."),
            ),
        ],
    );
    let p = Pipeline::default().prepare(&cluster).expect("prepared");
    let ia = (0..p.sentences.len())
        .find(|&i| p.text(i) == a0)
        .expect("a0");
    let ib = (0..p.sentences.len())
        .find(|&i| p.text(i) == b0)
        .expect("b0");
    // Without aliases the two are not near-duplicates by term overlap.
    let (sa, sb) = (
        term_set(&p.sentences[ia].terms),
        term_set(&p.sentences[ib].terms),
    );
    let overlap = intersection_size(&sa, &sb) as f64 / sa.len().min(sb.len()) as f64;
    assert!(
        overlap < Params::default().selection.max_overlap,
        "{overlap}"
    );
    for &algorithm in Algorithm::ALL {
        let summarizer = build(algorithm, &Params::default()).expect("summarizer");
        for budget in [
            Budget::Sentences(2),
            Budget::Sentences(6),
            Budget::Words(200),
            Budget::Bytes(2000),
        ] {
            let summary = summarizer.summarize(&p, budget);
            let texts: Vec<&str> = summary.items.iter().map(|i| i.text.as_str()).collect();
            assert!(
                !(texts.contains(&a0) && texts.contains(&b0)),
                "{algorithm} under {budget} selected both: {texts:?}"
            );
        }
    }
}
