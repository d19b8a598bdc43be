//! Invariants of cluster analysis on arbitrary news-like text: no panic,
//! and every span points at the text it reports.

use brief_core::analyze::analyze;
use brief_core::{Cluster, Document};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Russia",
    "Russian Federation",
    "the U.S.",
    "US",
    "us",
    "Mr Tillerson",
    "Secretary of State Rex Tillerson",
    "said",
    "he said",
    "told reporters",
    "\"",
    "'",
    "\u{201c}",
    "\u{201d}",
    "\u{2019}s",
    "’",
    ",",
    ".",
    "?",
    " ",
    " ",
    " ",
    "\n\n",
    "on Wednesday",
    "last week",
    "April 4",
    "April 12, 2017",
    "in January",
    "May",
    "2013",
    "31",
    "Lavrov",
    "Putin",
    "the foreign minister",
    "café",
    "é",
    "—",
    "U.S",
    "U.",
    "al-Assad",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn spans_point_at_what_they_report(texts in proptest::collection::vec(text(), 1..4),
                                       dated in any::<bool>()) {
        let documents: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut d = Document::new(format!("d{i}"), format!("Headline\n\n{t}. The end is near for sure."));
                if dated {
                    d.date = Some("2017-04-12T08:00:00Z".into());
                }
                d
            })
            .collect();
        let cluster = Cluster::new("p", documents);
        let a = analyze(&cluster).expect("every document has a body sentence");
        for q in &a.quotes {
            prop_assert_eq!(&cluster.documents[q.doc].text[q.span.range()], q.text.as_str());
            if let Some(s) = q.speaker_span {
                prop_assert!(cluster.documents[q.doc].text.get(s.range()).is_some());
            }
        }
        for f in &a.copies.families {
            prop_assert!(f.members.len() >= 2);
            for m in &f.members {
                prop_assert_eq!(&cluster.documents[m.doc].text[m.span.range()], m.text.as_str());
            }
        }
        for m in &a.dates {
            prop_assert_eq!(&cluster.documents[m.doc].text[m.span.range()], m.text.as_str());
            prop_assert_eq!(m.start.is_some(), m.end.is_some());
            prop_assert!(m.start <= m.end);
        }
        for row in &a.copies.overlap {
            prop_assert!(row.iter().all(|v| (0.0..=1.0).contains(v)));
        }
    }
}
