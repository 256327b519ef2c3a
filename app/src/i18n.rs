//! The interface in six languages. The words live in Fluent files, `app/locales/<lang>/main.ftl`,
//! compiled at build time (`app/build.rs`) into the tables below, for the server and the wasm
//! alike, so both render the same text and hydration agrees. Components ask for a message by
//! key in the reader's interface language (the [`Interface`] the page provides); changing it
//! rebuilds the page under the router.

use crate::model::{Category, Country, Language};
use leptos::prelude::*;

/// A part of a compiled message.
enum Piece {
    Text(&'static str),
    /// A variable, by name.
    Var(&'static str),
    /// A selection on a variable: the variants (by plural category or number) and which of
    /// them is the default.
    Select(&'static str, Vec<(&'static str, Vec<Piece>)>, usize),
}

// The encoded messages (`encoded`) and the marks of their encoding (`VAR`, `SELECT`, ...).
include!(concat!(env!("OUT_DIR"), "/messages.rs"));

type Table = Vec<(&'static str, Vec<Piece>)>;

/// Where the language with this code sits in `Language::ALL`, which orders the per-language
/// tables below.
fn slot(code: &str) -> Option<usize> {
    Language::ALL.iter().position(|l| l.code() == code)
}

/// The encoded messages of the language with this code: compiled in, or (in the browser, for
/// every language but English) fetched by [`load`].
fn encoded(code: &str) -> Option<&'static str> {
    compiled(code).or_else(|| fetched(code))
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
static FETCHED: [std::sync::OnceLock<&'static str>; Language::ALL.len()] =
    [const { std::sync::OnceLock::new() }; Language::ALL.len()];

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn fetched(code: &str) -> Option<&'static str> {
    FETCHED[slot(code)?].get().copied()
}

#[cfg(not(all(feature = "hydrate", not(feature = "ssr"))))]
fn fetched(_code: &str) -> Option<&'static str> {
    None
}

/// Where this build's messages in `language` are served (`/pkg/messages.<code>.<version>.txt`):
/// named by their content, so the browser and the service worker keep them for good.
pub fn messages_path(language: Language) -> String {
    format!("/pkg/messages.{}.{MESSAGES_VERSION}.txt", language.code())
}

/// The encoded messages in `language`, as [`messages_path`] serves them.
#[cfg(feature = "ssr")]
pub fn messages_file(language: Language) -> &'static str {
    compiled(language.code()).unwrap_or_default()
}

/// The languages whose messages the browser fetches rather than carries.
pub fn fetched_languages() -> impl Iterator<Item = Language> {
    Language::ALL.into_iter().filter(|l| *l != Language::En)
}

/// Makes the messages in `language` available before anything is shown in it. A language that
/// cannot be fetched (offline, with no copy kept) shows in English, the fallback of every
/// message, rather than not at all.
#[cfg(feature = "hydrate")]
pub async fn load(language: Language) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    if encoded(language.code()).is_some() {
        return;
    }
    #[cfg(not(feature = "ssr"))]
    {
        let text = async {
            let response: web_sys::Response =
                JsFuture::from(window().fetch_with_str(&messages_path(language)))
                    .await?
                    .dyn_into()?;
            if !response.ok() {
                return Err(format!("HTTP {}", response.status()).into());
            }
            JsFuture::from(response.text()?).await
        };
        match text.await.map(|t| t.as_string()) {
            Ok(Some(text)) => {
                if let Some(at) = slot(language.code()) {
                    // Leaked once per language: messages are borrowed for the page's lifetime.
                    let _ = FETCHED[at].set(String::leak(text));
                }
            }
            Ok(None) | Err(_) => leptos::logging::warn!(
                "the {} messages could not be loaded: the interface shows in English",
                language.code()
            ),
        }
    }
}

/// The messages of the language with this code, sorted by key; decoded on first use.
fn messages(code: &str) -> Option<&'static Table> {
    use std::sync::OnceLock;
    static TABLES: [OnceLock<Table>; Language::ALL.len()] =
        [const { OnceLock::new() }; Language::ALL.len()];
    let at = slot(code)?;
    let encoded = encoded(code)?;
    Some(TABLES[at].get_or_init(|| {
        encoded
            .split_terminator(RECORD_END)
            .filter_map(|record| {
                let (key, mut rest) = record.split_once(KEY_END)?;
                Some((key, decode(&mut rest)))
            })
            .collect()
    }))
}

