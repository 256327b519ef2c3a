//! The HTML document around the app, and what it names, all server-side: the head, the one
//! inline script (`bootstrap.js`, with its CSP nonce), this build's hashed file names
//! (`hash.txt`), the lazy pages' wasm files (cargo leptos's split manifest), and the page's
//! Content Security Policy. The app itself (`app::App`) renders inside it on both sides.

use axum::http;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    security_policy();
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
                {registers_worker().then(|| view! { <script src="/pwa.js" defer></script> })}
                <MetaTags/>
            </head>
            <body>
                <app::App/>
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
    let (split, chunks) = use_context::<http::request::Parts>()
        .and_then(|parts| page_code_files(&options, parts.uri.path()))
        .unwrap_or_default();
    // The messages of the page's language, unless the wasm carries them (see `i18n::load`).
    let messages: std::collections::BTreeMap<&str, String> = app::i18n::fetched_languages()
        .map(|l| (l.code(), app::i18n::messages_path(l)))
        .collect();
    let messages = serde_json::to_string(&messages).unwrap_or_else(|_| "{}".into());
    // Once the page and its first images have loaded and painted; after 2 s at most, so an
    // outlet's slow image does not keep the page from working (nor a hidden tab, which paints
    // nothing).
    let script = include_str!("bootstrap.js")
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
    if let Some(h) = build_hashes(options) {
        return (format!("{output}.{}", h.js), format!("{output}.{}", h.wasm));
    }
    (output.to_string(), output.to_string())
}

/// The hashes `cargo leptos` gave this build's files (`hash.txt`, beside the binary).
pub struct BuildHashes {
    pub js: String,
    pub wasm: String,
    pub css: String,
    /// With `--split`: the lazy pages' list of wasm files (`__wasm_split_manifest.<hash>.json`)
    /// and the script that loads them (`__wasm_split.<hash>.js`).
    pub split: Option<(String, String)>,
}

/// This build's hashes when it hashes its file names; read once, as every page names them.
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
fn registers_worker() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    !cfg!(debug_assertions)
        && *ON.get_or_init(|| std::env::var("PANORAMA_SERVICE_WORKER").as_deref() != Ok("off"))
}

/// The page's Content Security Policy, with the nonce of this response's inline script: no
/// other inline script runs, and scripts, styles and data come from this site only (images
/// also from the outlets, over https).
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

/// A `--split` build's lazy pages and the wasm files (chunk names, without `.wasm`) each needs,
/// from the manifest cargo leptos writes; read once. Empty for a build that is not split.
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
                tracing::error!("lazy pages' manifest {path}: {e}");
                Default::default()
            })
    })
}

/// What the page at `path` loads before it hydrates, besides the main files: the split loader
/// script and the lazy page's wasm chunks, as URLs. None for every other page.
fn page_code_files(options: &LeptosOptions, path: &str) -> Option<(String, Vec<String>)> {
    let page = app::lazy_page_name(path)?;
    let (_, split) = build_hashes(options)?.split.as_ref()?;
    let prefix = format!("__{page}_view_");
    let chunks = lazy_page_manifest(options)
        .iter()
        .find(|(key, _)| key.starts_with(&prefix))?
        .1;
    Some(split_urls(options, split, chunks))
}

/// Every lazy page's files, each once: the split loader script, then the wasm chunks (the
/// service worker keeps them all). Empty for a build that is not split.
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
