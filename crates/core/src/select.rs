//! Selection shared by all summarizers: the redundancy filter, budgeted
//! greedy selection, output ordering, and assembling the [`Summary`].

use crate::model::{Budget, Span, Summary, SummaryItem};
use crate::prepare::PreparedCluster;
use crate::similarity::intersection_size;
use std::sync::atomic::{AtomicU8, Ordering};

/// Which sentences may be selected, and how similar two selected ones may be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectionConfig {
    /// Sentences with fewer words are not selected (unless nothing else fits).
    pub min_words: usize,
    /// Sentences with more words are not selected (unless nothing else fits).
    pub max_words: usize,
    /// Two sentences whose content-term sets overlap by at least this share of
    /// the smaller set are near-duplicates; only one of them is selected.
    pub max_overlap: f64,
}

impl Default for SelectionConfig {
    fn default() -> Self {
        SelectionConfig {
            min_words: 6,
            max_words: 80,
            max_overlap: 0.7,
        }
    }
}

/// Detects exact and near-duplicate sentences (copies across sources, small
/// edits, one sentence contained in another).
///
/// Two sentences are duplicates when they belong to the same copy family
/// ([`crate::analyze::copies`]), when their normalized texts are equal, or
/// when their content-term sets overlap by at least `max_overlap` of the
/// smaller set (overlap coefficient) and the smaller set has 3 or more terms.
/// Texts and term sets are compared with every entity alias rewritten to one
/// token per actor ([`crate::analyze::aliases`]), so sentences that differ
/// only in "Russia" / "Russian Federation" or "US" / "U.S." are duplicates.
#[derive(Debug)]
pub struct RedundancyFilter {
    view: std::sync::Arc<crate::analyze::RedundancyView>,
    max_overlap: f64,
    /// Answers already computed, by pair `a * n + b`: 0 unknown, 1 no,
    /// 2 yes (selection asks about the same pairs round after round).
    /// Empty for clusters too large to hold `n²` bytes.
    known: Vec<AtomicU8>,
}

impl Clone for RedundancyFilter {
    fn clone(&self) -> Self {
        RedundancyFilter {
            view: self.view.clone(),
            max_overlap: self.max_overlap,
            known: self
                .known
                .iter()
                .map(|k| AtomicU8::new(k.load(Ordering::Relaxed)))
                .collect(),
        }
    }
}

/// Largest cluster (in sentences) whose pair answers are remembered.
const MAX_REMEMBERED_SENTENCES: usize = 2048;

impl RedundancyFilter {
    /// A filter over the sentences of `p`.
    pub fn new(p: &PreparedCluster<'_>, max_overlap: f64) -> Self {
        let n = p.sentences.len();
        let pairs = if n <= MAX_REMEMBERED_SENTENCES {
            n * n
        } else {
            0
        };
        RedundancyFilter {
            view: p.redundancy_view(),
            max_overlap,
            known: (0..pairs).map(|_| AtomicU8::new(0)).collect(),
        }
    }

    /// Whether sentences `a` and `b` say the same thing.
    pub fn duplicates(&self, a: usize, b: usize) -> bool {
        let Some(known) = self.known.get(a * self.view.term_sets.len() + b) else {
            return self.compare(a, b);
        };
        match known.load(Ordering::Relaxed) {
            1 => false,
            2 => true,
            _ => {
                let answer = self.compare(a, b);
                known.store(1 + u8::from(answer), Ordering::Relaxed);
                answer
            }
        }
    }

    fn compare(&self, a: usize, b: usize) -> bool {
        if self.view.text_keys[a] == self.view.text_keys[b] {
            return true;
        }
        let families = &self.view.families;
        if families[a].is_some() && families[a] == families[b] {
            return true;
        }
        let (sa, sb) = (&self.view.term_sets[a], &self.view.term_sets[b]);
        let smaller = sa.len().min(sb.len());
        if smaller < 3 {
            return false;
        }
        intersection_size(sa, sb) as f64 >= self.max_overlap * smaller as f64
    }

