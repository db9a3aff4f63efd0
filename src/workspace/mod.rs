//! The library's one front door: every command of treatysim as a call that returns data.
//!
//! A [`Workspace`] loads rulebooks (a built-in id, or a file; a scenario's own rulebook
//! file is found beside the scenario), compiles each once and keeps it, loads scenarios,
//! and runs, tests, simulates, explores, explains, compares, draws and reports. Each call
//! returns a value (a run, the verdicts of a test, the routes of an exploration...) with
//! the methods that render it as text or JSON. The command line (`crate::cli`) only parses
//! arguments, calls these, prints and picks the exit code; the classroom server calls the
//! same functions, so both say the same thing about the same input.
//!
//! ```no_run
//! use treatysim::workspace::{RunOptions, Workspace};
//! let mut ws = Workspace::new();
//! let ran = ws.run(std::path::Path::new("scenarios/consent-route.yaml"), &RunOptions::default())?;
//! println!("{}", ran.text(treatysim::report::Style::PLAIN));
//! # Ok::<(), treatysim::workspace::Error>(())
//! ```

mod compare;
mod explain;
mod explore;
pub mod play;
mod rulebooks;
mod test;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use jiff::civil::Date;

use crate::diag::{self, Diagnostic};
use crate::diagram::{self, Diagram};
use crate::engine;
use crate::explore::why;
use crate::files;
use crate::report::{self, Style};
use crate::rulebook::{self, Procedure};
use crate::scenario::{self, Scenario};
use crate::simulate;

pub use compare::Compared;
pub use explore::{Checked, PathsRequest, PropertyResult, Route, Routes, Witness};
pub use test::{Graded, TestOptions, Tested, TestedFile, Verdict, csv_row};

/// Where a scenario comes from: a file, or text held in memory (an editor's buffer).
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    File(&'a Path),
    /// Text named `name` in errors (no file is read for it; a rulebook it names beside
    /// it is looked for in the current folder unless the workspace is built-in only).
    Text {
        name: &'a str,
        text: &'a str,
    },
}

impl<'a> From<&'a Path> for Source<'a> {
    fn from(path: &'a Path) -> Self {
        Source::File(path)
    }
}

impl<'a> From<&'a PathBuf> for Source<'a> {
    fn from(path: &'a PathBuf) -> Self {
        Source::File(path)
    }
}

impl Source<'_> {
    /// The file read, if any (never written over).
    fn file(&self) -> Option<&Path> {
        match self {
            Source::File(path) => Some(path),
            Source::Text { .. } => None,
        }
    }
}

