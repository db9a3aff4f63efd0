//! The scenario file's shape as serde reads it: every key known, every value spanned.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, Error as _, MapAccess, Visitor};

use super::schema::{BillStatus, CaseStatus, ProvisionId};
use crate::diag::Place;
use crate::schema::{DateText, VicePresident, WordOf};
use crate::vocab::{Action, AdjournmentKind, Chamber, Plaintiff, Purpose, Remedy, TreatyStatus};
use crate::yaml::{Spanned, place};

/// A treatysim scenario: a story of dated events run through the procedure for leaving
/// a treaty (the North Atlantic Treaty unless its rulebook names another), with the law
/// cited at every step. See docs/scenario-format.md.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Scenario")]
pub(super) struct RawScenario {
    /// The scenario's title, shown above its trace and report (required).
    #[schemars(with = "String")]
    pub title: Spanned<String>,
    /// Free text: what the story is and what it teaches.
    #[schemars(with = "Option<String>")]
    pub summary: Option<Spanned<String>>,
    /// The rulebook the story runs under: a built-in id (us-nato-2024, the law in force,
    /// is the default; `treatysim rulebook list` lists the others) or the path of a
    /// rulebook file, relative to this file.
    #[schemars(with = "Option<String>", extend("examples" = [
        "us-nato-2024", "us-pre-2024", "as-reported-60", "abm-1972", "inf-1987",
        "open-skies-1992", "paris-2015", "taiwan-1954"
    ]))]
    pub rulebook: Option<Spanned<String>>,
    /// The composition of Congress and whether the Senate filibusters bills.
    pub setup: Option<RawSetup>,
    /// The clock runs to this date (YYYY-MM-DD, a day that exists) after the last event,
    /// so that deadlines can pass: the treaty's notice period, the committees' notice, the
    /// President's days to sign.
    #[schemars(with = "Option<DateText>")]
    pub until: Option<Spanned<String>>,
    /// The events, in date order (equal dates keep file order) (required).
    #[schemars(with = "RawEvents")]
    pub events: Spanned<RawEvents>,
    /// What `treatysim test` checks at the end of the run; every key is optional.
    pub expect: Option<RawExpect>,
}

/// The list of events, read one by one so that a file with more than the `events`
/// limit is refused at the first event over it, before the rest is read.
#[derive(Debug)]
pub(super) struct RawEvents(pub Vec<Spanned<RawEvent>>);

impl<'de> Deserialize<'de> for RawEvents {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Events;
        impl<'de> Visitor<'de> for Events {
            type Value = RawEvents;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of events")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawEvents, A::Error> {
                let limit = crate::limits::get().events;
                let mut events = Vec::new();
                while let Some(event) = seq.next_element()? {
                    if events.len() == limit {
                        return Err(A::Error::custom(crate::yaml::with_help(
                            format!(
                                "the scenario has more than {} events (the events limit)",
                                crate::diag::thousands(limit as u64)
                            ),
                            crate::limits::how_to_raise(
                                crate::limits::Name::Events,
                                limit as u64 + 1,
                            ),
                        )));
                    }
                    events.push(event);
                }
                Ok(RawEvents(events))
            }
        }
        deserializer.deserialize_seq(Events)
    }
}

/// The composition of Congress; defaults: 100 senators, 435 representatives, filibuster.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Setup")]
pub(super) struct RawSetup {
    /// Senators duly chosen and sworn (default 100; vacancies lower it). Cloture is
    /// counted among them; a quorum is a majority of them.
    #[schemars(with = "Option<u32>", range(min = 1, max = 100))]
    pub senators_sworn: Option<Spanned<i64>>,
    /// Representatives duly chosen and sworn (default 435); a quorum is a majority.
    #[schemars(with = "Option<u32>", range(min = 1, max = 435))]
    pub representatives_sworn: Option<Spanned<i64>>,
    /// Whether someone filibusters in the Senate (default true): then the Senate's vote on
    /// passage of a bill, and on a resolution of advice and consent, needs cloture first.
    #[schemars(with = "Option<bool>")]
    pub filibuster: Option<Spanned<bool>>,
    /// Whether someone filibusters a veto message (default false): then the Senate's
    /// override vote needs cloture on it first.
    #[schemars(with = "Option<bool>")]
    pub filibuster_veto: Option<Spanned<bool>>,
}

