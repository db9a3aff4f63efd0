//! The compiled form of a rulebook: one petgraph graph per track, with every name
//! resolved to an index or an enum, checked once so that the engine never looks up a
//! string while it runs.

use jiff::civil::Date;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::{Dfs, EdgeRef};

use super::words;
use super::{
    At, CITATION_KINDS, InForce, Parameters, ProvisionTest, Rulebook, VersionFile, located,
};
use crate::calendar::Period;
use crate::diag::Diagnostic;
use crate::threshold::Threshold;
use crate::vocab::{Action, Actor, Holding, Plaintiff, TrackKind, Word};

/// What fires a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trigger {
    /// A scenario event.
    Action(Action),
    /// A period running out.
    Timer(TimerKind),
}

/// The periods the law counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimerKind {
    /// Art. 13: a notice of denunciation takes effect after it.
    NoticePeriod,
    /// Art. I § 7: the days a President has to return a presented bill.
    ReturnPeriod,
}

impl TimerKind {
    pub fn name(self) -> &'static str {
        match self {
            TimerKind::NoticePeriod => "notice_period",
            TimerKind::ReturnPeriod => "return_period",
        }
    }
}

/// Which chamber's event a bill step is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChamberSelector {
    House,
    Senate,
    /// The chamber where the bill was introduced.
    Origin,
    /// The chamber where it was not.
    Other,
}

/// The parameter whose threshold decides a vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VoteKind {
    Consent,
    Passage,
    Cloture,
    Override,
    SuitResolution,
}

impl VoteKind {
    pub const ALL: [VoteKind; 5] = [
        VoteKind::Consent,
        VoteKind::Passage,
        VoteKind::Cloture,
        VoteKind::Override,
        VoteKind::SuitResolution,
    ];

    /// The parameter that holds this vote's threshold.
    pub fn parameter(self, parameters: &Parameters) -> &super::Dated<Threshold> {
        match self {
            VoteKind::Consent => &parameters.consent,
            VoteKind::Passage => &parameters.passage,
            VoteKind::Cloture => &parameters.cloture,
            VoteKind::Override => &parameters.override_,
            VoteKind::SuitResolution => &parameters.suit_resolution,
        }
    }

    /// The parameter's name in a rulebook file.
    pub fn name(self) -> &'static str {
        match self {
            VoteKind::Consent => "consent",
            VoteKind::Passage => "passage",
            VoteKind::Cloture => "cloture",
            VoteKind::Override => "override",
            VoteKind::SuitResolution => "suit_resolution",
        }
    }
    fn parse(text: &str) -> Result<Self, String> {
        Ok(match text {
            "consent" => VoteKind::Consent,
            "passage" => VoteKind::Passage,
            "cloture" => VoteKind::Cloture,
            "override" => VoteKind::Override,
            "suit_resolution" => VoteKind::SuitResolution,
            other => {
                return Err(format!(
                    "unknown vote \"{other}\"; valid: consent, passage, cloture, override, suit_resolution"
                ));
            }
        })
    }
}

/// Conditions a step needs; when one is unmet the action is impossible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Requirement {
    /// With `setup.filibuster`, a Senate vote on passage or on consent needs cloture on
    /// the measure first (and with `setup.filibuster_veto`, an override vote).
    Cloture,
    /// A chamber (or Congress) sues only when its resolution directs counsel to.
    PlaintiffAuthorized,
    /// The treaty has not been left.
    TreatyInForce,
    /// Congress is in session (no chamber votes while it is adjourned).
    InSession,
    /// The treaty allows a notice now, and the day it names is not too early.
    NoticeAllowed,
}

impl Requirement {
    fn parse(text: &str) -> Result<Self, String> {
        Ok(match text {
            "cloture" => Requirement::Cloture,
            "plaintiff_authorized" => Requirement::PlaintiffAuthorized,
            "treaty_in_force" => Requirement::TreatyInForce,
            "in_session" => Requirement::InSession,
            "notice_allowed" => Requirement::NoticeAllowed,
            other => {
                return Err(format!(
                    "unknown requirement \"{other}\"; valid: cloture, plaintiff_authorized, treaty_in_force, in_session, notice_allowed"
                ));
            }
        })
    }
}

impl Requirement {
    /// The condition in words.
    pub fn describe(self) -> &'static str {
        match self {
            Requirement::Cloture => "cloture invoked, when the Senate filibusters",
            Requirement::PlaintiffAuthorized => {
                "a suing chamber's resolution directing its counsel to sue"
            }
            Requirement::TreatyInForce => "the treaty not yet left",
            Requirement::InSession => "Congress in session",
            Requirement::NoticeAllowed => "a notice the treaty allows",
        }
    }
}

/// A sentence, label or citation that replaces a stage's or step's own on some days.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    pub in_force: InForce,
    pub label: Option<String>,
    pub text: Option<String>,
    pub citation: Option<String>,
}

/// The version in force on `date`, if any.
fn version_on(versions: &[Version], date: Date) -> Option<&Version> {
    versions.iter().find(|v| v.in_force.contains(date))
}

/// The label, sentence and citation of a stage or step as in force on a day: a version
/// covering the day replaces what it gives, the entry's own words stand for the rest.
macro_rules! dated_words {
    ($kind:ty) => {
        impl $kind {
            /// The label in force on `date` (a template).
            pub fn label_on(&self, date: Date) -> &str {
                version_on(&self.versions, date)
                    .and_then(|v| v.label.as_deref())
                    .unwrap_or(&self.label)
            }
            /// The sentence in force on `date` (a template).
            pub fn text_on(&self, date: Date) -> &str {
                version_on(&self.versions, date)
                    .and_then(|v| v.text.as_deref())
                    .unwrap_or(&self.text)
            }
            /// The citation in force on `date`.
            pub fn citation_on(&self, date: Date) -> &str {
                version_on(&self.versions, date)
                    .and_then(|v| v.citation.as_deref())
                    .unwrap_or(&self.citation)
            }
        }
    };
}

/// A node of a track's graph. Its texts are templates (see [`Procedure::render`]).
#[derive(Clone, Debug)]
pub struct StageData {
    pub id: String,
    /// What outputs report (usually the id).
    pub status: String,
    pub label: String,
    pub text: String,
    pub citation: String,
    pub terminal: bool,
    pub versions: Vec<Version>,
}

dated_words!(StageData);

