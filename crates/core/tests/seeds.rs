//! The segmenter and pipeline on the bundled seed cluster: real news text with
//! abbreviations (U.S., U.N., Mr), quotes with ellipses, headlines and byline
//! residue.
//!
//! `fixtures/seed_sentences.json` holds every sentence of the five seed
//! articles, split by hand-checked boundaries (headline first, byline last).

use brief_core::text::clean::{classify, SegmentKind};
use brief_core::text::{NewsSegmenter, Segmenter};
use brief_core::{Cluster, Document, Pipeline};
use std::collections::BTreeMap;
use std::path::PathBuf;

mod common;

use common::seed_files as seeds;

fn expected() -> BTreeMap<String, Vec<String>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed_sentences.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("fixture json")
}

#[test]
fn every_seed_sentence_boundary_is_right() {
    let expected = expected();
    let seeds = seeds();
    assert_eq!(seeds.len(), 5);
    for (name, text) in &seeds {
        let want = &expected[name];
        let got: Vec<&str> = NewsSegmenter
            .segment(text)
            .iter()
            .map(|s| &text[s.range()])
            .collect();
        for (i, (g, w)) in got.iter().zip(want.iter()).enumerate() {
            assert_eq!(g, w, "{name}: sentence {i} differs");
        }
        assert_eq!(got.len(), want.len(), "{name}: sentence count");
    }
}

#[test]
fn abbreviations_in_seeds_stay_inside_sentences() {
    for (name, text) in seeds() {
        for span in NewsSegmenter.segment(&text) {
            let s = &text[span.range()];
            for bad_end in [" U.", " Mr.", " Gen.", " Jan.", "-U."] {
                assert!(!s.ends_with(bad_end), "{name}: cut after abbreviation: {s}");
            }
        }
    }
}

#[test]
fn headlines_and_bylines_never_become_body_sentences() {
    let seeds = seeds();
    let documents = seeds
        .iter()
        .map(|(name, text)| Document {
            id: name.clone(),
            title: text.lines().next().map(str::to_owned),
            text: text.clone(),
            ..Document::default()
        })
        .collect();
    let cluster = Cluster::new("seeds", documents);
    let p = Pipeline::default().prepare(&cluster).expect("prepared");
    for i in 0..p.sentences.len() {
        let s = p.text(i);
        assert_eq!(classify(s), SegmentKind::Body, "{s}");
        assert!(!s.contains('•'), "byline selected: {s}");
    }
    for (d, (_, text)) in seeds.iter().enumerate() {
        let headline = text.lines().next().expect("headline");
        let range = p.doc_sentences[d].clone();
        assert!(range.clone().all(|i| p.text(i) != headline));
        assert!(!range.is_empty());
    }
}

#[test]
fn a_cluster_longer_than_the_model_reads_opens_on_the_picked_sentence_its_lede_scorer_rates_best() {
    use brief_core::learn::model::SelectionModel;
    use brief_core::select::{followers, SelectionConfig};
    use brief_core::{build, Algorithm, Budget, Params};
    let documents = seeds()
        .iter()
        .map(|(name, text)| Document::new(name.clone(), text.clone()))
        .collect();
    let cluster = Cluster::new("seeds", documents);
    let p = Pipeline::default().prepare(&cluster).expect("prepared");
    let model = SelectionModel::builtin();
    assert!(
        !model.fits(&p),
        "the seed articles are longer than the window"
    );
    let mut params = Params::default();
    params.selection.explain = true;
    let summarizer = build(Algorithm::Submodular, &params).expect("default");
    let summary = summarizer.summarize(&p, Budget::Words(100));
    let picked: Vec<usize> = summary
        .items
        .iter()
        .map(|item| p.doc_sentences[item.doc].start + item.sentence)
        .collect();
    let leaning = followers(&p, &SelectionConfig::default());
    let standing: Vec<usize> = picked
        .iter()
        .copied()
        .filter(|i| !leaning.contains(i))
        .collect();
    let scores = model.window_lede_scores(&p, &standing);
    let (best, best_score) = standing
        .iter()
        .zip(&scores)
        .filter_map(|(&i, s)| Some((i, (*s)?)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .expect("a picked sentence inside the window");
    assert_eq!(picked[0], best, "{summary:?}");
    // `--explain` says so: the lede's score, and no score for a sentence
    // beyond the window.
    let explained = |k: usize| {
        summary.items[k]
            .explain
            .as_ref()
            .expect("explained")
            .lede_score
    };
    assert_eq!(explained(0), Some(f64::from(best_score)));
    for (k, &i) in picked.iter().enumerate() {
        let window_score = standing
            .iter()
            .position(|&j| j == i)
            .and_then(|at| scores[at]);
        assert_eq!(explained(k), window_score.map(f64::from), "item {k}");
    }
}
