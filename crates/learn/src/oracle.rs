//! Sentence labels from a reference summary.
//!
//! - The **extractive oracle**: the sentences a greedy search picks to
//!   maximize ROUGE-1 F + ROUGE-2 F against the reference within a word
//!   budget (the labels of Nallapati et al. 2017, SummaRuNNer, and of most
//!   extractive summarizers since). Counts come from rouge-score's own
//!   tokens (lowercase, Porter stems), updated incrementally; bigrams are
//!   counted within sentences.
//! - The **lede score**: ROUGE-1 F of each sentence against the reference's
//!   first sentence, the sentence that states the news.

use brief_core::prepare::PreparedCluster;
use brief_rouge::Rouge;
use rustc_hash::FxHashMap;

/// A sentence's n-gram counts as token ids.
struct Grams {
    unigrams: FxHashMap<u32, u32>,
    bigrams: FxHashMap<(u32, u32), u32>,
    unigram_total: u32,
    bigram_total: u32,
}

fn grams(tokens: &[u32]) -> Grams {
    let mut unigrams = FxHashMap::default();
    let mut bigrams = FxHashMap::default();
    for &t in tokens {
        *unigrams.entry(t).or_insert(0) += 1;
    }
    for w in tokens.windows(2) {
        *bigrams.entry((w[0], w[1])).or_insert(0) += 1;
    }
    Grams {
        unigrams,
        bigrams,
        unigram_total: tokens.len() as u32,
        bigram_total: tokens.len().saturating_sub(1) as u32,
    }
}

fn f1(overlap: u32, candidate: u32, reference: u32) -> f64 {
    if overlap == 0 || candidate == 0 || reference == 0 {
        return 0.0;
    }
    let p = f64::from(overlap) / f64::from(candidate);
    let r = f64::from(overlap) / f64::from(reference);
    2.0 * p * r / (p + r)
}

/// The greedy oracle's sentences of `p` (indices, in the order taken)
/// against `reference` within `budget_words`.
pub fn oracle(
    p: &PreparedCluster<'_>,
    rouge: &Rouge,
    reference: &str,
    budget_words: usize,
) -> Vec<usize> {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut intern = |tokens: Vec<String>| -> Vec<u32> {
        tokens
            .into_iter()
            .map(|t| {
                let next = ids.len() as u32;
                *ids.entry(t).or_insert(next)
            })
            .collect()
    };
    let Some(reference_tokens) = rouge.tokens(reference) else {
        return Vec::new();
    };
    let reference = grams(&intern(reference_tokens));
    let sentences: Vec<Grams> = (0..p.sentences.len())
        .map(|i| grams(&intern(rouge.tokens(p.text(i)).unwrap_or_default())))
        .collect();
    let mut summary_uni: FxHashMap<u32, u32> = FxHashMap::default();
    let mut summary_bi: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let (mut overlap1, mut overlap2, mut total1, mut total2) = (0u32, 0u32, 0u32, 0u32);
    let mut used = 0usize;
    let mut taken: Vec<usize> = Vec::new();
    let mut value = 0.0f64;
    loop {
        let mut best: Option<(usize, f64, u32, u32)> = None;
        for (i, g) in sentences.iter().enumerate() {
            if taken.contains(&i)
                || used + p.sentences[i].words > budget_words
                || g.unigram_total == 0
            {
                continue;
            }
            let add1: u32 = g
                .unigrams
                .iter()
                .map(|(t, &c)| {
                    let r = reference.unigrams.get(t).copied().unwrap_or(0);
                    let have = summary_uni.get(t).copied().unwrap_or(0);
                    (have + c).min(r) - have.min(r)
                })
                .sum();
            let add2: u32 = g
                .bigrams
                .iter()
                .map(|(t, &c)| {
                    let r = reference.bigrams.get(t).copied().unwrap_or(0);
                    let have = summary_bi.get(t).copied().unwrap_or(0);
                    (have + c).min(r) - have.min(r)
                })
                .sum();
            let v = f1(
                overlap1 + add1,
                total1 + g.unigram_total,
                reference.unigram_total,
            ) + f1(
                overlap2 + add2,
                total2 + g.bigram_total,
                reference.bigram_total,
            );
            if best.is_none_or(|(_, b, _, _)| v > b) {
                best = Some((i, v, add1, add2));
            }
        }
        let Some((i, v, add1, add2)) = best.filter(|&(_, v, _, _)| v > value) else {
            break;
        };
        let g = &sentences[i];
        for (t, &c) in &g.unigrams {
            *summary_uni.entry(*t).or_insert(0) += c;
        }
        for (t, &c) in &g.bigrams {
            *summary_bi.entry(*t).or_insert(0) += c;
        }
        overlap1 += add1;
        overlap2 += add2;
        total1 += g.unigram_total;
        total2 += g.bigram_total;
        used += p.sentences[i].words;
        value = v;
        taken.push(i);
    }
    taken
}

/// ROUGE-1 F of each sentence of `p` against `lede` (the reference's first
/// sentence); `rouge` must score ROUGE-1 first.
pub fn lede_scores(p: &PreparedCluster<'_>, rouge: &Rouge, lede: &str) -> Vec<f32> {
    (0..p.sentences.len())
        .map(|i| {
            rouge
                .score(p.text(i), &[lede])
                .first()
                .map_or(0.0, |(_, s)| s.fmeasure as f32)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief_core::{Cluster, Document, Pipeline};
    use brief_rouge::RougeConfig;

    #[test]
    fn the_oracle_takes_what_the_reference_says_and_stops() {
        let cluster = Cluster::new(
            "c",
            vec![Document::new(
                "a",
                "The weather was mild on Tuesday. Russia vetoed the UN resolution on Syria. \
                 China abstained from the vote in New York.",
            )],
        );
        let p = Pipeline::default().prepare(&cluster).expect("prepares");
        let rouge = Rouge::new(RougeConfig::rouge_score()).expect("rouge");
        let picked = oracle(
            &p,
            &rouge,
            "Russia vetoed a UN resolution on Syria; China abstained.",
            100,
        );
        let texts: Vec<&str> = picked.iter().map(|&i| p.text(i)).collect();
        assert_eq!(texts[0], "Russia vetoed the UN resolution on Syria.");
        assert!(!texts.iter().any(|t| t.contains("weather")), "{texts:?}");
        // A budget too small for any sentence picks nothing.
        assert!(oracle(&p, &rouge, "Russia vetoed.", 3).is_empty());
        let ledes = lede_scores(&p, &rouge, "Russia vetoed a UN resolution on Syria.");
        let best = (0..ledes.len())
            .max_by(|&a, &b| ledes[a].total_cmp(&ledes[b]))
            .expect("one");
        assert_eq!(p.text(best), "Russia vetoed the UN resolution on Syria.");
    }
}
