//! The engine: a pure function from a compiled procedure and a scenario to a trace and
//! an outcome. No I/O, no clocks, no randomness: the same inputs give the same result.
//!
//! Each event moves one track along an edge of its graph. The edge is chosen by the
//! event's action and the step's selectors (chamber, granted, the vote's result); the
//! step's requirements must hold, or the action is *impossible* and the run stops with an
//! error that names the state met and the action that would first make it possible.
//! Actions the law forbids are not impossible: they happen, and the provision breached is
//! recorded. Timers (a year after notice; ten days after presentment) fire at the start
//! of the day they are due, before that day's events.

mod world;

use jiff::civil::Date;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::calendar::{days_between, next_day, nth_day_sundays_excepted};
use crate::rulebook::{
    ChamberSelector, Procedure, ProvisionTest, Requirement, StepData, TimerKind, Trigger, VoteKind,
};
use crate::scenario::{Args, Event, Scenario};
use crate::threshold::Tally;
use crate::vocab::{
    Action, AdjournmentKind, Chamber, Holding, Plaintiff, Purpose, Remedy, TrackKind, TreatyStatus,
    Word,
};

pub use crate::rulebook::ProvisionSet;
pub use world::{Adjournment, BillState, CaseState, World};

/// One step taken, in the order taken.
#[derive(Clone, Debug, PartialEq)]
pub struct TraceStep {
    pub date: Date,
    pub track: TrackKind,
    /// The bill or case index for those tracks.
    pub instance: Option<usize>,
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub edge: EdgeIndex,
    /// The scenario event that took the step (`None` for timers and conditions).
    pub event: Option<usize>,
    /// The vote that decided the step, with its threshold.
    pub vote: Option<(VoteKind, Tally)>,
    /// Provisions breached by this step (indices into `Procedure::provisions`).
    pub violations: ProvisionSet,
    /// A date the step set running: when a notice takes effect, a bill's last day.
    pub due: Option<Date>,
}

/// Where things stand when the clock stops.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub treaty: TreatyStatus,
    /// The day withdrawal took effect.
    pub effective_on: Option<Date>,
    /// No violation stands.
    pub lawful: bool,
    /// An injunction against withdrawal is in force.
    pub enjoined: bool,
    /// Provisions whose violation stands, in rulebook order.
    pub violations: Vec<String>,
    /// Provisions breached but set aside while section 1250A is held invalid.
    pub set_aside: Vec<String>,
    /// Each bill's status, in order of introduction.
    pub bills: Vec<(String, String)>,
    /// Each case's status (the holding that stands, or `pending`).
    pub cases: Vec<(String, String)>,
    /// The anniversary of a notice still pending at the end (when it takes or would
    /// have taken effect).
    pub notice_due: Option<Date>,
    /// A pending notice was revoked, as an injunction standing at the end of its period
    /// ordered.
    pub revoked_by_order: bool,
    /// The President suspended or gave notice alone where no statute forbade it: no
    /// violation, but the act's constitutionality is contested.
    pub acted_alone: bool,
    /// An injunction stands that the officials did not obey.
    pub defied: bool,
    /// Withdrawal was authorized at the end (consent or an enacted Act).
    pub authorized: bool,
    /// The day the clock stopped.
    pub end: Date,
}

/// An action that makes no procedural sense where it was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Impossible {
    /// The offending event.
    pub event: usize,
    /// Point at the bill or case id rather than the action.
    pub at_subject: bool,
    /// The state met.
    pub message: String,
    /// What would first make it possible.
    pub help: String,
}

/// A refusal of the event at `index`: what is impossible and what would make it possible.
fn refusal(index: usize, message: String, help: String) -> Impossible {
    Impossible {
        event: index,
        at_subject: false,
        message,
        help,
    }
}

impl Impossible {
    /// The refusal a simulation or an exploration gets: it only asks whether an event
    /// can happen, so no explanation is built.
    fn quiet(event: usize) -> Impossible {
        Impossible {
            event,
            at_subject: false,
            message: String::new(),
            help: String::new(),
        }
    }

    /// The located error for a person.
    pub fn diagnostic(&self, scenario: &Scenario) -> crate::diag::Diagnostic {
        let event = &scenario.events[self.event];
        let at = if self.at_subject {
            event.subject_place
        } else {
            event.place
        };
        crate::diag::Diagnostic::at(
            scenario.file.clone(),
            std::sync::Arc::clone(&scenario.source),
            at,
            self.message.clone(),
        )
        .with_label("impossible here")
        .with_help(self.help.clone())
        .procedural()
    }
}

/// The result of a run.
#[derive(Clone, Debug)]
pub struct Run {
    pub trace: Vec<TraceStep>,
    pub outcome: Outcome,
}

/// The fingerprint of a path with no steps (FNV-1a's offset basis).
const PATH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// A path's fingerprint after one more step: FNV-1a over (track, instance, edge), each
/// packed in its own bits, so equal paths have equal fingerprints and different ones,
/// almost surely, different fingerprints.
fn extend_path(path: u64, kind: TrackKind, instance: Option<usize>, edge: EdgeIndex) -> u64 {
    let step = ((kind as u64) << 48)
        ^ ((instance.map_or(0, |i| i as u64 + 1) & 0xffff) << 32)
        ^ edge.index() as u64;
    (path ^ step).wrapping_mul(0x0000_0100_0000_01b3)
}

/// Runs a scenario and records every step.
pub fn run(procedure: &Procedure, scenario: &Scenario) -> Result<Run, Impossible> {
    let mut trace = Vec::new();
    let outcome = Engine::new(procedure, scenario, Some(&mut trace)).run()?;
    Ok(Run { trace, outcome })
}

