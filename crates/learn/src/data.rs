//! Training clusters read line by line from JSONL, gzip'd or not (the
//! Multi-News training split ships as `.jsonl.gz`), so 45,000 clusters
//! never sit in memory as text at once. A bad line is an error naming its
//! file and line; the caller decides whether to skip it.

use brief_core::Cluster;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Why a training file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// A line is not a cluster.
    #[error("{path}:{line}: {reason}")]
    Line {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

/// Calls `f` with batches of up to `batch` clusters (or line errors) from
/// `path`, in file order.
pub fn for_each_batch(
    path: &Path,
    batch: usize,
    mut f: impl FnMut(Vec<Result<Cluster, DataError>>),
) -> Result<(), DataError> {
    let shown = path.display().to_string();
    let io = |source| DataError::Io {
        path: shown.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut lines = BufReader::with_capacity(1 << 20, reader);
    let mut pending = Vec::with_capacity(batch);
    let mut raw = Vec::new();
    let mut line_no = 0usize;
    loop {
        raw.clear();
        if lines.read_until(b'\n', &mut raw).map_err(io)? == 0 {
            break;
        }
        line_no += 1;
        let text = match std::str::from_utf8(&raw) {
            Ok(t) => t.trim(),
            Err(e) => {
                pending.push(Err(DataError::Line {
                    path: shown.clone(),
                    line: line_no,
                    reason: format!("not UTF-8: {e}"),
                }));
                continue;
            }
        };
        if text.is_empty() {
            continue;
        }
        let id = format!("{shown}:{line_no}");
        pending.push(
            brief_io::jsonl::parse_cluster_line(text, &id).map_err(|reason| DataError::Line {
                path: shown.clone(),
                line: line_no,
                reason,
            }),
        );
        if pending.len() == batch {
            f(std::mem::replace(&mut pending, Vec::with_capacity(batch)));
        }
    }
    if !pending.is_empty() {
        f(pending);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gzip_and_plain_files_give_the_same_clusters_and_bad_lines_say_where() {
        let dir = std::env::temp_dir().join(format!("brief-learn-data-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let content = "{\"id\": \"a\", \"documents\": [\"One. Two.\"], \"references\": [\"One.\"]}\n{oops\n\n{\"id\": \"b\", \"documents\": [\"Three.\"]}\n";
        let plain = dir.join("c.jsonl");
        std::fs::write(&plain, content).expect("write");
        let gz = dir.join("c.jsonl.gz");
        let mut enc = flate2::write::GzEncoder::new(
            std::fs::File::create(&gz).expect("create"),
            flate2::Compression::fast(),
        );
        enc.write_all(content.as_bytes()).expect("write");
        enc.finish().expect("finish");
        for path in [&plain, &gz] {
            let mut seen = Vec::new();
            for_each_batch(path, 2, |b| seen.extend(b)).expect("reads");
            assert_eq!(seen.len(), 3);
            assert_eq!(seen[0].as_ref().expect("a").id, "a");
            let err = seen[1].as_ref().expect_err("bad line").to_string();
            assert!(err.contains(":2:"), "{err}");
            assert_eq!(seen[2].as_ref().expect("b").id, "b");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
