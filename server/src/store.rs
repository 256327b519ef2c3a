//! The store: everything Panorama has read, kept across restarts. SQLite by default (one file,
//! WAL, the bundled SQLite with FTS5); callers see only `Store`'s methods, never SQL, so a
//! PostgreSQL store can take its place behind them.
//!
//! Reads run on a pool and never wait on writes (WAL). Writes go through one writer task in
//! batches (see `writer`): the pipeline hands stories, texts and feed states over and moves on.

pub mod archive;
mod read;
mod rows;
pub mod writer;

pub use read::{ArchiveFilter, SearchFilter};
pub use rows::{FeedState, StoredFeed};
pub use writer::Write;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

/// Where the store lives when `PANORAMA_DATABASE_URL` is not set: beside the working directory.
pub const DEFAULT_URL: &str = "sqlite://panorama-data/panorama.db";

/// The migrations, compiled in; applied at every start.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Why the store cannot be opened or used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "store: {url:?} is not a database address: use sqlite://<path> (an absolute path is sqlite:///abs/path.db)"
    )]
    BadUrl { url: String },
    #[error("store: cannot create the folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "store: {path} is not a Panorama database ({source}). It was left as it is: move it away or point PANORAMA_DATABASE_URL elsewhere"
    )]
    NotADatabase { path: PathBuf, source: sqlx::Error },
    #[error(
        "store: {path} was written by a newer Panorama (schema version {found}, this one knows up to {known}). It was left as it is: run the newer version, or point PANORAMA_DATABASE_URL elsewhere"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("store: cannot migrate {path}: {source}")]
    Migrate {
        path: PathBuf,
        source: sqlx::migrate::MigrateError,
    },
    #[error("store: {0}")]
    Query(#[from] sqlx::Error),
}

/// How the store is doing, for `/healthz`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Health {
    Ok,
    /// Reads work, but the last write failed (disk full, read-only file): what is read now may
    /// be lost on restart.
    Degraded,
    /// The database cannot be reached.
    Unavailable,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Ok => "ok",
            Health::Degraded => "degraded",
            Health::Unavailable => "unavailable",
        }
    }
}

/// Limits on the database file.
#[derive(Clone, Copy, Debug, Default)]
pub struct Limits {
    /// The file grows to at most this many pages (4 KiB each): past it, writes fail as on a
    /// full disk.
    pub max_pages: Option<u64>,
}

/// The store's handle: cheap to clone, shared by the service and the writer.
#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
    path: PathBuf,
    health: Arc<AtomicU8>,
    writes: writer::Sender,
}

impl Store {
    /// Opens (creating it and its folder on first start) the database at `url`, applies the
    /// migrations and starts the writer. A file that is not a database, or one from a newer
    /// Panorama, is refused and left untouched.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        Store::open_with(url, Limits::default()).await
    }

    /// `open`, with limits (tests use them to fill the disk on purpose).
    pub async fn open_with(url: &str, limits: Limits) -> Result<Store, StoreError> {
        let path = sqlite_path(url)?;
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
                path: folder.to_path_buf(),
                source,
            })?;
        }
        let options = SqliteConnectOptions::from_str("sqlite://")
            .map_err(|_| StoreError::BadUrl { url: url.into() })?
            .filename(&path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // WAL with NORMAL: a crash of the process loses nothing committed; a power cut
            // may lose the last batches, never the file.
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(false)
            // 32 MiB of pages per connection (SQLite's default is 2 MiB): the indexes of a
            // year of stories stay in memory while a batch is written.
            .pragma("cache_size", "-32768");
        let options = match limits.max_pages {
            Some(pages) => options.pragma("max_page_count", pages.to_string()),
            None => options,
        };
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1)
            .connect_with(options)
            .await
            .map_err(|source| StoreError::NotADatabase {
                path: path.clone(),
                source,
            })?;
        // A file that is not SQLite fails on its first read, not at connect.
        sqlx::query("SELECT count(*) FROM sqlite_master")
            .execute(&pool)
            .await
            .map_err(|source| StoreError::NotADatabase {
                path: path.clone(),
                source,
            })?;
        migrate(&pool, &path).await?;
        let health = Arc::new(AtomicU8::new(Health::Ok as u8));
        let writes = writer::start(pool.clone(), health.clone());
        Ok(Store {
            pool,
            path,
            health,
            writes,
        })
    }

    /// A store in a new file in the system's temporary folder, for tests and one-off tools.
    pub async fn temporary() -> Result<Store, StoreError> {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let path = std::env::temp_dir().join(format!(
            "panorama-{}-{}-{}.db",
            std::process::id(),
            chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        Store::open(&format!("sqlite://{}", path.display())).await
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn health(&self) -> Health {
        match self.health.load(Ordering::Relaxed) {
            0 => Health::Ok,
            1 => Health::Degraded,
            _ => Health::Unavailable,
        }
    }

    /// Hands `write` to the writer; it is written with the next batch. Never waits.
    pub fn write(&self, write: Write) {
        self.writes.send(write);
    }

    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// Applies the migrations this build knows; a database with a later one is refused.
async fn migrate(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
    let known = MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0);
    let applied: Option<i64> =
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success = 1")
            .fetch_one(pool)
            .await
            .ok()
            .flatten();
    if let Some(found) = applied.filter(|v| *v > known) {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            known,
        });
    }
    MIGRATOR
        .run(pool)
        .await
        .map_err(|source| StoreError::Migrate {
            path: path.to_path_buf(),
            source,
        })
}

/// The file a `sqlite://` address names: `sqlite://relative/path.db` or
/// `sqlite:///absolute/path.db`.
pub fn sqlite_path(url: &str) -> Result<PathBuf, StoreError> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .map(|r| r.split('?').next().unwrap_or(r))
        .filter(|r| !r.is_empty() && *r != "/")
        .ok_or_else(|| StoreError::BadUrl { url: url.into() })?;
    Ok(PathBuf::from(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_name_files() {
        assert_eq!(
            sqlite_path("sqlite://panorama-data/p.db").unwrap(),
            PathBuf::from("panorama-data/p.db")
        );
        assert_eq!(
            sqlite_path("sqlite:///var/lib/p.db").unwrap(),
            PathBuf::from("/var/lib/p.db")
        );
        assert!(sqlite_path("postgres://x@y/z").is_err());
        assert!(sqlite_path("sqlite://").is_err());
    }
}
