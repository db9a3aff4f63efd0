//! `treatysim explain` and `treatysim compare`: text from the rulebook, with sources;
//! the first step where two rulebooks part ways.

mod common;

use common::{assert_exit, run_bin, text};

#[test]
fn explain_lists_and_explains_terms_stages_and_steps_with_their_sources() {
    let out = run_bin(&["explain"]);
    assert_exit(&out, 0, "explain");
    let list = text(&out.stdout);
    for name in [
        "advice and consent",
        "quorum",
        "cloture",
        "presentment",
        "pocket veto",
        "denunciation",
        "standing",
        "ripeness",
        "political question",
        "injunction",
        "Youngstown categories",
        "notice_pending",
        "pocket_veto",
    ] {
        assert!(list.contains(name), "the list names {name}");
    }
    // A term: the rulebook's words and the source's own.
    let out = run_bin(&["explain", "pocket", "veto"]);
    assert_exit(&out, 0, "explain pocket veto");
    let t = text(&out.stdout);
    assert!(
        t.contains("pocket veto  (term)") && t.contains("Source: U.S. Const. art. I, § 7"),
        "{t}"
    );
    // A stage, by its id alone or with its track.
    for q in ["notice_pending", "treaty.notice_pending"] {
        let out = run_bin(&["explain", q]);
        assert_exit(&out, 0, q);
        let t = text(&out.stdout);
        assert!(
            t.contains("Notice pending  (stage treaty.notice_pending)"),
            "{t}"
        );
        assert!(
            t.contains("Reached by: give notice") && t.contains("North Atlantic Treaty"),
            "{t}"
        );
    }
    // A step: its trigger, its threshold, the provision that governs it.
    let out = run_bin(&["explain", "consent_adopted"]);
    let t = text(&out.stdout);
    assert!(
        t.contains("two-thirds of those voting, with a quorum"),
        "{t}"
    );
    let out = run_bin(&["explain", "give_notice"]);
    let t = text(&out.stdout);
    assert!(
        t.contains("Governed by 1250A(a)") && t.contains("Governed by 1250A(c)"),
        "{t}"
    );
    // Under another rulebook, the other threshold.
    let out = run_bin(&["explain", "consent_adopted", "--rulebook", "as-reported-60"]);
    assert!(text(&out.stdout).contains("at least 60 yeas"));
}

/// The words people type: a term's aliases, a section, a source, a word that only
/// mentions something, in any case and with hyphens or spaces.
#[test]
fn explain_finds_the_words_people_type() {
    let cases: [(&[&str], &str); 10] = [
        (&["consent"], "advice and consent  (term)"),
        (&["two-thirds"], "two-thirds of senators present  (term)"),
        (&["Two", "Thirds"], "two-thirds of senators present  (term)"),
        (&["60 senators"], "cloture  (term)"),
        (&["\"60 senators\""], "cloture  (term)"),
        (&["filibuster"], "filibuster  (term)"),
        (&["give-notice"], "(step treaty.give_notice)"),
        (&["section", "1250A(c)"], "1250A(c)  (provision)"),
        (
            &["zivotofsky-2015"],
            "(source zivotofsky-2015: case, 2015-06-08)",
        ),
        (&["committees"], "these mention it:"),
    ];
    for (words, says) in cases {
        let mut args = vec!["explain"];
        args.extend_from_slice(words);
        let out = run_bin(&args);
        assert_exit(&out, 0, &words.join(" "));
        let t = text(&out.stdout);
        assert!(t.contains(says), "explain {words:?}: {says:?} not in\n{t}");
    }
    // 1250A: every subsection, each with its source; and 60 is cloture, not consent.
    let t = text(&run_bin(&["explain", "1250A"]).stdout);
    for id in [
        "1250A(a)  (provision)",
        "1250A(b)  (provision)",
        "1250A(c)  (provision)",
    ] {
        assert!(t.contains(id), "{id} not in\n{t}");
    }
    assert!(t.contains("Source: Section 1250A(a), FY2024 NDAA"), "{t}");
    let t = text(&run_bin(&["explain", "60 senators"]).stdout);
    assert!(
        t.contains("It is where the \"60 senators\" figure comes from"),
        "{t}"
    );
    // Under a 1979 view, the section is not yet law.
    let out = run_bin(&["explain", "1250A(a)", "--on", "1979-01-01"]);
    assert!(text(&out.stdout).contains("Not in force on 1979-01-01"));
}

