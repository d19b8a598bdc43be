//! Request bodies: parsed and validated into ready jobs before any work starts.
//!
//! `POST /v1/summarize` takes a cluster in the JSONL cluster schema of
//! [`brief_io::jsonl`] — `{"id"?, "documents": [{"title"?, "text"} | "text"],
//! "references"?}` — with the summarizer settings beside it: the fields of
//! [`SummarizeSettings`] (`algorithm`, at most one budget of `words`,
//! `sentences` or `bytes`, `cut`, and the algorithm parameters), the same
//! type the CLI's flags and the Python keyword arguments fill in. The
//! cluster part is handed to [`brief_io::jsonl::cluster_from_value`], the
//! reader behind [`brief_io::jsonl::parse_cluster_line`], so the server and
//! the batch reader accept exactly the same clusters.
//!
//! Parsing is a pure function of the body bytes (no I/O), which is what the
//! fuzz target `request_json` drives.

use crate::config::Limits;
use crate::error::ApiError;
use brief_core::{
    Cluster, Deadline, Document, Pipeline, Summarization, SummarizeSettings, Summary,
    UpdateSettings,
};
use serde_json::{Map, Value};

/// Keys of the cluster itself, passed through to the cluster parser.
const CLUSTER_KEYS: &[&str] = &["id", "documents", "references", "summary"];

/// A validated `POST /v1/summarize` request.
#[derive(Debug, Clone, PartialEq)]
pub struct SummarizeJob {
    /// The cluster to summarize.
    pub cluster: Cluster,
    /// How (validated).
    pub summarization: Summarization,
}

impl SummarizeJob {
    /// Summarizes the cluster. CPU-bound: call it off the async runtime.
    pub fn run(&self) -> Result<Summary, ApiError> {
        self.run_within(&Deadline::none())
    }

    /// [`SummarizeJob::run`], stopping with the code [`CANCELLED`] once
    /// `deadline` passes.
    pub fn run_within(&self, deadline: &Deadline) -> Result<Summary, ApiError> {
        let summarizer = self
            .summarization
            .summarizer(&Default::default())
            .map_err(core_error)?;
        let prepared = self
            .summarization
            .pipeline()
            .prepare_within(&self.cluster, deadline)
            .map_err(core_error)?;
        self.summarization
            .run_within(summarizer.as_ref(), &prepared, deadline)
            .map_err(core_error)
    }
}

/// Analyzes a cluster (`POST /v1/analyze`), stopping with the code
/// [`CANCELLED`] if `deadline` passes before the analysis starts.
pub fn analyze_within(
    cluster: &Cluster,
    deadline: &Deadline,
) -> Result<brief_core::analyze::Analysis, ApiError> {
    let prepared = Pipeline::default()
        .prepare_within(cluster, deadline)
        .map_err(core_error)?;
    deadline.check().map_err(core_error)?;
    Ok(brief_core::analyze::analyze_prepared(&prepared))
}

/// The code of the error of a job stopped by its deadline; the server
/// answers it as 504 `timeout` (or 503 `shutting_down`).
pub const CANCELLED: &str = "cancelled";

/// A validated `POST /v1/score` request:
/// `{"candidate": "...", "references": ["..."], "profile"?: "rouge-score" | "rouge155"}`.
/// Texts hold one sentence per line, as ROUGE-Lsum and ROUGE-1.5.5 expect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreJob {
    /// The summary to score.
    pub candidate: String,
    /// One or more human references.
    pub references: Vec<String>,
    /// Which reference implementation to reproduce (default `rouge-score`).
    pub profile: brief_rouge::Profile,
}

