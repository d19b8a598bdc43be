//! Page furniture learned from data: sentences that stand word for word
//! in the pages of many unrelated stories ("The news and stories that
//! matter, delivered weekday mornings.", "You can switch location on/off
//! before each tweet…", a web archive's description of its crawls). No
//! list of phrases written by hand finds them all; a training split of
//! tens of thousands of clusters does, since a sentence of the news itself
//! is told in one story and furniture in hundreds.
//!
//! `brief train --boilerplate FILE` writes the list: a [`sentence_key`] in
//! hexadecimal per line, for each sentence of at least [`MIN_WORDS`] words
//! found in enough clusters. The list built from the Multi-News training
//! split is compiled in ([`is_boilerplate`]). Keys, not sentences, are
//! kept: the list holds no text of the data.

use std::sync::LazyLock;

/// Shorter sentences are not listed: selection quotes none under six
/// words, and a short line ("Officials gave no details.") may be common
/// prose.
pub const MIN_WORDS: usize = 6;

/// The key of a sentence: the FNV-1a hash of its words, lowercased, letters
/// and digits only, one space between, so case, punctuation and spacing do
/// not tell two copies apart.
///
/// ```
/// use brief_core::text::boilerplate::sentence_key;
/// assert_eq!(
///     sentence_key("The news, delivered weekday mornings."),
///     sentence_key("the news delivered  weekday mornings")
/// );
/// assert_ne!(sentence_key("The news"), sentence_key("The new s"));
/// ```
pub fn sentence_key(text: &str) -> u64 {
    key_and_words(text).0
}

/// FNV-1a's 64-bit offset basis and prime (the key's hash).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// [`sentence_key`] and the number of words it read, in one pass (every
/// sentence a summarizer considers is looked up, and only sentences of
/// [`MIN_WORDS`] words or more are listed).
pub fn key_and_words(text: &str) -> (u64, usize) {
    let mut hash = FNV_OFFSET;
    let mut words = 0usize;
    let mut in_word = false;
    let feed = |hash: &mut u64, b: u8| *hash = (*hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    if text.is_ascii() {
        // Most text: the same key byte by byte, without decoding chars.
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() {
                if !in_word {
                    if words > 0 {
                        feed(&mut hash, b' ');
                    }
                    words += 1;
                    in_word = true;
                }
                feed(&mut hash, b.to_ascii_lowercase());
            } else {
                in_word = false;
            }
        }
        return (hash, words);
    }
    key_and_words_of_chars(text)
}

/// [`key_and_words`] read char by char (any text).
fn key_and_words_of_chars(text: &str) -> (u64, usize) {
    let mut hash = FNV_OFFSET;
    let mut words = 0usize;
    let mut in_word = false;
    let feed = |hash: &mut u64, b: u8| *hash = (*hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                if words > 0 {
                    feed(&mut hash, b' ');
                }
                words += 1;
                in_word = true;
            }
            if c.is_ascii() {
                feed(&mut hash, (c as u8).to_ascii_lowercase());
            } else {
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &b in l.encode_utf8(&mut buf).as_bytes() {
                        feed(&mut hash, b);
                    }
                }
            }
        } else {
            in_word = false;
        }
    }
    (hash, words)
}

/// A set of sentence keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Boilerplate {
    keys: Vec<u64>,
}

impl Boilerplate {
    /// The set of `keys`.
    pub fn new(mut keys: Vec<u64>) -> Self {
        keys.sort_unstable();
        keys.dedup();
        Boilerplate { keys }
    }

    /// Reads the list format (one hexadecimal key per line; blank lines and
    /// lines opening with `#` are skipped). A line that is no key is an
    /// error naming its number.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut keys = Vec::new();
        for (n, line) in list.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let key = u64::from_str_radix(line, 16)
                .map_err(|e| format!("line {}: {line:?} is no key ({e})", n + 1))?;
            keys.push(key);
        }
        Ok(Boilerplate::new(keys))
    }

    /// The list format of the set, keys in ascending order.
    pub fn to_list(&self) -> String {
        self.keys.iter().map(|k| format!("{k:016x}\n")).collect()
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether `text` is one of the sentences of the set.
    pub fn contains(&self, text: &str) -> bool {
        if self.keys.is_empty() {
            return false;
        }
        let (key, words) = key_and_words(text);
        words >= MIN_WORDS && self.keys.binary_search(&key).is_ok()
    }
}

/// Whether `text` is page furniture by the compiled-in list.
pub fn is_boilerplate(text: &str) -> bool {
    static LIST: LazyLock<Boilerplate> = LazyLock::new(|| {
        // A broken list in the repository fails the tests below; at run
        // time it would only mean no furniture is known.
        Boilerplate::parse(include_str!("../../models/boilerplate.txt")).unwrap_or_default()
    });
    LIST.contains(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn ascii_keys_are_the_keys_read_char_by_char(text in "[ -~]{0,80}") {
            proptest::prop_assert_eq!(key_and_words(&text), key_and_words_of_chars(&text));
        }
    }

    #[test]
    fn the_compiled_in_list_parses_and_finds_furniture_only() {
        let list = Boilerplate::parse(include_str!("../../models/boilerplate.txt"))
            .expect("models/boilerplate.txt parses");
        assert!(list.len() > 100, "{} keys", list.len());
        assert!(is_boilerplate(
            "You can switch location on/off before each tweet and always have the option to delete your location history."
        ));
        assert!(is_boilerplate(
            "The news and stories that matter, delivered weekday mornings."
        ));
        for news in [
            "Secretary of State Rex Tillerson met Russian Foreign Minister Sergey Lavrov in Moscow on Wednesday.",
            "But he clearly wasn't counting on it.",
            "The company said it would appeal the ruling.",
        ] {
            assert!(!is_boilerplate(news), "{news}");
        }
    }

    #[test]
    fn lists_round_trip_and_bad_lines_are_named() {
        let set = Boilerplate::new(vec![3, 1, 2, 3]);
        assert_eq!(set.len(), 3);
        assert_eq!(Boilerplate::parse(&set.to_list()), Ok(set));
        let err = Boilerplate::parse("# keys\n00000000000000ff\nnot a key\n").unwrap_err();
        assert!(err.starts_with("line 3:"), "{err}");
        let one = Boilerplate::new(vec![sentence_key("Sign up for our daily newsletter today")]);
        assert!(one.contains("sign up for our DAILY newsletter today!"));
        assert!(!one.contains("Sign up for our weekly newsletter today"));
    }
}
