//! The service's background work: refreshing the feeds readers asked for, reading the whole
//! catalog for More Related News, and pruning the store.

use super::NewsService;
use crate::store::Write;
use chrono::Utc;
use std::sync::Arc;
use std::time::Duration;

/// How often the store is pruned of stories past the retention.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

impl NewsService {
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

    /// Fetches every catalog feed not fresh in the cache, waiting up to the deadline. Not a
    /// reader's request: the background refresh does not adopt these feeds.
    pub(super) async fn warm_catalog(&self) {
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
                // What the grouping learned outlives the process.
                match serde_json::to_string(&service.related.learned()) {
                    Ok(value) => service.store.write(Write::Learned {
                        name: super::ALIASES,
                        value,
                    }),
                    Err(e) => tracing::error!("the alias table could not be written: {e}"),
                }
                *service.grouped_at.lock().unwrap_or_else(|p| p.into_inner()) = Some(Utc::now());
                service
                    .walks
                    .fetch_add(1, std::sync::atomic::Ordering::Release);
            }
        }))
    }
}
