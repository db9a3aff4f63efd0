//! The report a person reads: a header, a dated timeline with one line per step and the
//! reasons under it, and an outcome box. Colour comes from the caller's [`Style`]; the
//! text is the same either way.

use anstyle::{AnsiColor, Effects, Style as Ansi};

use super::{Explained, Tone, explain, outcome_rows, terms_used};
use crate::engine::Run;
use crate::rulebook::Procedure;
use crate::scenario::Scenario;

const WIDTH: usize = 100;

/// Whether to colour the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, style: Ansi, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
    pub fn bold(&self, text: &str) -> String {
        self.paint(Ansi::new().effects(Effects::BOLD), text)
    }
    pub fn dim(&self, text: &str) -> String {
        self.paint(Ansi::new().effects(Effects::DIMMED), text)
    }
    fn fg(&self, color: AnsiColor, text: &str) -> String {
        self.paint(Ansi::new().fg_color(Some(color.into())), text)
    }
    fn mark(&self, color: AnsiColor, text: &str) -> String {
        self.paint(Ansi::new().fg_color(Some(color.into())).bold(), text)
    }
    /// Bold red: a failure.
    pub fn red(&self, text: &str) -> String {
        self.mark(AnsiColor::Red, text)
    }
    /// Bold green: a success.
    pub fn green(&self, text: &str) -> String {
        self.mark(AnsiColor::Green, text)
    }
    /// Bold yellow: a warning.
    pub fn yellow(&self, text: &str) -> String {
        self.mark(AnsiColor::Yellow, text)
    }
}

fn actor_color(actor: &str) -> AnsiColor {
    match actor {
        "President" => AnsiColor::Magenta,
        "Senate" => AnsiColor::Blue,
        "House" => AnsiColor::Cyan,
        "Congress" => AnsiColor::Cyan,
        "Courts" => AnsiColor::Yellow,
        "Clock" => AnsiColor::BrightBlack,
        _ => AnsiColor::Green,
    }
}

/// The whole report for one run.
pub fn to_text(p: &Procedure, s: &Scenario, run: &Run, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&style.bold(&s.title));
    out.push('\n');
    out.push_str(&style.dim(&format!("rulebook {}: {}", p.rulebook.id, p.rulebook.title)));
    out.push('\n');
    if let Some(summary) = &s.summary {
        out.push('\n');
        for line in textwrap::wrap(summary, WIDTH) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&style.bold("Timeline"));
    out.push('\n');
    let steps = explain(p, s, run);
    let actor_width = steps
        .iter()
        .map(|e| e.actor.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let mut last_date = String::new();
    for e in &steps {
        out.push_str(&timeline_entry(e, &mut last_date, actor_width, style));
    }
    if steps.is_empty() {
        out.push_str("  (no steps)\n");
    }
    out.push('\n');
    out.push_str(&outcome_box(p, run, style));
    let terms = terms_used(p, &steps, run.outcome.end);
    if !terms.is_empty() {
        out.push('\n');
        out.push_str(&style.bold("Terms"));
        out.push('\n');
        for entry in terms {
            let text = format!("{}: {}", entry.term, entry.text.trim());
            for (i, line) in textwrap::wrap(&text, WIDTH - 4).into_iter().enumerate() {
                let indent = if i == 0 { "  " } else { "    " };
                out.push_str(&format!("{indent}{line}\n"));
            }
        }
    }
    out
}

fn timeline_entry(
    e: &Explained,
    last_date: &mut String,
    actor_width: usize,
    style: Style,
) -> String {
    let mut out = String::new();
    let date = if *last_date == e.date {
        " ".repeat(10)
    } else {
        e.date.clone()
    };
    *last_date = e.date.clone();
    let indent = 2 + 10 + 2 + actor_width + 2;
    let moved = if e.from == e.to {
        format!("{}: {}", e.track, e.to)
    } else {
        format!("{}: {} → {}", e.track, e.from, e.to)
    };
    let actor = format!("{:<actor_width$}", e.actor);
    out.push_str(&format!(
        "  {}  {}  {}  {}\n",
        style.bold(&date),
        style.fg(actor_color(&e.actor), &actor),
        style.bold(&e.headline),
        style.dim(&format!("[{moved}]"))
    ));
    let pad = " ".repeat(indent);
    let wrap = |text: &str| -> Vec<String> {
        textwrap::wrap(text, WIDTH.saturating_sub(indent).max(40))
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    };
    let mut body = vec![e.text.clone()];
    if let Some(a) = &e.arithmetic {
        body.push(format!("Vote: {a}."));
    }
    if let Some(c) = &e.consequence {
        body.push(c.clone());
    }
    if let Some(n) = &e.note {
        body.push(format!("Note: {n}"));
    }
    for paragraph in body {
        for line in wrap(&paragraph) {
            out.push_str(&format!("{pad}{line}\n"));
        }
    }
    for (id, text) in &e.violations {
        for (i, line) in wrap(&format!("✗ violates {id}: {text}"))
            .into_iter()
            .enumerate()
        {
            let line = if i == 0 { line } else { format!("  {line}") };
            out.push_str(&format!("{pad}{}\n", style.fg(AnsiColor::Red, &line)));
        }
    }
    if let Some(d) = &e.doctrine {
        for line in wrap(d) {
            out.push_str(&format!("{pad}{}\n", style.fg(AnsiColor::Yellow, &line)));
        }
    }
    out.push_str(&format!(
        "{pad}{}\n",
        style.dim(&format!("— {}", e.citation))
    ));
    out
}

fn outcome_box(p: &Procedure, run: &Run, style: Style) -> String {
    let rows: Vec<(String, String, Option<AnsiColor>)> = outcome_rows(p, run)
        .into_iter()
        .map(|r| {
            let color = match r.tone {
                Tone::Plain => None,
                Tone::Good => Some(AnsiColor::Green),
                Tone::Bad => Some(AnsiColor::Red),
                Tone::Warn => Some(AnsiColor::Yellow),
            };
            (r.label.to_string(), r.value, color)
        })
        .collect();
    let label_width = rows
        .iter()
        .map(|(l, _, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let value_width = rows
        .iter()
        .map(|(_, v, _)| v.chars().count())
        .max()
        .unwrap_or(0);
    let inner = label_width + 2 + value_width;
    let title = " Outcome ";
    let mut out = format!(
        "╭─{}{}╮\n",
        style.bold(title),
        "─".repeat(inner + 1 - title.chars().count())
    );
    for (label, value, color) in rows {
        let value_padded = format!("{value:<value_width$}");
        let value_shown = match color {
            Some(c) => style.fg(c, &value_padded),
            None => value_padded,
        };
        out.push_str(&format!(
            "│ {}  {} │\n",
            style.bold(&format!("{label:<label_width$}")),
            value_shown
        ));
    }
    out.push_str(&format!("╰{}╯\n", "─".repeat(inner + 2)));
    out
}
