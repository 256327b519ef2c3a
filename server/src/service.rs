//! NewsService: the pipeline behind the API (catalog → fetch → normalize → cache → timeline).

use crate::cache::{FeedCache, FeedResult};
use crate::catalog::{Catalog, Source};
use crate::fetch::Fetcher;
use crate::normalize::{FeedContext, parse_feed};
use crate::timeline::{self, Cursor};
use app::api::{AppError, NewsBackend};
use app::model::{
    Article, CatalogView, EditionSource, FeedSlot, SourceState, SourceStatus, TimelineFilter,
    TimelinePage, TimelineQuery,
};
use chrono::Utc;
use futures::future::BoxFuture;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// How many of the lead source's stories the "Top from <Source>" strip shows.
pub const TOP_STORIES: usize = 4;

/// How the service behaves; see `Config` for where each comes from.
#[derive(Clone, Debug)]
pub struct ServiceOptions {
    pub feed_ttl: Duration,
    pub error_ttl: Duration,
    /// How long a timeline request waits for feeds not yet cached before answering with what
    /// it has.
    pub deadline: Duration,
}

impl Default for ServiceOptions {
    fn default() -> Self {
        ServiceOptions {
            feed_ttl: Duration::from_secs(10 * 60),
            error_ttl: Duration::from_secs(60),
            deadline: Duration::from_secs(2),
        }
    }
}

pub struct NewsService {
    catalog: Arc<Catalog>,
    fetcher: Fetcher,
    cache: Arc<FeedCache>,
    options: ServiceOptions,
}

