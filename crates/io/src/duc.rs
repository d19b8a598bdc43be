//! DUC / TAC collections: TREC SGML news-wire documents grouped into cluster
//! folders, with human model summaries beside them.
//!
//! Layout (NIST's Document Understanding Conference, 2001–2007):
//!
//! ```text
//! DIR/docs/d30003t/APW19981017.0151     one TREC SGML file per document
//! DIR/models/D30003.M.100.T.B.html      model summaries: cluster, M(ulti), length, T, assessor
//! DIR/models/d30001.m.100.t.a           (older, lower-case naming)
//! ```
//!
//! Each document file holds one or more `<DOC>` elements with `<DOCNO>`,
//! `<DATE_TIME>` (or `<DATE>`), an optional `<HEADLINE>` and a `<TEXT>` body
//! whose paragraphs are either `<P>` elements or tab-indented, hard-wrapped
//! lines. The reader rebuilds clean prose: wrapped lines joined, one blank
//! line between paragraphs, typesetting codes (`&QL;`, `&UR;` editor's notes,
//! `&Cx1f;`) and sign-offs (`(scl)`, `NYT-10-17-98 1600EDT`) dropped, the
//! dateline ("LONDON (AP) _ ") removed, ``` ``…'' ``` written as `"…"`, and
//! entities (`&AMP;`, `&amp;`, `&#39;`) decoded. The document text is that
//! clean prose, so summary spans index it and never reach header residue.
//!
//! Hand-written: TREC "SGML" is not well-formed XML or HTML (unquoted
//! attributes, unclosed `<P>`, upper-case private entities), so XML/HTML
//! crates either reject it or keep the residue; a small scanner is simpler.

use crate::error::InputError;
use crate::limits::{read_utf8, Limits};
use crate::record::Record;
use brief_core::text::clean::floor_char_boundary;
use brief_core::text::entities::character;
use brief_core::{Cluster, Document};
use std::path::{Path, PathBuf};

/// Whether `dir` looks like a DUC collection: it has a `docs/` folder.
pub fn is_duc_folder(dir: &Path) -> bool {
    dir.join("docs").is_dir()
}

/// Reads a DUC collection folder: one [`Record`] per cluster folder under
/// `docs/`, in name order, with the model summaries of `models/` as
/// references. A document file that cannot be read or parsed is reported in
/// a record of its own (naming the file) and left out of its cluster; a
/// cluster folder with no readable document is an error record. Neither
/// loses the other clusters.
pub fn read_duc_folder(dir: &Path, limits: &Limits) -> Vec<Record> {
    let docs_dir = dir.join("docs");
    let cluster_dirs = match sorted_entries(&docs_dir) {
        Ok(entries) => entries
            .into_iter()
            .filter(|p| p.is_dir())
            .collect::<Vec<_>>(),
        Err(e) => return vec![Record::err(docs_dir.display().to_string(), e)],
    };
    if cluster_dirs.is_empty() {
        return vec![Record::err(
            docs_dir.display().to_string(),
            InputError::EmptyCluster {
                path: docs_dir,
                reason: "no cluster folders under docs/".into(),
            },
        )];
    }
    let models = match read_models(&dir.join("models"), limits) {
        Ok(m) => m,
        Err(e) => return vec![Record::err(dir.join("models").display().to_string(), e)],
    };
    cluster_dirs
        .iter()
        .flat_map(|cluster_dir| {
            cluster_folder_records(cluster_dir, limits, |id| {
                let key = id.to_ascii_lowercase();
                models
                    .iter()
                    .filter(|m| m.cluster == key)
                    .map(|m| m.text.clone())
                    .collect()
            })
        })
        .collect()
}

