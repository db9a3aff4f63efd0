//! `treatysim explain [TERM|STAGE|STEP]`: the glossary and every stage and step of the
//! rulebook in plain words with their citations. The text is the rulebook's own.

use jiff::civil::Date;

use crate::diag::did_you_mean;
use crate::report::Style;
use crate::rulebook::{Citation, Procedure, Trigger};
use crate::vocab::Word;

const WIDTH: usize = 96;

fn wrap_into(out: &mut String, text: &str, indent: &str) {
    for line in textwrap::wrap(text.trim(), WIDTH - indent.len()) {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
}

/// A citation in full: its title, cite and date, the source's words, and a link.
fn cite_full(out: &mut String, c: Option<&Citation>, id: &str) {
    let Some(c) = c else {
        out.push_str(&format!("  Source: {id}\n"));
        return;
    };
    wrap_into(
        out,
        &format!("Source: {} [{}, {}]", c.title, c.kind, c.date.0),
        "  ",
    );
    wrap_into(out, &c.cite, "    ");
    if let Some(q) = &c.quote {
        wrap_into(out, &format!("“{}”", q.trim()), "    ");
    }
    if let Some(n) = &c.note {
        wrap_into(out, n, "    ");
    }
    if let Some(u) = &c.url {
        out.push_str(&format!("    {u}\n"));
    }
}

/// Every name `explain` knows, for the list and for "did you mean".
fn names(p: &Procedure) -> Vec<String> {
    let mut all: Vec<String> = p
        .rulebook
        .glossary
        .iter()
        .map(|g| g.term.value.clone())
        .collect();
    for t in &p.tracks {
        for s in t.graph.node_weights() {
            all.push(format!("{}.{}", t.kind.name(), s.id));
        }
        for s in t.graph.edge_weights() {
            all.push(format!("{}.{}", t.kind.name(), s.id));
        }
    }
    all
}

/// The list: terms, then each track's stages and steps.
pub fn list(p: &Procedure, style: Style) -> String {
    let mut out = String::new();
    out.push_str(&style.bold("Terms"));
    out.push('\n');
    let terms: Vec<&str> = p
        .rulebook
        .glossary
        .iter()
        .map(|g| g.term.value.as_str())
        .collect();
    wrap_into(&mut out, &terms.join(", "), "  ");
    for t in &p.tracks {
        out.push('\n');
        out.push_str(&style.bold(&format!("{} (track {})", t.title, t.kind.name())));
        out.push('\n');
        let stages: Vec<String> = t.graph.node_weights().map(|s| s.id.clone()).collect();
        wrap_into(&mut out, &format!("stages: {}", stages.join(", ")), "  ");
        let mut steps: Vec<String> = t.graph.edge_weights().map(|s| s.id.clone()).collect();
        steps.dedup();
        wrap_into(&mut out, &format!("steps: {}", steps.join(", ")), "  ");
    }
    out.push_str("\nExplain one with `treatysim explain NAME`, e.g. `treatysim explain cloture`,\n`treatysim explain notice_pending` or `treatysim explain bill.pocket_veto`.\n");
    out
}

/// The line that says which day's law is shown.
fn as_of(p: &Procedure, date: Date) -> String {
    if date == Date::MAX {
        format!("(the law as it now stands in rulebook {})\n", p.rulebook.id)
    } else if p.rulebook.law_as_of.is_some() {
        format!(
            "(rulebook {}: the law as of {}, its view)\n",
            p.rulebook.id,
            p.law_date(date)
        )
    } else {
        format!("(the law in force on {date}, rulebook {})\n", p.rulebook.id)
    }
}

/// One term, stage or step, as the law stood on `date` (`Date::MAX`: as it now stands);
/// `Err` with a suggestion when nothing has that name.
pub fn one(
    p: &Procedure,
    query: &str,
    date: Date,
    style: Style,
) -> Result<String, (String, String)> {
    let q = query.trim().to_lowercase();
    let mut out = String::new();
    let r = &p.rulebook;
    if let Some(g) = r.glossary.iter().find(|g| g.term.value.to_lowercase() == q) {
        let term = crate::report::term_on(p, g, date);
        out.push_str(&style.bold(&term.term));
        out.push_str("  (term)\n");
        wrap_into(&mut out, &term.text, "  ");
        cite_full(&mut out, p.citation(&term.citation_id), &term.citation_id);
        out.push_str(&style.dim(&as_of(p, date)));
        return Ok(out);
    }
    let (track_part, id) = match q.split_once('.') {
        Some((t, i)) => (Some(t.to_string()), i.to_string()),
        None => (None, q.clone()),
    };
    let mut found = 0;
    for t in &p.tracks {
        if track_part.as_deref().is_some_and(|tp| tp != t.kind.name()) {
            continue;
        }
        for n in t.graph.node_indices() {
            let s = &t.graph[n];
            if s.id != id {
                continue;
            }
            found += 1;
            explain_stage(&mut out, p, t, n, date, style);
        }
        let mut seen_step = false;
        for e in t.graph.edge_indices() {
            let step = &t.graph[e];
            if step.id != id || seen_step {
                continue;
            }
            seen_step = true;
            found += 1;
            explain_step(&mut out, p, t, e, date, style);
        }
    }
    if found > 0 {
        out.push_str(&style.dim(&as_of(p, date)));
        return Ok(out);
    }
    let all = names(p);
    let short: Vec<String> = all
        .iter()
        .map(|n| n.split_once('.').map_or(n.clone(), |(_, i)| i.to_string()))
        .collect();
    let candidates: Vec<&str> = all.iter().chain(short.iter()).map(String::as_str).collect();
    let help = match did_you_mean(&q, candidates.iter().copied()) {
        Some(s) => format!("did you mean `{s}`? `treatysim explain` lists every name"),
        None => "`treatysim explain` lists every term, stage and step".to_string(),
    };
    Err((
        format!("nothing in rulebook {} is called \"{query}\"", r.id),
        help,
    ))
}

/// A stage: what it means, whether the track begins or ends there, the steps into and
/// out of it, its source.
fn explain_stage(
    out: &mut String,
    p: &Procedure,
    t: &crate::rulebook::Track,
    n: petgraph::graph::NodeIndex,
    date: Date,
    style: Style,
) {
    let day = p.law_date(date);
    let say = |template: &str| p.render(template, date);
    let s = &t.graph[n];
    out.push_str(&style.bold(&say(s.label_on(day))));
    out.push_str(&format!("  (stage {}.{})\n", t.kind.name(), s.id));
    wrap_into(out, &say(s.text_on(day)), "  ");
    if n == t.start {
        out.push_str("  Where the track begins.\n");
    }
    if s.terminal {
        out.push_str("  Final: no step leads out of it.\n");
    }
    let into: Vec<String> = t
        .graph
        .edge_indices()
        .filter(|e| {
            t.graph
                .edge_endpoints(*e)
                .is_some_and(|(a, b)| b == n && a != n)
        })
        .map(|e| say(t.graph[e].label_on(day)))
        .collect();
    let out_of: Vec<String> = t
        .graph
        .edges(n)
        .map(|e| say(petgraph::visit::EdgeRef::weight(&e).label_on(day)))
        .collect();
    if !into.is_empty() {
        wrap_into(out, &format!("Reached by: {}.", into.join("; ")), "  ");
    }
    if !out_of.is_empty() {
        wrap_into(
            out,
            &format!("Steps from here: {}.", out_of.join("; ")),
            "  ",
        );
    }
    cite_full(out, p.citation(s.citation_on(day)), s.citation_on(day));
}

/// A step: what it means, the stages it joins, what takes it and when, the provisions
/// that govern its action, its source.
fn explain_step(
    out: &mut String,
    p: &Procedure,
    t: &crate::rulebook::Track,
    e: petgraph::graph::EdgeIndex,
    date: Date,
    style: Style,
) {
    let day = p.law_date(date);
    let say = |template: &str| p.render(template, date);
    let step = &t.graph[e];
    let (a, b) = t.graph.edge_endpoints(e).expect("an edge");
    out.push_str(&style.bold(&say(step.label_on(day))));
    out.push_str(&format!("  (step {}.{})\n", t.kind.name(), step.id));
    wrap_into(out, &say(step.text_on(day)), "  ");
    let trigger = match step.trigger {
        Trigger::Action(a) => format!("the action `{}`", a.name()),
        Trigger::Timer(timer) => format!("the period `{}` running out", timer.name()),
    };
    wrap_into(
        out,
        &format!(
            "From {} to {}, taken by {}.",
            say(t.graph[a].label_on(day)),
            say(t.graph[b].label_on(day)),
            trigger
        ),
        "  ",
    );
    let conditions = step.conditions(p, day);
    if !conditions.is_empty() {
        wrap_into(out, &format!("When: {conditions}."), "  ");
    }
    if let Trigger::Action(action) = step.trigger {
        for provision in &p.provisions {
            let Some(version) = provision.on(day) else {
                continue;
            };
            if version.actions.contains(&action) {
                wrap_into(
                    out,
                    &format!(
                        "Governed by {} ({}): {}.",
                        provision.id,
                        version.in_force.describe(),
                        say(&version.title)
                    ),
                    "  ",
                );
            }
        }
    }
    cite_full(
        out,
        p.citation(step.citation_on(day)),
        step.citation_on(day),
    );
}
