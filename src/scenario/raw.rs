//! The scenario file's shape as serde reads it: every key known, every value spanned.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::{self, Deserializer, Error as _, MapAccess, Visitor};

use crate::diag::Place;
use crate::yaml::{Spanned, place};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScenario {
    pub title: Spanned<String>,
    pub summary: Option<Spanned<String>>,
    pub rulebook: Option<Spanned<String>>,
    pub setup: Option<RawSetup>,
    pub until: Option<Spanned<String>>,
    pub events: Spanned<RawEvents>,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSetup {
    pub senators_sworn: Option<Spanned<i64>>,
    pub representatives_sworn: Option<Spanned<i64>>,
    pub filibuster: Option<Spanned<bool>>,
}

/// Every field any action takes; which ones an action accepts is checked after reading.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    pub on: Spanned<RawDate>,
    #[serde(rename = "do")]
    pub action: Spanned<String>,
    pub note: Option<Spanned<String>>,
    pub amount: Option<Spanned<f64>>,
    pub troops: Option<Spanned<i64>>,
    pub yeas: Option<Spanned<RawCount>>,
    pub nays: Option<Spanned<i64>>,
    pub present: Option<Spanned<i64>>,
    pub vice_president: Option<Spanned<String>>,
    pub bill: Option<Spanned<String>>,
    pub chamber: Option<Spanned<String>>,
    pub purpose: Option<Spanned<String>>,
    pub case: Option<Spanned<String>>,
    pub plaintiff: Option<Spanned<String>>,
    pub holding: Option<Spanned<RawHolding>>,
    pub remedy: Option<Spanned<String>>,
    pub granted: Option<Spanned<bool>>,
    /// The chance the event happens at all (simulate).
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
            granted
        );
        out
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExpect {
    pub treaty: Option<Spanned<String>>,
    pub effective_on: Option<Spanned<String>>,
    pub lawful: Option<Spanned<bool>>,
    pub enjoined: Option<Spanned<bool>>,
    pub violations: Option<Spanned<Vec<Spanned<String>>>>,
    pub bills: Option<BTreeMap<String, Spanned<String>>>,
    pub cases: Option<BTreeMap<String, Spanned<String>>>,
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