/// The records of one cluster folder: a record for each file that failed,
/// then the cluster (its references given by `references` of its id) or
/// why it has none.
fn cluster_folder_records(
    dir: &Path,
    limits: &Limits,
    references: impl FnOnce(&str) -> Vec<String>,
) -> Vec<Record> {
    let (documents, failures) = read_cluster_documents(dir, limits);
    let mut records: Vec<Record> = failures
        .into_iter()
        .map(|(path, e)| Record::err(path.display().to_string(), e))
        .collect();
    records.push(Record {
        origin: dir.display().to_string(),
        result: documents.map(|documents| {
            let id = cluster_id(dir);
            let references = references(&id);
            Cluster {
                id,
                documents,
                references,
            }
        }),
    });
    records
}

/// Whether `dir` is one cluster folder of a DUC collection given by itself
/// (`docs/d30003t`, or a set `docs/D0703A/D0703A-A`): no `.txt` file, and
/// its first file opens with a TREC `<DOC>`.
pub fn is_trec_cluster_folder(dir: &Path) -> bool {
    let Ok(entries) = sorted_entries(dir) else {
        return false;
    };
    let files: Vec<&PathBuf> = entries
        .iter()
        .filter(|p| p.is_file() && !is_hidden(p))
        .collect();
    if files
        .iter()
        .any(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        return false;
    }
    let Some(first) = files.first() else {
        return false;
    };
    let mut head = [0u8; 64];
    let read = std::fs::File::open(first)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    head[..read].trim_ascii_start().starts_with(b"<DOC>")
}

/// Reads one cluster folder of TREC SGML files ([`is_trec_cluster_folder`])
/// as a cluster without references (the models live beside `docs/`). A
/// file that cannot be read or parsed is a record of its own, naming it.
pub fn read_trec_cluster_folder(dir: &Path, limits: &Limits) -> Vec<Record> {
    cluster_folder_records(dir, limits, |_| Vec::new())
}

/// The cluster id of a cluster folder: its name without the trailing
/// topic-set letter (`d30003t` → `d30003`), which is how models name it.
fn cluster_id(dir: &Path) -> String {
    let name = dir
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string());
    match name.strip_suffix(['t', 'T']) {
        Some(stem) if stem.len() > 1 && stem.ends_with(|c: char| c.is_ascii_digit()) => {
            stem.to_owned()
        }
        _ => name,
    }
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let entries = std::fs::read_dir(dir).map_err(|source| InputError::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Ok(paths)
}

type Failures = Vec<(PathBuf, InputError)>;

/// The documents of one cluster folder, and the files that failed.
fn read_cluster_documents(
    dir: &Path,
    limits: &Limits,
) -> (Result<Vec<Document>, InputError>, Failures) {
    let files = match sorted_entries(dir) {
        Ok(p) => p
            .into_iter()
            .filter(|p| p.is_file() && !is_hidden(p))
            .collect::<Vec<_>>(),
        Err(e) => return (Err(e), Vec::new()),
    };
    let mut documents = Vec::new();
    let mut failures = Vec::new();
    for path in &files {
        let content = match read_utf8(path, limits) {
            Ok(c) => c,
            Err(e) => {
                failures.push((path.clone(), e));
                continue;
            }
        };
        let fallback_id = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match parse_trec(&content, &fallback_id) {
            Ok(docs) => documents.extend(docs),
            Err(message) => failures.push((
                path.clone(),
                InputError::Unsupported {
                    path: path.clone(),
                    message,
                },
            )),
        }
    }
    if documents.is_empty() {
        let reason = if files.is_empty() {
            "the cluster folder holds no document files".to_owned()
        } else {
            format!("none of its {} document files could be read", files.len())
        };
        return (
            Err(InputError::EmptyCluster {
                path: dir.to_owned(),
                reason,
            }),
            failures,
        );
    }
    (Ok(documents), failures)
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// One model summary and the cluster it belongs to (lower-case id).
struct Model {
    cluster: String,
    text: String,
}

/// Reads `models/`: multi-document model summaries (`<cluster>.M.<len>.<...>`),
/// in file-name order. A missing folder means no references.
fn read_models(dir: &Path, limits: &Limits) -> Result<Vec<Model>, InputError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut models = Vec::new();
    for path in sorted_entries(dir)? {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(cluster) = model_cluster(name) else {
            continue;
        };
        let content = read_utf8(&path, limits)?;
        models.push(Model {
            cluster,
            text: parse_model_summary(&content),
        });
    }
    Ok(models)
}

