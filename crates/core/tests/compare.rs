//! Source comparison on the bundled seed cluster (five reports of the
//! Tillerson–Lavrov talks).

use brief_core::compare::compare;
mod common;

use common::seed_cluster;

#[test]
fn seed_comparison_shares_singles_and_lavrov_unlawful() {
    let cluster = seed_cluster();
    let c = compare(&cluster).expect("comparison");
    let n = cluster.documents.len();
    assert_eq!(n, 5);
    println!(
        "{} facts, {} shared by all five",
        c.facts.len(),
        c.shared_by_all.len()
    );
    for &f in &c.shared_by_all {
        println!("all five: {}", c.facts[f].statements[0].text);
    }
    for r in &c.source_reports {
        println!(
            "{}: {} only here, omits {}",
            r.doc_id,
            r.only.len(),
            r.omits.len()
        );
    }
    // Facts all five share, and each statement points at its text.
    assert!(!c.shared_by_all.is_empty());
    for &f in &c.shared_by_all {
        assert_eq!(c.facts[f].documents, (0..n).collect::<Vec<_>>());
        assert!(c.matrix[f].iter().all(Option::is_some));
    }
    for f in &c.facts {
        for s in &f.statements {
            assert_eq!(cluster.documents[s.doc].text[s.span.range()], s.text);
        }
    }
    // Each source reports something no other does.
    for r in &c.source_reports {
        assert!(!r.only.is_empty(), "{} reports nothing alone", r.doc_id);
        for &f in &r.only {
            assert_eq!(c.facts[f].documents, [r.doc]);
        }
    }
    // Lavrov calls the strike "unlawful" in the two sources that carry it.
    let carrying: Vec<usize> = (0..n)
        .filter(|&d| cluster.documents[d].text.contains("\"unlawful\""))
        .collect();
    assert_eq!(carrying.len(), 2);
    let lavrov = c
        .speakers
        .iter()
        .find(|s| s.speaker.ends_with("Lavrov"))
        .expect("Lavrov is quoted");
    let unlawful: Vec<usize> = lavrov
        .quotes
        .iter()
        .filter(|q| q.text == "unlawful")
        .map(|q| q.doc)
        .collect();
    assert_eq!(unlawful, carrying);
    for q in &lavrov.quotes {
        assert_eq!(cluster.documents[q.doc].text[q.span.range()], q.text);
    }
    for k in &c.conflicts {
        for s in &k.sides {
            assert!(s.statement.start <= s.span.start && s.span.end <= s.statement.end);
        }
        println!(
            "conflict {:?} {}: {:?}",
            k.kind,
            k.slot,
            k.sides
                .iter()
                .map(|s| (&s.value, s.doc))
                .collect::<Vec<_>>()
        );
    }
}
