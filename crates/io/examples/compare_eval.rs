//! Measures `brief compare`: time per cluster, recall of injected conflicts,
//! and the conflicts it flags on unmodified clusters (for reading).
//!
//! ```text
//! cargo run --release -p brief-io --example compare_eval -- timing PATH [REPEATS]
//! cargo run --release -p brief-io --example compare_eval -- inject PATH SEED PER_CLUSTER
//! cargo run --release -p brief-io --example compare_eval -- flagged PATH CLUSTERS
//! ```
//!
//! PATH is anything brief-io reads (a DUC folder, a JSONL file). `inject`
//! changes one value in one document of a cluster: a value (a number, a
//! weekday, a month, a capitalized name) that another document states in
//! a sentence sharing at least 40% of its words (word-set Jaccard, the
//! injector's own measure, not the comparison's). Numbers get a different
//! number, weekdays and months another one, names a capitalized word of the
//! cluster that neither sentence has and that is no other name of the same
//! actor (the alias table's: "Cairo" for "Egypt" says the same). A name is
//! a capitalized word the cluster never writes in lowercase and writes
//! capitalized inside a sentence at least once (so "That", "When" or
//! "During" opening a sentence or a quotation is neither changed nor put
//! in), of letters with a hyphen only between capitals ("Smith-Jones", not
//! "Trump-led"). A document printing the changed sentence more than once
//! gets the new value in every copy. An injection is found when a conflict
//! has a side in the changed document overlapping the new value (in any of
//! its copies). With
//! `DUMP_MISSES=DIR` set, each changed cluster whose injection was missed is
//! written to DIR as a one-line JSONL file, for `brief compare` to read.
use brief_core::compare::{compare_prepared, CompareConfig};
use brief_core::redundancy::aliases::AliasTable;
use brief_core::{Cluster, Pipeline, Span};
use brief_io::{read_path, Limits};
use std::collections::BTreeSet;
use std::time::Instant;

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// splitmix64: a seeded generator, enough to pick sites.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Number,
    Date,
    Name,
}

/// Words of `text` with byte offsets (letters, digits, inner `,` `.` `'` `-`).
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        let inner = matches!(c, ',' | '.' | '\'' | '-')
            && start.is_some()
            && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn kind_of(word: &str, first: bool) -> Option<Kind> {
    if word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 6 {
        return Some(Kind::Number);
    }
    if WEEKDAYS.contains(&word) || MONTHS.contains(&word) {
        return Some(Kind::Date);
    }
    // A capital, then lowercase letters; a hyphen only before another
    // capital ("Smith-Jones", not "Trump-led").
    let chars: Vec<char> = word.chars().collect();
    let capitalized = chars.first().is_some_and(|c| c.is_uppercase())
        && chars.iter().enumerate().skip(1).all(|(i, &c)| {
            c.is_lowercase()
                || (c == '-' && chars.get(i + 1).is_some_and(|n| n.is_uppercase()))
                || (c.is_uppercase() && chars[i - 1] == '-')
        })
        && word.len() >= 4;
    (capitalized && !first).then_some(Kind::Name)
}

fn word_set(text: &str) -> BTreeSet<String> {
    tokens(text)
        .into_iter()
        .map(|(_, w)| w.to_lowercase())
        .collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

/// A value to change: document, byte span, kind.
#[derive(Debug, Clone)]
struct Site {
    doc: usize,
    span: Span,
    kind: Kind,
    /// The other document's sentence that states the value too.
    partner: (usize, Span),
}

/// Where the value of `site` stands in its document, in the sentence
/// holding it and in every verbatim copy of that sentence there, in
/// ascending order.
fn copies_of_site(p: &brief_core::PreparedCluster<'_>, text: &str, site: &Site) -> Vec<usize> {
    let sentence = p.doc_sentences[site.doc]
        .clone()
        .map(|i| p.sentences[i].span)
        .find(|s| s.start <= site.span.start && site.span.end <= s.end);
    let Some(sentence) = sentence else {
        return vec![site.span.start];
    };
    let offset = site.span.start - sentence.start;
    let mut at: Vec<usize> = text
        .match_indices(&text[sentence.range()])
        .map(|(start, _)| start + offset)
        .collect();
    if !at.contains(&site.span.start) {
        at.push(site.span.start);
        at.sort_unstable();
    }
    at
}

/// Words the cluster writes in lowercase somewhere ("that", "when"): such a
/// word capitalized is a sentence opening or a title, not a name.
fn lowercase_words(cluster: &Cluster) -> BTreeSet<String> {
    cluster
        .documents
        .iter()
        .flat_map(|d| tokens(&d.text))
        .map(|(_, w)| w)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_owned)
        .collect()
}

