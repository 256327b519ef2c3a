use crate::api::get_archive;
use crate::components::when::Day;
use crate::i18n::{country, t, t_with};
use crate::model::ArchivePage;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// `/archive`: the stories Panorama has seen, by day, newest first. `?day=YYYY-MM-DD` opens a
/// day; the newest day opens by default.
#[component]
pub fn ArchiveRoute() -> impl IntoView {
    let query = use_query_map();
    let day = Memo::new(move |_| query.read().get("day"));
    let archive = crate::json::resource(move || day.get(), get_archive);
    view! {
        <Title text=format!("{} · Panorama", t("archive-title"))/>
        <Meta name="description" content=t("archive-description")/>
        <section class="archive">
            <h1>{t("archive-title")}</h1>
            <p class="lede">{t("archive-lede")}</p>
            <Transition fallback=|| view! { <p class="loading" role="status">{t("archive-loading")}</p> }>
                {move || Suspend::new(async move {
                    match archive.await {
                        Ok(page) => Either::Left(view! { <ArchiveView page/> }),
                        Err(err) => Either::Right(view! {
                            <p class="error" role="alert">{t_with("archive-error", vec![("error", err.to_string().into())])}</p>
                        }),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ArchiveView(page: ArchivePage) -> impl IntoView {
    if page.days.is_empty() {
        return Either::Left(view! { <p class="empty">{t("archive-empty")}</p> });
    }
    let shown = page.day;
    let days = page
        .days
        .into_iter()
        .map(|d| {
            let current = (Some(d.day) == shown).then_some("page");
            view! {
                <li>
                    <a href=format!("/archive?day={}", d.day) aria-current=current>
                        <time datetime=d.day.to_string()><Day day=d.day/></time>
                        <span class="count">{format!(" ({})", d.count)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let heading = shown.map(|day| view! { <Day day/> });
    let stories = page
        .articles
        .into_iter()
        .map(|a| {
            let lang = a.language.code();
            view! {
                <li class="archive-story">
                    <a href=format!("/article/{}", a.id) lang=lang dir="auto">{a.title.clone()}</a>
                    <span class="archive-meta">
                        <span dir="auto">{a.source_name.clone()}</span> " · " {country(a.country)} " · "
                        <time datetime=a.published.to_rfc3339()>{crate::model::utc_time(a.published)}</time>
                    </span>
                </li>
            }
        })
        .collect_view();
    Either::Right(view! {
        <div class="archive-layout">
            <nav class="archive-days" aria-label=t("archive-days")>
                <ul>{days}</ul>
            </nav>
            <section class="archive-day" aria-labelledby="archive-day-heading">
                <h2 id="archive-day-heading">{heading}</h2>
                <ol class="archive-stories">{stories}</ol>
            </section>
        </div>
    })
}
