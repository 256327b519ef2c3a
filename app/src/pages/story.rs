//! `/story/<id>`: one event as the world tells it. Every outlet's headline on the story of
//! article `<id>`, grouped by country and then language, side by side; when each country picked
//! it up; which of the reader's countries covered it and which not yet; and what links the
//! articles. It shows the grouping as More Related News has it, no more and no less.

use crate::api::{AppError, get_story};
use crate::components::related::LinkedBy;
use crate::components::when::When;
use crate::edition::Edition;
use crate::i18n::{country, t, t_with};
use crate::model::{Country, Language, RelatedArticle, StoryPage};
use chrono::{DateTime, Utc};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn StoryRoute() -> impl IntoView {
    let params = use_params_map();
    let edition = use_context::<Edition>();
    // The edition decides which countries "Not yet in" names.
    let key = Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        let sources = edition.map(|e| e.sources.get()).unwrap_or_default();
        (id, sources)
    });
    let page = crate::json::resource(
        move || key.get(),
        |(id, sources): (String, Vec<String>)| {
            get_story(id, (!sources.is_empty()).then(|| sources.join(",")))
        },
    );
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">{t("story-loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => EitherOf3::A(view! { <StoryView page/> }),
                    Err(AppError::NotFound) => EitherOf3::B(view! { <crate::pages::article::Gone/> }),
                    Err(err) => EitherOf3::C(view! {
                        <Title text="Panorama"/>
                        <p class="error" role="alert">{t("story-error")}</p>
                        <crate::components::details::TroubleDetails detail=err.to_string()/>
                        <p><a href="/">{t("back-to-news")}</a></p>
                    }),
                }
            })}
        </Transition>
    }
}

/// The story's articles under one country: its languages, most articles first, each with
/// its articles in the order they were published.
struct CountryPart {
    country: Country,
    first: DateTime<Utc>,
    languages: Vec<(Language, Vec<RelatedArticle>)>,
}

/// Groups the articles by country (the first to publish first) and language.
fn by_country(articles: Vec<RelatedArticle>) -> Vec<CountryPart> {
    let mut parts: Vec<CountryPart> = Vec::new();
    for article in articles {
        let at = match parts.iter().position(|p| p.country == article.country) {
            Some(at) => at,
            None => {
                parts.push(CountryPart {
                    country: article.country,
                    first: article.published,
                    languages: Vec::new(),
                });
                parts.len() - 1
            }
        };
        let part = &mut parts[at];
        part.first = part.first.min(article.published);
        match part
            .languages
            .iter_mut()
            .find(|(l, _)| *l == article.language)
        {
            Some((_, list)) => list.push(article),
            None => part.languages.push((article.language, vec![article])),
        }
    }
    for part in &mut parts {
        for (_, list) in &mut part.languages {
            list.sort_by(|a, b| a.published.cmp(&b.published).then(a.id.cmp(&b.id)));
        }
        part.languages.sort_by(|a, b| {
            b.1.len()
                .cmp(&a.1.len())
                .then(a.1[0].published.cmp(&b.1[0].published))
        });
    }
    parts.sort_by(|a, b| {
        a.first
            .cmp(&b.first)
            .then(a.country.code().cmp(b.country.code()))
    });
    parts
}

/// What links the story's articles: the names, numbers and places they share with the one
/// asked about, the most shared first, a handful.
fn linked_by(articles: &[RelatedArticle]) -> Vec<String> {
    let mut counted: Vec<(String, usize)> = Vec::new();
    for shared in articles.iter().flat_map(|a| a.shared.iter()) {
        match counted.iter_mut().find(|(s, _)| s == shared) {
            Some((_, n)) => *n += 1,
            None => counted.push((shared.clone(), 1)),
        }
    }
    // Stable: equally shared anchors keep the order of the best-linked article.
    counted.sort_by_key(|c| std::cmp::Reverse(c.1));
    counted.into_iter().take(6).map(|(s, _)| s).collect()
}

fn names(countries: impl Iterator<Item = Country>) -> String {
    crate::i18n::list(countries.map(country))
}

