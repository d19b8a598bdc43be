//! One document as attribution reads it: its words with keys, which body
//! sentence and paragraph each word is in, and whether it is quoted.

use crate::model::Span;
use crate::text::words::{key_of, Word};
use std::borrow::Cow;
use std::ops::Range;

/// A word of the document with what the rules ask of it.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// The word, with byte offsets in the document.
    pub word: Word<'a>,
    /// Lowercased, periods removed ("U.S." → "us", "Gen." → "gen");
    /// borrowed from the text when the word is its own key (most words).
    pub key: Cow<'a, str>,
    /// Body sentence (index among the document's), if in one.
    pub sentence: Option<usize>,
    /// Paragraph (text between line breaks), counted from 0 however many
    /// line breaks separate two paragraphs.
    pub paragraph: usize,
    /// Whether the word is inside quotation marks.
    pub quoted: bool,
}

impl Token<'_> {
    /// [`Token::key`] as a `&str`.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether the word starts with an uppercase letter.
    pub fn capitalized(&self) -> bool {
        self.word.is_capitalized()
    }

    pub fn span(&self) -> Span {
        Span::new(self.word.start, self.word.end)
    }
}

/// The words of one document.
#[derive(Debug)]
pub(crate) struct DocTokens<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// The document's body sentences, in order.
    pub sentences: Vec<Span>,
    /// For each body sentence, the range of its tokens.
    pub sentence_tokens: Vec<Range<usize>>,
}

impl<'a> DocTokens<'a> {
    /// Tokenizes `text`, placing words in `sentences` (sorted, disjoint)
    /// and marking those inside any of `quoted` (outer spans of quotations).
    #[cfg(test)]
    pub fn new(text: &'a str, sentences: Vec<Span>, quoted: &[Span]) -> Self {
        Self::with_words(text, crate::text::words::words(text), sentences, quoted)
    }

    /// [`DocTokens::new`] with the text's words already found
    /// (`words(text)`).
    pub fn with_words(
        text: &'a str,
        words: Vec<Word<'a>>,
        sentences: Vec<Span>,
        quoted: &[Span],
    ) -> Self {
        let mut tokens = Vec::with_capacity(words.len());
        let mut paragraph = 0;
        let mut last_end = 0;
        let mut s = 0;
        let mut q = 0;
        for w in words {
            if text[last_end..w.start].contains('\n') {
                paragraph += 1;
            }
            last_end = w.end;
            while s < sentences.len() && sentences[s].end <= w.start {
                s += 1;
            }
            let sentence = (s < sentences.len() && sentences[s].start <= w.start).then_some(s);
            while q < quoted.len() && quoted[q].end <= w.start {
                q += 1;
            }
            let in_quote = quoted[q..]
                .iter()
                .take_while(|m| m.start <= w.start)
                .any(|m| m.start <= w.start && w.end <= m.end);
            tokens.push(Token {
                key: key_of(w.text),
                word: w,
                sentence,
                paragraph,
                quoted: in_quote,
            });
        }
        let sentence_tokens = sentences
            .iter()
            .map(|span| {
                let a = tokens.partition_point(|t| t.word.start < span.start);
                let b = tokens.partition_point(|t| t.word.start < span.end);
                a..b
            })
            .collect();
        DocTokens {
            text,
            tokens,
            sentences,
            sentence_tokens,
        }
    }

    /// The text between token `i - 1` and token `i` (from the document
    /// start for the first token).
    pub fn gap_before(&self, i: usize) -> &'a str {
        let from = i
            .checked_sub(1)
            .and_then(|j| self.tokens.get(j))
            .map_or(0, |t| t.word.end);
        let to = self.tokens.get(i).map_or(self.text.len(), |t| t.word.start);
        &self.text[from.min(to)..to]
    }

    /// The text between token `i` and token `i + 1` (to the document end
    /// for the last one).
    pub fn gap_after(&self, i: usize) -> &'a str {
        self.gap_before(i + 1)
    }

    /// Index of the first token starting at or after `offset`.
    pub fn first_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.word.start < offset)
    }

    /// Tokens whose start lies in `span`.
    pub fn within(&self, span: Span) -> Range<usize> {
        self.first_at(span.start)..self.first_at(span.end)
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn text_of(&self, range: Range<usize>) -> &'a str {
        match (self.tokens.get(range.start), range.end.checked_sub(1)) {
            (Some(first), Some(last)) if last >= range.start => {
                &self.text[first.word.start..self.tokens[last].word.end]
            }
            _ => "",
        }
    }

    /// The byte span of tokens `range` (empty at the document end when
    /// the range is empty).
    pub fn span_of(&self, range: Range<usize>) -> Span {
        match (self.tokens.get(range.start), range.end.checked_sub(1)) {
            (Some(first), Some(last)) if last >= range.start => {
                Span::new(first.word.start, self.tokens[last].word.end)
            }
            _ => Span::new(self.text.len(), self.text.len()),
        }
    }
}

/// Whether a gap between two words holds punctuation that ends a clause
/// or phrase (anything but spaces, hyphens, apostrophes and the periods
/// of abbreviations are for the caller to judge).
pub(crate) fn has_comma(gap: &str) -> bool {
    gap.contains([',', ';', ':', '(', ')', '\u{2014}', '\u{2013}'])
        || gap.contains(" - ")
        || gap.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_know_their_sentence_paragraph_and_quotes() {
        let text = "Lavrov spoke. \"No,\" he said.\n\nPutin left.";
        let sentences = vec![Span::new(0, 13), Span::new(14, 28), Span::new(30, 41)];
        let d = DocTokens::new(text, sentences, &[Span::new(14, 19)]);
        let got: Vec<(&str, Option<usize>, usize, bool)> = d
            .tokens
            .iter()
            .map(|t| (t.word.text, t.sentence, t.paragraph, t.quoted))
            .collect();
        assert_eq!(
            got,
            [
                ("Lavrov", Some(0), 0, false),
                ("spoke", Some(0), 0, false),
                ("No", Some(1), 0, true),
                ("he", Some(1), 0, false),
                ("said", Some(1), 0, false),
                ("Putin", Some(2), 1, false),
                ("left", Some(2), 1, false),
            ]
        );
        assert_eq!(d.sentence_tokens, [0..2, 2..5, 5..7]);
        assert_eq!(d.gap_before(3), ",\" ");
        assert_eq!(d.text_of(3..5), "he said");
    }
}
