//! Cluster analysis on the bundled seed cluster: copy families, aliases,
//! quote attribution against hand labels, and the timeline.

use brief_core::analyze::{analyze, Analysis};
use brief_core::attribution::{Quote, SpeakerKind};
use serde::Deserialize;
use std::path::PathBuf;
mod common;

use common::seed_cluster;

fn seed_analysis() -> Analysis {
    analyze(&seed_cluster()).expect("analysis")
}

/// The documents of the family containing a sentence that starts with `start`.
fn family_documents(a: &Analysis, start: &str) -> Vec<usize> {
    let family = a
        .copies
        .families
        .iter()
        .find(|f| {
            f.members
                .iter()
                .any(|m| m.text.trim_start_matches('"').starts_with(start))
        })
        .unwrap_or_else(|| panic!("no copy family for {start:?}"));
    family.documents.clone()
}

#[test]
fn required_copy_families_span_three_documents() {
    let a = seed_analysis();
    assert_eq!(
        family_documents(&a, "But he clearly wasn't counting on it."),
        [0, 2, 4]
    );
    assert_eq!(
        family_documents(
            &a,
            "We consider it of utmost importance to prevent the risks"
        ),
        [0, 2, 3]
    );
    for f in &a.copies.families {
        // Spans point at the member text; the first source is a member.
        assert!(f.first < f.members.len());
        assert!(f.documents.len() >= 2, "{f:?}");
        let cluster = seed_cluster();
        for m in &f.members {
            assert_eq!(cluster.documents[m.doc].text[m.span.range()], m.text);
        }
    }
}

#[test]
fn other_copy_families_are_found() {
    let a = seed_analysis();
    assert_eq!(
        family_documents(&a, "The palpable tension hanging over"),
        [0, 2]
    );
    assert_eq!(
        family_documents(&a, "But such hopes appeared optimistic"),
        [0, 2]
    );
    assert_eq!(
        family_documents(&a, "The White House has accused Moscow"),
        [1, 4]
    );
    assert_eq!(
        family_documents(&a, "You can say that the level of trust"),
        [1, 3, 4]
    );
    assert_eq!(family_documents(&a, "No\", Trump said."), [0, 3]);
    assert_eq!(family_documents(&a, "It may be just the opposite"), [0, 2]);
    assert_eq!(
        family_documents(&a, "Putin, whom US intelligence agencies"),
        [1, 2]
    );
    // Without document dates, the first source is the first document.
    for f in &a.copies.families {
        assert_eq!(f.members[f.first].doc, f.documents[0]);
    }
    println!(
        "{} copy families on the seed cluster",
        a.copies.families.len()
    );
}

#[test]
fn overlap_matrix_agrees_with_families() {
    let a = seed_analysis();
    let m = &a.copies.overlap;
    assert_eq!(m.len(), 5);
    for (i, row) in m.iter().enumerate() {
        assert_eq!(row.len(), 5);
        assert_eq!(row[i], 1.0);
        for (j, &v) in row.iter().enumerate() {
            assert!((0.0..=1.0).contains(&v));
            if i != j {
                let shared = a
                    .copies
                    .families
                    .iter()
                    .any(|f| f.documents.contains(&i) && f.documents.contains(&j));
                assert_eq!(v > 0.0, shared, "overlap[{i}][{j}] = {v}");
            }
        }
    }
}

#[test]
fn alias_groups_of_the_seeds() {
    let a = seed_analysis();
    let forms = |canonical: &str| -> Vec<String> {
        a.aliases
            .iter()
            .find(|g| g.canonical == canonical)
            .unwrap_or_else(|| panic!("no group {canonical}"))
            .forms
            .iter()
            .map(|f| f.text.clone())
            .collect()
    };
    let russia = forms("Russia");
    for f in ["Russia", "Russian Federation", "Moscow", "Kremlin"] {
        assert!(russia.iter().any(|x| x == f), "{f} not in {russia:?}");
    }
    let us = forms("United States");
    for f in [
        "US",
        "U.S.",
        "USA",
        "United States",
        "Washington",
        "America",
    ] {
        assert!(us.iter().any(|x| x == f), "{f} not in {us:?}");
    }
    let tillerson = forms("Rex Tillerson");
    for f in ["Tillerson", "Mr Tillerson", "Rex Tillerson"] {
        assert!(tillerson.iter().any(|x| x == f), "{f} not in {tillerson:?}");
    }
    let lavrov = forms("Sergey Lavrov");
    assert!(lavrov.iter().any(|x| x == "foreign minister"), "{lavrov:?}");
    for g in &a.aliases {
        assert_eq!(
            g.mentions,
            g.forms.iter().map(|f| f.mentions).sum::<usize>()
        );
    }
}

