//! Per-feed cache: a time to live, one upstream fetch however many readers ask at once, stale
//! items served while a refresh runs in the background, conditional requests, and a backoff for
//! feeds that fail (longer each time, or as long as the server's `Retry-After` asks).

use crate::reader::fetch::Validators;
use crate::record::Record;
use crate::store::{FeedState, StoredFeed};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use url::Url;

/// What a refresh brought.
pub enum Refresh {
    Modified {
        articles: Vec<Record>,
        validators: Validators,
    },
    /// The server answered 304 to the validators: the cached items still stand.
    NotModified,
}

/// Why a refresh failed, and how long the server asked us to stay away.
#[derive(Clone, Debug)]
pub struct Failure {
    pub reason: String,
    pub retry_after: Option<Duration>,
}

impl From<String> for Failure {
    fn from(reason: String) -> Failure {
        Failure {
            reason,
            retry_after: None,
        }
    }
}

/// A feed as the cache knows it.
#[derive(Clone, Debug)]
pub struct FeedResult {
    /// The latest items that were fetched successfully, however old.
    pub articles: Option<Arc<Vec<Record>>>,
    /// When those items were last confirmed by the server (a 200 or a 304).
    pub fetched_at: Option<DateTime<Utc>>,
    /// Why the latest attempt failed, when it did.
    pub error: Option<String>,
    /// Failed attempts in a row.
    pub failures: u32,
}

impl FeedResult {
    pub fn is_ok(&self) -> bool {
        self.articles.is_some()
    }
}

/// How the cache behaves.
#[derive(Clone, Debug)]
pub struct CachePolicy {
    /// A feed fetched less than this ago is served without asking its server.
    pub ttl: Duration,
    /// The first wait after a failure; it doubles with each failure in a row...
    pub error_ttl: Duration,
    /// ...up to this.
    pub max_backoff: Duration,
}

#[derive(Default)]
struct Slot {
    articles: Option<Arc<Vec<Record>>>,
    fetched_at: Option<DateTime<Utc>>,
    validators: Validators,
    error: Option<String>,
    failures: u32,
    /// No upstream request before this (backoff, `Retry-After`).
    retry_at: Option<DateTime<Utc>>,
    /// When each item id was first seen: the date of items whose feed gives none.
    first_seen: HashMap<String, DateTime<Utc>>,
}

impl Slot {
    fn result(&self) -> FeedResult {
        FeedResult {
            articles: self.articles.clone(),
            fetched_at: self.fetched_at,
            error: self.error.clone(),
            failures: self.failures,
        }
    }

    fn fresh(&self, now: DateTime<Utc>, ttl: Duration) -> bool {
        self.fetched_at
            .is_some_and(|t| now - t < chrono_duration(ttl))
    }

    fn backing_off(&self, now: DateTime<Utc>) -> bool {
        self.retry_at.is_some_and(|t| now < t)
    }

    /// What the store keeps of this feed (its source is the observer's to name).
    fn state(&self, url: &Url) -> FeedState {
        let articles = self.articles.as_deref().map(Vec::as_slice).unwrap_or(&[]);
        FeedState {
            url: url.to_string(),
            source_id: String::new(),
            validators: self.validators.clone(),
            fetched_at: self.fetched_at,
            error: self.error.clone(),
            failures: self.failures,
            retry_at: self.retry_at,
            newest: articles.iter().map(|a| a.published).max(),
            items: articles.iter().map(|a| a.id.clone()).collect(),
        }
    }
}

struct Entry {
    slot: Arc<tokio::sync::Mutex<Slot>>,
    /// When a reader last asked for this feed (background refreshes do not count).
    requested_at: DateTime<Utc>,
}

/// Feeds by URL. Each has its own async lock: the first reader fetches while the others wait
/// for its result, so many readers cause one upstream request.
pub struct FeedCache {
    policy: CachePolicy,
    entries: Mutex<HashMap<Url, Entry>>,
    /// Bumped by every refresh, whatever its outcome: what was built from the cache before a
    /// bump may be out of date.
    generation: std::sync::atomic::AtomicU64,
    /// Told each feed's state after every refresh (the store keeps it across restarts).
    observer: Option<Observer>,
}

/// What is told a feed's state after each refresh.
pub type Observer = Box<dyn Fn(FeedState) + Send + Sync>;

impl FeedCache {
    pub fn new(policy: CachePolicy) -> FeedCache {
        FeedCache {
            policy,
            entries: Mutex::new(HashMap::new()),
            generation: std::sync::atomic::AtomicU64::new(0),
            observer: None,
        }
    }

    /// Tells `observer` each feed's state after every refresh.
    pub fn observed_by(mut self, observer: Observer) -> FeedCache {
        self.observer = Some(observer);
        self
    }

