//! Monte Carlo ensembles: run a scenario with uncertain inputs many times and count.
//!
//! Each trial draws its inputs from its own generator, ChaCha8 seeded with the user's
//! seed on the trial's own stream (`set_stream(trial)`), so a trial's draws depend on
//! nothing but the seed and its number: the counts are the same whatever the number of
//! threads or the order chunks finish in. Counting is streaming (memory does not grow
//! with the number of trials), and a trial reuses one world, one scenario copy and one
//! set of marks per thread: the hot loop does not allocate.

mod stats;
mod text;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use jiff::civil::Date;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution};

use crate::engine::{self, Marks, TraceStep, World};
use crate::rulebook::Procedure;
use crate::scenario::{Args, InputKind, Scenario};
use crate::vocab::{Holding, TrackKind, TreatyStatus, Word};

pub use stats::{Interval, quantile_dates, wilson};
pub use text::{to_json, to_text};

/// Trials per unit of work: a thread takes a chunk at a time, and the progress bar
/// advances per chunk, not per trial.
pub const CHUNK: u64 = 4096;

/// What to run.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub trials: u64,
    pub seed: u64,
    pub threads: usize,
}

/// An input made ready to draw from.
#[derive(Clone, Debug)]
enum Draw {
    Chance(f64),
    Window {
        from: Date,
        days: i64,
    },
    Yeas {
        voting: u32,
        binomial: Binomial,
    },
    /// Cumulative weights.
    Holding(Vec<(Holding, f64)>),
}

/// The scenario's inputs, ready to draw: the rulebook's doctrine weights resolved.
#[derive(Clone, Debug)]
pub struct Plan {
    draws: Vec<(usize, Draw)>,
    /// Every holding an input can produce, per input (for counting by bucket).
    pub buckets: Vec<Vec<String>>,
}

/// Why a scenario's uncertain inputs cannot be drawn, with the line of the input.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// A binomial vote's numbers that make no distribution.
    Binomial { line: u64, why: String },
    /// `holding: doctrine` on an event that is not a ruling.
    DoctrineNotOnRuling { line: u64 },
    /// `holding: doctrine` where the rulebook gives no weights for the plaintiff.
    NoDoctrineWeights {
        line: u64,
        rulebook: String,
        plaintiff: String,
    },
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Binomial { line, why } => write!(f, "line {line}: {why}"),
            InputError::DoctrineNotOnRuling { line } => {
                write!(f, "line {line}: `doctrine` is a holding, only for a ruling")
            }
            InputError::NoDoctrineWeights {
                line,
                rulebook,
                plaintiff,
            } => write!(
                f,
                "line {line}: the rulebook {rulebook} gives no doctrine weights for a {plaintiff}; give the weights in the scenario, e.g. holding: {{no_standing: 0.6, unlawful: 0.4}}"
            ),
        }
    }
}

impl std::error::Error for InputError {}

impl Plan {
    /// Resolves the scenario's inputs against the rulebook.
    pub fn new(p: &Procedure, s: &Scenario) -> Result<Plan, InputError> {
        let mut draws = Vec::new();
        let mut buckets = Vec::new();
        for input in &s.inputs {
            let event = &s.events[input.event];
            let draw = match &input.kind {
                InputKind::Chance(c) => {
                    buckets.push(vec!["did not happen".into(), "happened".into()]);
                    Draw::Chance(*c)
                }
                InputKind::Window { from, to } => {
                    let days = (*to - *from).get_days() as i64;
                    let middle = from.checked_add(jiff::Span::new().days(days / 2));
                    let middle = middle.map(|d| d.to_string()).unwrap_or_default();
                    buckets.push(vec![
                        format!("on or before {middle}"),
                        format!("after {middle}"),
                    ]);
                    Draw::Window { from: *from, days }
                }
                InputKind::Yeas { voting, p: chance } => {
                    let binomial = Binomial::new(u64::from(*voting), *chance).map_err(|e| {
                        InputError::Binomial {
                            line: input.place.line,
                            why: e.to_string(),
                        }
                    })?;
                    buckets.push(vec!["failed".into(), "carried".into(), "not held".into()]);
                    Draw::Yeas {
                        voting: *voting,
                        binomial,
                    }
                }
                InputKind::Holding(weights) => {
                    buckets.push(weights.iter().map(|(h, _)| h.to_string()).collect());
                    Draw::Holding(cumulative(weights))
                }
                InputKind::HoldingByDoctrine => {
                    let Args::Rule { case, .. } = event.args else {
                        return Err(InputError::DoctrineNotOnRuling {
                            line: input.place.line,
                        });
                    };
                    let plaintiff = s.cases[case].plaintiff;
                    let entry = p
                        .rulebook
                        .doctrine_for(plaintiff)
                        .filter(|d| !d.weights.is_empty());
                    let Some(entry) = entry else {
                        return Err(InputError::NoDoctrineWeights {
                            line: input.place.line,
                            rulebook: p.rulebook.id.clone(),
                            plaintiff: plaintiff.to_string(),
                        });
                    };
                    let mut weights = Vec::new();
                    for holding in Holding::ALL {
                        if let Some(w) = entry.weights.get(holding.name()) {
                            weights.push((*holding, *w));
                        }
                    }
                    buckets.push(weights.iter().map(|(h, _)| h.to_string()).collect());
                    Draw::Holding(cumulative(&weights))
                }
            };
            draws.push((input.event, draw));
        }
        Ok(Plan { draws, buckets })
    }

