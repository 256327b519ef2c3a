//! The store: everything Panorama has read, kept across restarts. SQLite by default (one file,
//! WAL, the bundled SQLite with FTS5), PostgreSQL for a fleet of instances sharing one store.
//! Callers see only `Store`'s methods, never SQL.
//!
//! Both run through sqlx's `Any` driver, so every query that both databases understand alike
//! is written once; what differs (the full-text index, the connection's settings, the fleet's
//! notifications) is chosen by `Backend` in the few places that need it.
//!
//! Reads run on a pool and never wait on writes. Writes go through one writer task in batches
//! (see `writer`): the pipeline hands stories, texts and feed states over and moves on.

pub mod archive;
mod fleet;
mod own;
mod read;
mod rows;
pub mod writer;

pub use fleet::{Claim, FEED_CHANNEL, Leadership};
pub use own::OwnFeedRow;
pub use read::{ArchiveFilter, SearchFilter};
pub use rows::{FeedState, StoredFeed};
pub use writer::Write;

use sqlx::AnyPool;
use sqlx::Connection;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

/// Where the store lives when `PANORAMA_DATABASE_URL` is not set: beside the working directory.
pub const DEFAULT_URL: &str = "sqlite://panorama-data/panorama.db";

/// The migrations, compiled in; applied at every start. Both folders hold the same versions:
/// a version is one change to the schema, written for each database.
static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database the store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgresql",
        }
    }
}

/// Why the store cannot be opened or used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "store: {url:?} is not a database address: use sqlite://<path> (an absolute path is sqlite:///abs/path.db) or postgres://user@host:port/database"
    )]
    BadUrl { url: String },
    #[error("store: cannot create the folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "store: {place} is not a Panorama database ({source}). It was left as it is: move it away or point PANORAMA_DATABASE_URL elsewhere"
    )]
    NotADatabase { place: String, source: sqlx::Error },
    #[error("store: cannot reach {place}: {source}")]
    Unreachable { place: String, source: sqlx::Error },
    #[error(
        "store: {place} was written by a newer Panorama (schema version {found}, this one knows up to {known}). It was left as it is: run the newer version, or point PANORAMA_DATABASE_URL elsewhere"
    )]
    NewerSchema {
        place: String,
        found: i64,
        known: i64,
    },
    #[error("store: cannot migrate {place}: {source}")]
    Migrate {
        place: String,
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
    pool: AnyPool,
    backend: Backend,
    /// The address as given (PostgreSQL's notifications open a connection of their own).
    url: String,
    /// Where it is, for messages and logs: the file, or the server without its password.
    place: String,
    /// The file, for SQLite.
    path: Option<PathBuf>,
    health: Arc<AtomicU8>,
    writes: writer::Sender,
}

