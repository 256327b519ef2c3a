//! One choice of the settings form: a mandatory primary (a select) and optional others
//! (checkboxes). The reader's countries, a country's languages and a country's sources all
//! have this shape; [`Kind`] says which, and where in the draft it lives.
//!
//! Every chosen state is written twice: as the HTML attribute (`selected`, `checked`), so the
//! server's page shows the reader's choices before any script runs or without one, and as the
//! live property, which is what the browser shows once the reader has touched a field.

use super::{FieldError, Form, field_id};
use crate::i18n::{country as country_name, language_name, t, t_with};
use crate::model::{CatalogView, Country, Language, SourceInfo};
use crate::prefs::{self, Draft, Missing};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    Countries,
    Languages(Country),
    Sources(Country),
}

/// What the choice offers: a value of the form, its label, and whether it can be chosen (an
/// outlet that publishes no feed cannot).
#[derive(Clone, Debug, PartialEq)]
struct Offer {
    value: String,
    label: String,
    available: bool,
}

impl Kind {
    fn field(self) -> Missing {
        match self {
            Kind::Countries => Missing::PrimaryCountry,
            Kind::Languages(c) => Missing::PrimaryLanguage(c),
            Kind::Sources(c) => Missing::PrimarySource(c),
        }
    }

    fn country(self) -> Option<Country> {
        match self {
            Kind::Countries => None,
            Kind::Languages(c) | Kind::Sources(c) => Some(c),
        }
    }

    /// Sources depend on the languages chosen in the draft; the rest on the catalog alone.
    fn offers(self, catalog: &CatalogView, draft: Option<&Draft>) -> Vec<Offer> {
        match self {
            Kind::Countries => catalog
                .countries
                .iter()
                .map(|i| Offer {
                    value: i.code.code().into(),
                    label: country_name(i.code),
                    available: true,
                })
                .collect(),
            Kind::Languages(c) => prefs::languages_of(catalog, c)
                .into_iter()
                .map(|l| Offer {
                    value: l.code().into(),
                    label: language_label(l),
                    available: true,
                })
                .collect(),
            Kind::Sources(c) => {
                let languages = draft.map(|d| d.languages(c)).unwrap_or_default();
                prefs::sources_of(catalog, c, &languages)
                    .into_iter()
                    .map(|s| Offer {
                        value: s.id.clone(),
                        label: source_label(s),
                        available: s.has_feed(),
                    })
                    .collect()
            }
        }
    }

    fn primary(self, d: &Draft) -> Option<String> {
        match self {
            Kind::Countries => d.primary_country.map(|c| c.code().into()),
            Kind::Languages(c) => d.edition(c)?.primary_language.map(|l| l.code().into()),
            Kind::Sources(c) => d.edition(c)?.primary_source.clone(),
        }
    }

    fn is_other(self, d: &Draft, value: &str) -> bool {
        match self {
            Kind::Countries => d.other_countries.iter().any(|c| c.code() == value),
            Kind::Languages(c) => d
                .edition(c)
                .is_some_and(|e| e.other_languages.iter().any(|l| l.code() == value)),
            Kind::Sources(c) => d
                .edition(c)
                .is_some_and(|e| e.other_sources.iter().any(|s| s == value)),
        }
    }

    /// Sets the primary; returns the names of the sources the change dropped.
    fn set_primary(
        self,
        d: &mut Draft,
        catalog: &CatalogView,
        value: Option<String>,
    ) -> Vec<String> {
        match self {
            Kind::Countries => {
                d.set_primary_country(value.and_then(|v| Country::from_code(&v)), catalog);
                Vec::new()
            }
            Kind::Languages(c) => {
                d.set_primary_language(c, value.and_then(|v| Language::from_code(&v)), catalog)
            }
            Kind::Sources(c) => {
                d.set_primary_source(c, value);
                Vec::new()
            }
        }
    }

    /// Adds or removes one of the others; returns the names of the sources this dropped.
    fn set_other(self, d: &mut Draft, catalog: &CatalogView, value: &str, on: bool) -> Vec<String> {
        match self {
            Kind::Countries => {
                if let Some(country) = Country::from_code(value) {
                    d.set_other_country(country, on, catalog);
                }
                Vec::new()
            }
            Kind::Languages(c) => Language::from_code(value)
                .map(|l| d.set_other_language(c, l, on, catalog))
                .unwrap_or_default(),
            Kind::Sources(c) => {
                d.set_other_source(c, value, on);
                Vec::new()
            }
        }
    }

