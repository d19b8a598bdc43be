//! Python bindings of brief, module `brief_nlp` (PyO3, built into a wheel by maturin).
//!
//! ```python
//! import brief_nlp
//! s = brief_nlp.summarize(["Russia vetoed a UN resolution on Syria. ...", "..."], words=50)
//! brief_nlp.rouge(s["text"], ["a human summary"])        # {"rouge1": {"precision": ...}, ...}
//! brief_nlp.cluster([{"id": "a", "text": "..."}, ...])   # [0, 0, 1, ...]
//! brief_nlp.stories([{"id": "a", "text": "..."}, ...])   # [{"story": 0, "articles": [...], "summary": {...}}, ...]
//! ```
//!
//! Results are plain Python values (dicts, lists, numbers, strings). The
//! work runs with the GIL released, and bad input raises `ValueError`.

use brief_core::{Cluster, Document, SummarizeSettings, UpdateSettings};
use brief_rouge::{Profile, Rouge, RougeConfig};
use brief_stream::{
    Article, ClusterConfig, StoriesConfig, StoryClusterer, StoryStream, UpdateStream,
};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

/// A Python `ValueError` with `message`.
fn value_error(message: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(message.to_string())
}

/// An optional string field of a dict (`None` when absent or `None`).
fn optional_str(dict: &Bound<'_, PyDict>, key: &str, at: &str) -> PyResult<Option<String>> {
    match dict.get_item(key)? {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => v
            .extract::<String>()
            .map(Some)
            .map_err(|_| value_error(format!("{at}: field {key:?} must be a string"))),
    }
}

/// An optional list of numbers under `key` (`None` when absent or `None`).
fn optional_vector(dict: &Bound<'_, PyDict>, key: &str, at: &str) -> PyResult<Option<Vec<f32>>> {
    match dict.get_item(key)? {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => v
            .extract::<Vec<f32>>()
            .map(Some)
            .map_err(|_| value_error(format!("{at}: field {key:?} must be a list of numbers"))),
    }
}

/// The input items as articles: each a string (the text) or a dict with
/// `text` and optional `id`, `title`, `published` (or `date`), `source`,
/// `embedding` (a sentence embedding the clusterer compares short items
/// by); other keys are ignored. Summaries read them as documents
/// (`brief_core::Document::from`).
fn items(list: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<Article>> {
    let list = list
        .downcast::<PyList>()
        .map_err(|_| value_error(format!("{what} must be a list of str or dict")))?;
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let at = format!("{what}[{i}]");
        if let Ok(s) = item.downcast::<PyString>() {
            out.push(Article::new(format!("doc{i}"), s.extract::<String>()?));
        } else if let Ok(d) = item.downcast::<PyDict>() {
            let text = optional_str(d, "text", &at)?
                .ok_or_else(|| value_error(format!("{at}: missing \"text\"")))?;
            let published = match optional_str(d, "published", &at)? {
                Some(p) => Some(p),
                None => optional_str(d, "date", &at)?,
            };
            out.push(Article {
                id: optional_str(d, "id", &at)?.unwrap_or_else(|| format!("doc{i}")),
                title: optional_str(d, "title", &at)?,
                text,
                published,
                source: optional_str(d, "source", &at)?,
                embedding: optional_vector(d, "embedding", &at)?,
            });
        } else {
            return Err(value_error(format!("{at}: expected str or dict")));
        }
    }
    Ok(out)
}

