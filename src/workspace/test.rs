//! `test`: run scenario files and check them against their `expect:` blocks (and an
//! exercise as handed out), one verdict per file, and the gradebook a teacher opens in a
//! spreadsheet.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Error, RunOptions, Source, Workspace};
use crate::diag::Diagnostic;
use crate::expect;
use crate::files;
use crate::report::Style;

/// What to test against.
#[derive(Clone, Debug, Default)]
pub struct TestOptions {
    /// A built-in id or a rulebook file to use instead of each scenario's.
    pub rulebook: Option<String>,
    /// An exercise that each file must answer: its `expect:`, setup, clock, rulebook and
    /// events kept (a student only adds events).
    pub exercise: Option<PathBuf>,
}

/// What `test` found for one file.
#[derive(Debug)]
pub enum Verdict {
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

/// One file and its verdict.
#[derive(Debug)]
pub struct TestedFile {
    pub path: PathBuf,
    pub verdict: Verdict,
}

impl TestedFile {
    /// The file's line (and, for a failure, the mismatches with where and why) as
    /// `test` prints them, the file name padded to `width`. An error's diagnostic is
    /// not in it: it goes to standard error.
    pub fn text(&self, width: usize, style: Style) -> String {
        let shown = format!("{:<width$}", self.path.display().to_string());
        let row = |label: String, text: &str| {
            let mut out = String::new();
            let lead = format!("{label}  {shown}  ");
            crate::wrap::push_row(&mut out, &lead, text, "       ", style.width);
            out
        };
        match &self.verdict {
            Verdict::Error(d) if d.procedural => row(
                style.red("ERROR"),
                "cannot run: a step the law does not allow at that point",
            ),
            Verdict::Error(_) => row(style.red("ERROR"), "cannot run"),
            Verdict::Skipped { why, warn, .. } => {
                let label = if *warn { "warn " } else { "skip " };
                row(style.yellow(label), why)
            }
            Verdict::Checked { title, mismatches } if mismatches.is_empty() => {
                row(style.green("ok   "), title)
            }
            Verdict::Checked { title, mismatches } => {
                let mut out = row(style.red("FAIL "), title);
                for m in mismatches {
                    out.push_str(&mismatch_text(m, style));
                }
                out
            }
        }
    }

    /// The file's row of the gradebook: file, title, result, checks failed, first problem.
    pub fn grade(&self) -> String {
        let file = self.path.display().to_string();
        let g = self.graded();
        csv_row(&[
            &file,
            &g.title,
            g.result,
            &g.checks_failed,
            &g.first_problem,
        ])
    }

