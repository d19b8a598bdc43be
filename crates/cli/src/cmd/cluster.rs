//! `brief cluster`: a time-ordered article stream in, one story per article out.
//!
//! An article's line is written when its story closes (and may have been
//! split), so lines come out in closing order, each story's members in
//! stream order; the story numbers are final.

use anyhow::{bail, Context, Result};
use brief_core::embedding::SharedEncoder;
use brief_io::Limits;
use brief_stream::reader::{LineError, StreamLine, StreamReader};
use brief_stream::{
    embed_articles, score, ClusterConfig, StoryClusterer, StoryStats, EMBEDDING_BATCH,
};
use indicatif::ProgressBar;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Clustering settings flags (shared with `brief stories`).
#[derive(clap::Args, Debug, Clone)]
pub struct ClusterArgs {
    /// The settings for feeds that carry only headlines (a lower bar to
    /// join a story, less weight on its coherence; see
    /// `ClusterConfig::headlines`); the flags below still override them.
    #[arg(long)]
    pub headlines: bool,
    /// Similarity to a story needed to join it, in [0, 1] (raised slightly as
    /// more stories are open) [default: 0.18; 0.03 with --headlines].
    #[arg(long)]
    pub threshold: Option<f64>,
    /// Extra weight of title terms.
    #[arg(long, default_value_t = ClusterConfig::default().title_weight)]
    pub title_weight: f64,
    /// Multiplier of names (words capitalized inside a sentence), ≥ 1.
    #[arg(long, default_value_t = ClusterConfig::default().entity_boost)]
    pub entity_boost: f64,
    /// Words from the start of the text that describe an article.
    #[arg(long, default_value_t = ClusterConfig::default().lead_words)]
    pub lead_words: usize,
    /// Days without news after which a story closes (dated articles only),
    /// also how long copies are remembered; 0 keeps stories open.
    #[arg(long, default_value_t = ClusterConfig::default().window_days.unwrap_or(0.0))]
    pub window_days: f64,
    /// Most stories open at once (the least recently updated closes first).
    #[arg(long, default_value_t = ClusterConfig::default().max_active_stories)]
    pub max_active_stories: usize,
    /// Articles without a new member after which a story closes (bounds
    /// memory on undated streams); 0 keeps stories open.
    #[arg(long, default_value_t = ClusterConfig::default().idle_articles.unwrap_or(0))]
    pub idle_articles: u64,
    /// Estimated Jaccard similarity of word 5-shingles above which an article
    /// is a copy of an earlier one; 0 turns copy detection off.
    #[arg(long, default_value_t = ClusterConfig::default().dedup.map_or(0.0, |d| d.threshold))]
    pub dedup_threshold: f64,
    /// A closing story splits in two when its halves are less alike than
    /// this fraction of their own average similarity; 0 never splits
    /// [default: 0.6; 0.3 with --headlines].
    #[arg(long)]
    pub split_ratio: Option<f64>,
    /// Lower similarity at which an article still joins a story when no
    /// other story is half as similar (a third with --headlines); 1 turns
    /// this off [default: 0.12; 0.01 with --headlines].
    #[arg(long)]
    pub clear_threshold: Option<f64>,
    /// Longest article line read, in bytes; longer lines are skipped with an error.
    #[arg(long, default_value_t = Limits::default().max_document_bytes, value_name = "BYTES")]
    pub max_document_bytes: u64,
    /// Compare short items (headlines, under 20 words) by meaning as well
    /// as words: all-MiniLM-L6-v2 sentence embeddings of each article's
    /// headline and lead, with the model from this folder (`bash
    /// scripts/fetch-model.sh` fetches it); needs brief built with
    /// `--features embed`. Lines that carry an `embedding` keep theirs.
    #[arg(long, value_name = "DIR")]
    pub embed_model: Option<PathBuf>,
}

impl ClusterArgs {
    /// The library's settings with these flags applied, validated. Every
    /// flag's default is the library default, so no flags give
    /// [`ClusterConfig::default`].
    pub fn config(&self) -> Result<ClusterConfig> {
        let base = if self.headlines {
            ClusterConfig::headlines()
        } else {
            ClusterConfig::default()
        };
        let mut config = ClusterConfig {
            threshold: self.threshold.unwrap_or(base.threshold),
            title_weight: self.title_weight,
            entity_boost: self.entity_boost,
            lead_words: self.lead_words,
            max_active_stories: self.max_active_stories,
            split_ratio: self.split_ratio.unwrap_or(base.split_ratio),
            clear_threshold: self.clear_threshold.unwrap_or(base.clear_threshold),
            ..base
        };
        config.set_window_days(self.window_days);
        config.set_idle_articles(self.idle_articles);
        config.set_dedup_threshold(self.dedup_threshold);
        config.validate()?;
        Ok(config)
    }

