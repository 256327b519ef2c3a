//! NewsService: the facade the API calls. It owns the catalog, the feed cache, the store and
//! the related index; the loader (`loader`) reads a feed and records its stories, timeline
//! pages are gathered and assembled in `timeline_page`, and the background work (refreshes,
//! the catalog walk, pruning) is in `background`.

mod adding;
mod background;
mod fleet;
mod loader;
mod own_feeds;
mod timeline_page;

use crate::catalog::Catalog;
use crate::news::search::{self, Query};
use crate::reader::cache::{CachePolicy, FeedCache};
use crate::reader::fetch::Fetcher;
use crate::record::Record;
use crate::store::archive::Archive;
use crate::store::{ArchiveFilter, SearchFilter, Store, Write};
use app::api::{AppError, NewsBackend};
use app::model::{
    ArchivePage, ArchiveQuery, Article, ArticlePage, CatalogView, Contact, Highlight,
    RelatedArticle, RelatedStory, SearchPage, SearchQuery, StoryPage, TimelinePage, TimelineQuery,
};
use chrono::Utc;
use futures::future::BoxFuture;
use loader::Loader;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use timeline_page::Memo;
use url::Url;

/// The name the related index's alias table is kept under in the store.
pub(crate) const ALIASES: &str = "related.aliases";

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
    pub related: crate::news::related::RelatedOptions,
    /// Stories published longer ago than this leave the store (pruned in the background).
    pub retention: chrono::Duration,
    /// How long an instance may hold a feed's turn (its lease) while fetching it: an instance
    /// that dies mid-fetch keeps the others from the feed for at most this long.
    pub lease: Duration,
    /// This instance's name among those sharing a store (host, process and start time when
    /// not set).
    pub instance: Option<String>,
    /// Where readers' own feeds may be read from (`PANORAMA_ALLOW_PRIVATE_FEEDS`,
    /// `PANORAMA_OWN_FEED_PORTS`).
    pub own_feeds: crate::reader::address_rules::AddressRules,
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
            related: crate::news::related::RelatedOptions::default(),
            retention: chrono::Duration::days(365),
            lease: Duration::from_secs(60),
            instance: None,
            own_feeds: crate::reader::address_rules::AddressRules::default(),
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
    texts: crate::reader::story_text::StoryTexts,
    related: Arc<crate::news::related::StoryIndex>,
    /// When every catalog feed was last made sure of, for an article id not seen yet.
    warmed_at: std::sync::Mutex<Option<std::time::Instant>>,
    /// How many times the story walker has read the whole catalog and regrouped (for `/healthz`).
    walks: std::sync::atomic::AtomicU64,
    /// This instance's name in the store's leases.
    instance: String,
    /// When More Related News was last regrouped, here or by the leader (for `/healthz`).
    grouped_at: std::sync::Mutex<Option<chrono::DateTime<Utc>>>,
    /// Whether this instance groups More Related News for the fleet.
    leads: std::sync::atomic::AtomicBool,
    /// Readers' own feeds.
    own: own_feeds::OwnFeeds,
}

/// Stories the archive keeps in memory at boot, at most: the related index's window and the
/// recent past; older ones are read from the store when asked for.
const RESTORE_STORIES: usize = crate::store::archive::DEFAULT_CAPACITY;

impl NewsService {
    pub fn new(
        catalog: Catalog,
        fetcher: Fetcher,
        options: ServiceOptions,
        store: Store,
    ) -> Arc<NewsService> {
        let archive = Arc::new(Archive::new(crate::store::archive::DEFAULT_CAPACITY));
        // Each feed's state goes to the store after every refresh, named by its source.
        let feed_sources: HashMap<String, String> = catalog
            .sources
            .iter()
            .flat_map(|s| s.feeds.values().map(|url| (url.to_string(), s.id.clone())))
            .collect();
        let observer = {
            let (store, feed_sources) = (store.clone(), feed_sources.clone());
            Box::new(move |mut state: crate::store::FeedState| {
                state.source_id = feed_sources.get(&state.url).cloned().unwrap_or_default();
                store.write(Write::Feed(state));
            })
        };
        let alone = store.backend() == crate::store::Backend::Sqlite;
        let instance = options
            .instance
            .clone()
            .unwrap_or_else(|| match store.backend() {
                // One file is one instance: a restart takes over its own leases at once.
                crate::store::Backend::Sqlite => "local".into(),
                crate::store::Backend::Postgres => fleet::instance_id(),
            });
        let turns = fleet::Turns {
            store: store.clone(),
            archive: archive.clone(),
            owner: instance.clone(),
            lease: options.lease,
            wait: options.lease.min(options.deadline * 4),
            sources: feed_sources,
        };
        // Readers' own feeds: the same limits, under the address rules. Never the catalog's
        // client instead: a client that cannot be built stops the server (it is built as the
        // catalog's was, a moment ago).
        let guarded = Fetcher::guarded(fetcher.limits().clone(), options.own_feeds.clone())
            .expect("the HTTP client for own feeds builds as the catalog's did");
        let own = own_feeds::OwnFeeds::new(
            Loader {
                fetcher: guarded.clone(),
                archive: Arc::new(Archive::new(crate::store::archive::DEFAULT_CAPACITY)),
                store: store.clone(),
                private: true,
            },
            crate::reader::story_text::StoryTexts::new(
                guarded,
                store.clone(),
                crate::reader::story_text::DEFAULT_CAPACITY,
            ),
        );
        Arc::new(NewsService {
            own,
            catalog: Arc::new(catalog),
            texts: crate::reader::story_text::StoryTexts::new(
                fetcher.clone(),
                store.clone(),
                crate::reader::story_text::DEFAULT_CAPACITY,
            ),
            related: Arc::new(crate::news::related::StoryIndex::new(
                options.related.clone(),
            )),
            loader: Loader {
                fetcher,
                archive: archive.clone(),
                store: store.clone(),
                private: false,
            },
            store,
            cache: Arc::new(
                FeedCache::new(CachePolicy {
                    ttl: options.feed_ttl,
                    error_ttl: options.error_ttl,
                    max_backoff: options.max_backoff,
                })
                .observed_by(observer)
                .coordinated_by(Box::new(turns)),
            ),
            options,
            memo: std::sync::Mutex::default(),
            archive,
            warmed_at: std::sync::Mutex::default(),
            walks: std::sync::atomic::AtomicU64::new(0),
            instance,
            grouped_at: std::sync::Mutex::default(),
            // One instance alone groups; in a fleet, the walker finds out.
            leads: std::sync::atomic::AtomicBool::new(alone),
        })
    }

