//! `brief score`: score summaries made by any system against references.

use super::eval::ScorerArgs;
use anyhow::{Context, Result};
use brief_core::Budget;
use brief_eval::report::{metric_cells, metric_headers, render_rows, Shown};
use brief_eval::runner::preset;
use brief_eval::score::{
    parse_candidates, parse_references, score_candidates, ItemScores, ScoreReport,
};
use brief_eval::significance::{paired_test, PairedTest};
use std::collections::HashMap;
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
Examples:\n  brief summarize --words 230 --format json data.jsonl > mine.jsonl\n  \
  brief score --candidates mine.jsonl --references data.jsonl --per-item\n  \
  brief score --compare mine.jsonl theirs.jsonl --references data.jsonl\n\n\
--compare scores both systems on the clusters both summarized and tests each measure\n\
with a paired bootstrap (one-sided) and approximate randomization (two-sided).\n\n\
Exit status: 0 when every reference had a summary and every line was valid, 1 otherwise\n\
(each problem reported on stderr with file:line), 2 on a usage error."
)]
pub struct Args {
    /// Summaries to score (JSONL).
    #[arg(long, value_name = "FILE", required_unless_present = "compare")]
    pub candidates: Option<PathBuf>,

    /// Two systems' summaries (JSONL) to compare on the same clusters.
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "candidates")]
    pub compare: Option<Vec<PathBuf>>,

    /// Reference summaries (JSONL).
    #[arg(long, value_name = "FILE")]
    pub references: PathBuf,

    /// Also print one line per cluster: its id and each measure's score
    /// (tab-separated, for error analysis).
    #[arg(long)]
    pub per_item: bool,

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

/// One system's summaries scored, with what went wrong on the way.
struct Scored {
    name: String,
    report: ScoreReport,
    failed: bool,
}

fn score_file(
    path: &Path,
    name: Option<&str>,
    references: &[(String, Vec<String>)],
    ref_name: &str,
    settings: &brief_eval::EvalSettings,
) -> Result<Scored> {
    let cand_name = path.display().to_string();
    let (candidates, problems) = parse_candidates(&cand_name, &read(path)?);
    let report = score_candidates(
        &candidates,
        references,
        &settings.rouge,
        settings.split_references,
        &settings.bootstrap,
    )?;
    for p in &problems {
        eprintln!("error: {}", p.message);
    }
    for id in &report.missing {
        eprintln!("error: {ref_name}: no summary for {id} in {cand_name}");
    }
    for id in &report.unmatched {
        eprintln!("warning: {cand_name}: no references for {id}; not scored");
    }
    for id in &report.duplicates {
        eprintln!("warning: {cand_name}: {id} given twice; the first is scored");
    }
    anyhow::ensure!(
        report.scored > 0,
        "{cand_name}: no summary matched a reference by id"
    );
    let name = name.map(str::to_owned).unwrap_or_else(|| {
        path.file_stem()
            .map_or_else(|| cand_name.clone(), |s| s.to_string_lossy().into_owned())
    });
    let failed = !problems.is_empty() || !report.missing.is_empty();
    Ok(Scored {
        name,
        report,
        failed,
    })
}

/// The value a table shows for a score.
fn shown_value(score: &brief_rouge::Score, shown: Shown) -> f64 {
    match shown {
        Shown::FMeasure => score.fmeasure,
        Shown::Recall => score.recall,
    }
}

fn print_per_item(scored: &Scored, shown: Shown) {
    let names: Vec<&str> = scored
        .report
        .metrics
        .iter()
        .map(|m| m.metric.as_str())
        .collect();
    println!("{}\tid\t{}", scored.name, names.join("\t"));
    for item in &scored.report.items {
        let cells: Vec<String> = item
            .scores
            .iter()
            .map(|s| format!("{:.2}", 100.0 * shown_value(s, shown)))
            .collect();
        println!("{}\t{}\t{}", scored.name, item.id, cells.join("\t"));
    }
}