    /// Draws trial `trial`'s inputs into `work` (a copy of the scenario) and `active`;
    /// returns each input's bucket.
    fn draw(
        &self,
        seed: u64,
        trial: u64,
        work: &mut Scenario,
        active: &mut [bool],
        buckets: &mut [u8],
    ) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(trial);
        active.fill(true);
        for (k, (event, draw)) in self.draws.iter().enumerate() {
            let e = &mut work.events[*event];
            match draw {
                Draw::Chance(c) => {
                    let happens = rng.random::<f64>() < *c;
                    active[*event] = active[*event] && happens;
                    buckets[k] = u8::from(happens);
                }
                Draw::Window { from, days } => {
                    let offset = rng.random_range(0..=*days);
                    e.date = from
                        .checked_add(jiff::Span::new().days(offset))
                        .unwrap_or(*from);
                    buckets[k] = u8::from(offset > days / 2);
                }
                Draw::Yeas { voting, binomial } => {
                    let yeas = (binomial.sample(&mut rng) as u32).min(*voting);
                    if let Some(tally) = e.args.tally_mut() {
                        tally.yeas = yeas;
                        tally.nays = voting - yeas;
                    }
                    // Settled after the trial: carried, failed or not held.
                    buckets[k] = 0;
                }
                Draw::Holding(cumulative) => {
                    let x = rng.random::<f64>();
                    let i = cumulative
                        .iter()
                        .position(|(_, c)| x < *c)
                        .unwrap_or(cumulative.len() - 1);
                    if let Args::Rule { holding, .. } = &mut e.args {
                        *holding = cumulative[i].0;
                    }
                    buckets[k] = i as u8;
                }
            }
        }
    }
}

fn cumulative(weights: &[(Holding, f64)]) -> Vec<(Holding, f64)> {
    let total: f64 = weights.iter().map(|(_, w)| w).sum();
    let mut acc = 0.0;
    weights
        .iter()
        .map(|(h, w)| {
            acc += w / total;
            (*h, acc)
        })
        .collect()
}

/// Everything counted over the trials. Adding two counts is exact and order-free.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub trials: u64,
    /// By [`TreatyStatus`], in `TreatyStatus::ALL` order.
    pub treaty: [u64; 4],
    pub lawful: u64,
    pub enjoined: u64,
    /// Trials where section 1250A was held invalid and the breaches set aside.
    pub set_aside: u64,
    /// Per provision: trials where its breach stands.
    pub violations: Vec<u64>,
    /// Per bill, per stage of the bill track.
    pub bills: Vec<Vec<u64>>,
    /// Per case: not filed, pending, then each holding in `Holding::ALL` order.
    pub cases: Vec<Vec<u64>>,
    /// The days withdrawal took effect.
    pub effective: BTreeMap<Date, u64>,
    /// Path fingerprint → (trials, the first trial that took it). The fingerprint is
    /// already a hash, so a fast fixed hasher does.
    pub paths: HashMap<u64, (u64, u64), foldhash::fast::FixedState>,
    /// Per event: trials in which it was drawn to happen, and in which it could not.
    pub happened: Vec<u64>,
    pub skipped: Vec<u64>,
    /// Per input, per bucket: [trials, withdrawn, lawful].
    pub by_input: Vec<Vec<[u64; 3]>>,
}

