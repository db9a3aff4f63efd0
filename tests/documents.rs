//! Where `report` and `diagram` put their documents, and `test --grades -`: an HTML page
//! or a diagram is never poured into a terminal (without `-o`, a terminal gets a file
//! named after what it shows, and is told where); `-o -` and a pipe still print it;
//! `report --open` opens the file in the browser ($BROWSER); `--grades -` is standard
//! output, not a file named `-`.

#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{assert_exit, bin, root, text};

/// Runs the binary in a pseudo-terminal in `dir` and returns what it printed there.
fn in_terminal(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_treatysim"));
    cmd.args(args)
        .current_dir(dir)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).expect("a pty");
    let out = p.exp_eof().expect("the command ends");
    out.replace('\r', "")
}

fn scenario(name: &str) -> String {
    root()
        .join("scenarios")
        .join(name)
        .to_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_report_on_a_terminal_goes_to_a_file_named_after_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let said = in_terminal(
        dir.path(),
        &["report", &scenario("consent-route.yaml")],
        &[],
    );
    assert!(
        said.contains("Wrote the report to consent-route.html: open it in a web browser."),
        "{said}"
    );
    assert!(!said.contains("<html"), "HTML reached the terminal: {said}");
    let page = std::fs::read_to_string(dir.path().join("consent-route.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    // Piped, the page itself, as before; -o - too.
    let out = bin()
        .current_dir(dir.path())
        .args(["report", &scenario("consent-route.yaml")])
        .output()
        .unwrap();
    assert_exit(&out, 0, "report | ...");
    assert_eq!(text(&out.stdout), page);
    let said = in_terminal(
        dir.path(),
        &["report", &scenario("consent-route.yaml"), "-o", "-"],
        &[],
    );
    assert!(said.contains("<!DOCTYPE html>"), "{said}");
}

#[test]
fn a_diagram_on_a_terminal_is_named_after_what_it_draws() {
    let dir = tempfile::tempdir().unwrap();
    let signed = scenario("act-signed.yaml");
    for (args, file, hint) in [
        (
            vec!["diagram", "--scenario", &signed],
            "act-signed.svg",
            "open it in a web browser",
        ),
        (
            vec!["diagram", "--format", "dot"],
            "us-nato-2024.dot",
            "Graphviz draws it",
        ),
        (
            vec![
                "diagram",
                "--rulebook",
                "us-pre-2024",
                "--format",
                "mermaid",
            ],
            "us-pre-2024.mmd",
            "GitHub and the Mermaid Live Editor draw it",
        ),
    ] {
        let said = in_terminal(dir.path(), &args, &[]);
        assert!(
            said.contains(&format!("Wrote the diagram to {file}: {hint}")),
            "{args:?}: {said}"
        );
        assert!(dir.path().join(file).is_file(), "{file}");
    }
}

#[test]
fn open_hands_the_written_report_to_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened.txt");
    let browser = dir.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" > {}\n", log.display()),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["report", &scenario("consent-route.yaml"), "--open"])
        .env("BROWSER", &browser)
        .output()
        .unwrap();
    assert_exit(&out, 0, "report --open");
    let written = dir.path().join("consent-route.html");
    assert!(written.is_file());
    // The browser is started in the background: wait for it to have run.
    let mut opened = String::new();
    for _ in 0..50 {
        opened = std::fs::read_to_string(&log).unwrap_or_default();
        if !opened.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(
        PathBuf::from(opened.trim()),
        std::fs::canonicalize(&written).unwrap()
    );
    // --open with the page on standard output is a usage error.
    let out = bin()
        .args([
            "report",
            &scenario("consent-route.yaml"),
            "-o",
            "-",
            "--open",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 2, "report -o - --open");
    assert!(text(&out.stderr).contains("--open needs the report in a file"));
}

#[test]
fn grades_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args([
            "test",
            &scenario("consent-route.yaml"),
            &scenario("act-signed.yaml"),
            "--grades",
            "-",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 0, "test --grades -");
    let csv = text(&out.stdout);
    assert!(
        csv.starts_with("file,title,result,checks failed,first problem\r\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 3, "{csv}");
    // The lines and the summary went to standard error; no file named `-`.
    assert!(text(&out.stderr).contains("2 passed, 0 failed"));
    assert!(!dir.path().join("-").exists());
}
