use crate::model::{SourceState, SourceStatus};
use leptos::prelude::*;

/// Each requested source and how it fared: a broken feed shows here, as that source's error,
/// while every other source's stories still show.
#[component]
pub fn SourceStates(sources: Vec<SourceState>) -> impl IntoView {
    let failed = sources
        .iter()
        .filter(|s| matches!(s.status, SourceStatus::Failed { .. }))
        .count();
    let any_failed = failed > 0;
    let items = sources
        .into_iter()
        .map(|s| {
            let (class, text) = match &s.status {
                SourceStatus::Ok { items: 1, .. } => ("ok", "1 story".to_string()),
                SourceStatus::Ok { items, .. } => ("ok", format!("{items} stories")),
                SourceStatus::Loading => ("loading", "still loading".to_string()),
                SourceStatus::Failed { reason } => ("failed", format!("failed: {reason}")),
                SourceStatus::NoFeed => ("no-feed", "no feed available".to_string()),
            };
            view! {
                <li class=format!("source-state {class}") data-source=s.source_id>
                    <span class="source-name">{s.source_name}</span>
                    " "
                    <span class="source-status">{text}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="source-states" open=any_failed>
            <summary>
                "Sources"
                {any_failed.then(|| view! { <span class="failed-count">{format!(" · {failed} failed")}</span> })}
            </summary>
            <ul>{items}</ul>
        </details>
    }
}
