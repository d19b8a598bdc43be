//! One story: its centroid, coherence and members, the similarity of an
//! article to it, and what it becomes when it closes (one [`StoryStats`],
//! or several when [`crate::split`] finds it holds more than one story).
//!
//! The centroid sums the members' unit-length raw term vectors; IDF is
//! applied when comparing (IDF moves as the stream goes on). Similarity is
//! the cosine to the IDF-weighted centroid times the story's coherence
//! (centroid norm over the sum of its members' norms) to the power
//! [`ClusterConfig::coherence_exponent`](crate::ClusterConfig::coherence_exponent):
//! at 1 this is the group-average similarity to the members (average-link
//! clustering, Voorhees 1986), which keeps a broad topic from absorbing
//! every story about it as its centroid drifts.

use crate::features::{norm, Vocabulary};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// Terms of each member kept for splitting its story when it closes:
/// enough to tell two stories apart, and a bound on a long story's memory.
const SPLIT_TERMS: usize = 64;

/// A cached centroid norm is recomputed once the collection grew by this
/// fraction (1/8) since: IDF, and so the norm, moves slowly with it.
const NORM_REFRESH_DIVISOR: u64 = 8;

/// Highest-weighted centroid terms that label a closed story.
const LABEL_TERMS: usize = 5;

/// A story's members and metrics, handed out when it closes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryStats {
    /// The story number: that of the story as it was open, or a new one for
    /// a part split off it at closing (the part with the earliest member keeps it).
    pub story: u64,
    /// Member article ids in stream order.
    pub articles: Vec<String>,
    /// How many members are near-duplicates of earlier members.
    pub duplicates: usize,
    /// Distinct sources among the members.
    pub sources: usize,
    /// Earliest `published` among the members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_published: Option<String>,
    /// Latest `published` among the members.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_published: Option<String>,
    /// The centroid's highest-weighted terms (stems), a label for people.
    pub top_terms: Vec<String>,
    /// Stream positions of the members (0 for the first article pushed),
    /// parallel to `articles`.
    #[serde(skip)]
    pub positions: Vec<u64>,
    /// For each member, the id of the earlier article it copies, parallel to `articles`.
    #[serde(skip)]
    pub duplicate_of: Vec<Option<String>>,
}

/// One article of a story, kept until the story closes (for splitting it).
#[derive(Debug)]
pub(crate) struct Member {
    pub(crate) id: String,
    /// Stream position (0 for the first article pushed).
    pub(crate) position: u64,
    pub(crate) source: Option<String>,
    /// Publication time in seconds and as written.
    pub(crate) published: Option<(i64, String)>,
    /// Index (in the story) of the member this one copies.
    pub(crate) copy_of: Option<usize>,
    /// The article's highest raw term weights over its raw norm, by term
    /// (`None` for a copy or an article without terms).
    pub(crate) vector: Option<Box<[(u32, f32)]>>,
}

/// An open story.
#[derive(Debug)]
pub(crate) struct Story {
    /// Sum of the members' raw term vectors, each over its own norm.
    centroid: FxHashMap<u32, f64>,
    pub(crate) members: Vec<Member>,
    /// Earliest and latest publication time of the members, in seconds and as written.
    pub(crate) first: Option<(i64, String)>,
    pub(crate) last: Option<(i64, String)>,
    /// Stream sequence number (1-based) of the last member.
    pub(crate) last_seq: u64,
    /// Norm of the IDF-weighted centroid, and the article count it was computed at (0 = stale).
    norm: f64,
    norm_at: u64,
    /// Sum of the members' IDF-weighted norms when they joined.
    spread: f64,
    /// Centroid norm over `spread` when the last member joined, in (0, 1].
    coherence: f64,
    /// Sum of the members' unit embeddings (empty until a member with one
    /// joins); its direction is the story's mean meaning.
    embedding: Vec<f32>,
    /// Norm of `embedding`.
    embedding_norm: f64,
}

impl Story {
    /// A story without members.
    pub(crate) fn new() -> Self {
        Story {
            centroid: FxHashMap::default(),
            members: Vec::new(),
            first: None,
            last: None,
            last_seq: 0,
            norm: 0.0,
            norm_at: 0,
            spread: 0.0,
            coherence: 1.0,
            embedding: Vec::new(),
            embedding_norm: 0.0,
        }
    }

    /// Cosine of the unit embedding `e` to the story's mean embedding, or
    /// `None` when the story has none (of that dimension).
    pub(crate) fn embedding_cosine(&self, e: &[f32]) -> Option<f64> {
        if self.embedding_norm <= 0.0 || self.embedding.len() != e.len() {
            return None;
        }
        Some(f64::from(brief_core::embedding::dot(&self.embedding, e)) / self.embedding_norm)
    }