/// One dated event: `on` a day, someone does `do`.
// Every field any action takes; which ones an action accepts is checked after reading
// (and stated in the schema by `crate::schema`, from `fields_of`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Event")]
pub(super) struct RawEvent {
    /// The day (YYYY-MM-DD), or for `simulate` a window `{between: [FROM, TO]}` from which a
    /// day is drawn.
    #[schemars(with = "RawDate")]
    pub on: Spanned<RawDate>,
    /// What happens: the action.
    #[serde(rename = "do")]
    #[schemars(with = "WordOf<Action>")]
    pub action: Spanned<String>,
    /// Free text shown beside the step in the trace and report.
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
    /// spend: the dollars used to carry out withdrawal.
    #[schemars(with = "Option<f64>", range(min = 0))]
    pub amount: Option<Spanned<f64>>,
    /// drawdown: the troops withdrawn.
    #[schemars(with = "Option<u32>")]
    pub troops: Option<Spanned<i64>>,
    /// Votes in favour (consent_vote, vote, cloture_vote, override, authorize_suit), or
    /// for `simulate` `{binomial: [VOTING, CHANCE]}`: each of VOTING members votes yea with
    /// CHANCE and the rest nay (then give no `nays`).
    #[schemars(with = "Option<RawCount>")]
    pub yeas: Option<Spanned<RawCount>>,
    /// Votes against.
    #[schemars(with = "Option<u32>")]
    pub nays: Option<Spanned<i64>>,
    /// Members present but not voting: they count toward a quorum, not among those
    /// voting.
    #[schemars(with = "Option<u32>")]
    pub present: Option<Spanned<i64>>,
    /// vote (Senate): how the Vice President, as President of the Senate, breaks a tie:
    /// yea or nay.
    #[schemars(with = "Option<VicePresident>")]
    pub vice_president: Option<Spanned<String>>,
    /// The bill's id, chosen when it is introduced (e.g. hr-3, s-12).
    #[schemars(with = "Option<String>")]
    pub bill: Option<Spanned<String>>,
    /// The chamber that acts.
    #[schemars(with = "Option<WordOf<Chamber>>")]
    pub chamber: Option<Spanned<String>>,
    /// introduce: what the bill does.
    #[schemars(with = "Option<WordOf<Purpose>>")]
    pub purpose: Option<Spanned<String>>,
    /// The case's id, chosen when it is filed (e.g. senate-v-secretary).
    #[schemars(with = "Option<String>")]
    pub case: Option<Spanned<String>>,
    /// file_suit: who sues; standing turns on it.
    #[schemars(with = "Option<WordOf<Plaintiff>>")]
    pub plaintiff: Option<Spanned<String>>,
    /// rule: what the court holds; for `simulate` also `doctrine` (the rulebook's weights
    /// for the plaintiff) or weights such as `{no_standing: 0.6, unlawful: 0.4}`.
    #[schemars(with = "Option<RawHolding>")]
    pub holding: Option<Spanned<RawHolding>>,
    /// rule: what the court orders with an `unlawful` holding (default none).
    #[schemars(with = "Option<WordOf<Remedy>>")]
    pub remedy: Option<Spanned<String>>,
    /// cert: whether the Supreme Court grants certiorari.
    #[schemars(with = "Option<bool>")]
    pub granted: Option<Spanned<bool>>,
    /// give_notice: a later day the notice names for withdrawal to take effect (YYYY-MM-DD;
    /// no earlier than the treaty's notice period allows).
    #[schemars(with = "Option<DateText>")]
    pub effective: Option<Spanned<String>>,
    /// adjourn: the kind of adjournment (sine_die, intersession, intrasession); which kinds
    /// prevent a bill's return is the rulebook's view. Without it, the adjournment is taken
    /// to prevent the return.
    #[schemars(with = "Option<WordOf<AdjournmentKind>>")]
    pub kind: Option<Spanned<String>>,
    /// adjourn (intrasession): how many days the recess lasts.
    #[schemars(with = "Option<u32>", range(min = 1))]
    pub days: Option<Spanned<i64>>,
    /// adjourn: whether an officer or agent was appointed to receive the President's
    /// messages during the adjournment (default false).
    #[schemars(with = "Option<bool>")]
    pub agent: Option<Spanned<bool>>,
    /// rule (with remedy injunction): whether the officials obey the order (default true).
    /// With false, they defy it, and a pending notice takes effect at the end of its period
    /// all the same.
    #[schemars(with = "Option<bool>")]
    pub complied: Option<Spanned<bool>>,
    /// For `simulate`: the chance (0 to 1) that the event happens at all.
    #[schemars(with = "Option<f64>", range(min = 0, max = 1))]
    pub chance: Option<Spanned<f64>>,
}

