//! `treatysim compare FILE --rulebook A --rulebook B`: one scenario under two rulebooks,
//! the outcomes side by side and the first step where the two runs part ways.

use super::Ran;
use crate::report::{Explained, Style, explain, outcome_rows};

/// The widest a column of values gets (at the width of piped output).
const COLUMN: usize = 44;

/// One scenario run under two rulebooks, A and B.
pub struct Compared {
    pub a: Ran,
    pub b: Ran,
}

impl Compared {
    /// The outcomes side by side and the first step where the runs part ways.
    pub fn text(&self, style: Style) -> String {
        compare(&self.a, &self.b, style)
    }
}

fn same_step(a: &Explained, b: &Explained) -> bool {
    a.date == b.date
        && a.track == b.track
        && a.step == b.step
        && a.to == b.to
        && a.violations
            .iter()
            .map(|v| &v.0)
            .eq(b.violations.iter().map(|v| &v.0))
}

fn describe(e: &Explained) -> Vec<String> {
    let mut lines = vec![format!("{} ({}): {}", e.date, e.actor, e.headline)];
    if let Some(a) = &e.arithmetic {
        lines.push(format!("Vote: {a}."));
    }
    if let Some(c) = &e.consequence {
        lines.push(c.clone());
    }
    for (id, _) in &e.violations {
        lines.push(format!("✗ violates {id}"));
    }
    if e.violations.is_empty() {
        lines.push("no provision breached".into());
    }
    lines.push(format!("— {}", e.citation));
    lines
}

/// The comparison as text.
fn compare(a: &Ran, b: &Ran, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&style.bold(&format!("Compare: {}", a.scenario.title)));
    out.push('\n');
    for (name, side) in [("A", a), ("B", b)] {
        out.push_str(&format!(
            "  {name} = {}: {}\n",
            side.procedure.rulebook.id, side.procedure.rulebook.title
        ));
    }
    out.push('\n');
    outcomes(&mut out, a, b, style);
    out.push('\n');
    parting(&mut out, a, b, style);
    out
}

/// The outcome rows side by side, matched by position; ≠ marks the rows that differ.
fn outcomes(out: &mut String, a: &Ran, b: &Ran, style: Style) {
    let rows_a = outcome_rows(&a.procedure, &a.run);
    let rows_b = outcome_rows(&b.procedure, &b.run);
    let label_width = rows_a
        .iter()
        .chain(&rows_b)
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(8)
        .max(7);
    // Two columns of values share what the labels leave of the line.
    let column = (style.width.saturating_sub(label_width + 6) / 2).clamp(16, COLUMN);
    out.push_str(&style.bold(&format!(
        "{:<label_width$}    {:<column$}  {}",
        "Outcome", "A", "B"
    )));
    out.push('\n');
    let n = rows_a.len().max(rows_b.len());
    for i in 0..n {
        let (la, va) = rows_a
            .get(i)
            .map_or(("", String::new()), |r| (r.label, r.value.clone()));
        let (lb, vb) = rows_b
            .get(i)
            .map_or(("", String::new()), |r| (r.label, r.value.clone()));
        let label = if la.is_empty() { lb } else { la };
        let differs = va != vb || la != lb;
        let wa = crate::wrap::lines(&va, column);
        let wb = crate::wrap::lines(&vb, column);
        let lines = wa.len().max(wb.len()).max(1);
        for k in 0..lines {
            let left = wa.get(k).map(|c| c.to_string()).unwrap_or_default();
            let right = wb.get(k).map(|c| c.to_string()).unwrap_or_default();
            let mark = if differs && k == 0 { "≠" } else { " " };
            let shown_label = if k == 0 { label } else { "" };
            out.push_str(&format!(
                "{shown_label:<label_width$}  {mark} {left:<column$}  {right}\n"
            ));
        }
    }
}

/// The first step where the runs part ways, as each run took it.
fn parting(out: &mut String, a: &Ran, b: &Ran, style: Style) {
    let steps_a = explain(&a.procedure, &a.scenario, &a.run);
    let steps_b = explain(&b.procedure, &b.scenario, &b.run);
    let first = steps_a
        .iter()
        .zip(&steps_b)
        .position(|(x, y)| !same_step(x, y))
        .or_else(|| (steps_a.len() != steps_b.len()).then(|| steps_a.len().min(steps_b.len())));
    match first {
        None => {
            out.push_str(&format!(
                "The two runs take the same {} steps with the same breaches: the rulebooks do not part ways on this scenario.\n",
                steps_a.len()
            ));
        }
        Some(i) => {
            out.push_str(&style.bold(&format!("They part ways at step {}", i + 1)));
            out.push('\n');
            for (name, steps) in [("A", &steps_a), ("B", &steps_b)] {
                match steps.get(i) {
                    Some(e) => {
                        for (k, line) in describe(e).iter().enumerate() {
                            let lead = if k == 0 {
                                format!("  {name}: ")
                            } else {
                                "     ".to_string()
                            };
                            crate::wrap::push_hanging(out, line, &lead, "     ", style.width);
                        }
                    }
                    None => out.push_str(&format!("  {name}: no further step\n")),
                }
            }
            if i > 0 {
                out.push_str(&format!(
                    "Steps 1 to {i} are the same under both rulebooks.\n"
                ));
            }
        }
    }
}
