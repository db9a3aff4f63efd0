//! Exploring every route through the procedure: the engine itself, driven by
//! representative moves (a vote that carries and one that fails, each holding, waiting
//! for the next deadline or acting before it), from the start, breadth first, until no
//! new state appears. One bill and one case (the Senate's suit) at most.
//!
//! Moves take no time; time passes only by waiting for the next deadline (the notice's
//! year, a bill's ten days, 180 days after the committees were notified). States are
//! compared by what can still matter: every track's stage, the facts the law weighs,
//! which deadlines are pending and in what order, and (for the properties) whether the
//! bill has passed both chambers. The dates themselves are kept in each state's world
//! so that a route can be written out as a scenario `treatysim run` replays.

pub mod why;

use std::collections::HashMap;

use jiff::civil::Date;

use crate::calendar::days_between;
use crate::engine::{self, TraceStep, World};
use crate::rulebook::{Procedure, VoteKind};
use crate::scenario::{self, Scenario};
use crate::vocab::{Holding, TrackKind, TreatyStatus};

/// The most states an exploration visits (a safety net; the built-in rulebooks need far
/// fewer).
pub const STATE_LIMIT: usize = 2_000_000;

/// The day explorations start, unless the rulebook is a view of another day's law.
const START: &str = "2027-01-04";

/// The day an exploration of `p` starts: [`START`], judged by the law of that day (or
/// of the rulebook's view).
fn start_date(p: &Procedure) -> Date {
    p.law_date(crate::calendar::parse_date(START).unwrap_or(Date::MIN))
}

/// A vote's two representative tallies with every member voting: the smallest that
/// carries and the largest that fails, from the rulebook's own threshold (on the day
/// explorations start), written `Y–N`.
fn edges(p: &Procedure, kind: VoteKind, sworn: u32) -> Option<((u32, u32), (u32, u32))> {
    let (carries, fails) = p.threshold(kind, start_date(p)).edge_tallies(sworn)?;
    Some(((carries.yeas, carries.nays), (fails.yeas, fails.nays)))
}

/// The moves that need no bill or case: (what a reader sees, the event as a scenario
/// writes it).
fn plain_moves(p: &Procedure) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = [
        ("give notice", "do: give_notice"),
        ("rescind the notice", "do: rescind_notice"),
        ("suspend obligations", "do: suspend"),
        ("resume obligations", "do: resume"),
    ]
    .iter()
    .map(|(l, y)| (l.to_string(), y.to_string()))
    .collect();
    if let Some(((cy, cn), (fy, fn_))) = edges(p, VoteKind::Cloture, 100) {
        all.push((
            format!("Senate invokes cloture on the consent resolution, {cy}–{cn}"),
            format!("do: cloture_vote, yeas: {cy}, nays: {cn}"),
        ));
        all.push((
            format!("cloture on the consent resolution fails, {fy}–{fn_}"),
            format!("do: cloture_vote, yeas: {fy}, nays: {fn_}"),
        ));
    }
    if let Some(((cy, cn), (fy, fn_))) = edges(p, VoteKind::Consent, 100) {
        all.push((
            format!("Senate consents, {cy}–{cn}"),
            format!("do: consent_vote, yeas: {cy}, nays: {cn}"),
        ));
        all.push((
            format!("Senate withholds consent, {fy}–{fn_}"),
            format!("do: consent_vote, yeas: {fy}, nays: {fn_}"),
        ));
    }
    for (l, y) in [
        ("consult the committees", "do: consult_committees"),
        ("notify the committees in writing", "do: notify_committees"),
        ("spend funds on withdrawal", "do: spend"),
        ("Congress adjourns", "do: adjourn"),
        ("Congress reconvenes", "do: reconvene"),
    ] {
        all.push((l.to_string(), y.to_string()));
    }
    if let Some(((cy, cn), _)) = edges(p, VoteKind::SuitResolution, 100) {
        all.push((
            format!("Senate resolves to sue, {cy}–{cn}"),
            format!("do: authorize_suit, chamber: senate, yeas: {cy}, nays: {cn}"),
        ));
    }
    all
}