/// An edge of a track's graph. Its texts are templates (see [`Procedure::render`]).
#[derive(Clone, Debug)]
pub struct StepData {
    pub id: String,
    pub trigger: Trigger,
    pub chamber: Option<ChamberSelector>,
    pub vote: Option<VoteKind>,
    /// `Some(true)`: taken when the vote carries; `Some(false)`: when it fails.
    pub outcome: Option<bool>,
    pub granted: Option<bool>,
    pub adjourned: Option<bool>,
    pub enjoined: Option<bool>,
    pub requires: Vec<Requirement>,
    pub actor: Actor,
    pub label: String,
    pub text: String,
    pub citation: String,
    pub versions: Vec<Version>,
}

dated_words!(StepData);

impl StepData {
    /// When the step applies, in words: the chamber, the vote and its threshold (as in
    /// force on `date`), the state of Congress or the courts, and what it requires.
    /// Empty when unconditional.
    pub fn conditions(&self, p: &Procedure, date: Date) -> String {
        let mut parts = Vec::new();
        if let Some(chamber) = self.chamber {
            parts.push(
                match chamber {
                    ChamberSelector::House => "in the House",
                    ChamberSelector::Senate => "in the Senate",
                    ChamberSelector::Origin => "in the House of origin",
                    ChamberSelector::Other => "in the other House",
                }
                .to_string(),
            );
        }
        if let Some(vote) = self.vote {
            let members = match vote {
                VoteKind::Consent | VoteKind::Cloture => "senators",
                _ => "members",
            };
            let threshold = p.threshold(vote, date).describe(members);
            parts.push(match self.outcome {
                Some(true) => format!("carried by {threshold}"),
                Some(false) => format!("short of {threshold}"),
                None => "whatever the vote".to_string(),
            });
        }
        if let Some(granted) = self.granted {
            parts.push(if granted { "granted" } else { "denied" }.to_string());
        }
        if let Some(adjourned) = self.adjourned {
            parts.push(
                if adjourned {
                    "an adjournment prevents the return"
                } else {
                    "the bill can be returned"
                }
                .to_string(),
            );
        }
        if let Some(enjoined) = self.enjoined {
            parts.push(
                if enjoined {
                    "an injunction stands"
                } else {
                    "no injunction"
                }
                .to_string(),
            );
        }
        for requirement in &self.requires {
            parts.push(format!("needs {}", requirement.describe()));
        }
        parts.join("; ")
    }
}

/// One strand of the procedure.
#[derive(Clone, Debug)]
pub struct Track {
    pub kind: TrackKind,
    pub title: String,
    pub text: String,
    pub graph: DiGraph<StageData, StepData>,
    pub start: NodeIndex,
    /// The steps out of each stage by trigger, so the engine goes straight to the few
    /// that can fire instead of scanning every edge: the steps of (stage, trigger slot)
    /// are `dispatch_steps[dispatch[i]..dispatch[i + 1]]`, i = stage × slots + slot.
    dispatch: Vec<u32>,
    dispatch_steps: Vec<EdgeIndex>,
}

impl Trigger {
    /// How many trigger slots there are: each action, each timer.
    pub const SLOTS: usize = Action::ALL.len() + 2;

    /// This trigger's slot in [`Track`]'s dispatch table.
    pub fn slot(self) -> usize {
        match self {
            Trigger::Action(a) => a as usize,
            Trigger::Timer(TimerKind::NoticePeriod) => Action::ALL.len(),
            Trigger::Timer(TimerKind::ReturnPeriod) => Action::ALL.len() + 1,
        }
    }
}

impl Track {
    /// Builds the dispatch table from the graph.
    fn index(&mut self) {
        let slots = Trigger::SLOTS;
        let cells = self.graph.node_count() * slots;
        let mut buckets: Vec<Vec<EdgeIndex>> = vec![Vec::new(); cells];
        for e in self.graph.edge_references() {
            buckets[e.source().index() * slots + e.weight().trigger.slot()].push(e.id());
        }
        for bucket in &mut buckets {
            // Edge order as petgraph iterates a stage's edges (newest first), so that
            // which of two matching steps wins does not change.
            bucket.sort_by(|a, b| b.cmp(a));
        }
        self.dispatch = Vec::with_capacity(cells + 1);
        self.dispatch_steps.clear();
        self.dispatch.push(0);
        for bucket in buckets {
            self.dispatch_steps.extend(bucket);
            self.dispatch.push(self.dispatch_steps.len() as u32);
        }
    }

    /// The steps out of `stage` that `trigger` can take, in the graph's order.
    pub fn steps(&self, stage: NodeIndex, trigger: Trigger) -> &[EdgeIndex] {
        let i = stage.index() * Trigger::SLOTS + trigger.slot();
        match (self.dispatch.get(i), self.dispatch.get(i + 1)) {
            (Some(&from), Some(&to)) => &self.dispatch_steps[from as usize..to as usize],
            _ => &[],
        }
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<NodeIndex> {
        self.graph.node_indices().find(|n| self.graph[*n].id == id)
    }
}

/// Stages the engine must be able to name.
#[derive(Clone, Copy, Debug)]
pub struct Roles {
    pub party: NodeIndex,
    pub notice_pending: NodeIndex,
    pub withdrawn: NodeIndex,
    pub suspended: NodeIndex,
    pub consented: NodeIndex,
    pub adjourned: NodeIndex,
    pub bill_enacted: NodeIndex,
}

/// One provision (one id), with what it says on each stretch of days.
#[derive(Clone, Debug)]
pub struct CompiledProvision {
    pub id: String,
    /// Every action some version of it governs.
    pub actions: Vec<Action>,
    /// In date order; at most one is in force on any day.
    pub variants: Vec<ProvisionVariant>,
}

/// What a provision says while it is in force.
#[derive(Clone, Debug)]
pub struct ProvisionVariant {
    pub in_force: InForce,
    pub test: ProvisionTest,
    pub actions: Vec<Action>,
    pub title: String,
    pub text: String,
    pub citation: String,
    /// For a prior-notice test: the days' notice, if the provision gives its own.
    pub days: Option<i64>,
    pub consult_first: bool,
    pub committees: Vec<String>,
}

impl CompiledProvision {
    /// The version in force on `date` (already the law's date), if any.
    pub fn on(&self, date: Date) -> Option<&ProvisionVariant> {
        self.variants.iter().find(|v| v.in_force.contains(date))
    }

