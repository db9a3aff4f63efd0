//! `new`, `completions` and `man`: the starters pass `treatysim test`, the completion
//! scripts load in their shells and complete, the manual pages render without warnings.
//! bash, zsh, fish and groff are installed by `.ci/run`.

mod common;

use std::path::Path;
use std::process::Command;

use common::{assert_exit, bin, root, run_bin, text};

const TEMPLATES: [&str; 4] = ["consent", "act", "unilateral", "lawsuit"];

#[test]
fn every_template_passes_test() {
    let dir = tempfile::tempdir().unwrap();
    for template in TEMPLATES {
        let file = dir.path().join(format!("{template}.yaml"));
        let out = run_bin(&["new", file.to_str().unwrap(), "--template", template]);
        assert_exit(&out, 0, template);
        assert!(
            text(&out.stderr).contains("treatysim test"),
            "{}",
            text(&out.stderr)
        );
        let written = std::fs::read_to_string(&file).unwrap();
        // The header names the file the user chose.
        assert!(
            written.contains(&format!("treatysim test {}", file.display())),
            "{written}"
        );
        let out = run_bin(&["test", file.to_str().unwrap()]);
        assert_exit(&out, 0, template);
        assert!(text(&out.stdout).contains("1 passed, 0 failed"));
    }
}

#[test]
fn new_defaults_to_consent_and_prints_with_a_dash() {
    let out = run_bin(&["new", "-"]);
    assert_exit(&out, 0, "new -");
    assert!(text(&out.stdout).starts_with("# A starter scenario: withdrawal with the consent"));
    let out = run_bin(&["new", "-", "--template", "lawsut"]);
    assert_exit(&out, 2, "a misspelled template");
    let err = text(&out.stderr);
    assert!(err.contains("lawsuit"), "{err}");
}

#[test]
fn new_does_not_replace_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.yaml");
    std::fs::write(&file, "my own work\n").unwrap();
    let out = run_bin(&["new", file.to_str().unwrap()]);
    assert_exit(&out, 2, "an existing file");
    assert!(text(&out.stderr).contains("already exists"));
    assert!(text(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my own work\n");
    let out = run_bin(&[
        "new",
        file.to_str().unwrap(),
        "--template",
        "act",
        "--force",
    ]);
    assert_exit(&out, 0, "--force");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Act of Congress")
    );
    // Into a folder that does not exist: exit 2, nothing written.
    let missing = dir.path().join("no/such/folder/x.yaml");
    let out = run_bin(&["new", missing.to_str().unwrap()]);
    assert_exit(&out, 2, "a missing folder");
}

#[test]
fn new_links_the_schema_inside_a_source_tree() {
    let tree = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tree.path().join("docs")).unwrap();
    std::fs::copy(
        root().join("docs/scenario.schema.json"),
        tree.path().join("docs/scenario.schema.json"),
    )
    .unwrap();
    let folder = tree.path().join("scenarios/mine");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("story.yaml");
    let out = run_bin(&["new", file.to_str().unwrap()]);
    assert_exit(&out, 0, "new in a tree");
    let written = std::fs::read_to_string(&file).unwrap();
    let first = written.lines().next().unwrap();
    assert_eq!(
        first,
        "# yaml-language-server: $schema=../../docs/scenario.schema.json"
    );
    let linked = folder.join("../../docs/scenario.schema.json");
    assert!(linked.is_file(), "{}", linked.display());
    assert_exit(&run_bin(&["test", file.to_str().unwrap()]), 0, "test");
    // Outside any tree: no modeline.
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("story.yaml");
    assert_exit(&run_bin(&["new", file.to_str().unwrap()]), 0, "new");
    assert!(
        !std::fs::read_to_string(&file)
            .unwrap()
            .contains("yaml-language-server")
    );
}

fn subcommands() -> Vec<String> {
    let out = run_bin(&["--help"]);
    let help = text(&out.stdout);
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect()
}

fn completion_script(shell: &str) -> String {
    let out = run_bin(&["completions", shell]);
    assert_exit(&out, 0, shell);
    text(&out.stdout)
}

