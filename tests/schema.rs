//! The JSON Schemas: the committed files are what the binary prints, every scenario the
//! project ships validates against the scenario schema, and so does every JSON document
//! `run` and `simulate` print against the output schema, checked with the `jsonschema`
//! crate, a validator independent of schemars that generated them. Broken files must
//! fail, so the schemas are not vacuous.

mod common;

use std::path::PathBuf;

use common::{assert_exit, root, run_bin, text, yaml_files};
use serde_json::Value;

fn committed(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn validator(path: &str) -> jsonschema::Validator {
    jsonschema::draft7::new(&committed(path))
        .unwrap_or_else(|e| panic!("{path} is not a valid draft-07 schema: {e}"))
}

/// A YAML file as JSON, read as YAML 1.2 (as the YAML language server reads it: `on` is a
/// key, not `true`).
fn yaml_as_json(text: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).unwrap()
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn committed_schemas_are_what_the_binary_prints() {
    for (args, path) in [
        (&["schema"][..], "docs/scenario.schema.json"),
        (&["schema", "scenario"][..], "docs/scenario.schema.json"),
        (&["schema", "output"][..], "docs/output.schema.json"),
        (&["schema", "rulebook"][..], "docs/rulebook.schema.json"),
    ] {
        let out = run_bin(args);
        assert_exit(&out, 0, "schema");
        let now = text(&out.stdout);
        let kept = std::fs::read_to_string(root().join(path)).unwrap();
        assert!(
            now == kept,
            "{path} is out of date; regenerate it with\n  cargo run -- {} -o {path}",
            args.join(" ")
        );
    }
}

/// Every scenario the project ships: scenarios/ (with subfolders), the worked examples
/// that pass, and the starters of `treatysim new`.
fn shipped_scenarios() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![root().join("scenarios")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "yaml") {
                files.push(path);
            }
        }
    }
    files.extend(yaml_files(&root().join("tests/acceptance/pass")));
    files.extend(yaml_files(&root().join("src/templates")));
    files.extend(yaml_files(&root().join("docs/classroom/exercises")));
    files.sort();
    files
}

