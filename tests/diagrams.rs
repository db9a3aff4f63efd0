//! `treatysim diagram` and `treatysim report`: every format of every built-in rulebook,
//! the layout's no-overlap guarantee, citations on every stage and step, the path of a
//! scenario, atomic output files, the self-contained HTML report, and the committed
//! diagrams in docs/ kept up to date.

mod common;

use std::path::Path;

use common::{assert_exit, bin, root, run_bin, text, yaml_files};
use treatysim::diagram::{self, Only, layout::Rect};
use treatysim::engine;
use treatysim::rulebook::{self, Procedure};
use treatysim::scenario;
use treatysim::vocab::{TrackKind, Word};

fn procedures() -> Vec<Procedure> {
    rulebook::builtin_ids()
        .into_iter()
        .map(|id| rulebook::load(id).expect("a built-in loads"))
        .collect()
}

/// Every diagram the tests look at: each built-in whole and track by track, and the
/// built-in with each scenario's path.
fn diagrams() -> Vec<(String, diagram::Diagram)> {
    let mut out = Vec::new();
    for p in procedures() {
        out.push((p.rulebook.id.clone(), diagram::build(&p, Only::All, None)));
        for kind in TrackKind::ALL {
            out.push((
                format!("{} --track {}", p.rulebook.id, kind.name()),
                diagram::build(&p, Only::Track(*kind), None),
            ));
        }
    }
    for file in yaml_files(&root().join("scenarios")) {
        let s = scenario::load(&file).expect("a scenario loads");
        let id = s
            .rulebook
            .as_ref()
            .map_or(rulebook::DEFAULT_ID.to_string(), |r| r.0.clone());
        let p = rulebook::load(&id).expect("its rulebook loads");
        // A file with uncertain inputs is drawn with one history from it, as `run` does.
        let (s, run) = if s.is_uncertain() {
            let (drawn, run, _) = treatysim::simulate::sampled_run(&p, &s, 0, 0).unwrap();
            (drawn, run)
        } else {
            let run = engine::run(&p, &s).expect("it runs");
            (s, run)
        };
        out.push((
            file.display().to_string(),
            diagram::build(&p, Only::All, Some((&s, &run))),
        ));
    }
    out
}

fn assert_apart(what: &str, boxes: &[(String, Rect)]) {
    for (i, (a_name, a)) in boxes.iter().enumerate() {
        for (b_name, b) in &boxes[i + 1..] {
            assert!(
                !a.overlaps(b),
                "{what}: {a_name} {a:?} overlaps {b_name} {b:?}"
            );
        }
    }
}

#[test]
fn no_two_boxes_or_edge_labels_overlap_and_all_fit_the_picture() {
    for (name, d) in diagrams() {
        let (_, placed) = diagram::svg::render_placed(&d);
        let mut boxes = Vec::new();
        for (c, cluster) in d.clusters.iter().enumerate() {
            for (k, r) in placed.nodes[c].iter().enumerate() {
                boxes.push((format!("stage {}", cluster.nodes[k].key), *r));
            }
            for (k, r) in placed.labels[c].iter().enumerate() {
                let e = &cluster.edges[k];
                boxes.push((
                    format!(
                        "label {} -> {}",
                        cluster.nodes[e.from].key, cluster.nodes[e.to].key
                    ),
                    *r,
                ));
            }
        }
        assert!(!boxes.is_empty(), "{name}: nothing drawn");
        assert_apart(&name, &boxes);
        for (what, r) in &boxes {
            assert!(
                r.x >= 0.0
                    && r.y >= 0.0
                    && r.right() <= placed.width
                    && r.bottom() <= placed.height,
                "{name}: {what} {r:?} lies outside the {}x{} picture",
                placed.width,
                placed.height
            );
            assert!(r.w > 0.0 && r.h > 0.0, "{name}: {what} has no size");
        }
        // Readable at projector size: the picture fits a 1920-pixel-wide screen.
        assert!(placed.width <= 1920.0, "{name}: {} wide", placed.width);
    }
}