/// Runs a scenario for its outcome alone (no trace is kept).
pub fn outcome(procedure: &Procedure, scenario: &Scenario) -> Result<Outcome, Impossible> {
    Engine::new(procedure, scenario, None).run()
}

/// What one simulated trial leaves besides its final [`World`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrialInfo {
    /// The clock's last day.
    pub end: Date,
    /// A fingerprint of the steps taken, in order (equal paths, equal fingerprints).
    pub path: u64,
}

/// Per-event marks a trial leaves, in buffers the caller reuses.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    /// The event could not happen in this trial (a veto of a bill that failed, say) and
    /// was passed over.
    pub skipped: Vec<bool>,
    /// The event's vote carried.
    pub carried: Vec<bool>,
}

impl Marks {
    /// Clears the marks for a scenario of `events` events (no allocation once sized).
    pub fn reset(&mut self, events: usize) {
        self.skipped.clear();
        self.skipped.resize(events, false);
        self.carried.clear();
        self.carried.resize(events, false);
    }
}

/// Runs one trial of a simulation: only the events marked `active` happen, an event
/// that has become impossible is passed over (and marked) rather than an error, and the
/// final state is left in `world`, which is reset first and reused without allocating.
pub fn trial(
    procedure: &Procedure,
    scenario: &Scenario,
    active: &[bool],
    world: &mut World,
    marks: &mut Marks,
    trace: Option<&mut Vec<TraceStep>>,
) -> TrialInfo {
    marks.reset(scenario.events.len());
    let mut engine = Engine::new(procedure, scenario, trace);
    engine.active = active;
    engine.marks = Some(marks);
    engine.quiet = true;
    let end = engine.run_in(world).unwrap_or(Date::MIN);
    TrialInfo {
        end,
        path: engine.path,
    }
}

/// One move of an exploration: the timers due by `event.date` fire, then `event` (the
/// scenario's event `index`, at the date given) applies to `world`. The steps taken are
/// appended to `trace`. On an impossible event the world is left as the timers left it,
/// and the error carries no explanation (explorations only ask whether it can happen).
pub fn step(
    procedure: &Procedure,
    scenario: &Scenario,
    world: &mut World,
    index: usize,
    event: &Event,
    trace: &mut Vec<TraceStep>,
) -> Result<(), Impossible> {
    let mut engine = Engine::new(procedure, scenario, Some(trace));
    engine.quiet = true;
    engine.fire_timers(world, event.date);
    world.date = world.date.max(event.date);
    engine.apply(world, index, event)
}

/// Lets time run to `date`: the timers due by then fire; steps go to `trace`.
pub fn wait(
    procedure: &Procedure,
    scenario: &Scenario,
    world: &mut World,
    date: Date,
    trace: &mut Vec<TraceStep>,
) {
    let mut engine = Engine::new(procedure, scenario, Some(trace));
    engine.fire_timers(world, date);
    world.date = world.date.max(date);
}

/// The outcome a world stands at, as `run` reports it.
pub fn outcome_of(procedure: &Procedure, scenario: &Scenario, world: &World, end: Date) -> Outcome {
    Engine::new(procedure, scenario, None).outcome(world, end)
}

/// The treaty's status in a world (a suspension held by an injunction does not count).
pub fn treaty_status(p: &Procedure, w: &World) -> TreatyStatus {
    if w.treaty == p.roles.withdrawn {
        TreatyStatus::Withdrawn
    } else if w.suspension == p.roles.suspended && !w.enjoined() {
        TreatyStatus::Suspended
    } else if w.treaty == p.roles.notice_pending {
        TreatyStatus::NoticePending
    } else {
        TreatyStatus::Party
    }
}

/// The provisions whose breach stands, and whether the statute was held invalid (which
/// sets every breach aside).
pub fn standing_breaches(w: &World) -> (ProvisionSet, bool) {
    let statute_invalid = w
        .cases
        .iter()
        .any(|c| c.holding == Some(Holding::StatuteInvalid));
    if statute_invalid {
        (ProvisionSet::default(), true)
    } else {
        (w.breached, false)
    }
}

/// The last day the clock runs: `until`, else the last event's date.
pub fn end_date(scenario: &Scenario) -> Option<Date> {
    scenario
        .until
        .or_else(|| scenario.events.last().map(|e| e.date))
}

struct Engine<'a> {
    p: &'a Procedure,
    s: &'a Scenario,
    trace: Option<&'a mut Vec<TraceStep>>,
    /// Which events happen (empty: all of them).
    active: &'a [bool],
    /// In a simulation: impossible events are passed over and marked here.
    marks: Option<&'a mut Marks>,
    /// A fingerprint of the steps taken.
    path: u64,
    /// Impossible events build no explanation (a simulation or an exploration asks only
    /// whether the event can happen).
    quiet: bool,
}

/// What an event says that selects among steps.
#[derive(Clone, Copy)]
struct Selection {
    chamber: Option<Chamber>,
    origin: Option<Chamber>,
    granted: Option<bool>,
    adjourned: Option<bool>,
    enjoined: Option<bool>,
}

