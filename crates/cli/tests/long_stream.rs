//! `brief cluster` on a generated stream of 90 days with reprints of
//! articles 31 to 60 days old: the binary gives the stories of brief-stream's
//! default settings (what `brief_nlp.cluster` runs, see
//! `python/tests/test_cluster.py`), and the stream is long enough to tell
//! those apart from a 30-day copy window (Python's default until both used
//! the library's).

#![allow(clippy::unwrap_used)] // a test: a failed unwrap is a failed test

use brief_stream::{Article, ClusterConfig, DedupConfig, StoryClusterer};
use std::collections::HashMap;
use std::process::Command;

/// A 64-bit linear congruential generator (Knuth's MMIX constants):
/// the same stream on every platform.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// `2021-MM-DD` of day `day` from January 1 (up to April 30).
fn date(day: usize) -> String {
    let mut rest = day;
    for (month, length) in [31, 28, 31, 30].into_iter().enumerate() {
        if rest < length {
            return format!("2021-{:02}-{:02}", month + 1, rest + 1);
        }
        rest -= length;
    }
    panic!("day {day} is past April");
}

const FILLER: &[&str] = &[
    "officials",
    "report",
    "week",
    "city",
    "government",
    "people",
    "plan",
    "new",
    "year",
    "country",
    "group",
    "police",
    "members",
    "public",
    "local",
    "support",
    "state",
    "time",
    "area",
    "work",
    "later",
    "statement",
    "expected",
    "meeting",
    "leaders",
    "national",
    "million",
    "early",
    "month",
    "issue",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "tu", "ve", "zo", "ne", "shi", "po", "gar", "bel",
];

/// A made-up topic: eight content words and two names, and the days it runs.
struct Topic {
    words: Vec<String>,
    names: Vec<String>,
    days: std::ops::Range<usize>,
}

impl Topic {
    fn new(rng: &mut Lcg, days: std::ops::Range<usize>) -> Self {
        let word = |rng: &mut Lcg| {
            (0..3)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect::<String>()
        };
        let words = (0..8).map(|_| word(rng)).collect();
        let names = (0..2)
            .map(|_| {
                let w = word(rng);
                w[..1].to_uppercase() + &w[1..]
            })
            .collect();
        Topic { words, names, days }
    }
}

/// An article `id` of day `day`: a title from `title_topic`'s words and
/// three sentences whose content words and names come from `body[1]` with
/// probability `mix` % and from `body[0]` otherwise, with filler words between.
fn article(
    rng: &mut Lcg,
    id: String,
    day: usize,
    title_topic: &Topic,
    body: [&Topic; 2],
    mix: usize,
) -> Article {
    let mut sentences = Vec::new();
    for _ in 0..3 {
        let mut s = vec!["The".to_owned()];
        for k in 0..10 {
            let topic = body[usize::from(rng.below(100) < mix)];
            let w = if k == 4 {
                topic.names[rng.below(2)].clone()
            } else if rng.below(100) < 55 {
                topic.words[rng.below(topic.words.len())].clone()
            } else {
                FILLER[rng.below(FILLER.len())].to_owned()
            };
            s.push(w);
        }
        sentences.push(s.join(" ") + ".");
    }
    let title: Vec<&str> = (0..3)
        .map(|_| title_topic.words[rng.below(title_topic.words.len())].as_str())
        .collect();
    Article {
        title: Some(title.join(" ")),
        published: Some(date(day)),
        source: Some(format!("source{}", rng.below(5))),
        ..Article::new(id, sentences.join(" "))
    }
}

