//! From a [`Cluster`] to the sentences a summarizer chooses from.
//!
//! [`Pipeline::prepare`] segments every document, sets the headline and the
//! residue (bylines, captions, list tails) aside, trims datelines, and turns
//! each body sentence into interned term ids, so summarizers work on integers.

use crate::error::{Error, Result};
use crate::model::{Cluster, Edit, Span};
use crate::text::clean::{
    agency_dateline_len, assignment_credit_len, breaking_news_label_len, bullet_dash_len, classify,
    clock_stamp_len, dateline_len, exclusive_label_len, glued_credit_len, glued_place_dateline_len,
    headline_dateline_len, headline_run_in_len, highlights_label_len, link_glyph_len,
    lowercased_byline_len, lowercased_dateline_after_credit_len, lowercased_dateline_len,
    media_label_len, opening_credit_len, opening_parenthetical_len, page_label_len,
    photo_credit_len, pointing_intro_len, post_time_len, publication_note_len,
    repeated_headline_len, share_button_len, slashed_dateline_len, stray_closer_len,
    update_note_len, updated_byline_len, updated_stamp_len, weekday_date_len, SegmentKind,
};
use crate::text::compress::{Cuts, SentenceCompressor};
use crate::text::name_cards::name_card_cuts;
use crate::text::segment::is_lowercased;
use crate::text::{Analyzer, NewsSegmenter, Segmenter};
use rustc_hash::FxHashMap;
use std::any::Any;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

thread_local! {
    /// What [`Analyzer::english`] makes of each word token seen on this
    /// thread. News vocabulary is Zipfian, so most tokens of a new cluster
    /// were seen before, and each is then lowercased, looked up and stemmed
    /// only once per thread; the terms are shared with every cluster's
    /// vocabulary. Cleared between clusters when it has grown too big.
    static ENGLISH_TERMS: std::cell::RefCell<EnglishTerms> =
        std::cell::RefCell::new(EnglishTerms::default());
}

const ENGLISH_TERMS_LIMIT: usize = 200_000;

/// A thread's token → term table: each token maps to the index of its
/// term in `terms` (one entry per distinct term), or to [`DROPPED`].
/// A cluster then tells its terms apart by that index, a small integer,
/// instead of hashing each term's text again: many tokens share a term
/// ("Says", "says", "saying"). Keys are kept inline (up to 24 bytes,
/// nearly every token): a lookup reads the table alone, not a boxed key
/// elsewhere in memory, which profiles showed as most of its cost.
#[derive(Default)]
struct EnglishTerms {
    ids: FxHashMap<compact_str::CompactString, u32>,
    terms: Vec<Arc<str>>,
    term_ids: FxHashMap<Arc<str>, u32>,
}

/// [`EnglishTerms`]' index of a dropped token (a stopword).
const DROPPED: u32 = u32::MAX;

impl EnglishTerms {
    /// The index of `token`'s term, [`DROPPED`] for a dropped token.
    fn id(&mut self, analyzer: &Analyzer, token: &str) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = match analyzer.normalize(token) {
            None => DROPPED,
            Some(term) => match self.term_ids.get(term.as_ref()) {
                Some(&id) => id,
                None => {
                    let id = self.terms.len() as u32;
                    let term: Arc<str> = Arc::from(term.as_ref());
                    self.term_ids.insert(term.clone(), id);
                    self.terms.push(term);
                    id
                }
            },
        };
        self.ids.insert(compact_str::CompactString::from(token), id);
        id
    }

    /// Forgets everything when the table has grown past its limit. Called
    /// only between clusters: a cluster's indices stay valid while it is
    /// prepared.
    fn trim(&mut self) {
        if self.ids.len() >= ENGLISH_TERMS_LIMIT {
            *self = EnglishTerms::default();
        }
    }
}

/// Interned term id.
pub type TermId = u32;

/// A body sentence ready for selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Index of the document in the cluster.
    pub doc: usize,
    /// Position among the document's body sentences (0 = lead sentence).
    pub position: usize,
    /// Byte span in the document's text.
    pub span: Span,
    /// Whitespace-separated word count (what word budgets count).
    pub words: usize,
    /// Content terms (lowercased, stemmed, stopwords removed), in order.
    pub terms: Vec<TermId>,
    /// What the sentence loses when it is quoted: a linked name's card
    /// ([`crate::text::name_cards`]) and the pipeline's compressor's cuts.
    pub cuts: Cuts,
}

/// Term ids ↔ strings for one prepared cluster.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    ids: FxHashMap<Arc<str>, TermId>,
    terms: Vec<Arc<str>>,
}

