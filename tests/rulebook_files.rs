//! Rulebooks of the user's own: passed with --rulebook or named by a scenario, extending
//! a built-in one, and refused with a clear message when they are not valid.

mod common;

use common::*;

fn dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("treatysim-rb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const STORY: &str = "title: t\nsetup: { filibuster: false }\nevents:\n  - { on: 2026-01-01, do: consult_committees }\n  - { on: 2026-01-02, do: notify_committees }\n  - { on: 2027-01-04, do: consent_vote, yeas: 56, nays: 44 }\n  - { on: 2027-01-05, do: give_notice }\nexpect: { lawful: true }\n";

const MAJORITY_CONSENT: &str = "id: majority-consent\nextends: us-nato-2024\ntitle: Consent by a simple majority (a classroom what-if)\nsummary: The law in force, but the Senate consents by a majority.\nparameters:\n  limitation_in_force: true\n  consent: { rule: majority, quorum: true, min_yeas: 1 }\n  passage: { rule: majority, quorum: true }\n  cloture: { rule: fraction_of_sworn, num: 3, den: 5 }\n  override: { rule: fraction_of_voting, num: 2, den: 3, quorum: true }\n  suit_resolution: { rule: majority, quorum: true }\n  notice_period_years: 1\n  return_days: 10\n  committee_notice_days: 180\n";

#[test]
fn a_rulebook_file_on_the_command_line() {
    let d = dir();
    std::fs::write(d.join("majority.yaml"), MAJORITY_CONSENT).unwrap();
    std::fs::write(d.join("story.yaml"), STORY).unwrap();
    let story = d.join("story.yaml");
    let out = run_bin(&["test", story.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "56-44 is no consent under the law"
    );
    let rb = d.join("majority.yaml");
    let out = run_bin(&[
        "test",
        "--rulebook",
        rb.to_str().unwrap(),
        story.to_str().unwrap(),
    ]);
    assert_exit(&out, 0, "");
    let out = run_bin(&["rulebook", "show", rb.to_str().unwrap()]);
    assert!(text(&out.stdout).contains("extends us-nato-2024"));
}

#[test]
fn a_scenario_names_a_rulebook_beside_it() {
    let d = dir().join("beside");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("majority.yaml"), MAJORITY_CONSENT).unwrap();
    std::fs::write(
        d.join("story.yaml"),
        format!("rulebook: majority.yaml\n{STORY}"),
    )
    .unwrap();
    let out = run_bin(&["test", d.join("story.yaml").to_str().unwrap()]);
    assert_exit(&out, 0, "");
}

#[test]
fn invalid_rulebooks_are_refused_with_the_reason() {
    let d = dir();
    let cases = [
        (
            "typo.yaml",
            MAJORITY_CONSENT.replace("return_days", "retrun_days"),
            "retrun_days",
        ),
        (
            "fraction.yaml",
            MAJORITY_CONSENT.replace("num: 3, den: 5", "num: 5, den: 3"),
            "5/3",
        ),
        (
            "cycle.yaml",
            MAJORITY_CONSENT.replace("extends: us-nato-2024", "extends: CYCLE"),
            "makes a cycle",
        ),
        (
            "nosections.yaml",
            "id: x\ntitle: x\nsummary: x\n".to_string(),
            "extends",
        ),
    ];
    for (name, body, word) in cases {
        let path = d.join(name);
        let body = body.replace("CYCLE", path.to_str().unwrap());
        std::fs::write(&path, body).unwrap();
        let out = run_bin(&["rulebook", "show", path.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(word), "{name}: {word:?} not in {stderr}");
    }
}
