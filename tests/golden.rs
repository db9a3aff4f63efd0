//! Every output byte of every command, pinned over every shipped scenario and rulebook.
//!
//! Each command's exit code, standard output and standard error are hashed (SHA-256) and
//! compared with tests/golden/outputs.txt, one line per command: a refactoring that
//! changes one byte of a report, a diagram or an error fails here and names the command.
//! The failing command's output is written under target/golden/ to compare by hand. When a
//! change of output is meant, regenerate with
//! `TREATYSIM_UPDATE_DOCS=1 cargo test --test golden` and say why in the commit.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::*;
use sha2::{Digest, Sha256};

const MANIFEST: &str = "tests/golden/outputs.txt";

/// Every YAML file under a folder, recursively, sorted, as paths relative to the root.
fn scenarios(dir: &Path, found: &mut Vec<String>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            scenarios(&path, found);
        } else if path.extension().is_some_and(|x| x == "yaml") {
            let relative = path.strip_prefix(root()).unwrap().to_str().unwrap();
            found.push(relative.replace('\\', "/"));
        }
    }
}

/// The commands pinned: per scenario, run (text and JSON), the three diagrams, the HTML
/// report, test and why; per built-in rulebook, show and the diagram; then the lists.
fn commands() -> Vec<Vec<String>> {
    let mut files = Vec::new();
    scenarios(&root().join("scenarios"), &mut files);
    scenarios(&root().join("tests/acceptance"), &mut files);
    let mut all = Vec::new();
    let args = |list: &[&str]| -> Vec<String> { list.iter().map(|s| s.to_string()).collect() };
    for file in &files {
        let f = file.as_str();
        all.push(args(&["run", f]));
        all.push(args(&["run", "--format", "json", f]));
        for format in ["svg", "dot", "mermaid"] {
            all.push(args(&["diagram", "--scenario", f, "--format", format]));
        }
        all.push(args(&["report", f]));
        all.push(args(&["test", f]));
        if !f.contains("uncertain") && !f.starts_with("tests/acceptance/reject") {
            all.push(args(&["why", f]));
        }
    }
    for id in [
        "us-base",
        "us-nato-2024",
        "us-pre-2024",
        "as-reported-60",
        "abm-1972",
        "inf-1987",
        "open-skies-1992",
        "paris-2015",
        "taiwan-1954",
    ] {
        all.push(args(&["rulebook", "show", id]));
        all.push(args(&["diagram", "--rulebook", id, "--format", "dot"]));
        all.push(args(&["explain", "--rulebook", id]));
    }
    all.push(args(&[
        "rulebook",
        "show",
        "us-nato-2024",
        "--on",
        "1970-01-01",
    ]));
    all.push(args(&["rulebook", "list"]));
    all.push(args(&["diagram"]));
    all.push(args(&["diagram", "--track", "bill"]));
    all.push(args(&["explain", "cloture"]));
    all.push(args(&["explain", "notice_pending", "--on", "2019-01-01"]));
    all.push(args(&[
        "compare",
        "scenarios/sixty-senators-law.yaml",
        "--rulebook",
        "us-nato-2024",
        "--rulebook",
        "as-reported-60",
    ]));
    all.push(args(&["test", "scenarios"]));
    all.push(args(&[
        "simulate",
        "scenarios/uncertain-senate-and-courts.yaml",
        "--trials",
        "2000",
    ]));
    all
}

/// One command's exit code, stdout and stderr, as one document.
fn output(args: &[String]) -> Vec<u8> {
    let out = bin()
        .current_dir(root())
        .arg("--color")
        .arg("never")
        .args(args)
        .output()
        .unwrap();
    let mut doc = format!("exit: {:?}\n--- stdout\n", out.status.code()).into_bytes();
    doc.extend_from_slice(&out.stdout);
    doc.extend_from_slice(b"--- stderr\n");
    doc.extend_from_slice(&out.stderr);
    doc
}

fn line(args: &[String], doc: &[u8]) -> String {
    let digest = Sha256::digest(doc);
    let mut hex = String::new();
    for byte in &digest[..16] {
        let _ = write!(hex, "{byte:02x}");
    }
    format!("{hex} {:>8} {}\n", doc.len(), args.join(" "))
}

#[test]
fn every_output_byte_is_pinned() {
    let commands = commands();
    // Two workers: the machine has two cores, and each command is its own process.
    let workers = 2;
    let mut docs: Vec<(usize, Vec<u8>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let commands = &commands;
                scope.spawn(move || {
                    (w..commands.len())
                        .step_by(workers)
                        .map(|i| (i, output(&commands[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    docs.sort_by_key(|(i, _)| *i);
    let actual: String = docs
        .iter()
        .map(|(i, doc)| line(&commands[*i], doc))
        .collect();
    let manifest = root().join(MANIFEST);
    if std::env::var_os("TREATYSIM_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(manifest.parent().unwrap()).unwrap();
        std::fs::write(&manifest, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&manifest).unwrap_or_default();
    if expected == actual {
        return;
    }
    let dump = root().join("target/golden");
    std::fs::create_dir_all(&dump).unwrap();
    let pinned: std::collections::BTreeMap<&str, &str> = expected
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(h, rest)| (rest, h)))
        .collect();
    let mut changed = Vec::new();
    for ((i, doc), now) in docs.iter().zip(actual.lines()) {
        let (hash, rest) = now.split_once(' ').unwrap();
        if pinned.get(rest) != Some(&hash) {
            let name = format!("{i:04}.out");
            std::fs::write(dump.join(&name), doc).unwrap();
            changed.push(format!(
                "  {} (target/golden/{name})",
                commands[*i].join(" ")
            ));
        }
    }
    panic!(
        "{} of {} commands print other bytes than pinned in {MANIFEST}:\n{}\n\
         If the change is meant: TREATYSIM_UPDATE_DOCS=1 cargo test --test golden",
        changed.len(),
        commands.len(),
        changed.join("\n")
    );
}