impl Selection {
    fn matches(&self, step: &StepData) -> bool {
        let chamber_ok = match (step.chamber, self.chamber) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(sel), Some(c)) => match sel {
                ChamberSelector::House => c == Chamber::House,
                ChamberSelector::Senate => c == Chamber::Senate,
                ChamberSelector::Origin => Some(c) == self.origin,
                ChamberSelector::Other => Some(c) != self.origin,
            },
        };
        fn same(step: Option<bool>, event: Option<bool>) -> bool {
            step.is_none() || step == event
        }
        chamber_ok
            && same(step.granted, self.granted)
            && same(step.adjourned, self.adjourned)
            && same(step.enjoined, self.enjoined)
    }
}

impl<'a> Engine<'a> {
    fn new(p: &'a Procedure, s: &'a Scenario, trace: Option<&'a mut Vec<TraceStep>>) -> Self {
        Engine {
            p,
            s,
            trace,
            active: &[],
            marks: None,
            path: PATH_START,
            quiet: false,
        }
    }

    fn run(mut self) -> Result<Outcome, Impossible> {
        let mut world = World::new(self.p, self.s, Date::MIN);
        let end = self.run_in(&mut world)?;
        Ok(self.outcome(&world, end))
    }

    /// Runs the events from the start in `world` (reset first); returns the last day.
    fn run_in(&mut self, world: &mut World) -> Result<Date, Impossible> {
        let Some(end) = end_date(self.s) else {
            // A checked scenario always has events; an empty one has nothing to run.
            world.reset(self.p, self.s, Date::MIN);
            return Ok(Date::MIN);
        };
        world.reset(self.p, self.s, self.s.events[0].date);
        for (index, event) in self.s.events.iter().enumerate() {
            if !self.active.is_empty() && !self.active[index] {
                continue;
            }
            self.fire_timers(world, event.date);
            world.date = event.date;
            match self.apply(world, index, event) {
                Ok(()) => {}
                Err(_) if self.quiet => {
                    if let Some(marks) = self.marks.as_deref_mut() {
                        marks.skipped[index] = true;
                    }
                }
                Err(e) => return Err(e),
            }
        }
        self.fire_timers(world, end);
        world.date = world.date.max(end);
        Ok(end)
    }

    /// Fires, in date order, every timer due on or before `limit`.
    fn fire_timers(&mut self, w: &mut World, limit: Date) {
        if w.notice_due.is_none() && w.bills.iter().all(|b| b.due.is_none()) {
            return;
        }
        loop {
            let treaty_due = w.notice_due.filter(|d| *d <= limit);
            let bill_due = w
                .bills
                .iter()
                .enumerate()
                .filter_map(|(i, b)| b.due.filter(|d| *d <= limit).map(|d| (d, i)))
                .min();
            match (treaty_due, bill_due) {
                (None, None) => return,
                (Some(t), Some((b, _))) if t <= b => self.fire_notice_timer(w, t),
                (Some(t), None) => self.fire_notice_timer(w, t),
                (_, Some((due, bill))) => self.fire_return_timer(w, due, bill),
            }
        }
    }

    fn fire_notice_timer(&mut self, w: &mut World, due: Date) {
        w.date = due;
        w.notice_due = None;
        // Only an injunction the officials obey stops the notice: by revoking it before
        // its period ends, as the order requires. One they defy changes nothing abroad.
        let enjoined = w.obeyed_injunction();
        let selection = Selection {
            chamber: None,
            origin: None,
            granted: None,
            adjourned: None,
            enjoined: Some(enjoined),
        };
        if let Some(edge) = self.timer_edge(
            TrackKind::Treaty,
            w.treaty,
            TimerKind::NoticePeriod,
            selection,
        ) {
            let to = self.take_unprompted(w, TrackKind::Treaty, None, edge);
            if to == self.p.roles.withdrawn {
                w.effective_on = Some(due);
            } else if to == self.p.roles.party {
                w.notice_takes_effect = None;
                w.revoked_by_order = true;
            }
        }
    }

    /// Whether Congress's adjournment prevents a bill's return on `date`, in the
    /// rulebook's view of the pocket veto.
    fn return_prevented(&self, w: &World, date: Date) -> bool {
        use crate::rulebook::Prevention;
        if w.congress != self.p.roles.adjourned {
            return false;
        }
        let view = self
            .p
            .rulebook
            .parameters
            .pocket_veto
            .at(self.p.law_date(date));
        let Some(adjournment) = w.adjournment else {
            return view.unspecified == Prevention::Prevents;
        };
        let rule = match adjournment.kind {
            None => view.unspecified,
            Some(AdjournmentKind::SineDie) => view.sine_die,
            Some(AdjournmentKind::Intersession) => view.intersession,
            Some(AdjournmentKind::Intrasession) => {
                if adjournment
                    .days
                    .is_some_and(|d| d <= view.short_recess_days)
                {
                    return false;
                }
                view.intrasession
            }
        };
        match rule {
            Prevention::Prevents => true,
            Prevention::PreventsWithoutAgent => !adjournment.agent,
            Prevention::Never => false,
        }
    }

    fn fire_return_timer(&mut self, w: &mut World, due: Date, bill: usize) {
        w.date = due;
        w.bills[bill].due = None;
        let selection = Selection {
            chamber: None,
            origin: None,
            granted: None,
            adjourned: Some(self.return_prevented(w, due)),
            enjoined: None,
        };
        let stage = w.bills[bill].stage;
        if let Some(edge) =
            self.timer_edge(TrackKind::Bill, stage, TimerKind::ReturnPeriod, selection)
        {
            let to = self.take_unprompted(w, TrackKind::Bill, Some(bill), edge);
            self.after_bill_step(w, bill, to);
        }
    }

