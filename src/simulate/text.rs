//! The ensemble for a person (aligned text) and for a machine (JSON). Neither says how
//! many threads ran or how long it took (that goes to stderr), so the output is
//! byte-identical whatever `--threads` is.

use serde_json::{Value, json};

use super::stats::{Interval, quantile_dates, wilson};
use super::{Ensemble, replay};
use crate::diag::thousands;
use crate::report::Style;
use crate::rulebook::Procedure;
use crate::scenario::Scenario;
use crate::vocab::{Holding, TrackKind, TreatyStatus, Word};

/// How many paths and inputs the text shows (JSON has all inputs and 10 paths).
const TOP: usize = 5;
const JSON_PATHS: usize = 10;
/// A bucket needs this many trials before its shares are compared.
const MIN_BUCKET: u64 = 30;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn interval_text(i: &Interval) -> (String, String) {
    (pct(i.share), format!("{} – {}", pct(i.low), pct(i.high)))
}

fn interval_json(i: &Interval) -> Value {
    json!({ "trials": i.count, "share": i.share, "ci95": [i.low, i.high] })
}

/// One row of a table of shares.
struct Row {
    label: String,
    interval: Interval,
}

/// The rows of the outcome tables, in order, under their headings.
fn sections(p: &Procedure, s: &Scenario, e: &Ensemble) -> Vec<(String, Vec<Row>)> {
    let c = &e.counts;
    let n = c.trials;
    let end = s
        .until
        .map(|d| format!("Treaty at the end ({d})"))
        .unwrap_or_else(|| "Treaty at the end".to_string());
    let mut out = Vec::new();
    out.push((
        end,
        TreatyStatus::ALL
            .iter()
            .map(|t| Row {
                label: t.name().replace('_', " "),
                interval: wilson(c.treaty[*t as usize], n),
            })
            .collect(),
    ));
    let mut law = vec![Row {
        label: "lawful: no violation stands".into(),
        interval: wilson(c.lawful, n),
    }];
    for (k, provision) in p.provisions.iter().enumerate() {
        law.push(Row {
            label: format!("{} violated", provision.id),
            interval: wilson(c.violations[k], n),
        });
    }
    if c.set_aside > 0 {
        law.push(Row {
            label: "the statute held invalid, breaches set aside".into(),
            interval: wilson(c.set_aside, n),
        });
    }
    law.push(Row {
        label: "an injunction in force at the end".into(),
        interval: wilson(c.enjoined, n),
    });
    out.push(("The law".into(), law));
    let bill_graph = &p.track(TrackKind::Bill).graph;
    for (i, bill) in s.bills.iter().enumerate() {
        let rows = bill_graph
            .node_indices()
            .filter(|stage| c.bills[i][stage.index()] > 0)
            .map(|stage| Row {
                label: bill_graph[stage].status.replace('_', " "),
                interval: wilson(c.bills[i][stage.index()], n),
            })
            .collect();
        out.push((format!("Bill {}", bill.id), rows));
    }
    for (i, case) in s.cases.iter().enumerate() {
        let mut rows = Vec::new();
        for slot in 0..Holding::ALL.len() + 2 {
            let k = c.cases[i][slot];
            if k == 0 {
                continue;
            }
            let label = case_status(slot).replace('_', " ");
            rows.push(Row {
                label,
                interval: wilson(k, n),
            });
        }
        out.push((format!("Case {} ({})", case.id, case.plaintiff), rows));
    }
    out
}

/// A case's status by its slot in [`super::Counts::cases`].
fn case_status(slot: usize) -> String {
    match slot {
        0 => "not_filed".to_string(),
        1 => "pending".to_string(),
        k => Holding::ALL[k - 2].name().to_string(),
    }
}

/// A path as the steps it takes, by their labels.
fn path_steps(p: &Procedure, s: &Scenario, e: &Ensemble, first_trial: u64) -> Vec<String> {
    replay(p, s, &e.plan, e.seed, first_trial)
        .iter()
        .map(|t| {
            let step = &p.track(t.track).graph[t.edge];
            let label = p.render(step.label_on(p.law_date(t.date)), t.date);
            match (t.track, t.instance) {
                (TrackKind::Bill, Some(i)) if s.bills.len() > 1 => {
                    format!("{label} ({})", s.bills[i].id)
                }
                (TrackKind::Case, Some(i)) if s.cases.len() > 1 => {
                    format!("{label} ({})", s.cases[i].id)
                }
                _ => label.clone(),
            }
        })
        .collect()
}

/// Paths by frequency, then by the first trial that took them (deterministic).
fn ranked_paths(e: &Ensemble) -> Vec<(u64, u64)> {
    let mut paths: Vec<(u64, u64)> = e.counts.paths.values().copied().collect();
    paths.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    paths
}

