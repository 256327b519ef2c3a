//! Readers' own feeds: the address behind each id the server gave (`own-` and twelve hex
//! digits of the address's hash), with what the feed says of itself, and the stories read
//! from it, apart from the catalog's. Nothing of who added it.

use super::{Store, StoreError, rows};
use crate::record::Record;
use sqlx::Row;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnFeedRow {
    pub id: String,
    pub url: String,
    pub title: String,
    /// A language code (`en`, `hi`, ...), when the feed says one Panorama knows.
    pub language: Option<String>,
}

impl Store {
    pub async fn own_feed(&self, id: &str) -> Result<Option<OwnFeedRow>, StoreError> {
        let row = sqlx::query("SELECT id, url, title, language FROM own_feeds WHERE id = $1")
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(row) => Some(OwnFeedRow {
                id: row.try_get("id")?,
                url: row.try_get("url")?,
                title: row.try_get("title")?,
                language: row.try_get("language")?,
            }),
            None => None,
        })
    }

    /// An own feed's story (they are kept apart from the catalog's `stories`).
    pub async fn own_story(&self, id: &str) -> Result<Option<Record>, StoreError> {
        let row =
            sqlx::query("SELECT article, summary_html, text_keys FROM own_stories WHERE id = $1")
                .bind(id)
                .fetch_optional(self.pool())
                .await?;
        Ok(row.as_ref().and_then(rows::record_from))
    }

    /// Records an own feed, or what it now says of itself.
    pub async fn save_own_feed(&self, feed: &OwnFeedRow) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO own_feeds (id, url, title, language, added_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, language = excluded.language",
        )
        .bind(&feed.id)
        .bind(&feed.url)
        .bind(&feed.title)
        .bind(feed.language.as_deref())
        .bind(chrono::Utc::now().timestamp_millis())
        .execute(self.pool())
        .await?;
        Ok(())
    }
}
