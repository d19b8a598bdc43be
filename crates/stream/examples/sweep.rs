//! Scores the clusterer on labelled streams over a grid of one setting, to
//! choose defaults on development data and check them on held-out halves.
//!
//! ```text
//! cargo run --release -p brief-stream --example sweep -- threshold 0.15,0.2,0.25,0.3 a.jsonl b.jsonl
//! ```
//! Settings: any [`ClusterConfig`] field by its JSON name, values in JSON
//! (`window_days 3,7,null`, `dedup null`). Every line needs a gold `story` field; a
//! `--half even|odd` flag keeps only the stories whose first-seen rank is even/odd.

use brief_stream::{score, Article, ClusterConfig, StoryClusterer};
use std::collections::HashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut half: Option<usize> = None;
    if let Some(i) = args.iter().position(|a| a == "--half") {
        half = Some(if args.get(i + 1).map(String::as_str) == Some("odd") {
            1
        } else {
            0
        });
        args.drain(i..i + 2);
    }
    let [setting, values, paths @ ..] = args.as_slice() else {
        return Err("usage: sweep SETTING V1,V2,.. STREAM.jsonl...".into());
    };
    for path in paths {
        let text = std::fs::read_to_string(path)?;
        let mut rows: Vec<(Article, String)> = Vec::new();
        let mut rank: HashMap<String, usize> = HashMap::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line)?;
            let gold = v["story"]
                .as_str()
                .ok_or("line without a story")?
                .to_owned();
            let next = rank.len();
            let r = *rank.entry(gold.clone()).or_insert(next);
            if half.is_none_or(|h| r % 2 == h) {
                rows.push((serde_json::from_value(v)?, gold));
            }
        }
        for value in values.split(',') {
            let mut json = serde_json::to_value(ClusterConfig::default())?;
            json[setting.as_str()] = serde_json::from_str(value)?;
            let config: ClusterConfig = serde_json::from_value(json)?;
            let mut clusterer = StoryClusterer::try_new(config)?;
            let mut predicted = Vec::new();
            for (a, _) in &rows {
                predicted.push(clusterer.push(a)?.story);
            }
            let gold: Vec<&str> = rows.iter().map(|(_, g)| g.as_str()).collect();
            let s = score(&gold, &predicted)?;
            println!(
                "{path} {setting}={value} n={} gold={} pred={} B3 P={:.4} R={:.4} F1={:.4} pairF1={:.4} NMI={:.4}",
                s.items, s.gold_clusters, s.predicted_clusters, s.bcubed_precision, s.bcubed_recall,
                s.bcubed_f1, s.pairwise_f1, s.nmi
            );
        }
    }
    Ok(())
}
