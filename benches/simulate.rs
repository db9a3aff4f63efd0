//! Trials per second of `treatysim simulate` on the reference scenario
//! (benches/reference.yaml: 21 events, 6 uncertain inputs), through the library, on one
//! thread and on two. Nothing is asserted; the figures go in docs/performance.md.
//!
//! `cargo bench --bench simulate -- --trials N --seed S --runs R`; with `--json`, one
//! JSON line per thread count (benches/peers/run.sh reads them).

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use treatysim::simulate::{self, Options};
use treatysim::vocab::TreatyStatus;
use treatysim::{rulebook, scenario};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str, default: u64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let trials = value("--trials", 2_000_000);
    let seed = value("--seed", 1);
    let runs = value("--runs", 3).max(1);
    let json = args.iter().any(|a| a == "--json");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/reference.yaml");
    let s = scenario::load(&path).expect("the reference scenario loads");
    let p = rulebook::load(rulebook::DEFAULT_ID).expect("the rulebook loads");
    for threads in [1usize, 2] {
        let mut times = Vec::new();
        let mut last = None;
        for _ in 0..runs {
            let start = Instant::now();
            let e = simulate::run(
                &p,
                &s,
                Options {
                    trials,
                    seed,
                    threads,
                },
                &|_| {},
                &AtomicBool::new(false),
            )
            .expect("it runs");
            times.push(start.elapsed().as_secs_f64());
            last = Some(e);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let c = &last.expect("at least one run").counts;
        let rate = trials as f64 / median;
        if json {
            let effective = |d: &str| {
                c.effective
                    .iter()
                    .find(|(k, _)| k.to_string() == d)
                    .map_or(0, |(_, n)| *n)
            };
            println!(
                "{{\"impl\": \"treatysim\", \"threads\": {threads}, \"trials\": {trials}, \"seconds\": {median:.4}, \"trials_per_second\": {rate:.0}, \"withdrawn\": {}, \"notice_pending\": {}, \"enjoined\": {}, \"lawful\": {}, \"breach_a\": {}, \"breach_c\": {}, \"enacted\": {}, \"effective_2028_08_01\": {}, \"party\": {}}}",
                c.treaty[TreatyStatus::Withdrawn as usize],
                c.treaty[TreatyStatus::NoticePending as usize],
                c.enjoined,
                c.lawful,
                c.violations[0],
                c.violations[2],
                c.bills[0][p.roles.bill_enacted.index()],
                effective("2028-08-01"),
                c.treaty[TreatyStatus::Party as usize],
            );
        } else {
            println!(
                "simulate reference scenario, {threads} thread(s): {trials} trials, median {median:.3} s of {runs} runs = {rate:.0} trials/s"
            );
        }
    }
}
