use crate::api::get_timeline;
use crate::components::article_card::ArticleCard;
use crate::components::category_tabs::CategoryTabs;
use crate::components::source_states::{SourceStates, health};
use crate::edition::Edition;
use crate::i18n::{country, language_name, t, t_with};
use crate::model::{
    Category, Country, EditionSource, SourceState, SourceStatus, TimelineFilter, TimelinePage,
};
use chrono::{DateTime, Utc};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The merged timeline of the reader's edition, by category, optionally narrowed to one
/// country or one source of it.
#[component]
pub fn HomePage() -> impl IntoView {
    let query = use_query_map();
    let params = use_params_map();
    // The address's category and filter, read by the API's own rules. `/c/sports` and
    // `/?category=sports` are the same page.
    let filters = Memo::new(move |_| {
        let q = query.read();
        let category = params.read().get("category").or_else(|| q.get("category"));
        crate::api::read_filters(
            category.as_deref(),
            q.get("country").as_deref(),
            q.get("source").as_deref(),
        )
    });
    let category = Memo::new(move |_| filters.read().category);
    let filter = Memo::new(move |_| filters.read().filter.clone());
    let cursor = Memo::new(move |_| query.read().get("cursor"));
    // Kept across category tabs, so a reader narrowed to one country browses its categories.
    let filter_query = Signal::derive(move || filter_param(filter.get().as_ref()));

    let edition = expect_context::<Edition>();
    // `/c/<slug>` with a slug that is no category is no page (a query string is forgiving).
    let unknown_category = params
        .read_untracked()
        .get("category")
        .is_some_and(|slug| Category::from_slug(&slug).is_none());
    if unknown_category {
        return Either::Left(view! { <crate::pages::not_found::NotFound/> });
    }

    // The edition is part of the key: when the stored preferences differ from what the first
    // paint used, the timeline refetches.
    let timeline = crate::json::resource(
        move || {
            (
                category.get(),
                filter.get(),
                cursor.get(),
                edition.sources.get(),
            )
        },
        fetch_page,
    );

    // Newer stories do not push the list down under the reader: a notice says how many, and
    // shows them when asked. Checked every few minutes and when the reader comes back to the tab.
    let fresh = RwSignal::new(0usize);
    // How far the reader has pulled the page down from its top, in CSS pixels.
    let pull = RwSignal::new(0i32);
    #[cfg(feature = "hydrate")]
    {
        let check = move || {
            if cursor.get_untracked().is_some() {
                return;
            }
            let shown: Vec<String> = timeline.with_untracked(|p| match p {
                Some(Ok(p)) => p
                    .top
                    .iter()
                    .chain(&p.articles)
                    .map(|a| a.id.clone())
                    .collect(),
                _ => Vec::new(),
            });
            let key = (
                category.get_untracked(),
                filter.get_untracked(),
                None,
                edition.sources.get_untracked(),
            );
            leptos::task::spawn_local(async move {
                if let Ok(page) = fetch_page(key).await {
                    let new = page
                        .top
                        .iter()
                        .chain(&page.articles)
                        .filter(|a| !shown.contains(&a.id))
                        .count();
                    fresh.set(new);
                }
            });
        };
        if let Ok(every) = set_interval_with_handle(check, CHECK_EVERY) {
            on_cleanup(move || every.clear());
        }
        let back = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                check();
            }
        });
        on_cleanup(move || back.remove());

        // Pull to refresh on touch screens: pulling down from the top of the page, past a
        // threshold, fetches the timeline again.
        let start = StoredValue::new(None::<i32>);
        let touch_y = |ev: &web_sys::TouchEvent| ev.touches().get(0).map(|t| t.client_y());
        let down = window_event_listener(leptos::ev::touchstart, move |ev| {
            let top = window().scroll_y().unwrap_or(0.0) <= 0.0;
            start.set_value(if top { touch_y(&ev) } else { None });
        });
        let moving = window_event_listener(leptos::ev::touchmove, move |ev| {
            if let (Some(from), Some(y)) = (start.get_value(), touch_y(&ev)) {
                pull.set((y - from).clamp(0, PULL_MAX));
            }
        });
        let up = window_event_listener(leptos::ev::touchend, move |_| {
            if pull.get_untracked() >= PULL_THRESHOLD {
                fresh.set(0);
                timeline.refetch();
            }
            start.set_value(None);
            pull.set(0);
        });
        on_cleanup(move || {
            down.remove();
            moving.remove();
            up.remove();
        });
    }
    let language = crate::i18n::language();
    let show_fresh = move |_| {
        fresh.set(0);
        timeline.refetch();
        #[cfg(feature = "hydrate")]
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };

    // Sources still loading when the server answered fill in without a reload: the page asks
    // again a little later, a bounded number of times (a hung feed gives up at the fetch limit).
    crate::fill_in::refetch_while(
        timeline,
        |page| matches!(page, Ok(page) if page.sources.iter().any(|s| s.status == SourceStatus::Loading)),
    );

    Either::Right(view! {
        <Meta name="description" content=t("site-description")/>
        // The page's name for assistive technology; the tabs show it to everyone else.
        <h1 class="visually-hidden">{move || crate::i18n::category(category.get())}</h1>
        <CategoryTabs active=category extra=filter_query/>
        {move || (pull.get() > 0).then(|| {
            let key = if pull.get() >= PULL_THRESHOLD { "pull-release" } else { "pull-more" };
            view! {
                <p class="pull" role="status" style:height=format!("{}px", pull.get() / 2 + 24)>
                    {crate::i18n::message(language, key)}
                </p>
            }
        })}
        {move || (fresh.get() > 0).then(|| {
            let text = crate::i18n::message_with(language, "new-stories", vec![("n", fresh.get().into())]);
            view! { <p class="new-stories"><button type="button" class="primary" on:click=show_fresh>{text}</button></p> }
        })}
        <Transition fallback=|| view! { <p class="loading" role="status">{t("timeline-loading")}</p> }>
            {move || Suspend::new(async move {
                match timeline.await {
                    Ok(page) => {
                        let ignored = ignored_filters(&filters.read_untracked(), &page);
                        Either::Left(view! { <Timeline page ignored/> })
                    }
                    Err(err) => Either::Right(view! {
                        <p class="error" role="alert">{t_with("timeline-error", vec![("error", err.to_string().into())])}</p>
                    }),
                }
            })}
        </Transition>
    })
}

