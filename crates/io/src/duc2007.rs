//! The DUC 2007 update task's layout: topics with three chronological
//! document sets (A, B, C), human models and the official systems'
//! summaries ("peers") per set.
//!
//! ```text
//! DIR/topics.sgml                        <topic><num> D0703A </num><title>…</title><narr>…</narr>…
//! DIR/docs/D0703A/D0703A-B/XIE19980502.0090   TREC SGML, one folder per set
//! DIR/models/D0703-B.M.100.A.A           human summaries: topic (no letter)-set, assessor last
//! DIR/peers/D0703-B.M.100.A.40           every system's (numbers) and human's (letters) summary
//! ```
//!
//! The task: a 100-word summary of A; of B for a reader who has read A; of
//! C for one who has read A and B. [`read_update_folder`] reads every topic
//! with its sets in order, documents sorted by date, and the narrative
//! (what the reader wants to know) as the topic's question.

use crate::duc::{parse_model_summary, parse_trec};
use crate::error::InputError;
use crate::limits::{read_utf8, Limits};
use brief_core::Document;
use std::path::{Path, PathBuf};

/// One topic of the update task.
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateTopic {
    /// Its id, as in `topics.sgml` (`D0703A`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// What the reader wants to know (`<narr>`).
    pub narrative: String,
    /// The document sets in order (A, B, C).
    pub sets: Vec<UpdateSet>,
}

/// One document set of a topic.
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateSet {
    /// The set's letter (`A`, `B`, `C`).
    pub label: String,
    /// Its documents, oldest first.
    pub documents: Vec<Document>,
    /// The human model summaries, by assessor letter order.
    pub models: Vec<(String, String)>,
    /// Every summary in `peers/` for the set: (peer id, text), systems
    /// (numeric ids) and humans (letters), by id.
    pub peers: Vec<(String, String)>,
}

/// Whether `dir` looks like a DUC 2007 update collection: `topics.sgml`
/// beside a `docs/` folder whose topic folders hold `<topic>-A` folders.
pub fn is_update_folder(dir: &Path) -> bool {
    if !dir.join("topics.sgml").is_file() {
        return false;
    }
    let Ok(topics) = sorted_entries(&dir.join("docs")) else {
        return false;
    };
    topics.iter().any(|t| {
        t.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| t.join(format!("{n}-A")).is_dir())
    })
}

/// Reads the whole collection (see the module docs), topics in the order of
/// `topics.sgml`. A topic without a docs folder, a set folder without
/// readable documents or an unreadable file is an error naming it.
pub fn read_update_folder(dir: &Path, limits: &Limits) -> Result<Vec<UpdateTopic>, InputError> {
    let topics_path = dir.join("topics.sgml");
    let sgml = read_utf8(&topics_path, limits)?;
    let models = summaries(&dir.join("models"), limits)?;
    let peers = summaries(&dir.join("peers"), limits)?;
    let mut topics = Vec::new();
    for element in elements(&sgml, "topic") {
        let id = tag(element, "num").unwrap_or_default();
        if id.is_empty() {
            return Err(InputError::Unsupported {
                path: topics_path.clone(),
                message: "a <topic> without <num>".into(),
            });
        }
        let topic_dir = dir.join("docs").join(&id);
        let mut sets = Vec::new();
        for set_dir in sorted_entries(&topic_dir)?
            .into_iter()
            .filter(|p| p.is_dir())
        {
            let name = set_dir
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            let Some(label) = name.strip_prefix(&format!("{id}-")).map(str::to_owned) else {
                continue;
            };
            let documents = read_set(&set_dir, limits)?;
            // Models and peers name the topic without its assessor letter.
            let key = format!("{}-{label}", topic_key(&id)).to_ascii_lowercase();
            let of_set = |all: &[(String, String, String)]| -> Vec<(String, String)> {
                all.iter()
                    .filter(|(set, _, _)| *set == key)
                    .map(|(_, who, text)| (who.clone(), text.clone()))
                    .collect()
            };
            sets.push(UpdateSet {
                label,
                documents,
                models: of_set(&models),
                peers: of_set(&peers),
            });
        }
        if sets.is_empty() {
            return Err(InputError::EmptyCluster {
                path: topic_dir,
                reason: format!("no {id}-A, {id}-B… set folders"),
            });
        }
        topics.push(UpdateTopic {
            title: tag(element, "title").unwrap_or_default(),
            narrative: tag(element, "narr").unwrap_or_default(),
            id,
            sets,
        });
    }
    if topics.is_empty() {
        return Err(InputError::Unsupported {
            path: topics_path,
            message: "no <topic> elements".into(),
        });
    }
    Ok(topics)
}

/// `D0703A` → `D0703`: the topic as models and peers name it.
fn topic_key(id: &str) -> &str {
    match id.char_indices().last() {
        Some((at, c)) if c.is_ascii_alphabetic() && at > 1 => &id[..at],
        _ => id,
    }
}

