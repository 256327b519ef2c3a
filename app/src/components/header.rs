use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{t("nav-skip")}</a>
        <header class="site-header">
            <a class="brand" href="/">"Panorama"</a>
            <p class="tagline">{t("site-tagline")}</p>
            <nav class="site-nav" aria-label=t("nav-main")>
                <a href="/">{t("nav-news")}</a>
                <a href="/search">{t("nav-search")}</a>
                <a href="/saved">{t("nav-saved")}</a>
                <a href="/settings">{t("nav-settings")}</a>
            </nav>
        </header>
    }
}
