//! Sentence embeddings, as an interface.
//!
//! brief-core stays free of any neural-network runtime: a model lives in its
//! own crate (`brief-embed` runs all-MiniLM-L6-v2 with candle) and plugs in
//! through [`SentenceEncoder`]. Summarizers that can use graded semantic
//! similarity take an encoder ([`crate::summarize::semantic`]).

use std::sync::Arc;

/// Why a batch of sentences could not be encoded.
#[derive(Debug, thiserror::Error)]
#[error("sentence encoder failed: {0}")]
pub struct EncodeError(pub String);

/// Turns sentences into unit-length vectors whose dot product is their
/// semantic similarity.
pub trait SentenceEncoder: Send + Sync + std::fmt::Debug {
    /// Short name of the model, for summary labels and reports.
    fn name(&self) -> &str;

    /// One L2-normalised vector per text, in order.
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EncodeError>;
}

/// A shared encoder.
pub type SharedEncoder = Arc<dyn SentenceEncoder>;

/// Dot product of two vectors (their cosine when both are unit length).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
