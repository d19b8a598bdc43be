//! Scores the clusterer on labelled streams (`{"id", ..., "story"}` lines):
//! `cargo run --release -p brief-stream --example score_streams -- [key=value ...] STREAM...`
//! prints one line per stream: B-cubed P/R/F1, pairwise F1, NMI, stories and
//! articles per second. Settings: `threshold=0.3` and the other
//! [`ClusterConfig`] numbers by field name. Streams come from
//! `examples/spark/build_streams.py`; `SCORE_DUMP=folder` also writes each
//! stream's predicted stories there, one per line.

use brief_stream::{score, Article, ClusterConfig, StoryClusterer};
use std::io::BufRead;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut config = ClusterConfig::default();
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.split_once('=') {
            Some((key, value)) => set(&mut config, key, value)?,
            None => paths.push(arg),
        }
    }
    for path in paths {
        let file = std::io::BufReader::new(std::fs::File::open(&path)?);
        let mut articles = Vec::new();
        let mut gold = Vec::new();
        for (number, line) in file.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let value: serde_json::Value =
                serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", number + 1))?;
            let Some(story) = value.get("story") else {
                return Err(format!("{path}:{}: no gold `story` field", number + 1).into());
            };
            gold.push(story.to_string());
            articles.push(serde_json::from_value::<Article>(value)?);
        }
        let start = Instant::now();
        let mut clusterer = StoryClusterer::try_new(config.clone())?;
        let predicted = clusterer.assign_all(&articles)?;
        let seconds = start.elapsed().as_secs_f64();
        let s = score(&gold, &predicted)?;
        if let Ok(folder) = std::env::var("SCORE_DUMP") {
            let name = path.rsplit('/').next().unwrap_or(&path);
            let lines: Vec<String> = predicted.iter().map(u64::to_string).collect();
            std::fs::write(format!("{folder}/{name}.pred"), lines.join("\n"))?;
        }
        println!(
            "{:<28} B3 P {:.3} R {:.3} F1 {:.3} | pair F1 {:.3} | NMI {:.3} | {} stories for {} | {:.0} art/s",
            path.rsplit('/').next().unwrap_or(&path),
            s.bcubed_precision,
            s.bcubed_recall,
            s.bcubed_f1,
            s.pairwise_f1,
            s.nmi,
            s.predicted_clusters,
            s.gold_clusters,
            articles.len() as f64 / seconds
        );
    }
    Ok(())
}

/// Sets one [`ClusterConfig`] field by name.
fn set(
    config: &mut ClusterConfig,
    key: &str,
    value: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let number: f64 = value.parse()?;
    match key {
        "threshold" => config.threshold = number,
        "title_weight" => config.title_weight = number,
        "entity_boost" => config.entity_boost = number,
        "lead_words" => config.lead_words = number as usize,
        "max_active_stories" => config.max_active_stories = number as usize,
        "candidate_terms" => config.candidate_terms = number as usize,
        "boilerplate_articles" => config.boilerplate_articles = number as u32,
        "coherence_exponent" => config.coherence_exponent = number,
        "opening_words" => config.opening_words = number as usize,
        "scale_penalty" => config.scale_penalty = number,
        "split_ratio" => config.split_ratio = number,
        "split_min_members" => config.split_min_members = number as usize,
        "clear_threshold" => config.clear_threshold = number,
        "clear_margin" => config.clear_margin = number,
        "idle_articles" => config.idle_articles = (number > 0.0).then_some(number as u64),
        "dedup" => {
            if number == 0.0 {
                config.dedup = None;
            }
        }
        _ => return Err(format!("unknown setting {key}").into()),
    }
    Ok(())
}
