//! Multi-News raw files: a `.src` line holds a cluster's documents joined by
//! `|||||`, with paragraph breaks written as `NEWLINE_CHAR`; the matching
//! `.tgt` line holds the human summary, starting with "– ".

use brief_core::{Cluster, Document};

/// The document separator of Multi-News source lines.
pub const SEPARATOR: &str = "|||||";

/// Turns `NEWLINE_CHAR` markup back into line breaks: each marker becomes a
/// newline, and the spaces the data set put around it are dropped.
///
/// ```
/// assert_eq!(brief_io::multinews::undo_newline_markup("One. NEWLINE_CHAR NEWLINE_CHAR Two."), "One.\n\nTwo.");
/// ```
pub fn undo_newline_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, piece) in text.split("NEWLINE_CHAR").enumerate() {
        if i > 0 {
            // Spaces between markers and around them are layout, not text.
            let trimmed = out.trim_end_matches(' ').len();
            out.truncate(trimmed);
            out.push('\n');
            out.push_str(piece.trim_start_matches(' '));
        } else {
            out.push_str(piece);
        }
    }
    out.trim().to_owned()
}

/// A cluster from one Multi-News source line (documents joined by `|||||`).
/// Empty documents are dropped.
///
/// ```
/// let c = brief_io::multinews::parse_source_line("c1", "First doc. NEWLINE_CHAR More. ||||| Second doc.");
/// assert_eq!(c.documents.len(), 2);
/// assert_eq!(c.documents[0].text, "First doc.\nMore.");
/// ```
pub fn parse_source_line(id: &str, line: &str) -> Cluster {
    let documents = line
        .split(SEPARATOR)
        .map(undo_newline_markup)
        .filter(|t| !t.is_empty())
        .enumerate()
        .map(|(i, text)| Document::new(format!("doc{i}"), text))
        .collect();
    Cluster::new(id, documents)
}

/// A reference summary from one `.tgt` line: markup undone, leading "– " dropped.
///
/// ```
/// assert_eq!(brief_io::multinews::parse_target_line("– A summary. NEWLINE_CHAR More."), "A summary.\nMore.");
/// ```
pub fn parse_target_line(line: &str) -> String {
    let text = undo_newline_markup(line);
    text.trim_start_matches(['–', '-', ' '])
        .trim_start()
        .to_owned()
}
