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
        let mut world = World::at_start(p, date, Vec::new(), Vec::new());
        world.reset(p, s, date);
        world
    }

    /// Every field at its start, with the bill and case buffers given (emptied). A struct
    /// literal, never `..Default`: a field added to World is a compile error here until
    /// it is given its start.
    fn at_start(
        p: &Procedure,
        date: Date,
        mut bills: Vec<BillState>,
        mut cases: Vec<CaseState>,
    ) -> World {
        let start = |kind: TrackKind| p.track(kind).start;
        bills.clear();
        cases.clear();
        World {
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
            bills,
            cases,
            breached: ProvisionSet::default(),
        }
    }

    /// Back to the start, reusing the bill and case buffers (no allocation once they
    /// are sized): a simulation resets one world per thread for every trial.
    pub fn reset(&mut self, p: &Procedure, s: &Scenario, date: Date) {
        let bills = std::mem::take(&mut self.bills);
        let cases = std::mem::take(&mut self.cases);
        *self = World::at_start(p, date, bills, cases);
        let start = |kind: TrackKind| p.track(kind).start;
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
    /// `other` is taken apart field by field, with no `..`: a field added to World is a
    /// compile error here until it is copied.
    pub fn assign(&mut self, other: &World) {
        let World {
            date,
            treaty,
            suspension,
            consent,
            congress,
            executive,
            notice_takes_effect,
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
        } = other;
        let mut own_bills = std::mem::take(&mut self.bills);
        let mut own_cases = std::mem::take(&mut self.cases);
        own_bills.clone_from(bills);
        own_cases.clone_from(cases);
        *self = World {
            date: *date,
            treaty: *treaty,
            suspension: *suspension,
            consent: *consent,
            congress: *congress,
            executive: *executive,
            notice_takes_effect: *notice_takes_effect,
            notice_due: *notice_due,
            revoked_by_order: *revoked_by_order,
            acted_alone: *acted_alone,
            consent_cloture: *consent_cloture,
            adjournment: *adjournment,
            effective_on: *effective_on,
            act_authorized: *act_authorized,
            limitation_repealed: *limitation_repealed,
            consulted: *consulted,
            first_valid_notification: *first_valid_notification,
            first_notification: *first_notification,
            senate_suit: *senate_suit,
            house_suit: *house_suit,
            bills: own_bills,
            cases: own_cases,
            breached: *breached,
        };
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
