//! `treatysim rulebook list` and `treatysim rulebook show`: the law as data, readable,
//! as it stands now or as it stood on a day (`--on DATE`).

use jiff::civil::Date;

use crate::report::{Style, citation_text};
use crate::rulebook::{self, Dated, Procedure, Trigger, VoteKind};
use crate::vocab::Word;

fn bold(style: Style, text: &str) -> String {
    if style.color {
        let s = anstyle::Style::new().bold();
        format!("{}{text}{}", s.render(), s.render_reset())
    } else {
        text.to_string()
    }
}

/// The built-in rulebooks, one paragraph each; the bases after them.
pub fn list(style: Style) -> String {
    let mut out = String::new();
    let mut entry = |id: &str, marker: &str| match rulebook::read(id, 0) {
        Ok(r) => {
            crate::wrap::push_row(
                &mut out,
                &format!("{}{marker}  ", bold(style, id)),
                &r.title,
                "    ",
                style.width,
            );
            let summary = match rulebook::Procedure::compile(r.clone()) {
                Ok(p) => p.render(r.summary.trim(), p.now()),
                Err(_) => r.summary.trim().to_string(),
            };
            crate::wrap::push(&mut out, &summary, "    ", style.width);
        }
        Err(e) => out.push_str(&format!("{id}  (cannot be read: {})\n", e.message)),
    };
    for id in rulebook::builtin_ids() {
        entry(
            id,
            if id == rulebook::DEFAULT_ID {
                " (default)"
            } else {
                ""
            },
        );
    }
    for id in rulebook::base_ids() {
        entry(id, " (a base to extend)");
    }
    out
}

/// A dated parameter's values: the one in force on `date`, or each with its days, with
/// the citation of a value that has its own (`cite` renders one). The flag says whether
/// every value shown carries its own citation, so the parameter's need not be added.
fn values<T>(
    dated: &Dated<T>,
    date: Date,
    cite: &dyn Fn(&str) -> String,
    show: impl Fn(&T) -> String,
) -> (String, bool) {
    let one = |e: &rulebook::Entry<T>| match &e.source {
        Some(id) => format!("{}  [{}]", show(&e.value), cite(id)),
        None => show(&e.value),
    };
    if date != Date::MAX {
        let e = dated.entry(date);
        return (one(e), e.source.is_some());
    }
    if !dated.is_dated() {
        return (show(dated.at(date)), false);
    }
    let text = dated
        .entries
        .iter()
        .map(|e| match &e.source {
            Some(id) => format!(
                "{} ({})  [{}]",
                show(&e.value),
                e.in_force.describe(),
                cite(id)
            ),
            None => format!("{} ({})", show(&e.value), e.in_force.describe()),
        })
        .collect::<Vec<_>>()
        .join("; ");
    (text, dated.entries.iter().all(|e| e.source.is_some()))
}

/// Everything a rulebook says, grouped: treaty, parameters, provisions, tracks,
/// doctrine, sources. With `date` (not `Date::MAX`), the law as it stood that day.
pub fn show(p: &Procedure, date: Date, style: Style) -> String {
    let r = &p.rulebook;
    let day = p.law_date(date);
    let say = |template: &str| p.render(template, day);
    let mut out = format!("{}  {}\n", bold(style, &r.id), r.title);
    if let Some(parent) = &r.extends {
        out.push_str(&format!("extends {parent}\n"));
    }
    match (date == Date::MAX, r.law_as_of) {
        (_, Some(view)) => out.push_str(&format!(
            "a view: every event is judged by the law in force on {view}\n"
        )),
        (true, None) => crate::wrap::push(
            &mut out,
            "the law as it now stands; dated entries show their days (`--on DATE` shows one day)",
            "",
            style.width,
        ),
        (false, None) => out.push_str(&format!("the law in force on {date}\n")),
    }
    crate::wrap::push(&mut out, &say(r.summary.trim()), "", style.width);
    for section in [
        show_treaty,
        show_parameters,
        show_provisions,
        show_tracks,
        show_standing,
        show_sources,
    ] {
        section(&mut out, p, date, style);
    }
    out
}

/// The treaty: its name, the withdrawal clause, the first day notice may be given.
fn show_treaty(out: &mut String, p: &Procedure, _date: Date, style: Style) {
    let r = &p.rulebook;
    let cite = |id: &str| citation_text(r.citations.get(id), id);
    let t = &p.treaty;
    out.push_str(&format!("\n{}\n", bold(style, "Treaty")));
    let row = |out: &mut String, label: &str, text: &str| {
        crate::wrap::push_row(out, &format!("  {label:<20} "), text, "    ", style.width);
    };
    row(out, "name", &format!("{}  [{}]", t.name, cite(&t.clause)));
    row(
        out,
        "withdrawal",
        &format!(
            "notice to {}; takes effect {} later ({})",
            t.notice_to,
            t.notice_period.words(),
            t.article
        ),
    );
    if let Some(day) = t.earliest_notice {
        let after = t.first_notice_after.map(|p| p.words()).unwrap_or_default();
        row(
            out,
            "first notice",
            &format!("not before {day} ({after} after entry into force)"),
        );
    }
}