    /// Whether `candidate` duplicates any of `selected`.
    pub fn redundant(&self, candidate: usize, selected: &[usize]) -> bool {
        selected.iter().any(|&s| self.duplicates(candidate, s))
    }
}

/// Tracks what a budget has left.
#[derive(Debug, Clone, Copy)]
pub struct BudgetMeter {
    budget: Budget,
    used: usize,
}

impl BudgetMeter {
    /// A meter with nothing used.
    pub fn new(budget: Budget) -> Self {
        BudgetMeter { budget, used: 0 }
    }

    /// The cost of sentence `i` under the budget.
    pub fn cost(&self, p: &PreparedCluster<'_>, i: usize) -> usize {
        let s = &p.sentences[i];
        self.budget.cost(s.words, s.span.len())
    }

    /// Whether sentence `i` still fits.
    pub fn fits(&self, p: &PreparedCluster<'_>, i: usize) -> bool {
        self.used.saturating_add(self.cost(p, i)) <= self.budget.capacity()
    }

    /// Records sentence `i` as taken.
    pub fn take(&mut self, p: &PreparedCluster<'_>, i: usize) {
        self.used = self.used.saturating_add(self.cost(p, i));
    }

    /// Units left.
    pub fn remaining(&self) -> usize {
        self.budget.capacity().saturating_sub(self.used)
    }

    /// Units used.
    pub fn used(&self) -> usize {
        self.used
    }
}

/// Sentence indices that `config` allows: by length, and never a bare
/// quotation without its speaker.
pub fn eligible(p: &PreparedCluster<'_>, config: &SelectionConfig) -> Vec<usize> {
    let ok: Vec<usize> = (0..p.sentences.len())
        .filter(|&i| {
            let w = p.sentences[i].words;
            w >= config.min_words
                && w <= config.max_words
                && !p.sentences[i].terms.is_empty()
                && !crate::text::clean::is_bare_quote(p.text(i))
        })
        .collect();
    if ok.is_empty() {
        (0..p.sentences.len()).collect()
    } else {
        ok
    }
}

/// Greedy selection in descending score order: take each eligible sentence
/// that fits the budget and duplicates nothing taken; skip the rest. Ties in
/// score go to the earlier sentence, so the result is deterministic.
pub fn greedy(
    p: &PreparedCluster<'_>,
    scores: &[f64],
    budget: Budget,
    config: &SelectionConfig,
) -> Vec<(usize, f64)> {
    let mut order = eligible(p, config);
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    take_in_order(p, &order, scores, budget, config)
}

/// Takes sentences in the given order while they fit and are not redundant.
pub fn take_in_order(
    p: &PreparedCluster<'_>,
    order: &[usize],
    scores: &[f64],
    budget: Budget,
    config: &SelectionConfig,
) -> Vec<(usize, f64)> {
    let filter = RedundancyFilter::new(p, config.max_overlap);
    let mut meter = BudgetMeter::new(budget);
    let mut picked: Vec<usize> = Vec::new();
    for &i in order {
        if meter.remaining() == 0 {
            break;
        }
        if !meter.fits(p, i) || filter.redundant(i, &picked) {
            continue;
        }
        meter.take(p, i);
        picked.push(i);
    }
    picked.into_iter().map(|i| (i, scores[i])).collect()
}

