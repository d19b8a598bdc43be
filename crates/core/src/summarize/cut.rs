//! The DUC budget convention on top of any summarizer: fill the summary to
//! the limit and cut the sentence that crosses it ([`summarize_cut`]).

use super::{uncancelled, Summarizer};
use crate::cancel::Deadline;
use crate::error::Result;
use crate::model::{Budget, Span, Summary, SummaryItem};
use crate::prepare::PreparedCluster;
use crate::redundancy::RedundancyFilter;
use crate::select::{eligible, BudgetMeter, SelectionConfig};

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
/// use brief_core::{build, summarize, Algorithm, Budget, Cluster, Document, Params, Pipeline};
/// let cluster = Cluster::new("c", vec![Document::new("a",
///     "Russia vetoed a UN resolution on Syria on Wednesday. The vote was ten to two with three abstentions.")]);
/// let p = Pipeline::default().prepare(&cluster).unwrap();
/// let lead = build(Algorithm::Lead, &Params::default()).unwrap();
/// let s = summarize::summarize_cut(lead.as_ref(), &p, Budget::Words(12), &Params::default().selection);
/// assert_eq!(s.word_count(), 12);
/// assert!(s.items.last().unwrap().truncated);
/// assert_eq!(s.items.last().unwrap().text, "The vote was");
/// ```
pub fn summarize_cut(
    summarizer: &dyn Summarizer,
    p: &PreparedCluster<'_>,
    budget: Budget,
    config: &SelectionConfig,
) -> Summary {
    let summary = summarize_cut_within(summarizer, p, budget, config, &Deadline::none());
    uncancelled(summary, p, summarizer.name(), budget)
}

/// [`summarize_cut`], stopping with [`crate::Error::Cancelled`] once
/// `deadline` passes. It fills from the sentences a summarizer ranks
/// ([`crate::bounds::ranked`]).
pub fn summarize_cut_within(
    summarizer: &dyn Summarizer,
    p: &PreparedCluster<'_>,
    budget: Budget,
    config: &SelectionConfig,
    deadline: &Deadline,
) -> Result<Summary> {
    let p = &*crate::bounds::ranked(p);
    let mut summary = summarizer.summarize_within(p, budget, deadline)?;
    if matches!(budget, Budget::Sentences(_)) {
        return Ok(summary);
    }
    // An item's sentence number is its position in the document; in a
    // cluster restricted to some sentences ([`PreparedCluster::restricted`])
    // positions skip, so the index is looked up.
    let index_of = |item: &SummaryItem| {
        let range = p.doc_sentences[item.doc].clone();
        let guess = range.start + item.sentence;
        if range.contains(&guess) && p.sentences[guess].position == item.sentence {
            guess
        } else {
            range
                .clone()
                .find(|&i| p.sentences[i].position == item.sentence)
                .unwrap_or(guess)
        }
    };
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
    deadline.check()?;
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
    deadline.check()?;
    let mut in_reading_order: Vec<usize> = eligible(p, config);
    in_reading_order.sort_by_key(|&i| (p.sentences[i].position, p.sentences[i].doc));
    let everything = 0..p.sentences.len();
    deadline.check()?;

    let filter = RedundancyFilter::new(p, config.max_overlap);
    deadline.check()?;
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
            deadline.check()?;
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

/// The item of sentence `i` quoting `span` (the whole sentence, or a
/// prefix of it when `truncated`), with the repairs that fall inside it.
fn item_for(
    p: &PreparedCluster<'_>,
    i: usize,
    score: f64,
    span: Span,
    truncated: bool,
) -> SummaryItem {
    let mut item = crate::select::item(p, i, score);
    if span != item.span {
        let source = &p.cluster.documents[item.doc].text;
        item.edits.retain(|e| e.span.end <= span.end);
        item.text = SummaryItem::edited_text(source, span, &item.edits);
        item.span = span;
    }
    item.truncated = truncated;
    item
}

/// The span of the longest prefix of sentence `i` whose quoted text (its
/// repairs applied) costs at most `remaining` budget units (whole words for
/// a word budget; whole characters, trailing space trimmed, for a byte
/// budget), or `None` if nothing fits.
fn prefix_span(
    p: &PreparedCluster<'_>,
    i: usize,
    budget: Budget,
    remaining: usize,
) -> Option<Span> {
    let whole = crate::select::item(p, i, 0.0);
    let text = whole.text.as_str();
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
    if end == 0 {
        return None;
    }
    let source_end = source_offset(&whole, end);
    (source_end > whole.span.start).then(|| Span::new(whole.span.start, source_end))
}

/// The byte of the source document that offset `at` of `item.text` (the
/// span with its edits applied) comes from; inside a replacement, the end
/// of the bytes it replaced.
fn source_offset(item: &SummaryItem, at: usize) -> usize {
    let mut source = item.span.start;
    let mut edited = 0;
    for e in &item.edits {
        let unchanged = e.span.start - source;
        if at <= edited + unchanged {
            return source + (at - edited);
        }
        edited += unchanged;
        if at <= edited + e.replacement.len() {
            return e.span.end;
        }
        edited += e.replacement.len();
        source = e.span.end;
    }
    source + (at - edited)
}