    /// Takes a feed back as the store kept it (at boot): its items are served at once, stale
    /// or fresh by their time, its validators make the next fetch conditional, and a back-off
    /// still running goes on. Not a reader's request: the background refresh does not adopt it.
    pub fn restore(&self, url: &Url, feed: StoredFeed) {
        let state = feed.state;
        let slot = Slot {
            first_seen: feed
                .articles
                .iter()
                .map(|a| (a.id.clone(), a.published))
                .collect(),
            articles: (state.fetched_at.is_some() || !feed.articles.is_empty())
                .then(|| Arc::new(feed.articles)),
            fetched_at: state.fetched_at,
            validators: state.validators,
            error: state.error,
            failures: state.failures,
            retry_at: state.retry_at,
        };
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.insert(
            url.clone(),
            Entry {
                slot: Arc::new(tokio::sync::Mutex::new(slot)),
                // Long ago: a restored feed is refreshed in the background only once a reader
                // asks for it again.
                requested_at: DateTime::<Utc>::MIN_UTC,
            },
        );
    }
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::Acquire)
    }

    fn slot(&self, url: &Url, reader: bool) -> Arc<tokio::sync::Mutex<Slot>> {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let entry = entries.entry(url.clone()).or_insert_with(|| Entry {
            slot: Arc::default(),
            requested_at: Utc::now(),
        });
        if reader {
            entry.requested_at = Utc::now();
        }
        entry.slot.clone()
    }

    /// The feeds readers asked for since `since`.
    pub fn requested_since(&self, since: DateTime<Utc>) -> Vec<Url> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .iter()
            .filter(|(_, e)| e.requested_at >= since)
            .map(|(url, _)| url.clone())
            .collect()
    }

    /// A reader's request. Fresh items are served as they are. Stale items are served at once
    /// while one refresh runs in the background. A feed with nothing yet is fetched now, once
    /// for all concurrent readers. A failing feed is not asked again before its backoff ends.
    pub async fn get<F, Fut>(self: &Arc<Self>, url: &Url, fetch: F) -> FeedResult
    where
        F: FnOnce(Option<Validators>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<Refresh, Failure>> + Send + 'static,
    {
        let slot = self.slot(url, true);
        let mut guard = slot.lock().await;
        let now = Utc::now();
        if guard.fresh(now, self.policy.ttl) || guard.backing_off(now) {
            return guard.result();
        }
        if guard.articles.is_some() {
            let result = guard.result();
            drop(guard);
            let (cache, url) = (self.clone(), url.clone());
            tokio::spawn(async move {
                let mut guard = slot.lock().await;
                // Another refresh may have run while this one waited for the lock.
                let now = Utc::now();
                if !guard.fresh(now, cache.policy.ttl) && !guard.backing_off(now) {
                    cache.refresh(&url, &mut guard, fetch).await;
                }
            });
            return result;
        }
        self.refresh(url, &mut guard, fetch).await;
        guard.result()
    }

    /// A background refresh: fetches only if the feed is due, and waits for it.
    pub async fn revalidate<F, Fut>(&self, url: &Url, fetch: F) -> FeedResult
    where
        F: FnOnce(Option<Validators>) -> Fut,
        Fut: Future<Output = Result<Refresh, Failure>>,
    {
        let slot = self.slot(url, false);
        let mut guard = slot.lock().await;
        let now = Utc::now();
        if !guard.fresh(now, self.policy.ttl) && !guard.backing_off(now) {
            self.refresh(url, &mut guard, fetch).await;
        }
        guard.result()
    }

    async fn refresh<F, Fut>(&self, url: &Url, slot: &mut Slot, fetch: F)
    where
        F: FnOnce(Option<Validators>) -> Fut,
        Fut: Future<Output = Result<Refresh, Failure>>,
    {
        // Validators only make sense with items to keep on a 304.
        let validators = (slot.articles.is_some() && !slot.validators.is_empty())
            .then(|| slot.validators.clone());
        let outcome = fetch(validators).await;
        let now = Utc::now();
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        match outcome {
            Ok(Refresh::Modified {
                mut articles,
                validators,
            }) => {
                for article in &mut articles {
                    let first = *slot
                        .first_seen
                        .entry(article.id.clone())
                        .or_insert(article.published);
                    // Undated and future-dated items keep the time they were first seen, so
                    // a refresh does not send them back to the top.
                    if matches!(
                        article.date_note,
                        Some(app::model::DateNote::FirstSeen | app::model::DateNote::ClampedFuture)
                    ) {
                        article.published = first;
                    }
                }
                slot.articles = Some(Arc::new(articles));
                slot.validators = validators;
                slot.fetched_at = Some(now);
                slot.error = None;
                slot.failures = 0;
                slot.retry_at = None;
            }
            Ok(Refresh::NotModified) => {
                slot.fetched_at = Some(now);
                slot.error = None;
                slot.failures = 0;
                slot.retry_at = None;
            }
            Err(failure) => {
                slot.failures = slot.failures.saturating_add(1);
                let backoff = self
                    .policy
                    .error_ttl
                    .saturating_mul(1 << (slot.failures - 1).min(16))
                    .min(self.policy.max_backoff);
                let wait = failure.retry_after.map_or(backoff, |r| r.max(backoff));
                slot.retry_at = Some(now + chrono_duration(wait));
                slot.error = Some(failure.reason);
            }
        }
        if let Some(observer) = &self.observer {
            observer(slot.state(url));
        }
    }
}

