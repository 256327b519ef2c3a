//! What the store answers: a story by id, the recent window, feeds with their stories, the
//! archive's days and pages, story texts, and search. Every list walks the time key (`seq`)
//! newest first; a page's cursor is the last key it showed.

use super::rows::{self, StoredFeed};
use super::{Backend, Store, StoreError};
use crate::news::search::Query;
use crate::record::Record;
use app::model::{ArchiveDay, Category, Country, Language};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Row};

/// Narrows the archive: every field left `None` lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArchiveFilter {
    pub country: Option<Country>,
    pub language: Option<Language>,
    pub source: Option<String>,
}

/// Narrows a search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchFilter {
    pub country: Option<Country>,
    pub language: Option<Language>,
    pub source: Option<String>,
    pub category: Option<Category>,
    /// Published on or after this day (UTC)...
    pub from: Option<NaiveDate>,
    /// ...and on or before this one.
    pub to: Option<NaiveDate>,
}

fn day_start(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// A page of stories and the cursor of the next, if any.
pub type Page = (Vec<Record>, Option<i64>);

fn page_of(rows: Vec<AnyRow>, limit: usize) -> Page {
    let more = rows.len() > limit;
    let mut last = None;
    let articles = rows
        .iter()
        .take(limit)
        .filter_map(|row| {
            last = row.try_get::<i64, _>("seq").ok();
            rows::record_from(row)
        })
        .collect();
    (articles, if more { last } else { None })
}

impl Store {
    /// One story by its id.
    pub async fn story(&self, id: &str) -> Result<Option<Record>, StoreError> {
        let row = sqlx::query(
            "SELECT s.seq, s.article, s.summary_html, s.text_keys FROM stories s WHERE s.id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.as_ref().and_then(rows::record_from))
    }

    /// The stories published since `since`, newest first, at most `limit`.
    pub async fn recent(
        &self,
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<Record>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.seq, s.article, s.summary_html, s.text_keys FROM stories s
             WHERE s.seq >= $1 ORDER BY s.seq DESC LIMIT $2",
        )
        .bind(rows::key_of(since))
        .bind(limit as i64)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().filter_map(rows::record_from).collect())
    }

    /// Every feed's last state with the stories it last carried, in its order.
    pub async fn feeds(&self) -> Result<Vec<StoredFeed>, StoreError> {
        let states = sqlx::query("SELECT * FROM feeds")
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(rows::feed_state_from)
            .collect::<Result<Vec<_>, _>>()?;
        let mut feeds = Vec::with_capacity(states.len());
        for state in states {
            let articles = self.stories(&state.items).await?;
            feeds.push(StoredFeed { state, articles });
        }
        Ok(feeds)
    }

    /// One feed's last state with its stories, if the store knows the feed.
    pub async fn feed(&self, url: &str) -> Result<Option<StoredFeed>, StoreError> {
        let row = sqlx::query("SELECT * FROM feeds WHERE url = $1")
            .bind(url)
            .fetch_optional(self.pool())
            .await?;
        let Some(state) = row.as_ref().map(rows::feed_state_from).transpose()? else {
            return Ok(None);
        };
        let articles = self.stories(&state.items).await?;
        Ok(Some(StoredFeed { state, articles }))
    }

    /// The stories with these ids, in this order (those the store has).
    pub async fn stories(&self, ids: &[String]) -> Result<Vec<Record>, StoreError> {
        let mut found = std::collections::HashMap::new();
        for chunk in ids.chunks(500) {
            // Safe: the statement is ours; only its placeholders are counted in.
            let sql = format!(
                "SELECT s.seq, s.article, s.summary_html, s.text_keys FROM stories s
                 WHERE s.id IN {}",
                rows::values(1, &vec!["{}"; chunk.len()])
            );
            let mut select = sqlx::query::<Any>(sqlx::AssertSqlSafe(sql));
            for id in chunk {
                select = select.bind(id.clone());
            }
            for row in select.fetch_all(self.pool()).await? {
                if let Some(record) = rows::record_from(&row) {
                    found.insert(record.id.clone(), record);
                }
            }
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    /// The story text extracted from an article's page, when one was.
    pub async fn story_text(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT html FROM story_texts WHERE id = $1")
                .bind(id)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// The days with stories, newest first, with how many (narrowed by `filter`).
    pub async fn days(&self, filter: &ArchiveFilter) -> Result<Vec<ArchiveDay>, StoreError> {
        let rows = sqlx::query(
            "SELECT day, CAST(sum(count) AS BIGINT) AS n FROM story_days
             WHERE ($1 IS NULL OR country = $1) AND ($2 IS NULL OR language = $2)
               AND ($3 IS NULL OR source_id = $3)
             GROUP BY day HAVING sum(count) > 0 ORDER BY day DESC",
        )
        .bind(filter.country.map(Country::code))
        .bind(filter.language.map(Language::code))
        .bind(filter.source.as_deref())
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                let day: String = row.try_get("day").ok()?;
                let count: i64 = row.try_get("n").ok()?;
                Some(ArchiveDay {
                    day: day.parse().ok()?,
                    count: count.max(0) as usize,
                })
            })
            .collect())
    }

    /// One day's stories, newest first: `limit` of them after `cursor`.
    pub async fn day(
        &self,
        day: NaiveDate,
        filter: &ArchiveFilter,
        cursor: Option<i64>,
        limit: usize,
    ) -> Result<Page, StoreError> {
        let rows = sqlx::query(
            "SELECT s.seq, s.article, s.summary_html, s.text_keys FROM stories s
             WHERE s.day = $1 AND s.seq < $2
               AND ($3 IS NULL OR s.country = $3) AND ($4 IS NULL OR s.language = $4)
               AND ($5 IS NULL OR s.source_id = $5)
             ORDER BY s.seq DESC LIMIT $6",
        )
        .bind(day.to_string())
        .bind(cursor.unwrap_or(i64::MAX))
        .bind(filter.country.map(Country::code))
        .bind(filter.language.map(Language::code))
        .bind(filter.source.as_deref())
        .bind(limit as i64 + 1)
        .fetch_all(self.pool())
        .await?;
        Ok(page_of(rows, limit))
    }

    /// The stories matching `query`, newest first: `limit` of them after `cursor`.
    pub async fn search(
        &self,
        query: &Query,
        filter: &SearchFilter,
        cursor: Option<i64>,
        limit: usize,
    ) -> Result<Page, StoreError> {
        let from = filter.from.map(|d| rows::key_of(day_start(d)));
        let to = filter
            .to
            .and_then(|d| d.succ_opt())
            .map(|d| rows::key_of(day_start(d)));
        let before = cursor.unwrap_or(i64::MAX).min(to.unwrap_or(i64::MAX));
        // The one difference between the databases: FTS5's MATCH, or a tsquery on the
        // tsvector column (see `Query::fts5` and `Query::tsquery`).
        let (matches, expression) = match self.backend() {
            Backend::Sqlite => ("f.keys MATCH $1", query.fts5()),
            Backend::Postgres => ("f.keys @@ CAST($1 AS tsquery)", query.tsquery()),
        };
        let sql = format!(
            "SELECT s.seq, s.article, s.summary_html, s.text_keys
             FROM story_search f JOIN stories s ON s.seq = f.rowid
             WHERE {matches} AND f.rowid < $2 AND f.rowid >= $3
               AND ($4 IS NULL OR s.country = $4) AND ($5 IS NULL OR s.language = $5)
               AND ($6 IS NULL OR s.source_id = $6) AND ($7 IS NULL OR s.categories LIKE $7)
             ORDER BY f.rowid DESC LIMIT $8"
        );
        // Safe: only one of the two fragments above is formatted in; what was typed is bound.
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(expression)
            .bind(before)
            .bind(from.unwrap_or(i64::MIN))
            .bind(filter.country.map(Country::code))
            .bind(filter.language.map(Language::code))
            .bind(filter.source.as_deref())
            .bind(filter.category.map(|c| format!("%,{},%", c.slug())))
            .bind(limit as i64 + 1)
            .fetch_all(self.pool())
            .await?;
        Ok(page_of(rows, limit))
    }

    /// What was learned under `name` (see `Write::Learned`), if anything.
    pub async fn learned(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT value FROM learned WHERE name = $1")
                .bind(name)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// Waits until every write handed over before this call is written (or has failed).
    pub async fn flush(&self) {
        let (done, written) = tokio::sync::oneshot::channel();
        self.write(super::Write::Flush(done));
        let _ = written.await;
    }

    /// How many stories the store holds.
    pub async fn count(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT count(*) FROM stories")
            .fetch_one(self.pool())
            .await?)
    }
}
