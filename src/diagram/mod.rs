//! Procedure diagrams drawn from the compiled rulebook, the same data the engine runs.
//!
//! [`build`] turns a [`Procedure`] (and, optionally, a run of a scenario) into a small
//! drawing model: one cluster per track, its stages as nodes, its steps as edges (steps
//! between the same two stages share one edge with a line each; steps that stay on a
//! stage are listed inside its box), and the links between tracks that the law makes
//! (consent or an Act authorizes a notice; an injunction holds it; an adjournment makes a
//! pocket veto). The writers ([`dot`], [`mermaid`], [`svg`]) only draw that model.

pub mod dot;
pub mod layout;
pub mod mermaid;
pub mod svg;

use jiff::civil::Date;
use petgraph::graph::EdgeIndex;
use petgraph::visit::EdgeRef;

use crate::engine::Run;
use crate::rulebook::citation_text;
use crate::rulebook::{ChamberSelector, Procedure, ProvisionTest, Requirement, StepData, Trigger};
use crate::scenario::Scenario;
use crate::threshold::{Rule, Threshold};
use crate::vocab::{Action, TrackKind, Word};

/// The output formats of `treatysim diagram`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Dot,
    Mermaid,
    Svg,
}

/// A whole drawing.
#[derive(Clone, Debug)]
pub struct Diagram {
    pub title: String,
    /// The rulebook's id, for captions.
    pub rulebook: String,
    pub clusters: Vec<Cluster>,
    pub links: Vec<Link>,
    /// Whether a scenario's path is drawn (the rest is then greyed).
    pub has_path: bool,
}

