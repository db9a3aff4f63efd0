//! The corrections of the expert review (issue 16), each checked where a reader meets it:
//! what `run`, `explain` and `rulebook show` print.

mod common;

use common::*;

/// What a command prints, with its lines' wrapping undone (single spaces).
fn run_text(args: &[&str]) -> String {
    let out = run_bin(args);
    assert_exit(&out, 0, &args.join(" "));
    text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_sixty_senators_explanation_is_about_cloture_everywhere() {
    let cloture = run_text(&["explain", "cloture"]);
    assert!(
        cloture.contains("resolution of advice and consent"),
        "{cloture}"
    );
    assert!(cloture.contains("veto message"), "{cloture}");
    assert!(
        !cloture.contains("not to the Senate's consent"),
        "{cloture}"
    );
    // The law's consent: two-thirds of those voting; 62 clear cloture but not consent.
    let t = run_text(&["run", "scenarios/sixty-senators-law.yaml"]);
    assert!(t.contains("Cloture invoked"), "{t}");
    assert!(
        t.contains("62 yeas is less than two-thirds of 100 voting (67)"),
        "{t}"
    );
}

#[test]
fn a_chambers_suit_is_a_modelling_gate_not_a_cause_of_action() {
    let t = run_text(&["explain", "congress.suit_resolution_adopted"]);
    assert!(t.contains("no statute gives it a cause of action"), "{t}");
    assert!(t.contains("contested"), "{t}");
    let show = run_text(&["rulebook", "show"]);
    assert!(
        show.contains("S.J.Res. 37"),
        "the dropped litigation section is cited"
    );
    let counsel = run_text(&["explain", "congress.suit_resolution_adopted"]);
    assert!(
        counsel.contains("288b") || counsel.contains("modelling gate"),
        "{counsel}"
    );
    // The refusal of a suit by an unauthorized chamber names the gate, not 288b.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.yaml");
    std::fs::write(
        &file,
        "title: t\nevents:\n  - { on: 2027-03-02, do: file_suit, case: c, plaintiff: senate }\n",
    )
    .unwrap();
    let out = run_bin(&["run", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("resolution to litigate"), "{err}");
    assert!(!err.contains("288b"), "{err}");
}

#[test]
fn the_pocket_veto_is_contested_and_the_rulebook_says_its_view() {
    let t = run_text(&["explain", "pocket veto"]);
    assert!(t.contains("contested"), "{t}");
    let show = run_text(&["rulebook", "show"]);
    assert!(show.contains("pocket veto"), "{show}");
    assert!(show.contains("between sessions: prevents"), "{show}");
    assert!(
        show.contains("within a session: prevents_without_agent"),
        "{show}"
    );
    for case in [
        "Kennedy v. Sampson",
        "Wright v. United States",
        "Barnes v. Kline",
        "The Pocket Veto Case",
    ] {
        assert!(show.contains(case), "{case} is among the sources: {show}");
    }
}

#[test]
fn before_1250a_a_notice_is_not_called_lawful_without_saying_it_is_contested() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("alone.yaml");
    std::fs::write(
        &file,
        "title: alone\nrulebook: us-pre-2024\nevents:\n  - { on: 2027-03-01, do: give_notice }\n",
    )
    .unwrap();
    let t = run_text(&["run", file.to_str().unwrap()]);
    assert!(
        t.contains(
            "yes: no statute forbids it; whether a President may end a treaty alone is contested"
        ),
        "{t}"
    );
    let summary = run_text(&["rulebook", "list"]);
    assert!(!summary.contains("is lawful"), "{summary}");
}

#[test]
fn the_rule_as_reported_never_passes_for_the_law() {
    let t = run_text(&[
        "run",
        "--rulebook",
        "as-reported-60",
        "scenarios/sixty-senators-law.yaml",
    ]);
    assert!(t.contains("Caution"), "{t}");
    assert!(t.contains("not the law"), "{t}");
    // Line by line, so each step is judged on its own line.
    let show = text(&run_bin(&["rulebook", "show", "as-reported-60"]).stdout);
    let consent: Vec<&str> = show
        .lines()
        .filter(|l| l.contains("consent_vote"))
        .collect();
    assert!(!consent.is_empty(), "{show}");
    for line in consent {
        assert!(!line.contains("two-thirds"), "{line}");
        assert!(!line.contains("Treaty Clause"), "{line}");
    }
    let explained = run_text(&[
        "explain",
        "--rulebook",
        "as-reported-60",
        "consent.consent_adopted",
    ]);
    assert!(!explained.contains("Treaty Clause"), "{explained}");
    assert!(explained.contains("the rule as reported"), "{explained}");
}

#[test]
fn an_injunction_binds_officials_not_the_treaty() {
    let t = run_text(&["explain", "injunction"]);
    assert!(
        t.contains("binds U.S. officials, not the treaty's other parties"),
        "{t}"
    );
    let step = run_text(&["explain", "treaty.notice_revoked"]);
    assert!(step.contains("revoke the notice"), "{step}");
    assert!(!step.contains("waits until"), "{step}");
}

/// Each step of a bill quotes the sentence of Art. I, § 7, cl. 2 that says what it does:
/// presentment, signing and the veto the "presented ... sign it ... return it, with his
/// Objections" sentence; law without signature and the pocket veto the ten-day sentence
/// (issue 17: `explain veto` quoted the pocket-veto sentence).
#[test]
fn a_veto_quotes_the_return_clause_and_the_pocket_veto_the_ten_days() {
    let returned = "if not he shall return it, with his Objections to that House in which it shall have originated";
    let ten_days = "If any Bill shall not be returned by the President within ten Days";
    for term in ["veto", "presentment"] {
        let said = run_text(&["explain", term]);
        assert!(said.contains(returned), "{term}: {said}");
        assert!(!said.contains(ten_days), "{term}: {said}");
    }
    let pocket = run_text(&["explain", "pocket veto"]);
    assert!(pocket.contains(ten_days), "{pocket}");
    // In a run, the veto and the law without signature cite their own sentences.
    let vetoed = run_text(&["run", "scenarios/act-veto-sustained.yaml"]);
    assert!(
        vetoed.contains("U.S. Const. art. I, § 7, cl. 2 (presentment and veto)"),
        "{vetoed}"
    );
    let unsigned = run_text(&["run", "scenarios/act-law-without-signature.yaml"]);
    assert!(
        unsigned.contains("U.S. Const. art. I, § 7, cl. 2 (unreturned bills; adjournment)"),
        "{unsigned}"
    );
}
