//! The `panorama` binary, run as an operator runs it: `inspect-feed` on a file and on URLs served
//! from 127.0.0.1, and the server's refusal to boot with a bad catalog.

use axum::Router;
use axum::http::{StatusCode, header};
use axum::routing::get;
use std::process::Command;

fn inspect(input: &str) -> (bool, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_panorama"))
        .args(["inspect-feed", input])
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.success(), json)
}

#[test]
fn a_file_prints_its_articles() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/atom.xml");
    let (ok, json) = inspect(path);
    assert!(ok);
    assert_eq!(json["articles"][0]["title"], "दिल्ली में भारी बारिश");
    assert_eq!(
        json["articles"][0]["link"],
        "https://hindi.example/desh/delhi-rain"
    );
    assert_eq!(json["articles"][0]["published"], "2022-01-17T04:00:00Z");
    assert!(json.get("error").is_none());
}

#[test]
fn a_missing_file_is_an_error_with_a_failing_exit_code() {
    let (ok, json) = inspect("/nonexistent/feed.xml");
    assert!(!ok);
    assert!(
        json["error"]
            .as_str()
            .unwrap()
            .starts_with("inspect: cannot read /nonexistent/feed.xml")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn urls_are_fetched_and_failures_explained() {
    let rss = include_str!("../testdata/rss2.xml");
    let app = Router::new()
        .route(
            "/rss.xml",
            get(move || async move { ([(header::CONTENT_TYPE, "application/rss+xml")], rss) }),
        )
        .route("/gone", get(|| async { StatusCode::GONE }))
        .route(
            "/moved",
            get(|| async {
                (
                    StatusCode::MOVED_PERMANENTLY,
                    [(header::LOCATION, "/rss.xml")],
                )
            }),
        )
        .route(
            "/home",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/html")],
                    include_str!("../testdata/not-a-feed.html"),
                )
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let run = |path: &'static str| {
        let url = format!("{base}{path}");
        tokio::task::spawn_blocking(move || inspect(&url))
    };
    let (ok, json) = run("/rss.xml").await.unwrap();
    assert!(ok, "{json}");
    assert_eq!(json["status"], 200);
    assert_eq!(json["content_type"], "application/rss+xml");
    assert_eq!(json["articles"].as_array().unwrap().len(), 4);

    let (ok, json) = run("/gone").await.unwrap();
    assert!(!ok);
    assert_eq!(json["error"], "fetch: HTTP 410");

    let (ok, json) = run("/home").await.unwrap();
    assert!(!ok);
    assert_eq!(
        json["error"],
        format!("parse: not a feed: got text/html; the page names its feed: {base}/rss.xml")
    );

    // The trace: headers sent, each hop, the charset chosen.
    let (ok, json) = run("/moved").await.unwrap();
    assert!(ok, "{json}");
    let hops = json["fetch"]["hops"].as_array().unwrap();
    assert_eq!(hops.len(), 2, "{json}");
    assert_eq!(hops[0]["status"], 301);
    assert_eq!(hops[0]["url"], format!("{base}/moved"));
    assert_eq!(hops[1]["status"], 200);
    assert_eq!(json["final_url"], format!("{base}/rss.xml"));
    let sent = json["fetch"]["request_headers"].to_string();
    assert!(sent.contains("Panorama/"), "{sent}");
    assert_eq!(json["charset"]["encoding"], "UTF-8");
    assert_eq!(json["charset"]["from"], "xml_declaration");
}

#[test]
fn a_bad_catalog_stops_the_server_at_boot_naming_file_entry_and_field() {
    let dir = std::env::temp_dir().join(format!("panorama-bad-catalog-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("catalog.toml");
    std::fs::write(
        &path,
        "countries = [\"IN\"]\nlanguages = [\"en\"]\ncategories = [\"sports\"]\n\n\
         [[source]]\nid = \"x-en\"\nname = \"X\"\ncountry = \"Atlantis\"\nlanguage = \"en\"\n\
         homepage = \"https://x.example\"\nno_feed = \"none\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_panorama"))
        .env("PANORAMA_CATALOG", &path)
        // Were it to start, it would listen here; it must not get that far.
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!(
        "panorama: catalog {}: source #1 (id \"x-en\"): field `country`: unknown country \"Atlantis\"; known: IN",
        path.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn check_catalog_prints_a_table_and_fails_on_a_source_with_no_working_feed() {
    let rss = include_str!("../testdata/rss2.xml");
    let app = Router::new()
        .route(
            "/rss.xml",
            get(move || async move { ([(header::CONTENT_TYPE, "application/rss+xml")], rss) }),
        )
        .route("/gone", get(|| async { StatusCode::GONE }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let dir = std::env::temp_dir().join(format!("panorama-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let catalog = dir.join("catalog.toml");
    let entry = |id: &str, feeds: &str| {
        format!(
            "\n[[source]]\nid = \"{id}\"\nname = \"{id}\"\ncountry = \"WORLD\"\nlanguage = \"en\"\n\
             homepage = \"https://x.example\"\n{feeds}\n"
        )
    };
    let write = |sources: &str| {
        std::fs::write(
            &catalog,
            format!(
                "countries = [\"WORLD\"]\nlanguages = [\"en\"]\ncategories = [\"sports\"]\n{sources}"
            ),
        )
        .unwrap();
    };
    let good = entry(
        "good-en",
        &format!("[source.feeds]\ntop = \"{base}/rss.xml\"\nsports = \"{base}/gone\""),
    );
    let silent = entry("silent-en", "no_feed = \"publishes none\"");
    let gone = entry("gone-en", &format!("[source.feeds]\ntop = \"{base}/gone\""));
    let run = |catalog: std::path::PathBuf| {
        tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_panorama"))
                .arg("check-catalog")
                .env("PANORAMA_CATALOG", catalog)
                .output()
                .unwrap()
        })
    };

    // One working feed is enough for a source; a source without a feed is listed, not failed.
    write(&format!("{good}{silent}"));
    let out = run(catalog.clone()).await.unwrap();
    let table = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{table}");
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["SOURCE", "FEED", "HTTP", "ITEMS", "NEWEST", "ERROR"]
    );
    let top: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(&top[..4], ["good-en", "top", "200", "4"], "{table}");
    assert!(
        lines[2].contains("sports") && lines[2].contains("fetch: HTTP 410"),
        "{table}"
    );
    assert!(lines[3].contains("no feed: publishes none"), "{table}");
    assert!(
        table.contains("1 sources with feeds: 1 working, 0 failing; 1 without a feed"),
        "{table}"
    );

    write(&format!("{good}{gone}"));
    let out = run(catalog.clone()).await.unwrap();
    let table = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!out.status.success(), "{table}");
    assert!(
        table.contains("2 sources with feeds: 1 working, 1 failing (gone-en)"),
        "{table}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