/// What one input's buckets did to the outcome.
struct Effect {
    input: usize,
    /// (bucket label, trials, withdrawn share, lawful share) for buckets with enough trials.
    buckets: Vec<(String, u64, f64, f64)>,
    spread: f64,
    /// Which share the spread is of: "withdrawn" or "lawful".
    share: &'static str,
}

fn effects(e: &Ensemble) -> Vec<Effect> {
    let mut out: Vec<Effect> = e
        .counts
        .by_input
        .iter()
        .enumerate()
        .map(|(input, buckets)| {
            let shown: Vec<(String, u64, f64, f64)> = buckets
                .iter()
                .enumerate()
                .filter(|(_, b)| b[0] >= MIN_BUCKET)
                .map(|(k, b)| {
                    let n = b[0] as f64;
                    (
                        e.plan.buckets[input][k].clone(),
                        b[0],
                        b[1] as f64 / n,
                        b[2] as f64 / n,
                    )
                })
                .collect();
            let spread_of = |f: fn(&(String, u64, f64, f64)) -> f64| {
                let values = shown.iter().map(f);
                let max = values.clone().fold(f64::NEG_INFINITY, f64::max);
                let min = values.fold(f64::INFINITY, f64::min);
                if shown.len() >= 2 { max - min } else { 0.0 }
            };
            let (withdrawn, lawful) = (spread_of(|b| b.2), spread_of(|b| b.3));
            let (spread, share) = if lawful > withdrawn {
                (lawful, "lawful")
            } else {
                (withdrawn, "withdrawn")
            };
            Effect {
                input,
                buckets: shown,
                spread,
                share,
            }
        })
        .collect();
    out.sort_by(|a, b| b.spread.total_cmp(&a.spread).then(a.input.cmp(&b.input)));
    out
}

fn input_title(s: &Scenario, input: usize) -> String {
    let e = &s.events[s.inputs[input].event];
    format!("line {}: {} on {}", e.place.line, e.action, e.date)
}

/// The ensemble as aligned text.
pub fn to_text(p: &Procedure, s: &Scenario, e: &Ensemble, style: Style) -> String {
    let mut out = String::new();
    for section in [
        text_inputs,
        text_shares,
        text_when,
        text_paths,
        text_effects,
        text_missed,
    ] {
        section(&mut out, p, s, e, style);
    }
    out
}

/// The title, the rulebook, trials and seed, and the uncertain inputs.
fn text_inputs(out: &mut String, p: &Procedure, s: &Scenario, e: &Ensemble, style: Style) {
    let c = &e.counts;
    let bold = |t: &str| style.bold(t);
    out.push_str(&bold(&format!("Simulation: {}", s.title)));
    out.push('\n');
    out.push_str(&style.dim(&format!(
        "rulebook {}; {} trials; seed {}",
        p.rulebook.id,
        thousands(c.trials),
        e.seed
    )));
    out.push('\n');
    if e.partial {
        out.push_str(&format!(
            "PARTIAL: stopped after {} of {} trials\n",
            thousands(c.trials),
            thousands(e.requested)
        ));
    }
    out.push('\n');
    out.push_str(&bold(&format!("Uncertain inputs ({})", s.inputs.len())));
    out.push('\n');
    if s.inputs.is_empty() {
        out.push_str("  none: every trial is the same\n");
    }
    for (k, input) in s.inputs.iter().enumerate() {
        let lead = format!("  {:<40}  ", input_title(s, k));
        crate::wrap::push_row(out, &lead, &input.kind.describe(), "      ", style.width);
    }
}

/// The shares of each outcome with their 95% intervals, aligned across sections.
fn text_shares(out: &mut String, p: &Procedure, s: &Scenario, e: &Ensemble, style: Style) {
    let bold = |t: &str| style.bold(t);
    let sections = sections(p, s, e);
    let width = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|r| r.label.chars().count()))
        .max()
        .unwrap_or(10)
        .max(24);
    for (heading, rows) in &sections {
        out.push('\n');
        out.push_str(&bold(&format!(
            "{:<w$}  {:>6}  95% interval",
            heading,
            "share",
            w = width + 2
        )));
        out.push('\n');
        for row in rows {
            let (share, interval) = interval_text(&row.interval);
            out.push_str(&format!(
                "  {:<width$}  {:>6}  {}\n",
                row.label, share, interval
            ));
        }
    }
}

