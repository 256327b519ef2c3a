use crate::api::{AppError, get_article};
use crate::components::details::TroubleDetails;
use crate::components::related::RelatedNews;
use crate::components::save_button::SaveButton;
use crate::components::share::Share;
use crate::dates::utc_line_in;
use crate::i18n::{country, t, t_with};
use crate::model::{ArticlePage, StoryOrigin};
use crate::reading::SavedStory;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_params_map;

/// `/article/<id>`: one story, read inside Panorama.
#[component]
pub fn ArticleRoute() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let page = crate::json::resource(move || id.get(), get_article);

    // The outlet's page may still be on its way when the server answered: ask again a little
    // later, a bounded number of times (the fetch itself gives up at its time limit).
    crate::fill_in::refetch_while(
        page,
        |p| matches!(p, Ok(p) if p.story.origin == StoryOrigin::Pending),
    );

    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">{t("article-loading")}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => EitherOf3::A(view! { <ArticleView page/> }),
                    Err(AppError::NotFound) => EitherOf3::B(view! { <Gone/> }),
                    Err(err) => EitherOf3::C(view! {
                        <Title text="Panorama"/>
                        <p class="error" role="alert">{t_with("article-error", vec![("error", err.to_string().into())])}</p>
                        <p><a href="/">{t("back-to-news")}</a></p>
                    }),
                }
            })}
        </Transition>
    }
}

#[component]
fn ArticleView(page: ArticlePage) -> impl IntoView {
    let ArticlePage {
        generated_at,
        article,
        source_homepage,
        story,
        url,
        related,
    } = page;
    let lang = article.language.code();
    let description = article.summary.chars().take(200).collect::<String>();
    let (note, note_detail) = match &story.origin {
        StoryOrigin::Page => (None, None),
        StoryOrigin::Pending => (Some(t("article-pending")), None),
        // The sentence for the reader; the server's words behind "Details".
        StoryOrigin::FeedSummary { reason } => (
            Some(t_with(
                "article-fallback",
                vec![("source", (&article.source_name).into())],
            )),
            Some(reason.clone()).filter(|r| !r.is_empty()),
        ),
    };
    let reading = t_with(
        "reading-time",
        vec![(
            "n",
            i64::from(crate::dates::reading_minutes(&story.html)).into(),
        )],
    );
    let read_on = t_with(
        "article-read-full",
        vec![("source", (&article.source_name).into())],
    );
    let saved = SavedStory::from(&article);
    // Few call sites: each `<Meta>` written out is its own code in the wasm; fixed sets are
    // arrays, which need none of a list's code for growing and shrinking.
    let names = [
        ("description", description.clone()),
        ("twitter:card", "summary_large_image".to_string()),
    ]
    .map(|(name, content)| view! { <Meta name content/> });
    let properties = [
        ("og:type", "article".to_string()),
        ("og:site_name", "Panorama".to_string()),
        ("og:title", article.title.clone()),
        ("og:description", description),
        ("og:url", url.clone()),
        ("article:published_time", article.published.to_rfc3339()),
    ]
    .map(|(property, content)| view! { <Meta property content/> });
    let og_image = article
        .image
        .clone()
        .map(|content| view! { <Meta property="og:image" content/> });

    #[cfg(feature = "hydrate")]
    {
        crate::reading::mark_read(&article.id);
        // Every story the reader opened reads offline too, however it was reached.
        crate::components::app_status::keep_offline(&format!("/article/{}", article.id));
    }

    view! {
        <Title text=format!("{} · {} · Panorama", article.title, article.source_name)/>
        {names}
        {properties}
        {og_image}
        <Link rel="canonical" href=url.clone()/>
        <article class="article" data-article=article.id.clone()>
            <BackLink/>
            <header class="article-header">
                <h1 lang=lang dir="auto">{article.title.clone()}</h1>
                <p class="article-source">
                    <a href=source_homepage target="_blank" rel="noopener noreferrer">{article.source_name.clone()}</a>
                    " · "
                    <span class="article-country">{country(article.country)}</span>
                </p>
                // The specification's UTC line, once, in the interface language; the reader's
                // own time and the reading time quieter below.
                <p class="article-time">
                    <time datetime=article.published.to_rfc3339()>
                        {utc_line_in(crate::i18n::language(), article.published)}
                    </time>
                </p>
                <p class="article-quiet">
                    <span class="reading-time">{reading}</span>
                    <LocalTime at=article.published/>
                </p>
            </header>
            {article.image.clone().filter(|_| story.origin != StoryOrigin::Page).map(|src| view! {
                <img class="article-image" src=src alt="" width="1200" height="675" decoding="async"/>
            })}
            {note
                .map(|note| {
                    view! {
                        <div class="story-note" role="note">
                            <p>{note}</p>
                            {note_detail.map(|detail| view! { <TroubleDetails detail/> })}
                        </div>
                    }
                })}
            <div class="story" lang=lang dir="auto" inner_html=story.html></div>
            <p class="read-full">
                <a class="primary" href=article.link.clone() target="_blank" rel="noopener noreferrer">{read_on}</a>
            </p>
            <SaveButton story=saved/>
            <Share url title=article.title.clone()/>
        </article>
        <RelatedNews story=related language=article.language now=generated_at/>
    }
}

/// The time in the reader's own zone, written by the browser (the server cannot know it).
#[component]
fn LocalTime(at: chrono::DateTime<chrono::Utc>) -> impl IntoView {
    let local = RwSignal::new(None::<String>);
    let language = crate::i18n::language();
    // Written by the browser's Intl, in the interface language, in the reader's time zone.
    #[cfg(feature = "hydrate")]
    crate::components::when::browser::later(move || {
        use crate::components::when::browser::{DateStyle, date, format};
        local.try_set(format(language, DateStyle::LocalTime, &date(at)));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = at;
    move || {
        local.get().map(|time| {
            let text =
                crate::i18n::message_with(language, "time-local", vec![("time", time.into())]);
            view! { <span class="local-time">{text}</span> }
        })
    }
}

/// Back to where the reader came from: the page before, when it was one of Panorama's (the
/// timeline scrolled where it was), else the timeline.
#[component]
pub(crate) fn BackLink() -> impl IntoView {
    let back = move |_ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        {
            let same_site = document()
                .referrer()
                .starts_with(&window().location().origin().unwrap_or_default());
            let history = window().history();
            if same_site
                && let Ok(history) = history
                && history.length().unwrap_or(0) > 1
            {
                _ev.prevent_default();
                let _ = history.back();
            }
        }
    };
    view! {
        <p class="back-link">
            <a href="/" on:click=back>{t("article-back")}</a>
        </p>
    }
}

/// An id Panorama has not seen, or no longer keeps: a real 404 that offers the timeline.
#[component]
pub(crate) fn Gone() -> impl IntoView {
    view! {
        <Title text=format!("{} · Panorama", t("article-gone-title"))/>
        <section class="not-found">
            <h1>{t("article-gone-title")}</h1>
            <p>{t("article-gone-text")}</p>
            <p><a class="primary" href="/">{t("article-gone-link")}</a></p>
        </section>
    }
}
