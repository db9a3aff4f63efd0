//! The schema of scenario files, and the parts of it that the built-in rulebook words:
//! provision ids, bill statuses, case statuses.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::schema::{one_of_words, pretty, tidy};
use crate::vocab::Word;

/// The schema of scenario files (JSON Schema draft-07, which every YAML language server
/// reads).
pub fn schema() -> Value {
    tidy(super::json_schema())
}

/// The schema of scenario files as pretty JSON with a final newline.
pub fn schema_text() -> String {
    pretty(&schema())
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
