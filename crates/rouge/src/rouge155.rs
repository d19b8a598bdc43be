//! ROUGE-1.5.5 (Lin, 2004, "ROUGE: A Package for Automatic Evaluation of Summaries", ACL
//! workshop *Text Summarization Branches Out*) reproduced from its Perl script, including
//! the quirks that change numbers:
//!
//! - Text is read as bytes, one sentence per non-empty line, lowercased with `tr/A-Z/a-z/`
//!   only. Every byte outside `[A-Za-z0-9]` separates tokens (a `-` becomes its own token,
//!   which is then dropped for not starting with `[a-z0-9$]`). Tokens longer than three
//!   bytes go through the Porter stemmer of [`crate::porter`].
//! - `-l N` counts Perl `split(/\s+/)` fields of the raw lines (a leading blank counts as
//!   one field); `-b N` counts raw bytes, ignoring the joining spaces. For ROUGE-L the byte
//!   limit never accumulates across lines (the script forgets to add the line length), so
//!   each line shorter than N bytes is kept whole until one is cut.
//! - ROUGE-SU with `-u` counts the unigram of every token except the last one.
//! - ROUGE-L is the summary-level union LCS: per reference sentence, the hits of the LCS
//!   with each candidate sentence (backtracking prefers "up" on ties) are unioned, then
//!   clipped by the unigram counts of both whole texts. Recall divides by the reference
//!   sentence lengths, precision by the candidate unigram count.
//! - `-f A` sums hits and counts over the references (it does not average per-reference
//!   ratios); `-f B` keeps the reference with the best recall. Recall and precision are
//!   rounded to 5 decimals (`%7.5f`) *before* the F-measure is computed from them, and the
//!   F-measure is rounded again, as the script reports them.

use rustc_hash::FxHashMap;

use crate::porter;
use crate::{LengthLimit, MultiRef, RougeType, Score};

/// Perl's `\s` on byte strings.
fn is_perl_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The sentences ROUGE-1.5.5 reads from a one-sentence-per-line file: the non-empty lines.
fn lines(text: &str) -> Vec<&[u8]> {
    text.split('\n')
        .filter(|line| !line.is_empty())
        .map(str::as_bytes)
        .collect()
}

/// Number of fields Perl's `split(/\s+/, $line)` returns: a leading empty field when the
/// line starts with whitespace, trailing empty fields removed.
fn perl_field_count(line: &[u8]) -> usize {
    let words = line
        .split(|&b| is_perl_space(b))
        .filter(|w| !w.is_empty())
        .count();
    if words == 0 {
        0
    } else {
        words + usize::from(line.first().is_some_and(|&b| is_perl_space(b)))
    }
}

/// The prefix of `line` holding its first `count` Perl split fields (joining them with one
/// space, as the script does, tokenizes the same since whitespace only separates).
fn prefix_fields(line: &[u8], count: usize) -> &[u8] {
    let mut fields = 0;
    if line.first().is_some_and(|&b| is_perl_space(b)) {
        fields = 1; // the leading empty field
    }
    let mut i = 0;
    while fields < count && i < line.len() {
        while i < line.len() && is_perl_space(line[i]) {
            i += 1;
        }
        if i == line.len() {
            break;
        }
        while i < line.len() && !is_perl_space(line[i]) {
            i += 1;
        }
        fields += 1;
    }
    &line[..i]
}

/// `readText`: the text used for n-grams, skip-bigrams and the ROUGE-L unigram clipping,
/// as pieces that the script joins with spaces.
pub(crate) fn read_text<'a>(lines: &[&'a [u8]], limit: Option<LengthLimit>) -> Vec<&'a [u8]> {
    match limit {
        None => lines.to_vec(),
        Some(LengthLimit::Words(max)) => truncate_words(lines, max),
        Some(LengthLimit::Bytes(max)) => {
            let mut out = Vec::new();
            let mut taken = 0;
            for &line in lines {
                if taken + line.len() < max {
                    out.push(line);
                    taken += line.len();
                } else {
                    out.push(&line[..max - taken]);
                    break;
                }
            }
            out
        }
    }
}

