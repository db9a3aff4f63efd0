//! Scenario files: the YAML a user writes, read with spans, checked field by field, and
//! turned into typed, dated events that name bills and cases by index.
//!
//! Everything a file can get wrong without running it is caught here with its line and
//! column: unknown keys and words, dates that do not exist, events out of order, vote
//! counts beyond the members sworn, fields an action does not take, bills and cases used
//! before they are introduced or filed. What depends on the procedure's state (signing a
//! bill that was never presented) is the engine's to find.

mod inputs;
mod raw;
pub mod schema;
pub mod write;

pub use inputs::{Input, InputKind, trim_float};

use std::sync::Arc;

use jiff::civil::Date;

use crate::calendar::parse_date;
use crate::diag::{Diagnostic, Place, did_you_mean, one_of};
use crate::threshold::Tally;
use crate::vocab::{
    Action, AdjournmentKind, Chamber, Holding, Plaintiff, Purpose, Remedy, TreatyStatus, Word,
};
use crate::yaml::{Spanned, place};

use raw::{RawCount, RawDate, RawEvent, RawExpect, RawHolding, RawScenario};

/// A checked scenario.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// The file as the user named it.
    pub file: String,
    /// Its text, for error snippets.
    pub source: Arc<str>,
    pub title: String,
    pub summary: Option<String>,
    /// The rulebook the file names (`rulebook:`), with where it says so.
    pub rulebook: Option<(String, Place)>,
    pub setup: Setup,
    /// The clock's end, when the file sets one.
    pub until: Option<Date>,
    pub events: Vec<Event>,
    /// Bills in the order they are introduced; events refer to them by index.
    pub bills: Vec<BillDecl>,
    /// Cases in the order they are filed.
    pub cases: Vec<CaseDecl>,
    pub expect: Option<Expect>,
    /// Uncertain inputs (chances, windows, binomial votes, weighted holdings), in file
    /// order; empty for a deterministic file.
    pub inputs: Vec<Input>,
}

impl Scenario {
    /// Whether `simulate` draws anything (otherwise every trial is the same).
    pub fn is_uncertain(&self) -> bool {
        !self.inputs.is_empty()
    }
}

/// The composition of Congress and whether the Senate filibusters bills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setup {
    pub senators_sworn: u32,
    pub representatives_sworn: u32,
    /// Someone filibusters bills and the resolution of advice and consent: the Senate's
    /// final vote on each needs cloture first.
    pub filibuster: bool,
    /// Someone filibusters a veto message: the Senate's override vote needs cloture first.
    pub filibuster_veto: bool,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            senators_sworn: 100,
            representatives_sworn: 435,
            filibuster: true,
            filibuster_veto: false,
        }
    }
}

impl Setup {
    /// Members sworn in a chamber.
    pub fn sworn(&self, chamber: Chamber) -> u32 {
        match chamber {
            Chamber::House => self.representatives_sworn,
            Chamber::Senate => self.senators_sworn,
        }
    }
}

/// A bill as introduced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BillDecl {
    pub id: String,
    pub chamber: Chamber,
    pub purpose: Purpose,
}

/// A case as filed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseDecl {
    pub id: String,
    pub plaintiff: Plaintiff,
}

impl Event {
    /// The track the event moves: its action's, except that a cloture vote without a bill
    /// is on the resolution of advice and consent.
    pub fn track(&self) -> crate::vocab::TrackKind {
        match self.args {
            Args::ConsentCloture { .. } => crate::vocab::TrackKind::Consent,
            _ => self.action.track(),
        }
    }
}

/// One dated action.
#[derive(Clone, Debug)]
pub struct Event {
    pub date: Date,
    pub action: Action,
    pub args: Args,
    /// Where `do:` stands.
    pub place: Place,
    /// Where the bill or case id stands (else `place`).
    pub subject_place: Place,
    /// Free text from the file's `note:`.
    pub note: Option<String>,
}

/// What an event says beyond its action.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Args {
    None,
    /// give_notice.
    Notice {
        /// A later day the notice names for it to take effect.
        effective: Option<Date>,
    },
    /// adjourn.
    Adjourn {
        kind: Option<AdjournmentKind>,
        /// An intrasession recess's length.
        days: Option<u32>,
        /// An officer or agent receives the President's messages meanwhile.
        agent: bool,
    },
    /// cloture_vote without a bill: on the resolution of advice and consent.
    ConsentCloture {
        tally: Tally,
    },
    Spend {
        amount: Option<f64>,
    },
    Drawdown {
        troops: Option<u64>,
    },
    Consent {
        tally: Tally,
    },
    Introduce {
        bill: usize,
    },
    Vote {
        bill: usize,
        chamber: Chamber,
        tally: Tally,
    },
    Cloture {
        bill: usize,
        tally: Tally,
    },
    /// present, sign, veto.
    Bill {
        bill: usize,
    },
    Override {
        bill: usize,
        chamber: Chamber,
        tally: Tally,
    },
    AuthorizeSuit {
        chamber: Chamber,
        tally: Tally,
    },
    /// file_suit, appeal.
    Case {
        case: usize,
    },
    Rule {
        case: usize,
        holding: Holding,
        remedy: Remedy,
        /// Whether the officials obey an injunction (always true without one).
        complied: bool,
    },
    Cert {
        case: usize,
        granted: bool,
    },
}

