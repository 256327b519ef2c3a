//! `panorama check-catalog`: fetch every feed of the catalog and say which work.

use crate::catalog::{Catalog, Source};
use crate::reader::fetch::{Fetch, Fetcher};
use crate::reader::normalize::{FeedContext, parse_feed};
use app::model::FeedSlot;
use chrono::{DateTime, Utc};
use futures::StreamExt;

/// Feeds fetched at once (the fetcher still limits each host).
const CONCURRENCY: usize = 16;

/// One feed of one source, or a source without a feed.
#[derive(Clone, Debug)]
pub struct Row {
    pub source: String,
    /// `top`, a category slug, or `-` for a source without a feed.
    pub feed: String,
    pub status: Option<u16>,
    pub items: Option<usize>,
    pub newest: Option<DateTime<Utc>>,
    pub error: Option<String>,
    /// Sources without a feed are listed, not failed: the catalog says why they have none.
    pub no_feed: bool,
}

impl Row {
    pub fn works(&self) -> bool {
        self.error.is_none() && !self.no_feed
    }
}

async fn check_feed(fetcher: &Fetcher, source: &Source, slot: FeedSlot, url: &url::Url) -> Row {
    let mut row = Row {
        source: source.id.clone(),
        feed: slot.key().to_string(),
        status: None,
        items: None,
        newest: None,
        error: None,
        no_feed: false,
    };
    let (result, trace) = fetcher.fetch_traced(url, None).await;
    row.status = trace.hops.last().map(|h| h.status);
    match result {
        Ok(Fetch::Body(fetched)) => {
            let ctx = FeedContext {
                source,
                slot,
                url: &fetched.url,
                fetched_at: Utc::now(),
            };
            match parse_feed(&fetched.body, fetched.content_type.as_deref(), &ctx) {
                Ok(parsed) if parsed.articles.is_empty() => {
                    row.items = Some(0);
                    row.error = Some("the feed has no items".into());
                }
                Ok(parsed) => {
                    row.items = Some(parsed.articles.len());
                    row.newest = parsed.articles.iter().map(|a| a.published).max();
                }
                Err(e) => row.error = Some(e.to_string()),
            }
        }
        Ok(Fetch::NotModified) => row.error = Some("fetch: HTTP 304 to a plain GET".into()),
        Err(e) => row.error = Some(e.to_string()),
    }
    row
}

/// Every feed of every source, in catalog order.
pub async fn check_catalog(catalog: &Catalog, fetcher: &Fetcher) -> Vec<Row> {
    let mut jobs = Vec::new();
    let mut rows: Vec<Option<Row>> = Vec::new();
    for source in &catalog.sources {
        if source.feeds.is_empty() {
            rows.push(Some(Row {
                source: source.id.clone(),
                feed: "-".into(),
                status: None,
                items: None,
                newest: None,
                error: source.no_feed.clone(),
                no_feed: true,
            }));
        }
        for (slot, url) in &source.feeds {
            jobs.push((rows.len(), source, *slot, url));
            rows.push(None);
        }
    }
    let done: Vec<(usize, Row)> =
        futures::stream::iter(jobs)
            .map(|(at, source, slot, url)| async move {
                (at, check_feed(fetcher, source, slot, url).await)
            })
            .buffer_unordered(CONCURRENCY)
            .collect()
            .await;
    for (at, row) in done {
        rows[at] = Some(row);
    }
    rows.into_iter().flatten().collect()
}

/// Sources that have feeds, none of which works.
pub fn failing_sources(rows: &[Row]) -> Vec<&str> {
    let mut failing: Vec<&str> = Vec::new();
    for row in rows.iter().filter(|r| !r.no_feed) {
        let id = row.source.as_str();
        let any_works = rows.iter().any(|r| r.source == id && r.works());
        if !any_works && !failing.contains(&id) {
            failing.push(id);
        }
    }
    failing
}

fn age(newest: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - newest).num_minutes().max(0);
    match minutes {
        0..60 => format!("{minutes} min"),
        60..2880 => format!("{} h", minutes / 60),
        _ => format!("{} d", minutes / 1440),
    }
}

/// The rows as an aligned text table, then a summary line.
pub fn render(rows: &[Row], now: DateTime<Utc>) -> String {
    let header = ["SOURCE", "FEED", "HTTP", "ITEMS", "NEWEST", "ERROR"];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.source.clone(),
                r.feed.clone(),
                r.status.map_or("-".into(), |s| s.to_string()),
                r.items.map_or("-".into(), |n| n.to_string()),
                r.newest.map_or("-".into(), |n| age(n, now)),
                match (&r.error, r.no_feed) {
                    (Some(why), true) => format!("no feed: {why}"),
                    (Some(e), false) => e.clone(),
                    (None, _) => String::new(),
                },
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |row: [&str; 6]| {
        let mut out = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            out.push_str(cell);
            if i + 1 < row.len() {
                out.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        out.trim_end().to_string()
    };
    let mut out = line(header);
    out.push('\n');
    for row in &cells {
        out.push_str(&line(row.each_ref().map(String::as_str)));
        out.push('\n');
    }
    let with_feeds: Vec<&str> = {
        let mut ids: Vec<&str> = Vec::new();
        for r in rows.iter().filter(|r| !r.no_feed) {
            if !ids.contains(&r.source.as_str()) {
                ids.push(&r.source);
            }
        }
        ids
    };
    let without = rows.iter().filter(|r| r.no_feed).count();
    let failing = failing_sources(rows);
    out.push_str(&format!(
        "{} sources with feeds: {} working, {} failing{}; {} without a feed\n",
        with_feeds.len(),
        with_feeds.len() - failing.len(),
        failing.len(),
        if failing.is_empty() {
            String::new()
        } else {
            format!(" ({})", failing.join(", "))
        },
        without
    ));
    out
}
