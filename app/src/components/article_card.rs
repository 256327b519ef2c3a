use crate::model::{Article, relative_time, utc_line};
use crate::reading::Reading;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// One story in the timeline. Feed text carries its own `lang` and `dir="auto"` so a mixed
/// timeline renders each script the right way round.
#[component]
pub fn ArticleCard(article: Article, now: DateTime<Utc>) -> impl IntoView {
    let lang = article.language.code();
    let when = relative_time(article.published, now);
    let iso = article.published.to_rfc3339();
    let utc = utc_line(article.published);
    let reading = use_context::<Reading>();
    let id = article.id.clone();
    let read = move || reading.is_some_and(|r| r.is_read(&id));
    let summary = (!article.summary.is_empty()).then(|| {
        view! { <p class="card-summary" lang=lang dir="auto">{article.summary.clone()}</p> }
    });
    let image = article.image.clone().map(|src| {
        view! { <img class="card-image" src=src alt="" loading="lazy" decoding="async" width="160" height="90"/> }
    });
    // The same wire story from other outlets: one card, their links beside it.
    let also = (!article.also.is_empty()).then(|| {
        let copies = article
            .also
            .iter()
            .enumerate()
            .map(|(i, copy)| {
                view! {
                    {(i > 0).then_some(", ")}
                    <a href=copy.link.clone() target="_blank" rel="noopener noreferrer" data-source=copy.source_id.clone()>
                        {copy.source_name.clone()}
                    </a>
                }
            })
            .collect_view();
        view! { <p class="card-also">"Also from " {copies}</p> }
    });
    view! {
        <article class="card" class:read=read data-source=article.source_id.clone() data-article=article.id.clone()>
            {image}
            <div class="card-body">
                <h2 class="card-title" lang=lang dir="auto">
                    <a href=format!("/article/{}", article.id)>{article.title.clone()}</a>
                </h2>
                <p class="card-meta">
                    <span class="card-source">{article.source_name.clone()}</span>
                    " · "
                    <span class="card-country">{article.country.name()}</span>
                    " · "
                    <time datetime=iso title=utc>{when}</time>
                </p>
                {summary}
                {also}
            </div>
        </article>
    }
}