    /// Adds a member's unit embedding `e` to the story's mean; an embedding
    /// of another dimension than the story's first is ignored.
    pub(crate) fn absorb_embedding(&mut self, e: &[f32]) {
        if self.embedding.is_empty() {
            self.embedding = vec![0.0; e.len()];
        }
        if self.embedding.len() != e.len() {
            return;
        }
        for (sum, x) in self.embedding.iter_mut().zip(e) {
            *sum += x;
        }
        self.embedding_norm = self
            .embedding
            .iter()
            .map(|x| f64::from(*x).powi(2))
            .sum::<f64>()
            .sqrt();
    }

    /// The centroid's raw weight of `term` (0 when absent).
    pub(crate) fn weight(&self, term: u32) -> f64 {
        self.centroid.get(&term).copied().unwrap_or(0.0)
    }

    /// The factor that turns a dot product with the raw centroid into a
    /// similarity, from the last known norm: coherence^β over the norm.
    pub(crate) fn rank_scale(&self, beta: f64) -> f64 {
        let norm = if self.norm > 0.0 { self.norm } else { 1.0 };
        self.coherence.powf(beta) / norm
    }

    /// Norm of the centroid weighted by the IDF of the moment.
    fn centroid_norm(&self, vocabulary: &Vocabulary) -> f64 {
        self.centroid
            .iter()
            .map(|(&t, &c)| (c * vocabulary.idf(t)).powi(2))
            .sum::<f64>()
            .sqrt()
    }

    /// Dot product of an article's IDF-weighted vector with the IDF-weighted
    /// centroid, over the centroid's norm, times coherence^`beta`.
    pub(crate) fn similarity(
        &mut self,
        weighted: &[(u32, f64)],
        vocabulary: &Vocabulary,
        beta: f64,
    ) -> f64 {
        let documents = vocabulary.documents();
        // The norm moves with IDF; refresh it when the story changed or the
        // collection grew enough since it was computed.
        let stale =
            self.norm_at == 0 || documents > self.norm_at + self.norm_at / NORM_REFRESH_DIVISOR;
        if stale {
            self.norm = self.centroid_norm(vocabulary);
            self.norm_at = documents;
        }
        if self.norm == 0.0 {
            return 0.0;
        }
        let dot: f64 = weighted
            .iter()
            .filter_map(|&(t, w)| self.centroid.get(&t).map(|&c| w * c * vocabulary.idf(t)))
            .sum();
        let coherence = if beta > 0.0 {
            self.coherence.powf(beta)
        } else {
            1.0
        };
        dot / self.norm * coherence
    }

    /// Adds an article's raw vector `raw` (of norm `raw_norm` > 0, and
    /// `weighted_norm` once IDF-weighted) to the centroid and recomputes the
    /// coherence; returns the terms new to the centroid, in `raw`'s order.
    pub(crate) fn absorb(
        &mut self,
        raw: &[(u32, f64)],
        raw_norm: f64,
        weighted_norm: f64,
        vocabulary: &Vocabulary,
    ) -> Vec<u32> {
        let mut new_terms = Vec::new();
        for &(t, r) in raw {
            let slot = self.centroid.entry(t).or_insert_with(|| {
                new_terms.push(t);
                0.0
            });
            *slot += r / raw_norm;
        }
        self.spread += weighted_norm / raw_norm;
        // Both norms use the IDF of the moment, so a one-article story has
        // coherence 1; the floor keeps coherence^β positive.
        let norm = self.centroid_norm(vocabulary);
        self.coherence = if self.spread > 0.0 {
            (norm / self.spread).clamp(f64::MIN_POSITIVE, 1.0)
        } else {
            1.0
        };
        self.norm = norm;
        self.norm_at = vocabulary.documents();
        new_terms
    }

    /// The closed-story records of this story, numbered `id` (and numbers
    /// from `next_id` for parts split off it), in order of first member.
    pub(crate) fn close(
        self,
        id: u64,
        next_id: &mut u64,
        split: Split,
        vocabulary: &Vocabulary,
    ) -> Vec<StoryStats> {
        let parts = parts(&self.members, split, vocabulary);
        if parts.len() <= 1 {
            let raw: Vec<(u32, f64)> = self.centroid.iter().map(|(&t, &c)| (t, c)).collect();
            let all: Vec<usize> = (0..self.members.len()).collect();
            return vec![stats(id, &self.members, &all, top_terms(raw, vocabulary))];
        }
        let mut out = Vec::with_capacity(parts.len());
        for (k, part) in parts.iter().enumerate() {
            let id = if k == 0 {
                id
            } else {
                *next_id += 1;
                *next_id - 1
            };
            let mut weights: FxHashMap<u32, f64> = FxHashMap::default();
            for &m in part {
                for &(t, w) in self.members[m].vector.iter().flatten() {
                    *weights.entry(t).or_insert(0.0) += f64::from(w);
                }
            }
            let top = top_terms(weights.into_iter().collect(), vocabulary);
            out.push(stats(id, &self.members, part, top));
        }
        out
    }
}

/// When a closing story is split ([`crate::split`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Split {
    /// [`ClusterConfig::split_ratio`](crate::ClusterConfig::split_ratio).
    pub(crate) ratio: f64,
    /// [`ClusterConfig::split_min_members`](crate::ClusterConfig::split_min_members),
    /// at least 2 (a part of one is not a story).
    pub(crate) min_members: usize,
}

