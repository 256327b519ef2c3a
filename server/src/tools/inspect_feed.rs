//! `panorama inspect-feed`: what Panorama would show for one feed, as JSON.

use crate::catalog::Source;
use crate::reader::charset::Decoding;
use crate::reader::fetch::{Fetch, Fetcher, Trace};
use crate::reader::normalize::{FeedContext, parse_feed};
use crate::record::Record;
use app::model::{Article, Country, FeedSlot, Language};
use chrono::Utc;
use serde::Serialize;
use std::collections::BTreeMap;
use url::Url;

#[derive(Serialize)]
pub struct Inspection {
    /// The URL or file read.
    pub input: String,
    /// Where the body finally came from, for URLs (after redirects).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// For URLs: the headers sent, each hop with its status and time, the response headers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetch: Option<Trace>,
    /// How the bytes were decoded: the encoding and where it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charset: Option<Decoding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub articles: Vec<Article>,
}

/// Reads a URL (http or https) or a file and normalizes it as a feed of an ad-hoc source.
pub async fn inspect_feed(input: &str, fetcher: &Fetcher) -> Inspection {
    let mut report = Inspection {
        input: input.to_string(),
        final_url: None,
        status: None,
        content_type: None,
        fetch: None,
        charset: None,
        error: None,
        articles: Vec::new(),
    };
    let (body, base) = if input.starts_with("http://") || input.starts_with("https://") {
        let url = match Url::parse(input) {
            Ok(u) => u,
            Err(e) => {
                report.error = Some(format!("inspect: {input:?} is not a URL: {e}"));
                return report;
            }
        };
        let (result, trace) = fetcher.fetch_traced(&url, None).await;
        report.fetch = Some(trace);
        match result {
            Ok(Fetch::Body(f)) => {
                report.final_url = Some(f.url.to_string());
                report.status = Some(f.status);
                report.content_type = f.content_type;
                (f.body, f.url)
            }
            Ok(Fetch::NotModified) => {
                report.error = Some("fetch: HTTP 304 to an unconditional request".into());
                return report;
            }
            Err(e) => {
                report.error = Some(e.to_string());
                return report;
            }
        }
    } else {
        let path = std::path::Path::new(input);
        let body = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                report.error = Some(format!("inspect: cannot read {input}: {e}"));
                return report;
            }
        };
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let base = Url::from_file_path(&absolute)
            .unwrap_or_else(|_| Url::parse("file:///").expect("valid URL"));
        (body, base)
    };
    let source = Source {
        id: "inspect".into(),
        name: base.host_str().unwrap_or("file").to_string(),
        country: Country::WORLD,
        language: Language::En,
        homepage: base.clone(),
        feeds: BTreeMap::from([(FeedSlot::Top, base.clone())]),
        no_feed: None,
    };
    let ctx = FeedContext {
        source: &source,
        slot: FeedSlot::Top,
        url: &base,
        fetched_at: Utc::now(),
    };
    match parse_feed(&body, report.content_type.as_deref(), &ctx) {
        Ok(parsed) => {
            report.articles = parsed.articles.iter().map(Record::wire).collect();
            report.charset = Some(parsed.decoding);
        }
        Err(e) => report.error = Some(e.to_string()),
    }
    report
}
