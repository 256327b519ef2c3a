//! Panorama's UI and API contract, compiled for the server (`ssr`) and to wasm (`hydrate`).

pub mod api;
pub mod components;
pub mod cookies;
pub mod dates;
pub mod display;
pub mod edition;
pub mod fill_in;
pub mod i18n;
pub mod json;
pub mod model;
pub mod pages;
pub mod prefs;
pub mod reading;
pub mod rfc3339;
pub mod sync_view;
#[cfg(feature = "hydrate")]
mod yielding;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Html, Link, MetaTags, Title, provide_meta_context};
use leptos_router::{
    Lazy, LazyRoute, ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
    lazy_route,
};
use sync_view::sync_view;

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b5cad" media="(prefers-color-scheme: light)"/>
                <meta name="theme-color" content="#131416" media="(prefers-color-scheme: dark)"/>
                <link rel="manifest" href="/manifest.webmanifest"/>
                <link rel="apple-touch-icon" href="/icons/icon-192.png"/>
                <HashedStylesheet options=options.clone() id="leptos"/>
                <AutoReload options=options.clone()/>
                <AppScripts options/>
                // The service worker only in release builds: a stale worker breaks hydration
                // while the code changes under it.
                {service_worker().then(|| view! { <script src="/pwa.js" defer></script> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Loads the app's code once the page has loaded and painted: the news shows first, then becomes
/// interactive. (Leptos's `HydrationScripts` preloads the wasm from the head, where it shares a
/// phone's bandwidth with the stylesheet that holds back the first paint.) The files are this
/// build's, by the names `hash.txt` gives them.
#[component]
fn AppScripts(options: LeptosOptions) -> impl IntoView {
    let (js, wasm) = pkg_names(&options);
    let pkg = format!("/{}", options.site_pkg_dir);
    // A lazy page's code is asked for with the main files, not after them: hydration waits
    // for both. The loader's own `fetch` then takes the preloaded answer.
    #[cfg(feature = "ssr")]
    let (split, chunks) = use_context::<http::request::Parts>()
        .and_then(|parts| page_code_files(&options, parts.uri.path()))
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let (split, chunks) = (String::new(), Vec::<String>::new());
    // The messages of the page's language, unless the wasm carries them (see `i18n::load`).
    let messages: std::collections::BTreeMap<&str, String> = i18n::fetched_languages()
        .map(|l| (l.code(), i18n::messages_path(l)))
        .collect();
    let messages = serde_json::to_string(&messages).unwrap_or_else(|_| "{}".into());
    // Once the page and its first images have loaded and painted; after 2 s at most, so an
    // outlet's slow image does not keep the page from working (nor a hidden tab, which paints
    // nothing).
    let script = r#"(() => {
  // An outlet's image that fails (hotlink protection, a dead link) is hidden rather than shown
  // as a broken box: those that failed while the page was parsed, and any that fails later
  // (lazy images, pages rendered in the browser). Error events do not bubble: listen in the
  // capture phase.
  const drop = (img) => img.classList.add('broken');
  addEventListener('error', (e) => { if (e.target instanceof HTMLImageElement) drop(e.target); }, true);
  for (const img of document.images) if (img.complete && img.naturalWidth === 0 && img.currentSrc) drop(img);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const preload = (rel, href) => {
      const link = document.createElement('link');
      link.rel = rel;
      link.href = href;
      // As the loader fetches them: same-origin, in CORS mode, so the preload is used.
      if (rel === 'preload') Object.assign(link, { as: 'fetch', crossOrigin: 'anonymous' });
      document.head.append(link);
    };
    if (@SPLIT@) preload('modulepreload', @SPLIT@);
    const messages = @MESSAGES@[document.documentElement.lang];
    if (messages) preload('preload', messages);
    for (const chunk of @CHUNKS@) preload('preload', chunk);
    import('@PKG@/@JS@.js').then((m) => m.default({ module_or_path: '@PKG@/@WASM@.wasm' }).then(() => m.hydrate()));
  };
  const afterPaint = () => requestAnimationFrame(() => setTimeout(start, 0));
  if (document.readyState === 'complete') afterPaint();
  else addEventListener('load', afterPaint, { once: true });
  setTimeout(start, 2000);
})();"#
        .replace(
            "@SPLIT@",
            &serde_json::to_string(&split).unwrap_or_else(|_| "''".into()),
        )
        .replace(
            "@CHUNKS@",
            &serde_json::to_string(&chunks).unwrap_or_else(|_| "[]".into()),
        )
        .replace("@MESSAGES@", &messages)
        .replace("@PKG@", &pkg)
        .replace("@JS@", &js)
        .replace("@WASM@", &wasm);
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}

/// The names of this build's JS and wasm files under `/pkg`, hashed when the build is.
fn pkg_names(options: &LeptosOptions) -> (String, String) {
    let output = &options.output_name;
    #[cfg(feature = "ssr")]
    if let Some(h) = build_hashes(options) {
        return (format!("{output}.{}", h.js), format!("{output}.{}", h.wasm));
    }
    (output.to_string(), output.to_string())
}

