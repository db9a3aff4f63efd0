//! SVG drawn by the tool itself: each track laid out by [`super::layout`] in a panel of
//! its own, panels packed in rows, the links between tracks listed under them.
//!
//! Text is measured with a table of Arial/Liberation Sans advance widths (rounded up), so
//! boxes fit their text in the fonts a browser is likely to use; the browser test checks
//! this in Chromium. Every stage and step carries a `<title>` tooltip with its citation;
//! stages are focusable (`tabindex`) and carry `data-stage` for the HTML report's script.

use std::fmt::Write as _;

use super::layout::{self, EdgeIn, Layout, Rect, Size};
use super::{Cluster, Diagram, Line};
use crate::vocab::Word;

/// The widest a row of panels may be (a 1920-pixel projector, less margins).
const MAX_WIDTH: f64 = 1880.0;
const MARGIN: f64 = 20.0;
const PANEL_PAD: f64 = 16.0;
const TITLE_SIZE: f64 = 20.0;
const TEXT_SIZE: f64 = 13.0;
const STAGE_SIZE: f64 = 16.0;
const SMALL_SIZE: f64 = 12.0;
const LINE_GAP: f64 = 1.3;
const NODE_PAD: f64 = 10.0;
const LABEL_PAD: f64 = 5.0;

pub const FONT: &str = "'Liberation Sans', Arial, Helvetica, sans-serif";

/// Colours, each with at least 4.5:1 contrast on white or on its fill (WCAG AA).
pub const INK: &str = "#111827";
pub const MUTED: &str = "#4b5563";
pub const GREY: &str = "#606774";
pub const ACCENT: &str = "#1d4ed8";
pub const DANGER: &str = "#b91c1c";
/// The links between tracks (as the DOT output draws them).
pub const LINK: &str = "#6d28d9";
const REACHED_FILL: &str = "#dbeafe";

/// Advance width of `text` at `size` pixels, from Arial's metrics, rounded up.
pub fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.28,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '[' | ']' | '/' | '-' | '"' => 0.36,
            'm' | 'w' | 'M' | 'W' => 0.89,
            'A'..='Z' => 0.72,
            '0'..='9' => 0.56,
            '·' | '•' => 0.36,
            '↻' | '✗' | '→' | '≥' => 1.0,
            c if c.is_ascii() => 0.56,
            _ => 0.8,
        })
        .sum();
    (em * size * 1.06).ceil()
}

/// One line of text in a box: its words, size, weight and colour class.
#[derive(Clone, Debug)]
struct TextLine {
    text: String,
    size: f64,
    class: &'static str,
}

impl TextLine {
    fn new(text: impl Into<String>, size: f64, class: &'static str) -> TextLine {
        TextLine {
            text: text.into(),
            size,
            class,
        }
    }
    fn height(&self) -> f64 {
        self.size * LINE_GAP
    }
}

fn wrap(text: &str, chars: usize, size: f64, class: &'static str) -> Vec<TextLine> {
    textwrap::wrap(text, chars)
        .into_iter()
        .map(|l| TextLine::new(l.into_owned(), size, class))
        .collect()
}

fn block_size(lines: &[TextLine], pad: f64) -> Size {
    let w = lines
        .iter()
        .map(|l| text_width(&l.text, l.size))
        .fold(0.0, f64::max);
    let h: f64 = lines.iter().map(TextLine::height).sum();
    Size {
        w: w + 2.0 * pad,
        h: h + 2.0 * pad,
    }
}

/// The text lines of one step, as drawn on an edge label or inside a stage.
fn step_lines(line: &Line, prefix: &str, width: usize) -> Vec<TextLine> {
    let mut out = Vec::new();
    for t in &line.taken {
        out.push(TextLine::new(t.caption(), SMALL_SIZE, "num"));
    }
    let class = if line.taken.is_empty() {
        "step"
    } else {
        "step taken"
    };
    out.extend(wrap(
        &format!("{prefix}{}", line.label),
        width,
        TEXT_SIZE,
        class,
    ));
    if let Some(c) = &line.condition {
        out.extend(wrap(c, width + 4, SMALL_SIZE, "cond"));
    }
    for v in &line.violations {
        out.push(TextLine::new(format!("✗ violates {v}"), SMALL_SIZE, "bad"));
    }
    out
}

