//! Panorama's UI and API contract, compiled for the server (`ssr`) and to wasm (`hydrate`).

pub mod api;
pub mod components;
pub mod edition;
pub mod model;
pub mod pages;
pub mod prefs;
pub mod reading;

use leptos::prelude::*;
use leptos_meta::{Link, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en" dir="ltr">
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
    edition::provide_edition();
    reading::provide_reading();

    view! {
        <Stylesheet id="leptos" href="/pkg/panorama.css"/>
        <Title text="Panorama"/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
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
                    <Route path=StaticSegment("archive") view=pages::archive::ArchiveRoute ssr=SsrMode::Async/>
                    <Route path=StaticSegment("privacy") view=pages::privacy::PrivacyRoute/>
                    <Route path=StaticSegment("contact") view=pages::contact::ContactRoute ssr=SsrMode::Async/>
                </Routes>
            </main>
            <components::footer::Footer/>
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
