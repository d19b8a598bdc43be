//! Reading any supported input path into [`Record`]s.

use crate::error::InputError;
use crate::limits::{read_bytes, Limits};
use crate::lines::{at, byte_lines, decode_line, strip_bom};
use crate::record::Record;
use crate::{duc, duc2007, jsonl, multinews, text};
use brief_core::Cluster;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The kind of input a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    DucUpdateFolder,
    DucFolder,
    TrecClusterFolder,
    TextFolder,
    Jsonl,
    MultiNewsSource,
    TextFile,
}

fn kind_of(path: &Path) -> Kind {
    if path.is_dir() {
        // The update layout has `docs/` too, with one folder per topic
        // holding its sets.
        if duc2007::is_update_folder(path) {
            return Kind::DucUpdateFolder;
        }
        if duc::is_duc_folder(path) {
            return Kind::DucFolder;
        }
        if duc::is_trec_cluster_folder(path) {
            return Kind::TrecClusterFolder;
        }
        return Kind::TextFolder;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl" | "ndjson") => Kind::Jsonl,
        Some("src") => Kind::MultiNewsSource,
        // The data set's later release names its sources `test.src.cleaned`.
        Some("cleaned")
            if path
                .file_stem()
                .is_some_and(|s| s.to_string_lossy().ends_with(".src")) =>
        {
            Kind::MultiNewsSource
        }
        _ => Kind::TextFile,
    }
}

/// Each document set of the update collection at `dir` as a cluster of its
/// own, named by its folder (`D0703A-A`), its human models as references.
fn update_set_clusters(dir: &Path, topics: Vec<duc2007::UpdateTopic>) -> Vec<Record> {
    let mut records = Vec::new();
    for topic in topics {
        for set in topic.sets {
            let id = format!("{}-{}", topic.id, set.label);
            let origin = dir.join("docs").join(&topic.id).join(&id);
            let cluster = Cluster {
                id,
                documents: set.documents,
                references: set.models.into_iter().map(|(_, text)| text).collect(),
            };
            records.push(Record::ok(origin.display().to_string(), cluster));
        }
    }
    records
}

/// The `.tgt` file paired with a Multi-News source: `test.src` and
/// `test.src.cleaned` both pair with `test.tgt`.
fn multinews_targets(src: &Path) -> PathBuf {
    let name = src
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(".src.cleaned")
        .or_else(|| name.strip_suffix(".src"))
        .unwrap_or(&name);
    src.with_file_name(format!("{stem}.tgt"))
}

/// Reads every cluster at `path`: a DUC collection folder (with `docs/`) is
/// one cluster per folder under `docs/`; a DUC 2007 update collection is
/// one cluster per document set (`D0703A-A`, its models as references,
/// documents oldest first); one cluster folder of either (TREC SGML files)
/// is that cluster; a folder of `.txt` files is one cluster; a
/// `.jsonl` file is one cluster per line; a Multi-News `.src` file is one
/// cluster per line (with references from the `.tgt` file beside it, if
/// any); any other file is one single-document cluster.
pub fn read_path(path: &Path, limits: &Limits) -> Vec<Record> {
    let origin = path.display().to_string();
    if !path.exists() {
        let source = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder");
        return vec![Record::err(
            origin,
            InputError::Io {
                path: path.to_owned(),
                source,
            },
        )];
    }
    match kind_of(path) {
        Kind::DucFolder => duc::read_duc_folder(path, limits),
        Kind::TrecClusterFolder => duc::read_trec_cluster_folder(path, limits),
        Kind::DucUpdateFolder => match duc2007::read_update_folder(path, limits) {
            Ok(topics) => update_set_clusters(path, topics),
            Err(e) => vec![Record::err(origin, e)],
        },
        Kind::TextFolder => vec![match text::read_text_folder(path, limits) {
            Ok(c) => Record::ok(origin, c),
            Err(e) => Record::err(origin, e),
        }],
        Kind::TextFile => vec![match text::read_text_file(path, limits) {
            Ok(d) if d.text.trim().is_empty() => Record::err(
                origin,
                InputError::EmptyCluster {
                    path: path.to_owned(),
                    reason: "the file is empty".into(),
                },
            ),
            Ok(d) => {
                let id = d.id.clone();
                Record::ok(origin, Cluster::new(id, vec![d]))
            }
            Err(e) => Record::err(origin, e),
        }],
        Kind::Jsonl => match read_batch_file(path) {
            Ok(content) => parse_jsonl_bytes(path, &content, limits),
            Err(e) => vec![Record::err(origin, e)],
        },
        Kind::MultiNewsSource => match read_batch_file(path) {
            Ok(content) => {
                let tgt = multinews_targets(path);
                let targets = if tgt.exists() {
                    match read_batch_file(&tgt) {
                        Ok(t) => Some(t),
                        Err(e) => return vec![Record::err(tgt.display().to_string(), e)],
                    }
                } else {
                    None
                };
                parse_multinews_bytes(
                    path,
                    &content,
                    targets.as_deref().map(|t| (&*tgt, t)),
                    limits,
                )
            }
            Err(e) => vec![Record::err(origin, e)],
        },
    }
}