fn node_lines(node: &super::Node) -> Vec<TextLine> {
    let mut lines = Vec::new();
    let tag = match (node.start, node.terminal) {
        (true, _) => Some("START"),
        (_, true) => Some("FINAL"),
        _ => None,
    };
    if let Some(tag) = tag {
        lines.push(TextLine::new(tag, SMALL_SIZE - 1.0, "tag"));
    }
    lines.extend(wrap(&node.label, 22, STAGE_SIZE, "stage"));
    for l in &node.loops {
        lines.extend(step_lines(l, "↻ ", 30));
    }
    lines
}

/// An arrow's label: its step, or the steps that join the same two stages, each after
/// the first marked "or" (signing and ten days unreturned both enact a bill).
fn edge_lines(edge: &super::Edge) -> Vec<TextLine> {
    edge.lines
        .iter()
        .enumerate()
        .flat_map(|(i, l)| step_lines(l, if i == 0 { "" } else { "or " }, 26))
        .collect()
}

/// A panel laid out at the origin.
struct Panel<'a> {
    cluster: &'a Cluster,
    header: Vec<TextLine>,
    node_text: Vec<Vec<TextLine>>,
    edge_text: Vec<Vec<TextLine>>,
    layout: Layout,
    width: f64,
    height: f64,
    header_height: f64,
}

fn panel(cluster: &Cluster) -> Panel<'_> {
    let node_text: Vec<Vec<TextLine>> = cluster.nodes.iter().map(node_lines).collect();
    let edge_text: Vec<Vec<TextLine>> = cluster.edges.iter().map(edge_lines).collect();
    let sizes: Vec<Size> = node_text.iter().map(|l| block_size(l, NODE_PAD)).collect();
    let edges: Vec<EdgeIn> = cluster
        .edges
        .iter()
        .zip(&edge_text)
        .map(|(e, t)| EdgeIn {
            from: e.from,
            to: e.to,
            label: block_size(t, LABEL_PAD),
        })
        .collect();
    let start = cluster.nodes.iter().position(|n| n.start).unwrap_or(0);
    let layout = layout::layered(&sizes, &edges, start);
    let inner = layout.width.max(240.0);
    let chars = ((inner / (TEXT_SIZE * 0.55)) as usize).clamp(30, 70);
    let mut header = vec![TextLine::new(&cluster.title, TITLE_SIZE, "title")];
    header.extend(wrap(&cluster.text, chars, TEXT_SIZE, "muted"));
    let header_size = block_size(&header, 0.0);
    let width = inner.max(header_size.w) + 2.0 * PANEL_PAD;
    let header_height = header_size.h + 12.0;
    let height = PANEL_PAD + header_height + layout.height + PANEL_PAD;
    Panel {
        cluster,
        header,
        node_text,
        edge_text,
        layout,
        width,
        height,
        header_height,
    }
}

/// Where everything ended up, for drawing and for the layout test.
pub struct Placed {
    /// Every stage's box, by cluster then stage.
    pub nodes: Vec<Vec<Rect>>,
    /// Every edge label's box, by cluster then edge.
    pub labels: Vec<Vec<Rect>>,
    pub width: f64,
    pub height: f64,
}

/// The SVG document, and the boxes it drew.
pub fn render_placed(d: &Diagram) -> (String, Placed) {
    let panels: Vec<Panel> = d.clusters.iter().map(panel).collect();
    let heading = if d.has_path {
        format!("{} — the path a scenario took", d.title)
    } else {
        d.title.clone()
    };
    let top = MARGIN + TITLE_SIZE * 1.6 + 8.0;
    let (origins, panels_width, panels_bottom) = pack_rows(&panels, top);
    let footer = footer_lines(d);
    let footer_size = block_size(&footer, 0.0);
    let width = panels_width.max(MARGIN + footer_size.w + MARGIN);
    let height = panels_bottom + footer_size.h + MARGIN;

    let mut svg = head(d, &heading, width, height);
    let mut placed = Placed {
        nodes: Vec::new(),
        labels: Vec::new(),
        width,
        height,
    };
    for (p, (ox, oy)) in panels.iter().zip(&origins) {
        let (nodes, labels) = draw_panel(&mut svg, d, p, *ox, *oy);
        placed.nodes.push(nodes);
        placed.labels.push(labels);
    }
    let panel_rects: Vec<Rect> = panels
        .iter()
        .zip(&origins)
        .map(|(p, (x, y))| Rect {
            x: *x,
            y: *y,
            w: p.width,
            h: p.height,
        })
        .collect();
    draw_links(&mut svg, d, &placed.nodes, &panel_rects);
    let mut ty = panels_bottom;
    for line in &footer {
        ty += line.height();
        let _ = writeln!(
            svg,
            r#"<text x="{MARGIN}" y="{:.1}" font-size="{}" class="{}">{}</text>"#,
            ty - line.size * 0.3,
            line.size,
            line.class,
            esc(&line.text)
        );
    }
    svg.push_str("</svg>\n");
    (svg, placed)
}

