//! What brief has learned from clusters with reference summaries, and the
//! features it learned from. No training here (brief-learn trains); only
//! the model types, their evaluation and the feature extractors they need.
//!
//! - [`forest`]: gradient-boosted trees, evaluated.
//! - [`concepts`]: concept features and the general worth of terms.
//! - [`sentences`]: sentence features.
//! - [`model`]: the selection model file, compiled in or read.

pub mod concepts;
pub mod forest;
pub mod model;
pub mod sentences;
