//! Per-feed cache: a time to live, one upstream fetch however many readers ask at once, stale
//! items served while a refresh runs in the background, conditional requests, and a backoff for
//! feeds that fail (longer each time, or as long as the server's `Retry-After` asks).

use crate::reader::fetch::Validators;
use crate::record::Record;
use crate::store::{Claim, FeedState, StoredFeed};
use app::model::Trouble;
use chrono::{DateTime, Utc};
use futures::future::BoxFuture;
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
    /// What a reader is told of it.
    pub trouble: Trouble,
    pub retry_after: Option<Duration>,
}

impl From<String> for Failure {
    fn from(reason: String) -> Failure {
        Failure {
            reason,
            trouble: Trouble::Other,
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
    /// Why the latest attempt failed, when it did...
    pub error: Option<String>,
    /// ...and what a reader is told of it.
    pub trouble: Trouble,
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
    trouble: Trouble,
    failures: u32,
    /// No upstream request before this (backoff, `Retry-After`).
    retry_at: Option<DateTime<Utc>>,
    /// When each item id was first seen: the date of items whose feed gives none.
    first_seen: HashMap<String, DateTime<Utc>>,
    /// Fresh until then rather than for the time to live after `fetched_at`: set when the
    /// copy came from the store, where the fleet says when the feed is next due.
    fresh_until: Option<DateTime<Utc>>,
}

impl Slot {
    /// Takes the store's copy of the feed: its items, validators, errors and back-off.
    fn adopt(&mut self, feed: StoredFeed) {
        let state = feed.state;
        for article in &feed.articles {
            self.first_seen
                .entry(article.id.clone())
                .or_insert(article.published);
        }
        if state.fetched_at.is_some() || !feed.articles.is_empty() {
            self.articles = Some(Arc::new(feed.articles));
        }
        self.fetched_at = state.fetched_at;
        self.validators = state.validators;
        self.error = state.error;
        self.trouble = state.trouble;
        self.failures = state.failures;
        self.retry_at = state.retry_at;
        self.fresh_until = state.due_at;
    }

    fn result(&self) -> FeedResult {
        FeedResult {
            articles: self.articles.clone(),
            fetched_at: self.fetched_at,
            error: self.error.clone(),
            trouble: self.trouble,
            failures: self.failures,
        }
    }

    fn fresh(&self, now: DateTime<Utc>, ttl: Duration) -> bool {
        match self.fresh_until {
            Some(until) => now < until,
            None => self
                .fetched_at
                .is_some_and(|t| now - t < chrono_duration(ttl)),
        }
    }

    fn backing_off(&self, now: DateTime<Utc>) -> bool {
        self.retry_at.is_some_and(|t| now < t)
    }

    /// What the store keeps of this feed (its source is the observer's to name).
    fn state(&self, url: &Url, ttl: Duration) -> FeedState {
        let articles = self.articles.as_deref().map(Vec::as_slice).unwrap_or(&[]);
        FeedState {
            url: url.to_string(),
            source_id: String::new(),
            validators: self.validators.clone(),
            fetched_at: self.fetched_at,
            error: self.error.clone(),
            trouble: self.trouble,
            failures: self.failures,
            retry_at: self.retry_at,
            newest: articles.iter().map(|a| a.published).max(),
            items: articles.iter().map(|a| a.id.clone()).collect(),
            // Due again after its time to live, or its back-off, whichever is later.
            due_at: self
                .fetched_at
                .map(|t| t + chrono_duration(ttl))
                .max(self.retry_at),
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
    /// Asked before every fetch whether it is this instance's turn (see `store::fleet`).
    coordinator: Option<Box<dyn Coordinator>>,
}

/// What is told a feed's state after each refresh.
pub type Observer = Box<dyn Fn(FeedState) + Send + Sync>;

/// Decides whose turn it is to fetch a feed, among instances sharing a store.
pub trait Coordinator: Send + Sync {
    /// Claims `url`; `known` is when this instance's copy was fetched. `None` when the store
    /// could not be asked: the cache then fetches, as one instance alone would.
    fn claim<'a>(
        &'a self,
        url: &'a Url,
        known: Option<DateTime<Utc>>,
    ) -> BoxFuture<'a, Option<Claim>>;
}

impl FeedCache {
    pub fn new(policy: CachePolicy) -> FeedCache {
        FeedCache {
            policy,
            entries: Mutex::new(HashMap::new()),
            generation: std::sync::atomic::AtomicU64::new(0),
            observer: None,
            coordinator: None,
        }
    }

    /// Asks `coordinator` before every fetch.
    pub fn coordinated_by(mut self, coordinator: Box<dyn Coordinator>) -> FeedCache {
        self.coordinator = Some(coordinator);
        self
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
        let mut slot = Slot::default();
        slot.adopt(feed);
        // Fresh by its own fetch time, as a feed this instance fetched.
        slot.fresh_until = None;
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

    /// Takes another instance's fetch of `url` from the store, if it is newer than the copy
    /// held here (feeds nobody asked this instance for are left alone).
    pub async fn take_from_store(&self, url: &Url, feed: StoredFeed) {
        let slot = {
            let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
            match entries.get(url) {
                Some(entry) => entry.slot.clone(),
                None => return,
            }
        };
        let mut slot = slot.lock().await;
        let newer = feed.state.fetched_at.is_some_and(|stored| {
            slot.fetched_at
                .is_none_or(|held| stored.timestamp() > held.timestamp())
        });
        if newer {
            slot.adopt(feed);
            self.generation
                .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        }
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
        if let Some(coordinator) = &self.coordinator {
            match coordinator.claim(url, slot.fetched_at).await {
                None | Some(Claim::Fetch) => {}
                Some(Claim::Taken {
                    leased,
                    due_at,
                    stored,
                }) => {
                    if let Some(stored) = stored {
                        slot.adopt(*stored);
                        self.generation
                            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
                    }
                    let now = Utc::now();
                    // Another instance is fetching it: ask again in a second, not on every
                    // request; otherwise it is due when the fleet's last attempt says.
                    slot.fresh_until = if leased {
                        Some(now + chrono::Duration::seconds(1))
                    } else {
                        due_at
                            .filter(|t| *t > now)
                            .or(Some(now + chrono::Duration::seconds(1)))
                    };
                    return;
                }
            }
        }
        // Validators only make sense with items to keep on a 304.
        let validators = (slot.articles.is_some() && !slot.validators.is_empty())
            .then(|| slot.validators.clone());
        let outcome = fetch(validators).await;
        let now = Utc::now();
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        slot.fresh_until = None;
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
                slot.trouble = Trouble::Other;
                slot.failures = 0;
                slot.retry_at = None;
            }
            Ok(Refresh::NotModified) => {
                slot.fetched_at = Some(now);
                slot.error = None;
                slot.trouble = Trouble::Other;
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
                slot.trouble = failure.trouble;
            }
        }
        if let Some(observer) = &self.observer {
            observer(slot.state(url, self.policy.ttl));
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

    /// Answers every claim with "taken", and the store's copy of another instance's fetch.
    struct OtherInstance {
        due_at: DateTime<Utc>,
    }

    impl Coordinator for OtherInstance {
        fn claim<'a>(
            &'a self,
            _url: &'a Url,
            known: Option<DateTime<Utc>>,
        ) -> BoxFuture<'a, Option<Claim>> {
            let stored = StoredFeed {
                state: FeedState {
                    fetched_at: Some(Utc::now()),
                    validators: Validators {
                        etag: Some("\"theirs\"".into()),
                        last_modified: None,
                    },
                    due_at: Some(self.due_at),
                    ..Default::default()
                },
                articles: Vec::new(),
            };
            Box::pin(async move {
                Some(Claim::Taken {
                    leased: false,
                    due_at: Some(self.due_at),
                    stored: known.is_none().then(|| Box::new(stored)),
                })
            })
        }
    }

    #[tokio::test]
    async fn a_feed_another_instance_fetched_is_taken_from_the_store_not_fetched() {
        let due_at = Utc::now() + chrono::Duration::milliseconds(300);
        let cache = Arc::new(
            FeedCache::new(policy(60_000, 5_000))
                .coordinated_by(Box::new(OtherInstance { due_at })),
        );
        let url = Url::parse("http://127.0.0.1:1/feed").unwrap();
        let fetched = Arc::new(AtomicUsize::new(0));
        let counting = |fetched: Arc<AtomicUsize>| {
            move |_| async move {
                fetched.fetch_add(1, Ordering::SeqCst);
                modified()
            }
        };
        let first = cache.get(&url, counting(fetched.clone())).await;
        assert!(first.is_ok(), "the store's copy is served");
        assert_eq!(fetched.load(Ordering::SeqCst), 0);
        let generation = cache.generation();
        // Fresh until the fleet says the feed is due, not for this instance's time to live.
        cache.get(&url, counting(fetched.clone())).await;
        assert_eq!(
            cache.generation(),
            generation,
            "not asked again before it is due"
        );
        tokio::time::sleep(Duration::from_millis(350)).await;
        cache.revalidate(&url, counting(fetched.clone())).await;
        assert_eq!(fetched.load(Ordering::SeqCst), 0, "still the other's turn");
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
                    trouble: Trouble::Server,
                    retry_after,
                })
            }
        };
        let first = cache.get(&url, failing(calls.clone(), None)).await;
        assert_eq!(first.error.as_deref(), Some("fetch: HTTP 500"));
        assert_eq!(first.trouble, Trouble::Server);
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
