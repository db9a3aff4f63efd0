//! The schema of the JSON that `run --format json` and `simulate --format json` print.

use serde_json::{Value, json};

use crate::schema::pretty;

/// The schema of the JSON that `run --format json` (one document per file, `"kind":
/// "run"`) and `simulate --format json` (`"kind": "simulation"`) print, version
/// [`crate::report::json::FORMAT_VERSION`]. Every key is required and no other is allowed,
/// so the test that validates real output against it fails when either drifts.
/// Long because: it is one JSON Schema document written as the literal it produces,
/// read top to bottom like the committed docs/output.schema.json; split, its parts would
/// have to be put back together in the reader's head.
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
