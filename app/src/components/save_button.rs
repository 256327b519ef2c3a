use crate::i18n::{t, t_with};
use crate::reading::{Reading, SavedStory};
use leptos::prelude::*;

/// Saves a story in this browser, or forgets it. The server renders it unpressed; the browser
/// presses it once it has read its storage.
#[component]
pub fn SaveButton(story: SavedStory) -> impl IntoView {
    let reading = expect_context::<Reading>();
    let id = story.id.clone();
    let saved = Signal::derive(move || reading.is_saved(&id));
    let (save, saved_text) = (t("card-save"), t("card-saved"));
    // One name whatever the state: aria-pressed says whether it is saved.
    let label = t_with("card-save-label", vec![("title", (&story.title).into())]);
    let toggle = move |_| {
        reading.toggle_saved(story.clone());
    };
    view! {
        <button
            type="button"
            class="save"
            data-save=""
            aria-pressed=move || if saved.get() { "true" } else { "false" }
            aria-label=label
            on:click=toggle
        >
            {move || if saved.get() { saved_text.clone() } else { save.clone() }}
        </button>
    }
}