impl NewsService {
    pub fn new(catalog: Catalog, fetcher: Fetcher, options: ServiceOptions) -> Arc<NewsService> {
        Arc::new(NewsService {
            catalog: Arc::new(catalog),
            fetcher,
            cache: Arc::new(FeedCache::new(options.feed_ttl, options.error_ttl)),
            options,
        })
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The feed's items, from the cache or fetched now. Runs as its own task so a fetch that
    /// outlives a request's deadline still completes and fills the cache.
    fn feed(
        &self,
        source: &Source,
        slot: FeedSlot,
        url: &Url,
    ) -> tokio::task::JoinHandle<FeedResult> {
        let (cache, fetcher, source, url) = (
            self.cache.clone(),
            self.fetcher.clone(),
            source.clone(),
            url.clone(),
        );
        tokio::spawn(async move {
            cache
                .get(&url, || async {
                    let fetched = fetcher.fetch(&url).await.map_err(|e| e.to_string())?;
                    let ctx = FeedContext {
                        source: &source,
                        slot,
                        url: &fetched.url,
                        fetched_at: Utc::now(),
                    };
                    parse_feed(&fetched.body, &ctx).map_err(|e| e.to_string())
                })
                .await
        })
    }

    pub async fn timeline_page(&self, query: TimelineQuery) -> Result<TimelinePage, AppError> {
        let edition: Vec<&Source> = if query.sources.is_empty() {
            self.catalog.default_edition()
        } else {
            let unknown: Vec<&str> = query
                .sources
                .iter()
                .map(String::as_str)
                .filter(|id| self.catalog.source(id).is_none())
                .collect();
            if !unknown.is_empty() {
                return Err(AppError::BadRequest(format!(
                    "unknown source {}",
                    unknown.join(", ")
                )));
            }
            query
                .sources
                .iter()
                .filter_map(|id| self.catalog.source(id))
                .collect()
        };
        let in_filter = |filter: &TimelineFilter, source: &Source| match filter {
            TimelineFilter::Country(country) => source.country == *country,
            TimelineFilter::Source(id) => source.id == *id,
        };
        let filter = query
            .filter
            .clone()
            .filter(|f| edition.iter().any(|s| in_filter(f, s)));
        let sources: Vec<&Source> = edition
            .iter()
            .copied()
            .filter(|s| filter.as_ref().is_none_or(|f| in_filter(f, s)))
            .collect();
        let cursor = match &query.cursor {
            None => None,
            Some(c) => Some(
                Cursor::decode(c)
                    .ok_or_else(|| AppError::BadRequest(format!("bad cursor {c:?}")))?,
            ),
        };

        // Every feed this request needs, started at once.
        let deadline = tokio::time::Instant::now() + self.options.deadline;
        let mut per_source = Vec::with_capacity(sources.len());
        for source in &sources {
            let feeds: Vec<_> = source
                .feeds
                .iter()
                .filter(|(slot, _)| match query.category {
                    None => true,
                    Some(c) => **slot == FeedSlot::Category(c),
                })
                .map(|(slot, url)| self.feed(source, *slot, url))
                .collect();
            per_source.push((*source, feeds));
        }

        let mut results: Vec<(&Source, Vec<Option<FeedResult>>)> =
            Vec::with_capacity(per_source.len());
        for (source, handles) in per_source {
            let mut outcomes = Vec::with_capacity(handles.len());
            for handle in handles {
                outcomes.push(match tokio::time::timeout_at(deadline, handle).await {
                    Ok(Ok(result)) => Some(result),
                    Ok(Err(join_error)) => {
                        tracing::error!(source = %source.id, "feed task failed: {join_error}");
                        Some(FeedResult {
                            fetched_at: Utc::now(),
                            outcome: Err("internal error".into()),
                        })
                    }
                    // Past the deadline: the task goes on and fills the cache for the next request.
                    Err(_) => None,
                });
            }
            results.push((source, outcomes));
        }

        let merged = timeline::merge(
            results
                .iter()
                .flat_map(|(_, outcomes)| outcomes.iter().flatten())
                .filter_map(|r| r.outcome.as_ref().ok())
                .map(|articles| articles.as_slice()),
        );
        let states = results
            .iter()
            .map(|(source, outcomes)| source_state(source, outcomes, &merged))
            .collect();
        // The lead source's newest stories lead the unfiltered timeline. They are taken out
        // of every page of it, not only the first, so paging never shows one of them again.
        let lead = (filter.is_none() && edition.len() > 1)
            .then(|| edition.first())
            .flatten();
        let top: Vec<Article> = lead
            .map(|lead| {
                merged
                    .iter()
                    .filter(|a| a.source_id == lead.id)
                    .take(TOP_STORIES)
                    .cloned()
                    .collect()
            })
            // A strip that would leave the timeline under it empty is only a detour.
            .filter(|_| {
                merged
                    .iter()
                    .any(|a| lead.is_some_and(|l| a.source_id != l.id))
            })
            .unwrap_or_default();
        let rest: Vec<Article> = if top.is_empty() {
            merged
        } else {
            merged
                .into_iter()
                .filter(|a| !top.iter().any(|t| t.id == a.id))
                .collect()
        };
        let (articles, next) = timeline::page(&rest, cursor.as_ref(), query.limit);
        Ok(TimelinePage {
            generated_at: Utc::now(),
            category: query.category,
            edition: edition
                .iter()
                .map(|s| EditionSource {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    country: s.country,
                    language: s.language,
                })
                .collect(),
            filter,
            top: if cursor.is_none() { top } else { Vec::new() },
            articles,
            sources: states,
            next_cursor: next.map(|c| c.encode()),
        })
    }
}

fn source_state(
    source: &Source,
    outcomes: &[Option<FeedResult>],
    merged: &[Article],
) -> SourceState {
    let ok: Vec<&FeedResult> = outcomes
        .iter()
        .flatten()
        .filter(|r| r.outcome.is_ok())
        .collect();
    let errors: Vec<&str> = outcomes
        .iter()
        .flatten()
        .filter_map(|r| r.outcome.as_ref().err())
        .map(String::as_str)
        .collect();
    let status = if outcomes.is_empty() {
        SourceStatus::NoFeed
    } else if let Some(newest) = ok.iter().map(|r| r.fetched_at).max() {
        SourceStatus::Ok {
            items: merged.iter().filter(|a| a.source_id == source.id).count(),
            fetched_at: newest,
        }
    } else if outcomes.iter().any(Option::is_none) {
        SourceStatus::Loading
    } else {
        let mut reasons = errors.clone();
        reasons.dedup();
        SourceStatus::Failed {
            reason: reasons.join("; "),
        }
    };
    SourceState {
        source_id: source.id.clone(),
        source_name: source.name.clone(),
        status,
    }
}

impl NewsBackend for NewsService {
    fn catalog(&self) -> CatalogView {
        self.catalog.view()
    }

    fn timeline(
        self: Arc<Self>,
        query: TimelineQuery,
    ) -> BoxFuture<'static, Result<TimelinePage, AppError>> {
        Box::pin(async move { self.timeline_page(query).await })
    }
}