/// The parameters, each value with its days in force and its source.
fn show_parameters(out: &mut String, p: &Procedure, date: Date, style: Style) {
    let r = &p.rulebook;
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
    let mut rows = vec![(
        "provisions apply",
        values(&params.limitation_in_force, date, &cite, |b| {
            if *b { "yes" } else { "no" }.to_string()
        }),
        "limitation_in_force",
    )];
    for (label, kind, members) in [
        ("Senate consent", VoteKind::Consent, "senators"),
        ("passage", VoteKind::Passage, "members"),
        ("cloture", VoteKind::Cloture, "senators"),
        ("override", VoteKind::Override, "members"),
        ("resolution to sue", VoteKind::SuitResolution, "members"),
    ] {
        let value = values(kind.parameter(params), date, &cite, |th| {
            th.describe(members)
        });
        rows.push((label, value, kind.name()));
    }
    rows.extend([
        (
            "return period",
            values(&params.return_days, date, &cite, |d| {
                p.message("return_period", date, &[("days", &d.to_string())])
            }),
            "return_days",
        ),
        (
            "committee notice",
            values(&params.committee_notice_days, date, &cite, |d| {
                format!("{d} days before acting")
            }),
            "committee_notice_days",
        ),
        (
            "pocket veto",
            values(&params.pocket_veto, date, &cite, |v| {
                format!(
                    "sine die: {}; between sessions: {}; within a session: {}; unspecified: {}; a recess of {} days or fewer never prevents a return",
                    v.sine_die.name(),
                    v.intersession.name(),
                    v.intrasession.name(),
                    v.unspecified.name(),
                    v.short_recess_days
                )
            }),
            "pocket_veto",
        ),
    ]);
    for (label, (value, cited), key) in rows {
        let text = if cited {
            value
        } else {
            format!("{value}{}", source(key))
        };
        crate::wrap::push_row(out, &format!("  {label:<20} "), &text, "    ", style.width);
    }
}

/// The provisions that make an act of the President a violation.
fn show_provisions(out: &mut String, p: &Procedure, date: Date, style: Style) {
    let r = &p.rulebook;
    let day = p.law_date(date);
    let say = |template: &str| p.render(template, day);
    let cite = |id: &str| citation_text(r.citations.get(id), id);
    out.push_str(&format!("\n{}\n", bold(style, "Provisions")));
    let mut any = false;
    for provision in &p.provisions {
        for version in &provision.variants {
            if date != Date::MAX && !version.in_force.contains(day) {
                continue;
            }
            any = true;
            let actions: Vec<&str> = version.actions.iter().map(|a| a.name()).collect();
            let said = format!(
                "{} (on {}; in force {})  [{}]",
                say(&version.title),
                actions.join(", "),
                version.in_force.describe(),
                cite(&version.citation)
            );
            crate::wrap::push_row(
                out,
                &format!("  {:<9} ", provision.id),
                &said,
                "    ",
                style.width,
            );
        }
    }
    if !any {
        out.push_str("  none: no act of the President is recorded as a violation\n");
    }
}

/// Every track: its stages and its steps, with their conditions and sources.
fn show_tracks(out: &mut String, p: &Procedure, date: Date, style: Style) {
    let r = &p.rulebook;
    let day = p.law_date(date);
    let say = |template: &str| p.render(template, day);
    let cite = |id: &str| citation_text(r.citations.get(id), id);
    for track in &p.tracks {
        out.push_str(&format!(
            "\n{}: {}\n",
            bold(style, &format!("Track {}", track.kind.name())),
            say(&track.title)
        ));
        crate::wrap::push(out, say(&track.text).trim(), "  ", style.width);
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
            crate::wrap::push_row(
                out,
                &format!("    {:<22} ", stage.id),
                &format!("{}{marks}", say(stage.label_on(day))),
                "    ",
                style.width,
            );
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
            };
            let conditions = match step.conditions(p, day) {
                c if c.is_empty() => String::new(),
                c => format!(" ({c})"),
            };
            let said = format!(
                "{} → {}: {}{conditions}  [{}]",
                track.graph[from].id,
                track.graph[to].id,
                say(step.label_on(day)),
                cite(step.citation_on(day))
            );
            crate::wrap::push_row(
                out,
                &format!("    {trigger:<22} "),
                &said,
                "    ",
                style.width,
            );
        }
    }
}

/// The expected view of standing for each plaintiff, with its precedents.
fn show_standing(out: &mut String, p: &Procedure, date: Date, style: Style) {
    let r = &p.rulebook;
    let day = p.law_date(date);
    let cite = |id: &str| citation_text(r.citations.get(id), id);
    out.push_str(&format!(
        "\n{}\n",
        bold(style, "Standing (expected views; rulings may depart)")
    ));
    for entry in &r.doctrine {
        let standing = entry.standing_on(day);
        let precedents = if date == Date::MAX {
            entry.precedents_on(day).to_vec()
        } else {
            r.decided_before(entry.precedents_on(day), date)
        };
        let cited: Vec<String> = precedents.iter().map(|id| cite(id)).collect();
        crate::wrap::push_row(
            out,
            &format!("  {:<15} {:<10} ", entry.plaintiff.value, standing),
            &cited.join("; "),
            "    ",
            style.width,
        );
    }
}

/// The sources cited, with their dates and quotations.
fn show_sources(out: &mut String, p: &Procedure, date: Date, style: Style) {
    let r = &p.rulebook;
    out.push_str(&format!("\n{}\n", bold(style, "Sources")));
    for (id, c) in &r.citations {
        if date != Date::MAX && c.date.0 > date {
            continue;
        }
        let hang = " ".repeat(29);
        crate::wrap::push_hanging(
            out,
            &format!("{}, {} ({})", c.title, c.cite, c.date.0),
            &format!("  {id:<26} "),
            &hang,
            style.width,
        );
        if let Some(quote) = &c.quote {
            crate::wrap::push(out, &format!("\"{}\"", quote.trim()), &hang, style.width);
        }
    }
}
