//! The HTTP surface: Leptos pages, server functions under `/api`, static files, the service
//! worker, and the headers every response carries.

use super::document::shell;
use crate::service::NewsService;
use app::App;
use app::api::AppError;
use app::api::Backend;
use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos::server_fn::error::{SERVER_FN_ERROR_HEADER, ServerFnErrorErr};
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::trace::TraceLayer;

/// The whole application, apart from `main` so tests can drive it.
pub fn router(service: Arc<NewsService>, options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let health = service.clone();
    let backend = Backend(service);
    let worker = Arc::new(service_worker(&options));
    // Pages and API answers are compressed as they go out; the built files are compressed
    // once, at build time (`--precompress`), and served as they are. Images are compressed
    // already: squeezing them again costs CPU for nothing.
    let compression = CompressionLayer::new()
        .br(true)
        .gzip(true)
        .compress_when(DefaultPredicate::new().and(NotForContentType::const_new("image/png")));
    let mut router = Router::new();
    // The interface's messages in each language the wasm does not carry, under names that
    // change with them (`app::i18n::messages_path`).
    for language in app::i18n::fetched_languages() {
        router = router.route(
            &app::i18n::messages_path(language),
            get(move || async move {
                (
                    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    app::i18n::messages_file(language),
                )
            }),
        );
    }
    router
        .route(
            "/sw.js",
            get(move || {
                let worker = worker.clone();
                async move {
                    (
                        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                        worker.as_str().to_owned(),
                    )
                }
            }),
        )
        // For load balancers and for tests that must wait on the background walk.
        .route(
            "/healthz",
            get(move || {
                let service = health.clone();
                async move {
                    let store = service.store();
                    let health = store.check().await;
                    let leases = store.leases_held(service.instance()).await.ok();
                    let body = serde_json::json!({
                        "status": "ok",
                        "instance": service.instance(),
                        "catalog_walks": service.catalog_walks(),
                        "last_grouping": service.last_grouping(),
                        "grouping": if service.leads_grouping() { "leader" } else { "follower" },
                        "store": health.as_str(),
                        "database": store.backend().name(),
                        "leases_held": leases,
                    });
                    (
                        [(header::CONTENT_TYPE, "application/json")],
                        body.to_string(),
                    )
                }
            }),
        )
        .leptos_routes_with_context(
            &options,
            routes,
            move || provide_context(backend.clone()),
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler(shell))
        .layer(middleware::from_fn(own_owner))
        .layer(middleware::from_fn(client_addr))
        .layer(middleware::from_fn(bad_arguments))
        .layer(middleware::from_fn(super::caching::conditional))
        .layer(middleware::from_fn(headers))
        .layer(compression)
        .layer(TraceLayer::new_for_http())
        .with_state(options)
}

/// The service worker (`public/sw.js`) with this build's version and files filled in: each
/// build is a new worker, which brings its own files.
fn service_worker(options: &LeptosOptions) -> String {
    let template =
        std::fs::read_to_string(format!("{}/sw.js", options.site_root)).unwrap_or_else(|e| {
            tracing::error!("no service worker in {}: {e}", options.site_root);
            String::new()
        });
    let (name, pkg) = (&options.output_name, &options.site_pkg_dir);
    let (files, version) = match super::document::build_hashes(options) {
        Some(h) => {
            let mut files = vec![
                format!("/{pkg}/{name}.{}.js", h.js),
                format!("/{pkg}/{name}.{}.wasm", h.wasm),
                format!("/{pkg}/{name}.{}.css", h.css),
            ];
            // The lazy pages' files too: a page first opened offline still gets its code.
            files.extend(super::document::lazy_page_files(options));
            // And every language's messages: the language can be changed offline.
            files.extend(app::i18n::fetched_languages().map(app::i18n::messages_path));
            // The manifest names every chunk by its hash: any change to them is a new version.
            let manifest = h.split.as_ref().map_or("", |(m, _)| m.as_str());
            let messages = app::i18n::MESSAGES_VERSION;
            (
                files,
                format!("{}-{}-{}-{manifest}-{messages}", h.js, h.wasm, h.css),
            )
        }
        // Without hashed names the files of two builds have one name: the worker keeps none.
        None => (Vec::new(), env!("CARGO_PKG_VERSION").to_string()),
    };
    let version = format!("{version}-{}", shell_hash(options, &template));
    let list = |json: serde_json::Result<String>| json.unwrap_or_else(|_| "[]".into());
    template
        .replace("{{VERSION}}", &version)
        .replace("{{PKG}}", &list(serde_json::to_string(&files)))
        .replace("{{UNHASHED}}", &list(serde_json::to_string(&SHELL_FILES)))
}

