//! The document model: what goes into a summarizer and what comes out.
//!
//! Every selected sentence carries its provenance as a byte [`Span`] into the
//! text of the [`Document`] it was taken from, so `&doc.text[span.range()]`
//! is exactly the quoted text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The span as a `Range<usize>`, ready to index a `str`.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share a byte.
    ///
    /// ```
    /// use brief_core::model::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    /// ```
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One news article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// Identifier, unique within its cluster (file name, `doc0`, ...).
    #[serde(default)]
    pub id: String,
    /// Headline, when known. If `text` begins with this line, that line is
    /// treated as the headline and never selected as a body sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article text exactly as read; all spans point into it.
    pub text: String,
    /// Publication date as given by the source (ISO 8601 preferred).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Publisher or feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Document {
    /// A document with an id and text and nothing else.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }
}

/// A set of articles about one story, with optional human reference summaries.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Cluster {
    /// Identifier of the cluster (folder name, JSONL `id`, ...).
    #[serde(default)]
    pub id: String,
    /// The articles.
    pub documents: Vec<Document>,
    /// Human reference summaries, used only for evaluation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
}

impl Cluster {
    /// A cluster `c` of documents `d0`, `d1`, … with the given texts (unit tests).
    #[cfg(test)]
    pub(crate) fn from_texts(texts: &[&str]) -> Self {
        Cluster::new(
            "c",
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::new(format!("d{i}"), *t))
                .collect(),
        )
    }

    /// A cluster of documents with no references.
    pub fn new(id: impl Into<String>, documents: Vec<Document>) -> Self {
        Cluster {
            id: id.into(),
            documents,
            references: Vec::new(),
        }
    }
}

/// How long a summary may be. A budget is never exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "unit", content = "limit")]
pub enum Budget {
    /// At most this many whitespace-separated words.
    Words(usize),
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many bytes of sentence text (sentences joined by one space).
    Bytes(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Words(100)
    }
}

impl Budget {
    /// The cost of one sentence under this budget's unit.
    pub fn cost(&self, words: usize, bytes: usize) -> usize {
        match self {
            Budget::Words(_) => words,
            Budget::Sentences(_) => 1,
            // One joining space between sentences is counted with each sentence.
            Budget::Bytes(_) => bytes + 1,
        }
    }

    /// The limit in the budget's unit (bytes are counted with one extra joining
    /// space per sentence, so the limit gets one back for the first sentence).
    pub fn capacity(&self) -> usize {
        match *self {
            Budget::Words(n) | Budget::Sentences(n) => n,
            Budget::Bytes(n) => n.saturating_add(1),
        }
    }

    /// The numeric limit as given.
    pub fn limit(&self) -> usize {
        match *self {
            Budget::Words(n) | Budget::Sentences(n) | Budget::Bytes(n) => n,
        }
    }

    /// Whether the budget is a short abstract's (at most 150 words or 1,000
    /// bytes, as DUC's 100-word summaries), where some defaults differ
    /// from those of longer multi-source summaries (Multi-News's 230
    /// words); sentence budgets are never short.
    pub fn is_short(&self) -> bool {
        match *self {
            Budget::Words(n) => n <= 150,
            Budget::Bytes(n) => n <= 1_000,
            Budget::Sentences(_) => false,
        }
    }

    /// Number of words in `text` as budgets count them (whitespace-separated).
    pub fn count_words(text: &str) -> usize {
        text.split_whitespace().count()
    }
}

impl std::fmt::Display for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Budget::Words(n) => write!(f, "{n} words"),
            Budget::Sentences(n) => write!(f, "{n} sentences"),
            Budget::Bytes(n) => write!(f, "{n} bytes"),
        }
    }
}

/// One selected sentence with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryItem {
    /// Index of the source document in the cluster.
    pub doc: usize,
    /// Id of the source document.
    pub doc_id: String,
    /// Position of the sentence among the document's sentences (0-based).
    pub sentence: usize,
    /// Byte span of the quoted text in the source document's text.
    pub span: Span,
    /// The quoted text: `&document.text[span]`, with `edits` applied.
    pub text: String,
    /// The summarizer's score for this sentence (higher is better).
    pub score: f64,
    /// Whether the text was cut short to fill the budget exactly.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// Changes to the quoted text (a connective dropped, a pronoun replaced
    /// by the name it stands for), in source order: `text` is
    /// `&document.text[span]` with each edit's bytes replaced. Empty when
    /// the sentence is quoted as it stands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<Edit>,
    /// Why the sentence was chosen, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explanation>,
    /// Who says the words, when the sentence quotes someone (set by
    /// [`crate::attribution::attribute_summary`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
}

