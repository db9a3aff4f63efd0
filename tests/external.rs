//! Checks with the real tools, run by `.ci/run` (which installs them) and by hand with
//! `cargo test --test external -- --ignored`:
//! - every DOT output parses and renders with Graphviz `dot`;
//! - SVG diagrams, the HTML report and Mermaid output load in headless Chromium with no
//!   console errors, text inside its boxes, stages clickable (tests/browser/check.mjs,
//!   which needs `npm ci` in tests/browser and Debian's chromium);
//! - a class session in `treatysim serve`, driven in Chromium (tests/browser/serve.mjs):
//!   join, an error at its line, the fix, the diagram, a hand-in, the teacher's grade;
//! - zsh and fish accept their completion scripts, and groff renders every manual page
//!   without a warning;
//! - the YAML language server (the engine of VS Code's YAML extension) reads the scenario
//!   schema: no error on good files, an error on a mistake's line, completion and hover
//!   text (tests/editor/check.mjs, which needs `npm ci` in tests/editor).
//!
//! They are `#[ignore]`d so that `cargo test` runs on a machine without Graphviz or
//! Chromium; when run, a missing tool is a failure, never a skip.

mod common;

use std::process::Command;

use common::{assert_exit, bin, root, text, yaml_files};
use treatysim::rulebook;
use treatysim::vocab::{TrackKind, Word};

/// Every `diagram` invocation worth drawing: each built-in whole and by track, and each
/// scenario's path.
fn diagram_args() -> Vec<Vec<String>> {
    let mut all = Vec::new();
    for id in rulebook::builtin_ids() {
        all.push(vec!["--rulebook".to_string(), id.to_string()]);
        for kind in TrackKind::ALL {
            all.push(vec![
                "--rulebook".to_string(),
                id.to_string(),
                "--track".to_string(),
                kind.name().to_string(),
            ]);
        }
    }
    for file in yaml_files(&root().join("scenarios")) {
        all.push(vec!["--scenario".to_string(), file.display().to_string()]);
    }
    all
}