/// The files the worker precaches under names that do not change (`SHELL_FILES`), and the
/// worker's own code, hashed: a deploy that changes only one of them is still a new version,
/// so readers get it instead of the copy their worker keeps.
fn shell_hash(options: &LeptosOptions, template: &str) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    template.hash(&mut hasher);
    for file in SHELL_FILES {
        // A missing file hashes as empty: the worker's install then fails on it, loudly.
        std::fs::read(format!("{}{file}", options.site_root))
            .unwrap_or_default()
            .hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

/// What the worker keeps besides `/pkg`, by names that do not change (its `UNHASHED`). pwa.js
/// too: offline pages still register the worker and hear of updates.
const SHELL_FILES: [&str; 4] = [
    "/pwa.js",
    "/manifest.webmanifest",
    "/favicon.svg",
    "/icons/icon-192.png",
];

/// Runs each request under a reactive owner of its own, on whatever thread polls it.
///
/// Leptos's page renderer makes its request's root owner the thread's current owner and leaves
/// it there while the page waits on feeds; the handlers of other requests (static files, server
/// functions) make their owner a child of the current one. So a file served on that thread in
/// the meantime saw the page's contexts, applied the page's `ResponseOptions` to itself (CSP,
/// `Vary`, `Set-Cookie`: one reader's cookie on another's response) and the page went out with
/// none. Under this owner, set again at every poll, a request sees only what it provides, and
/// whatever owner it leaves current is put back when the poll ends.
async fn own_owner(request: Request, next: Next) -> Response {
    let previous = Owner::current();
    // `new_root` also makes itself current: undo that at once, the polls below set it.
    let owner = Owner::new_root(None);
    match previous {
        Some(previous) => previous.set(),
        None => owner.clone().unset(),
    }
    let mut response = Box::pin(next.run(request));
    std::future::poll_fn(move |cx| owner.with(|| response.as_mut().poll(cx))).await
}

/// The client's address, where the server functions read it (`app::api::ClientAddr`): from the
/// connection (the binary serves with connect info; a router served without has none).
async fn client_addr(mut request: Request, next: Next) -> Response {
    if let Some(axum::extract::ConnectInfo(peer)) = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .copied()
    {
        request
            .extensions_mut()
            .insert(app::api::ClientAddr(peer.ip()));
    }
    next.run(request).await
}

/// A server function whose query string does not parse (`limit=-1`, a missing `id`) is
/// answered by server_fn before Panorama's code runs, and its error answers are always 500.
/// Those are the reader's mistakes: they become a 400 with a short message.
async fn bad_arguments(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let message = match serde_json::from_slice::<AppError>(&bytes) {
        Ok(AppError::ServerFn(
            ServerFnErrorErr::Args(m) | ServerFnErrorErr::Deserialization(m),
        )) => {
            format!("the query string could not be read: {}", shorten(&m))
        }
        Ok(AppError::ServerFn(ServerFnErrorErr::MissingArg(m))) => {
            format!("missing argument {}", shorten(&m))
        }
        _ => return Response::from_parts(parts, bytes.into()),
    };
    tracing::debug!("{message}");
    parts.status = StatusCode::BAD_REQUEST;
    parts.headers.remove(header::CONTENT_LENGTH);
    let body = serde_json::to_string(&AppError::BadRequest(message)).unwrap_or_default();
    Response::from_parts(parts, body.into())
}

/// At most 80 characters of a parser's message: an answer never echoes a whole request.
fn shorten(message: &str) -> String {
    let mut short: String = message.chars().take(80).collect();
    if short.len() < message.len() {
        short.push('…');
    }
    short
}

/// Security headers on every response, and how long each kind may be kept: hashed build files
/// for a year (a new build has new names), the worker and the manifest checked every time.
async fn headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await.into_response();
    let ok = response.status().is_success();
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
        ),
    );
    // Pages set their own policy, with the nonce of their inline script (document::security_policy).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
            ),
        );
    }
    let hashed = path.starts_with("/pkg/") && path.matches('.').count() >= 2;
    let cache = if hashed && ok {
        Some("public, max-age=31536000, immutable")
    } else if path == "/sw.js" || path == "/manifest.webmanifest" || path.starts_with("/pkg/") {
        Some("no-cache")
    } else {
        None
    };
    if let Some(cache) = cache {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_to_any_precached_shell_file_or_the_worker_is_a_new_version() {
        let site = std::env::temp_dir().join(format!("panorama-sw-{}", std::process::id()));
        std::fs::create_dir_all(site.join("icons")).unwrap();
        let write = |file: &str, text: &str| {
            std::fs::write(format!("{}{file}", site.display()), text).unwrap()
        };
        write(
            "/sw.js",
            "const VERSION = '{{VERSION}}'; const UNHASHED = {{UNHASHED}};",
        );
        for file in SHELL_FILES {
            write(file, "first");
        }
        let options = LeptosOptions::builder()
            .output_name("panorama")
            .site_root(site.to_string_lossy().to_string())
            .build();
        assert!(
            service_worker(&options).contains(&format!(
                "const UNHASHED = {};",
                serde_json::to_string(&SHELL_FILES).unwrap()
            )),
            "the worker is told which files it keeps"
        );
        let mut versions = vec![service_worker(&options)];
        assert_eq!(
            service_worker(&options),
            versions[0],
            "the same files, the same version"
        );
        for file in SHELL_FILES.iter().chain(&["/sw.js"]) {
            write(file, "second {{VERSION}}");
            let version = service_worker(&options);
            assert!(
                !versions.contains(&version),
                "{file} changed, the version did not: {version}"
            );
            versions.push(version);
        }
        std::fs::remove_dir_all(&site).unwrap();
    }
}
