//! A field added to `World` must be a compile error wherever a world is built, copied or
//! turned into an exploration's state key, so that a forgotten field can never silently
//! merge distinct states. The compiler enforces that only as long as those places list
//! the fields with no `..`; this test reads them with syn and fails if one takes the
//! shortcut, or lists other fields than World has.

use std::collections::BTreeSet;
use std::path::Path;

use syn::visit::Visit;

fn parse(file: &str) -> syn::File {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    syn::parse_file(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The named fields of a struct defined in a file.
fn fields_of(file: &syn::File, name: &str) -> BTreeSet<String> {
    for item in &file.items {
        if let syn::Item::Struct(s) = item
            && s.ident == name
        {
            return s
                .fields
                .iter()
                .map(|f| f.ident.as_ref().unwrap().to_string())
                .collect();
        }
    }
    panic!("no struct {name}");
}

/// Every `World { .. }` pattern and struct literal inside one function: its fields, and
/// whether it has a rest (`..` or `..base`).
#[derive(Default)]
struct Uses {
    name: String,
    inside: bool,
    found: Vec<(BTreeSet<String>, bool)>,
}

impl<'ast> Visit<'ast> for Uses {
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        let was = self.inside;
        self.inside = f.sig.ident == self.name;
        syn::visit::visit_impl_item_fn(self, f);
        self.inside = was;
    }
    fn visit_pat_struct(&mut self, p: &'ast syn::PatStruct) {
        if self.inside && p.path.is_ident("World") {
            let fields = p.fields.iter().map(|f| member(&f.member)).collect();
            self.found.push((fields, p.rest.is_some()));
        }
        syn::visit::visit_pat_struct(self, p);
    }
    fn visit_expr_struct(&mut self, e: &'ast syn::ExprStruct) {
        if self.inside && e.path.is_ident("World") {
            let fields = e.fields.iter().map(|f| member(&f.member)).collect();
            self.found.push((fields, e.dot2_token.is_some()));
        }
        syn::visit::visit_expr_struct(self, e);
    }
}

fn member(m: &syn::Member) -> String {
    match m {
        syn::Member::Named(i) => i.to_string(),
        syn::Member::Unnamed(i) => i.index.to_string(),
    }
}

#[test]
fn every_place_that_lists_world_fields_lists_them_all() {
    let world_file = parse("src/engine/world.rs");
    let fields = fields_of(&world_file, "World");
    assert!(fields.len() > 20, "World has {} fields?", fields.len());
    for (file, function) in [
        ("src/engine/world.rs", "at_start"),
        ("src/engine/world.rs", "assign"),
        ("src/explore/mod.rs", "key"),
    ] {
        let mut uses = Uses {
            name: function.into(),
            ..Uses::default()
        };
        uses.visit_file(&parse(file));
        assert!(
            !uses.found.is_empty(),
            "{file}: {function} no longer lists World's fields; it must (see this test)"
        );
        for (listed, rest) in &uses.found {
            assert!(!rest, "{file}: {function} lists World with `..`");
            assert_eq!(listed, &fields, "{file}: {function}");
        }
    }
}