#[derive(Deserialize)]
struct Gold {
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldQuote {
    doc: String,
    quote: String,
    speaker: String,
}

fn surname(name: &str) -> String {
    name.rsplit([' ', '-'])
        .next()
        .unwrap_or(name)
        .to_lowercase()
}

/// The speaker as these labels count one: a person. Their guideline marks
/// words credited to an institution or an unnamed person "unattributed",
/// and attribution names those by their description.
fn person_speaker(q: &Quote) -> Option<&str> {
    match q.kind {
        Some(SpeakerKind::Named | SpeakerKind::Resolved) => q.speaker.as_deref(),
        _ => None,
    }
}

#[test]
fn quote_attribution_against_hand_labels() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/quotes/seed_quotes.json");
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(path).expect("fixture"))
        .expect("fixture json");
    let a = seed_analysis();
    let mut unused: Vec<&Quote> = a.quotes.iter().collect();
    let (mut found, mut predicted, mut correct, mut gold_attributed) = (0, 0, 0, 0);
    for g in &gold.quotes {
        let gold_speaker = (g.speaker != "unattributed").then(|| surname(&g.speaker));
        gold_attributed += usize::from(gold_speaker.is_some());
        let Some(k) = unused
            .iter()
            .position(|q| q.doc_id == g.doc && q.text == g.quote)
        else {
            println!("missed quote: {} {:?}", g.doc, g.quote);
            continue;
        };
        let q = unused.remove(k);
        found += 1;
        let got = person_speaker(q).map(surname);
        if got.is_some() {
            predicted += 1;
            if got == gold_speaker {
                correct += 1;
            } else {
                println!(
                    "wrong: {:?} -> {:?}, labelled {:?}",
                    q.text, q.speaker, g.speaker
                );
            }
        } else if gold_speaker.is_some() {
            println!("not attributed: {:?}, labelled {:?}", q.text, g.speaker);
        }
    }
    // Quotes the system found that are not in the labels count against precision.
    for q in &unused {
        println!("extra quote: {} {:?}", q.doc_id, q.text);
        predicted += usize::from(person_speaker(q).is_some());
    }
    let precision = correct as f64 / predicted.max(1) as f64;
    let recall = correct as f64 / gold_attributed.max(1) as f64;
    println!(
        "quotes: {found}/{} found; attribution precision {precision:.3} ({correct}/{predicted}), recall {recall:.3} ({correct}/{gold_attributed})",
        gold.quotes.len()
    );
    assert_eq!(found, gold.quotes.len(), "every labelled quote is found");
    // These labels leave a pronoun unattributed when the sentence before
    // names two people; attribution binds it to the more salient one (the
    // speaker, the subject), as the DUC 2003 labels of
    // tests/data/attribution do. Measured: precision 0.781, recall 0.926.
    assert!(precision >= 0.75, "precision {precision:.3}");
    assert!(recall >= 0.9, "recall {recall:.3}");
}

#[test]
fn timeline_with_a_fixed_document_date() {
    let mut cluster = seed_cluster();
    // 2017-04-12 was a Wednesday.
    for d in &mut cluster.documents {
        d.date = Some("2017-04-12".into());
    }
    let a = analyze(&cluster).expect("analysis");
    let resolved = |text: &str| -> (String, String) {
        let m = a
            .dates
            .iter()
            .find(|m| m.text == text)
            .unwrap_or_else(|| panic!("no date mention {text:?}"));
        (m.start.clone().expect("start"), m.end.clone().expect("end"))
    };
    let day = |d: &str| (d.to_owned(), d.to_owned());
    assert_eq!(resolved("April 4"), day("2017-04-04"));
    assert_eq!(resolved("Thursday"), day("2017-04-06"));
    assert_eq!(resolved("Wednesday"), day("2017-04-12"));
    assert_eq!(resolved("last Tuesday"), day("2017-04-11"));
    assert_eq!(resolved("April 12, 2017"), day("2017-04-12"));
    assert_eq!(
        resolved("October 2015"),
        ("2015-10-01".into(), "2015-10-31".into())
    );
    assert_eq!(
        resolved("January"),
        ("2017-01-01".into(), "2017-01-31".into())
    );
    assert_eq!(
        resolved("last month"),
        ("2017-03-01".into(), "2017-03-31".into())
    );
    assert_eq!(
        resolved("last week"),
        ("2017-04-03".into(), "2017-04-09".into())
    );
    // Chronological, every event dated, copies merged into one event.
    assert!(a
        .timeline
        .windows(2)
        .all(|w| w[0].when.start <= w[1].when.start));
    assert!(a.timeline.iter().all(|e| e.when.start.is_some()));
    let white_house = a
        .timeline
        .iter()
        .filter(|e| e.sentence.starts_with("The White House has accused Moscow"))
        .collect::<Vec<_>>();
    assert_eq!(white_house.len(), 1);
    assert_eq!(white_house[0].sources.len(), 2);
    for e in a.timeline.iter().take(6) {
        println!(
            "{} .. {} [{}] {}",
            e.when.start.as_deref().unwrap_or("?"),
            e.when.end.as_deref().unwrap_or("?"),
            e.when.text,
            e.sentence
        );
    }
}
