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
    /// The file reads as a scenario, but a step in it is one the procedure does not
    /// allow at that point: a mistake of law (the Senate voting to override before the
    /// House of origin), not of typing.
    pub procedural: bool,
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
            procedural: false,
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
            procedural: false,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Marks the error as a step the procedure does not allow (see `procedural`).
    pub fn procedural(mut self) -> Self {
        self.procedural = true;
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
        let mut out = format!(
            "error: {}: {}\n",
            self.location(),
            shorten_words(&self.message)
        );
        if let (Some(source), Some((offset, len))) = (&self.source, self.span) {
            let (source, offset, len) = shorten_lines(source, offset, len);
            let snippet = Snippet {
                source: NamedSource::new(self.file.clone(), source),
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

/// A value quoted in a message: control characters escaped (a newline shows as `\n`),
/// and at most 60 characters, with the length said when it is cut.
pub fn shorten(value: &str) -> String {
    let escaped: String = value.chars().flat_map(char::escape_debug).collect();
    let chars = escaped.chars().count();
    if chars <= 60 {
        escaped
    } else {
        let start: String = escaped.chars().take(60).collect();
        format!(
            "{start}… ({} characters)",
            thousands(value.chars().count() as u64)
        )
    }
}

/// The longest line shown whole in a snippet, in bytes.
const LONG_LINE: usize = 240;

/// The longest run of characters without a space quoted whole in a message.
const LONG_WORD: usize = 80;

/// A message with every very long run of characters (a value quoted from a hostile
/// file) cut down to its start and its length.
fn shorten_words(message: &str) -> String {
    if message.len() <= LONG_WORD {
        return message.to_string();
    }
    let mut out = String::with_capacity(message.len().min(1024));
    for (i, word) in message.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let chars = word.chars().count();
        if chars > LONG_WORD {
            let start: String = word.chars().take(60).collect();
            out.push_str(&format!(
                "{start}… ({} characters)",
                thousands(chars as u64)
            ));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// The source with each line longer than [`LONG_LINE`] cut to a window (around the
/// span, on the span's line), and the span moved to match: miette draws every character
/// of a line, and a hostile file's line can be megabytes long. Line numbers are kept.
fn shorten_lines(source: &Arc<str>, offset: usize, len: usize) -> (Arc<str>, usize, usize) {
    if source.lines().all(|l| l.len() <= LONG_LINE) {
        return (Arc::clone(source), offset, len);
    }
    let floor = |text: &str, mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut out = String::new();
    let (mut new_offset, mut new_len) = (0, 0);
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        let span_here = offset >= line_start && offset <= line_start + body.len();
        if body.len() <= LONG_LINE {
            if span_here {
                new_offset = out.len() + (offset - line_start);
                new_len = len.min(line_start + body.len() - offset);
            }
            out.push_str(line);
        } else {
            let at = if span_here { offset - line_start } else { 0 };
            let from = if at > LONG_LINE - 40 {
                floor(body, at - 40)
            } else {
                0
            };
            let to = floor(body, from + LONG_LINE - 40);
            if from > 0 {
                out.push('…');
            }
            if span_here {
                new_offset = out.len() + (at - from);
                new_len = len.min(to.saturating_sub(at));
            }
            out.push_str(&body[from..to]);
            out.push('…');
            out.push_str(ending);
        }
        line_start += line.len();
    }
    if offset >= source.len() {
        new_offset = out.len();
        new_len = 0;
    }
    (Arc::from(out), new_offset, new_len)
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
    // No candidate is anywhere near this long; comparing would only take time.
    if word.len() > 64 {
        return None;
    }
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, c)| *distance <= (c.len() / 3).max(2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// A name as a reader may type it, for comparing: lower case, quotes dropped, and
/// hyphens, dashes, underscores and runs of spaces read as one space
/// (`"Two-Thirds"`, `two_thirds` and `two thirds` are all `two thirds`).
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            '"' | '“' | '”' | '‘' | '’' | '\'' | '`' => {}
            '-' | '_' | '–' | '—' => out.push(' '),
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `"a, b or c"`
pub fn one_of(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// 1234567 → "1,234,567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
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
    fn huge_values_are_shortened_in_messages_and_snippets() {
        let long = "x".repeat(3_000_000);
        let src: Arc<str> =
            format!("title: t\nevents:\n  - {{on: 2027-01-01, do: {long}}}\n").into();
        let offset = src.find("xxx").unwrap();
        let place = Place {
            line: 3,
            column: 26,
            offset,
            len: long.len(),
        };
        let d = Diagnostic::at("s.yaml", src, place, format!("unknown action \"{long}\""));
        let started = std::time::Instant::now();
        let text = d.render(false);
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
        assert!(text.len() < 2_000, "{} bytes", text.len());
        assert!(text.contains("(3,000,002 characters)"), "{text}");
        assert!(text.contains("3 │"), "{text}");
        assert!(text.contains("do: xxxx"), "{text}");
    }

    #[test]
    fn a_span_far_into_a_long_line_is_shown() {
        let src: Arc<str> = format!("a: {}BAD{}\n", "y".repeat(1000), "z".repeat(1000)).into();
        let offset = src.find("BAD").unwrap();
        let (short, at, len) = shorten_lines(&src, offset, 3);
        assert_eq!(&short[at..at + len], "BAD");
        assert!(short.len() < 400);
        // A short file is left alone.
        let small: Arc<str> = "a: b\n".into();
        assert_eq!(shorten_lines(&small, 3, 1), (Arc::clone(&small), 3, 1));
    }

    #[test]
    fn spans_never_split_a_character() {
        assert_eq!(clamp_span("aé", 2, 1), (1, 2));
        assert_eq!(clamp_span("ab", 9, 9), (2, 0));
    }
}
