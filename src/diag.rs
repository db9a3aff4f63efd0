//! Errors a person reads: what went wrong, where (file:line:col), the offending value,
//! and what would have been valid.
//!
//! Every failure that reaches the user (bad YAML, an unknown key, an impossible action)
//! becomes a [`Diagnostic`]. Rendering goes through miette so the source line is shown
//! with the offending span underlined; on a terminal it is coloured, piped it is plain.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

/// A located, explained error.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    /// The file's text, when the error points into it.
    pub source: Option<Arc<str>>,
    /// Byte offset and length of the offending value.
    pub span: Option<(usize, usize)>,
    /// 1-based line and column (0 when unknown).
    pub line: u64,
    pub column: u64,
    /// What went wrong, quoting the offending value.
    pub message: String,
    /// A short label under the underlined value.
    pub label: Option<String>,
    /// What would have been valid, or what to do instead.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file (it cannot be read, it is a directory...).
    pub fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            source: None,
            span: None,
            line: 0,
            column: 0,
            message: message.into(),
            label: None,
            help: None,
        }
    }

    /// An error pointing at a place in `source`.
    pub fn at(
        file: impl Into<String>,
        source: Arc<str>,
        place: Place,
        message: impl Into<String>,
    ) -> Self {
        let span = clamp_span(&source, place.offset, place.len);
        Diagnostic {
            file: file.into(),
            source: Some(source),
            span: Some(span),
            line: place.line,
            column: place.column,
            message: message.into(),
            label: None,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// `file:line:col` (or just the file when the position is unknown).
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }

    /// The full report: a first line `error: file:line:col: message`, the source snippet
    /// with the value underlined, and the help.
    pub fn render(&self, color: bool) -> String {
        let mut out = format!("error: {}: {}\n", self.location(), self.message);
        if let (Some(source), Some((offset, len))) = (&self.source, self.span) {
            let snippet = Snippet {
                source: NamedSource::new(self.file.clone(), Arc::clone(source)),
                span: SourceSpan::new(offset.into(), len),
                label: self.label.clone(),
            };
            let theme = if color {
                GraphicalTheme::unicode()
            } else {
                GraphicalTheme::unicode_nocolor()
            };
            let handler = GraphicalReportHandler::new_themed(theme)
                .with_width(100)
                .with_wrap_lines(false)
                .with_context_lines(1);
            let mut text = String::new();
            if handler.render_report(&mut text, &snippet).is_ok() {
                // miette repeats the message on its first line; ours is already printed.
                let body: String = text.lines().skip(1).map(|l| format!("{l}\n")).collect();
                out.push_str(&body);
            }
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("  help: {help}\n"));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// A position in a source file: 1-based line and column, byte offset and length.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Place {
    pub line: u64,
    pub column: u64,
    pub offset: usize,
    pub len: usize,
}

fn clamp_span(source: &str, offset: usize, len: usize) -> (usize, usize) {
    let mut start = offset.min(source.len());
    while !source.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = start.saturating_add(len).min(source.len());
    while !source.is_char_boundary(end) {
        end += 1;
    }
    (start, end - start)
}

/// The part miette renders: the snippet and its label, not the message.
struct Snippet {
    source: NamedSource<Arc<str>>,
    span: SourceSpan,
    label: Option<String>,
}

impl fmt::Debug for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Snippet")
    }
}

impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("snippet")
    }
}

impl std::error::Error for Snippet {}

impl miette::Diagnostic for Snippet {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            self.label.clone(),
            self.span,
        ))))
    }
}

/// The closest candidates to a misspelled word, for "did you mean".
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, c)| *distance <= (c.len() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// `"a, b or c"`
pub fn one_of(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_value_and_help() {
        let src: Arc<str> = "title: x\nevents:\n  - on: 2027-03-01\n    do: give_notise\n".into();
        let place = Place {
            line: 4,
            column: 9,
            offset: 41,
            len: 11,
        };
        let d = Diagnostic::at("s.yaml", src, place, "unknown action \"give_notise\"")
            .with_label("not an action")
            .with_help("did you mean give_notice?");
        let text = d.render(false);
        assert!(text.starts_with("error: s.yaml:4:9: unknown action \"give_notise\"\n"));
        assert!(text.contains("do: give_notise"));
        assert!(text.contains("not an action"));
        assert!(text.contains("help: did you mean give_notice?"));
    }

    #[test]
    fn suggests_near_words_only() {
        let words = ["give_notice", "rescind_notice", "suspend"];
        assert_eq!(did_you_mean("give_notise", words), Some("give_notice"));
        assert_eq!(did_you_mean("suspnd", words), Some("suspend"));
        assert_eq!(did_you_mean("xyz", words), None);
    }

    #[test]
    fn spans_never_split_a_character() {
        assert_eq!(clamp_span("aé", 2, 1), (1, 2));
        assert_eq!(clamp_span("ab", 9, 9), (2, 0));
    }
}
