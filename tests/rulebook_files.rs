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

const BILL: &str = "title: a bill\nsetup: { filibuster: false }\nevents:\n  - { on: 2027-04-01, do: introduce, bill: b, chamber: house, purpose: authorize_withdrawal }\n  - { on: 2027-04-10, do: vote, bill: b, chamber: house, yeas: 230, nays: 200 }\n  - { on: 2027-04-20, do: vote, bill: b, chamber: senate, yeas: 51, nays: 49 }\n  - { on: 2027-05-03, do: present, bill: b }\nuntil: 2027-06-01\n";

/// A variant states only what it changes (key by key), and every sentence follows its
/// numbers: five return days make "the fifth day", never "the tenth".
#[test]
fn a_variant_states_only_what_it_changes_and_the_words_follow_its_numbers() {
    let d = dir().join("five");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(
        d.join("five.yaml"),
        "id: five-days\nextends: us-nato-2024\ntitle: Five days to sign\nparameters:\n  return_days: 5\n",
    )
    .unwrap();
    std::fs::write(d.join("bill.yaml"), format!("rulebook: five.yaml\n{BILL}")).unwrap();
    let out = run_bin(&["run", d.join("bill.yaml").to_str().unwrap()]);
    assert_exit(&out, 0, "run");
    let t = text(&out.stdout);
    assert!(
        t.contains("The fifth day (Sundays excepted) is 2027-05-08"),
        "{t}"
    );
    assert!(!t.contains("tenth") && !t.contains("ten days"), "{t}");
    assert!(t.contains("five days"), "{t}");
    // The bill is law the day after the fifth day.
    let out = run_bin(&[
        "run",
        "--format",
        "json",
        d.join("bill.yaml").to_str().unwrap(),
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["bills"]["b"], "enacted");
    let law = doc["trace"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == "law_without_signature")
        .unwrap();
    // Presented Monday May 3: the fifth day is Saturday May 8; the bill is law the day
    // after (Sundays are left out of the count, not out of the calendar).
    assert_eq!(law["on"], "2027-05-09");
}

/// Witnesses that `check` writes for a rulebook file name it relative to themselves, so
/// that `run` finds it from anywhere.
#[test]
fn witnesses_of_a_file_rulebook_replay() {
    let d = dir().join("witness");
    let out_dir = d.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::write(
        d.join("majority.yaml"),
        "id: majority-consent\nextends: us-nato-2024\ntitle: Consent by a majority\nparameters:\n  consent: { rule: majority, quorum: true, min_yeas: 1 }\n",
    )
    .unwrap();
    let out = run_bin(&[
        "check",
        "--rulebook",
        d.join("majority.yaml").to_str().unwrap(),
        "--write-scenarios",
        out_dir.to_str().unwrap(),
    ]);
    assert_exit(&out, 0, "check");
    let written = yaml_files(&out_dir);
    assert!(!written.is_empty(), "{}", text(&out.stdout));
    for file in written {
        let body = std::fs::read_to_string(&file).unwrap();
        assert!(body.contains("rulebook: ../majority.yaml"), "{body}");
        // Run from another folder: the path is the witness's own.
        let out = common::bin()
            .args(["run", file.to_str().unwrap()])
            .current_dir(std::env::temp_dir())
            .output()
            .unwrap();
        assert_exit(&out, 0, &file.display().to_string());
    }
}

/// A bad rulebook is an error at its file, line and column, with exit 2: a cycle of
/// `extends`, a period of 0 or with a misspelled unit, one provision twice for the same
/// days, a parameter with a gap in its dates, an unknown placeholder.
#[test]
fn bad_rulebooks_are_refused_where_they_go_wrong() {
    let d = dir().join("bad");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("a.yaml"), "id: a\nextends: b.yaml\ntitle: A\n").unwrap();
    std::fs::write(d.join("b.yaml"), "id: b\nextends: a.yaml\ntitle: B\n").unwrap();
    let cases: [(&str, &str, &str, &str); 8] = [
        ("a.yaml", "", "b.yaml:2:10", "makes a cycle"),
        (
            "zero.yaml",
            "id: zero\nextends: us-base\ntitle: Z\ntreaty:\n  name: T\n  article: Art. 1\n  clause: const-art2-s2\n  notice_to: the other party\n  notice_period: 0 days\n",
            "zero.yaml:9:18",
            "\"0 days\" is not a period the law can count",
        ),
        (
            "monts.yaml",
            "id: monts\nextends: us-base\ntitle: M\ntreaty:\n  notice_period: 6 monts\n",
            "monts.yaml:5:18",
            "did you mean months?",
        ),
        (
            "twice.yaml",
            "id: twice\nextends: us-nato-2024\ntitle: T\nprovisions:\n  - { id: x, from: 2020-01-01, title: t, test: unauthorized, actions: [give_notice], citation: nat-art13, text: t }\n  - { id: x, from: 2024-06-01, until: 2030-01-01, title: t, test: unauthorized, actions: [give_notice], citation: nat-art13, text: t }\n",
            "twice.yaml:6:20",
            "given twice for the same days",
        ),
        (
            "gap.yaml",
            "id: gap\nextends: us-nato-2024\ntitle: G\nparameters:\n  return_days:\n    - { until: 2000-12-31, value: 10 }\n    - { from: 2001-02-01, value: 5 }\n",
            "gap.yaml:7:15",
            "leaves a gap",
        ),
        (
            "placeholder.yaml",
            "id: placeholder\nextends: us-nato-2024\ntitle: P\nsummary: The {tenth_day} day.\n",
            "placeholder.yaml:1:5",
            "unknown placeholder {tenth_day}",
        ),
        (
            "badid.yaml",
            "id: \"../escaped\"\nextends: us-nato-2024\ntitle: P\n",
            "badid.yaml:1:5",
            "not a valid rulebook id",
        ),
        (
            "alias.yaml",
            "id: alias\nextends: us-nato-2024\ntitle: A\nglossary:\n  - { term: supermajority, aliases: [Two_Thirds], text: t, citation: nat-art13 }\n",
            "alias.yaml:5:13",
            "the name \"Two_Thirds\" cannot be looked up: glossary entry \"two-thirds of senators present\" already answers to it",
        ),
    ];
    for (name, body, at, says) in cases {
        if !body.is_empty() {
            std::fs::write(d.join(name), body).unwrap();
        }
        let out = run_bin(&["rulebook", "show", d.join(name).to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(at), "{name}: {at:?} not in {stderr}");
        assert!(stderr.contains(says), "{name}: {says:?} not in {stderr}");
    }
}

/// `rulebook show --on` and `explain --on` say what was in force on a day.
#[test]
fn show_and_explain_the_law_of_a_day() {
    let before = run_bin(&["rulebook", "show", "--on", "2019-06-01"]);
    assert_exit(&before, 0, "show --on 2019");
    let t = text(&before.stdout);
    assert!(t.contains("the law in force on 2019-06-01"), "{t}");
    assert!(
        t.contains("none: no act of the President is recorded"),
        "{t}"
    );
    assert!(
        !t.contains("Section 1250A(a), FY2024 NDAA, Pub."),
        "no source from 2023 in 2019: {t}"
    );
    let now = text(&run_bin(&["rulebook", "show"]).stdout);
    assert!(
        now.contains("1250A(a)  No withdrawal without the Senate"),
        "{now}"
    );
    assert!(now.contains("in force from 2023-12-22"), "{now}");
    let view = text(&run_bin(&["rulebook", "show", "us-pre-2024"]).stdout);
    assert!(
        view.contains("a view: every event is judged by the law in force on 2023-12-21"),
        "{view}"
    );
    let explained = text(&run_bin(&["explain", "suspension", "--on", "2019-06-01"]).stdout);
    assert!(!explained.contains("1250A"), "{explained}");
    assert!(
        explained.contains("the law in force on 2019-06-01"),
        "{explained}"
    );
    let explained = text(&run_bin(&["explain", "suspension"]).stdout);
    assert!(explained.contains("section 1250A(a)"), "{explained}");
    let bad = run_bin(&["rulebook", "show", "--on", "2019-02-30"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("2019-02 has 28 days"),
        "{}",
        text(&bad.stderr)
    );
}
