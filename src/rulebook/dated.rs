//! Law with dates: when a provision, a parameter's value or a sentence is in force.
//!
//! As OpenFisca dates its parameters, a rulebook may give a value for each stretch of
//! time (`from:`, `until:`, both inclusive, either open). A scenario is judged by the law
//! in force on the date of each event, so a 1979 replay meets the law of 1979. The
//! checks here (no two stretches of one thing overlap; a parameter has a value on every
//! day) run once, when the rulebook is compiled; looking a value up never fails.

use jiff::civil::Date;
use serde::Deserialize;
use serde::de::{self, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use crate::calendar::Day;
use crate::diag::Place;
use crate::yaml::{Spanned, place};

/// The days something is in force: from `from` to `until`, both included; `None` is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct InForce {
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl InForce {
    /// Always in force.
    pub const ALWAYS: InForce = InForce {
        from: None,
        until: None,
    };

    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }

    /// Whether some day is in both.
    pub fn overlaps(&self, other: &InForce) -> bool {
        let start = self.from.max(other.from);
        let end = match (self.until, other.until) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (start, end) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        }
    }

    pub fn is_always(&self) -> bool {
        self.from.is_none() && self.until.is_none()
    }

    /// "from 2023-12-22", "until 1975-03-06", "from 1959-01-12 to 1975-03-06", "always".
    pub fn describe(&self) -> String {
        match (self.from, self.until) {
            (None, None) => "always".to_string(),
            (Some(f), None) => format!("from {f}"),
            (None, Some(u)) => format!("until {u}"),
            (Some(f), Some(u)) => format!("from {f} to {u}"),
        }
    }
}

/// `from:` and `until:` as a file writes them, with where they stand (for errors).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Dates {
    pub from: Option<Spanned<Day>>,
    pub until: Option<Spanned<Day>>,
}

impl Dates {
    pub fn in_force(&self) -> InForce {
        InForce {
            from: self.from.as_ref().map(|d| d.value.0),
            until: self.until.as_ref().map(|d| d.value.0),
        }
    }

    /// Where the dates stand: `from:` if given, else `until:`.
    pub fn place(&self) -> Option<Place> {
        self.from
            .as_ref()
            .map(place)
            .or_else(|| self.until.as_ref().map(place))
    }

    /// `until` before `from` is refused.
    pub fn check(&self) -> Result<(), String> {
        let range = self.in_force();
        match (range.from, range.until) {
            (Some(f), Some(u)) if u < f => Err(format!(
                "until: {u} comes before from: {f}; a stretch of time must end on or after its start"
            )),
            _ => Ok(()),
        }
    }
}

/// One value of a parameter and the days it is in force.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<T> {
    pub in_force: InForce,
    pub value: T,
    /// The citation behind this value, when it differs from the parameter's.
    pub source: Option<String>,
    /// Where the entry stands in its file, and which of the rulebook's files that is.
    pub place: Option<Place>,
    pub file: usize,
}

/// A parameter: one value for all time, or values for stretches of time that together
/// cover every day without overlapping.
///
/// Written either as the value itself (`return_days: 10`) or as a list of dated values:
///
/// ```yaml
/// cloture:
///   - { until: 1975-03-06, value: { rule: fraction_of_voting, num: 2, den: 3, quorum: true } }
///   - { from: 1975-03-07, value: { rule: fraction_of_sworn, num: 3, den: 5 } }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Dated<T> {
    /// In date order.
    pub entries: Vec<Entry<T>>,
}

impl<T> Dated<T> {
    /// One value for all time.
    pub fn always(value: T) -> Dated<T> {
        Dated {
            entries: vec![Entry {
                in_force: InForce::ALWAYS,
                value,
                source: None,
                place: None,
                file: 0,
            }],
        }
    }

    /// Marks every entry as read from the rulebook's file `file`.
    pub fn from_file(mut self, file: usize) -> Dated<T> {
        for e in &mut self.entries {
            e.file = file;
        }
        self
    }

    /// The entry in force on `date` (every day has one once the parameter is checked).
    pub fn entry(&self, date: Date) -> &Entry<T> {
        self.entries
            .iter()
            .find(|e| e.in_force.contains(date))
            .or(self.entries.last())
            .expect("a parameter has at least one value")
    }

