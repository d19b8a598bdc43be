//! Cross-source copy detection: which sentences one article took from
//! another, grouped into copy families.
//!
//! Two sentences of different documents are copies when
//!
//! - their word 3-shingle sets (words lowercased, aliases rewritten to one
//!   token per actor by [`AliasTable::canonical_text`]) have a Jaccard
//!   resemblance of at least [`CopyConfig::min_jaccard`] (0.5) — Broder,
//!   1997, "On the resemblance and containment of documents"; sentences
//!   shorter than three words are one shingle, so they match only exactly; or
//! - both carry a direct quotation of at least [`CopyConfig::quote_min_words`]
//!   (8) words and the two quotations' word sequences agree with a
//!   Ratcliff/Obershelp-style ratio `2·LCS / (|a| + |b|)` of at least
//!   [`CopyConfig::min_quote_similarity`] (0.6): the same quote translated or
//!   transcribed twice ("the level of trust ... has degraded").
//!
//! Resemblance is computed exactly, not estimated with MinHash: a cluster
//! holds hundreds of sentences, and an inverted index from shingle to
//! sentences yields the candidate pairs (those sharing a shingle), so exact
//! Jaccard costs less than building MinHash signatures and has no false
//! negatives near the threshold. Linked sentences are grouped into families
//! with union-find (Tarjan, 1975).
//!
//! The threshold 0.5 is where one source's sentence with a clause changed
//! ("... between the two world powers" / "... between the former Cold War
//! foes") still links, while two different sentences about the same event
//! (which share names and a few words, rarely three in a row) do not.

use super::aliases::AliasTable;
use crate::model::Span;
use crate::prepare::PreparedCluster;
use crate::similarity::intersection_size;
use crate::text::calendar::parse_iso_date;
use crate::text::quote_marks::quote_marks;
use serde::{Deserialize, Serialize};

/// Thresholds of copy detection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyConfig {
    /// Words per shingle.
    pub shingle_words: usize,
    /// Least Jaccard resemblance of shingle sets for a copy.
    pub min_jaccard: f64,
    /// Shortest quotation (in words) compared as a paraphrased quote.
    pub quote_min_words: usize,
    /// Least `2·LCS/(|a|+|b|)` of two quotations' words for a copy.
    pub min_quote_similarity: f64,
}

impl Default for CopyConfig {
    fn default() -> Self {
        CopyConfig {
            shingle_words: 3,
            min_jaccard: 0.5,
            quote_min_words: 8,
            min_quote_similarity: 0.6,
        }
    }
}

/// One sentence of a copy family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyMember {
    /// Index of the document in the cluster.
    pub doc: usize,
    /// Id of the document.
    pub doc_id: String,
    /// Position among the document's body sentences (as in summaries).
    pub sentence: usize,
    /// Byte span of the sentence in the document's text.
    pub span: Span,
    /// The sentence text.
    pub text: String,
}

/// Sentences that are copies of each other across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyFamily {
    /// Family number (0-based, in order of first appearance).
    pub id: usize,
    /// Members in document order.
    pub members: Vec<CopyMember>,
    /// Index in `members` of the earliest source: the member from the
    /// earliest-dated document, or the first document when dates are unknown.
    pub first: usize,
    /// The distinct documents the family spans, ascending.
    pub documents: Vec<usize>,
    /// Whether all members are the same text up to case and punctuation.
    pub exact: bool,
}

/// Copy families of a cluster and what share of each document they cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyReport {
    /// Families, in order of first appearance.
    pub families: Vec<CopyFamily>,
    /// `overlap[i][j]`: share of document `i`'s sentences that have a copy in
    /// document `j` (1 on the diagonal). Only for clusters of at most
    /// [`MAX_OVERLAP_MATRIX`] documents (empty beyond: see `overlap_top`).
    pub overlap: Vec<Vec<f64>>,
    /// For clusters of more than [`MAX_OVERLAP_MATRIX`] documents, instead
    /// of the matrix: for each document, the (at most
    /// [`OVERLAP_NEIGHBOURS`]) documents holding copies of most of its
    /// sentences, by document, then share descending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overlap_top: Vec<DocumentOverlap>,
}

