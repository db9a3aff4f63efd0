//! The bodies of the fuzz targets (`fuzz/`), here so that the regression corpus also runs
//! under `cargo test` (tests/fuzz_regressions.rs) without a fuzzer.
//!
//! Each takes any bytes and goes the whole way a user's file goes: YAML, validation,
//! the engine, and every output. It must return for every input, never panic, hang or
//! grow without bound; an error is a normal result, and its message is rendered too,
//! so the code that quotes a hostile value runs as well.

use std::sync::{Arc, OnceLock};

use crate::diag::Diagnostic;
use crate::rulebook::{self, Procedure};
use crate::{engine, expect, report, scenario, simulate};

/// The built-in rulebooks, compiled once per process (the fuzzer calls the target in a
/// loop; compiling each time would measure the compiler, not the input).
fn builtin(id: &str) -> &'static Procedure {
    static BUILT: OnceLock<Vec<(&'static str, Procedure)>> = OnceLock::new();
    let all = BUILT.get_or_init(|| {
        rulebook::builtin_ids()
            .into_iter()
            .map(|id| {
                let p = rulebook::load(id).expect("a built-in rulebook compiles");
                (id, p)
            })
            .collect()
    });
    all.iter()
        .find(|(b, _)| *b == id)
        .or_else(|| all.iter().find(|(b, _)| *b == rulebook::DEFAULT_ID))
        .map(|(_, p)| p)
        .expect("the default rulebook is built in")
}

/// The built-in rulebook a scenario names, else the default (a fuzzer must not read the
/// disk, so a rulebook file is not followed).
fn builtin_for(scenario: &scenario::Scenario) -> &'static Procedure {
    let id = scenario
        .rulebook
        .as_ref()
        .map_or(rulebook::DEFAULT_ID, |(id, _)| id.as_str());
    builtin(id)
}

/// Renders an error as the command line would, coloured and plain.
fn render(diagnostic: &Diagnostic) {
    let plain = diagnostic.render(false);
    assert!(plain.starts_with("error: "), "{plain}");
    let _ = diagnostic.render(true);
    let _ = diagnostic.to_string();
}

/// A scenario file: parsed, checked, run under the rulebook it names (a built-in), its
/// expectations checked, and reported as text and JSON; an uncertain one is drawn
/// once and simulated for a few trials.
pub fn scenario_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return; // files::read_text refuses these before parsing
    };
    let scenario = match scenario::parse("fuzz.yaml", Arc::from(text)) {
        Ok(s) => s,
        Err(d) => return render(&d),
    };
    let p = builtin_for(&scenario);
    if scenario.is_uncertain() {
        match simulate::sampled_run(p, &scenario, 0, 0) {
            Ok((drawn, run, _)) => outputs(p, &drawn, &run),
            Err(message) => assert!(!message.to_string().is_empty()),
        }
        let options = simulate::Options {
            trials: 16,
            seed: 1,
            threads: 1,
        };
        let stop = std::sync::atomic::AtomicBool::new(false);
        if let Ok(ensemble) = simulate::run(p, &scenario, options, &|_| {}, &stop) {
            let _ = simulate::to_text(p, &scenario, &ensemble, report::Style::PLAIN);
            let _ = simulate::to_json(p, &scenario, &ensemble);
        }
        return;
    }
    match engine::run(p, &scenario) {
        Ok(run) => {
            if let Some(expect) = &scenario.expect {
                for mismatch in expect::check(p, &scenario, expect, &run) {
                    assert!(!mismatch.key.is_empty(), "{mismatch:?}");
                }
            }
            outputs(p, &scenario, &run);
        }
        Err(impossible) => render(&impossible.diagnostic(&scenario)),
    }
}

fn outputs(p: &Procedure, s: &scenario::Scenario, run: &engine::Run) {
    let _ = report::to_text(p, s, run, report::Style::PLAIN.with_color(true));
    let json = report::to_json(p, s, run);
    assert!(serde_json::to_string(&json).is_ok());
}

/// A scenario file drawn: the HTML report and the diagram of its path in every format
/// (slower than [`scenario_bytes`], so a target of its own).
pub fn report_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(scenario) = scenario::parse("fuzz.yaml", Arc::from(text)) else {
        return; // scenario_bytes covers the errors
    };
    let p = builtin_for(&scenario);
    let (scenario, run) = if scenario.is_uncertain() {
        match simulate::sampled_run(p, &scenario, 0, 0) {
            Ok((drawn, run, _)) => (drawn, run),
            Err(_) => return,
        }
    } else {
        match engine::run(p, &scenario) {
            Ok(run) => (scenario, run),
            Err(_) => return,
        }
    };
    let html = report::to_html(p, &scenario, &run);
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..html.len().min(80)]
    );
    let d = crate::diagram::build(p, crate::diagram::Only::All, Some((&scenario, &run)));
    let _ = crate::diagram::svg::render(&d);
    let _ = crate::diagram::dot::render(&d);
    let _ = crate::diagram::mermaid::render(&d);
}

/// A rulebook file: read (extending built-ins only: a fuzzer must not read the disk),
/// compiled, and drawn.
pub fn rulebook_bytes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rulebook = match rulebook::from_text("fuzz.yaml", &Arc::from(text), 0, false) {
        Ok(r) => r,
        Err(d) => return render(&d),
    };
    let Ok(p) = Procedure::compile(rulebook) else {
        return;
    };
    let d = crate::diagram::build(&p, crate::diagram::Only::All, None);
    let _ = crate::diagram::svg::render(&d);
    let _ = crate::diagram::dot::render(&d);
    let _ = crate::diagram::mermaid::render(&d);
}
