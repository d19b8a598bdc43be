//! Online single-pass story clustering of a time-ordered article stream.
//!
//! Each article becomes a TF-IDF vector over the stemmed content words of its
//! title and lead, with names boosted (`features`), and, when it carries a
//! sentence embedding ([`crate::embedding`]), is also compared by meaning:
//! the similarity mixes the two by [`ClusterConfig::embedding_weight`]. It joins the
//! open story it is most similar to (`story`) if that similarity
//! reaches the threshold, and starts a new story otherwise. This is the
//! classic single-pass clustering of Topic Detection and Tracking (Allan,
//! Papka & Lavrenko, "On-line new event detection and tracking", SIGIR 1998;
//! Yang, Pierce & Carbonell, SIGIR 1998), with the entity-aware,
//! time-windowed refinements of Miranda et al., "Multilingual clustering of
//! streaming news" (EMNLP 2018).
//!
//! [`StoryClusterer::push`] runs the stages for one article:
//!
//! 1. close stories past their time window or idle stretch
//!    (`lifecycle`);
//! 2. leave out boilerplate sentences (`boilerplate`); an article
//!    with nothing else stays a story of its own;
//! 3. a near-duplicate of an article of an open story joins that story
//!    ([`crate::dedup`]);
//! 4. otherwise its term vector is built and counted into the IDF
//!    (`ln((N + 1) / (df + 1)) + 1` over the articles seen so far, applied
//!    when comparing, so early stories are re-weighted as the statistics
//!    settle), candidate stories are looked up (`index`) and
//!    scored;
//! 5. it joins the best story if the similarity reaches the threshold,
//!    which rises with the number of open stories by
//!    [`ClusterConfig::scale_penalty`] × ln(1 + open / [`SCALE_STORIES`])
//!    (the best chance match among thousands of stories is higher than among
//!    dozens), or if that story is a clear winner: at least
//!    [`ClusterConfig::clear_threshold`] similar and
//!    [`ClusterConfig::clear_margin`] times more similar than any other
//!    (the margin test of TDT first-story detection, which looks at the
//!    runner-up); else it opens a new story;
//! 6. beyond [`ClusterConfig::max_active_stories`] the least recently
//!    updated story closes.
//!
//! A story that closes is checked for holding two stories and split if so
//! ([`crate::split`]); [`push`](StoryClusterer::push) answers with the story
//! an article joined, the closed [`StoryStats`] (from
//! [`take_closed`](StoryClusterer::take_closed), and
//! [`assign_all`](StoryClusterer::assign_all)) with where it ended.
//!
//! Everything is deterministic: the same stream gives the same stories.

use crate::article::Article;
use crate::boilerplate::Boilerplate;
use crate::config::ClusterConfig;
use crate::dedup::NearDuplicates;
use crate::embedding::unit;
use crate::features::{norm, Features, Vocabulary};
use crate::index::StoryIndex;
use crate::lifecycle::Lifecycle;
use crate::story::member_vector;
use crate::Result;
use rustc_hash::FxHashSet;
use serde::Serialize;

pub use crate::story::StoryStats;

/// Open stories at which the joining threshold has risen by
/// [`ClusterConfig::scale_penalty`] × ln 2: the scale of "many stories".
pub const SCALE_STORIES: f64 = 100.0;

/// Where one article went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assignment {
    /// The story joined, numbered from 0 in order of first article; a part
    /// split off when the story closes gets a new number
    /// ([`StoryStats::story`]).
    pub story: u64,
    /// Similarity to the story it joined: centroid cosine times coherence,
    /// mixed with the embedding resemblance when both carry embeddings
    /// ([`ClusterConfig::embedding_weight`]); 0 for a new story, the
    /// estimated Jaccard similarity for a copy.
    pub similarity: f64,
    /// The id of the earlier article this one copies, if it is a near-duplicate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// The online clusterer; feed it articles in publication order with [`push`](Self::push).