    /// The latest version (for outputs that show the law without a date).
    pub fn latest(&self) -> &ProvisionVariant {
        self.variants.last().expect("a provision has a version")
    }
}

/// The treaty a compiled rulebook is about.
#[derive(Clone, Debug)]
pub struct Treaty {
    pub name: String,
    pub article: String,
    pub clause: String,
    pub notice_period: Period,
    pub notice_to: String,
    pub in_force: Option<Date>,
    /// The first day notice may be given, when the treaty sets one.
    pub earliest_notice: Option<Date>,
    pub first_notice_after: Option<Period>,
}

/// A rulebook compiled for running.
#[derive(Clone, Debug)]
pub struct Procedure {
    pub rulebook: Rulebook,
    pub treaty: Treaty,
    /// One per [`TrackKind`], in the order of `TrackKind::ALL`.
    pub tracks: Vec<Track>,
    pub roles: Roles,
    pub provisions: Vec<CompiledProvision>,
    /// For each action (by `Action as usize`), the provisions that govern it, as a bit
    /// set over `provisions` (at most 32 of them).
    pub governing: Vec<u32>,
}

/// Bill statuses that outputs and `expect:` use; the bill track must report each.
pub const BILL_STATUSES: &[&str] = &[
    "introduced",
    "passed_house",
    "passed_senate",
    "passed_both",
    "presented",
    "enacted",
    "vetoed",
    "failed",
    "veto_sustained",
    "pocket_vetoed",
];

impl Procedure {
    /// The track of a kind.
    pub fn track(&self, kind: TrackKind) -> &Track {
        &self.tracks[kind as usize]
    }

    /// The day whose law judges an event on `date`: the event's own day, or the view's
    /// `law_as_of` day.
    pub fn law_date(&self, date: Date) -> Date {
        self.rulebook.law_as_of.unwrap_or(date)
    }

    /// The day whose law outputs without a date show: the view's day, else the law as it
    /// now stands (the latest stretch of everything dated).
    pub fn now(&self) -> Date {
        self.rulebook.law_as_of.unwrap_or(Date::MAX)
    }

    /// A vote's threshold as in force on `date`.
    pub fn threshold(&self, kind: VoteKind, date: Date) -> &Threshold {
        kind.parameter(&self.rulebook.parameters)
            .at(self.law_date(date))
    }

    /// The citation of a vote's threshold on `date`: the entry's own, else the parameter's.
    pub fn threshold_source(&self, kind: VoteKind, date: Date) -> Option<&str> {
        let entry = kind
            .parameter(&self.rulebook.parameters)
            .entry(self.law_date(date));
        entry.source.as_deref().or_else(|| {
            self.rulebook
                .parameters
                .sources
                .get(kind.name())
                .map(String::as_str)
        })
    }

    /// The citation with this id.
    pub fn citation(&self, id: &str) -> Option<&super::Citation> {
        self.rulebook.citations.get(id)
    }

    /// A template filled with the law in force on `date`.
    pub fn render(&self, template: &str, date: Date) -> String {
        words::render(self, template, self.law_date(date), &[])
    }

    /// One of the rulebook's messages, filled with the law in force on `date` and the
    /// values given (`("due", "2028-03-01")`).
    pub fn message(&self, key: &str, date: Date, values: &[(&str, &str)]) -> String {
        match self.rulebook.messages.get(key) {
            Some(template) => words::render(self, template, self.law_date(date), values),
            None => String::new(),
        }
    }

    /// The longest notice to the committees that a provision in force on `date` asks.
    pub fn prior_notice_days(&self, date: Date) -> i64 {
        let day = self.law_date(date);
        let default = *self.rulebook.parameters.committee_notice_days.at(day);
        self.provisions
            .iter()
            .filter_map(|p| p.on(day))
            .filter(|v| v.test == ProvisionTest::CommitteeNotice)
            .map(|v| v.days.unwrap_or(default))
            .max()
            .unwrap_or(default)
    }

    /// The properties of the law in force on `date`.
    pub fn properties_on(&self, date: Date) -> impl Iterator<Item = &super::Property> {
        let date = self.law_date(date);
        self.rulebook
            .properties
            .iter()
            .filter(move |p| p.in_force().contains(date))
    }

    /// Checks a rulebook and builds its graphs. The error names the first problem and,
    /// where it can, the file, line and column.
    pub fn compile(mut rulebook: Rulebook) -> Result<Procedure, Diagnostic> {
        if let Some(clause) = rulebook.treaty.clause.clone() {
            alias_clause(&mut rulebook, &clause);
        }
        let rulebook = rulebook;
        let files = &rulebook.files;
        let err = |at: At, message: String| located(files, at, message);
        if rulebook.base {
            return Err(err(
                rulebook.at,
                format!(
                    "{} is a base for treaty rulebooks: it names no treaty, so it does not run on its own",
                    rulebook.id
                ),
            )
            .with_help(format!(
                "use a rulebook that extends it (e.g. {}), or write one with `extends: {}` and a `treaty:` section (docs/rulebook-format.md)",
                super::DEFAULT_ID,
                rulebook.id
            )));
        }
        let known = |id: &str, at: At, context: &str| -> Result<(), Diagnostic> {
            if rulebook.citations.contains_key(id) {
                Ok(())
            } else {
                let mut message = format!(
                    "{context} cites \"{}\", which is not under `citations:`",
                    crate::diag::shorten(id)
                );
                if let Some(near) =
                    crate::diag::did_you_mean(id, rulebook.citations.keys().map(String::as_str))
                {
                    message.push_str(&format!(" (did you mean {near}?)"));
                }
                Err(err(at, message))
            }
        };
        check_citation_kinds(&rulebook, &err)?;
        let treaty = compile_treaty(&rulebook, &err, &known)?;
        check_parameters(&rulebook, &err, &known)?;
        let tracks = compile_tracks(&rulebook, &err, &known)?;
        let roles = roles(&tracks, &rulebook, &err)?;
        check_bill_statuses(&tracks[TrackKind::Bill as usize], &rulebook, &err)?;
        let provisions = compile_provisions(&rulebook, &err, &known)?;
        check_doctrine(&rulebook, &err, &known)?;
        check_properties(&rulebook, &provisions, &err, &known)?;
        check_glossary(&rulebook, &err, &known)?;
        words::check_messages(&rulebook)?;
        words::check(&rulebook.summary, rulebook.at, &rulebook, &[])?;

        let governing = Action::ALL
            .iter()
            .map(|action| {
                provisions
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.actions.contains(action))
                    .fold(0u32, |mask, (i, _)| mask | (1 << i))
            })
            .collect();
        Ok(Procedure {
            rulebook,
            treaty,
            tracks,
            roles,
            provisions,
            governing,
        })
    }
}

