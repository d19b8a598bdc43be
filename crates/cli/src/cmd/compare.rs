//! `brief compare`: which facts each source of a cluster reports, who it
//! quotes, and where sources disagree, as JSON or Markdown.

use super::input::{failure_status, for_each_prepared, InputArgs};
use crate::render;
use anyhow::{Context, Result};
use brief_core::compare::{compare_prepared, CompareConfig};
use clap::ValueEnum;
use std::io::Write;
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The full comparison; one JSON object per line for batches.
    Json,
    /// A Markdown report per cluster.
    Markdown,
}

/// `brief compare` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  brief compare examples/tillerson-moscow\n  brief compare --format json clusters.jsonl > comparisons.jsonl\n\nExit status: 0 when every cluster was compared, 1 when some input failed (each failure is reported on stderr), 2 on a usage error."
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,

    /// Facts listed per source as only there or omitted (0: all).
    #[arg(long, default_value_t = 5)]
    pub per_source: usize,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let config = CompareConfig::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (failed, total) = for_each_prepared(args.input.read(), |cluster, prepared, batch| {
        let comparison = compare_prepared(prepared, &config);
        match args.format {
            Format::Json if batch => {
                serde_json::to_writer(&mut out, &comparison).context("writing the comparison")?;
                writeln!(out)?;
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &comparison)
                    .context("writing the comparison")?;
                writeln!(out)?;
            }
            Format::Markdown => {
                writeln!(out, "# Sources of {}\n", comparison.cluster_id)?;
                for (i, id) in comparison.sources.iter().enumerate() {
                    writeln!(out, "- [{i}] {id}")?;
                }
                writeln!(out)?;
                write!(
                    out,
                    "{}",
                    render::comparison_markdown(cluster, &comparison, args.per_source)
                )?;
                if batch {
                    writeln!(out)?;
                }
            }
        }
        Ok(())
    })?;
    out.flush().context("writing the comparison")?;
    Ok(failure_status(failed, total, "compared"))
}
