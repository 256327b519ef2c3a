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
        browser::later(move || {
            intl.try_set(browser::relative(lang, then, now));
        });
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
        browser::later(move || {
            intl.try_set(browser::day(lang, day));
        });
    }
    move || intl.get().unwrap_or_else(|| first.clone())
}

#[cfg(feature = "hydrate")]
pub(crate) mod browser {
    use crate::model::Language;
    use chrono::{DateTime, NaiveDate, Utc};
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    /// How a date is written, as `Intl.DateTimeFormat` options.
    #[derive(Clone, Copy, PartialEq)]
    pub enum DateStyle {
        /// `Jan 17, 2022`, the day in UTC (a card's time, past a month).
        Medium,
        /// `Monday, January 17, 2022`, in UTC (an archive's day).
        Full,
        /// `Jan 17, 2022, 12:21 PM`, in the reader's own time zone.
        LocalTime,
    }

    impl DateStyle {
        fn options(self) -> &'static [(&'static str, &'static str)] {
            match self {
                DateStyle::Medium => &[("dateStyle", "medium"), ("timeZone", "UTC")],
                DateStyle::Full => &[("dateStyle", "full"), ("timeZone", "UTC")],
                DateStyle::LocalTime => &[("dateStyle", "medium"), ("timeStyle", "short")],
            }
        }
    }

    // Making an Intl formatter costs far more than formatting with it, and `toLocaleString`
    // makes one on every call: with a date on every card, that was the largest single cost of
    // hydrating a timeline (42 of its milliseconds in the profile). One per language and style.
    thread_local! {
        static DATE_FORMATS: RefCell<Vec<((Language, DateStyle), js_sys::Function)>> =
            const { RefCell::new(Vec::new()) };
        static RELATIVE_FORMATS: RefCell<Vec<(Language, js_sys::Intl::RelativeTimeFormat)>> =
            const { RefCell::new(Vec::new()) };
    }

    /// The formatter kept for `key`, made by `make` the first time. A page uses a handful of
    /// keys at most, so a list beats a map (and its code) here.
    fn kept<K: PartialEq + Copy, F: Clone>(
        cache: &'static std::thread::LocalKey<RefCell<Vec<(K, F)>>>,
        key: K,
        make: impl FnOnce() -> F,
    ) -> F {
        cache.with_borrow_mut(|kept| {
            if let Some((_, format)) = kept.iter().find(|(k, _)| *k == key) {
                return format.clone();
            }
            let format = make();
            kept.push((key, format.clone()));
            format
        })
    }

    fn locales(language: Language) -> js_sys::Array {
        js_sys::Array::of1(&language.code().into())
    }

    fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&o, &(*k).into(), &(*v).into());
        }
        o
    }

    /// Runs `rewrite` (a text written again by Intl) in a task of its own, after the one that
    /// renders or hydrates the page: the first Intl formatter of a page loads the browser's
    /// locale data (30 ms in a profile), which would otherwise lengthen the task that blocks the
    /// reader's first input. The view may be gone by then: `rewrite` uses `try_set`.
    pub fn later(rewrite: impl FnOnce() + 'static) {
        leptos::prelude::set_timeout(rewrite, std::time::Duration::ZERO);
    }

    pub fn date(at: DateTime<Utc>) -> js_sys::Date {
        js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64))
    }

    /// `date` as `language` writes it in `style`; None for an invalid date.
    pub fn format(language: Language, style: DateStyle, date: &js_sys::Date) -> Option<String> {
        let format = kept(&DATE_FORMATS, (language, style), || {
            js_sys::Intl::DateTimeFormat::new(&locales(language), &options(style.options()))
                .format()
        });
        // An invalid date throws (`toLocaleString` wrote "Invalid Date").
        format.call1(&JsValue::UNDEFINED, date).ok()?.as_string()
    }

    pub fn relative(language: Language, then: DateTime<Utc>, now: DateTime<Utc>) -> Option<String> {
        let secs = (now - then).num_seconds();
        let (value, unit) = match secs {
            s if s < 60 => (0, "second"),
            s if s < 3600 => (s / 60, "minute"),
            s if s < 86_400 => (s / 3600, "hour"),
            s if s < 30 * 86_400 => (s / 86_400, "day"),
            _ => return format(language, DateStyle::Medium, &date(then)),
        };
        let format = kept(&RELATIVE_FORMATS, language, || {
            js_sys::Intl::RelativeTimeFormat::new(
                &locales(language),
                &options(&[("numeric", "auto")]),
            )
        });
        format.format(-(value as f64), unit).as_string()
    }

    pub fn day(language: Language, day: NaiveDate) -> Option<String> {
        let at = day.and_hms_opt(12, 0, 0)?.and_utc();
        format(language, DateStyle::Full, &date(at))
    }
}
