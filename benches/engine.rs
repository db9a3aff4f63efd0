//! A plain benchmark harness: how fast the library loads a rulebook, checks a scenario,
//! and runs it (with and without a trace). Run with `cargo bench --bench engine`.
//!
//! Each figure is the median of 15 batches; a batch repeats the operation enough times
//! to take a few milliseconds. Nothing here is asserted: the numbers are reported in
//! docs/performance.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use treatysim::{engine, rulebook, scenario};

fn median_per_op(mut op: impl FnMut()) -> Duration {
    let mut per_batch = 1u32;
    loop {
        let start = Instant::now();
        for _ in 0..per_batch {
            op();
        }
        if start.elapsed() > Duration::from_millis(5) || per_batch >= 1 << 24 {
            break;
        }
        per_batch *= 2;
    }
    let mut samples: Vec<Duration> = (0..15)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                op();
            }
            start.elapsed() / per_batch
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn report(name: &str, d: Duration) {
    let per_second = 1.0 / d.as_secs_f64();
    println!(
        "{name:<58} {:>10.2} µs  {:>12.0}/s",
        d.as_secs_f64() * 1e6,
        per_second
    );
}

fn main() {
    let root = env!("CARGO_MANIFEST_DIR");
    report(
        "load and compile rulebook us-nato-2024",
        median_per_op(|| {
            black_box(rulebook::load("us-nato-2024").unwrap());
        }),
    );
    let procedure = rulebook::load("us-nato-2024").unwrap();
    for name in [
        "story-unilateral-notice",
        "act-veto-overridden",
        "history/taiwan-1978-goldwater",
    ] {
        let path = format!("{root}/scenarios/{name}.yaml");
        let text: std::sync::Arc<str> = std::fs::read_to_string(&path).unwrap().into();
        report(
            &format!("check scenario {name}"),
            median_per_op(|| {
                black_box(scenario::parse("s.yaml", text.clone()).unwrap());
            }),
        );
        let s = scenario::parse("s.yaml", text.clone()).unwrap();
        let p = if name.contains("taiwan") {
            rulebook::load("taiwan-1954").unwrap()
        } else {
            procedure.clone()
        };
        report(
            &format!("run {name} ({} events), trace kept", s.events.len()),
            median_per_op(|| {
                black_box(engine::run(&p, &s).unwrap());
            }),
        );
        report(
            &format!("run {name}, outcome only"),
            median_per_op(|| {
                black_box(engine::outcome(&p, &s).unwrap());
            }),
        );
    }
}
