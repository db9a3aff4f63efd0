//! Checking a run against a scenario's `expect:` block, as `treatysim test` does.
//!
//! `bills` and `cases` check only the ids listed (an id that does not exist is a
//! mismatch); `violations` compares as a set. Each mismatch names the trace step that
//! decided the value, so a student sees where the story went another way.

use std::collections::BTreeSet;

use crate::engine::{Run, TraceStep};
use crate::rulebook::Procedure;
use crate::scenario::{Expect, Scenario};
use crate::vocab::{TrackKind, Word};

/// One expectation that the run did not meet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The key: "treaty", "bills.hr-5", ...
    pub key: String,
    pub expected: String,
    pub got: String,
    /// The trace step that decided the value, explained in one line.
    pub decided_by: Option<String>,
}

/// Compares a run with what the scenario expects.
pub fn check(p: &Procedure, s: &Scenario, expect: &Expect, run: &Run) -> Vec<Mismatch> {
    let o = &run.outcome;
    let mut out = Vec::new();
    let describe = |step: Option<&TraceStep>| step.map(|t| describe_step(p, s, t));
    let mut compare = |key: String, expected: String, got: String, step: Option<&TraceStep>| {
        if expected != got {
            out.push(Mismatch {
                key,
                expected,
                got,
                decided_by: describe(step),
            });
        }
    };
    let treaty_step = run.trace.iter().rev().find(|t| {
        matches!(t.track, TrackKind::Treaty | TrackKind::Suspension)
            || s.events
                .get(t.event.unwrap_or(usize::MAX))
                .is_some_and(|e| e.action == crate::vocab::Action::Rule)
    });
    if let Some(treaty) = expect.treaty {
        compare(
            "treaty".into(),
            treaty.to_string(),
            o.treaty.to_string(),
            treaty_step,
        );
    }
    if let Some(date) = expect.effective_on {
        compare(
            "effective_on".into(),
            date.to_string(),
            o.effective_on
                .map(|d| d.to_string())
                .unwrap_or_else(|| "none (not withdrawn)".into()),
            treaty_step,
        );
    }
    // What decided lawfulness: the last breach, else the last vote or act that authorized.
    let violation_step = run
        .trace
        .iter()
        .rev()
        .find(|t| !t.violations.is_empty())
        .or_else(|| {
            run.trace
                .iter()
                .rev()
                .find(|t| t.track == TrackKind::Consent)
        })
        .or(treaty_step);
    if let Some(lawful) = expect.lawful {
        compare(
            "lawful".into(),
            lawful.to_string(),
            o.lawful.to_string(),
            violation_step,
        );
    }
    if let Some(enjoined) = expect.enjoined {
        let step = run.trace.iter().rev().find(|t| t.track == TrackKind::Case);
        compare(
            "enjoined".into(),
            enjoined.to_string(),
            o.enjoined.to_string(),
            step,
        );
    }
    if let Some(violations) = &expect.violations {
        let want: BTreeSet<&str> = violations.iter().map(String::as_str).collect();
        let got: BTreeSet<&str> = o.violations.iter().map(String::as_str).collect();
        let list = |set: &BTreeSet<&str>| {
            if set.is_empty() {
                "[]".to_string()
            } else {
                format!("[{}]", set.iter().copied().collect::<Vec<_>>().join(", "))
            }
        };
        compare("violations".into(), list(&want), list(&got), violation_step);
    }
    for (id, status) in &expect.bills {
        let index = s.bills.iter().position(|b| &b.id == id);
        let got = index
            .and_then(|i| o.bills.get(i))
            .map(|(_, st)| st.clone())
            .unwrap_or_else(|| "no such bill".into());
        let step = index.and_then(|i| crate::report::deciding_step(run, TrackKind::Bill, Some(i)));
        compare(format!("bills.{id}"), status.clone(), got, step);
    }
    for (id, status) in &expect.cases {
        let index = s.cases.iter().position(|c| &c.id == id);
        let got = index
            .and_then(|i| o.cases.get(i))
            .map(|(_, st)| st.clone())
            .unwrap_or_else(|| "no such case".into());
        let step = index.and_then(|i| crate::report::deciding_step(run, TrackKind::Case, Some(i)));
        compare(format!("cases.{id}"), status.clone(), got, step);
    }
    out
}

fn describe_step(p: &Procedure, s: &Scenario, t: &TraceStep) -> String {
    let track = p.track(t.track);
    let step = &track.graph[t.edge];
    let name = match (t.track, t.instance) {
        (TrackKind::Bill, Some(i)) => format!("bill {}", s.bills[i].id),
        (TrackKind::Case, Some(i)) => format!("case {}", s.cases[i].id),
        (kind, _) => kind.name().to_string(),
    };
    let line = t
        .event
        .map(|i| format!(" (line {})", s.events[i].place.line))
        .unwrap_or_default();
    format!(
        "{} {name}: {} → {} by `{}`{line}: {}",
        t.date,
        track.graph[t.from].id,
        track.graph[t.to].id,
        step.id,
        step.text.trim()
    )
}
