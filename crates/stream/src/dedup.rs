//! Near-duplicate detection over a stream: MinHash signatures of word
//! shingles, LSH banding to find candidates, and the signature agreement
//! (an estimate of Jaccard similarity) to confirm them.
//!
//! References: A. Broder, "On the resemblance and containment of documents"
//! (1997) for MinHash over shingles; Leskovec, Rajaraman & Ullman, *Mining of
//! Massive Datasets*, ch. 3, for banding (with `b` bands of `r` rows a pair of
//! Jaccard similarity `s` becomes a candidate with probability
//! `1 - (1 - s^r)^b`; the defaults, 16 bands of 4 rows, catch a pair at
//! s = 0.8 with probability 0.9995 and one at s = 0.3 with probability 0.12).
//!
//! Hand-written rather than taken from `gaoya` or `probminhash`: the stream
//! needs deletion of old entries (a time window and a cap bound memory),
//! a hash family that is stable across platforms and runs (so results are
//! reproducible), and no thread pool; the whole thing is ~150 lines.

use crate::{Error, Result};
use brief_core::text::{Tokenizer, WordTokenizer};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Settings of [`NearDuplicates`] (part of [`ClusterConfig`](crate::ClusterConfig)).
///
/// In JSON every field may be left out (it takes its default) and an
/// unknown field is an error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DedupConfig {
    /// Words per shingle (default 5).
    pub shingle_words: usize,
    /// LSH bands; the signature has `bands * rows` hash functions (default 16).
    pub bands: usize,
    /// Rows per band (default 4).
    pub rows: usize,
    /// An article is a copy when its estimated Jaccard similarity to an
    /// earlier one is at least this (default 0.8).
    pub threshold: f64,
    /// Earlier articles kept for matching, oldest dropped first (default 200,000).
    pub max_articles: usize,
    /// Articles older than this many seconds before the newest dated one are
    /// dropped. `None` (the default) sets no window of its own: in a
    /// [`StoryClusterer`](crate::StoryClusterer) copies are then remembered
    /// for the story window ([`ClusterConfig::window_days`](crate::ClusterConfig::window_days))
    /// when there is one, and otherwise only `max_articles` bounds them.
    pub window_secs: Option<i64>,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            shingle_words: 5,
            bands: 16,
            rows: 4,
            threshold: 0.8,
            max_articles: 200_000,
            window_secs: None,
        }
    }
}

impl DedupConfig {
    /// Checks every setting's range; the error names the field (`dedup.…`).
    pub fn validate(&self) -> Result<()> {
        for (field, value) in [
            ("dedup.shingle_words", self.shingle_words),
            ("dedup.bands", self.bands),
            ("dedup.rows", self.rows),
            ("dedup.max_articles", self.max_articles),
        ] {
            if value == 0 {
                return Err(Error::setting(field, "must be positive"));
            }
        }
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::setting(
                "dedup.threshold",
                format!("must lie in [0, 1], got {}", self.threshold),
            ));
        }
        if let Some(w) = self.window_secs.filter(|&w| w <= 0) {
            return Err(Error::setting(
                "dedup.window_secs",
                format!("must be a positive number of seconds (or null), got {w}"),
            ));
        }
        Ok(())
    }
}

/// One remembered article.
#[derive(Debug)]
struct Entry<K> {
    seq: u64,
    key: K,
    time: Option<i64>,
    signature: Vec<u32>,
}

/// A bounded window of earlier articles' MinHash signatures, keyed by `K`.
#[derive(Debug)]
pub struct NearDuplicates<K> {
    config: DedupConfig,
    seeds: Vec<u64>,
    entries: VecDeque<Entry<K>>,
    first_seq: u64,
    buckets: FxHashMap<(u32, u64), Vec<u64>>,
    newest_time: Option<i64>,
}

