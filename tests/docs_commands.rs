//! Every command the README, docs/ and the classroom exercises tell a reader to type runs
//! and exits 0. A command is found where a reader would copy it: in `code` in the text
//! (and in the exercises' comments), and on the lines of a shell block (after `$ ` where
//! the block shows a prompt). Each one found is either run, in a scratch folder holding
//! copies of scenarios/, docs/ and benches/, or left out for a reason this file gives
//! (a synopsis with placeholders, a server, an interactive session, a file the reader
//! makes first); a command of a kind not covered here fails the test until it is.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Where commands are written for readers.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    let mut stack = vec![root().join("docs")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|x| x == "md" || (x == "yaml" && dir.ends_with("exercises")))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// `treatysim ...` or `cargo run --release -- ...` as the words after the program, when
/// the second word is a subcommand or an option (not output such as "treatysim 0.1.0").
fn as_command(line: &str, subcommands: &[String]) -> Option<String> {
    let line = line.trim();
    let rest = line
        .strip_prefix("treatysim ")
        .or_else(|| line.strip_prefix("cargo run --release -- "))?;
    // A comment after the command is the doc's, not the shell's business.
    let rest = rest.split("  #").next().unwrap().trim();
    let first = rest.split_whitespace().next()?;
    (first.starts_with('-') || subcommands.iter().any(|s| s == first)).then(|| rest.to_string())
}

/// What a document tells a reader to type, each with the line it is on: the commands,
/// and the folders a shell block makes first (`mkdir -p DIR`, as `Mkdir`).
#[derive(Debug, PartialEq)]
enum Typed {
    Command(String),
    Mkdir(String),
}

/// The commands of one document, each with the line it is on. A code span may run over
/// a line break, as Markdown allows.
fn commands_in(text: &str, subcommands: &[String]) -> Vec<(usize, Typed)> {
    let mut found = Vec::new();
    let mut block: Option<Vec<(usize, &str)>> = None;
    // Prose outside blocks, with the line each character came from.
    let mut prose: Vec<(usize, char)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim_start().starts_with("```") {
            match block.take() {
                None => block = Some(Vec::new()),
                Some(lines) => found.extend(block_commands(&lines, subcommands)),
            }
            continue;
        }
        match block.as_mut() {
            Some(lines) => lines.push((n, line)),
            None => prose.extend(line.chars().chain(['\n']).map(|c| (n, c))),
        }
    }
    for (j, span) in prose.split(|(_, c)| *c == '`').enumerate() {
        if j % 2 == 1 && !span.is_empty() {
            let words: String = span
                .iter()
                .map(|(_, c)| if *c == '\n' { ' ' } else { *c })
                .collect();
            let n = span[0].0;
            found.extend(as_command(&words, subcommands).map(|c| (n, Typed::Command(c))));
        }
    }
    found.sort_by_key(|(n, _)| *n);
    found
}

/// A shell block's commands: every line, or only those after a `$ ` prompt when the
/// block shows one (the rest is output).
fn block_commands(lines: &[(usize, &str)], subcommands: &[String]) -> Vec<(usize, Typed)> {
    let prompted = lines.iter().any(|(_, l)| l.trim_start().starts_with("$ "));
    let mut found = Vec::new();
    for (n, l) in lines {
        let l = l.trim_start();
        let l = match (prompted, l.strip_prefix("$ ")) {
            (true, Some(cmd)) => cmd,
            (true, None) => continue,
            (false, _) => l,
        };
        if let Some(dir) = l.strip_prefix("mkdir -p ") {
            found.push((*n, Typed::Mkdir(dir.trim().to_string())));
        }
        found.extend(as_command(l, subcommands).map(|c| (*n, Typed::Command(c))));
    }
    found
}

