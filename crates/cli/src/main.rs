//! `brief`: a thin shell over the brief libraries. Each subcommand lives in
//! its own module under `cmd/`, turns flags into validated library settings,
//! and calls the library.

mod cmd;
mod progress;
mod render;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc (Microsoft's allocator, via the `mimalloc` crate): preparing a
/// cluster allocates many small, short-lived strings and vectors, which it
/// serves faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Evaluate summarizers against human references (ROUGE with 95% CIs).
    Eval(cmd::eval::Args),
    /// Score summaries made by any system against references.
    Score(cmd::score::Args),
    /// Time summarization per cluster and algorithm.
    Bench(cmd::bench::Args),
    /// Serve the HTTP API and the web page.
    Serve(cmd::serve::Args),
    /// Analyze clusters: copied sentences, aliases, quotes and timeline.
    Analyze(cmd::analyze::Args),
    /// Compare the sources of clusters: shared and single-source facts,
    /// who each quotes, conflicting numbers, dates and names.
    Compare(cmd::compare::Args),
    /// Assign each article of a time-ordered stream to a story.
    Cluster(cmd::cluster::Args),
    /// Cluster a stream into stories and summarize each story.
    Stories(cmd::stories::Args),
    /// Summarize what new documents add to what the reader has seen.
    Update(cmd::update::Args),
    /// Grid-search an algorithm's parameters with k-fold cross-validation.
    Tune(cmd::tune::Args),
    /// Learn the selection model from clusters with reference summaries.
    Train(cmd::train::Args),
}

fn main() -> ExitCode {
    quiet_when_stdout_closes();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Summarize(args) => cmd::summarize::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Score(args) => cmd::score::run(args),
        Command::Bench(args) => cmd::bench::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Compare(args) => cmd::compare::run(args),
        Command::Cluster(args) => cmd::cluster::run(args),
        Command::Stories(args) => cmd::stories::run(args),
        Command::Update(args) => cmd::update::run(args),
        Command::Tune(args) => cmd::tune::run(args),
        Command::Train(args) => cmd::train::run(args),
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

/// `println!` panics when the reader of a pipe has closed it (`brief
/// score … --per-item | head`). That is the reader's choice, not a fault:
/// the command ends quietly, as it does on the broken-pipe errors that
/// writers return (`is_broken_pipe`). Other panics keep the default report.
fn quiet_when_stdout_closes() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        report(info);
    }));
}

/// Output piped into `head` and closed early is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
