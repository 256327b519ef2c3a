//! Compiles the interface's Fluent files (`locales/<lang>/main.ftl`) into Rust tables, so
//! neither the server nor the wasm carries a Fluent parser and runtime: in the browser those,
//! the plural rules of every CLDR locale and the parse of six files at start-up were a fifth of
//! the first visit's download and part of the task that blocks the page while it hydrates.
//!
//! Panorama's messages use text, variables and selections on a number's plural category
//! (`[one]`, `[few]`, `*[other]`) or on its value (`[0]`); anything else (terms, attributes,
//! functions) stops the build with the file and message it is in. `src/i18n.rs` renders the
//! tables, and its tests hold the result to fluent-bundle's for every message.

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use std::fmt::Write;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut languages: Vec<String> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    languages.sort();

    let mut out = String::new();
    let mut arms = String::new();
    for code in &languages {
        let path = root.join(code).join("main.ftl");
        println!("cargo::rerun-if-changed={}", path.display());
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let mut messages = Vec::new();
        for entry in &resource.body {
            match entry {
                Entry::Message(message) => {
                    let id = message.id.name;
                    let at = format!("{}: {id}", path.display());
                    if !message.attributes.is_empty() {
                        fail(&at, "attributes are not supported");
                    }
                    let Some(value) = &message.value else {
                        fail(&at, "a message needs a value")
                    };
                    messages.push((id, pattern(value, &at)));
                }
                Entry::Term(term) => {
                    panic!(
                        "{}: -{}: terms are not supported",
                        path.display(),
                        term.id.name
                    )
                }
                Entry::Junk { content } => panic!("{}: cannot read {content:?}", path.display()),
                Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
            }
        }
        // Sorted by key: looked up by binary search.
        messages.sort_by(|a, b| a.0.cmp(b.0));
        if let Some(pair) = messages.windows(2).find(|w| w[0].0 == w[1].0) {
            panic!("{}: {} is defined twice", path.display(), pair[0].0);
        }
        let name = code.to_uppercase();
        writeln!(out, "static {name}: &[(&str, &[Piece])] = &[").unwrap();
        for (id, pieces) in messages {
            writeln!(out, "    ({id:?}, {pieces}),").unwrap();
        }
        out.push_str("];\n\n");
        writeln!(arms, "        {code:?} => Some({name}),").unwrap();
    }
    writeln!(
        out,
        "/// The messages of the language with this code, sorted by key.\n\
         fn messages(code: &str) -> Option<&'static [(&'static str, &'static [Piece])]> {{\n    \
         match code {{\n{arms}        _ => None,\n    }}\n}}"
    )
    .unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("messages.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

fn fail(at: &str, what: &str) -> ! {
    panic!("{at}: {what}")
}

/// A pattern as a `&[Piece]` expression; `at` names its file and message.
fn pattern(pattern: &Pattern<&str>, at: &str) -> String {
    let mut out = String::from("&[");
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => write!(out, "Piece::Text({value:?}), "),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    write!(out, "Piece::Var({:?}), ", id.name)
                }
                Expression::Select {
                    selector: InlineExpression::VariableReference { id },
                    variants,
                } => {
                    let default = variants
                        .iter()
                        .position(|v| v.default)
                        .unwrap_or_else(|| fail(at, "a selection needs a default variant"));
                    write!(out, "Piece::Select({:?}, &[", id.name).unwrap();
                    for variant in variants {
                        let key = match &variant.key {
                            VariantKey::Identifier { name } => name,
                            VariantKey::NumberLiteral { value } => value,
                        };
                        write!(out, "({key:?}, {}), ", self::pattern(&variant.value, at)).unwrap();
                    }
                    write!(out, "], {default}), ")
                }
                _ => fail(
                    at,
                    "only variables and selections on a variable are supported",
                ),
            },
        }
        .unwrap();
    }
    out.push(']');
    out
}
