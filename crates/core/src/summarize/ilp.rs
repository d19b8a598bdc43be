//! Concept-coverage integer linear program (Gillick & Favre 2009, "A
//! scalable global model for summarization"; the ICSI system of TAC 2008–09).
//!
//! ```text
//! maximize   Σ_c w_c z_c
//! subject to Σ_i cost_i x_i ≤ budget
//!            z_c ≤ Σ_{i ∋ c} x_i            (a concept counts once covered)
//!            x_a + x_b ≤ 1                   (near-duplicate sentences)
//!            x_i, z_c ∈ {0, 1}
//! ```
//!
//! with the weighted concepts of [`super::concepts`]. It is solved exactly
//! by `good_lp` with its pure-Rust `microlp` branch-and-bound backend
//! (no C solver to build or install), warm-started from the greedy
//! solution of [`super::submodular`] and stopped after a time limit, in
//! which case the best solution found so far is used (so a cluster that
//! hits the limit may get a different answer on a busier machine; the limit
//! is a setting); clusters larger than
//! the size limit keep only their most valuable candidate sentences. After
//! the program, sentences that still fit are added so the budget is used.

use super::concepts::{ConceptConfig, Concepts};
use super::submodular::{candidates_by_position, cost_scaled_greedy_within, fill, Objective};
use super::{uncancelled, Summarizer};
use crate::cancel::Deadline;
use crate::error::Result;
use crate::model::{Budget, Summary};
use crate::prepare::PreparedCluster;
use crate::redundancy::RedundancyFilter;
use crate::select::{build_summary, BudgetMeter, SelectionConfig};
use good_lp::{
    microlp, variable, Expression, ProblemVariables, Solution, SolverModel, Variable,
    WithInitialSolution, WithTimeLimit,
};

/// Concept ILP settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Ilp {
    /// Concept extraction and weighting.
    pub concepts: ConceptConfig,
    /// At most this many candidate sentences go into the program (the ones
    /// with the most concept weight); the rest are left out.
    pub max_sentences: usize,
    /// Time limit of the solver, in seconds; past it the best solution found
    /// so far (at worst the greedy warm start) is used.
    pub time_limit: f64,
    /// Selection settings (length limits, redundancy).
    pub selection: SelectionConfig,
    /// A question that biases concept weights ([`super::query`]).
    pub query: Option<std::sync::Arc<super::query::Query>>,
}

impl Default for Ilp {
    fn default() -> Self {
        Ilp {
            concepts: ConceptConfig::default(),
            max_sentences: 120,
            time_limit: 0.5,
            selection: SelectionConfig::default(),
            query: None,
        }
    }
}