/// Maps a core error to the status a client should see.
pub fn core_error(e: brief_core::Error) -> ApiError {
    use brief_core::Error as E;
    match e {
        E::EmptyCluster(_) => ApiError::new(
            axum::http::StatusCode::BAD_REQUEST,
            "empty_cluster",
            e.to_string(),
        ),
        E::NoSentences(_) => ApiError::invalid("no_sentences", e.to_string()),
        E::UnknownAlgorithm { .. } => ApiError::invalid("unknown_algorithm", e.to_string()),
        E::InvalidParameter { .. } => ApiError::invalid("invalid_parameter", e.to_string()),
        E::InvalidBudget(_) => ApiError::invalid("invalid_budget", e.to_string()),
        E::Cancelled => ApiError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            CANCELLED,
            e.to_string(),
        ),
        _ => ApiError::invalid("invalid_request", e.to_string()),
    }
}

/// Parses the body as a JSON object; anything else is a 400.
fn parse_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::malformed(
            "the request body is empty; send a JSON object",
        ));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(ApiError::malformed(format!(
            "the request body must be a JSON object, not {}",
            kind_of(&other)
        ))),
        Err(e) => Err(ApiError::malformed(format!(
            "the request body is not valid JSON: {}",
            clip_quoted(&e.to_string())
        ))),
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The summarizer settings of a request: every key that is not the
/// cluster's, read as [`SummarizeSettings`] and validated.
fn summarization(settings: Map<String, Value>) -> Result<Summarization, ApiError> {
    if let Some(key) = settings
        .keys()
        .find(|k| !SummarizeSettings::FIELDS.contains(&k.as_str()))
    {
        return Err(ApiError::invalid(
            "unknown_field",
            format!(
                "unknown field \"{}\"; expected {}",
                clip(key),
                [CLUSTER_KEYS, SummarizeSettings::FIELDS]
                    .concat()
                    .join(", ")
            ),
        ));
    }
    let settings: SummarizeSettings = serde_path_to_error::deserialize(Value::Object(settings))
        .map_err(|e| {
            let field = e.path().to_string();
            let code = match field.as_str() {
                "algorithm" => "unknown_algorithm",
                "words" | "sentences" | "bytes" => "invalid_budget",
                _ => "invalid_parameter",
            };
            let message = clip_quoted(&e.inner().to_string());
            ApiError::invalid(code, format!("\"{}\": {message}", clip(&field)))
        })?;
    settings.validate().map_err(core_error)
}

/// At most 100 characters of a value quoted in a message.
pub(crate) fn clip(text: &str) -> String {
    brief_core::error::clip(text)
}

