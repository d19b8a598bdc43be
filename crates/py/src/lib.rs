//! Python bindings of brief, module `brief_nlp` (PyO3, built into a wheel by maturin).
//!
//! ```python
//! import brief_nlp
//! s = brief_nlp.summarize(["Russia vetoed a UN resolution on Syria. ...", "..."], words=50)
//! brief_nlp.rouge(s["text"], ["a human summary"])        # {"rouge1": {"precision": ...}, ...}
//! brief_nlp.cluster([{"id": "a", "text": "..."}, ...])   # [0, 0, 1, ...]
//! ```
//!
//! Results are plain Python values (dicts, lists, numbers, strings). The
//! work runs with the GIL released, and bad input raises `ValueError`.

use brief_core::{Cluster, Document, Pipeline, SummarizeSettings};
use brief_rouge::{Profile, Rouge, RougeConfig};
use brief_stream::{Article, ClusterConfig, StoryClusterer};
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

/// One input item: a string (the text) or a dict with `text` and optional
/// `id`, `title`, `published`/`date`, `source`.
struct Item {
    id: String,
    title: Option<String>,
    text: String,
    published: Option<String>,
    source: Option<String>,
}

fn items(list: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<Item>> {
    let list = list
        .downcast::<PyList>()
        .map_err(|_| value_error(format!("{what} must be a list of str or dict")))?;
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let at = format!("{what}[{i}]");
        if let Ok(s) = item.downcast::<PyString>() {
            out.push(Item {
                id: format!("doc{i}"),
                title: None,
                text: s.extract::<String>()?,
                published: None,
                source: None,
            });
        } else if let Ok(d) = item.downcast::<PyDict>() {
            let text = optional_str(d, "text", &at)?
                .ok_or_else(|| value_error(format!("{at}: missing \"text\"")))?;
            let published = match optional_str(d, "published", &at)? {
                Some(p) => Some(p),
                None => optional_str(d, "date", &at)?,
            };
            out.push(Item {
                id: optional_str(d, "id", &at)?.unwrap_or_else(|| format!("doc{i}")),
                title: optional_str(d, "title", &at)?,
                text,
                published,
                source: optional_str(d, "source", &at)?,
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
/// end}, `text`, `score`, `truncated`) and `text` (the sentences joined).
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
        .map(|i| Document {
            id: i.id,
            title: i.title,
            text: i.text,
            date: i.published,
            source: i.source,
        })
        .collect();
    let cluster = Cluster::new(id, documents);
    let summary = py
        .allow_threads(|| -> brief_core::Result<_> {
            let summarizer = summarization.summarizer(&Default::default())?;
            let prepared = Pipeline::default().prepare(&cluster)?;
            Ok(summarization.run(summarizer.as_ref(), &prepared))
        })
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

/// Assigns each article of a time-ordered stream to a story; returns the
/// final story numbers (after closed stories were split), equal to `brief cluster`'s.
///
/// `articles`: a list of str or dicts with `text` and optional `id`,
/// `title`, `published` (ISO 8601), `source`; other keys are ignored.
/// Settings default to `brief cluster`'s; `window_days = 0` keeps stories
/// open, `dedup_threshold = 0` turns copy detection off, `split_ratio = 0`
/// never splits a closing story, `clear_threshold = 1` turns clear-winner
/// joins off. An article that
/// cannot be clustered (an unreadable date) raises `ValueError` naming it,
/// or with `errors="skip"` gets `None` while the others are clustered.
#[pyfunction]
#[pyo3(signature = (articles, threshold = None, window_days = None, dedup_threshold = None, split_ratio = None, clear_threshold = None, errors = "raise"))]
#[allow(clippy::too_many_arguments)] // Python keyword arguments
fn cluster(
    py: Python<'_>,
    articles: &Bound<'_, PyAny>,
    threshold: Option<f64>,
    window_days: Option<f64>,
    dedup_threshold: Option<f64>,
    split_ratio: Option<f64>,
    clear_threshold: Option<f64>,
    errors: &str,
) -> PyResult<Vec<Option<u64>>> {
    let skip = match errors {
        "raise" => false,
        "skip" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"skip\", got {other:?}"
            )))
        }
    };
    let mut config = ClusterConfig::default();
    if let Some(t) = threshold {
        config.threshold = t;
    }
    if let Some(w) = window_days {
        config.window_days = (w > 0.0).then_some(w);
    }
    if let Some(r) = split_ratio {
        config.split_ratio = r;
    }
    if let Some(c) = clear_threshold {
        config.clear_threshold = c;
    }
    if let Some(d) = dedup_threshold {
        config.dedup = match (d > 0.0, config.dedup.take()) {
            (true, Some(dc)) => Some(brief_stream::DedupConfig { threshold: d, ..dc }),
            _ => None,
        };
    }
    let mut clusterer = StoryClusterer::try_new(config).map_err(value_error)?;
    let articles: Vec<Article> = items(articles, "articles")?
        .into_iter()
        .map(|i| Article {
            id: i.id,
            title: i.title,
            text: i.text,
            published: i.published,
            source: i.source,
        })
        .collect();
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

/// The `brief_nlp` module.
#[pymodule]
fn brief_nlp(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(rouge, m)?)?;
    m.add_function(wrap_pyfunction!(cluster, m)?)?;
    Ok(())
}
