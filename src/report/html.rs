//! The classroom report: one self-contained HTML file (CSS, script and SVG inline, no
//! network) with the title and summary, the outcome in large type, the diagram with the
//! path taken (click or press Enter on a stage to read it), the dated timeline with each
//! step's explanation and citation, the terms used, and a print stylesheet.

use super::{Explained, Tone, explain, outcome_rows, terms_used};
use crate::diagram;
use crate::engine::Run;
use crate::rulebook::Procedure;
use crate::scenario::Scenario;

const STYLE: &str = r##"
:root { --ink: #111827; --muted: #4b5563; --accent: #1d4ed8; --bad: #b91c1c; --good: #166534; --warn: #92400e; --line: #d1d5db; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; color: var(--ink); background: #ffffff; line-height: 1.5; font-size: 18px; }
main, header, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 2.2rem; margin: 0.4em 0 0.2em; }
h2 { font-size: 1.6rem; margin: 1.6em 0 0.5em; border-bottom: 2px solid var(--line); padding-bottom: 0.2em; }
h3 { font-size: 1.1rem; margin: 0 0 0.3em; }
.meta { color: var(--muted); margin: 0; }
.summary { font-size: 1.15rem; max-width: 60em; }
.skip { position: absolute; left: -9999px; top: 0; background: var(--accent); color: #ffffff; padding: 8px 12px; }
.skip:focus { left: 8px; top: 8px; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.outcome { border: 4px solid var(--ink); border-radius: 12px; padding: 16px 24px; margin-top: 24px; }
.outcome h2 { border: none; margin: 0 0 0.3em; }
.outcome dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 0; font-size: 1.6rem; }
.outcome dt { font-weight: bold; }
.outcome dd { margin: 0; }
.tone-good { color: var(--good); font-weight: bold; }
.tone-bad { color: var(--bad); font-weight: bold; }
.tone-warn { color: var(--warn); font-weight: bold; }
.diagram { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
.diagram svg { display: block; width: 100%; height: auto; }
.diagram.zoomed svg { width: auto; max-width: none; }
.zoom { font: inherit; font-size: 0.95rem; margin: 0 0 8px; padding: 4px 12px; border: 1px solid var(--accent); color: var(--accent); background: #ffffff; border-radius: 6px; cursor: pointer; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: 0.95rem; margin-top: 8px; }
.stage-info { border-left: 6px solid var(--accent); background: #eff6ff; padding: 12px 16px; margin: 12px 0; min-height: 3em; }
.stage-info.open { position: sticky; bottom: 8px; max-height: 45vh; overflow-y: auto; box-shadow: 0 4px 18px rgba(17, 24, 39, 0.25); z-index: 1; }
.stage-info .close { float: right; font: inherit; font-size: 0.9rem; border: 1px solid var(--line); background: #ffffff; border-radius: 6px; cursor: pointer; }
.stage-info h3 { margin: 0; }
.timeline { list-style: none; padding: 0; margin: 0; }
.timeline li { border-left: 4px solid var(--line); padding: 4px 0 12px 16px; margin-bottom: 8px; }
.timeline li.violated { border-left-color: var(--bad); }
.timeline time { font-variant-numeric: tabular-nums; }
.timeline .num { display: inline-block; min-width: 2em; color: #ffffff; background: var(--accent); border-radius: 1em; text-align: center; font-size: 0.9rem; margin-right: 6px; }
.timeline .actor { color: var(--muted); font-weight: normal; }
.timeline p { margin: 0.2em 0; }
.violation { color: var(--bad); font-weight: bold; }
.doctrine { color: var(--warn); }
.cite { color: var(--muted); font-size: 0.95rem; }
.terms dt { font-weight: bold; margin-top: 0.6em; }
.terms dd { margin: 0 0 0 1em; }
footer { color: var(--muted); font-size: 0.9rem; padding-top: 24px; padding-bottom: 24px; }
@media (max-width: 600px) {
  body { font-size: 16px; }
  main, header, footer { padding: 0 12px; }
  h1 { font-size: 1.6rem; }
  .outcome { padding: 12px; }
  .outcome dl { grid-template-columns: 1fr; gap: 0; font-size: 1.2rem; }
  .outcome dd { margin-bottom: 8px; overflow-wrap: anywhere; }
}
@page diagram { size: landscape; margin: 0.4in; }
@media print {
  body { font-size: 11pt; }
  .skip, .stage-info, .hint, .zoom, figcaption { display: none; }
  figure { page: diagram; break-before: page; break-after: page; }
  .diagram { overflow: visible; border: none; }
  .diagram svg, .diagram.zoomed svg { width: 100%; max-height: 7.4in; }
  .outcome dl { font-size: 14pt; }
  .timeline li, .outcome, figure { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: var(--ink); }
}
"##;

const SCRIPT: &str = r##"
(function () {
  var data = JSON.parse(document.getElementById('stage-data').textContent);
  var info = document.getElementById('stage-info');
  function close() {
    info.className = 'stage-info';
    info.innerHTML = '<p>Choose a stage in the diagram to read its explanation here.</p>';
  }
  function show(el) {
    var d = data[el.getAttribute('data-stage')];
    if (!d) { return; }
    info.innerHTML = '';
    // Docked at the bottom of the window while the diagram is read, so the
    // explanation appears by the stage clicked, not a screen below it.
    info.className = 'stage-info open';
    var x = document.createElement('button');
    x.type = 'button';
    x.className = 'close';
    x.textContent = 'Close';
    x.addEventListener('click', close);
    info.appendChild(x);
    var h = document.createElement('h3');
    h.textContent = d.track + ': ' + d.label;
    var p = document.createElement('p');
    p.textContent = d.text;
    info.appendChild(h);
    info.appendChild(p);
    if (d.reached) {
      var r = document.createElement('p');
      r.textContent = d.reached;
      info.appendChild(r);
    }
    var c = document.createElement('p');
    c.className = 'cite';
    c.textContent = '— ' + d.citation;
    info.appendChild(c);
  }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && info.className.indexOf('open') >= 0) { close(); }
  });
  var zoom = document.getElementById('zoom');
  var diagram = document.querySelector('.diagram');
  zoom.addEventListener('click', function () {
    var zoomed = diagram.classList.toggle('zoomed');
    zoom.textContent = zoomed ? 'Fit the diagram to the page' : 'Zoom in (full size; scroll sideways)';
    zoom.setAttribute('aria-pressed', zoomed ? 'true' : 'false');
  });
  var stages = document.querySelectorAll('[data-stage]');
  for (var i = 0; i < stages.length; i++) {
    stages[i].addEventListener('click', function () { show(this); });
    stages[i].addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(this); }
    });
  }
})();
"##;

