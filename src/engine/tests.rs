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
    assert!(
        err.help
            .contains("with all 98 senators sworn voting, 59 yeas"),
        "{}",
        err.help
    );
}

/// An injunction never holds a notice past its anniversary: one standing when the period
/// ends is obeyed by revoking the notice (the treaty stays in force); one lifted before
/// then leaves the notice to take effect on time; one defied changes nothing abroad.
#[test]
fn injunctions_order_revocation_they_do_not_stop_the_clock() {
    let yaml = "title: t\nuntil: 2028-06-01\nevents:\n  - { on: 2027-03-01, do: give_notice }\n  - { on: 2027-03-02, do: file_suit, case: c, plaintiff: state }\n  - { on: 2027-05-01, do: rule, case: c, holding: unlawful, remedy: injunction }\n";
    let o = outcome_of(yaml);
    assert_eq!((o.treaty, o.enjoined), (TreatyStatus::Party, true));
    assert!(o.revoked_by_order);
    assert_eq!(o.effective_on, None);
    // Lifted after the anniversary: the revoked notice stays revoked.
    let later = format!(
        "{yaml}  - {{ on: 2028-04-02, do: rule, case: c, holding: unlawful, remedy: declaratory }}\n"
    );
    let o = outcome_of(&later);
    assert_eq!((o.treaty, o.enjoined), (TreatyStatus::Party, false));
    // Lifted the day before the anniversary: the notice takes effect on it.
    let before =
        format!("{yaml}  - {{ on: 2028-02-29, do: rule, case: c, holding: no_standing }}\n");
    let o = outcome_of(&before);
    assert_eq!(o.effective_on, Some(jiff::civil::date(2028, 3, 1)));
    assert!(!o.revoked_by_order);
    // Defied: the United States leaves on the anniversary, the order still standing.
    let defied = yaml.replace(
        "remedy: injunction }",
        "remedy: injunction, complied: false }",
    );
    let o = outcome_of(&defied);
    assert_eq!(o.treaty, TreatyStatus::Withdrawn);
    assert_eq!(o.effective_on, Some(jiff::civil::date(2028, 3, 1)));
    assert!(o.enjoined && o.defied);
}

/// Cloture reaches the resolution of advice and consent: with someone filibustering, a
/// consent vote without cloture first is impossible; cloture is then used up by the vote.
#[test]
fn a_filibustered_consent_resolution_needs_cloture_first() {
    let events = "  - { on: 2027-01-04, do: consent_vote, yeas: 67, nays: 33 }\n";
    let filibustered = format!("title: t\nevents:\n{events}");
    let err = run_yaml("us-nato-2024", &filibustered).unwrap_err();
    assert!(err.message.contains("cloture"), "{}", err.message);
    assert!(
        err.message.contains("resolution of advice and consent"),
        "{}",
        err.message
    );
    assert!(
        err.help.contains("cloture_vote without `bill`"),
        "{}",
        err.help
    );
    // Cloture 60–40 (three-fifths of 100 sworn), then 67–33 consents.
    let with_cloture = format!(
        "title: t\nevents:\n  - {{ on: 2027-01-04, do: cloture_vote, yeas: 60, nays: 40 }}\n{events}"
    );
    assert!(
        run_yaml("us-nato-2024", &with_cloture)
            .unwrap()
            .outcome
            .authorized
    );
    // 59–41 is no cloture: the consent vote is still impossible.
    let short = with_cloture.replace("yeas: 60, nays: 40", "yeas: 59, nays: 41");
    assert!(run_yaml("us-nato-2024", &short).is_err());
    // A second consent vote needs cloture again.
    let twice =
        format!("{with_cloture}  - {{ on: 2027-01-05, do: consent_vote, yeas: 70, nays: 30 }}\n");
    assert!(run_yaml("us-nato-2024", &twice).is_err());
    // Without a filibuster, no cloture is needed.
    assert!(run_yaml("us-nato-2024", &scenario(events)).is_ok());
}

