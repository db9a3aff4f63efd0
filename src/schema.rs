//! The pieces every JSON Schema of treatysim is built from: the generator (draft-07, which
//! every YAML language server reads), closed words with their meanings, dates, and the
//! tidying and printing the committed schemas share.
//!
//! This module sits below the ones whose files it describes: the schema of scenario files
//! is made in [`crate::scenario`] (derived by schemars from the very types serde reads
//! files into, so a key cannot be added without it appearing), that of rulebook files in
//! [`crate::rulebook`], and that of the JSON output in [`crate::report`]; each is kept up
//! to date in docs/ by a test.

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::vocab::Word;

/// Where the committed scenario schema lives in the repository.
pub const SCENARIO_SCHEMA_PATH: &str = "docs/scenario.schema.json";

/// Joins the lines of descriptions taken from doc comments (editors wrap hover text
/// themselves) and puts `$schema`, `title` and `description` first.
pub fn tidy(value: Value) -> Value {
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

/// A schema as the committed files hold it: two-space indentation, a final newline.
pub fn pretty(schema: &Value) -> String {
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
