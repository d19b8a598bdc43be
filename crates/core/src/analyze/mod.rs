//! Cluster analysis: who said what, what was copied, and when things
//! happened.
//!
//! - [`copies`]: exact and near-duplicate sentences across documents,
//!   grouped into copy families, and a document overlap matrix.
//! - [`aliases`]: the names a cluster uses for one actor ("Russia",
//!   "Russian Federation", "Moscow", "the Kremlin").
//! - [`quotes`]: direct quotations with their speakers.
//! - [`timeline`]: date expressions normalized against the document date,
//!   and a chronological list of events.
//! - [`render`]: the analysis as Markdown or as one self-contained HTML page.
//!
//! Everything here is a pure function of a [`Cluster`] or
//! [`PreparedCluster`]: no I/O.
//!
//! ```
//! use brief_core::{analyze::analyze, Cluster, Document};
//! let cluster = Cluster::new("story", vec![
//!     Document::new("a", "\"We consider it of utmost importance\", Lavrov said. Russia vetoed the resolution on Wednesday."),
//!     Document::new("b", "Russian Federation vetoed the resolution on Wednesday. It was the eighth veto."),
//! ]);
//! let analysis = analyze(&cluster).unwrap();
//! assert_eq!(analysis.copies.families.len(), 1);
//! assert_eq!(analysis.quotes[0].speaker.as_deref(), Some("Lavrov"));
//! ```

pub mod aliases;
pub mod copies;
pub mod quotes;
pub mod render;
pub mod timeline;
pub mod words;

use crate::error::Result;
use crate::model::Cluster;
use crate::prepare::{Pipeline, PreparedCluster, TermId};
use crate::text::Analyzer;
use aliases::{AliasGroup, AliasTable};
use copies::{CopyConfig, CopyReport};
use quotes::Quote;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use timeline::{DateMention, TimelineEvent};

/// Everything `brief analyze` reports about a cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Id of the analyzed cluster.
    pub cluster_id: String,
    /// Copy families and the document overlap matrix.
    pub copies: CopyReport,
    /// Alias groups with mentions, most mentioned first.
    pub aliases: Vec<AliasGroup>,
    /// Direct quotations with speakers, document by document.
    pub quotes: Vec<Quote>,
    /// Every date expression found.
    pub dates: Vec<DateMention>,
    /// Dated events in chronological order.
    pub timeline: Vec<TimelineEvent>,
}

/// Prepares `cluster` with the default [`Pipeline`] and analyzes it.
pub fn analyze(cluster: &Cluster) -> Result<Analysis> {
    let prepared = Pipeline::default().prepare(cluster)?;
    Ok(analyze_prepared(&prepared))
}

/// Analyzes an already prepared cluster.
pub fn analyze_prepared(p: &PreparedCluster<'_>) -> Analysis {
    let aliases = AliasTable::from_cluster(p.cluster);
    let (families, family_of) = copies::copy_families(p, &aliases, &CopyConfig::default());
    let copies = copies::report_from_families(p, families, &family_of);
    let quotes = quotes::attribute_quotes(p, &aliases);
    let dates = timeline::date_mentions(p)
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    let timeline = timeline::timeline(p, &family_of);
    Analysis {
        cluster_id: p.cluster.id.clone(),
        copies,
        aliases: aliases.groups().into_iter().cloned().collect(),
        quotes,
        dates,
        timeline,
    }
}

/// What the shared redundancy filter compares: per sentence, its text and
/// content term set with every alias rewritten to one token per actor, and
/// its copy family.
#[derive(Debug, Clone)]
pub struct RedundancyView {
    /// Sorted, deduplicated term ids (local to this view).
    pub term_sets: Vec<Vec<TermId>>,
    /// The alias-canonical text ([`AliasTable::canonical_text`]).
    pub texts: Vec<String>,
    /// Copy family of each sentence, if any.
    pub families: Vec<Option<usize>>,
}

impl RedundancyView {
    /// Builds the view of `p` with the cluster's alias table.
    pub fn new(p: &PreparedCluster<'_>) -> Self {
        let aliases = AliasTable::names_of(p.cluster);
        let analyzer = Analyzer::english();
        let mut ids: FxHashMap<String, TermId> = FxHashMap::default();
        let mut term_sets = Vec::with_capacity(p.sentences.len());
        let mut texts = Vec::with_capacity(p.sentences.len());
        for i in 0..p.sentences.len() {
            let canonical = aliases.canonical_text(p.text(i));
            let mut set: Vec<TermId> = Vec::new();
            analyzer.for_each_term(&canonical, |t| {
                let next = ids.len() as TermId;
                set.push(*ids.entry(t.to_owned()).or_insert(next));
            });
            set.sort_unstable();
            set.dedup();
            term_sets.push(set);
            texts.push(canonical);
        }
        let (_, families) =
            copies::copy_families_of_texts(p, &aliases, &texts, &CopyConfig::default());
        RedundancyView {
            term_sets,
            texts,
            families,
        }
    }
}