    fn timer_edge(
        &self,
        kind: TrackKind,
        at: NodeIndex,
        timer: TimerKind,
        sel: Selection,
    ) -> Option<EdgeIndex> {
        let track = self.p.track(kind);
        track
            .steps(at, Trigger::Timer(timer))
            .iter()
            .copied()
            .find(|e| sel.matches(&track.graph[*e]))
    }

    /// Moves a track along an edge and records the step; returns the stage reached.
    #[allow(clippy::too_many_arguments)]
    fn take(
        &mut self,
        w: &mut World,
        kind: TrackKind,
        instance: Option<usize>,
        edge: EdgeIndex,
        event: Option<usize>,
        vote: Option<(VoteKind, Tally)>,
        violations: ProvisionSet,
        due: Option<Date>,
    ) -> NodeIndex {
        let graph = &self.p.track(kind).graph;
        let (from, to) = graph.edge_endpoints(edge).expect("an edge of this graph");
        *w.stage_mut(kind, instance) = to;
        self.path = extend_path(self.path, kind, instance, edge);
        if let (TrackKind::Bill, Some(i)) = (kind, instance) {
            w.bills[i].since = w.date;
        }
        if let Some(trace) = self.trace.as_deref_mut() {
            trace.push(TraceStep {
                date: w.date,
                track: kind,
                instance,
                from,
                to,
                edge,
                event,
                vote,
                violations,
                due,
            });
        }
        to
    }

    /// A step no event took: a timer, or an injunction lifted.
    fn take_unprompted(
        &mut self,
        w: &mut World,
        kind: TrackKind,
        instance: Option<usize>,
        edge: EdgeIndex,
    ) -> NodeIndex {
        self.take(
            w,
            kind,
            instance,
            edge,
            None,
            None,
            ProvisionSet::default(),
            None,
        )
    }

    fn after_bill_step(&mut self, w: &mut World, bill: usize, to: NodeIndex) {
        if to == self.p.roles.bill_enacted {
            match self.s.bills[bill].purpose {
                Purpose::AuthorizeWithdrawal => w.act_authorized = true,
                Purpose::RepealLimitation => w.limitation_repealed = true,
            }
        }
    }

    fn apply(&mut self, w: &mut World, index: usize, event: &Event) -> Result<(), Impossible> {
        let kind = event.track();
        let instance = event.args.bill().or(event.args.case());
        let stage = w.stage(kind, instance);
        let selection = self.selection(event);
        let graph = &self.p.track(kind).graph;
        let trigger = Trigger::Action(event.action);
        // The steps out of this stage that this event could take (no allocation: the
        // engine runs millions of times in a Monte Carlo ensemble).
        let candidates = self.p.track(kind).steps(stage, trigger);
        let matching = || {
            candidates
                .iter()
                .map(move |e| (*e, &graph[*e]))
                .filter(move |(_, step)| selection.matches(step))
        };
        if matching().next().is_none() {
            if self.quiet {
                // A simulation passes over the event without explaining why.
                return Err(self.impossible(w, index, event, kind, instance, stage, selection));
            }
            // A requirement that every step of this action shares (the treaty in force,
            // for suspend and resume) explains the refusal better than the stage does.
            let steps = || graph.edge_weights().filter(|step| step.trigger == trigger);
            if let Some(first) = steps().next() {
                for requirement in first.requires.iter().copied() {
                    if steps().all(|step| step.requires.contains(&requirement)) {
                        self.check_requirement(w, index, event, requirement)?;
                    }
                }
            }
            return Err(self.impossible(w, index, event, kind, instance, stage, selection));
        }
        // A vote decides between the steps that carry and those that fail.
        let vote = matching()
            .find_map(|(_, step)| step.vote)
            .zip(event.args.tally());
        let carried =
            vote.map(|(kind, tally)| self.p.threshold(kind, w.date).decide(&tally).carried);
        let Some(edge) = matching()
            .find(|(_, step)| step.outcome.is_none() || step.outcome == carried)
            .map(|(e, _)| e)
        else {
            return Err(self.impossible(w, index, event, kind, instance, stage, selection));
        };
        for requirement in &graph[edge].requires {
            self.check_requirement(w, index, event, *requirement)?;
        }
        if carried == Some(true)
            && let Some(marks) = self.marks.as_deref_mut()
        {
            marks.carried[index] = true;
        }

        let violations = self.violations(w, event);
        w.breached = w.breached.union(violations);
        if matches!(event.action, Action::GiveNotice | Action::Suspend)
            && !w.authorized(self.p)
            && !self.unauthorized_act_governed(w, event)
        {
            w.acted_alone = true;
        }
        let due = self.record(w, event, carried);
        let to = self.take(w, kind, instance, edge, Some(index), vote, violations, due);
        if let Some(bill) = event.args.bill() {
            self.after_bill_step(w, bill, to);
        }
        Ok(())
    }

    /// What tells apart the steps an event could take: the chamber voting, the bill's
    /// house of origin, whether certiorari was granted.
    fn selection(&self, event: &Event) -> Selection {
        let (chamber, origin) = match event.args {
            Args::Vote { chamber, bill, .. } | Args::Override { chamber, bill, .. } => {
                (Some(chamber), Some(self.s.bills[bill].chamber))
            }
            Args::AuthorizeSuit { chamber, .. } => (Some(chamber), None),
            Args::Cloture { bill, .. } => (Some(Chamber::Senate), Some(self.s.bills[bill].chamber)),
            Args::Consent { .. } | Args::ConsentCloture { .. } => (Some(Chamber::Senate), None),
            _ => (None, None),
        };
        Selection {
            chamber,
            origin,
            granted: match event.args {
                Args::Cert { granted, .. } => Some(granted),
                _ => None,
            },
            adjourned: None,
            enjoined: None,
        }
    }