#[test]
fn every_svg_is_well_formed_and_every_stage_and_step_carries_its_citation() {
    for (name, d) in diagrams() {
        let svg = diagram::svg::render(&d);
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{name}: the SVG is not well-formed XML: {e}"));
        let groups: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("g")).collect();
        let stages = groups
            .iter()
            .filter(|g| g.attribute("data-stage").is_some())
            .count();
        let expected: usize = d.clusters.iter().map(|c| c.nodes.len()).sum();
        assert_eq!(stages, expected, "{name}: one group per stage");
        for g in &groups {
            let class = g.attribute("class").unwrap_or("");
            if class.starts_with("node") || class.starts_with("edge ") || class == "edge" {
                let title = g
                    .children()
                    .find(|n| n.has_tag_name("title"))
                    .and_then(|t| t.text())
                    .unwrap_or_else(|| panic!("{name}: a {class} has no tooltip"));
                assert!(
                    title.contains(" — "),
                    "{name}: tooltip without a citation: {title}"
                );
            }
        }
        assert!(
            doc.descendants().any(|n| n.has_tag_name("desc")),
            "{name}: no text alternative"
        );
    }
}

/// The SVG draws the links between tracks as arrows (the two roads that make a notice
/// lawful among them), numbered as the footer lists them; it explains ↻; two steps that
/// join the same stages read as alternatives ("sign" or "ten days unreturned").
#[test]
fn the_svg_draws_the_links_between_tracks_and_explains_its_marks() {
    let p = rulebook::load(rulebook::DEFAULT_ID).unwrap();
    let d = diagram::build(&p, Only::All, None);
    let (svg, placed) = diagram::svg::render_placed(&d);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let links: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("link"))
        .collect();
    assert_eq!(links.len(), d.links.len());
    assert!(
        d.links.len() >= 2,
        "consent and an Act both make a notice lawful"
    );
    let all_text: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    for (k, g) in links.iter().enumerate() {
        let title = g.children().find(|n| n.has_tag_name("title")).unwrap();
        assert!(title.text().unwrap().starts_with(&format!("{}. ", k + 1)));
        assert!(title.text().unwrap().contains(" — "), "a link's citation");
        // Its arrow starts and ends on the boxes it joins (within a pixel).
        let path = g.children().find(|n| n.has_tag_name("path")).unwrap();
        let d_attr = path.attribute("d").unwrap();
        let numbers: Vec<f64> = d_attr
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter(|t| !t.is_empty())
            .map(|t| t.parse().unwrap())
            .collect();
        let (x2, y2) = (numbers[4], numbers[5]);
        let link = &d.links[k];
        let to = placed.nodes[link.to.0][link.to.1];
        let on_border = (x2 - to.x).abs() < 1.0
            || (x2 - (to.x + to.w)).abs() < 1.0
            || (y2 - to.y).abs() < 1.0
            || (y2 - (to.y + to.h)).abs() < 1.0;
        assert!(
            on_border,
            "link {} ends at ({x2}, {y2}), not on {to:?}",
            k + 1
        );
        assert!(
            all_text
                .iter()
                .any(|t| t.starts_with(&format!("{}. ", k + 1))),
            "the footer lists link {}",
            k + 1
        );
    }
    assert!(all_text.iter().any(|t| t.starts_with("↻ inside a stage:")));
    assert!(all_text.contains(&"or ten days unreturned"), "{all_text:?}");
}

