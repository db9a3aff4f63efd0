//! Sentences as templates over a rulebook's parameters: "the {return_day} day (Sundays
//! excepted) is {last}". A rulebook that gives `return_days: 5` then says "the fifth
//! day", and one that gives the treaty a six-month notice period says "six months".
//!
//! A placeholder is a name in braces; `{{` and `}}` write a brace. Every placeholder is
//! checked when the rulebook is compiled, so rendering never meets an unknown name.

/// The pieces of a template: text, and placeholder names.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Brace(char),
    Name(&'a str),
}

/// Splits a template into its pieces, or says what is wrong with it.
pub fn pieces(template: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        if i > 0 {
            out.push(Piece::Text(&rest[..i]));
        }
        let brace = rest.as_bytes()[i];
        let after = &rest[i + 1..];
        if after.as_bytes().first() == Some(&brace) {
            out.push(Piece::Brace(brace as char));
            rest = &after[1..];
            continue;
        }
        if brace == b'}' {
            return Err("a `}` without its `{` (write `}}` for a brace)".into());
        }
        let Some(end) = after.find('}') else {
            return Err("a `{` without its `}` (write `{{` for a brace)".into());
        };
        let name = &after[..end];
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(format!(
                "`{{{name}}}` is not a placeholder: write a name of lower-case letters, digits and _"
            ));
        }
        out.push(Piece::Name(name));
        rest = &after[end + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

/// The placeholder names a template uses.
pub fn names(template: &str) -> Result<Vec<&str>, String> {
    Ok(pieces(template)?
        .into_iter()
        .filter_map(|p| match p {
            Piece::Name(n) => Some(n),
            _ => None,
        })
        .collect())
}

/// Fills a template's placeholders from `value`; a name it does not know is an error.
pub fn render(template: &str, value: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    if !template.contains(['{', '}']) {
        return Ok(template.to_string());
    }
    let mut out = String::with_capacity(template.len() + 16);
    for piece in pieces(template)? {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Brace(c) => out.push(c),
            Piece::Name(n) => match value(n) {
                Some(v) => out.push_str(&v),
                None => return Err(format!("unknown placeholder {{{n}}}")),
            },
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<String> {
        match name {
            "return_day" => Some("fifth".into()),
            "last" => Some("2027-05-08".into()),
            _ => None,
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            render("The {return_day} day is {last}.", &lookup).unwrap(),
            "The fifth day is 2027-05-08."
        );
        assert_eq!(render("no braces", &lookup).unwrap(), "no braces");
        assert_eq!(render("{{literal}}", &lookup).unwrap(), "{literal}");
        assert_eq!(names("a {x} b {y_2}").unwrap(), vec!["x", "y_2"]);
    }

    #[test]
    fn bad_templates_are_refused() {
        assert!(
            render("{nope}", &lookup)
                .unwrap_err()
                .contains("unknown placeholder {nope}")
        );
        assert!(pieces("{open").unwrap_err().contains("without its `}`"));
        assert!(pieces("close}").unwrap_err().contains("without its `{`"));
        assert!(
            pieces("{Bad Name}")
                .unwrap_err()
                .contains("not a placeholder")
        );
        assert!(pieces("{}").unwrap_err().contains("not a placeholder"));
    }
}
