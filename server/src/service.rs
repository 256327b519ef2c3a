//! NewsService: the pipeline behind the API (catalog → fetch → normalize → cache → timeline).

use crate::archive::Archive;
use crate::cache::{CachePolicy, Failure, FeedCache, FeedResult, Refresh};
use crate::catalog::{Catalog, Source};
use crate::fetch::{Fetch, Fetcher, Validators};
use crate::normalize::{FeedContext, parse_feed};
use crate::search::{self, Query};
use crate::store::{ArchiveFilter, SearchFilter, Store, Write};
use crate::timeline::{self, Cursor};
use app::api::{AppError, NewsBackend};
use app::model::{
    ArchivePage, ArchiveQuery, Article, ArticlePage, CatalogView, Contact, FeedSlot, Highlight,
    RelatedStory, SearchPage, SearchQuery, SourceStatus, TimelineFilter, TimelinePage,
    TimelineQuery,
};
use chrono::Utc;
use futures::future::BoxFuture;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// How the service behaves; see `Config` for where each comes from.
#[derive(Clone, Debug)]
pub struct ServiceOptions {
    pub feed_ttl: Duration,
    /// The first wait after a feed fails; doubled with each failure in a row up to
    /// `max_backoff`, or longer when the server sends `Retry-After`.
    pub error_ttl: Duration,
    pub max_backoff: Duration,
    /// How long a timeline request waits for feeds not yet cached before answering with what
    /// it has.
    pub deadline: Duration,
    /// How often feeds readers asked for within `refresh_window` are refreshed in the
    /// background, so the next reader finds them fresh.
    pub refresh_every: Duration,
    pub refresh_window: Duration,
    /// A built timeline page is answered again for this long while no feed changed (a
    /// micro-cache: under load, one build per query per interval). Zero turns it off.
    pub page_memo: Duration,
    /// The operator's contact details, for the Contact Us page.
    pub contact: Contact,
    /// The site's public address, for links that leave the site (shares, previews).
    pub public_url: Option<String>,
    /// How often every catalog feed is read for the related-news index (zero: never; the
    /// index then holds what readers' timelines read).
    pub related_every: Duration,
    pub related: crate::related::RelatedOptions,
    /// Stories published longer ago than this leave the store (pruned in the background).
    pub retention: chrono::Duration,
}

impl Default for ServiceOptions {
    fn default() -> Self {
        ServiceOptions {
            feed_ttl: Duration::from_secs(10 * 60),
            error_ttl: Duration::from_secs(60),
            max_backoff: Duration::from_secs(3600),
            deadline: Duration::from_secs(2),
            refresh_every: Duration::from_secs(5 * 60),
            refresh_window: Duration::from_secs(3 * 3600),
            page_memo: Duration::from_secs(1),
            contact: Contact::default(),
            public_url: None,
            related_every: Duration::from_secs(15 * 60),
            related: crate::related::RelatedOptions::default(),
            retention: chrono::Duration::days(365),
        }
    }
}

pub struct NewsService {
    catalog: Arc<Catalog>,
    loader: Loader,
    store: Store,
    cache: Arc<FeedCache>,
    options: ServiceOptions,
    memo: std::sync::Mutex<HashMap<String, Memo>>,
    archive: Arc<Archive>,
    stories: crate::story::Stories,
    related: Arc<crate::related::StoryIndex>,
    /// When every catalog feed was last made sure of, for an article id not seen yet.
    warmed_at: std::sync::Mutex<Option<std::time::Instant>>,
    /// How many times the story walker has read the whole catalog and regrouped (for `/healthz`).
    walks: std::sync::atomic::AtomicU64,
}

