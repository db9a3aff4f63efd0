//! Limits on what the tool will read, so that any file, however large or malicious,
//! gives a result or a clear error quickly.
//!
//! Each limit has a name, a default well above any real scenario or rulebook, and can be
//! raised (or lowered) on the command line with `--limit NAME=VALUE`. The message for a
//! file over a limit names the limit and says how to raise it.

use std::fmt;
use std::sync::OnceLock;

/// The limits in force for this process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub file_size: u64,
    /// The most events in one scenario.
    pub events: usize,
    /// The deepest nesting of YAML lists and mappings.
    pub depth: usize,
    /// The most YAML nodes that aliases (`*name`) may copy in one file: a bound on
    /// "billion laughs" expansion.
    pub aliases: usize,
    /// The longest text value (a title, a summary, a note, a bill or case id), in
    /// characters.
    pub text: usize,
}

impl Limits {
    /// The defaults: about a thousand times what the largest real file here needs.
    pub const DEFAULT: Limits = Limits {
        file_size: 4 * 1024 * 1024,
        events: 10_000,
        depth: 32,
        aliases: 10_000,
        text: 10_000,
    };

    /// The defaults with each `--limit` setting applied in turn.
    pub fn with(settings: &[Setting]) -> Limits {
        let mut limits = Limits::DEFAULT;
        for setting in settings {
            limits.set(setting);
        }
        limits
    }

    /// Sets one limit from a `NAME=VALUE` setting.
    pub fn set(&mut self, setting: &Setting) {
        match setting.name {
            Name::FileSize => self.file_size = setting.value,
            Name::Events => self.events = clamp(setting.value),
            Name::Depth => self.depth = clamp(setting.value),
            Name::Aliases => self.aliases = clamp(setting.value),
            Name::Text => self.text = clamp(setting.value),
        }
    }
}

fn clamp(value: u64) -> usize {
    usize::try_from(value).unwrap_or(usize::MAX)
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

static IN_FORCE: OnceLock<Limits> = OnceLock::new();

/// Sets the limits for the rest of the process (the command line does this once, before
/// reading any file). Returns false if they were already set.
pub fn install(limits: Limits) -> bool {
    IN_FORCE.set(limits).is_ok()
}

thread_local! {
    /// Limits that replace the installed ones on this thread while text the tool wrote
    /// itself is read (see [`for_own_text`]).
    static OVERRIDE: std::cell::Cell<Option<Limits>> = const { std::cell::Cell::new(None) };
}

/// The limits in force: those installed, else the defaults.
pub fn get() -> Limits {
    OVERRIDE
        .with(|o| o.get())
        .or_else(|| IN_FORCE.get().copied())
        .unwrap_or_default()
}

/// Runs `f` with the default limits, whatever `--limit` set: for reading text the tool
/// builds itself (an exploration's moves, events `why` may add), which a user's lowered
/// limit must not refuse. Each limit is the larger of the default and the one in force.
pub fn for_own_text<T>(f: impl FnOnce() -> T) -> T {
    let installed = IN_FORCE.get().copied().unwrap_or_default();
    let d = Limits::DEFAULT;
    let generous = Limits {
        file_size: installed.file_size.max(d.file_size),
        events: installed.events.max(d.events),
        depth: installed.depth.max(d.depth),
        aliases: installed.aliases.max(d.aliases),
        text: installed.text.max(d.text),
    };
    let previous = OVERRIDE.with(|o| o.replace(Some(generous)));
    let result = f();
    OVERRIDE.with(|o| o.set(previous));
    result
}

/// Which limit a setting changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    FileSize,
    Events,
    Depth,
    Aliases,
    Text,
}

impl Name {
    /// Every limit, in the order messages list them.
    pub const ALL: [Name; 5] = [
        Name::FileSize,
        Name::Events,
        Name::Depth,
        Name::Aliases,
        Name::Text,
    ];

    /// The name `--limit` knows it by.
    pub fn as_str(self) -> &'static str {
        match self {
            Name::FileSize => "file-size",
            Name::Events => "events",
            Name::Depth => "depth",
            Name::Aliases => "aliases",
            Name::Text => "text",
        }
    }
}

/// One `--limit NAME=VALUE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub name: Name,
    pub value: u64,
}

