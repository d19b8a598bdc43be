//! Plain-text articles: the first non-empty line is the headline, the rest is
//! the body. The document text is kept exactly as read, so spans index the file.

use crate::error::InputError;
use crate::limits::{read_utf8, Limits};
use brief_core::{Cluster, Document};
use std::path::Path;

/// A document from the text of an article file.
///
/// ```
/// let d = brief_io::text::parse_text_document("a", "\nHeadline here\n\nBody. More body.\n");
/// assert_eq!(d.title.as_deref(), Some("Headline here"));
/// assert_eq!(d.text, "\nHeadline here\n\nBody. More body.\n");
/// let d = brief_io::text::parse_text_document("b", "\u{feff}Old Mac headline\r\rBody.");
/// assert_eq!(d.title.as_deref(), Some("Old Mac headline"));
/// ```
pub fn parse_text_document(id: &str, text: &str) -> brief_core::Document {
    // Lines end at \n, \r\n or a lone \r; a byte-order mark is not text.
    let title = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .split(['\n', '\r'])
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_owned);
    Document {
        id: id.to_owned(),
        title,
        text: text.to_owned(),
        ..Document::default()
    }
}

/// Reads one article file.
pub fn read_text_file(path: &Path, limits: &Limits) -> Result<Document, InputError> {
    let text = read_utf8(path, limits)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok(parse_text_document(&id, &text))
}

/// Reads a folder of `.txt` articles (sorted by file name) as one cluster.
/// Files that are empty or only whitespace are skipped; a folder with no
/// article left is an [`InputError::EmptyCluster`].
pub fn read_text_folder(dir: &Path, limits: &Limits) -> Result<Cluster, InputError> {
    let entries = std::fs::read_dir(dir).map_err(|source| InputError::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut documents = Vec::with_capacity(paths.len());
    for p in &paths {
        let doc = read_text_file(p, limits)?;
        if !doc.text.trim().is_empty() {
            documents.push(doc);
        }
    }
    if documents.is_empty() {
        return Err(InputError::EmptyCluster {
            path: dir.to_owned(),
            reason: if paths.is_empty() {
                "no .txt files in the folder".into()
            } else {
                "every .txt file is empty".into()
            },
        });
    }
    let id = dir
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string());
    Ok(Cluster::new(id, documents))
}
