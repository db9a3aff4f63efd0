//! Checking a run against a scenario's `expect:` block, as `treatysim test` does.
//!
//! `bills` and `cases` check only the ids listed (an id that does not exist is a
//! mismatch); `violations` compares as a set. Each mismatch names the trace step where
//! the story went another way (for lawfulness, the first breach; otherwise the step that
//! decided the value), with the reason: the vote's arithmetic, the provisions breached,
//! the doctrine a ruling rests on, or the clock stopping before a notice took effect. The
//! classroom exercises are graded with exactly this.

use std::collections::BTreeSet;

use crate::engine::{Run, TraceStep};
use crate::rulebook::{Procedure, VoteKind};
use crate::scenario::{Expect, Scenario};
use crate::vocab::TrackKind;

/// One expectation that the run did not meet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The key: "treaty", "bills.hr-5", ...
    pub key: String,
    pub expected: String,
    pub got: String,
    /// The trace step where the story went another way, explained in one line.
    pub decided_by: Option<String>,
    /// Why, in a few lines: vote arithmetic, provisions breached, doctrine, a hint.
    pub why: Vec<String>,
}

/// Compares a run with what the scenario expects.
pub fn check(p: &Procedure, s: &Scenario, expect: &Expect, run: &Run) -> Vec<Mismatch> {
    let mut c = Checker {
        p,
        s,
        run,
        explained: crate::report::explain(p, s, run),
        seen: Vec::new(),
        out: Vec::new(),
    };
    c.treaty_and_lawfulness(expect);
    c.enjoined(expect);
    c.bills_and_cases(expect);
    c.doctrine(expect);
    c.out
}

/// The comparison in progress: what was run, explained, and the mismatches found.
struct Checker<'a> {
    p: &'a Procedure,
    s: &'a Scenario,
    run: &'a Run,
    explained: Vec<crate::report::Explained>,
    /// Steps already explained: a second mismatch at the same step only points back.
    seen: Vec<(usize, bool)>,
    out: Vec<Mismatch>,
}

impl<'a> Checker<'a> {
    /// One key compared: on a mismatch, the step where the story went another way
    /// (explained once), why, and a hint.
    fn compare(
        &mut self,
        key: String,
        expected: String,
        got: String,
        step: Option<&'a TraceStep>,
        hint: Option<String>,
    ) {
        if expected == got {
            return;
        }
        let lawfulness = key == "lawful" || key == "violations";
        let index = step.and_then(|t| self.run.trace.iter().position(|u| std::ptr::eq(u, t)));
        let mut why = Vec::new();
        let decided_by = match index {
            Some(i) if self.seen.contains(&(i, lawfulness)) => {
                let line = step
                    .and_then(|t| t.event)
                    .map(|e| format!(" (line {})", self.s.events[e].place.line))
                    .unwrap_or_default();
                Some(format!("the same step as above{line}"))
            }
            Some(i) => {
                self.seen.push((i, lawfulness));
                let e = &self.explained[i];
                why.extend(e.arithmetic.iter().cloned());
                if lawfulness {
                    why.extend(
                        e.violations
                            .iter()
                            .map(|(id, text)| format!("✗ {id}: {text}")),
                    );
                    // A consent vote that fell short before the breach is the usual reason.
                    for (t, x) in self.run.trace[..i].iter().zip(&self.explained) {
                        if t.track == TrackKind::Consent
                            && t.from == t.to
                            && matches!(t.vote, Some((VoteKind::Consent, _)))
                            && let (Some(arithmetic), Some(event)) = (&x.arithmetic, t.event)
                        {
                            why.push(format!(
                            "the Senate's consent vote on {} (line {}) did not carry: {arithmetic}",
                            t.date, self.s.events[event].place.line
                        ));
                        }
                    }
                }
                why.extend(e.doctrine.iter().cloned());
                step.map(|t| describe_step(self.p, self.s, t))
            }
            None => None,
        };
        why.extend(hint);
        self.out.push(Mismatch {
            key,
            expected,
            got,
            decided_by,
            why,
        });
    }
    /// The treaty's status and the day withdrawal took effect, decided by the last step
    /// of the treaty (or a ruling); lawfulness and violations, by the first breach.
    fn treaty_and_lawfulness(&mut self, expect: &Expect) {
        let (p, s, run) = (self.p, self.s, self.run);
        let o = &run.outcome;
        let treaty_step = run.trace.iter().rev().find(|t| {
            matches!(t.track, TrackKind::Treaty | TrackKind::Suspension)
                || s.events
                    .get(t.event.unwrap_or(usize::MAX))
                    .is_some_and(|e| e.action == crate::vocab::Action::Rule)
        });
        let hint = treaty_hint(p, run, treaty_step.is_some());
        if let Some(treaty) = expect.treaty {
            self.compare(
                "treaty".into(),
                treaty.to_string(),
                o.treaty.to_string(),
                treaty_step,
                hint.clone(),
            );
        }
        if let Some(date) = expect.effective_on {
            self.compare(
                "effective_on".into(),
                date.to_string(),
                o.effective_on
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "none (not withdrawn)".into()),
                treaty_step,
                hint,
            );
        }
        // Where lawfulness went another way: the first breach, else the last vote or act
        // that authorized.
        let violation_step = run
            .trace
            .iter()
            .find(|t| !t.violations.is_empty())
            .or_else(|| {
                run.trace
                    .iter()
                    .rev()
                    .find(|t| t.track == TrackKind::Consent)
            })
            .or(treaty_step);
        if let Some(lawful) = expect.lawful {
            self.compare(
                "lawful".into(),
                lawful.to_string(),
                o.lawful.to_string(),
                violation_step,
                None,
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
            self.compare(
                "violations".into(),
                list(&want),
                list(&got),
                violation_step,
                None,
            );
        }
    }

