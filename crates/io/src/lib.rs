//! # brief-io
//!
//! Reads brief's inputs into [`brief_core::Cluster`]s, reporting every problem
//! with the file (and line) it came from. Formats:
//!
//! - a folder of `.txt` files: one cluster, one document per file (first
//!   non-empty line = headline) — [`text`];
//! - a single text file or standard input: a one-document cluster;
//! - JSONL, one cluster per line:
//!   `{"id":..,"documents":[{"title":..,"text":..}],"references":[..]}` — [`jsonl`];
//! - Multi-News source lines (documents joined by `|||||`, `NEWLINE_CHAR`
//!   markup) with optional `.tgt` summaries — [`multinews`];
//! - a DUC/TAC collection folder (`docs/<cluster>/` TREC SGML files,
//!   `models/` human summaries) — [`duc`].
//!
//! Batch readers return one [`Record`] per cluster, so one bad line never
//! loses the good ones. [`input`] tells which format a path or standard
//! input holds and calls the format's reader; every reader reads files
//! through [`limits`] and returns [`record`]s, which sit below all of them
//! (no module imports one above it).

pub mod duc;
pub mod duc2007;
pub mod error;
pub mod input;
pub mod jsonl;
pub mod limits;
mod lines;
pub mod multinews;
pub mod record;
pub mod text;

pub use error::InputError;
pub use input::{read_path, read_stdin};
pub use limits::Limits;
pub use record::Record;
