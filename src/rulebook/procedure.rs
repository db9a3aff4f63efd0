//! The compiled form of a rulebook: one petgraph graph per track, with every name
//! resolved to an index or an enum, checked once so that the engine never looks up a
//! string while it runs.

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::{Dfs, EdgeRef};

use super::{Parameters, ProvisionTest, Rulebook};
use crate::threshold::Threshold;
use crate::vocab::{Action, Actor, Holding, Plaintiff, TrackKind, Word};

/// What fires a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trigger {
    /// A scenario event.
    Action(Action),
    /// A period running out.
    Timer(TimerKind),
    /// A state reached by another track (an injunction lifted).
    InjunctionLifted,
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
    pub fn threshold(self, parameters: &Parameters) -> &Threshold {
        match self {
            VoteKind::Consent => &parameters.consent,
            VoteKind::Passage => &parameters.passage,
            VoteKind::Cloture => &parameters.cloture,
            VoteKind::Override => &parameters.override_,
            VoteKind::SuitResolution => &parameters.suit_resolution,
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
    /// With `setup.filibuster`, a Senate passage vote needs cloture invoked first.
    Cloture,
    /// A chamber (or Congress) sues only when its resolution directs counsel to.
    PlaintiffAuthorized,
    /// The treaty has not been left.
    TreatyInForce,
}

impl Requirement {
    fn parse(text: &str) -> Result<Self, String> {
        Ok(match text {
            "cloture" => Requirement::Cloture,
            "plaintiff_authorized" => Requirement::PlaintiffAuthorized,
            "treaty_in_force" => Requirement::TreatyInForce,
            other => {
                return Err(format!(
                    "unknown requirement \"{other}\"; valid: cloture, plaintiff_authorized, treaty_in_force"
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
        }
    }
}

/// A node of a track's graph.
#[derive(Clone, Debug)]
pub struct StageData {
    pub id: String,
    /// What outputs report (usually the id).
    pub status: String,
    pub label: String,
    pub text: String,
    pub citation: String,
    pub terminal: bool,
}

/// An edge of a track's graph.
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
}

impl StepData {
    /// When the step applies, in words: the chamber, the vote and its threshold, the
    /// state of Congress or the courts, and what it requires. Empty when unconditional.
    pub fn conditions(&self, parameters: &Parameters) -> String {
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
            let threshold = vote.threshold(parameters).describe(members);
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
                    "Congress adjourned"
                } else {
                    "Congress in session"
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
    /// How many trigger slots there are: each action, each timer, an injunction lifted.
    pub const SLOTS: usize = Action::ALL.len() + 3;

    /// This trigger's slot in [`Track`]'s dispatch table.
    pub fn slot(self) -> usize {
        match self {
            Trigger::Action(a) => a as usize,
            Trigger::Timer(TimerKind::NoticePeriod) => Action::ALL.len(),
            Trigger::Timer(TimerKind::ReturnPeriod) => Action::ALL.len() + 1,
            Trigger::InjunctionLifted => Action::ALL.len() + 2,
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
    pub notice_pending: NodeIndex,
    pub withdrawn: NodeIndex,
    pub suspended: NodeIndex,
    pub consented: NodeIndex,
    pub adjourned: NodeIndex,
    pub bill_enacted: NodeIndex,
}

/// A provision with its actions resolved.
#[derive(Clone, Debug)]
pub struct CompiledProvision {
    pub id: String,
    pub test: ProvisionTest,
    pub actions: Vec<Action>,
}

/// A rulebook compiled for running.
#[derive(Clone, Debug)]
pub struct Procedure {
    pub rulebook: Rulebook,
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

    /// Checks a rulebook and builds its graphs. The message names the first problem.
    pub fn compile(rulebook: Rulebook) -> Result<Procedure, String> {
        let known_citation = |id: &str, context: &str| -> Result<(), String> {
            if rulebook.citations.contains_key(id) {
                Ok(())
            } else {
                Err(format!(
                    "{context} cites \"{id}\", which is not under `citations:`"
                ))
            }
        };
        check_parameters(&rulebook.parameters)?;
        for (name, citation) in &rulebook.parameters.sources {
            known_citation(citation, &format!("parameter {name}"))?;
        }

        let mut tracks = Vec::new();
        for kind in TrackKind::ALL {
            let specs: Vec<_> = rulebook
                .tracks
                .iter()
                .filter(|t| t.id == kind.name())
                .collect();
            let spec = match specs.as_slice() {
                [one] => *one,
                [] => return Err(format!("there is no track `{}`", kind.name())),
                _ => return Err(format!("the track `{}` is given twice", kind.name())),
            };
            tracks.push(compile_track(*kind, spec, &known_citation)?);
        }
        for spec in &rulebook.tracks {
            TrackKind::parse(&spec.id).map_err(|e| format!("{e}; {}", TrackKind::valid_list()))?;
        }

        let role = |kind: TrackKind, id: &str| -> Result<NodeIndex, String> {
            tracks[kind as usize]
                .stage(id)
                .ok_or_else(|| format!("the track `{}` needs a stage `{id}`", kind.name()))
        };
        let roles = Roles {
            notice_pending: role(TrackKind::Treaty, "notice_pending")?,
            withdrawn: role(TrackKind::Treaty, "withdrawn")?,
            suspended: role(TrackKind::Suspension, "suspended")?,
            consented: role(TrackKind::Consent, "consented")?,
            adjourned: role(TrackKind::Congress, "adjourned")?,
            bill_enacted: role(TrackKind::Bill, "enacted")?,
        };
        let bill = &tracks[TrackKind::Bill as usize];
        for status in BILL_STATUSES {
            if !bill.graph.node_weights().any(|s| s.status == *status) {
                return Err(format!("the bill track has no stage reporting `{status}`"));
            }
        }
        for stage in bill.graph.node_weights() {
            if stage.id != bill.graph[bill.start].id
                && !BILL_STATUSES.contains(&stage.status.as_str())
            {
                return Err(format!(
                    "the bill stage `{}` reports `{}`, which is not a bill status ({})",
                    stage.id,
                    stage.status,
                    BILL_STATUSES.join(", ")
                ));
            }
        }

        if rulebook.provisions.len() > crate::engine::ProvisionSet::CAPACITY {
            return Err(format!(
                "a rulebook may have at most {} provisions",
                crate::engine::ProvisionSet::CAPACITY
            ));
        }
        let mut provisions = Vec::new();
        for p in &rulebook.provisions {
            known_citation(&p.citation, &format!("provision {}", p.id))?;
            if provisions.iter().any(|c: &CompiledProvision| c.id == p.id) {
                return Err(format!("the provision {} is given twice", p.id));
            }
            let actions = p
                .actions
                .iter()
                .map(|a| Action::parse(a))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| format!("provision {}: {e}", p.id))?;
            provisions.push(CompiledProvision {
                id: p.id.clone(),
                test: p.test,
                actions,
            });
        }

        for entry in &rulebook.doctrine {
            Plaintiff::parse(&entry.plaintiff).map_err(|e| format!("doctrine: {e}"))?;
            if !["likely", "contested", "unlikely"].contains(&entry.standing.as_str()) {
                return Err(format!(
                    "doctrine for {}: standing \"{}\" is not likely, contested or unlikely",
                    entry.plaintiff, entry.standing
                ));
            }
            for p in &entry.precedents {
                known_citation(p, &format!("doctrine for {}", entry.plaintiff))?;
            }
            let mut total = 0.0;
            for (holding, weight) in &entry.weights {
                Holding::parse(holding)
                    .map_err(|e| format!("doctrine weights for {}: {e}", entry.plaintiff))?;
                if !(weight.is_finite() && *weight >= 0.0) {
                    return Err(format!(
                        "doctrine weights for {}: the weight of {holding} is {weight}, not a number 0 or more",
                        entry.plaintiff
                    ));
                }
                total += weight;
            }
            if !entry.weights.is_empty() && (total - 1.0).abs() > 1e-6 {
                return Err(format!(
                    "doctrine weights for {} add up to {total}, not 1",
                    entry.plaintiff
                ));
            }
        }
        for plaintiff in Plaintiff::ALL {
            if !rulebook
                .doctrine
                .iter()
                .any(|d| d.plaintiff == plaintiff.name())
            {
                return Err(format!("the doctrine table has no entry for {plaintiff}"));
            }
        }
        for (name, note) in &rulebook.holdings {
            Holding::parse(name).map_err(|e| format!("holdings: {e}"))?;
            for p in &note.precedents {
                known_citation(p, &format!("holding {name}"))?;
            }
        }
        for holding in Holding::ALL {
            if !rulebook.holdings.contains_key(holding.name()) {
                return Err(format!("`holdings:` has no entry for {holding}"));
            }
        }
        for property in &rulebook.properties {
            known_citation(&property.citation, &format!("property {}", property.id))?;
            if let Some(id) = &property.provision
                && !rulebook.provisions.iter().any(|p| &p.id == id)
            {
                return Err(format!(
                    "property {} names the provision {id}, which is not under `provisions:`",
                    property.id
                ));
            }
        }
        for entry in &rulebook.glossary {
            known_citation(
                &entry.citation,
                &format!("glossary entry \"{}\"", entry.term),
            )?;
        }

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
            tracks,
            roles,
            provisions,
            governing,
        })
    }
}

fn check_parameters(p: &Parameters) -> Result<(), String> {
    if !(1..=100).contains(&p.notice_period_years) {
        return Err(format!(
            "notice_period_years is {}; it must be from 1 to 100",
            p.notice_period_years
        ));
    }
    if !(1..=366).contains(&p.return_days) {
        return Err(format!(
            "return_days is {}; it must be from 1 to 366",
            p.return_days
        ));
    }
    if !(0..=3660).contains(&p.committee_notice_days) {
        return Err(format!(
            "committee_notice_days is {}; it must be from 0 to 3660",
            p.committee_notice_days
        ));
    }
    const NAMES: &[&str] = &[
        "limitation_in_force",
        "consent",
        "passage",
        "cloture",
        "override",
        "suit_resolution",
        "notice_period_years",
        "return_days",
        "committee_notice_days",
    ];
    for name in p.sources.keys() {
        if !NAMES.contains(&name.as_str()) {
            return Err(format!(
                "`sources:` names \"{name}\", which is not a parameter"
            ));
        }
    }
    Ok(())
}

fn compile_track(
    kind: TrackKind,
    spec: &super::TrackSpec,
    known_citation: &dyn Fn(&str, &str) -> Result<(), String>,
) -> Result<Track, String> {
    let mut graph = DiGraph::new();
    for stage in &spec.stages {
        if graph.node_weights().any(|s: &StageData| s.id == stage.id) {
            return Err(format!(
                "track {}: the stage `{}` is given twice",
                spec.id, stage.id
            ));
        }
        known_citation(&stage.citation, &format!("stage {}.{}", spec.id, stage.id))?;
        graph.add_node(StageData {
            id: stage.id.clone(),
            status: stage.status.clone().unwrap_or_else(|| stage.id.clone()),
            label: stage.label.clone(),
            text: stage.text.clone(),
            citation: stage.citation.clone(),
            terminal: stage.terminal,
        });
    }
    let find = |id: &str, what: &str, step: &str| {
        graph
            .node_indices()
            .find(|n| graph[*n].id == id)
            .ok_or_else(|| {
                format!(
                    "track {}: step `{step}` goes {what} `{id}`, which is not a stage",
                    spec.id
                )
            })
    };
    let start = graph
        .node_indices()
        .find(|n| graph[*n].id == spec.start)
        .ok_or_else(|| {
            format!(
                "track {}: the start `{}` is not a stage",
                spec.id, spec.start
            )
        })?;

    let mut edges = Vec::new();
    for step in &spec.steps {
        let context = format!("track {}: step `{}`", spec.id, step.id);
        let from = find(&step.from, "from", &step.id)?;
        let to = find(&step.to, "to", &step.id)?;
        known_citation(&step.citation, &context)?;
        let trigger = match (&step.action, &step.timer, &step.condition) {
            (Some(action), None, None) => {
                let action = Action::parse(action).map_err(|e| format!("{context}: {e}"))?;
                if action.track() != kind {
                    return Err(format!(
                        "{context}: the action {action} belongs to the track {}",
                        action.track()
                    ));
                }
                Trigger::Action(action)
            }
            (None, Some(timer), None) => Trigger::Timer(match timer.as_str() {
                "notice_period" => TimerKind::NoticePeriod,
                "return_period" => TimerKind::ReturnPeriod,
                other => {
                    return Err(format!(
                        "{context}: unknown timer \"{other}\"; valid: notice_period, return_period"
                    ));
                }
            }),
            (None, None, Some(condition)) if condition == "injunction_lifted" => {
                Trigger::InjunctionLifted
            }
            (None, None, Some(other)) => {
                return Err(format!(
                    "{context}: unknown condition \"{other}\"; valid: injunction_lifted"
                ));
            }
            _ => {
                return Err(format!(
                    "{context}: give exactly one of `action:`, `timer:` or `condition:`"
                ));
            }
        };
        let chamber = match step.chamber.as_deref() {
            None => None,
            Some("house") => Some(ChamberSelector::House),
            Some("senate") => Some(ChamberSelector::Senate),
            Some("origin") => Some(ChamberSelector::Origin),
            Some("other") => Some(ChamberSelector::Other),
            Some(other) => {
                return Err(format!(
                    "{context}: chamber \"{other}\" is not house, senate, origin or other"
                ));
            }
        };
        let vote = step
            .vote
            .as_deref()
            .map(VoteKind::parse)
            .transpose()
            .map_err(|e| format!("{context}: {e}"))?;
        let outcome = match step.outcome.as_deref() {
            None => None,
            Some("carries") => Some(true),
            Some("fails") => Some(false),
            Some(other) => {
                return Err(format!(
                    "{context}: outcome \"{other}\" is not carries or fails"
                ));
            }
        };
        if outcome.is_some() && vote.is_none() {
            return Err(format!("{context}: an `outcome:` needs a `vote:`"));
        }
        let requires = step
            .requires
            .iter()
            .map(|r| Requirement::parse(r))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("{context}: {e}"))?;
        let actor = Actor::parse(&step.actor).map_err(|e| format!("{context}: {e}"))?;
        if edges
            .iter()
            .any(|(_, _, s): &(NodeIndex, NodeIndex, StepData)| s.id == step.id)
        {
            return Err(format!("{context} is given twice"));
        }
        edges.push((
            from,
            to,
            StepData {
                id: step.id.clone(),
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
            },
        ));
    }
    for (from, to, data) in edges {
        graph.add_edge(from, to, data);
    }

    // Every stage can be reached from the start.
    let mut reached = vec![false; graph.node_count()];
    let mut dfs = Dfs::new(&graph, start);
    while let Some(node) = dfs.next(&graph) {
        reached[node.index()] = true;
    }
    if let Some(node) = graph.node_indices().find(|n| !reached[n.index()]) {
        return Err(format!(
            "track {}: the stage `{}` cannot be reached from `{}`",
            spec.id, graph[node].id, spec.start
        ));
    }
    // Terminal stages have no way out; the engine relies on it.
    for node in graph.node_indices() {
        if graph[node].terminal && graph.edges(node).next().is_some() {
            return Err(format!(
                "track {}: the stage `{}` is terminal but has steps out of it",
                spec.id, graph[node].id
            ));
        }
    }
    // No two steps from one stage may both apply to the same event.
    for node in graph.node_indices() {
        let out: Vec<_> = graph.edges(node).collect();
        for (i, a) in out.iter().enumerate() {
            for b in &out[i + 1..] {
                if overlap(a.weight(), b.weight()) {
                    return Err(format!(
                        "track {}: the steps `{}` and `{}` both apply at `{}`; tell them apart by chamber, outcome, granted, adjourned or enjoined",
                        spec.id,
                        a.weight().id,
                        b.weight().id,
                        graph[node].id
                    ));
                }
            }
        }
    }
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
        Procedure::compile(rulebook)
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
        let err = with_track_edit(|t| t.steps.retain(|s| s.id != "pocket_veto")).unwrap_err();
        assert!(err.contains("pocket_vetoed"), "{err}");
        assert!(err.contains("cannot be reached"), "{err}");
    }

    #[test]
    fn ambiguous_steps_are_refused() {
        let err = with_track_edit(|t| {
            let step = t.steps.iter_mut().find(|s| s.id == "house_fails").unwrap();
            step.outcome = None;
        })
        .unwrap_err();
        assert!(err.contains("both apply"), "{err}");
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
