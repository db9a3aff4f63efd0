//! `play` as data: where things stand, the moves possible now (who makes each, and what
//! it would breach), and each consequence narrated with its source. The terminal's
//! `treatysim play` and the classroom server's Play page both drive a [`Session`]; the
//! moves and their effects are the engine's own (`explore::Exploration`).

use std::path::Path;

use super::Error;
use crate::diag::Diagnostic;
use crate::engine::{self, TraceStep, World};
use crate::explore::{self, Exploration, Move};
use crate::report::{OutcomeRow, citation_text, outcome_rows};
use crate::rulebook::Procedure;
use crate::scenario::Args;
use crate::vocab::{Actor, Chamber, TrackKind};

/// Whose moves are offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    President,
    Senate,
    House,
    Courts,
    All,
}

impl Role {
    /// Whether this role makes a move whose step has `actor`; `chamber` is the chamber the
    /// move's event names (a resolution to sue is the Senate's or the House's).
    pub fn plays(self, actor: Actor, chamber: Option<Chamber>) -> bool {
        match self {
            Role::All => true,
            Role::President => actor == Actor::President,
            Role::Senate => {
                actor == Actor::Senate
                    || actor == Actor::Congress
                    || (actor == Actor::Chamber && chamber == Some(Chamber::Senate))
            }
            Role::House => {
                actor == Actor::House
                    || actor == Actor::Congress
                    || (actor == Actor::Chamber && chamber == Some(Chamber::House))
            }
            Role::Courts => matches!(actor, Actor::Courts | Actor::Plaintiff),
        }
    }
}

/// Time's moves, offered at every turn.
const WAITS: &[Move] = &[
    Move::WaitDays(1),
    Move::WaitDays(7),
    Move::WaitDays(30),
    Move::WaitDays(180),
    Move::Wait,
];

/// A move offered now.
#[derive(Clone, Debug)]
pub struct Offered {
    /// What to pass to [`Session::make`].
    pub index: usize,
    /// Who makes it ("Time" for time passing).
    pub actor: String,
    /// The move in words.
    pub label: String,
    /// The provisions it would breach (id, title): an unlawful move asks for confirmation.
    pub breaches: Vec<(String, String)>,
}

/// One consequence of a move, as the law in force on its day says it.
#[derive(Clone, Debug)]
pub struct Narrated {
    pub date: jiff::civil::Date,
    pub label: String,
    pub text: String,
    /// A vote's arithmetic: the tally against the threshold, and what it decided.
    pub vote: Option<String>,
    /// The provisions breached (id, title).
    pub breaches: Vec<(String, String)>,
    pub citation: String,
}

/// Where things stand: the day, each track's stage, and a notice's due day.
#[derive(Clone, Debug)]
pub struct Standing {
    pub date: jiff::civil::Date,
    /// (track, stage), in the order the procedure reads.
    pub tracks: Vec<(String, String)>,
    /// When a pending notice takes effect, in the rulebook's words.
    pub notice: Option<String>,
}

/// A play session: the moves made so far and those possible now.
pub struct Session<'p> {
    procedure: &'p Procedure,
    ex: Exploration<'p>,
    at: usize,
    role: Role,
    options: Vec<(Move, World, Vec<TraceStep>)>,
}