/// Largest cluster (in documents) whose full overlap matrix is reported.
pub const MAX_OVERLAP_MATRIX: usize = 100;

/// Beyond [`MAX_OVERLAP_MATRIX`] documents, how many other documents are
/// reported for each document.
pub const OVERLAP_NEIGHBOURS: usize = 10;

/// One cell of the overlap matrix: the share of `doc`'s sentences that
/// have a copy in `other`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DocumentOverlap {
    /// The document whose sentences are counted.
    pub doc: usize,
    /// The document holding copies of them.
    pub other: usize,
    /// Share of `doc`'s sentences copied in `other`, in (0, 1].
    pub share: f64,
}

/// For each sentence of `p`, the family it belongs to (by index into the
/// returned families), and the families.
pub fn copy_families(
    p: &PreparedCluster<'_>,
    aliases: &AliasTable,
    config: &CopyConfig,
) -> (Vec<CopyFamily>, Vec<Option<usize>>) {
    let n = p.sentences.len();
    let words: Vec<Vec<u64>> = (0..n)
        .map(|i| canonical_word_hashes(aliases, p.text(i)))
        .collect();
    let groups = copy_groups(p, aliases, &words, config);
    let mut family_of = vec![None; n];
    let families = groups
        .into_iter()
        .enumerate()
        .map(|(id, members)| {
            for &i in &members {
                family_of[i] = Some(id);
            }
            build_family(p, id, &members, &words)
        })
        .collect();
    (families, family_of)
}

/// The copy family of each sentence of `p` (numbered as by
/// [`copy_families`]), from the word hashes of the sentences'
/// alias-canonical texts ([`word_hash`] of each word).
pub(crate) fn family_of_sentences(
    p: &PreparedCluster<'_>,
    aliases: &AliasTable,
    words: &[Vec<u64>],
    config: &CopyConfig,
) -> Vec<Option<usize>> {
    let mut family_of = vec![None; p.sentences.len()];
    for (id, members) in copy_groups(p, aliases, words, config)
        .into_iter()
        .enumerate()
    {
        for i in members {
            family_of[i] = Some(id);
        }
    }
    family_of
}

/// Sentences linked as copies, as sorted groups of two or more, in order of
/// first sentence.
fn copy_groups(
    p: &PreparedCluster<'_>,
    aliases: &AliasTable,
    words: &[Vec<u64>],
    config: &CopyConfig,
) -> Vec<Vec<usize>> {
    let n = p.sentences.len();
    let shingles: Vec<Vec<u64>> = words
        .iter()
        .map(|w| shingle_set(w, config.shingle_words.max(1)))
        .collect();
    let mut sets = DisjointSets::new(n);

    // Candidate pairs share at least one shingle. A shingle found in more
    // than MAX_POSTING sentences (boilerplate in a huge cluster) proposes no
    // pairs, so the work stays near-linear; its pairs still share rarer
    // shingles, and resemblance is then computed exactly on the full sets.
    let other_docs = |a: usize, b: usize| p.sentences[a].doc != p.sentences[b].doc;
    for (a, b) in candidate_pairs(&shingles, other_docs) {
        let common = intersection_size(&shingles[a], &shingles[b]);
        let union = shingles[a].len() + shingles[b].len() - common;
        if union > 0 && common as f64 >= config.min_jaccard * union as f64 {
            sets.union(a, b);
        }
    }

    // Paraphrased quotations.
    let quotes: Vec<(usize, Vec<u64>)> = (0..n)
        .flat_map(|i| {
            let text = p.text(i);
            quote_marks(text)
                .into_iter()
                .map(move |q| (i, &text[q.inner.range()]))
        })
        .filter(|(_, q)| q.split_whitespace().count() >= config.quote_min_words)
        .map(|(i, q)| (i, canonical_word_hashes(aliases, q)))
        .filter(|(_, w)| w.len() >= config.quote_min_words)
        .collect();
    // Each quotation's words as a sorted bag, made once for all its pairs.
    let bags: Vec<Vec<u64>> = quotes
        .iter()
        .map(|(_, w)| {
            let mut bag = w.clone();
            bag.sort_unstable();
            bag
        })
        .collect();
    for (x, (a, qa)) in quotes.iter().enumerate() {
        for (y, (b, qb)) in quotes.iter().enumerate().skip(x + 1) {
            if p.sentences[*a].doc != p.sentences[*b].doc
                && bag_ratio(&bags[x], &bags[y]) >= config.min_quote_similarity
                && lcs_ratio(qa, qb) >= config.min_quote_similarity
            {
                sets.union(*a, *b);
            }
        }
    }

    // Components of two or more sentences, in order of first sentence.
    let mut group_of_root = vec![usize::MAX; n];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in 0..n {
        let root = sets.find(i);
        if sets.size[root] < 2 {
            continue;
        }
        if group_of_root[root] == usize::MAX {
            group_of_root[root] = groups.len();
            groups.push(Vec::new());
        }
        groups[group_of_root[root]].push(i);
    }
    groups
}

