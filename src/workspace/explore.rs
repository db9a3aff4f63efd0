//! `paths` and `check`: every route through the procedure to a treaty status, and the
//! rulebook's properties checked over every reachable state, found by exploring with the
//! engine.

use std::path::{Path, PathBuf};

use super::{Error, Workspace};
use crate::diag::thousands;
use crate::engine;
use crate::explore::{self, Exploration, Size};
use crate::files;
use crate::report::{self, Style};
use crate::rulebook::PropertyTest;
use crate::vocab::{TreatyStatus, Word};

/// What `paths` looks for.
#[derive(Clone, Debug)]
pub struct PathsRequest {
    /// The rulebook to explore: a built-in id or a file.
    pub rulebook: String,
    /// The treaty status to reach.
    pub to: TreatyStatus,
    /// Only lawful routes (`Some(true)`), only unlawful ones (`Some(false)`), or all.
    pub lawful: Option<bool>,
    /// How many routes to show.
    pub max: usize,
    pub size: Size,
}

/// One route: how many moves, whether it ends lawful (else the provisions that stand
/// breached), and its steps as text.
#[derive(Clone, Debug)]
pub struct Route {
    pub moves: usize,
    pub lawful: bool,
    /// For a lawful route, what makes it lawful: "by Senate consent", "by an Act of
    /// Congress", or only a court's holding that sets its breaches aside.
    pub lawful_by: String,
    pub violated: Vec<String>,
    pub steps: String,
}

/// The routes `paths` found.
#[derive(Clone, Debug)]
pub struct Routes {
    pub rulebook: String,
    pub to: TreatyStatus,
    pub lawful_filter: Option<bool>,
    pub states: usize,
    pub moves: usize,
    /// How many distinct routes reach the status, and how many of them end lawful.
    pub found: usize,
    pub found_lawful: usize,
    /// The exploration stopped at its limit of states: routes may be missing.
    pub cut_off: bool,
    /// The shortest routes that pass the filter, at most `max`.
    pub routes: Vec<Route>,
    /// Seconds the exploration took (for a terminal; never in the text).
    pub seconds: f64,
}

impl Routes {
    pub fn text(&self, style: Style) -> String {
        let to = self.to.name().replace('_', " ");
        let mut out = style.bold(&format!("Routes to {to} under {}", self.rulebook));
        out.push('\n');
        let said = format!(
            "Explored {} states and {} moves. {} distinct routes reach it: {} lawful, {} unlawful.",
            thousands(self.states as u64),
            thousands(self.moves as u64),
            self.found,
            self.found_lawful,
            self.found - self.found_lawful
        );
        crate::wrap::push(&mut out, &said, "", style.width);
        if self.cut_off {
            out.push_str(
                "The exploration stopped at its limit of states: routes may be missing.\n",
            );
        }
        let filter = match self.lawful_filter {
            Some(true) => " lawful",
            Some(false) => " unlawful",
            None => "",
        };
        out.push_str(&format!("The {} shortest{filter}:\n", self.routes.len()));
        for (n, route) in self.routes.iter().enumerate() {
            let verdict = if route.lawful {
                format!("lawful {}", route.lawful_by)
            } else {
                format!("unlawful: {} violated", route.violated.join(", "))
            };
            out.push('\n');
            let head = format!("Route {} ({} moves, {verdict})", n + 1, route.moves);
            crate::wrap::push_hanging(&mut out, &head, "", "  ", style.width);
            out.push_str(&reflow(&route.steps, "", style.width));
        }
        out
    }
}

/// A state that shows a property holds sometimes, or that it fails.
#[derive(Clone, Debug)]
pub struct Witness {
    /// "witness" or "counterexample".
    pub what: &'static str,
    pub moves: usize,
    pub steps: String,
    /// Where the route was written as a scenario, when asked.
    pub written: Option<PathBuf>,
}

/// One property of the rulebook and whether it holds.
#[derive(Clone, Debug)]
pub struct PropertyResult {
    pub id: String,
    pub holds: bool,
    /// What the property says, and its source.
    pub says: String,
    pub citation: String,
    pub example: Option<Witness>,
}

/// The rulebook's properties checked.
#[derive(Clone, Debug)]
pub struct Checked {
    pub rulebook: String,
    pub states: usize,
    pub moves: usize,
    pub properties: Vec<PropertyResult>,
    pub seconds: f64,
}

