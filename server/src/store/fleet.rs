//! Turns at each feed, for instances sharing one store. A feed is fetched by one instance at a
//! time, and by none sooner than its time to live (or back-off) after any instance's last
//! attempt: an instance claims the feed's lease in the database before it fetches, and the
//! feed's state, written after the fetch, ends the lease and says when the feed is next due.
//! An instance that dies holding a lease loses it when the lease runs out.
//!
//! A claim is one conditional `UPDATE` of the feed's row: both databases apply it atomically
//! (PostgreSQL re-checks the condition on the row it locks), so of two instances claiming at
//! once exactly one wins, and neither waits on the other. It is what `SELECT … FOR UPDATE SKIP
//! LOCKED` gives a queue, for one row, and it runs unchanged on SQLite.
//!
//! On PostgreSQL the writer also announces each feed's new state on `FEED_CHANNEL` (`NOTIFY`,
//! delivered when the batch commits), so the other instances take it from the store at once
//! rather than when their copy runs out.

use super::rows::{self, StoredFeed};
use super::{Backend, Store, StoreError};
use chrono::{DateTime, Utc};
use futures::Stream;
use std::time::Duration;

/// The advisory lock the instance that groups More Related News holds ("panorama").
const GROUPING_LOCK: i64 = 0x7061_6e6f_7261_6d61;

/// The channel feeds' new states are announced on (payload: the feed's address).
pub const FEED_CHANNEL: &str = "panorama_feeds";

/// What a claim found.
#[derive(Debug)]
pub enum Claim {
    /// This instance holds the lease: fetch the feed now.
    Fetch,
    /// Not this instance's turn: another fetched the feed within its time to live, or is
    /// fetching it now (`leased`). `stored` is the store's copy when it is newer than the one
    /// the claimant has; `due_at` is when the feed is next due.
    Taken {
        leased: bool,
        due_at: Option<DateTime<Utc>>,
        stored: Option<Box<StoredFeed>>,
    },
}

impl Store {
    /// Claims `url` for `owner` for `lease`, if it is due and no other instance holds it.
    /// `known` is when the claimant's copy of the feed was fetched: an older copy in the
    /// store is not read again.
    pub async fn claim(
        &self,
        url: &str,
        source_id: &str,
        owner: &str,
        lease: Duration,
        known: Option<DateTime<Utc>>,
    ) -> Result<Claim, StoreError> {
        let now = Utc::now();
        let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
        sqlx::query(
            "INSERT INTO feeds (url, source_id) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING",
        )
        .bind(url)
        .bind(source_id)
        .execute(self.pool())
        .await?;
        let claimed = sqlx::query(
            "UPDATE feeds SET lease_owner = $2, lease_until = $3
             WHERE url = $1
               AND (lease_until IS NULL OR lease_until <= $4 OR lease_owner = $2)
               AND (next_fetch_at IS NULL OR next_fetch_at <= $4)",
        )
        .bind(url)
        .bind(owner)
        .bind(until.timestamp_millis())
        .bind(now.timestamp_millis())
        .execute(self.pool())
        .await?
        .rows_affected()
            == 1;
        if claimed {
            return Ok(Claim::Fetch);
        }
        let row: Option<(Option<i64>, Option<i64>, Option<i64>)> = sqlx::query_as(
            "SELECT lease_until, next_fetch_at, fetched_at FROM feeds WHERE url = $1",
        )
        .bind(url)
        .fetch_optional(self.pool())
        .await?;
        let (lease_until, next_fetch_at, fetched_at) = row.unwrap_or_default();
        let newer = rows::time(fetched_at)
            .is_some_and(|stored| known.is_none_or(|k| stored.timestamp() > k.timestamp()));
        let stored = if newer {
            self.feed(url).await?.map(Box::new)
        } else {
            None
        };
        Ok(Claim::Taken {
            leased: lease_until.is_some_and(|t| t > now.timestamp_millis()),
            due_at: next_fetch_at.and_then(DateTime::from_timestamp_millis),
            stored,
        })
    }

    /// How many feeds' leases `owner` holds now (for `/healthz`).
    pub async fn leases_held(&self, owner: &str) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT count(*) FROM feeds WHERE lease_owner = $1 AND lease_until > $2",
        )
        .bind(owner)
        .bind(Utc::now().timestamp_millis())
        .fetch_one(self.pool())
        .await?)
    }

    /// The addresses of feeds other instances have just refreshed, as they are announced
    /// (PostgreSQL only; `None` on SQLite, where one instance is the fleet). The stream
    /// reconnects by itself after the database comes back.
    pub async fn feed_announcements(
        &self,
    ) -> Result<Option<impl Stream<Item = String> + use<>>, StoreError> {
        if self.backend() != Backend::Postgres {
            return Ok(None);
        }
        let mut listener = sqlx::postgres::PgListener::connect(self.url()).await?;
        listener.listen(FEED_CHANNEL).await?;
        Ok(Some(futures::stream::unfold(
            listener,
            |mut listener| async move {
                loop {
                    match listener.recv().await {
                        Ok(note) => {
                            let url = note.payload().to_owned();
                            return Some((url, listener));
                        }
                        Err(e) => {
                            tracing::warn!("store: feed announcements paused: {e}");
                            tokio::time::sleep(Duration::from_secs(1)).await;
                        }
                    }
                }
            },
        )))
    }
}

/// Whether this instance groups More Related News for the fleet: on PostgreSQL, the instance
/// holding an advisory lock on a connection of its own (released by PostgreSQL when that
/// instance dies, so another takes over at its next try); on SQLite, always.
pub struct Leadership {
    store: Store,
    held: Option<sqlx::AnyConnection>,
}

impl Leadership {
    pub fn new(store: Store) -> Leadership {
        Leadership { store, held: None }
    }

    /// Whether this instance leads now: keeps the lock it holds, or tries to take it.
    pub async fn hold(&mut self) -> bool {
        use sqlx::Connection;
        if self.store.backend() == Backend::Sqlite {
            return true;
        }
        if let Some(conn) = &mut self.held {
            if sqlx::query("SELECT 1").execute(&mut *conn).await.is_ok() {
                return true;
            }
            // The connection died: PostgreSQL has let go of the lock with it.
            self.held = None;
        }
        let Ok(mut conn) = sqlx::AnyConnection::connect(self.store.url()).await else {
            return false;
        };
        let taken: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(GROUPING_LOCK)
            .fetch_one(&mut conn)
            .await
            .unwrap_or(false);
        if taken {
            self.held = Some(conn);
        }
        taken
    }
}
