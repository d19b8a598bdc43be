//! Person names given back their capitals in a lowercased text.
//!
//! The truncated Multi-News release lowercases everything but sentence
//! openings ("he is a staunch ally of republican gov. rick perry"), so a
//! reader that finds people by their capitals finds none: a summary
//! sentence opening "He was ordered…" cannot be told who "he" is, and no
//! quotation gets its speaker. [`recase_names`] writes a copy of such a
//! text, byte for byte the same length (only ASCII first letters change,
//! so every span still points at the source), in which the words that
//! name people open with a capital:
//!
//! - a common given name (lexicon) and the family name after it ("rick
//!   perry", "george w. bush", "bashar al assad"); given names that are
//!   also common words ("will", "mark", "bill") only after a title;
//! - the name after a title written before names ("gov. perry",
//!   "president obama", "mrs. clinton");
//! - every later or earlier lone use of a family name found so ("perry
//!   said").
//!
//! It errs on the side of leaving words alone: a word is taken as a family
//! name only if it is no function word, speech verb, title, role noun or
//! calendar word, so "dan said" and "president has" stay as written.

use super::calendar::is_calendar_name;
use super::lexicon::{
    is_given_name, is_organization_head, is_role_noun, is_speech_verb, may_stand_before_verb,
};
use super::segment::is_lowercased;
use super::words::{words, Word};
use super::StopWords;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Titles that stand right before a name, lowercase, periods removed.
/// Narrower than the lexicon's titles: lowercase "father", "officer" or
/// "judge" are as often common nouns ("the judge ruled").
const NAME_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "gov",
    "sen",
    "rep",
    "gen",
    "lt",
    "col",
    "capt",
    "sgt",
    "rev",
    "prof",
    "president",
    "senator",
    "governor",
    "mayor",
    "congressman",
    "congresswoman",
    "sheriff",
    "pope",
    "chancellor",
];

/// Given names that are as often common words: taken as names only after
/// a title.
const AMBIGUOUS_GIVEN_NAMES: &str = "
will mark may bill grant rose hope joy june art guy don pat rod rex ray sterling les frank max
dick jo jean april grace virginia carol victoria jan lee kim jack august brown young white king
faith christian chase major
";

/// Common words that follow a given name without being a family name
/// ("james still remembers", "dan never wanted", "john went"): adverbs
/// and frequent verbs beyond the lexicon's words between a subject and
/// its verb.
const COMMON_AFTER_NAMES: &str = "
never ever even always already soon actually really finally simply certainly clearly usually
eventually initially apparently allegedly currently originally personally together alone
himself herself went got gets made makes took takes came comes became becomes wants wanted
tried tries knows knew thinks thought felt feels looks looked seemed seems appeared appears
remains remained began begins left leaves died dies lived lives worked works played plays won
wins lost loses wrote writes asked asks used uses found finds gave gives kept keeps ran runs
saw sees met meets needs needed helped helps moved moves spent spends joined joins married
filed faces faced pleaded served serves starred stars returned returns arrived arrives led
leads did does goes gone loved loves hoped hopes shot killed kills turned turns posted shared
released recalled recalls remembered remembers agreed agrees opened opens
";

/// The word lists above as sets.
struct Lists {
    ambiguous_given_names: FxHashSet<&'static str>,
    common_after_names: FxHashSet<&'static str>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| Lists {
    ambiguous_given_names: AMBIGUOUS_GIVEN_NAMES.split_whitespace().collect(),
    common_after_names: COMMON_AFTER_NAMES.split_whitespace().collect(),
});

/// Whether a lowercased given name is as often a common word ("will",
/// "mark", "grant").
pub(crate) fn is_ambiguous_given_name(key: &str) -> bool {
    LISTS.ambiguous_given_names.contains(key)
}

/// Whether a lowercased word is a common word that follows a given name
/// without being a family name ("james still remembers").
pub(crate) fn is_common_after_name(key: &str) -> bool {
    LISTS.common_after_names.contains(key)
}

/// Whether a lowercased word has the shape of a verb's past tense ("ms.
/// lawrence glanced at the message"): six letters or more ending in "ed",
/// but not "eed" ("rasheed", "freed") nor a form of Mohammed. The list of
/// common verbs above cannot hold every one a writer uses after a name.
fn looks_past_tense(key: &str) -> bool {
    key.len() >= 6
        && key.ends_with("ed")
        && !key.ends_with("eed")
        && !matches!(
            key,
            "mohammed" | "muhammed" | "mohamed" | "muhamed" | "mahamed"
        )
}

/// Name particles written in lowercase inside a name ("bashar al assad").
const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "de", "da", "van", "von", "der", "del", "della", "di", "le", "la", "abu",
];