/// A message from a parser (serde) with every quoted value (between `"` or
/// `` ` ``) cut to 100 characters, and the whole to 400.
fn clip_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(512));
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = &rest[open..=open];
        out.push_str(&rest[..=open]);
        rest = &rest[open + 1..];
        match rest.find(quote) {
            Some(close) => {
                out.push_str(&clip(&rest[..close]));
                out.push_str(quote);
                rest = &rest[close + 1..];
            }
            None => {
                out.push_str(&clip(rest));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    match out.char_indices().nth(400) {
        Some((end, _)) => format!("{}…", &out[..end]),
        None => out,
    }
}

/// Parses and validates a `POST /v1/summarize` body against `limits`.
///
/// Errors: 400 `malformed_json` (not a JSON object), 400 `invalid_cluster`
/// or `empty_cluster` (the cluster part does not parse or has no text),
/// 422 `unknown_field`, `unknown_algorithm`, `invalid_budget`,
/// `invalid_parameter`, 413 `too_many_documents`, `document_too_large`.
///
/// ```
/// use brief_server::{api::parse_summarize_request, Limits};
/// let job = parse_summarize_request(
///     br#"{"documents": ["One sentence here. Another one."], "algorithm": "lead", "sentences": 1}"#,
///     &Limits::default(),
/// ).unwrap();
/// assert_eq!(job.summarization.budget, brief_core::Budget::Sentences(1));
/// let err = parse_summarize_request(br#"{"documents": ["x"], "words": 0}"#, &Limits::default()).unwrap_err();
/// assert_eq!(err.status.as_u16(), 422);
/// ```
pub fn parse_summarize_request(body: &[u8], limits: &Limits) -> Result<SummarizeJob, ApiError> {
    let map = parse_object(body)?;
    let (cluster, settings): (Map<String, Value>, Map<String, Value>) = map
        .into_iter()
        .partition(|(k, _)| CLUSTER_KEYS.contains(&k.as_str()));
    let summarization = summarization(settings)?;
    let cluster = parse_cluster(cluster, limits)?;
    Ok(SummarizeJob {
        cluster,
        summarization,
    })
}

/// The cluster part of a request, checked against the document limits.
fn parse_cluster(map: Map<String, Value>, limits: &Limits) -> Result<Cluster, ApiError> {
    if let Some(Value::Array(docs)) = map.get("documents") {
        if docs.len() > limits.max_documents {
            return Err(ApiError::too_large(
                "too_many_documents",
                format!(
                    "the cluster has {} documents; the limit is {}",
                    docs.len(),
                    limits.max_documents
                ),
            ));
        }
    }
    // The one cluster reader of brief-io decides what a valid cluster is,
    // from the value already parsed (no second pass over the body).
    let cluster =
        brief_io::jsonl::cluster_from_value(Value::Object(map), "request").map_err(|e| {
            let code = if e.starts_with("empty cluster") {
                "empty_cluster"
            } else {
                "invalid_cluster"
            };
            ApiError::new(axum::http::StatusCode::BAD_REQUEST, code, clip_quoted(&e))
        })?;
    for doc in &cluster.documents {
        check_chars(
            &format!("document \"{}\"", clip(&doc.id)),
            &doc.text,
            limits,
        )?;
    }
    Ok(cluster)
}

/// A validated `POST /v1/update` request: the new documents as a cluster
/// (`id`?, `documents`), what the reader has seen in `seen` (documents in
/// the same schema: earlier articles or earlier summaries; absent or empty:
/// nothing), the fields of [`SummarizeSettings`] (`query` among them) and
/// of [`UpdateSettings`].
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateJob {
    /// The new documents.
    pub cluster: Cluster,
    /// What the reader has seen.
    pub seen: Vec<Document>,
    /// How to summarize (validated).
    pub summarization: Summarization,
    /// How the history counts (validated).
    pub update: UpdateSettings,
}

impl UpdateJob {
    /// The update summary; its items point into the new documents.
    /// CPU-bound: call it off the async runtime.
    pub fn run(&self) -> Result<Summary, ApiError> {
        self.summarization
            .update_documents(
                &self.update,
                &self.cluster.id,
                &self.seen,
                &self.cluster.documents,
            )
            .map_err(core_error)
    }
}

/// Parses and validates a `POST /v1/update` body (see [`UpdateJob`]).
///
/// ```
/// use brief_server::{api::parse_update_request, Limits};
/// let job = parse_update_request(
///     br#"{"documents": ["New fact here. Another one."], "seen": ["Old fact."], "seen_weight": 0.2}"#,
///     &Limits::default(),
/// ).unwrap();
/// assert_eq!((job.cluster.documents.len(), job.seen.len()), (1, 1));
/// assert!(parse_update_request(br#"{"documents": ["x"], "seen": 3}"#, &Limits::default()).is_err());
/// ```
pub fn parse_update_request(body: &[u8], limits: &Limits) -> Result<UpdateJob, ApiError> {
    let mut map = parse_object(body)?;
    let seen = match map.remove("seen") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(docs)) if docs.is_empty() => Vec::new(),
        Some(docs @ Value::Array(_)) => {
            let mut history = Map::new();
            history.insert("id".to_owned(), Value::String("seen".to_owned()));
            history.insert("documents".to_owned(), docs);
            parse_cluster(history, limits)
                .map_err(|e| ApiError {
                    message: format!("\"seen\": {}", e.message),
                    ..e
                })?
                .documents
        }
        Some(other) => {
            return Err(ApiError::invalid(
                "invalid_seen",
                format!(
                    "\"seen\" must be an array of documents, not {}",
                    kind_of(&other)
                ),
            ))
        }
    };
    let update_keys: Map<String, Value> = UpdateSettings::FIELDS
        .iter()
        .filter_map(|k| map.remove(*k).map(|v| ((*k).to_owned(), v)))
        .collect();
    let update: UpdateSettings = serde_path_to_error::deserialize(Value::Object(update_keys))
        .map_err(|e| {
            ApiError::invalid(
                "invalid_parameter",
                format!("\"{}\": {}", e.path(), e.inner()),
            )
        })?;
    update.validate().map_err(core_error)?;
    let (cluster, settings): (Map<String, Value>, Map<String, Value>) = map
        .into_iter()
        .partition(|(k, _)| CLUSTER_KEYS.contains(&k.as_str()));
    let summarization = summarization(settings)?;
    let cluster = parse_cluster(cluster, limits)?;
    Ok(UpdateJob {
        cluster,
        seen,
        summarization,
        update,
    })
}

