//! One timeline from many feeds: merge, dedupe, sort newest first, page.

use app::model::{Article, WireCopy};
use chrono::{DateTime, Utc};
use std::collections::HashMap;

/// Shortest normalized text that can identify a wire story: shorter texts ("Live updates",
/// "Photos of the day") are shared by unrelated items.
const MIN_WIRE_TEXT: usize = 48;
/// How much of the normalized text identifies it: excerpts are cut at different lengths.
const WIRE_KEY_CHARS: usize = 160;

/// Merges feeds' items, given in the reader's order of preference:
/// - the same item (by id, or by canonical link) appears once, with every category that listed
///   it; of two versions, the later-updated one's title and text win (an update replaces);
/// - wire copies (the same story text from another outlet) are folded into the first copy's
///   `also` rather than repeated;
/// - newest first, ties broken by id so pages are stable.
pub fn merge<'a>(feeds: impl IntoIterator<Item = &'a [Article]>) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_link: HashMap<String, usize> = HashMap::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    for article in feeds.into_iter().flatten() {
        let same_item = by_id
            .get(&article.id)
            .or_else(|| by_link.get(&article.link))
            .copied();
        if let Some(i) = same_item {
            absorb(&mut out[i], article);
            continue;
        }
        let keys = wire_keys(article);
        if let Some(i) = keys.iter().find_map(|k| by_text.get(k)).copied() {
            let first = &mut out[i];
            if first.source_id == article.source_id {
                // One outlet's story under two addresses (two sections): still one story.
                absorb(first, article);
            } else if !first.also.iter().any(|c| c.source_id == article.source_id) {
                first.also.push(WireCopy {
                    source_id: article.source_id.clone(),
                    source_name: article.source_name.clone(),
                    link: article.link.clone(),
                });
            }
            continue;
        }
        let at = out.len();
        by_id.insert(article.id.clone(), at);
        by_link.insert(article.link.clone(), at);
        for key in keys {
            by_text.entry(key).or_insert(at);
        }
        out.push(article.clone());
    }
    out.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id)));
    out
}

/// Folds another version of the same item into `kept`.
fn absorb(kept: &mut Article, other: &Article) {
    for c in &other.categories {
        if !kept.categories.contains(c) {
            kept.categories.push(*c);
        }
    }
    let version = |a: &Article| a.updated.unwrap_or(a.published);
    if version(other) > version(kept) {
        kept.title = other.title.clone();
        kept.summary = other.summary.clone();
        kept.summary_html = other.summary_html.clone();
        kept.updated = other.updated;
        if other.image.is_some() {
            kept.image = other.image.clone();
        }
    }
}

/// What identifies a story's text across outlets: its summary and its title, each reduced to
/// lower-case letters and digits (any script), when long enough to be distinctive.
fn wire_keys(article: &Article) -> Vec<String> {
    [("s:", &article.summary), ("t:", &article.title)]
        .into_iter()
        .filter_map(|(kind, text)| {
            let normalized: String = text
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .take(WIRE_KEY_CHARS)
                .collect();
            (normalized.chars().count() >= MIN_WIRE_TEXT).then(|| format!("{kind}{normalized}"))
        })
        .collect()
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
            updated: None,
            date_note: None,
            summary: String::new(),
            summary_html: String::new(),
            image: None,
            also: Vec::new(),
        }
    }

    fn from(source: &str, mut a: Article) -> Article {
        a.source_id = source.into();
        a.source_name = source.to_uppercase();
        a
    }

    const WIRE: &str = "KYIV (AP) — Officials said on Monday that the power grid had been restored in most of the capital after overnight strikes.";

    #[test]
    fn an_updated_title_replaces_the_old_version() {
        let mut old = article("1", "https://x/1", 1, Some(Category::National));
        old.title = "Storm nears coast".into();
        let mut new = article("1", "https://x/1", 1, None);
        new.title = "Storm makes landfall".into();
        new.updated = Some(Utc.with_ymd_and_hms(2022, 1, 17, 12, 0, 0).unwrap());
        for feeds in [
            [&[old.clone()][..], &[new.clone()][..]],
            [&[new.clone()][..], &[old.clone()][..]],
        ] {
            let merged = merge(feeds);
            assert_eq!(merged.len(), 1);
            assert_eq!(merged[0].title, "Storm makes landfall");
            assert_eq!(merged[0].categories, vec![Category::National]);
        }
    }

    #[test]
    fn wire_copies_from_other_outlets_are_grouped_not_repeated() {
        let mut first = from("cnn", article("a", "https://cnn.example/grid", 5, None));
        first.summary = WIRE.into();
        first.title = "Power back in Kyiv".into();
        let mut copy = from(
            "fox",
            article("b", "https://fox.example/kyiv-grid", 6, None),
        );
        copy.summary = WIRE.to_uppercase();
        copy.title = "Kyiv power restored, officials say".into();
        let mut other = from("fox", article("c", "https://fox.example/other", 7, None));
        other.summary =
            "A different story entirely, about a football final in Doha on Sunday night.".into();
        let merged = merge([&[first][..], &[copy, other][..]]);
        let ids: Vec<&str> = merged.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["c", "a"]);
        assert_eq!(
            merged[1].also,
            vec![WireCopy {
                source_id: "fox".into(),
                source_name: "FOX".into(),
                link: "https://fox.example/kyiv-grid".into()
            }]
        );
        assert!(merged[0].also.is_empty());
    }

    #[test]
    fn short_shared_texts_do_not_group_unrelated_stories() {
        let mut a = from("cnn", article("a", "https://cnn.example/live", 1, None));
        a.title = "Live updates".into();
        a.summary = "Follow live.".into();
        let mut b = from("fox", article("b", "https://fox.example/live", 2, None));
        b.title = "Live updates".into();
        b.summary = "Follow live.".into();
        assert_eq!(merge([&[a][..], &[b][..]]).len(), 2);
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