impl Args {
    /// The bill the event acts on.
    pub fn bill(&self) -> Option<usize> {
        match *self {
            Args::Introduce { bill }
            | Args::Vote { bill, .. }
            | Args::Cloture { bill, .. }
            | Args::Bill { bill }
            | Args::Override { bill, .. } => Some(bill),
            _ => None,
        }
    }
    /// The case the event acts on.
    pub fn case(&self) -> Option<usize> {
        match *self {
            Args::Case { case } | Args::Rule { case, .. } | Args::Cert { case, .. } => Some(case),
            _ => None,
        }
    }
    /// The recorded vote, if the event is one.
    pub fn tally(&self) -> Option<Tally> {
        match *self {
            Args::Consent { tally }
            | Args::ConsentCloture { tally }
            | Args::Vote { tally, .. }
            | Args::Cloture { tally, .. }
            | Args::Override { tally, .. }
            | Args::AuthorizeSuit { tally, .. } => Some(tally),
            _ => None,
        }
    }

    /// The event's vote, to change it (simulate draws it; `why` swings it).
    pub fn tally_mut(&mut self) -> Option<&mut Tally> {
        match self {
            Args::Consent { tally }
            | Args::ConsentCloture { tally }
            | Args::Vote { tally, .. }
            | Args::Cloture { tally, .. }
            | Args::Override { tally, .. }
            | Args::AuthorizeSuit { tally, .. } => Some(tally),
            _ => None,
        }
    }
}

/// The `expect:` block.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expect {
    pub treaty: Option<TreatyStatus>,
    pub effective_on: Option<Date>,
    pub lawful: Option<bool>,
    pub enjoined: Option<bool>,
    pub violations: Option<Vec<String>>,
    /// Where each of `violations` is written, for an error naming one the rulebook lacks.
    pub violations_at: Vec<crate::diag::Place>,
    pub bills: Vec<(String, String)>,
    pub cases: Vec<(String, String)>,
    /// Whether the rulings must follow the expected view of standing (an extension).
    pub doctrine: Option<crate::vocab::DoctrineExpectation>,
}

impl Expect {
    pub fn is_empty(&self) -> bool {
        *self == Expect::default()
    }
}

/// The statuses a case can report: `pending` or a holding.
pub fn case_statuses() -> Vec<&'static str> {
    let mut v = vec!["pending"];
    v.extend(Holding::names());
    v
}

/// Which fields each action takes: (required, optional).
fn fields_of(action: Action) -> (&'static [&'static str], &'static [&'static str]) {
    use Action::*;
    match action {
        Announce | ConsultCommittees | NotifyCommittees | RescindNotice | Suspend | Resume
        | Reconvene => (&[], &[]),
        GiveNotice => (&[], &["effective"]),
        Adjourn => (&[], &["kind", "days", "agent"]),
        Spend => (&[], &["amount"]),
        Drawdown => (&[], &["troops"]),
        ConsentVote => (&["yeas", "nays"], &["present"]),
        Introduce => (&["bill", "chamber", "purpose"], &[]),
        Vote => (
            &["bill", "chamber", "yeas", "nays"],
            &["present", "vice_president"],
        ),
        ClotureVote => (&["yeas"], &["nays", "bill"]),
        Present | Sign | Veto => (&["bill"], &[]),
        Override => (&["bill", "chamber", "yeas", "nays"], &[]),
        AuthorizeSuit => (&["chamber", "yeas", "nays"], &["present"]),
        FileSuit => (&["case", "plaintiff"], &[]),
        Rule => (&["case", "holding"], &["remedy", "complied"]),
        Appeal => (&["case"], &[]),
        Cert => (&["case", "granted"], &[]),
    }
}

