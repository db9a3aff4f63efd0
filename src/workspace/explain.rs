//! `treatysim explain [TERM|STAGE|STEP]`: the glossary and every stage and step of the
//! rulebook in plain words with their citations. The text is the rulebook's own.

use jiff::civil::Date;

use crate::diag::{did_you_mean, fold};
use crate::report::Style;
use crate::rulebook::{Citation, Procedure, Trigger};
use crate::vocab::Word;

/// A citation in full: its title, cite and date, the source's words, and a link.
fn cite_full(out: &mut String, c: Option<&Citation>, id: &str, style: Style) {
    let Some(c) = c else {
        out.push_str(&format!("  Source: {id}\n"));
        return;
    };
    crate::wrap::push(
        out,
        &format!("Source: {} [{}, {}]", c.title, c.kind, c.date.0),
        "  ",
        style.width,
    );
    citation_body(out, c, "    ", style);
}

/// A citation's formal cite, the source's words, the project's note and the link, each
/// after `indent`.
fn citation_body(out: &mut String, c: &Citation, indent: &str, style: Style) {
    crate::wrap::push(out, &c.cite, indent, style.width);
    if let Some(q) = &c.quote {
        crate::wrap::push(out, &format!("“{}”", q.trim()), indent, style.width);
    }
    if let Some(n) = &c.note {
        crate::wrap::push(out, n, indent, style.width);
    }
    if let Some(u) = &c.url {
        out.push_str(&format!("{indent}{u}\n"));
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
    crate::wrap::push_list(&mut out, &terms, "  ", style.width);
    for t in &p.tracks {
        out.push('\n');
        out.push_str(&style.bold(&format!("{} (track {})", t.title, t.kind.name())));
        out.push('\n');
        let stages: Vec<String> = t.graph.node_weights().map(|s| s.id.clone()).collect();
        crate::wrap::push(
            &mut out,
            &format!("stages: {}", stages.join(", ")),
            "  ",
            style.width,
        );
        let mut steps: Vec<String> = t.graph.edge_weights().map(|s| s.id.clone()).collect();
        steps.dedup();
        crate::wrap::push(
            &mut out,
            &format!("steps: {}", steps.join(", ")),
            "  ",
            style.width,
        );
    }
    if !p.provisions.is_empty() {
        out.push('\n');
        out.push_str(&style.bold("Provisions"));
        out.push('\n');
        let ids: Vec<&str> = p.provisions.iter().map(|x| x.id.as_str()).collect();
        crate::wrap::push_list(&mut out, &ids, "  ", style.width);
    }
    // The examples are this rulebook's own: an alias and a provision it has.
    let alias = p.rulebook.glossary.iter().find_map(|g| g.aliases.first());
    let section = p
        .provisions
        .first()
        .map(|x| x.id.split('(').next().unwrap_or(&x.id));
    let mut more = String::from("Any word that names nothing lists what mentions it");
    if let Some(alias) = alias {
        more.push_str(&format!("; terms answer to other words too (`{alias}`)"));
    }
    if let Some(section) = section {
        more.push_str(&format!("; provisions to their section (`{section}`)"));
    }
    out.push_str("\nExplain one with `treatysim explain NAME`, e.g. `treatysim explain cloture`,\n`treatysim explain notice_pending` or `treatysim explain bill.pocket_veto`.\n");
    crate::wrap::push(&mut out, &format!("{more}."), "", style.width);
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

/// One term, stage, step, provision or source, as the law stood on `date` (`Date::MAX`:
/// as it now stands). A glossary term answers to its aliases too (`consent`, `60
/// senators`), and every name is matched ignoring case, hyphens and underscores. A name
/// that is none of these lists what mentions it; `Err` with a suggestion when nothing does.
pub fn one(
    p: &Procedure,
    query: &str,
    date: Date,
    style: Style,
) -> Result<String, (String, String)> {
    let q = fold(query);
    let mut out = String::new();
    let found = explain_term(&mut out, p, &q, date, style)
        || explain_stages_and_steps(&mut out, p, &q, date, style)
        || explain_provisions(&mut out, p, &q, date, style)
        || explain_source(&mut out, p, &q, date, style);
    if found {
        out.push_str(&style.dim(&as_of(p, date)));
        return Ok(out);
    }
    let hits = search(p, &q, date);
    if !hits.is_empty() {
        out.push_str(&format!(
            "Nothing in rulebook {} is called \"{}\"; these mention it:\n",
            p.rulebook.id,
            query.trim()
        ));
        let width = hits.iter().map(|(name, _)| name.chars().count()).max();
        for (name, what) in &hits {
            let name = format!("{name:<w$}", w = width.unwrap_or(0));
            let lead = format!("  {}  ", style.bold(&name));
            crate::wrap::push_row(&mut out, &lead, what, "    ", style.width);
        }
        out.push_str("Explain one with `treatysim explain NAME`.\n");
        return Ok(out);
    }
    let all = names(p);
    let short: Vec<String> = all
        .iter()
        .map(|n| n.split_once('.').map_or(n.clone(), |(_, i)| i.to_string()))
        .collect();
    let candidates: Vec<&str> = all.iter().chain(short.iter()).map(String::as_str).collect();
    let help = match did_you_mean(&query.trim().to_lowercase(), candidates.iter().copied()) {
        Some(s) => format!("did you mean `{s}`? `treatysim explain` lists every name"),
        None => "`treatysim explain` lists every term, stage, step and provision".to_string(),
    };
    Err((
        format!(
            "nothing in rulebook {} is called or mentions \"{}\"",
            p.rulebook.id,
            query.trim()
        ),
        help,
    ))
}

/// A glossary entry whose term or one of whose aliases is `q` (folded).
fn explain_term(out: &mut String, p: &Procedure, q: &str, date: Date, style: Style) -> bool {
    let Some(g) = p.rulebook.glossary.iter().find(|g| {
        std::iter::once(&g.term.value)
            .chain(&g.aliases)
            .any(|name| fold(name) == q)
    }) else {
        return false;
    };
    let term = crate::report::term_on(p, g, date);
    out.push_str(&style.bold(&term.term));
    out.push_str("  (term)\n");
    crate::wrap::push(out, &term.text, "  ", style.width);
    if !g.aliases.is_empty() {
        crate::wrap::push(
            out,
            &format!("Also found as: {}.", g.aliases.join(", ")),
            "  ",
            style.width,
        );
    }
    cite_full(out, p.citation(&term.citation_id), &term.citation_id, style);
    true
}

/// Every stage and step whose id is `q` (folded), optionally `track.id`.
fn explain_stages_and_steps(
    out: &mut String,
    p: &Procedure,
    q: &str,
    date: Date,
    style: Style,
) -> bool {
    let (track_part, id) = match q.split_once('.') {
        Some((t, i)) if p.tracks.iter().any(|track| track.kind.name() == t) => (Some(t), i),
        _ => (None, q),
    };
    let mut found = false;
    for t in &p.tracks {
        if track_part.is_some_and(|tp| tp != t.kind.name()) {
            continue;
        }
        for n in t.graph.node_indices() {
            if fold(&t.graph[n].id) == id {
                found = true;
                explain_stage(out, p, t, n, date, style);
            }
        }
        // A step id may join several pairs of stages; it is explained once.
        if let Some(e) = t.graph.edge_indices().find(|e| fold(&t.graph[*e].id) == id) {
            found = true;
            explain_step(out, p, t, e, date, style);
        }
    }
    found
}

/// The provisions whose id is `q`, or begins with it (`1250A` finds 1250A(a), (b) and
/// (c)); "section" or "§" before it is left out.
fn explain_provisions(out: &mut String, p: &Procedure, q: &str, date: Date, style: Style) -> bool {
    let q = ["section ", "sec. ", "§ ", "§"]
        .iter()
        .find_map(|prefix| q.strip_prefix(prefix))
        .unwrap_or(q);
    let mut found = false;
    for provision in &p.provisions {
        let id = fold(&provision.id);
        if id != q && !id.strip_prefix(q).is_some_and(|rest| rest.starts_with('(')) {
            continue;
        }
        found = true;
        // The version in force on the law's day (a view's day, or as the law now
        // stands), else the latest, said to be not in force then.
        let day = p.law_date(date);
        let shown = provision.on(day).unwrap_or_else(|| provision.latest());
        out.push_str(&style.bold(&provision.id));
        out.push_str("  (provision)\n");
        crate::wrap::push(
            out,
            &format!("{}.", p.render(&shown.title, date)),
            "  ",
            style.width,
        );
        let actions: Vec<String> = shown
            .actions
            .iter()
            .map(|a| a.name().replace('_', " "))
            .collect();
        let span = shown.in_force.describe();
        let force = match (shown.in_force.contains(day), day == Date::MAX) {
            (true, _) => format!("In force {span}"),
            (false, true) => format!("No longer in force (in force {span})"),
            (false, false) => format!("Not in force on {day} (in force {span})"),
        };
        crate::wrap::push(
            out,
            &format!("{force}; it governs: {}.", actions.join(", ")),
            "  ",
            style.width,
        );
        crate::wrap::push(
            out,
            &format!("Breached when: {}", p.render(shown.text.trim(), date)),
            "  ",
            style.width,
        );
        cite_full(out, p.citation(&shown.citation), &shown.citation, style);
    }
    found
}

/// A source, by its id, its title or its formal citation.
fn explain_source(out: &mut String, p: &Procedure, q: &str, date: Date, style: Style) -> bool {
    let Some((id, c)) = p
        .rulebook
        .citations
        .iter()
        .find(|(id, c)| fold(id) == q || fold(&c.title) == q || fold(&c.cite) == q)
    else {
        return false;
    };
    out.push_str(&style.bold(&c.title));
    out.push_str(&format!("  (source {id}: {}, {})\n", c.kind, c.date.0));
    citation_body(out, c, "  ", style);
    let citing = citing(p, id, date);
    if !citing.is_empty() {
        crate::wrap::push(
            out,
            &format!("Cited for: {}.", citing.join("; ")),
            "  ",
            style.width,
        );
    }
    true
}

/// What cites the source `id` on `date`: terms, stages, steps and provisions.
fn citing(p: &Procedure, id: &str, date: Date) -> Vec<String> {
    let day = p.law_date(date);
    let mut all: Vec<String> = p
        .rulebook
        .glossary
        .iter()
        .filter(|g| crate::report::term_on(p, g, date).citation_id == id)
        .map(|g| format!("the term {}", g.term.value))
        .collect();
    for t in &p.tracks {
        for s in t.graph.node_weights() {
            if s.citation_on(day) == id {
                all.push(format!("the stage {}.{}", t.kind.name(), s.id));
            }
        }
        for s in t.graph.edge_weights() {
            let name = format!("the step {}.{}", t.kind.name(), s.id);
            if s.citation_on(day) == id && !all.contains(&name) {
                all.push(name);
            }
        }
    }
    for provision in &p.provisions {
        if provision.variants.iter().any(|v| v.citation == id) {
            all.push(format!("the provision {}", provision.id));
        }
    }
    all
}

/// Everything whose name, label or title mentions `q` (folded): each name `explain`
/// takes for it, with what it is.
fn search(p: &Procedure, q: &str, date: Date) -> Vec<(String, String)> {
    let day = p.law_date(date);
    let mentions = |text: &str| !q.is_empty() && fold(text).contains(q);
    let mut hits: Vec<(String, String)> = Vec::new();
    let mut add = |name: String, what: String| {
        if !hits.iter().any(|(n, _)| *n == name) {
            hits.push((name, what));
        }
    };
    for g in &p.rulebook.glossary {
        if std::iter::once(&g.term.value)
            .chain(&g.aliases)
            .any(|n| mentions(n))
        {
            add(g.term.value.clone(), "term".to_string());
        }
    }
    for t in &p.tracks {
        for s in t.graph.node_weights() {
            let label = p.render(s.label_on(day), date);
            if mentions(&s.id) || mentions(&label) {
                add(
                    format!("{}.{}", t.kind.name(), s.id),
                    format!("stage: {label}"),
                );
            }
        }
        for s in t.graph.edge_weights() {
            let label = p.render(s.label_on(day), date);
            if mentions(&s.id) || mentions(&label) {
                add(
                    format!("{}.{}", t.kind.name(), s.id),
                    format!("step: {label}"),
                );
            }
        }
    }
    for provision in &p.provisions {
        let title = p.render(&provision.latest().title, date);
        if mentions(&provision.id) || mentions(&title) {
            add(provision.id.clone(), format!("provision: {title}"));
        }
    }
    for (id, c) in &p.rulebook.citations {
        if mentions(id) || mentions(&c.title) || mentions(&c.cite) {
            add(id.clone(), format!("source: {}", c.title));
        }
    }
    hits
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
    crate::wrap::push(out, &say(s.text_on(day)), "  ", style.width);
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
        crate::wrap::push(
            out,
            &format!("Reached by: {}.", into.join("; ")),
            "  ",
            style.width,
        );
    }
    if !out_of.is_empty() {
        crate::wrap::push(
            out,
            &format!("Steps from here: {}.", out_of.join("; ")),
            "  ",
            style.width,
        );
    }
    cite_full(
        out,
        p.citation(s.citation_on(day)),
        s.citation_on(day),
        style,
    );
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
    crate::wrap::push(out, &say(step.text_on(day)), "  ", style.width);
    let trigger = match step.trigger {
        Trigger::Action(a) => format!("the action `{}`", a.name()),
        Trigger::Timer(timer) => format!("the period `{}` running out", timer.name()),
    };
    crate::wrap::push(
        out,
        &format!(
            "From {} to {}, taken by {}.",
            say(t.graph[a].label_on(day)),
            say(t.graph[b].label_on(day)),
            trigger
        ),
        "  ",
        style.width,
    );
    let conditions = step.conditions(p, day);
    if !conditions.is_empty() {
        crate::wrap::push(out, &format!("When: {conditions}."), "  ", style.width);
    }
    if let Trigger::Action(action) = step.trigger {
        for provision in &p.provisions {
            let Some(version) = provision.on(day) else {
                continue;
            };
            if version.actions.contains(&action) {
                crate::wrap::push(
                    out,
                    &format!(
                        "Governed by {} ({}): {}.",
                        provision.id,
                        version.in_force.describe(),
                        say(&version.title)
                    ),
                    "  ",
                    style.width,
                );
            }
        }
    }
    cite_full(
        out,
        p.citation(step.citation_on(day)),
        step.citation_on(day),
        style,
    );
}
