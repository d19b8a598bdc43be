//! `brief update`: what new documents add to what the reader has seen.

use super::summarize::{write_summary, AlgorithmArgs, BudgetArgs, Format};
use anyhow::{bail, Context, Result};
use brief_core::{Document, SummarizeSettings, UpdateSettings};
use brief_io::{read_path, Limits};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `brief update` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  brief update --seen day1/ day2/\n  brief update --seen yesterday-summary.txt --query \"the bridge repairs\" --format json today.jsonl\n\nInputs (new and --seen alike): a folder of .txt articles, a .txt file, a .jsonl file of clusters, a DUC folder; the documents of all inputs are pooled. What the reader has seen can be earlier articles or earlier summaries as text files.\n\nEach summary sentence comes from the new documents; its provenance (`doc`, `doc_id`, `sentence`, `span`) points into them, in the order they were read.\n\nExit status: 0 on success, 1 when an input could not be read (reported with its file and problem), 2 on a usage error."
)]
pub struct Args {
    /// The new documents (files or folders, as `brief summarize` reads).
    #[arg(value_name = "PATH", required = true)]
    pub new: Vec<PathBuf>,

    /// What the reader has seen: earlier articles or earlier summaries
    /// (repeat the flag for several inputs).
    #[arg(long, value_name = "PATH")]
    pub seen: Vec<PathBuf>,

    /// A question the summary should answer ("what do these articles say
    /// about X"); biases selection toward its terms.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,

    #[command(flatten)]
    pub budget: BudgetArgs,

    /// Fill the summary and cut its last sentence at exactly the budget.
    #[arg(long)]
    pub cut: bool,

    /// Share of its weight a concept the reader has seen keeps, in [0, 1]
    /// [default: 0.1].
    #[arg(long, value_name = "W")]
    pub seen_weight: Option<f64>,

    /// Leave out a new sentence when this share of its content terms is in
    /// one sentence the reader has seen, in (0, 1] [default: 0.8].
    #[arg(long, value_name = "SHARE")]
    pub max_seen_overlap: Option<f64>,

    #[command(flatten)]
    pub params: AlgorithmArgs,

    /// Output format (auto: text on a terminal, JSON otherwise).
    #[arg(short, long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,

    /// Largest accepted document (or batch line) in bytes.
    #[arg(long, default_value_t = Limits::default().max_document_bytes, value_name = "BYTES")]
    pub max_document_bytes: u64,
}

/// Reads every input and pools their documents, in order; the first
/// unreadable input is the error, naming its file and problem.
fn documents(paths: &[PathBuf], limits: &Limits) -> Result<Vec<Document>> {
    let mut documents = Vec::new();
    for path in paths {
        for record in read_path(path, limits) {
            let cluster = record
                .result
                .with_context(|| format!("reading {}", record.origin))?;
            documents.extend(cluster.documents);
        }
    }
    Ok(documents)
}

/// The id of the update: the first new input's file name.
fn update_id(paths: &[PathBuf]) -> String {
    paths
        .first()
        .and_then(|p| Path::new(p).file_stem())
        .map_or_else(|| "update".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut settings = SummarizeSettings {
        cut: args.cut,
        query: args.query.clone(),
        ..SummarizeSettings::default()
    };
    args.budget.apply(&mut settings);
    args.params.apply(&mut settings);
    let summarization = settings.validate()?;
    let update = UpdateSettings {
        seen_weight: args.seen_weight,
        max_seen_overlap: args.max_seen_overlap,
    };
    update.validate()?;
    let limits = Limits {
        max_document_bytes: args.max_document_bytes,
    };
    let new = documents(&args.new, &limits)?;
    if new.is_empty() {
        bail!("no new documents in {}", display(&args.new));
    }
    let seen = documents(&args.seen, &limits)?;
    let id = update_id(&args.new);
    let summary = summarization
        .update_documents(&update, &id, &seen, &new)
        .with_context(|| format!("summarizing {}", display(&args.new)))?;
    let cluster = brief_core::Cluster {
        id,
        documents: new,
        references: Vec::new(),
    };
    let format = args
        .format
        .resolve(false, std::io::IsTerminal::is_terminal(&std::io::stdout()));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_summary(&mut out, format, false, &cluster, &summary).context("writing the summary")?;
    out.flush().context("writing the summary")?;
    Ok(ExitCode::SUCCESS)
}

fn display(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
