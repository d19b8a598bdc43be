//! Time per cluster of each summarizer on the bundled seed cluster, and
//! of the selection model's stages on it (feature rows, then the forests
//! that score them).

use brief_core::learn::concepts::{ConceptRows, CONCEPT_WIDTH};
use brief_core::learn::model::SelectionModel;
use brief_core::learn::sentences::{SentenceRows, SENTENCE_WIDTH};
use brief_core::{build, Algorithm, Budget, Cluster, Document, Params, Pipeline};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn seed_cluster() -> Cluster {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/tillerson-moscow"
    );
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("examples/tillerson-moscow exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let documents = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("seed is UTF-8");
            let title = text.lines().next().map(str::to_owned);
            Document {
                id: p
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                title,
                text,
                ..Document::default()
            }
        })
        .collect();
    Cluster::new("tillerson-moscow", documents)
}

fn bench(c: &mut Criterion) {
    let cluster = seed_cluster();
    let pipeline = Pipeline::default();
    c.bench_function("prepare", |b| {
        b.iter(|| pipeline.prepare(black_box(&cluster)).expect("prepared"))
    });
    let prepared = pipeline.prepare(&cluster).expect("prepared");
    for &alg in Algorithm::ALL {
        let s = build(alg, &Params::default()).expect("valid params");
        // Check the output inside the benchmark, so a fast wrong answer can't look good.
        let out = s.summarize(&prepared, Budget::Words(100));
        assert!(!out.items.is_empty() && out.word_count() <= 100);
        c.bench_function(&format!("summarize/{}", alg.name()), |b| {
            b.iter(|| s.summarize(black_box(&prepared), Budget::Words(100)))
        });
    }
}

/// The selection model on the seed cluster: the rows it reads, and each
/// forest over them (the concept forest scores a few hundred rows per
/// cluster; it is where a short cluster's time goes).
fn model(c: &mut Criterion) {
    let cluster = seed_cluster();
    let prepared = Pipeline::default().prepare(&cluster).expect("prepared");
    let model = SelectionModel::builtin();
    let concepts = ConceptRows::extract(&prepared, &model.term_prior);
    let probabilities = model.concept.outputs(&concepts.rows, CONCEPT_WIDTH);
    assert_eq!(probabilities.len(), concepts.keys.len());
    assert!(probabilities.iter().all(|q| (0.0..=1.0).contains(q)));
    let sentences = SentenceRows::extract(&prepared, &concepts, &probabilities, &model.term_prior);
    assert_eq!(
        sentences.rows.len(),
        prepared.sentences.len() * SENTENCE_WIDTH
    );
    c.bench_function("model/concept_rows", |b| {
        b.iter(|| ConceptRows::extract(black_box(&prepared), &model.term_prior))
    });
    c.bench_function("model/concept_forest", |b| {
        b.iter(|| {
            model
                .concept
                .outputs(black_box(&concepts.rows), CONCEPT_WIDTH)
        })
    });
    c.bench_function("model/sentence_forest", |b| {
        b.iter(|| {
            model
                .sentence
                .outputs(black_box(&sentences.rows), SENTENCE_WIDTH)
        })
    });
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/selection.json"
    ))
    .expect("the compiled-in model file");
    c.bench_function("model/parse", |b| {
        b.iter(|| SelectionModel::from_json(black_box(&file)).expect("valid model"))
    });
    c.bench_function("model/score", |b| {
        b.iter(|| model.score(black_box(&prepared)))
    });
}

criterion_group!(benches, bench, model);
criterion_main!(benches);
