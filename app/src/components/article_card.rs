use crate::components::save_button::SaveButton;
use crate::components::when::When;
use crate::i18n::{country, t_with};
use crate::model::{Article, Language, utc_line};
use crate::reading::{Reading, SavedStory};
use chrono::{DateTime, Utc};
use leptos::either::Either;
use leptos::prelude::*;

/// One story in the timeline. Feed text carries its own `lang` and `dir="auto"` so a mixed
/// timeline renders each script the right way round. `primary` is the reader's primary
/// language: a story in another one says which.
#[component]
pub fn ArticleCard(
    article: Article,
    now: DateTime<Utc>,
    primary: Option<Language>,
) -> impl IntoView {
    let lang = article.language.code();
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
    let language = (primary.is_some_and(|p| p != article.language)).then(|| {
        view! {
            " · "
            <span class="card-lang" lang=lang>{article.language.native_name()}</span>
        }
    });
    // A feed the reader added themselves.
    let own = article
        .source_id
        .starts_with(crate::api::OWN_PREFIX)
        .then(|| view! { " " <span class="tag tag-own">{crate::i18n::t("card-own-feed")}</span> });
    // The outlet gave no date: the time shown is its place in the feed, and the card says so.
    let undated = (article.date_note == Some(crate::model::DateNote::FirstSeen)).then(|| {
        view! { " · " <span class="card-undated">{crate::i18n::t("card-undated")}</span> }
    });
    // The same wire story from other outlets: one card, their links beside it.
    let also = (!article.also.is_empty()).then(|| {
        let names: Vec<String> = article.also.iter().map(|c| c.source_name.clone()).collect();
        let text = t_with("card-also", vec![("outlets", names.join(", ").into())]);
        // The outlets' names become links inside the translated sentence.
        let mut rest = text.as_str();
        let mut parts = Vec::new();
        for copy in &article.also {
            if let Some(at) = rest.find(copy.source_name.as_str()) {
                parts.push(Either::Left(rest[..at].to_string()));
                parts.push(Either::Right(view! {
                    <a href=copy.link.clone() target="_blank" rel="noopener noreferrer" data-source=copy.source_id.clone()>
                        {copy.source_name.clone()}
                    </a>
                }));
                rest = &rest[at + copy.source_name.len()..];
            }
        }
        parts.push(Either::Left(rest.to_string()));
        view! { <p class="card-also">{parts}</p> }
    });
    // More Related News, from the card: the story in other languages, and other outlets'
    // cards on it that this one stands for.
    let related_at = format!("/article/{}#related-heading", article.id);
    let other_languages = (article.other_languages > 0).then(|| {
        let text = t_with(
            "card-other-languages",
            vec![("count", article.other_languages.into())],
        );
        // The story as the world tells it: its own page.
        view! { <a class="tag tag-languages" href=format!("/story/{}", article.id)>{text}</a> }
    });
    let folded = (!article.folded.is_empty()).then(|| {
        let names: Vec<String> = article.folded.iter().map(|f| f.source_name.clone()).collect();
        let text = t_with("card-more-outlets", vec![("count", article.folded.len().into())]);
        view! { <a class="tag tag-outlets" href=related_at.clone() title=names.join(", ")>{text}</a> }
    });
    let story = (other_languages.is_some() || folded.is_some())
        .then(|| view! { <p class="card-story">{other_languages}{folded}</p> });
    view! {
        <article class="card" class:read=read data-source=article.source_id.clone() data-article=article.id.clone()>
            {image}
            <div class="card-body">
                <h2 class="card-title" lang=lang dir="auto">
                    <a href=format!("/article/{}", article.id)>{article.title.clone()}</a>
                </h2>
                <p class="card-meta">
                    <span class="card-source" dir="auto">{article.source_name.clone()}</span>
                    {own}
                    " · "
                    <span class="card-country">{country(article.country)}</span>
                    {language}
                    " · "
                    <time datetime=iso title=utc><When then=article.published now/></time>
                    {undated}
                </p>
                {summary}
                {also}
                {story}
                <SaveButton story=SavedStory::from(&article)/>
            </div>
        </article>
    }
}