/// Why a command is not run, or `None` to run it.
fn left_out(words: &[String], scratch: &Path) -> Option<&'static str> {
    let placeholder = |w: &String| {
        w.contains('[')
            || w.contains("\\|")
            || (w.chars().any(|c| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
            || w.starts_with("EX.")
            || w.starts_with("FILE.")
            || w.starts_with("DIR")
    };
    if words.iter().any(placeholder) {
        return Some("a synopsis: its capitals stand for the reader's own values");
    }
    match words[0].as_str() {
        "serve" => return Some("starts a server that runs until stopped (tests/serve.rs)"),
        "play" => return Some("an interactive session (tests/play.rs plays it in a terminal)"),
        _ => {}
    }
    // The words that are files to read: arguments that are not option values written to.
    let mut previous = "";
    for w in words {
        let output = matches!(
            previous,
            "-o" | "--output" | "--grades" | "--write-scenarios"
        ) || (previous == "new" && words[0] == "new");
        let file_like = w.ends_with(".yaml")
            || w.ends_with(".csv")
            || (w.contains('/') && !w.starts_with('-') && !w.contains('='));
        let is_option_value = previous.starts_with("--") && !previous.contains('=');
        if file_like && !output && !scratch.join(w).exists() {
            return Some("reads a file the reader makes first");
        }
        if words[0] == "test" && w == "." {
            return Some("tests the reader's own folder");
        }
        previous = if is_option_value && !w.starts_with('-') {
            ""
        } else {
            w
        };
    }
    if words.iter().any(|w| w == "100000000") {
        return Some("a timing run of minutes (benches/ and docs/performance.md)");
    }
    None
}

/// A command as a shell would split it, without what follows a pipe or a redirect
/// (the test reads stdout itself), and `~` as the scratch folder's home.
fn words(command: &str, home: &Path) -> Vec<String> {
    let kept = command.split(['|', '>']).next().unwrap();
    let home = format!("{}/", home.display());
    shell_words::split(kept)
        .unwrap_or_else(|e| panic!("{command}: {e}"))
        .into_iter()
        .map(|w| match w.strip_prefix("~/") {
            Some(rest) => format!("{home}{rest}"),
            None => w,
        })
        .collect()
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A command named in prose as a whole (`treatysim run` reads...), not given to type:
/// clap refuses it for a missing argument.
fn names_a_command(out: &std::process::Output, words: &[String]) -> bool {
    let err = text(&out.stderr);
    words.len() <= 2
        && out.status.code() == Some(2)
        && (err.contains("required arguments were not provided")
            || err.contains("a value is required"))
}

#[test]
fn every_command_the_docs_tell_a_reader_to_type_runs() {
    let subcommands = subcommands();
    let scratch = tempfile::tempdir().unwrap();
    let home = scratch.path().join("home");
    for dir in ["scenarios", "docs", "benches"] {
        copy_tree(&root().join(dir), &scratch.path().join(dir));
    }
    // Each distinct command once, wherever the docs give it.
    let mut to_run: Vec<(Vec<String>, String)> = Vec::new();
    let mut skipped = Vec::new();
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let shown = doc.strip_prefix(root()).unwrap().display().to_string();
        for (line, typed) in commands_in(&text, &subcommands) {
            let command = match typed {
                Typed::Mkdir(dir) => {
                    std::fs::create_dir_all(scratch.path().join(words(&dir, &home)[0].clone()))
                        .unwrap();
                    continue;
                }
                Typed::Command(command) => command,
            };
            let words = words(&command, &home);
            if let Some(why) = left_out(&words, scratch.path()) {
                skipped.push(format!("{shown}:{line}: {command}  ({why})"));
            } else if !to_run.iter().any(|(w, _)| *w == words) {
                to_run.push((words, format!("{shown}:{line}")));
            }
        }
    }
    // Both cores: a few of them explore every state the procedure can reach.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    let named = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some((words, at)) =
                    to_run.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                {
                    let out = bin()
                        .args(words)
                        .current_dir(scratch.path())
                        .env("HOME", &home)
                        .stdin(std::process::Stdio::null())
                        .output()
                        .unwrap();
                    if names_a_command(&out, words) {
                        named
                            .lock()
                            .unwrap()
                            .push(format!("{at}: {}", words.join(" ")));
                    } else if out.status.code() != Some(0) {
                        failures.lock().unwrap().push(format!(
                            "{at}: `treatysim {}` exited {:?}\n{}{}",
                            words.join(" "),
                            out.status.code(),
                            text_of(&out.stdout),
                            text_of(&out.stderr)
                        ));
                    }
                }
            });
        }
    });
    eprintln!("left out:\n  {}", skipped.join("\n  "));
    eprintln!("named in prose:\n  {}", named.lock().unwrap().join("\n  "));
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The docs show many; if the search finds few, it has stopped reading them.
    let ran = to_run.len() - named.into_inner().unwrap().len();
    assert!(ran >= 40, "only {ran} commands found to run");
    // These are the lesson's, and must be among those run, not left out.
    for must in [
        "explain consent",
        "explain injunction",
        "run scenarios/sixty-senators-law.yaml",
    ] {
        let words: Vec<String> = must.split(' ').map(String::from).collect();
        assert!(
            to_run.iter().any(|(w, _)| *w == words),
            "`treatysim {must}` was not run"
        );
    }
}

fn text_of(bytes: &[u8]) -> String {
    let t = text(bytes);
    t.lines().take(8).collect::<Vec<_>>().join("\n") + "\n"
}

#[test]
fn commands_are_found_in_code_spans_and_shell_blocks_but_not_in_output() {
    let subcommands: Vec<String> = ["run", "explain", "serve"].map(String::from).to_vec();
    let doc = "Type `treatysim explain consent` or `treatysim run a.yaml`.\n\
               ```sh\ntreatysim run b.yaml   # the story\n```\n\
               ```text\n$ treatysim explain cloture\ntreatysim run c.yaml\n```\n\
               ```\ntreatysim serve: the class is open.\ntreatysim 0.1.0\n```\n\
               A span over two lines: `treatysim run\nd.yaml`.\n```sh\nmkdir -p x/y\n```\n";
    let found: Vec<String> = commands_in(doc, &subcommands)
        .into_iter()
        .map(|(n, c)| format!("{n}:{c:?}"))
        .collect();
    assert_eq!(
        found,
        [
            "1:Command(\"explain consent\")",
            "1:Command(\"run a.yaml\")",
            "3:Command(\"run b.yaml\")",
            "6:Command(\"explain cloture\")",
            "13:Command(\"run d.yaml\")",
            "16:Mkdir(\"x/y\")",
        ]
    );
}
