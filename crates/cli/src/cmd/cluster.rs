//! `brief cluster`: a time-ordered article stream in, one story per article out.
//!
//! An article's line is written when its story closes (and may have been
//! split), so lines come out in closing order, each story's members in
//! stream order; the story numbers are final.

use anyhow::{bail, Context, Result};
use brief_io::Limits;
use brief_stream::{
    score, Article, Assignment, ClusterConfig, DedupConfig, StoryClusterer, StoryStats,
};
use indicatif::ProgressBar;
use serde::Deserialize;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Clustering settings flags (shared with `brief stories`).
#[derive(clap::Args, Debug, Clone)]
pub struct ClusterArgs {
    /// Similarity to a story needed to join it, in [0, 1] (raised slightly as
    /// more stories are open).
    #[arg(long, default_value_t = ClusterConfig::default().threshold)]
    pub threshold: f64,
    /// Extra weight of title terms.
    #[arg(long, default_value_t = ClusterConfig::default().title_weight)]
    pub title_weight: f64,
    /// Multiplier of names (words capitalized inside a sentence), ≥ 1.
    #[arg(long, default_value_t = ClusterConfig::default().entity_boost)]
    pub entity_boost: f64,
    /// Words from the start of the text that describe an article.
    #[arg(long, default_value_t = ClusterConfig::default().lead_words)]
    pub lead_words: usize,
    /// Days without news after which a story closes (dated articles only); 0 keeps stories open.
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
    #[arg(long, default_value_t = DedupConfig::default().threshold)]
    pub dedup_threshold: f64,
    /// A closing story splits in two when its halves are less alike than
    /// this fraction of their own average similarity; 0 never splits.
    #[arg(long, default_value_t = ClusterConfig::default().split_ratio)]
    pub split_ratio: f64,
    /// Lower similarity at which an article still joins a story when no
    /// other story is half as similar; 1 turns this off.
    #[arg(long, default_value_t = ClusterConfig::default().clear_threshold)]
    pub clear_threshold: f64,
    /// Longest article line read, in bytes; longer lines are skipped with an error.
    #[arg(long, default_value_t = Limits::default().max_document_bytes, value_name = "BYTES")]
    pub max_document_bytes: u64,
}

impl ClusterArgs {
    /// Validated settings.
    pub fn config(&self) -> Result<ClusterConfig> {
        let defaults = ClusterConfig::default();
        let config = ClusterConfig {
            threshold: self.threshold,
            title_weight: self.title_weight,
            entity_boost: self.entity_boost,
            lead_words: self.lead_words,
            window_days: (self.window_days > 0.0).then_some(self.window_days),
            max_active_stories: self.max_active_stories,
            idle_articles: (self.idle_articles > 0).then_some(self.idle_articles),
            split_ratio: self.split_ratio,
            clear_threshold: self.clear_threshold,
            dedup: (self.dedup_threshold > 0.0).then(|| DedupConfig {
                threshold: self.dedup_threshold,
                window_secs: (self.window_days > 0.0)
                    .then_some((self.window_days * 86_400.0) as i64),
                ..DedupConfig::default()
            }),
            ..defaults
        };
        config.validate()?;
        Ok(config)
    }
}

/// `brief cluster` flags.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Input: one article per line, {\"id\", \"title\"?, \"text\", \"published\"?, \"source\"?}, in publication order; other fields are ignored.\n\nExamples:\n  brief cluster --in articles.jsonl --out-stories stories.jsonl > assignments.jsonl\n  brief cluster --in labelled.jsonl --eval\n\nA line that is not a readable article (bad JSON, not UTF-8, too long, a bad date) is reported on standard error with its file and line and skipped.\n\nExit status: 0 on success, 1 when some lines were skipped, 2 on a usage error or an unreadable input."
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

