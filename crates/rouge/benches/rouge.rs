//! Criterion benchmark: one candidate of 230 words against one reference of 220 words,
//! for both profiles with their default metrics. The score is asserted inside the
//! benchmark so a fast wrong answer cannot pass.

use brief_rouge::{Rouge, RougeConfig, RougeType};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const SENTENCES: &[&str] = &[
    "Secretary of State Rex Tillerson arrived in Moscow on Tuesday for talks with Russian officials.",
    "The visit came days after the United States fired missiles at a Syrian air base.",
    "Russian Foreign Minister Sergei Lavrov greeted him with unusually sharp words about the strike.",
    "Officials in Washington said the meeting would test whether relations could still improve.",
    "President Vladimir Putin had not confirmed whether he would receive the American envoy.",
    "Analysts described the talks as the most important contact between the two governments this year.",
    "Tillerson was expected to press Moscow to end its support for the government of Bashar al-Assad.",
    "The Kremlin rejected accusations that Syrian forces had used chemical weapons against civilians.",
    "Both sides said they wanted to avoid a military confrontation in the crowded skies over Syria.",
    "European allies urged the secretary to keep sanctions in place until the conflict in Ukraine ends.",
    "The State Department said the discussions covered North Korea, Afghanistan and the fight against terrorism.",
    "Reporters waited outside the ministry for hours as the meeting ran longer than planned.",
    "A joint news conference later showed how far apart the two countries remained on Syria.",
    "Lavrov said Russia would propose an independent investigation of the chemical attack.",
    "Tillerson said trust between the two nuclear powers had fallen to a low point.",
    "The two men agreed to set up a working group to address smaller irritants in the relationship.",
    "Markets in Moscow rose slightly on hopes that the talks would ease tension.",
    "State television gave the visit extensive coverage throughout the evening news.",
    "Diplomats said any real progress would depend on decisions taken in the White House.",
    "The secretary left Moscow on Wednesday night for a meeting of allies in Brussels.",
];

/// The first `words` words of the sentences starting at `skip`, one sentence per line.
fn text(skip: usize, words: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut left = words;
    for sentence in SENTENCES.iter().cycle().skip(skip) {
        let taken: Vec<&str> = sentence.split_whitespace().take(left).collect();
        left -= taken.len();
        out.push(taken.join(" "));
        if left == 0 {
            break;
        }
    }
    out.join("\n")
}

fn bench(c: &mut Criterion) {
    let candidate = text(0, 230);
    let reference = text(3, 220);
    assert_eq!(candidate.split_whitespace().count(), 230);
    assert_eq!(reference.split_whitespace().count(), 220);
    for (name, config) in [
        ("rouge-score", RougeConfig::rouge_score()),
        ("rouge155", RougeConfig::rouge155()),
    ] {
        let rouge = match Rouge::new(config) {
            Ok(rouge) => rouge,
            Err(e) => panic!("{e}"),
        };
        c.bench_function(&format!("{name} 230 vs 220 words"), |b| {
            b.iter(|| {
                let scores = rouge.score(black_box(&candidate), black_box(&[reference.as_str()]));
                let rouge1 = scores[0];
                assert_eq!(rouge1.0, RougeType::N(1));
                // Most sentences are shared, so unigram recall is high but not perfect.
                assert!(rouge1.1.recall > 0.7 && rouge1.1.recall < 1.0, "{rouge1:?}");
                scores
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