/// The speaker of a quotation a summary sentence carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// A person's fullest name in the document, or the description or
    /// institution as written ("a senior White House official").
    pub name: String,
    /// Byte span, in the source document, of the words attributing the
    /// quotation (a name, role or pronoun; possibly outside the sentence).
    pub span: Span,
}

/// Why a quoted sentence was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditReason {
    /// A connective that leans on the sentence before ("But", "However,")
    /// was dropped.
    Connective,
    /// A pronoun was replaced by the name it refers to.
    Pronoun,
    /// A name given by surname alone was completed.
    Name,
    /// The first letter was capitalized after an opening was dropped.
    Capital,
    /// An attribution of reported speech (", police said") was dropped
    /// ([`crate::text::compress`]).
    Attribution,
    /// A short parenthetical ("(R-Ariz.)"), or an aside in which the page
    /// points at itself ("(see below)", [`crate::text::asides`]), was
    /// dropped.
    Parenthetical,
    /// An opening clause of time or place ("On Tuesday, ") was dropped.
    LeadingClause,
    /// An HTML character reference ("&amp;") was written as its character,
    /// or an invisible formatting character (a soft hyphen, a zero-width
    /// space) was dropped ([`crate::text::entities`]).
    Entity,
    /// A page's card for a linked name (the full name, related headlines,
    /// "More") run into the sentence was dropped
    /// ([`crate::text::name_cards`]).
    NameCard,
    /// A photo gallery's link run into the sentence ("Photos: Justin
    /// Timberlake and Jessica Biel tie the knot in Italy") was dropped
    /// ([`crate::text::asides::gallery_links`]).
    GalleryLink,
}

/// One change to quoted text: the source bytes `span` are replaced by
/// `replacement` (empty: dropped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    /// Bytes of the source document replaced, inside the item's span.
    pub span: Span,
    /// What stands in their place.
    pub replacement: String,
    /// Why.
    pub reason: EditReason,
}

impl Edit {
    /// Adds to `edits` each of `extra`, in order, that overlaps none of
    /// the edits already there (those first kept win).
    pub fn add_apart(edits: &mut Vec<Edit>, extra: impl IntoIterator<Item = Edit>) {
        for edit in extra {
            if !edits.iter().any(|e| e.span.overlaps(edit.span)) {
                edits.push(edit);
            }
        }
    }
}

/// Why a summarizer chose a sentence.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// How well the sentence states the news (learned lede score), when the
    /// summarizer has one; the highest opens the summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lede_score: Option<f64>,
    /// Learned probability that the sentence belongs in a summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_probability: Option<f64>,
    /// What the sentence added to the objective when it was taken.
    pub gain: f64,
    /// The heaviest concepts it was the first to cover (stemmed terms).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concepts: Vec<String>,
    /// Sentences (`doc:sentence`) left out because they repeat this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub displaced: Vec<String>,
}

impl SummaryItem {
    /// The text of `source[span]` with `edits` (sorted, disjoint, inside
    /// `span`) applied.
    pub fn edited_text(source: &str, span: Span, edits: &[Edit]) -> String {
        let mut out = String::with_capacity(span.len());
        let mut at = span.start;
        for e in edits {
            out.push_str(&source[at..e.span.start]);
            out.push_str(&e.replacement);
            at = e.span.end;
        }
        out.push_str(&source[at..span.end]);
        out
    }

    /// The byte spans of the source that `text` quotes verbatim, in order:
    /// the item's span with the edited bytes taken out.
    pub fn quoted_spans(&self) -> Vec<Span> {
        let mut spans = Vec::with_capacity(self.edits.len() + 1);
        let mut at = self.span.start;
        for e in &self.edits {
            if e.span.start > at {
                spans.push(Span::new(at, e.span.start));
            }
            at = e.span.end;
        }
        if self.span.end > at {
            spans.push(Span::new(at, self.span.end));
        }
        spans
    }
}

/// An extractive summary: selected sentences in reading order, with provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Id of the summarized cluster.
    pub cluster_id: String,
    /// Name of the algorithm that produced it.
    pub algorithm: String,
    /// The length budget it was made under.
    pub budget: Budget,
    /// The selected sentences in output order.
    pub items: Vec<SummaryItem>,
}

impl Summary {
    /// The summary as plain text: sentences joined by a space.
    pub fn text(&self) -> String {
        self.join(" ")
    }

    /// The sentences joined by `sep` (use `"\n"` for ROUGE-Lsum).
    pub fn join(&self, sep: &str) -> String {
        let parts: Vec<&str> = self.items.iter().map(|i| i.text.as_str()).collect();
        parts.join(sep)
    }

    /// Total whitespace-separated words.
    pub fn word_count(&self) -> usize {
        self.items
            .iter()
            .map(|i| Budget::count_words(&i.text))
            .sum()
    }
}