/// Copy families and the document overlap matrix of `p`.
pub fn copy_report(
    p: &PreparedCluster<'_>,
    aliases: &AliasTable,
    config: &CopyConfig,
) -> CopyReport {
    let (families, family_of) = copy_families(p, aliases, config);
    report_from_families(p, families, &family_of)
}

/// The report of families already found (`family_of` as returned by
/// [`copy_families`]).
pub fn report_from_families(
    p: &PreparedCluster<'_>,
    families: Vec<CopyFamily>,
    family_of: &[Option<usize>],
) -> CopyReport {
    let d = p.num_docs();
    let dense = d <= MAX_OVERLAP_MATRIX;
    let mut overlap = Vec::new();
    let mut overlap_top = Vec::new();
    // Copied sentences of one document, by other document: only the
    // documents its families reach are counted, so the work and memory
    // follow the copies, not the square of the document count.
    let mut copied = vec![0usize; d];
    let mut touched: Vec<usize> = Vec::new();
    for i in 0..d {
        let range = p.doc_sentences[i].clone();
        let total = range.len();
        for s in range {
            for &j in family_of[s].map_or(&[][..], |f| &families[f].documents) {
                if j != i {
                    if copied[j] == 0 {
                        touched.push(j);
                    }
                    copied[j] += 1;
                }
            }
        }
        if dense {
            let mut row = vec![0.0; d];
            row[i] = 1.0;
            for &j in &touched {
                row[j] = copied[j] as f64 / total as f64;
            }
            overlap.push(row);
        } else {
            let mut top: Vec<DocumentOverlap> = touched
                .iter()
                .map(|&j| DocumentOverlap {
                    doc: i,
                    other: j,
                    share: copied[j] as f64 / total as f64,
                })
                .collect();
            top.sort_by(|a, b| b.share.total_cmp(&a.share).then(a.other.cmp(&b.other)));
            top.truncate(OVERLAP_NEIGHBOURS);
            overlap_top.extend(top);
        }
        for j in touched.drain(..) {
            copied[j] = 0;
        }
    }
    CopyReport {
        families,
        overlap,
        overlap_top,
    }
}

fn build_family(
    p: &PreparedCluster<'_>,
    id: usize,
    members: &[usize],
    words: &[Vec<u64>],
) -> CopyFamily {
    let docs = &p.cluster.documents;
    let first = members
        .iter()
        .enumerate()
        .min_by_key(|&(_, &i)| {
            let s = &p.sentences[i];
            let date = docs[s.doc].date.as_deref().and_then(parse_iso_date);
            // Dated documents first (earliest date), then document order.
            (date.is_none(), date, s.doc, s.position)
        })
        .map_or(0, |(k, _)| k);
    let mut documents: Vec<usize> = members.iter().map(|&i| p.sentences[i].doc).collect();
    documents.dedup();
    documents.sort_unstable();
    documents.dedup();
    let exact = members.windows(2).all(|w| words[w[0]] == words[w[1]]);
    CopyFamily {
        id,
        members: members
            .iter()
            .map(|&i| {
                let s = &p.sentences[i];
                CopyMember {
                    doc: s.doc,
                    doc_id: docs[s.doc].id.clone(),
                    sentence: s.position,
                    span: s.span,
                    text: p.text(i).to_owned(),
                }
            })
            .collect(),
        first,
        documents,
        exact,
    }
}