    /// Whether an injunction stands, decided by the last step of a case.
    fn enjoined(&mut self, expect: &Expect) {
        let run = self.run;
        let o = &run.outcome;
        if let Some(enjoined) = expect.enjoined {
            let step = run.trace.iter().rev().find(|t| t.track == TrackKind::Case);
            // An unlawful holding with no `remedy:` only declares the act unlawful.
            let no_remedy = self.s.events.iter().find(|e| {
                matches!(
                    e.args,
                    crate::scenario::Args::Rule {
                        holding: crate::vocab::Holding::Unlawful,
                        remedy: crate::vocab::Remedy::None,
                        ..
                    }
                )
            });
            let hint = match (enjoined && !o.enjoined, step, no_remedy) {
                (true, None, _) => Some("an injunction comes from a court: a plaintiff with standing files a suit (`do: file_suit`) and the court rules `holding: unlawful, remedy: injunction`".to_string()),
                (true, Some(_), Some(e)) => Some(format!(
                    "the ruling on line {} holds the act unlawful but gives no `remedy:`, so it orders nothing; add `remedy: injunction` for an order against the withdrawal",
                    e.place.line
                )),
                _ => None,
            };
            self.compare(
                "enjoined".into(),
                enjoined.to_string(),
                o.enjoined.to_string(),
                step,
                hint,
            );
        }
    }

    /// Each bill's and case's status, decided by the step that settled it.
    fn bills_and_cases(&mut self, expect: &Expect) {
        let (p, s, run) = (self.p, self.s, self.run);
        let o = &run.outcome;
        for (id, status) in &expect.bills {
            let index = s.bills.iter().position(|b| &b.id == id);
            let got = index
                .and_then(|i| o.bills.get(i))
                .map(|(_, st)| st.clone())
                .unwrap_or_else(|| "no such bill".into());
            let step =
                index.and_then(|i| crate::report::deciding_step(run, TrackKind::Bill, Some(i)));
            let hint = bill_hint(p, run.outcome.end, &got, id);
            self.compare(format!("bills.{id}"), status.clone(), got, step, hint);
        }
        for (id, status) in &expect.cases {
            let index = s.cases.iter().position(|c| &c.id == id);
            let got = index
                .and_then(|i| o.cases.get(i))
                .map(|(_, st)| st.clone())
                .unwrap_or_else(|| "no such case".into());
            let step =
                index.and_then(|i| crate::report::deciding_step(run, TrackKind::Case, Some(i)));
            let hint = (got == "no such case").then(|| {
                format!(
                    "no case is filed as {id}: file it with `do: file_suit, case: {id}` and a plaintiff"
                )
            });
            self.compare(format!("cases.{id}"), status.clone(), got, step, hint);
        }
    }

