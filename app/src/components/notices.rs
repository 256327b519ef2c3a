use crate::components::details::TroubleDetails;
use crate::edition::Edition;
use crate::i18n::t;
use leptos::prelude::*;

/// What the reader should know about their stored preferences (unreadable, upgraded, pruned),
/// until they dismiss it.
#[component]
pub fn Notices() -> impl IntoView {
    let edition = expect_context::<Edition>();
    let dismiss = t("notices-dismiss");
    move || {
        let dismiss = dismiss.clone();
        let notices = edition.notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notices" role="status">
                    <ul>
                        {notices
                            .iter()
                            .map(|n| {
                                let detail = n
                                    .detail()
                                    .map(|d| view! { <TroubleDetails detail=d.to_owned()/> });
                                view! { <li>{n.message().render(crate::i18n::language())} {detail}</li> }
                            })
                            .collect_view()}
                    </ul>
                    <button type="button" class="secondary dismiss" on:click=move |_| edition.notices.set(Vec::new())>
                        {dismiss}
                    </button>
                </div>
            }
        })
    }
}
