use crate::i18n::{t, t_with};
use crate::topics::Topics;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{t("nav-skip")}</a>
        <header class="site-header">
            <a class="brand" href="/">"Panorama"</a>
            <p class="tagline">{t("site-tagline")}</p>
            <nav class="site-nav" aria-label=t("nav-main")>
                <a href="/">{t("nav-news")}</a>
                <a href="/search">{t("nav-search")}</a>
                <a href="/saved">{t("nav-saved")}</a>
                <a href="/settings">{t("nav-settings")}</a>
                <TopicsMenu/>
            </nav>
        </header>
    }
}

/// The searches the reader follows, each with how many stories are new since they last
/// looked. Known only in the browser (the list lives there): nothing on the server's page.
#[component]
fn TopicsMenu() -> impl IntoView {
    let topics = use_context::<Topics>()?;
    Some(move || {
        let list = topics.list.get();
        (!list.is_empty()).then(|| {
            let total: usize = list.iter().filter_map(|topic| topics.new_of(&topic.q)).sum();
            let badge = (total > 0).then(|| view! { <span class="badge-new">{total}</span> });
            let items = list
                .into_iter()
                .map(|topic| {
                    let href = format!(
                        "/search?q={}",
                        form_urlencoded::byte_serialize(topic.q.as_bytes()).collect::<String>()
                    );
                    let new = topics.new_of(&topic.q).filter(|n| *n > 0).map(|n| {
                        view! { " " <span class="topic-new">{t_with("topic-new", vec![("n", n.into())])}</span> }
                    });
                    view! { <li><a href=href dir="auto" data-topic=topic.q.clone()>{topic.q.clone()}</a>{new}</li> }
                })
                .collect_view();
            view! {
                <details class="topics-menu">
                    <summary>{t("nav-topics")}{badge}</summary>
                    <ul>{items}</ul>
                </details>
            }
        })
    })
}
