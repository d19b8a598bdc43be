//! `brief analyze`: copy families, aliases, quotes and the timeline of
//! clusters, as JSON, Markdown or one self-contained HTML page.

use super::input::{failure_status, for_each_prepared, InputArgs};
use crate::render;
use anyhow::{Context, Result};
use brief_core::analyze::analyze_prepared;
use clap::ValueEnum;
use std::io::Write;
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The full analysis; one JSON object per line for batches.
    Json,
    /// A Markdown report per cluster.
    Markdown,
    /// One self-contained HTML page per cluster (inline CSS and script).
    Html,
}

/// `brief analyze` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  brief analyze examples/tillerson-moscow\n  brief analyze --format html examples/tillerson-moscow > analysis.html\n  brief analyze --format json clusters.jsonl > analyses.jsonl\n\nExit status: 0 when every cluster was analyzed, 1 when some input failed (each failure is reported on stderr with its file and line), 2 on a usage error."
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (failed, total) = for_each_prepared(args.input.read(), |cluster, prepared, batch| {
        let analysis = analyze_prepared(prepared);
        match args.format {
            Format::Json if batch => {
                serde_json::to_writer(&mut out, &analysis).context("writing the analysis")?;
                writeln!(out)?;
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &analysis)
                    .context("writing the analysis")?;
                writeln!(out)?;
            }
            Format::Markdown => {
                write!(out, "{}", render::markdown(cluster, &analysis))?;
                if batch {
                    writeln!(out)?;
                }
            }
            Format::Html => write!(out, "{}", render::html(prepared, &analysis))?,
        }
        Ok(())
    })?;
    out.flush().context("writing the analysis")?;
    Ok(failure_status(failed, total, "analyzed"))
}
