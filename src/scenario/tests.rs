//! Scenario checking: each class of bad input gives a located message.

use super::*;

fn err(yaml: &str) -> Diagnostic {
    parse("s.yaml", yaml.into()).expect_err("should be refused")
}

#[test]
fn defaults_follow_the_format() {
    let s = parse(
        "s.yaml",
        "title: t\nevents:\n  - { on: 2027-03-01, do: announce }\n".into(),
    )
    .unwrap();
    assert_eq!(s.setup, Setup::default());
    assert_eq!(s.setup.senators_sworn, 100);
    assert!(s.setup.filibuster);
    assert!(s.expect.is_none());
}

#[test]
fn dates_that_do_not_exist() {
    let e = err("title: t\nevents:\n  - { on: 2027-02-29, do: announce }\n");
    assert_eq!(e.line, 3);
    assert!(e.message.contains("2027-02-29"), "{}", e.message);
}

#[test]
fn events_out_of_order() {
    let e = err(
        "title: t\nevents:\n  - { on: 2027-03-01, do: announce }\n  - { on: 2027-02-01, do: announce }\n",
    );
    assert_eq!(e.line, 4);
    assert!(e.message.contains("out of date order"));
}

#[test]
fn vote_counts_beyond_the_members_sworn() {
    let e = err(
        "title: t\nsetup: { senators_sworn: 98 }\nevents:\n  - { on: 2027-03-01, do: consent_vote, yeas: 60, nays: 38, present: 1 }\n",
    );
    assert!(e.message.contains("more than the 98"), "{}", e.message);
    let e =
        err("title: t\nevents:\n  - { on: 2027-03-01, do: consent_vote, yeas: -1, nays: 38 }\n");
    assert!(e.message.contains("negative"));
}

#[test]
fn unknown_bills_and_cases() {
    let e = err("title: t\nevents:\n  - { on: 2027-03-01, do: sign, bill: hr-1 }\n");
    assert!(e.message.contains("never introduced"));
    let e = err("title: t\nevents:\n  - { on: 2027-03-01, do: appeal, case: x }\n");
    assert!(e.message.contains("never filed"));
}

#[test]
fn ids_used_twice() {
    let e = err(
        "title: t\nevents:\n  - { on: 2027-03-01, do: file_suit, case: x, plaintiff: state }\n  - { on: 2027-03-02, do: file_suit, case: x, plaintiff: state }\n",
    );
    assert!(e.message.contains("already used"));
}

#[test]
fn misspelled_actions_and_values_get_suggestions() {
    let e = err("title: t\nevents:\n  - { on: 2027-03-01, do: give_notise }\n");
    assert!(
        e.message.contains("did you mean give_notice?"),
        "{}",
        e.message
    );
    let e = err(
        "title: t\nevents:\n  - { on: 2027-03-01, do: file_suit, case: x, plaintiff: veteran }\n",
    );
    assert!(e.help.unwrap().contains("service_member"));
}

#[test]
fn fields_an_action_does_not_take_or_needs() {
    let e = err("title: t\nevents:\n  - { on: 2027-03-01, do: give_notice, bill: x }\n");
    assert!(e.message.contains("`bill` is not a field of give_notice"));
    let e = err("title: t\nevents:\n  - { on: 2027-03-01, do: consent_vote, yeas: 1 }\n");
    assert!(e.message.contains("needs `nays`"));
}

#[test]
fn vice_president_only_on_tied_senate_votes() {
    let house = "title: t\nevents:\n  - { on: 2027-03-01, do: introduce, bill: b, chamber: house, purpose: authorize_withdrawal }\n  - { on: 2027-03-02, do: vote, bill: b, chamber: house, yeas: 200, nays: 200, vice_president: yea }\n";
    assert!(err(house).message.contains("no vote in the House"));
}

#[test]
fn expectations_are_checked_words() {
    let e =
        err("title: t\nevents:\n  - { on: 2027-03-01, do: announce }\nexpect: { treaty: gone }\n");
    assert!(e.help.unwrap().contains("withdrawn"));
    let e = err(
        "title: t\nevents:\n  - { on: 2027-03-01, do: announce }\nexpect: { bills: { b: enactd } }\n",
    );
    assert!(e.message.contains("did you mean"), "{}", e.message);
}

#[test]
fn setup_counts_within_the_seats() {
    assert!(err("title: t\nsetup: { representatives_sworn: 436 }\nevents:\n  - { on: 2027-03-01, do: announce }\n").message.contains("436"));
    assert!(err("title: t\nsetup: { senators_sworn: 0 }\nevents:\n  - { on: 2027-03-01, do: announce }\n").message.contains("0 senators"));
}