/// Why a call could not give its result. Every variant is the user's to fix (exit 2 at
/// the command line); a bug in treatysim is a panic, never one of these.
#[derive(Debug)]
pub enum Error {
    /// A file, scenario or rulebook that cannot be read or run, located where it can be.
    Input(Diagnostic),
    /// A request that cannot be carried out as asked (two rulebooks for `compare`, a term
    /// no rulebook knows...): what was wrong, and what would work.
    Usage {
        message: String,
        help: Option<String>,
    },
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Input(d)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Input(d) => write!(f, "{}", d.render(false).trim_end()),
            Error::Usage { message, help } => {
                write!(f, "error: {message}")?;
                if let Some(help) = help {
                    write!(f, "\n  help: {help}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// A usage mistake with nothing more to say about it.
    pub fn usage_only(message: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            help: None,
        }
    }

    fn usage(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

/// How to run a scenario: under its own rulebook or another, and, for a scenario with
/// uncertain inputs, which history to draw.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// A built-in id or a rulebook file to use instead of the scenario's.
    pub rulebook: Option<String>,
    /// The seed of the history drawn from a scenario with uncertain inputs.
    pub seed: u64,
    /// Which trial of the seed to draw (as `simulate` numbers them).
    pub trial: u64,
}

impl RunOptions {
    /// Under this rulebook instead of the scenario's.
    pub fn under(rulebook: Option<&str>) -> Self {
        RunOptions {
            rulebook: rulebook.map(str::to_string),
            ..RunOptions::default()
        }
    }
}

/// Which history was drawn from a scenario with uncertain inputs.
#[derive(Clone, Debug)]
pub struct Drawn {
    pub seed: u64,
    pub trial: u64,
    /// Said above the report: the history is one of many, and what did not happen in it.
    pub note: String,
}

/// A scenario run: the scenario (the drawn history, for one with uncertain inputs), the
/// rulebook it ran under, the trace and outcome.
#[derive(Clone, Debug)]
pub struct Ran {
    pub scenario: Scenario,
    pub procedure: Arc<Procedure>,
    pub run: engine::Run,
    pub drawn: Option<Drawn>,
    /// The rulebook as loaded: a built-in id, or the path of its file.
    pub rulebook: String,
}

impl Ran {
    /// The report for people: the note on a drawn history, then the trace and outcome.
    pub fn text(&self, style: Style) -> String {
        let mut text = String::new();
        if let Some(drawn) = &self.drawn {
            for line in crate::wrap::lines(&drawn.note, style.width) {
                text.push_str(&style.dim(&line));
                text.push('\n');
            }
            text.push('\n');
        }
        text + &report::to_text(&self.procedure, &self.scenario, &self.run, style)
    }

    /// The JSON document (docs/json-output.md), with `drawn` for a drawn history.
    pub fn json(&self) -> serde_json::Value {
        let mut doc = report::to_json(&self.procedure, &self.scenario, &self.run);
        if let (Some(drawn), Some(map)) = (&self.drawn, doc.as_object_mut()) {
            map.insert(
                "drawn".into(),
                serde_json::json!({ "seed": drawn.seed, "trial": drawn.trial, "note": drawn.note }),
            );
        }
        doc
    }
}

/// An ensemble of trials of a scenario with uncertain inputs.
pub struct Simulated {
    pub scenario: Scenario,
    pub procedure: Arc<Procedure>,
    pub ensemble: simulate::Ensemble,
}

impl Simulated {
    pub fn text(&self, style: Style) -> String {
        simulate::to_text(&self.procedure, &self.scenario, &self.ensemble, style)
    }
    pub fn json(&self) -> serde_json::Value {
        simulate::to_json(&self.procedure, &self.scenario, &self.ensemble)
    }
}

/// The format of a diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagramFormat {
    /// Drawn by treatysim itself.
    Svg,
    /// Graphviz.
    Dot,
    Mermaid,
}

impl DiagramFormat {
    /// The usual file extension: svg, dot or mmd.
    pub fn extension(self) -> &'static str {
        match self {
            DiagramFormat::Svg => "svg",
            DiagramFormat::Dot => "dot",
            DiagramFormat::Mermaid => "mmd",
        }
    }

    /// The format a file's extension names (.svg, .dot/.gv, .mmd/.mermaid), else SVG.
    pub fn from_extension(path: Option<&Path>) -> DiagramFormat {
        match path.and_then(|p| p.extension()).and_then(|x| x.to_str()) {
            Some("dot" | "gv") => DiagramFormat::Dot,
            Some("mmd" | "mermaid") => DiagramFormat::Mermaid,
            _ => DiagramFormat::Svg,
        }
    }
}

/// A procedure diagram, with the files it was drawn from.
pub struct Drawing {
    pub diagram: Diagram,
    /// The scenario and rulebook files read (never written over).
    pub inputs: Vec<PathBuf>,
}

impl Drawing {
    pub fn render(&self, format: DiagramFormat) -> String {
        match format {
            DiagramFormat::Svg => diagram::svg::render(&self.diagram),
            DiagramFormat::Dot => diagram::dot::render(&self.diagram),
            DiagramFormat::Mermaid => diagram::mermaid::render(&self.diagram),
        }
    }
}

/// The smallest change that flips a scenario's outcome.
pub struct Why {
    pub title: String,
    pub rulebook: String,
    pub base: engine::Outcome,
    /// How many single changes were tried.
    pub tried: usize,
    /// The best change, and the changed scenario as YAML that `run` replays.
    pub change: Option<(why::Change, String)>,
}

impl Why {
    pub fn text(&self, style: Style) -> String {
        let mut out = String::new();
        out.push_str(&style.bold(&format!("Why: {}", self.title)));
        out.push('\n');
        out.push_str(&format!(
            "Under {} the scenario ends {}.\n",
            self.rulebook,
            why::summary(&self.base)
        ));
        let tried = self.tried;
        match &self.change {
            None => out.push_str(&format!(
                "None of the {tried} single changes tried (a vote, a holding, an event removed, moved or added) flips it.\n"
            )),
            Some((change, yaml)) => {
                out.push_str(&format!(
                    "The smallest change that flips it, of {tried} tried:\n\n"
                ));
                let sentence = format!(
                    "{}, it would end {} instead.",
                    change.sentence,
                    why::summary(&change.outcome)
                );
                crate::wrap::push(&mut out, &sentence, "  ", style.width);
                out.push_str("\nThe changed scenario (`treatysim run` replays it):\n\n");
                out.push_str(yaml);
            }
        }
        out
    }
}

/// Which JSON Schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaKind {
    /// Scenario files (for editors).
    Scenario,
    /// What `run --format json` and `simulate --format json` print.
    Output,
    /// Rulebook files.
    Rulebook,
}