/// Solves the concept ILP over `candidates` exactly (within `time_limit`
/// seconds), starting from `warm_start`. Returns the chosen sentences, or
/// `None` when the solver fails (the caller keeps its warm start).
pub fn solve(
    p: &PreparedCluster<'_>,
    concepts: &Concepts,
    candidates: &[usize],
    budget: Budget,
    filter: &RedundancyFilter,
    warm_start: &[usize],
    time_limit: f64,
) -> Option<Vec<usize>> {
    let meter = BudgetMeter::new(budget);
    let mut vars = ProblemVariables::new();
    let x: Vec<Variable> = candidates
        .iter()
        .map(|_| vars.add(variable().binary()))
        .collect();
    // Only concepts some candidate has enter the program.
    let mut concept_var: Vec<Option<Variable>> = vec![None; concepts.len()];
    let mut covering: Vec<Vec<usize>> = vec![Vec::new(); concepts.len()];
    for (k, &i) in candidates.iter().enumerate() {
        for &c in &concepts.of_sentence[i] {
            covering[c as usize].push(k);
        }
    }
    let mut objective = Expression::default();
    for (c, cover) in covering.iter().enumerate() {
        if !cover.is_empty() {
            let z = vars.add(variable().binary());
            objective += concepts.weights[c] * z;
            concept_var[c] = Some(z);
        }
    }
    let length: Expression = candidates
        .iter()
        .zip(&x)
        .map(|(&i, &xi)| meter.cost(p, i) as f64 * xi)
        .sum();
    let mut model = vars
        .maximise(objective)
        .using(microlp)
        .with_time_limit(time_limit);
    model = model.with(length.leq(budget.capacity() as f64));
    for (c, cover) in covering.iter().enumerate() {
        if let Some(z) = concept_var[c] {
            let any: Expression = cover.iter().map(|&k| x[k]).sum();
            model = model.with(Expression::from(z).leq(any));
        }
    }
    for a in 0..candidates.len() {
        for b in a + 1..candidates.len() {
            if filter.duplicates(candidates[a], candidates[b]) {
                model = model.with((x[a] + x[b]).leq(1.0));
            }
        }
    }
    let warm: Vec<(Variable, f64)> = candidates
        .iter()
        .zip(&x)
        .map(|(i, &xi)| (xi, if warm_start.contains(i) { 1.0 } else { 0.0 }))
        .chain(covering.iter().enumerate().filter_map(|(c, cover)| {
            let z = concept_var[c]?;
            let on = cover.iter().any(|&k| warm_start.contains(&candidates[k]));
            Some((z, if on { 1.0 } else { 0.0 }))
        }))
        .collect();
    model = model.with_initial_solution(warm);
    let solution = model.solve().ok()?;
    Some(
        candidates
            .iter()
            .zip(&x)
            .filter(|(_, &xi)| solution.value(xi) > 0.5)
            .map(|(&i, _)| i)
            .collect(),
    )
}