/// The moves of each bill (`{id}` its id, `{it}` how a reader names it, `{of}` which
/// bill when there are several), with tallies from the rulebook's thresholds.
fn bill_moves(p: &Procedure) -> Vec<(String, String)> {
    let mut all = vec![(
        "introduce an Act authorizing withdrawal (House){of}".to_string(),
        "do: introduce, bill: {id}, chamber: house, purpose: authorize_withdrawal".to_string(),
    )];
    let vote = |all: &mut Vec<(String, String)>,
                kind: VoteKind,
                sworn: u32,
                carries: &str,
                fails: &str,
                event: &str| {
        if let Some(((cy, cn), (fy, fn_))) = edges(p, kind, sworn) {
            all.push((
                format!("{carries}, {cy}–{cn}"),
                format!("{event}, yeas: {cy}, nays: {cn}"),
            ));
            all.push((
                format!("{fails}, {fy}–{fn_}"),
                format!("{event}, yeas: {fy}, nays: {fn_}"),
            ));
        }
    };
    vote(
        &mut all,
        VoteKind::Passage,
        435,
        "House passes {it}",
        "House rejects {it}",
        "do: vote, bill: {id}, chamber: house",
    );
    vote(
        &mut all,
        VoteKind::Cloture,
        100,
        "Senate invokes cloture on {it}",
        "cloture on {it} fails",
        "do: cloture_vote, bill: {id}",
    );
    vote(
        &mut all,
        VoteKind::Passage,
        100,
        "Senate passes {it}",
        "Senate rejects {it}",
        "do: vote, bill: {id}, chamber: senate",
    );
    all.push((
        "present {it} to the President".to_string(),
        "do: present, bill: {id}".to_string(),
    ));
    all.push((
        "the President signs {it}".to_string(),
        "do: sign, bill: {id}".to_string(),
    ));
    all.push((
        "the President vetoes {it}".to_string(),
        "do: veto, bill: {id}".to_string(),
    ));
    vote(
        &mut all,
        VoteKind::Override,
        435,
        "House overrides the veto of {it}",
        "House fails to override on {it}",
        "do: override, bill: {id}, chamber: house",
    );
    vote(
        &mut all,
        VoteKind::Override,
        100,
        "Senate overrides the veto of {it}",
        "Senate fails to override on {it}",
        "do: override, bill: {id}, chamber: senate",
    );
    all
}

/// The moves of each case (`{id}` its id, `{plaintiff}` and `{who}` who sues, `{of}`
/// which case when there are several).
const CASE_MOVES: &[(&str, &str)] = &[
    (
        "{who} sues{of}",
        "do: file_suit, case: {id}, plaintiff: {plaintiff}",
    ),
    (
        "the court: no standing{of}",
        "do: rule, case: {id}, holding: no_standing",
    ),
    (
        "the court: political question{of}",
        "do: rule, case: {id}, holding: political_question",
    ),
    (
        "the court: unlawful, with an injunction{of}",
        "do: rule, case: {id}, holding: unlawful, remedy: injunction",
    ),
    (
        "the court: unlawful, declaratory only{of}",
        "do: rule, case: {id}, holding: unlawful, remedy: declaratory",
    ),
    (
        "the court: the statute invalid{of}",
        "do: rule, case: {id}, holding: statute_invalid",
    ),
    ("appeal{of}", "do: appeal, case: {id}"),
    (
        "certiorari granted{of}",
        "do: cert, case: {id}, granted: true",
    ),
    (
        "certiorari denied{of}",
        "do: cert, case: {id}, granted: false",
    ),
];

/// A move, or waiting for the next deadline, or (in `play`) for some days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Event(usize),
    Wait,
    WaitDays(i64),
}

/// One state reached.
#[derive(Clone, Debug)]
pub struct Node {
    pub world: World,
    /// Which bills (a bit each, by index) have passed both chambers on the way here.
    pub passed_both: u8,
    /// How it was first reached: the state before, the move, and the steps it took.
    pub parent: Option<(usize, Move, Vec<TraceStep>)>,
    pub depth: usize,
}

/// What a state is, for telling states apart, packed into 256 bits (compared and hashed
/// in one go): each track's stage (8 bits each: treaty, suspension, consent, congress,
/// executive, then each bill and each case), the facts the law weighs (a bit each),
/// whether the committees were notified long enough ago (2 bits), the pending deadlines
/// in the order they fall (3 bits each), and the provisions breached (32 bits).
type Key = [u64; 4];

/// Packs fields into a [`Key`], low bits first.
struct Packer {
    key: Key,
    at: usize,
}