impl Store {
    /// Opens the store at `url`: a SQLite file (created with its folder on first start) or a
    /// PostgreSQL database. Applies the migrations and starts the writer. A file that is not
    /// a database, or a database from a newer Panorama, is refused and left untouched.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        Store::open_with(url, Limits::default()).await
    }

    /// `open`, with limits (tests use them to fill the disk on purpose).
    pub async fn open_with(url: &str, limits: Limits) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (pool, backend, place, path) = if is_postgres(url) {
            let place = redacted(url);
            let pool = AnyPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(5))
                .connect(url)
                .await
                .map_err(|source| StoreError::Unreachable {
                    place: place.clone(),
                    source,
                })?;
            (pool, Backend::Postgres, place, None)
        } else {
            let (pool, path) = open_sqlite(url, limits).await?;
            (
                pool,
                Backend::Sqlite,
                path.display().to_string(),
                Some(path),
            )
        };
        migrate(&pool, backend, &place).await?;
        let health = Arc::new(AtomicU8::new(Health::Ok as u8));
        let writes = writer::start(pool.clone(), backend, health.clone());
        Ok(Store {
            pool,
            backend,
            url: url.to_owned(),
            place,
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

    /// The database file, for SQLite.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Where the store is, for logs: the file, or the server (never its password).
    pub fn place(&self) -> &str {
        &self.place
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn health(&self) -> Health {
        match self.health.load(Ordering::Relaxed) {
            0 => Health::Ok,
            1 => Health::Degraded,
            _ => Health::Unavailable,
        }
    }

    /// Asks the database whether it answers (for `/healthz`): a store that was unavailable
    /// and answers again is well again; one that does not answer within two seconds is
    /// unavailable. A degraded store (its last write failed) stays so until a write succeeds.
    pub async fn check(&self) -> Health {
        let answered = tokio::time::timeout(
            Duration::from_secs(2),
            sqlx::query("SELECT 1").execute(&self.pool),
        )
        .await;
        match answered {
            Ok(Ok(_)) => {
                let _ = self.health.compare_exchange(
                    Health::Unavailable as u8,
                    Health::Ok as u8,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                );
            }
            _ => self
                .health
                .store(Health::Unavailable as u8, Ordering::Relaxed),
        }
        self.health()
    }

    /// Hands `write` to the writer; it is written with the next batch. Never waits.
    pub fn write(&self, write: Write) {
        self.writes.send(write);
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub(crate) fn url(&self) -> &str {
        &self.url
    }
}

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// `url` without its password, for messages.
fn redacted(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) => {
            if parsed.password().is_some() {
                let _ = parsed.set_password(Some("***"));
            }
            parsed.to_string()
        }
        Err(_) => "the PostgreSQL server".into(),
    }
}

async fn open_sqlite(url: &str, limits: Limits) -> Result<(AnyPool, PathBuf), StoreError> {
    let path = sqlite_path(url)?;
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
            path: folder.to_path_buf(),
            source,
        })?;
    }
    let options = AnyConnectOptions::from_str(&format!("sqlite://{}?mode=rwc", path.display()))
        .map_err(|_| StoreError::BadUrl { url: url.into() })?;
    // WAL with NORMAL: a crash of the process loses nothing committed; a power cut may lose
    // the last batches, never the file. 32 MiB of pages per connection (SQLite's default is
    // 2 MiB): the indexes of a year of stories stay in memory while a batch is written.
    let mut settings = String::from(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;
         PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768;",
    );
    if let Some(pages) = limits.max_pages {
        settings.push_str(&format!(" PRAGMA max_page_count = {pages};"));
    }
    let place = path.display().to_string();
    let not_a_database = |source| StoreError::NotADatabase {
        place: place.clone(),
        source,
    };
    // The settings are checked once here, so a file that is not SQLite is refused by name
    // (it fails on its first read, not at connect)...
    let mut first = sqlx::AnyConnection::connect_with(&options)
        .await
        .map_err(not_a_database)?;
    // Safe: the settings are written here, the one number in them is ours.
    sqlx::raw_sql(sqlx::AssertSqlSafe(settings.clone()))
        .execute(&mut first)
        .await
        .map_err(not_a_database)?;
    sqlx::query("SELECT count(*) FROM sqlite_master")
        .execute(&mut first)
        .await
        .map_err(not_a_database)?;
    let _ = first.close().await;
    // ...and then applied to every connection of the pool.
    let pool = AnyPoolOptions::new()
        .max_connections(4)
        .min_connections(1)
        .after_connect(move |conn, _| {
            let settings = settings.clone();
            Box::pin(async move {
                sqlx::raw_sql(sqlx::AssertSqlSafe(settings))
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            })
        })
        .connect_with(options)
        .await
        .map_err(not_a_database)?;
    Ok((pool, path))
}

/// Applies the migrations this build knows; a database with a later one is refused.
async fn migrate(pool: &AnyPool, backend: Backend, place: &str) -> Result<(), StoreError> {
    let migrator = match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    };
    let known = migrator.iter().map(|m| m.version).max().unwrap_or(0);
    let applied: Option<i64> =
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success = true")
            .fetch_one(pool)
            .await
            .ok()
            .flatten();
    if let Some(found) = applied.filter(|v| *v > known) {
        return Err(StoreError::NewerSchema {
            place: place.to_owned(),
            found,
            known,
        });
    }
    // On PostgreSQL the migrator holds an advisory lock while it runs: instances starting
    // together migrate once.
    migrator
        .run(pool)
        .await
        .map_err(|source| StoreError::Migrate {
            place: place.to_owned(),
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

    #[test]
    fn passwords_stay_out_of_messages() {
        assert_eq!(
            redacted("postgres://panorama:secret@db.internal:5432/news"),
            "postgres://panorama:***@db.internal:5432/news"
        );
        assert!(is_postgres("postgresql://x@y/z") && !is_postgres("sqlite://p.db"));
    }
}
