//! Text processing, as a chain of small stages with one job each:
//!
//! - [`segment`]: text → sentence spans ([`Segmenter`]).
//! - [`tokenize`]: sentence → word tokens with byte offsets ([`Tokenizer`]).
//! - [`filter`]: token → normalized term or nothing ([`TokenFilter`]: lowercase,
//!   stopwords, stemming), chained by an [`Analyzer`].
//! - [`clean`]: tells body sentences from headline, byline and list residue.
//!
//! Offsets are never changed by later stages: spans always index the original text.

pub mod clean;
pub mod filter;
pub mod segment;
pub mod tokenize;

pub use filter::{Analyzer, LowerCase, Stemmer, StopWords, TokenFilter};
pub use segment::{NewsSegmenter, Segmenter};
pub use tokenize::{Token, Tokenizer, WordTokenizer};
