//! `brief tune`: grid search of an algorithm's parameters with k-fold
//! cross-validation ([`brief_eval::tune`]).

use super::summarize::BudgetArgs;
use anyhow::Result;
use brief_core::text::compress::CompressionRules;
use brief_core::{Algorithm, Budget};
use brief_eval::tune::{tune_with, TuneSettings};
use brief_eval::Dataset;
use brief_io::Limits;
use brief_rouge::Profile;
use std::path::PathBuf;
use std::process::ExitCode;

/// `brief tune` flags.
#[derive(clap::Args, Debug)]
#[command(after_help = "Examples:\n  \
  brief tune --data ../shared/data/multinews-dev.jsonl --algorithm submodular --words 230 --folds 5\n  \
  brief tune --data ../shared/data/duc2003 --profile rouge155 --words 100 --folds 5\n\n\
Grids: submodular and ilp search the position prior (--half-weight-at 2, 4, 8), the\n\
single-term concept weight (0, 0.5, 1) and, for submodular, the cost exponent (by budget,\n\
0, 0.3), the similarity coverage (0, 0.3) and the quote bonus (by budget, 0);\n\
mmr searches lambda; lexrank and textrank the damping.")]
pub struct Args {
    /// The data set: JSONL clusters with references (or any format `brief eval` reads).
    #[arg(long, value_name = "PATH")]
    pub data: PathBuf,

    /// The algorithm to tune.
    #[arg(short, long, default_value_t = Algorithm::DEFAULT.name().to_owned())]
    pub algorithm: String,

    /// Length budget [default: 230 words, the Multi-News standard].
    #[command(flatten)]
    pub budget: BudgetArgs,

    /// Number of cross-validation folds (2 or more).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,

    /// Seed of the fold assignment.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,

    /// Scorer profile: rouge-score (F of ROUGE-1/2/Lsum) or rouge155 (the
    /// DUC setting: recall of ROUGE-1/2/SU4 averaged over references,
    /// summaries filled and cut at the budget).
    #[arg(long, default_value = "rouge-score", value_parser = super::eval::parse_profile)]
    pub profile: Profile,

    /// Compress quoted sentences at every grid point: `all` (the flag
    /// alone), `none`, or rules comma-separated (tails, parentheticals,
    /// clauses).
    #[arg(long, value_name = "RULES", num_args = 0..=1, default_missing_value = "all")]
    pub compress: Option<String>,
}

/// The budget `brief tune` and `brief bench` use when none is given: the
/// standard Multi-News setting.
pub const STANDARD_BUDGET: Budget = Budget::Words(230);

/// Runs the command.
pub fn run(args: Args) -> Result<ExitCode> {
    let algorithm: Algorithm = args.algorithm.parse()?;
    let budget = args.budget.budget_or(STANDARD_BUDGET)?;
    anyhow::ensure!(args.folds >= 2, "--folds must be 2 or more");
    let data = Dataset::load(&args.data, &Limits::default());
    for p in &data.problems {
        eprintln!("error: {}", p.message);
    }
    let with_references = data
        .clusters
        .iter()
        .filter(|c| !c.references.is_empty())
        .count();
    anyhow::ensure!(
        with_references >= args.folds,
        "{}: {with_references} clusters with references, fewer than --folds {}",
        args.data.display(),
        args.folds
    );
    let bar = crate::progress::bar(with_references as u64, "scoring the grid");
    let settings = TuneSettings {
        algorithm,
        budget,
        profile: args.profile,
        folds: args.folds,
        seed: args.seed,
        compression: args
            .compress
            .as_deref()
            .map(CompressionRules::parse)
            .transpose()
            .map_err(anyhow::Error::msg)?,
    };
    let report = tune_with(&data.clusters, &settings, &|| bar.inc(1))?;
    bar.finish_and_clear();
    println!(
        "{}: {} clusters, {budget}, {} grid points, {} folds",
        args.data.display(),
        report.clusters,
        report.grid_points,
        args.folds
    );
    for (k, fold) in report.folds.iter().enumerate() {
        println!(
            "fold {}: chose {} (held-out R1 {:.2} R2 {:.2})",
            k + 1,
            fold.chosen,
            fold.held_out[0],
            fold.held_out[1]
        );
    }
    let third = match args.profile {
        Profile::RougeScore => "RLsum",
        Profile::Rouge155 => "SU4",
    };
    let [r1, r2, rl] = report.cross_validated;
    println!(
        "cross-validated (mean over held-out clusters): R1 {r1:.2}  R2 {r2:.2}  {third} {rl:.2}"
    );
    let (name, [r1, r2, rl]) = &report.best;
    println!("best in-sample: {name}: R1 {r1:.2}  R2 {r2:.2}  {third} {rl:.2}");
    Ok(ExitCode::SUCCESS)
}
