//! Compiles the interface's Fluent files (`locales/<lang>/main.ftl`) into one encoded string per
//! language (decoded on first use by `src/i18n.rs`), so neither the server nor the wasm carries
//! a Fluent parser and runtime: in the browser those,
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
    let mut version: u64 = 0xcbf2_9ce4_8422_2325;
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
        // One string per language: `key US pattern RS`, for each message. Tables of `&str`
        // and slices were about twice the size in the wasm, and compressed far worse.
        let mut blob = String::new();
        for (id, pieces) in messages {
            write!(blob, "{id}{KEY_END}{pieces}{RECORD_END}").unwrap();
        }
        let name = code.to_uppercase();
        // The browser's wasm carries English only (the fallback of every message); the page's
        // own language is fetched as a file (`i18n::load`). Native test builds keep them all.
        let only_server = if code == "en" {
            ""
        } else {
            "#[cfg(not(all(feature = \"hydrate\", not(feature = \"ssr\"), target_arch = \"wasm32\")))]\n"
        };
        writeln!(out, "{only_server}static {name}: &str = {blob:?};").unwrap();
        writeln!(arms, "        {only_server}{code:?} => Some({name}),").unwrap();
        for byte in blob.bytes() {
            version = (version ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
        }
    }
    writeln!(
        out,
        "\n/// The encoded messages compiled in for the language with this code, sorted by key.\n\
         fn compiled(code: &str) -> Option<&'static str> {{\n    \
         match code {{\n{arms}        _ => None,\n    }}\n}}"
    )
    .unwrap();
    // FNV-1a of every language's messages: names the files of this build's messages, so the
    // browser never reads another build's (and may keep them for good).
    writeln!(
        out,
        "/// Names this build's message files.\npub const MESSAGES_VERSION: &str = \"{version:016x}\";"
    )
    .unwrap();
    // The marks go into the generated file too: the decoder reads the very same values.
    for (name, mark) in [
        ("VAR", VAR),
        ("NAME_END", NAME_END),
        ("SELECT", SELECT),
        ("VARIANT", VARIANT),
        ("SELECT_END", SELECT_END),
        ("DEFAULT", DEFAULT),
        ("RECORD_END", RECORD_END),
        ("KEY_END", KEY_END),
    ] {
        writeln!(out, "const {name}: char = {mark:?};").unwrap();
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("messages.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

fn fail(at: &str, what: &str) -> ! {
    panic!("{at}: {what}")
}

// The encoding `src/i18n.rs` decodes: text as it is, and these marks, which no message may
// contain.
const VAR: char = '\u{1}';
const NAME_END: char = '\u{2}';
const SELECT: char = '\u{3}';
const VARIANT: char = '\u{4}';
const SELECT_END: char = '\u{5}';
const RECORD_END: char = '\u{1e}';
const KEY_END: char = '\u{1f}';
/// Before the default variant's key (keys are names and numbers, never `*`).
const DEFAULT: char = '*';
const MARKS: [char; 7] = [
    VAR, NAME_END, SELECT, VARIANT, SELECT_END, RECORD_END, KEY_END,
];

/// A pattern, encoded: `VAR name NAME_END` for a variable, `SELECT name NAME_END` then
/// `VARIANT key NAME_END pattern` for each variant (the default's key after `DEFAULT`) and
/// `SELECT_END` for a selection. `at` names its file and message.
fn pattern(pattern: &Pattern<&str>, at: &str) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                if value.contains(MARKS) {
                    fail(at, "control characters are not supported");
                }
                out.push_str(value);
            }
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    write!(out, "{VAR}{}{NAME_END}", id.name).unwrap();
                }
                Expression::Select {
                    selector: InlineExpression::VariableReference { id },
                    variants,
                } => {
                    if !variants.iter().any(|v| v.default) {
                        fail(at, "a selection needs a default variant");
                    }
                    write!(out, "{SELECT}{}{NAME_END}", id.name).unwrap();
                    for variant in variants {
                        let key = match &variant.key {
                            VariantKey::Identifier { name } => name,
                            VariantKey::NumberLiteral { value } => value,
                        };
                        out.push(VARIANT);
                        if variant.default {
                            out.push(DEFAULT);
                        }
                        let value = self::pattern(&variant.value, at);
                        write!(out, "{key}{NAME_END}{value}").unwrap();
                    }
                    out.push(SELECT_END);
                }
                _ => fail(
                    at,
                    "only variables and selections on a variable are supported",
                ),
            },
        }
    }
    out
}
