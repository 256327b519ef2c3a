use crate::components::app_status::PAGES_CACHE;
use crate::display::{LANG_COOKIE, THEME_COOKIE, VIEW_COOKIE};
use crate::edition::COOKIE;
use crate::i18n::{t, t_with};
use crate::prefs::STORAGE_KEY;
use crate::reading::{READ_KEY, SAVED_KEY};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/privacy`: what Panorama keeps and why, true to the code. The names shown are the ones the
/// code uses, so a rename shows here too; keep the prose in step with any new storage.
#[component]
pub fn PrivacyRoute() -> impl IntoView {
    // Storage names are code: shown as such inside each language's sentence.
    let with_code = |key: &str, args: Vec<(&'static str, &str)>| {
        let args = args.into_iter().map(|(k, v)| (k, v.into())).collect();
        view! { <li>{t_with(key, args)}</li> }
    };
    view! {
        <Title text=format!("{} · Panorama", t("privacy-title"))/>
        <Meta name="description" content=t("privacy-description")/>
        <article class="prose">
            <h1>{t("privacy-title")}</h1>
            <p class="lede">{t("privacy-lede")}</p>

            <h2>{t("privacy-browser")}</h2>
            <ul>
                {with_code("privacy-prefs", vec![("key", STORAGE_KEY)])}
                {with_code("privacy-read", vec![("key", READ_KEY)])}
                {with_code("privacy-saved", vec![("key", SAVED_KEY)])}
                {with_code("privacy-topics", vec![("key", crate::topics::STORAGE_KEY)])}
                {with_code("privacy-offline", vec![("cache", PAGES_CACHE)])}
                {with_code("privacy-cookie", vec![("cookie", COOKIE)])}
                {with_code("privacy-display", vec![("theme", THEME_COOKIE), ("view", VIEW_COOKIE), ("lang", LANG_COOKIE)])}
                <li>{t("privacy-cookie-life")}</li>
            </ul>
            <p>{t("privacy-clear")}</p>

            <h2>{t("privacy-server")}</h2>
            <ul>
                <li>{t("privacy-fetch")}</li>
                <li>{t("privacy-archive")}</li>
                <li>{t("privacy-search")}</li>
                <li>{t("privacy-own-feeds")}</li>
                <li>{t("privacy-logs")}</li>
            </ul>

            <h2>{t("privacy-third")}</h2>
            <ul>
                <li>{t("privacy-images")}</li>
                <li>{t("privacy-links")}</li>
                <li>{t("privacy-none")}</li>
            </ul>

            <p><a href="/contact">{t("privacy-questions")}</a></p>
        </article>
    }
}
