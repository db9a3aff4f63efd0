//! The command line: a thin layer over [`crate::workspace`]. It parses the arguments
//! (`args`), calls the workspace, prints what comes back and sets the exit code.
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

mod args;
mod output;
mod panic;
mod play_cmd;
mod tools_cmd;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;

pub use args::{Cli, ColorChoice, Command, DiagramFormat, Format, RulebookCommand};

use crate::diag::thousands;
use crate::diagram;
use crate::explore;
use crate::files;
use crate::report::Style;
use crate::simulate;
use crate::vocab::{TrackKind, TreatyStatus, Word};
use crate::workspace::{
    self, Error, PathsRequest, RunOptions, Source, TestOptions, Verdict, Workspace,
};

pub use panic::INTERNAL_ERROR;
use panic::install_panic_hook;

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
    let mut app = App {
        out: std::io::stdout().lock(),
        style: Style {
            color: wants_color(cli.color, std::io::stdout().is_terminal()),
            width: output::text_width(std::io::stdout().is_terminal()),
        },
        err_color: wants_color(cli.color, std::io::stderr().is_terminal()),
        terminal: std::io::stdout().is_terminal(),
        ws: Workspace::new(),
    };
    match app.dispatch(cli.command) {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            2
        }
    }
}

/// The command line over a [`Workspace`]: where to print, in colour or not.
struct App<W: Write> {
    out: W,
    style: Style,
    err_color: bool,
    /// Standard output is a terminal (a document is then written to a file).
    terminal: bool,
    ws: Workspace,
}

