//! The worked examples of LAW.md: `pass/` must pass `treatysim test`; `reject/` must make
//! `treatysim run` exit 2 with a message naming the word on the file's first line.

mod common;

use common::*;

#[test]
fn pass_examples_meet_their_expectations() {
    let dir = root().join("tests/acceptance/pass");
    let files = yaml_files(&dir);
    assert!(files.len() >= 20, "the worked examples are missing");
    for file in files {
        let out = run_bin(&["test", file.to_str().unwrap()]);
        assert_exit(&out, 0, &file.display().to_string());
        assert!(text(&out.stdout).ends_with("1 passed, 0 failed\n"));
    }
}

#[test]
fn reject_examples_exit_2_and_name_the_word() {
    let dir = root().join("tests/acceptance/reject");
    let files = yaml_files(&dir);
    assert!(files.len() >= 10, "the worked examples are missing");
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let first = source.lines().next().unwrap();
        let words: Vec<&str> = first
            .trim_start_matches("# must-mention:")
            .split('|')
            .map(str::trim)
            .collect();
        let out = run_bin(&["run", file.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", file.display());
        assert!(
            out.stdout.is_empty(),
            "{}: printed on stdout",
            file.display()
        );
        let message = stderr.lines().next().unwrap_or_default();
        assert!(
            words.iter().any(|w| message.contains(w)),
            "{}: the first line of the error names none of {words:?}:\n{stderr}",
            file.display()
        );
        assert!(
            message.contains(&format!("{}:", file.display())),
            "{}: no file:line:col in {message}",
            file.display()
        );
    }
}
