//! One document as attribution reads it ([`Reading`]: quotation spans,
//! words, named mentions), read once per summary ([`Readings`]) for both
//! finding speakers and naming pronouns, and the [`Quotation`]s it yields.

use super::{mentions, quotes, speakers, tokens};
use crate::model::{Span, Summary};
use crate::prepare::PreparedCluster;
use crate::redundancy::RedundancyView;
use crate::text::recase::recase_names;
use crate::text::words::{words, words_of_prefix, Word, WordAt};
use crate::text::{NewsSegmenter, Segmenter};
use serde::{Deserialize, Serialize};
use speakers::SpeakerKind;
use std::cell::OnceCell;
use std::sync::Arc;

/// A direct quotation of one document with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quotation {
    /// Byte span of the quoted words (marks left out).
    pub span: Span,
    /// The speaker: a person's fullest name, or the description or
    /// institution as written; `None` when the text does not say.
    pub speaker: Option<String>,
    /// How the speaker is named.
    pub kind: Option<SpeakerKind>,
    /// Byte span of the words attributing the quotation (a name, role or
    /// pronoun).
    pub speaker_span: Option<Span>,
    /// For a resolved pronoun or role: the named mention it refers to.
    pub antecedent: Option<Span>,
    /// Index (among this document's quotations) of the quotation this one
    /// continues and takes its speaker from.
    pub continues: Option<usize>,
}

/// One document as attribution reads it: its quotation spans, its words
/// and its named mentions — what finding speakers and naming pronouns both
/// start from.
pub(crate) struct Reading<'a> {
    quotes: Vec<quotes::QuoteSpan>,
    /// Whether the text is a lowercased article with its names recased.
    pub(crate) recased: bool,
    pub(crate) tokens: tokens::DocTokens<'a>,
    pub(crate) mentions: mentions::Mentions,
}

impl<'a> Reading<'a> {
    /// Reads `text` whose body sentences are `sentences` (`recased`: a
    /// lowercased article with its names recased); `None` without a body.
    pub(crate) fn of(text: &'a str, sentences: &[Span], recased: bool) -> Option<Self> {
        Self::with_words(text, words(text), sentences, recased)
    }

    /// [`Reading::of`] with the text's words already found (`words(text)`).
    fn with_words(
        text: &'a str,
        words: Vec<Word<'a>>,
        sentences: &[Span],
        recased: bool,
    ) -> Option<Self> {
        let body_start = sentences.first()?.start;
        let quotes = quotes::find_quotes(text, body_start);
        let outer: Vec<Span> = quotes.iter().map(|q| q.outer).collect();
        let tokens = tokens::DocTokens::with_words(
            text,
            words,
            with_gaps_segmented(text, sentences),
            &outer,
        );
        let mentions = mentions::Mentions::find(&tokens);
        Some(Reading {
            quotes,
            recased,
            tokens,
            mentions,
        })
    }

    /// The document's quotations with their speakers. In a recased
    /// article a pronoun or role is not resolved to a name: the names the
    /// recasing missed ("muriel bowser gushed") leave the nearest
    /// recognized person a wrong speaker too often.
    pub(crate) fn quotations(&self) -> Vec<Quotation> {
        let mut results = speakers::attribute(&self.tokens, &self.mentions, &self.quotes);
        if self.recased {
            for r in &mut results {
                if r.found
                    .as_ref()
                    .is_some_and(|f| f.kind == SpeakerKind::Resolved)
                {
                    r.found = None;
                }
            }
        }
        self.quotes
            .iter()
            .zip(results)
            .map(|(q, r)| {
                let found = r.found;
                Quotation {
                    span: q.inner,
                    speaker: found.as_ref().map(|f| f.name.clone()),
                    kind: found.as_ref().map(|f| f.kind),
                    speaker_span: found.as_ref().map(|f| f.span),
                    antecedent: found.as_ref().and_then(|f| f.antecedent),
                    continues: r.continues,
                }
            })
            .collect()
    }
}

