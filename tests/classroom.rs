//! The classroom kit: each exercise as handed out fails `treatysim test` with feedback
//! that points at the step that went another way; each answer key passes and keeps the
//! exercise's story and expectations; grading a folder of a class's files works, with a
//! gradebook.

mod common;

use std::path::{Path, PathBuf};

use common::{assert_exit, root, run_bin, text, yaml_files};
use serde_json::Value;

fn exercises() -> Vec<PathBuf> {
    yaml_files(&root().join("docs/classroom/exercises"))
}

fn answer_for(exercise: &Path) -> PathBuf {
    root()
        .join("scenarios/classroom/answers")
        .join(exercise.file_name().unwrap())
}

fn yaml(path: &Path) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn there_are_three_exercises_each_with_an_answer_key() {
    let names: Vec<String> = exercises()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "1-make-it-lawful.yaml",
            "2-stop-it-in-court.yaml",
            "3-override-the-veto.yaml"
        ]
    );
    for exercise in exercises() {
        assert!(answer_for(&exercise).is_file(), "{}", exercise.display());
    }
}

#[test]
fn answers_keep_the_story_and_the_expectations() {
    for exercise in exercises() {
        let given = yaml(&exercise);
        let answer = yaml(&answer_for(&exercise));
        for key in ["title", "summary", "setup", "until", "expect", "rulebook"] {
            assert_eq!(
                given.get(key),
                answer.get(key),
                "{key} in {}",
                exercise.display()
            );
        }
        // The events handed out appear in the answer, in order: the answer only adds.
        let given_events = given["events"].as_array().unwrap();
        let answer_events = answer["events"].as_array().unwrap();
        let mut rest = answer_events.iter();
        for event in given_events {
            assert!(
                rest.any(|e| e == event),
                "{}: the answer drops or changes {event}",
                exercise.display()
            );
        }
        assert!(answer_events.len() > given_events.len());
    }
}

#[test]
fn every_answer_key_passes() {
    let out = run_bin(&["test", root().join("scenarios/classroom").to_str().unwrap()]);
    assert_exit(&out, 0, "the answer keys");
    assert!(
        text(&out.stdout).contains("3 passed, 0 failed"),
        "{}",
        text(&out.stdout)
    );
}

/// Runs `treatysim test` on a handed-out exercise: it must fail (exit 1) and say where.
fn feedback(name: &str) -> String {
    let path = root().join("docs/classroom/exercises").join(name);
    let out = run_bin(&["test", path.to_str().unwrap()]);
    assert_exit(&out, 1, name);
    text(&out.stdout)
}

#[test]
fn exercise_one_points_at_the_unlawful_notice() {
    let out = feedback("1-make-it-lawful.yaml");
    assert!(out.contains("lawful: expected true, got false"), "{out}");
    assert!(
        out.contains("by “give notice” (line\n         38)")
            || out.contains("by “give notice” (line 38)"),
        "{out}"
    );
    // Plain words, not the rulebook's ids.
    assert!(
        out.contains("Party to the treaty → Notice pending"),
        "{out}"
    );
    assert!(
        !out.contains("notice_pending") && !out.contains("`give_notice`"),
        "{out}"
    );
    assert!(out.contains("✗ 1250A(a)"), "{out}");
    assert!(out.contains("✗ 1250A(c)"), "{out}");
}

#[test]
fn exercise_two_names_the_missing_case_and_the_clock() {
    let out = feedback("2-stop-it-in-court.yaml");
    assert!(
        out.contains("treaty: expected party, got withdrawn"),
        "{out}"
    );
    assert!(out.contains("enjoined: expected true, got false"), "{out}");
    assert!(
        out.contains("cases.senate-v-secretary: expected unlawful, got no such case"),
        "{out}"
    );
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("file it with `do: file_suit"), "{out}");
    // The senator's own suit: the doctrine the dismissal follows.
    assert!(out.contains("Raines v. Byrd"), "{out}");
}

