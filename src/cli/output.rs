//! Where a command's output goes: standard output, or a file written atomically that is
//! none of the inputs. A document that is not for reading in a terminal (an HTML report,
//! an SVG diagram) is never poured into one: with no `-o` and a terminal on standard
//! output it goes to a file named after what it shows, and the command says where.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::App;
use crate::files;
use crate::workspace::{DiagramFormat, Error};

/// The widest terminal text is laid out for: wider lines are hard to read.
pub(super) const WIDEST: usize = 160;

/// The columns to wrap text to: on a terminal its width (`COLUMNS` when set, as shells
/// and test harnesses do, else the terminal's own), between [`crate::wrap::NARROWEST`]
/// and [`WIDEST`]; elsewhere the fixed [`crate::wrap::PIPED`] width, so piped output is
/// the same on every machine.
pub(super) fn text_width(terminal: bool) -> usize {
    if !terminal {
        return crate::wrap::PIPED;
    }
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0);
    // A terminal that reports no size (0 columns, as a bare pseudo-terminal may) is
    // taken to be of the common width.
    let measured = || {
        terminal_size::terminal_size_of(std::io::stdout())
            .map(|(w, _)| usize::from(w.0))
            .filter(|w| *w > 0)
    };
    columns
        .or_else(measured)
        .unwrap_or(crate::wrap::PIPED)
        .clamp(crate::wrap::NARROWEST, WIDEST)
}

/// A document for a file: its name when none is given, and whether to open it.
pub(super) struct Document<'a> {
    /// The file name used on a terminal without `-o` (in the current folder).
    pub default_name: String,
    /// What it is, for the sentence saying where it went ("the report").
    pub what: &'a str,
    /// What to do with the file ("open it in a web browser").
    pub hint: &'a str,
    /// Open it in the web browser once written (`report --open`).
    pub open: bool,
}

impl<W: Write> App<W> {
    pub(super) fn print(&mut self, text: &str) -> std::io::Result<i32> {
        self.out.write_all(text.as_bytes())?;
        self.out.flush()?;
        Ok(0)
    }

    pub(super) fn print_or_fail(&mut self, text: Result<String, Error>) -> std::io::Result<i32> {
        match text {
            Ok(text) => self.print(&text),
            Err(e) => Ok(self.fail(&e)),
        }
    }

    /// Writes a command's document to stdout or, atomically, to a file that is none of
    /// the inputs.
    pub(super) fn emit(
        &mut self,
        output: Option<&Path>,
        text: &str,
        inputs: &[&Path],
    ) -> std::io::Result<i32> {
        match output {
            Some(path) if !files::is_stdout(Some(path)) => {
                match files::write_atomic(path, text.as_bytes(), inputs) {
                    Ok(()) => Ok(0),
                    Err(d) => Ok(self.fail(&Error::Input(d))),
                }
            }
            _ => self.print(text),
        }
    }

    /// A document (a report, a diagram): to `-o FILE`, to standard output for `-o -` or a
    /// pipe, and on a terminal without `-o` to `doc.default_name`, saying where; then
    /// opened in the browser if asked.
    pub(super) fn emit_document(
        &mut self,
        output: Option<&Path>,
        text: &str,
        inputs: &[PathBuf],
        doc: Document,
    ) -> std::io::Result<i32> {
        let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
        let target = match output {
            Some(path) => Some(path.to_path_buf()),
            None if self.terminal || doc.open => Some(PathBuf::from(&doc.default_name)),
            None => None,
        };
        let to_file = target.as_deref().filter(|p| !files::is_stdout(Some(p)));
        if doc.open && to_file.is_none() {
            return Ok(self.fail(&Error::Usage {
                message: format!(
                    "--open needs {} in a file, not on standard output",
                    doc.what
                ),
                help: Some("leave out -o -, or name a file: -o story.html --open".into()),
            }));
        }
        let code = self.emit(target.as_deref(), text, &inputs)?;
        let (Some(path), 0) = (to_file, code) else {
            return Ok(code);
        };
        if output.is_none() {
            let said = format!(
                "Wrote {} to {}: {}. (-o - prints it here instead.)",
                doc.what,
                path.display(),
                doc.hint
            );
            let mut text = String::new();
            crate::wrap::push(&mut text, &said, "", self.style.width);
            self.out.write_all(text.as_bytes())?;
        }
        if doc.open {
            let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            if let Err(e) = opener::open_browser(&absolute) {
                eprintln!(
                    "warning: wrote {} but could not open a browser: {e}\n  help: open {} yourself",
                    path.display(),
                    path.display()
                );
            }
        }
        Ok(0)
    }
}

/// The report of `file`: `file`'s name with .html on a terminal without -o.
pub(super) fn report_document(file: &Path, open: bool) -> Document<'static> {
    Document {
        default_name: named_after(Some(file), "report", "html"),
        what: "the report",
        hint: "open it in a web browser",
        open,
    }
}

/// A diagram: named after the scenario whose path it draws, else the rulebook.
pub(super) fn diagram_document(
    format: DiagramFormat,
    scenario: Option<&Path>,
    rulebook: Option<&str>,
) -> Document<'static> {
    let shows = scenario.or(rulebook.map(Path::new));
    Document {
        default_name: named_after(shows, crate::rulebook::DEFAULT_ID, format.extension()),
        what: "the diagram",
        hint: match format {
            DiagramFormat::Svg => "open it in a web browser",
            DiagramFormat::Dot => "Graphviz draws it (dot -Tsvg)",
            DiagramFormat::Mermaid => "GitHub and the Mermaid Live Editor draw it",
        },
        open: false,
    }
}

/// The name a document gets from the scenario (or rulebook) it shows: its file stem, or
/// `fallback` for standard input or a built-in id.
pub(super) fn named_after(source: Option<&Path>, fallback: &str, extension: &str) -> String {
    let stem = source
        .filter(|p| !files::is_stdin(p))
        .and_then(|p| p.file_stem())
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .unwrap_or(fallback);
    format!("{stem}.{extension}")
}
