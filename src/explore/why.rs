//! `treatysim why FILE`: the smallest change to a scenario that flips its outcome (the
//! treaty's status, or whether it ends lawful), found by trying every single change the
//! engine can run: a vote swung by the fewest members, a court holding otherwise, an
//! event removed, moved in time, or added.
//!
//! A change that flips whether the scenario ends lawful while the treaty ends the same is
//! preferred (it says what the law turned on); otherwise any flip. Sizes, smallest first:
//! a vote swung by k members (1 + (k-1)/20), another holding (1), an event moved by d days
//! (1 + d/30), an event removed or added (2). Ties go to the change found first (in file
//! order).

use jiff::civil::Date;

use crate::engine::{self, Outcome};
use crate::rulebook::{Procedure, VoteKind};
use crate::scenario::{Args, Event, Scenario};
use crate::vocab::{Action, Holding, Remedy, Word};

/// A change found, with what it does.
#[derive(Clone, Debug)]
pub struct Change {
    /// How big a change it is (smaller is smaller).
    pub size: f64,
    /// The change in words: "With 67 yeas instead of 62 on 2027-06-01".
    pub sentence: String,
    pub scenario: Scenario,
    pub outcome: Outcome,
}

/// The outcome in a few words: "withdrawn and unlawful".
pub fn summary(o: &Outcome) -> String {
    format!(
        "{} and {}",
        o.treaty.name().replace('_', " "),
        if o.lawful { "lawful" } else { "unlawful" }
    )
}

fn flipped(a: &Outcome, b: &Outcome) -> bool {
    a.treaty != b.treaty || a.lawful != b.lawful
}

fn vote_kind(action: Action) -> Option<VoteKind> {
    Some(match action {
        Action::ConsentVote => VoteKind::Consent,
        Action::Vote => VoteKind::Passage,
        Action::ClotureVote => VoteKind::Cloture,
        Action::Override => VoteKind::Override,
        Action::AuthorizeSuit => VoteKind::SuitResolution,
        _ => return None,
    })
}

/// Events that need no bill or case, which `why` may add.
const ADDABLE: &[(&str, &str)] = &[
    (
        "the President had rescinded the notice",
        "do: rescind_notice",
    ),
    (
        "the Senate had consented 67–33",
        "do: consent_vote, yeas: 67, nays: 33",
    ),
    (
        "the President had consulted the committees",
        "do: consult_committees",
    ),
    (
        "the President had notified the committees in writing",
        "do: notify_committees",
    ),
    ("the President had given notice", "do: give_notice"),
    (
        "the Senate had resolved to sue, 55–45",
        "do: authorize_suit, chamber: senate, yeas: 55, nays: 45",
    ),
];

fn addable_events() -> Vec<(&'static str, Event)> {
    let mut text = String::from("title: addable\nevents:\n");
    for (_, yaml) in ADDABLE {
        text.push_str(&format!("  - {{ on: 2027-01-01, {yaml} }}\n"));
    }
    let parsed = crate::scenario::parse("(addable)", text.into()).expect("valid events");
    ADDABLE.iter().map(|(s, _)| *s).zip(parsed.events).collect()
}

/// Every single change tried, and the smallest that flips the outcome (if any).
pub fn smallest_flip(
    p: &Procedure,
    s: &Scenario,
) -> Result<(Outcome, usize, Option<Change>), engine::Impossible> {
    let base = engine::outcome(p, s)?;
    let mut tried = 0usize;
    // The best change that flips lawfulness alone, and the best that flips anything.
    let mut best_law: Option<Change> = None;
    let mut best_any: Option<Change> = None;
    let mut consider = |scenario: Scenario, size: f64, sentence: String| {
        tried += 1;
        let Ok(outcome) = engine::outcome(p, &scenario) else {
            return;
        };
        if !flipped(&base, &outcome) {
            return;
        }
        let law_only = outcome.treaty == base.treaty;
        let slot = if law_only {
            &mut best_law
        } else {
            &mut best_any
        };
        if slot.as_ref().is_none_or(|b| size < b.size) {
            *slot = Some(Change {
                size,
                sentence,
                scenario,
                outcome,
            });
        }
    };
    let n = s.events.len();
    for i in 0..n {
        swing_vote(p, s, i, &mut consider);
        other_holdings(s, i, &mut consider);
        remove_or_move(s, i, &mut consider);
    }
    add_events(s, &mut consider);
    Ok((base, tried, best_law.or(best_any)))
}

