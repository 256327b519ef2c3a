//! Per-feed cache: a time to live, and one upstream fetch however many readers ask at once.

use app::model::Article;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use url::Url;

/// The outcome of the latest fetch of one feed.
#[derive(Clone, Debug)]
pub struct FeedResult {
    pub fetched_at: DateTime<Utc>,
    /// The items, or why the latest fetch failed.
    pub outcome: Result<Arc<Vec<Article>>, String>,
}

#[derive(Default)]
struct Slot {
    latest: Option<FeedResult>,
    /// When each item id was first seen: the date of items whose feed gives none.
    first_seen: HashMap<String, DateTime<Utc>>,
}

/// Feeds by URL. Each has its own async lock: the first reader fetches while the others wait
/// for its result, so many readers cause one upstream request.
pub struct FeedCache {
    ttl: Duration,
    /// Failures are retried sooner than successes are refreshed, but not on every request.
    error_ttl: Duration,
    slots: Mutex<HashMap<Url, Arc<tokio::sync::Mutex<Slot>>>>,
}

impl FeedCache {
    pub fn new(ttl: Duration, error_ttl: Duration) -> FeedCache {
        FeedCache {
            ttl,
            error_ttl,
            slots: Mutex::new(HashMap::new()),
        }
    }

    /// The feed's cached result if still fresh, else the result of `fetch` (run once for all
    /// concurrent callers).
    pub async fn get<F, Fut>(&self, url: &Url, fetch: F) -> FeedResult
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Vec<Article>, String>>,
    {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
            slots.entry(url.clone()).or_default().clone()
        };
        let mut slot = slot.lock().await;
        if let Some(latest) = &slot.latest {
            let ttl = if latest.outcome.is_ok() {
                self.ttl
            } else {
                self.error_ttl
            };
            if Utc::now() - latest.fetched_at
                < chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::MAX)
            {
                return latest.clone();
            }
        }
        let fetched_at = Utc::now();
        let outcome = match fetch().await {
            Ok(mut articles) => {
                for article in &mut articles {
                    let first = *slot
                        .first_seen
                        .entry(article.id.clone())
                        .or_insert(article.published);
                    if article.date_note == Some(app::model::DateNote::FirstSeen) {
                        article.published = first;
                    }
                }
                Ok(Arc::new(articles))
            }
            Err(reason) => Err(reason),
        };
        let result = FeedResult {
            fetched_at,
            outcome,
        };
        slot.latest = Some(result.clone());
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn concurrent_readers_cause_one_fetch_and_the_ttl_holds() {
        let cache = Arc::new(FeedCache::new(
            Duration::from_secs(60),
            Duration::from_secs(5),
        ));
        let calls = Arc::new(AtomicUsize::new(0));
        let url = Url::parse("http://127.0.0.1:1/feed").unwrap();
        let readers = (0..8).map(|_| {
            let (cache, calls, url) = (cache.clone(), calls.clone(), url.clone());
            tokio::spawn(async move {
                cache
                    .get(&url, || async {
                        calls.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        Ok(Vec::new())
                    })
                    .await
            })
        });
        for r in readers.collect::<Vec<_>>() {
            assert!(r.await.unwrap().outcome.is_ok());
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn an_expired_entry_is_fetched_again() {
        let cache = FeedCache::new(Duration::ZERO, Duration::ZERO);
        let url = Url::parse("http://127.0.0.1:1/feed").unwrap();
        let first = cache
            .get(&url, || async { Err("fetch: HTTP 500".to_string()) })
            .await;
        assert_eq!(first.outcome.unwrap_err(), "fetch: HTTP 500");
        let second = cache.get(&url, || async { Ok(Vec::new()) }).await;
        assert!(second.outcome.is_ok());
    }
}