impl Checked {
    pub fn failed(&self) -> usize {
        self.properties.iter().filter(|p| !p.holds).count()
    }

    pub fn text(&self, style: Style) -> String {
        let mut out = style.bold(&format!("Properties of {}", self.rulebook));
        out.push('\n');
        let said = format!(
            "Checked over {} states and {} moves, every one the procedure can reach from the start.",
            thousands(self.states as u64),
            thousands(self.moves as u64)
        );
        crate::wrap::push(&mut out, &said, "", style.width);
        if self.properties.is_empty() {
            out.push_str("The rulebook states no properties in force on the day explored.\n");
        }
        for property in &self.properties {
            let mark = if property.holds {
                style.green("holds")
            } else {
                style.red("FAILS")
            };
            out.push_str(&format!("\n{mark}  {}\n", style.bold(&property.id)));
            let said = format!("{} — {}", property.says, property.citation);
            crate::wrap::push(&mut out, &said, "       ", style.width);
            if let Some(example) = &property.example {
                out.push_str(&format!(
                    "       {} ({} moves):\n",
                    example.what, example.moves
                ));
                out.push_str(&reflow(&example.steps, "     ", style.width));
                if let Some(path) = &example.written {
                    out.push_str(&format!("       written to {}\n", path.display()));
                }
            }
        }
        let failed = self.failed();
        out.push_str(&format!(
            "\n{} hold, {failed} fail\n",
            self.properties.len() - failed
        ));
        out
    }
}

/// Explores a rulebook, or says why it cannot.
fn explore<'a>(
    procedure: &'a crate::rulebook::Procedure,
    size: Size,
) -> Result<Exploration<'a>, Error> {
    Exploration::run(procedure, size, explore::STATE_LIMIT).map_err(|e| Error::Usage {
        message: e.to_string(),
        help: None,
    })
}

impl Workspace {
    /// Every route to a treaty status, shortest first.
    pub fn paths(&mut self, request: &PathsRequest) -> Result<Routes, Error> {
        let procedure = self.rulebook(&request.rulebook)?;
        let started = std::time::Instant::now();
        let ex = explore(&procedure, request.size)?;
        let seconds = started.elapsed().as_secs_f64();
        let all = explore::first_arrivals(&ex, |i| ex.status(i) == request.to);
        let found_lawful = all.iter().filter(|&&i| ex.lawful(i)).count();
        let routes = all
            .iter()
            .copied()
            .filter(|&i| request.lawful.is_none_or(|l| ex.lawful(i) == l))
            .take(request.max)
            .map(|i| {
                let (standing, _) = engine::standing_breaches(&ex.nodes[i].world);
                Route {
                    moves: ex.nodes[i].depth,
                    lawful: ex.lawful(i),
                    lawful_by: lawful_by(&procedure, &ex.nodes[i].world),
                    violated: standing
                        .iter()
                        .filter_map(|k| procedure.provisions.get(k).map(|x| x.id.clone()))
                        .collect(),
                    steps: explore::route_text(&ex, i),
                }
            })
            .collect();
        Ok(Routes {
            rulebook: procedure.rulebook.id.clone(),
            to: request.to,
            lawful_filter: request.lawful,
            states: ex.nodes.len(),
            moves: ex.transitions,
            found: all.len(),
            found_lawful,
            cut_off: ex.nodes.len() >= explore::STATE_LIMIT,
            routes,
            seconds,
        })
    }

    /// The rulebook's properties over every reachable state, each with a witness or a
    /// counterexample; with `write`, each of those is also written into that folder as a
    /// scenario `run` replays.
    pub fn check(
        &mut self,
        rulebook: &str,
        size: Size,
        write: Option<&Path>,
    ) -> Result<Checked, Error> {
        let procedure = self.rulebook(rulebook)?;
        if let Some(dir) = write
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            return Err(Error::Usage {
                message: format!("cannot create {}: {e}", dir.display()),
                help: None,
            });
        }
        let started = std::time::Instant::now();
        let ex = explore(&procedure, size)?;
        let day = ex.nodes[0].world.date;
        let mut properties = Vec::new();
        for property in procedure.properties_on(day) {
            let verdict = explore::check(&ex, property);
            let says = procedure.render(&property.says, day);
            let example = match verdict.example {
                None => None,
                Some(i) => Some(witness(&ex, property, i, &says, write)?),
            };
            properties.push(PropertyResult {
                id: property.id.value.clone(),
                holds: verdict.holds,
                says,
                citation: report::citation_text(
                    procedure.rulebook.citations.get(&property.citation),
                    &property.citation,
                ),
                example,
            });
        }
        Ok(Checked {
            rulebook: procedure.rulebook.id.clone(),
            states: ex.nodes.len(),
            moves: ex.transitions,
            properties,
            seconds: started.elapsed().as_secs_f64(),
        })
    }
}

