//! `/settings`: the reader's countries, and for each its languages and sources, in the
//! specification's order. The preferences live in this browser; the server renders the form
//! from the edition the cookie carries (the same source ids, so the page reads right before
//! any script runs), and the browser then takes the stored copy, which also holds what the
//! ids cannot say.

mod choice;
mod immediate;
mod opml;
mod own_feeds;

use crate::api::get_catalog;
use crate::edition::Edition;
use crate::i18n::{Arg, Message, t, t_with};
use crate::model::{CatalogView, Language};
use crate::prefs::{self, Draft, Missing};
use choice::{Choice, Kind};
use immediate::{FileSection, ThemeSection};
use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let catalog = crate::json::resource(|| (), |_| get_catalog());
    view! {
        <Title text=format!("{} · Panorama", t("settings-title"))/>
        <h1>{t("settings-title")}</h1>
        <Suspense fallback=|| view! { <p class="loading" role="status">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match catalog.await {
                    Ok(catalog) => Either::Left(view! { <SettingsForm catalog/> }),
                    Err(err) => Either::Right(view! {
                        <p class="error" role="alert">{t_with("settings-catalog-error", vec![("error", err.to_string().into())])}</p>
                    }),
                }
            })}
        </Suspense>
    }
}

/// The form's shared state, copied into each section.
#[derive(Clone, Copy)]
struct Form {
    catalog: StoredValue<CatalogView>,
    draft: RwSignal<Option<Draft>>,
    missing: RwSignal<Vec<Missing>>,
    status: RwSignal<Option<Message>>,
    /// The interface language, for messages set from event handlers.
    display: crate::display::Display,
}

/// The form's status line lives above the page: saving preferences can switch the interface
/// language, which rebuilds the page, and the reader must still see "Saved".
#[derive(Clone, Copy)]
pub struct SettingsStatus(pub RwSignal<Option<Message>>);

impl Form {
    // Messages are set from handlers that only exist in the browser.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn msg(self, key: &str) -> Option<Message> {
        Some(Message::new(key, Vec::new()))
    }

    fn msg_with(self, key: &str, args: Vec<(&'static str, Arg)>) -> Option<Message> {
        Some(Message::new(key, args))
    }

    /// Read when the message is made: a save may just have changed it.
    fn lang(self) -> Language {
        self.display.ui.get_untracked().language
    }

    /// Applies a change; once a save was refused, the field errors follow the draft live.
    fn change(self, f: impl FnOnce(&mut Draft, &CatalogView) -> Vec<String>) {
        let mut dropped = Vec::new();
        self.draft.update(|d| {
            if let Some(d) = d {
                dropped = self.catalog.with_value(|c| f(d, c));
            }
        });
        if !self.missing.with_untracked(Vec::is_empty) {
            self.missing.set(self.draft.with_untracked(|d| {
                d.as_ref()
                    .and_then(|d| d.finish().err())
                    .unwrap_or_default()
            }));
        }
        self.status.set(if dropped.is_empty() {
            None
        } else {
            self.msg_with(
                "settings-removed",
                vec![("names", dropped.join(", ").into())],
            )
        });
    }

    fn read<T>(self, f: impl FnOnce(&Draft) -> T) -> Option<T> {
        self.draft.with(|d| d.as_ref().map(f))
    }

    fn is_missing(self, field: Missing) -> bool {
        self.missing.with(|m| m.contains(&field))
    }
}

fn field_id(field: Missing) -> String {
    match field {
        Missing::PrimaryCountry => "primary-country".into(),
        Missing::PrimaryLanguage(c) => format!("primary-language-{}", c.code()),
        Missing::PrimarySource(c) => format!("primary-source-{}", c.code()),
    }
}

/// The message under a mandatory field, when it is missing.
#[component]
fn FieldError(form: Form, field: Missing) -> impl IntoView {
    let id = format!("{}-error", field_id(field));
    view! {
        <p class="field-error" id=id>
            {move || form.is_missing(field).then(|| field.message().render(form.lang()))}
        </p>
    }
}

#[component]
fn SettingsForm(catalog: CatalogView) -> impl IntoView {
    let form = Form {
        catalog: StoredValue::new(catalog.clone()),
        // The cookie's edition first, on the server and while hydrating alike.
        draft: RwSignal::new(Some(Draft::from(&prefs::from_sources(
            &catalog,
            &expect_context::<Edition>().sources.get_untracked(),
        )))),
        missing: RwSignal::new(Vec::new()),
        status: use_context::<SettingsStatus>()
            .map(|s| s.0)
            .unwrap_or_else(|| RwSignal::new(None)),
        display: expect_context::<crate::display::Display>(),
    };
    // Leaving the page forgets the status; a rebuild in place (a language switch) keeps it.
    #[cfg(feature = "hydrate")]
    on_cleanup(move || {
        if window().location().pathname().ok().as_deref() != Some("/settings") {
            form.status.set(None);
        }
    });
    let edition = expect_context::<Edition>();

    // Effects run only in the browser, after hydration: the stored preferences are there.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            // With nothing stored, the form starts from the edition proposed for the browser's
            // languages, the one the timeline shows.
            let start = form.catalog.with_value(|c| {
                let loaded = prefs::load(crate::edition::stored().as_deref(), c);
                if loaded.stored {
                    loaded.prefs
                } else {
                    prefs::propose(c, &crate::edition::browser_languages())
                }
            });
            form.draft.set(Some(Draft::from(&start)));
        }
    });

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(draft) = form.draft.get_untracked() else {
            return;
        };
        match draft.finish() {
            Err(missing) => {
                form.status
                    .set(form.msg_with("settings-missing", vec![("n", missing.len().into())]));
                form.missing.set(missing);
            }
            Ok(saved) => {
                form.missing.set(Vec::new());
                #[cfg(feature = "hydrate")]
                form.status
                    .set(match crate::edition::save(&saved, edition) {
                        Ok(()) => form.msg("settings-saved"),
                        Err(why) => form.msg_with("settings-not-saved", vec![("why", why.into())]),
                    });
                #[cfg(not(feature = "hydrate"))]
                let _ = (saved, edition);
            }
        }
    };

    view! {
        <form class="settings" on:submit=on_submit novalidate>
            <Choice form kind=Kind::Countries/>
            // One card per country: its languages, then its sources.
            <For
                each=move || form.read(Draft::countries).unwrap_or_default()
                key=|c| *c
                children=move |country| {
                    view! {
                        <div class="country-card" data-country=country.code()>
                            <Choice form kind=Kind::Languages(country)/>
                            <Choice form kind=Kind::Sources(country)/>
                            <own_feeds::OwnFeedsSection form country/>
                        </div>
                    }
                }
            />
            // Sticky: Save and what it said stay in view however long the form is.
            <div class="settings-actions">
                <button type="submit" class="primary">{t("settings-save")}</button>
                <p class="status" role="status" aria-live="polite">
                    {move || form.status.get().map(|m| m.render(form.lang()).trim_end().to_string())}
                </p>
            </div>
        </form>
        <ThemeSection/>
        <opml::OpmlSection form/>
        <FileSection form/>
    }
}