/// A veto message can be filibustered (`filibuster_veto`): the Senate's override vote
/// then needs cloture on it, and the cloture that let the bill pass does not count.
#[test]
fn a_filibustered_veto_message_needs_cloture_before_the_senate_overrides() {
    let bill = concat!(
        "  - { on: 2027-04-01, do: introduce, bill: b, chamber: house, purpose: authorize_withdrawal }\n",
        "  - { on: 2027-04-10, do: vote, bill: b, chamber: house, yeas: 230, nays: 200 }\n",
        "  - { on: 2027-04-19, do: cloture_vote, bill: b, yeas: 61, nays: 39 }\n",
        "  - { on: 2027-04-20, do: vote, bill: b, chamber: senate, yeas: 51, nays: 49 }\n",
        "  - { on: 2027-05-03, do: present, bill: b }\n",
        "  - { on: 2027-05-05, do: veto, bill: b }\n",
        "  - { on: 2027-05-10, do: override, bill: b, chamber: house, yeas: 300, nays: 130 }\n",
    );
    let senate =
        "  - { on: 2027-05-20, do: override, bill: b, chamber: senate, yeas: 70, nays: 30 }\n";
    let plain = format!("title: t\nevents:\n{bill}{senate}");
    assert_eq!(bill_status(&plain), "enacted");
    let filibustered =
        format!("title: t\nsetup: {{ filibuster_veto: true }}\nevents:\n{bill}{senate}");
    let err = run_yaml("us-nato-2024", &filibustered).unwrap_err();
    assert!(err.message.contains("veto message of b"), "{}", err.message);
    let with_cloture = format!(
        "title: t\nsetup: {{ filibuster_veto: true }}\nevents:\n{bill}  - {{ on: 2027-05-19, do: cloture_vote, bill: b, yeas: 80, nays: 12 }}\n{senate}"
    );
    assert_eq!(bill_status(&with_cloture), "enacted");
}

/// No chamber votes while Congress is adjourned; it may again once it reconvenes.
#[test]
fn no_vote_while_congress_is_adjourned() {
    let adjourned = scenario(
        "  - { on: 2027-04-01, do: adjourn }\n  - { on: 2027-04-02, do: authorize_suit, chamber: senate, yeas: 60, nays: 40 }\n",
    );
    let err = run_yaml("us-nato-2024", &adjourned).unwrap_err();
    assert!(err.message.contains("adjourned"), "{}", err.message);
    assert!(err.help.contains("reconvene"), "{}", err.help);
    let back = scenario(
        "  - { on: 2027-04-01, do: adjourn }\n  - { on: 2027-04-02, do: reconvene }\n  - { on: 2027-04-02, do: authorize_suit, chamber: senate, yeas: 60, nays: 40 }\n",
    );
    assert!(run_yaml("us-nato-2024", &back).is_ok());
    let consent = scenario(
        "  - { on: 2027-04-01, do: adjourn }\n  - { on: 2027-04-02, do: consent_vote, yeas: 80, nays: 20 }\n",
    );
    assert!(run_yaml("us-nato-2024", &consent).is_err());
}

/// Which adjournments prevent a return is the rulebook's view: the end of a Congress and
/// an adjournment between sessions do; a recess within a session does not when an agent
/// receives messages (Kennedy v. Sampson), nor one of three days or fewer (Wright); an
/// `adjourn` that says no kind does, as the format defines it.
#[test]
fn the_pocket_veto_follows_the_kind_of_adjournment() {
    let base = "  - { on: 2027-05-04, do: present, bill: b }\n";
    let status = |adjourn: &str| {
        bill_status(&passed_bill(&format!(
            "{base}  - {{ on: 2027-05-14, {adjourn} }}\nuntil: 2027-06-30\n"
        )))
    };
    assert_eq!(status("do: adjourn"), "pocket_vetoed");
    assert_eq!(status("do: adjourn, kind: sine_die"), "pocket_vetoed");
    assert_eq!(
        status("do: adjourn, kind: sine_die, agent: true"),
        "pocket_vetoed"
    );
    assert_eq!(status("do: adjourn, kind: intersession"), "pocket_vetoed");
    assert_eq!(
        status("do: adjourn, kind: intersession, agent: true"),
        "pocket_vetoed"
    );
    assert_eq!(
        status("do: adjourn, kind: intrasession, days: 30"),
        "pocket_vetoed"
    );
    assert_eq!(
        status("do: adjourn, kind: intrasession, days: 30, agent: true"),
        "enacted",
        "Kennedy v. Sampson"
    );
    assert_eq!(
        status("do: adjourn, kind: intrasession, days: 3"),
        "enacted",
        "Wright"
    );
    assert_eq!(
        status("do: adjourn, kind: intrasession, days: 4"),
        "pocket_vetoed"
    );
    assert_eq!(status("do: adjourn, kind: intrasession"), "pocket_vetoed");
}

