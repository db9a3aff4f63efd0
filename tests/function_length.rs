//! No function of the library is longer than 80 lines unless its doc comment says why
//! (a line starting `Long because:`): a function a maintainer cannot see whole is one
//! they cannot change safely. Test code (`#[cfg(test)]` modules and `tests.rs` files) is
//! left out. The test reads every source file with syn and measures each function from
//! its signature to its closing brace.

use std::path::{Path, PathBuf};

use syn::spanned::Spanned;
use syn::visit::Visit;

const LIMIT: usize = 80;

struct Lengths<'a> {
    file: &'a str,
    found: Vec<(String, usize, bool)>,
}

fn explained(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("doc")
            && matches!(&a.meta, syn::Meta::NameValue(nv)
                if matches!(&nv.value, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. })
                    if s.value().trim_start().starts_with("Long because:")))
    })
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("test")
            || (a.path().is_ident("cfg")
                && matches!(&a.meta, syn::Meta::List(list) if list.tokens.to_string().contains("test")))
    })
}

impl Lengths<'_> {
    fn record(&mut self, name: String, span: proc_macro2::Span, attrs: &[syn::Attribute]) {
        let lines = span.end().line - span.start().line + 1;
        self.found
            .push((format!("{} {name}", self.file), lines, explained(attrs)));
    }
}

impl<'ast> Visit<'ast> for Lengths<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if !is_test(&m.attrs) {
            syn::visit::visit_item_mod(self, m);
        }
    }
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if !is_test(&f.attrs) {
            self.record(f.sig.ident.to_string(), f.span(), &f.attrs);
            syn::visit::visit_item_fn(self, f);
        }
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if !is_test(&f.attrs) {
            self.record(f.sig.ident.to_string(), f.span(), &f.attrs);
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

#[test]
fn no_function_is_longer_than_80_lines_without_a_reason() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut all = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let ast = syn::parse_file(&text).unwrap();
        let file = path.strip_prefix(root).unwrap().display().to_string();
        let mut lengths = Lengths {
            file: &file,
            found: Vec::new(),
        };
        lengths.visit_file(&ast);
        all.extend(lengths.found);
    }
    assert!(all.len() > 300, "only {} functions found", all.len());
    let mut long: Vec<_> = all
        .iter()
        .filter(|(_, lines, why)| *lines > LIMIT && !why)
        .collect();
    long.sort_by_key(|(_, lines, _)| std::cmp::Reverse(*lines));
    let list: Vec<String> = long
        .iter()
        .map(|(at, lines, _)| format!("  {lines:>4} lines  {at}"))
        .collect();
    assert!(
        long.is_empty(),
        "{} functions over {LIMIT} lines with no `Long because:` in their doc comment:\n{}",
        long.len(),
        list.join("\n")
    );
}

/// The command line stays a thin layer over the library (issue 14): argument parsing,
/// printing and exit codes, under 500 lines in cli/mod.rs.
#[test]
fn the_command_line_stays_thin() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli/mod.rs");
    let lines = std::fs::read_to_string(path).unwrap().lines().count();
    assert!(
        lines < 500,
        "src/cli/mod.rs has {lines} lines; move logic into the workspace"
    );
}
