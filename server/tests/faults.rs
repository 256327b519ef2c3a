//! The hostile web, on 127.0.0.1: a fault server that hangs, drips, errs, rate-limits, sends
//! 100 MB and gzip bombs, loops redirects, serves HTML, broken XML and mis-encoded bytes. Each
//! fault must stay with its own source, as a clear error (or correct text), within the deadline,
//! while the other sources show.

use app::model::{SourceStatus, TimelinePage, TimelineQuery, Trouble};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use panorama_server::catalog::Catalog;
use panorama_server::reader::fetch::{Fetch, FetchError, FetchLimits, Fetcher, Validators};
use panorama_server::service::{NewsService, ServiceOptions};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const GB_TITLE: &str = "中国新闻：春运开始";
const AR_TITLE: &str = "أخبار الدوحة اليوم";

/// An RSS feed with one item dated an hour ago, so the source counts as fresh.
fn rss(declared: Option<&str>, title: &str) -> String {
    let declaration = declared
        .map(|e| format!("<?xml version=\"1.0\" encoding=\"{e}\"?>"))
        .unwrap_or_default();
    let date = (Utc::now() - chrono::Duration::hours(1)).to_rfc2822();
    format!(
        "{declaration}<rss version=\"2.0\"><channel><title>Fault feed</title><link>https://fault.example/</link>\
         <item><title>{title}</title><link>https://fault.example/{n}</link><guid>{n}</guid><pubDate>{date}</pubDate></item>\
         </channel></rss>",
        n = title.len()
    )
}

#[derive(Clone, Default)]
struct Counters {
    full: Arc<AtomicUsize>,
    not_modified: Arc<AtomicUsize>,
    in_flight: Arc<AtomicUsize>,
    max_in_flight: Arc<AtomicUsize>,
}

fn xml(body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, "application/rss+xml")], body.into()).into_response()
}

/// `total` bytes of `<`-free filler in 64 KiB chunks, without a Content-Length.
fn endless(total: usize) -> Body {
    let chunk = Bytes::from(vec![b' '; 64 * 1024]);
    let stream = futures::stream::unfold(0usize, move |sent| {
        let chunk = chunk.clone();
        async move { (sent < total).then(|| (Ok::<_, std::io::Error>(chunk), sent + 64 * 1024)) }
    });
    Body::from_stream(stream)
}

fn gzip_bomb() -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..100 {
        encoder.write_all(&zeros).unwrap();
    }
    encoder.finish().unwrap()
}