#[test]
#[ignore = "needs Graphviz; .ci/run installs it"]
fn graphviz_renders_every_dot_output() {
    let dir = tempfile::tempdir().unwrap();
    for (k, args) in diagram_args().iter().enumerate() {
        let path = dir.path().join(format!("{k}.dot"));
        let out = bin()
            .arg("diagram")
            .args(args)
            .args(["--format", "dot", "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert_exit(&out, 0, &format!("diagram {args:?}"));
        let rendered = Command::new("dot")
            .args(["-Tsvg", "-o"])
            .arg(dir.path().join(format!("{k}.svg")))
            .arg(&path)
            .output()
            .expect("Graphviz `dot` is installed (apt-get install graphviz)");
        assert!(
            rendered.status.success() && rendered.stderr.is_empty(),
            "dot rejects the output of `diagram {args:?}`:\n{}",
            text(&rendered.stderr)
        );
    }
}

#[test]
#[ignore = "needs Chromium and tests/browser/node_modules; .ci/run installs them"]
fn chromium_shows_the_diagrams_the_report_and_mermaid() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path();
    let mut made = 0;
    for id in rulebook::builtin_ids() {
        let out = bin()
            .args(["diagram", "--rulebook", id, "-o"])
            .arg(out_dir.join(format!("{id}.svg")))
            .output()
            .unwrap();
        assert_exit(&out, 0, id);
        let out = bin()
            .args(["diagram", "--rulebook", id, "-o"])
            .arg(out_dir.join(format!("{id}.mmd")))
            .output()
            .unwrap();
        assert_exit(&out, 0, id);
        made += 2;
    }
    for file in yaml_files(&root().join("scenarios")) {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let out = bin()
            .arg("report")
            .arg(&file)
            .arg("-o")
            .arg(out_dir.join(format!("{stem}.html")))
            .output()
            .unwrap();
        assert_exit(&out, 0, &stem);
        made += 1;
    }
    for stem in ["story-unilateral-notice", "act-veto-overridden"] {
        let file = root().join(format!("scenarios/{stem}.yaml"));
        for ext in ["svg", "mmd"] {
            let out = bin()
                .arg("diagram")
                .arg("--scenario")
                .arg(&file)
                .arg("-o")
                .arg(out_dir.join(format!("path-{stem}.{ext}")))
                .output()
                .unwrap();
            assert_exit(&out, 0, stem);
            made += 1;
        }
    }
    // The classroom handout's flowchart, from its Mermaid source.
    let handout = std::fs::read_to_string(root().join("docs/classroom/handout-flow.mmd")).unwrap();
    std::fs::write(out_dir.join("handout.mmd"), &handout).unwrap();
    made += 1;
    let browser = root().join("tests/browser");
    assert!(
        browser.join("node_modules/playwright-core").is_dir(),
        "run `npm ci` in tests/browser first"
    );
    let shots = std::env::var_os("TREATYSIM_SHOTS");
    let out = Command::new("node")
        .arg(browser.join("check.mjs"))
        .arg(out_dir)
        .output()
        .expect("node is installed");
    if let Some(keep) = shots {
        let keep = std::path::PathBuf::from(keep);
        std::fs::create_dir_all(&keep).unwrap();
        for e in std::fs::read_dir(out_dir.join("shots"))
            .into_iter()
            .flatten()
        {
            let e = e.unwrap();
            std::fs::copy(e.path(), keep.join(e.file_name())).unwrap();
        }
    }
    assert!(
        out.status.success(),
        "the browser check failed:\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains(&format!("checked {made} files")),
        "{}",
        text(&out.stdout)
    );
}

#[test]
#[ignore = "needs Chromium and tests/browser/node_modules; .ci/run installs them"]
fn a_class_session_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let server = common::server::Server::start(&dir.path().join("class"));
    let browser = root().join("tests/browser");
    let shots = std::env::var_os("TREATYSIM_SHOTS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("shots"));
    let out = Command::new("node")
        .arg(browser.join("serve.mjs"))
        .arg(&server.url)
        .arg(&server.class_code)
        .arg(&server.teacher_code)
        .arg(root().join("scenarios/classroom/answers/1-make-it-lawful.yaml"))
        .arg(&shots)
        .output()
        .expect("node is installed");
    assert!(
        out.status.success(),
        "the class session failed:\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("the class session works"),
        "{}",
        text(&out.stdout)
    );
    // What the student handed in is in the class folder, graded as the page said.
    let handed_in = dir
        .path()
        .join("class/work/s1/1-make-it-lawful.handed-in.yaml");
    assert!(handed_in.is_file(), "nothing handed in");
    let out = bin()
        .args(["test", "--exercise"])
        .arg(root().join("docs/classroom/exercises/1-make-it-lawful.yaml"))
        .arg(&handed_in)
        .output()
        .unwrap();
    assert_exit(&out, 0, "the handed-in answer");
}

#[test]
#[ignore = "needs tests/editor/node_modules (yaml-language-server); .ci/run installs it"]
fn the_yaml_language_server_reads_the_schema() {
    let editor = root().join("tests/editor");
    assert!(
        editor.join("node_modules/yaml-language-server").is_dir(),
        "run `npm ci` in tests/editor first"
    );
    let out = Command::new("node")
        .arg(editor.join("check.mjs"))
        .arg(root())
        .output()
        .expect("node is installed");
    assert!(
        out.status.success(),
        "the editor check failed:\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("checks passed"));
}

#[test]
#[ignore = "needs zsh, fish and groff; .ci/run installs them"]
fn shells_and_groff_accept_completions_and_manual_pages() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, program, args) in [
        ("zsh", "zsh", &["-n"][..]),
        ("fish", "fish", &["--no-execute"][..]),
    ] {
        let path = dir.path().join(format!("completions.{shell}"));
        std::fs::write(&path, common::completion_script(shell)).unwrap();
        let out = Command::new(program)
            .args(args)
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{program} must be installed (.ci/run installs it): {e}"));
        assert!(out.status.success(), "{shell}: {}", text(&out.stderr));
    }
    // Rendered as `man` would, every warning on; no warning may come.
    let groff = |page: &std::path::Path| -> String {
        let out = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
            .arg(page)
            .env("LC_ALL", "C.UTF-8")
            .output()
            .expect("groff must be installed (.ci/run installs it)");
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "groff on {}:\n{}",
            page.display(),
            text(&out.stderr)
        );
        text(&out.stdout)
    };
    let pages = dir.path().join("man");
    std::fs::create_dir(&pages).unwrap();
    let out = bin().arg("man").arg("--dir").arg(&pages).output().unwrap();
    assert_exit(&out, 0, "man --dir");
    for name in common::man_pages() {
        let rendered = groff(&pages.join(&name));
        assert!(rendered.contains("SYNOPSIS"), "{name}:\n{rendered}");
    }
    let top = groff(&pages.join("treatysim.1"));
    for section in ["EXIT STATUS", "ENVIRONMENT", "EXAMPLES", "SEE ALSO"] {
        assert!(top.contains(section), "no {section}:\n{top}");
    }
}
