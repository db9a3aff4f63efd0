//! Graphviz DOT: one `cluster_` subgraph per track, a tooltip with the citation on every
//! stage and step (the steps that stay on a stage share one loop), the links between tracks as dashed edges (`compound=true` lets a link
//! start at a whole track).

use std::fmt::Write as _;

use super::svg::{ACCENT, DANGER, FONT, GREY, INK};
use super::{Diagram, Line};
use crate::vocab::Word;

/// The DOT document.
pub fn render(d: &Diagram) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph treatysim {{");
    let _ = writeln!(
        out,
        "  graph [compound=true, rankdir=TB, newrank=true, fontname=\"{}\", label={}, labelloc=t, fontsize=22, nodesep=0.4, ranksep=0.45];",
        font(),
        quote(&if d.has_path {
            format!("{} — the path a scenario took", d.title)
        } else {
            d.title.clone()
        })
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=white, color=\"{INK}\", fontname=\"{}\", fontsize=14];",
        font()
    );
    let _ = writeln!(
        out,
        "  edge [fontname=\"{}\", fontsize=11, color=\"{INK}\"];",
        font()
    );
    for c in &d.clusters {
        cluster(&mut out, d, c);
    }
    links(&mut out, d);
    let _ = writeln!(out, "}}");
    out
}

/// One track: its stages, its steps, and one loop per stage for the steps that stay.
fn cluster(out: &mut String, d: &Diagram, c: &super::Cluster) {
    let _ = writeln!(out, "  subgraph cluster_{} {{", c.kind.name());
    let _ = writeln!(
        out,
        "    label={}; tooltip={}; style=\"rounded,filled\"; fillcolor=\"#f9fafb\"; color=\"#d1d5db\"; fontsize=18;",
        quote(&c.title),
        quote(&c.text)
    );
    for n in &c.nodes {
        let mut attrs = vec![
            format!("label={}", quote(&node_label(n))),
            format!(
                "tooltip={}",
                quote(&format!("{}: {} — {}", n.label, n.text, n.citation))
            ),
        ];
        if n.terminal {
            attrs.push("peripheries=2".into());
        }
        if n.start {
            attrs.push("penwidth=2".into());
        }
        if n.reached {
            attrs.push(format!("fillcolor=\"#dbeafe\", color=\"{ACCENT}\""));
        } else if d.has_path {
            attrs.push(format!("color=\"#9ca3af\", fontcolor=\"{GREY}\""));
        }
        let _ = writeln!(out, "    {} [{}];", quote(&n.key), attrs.join(", "));
    }
    for e in &c.edges {
        for line in &e.lines {
            let mut attrs = vec![
                format!("label={}", quote(&edge_label(line))),
                format!("tooltip={}", quote(&tooltip(line))),
            ];
            if !line.violations.is_empty() {
                attrs.push(format!(
                    "color=\"{DANGER}\", fontcolor=\"{DANGER}\", penwidth=3.5, style=bold"
                ));
            } else if !line.taken.is_empty() {
                attrs.push(format!(
                    "color=\"{ACCENT}\", fontcolor=\"{ACCENT}\", penwidth=3.5, style=bold"
                ));
            } else if d.has_path {
                attrs.push(format!("color=\"#9ca3af\", fontcolor=\"{GREY}\""));
            }
            let _ = writeln!(
                out,
                "    {} -> {} [{}];",
                quote(&c.nodes[e.from].key),
                quote(&c.nodes[e.to].key),
                attrs.join(", ")
            );
        }
    }
    loops(out, d, c);
    let _ = writeln!(out, "  }}");
}

/// Steps that stay on a stage share one loop: Graphviz overlaps the labels of several
/// loops on one node.
fn loops(out: &mut String, d: &Diagram, c: &super::Cluster) {
    for n in c.nodes.iter().filter(|n| !n.loops.is_empty()) {
        let label: Vec<String> = n.loops.iter().map(edge_label).collect();
        let tip: Vec<String> = n.loops.iter().map(tooltip).collect();
        let mut attrs = vec![
            format!("label={}", quote(&label.join("\n"))),
            format!("tooltip={}", quote(&tip.join("\n"))),
        ];
        if n.loops.iter().any(|l| !l.violations.is_empty()) {
            attrs.push(format!(
                "color=\"{DANGER}\", fontcolor=\"{DANGER}\", penwidth=3"
            ));
        } else if n.loops.iter().any(|l| !l.taken.is_empty()) {
            attrs.push(format!(
                "color=\"{ACCENT}\", fontcolor=\"{ACCENT}\", penwidth=3"
            ));
        } else if d.has_path {
            attrs.push(format!("color=\"#9ca3af\", fontcolor=\"{GREY}\""));
        }
        let _ = writeln!(
            out,
            "    {} -> {} [{}];",
            quote(&n.key),
            quote(&n.key),
            attrs.join(", ")
        );
    }
}

/// The links between tracks, dashed (`ltail` lets one start at a whole track).
fn links(out: &mut String, d: &Diagram) {
    for link in &d.links {
        let from_cluster = &d.clusters[link.from.0];
        let (from, tail) = match link.from.1 {
            Some(n) => (from_cluster.nodes[n].key.clone(), String::new()),
            None => {
                let start = from_cluster
                    .nodes
                    .iter()
                    .find(|n| n.start)
                    .unwrap_or(&from_cluster.nodes[0]);
                (
                    start.key.clone(),
                    format!(", ltail=cluster_{}", from_cluster.kind.name()),
                )
            }
        };
        let to = &d.clusters[link.to.0].nodes[link.to.1].key;
        let _ = writeln!(
            out,
            "  {} -> {} [style=dashed, color=\"#7c3aed\", fontcolor=\"#5b21b6\", constraint=false, label={}, tooltip={}{tail}];",
            quote(&from),
            quote(to),
            quote(&wrap(&link.label, 28)),
            quote(&format!("{} — {}", link.label, link.citation))
        );
    }
}

/// DOT takes one font family: the first of the SVG writer's list.
fn font() -> &'static str {
    FONT.split(',')
        .next()
        .unwrap_or("sans-serif")
        .trim_matches([' ', '\''])
}

fn node_label(n: &super::Node) -> String {
    let mut text = wrap(&n.label, 22);
    if n.start {
        text = format!("START\n{text}");
    } else if n.terminal {
        text = format!("FINAL\n{text}");
    }
    text
}

fn edge_label(line: &Line) -> String {
    let mut parts = Vec::new();
    if !line.taken.is_empty() {
        parts.push(line.taken_text());
    }
    parts.push(wrap(&line.label, 26));
    if let Some(c) = &line.condition {
        parts.push(wrap(c, 30));
    }
    for v in &line.violations {
        parts.push(format!("✗ violates {v}"));
    }
    parts.join("\n")
}

fn tooltip(line: &Line) -> String {
    format!("{}: {} — {}", line.phrase(), line.text, line.citation)
}

fn wrap(text: &str, width: usize) -> String {
    textwrap::wrap(text, width).join("\n")
}

/// A DOT string literal: quotes and backslashes escaped, newlines as `\n` (centred).
pub fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
