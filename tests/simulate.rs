//! `treatysim simulate`: the sampling lands where the inputs say, the counts do not depend
//! on the number of threads, deterministic files give the engine's own outcome, the
//! format's new forms are checked, and the command behaves.

mod common;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use common::{assert_exit, bin, root, run_bin, text, yaml_files};
use treatysim::engine;
use treatysim::rulebook::{self, Procedure};
use treatysim::scenario::{self, Scenario};
use treatysim::simulate::{self, Ensemble, Options};
use treatysim::vocab::TreatyStatus;

fn load(text: &str) -> (Procedure, Scenario) {
    let s =
        scenario::parse("test.yaml", text.into()).unwrap_or_else(|d| panic!("{}", d.render(false)));
    (rulebook::load(rulebook::DEFAULT_ID).unwrap(), s)
}

fn ensemble(p: &Procedure, s: &Scenario, trials: u64, seed: u64, threads: usize) -> Ensemble {
    simulate::run(
        p,
        s,
        Options {
            trials,
            seed,
            threads,
        },
        &|_| {},
        &AtomicBool::new(false),
    )
    .unwrap()
}

/// `count` of `trials` is within `k` standard errors of `p`.
fn near(count: u64, trials: u64, p: f64, k: f64) -> bool {
    let observed = count as f64 / trials as f64;
    let se = (p * (1.0 - p) / trials as f64).sqrt();
    (observed - p).abs() <= k * se
}

const CHANCE: &str = r#"
title: a chance
events:
  - { on: 2027-01-01, do: give_notice, chance: 0.3 }
until: 2029-01-01
"#;

#[test]
fn a_chance_of_0_3_over_100000_trials_lands_within_its_interval() {
    let (p, s) = load(CHANCE);
    let e = ensemble(&p, &s, 100_000, 42, 2);
    let withdrawn = e.counts.treaty[TreatyStatus::Withdrawn as usize];
    let interval = simulate::wilson(withdrawn, e.counts.trials);
    assert!(
        interval.low <= 0.3 && 0.3 <= interval.high,
        "0.3 outside {interval:?}"
    );
    assert!(near(withdrawn, 100_000, 0.3, 4.0));
    assert_eq!(
        e.counts.happened[0], withdrawn,
        "every notice takes effect a year on"
    );
    assert_eq!(e.counts.trials, 100_000);
    assert!(!e.partial);
}

#[test]
fn binomial_votes_carry_as_often_as_the_binomial_tail_says() {
    let (p, s) = load(
        r#"
title: an uncertain consent vote
setup: { filibuster: false }
events:
  - { on: 2027-01-01, do: consent_vote, yeas: {binomial: [100, 0.62]} }
  - { on: 2027-02-01, do: give_notice }
until: 2027-03-01
"#,
    );
    let e = ensemble(&p, &s, 50_000, 7, 2);
    // Exact P(X >= 67) for X ~ Binomial(100, 0.62): two-thirds of 100 voting is 67.
    let mut tail = 0.0;
    let mut term = 0.38f64.powi(100); // P(X = 0)
    for k in 0..=100u32 {
        if k > 0 {
            term *= f64::from(100 - k + 1) / f64::from(k) * (0.62 / 0.38);
        }
        if k >= 67 {
            tail += term;
        }
    }
    assert!(
        (0.15..0.21).contains(&tail),
        "the tail is about 0.18: {tail}"
    );
    // The input's buckets count the trials in which the vote carried.
    let carried = e.counts.by_input[0][1][0];
    // Without the committees notified 180 days ahead, 1250A(c) is breached even with
    // consent: never lawful without it, so lawful trials are at most the carried ones.
    let lawful = e.counts.lawful;
    assert!(
        near(carried, 50_000, tail, 4.0),
        "{carried} carried; tail {tail}"
    );
    assert!(lawful <= carried, "no lawful notice without consent");
}