impl Vocabulary {
    /// The id of `term`, interning it if new.
    pub fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        self.insert(Arc::from(term))
    }

    /// [`Vocabulary::intern`] for a shared string (kept without copying).
    fn intern_shared(&mut self, term: &Arc<str>) -> TermId {
        match self.ids.get(term.as_ref()) {
            Some(&id) => id,
            None => self.insert(term.clone()),
        }
    }

    fn insert(&mut self, term: Arc<str>) -> TermId {
        let id = self.terms.len() as TermId;
        self.ids.insert(term.clone(), id);
        self.terms.push(term);
        id
    }

    /// The id of `term`, if it occurs in the cluster.
    pub fn get(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    /// The string of a term id, if the cluster has it.
    pub fn try_term(&self, id: TermId) -> Option<&str> {
        self.terms.get(id as usize).map(|t| &**t)
    }

    /// The string of a term id.
    pub fn term(&self, id: TermId) -> &str {
        &self.terms[id as usize]
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether no term was interned.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A cluster split into body sentences with term ids.
#[derive(Debug, Clone)]
pub struct PreparedCluster<'c> {
    /// The cluster the sentences come from.
    pub cluster: &'c Cluster,
    /// Body sentences of all documents, document by document, in text order.
    pub sentences: Vec<Sentence>,
    /// For each document, the range of its sentences in `sentences`.
    pub doc_sentences: Vec<Range<usize>>,
    /// Headline terms per document (empty when there is no headline).
    pub headlines: Vec<Vec<TermId>>,
    /// The term dictionary.
    pub vocab: Vocabulary,
    /// What a later stage derives from the sentences above once and keeps
    /// with them (the redundancy stage's view), built on first use; see
    /// [`PreparedCluster::derived`].
    derived: OnceLock<Arc<dyn Any + Send + Sync>>,
    /// The term id of each word token of the sentences and headlines (`None`:
    /// a stopword), kept when the analyzer is [`Analyzer::english`] so later
    /// stages that analyze the same words the same way can look them up.
    english_terms: Option<FxHashMap<&'c str, Option<TermId>>>,
}

impl<'c> PreparedCluster<'c> {
    /// What [`Analyzer::english`] makes of the word token `token`, if the
    /// cluster was prepared with it and `token` occurs in it: `Some(None)`
    /// for a dropped token, `Some(Some(id))` for a term.
    pub(crate) fn english_term(&self, token: &str) -> Option<Option<TermId>> {
        self.english_terms.as_ref()?.get(token).copied()
    }

    /// Every distinct word token of the sentences and headlines with the
    /// term it gives (stopwords left out), when the cluster was prepared
    /// with [`Analyzer::english`]; empty otherwise.
    pub fn token_terms(&self) -> impl Iterator<Item = (&'c str, TermId)> + '_ {
        self.english_terms
            .iter()
            .flat_map(|m| m.iter())
            .filter_map(|(&token, &term)| term.map(|t| (token, t)))
    }

    /// The cluster restricted to the sentences `keep` accepts (document by
    /// document, in order), with the same vocabulary and headlines, and the
    /// index in `self` of each kept sentence. Positions are kept as they
    /// were, so a kept sentence still knows where it stood. The update
    /// summarizer selects from the new documents' sentences this way.
    pub fn restricted(
        &self,
        keep: impl Fn(usize, &Sentence) -> bool,
    ) -> (PreparedCluster<'c>, Vec<usize>) {
        let mut sentences = Vec::new();
        let mut origin = Vec::new();
        let mut doc_sentences = Vec::with_capacity(self.doc_sentences.len());
        for range in &self.doc_sentences {
            let first = sentences.len();
            for i in range.clone() {
                if keep(i, &self.sentences[i]) {
                    sentences.push(self.sentences[i].clone());
                    origin.push(i);
                }
            }
            doc_sentences.push(first..sentences.len());
        }
        let restricted = PreparedCluster {
            cluster: self.cluster,
            sentences,
            doc_sentences,
            headlines: self.headlines.clone(),
            vocab: self.vocab.clone(),
            derived: OnceLock::new(),
            english_terms: self.english_terms.clone(),
        };
        (restricted, origin)
    }

    /// The `T` that `make` derives from this cluster, made on the first call
    /// and kept: later calls share it. The one slot belongs to the
    /// redundancy stage (its view of the sentences is made once however
    /// many summarizers run); a `T` other than the kept one is made afresh
    /// each time. This stage does not name the later stages that use it.
    pub(crate) fn derived<T: Any + Send + Sync>(&self, make: impl Fn() -> T) -> Arc<T> {
        let kept = self
            .derived
            .get_or_init(|| Arc::new(make()) as Arc<dyn Any + Send + Sync>)
            .clone();
        kept.downcast::<T>().unwrap_or_else(|_| Arc::new(make()))
    }

    /// The `T` kept by [`PreparedCluster::derived`], if it was made and is
    /// a `T`; nothing is made here.
    pub(crate) fn derived_made<T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        self.derived.get()?.clone().downcast::<T>().ok()
    }

    /// The text of sentence `i`, as in its document.
    pub fn text(&self, i: usize) -> &str {
        let s = &self.sentences[i];
        &self.cluster.documents[s.doc].text[s.span.range()]
    }

    /// Number of documents.
    pub fn num_docs(&self) -> usize {
        self.cluster.documents.len()
    }

    /// The cluster with only the first `keep[d]` sentences of each document
    /// `d` (see [`crate::bounds::ranked`]).
    pub(crate) fn keep_prefixes(&self, keep: &[usize]) -> PreparedCluster<'c> {
        let mut sentences = Vec::with_capacity(keep.iter().sum());
        let mut doc_sentences = Vec::with_capacity(self.doc_sentences.len());
        for (range, &n) in self.doc_sentences.iter().zip(keep) {
            let first = sentences.len();
            let end = range.start + n.min(range.len());
            sentences.extend_from_slice(&self.sentences[range.start..end]);
            doc_sentences.push(first..sentences.len());
        }
        PreparedCluster {
            cluster: self.cluster,
            sentences,
            doc_sentences,
            headlines: self.headlines.clone(),
            vocab: self.vocab.clone(),
            derived: OnceLock::new(),
            english_terms: self.english_terms.clone(),
        }
    }
}