/// The lower-case cluster id of a multi-document model file name
/// (`D30003.M.100.T.B.html`, `d30001.m.100.t.a`), or `None`.
fn model_cluster(name: &str) -> Option<String> {
    let mut parts = name.split('.');
    let cluster = parts.next()?;
    let kind = parts.next()?;
    let length = parts.next()?;
    let ok = !cluster.is_empty()
        && kind.eq_ignore_ascii_case("m")
        && !length.is_empty()
        && length.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| cluster.to_ascii_lowercase())
}

/// A model summary as text: markup removed, quotes and entities decoded, one
/// line per fragment as the assessor wrote it (ROUGE-Lsum splits on them).
///
/// ```
/// let t = brief_io::duc::parse_model_summary("<html>\nThe `` senator-for-life , '' said .\n\n");
/// assert_eq!(t, "The \" senator-for-life , \" said .");
/// ```
pub fn parse_model_summary(content: &str) -> String {
    let text = strip_tags(content);
    text.lines()
        .map(|l| collapse_spaces(&decode_quotes(&decode_entities(l))))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parses the `<DOC>` elements of one TREC SGML file. `fallback_id` names a
/// document without `<DOCNO>` (with `#n` added when the file holds several).
/// A file without any `<DOC>` is read as a single document. Errors are
/// messages for the caller to place.
///
/// ```
/// let sgml = "<DOC><DOCNO> APW1 </DOCNO><DATE_TIME> 10/17/1998 05:50:00 </DATE_TIME>\n\
///             <TEXT>\n\t   LONDON (AP) _ Police arrested\nthe general.\n\t   He is 82.\n</TEXT></DOC>";
/// let docs = brief_io::duc::parse_trec(sgml, "file").unwrap();
/// assert_eq!(docs[0].id, "APW1");
/// assert_eq!(docs[0].date.as_deref(), Some("1998-10-17T05:50:00"));
/// assert_eq!(docs[0].text, "Police arrested the general.\n\nHe is 82.");
/// ```
pub fn parse_trec(content: &str, fallback_id: &str) -> Result<Vec<Document>, String> {
    let elements = doc_elements(content);
    let several = elements.len() > 1;
    let mut documents = Vec::with_capacity(elements.len());
    let mut problems = Vec::new();
    for (n, element) in elements.iter().enumerate() {
        let id = element_text(element, "DOCNO")
            .map(|s| collapse_spaces(&s))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| {
                if several {
                    format!("{fallback_id}#{}", n + 1)
                } else {
                    fallback_id.to_owned()
                }
            });
        match parse_doc(element, id) {
            Ok(doc) => documents.push(doc),
            Err(message) => problems.push(message),
        }
    }
    if documents.is_empty() {
        return Err(if problems.is_empty() {
            "no document text".to_owned()
        } else {
            problems.join("; ")
        });
    }
    Ok(documents)
}

/// The contents of each `<DOC>…</DOC>` (the whole input when there is none;
/// an unclosed last `<DOC>` runs to the end).
fn doc_elements(content: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = content;
    while let Some(open) = find_tag(rest, "DOC") {
        let body = &rest[open..];
        match find_ci(body, "</DOC>") {
            Some(close) => {
                out.push(&body[..close]);
                rest = &body[close + "</DOC>".len()..];
            }
            None => {
                out.push(body);
                rest = "";
            }
        }
    }
    if out.is_empty() {
        out.push(content);
    }
    out
}

