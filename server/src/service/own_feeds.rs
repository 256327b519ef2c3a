//! Readers' own feeds: any outlet a reader adds by its address. The server gives each an id
//! from its address (`own-` and twelve hex digits), keeps the address behind the id in the
//! store, and reads it with a fetcher under the address rules (`reader::address_rules`). Its
//! stories are kept apart from the catalog's (in memory and in the store's `own_stories`): they
//! reach only the requests that name the feed or the story, and never the archive, search or
//! the grouping that every reader sees (an own story is placed among the grouping's stories for
//! its own article page alone: `Snapshot::place`).

use super::loader::Loader;
use crate::catalog::Source;
use crate::reader::normalize::stable_id;
use crate::reader::story_text::StoryTexts;
use crate::store::{OwnFeedRow, Store};
use app::api::OWN_PREFIX;
use app::model::{Country, FeedSlot, Language};
use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use url::Url;

/// New feeds read for one client within a minute, at most, and for every client together:
/// a reader adding feeds never needs more, and no one turns the server into a crawler.
const PER_CLIENT_PER_MINUTE: u32 = 10;
const ALL_PER_MINUTE: u32 = 120;

pub(super) struct OwnFeeds {
    /// Reads own feeds: the guarded fetcher, stories kept apart (`private`).
    pub(super) loader: Loader,
    /// Own stories' pages, read with the same guarded fetcher.
    pub(super) texts: StoryTexts,
    known: Mutex<HashMap<String, Source>>,
    budget: Mutex<Budget>,
}

#[derive(Default)]
struct Budget {
    since: Option<Instant>,
    by_client: HashMap<Option<IpAddr>, u32>,
    all: u32,
}

/// The id an own feed at `url` gets.
pub fn own_id(url: &Url) -> String {
    format!("{OWN_PREFIX}{}", &stable_id("own", url.as_str())[..12])
}

/// A feed's language tag (`en-US`, `hi`) as one of Panorama's languages, if it is one.
pub fn language_of(tag: &str) -> Option<Language> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    Language::from_code(&primary)
}

/// An own feed as the timeline reads sources: one top feed, the site as its homepage.
fn source_of(row: &OwnFeedRow) -> Option<Source> {
    let url = Url::parse(&row.url).ok()?;
    let homepage = url.join("/").ok()?;
    Some(Source {
        id: row.id.clone(),
        name: row.title.clone(),
        // The reader files it under a country of theirs; the server does not need to know.
        country: Country::WORLD,
        language: row
            .language
            .as_deref()
            .and_then(Language::from_code)
            .unwrap_or(Language::En),
        homepage,
        feeds: BTreeMap::from([(FeedSlot::Top, url)]),
        no_feed: None,
    })
}

impl OwnFeeds {
    pub(super) fn new(loader: Loader, texts: StoryTexts) -> OwnFeeds {
        OwnFeeds {
            loader,
            texts,
            known: Mutex::default(),
            budget: Mutex::default(),
        }
    }

    /// The own feed `id` as a source: from memory, else from the store (another instance, or
    /// before a restart, may have added it). `None` for an id no one added.
    pub(super) async fn source(&self, store: &Store, id: &str) -> Option<Source> {
        if let Some(known) = self.known.lock().unwrap_or_else(|p| p.into_inner()).get(id) {
            return Some(known.clone());
        }
        let row = match store.own_feed(id).await {
            Ok(row) => row?,
            Err(e) => {
                tracing::error!("{e}");
                return None;
            }
        };
        self.remember(&row)
    }

    /// Keeps `row` at hand; its source.
    pub(super) fn remember(&self, row: &OwnFeedRow) -> Option<Source> {
        let source = source_of(row)?;
        self.known
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(row.id.clone(), source.clone());
        Some(source)
    }

    /// Takes one new-feed read from `client`'s budget; false when it is spent for this minute.
    pub(super) fn spend(&self, client: Option<IpAddr>) -> bool {
        let mut budget = self.budget.lock().unwrap_or_else(|p| p.into_inner());
        if budget
            .since
            .is_none_or(|t| t.elapsed() >= Duration::from_secs(60))
        {
            *budget = Budget {
                since: Some(Instant::now()),
                ..Budget::default()
            };
        }
        let mine = budget.by_client.get(&client).copied().unwrap_or(0);
        if mine >= PER_CLIENT_PER_MINUTE || budget.all >= ALL_PER_MINUTE {
            return false;
        }
        budget.by_client.insert(client, mine + 1);
        budget.all += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_the_address_and_never_look_like_a_catalogs() {
        let a = own_id(&Url::parse("https://blog.example/feed.xml").unwrap());
        assert!(a.starts_with("own-") && a.len() == 16, "{a}");
        assert_eq!(
            a,
            own_id(&Url::parse("https://blog.example/feed.xml").unwrap())
        );
        assert_ne!(
            a,
            own_id(&Url::parse("https://blog.example/other.xml").unwrap())
        );
        assert!(
            a.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        );
    }

    #[test]
    fn language_tags_map_to_panoramas_languages() {
        assert_eq!(language_of("en-US"), Some(Language::En));
        assert_eq!(language_of("zh_CN"), Some(Language::Zh));
        assert_eq!(language_of(" AR "), Some(Language::Ar));
        assert_eq!(language_of("es"), None);
    }
}