/// The texts attribution reads a cluster's documents in: each as written,
/// or a lowercased one with its person names capitalized
/// ([`recase_names`]; same length, so spans still index the source).
/// Made per document on first use and kept apart from [`Readings`], which
/// borrow from them.
pub(crate) struct ReadTexts {
    recased: Vec<OnceCell<Option<String>>>,
    /// The redundancy view's recased texts, when selection made the view
    /// (the same [`recase_names`] of the same articles, made once).
    view: Option<Arc<RedundancyView>>,
}

impl ReadTexts {
    pub(crate) fn new(p: &PreparedCluster<'_>) -> Self {
        ReadTexts {
            recased: (0..p.cluster.documents.len())
                .map(|_| OnceCell::new())
                .collect(),
            view: p.derived_made::<RedundancyView>(),
        }
    }

    /// The text of document `doc` (as written: `text`) to read, and
    /// whether it is the recased copy.
    fn get<'t>(&'t self, doc: usize, text: &'t str) -> (&'t str, bool) {
        let recased = match &self.view {
            Some(view) => view.recased.get(doc).and_then(Option::as_deref),
            None => self
                .recased
                .get(doc)
                .and_then(|cell| cell.get_or_init(|| recase_names(text)).as_deref()),
        };
        recased.map_or((text, false), |recased| (recased, true))
    }

    /// The words of document `doc` as [`ReadTexts::get`] gives it, when
    /// the redundancy view already found them.
    fn words(&self, doc: usize) -> Option<&[WordAt]> {
        Some(self.view.as_ref()?.doc_words.get(doc)?.as_slice())
    }
}

/// The [`Reading`]s of a prepared cluster's documents, each made the first
/// time a stage asks for it, so stages run one after the other over one
/// summary read each document once.
pub(crate) struct Readings<'p, 'c> {
    p: &'p PreparedCluster<'c>,
    texts: &'p ReadTexts,
    /// Per document, the byte offset up to which a stage needs it read
    /// (the end of the last summary sentence it gave); `usize::MAX`: all.
    needed_to: Vec<usize>,
    docs: Vec<Option<Option<Reading<'p>>>>,
}

impl<'p, 'c> Readings<'p, 'c> {
    pub(crate) fn new(p: &'p PreparedCluster<'c>, texts: &'p ReadTexts) -> Self {
        Readings {
            p,
            texts,
            needed_to: vec![usize::MAX; p.cluster.documents.len()],
            docs: (0..p.cluster.documents.len()).map(|_| None).collect(),
        }
    }

    /// [`Readings::new`] for stages that look at `summary`'s sentences
    /// only: each document is read up to a few sentences past the last
    /// one the summary quotes (where a quotation's speaker may still
    /// stand), not to its end.
    pub(crate) fn for_summary(
        p: &'p PreparedCluster<'c>,
        texts: &'p ReadTexts,
        summary: &Summary,
    ) -> Self {
        let mut readings = Readings::new(p, texts);
        readings.needed_to.fill(0);
        for item in &summary.items {
            if let Some(to) = readings.needed_to.get_mut(item.doc) {
                *to = (*to).max(item.span.end);
            }
        }
        readings
    }

