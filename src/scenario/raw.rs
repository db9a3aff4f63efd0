//! The scenario file's shape as serde reads it: every key known, every value spanned.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::Place;
use crate::yaml::{Spanned, place};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScenario {
    pub title: Spanned<String>,
    pub summary: Option<String>,
    pub rulebook: Option<Spanned<String>>,
    pub setup: Option<RawSetup>,
    pub until: Option<Spanned<String>>,
    pub events: Spanned<Vec<Spanned<RawEvent>>>,
    pub expect: Option<RawExpect>,
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
    pub on: Spanned<String>,
    #[serde(rename = "do")]
    pub action: Spanned<String>,
    pub note: Option<Spanned<String>>,
    pub amount: Option<Spanned<f64>>,
    pub troops: Option<Spanned<i64>>,
    pub yeas: Option<Spanned<i64>>,
    pub nays: Option<Spanned<i64>>,
    pub present: Option<Spanned<i64>>,
    pub vice_president: Option<Spanned<String>>,
    pub bill: Option<Spanned<String>>,
    pub chamber: Option<Spanned<String>>,
    pub purpose: Option<Spanned<String>>,
    pub case: Option<Spanned<String>>,
    pub plaintiff: Option<Spanned<String>>,
    pub holding: Option<Spanned<String>>,
    pub remedy: Option<Spanned<String>>,
    pub granted: Option<Spanned<bool>>,
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
