//! Selection shared by all summarizers: eligibility, the budget meter,
//! budgeted greedy selection through the redundancy stage's
//! [`RedundancyFilter`], output ordering, and assembling the [`Summary`].

use crate::model::{Budget, Summary, SummaryItem};
use crate::prepare::PreparedCluster;
use crate::redundancy::RedundancyFilter;

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
        self.used + self.cost(p, i) <= self.budget.capacity()
    }

    /// Records sentence `i` as taken.
    pub fn take(&mut self, p: &PreparedCluster<'_>, i: usize) {
        self.used += self.cost(p, i);
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
