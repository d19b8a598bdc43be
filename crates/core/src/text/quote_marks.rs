//! Quotation marks: where a text quotes someone.
//!
//! Quotations are found between matching marks: straight `"…"`, curly
//! `“…”`, and single `'…'` / `‘…’` when the opening mark starts a word and
//! the closing one ends it (so apostrophes in "Sha'irat" or "foes'" are not
//! quotes). A quotation never crosses a paragraph break. Copy detection
//! compares the quotations of two sentences; quote attribution looks for
//! their speakers.

use crate::model::Span;

/// The marks of one quotation in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteMarks {
    /// From the opening mark to the closing mark, both included.
    pub outer: Span,
    /// The quoted text between the marks, trimmed.
    pub inner: Span,
}

/// Quotation marks in `text`, in order.
///
/// ```
/// use brief_core::text::quote_marks::quote_marks;
/// let text = "\"No\", Trump said. 'It is over, ' he added. It's Sha'irat.";
/// let got: Vec<&str> = quote_marks(text).iter().map(|q| &text[q.inner.range()]).collect();
/// assert_eq!(got, ["No", "It is over,"]);
/// ```
pub fn quote_marks(text: &str) -> Vec<QuoteMarks> {
    if may_open_a_quotation(text) {
        scan(text)
    } else {
        Vec::new()
    }
}

/// Whether `text` holds a mark that may open a quotation: every quotation
/// opens with a double mark, a left curly mark or an apostrophe that starts
/// a word. Most sentences have none, and most apostrophes sit inside a word
/// ("it's"), so one byte search over the three first bytes (`"`, `'` and
/// the 0xE2 that starts `“` and `‘`) answers most sentences without
/// decoding a character.
fn may_open_a_quotation(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..]) {
        let i = from + k;
        let opens = match bytes[i] {
            b'"' => true,
            b'\'' => {
                opens_word_between(text[..i].chars().next_back(), text[i + 1..].chars().next())
            }
            // “ is E2 80 9C and ‘ is E2 80 98 in UTF-8.
            _ => matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9C | 0x98])),
        };
        if opens {
            return true;
        }
        from = i + 1;
    }
    false
}

/// [`quote_marks`] without the check for an opening mark. Marks are found
/// by byte search: every mark is `"`, `'` or a three-byte character that
/// starts with 0xE2, so the text between them is skipped without decoding
/// it.
fn scan(text: &str) -> Vec<QuoteMarks> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while let Some(found) = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[k..]) {
        let start = k + found;
        let Some(c) = text[start..].chars().next() else {
            break;
        };
        let after_mark = start + c.len_utf8();
        let closer: Option<&[char]> = match c {
            '"' => Some(&['"']),
            '\u{201c}' => Some(&['\u{201d}', '"']),
            '\u{2018}' => Some(&['\u{2019}']),
            '\'' if opens_word_between(
                text[..start].chars().next_back(),
                text[after_mark..].chars().next(),
            ) =>
            {
                Some(&['\'', '\u{2019}'])
            }
            _ => None,
        };
        let Some(closer) = closer else {
            k = after_mark;
            continue;
        };
        let single = matches!(c, '\'' | '\u{2018}');
        match closing_mark(text, after_mark, closer, single) {
            Some((end, close_len)) => {
                let inner_raw = &text[after_mark..end];
                let lead = inner_raw.len() - inner_raw.trim_start().len();
                let inner_start = after_mark + lead;
                let inner = Span::new(inner_start, inner_start + inner_raw.trim().len());
                let is_quote = !inner.is_empty() && (!single || text[inner.range()].contains(' '));
                if is_quote {
                    out.push(QuoteMarks {
                        outer: Span::new(start, end + close_len),
                        inner,
                    });
                    k = end + close_len;
                } else {
                    k = after_mark;
                }
            }
            None => k = after_mark,
        }
    }
    out
}

/// The first of `closer` at or after byte `from` of `text` and before its
/// paragraph ends (a single mark only where it ends a word), as its byte
/// offset and length.
fn closing_mark(text: &str, from: usize, closer: &[char], single: bool) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // The ASCII closer, if any; the others start with 0xE2.
    let ascii = closer
        .iter()
        .find(|c| c.is_ascii())
        .map_or(b'\n', |&c| c as u8);
    let mut at = from;
    while let Some(found) = memchr::memchr3(b'\n', ascii, 0xE2, &bytes[at..]) {
        let pos = at + found;
        if bytes[pos] == b'\n' {
            return None;
        }
        let d = text[pos..].chars().next()?;
        let next = pos + d.len_utf8();
        if closer.contains(&d)
            && (!single
                || text[next..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric()))
        {
            return Some((pos, d.len_utf8()));
        }
        at = next;
    }
    None
}

/// An apostrophe opens a quotation when no letter precedes it and a
/// letter follows (`before` and `after`: the chars on either side).
fn opens_word_between(before: Option<char>, after: Option<char>) -> bool {
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `scan` as first written, over the text's chars: the reference the
    /// byte search must agree with.
    fn scan_by_chars(text: &str) -> Vec<QuoteMarks> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < chars.len() {
            let (start, c) = chars[k];
            let closer: Option<&[char]> = match c {
                '"' => Some(&['"']),
                '\u{201c}' => Some(&['\u{201d}', '"']),
                '\u{2018}' => Some(&['\u{2019}']),
                '\'' if opens_word(&chars, k) => Some(&['\'', '\u{2019}']),
                _ => None,
            };
            let Some(closer) = closer else {
                k += 1;
                continue;
            };
            let single = matches!(c, '\'' | '\u{2018}');
            let mut found = None;
            for (m, &(pos, d)) in chars.iter().enumerate().skip(k + 1) {
                if d == '\n' {
                    break;
                }
                if closer.contains(&d) && (!single || closes_word(&chars, m)) {
                    found = Some((m, pos));
                    break;
                }
            }
            match found {
                Some((m, end)) => {
                    let close_len = chars[m].1.len_utf8();
                    let inner_raw = &text[start + c.len_utf8()..end];
                    let lead = inner_raw.len() - inner_raw.trim_start().len();
                    let inner_start = start + c.len_utf8() + lead;
                    let inner = Span::new(inner_start, inner_start + inner_raw.trim().len());
                    let is_quote =
                        !inner.is_empty() && (!single || text[inner.range()].contains(' '));
                    if is_quote {
                        out.push(QuoteMarks {
                            outer: Span::new(start, end + close_len),
                            inner,
                        });
                        k = m + 1;
                    } else {
                        k += 1;
                    }
                }
                None => k += 1,
            }
        }
        out
    }

    /// An apostrophe opens a quotation when no letter precedes it and a
    /// letter follows.
    fn opens_word(chars: &[(usize, char)], k: usize) -> bool {
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|&(_, c)| c);
        opens_word_between(before, after)
    }

    /// An apostrophe closes a quotation when no letter follows it and it does
    /// not sit between letters.
    fn closes_word(chars: &[(usize, char)], m: usize) -> bool {
        let after = chars.get(m + 1).map(|&(_, c)| c);
        after.is_none_or(|c| !c.is_alphanumeric())
    }

    proptest::proptest! {
        #[test]
        fn the_byte_search_finds_the_quotations_a_char_scan_finds(
            text in "[ab '’‘\"“”\n—é.,]{0,40}"
        ) {
            proptest::prop_assert_eq!(scan(&text), scan_by_chars(&text));
        }

        #[test]
        fn the_opening_check_loses_no_quotation(text in "[ab '’\"“”‘—é.,]{0,24}") {
            proptest::prop_assert_eq!(quote_marks(&text), scan(&text));
        }
    }
}