impl Summarizer for Ilp {
    fn name(&self) -> &'static str {
        "ilp"
    }

    fn summarize(&self, p: &PreparedCluster<'_>, budget: Budget) -> Summary {
        uncancelled(
            self.summarize_within(p, budget, &Deadline::none()),
            p,
            self.name(),
            budget,
        )
    }

    fn summarize_within(
        &self,
        p: &PreparedCluster<'_>,
        budget: Budget,
        deadline: &Deadline,
    ) -> Result<Summary> {
        let p = &*crate::bounds::ranked(p);
        deadline.check()?;
        let mut concepts = Concepts::extract(p, &self.concepts);
        if let Some(query) = &self.query {
            query.bias(p, &mut concepts);
        }
        let by_position = candidates_by_position(p, &self.selection);
        deadline.check()?;
        let filter = RedundancyFilter::new(p, self.selection.max_overlap);
        let objective = Objective::new(p, &concepts, 0.0);
        // The greedy solution: the warm start, and the answer if the solver fails.
        let greedy: Vec<usize> =
            cost_scaled_greedy_within(p, &objective, &by_position, budget, 1.0, &filter, deadline)?
                .into_iter()
                .map(|(i, _)| i)
                .collect();
        let mut candidates: Vec<usize> = by_position
            .iter()
            .copied()
            .filter(|&i| !concepts.of_sentence[i].is_empty())
            .collect();
        if candidates.len() > self.max_sentences {
            // Keep the most valuable ones (stable: earlier first on ties),
            // and every sentence of the warm start.
            candidates.sort_by(|&a, &b| {
                concepts
                    .sentence_weight(b)
                    .total_cmp(&concepts.sentence_weight(a))
            });
            candidates.truncate(self.max_sentences);
            for &i in &greedy {
                if !candidates.contains(&i) {
                    candidates.push(i);
                }
            }
        }
        let warm: Vec<usize> = greedy
            .iter()
            .copied()
            .filter(|i| candidates.contains(i))
            .collect();
        deadline.check()?;
        // The solver stops at its own limit or at the deadline, whichever
        // comes first (and then keeps the best solution found).
        let time_limit = deadline.remaining().map_or(self.time_limit, |left| {
            self.time_limit.min(left.as_secs_f64())
        });
        let chosen = if candidates.is_empty() {
            Vec::new()
        } else {
            solve(
                p,
                &concepts,
                &candidates,
                budget,
                &filter,
                &warm,
                time_limit,
            )
            .unwrap_or(warm)
        };
        deadline.check()?;
        let mut meter = BudgetMeter::new(budget);
        let mut state = objective;
        let mut taken: Vec<(usize, f64)> = Vec::new();
        for &i in &chosen {
            meter.take(p, i);
            let gain = state.gain(i);
            state.add(i);
            taken.push((i, gain));
        }
        let mut taken_ids = chosen;
        fill(
            p,
            &by_position,
            &mut meter,
            &mut taken,
            &mut taken_ids,
            &filter,
        );
        Ok(build_summary(p, self.name(), budget, taken))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cluster, Document};
    use crate::prepare::Pipeline;
    use crate::priors::PositionPrior;

    /// The best concept weight reachable within `capacity` words, by trying
    /// every subset of sentences without near-duplicates.
    fn brute_force(
        p: &PreparedCluster<'_>,
        concepts: &Concepts,
        budget: Budget,
        filter: &RedundancyFilter,
    ) -> f64 {
        let n = p.sentences.len();
        let mut best = 0.0f64;
        for mask in 0u32..(1 << n) {
            let set: Vec<usize> = (0..n).filter(|&i| mask & (1 << i) != 0).collect();
            let words: usize = set.iter().map(|&i| p.sentences[i].words).sum();
            if words > budget.capacity() {
                continue;
            }
            if set
                .iter()
                .enumerate()
                .any(|(k, &a)| set[k + 1..].iter().any(|&b| filter.duplicates(a, b)))
            {
                continue;
            }
            let mut objective = Objective::new(p, concepts, 0.0);
            let mut value = 0.0;
            for &i in &set {
                value += objective.gain(i);
                objective.add(i);
            }
            best = best.max(value);
        }
        best
    }

    #[test]
    fn ilp_matches_brute_force_optimum() {
        let cluster = Cluster::new(
            "c",
            vec![
                Document::new(
                    "a",
                    "Russia vetoed the Syria resolution. Aid convoys reached Aleppo on Monday. \
                     Geneva talks resume next week with envoys.",
                ),
                Document::new(
                    "b",
                    "Aid convoys reached Aleppo after Russia vetoed the Syria resolution. \
                     Geneva talks resume soon.",
                ),
                Document::new(
                    "c",
                    "Envoys said Geneva talks resume next week. Aid convoys reached Aleppo.",
                ),
            ],
        );
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        let selection = SelectionConfig {
            min_words: 1,
            ..SelectionConfig::default()
        };
        let config = ConceptConfig {
            min_support: 2,
            position: PositionPrior::NONE,
            unigram_weight: 0.0,
            word_bigrams: false,
        };
        let concepts = Concepts::extract(&p, &config);
        let filter = RedundancyFilter::new(&p, selection.max_overlap);
        let all: Vec<usize> = (0..p.sentences.len()).collect();
        for words in [4, 6, 9, 12, 16] {
            let budget = Budget::Words(words);
            let chosen = solve(&p, &concepts, &all, budget, &filter, &[], 5.0).expect("solved");
            let mut objective = Objective::new(&p, &concepts, 0.0);
            let mut value = 0.0;
            for &i in &chosen {
                value += objective.gain(i);
                objective.add(i);
            }
            let optimum = brute_force(&p, &concepts, budget, &filter);
            assert!(
                (value - optimum).abs() < 1e-9,
                "{words} words: {value} vs {optimum}"
            );
            let used: usize = chosen.iter().map(|&i| p.sentences[i].words).sum();
            assert!(used <= words);
        }
    }

    #[test]
    fn summary_fits_budget() {
        let cluster = Cluster::new(
            "c",
            vec![
                Document::new(
                    "a",
                    "Russia vetoed the Syria resolution. Aid reached Aleppo.",
                ),
                Document::new(
                    "b",
                    "Russia vetoed the Syria resolution again. Aid reached Aleppo.",
                ),
            ],
        );
        let p = Pipeline::default().prepare(&cluster).expect("prepared");
        for words in [3, 5, 8, 30] {
            let s = Ilp::default().summarize(&p, Budget::Words(words));
            assert!(s.word_count() <= words);
        }
    }
}