/// Parses and validates a `POST /v1/analyze` body: a cluster alone, in the
/// JSONL cluster schema. Errors as for [`parse_summarize_request`].
///
/// ```
/// use brief_server::{api::parse_analyze_request, Limits};
/// let cluster = parse_analyze_request(br#"{"documents": ["A b. C d."]}"#, &Limits::default()).unwrap();
/// assert_eq!(cluster.documents.len(), 1);
/// assert!(parse_analyze_request(br#"{"documents": ["x"], "words": 3}"#, &Limits::default()).is_err());
/// ```
pub fn parse_analyze_request(body: &[u8], limits: &Limits) -> Result<Cluster, ApiError> {
    let map = parse_object(body)?;
    if let Some(key) = map.keys().find(|k| !CLUSTER_KEYS.contains(&k.as_str())) {
        return Err(ApiError::invalid(
            "unknown_field",
            format!(
                "unknown field \"{}\"; expected {}",
                clip(key),
                CLUSTER_KEYS.join(", ")
            ),
        ));
    }
    parse_cluster(map, limits)
}

fn check_chars(what: &str, text: &str, limits: &Limits) -> Result<(), ApiError> {
    // Bytes bound characters from above, so most texts skip the count.
    if text.len() > limits.max_document_chars {
        let chars = text.chars().count();
        if chars > limits.max_document_chars {
            return Err(ApiError::too_large(
                "document_too_large",
                format!(
                    "{what} has {chars} characters; the limit is {}",
                    limits.max_document_chars
                ),
            ));
        }
    }
    Ok(())
}