/// Decodes a pattern from the start of `rest`, up to its end or to the mark that ends the
/// variant it is in, and leaves `rest` there.
fn decode(rest: &mut &'static str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    loop {
        let text_end = rest
            .find([VAR, SELECT, VARIANT, SELECT_END])
            .unwrap_or(rest.len());
        if text_end > 0 {
            pieces.push(Piece::Text(&rest[..text_end]));
        }
        *rest = &rest[text_end..];
        let name = |rest: &mut &'static str| {
            let (name, after) = rest[1..].split_once(NAME_END).unwrap_or((&rest[1..], ""));
            *rest = after;
            name
        };
        match rest.chars().next() {
            Some(VAR) => pieces.push(Piece::Var(name(rest))),
            Some(SELECT) => {
                let selector = name(rest);
                let (mut variants, mut default) = (Vec::new(), 0);
                while rest.starts_with(VARIANT) {
                    let mut key = name(rest);
                    if let Some(marked) = key.strip_prefix(DEFAULT) {
                        (key, default) = (marked, variants.len());
                    }
                    variants.push((key, decode(rest)));
                }
                *rest = rest.strip_prefix(SELECT_END).unwrap_or(rest);
                pieces.push(Piece::Select(selector, variants, default));
            }
            // The end of a variant, or of the message.
            _ => return pieces,
        }
    }
}

/// The compiled message `key` of `language`, else of English (as Fluent falls back).
fn pieces(language: Language, key: &str) -> Option<&'static [Piece]> {
    let find = |code: &str| {
        let table = messages(code)?;
        let at = table.binary_search_by(|(k, _)| (*k).cmp(key)).ok()?;
        Some(table[at].1.as_slice())
    };
    find(language.code()).or_else(|| find("en"))
}

/// The CLDR plural category of the integer `n` in `language` (the rules of
/// <https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html>, for
/// integers: every number Panorama shows is a count).
fn plural_category(language: Language, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match language {
        Language::En | Language::De => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
        Language::Hi => {
            if n <= 1 {
                "one"
            } else {
                "other"
            }
        }
        Language::Fr => match n {
            0 | 1 => "one",
            _ if n.is_multiple_of(1_000_000) => "many",
            _ => "other",
        },
        Language::Ar => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
        Language::Zh => "other",
    }
}

fn render(pieces: &[Piece], language: Language, args: &[(&str, Arg)], out: &mut String) {
    let arg = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, a)| a);
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Var(name) => match arg(name) {
                Some(Arg::Text(text)) => out.push_str(text),
                Some(Arg::Number(n)) => out.push_str(&n.to_string()),
                Some(Arg::Message(key)) => out.push_str(&message(language, key)),
                // As Fluent shows a missing argument.
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Piece::Select(name, variants, default) => {
                // The first variant whose key is the value itself or its plural category.
                let chosen = match arg(name) {
                    Some(Arg::Number(n)) => {
                        let (value, category) = (n.to_string(), plural_category(language, *n));
                        variants
                            .iter()
                            .position(|(key, _)| *key == value || *key == category)
                    }
                    Some(Arg::Text(text)) => variants.iter().position(|(key, _)| key == text),
                    Some(Arg::Message(_)) | None => None,
                };
                render(&variants[chosen.unwrap_or(*default)].1, language, args, out);
            }
        }
    }
}

/// A message argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// Another message, by key, rendered in the same language (a country's name, say).
    Message(String),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as i64)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// A message to show later, in whatever the interface language is by then.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub key: String,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: &str, args: Vec<(&'static str, Arg)>) -> Message {
        Message {
            key: key.to_string(),
            args,
        }
    }

    pub fn render(&self, language: Language) -> String {
        message_with(language, &self.key, self.args.clone())
    }
}

/// Message `key` in `language`.
pub fn message(language: Language, key: &str) -> String {
    message_with(language, key, Vec::new())
}