    /// What an event changes in the world beyond the stage it moves: the notice's days,
    /// adjournments, cloture, consultations, suits authorized, a bill's return period, a
    /// ruling's holding. Returns the day a timer it starts runs out, if any.
    fn record(&self, w: &mut World, event: &Event, carried: Option<bool>) -> Option<Date> {
        let mut due = None;
        match event.args {
            Args::Notice { effective } => {
                let takes_effect = self
                    .p
                    .treaty
                    .notice_period
                    .after(event.date)
                    .map(|d| effective.map_or(d, |e| e.max(d)));
                w.notice_takes_effect = takes_effect;
                w.notice_due = takes_effect;
                w.revoked_by_order = false;
                due = takes_effect;
            }
            Args::Adjourn { kind, days, agent } => {
                w.adjournment = Some(Adjournment { kind, days, agent });
            }
            // A failed cloture vote leaves an earlier one standing, as on a bill.
            Args::ConsentCloture { .. } if carried == Some(true) => w.consent_cloture = true,
            Args::Consent { .. } => w.consent_cloture = false,
            Args::None => match event.action {
                Action::RescindNotice => {
                    w.notice_takes_effect = None;
                    w.notice_due = None;
                }
                Action::Reconvene => w.adjournment = None,
                Action::ConsultCommittees => w.consulted = true,
                Action::NotifyCommittees => {
                    if w.first_notification.is_none() {
                        w.first_notification = Some(event.date);
                    }
                    if w.consulted && w.first_valid_notification.is_none() {
                        w.first_valid_notification = Some(event.date);
                    }
                }
                _ => {}
            },
            Args::Cloture { bill, .. } if carried == Some(true) => w.bills[bill].cloture = true,
            Args::AuthorizeSuit { chamber, .. } if carried == Some(true) => match chamber {
                Chamber::Senate => w.senate_suit = true,
                Chamber::House => w.house_suit = true,
            },
            Args::Bill { bill } if event.action == Action::Present => {
                let last_day = nth_day_sundays_excepted(event.date, self.return_days(event.date));
                w.bills[bill].due = last_day.and_then(next_day);
                w.bills[bill].presented_on = Some(event.date);
                due = last_day;
            }
            Args::Bill { bill } => {
                w.bills[bill].due = None;
                // A veto message is a new matter: cloture on the bill does not reach it.
                if event.action == Action::Veto {
                    w.bills[bill].cloture = false;
                }
            }
            Args::Rule {
                case,
                holding,
                remedy,
                complied,
            } => {
                w.cases[case].holding = Some(holding);
                w.cases[case].remedy = remedy;
                w.cases[case].complied = complied;
            }
            _ => {}
        }
        due
    }

    /// Days (Sundays excepted) the President has to return a bill presented on `date`.
    fn return_days(&self, date: Date) -> u32 {
        *self
            .p
            .rulebook
            .parameters
            .return_days
            .at(self.p.law_date(date))
    }

    /// Whether a provision in force on the event's day forbids the act without consent or
    /// an Act (so that acting alone is a breach, not a contested act no statute reaches).
    fn unauthorized_act_governed(&self, w: &World, event: &Event) -> bool {
        let governing = self.p.governing[event.action as usize];
        let day = self.p.law_date(event.date);
        if governing == 0
            || w.limitation_repealed
            || !*self.p.rulebook.parameters.limitation_in_force.at(day)
        {
            return false;
        }
        self.p.provisions.iter().enumerate().any(|(i, provision)| {
            governing & (1 << i) != 0
                && provision.on(day).is_some_and(|v| {
                    v.test == ProvisionTest::Unauthorized && v.actions.contains(&event.action)
                })
        })
    }

    /// The provisions an action breaches (rules 3 to 5), judged before it takes effect by
    /// the provisions in force on its day.
    fn violations(&self, w: &World, event: &Event) -> ProvisionSet {
        let mut breached = ProvisionSet::default();
        let governing = self.p.governing[event.action as usize];
        if governing == 0 || w.limitation_repealed {
            return breached;
        }
        let params = &self.p.rulebook.parameters;
        let day = self.p.law_date(event.date);
        if !*params.limitation_in_force.at(day) {
            return breached;
        }
        let authorized = w.authorized(self.p);
        for (i, provision) in self.p.provisions.iter().enumerate() {
            if governing & (1 << i) == 0 {
                continue;
            }
            let Some(version) = provision.on(day) else {
                continue;
            };
            if !version.actions.contains(&event.action) {
                continue;
            }
            let breach = match version.test {
                ProvisionTest::Unauthorized => !authorized,
                ProvisionTest::CommitteeNotice => {
                    let days = version
                        .days
                        .unwrap_or(*params.committee_notice_days.at(day));
                    let notified = if version.consult_first {
                        w.first_valid_notification
                    } else {
                        w.first_notification
                    };
                    notified.is_none_or(|n| days_between(n, event.date) < days)
                }
            };
            if breach {
                breached.insert(i);
            }
        }
        breached
    }

    fn check_requirement(
        &self,
        w: &World,
        index: usize,
        event: &Event,
        requirement: Requirement,
    ) -> Result<(), Impossible> {
        match requirement {
            Requirement::Cloture => self.require_cloture(w, index, event),
            Requirement::InSession => self.require_in_session(w, index, event),
            Requirement::NoticeAllowed => self.require_notice_allowed(w, index, event),
            Requirement::PlaintiffAuthorized => self.require_plaintiff_authorized(w, index, event),
            Requirement::TreatyInForce => self.require_treaty_in_force(w, index, event),
        }
    }

