//! The store's one writer: writes arrive on a channel and are written in batches, one
//! transaction each, off every request's path. A failed batch marks the store degraded and is
//! logged; reads go on from what is there.

use super::Health;
use super::rows::{self, FeedState};
use crate::news::search::keys;
use crate::record::Record;
use chrono::{DateTime, Utc};
use sqlx::sqlite::SqlitePool;
use sqlx::{Row, SqliteConnection};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// A batch waits at most this long for more writes after its first.
const BATCH_WAIT: Duration = Duration::from_millis(50);
/// Writes per batch at most (a write may carry a whole feed's stories).
const MAX_BATCH: usize = 256;

/// Something to keep.
#[derive(Debug)]
pub enum Write {
    /// Stories read from a feed: new ones are added, later versions replace earlier ones.
    Stories(Vec<Record>),
    /// The story text extracted from an article's page.
    Text { id: String, html: String },
    /// A feed's state after a fetch.
    Feed(FeedState),
    /// Everything published before this goes (retention).
    Prune { before: DateTime<Utc> },
    /// Answered once everything sent before it is written (or failed).
    Flush(oneshot::Sender<()>),
}

/// Where writes go.
#[derive(Clone)]
pub struct Sender(mpsc::UnboundedSender<Write>);

impl Sender {
    pub fn send(&self, write: Write) {
        if self.0.send(write).is_err() {
            tracing::error!("store: the writer has stopped; a write was dropped");
        }
    }
}

/// Starts the writer task; it ends when every sender is gone.
pub fn start(pool: SqlitePool, health: Arc<AtomicU8>) -> Sender {
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(run(pool, health, rx));
    Sender(tx)
}