impl RawEvent {
    /// The action-specific fields the file gave, with where each stands.
    pub fn present_fields(&self) -> Vec<(&'static str, Place)> {
        let mut out = Vec::new();
        macro_rules! field {
            ($($name:ident),*) => {$(
                if let Some(v) = &self.$name {
                    out.push((stringify!($name), place(v)));
                }
            )*};
        }
        field!(
            amount,
            troops,
            yeas,
            nays,
            present,
            vice_president,
            bill,
            chamber,
            purpose,
            case,
            plaintiff,
            holding,
            remedy,
            granted,
            effective,
            kind,
            days,
            agent,
            complied
        );
        out
    }
}

/// What the run must end with for `treatysim test` to pass; every key is optional.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Expect")]
pub(super) struct RawExpect {
    /// The treaty's status at the end.
    #[schemars(with = "Option<WordOf<TreatyStatus>>")]
    pub treaty: Option<Spanned<String>>,
    /// The day withdrawal took effect (YYYY-MM-DD).
    #[schemars(with = "Option<DateText>")]
    pub effective_on: Option<Spanned<String>>,
    /// True when no violation stands at the end.
    #[schemars(with = "Option<bool>")]
    pub lawful: Option<Spanned<bool>>,
    /// True when an injunction against withdrawal is in force at the end.
    #[schemars(with = "Option<bool>")]
    pub enjoined: Option<Spanned<bool>>,
    /// The exact set of provisions whose violation stands, by id.
    #[schemars(with = "Option<Vec<ProvisionId>>")]
    pub violations: Option<Spanned<Vec<Spanned<String>>>>,
    /// Bill id → its status at the end (only the bills listed are checked).
    #[schemars(with = "Option<BTreeMap<String, BillStatus>>")]
    pub bills: Option<BTreeMap<String, Spanned<String>>>,
    /// Case id → the holding that stands, or pending (only the cases listed are checked).
    #[schemars(with = "Option<BTreeMap<String, CaseStatus>>")]
    pub cases: Option<BTreeMap<String, Spanned<String>>>,
    /// Whether every ruling agrees with the rulebook's expected view of standing for its
    /// plaintiff (`followed`), or some ruling departs from it (`departed`).
    #[schemars(with = "Option<WordOf<crate::vocab::DoctrineExpectation>>")]
    pub doctrine: Option<Spanned<String>>,
}

/// `on:` a date, or a window `{between: [FROM, TO]}` (simulate samples a day in it).
#[derive(Debug)]
pub(super) enum RawDate {
    One(String),
    Between(String, String),
}

/// `yeas:` a count, or `{binomial: [VOTING, P]}`: of VOTING members voting, each votes
/// yea with chance P (the rest are nays).
#[derive(Debug)]
pub(super) enum RawCount {
    Fixed(i64),
    Binomial(i64, f64),
}

/// `holding:` a holding, `doctrine` (the rulebook's weights for the plaintiff), or
/// weights `{no_standing: 0.6, unlawful: 0.4}`.
#[derive(Debug)]
pub(super) enum RawHolding {
    One(String),
    Weights(Vec<(String, f64)>),
}

/// Reads a mapping with exactly one known key into `T`.
fn single_key<'de, A, T>(mut map: A, key: &'static [&'static str; 1]) -> Result<T, A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    let mut value = None;
    while let Some(k) = map.next_key::<String>()? {
        if k != key[0] {
            return Err(A::Error::unknown_field(&k, key));
        }
        if value.is_some() {
            return Err(A::Error::duplicate_field(key[0]));
        }
        value = Some(map.next_value()?);
    }
    value.ok_or_else(|| A::Error::missing_field(key[0]))
}

