use crate::components::save_button::SaveButton;
use crate::i18n::{country, t};
use crate::reading::Reading;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/saved`: the stories the reader saved, kept in this browser only, so the list appears once
/// the page is interactive.
#[component]
pub fn SavedRoute() -> impl IntoView {
    let reading = expect_context::<Reading>();
    let empty = t("saved-empty");
    let loading = t("loading");
    view! {
        <Title text=format!("{} · Panorama", t("saved-title"))/>
        <h1>{t("saved-title")}</h1>
        <p class="lede">{t("saved-lede")}</p>
        <section class="timeline saved-list" aria-labelledby="saved-heading">
            <h2 id="saved-heading" class="visually-hidden">{t("saved-title")}</h2>
            {move || {
                if !reading.loaded.get() {
                    return view! { <p class="loading" role="status">{loading.clone()}</p> }.into_any();
                }
                let saved = reading.saved.get();
                if saved.is_empty() {
                    return view! { <p class="empty">{empty.clone()}</p> }.into_any();
                }
                saved
                    .into_iter()
                    .map(|story| {
                        let lang = story.language.code();
                        view! {
                            <article class="card" data-article=story.id.clone()>
                                <div class="card-body">
                                    <h3 class="card-title" lang=lang dir="auto">
                                        <a href=format!("/article/{}", story.id) rel="external">{story.title.clone()}</a>
                                    </h3>
                                    <p class="card-meta">
                                        <span class="card-source" dir="auto">{story.source_name.clone()}</span>
                                        " · " {country(story.country)} " · "
                                        <time datetime=story.published.to_rfc3339()>{crate::model::utc_line(story.published)}</time>
                                    </p>
                                    {(!story.summary.is_empty()).then(|| view! {
                                        <p class="card-summary" lang=lang dir="auto">{story.summary.clone()}</p>
                                    })}
                                    <SaveButton story=story.clone()/>
                                </div>
                            </article>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}