#[derive(Debug)]
pub struct StoryClusterer {
    config: ClusterConfig,
    features: Features,
    vocabulary: Vocabulary,
    boilerplate: Boilerplate,
    index: StoryIndex,
    stories: Lifecycle,
    /// Earlier articles' signatures, keyed by (story, article id).
    duplicates: Option<NearDuplicates<(u64, String)>>,
    /// Articles pushed so far.
    seq: u64,
}

impl StoryClusterer {
    /// A clusterer with `config`.
    ///
    /// # Panics
    /// Never; an invalid config is reported by [`try_new`](Self::try_new),
    /// and this constructor falls back to the defaults for it.
    pub fn new(config: ClusterConfig) -> Self {
        Self::try_new(config).unwrap_or_else(|_| {
            Self::try_new(ClusterConfig::default()).unwrap_or_else(|_| unreachable!())
        })
    }

    /// A clusterer with `config`, or an error naming the bad setting.
    pub fn try_new(config: ClusterConfig) -> Result<Self> {
        config.validate()?;
        let duplicates = config
            .effective_dedup()
            .map(NearDuplicates::new)
            .transpose()?;
        Ok(StoryClusterer {
            features: Features::new(&config),
            vocabulary: Vocabulary::default(),
            boilerplate: Boilerplate::new(config.boilerplate_articles),
            index: StoryIndex::default(),
            stories: Lifecycle::new(&config),
            duplicates,
            seq: 0,
            config,
        })
    }

    /// The settings in use.
    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    /// Number of open stories.
    pub fn active_stories(&self) -> usize {
        self.stories.open.len()
    }

    /// Assigns the next article of the stream to a story.
    ///
    /// Fails only on an unreadable `published` date.
    pub fn push(&mut self, article: &Article) -> Result<Assignment> {
        let time = article.timestamp()?;
        self.seq += 1;
        self.stories
            .advance(self.seq, time, &self.vocabulary, &mut self.index);
        let (content, boilerplate_only) = self.boilerplate.strip(&article.text);
        if boilerplate_only {
            // Page furniture alone (an archive banner, a cookie notice) says
            // nothing about the story: keep the article on its own.
            let story = self.stories.open_story();
            self.stories
                .add_member(story, article, self.seq, time, None, None);
            self.stories.enforce_cap(&self.vocabulary, &mut self.index);
            return Ok(Assignment {
                story,
                similarity: 0.0,
                duplicate_of: None,
            });
        }
        let signature = self.duplicates.as_ref().map(|d| {
            let mut text = article.title.clone().unwrap_or_default();
            text.push('\n');
            text.push_str(&content);
            d.signature(&text)
        });
        if let (Some(d), Some(sig)) = (&self.duplicates, &signature) {
            if let Some(((story, original), jaccard)) = d.find(sig) {
                if self.stories.open.contains_key(&story) {
                    self.stories
                        .add_member(story, article, self.seq, time, Some(&original), None);
                    return Ok(Assignment {
                        story,
                        similarity: jaccard,
                        duplicate_of: Some(original),
                    });
                }
            }
        }

        let raw = self
            .features
            .raw(&mut self.vocabulary, article.title.as_deref(), &content);
        self.vocabulary.count(&raw);
        let weighted: Vec<(u32, f64)> = raw
            .iter()
            .map(|&(t, r)| (t, r * self.vocabulary.idf(t)))
            .collect();
        let weighted_norm = norm(&weighted);
        // Every embedding joins its story's mean; it is compared only when
        // meaning has a weight for an article of this length.
        let embedding = article.embedding.as_deref().and_then(unit);
        let meaning_weight = self.config.embedding_weight_for(&content);
        let compared = embedding.as_deref().filter(|_| meaning_weight > 0.0);
        let (story, similarity) =
            match self.best_story(&weighted, weighted_norm, compared, meaning_weight) {
                Some(joined) => joined,
                None => (self.stories.open_story(), 0.0),
            };
        let raw_norm = norm(&raw);
        if let Some(s) = self.stories.open.get_mut(&story) {
            if raw_norm > 0.0 {
                let new_terms = s.absorb(&raw, raw_norm, weighted_norm, &self.vocabulary);
                for t in new_terms {
                    self.index.add(t, story);
                }
            }
            if let Some(e) = &embedding {
                s.absorb_embedding(e);
            }
        }
        let vector = (raw_norm > 0.0).then(|| member_vector(&raw, raw_norm));
        self.stories
            .add_member(story, article, self.seq, time, None, vector);
        if let (Some(d), Some(sig)) = (&mut self.duplicates, signature) {
            d.insert((story, article.id.clone()), sig, time);
        }
        self.stories.enforce_cap(&self.vocabulary, &mut self.index);
        Ok(Assignment {
            story,
            similarity,
            duplicate_of: None,
        })
    }