#[test]
fn every_shipped_scenario_validates() {
    let validator = validator("docs/scenario.schema.json");
    let files = shipped_scenarios();
    assert!(files.len() > 40, "found only {} files", files.len());
    for file in files {
        let value = yaml_as_json(&std::fs::read_to_string(&file).unwrap());
        let errors = errors(&validator, &value);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

/// Every built-in rulebook validates against the rulebook schema, and broken rulebooks
/// do not: the schema is the one the editor reads while a law student writes a rulebook.
#[test]
fn every_builtin_rulebook_validates_and_broken_ones_do_not() {
    let validator = validator("docs/rulebook.schema.json");
    let files = yaml_files(&root().join("src/rulebooks"));
    assert!(files.len() >= 9, "found only {} rulebooks", files.len());
    for file in files {
        let value = yaml_as_json(&std::fs::read_to_string(&file).unwrap());
        let errors = errors(&validator, &value);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
    let good = "id: mine\nextends: us-nato-2024\ntitle: t\n";
    assert!(errors(&validator, &yaml_as_json(good)).is_empty());
    for (what, text) in [
        (
            "an id with a slash",
            "id: ../x\nextends: us-nato-2024\ntitle: t\n",
        ),
        (
            "a misspelled key",
            "id: x\nextend: us-nato-2024\ntitle: t\n",
        ),
        (
            "a period without a unit",
            "id: x\nextends: us-base\ntitle: t\ntreaty: { notice_period: 6 }\n",
        ),
        (
            "a misspelled unit",
            "id: x\nextends: us-base\ntitle: t\ntreaty: { notice_period: 6 monts }\n",
        ),
        (
            "a date that is not YYYY-MM-DD",
            "id: x\nextends: us-base\ntitle: t\nlaw_as_of: last year\n",
        ),
        (
            "an unknown threshold rule",
            "id: x\nextends: us-base\ntitle: t\nparameters: { consent: { rule: most } }\n",
        ),
        (
            "an unknown prevention",
            "id: x\nextends: us-base\ntitle: t\nparameters: { pocket_veto: { sine_die: maybe, intersession: never, intrasession: never, unspecified: never, short_recess_days: 3 } }\n",
        ),
        (
            "a dated value without a value",
            "id: x\nextends: us-base\ntitle: t\nparameters: { return_days: [ { from: 2030-01-01 } ] }\n",
        ),
    ] {
        assert!(
            !errors(&validator, &yaml_as_json(text)).is_empty(),
            "{what} validated"
        );
    }
}

#[test]
fn broken_scenarios_do_not_validate() {
    let validator = validator("docs/scenario.schema.json");
    let good = "title: t\nevents:\n  - on: 2027-03-01\n    do: give_notice\n";
    assert!(errors(&validator, &yaml_as_json(good)).is_empty());
    let cases = [
        ("a misspelled top-level key", "title: t\nevnts: []\n"),
        ("no events", "title: t\n"),
        (
            "no title",
            "events:\n  - {on: 2027-03-01, do: give_notice}\n",
        ),
        (
            "an unknown action",
            "title: t\nevents:\n  - {on: 2027-03-01, do: give_notise}\n",
        ),
        (
            "a misspelled event key",
            "title: t\nevents:\n  - {on: 2027-03-01, do: give_notice, nte: x}\n",
        ),
        (
            "a date that is not YYYY-MM-DD",
            "title: t\nevents:\n  - {on: March 1, do: give_notice}\n",
        ),
        (
            "a field the action does not take",
            "title: t\nevents:\n  - {on: 2027-03-01, do: give_notice, yeas: 3}\n",
        ),
        (
            "a vote without nays",
            "title: t\nevents:\n  - {on: 2027-03-01, do: consent_vote, yeas: 67}\n",
        ),
        (
            "a vote without yeas",
            "title: t\nevents:\n  - {on: 2027-03-01, do: consent_vote, nays: 33}\n",
        ),
        (
            "binomial yeas with nays",
            "title: t\nevents:\n  - {on: 2027-03-01, do: consent_vote, yeas: {binomial: [100, 0.6]}, nays: 3}\n",
        ),
        (
            "a chance over 1",
            "title: t\nevents:\n  - {on: 2027-03-01, do: give_notice, chance: 1.5}\n",
        ),
        (
            "negative votes",
            "title: t\nevents:\n  - {on: 2027-03-01, do: consent_vote, yeas: -1, nays: 3}\n",
        ),
        (
            "an unknown chamber",
            "title: t\nevents:\n  - {on: 2027-03-01, do: introduce, bill: b, chamber: senat, purpose: authorize_withdrawal}\n",
        ),
        (
            "an unknown holding",
            "title: t\nevents:\n  - {on: 2027-03-01, do: rule, case: c, holding: moot}\n",
        ),
        (
            "an unknown plaintiff",
            "title: t\nevents:\n  - {on: 2027-03-01, do: file_suit, case: c, plaintiff: citizen}\n",
        ),
        (
            "an unknown treaty status",
            "title: t\nevents:\n  - {on: 2027-03-01, do: give_notice}\nexpect: {treaty: gone}\n",
        ),
        (
            "an unknown bill status",
            "title: t\nevents:\n  - {on: 2027-03-01, do: give_notice}\nexpect: {bills: {b: signed}}\n",
        ),
        (
            "senators over 100",
            "title: t\nsetup: {senators_sworn: 101}\nevents:\n  - {on: 2027-03-01, do: give_notice}\n",
        ),
        (
            "a window of one date",
            "title: t\nevents:\n  - {on: {between: [2027-03-01]}, do: give_notice}\n",
        ),
    ];
    for (what, yaml) in cases {
        let value = yaml_as_json(yaml);
        assert!(
            !errors(&validator, &value).is_empty(),
            "{what} validated:\n{yaml}"
        );
    }
}

#[test]
fn every_key_and_word_has_a_description() {
    let schema = committed("docs/scenario.schema.json");
    fn walk(value: &Value, at: &str, missing: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    for (key, prop) in props {
                        // `false` forbids a field for an action: nothing to describe.
                        if prop.is_object()
                            && !prop.as_object().unwrap().contains_key("description")
                        {
                            missing.push(format!("{at}/properties/{key}"));
                        }
                    }
                }
                if map.contains_key("const") && !map.contains_key("description") {
                    missing.push(format!("{at} (const {})", map["const"]));
                }
                // Each allowed word with its meaning, as VS Code's language servers read them.
                if let Some(Value::Array(words)) = map.get("enum") {
                    for key in ["enumDescriptions", "markdownEnumDescriptions"] {
                        let texts = map.get(key).and_then(Value::as_array);
                        let complete = texts.is_some_and(|t| {
                            t.len() == words.len()
                                && t.iter().all(|d| d.as_str().is_some_and(|d| !d.is_empty()))
                        });
                        if !complete {
                            missing.push(format!("{at} ({key} for {words:?})"));
                        }
                    }
                }
                for (key, v) in map {
                    if key != "allOf" {
                        walk(v, &format!("{at}/{key}"), missing);
                    }
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    let mut missing = Vec::new();
    walk(&schema, "", &mut missing);
    assert!(missing.is_empty(), "no description: {missing:#?}");
    // Each action's hover text is the vocabulary's.
    let action = &schema["definitions"]["Action"];
    assert_eq!(action["enum"].as_array().unwrap().len(), 24);
    assert_eq!(action["enum"][3], "give_notice");
    assert!(
        action["enumDescriptions"][3]
            .as_str()
            .unwrap()
            .contains("the treaty's notice period")
    );
}

fn json_documents(stdout: &[u8]) -> Vec<Value> {
    serde_json::Deserializer::from_slice(stdout)
        .into_iter::<Value>()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn run_and_simulate_json_validate_against_the_output_schema() {
    let validator = validator("docs/output.schema.json");
    let files: Vec<PathBuf> = yaml_files(&root().join("scenarios"));
    let mut args: Vec<String> = vec!["run".into(), "--format".into(), "json".into()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run_bin(&args);
    assert_exit(&out, 0, "run --format json");
    let documents = json_documents(&out.stdout);
    assert_eq!(documents.len(), files.len());
    for (doc, file) in documents.iter().zip(&files) {
        let errors = errors(&validator, doc);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
        assert_eq!(doc["format_version"], 2);
        assert_eq!(doc["kind"], "run");
    }
    for file in [
        "scenarios/uncertain-senate-and-courts.yaml",
        "scenarios/act-veto-overridden.yaml",
    ] {
        let path = root().join(file);
        let out = run_bin(&[
            "simulate",
            path.to_str().unwrap(),
            "--trials",
            "500",
            "--format",
            "json",
        ]);
        assert_exit(&out, 0, "simulate --format json");
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors = errors(&validator, &doc);
        assert!(errors.is_empty(), "{file}: {errors:#?}");
        assert_eq!(doc["kind"], "simulation");
    }
}

#[test]
fn output_schema_refuses_drift() {
    let validator = validator("docs/output.schema.json");
    let path = root().join("scenarios/consent-route.yaml");
    let out = run_bin(&["run", "--format", "json", path.to_str().unwrap()]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(errors(&validator, &doc).is_empty());
    let mut extra = doc.clone();
    extra["outcome"]["surprise"] = Value::Bool(true);
    assert!(!errors(&validator, &extra).is_empty(), "an unknown key");
    let mut missing = doc.clone();
    missing["trace"][0]
        .as_object_mut()
        .unwrap()
        .remove("citation");
    assert!(!errors(&validator, &missing).is_empty(), "a missing key");
    let mut version = doc;
    version["format_version"] = Value::from(1);
    assert!(!errors(&validator, &version).is_empty(), "another version");
}

#[test]
fn schema_writes_a_file_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("s.json");
    let out = run_bin(&["schema", "-o", target.to_str().unwrap()]);
    assert_exit(&out, 0, "schema -o");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        std::fs::read_to_string(root().join("docs/scenario.schema.json")).unwrap()
    );
    let out = run_bin(&["schema", "outptu"]);
    assert_exit(&out, 2, "an unknown schema");
    assert!(
        text(&out.stderr).contains("scenario, output"),
        "{}",
        text(&out.stderr)
    );
}