/// FNV-1a hashes of the lowercased words of [`AliasTable::canonical_text`]
/// of `text` (stable across runs and platforms, and cheap to compare and
/// combine), without writing that text: each canonical word hashed without
/// its periods, as the text writes it (a word of periods alone would be no
/// word there).
fn canonical_word_hashes(aliases: &AliasTable, text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    aliases.for_each_canonical_word(text, |w| {
        if w.bytes().any(|b| b != b'.') {
            out.push(word_hash(w, true));
        }
    });
    out
}

/// FNV-1a hash of one lowercased word; with `skip_periods`, of the word
/// without its periods (as [`AliasTable::canonical_text`] writes it).
pub(crate) fn word_hash(word: &str, skip_periods: bool) -> u64 {
    if word.is_ascii() {
        // The same hash without decoding: an ASCII character lowercases to
        // one ASCII character.
        return word
            .bytes()
            .filter(|&b| !(skip_periods && b == b'.'))
            .fold(FNV_OFFSET, |h, b| fnv(h, u64::from(b.to_ascii_lowercase())));
    }
    word.chars()
        .filter(|&c| !(skip_periods && c == '.'))
        .flat_map(char::to_lowercase)
        .fold(FNV_OFFSET, |h, c| fnv(h, u64::from(u32::from(c))))
}

/// FNV-1a's offset basis.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step.
pub(crate) fn fnv(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x0100_0000_01b3)
}

