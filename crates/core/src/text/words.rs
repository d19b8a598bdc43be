//! Words as names are written, with byte offsets: initialisms kept whole.
//!
//! Unlike [`crate::text::WordTokenizer`] (which splits "U.S." into "U" and
//! "S" for term statistics), alias matching needs "U.S." and "U.N." as one
//! word, and quote attribution needs to know whether a name is possessive.

use super::tokenize::char_at;

/// A word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written (an initialism keeps its periods: "U.S.").
    pub text: &'a str,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Whether a possessive `'s` / `’s` directly follows (and was skipped).
    pub possessive: bool,
}

impl Word<'_> {
    /// Whether the word starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word lowercased with periods removed ("U.S." → "us").
    pub fn key(&self) -> String {
        self.key_cow().into_owned()
    }

    /// [`Word::key`], borrowed when the word already is its key (most
    /// words: lowercase ASCII letters and digits).
    pub fn key_cow(&self) -> std::borrow::Cow<'_, str> {
        key_of(self.text)
    }

    /// Appends [`Word::key`] to `out`, allocating nothing of its own.
    pub fn write_key(&self, out: &mut String) {
        if self.is_own_key() {
            out.push_str(self.text);
        } else {
            out.extend(
                self.text
                    .chars()
                    .filter(|c| *c != '.')
                    .flat_map(char::to_lowercase),
            );
        }
    }

    fn is_own_key(&self) -> bool {
        self.text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    }
}

/// [`Word::key`] of a word written `text`.
pub(crate) fn key_of(text: &str) -> std::borrow::Cow<'_, str> {
    let word = Word {
        text,
        start: 0,
        end: text.len(),
        possessive: false,
    };
    if word.is_own_key() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut key = String::with_capacity(text.len());
    word.write_key(&mut key);
    std::borrow::Cow::Owned(key)
}

/// Calls `f` with [`Word::key`] of a word written `text`, without
/// allocating for short ASCII words (whose key is their lowercase letters
/// and digits).
pub(crate) fn with_key<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    if text.is_ascii() && text.len() <= buffer.len() {
        let mut len = 0;
        for b in text.bytes().filter(|&b| b != b'.') {
            buffer[len] = b.to_ascii_lowercase();
            len += 1;
        }
        if let Ok(key) = std::str::from_utf8(&buffer[..len]) {
            return f(key);
        }
    }
    f(&key_of(text))
}

/// Where `text` has `word` (or a name of several words) as a whole word:
/// no letter or digit right before or after it.
pub(crate) fn whole_word_at<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(word).map(|(i, _)| i).filter(move |&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether `text` has `word` as a whole word ([`whole_word_at`]).
pub(crate) fn has_word(text: &str, word: &str) -> bool {
    whole_word_at(text, word).next().is_some()
}

/// The words of `text`: maximal alphanumeric runs, an initialism of single
/// capitals joined by periods ("U.S.", "U.N", "U.K.") as one word, and a
/// possessive `'s` dropped (recorded in [`Word::possessive`]).
pub fn words(text: &str) -> Vec<Word<'_>> {
    // A word in about 5.9 bytes of news prose, fewer in two of three
    // articles: room for one in five bytes is one allocation for nearly
    // every text instead of a copy into twice the room.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // ASCII spaces and punctuation in one step each, without decoding.
        if !bytes[i].is_ascii_alphanumeric() && bytes[i].is_ascii() {
            i += 1;
            continue;
        }
        let (c, c_len) = char_at(text, i);
        if !c.is_alphanumeric() {
            i += c_len;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut j = i;
        while j < text.len() {
            // ASCII letters and digits in one step each.
            if bytes[j].is_ascii_alphanumeric() {
                j += 1;
                end = j;
                continue;
            }
            let (ch, ch_len) = char_at(text, j);
            if ch.is_alphanumeric() {
                j += ch_len;
                end = j;
                continue;
            }
            // An apostrophe inside a word (Ja'afari, wasn't) joins it, unless
            // it starts a possessive 's at the end of the word.
            let inner = (ch == '\'' || ch == '\u{2019}')
                && j + ch_len < text.len()
                && char_at(text, j + ch_len).0.is_alphanumeric();
            if !inner || is_possessive_tail(&text[j..]) {
                break;
            }
            j += ch_len;
        }
        i = push_word(&mut out, text, start, end);
    }
    out
}

/// A [`Word`] without its text: where it stands in a text kept elsewhere,
/// so the words of a text can be kept beside it and read again
/// ([`WordAt::in_text`]) without scanning it twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordAt {
    start: usize,
    end: usize,
    possessive: bool,
}

impl WordAt {
    pub(crate) fn of(word: &Word<'_>) -> Self {
        WordAt {
            start: word.start,
            end: word.end,
            possessive: word.possessive,
        }
    }

    /// The word in `text`, the text it was found in.
    pub(crate) fn in_text(self, text: &str) -> Word<'_> {
        Word {
            text: &text[self.start..self.end],
            start: self.start,
            end: self.end,
            possessive: self.possessive,
        }
    }
}