/// `readText_LCS`: the sentences used for ROUGE-L.
pub(crate) fn read_text_lcs<'a>(lines: &[&'a [u8]], limit: Option<LengthLimit>) -> Vec<&'a [u8]> {
    match limit {
        None => lines.to_vec(),
        Some(LengthLimit::Words(max)) => truncate_words(lines, max),
        Some(LengthLimit::Bytes(max)) => {
            // The script never adds the line length to its running total here.
            let mut out = Vec::new();
            for &line in lines {
                if line.len() < max {
                    out.push(line);
                } else {
                    out.push(&line[..max]);
                    break;
                }
            }
            out
        }
    }
}

fn truncate_words<'a>(lines: &[&'a [u8]], max: usize) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut taken = 0;
    for &line in lines {
        let fields = perl_field_count(line);
        if taken + fields < max {
            out.push(line);
            taken += fields;
        } else {
            out.push(prefix_fields(line, max - taken));
            break;
        }
    }
    out
}

/// Maps raw tokens to ids of their (stemmed) forms, allocating once per distinct form.
struct Interner<'a> {
    raw: FxHashMap<&'a [u8], u32>,
    forms: FxHashMap<Vec<u8>, u32>,
    buffer: Vec<u8>,
    stemming: bool,
}

impl<'a> Interner<'a> {
    fn new(stemming: bool) -> Self {
        Interner {
            raw: FxHashMap::default(),
            forms: FxHashMap::default(),
            buffer: Vec::with_capacity(32),
            stemming,
        }
    }

    fn len(&self) -> usize {
        self.forms.len()
    }

    fn id(&mut self, raw: &'a [u8]) -> u32 {
        if let Some(&id) = self.raw.get(raw) {
            return id;
        }
        self.buffer.clear();
        self.buffer.extend(raw.iter().map(u8::to_ascii_lowercase));
        if self.stemming && self.buffer.len() > 3 {
            porter::stem(&mut self.buffer);
        }
        let next = self.forms.len() as u32;
        let id = match self.forms.get(self.buffer.as_slice()) {
            Some(&id) => id,
            None => {
                self.forms.insert(self.buffer.clone(), next);
                next
            }
        };
        self.raw.insert(raw, id);
        id
    }

    /// Appends the token ids of `piece`: its maximal runs of ASCII letters and digits.
    fn tokenize(&mut self, piece: &'a [u8], out: &mut Vec<u32>) {
        for token in piece
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|t| !t.is_empty())
        {
            out.push(self.id(token));
        }
    }
}

/// One text read as ROUGE-1.5.5 reads a peer or model file.
struct Text {
    /// `readText` tokens.
    tokens: Vec<u32>,
    /// `readText_LCS` tokens, sentence by sentence (`ends` are exclusive offsets).
    sentence_tokens: Vec<u32>,
    sentence_ends: Vec<usize>,
}

impl Text {
    fn read<'a>(
        text: &'a str,
        limit: Option<LengthLimit>,
        need_sentences: bool,
        interner: &mut Interner<'a>,
    ) -> Text {
        let lines = lines(text);
        let mut sentence_tokens = Vec::new();
        let mut sentence_ends = Vec::new();
        if need_sentences {
            sentence_tokens.reserve(text.len() / 5 + 1);
            for sentence in read_text_lcs(&lines, limit) {
                interner.tokenize(sentence, &mut sentence_tokens);
                sentence_ends.push(sentence_tokens.len());
            }
        }
        // Without a limit both readings keep every line, so their tokens agree.
        let tokens = if need_sentences && limit.is_none() {
            sentence_tokens.clone()
        } else {
            let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
            for piece in read_text(&lines, limit) {
                interner.tokenize(piece, &mut tokens);
            }
            tokens
        };
        Text {
            tokens,
            sentence_tokens,
            sentence_ends,
        }
    }

    fn sentences(&self) -> impl Iterator<Item = &[u32]> + '_ {
        let starts = std::iter::once(0).chain(self.sentence_ends.iter().copied());
        starts
            .zip(&self.sentence_ends)
            .map(|(start, &end)| &self.sentence_tokens[start..end])
    }
}