const PULL_THRESHOLD: i32 = 70;
#[cfg(feature = "hydrate")]
const PULL_MAX: i32 = 120;
#[cfg(feature = "hydrate")]
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(120);

type PageKey = (
    Option<Category>,
    Option<TimelineFilter>,
    Option<String>,
    Vec<String>,
);

fn fetch_page(
    (category, filter, cursor, sources): PageKey,
) -> impl std::future::Future<Output = Result<TimelinePage, crate::api::AppError>> {
    let sources = (!sources.is_empty()).then(|| sources.join(","));
    let (country, source) = match filter {
        Some(TimelineFilter::Country(c)) => (Some(c.code().to_string()), None),
        Some(TimelineFilter::Source(id)) => (None, Some(id)),
        None => (None, None),
    };
    get_timeline(
        category.map(|c| c.slug().to_string()),
        sources,
        country,
        source,
        cursor,
        None,
    )
}

/// The query-string part (`&country=DE`, `&source=dw-de`, or nothing) that keeps a filter.
fn filter_param(filter: Option<&TimelineFilter>) -> String {
    match filter {
        Some(TimelineFilter::Country(c)) => format!("&country={}", c.code()),
        Some(TimelineFilter::Source(id)) => format!("&source={id}"),
        None => String::new(),
    }
}

/// The filters of the address that the page does not apply: those not understood, and a
/// country or source that is not in the edition (the server then shows the whole timeline).
/// The reader is told, rather than shown an unfiltered page as if it were what they asked for.
fn ignored_filters(read: &crate::api::TimelineFilters, page: &TimelinePage) -> Vec<String> {
    let mut ignored: Vec<(&str, String)> = read
        .not_understood
        .iter()
        .map(|(name, value, _)| (*name, value.clone()))
        .collect();
    match &read.filter {
        Some(asked) if page.filter.as_ref() != Some(asked) => ignored.push(match asked {
            TimelineFilter::Country(c) => ("country", c.code().to_string()),
            TimelineFilter::Source(id) => ("source", id.clone()),
        }),
        _ => {}
    }
    ignored
        .into_iter()
        .map(|(name, value)| {
            let value: String = value.chars().take(40).collect();
            format!("{name}={value}")
        })
        .collect()
}