/// One track.
#[derive(Clone, Debug)]
pub struct Cluster {
    pub kind: TrackKind,
    pub title: String,
    pub text: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// A stage.
#[derive(Clone, Debug)]
pub struct Node {
    /// "treaty.notice_pending": unique in the diagram.
    pub key: String,
    pub id: String,
    pub label: String,
    pub text: String,
    pub citation: String,
    pub start: bool,
    pub terminal: bool,
    /// Steps that stay on this stage.
    pub loops: Vec<Line>,
    /// The scenario's run reached this stage.
    pub reached: bool,
}

/// The steps from one stage to another.
#[derive(Clone, Debug)]
pub struct Edge {
    /// Indices into the cluster's nodes.
    pub from: usize,
    pub to: usize,
    pub lines: Vec<Line>,
}

impl Edge {
    pub fn taken(&self) -> bool {
        self.lines.iter().any(|l| !l.taken.is_empty())
    }
    pub fn violated(&self) -> bool {
        self.lines.iter().any(|l| !l.violations.is_empty())
    }
}

/// One step of the rulebook, as drawn.
#[derive(Clone, Debug)]
pub struct Line {
    pub step: String,
    /// The action or timer: "give notice", "1 year after notice".
    pub label: String,
    /// Its threshold and requirements, short: "2/3 of those voting".
    pub condition: Option<String>,
    /// The rulebook's sentence, for tooltips and the report.
    pub text: String,
    pub citation: String,
    /// Each time the run took it: its number in the trace and its date.
    pub taken: Vec<Taken>,
    /// Provisions breached when the run took it.
    pub violations: Vec<String>,
}

impl Line {
    /// The label and condition in one phrase.
    pub fn phrase(&self) -> String {
        match &self.condition {
            Some(c) => format!("{} ({c})", self.label),
            None => self.label.clone(),
        }
    }
    /// "1 · 2027-01-20" for each time taken.
    pub fn taken_text(&self) -> String {
        self.taken
            .iter()
            .map(|t| t.caption())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A step taken by the run.
#[derive(Clone, Debug)]
pub struct Taken {
    pub number: usize,
    pub date: String,
    /// The bill or case, when the scenario has several.
    pub instance: Option<String>,
}

impl Taken {
    pub fn caption(&self) -> String {
        match &self.instance {
            Some(i) => format!("{} · {} · {i}", self.number, self.date),
            None => format!("{} · {}", self.number, self.date),
        }
    }
}

/// A condition one track sets on another.
#[derive(Clone, Debug)]
pub struct Link {
    /// The stage, or the track as a whole when `None`.
    pub from: (usize, Option<usize>),
    /// The stage the conditioned step leads to.
    pub to: (usize, usize),
    pub label: String,
    pub citation: String,
}

/// Which clusters to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Only {
    All,
    Track(TrackKind),
}

/// Builds the drawing model. With a run, the steps it took are numbered and dated.
pub fn build(p: &Procedure, only: Only, path: Option<(&Scenario, &Run)>) -> Diagram {
    // The law drawn: as of the end of the scenario's run, or as it now stands.
    let date = path.map_or_else(|| p.now(), |(_, run)| run.outcome.end);
    let day = p.law_date(date);
    let say = |template: &str| p.render(template, date);
    let cite = |id: &str| citation_text(p.rulebook.citations.get(id), id);
    let mut clusters = Vec::new();
    for track in &p.tracks {
        let g = &track.graph;
        let mut nodes: Vec<Node> = g
            .node_indices()
            .map(|n| {
                let s = &g[n];
                Node {
                    key: format!("{}.{}", track.kind.name(), s.id),
                    id: s.id.clone(),
                    label: say(s.label_on(day)),
                    text: say(s.text_on(day)),
                    citation: cite(s.citation_on(day)),
                    start: n == track.start,
                    terminal: s.terminal,
                    loops: Vec::new(),
                    reached: false,
                }
            })
            .collect();
        let mut edges: Vec<Edge> = Vec::new();
        for e in g.edge_references() {
            let line = line_of(p, e.weight(), &cite, date);
            let (from, to) = (e.source().index(), e.target().index());
            if from == to {
                nodes[from].loops.push(line);
            } else if let Some(edge) = edges.iter_mut().find(|x| x.from == from && x.to == to) {
                edge.lines.push(line);
            } else {
                edges.push(Edge {
                    from,
                    to,
                    lines: vec![line],
                });
            }
        }
        clusters.push(Cluster {
            kind: track.kind,
            title: say(&track.title),
            text: say(&track.text),
            nodes,
            edges,
        });
    }
    let mut links = links(p, date);
    if let Some((scenario, run)) = path {
        mark_path(p, &mut clusters, scenario, run);
    }
    if let Only::Track(kind) = only {
        let keep = kind as usize;
        clusters = vec![clusters.swap_remove(keep)];
        links.clear();
    }
    Diagram {
        title: p.rulebook.title.clone(),
        rulebook: p.rulebook.id.clone(),
        clusters,
        links,
        has_path: path.is_some(),
    }
}

fn line_of(p: &Procedure, step: &StepData, cite: &dyn Fn(&str) -> String, date: Date) -> Line {
    let day = p.law_date(date);
    let mut parts = Vec::new();
    if let Some(vote) = step.vote {
        let members = if step.chamber == Some(ChamberSelector::House) {
            "members"
        } else {
            "senators"
        };
        let short = short_threshold(p.threshold(vote, date), members);
        parts.push(match step.outcome {
            Some(false) => format!("short of {short}"),
            _ => short,
        });
    }
    for r in &step.requires {
        parts.push(match r {
            Requirement::Cloture => "after cloture, if filibustered".to_string(),
            Requirement::PlaintiffAuthorized => "a chamber needs its resolution".to_string(),
            Requirement::TreatyInForce => "while the treaty binds".to_string(),
            Requirement::InSession => "while Congress sits".to_string(),
            Requirement::NoticeAllowed => "when the treaty allows notice".to_string(),
        });
    }
    if let Trigger::Action(action) = step.trigger {
        for provision in &p.provisions {
            let Some(version) = provision.on(day) else {
                continue;
            };
            if version.actions.contains(&action) {
                parts.push(match version.test {
                    ProvisionTest::Unauthorized => {
                        format!("lawful only with consent or an Act: {}", provision.id)
                    }
                    ProvisionTest::CommitteeNotice => format!(
                        "{} days' notice to committees: {}",
                        version
                            .days
                            .unwrap_or(*p.rulebook.parameters.committee_notice_days.at(day)),
                        provision.id
                    ),
                });
            }
        }
    }
    Line {
        step: step.id.clone(),
        label: p.render(step.label_on(day), date),
        condition: (!parts.is_empty()).then(|| parts.join("; ")),
        text: p.render(step.text_on(day), date),
        citation: cite(step.citation_on(day)),
        taken: Vec::new(),
        violations: Vec::new(),
    }
}

/// A threshold in the fewest words: "2/3 of those voting", "3/5 of senators sworn".
pub fn short_threshold(t: &Threshold, members: &str) -> String {
    match t.rule {
        Rule::Majority => "majority of those voting".to_string(),
        Rule::FractionOfVoting { num, den } => format!("{num}/{den} of those voting"),
        Rule::FractionOfSworn { num, den } => format!("{num}/{den} of {members} sworn"),
        Rule::AtLeast { count } => format!("at least {count} yeas"),
    }
}

/// The conditions one track sets on another, read from the compiled rulebook: the
/// provisions an unauthorized act breaches (consent or an enacted Act authorizes it),
/// steps that wait on an injunction, steps that need Congress adjourned, and suits that
/// need a chamber's resolution.
fn links(p: &Procedure, date: Date) -> Vec<Link> {
    let mut links = Vec::new();
    let day = p.law_date(date);
    let track_of = |kind: TrackKind| kind as usize;
    let cite = |id: &str| citation_text(p.rulebook.citations.get(id), id);
    for provision in &p.provisions {
        let Some(version) = provision.on(day) else {
            continue;
        };
        if version.test != ProvisionTest::Unauthorized {
            continue;
        }
        for (kind, step) in steps_for(p, &version.actions) {
            let to = (
                track_of(kind),
                p.track(kind).graph.edge_endpoints(step).unwrap().1,
            );
            let label = p.render(p.track(kind).graph[step].label_on(day), date);
            let citation = cite(&version.citation);
            for (source, by) in [
                ((track_of(TrackKind::Consent), p.roles.consented), "consent"),
                (
                    (track_of(TrackKind::Bill), p.roles.bill_enacted),
                    "an enacted Act",
                ),
            ] {
                links.push(Link {
                    from: (source.0, Some(source.1.index())),
                    to: (to.0, to.1.index()),
                    label: format!("{by} authorizes \"{label}\" under {}", provision.id),
                    citation: citation.clone(),
                });
            }
        }
    }
    for track in &p.tracks {
        for e in track.graph.edge_references() {
            let step = e.weight();
            let to = (track_of(track.kind), e.target().index());
            let waits_on_court = step.enjoined == Some(true);
            if waits_on_court && !links.iter().any(|l| l.to == to && l.from.1.is_none()) {
                links.push(Link {
                    from: (track_of(TrackKind::Case), None),
                    to,
                    label: "an injunction obeyed when the period ends revokes the notice"
                        .to_string(),
                    citation: cite(step.citation_on(day)),
                });
            }
            if step.adjourned == Some(true) {
                links.push(Link {
                    from: (
                        track_of(TrackKind::Congress),
                        Some(p.roles.adjourned.index()),
                    ),
                    to,
                    label: format!(
                        "adjournment makes \"{}\"",
                        p.render(step.label_on(day), date)
                    ),
                    citation: cite(step.citation_on(day)),
                });
            }
            if step.requires.contains(&Requirement::PlaintiffAuthorized) {
                links.push(Link {
                    from: (track_of(TrackKind::Congress), None),
                    to,
                    label: "a chamber sues only after its resolution to sue".to_string(),
                    citation: cite(step.citation_on(day)),
                });
            }
        }
    }
    links
}

/// Every step taken by one of these actions.
fn steps_for(p: &Procedure, actions: &[Action]) -> Vec<(TrackKind, EdgeIndex)> {
    let mut found = Vec::new();
    for track in &p.tracks {
        for e in track.graph.edge_references() {
            if let Trigger::Action(a) = e.weight().trigger
                && actions.contains(&a)
                && e.source() != e.target()
            {
                found.push((track.kind, e.id()));
            }
        }
    }
    found
}

/// Numbers and dates the steps a run took, marks violations and the stages reached.
fn mark_path(p: &Procedure, clusters: &mut [Cluster], scenario: &Scenario, run: &Run) {
    for (c, track) in clusters.iter_mut().zip(&p.tracks) {
        let start = track.start.index();
        let used = run.trace.iter().any(|t| t.track == track.kind);
        // A track a run never touched stays where it started; say so only if it matters.
        if used || !matches!(track.kind, TrackKind::Bill | TrackKind::Case) {
            c.nodes[start].reached = true;
        }
    }
    for (i, step) in run.trace.iter().enumerate() {
        let track = p.track(step.track);
        let cluster = &mut clusters[step.track as usize];
        let instance = step.instance.and_then(|k| match step.track {
            TrackKind::Bill if scenario.bills.len() > 1 => {
                scenario.bills.get(k).map(|b| b.id.clone())
            }
            TrackKind::Case if scenario.cases.len() > 1 => {
                scenario.cases.get(k).map(|c| c.id.clone())
            }
            _ => None,
        });
        let taken = Taken {
            number: i + 1,
            date: step.date.to_string(),
            instance,
        };
        let step_id = &track.graph[step.edge].id;
        let violations: Vec<String> = step
            .violations
            .iter()
            .filter_map(|k| p.provisions.get(k).map(|x| x.id.clone()))
            .collect();
        let (from, to) = (step.from.index(), step.to.index());
        cluster.nodes[from].reached = true;
        cluster.nodes[to].reached = true;
        let line = if from == to {
            cluster.nodes[from]
                .loops
                .iter_mut()
                .find(|l| &l.step == step_id)
        } else {
            cluster
                .edges
                .iter_mut()
                .flat_map(|e| e.lines.iter_mut())
                .find(|l| &l.step == step_id)
        };
        if let Some(line) = line {
            line.taken.push(taken);
            for v in violations {
                if !line.violations.contains(&v) {
                    line.violations.push(v);
                }
            }
        }
    }
}