/// The [`LABEL_TERMS`] highest-weighted terms of raw weights `raw` once IDF-weighted.
fn top_terms(raw: Vec<(u32, f64)>, vocabulary: &Vocabulary) -> Vec<String> {
    let mut top: Vec<(u32, f64)> = raw
        .into_iter()
        .map(|(t, c)| (t, c * vocabulary.idf(t)))
        .collect();
    top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    top.iter()
        .take(LABEL_TERMS)
        .map(|&(t, _)| vocabulary.term(t).to_owned())
        .collect()
}

/// A closing story's members in groups, one per story they hold
/// ([`crate::split`]); the first group holds the first member. Copies
/// and members without content go with what they copy (or the first group).
fn parts(members: &[Member], split: Split, vocabulary: &Vocabulary) -> Vec<Vec<usize>> {
    let whole = || vec![(0..members.len()).collect::<Vec<usize>>()];
    let min = split.min_members.max(2);
    let content: Vec<usize> = (0..members.len())
        .filter(|&i| members[i].vector.is_some())
        .collect();
    if split.ratio <= 0.0 || content.len() < 2 * min {
        return whole();
    }
    let vectors: Vec<Vec<(u32, f64)>> = content
        .iter()
        .map(|&i| {
            let weighted: Vec<(u32, f64)> = members[i]
                .vector
                .iter()
                .flatten()
                .map(|&(t, w)| (t, f64::from(w) * vocabulary.idf(t)))
                .collect();
            let n = norm(&weighted);
            weighted
                .into_iter()
                .map(|(t, w)| (t, if n > 0.0 { w / n } else { 0.0 }))
                .collect()
        })
        .collect();
    let refs: Vec<&[(u32, f64)]> = vectors.iter().map(Vec::as_slice).collect();
    let groups = crate::split::split(&refs, split.ratio, min);
    if groups.len() <= 1 {
        return whole();
    }
    let mut group_of = vec![0usize; members.len()];
    for (g, group) in groups.iter().enumerate() {
        for &c in group {
            group_of[content[c]] = g;
        }
    }
    for i in 0..members.len() {
        if members[i].vector.is_some() {
            continue;
        }
        // Follow the copy chain back to an article with content; each
        // link points at an earlier member, so the walk ends.
        let mut at = i;
        while let Some(original) = members[at].copy_of.filter(|&o| o < at) {
            at = original;
        }
        group_of[i] = if members[at].vector.is_some() {
            group_of[at]
        } else {
            group_of[0]
        };
    }
    // Renumber so that groups are ordered by their first member.
    let mut order: Vec<usize> = Vec::new();
    for &g in &group_of {
        if !order.contains(&g) {
            order.push(g);
        }
    }
    let mut parts = vec![Vec::new(); order.len()];
    for (i, g) in group_of.iter().enumerate() {
        if let Some(k) = order.iter().position(|o| o == g) {
            parts[k].push(i);
        }
    }
    parts
}

/// The closed-story record of `part` (member indices, ascending) of `members`.
fn stats(story: u64, members: &[Member], part: &[usize], top_terms: Vec<String>) -> StoryStats {
    let mut first: Option<&(i64, String)> = None;
    let mut last: Option<&(i64, String)> = None;
    let mut sources: FxHashSet<&str> = FxHashSet::default();
    for &i in part {
        let m = &members[i];
        if let Some(p) = &m.published {
            if first.is_none_or(|f| p.0 < f.0) {
                first = Some(p);
            }
            if last.is_none_or(|l| p.0 > l.0) {
                last = Some(p);
            }
        }
        if let Some(src) = &m.source {
            sources.insert(src);
        }
    }
    let duplicate_of: Vec<Option<String>> = part
        .iter()
        .map(|&i| members[i].copy_of.map(|o| members[o].id.clone()))
        .collect();
    StoryStats {
        story,
        articles: part.iter().map(|&i| members[i].id.clone()).collect(),
        duplicates: duplicate_of.iter().flatten().count(),
        sources: sources.len(),
        first_published: first.map(|f| f.1.clone()),
        last_published: last.map(|l| l.1.clone()),
        top_terms,
        positions: part.iter().map(|&i| members[i].position).collect(),
        duplicate_of,
    }
}

/// An article's raw term weights over their norm, its [`SPLIT_TERMS`]
/// highest only, sorted by term.
pub(crate) fn member_vector(raw: &[(u32, f64)], raw_norm: f64) -> Box<[(u32, f32)]> {
    let mut top: Vec<(u32, f64)> = raw.to_vec();
    if top.len() > SPLIT_TERMS {
        top.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(SPLIT_TERMS);
        top.sort_unstable_by_key(|&(t, _)| t);
    }
    top.into_iter()
        .map(|(t, w)| (t, (w / raw_norm) as f32))
        .collect()
}
