//! The edition as OPML, out and in. Export writes the whole edition (`crate::opml`) as
//! `panorama-<date>.opml`. Import sends the file to the server (`/api/opml`), which says what
//! each feed it lists would become; the reader sees what will be added, what is already there,
//! and what is refused or skipped and why, before anything changes; Import then adds them and
//! saves.

use super::Form;
use crate::i18n::{t, t_with};
use crate::model::{Language, OpmlEntry, OpmlOutcome, OpmlPreview};
use crate::prefs::{Draft, OwnFeed};
use leptos::prelude::*;

/// A file larger than this is refused before it is sent: a list of feeds is far smaller.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const MAX_FILE_BYTES: f64 = 1024.0 * 1024.0;

/// Where an entry stands against the draft.
#[derive(Clone, Copy, PartialEq)]
enum Standing {
    New,
    Present,
    Refused,
    Skipped,
}

fn standing(draft: &Draft, entry: &OpmlEntry) -> Standing {
    let chosen = |id: &str| {
        draft.editions.iter().any(|e| {
            e.primary_source.as_deref() == Some(id)
                || e.other_sources.iter().any(|s| s == id)
                || e.own_feeds.iter().any(|f| f.id == id)
        })
    };
    match &entry.outcome {
        OpmlOutcome::Catalog { id } | OpmlOutcome::Own { id } if chosen(id) => Standing::Present,
        OpmlOutcome::Catalog { .. } | OpmlOutcome::Own { .. } => Standing::New,
        OpmlOutcome::Refused { .. } => Standing::Refused,
        OpmlOutcome::Skipped { .. } => Standing::Skipped,
    }
}

/// Adds the new entries to the draft: a catalog source to its own country (chosen if it was
/// not, in the source's language), an own feed to the country its folder names if the reader
/// has it, else to their primary country. Returns how many were added.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn apply(draft: &mut Draft, preview: &OpmlPreview, catalog: &crate::model::CatalogView) -> usize {
    let mut added = 0;
    for entry in &preview.entries {
        if standing(draft, entry) != Standing::New {
            continue;
        }
        match &entry.outcome {
            OpmlOutcome::Catalog { id } => {
                let Some(source) = catalog.sources.iter().find(|s| &s.id == id) else {
                    continue;
                };
                let country = source.country;
                if draft.primary_country.is_none() {
                    draft.set_primary_country(Some(country), catalog);
                } else if !draft.countries().contains(&country) {
                    draft.set_other_country(country, true, catalog);
                }
                let edition = draft.edition(country).cloned();
                match edition.as_ref().and_then(|e| e.primary_language) {
                    None => {
                        draft.set_primary_language(country, Some(source.language), catalog);
                    }
                    Some(_) if !draft.languages(country).contains(&source.language) => {
                        draft.set_other_language(country, source.language, true, catalog);
                    }
                    Some(_) => {}
                }
                if draft
                    .edition(country)
                    .and_then(|e| e.primary_source.clone())
                    .is_none()
                {
                    draft.set_primary_source(country, Some(id.clone()));
                } else {
                    draft.set_other_source(country, id, true);
                }
                added += 1;
            }
            OpmlOutcome::Own { id } => {
                let countries = draft.countries();
                let Some(country) = entry
                    .country
                    .filter(|c| countries.contains(c))
                    .or(draft.primary_country)
                else {
                    continue;
                };
                let language = draft
                    .edition(country)
                    .and_then(|e| e.primary_language)
                    .unwrap_or(Language::En);
                let feed = OwnFeed {
                    id: id.clone(),
                    url: entry.url.clone(),
                    title: entry.title.clone(),
                    language,
                };
                if draft.add_own_feed(country, feed) {
                    added += 1;
                }
            }
            _ => {}
        }
    }
    added
}

/// Today, as the browser's clock says (`YYYY-MM-DD`), for the file's name.
#[cfg(feature = "hydrate")]
fn today() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect()
}