#[component]
fn Timeline(page: TimelinePage, ignored: Vec<String>) -> impl IntoView {
    let ignored = (!ignored.is_empty()).then(|| {
        view! {
            <p class="notice filter-ignored" role="status">
                {t("filter-ignored")} " " <bdi><code>{ignored.join(" ")}</code></bdi> " "
                <a href="/">{t("filter-show-all")}</a>
            </p>
        }
    });
    let now = page.generated_at;
    let category = page.category.map(|c| c.slug()).unwrap_or("all");
    let kept_filter = filter_param(page.filter.as_ref());
    let next = page
        .next_cursor
        .map(|cursor| format!("/?category={category}{kept_filter}&cursor={cursor}"));
    let empty = page.articles.is_empty() && page.top.is_empty();
    let primary = page.edition.first().map(|s| s.language);
    let top = (!page.top.is_empty()).then(|| {
        let lead = page
            .edition
            .first()
            .map(|s| s.name.clone())
            .unwrap_or_default();
        // One lead story, then the source's other top stories as compact headlines: a band
        // apart from the timeline, whatever the count.
        let mut rest = page.top.clone();
        let lead_story = (!rest.is_empty()).then(|| rest.remove(0));
        view! {
            <section class="top-stories" aria-labelledby="top-heading">
                <h2 id="top-heading">{t_with("timeline-top", vec![("source", lead.into())])}</h2>
                <div class="top-band">
                    {lead_story.map(|article| view! { <div class="top-lead"><ArticleCard article now primary=primary/></div> })}
                    {(!rest.is_empty()).then(|| view! {
                        <div class="top-rest">
                            <For each=move || rest.clone() key=|a| a.id.clone() let:article>
                                <ArticleCard article now primary=primary/>
                            </For>
                        </div>
                    })}
                </div>
            </section>
        }
    });
    let articles = page.articles;
    // Empty because none of the reader's sources has a feed for the category: say so, and
    // offer the outlets of their countries that have one.
    let no_feed = empty
        && page.category.is_some()
        && !page.sources.is_empty()
        && page
            .sources
            .iter()
            .all(|s| matches!(s.status, crate::model::SourceStatus::NoFeed));
    let empty_view = empty.then(|| {
        if !no_feed {
            return view! { <p class="empty">{t("timeline-empty")}</p> }.into_any();
        }
        let why = t_with(
            "timeline-empty-no-feed",
            vec![("category", crate::i18n::category(page.category).into())],
        );
        let offer = if page.with_category.is_empty() {
            view! { <p>{t("timeline-empty-none-offer")}</p> }.into_any()
        } else {
            let names = page
                .with_category
                .iter()
                .map(|s| view! { <li><bdi>{s.name.clone()}</bdi> " · " {crate::i18n::country(s.country)}</li> })
                .collect_view();
            view! {
                <p>{t("timeline-empty-offer")}</p>
                <ul class="offered-sources">{names}</ul>
                <p><a class="primary" href="/settings">{t("timeline-empty-settings")}</a></p>
            }
            .into_any()
        };
        view! { <div class="empty no-feed"><p>{why}</p>{offer}</div> }.into_any()
    });
    view! {
        // On a phone the edition banner moves below the top stories (style/main.css): the
        // first screen holds headlines.
        <div class="home">
        {ignored}
        <EditionBanner edition=page.edition.clone()/>
        <FilterRow edition=page.edition.clone() filter=page.filter.clone() states=page.sources.clone() now category/>
        <div class="home-bar">
            <SourceStates sources=page.sources.clone() now/>
            <ViewToggle/>
        </div>
        {top}
        <section class="timeline" aria-label=t("timeline-stories")>
            {empty_view}
            <For each=move || articles.clone() key=|a| a.id.clone() let:article>
                <ArticleCard article now primary=primary/>
            </For>
        </section>
        {next.map(|href| view! { <nav class="pager"><a href=href rel="next">{t("timeline-older")}</a></nav> })}
        </div>
    }
}

/// "Cards" or "Compact": how the timeline lists its stories, remembered in a cookie so the
/// server renders the reader's choice.
#[component]
fn ViewToggle() -> impl IntoView {
    let display = expect_context::<crate::display::Display>();
    let choose = move |compact: bool| {
        move |_| {
            #[cfg(feature = "hydrate")]
            crate::display::set_compact(display, compact);
            #[cfg(not(feature = "hydrate"))]
            let _ = compact;
        }
    };
    view! {
        <div class="view-toggle" role="group" aria-label=t("view-label")>
            <button type="button" aria-pressed=move || (!display.compact.get()).to_string() on:click=choose(false)>
                {t("view-cards")}
            </button>
            <button type="button" aria-pressed=move || display.compact.get().to_string() on:click=choose(true)>
                {t("view-compact")}
            </button>
        </div>
    }
}