#[test]
fn dot_gives_every_stage_and_step_a_tooltip_and_links_the_tracks() {
    for (name, d) in diagrams() {
        let dot = diagram::dot::render(&d);
        assert!(dot.starts_with("digraph treatysim {"), "{name}");
        let steps: usize = d
            .clusters
            .iter()
            .map(|c| {
                c.edges.iter().map(|e| e.lines.len()).sum::<usize>()
                    + c.nodes.iter().filter(|n| !n.loops.is_empty()).count()
            })
            .sum();
        let stages: usize = d.clusters.iter().map(|c| c.nodes.len()).sum();
        let arrows = dot.lines().filter(|l| l.contains(" -> ")).count();
        assert_eq!(
            arrows,
            steps + d.links.len(),
            "{name}: one arrow per step, per stage with loops, per link"
        );
        let with_tooltip = dot
            .lines()
            .filter(|l| l.trim_start().starts_with('"') && l.contains("tooltip="))
            .count();
        assert_eq!(with_tooltip, stages + steps + d.links.len(), "{name}");
        assert_eq!(
            dot.matches('{').count(),
            dot.matches('}').count(),
            "{name}: braces balance"
        );
    }
    let whole = diagram::build(&rulebook::load("us-nato-2024").unwrap(), Only::All, None);
    let dot = diagram::dot::render(&whole);
    assert!(dot.contains("\"consent.consented\" -> \"treaty.notice_pending\""));
    assert!(dot.contains("\"bill.enacted\" -> \"treaty.notice_pending\""));
    assert!(
        dot.contains("ltail=cluster_case"),
        "an injunction comes from the courts"
    );
    assert!(dot.contains("\"congress.adjourned\" -> \"bill.pocket_vetoed\""));
    assert!(dot.contains("2/3 of those voting"));
    assert!(dot.contains("3/5 of senators sworn"));
    assert!(dot.contains("ten days unreturned"));
    assert!(dot.contains("one year after notice"));
    assert!(dot.contains("peripheries=2"), "terminal stages are marked");
}

#[test]
fn the_path_is_numbered_dated_and_violations_are_red() {
    let out = run_bin(&[
        "diagram",
        "--scenario",
        "scenarios/story-unilateral-notice.yaml",
        "--format",
        "svg",
    ]);
    assert_exit(&out, 0, "diagram --scenario");
    let svg = text(&out.stdout);
    assert!(
        svg.contains("class=\"edge violated\""),
        "the notice breaches 1250A(a)"
    );
    assert!(svg.contains("✗ violates 1250A(a)"));
    assert!(
        svg.contains("class=\"num\">1 · "),
        "steps are numbered and dated"
    );
    assert!(
        svg.contains("class=\"node dim\""),
        "untaken stages are grey"
    );
    assert!(svg.contains("node reached"));
    let out = run_bin(&[
        "diagram",
        "--scenario",
        "scenarios/story-unilateral-notice.yaml",
        "--format",
        "mermaid",
    ]);
    assert_exit(&out, 0, "mermaid --scenario");
    let mmd = text(&out.stdout);
    assert!(mmd.contains("flowchart TB") && mmd.contains("class ") && mmd.contains("linkStyle"));
    assert!(!mmd.contains("stateDiagram"), "kept to a flowchart");
}

#[test]
fn one_track_alone() {
    let out = run_bin(&["diagram", "--track", "bill", "--format", "dot"]);
    assert_exit(&out, 0, "--track bill");
    let dot = text(&out.stdout);
    assert_eq!(dot.matches("subgraph cluster_").count(), 1);
    assert!(dot.contains("cluster_bill"));
    let out = run_bin(&["diagram", "--track", "senat"]);
    assert_exit(&out, 2, "a misspelled track");
    assert!(text(&out.stderr).contains("senate") || text(&out.stderr).contains("consent"));
}