/// The documents of one set folder, oldest first (by date, then id).
fn read_set(dir: &Path, limits: &Limits) -> Result<Vec<Document>, InputError> {
    let mut documents = Vec::new();
    for path in sorted_entries(dir)?.into_iter().filter(|p| p.is_file()) {
        let content = read_utf8(&path, limits)?;
        let fallback = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let docs = parse_trec(&content, &fallback).map_err(|message| InputError::Unsupported {
            path: path.clone(),
            message,
        })?;
        documents.extend(docs);
    }
    if documents.is_empty() {
        return Err(InputError::EmptyCluster {
            path: dir.to_owned(),
            reason: "no documents".into(),
        });
    }
    documents.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    Ok(documents)
}

/// Summary files `<TOPIC>-<SET>.M.<len>.<x>.<who>` of a folder as (lower-case
/// `topic-set`, who, text), by file name; a missing folder has none.
fn summaries(dir: &Path, limits: &Limits) -> Result<Vec<(String, String, String)>, InputError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for path in sorted_entries(dir)? {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let parts: Vec<&str> = name.split('.').collect();
        let [set, kind, length, _, who] = parts.as_slice() else {
            continue;
        };
        if !kind.eq_ignore_ascii_case("m") || !length.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let text = parse_model_summary(&read_utf8(&path, limits)?);
        out.push((set.to_ascii_lowercase(), (*who).to_owned(), text));
    }
    // Peers by id: numbers in numeric order, then letters.
    out.sort_by(|a, b| {
        let n = |s: &str| s.parse::<u32>().ok();
        (a.0.as_str(), n(&a.1).is_none(), n(&a.1), a.1.as_str()).cmp(&(
            b.0.as_str(),
            n(&b.1).is_none(),
            n(&b.1),
            b.1.as_str(),
        ))
    });
    Ok(out)
}

/// The contents of every `<name>…</name>` element of `sgml`.
fn elements<'a>(sgml: &'a str, name: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{name}>"), format!("</{name}>"));
    let mut out = Vec::new();
    let mut rest = sgml;
    while let Some(start) = rest.find(&open) {
        let body = &rest[start + open.len()..];
        let Some(end) = body.find(&close) else {
            break;
        };
        out.push(&body[..end]);
        rest = &body[end + close.len()..];
    }
    out
}

/// The trimmed, whitespace-collapsed text of the first `<name>` element.
fn tag(sgml: &str, name: &str) -> Option<String> {
    elements(sgml, name)
        .first()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let entries = std::fs::read_dir(dir).map_err(|source| InputError::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("dir");
        }
        std::fs::write(path, text).expect("write");
    }

    fn doc(id: &str, date: &str, text: &str) -> String {
        format!("<DOC>\n<DOCNO> {id} </DOCNO>\n<DATE_TIME> {date} </DATE_TIME>\n<TEXT>\n<P>\n{text}\n</P>\n</TEXT>\n</DOC>\n")
    }

    #[test]
    fn reads_topics_sets_models_and_peers() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        write(
            &d.join("topics.sgml"),
            "<topic>\n<num> D0799Z </num>\n<title> The euro </title>\n<narr>\nDescribe the\n euro launch.\n</narr>\n</topic>\n",
        );
        let set_a = d.join("docs/D0799Z/D0799Z-A");
        write(
            &set_a.join("XIE2"),
            &doc("XIE2", "1998-05-02 10:00", "Later news."),
        );
        write(
            &set_a.join("APW1"),
            &doc("APW1", "1998-01-02 10:00", "Earlier news."),
        );
        write(
            &d.join("docs/D0799Z/D0799Z-B/NYT3"),
            &doc("NYT3", "1999-01-01 10:00", "New news."),
        );
        write(&d.join("models/D0799-A.M.100.Z.B"), "Model B of A.\n");
        write(&d.join("models/D0799-A.M.100.Z.A"), "Model A of A.\n");
        write(&d.join("peers/D0799-B.M.100.Z.40"), "System 40.\n");
        write(&d.join("peers/D0799-B.M.100.Z.8"), "System 8.\n");
        write(&d.join("peers/D0799-B.M.100.Z.A"), "Human A.\n");
        assert!(is_update_folder(d));
        let topics = read_update_folder(d, &Limits::default()).expect("read");
        assert_eq!(topics.len(), 1);
        let t = &topics[0];
        assert_eq!((t.id.as_str(), t.title.as_str()), ("D0799Z", "The euro"));
        assert_eq!(t.narrative, "Describe the euro launch.");
        let labels: Vec<&str> = t.sets.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["A", "B"]);
        let ids: Vec<&str> = t.sets[0].documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["APW1", "XIE2"], "oldest first");
        let who: Vec<&str> = t.sets[0].models.iter().map(|m| m.0.as_str()).collect();
        assert_eq!(who, ["A", "B"]);
        let peers: Vec<&str> = t.sets[1].peers.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(peers, ["8", "40", "A"]);
        assert!(t.sets[1].models.is_empty());
    }

    #[test]
    fn a_plain_duc_folder_is_not_an_update_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        write(
            &dir.path().join("docs/d30001t/APW1"),
            &doc("APW1", "1998-01-02", "x"),
        );
        assert!(!is_update_folder(dir.path()));
        assert!(read_update_folder(dir.path(), &Limits::default()).is_err());
    }
}