    /// The whole text of document `doc` as it is read: its recased copy
    /// where the article is lowercased and names were found.
    pub(crate) fn text(&self, doc: usize) -> Option<&'p str> {
        let texts: &'p ReadTexts = self.texts;
        let p: &'p PreparedCluster<'c> = self.p;
        Some(texts.get(doc, &p.cluster.documents.get(doc)?.text).0)
    }

    /// Number of documents.
    pub(crate) fn len(&self) -> usize {
        self.docs.len()
    }

    /// The reading of document `doc` (`None`: no such document, or no body).
    pub(crate) fn get(&mut self, doc: usize) -> Option<&Reading<'p>> {
        let p = self.p;
        let texts = self.texts;
        let needed_to = &self.needed_to;
        self.docs
            .get_mut(doc)?
            .get_or_insert_with(|| {
                let range = p.doc_sentences.get(doc)?.clone();
                let mut sentences: Vec<Span> = p.sentences[range].iter().map(|s| s.span).collect();
                let (whole, recased) = texts.get(doc, &p.cluster.documents.get(doc)?.text);
                let mut text = whole;
                let needed_to = needed_to.get(doc).copied().unwrap_or(usize::MAX);
                let read = sentences.partition_point(|s| s.start < needed_to) + READ_PAST;
                if let Some(next) = sentences.get(read) {
                    text = text.get(..next.start).unwrap_or(text);
                    sentences.truncate(read);
                }
                let words = match texts.words(doc) {
                    Some(found) => words_of_prefix(text, whole.len(), found),
                    None => words(text),
                };
                Reading::with_words(text, words, &sentences, recased)
            })
            .as_ref()
    }
}

/// Body sentences read past the last one a summary quotes.
const READ_PAST: usize = 3;

/// `sentences` with the text between them (after the first) segmented
/// too: the summarizer leaves out sentences it reads as page residue
/// ("…, editor of a political newsletter" reads like a sign-up line), and
/// a quotation's attribution may stand in one of them.
fn with_gaps_segmented(text: &str, sentences: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(sentences.len());
    let ends = sentences
        .iter()
        .skip(1)
        .map(|s| s.start)
        .chain(std::iter::once(text.len()));
    for (s, next) in sentences.iter().zip(ends) {
        out.push(*s);
        // Most gaps are a space or a line break: nothing to segment.
        let Some(gap) = text
            .get(s.end..next)
            .filter(|g| g.chars().any(char::is_alphanumeric))
        else {
            continue;
        };
        for g in NewsSegmenter.segment(gap) {
            if gap[g.range()].chars().any(char::is_alphanumeric) {
                out.push(Span::new(g.start + s.end, g.end + s.end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Budget, Cluster, Document};
    use crate::prepare::Pipeline;
    use crate::select::item;

    #[test]
    fn a_summary_reading_stops_a_few_sentences_past_what_the_summary_quotes() {
        let filler = "The river rose again in the night and the roads stayed closed. ".repeat(30);
        let text = format!(
            "Mayor Anna Berg spoke on Monday. \"We will rebuild the bridge,\" \
             Berg said. {filler}"
        );
        let cluster = Cluster::new("c", vec![Document::new("a", &text)]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let summary = Summary {
            cluster_id: "c".into(),
            algorithm: "test".into(),
            budget: Budget::Words(100),
            items: vec![item(&p, 0, 1.0)],
        };
        let texts = ReadTexts::new(&p);
        let mut whole = Readings::new(&p, &texts);
        let whole_words = whole.get(0).map_or(0, |r| r.tokens.tokens.len());
        let mut part = Readings::for_summary(&p, &texts, &summary);
        let read = part.get(0).expect("the document is read");
        // Up to the summary's sentence and READ_PAST more: the quotation
        // after it is in, the flood report mostly not.
        let last = read.tokens.tokens.last().map(|t| t.word.end).unwrap_or(0);
        assert!(read.tokens.tokens.len() < whole_words / 4);
        assert!(last > text.find("Berg said").unwrap_or(usize::MAX));
        let quotations = read.quotations();
        assert_eq!(quotations.len(), 1);
        assert_eq!(quotations[0].speaker.as_deref(), Some("Anna Berg"));
        // A summary quoting nothing of a document reads it only a little.
        let none = Summary {
            items: Vec::new(),
            ..summary
        };
        let mut nothing = Readings::for_summary(&p, &texts, &none);
        assert!(nothing.get(0).map_or(0, |r| r.tokens.tokens.len()) < whole_words / 4);
    }
}