/// Parses and validates a `POST /v1/score` body:
/// `{"candidate": "...", "references": ["...", ...]}` (or `"reference": "..."`).
///
/// ```
/// use brief_server::{api::parse_score_request, Limits};
/// let job = parse_score_request(br#"{"candidate": "a b", "reference": "a c"}"#, &Limits::default()).unwrap();
/// assert_eq!(job.references, ["a c"]);
/// assert!(parse_score_request(br#"{"candidate": "a"}"#, &Limits::default()).is_err());
/// ```
pub fn parse_score_request(body: &[u8], limits: &Limits) -> Result<ScoreJob, ApiError> {
    let mut map = parse_object(body)?;
    if let Some(key) = map
        .keys()
        .find(|k| !["candidate", "references", "reference", "profile"].contains(&k.as_str()))
    {
        return Err(ApiError::invalid(
            "unknown_field",
            format!(
                "unknown field \"{}\"; expected candidate, references, reference, profile",
                clip(key)
            ),
        ));
    }
    let profile = match map.remove("profile") {
        None | Some(Value::Null) => brief_rouge::Profile::RougeScore,
        Some(Value::String(name)) => name.parse().map_err(|e: brief_rouge::RougeError| {
            ApiError::invalid("unknown_profile", clip_quoted(&e.to_string()))
        })?,
        Some(other) => {
            return Err(ApiError::invalid(
                "unknown_profile",
                format!(
                    "\"profile\" must be \"rouge-score\" or \"rouge155\", got {}",
                    kind_of(&other)
                ),
            ))
        }
    };
    let candidate = match map.remove("candidate") {
        Some(Value::String(s)) => s,
        Some(other) => {
            return Err(ApiError::invalid(
                "invalid_parameter",
                format!("\"candidate\" must be a string, got {}", kind_of(&other)),
            ))
        }
        None => {
            return Err(ApiError::invalid(
                "invalid_parameter",
                "\"candidate\" is missing",
            ))
        }
    };
    let mut references = Vec::new();
    if let Some(v) = map.remove("reference") {
        match v {
            Value::String(s) => references.push(s),
            other => {
                return Err(ApiError::invalid(
                    "invalid_parameter",
                    format!("\"reference\" must be a string, got {}", kind_of(&other)),
                ))
            }
        }
    }
    if let Some(v) = map.remove("references") {
        let Value::Array(items) = v else {
            return Err(ApiError::invalid(
                "invalid_parameter",
                "\"references\" must be a list of strings",
            ));
        };
        for item in items {
            match item {
                Value::String(s) => references.push(s),
                other => {
                    return Err(ApiError::invalid(
                        "invalid_parameter",
                        format!("each reference must be a string, got {}", kind_of(&other)),
                    ))
                }
            }
        }
    }
    if references.is_empty() {
        return Err(ApiError::invalid(
            "invalid_parameter",
            "give at least one reference in \"references\" (or \"reference\")",
        ));
    }
    if references.len() > limits.max_documents {
        return Err(ApiError::too_large(
            "too_many_documents",
            format!(
                "{} references; the limit is {}",
                references.len(),
                limits.max_documents
            ),
        ));
    }
    check_chars("the candidate", &candidate, limits)?;
    for (i, r) in references.iter().enumerate() {
        check_chars(&format!("reference {i}"), r, limits)?;
    }
    Ok(ScoreJob {
        candidate,
        references,
        profile,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::{Algorithm, Budget};

    fn parse(body: &str) -> Result<SummarizeJob, ApiError> {
        parse_summarize_request(body.as_bytes(), &Limits::default())
    }

    fn code(body: &str) -> (u16, &'static str) {
        let e = parse(body).expect_err("should be rejected");
        (e.status.as_u16(), e.code)
    }

    #[test]
    fn accepts_both_document_shapes_and_settings() {
        let job = parse(
            r#"{"id": "c", "documents": [{"title": "T", "text": "A b. C d."}, "E f."],
                "algorithm": "MMR", "bytes": 50, "lambda": 0.5}"#,
        )
        .expect("valid");
        assert_eq!(job.cluster.documents.len(), 2);
        assert_eq!(job.summarization.algorithm, Algorithm::Mmr);
        assert_eq!(job.summarization.budget, Budget::Bytes(50));
        assert_eq!(job.summarization.params.lambda, 0.5);
        assert_eq!(job.cluster.id, "c");
    }

    #[test]
    fn defaults_are_the_registry_default_and_100_words() {
        let job = parse(r#"{"documents": ["A b. C d."]}"#).expect("valid");
        assert_eq!(job.summarization.algorithm, Algorithm::DEFAULT);
        assert_eq!(job.summarization.budget, Budget::Words(100));
    }

    #[test]
    fn each_problem_has_its_status_and_code() {
        assert_eq!(code(""), (400, "malformed_json"));
        assert_eq!(code("{\"documents\": [\"x\"]"), (400, "malformed_json"));
        assert_eq!(code("[1, 2]"), (400, "malformed_json"));
        assert_eq!(code(r#"{"documents": []}"#), (400, "empty_cluster"));
        assert_eq!(code(r#"{"documents": ["  "]}"#), (400, "empty_cluster"));
        assert_eq!(
            code(r#"{"documents": [{"title": "x"}]}"#),
            (400, "invalid_cluster")
        );
        assert_eq!(code(r#"{"documents": 3}"#), (400, "invalid_cluster"));
        assert_eq!(
            code(r#"{"documents": ["x"], "wrods": 3}"#),
            (422, "unknown_field")
        );
        assert_eq!(
            code(r#"{"documents": ["x"], "algorithm": "nope"}"#),
            (422, "unknown_algorithm")
        );
        assert_eq!(
            code(r#"{"documents": ["x"], "algorithm": 3}"#),
            (422, "unknown_algorithm")
        );
        assert_eq!(
            code(r#"{"documents": ["x"], "words": 0}"#),
            (422, "invalid_budget")
        );
        assert_eq!(
            code(r#"{"documents": ["x"], "words": -4}"#),
            (422, "invalid_budget")
        );
        assert_eq!(
            code(r#"{"documents": ["x"], "words": 5, "bytes": 9}"#),
            (422, "invalid_budget")
        );
        assert_eq!(
            code(r#"{"documents": ["x"], "lambda": 2}"#),
            (422, "invalid_parameter")
        );
        assert_eq!(
            code(r#"{"documents": ["x"], "damping": "a"}"#),
            (422, "invalid_parameter")
        );
    }

    #[test]
    fn size_limits_are_413() {
        let limits = Limits {
            max_documents: 2,
            max_document_chars: 5,
            ..Limits::default()
        };
        let e = parse_summarize_request(br#"{"documents": ["a", "b", "c"]}"#, &limits).unwrap_err();
        assert_eq!((e.status.as_u16(), e.code), (413, "too_many_documents"));
        // Five characters but more than five bytes: within the limit.
        assert!(
            parse_summarize_request("{\"documents\": [\"ééééé\"]}".as_bytes(), &limits).is_ok()
        );
        let e = parse_summarize_request(br#"{"documents": ["abcdef"]}"#, &limits).unwrap_err();
        assert_eq!((e.status.as_u16(), e.code), (413, "document_too_large"));
    }

    #[test]
    fn empty_sentences_are_422_from_the_job() {
        let job = parse(r#"{"documents": ["Photo: AP"]}"#).expect("parses");
        let e = job.run().expect_err("no body sentence");
        assert_eq!((e.status.as_u16(), e.code), (422, "no_sentences"));
    }

    #[test]
    fn quoted_values_are_clipped() {
        let long = "y".repeat(1000);
        let m = clip_quoted(&format!("invalid type: string \"{long}\", expected f64"));
        assert!(m.ends_with("…\", expected f64"), "{m}");
        assert!(m.chars().count() < 160);
        let m = clip_quoted(&format!("unknown variant `{long}`, expected `a`"));
        assert!(m.ends_with("…`, expected `a`"), "{m}");
        assert_eq!(clip_quoted("no quotes"), "no quotes");
        assert_eq!(clip_quoted("odd \"quote"), "odd \"quote");
    }

    #[test]
    fn score_requests_are_checked() {
        let l = Limits::default();
        let job = parse_score_request(br#"{"candidate": "a", "references": ["b", "c"]}"#, &l)
            .expect("valid");
        assert_eq!(job.references.len(), 2);
        for bad in [
            r#"{"references": ["b"]}"#,
            r#"{"candidate": "a", "references": []}"#,
            r#"{"candidate": "a", "references": [1]}"#,
            r#"{"candidate": 1, "reference": "b"}"#,
            r#"{"candidate": "a", "reference": "b", "x": 1}"#,
            r#"{"candidate": "a", "reference": "b", "profile": "bleu"}"#,
        ] {
            let e = parse_score_request(bad.as_bytes(), &l).expect_err(bad);
            assert_eq!(e.status.as_u16(), 422, "{bad}");
        }
    }
}
