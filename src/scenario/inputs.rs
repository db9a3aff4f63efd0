//! Uncertain inputs, for `treatysim simulate`: an event that happens with a chance, a
//! date drawn from a window, a vote drawn from a binomial, a holding drawn from weights.
//! A file without them is deterministic and means what it always meant.

use jiff::civil::Date;

use crate::diag::Place;
use crate::vocab::Holding;

/// One uncertain input of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    /// The event it belongs to.
    pub event: usize,
    /// Where the file says so.
    pub place: Place,
    pub kind: InputKind,
}

/// What is uncertain, and how it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum InputKind {
    /// The event happens with this chance.
    Chance(f64),
    /// The event's day is drawn uniformly from this window (both ends included).
    Window { from: Date, to: Date },
    /// Of `voting` members voting, each votes yea with chance `p`; the rest vote nay.
    Yeas { voting: u32, p: f64 },
    /// The holding is drawn with these weights (they sum to 1).
    Holding(Vec<(Holding, f64)>),
    /// The holding is drawn with the rulebook's doctrine weights for the plaintiff.
    HoldingByDoctrine,
}

impl InputKind {
    /// What is drawn, in a few words: "chance 0.7", "yeas ~ Binomial(100, 0.62)".
    pub fn describe(&self) -> String {
        match self {
            InputKind::Chance(p) => format!("happens with chance {p}"),
            InputKind::Window { from, to } => format!("on a day from {from} to {to}"),
            InputKind::Yeas { voting, p } => {
                format!("yeas ~ Binomial({voting}, {p}), nays the rest")
            }
            InputKind::Holding(weights) => {
                let parts: Vec<String> = weights
                    .iter()
                    .map(|(h, w)| format!("{} {}", h.to_string().replace('_', " "), trim_float(*w)))
                    .collect();
                format!("holding {}", parts.join(", "))
            }
            InputKind::HoldingByDoctrine => "holding by the rulebook's doctrine weights".into(),
        }
    }
}

/// 0.6 rather than 0.6000000000000001.
pub fn trim_float(x: f64) -> String {
    let text = format!("{x:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