    /// The value in force on `date`.
    pub fn at(&self, date: Date) -> &T {
        &self.entry(date).value
    }

    /// The value in force now: the last stretch, open-ended.
    pub fn latest(&self) -> &T {
        &self
            .entries
            .last()
            .expect("a parameter has at least one value")
            .value
    }

    /// Whether the value changes over time.
    pub fn is_dated(&self) -> bool {
        self.entries.len() > 1 || !self.entries[0].in_force.is_always()
    }

    /// Checks that the entries cover every day once: the first open at the start, the last
    /// open at the end, each starting the day after the one before ends. Orders them by date.
    pub fn check(&mut self, name: &str) -> Result<(), (String, Option<(usize, Place)>)> {
        self.entries.sort_by_key(|e| e.in_force.from);
        let first = &self.entries[0];
        if let Some(from) = first.in_force.from {
            return Err((
                format!(
                    "{name} has no value before {from}: give its first value no `from:` (it then holds for every earlier day)"
                ),
                first.place.map(|p| (first.file, p)),
            ));
        }
        for pair in self.entries.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let Some(until) = a.in_force.until else {
                return Err((
                    format!(
                        "{name}: the value {} overlaps the one {}; give the earlier one an `until:`",
                        a.in_force.describe(),
                        b.in_force.describe()
                    ),
                    b.place.map(|p| (b.file, p)),
                ));
            };
            let next = until.tomorrow().ok();
            if b.in_force.from != next {
                let problem = if b.in_force.from.is_some_and(|f| f <= until) {
                    "overlaps"
                } else {
                    "leaves a gap after"
                };
                return Err((
                    format!(
                        "{name}: the value {} {problem} the one {}; each value must start the day after the one before ends ({})",
                        b.in_force.describe(),
                        a.in_force.describe(),
                        next.map(|d| d.to_string()).unwrap_or_default()
                    ),
                    b.place.map(|p| (b.file, p)),
                ));
            }
        }
        let last = self.entries.last().expect("at least one");
        if let Some(until) = last.in_force.until {
            return Err((
                format!(
                    "{name} has no value after {until}: give its last value no `until:` (it then holds for every later day)"
                ),
                last.place.map(|p| (last.file, p)),
            ));
        }
        Ok(())
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Dated<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Dated{}", T::schema_name()).into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = generator.subschema_for::<T>();
        let date = generator.subschema_for::<crate::schema::DateText>();
        schemars::json_schema!({
            "anyOf": [
                value,
                {
                    "type": "array",
                    "minItems": 1,
                    "description": "Dated values: each in force from `from` to `until` (both included, either left open); together they cover every day once.",
                    "items": {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["value"],
                        "properties": {
                            "from": date,
                            "until": date,
                            "value": value,
                            "source": { "type": "string", "description": "The citation behind this value, when it differs from the parameter's." },
                        },
                    },
                },
            ],
        })
    }
}

