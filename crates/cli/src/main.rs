//! `brief`: a thin shell over the brief libraries. Each subcommand lives in
//! its own module under `cmd/`, turns flags into validated library settings,
//! and calls the library.

mod cmd;
mod progress;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// brief — faithful, non-redundant summaries of news clusters, with provenance.
///
/// Every summary sentence says where it came from: document, sentence
/// number and byte span in the source text.
#[derive(Parser)]
#[command(name = "brief", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Summarize clusters of news articles.
    Summarize(cmd::summarize::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Summarize(args) => cmd::summarize::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Output piped into `head` and closed early is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
