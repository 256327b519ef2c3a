//! Benchmark of the feed pipeline; prints figures, asserts nothing.
//!
//!     cargo run --release -p server --example bench_pipeline
//!
//! 1. parse + normalize + sanitize of one 100-item feed (UTF-8, and GB2312 to include decoding);
//! 2. merge + dedupe + page of 10,000 articles from 50 feeds with wire copies among them;
//! 3. the whole service on 127.0.0.1: 50 feeds served over HTTP, a cold timeline (every feed
//!    fetched), then warm timelines (from the cache), as a reader's request would run them.

use app::model::{FeedSlot, TimelineQuery};
use axum::Router;
use axum::extract::Path;
use axum::http::header;
use axum::routing::get;
use panorama_server::catalog::Catalog;
use panorama_server::fetch::{FetchLimits, Fetcher};
use panorama_server::normalize::{FeedContext, parse_feed};
use panorama_server::service::{NewsService, ServiceOptions};
use panorama_server::timeline;
use std::time::{Duration, Instant};

const ITEMS: usize = 100;
const FEEDS: usize = 50;

/// A realistic item body: paragraphs, links, an image, and the junk feeds carry (scripts,
/// inline styles, tracking pixels, event handlers) for the sanitizer to remove.
fn body(feed: usize, item: usize, words: &[&str]) -> String {
    let mut text = String::new();
    for p in 0..4 {
        text.push_str("<p style=\"margin:0\" onclick=\"track()\">");
        for w in 0..40 {
            text.push_str(words[(feed * 7 + item * 13 + p * 5 + w) % words.len()]);
            text.push(' ');
        }
        text.push_str(&format!(
            "<a href=\"/story/{feed}/{item}?utm_source=rss&amp;id={p}\">more</a></p>"
        ));
    }
    text.push_str(&format!(
        "<img src=\"https://img.example/{feed}/{item}.jpg\" width=\"640\" height=\"360\">\
         <script>track({item})</script><img src=\"https://t.example/pixel.gif\" width=\"1\" height=\"1\">"
    ));
    text
}

