//! Update summaries of growing stories, as `brief stories --updates` and
//! `brief_nlp.stories(..., updates=True)` run them.
//!
//! A dated stream is read in days (UTC calendar days of `published`): when
//! the first article of a new day arrives, every open story that got
//! articles since it was last summarized is summarized again — the first
//! time in full, later as an update of what the new articles add to the
//! story's earlier articles (brief-core's update summarizer: concepts the
//! history carries count little, sentences repeating it are left out). A
//! story that closes gets a last record for its articles not yet
//! summarized. Undated articles never start a day, so an undated stream
//! gets one record per story when it closes, as plain `brief stories`.
//!
//! The history is the story's earlier *articles*, not its earlier
//! summaries: they hold everything a reader of the summaries may have been
//! told, and the update summarizer discounts what they say.

use crate::article::Article;
use crate::config::StoriesConfig;
use crate::stories::{ClosedStory, StoryStream};
use crate::Result;
use brief_core::{Document, Summary, UpdateSettings};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// Seconds in a day: days are UTC calendar days.
const DAY: i64 = 86_400;

/// One piece of work: summarize `new` for a reader of `seen`.
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateJob {
    /// The story number.
    pub story: u64,
    /// Whether the story closed with this record.
    pub closed: bool,
    /// The latest `published` of the new articles, if any is dated.
    pub as_of: Option<String>,
    /// The story's articles summarized before, in stream order.
    pub seen: Vec<Document>,
    /// The articles this record is about, in stream order.
    pub new: Vec<Document>,
}

impl UpdateJob {
    /// The record: a full summary when nothing was seen, else an update.
    pub fn summarize(self, config: &StoriesConfig) -> StoryUpdate {
        let kind = if self.seen.is_empty() {
            "summary"
        } else {
            "update"
        };
        let result = config.summary.validate().and_then(|summarization| {
            summarization.update_documents(
                &UpdateSettings::default(),
                &format!("story-{}", self.story),
                &self.seen,
                &self.new,
            )
        });
        let (summary, skipped) = match result {
            Ok(summary) => (Some(summary), None),
            Err(e) => (None, Some(format!("story {}: {e}", self.story))),
        };
        StoryUpdate {
            story: self.story,
            kind,
            closed: self.closed,
            as_of: self.as_of,
            articles: self.new.into_iter().map(|d| d.id).collect(),
            seen_articles: self.seen.into_iter().map(|d| d.id).collect(),
            summary,
            skipped,
        }
    }
}

/// One output record of `brief stories --updates`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryUpdate {
    /// The story number.
    pub story: u64,
    /// `summary` (the story's first record) or `update`.
    pub kind: &'static str,
    /// Whether the story closed with this record.
    pub closed: bool,
    /// The latest `published` among `articles`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The articles this record summarizes (new since the last record).
    pub articles: Vec<String>,
    /// The story's articles summarized in earlier records: the history.
    pub seen_articles: Vec<String>,
    /// The summary; its items point into `articles`.
    pub summary: Option<Summary>,
    /// Why there is no summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
}

/// A [`StoryStream`] that hands out update jobs at each new day and when
/// stories close.
#[derive(Debug)]
pub struct UpdateStream {
    stream: StoryStream,
    /// Open story of each kept article, by stream position.
    story_of: FxHashMap<u64, u64>,
    /// Positions already summarized in an earlier record.
    summarized: FxHashSet<u64>,
    /// The current day (days since 1970-01-01 UTC).
    day: Option<i64>,
}

impl UpdateStream {
    /// A stream clustered with `config.cluster`.
    pub fn new(config: &StoriesConfig) -> Result<Self> {
        Ok(UpdateStream {
            stream: StoryStream::new(config)?,
            story_of: FxHashMap::default(),
            summarized: FxHashSet::default(),
            day: None,
        })
    }

    /// Clusters the next article; returns the jobs that are due: open
    /// stories' updates when `article` starts a new day, then the stories
    /// that closed.
    pub fn push(&mut self, article: Article) -> Result<Vec<UpdateJob>> {
        let day = article.timestamp()?.map(|t| t.div_euclid(DAY));
        let mut jobs = Vec::new();
        if let (Some(day), Some(current)) = (day, self.day) {
            if day > current {
                jobs = self.checkpoint();
            }
        }
        if day.is_some() {
            self.day = day.max(self.day);
        }
        let position = self.stream.next_position();
        let (assignment, closed) = self.stream.push(article)?;
        self.story_of.insert(position, assignment.story);
        jobs.extend(self.closed(closed));
        Ok(jobs)
    }

    /// Closes every open story; the last jobs.
    pub fn finish(&mut self) -> Vec<UpdateJob> {
        let closed = self.stream.finish();
        self.closed(closed)
    }

