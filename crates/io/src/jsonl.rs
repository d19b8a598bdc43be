//! The JSONL cluster format, one cluster per line:
//! `{"id": "...", "documents": [{"id"?, "title"?, "text", "date"?, "source"?}], "references"?: ["..."]}`.
//! A document may also be given as a bare string.

use brief_core::{Cluster, Document};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCluster {
    #[serde(default)]
    id: Option<serde_json::Value>,
    documents: Vec<RawDocument>,
    #[serde(default)]
    references: Vec<String>,
    // Tolerated for compatibility with common dumps; ignored.
    #[serde(default, rename = "summary")]
    _summary: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawDocument {
    Text(String),
    Full {
        #[serde(default)]
        id: Option<serde_json::Value>,
        #[serde(default)]
        title: Option<String>,
        text: String,
        #[serde(default)]
        date: Option<String>,
        #[serde(default)]
        source: Option<String>,
    },
}

fn id_string(v: Option<serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Parses one JSONL line into a cluster. `default_id` is used when the record
/// has no `id`. Documents whose text is empty are dropped; a cluster left
/// with none is an error. Errors are messages for the caller to place.
///
/// ```
/// let c = brief_io::jsonl::parse_cluster_line(
///     r#"{"id": 7, "documents": [{"title": "T", "text": "Body."}, "Second doc."]}"#, "x").unwrap();
/// assert_eq!(c.id, "7");
/// assert_eq!(c.documents[1].id, "doc1");
/// assert!(brief_io::jsonl::parse_cluster_line("{\"documents\": []}", "x").is_err());
/// ```
pub fn parse_cluster_line(line: &str, default_id: &str) -> Result<Cluster, String> {
    let raw: RawCluster = serde_json::from_str(line).map_err(|e| e.to_string())?;
    cluster_of(raw, default_id)
}

/// [`parse_cluster_line`] for a cluster already parsed as JSON (a server
/// that parsed a request body once reads its cluster part from the value,
/// rather than writing it out and parsing it again).
///
/// ```
/// let v = serde_json::json!({"documents": ["Body."]});
/// assert_eq!(brief_io::jsonl::cluster_from_value(v, "x").unwrap().id, "x");
/// assert!(brief_io::jsonl::cluster_from_value(serde_json::json!({"documents": 3}), "x").is_err());
/// ```
pub fn cluster_from_value(value: serde_json::Value, default_id: &str) -> Result<Cluster, String> {
    let raw: RawCluster = serde_json::from_value(value).map_err(|e| e.to_string())?;
    cluster_of(raw, default_id)
}

/// The cluster a parsed record describes: ids given where missing,
/// documents without text dropped, none left an error.
fn cluster_of(raw: RawCluster, default_id: &str) -> Result<Cluster, String> {
    let id = id_string(raw.id).unwrap_or_else(|| default_id.to_owned());
    let total = raw.documents.len();
    let documents: Vec<Document> = raw
        .documents
        .into_iter()
        .enumerate()
        .map(|(i, d)| match d {
            RawDocument::Text(text) => Document::new(format!("doc{i}"), text),
            RawDocument::Full {
                id,
                title,
                text,
                date,
                source,
            } => Document {
                id: id_string(id).unwrap_or_else(|| format!("doc{i}")),
                title,
                text,
                date,
                source,
            },
        })
        .filter(|d| !d.text.trim().is_empty())
        .collect();
    if documents.is_empty() {
        return Err(if total == 0 {
            "empty cluster: \"documents\" is an empty list".to_owned()
        } else {
            format!("empty cluster: all {total} documents have empty text")
        });
    }
    Ok(Cluster {
        id,
        documents,
        references: raw.references,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_what_is_wrong() {
        let e = parse_cluster_line("{\"documents\": [{\"title\": \"x\"}]}", "c").unwrap_err();
        assert!(e.contains("did not match"), "{e}");
        let e = parse_cluster_line("{not json", "c").unwrap_err();
        assert!(e.contains("key must be a string"), "{e}");
        let e = parse_cluster_line("{\"documents\": [\"  \"]}", "c").unwrap_err();
        assert!(e.contains("empty text"), "{e}");
        let e = parse_cluster_line("{\"docs\": []}", "c").unwrap_err();
        assert!(e.contains("unknown field"), "{e}");
    }

    #[test]
    fn references_are_kept() {
        let c = parse_cluster_line(r#"{"documents": ["A b c."], "references": ["R."]}"#, "c")
            .expect("valid");
        assert_eq!(c.id, "c");
        assert_eq!(c.references, ["R."]);
    }
}