impl<'de> Deserialize<'de> for RawDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawDate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date (YYYY-MM-DD) or a window {between: [YYYY-MM-DD, YYYY-MM-DD]}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawDate, E> {
                Ok(RawDate::One(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawDate, E> {
                Ok(RawDate::One(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawDate, E> {
                Ok(RawDate::One(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawDate, E> {
                Ok(RawDate::One(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawDate, A::Error> {
                let (from, to): (String, String) = single_key(map, &["between"])?;
                Ok(RawDate::Between(from, to))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawCount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawCount;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number of votes, or {binomial: [VOTING, CHANCE]}")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawCount, E> {
                Ok(RawCount::Fixed(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawCount, E> {
                Ok(RawCount::Fixed(i64::try_from(v).unwrap_or(i64::MAX)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawCount, A::Error> {
                let (n, p): (i64, f64) = single_key(map, &["binomial"])?;
                Ok(RawCount::Binomial(n, p))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawHolding {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawHolding;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a holding, `doctrine`, or weights such as {no_standing: 0.6, unlawful: 0.4}",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawHolding, E> {
                Ok(RawHolding::One(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawHolding, A::Error> {
                let mut weights = Vec::new();
                while let Some((k, w)) = map.next_entry::<String, f64>()? {
                    weights.push((k, w));
                }
                Ok(RawHolding::Weights(weights))
            }
        }
        d.deserialize_any(V)
    }
}

/// The schema of what [`single_key`] reads into a pair: `{KEY: [A, B]}` and nothing else.
fn pair_under(
    key: &str,
    description: &str,
    pair_description: &str,
    items: serde_json::Value,
) -> serde_json::Value {
    serde_json::json!({
        "description": description,
        "type": "object",
        "properties": {
            key: {
                "description": pair_description,
                "type": "array",
                "items": items,
                "minItems": 2,
                "maxItems": 2,
            }
        },
        "required": [key],
        "additionalProperties": false,
    })
}

impl JsonSchema for RawEvents {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Events".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "array",
            "minItems": 1,
            "items": generator.subschema_for::<RawEvent>(),
        })
    }
}

impl JsonSchema for RawDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateOrWindow".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let date = generator.subschema_for::<DateText>();
        schemars::json_schema!({
            "anyOf": [
                date,
                pair_under(
                    "between",
                    "For `simulate`: a window; each trial draws a day in it, uniformly.",
                    "[FROM, TO], both days included.",
                    serde_json::json!(date),
                ),
            ]
        })
    }
}

impl JsonSchema for RawCount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Votes".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                { "type": "integer", "minimum": 0 },
                pair_under(
                    "binomial",
                    "For `simulate`: of VOTING members voting, each votes yea with CHANCE; the rest vote nay (give no `nays`).",
                    "[VOTING, CHANCE]: a whole number of members voting and a chance from 0 to 1.",
                    serde_json::json!([
                        { "type": "integer", "minimum": 0 },
                        { "type": "number", "minimum": 0, "maximum": 1 }
                    ]),
                ),
            ]
        })
    }
}

impl JsonSchema for RawHolding {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "HoldingOrWeights".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let holding = generator.subschema_for::<WordOf<crate::vocab::Holding>>();
        use crate::vocab::Word as _;
        let weights: serde_json::Map<String, serde_json::Value> = crate::vocab::Holding::ALL
            .iter()
            .map(|h| {
                (
                    h.name().to_string(),
                    serde_json::json!({
                        "description": format!("The weight of {}: {}", h.name(), h.describe()),
                        "type": "number",
                        "minimum": 0,
                    }),
                )
            })
            .collect();
        schemars::json_schema!({
            "anyOf": [
                holding,
                {
                    "const": "doctrine",
                    "description": "For `simulate`: draw the holding with the rulebook's doctrine weights for this case's plaintiff."
                },
                {
                    "description": "For `simulate`: draw the holding with these weights (scaled to sum to 1).",
                    "type": "object",
                    "properties": weights,
                    "additionalProperties": false,
                    "minProperties": 1,
                }
            ]
        })
    }
}
