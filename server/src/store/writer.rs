//! The store's one writer: writes arrive on a channel and are written in batches, one
//! transaction each, off every request's path. A failed batch marks the store degraded and is
//! logged; reads go on from what is there. A batch that fails because the database cannot be
//! reached (PostgreSQL restarting, the network between) is kept and written again once it
//! answers, so an outage loses nothing that was read meanwhile.

use super::rows::{self, FeedState};
use super::{Backend, Health};
use crate::news::search::keys;
use crate::record::Record;
use chrono::{DateTime, Utc};
use sqlx::{Any, Row};
use sqlx::{AnyConnection, AnyPool};
use std::collections::HashMap;
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
    /// A reader's own feed's stories, kept apart from the catalog's (`own_stories`).
    OwnStories(Vec<Record>),
    /// The story text extracted from an article's page.
    Text { id: String, html: String },
    /// A feed's state after a fetch.
    Feed(FeedState),
    /// Something the pipeline learned, by name (JSON), replacing what was kept under it.
    Learned { name: &'static str, value: String },
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
pub fn start(pool: AnyPool, backend: Backend, health: Arc<AtomicU8>) -> Sender {
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(run(pool, backend, health, rx));
    Sender(tx)
}

/// How long a batch is retried while the database cannot be reached, before it is dropped.
const RETRY_FOR: Duration = Duration::from_secs(15 * 60);

/// Errors that say the database was not reached, rather than that it refused the batch.
fn unreachable(e: &sqlx::Error) -> bool {
    matches!(
        e,
        sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::WorkerCrashed
    ) || matches!(e, sqlx::Error::Database(d) if d.code().is_some_and(|c| c.starts_with("57P") || c.starts_with("08")))
}

async fn run(
    pool: AnyPool,
    backend: Backend,
    health: Arc<AtomicU8>,
    mut rx: mpsc::UnboundedReceiver<Write>,
) {
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
            let started = tokio::time::Instant::now();
            let mut wait = Duration::from_millis(250);
            loop {
                match write_batch(&pool, backend, &writes).await {
                    Ok(()) => health.store(Health::Ok as u8, Ordering::Relaxed),
                    Err(e) if unreachable(&e) && started.elapsed() < RETRY_FOR => {
                        if health.swap(Health::Unavailable as u8, Ordering::Relaxed)
                            != Health::Unavailable as u8
                        {
                            tracing::error!(writes = count, "store: unreachable, writes wait: {e}");
                        }
                        tokio::time::sleep(wait).await;
                        wait = (wait * 2).min(Duration::from_secs(5));
                        continue;
                    }
                    Err(e) => {
                        health.store(Health::Degraded as u8, Ordering::Relaxed);
                        tracing::error!(writes = count, "store: a batch was not written: {e}");
                    }
                }
                break;
            }
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
}

async fn write_batch(
    pool: &AnyPool,
    backend: Backend,
    writes: &[Write],
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    let mut added = Added::new(backend);
    for write in writes {
        match write {
            Write::Stories(articles) => {
                for chunk in articles.chunks(ROWS_PER_INSERT) {
                    for article in insert_new(&mut tx, chunk, &mut added).await? {
                        upsert_story(&mut tx, article, &mut added).await?;
                    }
                }
            }
            Write::OwnStories(articles) => {
                for article in articles {
                    save_own_story(&mut tx, article).await?;
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
            Write::Feed(state) => {
                save_feed(&mut tx, state).await?;
                if backend == Backend::Postgres {
                    // Delivered to the other instances when this batch commits (never before
                    // the stories it names are there): they take the feed from the store.
                    sqlx::query("SELECT pg_notify($1, $2)")
                        .bind(super::FEED_CHANNEL)
                        .bind(&state.url)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            Write::Learned { name, value } => {
                sqlx::query(
                    "INSERT INTO learned (name, value, updated_at) VALUES ($1, $2, $3)
                     ON CONFLICT (name) DO UPDATE SET value = excluded.value,
                         updated_at = excluded.updated_at",
                )
                .bind(name)
                .bind(value)
                .bind(Utc::now().timestamp())
                .execute(&mut *tx)
                .await?;
            }
            Write::Prune { before } => {
                added.write(&mut tx).await?;
                prune(&mut tx, *before).await?
            }
            Write::Flush(_) => {}
        }
    }
    added.write(&mut tx).await?;
    tx.commit().await
}

/// New stories of a batch whose search keys and day counts are written together, a statement
/// for many rows rather than one per story (most of the cost of ingesting is round trips).
struct Added {
    backend: Backend,
    /// (time key, search keys)
    search: Vec<(i64, String)>,
    /// (day, source) -> (country, language, stories)
    days: HashMap<(String, String), (&'static str, &'static str, i64)>,
}

/// Rows per multi-row INSERT: well under SQLite's limit on bound parameters.
const ROWS_PER_INSERT: usize = 200;

impl Added {
    fn new(backend: Backend) -> Added {
        Added {
            backend,
            search: Vec::new(),
            days: HashMap::new(),
        }
    }

    /// A story just added under its own time key.
    fn story(&mut self, article: &Record) {
        let keys = keys::index_keys(&format!("{}\n{}", article.title, article.summary));
        self.search
            .push((rows::time_key(article.published, &article.id), keys));
        self.count_day(article);
    }

    fn count_day(&mut self, article: &Record) {
        self.days
            .entry((
                article.published.date_naive().to_string(),
                article.source_id.clone(),
            ))
            .or_insert((article.country.code(), article.language.code(), 0))
            .2 += 1;
    }

    async fn write(&mut self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        for chunk in self.search.chunks(ROWS_PER_INSERT) {
            insert_search_keys(conn, self.backend, chunk).await?;
        }
        self.search.clear();
        for ((day, source), (country, language, count)) in self.days.drain() {
            sqlx::query(
                "INSERT INTO story_days (day, source_id, country, language, count)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (day, source_id) DO UPDATE SET count = story_days.count + excluded.count",
            )
            .bind(day)
            .bind(source)
            .bind(country)
            .bind(language)
            .bind(count)
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }
}

/// Adds the stories of `chunk` that are new, in one statement; returns the others (kept
/// already, or whose time key another story has), for `upsert_story`.
async fn insert_new<'a>(
    conn: &mut AnyConnection,
    chunk: &'a [Record],
    added: &mut Added,
) -> Result<Vec<&'a Record>, sqlx::Error> {
    // Safe: the statement is ours; only its placeholders are counted in.
    let sql = format!(
        "INSERT INTO stories (seq, id, source_id, country, language, categories, published,
             day, version, article, summary_html, text_keys) VALUES {}
         ON CONFLICT DO NOTHING RETURNING id",
        rows::values(chunk.len(), &["{}"; 12])
    );
    let mut insert = sqlx::query_scalar::<Any, String>(sqlx::AssertSqlSafe(sql));
    for article in chunk {
        insert = insert
            .bind(rows::time_key(article.published, &article.id))
            .bind(article.id.clone())
            .bind(article.source_id.clone())
            .bind(article.country.code())
            .bind(article.language.code())
            .bind(rows::categories_column(article))
            .bind(article.published.timestamp())
            .bind(article.published.date_naive().to_string())
            .bind(article.updated.unwrap_or(article.published).timestamp())
            .bind(rows::article_column(article))
            .bind(article.summary_html.clone())
            .bind(serde_json::to_string(&article.text_keys).unwrap_or_default());
    }
    let mut inserted: std::collections::HashSet<String> =
        insert.fetch_all(&mut *conn).await?.into_iter().collect();
    let mut rest = Vec::new();
    for article in chunk {
        // Removed once taken: a second version of it in the same chunk was not inserted.
        if inserted.remove(&article.id) {
            added.story(article);
        } else {
            rest.push(article);
        }
    }
    Ok(rest)
}

/// Adds a story, or replaces the kept version with a later one (its categories merged).
async fn upsert_story(
    conn: &mut AnyConnection,
    article: &Record,
    added: &mut Added,
) -> Result<(), sqlx::Error> {
    let version = article.updated.unwrap_or(article.published).timestamp();
    let search_keys = keys::index_keys(&format!("{}\n{}", article.title, article.summary));
    let mut seq = rows::time_key(article.published, &article.id);
    // Most stories of a batch are new: try to add it first, and look for a kept version
    // only when that fails.
    let kept = loop {
        let inserted = sqlx::query(
            "INSERT INTO stories (seq, id, source_id, country, language, categories,
                 published, day, version, article, summary_html, text_keys)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
             ON CONFLICT DO NOTHING",
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
            added.search.push((seq, search_keys));
            added.count_day(article);
            return Ok(());
        }
        let kept = sqlx::query("SELECT seq, version, categories FROM stories WHERE id = $1")
            .bind(&article.id)
            .fetch_optional(&mut *conn)
            .await?;
        match kept {
            Some(row) => break row,
            // Two stories in one second with the same low bits of their ids: the next key down.
            None => seq -= 1,
        }
    };
    // A kept version: its search row may still be waiting in this batch.
    added.write(conn).await?;
    let seq: i64 = kept.try_get("seq")?;
    let kept_version: i64 = kept.try_get("version")?;
    let kept_categories: String = kept.try_get("categories")?;
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
        insert_search_keys(conn, added.backend, &[(seq, search_keys)]).await?;
    } else {
        // The same version seen in another category's feed: only its categories grow (the
        // rest of the story is the version kept: the same version of the same story).
        sqlx::query("UPDATE stories SET categories = $2, article = $3 WHERE seq = $1")
            .bind(seq)
            .bind(&categories)
            .bind(rows::article_column(&merged))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Search keys of stories, in one statement: as text for FTS5 to split at spaces, or as a
/// tsvector literal for PostgreSQL (see migrations/postgres/0001_stories.sql).
async fn insert_search_keys(
    conn: &mut AnyConnection,
    backend: Backend,
    keyed: &[(i64, String)],
) -> Result<(), sqlx::Error> {
    let keys_column = match backend {
        Backend::Sqlite => "{}",
        Backend::Postgres => "CAST({} AS tsvector)",
    };
    // Safe: the statement is ours; only its placeholders are counted in.
    let sql = format!(
        "INSERT INTO story_search (rowid, keys) VALUES {}",
        rows::values(keyed.len(), &["{}", keys_column])
    );
    let mut insert = sqlx::query::<Any>(sqlx::AssertSqlSafe(sql));
    for (seq, keys) in keyed {
        insert = insert.bind(*seq).bind(match backend {
            Backend::Sqlite => keys.clone(),
            Backend::Postgres => keys::tsvector(keys),
        });
    }
    insert.execute(&mut *conn).await?;
    Ok(())
}

/// A feed's state after an attempt; the attempt's lease (see `fleet`) ends with it.
async fn save_feed(conn: &mut AnyConnection, state: &FeedState) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO feeds (url, source_id, etag, last_modified, fetched_at, error, failures,
             retry_at, newest, items, next_fetch_at, trouble)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (url) DO UPDATE SET source_id = excluded.source_id, etag = excluded.etag,
             last_modified = excluded.last_modified, fetched_at = excluded.fetched_at,
             error = excluded.error, failures = excluded.failures, retry_at = excluded.retry_at,
             newest = excluded.newest, items = excluded.items,
             next_fetch_at = excluded.next_fetch_at, trouble = excluded.trouble,
             lease_until = NULL, lease_owner = NULL",
    )
    .bind(&state.url)
    .bind(&state.source_id)
    .bind(&state.validators.etag)
    .bind(&state.validators.last_modified)
    .bind(rows::seconds(state.fetched_at))
    .bind(&state.error)
    .bind(i64::from(state.failures))
    .bind(rows::seconds(state.retry_at))
    .bind(rows::seconds(state.newest))
    .bind(serde_json::to_string(&state.items).unwrap_or_default())
    .bind(rows::millis(state.due_at))
    .bind(
        state
            .error
            .as_ref()
            .and_then(|_| serde_json::to_value(state.trouble).ok())
            .and_then(|v| v.as_str().map(str::to_owned)),
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// An own feed's story, or its later version.
async fn save_own_story(conn: &mut AnyConnection, article: &Record) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO own_stories (id, feed_id, published, article, summary_html, text_keys)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET published = excluded.published,
             article = excluded.article, summary_html = excluded.summary_html,
             text_keys = excluded.text_keys",
    )
    .bind(&article.id)
    .bind(&article.source_id)
    .bind(article.published.timestamp())
    .bind(rows::article_column(article))
    .bind(&article.summary_html)
    .bind(serde_json::to_string(&article.text_keys).unwrap_or_default())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn prune(conn: &mut AnyConnection, before: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let cutoff = rows::key_of(before);
    sqlx::query("DELETE FROM own_stories WHERE published < $1")
        .bind(before.timestamp())
        .execute(&mut *conn)
        .await?;
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
