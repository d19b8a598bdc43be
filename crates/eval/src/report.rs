//! What an evaluation reports, serializable to JSON, and the one table the
//! CLI prints.

use crate::dataset::Problem;
use brief_rouge::{RougeType, Score};
use serde::Serialize;

/// A mean with its bootstrap confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// The mean over clusters.
    pub mid: f64,
    /// Upper bound.
    pub high: f64,
}

impl From<brief_rouge::bootstrap::Interval> for Interval {
    fn from(i: brief_rouge::bootstrap::Interval) -> Self {
        Interval {
            low: i.low,
            mid: i.mid,
            high: i.high,
        }
    }
}

/// One ROUGE measure averaged over clusters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricReport {
    /// `rouge1`, `rouge2`, `rougeLsum`, `rougeSU4`, ...
    pub metric: String,
    /// Precision.
    pub precision: Interval,
    /// Recall.
    pub recall: Interval,
    /// F-measure.
    pub fmeasure: Interval,
}

/// Time spent in each stage, summed over clusters (thread-seconds: with
/// several threads the sum exceeds the wall time).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct StageSeconds {
    /// Segmentation, cleaning, tokenizing, stemming, interning.
    pub prepare: f64,
    /// Scoring and selecting sentences.
    pub summarize: f64,
    /// ROUGE against the references.
    pub score: f64,
}

/// One algorithm's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SystemReport {
    /// Algorithm name.
    pub algorithm: String,
    /// Clusters summarized and scored.
    pub clusters: usize,
    /// Clusters with no sentence a summary could quote (only page
    /// boilerplate): each counts with an empty summary, which scores 0.
    pub empty_summaries: usize,
    /// Mean scores with confidence intervals, in the configured order.
    pub metrics: Vec<MetricReport>,
    /// How the summaries read (lede, dangling, alone, chrome, jumps).
    pub readability: crate::readability::ReadabilityReport,
    /// Wall time of summarizing and scoring every cluster.
    pub seconds: f64,
    /// Clusters summarized and scored per second (wall time).
    pub clusters_per_second: f64,
    /// Per-stage thread time.
    pub stages: StageSeconds,
    /// Peak resident memory of the process during this algorithm's run.
    pub peak_memory_bytes: Option<u64>,
}

/// The settings an evaluation ran with, for the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingsReport {
    /// Summary length budget.
    pub budget: brief_core::Budget,
    /// Whether summaries were filled and cut at exactly the budget.
    pub cut: bool,
    /// `rouge-score` or `rouge155`.
    pub profile: String,
    /// Whether Porter stemming was on.
    pub stemming: bool,
    /// How several references combine: `best` or `average`.
    pub multi_ref: String,
    /// Candidate length limit applied by the scorer, if any.
    pub scorer_limit: Option<String>,
    /// F-measure weight of recall (ROUGE-1.5.5 `-p`).
    pub alpha: f64,
    /// Bootstrap resamples.
    pub resamples: usize,
    /// Confidence level of the intervals.
    pub confidence: f64,
    /// Bootstrap seed.
    pub seed: u64,
}

/// A whole evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    /// What was evaluated.
    pub dataset: String,
    /// Clusters with references (evaluated).
    pub clusters: usize,
    /// Mean documents per evaluated cluster.
    pub mean_documents: f64,
    /// Records and clusters that could not be evaluated.
    pub problems: Vec<Problem>,
    /// Settings.
    pub settings: SettingsReport,
    /// Worker threads.
    pub threads: usize,
    /// Seconds spent reading the data (set by the caller).
    pub load_seconds: f64,
    /// Seconds spent preparing the references for scoring (once).
    pub reference_seconds: f64,
    /// One entry per algorithm.
    pub systems: Vec<SystemReport>,
}

/// Bootstrap settings used by [`aggregate`].
pub(crate) struct Resampling {
    pub resamples: usize,
    pub confidence: f64,
    pub seed: u64,
    /// ROUGE-1.5.5's own resampling ([`brief_rouge::bootstrap::rouge155_bootstrap`]):
    /// the mean it prints is the mean of the resampled means, and the scores must come in
    /// the script's order (ids sorted).
    pub rouge155: bool,
}

/// Means with confidence intervals of per-cluster scores; `per_cluster[c]`
/// holds one score per type, in the order of `types`.
pub(crate) fn aggregate(
    types: &[RougeType],
    per_cluster: &[Vec<Score>],
    resampling: &Resampling,
) -> Vec<MetricReport> {
    types
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let column = |f: fn(&Score) -> f64| -> Interval {
                let values: Vec<f64> = per_cluster.iter().map(|s| f(&s[k])).collect();
                if resampling.rouge155 {
                    brief_rouge::bootstrap::rouge155_bootstrap(
                        &values,
                        resampling.resamples,
                        resampling.confidence,
                    )
                    .into()
                } else {
                    brief_rouge::bootstrap::bootstrap_mean(
                        &values,
                        resampling.resamples,
                        resampling.confidence,
                        resampling.seed,
                    )
                    .into()
                }
            };
            MetricReport {
                metric: t.to_string(),
                precision: column(|s| s.precision),
                recall: column(|s| s.recall),
                fmeasure: column(|s| s.fmeasure),
            }
        })
        .collect()
}

