//! The interface in six languages. The words live in Fluent files, `app/locales/<lang>/main.ftl`,
//! compiled into the server and the wasm alike, so both render the same text and hydration
//! agrees. Components ask for a message by key in the reader's interface language (from
//! [`crate::display::Display`]); changing it rebuilds the page under the router.

use crate::model::{Category, Country, Language};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use leptos::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent wraps each argument in Unicode isolation marks by default; the page already
        // isolates feed text with dir="auto", and the marks would end up in copied text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDS: LazyLock<Vec<(Language, LanguageIdentifier)>> = LazyLock::new(|| {
    Language::ALL
        .into_iter()
        .filter_map(|l| l.code().parse().ok().map(|id| (l, id)))
        .collect()
});

fn id(language: Language) -> &'static LanguageIdentifier {
    IDS.iter()
        .find(|(l, _)| *l == language)
        .map(|(_, id)| id)
        .unwrap_or(&IDS[0].1)
}

/// A message argument.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
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
    LOCALES.lookup(id(language), key)
}

/// Message `key` in `language`, with arguments.
pub fn message_with(language: Language, key: &str, args: Vec<(&'static str, Arg)>) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .into_iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(s) => FluentValue::from(s),
                Arg::Number(n) => FluentValue::from(n),
            };
            (Cow::Borrowed(name), value)
        })
        .collect();
    LOCALES.lookup_with_args(id(language), key, &args)
}

/// The interface language of this page.
pub fn language() -> Language {
    use_context::<crate::display::Display>()
        .map(|d| d.ui.get_untracked().language)
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
        _ => then.format("%Y-%m-%d").to_string(),
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
            let path = format!(
                "{}/locales/{}/main.ftl",
                env!("CARGO_MANIFEST_DIR"),
                language.code()
            );
            let text = std::fs::read_to_string(&path).unwrap();
            if let Err((_, errors)) = fluent_templates::fluent_bundle::FluentResource::try_new(text)
            {
                panic!("{}: {errors:?}", language.code());
            }
            // Every variable any message uses, so that every message resolves fully.
            let english_text = std::fs::read_to_string(format!(
                "{}/locales/en/main.ftl",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap();
            let args: HashMap<Cow<'static, str>, FluentValue> = english_text
                .split("{ $")
                .skip(1)
                .filter_map(|rest| rest.split(' ').next())
                .map(|name| (Cow::Owned(name.to_string()), FluentValue::from(2)))
                .collect();
            for key in &english {
                let text = LOCALES.try_lookup_with_args(id(language), key, &args);
                assert!(
                    text.is_some(),
                    "{}: {key} does not resolve",
                    language.code()
                );
            }
        }
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
}