/// Hits and counts of one metric against one reference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) hits: usize,
    pub(crate) reference_total: usize,
    pub(crate) candidate_total: usize,
}

/// Clipped n-gram overlap (`createNGram` + `ngramScore`).
pub(crate) fn ngram_counts<'t>(
    reference: &'t [u32],
    candidate: &'t [u32],
    n: usize,
    map: &mut FxHashMap<&'t [u32], u32>,
) -> Counts {
    map.clear();
    for gram in reference.windows(n) {
        *map.entry(gram).or_insert(0) += 1;
    }
    let mut hits = 0;
    for gram in candidate.windows(n) {
        if let Some(count) = map.get_mut(gram) {
            if *count > 0 {
                *count -= 1;
                hits += 1;
            }
        }
    }
    Counts {
        hits,
        reference_total: (reference.len() + 1).saturating_sub(n),
        candidate_total: (candidate.len() + 1).saturating_sub(n),
    }
}

/// The skip-bigrams (plus `-u` unigrams) of `createSkipBigram`, as packed keys: a unigram
/// is `(id + 1) << 32`, a pair `(a + 1) << 32 | (b + 1)`.
pub(crate) fn skip_bigrams(tokens: &[u32], skip: usize, out: &mut Vec<u64>) {
    out.clear();
    let last = tokens.len().saturating_sub(1);
    for i in 0..last {
        let first = (u64::from(tokens[i]) + 1) << 32;
        // Quirk kept: the loop stops before the last token, so its unigram is never counted.
        out.push(first);
        let end = last.min(i.saturating_add(skip).saturating_add(1));
        for &second in &tokens[i + 1..=end] {
            out.push(first | (u64::from(second) + 1));
        }
    }
}

fn skip_bigram_counts(
    reference: &[u64],
    candidate: &[u64],
    map: &mut FxHashMap<u64, u32>,
) -> Counts {
    map.clear();
    for &gram in reference {
        *map.entry(gram).or_insert(0) += 1;
    }
    let mut hits = 0;
    for gram in candidate {
        if let Some(count) = map.get_mut(gram) {
            if *count > 0 {
                *count -= 1;
                hits += 1;
            }
        }
    }
    Counts {
        hits,
        reference_total: reference.len(),
        candidate_total: candidate.len(),
    }
}

