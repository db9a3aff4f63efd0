//! Whatever bytes a user feeds it, the tool answers with a result or a clear error,
//! quickly, and never loses a file: the limits on input, how files are read and written,
//! and how the process ends (closed pipes, Ctrl-C, an internal error).

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use common::{assert_exit, bin, close_early, root, run_bin, text};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("treatysim-reliability-{}", std::process::id()));
    let d = d.join(name);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const ONE_EVENT: &str = "title: x\nevents:\n  - {on: 2027-01-01, do: give_notice}\n";

/// Runs the binary with `args`, and checks it refused the input: exit 2, nothing on
/// stdout, and every one of `words` in the message. (How fast: benches/hostile.sh, in
/// docs/testing.md; timings are not asserted in tests.)
fn refused(args: &[&std::ffi::OsStr], words: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    let stderr = text(&out.stderr);
    assert_exit(&out, 2, &format!("{args:?}"));
    assert!(out.stdout.is_empty(), "{args:?}: stdout not empty");
    assert!(stderr.starts_with("error: "), "{stderr}");
    for word in words {
        assert!(stderr.contains(word), "{word:?} not in\n{stderr}");
    }
    stderr
}

/// Runs the binary with `bytes` on its standard input. The write may fail part-way
/// when the tool stops reading (at a limit); the output is what counts.
fn with_stdin(args: &[&str], bytes: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(bytes);
    child.wait_with_output().unwrap()
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn run_ok(args: &[&std::ffi::OsStr]) -> Output {
    let out = bin().args(args).output().unwrap();
    assert_exit(&out, 0, &format!("{args:?}"));
    out
}

#[test]
fn a_file_over_the_size_limit_is_refused_until_the_limit_is_raised() {
    let d = dir("size");
    let path = d.join("padded.yaml");
    // A valid scenario padded with a comment to 5 MiB.
    let mut padded = String::from(ONE_EVENT);
    padded.push('#');
    padded.push_str(&"x".repeat(5 * 1024 * 1024));
    padded.push('\n');
    std::fs::write(&path, &padded).unwrap();
    let p = path.as_os_str();
    let stderr = refused(
        &[os("run"), p],
        &["file-size limit of 4 MiB", "--limit file-size=12MiB"],
    );
    assert!(stderr.contains("5.0 MiB"), "{stderr}");
    run_ok(&[os("--limit"), os("file-size=6MiB"), os("run"), p]);
    // The limit applies to standard input too.
    // The tool stops reading at the limit; the rest of the write may fail.
    let out = with_stdin(&["run", "-"], padded.as_bytes());
    assert_exit(&out, 2, "stdin over the limit");
    assert!(text(&out.stderr).contains("<stdin>: the input is over the file-size limit"));
}

#[test]
fn a_scenario_with_too_many_events_is_refused_at_the_first_one_over() {
    let d = dir("events");
    let path = d.join("many.yaml");
    let mut yaml = String::from("title: many\nevents:\n");
    for _ in 0..10_001 {
        yaml.push_str("  - {on: 2027-01-01, do: announce}\n");
    }
    std::fs::write(&path, &yaml).unwrap();
    let stderr = refused(
        &[os("run"), path.as_os_str()],
        &[
            "more than 10,000 events (the events limit)",
            "help: if the file is genuine, raise the limit with --limit events=20002",
        ],
    );
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        !stderr.contains('⟦'),
        "the help mark is not shown: {stderr}"
    );
    run_ok(&[
        os("--limit"),
        os("events=10001"),
        os("test"),
        path.as_os_str(),
    ]);
}

