//! A country's own feeds, in its card: the ones the reader added (each removable), and a field
//! to add another by its address or its site's. The server reads it (`/api/feed`, under its
//! address rules) and answers what it is; the reader sees its title and newest headlines,
//! confirms its language, and adds it to the draft (Save keeps it, as every choice here).

use super::Form;
use crate::api::AppError;
use crate::i18n::{country as country_name, t, t_with};
use crate::model::{Country, FeedPreview, Language};
use crate::prefs::OwnFeed;
use leptos::prelude::*;

/// Where the add-feed field is. (`Found` and `Failed` are reached in the browser only.)
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Finding {
    Idle,
    Reading,
    Found(FeedPreview),
    /// A message key, and the server's words for "details".
    Failed(&'static str, Option<String>),
    Added,
}

/// What a reader is told of a failed read, by what the server answered.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn failure(err: &AppError) -> (&'static str, Option<String>) {
    match err {
        AppError::Refused(why) => ("own-feed-refused", Some(why.clone())),
        AppError::Unreadable(why) => ("own-feed-unreadable", Some(why.clone())),
        AppError::TooMany(_) => ("own-feed-too-many", None),
        AppError::BadRequest(why) => ("own-feed-bad-address", Some(why.clone())),
        other => ("own-feed-unreadable", Some(other.to_string())),
    }
}

