//! Word tokenization with byte offsets.
//!
//! Written by hand: the rule we need — maximal runs of alphanumeric
//! characters, with an apostrophe inside a word kept only to drop the
//! possessive — is a dozen lines, and it must keep byte offsets, which
//! general-purpose word segmenters (UAX #29) do too but with rules
//! (e.g. "U.S." as one word, "$5.5" split differently) that the summarizers'
//! term statistics do not want.

/// A word of the source text: its text and byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as it appears in the text.
    pub text: &'a str,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
}

/// Splits a text into word tokens; offsets index the given text.
pub trait Tokenizer: Send + Sync {
    /// The tokens of `text`, in order.
    fn tokenize<'a>(&self, text: &'a str) -> Vec<Token<'a>>;
}

/// Maximal runs of alphanumeric characters; a possessive `'s`/`’s` is left out.
///
/// ```
/// use brief_core::text::{Tokenizer, WordTokenizer};
/// let words: Vec<&str> = WordTokenizer
///     .tokenize("Russia's U.S. envoy, 59 missiles.")
///     .iter()
///     .map(|t| t.text)
///     .collect();
/// assert_eq!(words, ["Russia", "U", "S", "envoy", "59", "missiles"]);
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct WordTokenizer;

impl Tokenizer for WordTokenizer {
    fn tokenize<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        let mut out = Vec::with_capacity(text.len() / 6);
        let mut start: Option<usize> = None;
        let mut i = 0;
        while i < text.len() {
            let (c, c_len) = char_at(text, i);
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                i += c_len;
                continue;
            }
            if let Some(s) = start.take() {
                out.push(Token {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                // Skip a possessive "'s" directly after a word.
                let next = i + c_len;
                if (c == '\'' || c == '\u{2019}') && next < text.len() {
                    let (n, n_len) = char_at(text, next);
                    let after = next + n_len;
                    let ends_word =
                        after >= text.len() || !char_at(text, after).0.is_alphanumeric();
                    if (n == 's' || n == 'S') && ends_word {
                        i = after;
                        continue;
                    }
                }
            }
            i += c_len;
        }
        if let Some(s) = start {
            out.push(Token {
                text: &text[s..],
                start: s,
                end: text.len(),
            });
        }
        out
    }
}

/// The character at byte `i` of `text` (a char boundary before the end)
/// and its length in bytes; ASCII without decoding.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = text[i..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_point_at_token_text() {
        let text = "Café — déjà vu, Lavrov’s “no”.";
        for t in WordTokenizer.tokenize(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        let words: Vec<_> = WordTokenizer
            .tokenize(text)
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(words, ["Café", "déjà", "vu", "Lavrov", "no"]);
    }

    /// The tokenizer as first written, over `char_indices`.
    fn reference<'a>(text: &'a str) -> Vec<Token<'a>> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(i);
                }
                continue;
            }
            if let Some(s) = start.take() {
                out.push(Token {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                if c == '\'' || c == '\u{2019}' {
                    if let Some(&(j, n)) = chars.peek() {
                        let after = j + n.len_utf8();
                        let ends_word = text[after..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric());
                        if (n == 's' || n == 'S') && ends_word {
                            chars.next();
                        }
                    }
                }
            }
        }
        if let Some(s) = start {
            out.push(Token {
                text: &text[s..],
                start: s,
                end: text.len(),
            });
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn tokens_match_the_char_by_char_rules(text in "[a-zS0-9 '’.é—\u{301}]{0,30}") {
            proptest::prop_assert_eq!(WordTokenizer.tokenize(&text), reference(&text));
        }
    }

    #[test]
    fn contractions_keep_their_tail() {
        let words: Vec<_> = WordTokenizer
            .tokenize("wasn't it's")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(words, ["wasn", "t", "it"]);
    }
}