/// Section 1250A is dated: an act before 2023-12-22 breaches nothing under the default
/// rulebook; the same act a day later does. The view us-pre-2024 judges every act by the
/// law of 2023-12-21.
#[test]
fn section_1250a_applies_from_the_day_it_was_enacted() {
    let notice = |day: &str| scenario(&format!("  - {{ on: {day}, do: give_notice }}\n"));
    let before = run_yaml("us-nato-2024", &notice("2023-12-21"))
        .unwrap()
        .outcome;
    assert!(before.lawful && before.violations.is_empty());
    assert!(
        before.acted_alone,
        "no statute forbade it; its constitutionality is contested"
    );
    let after = run_yaml("us-nato-2024", &notice("2023-12-22"))
        .unwrap()
        .outcome;
    assert_eq!(after.violations, vec!["1250A(a)", "1250A(c)"]);
    assert!(!after.acted_alone);
    let view = run_yaml("us-pre-2024", &notice("2027-01-04"))
        .unwrap()
        .outcome;
    assert!(view.lawful && view.acted_alone);
    // A 2019 notice under the default rulebook: no breach (the example).
    assert!(
        run_yaml("us-nato-2024", &notice("2019-06-01"))
            .unwrap()
            .outcome
            .lawful
    );
}

/// A notice may come only when the treaty allows one, and may name a later day.
#[test]
fn notices_follow_the_treatys_terms() {
    // Art. 13: no notice before the treaty has been in force twenty years (1969-08-24).
    let early = scenario("  - { on: 1969-08-23, do: give_notice }\n");
    let err = run_yaml("us-nato-2024", &early).unwrap_err();
    assert!(err.message.contains("1969-08-24"), "{}", err.message);
    assert!(
        run_yaml(
            "us-nato-2024",
            &scenario("  - { on: 1969-08-24, do: give_notice }\n")
        )
        .is_ok()
    );
    // A notice naming a later day takes effect then; one naming too early a day is refused.
    let later = scenario(
        "  - { on: 2027-03-01, do: give_notice, effective: 2028-06-01 }\nuntil: 2028-07-01\n",
    );
    assert_eq!(
        outcome_of(&later).effective_on,
        Some(jiff::civil::date(2028, 6, 1))
    );
    let too_soon = scenario("  - { on: 2027-03-01, do: give_notice, effective: 2028-02-29 }\n");
    let err = run_yaml("us-nato-2024", &too_soon).unwrap_err();
    assert!(err.message.contains("2028-03-01"), "{}", err.message);
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
fn load_story(file: &str) -> (Procedure, Scenario) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(file);
    let s = scenario::load(&path).unwrap();
    let id = s.rulebook.as_ref().map_or(rulebook::DEFAULT_ID, |r| &r.0);
    (rulebook::load(id).unwrap(), s)
}

/// Exploration's moves, one event at a time and then time passing, reproduce `run`.
#[test]
fn step_and_wait_replay_a_run() {
    for file in [
        "story-unilateral-notice.yaml",
        "act-veto-overridden.yaml",
        "act-pocket-veto.yaml",
        "injunction-lifted-on-appeal.yaml",
        "consent-route.yaml",
    ] {
        let (p, s) = load_story(file);
        let expected = run(&p, &s).unwrap();
        let mut world = World::new(&p, &s, s.events[0].date);
        let mut trace = Vec::new();
        for (index, event) in s.events.iter().enumerate() {
            step(&p, &s, &mut world, index, event, &mut trace).unwrap();
            assert_eq!(
                world.date, event.date,
                "{file}: the clock reached the event"
            );
        }
        let end = end_date(&s).unwrap();
        wait(&p, &s, &mut world, end, &mut trace);
        assert_eq!(world.date, end, "{file}");
        assert_eq!(trace, expected.trace, "{file}");
        assert_eq!(
            super::outcome_of(&p, &s, &world, end),
            expected.outcome,
            "{file}"
        );
    }
}