impl Packer {
    fn push(&mut self, value: u64, bits: usize) {
        let value = value & ((1u64 << bits) - 1);
        let (word, shift) = (self.at / 64, self.at % 64);
        self.key[word] |= value << shift;
        if shift + bits > 64 {
            self.key[word + 1] |= value >> (64 - shift);
        }
        self.at += bits;
    }
}

/// The exploration of a rulebook.
pub struct Exploration<'a> {
    pub procedure: &'a Procedure,
    pub scenario: Scenario,
    /// The moves tried: (what a reader sees, the event as a scenario writes it).
    pub moves: Vec<(String, String)>,
    pub nodes: Vec<Node>,
    /// Transitions tried that led somewhere (including to states seen before).
    pub transitions: usize,
    /// Some provision counts a notice to the committees given without consulting them.
    unconsulted_notice: bool,
}

/// How many bills and cases an exploration may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub bills: usize,
    pub cases: usize,
}

impl Size {
    /// One bill and one case: the default, and what `play` uses.
    pub const ONE: Size = Size { bills: 1, cases: 1 };
    /// The most `paths` and `check` accept of each (the states multiply with each).
    pub const MAX: usize = 2;
}

/// Plaintiffs of the explored cases, in order: (id in the format, who sues).
const PLAINTIFFS: &[(&str, &str)] = &[
    ("senate", "the Senate's counsel"),
    ("service_member", "a service member"),
];

/// The moves for `size` bills and cases: (what a reader sees, the event as written).
fn moves(p: &Procedure, size: Size) -> Vec<(String, String)> {
    let mut all = plain_moves(p);
    let bill_moves = bill_moves(p);
    for b in 0..size.bills {
        let id = format!("hr-{}", b + 1);
        let (it, of) = if size.bills > 1 {
            (id.clone(), format!(" ({id})"))
        } else {
            ("it".to_string(), String::new())
        };
        for (l, y) in &bill_moves {
            all.push((
                l.replace("{it}", &it).replace("{of}", &of),
                y.replace("{id}", &id),
            ));
        }
    }
    for c in 0..size.cases {
        let id = format!("c{}", c + 1);
        let (plaintiff, who) = PLAINTIFFS[c % PLAINTIFFS.len()];
        let of = if size.cases > 1 {
            format!(" ({id})")
        } else {
            String::new()
        };
        for (l, y) in CASE_MOVES {
            all.push((
                l.replace("{who}", who).replace("{of}", &of),
                y.replace("{id}", &id).replace("{plaintiff}", plaintiff),
            ));
        }
    }
    all
}

/// The moves as one scenario, each an event on the first day (the engine applies them
/// one at a time, at the day the route has reached). Built from fixed words and numbers
/// only, never from a rulebook's text, so it always reads; a failure would be a bug in
/// the moves, reported with the scenario text.
fn move_scenario(moves: &[(String, String)]) -> Result<Scenario, MovesDoNotRead> {
    let mut text = String::from("title: every move\nsetup: { filibuster: true }\nevents:\n");
    for (_, yaml) in moves {
        text.push_str(&format!("  - {{ on: {START}, {yaml} }}\n"));
    }
    crate::limits::for_own_text(|| scenario::parse("(moves)", text.clone().into())).map_err(|d| {
        MovesDoNotRead {
            message: d.message,
            text,
        }
    })
}

/// The moves of an exploration, written as a scenario, did not read back: a bug in
/// treatysim, reported with the text.
#[derive(Clone, Debug)]
pub struct MovesDoNotRead {
    pub message: String,
    pub text: String,
}

impl std::fmt::Display for MovesDoNotRead {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the representative moves do not read: {}\n{}",
            self.message, self.text
        )
    }
}

impl std::error::Error for MovesDoNotRead {}

impl<'a> Exploration<'a> {
    /// The label of a move.
    pub fn move_label(&self, m: Move) -> String {
        match m {
            Move::Event(i) => self.moves[i].0.clone(),
            Move::Wait => "time passes to the next deadline".to_string(),
            Move::WaitDays(1) => "time passes: 1 day".to_string(),
            Move::WaitDays(n) => format!("time passes: {n} days"),
        }
    }

