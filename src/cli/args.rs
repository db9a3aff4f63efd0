//! The command line's arguments (clap's derive): every command, its options and their
//! help text. Nothing here runs anything; `super` dispatches.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use super::{play_cmd, tools_cmd};
use crate::rulebook;
use crate::vocab::{TrackKind, Word};

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
        /// failed, first problem), for a spreadsheet; - prints it on standard output
        /// (each file's line then goes to standard error).
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
        /// Write to this file (atomically); - is standard output. Without -o, a terminal
        /// gets a file named after the scenario (or rulebook), and a pipe the diagram.
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
        /// Write to this file (atomically); - is standard output. Without -o, a terminal
        /// gets FILE's name with .html, and a pipe the page itself.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Open the report in the web browser once written ($BROWSER if set).
        #[arg(long)]
        open: bool,
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
    /// Serve the classroom in a browser: students join with a class code, edit scenarios
    /// with the results beside them, and hand in exercises; the teacher's page shows
    /// every hand-in and exports the gradebook (docs/serve.md).
    Serve {
        /// The address to listen on: 127.0.0.1 for this computer only, 0.0.0.0 for
        /// every computer on the network.
        #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port to listen on (0: any free port).
        #[arg(long, value_name = "PORT", default_value_t = 8080)]
        port: u16,
        /// The class folder: codes, students, exercises and every student's work are
        /// kept here (created if missing), so a restart loses nothing.
        #[arg(long, value_name = "DIR", default_value = "class")]
        class: PathBuf,
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

impl From<DiagramFormat> for crate::workspace::DiagramFormat {
    fn from(format: DiagramFormat) -> Self {
        match format {
            DiagramFormat::Svg => Self::Svg,
            DiagramFormat::Dot => Self::Dot,
            DiagramFormat::Mermaid => Self::Mermaid,
        }
    }
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
pub fn parse_day(text: &str) -> Result<jiff::civil::Date, String> {
    crate::calendar::parse_date(text)
}