/// The links between tracks as dashed arrows from the stage (or the whole track) that
/// makes a step lawful to the stage that step leads to, each numbered as the footer
/// lists it, with its words and citation as a tooltip.
fn draw_links(svg: &mut String, d: &Diagram, nodes: &[Vec<Rect>], panels: &[Rect]) {
    for (k, link) in d.links.iter().enumerate() {
        let from = match link.from.1 {
            Some(n) => nodes[link.from.0][n],
            None => panels[link.from.0],
        };
        let to = nodes[link.to.0][link.to.1];
        let (x1, y1) = border_point(&from, (to.cx(), to.cy()));
        let (x2, y2) = border_point(&to, (from.cx(), from.cy()));
        // A gentle curve: the control points pulled sideways from the straight line.
        let (mx, my) = ((x1 + x2) / 2.0, (y1 + y2) / 2.0);
        let (nx, ny) = (-(y2 - y1) * 0.15, (x2 - x1) * 0.15);
        let _ = writeln!(
            svg,
            r#"<g class="link"><title>{}</title><path d="M{x1:.1},{y1:.1} Q{:.1},{:.1} {x2:.1},{y2:.1}" marker-end="url(#arrow-link)"/>"#,
            esc(&format!("{}. {} — {}", k + 1, link.label, link.citation)),
            mx + nx,
            my + ny,
        );
        // The number by the arrow's head, where the footer's line of the same number
        // says what the link is.
        let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt().max(1.0);
        let (bx, by) = (x2 - (x2 - x1) / len * 22.0, y2 - (y2 - y1) / len * 22.0);
        let _ = writeln!(
            svg,
            r#"<circle class="link-badge" cx="{bx:.1}" cy="{by:.1}" r="10"/><text class="link-num" x="{bx:.1}" y="{:.1}" font-size="{SMALL_SIZE}" text-anchor="middle">{}</text></g>"#,
            by + SMALL_SIZE * 0.35,
            k + 1
        );
    }
}

/// Where the line from `r`'s centre towards `toward` leaves `r`.
fn border_point(r: &Rect, toward: (f64, f64)) -> (f64, f64) {
    let (cx, cy) = (r.cx(), r.cy());
    let (dx, dy) = (toward.0 - cx, toward.1 - cy);
    if dx == 0.0 && dy == 0.0 {
        return (cx, cy);
    }
    let sx = if dx == 0.0 {
        f64::INFINITY
    } else {
        (r.w / 2.0) / dx.abs()
    };
    let sy = if dy == 0.0 {
        f64::INFINITY
    } else {
        (r.h / 2.0) / dy.abs()
    };
    let t = sx.min(sy);
    (cx + dx * t, cy + dy * t)
}

/// Packs the panels in rows no wider than `MAX_WIDTH`, the first row at
/// `top`: each panel's origin, the widest row's right edge, and the y
/// under the last row (with its margin).
fn pack_rows(panels: &[Panel], top: f64) -> (Vec<(f64, f64)>, f64, f64) {
    let mut y = top;
    let mut x = MARGIN;
    let mut row_height: f64 = 0.0;
    let mut origins = Vec::new();
    let mut width: f64 = 0.0;
    for p in panels {
        if x > MARGIN && x + p.width > MAX_WIDTH {
            x = MARGIN;
            y += row_height + MARGIN;
            row_height = 0.0;
        }
        origins.push((x, y));
        x += p.width + MARGIN;
        width = width.max(x);
        row_height = row_height.max(p.height);
    }
    (origins, width, y + row_height + MARGIN)
}

