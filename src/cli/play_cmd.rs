//! `treatysim play`: an interactive step-through for a class. It shows where things
//! stand, offers only the moves possible now (grouped by who makes them; type to search),
//! narrates each consequence with its source, warns before an unlawful move, and at the
//! end prints the outcome and saves the session as a scenario `treatysim run` replays.
//! The moves and their effects are the engine's own (`explore::Exploration`).

use std::path::PathBuf;

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect, Input};

use crate::engine::{self, TraceStep};
use crate::explore::{self, Exploration, Move};
use crate::files;
use crate::report::{OutcomeRow, citation_text, outcome_rows};
use crate::rulebook::Procedure;
use crate::scenario::Args;
use crate::vocab::{Actor, Chamber, TrackKind};

/// Whose moves are offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
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
    fn plays(self, actor: Actor, chamber: Option<Chamber>) -> bool {
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

/// The chamber a move's event names, if any.
fn chamber_of(ex: &Exploration, step: &TraceStep) -> Option<Chamber> {
    match ex.scenario.events.get(step.event?)?.args {
        Args::Vote { chamber, .. }
        | Args::Override { chamber, .. }
        | Args::AuthorizeSuit { chamber, .. } => Some(chamber),
        _ => None,
    }
}

const WAITS: &[Move] = &[
    Move::WaitDays(1),
    Move::WaitDays(7),
    Move::WaitDays(30),
    Move::WaitDays(180),
    Move::Wait,
];

fn where_things_stand(ex: &Exploration, at: usize) -> String {
    let p = ex.procedure;
    let w = &ex.nodes[at].world;
    let mut out = format!("\nWhere things stand on {}:\n", w.date);
    for kind in [
        TrackKind::Treaty,
        TrackKind::Suspension,
        TrackKind::Consent,
        TrackKind::Congress,
    ] {
        let track = p.track(kind);
        out.push_str(&format!(
            "  {:<34} {}\n",
            track.title,
            track.graph[w.stage(kind, None)].label
        ));
    }
    if let Some(b) = w.bills.first() {
        out.push_str(&format!(
            "  {:<34} {}\n",
            "The Act (hr-1)",
            p.track(TrackKind::Bill).graph[b.stage].label
        ));
    }
    if let Some(c) = w.cases.first() {
        let holding = c.holding.map(|h| format!(" ({h})")).unwrap_or_default();
        out.push_str(&format!(
            "  {:<34} {}{holding}\n",
            "The Senate's lawsuit",
            p.track(TrackKind::Case).graph[c.stage].label
        ));
    }
    if let Some(d) = w.notice_due {
        let says = p.message("notice_takes_effect", w.date, &[("due", &d.to_string())]);
        out.push_str(&format!("  {says}\n"));
    }
    out
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

fn narrate(p: &Procedure, steps: &[TraceStep]) -> String {
    let mut out = String::new();
    for t in steps {
        let step = &p.track(t.track).graph[t.edge];
        let day = p.law_date(t.date);
        let citation = step.citation_on(day);
        let cite = citation_text(p.citation(citation), citation);
        out.push_str(&format!(
            "  → {} ({})\n",
            p.render(step.label_on(day), t.date),
            t.date
        ));
        for line in textwrap::wrap(p.render(step.text_on(day), t.date).trim(), 86) {
            out.push_str(&format!("    {line}\n"));
        }
        for (id, title) in breached(p, t) {
            out.push_str(&format!("    ✗ breaches {id}: {title}\n"));
        }
        out.push_str(&format!("    — {cite}\n"));
    }
    out
}

fn rows_text(rows: &[OutcomeRow]) -> String {
    let width = rows.iter().map(|r| r.label.len()).max().unwrap_or(8);
    rows.iter()
        .map(|r| format!("  {:<width$}  {}\n", r.label, r.value))
        .collect()
}

/// Runs the session; returns the exit code.
pub fn play(p: &Procedure, role: Role, save: Option<PathBuf>) -> std::io::Result<i32> {
    let theme = ColorfulTheme::default();
    let mut ex = Exploration::start(p, explore::Size::ONE).map_err(std::io::Error::other)?;
    let mut at = 0usize;
    println!(
        "treatysim play — {}.\nType to search the moves; Enter chooses; Esc ends the session.",
        p.rulebook.title
    );
    loop {
        print!("{}", where_things_stand(&ex, at));
        let options = ex.possible(at, WAITS);
        let shown = menu(p, &ex, role, &options);
        let items: Vec<&str> = shown.iter().map(|(s, _)| s.as_str()).collect();
        let choice = FuzzySelect::with_theme(&theme)
            .with_prompt("What happens next?")
            .items(&items)
            .default(0)
            .interact_opt()
            .map_err(ui_error)?;
        let Some(k) = choice.and_then(|c| shown[c].1) else {
            break;
        };
        let (m, world, steps) = options[k].clone();
        if !lawful_or_confirmed(&theme, p, &steps)? {
            continue;
        }
        print!("{}", narrate(p, &steps));
        at = ex.push(at, m, world, steps);
    }
    finish(&theme, p, &ex, at, save)
}

fn ui_error(e: dialoguer::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// The menu: each move the role may make (or time's), with who makes it
/// (the actor of its first step), sorted, and "End" last (no move).
fn menu(
    p: &Procedure,
    ex: &Exploration,
    role: Role,
    options: &[(Move, engine::World, Vec<TraceStep>)],
) -> Vec<(String, Option<usize>)> {
    let mut shown: Vec<(String, Option<usize>)> = Vec::new();
    for (k, (m, _, steps)) in options.iter().enumerate() {
        let label = ex.move_label(*m);
        let actor = match (m, steps.first()) {
            (Move::Wait | Move::WaitDays(_), _) | (_, None) => "Time".to_string(),
            (_, Some(t)) => explore::actor_name(p.track(t.track).graph[t.edge].actor).to_string(),
        };
        let offered = matches!(m, Move::Wait | Move::WaitDays(_))
            || steps.first().is_none_or(|t| {
                role.plays(p.track(t.track).graph[t.edge].actor, chamber_of(ex, t))
            });
        if offered {
            shown.push((format!("{actor:<10} {label}"), Some(k)));
        }
    }
    shown.sort_by(|a, b| a.0.cmp(&b.0));
    shown.push((
        "End      end the session and see the outcome".to_string(),
        None,
    ));
    shown
}

/// True when the steps breach nothing, or the player confirms the breach.
fn lawful_or_confirmed(
    theme: &ColorfulTheme,
    p: &Procedure,
    steps: &[TraceStep],
) -> std::io::Result<bool> {
    let breaches: Vec<String> = steps
        .iter()
        .flat_map(|t| breached(p, t))
        .map(|(id, title)| format!("{id} ({title})"))
        .collect();
    if breaches.is_empty() {
        return Ok(true);
    }
    Confirm::with_theme(theme)
        .with_prompt(format!(
            "This is unlawful: it breaches {}. Do it anyway?",
            breaches.join("; ")
        ))
        .default(false)
        .interact()
        .map_err(ui_error)
}

/// The end of a session: the outcome, and the session saved as a scenario.
fn finish(
    theme: &ColorfulTheme,
    p: &Procedure,
    ex: &Exploration,
    at: usize,
    save: Option<PathBuf>,
) -> std::io::Result<i32> {
    let w = &ex.nodes[at].world;
    let outcome = engine::outcome_of(p, &ex.scenario, w, w.date);
    let run = engine::Run {
        trace: Vec::new(),
        outcome,
    };
    println!("\nThe outcome:\n{}", rows_text(&outcome_rows(p, &run)));
    let path = match save {
        Some(path) => path,
        None => {
            let name: String = Input::with_theme(theme)
                .with_prompt("Save the session as a scenario file")
                .default("play-session.yaml".to_string())
                .interact_text()
                .map_err(ui_error)?;
            PathBuf::from(name)
        }
    };
    let text = ex.route_scenario(
        at,
        "A session of treatysim play",
        "a session played with `treatysim play`; `treatysim run` replays it",
        Some(&path),
    );
    match files::write_atomic(&path, text.as_bytes(), &[]) {
        Ok(()) => {
            println!(
                "Saved to {}; `treatysim run {}` replays it.",
                path.display(),
                path.display()
            );
            Ok(0)
        }
        Err(d) => {
            eprint!("{}", d.render(false));
            Ok(2)
        }
    }
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
}
