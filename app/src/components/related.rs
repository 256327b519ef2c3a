//! More Related News: the article's story from other outlets, in its own language first, then
//! in other languages side by side, each with its language and outlet, and who covered it.

use crate::components::when::When;
use crate::i18n::{country, t, t_with};
use crate::model::{Language, RelatedArticle, RelatedStory};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// `story` comes with the article page (see `ArticlePage::related`).
#[component]
pub fn RelatedNews(story: RelatedStory, language: Language, now: DateTime<Utc>) -> impl IntoView {
    // No story yet, or none to be had: nothing made up.
    let story = (!story.articles.is_empty()).then(|| view! { <Story story language now/> });
    let empty = story
        .is_none()
        .then(|| view! { <p class="related-empty">{t("article-related-empty")}</p> });
    view! {
        <section class="related" aria-labelledby="related-heading">
            <h2 id="related-heading">{t("article-related")}</h2>
            {story}
            {empty}
        </section>
    }
}

#[component]
fn Story(story: RelatedStory, language: Language, now: DateTime<Utc>) -> impl IntoView {
    let (same, other): (Vec<RelatedArticle>, Vec<RelatedArticle>) = story
        .articles
        .into_iter()
        .partition(|a| a.language == language);
    let covered = story
        .coverage
        .iter()
        .map(|c| format!("{} {}", country(c.country), c.articles))
        .collect::<Vec<_>>()
        .join(" · ");
    let same = (!same.is_empty()).then(|| {
        view! {
            <ul class="related-list" data-related="same">
                {same.into_iter().map(|a| view! { <Item article=a now/> }).collect_view()}
            </ul>
        }
    });
    let other = (!other.is_empty()).then(|| {
        view! {
            <h3 class="related-other-heading">{t("related-other-languages")}</h3>
            <ul class="related-list related-other" data-related="other">
                {other.into_iter().map(|a| view! { <Item article=a now/> }).collect_view()}
            </ul>
        }
    });
    let whole = format!("/story/{}", story.id);
    view! {
        <p class="related-coverage" data-coverage>{t_with("related-covered-by", vec![("countries", covered.into())])}</p>
        {same}
        {other}
        <p class="related-whole"><a href=whole>{t("related-whole-story")}</a></p>
    }
}

#[component]
fn Item(article: RelatedArticle, now: DateTime<Utc>) -> impl IntoView {
    let lang = article.language.code();
    let shared = (!article.shared.is_empty()).then(|| {
        view! { <p class="related-shared"><LinkedBy anchors=article.shared.clone()/></p> }
    });
    view! {
        <li class="related-item" data-article=article.id.clone() data-language=lang>
            <p class="related-badges">
                <span class="tag tag-language" lang=lang>{article.language.native_name()}</span>
                <span class="tag tag-outlet" dir="auto">{article.source_name.clone()}</span>
                <span class="related-country">{country(article.country)}</span>
            </p>
            <h4 class="related-title" lang=lang dir="auto">
                <a href=format!("/article/{}", article.id)>{article.title.clone()}</a>
            </h4>
            <p class="related-time">
                <time datetime=article.published.to_rfc3339()><When then=article.published now/></time>
            </p>
            {shared}
        </li>
    }
}

/// "Linked by: …", each shared name isolated (`<bdi>`): names in Latin letters keep their own
/// order inside an Arabic sentence, and an Arabic name inside an English one.
#[component]
pub fn LinkedBy(anchors: Vec<String>) -> impl IntoView {
    // The translated sentence around the list, cut where the list goes.
    const SLOT: &str = "\u{1}";
    let text = t_with("related-shared", vec![("anchors", SLOT.into())]);
    let (before, after) = text.split_once(SLOT).unwrap_or((text.as_str(), ""));
    let separator = crate::i18n::list_separator(crate::i18n::language());
    let items = anchors
        .into_iter()
        .enumerate()
        .map(|(n, anchor)| view! { {(n > 0).then_some(separator)}<bdi>{anchor}</bdi> })
        .collect_view();
    view! { {before.to_string()}{items}{after.to_string()} }
}
