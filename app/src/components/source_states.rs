use crate::components::details::TroubleDetails;
use crate::i18n::{relative_time, t, t_with};
use crate::model::{SourceState, SourceStatus, Trouble};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// The badge class and the words for one source's health.
pub fn health(status: &SourceStatus, now: DateTime<Utc>) -> (&'static str, String) {
    let stories = |n: usize| t_with("health-stories", vec![("n", n.into())]);
    match status {
        SourceStatus::Ok {
            items,
            fetched_at,
            newest,
        } => (
            "ok",
            match newest {
                Some(newest) => t_with(
                    "health-ok-newest",
                    vec![
                        ("stories", stories(*items).into()),
                        ("newest", relative_time(*newest, now).into()),
                        ("updated", relative_time(*fetched_at, now).into()),
                    ],
                ),
                None => t_with(
                    "health-ok",
                    vec![
                        ("stories", stories(*items).into()),
                        ("updated", relative_time(*fetched_at, now).into()),
                    ],
                ),
            },
        ),
        SourceStatus::Stale {
            items,
            newest: Some(newest),
            trouble: Trouble::Quiet,
            ..
        } => (
            "stale",
            t_with(
                "health-quiet",
                vec![
                    ("stories", stories(*items).into()),
                    ("newest", relative_time(*newest, now).into()),
                ],
            ),
        ),
        SourceStatus::Stale {
            items,
            fetched_at,
            trouble,
            ..
        } => (
            "stale",
            t_with(
                "health-stale",
                vec![
                    ("trouble", t(trouble.key()).into()),
                    ("stories", stories(*items).into()),
                    ("updated", relative_time(*fetched_at, now).into()),
                ],
            ),
        ),
        SourceStatus::Loading => ("loading", t("health-loading")),
        SourceStatus::Failed { trouble, .. } => (
            "failed",
            t_with("health-failed", vec![("trouble", t(trouble.key()).into())]),
        ),
        SourceStatus::NoFeed => ("no-feed", t("health-no-feed")),
    }
}

/// Each requested source and how it fared: a broken feed shows here, as that source's error,
/// while every other source's stories still show.
#[component]
pub fn SourceStates(sources: Vec<SourceState>, now: DateTime<Utc>) -> impl IntoView {
    let count = |f: fn(&SourceStatus) -> bool| sources.iter().filter(|s| f(&s.status)).count();
    let failed = count(|s| matches!(s, SourceStatus::Failed { .. }));
    let stale = count(|s| matches!(s, SourceStatus::Stale { .. }));
    let loading = count(|s| matches!(s, SourceStatus::Loading));
    let items = sources
        .into_iter()
        .map(|s| {
            let (class, text) = health(&s.status, now);
            // The server's own words stay out of the sentence: behind "details", for whoever
            // wants them (an operator, a curious reader).
            let detail = match &s.status {
                SourceStatus::Stale {
                    reason, trouble, ..
                }
                | SourceStatus::Failed { reason, trouble }
                    if *trouble != Trouble::Quiet && !reason.is_empty() =>
                {
                    Some(reason.clone())
                }
                _ => None,
            };
            view! {
                <li class=format!("source-state {class}") data-source=s.source_id>
                    <span class=format!("badge {class}") aria-hidden="true"></span>
                    <span class="source-name" dir="auto">{s.source_name}</span>
                    " "
                    <span class="source-status">{text}</span>
                    {detail.map(|detail| view! { <TroubleDetails detail/> })}
                </li>
            }
        })
        .collect_view();
    let summary = [
        (failed, "sources-failed", "failed-count"),
        (stale, "sources-stale", "stale-count"),
        (loading, "sources-loading", "loading-count"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, key, class)| {
        view! { <span class=class>{format!(" · {}", t_with(key, vec![("n", n.into())]))}</span> }
    })
    .collect_view();
    // Folded into one line ("Sources · 1 failed · 2 stale") that opens on demand: the news
    // comes first on a phone; the line says at once when something is wrong.
    view! {
        <details class="source-states">
            <summary>{t("sources")} {summary}</summary>
            <ul>{items}</ul>
        </details>
    }
}