    /// Whether every ruling fits the rulebook's expected view of standing.
    fn doctrine(&mut self, expect: &Expect) {
        let (p, s, run) = (self.p, self.s, self.run);
        if let Some(wanted) = expect.doctrine {
            use crate::report::StandingView;
            use crate::vocab::DoctrineExpectation;
            // The first ruling that departs from the expected view of standing, if any.
            let departing = run.trace.iter().find(|t| {
                let Some(event) = t.event.map(|e| &s.events[e]) else {
                    return false;
                };
                match event.args {
                    crate::scenario::Args::Rule { case, holding, .. } => {
                        crate::report::standing_view(p, s.cases[case].plaintiff, holding, t.date)
                            == Some(StandingView::Departs)
                    }
                    _ => false,
                }
            });
            let got = if departing.is_some() {
                DoctrineExpectation::Departed
            } else {
                DoctrineExpectation::Followed
            };
            let hint = (wanted == DoctrineExpectation::Followed && departing.is_some()).then(|| {
                "the ruling finds standing for a plaintiff who is unlikely to have it, or denies it to one who likely has it: who could sue instead?".to_string()
            });
            self.compare(
                "doctrine".into(),
                wanted.to_string(),
                got.to_string(),
                departing,
                hint,
            );
        }
    }
}

/// What a bill that stopped at `status` still needs (for statuses no vote explains).
fn bill_hint(p: &Procedure, date: jiff::civil::Date, status: &str, id: &str) -> Option<String> {
    Some(match status {
        "no such bill" => format!("no bill is introduced as {id}: introduce it with `do: introduce, bill: {id}`, a chamber and a purpose"),
        "introduced" | "passed_house" | "passed_senate" => "both chambers must pass the bill in the same form (`do: vote` in each; in the Senate, with the filibuster, a successful `cloture_vote` first)".into(),
        "passed_both" => "the bill must be presented to the President (`do: present`)".into(),
        "presented" => p.message("hint_presented", date, &[]),
        "vetoed" => p.message("hint_vetoed", date, &[]),
        _ => return None,
    })
}

/// Why the treaty did not get further, when the reason is not in any one step.
fn treaty_hint(p: &Procedure, run: &Run, moved: bool) -> Option<String> {
    let o = &run.outcome;
    if !moved {
        return Some(
            "nothing moved the treaty: a withdrawal starts with an event `do: give_notice`".into(),
        );
    }
    if o.revoked_by_order {
        return Some(
            "an injunction standing when the notice period ended ordered the officials to revoke the notice, and they did: a new notice would be needed"
                .into(),
        );
    }
    match o.notice_due {
        Some(due) if due > o.end => Some(p.message(
            "hint_notice_due",
            o.end,
            &[("due", &due.to_string()), ("end", &o.end.to_string())],
        )),
        _ => None,
    }
}

/// A step in the words a reader meets in `run`: "2027-09-01, The treaty: Party to the
/// treaty → Notice pending, by “give notice” (line 39): The President gives notice ...".
fn describe_step(p: &Procedure, s: &Scenario, t: &TraceStep) -> String {
    let track = p.track(t.track);
    let step = &track.graph[t.edge];
    let day = p.law_date(t.date);
    let name = match (t.track, t.instance) {
        (TrackKind::Bill, Some(i)) => format!("bill {}", s.bills[i].id),
        (TrackKind::Case, Some(i)) => format!("case {}", s.cases[i].id),
        _ => track.title.clone(),
    };
    let line = t
        .event
        .map(|i| format!(" (line {})", s.events[i].place.line))
        .unwrap_or_default();
    let (from, to) = (&track.graph[t.from], &track.graph[t.to]);
    let moved = if t.from == t.to {
        p.render(from.label_on(day), t.date)
    } else {
        format!(
            "{} → {}",
            p.render(from.label_on(day), t.date),
            p.render(to.label_on(day), t.date)
        )
    };
    format!(
        "{}, {name}: {moved}, by “{}”{line}: {}",
        t.date,
        p.render(step.label_on(day), t.date),
        p.render(step.text_on(day), t.date).trim()
    )
}

