//! Adding feeds: one by its address or its site's (`/api/feed`), or every feed of an OPML file
//! (`/api/opml`). Both answer what the feed would become before the reader changes anything;
//! an own feed is registered under its id (see `own_feeds`), a catalog feed is that source.

use super::own_feeds::{language_of, own_id};
use crate::catalog::Source;
use crate::store::OwnFeedRow;
use app::model::{Country, FeedSlot, Language};
use std::collections::BTreeMap;
use std::net::IpAddr;
use url::Url;

/// How many of a new feed's stories its preview lists.
const PREVIEW_STORIES: usize = 5;

/// An address as a reader types it: `blog.example/feed` is `https://blog.example/feed`.
fn address(raw: &str) -> Result<Url, app::api::AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(app::api::AppError::BadRequest(
            "give the feed's address".into(),
        ));
    }
    let with_scheme = if raw.contains("://") {
        raw.to_string()
    } else {
        format!("https://{raw}")
    };
    Url::parse(&with_scheme).map_err(|e| {
        let shown: String = raw.chars().take(80).collect();
        app::api::AppError::BadRequest(format!("{shown:?} is not an address: {e}"))
    })
}

/// A fetch's failure as the add-feed dialog is told it.
fn fetch_error(e: crate::reader::fetch::FetchError) -> app::api::AppError {
    use crate::reader::fetch::FetchError;
    match e {
        FetchError::Refused(why) => app::api::AppError::Refused(why),
        other => app::api::AppError::Unreadable(other.to_string()),
    }
}

impl super::NewsService {
    /// The catalog source whose feed is at `url`, if any.
    fn catalog_feed(&self, url: &Url) -> Option<&Source> {
        self.catalog
            .sources
            .iter()
            .find(|s| s.feeds.values().any(|u| u == url))
    }

    /// Reads a feed a reader wants to add: by its address, or by its site's (the first feed
    /// the page advertises, the others offered). A feed the catalog has is that source.
    /// Otherwise the feed is read under the address rules, registered under its id, and
    /// previewed.
    pub async fn feed_preview(
        &self,
        raw: &str,
        client: Option<IpAddr>,
    ) -> Result<app::model::FeedPreview, app::api::AppError> {
        use app::api::AppError;
        let asked = address(raw)?;
        if let Some(source) = self.catalog_feed(&asked) {
            return Ok(catalog_preview(source, &asked));
        }
        // Refused before anything is spent or sent.
        self.options
            .own_feeds
            .check_url(&asked)
            .map_err(|why| AppError::Refused(why.0))?;
        if !self.own.spend(client) {
            return Err(AppError::TooMany(
                "too many new feeds at once: try again in a minute".into(),
            ));
        }
        let fetcher = &self.own.loader.fetcher;
        let mut fetched = fetcher.fetch(&asked).await.map_err(fetch_error)?;
        let mut feed_url = asked.clone();
        let mut alternatives = Vec::new();
        let looks_like_page = fetched
            .content_type
            .as_deref()
            .is_some_and(|t| t.to_ascii_lowercase().contains("html"));
        if looks_like_page {
            let page = String::from_utf8_lossy(&fetched.body);
            let mut advertised =
                crate::reader::discover::feed_links(&page, &fetched.url).into_iter();
            let Some(first) = advertised.next() else {
                return Err(AppError::Unreadable(
                    "this page is not a feed and names none".into(),
                ));
            };
            alternatives = advertised.map(String::from).collect();
            if let Some(source) = self.catalog_feed(&first) {
                return Ok(catalog_preview(source, &first));
            }
            fetched = fetcher.fetch(&first).await.map_err(fetch_error)?;
            feed_url = first;
        }
        let id = own_id(&feed_url);
        let placeholder = Source {
            id: id.clone(),
            name: feed_url.host_str().unwrap_or_default().to_string(),
            country: Country::WORLD,
            language: Language::En,
            homepage: feed_url.join("/").unwrap_or_else(|_| feed_url.clone()),
            feeds: BTreeMap::from([(FeedSlot::Top, feed_url.clone())]),
            no_feed: None,
        };
        let parsed = crate::reader::normalize::parse_feed(
            &fetched.body,
            fetched.content_type.as_deref(),
            &crate::reader::normalize::FeedContext {
                source: &placeholder,
                slot: FeedSlot::Top,
                url: &fetched.url,
                fetched_at: chrono::Utc::now(),
            },
        )
        .map_err(|e| AppError::Unreadable(e.to_string()))?;
        let language = parsed.language.as_deref().and_then(language_of);
        let row = OwnFeedRow {
            id: id.clone(),
            url: feed_url.to_string(),
            title: parsed
                .title
                .clone()
                .unwrap_or_else(|| placeholder.name.clone()),
            language: language.map(|l| l.code().to_string()),
        };
        self.store.save_own_feed(&row).await.map_err(|e| {
            tracing::error!("{e}");
            AppError::Internal
        })?;
        self.own.remember(&row);
        let mut stories: Vec<_> = parsed.articles.iter().collect();
        stories.sort_by_key(|a| std::cmp::Reverse(a.published));
        Ok(app::model::FeedPreview {
            id,
            catalog: false,
            url: row.url,
            title: row.title,
            language,
            stories: stories
                .into_iter()
                .take(PREVIEW_STORIES)
                .map(|a| app::model::PreviewStory {
                    title: a.title.clone(),
                    link: a.link.clone(),
                    published: a.published,
                })
                .collect(),
            alternatives,
        })
    }
}