/// The lines under the panels: how the tracks connect, and (with a path)
/// the key to its colours.
fn footer_lines(d: &Diagram) -> Vec<TextLine> {
    let mut footer: Vec<TextLine> = Vec::new();
    if !d.links.is_empty() {
        footer.push(TextLine::new(
            "How the tracks connect",
            TEXT_SIZE + 3.0,
            "title",
        ));
        for (k, link) in d.links.iter().enumerate() {
            let from = &d.clusters[link.from.0];
            let from_name = match link.from.1 {
                Some(n) => format!("{}: {}", from.title, from.nodes[n].label),
                None => from.title.clone(),
            };
            let to = &d.clusters[link.to.0];
            footer.push(TextLine::new(
                format!(
                    "{}. {from_name} → {}: {}. {} — {}",
                    k + 1,
                    to.title,
                    to.nodes[link.to.1].label,
                    link.label,
                    link.citation
                ),
                TEXT_SIZE,
                "link",
            ));
        }
    }
    if !d.links.is_empty() {
        footer.push(TextLine::new(
            "Dashed purple arrows, numbered as above: one track's stage makes a step in another lawful.",
            TEXT_SIZE,
            "muted",
        ));
    }
    if d.clusters
        .iter()
        .any(|c| c.nodes.iter().any(|n| !n.loops.is_empty()))
    {
        footer.push(TextLine::new(
            "↻ inside a stage: a step that leaves the track at that stage (a vote that fails, cloture invoked, a ruling again).",
            TEXT_SIZE,
            "muted",
        ));
    }
    if d.has_path {
        footer.push(TextLine::new(
            "Numbered in blue: the steps taken, in order, with their dates. Shaded: stages reached. Red: a provision violated. Grey: steps not taken.",
            TEXT_SIZE,
            "muted",
        ));
    }
    footer
}