    /// The sentence encoder of `--embed-model`, if given.
    pub fn encoder(&self) -> Result<Option<SharedEncoder>> {
        let Some(dir) = &self.embed_model else {
            return Ok(None);
        };
        #[cfg(feature = "embed")]
        {
            let encoder = brief_embed::MiniLmEncoder::load(dir)
                .with_context(|| format!("--embed-model {}", dir.display()))?;
            Ok(Some(std::sync::Arc::new(encoder)))
        }
        #[cfg(not(feature = "embed"))]
        bail!(
            "--embed-model {}: this brief was built without sentence embeddings \
             (cargo install --path crates/cli --features embed)",
            dir.display()
        )
    }
}

/// `brief cluster` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Input: one article per line, {\"id\", \"title\"?, \"text\", \"published\"?, \"source\"?, \"embedding\"?}, in publication order; other fields are ignored.\n\nExamples:\n  brief cluster --in articles.jsonl --out-stories stories.jsonl > assignments.jsonl\n  brief cluster --in labelled.jsonl --eval\n\nA line that is not a readable article (bad JSON, not UTF-8, too long, a bad date) is reported on standard error with its file and line and skipped.\n\nExit status: 0 on success, 1 when some lines were skipped, 2 on a usage error or an unreadable input."
)]
pub struct Args {
    /// Article stream (JSONL); - for standard input.
    #[arg(long = "in", value_name = "PATH")]
    pub input: PathBuf,

    /// Also write one line per story (members and metrics) here.
    #[arg(long, value_name = "PATH")]
    pub out_stories: Option<PathBuf>,

    /// Score against each line's gold `story` field and print the scores
    /// (B-cubed, pairwise, NMI) as JSON instead of the assignments.
    #[arg(long)]
    pub eval: bool,

    #[command(flatten)]
    pub settings: ClusterArgs,
}

/// The article stream at `path` (`-` for standard input), read lazily; see
/// [`brief_stream::reader`] for what makes a line bad.
pub fn read_stream(path: &Path, max_line_bytes: u64) -> Result<StreamReader<Box<dyn BufRead>>> {
    let (name, reader): (String, Box<dyn BufRead>) = if path.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(BufReader::new(std::io::stdin())))
    } else {
        let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
        (path.display().to_string(), Box::new(BufReader::new(file)))
    };
    Ok(StreamReader::new(name, reader, max_line_bytes))
}

