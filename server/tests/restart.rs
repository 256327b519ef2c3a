//! Nothing read is lost on restart: the real binary reads fixture feeds from 127.0.0.1, is
//! stopped (SIGTERM), started again and resumes with conditional requests, then killed
//! (SIGKILL) and started with every outlet down: the home page, article pages, the archive,
//! search and related news all answer from the store.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const EN_TITLE: &str = "Troops arrive in Kazakhstan after unrest";
const ZH_TITLE: &str = "哈萨克斯坦发生政变 集体安全条约组织（CSTO）派兵";

mod common;
use common::Panorama;

#[derive(Clone, Default)]
struct Counts {
    full: Arc<AtomicUsize>,
    conditional: Arc<AtomicUsize>,
}

fn rss(title: &str, n: u32) -> String {
    let date = (Utc::now() - chrono::Duration::hours(1)).to_rfc2822();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Fixture</title>\
         <link>https://fixture.example/</link><item><title>{title}</title>\
         <link>https://fixture.example/{n}</link><guid>story-{n}</guid><pubDate>{date}</pubDate>\
         <description>{title}. The story continues with more words.</description></item></channel></rss>"
    )
}

async fn feed(State(counts): State<Counts>, headers: HeaderMap, title: &str, n: u32) -> Response {
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v == "\"v1\"")
    {
        counts.conditional.fetch_add(1, Ordering::SeqCst);
        return StatusCode::NOT_MODIFIED.into_response();
    }
    counts.full.fetch_add(1, Ordering::SeqCst);
    (
        [
            (header::CONTENT_TYPE, "application/rss+xml"),
            (header::ETAG, "\"v1\""),
        ],
        rss(title, n),
    )
        .into_response()
}