/// One stream line: the article and, when present, its gold story label.
pub struct Line {
    /// The article.
    pub article: Article,
    /// The gold `story` field as text, if any.
    pub gold: Option<String>,
    /// Where it was read: `path:line`.
    pub at: String,
}

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    story: Option<serde_json::Value>,
}

/// A stream line that cannot be used, and why (naming file and line); the
/// stream goes on after it.
pub type BadLine = String;

/// One read of a stream line: fails only when the input cannot be read at
/// all; otherwise the article or the bad line's message.
pub type StreamItem = Result<std::result::Result<Line, BadLine>>;

/// Reads a JSONL article stream lazily. The outer error is a failure to
/// read at all; the inner one a bad line (not UTF-8, over `max_line_bytes`,
/// not an article), named by file and line, that the caller skips.
pub fn read_stream(
    path: &Path,
    max_line_bytes: u64,
) -> Result<Box<dyn Iterator<Item = StreamItem>>> {
    let (name, reader): (String, Box<dyn BufRead>) = if path.as_os_str() == "-" {
        ("<stdin>".into(), Box::new(BufReader::new(std::io::stdin())))
    } else {
        let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
        (path.display().to_string(), Box::new(BufReader::new(file)))
    };
    let lines = reader.split(b'\n').enumerate().filter_map(move |(i, line)| {
        let at = format!("{name}:{}", i + 1);
        let bytes = match line {
            Ok(l) => l,
            Err(e) => return Some(Err(anyhow::Error::new(e).context(format!("reading {at}")))),
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        if bytes.len() as u64 > max_line_bytes {
            return Some(Ok(Err(format!(
                "{at}: {} bytes is over the limit of {max_line_bytes} bytes per article (raise it with --max-document-bytes)",
                bytes.len()
            ))));
        }
        let line = match String::from_utf8(bytes) {
            Ok(l) => l,
            Err(e) => {
                return Some(Ok(Err(format!(
                    "{at}: not valid UTF-8 (at byte {})",
                    e.utf8_error().valid_up_to()
                ))))
            }
        };
        let parsed = match serde_json::from_str::<Article>(&line) {
            Err(e) => Err(format!("{at}: not an article ({{\"id\", \"text\", ...}}): {e}")),
            Ok(article) => match serde_json::from_str::<Gold>(&line) {
                Err(e) => Err(format!("{at}: unreadable story label: {e}")),
                Ok(gold) => Ok(Line {
                    article,
                    gold: gold.story.map(|v| match v {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    }),
                    at,
                }),
            },
        };
        Some(Ok(parsed))
    });
    Ok(Box::new(lines))
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
    let counts = push_stream(
        &args.input,
        args.settings.max_document_bytes,
        &mut clusterer,
        &bar,
        |line, assignment, clusterer| {
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
            emit(clusterer.take_closed(), &mut predicted)
        },
    )?;
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

/// Reads the stream at `path` and pushes each article into `clusterer`,
/// then calls `joined` with the article's line and where it went; a bad line
/// or an article the clusterer refuses is reported (file and line) and skipped.
pub fn push_stream(
    path: &Path,
    max_line_bytes: u64,
    clusterer: &mut StoryClusterer,
    bar: &ProgressBar,
    mut joined: impl FnMut(Line, Assignment, &mut StoryClusterer) -> Result<()>,
) -> Result<StreamCounts> {
    let mut counts = StreamCounts {
        total: 0,
        skipped: 0,
    };
    for line in read_stream(path, max_line_bytes)? {
        counts.total += 1;
        bar.inc(1);
        let line = match line? {
            Ok(line) => line,
            Err(bad) => {
                counts.skipped += 1;
                bar.suspend(|| eprintln!("error: {bad}"));
                continue;
            }
        };
        match clusterer.push(&line.article) {
            Ok(assignment) => joined(line, assignment, clusterer)?,
            Err(e) => {
                counts.skipped += 1;
                // The error names the article itself.
                bar.suspend(|| eprintln!("error: {}: {e}", line.at));
            }
        }
    }
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
