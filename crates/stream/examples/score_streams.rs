//! Scores the clusterer on labelled streams (`{"id", ..., "story"}` lines):
//! `cargo run --release -p brief-stream --example score_streams -- [key=value ...] STREAM...`
//! prints one line per stream: B-cubed P/R/F1, pairwise F1, NMI, stories and
//! articles per second. Settings: any [`ClusterConfig`] field by its JSON
//! name, with a JSON value: `threshold=0.3`, `window_days=null`,
//! `dedup=null`, `dedup.bands=20`. Streams come from
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

/// Sets one [`ClusterConfig`] field, named as in its JSON form (`dedup.bands`
/// for a nested one), to a JSON value; serde rejects unknown names.
fn set(
    config: &mut ClusterConfig,
    key: &str,
    value: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut json = serde_json::to_value(&*config)?;
    let mut slot = &mut json;
    for part in key.split('.') {
        slot = slot
            .as_object_mut()
            .ok_or_else(|| format!("{key}: not a group of settings"))?
            .entry(part)
            .or_insert(serde_json::Value::Null);
    }
    *slot = serde_json::from_str(value).map_err(|e| format!("{key}={value}: {e}"))?;
    *config = serde_json::from_value(json).map_err(|e| format!("{key}: {e}"))?;
    config.validate()?;
    Ok(())
}
