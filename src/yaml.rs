//! The one place that knows which YAML library reads the files.
//!
//! serde-saphyr is used rather than serde_yaml: serde_yaml is archived and, like its
//! libyaml-based forks, expands aliases quadratically and keeps no spans for errors found
//! after parsing. serde-saphyr is pure Rust, budgets its parser against resource
//! exhaustion, and gives [`Spanned`] values with line, column and byte offsets. It reads
//! the YAML 1.2 core schema here: `yes`, `no`, `on` and `off` are text, not booleans.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Place, did_you_mean};

pub use serde_saphyr::Spanned;

/// Where a spanned value stands in its file.
pub fn place<T>(value: &Spanned<T>) -> Place {
    location_place(&value.referenced)
}

fn location_place(location: &serde_saphyr::Location) -> Place {
    let span = location.span();
    Place {
        line: location.line(),
        column: location.column(),
        offset: span.byte_offset().unwrap_or(0) as usize,
        len: span.byte_len().unwrap_or(0) as usize,
    }
}

/// The byte offset of a 1-based line and column (in characters), for errors the parser
/// reports without one.
fn offset_of(text: &str, line: u64, column: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1) as usize)
        .map(str::len)
        .sum();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1) as usize)
            .map_or(rest.len(), |(i, _)| i)
}

/// Reads `text` (the contents of `file`) into `T`, or a located error.
pub fn from_str<T: DeserializeOwned>(file: &str, text: &Arc<str>) -> Result<T, Diagnostic> {
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Diagnostic::file(file, "the file is empty").with_help(
            "a scenario needs at least `title:` and `events:`; see docs/scenario-format.md",
        ));
    }
    let limits = crate::limits::get();
    let options = serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_depth: limits.depth,
            flow_nesting_limit: limits.depth,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: limits.aliases,
        },
    };
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|err| convert(file, text, &err))
}

/// The message for a YAML limit the parser enforced, naming the limit and how to raise it.
fn limit_breached(err: &serde_saphyr::Error) -> Option<(String, String)> {
    use crate::limits::{Name, how_to_raise};
    use serde_saphyr::budget::BudgetBreach;
    use serde_saphyr::granit_parser::ErrorKind;
    let limits = crate::limits::get();
    let depth = || {
        (
            format!(
                "lists and mappings are nested more than {} deep (the depth limit)",
                crate::diag::thousands(limits.depth as u64)
            ),
            how_to_raise(Name::Depth, limits.depth as u64 + 1),
        )
    };
    match err.without_snippet() {
        serde_saphyr::Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => Some(depth()),
            other => Some((
                format!("the YAML is too large to read: {other:?}"),
                "a scenario is a short list of events; check the file is the one you meant".into(),
            )),
        },
        serde_saphyr::Error::AliasReplayLimitExceeded {
            max_total_replayed_events,
            ..
        } => Some((
            format!(
                "aliases (*name) copy more than {} YAML nodes (the aliases limit; is this a \"billion laughs\" file?)",
                crate::diag::thousands(*max_total_replayed_events as u64)
            ),
            how_to_raise(Name::Aliases, *max_total_replayed_events as u64),
        )),
        serde_saphyr::Error::AliasReplayStackDepthExceeded { .. } => Some(depth()),
        serde_saphyr::Error::ExternalMessage { source, .. }
            if matches!(
                source.as_ref(),
                serde_saphyr::ExternalMessageSource::Parser(scan)
                    if matches!(scan.kind(), ErrorKind::RecursionLimitExceeded)
            ) =>
        {
            Some(depth())
        }
        _ => None,
    }
}

/// Separates a message from its help in the errors this crate's own visitors raise
/// (serde's custom errors carry one string; the library escapes control characters,
/// so the mark is printable).
const HELP_MARK: &str = " ⟦help⟧ ";

/// A visitor's error message with what to do about it, for [`from_str`] to split.
pub fn with_help(message: impl std::fmt::Display, help: impl std::fmt::Display) -> String {
    format!("{message}{HELP_MARK}{help}")
}

/// What kind of mistake an error is, read from the library's typed variants: it decides
/// the help, and whether the message should quote the key and value at the place.
enum Kind<'a> {
    UnknownField {
        field: &'a str,
        expected: &'a [&'static str],
    },
    DuplicateKey,
    MissingField,
    Boolean,
    WholeNumber,
    Number,
    NotASingleValue,
    Other,
}

