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

/// A refusal the reader must see where they acted: the plain sentence, the server's words
/// behind "Details" when there are some.
#[component]
pub fn RefusalNote(message: String, detail: Option<String>) -> impl IntoView {
    view! {
        <div class="field-error" role="alert">
            <p>{message}</p>
            {detail.map(|detail| view! { <TroubleDetails detail/> })}
        </div>
    }
}