/// Segmenter + analyzer (+ compressor): turns clusters into
/// [`PreparedCluster`]s.
pub struct Pipeline {
    segmenter: Box<dyn Segmenter>,
    analyzer: Analyzer,
    compressor: Option<Box<dyn SentenceCompressor>>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new(NewsSegmenter, Analyzer::english())
    }
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline").finish_non_exhaustive()
    }
}

/// Length of the place-name dateline of a lowercased article opening
/// `raw` as `dateline_len` reads it (a place with its state only, when
/// `with_state`), or 0. `lowercased` caches whether the article `text` is
/// lowercased: it is read only when the dateline's shape is there.
fn lowercased_dateline(
    raw: &str,
    dateline_len: fn(&str) -> usize,
    with_state: bool,
    text: &str,
    lowercased: &mut Option<bool>,
) -> usize {
    let len = dateline_len(raw);
    let shaped = len > 0 && (!with_state || raw[..len].contains(','));
    if shaped && *lowercased.get_or_insert_with(|| is_lowercased(text)) {
        len
    } else {
        0
    }
}

impl Pipeline {
    /// A pipeline from a segmenter and an analyzer.
    pub fn new(segmenter: impl Segmenter + 'static, analyzer: Analyzer) -> Self {
        Pipeline {
            segmenter: Box::new(segmenter),
            analyzer,
            compressor: None,
        }
    }

    /// The pipeline with `compressor` proposing cuts of every sentence
    /// ([`Sentence::cuts`]), which summaries then quote without.
    pub fn with_compressor(mut self, compressor: impl SentenceCompressor + 'static) -> Self {
        self.compressor = Some(Box::new(compressor));
        self
    }