    /// Explores every state reachable from the start (at most `limit` states).
    pub fn run(
        procedure: &'a Procedure,
        size: Size,
        limit: usize,
    ) -> Result<Exploration<'a>, MovesDoNotRead> {
        let mut ex = Exploration::start(procedure, size)?;
        let mut seen: HashMap<Key, usize, foldhash::fast::FixedState> = HashMap::default();
        seen.insert(ex.key(&ex.nodes[0].world, 0), 0);
        let mut scratch = ex.nodes[0].world.clone();
        // Looked up once, not per move: the bill stage that means "passed both chambers".
        let bill = procedure.track(TrackKind::Bill);
        let passed_both_stage = bill
            .graph
            .node_indices()
            .find(|n| bill.graph[*n].status == "passed_both");
        let mut steps = Vec::new();
        let mut next = 0;
        while next < ex.nodes.len() && ex.nodes.len() < limit {
            let here = next;
            next += 1;
            let moves = (0..ex.moves.len()).map(Move::Event).chain([Move::Wait]);
            for m in moves {
                scratch.assign(&ex.nodes[here].world);
                steps.clear();
                if !ex.apply(&mut scratch, m, &mut steps) {
                    continue;
                }
                ex.transitions += 1;
                let passed_both = steps
                    .iter()
                    .filter(|t| t.track == TrackKind::Bill && Some(t.to) == passed_both_stage)
                    .fold(ex.nodes[here].passed_both, |mask, t| {
                        mask | (1 << t.instance.unwrap_or(0).min(7))
                    });
                let key = ex.key(&scratch, passed_both);
                if seen.contains_key(&key) {
                    continue;
                }
                seen.insert(key, ex.nodes.len());
                ex.nodes.push(Node {
                    world: scratch.clone(),
                    passed_both,
                    parent: Some((here, m, steps.clone())),
                    depth: ex.nodes[here].depth + 1,
                });
            }
        }
        Ok(ex)
    }

    /// The next deadline after `w`'s date, if any.
    fn next_deadline(&self, w: &World) -> Option<Date> {
        let period = self.procedure.prior_notice_days(w.date);
        let committee = w
            .first_valid_notification
            .and_then(|n| n.checked_add(jiff::Span::new().days(period)).ok())
            .filter(|d| *d > w.date);
        [w.notice_due, committee]
            .into_iter()
            .chain(w.bills.iter().map(|b| b.due))
            .flatten()
            .min()
    }

    /// The state the exploration starts from.
    pub fn start(procedure: &'a Procedure, size: Size) -> Result<Exploration<'a>, MovesDoNotRead> {
        let moves = moves(procedure, size);
        let scenario = move_scenario(&moves)?;
        let world = World::new(procedure, &scenario, scenario.events[0].date);
        Ok(Exploration {
            procedure,
            scenario,
            moves,
            nodes: vec![Node {
                world,
                passed_both: 0,
                parent: None,
                depth: 0,
            }],
            transitions: 0,
            unconsulted_notice: procedure.provisions.iter().any(|p| {
                p.variants.iter().any(|v| {
                    v.test == crate::rulebook::ProvisionTest::CommitteeNotice && !v.consult_first
                })
            }),
        })
    }

    /// Every move possible from the last state: the move, the world after it, the steps.
    pub fn possible(&self, from: usize, waits: &[Move]) -> Vec<(Move, World, Vec<TraceStep>)> {
        let mut found = Vec::new();
        let moves = (0..self.moves.len())
            .map(Move::Event)
            .chain(waits.iter().copied());
        for m in moves {
            let mut world = self.nodes[from].world.clone();
            let mut steps = Vec::new();
            if self.apply(&mut world, m, &mut steps) {
                found.push((m, world, steps));
            }
        }
        found
    }

    /// Adds a move to those tried (in `play`, a vote with the tally a player typed): its
    /// index, or why its event does not read (a tally the chamber cannot cast).
    pub fn add_move(&mut self, label: String, yaml: String) -> Result<usize, MovesDoNotRead> {
        self.moves.push((label, yaml));
        match move_scenario(&self.moves) {
            Ok(scenario) => {
                self.scenario = scenario;
                Ok(self.moves.len() - 1)
            }
            Err(e) => {
                self.moves.pop();
                Err(e)
            }
        }
    }

    /// Move `m` from state `from`: the world after it and its steps, or `None` when it
    /// is impossible there or changes nothing.
    pub fn try_move(&self, from: usize, m: Move) -> Option<(World, Vec<TraceStep>)> {
        let mut world = self.nodes[from].world.clone();
        let mut steps = Vec::new();
        self.apply(&mut world, m, &mut steps)
            .then_some((world, steps))
    }

    /// Records a move taken (in `play`): the new state, reached from `from`.
    pub fn push(&mut self, from: usize, m: Move, world: World, steps: Vec<TraceStep>) -> usize {
        self.nodes.push(Node {
            world,
            passed_both: 0,
            parent: Some((from, m, steps)),
            depth: self.nodes[from].depth + 1,
        });
        self.nodes.len() - 1
    }

    /// A move applied to `world` (a copy of a state's), its steps appended to `steps`:
    /// false when the move is impossible there or changes nothing.
    fn apply(&self, world: &mut World, m: Move, steps: &mut Vec<TraceStep>) -> bool {
        let before = world.date;
        match m {
            Move::Event(i) => {
                let mut event = self.scenario.events[i].clone();
                event.date = world.date;
                if engine::step(self.procedure, &self.scenario, world, i, &event, steps).is_err() {
                    return false;
                }
            }
            Move::Wait => {
                let Some(date) = self.next_deadline(world) else {
                    return false;
                };
                engine::wait(self.procedure, &self.scenario, world, date, steps);
            }
            Move::WaitDays(n) => {
                let Ok(date) = world.date.checked_add(jiff::Span::new().days(n)) else {
                    return false;
                };
                engine::wait(self.procedure, &self.scenario, world, date, steps);
            }
        }
        !steps.is_empty() || world.date != before
    }

    /// The state key: everything about a world that the law's future depends on, and
    /// nothing else, so that two worlds with one key behave alike. The world is taken
    /// apart field by field with no `..`: a field added to World (or to a bill's or a
    /// case's state) is a compile error here until it is put in the key or said to be
    /// left out, and why.
    ///
    /// Long because: it takes apart every field of World, a bill and a case on purpose
    /// (tests/world_fields.rs keeps it so); each field's bits are a line or two.
    fn key(&self, w: &World, passed_both: u8) -> Key {
        let World {
            date,
            treaty,
            suspension,
            consent,
            congress,
            executive,
            // Set and cleared with `notice_due` while a notice is pending; after its timer
            // fires it only dates the outcome, and the treaty's stage says the rest.
            notice_takes_effect: _,
            notice_due,
            revoked_by_order,
            acted_alone,
            consent_cloture,
            adjournment,
            effective_on,
            act_authorized,
            limitation_repealed,
            consulted,
            first_valid_notification,
            first_notification,
            senate_suit,
            house_suit,
            bills,
            cases,
            breached,
        } = w;
        let period = self.procedure.prior_notice_days(*date);
        let state = |notified: Option<Date>| -> u8 {
            match notified {
                None => 0,
                Some(n) if days_between(n, *date) < period => 1,
                Some(_) => 2,
            }
        };
        let notification = state(*first_valid_notification);
        // A notification without a consultation first counts only for a provision that
        // asks none; otherwise it would tell apart states the law does not.
        let any_notification = if self.unconsulted_notice {
            state(*first_notification)
        } else {
            0
        };
        // The pending deadlines (the notice, each bill, the committee period), sorted
        // without allocating: at most 2 + Size::MAX of them. Their order is kept, not
        // their days: the day itself is no part of a state.
        let mut deadlines = [(Date::MAX, 0u8); 2 + Size::MAX];
        let mut count = 0;
        if let Some(d) = notice_due {
            deadlines[count] = (*d, 1);
            count += 1;
        }
        for (k, b) in bills.iter().enumerate().take(Size::MAX) {
            if let Some(d) = b.due {
                deadlines[count] = (d, 3 + k as u8);
                count += 1;
            }
        }
        if notification == 1
            && let Some(n) = first_valid_notification
            && let Ok(d) = n.checked_add(jiff::Span::new().days(period))
        {
            deadlines[count] = (d, 2);
        }
        deadlines.sort_unstable();
        let stage = |n: &petgraph::graph::NodeIndex| n.index() as u64;
        let mut key = Packer { key: [0; 4], at: 0 };
        for n in [treaty, suspension, consent, congress, executive] {
            key.push(stage(n), 8);
        }
        for b in bills.iter().take(Size::MAX) {
            let engine::BillState {
                stage: at,
                // The days a bill reached its stage and was presented matter only
                // through `due`, which the deadlines above order.
                since: _,
                presented_on: _,
                cloture,
                due: _,
            } = b;
            key.push(stage(at), 8);
            key.push(u64::from(*cloture), 1);
        }
        for c in cases.iter().take(Size::MAX) {
            let engine::CaseState {
                stage: at,
                holding,
                remedy,
                complied,
            } = c;
            key.push(stage(at), 8);
            key.push(u64::from(engine::injunction(*holding, *remedy)), 1);
            key.push(u64::from(*complied), 1);
            key.push(u64::from(*holding == Some(Holding::StatuteInvalid)), 1);
        }
        for flag in [
            *revoked_by_order,
            *acted_alone,
            *consent_cloture,
            effective_on.is_some(),
            *act_authorized,
            *limitation_repealed,
            *consulted,
            *senate_suit,
            *house_suit,
        ] {
            key.push(u64::from(flag), 1);
        }
        // The adjournment's kind, its agent and whether it is a short recess (all that the
        // pocket veto's rule looks at).
        let adjournment = adjournment.map_or(0, |a| {
            let kind = match a.kind {
                None => 1,
                Some(crate::vocab::AdjournmentKind::SineDie) => 2,
                Some(crate::vocab::AdjournmentKind::Intersession) => 3,
                Some(crate::vocab::AdjournmentKind::Intrasession) => 4,
            };
            kind | (u64::from(a.agent) << 3) | (u64::from(a.days.is_some_and(|d| d <= 3)) << 4)
        });
        key.push(adjournment, 5);
        key.push(u64::from(passed_both), Size::MAX);
        key.push(u64::from(notification), 2);
        key.push(u64::from(any_notification), 2);
        for (_, kind) in deadlines {
            key.push(u64::from(kind), 3);
        }
        key.push(
            u64::from(breached.iter().fold(0u32, |m, k| m | (1 << k))),
            32,
        );
        key.key
    }

    /// The treaty's status in a state.
    pub fn status(&self, i: usize) -> TreatyStatus {
        engine::treaty_status(self.procedure, &self.nodes[i].world)
    }

    /// Whether no violation stands in a state.
    pub fn lawful(&self, i: usize) -> bool {
        engine::standing_breaches(&self.nodes[i].world).0.is_empty()
    }

    /// Whether withdrawal (or suspension) is authorized in a state.
    pub fn authorized(&self, i: usize) -> bool {
        self.nodes[i].world.authorized(self.procedure)
    }

    /// The moves from the start to a state: each move, the day it was made (for a wait,
    /// the day it ended), and the steps it took.
    pub fn route(&self, i: usize) -> Vec<(Move, Date, &[TraceStep])> {
        let mut route = Vec::new();
        let mut at = i;
        while let Some((parent, m, steps)) = &self.nodes[at].parent {
            let date = match m {
                Move::Wait | Move::WaitDays(_) => self.nodes[at].world.date,
                Move::Event(_) => self.nodes[*parent].world.date,
            };
            route.push((*m, date, steps.as_slice()));
            at = *parent;
        }
        route.reverse();
        route
    }

    /// A route written as a scenario `treatysim run` replays, to be written to `to` (so
    /// that a rulebook file is named relative to it).
    pub fn route_scenario(
        &self,
        i: usize,
        title: &str,
        teaches: &str,
        to: Option<&std::path::Path>,
    ) -> String {
        let mut scenario = self.scenario.clone();
        scenario.title = title.to_string();
        scenario.events = self
            .route(i)
            .iter()
            .filter_map(|(m, date, _)| match m {
                Move::Event(e) => {
                    let mut event = self.scenario.events[*e].clone();
                    event.date = *date;
                    Some(event)
                }
                _ => None,
            })
            .collect();
        if scenario.events.is_empty() {
            // A route of waiting alone: one event without effect starts the clock.
            scenario.events.push(crate::scenario::Event {
                date: self.scenario.events[0].date,
                action: crate::vocab::Action::Announce,
                args: crate::scenario::Args::None,
                place: crate::diag::Place::default(),
                subject_place: crate::diag::Place::default(),
                note: None,
            });
        }
        scenario.until = Some(self.nodes[i].world.date);
        crate::scenario::write::to_yaml(
            self.procedure,
            &scenario,
            &format!("Teaches: {teaches}"),
            to,
        )
    }
}