impl Counts {
    fn sized(p: &Procedure, s: &Scenario, plan: &Plan) -> Counts {
        let bill_stages = p.track(TrackKind::Bill).graph.node_count();
        Counts {
            violations: vec![0; p.provisions.len()],
            bills: vec![vec![0; bill_stages]; s.bills.len()],
            cases: vec![vec![0; Holding::ALL.len() + 2]; s.cases.len()],
            happened: vec![0; s.events.len()],
            skipped: vec![0; s.events.len()],
            by_input: plan.buckets.iter().map(|b| vec![[0; 3]; b.len()]).collect(),
            ..Counts::default()
        }
    }

    /// Adds another count in.
    pub fn merge(&mut self, other: Counts) {
        self.trials += other.trials;
        add(&mut self.treaty, &other.treaty);
        self.lawful += other.lawful;
        self.enjoined += other.enjoined;
        self.set_aside += other.set_aside;
        add(&mut self.violations, &other.violations);
        for (a, b) in self.bills.iter_mut().zip(&other.bills) {
            add(a, b);
        }
        for (a, b) in self.cases.iter_mut().zip(&other.cases) {
            add(a, b);
        }
        for (date, n) in other.effective {
            *self.effective.entry(date).or_default() += n;
        }
        for (path, (n, first)) in other.paths {
            let entry = self.paths.entry(path).or_insert((0, first));
            entry.0 += n;
            entry.1 = entry.1.min(first);
        }
        add(&mut self.happened, &other.happened);
        add(&mut self.skipped, &other.skipped);
        for (a, b) in self.by_input.iter_mut().zip(&other.by_input) {
            for (x, y) in a.iter_mut().zip(b) {
                add(x, y);
            }
        }
    }
}

fn add(a: &mut [u64], b: &[u64]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// One thread's reusable state.
struct Worker<'a> {
    p: &'a Procedure,
    plan: &'a Plan,
    seed: u64,
    work: Scenario,
    active: Vec<bool>,
    buckets: Vec<u8>,
    world: World,
    marks: Marks,
    counts: Counts,
}

impl<'a> Worker<'a> {
    fn new(p: &'a Procedure, s: &Scenario, plan: &'a Plan, seed: u64) -> Worker<'a> {
        Worker {
            p,
            plan,
            seed,
            work: s.clone(),
            active: vec![true; s.events.len()],
            buckets: vec![0; plan.draws.len()],
            world: World::new(p, s, s.events.first().map_or(Date::MIN, |e| e.date)),
            marks: Marks::default(),
            counts: Counts::sized(p, s, plan),
        }
    }

    fn run(&mut self, trial: u64) {
        self.plan.draw(
            self.seed,
            trial,
            &mut self.work,
            &mut self.active,
            &mut self.buckets,
        );
        let info = engine::trial(
            self.p,
            &self.work,
            &self.active,
            &mut self.world,
            &mut self.marks,
            None,
        );
        let w = &self.world;
        let c = &mut self.counts;
        c.trials += 1;
        let status = engine::treaty_status(self.p, w);
        c.treaty[status as usize] += 1;
        let (standing, set_aside) = engine::standing_breaches(w);
        let lawful = standing.is_empty();
        c.lawful += u64::from(lawful);
        c.set_aside += u64::from(set_aside);
        c.enjoined += u64::from(w.enjoined());
        for k in standing.iter() {
            c.violations[k] += 1;
        }
        for (i, b) in w.bills.iter().enumerate() {
            c.bills[i][b.stage.index()] += 1;
        }
        let not_filed = self.p.track(TrackKind::Case).start;
        for (i, case) in w.cases.iter().enumerate() {
            let slot = match case.holding {
                Some(h) => h as usize + 2,
                None if case.stage == not_filed => 0,
                None => 1,
            };
            c.cases[i][slot] += 1;
        }
        if let Some(date) = w.effective_on {
            *c.effective.entry(date).or_default() += 1;
        }
        let entry = c.paths.entry(info.path).or_insert((0, trial));
        entry.0 += 1;
        entry.1 = entry.1.min(trial);
        for (e, active) in self.active.iter().enumerate() {
            c.happened[e] += u64::from(*active);
            c.skipped[e] += u64::from(self.marks.skipped[e]);
        }
        let withdrawn = status == TreatyStatus::Withdrawn;
        for (k, (event, draw)) in self.plan.draws.iter().enumerate() {
            let bucket = match draw {
                Draw::Yeas { .. } if !self.active[*event] || self.marks.skipped[*event] => 2,
                Draw::Yeas { .. } => usize::from(self.marks.carried[*event]),
                _ => self.buckets[k] as usize,
            };
            let slot = &mut c.by_input[k][bucket];
            slot[0] += 1;
            slot[1] += u64::from(withdrawn);
            slot[2] += u64::from(lawful);
        }
    }
}

