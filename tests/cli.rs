//! The binary, as a user meets it: every scenario runs, output formats keep the contract,
//! and each class of bad input exits 2 with a located, quoted, helpful message.

mod common;

use common::*;

fn write_temp(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("treatysim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn every_scenario_runs_and_passes() {
    for file in yaml_files(&root().join("scenarios")) {
        let source = std::fs::read_to_string(&file).unwrap();
        assert!(
            source.starts_with("# Teaches:"),
            "{} should open by saying what it teaches",
            file.display()
        );
        let out = run_bin(&["run", file.to_str().unwrap()]);
        assert_exit(&out, 0, &file.display().to_string());
        let stdout = text(&out.stdout);
        assert!(stdout.contains("Timeline") && stdout.contains("Outcome"));
        assert!(!stdout.contains('\u{1b}'), "no colour when piped");
    }
    let out = run_bin(&["test", root().join("scenarios").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // Files with uncertain inputs are for `simulate`; `test` says so and skips them.
    let uncertain = yaml_files(&root().join("scenarios"))
        .iter()
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("binomial:"))
        .count();
    let summary = text(&out.stdout).lines().last().unwrap().to_string();
    let expected = if uncertain > 0 {
        format!("passed, 0 failed, {uncertain} skipped")
    } else {
        "passed, 0 failed".to_string()
    };
    assert!(summary.ends_with(&expected), "{summary}");
}

#[test]
fn json_has_the_contract_keys() {
    let file = root().join("scenarios/story-unilateral-notice.yaml");
    let out = run_bin(&["run", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in ["title", "rulebook", "outcome", "bills", "cases", "trace"] {
        assert!(doc.get(key).is_some(), "missing {key}");
    }
    let outcome = &doc["outcome"];
    // The injunction still stands when the year runs out: the notice is revoked.
    assert_eq!(outcome["treaty"], "party");
    assert_eq!(outcome["revoked_by_order"], true);
    assert_eq!(outcome["effective_on"], serde_json::Value::Null);
    assert_eq!(outcome["lawful"], false);
    assert_eq!(outcome["enjoined"], true);
    assert_eq!(
        outcome["violations"],
        serde_json::json!(["1250A(a)", "1250A(c)"])
    );
    assert_eq!(doc["cases"]["vet"], "no_standing");
    for step in doc["trace"].as_array().unwrap() {
        for key in ["on", "track", "from", "to", "step", "citation", "note"] {
            assert!(step.get(key).is_some(), "trace step without {key}");
        }
    }
    let again = run_bin(&["run", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(out.stdout, again.stdout, "byte-identical output");
}

#[test]
fn rulebook_override_changes_the_law_applied() {
    let file = root().join("scenarios/sixty-senators-law.yaml");
    let out = run_bin(&[
        "test",
        "--rulebook",
        "as-reported-60",
        file.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the law's expectations fail under the 60 reading"
    );
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("lawful: expected false, got true"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("at 2027-06-01, The Senate's advice and consent: No consent → Consent given"),
        "{stdout}"
    );
    assert!(stdout.ends_with("0 passed, 1 failed\n"));
}

#[test]
fn test_warns_on_files_without_expectations_and_fails_broken_ones() {
    let plain = write_temp(
        "plain.yaml",
        "title: t\nevents:\n  - { on: 2027-03-01, do: announce }\n",
    );
    let out = run_bin(&["test", plain.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("no expect: block"));
    let broken = write_temp(
        "broken.yaml",
        "title: t\nevents:\n  - { on: 2027-03-01, do: sign, bill: x }\n",
    );
    let out = run_bin(&["test", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).ends_with("0 passed, 1 failed\n"));
}

/// (file text, words the first error line must contain)
const BAD_INPUTS: &[(&str, &[&str])] = &[
    (
        "title: t\nevents:\n  - { on: 2027-03-01, do: give_notise }\n",
        &[":3:", "\"give_notise\"", "did you mean give_notice?"],
    ),
    ("title: t\nevnts: []\n", &[":2:1", "evnts"]),
    (
        "title: t\nevents:\n  - { on: 2027-02-30, do: announce }\n",
        &[":3:", "2027-02-30", "does not exist"],
    ),
    (
        "title: t\nevents:\n  - { on: 03/01/2027, do: announce }\n",
        &["03/01/2027", "YYYY-MM-DD"],
    ),
    (
        "title: t\nevents:\n  - { on: 2027-03-01, do: announce }\n  - { on: 2027-01-01, do: announce }\n",
        &[":4:", "out of date order"],
    ),
    (
        "title: t\nevents:\n  - { on: 2027-03-01, do: vote, bill: hr-1, chamber: house, yeas: 1, nays: 1 }\n",
        &["hr-1", "never introduced"],
    ),
    (
        "title: t\nevents:\n  - { on: 2027-03-01, do: consent_vote, yeas: 70, nays: 31 }\n",
        &["101", "100 senators sworn"],
    ),
    (
        "title: t\nevents:\n  - { on: 2027-03-01, do: consent_vote, yeas: -3, nays: 31 }\n",
        &["-3", "negative"],
    ),
    ("title: t\ntitle: u\nevents: []\n", &[":2:", "duplicate"]),
    (
        "title: t\nevents:\n  - { on: 2027-03-01, do: rescind_notice }\n",
        &["rescind_notice is impossible", "party"],
    ),
    (
        "title: t\nevents:\n  - { on: 2027-03-01, do: file_suit, case: c, plaintiff: senate }\n",
        &["resolution", "Senate"],
    ),
    (
        "title: t\nrulebook: us-nato-2042\nevents:\n  - { on: 2027-03-01, do: announce }\n",
        &[":2:", "us-nato-2042", "did you mean us-nato-2024?"],
    ),
    ("", &["empty"]),
    ("\u{0}\u{1}garbage: [", &["s.yaml"]),
];

#[test]
fn bad_input_exits_2_with_a_located_message() {
    for (i, (yaml, words)) in BAD_INPUTS.iter().enumerate() {
        let path = write_temp(&format!("bad{i}.yaml"), yaml);
        let out = run_bin(&["run", path.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "case {i}: {stderr}");
        assert!(out.stdout.is_empty(), "case {i}: stdout not empty");
        let first = stderr.lines().next().unwrap_or_default().to_string();
        for word in *words {
            let word = word.replace("s.yaml", &format!("bad{i}.yaml"));
            assert!(
                first.contains(&word) || stderr.contains(&word),
                "case {i}: {word:?} not in\n{stderr}"
            );
        }
        assert!(first.starts_with("error: "), "case {i}: {first}");
    }
}

#[test]
fn files_that_cannot_be_read() {
    let out = run_bin(&["run", "/nonexistent/x.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no such file"));
    let out = run_bin(&["run", std::env::temp_dir().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("directory"));
    let latin1 = write_temp("latin1.yaml", "");
    std::fs::write(&latin1, b"title: caf\xe9\nevents: []\n").unwrap();
    let out = run_bin(&["run", latin1.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("UTF-8"));
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    assert_eq!(run_bin(&["run"]).status.code(), Some(2));
    assert_eq!(run_bin(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run_bin(&["--help"]).status.code(), Some(0));
}

#[test]
fn rulebooks_list_and_show() {
    let out = run_bin(&["rulebook", "list"]);
    let stdout = text(&out.stdout);
    for id in ["us-nato-2024", "us-pre-2024", "as-reported-60"] {
        assert!(stdout.contains(id));
    }
    let out = run_bin(&["rulebook", "show", "us-nato-2024"]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("two-thirds of those voting, with a quorum"));
    assert!(stdout.contains("three-fifths of senators sworn"));
    assert!(stdout.contains("22 U.S.C. § 1928f(a)"));
    assert_eq!(
        run_bin(&["rulebook", "show", "nope"]).status.code(),
        Some(2)
    );
}

#[test]
fn colour_only_when_asked_and_no_color_respected() {
    let file = root().join("scenarios/funds-bar.yaml");
    let out = run_bin(&["--color", "always", "run", file.to_str().unwrap()]);
    assert!(text(&out.stdout).contains('\u{1b}'));
    let out = bin()
        .env("NO_COLOR", "1")
        .args(["run", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!text(&out.stdout).contains('\u{1b}'));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let file = root().join("scenarios/story-unilateral-notice.yaml");
    let file = file.to_str().unwrap();
    let (status, stderr) = close_early(&["run", file, file, file], 16);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        status.code() == Some(0) || status.code().is_none(),
        "{status:?}"
    );
}

#[test]
fn the_readme_sample_is_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let out = bin()
        .current_dir(root())
        .args(["run", "scenarios/sixty-senators-law.yaml"])
        .output()
        .unwrap();
    assert!(
        readme.contains(&text(&out.stdout)),
        "README.md's sample differs from `treatysim run scenarios/sixty-senators-law.yaml`; paste the new output"
    );
}