#[test]
fn step_refuses_what_cannot_happen_and_wait_fires_the_deadline() {
    let yaml = scenario(
        "  - { on: 2027-01-04, do: rescind_notice }\n  - { on: 2027-01-05, do: give_notice }\n",
    );
    let s = scenario::parse("t.yaml", yaml.as_str().into()).unwrap();
    let p = rulebook::load("us-nato-2024").unwrap();
    let mut world = World::new(&p, &s, s.events[0].date);
    let mut trace = Vec::new();
    assert!(step(&p, &s, &mut world, 0, &s.events[0], &mut trace).is_err());
    assert!(trace.is_empty());
    step(&p, &s, &mut world, 1, &s.events[1], &mut trace).unwrap();
    assert_eq!(treaty_status(&p, &world), TreatyStatus::NoticePending);
    let day_before =
        crate::calendar::anniversary(s.events[1].date, 1).unwrap() - jiff::Span::new().days(1);
    wait(&p, &s, &mut world, day_before, &mut trace);
    assert_eq!(treaty_status(&p, &world), TreatyStatus::NoticePending);
    wait(
        &p,
        &s,
        &mut world,
        crate::calendar::anniversary(s.events[1].date, 1).unwrap(),
        &mut trace,
    );
    assert_eq!(treaty_status(&p, &world), TreatyStatus::Withdrawn);
    assert_eq!(
        trace.len(),
        2,
        "the notice, then the withdrawal a year later"
    );
}

/// A simulated trial passes over an event that cannot happen and marks it, marks the
/// votes that carried, runs only the active events, and clears marks left from before.
#[test]
fn trials_mark_skipped_events_and_carried_votes() {
    let yaml = scenario(concat!(
        "  - { on: 2027-01-04, do: consult_committees }\n",
        "  - { on: 2027-01-05, do: notify_committees }\n",
        "  - { on: 2027-07-06, do: consent_vote, yeas: 67, nays: 33 }\n",
        "  - { on: 2027-07-07, do: give_notice }\n",
        "  - { on: 2027-07-08, do: rescind_notice }\n",
        "  - { on: 2027-07-09, do: rescind_notice }\n",
    ));
    let s = scenario::parse("t.yaml", yaml.as_str().into()).unwrap();
    let p = rulebook::load("us-nato-2024").unwrap();
    let n = s.events.len();
    let mut world = World::new(&p, &s, s.events[0].date);
    // Marks left over from a larger scenario's trial must not leak into this one.
    let mut marks = Marks {
        skipped: vec![true; n + 3],
        carried: vec![true; n + 3],
    };
    let all = vec![true; n];
    let info = trial(&p, &s, &all, &mut world, &mut marks, None);
    assert_eq!(marks.skipped, [false, false, false, false, false, true]);
    assert_eq!(marks.carried, [false, false, true, false, false, false]);
    assert_eq!(treaty_status(&p, &world), TreatyStatus::Party);
    assert_eq!(info.end, end_date(&s).unwrap());
    // Without the notice, both rescissions are passed over.
    let mut active = all.clone();
    active[3] = false;
    let other = trial(&p, &s, &active, &mut world, &mut marks, None);
    assert_eq!(marks.skipped, [false, false, false, false, true, true]);
    assert_ne!(info.path, other.path, "another path, another fingerprint");
    // The same trial again gives the same fingerprint and the same world.
    let again = trial(&p, &s, &active, &mut world, &mut marks, None);
    assert_eq!(again, other);
    // A trial's trace is the run's, when every event can happen.
    let mut traced = Vec::new();
    let (p2, s2) = load_story("story-unilateral-notice.yaml");
    let mut w2 = World::new(&p2, &s2, s2.events[0].date);
    let active2 = vec![true; s2.events.len()];
    trial(&p2, &s2, &active2, &mut w2, &mut marks, Some(&mut traced));
    assert_eq!(traced, run(&p2, &s2).unwrap().trace);
}