/// A JSON value as plain Python objects.
fn to_python(py: Python<'_>, value: &serde_json::Value) -> PyResult<PyObject> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any().unbind(),
            (None, Some(f)) => f.into_pyobject(py)?.into_any().unbind(),
            _ => py.None(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any().unbind(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for v in items {
                list.append(to_python(py, v)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_python(py, v)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

/// Summarizes one cluster of news articles.
///
/// `documents`: a list of str (texts) or dicts with `text` and optional
/// `id`, `title`, `date`, `source`. Settings are brief's summarize settings,
/// the same names and defaults as the CLI's flags and the HTTP API's fields:
/// `algorithm`, one of `words` / `sentences` / `bytes` (default 100 words),
/// `cut`, `lambda`, `threshold`, `damping`, `half_weight_at`,
/// `unigram_weight`, `min_support`, `cost_exponent`, `similarity_coverage`,
/// `quote_bonus`. Returns the summary as a dict: `cluster_id`, `algorithm`,
/// `budget`, `items` (each with `doc`, `doc_id`, `sentence`, `span` {start,
/// end}, `text`, `score`, and `truncated`, `edits`, `explain`, `speaker` when they
/// apply) and `text` (the sentences joined).
#[pyfunction]
#[pyo3(signature = (documents, algorithm = None, words = None, id = "cluster", **settings))]
fn summarize(
    py: Python<'_>,
    documents: &Bound<'_, PyAny>,
    algorithm: Option<&str>,
    words: Option<usize>,
    id: &str,
    settings: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyObject> {
    let settings = summarize_settings(py, algorithm, words, settings)?;
    let summarization = settings.validate().map_err(value_error)?;
    let documents: Vec<Document> = items(documents, "documents")?
        .into_iter()
        .map(Document::from)
        .collect();
    let cluster = Cluster::new(id, documents);
    let summary = py
        .allow_threads(|| -> brief_core::Result<_> {
            let summarizer = summarization.summarizer(&Default::default())?;
            let prepared = summarization.pipeline().prepare(&cluster)?;
            Ok(summarization.run(summarizer.as_ref(), &prepared))
        })
        .map_err(value_error)?;
    let mut value = serde_json::to_value(&summary).map_err(value_error)?;
    if let Some(o) = value.as_object_mut() {
        o.insert("text".into(), summary.text().into());
    }
    to_python(py, &value)
}

/// What new documents add to what the reader has seen: the update summary.
///
/// `documents`: the new documents; `seen`: what the reader has seen
/// (earlier articles or earlier summaries), both lists of str or dicts as
/// in `summarize`. `seen_weight` and `max_seen_overlap` are the history
/// settings of `brief update` (defaults 0.1 and 0.8); the other keyword
/// arguments are `summarize`'s, `query` among them. Returns the summary as
/// `summarize` does; every item points into `documents`.
#[pyfunction]
#[pyo3(signature = (
    documents, seen = None, algorithm = None, words = None, id = "update",
    seen_weight = None, max_seen_overlap = None, **settings
))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments
fn update(
    py: Python<'_>,
    documents: &Bound<'_, PyAny>,
    seen: Option<&Bound<'_, PyAny>>,
    algorithm: Option<&str>,
    words: Option<usize>,
    id: &str,
    seen_weight: Option<f64>,
    max_seen_overlap: Option<f64>,
    settings: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyObject> {
    let settings = summarize_settings(py, algorithm, words, settings)?;
    let summarization = settings.validate().map_err(value_error)?;
    let history = UpdateSettings {
        seen_weight,
        max_seen_overlap,
    };
    history.validate().map_err(value_error)?;
    let new: Vec<Document> = items(documents, "documents")?
        .into_iter()
        .map(Document::from)
        .collect();
    let seen: Vec<Document> = match seen {
        Some(list) if !list.is_none() => items(list, "seen")?
            .into_iter()
            .map(Document::from)
            .collect(),
        _ => Vec::new(),
    };
    let summary = py
        .allow_threads(|| summarization.update_documents(&history, id, &seen, &new))
        .map_err(value_error)?;
    let mut value = serde_json::to_value(&summary).map_err(value_error)?;
    if let Some(o) = value.as_object_mut() {
        o.insert("text".into(), summary.text().into());
    }
    to_python(py, &value)
}

/// Keyword arguments as [`SummarizeSettings`]: through JSON, so that names,
/// types and unknown keys are checked by the one deserializer the server
/// uses too.
fn summarize_settings(
    py: Python<'_>,
    algorithm: Option<&str>,
    words: Option<usize>,
    settings: Option<&Bound<'_, PyDict>>,
) -> PyResult<SummarizeSettings> {
    let json = match settings {
        Some(dict) if !dict.is_empty() => py
            .import("json")?
            .call_method1("dumps", (dict,))?
            .extract::<String>()?,
        _ => "{}".to_owned(),
    };
    let mut settings: SummarizeSettings =
        serde_json::from_str(&json).map_err(|e| value_error(format!("summarize settings: {e}")))?;
    settings.algorithm = algorithm.map(str::to_owned).or(settings.algorithm);
    settings.words = words.or(settings.words);
    Ok(settings)
}

/// ROUGE scores of `candidate` against `references` (a str or a list of str).
///
/// `profile`: "rouge-score" (Google's rouge-score: rouge1, rouge2, rougeL,
/// rougeLsum with stemming, best reference) or "rouge155" (ROUGE-1.5.5).
/// Returns `{metric: {"precision", "recall", "fmeasure"}}`.
#[pyfunction]
#[pyo3(signature = (candidate, references, profile = "rouge-score"))]
fn rouge(
    py: Python<'_>,
    candidate: &str,
    references: &Bound<'_, PyAny>,
    profile: &str,
) -> PyResult<PyObject> {
    let references: Vec<String> = if let Ok(s) = references.downcast::<PyString>() {
        vec![s.extract::<String>()?]
    } else {
        references
            .extract()
            .map_err(|_| value_error("references must be a str or a list of str"))?
    };
    if references.is_empty() {
        return Err(value_error("at least one reference is needed"));
    }
    let config = match profile.parse::<Profile>().map_err(value_error)? {
        Profile::RougeScore => RougeConfig::rouge_score(),
        Profile::Rouge155 => RougeConfig::rouge155(),
    };
    let scorer = Rouge::new(config).map_err(value_error)?;
    let scores = py.allow_threads(|| {
        let refs: Vec<&str> = references.iter().map(String::as_str).collect();
        scorer.score(candidate, &refs)
    });
    let out = PyDict::new(py);
    for (metric, s) in scores {
        let d = PyDict::new(py);
        d.set_item("precision", s.precision)?;
        d.set_item("recall", s.recall)?;
        d.set_item("fmeasure", s.fmeasure)?;
        out.set_item(metric.to_string(), d)?;
    }
    Ok(out.into_any().unbind())
}

/// A settings dict as JSON text (`None` when absent), for serde to read
/// into the library's settings type.
fn config_json(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match config {
        None => Ok(None),
        Some(c) if c.is_none() => Ok(None),
        Some(c) => {
            let json = py
                .import("json")?
                .call_method1("dumps", (c,))
                .map_err(|e| value_error(format!("config: {e}")))?;
            Ok(Some(json.extract()?))
        }
    }
}

/// The clustering keyword arguments of `cluster` and `stories`, named as
/// `brief cluster`'s flags, with their "0 turns it off" conventions.
struct ClusterKeywords {
    threshold: Option<f64>,
    window_days: Option<f64>,
    dedup_threshold: Option<f64>,
    split_ratio: Option<f64>,
    clear_threshold: Option<f64>,
    title_weight: Option<f64>,
    entity_boost: Option<f64>,
    lead_words: Option<usize>,
    max_active_stories: Option<usize>,
    idle_articles: Option<u64>,
}

impl ClusterKeywords {
    /// Overrides the settings given.
    fn apply(&self, config: &mut ClusterConfig) {
        let fields = [
            (self.threshold, &mut config.threshold),
            (self.split_ratio, &mut config.split_ratio),
            (self.clear_threshold, &mut config.clear_threshold),
            (self.title_weight, &mut config.title_weight),
            (self.entity_boost, &mut config.entity_boost),
        ];
        for (given, field) in fields {
            if let Some(x) = given {
                *field = x;
            }
        }
        if let Some(n) = self.lead_words {
            config.lead_words = n;
        }
        if let Some(n) = self.max_active_stories {
            config.max_active_stories = n;
        }
        if let Some(days) = self.window_days {
            config.set_window_days(days);
        }
        if let Some(n) = self.idle_articles {
            config.set_idle_articles(n);
        }
        if let Some(t) = self.dedup_threshold {
            config.set_dedup_threshold(t);
        }
    }
}

/// Whether `errors` says to skip articles that cannot be clustered.
fn skip_errors(errors: &str) -> PyResult<bool> {
    match errors {
        "raise" => Ok(false),
        "skip" => Ok(true),
        other => Err(value_error(format!(
            "errors must be \"raise\" or \"skip\", got {other:?}"
        ))),
    }
}

/// Assigns each article of a time-ordered stream to a story; returns the
/// final story numbers (after closed stories were split), equal to `brief cluster`'s.
///
/// `articles`: a list of str or dicts with `text` and optional `id`,
/// `title`, `published` (ISO 8601), `source`; other keys are ignored.
///
/// Settings are brief-stream's `ClusterConfig`, whose defaults `brief
/// cluster` uses too: `config` is a dict of its fields in their JSON form
/// (a key left out keeps its default, an unknown key raises `ValueError`),
/// e.g. `{"coherence_exponent": 0.5, "dedup": {"bands": 20}}`; the keyword
/// arguments, named as `brief cluster`'s flags, then override single
/// settings. Defaults: `threshold` 0.18, `window_days` none (stories stay
/// open; `0` means none), `dedup_threshold` 0.8 (`0` turns copy detection
/// off; copies are remembered as long as the story window, or without a
/// time limit (up to 200,000 articles) when there is none), `split_ratio`
/// 0.6 (`0` never splits a closing story), `clear_threshold` 0.12 (`1`
/// turns clear-winner joins off), `title_weight` 2, `entity_boost` 1.5,
/// `lead_words` 1000, `max_active_stories` 20000, `idle_articles` 50000
/// (`0` means never). `headlines=True` starts from the settings for
/// headline-only feeds (`brief cluster --headlines`) instead of the defaults.
///
/// An article that cannot be clustered (an unreadable date) raises
/// `ValueError` naming it, or with `errors="skip"` gets `None` while the
/// others are clustered.
#[pyfunction]
#[pyo3(signature = (
    articles, threshold = None, window_days = None, dedup_threshold = None,
    split_ratio = None, clear_threshold = None, errors = "raise", *, config = None,
    title_weight = None, entity_boost = None, lead_words = None,
    max_active_stories = None, idle_articles = None, headlines = false
))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments
fn cluster<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    threshold: Option<f64>,
    window_days: Option<f64>,
    dedup_threshold: Option<f64>,
    split_ratio: Option<f64>,
    clear_threshold: Option<f64>,
    errors: &str,
    config: Option<&Bound<'py, PyAny>>,
    title_weight: Option<f64>,
    entity_boost: Option<f64>,
    lead_words: Option<usize>,
    max_active_stories: Option<usize>,
    idle_articles: Option<u64>,
    headlines: bool,
) -> PyResult<Vec<Option<u64>>> {
    let skip = skip_errors(errors)?;
    let mut config: ClusterConfig = match config_json(py, config)? {
        Some(_) if headlines => {
            return Err(value_error("give headlines=True or a config, not both"))
        }
        Some(json) => {
            serde_json::from_str(&json).map_err(|e| value_error(format!("config: {e}")))?
        }
        None if headlines => ClusterConfig::headlines(),
        None => ClusterConfig::default(),
    };
    ClusterKeywords {
        threshold,
        window_days,
        dedup_threshold,
        split_ratio,
        clear_threshold,
        title_weight,
        entity_boost,
        lead_words,
        max_active_stories,
        idle_articles,
    }
    .apply(&mut config);
    let mut clusterer = StoryClusterer::try_new(config).map_err(value_error)?;
    let articles = items(articles, "articles")?;
    let results = py.allow_threads(|| clusterer.assign_each(&articles));
    results
        .into_iter()
        .zip(&articles)
        .enumerate()
        .map(|(i, (r, a))| match r {
            Ok(story) => Ok(Some(story)),
            Err(_) if skip => Ok(None),
            Err(e) => Err(PyValueError::new_err(format!(
                "article {i} ({:?}): {e}",
                a.id
            ))),
        })
        .collect()
}

/// Clusters a time-ordered stream into stories and summarizes each, as
/// `brief stories` does; returns its records, in the order stories closed:
/// dicts with the story's `story` number, `articles` (ids), `duplicates`,
/// `sources`, `first_published`/`last_published` (when dated), `top_terms`
/// and `summary` (as `summarize` returns it, without `text`; `None`, with
/// a `skipped` reason, when the story has no sentence to summarize).
///
/// `articles` as for `cluster`. Settings are brief-stream's
/// `StoriesConfig`, whose defaults `brief stories` uses too: `config` is a
/// dict of its fields in their JSON form (`cluster` (as `cluster`'s
/// `config`) and `summary` (`summarize`'s settings, e.g. `{"algorithm":
/// "mmr", "words": 60}`)); `algorithm` and `words` and the clustering keyword
/// arguments of `cluster` then override single settings. Defaults: the
/// default summarizer, 100 words, and `cluster`'s defaults.
///
/// `updates=True` returns the records of `brief stories --updates` instead:
/// at each new day every open story that got articles is summarized, first
/// in full, then as an update over its earlier articles (`story`, `kind`,
/// `closed`, `as_of`, `articles`, `seen_articles`, `summary`); with
/// `summarize=False` the records come without `summary`, a plan to
/// summarize elsewhere with `update(articles, seen=seen_articles,
/// id=f"story-{story}")`, as the Spark job does.
///
/// An article that cannot be clustered (an unreadable date) raises
/// `ValueError` naming it, or with `errors="skip"` is left out.
#[pyfunction]
#[pyo3(signature = (
    articles, algorithm = None, words = None, errors = "raise", *, config = None,
    threshold = None, window_days = None, dedup_threshold = None, split_ratio = None,
    clear_threshold = None, title_weight = None, entity_boost = None, lead_words = None,
    max_active_stories = None, idle_articles = None, updates = false, summarize = true,
    headlines = false
))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments
fn stories<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    algorithm: Option<&str>,
    words: Option<usize>,
    errors: &str,
    config: Option<&Bound<'py, PyAny>>,
    threshold: Option<f64>,
    window_days: Option<f64>,
    dedup_threshold: Option<f64>,
    split_ratio: Option<f64>,
    clear_threshold: Option<f64>,
    title_weight: Option<f64>,
    entity_boost: Option<f64>,
    lead_words: Option<usize>,
    max_active_stories: Option<usize>,
    idle_articles: Option<u64>,
    updates: bool,
    summarize: bool,
    headlines: bool,
) -> PyResult<PyObject> {
    let skip = skip_errors(errors)?;
    if !summarize && !updates {
        return Err(value_error(
            "summarize=False is for updates=True (the update plan)",
        ));
    }
    let mut config: StoriesConfig = match config_json(py, config)? {
        Some(_) if headlines => {
            return Err(value_error("give headlines=True or a config, not both"))
        }
        Some(json) => {
            serde_json::from_str(&json).map_err(|e| value_error(format!("config: {e}")))?
        }
        None if headlines => StoriesConfig {
            cluster: ClusterConfig::headlines(),
            ..StoriesConfig::default()
        },
        None => StoriesConfig::default(),
    };
    ClusterKeywords {
        threshold,
        window_days,
        dedup_threshold,
        split_ratio,
        clear_threshold,
        title_weight,
        entity_boost,
        lead_words,
        max_active_stories,
        idle_articles,
    }
    .apply(&mut config.cluster);
    if let Some(name) = algorithm {
        config.summary.algorithm = Some(name.to_owned());
    }
    if let Some(n) = words {
        config.summary.words = Some(n);
        config.summary.sentences = None;
        config.summary.bytes = None;
    }
    config.validate().map_err(value_error)?;
    if updates {
        let articles = items(articles, "articles")?;
        let records = py.allow_threads(|| story_updates(&config, articles, skip, summarize));
        let records = serde_json::Value::Array(records.map_err(value_error)?);
        return to_python(py, &records);
    }
    let mut stream = StoryStream::new(&config).map_err(value_error)?;
    let articles = items(articles, "articles")?;
    let records = py.allow_threads(|| {
        let mut closed = Vec::new();
        for (i, article) in articles.into_iter().enumerate() {
            let id = article.id.clone();
            match stream.push(article) {
                Ok((_, mut done)) => closed.append(&mut done),
                Err(_) if skip => {}
                Err(e) => return Err(format!("article {i} ({id:?}): {e}")),
            }
        }
        closed.append(&mut stream.finish());
        closed
            .into_iter()
            .map(|story| serde_json::to_value(story.summarize(&config)).map_err(|e| e.to_string()))
            .collect::<Result<Vec<_>, String>>()
    });
    let records = serde_json::Value::Array(records.map_err(value_error)?);
    to_python(py, &records)
}

