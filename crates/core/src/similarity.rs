//! Sentence vectors and similarities over interned terms.
//!
//! Sparse vectors are `(term, weight)` pairs sorted by term, so a dot product
//! is one linear merge.

use crate::prepare::{PreparedCluster, TermId};
use rustc_hash::FxHashMap;

/// A sparse vector sorted by term id.
pub type SparseVec = Vec<(TermId, f64)>;

/// Inverse document frequencies, where the "documents" are chosen by the caller.
#[derive(Debug, Clone)]
pub struct Idf {
    values: Vec<f64>,
}

impl Idf {
    /// IDF with each sentence as a document (LexRank's convention):
    /// `ln(N / df)`, floored so that a term in every sentence still counts a little.
    pub fn over_sentences(p: &PreparedCluster<'_>) -> Self {
        let mut df = vec![0u32; p.vocab.len()];
        let mut seen: Vec<u32> = vec![u32::MAX; p.vocab.len()];
        for (i, s) in p.sentences.iter().enumerate() {
            for &t in &s.terms {
                if seen[t as usize] != i as u32 {
                    seen[t as usize] = i as u32;
                    df[t as usize] += 1;
                }
            }
        }
        Idf::from_df(&df, p.sentences.len())
    }

    /// IDF with each document of the cluster as a document.
    pub fn over_documents(p: &PreparedCluster<'_>) -> Self {
        let df = document_frequencies(p);
        Idf::from_df(&df, p.num_docs())
    }

    fn from_df(df: &[u32], n: usize) -> Self {
        let n = n.max(1) as f64;
        let values = df
            .iter()
            .map(|&d| ((n + 1.0) / (d as f64 + 0.5)).ln().max(0.05))
            .collect();
        Idf { values }
    }

    /// The IDF of a term.
    pub fn get(&self, t: TermId) -> f64 {
        self.values.get(t as usize).copied().unwrap_or(0.0)
    }
}

/// Number of documents of the cluster each term occurs in (headlines excluded).
pub fn document_frequencies(p: &PreparedCluster<'_>) -> Vec<u32> {
    let mut df = vec![0u32; p.vocab.len()];
    let mut seen: Vec<u32> = vec![u32::MAX; p.vocab.len()];
    for s in &p.sentences {
        for &t in &s.terms {
            if seen[t as usize] != s.doc as u32 {
                seen[t as usize] = s.doc as u32;
                df[t as usize] += 1;
            }
        }
    }
    df
}

/// Term frequencies of `terms` as a sorted sparse vector.
pub fn term_counts(terms: &[TermId]) -> SparseVec {
    let mut sorted = terms.to_vec();
    sorted.sort_unstable();
    let mut out: SparseVec = Vec::with_capacity(sorted.len());
    for t in sorted {
        match out.last_mut() {
            Some((last, c)) if *last == t => *c += 1.0,
            _ => out.push((t, 1.0)),
        }
    }
    out
}

/// TF-IDF vector of `terms`, L2-normalized (empty stays empty).
pub fn tfidf(terms: &[TermId], idf: &Idf) -> SparseVec {
    let mut v = term_counts(terms);
    for (t, w) in v.iter_mut() {
        *w *= idf.get(*t);
    }
    normalize(&mut v);
    v
}

/// Scales `v` to unit L2 norm (no-op for the zero vector).
pub fn normalize(v: &mut SparseVec) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Dot product of two sorted sparse vectors.
pub fn dot(a: &[(TermId, f64)], b: &[(TermId, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The TF-IDF centroid of all sentences (sum of unit vectors, renormalized).
pub fn centroid(vectors: &[SparseVec]) -> SparseVec {
    let mut acc: FxHashMap<TermId, f64> = FxHashMap::default();
    for v in vectors {
        for &(t, w) in v {
            *acc.entry(t).or_default() += w;
        }
    }
    let mut out: SparseVec = acc.into_iter().collect();
    out.sort_unstable_by_key(|&(t, _)| t);
    normalize(&mut out);
    out
}

/// Pairwise cosine similarity matrix of unit vectors (row-major, n × n).
pub fn cosine_matrix(vectors: &[SparseVec]) -> Vec<f64> {
    let n = vectors.len();
    let mut m = vec![0.0; n * n];
    for i in 0..n {
        m[i * n + i] = if vectors[i].is_empty() { 0.0 } else { 1.0 };
        for j in (i + 1)..n {
            let s = dot(&vectors[i], &vectors[j]);
            m[i * n + j] = s;
            m[j * n + i] = s;
        }
    }
    m
}

/// The sorted, deduplicated term set of a sentence.
pub fn term_set(terms: &[TermId]) -> Vec<TermId> {
    let mut s = terms.to_vec();
    s.sort_unstable();
    s.dedup();
    s
}

/// Size of the intersection of two sorted sets (of two sorted multisets:
/// the multiset intersection).
pub fn intersection_size<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_of_unit_vector_with_itself_is_one() {
        let mut v: SparseVec = vec![(1, 2.0), (4, 1.0), (9, 2.0)];
        normalize(&mut v);
        assert!((dot(&v, &v) - 1.0).abs() < 1e-12);
        assert_eq!(dot(&v, &[(2, 1.0)]), 0.0);
    }

    #[test]
    fn term_counts_merge_repeats() {
        assert_eq!(term_counts(&[3, 1, 3]), vec![(1, 1.0), (3, 2.0)]);
        assert_eq!(intersection_size(&[1, 3, 5], &[3, 4, 5]), 2);
    }
}
