//! The running state of a procedure: the date, each track's stage, and the facts the
//! law looks back on (notice dates, committee notifications, holdings, violations).
//!
//! Cheap to clone and hashable, so that exploration can store states and Monte Carlo
//! runs can reset one without allocating.

use jiff::civil::Date;
use petgraph::graph::NodeIndex;

use crate::rulebook::Procedure;
use crate::rulebook::ProvisionSet;
use crate::scenario::Scenario;
use crate::vocab::{AdjournmentKind, Holding, Remedy, TrackKind};

/// Where one bill stands.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BillState {
    pub stage: NodeIndex,
    /// The day it reached its stage.
    pub since: Date,
    /// The Senate has invoked cloture on it.
    pub cloture: bool,
    /// The day the return period's timer fires (the day after the tenth day).
    pub due: Option<Date>,
    /// The day it was presented to the President.
    pub presented_on: Option<Date>,
}

/// Where one case stands.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CaseState {
    pub stage: NodeIndex,
    /// The holding that stands (the latest).
    pub holding: Option<Holding>,
    pub remedy: Remedy,
    /// Whether the officials obey its injunction (true without one).
    pub complied: bool,
}

/// The adjournment Congress is in: its kind (if the scenario says), a recess's length,
/// and whether an agent receives the President's messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Adjournment {
    pub kind: Option<AdjournmentKind>,
    pub days: Option<u32>,
    pub agent: bool,
}

/// The state of every track and the facts the law needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct World {
    pub date: Date,
    pub treaty: NodeIndex,
    pub suspension: NodeIndex,
    pub consent: NodeIndex,
    pub congress: NodeIndex,
    pub executive: NodeIndex,
    /// When the pending notice takes effect (its anniversary), while one is pending.
    pub notice_takes_effect: Option<Date>,
    /// When the pending notice's timer fires (its anniversary), until it fires.
    pub notice_due: Option<Date>,
    /// The last pending notice was revoked as an injunction ordered.
    pub revoked_by_order: bool,
    /// The President acted alone where no statute reached the act.
    pub acted_alone: bool,
    /// The Senate has invoked cloture on the resolution of advice and consent.
    pub consent_cloture: bool,
    /// The adjournment Congress is in, if any.
    pub adjournment: Option<Adjournment>,
    pub effective_on: Option<Date>,
    /// An Act authorizing withdrawal has been enacted.
    pub act_authorized: bool,
    /// An Act repealing section 1250A has been enacted.
    pub limitation_repealed: bool,
    /// The committees have been consulted.
    pub consulted: bool,
    /// The first written notification that came after a consultation.
    pub first_valid_notification: Option<Date>,
    /// The first written notification, consulted or not (for a provision that asks no
    /// consultation first).
    pub first_notification: Option<Date>,
    pub senate_suit: bool,
    pub house_suit: bool,
    pub bills: Vec<BillState>,
    pub cases: Vec<CaseState>,
    /// Every provision breached so far (whether it stands is decided at the end).
    pub breached: ProvisionSet,
}

impl World {
    /// The start: every track at its first stage, every bill and case not yet begun.
    pub fn new(p: &Procedure, s: &Scenario, date: Date) -> World {
        let start = |kind: TrackKind| p.track(kind).start;
        let mut world = World {
            date,
            treaty: start(TrackKind::Treaty),
            suspension: start(TrackKind::Suspension),
            consent: start(TrackKind::Consent),
            congress: start(TrackKind::Congress),
            executive: start(TrackKind::Executive),
            notice_takes_effect: None,
            notice_due: None,
            revoked_by_order: false,
            acted_alone: false,
            consent_cloture: false,
            adjournment: None,
            effective_on: None,
            act_authorized: false,
            limitation_repealed: false,
            consulted: false,
            first_valid_notification: None,
            first_notification: None,
            senate_suit: false,
            house_suit: false,
            bills: Vec::new(),
            cases: Vec::new(),
            breached: ProvisionSet::default(),
        };
        world.reset(p, s, date);
        world
    }

