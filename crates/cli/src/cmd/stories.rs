//! `brief stories`: an article stream in, one summarized story per line out.
//!
//! Articles are clustered online (`brief cluster`); when a story closes (its
//! time window passed, `--idle-articles` articles came without a new member,
//! the open-story cap was reached, or the stream ended) its articles are
//! summarized, in parallel with other closed stories, and dropped from
//! memory, so memory stays bounded on undated streams too.

use super::cluster::{count_lines, push_stream, skipped_status, ClusterArgs};
use super::summarize::BudgetArgs;
use anyhow::{Context, Result};
use brief_core::{summarize_cluster, Algorithm, Budget, Cluster, Document, Params};
use brief_stream::{StoryClusterer, StoryStats};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Articles of the open stories, by story number.
/// Articles of open stories by stream position (a closing story may split,
/// so its members are looked up one by one).
type Map = HashMap<u64, Document>;

/// `brief stories` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Input: one article per line, {\"id\", \"title\"?, \"text\", \"published\"?, \"source\"?}, in publication order.\nOutput: one JSON line per story: its members and metrics (as `brief cluster --out-stories`) and `summary`.\n\nExamples:\n  brief stories --in articles.jsonl > stories.jsonl\n  brief stories --in articles.jsonl --words 60 --algorithm mmr\n\nA story whose articles hold no usable sentence gets \"summary\": null and a \"skipped\" reason.\n\nA line that is not a readable article (bad JSON, not UTF-8, too long, a bad date) is reported on standard error with its file and line and skipped.\n\nExit status: 0 on success, 1 when some lines were skipped, 2 on a usage error or an unreadable input."
)]
pub struct Args {
    /// Article stream (JSONL); - for standard input.
    #[arg(long = "in", value_name = "PATH")]
    pub input: PathBuf,

    #[arg(short, long, default_value_t = Algorithm::DEFAULT.name().to_owned(),
          help = format!("Summarization algorithm: {}", super::summarize::algorithm_names()))]
    pub algorithm: String,

    #[command(flatten)]
    pub budget: BudgetArgs,

    #[command(flatten)]
    pub settings: ClusterArgs,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let algorithm: Algorithm = args.algorithm.parse()?;
    let budget = args.budget.budget()?;
    let params = Params::default();
    let mut clusterer = StoryClusterer::try_new(args.settings.config()?)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let bar = crate::progress::bar(count_lines(&args.input), "articles");
    let mut open: Map = Map::new();
    let mut position = 0u64;
    let counts = push_stream(
        &args.input,
        args.settings.max_document_bytes,
        &mut clusterer,
        &bar,
        |line, _, clusterer| {
            let article = line.article;
            open.insert(
                position,
                Document {
                    id: article.id,
                    title: article.title,
                    text: article.text,
                    date: article.published,
                    source: article.source,
                },
            );
            position += 1;
            let closed = clusterer.take_closed();
            if !closed.is_empty() {
                write_stories(&mut out, closed, &mut open, algorithm, &params, budget)?;
            }
            Ok(())
        },
    )?;
    bar.finish_and_clear();
    let rest = clusterer.finish();
    write_stories(&mut out, rest, &mut open, algorithm, &params, budget)?;
    out.flush().context("writing stories")?;
    Ok(skipped_status(&counts, "clustered and summarized"))
}

/// Summarizes closed stories in parallel and writes them in closing order;
/// a story with nothing to summarize gets `"summary": null` and `"skipped"`.
fn write_stories(
    out: &mut impl Write,
    closed: Vec<StoryStats>,
    open: &mut Map,
    algorithm: Algorithm,
    params: &Params,
    budget: Budget,
) -> Result<()> {
    let work: Vec<(StoryStats, Vec<Document>)> = closed
        .into_iter()
        .map(|s| {
            let docs = s.positions.iter().filter_map(|p| open.remove(p)).collect();
            (s, docs)
        })
        .collect();
    let results: Vec<(StoryStats, Result<brief_core::Summary, String>)> = work
        .into_par_iter()
        .map(|(stats, documents)| {
            let cluster = Cluster::new(format!("story-{}", stats.story), documents);
            let summary = summarize_cluster(&cluster, algorithm, params, budget)
                .map_err(|e| format!("story {}: {e}", stats.story));
            (stats, summary)
        })
        .collect();
    for (stats, summary) in results {
        let mut row = serde_json::to_value(&stats)?;
        match summary {
            Ok(s) => {
                if let Some(o) = row.as_object_mut() {
                    o.insert("summary".into(), serde_json::to_value(&s)?);
                }
            }
            // A story whose articles hold no usable sentence (boilerplate,
            // captions) is kept with no summary rather than failing the run.
            Err(message) => {
                if let Some(o) = row.as_object_mut() {
                    o.insert("summary".into(), serde_json::Value::Null);
                    o.insert("skipped".into(), message.into());
                }
            }
        }
        writeln!(out, "{row}").context("writing stories")?;
    }
    Ok(())
}