/// A page as built, with what it was built from.
struct Memo {
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

/// Stories the archive keeps in memory at boot, at most: the related index's window and the
/// recent past; older ones are read from the store when asked for.
const RESTORE_STORIES: usize = crate::archive::DEFAULT_CAPACITY;

/// How often the store is pruned of stories past the retention.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// Reads one feed: fetches it (conditionally when it has validators), parses it, and records
/// its stories: in the archive (memory) and, handed to the writer, in the store. Recording is
/// this step's job, not a side effect of the cache.
#[derive(Clone)]
struct Loader {
    fetcher: Fetcher,
    archive: Arc<Archive>,
    store: Store,
}

impl Loader {
    async fn load(
        self,
        source: Source,
        slot: FeedSlot,
        url: Url,
        validators: Option<Validators>,
    ) -> Result<Refresh, Failure> {
        let fetched = match self.fetcher.fetch_traced(&url, validators.as_ref()).await.0 {
            Ok(Fetch::NotModified) => return Ok(Refresh::NotModified),
            Ok(Fetch::Body(fetched)) => fetched,
            Err(e) => {
                // The operator's record of failing feeds (the Privacy Policy says what is logged).
                tracing::warn!(source = %source.id, feed = %url, "{e}");
                return Err(Failure {
                    reason: e.to_string(),
                    retry_after: e.retry_after(),
                });
            }
        };
        let ctx = FeedContext {
            source: &source,
            slot,
            url: &fetched.url,
            fetched_at: Utc::now(),
        };
        let parsed =
            parse_feed(&fetched.body, fetched.content_type.as_deref(), &ctx).map_err(|e| {
                tracing::warn!(source = %source.id, feed = %url, "{e}");
                Failure::from(e.to_string())
            })?;
        if parsed.decoding.replaced_invalid_bytes {
            tracing::warn!(feed = %url, encoding = parsed.decoding.encoding, "bytes invalid in the feed's encoding were replaced");
        }
        let mut articles = parsed.articles;
        // Undated and future-dated items keep the time they were first seen, across restarts.
        for article in &mut articles {
            if matches!(
                article.date_note,
                Some(app::model::DateNote::FirstSeen | app::model::DateNote::ClampedFuture)
            ) && let Some(kept) = self.archive.get(&article.id)
            {
                article.published = kept.published;
            }
        }
        self.archive.record(&articles);
        self.store.write(Write::Stories(articles.clone()));
        Ok(Refresh::Modified {
            articles,
            validators: fetched.validators,
        })
    }
}

impl NewsService {
    pub fn new(
        catalog: Catalog,
        fetcher: Fetcher,
        options: ServiceOptions,
        store: Store,
    ) -> Arc<NewsService> {
        let archive = Arc::new(Archive::new(crate::archive::DEFAULT_CAPACITY));
        // Each feed's state goes to the store after every refresh, named by its source.
        let feed_sources: HashMap<String, String> = catalog
            .sources
            .iter()
            .flat_map(|s| s.feeds.values().map(|url| (url.to_string(), s.id.clone())))
            .collect();
        let observer = {
            let store = store.clone();
            Box::new(move |mut state: crate::store::FeedState| {
                state.source_id = feed_sources.get(&state.url).cloned().unwrap_or_default();
                store.write(Write::Feed(state));
            })
        };
        Arc::new(NewsService {
            catalog: Arc::new(catalog),
            stories: crate::story::Stories::new(
                fetcher.clone(),
                store.clone(),
                crate::story::DEFAULT_CAPACITY,
            ),
            related: Arc::new(crate::related::StoryIndex::new(options.related.clone())),
            loader: Loader {
                fetcher,
                archive: archive.clone(),
                store: store.clone(),
            },
            store,
            cache: Arc::new(
                FeedCache::new(CachePolicy {
                    ttl: options.feed_ttl,
                    error_ttl: options.error_ttl,
                    max_backoff: options.max_backoff,
                })
                .observed_by(observer),
            ),
            options,
            memo: std::sync::Mutex::default(),
            archive,
            warmed_at: std::sync::Mutex::default(),
            walks: std::sync::atomic::AtomicU64::new(0),
        })
    }