/// The actor of a step, as a reader says it.
pub fn actor_name(actor: crate::vocab::Actor) -> &'static str {
    use crate::vocab::Actor;
    match actor {
        Actor::President => "President",
        Actor::Senate => "Senate",
        Actor::House => "House",
        Actor::Congress | Actor::Chamber => "Congress",
        Actor::Courts => "Courts",
        Actor::Plaintiff => "Plaintiff",
        Actor::Clock => "Clock",
    }
}

/// Where a step's line starts in [`route_text`].
pub const STEP_INDENT: &str = "        ";

/// Where a step's line continues once wrapped: under its label, past the actor.
pub const STEP_HANG: &str = "                   ";

/// A route, as numbered moves with the steps each took, their actors and sources: a
/// line each, unwrapped (the text output wraps them to its width with [`STEP_HANG`]).
pub fn route_text(ex: &Exploration, i: usize) -> String {
    let p = ex.procedure;
    let mut out = String::new();
    for (n, (m, date, steps)) in ex.route(i).iter().enumerate() {
        let head = match m {
            Move::Wait | Move::WaitDays(_) => format!("time passes to {date}"),
            Move::Event(_) => ex.move_label(*m),
        };
        out.push_str(&format!("  {:>2}. {head}\n", n + 1));
        for t in steps.iter() {
            let step = &p.track(t.track).graph[t.edge];
            let day = p.law_date(t.date);
            let cite = crate::report::citation_text(
                p.citation(step.citation_on(day)),
                step.citation_on(day),
            );
            let breaches: Vec<&str> = t
                .violations
                .iter()
                .filter_map(|k| p.provisions.get(k).map(|x| x.id.as_str()))
                .collect();
            let mut line = format!(
                "{:<9}  {} — {cite}",
                actor_name(step.actor),
                p.render(step.label_on(day), t.date)
            );
            if !breaches.is_empty() {
                line.push_str(&format!("; breaches {}", breaches.join(", ")));
            }
            out.push_str(STEP_INDENT);
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The distinct routes to what `target` accepts, shortest first: the states where a route
/// first reaches it (its parent did not), keeping a route only when no shorter route kept
/// with the same verdict (the same violations standing) is contained in it (its moves a
/// subsequence of this one's), so that a route with an irrelevant move added is not
/// listed again.
pub fn first_arrivals(ex: &Exploration, target: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut found: Vec<usize> = (0..ex.nodes.len())
        .filter(|&i| target(i))
        .filter(|&i| {
            ex.nodes[i]
                .parent
                .as_ref()
                .is_none_or(|(parent, _, _)| !target(*parent))
        })
        .collect();
    found.sort_by_key(|&i| (ex.nodes[i].depth, i));
    let verdict = |i: usize| engine::standing_breaches(&ex.nodes[i].world).0;
    let mut kept: Vec<(usize, Vec<Move>)> = Vec::new();
    for i in found {
        let moves: Vec<Move> = ex.route(i).iter().map(|(m, _, _)| *m).collect();
        let contained = kept
            .iter()
            .any(|(k, km)| verdict(*k) == verdict(i) && is_subsequence(km, &moves));
        if !contained {
            kept.push((i, moves));
        }
    }
    kept.into_iter().map(|(i, _)| i).collect()
}

/// Whether `short` appears in `long` in order (not necessarily together).
fn is_subsequence(short: &[Move], long: &[Move]) -> bool {
    let mut it = long.iter();
    short.iter().all(|m| it.any(|x| x == m))
}

/// What checking one property found.
#[derive(Clone, Debug)]
pub struct Verdict {
    pub holds: bool,
    /// For "sometimes": a state that shows it; for a property that fails: a state that
    /// breaks it.
    pub example: Option<usize>,
}

/// Checks one property over every state (and, for "always", every move) explored.
pub fn check(ex: &Exploration, property: &crate::rulebook::Property) -> Verdict {
    use crate::rulebook::PropertyTest as T;
    let p = ex.procedure;
    let withdrawn = |i: usize| ex.status(i) == TreatyStatus::Withdrawn;
    let invalid = |i: usize| engine::standing_breaches(&ex.nodes[i].world).1;
    // A bill enacted that never passed both chambers.
    let enacted_alone = |i: usize| {
        let node = &ex.nodes[i];
        node.world.bills.iter().enumerate().any(|(k, b)| {
            b.stage == p.roles.bill_enacted && node.passed_both & (1 << k.min(7)) == 0
        })
    };
    // The shallowest state that satisfies `f` (states are in breadth-first order).
    let first = |f: &dyn Fn(usize) -> bool| (0..ex.nodes.len()).find(|&i| f(i));
    match property.test {
        T::NeverLawfulWithdrawalUnauthorized => {
            let bad = first(&|i| withdrawn(i) && ex.lawful(i) && !ex.authorized(i) && !invalid(i));
            Verdict {
                holds: bad.is_none(),
                example: bad,
            }
        }
        T::NeverEnactedWithoutBothChambers => {
            let bad = first(&enacted_alone);
            Verdict {
                holds: bad.is_none(),
                example: bad,
            }
        }
        T::SometimesUnlawfulWithdrawal => {
            let witness = first(&|i| withdrawn(i) && !ex.lawful(i));
            Verdict {
                holds: witness.is_some(),
                example: witness,
            }
        }
        T::SometimesWithdrawnUnauthorized => {
            let witness = first(&|i| withdrawn(i) && !ex.authorized(i));
            Verdict {
                holds: witness.is_some(),
                example: witness,
            }
        }
        T::NeverUnlawful => {
            let bad = first(&|i| !ex.lawful(i));
            Verdict {
                holds: bad.is_none(),
                example: bad,
            }
        }
        T::AlwaysUnauthorizedNoticeBreaches => {
            let wanted = property
                .provision
                .as_ref()
                .and_then(|id| p.provisions.iter().position(|x| &x.id == id));
            let bad = first(&|i| {
                let Some((parent, Move::Event(_), steps)) = &ex.nodes[i].parent else {
                    return false;
                };
                let unauthorized = !ex.authorized(*parent);
                steps.iter().any(|t| {
                    let step = &p.track(t.track).graph[t.edge];
                    step.trigger
                        == crate::rulebook::Trigger::Action(crate::vocab::Action::GiveNotice)
                        && unauthorized
                        && wanted.is_none_or(|k| !t.violations.contains(k))
                })
            });
            Verdict {
                holds: bad.is_none() && wanted.is_some(),
                example: bad,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_name_each_bill_and_case_when_there_are_several() {
        let p = crate::rulebook::load(crate::rulebook::DEFAULT_ID).unwrap();
        let one = moves(&p, Size::ONE);
        assert!(
            one.iter()
                .any(|(l, y)| l == "House passes it, 218–217" && y.contains("bill: hr-1"))
        );
        let two = moves(&p, Size { bills: 2, cases: 2 });
        assert!(
            two.iter()
                .any(|(l, y)| l == "House passes hr-2, 218–217" && y.contains("bill: hr-2"))
        );
        assert!(
            two.iter().any(|(l, y)| l == "a service member sues (c2)"
                && y.contains("plaintiff: service_member"))
        );
        assert_eq!(
            two.len(),
            plain_moves(&p).len() + 2 * bill_moves(&p).len() + 2 * CASE_MOVES.len()
        );
        // Every move is a valid event of the format.
        let s = move_scenario(&two).unwrap();
        assert_eq!(s.events.len(), two.len());
        assert_eq!((s.bills.len(), s.cases.len()), (2, 2));
    }

    #[test]
    fn vote_moves_sit_on_the_thresholds_edge() {
        // Under the law, consent is 67–33 and its failure 66–34; under the rule as
        // reported, 60–40 and 59–41: the labels come from the rulebook, not from code.
        let law = crate::rulebook::load("us-nato-2024").unwrap();
        let sixty = crate::rulebook::load("as-reported-60").unwrap();
        let labels =
            |p: &Procedure| -> Vec<String> { plain_moves(p).into_iter().map(|(l, _)| l).collect() };
        assert!(labels(&law).contains(&"Senate consents, 67–33".to_string()));
        assert!(labels(&law).contains(&"Senate withholds consent, 66–34".to_string()));
        assert!(labels(&sixty).contains(&"Senate consents, 60–40".to_string()));
        assert!(labels(&sixty).contains(&"Senate withholds consent, 59–41".to_string()));
        assert!(
            labels(&law)
                .contains(&"Senate invokes cloture on the consent resolution, 60–40".to_string())
        );
    }

    #[test]
    fn keys_pack_without_overlap() {
        let mut a = Packer { key: [0; 4], at: 0 };
        a.push(0xff, 8);
        a.push(1, 1);
        a.push(u64::from(u32::MAX), 32);
        a.push(0b101, 3);
        assert_eq!(a.at, 44);
        assert_eq!(
            a.key[0],
            0xff | (1 << 8) | (u64::from(u32::MAX) << 9) | (0b101 << 41)
        );
        let mut b = Packer {
            key: [0; 4],
            at: 60,
        };
        b.push(0xff, 8);
        assert_eq!((b.key[0] >> 60, b.key[1]), (0xf, 0xf));
    }
}
