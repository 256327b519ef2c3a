use crate::i18n::t;
use leptos::prelude::*;

/// The technical words behind a reader's sentence (a server's error, a parser's complaint),
/// folded under "Details": for whoever wants them, never in the sentence itself.
#[component]
pub fn TroubleDetails(detail: String) -> impl IntoView {
    view! {
        <details class="trouble-details">
            <summary>{t("details")}</summary>
            <code dir="ltr">{detail}</code>
        </details>
    }
}