async fn start_fault_server() -> (String, Counters) {
    let counters = Counters::default();
    let bomb = Bytes::from(gzip_bomb());
    let app = Router::new()
        .route(
            "/good",
            get(|| async { xml(rss(Some("UTF-8"), "All is well")) }),
        )
        .route("/hang", get(std::future::pending::<Response>))
        .route(
            "/drip",
            get(|| async {
                let stream = futures::stream::unfold(0u32, |n| async move {
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    Some((Ok::<_, std::io::Error>(Bytes::from_static(b" ")), n + 1))
                });
                xml(Body::from_stream(stream))
            }),
        )
        .route("/500", get(|| async { StatusCode::INTERNAL_SERVER_ERROR }))
        .route("/404", get(|| async { StatusCode::NOT_FOUND }))
        .route(
            "/429",
            get(|| async {
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    [(header::RETRY_AFTER, "120")],
                )
            }),
        )
        .route(
            "/503",
            get(|| async {
                let when = (Utc::now() + chrono::Duration::seconds(90))
                    .format("%a, %d %b %Y %H:%M:%S GMT")
                    .to_string();
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [(header::RETRY_AFTER, when)],
                )
            }),
        )
        .route("/huge", get(|| async { xml(endless(100 * 1024 * 1024)) }))
        .route(
            "/huge-declared",
            get(|| async {
                let mut response = xml(endless(100 * 1024 * 1024));
                response
                    .headers_mut()
                    .insert(header::CONTENT_LENGTH, (100 * 1024 * 1024).into());
                response
            }),
        )
        .route(
            "/bomb",
            get(move || {
                let bomb = bomb.clone();
                async move {
                    (
                        [
                            (header::CONTENT_TYPE, "application/rss+xml"),
                            (header::CONTENT_ENCODING, "gzip"),
                        ],
                        bomb,
                    )
                }
            }),
        )
        .route(
            "/loop/a",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop/b")]) }),
        )
        .route(
            "/loop/b",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/loop/a")]) }),
        )
        .route(
            "/chain/{n}",
            get(
                |axum::extract::Path(n): axum::extract::Path<u32>| async move {
                    (
                        StatusCode::MOVED_PERMANENTLY,
                        [(header::LOCATION, format!("/chain/{}", n + 1))],
                    )
                },
            ),
        )
        .route(
            "/html",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                    "<!doctype html><html><head><title>Fault News</title>\
                     <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feeds/all.rss\">\
                     </head><body>Home page</body></html>",
                )
            }),
        )
        .route(
            "/invalid-xml",
            get(|| async { xml("<?xml version=\"1.0\"?><rss><channel><item><title>unclosed") }),
        )
        .route(
            "/bad-bytes",
            get(|| async {
                let mut body = rss(Some("UTF-8"), "Caf@ au lait").into_bytes();
                let at = body.iter().position(|b| *b == b'@').unwrap();
                body[at] = 0xE9; // Latin-1 é: not valid UTF-8 on its own
                xml(body)
            }),
        )
        .route(
            "/gb2312",
            get(|| async {
                let text = rss(Some("GB2312"), GB_TITLE);
                let (bytes, _, _) = encoding_rs::GBK.encode(&text);
                (
                    [(header::CONTENT_TYPE, "application/xml")],
                    bytes.into_owned(),
                )
            }),
        )
        .route(
            "/cp1256",
            get(|| async {
                let text = rss(None, AR_TITLE);
                let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
                (
                    [(header::CONTENT_TYPE, "text/xml; charset=windows-1256")],
                    bytes.into_owned(),
                )
            }),
        )
        .route(
            "/etag",
            get(|State(c): State<Counters>, headers: HeaderMap| async move {
                if headers
                    .get(header::IF_NONE_MATCH)
                    .is_some_and(|v| v == "\"v1\"")
                {
                    c.not_modified.fetch_add(1, Ordering::SeqCst);
                    return StatusCode::NOT_MODIFIED.into_response();
                }
                c.full.fetch_add(1, Ordering::SeqCst);
                let mut response = xml(rss(Some("UTF-8"), "Tagged story"));
                response
                    .headers_mut()
                    .insert(header::ETAG, "\"v1\"".parse().unwrap());
                response
            }),
        )
        .route(
            "/busy",
            get(|State(c): State<Counters>| async move {
                let now = c.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                c.max_in_flight.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(150)).await;
                c.in_flight.fetch_sub(1, Ordering::SeqCst);
                xml(rss(Some("UTF-8"), "Busy"))
            }),
        )
        .with_state(counters.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (base, counters)
}

fn fetcher(total: Duration) -> Fetcher {
    Fetcher::new(FetchLimits {
        total_timeout: total,
        connect_timeout: Duration::from_secs(2),
        ..FetchLimits::default()
    })
    .unwrap()
}

async fn fetch(fetcher: &Fetcher, base: &str, path: &str) -> Result<Fetch, FetchError> {
    let url = url::Url::parse(&format!("{base}{path}")).unwrap();
    fetcher.fetch_traced(&url, None).await.0
}

#[tokio::test]
async fn each_fetch_fault_is_named() {
    let (base, _) = start_fault_server().await;
    let fetcher = fetcher(Duration::from_secs(2));
    let cap = FetchLimits::default().max_body_bytes;
    let cases: Vec<(&str, FetchError)> = vec![
        ("/hang", FetchError::Timeout(2)),
        ("/drip", FetchError::Timeout(2)),
        ("/500", FetchError::Status(500)),
        ("/404", FetchError::Status(404)),
        (
            "/429",
            FetchError::RateLimited {
                status: 429,
                retry_after: Some(120),
            },
        ),
        ("/huge", FetchError::TooLarge(cap)),
        ("/huge-declared", FetchError::TooLarge(cap)),
        ("/bomb", FetchError::TooLarge(cap)),
        ("/chain/0", FetchError::TooManyRedirects(5)),
    ];
    let started = Instant::now();
    let results =
        futures::future::join_all(cases.iter().map(|(path, _)| fetch(&fetcher, &base, path))).await;
    for ((path, expected), got) in cases.iter().zip(results) {
        match got {
            Err(e) => assert_eq!(&e, expected, "{path}"),
            Ok(_) => panic!("{path}: fetched, expected {expected}"),
        }
    }
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "the limits took {:?}",
        started.elapsed()
    );

    match fetch(&fetcher, &base, "/503").await {
        Err(FetchError::RateLimited {
            status: 503,
            retry_after: Some(s),
        }) => assert!((80..=90).contains(&s), "Retry-After date read as {s} s"),
        other => panic!("/503: {other:?}"),
    }
    match fetch(&fetcher, &base, "/loop/a").await {
        Err(FetchError::RedirectLoop(chain)) => assert_eq!(
            chain,
            format!("{base}/loop/a → {base}/loop/b → {base}/loop/a")
        ),
        other => panic!("/loop/a: {other:?}"),
    }
}