    /// The open story an article with IDF-weighted vector `weighted` (of
    /// norm `norm`) and unit embedding `embedding` (compared with weight
    /// `w`) joins, with its similarity, or `None` for a new story.
    fn best_story(
        &mut self,
        weighted: &[(u32, f64)],
        norm: f64,
        embedding: Option<&[f32]>,
        w: f64,
    ) -> Option<(u64, f64)> {
        if norm <= 0.0 && embedding.is_none() {
            return None;
        }
        let beta = self.config.coherence_exponent;
        let mut candidates = if norm > 0.0 {
            self.index.candidates(
                weighted,
                self.config.candidate_terms,
                &self.stories.open,
                &self.vocabulary,
                beta,
            )
        } else {
            Vec::new()
        };
        let floor = self.config.embedding_floor;
        if let Some(e) = embedding {
            // A story alike in meaning may share no term with the article
            // (two headlines of one story): every open story is looked at,
            // a dot product each, in story order after the word candidates.
            let mut alike: Vec<u64> = self
                .stories
                .open
                .iter()
                .filter(|(_, s)| s.embedding_cosine(e).is_some_and(|c| c > floor))
                .map(|(&id, _)| id)
                .collect();
            alike.sort_unstable();
            let by_words: FxHashSet<u64> = candidates.iter().copied().collect();
            candidates.extend(alike.into_iter().filter(|id| !by_words.contains(id)));
        }
        let mut best: Option<(u64, f64)> = None;
        let mut second = 0.0f64;
        for story in candidates {
            let sim = match self.stories.open.get_mut(&story) {
                Some(s) => {
                    let words = if norm > 0.0 {
                        s.similarity(weighted, &self.vocabulary, beta) / norm
                    } else {
                        0.0
                    };
                    match embedding.and_then(|e| s.embedding_cosine(e)) {
                        Some(c) => {
                            let meaning = ((c - floor) / (1.0 - floor)).max(0.0);
                            (1.0 - w) * words + w * meaning
                        }
                        None => words,
                    }
                }
                None => 0.0,
            };
            if best.is_none_or(|(_, b)| sim > b) {
                if let Some((_, b)) = best {
                    second = second.max(b);
                }
                best = Some((story, sim));
            } else {
                second = second.max(sim);
            }
        }
        let (story, sim) = best?;
        let clear_winner =
            sim >= self.config.clear_threshold && sim >= self.config.clear_margin * second;
        (sim >= self.effective_threshold() || clear_winner).then_some((story, sim))
    }

    /// The joining threshold, raised as more stories are open: the best of
    /// many chance similarities is higher than the best of a few.
    fn effective_threshold(&self) -> f64 {
        let open = self.stories.open.len() as f64;
        self.config.threshold + self.config.scale_penalty * (1.0 + open / SCALE_STORIES).ln()
    }

    /// Clusters `articles` (in stream order) and closes every story: the
    /// story each article ended in (after closed stories were split), in
    /// the order given. Stories already open stay in play, and what was
    /// closed before is not returned by [`take_closed`](Self::take_closed) again.
    ///
    /// ```
    /// use brief_stream::{Article, ClusterConfig, StoryClusterer};
    /// let mut clusterer = StoryClusterer::new(ClusterConfig::default());
    /// let stories = clusterer.assign_all(&[
    ///     Article::new("a", "Russia vetoed a UN resolution on Syria chemical weapons inquiry."),
    ///     Article::new("b", "The Bank of Japan kept interest rates unchanged on Tuesday."),
    ///     Article::new("c", "Russia vetoed the UN Syria resolution on a chemical weapons inquiry."),
    /// ]).unwrap();
    /// assert_eq!(stories[0], stories[2]);
    /// assert_ne!(stories[0], stories[1]);
    /// ```
    pub fn assign_all(&mut self, articles: &[Article]) -> Result<Vec<u64>> {
        self.assign_each(articles).into_iter().collect()
    }

