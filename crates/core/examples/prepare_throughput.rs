//! Measures how fast the default pipeline prepares and summarizes JSONL clusters.
//!
//! `cargo run --release -p brief-core --example prepare_throughput -- FILE.jsonl`

use brief_core::{build, Algorithm, Budget, Cluster, Params, Pipeline};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: prepare_throughput FILE.jsonl")?;
    let text = std::fs::read_to_string(path)?;
    let clusters: Vec<Cluster> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let pipeline = Pipeline::default();
    let t = Instant::now();
    let mut sentences = 0;
    for c in &clusters {
        sentences += pipeline.prepare(c).map(|p| p.sentences.len()).unwrap_or(0);
    }
    let prep = t.elapsed();
    println!(
        "prepare: {} clusters, {sentences} sentences in {:.3}s ({:.0} clusters/s, one thread)",
        clusters.len(),
        prep.as_secs_f64(),
        clusters.len() as f64 / prep.as_secs_f64()
    );
    let seg = Instant::now();
    let mut n = 0;
    for c in &clusters {
        for d in &c.documents {
            n += sentencex::get_sentence_boundaries("en", &d.text).len();
        }
    }
    println!(
        "  of which sentencex alone: {:.3}s ({n} boundaries)",
        seg.elapsed().as_secs_f64()
    );
    for &alg in Algorithm::ALL {
        let s = build(alg, &Params::default())?;
        let t = Instant::now();
        for c in &clusters {
            if let Ok(p) = pipeline.prepare(c) {
                s.summarize(&p, Budget::Words(230));
            }
        }
        let el = t.elapsed().as_secs_f64() - prep.as_secs_f64();
        println!("{alg}: summarize only ≈ {:.3}s", el);
    }
    Ok(())
}
