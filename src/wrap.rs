//! Wrapping text a person reads to the width of their terminal: at word boundaries only,
//! never inside a word (a word longer than the line stands alone on it) and never inside
//! a citation ("22 U.S.C. § 1928f(a)", "505 U.S. 788 (1992)", "art. I, § 7, cl. 2" each
//! stay on one line). Piped output keeps [`PIPED`] columns, so it is the same on every
//! machine.

/// The width of output that is not to a terminal: files, pipes, tests.
pub const PIPED: usize = 100;

/// The narrowest terminal width output is laid out for, however narrow the terminal:
/// below it a sentence would be a word a line.
pub const NARROWEST: usize = 40;

/// Stands for a space inside a citation while wrapping (a private-use character, so it
/// cannot come from a rulebook's own text in a form that matters).
const GLUE: char = '\u{E000}';

/// Words a citation never breaks after ("§ 1928f", "art. I", "Pub. L. 118-31").
const BREAKS_NOT_AFTER: &[&str] = &[
    "§", "§§", "art.", "Art.", "cl.", "para.", "No.", "Pub.", "L.", "v.", "S.", "Ct.", "D.C.",
    "Cir.", "Rule",
];

/// Words a citation never breaks before ("I, § 7", "7, cl. 2", "Raines v. Byrd").
const BREAKS_NOT_BEFORE: &[&str] = &["§", "§§", "cl.", "para.", "v."];

/// Reporters and codes, kept with the numbers on either side ("505 U.S. 788",
/// "22 U.S.C. § 1928f", "137 Stat. 464").
const REPORTERS: &[&str] = &[
    "U.S.", "U.S.C.", "Stat.", "F.", "F.2d", "F.3d", "F.4th", "S.", "Supp.",
];

/// Whether the space between `before` and `word` is inside a citation.
fn joins(before: &str, word: &str) -> bool {
    let before = before.trim_end_matches(',').trim_start_matches('(');
    let bare = word.trim_end_matches([',', ';', '.', ')']);
    let number = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    BREAKS_NOT_AFTER.contains(&before)
        || BREAKS_NOT_BEFORE.contains(&word)
        || BREAKS_NOT_BEFORE.contains(&bare)
        || (REPORTERS.contains(&word) && number(before))
        || (REPORTERS.contains(&before) && (number(word) || word.starts_with('§')))
        || (before == "U.S." && word == "Const.")
        || (before == "Const." && word.starts_with("art"))
        || is_year(word)
        || (word.starts_with('(') && number(before.trim_end_matches(',')))
}

/// Whether a word is a year in parentheses, "(1992)" or "(1992);" (kept with the cite
/// before it).
fn is_year(word: &str) -> bool {
    let w = word.trim_end_matches([';', ',', '.', ')']);
    let w = w.strip_prefix('(').unwrap_or("");
    word.starts_with('(') && w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())
}

/// The longest `code` kept on one line: a command the reader types
/// (`treatysim simulate`); a longer one, such as a whole event, wraps like text.
const SHORT_CODE: usize = 40;

/// `text` with the spaces inside citations and short `code` replaced by [`GLUE`].
fn glue(text: &str) -> String {
    let coded: Vec<String> = text
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 && part.chars().count() <= SHORT_CODE {
                part.replace(' ', &GLUE.to_string())
            } else {
                part.to_string()
            }
        })
        .collect();
    let text = coded.join("`");
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let before = words[i - 1];
            let keep = !before.is_empty() && !word.is_empty() && joins(before, word);
            out.push(if keep { GLUE } else { ' ' });
        }
        out.push_str(word);
    }
    out
}

/// `text` wrapped to `width` columns, at spaces only (not at hyphens or parentheses,
/// which Unicode's line-breaking rules would allow: "1250A(c)(2)" is one word).
pub fn lines(text: &str, width: usize) -> Vec<String> {
    let glued = glue(text);
    let options = textwrap::Options::new(width.max(1))
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(&glued, options)
        .into_iter()
        .map(|line| line.replace(GLUE, " "))
        .collect()
}

/// `text` wrapped to `width` columns with a hanging indent: the lines after the first
/// start with `hang` spaces (and all fit `width` with them).
pub fn hanging(text: &str, width: usize, hang: usize) -> Vec<String> {
    let pad = " ".repeat(hang);
    lines(text, width.saturating_sub(hang))
        .into_iter()
        .enumerate()
        .map(|(i, line)| if i == 0 { line } else { format!("{pad}{line}") })
        .collect()
}

/// Appends `text` wrapped to `width`, every line after `indent`.
pub fn push(out: &mut String, text: &str, indent: &str, width: usize) {
    push_hanging(out, text, indent, indent, width);
}

/// Appends `text` wrapped to `width`, the first line after `first` and the rest after
/// `rest` (a hanging indent).
pub fn push_hanging(out: &mut String, text: &str, first: &str, rest: &str, width: usize) {
    let room = width.saturating_sub(columns(first).max(columns(rest)));
    for (i, line) in lines(text.trim(), room).iter().enumerate() {
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(line);
        out.push('\n');
    }
}

