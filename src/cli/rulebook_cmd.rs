//! `treatysim rulebook list` and `treatysim rulebook show`: the law as data, readable.

use crate::report::{Style, citation_text};
use crate::rulebook::{self, Procedure, Trigger};
use crate::vocab::Word;

fn bold(style: Style, text: &str) -> String {
    if style.color {
        let s = anstyle::Style::new().bold();
        format!("{}{text}{}", s.render(), s.render_reset())
    } else {
        text.to_string()
    }
}

/// The built-in rulebooks, one paragraph each.
pub fn list(style: Style) -> String {
    let mut out = String::new();
    for id in rulebook::builtin_ids() {
        match rulebook::read(id, 0) {
            Ok(r) => {
                let marker = if id == rulebook::DEFAULT_ID {
                    " (default)"
                } else {
                    ""
                };
                out.push_str(&format!("{}{marker}  {}\n", bold(style, id), r.title));
                for line in textwrap::wrap(r.summary.trim(), 90) {
                    out.push_str(&format!("    {line}\n"));
                }
            }
            Err(e) => out.push_str(&format!("{id}  (cannot be read: {})\n", e.message)),
        }
    }
    out
}

/// Everything a rulebook says, grouped: parameters, provisions, tracks, doctrine, sources.
pub fn show(p: &Procedure, style: Style) -> String {
    let r = &p.rulebook;
    let mut out = format!("{}  {}\n", bold(style, &r.id), r.title);
    if let Some(parent) = &r.extends {
        out.push_str(&format!("extends {parent}\n"));
    }
    for line in textwrap::wrap(r.summary.trim(), 96) {
        out.push_str(&format!("{line}\n"));
    }
    let cite = |id: &str| citation_text(r.citations.get(id), id);
    let params = &r.parameters;
    let source = |name: &str| {
        params
            .sources
            .get(name)
            .map(|id| format!("  [{}]", cite(id)))
            .unwrap_or_default()
    };
    out.push_str(&format!("\n{}\n", bold(style, "Parameters")));
    let rows = [
        (
            "limitation in force",
            if params.limitation_in_force {
                "yes"
            } else {
                "no"
            }
            .to_string(),
            "limitation_in_force",
        ),
        (
            "Senate consent",
            params.consent.describe("senators"),
            "consent",
        ),
        ("passage", params.passage.describe("members"), "passage"),
        ("cloture", params.cloture.describe("senators"), "cloture"),
        ("override", params.override_.describe("members"), "override"),
        (
            "resolution to sue",
            params.suit_resolution.describe("members"),
            "suit_resolution",
        ),
        (
            "notice period",
            format!("{} year(s) after notice", params.notice_period_years),
            "notice_period_years",
        ),
        (
            "return period",
            format!("{} days, Sundays excepted", params.return_days),
            "return_days",
        ),
        (
            "committee notice",
            format!("{} days before acting", params.committee_notice_days),
            "committee_notice_days",
        ),
    ];
    for (label, value, key) in rows {
        out.push_str(&format!("  {label:<20} {value}{}\n", source(key)));
    }
    out.push_str(&format!("\n{}\n", bold(style, "Provisions")));
    if r.provisions.is_empty() {
        out.push_str("  none: no act of the President is recorded as a violation\n");
    }
    for provision in &r.provisions {
        out.push_str(&format!(
            "  {:<9} {} (on {})  [{}]\n",
            provision.id,
            provision.title,
            provision.actions.join(", "),
            cite(&provision.citation)
        ));
    }
    for track in &p.tracks {
        out.push_str(&format!(
            "\n{}: {}\n",
            bold(style, &format!("Track {}", track.kind.name())),
            track.title
        ));
        for line in textwrap::wrap(track.text.trim(), 94) {
            out.push_str(&format!("  {line}\n"));
        }
        out.push_str("  stages:\n");
        for node in track.graph.node_indices() {
            let stage = &track.graph[node];
            let mut marks = Vec::new();
            if node == track.start {
                marks.push("start");
            }
            if stage.terminal {
                marks.push("terminal");
            }
            let marks = if marks.is_empty() {
                String::new()
            } else {
                format!(" ({})", marks.join(", "))
            };
            out.push_str(&format!("    {:<22} {}{marks}\n", stage.id, stage.label));
        }
        out.push_str("  steps:\n");
        for edge in track.graph.edge_indices() {
            let step = &track.graph[edge];
            let Some((from, to)) = track.graph.edge_endpoints(edge) else {
                continue;
            };
            let trigger = match step.trigger {
                Trigger::Action(a) => a.name().to_string(),
                Trigger::Timer(t) => format!("timer {}", t.name()),
                Trigger::InjunctionLifted => "injunction lifted".to_string(),
            };
            let conditions = match step.conditions(params) {
                c if c.is_empty() => String::new(),
                c => format!(" ({c})"),
            };
            out.push_str(&format!(
                "    {:<22} {} → {}: {}{conditions}  [{}]\n",
                trigger,
                track.graph[from].id,
                track.graph[to].id,
                step.label,
                cite(&step.citation)
            ));
        }
    }
    out.push_str(&format!(
        "\n{}\n",
        bold(style, "Standing (expected views; rulings may depart)")
    ));
    for entry in &r.doctrine {
        out.push_str(&format!(
            "  {:<15} {:<10} {}\n",
            entry.plaintiff,
            entry.standing,
            entry
                .precedents
                .iter()
                .map(|id| cite(id))
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
    out.push_str(&format!("\n{}\n", bold(style, "Sources")));
    for (id, c) in &r.citations {
        out.push_str(&format!("  {id:<26} {}, {}\n", c.title, c.cite));
        if let Some(quote) = &c.quote {
            for line in textwrap::wrap(&format!("\"{}\"", quote.trim()), 88) {
                out.push_str(&format!("  {:<26} {line}\n", ""));
            }
        }
    }
    out
}