    /// Cloture before the final vote on a filibustered measure: invoked, or the refusal says which vote would do it. A simulation (`quiet`) passes over the event and builds no words.
    fn require_cloture(&self, w: &World, index: usize, event: &Event) -> Result<(), Impossible> {
        let quiet = self.quiet;
        let fail = |message: String, help: String| refusal(index, message, help);
        // Who filibusters what: bills and consent resolutions under `filibuster`,
        // a veto message (the Senate's override vote) under `filibuster_veto`.
        // The words of a refusal are built only for a refusal that is shown.
        let (filibustered, invoked) = match event.args {
            Args::Override { chamber, .. } if chamber != Chamber::Senate => return Ok(()),
            Args::Override { bill, .. } => (self.s.setup.filibuster_veto, w.bills[bill].cloture),
            _ => match event.args.bill() {
                Some(bill) => (self.s.setup.filibuster, w.bills[bill].cloture),
                None => (self.s.setup.filibuster, w.consent_cloture),
            },
        };
        if filibustered && !invoked {
            if quiet {
                return Err(Impossible::quiet(index));
            }
            let (measure, vote, setting) = match (event.args, event.args.bill()) {
                (Args::Override { bill, .. }, _) => (
                    format!("the veto message of {}", self.s.bills[bill].id),
                    format!(
                        "a successful cloture_vote on {} after the veto",
                        self.s.bills[bill].id
                    ),
                    "setup.filibuster_veto: false",
                ),
                (_, Some(bill)) => (
                    format!("passage of {}", self.s.bills[bill].id),
                    format!("a successful cloture_vote on {}", self.s.bills[bill].id),
                    "setup.filibuster: false",
                ),
                (_, None) => (
                    "the resolution of advice and consent".to_string(),
                    "a successful cloture_vote without `bill` (on the resolution)".to_string(),
                    "setup.filibuster: false",
                ),
            };
            let cloture = self.p.threshold(VoteKind::Cloture, w.date);
            // What carries with every senator sworn voting, whichever rule.
            let needed = cloture
                .decide(&Tally {
                    sworn: self.s.setup.senators_sworn,
                    nays: self.s.setup.senators_sworn,
                    ..Tally::default()
                })
                .needed;
            let source = self
                .p
                .threshold_source(VoteKind::Cloture, w.date)
                .map(|id| crate::rulebook::citation_text(self.p.citation(id), id))
                .unwrap_or_default();
            return Err(fail(
                self.p.message(
                    "cloture_missing",
                    w.date,
                    &[("measure", &measure), ("source", &source)],
                ),
                self.p.message(
                    "cloture_help",
                    w.date,
                    &[
                        ("vote", &vote),
                        ("threshold", &cloture.describe("senators")),
                        ("needed", &needed.to_string()),
                        ("sworn", &self.s.setup.senators_sworn.to_string()),
                        ("setting", setting),
                    ],
                ),
            ));
        }
        Ok(())
    }

    /// A chamber votes only while Congress is in session. A simulation (`quiet`) passes over the event and builds no words.
    fn require_in_session(&self, w: &World, index: usize, event: &Event) -> Result<(), Impossible> {
        let quiet = self.quiet;
        let fail = |message: String, help: String| refusal(index, message, help);
        if w.congress == self.p.roles.adjourned {
            if quiet {
                return Err(Impossible::quiet(index));
            }
            let chamber = match event.args {
                Args::Vote { chamber, .. }
                | Args::Override { chamber, .. }
                | Args::AuthorizeSuit { chamber, .. } => chamber.title(),
                _ => Chamber::Senate.title(),
            };
            let mut who = chamber.to_string();
            if let Some(first) = who.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            return Err(fail(
                self.p
                    .message("adjourned_vote", w.date, &[("chamber", &who)]),
                "a `reconvene` before the vote would first make it possible".into(),
            ));
        }
        Ok(())
    }

    /// Notice no earlier than the treaty allows, taking effect no earlier than its period. A simulation (`quiet`) passes over the event and builds no words.
    fn require_notice_allowed(
        &self,
        _w: &World,
        index: usize,
        event: &Event,
    ) -> Result<(), Impossible> {
        let quiet = self.quiet;
        let fail = |message: String, help: String| refusal(index, message, help);
        let treaty = &self.p.treaty;
        if let Some(earliest) = treaty.earliest_notice
            && event.date < earliest
        {
            if quiet {
                return Err(Impossible::quiet(index));
            }
            return Err(fail(
                self.p.message(
                    "notice_too_early",
                    event.date,
                    &[("earliest", &earliest.to_string())],
                ),
                format!("a give_notice on {earliest} or later"),
            ));
        }
        if let Args::Notice {
            effective: Some(effective),
        } = event.args
            && let Some(earliest) = treaty.notice_period.after(event.date)
            && effective < earliest
        {
            if quiet {
                return Err(Impossible::quiet(index));
            }
            return Err(fail(
                self.p.message(
                    "notice_date_too_early",
                    event.date,
                    &[
                        ("effective", &effective.to_string()),
                        ("earliest", &earliest.to_string()),
                    ],
                ),
                format!("name {earliest} or later, or leave effective out"),
            ));
        }
        Ok(())
    }

