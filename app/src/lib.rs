//! Panorama's UI and API contract, compiled for the server (`ssr`) and to wasm (`hydrate`).

pub mod api;
pub mod components;
pub mod cookies;
pub mod display;
pub mod edition;
pub mod fill_in;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod prefs;
pub mod reading;

use leptos::prelude::*;
use leptos_meta::{Html, Link, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let edition = edition::provide_edition();
    let display = display::provide_display(&edition);
    reading::provide_reading();
    provide_context(pages::settings::SettingsStatus(RwSignal::new(None)));
    let theme = move || match display.theme.get() {
        display::Theme::System => None,
        theme => Some(theme.key()),
    };
    let language = Memo::new(move |_| display.language());
    let lang = move || language.get().code();
    let dir = move || {
        if language.get().is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    };

    view! {
        <Html attr:lang=lang attr:dir=dir attr:data-theme=theme/>
        <Stylesheet id="leptos" href="/pkg/panorama.css"/>
        <Title text="Panorama"/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            // Everything under the router is rebuilt when the interface language changes, so
            // no component needs to re-read it: every text is looked up as it is rendered.
            {move || {
                language.track();
                view! {
            <components::header::Header/>
            <components::notices::Notices/>
            <main id="main">
                // Async: the timeline is in the server's HTML before any script runs. The
                // pipeline bounds how long that takes (cold feeds wait only up to a deadline).
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=StaticSegment("") view=pages::home::HomePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("c"), ParamSegment("category")) view=pages::home::HomePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("article"), ParamSegment("id")) view=pages::article::ArticleRoute ssr=SsrMode::Async/>
                    <Route path=StaticSegment("settings") view=pages::settings::SettingsPage/>
                    <Route path=StaticSegment("saved") view=pages::saved::SavedRoute/>
                    <Route path=StaticSegment("archive") view=pages::archive::ArchiveRoute ssr=SsrMode::Async/>
                    <Route path=StaticSegment("privacy") view=pages::privacy::PrivacyRoute/>
                    <Route path=StaticSegment("contact") view=pages::contact::ContactRoute ssr=SsrMode::Async/>
                </Routes>
            </main>
            <components::footer::Footer/>
            <components::keys::KeyboardHelp/>
                }
            }}
        </Router>
    }
}

/// The wasm entry point: takes over the server's HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
    // Marks the page interactive: browser tests wait for it, and CSS may use it.
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