    /// As [`assign_all`](Self::assign_all), but an article that cannot be
    /// clustered (an unreadable date) gets its error and the others go on.
    pub fn assign_each(&mut self, articles: &[Article]) -> Vec<Result<u64>> {
        let mut results: Vec<Result<u64>> = Vec::with_capacity(articles.len());
        // Stream position (from the first article here) -> index in `articles`.
        let mut index_of = Vec::with_capacity(articles.len());
        let start = self.seq;
        // Stories closed before this call are not this call's to report.
        drop(self.take_closed());
        let mut closed = Vec::new();
        for (i, article) in articles.iter().enumerate() {
            match self.push(article) {
                Ok(_) => {
                    index_of.push(i);
                    results.push(Ok(0));
                }
                Err(e) => results.push(Err(e)),
            }
            closed.append(&mut self.take_closed());
        }
        closed.append(&mut self.finish());
        for s in closed {
            for &p in &s.positions {
                let slot = p
                    .checked_sub(start)
                    .and_then(|k| index_of.get(k as usize))
                    .and_then(|&i| results.get_mut(i));
                if let Some(slot) = slot {
                    *slot = Ok(s.story);
                }
            }
        }
        results
    }

    /// Stories closed since the last call, in closing order.
    pub fn take_closed(&mut self) -> Vec<StoryStats> {
        self.stories.take_closed()
    }

