//! Readers' own feeds on the real binary, and the rules that keep them from the server's own
//! network. The fixture outlet listens on 127.0.0.1 and counts every request: with the
//! default rules no spelling of a loopback address reaches it; with
//! `PANORAMA_ALLOW_PRIVATE_FEEDS=true` the same feed is read, shown to the reader who names
//! it, and to no one else (not in search, not in the archive). Nothing here leaves 127.0.0.0/8.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use panorama_server::reader::address_rules::AddressRules;
use panorama_server::reader::fetch::{FetchError, FetchLimits, Fetcher};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use url::Url;

mod common;

const OWN_TITLE: &str = "Allotment society elects its treasurer";
const WIRE_TITLE: &str = "Parliament passes the budget";

/// An outlet on 127.0.0.1 that counts what it is asked.
struct Outlet {
    base: String,
    port: u16,
    hits: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Outlet {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn rss(title: &str, item: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title>\
         <link>https://fixture.example/</link><language>en-GB</language>\
         <item><title>{item}</title><link>https://fixture.example/{n}</link>\
         <guid>{item}</guid><pubDate>Mon, 17 Jan 2022 11:00:00 +0000</pubDate></item>\
         </channel></rss>",
        n = item.len()
    )
}

async fn outlet(redirect_to: Option<String>) -> Outlet {
    let hits = Arc::new(AtomicUsize::new(0));
    let xml = |body: String| ([(header::CONTENT_TYPE, "application/rss+xml")], body);
    let app = Router::new()
        .route("/own.xml", get(move || async move { xml(rss("Village News", OWN_TITLE)) }))
        .route("/wire.xml", get(move || async move { xml(rss("Wire", WIRE_TITLE)) }))
        .route(
            "/site.html",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                    "<!doctype html><html><head><title>Village</title>\
                     <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/own.xml\">\
                     <link rel=\"alternate\" type=\"application/atom+xml\" href=\"/atom.xml\">\
                     </head><body>Hello</body></html>",
                )
            }),
        )
        .route(
            "/moved",
            get(move || {
                let to = redirect_to.clone();
                async move {
                    match to {
                        Some(to) => Redirect::temporary(&to).into_response(),
                        None => StatusCode::NOT_FOUND.into_response(),
                    }
                }
            }),
        )
        .layer(axum::middleware::from_fn_with_state(
            hits.clone(),
            |State(hits): State<Arc<AtomicUsize>>, request, next: axum::middleware::Next| async move {
                hits.fetch_add(1, Ordering::SeqCst);
                next.run(request).await
            },
        ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let task = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Outlet {
        base: format!("http://127.0.0.1:{port}"),
        port,
        hits,
        task,
    }
}

fn write_catalog(dir: &Path, base: &str) -> PathBuf {
    let path = dir.join("catalog.toml");
    std::fs::write(
        &path,
        format!(
            "countries = [\"WORLD\"]\nlanguages = [\"en\"]\ncategories = []\n\n\
             [[source]]\nid = \"wire-en\"\nname = \"Wire\"\ncountry = \"WORLD\"\nlanguage = \"en\"\n\
             homepage = \"https://fixture.example\"\n[source.feeds]\ntop = \"{base}/wire.xml\"\n"
        ),
    )
    .unwrap();
    path
}

async fn start(dir: &Path, catalog: &Path, env: &[(&str, String)]) -> common::Panorama {
    let mut vars = vec![
        ("PANORAMA_CATALOG", catalog.display().to_string()),
        (
            "PANORAMA_DATABASE_URL",
            format!("sqlite://{}", dir.join("panorama.db").display()),
        ),
        ("PANORAMA_RELATED_EVERY_SECS", "0".to_string()),
        ("PANORAMA_DEADLINE_MS", "3000".to_string()),
    ];
    vars.extend(env.iter().cloned());
    let mut panorama = common::spawn(dir, &vars);
    panorama.ready(Duration::from_secs(30)).await;
    panorama
}

async fn ask(url: String) -> (u16, Value) {
    let response = reqwest::get(url).await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn post_opml(base: &str, text: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(format!("{base}/api/opml"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(
            url::form_urlencoded::Serializer::new(String::new())
                .append_pair("text", text)
                .finish(),
        )
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&body).unwrap_or(Value::String(body)),
    )
}

fn feed_url(base: &str, address: &str) -> String {
    let mut url = Url::parse(&format!("{base}/api/feed")).unwrap();
    url.query_pairs_mut().append_pair("url", address);
    url.to_string()
}

/// A name of this machine that resolves to loopback only (its host name, in /etc/hosts), to
/// show the resolver's check: the URL check passes a name, the addresses it resolves to don't.
fn loopback_name() -> String {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_string();
    let all_loopback = std::net::ToSocketAddrs::to_socket_addrs(&(name.as_str(), 80))
        .map(|addrs| {
            let addrs: Vec<_> = addrs.collect();
            !addrs.is_empty() && addrs.iter().all(|a| a.ip().is_loopback())
        })
        .unwrap_or(false);
    assert!(
        all_loopback,
        "this machine's name {name:?} should resolve to loopback only"
    );
    name
}

#[tokio::test]
async fn no_spelling_of_loopback_reaches_the_outlet_and_the_operator_can_allow_it() {
    let outlet = outlet(None).await;
    let dir = common::temp_dir("own-refused");
    let catalog = write_catalog(&dir, &outlet.base);
    // The fixture's port is allowed, so each refusal below is the address rule's.
    let panorama = start(
        &dir,
        &catalog,
        &[("PANORAMA_OWN_FEED_PORTS", outlet.port.to_string())],
    )
    .await;
    let port = outlet.port;
    let host = loopback_name();
    for address in [
        format!("http://127.0.0.1:{port}/own.xml"),
        format!("http://127.1:{port}/own.xml"),
        format!("http://2130706433:{port}/own.xml"),
        format!("http://0x7f.0.0.1:{port}/own.xml"),
        format!("http://0177.0.0.1:{port}/own.xml"),
        format!("http://[::1]:{port}/own.xml"),
        format!("http://[::ffff:127.0.0.1]:{port}/own.xml"),
        format!("http://localhost:{port}/own.xml"),
        format!("http://{host}:{port}/own.xml"),
        format!("http://0.0.0.0:{port}/own.xml"),
    ] {
        let (status, body) = ask(feed_url(&panorama.base, &address)).await;
        assert_eq!(status, 403, "{address}: {body}");
        let why = body.to_string();
        assert!(
            why.contains("loopback") || why.contains("IPv4") || why.contains("unspecified"),
            "{address}: {why}"
        );
    }
    // Other schemes and ports are refused too.
    let (status, body) = ask(feed_url(&panorama.base, "file:///etc/passwd")).await;
    assert_eq!(status, 403, "{body}");
    let (status, body) = ask(feed_url(&panorama.base, "ftp://127.0.0.1/feed")).await;
    assert_eq!(status, 403, "{body}");
    // An OPML file is read, not fetched: the catalog's feed is its source, a loopback own
    // feed is refused with its rule, a site-only entry is skipped.
    let opml = format!(
        "<opml><body><outline text=\"World\">\
         <outline text=\"Wire\" xmlUrl=\"{base}/wire.xml\"/>\
         <outline text=\"Village & Co\" xmlUrl=\"{base}/own.xml\"/>\
         <outline text=\"Site\" htmlUrl=\"https://site.example/\"/></outline></body></opml>",
        base = outlet.base
    );
    let (status, preview) = post_opml(&panorama.base, &opml).await;
    assert_eq!(status, 200, "{preview}");
    let kinds: Vec<&str> = preview["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["outcome"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["catalog", "refused", "skipped"]);
    assert_eq!(preview["entries"][0]["country"], "WORLD");
    assert_eq!(preview["entries"][1]["title"], "Village & Co");
    // What is not OPML, an entity bomb and a 2 MB file change nothing: a 4xx with the reason.
    for (file, says) in [
        ("<rss version=\"2.0\"/>".to_string(), "not an OPML file"),
        (
            "<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><opml><body/></opml>"
                .into(),
            "entities",
        ),
        (
            format!("<opml><body>{}</body></opml>", " ".repeat(2 << 20)),
            "",
        ),
    ] {
        let (status, body) = post_opml(&panorama.base, &file).await;
        assert!((400..500).contains(&status), "{status} {body}");
        assert!(body.to_string().contains(says), "{body}");
    }
    assert_eq!(
        outlet.hits.load(Ordering::SeqCst),
        0,
        "a refused address was asked"
    );
    // Not an address at all: a 400.
    let (status, _) = ask(feed_url(&panorama.base, "http://")).await;
    assert_eq!(status, 400);
    let (status, _) = ask(format!("{}/api/feed", panorama.base)).await;
    assert_eq!(status, 400);

    // The catalog's feeds, which the operator chose, still read from 127.0.0.1; an own id no
    // one added is left out of the timeline rather than failing it.
    let (status, page) = ask(format!(
        "{}/api/timeline?sources=wire-en,own-000000000000",
        panorama.base
    ))
    .await;
    assert_eq!(status, 200, "{page}");
    assert!(page.to_string().contains(WIRE_TITLE));
    assert!(outlet.hits.load(Ordering::SeqCst) > 0);

    // The operator's switch: the same outlet is read.
    drop(panorama);
    let open = start(
        &dir,
        &catalog,
        &[("PANORAMA_ALLOW_PRIVATE_FEEDS", "true".to_string())],
    )
    .await;
    let (status, preview) = ask(feed_url(&open.base, &format!("{}/own.xml", outlet.base))).await;
    assert_eq!(status, 200, "{preview}");
    assert_eq!(preview["title"], "Village News");
    assert_eq!(preview["language"], "en");
    assert_eq!(preview["catalog"], false);
    assert_eq!(preview["stories"][0]["title"], OWN_TITLE);
}

#[tokio::test]
async fn an_own_feed_reaches_the_reader_who_names_it_and_no_one_else() {
    let outlet = outlet(None).await;
    let dir = common::temp_dir("own-private");
    let catalog = write_catalog(&dir, &outlet.base);
    let panorama = start(
        &dir,
        &catalog,
        &[("PANORAMA_ALLOW_PRIVATE_FEEDS", "true".to_string())],
    )
    .await;
    let base = &panorama.base;
    // Added by its site's address: the page's first advertised feed, the other offered.
    let (status, preview) = ask(feed_url(base, &format!("{}/site.html", outlet.base))).await;
    assert_eq!(status, 200, "{preview}");
    let id = preview["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("own-") && id.len() == 16, "{id}");
    assert_eq!(preview["url"], format!("{}/own.xml", outlet.base));
    assert_eq!(
        preview["alternatives"][0],
        format!("{}/atom.xml", outlet.base)
    );
    // The same address is the same id; a catalog feed's address is that source.
    let (_, again) = ask(feed_url(base, &format!("{}/own.xml", outlet.base))).await;
    assert_eq!(again["id"], id.as_str());
    let (_, wire) = ask(feed_url(base, &format!("{}/wire.xml", outlet.base))).await;
    assert_eq!(
        (wire["id"].as_str(), wire["catalog"].as_bool()),
        (Some("wire-en"), Some(true))
    );

    // The reader who names it sees its stories among the catalog's.
    let (status, mine) = ask(format!("{base}/api/timeline?sources=wire-en,{id}&limit=50")).await;
    assert_eq!(status, 200, "{mine}");
    let text = mine.to_string();
    assert!(
        text.contains(OWN_TITLE) && text.contains(WIRE_TITLE),
        "{text}"
    );
    // Its story opens on Panorama's article page.
    let story = mine["articles"]
        .as_array()
        .unwrap()
        .iter()
        .chain(mine["top"].as_array().unwrap())
        .find(|a| a["title"] == OWN_TITLE)
        .unwrap()
        .clone();
    let (status, _) = ask(format!(
        "{base}/api/article?id={}",
        story["id"].as_str().unwrap()
    ))
    .await;
    assert_eq!(status, 200);

    // No one else: not the default edition, not search, not the archive.
    let (_, others) = ask(format!("{base}/api/timeline?sources=wire-en&limit=50")).await;
    assert!(!others.to_string().contains(OWN_TITLE));
    // Give the writer a moment: the catalog's story is searchable, the own one never.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (_, found) = ask(format!("{base}/api/search?q=budget")).await;
        if found.to_string().contains(WIRE_TITLE) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the catalog's story is never searchable"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, found) = ask(format!("{base}/api/search?q=treasurer")).await;
    assert!(!found.to_string().contains(OWN_TITLE), "{found}");
    // The reader who names it finds it, among the catalog's stories.
    let (_, mine) = ask(format!("{base}/api/search?q=treasurer&own={id}")).await;
    assert!(mine.to_string().contains(OWN_TITLE), "{mine}");
    let (_, theirs) = ask(format!("{base}/api/search?q=budget&own={id}")).await;
    let titles = theirs.to_string();
    assert!(
        titles.contains(WIRE_TITLE) && !titles.contains(OWN_TITLE),
        "{titles}"
    );
    let (_, archive) = ask(format!("{base}/api/archive?day=2022-01-17")).await;
    assert!(archive.to_string().contains(WIRE_TITLE), "{archive}");
    assert!(!archive.to_string().contains(OWN_TITLE), "{archive}");

    // More than 50 own feeds in one edition is a 400.
    let many: Vec<String> = (0..51).map(|n| format!("own-{n:012x}")).collect();
    let (status, _) = ask(format!("{base}/api/timeline?sources={}", many.join(","))).await;
    assert_eq!(status, 400);

    // One client adds at most ten new feeds a minute.
    let mut statuses = Vec::new();
    for n in 0..12 {
        let (status, _) = ask(feed_url(base, &format!("{}/own.xml?copy={n}", outlet.base))).await;
        statuses.push(status);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
}

#[tokio::test]
async fn every_hop_of_a_redirect_is_checked_before_it_is_asked() {
    // The second outlet is where the redirect leads: it must never be asked.
    let target = outlet(None).await;
    let first = outlet(Some(format!("{}/own.xml", target.base))).await;
    let to_ftp = outlet(Some("ftp://127.0.0.1/own.xml".into())).await;
    // Loopback allowed (the fixtures are there), but only the first outlets' ports: the
    // redirect to the target's port is refused at its hop.
    let rules = AddressRules {
        allow_private: true,
        any_port: false,
        extra_ports: vec![first.port, to_ftp.port],
    };
    let fetcher = Fetcher::guarded(FetchLimits::default(), rules).unwrap();
    let moved = Url::parse(&format!("{}/moved", first.base)).unwrap();
    match fetcher.fetch(&moved).await {
        Err(FetchError::Refused(why)) => {
            assert!(why.contains(&format!("port {}", target.port)), "{why}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(first.hits.load(Ordering::SeqCst), 1);
    assert_eq!(
        target.hits.load(Ordering::SeqCst),
        0,
        "the redirect's target was asked"
    );
    let moved = Url::parse(&format!("{}/moved", to_ftp.base)).unwrap();
    assert!(
        matches!(fetcher.fetch(&moved).await, Err(FetchError::Refused(why)) if why.contains("ftp"))
    );
    // A name that resolves to loopback is refused by the resolver, before any connection.
    let strict = Fetcher::guarded(
        FetchLimits::default(),
        AddressRules {
            extra_ports: vec![target.port],
            ..AddressRules::default()
        },
    )
    .unwrap();
    let named = Url::parse(&format!(
        "http://{}:{}/own.xml",
        loopback_name(),
        target.port
    ))
    .unwrap();
    match strict.fetch(&named).await {
        Err(FetchError::Refused(why)) => assert!(why.contains("loopback"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(target.hits.load(Ordering::SeqCst), 0);
}

/// An RSS feed of `items` (title, description), published minutes ago: inside the window
/// More Related News groups.
fn recent_rss(feed_title: &str, items: &[(&str, &str)]) -> String {
    let now = chrono::Utc::now();
    let items: String = items
        .iter()
        .enumerate()
        .map(|(n, (title, description))| {
            format!(
                "<item><title>{title}</title><description>{description}</description>\
                 <link>https://fixture.example/{feed}/{n}</link><guid>{title}</guid>\
                 <pubDate>{date}</pubDate></item>",
                feed = feed_title.len(),
                date = (now - chrono::Duration::minutes(10 + n as i64)).to_rfc2822()
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{feed_title}</title>\
         <link>https://fixture.example/</link><language>en</language>{items}</channel></rss>"
    )
}

const CSTO_WIRE: &str = "Kazakhstan asks CSTO for troops as protests spread in Almaty";
const CSTO_OWN: &str = "Tokayev calls in CSTO troops after the Almaty protests";
const OTHER_WIRE: &str = "Microsoft to buy Activision Blizzard for $68.7 billion";

#[tokio::test]
async fn an_own_feeds_story_finds_its_story_among_the_catalogs_for_its_reader_alone() {
    let wire = recent_rss(
        "Wire",
        &[
            (
                CSTO_WIRE,
                "President Kassym-Jomart Tokayev asked the Collective Security Treaty \
                 Organization (CSTO) for help; Russian paratroopers landed in Almaty.",
            ),
            (
                OTHER_WIRE,
                "Microsoft agreed to buy the video game maker Activision Blizzard, \
                 the largest deal in the history of the games industry.",
            ),
        ],
    );
    let own = recent_rss(
        "Steppe Blog",
        &[(
            CSTO_OWN,
            "Tokayev turned to the CSTO alliance; Russian troops arrived in Almaty \
             as the protests spread across Kazakhstan.",
        )],
    );
    let xml = |body: String| ([(header::CONTENT_TYPE, "application/rss+xml")], body);
    let app = Router::new()
        .route("/wire.xml", get(move || async move { xml(wire) }))
        .route("/own.xml", get(move || async move { xml(own) }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let outlet = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let dir = common::temp_dir("own-related");
    let catalog = write_catalog(&dir, &outlet);
    let allow = [("PANORAMA_ALLOW_PRIVATE_FEEDS", "true".to_string())];
    let mut panorama = start(&dir, &catalog, &allow).await;
    let base = panorama.base.clone();
    let (status, preview) = ask(feed_url(&base, &format!("{outlet}/own.xml"))).await;
    assert_eq!(status, 200, "{preview}");
    let feed = preview["id"].as_str().unwrap().to_string();

    let (status, page) = ask(format!(
        "{base}/api/timeline?sources=wire-en,{feed}&limit=50"
    ))
    .await;
    assert_eq!(status, 200, "{page}");
    let id_of = |title: &str| {
        page["articles"]
            .as_array()
            .unwrap()
            .iter()
            .chain(page["top"].as_array().unwrap())
            .find(|a| a["title"] == title)
            .map(|a| a["id"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("{title} is not on the page: {page}"))
    };
    let (mine, theirs) = (id_of(CSTO_OWN), id_of(CSTO_WIRE));

    // The own story's More Related News: the catalog's report of the same event, and why.
    let (status, related) = ask(format!("{base}/api/related?id={mine}")).await;
    assert_eq!(status, 200, "{related}");
    let articles = related["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1, "{related}");
    assert_eq!(articles[0]["id"], theirs.as_str());
    let shared = articles[0]["shared"].to_string();
    assert!(shared.contains("CSTO"), "{shared}");
    let (status, article) = ask(format!("{base}/api/article?id={mine}")).await;
    assert_eq!(status, 200, "{article}");
    assert_eq!(article["related"]["articles"][0]["id"], theirs.as_str());

    // The catalog's story never names the reader's own one.
    let (_, catalogs) = ask(format!("{base}/api/related?id={theirs}")).await;
    assert!(!catalogs.to_string().contains(&mine), "{catalogs}");

    // Kept in the store: after a restart, with the outlet gone, the link still opens.
    panorama.stop("TERM", Duration::from_secs(10));
    task.abort();
    let panorama = start(&dir, &catalog, &allow).await;
    let (status, article) = ask(format!("{}/api/article?id={mine}", panorama.base)).await;
    assert_eq!(status, 200, "{article}");
    assert_eq!(article["article"]["title"], CSTO_OWN);
}