/// Capitalized words the cluster writes inside a sentence, not at its
/// opening nor right after an opening quote, bracket or colon ("During" and
/// "Rant" opening a sentence or a quotation may be any word; "Spacey" in
/// "alleged that Spacey made" is a name).
fn capitalized_inside(cluster: &Cluster) -> BTreeSet<String> {
    let Ok(p) = Pipeline::default().prepare(cluster) else {
        return BTreeSet::new();
    };
    let mut out = BTreeSet::new();
    for i in 0..p.sentences.len() {
        let text = p.text(i);
        for (k, (offset, word)) in tokens(text).into_iter().enumerate() {
            let before = text[..offset].trim_end().chars().next_back();
            let opening = k == 0
                || before.is_some_and(|c| {
                    matches!(
                        c,
                        '"' | '\u{201c}'
                            | '\u{2018}'
                            | '\''
                            | '('
                            | '['
                            | ':'
                            | '.'
                            | '?'
                            | '!'
                            | '\u{2014}'
                            | '\u{2013}'
                    )
                });
            if !opening && word.chars().next().is_some_and(char::is_uppercase) {
                out.insert(word.to_owned());
            }
        }
    }
    out
}

/// What the injector takes for a name: a capitalized word the cluster never
/// writes in lowercase and writes capitalized inside a sentence at least
/// once.
struct Names {
    lowercase: BTreeSet<String>,
    inside: BTreeSet<String>,
}

impl Names {
    fn of(cluster: &Cluster) -> Self {
        Names {
            lowercase: lowercase_words(cluster),
            inside: capitalized_inside(cluster),
        }
    }

    fn contains(&self, word: &str) -> bool {
        kind_of(word, false) == Some(Kind::Name)
            && !self.lowercase.contains(&word.to_lowercase())
            && self.inside.contains(word)
    }
}

fn sites(cluster: &Cluster) -> Vec<Site> {
    let Ok(p) = Pipeline::default().prepare(cluster) else {
        return Vec::new();
    };
    let names = Names::of(cluster);
    let sets: Vec<BTreeSet<String>> = (0..p.sentences.len())
        .map(|i| word_set(p.text(i)))
        .collect();
    let mut out = Vec::new();
    for a in 0..p.sentences.len() {
        for b in 0..p.sentences.len() {
            if p.sentences[a].doc == p.sentences[b].doc || jaccard(&sets[a], &sets[b]) < 0.4 {
                continue;
            }
            let other: BTreeSet<&str> = tokens(p.text(b)).into_iter().map(|(_, w)| w).collect();
            for (k, (offset, word)) in tokens(p.text(a)).into_iter().enumerate() {
                let Some(kind) = kind_of(word, k == 0) else {
                    continue;
                };
                if kind == Kind::Name && !names.contains(word) {
                    continue;
                }
                if !other.contains(word) {
                    continue;
                }
                let start = p.sentences[a].span.start + offset;
                let site = Site {
                    doc: p.sentences[a].doc,
                    span: Span::new(start, start + word.len()),
                    kind,
                    partner: (p.sentences[b].doc, p.sentences[b].span),
                };
                if !out
                    .iter()
                    .any(|s: &Site| s.doc == site.doc && s.span == site.span)
                {
                    out.push(site);
                }
            }
        }
    }
    out
}