/// `stories(..., updates=True)`: the records of `brief stories --updates`,
/// or with `summarize` false the plan of them (each record without
/// `summary`, for callers that summarize the records elsewhere with
/// `update`).
fn story_updates(
    config: &StoriesConfig,
    articles: Vec<brief_stream::Article>,
    skip: bool,
    summarize: bool,
) -> Result<Vec<serde_json::Value>, String> {
    let mut stream = UpdateStream::new(config).map_err(|e| e.to_string())?;
    let mut jobs = Vec::new();
    for (i, article) in articles.into_iter().enumerate() {
        let id = article.id.clone();
        match stream.push(article) {
            Ok(mut due) => jobs.append(&mut due),
            Err(_) if skip => {}
            Err(e) => return Err(format!("article {i} ({id:?}): {e}")),
        }
    }
    jobs.append(&mut stream.finish());
    jobs.into_iter()
        .map(|job| {
            if summarize {
                return serde_json::to_value(job.summarize(config)).map_err(|e| e.to_string());
            }
            let ids = |docs: &[Document]| docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
            Ok(serde_json::json!({
                "story": job.story,
                "kind": if job.seen.is_empty() { "summary" } else { "update" },
                "closed": job.closed,
                "as_of": job.as_of,
                "articles": ids(&job.new),
                "seen_articles": ids(&job.seen),
            }))
        })
        .collect()
}

/// The `brief_nlp` module.
#[pymodule]
fn brief_nlp(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(update, m)?)?;
    m.add_function(wrap_pyfunction!(rouge, m)?)?;
    m.add_function(wrap_pyfunction!(cluster, m)?)?;
    m.add_function(wrap_pyfunction!(stories, m)?)?;
    Ok(())
}
