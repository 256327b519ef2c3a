use crate::i18n::t;
use leptos::prelude::*;

/// Any unknown path: a real 404 with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="not-found">
            <h1>{t("not-found-title")}</h1>
            <p><a href="/">{t("back-to-news")}</a></p>
        </section>
    }
}