#[tokio::test]
async fn a_304_keeps_what_was_fetched() {
    let (base, counters) = start_fault_server().await;
    let fetcher = fetcher(Duration::from_secs(2));
    let url = url::Url::parse(&format!("{base}/etag")).unwrap();
    let Ok(Fetch::Body(first)) = fetcher.fetch_traced(&url, None).await.0 else {
        panic!("no body");
    };
    assert_eq!(first.validators.etag.as_deref(), Some("\"v1\""));
    let (second, trace) = fetcher.fetch_traced(&url, Some(&first.validators)).await;
    assert!(matches!(second, Ok(Fetch::NotModified)));
    assert!(
        trace
            .request_headers
            .contains(&("If-None-Match".to_string(), "\"v1\"".to_string()))
    );
    let stale = Validators {
        etag: Some("\"v0\"".into()),
        last_modified: None,
    };
    assert!(matches!(
        fetcher.fetch_traced(&url, Some(&stale)).await.0,
        Ok(Fetch::Body(_))
    ));
    assert_eq!(counters.full.load(Ordering::SeqCst), 2);
    assert_eq!(counters.not_modified.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn no_more_than_the_per_host_limit_at_once() {
    let (base, counters) = start_fault_server().await;
    let fetcher = Fetcher::new(FetchLimits {
        per_host: 2,
        ..FetchLimits::default()
    })
    .unwrap();
    let all = (0..8).map(|_| fetch(&fetcher, &base, "/busy"));
    for result in futures::future::join_all(all).await {
        assert!(result.is_ok());
    }
    assert_eq!(counters.max_in_flight.load(Ordering::SeqCst), 2);
}

fn catalog(base: &str) -> Catalog {
    let faults = [
        "good",
        "hang",
        "drip",
        "500",
        "404",
        "429",
        "huge",
        "bomb",
        "loop/a",
        "html",
        "invalid-xml",
        "bad-bytes",
        "gb2312",
        "cp1256",
    ];
    let mut text =
        String::from("countries = [\"WORLD\"]\nlanguages = [\"en\"]\ncategories = [\"sports\"]\n");
    for fault in faults {
        let id = fault.replace('/', "-");
        text.push_str(&format!(
            "\n[[source]]\nid = \"{id}\"\nname = \"{id}\"\ncountry = \"WORLD\"\nlanguage = \"en\"\n\
             homepage = \"https://fault.example\"\n[source.feeds]\ntop = \"{base}/{fault}\"\n"
        ));
    }
    Catalog::parse(&text, "fault catalog").unwrap()
}

fn status<'a>(page: &'a TimelinePage, id: &str) -> &'a SourceStatus {
    &page
        .sources
        .iter()
        .find(|s| s.source_id == id)
        .unwrap()
        .status
}

fn reason(page: &TimelinePage, id: &str) -> String {
    failure(page, id).1
}

/// What the reader is told of a failed source, and the technical detail.
fn failure(page: &TimelinePage, id: &str) -> (Trouble, String) {
    match status(page, id) {
        SourceStatus::Failed { trouble, reason } => (*trouble, reason.clone()),
        other => panic!("{id}: expected a failure, got {other:?}"),
    }
}

fn titles(page: &TimelinePage) -> Vec<&str> {
    page.top
        .iter()
        .chain(&page.articles)
        .map(|a| a.title.as_str())
        .collect()
}