/// The document's opening: the `<svg>` element, its title and description
/// for screen readers, the style sheet, the arrow markers, the background
/// and the heading.
fn head(d: &Diagram, heading: &str, width: f64, height: f64) -> String {
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" aria-labelledby="diagram-title diagram-desc" class="treatysim-diagram">
<title id="diagram-title">{title}</title>
<desc id="diagram-desc">{desc}</desc>
<style>
.treatysim-diagram text {{ font-family: {FONT}; fill: {INK}; }}
.treatysim-diagram .title {{ font-weight: bold; }}
.treatysim-diagram .muted, .treatysim-diagram .cond {{ fill: {MUTED}; }}
.treatysim-diagram .tag {{ fill: {MUTED}; letter-spacing: 0.08em; }}
.treatysim-diagram .stage {{ font-weight: bold; }}
.treatysim-diagram .num {{ fill: {ACCENT}; font-weight: bold; }}
.treatysim-diagram .taken {{ fill: {ACCENT}; font-weight: bold; }}
.treatysim-diagram .bad {{ fill: {DANGER}; font-weight: bold; }}
.treatysim-diagram .panel {{ fill: #f9fafb; stroke: #d1d5db; }}
.treatysim-diagram .box {{ fill: #ffffff; stroke: {INK}; stroke-width: 1.5; }}
.treatysim-diagram .terminal .box {{ stroke-width: 3.5; }}
.treatysim-diagram .reached .box {{ fill: {REACHED_FILL}; stroke: {ACCENT}; }}
.treatysim-diagram .dim .box {{ stroke: #9ca3af; }}
.treatysim-diagram .dim text {{ fill: {GREY}; }}
.treatysim-diagram .label-box {{ fill: #ffffff; fill-opacity: 0.94; stroke: none; }}
.treatysim-diagram .edge path {{ fill: none; stroke: {INK}; stroke-width: 1.4; }}
.treatysim-diagram .edge.dim path {{ stroke: #9ca3af; }}
.treatysim-diagram .edge.taken path {{ stroke: {ACCENT}; stroke-width: 3.5; }}
.treatysim-diagram .edge.violated path {{ stroke: {DANGER}; stroke-width: 3.5; }}
.treatysim-diagram .node:focus .box, .treatysim-diagram .node:hover .box {{ stroke: {ACCENT}; stroke-width: 3; }}
.treatysim-diagram .node {{ cursor: pointer; outline: none; }}
.treatysim-diagram .link path {{ fill: none; stroke: {LINK}; stroke-width: 2; stroke-dasharray: 7 5; stroke-opacity: 0.6; }}
.treatysim-diagram .link-badge {{ fill: {LINK}; }}
.treatysim-diagram .link-num {{ fill: #ffffff; font-weight: bold; }}
</style>
<defs>
<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{INK}"/></marker>
<marker id="arrow-dim" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#9ca3af"/></marker>
<marker id="arrow-taken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{ACCENT}"/></marker>
<marker id="arrow-link" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{LINK}"/></marker>
<marker id="arrow-bad" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{DANGER}"/></marker>
</defs>
<rect x="0" y="0" width="{w:.0}" height="{h:.0}" fill="#ffffff"/>
<text x="{MARGIN}" y="{ty:.1}" font-size="{tsize}" class="title">{heading}</text>
"##,
        w = width,
        h = height,
        title = esc(heading),
        desc = esc(&describe(d)),
        ty = MARGIN + TITLE_SIZE,
        tsize = TITLE_SIZE * 1.2,
        heading = esc(heading),
    );
    svg
}

/// The SVG document.
pub fn render(d: &Diagram) -> String {
    render_placed(d).0
}

/// The diagram in words, for screen readers (`<desc>`).
pub fn describe(d: &Diagram) -> String {
    let mut parts = Vec::new();
    for c in &d.clusters {
        let stages: Vec<&str> = c.nodes.iter().map(|n| n.label.as_str()).collect();
        parts.push(format!("{}: stages {}.", c.title, stages.join(", ")));
    }
    if d.has_path {
        let mut taken: Vec<(usize, String)> = Vec::new();
        for c in &d.clusters {
            let lines = c
                .edges
                .iter()
                .flat_map(|e| e.lines.iter())
                .chain(c.nodes.iter().flat_map(|n| n.loops.iter()));
            for l in lines {
                for t in &l.taken {
                    taken.push((t.number, format!("{} {} ({})", t.date, l.label, c.title)));
                }
            }
        }
        taken.sort();
        let steps: Vec<String> = taken.into_iter().map(|(_, s)| s).collect();
        parts.push(format!("Steps taken: {}.", steps.join("; ")));
    }
    parts.join(" ")
}

fn draw_panel(
    svg: &mut String,
    d: &Diagram,
    p: &Panel,
    ox: f64,
    oy: f64,
) -> (Vec<Rect>, Vec<Rect>) {
    let c = p.cluster;
    let _ = writeln!(svg, r#"<g class="track" id="track-{}">"#, c.kind.name());
    let _ = writeln!(
        svg,
        r#"<rect class="panel" x="{ox:.1}" y="{oy:.1}" width="{:.1}" height="{:.1}" rx="10"/>"#,
        p.width, p.height
    );
    let mut ty = oy + PANEL_PAD;
    for line in &p.header {
        ty += line.height();
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" font-size="{}" class="{}">{}</text>"#,
            ox + PANEL_PAD,
            ty - line.size * 0.3,
            line.size,
            line.class,
            esc(&line.text)
        );
    }
    let dx = ox + PANEL_PAD + ((p.width - 2.0 * PANEL_PAD) - p.layout.width).max(0.0) / 2.0;
    let dy = oy + PANEL_PAD + p.header_height;
    let nodes: Vec<Rect> = p.layout.nodes.iter().map(|r| r.translate(dx, dy)).collect();
    let labels: Vec<Rect> = p
        .layout
        .edges
        .iter()
        .map(|e| e.label.translate(dx, dy))
        .collect();
    // Edges first, then labels over them, then stages.
    draw_edges(svg, d, p, (dx, dy));
    draw_edge_labels(svg, d, c, &labels, &p.edge_text);
    draw_stages(svg, d, c, &nodes, &p.node_text);
    svg.push_str("</g>\n");
    (nodes, labels)
}

/// The panel's arrows, each with its tooltip (what the step says and its
/// citation), shifted by `(dx, dy)` to the panel's place.
fn draw_edges(svg: &mut String, d: &Diagram, p: &Panel, (dx, dy): (f64, f64)) {
    let c = p.cluster;
    for (k, (edge, out)) in c.edges.iter().zip(&p.layout.edges).enumerate() {
        let class = edge_class(d, edge);
        let marker = match class {
            "edge violated" => "arrow-bad",
            "edge taken" => "arrow-taken",
            "edge dim" => "arrow-dim",
            _ => "arrow",
        };
        let points: Vec<(f64, f64)> = out.points.iter().map(|(x, y)| (x + dx, y + dy)).collect();
        let tooltip: Vec<String> = edge
            .lines
            .iter()
            .map(|l| format!("{}: {} — {}", l.phrase(), l.text, l.citation))
            .collect();
        let _ = writeln!(
            svg,
            r#"<g class="{class}" id="edge-{}-{k}"><title>{}</title><path d="{}" marker-end="url(#{marker})"/></g>"#,
            c.kind.name(),
            esc(&tooltip.join("\n")),
            curve(&points)
        );
    }
}

/// The boxes of the arrows' labels, drawn over the arrows.
fn draw_edge_labels(
    svg: &mut String,
    d: &Diagram,
    c: &Cluster,
    labels: &[Rect],
    text: &[Vec<TextLine>],
) {
    for (edge, (label, lines)) in c.edges.iter().zip(labels.iter().zip(text)) {
        let dim = if d.has_path && !edge.taken() {
            " dim"
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r#"<g class="edge-label{dim}"><rect class="label-box" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="4"/>"#,
            label.x, label.y, label.w, label.h
        );
        text_block(svg, lines, label.x + LABEL_PAD, label.y + LABEL_PAD);
        svg.push_str("</g>\n");
    }
}

/// The stages: a focusable box each, with its tooltip and its text.
fn draw_stages(svg: &mut String, d: &Diagram, c: &Cluster, nodes: &[Rect], text: &[Vec<TextLine>]) {
    for (node, (rect, lines)) in c.nodes.iter().zip(nodes.iter().zip(text)) {
        let mut class = String::from("node");
        if node.terminal {
            class.push_str(" terminal");
        }
        if node.reached {
            class.push_str(" reached");
        } else if d.has_path {
            class.push_str(" dim");
        }
        let _ = writeln!(
            svg,
            r#"<g class="{class}" id="stage-{key}" data-stage="{key}" tabindex="0" role="button" aria-label="{aria}"><title>{tip}</title>"#,
            key = esc(&node.key),
            aria = esc(&format!("{}: {}", c.title, node.label)),
            tip = esc(&format!(
                "{}: {} — {}",
                node.label, node.text, node.citation
            )),
        );
        let _ = writeln!(
            svg,
            r#"<rect class="box" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="8"/>"#,
            rect.x, rect.y, rect.w, rect.h
        );
        text_block(svg, lines, rect.x + NODE_PAD, rect.y + NODE_PAD);
        svg.push_str("</g>\n");
    }
}

fn edge_class(d: &Diagram, edge: &super::Edge) -> &'static str {
    if edge.violated() {
        "edge violated"
    } else if edge.taken() {
        "edge taken"
    } else if d.has_path {
        "edge dim"
    } else {
        "edge"
    }
}

fn text_block(svg: &mut String, lines: &[TextLine], x: f64, y: f64) {
    let mut ty = y;
    for line in lines {
        ty += line.height();
        let _ = writeln!(
            svg,
            r#"<text x="{x:.1}" y="{:.1}" font-size="{}" class="{}">{}</text>"#,
            ty - line.size * 0.3,
            line.size,
            line.class,
            esc(&line.text)
        );
    }
}

/// A smooth path through the points, leaving and entering each vertically.
fn curve(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    if let Some((x, y)) = points.first() {
        let _ = write!(d, "M{x:.1},{y:.1}");
    }
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let my = (y0 + y1) / 2.0;
        if (x0 - x1).abs() < 0.5 {
            let _ = write!(d, " L{x1:.1},{y1:.1}");
        } else {
            let _ = write!(d, " C{x0:.1},{my:.1} {x1:.1},{my:.1} {x1:.1},{y1:.1}");
        }
    }
    d
}

/// Escapes text for XML content and attributes.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
