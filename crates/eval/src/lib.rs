//! # brief-eval
//!
//! Measures brief's summarizers against human reference summaries, the way
//! the field reports them, and measures how fast and how lean they are.
//!
//! - [`dataset`]: clusters with references from any input brief-io reads
//!   (JSONL clusters, Multi-News `.src`/`.tgt`, DUC folders); malformed
//!   records are kept as [`Problem`]s with their `file:line`, never fatal.
//! - [`runner`]: [`evaluate`] summarizes every cluster with each algorithm in
//!   parallel (rayon), scores each summary with brief-rouge, and aggregates
//!   means with seeded bootstrap confidence intervals into an [`EvalReport`]
//!   (with clusters/s, time per stage and peak memory).
//! - [`score`]: scores summaries made by any other system (JSONL in, by id).
//! - [`bench`]: summarization time per cluster, median of several runs, and
//!   whole-file throughput on one thread and on all.
//! - [`readability`]: lede, dangling (and alone), chrome and jump measures of how a
//!   summary reads, reported beside ROUGE.
//! - [`tune`]: grid search with k-fold cross-validation.
//! - [`report`]: the report types (serializable to JSON) and the one table
//!   the CLI prints.
//! - [`memory`]: peak resident memory from `/proc/self/status`.
//!
//! ```
//! use brief_core::{Algorithm, Budget, Cluster, Document};
//! use brief_eval::{evaluate, Dataset, EvalSettings};
//! let mut cluster = Cluster::new("c", vec![Document::new("a",
//!     "Russia vetoed a UN resolution on Syria on Wednesday. China abstained from the vote in New York.")]);
//! cluster.references.push("Russia vetoed the Syria resolution.".into());
//! let data = Dataset::from_clusters("example", vec![cluster]);
//! let settings = EvalSettings::rouge_score(vec![Algorithm::Lead], Budget::Words(12));
//! let report = evaluate(&data, &settings, &|| {}).unwrap();
//! assert_eq!(report.systems[0].clusters, 1);
//! assert!(report.systems[0].metrics[0].fmeasure.mid > 0.0);
//! ```

pub mod bench;
pub mod dataset;
pub mod error;
pub mod memory;
pub mod readability;
pub mod report;
pub mod runner;
pub mod score;
pub mod significance;
pub mod tune;
pub mod update;

pub use dataset::{Dataset, Problem};
pub use error::EvalError;
pub use report::{EvalReport, Interval, MetricReport, SystemReport};
pub use runner::{evaluate, BootstrapSettings, EvalSettings};