/// Two deadlines pending at once fire in date order (the treaty's first on a tie), so
/// the trace never goes back in time.
#[test]
fn deadlines_fire_in_date_order() {
    // Presented on Monday 2027-05-03: the tenth day, Sundays excepted, is 2027-05-14,
    // and the bill becomes law without a signature when it has passed, on 2027-05-15.
    let events = |notice: &str| {
        scenario(&format!(
            concat!(
                "  - {{ on: {notice}, do: give_notice }}\n",
                "  - {{ on: 2027-04-01, do: introduce, bill: b, chamber: house, purpose: authorize_withdrawal }}\n",
                "  - {{ on: 2027-04-10, do: vote, bill: b, chamber: house, yeas: 230, nays: 200 }}\n",
                "  - {{ on: 2027-04-20, do: vote, bill: b, chamber: senate, yeas: 51, nays: 49 }}\n",
                "  - {{ on: 2027-05-03, do: present, bill: b }}\n",
                "until: 2027-06-01\n"
            ),
            notice = notice
        ))
    };
    for (notice, treaty_first) in [
        ("2026-05-14", true),  // the year ends 2027-05-14, a day before the bill's
        ("2026-05-15", true),  // both on 2027-05-15: the treaty's first
        ("2026-05-16", false), // the bill's comes first
    ] {
        let r = run_yaml("us-nato-2024", &events(notice)).unwrap();
        let dates: Vec<Date> = r.trace.iter().map(|t| t.date).collect();
        assert!(dates.is_sorted(), "{notice}: {dates:?}");
        let timers: Vec<TrackKind> = r
            .trace
            .iter()
            .filter(|t| t.event.is_none())
            .map(|t| t.track)
            .collect();
        let expected = if treaty_first {
            [TrackKind::Treaty, TrackKind::Bill]
        } else {
            [TrackKind::Bill, TrackKind::Treaty]
        };
        assert_eq!(timers, expected, "{notice}");
    }
}

/// Path fingerprints (simulate counts paths by them) tell apart every step of every
/// track and instance, and the order of steps.
#[test]
fn path_fingerprints_tell_steps_and_their_order_apart() {
    use petgraph::graph::EdgeIndex;
    let mut steps = Vec::new();
    for kind in TrackKind::ALL {
        for instance in [None, Some(0), Some(1), Some(7)] {
            for edge in [0, 1, 2, 31, 40] {
                steps.push((*kind, instance, EdgeIndex::new(edge)));
            }
        }
    }
    let one = |(k, i, e): (TrackKind, Option<usize>, EdgeIndex)| extend_path(PATH_START, k, i, e);
    let mut seen = std::collections::HashSet::new();
    for &s in &steps {
        assert!(seen.insert(one(s)), "{s:?} collides");
    }
    let mut pairs = std::collections::HashSet::new();
    for &(k1, i1, e1) in &steps {
        for &(k2, i2, e2) in &steps {
            let fp = extend_path(extend_path(PATH_START, k1, i1, e1), k2, i2, e2);
            assert!(
                pairs.insert(fp),
                "({k1:?} {i1:?} {e1:?}) then ({k2:?} {i2:?} {e2:?}) collides"
            );
        }
    }
    assert_eq!(pairs.len(), steps.len() * steps.len());
}

fn world_after(yaml: &str, upto: usize) -> (Procedure, Scenario, World, Vec<TraceStep>) {
    let s = scenario::parse("t.yaml", yaml.into()).unwrap();
    let p = rulebook::load("us-nato-2024").unwrap();
    let mut w = World::new(&p, &s, s.events[0].date);
    let mut trace = Vec::new();
    for (i, e) in s.events.iter().enumerate().take(upto) {
        step(&p, &s, &mut w, i, e, &mut trace).unwrap();
    }
    (p, s, w, trace)
}

/// Rescinding a notice ends its year: no deadline is left pending to fire later.
#[test]
fn a_rescinded_notice_leaves_no_deadline() {
    let yaml = scenario(
        "  - { on: 2027-01-04, do: give_notice }\n  - { on: 2027-02-01, do: rescind_notice }\n",
    );
    let (p, s, mut w, mut trace) = world_after(&yaml, 1);
    assert_eq!(
        w.notice_due,
        crate::calendar::anniversary(s.events[0].date, 1)
    );
    step(&p, &s, &mut w, 1, &s.events[1], &mut trace).unwrap();
    assert_eq!((w.notice_due, w.notice_takes_effect), (None, None));
    let later = crate::calendar::anniversary(s.events[0].date, 2).unwrap();
    wait(&p, &s, &mut w, later, &mut trace);
    assert_eq!(trace.len(), 2, "no timer fired: {trace:?}");
    assert_eq!(treaty_status(&p, &w), TreatyStatus::Party);
}