#[test]
fn weighted_holdings_are_drawn_in_proportion() {
    let (p, s) = load(
        r#"
title: weighted holdings
events:
  - { on: 2027-01-01, do: give_notice }
  - { on: 2027-01-05, do: file_suit, case: vet, plaintiff: service_member }
  - { on: 2027-06-01, do: rule, case: vet, holding: {no_standing: 3, unlawful: 1}, remedy: injunction }
until: 2028-06-01
"#,
    );
    let e = ensemble(&p, &s, 40_000, 3, 2);
    let buckets = &e.counts.by_input[0];
    assert!(near(buckets[0][0], 40_000, 0.75, 4.0), "{buckets:?}");
    assert!(near(buckets[1][0], 40_000, 0.25, 4.0), "{buckets:?}");
    // An injunction standing at the end of the year (the notice revoked) exactly when
    // the holding was unlawful.
    let withdrawn = e.counts.treaty[TreatyStatus::Withdrawn as usize];
    assert_eq!(withdrawn, buckets[0][0]);
    assert_eq!(e.counts.enjoined, buckets[1][0]);
}

#[test]
fn doctrine_weights_come_from_the_rulebook() {
    let (p, s) = load(
        r#"
title: doctrine
events:
  - { on: 2027-01-05, do: file_suit, case: t, plaintiff: taxpayer }
  - { on: 2027-06-01, do: rule, case: t, holding: doctrine }
"#,
    );
    let entry = p
        .rulebook
        .doctrine
        .iter()
        .find(|d| d.plaintiff.value == "taxpayer")
        .unwrap();
    let e = ensemble(&p, &s, 20_000, 11, 2);
    let no_standing = entry.weights["no_standing"];
    assert!(near(e.counts.by_input[0][0][0], 20_000, no_standing, 4.0));
    assert!(
        simulate::to_text(&p, &s, &e, treatysim::report::Style::PLAIN)
            .contains("holding by the rulebook's doctrine weights")
    );
}

#[test]
fn a_window_draws_every_day_in_it_and_no_other() {
    let (p, s) = load(
        r#"
title: a window
events:
  - { on: {between: [2027-03-01, 2027-03-10]}, do: give_notice }
until: 2029-01-01
"#,
    );
    let e = ensemble(&p, &s, 20_000, 5, 2);
    let days: Vec<String> = e.counts.effective.keys().map(|d| d.to_string()).collect();
    assert_eq!(days.len(), 10, "{days:?}");
    assert_eq!(days.first().unwrap(), "2028-03-01");
    assert_eq!(days.last().unwrap(), "2028-03-10");
    for n in e.counts.effective.values() {
        assert!(near(*n, 20_000, 0.1, 4.0), "{:?}", e.counts.effective);
    }
}

#[test]
fn the_same_seed_gives_the_same_counts_whatever_the_threads() {
    let file = root().join("scenarios/uncertain-senate-and-courts.yaml");
    let s = scenario::load(&file).unwrap();
    let p = rulebook::load(rulebook::DEFAULT_ID).unwrap();
    let one = ensemble(&p, &s, 30_000, 9, 1);
    let two = ensemble(&p, &s, 30_000, 9, 2);
    let five = ensemble(&p, &s, 30_000, 9, 5);
    assert_eq!(one.counts, two.counts);
    assert_eq!(one.counts, five.counts);
    let other_seed = ensemble(&p, &s, 30_000, 10, 2);
    assert_ne!(one.counts, other_seed.counts, "the seed matters");
    // And through the binary, byte for byte, text and JSON.
    for format in ["text", "json"] {
        let outputs: Vec<Vec<u8>> = ["1", "2", "3"]
            .iter()
            .map(|t| {
                let out = bin()
                    .args([
                        "simulate",
                        "--trials",
                        "20000",
                        "--seed",
                        "4",
                        "--threads",
                        t,
                    ])
                    .args(["--format", format])
                    .arg(&file)
                    .output()
                    .unwrap();
                assert_exit(&out, 0, "simulate");
                out.stdout
            })
            .collect();
        assert_eq!(outputs[0], outputs[1], "{format}: 1 vs 2 threads");
        assert_eq!(outputs[0], outputs[2], "{format}: 1 vs 3 threads");
    }
}

