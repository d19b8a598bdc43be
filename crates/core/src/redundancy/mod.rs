//! The redundancy stage: which sentences of a cluster say the same thing.
//!
//! Every summarizer selects through this stage's duplicate test, so what it
//! holds changes summaries (the gazetteer in `data/gazetteer.tsv` among
//! them):
//!
//! - [`aliases`]: the names a cluster uses for one actor ("Russia",
//!   "Russian Federation", "Moscow", "the Kremlin"; "Mr Tillerson", "the
//!   Secretary of State"), from a curated gazetteer and the cluster's own
//!   people, rewritten to one token per actor.
//! - [`copies`]: exact and near-duplicate sentences across documents,
//!   grouped into copy families, and a document overlap matrix.
//! - [`view`]: per sentence, what the test compares ([`RedundancyView`]:
//!   alias-canonical term sets and text keys, copy families), built once per
//!   [`PreparedCluster`](crate::prepare::PreparedCluster).
//! - [`filter`]: the test itself ([`RedundancyFilter`]): same copy family,
//!   same canonical text, or content terms overlapping enough.
//!
//! The stage sits above [`crate::similarity`] and below [`crate::select`];
//! `brief analyze` reports its copy families and aliases.

pub mod aliases;
pub mod copies;
pub mod filter;
pub mod view;

pub use filter::RedundancyFilter;
pub use view::RedundancyView;
