//! Times and dates as readers' browsers write them. The server renders a text from the Fluent
//! messages (it has no locale data), and once the page is interactive the browser's Intl
//! rewrites it in the interface language: "vor 5 Minuten", "٥ دقائق", "Jan 17, 2022". The first
//! paint and hydration agree, because the rewrite happens after hydration.

use crate::i18n::{language, relative_time};
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

/// `then` relative to `now` (the page's own clock, so every card uses the same one).
#[component]
pub fn When(then: DateTime<Utc>, now: DateTime<Utc>) -> impl IntoView {
    let first = relative_time(then, now);
    let intl = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    {
        let lang = language();
        Effect::new(move |_| intl.set(browser::relative(lang.code(), then, now)));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (language, intl);
    move || intl.get().unwrap_or_else(|| first.clone())
}

/// A day, spelled out in the interface language (`Monday, January 17, 2022`).
#[component]
pub fn Day(day: NaiveDate) -> impl IntoView {
    // The server writes English in full, and the ISO form every script reads alike otherwise.
    let first = if language() == crate::model::Language::En {
        crate::model::long_day(day)
    } else {
        crate::model::iso_day(day)
    };
    let intl = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    {
        let lang = language();
        Effect::new(move |_| intl.set(browser::day(lang.code(), day)));
    }
    move || intl.get().unwrap_or_else(|| first.clone())
}

#[cfg(feature = "hydrate")]
pub(crate) mod browser {
    use chrono::{DateTime, NaiveDate, Utc};
    use wasm_bindgen::JsValue;

    pub fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&o, &(*k).into(), &(*v).into());
        }
        o
    }

    pub fn date(at: DateTime<Utc>) -> js_sys::Date {
        js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64))
    }

    pub fn relative(lang: &str, then: DateTime<Utc>, now: DateTime<Utc>) -> Option<String> {
        let secs = (now - then).num_seconds();
        let (value, unit) = match secs {
            s if s < 60 => (0, "second"),
            s if s < 3600 => (s / 60, "minute"),
            s if s < 86_400 => (s / 3600, "hour"),
            s if s < 30 * 86_400 => (s / 86_400, "day"),
            _ => {
                let text = date(then).to_locale_date_string(
                    lang,
                    &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]),
                );
                return text.as_string();
            }
        };
        let locales = js_sys::Array::of1(&lang.into());
        let format =
            js_sys::Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")]));
        format.format(-(value as f64), unit).as_string()
    }

    pub fn day(lang: &str, day: NaiveDate) -> Option<String> {
        let at = day.and_hms_opt(12, 0, 0)?.and_utc();
        date(at)
            .to_locale_date_string(
                lang,
                &options(&[("dateStyle", "full"), ("timeZone", "UTC")]),
            )
            .as_string()
    }
}