/// "All", then each country (when there are several), then each source: links, so they work
/// without JavaScript and can be bookmarked.
#[component]
fn FilterRow(
    edition: Vec<EditionSource>,
    filter: Option<TimelineFilter>,
    /// Each source's health where this page fetched it, shown as a badge on its link.
    states: Vec<SourceState>,
    now: DateTime<Utc>,
    category: &'static str,
) -> impl IntoView {
    if edition.len() < 2 {
        return None;
    }
    let mut countries: Vec<Country> = Vec::new();
    for s in &edition {
        if !countries.contains(&s.country) {
            countries.push(s.country);
        }
    }
    let link = move |label: String,
                     target: Option<TimelineFilter>,
                     current: bool,
                     badge: Option<(&'static str, String)>| {
        let href = format!("/?category={category}{}", filter_param(target.as_ref()));
        let (kind, value) = match &target {
            None => ("all", String::new()),
            Some(TimelineFilter::Country(c)) => ("country", c.code().to_string()),
            Some(TimelineFilter::Source(id)) => ("source", id.clone()),
        };
        view! {
            <li>
                <a href=href aria-current=current.then_some("page") data-filter=kind data-value=value>
                    {badge.map(|(class, text)| view! {
                        <span class=format!("badge {class}") role="img" aria-label=text.clone() title=text></span>
                    })}
                    <span dir="auto">{label}</span>
                </a>
            </li>
        }
    };
    let country_links = (countries.len() > 1).then(|| {
        countries
            .iter()
            .map(|c| {
                let target = TimelineFilter::Country(*c);
                let current = filter.as_ref() == Some(&target);
                link(country(*c), Some(target), current, None)
            })
            .collect_view()
    });
    let source_links = edition
        .iter()
        .map(|s| {
            let target = TimelineFilter::Source(s.id.clone());
            let current = filter.as_ref() == Some(&target);
            let badge = states
                .iter()
                .find(|st| st.source_id == s.id)
                .map(|st| health(&st.status, now));
            link(s.name.clone(), Some(target), current, badge)
        })
        .collect_view();
    Some(view! {
        <nav class="filter-row" aria-label=t("timeline-narrow")>
            <ul>
                {link(t("timeline-all-sources"), None, filter.is_none(), None)}
                {country_links}
                {source_links}
            </ul>
        </nav>
    })
}

/// Shown while the edition is the one proposed from the browser's languages: says what it is
/// and lets the reader keep it or choose another.
#[component]
fn EditionBanner(edition: Vec<EditionSource>) -> impl IntoView {
    let state = expect_context::<Edition>();
    let error = RwSignal::new(String::new());
    let summary = edition.first().map(|lead| {
        let mut languages: Vec<String> = Vec::new();
        for s in edition.iter().filter(|s| s.country == lead.country) {
            let name = language_name(s.language);
            if !languages.contains(&name) {
                languages.push(name);
            }
        }
        let names: Vec<&str> = edition.iter().map(|s| s.name.as_str()).collect();
        format!(
            "{} · {} · {}",
            country(lead.country),
            languages.join(", "),
            names.join(", ")
        )
    });
    let (title, picked, keep_text, choose) = (
        t("edition-title"),
        t("edition-picked"),
        t("edition-keep"),
        t("edition-choose"),
    );
    let language = crate::i18n::language();
    let not_kept = move |e: &str| {
        crate::i18n::message_with(language, "edition-not-kept", vec![("error", e.into())])
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = &not_kept;
    let keep = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(proposal) = state.proposal.get_untracked()
            && let Err(e) = crate::edition::save(&proposal, state)
        {
            error.set(not_kept(&e));
        }
    };
    move || {
        let summary = summary.clone();
        state.proposed.get().then(|| {
            view! {
                <aside class="edition-banner" aria-labelledby="edition-banner-title">
                    <p>
                        <strong id="edition-banner-title">{title.clone()}</strong>
                        {picked.clone()} " "
                        <span class="edition-summary" dir="auto">{summary}</span>
                    </p>
                    <div class="edition-actions">
                        <button
                            type="button"
                            class="primary"
                            id="keep-edition"
                            disabled=move || state.proposal.with(Option::is_none)
                            on:click=keep
                        >
                            {keep_text.clone()}
                        </button>
                        <a href="/settings">{choose.clone()}</a>
                    </div>
                    {move || {
                        let e = error.get();
                        (!e.is_empty()).then(|| view! { <p class="error" role="alert">{e}</p> })
                    }}
                </aside>
            }
        })
    }
}