#[test]
fn deep_nesting_is_refused() {
    let d = dir("depth");
    let path = d.join("deep.yaml");
    let deep = format!(
        "title: x\nevents: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    std::fs::write(&path, deep).unwrap();
    refused(
        &[os("run"), path.as_os_str()],
        &[
            "nested more than 32 deep (the depth limit)",
            "--limit depth=",
        ],
    );
    // A tighter limit than the default applies too.
    std::fs::write(&path, "title: x\nevents: [[[]]]\n").unwrap();
    refused(
        &[os("--limit"), os("depth=2"), os("run"), path.as_os_str()],
        &["nested more than 2 deep"],
    );
}

#[test]
fn a_billion_laughs_is_refused_quickly() {
    let d = dir("laughs");
    let path = d.join("laughs.yaml");
    // Each event merges ten copies of the one before: 10^9 copies of the first.
    let mut yaml = String::from("title: x\nevents:\n  - &a0 {on: 2027-01-01, do: announce}\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        yaml.push_str(&format!("  - &a{i} {{<<: [{refs}]}}\n"));
    }
    std::fs::write(&path, yaml).unwrap();
    refused(
        &[os("run"), path.as_os_str()],
        &[
            "copy more than 10,000 YAML nodes (the aliases limit",
            "--limit aliases=",
        ],
    );
    // Aliases in moderation are YAML like any other, within the limit.
    let modest = d.join("modest.yaml");
    std::fs::write(
        &modest,
        "title: x\nsetup: { filibuster: false }\nevents:\n  - &vote {on: 2027-01-01, do: consent_vote, yeas: 67, nays: 33}\n  - {<<: *vote, on: 2027-01-02}\n",
    )
    .unwrap();
    run_ok(&[os("run"), modest.as_os_str()]);
    refused(
        &[
            os("--limit"),
            os("aliases=2"),
            os("run"),
            modest.as_os_str(),
        ],
        &["the aliases limit"],
    );
}

#[test]
fn very_long_text_is_refused_and_never_printed_whole() {
    let d = dir("text");
    let path = d.join("long.yaml");
    let long = "x".repeat(3_000_000);
    std::fs::write(
        &path,
        ONE_EVENT.replace("title: x", &format!("title: {long}")),
    )
    .unwrap();
    let stderr = refused(
        &[os("run"), path.as_os_str()],
        &[
            "title: the text is 3,000,000 characters long, over the text limit of 10,000",
            "--limit text=6000000",
        ],
    );
    assert!(stderr.len() < 3_000, "{} bytes of error", stderr.len());
    run_ok(&[
        os("--limit"),
        os("text=3000000"),
        os("run"),
        path.as_os_str(),
    ]);
    // A long value elsewhere (an action name) is quoted shortened.
    std::fs::write(&path, ONE_EVENT.replace("give_notice", &long)).unwrap();
    let stderr = refused(
        &[os("run"), path.as_os_str()],
        &["unknown action", "(3,000,002 characters)"],
    );
    assert!(stderr.len() < 3_000, "{} bytes of error", stderr.len());
}

#[test]
fn huge_numbers_empty_files_and_other_encodings_are_refused() {
    let d = dir("numbers");
    let cases: &[(&str, &[&str])] = &[
        (
            "title: x\nsetup: {senators_sworn: 99999999999999999999999999}\nevents: []\n",
            &["senators_sworn", "not a whole number"],
        ),
        (
            "title: x\nevents:\n  - {on: 2027-01-01, do: consent_vote, yeas: 4294967296, nays: 1}\n",
            &["4294967296", "more than the 100 senators sworn"],
        ),
        (
            "title: x\nevents:\n  - {on: 2027-01-01, do: spend, amount: 1e400}\n",
            &["1e400", "not a number"],
        ),
        (
            "title: x\nevents:\n  - {on: 2027-01-01, do: spend, amount: .nan}\n",
            &["NaN", "not a sum of dollars"],
        ),
        (
            "title: x\nevents:\n  - {on: 99999-01-01, do: give_notice}\n",
            &["99999-01-01", "not a date"],
        ),
        ("", &["the file is empty"]),
        ("# only a comment\n", &["the file is empty"]),
    ];
    for (i, (yaml, words)) in cases.iter().enumerate() {
        let path = d.join(format!("case{i}.yaml"));
        std::fs::write(&path, yaml).unwrap();
        refused(&[os("run"), path.as_os_str()], words);
    }
    let latin1 = d.join("latin1.yaml");
    std::fs::write(&latin1, b"title: caf\xe9\nevents: []\n").unwrap();
    refused(
        &[os("run"), latin1.as_os_str()],
        &[
            "not UTF-8 text (invalid byte at offset 10)",
            "save the file as UTF-8",
        ],
    );
    refused(
        &[os("run"), d.as_os_str()],
        &["this is a directory, not a file"],
    );
}

#[test]
fn bad_limit_settings_are_usage_errors() {
    for (setting, word) in [
        ("evnts=5", "did you mean events?"),
        ("events", "NAME=VALUE"),
        ("file-size=16 parsecs", "not a size"),
        ("depth=0", "at least 1"),
    ] {
        let out = run_bin(&["--limit", setting, "rulebook", "list"]);
        assert_exit(&out, 2, setting);
        assert!(text(&out.stderr).contains(word), "{}", text(&out.stderr));
    }
}

#[test]
fn a_dash_reads_standard_input() {
    let story = std::fs::read(root().join("scenarios/consent-route.yaml")).unwrap();
    let feed = |args: &[&str]| with_stdin(args, &story);
    let from_file = run_bin(&[
        "run",
        root()
            .join("scenarios/consent-route.yaml")
            .to_str()
            .unwrap(),
    ]);
    let from_stdin = feed(&["run", "-"]);
    assert_exit(&from_stdin, 0, "run -");
    assert_eq!(text(&from_stdin.stdout), text(&from_file.stdout));
    assert_exit(&feed(&["test", "-"]), 0, "test -");
    let report = feed(&["report", "-", "-o", "-"]);
    assert_exit(&report, 0, "report -");
    assert!(text(&report.stdout).starts_with("<!DOCTYPE html>"));
    // Errors name the input as <stdin>.
    let out = with_stdin(
        &["run", "-"],
        b"title: x\nevents:\n  - {on: 2027-01-01, do: give_notise}\n",
    );
    assert_exit(&out, 2, "bad stdin");
    assert!(
        text(&out.stderr).starts_with("error: <stdin>:3:26: unknown action"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn paths_with_spaces_work() {
    let d = dir("a folder with spaces");
    let scenario = d.join("my scenario.yaml");
    std::fs::copy(root().join("scenarios/consent-route.yaml"), &scenario).unwrap();
    let out = d.join("the report.html");
    run_ok(&[os("run"), scenario.as_os_str()]);
    run_ok(&[
        os("report"),
        scenario.as_os_str(),
        os("-o"),
        out.as_os_str(),
    ]);
    assert!(std::fs::read_to_string(&out).unwrap().contains("</html>"));
    let svg = d.join("the diagram.svg");
    run_ok(&[
        os("diagram"),
        os("--scenario"),
        scenario.as_os_str(),
        os("-o"),
        svg.as_os_str(),
    ]);
    assert!(std::fs::read_to_string(&svg).unwrap().contains("</svg>"));
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_work() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let d = dir("latin1-names");
    let scenario = d.join(OsStr::from_bytes(b"caf\xe9.yaml"));
    std::fs::copy(root().join("scenarios/consent-route.yaml"), &scenario).unwrap();
    let out = run_ok(&[os("run"), scenario.as_os_str()]);
    assert!(text(&out.stdout).contains("Withdrawal with the Senate's consent"));
    let report = d.join(OsStr::from_bytes(b"r\xe9port.html"));
    run_ok(&[
        os("report"),
        scenario.as_os_str(),
        os("-o"),
        report.as_os_str(),
    ]);
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("</html>")
    );
    // An error names the file, with the bad byte replaced.
    let bad = d.join(OsStr::from_bytes(b"na\xefve.yaml"));
    std::fs::write(&bad, "title: x\nevents: []\n").unwrap();
    let stderr = refused(&[os("run"), bad.as_os_str()], &["there are no events"]);
    assert!(stderr.contains("na\u{fffd}ve.yaml:2:9"), "{stderr}");
}

/// Files in a folder other than those named.
fn others(d: &Path, known: &[&str]) -> Vec<String> {
    std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !known.contains(&n.as_str()))
        .collect()
}

#[test]
fn outputs_never_overwrite_inputs_and_unwritable_targets_are_clear_errors() {
    let d = dir("outputs");
    let scenario = d.join("s.yaml");
    std::fs::copy(root().join("scenarios/consent-route.yaml"), &scenario).unwrap();
    let before = std::fs::read(&scenario).unwrap();
    for args in [
        vec![
            os("report"),
            scenario.as_os_str(),
            os("-o"),
            scenario.as_os_str(),
        ],
        vec![
            os("diagram"),
            os("--scenario"),
            scenario.as_os_str(),
            os("-o"),
            scenario.as_os_str(),
        ],
    ] {
        refused(&args, &["refusing to write the output over an input file"]);
    }
    // The same file by another name (a symbolic link) is the same input.
    #[cfg(unix)]
    {
        let link = d.join("link.html");
        std::os::unix::fs::symlink(&scenario, &link).unwrap();
        refused(
            &[
                os("report"),
                scenario.as_os_str(),
                os("-o"),
                link.as_os_str(),
            ],
            &["refusing to write the output over an input file"],
        );
    }
    assert_eq!(std::fs::read(&scenario).unwrap(), before);
    // /proc takes no new files, even from root.
    refused(
        &[
            os("report"),
            scenario.as_os_str(),
            os("-o"),
            os("/proc/treatysim-report.html"),
        ],
        &["cannot write the output"],
    );
    refused(
        &[
            os("report"),
            scenario.as_os_str(),
            os("-o"),
            d.join("no/such/folder/r.html").as_os_str(),
        ],
        &["cannot write the output: no such file"],
    );
    assert_eq!(others(&d, &["s.yaml", "link.html"]), Vec::<String>::new());
}

/// A write that fails half-way (the file-size resource limit standing in for a full
/// disk) leaves the file it would have replaced as it was, and no temporary file.
#[cfg(unix)]
#[test]
fn a_write_that_fails_half_way_leaves_the_old_file_and_nothing_else() {
    let d = dir("half-way");
    let scenario = d.join("s.yaml");
    std::fs::copy(root().join("scenarios/consent-route.yaml"), &scenario).unwrap();
    let target = d.join("report.html");
    std::fs::write(&target, "the old report\n").unwrap();
    // ulimit -f counts 512- or 1024-byte blocks; the report is tens of kilobytes. The
    // signal a process gets for a too-large file is ignored, so the write fails instead.
    let script = format!(
        "ulimit -f 8; trap '' XFSZ; exec \"$0\" report '{}' -o '{}'",
        scenario.display(),
        target.display()
    );
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_treatysim"))
        .output()
        .unwrap();
    assert_exit(&out, 2, "write past the file-size limit");
    assert!(
        text(&out.stderr).contains("cannot write the output"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "the old report\n"
    );
    assert_eq!(others(&d, &["s.yaml", "report.html"]), Vec::<String>::new());
}

#[test]
fn every_command_ends_quietly_when_its_reader_goes_away() {
    let story = root().join("scenarios/story-unilateral-notice.yaml");
    let story = story.to_str().unwrap();
    let uncertain = root().join("scenarios/uncertain-senate-and-courts.yaml");
    let uncertain = uncertain.to_str().unwrap();
    let scenarios = root().join("scenarios");
    let scenarios = scenarios.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["run", story, story, story, story],
        vec!["run", "--format", "json", story, story, story],
        vec!["test", scenarios],
        vec!["simulate", uncertain, "--trials", "2000", "--threads", "1"],
        vec!["diagram"],
        vec!["diagram", "--format", "dot"],
        vec!["report", story],
        vec!["explain"],
        vec!["rulebook", "show"],
        vec![
            "compare",
            story,
            "--rulebook",
            "us-nato-2024",
            "--rulebook",
            "us-pre-2024",
        ],
    ];
    for args in commands {
        let (status, stderr) = close_early(&args, 64);
        // 0, or killed by SIGPIPE (141 from a shell), as ripgrep ends.
        assert!(
            status.code() == Some(0) || status.code().is_none(),
            "{args:?}: {status:?}\n{stderr}"
        );
        assert!(
            !stderr.contains("panicked") && !stderr.contains("internal error"),
            "{args:?}: {stderr}"
        );
        assert!(
            !stderr.contains("Broken pipe") && !stderr.contains("cannot write"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn an_internal_error_is_a_short_message_and_exit_70() {
    let out = bin()
        .env("TREATYSIM_TEST_INTERNAL_ERROR", "1")
        .env_remove("RUST_BACKTRACE")
        .args(["rulebook", "list"])
        .output()
        .unwrap();
    assert_exit(&out, 70, "a panic");
    let stderr = text(&out.stderr);
    assert!(out.stdout.is_empty());
    assert!(
        stderr.starts_with(&format!(
            "treatysim {}: internal error, please report it",
            env!("CARGO_PKG_VERSION")
        )),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // With RUST_BACKTRACE set, the backtrace follows for whoever debugs it.
    let out = bin()
        .env("TREATYSIM_TEST_INTERNAL_ERROR", "1")
        .env("RUST_BACKTRACE", "1")
        .args(["rulebook", "list"])
        .output()
        .unwrap();
    assert_exit(&out, 70, "a panic with RUST_BACKTRACE");
    assert!(text(&out.stderr).lines().count() > 1);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_long_exploration_promptly() {
    // A child inherits an ignored SIGINT (a shell without job control ignores it for
    // background commands), and then no Ctrl-C can stop it: say so at once rather than
    // wait for the exploration to end.
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        let ignored = status
            .lines()
            .find_map(|l| l.strip_prefix("SigIgn:"))
            .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
            .unwrap_or(0);
        assert!(
            ignored & (1 << (2 - 1)) == 0,
            "this test process ignores SIGINT, so the program it starts would too: run the tests from a shell that does not ignore it (not `(cmd &)` without job control)"
        );
    }
    // Two bills at once: about half a minute of exploring in a release build.
    let mut child = bin()
        .args(["paths", "--bills", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    assert!(child.try_wait().unwrap().is_none(), "still exploring");
    let sent = Instant::now();
    // The shell's own kill, so the test needs no procps.
    let kill = std::process::Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    let took = sent.elapsed();
    // Not a speed target: exploring two bills takes minutes in a debug build, so ending
    // within this bound means the signal stopped it.
    assert!(took < Duration::from_secs(10), "took {took:?} to stop");
    use std::os::unix::process::ExitStatusExt;
    assert!(
        status.signal() == Some(2) || status.code() == Some(130),
        "{status:?}"
    );
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    assert!(stdout.is_empty(), "no half result: {stdout}");
}

/// A folder with links back up (`a/up -> ..`, `self -> .`) is walked once: one scenario,
/// "1 passed", however many ways lead to it; a FIFO named *.yaml is not opened.
#[cfg(unix)]
#[test]
fn test_walks_a_folder_with_link_loops_once() {
    let folder = tempfile::tempdir().unwrap();
    let root_dir = folder.path();
    std::fs::create_dir(root_dir.join("a")).unwrap();
    std::fs::copy(
        root().join("scenarios/consent-route.yaml"),
        root_dir.join("a/consent-route.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink("..", root_dir.join("a/up")).unwrap();
    std::os::unix::fs::symlink(".", root_dir.join("self")).unwrap();
    std::os::unix::fs::symlink(".", root_dir.join("again")).unwrap();
    let fifo = root_dir.join("pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let started = Instant::now();
    let out = run_bin(&["test", root_dir.to_str().unwrap()]);
    assert!(started.elapsed() < Duration::from_secs(60));
    let stdout = text(&out.stdout);
    if made.is_ok_and(|s| s.success()) {
        assert!(stdout.contains("not a regular file"), "{stdout}");
        assert!(stdout.contains("1 passed, 0 failed, 1 skipped"), "{stdout}");
    } else {
        assert!(stdout.ends_with("1 passed, 0 failed\n"), "{stdout}");
    }
    assert_exit(&out, 0, "a folder with link loops");
}