    /// Closes every open story and returns all not yet taken, in closing
    /// order (still-open stories last, by story number).
    pub fn finish(&mut self) -> Vec<StoryStats> {
        self.stories.finish(&self.vocabulary, &mut self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn dated(id: &str, title: &str, text: &str, day: u32) -> Article {
        Article {
            title: Some(title.into()),
            published: Some(format!("2020-01-{day:02}")),
            ..Article::new(id, text)
        }
    }

    #[test]
    fn stories_expire_after_the_window() {
        let config = ClusterConfig {
            window_days: Some(3.0),
            dedup: None,
            ..ClusterConfig::default()
        };
        let mut c = StoryClusterer::new(config);
        let text = "Floods hit Jakarta as monsoon rains swamp the Indonesian capital.";
        let a = c.push(&dated("a", "Jakarta floods", text, 1)).unwrap();
        let b = c.push(&dated("b", "Jakarta floods", text, 2)).unwrap();
        assert_eq!(a.story, b.story);
        // Ten days later the same words start a new story.
        let late = c.push(&dated("c", "Jakarta floods", text, 12)).unwrap();
        assert_ne!(late.story, a.story);
        let closed = c.take_closed();
        assert_eq!(closed.len(), 1);
        assert_eq!(closed[0].articles, ["a", "b"]);
        assert_eq!(closed[0].first_published.as_deref(), Some("2020-01-01"));
        assert_eq!(closed[0].last_published.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn copies_join_their_original() {
        let mut c = StoryClusterer::new(ClusterConfig::default());
        let text = "The central bank raised its main interest rate by a quarter point on \
            Wednesday, the third increase this year, citing strong hiring and rising prices.";
        c.push(&Article::new("a", text)).unwrap();
        let copy = c.push(&Article::new("b", text)).unwrap();
        assert_eq!(copy.duplicate_of.as_deref(), Some("a"));
        let stats = c.finish();
        assert_eq!(stats[0].duplicates, 1);
    }

    #[test]
    fn cap_closes_least_recent_story() {
        let config = ClusterConfig {
            max_active_stories: 2,
            ..ClusterConfig::default()
        };
        let mut c = StoryClusterer::new(config);
        for (i, text) in [
            "Volcano erupts in Iceland",
            "Chess champion wins title",
            "Bank cuts rates",
        ]
        .iter()
        .enumerate()
        {
            c.push(&Article::new(i.to_string(), *text)).unwrap();
        }
        assert_eq!(c.active_stories(), 2);
        assert_eq!(c.take_closed()[0].articles, ["0"]);
    }

    #[test]
    fn boilerplate_only_articles_stay_alone() {
        let banner = "These crawls are part of an effort to archive pages as they are created. \
            The seed for this crawl was a list of every host in the archive.";
        let mut c = StoryClusterer::new(ClusterConfig {
            dedup: None,
            ..ClusterConfig::default()
        });
        let stories: Vec<u64> = (0..5)
            .map(|i| c.push(&Article::new(i.to_string(), banner)).unwrap().story)
            .collect();
        // The first two cannot know the banner yet; from the third on it is
        // recognised and each page stays alone.
        assert_eq!(stories[0], stories[1]);
        for (i, &s) in stories.iter().enumerate().skip(2) {
            assert!(!stories[..i].contains(&s), "{stories:?}");
        }
    }

    #[test]
    fn boilerplate_does_not_join_unrelated_articles() {
        let banner = "Breaking news emails get breaking news alerts and special reports. \
            The news and stories that matter, delivered weekday mornings. ";
        let bodies = [
            "The volcano on the island erupted overnight, forcing thousands to flee ash clouds.",
            "The chess champion retained her title after a tense final game in the tiebreak.",
            "The central bank cut its benchmark lending rate by half a point to fight deflation.",
            "A wildfire spread through dry hills north of the city, destroying dozens of homes.",
        ];
        let mut c = StoryClusterer::new(ClusterConfig::default());
        let stories: FxHashSet<u64> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let text = format!("{banner}{b}");
                c.push(&Article::new(i.to_string(), text)).unwrap().story
            })
            .collect();
        // The first two still share the then-unknown banner; the rest do not.
        assert!(stories.len() >= 3, "{stories:?}");
    }

    #[test]
    fn lower_cased_names_still_join_their_story() {
        // Text lower-cased mid-sentence, as in scraped or truncated corpora:
        // the name boost cannot fire, rare shared words must carry the match.
        let texts = [
            "Aid convoys reached the besieged syrian town of madaya on monday with food for starving residents.",
            "The bank of japan kept interest rates unchanged and lowered its inflation forecast for the year.",
            "An aid convoy entered madaya, the starving town besieged by syrian government forces, bringing food.",
            "Japan's central bank held rates steady on tuesday and cut its inflation outlook again.",
            "Residents of madaya said the food brought by the convoy would last a month in the besieged town.",
        ];
        let mut c = StoryClusterer::new(ClusterConfig::default());
        let s: Vec<u64> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| c.push(&Article::new(i.to_string(), *t)).unwrap().story)
            .collect();
        assert_eq!(s[0], s[2]);
        assert_eq!(s[0], s[4]);
        assert_eq!(s[1], s[3]);
        assert_ne!(s[0], s[1]);
    }

    #[test]
    fn idle_stories_close_without_dates() {
        let config = ClusterConfig {
            idle_articles: Some(2),
            dedup: None,
            ..ClusterConfig::default()
        };
        let mut c = StoryClusterer::new(config);
        let volcano = "Volcano erupts in Iceland, ash cloud grounds flights";
        c.push(&Article::new("a", volcano)).unwrap();
        c.push(&Article::new("b", "Chess champion wins title in tiebreak"))
            .unwrap();
        c.push(&Article::new("c", "Bank cuts rates to fight deflation"))
            .unwrap();
        assert!(c.take_closed().is_empty());
        // Three articles after "a", its story is closed: the same words start anew.
        let again = c.push(&Article::new("d", volcano)).unwrap();
        let closed = c.take_closed();
        assert_eq!(closed[0].articles, ["a"]);
        assert_ne!(again.story, closed[0].story);
    }

    #[test]
    fn a_broad_story_attracts_less_with_coherence() {
        // A story made of two unrelated halves has a low coherence; with the
        // group-average similarity an article near one half joins less easily.
        let mut with = StoryClusterer::new(ClusterConfig {
            dedup: None,
            threshold: 0.0,
            ..ClusterConfig::default()
        });
        let mut without = StoryClusterer::new(ClusterConfig {
            dedup: None,
            threshold: 0.0,
            coherence_exponent: 0.0,
            ..ClusterConfig::default()
        });
        let texts = [
            "Volcano erupts in Iceland, ash cloud grounds flights",
            "Volcano ash cloud grounds Iceland flights again; eruption continues",
            "Volcano eruption in Iceland: ash grounds more flights",
        ];
        let sims: Vec<(f64, f64)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let a = Article::new(i.to_string(), *t);
                (
                    with.push(&a).unwrap().similarity,
                    without.push(&a).unwrap().similarity,
                )
            })
            .collect();
        // All join one story; the coherence factor never raises a similarity.
        for (w, wo) in &sims[1..] {
            assert!(*w > 0.0 && w <= wo, "{sims:?}");
        }
    }

    #[test]
    fn the_best_story_is_found_among_many_candidates() {
        // Far more open stories than are scored exactly, all sharing a word
        // with the last article: the two-stage ranking must still find its story.
        let mut c = StoryClusterer::new(ClusterConfig {
            dedup: None,
            ..ClusterConfig::default()
        });
        let n = 3 * crate::index::EXACT_CANDIDATES;
        let text = |i: usize| {
            format!("shared report about topic{i} with details{i}, figures{i} and people{i}")
        };
        let stories: Vec<u64> = (0..n)
            .map(|i| c.push(&Article::new(i.to_string(), text(i))).unwrap().story)
            .collect();
        // (The first few merge while IDF cannot yet tell the shared words apart.)
        assert!(c.active_stories() > 2 * crate::index::EXACT_CANDIDATES);
        let target = n / 2;
        let got = c.push(&Article::new("last", text(target))).unwrap();
        assert_eq!(got.story, stories[target]);
    }

    /// Four volcano and four chess reports sharing only "report" and "Tuesday",
    /// with a verbatim copy of the second chess report last.
    fn two_topics() -> Vec<Article> {
        let volcano = [
            "Volcano erupts near village, lava flows and ash cloud force evacuation, report Tuesday",
            "Ash from the volcano grounds flights as lava reaches the village, report Tuesday",
            "Lava from the erupting volcano destroys homes; ash cloud spreads, report Tuesday",
            "Villagers flee volcano eruption as ash and lava keep coming, report Tuesday",
        ];
        let chess = [
            "Chess champion wins the title in a rapid tiebreak against the challenger, report Tuesday",
            "The challenger loses the chess title match after the tiebreak, report Tuesday",
            "Tiebreak games decide the chess championship; champion keeps title, report Tuesday",
            "Chess champion defends title against challenger in tense tiebreak, report Tuesday",
        ];
        let mut articles: Vec<Article> = volcano
            .iter()
            .zip(chess.iter())
            .enumerate()
            .flat_map(|(i, (v, c))| {
                [
                    Article::new(format!("v{i}"), *v),
                    Article::new(format!("c{i}"), *c),
                ]
            })
            .collect();
        articles.push(Article::new("copy", chess[1]));
        articles
    }

    #[test]
    fn a_closing_story_holding_two_topics_splits() {
        let glue_all = ClusterConfig {
            threshold: 0.0,
            scale_penalty: 0.0,
            ..ClusterConfig::default()
        };
        let mut c = StoryClusterer::new(glue_all.clone());
        let joined: FxHashSet<u64> = two_topics()
            .iter()
            .map(|a| c.push(a).unwrap().story)
            .collect();
        assert_eq!(
            joined.len(),
            1,
            "threshold 0 puts every article in one story"
        );
        let closed = c.finish();
        assert_eq!(closed.len(), 2, "{closed:?}");
        let ids: Vec<Vec<&str>> = closed
            .iter()
            .map(|s| s.articles.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(ids[0], ["v0", "v1", "v2", "v3"]);
        assert_eq!(ids[1], ["c0", "c1", "c2", "c3", "copy"]);
        assert_eq!(
            closed[0].story, 0,
            "the part with the first article keeps the number"
        );
        assert_eq!(closed[1].story, 1);
        assert_eq!(closed[1].positions, [1, 3, 5, 7, 8]);
        assert_eq!(closed[1].duplicates, 1);
        assert_eq!(closed[1].duplicate_of[4].as_deref(), Some("c1"));
        assert!(closed[1].top_terms.iter().any(|t| t == "chess"));

        let mut again = StoryClusterer::new(glue_all.clone());
        let stories = again.assign_all(&two_topics()).unwrap();
        assert_eq!(stories, [0, 1, 0, 1, 0, 1, 0, 1, 1]);

        let mut whole = StoryClusterer::new(ClusterConfig {
            split_ratio: 0.0,
            ..glue_all
        });
        assert_eq!(whole.assign_all(&two_topics()).unwrap(), [0; 9]);
    }

    #[test]
    fn a_clear_winner_is_joined_below_the_threshold() {
        let config = ClusterConfig {
            threshold: 0.99,
            clear_threshold: 0.01,
            clear_margin: 2.0,
            dedup: None,
            ..ClusterConfig::default()
        };
        let volcano = "Volcano erupts near village, lava flows and ash cloud force evacuation";
        let chess = "Chess champion wins the title in a rapid tiebreak against the challenger";
        let run = |config: ClusterConfig, last: &str| {
            let mut c = StoryClusterer::new(config);
            let v = c.push(&Article::new("v", volcano)).unwrap().story;
            let h = c.push(&Article::new("c", chess)).unwrap().story;
            let got = c.push(&Article::new("x", last)).unwrap().story;
            (v, h, got)
        };
        let (v, _, got) = run(
            config.clone(),
            "Ash and lava from the volcano bury the village",
        );
        assert_eq!(got, v, "only the volcano story resembles it");
        let (v, h, got) = run(config.clone(), "Volcano lava and a chess tiebreak champion");
        assert!(
            got != v && got != h,
            "two stories resemble it alike: no clear winner"
        );
        let strict = ClusterConfig {
            clear_threshold: 0.99,
            ..config
        };
        let (v, _, got) = run(strict, "Ash and lava from the volcano bury the village");
        assert_ne!(got, v);
    }

    #[test]
    fn one_topic_stays_one_story_when_it_closes() {
        let mut c = StoryClusterer::new(ClusterConfig::default());
        let volcano: Vec<Article> = two_topics()
            .into_iter()
            .filter(|a| a.id.starts_with('v'))
            .collect();
        let stories = c.assign_all(&volcano).unwrap();
        assert_eq!(stories, [0, 0, 0, 0]);
    }

    #[test]
    fn bad_dates_and_settings_are_errors() {
        let mut c = StoryClusterer::new(ClusterConfig::default());
        let bad = Article {
            published: Some("last week".into()),
            ..Article::new("x", "text")
        };
        assert!(matches!(c.push(&bad), Err(Error::BadDate { .. })));
        let config = ClusterConfig {
            threshold: 2.0,
            ..ClusterConfig::default()
        };
        assert!(StoryClusterer::try_new(config).is_err());
        let config = ClusterConfig {
            split_ratio: -0.5,
            ..ClusterConfig::default()
        };
        assert!(StoryClusterer::try_new(config).is_err());
        let config = ClusterConfig {
            clear_margin: 0.5,
            ..ClusterConfig::default()
        };
        assert!(StoryClusterer::try_new(config).is_err());
    }

    /// A headline-only item with the given embedding.
    fn headline(id: &str, text: &str, embedding: Option<Vec<f32>>) -> Article {
        Article {
            embedding,
            ..Article::new(id, text)
        }
    }

    fn axis(i: usize) -> Vec<f32> {
        let mut v = vec![0.0; 8];
        v[i] = 1.0;
        v
    }

    #[test]
    fn short_items_alike_in_meaning_join_though_they_share_no_word() -> Result<()> {
        let items = |with: bool| {
            vec![
                headline(
                    "a",
                    "Wildfire forces thousands to flee",
                    with.then(|| axis(0)),
                ),
                headline(
                    "b",
                    "Blaze spreads, residents evacuated",
                    with.then(|| axis(0)),
                ),
                headline(
                    "c",
                    "Fed keeps interest rates unchanged",
                    with.then(|| axis(1)),
                ),
            ]
        };
        let by_words = StoryClusterer::new(ClusterConfig::headlines()).assign_all(&items(false))?;
        assert_ne!(by_words[0], by_words[1]);
        let by_meaning =
            StoryClusterer::new(ClusterConfig::headlines()).assign_all(&items(true))?;
        assert_eq!(by_meaning[0], by_meaning[1]);
        assert_ne!(by_meaning[0], by_meaning[2]);
        Ok(())
    }

    #[test]
    fn articles_with_body_text_are_compared_by_words_by_default() -> Result<()> {
        let body = |topic: &str| -> String { (0..30).map(|i| format!("{topic}{i} ")).collect() };
        let articles = vec![
            headline("a", &body("flood"), Some(axis(0))),
            headline("b", &body("market"), Some(axis(0))),
        ];
        let config = ClusterConfig::default();
        assert_eq!(config.embedding_weight_for(&articles[0].text), 0.0);
        let stories = StoryClusterer::new(config.clone()).assign_all(&articles)?;
        assert_ne!(stories[0], stories[1]);
        // Meaning weighed in for articles too, the same embedding joins them.
        let config = ClusterConfig {
            embedding_weight_articles: 0.9,
            ..config
        };
        let stories = StoryClusterer::new(config).assign_all(&articles)?;
        assert_eq!(stories[0], stories[1]);
        Ok(())
    }

    #[test]
    fn without_weight_embeddings_change_nothing() -> Result<()> {
        let texts = [
            "Russia vetoed a UN resolution on Syria",
            "Syria resolution vetoed by Russia at the UN",
            "Bank of Japan holds rates",
            "Japan's central bank keeps rates on hold",
        ];
        let plain: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| headline(&i.to_string(), t, None))
            .collect();
        let embedded: Vec<Article> = plain
            .iter()
            .enumerate()
            .map(|(i, a)| Article {
                embedding: Some(axis(i % 3)),
                ..a.clone()
            })
            .collect();
        let config = ClusterConfig {
            embedding_weight: 0.0,
            ..ClusterConfig::headlines()
        };
        assert_eq!(
            StoryClusterer::new(config.clone()).assign_all(&plain)?,
            StoryClusterer::new(config).assign_all(&embedded)?
        );
        Ok(())
    }

    #[test]
    fn odd_embeddings_are_ignored_not_fatal() -> Result<()> {
        let items = vec![
            headline("a", "Wildfire forces thousands to flee", Some(axis(0))),
            headline(
                "b",
                "Blaze spreads, residents evacuated",
                Some(vec![1.0; 3]),
            ),
            headline("c", "Fires rage on", Some(vec![0.0; 8])),
            headline("d", "Smoke over the hills", Some(vec![f32::NAN; 8])),
            headline("e", "Flames reach suburbs", Some(Vec::new())),
        ];
        let stories = StoryClusterer::new(ClusterConfig::headlines()).assign_all(&items)?;
        assert_eq!(stories.len(), 5);
        Ok(())
    }

    #[test]
    fn embedding_settings_are_checked() {
        for config in [
            ClusterConfig {
                embedding_weight: 1.5,
                ..ClusterConfig::default()
            },
            ClusterConfig {
                embedding_floor: 1.0,
                ..ClusterConfig::default()
            },
            ClusterConfig {
                embedding_weight_articles: -0.1,
                ..ClusterConfig::default()
            },
        ] {
            let err = StoryClusterer::try_new(config).expect_err("out of range");
            assert!(err.to_string().contains("embedding_"), "{err}");
        }
    }

    #[test]
    fn a_stream_line_carries_its_embedding() {
        let a: Article =
            serde_json::from_str(r#"{"id":"x","text":"t","embedding":[0.6,0.8]}"#).expect("line");
        assert_eq!(a.embedding, Some(vec![0.6, 0.8]));
        let back = serde_json::to_string(&Article::new("y", "t")).expect("json");
        assert!(!back.contains("embedding"), "{back}");
    }
}