/// Parses `NAME=VALUE` for `--limit` (clap's value parser).
pub fn parse_setting(text: &str) -> Result<Setting, String> {
    let names = Name::ALL.map(Name::as_str).join(", ");
    let Some((name, value)) = text.split_once('=') else {
        return Err(format!(
            "expected NAME=VALUE, e.g. file-size=16MiB; names: {names}"
        ));
    };
    let name = name.trim();
    let Some(name) = Name::ALL.into_iter().find(|n| n.as_str() == name) else {
        let near = crate::diag::did_you_mean(name, Name::ALL.map(Name::as_str));
        return Err(match near {
            Some(near) => {
                format!("unknown limit \"{name}\" (did you mean {near}?); names: {names}")
            }
            None => format!("unknown limit \"{name}\"; names: {names}"),
        });
    };
    let value = if name == Name::FileSize {
        parse_size(value.trim())?
    } else {
        value.trim().replace('_', "").parse::<u64>().map_err(|_| {
            format!(
                "\"{}\" is not a whole number; e.g. {}=20000",
                value.trim(),
                name.as_str()
            )
        })?
    };
    if value == 0 {
        return Err(format!("{} must be at least 1", name.as_str()));
    }
    Ok(Setting { name, value })
}

/// A size in bytes: a whole number with an optional unit (B, KiB, MiB, GiB; K, M, G and
/// KB, MB, GB are read as powers of 1,024 too, as most tools do for file sizes).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let digits_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '_'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits_end);
    let bad = || format!("\"{text}\" is not a size; e.g. 16MiB, 512KiB or 1000000");
    let number: u64 = number.replace('_', "").parse().map_err(|_| bad())?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(bad()),
    };
    number.checked_mul(scale).ok_or_else(bad)
}

/// A size for people: `4 MiB`, `1.5 KiB`, `312 bytes`.
pub struct Size(pub u64);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        let (value, unit) = match n {
            _ if n >= 1 << 30 => (n as f64 / (1u64 << 30) as f64, "GiB"),
            _ if n >= 1 << 20 => (n as f64 / (1u64 << 20) as f64, "MiB"),
            _ if n >= 1 << 10 => (n as f64 / (1u64 << 10) as f64, "KiB"),
            _ => return write!(f, "{n} bytes"),
        };
        if value.fract() == 0.0 {
            write!(f, "{value:.0} {unit}")
        } else {
            write!(f, "{value:.1} {unit}")
        }
    }
}

/// "raise it with --limit NAME=VALUE", suggesting a value comfortably above `needed`.
pub fn how_to_raise(name: Name, needed: u64) -> String {
    let suggestion = match name {
        Name::FileSize => {
            let mib = needed.div_ceil(1 << 20).max(1).saturating_mul(2);
            format!("{mib}MiB")
        }
        _ => needed.saturating_mul(2).max(1).to_string(),
    };
    format!(
        "if the file is genuine, raise the limit with --limit {}={suggestion}",
        name.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_units() {
        assert_eq!(parse_size("16MiB"), Ok(16 << 20));
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert_eq!(parse_size("1_000_000"), Ok(1_000_000));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert_eq!(parse_size("7"), Ok(7));
        assert!(parse_size("MiB").is_err());
        assert!(parse_size("16 parsecs").is_err());
        assert!(parse_size("99999999999999999999GiB").is_err());
        assert!(parse_size("18446744073709551615GiB").is_err());
    }

    #[test]
    fn settings_name_the_limit() {
        assert_eq!(
            parse_setting("events=20000"),
            Ok(Setting {
                name: Name::Events,
                value: 20_000
            })
        );
        assert_eq!(
            parse_setting("file-size=8MiB").map(|s| s.value),
            Ok(8 << 20)
        );
        let err = parse_setting("evnts=3").unwrap_err();
        assert!(err.contains("did you mean events?"), "{err}");
        assert!(parse_setting("events").unwrap_err().contains("NAME=VALUE"));
        assert!(
            parse_setting("events=0")
                .unwrap_err()
                .contains("at least 1")
        );
        assert!(
            parse_setting("depth=-1")
                .unwrap_err()
                .contains("whole number")
        );
    }

    #[test]
    fn limits_are_set_one_by_one() {
        let mut limits = Limits::DEFAULT;
        limits.set(&parse_setting("text=5").unwrap());
        limits.set(&parse_setting("depth=7").unwrap());
        assert_eq!(limits.text, 5);
        assert_eq!(limits.depth, 7);
        assert_eq!(limits.events, Limits::DEFAULT.events);
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(Size(4 << 20).to_string(), "4 MiB");
        assert_eq!(Size(1536).to_string(), "1.5 KiB");
        assert_eq!(Size(312).to_string(), "312 bytes");
        assert_eq!(
            how_to_raise(Name::FileSize, 5 << 20),
            "if the file is genuine, raise the limit with --limit file-size=10MiB"
        );
        assert_eq!(
            how_to_raise(Name::Events, 10_001),
            "if the file is genuine, raise the limit with --limit events=20002"
        );
    }
}
