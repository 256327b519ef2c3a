//! The loader: one feed read and its stories recorded.

use crate::catalog::Source;
use crate::reader::cache::{Failure, Refresh};
use crate::reader::fetch::{Fetch, Fetcher, Validators};
use crate::reader::normalize::{FeedContext, parse_feed};
use crate::store::archive::Archive;
use crate::store::{Store, Write};
use app::model::FeedSlot;
use chrono::Utc;
use std::sync::Arc;
use url::Url;

/// Reads one feed: fetches it (conditionally when it has validators), parses it, and records
/// its stories: in the archive (memory) and, handed to the writer, in the store. Recording is
/// this step's job, not a side effect of the cache.
#[derive(Clone)]
pub(super) struct Loader {
    pub(super) fetcher: Fetcher,
    pub(super) archive: Arc<Archive>,
    pub(super) store: Store,
    /// Readers' own feeds: their stories stay in `archive` (their own, in memory) and in the
    /// store's `own_stories`, never among the stories every reader's archive, search and
    /// grouping read.
    pub(super) private: bool,
}

impl Loader {
    pub(super) async fn load(
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
                    trouble: e.trouble(),
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
                Failure {
                    reason: e.to_string(),
                    trouble: e.trouble(),
                    retry_after: None,
                }
            })?;
        if parsed.decoding.replaced_invalid_bytes {
            tracing::warn!(feed = %url, encoding = parsed.decoding.encoding, "bytes invalid in the feed's encoding were replaced");
        }
        let mut articles = parsed.articles;
        // Undated and future-dated items keep the time they were first seen, across restarts
        // (from the archive, else from the store for one that has left the recent window).
        for article in &mut articles {
            if !matches!(
                article.date_note,
                Some(app::model::DateNote::FirstSeen | app::model::DateNote::ClampedFuture)
            ) {
                continue;
            }
            let first_seen = match self.archive.get(&article.id) {
                Some(kept) => Some(kept.published),
                None => if self.private {
                    self.store.own_story(&article.id).await
                } else {
                    self.store.story(&article.id).await
                }
                .ok()
                .flatten()
                .map(|kept| kept.published),
            };
            if let Some(first_seen) = first_seen {
                article.published = first_seen;
            }
        }
        // Only what is new or changed goes to the store: a refresh mostly repeats a feed.
        let changed = self.archive.record(&articles);
        if !changed.is_empty() {
            self.store.write(if self.private {
                Write::OwnStories(changed)
            } else {
                Write::Stories(changed)
            });
        }
        Ok(Refresh::Modified {
            articles,
            validators: fetched.validators,
        })
    }
}