/// Presenting a bill starts the ten days (Sundays excepted); signing or vetoing it ends
/// them, so no deadline is left pending.
#[test]
fn presenting_starts_the_ten_days_and_signing_or_vetoing_ends_them() {
    for (action, stage) in [("sign", "enacted"), ("veto", "vetoed")] {
        let yaml = scenario(&format!(
            concat!(
                "  - {{ on: 2027-04-01, do: introduce, bill: b, chamber: house, purpose: authorize_withdrawal }}\n",
                "  - {{ on: 2027-04-10, do: vote, bill: b, chamber: house, yeas: 230, nays: 200 }}\n",
                "  - {{ on: 2027-04-20, do: vote, bill: b, chamber: senate, yeas: 51, nays: 49 }}\n",
                "  - {{ on: 2027-05-03, do: present, bill: b }}\n",
                "  - {{ on: 2027-05-05, do: {action}, bill: b }}\n",
            ),
            action = action
        ));
        let (p, s, mut w, mut trace) = world_after(&yaml, 3);
        assert_eq!(w.bills[0].due, None, "no deadline before presentment");
        step(&p, &s, &mut w, 3, &s.events[3], &mut trace).unwrap();
        let tenth = jiff::civil::date(2027, 5, 14);
        assert_eq!(w.bills[0].due, Some(jiff::civil::date(2027, 5, 15)));
        assert_eq!(w.bills[0].presented_on, Some(s.events[3].date));
        assert_eq!(trace.last().unwrap().due, Some(tenth));
        step(&p, &s, &mut w, 4, &s.events[4], &mut trace).unwrap();
        assert_eq!(w.bills[0].due, None, "{action} ends the ten days");
        assert_eq!(trace.last().unwrap().due, None, "{action}");
        assert_eq!(
            p.track(TrackKind::Bill).graph[w.bills[0].stage].id,
            stage,
            "{action}"
        );
        wait(&p, &s, &mut w, jiff::civil::date(2027, 6, 1), &mut trace);
        assert_eq!(trace.len(), 5, "{action}: no timer fired after it");
    }
}

/// A rulebook whose limitation is not in force (as before 2024) records no violation,
/// even though it keeps the provisions.
#[test]
fn no_violation_while_the_limitation_is_not_in_force() {
    let text = "id: off\nextends: us-nato-2024\ntitle: The provisions, switched off\nsummary: A what-if.\nparameters:\n  limitation_in_force: false\n  consent: { rule: fraction_of_voting, num: 2, den: 3, quorum: true }\n  passage: { rule: majority, quorum: true }\n  cloture: { rule: fraction_of_sworn, num: 3, den: 5 }\n  override: { rule: fraction_of_voting, num: 2, den: 3, quorum: true }\n  suit_resolution: { rule: majority, quorum: true }\n  notice_period_years: 1\n  return_days: 10\n  committee_notice_days: 180\n";
    let rb = rulebook::from_text("off.yaml", &std::sync::Arc::from(text), 0, false).unwrap();
    assert!(!rb.provisions.is_empty());
    let p = Procedure::compile(rb).unwrap();
    let s = scenario::parse(
        "t.yaml",
        scenario("  - { on: 2027-01-04, do: give_notice }\n").into(),
    )
    .unwrap();
    let o = run(&p, &s).unwrap().outcome;
    assert!(o.lawful);
    assert!(o.violations.is_empty(), "{:?}", o.violations);
    // The same story under the law in force breaches 1250A(a) and (c).
    let o = run(&rulebook::load("us-nato-2024").unwrap(), &s)
        .unwrap()
        .outcome;
    assert!(!o.lawful);
}

