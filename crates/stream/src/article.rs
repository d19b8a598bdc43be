//! The stream record and its publication date.

use crate::{Error, Result};
use brief_core::Document;
use serde::{Deserialize, Serialize};

/// One article of a stream: a JSONL line `{"id","title"?,"text","published"?,"source"?,"embedding"?}`.
///
/// Unknown fields (a gold `story` label, say) are ignored when reading.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Identifier, unique in the stream.
    pub id: String,
    /// Headline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Body text.
    pub text: String,
    /// Publication time, ISO 8601 (`2017-04-12` or `2017-04-12T09:30:00Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Publisher or feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A unit-length sentence embedding of the article (of
    /// [`embedding_text`](Self::embedding_text)), when the stream carries
    /// one or [`embed_articles`](crate::embed_articles) added it; the
    /// clusterer then compares meaning as well as words
    /// ([`ClusterConfig::embedding_weight`](crate::ClusterConfig::embedding_weight)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedding: Option<Vec<f32>>,
}

impl Article {
    /// An article with an id and text and nothing else.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    /// Seconds since 1970-01-01 UTC of `published`, `None` when absent or blank.
    pub fn timestamp(&self) -> Result<Option<i64>> {
        match self.published.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(value) => parse_timestamp(value)
                .map(Some)
                .ok_or_else(|| Error::BadDate {
                    id: brief_core::error::clip(&self.id),
                    value: brief_core::error::clip(value),
                }),
        }
    }
}

/// An article is summarized as a brief-core [`Document`]: `published`
/// becomes `date`, the other fields keep their names. This is the one place
/// the two records are converted.
impl From<Article> for Document {
    /// The embedding, which only the clusterer reads, is dropped.
    fn from(article: Article) -> Self {
        Document {
            id: article.id,
            title: article.title,
            text: article.text,
            date: article.published,
            source: article.source,
        }
    }
}

impl From<&Article> for Document {
    fn from(article: &Article) -> Self {
        Document::from(article.clone())
    }
}

/// A document read as a stream article: `date` becomes `published`.
impl From<Document> for Article {
    fn from(document: Document) -> Self {
        Article {
            id: document.id,
            title: document.title,
            text: document.text,
            published: document.date,
            source: document.source,
            embedding: None,
        }
    }
}

/// Seconds since the Unix epoch of an ISO 8601 date or date-time.
///
/// Accepts `YYYY-MM-DD`, optionally followed by `T` or a space and
/// `HH:MM[:SS[.fff]]`, optionally followed by `Z` or `±HH[:]MM`. Hand-written
/// because a whole date-time crate is more than the feed dates need.
///
/// ```
/// use brief_stream::parse_timestamp;
/// assert_eq!(parse_timestamp("1970-01-02"), Some(86_400));
/// assert_eq!(parse_timestamp("2017-04-12T09:30:00+02:00"), parse_timestamp("2017-04-12T07:30:00Z"));
/// assert_eq!(parse_timestamp("April 12"), None);
/// ```
pub fn parse_timestamp(value: &str) -> Option<i64> {
    let s = value.trim();
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let rest = &s[10..];
    if rest.is_empty() {
        return Some(seconds);
    }
    let rest = rest.strip_prefix(['T', ' '])?;
    let rb = rest.as_bytes();
    if rb.len() < 5 || rb[2] != b':' {
        return None;
    }
    let hm = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = rest.get(r)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (hour, minute) = (hm(0..2)?, hm(3..5)?);
    let mut i = 5;
    let mut second = 0;
    if rb.get(i) == Some(&b':') {
        second = hm(6..8)?;
        i = 8;
        if rb.get(i) == Some(&b'.') {
            i += 1;
            while rb.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    seconds += hour * 3600 + minute * 60 + second;
    let zone = &rest[i..];
    let offset = match zone.as_bytes().first() {
        None => 0,
        Some(b'Z') if zone.len() == 1 => 0,
        Some(&sign @ (b'+' | b'-')) => {
            let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let h: i64 = digits[0..2].parse().ok()?;
            let m: i64 = digits[2..4].parse().ok()?;
            let off = h * 3600 + m * 60;
            if sign == b'+' {
                off
            } else {
                -off
            }
        }
        _ => return None,
    };
    Some(seconds - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(parse_timestamp("1970-01-01"), Some(0));
        assert_eq!(parse_timestamp("2000-03-01"), Some(951_868_800));
        assert_eq!(parse_timestamp("2016-01-05T00:00:00"), Some(1_451_952_000));
        assert_eq!(parse_timestamp("2013-01-30T03:43:55"), Some(1_359_517_435));
        assert_eq!(
            parse_timestamp("2013-01-30 03:43:55.123Z"),
            Some(1_359_517_435)
        );
        assert_eq!(
            parse_timestamp("2013-01-30T05:43:55+0200"),
            Some(1_359_517_435)
        );
    }

    #[test]
    fn bad_dates() {
        for s in [
            "",
            "2013",
            "2013-13-01",
            "2013-01-30T3:43",
            "2013-01-30X",
            "yesterday",
        ] {
            assert_eq!(parse_timestamp(s), None, "{s}");
        }
        let a = Article {
            published: Some("soon".into()),
            ..Article::new("x", "t")
        };
        assert!(matches!(a.timestamp(), Err(Error::BadDate { .. })));
    }

    #[test]
    fn documents_and_articles_convert_both_ways() {
        let article = Article {
            title: Some("Floods".into()),
            published: Some("2020-01-02".into()),
            source: Some("wire".into()),
            ..Article::new("a", "Rain.")
        };
        let document = Document::from(&article);
        assert_eq!(document.date.as_deref(), Some("2020-01-02"));
        assert_eq!(
            (
                document.id.as_str(),
                document.title.as_deref(),
                document.text.as_str()
            ),
            ("a", Some("Floods"), "Rain.")
        );
        assert_eq!(document.source.as_deref(), Some("wire"));
        assert_eq!(Article::from(document), article);
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let a: Article =
            serde_json::from_str(r#"{"id":"1","text":"t","story":"gold","extra":3}"#).unwrap();
        assert_eq!(a, Article::new("1", "t"));
    }
}
