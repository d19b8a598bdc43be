//! Reading an article stream: JSONL, one [`Article`] per line, in
//! publication order, as `brief cluster` and `brief stories` read it.
//!
//! A bad line (not UTF-8, longer than the limit, not an article) is an
//! `Err` item naming the source and line, and reading goes on after it; the
//! caller reports and skips it. Blank lines are passed over. Only a failure
//! to read at all ([`LineError::Io`]) ends the stream. An over-long line is
//! never held in memory whole: past the limit its bytes are dropped as they
//! are read.
//!
//! ```
//! use brief_stream::reader::StreamReader;
//! let input = "{\"id\": \"a\", \"text\": \"Volcano erupts\", \"story\": 7}\n\nnot json\n";
//! let lines: Vec<_> = StreamReader::new("feed.jsonl", input.as_bytes(), 1 << 20).collect();
//! assert_eq!(lines.len(), 2);
//! let first = lines[0].as_ref().unwrap();
//! assert_eq!((first.article.id.as_str(), first.gold.as_deref()), ("a", Some("7")));
//! let bad = lines[1].as_ref().unwrap_err();
//! assert!(bad.to_string().starts_with("feed.jsonl:3: not an article"));
//! ```

use crate::article::Article;
use serde::Deserialize;
use std::fmt;
use std::io::{BufRead, ErrorKind, Read};
use std::sync::Arc;

/// Where a line was read: the source's name (a path, `<stdin>`) and the
/// line number from 1. Shown as `source:line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The source's name.
    pub source: Arc<str>,
    /// Line number, from 1.
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.source, self.line)
    }
}

/// A readable line of a stream.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamLine {
    /// The article.
    pub article: Article,
    /// The line's gold `story` field as text (a JSON string as is, any
    /// other value as JSON), if any: the label that clustering is scored against.
    pub gold: Option<String>,
    /// Where it was read.
    pub at: Location,
}

/// A line that cannot be used, or a failure to read.
///
/// The messages of bad lines are complete sentences naming file and line,
/// meant to be reported one per line.
#[derive(Debug, thiserror::Error)]
pub enum LineError {
    /// The source could not be read (the stream ends here).
    #[error("reading {at}")]
    Io {
        /// Where reading failed.
        at: Location,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The line is longer than the limit.
    #[error("{at}: {bytes} bytes is over the limit of {limit} bytes per article")]
    TooLong {
        /// The line.
        at: Location,
        /// Its length in bytes.
        bytes: usize,
        /// The limit.
        limit: u64,
    },
    /// The line is not UTF-8.
    #[error("{at}: not valid UTF-8 (at byte {valid_up_to})")]
    NotUtf8 {
        /// The line.
        at: Location,
        /// Length of its valid prefix.
        valid_up_to: usize,
    },
    /// The line is not a JSON article.
    #[error("{at}: not an article ({{\"id\", \"text\", ...}}): {reason}")]
    NotAnArticle {
        /// The line.
        at: Location,
        /// The JSON parser's message.
        reason: String,
    },
    /// The line's gold `story` field cannot be read.
    #[error("{at}: unreadable story label: {reason}")]
    BadLabel {
        /// The line.
        at: Location,
        /// The JSON parser's message.
        reason: String,
    },
}

impl LineError {
    /// Where it happened.
    pub fn at(&self) -> &Location {
        match self {
            LineError::Io { at, .. }
            | LineError::TooLong { at, .. }
            | LineError::NotUtf8 { at, .. }
            | LineError::NotAnArticle { at, .. }
            | LineError::BadLabel { at, .. } => at,
        }
    }

    /// Whether the stream cannot go on (a read failure, not a bad line).
    pub fn is_fatal(&self) -> bool {
        matches!(self, LineError::Io { .. })
    }
}

/// The gold label part of a line.
#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    story: Option<serde_json::Value>,
}

/// Reads one JSON article line (as found at `at`).
pub fn parse_line(line: &str, at: Location) -> Result<StreamLine, LineError> {
    let article = match serde_json::from_str::<Article>(line) {
        Ok(article) => article,
        Err(e) => {
            return Err(LineError::NotAnArticle {
                at,
                reason: e.to_string(),
            })
        }
    };
    let gold = match serde_json::from_str::<Gold>(line) {
        Ok(gold) => gold.story.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        }),
        Err(e) => {
            return Err(LineError::BadLabel {
                at,
                reason: e.to_string(),
            })
        }
    };
    Ok(StreamLine { article, gold, at })
}

/// The lines of a JSONL stream as articles (see the module docs).
#[derive(Debug)]
pub struct StreamReader<R> {
    reader: R,
    source: Arc<str>,
    line: usize,
    max_line_bytes: u64,
    buffer: Vec<u8>,
    done: bool,
}

impl<R: BufRead> StreamReader<R> {
    /// Reads `reader`, named `source` in messages; lines over
    /// `max_line_bytes` bytes (without the line break) are errors.
    pub fn new(source: impl Into<Arc<str>>, reader: R, max_line_bytes: u64) -> Self {
        StreamReader {
            reader,
            source: source.into(),
            line: 0,
            max_line_bytes,
            buffer: Vec::new(),
            done: false,
        }
    }