/// Batch files hold many documents; only each line is held to the limit,
/// and each line is decoded on its own ([`crate::lines`]).
fn read_batch_file(path: &Path) -> Result<Vec<u8>, InputError> {
    read_bytes(path, u64::MAX)
}

fn line_too_large(path: &Path, n: usize, line: &str, limits: &Limits) -> Option<InputError> {
    (line.len() as u64 > limits.max_document_bytes).then(|| InputError::TooLarge {
        path: at(path, n),
        size: line.len() as u64,
        limit: limits.max_document_bytes,
    })
}

fn stem_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into())
}

/// Parses JSONL bytes, one record per non-blank line; a line that is not
/// UTF-8 or is over the size limit is an error record of its own.
pub fn parse_jsonl_bytes(path: &Path, content: &[u8], limits: &Limits) -> Vec<Record> {
    let stem = stem_of(path);
    byte_lines(content)
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .map(
            |(n, line)| match decode_line(path, n, line, limits.max_document_bytes) {
                Ok(line) => jsonl_record(path, &stem, n, line, limits),
                Err(e) => Record::err(at(path, n).display().to_string(), e),
            },
        )
        .collect()
}

/// Parses JSONL content, one record per non-blank line.
pub fn parse_jsonl(path: &Path, content: &str, limits: &Limits) -> Vec<Record> {
    let stem = stem_of(path);
    content
        .strip_prefix('\u{feff}')
        .unwrap_or(content)
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| jsonl_record(path, &stem, i + 1, line, limits))
        .collect()
}

/// The record of line `n` of a JSONL file.
fn jsonl_record(path: &Path, stem: &str, n: usize, line: &str, limits: &Limits) -> Record {
    let origin = format!("{}:{n}", path.display());
    if let Some(e) = line_too_large(path, n, line, limits) {
        return Record::err(origin, e);
    }
    match jsonl::parse_cluster_line(line, &format!("{stem}-{n}")) {
        Ok(c) => Record::ok(origin, c),
        Err(message) => Record::err(
            origin,
            InputError::Malformed {
                path: path.to_owned(),
                line: n,
                message,
            },
        ),
    }
}

/// Parses Multi-News source lines, pairing line `i` with target line `i`.
pub fn parse_multinews(
    path: &Path,
    content: &str,
    targets: Option<&str>,
    limits: &Limits,
) -> Vec<Record> {
    let stem = stem_of(path);
    let mut targets = targets.map(|t| t.strip_prefix('\u{feff}').unwrap_or(t).lines());
    content
        .strip_prefix('\u{feff}')
        .unwrap_or(content)
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let reference = targets.as_mut().and_then(|t| t.next()).map(Ok);
            multinews_record(path, &stem, i + 1, line, reference, limits)
        })
        .collect()
}