async fn run(pool: SqlitePool, health: Arc<AtomicU8>, mut rx: mpsc::UnboundedReceiver<Write>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        let until = tokio::time::Instant::now() + BATCH_WAIT;
        while batch.len() < MAX_BATCH {
            match tokio::time::timeout_at(until, rx.recv()).await {
                Ok(Some(write)) => batch.push(write),
                _ => break,
            }
        }
        let mut flushes = Vec::new();
        let writes: Vec<Write> = batch
            .into_iter()
            .filter_map(|w| match w {
                Write::Flush(done) => {
                    flushes.push(done);
                    None
                }
                w => Some(w),
            })
            .collect();
        if !writes.is_empty() {
            let count = writes.len();
            match write_batch(&pool, writes).await {
                Ok(()) => health.store(Health::Ok as u8, Ordering::Relaxed),
                Err(e) => {
                    health.store(Health::Degraded as u8, Ordering::Relaxed);
                    tracing::error!(writes = count, "store: a batch was not written: {e}");
                }
            }
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

async fn write_batch(pool: &SqlitePool, writes: Vec<Write>) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    for write in writes {
        match write {
            Write::Stories(articles) => {
                for article in &articles {
                    upsert_story(&mut tx, article).await?;
                }
            }
            Write::Text { id, html } => {
                sqlx::query(
                    "INSERT INTO story_texts (id, html, fetched_at) VALUES ($1, $2, $3)
                     ON CONFLICT (id) DO UPDATE SET html = excluded.html, fetched_at = excluded.fetched_at",
                )
                .bind(id)
                .bind(html)
                .bind(Utc::now().timestamp())
                .execute(&mut *tx)
                .await?;
            }
            Write::Feed(state) => save_feed(&mut tx, state).await?,
            Write::Prune { before } => prune(&mut tx, before).await?,
            Write::Flush(_) => {}
        }
    }
    tx.commit().await
}

/// Adds a story, or replaces the kept version with a later one (its categories merged).
pub(super) async fn upsert_story(
    conn: &mut SqliteConnection,
    article: &Record,
) -> Result<(), sqlx::Error> {
    let version = article.updated.unwrap_or(article.published).timestamp();
    let kept = sqlx::query("SELECT seq, version, categories FROM stories WHERE id = $1")
        .bind(&article.id)
        .fetch_optional(&mut *conn)
        .await?;
    let search_keys = keys::index_keys(&format!("{}\n{}", article.title, article.summary));
    match kept {
        None => {
            let mut seq = rows::time_key(article.published, &article.id);
            // Two stories in one second with the same low bits of their ids: the next key down.
            for _ in 0..64 {
                let inserted = sqlx::query(
                    "INSERT INTO stories (seq, id, source_id, country, language, categories,
                         published, day, version, article, summary_html, text_keys)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                     ON CONFLICT (seq) DO NOTHING",
                )
                .bind(seq)
                .bind(&article.id)
                .bind(&article.source_id)
                .bind(article.country.code())
                .bind(article.language.code())
                .bind(rows::categories_column(article))
                .bind(article.published.timestamp())
                .bind(article.published.date_naive().to_string())
                .bind(version)
                .bind(rows::article_column(article))
                .bind(&article.summary_html)
                .bind(serde_json::to_string(&article.text_keys).unwrap_or_default())
                .execute(&mut *conn)
                .await?;
                if inserted.rows_affected() == 1 {
                    break;
                }
                seq -= 1;
            }
            sqlx::query("INSERT INTO story_search (rowid, keys) VALUES ($1, $2)")
                .bind(seq)
                .bind(search_keys)
                .execute(&mut *conn)
                .await?;
            sqlx::query(
                "INSERT INTO story_days (day, source_id, country, language, count)
                 VALUES ($1, $2, $3, $4, 1)
                 ON CONFLICT (day, source_id) DO UPDATE SET count = count + 1",
            )
            .bind(article.published.date_naive().to_string())
            .bind(&article.source_id)
            .bind(article.country.code())
            .bind(article.language.code())
            .execute(&mut *conn)
            .await?;
        }
        Some(row) => {
            let seq: i64 = row.try_get("seq")?;
            let kept_version: i64 = row.try_get("version")?;
            let kept_categories: String = row.try_get("categories")?;
            let mut merged = article.clone();
            for slug in kept_categories.split(',').filter(|s| !s.is_empty()) {
                if let Some(c) = app::model::Category::from_slug(slug)
                    && !merged.categories.contains(&c)
                {
                    merged.categories.push(c);
                }
            }
            merged.categories.sort();
            let categories = rows::categories_column(&merged);
            let newer = version > kept_version;
            if !newer && categories == kept_categories {
                return Ok(());
            }
            if newer {
                sqlx::query(
                    "UPDATE stories SET version = $2, categories = $3, article = $4,
                         summary_html = $5, text_keys = $6 WHERE seq = $1",
                )
                .bind(seq)
                .bind(version)
                .bind(&categories)
                .bind(rows::article_column(&merged))
                .bind(&merged.summary_html)
                .bind(serde_json::to_string(&merged.text_keys).unwrap_or_default())
                .execute(&mut *conn)
                .await?;
                sqlx::query("DELETE FROM story_search WHERE rowid = $1")
                    .bind(seq)
                    .execute(&mut *conn)
                    .await?;
                sqlx::query("INSERT INTO story_search (rowid, keys) VALUES ($1, $2)")
                    .bind(seq)
                    .bind(search_keys)
                    .execute(&mut *conn)
                    .await?;
            } else {
                // The same version seen in another category's feed: only its categories grow.
                sqlx::query(
                    "UPDATE stories SET categories = $2,
                         article = json_set(article, '$.categories', json($3)) WHERE seq = $1",
                )
                .bind(seq)
                .bind(&categories)
                .bind(serde_json::to_string(&merged.categories).unwrap_or_default())
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(())
}

async fn save_feed(conn: &mut SqliteConnection, state: FeedState) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO feeds (url, source_id, etag, last_modified, fetched_at, error, failures,
             retry_at, newest, items)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (url) DO UPDATE SET source_id = excluded.source_id, etag = excluded.etag,
             last_modified = excluded.last_modified, fetched_at = excluded.fetched_at,
             error = excluded.error, failures = excluded.failures, retry_at = excluded.retry_at,
             newest = excluded.newest, items = excluded.items",
    )
    .bind(state.url)
    .bind(state.source_id)
    .bind(state.validators.etag)
    .bind(state.validators.last_modified)
    .bind(rows::seconds(state.fetched_at))
    .bind(state.error)
    .bind(i64::from(state.failures))
    .bind(rows::seconds(state.retry_at))
    .bind(rows::seconds(state.newest))
    .bind(serde_json::to_string(&state.items).unwrap_or_default())
    .execute(conn)
    .await?;
    Ok(())
}

async fn prune(conn: &mut SqliteConnection, before: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let cutoff = rows::key_of(before);
    let day = before.date_naive().to_string();
    sqlx::query("DELETE FROM story_search WHERE rowid < $1")
        .bind(cutoff)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM story_texts WHERE id IN (SELECT id FROM stories WHERE seq < $1)")
        .bind(cutoff)
        .execute(&mut *conn)
        .await?;
    let gone = sqlx::query("DELETE FROM stories WHERE seq < $1")
        .bind(cutoff)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    // Days before the cutoff's day are gone whole; that day is counted again.
    sqlx::query("DELETE FROM story_days WHERE day <= $1")
        .bind(&day)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO story_days (day, source_id, country, language, count)
         SELECT day, source_id, country, language, count(*) FROM stories WHERE day = $1
         GROUP BY day, source_id, country, language",
    )
    .bind(&day)
    .execute(&mut *conn)
    .await?;
    if gone > 0 {
        tracing::info!(stories = gone, before = %before, "store: pruned");
    }
    Ok(())
}