    /// Jobs for every open story with articles not yet summarized.
    fn checkpoint(&mut self) -> Vec<UpdateJob> {
        let mut by_story: FxHashMap<u64, Vec<u64>> = FxHashMap::default();
        for (&position, &story) in &self.story_of {
            by_story.entry(story).or_default().push(position);
        }
        let mut stories: Vec<(u64, Vec<u64>)> = by_story.into_iter().collect();
        stories.sort_unstable_by_key(|(story, _)| *story);
        let mut jobs = Vec::new();
        for (story, mut positions) in stories {
            positions.sort_unstable();
            if positions.iter().all(|p| self.summarized.contains(p)) {
                continue;
            }
            let (mut seen, mut new) = (Vec::new(), Vec::new());
            for p in &positions {
                if let Some(doc) = self.stream.document(*p) {
                    if self.summarized.contains(p) {
                        seen.push(doc.clone());
                    } else {
                        new.push(doc.clone());
                    }
                }
            }
            self.summarized.extend(positions);
            jobs.push(job(story, false, seen, new));
        }
        jobs
    }

    /// Jobs for closed stories with articles not yet summarized.
    fn closed(&mut self, closed: Vec<ClosedStory>) -> Vec<UpdateJob> {
        let mut jobs = Vec::new();
        for story in closed {
            let (mut seen, mut new) = (Vec::new(), Vec::new());
            for (p, doc) in story.stats.positions.iter().zip(story.documents) {
                self.story_of.remove(p);
                if self.summarized.remove(p) {
                    seen.push(doc);
                } else {
                    new.push(doc);
                }
            }
            if !new.is_empty() {
                jobs.push(job(story.stats.story, true, seen, new));
            }
        }
        jobs
    }
}

fn job(story: u64, closed: bool, seen: Vec<Document>, new: Vec<Document>) -> UpdateJob {
    let as_of = new
        .iter()
        .filter_map(|d| d.date.as_ref())
        .filter_map(|date| crate::parse_timestamp(date).map(|t| (t, date)))
        .max_by_key(|(t, _)| *t)
        .map(|(_, date)| date.clone());
    UpdateJob {
        story,
        closed,
        as_of,
        seen,
        new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, day: u32, text: &str) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            published: Some(format!("2024-03-{day:02}T10:00:00Z")),
            ..Article::default()
        }
    }

    #[test]
    fn a_story_that_grows_over_days_gets_a_summary_then_updates() {
        let config = StoriesConfig {
            summary: brief_core::SummarizeSettings {
                words: Some(40),
                ..Default::default()
            },
            ..StoriesConfig::default()
        };
        let mut stream = UpdateStream::new(&config).unwrap();
        let items = [
            article("a0", 1, "The city council approved the river bridge plan on Monday. The bridge will cost twelve million dollars."),
            article("a1", 1, "The council approved the river bridge plan. Twelve million dollars will pay for the bridge."),
            article("a2", 2, "Engineers found cracks in the river bridge pier on Tuesday. The council approved the river bridge plan on Monday."),
            article("a3", 3, "The river bridge pier cracks will delay the bridge by a year, engineers told the council."),
        ];
        let mut jobs = Vec::new();
        for a in items {
            jobs.extend(stream.push(a).unwrap());
        }
        jobs.extend(stream.finish());
        let records: Vec<StoryUpdate> = jobs.into_iter().map(|j| j.summarize(&config)).collect();
        let shape: Vec<(&str, Vec<&str>, usize, bool)> = records
            .iter()
            .map(|r| {
                (
                    r.kind,
                    r.articles.iter().map(String::as_str).collect(),
                    r.seen_articles.len(),
                    r.closed,
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("summary", vec!["a0", "a1"], 0, false),
                ("update", vec!["a2"], 2, false),
                ("update", vec!["a3"], 3, true),
            ]
        );
        // The day-2 update says what is new: the cracks, not the approval.
        let update = records[1].summary.as_ref().unwrap();
        assert!(update.items.iter().all(|i| i.doc_id == "a2"));
        assert!(update.text().contains("cracks"), "{}", update.text());
        assert!(!update.text().contains("approved"), "{}", update.text());
        assert_eq!(records[1].as_of.as_deref(), Some("2024-03-02T10:00:00Z"));
    }

    #[test]
    fn an_undated_stream_gets_one_record_per_story() {
        let config = StoriesConfig::default();
        let mut stream = UpdateStream::new(&config).unwrap();
        let mut jobs = stream
            .push(Article::new(
                "a",
                "Rain fell on the city all week. Floods closed roads.",
            ))
            .unwrap();
        jobs.extend(stream.finish());
        assert_eq!(jobs.len(), 1);
        assert!(jobs[0].closed && jobs[0].seen.is_empty());
    }
}