    /// The analyzer that turns text into terms.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Segments and analyzes every document of `cluster`.
    ///
    /// Errors when the cluster has no documents or no body sentence at all.
    pub fn prepare<'c>(&self, cluster: &'c Cluster) -> Result<PreparedCluster<'c>> {
        self.prepare_within(cluster, &crate::cancel::Deadline::none())
    }

    /// [`Pipeline::prepare`], checking `deadline` before each document.
    pub fn prepare_within<'c>(
        &self,
        cluster: &'c Cluster,
        deadline: &crate::cancel::Deadline,
    ) -> Result<PreparedCluster<'c>> {
        if cluster.documents.is_empty() {
            return Err(Error::EmptyCluster(cluster.id.clone()));
        }
        let mut vocab = Vocabulary::default();
        // Token text → term id (or dropped): a cluster repeats most of its
        // words, and the filter chain is a pure function of the token.
        // About one distinct token per 16 bytes of news text.
        let text_bytes: usize = cluster.documents.iter().map(|d| d.text.len()).sum();
        let mut token_terms: FxHashMap<&'c str, Option<TermId>> =
            FxHashMap::with_capacity_and_hasher(text_bytes / 16, Default::default());
        let english = self.analyzer.is_english();
        if english {
            ENGLISH_TERMS.with(|cache| cache.borrow_mut().trim());
        }
        // The cluster's id of each thread-table term index it has met.
        let mut local_ids: FxHashMap<u32, TermId> =
            FxHashMap::with_capacity_and_hasher(text_bytes / 32, Default::default());
        let mut terms_of = |text: &'c str, vocab: &mut Vocabulary, out: &mut Vec<TermId>| {
            for token in self.analyzer.tokens(text) {
                let id = *token_terms.entry(token.text).or_insert_with(|| {
                    if english {
                        ENGLISH_TERMS.with(|cache| {
                            let mut cache = cache.borrow_mut();
                            let shared = cache.id(&self.analyzer, token.text);
                            (shared != DROPPED).then(|| {
                                *local_ids.entry(shared).or_insert_with(|| {
                                    vocab.intern_shared(&cache.terms[shared as usize])
                                })
                            })
                        })
                    } else {
                        self.analyzer
                            .normalize(token.text)
                            .map(|term| vocab.intern(&term))
                    }
                });
                out.extend(id);
            }
        };
        let mut sentences = Vec::new();
        let mut doc_sentences = Vec::with_capacity(cluster.documents.len());
        let mut headlines = Vec::with_capacity(cluster.documents.len());
        for (d, doc) in cluster.documents.iter().enumerate() {
            deadline.check()?;
            let text = doc.text.as_str();
            // Layout (lines, headline, segmentation) is read from a copy of
            // the same length where lone carriage returns are line breaks
            // and a byte-order mark is blank, so spans index `text` as is.
            let layout = plain_layout(text);
            let (headline, body_start) = split_headline(&layout, doc.title.as_deref());
            let mut headline_terms = Vec::new();
            let headline_text = headline.map(|h| &text[h.range()]).or(doc.title.as_deref());
            if let Some(h) = headline_text {
                terms_of(h, &mut vocab, &mut headline_terms);
            }
            headlines.push(headline_terms);

            let first = sentences.len();
            let mut position = 0;
            // Whether the article is lowercased, read once and only when a
            // lowercased dateline's shape is there (a pass over the text).
            let mut lowercased: Option<bool> = None;
            for span in self.segmenter.segment(&layout[body_start..]) {
                let mut span = Span::new(span.start + body_start, span.end + body_start);
                if position == 0 {
                    // An article glued to the page's chrome or headline
                    // by a lowercased dateline ("…to watch this video
                    // cleveland, ohio -- a local mom…") starts after it.
                    let glued = glued_place_dateline_len(&layout[span.range()]);
                    if glued > 0 && *lowercased.get_or_insert_with(|| is_lowercased(text)) {
                        span.start += glued;
                    }
                }
                let raw = &layout[span.range()];
                if classify(raw) != SegmentKind::Body || is_unpunctuated_line(&layout, span) {
                    continue;
                }
                // A place-name dateline opens an article, or the first
                // paragraph of one after captions ("PASADENA, Calif. — …");
                // an agency's ("( AP ) —") is unmistakable anywhere.
                let opens_paragraph = layout[..span.start]
                    .trim_end_matches([' ', '\t'])
                    .ends_with('\n');
                span.start += if position == 0 {
                    match dateline_len(raw) {
                        // A lowercased text's place-name dateline has lost
                        // its capitals ("Clinton — a trip…").
                        0 => lowercased_dateline(
                            raw,
                            lowercased_dateline_len,
                            false,
                            text,
                            &mut lowercased,
                        ),
                        len => len,
                    }
                } else if opens_paragraph {
                    // Not a colon there: "JON STEWART: To be fair…" names
                    // the speaker of a transcript.
                    let len = dateline_len(raw);
                    if raw[..len].trim_end().ends_with(':') {
                        agency_dateline_len(raw)
                    } else {
                        len
                    }
                } else {
                    match agency_dateline_len(raw) {
                        // Past the opening, only a place with its state
                        // ("Norristown, pa. — "): a lone word before a dash
                        // there is as often prose ("Thirdly - when…").
                        0 => lowercased_dateline(
                            raw,
                            lowercased_dateline_len,
                            true,
                            text,
                            &mut lowercased,
                        ),
                        len => len,
                    }
                };
                // A wire dateline of places joined by slashes
                // ("GAZA/JERUSALEM Israel's cabinet…"), a page's date stamp
                // ("Tuesday, feb. 14, 2017 -- "), a post's time label
                // ("12: 32 p.m.: the man accused…").
                span.start += slashed_dateline_len(&layout[span.range()]);
                span.start += weekday_date_len(&layout[span.range()]);
                span.start += post_time_len(&layout[span.range()]);
                if position < 3 {
                    // A gossip page's headline, maybe cut into pieces at
                    // its "!!!", runs into the article up to its label.
                    span.start += exclusive_label_len(&layout[span.range()]);
                    span.start += breaking_news_label_len(&layout[span.range()]);
                }
                if position == 0 {
                    // A headline the article goes on to repeat, or one that
                    // runs up to its dateline or "updated" label.
                    span.start += repeated_headline_len(&layout[span.range()]);
                    span.start += headline_dateline_len(&layout[span.range()]);
                    span.start += headline_run_in_len(&layout[span.range()]);
                }
                span.start += bullet_dash_len(&layout[span.range()]);
                span.start += updated_stamp_len(&layout[span.range()]);
                if position < 2 {
                    // A page's head up to its dated clock stamp.
                    span.start += clock_stamp_len(&layout[span.range()]);
                }
                span.start += updated_byline_len(&layout[span.range()]);
                span.start += lowercased_byline_len(&layout[span.range()]);
                span.start += publication_note_len(&layout[span.range()]);
                span.start += update_note_len(&layout[span.range()]);
                span.start += pointing_intro_len(&layout[span.range()]);
                let label = page_label_len(&layout[span.range()]);
                span.start += label;
                if position == 0 && label > 0 {
                    // The headline printed twice after a list's label
                    // ("Local news more>> passenger … ebola passenger …
                    // ebola a passenger who arrived…").
                    span.start += repeated_headline_len(&layout[span.range()]);
                }
                span.start += media_label_len(&layout[span.range()]);
                span.start += share_button_len(&layout[span.range()]);
                span.start += link_glyph_len(&layout[span.range()]);
                // A picture's credit (and caption) run into the sentence.
                let before_credit = span.start;
                // What a split or a page left before the sentence: a
                // closing bracket, a slash or a bar (and then, maybe, a
                // credit or dateline).
                span.start += stray_closer_len(&layout[span.range()]);
                span.start += photo_credit_len(&layout[span.range()]);
                span.start += glued_credit_len(&layout[span.range()]);
                span.start += opening_credit_len(&layout[span.range()]);
                span.start += assignment_credit_len(&layout[span.range()]);
                // Or a label, credit or aside in parentheses ("( kprc )
                // united airlines issued…").
                span.start += opening_parenthetical_len(&layout[span.range()]);
                if span.start > before_credit {
                    // The article opens after its picture's credit, with
                    // any dateline ("( photo: mark humphrey, ap ) rio de
                    // janeiro — rio police say…").
                    let rest = &layout[span.range()];
                    span.start += match agency_dateline_len(rest) {
                        0 => match dateline_len(rest) {
                            0 => lowercased_dateline(
                                rest,
                                lowercased_dateline_after_credit_len,
                                false,
                                text,
                                &mut lowercased,
                            ),
                            len => len,
                        },
                        len => len,
                    };
                }
                // CNN's label on a bullet, maybe after a picture's credit.
                span.start += highlights_label_len(&layout[span.range()]);
                // A list's dash, or one a trimmed label left ("( cbs ) –
                // a colorado woman says…").
                span.start += bullet_dash_len(&layout[span.range()]);
                // What a split left of a dateline, credit or path before
                // it, when no trim above read it.
                span.start += stray_closer_len(&layout[span.range()]);
                let sentence_text = &text[span.range()];
                // A linked name's card is cut whatever the compressor; the
                // compressor's cuts that overlap none of them join them.
                let mut edits = name_card_cuts(sentence_text, span.start);
                if let Some(c) = &self.compressor {
                    Edit::add_apart(&mut edits, c.cuts(sentence_text, span.start));
                    edits.sort_by_key(|e| e.span.start);
                }
                let cuts = Cuts::new(sentence_text, span.start, edits);
                // The terms of what a summary quotes: a cut's words cover
                // nothing. (A capitalization changes no term.)
                // About one term in eight bytes of news text: one
                // allocation for most sentences instead of a doubling series.
                let mut terms = Vec::with_capacity(span.len() / 8 + 1);
                let mut at = span.start;
                for e in cuts.edits.iter().filter(|e| e.replacement.is_empty()) {
                    terms_of(&text[at..e.span.start], &mut vocab, &mut terms);
                    at = e.span.end;
                }
                terms_of(&text[at..span.end], &mut vocab, &mut terms);
                sentences.push(Sentence {
                    doc: d,
                    position,
                    span,
                    words: count_words(sentence_text),
                    terms,
                    cuts,
                });
                position += 1;
            }
            doc_sentences.push(first..sentences.len());
        }
        if sentences.is_empty() {
            return Err(Error::NoSentences(cluster.id.clone()));
        }
        Ok(PreparedCluster {
            cluster,
            sentences,
            doc_sentences,
            headlines,
            vocab,
            derived: OnceLock::new(),
            english_terms: english.then_some(token_terms),
        })
    }
}

