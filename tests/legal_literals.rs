//! The compiled rulebook is the one source of every legal word, number and citation that
//! treatysim shows. This test reads every Rust source file of the library (with syn, so
//! comments and test code are told apart from what the program says) and fails on a
//! string that states law: a section number, a fraction of a chamber, a period, a case
//! name. Doc comments count where they become what a user reads (clap's help, the JSON
//! Schema's hover text). The few exceptions are listed below, each with its reason.

use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// Words that state law. Each is a regular expression over a string the program shows.
const LEGAL: &[(&str, &str)] = &[
    ("1250A", r"1250A"),
    ("1928f", r"1928f"),
    ("288b", r"288[a-f]\b"),
    ("the section sign", r"§"),
    ("U.S.C.", r"U\.S\.C\."),
    ("an article of a treaty", r"\bArt\. ?[0-9IVX]"),
    ("an article of the Constitution", r"\bart\. [IVX]"),
    ("a Senate or House rule", r"\bRule (XXII|XXX|II)\b"),
    ("two-thirds", r"(?i)two[- ]thirds"),
    ("three-fifths", r"(?i)three[- ]fifths"),
    ("a fraction", r"\b[23]/[35]\b"),
    ("the tenth day", r"(?i)tenth day"),
    ("ten days", r"(?i)\bten days\b"),
    ("Sundays excepted", r"(?i)sundays"),
    ("180 days", r"\b180 days\b"),
    ("one year", r"(?i)\bone year\b"),
    ("60 senators", r"\b60 senators\b"),
    ("a case name", r"\b[A-Z][a-z]+ v\. [A-Z]"),
    ("the NDAA", r"\bNDAA\b"),
];

/// (file, the legal word, why it may stand there).
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "src/workspace/explain.rs",
        "the section sign",
        "explain reads \"§ 1250A(c)\" as a reader types it: the sign is stripped from the query, never shown",
    ),
    (
        "src/wrap.rs",
        "the section sign",
        "wrapping keeps a citation on one line by knowing its punctuation (\"§ 1928f\"); it shows nothing of its own",
    ),
    (
        "src/wrap.rs",
        "U.S.C.",
        "wrapping keeps \"22 U.S.C. § 1928f\" on one line by knowing the code's abbreviation; it shows nothing of its own",
    ),
    (
        "src/threshold.rs",
        "two-thirds",
        "fraction_name turns the rulebook's numbers (2, 3) into words; the law's numbers still come from the rulebook",
    ),
    (
        "src/threshold.rs",
        "three-fifths",
        "fraction_name turns the rulebook's numbers (3, 5) into words",
    ),
    (
        "src/rulebook/words.rs",
        "an article of a treaty",
        "the description of the {article} placeholder gives an example of what a rulebook says",
    ),
    (
        "src/rulebook/words.rs",
        "one year",
        "the description of the {notice_period} placeholder gives an example of what it becomes",
    ),
];

/// Files whose doc comments are shown to users (clap's help, the scenario schema).
const SHOWN_DOCS: &[&str] = &[
    "src/cli/args.rs",
    "src/cli/tools_cmd.rs",
    "src/cli/play_cmd.rs",
    "src/scenario/raw.rs",
];

struct Strings {
    docs: bool,
    found: Vec<(String, usize)>,
}

fn is_test_attr(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("test")
            || (a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test"))
    })
}

impl<'ast> Visit<'ast> for Strings {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if !is_test_attr(&m.attrs) {
            syn::visit::visit_item_mod(self, m);
        }
    }
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if !is_test_attr(&f.attrs) {
            syn::visit::visit_item_fn(self, f);
        }
    }
    fn visit_attribute(&mut self, a: &'ast syn::Attribute) {
        if a.path().is_ident("doc") {
            if self.docs
                && let syn::Meta::NameValue(nv) = &a.meta
                && let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = &nv.value
            {
                self.found.push((s.value(), s.span().start().line));
            }
            return;
        }
        // Other attributes (schemars' descriptions, clap's values) are shown.
        let tokens = quote_tokens(a);
        for lit in string_literals(&tokens) {
            self.found.push(lit);
        }
    }
    fn visit_lit_str(&mut self, s: &'ast syn::LitStr) {
        self.found.push((s.value(), s.span().start().line));
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // format!, write!, json!...: their string literals are tokens, not parsed expressions.
        for lit in string_literals(&m.tokens) {
            self.found.push(lit);
        }
    }
}

