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

/// Each consequence of a move, wrapped to `width`.
fn narrate(said: &[Narrated], width: usize) -> String {
    let mut out = String::new();
    for n in said {
        crate::wrap::push_hanging(
            &mut out,
            &format!("{} ({})", n.label, n.date),
            "  → ",
            "    ",
            width,
        );
        crate::wrap::push(&mut out, &n.text, "    ", width);
        if let Some(vote) = &n.vote {
            crate::wrap::push_hanging(&mut out, &format!("Vote: {vote}."), "    ", "      ", width);
        }
        for (id, title) in &n.breaches {
            crate::wrap::push_hanging(
                &mut out,
                &format!("✗ breaches {id}: {title}"),
                "    ",
                "      ",
                width,
            );
        }
        crate::wrap::push_hanging(
            &mut out,
            &format!("— {}", n.citation),
            "    ",
            "      ",
            width,
        );
    }
    out
}

fn rows_text(rows: &[OutcomeRow]) -> String {
    let width = rows.iter().map(|r| r.label.len()).max().unwrap_or(8);
    rows.iter()
        .map(|r| format!("  {:<width$}  {}\n", r.label, r.value))
        .collect()
}

/// Runs the session, its text wrapped to `width`; returns the exit code.
pub fn play(
    p: &Procedure,
    role: Role,
    save: Option<PathBuf>,
    width: usize,
) -> std::io::Result<i32> {
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
        if !lawful_or_confirmed(&theme, chosen, width)? {
            continue;
        }
        // A move from the menu is possible now; only a vote's typed tally can be refused.
        let made = match session.vote_of(chosen.index) {
            Some(offered) => cast_vote(&theme, &mut session, chosen.index, offered)?,
            None => Ok(session.make(chosen.index).unwrap_or_default()),
        };
        match made {
            Ok(said) => print!("{}", narrate(&said, width)),
            Err(why) => println!("  That vote cannot be held: {why}"),
        }
    }
    finish(&theme, &session, save)
}

/// Asks for the tally of a vote (Enter keeps the one offered; `62-38` casts another),
/// then makes the move: what happened, or why that tally cannot be cast.
fn cast_vote(
    theme: &ColorfulTheme,
    session: &mut Session,
    index: usize,
    (yeas, nays): (u32, u32),
) -> std::io::Result<Result<Vec<Narrated>, String>> {
    let typed: String = Input::with_theme(theme)
        .with_prompt("Votes (yeas-nays)")
        .default(format!("{yeas}-{nays}"))
        .validate_with(|t: &String| parse_tally(t).map(|_| ()))
        .interact_text()
        .map_err(ui_error)?;
    // The prompt accepted only what parses.
    let (y, n) = parse_tally(&typed).unwrap_or((yeas, nays));
    if (y, n) == (yeas, nays) {
        return Ok(Ok(session.make(index).unwrap_or_default()));
    }
    Ok(session.make_vote(index, y, n))
}

/// "62-38", "62–38", "62 38" or "62 to 38": (yeas, nays).
fn parse_tally(text: &str) -> Result<(u32, u32), String> {
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|t| !t.is_empty())
        .collect();
    match numbers[..] {
        [y, n] => match (y.parse(), n.parse()) {
            (Ok(y), Ok(n)) => Ok((y, n)),
            _ => Err("the numbers are too large".into()),
        },
        _ => Err("write the yeas and the nays, e.g. 62-38".into()),
    }
}

/// Whether to save the session, and where: `None` when the player declines.
fn ask_where_to_save(theme: &ColorfulTheme) -> std::io::Result<Option<PathBuf>> {
    let save = Confirm::with_theme(theme)
        .with_prompt("Save the session as a scenario file?")
        .default(true)
        .interact()
        .map_err(ui_error)?;
    if !save {
        return Ok(None);
    }
    let name: String = Input::with_theme(theme)
        .with_prompt("File name")
        .default("play-session.yaml".to_string())
        .interact_text()
        .map_err(ui_error)?;
    let path = PathBuf::from(name);
    if path.exists() {
        let replace = Confirm::with_theme(theme)
            .with_prompt(format!("{} exists. Replace it?", path.display()))
            .default(false)
            .interact()
            .map_err(ui_error)?;
        if !replace {
            return Ok(None);
        }
    }
    Ok(Some(path))
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

/// True when the move breaches nothing, or the player confirms the breach. The
/// breaches are listed, wrapped to `width`, above a short question: a prompt wider than
/// the terminal would be drawn twice as the terminal library redraws it.
fn lawful_or_confirmed(
    theme: &ColorfulTheme,
    chosen: &Offered,
    width: usize,
) -> std::io::Result<bool> {
    if chosen.breaches.is_empty() {
        return Ok(true);
    }
    let mut said = String::from("  This move is unlawful:\n");
    for (id, title) in &chosen.breaches {
        crate::wrap::push_hanging(
            &mut said,
            &format!("✗ breaches {id}: {title}"),
            "    ",
            "      ",
            width,
        );
    }
    print!("{said}");
    Confirm::with_theme(theme)
        .with_prompt("Do it anyway?")
        .default(false)
        .interact()
        .map_err(ui_error)
}

/// The end of a session: the outcome, and the session saved as a scenario (unless the
/// player declines, or would rather not replace a file already there).
fn finish(theme: &ColorfulTheme, session: &Session, save: Option<PathBuf>) -> std::io::Result<i32> {
    println!("\nThe outcome:\n{}", rows_text(&session.outcome()));
    let path = match save {
        Some(path) => path,
        None => match ask_where_to_save(theme)? {
            Some(path) => path,
            None => {
                println!("Not saved.");
                return Ok(0);
            }
        },
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
