//! One timeline from many feeds: merge, dedupe, sort newest first, page.

pub mod assemble;

use crate::record::Record;
use app::model::{Article, Category, WireCopy};
use chrono::{DateTime, Utc};
use std::borrow::Cow;
use std::collections::HashMap;

/// Shortest normalized text that can identify a wire story: shorter texts ("Live updates",
/// "Photos of the day") are shared by unrelated items.
const MIN_WIRE_TEXT: usize = 48;
/// How much of the normalized text identifies it: excerpts are cut at different lengths.
const WIRE_KEY_CHARS: usize = 160;

/// One card of the merged timeline: borrowed from the cache, so merging copies nothing; only
/// the page that is answered is turned into owned `Article`s.
#[derive(Clone, Debug)]
pub struct Story<'a> {
    /// The version shown (of two versions of one item, the later-updated).
    pub article: &'a Record,
    /// Every category that listed it, when more than the shown version's own.
    pub categories: Vec<Category>,
    /// Other outlets' wire copies.
    pub also: Vec<WireCopy>,
}

impl Story<'_> {
    pub fn id(&self) -> &str {
        &self.article.id
    }

    /// Whether `source` carries this story, as its own or as a wire copy.
    pub fn carried_by(&self, source: &str) -> bool {
        self.article.source_id == source || self.also.iter().any(|c| c.source_id == source)
    }

    /// The card: everything but the story HTML, which only the article page needs (it is
    /// most of an item's weight, and timelines are answered often).
    pub fn to_article(&self) -> Article {
        let mut article = self.article.wire();
        if !self.categories.is_empty() {
            article.categories = self.categories.clone();
        }
        article.also = self.also.clone();
        article
    }
}

/// Merges feeds' items, given in the reader's order of preference:
/// - the same item (by id, or by canonical link) appears once, with every category that listed
///   it; of two versions, the later-updated one is shown (an update replaces);
/// - wire copies (the same story text from another outlet) are folded into the first copy's
///   `also` rather than repeated;
/// - newest first, ties broken by id so pages are stable.
pub fn merge<'a>(feeds: impl IntoIterator<Item = &'a [Record]>) -> Vec<Story<'a>> {
    let mut out: Vec<Story<'a>> = Vec::new();
    let mut by_id: HashMap<&'a str, usize> = HashMap::new();
    let mut by_link: HashMap<&'a str, usize> = HashMap::new();
    let mut by_text: HashMap<Cow<'a, str>, usize> = HashMap::new();
    for article in feeds.into_iter().flatten() {
        let same_item = by_id
            .get(article.id.as_str())
            .or_else(|| by_link.get(article.link.as_str()))
            .copied();
        if let Some(i) = same_item {
            absorb(&mut out[i], article);
            continue;
        }
        // Normalized articles carry their keys; others (tests, old caches) get them here.
        let keys: Vec<Cow<'a, str>> = if article.text_keys.is_empty() {
            wire_keys(&article.article)
                .into_iter()
                .map(Cow::Owned)
                .collect()
        } else {
            article
                .text_keys
                .iter()
                .map(|k| Cow::Borrowed(k.as_str()))
                .collect()
        };
        if let Some(i) = keys.iter().find_map(|k| by_text.get(k)).copied() {
            let first = &mut out[i];
            if first.article.source_id == article.source_id {
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
        by_id.insert(&article.id, at);
        by_link.insert(&article.link, at);
        for key in keys {
            by_text.entry(key).or_insert(at);
        }
        out.push(Story {
            article,
            categories: Vec::new(),
            also: Vec::new(),
        });
    }
    out.sort_by(|a, b| {
        b.article
            .published
            .cmp(&a.article.published)
            .then_with(|| a.article.id.cmp(&b.article.id))
    });
    out
}

/// Folds another version of the same item into `kept`.
fn absorb<'a>(kept: &mut Story<'a>, other: &'a Record) {
    let extra: Vec<Category> = other
        .categories
        .iter()
        .copied()
        .filter(|c| !kept.article.categories.contains(c) && !kept.categories.contains(c))
        .collect();
    if !extra.is_empty() {
        if kept.categories.is_empty() {
            kept.categories = kept.article.categories.clone();
        }
        kept.categories.extend(extra);
    }
    let version = |a: &Article| a.updated.unwrap_or(a.published);
    // Another outlet's item under the same link is syndication, not an update: the reader's
    // preferred outlet keeps the card.
    if other.source_id == kept.article.source_id && version(other) > version(&kept.article.article)
    {
        if kept.categories.is_empty() {
            kept.categories = kept.article.categories.clone();
        }
        kept.article = other;
    }
}

