//! `brief score`: score summaries made by any system against references.

use super::eval::ScorerArgs;
use anyhow::{Context, Result};
use brief_core::Budget;
use brief_eval::report::{metric_cells, metric_headers, render_rows};
use brief_eval::runner::preset;
use brief_eval::score::{parse_candidates, parse_references, score_candidates};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `brief score` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Formats (JSONL, one object per line, matched by id):\n  \
  candidates: {\"id\": \"c1\", \"summary\": \"Text.\"}  or  {\"id\": \"c1\", \"sentences\": [\"First.\", \"Second.\"]}\n              \
  or brief's own `summarize --format json` lines ({\"cluster_id\": .., \"items\": [..]}).\n              \
  A \"summary\" string with no line breaks is split into sentences by brief's segmenter.\n  \
  references: {\"id\": \"c1\", \"references\": [\"Human summary.\", ..]}  or brief's cluster format.\n\n\
Example:\n  brief summarize --words 230 --format json data.jsonl > mine.jsonl\n  \
  brief score --candidates mine.jsonl --references data.jsonl\n\n\
Exit status: 0 when every reference had a summary and every line was valid, 1 otherwise\n\
(each problem reported on stderr with file:line), 2 on a usage error."
)]
pub struct Args {
    /// Summaries to score (JSONL).
    #[arg(long, value_name = "FILE")]
    pub candidates: PathBuf,

    /// Reference summaries (JSONL).
    #[arg(long, value_name = "FILE")]
    pub references: PathBuf,

    /// Cut candidates at N words before scoring (ROUGE-1.5.5 -l; default
    /// for --profile rouge155: no cut unless given).
    #[arg(long, value_name = "N", conflicts_with = "bytes")]
    pub words: Option<usize>,

    /// Cut candidates at N bytes before scoring (ROUGE-1.5.5 -b).
    #[arg(long, value_name = "N")]
    pub bytes: Option<usize>,

    #[command(flatten)]
    pub scorer: ScorerArgs,

    /// Name of the system in the table (default: the candidates file name).
    #[arg(long)]
    pub name: Option<String>,

    /// Also write the results as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let budget = match (args.words, args.bytes) {
        (_, Some(n)) => Budget::Bytes(n),
        (Some(n), _) => Budget::Words(n),
        _ => Budget::Words(0),
    };
    let mut settings = preset(args.scorer.profile, Vec::new(), budget);
    if args.words.is_none() && args.bytes.is_none() {
        settings.rouge.limit = None;
    } else {
        anyhow::ensure!(budget.limit() > 0, "the length limit must be positive");
        settings.rouge.limit = Some(match budget {
            Budget::Bytes(n) => brief_rouge::LengthLimit::Bytes(n),
            _ => brief_rouge::LengthLimit::Words(budget.limit()),
        });
    }
    args.scorer.apply(&mut settings)?;

    let cand_name = args.candidates.display().to_string();
    let ref_name = args.references.display().to_string();
    let (candidates, mut problems) = parse_candidates(&cand_name, &read(&args.candidates)?);
    let (references, ref_problems) = parse_references(&ref_name, &read(&args.references)?);
    problems.extend(ref_problems);
    let report = score_candidates(
        &candidates,
        &references,
        &settings.rouge,
        settings.split_references,
        &settings.bootstrap,
    )?;
    for p in &problems {
        eprintln!("error: {}", p.message);
    }
    for id in &report.missing {
        eprintln!("error: {ref_name}: no summary for {id}");
    }
    for id in &report.unmatched {
        eprintln!("warning: {cand_name}: no references for {id}; not scored");
    }
    for id in &report.duplicates {
        eprintln!("warning: {cand_name}: {id} given twice; the first is scored");
    }
    anyhow::ensure!(report.scored > 0, "no summary matched a reference by id");

    let name = args.name.clone().unwrap_or_else(|| {
        args.candidates
            .file_stem()
            .map_or_else(|| cand_name.clone(), |s| s.to_string_lossy().into_owned())
    });
    let shown = args.scorer.shown();
    let mut header = vec!["system".to_owned()];
    header.extend(metric_headers(&report.metrics, shown));
    header.push("scored".into());
    let mut row = vec![name];
    row.extend(metric_cells(&report.metrics, shown));
    row.push(report.scored.to_string());
    print!("{}", render_rows(&header, &[row]));
    if let Some(path) = &args.out {
        let json = serde_json::to_string_pretty(&report).context("serializing the results")?;
        std::fs::write(path, json + "\n").with_context(|| format!("writing {}", path.display()))?;
    }
    if !problems.is_empty() || !report.missing.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