    /// Reads the next line into `buffer` (whole when within the limit):
    /// its length without the line break and whether it is blank, or
    /// `None` at the end.
    fn next_raw(&mut self) -> std::io::Result<Option<(usize, bool)>> {
        self.buffer.clear();
        // One byte more than the limit, for the line break or to see that
        // the line is over the limit.
        let most = self.max_line_bytes.saturating_add(1);
        let read = (&mut self.reader)
            .take(most)
            .read_until(b'\n', &mut self.buffer)?;
        if read == 0 {
            return Ok(None);
        }
        let ends = self.buffer.last() == Some(&b'\n');
        if ends {
            self.buffer.pop();
        }
        let mut length = self.buffer.len();
        let mut blank = self.buffer.iter().all(u8::is_ascii_whitespace);
        if !ends && read as u64 == most {
            // Over the limit: the rest of the line is counted, not kept.
            loop {
                let available = match self.reader.fill_buf() {
                    Ok(bytes) => bytes,
                    Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                };
                if available.is_empty() {
                    break;
                }
                let (chunk, used, ends) = match available.iter().position(|&b| b == b'\n') {
                    Some(i) => (&available[..i], i + 1, true),
                    None => (available, available.len(), false),
                };
                blank &= chunk.iter().all(u8::is_ascii_whitespace);
                length += chunk.len();
                self.reader.consume(used);
                if ends {
                    break;
                }
            }
        }
        Ok(Some((length, blank)))
    }
}

impl<R: BufRead> Iterator for StreamReader<R> {
    type Item = Result<StreamLine, LineError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let raw = self.next_raw();
            self.line += 1;
            let at = Location {
                source: Arc::clone(&self.source),
                line: self.line,
            };
            let (length, blank) = match raw {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(source) => {
                    self.done = true;
                    return Some(Err(LineError::Io { at, source }));
                }
            };
            if blank {
                continue;
            }
            if length as u64 > self.max_line_bytes {
                return Some(Err(LineError::TooLong {
                    at,
                    bytes: length,
                    limit: self.max_line_bytes,
                }));
            }
            let line = match std::str::from_utf8(&self.buffer) {
                Ok(line) => line,
                Err(e) => {
                    return Some(Err(LineError::NotUtf8 {
                        at,
                        valid_up_to: e.valid_up_to(),
                    }))
                }
            };
            return Some(parse_line(line, at));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    fn read(input: &[u8], limit: u64) -> Vec<Result<StreamLine, LineError>> {
        // A tiny buffer, so that lines span many reads.
        StreamReader::new("s", BufReader::with_capacity(3, input), limit).collect()
    }

    #[test]
    fn bad_lines_are_named_and_skipped_over() {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"id\":\"a\",\"text\":\"Volcano erupts\"}\n");
        input.extend_from_slice(b"  \n");
        input.extend_from_slice(b"{\"id\":\"b\"}\n");
        input.extend_from_slice(b"{\"id\":\"c\",\"text\":\"caf\xe9\"}\n");
        input.extend_from_slice(&[b'x'; 200]);
        input.push(b'\n');
        input.extend_from_slice(b"{\"id\":\"d\",\"text\":\"Lava\",\"story\":\"s1\"}");
        let got = read(&input, 100);
        assert_eq!(got.len(), 5);
        assert_eq!(got[0].as_ref().unwrap().article.id, "a");
        assert_eq!(got[0].as_ref().unwrap().gold, None);
        let message = |i: usize| got[i].as_ref().unwrap_err().to_string();
        assert!(
            message(1).starts_with("s:3: not an article"),
            "{}",
            message(1)
        );
        assert_eq!(message(2), "s:4: not valid UTF-8 (at byte 21)");
        assert_eq!(
            message(3),
            "s:5: 200 bytes is over the limit of 100 bytes per article"
        );
        let last = got[4].as_ref().unwrap();
        assert_eq!((last.at.line, last.gold.as_deref()), (6, Some("s1")));
        assert!(got.iter().flatten().all(|l| l.at.source.as_ref() == "s"));
        assert!(!got[1].as_ref().unwrap_err().is_fatal());
    }

    #[test]
    fn a_line_at_the_limit_is_read() {
        let line = b"{\"id\":\"a\",\"text\":\"t\"}";
        let limit = line.len() as u64;
        assert!(read(line, limit)[0].is_ok());
        assert!(matches!(
            read(line, limit - 1)[0],
            Err(LineError::TooLong { .. })
        ));
        assert!(read(b"", 10).is_empty());
        assert!(read(b"\n\n", 10).is_empty());
        // A blank line is passed over whatever its length.
        let mut blank = vec![b' '; 300];
        blank.extend_from_slice(b"\n{\"id\":\"b\",\"text\":\"t\"}");
        let got = read(&blank, 100);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].as_ref().unwrap().at.line, 2);
    }

    #[test]
    fn labels_of_any_type_are_text() {
        let got = read(b"{\"id\":\"a\",\"text\":\"t\",\"story\":[1,2]}\n", 1000);
        assert_eq!(got[0].as_ref().unwrap().gold.as_deref(), Some("[1,2]"));
    }

    struct Failing;

    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }

    #[test]
    fn a_read_failure_ends_the_stream() {
        let mut lines = StreamReader::new("s", BufReader::new(Failing), 10);
        let first = lines.next().unwrap().unwrap_err();
        assert!(first.is_fatal());
        assert_eq!(first.at().line, 1);
        assert!(lines.next().is_none());
    }
}
