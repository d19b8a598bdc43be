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

/// [`quote_marks`] without the check for an opening mark.
fn scan(text: &str) -> Vec<QuoteMarks> {
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
                let is_quote = !inner.is_empty() && (!single || text[inner.range()].contains(' '));
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

/// [`opens_word`] told the chars on either side of the apostrophe.
fn opens_word_between(before: Option<char>, after: Option<char>) -> bool {
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_some_and(char::is_alphabetic)
}

/// An apostrophe closes a quotation when no letter follows it and it does
/// not sit between letters.
fn closes_word(chars: &[(usize, char)], m: usize) -> bool {
    let after = chars.get(m + 1).map(|&(_, c)| c);
    after.is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_opening_check_loses_no_quotation(text in "[ab '’\"“”‘—é.,]{0,24}") {
            proptest::prop_assert_eq!(quote_marks(&text), scan(&text));
        }
    }
}
