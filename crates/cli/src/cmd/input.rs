//! Flags shared by commands that read clusters, and the reading itself.

use brief_io::{read_path, read_stdin, Limits, Record};
use std::path::PathBuf;

/// Where clusters come from.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Inputs: a folder of .txt articles (one cluster), a DUC folder (docs/
    /// with one folder of TREC SGML files per cluster, models/ with human
    /// summaries), a .txt file, a .jsonl file (one cluster per line), a
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
