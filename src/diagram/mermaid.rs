//! Mermaid: a `flowchart` with one subgraph per track, one level deep. Mermaid's state
//! diagrams misbehave with composite states and links between them, and a flowchart
//! renders the same on GitHub; steps that stay on a stage are listed in its box rather
//! than drawn as loops. Steps between the same two stages share one arrow.

use std::fmt::Write as _;

use super::svg::{ACCENT, DANGER, GREY};
use super::{Cluster, Diagram, Line, Node};
use crate::vocab::Word;

/// The Mermaid document.
pub fn render(d: &Diagram) -> String {
    let mut out = String::new();
    let title = if d.has_path {
        format!("{} — the path a scenario took", d.title)
    } else {
        d.title.clone()
    };
    let _ = writeln!(out, "---\ntitle: {}\n---", title.replace(['\n', ':'], " "));
    let _ = writeln!(out, "flowchart TB");
    let mut link_styles = LinkStyles::default();
    for c in &d.clusters {
        write_cluster(&mut out, d, c, &mut link_styles);
    }
    for link in &d.links {
        let from = match link.from.1 {
            Some(n) => id(&d.clusters[link.from.0].nodes[n].key),
            None => d.clusters[link.from.0].kind.name().to_string(),
        };
        let to = id(&d.clusters[link.to.0].nodes[link.to.1].key);
        let _ = writeln!(out, "  {from} -.->|\"{}\"| {to}", text(&link.label));
    }
    write_classes(&mut out, d);
    for (k, color) in link_styles.styles {
        let width = if color == GREY { 1 } else { 4 };
        let _ = writeln!(out, "  linkStyle {k} stroke:{color},stroke-width:{width}px");
    }
    out
}

/// The colours of the arrows, by the number Mermaid's `linkStyle` names an
/// arrow with: its place among all the arrows written before it.
#[derive(Default)]
struct LinkStyles {
    styles: Vec<(usize, &'static str)>,
    first_free: usize,
}

/// One track's subgraph: its stages and its arrows. Each arrow that needs a
/// colour (violated, taken, or not taken beside a path) gets it in
/// `link_styles`.
fn write_cluster(out: &mut String, d: &Diagram, c: &Cluster, link_styles: &mut LinkStyles) {
    let _ = writeln!(out, "  subgraph {}[\"{}\"]", c.kind.name(), text(&c.title));
    let _ = writeln!(out, "    direction TB");
    for n in &c.nodes {
        let _ = writeln!(out, "    {}", node(n));
    }
    let before = link_styles.first_free;
    link_styles.first_free += c.edges.len();
    for (k, e) in c.edges.iter().enumerate() {
        let label: Vec<String> = e.lines.iter().map(line_text).collect();
        let _ = writeln!(
            out,
            "    {} -->|\"{}\"| {}",
            id(&c.nodes[e.from].key),
            label.join("<br/>"),
            id(&c.nodes[e.to].key)
        );
        if e.violated() {
            link_styles.styles.push((before + k, DANGER));
        } else if e.taken() {
            link_styles.styles.push((before + k, ACCENT));
        } else if d.has_path {
            link_styles.styles.push((before + k, GREY));
        }
    }
    let _ = writeln!(out, "  end");
}

/// A stage: a stadium for the start, a subroutine box for a final stage, a
/// plain box otherwise; the steps that stay on it listed under its name.
fn node(n: &Node) -> String {
    let mut label = text(&n.label);
    if n.start {
        label = format!("START<br/>{label}");
    } else if n.terminal {
        label = format!("FINAL<br/>{label}");
    }
    for l in &n.loops {
        label.push_str(&format!("<br/>↻ {}", line_text(l)));
    }
    let (open, close) = if n.terminal {
        ("[[", "]]")
    } else if n.start {
        ("([", "])")
    } else {
        ("[", "]")
    };
    format!("{}{open}\"{label}\"{close}", id(&n.key))
}

/// The classes for stages reached and not, and (with a path) which stage
/// has which.
fn write_classes(out: &mut String, d: &Diagram) {
    let _ = writeln!(
        out,
        "  classDef reached fill:#dbeafe,stroke:{ACCENT},stroke-width:2px,color:#111827"
    );
    let _ = writeln!(
        out,
        "  classDef dim fill:#ffffff,stroke:#9ca3af,color:{GREY}"
    );
    if !d.has_path {
        return;
    }
    let stages = || d.clusters.iter().flat_map(|c| c.nodes.iter());
    let reached: Vec<String> = stages().filter(|n| n.reached).map(|n| id(&n.key)).collect();
    let dim: Vec<String> = stages()
        .filter(|n| !n.reached)
        .map(|n| id(&n.key))
        .collect();
    if !reached.is_empty() {
        let _ = writeln!(out, "  class {} reached", reached.join(","));
    }
    if !dim.is_empty() {
        let _ = writeln!(out, "  class {} dim", dim.join(","));
    }
}

fn line_text(l: &Line) -> String {
    let mut s = String::new();
    if !l.taken.is_empty() {
        s.push_str(&format!("<b>{}</b> ", text(&l.taken_text())));
    }
    s.push_str(&text(&l.phrase()));
    for v in &l.violations {
        s.push_str(&format!(" ✗ violates {}", text(v)));
    }
    s
}

/// A Mermaid node id: letters, digits and underscores.
fn id(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// Text inside a quoted Mermaid label, with the characters Mermaid treats specially
/// written as its entity codes.
fn text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