/// When withdrawal took effect: its quantiles over the trials where it did.
fn text_when(out: &mut String, _p: &Procedure, _s: &Scenario, e: &Ensemble, style: Style) {
    let c = &e.counts;
    let bold = |t: &str| style.bold(t);
    let withdrawn: u64 = c.effective.values().sum();
    out.push('\n');
    out.push_str(&bold(&format!(
        "When withdrawal took effect ({} of trials)",
        pct(withdrawn as f64 / c.trials.max(1) as f64)
    )));
    out.push('\n');
    if withdrawn == 0 {
        out.push_str("  in no trial\n");
    } else {
        let q = |x: f64| {
            quantile_dates(&c.effective, x)
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        let earliest = c
            .effective
            .keys()
            .next()
            .map(|d| d.to_string())
            .unwrap_or_default();
        let latest = c
            .effective
            .keys()
            .next_back()
            .map(|d| d.to_string())
            .unwrap_or_default();
        // Each figure with its date stays whole; the line breaks between them.
        let figures = [
            format!("earliest\u{a0}{earliest}"),
            format!("5%\u{a0}{}", q(0.05)),
            format!("25%\u{a0}{}", q(0.25)),
            format!("median\u{a0}{}", q(0.5)),
            format!("75%\u{a0}{}", q(0.75)),
            format!("95%\u{a0}{}", q(0.95)),
            format!("latest\u{a0}{latest}"),
        ];
        let mut line = String::new();
        crate::wrap::push(&mut line, &figures.join("   "), "  ", style.width);
        out.push_str(&line.replace('\u{a0}', " "));
    }
}

/// The most frequent paths, each with its share.
fn text_paths(out: &mut String, p: &Procedure, s: &Scenario, e: &Ensemble, style: Style) {
    let c = &e.counts;
    let bold = |t: &str| style.bold(t);
    let paths = ranked_paths(e);
    out.push('\n');
    out.push_str(&bold(&format!(
        "Most frequent paths ({} distinct)",
        thousands(paths.len() as u64)
    )));
    out.push('\n');
    for (rank, (count, first)) in paths.iter().take(TOP).enumerate() {
        let steps = path_steps(p, s, e, *first);
        let text = if steps.is_empty() {
            "no step taken".to_string()
        } else {
            steps.join(" → ")
        };
        let lead = format!(
            "  {}. {:>6}  ",
            rank + 1,
            pct(*count as f64 / c.trials as f64)
        );
        crate::wrap::push_row(out, &lead, &text, "     ", style.width);
    }
}

/// The inputs that move the outcome most, with the shares for each of their values.
fn text_effects(out: &mut String, _p: &Procedure, s: &Scenario, e: &Ensemble, style: Style) {
    let bold = |t: &str| style.bold(t);
    out.push('\n');
    out.push_str(&bold("What moves the outcome most"));
    out.push('\n');
    crate::wrap::push(
        out,
        "(the chances, windows and weights are this scenario's assumptions, not forecasts)",
        "  ",
        style.width,
    );
    let effects = effects(e);
    if effects.is_empty() {
        out.push_str("  nothing is uncertain\n");
    }
    for (rank, effect) in effects.iter().take(TOP).enumerate() {
        let said = format!(
            "{} ({}): spread {:.1} points in the share {}",
            input_title(s, effect.input),
            s.inputs[effect.input].kind.describe(),
            effect.spread * 100.0,
            effect.share
        );
        crate::wrap::push_hanging(
            out,
            &said,
            &format!("  {}. ", rank + 1),
            "     ",
            style.width,
        );
        for (label, trials, withdrawn, lawful) in &effect.buckets {
            out.push_str(&format!(
                "       if {}: withdrawn {}, lawful {}  ({} trials)\n",
                label.replace('_', " "),
                pct(*withdrawn),
                pct(*lawful),
                thousands(*trials)
            ));
        }
    }
}

/// The events that did not happen in every trial: not drawn, or no longer possible.
fn text_missed(out: &mut String, _p: &Procedure, s: &Scenario, e: &Ensemble, style: Style) {
    let c = &e.counts;
    let bold = |t: &str| style.bold(t);
    let missed: Vec<usize> = (0..s.events.len())
        .filter(|&i| c.happened[i] < c.trials || c.skipped[i] > 0)
        .collect();
    if !missed.is_empty() {
        out.push('\n');
        out.push_str(&bold("Events that did not happen in every trial"));
        out.push('\n');
        for i in missed {
            let ev = &s.events[i];
            let not_drawn = c.trials - c.happened[i];
            let said = format!(
                "line {}: {} on {}: not drawn in {}, could not happen in {}",
                ev.place.line,
                ev.action,
                ev.date,
                pct(not_drawn as f64 / c.trials as f64),
                pct(c.skipped[i] as f64 / c.trials as f64)
            );
            crate::wrap::push_hanging(out, &said, "  ", "    ", style.width);
        }
    }
}

/// The ensemble as JSON (`format_version` 1).
/// Long because: it is one JSON document written as the literal it produces, key by key
/// in the order docs/json-output.md documents them.
pub fn to_json(p: &Procedure, s: &Scenario, e: &Ensemble) -> Value {
    let c = &e.counts;
    let n = c.trials;
    let inputs: Vec<Value> = s
        .inputs
        .iter()
        .map(|i| {
            let ev = &s.events[i.event];
            json!({
                "line": ev.place.line,
                "event": i.event,
                "action": ev.action.name(),
                "date": ev.date.to_string(),
                "draws": i.kind.describe(),
            })
        })
        .collect();
    let treaty: serde_json::Map<String, Value> = TreatyStatus::ALL
        .iter()
        .map(|t| {
            (
                t.name().to_string(),
                interval_json(&wilson(c.treaty[*t as usize], n)),
            )
        })
        .collect();
    let violations: serde_json::Map<String, Value> = p
        .provisions
        .iter()
        .enumerate()
        .map(|(k, pr)| (pr.id.clone(), interval_json(&wilson(c.violations[k], n))))
        .collect();
    let bill_graph = &p.track(TrackKind::Bill).graph;
    let bills: serde_json::Map<String, Value> = s
        .bills
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let statuses: serde_json::Map<String, Value> = bill_graph
                .node_indices()
                .filter(|st| c.bills[i][st.index()] > 0)
                .map(|st| {
                    (
                        bill_graph[st].status.clone(),
                        interval_json(&wilson(c.bills[i][st.index()], n)),
                    )
                })
                .collect();
            (b.id.clone(), Value::Object(statuses))
        })
        .collect();
    let cases: serde_json::Map<String, Value> = s
        .cases
        .iter()
        .enumerate()
        .map(|(i, case)| {
            let mut statuses = serde_json::Map::new();
            for slot in 0..Holding::ALL.len() + 2 {
                let k = c.cases[i][slot];
                if k > 0 {
                    statuses.insert(case_status(slot), interval_json(&wilson(k, n)));
                }
            }
            (case.id.clone(), Value::Object(statuses))
        })
        .collect();
    let withdrawn: u64 = c.effective.values().sum();
    let quantiles: serde_json::Map<String, Value> = [0.05, 0.25, 0.5, 0.75, 0.95]
        .iter()
        .map(|q| {
            (
                format!("{q}"),
                quantile_dates(&c.effective, *q)
                    .map(|d| Value::String(d.to_string()))
                    .unwrap_or(Value::Null),
            )
        })
        .collect();
    let paths: Vec<Value> = ranked_paths(e)
        .iter()
        .take(JSON_PATHS)
        .map(|(count, first)| {
            json!({
                "trials": count,
                "share": *count as f64 / n.max(1) as f64,
                "first_trial": first,
                "steps": path_steps(p, s, e, *first),
            })
        })
        .collect();
    let sensitivity: Vec<Value> = effects(e)
        .iter()
        .map(|effect| {
            json!({
                "input": effect.input,
                "line": s.events[s.inputs[effect.input].event].place.line,
                "spread": effect.spread,
                "buckets": effect.buckets.iter().map(|(label, trials, w, l)| json!({
                    "value": label, "trials": trials, "withdrawn": w, "lawful": l,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let events: Vec<Value> = s
        .events
        .iter()
        .enumerate()
        .map(|(i, ev)| {
            json!({
                "line": ev.place.line,
                "action": ev.action.name(),
                "happened": c.happened[i] - c.skipped[i],
                "not_drawn": c.trials - c.happened[i],
                "could_not_happen": c.skipped[i],
            })
        })
        .collect();
    json!({
        "format_version": crate::report::json::FORMAT_VERSION,
        "kind": "simulation",
        "file": s.file,
        "title": s.title,
        "rulebook": p.rulebook.id,
        "seed": e.seed,
        "trials": n,
        "requested": e.requested,
        "partial": e.partial,
        "inputs": inputs,
        "treaty": treaty,
        "lawful": interval_json(&wilson(c.lawful, n)),
        "violations": violations,
        "set_aside": interval_json(&wilson(c.set_aside, n)),
        "enjoined": interval_json(&wilson(c.enjoined, n)),
        "bills": bills,
        "cases": cases,
        "effective_on": {
            "trials": withdrawn,
            "earliest": c.effective.keys().next().map(|d| d.to_string()),
            "latest": c.effective.keys().next_back().map(|d| d.to_string()),
            "quantiles": quantiles,
        },
        "distinct_paths": c.paths.len(),
        "paths": paths,
        "sensitivity": sensitivity,
        "events": events,
    })
}