#[test]
fn bash_completes_commands_and_values() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("treatysim.bash");
    std::fs::write(&script, completion_script("bash")).unwrap();
    // Ask the completion function what it offers, as bash does on TAB.
    let complete = |words: &str| -> Vec<String> {
        let program = format!(
            "source '{}'\nCOMP_WORDS=({words})\nCOMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\nCOMP_LINE=\"{words}\"\nCOMP_POINT=${{#COMP_LINE}}\n_treatysim treatysim \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
            script.display()
        );
        let out = Command::new("bash")
            .args(["--norc", "--noprofile", "-c", &program])
            .output()
            .expect("bash runs");
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout).lines().map(str::to_string).collect()
    };
    let offered = complete("treatysim s");
    for expected in ["simulate", "schema"] {
        assert!(offered.contains(&expected.to_string()), "{offered:?}");
    }
    let offered = complete("treatysim new x.yaml --template ''");
    for template in TEMPLATES {
        assert!(offered.contains(&template.to_string()), "{offered:?}");
    }
    let offered = complete("treatysim completions ''");
    assert!(offered.contains(&"zsh".to_string()), "{offered:?}");
}

#[test]
fn every_shell_script_names_every_command_and_parses() {
    let commands = subcommands();
    assert!(commands.len() >= 16, "{commands:?}");
    let dir = tempfile::tempdir().unwrap();
    for (shell, check) in [
        ("bash", vec!["bash", "-n"]),
        ("zsh", vec!["zsh", "-n"]),
        ("fish", vec!["fish", "--no-execute"]),
        ("powershell", vec![]),
        ("elvish", vec![]),
    ] {
        let script = completion_script(shell);
        for command in &commands {
            assert!(script.contains(command.as_str()), "{shell}: no {command}");
        }
        if let Some((program, args)) = check.split_first() {
            let path = dir.path().join(format!("completions.{shell}"));
            std::fs::write(&path, &script).unwrap();
            let out = Command::new(program)
                .args(args)
                .arg(&path)
                .output()
                .unwrap_or_else(|e| {
                    panic!("{program} must be installed (.ci/run installs it): {e}")
                });
            assert!(out.status.success(), "{shell}: {}", text(&out.stderr));
        }
    }
    let out = run_bin(&["completions", "tcsh"]);
    assert_exit(&out, 2, "an unknown shell");
}

/// Renders a page with groff as `man` would, with every warning turned on.
fn groff(page: &Path) -> (String, String) {
    let out = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
        .arg(page)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("groff must be installed (.ci/run installs it)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    (text(&out.stdout), text(&out.stderr))
}

#[test]
fn the_manual_page_renders_cleanly() {
    let out = run_bin(&["man"]);
    assert_exit(&out, 0, "man");
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("treatysim.1");
    std::fs::write(&page, &out.stdout).unwrap();
    let (rendered, warnings) = groff(&page);
    assert!(warnings.is_empty(), "groff warned:\n{warnings}");
    for section in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "SUBCOMMANDS",
        "EXIT STATUS",
        "EXAMPLES",
    ] {
        assert!(rendered.contains(section), "no {section}:\n{rendered}");
    }
    for command in subcommands() {
        assert!(
            rendered.contains(&format!("treatysim-{command}")),
            "no {command}"
        );
    }
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_bin(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_exit(&out, 0, "man --dir");
    let mut expected: Vec<String> = subcommands()
        .iter()
        .map(|c| format!("treatysim-{c}.1"))
        .collect();
    expected.extend(
        [
            "treatysim.1",
            "treatysim-rulebook-list.1",
            "treatysim-rulebook-show.1",
        ]
        .map(String::from),
    );
    for name in &expected {
        let page = dir.path().join(name);
        assert!(page.is_file(), "no {name}");
        let (rendered, warnings) = groff(&page);
        assert!(warnings.is_empty(), "{name}: groff warned:\n{warnings}");
        assert!(rendered.contains("SYNOPSIS"), "{name}");
    }
    let out = run_bin(&["man", "--dir", dir.path().join("nope").to_str().unwrap()]);
    assert_exit(&out, 2, "a missing folder");
    assert!(text(&out.stderr).contains("no such folder"));
}

#[test]
fn version_matches_the_manifest() {
    let out = bin().arg("--version").output().unwrap();
    assert_exit(&out, 0, "--version");
    assert_eq!(
        text(&out.stdout).trim(),
        format!("treatysim {}", env!("CARGO_PKG_VERSION"))
    );
}