/// One document from the inside of a `<DOC>` element.
fn parse_doc(element: &str, id: String) -> Result<Document, String> {
    let Some(body) = element_text(element, "TEXT") else {
        return Err(format!("document {id}: no <TEXT> element"));
    };
    let title = element_text(element, "HEADLINE")
        .map(|h| collapse_spaces(&decode_quotes(&decode_entities(&strip_tags(&h)))))
        .filter(|h| !h.is_empty());
    let date = element_text(element, "DATE_TIME")
        .or_else(|| element_text(element, "DATE"))
        .map(|d| normalize_date(&collapse_spaces(&strip_tags(&d))))
        .filter(|d| !d.is_empty());
    let paragraphs = body_paragraphs(&body);
    if paragraphs.is_empty() {
        return Err(format!("document {id}: <TEXT> holds no prose"));
    }
    let body_text = paragraphs.join("\n\n");
    // The headline goes first, on its own line, so the core pipeline knows
    // it as the headline (it is never selected as a body sentence).
    let text = match &title {
        Some(t) => format!("{t}\n\n{body_text}"),
        None => body_text,
    };
    Ok(Document {
        source: source_of(&id),
        id,
        title,
        text,
        date,
    })
}

/// The news service named by a TREC DOCNO prefix.
fn source_of(docno: &str) -> Option<String> {
    let prefix: String = docno
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let name = match prefix.to_ascii_uppercase().as_str() {
        "APW" | "AP" => "Associated Press",
        "NYT" => "New York Times",
        "XIE" => "Xinhua",
        "LA" => "Los Angeles Times",
        "FT" => "Financial Times",
        "WSJ" => "Wall Street Journal",
        "SJMN" => "San Jose Mercury News",
        "FBIS" => "Foreign Broadcast Information Service",
        _ => return None,
    };
    Some(name.to_owned())
}

/// `10/17/1998 05:50:00` → `1998-10-17T05:50:00`, `1998-10-17 16:00` →
/// `1998-10-17T16:00`; anything else is kept as given.
fn normalize_date(raw: &str) -> String {
    let (day, time) = match raw.split_once(' ') {
        Some((d, t)) => (d, Some(t.trim())),
        None => (raw, None),
    };
    let iso_day = if let [m, d, y] = day.split('/').collect::<Vec<_>>()[..] {
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if y.len() == 4 && all_digits(m) && all_digits(d) && all_digits(y) {
            Some(format!("{y}-{m:0>2}-{d:0>2}"))
        } else {
            None
        }
    } else if day.len() == 10 && day.as_bytes()[4] == b'-' && day.as_bytes()[7] == b'-' {
        Some(day.to_owned())
    } else {
        None
    };
    match (iso_day, time) {
        (Some(d), Some(t))
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b':') =>
        {
            format!("{d}T{t}")
        }
        (Some(d), None) => d,
        _ => raw.to_owned(),
    }
}

/// Byte offset of the first `<NAME>` or `<NAME attr…>` tag, case-insensitive.
fn find_tag(hay: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = find_ci(&hay[from..], &open) {
        let at = from + i;
        let after = hay.as_bytes().get(at + open.len()).copied();
        if matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')) {
            return Some(at);
        }
        from = at + open.len();
    }
    None
}

/// The raw contents of the first `<NAME>` element; an unclosed element runs
/// to the end of `hay`.
fn element_text(hay: &str, name: &str) -> Option<String> {
    let start = find_tag(hay, name)?;
    let inner_start = start + hay[start..].find('>')? + 1;
    let inner = &hay[inner_start..];
    let end = find_ci(inner, &format!("</{name}>")).unwrap_or(inner.len());
    Some(inner[..end].to_owned())
}

/// ASCII case-insensitive `find`.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Elements inside `<TEXT>` that are never prose.
const NON_PROSE: &[&str] = &["ANNOTATION", "NOTE", "FIGURE", "TABLE", "CORRECTION-DATE"];