    /// Takes back what the store kept: the recent stories (the related index's window and
    /// more) into the archive, what the related index learned, and each catalog feed's state
    /// and stories into the cache, so
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
        if let Some(json) = self.store.learned(ALIASES).await? {
            match serde_json::from_str(&json) {
                Ok(aliases) => self.related.restore_learned(aliases),
                Err(e) => tracing::warn!("store: the kept alias table does not read back: {e}"),
            }
        }
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

    /// What the related index has learned (the alias table).
    pub fn related_learned(&self) -> crate::news::related::Aliases {
        self.related.learned()
    }

    /// The store behind the service (for `/healthz` and shutdown).
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The stories seen recently, by id (in memory; the store has them all).
    pub fn archive(&self) -> &Archive {
        &self.archive
    }

    /// A story from the archive. An id not seen yet may be a shared link from before a
    /// restart: every catalog feed is then fetched once (at most once per feed TTL, whatever
    /// the number of such requests) and the id looked up again.
    async fn seen_article(&self, id: &str) -> Result<Arc<Record>, AppError> {
        if let Some(article) = self.known_article(id).await {
            return Ok(article);
        }
        self.warm_catalog().await;
        self.known_article(id).await.ok_or(AppError::NotFound)
    }

    /// A story from the archive in memory, else from the store.
    async fn known_article(&self, id: &str) -> Option<Arc<Record>> {
        if let Some(article) = self.archive.get(id) {
            return Some(article);
        }
        // A reader's own feed's story: kept apart, in memory and in the store.
        if let Some(article) = self.own.loader.archive.get(id) {
            return Some(article);
        }
        let found = match self.store.story(id).await {
            Ok(None) => self.store.own_story(id).await,
            found => found,
        };
        match found {
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
        // An own feed's story page is read under the address rules, like its feed.
        let texts = if article.source_id.starts_with(app::api::OWN_PREFIX) {
            &self.own.texts
        } else {
            &self.texts
        };
        let (story, snapshot) = futures::join!(
            texts.text(&article, self.options.deadline),
            self.related_snapshot()
        );
        let source_homepage = self
            .catalog
            .source(&article.source_id)
            .map(|s| s.homepage.to_string())
            .unwrap_or_default();
        Ok(ArticlePage {
            generated_at: Utc::now(),
            article: article.wire(),
            source_homepage,
            story,
            // The API layer knows the address the reader came by.
            url: String::new(),
            related: self.story_of(&snapshot, &article),
        })
    }

    /// Whole-catalog walks done since the server started: until the first, More Related News
    /// knows only the outlets readers asked for.
    pub fn catalog_walks(&self) -> u64 {
        self.walks.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Whether this instance groups More Related News for the fleet (the others serve its
    /// grouping).
    pub fn leads_grouping(&self) -> bool {
        self.leads.load(std::sync::atomic::Ordering::Acquire)
    }

    /// When More Related News was last regrouped, if it was (RFC 3339).
    pub fn last_grouping(&self) -> Option<String> {
        self.grouped_at
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .map(|t| t.to_rfc3339())
    }

    pub fn related_options(&self) -> &crate::news::related::RelatedOptions {
        self.related.options()
    }

    /// The grouped stories of the window, as of now.
    pub async fn related_snapshot(&self) -> Arc<crate::news::related::Snapshot> {
        self.related.snapshot(&self.archive, Utc::now()).await
    }

    /// The story of article `id`: the other outlets' articles on it, in any language. An
    /// article outside the index's window has none; an id never seen is `NotFound`.
    pub async fn related_story(&self, id: &str) -> Result<RelatedStory, AppError> {
        let article = self.seen_article(id).await?;
        Ok(self.story_of(&*self.related_snapshot().await, &article))
    }

    /// `article`'s story in `snapshot`. A reader's own feed's story is not in the grouping: it
    /// is placed among its stories for this answer. An article outside the window has no
    /// other outlets' articles, and covers its own country alone.
    fn story_of(
        &self,
        snapshot: &crate::news::related::Snapshot,
        article: &Record,
    ) -> RelatedStory {
        let found = if article.source_id.starts_with(app::api::OWN_PREFIX) {
            snapshot.place(article, &self.options.related.group)
        } else {
            snapshot.story(&article.id)
        };
        found.unwrap_or_else(|| RelatedStory {
            id: article.id.clone(),
            articles: Vec::new(),
            coverage: vec![app::model::Coverage {
                country: article.country,
                articles: 1,
            }],
        })
    }

    /// The story page of article `id`: the article, its story, and the countries of the edition
    /// `sources` (the default edition when empty; ids the catalog lacks count for nothing)
    /// whose outlets have not covered it.
    pub async fn story_page(&self, id: &str, sources: &[String]) -> Result<StoryPage, AppError> {
        let article = self.seen_article(id).await?;
        let story = self.story_of(&*self.related_snapshot().await, &article);
        let edition: Vec<&crate::catalog::Source> = if sources.is_empty() {
            self.catalog.default_edition()
        } else {
            sources
                .iter()
                .filter_map(|id| self.catalog.source(id))
                .collect()
        };
        let mut not_yet: Vec<app::model::Country> = Vec::new();
        for source in edition {
            let covered = story.coverage.iter().any(|c| c.country == source.country);
            if !covered && !not_yet.contains(&source.country) {
                not_yet.push(source.country);
            }
        }
        Ok(StoryPage {
            generated_at: Utc::now(),
            article: RelatedArticle {
                id: article.id.clone(),
                title: article.title.clone(),
                source_id: article.source_id.clone(),
                source_name: article.source_name.clone(),
                country: article.country,
                language: article.language,
                published: article.published,
                link: article.link.clone(),
                score: 0.0,
                shared: Vec::new(),
            },
            story,
            not_yet,
        })
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
            articles: articles.iter().map(Record::wire).collect(),
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
            source: query.source.clone(),
            category: query.category,
            from: query.from,
            to: query.to,
        };
        let cursor = decode_cursor(query.cursor.as_deref())?;
        let (mut found, next) = self
            .store
            .search(&words, &filter, cursor, query.limit)
            .await
            .map_err(internal)?;
        // The reader's own feeds' stories are not in the store: they are searched in memory,
        // among the first page's (own feeds have no country of the catalog's, nor categories).
        if cursor.is_none()
            && !query.own.is_empty()
            && filter.country.is_none()
            && filter.category.is_none()
        {
            let mine: Vec<Record> = self
                .own
                .loader
                .archive
                .since(chrono::DateTime::<Utc>::MIN_UTC)
                .into_iter()
                .filter(|r| {
                    query.own.contains(&r.source_id)
                        && filter.language.is_none_or(|l| r.language == l)
                        && filter.source.as_ref().is_none_or(|s| *s == r.source_id)
                        && filter.from.is_none_or(|d| r.published.date_naive() >= d)
                        && filter.to.is_none_or(|d| r.published.date_naive() <= d)
                        && words.matches(&format!("{}\n{}", r.title, r.summary))
                })
                .take(query.limit)
                .map(|r| (*r).clone())
                .collect();
            found.extend(mine);
            found.sort_by(|a, b| b.published.cmp(&a.published).then(a.id.cmp(&b.id)));
        }
        let highlights = found
            .iter()
            .map(|a| Highlight {
                title: search::mark(&a.title, &words),
                snippet: search::snippet(&a.summary, &words),
            })
            .collect();
        let mut articles: Vec<Article> = found.iter().map(Record::wire).collect();
        if let Some(stories) = self.related.latest() {
            stories.annotate(&mut articles);
        }
        Ok(SearchPage {
            articles,
            highlights,
            next_cursor: next.map(|n| n.to_string()),
        })
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

    fn story(
        self: Arc<Self>,
        id: String,
        sources: Vec<String>,
    ) -> BoxFuture<'static, Result<StoryPage, AppError>> {
        Box::pin(async move { self.story_page(&id, &sources).await })
    }

    fn feed(
        self: Arc<Self>,
        url: String,
        client: Option<std::net::IpAddr>,
    ) -> BoxFuture<'static, Result<app::model::FeedPreview, AppError>> {
        Box::pin(async move { self.feed_preview(&url, client).await })
    }

    fn opml(
        self: Arc<Self>,
        text: String,
    ) -> BoxFuture<'static, Result<app::model::OpmlPreview, AppError>> {
        Box::pin(async move { self.opml_preview(&text).await })
    }

    fn contact(&self) -> Contact {
        self.options.contact.clone()
    }

    fn public_url(&self) -> Option<String> {
        self.options.public_url.clone()
    }
}