/// Message `key` in `language`, with arguments. An unknown key shows as itself.
pub fn message_with(language: Language, key: &str, args: Vec<(&'static str, Arg)>) -> String {
    let Some(pieces) = pieces(language, key) else {
        return key.to_string();
    };
    let mut out = String::new();
    render(pieces, language, &args, &mut out);
    out
}

/// The interface language, as the page provides it (`display::provide_display` does).
#[derive(Clone, Copy)]
pub struct Interface(pub Signal<Language>);

/// The interface language of this page.
pub fn language() -> Language {
    use_context::<Interface>()
        .map(|i| i.0.get_untracked())
        .unwrap_or(Language::En)
}

/// Message `key` in the interface language.
pub fn t(key: &str) -> String {
    message(language(), key)
}

/// Message `key` with arguments, in the interface language.
pub fn t_with(key: &str, args: Vec<(&'static str, Arg)>) -> String {
    message_with(language(), key, args)
}

/// How a list's items are separated in `language`'s script: Arabic has its own comma, Chinese
/// its enumeration comma.
pub fn list_separator(language: Language) -> &'static str {
    match language {
        Language::Ar => "، ",
        Language::Zh => "、",
        _ => ", ",
    }
}

/// Items written as a list in the interface language.
pub fn list(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(list_separator(language()))
}

pub fn country(c: Country) -> String {
    t(&format!("country-{}", c.code()))
}

pub fn language_name(l: Language) -> String {
    t(&format!("language-{}", l.code()))
}

/// A category's label; `None` is All Categories.
pub fn category(c: Option<Category>) -> String {
    t(&format!("category-{}", c.map_or("all", Category::slug)))
}

/// "5 min ago" and the like, in the interface language.
pub fn relative_time(
    then: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    relative_time_in(language(), then, now)
}

pub fn relative_time_in(
    language: Language,
    then: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let secs = (now - then).num_seconds();
    let (mins, hours, days) = (secs / 60, secs / 3600, secs / 86400);
    match () {
        _ if secs < 60 => message(language, "time-just-now"),
        _ if mins < 60 => message_with(language, "time-minutes", vec![("n", mins.into())]),
        _ if hours < 24 => message_with(language, "time-hours", vec![("n", hours.into())]),
        _ if days == 1 => message(language, "time-yesterday"),
        _ if days < 30 => message_with(language, "time-days", vec![("n", days.into())]),
        // Older: the date, as ISO writes it, readable in every script.
        _ => crate::model::iso_day(then.date_naive()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::collections::BTreeSet;

    fn keys(language: Language) -> BTreeSet<String> {
        let path = format!(
            "{}/locales/{}/main.ftl",
            env!("CARGO_MANIFEST_DIR"),
            language.code()
        );
        let text = std::fs::read_to_string(&path).unwrap();
        text.lines()
            .filter(|l| {
                l.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && l.contains(" =")
            })
            .map(|l| l.split(" =").next().unwrap().trim().to_string())
            .collect()
    }

    #[test]
    fn every_language_has_every_message() {
        let english = keys(Language::En);
        assert!(english.len() > 100);
        for language in Language::ALL {
            let theirs = keys(language);
            let missing: Vec<_> = english.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                language.code()
            );
            let compiled = messages(language.code()).unwrap();
            assert_eq!(compiled.len(), english.len(), "{}", language.code());
        }
    }

    // The reference: the same files through fluent-bundle, as Panorama rendered them before
    // they were compiled at build time.
    fluent_templates::static_loader! {
        static FLUENT = {
            locales: "./locales",
            fallback_language: "en",
            // Without Unicode isolation marks around arguments, as ours: the page isolates feed
            // text with dir="auto", and the marks would end up in copied text.
            customise: |bundle| bundle.set_use_isolating(false),
        };
    }

    /// Every message of every language renders as fluent-bundle renders it, for counts across
    /// every plural category of the six languages and text arguments.
    #[test]
    fn every_message_renders_as_fluent_does() {
        use fluent_templates::Loader;
        use fluent_templates::fluent_bundle::FluentValue;
        use std::borrow::Cow;
        use std::collections::HashMap;

        // Leaked once: message arguments are named by `&'static str`.
        let english: &'static str = std::fs::read_to_string(format!(
            "{}/locales/en/main.ftl",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .leak();
        let variables: BTreeSet<&'static str> = english
            .split("{ $")
            .skip(1)
            .filter_map(|rest| rest.split([' ', '}']).next())
            .collect();
        let is_count = |v: &str| ["n", "count"].contains(&v);
        assert_eq!(
            variables.iter().filter(|v| is_count(v)).count(),
            2,
            "the counts selections use: {variables:?}"
        );
        let mut checked = 0;
        for language in Language::ALL {
            let id: fluent_templates::LanguageIdentifier = language.code().parse().unwrap();
            for key in keys(language) {
                for n in (0..=120).chain([200, 1_000, 1_001, 1_000_000, 2_000_000]) {
                    // intl_pluralrules 7.0.2 (CLDR 37) reads Arabic's few and many without the
                    // `% 100` of CLDR's rules, so Fluent writes 103 and 111 as "other":
                    // `plural_categories_follow_cldr` checks those counts instead.
                    if language == Language::Ar && n >= 100 && (3..=99).contains(&(n % 100)) {
                        continue;
                    }
                    let ours: Vec<(&'static str, Arg)> = variables
                        .iter()
                        .map(|&v| {
                            let arg = if is_count(v) {
                                Arg::Number(n)
                            } else {
                                Arg::Text(format!("«{v} ٣ 名»"))
                            };
                            (v, arg)
                        })
                        .collect();
                    let theirs: HashMap<Cow<'static, str>, FluentValue> = ours
                        .iter()
                        .map(|(name, arg)| {
                            let value = match arg {
                                Arg::Text(s) => FluentValue::from(s.clone()),
                                Arg::Number(n) => FluentValue::from(*n),
                                // Not made above: Fluent has no such argument.
                                Arg::Message(_) => unreachable!(),
                            };
                            (Cow::Borrowed(*name), value)
                        })
                        .collect();
                    assert_eq!(
                        message_with(language, &key, ours),
                        FLUENT.lookup_with_args(&id, &key, &theirs),
                        "{}: {key} with n = {n}",
                        language.code()
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 6 * 100 * 100, "{checked}");
    }

    /// CLDR's examples for each language's categories (language_plural_rules.html).
    #[test]
    fn plural_categories_follow_cldr() {
        let cases: [(Language, &[i64], &str); 15] = [
            (Language::En, &[1], "one"),
            (Language::En, &[0, 2, 11, 101], "other"),
            (Language::De, &[1], "one"),
            (Language::De, &[0, 2, 21], "other"),
            (Language::Fr, &[0, 1], "one"),
            (Language::Fr, &[1_000_000, 3_000_000], "many"),
            (Language::Fr, &[2, 17, 1_000, 1_000_001], "other"),
            (Language::Hi, &[0, 1], "one"),
            (Language::Hi, &[2, 100], "other"),
            (Language::Ar, &[0], "zero"),
            (Language::Ar, &[1], "one"),
            (Language::Ar, &[2], "two"),
            (Language::Ar, &[3, 10, 103, 110, 1_003], "few"),
            (Language::Ar, &[11, 26, 99, 111, 1_011], "many"),
            (Language::Ar, &[100, 101, 102, 1_000, 1_001], "other"),
        ];
        for (language, ns, category) in cases {
            for &n in ns {
                assert_eq!(plural_category(language, n), category, "{language:?} {n}");
            }
        }
        assert_eq!(plural_category(Language::Zh, 1), "other");
        let stories =
            |n: usize| message_with(Language::Ar, "health-stories", vec![("n", n.into())]);
        assert_ne!(
            stories(103),
            stories(100),
            "103 takes the plural of 3 to 10"
        );
        assert_eq!(stories(103).replace("103", "3"), stories(3));
    }

    #[test]
    fn plurals_and_arguments_follow_each_language() {
        let n =
            |language, n: usize| message_with(language, "health-stories", vec![("n", n.into())]);
        assert_eq!(n(Language::En, 1), "1 story");
        assert_eq!(n(Language::En, 3), "3 stories");
        assert_eq!(n(Language::De, 1), "1 Meldung");
        assert_eq!(n(Language::De, 3), "3 Meldungen");
        assert_eq!(
            message_with(Language::Fr, "timeline-top", vec![("source", "DW".into())]),
            "À la une de DW"
        );
    }

    #[test]
    fn relative_time_steps() {
        let now = chrono::Utc
            .with_ymd_and_hms(2022, 1, 17, 11, 21, 53)
            .unwrap();
        let ago = |s: i64| relative_time_in(Language::En, now - chrono::Duration::seconds(s), now);
        assert_eq!(ago(5), "just now");
        assert_eq!(ago(5 * 60), "5 min ago");
        assert_eq!(ago(3 * 3600 + 10), "3 h ago");
        assert_eq!(ago(26 * 3600), "yesterday");
        assert_eq!(ago(4 * 86400), "4 days ago");
        assert_eq!(ago(90 * 86400), "2021-10-19");
        let hi = relative_time_in(Language::Hi, now - chrono::Duration::minutes(5), now);
        assert_eq!(hi, "5 मिनट पहले");
    }

    /// Words a reader reported: one outlet is singular; Arabic does not glue ل to a country
    /// that begins with its article (لـالهند); a phone reader is not told to press a key.
    #[test]
    fn reported_wording() {
        let count = |n| vec![("count", Arg::Number(n))];
        assert_eq!(
            message_with(Language::En, "card-more-outlets", count(1)),
            "+1 outlet"
        );
        assert_eq!(
            message_with(Language::En, "card-more-outlets", count(3)),
            "+3 outlets"
        );
        assert_eq!(
            message_with(Language::De, "card-more-outlets", count(1)),
            "+1 Medium"
        );
        assert_eq!(
            message_with(Language::Ar, "card-more-outlets", count(2)),
            "+وسيلتا إعلام"
        );
        for key in [
            "settings-languages",
            "settings-sources",
            "settings-missing-language",
        ] {
            let text = message_with(
                Language::Ar,
                key,
                vec![("country", Arg::Text("الهند".into()))],
            );
            assert!(
                !text.contains("لـال") && !text.contains("لال"),
                "{key}: {text}"
            );
        }
        for language in Language::ALL {
            let empty = message(language, "saved-empty");
            assert!(!empty.contains(" s ") && !empty.contains(" s."), "{empty}");
        }
    }
}