#[test]
fn a_deterministic_file_gives_the_engines_own_outcome_every_trial() {
    for file in yaml_files(&root().join("scenarios")) {
        let s = scenario::load(&file).unwrap();
        if s.is_uncertain() {
            continue;
        }
        let id = s
            .rulebook
            .as_ref()
            .map_or(rulebook::DEFAULT_ID, |r| r.0.as_str());
        let p = rulebook::load(id).unwrap();
        let outcome = engine::run(&p, &s).unwrap().outcome;
        let e = ensemble(&p, &s, 50, 1, 2);
        let c = &e.counts;
        assert_eq!(c.treaty[outcome.treaty as usize], 50, "{}", file.display());
        assert_eq!(
            c.lawful,
            if outcome.lawful { 50 } else { 0 },
            "{}",
            file.display()
        );
        assert_eq!(c.paths.len(), 1, "{}: one path", file.display());
        assert_eq!(c.skipped.iter().sum::<u64>(), 0, "{}", file.display());
        if let Some(d) = outcome.effective_on {
            assert_eq!(c.effective.get(&d), Some(&50), "{}", file.display());
        }
    }
}

#[test]
fn stopping_at_once_reports_a_partial_run() {
    let (p, s) = load(CHANCE);
    let e = simulate::run(
        &p,
        &s,
        Options {
            trials: 1_000_000,
            seed: 1,
            threads: 2,
        },
        &|_| {},
        &AtomicBool::new(true),
    )
    .unwrap();
    assert!(e.partial);
    assert_eq!(e.counts.trials, 0);
    let text = simulate::to_text(&p, &s, &e, treatysim::report::Style::PLAIN);
    assert!(
        text.contains("PARTIAL: stopped after 0 of 1,000,000 trials"),
        "{text}"
    );
}

#[test]
fn events_that_become_impossible_are_passed_over_and_counted() {
    let (p, s) = load(
        r#"
title: a veto that may not come
setup: { filibuster: false }
events:
  - { on: 2027-01-05, do: introduce, bill: hr-1, chamber: house, purpose: authorize_withdrawal }
  - { on: 2027-02-01, do: vote, bill: hr-1, chamber: house, yeas: {binomial: [435, 0.5]} }
  - { on: 2027-02-10, do: vote, bill: hr-1, chamber: senate, yeas: 60, nays: 40 }
  - { on: 2027-02-11, do: present, bill: hr-1 }
  - { on: 2027-02-12, do: veto, bill: hr-1 }
"#,
    );
    let e = ensemble(&p, &s, 10_000, 2, 2);
    let c = &e.counts;
    let failed_in_house = c.by_input[0][0][0];
    assert!(failed_in_house > 3_000 && failed_in_house < 7_000);
    for later in 2..5 {
        assert_eq!(c.skipped[later], failed_in_house, "event {later}");
    }
}

#[test]
fn uncertain_forms_are_checked_with_located_errors() {
    let cases: &[(&str, &str)] = &[
        (
            "{ on: 2027-01-01, do: give_notice, chance: 1.5 }",
            "chance 1.5 is not between 0 and 1",
        ),
        (
            "{ on: 2027-01-01, do: consent_vote, yeas: {binomial: [100, 1.2]} }",
            "not between 0 and 1",
        ),
        (
            "{ on: 2027-01-01, do: consent_vote, yeas: {binomial: [101, 0.5]} }",
            "more than the 100 senators sworn",
        ),
        (
            "{ on: 2027-01-01, do: consent_vote, yeas: {binomial: [100, 0.5]}, nays: 3 }",
            "nays cannot be given with binomial yeas",
        ),
        (
            "{ on: 2027-01-01, do: consent_vote, yeas: {binomal: [100, 0.5]} }",
            "binomal",
        ),
        (
            "{ on: {between: [2027-03-10, 2027-03-01]}, do: give_notice }",
            "the window runs backwards",
        ),
        (
            "{ on: {between: [2027-03-01, 2027-02-30]}, do: give_notice }",
            "2027-02-30",
        ),
        (
            "{ on: 2027-01-01, do: file_suit, case: c, plaintiff: state }\n  - { on: 2027-02-01, do: rule, case: c, holding: {no_standin: 1} }",
            "no_standin",
        ),
        (
            "{ on: 2027-01-01, do: file_suit, case: c, plaintiff: state }\n  - { on: 2027-02-01, do: rule, case: c, holding: {no_standing: 0} }",
            "add up to nothing",
        ),
        (
            "{ on: 2027-01-01, do: file_suit, case: c, plaintiff: state }\n  - { on: 2027-02-01, do: rule, case: c, holding: {no_standing: 1}, remedy: injunction }",
            "only an unlawful holding has a remedy",
        ),
        (
            "{ on: 2027-01-01, do: introduce, bill: b, chamber: senate, purpose: authorize_withdrawal }\n  - { on: 2027-01-02, do: vote, bill: b, chamber: senate, yeas: {binomial: [100, 0.5]}, vice_president: yea }",
            "vice_president cannot be given with binomial yeas",
        ),
        (
            "{ on: {between: [2027-03-01, 2027-03-10]}, do: give_notice }\n  - { on: 2027-03-05, do: rescind_notice }",
            "events out of date order",
        ),
    ];
    for (event, expected) in cases {
        let text = format!("title: t\nevents:\n  - {event}\n");
        let err = scenario::parse("bad.yaml", text.as_str().into())
            .err()
            .unwrap_or_else(|| panic!("accepted: {event}"));
        let rendered = err.render(false);
        assert!(rendered.contains(expected), "{event}: {rendered}");
        assert!(rendered.contains("bad.yaml:"), "located: {rendered}");
    }
}