impl<W: Write> App<W> {
    /// Long because: one arm per command, each only turning the parsed arguments into
    /// a workspace call and its result into output and an exit code.
    fn dispatch(&mut self, command: Command) -> std::io::Result<i32> {
        match command {
            Command::Run {
                files,
                rulebook,
                format,
                seed,
                trial,
            } => {
                let options = RunOptions {
                    rulebook,
                    seed,
                    trial,
                };
                self.run(&files, &options, format)
            }
            Command::Simulate {
                file,
                trials,
                seed,
                threads,
                rulebook,
                format,
            } => {
                let threads = threads.map_or_else(
                    || std::thread::available_parallelism().map_or(1, |n| n.get()),
                    usize::from,
                );
                let options = simulate::Options {
                    trials,
                    seed,
                    threads,
                };
                self.simulate(&file, rulebook.as_deref(), options, format)
            }
            Command::Test {
                paths,
                rulebook,
                grades,
                exercise,
            } => self.test(
                &paths,
                TestOptions { rulebook, exercise },
                grades.as_deref(),
            ),
            Command::Diagram {
                rulebook,
                scenario,
                track,
                format,
                output,
            } => {
                let only = match track.as_deref().map(TrackKind::parse) {
                    None => diagram::Only::All,
                    Some(Ok(kind)) => diagram::Only::Track(kind),
                    Some(Err(e)) => return Ok(self.fail(&Error::usage_only(e))),
                };
                let format = format.map_or_else(
                    || workspace::DiagramFormat::from_extension(output.as_deref()),
                    DiagramFormat::into,
                );
                let doc =
                    output::diagram_document(format, scenario.as_deref(), rulebook.as_deref());
                match self.ws.diagram(
                    rulebook.as_deref(),
                    scenario.as_deref().map(Source::File),
                    only,
                ) {
                    Ok(d) => {
                        let text = d.render(format);
                        self.emit_document(output.as_deref(), &text, &d.inputs, doc)
                    }
                    Err(e) => Ok(self.fail(&e)),
                }
            }
            Command::Report {
                file,
                rulebook,
                output,
                open,
            } => {
                let doc = output::report_document(&file, open);
                match self.ws.report(&file, rulebook.as_deref()) {
                    Ok((html, inputs)) => {
                        self.emit_document(output.as_deref(), &html, &inputs, doc)
                    }
                    Err(e) => Ok(self.fail(&e)),
                }
            }
            Command::Compare { file, rulebook } => {
                let compared = self.ws.compare(&file, &rulebook);
                self.print_or_fail(compared.map(|c| c.text(self.style)))
            }
            Command::Paths {
                to,
                lawful,
                unlawful,
                max,
                bills,
                cases,
                rulebook,
            } => {
                let to = match TreatyStatus::parse(&to) {
                    Ok(to) => to,
                    Err(e) => return Ok(self.fail(&Error::usage_only(e))),
                };
                let request = PathsRequest {
                    rulebook,
                    to,
                    lawful: (lawful || unlawful).then_some(lawful),
                    max,
                    size: size(bills, cases),
                };
                let routes = self.ws.paths(&request);
                if let Ok(routes) = &routes {
                    self.say_time(routes.seconds);
                }
                self.print_or_fail(routes.map(|r| r.text(self.style)))
            }
            Command::Check {
                rulebook,
                write_scenarios,
                bills,
                cases,
            } => {
                let checked =
                    match self
                        .ws
                        .check(&rulebook, size(bills, cases), write_scenarios.as_deref())
                    {
                        Ok(checked) => checked,
                        Err(e) => return Ok(self.fail(&e)),
                    };
                self.print(&checked.text(self.style))?;
                self.say_time(checked.seconds);
                Ok(if checked.failed() > 0 { 1 } else { 0 })
            }
            Command::Why { file, rulebook } => {
                let why = self.ws.why(&file, rulebook.as_deref());
                self.print_or_fail(why.map(|w| w.text(self.style)))
            }
            Command::Play {
                rulebook,
                role,
                save,
            } => self.play(&rulebook, role, save),
            Command::Explain { name, rulebook, on } => {
                let text = self.ws.explain(&rulebook, &name.join(" "), on, self.style);
                self.print_or_fail(text)
            }
            Command::Rulebook {
                command: RulebookCommand::List,
            } => {
                let text = self.ws.rulebook_list(self.style);
                self.out.write_all(text.as_bytes())?;
                Ok(0)
            }
            Command::Rulebook {
                command: RulebookCommand::Show { rulebook, on },
            } => {
                let text = self.ws.rulebook_show(&rulebook, on, self.style);
                self.print_or_fail(text)
            }
            Command::New {
                file,
                template,
                force,
            } => self.new_scenario(&file, template, force),
            Command::Schema { kind, output } => {
                let text = tools_cmd::schema(kind);
                self.emit(output.as_deref(), &text, &[])
            }
            Command::Completions { shell } => tools_cmd::completions(shell, &mut self.out),
            Command::Man { dir } => self.man(dir.as_deref()),
            Command::Serve { bind, port, class } => {
                let options = crate::serve::Options { bind, port, class };
                Ok(match crate::serve::serve(&options) {
                    Ok(()) => 0,
                    Err(d) => self.fail(&Error::Input(d)),
                })
            }
        }
    }

    /// Prints an error to standard error and gives the exit code for bad input: 2.
    fn fail(&self, error: &Error) -> i32 {
        match error {
            Error::Input(d) => eprint!("{}", d.render(self.err_color)),
            Error::Usage { message, help } => match help {
                Some(help) => eprintln!("error: {message}\n  help: {help}"),
                None => eprintln!("error: {message}"),
            },
        }
        2
    }

    /// How long an exploration took, on a terminal only (never in piped output).
    fn say_time(&self, seconds: f64) {
        if std::io::stderr().is_terminal() {
            eprintln!("explored in {seconds:.2} s");
        }
    }