/// Puts selected sentences in reading order.
pub trait SentenceOrder: Send + Sync {
    /// Reorders `picked` (sentence index, score) in place.
    fn order(&self, p: &PreparedCluster<'_>, picked: &mut [(usize, f64)]);
}

/// Source order: by position in the source article (lead sentences first),
/// then by document, so the story reads from its opening facts onwards.
#[derive(Debug, Clone, Copy, Default)]
pub struct SourceOrder;

impl SentenceOrder for SourceOrder {
    fn order(&self, p: &PreparedCluster<'_>, picked: &mut [(usize, f64)]) {
        picked.sort_by_key(|&(i, _)| {
            let s = &p.sentences[i];
            (s.position, s.doc)
        });
    }
}

/// Assembles a [`Summary`] from picked sentences, in source order.
pub fn build_summary(
    p: &PreparedCluster<'_>,
    algorithm: &str,
    budget: Budget,
    mut picked: Vec<(usize, f64)>,
) -> Summary {
    SourceOrder.order(p, &mut picked);
    let items = picked
        .into_iter()
        .map(|(i, score)| {
            let s = &p.sentences[i];
            SummaryItem {
                doc: s.doc,
                doc_id: p.cluster.documents[s.doc].id.clone(),
                sentence: s.position,
                span: s.span,
                text: p.text(i).to_owned(),
                score,
                truncated: false,
            }
        })
        .collect();
    Summary {
        cluster_id: p.cluster.id.clone(),
        algorithm: algorithm.to_owned(),
        budget,
        items,
    }
}

/// A summary made the DUC way: filled to the limit and cut at exactly the
/// budget (`N` words, or `N` bytes with sentences joined by one space).
///
/// The summarizer's own summary is kept; the room it leaves is filled with
/// the sentences it would add with more room (best score first), then with
/// any other eligible sentence (reading order, non-redundant ones first).
/// The sentence that crosses the limit is cut to a prefix, marked
/// [`SummaryItem::truncated`], and placed last; its span covers exactly the
/// prefix. With a word budget the summary then has exactly `N` words
/// whenever the cluster has that many words of eligible sentences. A
/// sentence budget is never cut. This is the convention of DUC 2001–2004
/// and ROUGE-1.5.5 `-l`/`-b` (Over, Dang & Harman 2007; Hong et al. 2014).
///
/// ```
/// use brief_core::{build, select, Algorithm, Budget, Cluster, Document, Params, Pipeline};
/// let cluster = Cluster::new("c", vec![Document::new("a",
///     "Russia vetoed a UN resolution on Syria on Wednesday. The vote was ten to two with three abstentions.")]);
/// let p = Pipeline::default().prepare(&cluster).unwrap();
/// let lead = build(Algorithm::Lead, &Params::default()).unwrap();
/// let s = select::summarize_cut(lead.as_ref(), &p, Budget::Words(12), &Params::default().selection);
/// assert_eq!(s.word_count(), 12);
/// assert!(s.items.last().unwrap().truncated);
/// assert_eq!(s.items.last().unwrap().text, "The vote was");
/// ```
pub fn summarize_cut(
    summarizer: &dyn crate::summarize::Summarizer,
    p: &PreparedCluster<'_>,
    budget: Budget,
    config: &SelectionConfig,
) -> Summary {
    let none = crate::cancel::Deadline::none();
    let summary = summarize_cut_within(summarizer, p, budget, config, &none);
    crate::summarize::uncancelled(summary, p, summarizer.name(), budget)
}

/// [`summarize_cut`], stopping with [`crate::Error::Cancelled`] once
/// `deadline` passes. It fills from the sentences a summarizer ranks
/// ([`crate::bounds::ranked`]).
pub fn summarize_cut_within(
    summarizer: &dyn crate::summarize::Summarizer,
    p: &PreparedCluster<'_>,
    budget: Budget,
    config: &SelectionConfig,
    deadline: &crate::cancel::Deadline,
) -> crate::Result<Summary> {
    let p = &*crate::bounds::ranked(p);
    let mut summary = summarizer.summarize_within(p, budget, deadline)?;
    if matches!(budget, Budget::Sentences(_)) {
        return Ok(summary);
    }
    let index_of = |item: &SummaryItem| p.doc_sentences[item.doc].start + item.sentence;
    let mut picked: Vec<usize> = summary.items.iter().map(index_of).collect();
    let mut meter = BudgetMeter::new(budget);
    for &i in &picked {
        meter.take(p, i);
    }
    if meter.remaining() == 0 {
        return Ok(summary);
    }

    // What the summarizer itself would add with room for one more sentence.
    let widest = (0..p.sentences.len())
        .map(|i| meter.cost(p, i))
        .max()
        .unwrap_or(0);
    let wider = match budget {
        Budget::Words(n) => Budget::Words(n.saturating_add(widest)),
        Budget::Bytes(n) => Budget::Bytes(n.saturating_add(widest)),
        Budget::Sentences(n) => Budget::Sentences(n),
    };
    let mut preferred: Vec<(usize, f64)> = summarizer
        .summarize_within(p, wider, deadline)?
        .items
        .iter()
        .map(|item| (index_of(item), item.score))
        .filter(|(i, _)| !picked.contains(i))
        .collect();
    preferred.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut in_reading_order: Vec<usize> = eligible(p, config);
    in_reading_order.sort_by_key(|&i| (p.sentences[i].position, p.sentences[i].doc));
    let everything = 0..p.sentences.len();

    let filter = RedundancyFilter::new(p, config.max_overlap);
    let fresh: Vec<usize> = preferred
        .iter()
        .map(|&(i, _)| i)
        .chain(in_reading_order.iter().copied())
        .collect();
    let mut cut_item = None;
    let mut added_whole = false;
    // Non-redundant candidates first; when they run out, any sentence left.
    let passes = [true, false];
    'fill: for non_redundant_only in passes {
        deadline.check()?;
        for i in fresh.iter().copied().chain(everything.clone()) {
            if picked.contains(&i) || (non_redundant_only && filter.redundant(i, &picked)) {
                continue;
            }
            let score = preferred
                .iter()
                .find(|&&(j, _)| j == i)
                .map_or(0.0, |&(_, s)| s);
            if meter.fits(p, i) {
                meter.take(p, i);
                picked.push(i);
                summary
                    .items
                    .push(item_for(p, i, score, p.sentences[i].span, false));
                added_whole = true;
            } else if let Some(span) = prefix_span(p, i, budget, meter.remaining()) {
                cut_item = Some(item_for(p, i, score, span, true));
                break 'fill;
            }
            if meter.remaining() == 0 {
                break 'fill;
            }
        }
    }
    // Whole sentences added go in source order; the summarizer's own order
    // is kept otherwise. The cut sentence always ends the summary.
    if added_whole {
        summary.items.sort_by_key(|item| (item.sentence, item.doc));
    }
    summary.items.extend(cut_item);
    Ok(summary)
}