/// An action no step of its stage takes is explained by the requirement all its steps
/// share when that is what fails: suspending after withdrawal names the withdrawal.
#[test]
fn an_impossible_action_is_explained_by_the_requirement_its_steps_share() {
    let yaml = scenario(concat!(
        "  - { on: 2027-01-04, do: give_notice }\n",
        "  - { on: 2027-01-05, do: suspend }\n",
        "  - { on: 2028-02-01, do: suspend }\n",
    ));
    let err = run_yaml("us-nato-2024", &yaml).unwrap_err();
    assert_eq!(err.event, 2);
    assert!(
        err.message
            .contains("the treaty is withdrawn (since 2028-01-04)"),
        "{}",
        err.message
    );
    // While the treaty is in force, suspending twice is explained by the stage.
    let yaml =
        scenario("  - { on: 2027-01-05, do: suspend }\n  - { on: 2027-01-06, do: suspend }\n");
    let err = run_yaml("us-nato-2024", &yaml).unwrap_err();
    assert!(!err.message.contains("withdrawn"), "{}", err.message);
}

/// The explanation of an impossible event: where its subject stands and since when, and
/// what would make it possible, worded for the reader.
#[test]
fn impossible_events_say_where_things_stand_and_what_would_help() {
    let bill = concat!(
        "  - { on: 2027-04-01, do: introduce, bill: b, chamber: house, purpose: authorize_withdrawal }\n",
        "  - { on: 2027-04-10, do: vote, bill: b, chamber: house, yeas: 230, nays: 200 }\n",
        "  - { on: 2027-04-20, do: vote, bill: b, chamber: senate, yeas: 51, nays: 49 }\n",
        "  - { on: 2027-05-03, do: present, bill: b }\n",
    );
    let cases: [(String, &str, &str); 7] = [
        (
            format!("{bill}  - {{ on: 2027-05-05, do: sign, bill: b }}\n  - {{ on: 2027-05-06, do: veto, bill: b }}\n"),
            "veto is impossible on 2027-05-06: the bill b is at `enacted` (since 2027-05-05). The bill is law.",
            "the bill b is enacted: nothing more can be done with it",
        ),
        (
            format!("{bill}  - {{ on: 2027-05-20, do: sign, bill: b }}\n"),
            "sign is impossible on 2027-05-20: the bill b is at `enacted` (since 2027-05-15).",
            "presented on 2027-05-03, the bill had to be signed or returned by 2027-05-14, the tenth day (Sundays excepted); on 2027-05-15 it was enacted",
        ),
        (
            // On the tenth day itself the window is open: the veto, not the calendar, is
            // what stands in the way.
            format!("{bill}  - {{ on: 2027-05-13, do: veto, bill: b }}\n  - {{ on: 2027-05-14, do: sign, bill: b }}\n"),
            "sign is impossible on 2027-05-14: the bill b is at `vetoed` (since 2027-05-13).",
            "nothing makes it possible from here; possible now: cloture_vote, override",
        ),
        (
            format!("{bill}  - {{ on: 2027-05-13, do: veto, bill: b }}\n  - {{ on: 2027-05-15, do: present, bill: b }}\n"),
            "present is impossible on 2027-05-15: the bill b is at `vetoed` (since 2027-05-13).",
            "nothing makes it possible from here; possible now: cloture_vote, override",
        ),
        (
            "  - { on: 2027-01-04, do: give_notice }\n  - { on: 2028-02-01, do: give_notice }\n".into(),
            "give_notice is impossible on 2028-02-01: the treaty is at `withdrawn` (since 2028-01-04). The United States has ceased to be a party.",
            "the treaty is withdrawn: nothing more can be done with it",
        ),
        (
            "  - { on: 2027-01-04, do: rescind_notice }\n".into(),
            "rescind_notice is impossible on 2027-01-04: the treaty is at `party`. The United States",
            "it becomes possible only after `give_notice` (give notice)",
        ),
        (
            "  - { on: 2027-01-04, do: give_notice }\n  - { on: 2027-01-05, do: file_suit, case: c, plaintiff: house }\n".into(),
            "the plaintiff house cannot sue: the House has not adopted a resolution directing its counsel to sue",
            "an adopted authorize_suit with chamber: house before this file_suit would first make it possible",
        ),
    ];
    for (events, message, help) in cases {
        let err = run_yaml("us-nato-2024", &scenario(&events)).unwrap_err();
        assert!(
            err.message.starts_with(message),
            "{}\nwanted: {message}",
            err.message
        );
        if help.starts_with("it becomes possible only after") {
            assert!(
                err.help.starts_with(&format!("{help}. ")),
                "{}: {}",
                err.message,
                err.help
            );
        } else {
            assert_eq!(err.help, help, "{}", err.message);
        }
    }
    // With the House's resolution, the House may sue.
    let authorized = scenario(concat!(
        "  - { on: 2027-01-04, do: give_notice }\n",
        "  - { on: 2027-01-05, do: authorize_suit, chamber: house, yeas: 230, nays: 200 }\n",
        "  - { on: 2027-01-06, do: file_suit, case: c, plaintiff: house }\n",
    ));
    assert!(run_yaml("us-nato-2024", &authorized).is_ok());
}

