use crate::api::get_archive;
use crate::components::place_filters::PlaceFilters;
use crate::components::when::Day;
use crate::i18n::{country, t, t_with};
use crate::model::ArchivePage;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// The archive's address, as given: `?day=YYYY-MM-DD` opens a day (the newest by default),
/// `country`, `language` and `source` narrow it, `cursor` goes on within a day.
#[derive(Clone, Debug, Default, PartialEq)]
struct Asked {
    day: Option<String>,
    country: Option<String>,
    language: Option<String>,
    source: Option<String>,
    cursor: Option<String>,
}

impl Asked {
    /// The address of `day` (this view's day when `None`) with this view's filters.
    fn href(&self, day: Option<&str>, cursor: Option<&str>) -> String {
        let mut parts = Vec::new();
        for (name, value) in [
            ("day", day.or(self.day.as_deref())),
            ("country", self.country.as_deref()),
            ("language", self.language.as_deref()),
            ("source", self.source.as_deref()),
            ("cursor", cursor),
        ] {
            if let Some(v) = value {
                parts.push(format!(
                    "{name}={}",
                    form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()
                ));
            }
        }
        if parts.is_empty() {
            "/archive".into()
        } else {
            format!("/archive?{}", parts.join("&"))
        }
    }
}

/// `/archive`: the stories Panorama has kept, by day, newest first, narrowed by country,
/// language or source; every view has its own address.
#[component]
pub fn ArchiveRoute() -> impl IntoView {
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        let q = query.read();
        let given = |name: &str| q.get(name).filter(|v| !v.trim().is_empty());
        Asked {
            day: given("day"),
            country: given("country"),
            language: given("language"),
            source: given("source"),
            cursor: given("cursor"),
        }
    });
    let archive = crate::json::resource(
        move || asked.get(),
        |a: Asked| get_archive(a.day, a.country, a.language, a.source, a.cursor, None),
    );
    view! {
        <Title text=format!("{} · Panorama", t("archive-title"))/>
        <Meta name="description" content=t("archive-description")/>
        <section class="archive">
            <h1>{t("archive-title")}</h1>
            <p class="lede">{t("archive-lede")}</p>
            <Filters asked/>
            <Transition fallback=|| view! { <p class="loading" role="status">{t("archive-loading")}</p> }>
                {move || Suspend::new(async move {
                    match archive.await {
                        Ok(page) => Either::Left(view! { <ArchiveView page asked=asked.get_untracked()/> }),
                        Err(err) => Either::Right(view! {
                            <p class="error" role="alert">{t_with("archive-error", vec![("error", err.to_string().into())])}</p>
                        }),
                    }
                })}
            </Transition>
        </section>
    }
}

/// Country and language choices: a plain form, so narrowing works without JavaScript.
#[component]
fn Filters(asked: Memo<Asked>) -> impl IntoView {
    let country = Signal::derive(move || asked.read().country.clone().unwrap_or_default());
    let language = Signal::derive(move || asked.read().language.clone().unwrap_or_default());
    view! {
        <form class="archive-filters" action="/archive" method="get" aria-label=t("archive-filter")>
            {move || asked.read().day.clone().map(|day| view! { <input type="hidden" name="day" value=day/> })}
            {move || asked.read().source.clone().map(|source| view! { <input type="hidden" name="source" value=source/> })}
            <PlaceFilters country language/>
            <button type="submit" class="secondary">{t("archive-apply")}</button>
        </form>
    }
}

#[component]
fn ArchiveView(page: ArchivePage, asked: Asked) -> impl IntoView {
    if page.days.is_empty() {
        return Either::Left(view! { <p class="empty">{t("archive-empty")}</p> });
    }
    let shown = page.day;
    let days = page
        .days
        .into_iter()
        .map(|d| {
            let current = (Some(d.day) == shown).then_some("page");
            let day = d.day.to_string();
            view! {
                <li>
                    <a href=asked.href(Some(&day), None) aria-current=current>
                        <time datetime=day.clone()><Day day=d.day/></time>
                        <span class="count">{format!(" ({})", d.count)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let heading = shown.map(|day| view! { <Day day/> });
    let more = page.next_cursor.as_deref().map(|c| {
        let day = shown.map(|d| d.to_string());
        asked.href(day.as_deref(), Some(c))
    });
    let stories = page
        .articles
        .into_iter()
        .map(|a| {
            let lang = a.language.code();
            view! {
                <li class="archive-story">
                    <a href=format!("/article/{}", a.id) lang=lang dir="auto">{a.title.clone()}</a>
                    <span class="archive-meta">
                        <bdi>{a.source_name.clone()}</bdi> " · " <bdi>{country(a.country)}</bdi> " · "
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
                {more.map(|href| view! { <p class="more"><a href=href rel="next">{t("archive-more")}</a></p> })}
            </section>
        </div>
    })
}