/// The integer types the library names in `InvalidScalar`.
const WHOLE_NUMBERS: [&str; 12] = [
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
];

fn kind(err: &serde_saphyr::Error) -> Kind<'_> {
    use serde_saphyr::Error as E;
    match err {
        E::SerdeUnknownField {
            field, expected, ..
        } => Kind::UnknownField { field, expected },
        E::DuplicateMappingKey { .. } => Kind::DuplicateKey,
        E::SerdeMissingField { .. } => Kind::MissingField,
        E::InvalidBooleanStrict { .. } => Kind::Boolean,
        E::InvalidScalar { ty, .. } if *ty == "boolean" => Kind::Boolean,
        E::InvalidScalar { ty, .. } if WHOLE_NUMBERS.contains(ty) => Kind::WholeNumber,
        E::InvalidScalar { ty, .. } if ["floating point", "f32", "f64"].contains(ty) => {
            Kind::Number
        }
        E::Unexpected { expected, .. } if *expected == "string scalar" => Kind::NotASingleValue,
        _ => Kind::Other,
    }
}

/// The library's messages in the reader's words, chosen by variant: the formatter the
/// library asks for custom wording, never a match on its English text.
struct PlainWords;

impl serde_saphyr::MessageFormatter for PlainWords {
    fn format_message<'a>(&self, err: &'a serde_saphyr::Error) -> std::borrow::Cow<'a, str> {
        use serde_saphyr::Error as E;
        match (err, kind(err)) {
            (E::DuplicateMappingKey { key: Some(key), .. }, _) => {
                format!("duplicate key `{key}`").into()
            }
            (E::DuplicateMappingKey { key: None, .. }, _) => "duplicate key".into(),
            (_, Kind::WholeNumber) => "not a whole number".into(),
            (_, Kind::Number) => "not a number".into(),
            (_, Kind::NotASingleValue) => {
                "expected a single value here, not a list or a mapping".into()
            }
            _ => serde_saphyr::DefaultMessageFormatter.format_message(err),
        }
    }
}

fn convert(file: &str, text: &Arc<str>, err: &serde_saphyr::Error) -> Diagnostic {
    use serde_saphyr::MessageFormatter as _;
    let inner = err.without_snippet();
    // (message, help, whether to quote the key and value at the place)
    let (message, help, quote) = if let Some((message, help)) = limit_breached(err) {
        (message, Some(help), false)
    } else if let serde_saphyr::Error::Message { msg, .. } = inner
        && let Some((message, help)) = msg.split_once(HELP_MARK)
    {
        (message.to_string(), Some(help.to_string()), false)
    } else {
        // The formatter gives the message alone; the diagnostic shows the place.
        let message = PlainWords.format_message(inner).into_owned();
        let kind = kind(inner);
        let quote = !matches!(
            kind,
            Kind::UnknownField { .. } | Kind::DuplicateKey | Kind::MissingField
        );
        (message, help_for(&kind), quote)
    };
    let mut diagnostic = match err.location() {
        Some(location) if location.line() > 0 => {
            let mut at = location_place(&location);
            if location.span().byte_offset().is_none() {
                at.offset = offset_of(text, at.line, at.column);
                at.len = 1;
            }
            let message = if quote {
                name_the_value(text, at, message)
            } else {
                message
            };
            Diagnostic::at(file, Arc::clone(text), at, message)
        }
        _ => Diagnostic::file(file, message),
    };
    diagnostic.help = help;
    name_typing_slips(diagnostic)
}

/// Names the slips an editor or a word processor makes, which a parser reports in its
/// own terms: a tab in a line's indentation (pointed at, with "indent with spaces"), and
/// curly quotes where YAML needs straight ones (named in the help).
pub fn name_typing_slips(mut d: Diagnostic) -> Diagnostic {
    let (Some(source), true) = (d.source.clone(), d.line > 0) else {
        return d;
    };
    let number = d.line as usize;
    let start: usize = source
        .split('\n')
        .take(number - 1)
        .map(|l| l.len() + 1)
        .sum();
    let Some(line) = source.get(start..).and_then(|rest| rest.split('\n').next()) else {
        return d;
    };
    let indent = &line[..line.len() - line.trim_start().len()];
    if let Some(tab) = indent.find('\t') {
        d.span = Some((start + tab, 1));
        d.column = tab as u64 + 1;
        d.message = format!("line {number} is indented with a tab");
        d.label = Some("a tab".into());
        d.help = Some(
            "indent with spaces: YAML does not allow tabs in indentation (most editors can insert spaces when Tab is pressed)".into(),
        );
        return d;
    }
    if let Some(quote) = line.chars().find(|c| "“”‘’".contains(*c)) {
        let note = format!(
            "a curly quote {quote} where YAML needs a straight one (\" or '), as word processors type them: retype it in a plain-text editor, or leave the quotes out"
        );
        d.help = Some(match d.help.take() {
            Some(help) => format!("{note}; {help}"),
            None => note,
        });
    }
    d
}

