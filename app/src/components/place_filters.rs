//! The country and language choices of the search and archive forms: plain `<select>`s with
//! "Any" first, so narrowing works without JavaScript. `country` and `language` are the codes
//! the address holds (empty for any).

use crate::i18n::{country as country_name, language_name, t};
use crate::model::{Country, Language};
use leptos::prelude::*;

#[component]
pub fn PlaceFilters(country: Signal<String>, language: Signal<String>) -> impl IntoView {
    let countries = Country::ALL
        .iter()
        .map(|c| {
            let code = c.code();
            view! { <option value=code selected=move || country.read().eq_ignore_ascii_case(code)>{country_name(*c)}</option> }
        })
        .collect_view();
    let languages = Language::ALL
        .iter()
        .map(|l| {
            let code = l.code();
            view! { <option value=code selected=move || *language.read() == code>{language_name(*l)}</option> }
        })
        .collect_view();
    view! {
        <label>
            <span>{t("search-country")}</span>
            <select name="country">
                <option value="">{t("search-any")}</option>
                {countries}
            </select>
        </label>
        <label>
            <span>{t("search-language")}</span>
            <select name="language">
                <option value="">{t("search-any")}</option>
                {languages}
            </select>
        </label>
    }
}
