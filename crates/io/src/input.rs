//! Reading any supported input path into [`Record`]s.

use crate::error::InputError;
use crate::limits::{read_bytes, Limits};
use crate::record::Record;
use crate::{duc, jsonl, multinews, text};
use brief_core::Cluster;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The kind of input a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    DucFolder,
    TextFolder,
    Jsonl,
    MultiNewsSource,
    TextFile,
}

fn kind_of(path: &Path) -> Kind {
    if path.is_dir() {
        if duc::is_duc_folder(path) {
            return Kind::DucFolder;
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
/// one cluster per folder under `docs/`; a folder of `.txt` files is one cluster; a
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
            Ok(content) => parse_jsonl(path, &content, limits),
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
                parse_multinews(path, &content, targets.as_deref(), limits)
            }
            Err(e) => vec![Record::err(origin, e)],
        },
    }
}

/// Batch files hold many documents; only each line is held to the limit.
fn read_batch_file(path: &Path) -> Result<String, InputError> {
    let bytes = read_bytes(path, u64::MAX)?;
    String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn line_too_large(path: &Path, line: &str, limits: &Limits) -> Option<InputError> {
    (line.len() as u64 > limits.max_document_bytes).then(|| InputError::TooLarge {
        path: path.to_owned(),
        size: line.len() as u64,
        limit: limits.max_document_bytes,
    })
}

/// Parses JSONL content, one record per non-blank line.
pub fn parse_jsonl(path: &Path, content: &str, limits: &Limits) -> Vec<Record> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let n = i + 1;
            let origin = format!("{}:{n}", path.display());
            if let Some(e) = line_too_large(path, line, limits) {
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
        })
        .collect()
}

/// Parses Multi-News source lines, pairing line `i` with target line `i`.
pub fn parse_multinews(
    path: &Path,
    content: &str,
    targets: Option<&str>,
    limits: &Limits,
) -> Vec<Record> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let mut targets = targets.map(|t| t.lines());
    content
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let n = i + 1;
            let reference = targets.as_mut().and_then(|t| t.next());
            let origin = format!("{}:{n}", path.display());
            if let Some(e) = line_too_large(path, line, limits) {
                return Record::err(origin, e);
            }
            let mut cluster = multinews::parse_source_line(&format!("{stem}-{n}"), line);
            if cluster.documents.is_empty() {
                return Record::err(
                    origin,
                    InputError::EmptyCluster {
                        path: PathBuf::from(format!("{}:{n}", path.display())),
                        reason: "the line holds no document text".into(),
                    },
                );
            }
            if let Some(r) = reference {
                cluster.references.push(multinews::parse_target_line(r));
            }
            Record::ok(origin, cluster)
        })
        .collect()
}

/// Reads standard input: JSONL if it starts with `{`, Multi-News if it holds
/// `|||||`, otherwise one plain-text article.
pub fn read_stdin(mut input: impl Read, limits: &Limits) -> Vec<Record> {
    let path = PathBuf::from("<stdin>");
    let mut bytes = Vec::new();
    if let Err(source) = input.read_to_end(&mut bytes) {
        return vec![Record::err(
            "<stdin>".into(),
            InputError::Io { path, source },
        )];
    }
    let content = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            return vec![Record::err(
                "<stdin>".into(),
                InputError::InvalidUtf8 {
                    path,
                    offset: e.utf8_error().valid_up_to(),
                },
            )]
        }
    };
    if content.trim_start().starts_with('{') {
        return parse_jsonl(&path, &content, limits);
    }
    if content.contains(multinews::SEPARATOR) {
        return parse_multinews(&path, &content, None, limits);
    }
    if content.trim().is_empty() {
        return vec![Record::err(
            "<stdin>".into(),
            InputError::EmptyCluster {
                path,
                reason: "standard input is empty".into(),
            },
        )];
    }
    if let Some(e) = line_too_large(&path, &content, limits) {
        return vec![Record::err("<stdin>".into(), e)];
    }
    let doc = text::parse_text_document("stdin", &content);
    vec![Record::ok(
        "<stdin>".into(),
        Cluster::new("stdin", vec![doc]),
    )]
}
