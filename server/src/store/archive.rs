//! The recent stories, by id, in memory: what More Related News groups and what article pages
//! find first. Bounded; the store keeps every story, and is asked for the rest.

use crate::record::Record;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Stories kept at most; past it the oldest (by publication) go first.
pub const DEFAULT_CAPACITY: usize = 20_000;

pub struct Archive {
    capacity: usize,
    by_id: Mutex<HashMap<String, Arc<Record>>>,
    /// Bumped whenever a story is added or replaced: what was built from the archive (the
    /// story index) knows when to build again.
    generation: AtomicU64,
}

impl Archive {
    pub fn new(capacity: usize) -> Archive {
        Archive {
            capacity: capacity.max(1),
            by_id: Mutex::default(),
            generation: AtomicU64::new(0),
        }
    }

    /// Keeps `articles`; a later version of a story replaces the one kept.
    /// Returns the stories it added or replaced: what is new to Panorama, for the store.
    pub fn record(&self, articles: &[Record]) -> Vec<Record> {
        let mut changed = Vec::new();
        let mut by_id = self.by_id.lock().unwrap_or_else(|p| p.into_inner());
        for article in articles {
            let newer = by_id
                .get(&article.id)
                .is_none_or(|kept| version(kept) <= version(article));
            if newer && by_id.get(&article.id).is_none_or(|kept| **kept != *article) {
                by_id.insert(article.id.clone(), Arc::new(article.clone()));
                changed.push(article.clone());
                self.generation.fetch_add(1, Ordering::Relaxed);
            }
        }
        // Trimmed in batches, so a full archive does not sort on every refresh.
        if by_id.len() > self.capacity + self.capacity / 10 {
            let mut ages: Vec<_> = by_id
                .values()
                .map(|a| (a.published, a.id.clone()))
                .collect();
            ages.sort_unstable();
            let excess = by_id.len() - self.capacity;
            for (_, id) in ages.into_iter().take(excess) {
                by_id.remove(&id);
            }
        }
        changed
    }

    pub fn get(&self, id: &str) -> Option<Arc<Record>> {
        let by_id = self.by_id.lock().unwrap_or_else(|p| p.into_inner());
        by_id.get(id).cloned()
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Relaxed)
    }

    /// The stories published at or after `since`.
    pub fn since(&self, since: chrono::DateTime<chrono::Utc>) -> Vec<Arc<Record>> {
        let by_id = self.by_id.lock().unwrap_or_else(|p| p.into_inner());
        by_id
            .values()
            .filter(|a| a.published >= since)
            .cloned()
            .collect()
    }

    pub fn len(&self) -> usize {
        self.by_id.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn version(article: &Record) -> chrono::DateTime<chrono::Utc> {
    article.updated.unwrap_or(article.published)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::model::{Article, Country, Language};
    use chrono::{TimeZone, Utc};

    fn article(id: &str, day: u32, hour: u32, title: &str) -> Record {
        let published = Utc.with_ymd_and_hms(2022, 1, day, hour, 0, 0).unwrap();
        Record {
            article: Article {
                id: id.into(),
                source_id: "s".into(),
                source_name: "S".into(),
                country: Country::WORLD,
                language: Language::En,
                categories: vec![],
                title: title.into(),
                link: format!("https://s.example/{id}"),
                published,
                updated: None,
                date_note: None,
                summary: String::new(),
                image: None,
                also: vec![],
                other_languages: 0,
                folded: Vec::new(),
            },
            summary_html: "<p>x</p>".into(),
            text_keys: vec![],
        }
    }

    #[test]
    fn a_later_version_replaces_and_an_older_does_not() {
        let archive = Archive::new(100);
        let mut v2 = article("a", 16, 9, "Updated");
        v2.updated = Some(v2.published + chrono::Duration::hours(1));
        assert_eq!(archive.record(std::slice::from_ref(&v2)), [v2.clone()]);
        assert!(
            archive
                .record(&[article("a", 16, 9, "Original")])
                .is_empty()
        );
        assert_eq!(archive.get("a").unwrap().title, "Updated");
        // The same story again is nothing new.
        assert!(archive.record(std::slice::from_ref(&v2)).is_empty());
    }

    #[test]
    fn the_oldest_go_first_past_capacity() {
        let archive = Archive::new(10);
        let many: Vec<Record> = (1..=20)
            .map(|d| article(&format!("id{d}"), d, 0, "x"))
            .collect();
        archive.record(&many);
        assert_eq!(archive.len(), 10);
        assert!(archive.get("id20").is_some());
        assert!(archive.get("id1").is_none());
    }
}