/// Which part of the scores a table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// F-measure with its interval (rouge-score convention).
    FMeasure,
    /// Recall with its interval, then precision and F (ROUGE-1.5.5 convention).
    Recall,
}

/// Short column name of a metric: `rouge1` → `R1`, `rougeLsum` → `RLsum`.
pub fn short_name(metric: &str) -> String {
    format!("R{}", metric.strip_prefix("rouge").unwrap_or(metric))
}

fn pct(x: f64) -> String {
    format!("{:.2}", 100.0 * x)
}

fn with_ci(i: &Interval) -> String {
    format!("{} [{}–{}]", pct(i.mid), pct(i.low), pct(i.high))
}

/// Bytes as MB (10^6), or `?`.
pub fn megabytes(bytes: Option<u64>) -> String {
    bytes.map_or_else(|| "?".to_owned(), |b| format!("{:.0} MB", b as f64 / 1e6))
}

/// Renders rows as an aligned text table (first column left-aligned).
pub fn render_rows(header: &[String], rows: &[Vec<String>]) -> String {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut out = String::new();
        for (c, cell) in cells.iter().enumerate().take(columns) {
            let pad = widths[c] - cell.chars().count();
            if c == 0 {
                out.push_str(cell);
                out.push_str(&" ".repeat(pad));
            } else {
                out.push_str("  ");
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            }
        }
        out.trim_end().to_owned()
    };
    let mut out = line(header);
    out.push('\n');
    let total: usize = widths.iter().sum::<usize>() + 2 * (columns.saturating_sub(1));
    out.push_str(&"-".repeat(total));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

/// Metric columns of one system's row.
pub fn metric_cells(metrics: &[MetricReport], shown: Shown) -> Vec<String> {
    let mut cells = Vec::new();
    for m in metrics {
        match shown {
            Shown::FMeasure => cells.push(with_ci(&m.fmeasure)),
            Shown::Recall => {
                cells.push(with_ci(&m.recall));
                cells.push(format!("{}/{}", pct(m.precision.mid), pct(m.fmeasure.mid)));
            }
        }
    }
    cells
}

/// Metric column headers.
pub fn metric_headers(metrics: &[MetricReport], shown: Shown) -> Vec<String> {
    let mut headers = Vec::new();
    for m in metrics {
        let name = short_name(&m.metric);
        match shown {
            Shown::FMeasure => headers.push(format!("{name} F [95% CI]")),
            Shown::Recall => {
                headers.push(format!("{name} R [95% CI]"));
                headers.push(format!("{name} P/F"));
            }
        }
    }
    headers
}

impl EvalReport {
    /// The table: one row per algorithm, the metrics, clusters/s, peak memory.
    pub fn table(&self, shown: Shown) -> String {
        let Some(first) = self.systems.first() else {
            return String::new();
        };
        let mut header = vec!["algorithm".to_owned()];
        header.extend(metric_headers(&first.metrics, shown));
        header.extend(["lede", "dangling", "alone", "chrome", "jumps"].map(String::from));
        header.push("clusters/s".into());
        header.push("peak mem".into());
        let rows: Vec<Vec<String>> = self
            .systems
            .iter()
            .map(|s| {
                let mut row = vec![s.algorithm.clone()];
                row.extend(metric_cells(&s.metrics, shown));
                let r = &s.readability;
                row.push(format!("{:.1}", r.lede));
                row.push(format!("{:.1}%", r.dangling));
                row.push(format!("{:.1}%", r.alone));
                row.push(format!("{:.1}%", r.chrome));
                row.push(format!("{:.0}%", r.jumps));
                row.push(format!("{:.0}", s.clusters_per_second));
                row.push(megabytes(s.peak_memory_bytes));
                row
            })
            .collect();
        render_rows(&header, &rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_table_alignment() {
        assert_eq!(short_name("rouge1"), "R1");
        assert_eq!(short_name("rougeLsum"), "RLsum");
        let t = render_rows(
            &["a".into(), "bb".into()],
            &[
                vec!["long name".into(), "1".into()],
                vec!["x".into(), "22".into()],
            ],
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "a          bb");
        assert_eq!(lines[2], "long name   1");
        assert_eq!(lines[3], "x          22");
    }
}
