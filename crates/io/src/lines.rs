//! Batch files as lines of bytes, each decoded on its own: one line that is
//! not UTF-8 (or is too long) is reported with its file and line number and
//! skipped, and every other line is read.
//!
//! Lines end at `\n`; a `\r` before it is dropped, as [`str::lines`] does;
//! a UTF-8 byte-order mark at the start of the first line is dropped.

use crate::error::InputError;
use std::path::{Path, PathBuf};

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// `bytes` without a leading byte-order mark.
pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// The lines of `bytes` with their 1-based numbers, as [`str::lines`]
/// splits text (no empty last line after a final `\n`), the byte-order
/// mark of the first line dropped.
pub(crate) fn byte_lines(bytes: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let bytes = strip_bom(bytes);
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let empty = bytes.is_empty();
    body.split(|&b| b == b'\n')
        .take(if empty { 0 } else { usize::MAX })
        .enumerate()
        .map(|(i, line)| (i + 1, line.strip_suffix(b"\r").unwrap_or(line)))
}

/// `path:line`, the name of one line of a batch file in messages.
pub(crate) fn at(path: &Path, line: usize) -> PathBuf {
    PathBuf::from(format!("{}:{line}", path.display()))
}

/// Line `n` of `path` as text, or why it cannot be read: over
/// `max_bytes`, or not UTF-8 (the offset is within the line).
pub(crate) fn decode_line<'a>(
    path: &Path,
    n: usize,
    line: &'a [u8],
    max_bytes: u64,
) -> Result<&'a str, InputError> {
    if line.len() as u64 > max_bytes {
        return Err(InputError::TooLarge {
            path: at(path, n),
            size: line.len() as u64,
            limit: max_bytes,
        });
    }
    std::str::from_utf8(line).map_err(|e| InputError::InvalidUtf8 {
        path: at(path, n),
        offset: e.valid_up_to(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_as_str_lines_does() {
        for text in ["", "a", "a\n", "a\r\nb", "a\n\nb\n", "\n", "a\rb\n", "\r\n"] {
            let ours: Vec<&[u8]> = byte_lines(text.as_bytes()).map(|(_, l)| l).collect();
            let std: Vec<&[u8]> = text.lines().map(str::as_bytes).collect();
            assert_eq!(ours, std, "{text:?}");
        }
        let numbered: Vec<usize> = byte_lines(b"\xef\xbb\xbfa\nb").map(|(n, _)| n).collect();
        assert_eq!(numbered, [1, 2]);
        assert_eq!(byte_lines(b"\xef\xbb\xbf{}").next(), Some((1, &b"{}"[..])));
    }

    #[test]
    fn a_bad_line_names_its_file_and_line() {
        let e = decode_line(Path::new("x.jsonl"), 7, b"ab\xffc", 100).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.jsonl:7: not valid UTF-8 (first bad byte at offset 2)"
        );
        let e = decode_line(Path::new("x.jsonl"), 3, b"abcdef", 4).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("x.jsonl:3: 6 bytes is over the limit of 4"));
    }
}
