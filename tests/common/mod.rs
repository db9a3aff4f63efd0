//! Helpers shared by the integration tests: run the binary, read its output.
#![allow(dead_code)]

pub mod server;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_treatysim"));
    cmd.env_remove("NO_COLOR").env("COLUMNS", "100");
    cmd
}

pub fn run_bin(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The YAML files directly in a folder, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Fails with the command's output when its exit code is not `code`.
pub fn assert_exit(out: &Output, code: i32, context: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{context}\n--- stdout\n{}--- stderr\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// Reads `n` bytes of the command's output, closes the pipe, and returns how it ended.
pub fn close_early(args: &[&str], n: usize) -> (std::process::ExitStatus, String) {
    let mut child = bin()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = vec![0u8; n];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (status, stderr)
}

/// The commands `treatysim --help` lists (without `help`).
pub fn subcommands() -> Vec<String> {
    let out = run_bin(&["--help"]);
    let help = text(&out.stdout);
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

/// The completion script `treatysim completions SHELL` prints.
pub fn completion_script(shell: &str) -> String {
    let out = run_bin(&["completions", shell]);
    assert_exit(&out, 0, shell);
    text(&out.stdout)
}

/// The pages `treatysim man --dir` writes: one per command and subcommand.
pub fn man_pages() -> Vec<String> {
    let mut pages: Vec<String> = subcommands()
        .iter()
        .map(|c| format!("treatysim-{c}.1"))
        .collect();
    pages.extend(
        [
            "treatysim.1",
            "treatysim-rulebook-list.1",
            "treatysim-rulebook-show.1",
        ]
        .map(String::from),
    );
    pages
}