fn quote_tokens(a: &syn::Attribute) -> proc_macro2::TokenStream {
    match &a.meta {
        syn::Meta::List(list) => list.tokens.clone(),
        syn::Meta::NameValue(nv) => {
            let mut ts = proc_macro2::TokenStream::new();
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                ts.extend([proc_macro2::TokenTree::Literal(
                    proc_macro2::Literal::string(&s.value()),
                )]);
            }
            ts
        }
        syn::Meta::Path(_) => proc_macro2::TokenStream::new(),
    }
}

fn string_literals(tokens: &proc_macro2::TokenStream) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for tt in tokens.clone() {
        match tt {
            proc_macro2::TokenTree::Literal(l) => {
                if let Ok(s) = syn::parse_str::<syn::LitStr>(&l.to_string()) {
                    out.push((s.value(), l.span().start().line));
                }
            }
            proc_macro2::TokenTree::Group(g) => out.extend(string_literals(&g.stream())),
            _ => {}
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs")
            // The engine's tests are a module file of their own.
            && !path.ends_with("tests.rs")
        {
            out.push(path);
        }
    }
}

#[test]
fn no_legal_literal_outside_the_rulebooks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 30, "found only {} files", files.len());
    let patterns: Vec<(&str, regex_lite::Regex)> = LEGAL
        .iter()
        .map(|(name, re)| (*name, regex_lite::Regex::new(re).unwrap()))
        .collect();
    let mut hits = Vec::new();
    let mut allowed_used = vec![false; ALLOWED.len()];
    for file in &files {
        let relative = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let source = std::fs::read_to_string(file).unwrap();
        let syntax = syn::parse_file(&source).unwrap_or_else(|e| panic!("{relative}: {e}"));
        let mut strings = Strings {
            docs: SHOWN_DOCS.contains(&relative.as_str()),
            found: Vec::new(),
        };
        strings.visit_file(&syntax);
        for (text, line) in strings.found {
            for (name, re) in &patterns {
                if !re.is_match(&text) {
                    continue;
                }
                if let Some(k) = ALLOWED
                    .iter()
                    .position(|(f, n, _)| *f == relative && n == name)
                {
                    allowed_used[k] = true;
                    continue;
                }
                hits.push(format!("{relative}:{line}: {name} in {text:?}"));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "legal words in Rust, not from the rulebook (move them into the rulebook's templates or messages):\n{}",
        hits.join("\n")
    );
    for (k, used) in allowed_used.iter().enumerate() {
        assert!(
            used,
            "the exception {:?} is no longer needed: remove it",
            ALLOWED[k]
        );
    }
}

/// The scanner itself: it finds a legal word in a literal, in a macro's format string and
/// in a shown attribute, and leaves comments and test code alone.
#[test]
fn the_scanner_sees_strings_and_ignores_comments_and_tests() {
    let source = r##"
        // the tenth day (a comment)
        /// two-thirds (a doc comment, not shown in this file)
        fn a() -> String { format!("the tenth day is {}", 1) }
        fn b() -> &'static str { "Rule XXII" }
        #[schemars(extend("examples" = ["1250A(a)"]))]
        struct C;
        #[cfg(test)]
        mod tests { fn t() { let _ = "180 days"; } }
    "##;
    let mut strings = Strings {
        docs: false,
        found: Vec::new(),
    };
    strings.visit_file(&syn::parse_file(source).unwrap());
    let texts: Vec<&str> = strings.found.iter().map(|(t, _)| t.as_str()).collect();
    assert!(texts.contains(&"the tenth day is {}"), "{texts:?}");
    assert!(texts.contains(&"Rule XXII"), "{texts:?}");
    assert!(texts.contains(&"1250A(a)"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("180 days")), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains("two-thirds")), "{texts:?}");
}