#[test]
fn explain_suggests_the_name_meant() {
    let out = run_bin(&["explain", "notice_pendng"]);
    assert_exit(&out, 2, "a misspelled name");
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains("\"notice_pendng\"") && err.contains("did you mean `notice_pending`"),
        "{err}"
    );
}

#[test]
fn compare_shows_where_sixty_senators_part_ways_with_the_law() {
    let out = run_bin(&[
        "compare",
        "scenarios/sixty-senators-law.yaml",
        "--rulebook",
        "us-nato-2024",
        "--rulebook",
        "as-reported-60",
    ]);
    assert_exit(&out, 0, "compare");
    let t = text(&out.stdout);
    assert!(
        t.contains("A = us-nato-2024") && t.contains("B = as-reported-60"),
        "{t}"
    );
    let lawful = t.lines().find(|l| l.starts_with("Lawful")).unwrap();
    assert!(
        lawful.contains('≠') && lawful.contains("no: 1250A(a) violated") && lawful.contains("yes"),
        "{lawful}"
    );
    // Step 3 is cloture, which both readings share; they part at the consent vote.
    assert!(t.contains("They part ways at step 4"), "{t}");
    assert!(
        t.contains("A: 2027-06-01 (Senate): Consent vote fails"),
        "{t}"
    );
    assert!(
        t.contains("B: 2027-06-01 (Senate): Consent vote carries"),
        "{t}"
    );
    assert!(t.contains("Steps 1 to 3 are the same"), "{t}");
}

#[test]
fn compare_says_when_the_rulebooks_agree_and_refuses_other_than_two() {
    let out = run_bin(&[
        "compare",
        "scenarios/consent-route.yaml",
        "--rulebook",
        "us-nato-2024",
        "--rulebook",
        "us-nato-2024",
    ]);
    assert_exit(&out, 0, "compare a rulebook with itself");
    assert!(text(&out.stdout).contains("do not part ways"));
    let out = run_bin(&[
        "compare",
        "scenarios/consent-route.yaml",
        "--rulebook",
        "us-nato-2024",
    ]);
    assert_exit(&out, 2, "one rulebook");
    assert!(text(&out.stderr).contains("exactly two rulebooks"));
}

