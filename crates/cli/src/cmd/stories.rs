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
use brief_core::{Algorithm, SummarizeSettings};
use brief_stream::{
    ClosedStory, StoriesConfig, StoryStream, StoryUpdate, SummarizedStory, UpdateJob, UpdateStream,
};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// `brief stories` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Input: one article per line, {\"id\", \"title\"?, \"text\", \"published\"?, \"source\"?}, in publication order.\nOutput: one JSON line per story: its members and metrics (as `brief cluster --out-stories`) and `summary`.\n\nExamples:\n  brief stories --in articles.jsonl > stories.jsonl\n  brief stories --in articles.jsonl --words 60 --algorithm mmr\n  brief stories --in articles.jsonl --updates > updates.jsonl\n\nA story whose articles hold no usable sentence gets \"summary\": null and a \"skipped\" reason.\n\nA line that is not a readable article (bad JSON, not UTF-8, too long, a bad date) is reported on standard error with its file and line and skipped.\n\nExit status: 0 on success, 1 when some lines were skipped, 2 on a usage error or an unreadable input."
)]
pub struct Args {
    /// Article stream (JSONL); - for standard input.
    #[arg(long = "in", value_name = "PATH")]
    pub input: PathBuf,

    #[arg(short, long, value_name = "NAME",
          help = format!("Summarization algorithm: {} [default: {}]",
                         super::summarize::algorithm_names(), Algorithm::DEFAULT))]
    pub algorithm: Option<String>,

    #[command(flatten)]
    pub budget: BudgetArgs,

    /// On a dated stream, summarize each open story at every new day
    /// (UTC) it got articles: first in full, then what the new articles
    /// add to its earlier ones. One JSON line per record: `story`, `kind`
    /// (summary or update), `closed`, `as_of`, `articles` (new),
    /// `seen_articles` (the history) and `summary`.
    #[arg(long)]
    pub updates: bool,

    #[command(flatten)]
    pub settings: ClusterArgs,
}

impl Args {
    /// The library's settings with these flags applied, validated; no
    /// flags give [`StoriesConfig::default`].
    pub fn config(&self) -> Result<StoriesConfig> {
        let mut summary = SummarizeSettings {
            algorithm: self.algorithm.clone(),
            ..SummarizeSettings::default()
        };
        self.budget.apply(&mut summary);
        let config = StoriesConfig {
            cluster: self.settings.config()?,
            summary,
        };
        config.validate()?;
        Ok(config)
    }
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let config = args.config()?;
    if args.updates {
        return run_updates(&args, &config);
    }
    let mut stream = StoryStream::new(&config)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let bar = crate::progress::bar(count_lines(&args.input), "articles");
    let counts = push_stream(&args.input, &args.settings, &bar, |line| {
        match stream.push(line.article) {
            Ok((_, closed)) => {
                if !closed.is_empty() {
                    write_stories(&mut out, closed, &config)?;
                }
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e)),
        }
    })?;
    bar.finish_and_clear();
    write_stories(&mut out, stream.finish(), &config)?;
    out.flush().context("writing stories")?;
    Ok(skipped_status(&counts, "clustered and summarized"))
}

/// `brief stories --updates`: update records at each new day and when
/// stories close ([`brief_stream::updates`]).
fn run_updates(args: &Args, config: &StoriesConfig) -> Result<ExitCode> {
    let mut stream = UpdateStream::new(config)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let bar = crate::progress::bar(count_lines(&args.input), "articles");
    let counts = push_stream(&args.input, &args.settings, &bar, |line| {
        match stream.push(line.article) {
            Ok(jobs) => {
                if !jobs.is_empty() {
                    write_updates(&mut out, jobs, config)?;
                }
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(e)),
        }
    })?;
    bar.finish_and_clear();
    write_updates(&mut out, stream.finish(), config)?;
    out.flush().context("writing stories")?;
    Ok(skipped_status(&counts, "clustered and summarized"))
}

/// Summarizes update jobs in parallel and writes them in order.
fn write_updates(out: &mut impl Write, jobs: Vec<UpdateJob>, config: &StoriesConfig) -> Result<()> {
    let done: Vec<StoryUpdate> = jobs
        .into_par_iter()
        .map(|job| job.summarize(config))
        .collect();
    for record in done {
        let row = serde_json::to_value(&record)?;
        writeln!(out, "{row}").context("writing stories")?;
    }
    Ok(())
}

/// Summarizes closed stories in parallel and writes them in closing order;
/// a story with nothing to summarize gets `"summary": null` and `"skipped"`.
fn write_stories(
    out: &mut impl Write,
    closed: Vec<ClosedStory>,
    config: &StoriesConfig,
) -> Result<()> {
    let done: Vec<SummarizedStory> = closed
        .into_par_iter()
        .map(|story| story.summarize(config))
        .collect();
    for story in done {
        // Through a JSON value: its keys come out sorted.
        let row = serde_json::to_value(&story)?;
        writeln!(out, "{row}").context("writing stories")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Flags {
        #[command(flatten)]
        args: Args,
    }

    #[test]
    fn no_flags_give_the_library_defaults() -> Result<()> {
        let flags = Flags::try_parse_from(["brief", "--in", "x.jsonl"])?;
        assert_eq!(flags.args.config()?, StoriesConfig::default());
        Ok(())
    }
}