#[test]
fn output_files_are_written_whole_and_never_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("nato graph.svg");
    let out = bin().args(["diagram", "-o"]).arg(&target).output().unwrap();
    assert_exit(&out, 0, "diagram -o");
    assert!(
        out.stdout.is_empty(),
        "nothing on stdout when writing a file"
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(
        written.starts_with("<svg"),
        "the format follows the extension"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary file is left: {leftovers:?}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o644,
            "a readable file, not a private temporary"
        );
    }

    let dot = dir.path().join("nato.gv");
    let out = bin().args(["diagram", "-o"]).arg(&dot).output().unwrap();
    assert_exit(&out, 0, "diagram -o x.gv");
    assert!(
        std::fs::read_to_string(&dot)
            .unwrap()
            .starts_with("digraph")
    );

    // Never over the scenario it reads.
    let scenario = dir.path().join("story.yaml");
    std::fs::copy(
        root().join("scenarios/story-unilateral-notice.yaml"),
        &scenario,
    )
    .unwrap();
    let before = std::fs::read(&scenario).unwrap();
    let out = bin()
        .arg("report")
        .arg(&scenario)
        .arg("-o")
        .arg(&scenario)
        .output()
        .unwrap();
    assert_exit(&out, 2, "report over its input");
    assert!(text(&out.stderr).contains("over an input file"));
    assert_eq!(
        std::fs::read(&scenario).unwrap(),
        before,
        "the input is untouched"
    );

    // Nor over the rulebook file it draws.
    let book = dir.path().join("book.yaml");
    std::fs::copy(root().join("src/rulebooks/us-pre-2024.yaml"), &book).unwrap();
    let before = std::fs::read(&book).unwrap();
    let out = bin()
        .args(["diagram", "--rulebook"])
        .arg(&book)
        .arg("-o")
        .arg(&book)
        .output()
        .unwrap();
    assert_exit(&out, 2, "diagram over its rulebook");
    assert_eq!(
        std::fs::read(&book).unwrap(),
        before,
        "the rulebook is untouched"
    );

    // A folder that does not exist: a clear error, nothing written.
    let missing = dir.path().join("no-such-folder/x.svg");
    let out = bin()
        .args(["diagram", "-o"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_exit(&out, 2, "a missing folder");
    assert!(text(&out.stderr).contains("cannot write the output"));

    // `-` is standard output.
    let out = run_bin(&["diagram", "--format", "dot", "-o", "-"]);
    assert_exit(&out, 0, "-o -");
    assert!(text(&out.stdout).starts_with("digraph"));
}

#[test]
fn the_report_is_self_contained_accessible_and_complete() {
    let file = "scenarios/story-unilateral-notice.yaml";
    let out = run_bin(&["report", file]);
    assert_exit(&out, 0, "report");
    let html = text(&out.stdout);
    let s = scenario::load(Path::new(file)).unwrap();
    let p = rulebook::load(rulebook::DEFAULT_ID).unwrap();
    let run = engine::run(&p, &s).unwrap();

    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"en\">"));
    assert!(html.contains(&format!("<h1>{}</h1>", s.title)));
    // Nothing fetched from anywhere: no external scripts, styles, images or fonts.
    for pattern in ["src=\"http", "href=\"http", "url(http", "@import", "<link "] {
        assert!(!html.contains(pattern), "the report loads {pattern}");
    }
    // One timeline entry per step, each with its citation.
    assert_eq!(html.matches("<li").count(), run.trace.len());
    assert_eq!(
        html.matches("<p class=\"cite\">— ").count(),
        run.trace.len()
    );
    assert!(html.contains("<h2 id=\"outcome-heading\">Outcome</h2>"));
    assert!(
        html.contains("class=\"tone-bad\""),
        "the unlawful outcome stands out"
    );
    assert!(html.contains("<h2 id=\"terms-heading\">Terms</h2>"));
    assert!(html.contains("@media print"));
    assert!(html.contains("<figcaption id=\"diagram-text\">In words: "));
    assert!(
        html.contains("tabindex=\"0\""),
        "stages are reachable by keyboard"
    );
    // Headings never skip a level.
    let mut last = 0;
    for (i, _) in html.match_indices("<h") {
        let level = html[i + 2..].chars().next().and_then(|c| c.to_digit(10));
        if let Some(level) = level {
            assert!(
                level <= last + 1,
                "a heading jumps from h{last} to h{level}"
            );
            last = level;
        }
    }
    // The stage data the script reads is valid JSON with an entry per stage.
    let start = html.find("id=\"stage-data\">").unwrap() + "id=\"stage-data\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert!(data["treaty.notice_pending"]["text"].is_string());
    assert!(
        data["treaty.notice_pending"]["reached"]
            .as_str()
            .unwrap()
            .contains("give notice")
    );
}

