//! The parts of Settings that act at once, apart from Save: the theme, and the preferences as
//! a file (export, import, reset).

use super::Form;
use crate::edition::Edition;
use crate::i18n::t;
#[cfg(feature = "hydrate")]
use crate::prefs::{self, Draft};
use leptos::prelude::*;

/// Light, dark, or the system's: applied at once, remembered in a cookie so the server paints
/// the next page that way.
#[component]
pub(super) fn ThemeSection() -> impl IntoView {
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
pub(super) fn FileSection(form: Form) -> impl IntoView {
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
                Some(json) => download("panorama-preferences.json", "application/json", &json),
                None => form.status.set(form.msg("settings-nothing-to-export")),
            }
        }
    };
    let import = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            let Some(file) = chosen_file(&ev) else {
                return;
            };
            leptos::task::spawn_local(async move {
                let text = text_of(&file).await;
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
                        vec![("why", why.message().render(form.lang()).into())],
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
                            .map(|n| n.message().render(form.lang()))
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

/// The file a file input's change event chose, the input emptied (so the same file chosen
/// again is a new change).
#[cfg(feature = "hydrate")]
pub(super) fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(file)
}

/// A chosen file's text; `None` when the browser cannot read it.
#[cfg(feature = "hydrate")]
pub(super) async fn text_of(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
}

/// Offers `text` as a file download, of MIME type `mime`.
#[cfg(feature = "hydrate")]
pub(super) fn download(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let href = format!(
        "data:{mime};charset=utf-8,{}",
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
