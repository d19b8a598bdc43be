//! # brief-core
//!
//! Turns a cluster of news articles about one story into a short extractive
//! summary whose every sentence says where it came from.
//!
//! The pipeline, one small stage per module, each using only the ones
//! before it (a module never names a later one; `python3
//! bench/structure/import_cycles.py crates/core/src` checks it):
//!
//! 1. [`model`]: [`Document`], [`Cluster`], [`Budget`], [`Summary`] with
//!    [`SummaryItem`] provenance (document, sentence, byte [`Span`]); and
//!    [`error`].
//! 2. [`text`]: segmentation, tokenization, token filters, news cleaning,
//!    and the word, quotation-mark and calendar helpers later stages read
//!    text with.
//! 3. [`prepare`]: a [`Pipeline`] turns a cluster into body sentences with
//!    interned terms ([`PreparedCluster`]).
//! 4. [`attribution`]: who says each direct quotation (speakers before or
//!    after it, pronouns resolved, names in their fullest form).
//! 5. [`similarity`]: TF-IDF vectors, cosine, term sets.
//! 6. [`redundancy`]: which sentences say the same thing (entity aliases,
//!    copy families, the duplicate filter every summarizer uses).
//! 7. [`select`]: eligibility, budgets, greedy selection, source ordering.
//! 8. [`summarize`]: one module per algorithm behind [`Summarizer`] (with
//!    [`embedding`], the interface of optional sentence encoders).
//! 9. [`registry`]: algorithm names → summarizers.
//! 10. [`analyze`]: the `brief analyze` report over the stages (copies,
//!     aliases, quotes, timeline); no stage uses it.
//!
//! ```
//! use brief_core::{summarize_cluster, Algorithm, Budget, Cluster, Document, Params};
//! let cluster = Cluster::new("story", vec![
//!     Document::new("a", "Russia vetoed a UN resolution on Syria. The vote was 10 to 2 with three abstentions."),
//!     Document::new("b", "Russia vetoed the UN resolution on Syria on Wednesday. China abstained from the vote."),
//! ]);
//! let summary = summarize_cluster(&cluster, Algorithm::LexRank, &Params::default(), Budget::Words(20)).unwrap();
//! assert!(summary.word_count() <= 20);
//! for item in &summary.items {
//!     assert_eq!(&cluster.documents[item.doc].text[item.span.range()], item.text);
//! }
//! ```

pub mod analyze;
pub mod attribution;
pub mod bounds;
pub mod cancel;
pub mod cohesion;
pub mod compare;
pub mod embedding;
pub mod error;
pub mod learn;
pub mod model;
pub mod prepare;
pub mod priors;
pub mod redundancy;
pub mod registry;
pub mod select;
pub mod settings;
pub mod similarity;
pub mod summarize;
pub mod text;

pub use cancel::{CancelToken, Deadline};
pub use error::{Error, Result};
pub use model::{Budget, Cluster, Document, Span, Speaker, Summary, SummaryItem};
pub use prepare::{Pipeline, PreparedCluster, Sentence};
pub use registry::{build, Algorithm, Params};
pub use settings::{Summarization, SummarizeSettings, UpdateSettings};
pub use summarize::Summarizer;

/// Prepares `cluster` with the pipeline `params` call for under `budget`
/// ([`Params::pipeline`]) and summarizes it.
pub fn summarize_cluster(
    cluster: &Cluster,
    algorithm: Algorithm,
    params: &Params,
    budget: Budget,
) -> Result<Summary> {
    let summarizer = build(algorithm, params)?;
    let prepared = params.pipeline(budget).prepare(cluster)?;
    let mut summary = summarizer.summarize(&prepared, budget);
    attribution::ground_summary(&mut summary, &prepared);
    Ok(summary)
}
