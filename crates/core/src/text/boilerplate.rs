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

/// The running key of [`key_and_words`]: words' lowercase bytes, one
/// space between words, hashed with FNV-1a.
struct KeyHash {
    hash: u64,
    words: usize,
    in_word: bool,
}

impl KeyHash {
    fn new() -> Self {
        KeyHash {
            hash: FNV_OFFSET,
            words: 0,
            in_word: false,
        }
    }

    fn feed(&mut self, b: u8) {
        self.hash = (self.hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }

    /// A letter or digit follows: a new word starts unless one is open.
    fn in_word(&mut self) {
        if !self.in_word {
            if self.words > 0 {
                self.feed(b' ');
            }
            self.words += 1;
            self.in_word = true;
        }
    }

    /// Anything else: the open word ends.
    fn gap(&mut self) {
        self.in_word = false;
    }

    /// Any char: a letter or digit goes in lowercased, anything else ends
    /// the open word.
    fn char(&mut self, c: char) {
        if !c.is_alphanumeric() {
            self.gap();
            return;
        }
        self.in_word();
        for l in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                self.feed(b);
            }
        }
    }
}

/// [`sentence_key`] and the number of words it read, in one pass (every
/// sentence a summarizer considers is looked up, and only sentences of
/// [`MIN_WORDS`] words or more are listed).
pub fn key_and_words(text: &str) -> (u64, usize) {
    let bytes = text.as_bytes();
    let mut key = KeyHash::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII, most of any text, byte by byte without decoding chars.
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                key.in_word();
                key.feed(b.to_ascii_lowercase());
            } else {
                key.gap();
            }
            i += 1;
            continue;
        }
        let (c, len) = super::tokenize::char_at(text, i);
        i += len;
        key.char(c);
    }
    (key.hash, key.words)
}

/// [`key_and_words`] read char by char: the reference its byte steps
/// are tested against.
#[cfg(test)]
fn key_and_words_of_chars(text: &str) -> (u64, usize) {
    let mut key = KeyHash::new();
    for c in text.chars() {
        key.char(c);
    }
    (key.hash, key.words)
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
        fn keys_are_the_keys_read_char_by_char(text in "[ -~“”é’ÉŁ—]{0,80}") {
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