/// A copy of `text` with person names capitalized, when `text` is
/// lowercased but for sentence openings; `None` otherwise (the text is
/// read as it is).
pub fn recase_names(text: &str) -> Option<String> {
    if !is_lowercased(text) {
        return None;
    }
    let words = words(text);
    let keys: Vec<std::borrow::Cow<'_, str>> = words.iter().map(Word::key_cow).collect();
    let stop = StopWords::default();
    let name_like = |j: usize| -> bool {
        let key: &str = &keys[j];
        key.len() >= 2
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'')
            && !stop.contains(key)
            && !is_speech_verb(key)
            && !may_stand_before_verb(key)
            && !LISTS.common_after_names.contains(key)
            && !looks_past_tense(key)
            && !is_role_noun(key)
            && !is_organization_head(key)
            && !is_calendar_name(key)
            && !NAME_TITLES.contains(&key)
            && !PARTICLES.contains(&key)
    };
    // Words `i` and `j` stand side by side with only spaces (or the
    // period of an abbreviation) between them.
    let adjacent = |i: usize, j: usize| -> bool {
        text.get(words[i].end..words[j].start)
            .is_some_and(|gap| gap.trim_start_matches('.').chars().all(|c| c == ' '))
            && !words[i].possessive
    };
    let mut capitalize: Vec<bool> = vec![false; words.len()];
    let mut families: FxHashSet<&str> = FxHashSet::default();
    // The family name of a name whose given name is word `first`: an
    // initial ("w.") or particles ("al") may come between.
    let family_after = |first: usize| -> Option<usize> {
        let mut j = first + 1;
        while j < words.len() && adjacent(j - 1, j) {
            let key: &str = &keys[j];
            let initial = key.len() == 1 && text[words[j].end..].starts_with('.');
            if initial || PARTICLES.contains(&key) {
                j += 1;
                continue;
            }
            if !name_like(j) {
                return None;
            }
            // A third name ("barry layne moore") when the document writes
            // it alone elsewhere, as family names are ("moore is accused"),
            // and never the second: the family name is the one repeated
            // ("rick perry spoke … perry said" stops at "perry").
            let uses = |i: usize| keys.iter().filter(|key| **key == keys[i]).count();
            let k = j + 1;
            let third =
                k < words.len() && adjacent(j, k) && name_like(k) && uses(k) >= 2 && uses(j) == 1;
            return Some(if third { k } else { j });
        }
        None
    };
    let mut i = 0;
    while i < words.len() {
        let key = &*keys[i];
        let after_title = i > 0
            && NAME_TITLES.contains(&&*keys[i - 1])
            && adjacent(i - 1, i)
            && (name_like(i) || is_given_name(&keys[i]));
        let given = is_given_name(key)
            && key.bytes().all(|b| b.is_ascii_lowercase())
            && (after_title || !LISTS.ambiguous_given_names.contains(key));
        if let Some(family) = given.then(|| family_after(i)).flatten() {
            for c in &mut capitalize[i..=family] {
                *c = true;
            }
            families.insert(&keys[family]);
            i = family + 1;
            continue;
        }
        if after_title {
            capitalize[i] = true;
            families.insert(key);
        }
        i += 1;
    }
    if families.is_empty() {
        return None;
    }
    for (j, key) in keys.iter().enumerate() {
        if families.contains(&**key) {
            capitalize[j] = true;
        }
    }
    let mut bytes = text.as_bytes().to_vec();
    for (w, _) in words.iter().zip(&capitalize).filter(|(_, &c)| c) {
        // Particles stay as written ("bashar al Assad"); initials take a
        // capital ("George W. Bush").
        let key = w.text;
        if PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(key)) {
            continue;
        }
        bytes[w.start] = bytes[w.start].to_ascii_uppercase();
    }
    // Only ASCII lowercase letters became uppercase ones: still UTF-8.
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowercased(body: &str) -> String {
        // Enough lowercase words for the text to read as lowercased.
        format!(
            "{body} {}",
            "the story went on for a while and then it ended. ".repeat(8)
        )
    }

    #[test]
    fn names_after_given_names_and_titles_get_capitals() {
        let text = lowercased(
            "He is a staunch ally of republican gov. rick perry, and george w. bush said so. \
             later perry's office said the president has met mr. smith.",
        );
        let recased = recase_names(&text).expect("lowercased");
        assert_eq!(recased.len(), text.len());
        assert!(recased.contains("gov. Rick Perry,"), "{recased}");
        assert!(recased.contains("George W. Bush said"), "{recased}");
        assert!(recased.contains("later Perry's office"), "{recased}");
        assert!(recased.contains("mr. Smith."), "{recased}");
        assert!(recased.contains("the president has met"), "{recased}");
    }

    #[test]
    fn a_third_name_is_taken_when_written_alone_elsewhere() {
        let text = lowercased(
            "barry layne moore had held office for a month. the city moore ran was small. \
             john smith visited the town.",
        );
        let recased = recase_names(&text).expect("names");
        assert!(recased.contains("Barry Layne Moore had"), "{recased}");
        assert!(recased.contains("the city Moore ran"), "{recased}");
        assert!(recased.contains("John Smith visited"), "{recased}");
    }

    #[test]
    fn adverbs_and_verbs_after_a_given_name_are_no_family_name() {
        let text = lowercased("wilson james still remembers the day. dan never wanted it.");
        assert_eq!(recase_names(&text), None);
        let text = lowercased("the talks went on. ms. lawrence glanced at the message.");
        let recased = recase_names(&text).unwrap_or_default();
        assert!(recased.contains("Lawrence glanced"), "{recased}");
        let text = lowercased("the talks went on. then ali mohammed and omar rasheed spoke.");
        let recased = recase_names(&text).unwrap_or_default();
        assert!(
            recased.contains("Ali Mohammed and Omar Rasheed"),
            "{recased}"
        );
    }

    #[test]
    fn common_words_and_cased_text_are_left_alone() {
        let text = lowercased("will said the bill would pass. dan said it was fine.");
        assert_eq!(recase_names(&text), None, "no name found");
        assert_eq!(
            recase_names("Rick Perry met George Bush."),
            None,
            "cased text"
        );
    }
}
