//! Cluster analysis, the report of `brief analyze`: who said what, what was
//! copied, and when things happened.
//!
//! A report over the stages, which never use it: the copy families and
//! aliases come from the redundancy stage ([`crate::redundancy`]); this
//! module adds
//!
//! - direct quotations with their speakers, from [`crate::attribution`];
//! - [`timeline`]: date expressions normalized against the document date,
//!   and a chronological list of events;
//! - the source comparison of [`crate::compare`];
//!
//! and gathers everything in one [`Analysis`]. Everything here is a pure
//! function of a [`Cluster`] or [`PreparedCluster`]: no I/O. The CLI
//! renders an analysis as Markdown or HTML.
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

pub mod timeline;

use crate::attribution::{attribute_documents, cluster_quotes, Quote};
use crate::compare::{compare_with_quotations, CompareConfig, Comparison};
use crate::error::Result;
use crate::model::Cluster;
use crate::prepare::{Pipeline, PreparedCluster};
use crate::redundancy::aliases::{AliasGroup, AliasTable};
use crate::redundancy::copies::{self, CopyConfig, CopyReport};
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
    /// The sources compared: shared and single-source facts, who each
    /// quotes, conflicts.
    pub comparison: Comparison,
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
    let per_doc = attribute_documents(p);
    let quotes = cluster_quotes(p.cluster, &per_doc);
    let comparison = compare_with_quotations(p, &CompareConfig::default(), &per_doc);
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
        comparison,
    }
}