    /// A chamber (or Congress) sues only after a resolution authorizing the suit. A simulation (`quiet`) passes over the event and builds no words.
    fn require_plaintiff_authorized(
        &self,
        w: &World,
        index: usize,
        event: &Event,
    ) -> Result<(), Impossible> {
        let quiet = self.quiet;
        let fail = |message: String, help: String| refusal(index, message, help);
        let Some(case) = event.args.case() else {
            return Ok(());
        };
        let plaintiff = self.s.cases[case].plaintiff;
        let needs: &[Chamber] = match plaintiff {
            Plaintiff::Senate => &[Chamber::Senate],
            Plaintiff::House => &[Chamber::House],
            Plaintiff::Congress => &[Chamber::Senate, Chamber::House],
            _ => &[],
        };
        let authorized = |c: &Chamber| match c {
            Chamber::Senate => w.senate_suit,
            Chamber::House => w.house_suit,
        };
        if needs.iter().all(authorized) {
            return Ok(());
        }
        if quiet {
            return Err(Impossible::quiet(index));
        }
        let missing: Vec<Chamber> = needs.iter().copied().filter(|c| !authorized(c)).collect();
        if let Some(first) = missing.first() {
            let names: Vec<&str> = missing.iter().map(|c| c.title()).collect();
            let source = self
                .p
                .threshold_source(VoteKind::SuitResolution, w.date)
                .map(|id| crate::rulebook::citation_text(self.p.citation(id), id))
                .unwrap_or_default();
            return Err(fail(
                self.p.message(
                    "suit_unauthorized",
                    w.date,
                    &[
                        ("plaintiff", plaintiff.name()),
                        ("chambers", &names.join(" and ")),
                        ("source", &source),
                    ],
                ),
                self.p
                    .message("suit_help", w.date, &[("chamber", first.name())]),
            ));
        }
        Ok(())
    }

    /// Treaty actions end with withdrawal. A simulation (`quiet`) passes over the event and builds no words.
    fn require_treaty_in_force(
        &self,
        w: &World,
        index: usize,
        event: &Event,
    ) -> Result<(), Impossible> {
        let quiet = self.quiet;
        let fail = |message: String, help: String| refusal(index, message, help);
        if w.treaty == self.p.roles.withdrawn {
            if quiet {
                return Err(Impossible::quiet(index));
            }
            return Err(fail(
                format!(
                    "{} is impossible: the treaty is withdrawn{}; treaty actions end with withdrawal",
                    event.action,
                    w.effective_on.map(|d| format!(" (since {d})")).unwrap_or_default()
                ),
                "rejoining would be accession to the treaty anew, which this procedure does not model".into(),
            ));
        }
        Ok(())
    }

    /// The error for an action with no step from the current stage, with the nearest
    /// action that would make it possible (found by a breadth-first search of the graph).
    #[allow(clippy::too_many_arguments)]
    fn impossible(
        &self,
        w: &World,
        index: usize,
        event: &Event,
        kind: TrackKind,
        instance: Option<usize>,
        stage: NodeIndex,
        selection: Selection,
    ) -> Impossible {
        if self.quiet {
            // A simulation passes over the event; the explanation would go unread.
            return Impossible::quiet(index);
        }
        let track = self.p.track(kind);
        let here = &track.graph[stage];
        let subject = self.subject(kind, instance);
        let since = self.since(w, kind, instance, stage);
        let message = format!(
            "{} is impossible on {}: {subject} is at `{}`{since}. {}",
            event.action,
            event.date,
            here.status,
            self.p.render(here.text_on(self.p.law_date(w.date)), w.date)
        );
        let trigger = Trigger::Action(event.action);
        // Signing or vetoing after the window: say when the window closed.
        if let (Action::Sign | Action::Veto, Some(i)) = (event.action, instance)
            && let Some(presented) = w.bills[i].presented_on
            && let Some(last) = nth_day_sundays_excepted(presented, self.return_days(presented))
            && event.date > last
        {
            return Impossible {
                event: index,
                at_subject: true,
                message,
                help: self.p.message(
                    "return_window_closed",
                    presented,
                    &[
                        ("presented", &presented.to_string()),
                        ("last", &last.to_string()),
                        ("since", &w.bills[i].since.to_string()),
                        ("status", &here.status.replace('_', " ")),
                    ],
                ),
            };
        }
        let help = self.help_towards(track, stage, trigger, selection, instance, w.date);
        Impossible {
            event: index,
            at_subject: matches!(kind, TrackKind::Bill | TrackKind::Case),
            message,
            help,
        }
    }

    /// What a track's refused action was about: "the treaty", "the bill hr-1"...
    fn subject(&self, kind: TrackKind, instance: Option<usize>) -> String {
        match kind {
            TrackKind::Treaty => "the treaty".to_string(),
            TrackKind::Suspension => "the suspension track".to_string(),
            TrackKind::Consent => "the Senate's consent".to_string(),
            TrackKind::Congress => "Congress".to_string(),
            TrackKind::Executive => "the executive".to_string(),
            TrackKind::Bill => format!(
                "the bill {}",
                instance.map(|i| self.s.bills[i].id.as_str()).unwrap_or("?")
            ),
            TrackKind::Case => format!(
                "the case {}",
                instance.map(|i| self.s.cases[i].id.as_str()).unwrap_or("?")
            ),
        }
    }