/// Counts lines of a file for the progress bar (0 for stdin).
pub fn count_lines(path: &Path) -> u64 {
    if path.as_os_str() == "-" {
        return 0;
    }
    let Ok(file) = File::open(path) else {
        return 0;
    };
    BufReader::new(file)
        .split(b'\n')
        .filter(|l| l.as_ref().is_ok_and(|l| !l.is_empty()))
        .count() as u64
}

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let config = args.settings.config()?;
    let mut clusterer = StoryClusterer::try_new(config)?;
    let mut stories_out = match &args.out_stories {
        Some(p) => Some(BufWriter::new(
            File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => None,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let bar = crate::progress::bar(count_lines(&args.input), "clustering");
    let (mut gold, mut predicted) = (Vec::new(), Vec::new());
    let mut emit = |closed: Vec<StoryStats>, predicted: &mut Vec<u64>| -> Result<()> {
        for s in closed {
            if args.eval {
                for &p in &s.positions {
                    if let Some(slot) = predicted.get_mut(p as usize) {
                        *slot = s.story;
                    }
                }
            } else {
                for (id, copy) in s.articles.iter().zip(&s.duplicate_of) {
                    let row = match copy {
                        Some(original) => {
                            serde_json::json!({"id": id, "story": s.story, "duplicate_of": original})
                        }
                        None => serde_json::json!({"id": id, "story": s.story}),
                    };
                    writeln!(out, "{row}").context("writing assignments")?;
                }
            }
            if let Some(w) = &mut stories_out {
                writeln!(w, "{}", serde_json::to_string(&s)?).context("writing stories")?;
            }
        }
        Ok(())
    };
    let counts = push_stream(&args.input, &args.settings, &bar, |line| {
        let assignment = match clusterer.push(&line.article) {
            Ok(assignment) => assignment,
            Err(e) => return Ok(Err(e)),
        };
        if args.eval {
            match line.gold {
                Some(g) => gold.push(g),
                None => bail!(
                    "{}: article {:?} has no gold `story` field to score against",
                    line.at,
                    line.article.id
                ),
            }
            predicted.push(assignment.story);
        }
        emit(clusterer.take_closed(), &mut predicted)?;
        Ok(Ok(()))
    })?;
    bar.finish_and_clear();
    emit(clusterer.finish(), &mut predicted)?;
    if let Some(w) = &mut stories_out {
        w.flush().context("writing stories")?;
    }
    if args.eval {
        let scores = score(&gold, &predicted)?;
        writeln!(out, "{}", serde_json::to_string(&scores)?).context("writing scores")?;
    }
    out.flush().context("writing output")?;
    Ok(skipped_status(&counts, "clustered"))
}

/// Articles read and skipped by [`push_stream`].
pub struct StreamCounts {
    /// Lines holding something (articles and bad lines).
    pub total: usize,
    /// Bad lines and articles the clusterer refused, each reported on stderr.
    pub skipped: usize,
}

/// Reads the stream at `path` and hands each article's line to `push`,
/// which answers `Ok(Err(_))` for an article the clusterer refuses; a bad
/// line or a refused article is reported (file and line) and skipped, an
/// `Err` from `push` ends the run. With `--embed-model`, lines are read
/// [`EMBEDDING_BATCH`] at a time and their articles embedded together
/// before they are pushed, in order.
pub fn push_stream(
    path: &Path,
    settings: &ClusterArgs,
    bar: &ProgressBar,
    mut push: impl FnMut(StreamLine) -> Result<Result<(), brief_stream::Error>>,
) -> Result<StreamCounts> {
    let encoder = settings.encoder()?;
    let batch_size = if encoder.is_some() {
        EMBEDDING_BATCH
    } else {
        1
    };
    let mut counts = StreamCounts {
        total: 0,
        skipped: 0,
    };
    let mut batch: Vec<StreamLine> = Vec::with_capacity(batch_size);
    let mut push_batch = |batch: &mut Vec<StreamLine>, counts: &mut StreamCounts| -> Result<()> {
        if let Some(encoder) = &encoder {
            let mut articles: Vec<_> = batch
                .iter_mut()
                .map(|l| std::mem::take(&mut l.article))
                .collect();
            embed_articles(encoder.as_ref(), &mut articles)?;
            for (line, article) in batch.iter_mut().zip(articles) {
                line.article = article;
            }
        }
        for line in batch.drain(..) {
            let at = line.at.clone();
            // The error names the article (an unreadable date is all the clusterer refuses).
            if let Err(e) = push(line)? {
                counts.skipped += 1;
                bar.suspend(|| eprintln!("error: {at}: {e}"));
            }
        }
        Ok(())
    };
    for line in read_stream(path, settings.max_document_bytes)? {
        counts.total += 1;
        bar.inc(1);
        match line {
            Ok(line) => batch.push(line),
            Err(e) if e.is_fatal() => return Err(e.into()),
            Err(bad) => {
                counts.skipped += 1;
                let hint = match bad {
                    LineError::TooLong { .. } => " (raise it with --max-document-bytes)",
                    _ => "",
                };
                bar.suspend(|| eprintln!("error: {bad}{hint}"));
            }
        }
        if batch.len() >= batch_size {
            push_batch(&mut batch, &mut counts)?;
        }
    }
    push_batch(&mut batch, &mut counts)?;
    Ok(counts)
}

/// Exit status of a stream job: 1, with a count on standard error, when
/// some articles were skipped (each was reported as it was met).
pub fn skipped_status(counts: &StreamCounts, done: &str) -> ExitCode {
    if counts.skipped == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "brief: {} of {} articles skipped; the others were {done}",
        counts.skipped, counts.total
    );
    ExitCode::from(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Flags {
        #[command(flatten)]
        settings: ClusterArgs,
    }

    fn config(args: &[&str]) -> Result<ClusterConfig> {
        let flags = Flags::try_parse_from(std::iter::once("brief").chain(args.iter().copied()))?;
        flags.settings.config()
    }

    #[test]
    fn no_flags_give_the_library_defaults() -> Result<()> {
        assert_eq!(config(&[])?, ClusterConfig::default());
        Ok(())
    }

    #[test]
    fn headlines_give_the_headline_settings_and_flags_still_override() -> Result<()> {
        assert_eq!(config(&["--headlines"])?, ClusterConfig::headlines());
        assert_ne!(ClusterConfig::headlines(), ClusterConfig::default());
        let c = config(&["--headlines", "--threshold", "0.05"])?;
        assert_eq!(c.threshold, 0.05);
        assert_eq!(
            c.coherence_exponent,
            ClusterConfig::headlines().coherence_exponent
        );
        Ok(())
    }

    #[test]
    fn flags_reach_the_settings() -> Result<()> {
        let c = config(&[
            "--threshold",
            "0.3",
            "--window-days",
            "5",
            "--idle-articles",
            "0",
            "--dedup-threshold",
            "0.9",
        ])?;
        assert_eq!(c.threshold, 0.3);
        assert_eq!(c.window_days, Some(5.0));
        assert_eq!(c.idle_articles, None);
        assert_eq!(c.dedup.as_ref().map(|d| d.threshold), Some(0.9));
        assert_eq!(
            c.effective_dedup().and_then(|d| d.window_secs),
            Some(5 * 86_400)
        );
        assert_eq!(config(&["--dedup-threshold", "0"])?.dedup, None);
        let err = config(&["--window-days=-2"]).unwrap_err().to_string();
        assert!(err.contains("window_days"), "{err}");
        Ok(())
    }
}
