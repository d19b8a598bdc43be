//! [`Record`]: what every batch reader returns per cluster, so one bad
//! input never loses the good ones.

use crate::error::InputError;
use brief_core::Cluster;

/// One cluster read from an input, or the reason it could not be.
#[derive(Debug)]
pub struct Record {
    /// Where it came from: `path`, or `path:line` for batch files.
    pub origin: String,
    /// The cluster, or the error naming file and problem.
    pub result: Result<Cluster, InputError>,
}

impl Record {
    pub(crate) fn ok(origin: String, cluster: Cluster) -> Self {
        Record {
            origin,
            result: Ok(cluster),
        }
    }

    pub(crate) fn err(origin: String, e: InputError) -> Self {
        Record {
            origin,
            result: Err(e),
        }
    }
}