/// What `smallest_flip` is told of each change tried: the changed scenario, the size of
/// the change, and the sentence that says it.
type Consider<'a> = dyn FnMut(Scenario, f64, String) + 'a;

/// A vote swung by the fewest members.
fn swing_vote(p: &Procedure, s: &Scenario, i: usize, consider: &mut Consider) {
    let e = &s.events[i];
    if let (Some(kind), Some(tally)) = (vote_kind(e.action), e.args.tally()) {
        let threshold = p.threshold(kind, e.date);
        let carried = threshold.decide(&tally).carried;
        for k in 1..=tally.yeas + tally.nays {
            let mut t = tally;
            if carried {
                if t.yeas < k {
                    break;
                }
                t.yeas -= k;
                t.nays += k;
            } else {
                if t.nays < k {
                    break;
                }
                t.yeas += k;
                t.nays -= k;
            }
            t.vice_president = None;
            if threshold.decide(&t).carried == carried {
                continue;
            }
            let mut changed = s.clone();
            if let Some(tally) = changed.events[i].args.tally_mut() {
                *tally = t;
            }
            consider(
                changed,
                1.0 + f64::from(k - 1) / 20.0,
                format!(
                    "With {} yeas and {} nays instead of {}–{} on {} ({})",
                    t.yeas, t.nays, tally.yeas, tally.nays, e.date, e.action
                ),
            );
            break;
        }
    }
}

/// Another holding in a ruling (an unlawful one with an injunction).
fn other_holdings(s: &Scenario, i: usize, consider: &mut Consider) {
    let e = &s.events[i];
    if let Args::Rule { case, holding, .. } = e.args {
        for other in Holding::ALL.iter().copied().filter(|h| *h != holding) {
            let mut changed = s.clone();
            let remedy = if other == Holding::Unlawful {
                Remedy::Injunction
            } else {
                Remedy::None
            };
            changed.events[i].args = Args::Rule {
                case,
                holding: other,
                remedy,
                complied: true,
            };
            let how = if remedy == Remedy::Injunction {
                format!("{other}, with an injunction,")
            } else {
                other.to_string()
            };
            consider(
                changed,
                1.0,
                format!(
                    "Had the court held {how} instead of {holding} on {}",
                    e.date
                ),
            );
        }
    }
}

/// The event removed, or moved by a day, a week, a month, a quarter, half a year or a
/// year either way, keeping the file's order.
fn remove_or_move(s: &Scenario, i: usize, consider: &mut Consider) {
    let e = &s.events[i];
    let n = s.events.len();
    if n > 1 {
        let mut changed = s.clone();
        changed.events.remove(i);
        consider(
            changed,
            2.0,
            format!("Without the {} on {}", e.action, e.date),
        );
    }
    let earliest = if i > 0 {
        s.events[i - 1].date
    } else {
        Date::MIN
    };
    let latest = s.events.get(i + 1).map_or(Date::MAX, |x| x.date);
    for days in [1i64, 7, 30, 90, 180, 365] {
        for sign in [1i64, -1] {
            let Ok(date) = e.date.checked_add(jiff::Span::new().days(days * sign)) else {
                continue;
            };
            if date < earliest || date > latest {
                continue;
            }
            let mut changed = s.clone();
            changed.events[i].date = date;
            if let Some(until) = changed.until
                && date > until
            {
                changed.until = Some(date);
            }
            consider(
                changed,
                1.0 + days as f64 / 30.0,
                format!("Had the {} come on {date} instead of {}", e.action, e.date),
            );
        }
    }
}

/// An event added, on the day of each event (before it) or at the end.
fn add_events(s: &Scenario, consider: &mut Consider) {
    let n = s.events.len();
    for (phrase, event) in addable_events() {
        for at in 0..=n {
            let date = s
                .events
                .get(at)
                .map_or_else(|| engine::end_date(s).unwrap_or(Date::MIN), |x| x.date);
            let mut changed = s.clone();
            let mut added = event.clone();
            added.date = date;
            changed.events.insert(at, added);
            consider(changed, 2.0, format!("Had {phrase} on {date}"));
        }
    }
}

/// A scenario written back as YAML, to be written to `to` (notes kept, `expect:` left
/// out: the changed story ends otherwise).
pub fn to_yaml(p: &Procedure, s: &Scenario, header: &str, to: Option<&std::path::Path>) -> String {
    crate::scenario::write::to_yaml(p, s, header, to)
}
