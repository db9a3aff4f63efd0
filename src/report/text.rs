//! The report a person reads: a header, a dated timeline with one line per step and the
//! reasons under it, and an outcome box. Colour comes from the caller's [`Style`]; the
//! text is the same either way.

use anstyle::{AnsiColor, Effects, Style as Ansi};

use super::{Explained, Tone, explain, outcome_rows, terms_used};
use crate::engine::Run;
use crate::rulebook::Procedure;
use crate::scenario::Scenario;

/// Whether to colour the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// The columns text is wrapped to: the terminal's, else [`crate::wrap::PIPED`].
    pub width: usize,
}

impl Style {
    /// Plain text at the width of piped output: files, pipes, JSON's neighbours, tests.
    pub const PLAIN: Style = Style {
        color: false,
        width: crate::wrap::PIPED,
    };

    /// This style with colour or without.
    pub fn with_color(self, color: bool) -> Style {
        Style { color, ..self }
    }

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
        crate::wrap::push(&mut out, summary, "", style.width);
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
            crate::wrap::push_hanging(&mut out, &text, "  ", "    ", style.width);
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
    // The reasons go under the headline, past the date and actor; on a narrow terminal
    // they start under the actor instead, so a line keeps room for words.
    let wide_indent = 2 + 10 + 2 + actor_width + 2;
    let indent = if style.width >= wide_indent + 50 {
        wide_indent
    } else {
        4
    };
    let moved = if e.from == e.to {
        format!("{}: {}", e.track, e.to)
    } else {
        format!("{}: {} → {}", e.track, e.from, e.to)
    };
    let actor = format!("{:<actor_width$}", e.actor);
    let tag = format!("[{moved}]");
    let pad = " ".repeat(indent);
    push_headline(&mut out, e, &date, &actor, &tag, indent, style);
    let room = style.width.saturating_sub(indent);
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
        for line in crate::wrap::lines(&paragraph, room) {
            out.push_str(&format!("{pad}{line}\n"));
        }
    }
    for (id, text) in &e.violations {
        for line in crate::wrap::hanging(&format!("✗ violates {id}: {text}"), room, 2) {
            out.push_str(&format!("{pad}{}\n", style.fg(AnsiColor::Red, &line)));
        }
    }
    if let Some(d) = &e.doctrine {
        for line in crate::wrap::lines(d, room) {
            out.push_str(&format!("{pad}{}\n", style.fg(AnsiColor::Yellow, &line)));
        }
    }
    for line in crate::wrap::hanging(&format!("— {}", e.citation), room, 2) {
        out.push_str(&format!("{pad}{}\n", style.dim(&line)));
    }
    out
}

/// A step's headline after its date and actor, wrapped under itself; its `[track: from
/// → to]` after it when the line has room, else on the lines under it after `indent`.
fn push_headline(
    out: &mut String,
    e: &Explained,
    date: &str,
    actor: &str,
    tag: &str,
    indent: usize,
    style: Style,
) {
    let lead = format!("  {date}  {actor}  ").chars().count();
    let mut head = crate::wrap::lines(&e.headline, style.width.saturating_sub(lead).max(20));
    let last = head.last().map_or(0, |l| l.chars().count());
    let tag_fits = lead + last + 2 + tag.chars().count() <= style.width;
    for (i, line) in head.drain(..).enumerate() {
        if i == 0 {
            out.push_str(&format!(
                "  {}  {}  {}",
                style.bold(date),
                style.fg(actor_color(&e.actor), actor),
                style.bold(&line)
            ));
        } else {
            out.push_str(&format!("\n{}{}", " ".repeat(lead), style.bold(&line)));
        }
    }
    if tag_fits {
        out.push_str(&format!("  {}\n", style.dim(tag)));
        return;
    }
    out.push('\n');
    for line in crate::wrap::lines(tag, style.width.saturating_sub(indent)) {
        out.push_str(&format!("{}{}\n", " ".repeat(indent), style.dim(&line)));
    }
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
    // A value wider than the box can be on this terminal wraps inside its column.
    let room = style.width.saturating_sub(label_width + 6).max(20);
    let rows: Vec<(String, Vec<String>, Option<AnsiColor>)> = rows
        .into_iter()
        .map(|(label, value, color)| (label, crate::wrap::lines(&value, room), color))
        .collect();
    let value_width = rows
        .iter()
        .flat_map(|(_, v, _)| v.iter().map(|line| line.chars().count()))
        .max()
        .unwrap_or(0);
    let inner = label_width + 2 + value_width;
    let title = " Outcome ";
    let mut out = format!(
        "╭─{}{}╮\n",
        style.bold(title),
        "─".repeat((inner + 1).saturating_sub(title.chars().count()))
    );
    for (label, lines, color) in rows {
        for (i, line) in lines.iter().enumerate() {
            let value_padded = format!("{line:<value_width$}");
            let value_shown = match color {
                Some(c) => style.fg(c, &value_padded),
                None => value_padded,
            };
            let label = if i == 0 { label.as_str() } else { "" };
            out.push_str(&format!(
                "│ {}  {} │\n",
                style.bold(&format!("{label:<label_width$}")),
                value_shown
            ));
        }
    }
    out.push_str(&format!("╰{}╯\n", "─".repeat(inner + 2)));
    out
}