/// The state that shows a property sometimes holds, or that it fails: its route, and,
/// with `write`, the route written into that folder as a scenario `run` replays.
fn witness(
    ex: &Exploration,
    property: &crate::rulebook::Property,
    i: usize,
    says: &str,
    write: Option<&Path>,
) -> Result<Witness, Error> {
    let sometimes = matches!(
        property.test,
        PropertyTest::SometimesUnlawfulWithdrawal | PropertyTest::SometimesWithdrawnUnauthorized
    );
    let what = if sometimes {
        "witness"
    } else {
        "counterexample"
    };
    let written = match write {
        None => None,
        Some(dir) => {
            let path = dir.join(format!(
                "{}-{}.yaml",
                ex.procedure.rulebook.id, property.id.value
            ));
            let teaches = format!(
                "the {what} that `treatysim check` found for the property {}: {says}",
                property.id.value
            );
            let text = ex.route_scenario(
                i,
                &format!("{what}: {}", property.id.value),
                &teaches,
                Some(&path),
            );
            files::write_atomic(&path, text.as_bytes(), &[]).map_err(Error::Input)?;
            Some(path)
        }
    };
    Ok(Witness {
        what,
        moves: ex.nodes[i].depth,
        steps: explore::route_text(ex, i),
        written,
    })
}

/// What makes a route lawful: the Senate's consent, an Act of Congress, or (with neither)
/// only a court's holding that sets the breaches aside, or no limit in force at all.
fn lawful_by(p: &crate::rulebook::Procedure, w: &engine::World) -> String {
    if w.consent == p.roles.consented {
        return "by Senate consent".into();
    }
    if w.act_authorized {
        return "by an Act of Congress".into();
    }
    let (_, set_aside) = engine::standing_breaches(w);
    let breached: Vec<&str> = w
        .breached
        .iter()
        .filter_map(|k| p.provisions.get(k).map(|x| x.id.as_str()))
        .collect();
    if set_aside && !breached.is_empty() {
        let said = p.message("set_aside", w.date, &[("provisions", &breached.join(", "))]);
        format!("only because its breaches are set aside: {said}")
    } else {
        "with no authorization, as nothing in force limits withdrawal".into()
    }
}

/// A route's lines as [`explore::route_text`] gives them, after `margin`, each step's
/// line wrapped to `width` under its label.
fn reflow(steps: &str, margin: &str, width: usize) -> String {
    let mut out = String::new();
    for line in steps.lines() {
        match line.strip_prefix(explore::STEP_INDENT) {
            Some(step) => crate::wrap::push_hanging(
                &mut out,
                step,
                &format!("{margin}{}", explore::STEP_INDENT),
                &format!("{margin}{}", explore::STEP_HANG),
                width,
            ),
            None => out.push_str(&format!("{margin}{line}\n")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_is_wrapped_to_the_width_under_each_label() {
        let step = format!(
            "{}President  give notice — North Atlantic Treaty, Art. 13; breaches 1250A(a), 1250A(c)",
            explore::STEP_INDENT
        );
        let steps = format!("   1. the President gives notice\n{step}\n");
        for width in [60, 80, 100] {
            let text = reflow(&steps, "     ", width);
            assert!(text.lines().all(|l| l.chars().count() <= width), "{text}");
            assert!(text.starts_with("        1. the President"), "{text}");
            let continued = text.lines().nth(2);
            assert!(
                continued.is_none_or(|l| l.starts_with(&format!("     {}", explore::STEP_HANG))),
                "{text}"
            );
            assert!(text.contains("Art. 13"), "{text}");
        }
    }
}
