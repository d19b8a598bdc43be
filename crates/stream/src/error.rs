//! Errors of the stream stages.

/// What can go wrong when configuring or clustering a stream.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A setting is out of its range.
    #[error("invalid setting {field}: {reason}")]
    InvalidSetting {
        /// The setting, as named in the settings type and its JSON form
        /// (`threshold`, `dedup.bands`, `params.lambda`, ...).
        field: String,
        /// What is wrong with its value.
        reason: String,
    },
    /// An article's `published` field is not an ISO 8601 date.
    #[error("article {id:?}: unreadable date {value:?} (expected ISO 8601, e.g. 2017-04-12 or 2017-04-12T09:30:00Z)")]
    BadDate {
        /// The article's id.
        id: String,
        /// The value found.
        value: String,
    },
    /// The sentence encoder failed on a batch of articles.
    #[error("embedding articles: {0}")]
    Embedding(String),
    /// Gold and predicted labels do not line up.
    #[error("label lists differ in length: {gold} gold, {predicted} predicted")]
    LabelCount {
        /// Number of gold labels.
        gold: usize,
        /// Number of predicted labels.
        predicted: usize,
    },
}

impl Error {
    /// An [`Error::InvalidSetting`] for `field`.
    pub(crate) fn setting(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidSetting {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