/// `lcs_inner` + `markLCS`: marks in `hit_mask` the reference positions on the LCS path
/// that the script's backtracking takes (diagonal on a match, else up when the upper cell
/// is at least the left one).
#[cfg(test)]
pub(crate) fn mark_lcs_table(
    reference: &[u32],
    candidate: &[u32],
    table: &mut Vec<u32>,
    hit_mask: &mut [bool],
) {
    let (m, n) = (reference.len(), candidate.len());
    if m == 0 || n == 0 {
        return;
    }
    let width = n + 1;
    table.clear();
    table.resize((m + 1) * width, 0);
    for i in 1..=m {
        let token = reference[i - 1];
        let (above, row) = table[(i - 1) * width..(i + 1) * width].split_at_mut(width);
        for j in 1..=n {
            row[j] = if token == candidate[j - 1] {
                above[j - 1] + 1
            } else {
                above[j].max(row[j - 1])
            };
        }
    }
    let (mut i, mut j) = (m, n);
    while i != 0 && j != 0 {
        if reference[i - 1] == candidate[j - 1] {
            i -= 1;
            j -= 1;
            hit_mask[i] = true;
        } else if table[(i - 1) * width + j] >= table[i * width + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
}

/// Match masks of one candidate sentence: for each of its tokens, one bit per position,
/// `words` 64-bit words per token.
pub(crate) struct SentenceMasks {
    words: usize,
    rows: FxHashMap<u32, usize>,
    masks: Vec<u64>,
}

impl SentenceMasks {
    pub(crate) fn new(sentence: &[u32]) -> Self {
        let words = sentence.len().div_ceil(64).max(1);
        let mut rows = FxHashMap::default();
        let mut masks = Vec::new();
        for (position, &token) in sentence.iter().enumerate() {
            let row = *rows.entry(token).or_insert_with(|| {
                masks.resize(masks.len() + words, 0);
                masks.len() / words - 1
            });
            masks[row * words + position / 64] |= 1 << (position % 64);
        }
        SentenceMasks { words, rows, masks }
    }

    fn mask(&self, token: u32) -> Option<&[u64]> {
        self.rows
            .get(&token)
            .map(|&row| &self.masks[row * self.words..(row + 1) * self.words])
    }
}

/// Same marks as [`mark_lcs_table`], with the bit-parallel LCS of Hyyrö (2004, "A
/// bit-vector algorithm for computing Levenshtein and Damerau edit distances" / "Bit-parallel
/// LCS-length computation revisited"): row `i` of the DP table is kept as one bit per
/// candidate position, a zero bit where the row steps up by one, so `c[i][j]` is the number
/// of zero bits among the first `j`. All rows are stored so the backtracking can read any
/// cell; this replaces m·n cell updates by m·⌈n/64⌉ word operations.
pub(crate) fn mark_lcs(
    reference: &[u32],
    candidate: &[u32],
    masks: &SentenceMasks,
    rows: &mut Vec<u64>,
    hit_mask: &mut [bool],
) {
    let (m, n) = (reference.len(), candidate.len());
    if m == 0 || n == 0 {
        return;
    }
    let words = masks.words;
    rows.clear();
    rows.resize((m + 1) * words, u64::MAX);
    for (i, &token) in reference.iter().enumerate() {
        let (done, rest) = rows.split_at_mut((i + 1) * words);
        let previous = &done[i * words..];
        let current = &mut rest[..words];
        match masks.mask(token) {
            None => current.copy_from_slice(previous),
            Some(mask) => {
                let mut carry = false;
                for ((out, &v), &bits) in current.iter_mut().zip(previous).zip(mask) {
                    let matched = v & bits;
                    let (sum, overflow1) = v.overflowing_add(matched);
                    let (sum, overflow2) = sum.overflowing_add(u64::from(carry));
                    carry = overflow1 || overflow2;
                    *out = sum | (v & !bits);
                }
            }
        }
    }
    if words == 1 {
        backtrack_one_word(reference, candidate, rows, hit_mask);
        return;
    }
    // c[i][j]: zero bits among the first j bits of row i.
    let cell = |i: usize, j: usize| -> u32 {
        let row = &rows[i * words..(i + 1) * words];
        let full = j / 64;
        let mut count: u32 = row[..full].iter().map(|w| w.count_zeros()).sum();
        let rest = j % 64;
        if rest > 0 {
            count += (!row[full] & ((1u64 << rest) - 1)).count_ones();
        }
        count
    };
    // Once the remaining LCS is 0 no match is left to mark, so the walk can stop.
    let (mut i, mut j) = (m, n);
    let mut remaining = cell(m, n);
    while remaining > 0 && i != 0 && j != 0 {
        if reference[i - 1] == candidate[j - 1] {
            i -= 1;
            j -= 1;
            hit_mask[i] = true;
            remaining -= 1;
        } else if cell(i - 1, j) >= cell(i, j - 1) {
            i -= 1;
        } else {
            j -= 1;
        }
    }
}

/// The backtracking of [`mark_lcs`] for candidate sentences of at most 64 tokens (one word
/// per row, the common case), with `c[i][j]` as one masked popcount.
fn backtrack_one_word(reference: &[u32], candidate: &[u32], rows: &[u64], hit_mask: &mut [bool]) {
    let low_bits = |j: usize| u64::MAX.checked_shr(64 - j as u32).unwrap_or(0);
    let cell = |i: usize, j: usize| (!rows[i] & low_bits(j)).count_ones();
    let (mut i, mut j) = (reference.len(), candidate.len());
    let mut remaining = cell(i, j);
    while remaining > 0 {
        // remaining > 0 implies i > 0 and j > 0.
        if reference[i - 1] == candidate[j - 1] {
            i -= 1;
            j -= 1;
            hit_mask[i] = true;
            remaining -= 1;
        } else if cell(i - 1, j) >= cell(i, j - 1) {
            i -= 1;
        } else {
            j -= 1;
        }
    }
}

/// Summary-level union-LCS hits (Lin, 2004, section 3.2), as both ROUGE-1.5.5's `lcs` and
/// rouge-score's `_summary_level_lcs` count them: per reference sentence, the union of the
/// positions on the LCS path with each candidate sentence, in order, each hit clipped by
/// (and taken from) the unigram counts left over the whole reference and candidate.
#[allow(clippy::too_many_arguments)]
pub(crate) fn union_lcs_hits<'s>(
    reference_sentences: impl Iterator<Item = &'s [u32]>,
    candidate_sentences: &[&[u32]],
    candidate_masks: &[SentenceMasks],
    reference_unigrams: &mut [u32],
    candidate_unigrams: &mut [u32],
    rows: &mut Vec<u64>,
    hit_mask: &mut Vec<bool>,
) -> usize {
    let mut hits = 0;
    for sentence in reference_sentences {
        hit_mask.clear();
        hit_mask.resize(sentence.len(), false);
        for (candidate_sentence, masks) in candidate_sentences.iter().zip(candidate_masks) {
            mark_lcs(sentence, candidate_sentence, masks, rows, hit_mask);
        }
        for (&token, &hit) in sentence.iter().zip(hit_mask.iter()) {
            let t = token as usize;
            if hit && reference_unigrams[t] > 0 && candidate_unigrams[t] > 0 {
                hits += 1;
                reference_unigrams[t] -= 1;
                candidate_unigrams[t] -= 1;
            }
        }
    }
    hits
}

/// ROUGE-1.5.5's ROUGE-L counts: union-LCS hits clipped by the `readText` unigrams; recall
/// over the reference sentence lengths, precision over the candidate unigram count.
fn lcs_counts(
    reference: &Text,
    candidate: &Text,
    candidate_sentences: &[&[u32]],
    candidate_masks: &[SentenceMasks],
    scratch: &mut Scratch,
) -> Counts {
    let Scratch {
        reference_unigrams,
        candidate_unigrams,
        table,
        hit_mask,
        ..
    } = scratch;
    reference_unigrams.fill(0);
    candidate_unigrams.fill(0);
    for &t in &reference.tokens {
        reference_unigrams[t as usize] += 1;
    }
    for &t in &candidate.tokens {
        candidate_unigrams[t as usize] += 1;
    }
    let hits = union_lcs_hits(
        reference.sentences(),
        candidate_sentences,
        candidate_masks,
        reference_unigrams,
        candidate_unigrams,
        table,
        hit_mask,
    );
    Counts {
        hits,
        reference_total: reference.sentence_tokens.len(),
        candidate_total: candidate.tokens.len(),
    }
}

#[derive(Default)]
struct Scratch {
    reference_unigrams: Vec<u32>,
    candidate_unigrams: Vec<u32>,
    table: Vec<u64>,
    hit_mask: Vec<bool>,
    skip_reference: Vec<u64>,
    skip_candidate: Vec<u64>,
    skip_map: FxHashMap<u64, u32>,
}

/// `sprintf("%7.5f", x)` read back as a number, as the script does with every ratio.
pub(crate) fn round5(value: f64) -> f64 {
    format!("{value:.5}").parse().unwrap_or(value)
}

/// The per-reference score the script compares under `-f B`.
fn best_key(rouge_type: RougeType, counts: Counts) -> f64 {
    if counts.reference_total == 0 {
        return 0.0;
    }
    let recall = counts.hits as f64 / counts.reference_total as f64;
    match rouge_type {
        // computeLCSScore compares the unrounded ratio; the others `%07.5f`.
        RougeType::L => recall,
        _ => round5(recall),
    }
}

/// Combines per-reference counts as `-f A` / `-f B` and reports R, P, F as printed.
fn combine(
    rouge_type: RougeType,
    per_reference: &[Counts],
    multi_ref: MultiRef,
    alpha: f64,
) -> Score {
    let total = match multi_ref {
        MultiRef::Average => per_reference
            .iter()
            .fold(Counts::default(), |acc, c| Counts {
                hits: acc.hits + c.hits,
                reference_total: acc.reference_total + c.reference_total,
                candidate_total: acc.candidate_total + c.candidate_total,
            }),
        MultiRef::Best => {
            let mut best = Counts::default();
            let mut best_score = -1.0;
            for &counts in per_reference {
                let score = best_key(rouge_type, counts);
                if score > best_score {
                    best_score = score;
                    best = counts;
                }
            }
            best
        }
    };
    let recall = if total.reference_total == 0 {
        0.0
    } else {
        round5(total.hits as f64 / total.reference_total as f64)
    };
    let precision = if total.candidate_total == 0 {
        0.0
    } else {
        round5(total.hits as f64 / total.candidate_total as f64)
    };
    let denominator = (1.0 - alpha) * precision + alpha * recall;
    let fmeasure = if denominator > 0.0 {
        round5(precision * recall / denominator)
    } else {
        0.0
    };
    Score {
        precision,
        recall,
        fmeasure,
    }
}

/// Scores `candidate` against `references` for each of `types` as ROUGE-1.5.5 does.
pub(crate) fn score(
    candidate: &str,
    references: &[&str],
    types: &[RougeType],
    stemming: bool,
    multi_ref: MultiRef,
    limit: Option<LengthLimit>,
    alpha: f64,
) -> Vec<(RougeType, Score)> {
    let need_sentences = types.contains(&RougeType::L);
    let mut interner = Interner::new(stemming);
    let candidate = Text::read(candidate, limit, need_sentences, &mut interner);
    let references: Vec<Text> = references
        .iter()
        .map(|r| Text::read(r, limit, need_sentences, &mut interner))
        .collect();
    let vocabulary = interner.len();
    let mut scratch = Scratch {
        reference_unigrams: vec![0; vocabulary],
        candidate_unigrams: vec![0; vocabulary],
        ..Scratch::default()
    };
    let candidate_sentences: Vec<&[u32]> = candidate.sentences().collect();
    let candidate_masks: Vec<SentenceMasks> = candidate_sentences
        .iter()
        .map(|s| SentenceMasks::new(s))
        .collect();
    let mut ngram_map: FxHashMap<&[u32], u32> = FxHashMap::default();
    let mut per_reference = Vec::with_capacity(references.len());
    types
        .iter()
        .map(|&rouge_type| {
            per_reference.clear();
            match rouge_type {
                RougeType::N(n) => {
                    for reference in &references {
                        per_reference.push(ngram_counts(
                            &reference.tokens,
                            &candidate.tokens,
                            n,
                            &mut ngram_map,
                        ));
                    }
                }
                RougeType::SU(skip) => {
                    let mut candidate_grams = std::mem::take(&mut scratch.skip_candidate);
                    skip_bigrams(&candidate.tokens, skip, &mut candidate_grams);
                    for reference in &references {
                        let mut reference_grams = std::mem::take(&mut scratch.skip_reference);
                        skip_bigrams(&reference.tokens, skip, &mut reference_grams);
                        per_reference.push(skip_bigram_counts(
                            &reference_grams,
                            &candidate_grams,
                            &mut scratch.skip_map,
                        ));
                        scratch.skip_reference = reference_grams;
                    }
                    scratch.skip_candidate = candidate_grams;
                }
                RougeType::L | RougeType::LSum => {
                    for reference in &references {
                        per_reference.push(lcs_counts(
                            reference,
                            &candidate,
                            &candidate_sentences,
                            &candidate_masks,
                            &mut scratch,
                        ));
                    }
                }
            }
            (
                rouge_type,
                combine(rouge_type, &per_reference, multi_ref, alpha),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perl_split_counts_a_leading_blank_field() {
        assert_eq!(perl_field_count(b"a b  c"), 3);
        assert_eq!(perl_field_count(b" a b"), 3);
        assert_eq!(perl_field_count(b"   "), 0);
        assert_eq!(prefix_fields(b"a b  c d", 3), b"a b  c");
        assert_eq!(prefix_fields(b" a b", 2), b" a");
    }

    #[test]
    fn word_limit_cuts_inside_the_line_that_reaches_it() {
        let lines: Vec<&[u8]> = vec![b"one two three", b"four five six"];
        assert_eq!(
            read_text(&lines, Some(LengthLimit::Words(4))),
            vec![&b"one two three"[..], b"four"]
        );
    }

    #[test]
    fn byte_limit_for_lcs_does_not_accumulate() {
        let lines: Vec<&[u8]> = vec![b"abcd", b"efgh", b"ijklmnop"];
        assert_eq!(
            read_text(&lines, Some(LengthLimit::Bytes(6))),
            vec![&b"abcd"[..], b"ef"]
        );
        assert_eq!(
            read_text_lcs(&lines, Some(LengthLimit::Bytes(6))),
            vec![&b"abcd"[..], b"efgh", b"ijklmn"]
        );
    }

    #[test]
    fn ngrams_are_clipped() {
        let mut map = FxHashMap::default();
        let counts = ngram_counts(&[1, 2, 1, 2], &[1, 2, 1, 2, 1, 2], 2, &mut map);
        assert_eq!(
            counts,
            Counts {
                hits: 3,
                reference_total: 3,
                candidate_total: 5
            }
        );
        assert_eq!(ngram_counts(&[1], &[1], 2, &mut map).reference_total, 0);
    }

    #[test]
    fn skip_bigrams_skip_the_last_unigram() {
        let mut grams = Vec::new();
        skip_bigrams(&[0, 1, 2], 4, &mut grams);
        let unigram = |a: u64| (a + 1) << 32;
        let pair = |a: u64, b: u64| ((a + 1) << 32) | (b + 1);
        assert_eq!(
            grams,
            vec![unigram(0), pair(0, 1), pair(0, 2), unigram(1), pair(1, 2)]
        );
        skip_bigrams(&[0, 1, 2, 3], 0, &mut grams);
        assert_eq!(grams.len(), 3 + 3);
        skip_bigrams(&[7], 4, &mut grams);
        assert!(grams.is_empty());
    }

    #[test]
    fn lcs_backtracking_prefers_up() {
        // reference "a b", candidate "b a": LCS length 1; going up first marks "a".
        let mut table = Vec::new();
        let mut mask = vec![false; 2];
        mark_lcs_table(&[0, 1], &[1, 0], &mut table, &mut mask);
        assert_eq!(mask, vec![true, false]);
        let mut mask = vec![false; 4];
        mark_lcs_table(&[0, 1, 2, 3], &[0, 2, 3], &mut table, &mut mask);
        assert_eq!(mask, vec![true, false, true, true]);
    }

    #[test]
    fn bit_parallel_marks_equal_the_table() {
        // Deterministic pseudo-random sequences over small alphabets, lengths across the
        // 64-bit word boundary.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |bound: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound) as u32
        };
        let (mut table, mut rows) = (Vec::new(), Vec::new());
        for case in 0u64..400 {
            let alphabet = 2 + case % 6;
            let m = next(90) as usize;
            let n = if case % 10 == 0 {
                64
            } else {
                next(150) as usize
            };
            let reference: Vec<u32> = (0..m).map(|_| next(alphabet)).collect();
            let candidate: Vec<u32> = (0..n).map(|_| next(alphabet)).collect();
            let mut expected = vec![false; m];
            mark_lcs_table(&reference, &candidate, &mut table, &mut expected);
            let mut got = vec![false; m];
            let masks = SentenceMasks::new(&candidate);
            mark_lcs(&reference, &candidate, &masks, &mut rows, &mut got);
            assert_eq!(got, expected, "{reference:?} / {candidate:?}");
        }
    }

    #[test]
    fn union_lcs_over_candidate_sentences() {
        // Lin (2004) section 3.2 example: r = w1..w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5.
        let reference = "w1 w2 w3 w4 w5";
        let candidate = "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5";
        let scores = score(
            candidate,
            &[reference],
            &[RougeType::L],
            false,
            MultiRef::Average,
            None,
            0.5,
        );
        // Union LCS = w1 w2 w3 w5: 4 hits of 5 reference tokens, 4 of 10 candidate tokens.
        assert_eq!(scores[0].1.recall, 0.8);
        assert_eq!(scores[0].1.precision, 0.4);
    }

    #[test]
    fn round5_matches_printf() {
        assert_eq!(round5(2.0 / 3.0), 0.66667);
        assert_eq!(round5(0.5), 0.5);
    }
}