/// A JSON Schema as pretty JSON with a final newline.
pub fn schema(kind: SchemaKind) -> String {
    match kind {
        SchemaKind::Scenario => scenario::schema::schema_text(),
        SchemaKind::Output => report::schema::output_text(),
        SchemaKind::Rulebook => rulebook::schema_text(),
    }
}

/// Rulebooks compiled once and kept, and every command as a call.
#[derive(Default)]
pub struct Workspace {
    /// Compiled rulebooks by id or path.
    procedures: BTreeMap<String, Arc<Procedure>>,
    /// Only the built-in rulebooks, never a file (a server's scenarios come from people
    /// who may not read the server's files).
    builtin_only: bool,
}

impl Workspace {
    pub fn new() -> Self {
        Workspace::default()
    }

    /// A workspace that reads no file for a rulebook: a scenario (or a request) naming
    /// anything but a built-in id gets an error listing the ids.
    pub fn builtin_only() -> Self {
        Workspace {
            builtin_only: true,
            ..Workspace::default()
        }
    }

    /// A rulebook by built-in id or file path, compiled once.
    pub fn rulebook(&mut self, id: &str) -> Result<Arc<Procedure>, Error> {
        if let Some(p) = self.procedures.get(id) {
            return Ok(Arc::clone(p));
        }
        if self.builtin_only && !rulebook::builtin_ids().contains(&id) {
            return Err(Error::Input(
                Diagnostic::file(
                    id,
                    format!(
                        "only the built-in rulebooks can be used here, and `{}` is not one",
                        diag::shorten(id)
                    ),
                )
                .with_help(format!(
                    "name one of {}",
                    diag::one_of(&rulebook::builtin_ids())
                )),
            ));
        }
        let procedure = Arc::new(rulebook::load(id)?);
        self.procedures
            .insert(id.to_string(), Arc::clone(&procedure));
        Ok(procedure)
    }

    /// The rulebook a scenario runs under, and how it was named: `rulebook` if given,
    /// else the scenario's own (a file beside the scenario, or a built-in id), else the
    /// default. An error in the scenario's own rulebook points at the line naming it.
    pub fn rulebook_for(
        &mut self,
        scenario: &Scenario,
        rulebook: Option<&str>,
    ) -> Result<(String, Arc<Procedure>), Error> {
        let (key, from_file) = match (rulebook, &scenario.rulebook) {
            (Some(id), _) => (id.to_string(), None),
            (None, Some((id, place))) => {
                let beside = (!self.builtin_only)
                    .then(|| Path::new(&scenario.file).parent().map(|dir| dir.join(id)))
                    .flatten();
                let key = match beside {
                    Some(path)
                        if !rulebook::builtin_ids().contains(&id.as_str()) && path.is_file() =>
                    {
                        path.display().to_string()
                    }
                    _ => id.clone(),
                };
                (key, Some(*place))
            }
            (None, None) => (rulebook::DEFAULT_ID.to_string(), None),
        };
        let procedure = self.rulebook(&key).map_err(|e| match (e, from_file) {
            (Error::Input(e), Some(place)) => {
                let mut located = Diagnostic::at(
                    scenario.file.clone(),
                    Arc::clone(&scenario.source),
                    place,
                    e.message.clone(),
                );
                located.help = e.help.clone();
                Error::Input(located)
            }
            (e, _) => e,
        })?;
        Ok((key, procedure))
    }

