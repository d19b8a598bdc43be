//! Time per cluster of each summarizer on the bundled seed cluster.

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

criterion_group!(benches, bench);
criterion_main!(benches);