/// The JSON Schema of scenario files (see [`crate::schema`]): derived from the types the
/// files are read into, with each action's required and forbidden fields from
/// [`fields_of`].
pub fn json_schema() -> serde_json::Value {
    use serde_json::{Value, json};
    let mut schema = crate::schema::generator()
        .into_root_schema_for::<RawScenario>()
        .to_value();
    let Some(event) = schema.pointer_mut("/definitions/Event") else {
        unreachable!("the Event definition is generated from RawEvent")
    };
    // Fields that belong to some actions only: every field but these.
    const ANY_ACTION: &[&str] = &["on", "do", "note", "chance"];
    let specific: Vec<String> = event["properties"]
        .as_object()
        .map(|p| {
            p.keys()
                .filter(|k| !ANY_ACTION.contains(&k.as_str()))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let mut rules: Vec<Value> = Action::ALL
        .iter()
        .map(|&action| {
            let (required, optional) = fields_of(action);
            let forbidden: serde_json::Map<String, Value> = specific
                .iter()
                .filter(|f| !required.contains(&f.as_str()) && !optional.contains(&f.as_str()))
                .map(|f| (f.clone(), Value::Bool(false)))
                .collect();
            // With binomial yeas the rest vote nay, so `nays` is required only beside a
            // whole number of yeas.
            let needs_nays = required.contains(&"nays");
            let required: Vec<&str> = required.iter().copied().filter(|f| *f != "nays").collect();
            let mut then = json!({ "required": required, "properties": forbidden });
            if needs_nays {
                then["if"] = json!({ "properties": { "yeas": { "type": "integer" } } });
                then["then"] = json!({ "required": ["nays"] });
            }
            json!({
                "if": { "properties": { "do": { "const": action.name() } }, "required": ["do"] },
                "then": then,
            })
        })
        .collect();
    rules.push(json!({
        "if": { "properties": { "yeas": { "type": "object" } }, "required": ["yeas"] },
        "then": { "properties": { "nays": false } },
    }));
    event["allOf"] = Value::Array(rules);
    schema
}

/// Reads and checks a scenario file.
pub fn load(path: &std::path::Path) -> Result<Scenario, Diagnostic> {
    let text = crate::files::read_text(path)?;
    parse(&crate::files::shown(path), text)
}

/// Checks a scenario from its text (`file` names it in messages).
pub fn parse(file: &str, source: Arc<str>) -> Result<Scenario, Diagnostic> {
    let raw: RawScenario = crate::yaml::from_str(file, &source)?;
    Checker {
        file,
        source: &source,
    }
    .check(raw)
    .map_err(crate::yaml::name_typing_slips)
}

struct Checker<'a> {
    file: &'a str,
    source: &'a Arc<str>,
}

impl Checker<'_> {
    fn error(&self, at: Place, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.file, Arc::clone(self.source), at, message)
    }

    fn word<W: Word>(&self, value: &Spanned<String>) -> Result<W, Diagnostic> {
        W::parse(&value.value).map_err(|m| {
            self.error(place(value), m)
                .with_label(format!(
                    "not {} {}",
                    if W::KIND.starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    },
                    W::KIND
                ))
                .with_help(W::valid_list())
        })
    }

    fn date(&self, value: &Spanned<String>) -> Result<Date, Diagnostic> {
        self.date_at(&value.value, place(value))
    }

    fn date_at(&self, text: &str, at: Place) -> Result<Date, Diagnostic> {
        parse_date(text.trim()).map_err(|m| {
            self.error(at, m)
                .with_label("not a date")
                .with_help("write dates as YYYY-MM-DD, e.g. 2027-03-01")
        })
    }

    /// An event's date, or its window: (earliest, latest).
    fn event_dates(&self, value: &Spanned<RawDate>) -> Result<(Date, Date), Diagnostic> {
        let at = place(value);
        match &value.value {
            RawDate::One(text) => {
                let d = self.date_at(text, at)?;
                Ok((d, d))
            }
            RawDate::Between(from, to) => {
                let (a, b) = (self.date_at(from, at)?, self.date_at(to, at)?);
                if b < a {
                    return Err(self
                        .error(at, format!("the window runs backwards: {b} is before {a}"))
                        .with_label("an empty window")
                        .with_help(format!("write between: [{b}, {a}]")));
                }
                Ok((a, b))
            }
        }
    }

    /// Refuses a text value longer than the `text` limit.
    fn text_limit(&self, value: Option<&Spanned<String>>, key: &str) -> Result<(), Diagnostic> {
        let limit = crate::limits::get().text;
        let Some(value) = value else { return Ok(()) };
        let chars = value.value.chars().count();
        if chars <= limit {
            return Ok(());
        }
        Err(self
            .error(
                place(value),
                format!(
                    "{key}: the text is {} characters long, over the text limit of {}",
                    crate::diag::thousands(chars as u64),
                    crate::diag::thousands(limit as u64)
                ),
            )
            .with_help(crate::limits::how_to_raise(
                crate::limits::Name::Text,
                chars as u64,
            )))
    }

    fn check(&self, raw: RawScenario) -> Result<Scenario, Diagnostic> {
        self.text_limits(&raw)?;
        if raw.title.value.trim().is_empty() {
            return Err(self
                .error(place(&raw.title), "the title is empty")
                .with_help("give the scenario a title a reader will recognize"));
        }
        let setup = self.setup(&raw)?;
        let until = raw.until.as_ref().map(|u| self.date(u)).transpose()?;

        if raw.events.value.0.is_empty() {
            return Err(self
                .error(place(&raw.events), "there are no events")
                .with_help(
                    "list at least one event, e.g. `- { on: 2027-03-01, do: give_notice }`",
                ));
        }
        let mut events = Vec::with_capacity(raw.events.value.0.len());
        let mut bills: Vec<BillDecl> = Vec::new();
        let mut cases: Vec<CaseDecl> = Vec::new();
        let mut inputs: Vec<Input> = Vec::new();
        // The latest date the previous event can fall on, and where it stands.
        let mut last: Option<(Date, Place)> = None;
        for raw_event in &raw.events.value.0 {
            let index = events.len();
            let (event, latest) = self.event(
                raw_event,
                index,
                &setup,
                &mut bills,
                &mut cases,
                &mut inputs,
            )?;
            self.in_date_order(raw_event, &event, latest, last, &inputs)?;
            last = Some((latest, place(&raw_event.value.on)));
            events.push(event);
        }
        if let (Some(end), Some(u), Some((last_date, last_place))) = (until, &raw.until, last)
            && end < last_date
        {
            return Err(self
                .error(
                    place(u),
                    format!(
                        "until {end} is before the last event ({last_date}, line {})",
                        last_place.line
                    ),
                )
                .with_label("the clock would stop before the story does")
                .with_help(format!(
                    "set until on or after {last_date}, or remove it to stop at the last event"
                )));
        }
        let expect = raw.expect.as_ref().map(|e| self.expect(e)).transpose()?;
        Ok(Scenario {
            file: self.file.to_string(),
            source: Arc::clone(self.source),
            title: raw.title.value.trim().to_string(),
            summary: raw.summary.map(|s| s.value.trim().to_string()),
            rulebook: raw.rulebook.as_ref().map(|r| (r.value.clone(), place(r))),
            setup,
            until,
            events,
            bills,
            cases,
            expect,
            inputs,
        })
    }

    /// Events in date order: one earlier than the latest day of the event before it is
    /// refused (a window must not reach back over its neighbour).
    fn in_date_order(
        &self,
        raw_event: &Spanned<RawEvent>,
        event: &Event,
        latest: Date,
        last: Option<(Date, Place)>,
        inputs: &[Input],
    ) -> Result<(), Diagnostic> {
        if let Some((previous, previous_place)) = last
            && event.date < previous
        {
            let windowed = latest != event.date
                || inputs
                    .iter()
                    .any(|i| matches!(i.kind, InputKind::Window { .. }));
            let help = if windowed {
                "list events in date order; a window must begin on or after the latest day of the event before it, and end on or before the earliest day of the event after it"
            } else {
                "list events in date order; events on the same date keep file order"
            };
            return Err(self
                .error(
                    place(&raw_event.value.on),
                    format!(
                        "events out of date order: {} comes after {previous} (line {})",
                        event.date, previous_place.line
                    ),
                )
                .with_label("earlier than the event before it")
                .with_help(help));
        }
        Ok(())
    }

    /// The free texts (title, summary, rulebook, each note, bill and case id) within the
    /// text limit.
    fn text_limits(&self, raw: &RawScenario) -> Result<(), Diagnostic> {
        self.text_limit(Some(&raw.title), "title")?;
        self.text_limit(raw.summary.as_ref(), "summary")?;
        self.text_limit(raw.rulebook.as_ref(), "rulebook")?;
        for event in &raw.events.value.0 {
            let e = &event.value;
            self.text_limit(e.note.as_ref(), "note")?;
            self.text_limit(e.bill.as_ref(), "bill")?;
            self.text_limit(e.case.as_ref(), "case")?;
        }
        Ok(())
    }

    fn setup(&self, raw: &RawScenario) -> Result<Setup, Diagnostic> {
        let mut setup = Setup::default();
        let Some(s) = &raw.setup else {
            return Ok(setup);
        };
        let count = |value: &Spanned<i64>, chamber: Chamber| -> Result<u32, Diagnostic> {
            let n = value.value;
            if !(1..=i64::from(chamber.seats())).contains(&n) {
                return Err(self
                    .error(
                        place(value),
                        format!(
                            "{n} {} sworn is impossible: {} has {} seats",
                            chamber.members(),
                            chamber.title(),
                            chamber.seats()
                        ),
                    )
                    .with_help(format!("give a number from 1 to {}", chamber.seats())));
            }
            Ok(n as u32)
        };
        if let Some(n) = &s.senators_sworn {
            setup.senators_sworn = count(n, Chamber::Senate)?;
        }
        if let Some(n) = &s.representatives_sworn {
            setup.representatives_sworn = count(n, Chamber::House)?;
        }
        if let Some(f) = &s.filibuster {
            setup.filibuster = f.value;
        }
        if let Some(f) = &s.filibuster_veto {
            setup.filibuster_veto = f.value;
        }
        Ok(setup)
    }

    /// One event, and the latest day it can fall on; its uncertain inputs are added to
    /// `inputs`.
    ///
    /// Long because: one arm per action, each a few lines; the arms that grew are
    /// functions of their own (spend, drawdown, notice, adjourn, case, ruling).
    fn event(
        &self,
        raw: &Spanned<RawEvent>,
        index: usize,
        setup: &Setup,
        bills: &mut Vec<BillDecl>,
        cases: &mut Vec<CaseDecl>,
        inputs: &mut Vec<Input>,
    ) -> Result<(Event, Date), Diagnostic> {
        let e = &raw.value;
        let (date, latest) = self.event_when(e, index, inputs)?;
        let action: Action = self.word(&e.action)?;
        let do_place = place(&e.action);
        self.event_fields(e, action, do_place)?;
        let chamber = e
            .chamber
            .as_ref()
            .map(|c| self.word::<Chamber>(c))
            .transpose()?;
        let mut subject_place = do_place;
        let mut args = match action {
            Action::Spend => self.spend_args(e)?,
            Action::Drawdown => self.drawdown_args(e)?,
            Action::ConsentVote => Args::Consent {
                tally: self.tally(e, Chamber::Senate, setup, index, inputs)?,
            },
            Action::Introduce => {
                let purpose: Purpose = self.word(self.need(&e.purpose, "purpose", do_place)?)?;
                let bill = self.bill_index(e, true, chamber, bills, &mut subject_place)?;
                bills[bill].chamber = *self.need(&chamber, "chamber", do_place)?;
                bills[bill].purpose = purpose;
                Args::Introduce { bill }
            }
            Action::Vote => {
                let chamber = *self.need(&chamber, "chamber", do_place)?;
                let bill = self.bill_index(e, false, Some(chamber), bills, &mut subject_place)?;
                let tally = self.tally(e, chamber, setup, index, inputs)?;
                Args::Vote {
                    bill,
                    chamber,
                    tally,
                }
            }
            Action::ClotureVote if e.bill.is_none() => Args::ConsentCloture {
                tally: self.tally(e, Chamber::Senate, setup, index, inputs)?,
            },
            Action::ClotureVote => {
                let bill = self.bill_index(e, false, chamber, bills, &mut subject_place)?;
                Args::Cloture {
                    bill,
                    tally: self.tally(e, Chamber::Senate, setup, index, inputs)?,
                }
            }
            Action::GiveNotice => self.notice_args(e, date)?,
            Action::Adjourn => self.adjourn_args(e)?,
            Action::Present | Action::Sign | Action::Veto => Args::Bill {
                bill: self.bill_index(e, false, chamber, bills, &mut subject_place)?,
            },
            Action::Override => {
                let chamber = *self.need(&chamber, "chamber", do_place)?;
                let bill = self.bill_index(e, false, Some(chamber), bills, &mut subject_place)?;
                Args::Override {
                    bill,
                    chamber,
                    tally: self.tally(e, chamber, setup, index, inputs)?,
                }
            }
            Action::AuthorizeSuit => {
                let chamber = *self.need(&chamber, "chamber", do_place)?;
                Args::AuthorizeSuit {
                    chamber,
                    tally: self.tally(e, chamber, setup, index, inputs)?,
                }
            }
            Action::FileSuit | Action::Rule | Action::Appeal | Action::Cert => {
                let (args, at) = self.case_args(e, action, do_place, index, cases, inputs)?;
                subject_place = at;
                args
            }
            _ => Args::None,
        };
        self.vice_president(e, &mut args)?;
        Ok((
            Event {
                date,
                action,
                args,
                place: do_place,
                subject_place,
                note: e.note.as_ref().map(|n| n.value.clone()),
            },
            latest,
        ))
    }

    /// The day an event falls on and the latest it can (a window, an uncertain input),
    /// and its chance of happening, if it has one.
    fn event_when(
        &self,
        e: &RawEvent,
        index: usize,
        inputs: &mut Vec<Input>,
    ) -> Result<(Date, Date), Diagnostic> {
        let (date, latest) = self.event_dates(&e.on)?;
        if latest != date {
            inputs.push(Input {
                event: index,
                place: place(&e.on),
                kind: InputKind::Window {
                    from: date,
                    to: latest,
                },
            });
        }
        if let Some(chance) = &e.chance {
            if !(0.0..=1.0).contains(&chance.value) {
                return Err(self
                    .error(
                        place(chance),
                        format!("chance {} is not between 0 and 1", chance.value),
                    )
                    .with_label("not a probability")
                    .with_help("write a chance from 0 (never) to 1 (always), e.g. chance: 0.7"));
            }
            inputs.push(Input {
                event: index,
                place: place(chance),
                kind: InputKind::Chance(chance.value),
            });
        }
        Ok((date, latest))
    }

    /// Fields the action does not take, and fields it needs.
    fn event_fields(
        &self,
        e: &RawEvent,
        action: Action,
        do_place: Place,
    ) -> Result<(), Diagnostic> {
        let (required, optional) = fields_of(action);
        let mut allowed: Vec<&str> = required.to_vec();
        allowed.extend_from_slice(optional);
        for (name, at) in e.present_fields() {
            if !allowed.contains(&name) {
                let takes = if allowed.is_empty() {
                    format!("{action} takes no fields besides on, do and note")
                } else {
                    format!("{action} takes {}", one_of(&allowed))
                };
                return Err(self
                    .error(at, format!("`{name}` is not a field of {action}"))
                    .with_label("not taken by this action")
                    .with_help(takes));
            }
        }
        let binomial_yeas = matches!(
            e.yeas.as_ref().map(|y| &y.value),
            Some(RawCount::Binomial(..))
        );
        for name in required {
            // With binomial yeas, the nays are the rest of those voting.
            if *name == "nays" && binomial_yeas {
                continue;
            }
            if !e.present_fields().iter().any(|(n, _)| n == name) {
                return Err(self
                    .error(do_place, format!("{action} needs `{name}`"))
                    .with_label(format!("`{name}` missing"))
                    .with_help(format!("{action} takes {}", one_of(&allowed))));
            }
        }
        Ok(())
    }

    fn spend_args(&self, e: &RawEvent) -> Result<Args, Diagnostic> {
        Ok(Args::Spend {
            amount: match &e.amount {
                Some(a) if !(a.value.is_finite() && a.value >= 0.0) => {
                    return Err(self
                        .error(
                            place(a),
                            format!("the amount {} is not a sum of dollars", a.value),
                        )
                        .with_help("give a number of dollars, 0 or more"));
                }
                Some(a) => Some(a.value),
                None => None,
            },
        })
    }

    fn drawdown_args(&self, e: &RawEvent) -> Result<Args, Diagnostic> {
        Ok(Args::Drawdown {
            troops: match &e.troops {
                Some(t) if t.value < 0 => {
                    return Err(self
                        .error(place(t), format!("{} troops is negative", t.value))
                        .with_help("give a number of troops, 0 or more"));
                }
                Some(t) => Some(t.value as u64),
                None => None,
            },
        })
    }

    /// A notice, with the day it takes effect if the event names one (after the notice).
    fn notice_args(&self, e: &RawEvent, date: Date) -> Result<Args, Diagnostic> {
        Ok(Args::Notice {
            effective: match &e.effective {
                Some(day) => {
                    let effective = self.date(day)?;
                    if effective <= date {
                        return Err(self
                            .error(
                                place(day),
                                format!(
                                    "effective: {effective} is not after the notice ({date})"
                                ),
                            )
                            .with_label("a notice takes effect after it is given")
                            .with_help("name a later day, or leave effective out to let the treaty's period run"));
                    }
                    Some(effective)
                }
                None => None,
            },
        })
    }

    /// An adjournment: its kind, a recess's length (only within a session), an agent.
    fn adjourn_args(&self, e: &RawEvent) -> Result<Args, Diagnostic> {
        let kind = e
            .kind
            .as_ref()
            .map(|k| self.word::<AdjournmentKind>(k))
            .transpose()?;
        let days = match &e.days {
            Some(d) if kind != Some(AdjournmentKind::Intrasession) => {
                return Err(self
                    .error(
                        place(d),
                        "`days` is the length of a recess within a session",
                    )
                    .with_label("only with kind: intrasession")
                    .with_help("write kind: intrasession with days, or remove days"));
            }
            Some(d) if !(1..=366).contains(&d.value) => {
                return Err(self
                    .error(
                        place(d),
                        format!("a recess of {} days is impossible", d.value),
                    )
                    .with_help("give the recess's length in days, from 1 to 366"));
            }
            Some(d) => Some(d.value as u32),
            None => None,
        };
        Ok(Args::Adjourn {
            kind,
            days,
            agent: e.agent.as_ref().is_some_and(|a| a.value),
        })
    }

    /// A lawsuit's step (filing, a ruling, an appeal, certiorari), and where its case id
    /// is written.
    fn case_args(
        &self,
        e: &RawEvent,
        action: Action,
        do_place: Place,
        index: usize,
        cases: &mut Vec<CaseDecl>,
        inputs: &mut Vec<Input>,
    ) -> Result<(Args, Place), Diagnostic> {
        let id = self.need(&e.case, "case", do_place)?;
        let case = self.case_index(e, action, id, do_place, cases)?;
        let args = match action {
            Action::Rule => self.rule_args(e, case, do_place, index, inputs)?,
            Action::Cert => Args::Cert {
                case,
                granted: self.need(&e.granted, "granted", do_place)?.value,
            },
            _ => Args::Case { case },
        };
        Ok((args, place(id)))
    }

    /// The case an event is about: a new one for `file_suit` (its id unused so far), else
    /// one filed before.
    fn case_index(
        &self,
        e: &RawEvent,
        action: Action,
        id: &Spanned<String>,
        do_place: Place,
        cases: &mut Vec<CaseDecl>,
    ) -> Result<usize, Diagnostic> {
        let found = cases.iter().position(|c| c.id == id.value);
        Ok(if action == Action::FileSuit {
            let plaintiff: Plaintiff =
                self.word(self.need(&e.plaintiff, "plaintiff", do_place)?)?;
            if found.is_some() {
                return Err(self
                    .error(
                        place(id),
                        format!("the case id \"{}\" is already used", id.value),
                    )
                    .with_help("give each lawsuit its own id"));
            }
            cases.push(CaseDecl {
                id: id.value.clone(),
                plaintiff,
            });
            cases.len() - 1
        } else {
            match found {
                Some(i) => i,
                None => {
                    let help = unknown_id_help(
                        &id.value,
                        cases.iter().map(|c| c.id.as_str()),
                        format!(
                            "file it first with `do: file_suit, case: {}, plaintiff: ...`",
                            id.value
                        ),
                        "cases filed so far",
                    );
                    return Err(self
                        .error(
                            place(id),
                            format!("the case \"{}\" was never filed", id.value),
                        )
                        .with_label("unknown case")
                        .with_help(help));
                }
            }
        })
    }

    /// A ruling: its holding (or the uncertain input that draws it), its remedy (only for
    /// a holding that can be unlawful) and whether officials comply with an injunction.
    fn rule_args(
        &self,
        e: &RawEvent,
        case: usize,
        do_place: Place,
        index: usize,
        inputs: &mut Vec<Input>,
    ) -> Result<Args, Diagnostic> {
        let raw_holding = self.need(&e.holding, "holding", do_place)?;
        let (holding, can_be_unlawful) = self.holding(raw_holding, index, inputs)?;
        let remedy = match &e.remedy {
            Some(r) => {
                let remedy: Remedy = self.word(r)?;
                if remedy != Remedy::None && !can_be_unlawful {
                    return Err(self
                            .error(
                                place(r),
                                format!(
                                    "a remedy of {remedy} with a holding of {holding}: only an unlawful holding has a remedy"
                                ),
                            )
                            .with_label("no remedy without a holding of unlawful")
                            .with_help("remove the remedy (or write remedy: none), or make the holding unlawful"));
                }
                remedy
            }
            None => Remedy::None,
        };
        let complied = match &e.complied {
            Some(c) if remedy != Remedy::Injunction => {
                return Err(self
                    .error(
                        place(c),
                        "`complied` says whether officials obey an injunction",
                    )
                    .with_label("only with remedy: injunction")
                    .with_help("remove complied, or order an injunction"));
            }
            Some(c) => c.value,
            None => true,
        };
        Ok(Args::Rule {
            case,
            holding,
            remedy,
            complied,
        })
    }

    /// The Vice President votes only on a tied Senate passage vote.
    fn vice_president(&self, e: &RawEvent, args: &mut Args) -> Result<(), Diagnostic> {
        if let Some(vp) = &e.vice_president {
            let vote: bool = match vp.value.as_str() {
                "yea" => true,
                "nay" => false,
                other => {
                    return Err(self
                        .error(
                            place(vp),
                            format!("vice_president \"{other}\" is not yea or nay"),
                        )
                        .with_help("write vice_president: yea or vice_president: nay"));
                }
            };
            if let Args::Vote {
                chamber,
                ref mut tally,
                ..
            } = *args
            {
                let why = if chamber == Chamber::House {
                    Some("the Vice President has no vote in the House".to_string())
                } else if tally.yeas != tally.nays {
                    Some(format!(
                        "the vote is {}–{}, not equally divided; the Vice President votes only to break a tie",
                        tally.yeas, tally.nays
                    ))
                } else {
                    None
                };
                if let Some(why) = why {
                    return Err(self
                        .error(place(vp), format!("vice_president cannot vote here: {why}"))
                        .with_label("no vote for the Vice President")
                        .with_help("remove vice_president, or record a Senate vote that is equally divided"));
                }
                tally.vice_president = Some(vote);
            }
        }
        Ok(())
    }

    /// A holding, `doctrine`, or weights. Returns the holding a single run shows (the
    /// most likely one; simulate draws it) and whether it can be `unlawful`.
    fn holding(
        &self,
        raw: &Spanned<RawHolding>,
        index: usize,
        inputs: &mut Vec<Input>,
    ) -> Result<(Holding, bool), Diagnostic> {
        let at = place(raw);
        match &raw.value {
            RawHolding::One(word) if word == "doctrine" => {
                inputs.push(Input {
                    event: index,
                    place: at,
                    kind: InputKind::HoldingByDoctrine,
                });
                Ok((Holding::NoStanding, true))
            }
            RawHolding::One(word) => {
                let holding: Holding = Holding::parse(word).map_err(|m| {
                    self.error(at, m)
                        .with_label("not a holding")
                        .with_help(format!(
                            "{}, `doctrine`, or weights such as {{no_standing: 0.6, unlawful: 0.4}}",
                            Holding::valid_list()
                        ))
                })?;
                Ok((holding, holding == Holding::Unlawful))
            }
            RawHolding::Weights(weights) => {
                let mut parsed: Vec<(Holding, f64)> = Vec::new();
                for (word, weight) in weights {
                    let holding = Holding::parse(word).map_err(|m| {
                        self.error(at, m)
                            .with_label("not a holding")
                            .with_help(Holding::valid_list())
                    })?;
                    if !(weight.is_finite() && *weight >= 0.0) {
                        return Err(self
                            .error(at, format!("the weight of {holding} is {weight}, not a number 0 or more"))
                            .with_label("a weight")
                            .with_help("weights are numbers 0 or more, e.g. {no_standing: 0.6, unlawful: 0.4}"));
                    }
                    parsed.push((holding, *weight));
                }
                let total: f64 = parsed.iter().map(|(_, w)| w).sum();
                if total <= 0.0 || !total.is_finite() {
                    return Err(self
                        .error(at, "the holding's weights add up to nothing")
                        .with_label("no holding can be drawn")
                        .with_help("give at least one holding a weight above 0"));
                }
                for entry in &mut parsed {
                    entry.1 /= total;
                }
                let likeliest = parsed
                    .iter()
                    .fold(None::<(Holding, f64)>, |best, &(h, w)| match best {
                        Some((_, bw)) if bw >= w => best,
                        _ => Some((h, w)),
                    })
                    .map_or(Holding::NoStanding, |(h, _)| h);
                let can_be_unlawful = parsed
                    .iter()
                    .any(|(h, w)| *h == Holding::Unlawful && *w > 0.0);
                inputs.push(Input {
                    event: index,
                    place: at,
                    kind: InputKind::Holding(parsed),
                });
                Ok((likeliest, can_be_unlawful))
            }
        }
    }

    /// A field the action requires (checked against `fields_of` before; never absent).
    fn need<'v, T>(
        &self,
        value: &'v Option<T>,
        name: &str,
        at: Place,
    ) -> Result<&'v T, Diagnostic> {
        value
            .as_ref()
            .ok_or_else(|| self.error(at, format!("this action needs `{name}`")))
    }

    /// The index of the event's bill; `introduce` adds it.
    fn bill_index(
        &self,
        e: &RawEvent,
        introduce: bool,
        chamber: Option<Chamber>,
        bills: &mut Vec<BillDecl>,
        subject_place: &mut Place,
    ) -> Result<usize, Diagnostic> {
        let Some(id) = e.bill.as_ref() else {
            return Err(self.error(place(&e.action), "this action needs `bill`"));
        };
        *subject_place = place(id);
        let found = bills.iter().position(|b| b.id == id.value);
        match (introduce, found) {
            (true, None) => {
                bills.push(BillDecl {
                    id: id.value.clone(),
                    chamber: chamber.unwrap_or(Chamber::House),
                    purpose: Purpose::AuthorizeWithdrawal,
                });
                Ok(bills.len() - 1)
            }
            (true, Some(_)) => Err(self
                .error(
                    place(id),
                    format!("the bill id \"{}\" is already used", id.value),
                )
                .with_label("introduced before")
                .with_help("give each bill its own id")),
            (false, Some(i)) => Ok(i),
            (false, None) => {
                let help = unknown_id_help(
                    &id.value,
                    bills.iter().map(|b| b.id.as_str()),
                    format!(
                        "introduce it first with `do: introduce, bill: {}, chamber: ..., purpose: ...`",
                        id.value
                    ),
                    "bills introduced so far",
                );
                Err(self
                    .error(
                        place(id),
                        format!("the bill \"{}\" was never introduced", id.value),
                    )
                    .with_label("unknown bill")
                    .with_help(help))
            }
        }
    }

    fn tally(
        &self,
        e: &RawEvent,
        chamber: Chamber,
        setup: &Setup,
        index: usize,
        inputs: &mut Vec<Input>,
    ) -> Result<Tally, Diagnostic> {
        let sworn = setup.sworn(chamber);
        // A binomial vote: `voting` members vote, the yeas drawn, the rest nays.
        let mut binomial: Option<(i64, f64, Place)> = None;
        let yeas = e.yeas.as_ref().map(|y| match y.value {
            RawCount::Fixed(n) => (n, place(y)),
            RawCount::Binomial(n, p) => {
                binomial = Some((n, p, place(y)));
                (n, place(y))
            }
        });
        let nays = e.nays.as_ref().map(|v| (v.value, place(v)));
        let present = e.present.as_ref().map(|v| (v.value, place(v)));
        if let (Some((_, _, at)), Some((_, nays_at))) = (binomial, nays) {
            return Err(self
                .error(nays_at, "nays cannot be given with binomial yeas: the nays are the rest of those voting")
                .with_label("drawn, not given")
                .with_help(format!(
                    "remove nays; binomial: [VOTING, CHANCE] at line {} says how many vote",
                    at.line
                )));
        }
        if let Some((_, p, at)) = binomial
            && !(0.0..=1.0).contains(&p)
        {
            return Err(self
                .error(at, format!("the binomial's chance {p} is not between 0 and 1"))
                .with_label("not a probability")
                .with_help("write binomial: [VOTING, CHANCE] with a chance from 0 to 1, e.g. binomial: [100, 0.62]"));
        }
        let mut counts = self.counts([yeas, nays, present], binomial.is_some(), chamber, sworn)?;
        if let Some((voting, p, at)) = binomial {
            if e.vice_president.is_some() {
                return Err(self
                    .error(at, "vice_president cannot be given with binomial yeas: whether the vote is tied is drawn")
                    .with_help("give fixed yeas and nays for a tied vote, or remove vice_president"));
            }
            let voting = voting as u32;
            inputs.push(Input {
                event: index,
                place: at,
                kind: InputKind::Yeas { voting, p },
            });
            // The expected split, for a single run's display; simulate draws it.
            let expected = ((f64::from(voting) * p).round() as u32).min(voting);
            counts[0] = expected;
            counts[1] = voting - expected;
        }
        Ok(Tally {
            yeas: counts[0],
            nays: counts[1],
            present: counts[2],
            sworn,
            vice_president: None,
        })
    }

    /// Yeas, nays and present as given: none negative, together no more than the
    /// chamber's members sworn.
    fn counts(
        &self,
        given: [Option<(i64, Place)>; 3],
        binomial: bool,
        chamber: Chamber,
        sworn: u32,
    ) -> Result<[u32; 3], Diagnostic> {
        let mut counts = [0u32; 3];
        let mut total: i64 = 0;
        let name_of = |slot: usize| match (slot, binomial) {
            (0, true) => "yeas (the binomial's number voting)",
            (0, false) => "yeas",
            (1, _) => "nays",
            _ => "present",
        };
        for (slot, value) in given.into_iter().enumerate() {
            let Some((value, at)) = value else { continue };
            let name = name_of(slot);
            if value < 0 {
                return Err(self
                    .error(at, format!("{name}: {value} is negative"))
                    .with_label("a count of members")
                    .with_help(format!(
                        "vote counts are whole numbers from 0 to {sworn} ({} sworn)",
                        chamber.members()
                    )));
            }
            total = total.saturating_add(value);
            if total > i64::from(sworn) {
                return Err(self
                    .error(
                        at,
                        format!(
                            "{name}: {value} makes {total} votes, more than the {sworn} {} sworn",
                            chamber.members()
                        ),
                    )
                    .with_label("more votes than members")
                    .with_help(format!(
                        "yeas, nays and present together can be at most {sworn}; change setup.{}_sworn if seats are filled differently",
                        if chamber == Chamber::Senate { "senators" } else { "representatives" }
                    )));
            }
            counts[slot] = value as u32;
        }
        Ok(counts)
    }

    fn expect(&self, raw: &RawExpect) -> Result<Expect, Diagnostic> {
        let mut expect = Expect {
            treaty: raw.treaty.as_ref().map(|t| self.word(t)).transpose()?,
            effective_on: raw
                .effective_on
                .as_ref()
                .map(|d| self.date(d))
                .transpose()?,
            lawful: raw.lawful.as_ref().map(|b| b.value),
            enjoined: raw.enjoined.as_ref().map(|b| b.value),
            doctrine: raw.doctrine.as_ref().map(|d| self.word(d)).transpose()?,
            violations: raw
                .violations
                .as_ref()
                .map(|v| v.value.iter().map(|s| s.value.clone()).collect()),
            violations_at: raw
                .violations
                .iter()
                .flat_map(|v| v.value.iter().map(crate::yaml::place))
                .collect(),
            ..Expect::default()
        };
        let statuses = crate::rulebook::BILL_STATUSES.to_vec();
        for (id, status) in raw.bills.iter().flatten() {
            if !statuses.contains(&status.value.as_str()) {
                return Err(self.unknown_status(status, "bill", &statuses));
            }
            expect.bills.push((id.clone(), status.value.clone()));
        }
        let statuses = case_statuses();
        for (id, status) in raw.cases.iter().flatten() {
            if !statuses.contains(&status.value.as_str()) {
                return Err(self.unknown_status(status, "case", &statuses));
            }
            expect.cases.push((id.clone(), status.value.clone()));
        }
        Ok(expect)
    }

    fn unknown_status(&self, value: &Spanned<String>, what: &str, valid: &[&str]) -> Diagnostic {
        let mut message = format!("unknown {what} status \"{}\"", value.value);
        if let Some(near) = did_you_mean(&value.value, valid.iter().copied()) {
            message.push_str(&format!(" (did you mean {near}?)"));
        }
        self.error(place(value), message)
            .with_help(format!("valid {what} statuses: {}", one_of(valid)))
    }
}

/// "did you mean x? introduce it first ..." or the list of ids known so far.
fn unknown_id_help<'a>(
    id: &str,
    known: impl Iterator<Item = &'a str>,
    first: String,
    so_far: &str,
) -> String {
    let known: Vec<&str> = known.collect();
    if let Some(near) = did_you_mean(id, known.iter().copied()) {
        format!("did you mean {near}? {first}")
    } else if known.is_empty() {
        first
    } else {
        format!("{first}; {so_far}: {}", known.join(", "))
    }
}

#[cfg(test)]
mod tests;