/// [`crate::model::Budget::count_words`], with ASCII text counted byte by
/// byte (every sentence is counted, and most are ASCII).
fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return crate::model::Budget::count_words(text);
    }
    let mut words = 0;
    let mut in_word = false;
    for b in text.bytes() {
        // The ASCII characters that `char::is_whitespace` accepts.
        if matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
    }
    words
}

/// `text` with a leading byte-order mark made three spaces and every
/// carriage return not followed by a line feed (old Mac line ends) made a
/// line feed: the same length and character boundaries, and the same text
/// wherever it is not whitespace.
fn plain_layout(text: &str) -> std::borrow::Cow<'_, str> {
    const BOM: &str = "\u{feff}";
    if !text.starts_with(BOM) && !text.contains('\r') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let body = match text.strip_prefix(BOM) {
        Some(rest) => {
            out.push_str("   ");
            rest
        }
        None => text,
    };
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    std::borrow::Cow::Owned(out)
}

/// A segment that fills its whole line and does not end like a sentence is a
/// sub-headline, caption or label, not body prose.
fn is_unpunctuated_line(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let whole_line = text[line_start..span.start].trim().is_empty()
        && text[span.end..line_end].trim().is_empty();
    let ends_like_sentence = text[..span.end].trim_end().ends_with([
        '.', '!', '?', '"', '\'', '\u{201d}', '\u{2019}', ')', ':', ';',
    ]);
    whole_line && !ends_like_sentence
}