#[tokio::test]
async fn every_fault_stays_with_its_source_while_the_others_show() {
    let (base, _) = start_fault_server().await;
    let catalog = catalog(&base);
    let ids: Vec<String> = catalog.sources.iter().map(|s| s.id.clone()).collect();
    let service = NewsService::new(
        catalog,
        fetcher(Duration::from_secs(3)),
        ServiceOptions {
            deadline: Duration::from_secs(1),
            ..ServiceOptions::default()
        },
        panorama_server::store::Store::temporary().await.unwrap(),
    );
    let query = TimelineQuery {
        sources: ids,
        limit: 50,
        ..TimelineQuery::default()
    };

    let started = Instant::now();
    let page = service.timeline_page(query.clone()).await.unwrap();
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "the page waited {:?} past its 1 s deadline",
        started.elapsed()
    );
    assert!(matches!(
        status(&page, "good"),
        SourceStatus::Ok { items: 1, .. }
    ));
    assert!(titles(&page).contains(&"All is well"));
    // Correct text from every encoding, and a clear mark where bytes were broken.
    assert!(titles(&page).contains(&GB_TITLE), "{:?}", titles(&page));
    assert!(titles(&page).contains(&AR_TITLE), "{:?}", titles(&page));
    assert!(
        titles(&page).contains(&"Caf\u{FFFD} au lait"),
        "{:?}",
        titles(&page)
    );
    for id in ["gb2312", "cp1256", "bad-bytes"] {
        assert!(
            matches!(status(&page, id), SourceStatus::Ok { items: 1, .. }),
            "{id}"
        );
    }
    assert_eq!(status(&page, "hang"), &SourceStatus::Loading);
    assert_eq!(status(&page, "drip"), &SourceStatus::Loading);
    assert_eq!(reason(&page, "500"), "fetch: HTTP 500");
    assert_eq!(reason(&page, "404"), "fetch: HTTP 404");
    assert_eq!(reason(&page, "429"), "fetch: HTTP 429, retry after 120 s");
    assert_eq!(reason(&page, "huge"), "fetch: body exceeds 15728640 bytes");
    assert_eq!(reason(&page, "bomb"), "fetch: body exceeds 15728640 bytes");
    assert!(reason(&page, "loop-a").starts_with("fetch: redirect loop: "));
    assert_eq!(
        reason(&page, "html"),
        format!("parse: not a feed: got text/html; the page names its feed: {base}/feeds/all.rss")
    );
    assert!(reason(&page, "invalid-xml").starts_with("parse: "));
    // Each in a reader's words.
    for (id, trouble) in [
        ("500", Trouble::Server),
        ("404", Trouble::NotFound),
        ("429", Trouble::Busy),
        ("huge", Trouble::TooLarge),
        ("loop-a", Trouble::Server),
        ("html", Trouble::NotAFeed),
        ("invalid-xml", Trouble::Other),
    ] {
        assert_eq!(failure(&page, id).0, trouble, "{id}");
    }

    // The hung and dripping feeds hit the fetch limit in the background; the next page says so.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let page = service.timeline_page(query).await.unwrap();
    assert_eq!(
        failure(&page, "hang"),
        (Trouble::Unreachable, "fetch: timed out after 3 s".into())
    );
    assert_eq!(reason(&page, "drip"), "fetch: timed out after 3 s");
    assert!(matches!(
        status(&page, "good"),
        SourceStatus::Ok { items: 1, .. }
    ));
}

#[tokio::test]
async fn an_expired_feed_is_served_stale_and_revalidated_with_its_etag() {
    let (base, counters) = start_fault_server().await;
    let text = format!(
        "countries = [\"WORLD\"]\nlanguages = [\"en\"]\ncategories = [\"sports\"]\n\n\
         [[source]]\nid = \"tagged\"\nname = \"Tagged\"\ncountry = \"WORLD\"\nlanguage = \"en\"\n\
         homepage = \"https://fault.example\"\n[source.feeds]\ntop = \"{base}/etag\"\n"
    );
    let service = NewsService::new(
        Catalog::parse(&text, "etag catalog").unwrap(),
        fetcher(Duration::from_secs(2)),
        ServiceOptions {
            feed_ttl: Duration::ZERO,
            ..ServiceOptions::default()
        },
        panorama_server::store::Store::temporary().await.unwrap(),
    );
    let query = TimelineQuery {
        sources: vec!["tagged".into()],
        limit: 10,
        ..TimelineQuery::default()
    };
    for _ in 0..3 {
        let page = service.timeline_page(query.clone()).await.unwrap();
        assert_eq!(titles(&page), ["Tagged story"]);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(counters.full.load(Ordering::SeqCst), 1);
    assert!(counters.not_modified.load(Ordering::SeqCst) >= 2);

    // The background refresh revalidates what readers asked for.
    let before = counters.not_modified.load(Ordering::SeqCst);
    assert_eq!(service.refresh_recent().await, 1);
    assert_eq!(counters.not_modified.load(Ordering::SeqCst), before + 1);
}