fn rss(feed: usize, declared: &str, words: &[&str], wire_every: usize) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"{declared}\"?>\n<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>\
         <title>Feed {feed}</title><link>https://outlet{feed}.example/</link><description>bench</description>\n"
    );
    for item in 0..ITEMS {
        // Every `wire_every`-th item is the same wire story in every feed.
        let (title, text) = if wire_every > 0 && item % wire_every == 0 {
            (
                format!("Wire story {item}: ministers meet on grid repairs"),
                body(0, item, words),
            )
        } else {
            (
                format!("{} {} {item}", words[(feed + item) % words.len()], feed),
                body(feed, item, words),
            )
        };
        out.push_str(&format!(
            "<item><title>{title}</title><link>https://outlet{feed}.example/news/{item}?utm_medium=feed</link>\
             <guid>f{feed}-i{item}</guid><pubDate>Mon, 17 Jan 2022 {:02}:{:02}:00 +0000</pubDate>\
             <description><![CDATA[{}]]></description>\
             <media:content url=\"https://img.example/{feed}/{item}.jpg\" type=\"image/jpeg\"/></item>\n",
            item % 24,
            (item * 7 + feed) % 60,
            text
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

const EN: &[&str] = &[
    "government",
    "officials",
    "said",
    "on",
    "Monday",
    "that",
    "the",
    "new",
    "budget",
    "would",
    "include",
    "funding",
    "for",
    "rail",
    "and",
    "power",
    "grid",
    "repairs",
    "after",
    "storms",
];
const ZH: &[&str] = &[
    "政府", "官员", "周一", "表示", "新", "预算", "将", "包括", "铁路", "和", "电网", "维修",
    "资金", "风暴", "之后",
];

fn catalog(base: &str) -> Catalog {
    let mut text =
        String::from("countries = [\"WORLD\"]\nlanguages = [\"en\"]\ncategories = [\"sports\"]\n");
    for feed in 0..FEEDS {
        text.push_str(&format!(
            "\n[[source]]\nid = \"s{feed}\"\nname = \"Outlet {feed}\"\ncountry = \"WORLD\"\nlanguage = \"en\"\n\
             homepage = \"https://outlet{feed}.example\"\n[source.feeds]\ntop = \"{base}/feed/{feed}\"\n"
        ));
    }
    Catalog::parse(&text, "bench catalog").expect("bench catalog")
}

/// Median and best of `runs` timings of `f`.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let catalog_for_parse = catalog("http://127.0.0.1:1");
    let source = &catalog_for_parse.sources[0];
    let url = url::Url::parse("https://outlet0.example/rss").expect("url");
    let ctx = FeedContext {
        source,
        slot: FeedSlot::Top,
        url: &url,
        fetched_at: chrono::Utc::now(),
    };

    println!("== parse + normalize + sanitize, one feed of {ITEMS} items");
    let utf8 = rss(1, "UTF-8", EN, 0);
    let chinese = rss(2, "GB2312", ZH, 0);
    let gb = encoding_rs::GBK.encode(&chinese).0.into_owned();
    for (name, bytes) in [
        ("UTF-8, English", utf8.as_bytes()),
        ("GB2312, Chinese", &gb[..]),
    ] {
        let mut items = 0;
        let (median, best) = time(30, || {
            items = parse_feed(bytes, Some("application/rss+xml"), &ctx)
                .expect("bench feed parses")
                .articles
                .len();
        });
        println!(
            "{name:16} {:>7.1} KB  median {:>6.2} ms  best {:>6.2} ms  {:>6.1} MB/s  {:>8.0} items/s",
            bytes.len() as f64 / 1024.0,
            ms(median),
            ms(best),
            bytes.len() as f64 / median.as_secs_f64() / 1e6,
            items as f64 / median.as_secs_f64()
        );
    }

    println!("\n== merge + dedupe + page, {FEEDS} feeds x {ITEMS} items (every 10th a wire copy)");
    let feeds: Vec<Vec<app::model::Article>> = (0..FEEDS)
        .map(|f| {
            let text = rss(f, "UTF-8", EN, 10);
            let mut articles = parse_feed(text.as_bytes(), None, &ctx)
                .expect("parses")
                .articles;
            for a in &mut articles {
                a.source_id = format!("s{f}");
            }
            articles
        })
        .collect();
    let mut merged_len = 0;
    let (median, best) = time(20, || {
        let merged = timeline::merge(feeds.iter().map(Vec::as_slice));
        merged_len = merged.len();
        let _ = timeline::page(&merged, None, 30);
    });
    println!(
        "{} articles in, {merged_len} cards out: median {:.2} ms, best {:.2} ms",
        FEEDS * ITEMS,
        ms(median),
        ms(best)
    );

    println!("\n== the service over HTTP on 127.0.0.1, {FEEDS} feeds");
    let app = Router::new().route(
        "/feed/{n}",
        get(|Path(n): Path<usize>| async move {
            (
                [(header::CONTENT_TYPE, "application/rss+xml")],
                rss(n, "UTF-8", EN, 10),
            )
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    let service = NewsService::new(
        catalog(&base),
        Fetcher::new(FetchLimits::default()).expect("fetcher"),
        ServiceOptions {
            deadline: Duration::from_secs(30),
            ..ServiceOptions::default()
        },
    );
    let query = TimelineQuery {
        sources: (0..FEEDS).map(|f| format!("s{f}")).collect(),
        limit: 30,
        ..TimelineQuery::default()
    };
    let start = Instant::now();
    let cold = service.timeline_page(query.clone()).await.expect("cold");
    println!(
        "cold (fetch + parse {FEEDS} feeds): {:.1} ms, {} sources ok",
        ms(start.elapsed()),
        cold.sources
            .iter()
            .filter(|s| matches!(
                s.status,
                app::model::SourceStatus::Ok { .. } | app::model::SourceStatus::Stale { .. }
            ))
            .count()
    );
    let runs = 200;
    let start = Instant::now();
    for _ in 0..runs {
        let _ = service.timeline_page(query.clone()).await.expect("warm");
    }
    let each = start.elapsed() / runs;
    println!(
        "warm (from the cache): {:.2} ms per timeline, {:.0} timelines/s on one task",
        ms(each),
        1.0 / each.as_secs_f64()
    );
}