fn replacement(cluster: &Cluster, site: &Site, rng: &mut Rng) -> Option<String> {
    let text = &cluster.documents[site.doc].text;
    let old = &text[site.span.range()];
    match site.kind {
        Kind::Number => {
            let n: u64 = old.parse().ok()?;
            let delta = 1 + rng.below(9) as u64;
            Some(
                if n > delta && rng.below(2) == 0 {
                    n - delta
                } else {
                    n + delta
                }
                .to_string(),
            )
        }
        Kind::Date => {
            let list = if WEEKDAYS.contains(&old) {
                WEEKDAYS
            } else {
                MONTHS
            };
            let others: Vec<&&str> = list.iter().filter(|w| **w != old).collect();
            Some((*others[rng.below(others.len())]).to_owned())
        }
        Kind::Name => {
            let known = Names::of(cluster);
            // Another name of the same actor ("Egypt" / "Cairo", "Syrians"
            // / "Damascus") is the same value, not a changed one.
            let aliases = AliasTable::from_cluster(cluster);
            let actor = aliases.canonical_text(old);
            let mut names: Vec<&str> = cluster
                .documents
                .iter()
                .flat_map(|d| tokens(&d.text))
                .map(|(_, w)| w)
                .filter(|w| known.contains(w) && *w != old)
                .filter(|w| aliases.canonical_text(w) != actor)
                .filter(|w| !WEEKDAYS.contains(w) && !MONTHS.contains(w))
                .filter(|w| !text.contains(*w))
                .collect();
            names.sort_unstable();
            names.dedup();
            (!names.is_empty()).then(|| names[rng.below(names.len())].to_owned())
        }
    }
}

