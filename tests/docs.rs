//! The examples in docs/ run: every ```yaml block in docs/scenario-format.md is a
//! scenario that must run and meet its own expectations.

mod common;

use common::*;

#[test]
fn scenario_format_examples_run() {
    let doc = std::fs::read_to_string(root().join("docs/scenario-format.md")).unwrap();
    let blocks: Vec<&str> = doc
        .split("```yaml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap())
        .collect();
    assert!(
        !blocks.is_empty(),
        "docs/scenario-format.md has no yaml examples"
    );
    let dir = std::env::temp_dir().join(format!("treatysim-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, block) in blocks.iter().enumerate() {
        let path = dir.join(format!("example{i}.yaml"));
        std::fs::write(&path, block).unwrap();
        let out = run_bin(&["test", path.to_str().unwrap()]);
        assert_exit(&out, 0, &format!("example {i} of docs/scenario-format.md"));
        assert!(
            text(&out.stdout).contains("1 passed, 0 failed"),
            "example {i} checks nothing"
        );
    }
}

/// The ```yaml blocks of a doc, in order.
fn yaml_blocks(doc: &str) -> Vec<String> {
    doc.split("```yaml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap().to_string())
        .collect()
}

/// docs/law.md's worked example is real: its rulebook for the Chemical Weapons
/// Convention compiles, and its scenario, kept beside it, passes `treatysim test` with
/// the 90 days counted (2027-03-01 to 2027-05-30); `test` on the folder skips the
/// rulebook.
#[test]
fn the_law_docs_worked_example_runs() {
    let doc = std::fs::read_to_string(root().join("docs/law.md")).unwrap();
    let blocks = yaml_blocks(&doc);
    let rulebook = blocks
        .iter()
        .find(|b| b.contains("\nid: cwc-1993\n"))
        .expect("docs/law.md has the CWC rulebook");
    let scenario = blocks
        .iter()
        .find(|b| b.contains("rulebook: cwc-1993.yaml"))
        .expect("docs/law.md has the CWC scenario");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cwc-1993.yaml"), rulebook).unwrap();
    std::fs::write(dir.path().join("notice.yaml"), scenario).unwrap();
    let out = run_bin(&["test", dir.path().to_str().unwrap()]);
    assert_exit(&out, 0, "the worked example");
    let t = text(&out.stdout);
    assert!(t.contains("1 passed, 0 failed, 1 skipped"), "{t}");
    assert!(t.contains("a rulebook file, not a scenario"), "{t}");
    let show = run_bin(&[
        "rulebook",
        "show",
        dir.path().join("cwc-1993.yaml").to_str().unwrap(),
    ]);
    assert_exit(&show, 0, "rulebook show of the example");
    assert!(text(&show.stdout).contains("takes effect 90 days later"));
}

/// docs/rulebook-format.md's example rulebook compiles.
#[test]
fn the_rulebook_formats_example_compiles() {
    let doc = std::fs::read_to_string(root().join("docs/rulebook-format.md")).unwrap();
    let examples: Vec<String> = yaml_blocks(&doc)
        .into_iter()
        .filter(|b| b.starts_with("id:"))
        .collect();
    assert!(!examples.is_empty(), "no example rulebook");
    let dir = tempfile::tempdir().unwrap();
    for (i, example) in examples.iter().enumerate() {
        let path = dir.path().join(format!("example{i}.yaml"));
        std::fs::write(&path, example).unwrap();
        let out = run_bin(&["rulebook", "show", path.to_str().unwrap()]);
        assert_exit(&out, 0, &format!("example {i} of docs/rulebook-format.md"));
    }
}

/// docs/rulebook-format.md documents every key of a rulebook file (every property of
/// every object in the rulebook schema), every word of the closed vocabularies, every
/// template name and every message, each written as `code`.
#[test]
fn the_rulebook_format_documents_every_key() {
    let doc = std::fs::read_to_string(root().join("docs/rulebook-format.md")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/rulebook.schema.json")).unwrap(),
    )
    .unwrap();
    fn walk(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                // `properties` is a schema keyword when its values are all schemas (a
                // rulebook also has a key named `properties`, whose schema is not).
                if let Some(serde_json::Value::Object(props)) = map.get("properties")
                    && props.values().all(serde_json::Value::is_object)
                {
                    out.extend(props.keys().cloned());
                }
                for word in ["const", "enum"] {
                    match map.get(word) {
                        Some(serde_json::Value::String(s)) => {
                            out.insert(s.clone());
                        }
                        Some(serde_json::Value::Array(all)) => {
                            out.extend(all.iter().filter_map(|v| v.as_str().map(String::from)));
                        }
                        _ => {}
                    }
                }
                map.values().for_each(|v| walk(v, out));
            }
            serde_json::Value::Array(all) => all.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut words = std::collections::BTreeSet::new();
    walk(&schema, &mut words);
    assert!(words.len() > 80, "only {} words in the schema", words.len());
    for (name, _) in treatysim::rulebook::words::NAMES {
        words.insert(format!("{{{name}}}"));
    }
    for message in treatysim::rulebook::words::MESSAGES {
        words.insert(message.key.to_string());
    }
    for requirement in [
        "cloture",
        "in_session",
        "plaintiff_authorized",
        "treaty_in_force",
        "notice_allowed",
    ] {
        words.insert(requirement.to_string());
    }
    let missing: Vec<&String> = words
        .iter()
        .filter(|w| !doc.contains(&format!("`{w}`")) && !doc.contains(&format!("`{w},")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/rulebook-format.md does not document {missing:?}"
    );
}
