//! Output on a terminal fits its width: run, explain, rulebook show, test, compare,
//! and play (why prints its scenario as the YAML file it is, unwrapped) in a pseudo-terminal of 80 and of 120 columns. No line is wider than
//! the terminal, no word or citation is broken, and the words are those of the piped
//! output (which keeps its fixed 100 columns).

#![cfg(unix)]

mod common;

use std::process::Command;

use common::{root, run_bin, text};

/// What the command prints in a pseudo-terminal `columns` wide (set with stty before
/// the binary starts, as a terminal window would be), colour codes left out.
fn in_terminal(columns: usize, args: &[&str]) -> String {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("stty cols {columns} rows 50 && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_treatysim"))
        .args(args)
        .current_dir(root())
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    let mut p = rexpect::session::spawn_command(cmd, Some(120_000)).expect("a pty");
    utf8(&p.exp_eof().expect("the command ends")).replace('\r', "")
}

/// rexpect hands back each byte as a char; the program wrote UTF-8.
fn utf8(read: &str) -> String {
    let bytes: Vec<u8> = read.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8(bytes).expect("UTF-8")
}

/// The words of a text, without the outcome box's frame.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "│╭╮╰╯─".contains(c))
        .filter(|w| !w.is_empty() && !w.contains("Outcome"))
        .map(String::from)
        .collect()
}

const COMMANDS: &[&[&str]] = &[
    &["run", "scenarios/story-unilateral-notice.yaml"],
    &["run", "scenarios/sixty-senators-law.yaml"],
    &["explain", "give_notice"],
    &["explain", "senate"],
    &["rulebook", "show", "us-nato-2024"],
    &["test", "scenarios/classroom/answers"],
    &[
        "compare",
        "scenarios/sixty-senators-law.yaml",
        "--rulebook",
        "us-nato-2024",
        "--rulebook",
        "as-reported-60",
    ],
    &["explain", "1250A"],
];

#[test]
fn output_fits_terminals_of_80_and_120_columns_without_breaking_words() {
    for args in COMMANDS {
        let piped = text(&run_bin(args).stdout);
        for columns in [80, 120] {
            let shown = in_terminal(columns, args);
            for line in shown.lines() {
                assert!(
                    line.chars().count() <= columns,
                    "`{}` at {columns} columns: a line of {}:\n{line:?}",
                    args.join(" "),
                    line.chars().count()
                );
            }
            // compare's two columns wrap side by side, so only their order differs.
            let (mut shown_words, mut piped_words) = (words(&shown), words(&piped));
            if args[0] == "compare" {
                shown_words.sort();
                piped_words.sort();
            }
            assert_eq!(
                shown_words,
                piped_words,
                "`{}` at {columns} columns says other words than piped",
                args.join(" ")
            );
            assert!(!shown.trim().is_empty());
        }
    }
}

#[test]
fn the_widths_are_used_not_just_respected() {
    // At 120 columns a timeline headline and its [track: from → to] share a line that
    // at 80 they cannot.
    let wide = in_terminal(120, &["run", "scenarios/story-unilateral-notice.yaml"]);
    let narrow = in_terminal(80, &["run", "scenarios/story-unilateral-notice.yaml"]);
    let together =
        "File suit (senate-v-secretary)  [case senate-v-secretary: not_filed → district]";
    assert!(wide.contains(together), "{wide}");
    assert!(!narrow.contains(together), "{narrow}");
    assert!(wide.lines().any(|l| l.chars().count() > 100), "{wide}");
}

#[test]
fn play_narrates_within_the_terminal() {
    let mut cmd = Command::new("sh");
    let dir = tempfile::tempdir().unwrap();
    cmd.arg("-c")
        .arg("stty cols 80 rows 50 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_treatysim"))
        .args(["play", "--save"])
        .arg(dir.path().join("s.yaml"))
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).expect("a pty");
    p.exp_string("What happens next?").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    p.send("give notice").unwrap();
    p.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    p.send("\r").unwrap();
    p.flush().unwrap();
    p.exp_string("Do it anyway?").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    p.send("y").unwrap();
    p.flush().unwrap();
    let (narrated, _) = p.exp_regex("What happens next\\?").unwrap();
    let narrated = utf8(&narrated).replace('\r', "\n");
    let lines: Vec<&str> = narrated
        .lines()
        .map(|l| l.rsplit('\u{1b}').next().unwrap_or(l))
        .filter(|l| l.contains("→ ") || l.starts_with("    "))
        .collect();
    assert!(
        lines.iter().any(|l| l.contains("breaches 1250A(a)")),
        "{narrated}"
    );
    for line in lines {
        assert!(
            line.chars().count() <= 80,
            "a line of {}:\n{line}",
            line.chars().count()
        );
    }
}
