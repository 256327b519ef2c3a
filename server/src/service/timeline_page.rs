//! Timeline pages: the feeds a page needs, gathered up to the deadline, assembled (see
//! `news::timeline::assemble`), and kept a moment for the next reader while no feed changed.

use super::NewsService;
use crate::catalog::Source;
use crate::news::timeline::{self, Cursor};
use crate::reader::cache::FeedResult;
use app::api::AppError;
use app::api::OWN_PREFIX;
use app::model::{FeedSlot, SourceStatus, TimelineFilter, TimelinePage, TimelineQuery};
use chrono::Utc;
use std::time::Duration;
use url::Url;

/// A page as built, with what it was built from.
pub(super) struct Memo {
    generation: u64,
    made: std::time::Instant,
    page: TimelinePage,
    /// When a request started rebuilding it: meanwhile the others get this page rather than
    /// all rebuilding at once. (A rebuild whose request went away is forgotten after a while.)
    rebuilding_since: Option<std::time::Instant>,
}

/// How long a rebuild may take before another request tries.
const REBUILD_GRACE: Duration = Duration::from_secs(10);

/// Pages remembered at most; past it the memo starts over (it refills in a second).
const MEMO_PAGES: usize = 512;

impl NewsService {
    /// The feed's items, from the cache or fetched now. Runs as its own task so a fetch that
    /// outlives a request's deadline still completes and fills the cache.
    fn feed(
        &self,
        source: &Source,
        slot: FeedSlot,
        url: &Url,
    ) -> tokio::task::JoinHandle<FeedResult> {
        // An own feed is read under the address rules, its stories kept apart.
        let loader = if source.id.starts_with(OWN_PREFIX) {
            self.own.loader.clone()
        } else {
            self.loader.clone()
        };
        let (cache, source, url) = (self.cache.clone(), source.clone(), url.clone());
        tokio::spawn(async move {
            let feed_url = url.clone();
            cache
                .get(&feed_url, move |validators| {
                    loader.load(source, slot, url, validators)
                })
                .await
        })
    }

    /// A timeline page: from the micro-cache while no feed changed, else built.
    pub async fn timeline_page(&self, query: TimelineQuery) -> Result<TimelinePage, AppError> {
        if self.options.page_memo.is_zero() {
            return self.build_page(query).await;
        }
        let key = format!("{query:?}");
        let generation = self.cache.generation();
        {
            let mut memo = self.memo.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(m) = memo.get_mut(&key) {
                if m.generation == generation && m.made.elapsed() < self.options.page_memo {
                    return Ok(m.page.clone());
                }
                if m.rebuilding_since
                    .is_some_and(|t| t.elapsed() < REBUILD_GRACE)
                {
                    return Ok(m.page.clone());
                }
                m.rebuilding_since = Some(std::time::Instant::now());
            }
        }
        let built = self.build_page(query).await;
        let mut memo = self.memo.lock().unwrap_or_else(|p| p.into_inner());
        let page = match built {
            Ok(page) => page,
            Err(e) => {
                if let Some(m) = memo.get_mut(&key) {
                    m.rebuilding_since = None;
                }
                return Err(e);
            }
        };
        // A page still waiting for feeds is not kept: the reader's retry must see them arrive.
        if page
            .sources
            .iter()
            .any(|s| s.status == SourceStatus::Loading)
        {
            memo.remove(&key);
        } else {
            if memo.len() >= MEMO_PAGES {
                memo.clear();
            }
            memo.insert(
                key,
                Memo {
                    generation,
                    made: std::time::Instant::now(),
                    page: page.clone(),
                    rebuilding_since: None,
                },
            );
        }
        Ok(page)
    }

    async fn build_page(&self, query: TimelineQuery) -> Result<TimelinePage, AppError> {
        // A reader's own feeds, by the ids the server gave them. One no one added (a store
        // that was reset) is left out rather than failing the reader's whole timeline.
        let mut own: Vec<Source> = Vec::new();
        for id in query.sources.iter().filter(|id| id.starts_with(OWN_PREFIX)) {
            match self.own.source(&self.store, id).await {
                Some(source) => own.push(source),
                None => tracing::info!(source = %id, "an own feed no one added is left out"),
            }
        }
        let edition: Vec<&Source> = if query.sources.is_empty() {
            self.catalog.default_edition()
        } else {
            let unknown: Vec<&str> = query
                .sources
                .iter()
                .map(String::as_str)
                .filter(|id| !id.starts_with(OWN_PREFIX) && self.catalog.source(id).is_none())
                .collect();
            if !unknown.is_empty() {
                return Err(AppError::BadRequest(unknown_sources(&unknown)));
            }
            // In the reader's order, own feeds among the catalog's.
            query
                .sources
                .iter()
                .filter_map(|id| {
                    self.catalog
                        .source(id)
                        .or_else(|| own.iter().find(|s| &s.id == id))
                })
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
                            articles: None,
                            fetched_at: None,
                            error: Some("internal error".into()),
                            trouble: app::model::Trouble::Other,
                            failures: 1,
                        })
                    }
                    // Past the deadline: the task goes on and fills the cache for the next request.
                    Err(_) => None,
                });
            }
            results.push((source, outcomes));
        }

        let mut page = timeline::assemble::assemble(
            &timeline::assemble::Request {
                edition: &edition,
                filter,
                category: query.category,
                cursor: cursor.as_ref(),
                limit: query.limit,
                now: Utc::now(),
            },
            &results,
        );
        // The stories as last grouped: a timeline never waits for a regrouping.
        if let Some(stories) = self.related.latest() {
            stories.annotate(&mut page.articles);
        }
        // A category none of the reader's sources has: the outlets of their countries that do.
        if let Some(category) = query.category
            && !page.sources.is_empty()
            && page
                .sources
                .iter()
                .all(|s| matches!(s.status, app::model::SourceStatus::NoFeed))
        {
            let countries: Vec<_> = edition.iter().map(|s| s.country).collect();
            page.with_category = self
                .catalog
                .sources
                .iter()
                .filter(|s| {
                    countries.contains(&s.country)
                        && s.feeds.contains_key(&FeedSlot::Category(category))
                })
                .take(8)
                .map(|s| app::model::EditionSource {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    country: s.country,
                    language: s.language,
                })
                .collect();
        }
        Ok(page)
    }
}

/// Names a few of the unknown sources and counts the rest: an answer never echoes a whole
/// request back.
fn unknown_sources(unknown: &[&str]) -> String {
    const NAMED: usize = 3;
    let named: Vec<String> = unknown
        .iter()
        .take(NAMED)
        .map(|id| id.chars().take(40).collect())
        .collect();
    let noun = if unknown.len() == 1 {
        "source"
    } else {
        "sources"
    };
    let mut message = format!("unknown {noun} {}", named.join(", "));
    if unknown.len() > NAMED {
        message.push_str(&format!(" and {} more", unknown.len() - NAMED));
    }
    message
}

#[cfg(test)]
mod tests {
    #[test]
    fn unknown_sources_are_named_a_few_and_counted() {
        assert_eq!(super::unknown_sources(&["nope"]), "unknown source nope");
        let many: Vec<String> = (0..500).map(|n| format!("x{n}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            super::unknown_sources(&many),
            "unknown sources x0, x1, x2 and 497 more"
        );
    }
}
