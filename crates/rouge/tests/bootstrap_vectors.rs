//! `rouge155_bootstrap` against `rouge155_bootstrap.jsonl`: the averages and intervals that
//! ROUGE-1.5.5.pl's own resampling subs print for synthetic per-evaluation scores (made by
//! bench/rouge155/make_bootstrap_vectors.sh), to the script's 5 decimals.

use brief_rouge::bootstrap::rouge155_bootstrap;
use serde_json::Value;

#[test]
fn every_vector_matches_rouge155_resampling() {
    let path = format!(
        "{}/tests/data/rouge155_bootstrap.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    let mut cases = 0;
    for (i, line) in text.lines().enumerate() {
        let case: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1));
        let values: Vec<f64> = case["values"]
            .as_array()
            .map(|v| v.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        let resamples = case["resamples"].as_u64().unwrap_or(0) as usize;
        let confidence = case["confidence"].as_f64().unwrap_or(0.0);
        let got = rouge155_bootstrap(&values, resamples, confidence);
        let expected = &case["expected"];
        for (name, value) in [("average", got.mid), ("low", got.low), ("high", got.high)] {
            let want = expected[name].as_f64().unwrap_or(f64::NAN);
            if (value - want).abs() > 5e-7 {
                failures.push(format!("{path}:{}: {name} {value} != {want}", i + 1));
            }
        }
        cases += 1;
    }
    assert!(cases >= 10, "{path}: only {cases} vectors");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
