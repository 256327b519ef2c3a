use crate::edition::Edition;
use leptos::prelude::*;

/// What the reader should know about their stored preferences (unreadable, upgraded, pruned),
/// until they dismiss it.
#[component]
pub fn Notices() -> impl IntoView {
    let edition = expect_context::<Edition>();
    move || {
        let notices = edition.notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notices" role="status">
                    <ul>{notices.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                    <button type="button" class="secondary dismiss" on:click=move |_| edition.notices.set(Vec::new())>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
