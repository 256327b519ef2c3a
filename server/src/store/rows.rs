//! How a story and a feed's state become rows and come back: the one place that knows the
//! columns.

use crate::reader::fetch::Validators;
use crate::record::Record;
use app::model::Article;
use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

/// `($1, $2), ($3, $4), …`: `rows` tuples of numbered placeholders, one per column template
/// (`{}` is the placeholder: `CAST({} AS tsvector)`). Written here because sqlx's query
/// builder writes `?` for its `Any` driver, which PostgreSQL does not read.
pub fn values(rows: usize, columns: &[&str]) -> String {
    let mut out = String::new();
    let mut n = 0;
    for row in 0..rows {
        if row > 0 {
            out.push_str(", ");
        }
        out.push('(');
        for (i, template) in columns.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            n += 1;
            out.push_str(&template.replace("{}", &format!("${n}")));
        }
        out.push(')');
    }
    out
}

/// A story's time key (`stories.seq`): its publication second, then 16 bits of its id, so
/// ordering by the key is ordering by publication and ties are rare and stable.
pub fn time_key(published: DateTime<Utc>, id: &str) -> i64 {
    let low = u64::from_str_radix(id.get(id.len().saturating_sub(4)..).unwrap_or(""), 16)
        .unwrap_or_else(|_| {
            id.bytes()
                .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)))
        })
        & 0xFFFF;
    published.timestamp().saturating_mul(65_536) + low as i64
}

/// The smallest time key of a second: `seq < key_of(t)` means "published before t".
pub fn key_of(t: DateTime<Utc>) -> i64 {
    t.timestamp().saturating_mul(65_536)
}

/// What a story's categories look like in their column.
pub fn categories_column(article: &Article) -> String {
    let mut out = String::from(",");
    for c in &article.categories {
        out.push_str(c.slug());
        out.push(',');
    }
    out
}

/// The wire article as stored: the fields a page of the timeline adds (wire copies, folded
/// articles, the count of other languages) belong to that page, not to the story.
pub fn article_column(article: &Article) -> String {
    let bare = Article {
        also: Vec::new(),
        folded: Vec::new(),
        other_languages: 0,
        ..article.clone()
    };
    serde_json::to_string(&bare).unwrap_or_default()
}

/// A story read back from `stories` (columns `article`, `summary_html`, `text_keys`).
pub fn record_from(row: &AnyRow) -> Option<Record> {
    let json: String = row.try_get("article").ok()?;
    let article: Article = match serde_json::from_str(&json) {
        Ok(a) => a,
        Err(e) => {
            tracing::warn!("store: a stored story does not read back: {e}");
            return None;
        }
    };
    let keys: String = row.try_get("text_keys").unwrap_or_default();
    Some(Record {
        article,
        summary_html: row.try_get("summary_html").unwrap_or_default(),
        text_keys: serde_json::from_str(&keys).unwrap_or_default(),
    })
}

/// A feed's state as the cache keeps it, for the store.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedState {
    pub url: String,
    pub source_id: String,
    pub validators: Validators,
    /// The last success (a 200 or a 304).
    pub fetched_at: Option<DateTime<Utc>>,
    /// Why the last attempt failed, when it did, and what a reader is told of it.
    pub error: Option<String>,
    pub trouble: app::model::Trouble,
    pub failures: u32,
    /// No request before this (back-off, `Retry-After`).
    pub retry_at: Option<DateTime<Utc>>,
    /// The newest item's publication time.
    pub newest: Option<DateTime<Utc>>,
    /// The ids of the items it last carried, in its order.
    pub items: Vec<String>,
    /// No instance fetches it before this (its time to live, or its back-off, from the last
    /// attempt of any instance).
    pub due_at: Option<DateTime<Utc>>,
}

/// A feed's state with its stories, read back at boot.
#[derive(Clone, Debug)]
pub struct StoredFeed {
    pub state: FeedState,
    pub articles: Vec<Record>,
}

pub fn seconds(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.map(|t| t.timestamp())
}

pub fn millis(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.map(|t| t.timestamp_millis())
}

pub fn time(s: Option<i64>) -> Option<DateTime<Utc>> {
    s.and_then(|s| DateTime::from_timestamp(s, 0))
}

pub fn feed_state_from(row: &AnyRow) -> Result<FeedState, sqlx::Error> {
    let items: String = row.try_get("items")?;
    Ok(FeedState {
        url: row.try_get("url")?,
        source_id: row.try_get("source_id")?,
        validators: Validators {
            etag: row.try_get("etag")?,
            last_modified: row.try_get("last_modified")?,
        },
        fetched_at: time(row.try_get("fetched_at")?),
        error: row.try_get("error")?,
        // Written by version 4 on; a state from before reads as "could not be read".
        trouble: row
            .try_get::<Option<String>, _>("trouble")
            .ok()
            .flatten()
            .and_then(|t| serde_json::from_value(serde_json::Value::String(t)).ok())
            .unwrap_or_default(),
        failures: row.try_get::<i64, _>("failures")?.clamp(0, u32::MAX as i64) as u32,
        retry_at: time(row.try_get("retry_at")?),
        newest: time(row.try_get("newest")?),
        items: serde_json::from_str(&items).unwrap_or_default(),
        due_at: row
            .try_get::<Option<i64>, _>("next_fetch_at")?
            .and_then(DateTime::from_timestamp_millis),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn placeholders_are_numbered_across_rows() {
        assert_eq!(
            values(2, &["{}", "CAST({} AS tsvector)"]),
            "($1, CAST($2 AS tsvector)), ($3, CAST($4 AS tsvector))"
        );
        assert_eq!(values(1, &["{}"; 3]), "($1, $2, $3)");
    }

    #[test]
    fn time_keys_order_by_publication_then_id() {
        let t = Utc.with_ymd_and_hms(2022, 1, 17, 11, 21, 53).unwrap();
        let a = time_key(t, "00000000000000ff");
        let b = time_key(t, "0000000000000100");
        let later = time_key(t + chrono::Duration::seconds(1), "0000000000000000");
        assert!(a < b && b < later);
        assert!(key_of(t) <= a && a < key_of(t + chrono::Duration::seconds(1)));
        // Ids that are not hex (never made by Panorama) still get a key.
        assert!(time_key(t, "zz") >= key_of(t));
    }
}
