//! The service's part in a fleet of instances sharing one store (see `store::fleet`): before
//! each fetch the cache asks whose turn it is, and what another instance fetched is taken from
//! the store, into the cache and the archive, so every instance serves the same stories.

use super::NewsService;
use crate::reader::cache::Coordinator;
use crate::store::archive::Archive;
use crate::store::{Claim, Store};
use chrono::{DateTime, Utc};
use futures::StreamExt;
use futures::future::BoxFuture;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// How often a reader's first request polls while another instance fetches the feed.
const POLL: Duration = Duration::from_millis(200);

/// An identity for this process among the instances sharing a store: the host, the process and
/// when it started, so a restarted instance never inherits the dead one's leases.
pub fn instance_id() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "panorama".into());
    format!(
        "{host}-{}-{:x}",
        std::process::id(),
        Utc::now().timestamp_millis()
    )
}

/// Claims feeds in the store for this instance.
pub(super) struct Turns {
    pub(super) store: Store,
    pub(super) archive: Arc<Archive>,
    pub(super) owner: String,
    pub(super) lease: Duration,
    /// How long a reader's first request waits for another instance's fetch.
    pub(super) wait: Duration,
    /// Each feed's source, by address.
    pub(super) sources: HashMap<String, String>,
}

impl Coordinator for Turns {
    fn claim<'a>(
        &'a self,
        url: &'a Url,
        known: Option<DateTime<Utc>>,
    ) -> BoxFuture<'a, Option<Claim>> {
        Box::pin(async move {
            let address = url.to_string();
            // Only the catalog's feeds take turns. A reader's own feed is read by the instance
            // the reader asks: its stories are not in the store for another to take.
            let source = self.sources.get(&address)?.as_str();
            let until = tokio::time::Instant::now() + self.wait;
            loop {
                let claim = match self
                    .store
                    .claim(&address, source, &self.owner, self.lease, known)
                    .await
                {
                    Ok(claim) => claim,
                    Err(e) => {
                        // Readers come first: without the store, this instance fetches.
                        tracing::warn!(feed = %url, "no turn from the store, fetching: {e}");
                        return None;
                    }
                };
                match claim {
                    // Nothing here yet and another instance is fetching: wait for its result.
                    Claim::Taken {
                        leased: true,
                        stored: None,
                        ..
                    } if known.is_none() && tokio::time::Instant::now() < until => {
                        tokio::time::sleep(POLL).await;
                    }
                    Claim::Taken {
                        leased,
                        due_at,
                        stored: Some(stored),
                    } => {
                        self.archive.record(&stored.articles);
                        return Some(Claim::Taken {
                            leased,
                            due_at,
                            stored: Some(stored),
                        });
                    }
                    claim => return Some(claim),
                }
            }
        })
    }
}

impl NewsService {
    /// Takes each feed another instance announces (PostgreSQL's `NOTIFY`) from the store at
    /// once, so the fleet serves one timeline. Nothing to do on SQLite.
    pub fn spawn_announcement_listener(self: &Arc<Self>) -> Option<tokio::task::JoinHandle<()>> {
        if self.store.backend() != crate::store::Backend::Postgres {
            return None;
        }
        let service = self.clone();
        Some(tokio::spawn(async move {
            let mut announcements = loop {
                match service.store.feed_announcements().await {
                    Ok(Some(stream)) => break Box::pin(stream),
                    Ok(None) => return,
                    Err(e) => {
                        tracing::warn!("store: cannot listen for other instances yet: {e}");
                        tokio::time::sleep(Duration::from_secs(2)).await;
                    }
                }
            };
            while let Some(address) = announcements.next().await {
                let Ok(url) = Url::parse(&address) else {
                    continue;
                };
                // A reader's own feed: its stories are this instance's to read (see `Turns`).
                if !service
                    .catalog
                    .sources
                    .iter()
                    .any(|s| s.feeds.values().any(|u| *u == url))
                {
                    continue;
                }
                match service.store.feed(&address).await {
                    Ok(Some(feed)) => {
                        service.archive.record(&feed.articles);
                        service.cache.take_from_store(&url, feed).await;
                    }
                    Ok(None) => {}
                    Err(e) => tracing::warn!(feed = %address, "store: announced feed unread: {e}"),
                }
            }
        }))
    }

    /// This instance's name among those sharing the store.
    pub fn instance(&self) -> &str {
        &self.instance
    }
}