    /// Since when a bill has stood at its stage, or the treaty been withdrawn.
    fn since(
        &self,
        w: &World,
        kind: TrackKind,
        instance: Option<usize>,
        stage: NodeIndex,
    ) -> String {
        match (kind, instance) {
            (TrackKind::Bill, Some(i)) => format!(" (since {})", w.bills[i].since),
            (TrackKind::Treaty, _) if stage == self.p.roles.withdrawn => w
                .effective_on
                .map(|d| format!(" (since {d})"))
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// What would make a refused action possible: the first step towards a stage where
    /// it is, else that nothing does (and what is possible now), in the words of the law
    /// on `date`, the day of the refused event.
    fn help_towards(
        &self,
        track: &crate::rulebook::Track,
        stage: NodeIndex,
        trigger: Trigger,
        selection: Selection,
        instance: Option<usize>,
        date: Date,
    ) -> String {
        let here = &track.graph[stage];
        let subject = self.subject(track.kind, instance);
        match first_step_towards(track, stage, |s| {
            s.trigger == trigger && selection.matches(s)
        }) {
            // The step's own sentence says why it comes first (the House of origin
            // votes on an override before the other House).
            Some(step) => format!(
                "it becomes possible only after {}. {}",
                describe_step(self.p, step, self.s, instance, date),
                self.p.render(step.text_on(self.p.law_date(date)), date)
            ),
            None if here.terminal => format!(
                "{subject} is {}: nothing more can be done with it",
                here.status
            ),
            None => {
                let possible: Vec<String> = track
                    .graph
                    .edges(stage)
                    .filter_map(|e| match e.weight().trigger {
                        Trigger::Action(a) => Some(a.name().to_string()),
                        _ => None,
                    })
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                if possible.is_empty() {
                    "nothing in the procedure makes it possible from here".into()
                } else {
                    format!(
                        "nothing makes it possible from here; possible now: {}",
                        possible.join(", ")
                    )
                }
            }
        }
    }

    fn outcome(&self, w: &World, end: Date) -> Outcome {
        let enjoined = w.enjoined();
        let treaty = treaty_status(self.p, w);
        let names = |set: ProvisionSet| {
            set.iter()
                .map(|i| self.p.provisions[i].id.clone())
                .collect::<Vec<_>>()
        };
        let (standing, statute_invalid) = standing_breaches(w);
        let (violations, set_aside) = if statute_invalid {
            (Vec::new(), names(w.breached))
        } else {
            (names(standing), Vec::new())
        };
        let bill_track = self.p.track(TrackKind::Bill);
        Outcome {
            treaty,
            effective_on: w.effective_on,
            lawful: violations.is_empty(),
            enjoined,
            violations,
            set_aside,
            bills: self
                .s
                .bills
                .iter()
                .zip(&w.bills)
                .map(|(decl, state)| {
                    (
                        decl.id.clone(),
                        bill_track.graph[state.stage].status.clone(),
                    )
                })
                .collect(),
            cases: self
                .s
                .cases
                .iter()
                .zip(&w.cases)
                .map(|(decl, state)| {
                    let status = state
                        .holding
                        .map(|h| h.to_string())
                        .unwrap_or_else(|| "pending".into());
                    (decl.id.clone(), status)
                })
                .collect(),
            notice_due: w
                .notice_takes_effect
                .filter(|_| w.treaty == self.p.roles.notice_pending),
            revoked_by_order: w.revoked_by_order,
            acted_alone: w.acted_alone,
            defied: w.defied_injunction(),
            authorized: w.authorized(self.p),
            end,
        }
    }
}

/// The first step of a shortest path from `start` to a stage with a step `wanted` accepts.
fn first_step_towards(
    track: &crate::rulebook::Track,
    start: NodeIndex,
    wanted: impl Fn(&StepData) -> bool,
) -> Option<&StepData> {
    let graph = &track.graph;
    let mut first: Vec<Option<EdgeIndex>> = vec![None; graph.node_count()];
    let mut seen = vec![false; graph.node_count()];
    let mut queue = std::collections::VecDeque::from([start]);
    seen[start.index()] = true;
    while let Some(node) = queue.pop_front() {
        if node != start && graph.edges(node).any(|e| wanted(e.weight())) {
            return first[node.index()].map(|e| &graph[e]);
        }
        // Steps someone can take (an event to add) before the passing of time or a
        // condition, so that the help names what a user can write.
        let mut edges: Vec<_> = graph.edges(node).collect();
        edges.sort_by_key(|e| !matches!(e.weight().trigger, Trigger::Action(_)));
        for edge in edges {
            let next = edge.target();
            if !seen[next.index()] {
                seen[next.index()] = true;
                first[next.index()] = first[node.index()].or(Some(edge.id()));
                queue.push_back(next);
            }
        }
    }
    None
}

fn describe_step(
    p: &Procedure,
    step: &StepData,
    s: &Scenario,
    instance: Option<usize>,
    date: Date,
) -> String {
    match step.trigger {
        Trigger::Action(action) => {
            let on = match action.track() {
                TrackKind::Bill => instance
                    .map(|i| format!(" on {}", s.bills[i].id))
                    .unwrap_or_default(),
                TrackKind::Case => instance
                    .map(|i| format!(" in {}", s.cases[i].id))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            let label = p.render(step.label_on(p.law_date(date)), date);
            if label == action.name() {
                format!("`{action}`{on}")
            } else {
                format!("`{action}`{on} ({label})")
            }
        }
        Trigger::Timer(_) => format!(
            "the passing of time ({})",
            p.render(step.label_on(p.law_date(date)), date)
        ),
    }
}

/// Whether a holding leaves an injunction in force.
pub fn injunction(holding: Option<Holding>, remedy: Remedy) -> bool {
    holding == Some(Holding::Unlawful) && remedy == Remedy::Injunction
}

#[cfg(test)]
mod tests;