/// SplitMix64 finalizer (Steele, Lea & Flood, 2014; the multipliers are
/// theirs): a fast, well-mixed, platform-independent 64-bit hash.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a 64-bit offset basis (the hash of the empty string).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a 64-bit prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over the bytes: a stable string hash.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Base of the MinHash seeds: 2^64 / φ, the usual odd constant with no
/// structure (any fixed value works; changing it changes every signature).
const SEED_BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Step between the MinHash seeds: an odd 64-bit multiplier (that of
/// xorshift64*, Vigna 2016), so that neighbouring seeds differ in many bits.
const SEED_STEP: u64 = 0x2545_f491_4f6c_dd1d;

impl<K: Clone> NearDuplicates<K> {
    /// An empty window, or an error naming the bad setting.
    pub fn new(config: DedupConfig) -> Result<Self> {
        config.validate()?;
        let seeds = (0..config.bands * config.rows)
            .map(|i| mix(SEED_BASE ^ (i as u64).wrapping_mul(SEED_STEP)))
            .collect();
        Ok(NearDuplicates {
            config,
            seeds,
            entries: VecDeque::new(),
            first_seq: 0,
            buckets: FxHashMap::default(),
            newest_time: None,
        })
    }

    /// The MinHash signature of `text`'s lowercased word shingles; empty
    /// when the text has fewer words than a shingle.
    pub fn signature(&self, text: &str) -> Vec<u32> {
        let words: Vec<u64> = WordTokenizer
            .tokenize(text)
            .iter()
            .map(|t| fnv(t.text.to_lowercase().as_bytes(), FNV_OFFSET))
            .collect();
        let k = self.config.shingle_words;
        if words.len() < k {
            return Vec::new();
        }
        let mut sig = vec![u32::MAX; self.seeds.len()];
        for window in words.windows(k) {
            let shingle = window.iter().fold(0u64, |h, &w| mix(h ^ w));
            for (slot, &seed) in sig.iter_mut().zip(&self.seeds) {
                let v = (mix(shingle ^ seed) >> 32) as u32;
                if v < *slot {
                    *slot = v;
                }
            }
        }
        sig
    }

    fn band_keys(&self, sig: &[u32]) -> Vec<(u32, u64)> {
        sig.chunks(self.config.rows)
            .enumerate()
            .map(|(band, chunk)| {
                let h = chunk
                    .iter()
                    .fold(band as u64, |h, &v| mix(h ^ u64::from(v)));
                (band as u32, h)
            })
            .collect()
    }

    /// The earlier article `signature` copies, with the estimated Jaccard
    /// similarity: the most similar one at or above the threshold, the
    /// earliest on ties.
    pub fn find(&self, signature: &[u32]) -> Option<(K, f64)> {
        if signature.is_empty() {
            return None;
        }
        let mut candidates: Vec<u64> = self
            .band_keys(signature)
            .iter()
            .filter_map(|key| self.buckets.get(key))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(u64, f64)> = None;
        for seq in candidates {
            let Some(entry) = seq
                .checked_sub(self.first_seq)
                .and_then(|i| self.entries.get(i as usize))
            else {
                continue;
            };
            let same = entry
                .signature
                .iter()
                .zip(signature)
                .filter(|(a, b)| a == b)
                .count();
            let jaccard = same as f64 / signature.len() as f64;
            if jaccard >= self.config.threshold && best.is_none_or(|(_, b)| jaccard > b) {
                best = Some((seq, jaccard));
            }
        }
        best.and_then(|(seq, j)| {
            let entry = self.entries.get((seq - self.first_seq) as usize)?;
            Some((entry.key.clone(), j))
        })
    }

    /// Remembers an article's signature under `key`, then drops entries past
    /// the window or the cap.
    pub fn insert(&mut self, key: K, signature: Vec<u32>, time: Option<i64>) {
        if let Some(t) = time {
            self.newest_time = Some(self.newest_time.map_or(t, |n| n.max(t)));
        }
        if !signature.is_empty() {
            let seq = self.first_seq + self.entries.len() as u64;
            let keys = self.band_keys(&signature);
            for k in keys {
                self.buckets.entry(k).or_default().push(seq);
            }
            self.entries.push_back(Entry {
                seq,
                key,
                time,
                signature,
            });
        }
        while self.entries.len() > self.config.max_articles || self.front_expired() {
            self.pop_front();
        }
    }

    fn front_expired(&self) -> bool {
        match (
            self.config.window_secs,
            self.newest_time,
            self.entries.front(),
        ) {
            (Some(w), Some(now), Some(Entry { time: Some(t), .. })) => *t < now - w,
            _ => false,
        }
    }

    fn pop_front(&mut self) {
        let Some(entry) = self.entries.pop_front() else {
            return;
        };
        self.first_seq += 1;
        let keys = self.band_keys(&entry.signature);
        for k in keys {
            if let Some(list) = self.buckets.get_mut(&k) {
                list.retain(|&s| s != entry.seq);
                if list.is_empty() {
                    self.buckets.remove(&k);
                }
            }
        }
    }

    /// Number of remembered articles.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str =
        "Russia vetoed a draft United Nations Security Council resolution on Tuesday \
        that would have condemned the chemical attack in Syria and demanded that the government \
        of Bashar al-Assad cooperate with investigators, the tenth Russian veto on Syria since the \
        war began, diplomats said after the vote in New York.";

    fn window() -> NearDuplicates<usize> {
        NearDuplicates::new(DedupConfig::default()).unwrap()
    }

    #[test]
    fn copies_are_found_and_distinct_texts_are_not() {
        let mut d = window();
        let s0 = d.signature(BASE);
        d.insert(0, s0, None);
        // A reprint with a changed last word and different case.
        let copy = BASE.replace("York.", "York City.").to_uppercase();
        let found = d.find(&d.signature(&copy));
        assert!(matches!(found, Some((0, j)) if j >= 0.8), "{found:?}");
        let other = "The Bank of Japan left interest rates unchanged on Tuesday and kept its \
            forecast for inflation, saying the economy was recovering at a moderate pace.";
        assert_eq!(d.find(&d.signature(other)), None);
        assert_eq!(d.find(&d.signature("too short")), None);
    }

    #[test]
    fn estimate_tracks_jaccard() {
        let d = window();
        let a = d.signature(BASE);
        assert_eq!(a, d.signature(BASE), "signatures are deterministic");
        // Drop the second half: shingle Jaccard is about 0.45.
        let half: String = BASE.split(' ').take(25).collect::<Vec<_>>().join(" ");
        let b = d.signature(&half);
        let same = a.iter().zip(&b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64;
        assert!((0.25..0.7).contains(&same), "{same}");
    }

    #[test]
    fn cap_and_window_bound_memory() {
        let config = DedupConfig {
            max_articles: 2,
            ..DedupConfig::default()
        };
        let mut d = NearDuplicates::new(config).unwrap();
        for i in 0..5 {
            let text = format!("{BASE} number {i}");
            let s = d.signature(&text);
            d.insert(i, s, None);
        }
        assert_eq!(d.len(), 2);
        // Article 0 is gone; its closest remembered relatives are 3 and 4.
        let found = d
            .find(&d.signature(&format!("{BASE} number 0")))
            .map(|f| f.0);
        assert!(matches!(found, Some(3 | 4)), "{found:?}");
        let mut d = NearDuplicates::new(DedupConfig {
            window_secs: Some(30 * 86_400),
            ..DedupConfig::default()
        })
        .unwrap();
        let s = d.signature(BASE);
        d.insert(0, s, Some(0));
        let s = d.signature("A different article about something else entirely, long enough.");
        d.insert(1, s, Some(31 * 86_400));
        assert_eq!(d.len(), 1);
        assert_eq!(d.find(&d.signature(BASE)), None);
    }

    #[test]
    fn bad_settings_are_errors() {
        let bad = DedupConfig {
            rows: 0,
            ..DedupConfig::default()
        };
        assert!(NearDuplicates::<u8>::new(bad).is_err());
        let bad = DedupConfig {
            threshold: 1.5,
            ..DedupConfig::default()
        };
        let err = NearDuplicates::<u8>::new(bad).unwrap_err();
        assert!(err.to_string().contains("dedup.threshold"), "{err}");
    }
}
