//! Commands that fit treatysim into its users' tools: `new` (a starter scenario),
//! `schema` (JSON Schemas for editors and other programs), `completions` (shell
//! completion scripts, by clap_complete) and `man` (manual pages, by clap_mangen).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{CommandFactory, ValueEnum};

use super::{App, Cli};
use crate::files;

/// The starter stories of `treatysim new`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Template {
    /// Withdrawal with the Senate's consent (cloture, then the consent vote).
    Consent,
    /// Withdrawal authorized by an Act of Congress: cloture, passage, presentment.
    Act,
    /// The President gives notice alone.
    Unilateral,
    /// An unlawful notice challenged in court.
    Lawsuit,
}

impl Template {
    /// The starter's text; every one passes `treatysim test` (tested).
    pub fn text(self) -> &'static str {
        match self {
            Template::Consent => include_str!("../templates/consent.yaml"),
            Template::Act => include_str!("../templates/act.yaml"),
            Template::Unilateral => include_str!("../templates/unilateral.yaml"),
            Template::Lawsuit => include_str!("../templates/lawsuit.yaml"),
        }
    }
}

/// Which schema `treatysim schema` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// Scenario files (docs/scenario.schema.json).
    Scenario,
    /// The JSON of `run --format json` and `simulate --format json`
    /// (docs/output.schema.json).
    Output,
    /// Rulebook files (docs/rulebook.schema.json).
    Rulebook,
}

pub fn schema(kind: SchemaKind) -> String {
    use crate::workspace::{SchemaKind as Kind, schema};
    schema(match kind {
        SchemaKind::Scenario => Kind::Scenario,
        SchemaKind::Output => Kind::Output,
        SchemaKind::Rulebook => Kind::Rulebook,
    })
}

pub fn completions(shell: clap_complete::Shell, out: &mut impl Write) -> std::io::Result<i32> {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "treatysim", &mut buffer);
    out.write_all(&buffer)?;
    out.flush()?;
    Ok(0)
}

/// What the generated pages do not say by themselves, appended to treatysim(1).
const MAN_EXTRA: &str = r#".SH "EXIT STATUS"
.TP
0
Success.
.TP
1
A check failed: an expectation in \fBtest\fR, a property in \fBcheck\fR.
.TP
2
Bad input or usage: the message gives the file, line and column, quotes the value and says what would be valid.
.TP
70
An internal error (a bug in treatysim; please report it).
.TP
130
\fBsimulate\fR was interrupted (Ctrl-C) after printing its partial result.
.SH ENVIRONMENT
.TP
NO_COLOR
When set, output is not coloured even on a terminal (unless \fB\-\-color always\fR).
.TP
COLUMNS
On a terminal, the width text is wrapped to (else the terminal's own width), between
40 and 160 columns. Output that is not to a terminal is always wrapped at 100 columns.
.SH EXAMPLES
.TP
treatysim run scenarios/story\-unilateral\-notice.yaml
The trace of a story, step by step, with the law cited at each.
.TP
treatysim test scenarios/
Check every scenario's \fBexpect:\fR block.
.TP
treatysim new my\-story.yaml \-\-template act
A commented starter scenario to edit.
.TP
treatysim diagram \-\-scenario my\-story.yaml \-o my\-story.svg
The procedure with the story's path drawn on it.
.SH "SEE ALSO"
The law encoded, the scenario format and the classroom kit are in the \fIdocs/\fR folder of the source: law.md, scenario\-format.md, classroom/README.md.
"#;

impl<W: Write> App<W> {
    pub(super) fn new_scenario(
        &mut self,
        path: &Path,
        template: Template,
        force: bool,
    ) -> std::io::Result<i32> {
        if files::is_stdout(Some(path)) {
            return self.emit(None, template.text(), &[]);
        }
        let shown = path.display().to_string();
        if path.exists() && !force {
            eprintln!(
                "error: {shown} already exists; treatysim new does not replace files\n  help: choose another name, or add --force to replace it"
            );
            return Ok(2);
        }
        let modeline = schema_near(path)
            .map(|schema| format!("# yaml-language-server: $schema={}\n", schema.display()))
            .unwrap_or_default();
        let text = modeline + &template.text().replace("FILE", &shown);
        let code = self.emit(Some(path), &text, &[])?;
        if code == 0 {
            eprintln!(
                "wrote {shown} (the {} starter)\n  run it:   treatysim run {shown}\n  check it: treatysim test {shown}",
                template
                    .to_possible_value()
                    .map(|v| v.get_name().to_owned())
                    .unwrap_or_default()
            );
        }
        Ok(code)
    }

    pub(super) fn man(&mut self, dir: Option<&Path>) -> std::io::Result<i32> {
        let mut command = Cli::command().disable_help_subcommand(true);
        command.build();
        let Some(dir) = dir else {
            let (_, text) = page(&command, true);
            return self.emit(None, &text, &[]);
        };
        if !dir.is_dir() {
            eprintln!(
                "error: {}: no such folder\n  help: create it first, e.g. mkdir -p {}",
                dir.display(),
                dir.display()
            );
            return Ok(2);
        }
        let mut pages = vec![page(&command, true)];
        let mut stack: Vec<clap::Command> = command.get_subcommands().cloned().collect();
        while let Some(sub) = stack.pop() {
            stack.extend(sub.get_subcommands().cloned());
            pages.push(page(&sub, false));
        }
        for (name, text) in pages {
            let code = self.emit(Some(&dir.join(name)), &text, &[])?;
            if code != 0 {
                return Ok(code);
            }
        }
        Ok(0)
    }
}

/// One manual page, with its file name; the top page also gets exit status,
/// environment and examples.
fn page(command: &clap::Command, top: bool) -> (String, String) {
    let man = clap_mangen::Man::new(command.clone());
    let mut bytes = Vec::new();
    man.render(&mut bytes)
        .expect("rendering into memory cannot fail");
    let mut text = String::from_utf8_lossy(&bytes).into_owned();
    if top {
        text.push_str(MAN_EXTRA);
    }
    (man.get_filename(), text)
}

/// The committed scenario schema, if `path` is inside a treatysim source tree: the path
/// of docs/scenario.schema.json relative to the new file's folder.
fn schema_near(path: &Path) -> Option<PathBuf> {
    let folder = files::folder_of(path).canonicalize().ok()?;
    let schema = folder
        .ancestors()
        .map(|a| a.join(crate::schema::SCENARIO_SCHEMA_PATH))
        .find(|candidate| candidate.is_file())?;
    Some(files::relative(&folder, &schema))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_then_descend() {
        assert_eq!(
            files::relative(
                Path::new("/r/scenarios/classroom"),
                Path::new("/r/docs/s.json")
            ),
            PathBuf::from("../../docs/s.json")
        );
        assert_eq!(
            files::relative(Path::new("/r"), Path::new("/r/docs/s.json")),
            PathBuf::from("docs/s.json")
        );
    }
}