    /// Takes back what the store kept: the recent stories (the related index's window and
    /// more) into the archive, and each catalog feed's state and stories into the cache, so
    /// the first reader after a restart sees what was read before, and the next fetch of each
    /// feed is conditional. Returns how many stories and feeds came back.
    pub async fn restore(&self) -> Result<(usize, usize), crate::store::StoreError> {
        let since = Utc::now() - self.options.related.window.max(chrono::Duration::days(7));
        let recent = self.store.recent(since, RESTORE_STORIES).await?;
        self.archive.record(&recent);
        let known: HashMap<String, &Url> = self
            .catalog
            .sources
            .iter()
            .flat_map(|s| s.feeds.values().map(|url| (url.to_string(), url)))
            .collect();
        let mut feeds = 0;
        for feed in self.store.feeds().await? {
            // A feed the catalog no longer has is left in the store, not served.
            if let Some(url) = known.get(&feed.state.url) {
                self.archive.record(&feed.articles);
                self.cache.restore(url, feed);
                feeds += 1;
            }
        }
        Ok((recent.len(), feeds))
    }

    /// The store behind the service (for `/healthz` and shutdown).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Prunes the store of stories past the retention, now and every hour.
    pub fn spawn_pruner(self: &Arc<Self>) -> tokio::task::JoinHandle<()> {
        let service = self.clone();
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(PRUNE_EVERY);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                service.store.write(Write::Prune {
                    before: Utc::now() - service.options.retention,
                });
            }
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
        let (cache, loader, source, url) = (
            self.cache.clone(),
            self.loader.clone(),
            source.clone(),
            url.clone(),
        );
        tokio::spawn(async move {
            let feed_url = url.clone();
            cache
                .get(&feed_url, move |validators| {
                    loader.load(source, slot, url, validators)
                })
                .await
        })
    }

