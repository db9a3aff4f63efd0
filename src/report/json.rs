//! The `--format json` document: the keys of the command-line contract, in a stable
//! order, plus a few more that machines find useful.

use serde_json::{Map, Value, json};

use crate::engine::Run;
use crate::rulebook::Procedure;
use crate::scenario::Scenario;

/// The version of this document's shape; bumped when a key changes meaning.
pub const FORMAT_VERSION: u32 = 2;

/// One JSON document for one run.
pub fn to_json(p: &Procedure, s: &Scenario, run: &Run) -> Value {
    let o = &run.outcome;
    let mut outcome = Map::new();
    outcome.insert("treaty".into(), json!(o.treaty.to_string()));
    outcome.insert(
        "effective_on".into(),
        json!(o.effective_on.map(|d| d.to_string())),
    );
    outcome.insert("lawful".into(), json!(o.lawful));
    outcome.insert("enjoined".into(), json!(o.enjoined));
    outcome.insert("violations".into(), json!(o.violations));
    outcome.insert("set_aside".into(), json!(o.set_aside));
    outcome.insert(
        "notice_due".into(),
        json!(o.notice_due.map(|d| d.to_string())),
    );
    outcome.insert("revoked_by_order".into(), json!(o.revoked_by_order));
    outcome.insert("acted_alone".into(), json!(o.acted_alone));
    outcome.insert("defied".into(), json!(o.defied));
    outcome.insert("authorized".into(), json!(o.authorized));
    outcome.insert("end".into(), json!(o.end.to_string()));

    let pairs = |list: &[(String, String)]| {
        Value::Object(list.iter().map(|(k, v)| (k.clone(), json!(v))).collect())
    };
    let trace: Vec<Value> = super::explain(p, s, run)
        .into_iter()
        .map(|e| {
            let mut step = Map::new();
            step.insert("on".into(), json!(e.date));
            step.insert("track".into(), json!(e.track));
            step.insert("from".into(), json!(e.from));
            step.insert("to".into(), json!(e.to));
            step.insert("step".into(), json!(e.step));
            step.insert("citation".into(), json!(e.citation));
            let mut note = e.text.clone();
            for extra in [&e.arithmetic, &e.consequence].into_iter().flatten() {
                note.push(' ');
                note.push_str(extra);
            }
            step.insert("note".into(), json!(note));
            step.insert("trigger".into(), json!(e.trigger));
            step.insert("actor".into(), json!(e.actor));
            step.insert("citation_id".into(), json!(e.citation_id));
            step.insert("arithmetic".into(), json!(e.arithmetic));
            step.insert(
                "violations".into(),
                json!(e.violations.iter().map(|(id, _)| id).collect::<Vec<_>>()),
            );
            step.insert("doctrine".into(), json!(e.doctrine));
            Value::Object(step)
        })
        .collect();

    let mut doc = Map::new();
    doc.insert("format_version".into(), json!(FORMAT_VERSION));
    doc.insert("kind".into(), json!("run"));
    doc.insert("file".into(), json!(s.file));
    doc.insert("title".into(), json!(s.title));
    doc.insert("rulebook".into(), json!(p.rulebook.id));
    doc.insert("outcome".into(), Value::Object(outcome));
    doc.insert("bills".into(), pairs(&o.bills));
    doc.insert("cases".into(), pairs(&o.cases));
    doc.insert("trace".into(), Value::Array(trace));
    Value::Object(doc)
}
