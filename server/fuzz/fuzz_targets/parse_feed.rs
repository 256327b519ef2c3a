//! Any bytes, with any of the content types feeds arrive with, through decode + parse +
//! normalize + excerpt, and the sanitizer an article page applies: nothing may panic, and what comes out must hold the pipeline's promises.

#![no_main]

use app::model::{Country, FeedSlot, Language};
use libfuzzer_sys::fuzz_target;
use panorama_server::catalog::Source;
use panorama_server::reader::normalize::{FeedContext, parse_feed};
use std::collections::BTreeMap;

const CONTENT_TYPES: [Option<&str>; 8] = [
    None,
    Some("application/rss+xml"),
    Some("application/atom+xml; charset=utf-8"),
    Some("text/xml; charset=gb2312"),
    Some("text/xml; charset=windows-1256"),
    Some("application/feed+json"),
    Some("text/html; charset=iso-8859-1"),
    Some("text/plain; charset=utf-16"),
];

/// Tags the sanitizer must never let through (text is escaped, so `<x` only appears as a tag).
const FORBIDDEN: [&str; 9] = [
    "<script", "<style", "<iframe", "<form", "<object", "<embed", "<svg", "<meta", "<base",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let content_type = CONTENT_TYPES[selector as usize % CONTENT_TYPES.len()];
    let url = url::Url::parse("https://fuzz.example/feeds/top.xml").unwrap();
    let source = Source {
        id: "fuzz".into(),
        name: "Fuzz".into(),
        country: Country::WORLD,
        language: Language::En,
        homepage: url::Url::parse("https://fuzz.example/").unwrap(),
        feeds: BTreeMap::from([(FeedSlot::Top, url.clone())]),
        no_feed: None,
    };
    let fetched_at = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
    let ctx = FeedContext {
        source: &source,
        slot: FeedSlot::Top,
        url: &url,
        fetched_at,
    };
    let Ok(parsed) = parse_feed(body, content_type, &ctx) else {
        return;
    };
    for article in parsed.articles {
        // What an article page would show of the feed's HTML.
        let shown = panorama_server::reader::sanitize::feed_html(&article);
        let html = shown.to_ascii_lowercase();
        for tag in FORBIDDEN {
            assert!(!html.contains(tag), "{tag} survived: {shown}");
        }
        assert!(!html.contains("javascript:") || !html.contains("href=\"javascript:"));
        assert!(article.summary.chars().count() <= 281, "excerpt too long");
        assert!(article.published <= fetched_at + chrono::Duration::minutes(5));
        assert!(!article.title.contains('\n'));
        for link in std::iter::once(&article.link).chain(article.image.iter()) {
            let parsed = url::Url::parse(link).expect("links are absolute URLs");
            assert!(
                matches!(parsed.scheme(), "http" | "https"),
                "link scheme {link}"
            );
            assert!(
                !parsed.query_pairs().any(|(k, _)| k.starts_with("utm_")),
                "tracking left in {link}"
            );
        }
    }
});