#[test]
fn the_command_runs_checks_its_arguments_and_run_draws_one_history() {
    let file = "scenarios/uncertain-senate-and-courts.yaml";
    let out = run_bin(&["simulate", file, "--trials", "5000", "--seed", "1"]);
    assert_exit(&out, 0, "simulate");
    let stdout = text(&out.stdout);
    for heading in [
        "Uncertain inputs (8)",
        "95% interval",
        "When withdrawal took effect",
        "Most frequent paths",
        "What moves the outcome most",
    ] {
        assert!(stdout.contains(heading), "{heading}: {stdout}");
    }
    assert!(
        out.stderr.is_empty(),
        "no progress bar when stderr is not a terminal"
    );
    let json = run_bin(&[
        "simulate", file, "--trials", "5000", "--seed", "1", "--format", "json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["format_version"], 2);
    assert_eq!(doc["trials"], 5000);
    let shares: f64 = ["party", "notice_pending", "suspended", "withdrawn"]
        .iter()
        .map(|k| doc["treaty"][k]["share"].as_f64().unwrap())
        .sum();
    assert!(
        (shares - 1.0).abs() < 1e-9,
        "treaty shares add up to 1: {shares}"
    );

    for bad in [
        vec!["simulate", file, "--trials", "0"],
        vec!["simulate", file, "--threads", "0"],
        vec!["simulate", "no-such-file.yaml"],
    ] {
        let out = run_bin(&bad);
        assert_exit(&out, 2, &format!("{bad:?}"));
        assert!(out.stdout.is_empty());
    }

    let out = run_bin(&["run", file]);
    assert_exit(&out, 0, "run of an uncertain file");
    assert!(
        text(&out.stdout)
            .starts_with("One history drawn from a scenario with 8 uncertain inputs (seed 0")
    );
    let out = run_bin(&["test", file]);
    assert_exit(&out, 0, "test skips an uncertain file");
    let said = text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(said.contains("uncertain inputs: check it with `treatysim simulate`"));
    assert!(Path::new(file).exists());
}

#[test]
fn a_reset_world_is_a_new_world() {
    let file = root().join("scenarios/story-unilateral-notice.yaml");
    let s = scenario::load(&file).unwrap();
    let p = rulebook::load(rulebook::DEFAULT_ID).unwrap();
    let start = s.events[0].date;
    let mut world = engine::World::new(&p, &s, start);
    let mut marks = engine::Marks::default();
    let active = vec![true; s.events.len()];
    engine::trial(&p, &s, &active, &mut world, &mut marks, None);
    assert_ne!(
        world,
        engine::World::new(&p, &s, start),
        "the trial moved it"
    );
    world.reset(&p, &s, start);
    assert_eq!(world, engine::World::new(&p, &s, start));
}

#[test]
fn run_replays_the_trial_simulate_numbered() {
    let file = "scenarios/uncertain-senate-and-courts.yaml";
    let s = scenario::load(Path::new(file)).unwrap();
    let p = rulebook::load(rulebook::DEFAULT_ID).unwrap();
    let e = ensemble(&p, &s, 2_000, 5, 2);
    // The most frequent path's first trial, replayed by `run`, takes that path's steps.
    let (_, first) = e
        .counts
        .paths
        .values()
        .copied()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .unwrap();
    let steps = simulate::replay(&p, &s, &e.plan, 5, first);
    let out = run_bin(&[
        "run",
        file,
        "--seed",
        "5",
        "--trial",
        &first.to_string(),
        "--format",
        "json",
    ]);
    assert_exit(&out, 0, "run --trial");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["drawn"]["trial"], first);
    assert_eq!(doc["trace"].as_array().unwrap().len(), steps.len());
}

/// Runs the binary under `script`, which gives it a terminal, and returns what the
/// terminal showed.
#[cfg(unix)]
fn on_a_terminal(args: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("tty.log");
    let command = format!("{} {args} > /dev/null", env!("CARGO_BIN_EXE_treatysim"));
    let out = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &command])
        .arg(&log)
        .output()
        .expect("`script` (util-linux) runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    String::from_utf8_lossy(&std::fs::read(&log).unwrap()).into_owned()
}