/// The fixture outlets on 127.0.0.1; dropping the handle takes them down.
struct Outlets {
    base: String,
    counts: Counts,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Outlets {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn outlets() -> Outlets {
    let counts = Counts::default();
    let app = Router::new()
        .route(
            "/en.xml",
            get(|s: State<Counts>, h: HeaderMap| async move { feed(s, h, EN_TITLE, 1).await }),
        )
        .route(
            "/zh.xml",
            get(|s: State<Counts>, h: HeaderMap| async move { feed(s, h, ZH_TITLE, 2).await }),
        )
        .with_state(counts.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Outlets { base, counts, task }
}

fn write_catalog(dir: &Path, base: &str) -> PathBuf {
    let path = dir.join("catalog.toml");
    std::fs::write(
        &path,
        format!(
            "countries = [\"WORLD\", \"CN\"]\nlanguages = [\"en\", \"zh\"]\ncategories = []\n\n\
             [[source]]\nid = \"wire-en\"\nname = \"Wire\"\ncountry = \"WORLD\"\nlanguage = \"en\"\n\
             homepage = \"https://fixture.example\"\n[source.feeds]\ntop = \"{base}/en.xml\"\n\n\
             [[source]]\nid = \"xin-zh\"\nname = \"Xin\"\ncountry = \"CN\"\nlanguage = \"zh\"\n\
             homepage = \"https://fixture.example\"\n[source.feeds]\ntop = \"{base}/zh.xml\"\n"
        ),
    )
    .unwrap();
    path
}

async fn start(dir: &Path, catalog: &Path) -> Panorama {
    let mut panorama = common::spawn(
        dir,
        &[
            ("PANORAMA_CATALOG", catalog.display().to_string()),
            (
                "PANORAMA_DATABASE_URL",
                format!("sqlite://{}", dir.join("data/panorama.db").display()),
            ),
            // Feeds go stale at once, so a reader's request asks the outlets again.
            ("PANORAMA_FEED_TTL_SECS", "1".into()),
            ("PANORAMA_ERROR_TTL_SECS", "1".into()),
            ("PANORAMA_DEADLINE_MS", "1500".into()),
            ("PANORAMA_RELATED_EVERY_SECS", "3600".into()),
        ],
    );
    panorama.ready(Duration::from_secs(30)).await;
    panorama
}

async fn json(url: String) -> (u16, Value) {
    let response = reqwest::get(&url).await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn text(url: String) -> (u16, String) {
    let response = reqwest::get(&url).await.unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

async fn wait_for_walk(base: &str) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        let (_, health) = json(format!("{base}/healthz")).await;
        if health["catalog_walks"].as_u64().unwrap_or(0) >= 1 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the catalog walk did not finish");
}

fn ids_by_title(page: &Value) -> Vec<(String, String)> {
    page["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(page["top"].as_array().into_iter().flatten())
        .map(|a| {
            (
                a["title"].as_str().unwrap_or_default().to_string(),
                a["id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_restart_answers_from_the_store_with_every_outlet_down() {
    let dir = common::temp_dir("restart");
    let outlets = outlets().await;
    let catalog = write_catalog(&dir, &outlets.base);
    let timeline = |base: &str| format!("{base}/api/timeline?sources=wire-en,xin-zh");

    // 1. Read the outlets, then stop with SIGTERM.
    let mut first = start(&dir, &catalog).await;
    wait_for_walk(&first.base).await;
    let (status, page) = json(timeline(&first.base)).await;
    assert_eq!(status, 200, "{page}");
    let ids = ids_by_title(&page);
    let id_of = |title: &str| {
        ids.iter()
            .find(|(t, _)| t == title)
            .map(|(_, id)| id.clone())
            .unwrap_or_else(|| panic!("{title} not in {ids:?}"))
    };
    let (en, zh) = (id_of(EN_TITLE), id_of(ZH_TITLE));
    let (status, found) = json(format!("{}/api/search?q=%E6%94%BF%E5%8F%98", first.base)).await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found["articles"][0]["id"], zh.as_str());
    first.stop("TERM", Duration::from_secs(10));
    // What the grouping learned (集体安全条约组织 stands for CSTO) was kept.
    let db = sqlx::SqlitePool::connect(&format!(
        "sqlite://{}",
        dir.join("data/panorama.db").display()
    ))
    .await
    .unwrap();
    let learned: String = sqlx::query_scalar("SELECT value FROM learned")
        .fetch_one(&db)
        .await
        .unwrap();
    db.close().await;
    assert!(learned.contains("集体安全条约组织"), "{learned}");
    let fetched = outlets.counts.full.load(Ordering::SeqCst);

    // 2. Started again, it asks the outlets conditionally (their ETags were kept): no feed is
    //    fetched whole again. Then it is killed outright.
    let mut second = start(&dir, &catalog).await;
    let (status, page) = json(timeline(&second.base)).await;
    assert_eq!(status, 200);
    assert_eq!(
        ids_by_title(&page).len(),
        2,
        "served from the store at once: {page}"
    );
    let started = Instant::now();
    while outlets.counts.conditional.load(Ordering::SeqCst) < 2
        && started.elapsed() < Duration::from_secs(10)
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let _ = json(timeline(&second.base)).await;
    }
    assert!(outlets.counts.conditional.load(Ordering::SeqCst) >= 2);
    assert_eq!(outlets.counts.full.load(Ordering::SeqCst), fetched);
    second.stop("KILL", Duration::from_secs(5));

    // 3. Every outlet down: everything answers from the store.
    drop(outlets);
    let third = start(&dir, &catalog).await;
    let base = third.base.clone();
    let (_, health) = json(format!("{base}/healthz")).await;
    assert_eq!(health["store"], "ok", "{health}");

    let (status, home) = text(format!("{base}/")).await;
    assert_eq!(status, 200);
    assert!(
        home.contains(&format!("href=\"/article/{en}\"")),
        "home page"
    );
    assert!(home.contains(EN_TITLE));

    for id in [&en, &zh] {
        let (status, article) = text(format!("{base}/article/{id}")).await;
        assert_eq!(status, 200, "article {id}");
        assert!(article.contains(EN_TITLE) || article.contains(ZH_TITLE));
        let (status, related) = json(format!("{base}/api/related?id={id}")).await;
        assert_eq!(status, 200, "{related}");
        assert!(related["coverage"].is_array());
    }

    let (status, archive) = json(format!("{base}/api/archive")).await;
    assert_eq!(status, 200, "{archive}");
    let listed: Vec<&str> = archive["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert!(
        listed.contains(&en.as_str()) && listed.contains(&zh.as_str()),
        "{archive}"
    );
    let (status, archive_page) = text(format!("{base}/archive")).await;
    assert_eq!(status, 200);
    assert!(archive_page.contains(ZH_TITLE));

    let (status, found) = json(format!("{base}/api/search?q=kazakhstan")).await;
    assert_eq!(status, 200);
    assert_eq!(found["articles"][0]["id"], en.as_str());
    let (status, search_page) = text(format!("{base}/search?q=%E6%94%BF%E5%8F%98")).await;
    assert_eq!(status, 200);
    assert!(
        search_page.contains("<mark>政变</mark>"),
        "matched words marked"
    );

    // The outlets are down: their sources show as stale, with their stories.
    let started = Instant::now();
    loop {
        let (_, page) = json(timeline(&base)).await;
        let stale = page["sources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["status"]["state"] == "stale");
        if stale {
            assert_eq!(ids_by_title(&page).len(), 2);
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "sources never showed as stale: {page}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drop(third);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_that_is_not_a_database_stops_the_server_naming_it() {
    let dir = common::temp_dir("restart");
    let db = dir.join("not-a-db.db");
    std::fs::write(&db, b"hello, I am a text file\n".repeat(200)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_panorama"))
        .env(
            "LEPTOS_SITE_ADDR",
            format!("127.0.0.1:{}", common::free_port()),
        )
        .env(
            "PANORAMA_DATABASE_URL",
            format!("sqlite://{}", db.display()),
        )
        .env("PANORAMA_RELATED_EVERY_SECS", "0")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&db.display().to_string()), "{stderr}");
    assert!(stderr.contains("not a Panorama database"), "{stderr}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        b"hello, I am a text file\n".repeat(200)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
