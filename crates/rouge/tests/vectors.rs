//! Every line of the reference vectors, no sampling: `rouge_score.jsonl` (Google
//! rouge-score 0.1.2, to 1e-9), `rouge155.jsonl` and `rouge155_duc.jsonl` (ROUGE-1.5.5.pl,
//! rounded to 5 decimals by the script, to 5e-6).

use brief_rouge::{LengthLimit, MultiRef, Profile, Rouge, RougeConfig, RougeType, Score};
use serde_json::Value;

fn lines(file: &str) -> Vec<Value> {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1))
        })
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Compares P, R and F of every metric in `expected` (keyed by `name_of(type)`), collecting
/// one message per wrong value.
fn check(
    case: &str,
    scores: &[(RougeType, Score)],
    expected: &Value,
    name_of: impl Fn(RougeType) -> String,
    tolerance: f64,
    failures: &mut Vec<String>,
) {
    for &(rouge_type, score) in scores {
        let name = name_of(rouge_type);
        let want = &expected[&name];
        assert!(want.is_object(), "{case}: no expected value for {name}");
        for (key, got) in [
            ("p", score.precision),
            ("r", score.recall),
            ("f", score.fmeasure),
        ] {
            let Some(want) = want[key].as_f64() else {
                panic!("{case}: {name}.{key} missing");
            };
            if (got - want).abs() > tolerance {
                failures.push(format!("{case}: {name}.{key} expected {want} got {got}"));
            }
        }
    }
}

#[test]
fn rouge_score_vectors() {
    let cases = lines("rouge_score.jsonl");
    assert_eq!(cases.len(), 496);
    let mut config = RougeConfig::rouge_score();
    let stemmed = Rouge::new(config.clone()).unwrap_or_else(|e| panic!("{e}"));
    config.stemming = false;
    let plain = Rouge::new(config).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let candidate = case["candidate"].as_str().unwrap_or_default();
        let references = strings(&case["references"]);
        let references: Vec<&str> = references.iter().map(String::as_str).collect();
        let rouge = if case["use_stemmer"].as_bool() == Some(true) {
            &stemmed
        } else {
            &plain
        };
        let name = format!("rouge_score.jsonl line {} ({candidate:?})", i + 1);
        let scores = rouge.score(candidate, &references);
        check(
            &name,
            &scores,
            &case["expected"],
            |t| t.to_string(),
            1e-9,
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} wrong values:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// ROUGE-1.5.5's own names: ROUGE-1, ROUGE-L, ROUGE-SU4 → "rouge-1", "rouge-l", "rouge-su4".
fn perl_name(rouge_type: RougeType) -> String {
    match rouge_type {
        RougeType::N(n) => format!("rouge-{n}"),
        RougeType::L | RougeType::LSum => "rouge-l".into(),
        RougeType::SU(skip) => format!("rouge-su{skip}"),
    }
}

fn score_perl_case(rouge: &Rouge, case: &Value) -> Vec<(RougeType, Score)> {
    let candidate = strings(&case["candidate_sentences"]).join("\n");
    let references: Vec<String> = case["reference_sentences"]
        .as_array()
        .map(|refs| refs.iter().map(|r| strings(r).join("\n")).collect())
        .unwrap_or_default();
    let references: Vec<&str> = references.iter().map(String::as_str).collect();
    rouge.score(&candidate, &references)
}

#[test]
fn rouge155_vectors() {
    let cases = lines("rouge155.jsonl");
    assert_eq!(cases.len(), 247);
    let rouge = Rouge::new(RougeConfig::rouge155()).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let name = format!("rouge155.jsonl line {}", i + 1);
        let scores = score_perl_case(&rouge, case);
        check(
            &name,
            &scores,
            &case["expected"],
            perl_name,
            5e-6,
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} wrong values:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The ROUGE-1.5.5 options of one DUC vector, from its `"options"` object.
fn duc_config(options: &Value) -> RougeConfig {
    let n = options["n"].as_u64().unwrap_or(4) as usize;
    let mut types: Vec<RougeType> = (1..=n).map(RougeType::N).collect();
    if options["rouge_l"].as_bool() == Some(true) {
        types.push(RougeType::L);
    }
    let limit = match (options["l"].as_u64(), options["b"].as_u64()) {
        (Some(words), _) => Some(LengthLimit::Words(words as usize)),
        (None, Some(bytes)) => Some(LengthLimit::Bytes(bytes as usize)),
        (None, None) => None,
    };
    RougeConfig {
        profile: Profile::Rouge155,
        types,
        stemming: true,
        multi_ref: if options["f"].as_str() == Some("B") {
            MultiRef::Best
        } else {
            MultiRef::Average
        },
        limit,
        alpha: options["p"].as_f64().unwrap_or(0.5),
    }
}

#[test]
fn rouge155_duc_vectors() {
    let cases = lines("rouge155_duc.jsonl");
    assert!(cases.len() >= 20, "only {} DUC vectors", cases.len());
    let mut failures = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let rouge = Rouge::new(duc_config(&case["options"])).unwrap_or_else(|e| panic!("{e}"));
        let name = format!("rouge155_duc.jsonl line {} ({})", i + 1, case["flags"]);
        let scores = score_perl_case(&rouge, case);
        check(
            &name,
            &scores,
            &case["expected"],
            perl_name,
            5e-6,
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} wrong values:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
