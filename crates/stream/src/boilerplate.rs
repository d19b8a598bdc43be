//! Page boilerplate: sentences repeated across articles (archive banners,
//! newsletter and cookie notices) say nothing about the story, so a
//! sentence already seen in [`ClusterConfig::boilerplate_articles`](crate::ClusterConfig::boilerplate_articles)
//! earlier articles is left out of an article's features, and an article
//! with little else left is kept apart instead of pulling unrelated pages
//! together.
//!
//! Sentences are cut by [`sentences`], not by brief-core's
//! [`NewsSegmenter`](brief_core::text::NewsSegmenter): what is left of an
//! article is stitched back together and read again (the opening words,
//! names by their place in a sentence), so the spans must cover the text
//! exactly, white space included, where the segmenter's are trimmed; and a
//! banner only needs the same cut every time it recurs, not a linguistically
//! right one, which a byte scan gives at a small fraction of the
//! segmenter's cost on every article's whole text.

use brief_core::text::{Tokenizer, WordTokenizer};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// Distinct sentences remembered before the rarest are forgotten.
const SENTENCE_MEMORY: usize = 1 << 20;

/// Fewer words than this left after boilerplate removal make an article boilerplate only.
const MIN_CONTENT_WORDS: usize = 12;

/// Sentences shorter than this ("Read more.", "Advertisement") are never
/// boilerplate: too common in real text to tell page furniture by.
const MIN_SENTENCE_WORDS: usize = 5;

/// Counts of the sentences seen so far, by hash.
#[derive(Debug)]
pub(crate) struct Boilerplate {
    /// Earlier articles a sentence must have appeared in to be boilerplate
    /// (0: nothing is).
    min_articles: u32,
    /// Articles each sentence (by [`sentence_key`] hash) appeared in.
    counts: FxHashMap<u64, u32>,
}

impl Boilerplate {
    /// A memory where sentences seen in `min_articles` earlier articles are boilerplate.
    pub(crate) fn new(min_articles: u32) -> Self {
        Boilerplate {
            min_articles,
            counts: FxHashMap::default(),
        }
    }

    /// The text without boilerplate sentences, and whether nothing but such
    /// sentences (and fewer than [`MIN_CONTENT_WORDS`] other words) was
    /// there; the text's sentences are then remembered.
    pub(crate) fn strip<'a>(&mut self, text: &'a str) -> (Cow<'a, str>, bool) {
        let k = self.min_articles;
        if k == 0 {
            return (Cow::Borrowed(text), false);
        }
        let mut kept = String::new();
        let mut removed_words = 0usize;
        let mut kept_words = 0usize;
        let mut seen_here: FxHashSet<u64> = FxHashSet::default();
        for sentence in sentences(text) {
            let Some((hash, words)) = sentence_key(sentence) else {
                kept.push_str(sentence);
                kept_words += sentence.split_whitespace().count();
                continue;
            };
            if self.counts.get(&hash).copied().unwrap_or(0) >= k {
                removed_words += words;
            } else {
                kept.push_str(sentence);
                kept_words += words;
            }
            seen_here.insert(hash);
        }
        for hash in seen_here {
            *self.counts.entry(hash).or_insert(0) += 1;
        }
        // Bound memory: sentences seen once are forgotten first, and all of
        // them when even the repeated ones fill half the memory.
        if self.counts.len() > SENTENCE_MEMORY {
            self.counts.retain(|_, c| *c > 1);
            if self.counts.len() > SENTENCE_MEMORY / 2 {
                self.counts.clear();
            }
        }
        if removed_words == 0 {
            return (Cow::Borrowed(text), false);
        }
        (Cow::Owned(kept), kept_words < MIN_CONTENT_WORDS)
    }
}

/// Sentence-like spans of a text (ending after `.`, `!` or `?` followed by
/// white space or the end, or after a line break), covering it exactly.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            i += 1;
            let ends = b == b'\n'
                || (matches!(b, b'.' | b'!' | b'?')
                    && bytes.get(i).is_none_or(|n| n.is_ascii_whitespace()));
            if ends {
                let span = &text[start..i];
                start = i;
                return Some(span);
            }
        }
        if start < bytes.len() {
            let span = &text[start..];
            start = bytes.len();
            return Some(span);
        }
        None
    })
}

/// Case-insensitive hash of a sentence's words and their number, or `None`
/// for a sentence under [`MIN_SENTENCE_WORDS`] words.
fn sentence_key(sentence: &str) -> Option<(u64, usize)> {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    let mut words = 0;
    for token in WordTokenizer.tokenize(sentence) {
        for c in token.text.chars().flat_map(char::to_lowercase) {
            hasher.write_u32(c as u32);
        }
        // A separator, so that "ab c" and "a bc" differ.
        hasher.write_u8(0xff);
        words += 1;
    }
    (words >= MIN_SENTENCE_WORDS).then(|| (hasher.finish(), words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_cover_the_text() {
        let text = "One two. Three? U.S. troops\nnew line";
        let parts: Vec<&str> = sentences(text).collect();
        assert_eq!(
            parts,
            ["One two.", " Three?", " U.S.", " troops\n", "new line"]
        );
        assert_eq!(parts.concat(), text);
        assert_eq!(sentences("").count(), 0);
    }

    #[test]
    fn a_sentence_becomes_boilerplate_after_enough_articles() {
        let banner = "Sign up for our newsletter to get the news first. ";
        let body = "The volcano on the island erupted overnight, forcing thousands of \
            villagers to flee the thick clouds of ash.";
        let mut memory = Boilerplate::new(2);
        for _ in 0..2 {
            let text = format!("{banner}{body}");
            let (kept, only) = memory.strip(&text);
            assert_eq!((kept.as_ref(), only), (text.as_str(), false));
        }
        let other =
            "A wildfire spread through dry hills north of the city, destroying dozens of homes.";
        let text = format!("{banner}{other}");
        let (kept, only) = memory.strip(&text);
        assert_eq!((kept.as_ref(), only), (format!(" {other}").as_str(), false));
        let (kept, only) = memory.strip(banner);
        assert_eq!((kept.as_ref(), only), (" ", true));
        assert_eq!(sentence_key("Too short to tell."), None);
        assert_eq!(
            sentence_key("Sign up for our NEWSLETTER now").map(|k| k.1),
            Some(6)
        );
    }
}