    /// Back to the start, reusing the bill and case buffers (no allocation once they
    /// are sized): a simulation resets one world per thread for every trial.
    pub fn reset(&mut self, p: &Procedure, s: &Scenario, date: Date) {
        let start = |kind: TrackKind| p.track(kind).start;
        self.date = date;
        self.treaty = start(TrackKind::Treaty);
        self.suspension = start(TrackKind::Suspension);
        self.consent = start(TrackKind::Consent);
        self.congress = start(TrackKind::Congress);
        self.executive = start(TrackKind::Executive);
        self.notice_takes_effect = None;
        self.notice_due = None;
        self.revoked_by_order = false;
        self.acted_alone = false;
        self.consent_cloture = false;
        self.adjournment = None;
        self.effective_on = None;
        self.act_authorized = false;
        self.limitation_repealed = false;
        self.consulted = false;
        self.first_valid_notification = None;
        self.first_notification = None;
        self.senate_suit = false;
        self.house_suit = false;
        self.breached = ProvisionSet::default();
        self.bills.clear();
        self.bills.resize(
            s.bills.len(),
            BillState {
                stage: start(TrackKind::Bill),
                since: date,
                cloture: false,
                due: None,
                presented_on: None,
            },
        );
        self.cases.clear();
        self.cases.resize(
            s.cases.len(),
            CaseState {
                stage: start(TrackKind::Case),
                holding: None,
                remedy: Remedy::None,
                complied: true,
            },
        );
    }

    /// Becomes a copy of `other`, reusing this world's bill and case buffers (the derived
    /// `clone_from` would allocate new ones): an exploration copies a world per move.
    pub fn assign(&mut self, other: &World) {
        self.date = other.date;
        self.treaty = other.treaty;
        self.suspension = other.suspension;
        self.consent = other.consent;
        self.congress = other.congress;
        self.executive = other.executive;
        self.notice_takes_effect = other.notice_takes_effect;
        self.notice_due = other.notice_due;
        self.revoked_by_order = other.revoked_by_order;
        self.acted_alone = other.acted_alone;
        self.consent_cloture = other.consent_cloture;
        self.adjournment = other.adjournment;
        self.effective_on = other.effective_on;
        self.act_authorized = other.act_authorized;
        self.limitation_repealed = other.limitation_repealed;
        self.consulted = other.consulted;
        self.first_valid_notification = other.first_valid_notification;
        self.first_notification = other.first_notification;
        self.senate_suit = other.senate_suit;
        self.house_suit = other.house_suit;
        self.breached = other.breached;
        self.bills.clone_from(&other.bills);
        self.cases.clone_from(&other.cases);
    }

    /// The stage of a track (bills and cases by index).
    pub fn stage(&self, kind: TrackKind, instance: Option<usize>) -> NodeIndex {
        match (kind, instance) {
            (TrackKind::Treaty, _) => self.treaty,
            (TrackKind::Suspension, _) => self.suspension,
            (TrackKind::Consent, _) => self.consent,
            (TrackKind::Congress, _) => self.congress,
            (TrackKind::Executive, _) => self.executive,
            (TrackKind::Bill, Some(i)) => self.bills[i].stage,
            (TrackKind::Case, Some(i)) => self.cases[i].stage,
            (TrackKind::Bill | TrackKind::Case, None) => NodeIndex::end(),
        }
    }

    pub(super) fn stage_mut(&mut self, kind: TrackKind, instance: Option<usize>) -> &mut NodeIndex {
        match (kind, instance) {
            (TrackKind::Treaty, _) => &mut self.treaty,
            (TrackKind::Suspension, _) => &mut self.suspension,
            (TrackKind::Consent, _) => &mut self.consent,
            (TrackKind::Congress, _) => &mut self.congress,
            (TrackKind::Bill, Some(i)) => &mut self.bills[i].stage,
            (TrackKind::Case, Some(i)) => &mut self.cases[i].stage,
            (TrackKind::Executive | TrackKind::Bill | TrackKind::Case, _) => &mut self.executive,
        }
    }

    /// An injunction against withdrawal stands (rule 9).
    pub fn enjoined(&self) -> bool {
        self.cases
            .iter()
            .any(|c| super::injunction(c.holding, c.remedy))
    }

    /// An injunction stands that the officials obey.
    pub fn obeyed_injunction(&self) -> bool {
        self.cases
            .iter()
            .any(|c| c.complied && super::injunction(c.holding, c.remedy))
    }

    /// An injunction stands that the officials do not obey.
    pub fn defied_injunction(&self) -> bool {
        self.cases
            .iter()
            .any(|c| !c.complied && super::injunction(c.holding, c.remedy))
    }

    /// Withdrawal is authorized: the Senate consented, or an Act authorizing it is law.
    pub fn authorized(&self, p: &Procedure) -> bool {
        self.consent == p.roles.consented || self.act_authorized
    }
}