fn read(path: &str) -> Vec<Cluster> {
    read_path(std::path::Path::new(path), &Limits::default())
        .into_iter()
        .filter_map(|r| r.result.ok())
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: compare_eval timing|inject|flagged PATH ...");
        std::process::exit(2);
    };
    let config = CompareConfig::default();
    let clusters = read(path);
    match mode.as_str() {
        "timing" => {
            let repeats: usize = args.get(2).map_or(Ok(20), |s| s.parse())?;
            for c in &clusters {
                let p = Pipeline::default().prepare(c)?;
                let mut times = Vec::new();
                for _ in 0..repeats {
                    let t = Instant::now();
                    let p = Pipeline::default().prepare(c)?;
                    let prepare = t.elapsed();
                    let t = Instant::now();
                    let r = compare_prepared(&p, &config);
                    std::hint::black_box(&r);
                    times.push((prepare.as_secs_f64() * 1e3, t.elapsed().as_secs_f64() * 1e3));
                }
                times.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
                let (prep, cmp) = times[times.len() / 2];
                println!(
                    "{}\t{} docs\t{} sentences\tprepare {prep:.1} ms\tcompare {cmp:.1} ms\ttotal {:.1} ms",
                    c.id,
                    c.documents.len(),
                    p.sentences.len(),
                    prep + cmp
                );
            }
        }
        "inject" => {
            let seed: u64 = args.get(2).map_or(Ok(1), |s| s.parse())?;
            let per_cluster: usize = args.get(3).map_or(Ok(3), |s| s.parse())?;
            let mut rng = Rng(seed);
            let (mut total, mut found) = (0usize, 0usize);
            let mut by_kind = std::collections::BTreeMap::<Kind, (usize, usize)>::new();
            for c in &clusters {
                let mut candidates = sites(c);
                // A cluster with no sentence to compare (page boilerplate
                // only) has no conflicts to find.
                let Ok(original) = Pipeline::default().prepare(c) else {
                    continue;
                };
                for _ in 0..per_cluster {
                    if candidates.is_empty() {
                        break;
                    }
                    let site = candidates.swap_remove(rng.below(candidates.len()));
                    let Some(new) = replacement(c, &site, &mut rng) else {
                        continue;
                    };
                    let mut changed = c.clone();
                    let text = &mut changed.documents[site.doc].text;
                    // A document that prints the changed sentence more than
                    // once (a page scraped twice) gives the new value in
                    // every copy: it is one source's telling.
                    let at = copies_of_site(&original, &c.documents[site.doc].text, &site);
                    let grow = new.len() as isize - site.span.len() as isize;
                    let before = at.iter().filter(|&&a| a < site.span.start).count() as isize;
                    for &a in at.iter().rev() {
                        text.replace_range(a..a + site.span.len(), &new);
                    }
                    let start = (site.span.start as isize + before * grow) as usize;
                    let injected = Span::new(start, start + new.len());
                    // Every copy carries the new value: a conflict found at
                    // any of them finds the injection.
                    let copies: Vec<Span> = at
                        .iter()
                        .enumerate()
                        .map(|(k, &a)| {
                            let s = (a as isize + k as isize * grow) as usize;
                            Span::new(s, s + new.len())
                        })
                        .collect();
                    let Ok(p) = Pipeline::default().prepare(&changed) else {
                        continue;
                    };
                    let r = compare_prepared(&p, &config);
                    let hit = r.conflicts.iter().any(|k| {
                        k.sides.iter().any(|s| {
                            s.doc == site.doc
                                && copies
                                    .iter()
                                    .chain([&injected])
                                    .any(|c| s.span.start < c.end && c.start < s.span.end)
                        })
                    });
                    total += 1;
                    found += usize::from(hit);
                    let e = by_kind.entry(site.kind).or_default();
                    e.0 += 1;
                    e.1 += usize::from(hit);
                    if args.iter().any(|a| a == "--show") && !hit {
                        let old = &c.documents[site.doc].text[site.span.range()];
                        println!("missed {} doc {} {old} -> {new}", c.id, site.doc);
                        if let Ok(dir) = std::env::var("DUMP_MISSES") {
                            let docs: Vec<serde_json::Value> = changed
                                .documents
                                .iter()
                                .map(|d| serde_json::json!({"text": d.text}))
                                .collect();
                            let line = serde_json::json!({"id": format!("{}-{}-{}", c.id, site.doc, new), "documents": docs});
                            std::fs::write(
                                format!("{dir}/{}-{}-{}.jsonl", c.id, site.doc, new),
                                line.to_string() + "\n",
                            )?;
                        }
                        if args.iter().any(|a| a == "--why") {
                            // The fact holding the changed sentence, as grouped.
                            let fact = r.facts.iter().find(|f| {
                                f.statements.iter().any(|s| {
                                    s.doc == site.doc
                                        && s.span.start <= injected.start
                                        && injected.end <= s.span.end
                                })
                            });
                            let (pd, ps) = site.partner;
                            println!(
                                "   partner [{pd}] {}",
                                c.documents[pd].text[ps.range()].replace('\n', " ")
                            );
                            match fact {
                                None => println!("   (changed sentence in no fact)"),
                                Some(f) => {
                                    for s in &f.statements {
                                        println!("   [{}] {}", s.doc, s.text.replace('\n', " "));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for (k, (n, f)) in &by_kind {
                println!("{k:?}: {f}/{n} = {:.3}", *f as f64 / (*n).max(1) as f64);
            }
            println!(
                "injected-conflict recall {found}/{total} = {:.3} on {} clusters",
                found as f64 / total.max(1) as f64,
                clusters.len()
            );
        }
        "flagged" => {
            let n: usize = args.get(2).map_or(Ok(10), |s| s.parse())?;
            let mut flagged = 0;
            for c in clusters.iter().take(n) {
                let Ok(p) = Pipeline::default().prepare(c) else {
                    continue;
                };
                let r = compare_prepared(&p, &config);
                for k in &r.conflicts {
                    flagged += 1;
                    println!("== {} fact {} {:?} `{}`", c.id, k.fact, k.kind, k.slot);
                    for s in &k.sides {
                        let text = &c.documents[s.doc].text;
                        println!(
                            "   [{}] {:?} in: {}",
                            s.doc,
                            &text[s.span.range()],
                            text[s.statement.range()].replace('\n', " ")
                        );
                    }
                }
            }
            println!(
                "{flagged} conflicts flagged on {} clusters",
                n.min(clusters.len())
            );
        }
        _ => {
            eprintln!("unknown mode {mode}");
            std::process::exit(2);
        }
    }
    Ok(())
}