    /// The file's grade as data: what the gradebook's row says after the file's name.
    pub fn graded(&self) -> Graded {
        let row = |title: &str, result: &'static str, failed: &str, problem: &str| Graded {
            title: title.to_string(),
            result,
            checks_failed: failed.to_string(),
            first_problem: problem.to_string(),
        };
        match &self.verdict {
            Verdict::Error(d) => {
                let at = if d.line > 0 {
                    format!(" (line {}, column {})", d.line, d.column)
                } else {
                    String::new()
                };
                // A step out of order is a mistake of law; anything else, of the file.
                let result = if d.procedural {
                    "illegal step"
                } else {
                    "error"
                };
                row("", result, "", &format!("{}{at}", d.message))
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

/// A file's grade, as the gradebook has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Graded {
    pub title: String,
    /// pass, fail, illegal step (a step the law does not allow at that point: a mistake
    /// of law), error (a file that does not read or run: a mistake of typing or data) or
    /// skipped.
    pub result: &'static str,
    /// How many checks failed (empty when none were made).
    pub checks_failed: String,
    /// The first problem, in a sentence (empty for a pass).
    pub first_problem: String,
}

/// One mismatch: expected and got, the step where the story went another way, and why.
fn mismatch_text(m: &expect::Mismatch, style: Style) -> String {
    let mut out = format!(
        "       {}: expected {}, got {}\n",
        m.key,
        style.green(&m.expected),
        style.red(&m.got)
    );
    if let Some(step) = &m.decided_by {
        crate::wrap::push(&mut out, &format!("at {step}"), "         ", style.width);
    }
    for reason in &m.why {
        crate::wrap::push_hanging(
            &mut out,
            reason,
            &" ".repeat(11),
            &" ".repeat(13),
            style.width,
        );
    }
    out
}

/// Every file tested, in order.
#[derive(Debug, Default)]
pub struct Tested {
    pub files: Vec<TestedFile>,
}

impl Tested {
    pub fn passed(&self) -> usize {
        self.count(|v| matches!(v, Verdict::Checked { mismatches, .. } if mismatches.is_empty()))
    }
    /// Failed checks and files that could not run.
    pub fn failed(&self) -> usize {
        self.count(|v| {
            matches!(v, Verdict::Error(_))
                || matches!(v, Verdict::Checked { mismatches, .. } if !mismatches.is_empty())
        })
    }
    pub fn skipped(&self) -> usize {
        self.count(|v| matches!(v, Verdict::Skipped { .. }))
    }
    /// Files that could not run.
    pub fn broken(&self) -> usize {
        self.count(|v| matches!(v, Verdict::Error(_)))
    }
    fn count(&self, f: impl Fn(&Verdict) -> bool) -> usize {
        self.files.iter().filter(|t| f(&t.verdict)).count()
    }

    /// "N passed, M failed" (and skipped, when any).
    pub fn summary(&self) -> String {
        let mut summary = format!("{} passed, {} failed", self.passed(), self.failed());
        if self.skipped() > 0 {
            summary.push_str(&format!(", {} skipped", self.skipped()));
        }
        summary
    }

    /// The gradebook: a header and one RFC 4180 row per file.
    pub fn gradebook(&self) -> String {
        let mut book = csv_row(&["file", "title", "result", "checks failed", "first problem"]);
        for file in &self.files {
            book.push_str(&file.grade());
        }
        book
    }

    /// The files read, which no output may replace.
    pub fn inputs(&self) -> Vec<&Path> {
        self.files.iter().map(|f| f.path.as_path()).collect()
    }
}

/// One CSV record (RFC 4180): fields with a comma, quote or line break are quoted, with
/// quotes doubled; CRLF ends it. A field that a spreadsheet would read as a formula
/// (starting with =, +, -, @, a tab or a carriage return: a student chooses the titles)
/// gets a leading apostrophe, as OWASP advises against CSV injection. Written by hand:
/// the gradebook is five text columns, and this is all of CSV it needs.
pub fn csv_row(fields: &[&str]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            let f = if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{f}")
            } else {
                (*f).to_string()
            };
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(","))
}

/// The files `test` runs: each path given, and every *.yaml and *.yml under each folder
/// (walked in name order, each file once however many links reach it, never around a
/// link loop). The second value says which were found in a folder (and may be rulebooks
/// kept beside scenarios), and the third which are not regular files (a FIFO, a device:
/// never opened, since reading one can block forever).
fn collect(roots: &[PathBuf]) -> (Vec<PathBuf>, BTreeSet<usize>, BTreeSet<usize>) {
    let mut files = Vec::new();
    let mut in_folder = BTreeSet::new();
    let mut irregular = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for root in roots {
        if !root.is_dir() {
            files.push(root.clone());
            continue;
        }
        let walk = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name();
        // An entry that cannot be read (a link loop, a folder without permission) is
        // passed over: a loop leads back to files already found.
        for entry in walk.into_iter().filter_map(Result::ok) {
            let path = entry.path();
            let yaml = path.extension().is_some_and(|x| x == "yaml" || x == "yml");
            if entry.file_type().is_dir() || !yaml {
                continue;
            }
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            if !seen.insert(canonical) {
                continue;
            }
            if !entry.file_type().is_file() {
                irregular.insert(files.len());
            }
            in_folder.insert(files.len());
            files.push(path.to_path_buf());
        }
    }
    (files, in_folder, irregular)
}

impl Workspace {
    /// Tests files and folders (default: scenarios/), calling `each` with every file's
    /// verdict as it comes (for a front that prints as it goes).
    pub fn test(
        &mut self,
        paths: &[PathBuf],
        options: &TestOptions,
        each: &mut dyn FnMut(&TestedFile, usize),
    ) -> Result<Tested, Error> {
        let exercise = match &options.exercise {
            None => None,
            Some(path) => Some(
                files::read_text(path)
                    .and_then(|text| expect::Exercise::new(&files::shown(path), &text))?,
            ),
        };
        let default = [PathBuf::from("scenarios")];
        let roots = if paths.is_empty() {
            &default[..]
        } else {
            paths
        };
        let (files, in_folder, irregular) = collect(roots);
        let width = files
            .iter()
            .map(|f| f.display().to_string().chars().count())
            .max()
            .unwrap_or(0);
        let mut tested = Tested::default();
        for (i, path) in files.into_iter().enumerate() {
            let verdict = if irregular.contains(&i) {
                Verdict::Skipped {
                    title: String::new(),
                    why: "not a regular file (a FIFO, socket or device), not read",
                    warn: true,
                }
            } else {
                match self.test_one(&path, options.rulebook.as_deref(), exercise.as_ref()) {
                    // A file that does not read as a scenario is looked at again only then.
                    Verdict::Error(_) if in_folder.contains(&i) && is_rulebook_file(&path) => {
                        Verdict::Skipped {
                            title: String::new(),
                            why: "a rulebook file, not a scenario",
                            warn: false,
                        }
                    }
                    verdict => verdict,
                }
            };
            let file = TestedFile { path, verdict };
            each(&file, width);
            tested.files.push(file);
        }
        Ok(tested)
    }

