//! JSON Schemas: of scenario files (for editors: completion, hover text, squiggles), and
//! of what `run --format json` and `simulate --format json` print.
//!
//! The scenario schema is derived by schemars from the very types serde reads files into
//! (`scenario::raw`), so a key cannot be added without it appearing here; the words
//! (actions, chambers, holdings...) and their descriptions come from [`crate::vocab`],
//! the bill statuses from the built-in rulebook, and which fields each action takes from
//! the table the checker uses. `docs/scenario.schema.json` is this output, kept up to date
//! by a test.

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::vocab::Word;

/// Where the committed scenario schema lives in the repository.
pub const SCENARIO_SCHEMA_PATH: &str = "docs/scenario.schema.json";

/// The schema of scenario files (JSON Schema draft-07, which every YAML language server
/// reads).
pub fn scenario() -> Value {
    tidy(crate::scenario::json_schema())
}

/// Joins the lines of descriptions taken from doc comments (editors wrap hover text
/// themselves) and puts `$schema`, `title` and `description` first.
fn tidy(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for key in ["$schema", "title", "description"] {
                if let Some(v) = map.get(key) {
                    out.insert(key.into(), tidy(v.clone()));
                }
            }
            for (key, v) in map {
                if out.contains_key(&key) {
                    continue;
                }
                out.insert(key, tidy(v));
            }
            if let Some(Value::String(text)) = out.get_mut("description") {
                *text = text.replace('\n', " ");
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(tidy).collect()),
        other => other,
    }
}

/// Where the committed rulebook schema lives in the repository.
pub const RULEBOOK_SCHEMA_PATH: &str = "docs/rulebook.schema.json";

/// The schema of rulebook files, derived from the types rulebook files are read into
/// (docs/rulebook-format.md explains every key).
pub fn rulebook() -> Value {
    tidy(crate::rulebook::json_schema())
}

/// The schema of rulebook files as pretty JSON with a final newline.
pub fn rulebook_text() -> String {
    pretty(&rulebook())
}

/// The schema of scenario files as pretty JSON with a final newline.
pub fn scenario_text() -> String {
    pretty(&scenario())
}

/// A schema as the committed files hold it: two-space indentation, a final newline.
fn pretty(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a JSON value serializes");
    text.push('\n');
    text
}

/// The generator of the scenario schema: draft-07, which every YAML language server reads.
pub fn generator() -> SchemaGenerator {
    schemars::generate::SchemaSettings::draft07().into_generator()
}

/// A closed vocabulary word: each allowed spelling with what it means (the hover text).
pub struct WordOf<W>(PhantomData<W>);

impl<W: Word> JsonSchema for WordOf<W> {
    fn schema_name() -> Cow<'static, str> {
        // "treaty status" → "TreatyStatus"
        W::KIND
            .split(' ')
            .map(|part| {
                let mut chars = part.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<String>()
            .into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let values: Vec<(&str, &str)> = W::ALL.iter().map(|w| (w.name(), w.describe())).collect();
        // No description of its own: an editor hovering over the key shows the key's.
        one_of_words(None, &values)
    }
}

/// `{type: string, enum, enumDescriptions, markdownEnumDescriptions}`: each allowed
/// spelling with what it means. The description arrays are the extension that VS Code's
/// JSON and YAML language servers read: completion shows each value's meaning, and
/// hovering lists the allowed values with theirs, the one written first. A word used
/// under a key that has its own description gets none here, so that the key's shows.
pub fn one_of_words(description: Option<&str>, values: &[(&str, &str)]) -> Schema {
    let names: Vec<&str> = values.iter().map(|(name, _)| *name).collect();
    let texts: Vec<&str> = values.iter().map(|(_, text)| *text).collect();
    let mut schema = json_schema!({
        "type": "string",
        "enum": names,
        "enumDescriptions": texts,
        "markdownEnumDescriptions": texts,
    });
    if let Some(description) = description {
        schema.insert("description".into(), description.into());
    }
    schema
}

/// A calendar date as YAML writes it unquoted.
pub struct DateText;

impl JsonSchema for DateText {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // No description of its own (see `one_of_words`): the keys say YYYY-MM-DD.
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "examples": ["2027-03-01"],
        })
    }
}

/// How the Vice President votes to break a Senate tie.
pub struct VicePresident;

impl JsonSchema for VicePresident {
    fn schema_name() -> Cow<'static, str> {
        "VicePresident".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        one_of_words(
            None,
            &[
                ("yea", "The Vice President votes yea."),
                ("nay", "The Vice President votes nay."),
            ],
        )
    }
}