/// [`parse_multinews`] over bytes, each line (and each line of the targets
/// file, named by its path) decoded on its own: a line that is not UTF-8 or
/// is over the size limit is an error record of its own.
pub fn parse_multinews_bytes(
    path: &Path,
    content: &[u8],
    targets: Option<(&Path, &[u8])>,
    limits: &Limits,
) -> Vec<Record> {
    let stem = stem_of(path);
    let mut targets = targets.map(|(tgt, bytes)| {
        byte_lines(bytes).map(move |(n, line)| {
            // A reference is not held to the document limit.
            decode_line(tgt, n, line, u64::MAX)
        })
    });
    byte_lines(content)
        .map(|(n, line)| {
            let reference = targets.as_mut().and_then(|t| t.next());
            match decode_line(path, n, line, limits.max_document_bytes) {
                Ok(line) => multinews_record(path, &stem, n, line, reference, limits),
                Err(e) => Record::err(at(path, n).display().to_string(), e),
            }
        })
        .collect()
}

/// The record of line `n` of a Multi-News source file, with its reference.
fn multinews_record(
    path: &Path,
    stem: &str,
    n: usize,
    line: &str,
    reference: Option<Result<&str, InputError>>,
    limits: &Limits,
) -> Record {
    let origin = format!("{}:{n}", path.display());
    if let Some(e) = line_too_large(path, n, line, limits) {
        return Record::err(origin, e);
    }
    let mut cluster = multinews::parse_source_line(&format!("{stem}-{n}"), line);
    if cluster.documents.is_empty() {
        return Record::err(
            origin,
            InputError::EmptyCluster {
                path: at(path, n),
                reason: "the line holds no document text".into(),
            },
        );
    }
    match reference {
        Some(Ok(r)) => cluster.references.push(multinews::parse_target_line(r)),
        Some(Err(e)) => return Record::err(origin, e),
        None => {}
    }
    Record::ok(origin, cluster)
}

/// Reads standard input: JSONL if it starts with `{`, Multi-News if it holds
/// `|||||`, otherwise one plain-text article. JSONL and Multi-News lines are
/// decoded one by one, as from a file.
pub fn read_stdin(mut input: impl Read, limits: &Limits) -> Vec<Record> {
    let path = PathBuf::from("<stdin>");
    let mut bytes = Vec::new();
    if let Err(source) = input.read_to_end(&mut bytes) {
        return vec![Record::err(
            "<stdin>".into(),
            InputError::Io { path, source },
        )];
    }
    let content = strip_bom(&bytes);
    let start = content
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(content.len());
    if content[start..].starts_with(b"{") {
        return parse_jsonl_bytes(&path, content, limits);
    }
    if content
        .windows(multinews::SEPARATOR.len())
        .any(|w| w == multinews::SEPARATOR.as_bytes())
    {
        return parse_multinews_bytes(&path, content, None, limits);
    }
    if start == content.len() {
        return vec![Record::err(
            "<stdin>".into(),
            InputError::EmptyCluster {
                path,
                reason: "standard input is empty".into(),
            },
        )];
    }
    if content.len() as u64 > limits.max_document_bytes {
        return vec![Record::err(
            "<stdin>".into(),
            InputError::TooLarge {
                path,
                size: content.len() as u64,
                limit: limits.max_document_bytes,
            },
        )];
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => {
            let doc = text::parse_text_document("stdin", text);
            vec![Record::ok(
                "<stdin>".into(),
                Cluster::new("stdin", vec![doc]),
            )]
        }
        Err(e) => vec![Record::err(
            "<stdin>".into(),
            InputError::InvalidUtf8 {
                path,
                offset: e.valid_up_to(),
            },
        )],
    }
}