    /// One scenario (a file, or an editor's text): run it and check it against its
    /// `expect:` (and the exercise it answers).
    pub fn test_one<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        rulebook: Option<&str>,
        exercise: Option<&expect::Exercise>,
    ) -> Verdict {
        let source = source.into();
        let ran = match self.run(source, &RunOptions::under(rulebook)) {
            Err(Error::Input(d)) => return Verdict::Error(d),
            Err(e) => {
                let shown = match source {
                    Source::File(path) => files::shown(path),
                    Source::Text { name, .. } => name.to_string(),
                };
                return Verdict::Error(Diagnostic::file(shown, e.to_string()));
            }
            Ok(ran) => ran,
        };
        let scenario = &ran.scenario;
        if ran.drawn.is_some() {
            return Verdict::Skipped {
                title: scenario.title.clone(),
                why: "uncertain inputs: check it with `treatysim simulate`",
                warn: false,
            };
        }
        let mut mismatches = exercise.map(|e| e.check(scenario)).unwrap_or_default();
        let expectation = scenario.expect.as_ref().filter(|e| !e.is_empty());
        if let Some(expectation) = expectation {
            mismatches.extend(expect::check(
                &ran.procedure,
                scenario,
                expectation,
                &ran.run,
            ));
        }
        // Without an exercise, a file with nothing to check is skipped; an answer to an
        // exercise that dropped its `expect:` fails.
        if expectation.is_none() && mismatches.is_empty() {
            Verdict::Skipped {
                title: scenario.title.clone(),
                why: "no expect: block, nothing checked",
                warn: true,
            }
        } else {
            Verdict::Checked {
                title: scenario.title.clone(),
                mismatches,
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_walked_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("a")).unwrap();
        std::fs::write(root.join("a/one.yaml"), "title: x\n").unwrap();
        std::os::unix::fs::symlink("..", root.join("a/up")).unwrap();
        std::os::unix::fs::symlink(".", root.join("self")).unwrap();
        std::os::unix::fs::symlink("a", root.join("b")).unwrap();
        let (files, in_folder, irregular) = collect(&[root.to_path_buf()]);
        assert_eq!(files, vec![root.join("a/one.yaml")], "{files:?}");
        assert_eq!(in_folder.len(), 1);
        assert!(irregular.is_empty());
    }

    #[test]
    fn folders_are_walked_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "b.yaml",
            "a/z.yml",
            "a/y.yaml",
            "c/x.yaml",
            "notes.txt",
            "A.yaml",
        ] {
            let path = root.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "title: x\n").unwrap();
        }
        let (files, ..) = collect(&[root.to_path_buf()]);
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            names,
            ["A.yaml", "a/y.yaml", "a/z.yml", "b.yaml", "c/x.yaml"]
        );
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        assert_eq!(csv_row(&["a", "b c"]), "a,b c\r\n");
        assert_eq!(
            csv_row(&["x,y", "say \"no\"", "two\nlines"]),
            "\"x,y\",\"say \"\"no\"\"\",\"two\nlines\"\r\n"
        );
        // Formulas are defused.
        assert_eq!(
            csv_row(&["=HYPERLINK(\"x\")", "@SUM(A1)", "+1", "-1", "ok"]),
            "\"'=HYPERLINK(\"\"x\"\")\",'@SUM(A1),'+1,'-1,ok\r\n"
        );
    }
}
