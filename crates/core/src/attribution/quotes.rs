//! Where a document quotes someone: quotation spans, including a
//! quotation left open at the end of its paragraph (news wires open the
//! next paragraph again when a quotation runs on).

use crate::model::Span;
use crate::text::quote_marks::quote_marks;

/// One quotation of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct QuoteSpan {
    /// From the opening mark to the closing mark (or the paragraph end).
    pub outer: Span,
    /// The quoted words, marks and surrounding spaces left out.
    pub inner: Span,
    /// Whether the paragraph ends before a closing mark.
    pub open_ended: bool,
}

/// The quotations of `text` that open at or after `from`, in order:
/// marked quotations ([`quote_marks`]) that no other quotation contains,
/// and, in a paragraph whose last opening double mark is never closed, the
/// rest of the paragraph.
pub(crate) fn find_quotes(text: &str, from: usize) -> Vec<QuoteSpan> {
    let from = from.min(text.len());
    let mut found: Vec<QuoteSpan> = quote_marks(&text[from..])
        .into_iter()
        .map(|q| QuoteSpan {
            outer: Span::new(q.outer.start + from, q.outer.end + from),
            inner: Span::new(q.inner.start + from, q.inner.end + from),
            open_ended: false,
        })
        .collect();
    // A quotation inside another (a quoted question within a quote) is part of it.
    let all = found.clone();
    found.retain(|q| {
        !all.iter()
            .any(|o| o != q && o.inner.start <= q.outer.start && q.outer.end <= o.inner.end)
    });
    let mut open = Vec::new();
    let mut start = from;
    for line in text[from..].split_inclusive('\n') {
        let end = start + line.len();
        if let Some(q) = open_quote(text, Span::new(start, end), &found) {
            open.push(q);
        }
        start = end;
    }
    found.extend(open);
    found.sort_by_key(|q| q.outer.start);
    found
}

/// The open-ended quotation of the paragraph `para`, if its last double
/// opening mark outside every found quotation has no closing mark.
fn open_quote(text: &str, para: Span, found: &[QuoteSpan]) -> Option<QuoteSpan> {
    let line = &text[para.range()];
    let (offset, mark) = line.char_indices().rfind(|&(i, c)| {
        matches!(c, '"' | '\u{201c}')
            && !found
                .iter()
                .any(|q| q.outer.start <= para.start + i && para.start + i < q.outer.end)
    })?;
    let at = para.start + offset;
    // An opening mark follows a space, a dash or a bracket, not a word.
    let before = text[para.start..at].chars().next_back();
    if before.is_some_and(|c| {
        !(c.is_whitespace() || matches!(c, '(' | '[' | '-' | '\u{2014}' | ':' | ','))
    }) {
        return None;
    }
    let rest = &text[at + mark.len_utf8()..para.end];
    // An opening mark is followed by the words it opens.
    if !rest.trim_start().starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let lead = rest.len() - rest.trim_start().len();
    let inner_start = at + mark.len_utf8() + lead;
    let inner = Span::new(inner_start, inner_start + rest.trim().len());
    // Only a few words: a stray mark, not a quotation.
    if text[inner.range()].split_whitespace().count() < 3 {
        return None;
    }
    Some(QuoteSpan {
        outer: Span::new(at, inner.end),
        inner,
        open_ended: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<(&str, bool)> {
        find_quotes(text, 0)
            .iter()
            .map(|q| (&text[q.inner.range()], q.open_ended))
            .collect()
    }

    #[test]
    fn closed_open_ended_and_nested_quotations() {
        let text = "\"It upsets me,\" Tutu said. \"We have been fair to him.\n\n\"But we must respect the courts.\"\nHe said: \"I asked 'why now' and left.\"";
        assert_eq!(
            inner(text),
            [
                ("It upsets me,", false),
                ("We have been fair to him.", true),
                ("But we must respect the courts.", false),
                ("I asked 'why now' and left.", false),
            ]
        );
    }

    #[test]
    fn a_stray_mark_is_no_quotation() {
        assert_eq!(inner("He would `take on a realistic approach.\" Then"), []);
        assert_eq!(inner("Height 6' 2\" tall"), []);
        assert_eq!(
            inner("would `take on a realistic approach.\" Ecevit told reporters in Ankara"),
            []
        );
    }
}