#[component]
fn StoryView(page: StoryPage) -> impl IntoView {
    let StoryPage {
        generated_at: now,
        article,
        story,
        not_yet,
    } = page;
    let lang = article.language.code();
    let title = article.title.clone();
    let links = linked_by(&story.articles);
    let covered = names(story.coverage.iter().map(|c| c.country));
    let alone = story.articles.is_empty();
    let mut articles = story.articles;
    articles.push(article.clone());
    let outlets = {
        let mut ids: Vec<&str> = articles.iter().map(|a| a.source_id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let parts = by_country(articles);
    let reach = {
        let mut line = t_with("story-covered-in", vec![("countries", covered.into())]);
        if !not_yet.is_empty() {
            line.push_str(" · ");
            line.push_str(&t_with(
                "story-not-yet",
                vec![("countries", names(not_yet.iter().copied()).into())],
            ));
        }
        line
    };
    let counts = t_with(
        "story-counts",
        vec![
            ("outlets", outlets.into()),
            ("countries", parts.len().into()),
        ],
    );
    let links = (!links.is_empty()).then(|| {
        view! { <p class="story-links"><LinkedBy anchors=links/></p> }
    });
    let alone = alone.then(|| view! { <p class="story-alone">{t("story-alone")}</p> });
    let pickup = parts
        .iter()
        .enumerate()
        .map(|(n, part)| {
            let outlet = part
                .languages
                .iter()
                .flat_map(|(_, list)| list.iter())
                .min_by_key(|a| a.published)
                .map(|a| a.source_name.clone())
                .unwrap_or_default();
            let mark = (n == 0).then(|| view! { <span class="tag">{t("story-first")}</span> });
            view! {
                <li data-country=part.country.code()>
                    <time datetime=part.first.to_rfc3339() title=crate::model::utc_line(part.first)>
                        <When then=part.first now/>
                    </time>
                    " "
                    <strong>{country(part.country)}</strong>
                    " · "
                    <bdi>{outlet}</bdi>
                    " "
                    {mark}
                </li>
            }
        })
        .collect_view();
    let columns = parts
        .into_iter()
        .map(|part| view! { <CountryColumn part now/> })
        .collect_view();
    view! {
        <Title text=format!("{} · {} · Panorama", title, t("story-kicker"))/>
        <Meta name="description" content=reach.clone()/>
        <article class="story-page" data-story=article.id.clone()>
            <crate::pages::article::BackLink/>
            <header class="story-header">
                <p class="kicker">{t("story-kicker")}</p>
                <h1 lang=lang dir="auto">{title.clone()}</h1>
                <p class="story-counts">{counts}</p>
                <p class="story-reach" data-reach>{reach}</p>
                {links}
            </header>
            {alone}
            <section class="story-pickup" aria-labelledby="pickup-heading">
                <h2 id="pickup-heading">{t("story-pickup")}</h2>
                <ol>{pickup}</ol>
            </section>
            <section class="story-spread" aria-label=t("story-headlines")>{columns}</section>
        </article>
    }
}

#[component]
fn CountryColumn(part: CountryPart, now: DateTime<Utc>) -> impl IntoView {
    let languages = part
        .languages
        .into_iter()
        .map(|(language, list)| {
            let items = list
                .into_iter()
                .map(|a| {
                    let lang = a.language.code();
                    view! {
                        <li data-article=a.id.clone()>
                            <a href=format!("/article/{}", a.id) lang=lang dir="auto">{a.title.clone()}</a>
                            <p class="story-item-meta">
                                <bdi>{a.source_name.clone()}</bdi>
                                " · "
                                <time datetime=a.published.to_rfc3339() title=crate::model::utc_line(a.published)>
                                    <When then=a.published now/>
                                </time>
                            </p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3 class="story-language" lang=language.code()>{language.native_name()}</h3>
                <ul>{items}</ul>
            }
        })
        .collect_view();
    view! {
        <section class="story-country" data-country=part.country.code()>
            <h2>{country(part.country)}</h2>
            {languages}
        </section>
    }
}