/// One row of the outcome: its label, value and tone (a CSS class, or none).
struct Row {
    label: &'static str,
    value: String,
    class: &'static str,
}

/// The report's data; src/report/templates/report.html lays it out. askama escapes every
/// value for HTML unless the template marks it `safe`, which only the SVG (drawn and
/// escaped by diagram::svg), the stage data (JSON escaped for a script element by
/// askama's `json` filter) and this file's own CSS and script are.
#[derive(askama::Template)]
#[template(path = "report.html")]
struct Report<'a> {
    version: &'static str,
    title: &'a str,
    rulebook_id: &'a str,
    rulebook_title: &'a str,
    summary: Option<&'a str>,
    outcome: Vec<Row>,
    svg: String,
    description: String,
    steps: Vec<Explained>,
    terms: Vec<super::Term>,
    file: &'a str,
    stage_data: serde_json::Value,
    style: &'static str,
    script: &'static str,
}

/// The whole report.
pub fn to_html(p: &Procedure, s: &Scenario, run: &Run) -> String {
    use askama::Template as _;
    let steps = explain(p, s, run);
    let model = diagram::build(p, diagram::Only::All, Some((s, run)));
    let outcome = outcome_rows(p, run)
        .into_iter()
        .map(|row| Row {
            label: row.label,
            value: row.value,
            class: match row.tone {
                Tone::Plain => "",
                Tone::Good => "tone-good",
                Tone::Bad => "tone-bad",
                Tone::Warn => "tone-warn",
            },
        })
        .collect();
    let report = Report {
        version: env!("CARGO_PKG_VERSION"),
        title: &s.title,
        rulebook_id: &p.rulebook.id,
        rulebook_title: &p.rulebook.title,
        summary: s.summary.as_deref().map(str::trim),
        outcome,
        svg: diagram::svg::render(&model),
        description: diagram::svg::describe(&model),
        terms: terms_used(p, &steps, run.outcome.end),
        steps,
        file: &s.file,
        stage_data: stage_data(&model),
        style: STYLE,
        script: SCRIPT,
    };
    // Rendering into a String fails only if a value's Display fails, which none does.
    let mut html = report.render().unwrap_or_default();
    html.push('\n');
    html
}

/// What the script shows for each stage (the template makes it safe inside a `<script>`
/// element).
fn stage_data(model: &diagram::Diagram) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for c in &model.clusters {
        for n in &c.nodes {
            let arrivals: Vec<String> = c
                .edges
                .iter()
                .filter(|e| c.nodes[e.to].key == n.key)
                .flat_map(|e| e.lines.iter())
                .chain(n.loops.iter())
                .flat_map(|l| {
                    l.taken
                        .iter()
                        .map(move |t| format!("{} ({})", t.caption(), l.label))
                })
                .collect();
            let reached = if !arrivals.is_empty() {
                format!("In this scenario: step {}.", arrivals.join("; step "))
            } else if n.reached {
                "In this scenario: where this track stood from the start.".to_string()
            } else {
                "In this scenario: not reached.".to_string()
            };
            map.insert(
                n.key.clone(),
                serde_json::json!({
                    "track": c.title,
                    "label": n.label,
                    "text": n.text,
                    "citation": n.citation,
                    "reached": reached,
                }),
            );
        }
    }
    serde_json::Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::STYLE;
    use crate::diagram::svg::{ACCENT, DANGER, GREY, INK, MUTED};

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    /// The WCAG 2 contrast ratio of two colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn the_contrast_ratio_is_computed_as_wcag_defines_it() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
    }

    #[test]
    fn every_text_colour_passes_wcag_aa_on_its_backgrounds() {
        // The report's palette (its :root variables, but for the border colour).
        let root = STYLE
            .split(":root {")
            .nth(1)
            .unwrap()
            .split('}')
            .next()
            .unwrap();
        let mut text_colours: Vec<&str> = root
            .split(';')
            .filter(|d| !d.contains("--line"))
            .filter_map(|d| d.split(':').nth(1).map(str::trim))
            .filter(|v| v.starts_with('#'))
            .collect();
        assert!(text_colours.len() >= 6, "{text_colours:?}");
        text_colours.extend([INK, MUTED, GREY, ACCENT, DANGER]);
        // White page, the diagram's panels, the stage-info box, a reached stage.
        for background in ["#ffffff", "#f9fafb", "#eff6ff", "#dbeafe"] {
            for colour in &text_colours {
                let ratio = contrast(colour, background);
                assert!(
                    ratio >= 4.5,
                    "{colour} on {background}: {ratio:.2}:1 is under 4.5:1"
                );
            }
        }
        // White step numbers on the accent colour.
        assert!(contrast("#ffffff", ACCENT) >= 4.5);
    }
}
