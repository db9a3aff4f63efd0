//! `new`, `completions` and `man`: the starters pass `treatysim test`, the completion
//! scripts name every command and bash completes with its own, the manual pages have
//! their sections. zsh, fish and groff check theirs in tests/external.rs.

mod common;

use std::process::Command;

use common::{assert_exit, bin, completion_script, man_pages, root, run_bin, subcommands, text};

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
fn every_shell_script_names_every_command_and_bash_parses_its_own() {
    // zsh, fish and groff check their scripts and pages in tests/external.rs.
    let commands = subcommands();
    assert!(commands.len() >= 16, "{commands:?}");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = completion_script(shell);
        for command in &commands {
            assert!(script.contains(command.as_str()), "{shell}: no {command}");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("completions.bash");
    std::fs::write(&path, completion_script("bash")).unwrap();
    let out = Command::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = run_bin(&["completions", "tcsh"]);
    assert_exit(&out, 2, "an unknown shell");
}

#[test]
fn the_manual_page_has_its_sections() {
    let out = run_bin(&["man"]);
    assert_exit(&out, 0, "man");
    let page = text(&out.stdout);
    assert!(page.contains(&format!(
        ".TH treatysim 1  \"treatysim {}\"",
        env!("CARGO_PKG_VERSION")
    )));
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH EXAMPLES",
        ".SH \"SEE ALSO\"",
    ] {
        assert!(page.contains(section), "no {section}:\n{page}");
    }
    for command in subcommands() {
        assert!(
            page.contains(&format!("treatysim\\-{command}(1)")),
            "no {command}"
        );
    }
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_bin(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_exit(&out, 0, "man --dir");
    for name in man_pages() {
        let page = std::fs::read_to_string(dir.path().join(&name))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let title = name.trim_end_matches(".1");
        assert!(page.contains(&format!(".TH {title} 1 ")), "{name}:\n{page}");
        assert!(page.contains(".SH SYNOPSIS"), "{name}");
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