impl<'p> Session<'p> {
    /// A new session at the start of the procedure.
    pub fn start(procedure: &'p Procedure, role: Role) -> Result<Session<'p>, Error> {
        let ex = Exploration::start(procedure, explore::Size::ONE)
            .map_err(|e| Error::Input(Diagnostic::file(&procedure.rulebook.id, e.to_string())))?;
        let options = ex.possible(0, WAITS);
        Ok(Session {
            procedure,
            ex,
            at: 0,
            role,
            options,
        })
    }

    /// A session replayed from the moves chosen so far (each an [`Offered::index`] at its
    /// turn): how a server keeps no state between requests.
    pub fn replay(
        procedure: &'p Procedure,
        role: Role,
        chosen: &[usize],
    ) -> Result<(Session<'p>, Vec<Narrated>), Error> {
        let mut session = Session::start(procedure, role)?;
        let mut last = Vec::new();
        for (turn, &k) in chosen.iter().enumerate() {
            last = session.make(k).ok_or_else(|| {
                Error::usage_only(format!(
                    "move {k} is not one of the {} possible at turn {}",
                    session.options.len(),
                    turn + 1
                ))
            })?;
        }
        Ok((session, last))
    }

    /// Where things stand now.
    pub fn standing(&self) -> Standing {
        let p = self.procedure;
        let w = &self.ex.nodes[self.at].world;
        let mut tracks = Vec::new();
        for kind in [
            TrackKind::Treaty,
            TrackKind::Suspension,
            TrackKind::Consent,
            TrackKind::Congress,
        ] {
            let track = p.track(kind);
            tracks.push((
                track.title.clone(),
                track.graph[w.stage(kind, None)].label.clone(),
            ));
        }
        if let Some(b) = w.bills.first() {
            tracks.push((
                "The Act (hr-1)".to_string(),
                p.track(TrackKind::Bill).graph[b.stage].label.clone(),
            ));
        }
        if let Some(c) = w.cases.first() {
            let remedy = if crate::engine::injunction(c.holding, c.remedy) {
                ", injunction in force"
            } else {
                ""
            };
            let holding = c
                .holding
                .map(|h| {
                    let label = p.rulebook.holding_note(h).map(|n| n.label.clone());
                    format!(" ({}{remedy})", label.unwrap_or_else(|| h.to_string()))
                })
                .unwrap_or_default();
            tracks.push((
                "The Senate's lawsuit".to_string(),
                format!("{}{holding}", p.track(TrackKind::Case).graph[c.stage].label),
            ));
        }
        // Under an injunction the notice line says what it orders, not only when the
        // notice would take effect.
        let notice_message = if w.enjoined() {
            "notice_enjoined"
        } else {
            "notice_takes_effect"
        };
        let notice = w
            .notice_due
            .map(|d| p.message(notice_message, w.date, &[("due", &d.to_string())]));
        Standing {
            date: w.date,
            tracks,
            notice,
        }
    }

    /// The moves the role may make now (and time's), sorted by who makes them, then by
    /// name (time's by how long they wait).
    pub fn moves(&self) -> Vec<Offered> {
        let p = self.procedure;
        let mut shown = Vec::new();
        for (k, (m, _, steps)) in self.options.iter().enumerate() {
            let actor = match (m, steps.first()) {
                (Move::Wait | Move::WaitDays(_), _) | (_, None) => "Time".to_string(),
                (_, Some(t)) => {
                    explore::actor_name(p.track(t.track).graph[t.edge].actor).to_string()
                }
            };
            let offered = matches!(m, Move::Wait | Move::WaitDays(_))
                || steps.first().is_none_or(|t| {
                    self.role
                        .plays(p.track(t.track).graph[t.edge].actor, self.chamber_of(t))
                });
            if offered {
                shown.push(Offered {
                    index: k,
                    actor,
                    label: self.ex.move_label(*m),
                    breaches: steps.iter().flat_map(|t| breached(p, t)).collect(),
                });
            }
        }
        // By who makes them; time's moves by how long they wait (the order of WAITS).
        shown.sort_by(|a, b| {
            a.actor.cmp(&b.actor).then_with(|| {
                if a.actor == "Time" {
                    a.index.cmp(&b.index)
                } else {
                    a.label.cmp(&b.label)
                }
            })
        });
        shown
    }

    /// The chamber a move's event names, if any.
    fn chamber_of(&self, step: &TraceStep) -> Option<Chamber> {
        chamber_in(&self.ex.scenario.events.get(step.event?)?.args)
    }

    /// Makes move `index` (of those possible now): its consequences, or `None` for an
    /// index not possible now.
    pub fn make(&mut self, index: usize) -> Option<Vec<Narrated>> {
        let (m, world, steps) = self.options.get(index)?.clone();
        let narrated = narrate(self.procedure, &self.ex.scenario, &steps);
        self.at = self.ex.push(self.at, m, world, steps);
        self.options = self.ex.possible(self.at, WAITS);
        Some(narrated)
    }

    /// The tally of move `index` (of those possible now) when it is a vote: the player
    /// may cast it with another ([`Session::make_vote`]).
    pub fn vote_of(&self, index: usize) -> Option<(u32, u32)> {
        let Move::Event(i) = self.options.get(index)?.0 else {
            return None;
        };
        tally_in(&self.ex.moves[i].1)
    }

    /// Makes move `index`, a vote, with `yeas` and `nays` instead of its own tally (the
    /// lesson's 62–38): the votes decide which step it is. `Err` says why the tally
    /// cannot be cast (more members than the chamber has) or the vote cannot be held.
    pub fn make_vote(
        &mut self,
        index: usize,
        yeas: u32,
        nays: u32,
    ) -> Result<Vec<Narrated>, String> {
        let Some(&(Move::Event(i), _, _)) = self.options.get(index) else {
            return Err(format!("move {index} is not possible now"));
        };
        let (label, yaml) = self.ex.moves[i].clone();
        let Some((old_yeas, old_nays)) = tally_in(&yaml) else {
            return Err(format!("\"{label}\" is not a vote"));
        };
        let yaml = yaml
            .replace(&format!("yeas: {old_yeas}"), &format!("yeas: {yeas}"))
            .replace(&format!("nays: {old_nays}"), &format!("nays: {nays}"));
        let j = self.ex.add_move(label, yaml).map_err(|e| e.message)?;
        let Some((world, steps)) = self.ex.try_move(self.at, Move::Event(j)) else {
            return Err(format!("a vote of {yeas}–{nays} cannot be held now"));
        };
        let narrated = narrate(self.procedure, &self.ex.scenario, &steps);
        // Named by what the votes decided ("consent vote fails, 62–38").
        if let Some(first) = narrated.first() {
            self.ex.moves[j].0 = format!("{}, {yeas}–{nays}", first.label);
        }
        self.at = self.ex.push(self.at, Move::Event(j), world, steps);
        self.options = self.ex.possible(self.at, WAITS);
        Ok(narrated)
    }

    /// The outcome if the session ended now. The bill and the lawsuit every session can
    /// use are left out until the session introduces or files them.
    pub fn outcome(&self) -> Vec<OutcomeRow> {
        let p = self.procedure;
        let w = &self.ex.nodes[self.at].world;
        let mut outcome = engine::outcome_of(p, &self.ex.scenario, w, w.date);
        let untouched = |kind: TrackKind, stage| stage == p.track(kind).start;
        if w.bills.iter().all(|b| untouched(TrackKind::Bill, b.stage)) {
            outcome.bills.clear();
        }
        if w.cases.iter().all(|c| untouched(TrackKind::Case, c.stage)) {
            outcome.cases.clear();
        }
        let run = engine::Run {
            trace: Vec::new(),
            outcome,
        };
        outcome_rows(p, &run)
    }

    /// The session as a scenario `treatysim run` replays (a rulebook file named relative
    /// to `to`, where it will be saved).
    pub fn scenario(&self, to: Option<&Path>) -> String {
        self.ex.route_scenario(
            self.at,
            "A session of treatysim play",
            "a session played with `treatysim play`; `treatysim run` replays it",
            to,
        )
    }
}

/// The chamber an event names, if any.
fn chamber_in(args: &Args) -> Option<Chamber> {
    match *args {
        Args::Vote { chamber, .. }
        | Args::Override { chamber, .. }
        | Args::AuthorizeSuit { chamber, .. } => Some(chamber),
        _ => None,
    }
}

/// The tally a move's event gives (`yeas: 67, nays: 33`), if it is a vote.
fn tally_in(yaml: &str) -> Option<(u32, u32)> {
    let number = |key: &str| -> Option<u32> {
        let rest = yaml.split(key).nth(1)?;
        rest.split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()
    };
    Some((number("yeas: ")?, number("nays: ")?))
}

/// The provisions a step breached: id and title, as in force on its day.
fn breached(p: &Procedure, t: &TraceStep) -> Vec<(String, String)> {
    let day = p.law_date(t.date);
    t.violations
        .iter()
        .filter_map(|k| {
            let provision = p.provisions.get(k)?;
            let version = provision.on(day).unwrap_or_else(|| provision.latest());
            Some((provision.id.clone(), p.render(&version.title, t.date)))
        })
        .collect()
}

fn narrate(p: &Procedure, s: &crate::scenario::Scenario, steps: &[TraceStep]) -> Vec<Narrated> {
    steps
        .iter()
        .map(|t| {
            let step = &p.track(t.track).graph[t.edge];
            let day = p.law_date(t.date);
            let citation = step.citation_on(day);
            Narrated {
                date: t.date,
                label: p.render(step.label_on(day), t.date),
                text: p.render(step.text_on(day), t.date).trim().to_string(),
                vote: crate::report::vote_arithmetic(p, s, t),
                breaches: breached(p, t),
                citation: citation_text(p.citation(citation), citation),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_offer_their_own_moves() {
        assert!(Role::President.plays(Actor::President, None));
        assert!(!Role::President.plays(Actor::Senate, None));
        assert!(Role::Senate.plays(Actor::Senate, None));
        assert!(Role::Senate.plays(Actor::Chamber, Some(Chamber::Senate)));
        assert!(!Role::House.plays(Actor::Chamber, Some(Chamber::Senate)));
        assert!(Role::House.plays(Actor::Congress, None));
        assert!(Role::Courts.plays(Actor::Courts, None));
        assert!(Role::All.plays(Actor::Clock, None));
    }

    /// Makes the first move offered whose label starts with `label`.
    fn choose(session: &mut Session, label: &str) {
        let offered = session.moves();
        let m = offered
            .iter()
            .find(|o| o.label.starts_with(label))
            .unwrap_or_else(|| panic!("no move {label:?} in {offered:?}"));
        session.make(m.index).unwrap();
    }

    /// The lesson's case: 62–38 on consent, typed in, fails the two-thirds the law asks
    /// though it clears the 60 reported; 67–33 carries; a tally the Senate cannot cast is
    /// refused; the session saved replays the tallies typed.
    #[test]
    fn a_vote_can_be_cast_with_the_tally_typed() {
        let p = crate::rulebook::load(crate::rulebook::DEFAULT_ID).unwrap();
        let mut session = Session::start(&p, Role::All).unwrap();
        choose(
            &mut session,
            "Senate invokes cloture on the consent resolution",
        );
        let consent = |s: &Session| {
            s.moves()
                .into_iter()
                .find(|o| o.label.starts_with("Senate consents"))
                .unwrap()
                .index
        };
        assert_eq!(session.vote_of(consent(&session)), Some((67, 33)));
        let said = session.make_vote(consent(&session), 62, 38).unwrap();
        assert!(said[0].label.contains("fails"), "{}", said[0].label);
        let vote = said[0].vote.as_deref().unwrap();
        assert!(
            vote.contains("62 yeas is less than two-thirds of 100 voting (67): failed"),
            "{vote}"
        );
        // After a failed vote the filibuster is back: cloture again, then vote again.
        let labels: Vec<String> = session.moves().into_iter().map(|o| o.label).collect();
        assert!(
            !labels.iter().any(|l| l.starts_with("Senate consents")),
            "{labels:?}"
        );
        choose(
            &mut session,
            "Senate invokes cloture on the consent resolution",
        );
        let too_many = session.make_vote(consent(&session), 80, 30).unwrap_err();
        assert!(
            too_many.contains("110") || too_many.contains("exceed"),
            "{too_many}"
        );
        let said = session.make_vote(consent(&session), 67, 33).unwrap();
        assert!(said[0].label.contains("carries"), "{}", said[0].label);
        let saved = session.scenario(None);
        assert!(
            saved.contains("yeas: 62, nays: 38") && saved.contains("yeas: 67, nays: 33"),
            "{saved}"
        );
        // A move that is no vote has no tally.
        let notice = session
            .moves()
            .into_iter()
            .find(|o| o.label == "give notice")
            .unwrap();
        assert_eq!(session.vote_of(notice.index), None);
    }

    #[test]
    fn where_things_stand_follows_an_injunction() {
        let p = crate::rulebook::load(crate::rulebook::DEFAULT_ID).unwrap();
        let mut session = Session::start(&p, Role::All).unwrap();
        choose(&mut session, "give notice");
        let before = session.standing().notice.unwrap();
        assert!(before.contains("unless rescinded first"), "{before}");
        choose(&mut session, "Senate resolves to sue");
        choose(&mut session, "the Senate's counsel sues");
        choose(&mut session, "the court: unlawful, with an injunction");
        let standing = session.standing();
        let notice = standing.notice.unwrap();
        assert!(
            notice.starts_with("An injunction stands") && notice.contains("revoke the notice"),
            "{notice}"
        );
        let suit = &standing.tracks.last().unwrap().1;
        assert!(suit.contains("injunction in force"), "{suit}");
        // The holding in words, not its id.
        assert!(!suit.contains('_'), "{suit}");
    }

    #[test]
    fn no_bill_or_lawsuit_in_the_outcome_until_the_session_starts_one() {
        let p = crate::rulebook::load(crate::rulebook::DEFAULT_ID).unwrap();
        let mut session = Session::start(&p, Role::All).unwrap();
        let labels =
            |s: &Session| -> Vec<&'static str> { s.outcome().iter().map(|r| r.label).collect() };
        assert!(
            !labels(&session).contains(&"Bill"),
            "{:?}",
            labels(&session)
        );
        assert!(
            !labels(&session).contains(&"Case"),
            "{:?}",
            labels(&session)
        );
        let introduce = session
            .moves()
            .into_iter()
            .find(|o| o.label.starts_with("introduce"))
            .unwrap();
        session.make(introduce.index).unwrap();
        assert!(labels(&session).contains(&"Bill"));
        assert!(!labels(&session).contains(&"Case"));
    }

    #[test]
    fn a_replayed_session_is_the_session_played() {
        let p = crate::rulebook::load(crate::rulebook::DEFAULT_ID).unwrap();
        let mut live = Session::start(&p, Role::All).unwrap();
        let notice = live
            .moves()
            .into_iter()
            .find(|o| o.label.contains("notice"))
            .expect("the President can give notice");
        assert!(
            !notice.breaches.is_empty(),
            "an unconsented notice breaches 1250A"
        );
        let said = live.make(notice.index).unwrap();
        assert!(said.iter().any(|n| !n.breaches.is_empty()));
        let wait = live
            .moves()
            .into_iter()
            .find(|o| o.actor == "Time")
            .unwrap();
        live.make(wait.index).unwrap();
        let (again, _) = Session::replay(&p, Role::All, &[notice.index, wait.index]).unwrap();
        assert_eq!(again.scenario(None), live.scenario(None));
        assert_eq!(again.standing().date, live.standing().date);
        // Time's moves come by how long they wait, not by their names.
        let waits: Vec<String> = live
            .moves()
            .into_iter()
            .filter(|o| o.actor == "Time")
            .map(|o| o.label)
            .collect();
        assert_eq!(
            waits,
            [
                "time passes: 1 day",
                "time passes: 7 days",
                "time passes: 30 days",
                "time passes: 180 days",
                "time passes to the next deadline"
            ]
        );
        // A move that is not possible is an error, not a panic.
        assert!(Session::replay(&p, Role::All, &[usize::MAX]).is_err());
    }
}