    fn run(
        &mut self,
        files: &[PathBuf],
        options: &RunOptions,
        format: Format,
    ) -> std::io::Result<i32> {
        let mut code = 0;
        let mut first = true;
        for path in files {
            let ran = match self.ws.run(path, options) {
                Ok(ran) => ran,
                Err(e) => {
                    code = self.fail(&e);
                    continue;
                }
            };
            let text = match format {
                Format::Text => ran.text(self.style),
                Format::Json => {
                    serde_json::to_string_pretty(&ran.json()).unwrap_or_default() + "\n"
                }
            };
            if !first && format == Format::Text {
                writeln!(self.out)?;
            }
            first = false;
            self.out.write_all(text.as_bytes())?;
        }
        self.out.flush()?;
        Ok(code)
    }

    fn test(
        &mut self,
        paths: &[PathBuf],
        options: TestOptions,
        grades: Option<&Path>,
    ) -> std::io::Result<i32> {
        // With `--grades -` the gradebook is standard output, and the lines go to stderr.
        let book_out = grades.is_some_and(|g| files::is_stdout(Some(g)));
        let (style, err_color) = (self.style, self.err_color);
        let mut stderr = std::io::stderr();
        let out: &mut dyn Write = if book_out { &mut stderr } else { &mut self.out };
        let style = if book_out {
            style.with_color(err_color)
        } else {
            style
        };
        let mut written = Ok(());
        let tested = self.ws.test(paths, &options, &mut |file, width| {
            if written.is_ok() {
                written = out.write_all(file.text(width, style).as_bytes());
            }
            if let Verdict::Error(d) = &file.verdict {
                eprint!("{}", d.render(err_color));
            }
        });
        let tested = match tested {
            Ok(tested) => tested,
            Err(e) => return Ok(self.fail(&e)),
        };
        // A closed pipe (`test DIR | head -1`) ends the printing, not the grading: the
        // gradebook is still written and the exit code still says how the files did.
        let printed = written
            .and_then(|()| writeln!(out, "{}", tested.summary()))
            .and_then(|()| out.flush());
        match printed {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
        if let Some(grades) = grades {
            let book = tested.gradebook();
            let saved = if book_out {
                self.print(&book).map(|_| Ok(()))
            } else {
                Ok(files::write_atomic(
                    grades,
                    book.as_bytes(),
                    &tested.inputs(),
                ))
            };
            match saved {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e),
                Ok(Err(d)) => return Ok(self.fail(&Error::Input(d))),
                _ => {}
            }
        }
        Ok(if tested.broken() > 0 {
            2
        } else if tested.failed() > 0 {
            1
        } else {
            0
        })
    }

    fn simulate(
        &mut self,
        path: &Path,
        rulebook: Option<&str>,
        options: simulate::Options,
        format: Format,
    ) -> std::io::Result<i32> {
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
            bar.set_message(format!("{} trials/s", thousands(rate as u64)));
        };
        let result = self.ws.simulate(path, rulebook, options, &advance, &STOP);
        bar.finish_and_clear();
        let simulated = match result {
            Ok(s) => s,
            Err(e) => return Ok(self.fail(&e)),
        };
        let seconds = started.elapsed().as_secs_f64();
        let text = match format {
            Format::Text => simulated.text(self.style),
            Format::Json => {
                serde_json::to_string_pretty(&simulated.json()).unwrap_or_default() + "\n"
            }
        };
        self.print(&text)?;
        let trials = simulated.ensemble.counts.trials;
        if interactive {
            eprintln!(
                "{} trials in {seconds:.2} s ({} trials/s) on {} threads",
                thousands(trials),
                thousands((trials as f64 / seconds.max(1e-9)) as u64),
                options.threads
            );
        }
        Ok(if simulated.ensemble.partial { 130 } else { 0 })
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
        match self.ws.rulebook(id) {
            Ok(p) => play_cmd::play(&p, role, save, self.style.width),
            Err(e) => Ok(self.fail(&e)),
        }
    }
}

/// How many bills and cases an exploration tracks at once.
fn size(bills: u8, cases: u8) -> explore::Size {
    explore::Size {
        bills: bills.into(),
        cases: cases.into(),
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