fn chrono_duration(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn policy(ttl: u64, error_ttl: u64) -> CachePolicy {
        CachePolicy {
            ttl: Duration::from_millis(ttl),
            error_ttl: Duration::from_millis(error_ttl),
            max_backoff: Duration::from_secs(3600),
        }
    }

    fn modified() -> Result<Refresh, Failure> {
        Ok(Refresh::Modified {
            articles: Vec::new(),
            validators: Validators {
                etag: Some("\"v1\"".into()),
                last_modified: None,
            },
        })
    }

    #[tokio::test]
    async fn concurrent_readers_cause_one_fetch_and_the_ttl_holds() {
        let cache = Arc::new(FeedCache::new(policy(60_000, 5_000)));
        let calls = Arc::new(AtomicUsize::new(0));
        let url = Url::parse("http://127.0.0.1:1/feed").unwrap();
        let readers = (0..8).map(|_| {
            let (cache, calls, url) = (cache.clone(), calls.clone(), url.clone());
            tokio::spawn(async move {
                cache
                    .get(&url, move |_| async move {
                        calls.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        modified()
                    })
                    .await
            })
        });
        for r in readers.collect::<Vec<_>>() {
            assert!(r.await.unwrap().is_ok());
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn stale_items_are_served_at_once_while_a_conditional_refresh_runs() {
        let cache = Arc::new(FeedCache::new(policy(0, 0)));
        let url = Url::parse("http://127.0.0.1:1/feed").unwrap();
        assert!(cache.get(&url, |_| async { modified() }).await.is_ok());

        let (tx, rx) = tokio::sync::oneshot::channel();
        let started = std::time::Instant::now();
        let stale = cache
            .get(&url, move |validators| async move {
                tokio::time::sleep(Duration::from_millis(300)).await;
                let _ = tx.send(validators);
                Ok(Refresh::NotModified)
            })
            .await;
        assert!(
            started.elapsed() < Duration::from_millis(200),
            "waited for the refresh"
        );
        assert!(stale.is_ok());
        let sent = rx.await.unwrap();
        assert_eq!(sent.and_then(|v| v.etag), Some("\"v1\"".into()));
        // The 304 kept the items.
        let after = cache
            .revalidate(&url, |_| async { Err(Failure::from("unused".to_string())) })
            .await;
        assert!(after.is_ok());
    }

    #[tokio::test]
    async fn failures_back_off_longer_each_time_and_honour_retry_after() {
        let cache = Arc::new(FeedCache::new(policy(0, 200)));
        let calls = Arc::new(AtomicUsize::new(0));
        let url = Url::parse("http://127.0.0.1:1/feed").unwrap();
        let failing = |calls: Arc<AtomicUsize>, retry_after: Option<Duration>| {
            move |_| async move {
                calls.fetch_add(1, Ordering::SeqCst);
                Err(Failure {
                    reason: "fetch: HTTP 500".into(),
                    retry_after,
                })
            }
        };
        let first = cache.get(&url, failing(calls.clone(), None)).await;
        assert_eq!(first.error.as_deref(), Some("fetch: HTTP 500"));
        assert!(first.articles.is_none());
        // Within the backoff: answered from the cache, the server is not asked.
        cache.get(&url, failing(calls.clone(), None)).await;
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        tokio::time::sleep(Duration::from_millis(250)).await;
        let second = cache.get(&url, failing(calls.clone(), None)).await;
        assert_eq!((second.failures, calls.load(Ordering::SeqCst)), (2, 2));
        // The second backoff is twice the first: 250 ms later it still holds.
        tokio::time::sleep(Duration::from_millis(250)).await;
        cache.get(&url, failing(calls.clone(), None)).await;
        assert_eq!(calls.load(Ordering::SeqCst), 2);

        // Retry-After longer than the backoff wins.
        let other = Url::parse("http://127.0.0.1:1/limited").unwrap();
        let limited = Arc::new(AtomicUsize::new(0));
        cache
            .get(
                &other,
                failing(limited.clone(), Some(Duration::from_secs(60))),
            )
            .await;
        tokio::time::sleep(Duration::from_millis(250)).await;
        cache.get(&other, failing(limited.clone(), None)).await;
        assert_eq!(limited.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_failed_refresh_keeps_the_items_and_says_why() {
        let cache = Arc::new(FeedCache::new(policy(0, 0)));
        let url = Url::parse("http://127.0.0.1:1/feed").unwrap();
        cache.get(&url, |_| async { modified() }).await;
        let result = cache
            .revalidate(&url, |_| async {
                Err(Failure::from("fetch: HTTP 503".to_string()))
            })
            .await;
        assert!(result.is_ok());
        assert_eq!(result.error.as_deref(), Some("fetch: HTTP 503"));
        assert!(
            !cache
                .requested_since(Utc::now() - chrono::Duration::seconds(5))
                .is_empty()
        );
    }
}
