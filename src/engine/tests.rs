//! The engine at the edges of each rule of LAW.md.

use super::*;
use crate::rulebook;
use crate::scenario;

fn run_yaml(rulebook_id: &str, yaml: &str) -> Result<Run, Impossible> {
    let s =
        scenario::parse("t.yaml", yaml.into()).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let p = rulebook::load(rulebook_id).unwrap();
    run(&p, &s)
}

fn outcome_of(yaml: &str) -> Outcome {
    run_yaml("us-nato-2024", yaml).unwrap().outcome
}

fn scenario(events: &str) -> String {
    format!("title: t\nsetup: {{ filibuster: false }}\nevents:\n{events}")
}

fn consent(yeas: u32, nays: u32, present: u32) -> Outcome {
    outcome_of(&scenario(&format!(
        "  - {{ on: 2026-01-01, do: consult_committees }}\n  - {{ on: 2026-01-02, do: notify_committees }}\n  - {{ on: 2027-01-04, do: consent_vote, yeas: {yeas}, nays: {nays}, present: {present} }}\n  - {{ on: 2027-01-05, do: give_notice }}\n"
    )))
}

#[test]
fn consent_thresholds_at_their_edges() {
    assert!(consent(66, 33, 0).lawful, "66-33 adopts");
    assert!(!consent(65, 33, 2).lawful, "65-33 with 2 present does not");
    assert!(!consent(60, 40, 0).lawful, "60-40 does not");
    assert!(!consent(45, 0, 0).lawful, "45 voting is no quorum");
    assert!(!consent(0, 0, 51).lawful, "0-0 concurs with nobody");
    assert_eq!(consent(60, 40, 0).violations, vec!["1250A(a)".to_string()]);
}

#[test]
fn the_sixty_reading_differs_only_in_the_consent_rule() {
    let yaml = scenario(
        "  - { on: 2026-01-01, do: consult_committees }\n  - { on: 2026-01-02, do: notify_committees }\n  - { on: 2027-01-04, do: consent_vote, yeas: 60, nays: 40 }\n  - { on: 2027-01-05, do: give_notice }\n",
    );
    assert!(!run_yaml("us-nato-2024", &yaml).unwrap().outcome.lawful);
    assert!(run_yaml("as-reported-60", &yaml).unwrap().outcome.lawful);
    assert!(
        run_yaml(
            "us-pre-2024",
            "title: t\nevents:\n  - { on: 2027-01-05, do: give_notice }\n"
        )
        .unwrap()
        .outcome
        .lawful
    );
}

fn committee_days(notify: &str, notice: &str, consult_first: bool) -> Vec<String> {
    let (a, b) = if consult_first {
        ("consult_committees", "notify_committees")
    } else {
        ("notify_committees", "consult_committees")
    };
    outcome_of(&scenario(&format!(
        "  - {{ on: {notify}, do: {a} }}\n  - {{ on: {notify}, do: {b} }}\n  - {{ on: {notice}, do: give_notice }}\n"
    )))
    .violations
}

#[test]
fn committee_notice_179_and_180_days() {
    assert!(
        committee_days("2027-01-01", "2027-06-30", true).len() == 1,
        "180 days: only (a)"
    );
    assert_eq!(
        committee_days("2027-01-01", "2027-06-29", true),
        vec!["1250A(a)", "1250A(c)"]
    );
    // Across Feb. 29 of a leap year: 2028-01-01 + 180 days is 2028-06-29.
    assert_eq!(
        committee_days("2028-01-01", "2028-06-29", true),
        vec!["1250A(a)"]
    );
    assert_eq!(
        committee_days("2028-01-01", "2028-06-28", true),
        vec!["1250A(a)", "1250A(c)"]
    );
    // A notification before any consultation does not count.
    assert_eq!(
        committee_days("2027-01-01", "2027-12-01", false),
        vec!["1250A(a)", "1250A(c)"]
    );
}

#[test]
fn a_notice_given_on_feb_29_takes_effect_on_feb_28() {
    let o = outcome_of(
        "title: t\nuntil: 2029-03-01\nevents:\n  - { on: 2028-02-29, do: give_notice }\n",
    );
    assert_eq!(o.effective_on, Some(jiff::civil::date(2029, 2, 28)));
    let o = outcome_of(
        "title: t\nuntil: 2029-02-27\nevents:\n  - { on: 2028-02-29, do: give_notice }\n",
    );
    assert_eq!(o.treaty, TreatyStatus::NoticePending);
}

fn passed_bill(extra: &str) -> String {
    scenario(&format!(
        "  - {{ on: 2027-04-01, do: introduce, bill: b, chamber: house, purpose: authorize_withdrawal }}\n  - {{ on: 2027-04-10, do: vote, bill: b, chamber: house, yeas: 230, nays: 200 }}\n  - {{ on: 2027-04-20, do: vote, bill: b, chamber: senate, yeas: 51, nays: 49 }}\n{extra}"
    ))
}

fn bill_status(yaml: &str) -> String {
    outcome_of(yaml).bills[0].1.clone()
}