/// docs/explore.md shows real output: each ```text block that starts with a command is
/// what that command prints today. `TREATYSIM_UPDATE_DOCS=1` rewrites the blocks.
#[test]
fn the_docs_show_real_output() {
    let path = common::root().join("docs/explore.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let update = std::env::var_os("TREATYSIM_UPDATE_DOCS").is_some();
    let mut parts = doc.split("```text\n");
    let mut rewritten = parts.next().unwrap().to_string();
    let mut checked = 0;
    for part in parts {
        rewritten.push_str("```text\n");
        let (block, rest) = part.split_once("```").unwrap();
        let command = block
            .split_once('\n')
            .and_then(|(first, _)| first.strip_prefix("$ treatysim "));
        let Some(command) = command else {
            rewritten.push_str(part);
            continue;
        };
        let shown = &block[block.find('\n').unwrap() + 1..];
        let args: Vec<&str> = command.split_whitespace().collect();
        let out = run_bin(&args);
        assert_exit(&out, 0, command);
        let printed = text(&out.stdout);
        if !update {
            assert_eq!(
                printed, shown,
                "docs/explore.md is out of date for `{command}`; regenerate with\n  \
                 TREATYSIM_UPDATE_DOCS=1 cargo test --test explore the_docs_show_real_output"
            );
        }
        rewritten.push_str(&format!("$ treatysim {command}\n{printed}```{rest}"));
        checked += 1;
    }
    if update {
        std::fs::write(&path, rewritten).unwrap();
    }
    assert!(checked >= 3, "{checked} examples checked");
}

#[test]
fn paths_lists_the_distinct_routes_shortest_first_lawful_or_not() {
    let out = run_bin(&["paths", "--max", "20"]);
    assert_exit(&out, 0, "paths");
    let t = text(&out.stdout);
    assert!(
        t.starts_with("Routes to withdrawn under us-nato-2024\nExplored "),
        "{t}"
    );
    assert!(t.contains("distinct routes reach it"), "{t}");
    // The shortest: the President alone, and the year runs.
    let first = t.split("\nRoute 2 ").next().unwrap();
    assert!(
        first.contains("Route 1 (2 moves, unlawful: 1250A(a), 1250A(c) violated)"),
        "{first}"
    );
    assert!(
        first.contains("1. give notice") && first.contains("one year after notice"),
        "{first}"
    );
    // The lawful routes: consent, an Act, or the statute held invalid.
    let out = run_bin(&["paths", "--lawful", "--max", "20"]);
    let lawful = text(&out.stdout);
    assert!(!lawful.contains(", unlawful"), "{lawful}");
    assert!(
        lawful.contains("Senate consents, 67–33"),
        "the consent route"
    );
    assert!(
        lawful.contains("the President signs it") || lawful.contains("Senate overrides"),
        "the Act route"
    );
    assert!(
        lawful.contains("the court: the statute invalid"),
        "the statute held invalid"
    );
    assert!(
        lawful.contains("notify the committees in writing"),
        "1250A(c) met where it counts"
    );
    // Each lawful route says what makes it lawful; one saved only by the statute held
    // invalid says its breaches are set aside, not plainly "lawful".
    let heads: Vec<&str> = lawful.lines().filter(|l| l.starts_with("Route ")).collect();
    assert!(
        heads
            .iter()
            .any(|h| h.ends_with("moves, lawful by Senate consent)")),
        "{heads:?}"
    );
    assert!(
        heads
            .iter()
            .any(|h| h.ends_with("moves, lawful by an Act of Congress)")),
        "{heads:?}"
    );
    assert!(
        heads.iter().any(|h| h
            .contains("moves, lawful only because its breaches are set aside: 1250A(a), 1250A(c)")),
        "{heads:?}"
    );
    assert!(heads.iter().all(|h| !h.ends_with(", lawful)")), "{heads:?}");
}

#[test]
fn check_states_the_properties_and_writes_witnesses_that_run_replays() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::bin()
        .args(["check", "--write-scenarios"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_exit(&out, 0, "check");
    let t = text(&out.stdout);
    for id in [
        "no-lawful-withdrawal-without-authority",
        "no-act-without-both-chambers",
        "enforcement-gap",
        "unauthorized-notice-recorded",
    ] {
        assert!(t.contains(&format!("holds  {id}")), "{id}: {t}");
    }
    assert!(t.ends_with("4 hold, 0 fail\n"), "{t}");
    assert!(t.contains("witness (2 moves)"), "{t}");
    let witness = dir.path().join("us-nato-2024-enforcement-gap.yaml");
    let replay = run_bin(&["run", "--format", "json", witness.to_str().unwrap()]);
    assert_exit(&replay, 0, "the witness replays");
    let doc: serde_json::Value = serde_json::from_slice(&replay.stdout).unwrap();
    assert_eq!(doc["outcome"]["treaty"], "withdrawn");
    assert_eq!(doc["outcome"]["lawful"], false);

    let out = run_bin(&["check", "--rulebook", "us-pre-2024"]);
    assert_exit(&out, 0, "check us-pre-2024");
    let t = text(&out.stdout);
    assert!(
        t.contains("holds  nothing-unlawful") && t.contains("holds  president-alone"),
        "{t}"
    );
}

#[test]
fn check_finds_the_counterexample_when_the_law_has_a_hole() {
    // A rulebook whose 1250A(a) forgot the notice: only suspension is covered.
    let dir = tempfile::tempdir().unwrap();
    let base =
        std::fs::read_to_string(common::root().join("src/rulebooks/us-nato-2024.yaml")).unwrap();
    let holed = base.replacen("actions: [give_notice, suspend]", "actions: [suspend]", 1);
    assert_ne!(base, holed);
    let book = dir.path().join("holed.yaml");
    std::fs::write(&book, holed.replacen("id: us-nato-2024", "id: holed", 1)).unwrap();
    let witnesses = dir.path().join("w");
    let out = common::bin()
        .args(["check", "--rulebook"])
        .arg(&book)
        .arg("--write-scenarios")
        .arg(&witnesses)
        .output()
        .unwrap();
    assert_exit(&out, 1, "a property fails");
    let t = text(&out.stdout);
    assert!(t.contains("FAILS  unauthorized-notice-recorded"), "{t}");
    assert!(
        t.contains("FAILS  no-lawful-withdrawal-without-authority"),
        "{t}"
    );
    assert!(t.contains("counterexample ("), "{t}");
    // The counterexample replays: withdrawn, lawful, not authorized.
    let file = witnesses.join("holed-no-lawful-withdrawal-without-authority.yaml");
    let replay = common::bin()
        .args(["run", "--format", "json", "--rulebook"])
        .arg(&book)
        .arg(&file)
        .output()
        .unwrap();
    assert_exit(&replay, 0, "the counterexample replays");
    let doc: serde_json::Value = serde_json::from_slice(&replay.stdout).unwrap();
    assert_eq!(doc["outcome"]["treaty"], "withdrawn", "{doc}");
    assert_eq!(doc["outcome"]["lawful"], true);
    assert_eq!(doc["outcome"]["authorized"], false);
}

/// The changed scenario `why` prints, replayed with `run`.
fn replay_why(stdout: &str) -> serde_json::Value {
    let yaml = stdout
        .split("The changed scenario (`treatysim run` replays it):\n\n")
        .nth(1)
        .expect("a changed scenario");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("changed.yaml");
    std::fs::write(&file, yaml).unwrap();
    let out = run_bin(&["run", "--format", "json", file.to_str().unwrap()]);
    assert_exit(&out, 0, "the changed scenario runs");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn why_finds_the_votes_that_would_have_made_the_notice_lawful() {
    let out = run_bin(&["why", "scenarios/sixty-senators-law.yaml"]);
    assert_exit(&out, 0, "why");
    let t = text(&out.stdout);
    assert!(
        t.contains("the scenario ends notice pending and unlawful"),
        "{t}"
    );
    let flat = t.replace("\n  ", " ");
    assert!(
        flat.contains("With 67 yeas and 33 nays instead of 62–38 on 2027-06-01 (consent_vote), it would end notice pending and lawful instead."),
        "{t}"
    );
    let doc = replay_why(&t);
    assert_eq!(doc["outcome"]["treaty"], "notice_pending");
    assert_eq!(doc["outcome"]["lawful"], true);
}

#[test]
fn why_finds_the_day_the_committee_notice_falls_short() {
    let out = run_bin(&["why", "scenarios/committee-notice-179-days.yaml"]);
    assert_exit(&out, 0, "why");
    let t = text(&out.stdout);
    let flat = t.replace("\n  ", " ");
    assert!(
        flat.contains(" come on ") && flat.contains("lawful instead"),
        "{t}"
    );
    let doc = replay_why(&t);
    assert_eq!(doc["outcome"]["lawful"], true);
    // A file with uncertain inputs is refused.
    let out = run_bin(&["why", "scenarios/uncertain-senate-and-courts.yaml"]);
    assert_exit(&out, 2, "why on an uncertain file");
    assert!(text(&out.stderr).contains("without uncertain inputs"));
}

/// The changed scenario `why` writes reads back whatever its title says: a backslash,
/// quotes and a colon once made it unreadable.
#[test]
fn why_writes_a_scenario_that_reads_back_whatever_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("awkward.yaml");
    std::fs::write(
        &file,
        "title: 'C:\\temp\\notes: \"the Senate\" # decides'\nsetup: { filibuster: false }\nevents:\n  - { on: 2027-06-01, do: consent_vote, yeas: 62, nays: 38 }\n  - { on: 2027-07-06, do: give_notice }\n",
    )
    .unwrap();
    let out = run_bin(&["why", file.to_str().unwrap()]);
    assert_exit(&out, 0, "why");
    let t = text(&out.stdout);
    let doc = replay_why(&t);
    assert_eq!(doc["title"], "C:\\temp\\notes: \"the Senate\" # decides");
}
