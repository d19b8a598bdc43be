//! Flags shared by commands that read clusters, and the reading itself.

use brief_core::{Cluster, Pipeline, PreparedCluster};
use brief_io::{read_path, read_stdin, Limits, Record};
use std::path::PathBuf;
use std::process::ExitCode;

/// Where clusters come from.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Inputs: a folder of .txt articles (one cluster), a DUC folder (docs/
    /// with one folder of TREC SGML files per cluster, models/ with human
    /// summaries; a DUC 2007 update collection gives one cluster per
    /// document set; one cluster folder of TREC files is that cluster), a
    /// .txt file, a .jsonl file (one cluster per line), a
    /// Multi-News .src file (with its .tgt beside it), or - for stdin.
    /// With no path, standard input is read.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Largest accepted document (or batch line) in bytes.
    #[arg(long, default_value_t = Limits::default().max_document_bytes, value_name = "BYTES")]
    pub max_document_bytes: u64,
}

impl InputArgs {
    /// Reads every input into records, in order.
    pub fn read(&self) -> Vec<Record> {
        let limits = Limits {
            max_document_bytes: self.max_document_bytes,
        };
        if self.paths.is_empty() {
            return read_stdin(std::io::stdin().lock(), &limits);
        }
        self.paths
            .iter()
            .flat_map(|p| {
                if p.as_os_str() == "-" {
                    read_stdin(std::io::stdin().lock(), &limits)
                } else {
                    read_path(p, &limits)
                }
            })
            .collect()
    }
}

/// Prepares the cluster of each record with the default pipeline and hands
/// it to `each` with whether the input is a batch (more than one cluster).
/// A record that cannot be read or prepared is reported on standard error
/// (with its file and line) and skipped. Returns how many failed of how many.
pub fn for_each_prepared(
    records: Vec<Record>,
    mut each: impl FnMut(&Cluster, &PreparedCluster<'_>, bool) -> anyhow::Result<()>,
) -> anyhow::Result<(usize, usize)> {
    let pipeline = Pipeline::default();
    let batch = records.len() > 1;
    let (mut failed, total) = (0usize, records.len());
    for record in records {
        let cluster = match record.result {
            Ok(c) => c,
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
                continue;
            }
        };
        let prepared = match pipeline.prepare(&cluster) {
            Ok(p) => p,
            Err(e) => {
                failed += 1;
                eprintln!("error: {}: {e}", record.origin);
                continue;
            }
        };
        each(&cluster, &prepared, batch)?;
    }
    Ok((failed, total))
}

/// Exit status of a run over `total` inputs of which `failed` failed: 1,
/// with the count on standard error, when some did.
pub fn failure_status(failed: usize, total: usize, done: &str) -> ExitCode {
    if failed == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "brief: {}",
        super::summarize::failure_note(failed, total, done)
    );
    ExitCode::from(1)
}