    /// A scenario (a file, or text) read and checked, with the rulebook it runs under.
    pub fn scenario<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        rulebook: Option<&str>,
    ) -> Result<(Scenario, String, Arc<Procedure>), Error> {
        let scenario = match source.into() {
            Source::File(path) => scenario::load(path)?,
            Source::Text { name, text } => scenario::parse(name, text.into())?,
        };
        let (key, procedure) = self.rulebook_for(&scenario, rulebook)?;
        Ok((scenario, key, procedure))
    }

    /// Runs a scenario. One with uncertain inputs runs as one history drawn from them
    /// (`options.seed`, `options.trial`), said in [`Ran::drawn`].
    pub fn run<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        options: &RunOptions,
    ) -> Result<Ran, Error> {
        let (scenario, key, procedure) = self.scenario(source, options.rulebook.as_deref())?;
        run_loaded(scenario, key, procedure, options)
    }

    /// Runs a scenario given as text (an editor's buffer), named `name` in errors.
    pub fn run_text(&mut self, name: &str, text: &str, options: &RunOptions) -> Result<Ran, Error> {
        self.run(Source::Text { name, text }, options)
    }

    /// Runs a scenario with uncertain inputs `options.trials` times. `progress` is told
    /// of each finished chunk of trials; `stop` ends the run early (the result says it is
    /// partial).
    pub fn simulate<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        rulebook: Option<&str>,
        options: simulate::Options,
        progress: &(dyn Fn(u64) + Sync),
        stop: &AtomicBool,
    ) -> Result<Simulated, Error> {
        let (scenario, _, procedure) = self.scenario(source, rulebook)?;
        let ensemble = simulate::run(&procedure, &scenario, options, progress, stop)
            .map_err(|e| Diagnostic::file(&scenario.file, e.to_string()))?;
        Ok(Simulated {
            scenario,
            procedure,
            ensemble,
        })
    }

    /// The procedure as a diagram: of `rulebook` (default: the scenario's, else the
    /// default rulebook), with the path `scenario` took when one is given.
    pub fn diagram(
        &mut self,
        rulebook: Option<&str>,
        scenario: Option<Source<'_>>,
        only: diagram::Only,
    ) -> Result<Drawing, Error> {
        let mut inputs = Vec::new();
        let diagram = match scenario {
            Some(source) => {
                let ran = self.run(source, &RunOptions::under(rulebook))?;
                inputs.extend(source.file().map(Path::to_path_buf));
                if let Some(r) = rulebook {
                    inputs.push(PathBuf::from(r));
                }
                inputs.push(PathBuf::from(&ran.rulebook));
                diagram::build(&ran.procedure, only, Some((&ran.scenario, &ran.run)))
            }
            None => {
                let id = rulebook.unwrap_or(rulebook::DEFAULT_ID);
                inputs.push(PathBuf::from(id));
                diagram::build(&*self.rulebook(id)?, only, None)
            }
        };
        Ok(Drawing { diagram, inputs })
    }

    /// The self-contained HTML report of a scenario, and the files it read.
    pub fn report<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        rulebook: Option<&str>,
    ) -> Result<(String, Vec<PathBuf>), Error> {
        let source = source.into();
        let ran = self.run(source, &RunOptions::under(rulebook))?;
        let html = report::to_html(&ran.procedure, &ran.scenario, &ran.run);
        let mut inputs: Vec<PathBuf> = source.file().map(Path::to_path_buf).into_iter().collect();
        inputs.push(PathBuf::from(&ran.rulebook));
        Ok((html, inputs))
    }

    /// One scenario under two rulebooks.
    pub fn compare<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        rulebooks: &[String],
    ) -> Result<Compared, Error> {
        let source = source.into();
        let [a, b] = rulebooks else {
            return Err(Error::usage(
                format!(
                    "compare takes exactly two rulebooks, got {}",
                    rulebooks.len()
                ),
                "write --rulebook us-nato-2024 --rulebook as-reported-60",
            ));
        };
        let a = self.run(source, &RunOptions::under(Some(a)))?;
        let b = self.run(source, &RunOptions::under(Some(b)))?;
        Ok(Compared { a, b })
    }

    /// The smallest single change that flips a scenario's outcome.
    pub fn why<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        rulebook: Option<&str>,
    ) -> Result<Why, Error> {
        let source = source.into();
        let (scenario, _, procedure) = self.scenario(source, rulebook)?;
        if scenario.is_uncertain() {
            return Err(Error::Input(
                Diagnostic::file(&scenario.file, "why needs a scenario without uncertain inputs")
                    .with_help("draw one history with `treatysim run FILE --seed S --trial N`, or remove the chances, windows, binomial votes and weighted holdings"),
            ));
        }
        let (base, tried, best) =
            why::smallest_flip(&procedure, &scenario).map_err(|e| e.diagnostic(&scenario))?;
        // A rulebook file is named as seen from the scenario's own folder, where the
        // changed story would be saved beside it.
        let beside = source
            .file()
            .filter(|path| !files::is_stdin(path))
            .map(|_| Path::new(&scenario.file));
        let change = best.map(|change| {
            let yaml = why::to_yaml(
                &procedure,
                &change.scenario,
                &format!(
                    "The smallest change to {} that flips its outcome: {}.",
                    scenario.title, change.sentence
                ),
                beside,
            );
            (change, yaml)
        });
        Ok(Why {
            title: scenario.title.clone(),
            rulebook: procedure.rulebook.id.clone(),
            base,
            tried,
            change,
        })
    }

    /// A term of the glossary, a stage or a step in plain words with its source, as in
    /// force on `on` (default: as the law now stands); an empty name lists them all.
    pub fn explain(
        &mut self,
        rulebook: &str,
        name: &str,
        on: Option<Date>,
        style: Style,
    ) -> Result<String, Error> {
        let procedure = self.rulebook(rulebook)?;
        if name.trim().is_empty() {
            return Ok(explain::list(&procedure, style));
        }
        let date = on.unwrap_or(Date::MAX);
        explain::one(&procedure, name, date, style).map_err(|(message, help)| Error::Usage {
            message,
            help: Some(help),
        })
    }

    /// The built-in rulebooks, one line each.
    pub fn rulebook_list(&self, style: Style) -> String {
        rulebooks::list(style)
    }

    /// A rulebook's treaty, parameters, provisions, tracks and sources, as in force on
    /// `on` (default: the day the rulebook views the law as of, else now).
    pub fn rulebook_show(
        &mut self,
        rulebook: &str,
        on: Option<Date>,
        style: Style,
    ) -> Result<String, Error> {
        let procedure = self.rulebook(rulebook)?;
        let date = on.or(procedure.rulebook.law_as_of).unwrap_or(Date::MAX);
        Ok(rulebooks::show(&procedure, date, style))
    }
}