/// A provision's id in `expect: violations`: the built-in ones offered, any accepted (a
/// custom rulebook may define others).
pub struct ProvisionId;

impl JsonSchema for ProvisionId {
    fn schema_name() -> Cow<'static, str> {
        "ProvisionId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut any: Vec<Value> = default_rulebook()
            .map(|p| {
                p.provisions
                    .iter()
                    .map(|x| {
                        let v = x.latest();
                        json!({
                            "const": x.id,
                            "description": format!("{} (in force {})", p.render(&v.title, p.now()), v.in_force.describe()),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        any.push(json!({ "description": "A provision defined by a custom rulebook." }));
        json_schema!({
            "type": "string",
            "anyOf": any,
        })
    }
}

/// A bill's status in `expect: bills`.
pub struct BillStatus;

impl JsonSchema for BillStatus {
    fn schema_name() -> Cow<'static, str> {
        "BillStatus".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let procedure = default_rulebook();
        let stage_text = |id: &str| -> String {
            procedure
                .and_then(|p| {
                    let bill = p.track(crate::vocab::TrackKind::Bill);
                    bill.graph
                        .node_weights()
                        .find(|s| s.status == id)
                        .map(|s| p.render(s.text_on(p.now()), p.now()).trim().to_string())
                })
                .unwrap_or_default()
        };
        let texts: Vec<(String, String)> = crate::rulebook::BILL_STATUSES
            .iter()
            .map(|id| (id.to_string(), stage_text(id)))
            .collect();
        let values: Vec<(&str, &str)> = texts
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        one_of_words(Some("A bill's status at the end of the run."), &values)
    }
}

/// A case's status in `expect: cases`: pending, or the holding that stands.
pub struct CaseStatus;

impl JsonSchema for CaseStatus {
    fn schema_name() -> Cow<'static, str> {
        "CaseStatus".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut values = vec![("pending", "Filed and not finally decided.")];
        values.extend(
            crate::vocab::Holding::ALL
                .iter()
                .map(|h| (h.name(), h.describe())),
        );
        one_of_words(
            Some("A case's status at the end of the run: pending, or the holding that stands."),
            &values,
        )
    }
}

/// The default rulebook compiled (for descriptions), once; `None` never happens for the
/// embedded one, but a schema is not worth a panic.
fn default_rulebook() -> Option<&'static crate::rulebook::Procedure> {
    static RULEBOOK: std::sync::OnceLock<Option<crate::rulebook::Procedure>> =
        std::sync::OnceLock::new();
    RULEBOOK
        .get_or_init(|| crate::rulebook::load(crate::rulebook::DEFAULT_ID).ok())
        .as_ref()
}

/// The schema of the JSON that `run --format json` (one document per file, `"kind":
/// "run"`) and `simulate --format json` (`"kind": "simulation"`) print, version
/// [`crate::report::json::FORMAT_VERSION`]. Every key is required and no other is allowed,
/// so the test that validates real output against it fails when either drifts.
pub fn output() -> Value {
    let version = crate::report::json::FORMAT_VERSION;
    let date = json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" });
    let date_or_null = json!({
        "anyOf": [date, { "type": "null" }],
    });
    let statuses = |what: &str| {
        json!({
            "description": format!("{what} id → status at the end, as in `expect:`."),
            "type": "object",
            "additionalProperties": { "type": "string" },
        })
    };
    let shares = |what: &str| {
        json!({
            "description": what,
            "type": "object",
            "additionalProperties": { "$ref": "#/definitions/Interval" },
        })
    };
    let object = |description: &str, properties: Value| {
        let required: Vec<String> = properties
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        json!({
            "description": description,
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": false,
        })
    };
    let header = |kind: &str| {
        json!({
            "format_version": { "description": "The version of this document's shape; bumped when a key changes meaning or goes away (new keys may be added to a version).", "const": version },
            "kind": { "description": "What printed the document.", "const": kind },
            "file": { "description": "The scenario file as named on the command line (<stdin> for -).", "type": "string" },
            "title": { "description": "The scenario's title.", "type": "string" },
            "rulebook": { "description": "The id of the rulebook it ran under.", "type": "string" },
        })
    };
    let mut run = header("run");
    let run_more = json!({
        "outcome": object("The state at the end of the run.", json!({
            "treaty": { "description": "The treaty's status: party, notice_pending, suspended, withdrawn.", "type": "string" },
            "effective_on": { "description": "The day withdrawal took effect; null unless withdrawn.", "anyOf": [date, { "type": "null" }] },
            "lawful": { "description": "True when no violation stands at the end.", "type": "boolean" },
            "enjoined": { "description": "True when an injunction against withdrawal is in force at the end.", "type": "boolean" },
            "violations": { "description": "The provisions whose violation stands, by the ids the rulebook gives them.", "type": "array", "items": { "type": "string" } },
            "set_aside": { "description": "Provisions breached but set aside while the statute is held invalid (a statute_invalid holding stands).", "type": "array", "items": { "type": "string" } },
            "notice_due": { "description": "The day a notice still pending at the end takes effect (the end of the treaty's notice period, or the later day it names); null when none is pending.", "anyOf": [date, { "type": "null" }] },
            "revoked_by_order": { "description": "True when the last notice was revoked as an injunction standing at the end of its period ordered.", "type": "boolean" },
            "acted_alone": { "description": "True when the President gave notice or suspended without consent or an Act while no statute forbade it: no violation, but whether the Constitution allows it is contested.", "type": "boolean" },
            "defied": { "description": "True when an injunction stands that the officials did not obey (`complied: false`).", "type": "boolean" },
            "authorized": { "description": "True when withdrawal is authorized: the Senate consented or an Act authorizes it.", "type": "boolean" },
            "end": { "description": "The day the clock stopped (the last event, or `until:`).", "anyOf": [date] },
        })),
        "bills": statuses("Bill"),
        "cases": statuses("Case"),
        "trace": {
            "description": "Every step taken, in order.",
            "type": "array",
            "items": object("One step of one track.", json!({
                "on": { "description": "The day of the step.", "anyOf": [date] },
                "track": { "description": "The track: treaty, suspension, consent, congress, executive, or bill ID / case ID.", "type": "string" },
                "from": { "description": "The stage before.", "type": "string" },
                "to": { "description": "The stage after.", "type": "string" },
                "step": { "description": "The step's id in the rulebook.", "type": "string" },
                "citation": { "description": "The source of law for the step, as cited.", "type": "string" },
                "note": { "description": "What happened and why, in plain words, with the vote arithmetic and consequences.", "type": "string" },
                "trigger": { "description": "The action that took the step, or `timer NAME` for a period that ran out.", "type": "string" },
                "actor": { "description": "Who took the step.", "type": "string" },
                "citation_id": { "description": "The citation's id in the rulebook (`treatysim explain` shows it).", "type": "string" },
                "arithmetic": { "description": "For a vote: the threshold arithmetic; else null.", "type": ["string", "null"] },
                "violations": { "description": "Provisions this step breached.", "type": "array", "items": { "type": "string" } },
                "doctrine": { "description": "For a ruling: the doctrine it rests on, with precedents; else null.", "type": ["string", "null"] },
            })),
        },
    });
    merge(&mut run, run_more);
    let mut run_schema = object(
        "One scenario run: `treatysim run FILE --format json` prints one per file.",
        run,
    );
    // Present only for a file with uncertain inputs: which history was drawn.
    run_schema["properties"]["drawn"] = object(
        "Only for a file with uncertain inputs: which history of the distribution this run is.",
        json!({
            "seed": { "description": "The seed (`run --seed`).", "type": "integer", "minimum": 0 },
            "trial": { "description": "The trial of the seed (`run --trial`), as `simulate` numbers them.", "type": "integer", "minimum": 0 },
            "note": { "description": "The same in words, with the events that did not happen in this history.", "type": "string" },
        }),
    );

    let mut simulation = header("simulation");
    let simulation_more = json!({
        "seed": { "description": "The seed: the same seed gives byte-identical output, whatever the thread count.", "type": "integer", "minimum": 0 },
        "trials": { "description": "Trials run (fewer than requested when interrupted).", "type": "integer", "minimum": 0 },
        "requested": { "description": "Trials asked for.", "type": "integer", "minimum": 0 },
        "partial": { "description": "True when interrupted (Ctrl-C) before all trials ran.", "type": "boolean" },
        "inputs": {
            "description": "The uncertain inputs, in file order.",
            "type": "array",
            "items": object("One uncertain input.", json!({
                "line": { "description": "The line of its event.", "type": "integer" },
                "event": { "description": "The event's index, from 0.", "type": "integer" },
                "action": { "description": "The event's action.", "type": "string" },
                "date": { "description": "The event's day (the start of a window).", "anyOf": [date] },
                "draws": { "description": "What is drawn, in words.", "type": "string" },
            })),
        },
        "treaty": shares("Treaty status → share of trials."),
        "lawful": { "description": "Trials that ended lawful.", "$ref": "#/definitions/Interval" },
        "violations": shares("Provision id → share of trials in which its violation stands."),
        "set_aside": { "description": "Trials in which a court set a provision aside.", "$ref": "#/definitions/Interval" },
        "enjoined": { "description": "Trials that ended with an injunction in force.", "$ref": "#/definitions/Interval" },
        "bills": { "description": "Bill id → status → share of trials.", "type": "object", "additionalProperties": shares("Status → share.") },
        "cases": { "description": "Case id → not_filed, pending or a holding → share of trials.", "type": "object", "additionalProperties": shares("Status → share.") },
        "effective_on": object("When withdrawal took effect, over the trials in which it did.", json!({
            "trials": { "type": "integer", "minimum": 0 },
            "earliest": date_or_null,
            "latest": date_or_null,
            "quantiles": { "description": "0.05, 0.25, 0.5, 0.75, 0.95 → day (null when none withdrew).", "type": "object", "additionalProperties": date_or_null },
        })),
        "distinct_paths": { "description": "How many different paths the trials took.", "type": "integer", "minimum": 0 },
        "paths": {
            "description": "The most frequent paths, most frequent first.",
            "type": "array",
            "items": object("One path.", json!({
                "trials": { "type": "integer", "minimum": 0 },
                "share": { "type": "number", "minimum": 0, "maximum": 1 },
                "first_trial": { "description": "The first trial that took it: `treatysim run FILE --seed S --trial N` replays it.", "type": "integer", "minimum": 0 },
                "steps": { "description": "Its steps, in words.", "type": "array", "items": { "type": "string" } },
            })),
        },
        "sensitivity": {
            "description": "Which inputs move the outcome most, largest spread first.",
            "type": "array",
            "items": object("One input's effect.", json!({
                "input": { "description": "The input's index in `inputs`.", "type": "integer", "minimum": 0 },
                "line": { "type": "integer" },
                "spread": { "description": "The largest difference in the share withdrawn between its buckets.", "type": "number" },
                "buckets": {
                    "type": "array",
                    "items": object("Trials in which the input took one value.", json!({
                        "value": { "type": "string" },
                        "trials": { "type": "integer", "minimum": 0 },
                        "withdrawn": { "description": "Share of these trials that ended withdrawn.", "type": "number" },
                        "lawful": { "description": "Share of these trials that ended lawful.", "type": "number" },
                    })),
                },
            })),
        },
        "events": {
            "description": "Each event of the file: in how many trials it happened.",
            "type": "array",
            "items": object("One event.", json!({
                "line": { "type": "integer" },
                "action": { "type": "string" },
                "happened": { "type": "integer", "minimum": 0 },
                "not_drawn": { "description": "Trials in which its chance said no.", "type": "integer", "minimum": 0 },
                "could_not_happen": { "description": "Trials in which an earlier draw made it impossible.", "type": "integer", "minimum": 0 },
            })),
        },
    });
    merge(&mut simulation, simulation_more);
    let simulation_schema = object(
        "An ensemble: `treatysim simulate FILE --format json`.",
        simulation,
    );
    let interval = object(
        "A share of trials with its 95% Wilson score interval.",
        json!({
            "trials": { "type": "integer", "minimum": 0 },
            "share": { "type": "number", "minimum": 0, "maximum": 1 },
            "ci95": { "type": "array", "items": { "type": "number", "minimum": 0, "maximum": 1 }, "minItems": 2, "maxItems": 2 },
        }),
    );
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "treatysim JSON output",
        "description": format!("What `treatysim run --format json` and `treatysim simulate --format json` print, format_version {version}. See docs/json-output.md."),
        "oneOf": [
            { "$ref": "#/definitions/Run" },
            { "$ref": "#/definitions/Simulation" },
        ],
        "definitions": {
            "Run": run_schema,
            "Simulation": simulation_schema,
            "Interval": interval,
        },
    })
}

/// The output schema as pretty JSON with a final newline.
pub fn output_text() -> String {
    pretty(&output())
}

fn merge(into: &mut Value, more: Value) {
    if let (Some(a), Value::Object(b)) = (into.as_object_mut(), more) {
        a.extend(b);
    }
}