#[test]
fn exercise_three_says_what_a_vetoed_bill_needs() {
    let out = feedback("3-override-the-veto.yaml");
    assert!(
        out.contains("bills.hr-1: expected enacted, got vetoed"),
        "{out}"
    );
    assert!(
        out.contains("Presented → Vetoed, by “veto” (line 55)"),
        "{out}"
    );
    assert!(out.contains("two-thirds of those voting"), "{out}");
}

/// A student's attempt: the exercise with `events` replaced by these lines.
fn attempt(exercise: &str, extra_events: &str) -> String {
    let text =
        std::fs::read_to_string(root().join("docs/classroom/exercises").join(exercise)).unwrap();
    let marker = text
        .lines()
        .find(|l| l.trim_start().starts_with("# Add your events here"))
        .unwrap();
    text.replacen(marker, extra_events, 1)
}

/// Grades an attempt that must fail; its report with the wrapping undone (single spaces).
fn fails(exercise: &str, extra_events: &str, what: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("student.yaml");
    std::fs::write(&file, attempt(exercise, extra_events)).unwrap();
    let out = run_bin(&["test", file.to_str().unwrap()]);
    assert_exit(&out, 1, what);
    text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_near_miss_is_explained_by_its_vote() {
    // One vote short of two-thirds in the Senate's override: 61 of 92 voting.
    let out = fails(
        "3-override-the-veto.yaml",
        "  - {on: 2027-03-15, do: override, bill: hr-1, chamber: house, yeas: 290, nays: 140}\n  - {on: 2027-03-17, do: override, bill: hr-1, chamber: senate, yeas: 61, nays: 31}",
        "a near miss",
    );
    assert!(out.contains("got veto_sustained"), "{out}");
    assert!(out.contains("61 yeas"), "{out}");
    assert!(out.contains("(62)"), "{out}");

    // A consent vote one short: the notice is the first breach, and the vote is named.
    let out = fails(
        "1-make-it-lawful.yaml",
        "  - {on: 2027-02-01, do: consult_committees}\n  - {on: 2027-02-02, do: notify_committees}\n  - {on: 2027-05-03, do: cloture_vote, yeas: 66, nays: 34}\n  - {on: 2027-05-03, do: consent_vote, yeas: 66, nays: 34}",
        "a consent vote one short",
    );
    assert!(
        out.contains("the Senate's consent vote on 2027-05-03"),
        "{out}"
    );
    assert!(
        out.contains("66 yeas is less than two-thirds of 100 voting (67)"),
        "{out}"
    );
}

#[test]
fn grading_a_class_writes_a_gradebook() {
    let class = tempfile::tempdir().unwrap();
    let copy = |from: PathBuf, to: &str| std::fs::copy(from, class.path().join(to)).unwrap();
    copy(
        root().join("docs/classroom/exercises/1-make-it-lawful.yaml"),
        "ana.yaml",
    );
    copy(
        root().join("scenarios/classroom/answers/1-make-it-lawful.yaml"),
        "ben.yaml",
    );
    std::fs::write(
        class.path().join("cy, jr.yaml"),
        "title: mine\nevents:\n  - on: 2027-02-30\n    do: give_notice\n",
    )
    .unwrap();
    // A title a spreadsheet would run as a formula is defused.
    std::fs::write(
        class.path().join("dee.yaml"),
        "title: \"=SUM(1;2)\"\nevents:\n  - {on: 2027-03-01, do: give_notice}\nexpect: {treaty: notice_pending}\n",
    )
    .unwrap();
    let grades = class.path().join("grades.csv");
    let out = run_bin(&[
        "test",
        class.path().to_str().unwrap(),
        "--grades",
        grades.to_str().unwrap(),
    ]);
    // A file that cannot run makes the exit code 2; the gradebook is written anyway.
    assert_exit(&out, 2, "a class with a broken file");
    assert!(
        text(&out.stdout).contains("2 passed, 2 failed"),
        "{}",
        text(&out.stdout)
    );
    let csv = std::fs::read_to_string(&grades).unwrap();
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows[0], "file,title,result,checks failed,first problem");
    assert_eq!(rows.len(), 5, "{csv}");
    assert!(rows[1].contains("ana.yaml,Exercise 1: make the withdrawal lawful,fail,2,\"lawful: expected true, got false\""), "{csv}");
    assert!(
        rows[2].ends_with("ben.yaml,Exercise 1: make the withdrawal lawful,pass,0,"),
        "{csv}"
    );
    assert!(rows[3].contains("cy, jr.yaml\",,error,,"), "{csv}");
    assert!(rows[3].contains("does not exist"), "{csv}");
    assert!(rows[4].ends_with("dee.yaml,'=SUM(1;2),pass,0,"), "{csv}");
}

