//! From an article stream to summarized stories, as `brief stories` and
//! `brief_nlp.stories` run it: [`StoryStream`] clusters articles and keeps
//! each open story's articles (as brief-core [`Document`]s) until the story
//! closes; [`StoriesConfig::summarize`] then summarizes it (callers may do
//! that in parallel), and [`SummarizedStory`] is the output record.

use crate::article::Article;
use crate::cluster::{Assignment, StoryClusterer};
use crate::config::StoriesConfig;
use crate::story::StoryStats;
use crate::Result;
use brief_core::{Document, Summary};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// A closed story with its articles in stream order.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosedStory {
    /// Members and metrics.
    pub stats: StoryStats,
    /// The members' articles, as documents.
    pub documents: Vec<Document>,
}

impl ClosedStory {
    /// The story summarized with `config`'s summarizer; a story with nothing
    /// to summarize (its articles hold no usable sentence) keeps no summary
    /// and says why.
    pub fn summarize(self, config: &StoriesConfig) -> SummarizedStory {
        let story = self.stats.story;
        match config.summarize(story, self.documents) {
            Ok(summary) => SummarizedStory {
                stats: self.stats,
                summary: Some(summary),
                skipped: None,
            },
            Err(e) => SummarizedStory {
                stats: self.stats,
                summary: None,
                skipped: Some(format!("story {story}: {e}")),
            },
        }
    }
}

/// One output record of `brief stories`: the story's members and metrics
/// (the fields of [`StoryStats`]), its `summary` (`null` when there was
/// nothing to summarize) and then why (`skipped`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarizedStory {
    /// Members and metrics.
    #[serde(flatten)]
    pub stats: StoryStats,
    /// The summary, if the story had sentences to summarize.
    pub summary: Option<Summary>,
    /// Why there is no summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
}

/// The clustering half of `brief stories`: a [`StoryClusterer`] that keeps
/// the articles of open stories and hands each closed story out with them.
#[derive(Debug)]
pub struct StoryStream {
    clusterer: StoryClusterer,
    /// Articles of open stories by stream position (a closing story may be
    /// split, so members are looked up one by one).
    open: FxHashMap<u64, Document>,
    /// Stream position of the next article clustered.
    position: u64,
}

impl StoryStream {
    /// A stream clustered with `config.cluster`, or an error naming the bad setting.
    pub fn new(config: &StoriesConfig) -> Result<Self> {
        Ok(StoryStream {
            clusterer: StoryClusterer::try_new(config.cluster.clone())?,
            open: FxHashMap::default(),
            position: 0,
        })
    }

    /// Clusters the next article and keeps it with its story; returns where
    /// it went and the stories that closed. An article that cannot be
    /// clustered (an unreadable date) is an error and is not kept.
    pub fn push(&mut self, article: Article) -> Result<(Assignment, Vec<ClosedStory>)> {
        let assignment = self.clusterer.push(&article)?;
        self.open.insert(self.position, Document::from(article));
        self.position += 1;
        let closed = self.clusterer.take_closed();
        Ok((assignment, self.with_documents(closed)))
    }

    /// Closes every open story and returns them with their articles.
    pub fn finish(&mut self) -> Vec<ClosedStory> {
        let closed = self.clusterer.finish();
        self.with_documents(closed)
    }

    fn with_documents(&mut self, closed: Vec<StoryStats>) -> Vec<ClosedStory> {
        closed
            .into_iter()
            .map(|stats| {
                let documents = stats
                    .positions
                    .iter()
                    .filter_map(|p| self.open.remove(p))
                    .collect();
                ClosedStory { stats, documents }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_stories_carry_their_articles_and_summaries() {
        let config = StoriesConfig {
            summary: brief_core::SummarizeSettings {
                words: Some(20),
                ..Default::default()
            },
            ..StoriesConfig::default()
        };
        let mut stream = StoryStream::new(&config).unwrap();
        let texts = [
            "Russia vetoed a UN resolution on Syria chemical weapons inquiry on Tuesday. Diplomats said the veto was expected.",
            "The Bank of Japan kept interest rates unchanged on Tuesday. It cut its inflation forecast.",
            "Russia vetoed the UN Syria resolution on a chemical weapons inquiry. China abstained from the vote.",
        ];
        for (i, text) in texts.iter().enumerate() {
            let (_, closed) = stream.push(Article::new(format!("a{i}"), *text)).unwrap();
            assert!(closed.is_empty());
        }
        let closed = stream.finish();
        let ids: Vec<Vec<&str>> = closed
            .iter()
            .map(|c| c.documents.iter().map(|d| d.id.as_str()).collect())
            .collect();
        assert_eq!(ids, [vec!["a0", "a2"], vec!["a1"]]);
        let story = closed[0].clone().summarize(&config);
        let summary = story.summary.as_ref().unwrap();
        assert_eq!(summary.cluster_id, "story-0");
        let row = serde_json::to_value(&story).unwrap();
        assert_eq!(row["articles"], serde_json::json!(["a0", "a2"]));
        assert!(row.get("skipped").is_none());

        let empty = ClosedStory {
            stats: closed[1].stats.clone(),
            documents: Vec::new(),
        }
        .summarize(&config);
        assert!(empty.summary.is_none());
        let row = serde_json::to_value(&empty).unwrap();
        assert!(row["summary"].is_null());
        assert!(row["skipped"].as_str().unwrap().starts_with("story 1: "));
    }
}