#[component]
pub(super) fn OwnFeedsSection(form: Form, country: Country) -> impl IntoView {
    let address = RwSignal::new(String::new());
    let finding = RwSignal::new(Finding::Idle);
    let language = RwSignal::new(Language::En);
    let feeds = move || {
        form.read(|d| d.edition(country).map(|e| e.own_feeds.clone()))
            .flatten()
            .unwrap_or_default()
    };
    let find = move |wanted: String| {
        if wanted.trim().is_empty() {
            return;
        }
        finding.set(Finding::Reading);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            finding.set(match crate::api::get_feed(wanted).await {
                Ok(preview) => {
                    language.set(preview.language.unwrap_or(Language::En));
                    Finding::Found(preview)
                }
                Err(err) => {
                    let (key, detail) = failure(&err);
                    Finding::Failed(key, detail)
                }
            });
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (wanted, language);
    };
    let add = move |preview: FeedPreview| {
        let mut added = true;
        let known = form
            .catalog
            .with_value(|c| c.sources.iter().find(|s| s.id == preview.id).cloned());
        form.change(|d, catalog| {
            if let Some(source) = known.filter(|_| preview.catalog) {
                // A catalog outlet: one of this country's sources, in its language.
                if !d.languages(country).contains(&source.language) {
                    d.set_other_language(country, source.language, true, catalog);
                }
                d.set_other_source(country, &source.id, true);
            } else {
                added = d.add_own_feed(
                    country,
                    OwnFeed {
                        id: preview.id.clone(),
                        url: preview.url.clone(),
                        title: preview.title.clone(),
                        language: language.get_untracked(),
                    },
                );
            }
            Vec::new()
        });
        finding.set(if added {
            address.set(String::new());
            Finding::Added
        } else {
            Finding::Failed("own-feed-full", None)
        });
    };
    let id = format!("add-feed-{}", country.code());
    let list = move || {
        let feeds = feeds();
        if feeds.is_empty() {
            return view! { <p class="none">{t("own-feeds-none")}</p> }.into_any();
        }
        let items = feeds
            .into_iter()
            .map(|feed| {
                let remove = feed.id.clone();
                view! {
                    <li data-own=feed.id.clone()>
                        <span class="own-title" dir="auto">{feed.title.clone()}</span>
                        " "
                        <span class="tag" lang=feed.language.code()>{feed.language.native_name()}</span>
                        " "
                        <button type="button" class="secondary" on:click=move |_| {
                            let remove = remove.clone();
                            form.change(move |d, _| {
                                d.remove_own_feed(&remove);
                                Vec::new()
                            })
                        }>{t("own-feed-remove")}</button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="own-feeds">{items}</ul> }.into_any()
    };
    let result = move || match finding.get() {
        Finding::Idle => None,
        Finding::Reading => {
            Some(view! { <p class="none" role="status">{t("own-feed-finding")}</p> }.into_any())
        }
        Finding::Added => {
            Some(view! { <p class="status" role="status">{t("own-feed-added")}</p> }.into_any())
        }
        Finding::Failed(key, detail) => Some(
            view! {
                <crate::components::details::RefusalNote message=t(key) detail/>
            }
            .into_any(),
        ),
        Finding::Found(preview) if preview.catalog => {
            let home = form.catalog.with_value(|c| {
                c.sources
                    .iter()
                    .find(|s| s.id == preview.id)
                    .map(|s| s.country)
            });
            if let Some(home) = home.filter(|home| *home != country) {
                let text = t_with(
                    "own-feed-in-catalog-elsewhere",
                    vec![
                        ("source", preview.title.clone().into()),
                        ("country", country_name(home).into()),
                    ],
                );
                return Some(view! { <p class="none" role="status">{text}</p> }.into_any());
            }
            let text = t_with(
                "own-feed-in-catalog",
                vec![("source", preview.title.clone().into())],
            );
            Some(view! {
                <div class="feed-preview" role="status">
                    <p>{text}</p>
                    <button type="button" class="primary" on:click=move |_| add(preview.clone())>
                        {t_with("own-feed-add", vec![("country", country_name(country).into())])}
                    </button>
                </div>
            }.into_any())
        }
        Finding::Found(preview) => {
            let stories = preview
                .stories
                .iter()
                .map(|s| view! { <li dir="auto">{s.title.clone()}</li> })
                .collect_view();
            let options = Language::ALL
                .into_iter()
                .map(|l| view! { <option value=l.code() selected=move || language.get() == l>{l.native_name()}</option> })
                .collect_view();
            let alternatives = (!preview.alternatives.is_empty()).then(|| {
                let links = preview
                    .alternatives
                    .iter()
                    .map(|url| {
                        let wanted = url.clone();
                        view! {
                            <li><button type="button" class="link" on:click=move |_| {
                                address.set(wanted.clone());
                                find(wanted.clone());
                            }>{url.clone()}</button></li>
                        }
                    })
                    .collect_view();
                view! { <p class="none">{t("own-feed-also")}</p><ul class="own-alternatives">{links}</ul> }
            });
            let language_id = format!("own-language-{}", country.code());
            Some(view! {
                <div class="feed-preview" role="status">
                    <p class="own-title" dir="auto"><strong>{preview.title.clone()}</strong></p>
                    <ul class="own-stories">{stories}</ul>
                    <label for=language_id.clone()>{t("own-feed-language")}</label>
                    <select id=language_id on:change=move |ev| {
                        if let Some(l) = Language::from_code(&event_target_value(&ev)) {
                            language.set(l);
                        }
                    }>{options}</select>
                    {alternatives}
                    <p>
                        <button type="button" class="primary" on:click=move |_| add(preview.clone())>
                            {t_with("own-feed-add", vec![("country", country_name(country).into())])}
                        </button>
                    </p>
                </div>
            }.into_any())
        }
    };
    view! {
        <section class="settings-section own-section" data-country=country.code() aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{t("own-feeds-heading")}</h2>
            {list}
            <label for=id.clone()>{t("own-feed-address")}</label>
            <div class="add-feed">
                <input
                    id=id.clone()
                    type="url"
                    inputmode="url"
                    dir="ltr"
                    placeholder="https://"
                    prop:value=move || address.get()
                    on:input=move |ev| address.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        // Enter looks the feed up; it does not submit the whole form.
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            find(address.get_untracked());
                        }
                    }
                />
                <button type="button" class="secondary" on:click=move |_| find(address.get_untracked())>
                    {t("own-feed-find")}
                </button>
            </div>
            {result}
        </section>
    }
}