#[test]
#[cfg(unix)]
fn a_terminal_sees_a_live_progress_bar_with_rate_and_eta() {
    let shown = on_a_terminal(
        "simulate scenarios/uncertain-senate-and-courts.yaml --trials 300000 --seed 1 --threads 2",
    );
    let updates = shown.matches(" trials/s  ETA ").count();
    assert!(
        updates >= 2,
        "the bar advances: {updates} updates in {shown:?}"
    );
    assert!(shown.contains("/300,000 trials"), "{shown:?}");
    assert!(
        shown.contains("300,000 trials in "),
        "a closing line with the rate"
    );
}

#[test]
#[cfg(unix)]
fn ctrl_c_stops_and_reports_the_trials_that_finished_marked_partial() {
    let child = bin()
        .args([
            "simulate",
            "benches/reference.yaml",
            "--trials",
            "1000000000000",
            "--seed",
            "1",
        ])
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    let killed = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = std::time::Instant::now();
    let out = child.wait_with_output().unwrap();
    assert!(started.elapsed().as_secs() < 5, "stops promptly");
    assert_eq!(out.status.code(), Some(130), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("PARTIAL: stopped after "), "{stdout}");
    assert!(stdout.contains(" of 1,000,000,000,000 trials"), "{stdout}");
    assert!(
        stdout.contains("Most frequent paths"),
        "the finished trials are reported"
    );
}

#[test]
fn an_assigned_world_equals_its_source() {
    let file = root().join("scenarios/story-unilateral-notice.yaml");
    let s = scenario::load(&file).unwrap();
    let p = rulebook::load(rulebook::DEFAULT_ID).unwrap();
    let mut moved = engine::World::new(&p, &s, s.events[0].date);
    let mut marks = engine::Marks::default();
    engine::trial(
        &p,
        &s,
        &vec![true; s.events.len()],
        &mut moved,
        &mut marks,
        None,
    );
    let mut copy = engine::World::new(&p, &s, s.events[0].date);
    assert_ne!(copy, moved);
    copy.assign(&moved);
    assert_eq!(copy, moved, "every field is copied");
}

/// What moves the outcome says which share it moves, and that the inputs' chances are
/// the scenario's assumptions; holdings are named in words (issue 17, point 5).
#[test]
fn what_moves_the_outcome_names_the_share_and_the_assumptions() {
    let out = run_bin(&[
        "simulate",
        "scenarios/uncertain-senate-and-courts.yaml",
        "--trials",
        "3000",
        "--seed",
        "5",
    ]);
    assert_exit(&out, 0, "simulate");
    let said = text(&out.stdout);
    assert!(
        said.contains(
            "(the chances, windows and weights are this scenario's assumptions, not forecasts)"
        ),
        "{said}"
    );
    // An input's line may wrap; its continuation is indented five spaces under it.
    let mut unwrapped: Vec<String> = Vec::new();
    for line in said.lines() {
        let continues = line.starts_with("     ") && !line[5..].starts_with(' ');
        match unwrapped.last_mut() {
            Some(last) if continues => last.push_str(&format!(" {}", line.trim_start())),
            _ => unwrapped.push(line.to_string()),
        }
    }
    let ranked: Vec<&str> = unwrapped
        .iter()
        .map(String::as_str)
        .filter(|l| l.contains(": spread "))
        .collect();
    assert!(!ranked.is_empty(), "{said}");
    assert!(
        ranked
            .iter()
            .all(|l| l.ends_with("in the share withdrawn") || l.ends_with("in the share lawful")),
        "{ranked:?}"
    );
    assert!(
        said.contains("statute invalid 0.15") && !said.contains("statute_invalid"),
        "{said}"
    );
}
