//! Panorama's UI and API contract, compiled for the server (`ssr`) and to wasm (`hydrate`).

pub mod api;
pub mod components;
pub mod dates;
pub mod display;
pub mod edition;
pub mod fill_in;
pub mod i18n;
pub mod json;
pub mod model;
pub mod opml;
pub mod pages;
pub mod prefs;
pub mod reading;
pub mod rfc3339;
pub mod storage;
pub mod sync_view;
pub mod topics;
#[cfg(feature = "hydrate")]
mod yielding;

use leptos::prelude::*;
use leptos_meta::{Html, Link, Title, provide_meta_context};
use leptos_router::{
    Lazy, LazyRoute, ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
    lazy_route,
};
use sync_view::sync_view;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let edition = edition::provide_edition();
    let display = display::provide_display(edition);
    reading::provide_reading();
    topics::provide_topics();
    components::app_status::provide_app_status();
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

    // The timeline answers both `/` and `/c/<category>` (it reads the category itself).
    let home = || sync_view(view! { <pages::home::HomePage/> });

    view! {
        <Html
            attr:lang=lang
            attr:dir=dir
            attr:data-theme=theme
            attr:data-view=move || display.compact.get().then_some("compact")
        />
        <Title text="Panorama"/>
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Router>
            // Everything under the router is rebuilt when the interface language changes, so
            // no component needs to re-read it: every text is looked up as it is rendered.
            {sync_view(move || {
                language.track();
                view! {
            <components::header::Header/>
            <components::notices::Notices/>
            <components::app_status::AppStatus/>
            <main id="main">
                // Async: the timeline is in the server's HTML before any script runs. The
                // pipeline bounds how long that takes (cold feeds wait only up to a deadline).
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=StaticSegment("") view=home ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("c"), ParamSegment("category")) view=home ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("article"), ParamSegment("id")) view={Lazy::<ArticlePage>::new()} ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("story"), ParamSegment("id")) view={Lazy::<StoryPage>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("settings") view={Lazy::<SettingsPage>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("saved") view={Lazy::<SavedPage>::new()}/>
                    <Route path=StaticSegment("archive") view={Lazy::<ArchivePage>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("search") view={Lazy::<SearchPage>::new()} ssr=SsrMode::Async/>
                    <Route path=StaticSegment("privacy") view={Lazy::<PrivacyPage>::new()}/>
                    <Route path=StaticSegment("contact") view={Lazy::<ContactPage>::new()} ssr=SsrMode::Async/>
                </Routes>
            </main>
            <components::footer::Footer/>
            <components::keys::KeyboardHelp/>
                }
            })}
        </Router>
    }
}

/// The wasm entry point: takes over the server's HTML, once the code of the page it shows is
/// here (a lazy page's, see [`lazy_page!`]). Hydration itself stays synchronous: were the router
/// to wait for that code mid-hydration, the stored preferences and saved stories read meanwhile
/// would already have changed what the page renders, and it would no longer match the server's.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let path = window().location().pathname().unwrap_or_default();
    // The language the server wrote the page in: its messages must be here to hydrate it.
    let language = document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|code| model::Language::from_code(&code))
        .unwrap_or(model::Language::En);
    yielding::init();
    wasm_bindgen_futures::spawn_local(async move {
        futures::join!(load_page_code(&path), i18n::load(language));
        yielding::hydrating(
            || {
                leptos::mount::hydrate_body(App);
            },
            // Marks the page interactive, its effects run: browser tests wait for it, and CSS
            // may use it.
            || {
                if let Some(root) = document().document_element() {
                    let _ = root.set_attribute("data-hydrated", "");
                }
            },
        );
    });
}

/// Loads the code of the lazy page at `path`, if it is one.
#[cfg(feature = "hydrate")]
async fn load_page_code(path: &str) {
    match LazyPage::at(path) {
        Some(LazyPage::Article) => ArticlePage::preload().await,
        Some(LazyPage::Story) => StoryPage::preload().await,
        Some(LazyPage::Settings) => SettingsPage::preload().await,
        Some(LazyPage::Saved) => SavedPage::preload().await,
        Some(LazyPage::Archive) => ArchivePage::preload().await,
        Some(LazyPage::Search) => SearchPage::preload().await,
        Some(LazyPage::Privacy) => PrivacyPage::preload().await,
        Some(LazyPage::Contact) => ContactPage::preload().await,
        None => {}
    }
}

/// The lazy pages (see [`lazy_page!`]), each known by the first segment of its path, as the
/// routes in [`App`] give it. A page missing here fails loudly: its code is not loaded before
/// hydration, and the router refuses to hydrate it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum LazyPage {
    Article,
    Story,
    Settings,
    Saved,
    Archive,
    Search,
    Privacy,
    Contact,
}

impl LazyPage {
    fn at(path: &str) -> Option<LazyPage> {
        Some(
            match path.trim_start_matches('/').split('/').next().unwrap_or("") {
                "article" => LazyPage::Article,
                "story" => LazyPage::Story,
                "settings" => LazyPage::Settings,
                "saved" => LazyPage::Saved,
                "archive" => LazyPage::Archive,
                "search" => LazyPage::Search,
                "privacy" => LazyPage::Privacy,
                "contact" => LazyPage::Contact,
                _ => return None,
            },
        )
    }

    /// Its type's name in snake case, as `#[lazy_route]` names the page's view: cargo leptos's
    /// split manifest lists the page's files under `__<name>_view_<hash>`.
    #[cfg(feature = "ssr")]
    fn name(self) -> &'static str {
        match self {
            LazyPage::Article => "article_page",
            LazyPage::Story => "story_page",
            LazyPage::Settings => "settings_page",
            LazyPage::Saved => "saved_page",
            LazyPage::Archive => "archive_page",
            LazyPage::Search => "search_page",
            LazyPage::Privacy => "privacy_page",
            LazyPage::Contact => "contact_page",
        }
    }
}

/// The name of the lazy page at `path` (see [`LazyPage::name`]), for the server to name the
/// page's code files in the document.
#[cfg(feature = "ssr")]
pub fn lazy_page_name(path: &str) -> Option<&'static str> {
    LazyPage::at(path).map(LazyPage::name)
}

/// A page whose code is loaded only when a reader opens it. Built with `cargo leptos --split`
/// (every build, through `.ci/leptos.sh`: one without it does not run), each of these is its
/// own wasm file, so the timeline, the page most visits start on, does not download the
/// settings editor, the story reader and the rest.
macro_rules! lazy_page {
    ($name:ident, $page:path) => {
        struct $name;

        #[lazy_route]
        impl LazyRoute for $name {
            fn data() -> Self {
                $name
            }

            fn view(_this: Self) -> AnyView {
                sync_view(view! { <$page/> }).into_any()
            }
        }
    };
}

lazy_page!(ArticlePage, pages::article::ArticleRoute);
lazy_page!(StoryPage, pages::story::StoryRoute);
lazy_page!(SettingsPage, pages::settings::SettingsPage);
lazy_page!(SavedPage, pages::saved::SavedRoute);
lazy_page!(ArchivePage, pages::archive::ArchiveRoute);
lazy_page!(SearchPage, pages::search::SearchRoute);
lazy_page!(PrivacyPage, pages::privacy::PrivacyRoute);
lazy_page!(ContactPage, pages::contact::ContactRoute);