/// Each provision `expect: violations` names must be one the rulebook has: an error at
/// the id, with the ids there are, rather than a check that can never pass.
fn check_expected_provisions(scenario: &Scenario, procedure: &Procedure) -> Result<(), Error> {
    let Some(expect) = &scenario.expect else {
        return Ok(());
    };
    let ids: Vec<&str> = procedure.provisions.iter().map(|p| p.id.as_str()).collect();
    let named = expect
        .violations
        .iter()
        .flatten()
        .zip(&expect.violations_at);
    for (id, at) in named {
        if ids.contains(&id.as_str()) {
            continue;
        }
        let mut help = if ids.is_empty() {
            format!(
                "rulebook {} has no provisions: expect `violations: []`",
                procedure.rulebook.id
            )
        } else {
            format!("its provisions: {}", crate::diag::one_of(&ids))
        };
        if let Some(near) = crate::diag::did_you_mean(id, ids.iter().copied()) {
            help = format!("did you mean {near}? {help}");
        }
        return Err(Diagnostic::at(
            &scenario.file,
            Arc::clone(&scenario.source),
            *at,
            format!(
                "`expect: violations` names \"{}\", which is no provision of rulebook {}",
                crate::diag::shorten(id),
                procedure.rulebook.id
            ),
        )
        .with_label("no such provision")
        .with_help(help)
        .into());
    }
    Ok(())
}