#[test]
fn ten_days_sundays_excepted() {
    // Presented Tuesday 2027-05-04: the tenth day is Saturday 05-15.
    let presented = "  - { on: 2027-05-04, do: present, bill: b }\n";
    assert_eq!(
        bill_status(&(passed_bill(presented) + "until: 2027-05-15\n")),
        "presented"
    );
    assert_eq!(
        bill_status(&(passed_bill(presented) + "until: 2027-05-16\n")),
        "enacted"
    );
    let veto_on_tenth = format!("{presented}  - {{ on: 2027-05-15, do: veto, bill: b }}\n");
    assert_eq!(bill_status(&passed_bill(&veto_on_tenth)), "vetoed");
    let late = format!("{presented}  - {{ on: 2027-05-16, do: veto, bill: b }}\n");
    let err = run_yaml("us-nato-2024", &passed_bill(&late)).unwrap_err();
    assert!(err.message.contains("enacted"), "{}", err.message);
}

#[test]
fn pocket_veto_needs_congress_away_at_the_end_of_the_tenth_day() {
    let base = "  - { on: 2027-05-04, do: present, bill: b }\n";
    let away = format!("{base}  - {{ on: 2027-05-15, do: adjourn }}\nuntil: 2027-06-01\n");
    assert_eq!(bill_status(&passed_bill(&away)), "pocket_vetoed");
    let back = format!(
        "{base}  - {{ on: 2027-05-10, do: adjourn }}\n  - {{ on: 2027-05-15, do: reconvene }}\nuntil: 2027-06-01\n"
    );
    assert_eq!(bill_status(&passed_bill(&back)), "enacted");
}

#[test]
fn overrides_need_two_thirds_in_order() {
    let vetoed =
        "  - { on: 2027-05-04, do: present, bill: b }\n  - { on: 2027-05-05, do: veto, bill: b }\n";
    let both = format!(
        "{vetoed}  - {{ on: 2027-05-06, do: override, bill: b, chamber: house, yeas: 290, nays: 145 }}\n  - {{ on: 2027-05-07, do: override, bill: b, chamber: senate, yeas: 67, nays: 33 }}\n"
    );
    assert_eq!(bill_status(&passed_bill(&both)), "enacted");
    let short = format!(
        "{vetoed}  - {{ on: 2027-05-06, do: override, bill: b, chamber: house, yeas: 289, nays: 146 }}\n"
    );
    assert_eq!(bill_status(&passed_bill(&short)), "veto_sustained");
    let first = format!(
        "{vetoed}  - {{ on: 2027-05-06, do: override, bill: b, chamber: house, yeas: 290, nays: 145 }}\n"
    );
    assert_eq!(bill_status(&passed_bill(&first)), "vetoed");
    let wrong_order = format!(
        "{vetoed}  - {{ on: 2027-05-06, do: override, bill: b, chamber: senate, yeas: 67, nays: 33 }}\n"
    );
    let err = run_yaml("us-nato-2024", &passed_bill(&wrong_order)).unwrap_err();
    assert!(err.help.contains("override"), "{}", err.help);
}

#[test]
fn senate_ties_and_cloture() {
    let tie = |vp: &str| {
        scenario(&format!(
            "  - {{ on: 2027-01-01, do: introduce, bill: s, chamber: senate, purpose: authorize_withdrawal }}\n  - {{ on: 2027-01-02, do: vote, bill: s, chamber: senate, yeas: 50, nays: 50{vp} }}\n"
        ))
    };
    assert_eq!(bill_status(&tie(", vice_president: yea")), "passed_senate");
    assert_eq!(bill_status(&tie(", vice_president: nay")), "failed");
    assert_eq!(bill_status(&tie("")), "failed");

    let filibustered = |sworn: u32, yeas: u32| {
        format!(
            "title: t\nsetup: {{ senators_sworn: {sworn} }}\nevents:\n  - {{ on: 2027-01-01, do: introduce, bill: s, chamber: senate, purpose: authorize_withdrawal }}\n  - {{ on: 2027-01-02, do: cloture_vote, bill: s, yeas: {yeas}, nays: 0 }}\n  - {{ on: 2027-01-03, do: vote, bill: s, chamber: senate, yeas: {yeas}, nays: 0 }}\n"
        )
    };
    assert_eq!(bill_status(&filibustered(98, 59)), "passed_senate");
    let err = run_yaml("us-nato-2024", &filibustered(98, 58)).unwrap_err();
    assert!(err.message.contains("cloture"), "{}", err.message);
    assert!(err.help.contains("59 of 98"), "{}", err.help);
}

#[test]
fn injunctions_hold_a_notice_until_lifted() {
    let yaml = "title: t\nuntil: 2028-06-01\nevents:\n  - { on: 2027-03-01, do: give_notice }\n  - { on: 2027-03-02, do: file_suit, case: c, plaintiff: state }\n  - { on: 2027-05-01, do: rule, case: c, holding: unlawful, remedy: injunction }\n";
    let o = outcome_of(yaml);
    assert_eq!((o.treaty, o.enjoined), (TreatyStatus::NoticePending, true));
    let lifted = format!(
        "{yaml}  - {{ on: 2028-04-02, do: rule, case: c, holding: unlawful, remedy: declaratory }}\n"
    );
    let o = outcome_of(&lifted);
    assert_eq!(o.effective_on, Some(jiff::civil::date(2028, 4, 2)));
    assert!(!o.enjoined);
}