/// The hashes `cargo leptos` gave this build's files (`hash.txt`, beside the binary).
#[cfg(feature = "ssr")]
pub struct BuildHashes {
    pub js: String,
    pub wasm: String,
    pub css: String,
    /// With `--split`: the lazy pages' list of wasm files (`__wasm_split_manifest.<hash>.json`)
    /// and the script that loads them (`__wasm_split.<hash>.js`).
    pub split: Option<(String, String)>,
}

/// This build's hashes when it hashes its file names; read once, as every page names them.
#[cfg(feature = "ssr")]
pub fn build_hashes(options: &LeptosOptions) -> Option<&'static BuildHashes> {
    static HASHES: std::sync::OnceLock<Option<BuildHashes>> = std::sync::OnceLock::new();
    if !options.hash_files {
        return None;
    }
    HASHES
        .get_or_init(|| {
            let exe = std::env::current_exe().ok()?;
            let text =
                std::fs::read_to_string(exe.with_file_name(options.hash_file.as_ref())).ok()?;
            let hash = |kind: &str| {
                text.lines().find_map(|line| {
                    let (file, hash) = line.split_once(':')?;
                    (file.trim() == kind).then(|| hash.trim().to_string())
                })
            };
            Some(BuildHashes {
                js: hash("js")?,
                wasm: hash("wasm")?,
                css: hash("css")?,
                split: hash("manifest").zip(hash("split")),
            })
        })
        .as_ref()
}

/// Whether pages register the service worker: in release builds, unless the operator turns it
/// off with `PANORAMA_SERVICE_WORKER=off` (the browser tests of other features do, so a worker
/// left from one test never answers for the next).
fn service_worker() -> bool {
    #[cfg(feature = "ssr")]
    {
        static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        !cfg!(debug_assertions)
            && *ON.get_or_init(|| std::env::var("PANORAMA_SERVICE_WORKER").as_deref() != Ok("off"))
    }
    #[cfg(not(feature = "ssr"))]
    false
}

/// The page's Content Security Policy, with the nonce of this response's inline script: no
/// other inline script runs, and scripts, styles and data come from this site only (images
/// also from the outlets, over https).
#[cfg(feature = "ssr")]
fn security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' https: http: data:; connect-src 'self'; \
         font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    security_policy();
    let edition = edition::provide_edition();
    let display = display::provide_display(&edition);
    reading::provide_reading();
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

/// A `--split` build's lazy pages and the wasm files (chunk names, without `.wasm`) each needs,
/// from the manifest cargo leptos writes; read once. Empty for a build that is not split.
#[cfg(feature = "ssr")]
fn lazy_page_manifest(
    options: &LeptosOptions,
) -> &'static std::collections::BTreeMap<String, Vec<String>> {
    static MANIFEST: std::sync::OnceLock<std::collections::BTreeMap<String, Vec<String>>> =
        std::sync::OnceLock::new();
    MANIFEST.get_or_init(|| {
        let Some((manifest, _)) = build_hashes(options).and_then(|h| h.split.as_ref()) else {
            return Default::default();
        };
        let path = format!(
            "{}/{}/__wasm_split_manifest.{manifest}.json",
            options.site_root, options.site_pkg_dir
        );
        std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
            .unwrap_or_else(|e| {
                leptos::logging::error!("lazy pages' manifest {path}: {e}");
                Default::default()
            })
    })
}

/// What the page at `path` loads before it hydrates, besides the main files: the split loader
/// script and the lazy page's wasm chunks, as URLs. None for every other page.
#[cfg(feature = "ssr")]
fn page_code_files(options: &LeptosOptions, path: &str) -> Option<(String, Vec<String>)> {
    let page = LazyPage::at(path)?;
    let (_, split) = build_hashes(options)?.split.as_ref()?;
    let prefix = format!("__{}_view_", page.name());
    let chunks = lazy_page_manifest(options)
        .iter()
        .find(|(key, _)| key.starts_with(&prefix))?
        .1;
    Some(split_urls(options, split, chunks))
}

/// Every lazy page's files, each once: the split loader script, then the wasm chunks (the
/// service worker keeps them all). Empty for a build that is not split.
#[cfg(feature = "ssr")]
pub fn lazy_page_files(options: &LeptosOptions) -> Vec<String> {
    let Some((_, split)) = build_hashes(options).and_then(|h| h.split.as_ref()) else {
        return Vec::new();
    };
    let chunks: std::collections::BTreeSet<&String> =
        lazy_page_manifest(options).values().flatten().collect();
    let (script, chunks) = split_urls(options, split, chunks);
    std::iter::once(script).chain(chunks).collect()
}

/// The URLs of the split loader script (`__wasm_split.<split>.js`) and of `chunks`' wasm files.
#[cfg(feature = "ssr")]
fn split_urls<'a>(
    options: &LeptosOptions,
    split: &str,
    chunks: impl IntoIterator<Item = &'a String>,
) -> (String, Vec<String>) {
    let pkg = format!("/{}", options.site_pkg_dir);
    (
        format!("{pkg}/__wasm_split.{split}.js"),
        chunks
            .into_iter()
            .map(|c| format!("{pkg}/{c}.wasm"))
            .collect(),
    )
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