/// Hashes of the distinct `k`-word shingles of `words` (one shingle of all
/// words when there are fewer than `k`).
fn shingle_set(words: &[u64], k: usize) -> Vec<u64> {
    let mut out: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else if words.len() < k {
        vec![hash_words(words)]
    } else {
        words.windows(k).map(hash_words).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// Shingles shared by more sentences than this propose no candidate pairs.
const MAX_POSTING: usize = 256;

/// The pairs of sentences (`a < b`, ascending, each once) that share a
/// shingle whose posting list is at most [`MAX_POSTING`] long and that
/// `keep` accepts.
///
/// The index is one sorted list of (shingle, sentence) entries, each
/// packed into one word — the shingle's top bits over the sentence's index,
/// in as few bits as the cluster's size needs — and each pair into
/// another, so both sorts compare plain integers: each run of one shingle
/// is its posting list, sentences ascending. Two shingles that agree on
/// their top bits share a list: at most a pair more to compare, whose
/// resemblance is then computed exactly on the full shingles; a shared
/// list too long to propose pairs is split back into its shingles from the
/// sentences' sorted sets, so no pair of [`plain_candidate_pairs`] is lost.
/// A cluster holds far fewer than 2^32 sentences (each is a prepared
/// sentence in memory), so a pair's two indices fit one word.
fn candidate_pairs(
    shingles: &[Vec<u64>],
    keep: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let index_bits = u64::BITS - (shingles.len().max(2) as u64 - 1).leading_zeros();
    debug_assert!(index_bits <= 32);
    let low: u64 = (1 << index_bits) - 1;
    let mut index: Vec<u64> = shingles
        .iter()
        .enumerate()
        .flat_map(|(i, set)| set.iter().map(move |&h| (h & !low) | i as u64))
        .collect();
    index.sort_unstable();
    let mut pairs: Vec<u64> = Vec::new();
    // Pairs of the sentences of one posting list, given as entries whose
    // low bits are the sentence.
    let propose = |posting: &[u64], pairs: &mut Vec<u64>| {
        for (x, &a) in posting.iter().enumerate() {
            let a = a & low;
            for &b in &posting[x + 1..] {
                let b = b & low;
                if a != b && keep(a as usize, b as usize) {
                    pairs.push((a << 32) | b);
                }
            }
        }
    };
    for posting in index.chunk_by(|a, b| a & !low == b & !low) {
        if posting.len() <= MAX_POSTING {
            propose(posting, &mut pairs);
            continue;
        }
        // Too long — unless it is several shingles that share their top
        // bits: each is read back whole from its sentence's sorted set, and
        // each one's own list proposes its pairs as the plain index would.
        let prefix = posting[0] & !low;
        let mut whole: Vec<(u64, u64)> = Vec::new();
        for &e in posting {
            let i = e & low;
            let set = &shingles[i as usize];
            let from = set.partition_point(|&h| h < prefix);
            whole.extend(
                set[from..]
                    .iter()
                    .take_while(|&&h| h & !low == prefix)
                    .map(|&h| (h, i)),
            );
        }
        whole.sort_unstable();
        whole.dedup();
        for one in whole
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|p| p.len() <= MAX_POSTING)
        {
            let sentences: Vec<u64> = one.iter().map(|&(_, i)| i).collect();
            propose(&sentences, &mut pairs);
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|pair| ((pair >> 32) as usize, (pair & u64::from(u32::MAX)) as usize))
        .collect()
}

/// [`candidate_pairs`] read off an index of whole (shingle, sentence)
/// entries: what the packed index must give.
#[cfg(test)]
fn plain_candidate_pairs(
    shingles: &[Vec<u64>],
    keep: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut index: Vec<(u64, usize)> = shingles
        .iter()
        .enumerate()
        .flat_map(|(i, set)| set.iter().map(move |&h| (h, i)))
        .collect();
    index.sort_unstable();
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for posting in index
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|p| p.len() <= MAX_POSTING)
    {
        for (x, &(_, a)) in posting.iter().enumerate() {
            for &(_, b) in &posting[x + 1..] {
                if keep(a, b) {
                    candidates.push((a, b));
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// `2·|a ∩ b| / (|a| + |b|)` over word multisets given sorted: an upper
/// bound of [`lcs_ratio`] in linear time, to skip the quadratic LCS for
/// unrelated quotes.
fn bag_ratio(sorted_a: &[u64], sorted_b: &[u64]) -> f64 {
    let n = intersection_size(sorted_a, sorted_b);
    if sorted_a.is_empty() && sorted_b.is_empty() {
        1.0
    } else {
        2.0 * n as f64 / (sorted_a.len() + sorted_b.len()) as f64
    }
}

/// One hash for a word sequence (FNV-1a over the word hashes).
fn hash_words(words: &[u64]) -> u64 {
    words.iter().fold(FNV_OFFSET, |h, &w| fnv(h, w))
}

/// `2·LCS(a, b) / (|a| + |b|)` over words.
pub fn lcs_ratio<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

/// Union-find with path halving and union by size.
struct DisjointSets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cluster, Document};
    use crate::Pipeline;

    /// FNV-1a hashes of the lowercased words of `text`, split at
    /// whitespace: what [`canonical_word_hashes`] must give for the
    /// canonical text written out.
    fn word_hashes(text: &str) -> Vec<u64> {
        text.split_whitespace()
            .map(|w| word_hash(w, false))
            .collect()
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn packed_candidate_pairs_are_the_plain_ones() {
        // Sets of shingles with shared, rare and over-shared values, sentence
        // i in document i % 3.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let common: Vec<u64> = (0..40).map(|_| next()).collect();
        let shingles: Vec<Vec<u64>> = (0..300)
            .map(|i| {
                let mut set: Vec<u64> = (0..12)
                    .map(|k| {
                        if k % 3 == 0 {
                            common[(i * 7 + k) % 40]
                        } else {
                            next()
                        }
                    })
                    .collect();
                if i % 5 == 0 {
                    // In every fifth sentence: more than MAX_POSTING? No —
                    // in all 300, which proposes no pairs.
                    set.push(42);
                }
                set.push(7);
                set.sort_unstable();
                set.dedup();
                set
            })
            .collect();
        let keep = |a: usize, b: usize| a % 3 != b % 3;
        let plain = plain_candidate_pairs(&shingles, keep);
        assert!(!plain.is_empty());
        assert_eq!(candidate_pairs(&shingles, keep), plain);
    }

    #[test]
    fn lcs_ratio_matches_hand_computed_values() {
        assert_eq!(lcs_ratio(&words("a b c d"), &words("a b c d")), 1.0);
        // LCS of "a b c d" and "a x c d" is "a c d": 2·3/8.
        assert!((lcs_ratio(&words("a b c d"), &words("a x c d")) - 0.75).abs() < 1e-12);
        assert_eq!(lcs_ratio(&words("a b"), &words("c d")), 0.0);
    }

    proptest::proptest! {
        #[test]
        fn word_hash_of_ascii_equals_hash_of_chars(word in "[ -~]{0,12}", skip_periods: bool) {
            let by_chars = word
                .chars()
                .filter(|&c| !(skip_periods && c == '.'))
                .flat_map(char::to_lowercase)
                .fold(FNV_OFFSET, |h, c| fnv(h, u64::from(u32::from(c))));
            proptest::prop_assert_eq!(word_hash(&word, skip_periods), by_chars);
        }

        #[test]
        fn canonical_word_hashes_are_those_of_the_canonical_text(
            text in "((the |The )?(U\\.S\\.|US|Moscow's|Russian Federation|Kremlin|Ja'afari|J\\.K\\.|A\\.B\\.C|ÉTAT|wasn't|\\.\\.\\.|[a-zA-Z0-9.'’ -]{0,8}) ){0,8}",
        ) {
            let aliases = AliasTable::gazetteer();
            proptest::prop_assert_eq!(
                canonical_word_hashes(&aliases, &text),
                word_hashes(&aliases.canonical_text(&text))
            );
        }

        #[test]
        fn bag_ratio_bounds_lcs_ratio(a in proptest::collection::vec(0u64..6, 0..12),
                                      b in proptest::collection::vec(0u64..6, 0..12)) {
            let (mut sorted_a, mut sorted_b) = (a.clone(), b.clone());
            sorted_a.sort_unstable();
            sorted_b.sort_unstable();
            proptest::prop_assert!(lcs_ratio(&a, &b) <= bag_ratio(&sorted_a, &sorted_b) + 1e-12);
        }
    }

    #[test]
    fn threshold_separates_copies_from_topical_neighbours() {
        let cluster = Cluster::new(
            "c",
            vec![
                Document::new("a", "The palpable tension hanging over Tillerson's trip spoke to a widening chasm between the two world powers. Russia vetoed the resolution on Wednesday."),
                Document::new("b", "The palpable tension hanging over Tillerson's trip spoke to a widening chasm between the former Cold War foes. Russia's veto angered Washington on Wednesday."),
                Document::new("c", "Russian Federation vetoed the resolution on Wednesday. It rained."),
            ],
        );
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let (families, family_of) =
            copy_families(&p, &AliasTable::gazetteer(), &CopyConfig::default());
        assert_eq!(families.len(), 2, "{families:#?}");
        // The edited copy links; the alias-only difference links; the topical
        // neighbour ("Russia's veto angered Washington") does not.
        assert_eq!(families[0].documents, [0, 1]);
        assert!(!families[0].exact);
        assert_eq!(families[1].documents, [0, 2]);
        assert!(families[1].exact);
        assert_eq!(family_of[3], None);
    }

    #[test]
    fn earliest_dated_document_is_the_first_source() {
        let mut a = Document::new(
            "a",
            "The strike was ordered by the president on Thursday night.",
        );
        a.date = Some("2017-04-08".into());
        let mut b = Document::new(
            "b",
            "The strike was ordered by the president on Thursday night.",
        );
        b.date = Some("2017-04-07T10:00:00Z".into());
        let cluster = Cluster::new("c", vec![a, b]);
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let report = copy_report(&p, &AliasTable::gazetteer(), &CopyConfig::default());
        assert_eq!(report.families.len(), 1);
        let f = &report.families[0];
        assert_eq!(f.members[f.first].doc, 1);
        assert_eq!(report.overlap, vec![vec![1.0, 1.0], vec![1.0, 1.0]]);
    }
}