#[test]
fn suits_by_a_chamber_need_its_resolution() {
    let yaml =
        "title: t\nevents:\n  - { on: 2027-03-02, do: file_suit, case: c, plaintiff: congress }\n";
    let err = run_yaml("us-nato-2024", yaml).unwrap_err();
    assert!(
        err.message.contains("the Senate and the House"),
        "{}",
        err.message
    );
    let failed_resolution = "title: t\nevents:\n  - { on: 2027-03-01, do: authorize_suit, chamber: senate, yeas: 49, nays: 51 }\n  - { on: 2027-03-02, do: file_suit, case: c, plaintiff: senate }\n";
    assert!(run_yaml("us-nato-2024", failed_resolution).is_err());
    let adopted = failed_resolution.replace("yeas: 49, nays: 51", "yeas: 51, nays: 49");
    assert!(run_yaml("us-nato-2024", &adopted).is_ok());
}

#[test]
fn certiorari_only_from_the_court_of_appeals() {
    let base = "title: t\nevents:\n  - { on: 2027-03-02, do: file_suit, case: c, plaintiff: state }\n  - { on: 2027-04-01, do: rule, case: c, holding: no_standing }\n";
    let early = format!("{base}  - {{ on: 2027-05-01, do: cert, case: c, granted: true }}\n");
    assert!(run_yaml("us-nato-2024", &early).is_err());
    let denied = format!(
        "{base}  - {{ on: 2027-05-01, do: appeal, case: c }}\n  - {{ on: 2027-06-01, do: rule, case: c, holding: unripe }}\n  - {{ on: 2027-07-01, do: cert, case: c, granted: false }}\n"
    );
    let o = outcome_of(&denied);
    assert_eq!(o.cases[0].1, "unripe");
    let after = format!("{denied}  - {{ on: 2027-08-01, do: rule, case: c, holding: unlawful }}\n");
    assert!(run_yaml("us-nato-2024", &after).is_err());
}

#[test]
fn same_input_same_trace() {
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/story-unilateral-notice.yaml"
    ))
    .unwrap();
    let a = run_yaml("us-nato-2024", &yaml).unwrap();
    let b = run_yaml("us-nato-2024", &yaml).unwrap();
    assert_eq!(a.trace, b.trace);
    assert_eq!(a.outcome, b.outcome);
    let p = rulebook::load("us-nato-2024").unwrap();
    let s = scenario::parse("t.yaml", yaml.as_str().into()).unwrap();
    assert_eq!(
        super::outcome(&p, &s).unwrap(),
        a.outcome,
        "running without a trace changes nothing"
    );
}

#[test]
fn treaty_actions_after_withdrawal_name_the_withdrawal() {
    for action in ["give_notice", "rescind_notice", "suspend", "resume"] {
        let yaml = format!(
            "title: t\nevents:\n  - {{ on: 2027-03-01, do: give_notice }}\n  - {{ on: 2028-03-02, do: {action} }}\n"
        );
        let err = run_yaml("us-pre-2024", &yaml).unwrap_err();
        assert!(
            err.message.contains("withdrawn"),
            "{action}: {}",
            err.message
        );
    }
}

/// Every scenario and worked example, in process: the pass files meet their `expect:`
/// blocks and the reject files are refused. (tests/acceptance.rs checks the same through
/// the binary; this one lets mutation testing run on the library alone.)
#[test]
fn every_scenario_and_worked_example_in_process() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for dir in [
        "scenarios",
        "tests/acceptance/pass",
        "tests/acceptance/reject",
    ] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        files.sort();
        for path in files {
            let name = path.display().to_string();
            let loaded = scenario::load(&path);
            if dir.ends_with("reject") {
                let refused = match loaded {
                    Err(_) => true,
                    Ok(s) => {
                        let id = s.rulebook.as_ref().map_or(rulebook::DEFAULT_ID, |r| &r.0);
                        run(&rulebook::load(id).unwrap(), &s).is_err()
                    }
                };
                assert!(refused, "{name} was not refused");
                checked += 1;
                continue;
            }
            let s = loaded.unwrap_or_else(|e| panic!("{}", e.render(false)));
            if s.is_uncertain() {
                continue;
            }
            let id = s.rulebook.as_ref().map_or(rulebook::DEFAULT_ID, |r| &r.0);
            let p = rulebook::load(id).unwrap();
            let r = run(&p, &s).unwrap_or_else(|e| panic!("{name}: {}", e.message));
            let expect = s
                .expect
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: no expect"));
            let misses = crate::expect::check(&p, &s, expect, &r);
            assert!(misses.is_empty(), "{name}: {misses:?}");
            checked += 1;
        }
    }
    assert!(checked >= 45, "only {checked} files");
}