/// The SVGs in docs/diagrams/ are what the tool draws today.
#[test]
fn the_committed_diagrams_are_up_to_date() {
    let dir = root().join("docs/diagrams");
    let mut expected: Vec<(String, String)> = procedures()
        .iter()
        .map(|p| {
            (
                format!("{}.svg", p.rulebook.id),
                diagram::svg::render(&diagram::build(p, Only::All, None)),
            )
        })
        .collect();
    let p = rulebook::load(rulebook::DEFAULT_ID).unwrap();
    let story = scenario::load(&root().join("scenarios/story-unilateral-notice.yaml")).unwrap();
    let run = engine::run(&p, &story).unwrap();
    expected.push((
        "story-unilateral-notice.svg".to_string(),
        diagram::svg::render(&diagram::build(&p, Only::All, Some((&story, &run)))),
    ));
    let update = std::env::var_os("TREATYSIM_UPDATE_DOCS").is_some();
    for (name, svg) in expected {
        let path = dir.join(&name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &svg).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == svg,
            "docs/diagrams/{name} is out of date; regenerate with\n  TREATYSIM_UPDATE_DOCS=1 cargo test --test diagrams the_committed_diagrams_are_up_to_date"
        );
    }
}

#[test]
fn bad_input_gives_a_located_error_and_nothing_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "title: x\nevents:\n  - date: 2027-02-30\n    action: give_notice\n",
    )
    .unwrap();
    for args in [vec!["report"], vec!["diagram", "--scenario"]] {
        let out = bin().args(&args).arg(&bad).output().unwrap();
        assert_exit(&out, 2, &format!("{args:?} on a bad file"));
        assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
        let err = text(&out.stderr);
        assert!(err.contains("bad.yaml:3:"), "{args:?}: located: {err}");
        assert!(
            err.contains("2027-02-30"),
            "{args:?}: names the value: {err}"
        );
    }
    let out = run_bin(&["report", "no-such-file.yaml", "-o", "x.html"]);
    assert_exit(&out, 2, "a missing scenario");
    assert!(!Path::new("x.html").exists(), "nothing written");
    let out = run_bin(&["diagram", "--rulebook", "us-nato-2042"]);
    assert_exit(&out, 2, "an unknown rulebook");
    assert!(
        text(&out.stderr).contains("us-nato-2024"),
        "suggests the right id"
    );
}

/// Markup in a title, a summary and a note is text in the report, never markup: the
/// template engine escapes every value, and only the report's own two scripts run.
#[test]
fn markup_in_a_scenario_is_escaped_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("markup.yaml");
    std::fs::write(
        &file,
        r#"title: "<script>alert('title')</script> & <b>bold</b>"
summary: "</p><img src=x onerror=alert(1)> \"quoted\""
events:
  - { on: 2027-03-01, do: give_notice, note: "</li></ol><script>alert('note')</script>" }
"#,
    )
    .unwrap();
    let out = common::bin()
        .args(["report", file.to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_exit(&out, 0, "report of a scenario with markup");
    let html = common::text(&out.stdout);
    assert_eq!(
        html.matches("<script").count(),
        2,
        "only the report's own scripts"
    );
    assert!(!html.contains("<img"), "an image from the summary");
    assert!(!html.contains("<b>bold"), "markup from the title");
    assert!(html.contains("<title>&#60;script&#62;alert(&#39;title&#39;)&#60;/script&#62; &#38; &#60;b&#62;bold&#60;/b&#62; — treatysim</title>"), "{}", &html[..html.len().min(600)]);
    assert!(html.contains("<p>Note: &#60;/li&#62;&#60;/ol&#62;&#60;script&#62;alert(&#39;note&#39;)&#60;/script&#62;</p>"));
    assert!(html.contains("&#34;quoted&#34;"));
}
