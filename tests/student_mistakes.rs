//! The mistakes students make, each classed and located: a step out of order under the
//! law (a legal mistake, not a typing one), a tab in the indentation, curly quotes, a
//! ruling with no remedy, a provision that does not exist, committees notified before
//! they were consulted.

mod common;

use common::*;

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

const SENATE_FIRST: &str = "title: Senate first\nevents:\n  - {on: 2027-01-04, do: introduce, bill: hr-1, chamber: house, purpose: authorize_withdrawal}\n  - {on: 2027-01-05, do: vote, bill: hr-1, chamber: house, yeas: 300, nays: 130}\n  - {on: 2027-01-06, do: cloture_vote, bill: hr-1, yeas: 70, nays: 30}\n  - {on: 2027-01-07, do: vote, bill: hr-1, chamber: senate, yeas: 70, nays: 30}\n  - {on: 2027-01-08, do: present, bill: hr-1}\n  - {on: 2027-01-09, do: veto, bill: hr-1}\n  - {on: 2027-01-12, do: override, bill: hr-1, chamber: senate, yeas: 70, nays: 30}\n  - {on: 2027-01-13, do: override, bill: hr-1, chamber: house, yeas: 300, nays: 130}\nexpect: {bills: {hr-1: enacted}}\n";

#[test]
fn a_senate_first_override_is_a_mistake_of_law_and_says_the_house_votes_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "senate-first.yaml", SENATE_FIRST);
    let typo = write(
        dir.path(),
        "typo.yaml",
        &SENATE_FIRST.replace("do: veto", "do: vetoo"),
    );
    let grades = dir.path().join("g.csv");
    let out = run_bin(&["test", &file, &typo, "--grades", grades.to_str().unwrap()]);
    assert_exit(&out, 2, "a file that cannot run");
    let said = text(&out.stdout);
    assert!(
        said.contains("cannot run: a step the law does not allow at that point"),
        "{said}"
    );
    let err = text(&out.stderr);
    assert!(err.contains("senate-first.yaml:9:"), "{err}");
    assert!(err.contains("override (House of origin)"), "{err}");
    assert!(
        err.contains("The House of origin passes the bill over the veto"),
        "{err}"
    );
    // The gradebook tells the two kinds apart.
    let csv = std::fs::read_to_string(&grades).unwrap();
    let row = |name: &str| csv.lines().find(|l| l.contains(name)).unwrap().to_string();
    assert!(row("senate-first.yaml").contains(",illegal step,"), "{csv}");
    assert!(row("typo.yaml").contains(",error,"), "{csv}");
}

#[test]
fn a_tab_in_the_indentation_is_named_on_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "tab.yaml",
        "title: t\nevents:\n\t- {on: 2027-01-04, do: give_notice}\n",
    );
    let out = run_bin(&["run", &file]);
    assert_exit(&out, 2, "a tab");
    let err = text(&out.stderr);
    assert!(
        err.contains("tab.yaml:3:1: line 3 is indented with a tab"),
        "{err}"
    );
    assert!(err.contains("help: indent with spaces"), "{err}");
}

#[test]
fn curly_quotes_are_named() {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [
        (
            "action.yaml",
            "title: t\nevents:\n  - {on: 2027-01-04, do: “give_notice”}\n",
        ),
        (
            "note.yaml",
            "title: t\nevents:\n  - {on: 2027-01-04, do: give_notice, note: “go: now”}\n",
        ),
    ] {
        let file = write(dir.path(), name, body);
        let out = run_bin(&["run", &file]);
        assert_exit(&out, 2, name);
        let err = text(&out.stderr);
        assert!(
            err.contains("a curly quote “ where YAML needs a straight one"),
            "{name}: {err}"
        );
        assert!(err.contains(&format!("{name}:3:")), "{err}");
    }
}

#[test]
fn a_ruling_without_a_remedy_gets_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "remedy.yaml",
        "title: t\nevents:\n  - {on: 2027-01-04, do: give_notice}\n  - {on: 2027-01-05, do: file_suit, case: c, plaintiff: state}\n  - {on: 2027-03-05, do: rule, case: c, holding: unlawful}\nexpect: {enjoined: true}\n",
    );
    let out = run_bin(&["test", &file]);
    assert_exit(&out, 1, "no remedy");
    let said = text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("the ruling on line 5 holds the act unlawful but gives no `remedy:`")
            && said.contains("add `remedy: injunction`"),
        "{said}"
    );
}

#[test]
fn a_provision_no_rulebook_has_is_an_error_with_the_ids_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "prov.yaml",
        "title: t\nevents:\n  - {on: 2027-01-04, do: give_notice}\nexpect: {violations: [\"1250A(a)\", \"1250A(d)\"]}\n",
    );
    let out = run_bin(&["test", &file]);
    assert_exit(&out, 2, "an unknown provision");
    let err = text(&out.stderr);
    assert!(
        err.contains("prov.yaml:4:35: `expect: violations` names \"1250A(d)\", which is no provision of rulebook us-nato-2024"),
        "{err}"
    );
    assert!(
        err.contains("its provisions: 1250A(a), 1250A(b) or 1250A(c)"),
        "{err}"
    );
}

#[test]
fn notifying_before_consulting_says_what_went_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "order.yaml",
        "title: t\nsetup: {filibuster: false}\nevents:\n  - {on: 2027-01-04, do: notify_committees}\n  - {on: 2027-01-05, do: consult_committees}\n  - {on: 2027-08-04, do: consent_vote, yeas: 70, nays: 30}\n  - {on: 2027-08-05, do: give_notice}\nexpect: {lawful: true}\n",
    );
    let out = run_bin(&["test", &file]);
    assert_exit(&out, 1, "notified first");
    let said = text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("The committees were notified on 2027-01-04 before they were consulted"),
        "{said}"
    );
    // Consulted first, the same notice breaches nothing.
    let right = write(
        dir.path(),
        "right.yaml",
        "title: t\nsetup: {filibuster: false}\nevents:\n  - {on: 2027-01-04, do: consult_committees}\n  - {on: 2027-01-05, do: notify_committees}\n  - {on: 2027-08-04, do: consent_vote, yeas: 70, nays: 30}\n  - {on: 2027-08-05, do: give_notice}\nexpect: {lawful: true}\n",
    );
    assert_exit(&run_bin(&["test", &right]), 0, "consulted first");
}
