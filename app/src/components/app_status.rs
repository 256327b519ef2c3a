//! What the installed app says about itself: reading offline from the copy the service worker
//! kept ("Offline, showing news from ..."), and a new version ready to load. The worker and its
//! registration (`public/sw.js`, `public/pwa.js`) talk to the page through DOM events and the
//! `data-offline-from` mark on `<html>`.

use crate::i18n::{message_with, t};

/// The Cache Storage cache where the service worker keeps pages for reading offline (the
/// worker, `public/sw.js`, names it so too).
pub const PAGES_CACHE: &str = "panorama-pages";
use leptos::prelude::*;

/// What the worker told this page, for as long as the page lives. Kept above the views that
/// the interface language rebuilds: the listeners are installed once per page, not once per
/// language shown (each set would reload the page again on coming back online).
#[derive(Clone, Copy)]
struct Status {
    /// When the shown copy was saved (`data-offline-from`), as the worker wrote it.
    saved_at: RwSignal<Option<String>>,
    update_ready: RwSignal<bool>,
}

/// Listens to the service worker for the page's lifetime (see [`AppStatus`]).
pub fn provide_app_status() {
    let status = Status {
        saved_at: RwSignal::new(None),
        update_ready: RwSignal::new(false),
    };
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::watch(status.saved_at, status.update_ready));
    provide_context(status);
}

#[component]
pub fn AppStatus() -> impl IntoView {
    let status = use_context::<Status>()?;
    let language = crate::i18n::language();
    let reload = move |_| {
        #[cfg(feature = "hydrate")]
        browser::dispatch("panorama:reload", None);
    };
    Some(view! {
        {move || status.saved_at.get().map(|saved_at| {
            // The time the shown copy was saved, as the interface language writes it.
            #[cfg(feature = "hydrate")]
            let time = browser::local_time(&saved_at, language);
            #[cfg(not(feature = "hydrate"))]
            let time = saved_at;
            let text = message_with(language, "offline-banner", vec![("time", time.into())]);
            view! { <p class="offline-banner" role="status" data-offline>{text}</p> }
        })}
        {move || status.update_ready.get().then(|| view! {
            <div class="update-prompt" role="status" data-update>
                <span>{t("update-ready")}</span>
                <button type="button" class="primary" on:click=reload>{t("update-reload")}</button>
            </div>
        })}
    })
}

/// Asks the service worker to keep a copy of `path` for reading offline (a saved story).
#[cfg(feature = "hydrate")]
pub fn keep_offline(path: &str) {
    browser::dispatch("panorama:keep", Some(path));
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::model::Language;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    pub fn dispatch(name: &str, detail: Option<&str>) {
        let init = web_sys::CustomEventInit::new();
        if let Some(detail) = detail {
            init.set_detail(&detail.into());
        }
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = document().dispatch_event(&event);
        }
    }

    async fn server_answers() -> bool {
        let init = web_sys::RequestInit::new();
        init.set_cache(web_sys::RequestCache::NoStore);
        let answer = wasm_bindgen_futures::JsFuture::from(
            window().fetch_with_str_and_init("/healthz", &init),
        )
        .await;
        answer
            .ok()
            .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
            .is_some_and(|r| r.ok())
    }

    /// `saved_at` in the reader's time zone, as `language` writes it (else as it is).
    pub fn local_time(saved_at: &str, language: Language) -> String {
        use crate::components::when::browser::{DateStyle, format};
        let date = js_sys::Date::new(&saved_at.into());
        format(language, DateStyle::LocalTime, &date).unwrap_or_else(|| saved_at.to_string())
    }

    pub fn watch(saved_at: RwSignal<Option<String>>, update_ready: RwSignal<bool>) {
        let shown_from = document()
            .document_element()
            .and_then(|html| html.get_attribute("data-offline-from"));
        if let Some(shown_from) = shown_from {
            saved_at.set(Some(shown_from));
            // Back online: the news of now, not the copy. The browser's word is not enough: it
            // says "online" when a network comes back that may not reach Panorama (and Chromium
            // says it spuriously while a navigation starts, which the reload would cancel), so
            // the server is asked first.
            let back = Closure::<dyn Fn()>::new(|| {
                wasm_bindgen_futures::spawn_local(async {
                    if server_answers().await {
                        let _ = window().location().reload();
                    }
                });
            });
            let _ =
                window().add_event_listener_with_callback("online", back.as_ref().unchecked_ref());
            back.forget();
        }
        let ready = Closure::<dyn Fn()>::new(move || update_ready.set(true));
        let _ = document().add_event_listener_with_callback(
            "panorama:update-ready",
            ready.as_ref().unchecked_ref(),
        );
        ready.forget();
    }
}
