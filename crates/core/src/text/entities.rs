//! HTML character references that crawled pages leave in article text
//! ("rag &amp; bone", "&#124;"): a summary quotes them as the characters
//! they stand for, each as an [`Edit`] of reason [`EditReason::Entity`], so
//! the item's provenance still points at the source bytes. Invisible
//! formatting characters the pages leave inside words and lines (soft
//! hyphens in "un\u{ad}or\u{ad}tho\u{ad}dox", zero-width spaces, byte-order
//! and direction marks) are dropped the same way: a reader sees nothing,
//! but a search, a copy or a ROUGE tokenizer sees a word cut in pieces.
//!
//! Only well-formed references are read: the five named ones of XML, the
//! non-breaking space, a few typographic ones (dashes, fractions), and
//! numeric ones (`&#NNN;`, `&#xHH;`) of a valid, visible character. Anything else ("&t;", "AT&T;") is left as written.
//! Written by hand: the decoders on crates.io decode a whole string and do
//! not say where each reference stood, which the edit needs.

use crate::model::{Edit, EditReason, Span};

/// Longest reference read, in bytes ("&#x10FFFF;" is ten).
const MAX_REFERENCE: usize = 10;

/// The character a reference body (between `&` and `;`) stands for: a
/// named one (in any case: SGML writes `&AMP;`), or a number, decimal
/// (`#39`) or hexadecimal (`#x2014`). The DUC reader decodes its documents
/// with this table too.
pub fn character(body: &str) -> Option<char> {
    if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match body.to_ascii_lowercase().as_str() {
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        // "&MD;" is the wire's em dash.
        "md" | "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "cent" => '\u{a2}',
        "pound" => '\u{a3}',
        "deg" => '\u{b0}',
        "frac12" => '\u{bd}',
        "frac14" => '\u{bc}',
        "frac34" => '\u{be}',
        _ => return None,
    })
}

/// [`character`], for quoting: a visible character (a tab becomes a space).
fn decode(body: &str) -> Option<char> {
    let c = character(body).filter(|c| !c.is_control() || *c == '\t')?;
    Some(if c == '\t' { ' ' } else { c })
}

/// Whether `c` is a formatting character that shows nothing where it
/// stands: a soft hyphen, a zero-width space, a word joiner, a byte-order
/// mark, a direction mark or a direction embedding. (Zero-width joiners
/// shape scripts and emoji, and stay.)
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{200e}' | '\u{200f}' | '\u{202a}'
            ..='\u{202e}'
    )
}

/// Edits dropping each run of invisible formatting characters of `text`
/// (which starts at byte `start` of its document).
pub fn invisible_characters(text: &str, start: usize) -> Vec<Edit> {
    // Every quoted sentence is asked: each of these characters is encoded
    // with a lead byte 0xC2 (U+00AD), 0xE2 or 0xEF, so only the characters
    // at those bytes are decoded (a lead byte always starts a character).
    let mut edits: Vec<Edit> = Vec::new();
    for at in memchr::memchr3_iter(0xC2, 0xE2, 0xEF, text.as_bytes()) {
        let Some(c) = text[at..].chars().next().filter(|&c| is_invisible(c)) else {
            continue;
        };
        let span = Span::new(start + at, start + at + c.len_utf8());
        match edits.last_mut() {
            Some(last) if last.span.end == span.start => last.span.end = span.end,
            _ => edits.push(Edit {
                span,
                replacement: String::new(),
                reason: EditReason::Entity,
            }),
        }
    }
    edits
}

/// Edits writing each character reference of `text` (which starts at byte
/// `start` of its document) as its character (nothing, for an invisible
/// one: "&shy;" written as "&#173;").
pub fn character_references(text: &str, start: usize) -> Vec<Edit> {
    let mut edits = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = text[from..].find('&') {
        let at = from + k;
        from = at + 1;
        let window = &bytes[at + 1..bytes.len().min(at + MAX_REFERENCE)];
        let Some(end) = window.iter().position(|&b| b == b';') else {
            continue;
        };
        // The window ends before a byte that may sit inside a character,
        // so the body is checked to be ASCII before it is sliced.
        let body_bytes = &window[..end];
        if body_bytes.is_empty() || !body_bytes.is_ascii() {
            continue;
        }
        let body = &text[at + 1..at + 1 + end];
        if let Some(c) = decode(body) {
            let span = Span::new(start + at, start + at + end + 2);
            edits.push(Edit {
                span,
                replacement: if is_invisible(c) {
                    String::new()
                } else {
                    c.to_string()
                },
                reason: EditReason::Entity,
            });
            from = at + end + 2;
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SummaryItem;

    fn written(text: &str) -> String {
        let edits = character_references(text, 0);
        SummaryItem::edited_text(text, Span::new(0, text.len()), &edits)
    }

    #[test]
    fn references_are_written_as_their_characters() {
        assert_eq!(written("rag &amp; bone jeans"), "rag & bone jeans");
        assert_eq!(written("a &#124; b &#x7C; c"), "a | b | c");
        assert_eq!(written("&quot;no&quot;, he said"), "\"no\", he said");
        assert_eq!(written("&amp;amp;"), "&amp;");
    }

    #[test]
    fn anything_else_is_left_as_written() {
        for text in [
            "AT&T; shares",
            "a &t; b",
            "&#0;",
            "&#xZZ;",
            "& amp;",
            "&amp",
            "caf\u{e9}&\u{e9};",
            "&#1114112;",
            "&",
        ] {
            assert!(character_references(text, 0).is_empty(), "{text}");
        }
    }

    #[test]
    fn invisible_characters_are_dropped_with_their_source_bytes() {
        let text = "un\u{ad}or\u{ad}tho\u{ad}dox \u{200b}\u{200b}bid, \u{feff}\u{202a}#12news\u{202c} &#173;x";
        let mut edits = invisible_characters(text, 0);
        Edit::add_apart(&mut edits, character_references(text, 0));
        edits.sort_by_key(|e| e.span.start);
        assert_eq!(
            SummaryItem::edited_text(text, Span::new(0, text.len()), &edits),
            "unorthodox bid, #12news x"
        );
        // One edit per run, each over exactly the invisible bytes.
        let dropped: Vec<&str> = edits.iter().map(|e| &text[e.span.range()]).collect();
        assert_eq!(
            dropped,
            [
                "\u{ad}",
                "\u{ad}",
                "\u{ad}",
                "\u{200b}\u{200b}",
                "\u{feff}\u{202a}",
                "\u{202c}",
                "&#173;"
            ]
        );
        // Joiners that shape a script or an emoji stay.
        assert!(
            invisible_characters("\u{1f469}\u{200d}\u{1f4bb} caf\u{e9} \u{2014}", 0).is_empty()
        );
    }

    #[test]
    fn spans_are_in_document_bytes() {
        let doc = "Intro. Get the app for iphone &amp; ipad!";
        let start = 7;
        let edits = character_references(&doc[start..], start);
        assert_eq!(edits.len(), 1);
        assert_eq!(&doc[edits[0].span.range()], "&amp;");
    }
}
