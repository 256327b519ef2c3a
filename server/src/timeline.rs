//! One timeline from many feeds: merge, dedupe, sort newest first, page.

use app::model::Article;
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// Merges feeds' items: the same item (by id, or by link across feeds) appears once, carrying
/// every category that listed it. Newest first; ties broken by id so pages are stable.
pub fn merge<'a>(feeds: impl IntoIterator<Item = &'a [Article]>) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_link: HashMap<String, usize> = HashMap::new();
    for article in feeds.into_iter().flatten() {
        let existing = by_id
            .get(&article.id)
            .or_else(|| by_link.get(&article.link))
            .copied();
        match existing {
            Some(i) => {
                for c in &article.categories {
                    if !out[i].categories.contains(c) {
                        out[i].categories.push(*c);
                    }
                }
            }
            None => {
                by_id.insert(article.id.clone(), out.len());
                by_link.insert(article.link.clone(), out.len());
                out.push(article.clone());
            }
        }
    }
    out.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id)));
    out
}

/// A position in a sorted timeline: the last item of the previous page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    published: DateTime<Utc>,
    id: String,
}

impl Cursor {
    pub fn after(article: &Article) -> Cursor {
        Cursor {
            published: article.published,
            id: article.id.clone(),
        }
    }

    /// Url-safe: `<unix seconds>.<nanos>-<id>`.
    pub fn encode(&self) -> String {
        format!(
            "{}.{}-{}",
            self.published.timestamp(),
            self.published.timestamp_subsec_nanos(),
            self.id
        )
    }

    pub fn decode(s: &str) -> Option<Cursor> {
        let (time, id) = s.split_once('-')?;
        let (secs, nanos) = time.split_once('.')?;
        let published = DateTime::from_timestamp(secs.parse().ok()?, nanos.parse().ok()?)?;
        (!id.is_empty()).then(|| Cursor {
            published,
            id: id.to_string(),
        })
    }

    /// Whether `a` comes after this position in newest-first order.
    fn is_before(&self, a: &Article) -> bool {
        a.published < self.published || (a.published == self.published && a.id > self.id)
    }
}

/// One page of a merged timeline after `cursor`, and the cursor for the next page.
pub fn page(
    merged: &[Article],
    cursor: Option<&Cursor>,
    limit: usize,
) -> (Vec<Article>, Option<Cursor>) {
    let start = cursor.map_or(0, |c| {
        merged
            .iter()
            .position(|a| c.is_before(a))
            .unwrap_or(merged.len())
    });
    let items: Vec<Article> = merged[start..].iter().take(limit).cloned().collect();
    let next = (start + items.len() < merged.len())
        .then(|| items.last().map(Cursor::after))
        .flatten();
    (items, next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::model::{Category, Country, Language};
    use chrono::TimeZone;

    fn article(id: &str, link: &str, minute: u32, category: Option<Category>) -> Article {
        Article {
            id: id.into(),
            source_id: "s".into(),
            source_name: "S".into(),
            country: Country::WORLD,
            language: Language::En,
            categories: category.into_iter().collect(),
            title: id.into(),
            link: link.into(),
            published: Utc.with_ymd_and_hms(2022, 1, 17, 11, minute, 0).unwrap(),
            date_note: None,
            summary: String::new(),
            summary_html: String::new(),
            image: None,
        }
    }

    #[test]
    fn merge_dedupes_by_id_and_link_and_sorts_newest_first() {
        let a = [
            article("1", "https://x/1", 1, Some(Category::National)),
            article("2", "https://x/2", 5, None),
        ];
        let b = [
            article("1", "https://x/1", 1, Some(Category::Sports)),
            article("3", "https://x/2", 9, None),
        ];
        let merged = merge([&a[..], &b[..]]);
        let ids: Vec<_> = merged.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["2", "1"]);
        assert_eq!(
            merged[1].categories,
            vec![Category::National, Category::Sports]
        );
    }

    #[test]
    fn pages_follow_the_cursor_without_gaps_or_repeats() {
        let items: Vec<_> = (0..7)
            .map(|i| article(&format!("{i}"), &format!("https://x/{i}"), i % 3, None))
            .collect();
        let merged = merge([&items[..]]);
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let (page, next) = page(&merged, cursor.as_ref(), 3);
            seen.extend(page.iter().map(|a| a.id.clone()));
            match next {
                Some(c) => cursor = Some(Cursor::decode(&c.encode()).unwrap()),
                None => break,
            }
        }
        let all: Vec<_> = merged.iter().map(|a| a.id.clone()).collect();
        assert_eq!(seen, all);
    }

    #[test]
    fn bad_cursors_are_rejected() {
        for bad in ["", "x", "12-", "a.b-c", "1.2"] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }
}
