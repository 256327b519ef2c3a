use crate::api::get_timeline;
use crate::components::article_card::ArticleCard;
use crate::components::category_tabs::CategoryTabs;
use crate::components::source_states::SourceStates;
use crate::edition::Edition;
use crate::model::{Category, TimelinePage};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The merged timeline of the reader's edition, by category.
#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let category = Memo::new(move |_| {
        query
            .read()
            .get("category")
            .and_then(|slug| Category::from_slug(&slug))
    });
    let cursor = Memo::new(move |_| query.read().get("cursor"));

    let edition = expect_context::<Edition>();

    // The edition is part of the key: when the stored preferences differ from what the first
    // paint used, the timeline refetches.
    let timeline = Resource::new(
        move || (category.get(), cursor.get(), edition.sources.get()),
        |(category, cursor, sources)| {
            let sources = (!sources.is_empty()).then(|| sources.join(","));
            get_timeline(
                category.map(|c| c.slug().to_string()),
                sources,
                cursor,
                None,
            )
        },
    );

    view! {
        <CategoryTabs active=category/>
        <Transition fallback=|| view! { <p class="loading" role="status">"Loading the news…"</p> }>
            {move || Suspend::new(async move {
                match timeline.await {
                    Ok(page) => Either::Left(view! { <Timeline page/> }),
                    Err(err) => Either::Right(view! {
                        <p class="error" role="alert">"The news could not be loaded: " {err.to_string()}</p>
                    }),
                }
            })}
        </Transition>
    }
}

#[component]
fn Timeline(page: TimelinePage) -> impl IntoView {
    let now = page.generated_at;
    let next = page.next_cursor.map(|cursor| {
        let category = page.category.map(|c| c.slug()).unwrap_or("all");
        format!("/?category={category}&cursor={cursor}")
    });
    let empty = page.articles.is_empty();
    view! {
        <SourceStates sources=page.sources/>
        <section class="timeline" aria-label="Stories">
            {empty.then(|| view! { <p class="empty">"No stories here yet."</p> })}
            <For each=move || page.articles.clone() key=|a| a.id.clone() let:article>
                <ArticleCard article now/>
            </For>
        </section>
        {next.map(|href| view! { <nav class="pager"><a href=href rel="next">"Older stories"</a></nav> })}
    }
}