/// The library's value errors ("invalid boolean") say neither the key nor the value;
/// both are on the line the error points at.
fn name_the_value(text: &str, at: Place, message: String) -> String {
    let quote_value = !message.starts_with("expected a single value");
    let value = text
        .get(at.offset..at.offset.saturating_add(at.len))
        // A mapping or list is pointed at by its first character: nothing to quote.
        .filter(|v| quote_value && !v.is_empty() && v.len() <= 80 && !v.contains('\n'))
        .filter(|v| !v.starts_with(['{', '[']));
    let upto = text.get(..at.offset).unwrap_or("");
    let line_start = upto.rfind('\n').map_or(0, |i| i + 1);
    let before = upto.get(line_start..).unwrap_or("");
    let key = before
        .trim_end()
        .strip_suffix(':')
        .map(|k| {
            k.trim()
                .trim_start_matches("- ")
                .trim_start_matches(['{', ',', ' '])
                .trim()
        })
        .and_then(|k| k.rsplit([',', '{']).next())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 40);
    // A message that already quotes the value needs it only once.
    let value = value.filter(|v| !message.contains(&format!("\"{v}\"")));
    match (key, value) {
        (Some(key), Some(value)) => format!("{key}: \"{value}\" is not valid: {message}"),
        (None, Some(value)) => format!("\"{value}\" is not valid: {message}"),
        (Some(key), None) => format!("{key}: {message}"),
        (None, None) => message,
    }
}

/// Adds what would be valid to the library's messages.
fn help_for(kind: &Kind) -> Option<String> {
    Some(match kind {
        Kind::UnknownField { field, expected } => {
            match did_you_mean(field, expected.iter().copied()) {
                Some(near) => format!(
                    "did you mean `{near}`? valid keys here: {}",
                    expected.join(", ")
                ),
                None => format!("valid keys here: {}", expected.join(", ")),
            }
        }
        Kind::Boolean => {
            "write true or false; YAML 1.2 reads yes, no, on and off as text, not booleans".into()
        }
        Kind::WholeNumber => "give a whole number, e.g. 51".into(),
        Kind::Number => "give a number, e.g. 1000000".into(),
        Kind::DuplicateKey => "each key may appear once in a mapping; remove or rename one".into(),
        Kind::MissingField => "see docs/scenario-format.md for the keys each part needs".into(),
        Kind::NotASingleValue | Kind::Other => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Probe {
        #[allow(dead_code)]
        granted: Option<bool>,
        #[allow(dead_code)]
        name: Option<String>,
    }

    fn parse(text: &str) -> Result<Probe, Diagnostic> {
        from_str::<Probe>("p.yaml", &Arc::from(text))
    }

    #[test]
    fn yes_is_not_a_boolean() {
        let err = parse("granted: yes\n").unwrap_err();
        assert_eq!((err.line, err.column), (1, 10));
        assert!(
            err.message.starts_with("granted: \"yes\" is not valid"),
            "{}",
            err.message
        );
        assert!(err.help.unwrap().contains("YAML 1.2"));
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let err = parse("grantd: true\n").unwrap_err();
        assert!(err.message.contains("grantd"));
        assert!(err.help.unwrap().contains("did you mean `granted`?"));
    }

    #[test]
    fn parser_errors_point_at_their_line() {
        let err = parse("name: a: b\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.span.unwrap().0 > 0, "{err:?}");
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let err = parse("name: a\nname: b\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("duplicate"));
    }

    #[test]
    fn empty_and_comment_only_files_are_reported() {
        assert!(parse("").unwrap_err().message.contains("empty"));
        assert!(
            parse("# nothing\n\n")
                .unwrap_err()
                .message
                .contains("empty")
        );
    }
}