/// Every citation is of a known kind (a statute, a case, a treaty...).
fn check_citation_kinds(rulebook: &Rulebook, err: &Err) -> Result<(), Diagnostic> {
    for (id, citation) in &rulebook.citations {
        if !CITATION_KINDS.contains(&citation.kind.as_str()) {
            return Err(err(
                rulebook.at,
                format!(
                    "the citation {id} is of kind \"{}\"; valid kinds: {}",
                    crate::diag::shorten(&citation.kind),
                    CITATION_KINDS.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Each of the seven tracks exactly once, compiled, and no track of another name.
fn compile_tracks(rulebook: &Rulebook, err: &Err, known: &Known) -> Result<Vec<Track>, Diagnostic> {
    let mut tracks = Vec::new();
    for kind in TrackKind::ALL {
        let specs: Vec<_> = rulebook
            .tracks
            .iter()
            .filter(|t| t.id == kind.name())
            .collect();
        let spec = match specs.as_slice() {
            [one] => *one,
            [] => {
                return Err(err(
                    rulebook.at,
                    format!("there is no track `{}`", kind.name()),
                ));
            }
            [_, second, ..] => {
                return Err(err(
                    second.at,
                    format!("the track `{}` is given twice", kind.name()),
                ));
            }
        };
        tracks.push(compile_track(*kind, spec, rulebook, err, known)?);
    }
    for spec in &rulebook.tracks {
        TrackKind::parse(&spec.id)
            .map_err(|e| err(spec.at, format!("{e}; {}", TrackKind::valid_list())))?;
    }
    Ok(tracks)
}

/// The stages the engine gives a meaning to (party, withdrawn, consented, enacted...).
fn roles(tracks: &[Track], rulebook: &Rulebook, err: &Err) -> Result<Roles, Diagnostic> {
    let role = |kind: TrackKind, id: &str| -> Result<NodeIndex, Diagnostic> {
        tracks[kind as usize].stage(id).ok_or_else(|| {
            err(
                rulebook.at,
                format!("the track `{}` needs a stage `{id}`", kind.name()),
            )
        })
    };
    Ok(Roles {
        party: role(TrackKind::Treaty, "party")?,
        notice_pending: role(TrackKind::Treaty, "notice_pending")?,
        withdrawn: role(TrackKind::Treaty, "withdrawn")?,
        suspended: role(TrackKind::Suspension, "suspended")?,
        consented: role(TrackKind::Consent, "consented")?,
        adjourned: role(TrackKind::Congress, "adjourned")?,
        bill_enacted: role(TrackKind::Bill, "enacted")?,
    })
}

/// The bill track reports each bill status, and only those.
fn check_bill_statuses(bill: &Track, rulebook: &Rulebook, err: &Err) -> Result<(), Diagnostic> {
    for status in BILL_STATUSES {
        if !bill.graph.node_weights().any(|s| s.status == *status) {
            return Err(err(
                rulebook.at,
                format!("the bill track has no stage reporting `{status}`"),
            ));
        }
    }
    for stage in bill.graph.node_weights() {
        if stage.id != bill.graph[bill.start].id && !BILL_STATUSES.contains(&stage.status.as_str())
        {
            return Err(err(
                rulebook.at,
                format!(
                    "the bill stage `{}` reports `{}`, which is not a bill status ({})",
                    stage.id,
                    stage.status,
                    BILL_STATUSES.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Each property: a valid id (it names files), a known citation and provision, and words
/// that render.
fn check_properties(
    rulebook: &Rulebook,
    provisions: &[CompiledProvision],
    err: &Err,
    known: &Known,
) -> Result<(), Diagnostic> {
    for property in &rulebook.properties {
        let at = At {
            file: property.file,
            place: Some(crate::yaml::place(&property.id)),
        };
        if !super::valid_id(&property.id.value) {
            return Err(err(
                at,
                format!(
                    "the property id \"{}\" is not valid: it names the files `check --write-scenarios` writes",
                    crate::diag::shorten(&property.id.value)
                ),
            )
            .with_help(format!("write it like a rulebook id ({})", super::ID_PATTERN)));
        }
        known(
            &property.citation,
            at,
            &format!("property {}", property.id.value),
        )?;
        if let Some(id) = &property.provision
            && !provisions.iter().any(|p| &p.id == id)
        {
            return Err(err(
                at,
                format!(
                    "property {} names the provision {id}, which is not under `provisions:`",
                    property.id.value
                ),
            ));
        }
        words::check(&property.says, at, rulebook, &[])?;
    }
    Ok(())
}

/// Each glossary entry: a known citation, words that render on every day, and a term
/// and aliases no other entry claims.
fn check_glossary(rulebook: &Rulebook, err: &Err, known: &Known) -> Result<(), Diagnostic> {
    let mut claimed: std::collections::BTreeMap<String, &str> = Default::default();
    for entry in &rulebook.glossary {
        let at = At {
            file: entry.file,
            place: Some(crate::yaml::place(&entry.term)),
        };
        let context = format!("glossary entry \"{}\"", entry.term.value);
        for name in std::iter::once(&entry.term.value).chain(&entry.aliases) {
            let folded = crate::diag::fold(name);
            let clash = match claimed.insert(folded.clone(), &entry.term.value) {
                _ if folded.is_empty() => Some("it has no letters".to_string()),
                Some(other) => Some(format!("glossary entry \"{other}\" already answers to it")),
                None => None,
            };
            if let Some(why) = clash {
                return Err(err(
                    at,
                    format!("{context}: the name \"{name}\" cannot be looked up: {why}"),
                )
                .with_help("give each term and alias once, in one entry"));
            }
        }
        known(&entry.citation, at, &context)?;
        words::check(&entry.text, at, rulebook, &[])?;
        check_versions(&entry.versions, at, rulebook, known, &context, false)?;
    }
    Ok(())
}

/// The citation id a base uses for "the treaty's withdrawal clause", whichever treaty
/// extends it: compiling replaces it with the treaty's `clause:`.
pub const TREATY_CLAUSE: &str = "treaty-clause";

fn alias_clause(rulebook: &mut Rulebook, clause: &str) {
    let swap = |c: &mut String| {
        if c == TREATY_CLAUSE {
            *c = clause.to_string();
        }
    };
    let swap_versions = |versions: &mut Vec<VersionFile>| {
        for v in versions {
            if let Some(c) = v.citation.as_mut() {
                swap(c);
            }
        }
    };
    for track in &mut rulebook.tracks {
        for stage in &mut track.stages {
            swap(&mut stage.citation);
            swap_versions(&mut stage.versions);
        }
        for step in &mut track.steps {
            swap(&mut step.citation);
            swap_versions(&mut step.versions);
        }
    }
    for g in &mut rulebook.glossary {
        swap(&mut g.citation);
        swap_versions(&mut g.versions);
    }
    for p in &mut rulebook.properties {
        swap(&mut p.citation);
    }
    for p in &mut rulebook.provisions {
        swap(&mut p.citation);
    }
    for source in rulebook.parameters.sources.values_mut() {
        swap(source);
    }
}

type Err<'a> = dyn Fn(At, String) -> Diagnostic + 'a;
type Known<'a> = dyn Fn(&str, At, &str) -> Result<(), Diagnostic> + 'a;

fn compile_treaty(rulebook: &Rulebook, err: &Err, known: &Known) -> Result<Treaty, Diagnostic> {
    let t = &rulebook.treaty;
    let at = if t.at == At::default() {
        rulebook.at
    } else {
        t.at
    };
    let need = |what: &str| {
        err(
            at,
            format!("the rulebook names no treaty {what}: add it under `treaty:`"),
        )
        .with_help("see docs/rulebook-format.md, `treaty:` (name, article, clause, notice_period, notice_to)")
    };
    let clause = t
        .clause
        .clone()
        .ok_or_else(|| need("clause (its withdrawal clause's citation)"))?;
    known(&clause, at, "treaty: clause")?;
    let in_force = t.in_force;
    let earliest_notice = match (t.first_notice_after, in_force) {
        (Some(period), Some(day)) => Some(period.after(day).ok_or_else(|| {
            err(
                at,
                "treaty: first_notice_after runs past the year 9999".into(),
            )
        })?),
        (Some(_), None) => {
            return Err(err(
                at,
                "treaty: first_notice_after needs in_force (the day the treaty entered into force)"
                    .into(),
            ));
        }
        (None, _) => None,
    };
    Ok(Treaty {
        name: t.name.clone().ok_or_else(|| need("name"))?,
        article: t.article.clone().ok_or_else(|| need("article"))?,
        clause,
        notice_period: t.notice_period.ok_or_else(|| need("notice_period"))?,
        notice_to: t
            .notice_to
            .clone()
            .ok_or_else(|| need("notice_to (to whom notice is given)"))?,
        in_force,
        earliest_notice,
        first_notice_after: t.first_notice_after,
    })
}

fn check_parameters(rulebook: &Rulebook, err: &Err, known: &Known) -> Result<(), Diagnostic> {
    let p = &rulebook.parameters;
    let at = |entry_file: usize, place| match place {
        Some(_) => At {
            file: entry_file,
            place,
        },
        None => rulebook.at,
    };
    // Each parameter covers every day once; its entries' sources are known citations.
    macro_rules! dated {
        ($($field:ident => $name:literal),*) => {$(
            let mut copy = p.$field.clone();
            copy.check($name).map_err(|(m, place)| match place {
                Some((file, place)) => err(At { file, place: Some(place) }, m),
                None => err(rulebook.at, m),
            })?;
            for entry in &p.$field.entries {
                if let Some(source) = &entry.source {
                    known(source, at(entry.file, entry.place), &format!("parameter {}", $name))?;
                }
            }
        )*};
    }
    dated!(
        limitation_in_force => "limitation_in_force",
        consent => "consent",
        passage => "passage",
        cloture => "cloture",
        override_ => "override",
        suit_resolution => "suit_resolution",
        return_days => "return_days",
        committee_notice_days => "committee_notice_days",
        pocket_veto => "pocket_veto"
    );
    for entry in &p.return_days.entries {
        if !(1..=366).contains(&entry.value) {
            return Err(err(
                at(entry.file, entry.place),
                format!("return_days is {}; it must be from 1 to 366", entry.value),
            ));
        }
    }
    for entry in &p.committee_notice_days.entries {
        if !(0..=3660).contains(&entry.value) {
            return Err(err(
                at(entry.file, entry.place),
                format!(
                    "committee_notice_days is {}; it must be from 0 to 3660",
                    entry.value
                ),
            ));
        }
    }
    for entry in &p.pocket_veto.entries {
        if entry.value.short_recess_days > 366 {
            return Err(err(
                at(entry.file, entry.place),
                format!(
                    "pocket_veto: short_recess_days is {}; it must be from 0 to 366",
                    entry.value.short_recess_days
                ),
            ));
        }
    }
    for (name, citation) in &p.sources {
        if !super::PARAMETER_NAMES.contains(&name.as_str()) {
            return Err(err(
                rulebook.at,
                format!(
                    "`sources:` names \"{}\", which is not a parameter ({})",
                    crate::diag::shorten(name),
                    super::PARAMETER_NAMES.join(", ")
                ),
            ));
        }
        known(citation, rulebook.at, &format!("parameter {name}"))?;
    }
    Ok(())
}

fn compile_provisions(
    rulebook: &Rulebook,
    err: &Err,
    known: &Known,
) -> Result<Vec<CompiledProvision>, Diagnostic> {
    let mut provisions: Vec<CompiledProvision> = Vec::new();
    let mut spans: Vec<Vec<InForce>> = Vec::new();
    for p in &rulebook.provisions {
        let at = At {
            file: p.file,
            place: Some(crate::yaml::place(&p.id)),
        };
        let id = &p.id.value;
        let (variant, date_at) = provision_variant(p, at, rulebook, err, known)?;
        let actions = variant.actions.clone();
        match provisions.iter().position(|c| &c.id == id) {
            Some(k) => {
                if let Some(other) = spans[k].iter().find(|s| s.overlaps(&variant.in_force)) {
                    return Err(err(
                        date_at,
                        format!(
                            "the provision {id} is given twice for the same days: {} overlaps {}",
                            variant.in_force.describe(),
                            other.describe()
                        ),
                    )
                    .with_help("give each version of a provision its own days with from: and until: (both inclusive)"));
                }
                spans[k].push(variant.in_force);
                let c = &mut provisions[k];
                for a in &actions {
                    if !c.actions.contains(a) {
                        c.actions.push(*a);
                    }
                }
                c.variants.push(variant);
                c.variants.sort_by_key(|v| v.in_force.from);
            }
            None => {
                if provisions.len() == ProvisionSet::CAPACITY {
                    return Err(err(
                        at,
                        format!(
                            "a rulebook may have at most {} provisions",
                            ProvisionSet::CAPACITY
                        ),
                    ));
                }
                spans.push(vec![variant.in_force]);
                provisions.push(CompiledProvision {
                    id: id.clone(),
                    actions,
                    variants: vec![variant],
                });
            }
        }
    }
    Ok(provisions)
}

/// One version of a provision, checked: its days, citation, actions, prior-notice days
/// and words; with where its days are written (for an overlap's error).
fn provision_variant(
    p: &super::Provision,
    at: At,
    rulebook: &Rulebook,
    err: &Err,
    known: &Known,
) -> Result<(ProvisionVariant, At), Diagnostic> {
    let id = &p.id.value;
    let dates = super::dated::Dates {
        from: p.from.clone(),
        until: p.until.clone(),
    };
    let date_at = At {
        file: p.file,
        place: dates.place().or(at.place),
    };
    dates
        .check()
        .map_err(|m| err(date_at, format!("provision {id}: {m}")))?;
    known(&p.citation, at, &format!("provision {id}"))?;
    let actions = p
        .actions
        .iter()
        .map(|a| Action::parse(a))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| err(at, format!("provision {id}: {e}; {}", Action::valid_list())))?;
    if let Some(days) = p.days
        && !(0..=3660).contains(&days)
    {
        return Err(err(
            at,
            format!("provision {id}: days is {days}; it must be from 0 to 3660"),
        ));
    }
    for text in [&p.title, &p.text] {
        words::check(text, at, rulebook, &[])?;
    }
    let variant = ProvisionVariant {
        in_force: p.in_force(),
        test: p.test,
        actions,
        title: p.title.clone(),
        text: p.text.clone(),
        citation: p.citation.clone(),
        days: p.days,
        consult_first: p.consult_first,
        committees: p.committees.clone(),
    };
    Ok((variant, date_at))
}

fn check_doctrine(rulebook: &Rulebook, err: &Err, known: &Known) -> Result<(), Diagnostic> {
    const VIEWS: &[&str] = &["likely", "contested", "unlikely"];
    for entry in &rulebook.doctrine {
        let at = At {
            file: entry.file,
            place: Some(crate::yaml::place(&entry.plaintiff)),
        };
        let who = &entry.plaintiff.value;
        Plaintiff::parse(who).map_err(|e| err(at, format!("doctrine: {e}")))?;
        let standings = std::iter::once(entry.standing.as_str())
            .chain(entry.versions.iter().filter_map(|v| v.standing.as_deref()));
        for standing in standings {
            if !VIEWS.contains(&standing) {
                return Err(err(
                    at,
                    format!(
                        "doctrine for {who}: standing \"{}\" is not likely, contested or unlikely",
                        crate::diag::shorten(standing)
                    ),
                ));
            }
        }
        for p in &entry.precedents {
            known(p, at, &format!("doctrine for {who}"))?;
        }
        words::check(&entry.text, at, rulebook, &[])?;
        check_versions(
            &entry.versions,
            at,
            rulebook,
            known,
            &format!("doctrine for {who}"),
            true,
        )?;
        check_weights(entry, at, err)?;
    }
    for plaintiff in Plaintiff::ALL {
        if rulebook.doctrine_for(*plaintiff).is_none() {
            return Err(err(
                rulebook.at,
                format!("the doctrine table has no entry for {plaintiff}"),
            ));
        }
    }
    check_holdings(rulebook, err, known)
}

/// A doctrine entry's weights (for simulations): known holdings, each 0 or more, adding
/// up to 1.
fn check_weights(entry: &super::DoctrineEntry, at: At, err: &Err) -> Result<(), Diagnostic> {
    let who = &entry.plaintiff.value;
    let mut total = 0.0f64;
    for (holding, weight) in &entry.weights {
        Holding::parse(holding).map_err(|e| err(at, format!("doctrine weights for {who}: {e}")))?;
        if !(weight.is_finite() && *weight >= 0.0) {
            return Err(err(
                at,
                format!(
                    "doctrine weights for {who}: the weight of {holding} is {weight}, not a number 0 or more"
                ),
            ));
        }
        total += weight;
    }
    if !entry.weights.is_empty() && (total - 1.0).abs() > 1e-6 {
        return Err(err(
            at,
            format!("doctrine weights for {who} add up to {total}, not 1"),
        ));
    }
    Ok(())
}

/// The notes on each holding: known names and sources, words that render, one for
/// every holding.
fn check_holdings(rulebook: &Rulebook, err: &Err, known: &Known) -> Result<(), Diagnostic> {
    for (name, note) in &rulebook.holdings {
        Holding::parse(name).map_err(|e| err(rulebook.at, format!("holdings: {e}")))?;
        for p in note.precedents.iter().chain(&note.against) {
            known(p, rulebook.at, &format!("holding {name}"))?;
        }
        words::check(&note.text, rulebook.at, rulebook, &[])?;
        check_versions(
            &note.versions,
            rulebook.at,
            rulebook,
            known,
            &format!("holding {name}"),
            true,
        )?;
    }
    for holding in Holding::ALL {
        if !rulebook.holdings.contains_key(holding.name()) {
            return Err(err(
                rulebook.at,
                format!("`holdings:` has no entry for {holding}"),
            ));
        }
    }
    Ok(())
}

/// Checks a list of versions: dates in order and not overlapping, citations known,
/// templates valid, and (outside doctrine) no doctrine-only keys.
fn check_versions(
    versions: &[VersionFile],
    at: At,
    rulebook: &Rulebook,
    known: &Known,
    context: &str,
    doctrine: bool,
) -> Result<(), Diagnostic> {
    let err = |place: Option<crate::diag::Place>, m: String| {
        located(
            &rulebook.files,
            At {
                file: at.file,
                place: place.or(at.place),
            },
            m,
        )
    };
    for (i, v) in versions.iter().enumerate() {
        let dates = super::dated::Dates {
            from: v.from.clone(),
            until: v.until.clone(),
        };
        dates
            .check()
            .map_err(|m| err(v.place(), format!("{context}: {m}")))?;
        if v.in_force().is_always() {
            return Err(err(
                v.place(),
                format!("{context}: a version needs from: or until: (else write the text itself)"),
            ));
        }
        if let Some(other) = versions[..i]
            .iter()
            .find(|o| o.in_force().overlaps(&v.in_force()))
        {
            return Err(err(
                v.place(),
                format!(
                    "{context}: the version {} overlaps the one {}",
                    v.in_force().describe(),
                    other.in_force().describe()
                ),
            ));
        }
        version_sources_known(v, at, known, context)?;
        for t in [&v.text, &v.label].into_iter().flatten() {
            words::check(t, at, rulebook, &[])?;
        }
        if !doctrine && (v.standing.is_some() || v.precedents.is_some() || v.against.is_some()) {
            return Err(err(
                v.place(),
                format!(
                    "{context}: standing, precedents and against belong to doctrine and holdings"
                ),
            ));
        }
    }
    Ok(())
}

/// A version's citation, precedents and contrary authorities are all under `citations:`.
fn version_sources_known(
    v: &VersionFile,
    at: At,
    known: &Known,
    context: &str,
) -> Result<(), Diagnostic> {
    let at = At {
        file: at.file,
        place: v.place().or(at.place),
    };
    let sources = v.citation.iter().chain(v.precedents.iter().flatten());
    for id in sources.chain(v.against.iter().flatten()) {
        known(id, at, context)?;
    }
    Ok(())
}

fn compile_versions(versions: &[VersionFile]) -> Vec<Version> {
    versions
        .iter()
        .map(|v| Version {
            in_force: v.in_force(),
            label: v.label.clone(),
            text: v.text.clone(),
            citation: v.citation.clone(),
        })
        .collect()
}

fn compile_track(
    kind: TrackKind,
    spec: &super::TrackSpec,
    rulebook: &Rulebook,
    err: &Err,
    known: &Known,
) -> Result<Track, Diagnostic> {
    words::check(&spec.title, spec.at, rulebook, &[])?;
    words::check(&spec.text, spec.at, rulebook, &[])?;
    let mut graph = compile_stages(spec, rulebook, err, known)?;
    let start = graph
        .node_indices()
        .find(|n| graph[*n].id == spec.start)
        .ok_or_else(|| {
            err(
                spec.at,
                format!(
                    "track {}: the start `{}` is not a stage",
                    spec.id, spec.start
                ),
            )
        })?;

    let mut edges: Vec<(NodeIndex, NodeIndex, StepData)> = Vec::new();
    for step in &spec.steps {
        let (from, to, data) = compile_step(kind, spec, step, &graph, rulebook, err, known)?;
        if edges.iter().any(|(_, _, s)| s.id == data.id) {
            let at = At {
                file: step.file,
                place: Some(crate::yaml::place(&step.id)),
            };
            return Err(err(
                at,
                format!("track {}: step `{}` is given twice", spec.id, step.id.value),
            ));
        }
        edges.push((from, to, data));
    }
    for (from, to, data) in edges {
        graph.add_edge(from, to, data);
    }
    check_shape(spec, &graph, start, err)?;
    let mut track = Track {
        kind,
        title: spec.title.clone(),
        text: spec.text.clone(),
        graph,
        start,
        dispatch: Vec::new(),
        dispatch_steps: Vec::new(),
    };
    track.index();
    Ok(track)
}

/// A track's stages, each once, with its citation and words checked.
fn compile_stages(
    spec: &super::TrackSpec,
    rulebook: &Rulebook,
    err: &Err,
    known: &Known,
) -> Result<DiGraph<StageData, StepData>, Diagnostic> {
    let mut graph = DiGraph::new();
    for stage in &spec.stages {
        let at = At {
            file: stage.file,
            place: Some(crate::yaml::place(&stage.id)),
        };
        if graph
            .node_weights()
            .any(|s: &StageData| s.id == stage.id.value)
        {
            return Err(err(
                at,
                format!(
                    "track {}: the stage `{}` is given twice",
                    spec.id, stage.id.value
                ),
            ));
        }
        let context = format!("stage {}.{}", spec.id, stage.id.value);
        known(&stage.citation, at, &context)?;
        words::check(&stage.label, at, rulebook, &[])?;
        words::check(&stage.text, at, rulebook, &[])?;
        check_versions(&stage.versions, at, rulebook, known, &context, false)?;
        graph.add_node(StageData {
            id: stage.id.value.clone(),
            status: stage
                .status
                .clone()
                .unwrap_or_else(|| stage.id.value.clone()),
            label: stage.label.clone(),
            text: stage.text.clone(),
            citation: stage.citation.clone(),
            terminal: stage.terminal,
            versions: compile_versions(&stage.versions),
        });
    }
    Ok(graph)
}

/// One step: the stages it joins, what triggers it, what it requires, and its words.
fn compile_step(
    kind: TrackKind,
    spec: &super::TrackSpec,
    step: &super::StepSpec,
    graph: &DiGraph<StageData, StepData>,
    rulebook: &Rulebook,
    err: &Err,
    known: &Known,
) -> Result<(NodeIndex, NodeIndex, StepData), Diagnostic> {
    let at = At {
        file: step.file,
        place: Some(crate::yaml::place(&step.id)),
    };
    let fail = |m: String| err(at, m);
    let context = format!("track {}: step `{}`", spec.id, step.id.value);
    let find = |id: &str, what: &str| {
        graph
            .node_indices()
            .find(|n| graph[*n].id == id)
            .ok_or_else(|| {
                fail(format!(
                    "{context} goes {what} `{id}`, which is not a stage"
                ))
            })
    };
    let from = find(&step.from, "from")?;
    let to = find(&step.to, "to")?;
    known(&step.citation, at, &context)?;
    words::check(&step.label, at, rulebook, &[])?;
    words::check(&step.text, at, rulebook, &[])?;
    check_versions(&step.versions, at, rulebook, known, &context, false)?;
    let trigger = step_trigger(kind, step, &fail, &context)?;
    let (chamber, vote, outcome) = step_choices(step, &fail, &context)?;
    let requires = step
        .requires
        .iter()
        .map(|r| Requirement::parse(r))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| fail(format!("{context}: {e}")))?;
    let actor = Actor::parse(&step.actor).map_err(|e| fail(format!("{context}: {e}")))?;
    Ok((
        from,
        to,
        StepData {
            id: step.id.value.clone(),
            trigger,
            chamber,
            vote,
            outcome,
            granted: step.granted,
            adjourned: step.adjourned,
            enjoined: step.enjoined,
            requires,
            actor,
            label: step.label.clone(),
            text: step.text.clone(),
            citation: step.citation.clone(),
            versions: compile_versions(&step.versions),
        },
    ))
}

/// What triggers a step: exactly one of an action (of this track) or a timer.
fn step_trigger(
    kind: TrackKind,
    step: &super::StepSpec,
    fail: &dyn Fn(String) -> Diagnostic,
    context: &str,
) -> Result<Trigger, Diagnostic> {
    Ok(match (&step.action, &step.timer) {
        (Some(action), None) => {
            let action = Action::parse(action).map_err(|e| fail(format!("{context}: {e}")))?;
            if !action.tracks().contains(&kind) {
                return Err(fail(format!(
                    "{context}: the action {action} belongs to the track {}",
                    action.track()
                )));
            }
            Trigger::Action(action)
        }
        (None, Some(timer)) => Trigger::Timer(match timer.as_str() {
            "notice_period" => TimerKind::NoticePeriod,
            "return_period" => TimerKind::ReturnPeriod,
            other => {
                return Err(fail(format!(
                    "{context}: unknown timer \"{other}\"; valid: notice_period, return_period"
                )));
            }
        }),
        _ => {
            return Err(fail(format!(
                "{context}: give exactly one of `action:` or `timer:`"
            )));
        }
    })
}

/// Which chamber a step is for, which vote decides it, and whether that vote carries.
#[allow(clippy::type_complexity)]
fn step_choices(
    step: &super::StepSpec,
    fail: &dyn Fn(String) -> Diagnostic,
    context: &str,
) -> Result<(Option<ChamberSelector>, Option<VoteKind>, Option<bool>), Diagnostic> {
    let chamber = match step.chamber.as_deref() {
        None => None,
        Some("house") => Some(ChamberSelector::House),
        Some("senate") => Some(ChamberSelector::Senate),
        Some("origin") => Some(ChamberSelector::Origin),
        Some("other") => Some(ChamberSelector::Other),
        Some(other) => {
            return Err(fail(format!(
                "{context}: chamber \"{other}\" is not house, senate, origin or other"
            )));
        }
    };
    let vote = step
        .vote
        .as_deref()
        .map(VoteKind::parse)
        .transpose()
        .map_err(|e| fail(format!("{context}: {e}")))?;
    let outcome = match step.outcome.as_deref() {
        None => None,
        Some("carries") => Some(true),
        Some("fails") => Some(false),
        Some(other) => {
            return Err(fail(format!(
                "{context}: outcome \"{other}\" is not carries or fails"
            )));
        }
    };
    if outcome.is_some() && vote.is_none() {
        return Err(fail(format!("{context}: an `outcome:` needs a `vote:`")));
    }
    Ok((chamber, vote, outcome))
}

/// The track's shape the engine relies on: every stage reachable from the start, no
/// step out of a terminal stage, and no two steps from one stage that could both apply.
fn check_shape(
    spec: &super::TrackSpec,
    graph: &DiGraph<StageData, StepData>,
    start: NodeIndex,
    err: &Err,
) -> Result<(), Diagnostic> {
    // Every stage can be reached from the start.
    let mut reached = vec![false; graph.node_count()];
    let mut dfs = Dfs::new(graph, start);
    while let Some(node) = dfs.next(graph) {
        reached[node.index()] = true;
    }
    if let Some(node) = graph.node_indices().find(|n| !reached[n.index()]) {
        return Err(err(
            spec.at,
            format!(
                "track {}: the stage `{}` cannot be reached from `{}`",
                spec.id, graph[node].id, spec.start
            ),
        ));
    }
    // Terminal stages have no way out; the engine relies on it.
    for node in graph.node_indices() {
        if graph[node].terminal && graph.edges(node).next().is_some() {
            return Err(err(
                spec.at,
                format!(
                    "track {}: the stage `{}` is terminal but has steps out of it",
                    spec.id, graph[node].id
                ),
            ));
        }
    }
    // No two steps from one stage may both apply to the same event.
    for node in graph.node_indices() {
        let out: Vec<_> = graph.edges(node).collect();
        for (i, a) in out.iter().enumerate() {
            for b in &out[i + 1..] {
                if overlap(a.weight(), b.weight()) {
                    return Err(err(
                        spec.at,
                        format!(
                            "track {}: the steps `{}` and `{}` both apply at `{}`; tell them apart by chamber, outcome, granted, adjourned or enjoined",
                            spec.id,
                            a.weight().id,
                            b.weight().id,
                            graph[node].id
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Whether two steps from one stage could both match one event.
fn overlap(a: &StepData, b: &StepData) -> bool {
    fn differ<T: PartialEq>(x: Option<T>, y: Option<T>) -> bool {
        matches!((x, y), (Some(x), Some(y)) if x != y)
    }
    let chambers_differ = match (a.chamber, b.chamber) {
        (Some(x), Some(y)) => {
            use ChamberSelector::*;
            matches!(
                (x, y),
                (House, Senate) | (Senate, House) | (Origin, Other) | (Other, Origin)
            )
        }
        _ => false,
    };
    a.trigger == b.trigger
        && !chambers_differ
        && !differ(a.outcome, b.outcome)
        && !differ(a.granted, b.granted)
        && !differ(a.adjourned, b.adjourned)
        && !differ(a.enjoined, b.enjoined)
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::*;

    fn with_track_edit(
        edit: impl FnOnce(&mut super::super::TrackSpec),
    ) -> Result<Procedure, String> {
        let mut rulebook = read("us-nato-2024", 0).unwrap();
        let bill = rulebook.tracks.iter_mut().find(|t| t.id == "bill").unwrap();
        edit(bill);
        Procedure::compile(rulebook).map_err(|d| d.message)
    }

    fn step<'a>(t: &'a mut super::super::TrackSpec, id: &str) -> &'a mut super::super::StepSpec {
        t.steps.iter_mut().find(|s| s.id.value == id).unwrap()
    }

    #[test]
    fn a_step_to_an_unknown_stage_is_refused() {
        let err = with_track_edit(|t| t.steps[0].to = "limbo".into()).unwrap_err();
        assert!(err.contains("limbo"), "{err}");
    }

    #[test]
    fn an_uncited_step_is_refused() {
        let err = with_track_edit(|t| t.steps[0].citation = "nowhere".into()).unwrap_err();
        assert!(err.contains("nowhere"), "{err}");
    }

    #[test]
    fn an_unreachable_stage_is_refused() {
        let err = with_track_edit(|t| t.steps.retain(|s| s.id.value != "pocket_veto")).unwrap_err();
        assert!(err.contains("pocket_vetoed"), "{err}");
        assert!(err.contains("cannot be reached"), "{err}");
    }

    #[test]
    fn ambiguous_steps_are_refused() {
        let err = with_track_edit(|t| step(t, "house_fails").outcome = None).unwrap_err();
        assert!(err.contains("both apply"), "{err}");
    }

    #[test]
    fn an_unknown_placeholder_is_refused() {
        let err =
            with_track_edit(|t| step(t, "sign").text = "Within {ten_days}.".into()).unwrap_err();
        assert!(err.contains("{ten_days}"), "{err}");
    }

    #[test]
    fn every_stage_and_step_is_cited() {
        let p = crate::rulebook::load("us-nato-2024").unwrap();
        for track in &p.tracks {
            for stage in track.graph.node_weights() {
                assert!(p.rulebook.citations.contains_key(&stage.citation));
            }
            for step in track.graph.edge_weights() {
                assert!(p.rulebook.citations.contains_key(&step.citation));
                assert!(!step.text.is_empty());
            }
        }
    }
}
/// A set of provisions by index into `Procedure::provisions` (a rulebook has at most
/// [`ProvisionSet::CAPACITY`]); copying it never allocates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ProvisionSet(u32);

impl ProvisionSet {
    pub const CAPACITY: usize = 32;

    pub fn insert(&mut self, provision: usize) {
        self.0 |= 1 << provision;
    }
    pub fn contains(self, provision: usize) -> bool {
        provision < Self::CAPACITY && self.0 & (1 << provision) != 0
    }
    pub fn union(self, other: ProvisionSet) -> ProvisionSet {
        ProvisionSet(self.0 | other.0)
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The provisions in rulebook order.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..Self::CAPACITY).filter(move |i| self.contains(*i))
    }
}