#[component]
pub(super) fn OpmlSection(form: Form) -> impl IntoView {
    let preview = RwSignal::new(None::<OpmlPreview>);
    let problem = RwSignal::new(None::<(&'static str, Option<String>)>);
    let export = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let prefs = form
                .draft
                .with_untracked(|d| d.as_ref().and_then(|d| d.finish().ok()));
            match prefs {
                Some(prefs) => {
                    let text = form.catalog.with_value(|c| crate::opml::export(&prefs, c));
                    super::immediate::download(
                        &crate::opml::file_name(&today()),
                        "text/x-opml",
                        &text,
                    );
                }
                None => form.status.set(form.msg("settings-nothing-to-export")),
            }
        }
    };
    let import = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            let Some(file) = super::immediate::chosen_file(&ev) else {
                return;
            };
            preview.set(None);
            if file.size() > MAX_FILE_BYTES {
                problem.set(Some(("opml-too-large", None)));
                return;
            }
            problem.set(None);
            leptos::task::spawn_local(async move {
                let text = super::immediate::text_of(&file).await.unwrap_or_default();
                match crate::api::post_opml(text).await {
                    Ok(found) => preview.set(Some(found)),
                    Err(err) => problem.set(Some(("opml-unreadable", Some(err.to_string())))),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let confirm = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let Some(found) = preview.get_untracked() else {
                return;
            };
            let mut added = 0;
            form.change(|d, catalog| {
                added = apply(d, &found, catalog);
                Vec::new()
            });
            preview.set(None);
            let saved = form
                .draft
                .with_untracked(|d| d.as_ref().and_then(|d| d.finish().ok()));
            let edition = expect_context::<crate::edition::Edition>();
            form.status
                .set(match saved.map(|p| crate::edition::save(&p, edition)) {
                    Some(Ok(())) => form.msg_with("opml-imported", vec![("n", added.into())]),
                    Some(Err(why)) => {
                        form.msg_with("settings-not-saved", vec![("why", why.into())])
                    }
                    None => form.msg("opml-imported-unsaved"),
                });
        }
    };
    let shown = move || {
        if let Some((key, detail)) = problem.get() {
            return Some(
                view! {
                    <crate::components::details::RefusalNote message=t(key) detail/>
                }
                .into_any(),
            );
        }
        let found = preview.get()?;
        let groups = [
            (Standing::New, "opml-new"),
            (Standing::Present, "opml-present"),
            (Standing::Refused, "opml-refused"),
            (Standing::Skipped, "opml-skipped"),
        ];
        let count_new = form
            .read(|d| {
                found
                    .entries
                    .iter()
                    .filter(|e| standing(d, e) == Standing::New)
                    .count()
            })
            .unwrap_or(0);
        let lists = groups
            .into_iter()
            .filter_map(|(group, key)| {
                let items: Vec<_> = form
                    .read(|d| {
                        found
                            .entries
                            .iter()
                            .filter(|e| standing(d, e) == group)
                            .cloned()
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                (!items.is_empty()).then(|| {
                    let rows = items
                        .into_iter()
                        .map(|e| {
                            let why = match &e.outcome {
                                OpmlOutcome::Refused { why } | OpmlOutcome::Skipped { why } => {
                                    Some(view! { <span class="none">" · "{why.clone()}</span> })
                                }
                                _ => None,
                            };
                            view! { <li><bdi>{e.title.clone()}</bdi>{why}</li> }
                        })
                        .collect_view();
                    view! {
                        <h3 data-group=key>{t(key)}</h3>
                        <ul class="opml-list" data-group=key>{rows}</ul>
                    }
                })
            })
            .collect_view();
        let note = found
            .note
            .clone()
            .map(|note| view! { <p class="none">{note}</p> });
        Some(
            view! {
                <div class="feed-preview opml-preview" role="status">
                    {lists}
                    {note}
                    <p class="choices">
                        <button type="button" class="primary" id="opml-confirm" disabled=count_new == 0 on:click=confirm>
                            {t_with("opml-import-n", vec![("n", count_new.into())])}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| preview.set(None)>{t("opml-cancel")}</button>
                    </p>
                </div>
            }
            .into_any(),
        )
    };
    view! {
        <section class="settings-section" aria-labelledby="opml-heading">
            <h2 id="opml-heading">{t("opml-heading")}</h2>
            <p class="none">{t("opml-help")}</p>
            <div class="choices">
                <button type="button" class="secondary" id="export-opml" on:click=export>{t("opml-export")}</button>
                <label class="secondary file-label">
                    {t("opml-import")}
                    <input type="file" id="import-opml" accept=".opml,.xml,text/x-opml,application/xml,text/xml" on:change=import/>
                </label>
            </div>
            {shown}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Country;

    fn entry(title: &str, country: Option<Country>, outcome: OpmlOutcome) -> OpmlEntry {
        OpmlEntry {
            title: title.into(),
            url: format!("https://{title}.example/feed"),
            country,
            outcome,
        }
    }

    #[test]
    fn an_import_adds_what_is_new_where_it_belongs_and_nothing_else() {
        let catalog = crate::prefs::tests::catalog();
        let mut draft = Draft::from(&crate::prefs::tests::full());
        let own = |n: u8| format!("own-{n:012x}");
        let preview = OpmlPreview {
            entries: vec![
                entry(
                    "voa",
                    None,
                    OpmlOutcome::Catalog {
                        id: "voa-zh".into(),
                    },
                ),
                entry(
                    "aajtak",
                    None,
                    OpmlOutcome::Catalog {
                        id: "aajtak-hi".into(),
                    },
                ),
                entry("qatari", Some(Country::QA), OpmlOutcome::Own { id: own(1) }),
                entry("german", Some(Country::DE), OpmlOutcome::Own { id: own(2) }),
                entry(
                    "intranet",
                    None,
                    OpmlOutcome::Refused {
                        why: "private".into(),
                    },
                ),
                entry(
                    "site",
                    None,
                    OpmlOutcome::Skipped {
                        why: "site only".into(),
                    },
                ),
            ],
            note: None,
        };
        let kinds: Vec<_> = preview
            .entries
            .iter()
            .map(|e| standing(&draft, e))
            .collect();
        assert!(
            kinds
                == [
                    Standing::New,
                    Standing::Present,
                    Standing::New,
                    Standing::New,
                    Standing::Refused,
                    Standing::Skipped
                ]
        );
        assert_eq!(apply(&mut draft, &preview, &catalog), 3);
        // China was not chosen: it is now, in Chinese, with VOA.
        let china = draft.edition(Country::CN).unwrap();
        assert_eq!(
            (china.primary_language, china.primary_source.as_deref()),
            (Some(Language::Zh), Some("voa-zh"))
        );
        // Own feeds: in the folder's country when the reader has it, else the primary one.
        assert!(
            draft
                .edition(Country::QA)
                .unwrap()
                .own_feeds
                .iter()
                .any(|f| f.id == own(1))
        );
        assert!(
            draft
                .edition(Country::IN)
                .unwrap()
                .own_feeds
                .iter()
                .any(|f| f.id == own(2))
        );
        assert!(draft.finish().is_ok());
        // A second import of the same file adds nothing.
        assert_eq!(apply(&mut draft, &preview, &catalog), 0);
    }
}
