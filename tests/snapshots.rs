//! What a person reads, pinned: the text report, the JSON document and the error
//! messages. A change to any of them shows up as a reviewable diff
//! (`cargo insta review`, or INSTA_UPDATE=always cargo test).

mod common;

use common::*;

fn output(args: &[&str]) -> String {
    let out = bin().current_dir(root()).args(args).output().unwrap();
    format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    )
}

#[test]
fn story_report() {
    insta::assert_snapshot!(output(&["run", "scenarios/story-unilateral-notice.yaml"]));
}

#[test]
fn override_report() {
    insta::assert_snapshot!(output(&["run", "scenarios/act-veto-overridden.yaml"]));
}

#[test]
fn goldwater_report() {
    insta::assert_snapshot!(output(&[
        "run",
        "scenarios/history/taiwan-1978-goldwater.yaml"
    ]));
}

#[test]
fn consent_json() {
    insta::assert_snapshot!(output(&[
        "run",
        "--format",
        "json",
        "scenarios/consent-route.yaml"
    ]));
}

#[test]
fn failing_expectation() {
    insta::assert_snapshot!(output(&[
        "test",
        "--rulebook",
        "as-reported-60",
        "scenarios/sixty-senators-law.yaml"
    ]));
}

#[test]
fn impossible_and_bad_input_messages() {
    let mut all = String::new();
    for file in yaml_files(&root().join("tests/acceptance/reject")) {
        let relative = file
            .strip_prefix(root())
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        all.push_str(&output(&["--color", "never", "run", &relative]));
        all.push('\n');
    }
    insta::assert_snapshot!(all);
}
