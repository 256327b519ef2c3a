use crate::api::get_search;
use crate::components::place_filters::PlaceFilters;
use crate::i18n::{country, t, t_with};
use crate::model::{Marked, SearchPage};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// The address's search, as given: what the form sends and what `/api/search` reads.
#[derive(Clone, Debug, Default, PartialEq)]
struct Asked {
    q: String,
    country: Option<String>,
    language: Option<String>,
    cursor: Option<String>,
}

impl Asked {
    /// This search's address, from `cursor` on.
    fn href(&self, cursor: Option<&str>) -> String {
        let mut href = format!("/search?q={}", query_value(&self.q));
        for (name, value) in [
            ("country", self.country.as_deref()),
            ("language", self.language.as_deref()),
            ("cursor", cursor),
        ] {
            if let Some(v) = value {
                href.push_str(&format!("&{name}={}", query_value(v)));
            }
        }
        href
    }
}

/// A value in a query string, encoded as forms encode it.
fn query_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// `/search?q=`: the stories Panorama has kept whose title or summary hold every word, newest
/// first, the matched words marked. Server-rendered: the form and the results work without
/// JavaScript.
#[component]
pub fn SearchRoute() -> impl IntoView {
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        let q = query.read();
        let given = |name: &str| q.get(name).filter(|v| !v.trim().is_empty());
        Asked {
            q: q.get("q").unwrap_or_default(),
            country: given("country"),
            language: given("language"),
            cursor: given("cursor"),
        }
    });
    // The reader's own feeds are searched too: their stories are not in the store.
    let edition = use_context::<crate::edition::Edition>();
    let own = Memo::new(move |_| edition.and_then(|e| crate::edition::own_ids(&e.sources.get())));
    let results = crate::json::resource(
        move || (asked.get(), own.get()),
        |(asked, own): (Asked, Option<String>)| async move {
            if asked.q.trim().is_empty() {
                return Ok(None);
            }
            get_search(
                Some(asked.q),
                asked.country,
                asked.language,
                None,
                None,
                None,
                None,
                asked.cursor,
                None,
                own,
            )
            .await
            .map(Some)
        },
    );
    let q = move || asked.read().q.clone();
    let input = NodeRef::<leptos::html::Input>::new();
    // Opened with the `/` key or the header's link: ready to type.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(field) = input.get()
            && asked.get_untracked().q.is_empty()
        {
            let _ = field.focus();
        }
    });
    let country = Signal::derive(move || asked.read().country.clone().unwrap_or_default());
    let language = Signal::derive(move || asked.read().language.clone().unwrap_or_default());
    view! {
        <Meta name="description" content=t("search-description")/>
        <section class="search-page">
            <h1>{t("search-title")}</h1>
            <form class="search-form" action="/search" method="get" role="search">
                <label for="search-q">{t("search-label")}</label>
                <div class="search-row">
                    <input id="search-q" type="search" name="q" dir="auto" maxlength="500" node_ref=input
                        prop:value=q value=q autocomplete="off"/>
                    <button type="submit">{t("search-submit")}</button>
                </div>
                <div class="search-filters">
                    <PlaceFilters country language/>
                </div>
                <p class="search-help">{t("search-help")}</p>
            </form>
            <Transition fallback=|| view! { <p class="loading" role="status">{t("search-loading")}</p> }>
                {move || Suspend::new(async move {
                    let result = results.await;
                    // Written with the results, from values read now: the head is written
                    // after this page's reactive values are gone.
                    let q = asked.get_untracked().q;
                    let title = if q.trim().is_empty() {
                        format!("{} · Panorama", t("search-title"))
                    } else {
                        format!("{q} · {} · Panorama", t("search-title"))
                    };
                    let title = view! { <Title text=title/> };
                    (title, match result {
                        Ok(None) => Either::Left(None),
                        Ok(Some(page)) => Either::Left(Some(view! {
                            <FollowButton q=asked.get_untracked().q newest=page.articles.first().map(|a| a.published)/>
                            <Results page asked=asked.get_untracked()/>
                        })),
                        Err(err) => Either::Right(view! {
                            <p class="error" role="alert">{t("search-error")}</p>
                            <details class="details"><summary>{t("details")}</summary><p dir="auto">{err.to_string()}</p></details>
                        }),
                    })
                })}
            </Transition>
        </section>
    }
}

/// Follow this search (a topic), or stop; a followed search's page marks its stories seen.
#[component]
fn FollowButton(q: String, newest: Option<chrono::DateTime<chrono::Utc>>) -> impl IntoView {
    let topics = use_context::<crate::topics::Topics>();
    // A search with no story yet: every story it finds later is new.
    let newest = newest.unwrap_or(chrono::DateTime::UNIX_EPOCH);
    let q = StoredValue::new(q);
    let following = move || topics.is_some_and(|t| t.follows(&q.get_value()));
    let problem = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    if let Some(topics) = topics {
        // Once the stored list is read: looking at a followed search is seeing its stories.
        Effect::new(move |_| {
            if topics.follows(&q.get_value()) {
                crate::topics::looked_at(topics, &q.get_value(), newest);
            }
        });
    }
    let toggle = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(topics) = topics {
            let follow = !topics.follows(&q.get_value());
            problem.set(!crate::topics::set_following(
                topics,
                &q.get_value(),
                follow,
                newest,
            ));
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = newest;
    view! {
        <p class="follow-row">
            <button type="button" class="secondary follow" aria-pressed=move || following().to_string() on:click=toggle>
                {move || if following() { t("topic-following") } else { t("topic-follow") }}
            </button>
            {move || problem.get().then(|| view! { <span class="field-error" role="alert">{t("topic-full")}</span> })}
        </p>
    }
}

/// Text with the searched words in `<mark>`: plain text only, never markup.
fn marked(pieces: Vec<Marked>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            if p.marked {
                Either::Left(view! { <mark>{p.text}</mark> })
            } else {
                Either::Right(p.text)
            }
        })
        .collect_view()
}

#[component]
fn Results(page: SearchPage, asked: Asked) -> impl IntoView {
    if page.articles.is_empty() {
        return Either::Left(view! {
            <p class="empty" role="status">{t_with("search-none", vec![("query", asked.q.clone().into())])}</p>
        });
    }
    let next = page.next_cursor.as_deref().map(|c| asked.href(Some(c)));
    let items = page
        .articles
        .into_iter()
        .zip(page.highlights)
        .map(|(a, h)| {
            let lang = a.language.code();
            view! {
                <li class="search-result">
                    <a class="search-title" href=format!("/article/{}", a.id) lang=lang dir="auto">{marked(h.title)}</a>
                    <span class="archive-meta">
                        <bdi>{a.source_name.clone()}</bdi> " · " <bdi>{country(a.country)}</bdi> " · "
                        <time datetime=a.published.to_rfc3339()>{crate::model::utc_time(a.published)}</time>
                    </span>
                    <p class="snippet" lang=lang dir="auto">{marked(h.snippet)}</p>
                </li>
            }
        })
        .collect_view();
    Either::Right(view! {
        <ol class="search-results" aria-label=t("search-results")>{items}</ol>
        {next.map(|href| view! { <p class="more"><a href=href rel="next">{t("search-more")}</a></p> })}
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_address_keeps_its_words_and_filters() {
        let asked = Asked {
            q: "政变 \"a&b\"".into(),
            country: Some("CN".into()),
            language: None,
            cursor: None,
        };
        assert_eq!(
            asked.href(Some("123")),
            "/search?q=%E6%94%BF%E5%8F%98+%22a%26b%22&country=CN&cursor=123"
        );
    }
}