/// The body paragraphs of a `<TEXT>` element, clean.
fn body_paragraphs(body: &str) -> Vec<String> {
    let mut body = body.to_owned();
    for name in NON_PROSE {
        body = remove_elements(&body, name);
    }
    // Every tag (<P>, </P>, <F P=102>, ...) ends a paragraph.
    let mut raw_paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        if !current.trim().is_empty() {
            out.push(std::mem::take(current));
        }
        current.clear();
    };
    for piece in split_on_tags(&body) {
        for line in piece.split('\n') {
            let line = line.trim_end_matches('\r');
            let indented = line.starts_with('\t') || line.starts_with("  ");
            if line.trim().is_empty() || indented {
                flush(&mut current, &mut raw_paragraphs);
            }
            if !line.trim().is_empty() {
                if !current.is_empty() {
                    current.push(' ');
                }
                current.push_str(line.trim());
            }
        }
        flush(&mut current, &mut raw_paragraphs);
    }
    let mut paragraphs: Vec<String> = raw_paragraphs
        .iter()
        .filter(|p| !is_editorial(p))
        .map(|p| clean_paragraph(p))
        .filter(|p| !p.is_empty() && !is_sign_off(p))
        .collect();
    if let Some(first) = paragraphs.first_mut() {
        let cut = dateline_len(first);
        if cut > 0 {
            first.replace_range(..cut, "");
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

/// `body` without any `<NAME …>…</NAME>` element.
fn remove_elements(body: &str, name: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    let close = format!("</{name}>");
    while let Some(start) = find_tag(rest, name) {
        out.push_str(&rest[..start]);
        out.push('\n');
        let after = &rest[start..];
        rest = match find_ci(after, &close) {
            Some(end) => &after[end + close.len()..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The text between tags. A `<` that opens no tag ("3 < 4") is text.
fn split_on_tags(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut segment_start = 0;
    let mut search_from = 0;
    while let Some(i) = body[search_from..].find('<') {
        let open = search_from + i;
        let tail = &body[open..];
        let tag_len = tail.find('>').filter(|&c| {
            let inner = &tail[1..c];
            !inner.contains(['<', '\n'])
                && inner
                    .trim_start_matches('/')
                    .starts_with(|ch: char| ch.is_ascii_alphabetic())
        });
        match tag_len {
            Some(c) => {
                out.push(&body[segment_start..open]);
                segment_start = open + c + 1;
                search_from = segment_start;
            }
            None => search_from = open + 1,
        }
    }
    out.push(&body[segment_start..]);
    out
}

/// Markup with no tags.
fn strip_tags(text: &str) -> String {
    split_on_tags(text).join("\n")
}

/// Editor's notes: paragraphs the wire marks with `&UR;` ("Eds: UPDATES…",
/// "AP Photo", "By …", "Associated Press Writer").
fn is_editorial(raw: &str) -> bool {
    raw.trim_start().starts_with("&UR;")
}

/// Sign-offs and markers: `(scl)`, `(ms-aet)`, `(jc/bk)`, `(STORY CAN END
/// HERE…)`, `NYT-10-17-98 1600EDT`, `-0-`, `___`, `nn`, and the wire's
/// write-through pointers ("Chile said, graf 3 pvs").
fn is_sign_off(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    if p.starts_with('(') && p.ends_with(')') {
        let inner = &p[1..p.len() - 1];
        let short_initials = words.len() <= 3
            && inner.len() <= 24
            && inner
                .chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '/' | ' '));
        let shouting = inner.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && inner.chars().all(|c| !c.is_lowercase());
        return short_initials || shouting;
    }
    let is_wire_stamp = |w: &str| {
        let parts: Vec<&str> = w.split('-').collect();
        parts.len() == 4
            && parts[0].chars().all(|c| c.is_ascii_uppercase())
            && parts[1..]
                .iter()
                .all(|x| x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit()))
    };
    if words.len() <= 3 && words.first().is_some_and(|w| is_wire_stamp(w)) {
        return true;
    }
    // A lone lower-case code ("nn", "lc") or a rule of underscores/dashes.
    if words.len() == 1 && p.len() <= 4 && p.chars().all(|c| c.is_ascii_lowercase()) {
        return true;
    }
    if p.chars().all(|c| matches!(c, '_' | '-' | '=' | '*' | ' ')) {
        return true;
    }
    let lower = p.to_ascii_lowercase();
    if words.len() <= 10 && lower.ends_with(" pvs") && lower.contains("graf") {
        return true;
    }
    matches!(p, "-0-") || lower == "end adv"
}

/// Entities decoded, `` ``…'' `` as `"…"`, the wire's ` _ ` dash as ` — `,
/// whitespace collapsed.
fn clean_paragraph(raw: &str) -> String {
    let text = decode_quotes(&decode_entities(raw));
    let text = collapse_spaces(&text);
    text.replace(" _ ", " \u{2014} ")
}

fn decode_quotes(text: &str) -> String {
    text.replace("``", "\"").replace("''", "\"")
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes SGML/HTML entities. Standard ones (`&amp;`, `&AMP;`, `&quot;`,
/// `&#39;`, `&#x2014;`) become their character; the wire's typesetting codes
/// (`&QL;`, `&UR;`, `&Cx1f;`, `&HT;`) become a space. A `&` that opens no
/// entity is kept.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let entity_end = tail[1..].find(';').map(|i| i + 1).filter(|&i| {
            i <= 12
                && tail[1..i]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '#')
        });
        match entity_end {
            Some(end) if end > 1 => {
                let name = &tail[1..end];
                match character(name) {
                    Some(c) => out.push(c),
                    None => out.push(' '),
                }
                rest = &tail[end + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Length in bytes of the dateline that opens a wire story's first paragraph
/// ("LONDON (AP) _ ", "BUENOS AIRES, Argentina _ ", "ST. PETERSBURG, Fla.
/// (AP) — ", "WASHINGTON -- "), or 0. The place starts with an upper-case
/// word; at most a region and an agency in parentheses follow it.
fn dateline_len(p: &str) -> usize {
    let window = &p[..floor_char_boundary(p, 90)];
    let seps = [" _ ", " -- ", " \u{2014} ", " - "];
    let Some((at, sep)) = seps
        .iter()
        .filter_map(|s| window.find(s).map(|i| (i, *s)))
        .min_by_key(|(i, _)| *i)
    else {
        return 0;
    };
    let head = &p[..at];
    let (place, agency) = match head.find('(') {
        Some(i) => (&head[..i], Some(&head[i..])),
        None => (head, None),
    };
    if let Some(a) = agency {
        let a = a.trim();
        if !(a.ends_with(')') && a.len() <= 24) {
            return 0;
        }
    }
    let mut parts = place.splitn(2, ',');
    let city = parts.next().unwrap_or("").trim();
    let region = parts.next().map(str::trim);
    let city_letters: Vec<char> = city.chars().filter(|c| c.is_alphabetic()).collect();
    let city_ok = city_letters.len() >= 2
        && city_letters.iter().all(|c| c.is_uppercase())
        && city.split_whitespace().count() <= 4
        && city
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'));
    let region_ok = region.is_none_or(|r| {
        !r.is_empty()
            && r.split_whitespace().count() <= 3
            && r.starts_with(|c: char| c.is_uppercase())
            && r.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-' | ','))
    });
    if city_ok && region_ok {
        at + sep.len()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(sgml: &str) -> Document {
        let mut docs = parse_trec(sgml, "fallback").expect("parses");
        assert_eq!(docs.len(), 1);
        docs.remove(0)
    }

    #[test]
    fn apw_story_becomes_clean_paragraphs() {
        let sgml = "\n<DOC>\n<DOCNO> APW19981017.0151 </DOCNO>\n<DOCTYPE> NEWS STORY </DOCTYPE>\n\
<DATE_TIME> 10/17/1998 05:50:00 </DATE_TIME>\n<HEADER>\nw2985 &Cx1f; wstm-\nr i &Cx13;  &Cx11;  BC-Britain-Pinochet     10-17 0337\n</HEADER>\n\
<BODY>\n<SLUG> BC-Britain-Pinochet </SLUG>\n\ntorture &QL; \n\n<TEXT>\n\
\t   LONDON (AP) _ An influential lawmaker from the governing Labor\nParty on Saturday backed Spanish requests.\n\
\t   ``Clearly, the Spanish authorities have every right,'' said\nMs. Clywd of AT&AMP;T _ and others.\n\
\t   (scl)\n</TEXT>\n</BODY>\n<TRAILER>\nAP-NY-10-17-98 0550EDT\n</TRAILER>\n</DOC>\n";
        let d = doc(sgml);
        assert_eq!(d.id, "APW19981017.0151");
        assert_eq!(d.date.as_deref(), Some("1998-10-17T05:50:00"));
        assert_eq!(d.source.as_deref(), Some("Associated Press"));
        assert_eq!(d.title, None);
        assert_eq!(
            d.text,
            "An influential lawmaker from the governing Labor Party on Saturday backed Spanish requests.\n\n\
\"Clearly, the Spanish authorities have every right,\" said Ms. Clywd of AT&T \u{2014} and others."
        );
    }

    #[test]
    fn nyt_paragraph_elements_and_editor_notes() {
        let sgml = "<DOC><DOCNO> NYT19981017.0177 </DOCNO>\n<DATE_TIME> 1998-10-17 16:00 </DATE_TIME>\n\
<BODY><SLUG> BC-BRITAIN </SLUG>\n By CLIFFORD KRAUSS    \n c.1998 N.Y. Times News Service\n<TEXT>\n\
 &UR; Eds: UPDATES with four more deaths\nin new 4th graf &QL; \n\
<P>\n   BUENOS AIRES, Argentina _ Gen. Augusto Pinochet\nhas been arrested.\n</P>\n\
<ANNOTATION>\n   (STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)\n</ANNOTATION>\n\
<P>\n   The government demanded &QUOT;release&QUOT; at once.\n</P>\n<P>\n   &QL; \nNYT-10-18-98 1742EDT &QL;\n</P>\n</TEXT></BODY></DOC>";
        let d = doc(sgml);
        assert_eq!(d.date.as_deref(), Some("1998-10-17T16:00"));
        assert_eq!(
            d.text,
            "Gen. Augusto Pinochet has been arrested.\n\nThe government demanded \"release\" at once."
        );
    }

    #[test]
    fn headline_goes_first_and_is_the_title() {
        let d = doc(
            "<DOC><DOCNO>X1</DOCNO><HEADLINE><P>Storm &amp; Flood Hit Coast</P></HEADLINE>\
<TEXT><P>Rain fell for days.</P><P>Roads closed.</P></TEXT></DOC>",
        );
        assert_eq!(d.title.as_deref(), Some("Storm & Flood Hit Coast"));
        assert_eq!(
            d.text,
            "Storm & Flood Hit Coast\n\nRain fell for days.\n\nRoads closed."
        );
        let cluster = Cluster::new("c", vec![d]);
        let p = brief_core::Pipeline::default()
            .prepare(&cluster)
            .expect("prepares");
        let texts: Vec<&str> = (0..p.sentences.len()).map(|i| p.text(i)).collect();
        assert_eq!(texts, ["Rain fell for days.", "Roads closed."]);
    }

    #[test]
    fn nested_and_unclosed_paragraphs_and_stray_brackets() {
        let d = doc("<DOC>\n<TEXT>\n<P>Outer start <P>inner para</P> 3 < 4 holds.\n<P>Unclosed last para.\n</TEXT>\n</DOC>");
        assert_eq!(d.id, "fallback");
        assert_eq!(
            d.text,
            "Outer start\n\ninner para\n\n3 < 4 holds.\n\nUnclosed last para."
        );
    }

    #[test]
    fn missing_text_is_an_error_naming_the_document() {
        let e = parse_trec("<DOC><DOCNO> D1 </DOCNO><BODY>x</BODY></DOC>", "f").unwrap_err();
        assert!(e.contains("D1") && e.contains("<TEXT>"), "{e}");
        // One bad <DOC> of two does not lose the other.
        let docs = parse_trec(
            "<DOC><DOCNO>A</DOCNO></DOC><DOC><TEXT>Body text here.</TEXT></DOC>",
            "f",
        )
        .expect("one good document");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "f#2");
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("AT&AMP;T &amp; Co &QUOT;x&quot; &#39;y&#x27; &lt;&GT; &HT;z&QL;"),
            "AT&T & Co \"x\" 'y' <>  z "
        );
        assert_eq!(decode_entities("R&D and a & b &c"), "R&D and a & b &c");
        assert_eq!(decode_entities("caf&#233; &#99999999;"), "café  ");
    }

    #[test]
    fn datelines() {
        for (p, body) in [
            ("LONDON (AP) _ Police said.", "Police said."),
            ("BUENOS AIRES, Argentina _ Gen. X.", "Gen. X."),
            (
                "ST. PETERSBURG, Fla. (AP) \u{2014} It rained.",
                "It rained.",
            ),
            ("WASHINGTON -- The vote.", "The vote."),
            ("UNITED NATIONS (Reuters) - A vote.", "A vote."),
        ] {
            assert_eq!(&p[dateline_len(p)..], body, "{p}");
        }
        for p in [
            "The warrant _ issued Friday _ was served.",
            "Police said _ LONDON is calm.",
            "NATO and the EU _ together _ met.",
            "A dash - here.",
        ] {
            assert_eq!(dateline_len(p), 0, "{p}");
        }
    }

    #[test]
    fn sign_offs() {
        for p in [
            "(scl)",
            "(ms-aet)",
            "(pvs/sv/ )",
            "(JT)",
            "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)",
            "NYT-10-18-98 1742EDT",
            "-0-",
            "___",
            "nn",
            "Turkey often, 15th graf pvs",
            "Chile said, graf 3 pvs",
        ] {
            assert!(is_sign_off(p), "{p}");
        }
        for p in [
            "(The Week in Review)",
            "He left (quietly).",
            "(AP) The vote was held.",
            "Many in the crowd cheered.",
            "Yes.",
        ] {
            assert!(!is_sign_off(p), "{p}");
        }
    }

    #[test]
    fn model_names_and_cluster_ids() {
        assert_eq!(
            model_cluster("D30003.M.100.T.B.html").as_deref(),
            Some("d30003")
        );
        assert_eq!(model_cluster("d30001.m.100.t.a").as_deref(), Some("d30001"));
        assert_eq!(model_cluster("D061.P.100.J.FT923-5089.html"), None);
        assert_eq!(model_cluster("README"), None);
        assert_eq!(cluster_id(Path::new("docs/d30003t")), "d30003");
        assert_eq!(cluster_id(Path::new("docs/topic")), "topic");
    }

    #[test]
    fn dates() {
        assert_eq!(normalize_date("10/17/1998 05:50:00"), "1998-10-17T05:50:00");
        assert_eq!(normalize_date("1998-10-17 16:00"), "1998-10-17T16:00");
        assert_eq!(normalize_date("1998-10-17"), "1998-10-17");
        assert_eq!(normalize_date("October 17, 1998"), "October 17, 1998");
    }
}