/// The outcome's `notice_due` is the anniversary of a notice still pending, and nothing
/// once the treaty has left that stage.
#[test]
fn notice_due_only_while_the_notice_is_pending() {
    let pending = outcome_of(&scenario(
        "  - { on: 2027-01-04, do: give_notice }\nuntil: 2027-06-01\n",
    ));
    assert_eq!(pending.treaty, TreatyStatus::NoticePending);
    assert_eq!(pending.notice_due, Some(jiff::civil::date(2028, 1, 4)));
    let withdrawn = outcome_of(&scenario(
        "  - { on: 2027-01-04, do: give_notice }\nuntil: 2028-06-01\n",
    ));
    assert_eq!(withdrawn.treaty, TreatyStatus::Withdrawn);
    assert_eq!(withdrawn.notice_due, None);
}

/// "It becomes possible only after ...": the first step of the shortest way there,
/// naming the bill or case, and the step's label when it says more than the action.
#[test]
fn the_step_that_would_make_an_action_possible_is_named() {
    let cases = [
        (
            "  - { on: 2027-04-01, do: introduce, bill: b, chamber: house, purpose: authorize_withdrawal }\n  - { on: 2027-04-03, do: present, bill: b }\n",
            "it becomes possible only after `vote` on b (Senate passes)",
        ),
        (
            "  - { on: 2027-01-04, do: give_notice }\n  - { on: 2027-01-05, do: authorize_suit, chamber: senate, yeas: 60, nays: 40 }\n  - { on: 2027-01-06, do: file_suit, case: c, plaintiff: senate }\n  - { on: 2027-01-07, do: appeal, case: c }\n",
            "it becomes possible only after `rule` in c (district court rules)",
        ),
        (
            "  - { on: 2027-01-04, do: resume }\n",
            "it becomes possible only after `suspend`",
        ),
    ];
    for (events, help) in cases {
        let err = run_yaml("us-nato-2024", &scenario(events)).unwrap_err();
        // Then the step's own sentence, which says why it comes first.
        assert!(
            err.help.starts_with(&format!("{help}. The ")),
            "{}: {}",
            err.message,
            err.help
        );
    }
}

/// An exploration copies worlds with `assign`: the copy equals the original, bills,
/// cases and all, whatever the copy held before.
#[test]
fn a_world_assigned_equals_its_original() {
    let (p, s) = load_story("injunction-lifted-on-appeal.yaml");
    let mut original = World::new(&p, &s, s.events[0].date);
    let mut trace = Vec::new();
    for (i, e) in s.events.iter().enumerate() {
        step(&p, &s, &mut original, i, e, &mut trace).unwrap();
    }
    let (p2, s2) = load_story("act-veto-overridden.yaml");
    let mut copy = World::new(&p2, &s2, s2.events[0].date);
    copy.assign(&original);
    assert_eq!(copy, original);
}

#[test]
fn provision_sets() {
    let mut set = ProvisionSet::default();
    assert!(set.is_empty());
    set.insert(2);
    assert!(!set.is_empty());
    assert!(set.contains(2) && !set.contains(0));
    assert_eq!(set.iter().collect::<Vec<_>>(), [2]);
    assert_eq!(set.union(ProvisionSet::default()), set);
    assert!(
        !set.contains(ProvisionSet::CAPACITY),
        "past the last provision"
    );
    let mut a = ProvisionSet::default();
    a.insert(1);
    a.insert(2);
    let mut b = ProvisionSet::default();
    b.insert(2);
    b.insert(3);
    assert_eq!(a.union(b).iter().collect::<Vec<_>>(), [1, 2, 3]);
}