    /// Heading, primary's label, the select's empty option, the others' legend.
    fn words(self) -> [String; 4] {
        let country =
            |key: &str, c: Country| t_with(key, vec![("country", country_name(c).into())]);
        match self {
            Kind::Countries => [
                t("settings-countries"),
                t("settings-primary-country"),
                t("settings-choose-country"),
                t("settings-other-countries"),
            ],
            Kind::Languages(c) => [
                country("settings-languages", c),
                t("settings-primary-language"),
                t("settings-choose-language"),
                t("settings-other-languages"),
            ],
            Kind::Sources(c) => [
                country("settings-sources", c),
                t("settings-primary-source"),
                t("settings-choose-source"),
                t("settings-other-sources"),
            ],
        }
    }

    /// What to say when one offer alone can be chosen (there is then no other to pick), and
    /// when there is none.
    fn alone_and_none(self) -> (Option<&'static str>, Option<&'static str>) {
        match self {
            Kind::Countries => (None, None),
            Kind::Languages(_) => (Some("settings-no-other-language"), None),
            Kind::Sources(_) => (
                Some("settings-no-other-source"),
                Some("settings-language-first"),
            ),
        }
    }

    /// The others' checkboxes' `name`.
    fn others_name(self) -> String {
        match self {
            Kind::Countries => "other-country".into(),
            Kind::Languages(c) => format!("other-language-{}", c.code()),
            Kind::Sources(c) => format!("other-source-{}", c.code()),
        }
    }
}

#[component]
pub(super) fn Choice(form: Form, kind: Kind) -> impl IntoView {
    let field = kind.field();
    let id = field_id(field);
    let [heading, primary_label, choose, others_label] = kind.words();
    let (alone, none) = kind.alone_and_none();
    let offers = Memo::new(move |_| {
        form.draft
            .with(|d| form.catalog.with_value(|c| kind.offers(c, d.as_ref())))
    });
    let primary = Memo::new(move |_| form.read(|d| kind.primary(d)).flatten());
    let available = move || offers.with(|o| o.iter().filter(|o| o.available).count());
    let unset = move || primary.with(Option::is_none);
    let option = move |offer: Offer| {
        let value = offer.value.clone();
        let selected = move || primary.with(|p| p.as_deref() == Some(value.as_str()));
        view! {
            <option value=offer.value disabled=!offer.available selected=selected.clone() prop:selected=selected>
                {offer.label}
            </option>
        }
    };
    let other = move |offer: Offer| {
        let value = offer.value.clone();
        let checked = {
            let value = value.clone();
            move || form.read(|d| kind.is_other(d, &value)).unwrap_or(false)
        };
        let disabled = {
            let (value, available) = (value.clone(), offer.available);
            move || !available || primary.with(|p| p.as_deref() == Some(value.as_str()))
        };
        view! {
            <label class="check" class:unavailable=!offer.available>
                <input
                    type="checkbox"
                    name=kind.others_name()
                    value=offer.value
                    checked=checked.clone()
                    prop:checked=checked
                    disabled=disabled
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let value = value.clone();
                        form.change(move |d, cat| kind.set_other(d, cat, &value, on))
                    }
                />
                {offer.label}
            </label>
        }
    };
    view! {
        <section class="settings-section" data-country=kind.country().map(Country::code) aria-labelledby=format!("{id}-heading")>
            <h2 id=format!("{id}-heading")>{heading}</h2>
            <label for=id.clone()>{primary_label}</label>
            <select
                id=id.clone()
                aria-invalid=move || form.is_missing(field).then_some("true")
                aria-describedby=format!("{id}-error")
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    form.change(move |d, cat| kind.set_primary(d, cat, (!value.is_empty()).then_some(value)))
                }
            >
                <option value="" selected=unset prop:selected=unset>{choose}</option>
                <For each=move || offers.get() key=|o| o.value.clone() children=option/>
            </select>
            <FieldError form field/>
            {move || match available() {
                0 => none.map(|key| view! { <p class="none">{t(key)}</p> }),
                1 => alone.map(|key| view! { <p class="none">{t(key)}</p> }),
                _ => None,
            }}
            <fieldset hidden=move || kind != Kind::Countries && available() <= 1>
                <legend>{others_label}</legend>
                <div class="choices">
                    <For each=move || offers.get() key=|o| o.value.clone() children=other/>
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