fn item_for(
    p: &PreparedCluster<'_>,
    i: usize,
    score: f64,
    span: Span,
    truncated: bool,
) -> SummaryItem {
    let s = &p.sentences[i];
    let doc = &p.cluster.documents[s.doc];
    SummaryItem {
        doc: s.doc,
        doc_id: doc.id.clone(),
        sentence: s.position,
        span,
        text: doc.text[span.range()].to_owned(),
        score,
        truncated,
    }
}

/// The span of the longest prefix of sentence `i` that costs at most
/// `remaining` budget units (whole words for a word budget; whole characters,
/// trailing space trimmed, for a byte budget), or `None` if nothing fits.
fn prefix_span(
    p: &PreparedCluster<'_>,
    i: usize,
    budget: Budget,
    remaining: usize,
) -> Option<Span> {
    let span = p.sentences[i].span;
    let text = p.text(i);
    let end = match budget {
        Budget::Words(_) => {
            let mut end = None;
            let mut words = 0;
            let mut in_word = false;
            for (at, c) in text.char_indices() {
                if c.is_whitespace() {
                    if in_word {
                        words += 1;
                        if words == remaining {
                            end = Some(at);
                            break;
                        }
                    }
                    in_word = false;
                } else {
                    in_word = true;
                }
            }
            end?
        }
        // One joining space is counted with each sentence.
        Budget::Bytes(_) => {
            let mut end = remaining.checked_sub(1)?.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text[..end].trim_end().len()
        }
        Budget::Sentences(_) => return None,
    };
    (end > 0).then(|| Span::new(span.start, span.start + end))
}