fn run_loaded(
    scenario: Scenario,
    key: String,
    procedure: Arc<Procedure>,
    options: &RunOptions,
) -> Result<Ran, Error> {
    check_expected_provisions(&scenario, &procedure)?;
    if !scenario.is_uncertain() {
        let run = engine::run(&procedure, &scenario).map_err(|e| e.diagnostic(&scenario))?;
        return Ok(Ran {
            scenario,
            procedure,
            run,
            drawn: None,
            rulebook: key,
        });
    }
    // One history drawn from the distribution: a trial of the seed.
    let (seed, trial) = (options.seed, options.trial);
    let (drawn, run, missed) = simulate::sampled_run(&procedure, &scenario, seed, trial)
        .map_err(|e| Diagnostic::file(&scenario.file, e.to_string()))?;
    let mut note = format!(
        "One history drawn from a scenario with {} uncertain inputs (seed {seed}, trial {trial}); `treatysim simulate` gives the distribution.",
        scenario.inputs.len(),
    );
    if !missed.is_empty() {
        let lines: Vec<String> = missed
            .iter()
            .map(|&i| {
                format!(
                    "{} (line {})",
                    scenario.events[i].action, scenario.events[i].place.line
                )
            })
            .collect();
        note.push_str(&format!(" Did not happen in it: {}.", lines.join(", ")));
    }
    Ok(Ran {
        scenario: drawn,
        procedure,
        run,
        drawn: Some(Drawn { seed, trial, note }),
        rulebook: key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTICE: &str = "events:\n  - on: 2027-03-01\n    do: give_notice\n";

    #[test]
    fn a_built_in_only_workspace_reads_no_rulebook_file() {
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("own.yaml");
        std::fs::write(&own, "id: own\ntitle: Own\nextends: us-nato-2024\n").unwrap();
        let own = own.display().to_string();
        let text = format!("title: x\nrulebook: {own}\n{NOTICE}");
        // The ordinary workspace reads the file a scenario names...
        let ran = Workspace::new().run_text("s.yaml", &text, &RunOptions::default());
        assert_eq!(ran.unwrap().procedure.rulebook.id, "own");
        // ...a built-in-only one refuses it at the line naming it, and lists the ids.
        let mut ws = Workspace::builtin_only();
        let Err(Error::Input(d)) = ws.run_text("s.yaml", &text, &RunOptions::default()) else {
            panic!("a rulebook file was read");
        };
        assert_eq!((d.line, d.column), (2, 11));
        assert!(
            d.message.contains("only the built-in rulebooks"),
            "{}",
            d.message
        );
        assert!(d.help.unwrap().contains(rulebook::DEFAULT_ID));
        // And so for a rulebook asked for by the caller; a built-in id still runs.
        let text = format!("title: x\n{NOTICE}");
        assert!(
            ws.run_text("s.yaml", &text, &RunOptions::under(Some(&own)))
                .is_err()
        );
        let ran = ws.run_text("s.yaml", &text, &RunOptions::under(Some("us-pre-2024")));
        assert_eq!(ran.unwrap().procedure.rulebook.id, "us-pre-2024");
    }

    #[test]
    fn text_and_file_give_the_same_run() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/consent-route.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut ws = Workspace::new();
        let from_file = ws.run(&path, &RunOptions::default()).unwrap();
        let from_text = ws
            .run(
                Source::Text {
                    name: "consent-route.yaml",
                    text: &text,
                },
                &RunOptions::default(),
            )
            .unwrap();
        assert_eq!(from_file.run.trace.len(), from_text.run.trace.len());
        assert_eq!(from_file.text(Style::PLAIN), from_text.text(Style::PLAIN));
    }
}