/// `words(text)` for a prefix `text` of a text `whole_len` bytes long whose
/// words are `whole`. Where the prefix is all of it or ends in whitespace,
/// no word runs across its end and no word's look past its last letter (an
/// initialism's next period, a possessive `'s`) reaches it, so the words
/// are those of `whole` that end inside it; else they are read afresh.
pub(crate) fn words_of_prefix<'t>(
    text: &'t str,
    whole_len: usize,
    whole: &[WordAt],
) -> Vec<Word<'t>> {
    let cut = text.len();
    let all = cut == whole_len;
    if !all && !text.as_bytes().last().is_some_and(u8::is_ascii_whitespace) {
        return words(text);
    }
    let within = whole.partition_point(|w| w.end <= cut);
    whole[..within].iter().map(|w| w.in_text(text)).collect()
}

/// Extends the word `start..end` over an initialism ("U.S.", "U.N."),
/// decides whether a possessive `'s` follows, pushes it, and returns where
/// scanning resumes.
fn push_word<'t>(out: &mut Vec<Word<'t>>, text: &'t str, start: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    // Initialism: X.Y. (single uppercase ASCII letters separated by periods).
    if end - start == 1 && bytes[start].is_ascii_uppercase() {
        let mut k = end;
        while k + 1 < bytes.len() && bytes[k] == b'.' && bytes[k + 1].is_ascii_uppercase() {
            let after = k + 2;
            let single = after >= bytes.len() || !bytes[after].is_ascii_alphanumeric();
            if !single {
                break;
            }
            k = after;
        }
        if k > end {
            end = if k < bytes.len() && bytes[k] == b'.' {
                k + 1
            } else {
                k
            };
        }
    }
    let rest = &text[end..];
    let possessive = is_possessive_tail(rest);
    out.push(Word {
        text: &text[start..end],
        start,
        end,
        possessive,
    });
    if possessive {
        end + rest.chars().next().map_or(0, char::len_utf8) + 1
    } else {
        end
    }
}

/// Whether `rest` starts with `'s` or `’s` ending a word.
fn is_possessive_tail(rest: &str) -> bool {
    // Asked after every word: most go on with a space or punctuation.
    if !matches!(rest.as_bytes().first(), Some(b'\'' | 0xE2)) {
        return false;
    }
    ["'", "\u{2019}"].iter().any(|a| {
        rest.strip_prefix(a)
            .and_then(|r| r.strip_prefix(['s', 'S']))
            .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_a_prefix_equal_the_prefix_read_afresh_at_every_cut() {
        let text = "The U.S. envoy met Lavrov's aide in the U.N. \n\
                    Trump's tweet wasn't \u{2019}s news: U.K \u{e9}t\u{e9} 4.7% ";
        let whole: Vec<WordAt> = words(text).iter().map(WordAt::of).collect();
        for cut in (0..=text.len()).filter(|&c| text.is_char_boundary(c)) {
            let prefix = &text[..cut];
            assert_eq!(
                words_of_prefix(prefix, text.len(), &whole),
                words(prefix),
                "cut at {cut}: {prefix:?}"
            );
        }
    }

    /// `words` as first written, over `char_indices`.
    fn reference(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let mut end = i;
            let mut chars = text[i..].char_indices().peekable();
            while let Some((j, ch)) = chars.next() {
                if ch.is_alphanumeric() {
                    end = i + j + ch.len_utf8();
                    continue;
                }
                // An apostrophe inside a word (Ja'afari, wasn't) joins it, unless
                // it starts a possessive 's at the end of the word.
                let inner = (ch == '\'' || ch == '\u{2019}')
                    && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
                if !inner || is_possessive_tail(&text[i + j..]) {
                    break;
                }
            }
            i = push_word(&mut out, text, start, end);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn words_match_the_char_by_char_rules(text in "[a-zA-Z0-9 '’.é—\u{301}]{0,30}") {
            proptest::prop_assert_eq!(words(&text), reference(&text));
        }

        #[test]
        fn with_key_agrees_with_key(text in "[A-Za-z0-9.'é]{0,40}") {
            let expected = key_of(&text).into_owned();
            proptest::prop_assert_eq!(with_key(&text, str::to_owned), expected);
        }
    }

    #[test]
    fn initialisms_stay_whole_and_possessives_are_marked() {
        let text = "The U.S. and U.N envoy met Russia's Lavrov’s aide in the USA.";
        let got: Vec<(&str, bool)> = words(text).iter().map(|w| (w.text, w.possessive)).collect();
        assert_eq!(
            got,
            [
                ("The", false),
                ("U.S.", false),
                ("and", false),
                ("U.N", false),
                ("envoy", false),
                ("met", false),
                ("Russia", true),
                ("Lavrov", true),
                ("aide", false),
                ("in", false),
                ("the", false),
                ("USA", false),
            ]
        );
        for w in words(text) {
            assert_eq!(&text[w.start..w.end], w.text);
        }
    }

    #[test]
    fn possessive_tail_is_skipped_but_inner_apostrophes_are_not() {
        let got: Vec<&str> = words("Putin's Sha'irat wasn't")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(got, ["Putin", "Sha'irat", "wasn't"]);
    }
}