/// Appends `items` joined by commas, wrapped to `width` after `indent`, each item kept
/// whole on one line ("Youngstown categories" never splits).
pub fn push_list(out: &mut String, items: &[&str], indent: &str, width: usize) {
    let glued: Vec<String> = items
        .iter()
        .map(|i| i.replace(' ', &GLUE.to_string()))
        .collect();
    push(out, &glued.join(", "), indent, width);
}

/// The columns `text` takes on a terminal (colour codes take none).
pub fn columns(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// The least room a table's last column keeps; with less, it goes under the row.
const LAST_COLUMN: usize = 30;

/// Appends a table row: `lead` (the row's first columns, padded), then `text` wrapped
/// under itself. When `lead` leaves the text less than [`LAST_COLUMN`] columns, the
/// lead stands alone and the text goes on the lines under it after `under`.
pub fn push_row(out: &mut String, lead: &str, text: &str, under: &str, width: usize) {
    let hang = " ".repeat(columns(lead));
    if columns(lead) + LAST_COLUMN <= width || text.is_empty() {
        push_hanging(out, text, lead, &hang, width);
    } else {
        out.push_str(lead.trim_end());
        out.push('\n');
        push(out, text, under, width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_stays_on_one_line() {
        let text = "Section 1250A of the FY2024 NDAA, codified at 22 U.S.C. § 1928f(a), follows \
                    Franklin v. Massachusetts, 505 U.S. 788 (1992); see U.S. Const. art. I, § 7, cl. 2, \
                    and Kennedy v. Sampson, 511 F.2d 430 (D.C. Cir. 1974).";
        for width in 20..=100 {
            let wrapped = lines(text, width).join("\n");
            for cite in [
                "22 U.S.C. § 1928f(a)",
                "Franklin v. Massachusetts",
                "505 U.S. 788 (1992)",
                "U.S. Const. art. I, § 7, cl. 2",
                "511 F.2d 430 (D.C. Cir. 1974)",
            ] {
                assert!(
                    wrapped.contains(cite),
                    "{cite:?} broken at {width}:\n{wrapped}"
                );
            }
            // Only the spaces moved: the words are the text's.
            assert_eq!(wrapped.replace('\n', " "), text, "at {width}");
        }
    }

    #[test]
    fn never_inside_a_word_and_never_wider_than_asked_when_the_words_fit() {
        let text = "notwithstanding the withdrawal committees' consultation requirement";
        for width in NARROWEST..=70 {
            for line in lines(text, width) {
                assert!(line.chars().count() <= width, "{line:?} at {width}");
            }
        }
        // Nor inside `code`: a command stays whole.
        let code = "a b c d e f g h i j k l m n o p check it with `treatysim simulate` or not";
        assert!(
            lines(code, 40)
                .iter()
                .any(|l| l.contains("`treatysim simulate`"))
        );
        // Nor at a parenthesis: "1250A(c)(2)" is one word.
        let parens = "a b c d e f g h i j k l m n o p q r s t u v w x y z 1250A(c)(2)";
        assert!(lines(parens, 60).iter().any(|l| l == "1250A(c)(2)"));
        // Nor at a hyphen: "three-fifths" is one word.
        let hyphens = "a b c d e f g h i j k l m n o p q r s t u v w x y z three-fifths";
        assert!(lines(hyphens, 60).iter().any(|l| l == "three-fifths"));
        // A word longer than the line stands alone on it, whole.
        let long = format!("a {} b", "x".repeat(60));
        assert_eq!(lines(&long, 40), ["a", &"x".repeat(60), "b"]);
    }

    #[test]
    fn a_row_wraps_under_its_last_column_or_goes_under_the_row() {
        let mut out = String::new();
        push_row(
            &mut out,
            "ok     file.yaml  ",
            &"title ".repeat(12),
            "       ",
            60,
        );
        assert!(
            out.lines().skip(1).all(|l| l.starts_with(&" ".repeat(18))),
            "{out}"
        );
        let mut out = String::new();
        push_row(
            &mut out,
            &format!("ok  {}  ", "f".repeat(40)),
            "a title",
            "    ",
            60,
        );
        assert_eq!(out, format!("ok  {}\n    a title\n", "f".repeat(40)));
        // Colour codes take no columns.
        assert_eq!(columns("\u{1b}[32mok\u{1b}[0m"), 2);
    }

    #[test]
    fn a_hanging_indent() {
        let mut out = String::new();
        push_hanging(&mut out, &"word ".repeat(20), "- ", "  ", 40);
        assert!(out.starts_with("- word"));
        assert!(out.lines().skip(1).all(|l| l.starts_with("  word")));
        assert!(out.lines().all(|l| l.chars().count() <= 40));
    }
}