/// The result of an ensemble.
#[derive(Clone, Debug)]
pub struct Ensemble {
    pub counts: Counts,
    pub requested: u64,
    /// Stopped early (Ctrl-C): the counts cover the chunks that finished.
    pub partial: bool,
    pub seed: u64,
    pub plan: Plan,
}

/// Runs the ensemble on `threads` threads. `progress` is told of each finished chunk's
/// trials; `stop` ends the run after the chunks in hand.
pub fn run(
    p: &Procedure,
    s: &Scenario,
    options: Options,
    progress: &(dyn Fn(u64) + Sync),
    stop: &AtomicBool,
) -> Result<Ensemble, InputError> {
    let plan = Plan::new(p, s)?;
    let chunks = options.trials.div_ceil(CHUNK);
    let next = AtomicU64::new(0);
    let threads = options.threads.max(1);
    let results: Vec<Counts> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut worker = Worker::new(p, s, &plan, options.seed);
                    loop {
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        let chunk = next.fetch_add(1, Ordering::Relaxed);
                        if chunk >= chunks {
                            break;
                        }
                        let first = chunk * CHUNK;
                        let last = (first + CHUNK).min(options.trials);
                        for trial in first..last {
                            worker.run(trial);
                        }
                        progress(last - first);
                    }
                    worker.counts
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a simulation thread does not panic"))
            .collect()
    });
    let mut counts = Counts::sized(p, s, &plan);
    for r in results {
        counts.merge(r);
    }
    Ok(Ensemble {
        partial: counts.trials < options.trials,
        counts,
        requested: options.trials,
        seed: options.seed,
        plan,
    })
}

/// One trial drawn and run with its trace: the scenario with the trial's draws, which
/// events happened, the marks, the final world and the end date.
fn traced_trial(
    p: &Procedure,
    s: &Scenario,
    plan: &Plan,
    seed: u64,
    trial: u64,
    trace: &mut Vec<TraceStep>,
) -> (Scenario, Vec<bool>, Marks, World, Date) {
    let mut work = s.clone();
    let mut active = vec![true; s.events.len()];
    let mut buckets = vec![0; plan.draws.len()];
    plan.draw(seed, trial, &mut work, &mut active, &mut buckets);
    let mut world = World::new(p, s, Date::MIN);
    let mut marks = Marks::default();
    let info = engine::trial(p, &work, &active, &mut world, &mut marks, Some(trace));
    (work, active, marks, world, info.end)
}

/// Replays one trial with its trace (to describe a path).
pub fn replay(p: &Procedure, s: &Scenario, plan: &Plan, seed: u64, trial: u64) -> Vec<TraceStep> {
    let mut trace = Vec::new();
    traced_trial(p, s, plan, seed, trial, &mut trace);
    trace
}

/// One trial drawn and run with its trace, for `run` of a file with uncertain inputs:
/// the scenario with this trial's dates, votes and holdings, the run, and the events
/// that did not happen (not drawn, or no longer possible).
pub fn sampled_run(
    p: &Procedure,
    s: &Scenario,
    seed: u64,
    trial: u64,
) -> Result<(Scenario, engine::Run, Vec<usize>), InputError> {
    let plan = Plan::new(p, s)?;
    let mut trace = Vec::new();
    let (work, active, marks, world, end) = traced_trial(p, s, &plan, seed, trial, &mut trace);
    let outcome = engine::outcome_of(p, &work, &world, end);
    let missed = (0..s.events.len())
        .filter(|&e| !active[e] || marks.skipped[e])
        .collect();
    Ok((work, engine::Run { trace, outcome }, missed))
}