/// What an exercise hands out and a student must keep: its `expect:` block, its setup,
/// clock and rulebook, and its events (a student only adds events).
pub struct Exercise {
    file: String,
    kept: Vec<(&'static str, serde_json::Value)>,
    events: Vec<serde_json::Value>,
}

/// The keys an answer must keep as the exercise has them.
const KEPT: [&str; 4] = ["expect", "setup", "until", "rulebook"];

impl Exercise {
    /// Reads an exercise (a scenario file) as plain data, comments and layout aside.
    pub fn new(
        file: &str,
        text: &std::sync::Arc<str>,
    ) -> Result<Exercise, crate::diag::Diagnostic> {
        let value: serde_json::Value = crate::yaml::from_str(file, text)?;
        Ok(Exercise {
            file: file.to_string(),
            kept: KEPT.iter().map(|k| (*k, value[*k].clone())).collect(),
            events: value["events"].as_array().cloned().unwrap_or_default(),
        })
    }

    /// How an answer departs from the exercise: a changed key, or a given event removed
    /// or changed. An answer that parsed as a scenario parses here too.
    pub fn check(&self, answer: &Scenario) -> Vec<Mismatch> {
        let Ok(value) = crate::yaml::from_str::<serde_json::Value>(&answer.file, &answer.source)
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (key, given) in &self.kept {
            if &value[*key] != given {
                out.push(Mismatch {
                    key: "exercise".into(),
                    expected: format!("`{key}:` as in {}", self.file),
                    got: format!("`{key}:` changed"),
                    decided_by: None,
                    why: vec![format!(
                        "the exercise is graded against its own `{key}:`; copy it back from {}",
                        self.file
                    )],
                });
            }
        }
        // The given events, in order, among the answer's.
        let mut rest = value["events"].as_array().into_iter().flatten();
        for event in &self.events {
            if !rest.any(|e| e == event) {
                let shown = serde_json::to_string(event).unwrap_or_default();
                out.push(Mismatch {
                    key: "exercise".into(),
                    expected: format!("the event {shown}"),
                    got: "removed, changed or moved".into(),
                    decided_by: None,
                    why: vec![format!(
                        "the events the exercise gives must stay as they are, in order; add yours around them ({})",
                        self.file
                    )],
                });
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{rulebook, scenario};

    #[test]
    fn every_scenario_and_worked_example_in_process() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        for dir in [
            "scenarios",
            "tests/acceptance/pass",
            "tests/acceptance/reject",
        ] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .collect();
            files.sort();
            for path in files {
                let name = path.display().to_string();
                let loaded = scenario::load(&path);
                if dir.ends_with("reject") {
                    let refused = match loaded {
                        Err(_) => true,
                        Ok(s) => {
                            let id = s.rulebook.as_ref().map_or(rulebook::DEFAULT_ID, |r| &r.0);
                            crate::engine::run(&rulebook::load(id).unwrap(), &s).is_err()
                        }
                    };
                    assert!(refused, "{name} was not refused");
                    checked += 1;
                    continue;
                }
                let s = loaded.unwrap_or_else(|e| panic!("{}", e.render(false)));
                if s.is_uncertain() {
                    continue;
                }
                let id = s.rulebook.as_ref().map_or(rulebook::DEFAULT_ID, |r| &r.0);
                let p = rulebook::load(id).unwrap();
                let r =
                    crate::engine::run(&p, &s).unwrap_or_else(|e| panic!("{name}: {}", e.message));
                let expect = s
                    .expect
                    .as_ref()
                    .unwrap_or_else(|| panic!("{name}: no expect"));
                let misses = check(&p, &s, expect, &r);
                assert!(misses.is_empty(), "{name}: {misses:?}");
                checked += 1;
            }
        }
        assert!(checked >= 45, "only {checked} files");
    }
}
