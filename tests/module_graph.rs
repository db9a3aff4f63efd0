//! Data flows one way: rulebook -> scenario -> engine -> trace -> outputs, with the
//! vocabulary, the schema helpers and the readers below them, and the fronts (the
//! library's `Workspace`, the command line) above. This test reads every library source
//! file with syn, collects every `crate::` path (in `use` trees and in expressions), and
//! fails on a cycle among the top-level modules, naming it, and on an edge that runs
//! against the layers listed below.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// The layers, lowest first. A module may use modules of its own layer or lower ones, never
/// a higher one; within a layer the graph must still be acyclic.
const LAYERS: &[&[&str]] = &[
    &[
        "diag",
        "limits",
        "calendar",
        "threshold",
        "files",
        "yaml",
        "schema",
        "vocab",
        "wrap",
    ],
    &["rulebook"],
    &["scenario"],
    &["engine"],
    &["expect", "explore", "simulate", "diagram", "report"],
    &["workspace", "fuzzing"],
    &["serve"],
    &["cli"],
];

struct Paths<'a> {
    found: &'a mut BTreeSet<String>,
}

impl Paths<'_> {
    fn tree(&mut self, tree: &syn::UseTree, under_crate: bool) {
        match tree {
            syn::UseTree::Path(p) if !under_crate && p.ident == "crate" => {
                self.tree(&p.tree, true);
            }
            syn::UseTree::Path(_) if !under_crate => {}
            syn::UseTree::Path(p) => {
                self.found.insert(p.ident.to_string());
            }
            syn::UseTree::Name(n) if under_crate => {
                self.found.insert(n.ident.to_string());
            }
            syn::UseTree::Rename(r) if under_crate => {
                self.found.insert(r.ident.to_string());
            }
            syn::UseTree::Group(g) => {
                for item in &g.items {
                    self.tree(item, under_crate);
                }
            }
            _ => {}
        }
    }
}

impl<'ast> Visit<'ast> for Paths<'_> {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.tree(&item.tree, false);
    }
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let mut segments = path.segments.iter();
        if let (Some(first), Some(second)) = (segments.next(), segments.next())
            && first.ident == "crate"
        {
            self.found.insert(second.ident.to_string());
        }
        syn::visit::visit_path(self, path);
    }
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // Paths inside macro calls (format!, matches!...) are tokens: read them as text.
        let text = mac.tokens.to_string();
        for part in text.split("crate ::").skip(1) {
            let name: String = part
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                self.found.insert(name);
            }
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_str()
        .unwrap();
    first.trim_end_matches(".rs").to_string()
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(&src, f))
        .filter(|m| m != "lib" && m != "main" && m != "rulebooks" && m != "templates")
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        if !modules.contains(&from) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let ast = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut found = BTreeSet::new();
        Paths { found: &mut found }.visit_file(&ast);
        let targets = edges.entry(from.clone()).or_default();
        for to in found {
            if to != from && modules.contains(&to) {
                targets.insert(to);
            }
        }
    }
    edges
}

/// A cycle through `start`, if any, as the list of modules on it.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut found = stack[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, stack, done) {
                return Some(found);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(found) = visit(node, edges, &mut Vec::new(), &mut done) {
            return Some(found);
        }
    }
    None
}

#[test]
fn the_modules_import_one_way() {
    let edges = graph();
    if let Some(found) = cycle(&edges) {
        panic!("an import cycle among modules: {}", found.join(" -> "));
    }
}

#[test]
fn every_import_runs_down_the_layers() {
    let edges = graph();
    let layer = |m: &str| {
        LAYERS
            .iter()
            .position(|l| l.contains(&m))
            .unwrap_or_else(|| panic!("the module {m} is in no layer of tests/module_graph.rs"))
    };
    let mut against = Vec::new();
    for (from, targets) in &edges {
        for to in targets {
            if layer(to) > layer(from) {
                against.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(
        against.is_empty(),
        "imports against the layers (a lower module uses a higher one): {}",
        against.join(", ")
    );
}

#[test]
fn the_graph_is_read_at_all() {
    // The reader must see the imports that are known to exist, or the tests above pass
    // for nothing.
    let edges = graph();
    for (from, to) in [
        ("engine", "rulebook"),
        ("scenario", "rulebook"),
        ("cli", "rulebook"),
    ] {
        assert!(
            edges.get(from).is_some_and(|t| t.contains(to)),
            "{from} -> {to} not seen: {edges:?}"
        );
    }
}
