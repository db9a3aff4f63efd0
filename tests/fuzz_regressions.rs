//! Every input the fuzz targets were ever seeded with or crashed on (fuzz/seeds/,
//! fuzz/regressions/, the scenarios and the acceptance files, the built-in rulebooks)
//! runs through the fuzz targets' own bodies here, without a fuzzer, so a crash once
//! fixed stays fixed under `cargo test`.

mod common;

use std::path::{Path, PathBuf};

use common::root;

/// Every file under `dir`, recursively, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.file_name().is_some_and(|n| n != "README.md") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn each(dirs: &[&str], target: fn(&[u8])) -> usize {
    let mut n = 0;
    for dir in dirs {
        for path in files(&root().join(dir)) {
            let bytes = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&bytes));
            assert!(outcome.is_ok(), "{} crashed the target", path.display());
            n += 1;
        }
    }
    n
}

#[test]
fn scenario_inputs_never_crash() {
    let n = each(
        &[
            "scenarios",
            "tests/acceptance",
            "fuzz/seeds/scenario",
            "fuzz/regressions/scenario",
        ],
        treatysim::fuzzing::scenario_bytes,
    );
    assert!(n >= 40, "only {n} inputs");
}

#[test]
fn report_inputs_never_crash() {
    let n = each(
        &[
            "scenarios",
            "fuzz/seeds/scenario",
            "fuzz/regressions/report",
        ],
        treatysim::fuzzing::report_bytes,
    );
    assert!(n >= 25, "only {n} inputs");
}

#[test]
fn rulebook_inputs_never_crash() {
    let n = each(
        &[
            "src/rulebooks",
            "fuzz/seeds/rulebook",
            "fuzz/regressions/rulebook",
        ],
        treatysim::fuzzing::rulebook_bytes,
    );
    assert!(n >= 4, "only {n} inputs");
}
