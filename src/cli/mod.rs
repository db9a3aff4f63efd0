//! The command line: argument parsing (clap) and the glue that calls the library.
//!
//! Exit codes for every command: 0 success, 1 a check failed, 2 bad input or usage.
//! Output to stdout; errors to stderr; nothing on stdout when a file fails. A closed pipe
//! (`treatysim run x.yaml | head`) ends the program quietly.

/// `eprintln!` that ignores a failure to write: a closed standard error must not turn
/// into a panic.
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprint!` that ignores a failure to write (see `eprintln!` above).
macro_rules! eprint {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

mod compare_cmd;
mod explain_cmd;
mod play_cmd;
mod rulebook_cmd;
mod tools_cmd;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};

use crate::diag::Diagnostic;
use crate::diagram;
use crate::engine;
use crate::expect;
use crate::explore;
use crate::files;
use crate::report::{self, Style};
use crate::rulebook::{self, Procedure};
use crate::scenario::{self, Scenario};
use crate::simulate;
use crate::vocab::{TrackKind, TreatyStatus, Word};

/// Simulates the U.S. legal procedure for leaving a treaty (by default the North
/// Atlantic Treaty, under the law in force), and says what happens, when, and why.
#[derive(Debug, Parser)]
#[command(name = "treatysim", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// When to colour output: auto (a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Change a limit on what is read, NAME=VALUE; repeatable. file-size (default 4MiB),
    /// events (10000), depth (32), aliases (10000), text (10000 characters).
    #[arg(long, global = true, value_name = "NAME=VALUE", value_parser = crate::limits::parse_setting)]
    pub limit: Vec<crate::limits::Setting>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run scenario files and print the trace and the outcome.
    Run {
        /// Scenario files (YAML).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Rulebook to use instead of the scenario's: a built-in id or a file.
        #[arg(long, value_name = "ID|FILE")]
        rulebook: Option<String>,
        /// text for people, json for machines (one document per file).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// For a file with uncertain inputs: the seed of the one history drawn.
        #[arg(long, value_name = "S", default_value_t = 0)]
        seed: u64,
        /// For a file with uncertain inputs: which trial of the seed to draw (as
        /// `simulate` numbers them, e.g. a path's `first_trial`).
        #[arg(long, value_name = "N", default_value_t = 0)]
        trial: u64,
    },
    /// Run a scenario with uncertain inputs many times and report the shares of each
    /// outcome with 95% intervals, when withdrawal took effect, the most frequent
    /// paths, and which inputs move the outcome most.
    Simulate {
        /// The scenario file (YAML), with chances, windows, binomial votes or weighted
        /// holdings (see docs/simulate.md).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// How many trials.
        #[arg(long, value_name = "N", default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..=1_000_000_000_000))]
        trials: u64,
        /// The seed: the same file and seed give the same output, whatever --threads is.
        #[arg(long, value_name = "S", default_value_t = 0)]
        seed: u64,
        /// Threads to run on (default: every core).
        #[arg(long, value_name = "T", value_parser = clap::value_parser!(u16).range(1..=1024))]
        threads: Option<u16>,
        /// Rulebook to use instead of the scenario's: a built-in id or a file.
        #[arg(long, value_name = "ID|FILE")]
        rulebook: Option<String>,
        /// text for people, json for machines.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Check scenarios' `expect:` blocks; exit 1 if any fails.
    Test {
        /// Files, or folders searched for *.yaml (default: scenarios/).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Rulebook to use instead of each scenario's: a built-in id or a file.
        #[arg(long, value_name = "ID|FILE")]
        rulebook: Option<String>,
        /// Also write a gradebook: one CSV row per file (file, title, result, checks
        /// failed, first problem), for a spreadsheet.
        #[arg(long, value_name = "FILE.csv")]
        grades: Option<PathBuf>,
        /// Grade answers to this exercise: each file must also keep the exercise's
        /// `expect:`, setup, clock, rulebook and events (a student only adds events).
        #[arg(long, value_name = "EXERCISE.yaml")]
        exercise: Option<PathBuf>,
    },
    /// Draw the procedure as a diagram (SVG, Graphviz DOT or Mermaid), optionally with
    /// the path a scenario took.
    Diagram {
        /// Rulebook to draw: a built-in id or a file (default: the scenario's, else
        /// us-nato-2024).
        #[arg(long, value_name = "ID|FILE")]
        rulebook: Option<String>,
        /// Draw the path this scenario took: steps numbered and dated, stages reached
        /// shaded, violations in red, the rest grey.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// Draw one track alone.
        #[arg(long, value_name = "TRACK", value_parser = track_names())]
        track: Option<String>,
        /// svg (drawn by treatysim itself), dot (Graphviz) or mermaid. Default: from
        /// the -o file's extension (.svg, .dot/.gv, .mmd), else svg.
        #[arg(long, value_enum)]
        format: Option<DiagramFormat>,
        /// Write to this file (atomically) instead of standard output; - is stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a self-contained HTML report of a scenario for a classroom: the diagram with
    /// its path, the dated timeline with explanations and citations, the outcome, and a
    /// glossary.
    Report {
        /// The scenario file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Rulebook to use instead of the scenario's: a built-in id or a file.
        #[arg(long, value_name = "ID|FILE")]
        rulebook: Option<String>,
        /// Write to this file (atomically) instead of standard output; - is stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Run one scenario under two rulebooks: the outcomes side by side and the first
    /// step where the runs part ways.
    Compare {
        /// The scenario file (YAML).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The two rulebooks, each a built-in id or a file: --rulebook A --rulebook B.
        #[arg(long, value_name = "ID|FILE", required = true, num_args = 1)]
        rulebook: Vec<String>,
    },
    /// Every route through the procedure to a treaty status, found by exploring every
    /// reachable state with the engine; shortest first, each marked lawful or not.
    Paths {
        /// The treaty status to reach.
        #[arg(long, value_name = "STATUS", default_value = "withdrawn", value_parser = ["party", "notice_pending", "suspended", "withdrawn"])]
        to: String,
        /// Only routes that end lawful (no violation stands).
        #[arg(long, conflicts_with = "unlawful")]
        lawful: bool,
        /// Only routes that end unlawful.
        #[arg(long)]
        unlawful: bool,
        /// How many routes to show.
        #[arg(long, value_name = "N", default_value_t = 10)]
        max: usize,
        /// How many bills to explore at once (1 or 2; the states multiply).
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        bills: u8,
        /// How many lawsuits to explore at once (1 or 2): the Senate's, then a service
        /// member's.
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        cases: u8,
        /// The rulebook to explore: a built-in id or a file.
        #[arg(long, value_name = "ID|FILE", default_value = rulebook::DEFAULT_ID)]
        rulebook: String,
    },
    /// Check the properties of the law that the rulebook states, over every reachable
    /// state, each with a witness or a counterexample; exit 1 if one fails.
    Check {
        /// The rulebook to check: a built-in id or a file.
        #[arg(long, value_name = "ID|FILE", default_value = rulebook::DEFAULT_ID)]
        rulebook: String,
        /// Write each witness and counterexample as a scenario file in this folder, for
        /// `treatysim run` to replay.
        #[arg(long, value_name = "DIR")]
        write_scenarios: Option<PathBuf>,
        /// How many bills to explore at once (1 or 2; the states multiply).
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        bills: u8,
        /// How many lawsuits to explore at once (1 or 2).
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
        cases: u8,
    },
    /// The smallest change to a scenario that would flip its outcome (the treaty's
    /// status or whether it ends lawful): a vote, a holding, an event removed, moved or
    /// added; printed as a sentence and as the changed scenario.
    Why {
        /// The scenario file (YAML), without uncertain inputs.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Rulebook to use instead of the scenario's: a built-in id or a file.
        #[arg(long, value_name = "ID|FILE")]
        rulebook: Option<String>,
    },
    /// Step through the procedure interactively: the moves possible now, grouped by who
    /// makes them, each consequence narrated with its source, a warning before an
    /// unlawful move; at the end, the outcome and the session saved as a scenario.
    Play {
        /// The rulebook to play: a built-in id or a file.
        #[arg(long, value_name = "ID|FILE", default_value = rulebook::DEFAULT_ID)]
        rulebook: String,
        /// Whose moves to offer (time can always pass).
        #[arg(long = "as", value_enum, default_value_t = play_cmd::Role::All)]
        role: play_cmd::Role,
        /// Save the session here at the end instead of asking where.
        #[arg(long, value_name = "FILE")]
        save: Option<PathBuf>,
    },
    /// Explain a term of the glossary, a stage or a step, in plain words with its
    /// source; without a name, list them all.
    Explain {
        /// A term ("cloture", "pocket veto"), a stage (notice_pending) or a step
        /// (bill.pocket_veto).
        #[arg(value_name = "NAME", num_args = 0..)]
        name: Vec<String>,
        /// The rulebook whose words to use: a built-in id or a file.
        #[arg(long, value_name = "ID|FILE", default_value = rulebook::DEFAULT_ID)]
        rulebook: String,
        /// Say what was in force on this day (YYYY-MM-DD), not the law as it now stands.
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        on: Option<jiff::civil::Date>,
    },
    /// List or show the rulebooks.
    Rulebook {
        #[command(subcommand)]
        command: RulebookCommand,
    },
    /// Write a commented starter scenario that passes `treatysim test`, to edit into
    /// your own story.
    New {
        /// The file to write (`-` for standard output).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Which story to start from.
        #[arg(long, value_enum, default_value_t = tools_cmd::Template::Consent)]
        template: tools_cmd::Template,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of scenario files (for editors: completion, hover text,
    /// errors as you type) or of the JSON that `run` and `simulate` print.
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value_t = tools_cmd::SchemaKind::Scenario)]
        kind: tools_cmd::SchemaKind,
        /// Write it to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script: bash, zsh, fish, powershell or elvish.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command into a folder.
    Man {
        /// Write treatysim.1 and treatysim-COMMAND.1 pages into this folder.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiagramFormat {
    Svg,
    Dot,
    Mermaid,
}

fn track_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(TrackKind::ALL.iter().map(|k| k.name()))
}

#[derive(Debug, Subcommand)]
pub enum RulebookCommand {
    /// The built-in rulebooks.
    List,
    /// A rulebook's treaty, parameters, provisions, tracks (stages and steps) and sources.
    Show {
        /// A built-in id or a rulebook file.
        #[arg(value_name = "ID|FILE", default_value = rulebook::DEFAULT_ID)]
        rulebook: String,
        /// Show the law in force on this day (YYYY-MM-DD), not as it now stands.
        #[arg(long, value_name = "DATE", value_parser = parse_day)]
        on: Option<jiff::civil::Date>,
    },
}

/// A `--on` date: YYYY-MM-DD, a day that exists.
fn parse_day(text: &str) -> Result<jiff::civil::Date, String> {
    crate::calendar::parse_date(text)
}

/// The exit code after an internal error (a panic): EX_SOFTWARE from sysexits.h.
pub const INTERNAL_ERROR: i32 = 70;

/// A panic is a bug in treatysim, never the user's fault: print a short note saying so,
/// with the version and where, and exit 70, rather than Rust's backtrace advice. Set
/// RUST_BACKTRACE=1 to get the backtrace as well.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "treatysim {}: internal error, please report it (with the command and the files \
             that caused it): {what}{place}",
            env!("CARGO_PKG_VERSION")
        );
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            let _ = writeln!(err, "{}", std::backtrace::Backtrace::force_capture());
        }
        let _ = err.flush();
        std::process::exit(INTERNAL_ERROR);
    }));
}

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    install_panic_hook();
    // The tests' way to check the hook above; nothing else reads this variable.
    if std::env::var_os("TREATYSIM_TEST_INTERNAL_ERROR").is_some() {
        panic!("TREATYSIM_TEST_INTERNAL_ERROR is set");
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return code;
        }
    };
    crate::limits::install(crate::limits::Limits::with(&cli.limit));
    let color = wants_color(cli.color, std::io::stdout().is_terminal());
    let err_color = wants_color(cli.color, std::io::stderr().is_terminal());
    let mut app = App {
        out: std::io::stdout().lock(),
        style: Style { color },
        err_color,
        procedures: BTreeMap::new(),
        seed: 0,
        trial: 0,
        drawn: None,
    };
    let result = match cli.command {
        Command::Run {
            files,
            rulebook,
            format,
            seed,
            trial,
        } => {
            app.seed = seed;
            app.trial = trial;
            app.run(&files, rulebook.as_deref(), format)
        }
        Command::Simulate {
            file,
            trials,
            seed,
            threads,
            rulebook,
            format,
        } => app.simulate(
            &file,
            rulebook.as_deref(),
            simulate::Options {
                trials,
                seed,
                threads: threads.map_or_else(
                    || std::thread::available_parallelism().map_or(1, |n| n.get()),
                    usize::from,
                ),
            },
            format,
        ),
        Command::Test {
            paths,
            rulebook,
            grades,
            exercise,
        } => app.test(
            &paths,
            rulebook.as_deref(),
            grades.as_deref(),
            exercise.as_deref(),
        ),
        Command::Diagram {
            rulebook,
            scenario,
            track,
            format,
            output,
        } => app.diagram(DiagramArgs {
            rulebook,
            scenario,
            track,
            format,
            output,
        }),
        Command::Report {
            file,
            rulebook,
            output,
        } => app.report(&file, rulebook.as_deref(), output.as_deref()),
        Command::Compare { file, rulebook } => app.compare(&file, &rulebook),
        Command::Paths {
            to,
            lawful,
            unlawful,
            max,
            bills,
            cases,
            rulebook,
        } => app.paths(
            &to,
            (lawful, unlawful),
            max,
            explore::Size {
                bills: bills.into(),
                cases: cases.into(),
            },
            &rulebook,
        ),
        Command::Check {
            rulebook,
            write_scenarios,
            bills,
            cases,
        } => app.check(
            &rulebook,
            write_scenarios.as_deref(),
            explore::Size {
                bills: bills.into(),
                cases: cases.into(),
            },
        ),
        Command::Why { file, rulebook } => app.why(&file, rulebook.as_deref()),
        Command::Play {
            rulebook,
            role,
            save,
        } => app.play(&rulebook, role, save),
        Command::Explain { name, rulebook, on } => app.explain(&name.join(" "), &rulebook, on),
        Command::Rulebook { command } => app.rulebook(command),
        Command::New {
            file,
            template,
            force,
        } => app.new_scenario(&file, template, force),
        Command::Schema { kind, output } => {
            let text = tools_cmd::schema(kind);
            app.emit(output.as_deref(), &text, &[])
        }
        Command::Completions { shell } => tools_cmd::completions(shell, &mut app.out),
        Command::Man { dir } => app.man(dir.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            2
        }
    }
}

/// The options of `treatysim diagram`.
struct DiagramArgs {
    rulebook: Option<String>,
    scenario: Option<PathBuf>,
    track: Option<String>,
    format: Option<DiagramFormat>,
    output: Option<PathBuf>,
}

/// What `treatysim test` found for one file.
enum Verdict {
    /// The file could not run.
    Error(Diagnostic),
    /// Nothing was checked, and why; `warn` for a file that could have been (no
    /// `expect:` block).
    Skipped {
        title: String,
        why: &'static str,
        warn: bool,
    },
    /// Checked: what did not match (nothing when it passed).
    Checked {
        title: String,
        mismatches: Vec<expect::Mismatch>,
    },
}

impl Verdict {
    /// The file's row of the gradebook: file, title, result, checks failed, first problem.
    fn grade(&self, file: &str) -> String {
        let row = |title: &str, result: &str, failed: &str, problem: &str| {
            tools_cmd::csv_row(&[file, title, result, failed, problem])
        };
        match self {
            Verdict::Error(d) => {
                let at = if d.line > 0 {
                    format!(" (line {}, column {})", d.line, d.column)
                } else {
                    String::new()
                };
                row("", "error", "", &format!("{}{at}", d.message))
            }
            Verdict::Skipped { title, why, .. } => row(title, "skipped", "", why),
            Verdict::Checked { title, mismatches } => row(
                title,
                if mismatches.is_empty() {
                    "pass"
                } else {
                    "fail"
                },
                &mismatches.len().to_string(),
                &mismatches
                    .first()
                    .map(|m| format!("{}: expected {}, got {}", m.key, m.expected, m.got))
                    .unwrap_or_default(),
            ),
        }
    }
}

struct App<W: Write> {
    out: W,
    style: Style,
    err_color: bool,
    /// Compiled rulebooks by id or path, so each is loaded once.
    procedures: BTreeMap<String, Procedure>,
    /// The seed and trial of the history drawn for a file with uncertain inputs.
    seed: u64,
    trial: u64,
    /// Said of the last file run, when it had uncertain inputs: which history was drawn.
    drawn: Option<String>,
}

impl<W: Write> App<W> {
    fn report_error(&self, diagnostic: &Diagnostic) {
        eprint!("{}", diagnostic.render(self.err_color));
    }

    /// Loads the rulebook for a scenario: the command line's, else the file's, else the
    /// default. A file path in a scenario is taken relative to the scenario's folder.
    fn procedure(
        &mut self,
        scenario: &Scenario,
        override_id: Option<&str>,
    ) -> Result<String, Diagnostic> {
        let (key, from_file) = match (override_id, &scenario.rulebook) {
            (Some(id), _) => (id.to_string(), None),
            (None, Some((id, place))) => {
                let relative = Path::new(&scenario.file).parent().map(|dir| dir.join(id));
                let key = match relative {
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
        if !self.procedures.contains_key(&key) {
            let procedure = rulebook::load(&key).map_err(|e| match from_file {
                Some(place) => {
                    let mut located = Diagnostic::at(
                        scenario.file.clone(),
                        std::sync::Arc::clone(&scenario.source),
                        place,
                        e.message.clone(),
                    );
                    located.help = e.help.clone();
                    located
                }
                None => e,
            })?;
            self.procedures.insert(key.clone(), procedure);
        }
        Ok(key)
    }

    /// A rulebook by id or file; on an error, reports it and gives `None` (exit 2).
    fn load_rulebook(&self, id: &str) -> Option<Procedure> {
        rulebook::load(id).map_err(|d| self.report_error(&d)).ok()
    }

    /// A scenario and the key of its compiled rulebook; on an error, reports it.
    fn load_scenario(
        &mut self,
        path: &Path,
        override_id: Option<&str>,
    ) -> Option<(Scenario, String)> {
        let loaded = scenario::load(path).and_then(|s| {
            let key = self.procedure(&s, override_id)?;
            Ok((s, key))
        });
        loaded.map_err(|d| self.report_error(&d)).ok()
    }

    fn load_and_run(
        &mut self,
        path: &Path,
        override_id: Option<&str>,
    ) -> Result<(Scenario, String, engine::Run), Diagnostic> {
        let scenario = scenario::load(path)?;
        let key = self.procedure(&scenario, override_id)?;
        let procedure = &self.procedures[&key];
        self.drawn = None;
        if scenario.is_uncertain() {
            // One history drawn from the distribution: a trial of the seed.
            let (drawn, run, missed) =
                simulate::sampled_run(procedure, &scenario, self.seed, self.trial)
                    .map_err(|m| Diagnostic::file(&scenario.file, m))?;
            let mut note = format!(
                "One history drawn from a scenario with {} uncertain inputs (seed {}, trial {}); `treatysim simulate` gives the distribution.",
                scenario.inputs.len(),
                self.seed,
                self.trial
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
            self.drawn = Some(note);
            return Ok((drawn, key, run));
        }
        let run = engine::run(procedure, &scenario).map_err(|e| e.diagnostic(&scenario))?;
        Ok((scenario, key, run))
    }

    fn run(
        &mut self,
        files: &[PathBuf],
        override_id: Option<&str>,
        format: Format,
    ) -> std::io::Result<i32> {
        let mut code = 0;
        let mut first = true;
        for path in files {
            match self.load_and_run(path, override_id) {
                Ok((scenario, key, run)) => {
                    let procedure = &self.procedures[&key];
                    let text = match format {
                        Format::Text => {
                            let mut text = String::new();
                            if let Some(note) = &self.drawn {
                                for line in textwrap::wrap(note, 100) {
                                    text.push_str(&self.style.dim(&line));
                                    text.push('\n');
                                }
                                text.push('\n');
                            }
                            text + &report::to_text(procedure, &scenario, &run, self.style)
                        }
                        Format::Json => {
                            let mut doc = report::to_json(procedure, &scenario, &run);
                            if let (Some(note), Some(map)) = (&self.drawn, doc.as_object_mut()) {
                                map.insert(
                                    "drawn".into(),
                                    serde_json::json!({ "seed": self.seed, "trial": self.trial, "note": note }),
                                );
                            }
                            serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
                        }
                    };
                    if !first && format == Format::Text {
                        writeln!(self.out)?;
                    }
                    first = false;
                    self.out.write_all(text.as_bytes())?;
                }
                Err(diagnostic) => {
                    self.report_error(&diagnostic);
                    code = 2;
                }
            }
        }
        self.out.flush()?;
        Ok(code)
    }

    /// One file of `test`: run it and check it against its `expect:` (and the exercise).
    fn test_one(
        &mut self,
        path: &Path,
        override_id: Option<&str>,
        exercise: Option<&expect::Exercise>,
    ) -> Verdict {
        match self.load_and_run(path, override_id) {
            Err(diagnostic) => Verdict::Error(diagnostic),
            Ok((scenario, ..)) if self.drawn.is_some() => Verdict::Skipped {
                title: scenario.title,
                why: "uncertain inputs: check it with `treatysim simulate`",
                warn: false,
            },
            Ok((scenario, key, run)) => {
                let mut mismatches = exercise.map(|e| e.check(&scenario)).unwrap_or_default();
                let expectation = scenario.expect.as_ref().filter(|e| !e.is_empty());
                if let Some(expectation) = expectation {
                    let procedure = &self.procedures[&key];
                    mismatches.extend(expect::check(procedure, &scenario, expectation, &run));
                }
                // Without an exercise, a file with nothing to check is skipped; an
                // answer to an exercise that dropped its `expect:` fails.
                if expectation.is_none() && mismatches.is_empty() {
                    Verdict::Skipped {
                        title: scenario.title,
                        why: "no expect: block, nothing checked",
                        warn: true,
                    }
                } else {
                    Verdict::Checked {
                        title: scenario.title,
                        mismatches,
                    }
                }
            }
        }
    }

    fn test(
        &mut self,
        paths: &[PathBuf],
        override_id: Option<&str>,
        grades: Option<&Path>,
        exercise: Option<&Path>,
    ) -> std::io::Result<i32> {
        let exercise = match exercise {
            None => None,
            Some(path) => match files::read_text(path)
                .and_then(|text| expect::Exercise::new(&files::shown(path), &text))
            {
                Ok(e) => Some(e),
                Err(d) => {
                    self.report_error(&d);
                    return Ok(2);
                }
            },
        };
        let default = [PathBuf::from("scenarios")];
        let roots = if paths.is_empty() {
            &default[..]
        } else {
            paths
        };
        let mut files = Vec::new();
        // Files found by walking a folder, which may hold rulebooks beside scenarios.
        let mut in_folder = std::collections::BTreeSet::new();
        for root in roots {
            if root.is_dir() {
                let start = files.len();
                collect_yaml(root, &mut files);
                in_folder.extend(start..files.len());
            } else {
                files.push(root.clone());
            }
        }
        let (mut passed, mut failed, mut skipped, mut broken) = (0, 0, 0, 0);
        let mut gradebook = vec![tools_cmd::csv_row(&[
            "file",
            "title",
            "result",
            "checks failed",
            "first problem",
        ])];
        let style = self.style;
        let width = files
            .iter()
            .map(|f| f.display().to_string().chars().count())
            .max()
            .unwrap_or(0);
        for (i, path) in files.iter().enumerate() {
            let verdict = match self.test_one(path, override_id, exercise.as_ref()) {
                // A file that does not read as a scenario is looked at again only then.
                Verdict::Error(_) if in_folder.contains(&i) && is_rulebook_file(path) => {
                    Verdict::Skipped {
                        title: String::new(),
                        why: "a rulebook file, not a scenario",
                        warn: false,
                    }
                }
                verdict => verdict,
            };
            let file = path.display().to_string();
            gradebook.push(verdict.grade(&file));
            let shown = format!("{file:<width$}");
            match verdict {
                Verdict::Error(diagnostic) => {
                    failed += 1;
                    broken += 1;
                    writeln!(self.out, "{}  {shown}  cannot run", red(style, "ERROR"))?;
                    self.report_error(&diagnostic);
                }
                Verdict::Skipped { why, warn, .. } => {
                    skipped += 1;
                    let label = if warn { "warn " } else { "skip " };
                    writeln!(self.out, "{}  {shown}  {why}", yellow(style, label))?;
                }
                Verdict::Checked { title, mismatches } if mismatches.is_empty() => {
                    passed += 1;
                    writeln!(self.out, "{}  {shown}  {title}", green(style, "ok   "))?;
                }
                Verdict::Checked { title, mismatches } => {
                    failed += 1;
                    writeln!(self.out, "{}  {shown}  {title}", red(style, "FAIL "))?;
                    for m in mismatches {
                        writeln!(
                            self.out,
                            "       {}: expected {}, got {}",
                            m.key,
                            green(style, &m.expected),
                            red(style, &m.got)
                        )?;
                        if let Some(step) = m.decided_by {
                            for line in textwrap::wrap(&format!("at {step}"), 90) {
                                writeln!(self.out, "         {line}")?;
                            }
                        }
                        for reason in &m.why {
                            let options = textwrap::Options::new(90)
                                .initial_indent("           ")
                                .subsequent_indent("             ");
                            for line in textwrap::wrap(reason, options) {
                                writeln!(self.out, "{line}")?;
                            }
                        }
                    }
                }
            }
        }
        let mut summary = format!("{passed} passed, {failed} failed");
        if skipped > 0 {
            summary.push_str(&format!(", {skipped} skipped"));
        }
        writeln!(self.out, "{summary}")?;
        self.out.flush()?;
        if let Some(grades) = grades {
            let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
            if let Err(d) = files::write_atomic(grades, gradebook.concat().as_bytes(), &inputs) {
                self.report_error(&d);
                return Ok(2);
            }
        }
        Ok(if broken > 0 {
            2
        } else if failed > 0 {
            1
        } else {
            0
        })
    }

    fn simulate(
        &mut self,
        path: &Path,
        override_id: Option<&str>,
        options: simulate::Options,
        format: Format,
    ) -> std::io::Result<i32> {
        let Some((scenario, key)) = self.load_scenario(path, override_id) else {
            return Ok(2);
        };
        let procedure = &self.procedures[&key];
        let interactive = std::io::stderr().is_terminal();
        let bar = if interactive {
            let bar = indicatif::ProgressBar::new(options.trials);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {human_pos}/{human_len} trials  {msg}  ETA {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        } else {
            indicatif::ProgressBar::hidden()
        };
        static STOP: AtomicBool = AtomicBool::new(false);
        // Ctrl-C stops after the chunks in hand; the report says it is partial.
        let _ = ctrlc::set_handler(|| STOP.store(true, Ordering::Relaxed));
        let started = std::time::Instant::now();
        // Advanced per chunk of trials, not per trial.
        let advance = |n: u64| {
            bar.inc(n);
            let rate = bar.position() as f64 / bar.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!("{} trials/s", crate::diag::thousands(rate as u64)));
        };
        let result = simulate::run(procedure, &scenario, options, &advance, &STOP);
        bar.finish_and_clear();
        let ensemble = match result {
            Ok(e) => e,
            Err(message) => {
                self.report_error(&Diagnostic::file(&scenario.file, message));
                return Ok(2);
            }
        };
        let seconds = started.elapsed().as_secs_f64();
        let text = match format {
            Format::Text => simulate::to_text(procedure, &scenario, &ensemble, self.style),
            Format::Json => {
                let doc = simulate::to_json(procedure, &scenario, &ensemble);
                serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
            }
        };
        self.out.write_all(text.as_bytes())?;
        self.out.flush()?;
        if interactive {
            eprintln!(
                "{} trials in {seconds:.2} s ({} trials/s) on {} threads",
                crate::diag::thousands(ensemble.counts.trials),
                crate::diag::thousands((ensemble.counts.trials as f64 / seconds.max(1e-9)) as u64),
                options.threads
            );
        }
        Ok(if ensemble.partial { 130 } else { 0 })
    }

    fn diagram(&mut self, args: DiagramArgs) -> std::io::Result<i32> {
        let format = args.format.unwrap_or_else(|| {
            match args
                .output
                .as_deref()
                .and_then(|p| p.extension())
                .and_then(|x| x.to_str())
            {
                Some("dot" | "gv") => DiagramFormat::Dot,
                Some("mmd" | "mermaid") => DiagramFormat::Mermaid,
                _ => DiagramFormat::Svg,
            }
        });
        let only = match &args.track {
            Some(name) => match TrackKind::parse(name) {
                Ok(kind) => diagram::Only::Track(kind),
                Err(e) => {
                    eprintln!("error: {e}");
                    return Ok(2);
                }
            },
            None => diagram::Only::All,
        };
        // The scenario's own rulebook file, when it names one: never written over either.
        let mut rulebook_file: Option<PathBuf> = None;
        let built = match &args.scenario {
            Some(path) => match self.load_and_run(path, args.rulebook.as_deref()) {
                Ok((scenario, key, run)) => {
                    rulebook_file = Some(PathBuf::from(&key));
                    diagram::build(&self.procedures[&key], only, Some((&scenario, &run)))
                }
                Err(d) => {
                    self.report_error(&d);
                    return Ok(2);
                }
            },
            None => {
                let id = args.rulebook.as_deref().unwrap_or(rulebook::DEFAULT_ID);
                let Some(procedure) = self.load_rulebook(id) else {
                    return Ok(2);
                };
                diagram::build(&procedure, only, None)
            }
        };
        let text = match format {
            DiagramFormat::Svg => diagram::svg::render(&built),
            DiagramFormat::Dot => diagram::dot::render(&built),
            DiagramFormat::Mermaid => diagram::mermaid::render(&built),
        };
        let mut inputs: Vec<&Path> = Vec::new();
        if let Some(s) = &args.scenario {
            inputs.push(s);
        }
        if let Some(r) = &args.rulebook {
            inputs.push(Path::new(r));
        }
        if let Some(r) = &rulebook_file {
            inputs.push(r);
        }
        self.emit(args.output.as_deref(), &text, &inputs)
    }

    fn report(
        &mut self,
        path: &Path,
        override_id: Option<&str>,
        output: Option<&Path>,
    ) -> std::io::Result<i32> {
        match self.load_and_run(path, override_id) {
            Ok((scenario, key, run)) => {
                let html = report::to_html(&self.procedures[&key], &scenario, &run);
                // The scenario, and the rulebook file it ran under (a built-in id names
                // no file and matches nothing).
                let inputs = [path, Path::new(&key)];
                self.emit(output, &html, &inputs)
            }
            Err(d) => {
                self.report_error(&d);
                Ok(2)
            }
        }
    }

    /// Writes a command's document to stdout or, atomically, to a file.
    fn emit(
        &mut self,
        output: Option<&Path>,
        text: &str,
        inputs: &[&Path],
    ) -> std::io::Result<i32> {
        match output {
            Some(path) if !files::is_stdout(Some(path)) => {
                match files::write_atomic(path, text.as_bytes(), inputs) {
                    Ok(()) => Ok(0),
                    Err(d) => {
                        self.report_error(&d);
                        Ok(2)
                    }
                }
            }
            _ => {
                self.out.write_all(text.as_bytes())?;
                self.out.flush()?;
                Ok(0)
            }
        }
    }

    fn compare(&mut self, path: &Path, rulebooks: &[String]) -> std::io::Result<i32> {
        if rulebooks.len() != 2 {
            eprintln!(
                "error: compare takes exactly two rulebooks, got {}\n  help: write --rulebook us-nato-2024 --rulebook as-reported-60",
                rulebooks.len()
            );
            return Ok(2);
        }
        let mut runs = Vec::new();
        for id in rulebooks {
            match self.load_and_run(path, Some(id)) {
                Ok((scenario, key, run)) => runs.push((scenario, key, run)),
                Err(d) => {
                    self.report_error(&d);
                    return Ok(2);
                }
            }
        }
        let (sa, ka, ra) = &runs[0];
        let (sb, kb, rb) = &runs[1];
        let a = compare_cmd::Side {
            procedure: &self.procedures[ka],
            scenario: sa,
            run: ra,
        };
        let b = compare_cmd::Side {
            procedure: &self.procedures[kb],
            scenario: sb,
            run: rb,
        };
        let text = compare_cmd::compare(&a, &b, self.style);
        self.out.write_all(text.as_bytes())?;
        self.out.flush()?;
        Ok(0)
    }

    fn paths(
        &mut self,
        to: &str,
        (lawful, unlawful): (bool, bool),
        max: usize,
        size: explore::Size,
        id: &str,
    ) -> std::io::Result<i32> {
        let Some(procedure) = self.load_rulebook(id) else {
            return Ok(2);
        };
        let target: TreatyStatus = match TreatyStatus::parse(to) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                return Ok(2);
            }
        };
        let started = std::time::Instant::now();
        let ex = match explore::Exploration::run(&procedure, size, explore::STATE_LIMIT) {
            Ok(ex) => ex,
            Err(message) => {
                eprintln!("error: {message}");
                return Ok(2);
            }
        };
        let seconds = started.elapsed().as_secs_f64();
        let all = explore::first_arrivals(&ex, |i| ex.status(i) == target);
        let lawful_count = all.iter().filter(|&&i| ex.lawful(i)).count();
        let shown: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&i| (!lawful || ex.lawful(i)) && (!unlawful || !ex.lawful(i)))
            .collect();
        let mut out = String::new();
        out.push_str(&self.style.bold(&format!(
            "Routes to {} under {}",
            to.replace('_', " "),
            procedure.rulebook.id
        )));
        out.push('\n');
        if std::io::stderr().is_terminal() {
            eprintln!("explored in {seconds:.2} s");
        }
        out.push_str(&format!(
            "Explored {} states and {} moves. {} distinct routes reach it: {} lawful, {} unlawful.\n",
            crate::diag::thousands(ex.nodes.len() as u64),
            crate::diag::thousands(ex.transitions as u64),
            all.len(),
            lawful_count,
            all.len() - lawful_count
        ));
        if ex.nodes.len() >= explore::STATE_LIMIT {
            out.push_str(
                "The exploration stopped at its limit of states: routes may be missing.\n",
            );
        }
        let filter = if lawful {
            " lawful"
        } else if unlawful {
            " unlawful"
        } else {
            ""
        };
        out.push_str(&format!("The {} shortest{filter}:\n", shown.len().min(max)));
        for (n, &i) in shown.iter().take(max).enumerate() {
            let moves = ex.nodes[i].depth;
            let verdict = if ex.lawful(i) {
                "lawful".to_string()
            } else {
                let (standing, _) = engine::standing_breaches(&ex.nodes[i].world);
                let ids: Vec<&str> = standing
                    .iter()
                    .filter_map(|k| procedure.provisions.get(k).map(|x| x.id.as_str()))
                    .collect();
                format!("unlawful: {} violated", ids.join(", "))
            };
            out.push_str(&format!("\nRoute {} ({moves} moves, {verdict})\n", n + 1));
            out.push_str(&explore::route_text(&ex, i));
        }
        self.out.write_all(out.as_bytes())?;
        self.out.flush()?;
        Ok(0)
    }

    fn check(
        &mut self,
        id: &str,
        write: Option<&Path>,
        size: explore::Size,
    ) -> std::io::Result<i32> {
        let Some(procedure) = self.load_rulebook(id) else {
            return Ok(2);
        };
        if let Some(dir) = write
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            eprintln!("error: cannot create {}: {e}", dir.display());
            return Ok(2);
        }
        let started = std::time::Instant::now();
        let ex = match explore::Exploration::run(&procedure, size, explore::STATE_LIMIT) {
            Ok(ex) => ex,
            Err(message) => {
                eprintln!("error: {message}");
                return Ok(2);
            }
        };
        let style = self.style;
        let mut out = String::new();
        out.push_str(&style.bold(&format!("Properties of {}", procedure.rulebook.id)));
        out.push('\n');
        out.push_str(&format!(
            "Checked over {} states and {} moves, every one the procedure can reach from the start.\n",
            crate::diag::thousands(ex.nodes.len() as u64),
            crate::diag::thousands(ex.transitions as u64)
        ));
        let properties: Vec<_> = procedure.properties_on(ex.nodes[0].world.date).collect();
        if properties.is_empty() {
            out.push_str("The rulebook states no properties in force on the day explored.\n");
        }
        let (mut held, mut failed) = (0, 0);
        for property in properties {
            let verdict = explore::check(&ex, property);
            let sometimes = matches!(
                property.test,
                rulebook::PropertyTest::SometimesUnlawfulWithdrawal
                    | rulebook::PropertyTest::SometimesWithdrawnUnauthorized
            );
            let mark = if verdict.holds {
                held += 1;
                green(style, "holds")
            } else {
                failed += 1;
                red(style, "FAILS")
            };
            out.push_str(&format!("\n{mark}  {}\n", style.bold(&property.id.value)));
            let cite = report::citation_text(
                procedure.rulebook.citations.get(&property.citation),
                &property.citation,
            );
            let says = procedure.render(&property.says, ex.nodes[0].world.date);
            for line in textwrap::wrap(&format!("{says} — {cite}"), 90) {
                out.push_str(&format!("       {line}\n"));
            }
            if let Some(i) = verdict.example {
                let what = if sometimes {
                    "witness"
                } else {
                    "counterexample"
                };
                out.push_str(&format!("       {what} ({} moves):\n", ex.nodes[i].depth));
                for line in explore::route_text(&ex, i).lines() {
                    out.push_str(&format!("     {line}\n"));
                }
                if let Some(dir) = write {
                    let path = dir.join(format!(
                        "{}-{}.yaml",
                        procedure.rulebook.id, property.id.value
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
                    if let Err(d) = files::write_atomic(&path, text.as_bytes(), &[]) {
                        self.report_error(&d);
                        return Ok(2);
                    }
                    out.push_str(&format!("       written to {}\n", path.display()));
                }
            }
        }
        out.push_str(&format!("\n{held} hold, {failed} fail\n"));
        self.out.write_all(out.as_bytes())?;
        self.out.flush()?;
        if std::io::stderr().is_terminal() {
            eprintln!("explored in {:.2} s", started.elapsed().as_secs_f64());
        }
        Ok(if failed > 0 { 1 } else { 0 })
    }

    fn why(&mut self, path: &Path, override_id: Option<&str>) -> std::io::Result<i32> {
        let Some((scenario, key)) = self.load_scenario(path, override_id) else {
            return Ok(2);
        };
        if scenario.is_uncertain() {
            self.report_error(
                &Diagnostic::file(&scenario.file, "why needs a scenario without uncertain inputs")
                    .with_help("draw one history with `treatysim run FILE --seed S --trial N`, or remove the chances, windows, binomial votes and weighted holdings"),
            );
            return Ok(2);
        }
        let procedure = &self.procedures[&key];
        let (base, tried, best) = match explore::why::smallest_flip(procedure, &scenario) {
            Ok(found) => found,
            Err(_) => {
                let d = engine::run(procedure, &scenario)
                    .err()
                    .map(|e| e.diagnostic(&scenario))
                    .unwrap_or_else(|| Diagnostic::file(&scenario.file, "the scenario cannot run"));
                self.report_error(&d);
                return Ok(2);
            }
        };
        let mut out = String::new();
        out.push_str(&self.style.bold(&format!("Why: {}", scenario.title)));
        out.push('\n');
        out.push_str(&format!(
            "Under {} the scenario ends {}.\n",
            procedure.rulebook.id,
            explore::why::summary(&base)
        ));
        match best {
            None => out.push_str(&format!(
                "None of the {tried} single changes tried (a vote, a holding, an event removed, moved or added) flips it.\n"
            )),
            Some(change) => {
                out.push_str(&format!(
                    "The smallest change that flips it, of {tried} tried:\n\n"
                ));
                let sentence = format!(
                    "{}, it would end {} instead.",
                    change.sentence,
                    explore::why::summary(&change.outcome)
                );
                for line in textwrap::wrap(&sentence, 96) {
                    out.push_str(&format!("  {line}\n"));
                }
                out.push_str("\nThe changed scenario (`treatysim run` replays it):\n\n");
                // A rulebook file is named as seen from the scenario's own folder, where
                // the changed story would be saved beside it.
                let beside = (!files::is_stdin(Path::new(&scenario.file)))
                    .then(|| Path::new(&scenario.file));
                out.push_str(&explore::why::to_yaml(
                    procedure,
                    &change.scenario,
                    &format!("The smallest change to {} that flips its outcome: {}.", scenario.title, change.sentence),
                    beside,
                ));
            }
        }
        self.out.write_all(out.as_bytes())?;
        self.out.flush()?;
        Ok(0)
    }

    fn play(
        &mut self,
        id: &str,
        role: play_cmd::Role,
        save: Option<PathBuf>,
    ) -> std::io::Result<i32> {
        if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
            eprintln!(
                "error: play is interactive and needs a terminal\n  help: run it in a terminal; to replay a saved session use `treatysim run FILE`"
            );
            return Ok(2);
        }
        match self.load_rulebook(id) {
            Some(p) => play_cmd::play(&p, role, save),
            None => Ok(2),
        }
    }

    fn explain(
        &mut self,
        name: &str,
        id: &str,
        on: Option<jiff::civil::Date>,
    ) -> std::io::Result<i32> {
        let Some(procedure) = self.load_rulebook(id) else {
            return Ok(2);
        };
        let date = on.unwrap_or(jiff::civil::Date::MAX);
        let text = if name.trim().is_empty() {
            explain_cmd::list(&procedure, self.style)
        } else {
            match explain_cmd::one(&procedure, name, date, self.style) {
                Ok(text) => text,
                Err((message, help)) => {
                    eprintln!("error: {message}\n  help: {help}");
                    return Ok(2);
                }
            }
        };
        self.out.write_all(text.as_bytes())?;
        self.out.flush()?;
        Ok(0)
    }

    fn rulebook(&mut self, command: RulebookCommand) -> std::io::Result<i32> {
        match command {
            RulebookCommand::List => {
                let text = rulebook_cmd::list(self.style);
                self.out.write_all(text.as_bytes())?;
                Ok(0)
            }
            RulebookCommand::Show { rulebook: id, on } => match rulebook::load(&id) {
                Ok(procedure) => {
                    let date = on
                        .or(procedure.rulebook.law_as_of)
                        .unwrap_or(jiff::civil::Date::MAX);
                    let text = rulebook_cmd::show(&procedure, date, self.style);
                    self.out.write_all(text.as_bytes())?;
                    Ok(0)
                }
                Err(diagnostic) => {
                    self.report_error(&diagnostic);
                    Ok(2)
                }
            },
        }
    }
}

/// `auto` colours a terminal unless NO_COLOR is set (to anything but "").
fn wants_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Whether a YAML file is a rulebook (its top level names an `id:` and no `events:`),
/// so that `test` on a folder skips the rulebooks kept beside its scenarios. A file that
/// cannot be read or parsed is left to be reported as a scenario.
fn is_rulebook_file(path: &Path) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        id: Option<serde::de::IgnoredAny>,
        events: Option<serde::de::IgnoredAny>,
    }
    files::read_text(path)
        .ok()
        .and_then(|text| crate::yaml::from_str::<Probe>(&path.display().to_string(), &text).ok())
        .is_some_and(|probe| probe.id.is_some() && probe.events.is_none())
}

fn collect_yaml(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_yaml(&path, files);
        } else if path.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            files.push(path);
        }
    }
}

fn paint(style: Style, color: anstyle::AnsiColor, text: &str) -> String {
    if style.color {
        let s = anstyle::Style::new().fg_color(Some(color.into())).bold();
        format!("{}{text}{}", s.render(), s.render_reset())
    } else {
        text.to_string()
    }
}
fn red(style: Style, text: &str) -> String {
    paint(style, anstyle::AnsiColor::Red, text)
}
fn green(style: Style, text: &str) -> String {
    paint(style, anstyle::AnsiColor::Green, text)
}
fn yellow(style: Style, text: &str) -> String {
    paint(style, anstyle::AnsiColor::Yellow, text)
}
