use crate::model::{SourceState, SourceStatus, relative_time};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// The badge class and the words for one source's health.
pub fn health(status: &SourceStatus, now: DateTime<Utc>) -> (&'static str, String) {
    let stories = |n: usize| {
        if n == 1 {
            "1 story".to_string()
        } else {
            format!("{n} stories")
        }
    };
    match status {
        SourceStatus::Ok {
            items,
            fetched_at,
            newest,
        } => (
            "ok",
            format!(
                "{}{}, updated {}",
                stories(*items),
                newest
                    .map(|n| format!(", newest {}", relative_time(n, now)))
                    .unwrap_or_default(),
                relative_time(*fetched_at, now)
            ),
        ),
        SourceStatus::Stale {
            items,
            fetched_at,
            reason,
            ..
        } => (
            "stale",
            format!(
                "{}, stale: {reason} (last updated {})",
                stories(*items),
                relative_time(*fetched_at, now)
            ),
        ),
        SourceStatus::Loading => ("loading", "still loading".to_string()),
        SourceStatus::Failed { reason } => ("failed", format!("failed: {reason}")),
        SourceStatus::NoFeed => ("no-feed", "no feed available".to_string()),
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
            view! {
                <li class=format!("source-state {class}") data-source=s.source_id>
                    <span class=format!("badge {class}") aria-hidden="true"></span>
                    <span class="source-name" dir="auto">{s.source_name}</span>
                    " "
                    <span class="source-status">{text}</span>
                </li>
            }
        })
        .collect_view();
    let summary = [
        (failed, "failed", "failed-count"),
        (stale, "stale", "stale-count"),
        (loading, "loading", "loading-count"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, what, class)| view! { <span class=class>{format!(" · {n} {what}")}</span> })
    .collect_view();
    let any_failed = failed > 0;
    view! {
        <details class="source-states" open=any_failed>
            <summary>"Sources" {summary}</summary>
            <ul>{items}</ul>
        </details>
    }
}
