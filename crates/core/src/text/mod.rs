//! Text processing, as a chain of small stages with one job each:
//!
//! - [`segment`]: text → sentence spans ([`Segmenter`]).
//! - [`tokenize`]: sentence → word tokens with byte offsets ([`Tokenizer`]).
//! - [`filter`]: token → normalized term or nothing ([`TokenFilter`]: lowercase,
//!   stopwords, stemming), chained by an [`Analyzer`].
//! - [`clean`]: tells body sentences from headline, byline and list residue.
//! - [`boilerplate`]: page furniture learned from many clusters.
//! - [`asides`]: asides in which the page points at itself ("(see below)"),
//!   cut from every quoted sentence.
//! - [`name_cards`]: a linked name's pop-up card (full name, related
//!   headlines, "More") run into a sentence, cut from every sentence.
//! - [`compress`]: sentence → cuts that a quotation may leave out
//!   ([`compress::SentenceCompressor`]: attribution tails, parentheticals,
//!   leading clauses of time and place).
//!
//! and the helpers the later stages read text with:
//!
//! - [`words`]: words as names are written ("U.S." whole, possessives
//!   marked), for alias matching, quote attribution and dates.
//! - [`quote_marks`]: where a text quotes someone.
//! - [`calendar`]: calendar days, month and weekday names.
//! - `lexicon`: word lists for reading who did and said what (speech
//!   verbs, titles, role nouns, places, given names).
//! - [`cues`]: openers that lean on a previous sentence; site chrome.
//!
//! Offsets are never changed by later stages: spans always index the original
//! text. Nothing here knows about clusters: `text` sits just above
//! [`crate::model`] and below every other stage.

pub mod asides;
pub mod boilerplate;
pub mod calendar;
pub mod clean;
pub mod compress;
pub mod cues;
pub mod entities;
pub mod filter;
pub(crate) mod lexicon;
pub mod name_cards;
pub mod quote_marks;
pub mod recase;
pub mod segment;
pub mod tokenize;
pub mod words;

pub use filter::{Analyzer, LowerCase, Stemmer, StopWords, TokenFilter};
pub use segment::{NewsSegmenter, Segmenter};
pub use tokenize::{Token, Tokenizer, WordTokenizer};
