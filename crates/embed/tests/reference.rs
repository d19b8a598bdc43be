//! The Rust encoder gives the vectors sentence-transformers gives, for the
//! sentences in `tests/data/reference_vectors.json` (made by
//! `tests/make_reference.py`). The model folder comes from
//! `BRIEF_EMBED_MODEL` (`scripts/fetch-model.sh` fetches it). Without it the
//! test says so and returns, unless `BRIEF_REQUIRE_MODEL=1` (set by `.ci/run`),
//! where a missing model fails it.

use brief_embed::MiniLmEncoder;
use serde::Deserialize;

#[derive(Deserialize)]
struct Reference {
    max_seq_length: usize,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    vector: Vec<f32>,
}

#[test]
fn vectors_match_sentence_transformers() {
    let Some(model_dir) = brief_embed::model_dir_for_tests() else {
        return;
    };
    let encoder = MiniLmEncoder::load(&model_dir).expect("model loads");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/reference_vectors.json"
    ))
    .expect("reference file");
    let reference: Reference = serde_json::from_str(&text).expect("reference parses");
    assert_eq!(reference.max_seq_length, brief_embed::MAX_PIECES);
    let texts: Vec<&str> = reference.cases.iter().map(|c| c.text.as_str()).collect();
    // Encoded together (padding to the longest) and one by one: same vectors.
    let together = encoder.embed(&texts).expect("encodes");
    for (k, case) in reference.cases.iter().enumerate() {
        let alone = encoder.embed(&[case.text.as_str()]).expect("encodes");
        for got in [&together[k], &alone[0]] {
            assert_eq!(got.len(), case.vector.len());
            let cosine: f32 = got.iter().zip(&case.vector).map(|(a, b)| a * b).sum();
            let max_diff = got
                .iter()
                .zip(&case.vector)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0f32, f32::max);
            assert!(
                cosine > 0.9999 && max_diff < 1e-4,
                "case {k} ({:.40}…): cosine {cosine}, max |diff| {max_diff}",
                case.text
            );
        }
    }
}