/// The stream: 24 topics, each running for 5 to 60 days within 90 days
/// (the first two for days 0–89 and 20–69), and reprints (same title and
/// text, a new id and date) of articles 31 to 60 days old. One of those is
/// `bridge-reprint` (day 45) of `bridge` (day 2): an article with the first
/// topic's title but mostly the second topic's words, which joins the first
/// topic's story before the second topic starts.
fn stream() -> Vec<Article> {
    let mut rng = Lcg(14);
    let mut topics: Vec<Topic> = vec![Topic::new(&mut rng, 0..90), Topic::new(&mut rng, 20..70)];
    while topics.len() < 24 {
        let start = rng.below(80);
        let end = (start + 5 + rng.below(56)).min(90);
        topics.push(Topic::new(&mut rng, start..end));
    }
    let mut articles: Vec<(usize, Article)> = Vec::new();
    let mut bridge = None;
    for day in 0..90 {
        for (t, topic) in topics.iter().enumerate() {
            if !topic.days.contains(&day) || rng.below(2) == 0 {
                continue;
            }
            let id = format!("t{t}-d{day}-{}", articles.len());
            let a = article(&mut rng, id, day, topic, [topic, topic], 0);
            articles.push((day, a));
        }
        if day == 2 {
            let [first, second, ..] = topics.as_slice() else {
                unreachable!()
            };
            let a = article(&mut rng, "bridge".into(), day, first, [first, second], 60);
            bridge = Some(a.clone());
            articles.push((day, a));
        }
        if let Some(original) = bridge.as_ref().filter(|_| day == 45) {
            let reprint = Article {
                id: "bridge-reprint".into(),
                published: Some(date(day)),
                ..original.clone()
            };
            articles.push((day, reprint));
        }
        for _ in 0..2 {
            let old: Vec<&(usize, Article)> = articles
                .iter()
                .filter(|(d, a)| (31..=60).contains(&(day - *d)) && a.id != "bridge")
                .collect();
            if old.is_empty() || rng.below(3) == 0 {
                continue;
            }
            let original = &old[rng.below(old.len())].1;
            let reprint = Article {
                id: format!("reprint-d{day}-{}", articles.len()),
                published: Some(date(day)),
                source: Some("reprints".into()),
                ..original.clone()
            };
            articles.push((day, reprint));
        }
    }
    articles.into_iter().map(|(_, a)| a).collect()
}

fn library(config: ClusterConfig, articles: &[Article]) -> Vec<u64> {
    StoryClusterer::try_new(config)
        .unwrap()
        .assign_all(articles)
        .unwrap()
}

#[test]
fn cli_equals_library_defaults_past_thirty_days() {
    let articles = stream();
    let times: Vec<i64> = articles
        .iter()
        .filter_map(|a| a.timestamp().unwrap())
        .collect();
    let days = (times[times.len() - 1] - times[0]) / 86_400;
    assert!(days > 60, "the stream spans {days} days");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.jsonl");
    let lines: Vec<String> = articles
        .iter()
        .map(|a| serde_json::to_string(a).unwrap())
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    // The stories `brief cluster` gives with `flags`, in stream order, and
    // how many reprints it found to be copies.
    let cli = |flags: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["cluster", "--in", path.to_str().unwrap()])
            .args(flags)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mut stories: HashMap<String, u64> = HashMap::new();
        let mut copies = 0;
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = row["id"].as_str().unwrap().to_owned();
            if id.starts_with("reprint") && row.get("duplicate_of").is_some() {
                copies += 1;
            }
            stories.insert(id, row["story"].as_u64().unwrap());
        }
        let stories: Vec<u64> = articles.iter().map(|a| stories[&a.id]).collect();
        (stories, copies)
    };
    let (stories, late_copies) = cli(&[]);
    assert!(
        late_copies > 10,
        "reprints 31+ days late are copies: {late_copies}"
    );
    let defaults = library(ClusterConfig::default(), &articles);
    assert_eq!(stories, defaults);
    // A story window is also the copy window, in the binary as in the library.
    let mut windowed = ClusterConfig::default();
    windowed.set_window_days(20.0);
    let (stories, copies) = cli(&["--window-days", "20"]);
    assert_eq!(copies, 0, "no reprint is within 20 days of its original");
    assert_eq!(stories, library(windowed, &articles));

    // Python's old default, copies forgotten after 30 days, gives other stories.
    let thirty_days = ClusterConfig {
        dedup: Some(DedupConfig {
            window_secs: Some(30 * 86_400),
            ..DedupConfig::default()
        }),
        ..ClusterConfig::default()
    };
    let forgetful = library(thirty_days, &articles);
    let story_of = |stories: &[u64], id: &str| {
        let i = articles.iter().position(|a| a.id == id).unwrap();
        stories[i]
    };
    assert_eq!(
        story_of(&defaults, "bridge-reprint"),
        story_of(&defaults, "bridge"),
        "a copy 43 days later joins its original's story"
    );
    assert_ne!(
        story_of(&forgetful, "bridge-reprint"),
        story_of(&forgetful, "bridge"),
        "with copies forgotten after 30 days it goes by its words"
    );
}