/// An OPML file larger than this is not read: a list of feeds is far smaller.
const MAX_OPML_BYTES: usize = 1024 * 1024;
/// Feeds read from one file, at most.
const MAX_OPML_FEEDS: usize = 1000;

/// The country a folder names (`India`, `in`, `United States`), if it is one of Panorama's.
fn country_named(folder: &str) -> Option<Country> {
    let folder = folder.trim();
    Country::ALL
        .into_iter()
        .find(|c| c.name().eq_ignore_ascii_case(folder) || c.code().eq_ignore_ascii_case(folder))
}

impl super::NewsService {
    /// What importing an OPML file would do, feed by feed: a catalog feed is its source, an
    /// address the rules refuse is refused, the rest become own feeds (registered under their
    /// ids, at most fifty; nothing is fetched now). Nothing of the reader's changes here.
    pub async fn opml_preview(
        &self,
        text: &str,
    ) -> Result<app::model::OpmlPreview, app::api::AppError> {
        use app::api::AppError;
        use app::model::{OpmlEntry, OpmlOutcome};
        if text.len() > MAX_OPML_BYTES {
            return Err(AppError::BadRequest(format!(
                "the file is {} KB: an OPML list of feeds is far smaller than 1 MB",
                text.len() / 1024
            )));
        }
        let read =
            crate::reader::opml::read(text).map_err(|e| AppError::BadRequest(e.to_string()))?;
        let total = read.outlines.len();
        let mut entries = Vec::new();
        let mut own = 0;
        for outline in read.outlines.into_iter().take(MAX_OPML_FEEDS) {
            let skipped = |why: &str| OpmlOutcome::Skipped { why: why.into() };
            let outcome = match outline.xml_url.as_deref().map(Url::parse) {
                None => skipped("it gives only its site's address: add it by that address"),
                Some(Err(_)) => skipped("its feed address is not an address"),
                Some(Ok(url)) => {
                    if let Some(source) = self.catalog_feed(&url) {
                        OpmlOutcome::Catalog {
                            id: source.id.clone(),
                        }
                    } else if let Err(why) = self.options.own_feeds.check_url(&url) {
                        OpmlOutcome::Refused { why: why.0 }
                    } else if own >= app::api::MAX_OWN_FEEDS {
                        skipped("a reader has at most 50 own feeds")
                    } else {
                        own += 1;
                        let row = OwnFeedRow {
                            id: own_id(&url),
                            url: url.to_string(),
                            title: outline.title.clone(),
                            language: None,
                        };
                        self.store.save_own_feed(&row).await.map_err(|e| {
                            tracing::error!("{e}");
                            AppError::Internal
                        })?;
                        self.own.remember(&row);
                        OpmlOutcome::Own { id: row.id }
                    }
                }
            };
            entries.push(OpmlEntry {
                country: outline.folder.as_deref().and_then(country_named),
                url: outline.xml_url.or(outline.html_url).unwrap_or_default(),
                title: outline.title,
                outcome,
            });
        }
        let note = read.stopped.or_else(|| {
            (total > MAX_OPML_FEEDS).then(|| {
                format!("the file lists {total} feeds: the first {MAX_OPML_FEEDS} were read")
            })
        });
        Ok(app::model::OpmlPreview { entries, note })
    }
}

fn catalog_preview(source: &Source, url: &Url) -> app::model::FeedPreview {
    app::model::FeedPreview {
        id: source.id.clone(),
        catalog: true,
        url: url.to_string(),
        title: source.name.clone(),
        language: Some(source.language),
        stories: Vec::new(),
        alternatives: Vec::new(),
    }
}
