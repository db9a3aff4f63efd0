//! `treatysim play`, driven through a pseudo-terminal as a student would: a notice given
//! (with the warning that it is unlawful), time passing to the deadline, the end; the
//! saved session replays with `run`.

#![cfg(unix)]

mod common;

use std::process::Command;

use common::{assert_exit, run_bin, text};

/// Types into the prompt once it is waiting for keys: the terminal library switches to
/// raw mode after drawing the prompt, and input typed before that can be dropped.
fn type_in(p: &mut rexpect::session::PtySession, keys: &str) {
    std::thread::sleep(std::time::Duration::from_millis(400));
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// `treatysim play` in a pseudo-terminal, in `dir`, saving to `save` if given.
fn play_in(dir: &std::path::Path, save: Option<&std::path::Path>) -> rexpect::session::PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_treatysim"));
    cmd.arg("play")
        .current_dir(dir)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    if let Some(save) = save {
        cmd.arg("--save").arg(save);
    }
    rexpect::session::spawn_command(cmd, Some(30_000)).expect("play starts in a pty")
}

#[test]
fn a_full_session_to_a_withdrawal_replays_with_run() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("session.yaml");
    let mut p = play_in(dir.path(), Some(&saved));
    p.exp_string("Where things stand").unwrap();
    p.exp_string("What happens next?").unwrap();
    type_in(&mut p, "give notice");
    type_in(&mut p, "\r");
    p.exp_string("Do it anyway?").unwrap();
    type_in(&mut p, "y");
    p.exp_string("breaches 1250A(a)").unwrap();
    p.exp_string("What happens next?").unwrap();
    type_in(&mut p, "next deadline");
    type_in(&mut p, "\r");
    p.exp_string("one year after notice").unwrap();
    p.exp_string("What happens next?").unwrap();
    type_in(&mut p, "end the session");
    type_in(&mut p, "\r");
    p.exp_string("The outcome").unwrap();
    p.exp_string("withdrawn").unwrap();
    p.exp_string("Saved to").unwrap();
    p.exp_eof().unwrap();

    let out = run_bin(&["run", "--format", "json", saved.to_str().unwrap()]);
    assert_exit(&out, 0, "the saved session replays");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["outcome"]["treaty"],
        "withdrawn",
        "{}",
        text(&out.stdout)
    );
    assert_eq!(doc["outcome"]["lawful"], false);
}

#[test]
fn play_needs_a_terminal() {
    let out = run_bin(&["play"]);
    assert_exit(&out, 2, "play without a terminal");
    assert!(text(&out.stderr).contains("needs a terminal"));
}

/// Without `--save`, the session asks whether to save: `n` saves nothing.
#[test]
fn the_save_prompt_can_be_declined() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = play_in(dir.path(), None);
    p.exp_string("What happens next?").unwrap();
    type_in(&mut p, "end the session");
    type_in(&mut p, "\r");
    p.exp_string("Save the session as a scenario file?")
        .unwrap();
    type_in(&mut p, "n");
    p.exp_string("Not saved.").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// An unlawful move lists its breaches above a short question, so the question is
/// drawn once however narrow the terminal.
#[test]
fn an_unlawful_move_lists_its_breaches_then_asks() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = play_in(dir.path(), Some(&dir.path().join("s.yaml")));
    p.exp_string("What happens next?").unwrap();
    type_in(&mut p, "give notice");
    type_in(&mut p, "\r");
    let (listed, _) = p.exp_regex("Do it anyway\\?").unwrap();
    assert!(listed.contains("This move is unlawful:"), "{listed}");
    assert!(listed.contains("✗ breaches 1250A(a)") || listed.contains("breaches 1250A(a)"));
    assert!(listed.contains("breaches 1250A(c)"), "{listed}");
    type_in(&mut p, "n");
    p.exp_string("What happens next?").unwrap();
    type_in(&mut p, "end the session");
    type_in(&mut p, "\r");
    p.exp_string("Saved to").unwrap();
    p.exp_eof().unwrap();
}

/// The lesson's vote, typed: 62–38 on consent fails the two-thirds the law asks.
#[test]
fn a_vote_is_cast_with_the_tally_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = play_in(dir.path(), Some(&dir.path().join("s.yaml")));
    p.exp_string("What happens next?").unwrap();
    type_in(&mut p, "invokes cloture");
    type_in(&mut p, "\r");
    p.exp_string("Votes (yeas-nays)").unwrap();
    type_in(&mut p, "\r");
    p.exp_string("What happens next?").unwrap();
    type_in(&mut p, "Senate consents");
    type_in(&mut p, "\r");
    p.exp_string("Votes (yeas-nays)").unwrap();
    // Replace the offered 67-33.
    type_in(&mut p, "\u{8}\u{8}\u{8}\u{8}\u{8}62-38\r");
    p.exp_string("consent vote fails").unwrap();
    p.exp_string("62 yeas is less than two-thirds").unwrap();
    p.exp_string("What happens next?").unwrap();
    type_in(&mut p, "end the session");
    type_in(&mut p, "\r");
    p.exp_string("Saved to").unwrap();
    p.exp_eof().unwrap();
    let saved = std::fs::read_to_string(dir.path().join("s.yaml")).unwrap();
    assert!(saved.contains("yeas: 62, nays: 38"), "{saved}");
}