/// What identifies a story's text across outlets: its summary and its title, each reduced to
/// lower-case letters and digits (any script), when long enough to be distinctive.
pub fn wire_keys(article: &Article) -> Vec<String> {
    [("s:", &article.summary), ("t:", &article.title)]
        .into_iter()
        .filter_map(|(kind, text)| {
            let mut normalized = String::with_capacity(WIRE_KEY_CHARS * 3);
            let mut taken = 0;
            for c in text.chars() {
                if taken == WIRE_KEY_CHARS {
                    break;
                }
                match key_char(c) {
                    KeyChar::Skip => {}
                    KeyChar::Keep(c) => {
                        normalized.push(c);
                        taken += 1;
                    }
                    KeyChar::Lower(c) => {
                        for l in c.to_lowercase() {
                            if taken == WIRE_KEY_CHARS {
                                break;
                            }
                            normalized.push(l);
                            taken += 1;
                        }
                    }
                }
            }
            (normalized.chars().count() >= MIN_WIRE_TEXT).then(|| format!("{kind}{normalized}"))
        })
        .collect()
}

enum KeyChar {
    Skip,
    Keep(char),
    Lower(char),
}

/// What a wire key makes of `c`: letters and digits of any script, lower-cased. The blocks most
/// feed text is written in are answered without Unicode's tables (their letters have no case),
/// which are slow; the answer is the same.
fn key_char(c: char) -> KeyChar {
    match c {
        'a'..='z' | '0'..='9' => KeyChar::Keep(c),
        'A'..='Z' => KeyChar::Keep(c.to_ascii_lowercase()),
        c if c.is_ascii() => KeyChar::Skip,
        // CJK Unified Ideographs, Arabic letters, Devanagari consonants: all letters, caseless.
        '\u{4e00}'..='\u{9fff}'
        | '\u{621}'..='\u{63a}'
        | '\u{641}'..='\u{64a}'
        | '\u{915}'..='\u{939}' => KeyChar::Keep(c),
        c if c.is_alphanumeric() => KeyChar::Lower(c),
        _ => KeyChar::Skip,
    }
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
    merged: &[Story],
    cursor: Option<&Cursor>,
    limit: usize,
) -> (Vec<Article>, Option<Cursor>) {
    let start = cursor.map_or(0, |c| {
        merged
            .iter()
            .position(|s| c.is_before(s.article))
            .unwrap_or(merged.len())
    });
    let items: Vec<Article> = merged[start..]
        .iter()
        .take(limit)
        .map(Story::to_article)
        .collect();
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

    fn article(id: &str, link: &str, minute: u32, category: Option<Category>) -> Record {
        Record {
            article: Article {
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
                image: None,
                also: Vec::new(),
                other_languages: 0,
                folded: Vec::new(),
            },
            summary_html: String::new(),
            text_keys: Vec::new(),
        }
    }

    fn articles(stories: Vec<Story>) -> Vec<Article> {
        stories.iter().map(Story::to_article).collect()
    }

    fn from(source: &str, mut a: Record) -> Record {
        a.source_id = source.into();
        a.source_name = source.to_uppercase();
        a
    }

    const WIRE: &str = "KYIV (AP) — Officials said on Monday that the power grid had been restored in most of the capital after overnight strikes.";

    #[test]
    fn wire_key_characters_are_unicodes_letters_and_digits_lower_cased() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let reference: String = if c.is_alphanumeric() {
                c.to_lowercase().collect()
            } else {
                String::new()
            };
            let fast: String = match key_char(c) {
                KeyChar::Skip => String::new(),
                KeyChar::Keep(k) => k.to_string(),
                KeyChar::Lower(k) => k.to_lowercase().collect(),
            };
            assert_eq!(fast, reference, "U+{:04X}", c as u32);
        }
    }

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
            let merged = articles(merge(feeds));
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
        let merged = articles(merge([&[first][..], &[copy, other][..]]));
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
        let merged = articles(merge([&a[..], &b[..]]));
        let ids: Vec<_> = merged.iter().map(|a| a.id.as_str()).collect();
        // "3" is the same outlet's link as "2", published later: the newer version shows.
        assert_eq!(ids, ["3", "1"]);
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
        let all: Vec<_> = merged.iter().map(|s| s.id().to_string()).collect();
        assert_eq!(seen, all);
    }

    #[test]
    fn bad_cursors_are_rejected() {
        for bad in ["", "x", "12-", "a.b-c", "1.2"] {
            assert_eq!(Cursor::decode(bad), None, "{bad}");
        }
    }
}