    /// Refreshes, every `refresh_every`, the feeds readers asked for within `refresh_window`,
    /// so they stay fresh between readers. Runs until the runtime stops.
    pub fn spawn_refresher(self: &Arc<Self>) -> tokio::task::JoinHandle<()> {
        let service = self.clone();
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(service.options.refresh_every);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            ticks.tick().await;
            loop {
                ticks.tick().await;
                let refreshed = service.refresh_recent().await;
                tracing::debug!(refreshed, "background refresh");
            }
        })
    }

    /// One round of the background refresh; returns how many feeds were due.
    pub async fn refresh_recent(&self) -> usize {
        let since = Utc::now()
            - chrono::Duration::from_std(self.options.refresh_window)
                .unwrap_or(chrono::Duration::MAX);
        let recent = self.cache.requested_since(since);
        let mut due = Vec::new();
        for source in &self.catalog.sources {
            for (slot, url) in &source.feeds {
                if recent.contains(url) {
                    due.push((source.clone(), *slot, url.clone()));
                }
            }
        }
        let count = due.len();
        let rounds = due.into_iter().map(|(source, slot, url)| {
            let (cache, loader) = (self.cache.clone(), self.loader.clone());
            async move {
                let feed_url = url.clone();
                cache
                    .revalidate(&feed_url, move |validators| {
                        loader.load(source, slot, url, validators)
                    })
                    .await
            }
        });
        futures::future::join_all(rounds).await;
        count
    }

    /// The stories seen recently, by id (in memory; the store has them all).
    pub fn archive(&self) -> &Archive {
        &self.archive
    }

    /// A story from the archive. An id not seen yet may be a shared link from before a
    /// restart: every catalog feed is then fetched once (at most once per feed TTL, whatever
    /// the number of such requests) and the id looked up again.
    async fn seen_article(&self, id: &str) -> Result<Arc<Article>, AppError> {
        if let Some(article) = self.known_article(id).await {
            return Ok(article);
        }
        self.warm_catalog().await;
        self.known_article(id).await.ok_or(AppError::NotFound)
    }

    /// A story from the archive in memory, else from the store.
    async fn known_article(&self, id: &str) -> Option<Arc<Article>> {
        if let Some(article) = self.archive.get(id) {
            return Some(article);
        }
        match self.store.story(id).await {
            Ok(found) => found.map(Arc::new),
            Err(e) => {
                tracing::error!("{e}");
                None
            }
        }
    }

    /// An article page: the story from the archive or the store, its text from the outlet's page
    /// (waiting up to the deadline for it); see `seen_article` for ids not seen yet.
    pub async fn article_page(&self, id: &str) -> Result<ArticlePage, AppError> {
        let article = self.seen_article(id).await?;
        let (story, snapshot) = futures::join!(
            self.stories.text(&article, self.options.deadline),
            self.related_snapshot()
        );
        let source_homepage = self
            .catalog
            .source(&article.source_id)
            .map(|s| s.homepage.to_string())
            .unwrap_or_default();
        Ok(ArticlePage {
            generated_at: Utc::now(),
            article: Article {
                // The story text carries it (or the page's); no need to send it twice.
                summary_html: String::new(),
                ..Article::clone(&article)
            },
            source_homepage,
            story,
            // The API layer knows the address the reader came by.
            url: String::new(),
            related: story_of(&snapshot, &article),
        })
    }

    /// Fetches every catalog feed not fresh in the cache, waiting up to the deadline. Not a
    /// reader's request: the background refresh does not adopt these feeds.
    async fn warm_catalog(&self) {
        {
            let mut warmed = self.warmed_at.lock().unwrap_or_else(|p| p.into_inner());
            if warmed.is_some_and(|t| t.elapsed() < self.options.feed_ttl) {
                return;
            }
            *warmed = Some(std::time::Instant::now());
        }
        let _ = tokio::time::timeout(self.options.deadline, self.read_catalog()).await;
    }

    /// Makes sure of every catalog feed (each fetched unless fresh in the cache), all at once
    /// within the per-host limits. The fetches go on if the caller stops waiting.
    pub async fn read_catalog(&self) {
        let mut tasks = Vec::new();
        for source in &self.catalog.sources {
            for (slot, url) in &source.feeds {
                let (cache, loader, source, slot, url) = (
                    self.cache.clone(),
                    self.loader.clone(),
                    source.clone(),
                    *slot,
                    url.clone(),
                );
                tasks.push(tokio::spawn(async move {
                    let feed_url = url.clone();
                    cache
                        .revalidate(&feed_url, move |validators| {
                            loader.load(source, slot, url, validators)
                        })
                        .await
                }));
            }
        }
        futures::future::join_all(tasks).await;
    }

    /// Reads every catalog feed every `related_every` and regroups the stories, so More
    /// Related News covers every outlet, not only those readers asked for. Not started when
    /// `related_every` is zero.
    pub fn spawn_story_walker(self: &Arc<Self>) -> Option<tokio::task::JoinHandle<()>> {
        if self.options.related_every.is_zero() {
            return None;
        }
        let service = self.clone();
        Some(tokio::spawn(async move {
            let mut ticks = tokio::time::interval(service.options.related_every);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                service.read_catalog().await;
                // What was read is stored (and so searchable) before the walk counts.
                service.store.flush().await;
                let snapshot = service.related.snapshot(&service.archive, Utc::now()).await;
                tracing::debug!(
                    articles = snapshot.articles.len(),
                    stories = snapshot.grouping.stories.len(),
                    "catalog read for related news"
                );
                service
                    .walks
                    .fetch_add(1, std::sync::atomic::Ordering::Release);
            }
        }))
    }

    /// Whole-catalog walks done since the server started: until the first, More Related News
    /// knows only the outlets readers asked for.
    pub fn catalog_walks(&self) -> u64 {
        self.walks.load(std::sync::atomic::Ordering::Acquire)
    }

    pub fn related_options(&self) -> &crate::related::RelatedOptions {
        self.related.options()
    }

    /// The grouped stories of the window, as of now.
    pub async fn related_snapshot(&self) -> Arc<crate::related::Snapshot> {
        self.related.snapshot(&self.archive, Utc::now()).await
    }

    /// The story of article `id`: the other outlets' articles on it, in any language. An
    /// article outside the index's window has none; an id never seen is `NotFound`.
    pub async fn related_story(&self, id: &str) -> Result<RelatedStory, AppError> {
        let article = self.seen_article(id).await?;
        Ok(story_of(&*self.related_snapshot().await, &article))
    }

    /// The News Archive from the store: the days (narrowed by the query's filters) and a page
    /// of one day's stories.
    pub async fn archive_page(&self, query: ArchiveQuery) -> Result<ArchivePage, AppError> {
        let filter = ArchiveFilter {
            country: query.country,
            language: query.language,
            source: query.source,
        };
        let cursor = decode_cursor(query.cursor.as_deref())?;
        let days = self.store.days(&filter).await.map_err(internal)?;
        let day = query.day.or_else(|| days.first().map(|d| d.day));
        let (articles, next) = match day {
            Some(day) => self
                .store
                .day(day, &filter, cursor, query.limit)
                .await
                .map_err(internal)?,
            None => (Vec::new(), None),
        };
        Ok(ArchivePage {
            articles: articles.into_iter().map(for_lists).collect(),
            days,
            day,
            next_cursor: next.map(|n| n.to_string()),
        })
    }

    /// Search in the store: the stories holding every word, newest first, matched words marked.
    pub async fn search(&self, query: SearchQuery) -> Result<SearchPage, AppError> {
        let words = Query::parse(&query.q).map_err(|e| AppError::BadRequest(e.to_string()))?;
        let filter = SearchFilter {
            country: query.country,
            language: query.language,
            source: query.source,
            category: query.category,
            from: query.from,
            to: query.to,
        };
        let cursor = decode_cursor(query.cursor.as_deref())?;
        let (found, next) = self
            .store
            .search(&words, &filter, cursor, query.limit)
            .await
            .map_err(internal)?;
        let highlights = found
            .iter()
            .map(|a| Highlight {
                title: search::mark(&a.title, &words),
                snippet: search::snippet(&a.summary, &words),
            })
            .collect();
        let mut articles: Vec<Article> = found.into_iter().map(for_lists).collect();
        if let Some(stories) = self.related.latest() {
            stories.annotate(&mut articles);
        }
        Ok(SearchPage {
            articles,
            highlights,
            next_cursor: next.map(|n| n.to_string()),
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
                            articles: None,
                            fetched_at: None,
                            error: Some("internal error".into()),
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
        Ok(page)
    }
}

/// A store page's cursor: the last time key shown.
fn decode_cursor(cursor: Option<&str>) -> Result<Option<i64>, AppError> {
    cursor
        .map(|c| {
            c.parse::<i64>()
                .map_err(|_| AppError::BadRequest("bad cursor: use next_cursor as given".into()))
        })
        .transpose()
}

/// A store failure at a request's edge: logged, and an internal error for the reader.
fn internal(e: crate::store::StoreError) -> AppError {
    tracing::error!("{e}");
    AppError::Internal
}

/// A story as lists carry it: without the feed's HTML.
fn for_lists(article: Article) -> Article {
    Article {
        summary_html: String::new(),
        text_keys: Vec::new(),
        ..article
    }
}

/// Article's story in `snapshot`; an article outside the index's window has no other outlets'
/// articles, and covers its own country alone.
fn story_of(snapshot: &crate::related::Snapshot, article: &Article) -> RelatedStory {
    snapshot.story(&article.id).unwrap_or_else(|| RelatedStory {
        id: article.id.clone(),
        articles: Vec::new(),
        coverage: vec![app::model::Coverage {
            country: article.country,
            articles: 1,
        }],
    })
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

    fn article(self: Arc<Self>, id: String) -> BoxFuture<'static, Result<ArticlePage, AppError>> {
        Box::pin(async move { self.article_page(&id).await })
    }

    fn archive(
        self: Arc<Self>,
        query: ArchiveQuery,
    ) -> BoxFuture<'static, Result<ArchivePage, AppError>> {
        Box::pin(async move { self.archive_page(query).await })
    }

    fn search(
        self: Arc<Self>,
        query: SearchQuery,
    ) -> BoxFuture<'static, Result<SearchPage, AppError>> {
        Box::pin(async move { NewsService::search(&self, query).await })
    }

    fn related(self: Arc<Self>, id: String) -> BoxFuture<'static, Result<RelatedStory, AppError>> {
        Box::pin(async move { self.related_story(&id).await })
    }

    fn contact(&self) -> Contact {
        self.options.contact.clone()
    }

    fn public_url(&self) -> Option<String> {
        self.options.public_url.clone()
    }
}
