//! The open stories and when they close.
//!
//! Memory is bounded: a story closes when no article joined it for
//! [`ClusterConfig::window_days`] (dated streams; time is the newest
//! publication date seen) or for [`ClusterConfig::idle_articles`] articles,
//! or when more than [`ClusterConfig::max_active_stories`] are open (the
//! least recently updated closes). A closing story becomes one or more
//! [`StoryStats`] (see [`Story::close`]), queued until
//! [`take_closed`](Lifecycle::take_closed).

use crate::article::Article;
use crate::config::{ClusterConfig, SECONDS_PER_DAY};
use crate::features::Vocabulary;
use crate::index::StoryIndex;
use crate::story::{Member, Split, Story, StoryStats};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// Open stories by number, the orders they close in, and the closed ones
/// not yet handed out.
#[derive(Debug)]
pub(crate) struct Lifecycle {
    /// Open stories by number.
    pub(crate) open: FxHashMap<u64, Story>,
    /// The number of the next story opened (or split off).
    next_story: u64,
    /// (sequence number of the last member, story): least recently updated first.
    by_recency: BTreeSet<(u64, u64)>,
    /// (newest member's publication time, story), for dated stories.
    by_time: BTreeSet<(i64, u64)>,
    /// Newest publication time seen in the stream.
    newest_time: Option<i64>,
    closed: Vec<StoryStats>,
    window_days: Option<f64>,
    idle_articles: Option<u64>,
    max_active_stories: usize,
    split: Split,
}

impl Lifecycle {
    /// No stories yet, closing by `config`'s rules.
    pub(crate) fn new(config: &ClusterConfig) -> Self {
        Lifecycle {
            open: FxHashMap::default(),
            next_story: 0,
            by_recency: BTreeSet::new(),
            by_time: BTreeSet::new(),
            newest_time: None,
            closed: Vec::new(),
            window_days: config.window_days,
            idle_articles: config.idle_articles,
            max_active_stories: config.max_active_stories,
            split: Split {
                ratio: config.split_ratio,
                min_members: config.split_min_members.max(2),
            },
        }
    }

    /// Opens a story without members; returns its number.
    pub(crate) fn open_story(&mut self) -> u64 {
        let id = self.next_story;
        self.next_story += 1;
        self.open.insert(id, Story::new());
        id
    }

    /// Adds `article`, the stream's `seq`-th (from 1), published at `time`,
    /// to open story `story`; `copy_of` is the id of the member it copies,
    /// `vector` its terms for splitting.
    pub(crate) fn add_member(
        &mut self,
        story: u64,
        article: &Article,
        seq: u64,
        time: Option<i64>,
        copy_of: Option<&str>,
        vector: Option<Box<[(u32, f32)]>>,
    ) {
        let Some(s) = self.open.get_mut(&story) else {
            return;
        };
        self.by_recency.remove(&(s.last_seq, story));
        s.last_seq = seq;
        self.by_recency.insert((seq, story));
        // A copy of a copy points at the copy; splitting follows the chain.
        let copy_of = copy_of.map(|id| s.members.iter().rposition(|m| m.id == id));
        s.members.push(Member {
            id: article.id.clone(),
            position: seq - 1,
            source: article.source.clone(),
            published: time.zip(article.published.clone()),
            // A copy whose original is not in the story (cannot happen: copies
            // join their original's story) counts as a copy of the first member.
            copy_of: copy_of.map(|found| found.unwrap_or(0)),
            vector,
        });
        if let (Some(t), Some(p)) = (time, &article.published) {
            if s.first.as_ref().is_none_or(|(f, _)| t < *f) {
                s.first = Some((t, p.clone()));
            }
            if s.last.as_ref().is_none_or(|(l, _)| t > *l) {
                if let Some((old, _)) = &s.last {
                    self.by_time.remove(&(*old, story));
                }
                s.last = Some((t, p.clone()));
                self.by_time.insert((t, story));
            }
        }
    }

    /// Before the stream's `seq`-th article, published at `time`: closes
    /// the stories past the time window or idle for too many articles.
    pub(crate) fn advance(
        &mut self,
        seq: u64,
        time: Option<i64>,
        vocabulary: &Vocabulary,
        index: &mut StoryIndex,
    ) {
        if let Some(t) = time {
            self.newest_time = Some(self.newest_time.map_or(t, |n| n.max(t)));
            self.expire(vocabulary, index);
        }
        if let Some(idle) = self.idle_articles {
            while let Some(&(last, story)) = self.by_recency.first() {
                if seq - last <= idle {
                    break;
                }
                self.close(story, vocabulary, index);
            }
        }
    }

    /// Closes stories whose newest article is older than the window.
    fn expire(&mut self, vocabulary: &Vocabulary, index: &mut StoryIndex) {
        let (Some(days), Some(now)) = (self.window_days, self.newest_time) else {
            return;
        };
        let cutoff = now - (days * SECONDS_PER_DAY) as i64;
        while let Some(&(t, story)) = self.by_time.first() {
            if t >= cutoff {
                break;
            }
            self.close(story, vocabulary, index);
        }
    }

    /// Closes the least recently updated stories beyond the cap.
    pub(crate) fn enforce_cap(&mut self, vocabulary: &Vocabulary, index: &mut StoryIndex) {
        while self.open.len() > self.max_active_stories {
            match self.by_recency.first().copied() {
                Some((_, oldest)) => self.close(oldest, vocabulary, index),
                None => break,
            }
        }
    }

    /// Closes `story` (split if it holds several) and queues its records.
    fn close(&mut self, story: u64, vocabulary: &Vocabulary, index: &mut StoryIndex) {
        let Some(s) = self.open.remove(&story) else {
            return;
        };
        self.by_recency.remove(&(s.last_seq, story));
        if let Some((t, _)) = &s.last {
            self.by_time.remove(&(*t, story));
        }
        let records = s.close(story, &mut self.next_story, self.split, vocabulary);
        self.closed.extend(records);
        index.story_closed(&self.open);
    }

    /// Stories closed since the last call, in closing order.
    pub(crate) fn take_closed(&mut self) -> Vec<StoryStats> {
        std::mem::take(&mut self.closed)
    }

    /// Closes every open story and returns all not yet taken, in closing
    /// order (still-open stories last, by story number).
    pub(crate) fn finish(
        &mut self,
        vocabulary: &Vocabulary,
        index: &mut StoryIndex,
    ) -> Vec<StoryStats> {
        let mut open: Vec<u64> = self.open.keys().copied().collect();
        open.sort_unstable();
        for s in open {
            self.close(s, vocabulary, index);
        }
        self.take_closed()
    }
}