/// Paired tests of A against B on each measure, over the clusters both
/// scored.
fn compare(
    a: &Scored,
    b: &Scored,
    shown: Shown,
    resamples: usize,
    seed: u64,
) -> Vec<(String, PairedTest)> {
    let by_id: HashMap<&str, &ItemScores> =
        b.report.items.iter().map(|i| (i.id.as_str(), i)).collect();
    a.report
        .metrics
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let (xs, ys): (Vec<f64>, Vec<f64>) = a
                .report
                .items
                .iter()
                .filter_map(|item| {
                    let other = by_id.get(item.id.as_str())?;
                    Some((
                        100.0 * shown_value(&item.scores[k], shown),
                        100.0 * shown_value(other.scores.get(k)?, shown),
                    ))
                })
                .unzip();
            (m.metric.clone(), paired_test(&xs, &ys, resamples, seed))
        })
        .collect()
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

    let ref_name = args.references.display().to_string();
    let (references, ref_problems) = parse_references(&ref_name, &read(&args.references)?);
    for p in &ref_problems {
        eprintln!("error: {}", p.message);
    }
    let files: Vec<(PathBuf, Option<&str>)> = match (&args.compare, &args.candidates) {
        (Some(pair), _) => pair.iter().map(|p| (p.clone(), None)).collect(),
        (None, Some(c)) => vec![(c.clone(), args.name.as_deref())],
        (None, None) => anyhow::bail!("give --candidates FILE or --compare A B"),
    };
    let systems = files
        .iter()
        .map(|(path, name)| score_file(path, *name, &references, &ref_name, &settings))
        .collect::<Result<Vec<_>>>()?;

    let shown = args.scorer.shown();
    let mut header = vec!["system".to_owned()];
    header.extend(metric_headers(&systems[0].report.metrics, shown));
    header.push("scored".into());
    let rows: Vec<Vec<String>> = systems
        .iter()
        .map(|s| {
            let mut row = vec![s.name.clone()];
            row.extend(metric_cells(&s.report.metrics, shown));
            row.push(s.report.scored.to_string());
            row
        })
        .collect();
    print!("{}", render_rows(&header, &rows));

    let tests = match systems.as_slice() {
        [a, b] => {
            let tests = compare(
                a,
                b,
                shown,
                settings.bootstrap.resamples,
                settings.bootstrap.seed,
            );
            let header: Vec<String> = [
                "measure",
                "A",
                "B",
                "A − B",
                "p bootstrap",
                "p randomization",
                "pairs",
            ]
            .iter()
            .map(|h| (*h).to_owned())
            .collect();
            let rows: Vec<Vec<String>> = tests
                .iter()
                .map(|(metric, t)| {
                    vec![
                        metric.clone(),
                        format!("{:.2}", t.mean_a),
                        format!("{:.2}", t.mean_b),
                        format!("{:+.2}", t.difference),
                        format!("{:.4}", t.bootstrap_p),
                        format!("{:.4}", t.randomization_p),
                        t.pairs.to_string(),
                    ]
                })
                .collect();
            println!("\nA = {}, B = {}", a.name, b.name);
            print!("{}", render_rows(&header, &rows));
            tests
        }
        _ => Vec::new(),
    };
    if args.per_item {
        for s in &systems {
            print_per_item(s, shown);
        }
    }
    if let Some(path) = &args.out {
        let reports: Vec<serde_json::Value> = systems
            .iter()
            .map(|s| serde_json::json!({"system": s.name, "report": s.report}))
            .collect();
        let json = if tests.is_empty() {
            serde_json::to_value(&systems[0].report).context("serializing the results")?
        } else {
            let tests: Vec<serde_json::Value> = tests
                .iter()
                .map(|(metric, t)| serde_json::json!({"metric": metric, "test": t}))
                .collect();
            serde_json::json!({"systems": reports, "comparison": tests})
        };
        let text = serde_json::to_string_pretty(&json).context("serializing the results")?;
        std::fs::write(path, text + "\n").with_context(|| format!("writing {}", path.display()))?;
    }
    if !ref_problems.is_empty() || systems.iter().any(|s| s.failed) {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