/// Finds the headline line of `text`: the first non-empty line when it equals
/// the title, or when it is a line on its own (followed by a line break and
/// not ending in sentence punctuation... or followed by a blank line).
/// Returns the headline span and where the body starts.
fn split_headline(text: &str, title: Option<&str>) -> (Option<Span>, usize) {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let Some(line_end) = rest.find('\n') else {
        return (None, 0);
    };
    let line = rest[..line_end].trim_end();
    if line.is_empty() {
        return (None, 0);
    }
    let after = &rest[line_end + 1..];
    if after.trim().is_empty() {
        // A one-line text is body, whatever its title says.
        return (None, 0);
    }
    let is_title = title.is_some_and(|t| t.trim() == line);
    let blank_follows = after
        .trim_start_matches([' ', '\t', '\r'])
        .starts_with('\n');
    let looks_like_head = blank_follows && !line.ends_with(['.', '"', '\u{201d}', ':']);
    if is_title || looks_like_head {
        (
            Some(Span::new(lead, lead + line.len())),
            lead + line_end + 1,
        )
    } else {
        (None, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    /// Sentence `k` of a one-article cluster of `text`, as prepared.
    fn sentence_of(text: &str, k: usize) -> String {
        let cluster = Cluster::new("c", vec![Document::new("d", text)]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        p.text(k).to_owned()
    }

    #[test]
    fn a_dateline_opening_a_paragraph_after_a_caption_is_dropped() {
        let text = "Crowds watch the floats in Pasadena, California, Jan 1, 2018.\nPASADENA, Calif. \u{2014} Floral floats rolled under sunny skies as the Rose Parade drew thousands of revelers.\nJON STEWART: To be fair, they had a successful thing going.";
        let cluster = Cluster::new("c", vec![Document::new("d", text)]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let got: Vec<&str> = (0..p.sentences.len()).map(|i| p.text(i)).collect();
        assert_eq!(
            got[1],
            "Floral floats rolled under sunny skies as the Rose Parade drew thousands of revelers."
        );
        // A transcript's speaker label stays.
        assert_eq!(
            got[2],
            "JON STEWART: To be fair, they had a successful thing going."
        );
        // A page's publication note, anywhere.
        let text = "Police closed the road. ( published friday, july 17, 2015 ) police in somersworth said no one was hurt.";
        assert_eq!(
            sentence_of(text, 1),
            "police in somersworth said no one was hurt."
        );
    }

    #[test]
    fn headline_and_byline_are_not_body() {
        let text = "Putin Meets Tillerson\n\nThe two men met in Moscow. They disagreed.\n\n  • Leroy Wright\n";
        let cluster = Cluster::new("c", vec![Document::new("d", text)]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let got: Vec<&str> = (0..p.sentences.len()).map(|i| p.text(i)).collect();
        assert_eq!(got, ["The two men met in Moscow.", "They disagreed."]);
        assert!(!p.headlines[0].is_empty());
    }

    #[test]
    fn a_one_line_text_is_body_even_with_a_title() {
        let mut doc = Document::new("d", "Russia vetoed the draft on Wednesday.\n");
        doc.title = Some("Russia vetoed the draft on Wednesday.".into());
        let cluster = Cluster::new("c", vec![doc]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        assert_eq!(p.text(0), "Russia vetoed the draft on Wednesday.");
    }

    #[test]
    fn carriage_return_line_ends_and_a_bom_keep_the_headline_apart() {
        for text in [
            "Putin Meets Tillerson\r\rThe two men met in Moscow. They disagreed.\r",
            "\u{feff}Putin Meets Tillerson\n\nThe two men met in Moscow. They disagreed.",
            "\u{feff}Putin Meets Tillerson\r\n\r\nThe two men met in Moscow. They disagreed.",
        ] {
            let cluster = Cluster::new("c", vec![Document::new("d", text)]);
            let p = Pipeline::default().prepare(&cluster).expect("prepared");
            let got: Vec<&str> = (0..p.sentences.len()).map(|i| p.text(i)).collect();
            assert_eq!(
                got,
                ["The two men met in Moscow.", "They disagreed."],
                "{text:?}"
            );
            assert!(!p.headlines[0].is_empty(), "{text:?}");
        }
        assert_eq!(plain_layout("a\rb\r\nc\r"), "a\nb\r\nc\n");
        assert_eq!(plain_layout("\u{feff}x").len(), "\u{feff}x".len());
    }

    #[test]
    fn a_dash_that_a_trimmed_credit_leaves_opens_no_sentence() {
        let text = "The plane landed safely on sunday. ( photo: krem ) \u{2013} a colorado woman says the customs agency wants to fine her for an apple.";
        assert_eq!(
            sentence_of(text, 1),
            "a colorado woman says the customs agency wants to fine her for an apple."
        );
    }

    #[test]
    fn a_lowercased_dateline_after_a_credit_opens_no_sentence() {
        // Lowercased but for sentence openings, long enough to be read so.
        let text = "Officials stand near the body of a man that was shot near the stadium. \
            ( photo: mark humphrey, ap ) rio de janeiro \u{2014} rio police say a man was shot dead near the stadium after the opening ceremony. \
            According to the civil police department, a brazilian man was assaulting people in the crowd as the attendees were let out of the stadium. \
            An officer who was assisting with olympic security responded and shot the man, according to a statement released on saturday.";
        assert_eq!(
            sentence_of(text, 1),
            "rio police say a man was shot dead near the stadium after the opening ceremony."
        );
    }

    #[test]
    fn a_headline_repeated_by_its_article_opens_no_article() {
        let text = "Lana del rey target of kidnapping plot lana del rey target of kidnapping plot lana del rey is lucky orlando cops jumped on a tip. The man was arrested.";
        assert_eq!(
            sentence_of(text, 0),
            "lana del rey is lucky orlando cops jumped on a tip."
        );
    }

    #[test]
    fn a_headline_repeated_after_a_lists_label_opens_no_article() {
        let text = "Local news more>> passenger at newark airport evaluated for ebola passenger at newark airport evaluated for ebola a passenger who arrived from brussels is being evaluated. The cdc says so.";
        assert_eq!(
            sentence_of(text, 0),
            "a passenger who arrived from brussels is being evaluated."
        );
    }

    #[test]
    fn a_posted_and_updated_stamp_opens_no_sentence() {
        let text = "Headline\n\nMarch 3, 2016, 3: 10 am gmt / updated march 3, 2016, 7: 32 am gmt by phil helsel this treasure almost ended up in the trash. It sold for $ 2 million.";
        assert_eq!(
            sentence_of(text, 0),
            "this treasure almost ended up in the trash."
        );
    }

    #[test]
    fn a_page_head_with_its_clock_stamp_opens_no_article() {
        let text = "Tony perkins: star wars 'surrenders to gay empire ' by david edwards friday, january 27, 2012 16: 40 edt an evangelical leader is calling on his army of followers to act. The company did not reply.";
        assert_eq!(
            sentence_of(text, 0),
            "an evangelical leader is calling on his army of followers to act."
        );
    }

    #[test]
    fn a_group_in_parentheses_opens_no_sentence() {
        // A station's label, an aside left before the next sentence, and a
        // credit with the article's dateline after it.
        let label = "Headline\n\n( kprc ) united airlines issued an apology tuesday after a video was released. It grounded the crew.";
        assert_eq!(
            sentence_of(label, 0),
            "united airlines issued an apology tuesday after a video was released."
        );
        let aside = "The chain closed ten stores. ( dempsey has left the company. ) in any case, the coffee chain is currently in distress.";
        assert_eq!(
            sentence_of(aside, 1),
            "in any case, the coffee chain is currently in distress."
        );
        // Lowercased but for sentence openings, long enough to be read so.
        let credit = "Officials stand near the body of a man that was shot near the stadium. \
            ( mark humphrey / ap ) rio de janeiro \u{2014} rio police say a man was shot dead near the stadium after the opening ceremony. \
            According to the civil police department, a brazilian man was assaulting people in the crowd as the attendees were let out of the stadium. \
            An officer who was assisting with olympic security responded and shot the man, according to a statement released on saturday.";
        assert_eq!(
            sentence_of(credit, 1),
            "rio police say a man was shot dead near the stadium after the opening ceremony."
        );
    }

    #[test]
    fn a_highlights_label_after_a_credit_opens_no_sentence() {
        let text = "The museum opened a new wing. ( photo: michael schennum / the republic ) story highlights experimental philosopher jonathon keats is bringing his newest project to tempe. Keats is installing a camera.";
        assert_eq!(
            sentence_of(text, 1),
            "experimental philosopher jonathon keats is bringing his newest project to tempe."
        );
    }

    #[test]
    fn a_headline_up_to_its_updated_label_opens_no_article() {
        let text = "World's oldest beer brought back to life, scientists claim updated a group of australian scientists claim they have brewed the world's oldest beer. The yeast was found in a shipwreck.";
        assert_eq!(
            sentence_of(text, 0),
            "a group of australian scientists claim they have brewed the world's oldest beer."
        );
    }

    #[test]
    fn a_headline_its_article_restates_opens_no_article() {
        let text = "Woman shot in apparent road rage incident near walker art center a woman was shot four times after honking at a vehicle near the center. Police are looking for the driver.";
        assert_eq!(
            sentence_of(text, 0),
            "a woman was shot four times after honking at a vehicle near the center."
        );
    }

    #[test]
    fn a_gossip_headline_opens_no_article() {
        let text = "Suge knight charged with murder suge knight charged with murder exclusive details has just been charged with murder in the death of his friend. The case goes to court.";
        assert_eq!(
            sentence_of(text, 0),
            "has just been charged with murder in the death of his friend."
        );
    }

    #[test]
    fn a_lowercased_byline_opens_no_article() {
        let text = "By lauren pack and eric schwartzberg staff writer neighbors of a man arrested for indecency said they were scared. They called police.";
        assert_eq!(
            sentence_of(text, 0),
            "neighbors of a man arrested for indecency said they were scared."
        );
    }

    #[test]
    fn an_updated_stamp_and_its_authors_open_no_article() {
        let text = "/ updated by ken dilanian and courtney kube washington \u{2014} a senior aide has been briefed on the deaths. The aide spoke on monday.";
        assert_eq!(
            sentence_of(text, 0),
            "a senior aide has been briefed on the deaths."
        );
    }

    #[test]
    fn dateline_is_trimmed_from_lead_sentence() {
        let text = "MOSCOW (AP) _ Russia vetoed the draft. It was the eighth veto.";
        assert_eq!(sentence_of(text, 0), "Russia vetoed the draft.");
    }

    #[test]
    fn a_lowercased_text_loses_its_place_name_dateline_and_a_cased_one_its_subject_never() {
        let rest =
            " The fans of the band waited in the rain for hours outside the arena in the city."
                .repeat(5);
        let text = format!("Clinton \u{2014} a trip to the men's restroom at a walmart in clinton turned into a fight.{rest} Norristown, pa. \u{2014} the trial of the actor went on for a fourth day. Thirdly - when the options appear the game checks the players.");
        let cluster = Cluster::new("c", vec![Document::new("d", text.as_str())]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let n = p.sentences.len();
        assert_eq!(
            p.text(0),
            "a trip to the men's restroom at a walmart in clinton turned into a fight."
        );
        // Past the opening, a place with its state goes; a lone word stays.
        assert_eq!(
            p.text(n - 2),
            "the trial of the actor went on for a fourth day."
        );
        assert!(
            p.text(n - 1).starts_with("Thirdly - when"),
            "{}",
            p.text(n - 1)
        );
        // A dateline glued to the page's chrome before the article.
        let text = format!("Please enable javascript to watch this video cleveland, ohio -- a local mom thought she had made the best decision.{rest}");
        let cluster = Cluster::new("c", vec![Document::new("d", text.as_str())]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        assert_eq!(
            p.text(0),
            "a local mom thought she had made the best decision."
        );
        // Cased text: "Trump" is the sentence's subject.
        let rest = " Fans of Queen waited in Paris for hours outside the Olympia arena.".repeat(6);
        let text = format!(
            "Trump \u{2014} the president who promised walls, went on to golf in Scotland.{rest}"
        );
        let cluster = Cluster::new("c", vec![Document::new("d", text.as_str())]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        assert!(
            p.text(0).starts_with("Trump \u{2014} the president"),
            "{}",
            p.text(0)
        );
    }

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_budgets_count_them(text in "[a-z \t\n\r\x0B\x0C\u{85}\u{a0}é.]{0,40}") {
            proptest::prop_assert_eq!(count_words(&text), crate::model::Budget::count_words(&text));
        }
    }

    #[test]
    fn empty_cluster_is_an_error() {
        let cluster = Cluster::new("empty", vec![]);
        assert_eq!(
            Pipeline::default().prepare(&cluster).err(),
            Some(Error::EmptyCluster("empty".into()))
        );
        let blank = Cluster::new("blank", vec![Document::new("d", "  \n ")]);
        assert_eq!(
            Pipeline::default().prepare(&blank).err(),
            Some(Error::NoSentences("blank".into()))
        );
    }
}
