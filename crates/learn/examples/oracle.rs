//! Extractive oracle: greedily adds the sentence that most raises
//! ROUGE-1 + ROUGE-2 F against the reference, within the word budget, and
//! prints the mean scores: the ceiling of sentence selection on a data set.
//!
//!     cargo run --release -p brief-learn --example oracle -- DATA.jsonl 230

use brief_core::{Budget, Pipeline};
use brief_rouge::{Rouge, RougeConfig, RougeType};
use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = std::path::PathBuf::from(args.get(1).expect("DATA"));
    let words: usize = args.get(2).and_then(|w| w.parse().ok()).unwrap_or(230);
    let mut clusters = Vec::new();
    brief_learn::data::for_each_batch(&path, 1024, |b| clusters.extend(b.into_iter().flatten()))
        .expect("reads");
    let mut config = RougeConfig::rouge_score();
    config.types = vec![RougeType::N(1), RougeType::N(2), RougeType::LSum];
    let rouge = Rouge::new(config).expect("rouge");
    let pipeline = Pipeline::default();
    let scores: Vec<[f64; 4]> = clusters
        .par_iter()
        .filter(|c| !c.references.is_empty())
        .filter_map(|c| {
            let p = pipeline.prepare(c).ok()?;
            let refs = [c.references[0].as_str()];
            let mut chosen: Vec<usize> = Vec::new();
            let mut used = 0;
            let mut best_value = 0.0;
            loop {
                let mut best: Option<(usize, f64)> = None;
                for i in 0..p.sentences.len() {
                    if chosen.contains(&i) || used + p.sentences[i].words > words {
                        continue;
                    }
                    let mut trial = chosen.clone();
                    trial.push(i);
                    trial.sort_unstable();
                    let text: Vec<&str> = trial.iter().map(|&k| p.text(k)).collect();
                    let s = rouge.score(&text.join("\n"), &refs);
                    let v = s[0].1.fmeasure + s[1].1.fmeasure;
                    if best.is_none_or(|(_, b)| v > b) {
                        best = Some((i, v));
                    }
                }
                match best {
                    Some((i, v)) if v > best_value => {
                        chosen.push(i);
                        used += p.sentences[i].words;
                        best_value = v;
                    }
                    _ => break,
                }
            }
            chosen.sort_unstable();
            let text: Vec<&str> = chosen.iter().map(|&k| p.text(k)).collect();
            let s = rouge.score(&text.join("\n"), &refs);
            Some([
                s[0].1.fmeasure,
                s[1].1.fmeasure,
                s[2].1.fmeasure,
                used as f64,
            ])
        })
        .collect();
    let n = scores.len() as f64;
    let mean = |k: usize| scores.iter().map(|s| s[k]).sum::<f64>() / n;
    println!(
        "{} clusters, budget {}: oracle R1 {:.2} R2 {:.2} RLsum {:.2}, {:.0} words",
        scores.len(),
        Budget::Words(words),
        100.0 * mean(0),
        100.0 * mean(1),
        100.0 * mean(2),
        mean(3)
    );
}
