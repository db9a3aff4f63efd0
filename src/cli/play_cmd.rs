//! `treatysim play`: an interactive step-through for a class. It shows where things
//! stand, offers only the moves possible now (grouped by who makes them; type to search),
//! narrates each consequence with its source, warns before an unlawful move, and at the
//! end prints the outcome and saves the session as a scenario `treatysim run` replays.
//! The session itself is the library's (`workspace::play::Session`); this is its terminal.

use std::path::PathBuf;

use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, FuzzySelect, Input};

use crate::files;
use crate::report::OutcomeRow;
use crate::rulebook::Procedure;
pub use crate::workspace::play::Role;
use crate::workspace::play::{Narrated, Offered, Session};

fn where_things_stand(session: &Session) -> String {
    let standing = session.standing();
    let mut out = format!("\nWhere things stand on {}:\n", standing.date);
    for (track, stage) in &standing.tracks {
        out.push_str(&format!("  {track:<34} {stage}\n"));
    }
    if let Some(says) = standing.notice {
        out.push_str(&format!("  {says}\n"));
    }
    out
}

fn narrate(said: &[Narrated]) -> String {
    let mut out = String::new();
    for n in said {
        out.push_str(&format!("  → {} ({})\n", n.label, n.date));
        for line in textwrap::wrap(&n.text, 86) {
            out.push_str(&format!("    {line}\n"));
        }
        for (id, title) in &n.breaches {
            out.push_str(&format!("    ✗ breaches {id}: {title}\n"));
        }
        out.push_str(&format!("    — {}\n", n.citation));
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
    let mut session = Session::start(p, role).map_err(std::io::Error::other)?;
    println!(
        "treatysim play — {}.\nType to search the moves; Enter chooses; Esc ends the session.",
        p.rulebook.title
    );
    loop {
        print!("{}", where_things_stand(&session));
        let offered = session.moves();
        let shown = menu(&offered);
        let items: Vec<&str> = shown.iter().map(|(s, _)| s.as_str()).collect();
        let choice = FuzzySelect::with_theme(&theme)
            .with_prompt("What happens next?")
            .items(&items)
            .default(0)
            .interact_opt()
            .map_err(ui_error)?;
        let Some(chosen) = choice.and_then(|c| shown[c].1) else {
            break;
        };
        if !lawful_or_confirmed(&theme, chosen)? {
            continue;
        }
        if let Some(said) = session.make(chosen.index) {
            print!("{}", narrate(&said));
        }
    }
    finish(&theme, &session, save)
}

fn ui_error(e: dialoguer::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// The menu: each move offered, with who makes it, in the session's order (by who
/// makes them; time's by how long they wait), and "End" last (no move).
fn menu(offered: &[Offered]) -> Vec<(String, Option<&Offered>)> {
    let mut shown: Vec<(String, Option<&Offered>)> = offered
        .iter()
        .map(|o| (format!("{:<10} {}", o.actor, o.label), Some(o)))
        .collect();
    shown.push((
        "End      end the session and see the outcome".to_string(),
        None,
    ));
    shown
}

/// True when the move breaches nothing, or the player confirms the breach.
fn lawful_or_confirmed(theme: &ColorfulTheme, chosen: &Offered) -> std::io::Result<bool> {
    if chosen.breaches.is_empty() {
        return Ok(true);
    }
    let breaches: Vec<String> = chosen
        .breaches
        .iter()
        .map(|(id, title)| format!("{id} ({title})"))
        .collect();
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
fn finish(theme: &ColorfulTheme, session: &Session, save: Option<PathBuf>) -> std::io::Result<i32> {
    println!("\nThe outcome:\n{}", rows_text(&session.outcome()));
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
    let text = session.scenario(Some(&path));
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