#[test]
fn the_teachers_guide_shows_real_feedback() {
    // The sample in docs/classroom/README.md: exercise 1 with a consent vote one short.
    let guide = std::fs::read_to_string(root().join("docs/classroom/README.md")).unwrap();
    let start = guide.find("FAIL   1-make-it-lawful.yaml").unwrap();
    let sample = &guide[start..start + guide[start..].find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let short = attempt(
        "1-make-it-lawful.yaml",
        "  - {on: 2027-02-01, do: consult_committees}\n  - {on: 2027-02-02, do: notify_committees}\n  - {on: 2027-05-03, do: cloture_vote, yeas: 66, nays: 34}\n  - {on: 2027-05-03, do: consent_vote, yeas: 66, nays: 34}",
    );
    std::fs::write(dir.path().join("1-make-it-lawful.yaml"), short).unwrap();
    let out = common::bin()
        .args(["test", "1-make-it-lawful.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(text(&out.stdout), sample);
}

/// The handout's flowchart ships as plain SVG (no HTML inside, so it shows outside a
/// browser too) and a PDF page, and the SVG says what its Mermaid source says: every
/// box's words, in order.
#[test]
fn the_handouts_flowchart_is_an_svg_and_a_pdf_drawn_from_its_source() {
    let dir = root().join("docs/classroom");
    let source = std::fs::read_to_string(dir.join("handout-flow.mmd")).unwrap();
    let svg = std::fs::read_to_string(dir.join("handout-flow.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    assert!(!svg.contains("foreignObject"), "HTML inside the SVG");
    let words: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .flat_map(str::split_whitespace)
        .collect();
    let drawn = words.join(" ");
    let labels: Vec<&str> = source
        .lines()
        .filter_map(|l| {
            l.split_once("[\"")
                .map(|(_, rest)| rest.trim_end_matches("\"]"))
        })
        .collect();
    assert!(labels.len() >= 10, "{labels:?}");
    for label in labels {
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            drawn.contains(&label),
            "the SVG lacks {label:?}; run `npm run handout` in tests/browser"
        );
    }
    let pdf = std::fs::read(dir.join("handout-flow.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let handout = std::fs::read_to_string(dir.join("handout.md")).unwrap();
    assert!(handout.contains("](handout-flow.svg)") && handout.contains("](handout-flow.pdf)"));
}

#[test]
fn the_handouts_numbers_are_the_rulebooks() {
    use treatysim::threshold::Rule;
    let handout = std::fs::read_to_string(root().join("docs/classroom/handout.md")).unwrap();
    let law = treatysim::rulebook::load("us-nato-2024").unwrap();
    let p = &law.rulebook.parameters;
    assert_eq!(
        p.consent.latest().rule,
        Rule::FractionOfVoting { num: 2, den: 3 }
    );
    assert!(p.consent.latest().quorum && p.override_.latest().quorum && p.passage.latest().quorum);
    assert_eq!(
        p.override_.latest().rule,
        Rule::FractionOfVoting { num: 2, den: 3 }
    );
    assert_eq!(
        p.cloture.latest().rule,
        Rule::FractionOfSworn { num: 3, den: 5 }
    );
    assert_eq!(*p.return_days.latest(), 10);
    assert_eq!(law.treaty.notice_period.to_string(), "1 year");
    assert_eq!(*p.committee_notice_days.latest(), 180);
    for row in [
        "| **2/3 of those voting** |",
        "| **a quorum** |",
        "| **3/5 of senators sworn** |",
        "| **10 days, Sundays excepted** |",
        "| **one year** |",
        "| **180 days** |",
    ] {
        assert!(handout.contains(row), "the handout lacks {row}");
    }
}

#[test]
fn a_plaintiff_without_standing_cannot_win_exercise_two() {
    // A senator's suit, won: the grader says the ruling departs from the view of standing.
    let out = fails(
        "2-stop-it-in-court.yaml",
        "  - {on: 2027-05-12, do: file_suit, case: senate-v-secretary, plaintiff: senator}\n  - {on: 2027-10-01, do: rule, case: senate-v-secretary, holding: unlawful, remedy: injunction}",
        "a senator wins",
    );
    assert!(
        out.contains("doctrine: expected followed, got departed"),
        "{out}"
    );
    assert!(out.contains("standing for a senator is unlikely"), "{out}");
    assert!(out.contains("Raines v. Byrd"), "{out}");
    // Only that check fails: the rest of the story reaches the outcome.
    assert!(!out.contains("enjoined: expected"), "{out}");
}

#[test]
fn grading_against_the_exercise_catches_a_changed_exercise() {
    // Each answer key keeps its exercise.
    for exercise in exercises() {
        let out = run_bin(&[
            "test",
            answer_for(&exercise).to_str().unwrap(),
            "--exercise",
            exercise.to_str().unwrap(),
        ]);
        assert_exit(&out, 0, &exercise.display().to_string());
    }
    let dir = tempfile::tempdir().unwrap();
    let exercise = root().join("docs/classroom/exercises/3-override-the-veto.yaml");
    let given = std::fs::read_to_string(&exercise).unwrap();
    // Signing instead of vetoing reaches `enacted`, but is not the exercise.
    let signed = given.replacen("    do: veto\n", "    do: sign\n", 1);
    std::fs::write(dir.path().join("a-signed.yaml"), signed).unwrap();
    // Asking for less passes by itself, but is not the exercise either.
    let easier = given.replacen("    hr-1: enacted\n", "    hr-1: vetoed\n", 1);
    std::fs::write(dir.path().join("b-easier.yaml"), easier).unwrap();
    // Without --exercise both pass; with it, both fail and say why.
    let out = run_bin(&["test", dir.path().to_str().unwrap()]);
    assert_exit(&out, 0, "without --exercise");
    let grades = dir.path().join("grades.csv");
    let out = run_bin(&[
        "test",
        dir.path().to_str().unwrap(),
        "--exercise",
        exercise.to_str().unwrap(),
        "--grades",
        grades.to_str().unwrap(),
    ]);
    assert_exit(&out, 1, "with --exercise");
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(r#"exercise: expected the event {"on":"2027-03-08","do":"veto","bill":"hr-1"}, got removed, changed or moved"#),
        "{stdout}"
    );
    assert!(
        stdout.contains("exercise: expected `expect:` as in"),
        "{stdout}"
    );
    assert!(stdout.contains("0 passed, 2 failed"), "{stdout}");
    let csv = std::fs::read_to_string(&grades).unwrap();
    assert_eq!(csv.matches(",fail,").count(), 2, "{csv}");
    // An exercise that cannot be read stops grading with exit 2.
    let out = run_bin(&[
        "test",
        dir.path().to_str().unwrap(),
        "--exercise",
        "nope.yaml",
    ]);
    assert_exit(&out, 2, "a missing exercise");
}
