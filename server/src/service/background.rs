//! The service's background work: refreshing the feeds readers asked for, reading the whole
//! catalog for More Related News, and pruning the store.

use super::NewsService;
use crate::news::related::stored::{GROUPING, StoredGrouping};
use crate::store::{Backend, Leadership, Write};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// How often an instance that does not lead looks for the leader's new grouping, at most.
const FOLLOW_EVERY: Duration = Duration::from_secs(30);

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
    /// `related_every` is zero. In a fleet, one instance does this (the leader, see
    /// `store::Leadership`) and keeps its grouping in the store; the others serve that
    /// grouping, and the next of them to find the lock free takes over when the leader dies.
    pub fn spawn_story_walker(self: &Arc<Self>) -> Option<tokio::task::JoinHandle<()>> {
        if self.options.related_every.is_zero() {
            return None;
        }
        let service = self.clone();
        Some(tokio::spawn(async move {
            let mut leadership = Leadership::new(service.store.clone());
            let every = service.options.related_every;
            // Followers look for a new grouping more often than the leader makes one.
            let mut ticks = tokio::time::interval(every.min(FOLLOW_EVERY));
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut walked: Option<tokio::time::Instant> = None;
            let mut taken: Option<DateTime<Utc>> = None;
            loop {
                ticks.tick().await;
                let leads = leadership.hold().await;
                service.leads.store(leads, Ordering::Release);
                if !leads {
                    walked = None;
                    service.take_grouping(&mut taken).await;
                    continue;
                }
                if walked.is_some_and(|t| t.elapsed() + Duration::from_millis(50) < every) {
                    continue;
                }
                walked = Some(tokio::time::Instant::now());
                service.related.lead();
                service.walk_and_group().await;
            }
        }))
    }

    /// Reads the whole catalog, regroups, and keeps what was learned (and, for a fleet, the
    /// grouping itself).
    async fn walk_and_group(&self) {
        self.read_catalog().await;
        // What was read is stored (and so searchable) before the walk counts.
        self.store.flush().await;
        let now = Utc::now();
        let snapshot = self.related.snapshot(&self.archive, now).await;
        tracing::debug!(
            articles = snapshot.articles.len(),
            stories = snapshot.grouping.stories.len(),
            "catalog read for related news"
        );
        // What the grouping learned outlives the process.
        match serde_json::to_string(&self.related.learned()) {
            Ok(value) => self.store.write(Write::Learned {
                name: super::ALIASES,
                value,
            }),
            Err(e) => tracing::error!("the alias table could not be written: {e}"),
        }
        if self.store.backend() == Backend::Postgres {
            match serde_json::to_string(&StoredGrouping::of(&snapshot, now)) {
                Ok(value) => self.store.write(Write::Learned {
                    name: GROUPING,
                    value,
                }),
                Err(e) => tracing::error!("the grouping could not be written: {e}"),
            }
            self.store.flush().await;
        }
        *self.grouped_at.lock().unwrap_or_else(|p| p.into_inner()) = Some(now);
        self.walks.fetch_add(1, Ordering::Release);
    }

    /// Serves the leader's grouping when it is newer than the one `taken`; stories this
    /// instance has not read are read from the store.
    async fn take_grouping(&self, taken: &mut Option<DateTime<Utc>>) {
        let stored = match self.store.learned(GROUPING).await {
            Ok(Some(json)) => json,
            Ok(None) => return,
            Err(e) => {
                tracing::warn!("store: the leader's grouping is out of reach: {e}");
                return;
            }
        };
        let grouping: StoredGrouping = match serde_json::from_str(&stored) {
            Ok(g) => g,
            Err(e) => {
                tracing::warn!("store: the leader's grouping does not read back: {e}");
                return;
            }
        };
        if taken.is_some_and(|t| t >= grouping.built_at) {
            return;
        }
        let missing: Vec<String> = grouping
            .articles
            .iter()
            .filter(|id| self.archive.get(id).is_none())
            .cloned()
            .collect();
        match self.store.stories(&missing).await {
            Ok(found) => {
                self.archive.record(&found);
            }
            Err(e) => tracing::warn!("store: stories of the leader's grouping unread: {e}"),
        }
        let built_at = grouping.built_at;
        let snapshot = grouping.into_snapshot(
            |id| self.archive.get(id),
            self.related.learned(),
            self.archive.generation(),
        );
        self.related.install(snapshot);
        *taken = Some(built_at);
        *self.grouped_at.lock().unwrap_or_else(|p| p.into_inner()) = Some(built_at);
    }
}
