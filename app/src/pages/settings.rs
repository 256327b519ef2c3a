//! `/settings`: the reader's countries, and for each its languages and sources, in the
//! specification's order. The preferences live in this browser only, so the form appears once
//! the page is interactive; the server renders the page around it.

use crate::api::get_catalog;
use crate::edition::Edition;
use crate::i18n::{Arg, Message, country as country_name, language_name, t, t_with};
use crate::model::{CatalogView, Country, Language, SourceInfo};
use crate::prefs::{self, Draft, Missing};
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
            {move || form.is_missing(field).then(|| field.message(form.lang()))}
        </p>
    }
}

#[component]
fn SettingsForm(catalog: CatalogView) -> impl IntoView {
    let form = Form {
        catalog: StoredValue::new(catalog),
        draft: RwSignal::new(None),
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

    let loaded = move || form.draft.with(Option::is_some);
    view! {
        <Show when=loaded fallback=|| view! { <p class="loading" role="status">{t("settings-loading")}</p> }>
            <form class="settings" on:submit=on_submit novalidate>
                <CountrySection form/>
                // One card per country: its languages, then its sources.
                <For
                    each=move || form.read(Draft::countries).unwrap_or_default()
                    key=|c| *c
                    children=move |country| {
                        view! {
                            <div class="country-card" data-country=country.code()>
                                <LanguageSection form country/>
                                <SourceSection form country/>
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
            <FileSection form/>
        </Show>
    }
}

#[component]
fn CountrySection(form: Form) -> impl IntoView {
    let countries: Vec<Country> = form
        .catalog
        .with_value(|c| c.countries.iter().map(|i| i.code).collect());
    let primary = move || form.read(|d| d.primary_country).flatten();
    let field = Missing::PrimaryCountry;
    let options = countries
        .iter()
        .map(|&c| view! { <option value=c.code() prop:selected=move || primary() == Some(c)>{country_name(c)}</option> })
        .collect_view();
    let others = countries
        .iter()
        .map(|&c| {
            let checked = move || {
                form.read(|d| d.other_countries.contains(&c))
                    .unwrap_or(false)
            };
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        name="other-country"
                        value=c.code()
                        prop:checked=checked
                        prop:disabled=move || primary() == Some(c)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            form.change(|d, cat| {
                                d.set_other_country(c, on, cat);
                                Vec::new()
                            })
                        }
                    />
                    {country_name(c)}
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="settings-section" aria-labelledby="countries-heading">
            <h2 id="countries-heading">{t("settings-countries")}</h2>
            <label for="primary-country">{t("settings-primary-country")}</label>
            <select
                id="primary-country"
                aria-invalid=move || form.is_missing(field).then_some("true")
                aria-describedby="primary-country-error"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    form.change(|d, cat| {
                        d.set_primary_country(Country::from_code(&value), cat);
                        Vec::new()
                    })
                }
            >
                <option value="" prop:selected=move || primary().is_none()>{t("settings-choose-country")}</option>
                {options}
            </select>
            <FieldError form field/>
            <fieldset>
                <legend>{t("settings-other-countries")}</legend>
                <div class="choices">{others}</div>
            </fieldset>
        </section>
    }
}

#[component]
fn LanguageSection(form: Form, country: Country) -> impl IntoView {
    let offered: Vec<Language> = form.catalog.with_value(|c| prefs::languages_of(c, country));
    let primary = move || {
        form.read(|d| d.edition(country).and_then(|e| e.primary_language))
            .flatten()
    };
    let field = Missing::PrimaryLanguage(country);
    let id = field_id(field);
    let options = offered
        .iter()
        .map(|&l| {
            view! { <option value=l.code() prop:selected=move || primary() == Some(l)>{language_label(l)}</option> }
        })
        .collect_view();
    let others = if offered.len() <= 1 {
        Either::Left(view! { <p class="none">{t("settings-no-other-language")}</p> })
    } else {
        Either::Right(
            offered
                .iter()
                .map(|&l| {
                    let checked = move || {
                        form.read(|d| {
                            d.edition(country)
                                .is_some_and(|e| e.other_languages.contains(&l))
                        })
                        .unwrap_or(false)
                    };
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                name=format!("other-language-{}", country.code())
                                value=l.code()
                                prop:checked=checked
                                prop:disabled=move || primary() == Some(l)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    form.change(|d, cat| d.set_other_language(country, l, on, cat))
                                }
                            />
                            {language_label(l)}
                        </label>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <section class="settings-section" data-country=country.code() aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{t_with("settings-languages", vec![("country", country_name(country).into())])}</h2>
            <label for=id.clone()>{t("settings-primary-language")}</label>
            <select
                id=id.clone()
                aria-invalid=move || form.is_missing(field).then_some("true")
                aria-describedby=format!("{id}-error")
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    form.change(|d, cat| d.set_primary_language(country, Language::from_code(&value), cat))
                }
            >
                <option value="" prop:selected=move || primary().is_none()>{t("settings-choose-language")}</option>
                {options}
            </select>
            <FieldError form field/>
            <fieldset>
                <legend>{t("settings-other-languages")}</legend>
                <div class="choices">{others}</div>
            </fieldset>
        </section>
    }
}

#[component]
fn SourceSection(form: Form, country: Country) -> impl IntoView {
    let language_first = t("settings-language-first");
    let sources = move || -> Vec<SourceInfo> {
        let languages = form.read(|d| d.languages(country)).unwrap_or_default();
        form.catalog.with_value(|c| {
            prefs::sources_of(c, country, &languages)
                .into_iter()
                .cloned()
                .collect()
        })
    };
    let edition = move || form.read(|d| d.edition(country).cloned()).flatten();
    let primary = move || edition().and_then(|e| e.primary_source);
    let field = Missing::PrimarySource(country);
    let id = field_id(field);
    view! {
        <section class="settings-section" data-country=country.code() aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{t_with("settings-sources", vec![("country", country_name(country).into())])}</h2>
            <label for=id.clone()>{t("settings-primary-source")}</label>
            <select
                id=id.clone()
                aria-invalid=move || form.is_missing(field).then_some("true")
                aria-describedby=format!("{id}-error")
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    form.change(|d, _| {
                        d.set_primary_source(country, (!value.is_empty()).then_some(value));
                        Vec::new()
                    })
                }
            >
                <option value="" prop:selected=move || primary().is_none()>{t("settings-choose-source")}</option>
                <For each=sources key=|s| s.id.clone() let:source>
                    {
                        let id = source.id.clone();
                        view! {
                            <option
                                value=source.id.clone()
                                disabled=!source.has_feed()
                                prop:selected=move || primary().as_deref() == Some(id.as_str())
                            >
                                {source_label(&source)}
                            </option>
                        }
                    }
                </For>
            </select>
            <FieldError form field/>
            {move || sources().is_empty().then(|| view! { <p class="none">{language_first.clone()}</p> })}
            {move || {
                let readable = sources().iter().filter(|s| s.has_feed()).count();
                (readable == 1).then(|| view! { <p class="none">{t("settings-no-other-source")}</p> })
            }}
            <fieldset hidden=move || sources().iter().filter(|s| s.has_feed()).count() <= 1>
                <legend>{t("settings-other-sources")}</legend>
                <div class="choices">
                    <For each=sources key=|s| s.id.clone() let:source>
                        {
                            let (checked_id, disabled_id, change_id) = (source.id.clone(), source.id.clone(), source.id.clone());
                            let has_feed = source.has_feed();
                            view! {
                                <label class="check" class:unavailable=!has_feed>
                                    <input
                                        type="checkbox"
                                        name=format!("other-source-{}", country.code())
                                        value=source.id.clone()
                                        prop:checked=move || edition().is_some_and(|e| e.other_sources.contains(&checked_id))
                                        prop:disabled=move || !has_feed || primary().as_deref() == Some(disabled_id.as_str())
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let id = change_id.clone();
                                            form.change(move |d, _| {
                                                d.set_other_source(country, &id, on);
                                                Vec::new()
                                            })
                                        }
                                    />
                                    {source_label(&source)}
                                </label>
                            }
                        }
                    </For>
                </div>
            </fieldset>
        </section>
    }
}

/// A language by its own name, and by its name in the interface language when that differs.
fn language_label(l: Language) -> String {
    let translated = language_name(l);
    if translated == l.native_name() {
        translated
    } else {
        format!("{} ({translated})", l.native_name())
    }
}

fn source_label(s: &SourceInfo) -> String {
    let language = s.language.native_name();
    if s.has_feed() {
        format!("{} · {language}", s.name)
    } else {
        t_with(
            "settings-no-feed",
            vec![
                ("source", (&s.name).into()),
                ("language", language.into()),
                ("why", s.no_feed.as_deref().unwrap_or("-").into()),
            ],
        )
    }
}

/// Light, dark, or the system's: applied at once, remembered in a cookie so the server paints
/// the next page that way.
#[component]
fn ThemeSection() -> impl IntoView {
    use crate::display::{Display, Theme};
    let display = expect_context::<Display>();
    let choices = Theme::ALL
        .into_iter()
        .map(|theme| {
            let label = t(&format!("theme-{}", theme.key()));
            view! {
                <label class="check">
                    <input
                        type="radio"
                        name="theme"
                        value=theme.key()
                        prop:checked=move || display.theme.get() == theme
                        on:change=move |_| {
                            #[cfg(feature = "hydrate")]
                            crate::display::set_theme(display, theme);
                        }
                    />
                    {label}
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="settings-section" aria-labelledby="appearance-heading">
            <h2 id="appearance-heading">{t("settings-appearance")}</h2>
            <fieldset>
                <legend>{t("settings-theme")}</legend>
                <div class="choices">{choices}</div>
            </fieldset>
        </section>
    }
}

/// Export the saved preferences as a file, import one (checked like a load), or reset.
#[component]
fn FileSection(form: Form) -> impl IntoView {
    let edition = expect_context::<Edition>();
    // The actions exist only in the browser, where the preferences are.
    #[cfg(not(feature = "hydrate"))]
    let _ = (form, edition);
    let export = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let json = crate::edition::stored().or_else(|| {
                form.draft
                    .with_untracked(|d| d.as_ref().and_then(|d| d.finish().ok()))
                    .map(|p| p.to_json())
            });
            match json {
                Some(json) => download("panorama-preferences.json", &json),
                None => form.status.set(form.msg("settings-nothing-to-export")),
            }
        }
    };
    let import = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            leptos::task::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                let loaded = form.catalog.with_value(|c| prefs::load(text.as_deref(), c));
                let refused = loaded.notices.iter().find(|n| {
                    matches!(
                        n,
                        prefs::Notice::Unreadable(_) | prefs::Notice::NewerVersion(_)
                    )
                });
                if let Some(why) = refused {
                    form.status.set(form.msg_with(
                        "settings-not-imported",
                        vec![("why", why.message_in(form.lang()).into())],
                    ));
                    return;
                }
                match crate::edition::save(&loaded.prefs, edition) {
                    Ok(()) => {
                        form.draft.set(Some(Draft::from(&loaded.prefs)));
                        form.missing.set(Vec::new());
                        let notes: Vec<String> = loaded
                            .notices
                            .iter()
                            .map(|n| n.message_in(form.lang()))
                            .collect();
                        form.status.set(form.msg_with(
                            "settings-imported",
                            vec![("notes", notes.join(" ").into())],
                        ));
                    }
                    Err(why) => form
                        .status
                        .set(form.msg_with("settings-not-imported", vec![("why", why.into())])),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let reset = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let proposal = form
                .catalog
                .with_value(|c| crate::edition::reset(edition, c));
            form.draft.set(Some(Draft::from(&proposal)));
            form.missing.set(Vec::new());
            form.status.set(form.msg("settings-reset-done"));
        }
    };
    view! {
        <section class="settings-section file-actions" aria-labelledby="file-heading">
            <h2 id="file-heading">{t("settings-file")}</h2>
            <p class="none">{t("settings-file-help")}</p>
            <div class="choices">
                <button type="button" class="secondary" id="export-preferences" on:click=export>{t("settings-export")}</button>
                <label class="secondary file-label">
                    {t("settings-import")}
                    <input type="file" id="import-preferences" accept="application/json,.json" on:change=import/>
                </label>
                <button type="button" class="secondary" id="reset-preferences" on:click=reset>{t("settings-reset")}</button>
            </div>
        </section>
    }
}

/// Offers `text` as a file download.
#[cfg(feature = "hydrate")]
fn download(name: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let href = format!(
        "data:application/json;charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    );
    let Ok(anchor) = document().create_element("a") else {
        return;
    };
    let _ = anchor.set_attribute("href", &href);
    let _ = anchor.set_attribute("download", name);
    if let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlElement>() {
        anchor.click();
    }
}