/// One dated entry as a file writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile<T> {
    from: Option<Spanned<Day>>,
    until: Option<Spanned<Day>>,
    value: T,
    source: Option<String>,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Dated<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Dated<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value, or a list of dated values ({ from, until, value })")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Dated<T>, A::Error> {
                let mut entries = Vec::new();
                while let Some(e) = seq.next_element::<Spanned<EntryFile<T>>>()? {
                    let at = place(&e);
                    let e = e.value;
                    let dates = Dates {
                        from: e.from,
                        until: e.until,
                    };
                    dates.check().map_err(de::Error::custom)?;
                    entries.push(Entry {
                        in_force: dates.in_force(),
                        value: e.value,
                        source: e.source,
                        place: dates.place().or(Some(at)),
                        file: 0,
                    });
                }
                if entries.is_empty() {
                    return Err(de::Error::custom(
                        "an empty list of values: give the value itself, or at least one { value: ... }",
                    ));
                }
                Ok(Dated { entries })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Dated<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Dated::always)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Dated<T>, E> {
                T::deserialize(v.into_deserializer()).map(Dated::always)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Dated<T>, E> {
                T::deserialize(v.into_deserializer()).map(Dated::always)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Dated<T>, E> {
                T::deserialize(v.into_deserializer()).map(Dated::always)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Dated<T>, E> {
                T::deserialize(v.into_deserializer()).map(Dated::always)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Dated<T>, E> {
                T::deserialize(v.into_deserializer()).map(Dated::always)
            }
        }
        deserializer.deserialize_any(V(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        crate::calendar::parse_date(s).unwrap()
    }

    fn range(from: Option<&str>, until: Option<&str>) -> InForce {
        InForce {
            from: from.map(d),
            until: until.map(d),
        }
    }

    #[test]
    fn ranges_include_both_ends() {
        let r = range(Some("2023-12-22"), None);
        assert!(!r.contains(d("2023-12-21")));
        assert!(r.contains(d("2023-12-22")));
        let r = range(None, Some("2023-12-21"));
        assert!(r.contains(d("2023-12-21")));
        assert!(!r.contains(d("2023-12-22")));
        assert!(
            range(Some("2020-01-01"), Some("2020-12-31"))
                .overlaps(&range(Some("2020-12-31"), None))
        );
        assert!(
            !range(Some("2020-01-01"), Some("2020-12-30"))
                .overlaps(&range(Some("2020-12-31"), None))
        );
        assert!(InForce::ALWAYS.overlaps(&r));
    }

    fn entry(from: Option<&str>, until: Option<&str>, v: u32) -> Entry<u32> {
        Entry {
            in_force: range(from, until),
            value: v,
            source: None,
            place: None,
            file: 0,
        }
    }

    #[test]
    fn a_parameter_covers_every_day_once() {
        let mut ok = Dated {
            entries: vec![
                entry(Some("1975-03-07"), None, 60),
                entry(None, Some("1975-03-06"), 67),
            ],
        };
        ok.check("cloture").unwrap();
        assert_eq!(*ok.at(d("1975-03-06")), 67);
        assert_eq!(*ok.at(d("1975-03-07")), 60);
        assert_eq!(*ok.latest(), 60);
        assert!(ok.is_dated());

        let cases = [
            (
                vec![entry(Some("1975-03-07"), None, 60)],
                "no value before 1975-03-07",
            ),
            (
                vec![entry(None, Some("1975-03-06"), 67)],
                "no value after 1975-03-06",
            ),
            (
                vec![
                    entry(None, Some("1975-03-06"), 67),
                    entry(Some("1975-03-01"), None, 60),
                ],
                "overlaps",
            ),
            (
                vec![
                    entry(None, Some("1975-03-06"), 67),
                    entry(Some("1975-03-09"), None, 60),
                ],
                "leaves a gap",
            ),
            (
                vec![entry(None, None, 67), entry(Some("1975-03-09"), None, 60)],
                "overlaps",
            ),
        ];
        for (entries, says) in cases {
            let err = Dated { entries }.check("cloture").unwrap_err().0;
            assert!(err.contains(says), "{err}");
        }
    }

    #[test]
    fn dated_values_read_from_yaml() {
        #[derive(Deserialize)]
        struct P {
            days: Dated<u32>,
            on: Dated<bool>,
        }
        let text: std::sync::Arc<str> =
            "days:\n  - { until: 2000-12-31, value: 10 }\n  - { from: 2001-01-01, value: 5 }\non: true\n".into();
        let mut p: P = crate::yaml::from_str("t.yaml", &text).unwrap();
        p.days.check("days").unwrap();
        assert_eq!(*p.days.at(d("2000-06-01")), 10);
        assert_eq!(*p.days.at(d("2001-06-01")), 5);
        assert_eq!(p.days.entries[1].place.unwrap().line, 3);
        assert!(!p.on.is_dated());
        let bad: std::sync::Arc<str> =
            "days:\n  - { from: 2001-01-01, until: 2000-01-01, value: 5 }\non: true\n".into();
        let err = crate::yaml::from_str::<P>("t.yaml", &bad).err().unwrap();
        assert!(err.message.contains("comes before"), "{}", err.message);
        assert_eq!(err.line, 2);
    }
}
