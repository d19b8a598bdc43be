//! Adds an `embedding` field (all-MiniLM-L6-v2 of the article's headline
//! and lead, [`brief_stream::Article::embedding_text`]) to every line of an
//! article stream, keeping the line's other fields (a gold `story` label):
//! a stream embedded once can then be clustered and scored many times
//! without the model (`score_streams`, `brief cluster --eval`).
//!
//! `cargo run --release -p brief-embed --example embed_stream -- IN.jsonl OUT.jsonl`
//! (the model folder from `BRIEF_EMBED_MODEL`). Prints articles per second.

use brief_embed::MiniLmEncoder;
use brief_stream::{embed_articles, Article, EMBEDDING_BATCH};
use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: embed_stream IN.jsonl OUT.jsonl");
        std::process::exit(2);
    };
    let encoder = MiniLmEncoder::from_env()?;
    let reader = std::io::BufReader::new(std::fs::File::open(input)?);
    let mut out = BufWriter::new(std::fs::File::create(output)?);
    let started = Instant::now();
    let mut count = 0usize;
    let mut lines: Vec<serde_json::Value> = Vec::new();
    let mut flush = |lines: &mut Vec<serde_json::Value>| -> Result<(), Box<dyn std::error::Error>> {
        let mut articles: Vec<Article> = lines
            .iter()
            .map(|v| serde_json::from_value(v.clone()))
            .collect::<Result<_, _>>()?;
        embed_articles(&encoder, &mut articles)?;
        for (mut line, article) in lines.drain(..).zip(articles) {
            line["embedding"] = serde_json::to_value(article.embedding)?;
            writeln!(out, "{line}")?;
        }
        Ok(())
    };
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        lines.push(serde_json::from_str(&line)?);
        count += 1;
        if lines.len() == EMBEDDING_BATCH * 4 {
            flush(&mut lines)?;
        }
    }
    flush(&mut lines)?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{count} articles in {secs:.1} s: {:.0} articles/s",
        count as f64 / secs
    );
    Ok(())
}
