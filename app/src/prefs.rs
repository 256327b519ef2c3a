//! Reader preferences: countries, and for each its languages and sources. One versioned JSON
//! document in localStorage (mirrored in a cookie so the server renders the reader's own edition).
//! Everything here is plain data and logic, shared by the server and the browser.

mod draft;

pub use draft::{Draft, DraftEdition, Missing};

use crate::i18n::Message;
use crate::model::{CatalogView, Country, Language, SourceInfo};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format version written today. Older versions migrate; newer ones are not guessed at.
/// Version 2 added readers' own feeds (a version-1 document reads as one without any).
pub const CURRENT_VERSION: u64 = 2;
/// The localStorage key.
pub const STORAGE_KEY: &str = "panorama.preferences";

/// What the reader chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    pub version: u64,
    pub primary_country: Country,
    pub other_countries: Vec<Country>,
    /// One per chosen country, primary first.
    pub editions: Vec<CountryEdition>,
}

/// Languages and sources for one country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryEdition {
    pub country: Country,
    pub primary_language: Language,
    pub other_languages: Vec<Language>,
    pub primary_source: String,
    pub other_sources: Vec<String>,
    /// Feeds the reader added by their address, filed under this country.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub own_feeds: Vec<OwnFeed>,
}

/// A feed a reader added: the id the server gave it, and what the reader was shown of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnFeed {
    pub id: String,
    pub url: String,
    pub title: String,
    pub language: Language,
}

/// An own feed's id as the server gives them (`own-` and twelve hex digits).
pub fn is_own_id(id: &str) -> bool {
    id.strip_prefix(crate::api::OWN_PREFIX)
        .is_some_and(|hex| hex.len() == 12 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl CountryEdition {
    pub fn languages(&self) -> impl Iterator<Item = Language> + '_ {
        std::iter::once(self.primary_language).chain(self.other_languages.iter().copied())
    }

    /// The catalog sources, primary first, then the reader's own feeds.
    pub fn sources(&self) -> impl Iterator<Item = &str> + '_ {
        std::iter::once(self.primary_source.as_str())
            .chain(self.other_sources.iter().map(String::as_str))
            .chain(self.own_feeds.iter().map(|f| f.id.as_str()))
    }
}

impl Preferences {
    pub fn countries(&self) -> impl Iterator<Item = Country> + '_ {
        std::iter::once(self.primary_country).chain(self.other_countries.iter().copied())
    }

    pub fn edition(&self, country: Country) -> Option<&CountryEdition> {
        self.editions.iter().find(|e| e.country == country)
    }

    /// Every chosen source id, primary country's primary source first, without repeats.
    pub fn source_ids(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for country in self.countries() {
            if let Some(edition) = self.edition(country) {
                for id in edition.sources() {
                    if !out.iter().any(|s| s == id) {
                        out.push(id.to_string());
                    }
                }
            }
        }
        out
    }

    /// The primary country's primary language: the interface speaks it unless the reader
    /// chose another.
    pub fn primary_language(&self) -> Language {
        self.edition(self.primary_country)
            .map_or(Language::En, |e| e.primary_language)
    }

    /// The source whose newest items lead the home page.
    pub fn lead_source(&self) -> Option<&str> {
        self.edition(self.primary_country)
            .map(|e| e.primary_source.as_str())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Something the reader should know about how their stored preferences were read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The stored document could not be used at all; defaults are shown.
    Unreadable(String),
    /// Saved by a newer Panorama; defaults are shown rather than a guess.
    NewerVersion(u64),
    /// An older version was upgraded.
    Migrated { from: u64 },
    /// Choices that no longer exist were dropped; the rest was kept.
    Dropped {
        what: &'static str,
        names: Vec<String>,
    },
}

impl Notice {
    /// What the reader is told, as a message to render in the interface language (the page
    /// renders it; preferences know no language of their own).
    pub fn message(&self) -> Message {
        match self {
            Notice::Unreadable(_) => Message::new("notice-unreadable", vec![]),
            Notice::NewerVersion(v) => {
                Message::new("notice-newer", vec![("version", (*v as i64).into())])
            }
            Notice::Migrated { from } => {
                Message::new("notice-migrated", vec![("from", (*from as i64).into())])
            }
            Notice::Dropped { what, names } => Message::new(
                &format!("notice-dropped-{what}"),
                vec![("names", names.join(", ").into())],
            ),
        }
    }
}

impl Notice {
    /// The technical detail behind the message, for a "details" disclosure (never the
    /// sentence itself: readers get plain words).
    pub fn detail(&self) -> Option<&str> {
        match self {
            Notice::Unreadable(why) => Some(why),
            _ => None,
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().render(Language::En))
    }
}

/// Preferences as read, with what the reader should be told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub prefs: Preferences,
    pub notices: Vec<Notice>,
    /// False when nothing was stored: a first visit.
    pub stored: bool,
}

/// The languages a country's outlets publish in, in catalog order.
pub fn languages_of(catalog: &CatalogView, country: Country) -> Vec<Language> {
    catalog
        .languages
        .iter()
        .map(|l| l.code)
        .filter(|l| {
            catalog
                .sources
                .iter()
                .any(|s| s.country == country && s.language == *l)
        })
        .collect()
}

/// A country's outlets in the given languages, in catalog order (outlets with no feed included).
pub fn sources_of<'a>(
    catalog: &'a CatalogView,
    country: Country,
    languages: &[Language],
) -> Vec<&'a SourceInfo> {
    catalog
        .sources
        .iter()
        .filter(|s| s.country == country && languages.contains(&s.language))
        .collect()
}

/// A sensible edition of one country: the given language if the country has it (else its first),
/// its first outlet with a feed in that language as primary and its other such outlets as others.
pub fn default_edition(
    catalog: &CatalogView,
    country: Country,
    language: Option<Language>,
) -> Option<CountryEdition> {
    let languages = languages_of(catalog, country);
    let language = language
        .filter(|l| languages.contains(l))
        .or_else(|| languages.first().copied())?;
    let mut sources = sources_of(catalog, country, &[language])
        .into_iter()
        .filter(|s| s.has_feed())
        .map(|s| s.id.clone());
    let primary_source = sources.next()?;
    Some(CountryEdition {
        country,
        primary_language: language,
        other_languages: Vec::new(),
        primary_source,
        other_sources: sources.collect(),
        own_feeds: Vec::new(),
    })
}

/// The edition before a reader chooses: World, in English.
pub fn defaults(catalog: &CatalogView) -> Preferences {
    for_country(catalog, Country::WORLD, Some(Language::En))
}

/// The preferences an edition's source ids (the cookie's, lead first) stand for, as the server
/// renders Settings before the browser's stored copy is read: countries in the order their
/// sources come, each country's first source its primary one and that source's language its
/// primary language. Ids the catalog lacks are skipped; none left gives the defaults. (A
/// language chosen without any source in it is not in the ids: the browser's copy adds it.)
pub fn from_sources(catalog: &CatalogView, ids: &[String]) -> Preferences {
    let mut editions: Vec<CountryEdition> = Vec::new();
    for source in ids
        .iter()
        .filter_map(|id| catalog.sources.iter().find(|s| &s.id == id))
    {
        match editions.iter_mut().find(|e| e.country == source.country) {
            Some(edition) => {
                if edition.primary_source != source.id
                    && !edition.other_sources.contains(&source.id)
                {
                    edition.other_sources.push(source.id.clone());
                }
                if edition.primary_language != source.language
                    && !edition.other_languages.contains(&source.language)
                {
                    edition.other_languages.push(source.language);
                }
            }
            None => editions.push(CountryEdition {
                country: source.country,
                primary_language: source.language,
                other_languages: Vec::new(),
                primary_source: source.id.clone(),
                other_sources: Vec::new(),
                // Own feeds' titles and addresses are not in the ids: the stored copy has them.
                own_feeds: Vec::new(),
            }),
        }
    }
    let Some(first) = editions.first() else {
        return defaults(catalog);
    };
    Preferences {
        version: CURRENT_VERSION,
        primary_country: first.country,
        other_countries: editions.iter().skip(1).map(|e| e.country).collect(),
        editions,
    }
}

fn for_country(catalog: &CatalogView, country: Country, language: Option<Language>) -> Preferences {
    // The country in another of its languages beats World: a fr-CA reader whose French
    // outlets have no feed still wants Canada.
    let edition = default_edition(catalog, country, language)
        .or_else(|| {
            languages_of(catalog, country)
                .into_iter()
                .find_map(|l| default_edition(catalog, country, Some(l)))
        })
        .or_else(|| default_edition(catalog, Country::WORLD, Some(Language::En)))
        .or_else(|| {
            catalog
                .countries
                .iter()
                .find_map(|c| default_edition(catalog, c.code, None))
        });
    match edition {
        Some(edition) => Preferences {
            version: CURRENT_VERSION,
            primary_country: edition.country,
            other_countries: Vec::new(),
            editions: vec![edition],
        },
        // A catalog with no feed at all: an empty edition still renders.
        None => Preferences {
            version: CURRENT_VERSION,
            primary_country: country,
            other_countries: Vec::new(),
            editions: Vec::new(),
        },
    }
}

/// A first visit's proposal from the browser's languages (`navigator.languages`): a region
/// Panorama covers picks that country (de-DE → Germany, hi-IN → India, fr-CA → Canada), in the
/// tag's language where its outlets publish in it; a language alone picks World in that
/// language; otherwise World in English.
pub fn propose(catalog: &CatalogView, browser_languages: &[String]) -> Preferences {
    for tag in browser_languages {
        let mut parts = tag.split(['-', '_']);
        let language = parts
            .next()
            .and_then(|l| Language::from_code(&l.to_ascii_lowercase()));
        let region = parts.find(|p| p.len() == 2).map(str::to_ascii_uppercase);
        let country = region
            .as_deref()
            .and_then(Country::from_code)
            .filter(|c| *c != Country::WORLD);
        match (country, language) {
            (Some(country), language) if catalog.countries.iter().any(|c| c.code == country) => {
                return for_country(catalog, country, language);
            }
            (None, Some(language)) if languages_of(catalog, Country::WORLD).contains(&language) => {
                return for_country(catalog, Country::WORLD, Some(language));
            }
            _ => {}
        }
    }
    defaults(catalog)
}

// The stored shapes, read leniently so one unknown name drops that name, not the document.

/// What every version has: its number (other fields are skipped unread).
#[derive(Deserialize)]
struct Header {
    version: Option<u64>,
}

#[derive(Deserialize)]
struct StoredV1 {
    primary_country: String,
    #[serde(default)]
    other_countries: Vec<String>,
    #[serde(default)]
    editions: Vec<StoredEdition>,
}

#[derive(Deserialize)]
struct StoredEdition {
    country: String,
    primary_language: String,
    #[serde(default)]
    other_languages: Vec<String>,
    primary_source: String,
    #[serde(default)]
    other_sources: Vec<String>,
    /// Version 2 on.
    #[serde(default)]
    own_feeds: Vec<OwnFeed>,
}

/// Version 0, the first format: one country, one language, a list of sources.
#[derive(Deserialize)]
struct StoredV0 {
    country: String,
    language: String,
    #[serde(default)]
    sources: Vec<String>,
}

impl From<StoredV0> for StoredV1 {
    fn from(v0: StoredV0) -> StoredV1 {
        let mut sources = v0.sources.into_iter();
        StoredV1 {
            primary_country: v0.country.clone(),
            other_countries: Vec::new(),
            editions: vec![StoredEdition {
                country: v0.country,
                primary_language: v0.language,
                other_languages: Vec::new(),
                primary_source: sources.next().unwrap_or_default(),
                other_sources: sources.collect(),
                own_feeds: Vec::new(),
            }],
        }
    }
}

/// Reads stored preferences (`None`: nothing stored) and checks them against the catalog.
/// Never fails: what cannot be used is replaced by defaults, and the notices say so.
pub fn load(stored: Option<&str>, catalog: &CatalogView) -> Loaded {
    let Some(text) = stored.filter(|t| !t.trim().is_empty()) else {
        return Loaded {
            prefs: defaults(catalog),
            notices: Vec::new(),
            stored: false,
        };
    };
    let unreadable = |why: String| Loaded {
        prefs: defaults(catalog),
        notices: vec![Notice::Unreadable(why)],
        stored: true,
    };
    // The version first, then the document as that version: no `serde_json::Value` in
    // between, whose deserializer the browser would carry for this alone.
    // serde reads a struct from an array too (`[1]` would be version 1): only an object counts.
    let is_object = text.trim_start().starts_with('{');
    let version = match crate::json::read::<Header>(text) {
        Ok(Header { version: Some(v) }) if is_object => v,
        _ => {
            return match crate::json::read::<serde::de::IgnoredAny>(text) {
                Err(e) => unreadable(format!("not JSON: {e}")),
                Ok(_) => unreadable("no version number".into()),
            };
        }
    };
    let mut notices = Vec::new();
    let stored: StoredV1 = match version {
        0 => match crate::json::read::<StoredV0>(text) {
            Ok(v0) => {
                notices.push(Notice::Migrated { from: 0 });
                v0.into()
            }
            Err(e) => return unreadable(format!("version 0: {e}")),
        },
        // Version 1 is version 2 without own feeds: nothing of the reader's changes, so
        // nothing to tell them.
        1 | CURRENT_VERSION => match crate::json::read::<StoredV1>(text) {
            Ok(v1) => v1,
            Err(e) => return unreadable(e.to_string()),
        },
        newer => {
            return Loaded {
                prefs: defaults(catalog),
                notices: vec![Notice::NewerVersion(newer)],
                stored: true,
            };
        }
    };
    let (prefs, dropped) = validate(stored, catalog);
    notices.extend(dropped);
    match prefs {
        Some(prefs) => Loaded {
            prefs,
            notices,
            stored: true,
        },
        None => {
            notices.push(Notice::Unreadable(
                "none of its countries is available".into(),
            ));
            Loaded {
                prefs: defaults(catalog),
                notices,
                stored: true,
            }
        }
    }
}

/// Keeps what the catalog still has. Returns the notices for what it dropped.
fn validate(stored: StoredV1, catalog: &CatalogView) -> (Option<Preferences>, Vec<Notice>) {
    let mut dropped_countries = Vec::new();
    let mut dropped_languages = Vec::new();
    let mut dropped_sources = Vec::new();

    let mut countries: Vec<Country> = Vec::new();
    for code in std::iter::once(&stored.primary_country).chain(&stored.other_countries) {
        match Country::from_code(code).filter(|c| catalog.countries.iter().any(|k| k.code == *c)) {
            Some(c) if !countries.contains(&c) => countries.push(c),
            Some(_) => {}
            None => dropped_countries.push(code.clone()),
        }
    }

    let mut editions = Vec::new();
    let mut own_count = 0;
    for country in &countries {
        let stored_edition = stored
            .editions
            .iter()
            .find(|e| Country::from_code(&e.country) == Some(*country));
        let offered = languages_of(catalog, *country);
        let mut languages: Vec<Language> = Vec::new();
        if let Some(e) = stored_edition {
            for code in std::iter::once(&e.primary_language).chain(&e.other_languages) {
                match Language::from_code(code).filter(|l| offered.contains(l)) {
                    Some(l) if !languages.contains(&l) => languages.push(l),
                    Some(_) => {}
                    None => dropped_languages.push(format!("{code} ({})", country.name())),
                }
            }
        }
        // The primary language may have no outlet with a feed while another chosen language
        // has one (Canada in French, read through an English outlet): try each in turn.
        let Some(fallback) = std::iter::once(languages.first().copied())
            .chain(languages.iter().skip(1).map(|l| Some(*l)))
            .find_map(|l| default_edition(catalog, *country, l))
        else {
            continue;
        };
        if languages.is_empty() {
            editions.push(fallback);
            continue;
        }
        let mut sources: Vec<String> = Vec::new();
        if let Some(e) = stored_edition {
            for id in std::iter::once(&e.primary_source)
                .chain(&e.other_sources)
                .filter(|id| !id.is_empty())
            {
                let ok = catalog.sources.iter().any(|s| {
                    &s.id == id
                        && s.country == *country
                        && languages.contains(&s.language)
                        && s.has_feed()
                });
                if ok && !sources.contains(id) {
                    sources.push(id.clone());
                } else if !ok {
                    dropped_sources.push(id.clone());
                }
            }
        }
        if sources.is_empty() {
            sources.push(fallback.primary_source);
        }
        let mut own_feeds: Vec<OwnFeed> = Vec::new();
        for feed in stored_edition
            .map(|e| e.own_feeds.as_slice())
            .unwrap_or_default()
        {
            if !is_own_id(&feed.id) || own_count + own_feeds.len() >= crate::api::MAX_OWN_FEEDS {
                dropped_sources.push(feed.title.clone());
            } else if !own_feeds.iter().any(|f| f.id == feed.id) {
                own_feeds.push(feed.clone());
            }
        }
        own_count += own_feeds.len();
        let mut sources = sources.into_iter();
        let mut languages = languages.into_iter();
        editions.push(CountryEdition {
            country: *country,
            primary_language: languages.next().unwrap_or(fallback.primary_language),
            other_languages: languages.collect(),
            primary_source: sources.next().unwrap_or_default(),
            other_sources: sources.collect(),
            own_feeds,
        });
    }

    let mut notices = Vec::new();
    for (what, names) in [
        ("countries", dropped_countries),
        ("languages", dropped_languages),
        ("sources", dropped_sources),
    ] {
        if !names.is_empty() {
            notices.push(Notice::Dropped { what, names });
        }
    }
    let chosen: Vec<Country> = editions.iter().map(|e| e.country).collect();
    let Some((&primary, others)) = chosen.split_first() else {
        return (None, notices);
    };
    let prefs = Preferences {
        version: CURRENT_VERSION,
        primary_country: primary,
        other_countries: others.to_vec(),
        editions,
    };
    (Some(prefs), notices)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Category, CountryInfo, FeedSlot, LanguageInfo};

    fn source(id: &str, country: Country, language: Language, has_feed: bool) -> SourceInfo {
        SourceInfo {
            id: id.into(),
            name: id.into(),
            country,
            language,
            homepage: format!("https://{id}.example"),
            feeds: if has_feed {
                vec![FeedSlot::Top]
            } else {
                Vec::new()
            },
            feed_url: has_feed.then(|| format!("https://{id}.example/feed.xml")),
            no_feed: (!has_feed).then(|| "publishes no feed".to_string()),
        }
    }

    pub(crate) fn catalog() -> CatalogView {
        use Country::*;
        use Language::*;
        CatalogView {
            countries: Country::ALL.into_iter().map(CountryInfo::from).collect(),
            languages: Language::ALL.into_iter().map(LanguageInfo::from).collect(),
            categories: Category::ALL.to_vec(),
            sources: vec![
                source("the-hindu-en", IN, En, true),
                source("ndtv-en", IN, En, true),
                source("aajtak-hi", IN, Hi, true),
                source("fox-en", US, En, true),
                source("aljazeera-ar", QA, Ar, true),
                source("raya-ar", QA, Ar, false),
                source("dw-de", DE, De, true),
                source("voa-zh", CN, Zh, true),
                source("cbc-en", CA, En, true),
                source("radio-canada-fr", CA, Fr, true),
                source("bbc-en", WORLD, En, true),
                source("dw-en", WORLD, En, true),
                source("f24-fr", WORLD, Fr, true),
            ],
        }
    }

    pub(crate) fn full() -> Preferences {
        Preferences {
            version: CURRENT_VERSION,
            primary_country: Country::IN,
            other_countries: vec![Country::QA, Country::CA],
            editions: vec![
                CountryEdition {
                    country: Country::IN,
                    primary_language: Language::Hi,
                    other_languages: vec![Language::En],
                    primary_source: "aajtak-hi".into(),
                    other_sources: vec!["ndtv-en".into()],
                    own_feeds: vec![],
                },
                CountryEdition {
                    country: Country::QA,
                    primary_language: Language::Ar,
                    other_languages: vec![],
                    primary_source: "aljazeera-ar".into(),
                    other_sources: vec![],
                    own_feeds: vec![],
                },
                CountryEdition {
                    country: Country::CA,
                    primary_language: Language::Fr,
                    other_languages: vec![],
                    primary_source: "radio-canada-fr".into(),
                    other_sources: vec![],
                    own_feeds: vec![],
                },
            ],
        }
    }

    fn own(n: usize) -> OwnFeed {
        OwnFeed {
            id: format!("own-{n:012x}"),
            url: format!("https://blog{n}.example/feed"),
            title: format!("Blog {n}"),
            language: Language::En,
        }
    }

    #[test]
    fn own_feeds_are_kept_counted_and_follow_their_countrys_sources() {
        let mut prefs = full();
        prefs.editions[1].own_feeds = vec![own(1), own(2)];
        let loaded = load(Some(&prefs.to_json()), &catalog());
        assert_eq!(loaded.notices, vec![]);
        assert_eq!(loaded.prefs, prefs);
        assert_eq!(
            loaded.prefs.source_ids(),
            vec![
                "aajtak-hi",
                "ndtv-en",
                "aljazeera-ar",
                "own-000000000001",
                "own-000000000002",
                "radio-canada-fr"
            ]
        );
        // A version-1 document is version 2 without own feeds: read silently.
        let v1 = full().to_json().replace("\"version\":2", "\"version\":1");
        assert!(v1.contains("\"version\":1"));
        let loaded = load(Some(&v1), &catalog());
        assert_eq!((loaded.notices, loaded.prefs), (vec![], full()));
        // An id the server would never give, and feeds past fifty, are dropped by name.
        let mut prefs = full();
        prefs.editions[0].own_feeds = (0..52).map(own).collect();
        prefs.editions[0].own_feeds[0].id = "own-../../etc".into();
        let loaded = load(Some(&prefs.to_json()), &catalog());
        assert_eq!(
            loaded.prefs.editions[0].own_feeds.len(),
            crate::api::MAX_OWN_FEEDS
        );
        assert!(
            matches!(&loaded.notices[..], [Notice::Dropped { what: "sources", names }] if names.len() == 2)
        );
    }

    #[test]
    fn an_editions_source_ids_give_back_its_preferences() {
        // What the server renders Settings from: the cookie's ids of a saved edition.
        let prefs = full();
        assert_eq!(from_sources(&catalog(), &prefs.source_ids()), prefs);
        // Unknown ids are skipped; nothing known left is the default edition.
        let ids = ["gone", "dw-de", "bbc-en", "dw-en"].map(String::from);
        let back = from_sources(&catalog(), &ids);
        assert_eq!(back.primary_country, Country::DE);
        assert_eq!(back.other_countries, vec![Country::WORLD]);
        assert_eq!(back.source_ids(), vec!["dw-de", "bbc-en", "dw-en"]);
        assert_eq!(
            from_sources(&catalog(), &["gone".into()]),
            defaults(&catalog())
        );
    }

    #[test]
    fn nothing_stored_is_a_first_visit_with_the_world_edition() {
        let loaded = load(None, &catalog());
        assert!(!loaded.stored && loaded.notices.is_empty());
        assert_eq!(loaded.prefs.primary_country, Country::WORLD);
        assert_eq!(loaded.prefs.source_ids(), vec!["bbc-en", "dw-en"]);
    }

    #[test]
    fn a_valid_document_round_trips_unchanged() {
        let prefs = full();
        let loaded = load(Some(&prefs.to_json()), &catalog());
        assert_eq!(loaded.notices, vec![]);
        assert_eq!(loaded.prefs, prefs);
        assert_eq!(
            loaded.prefs.source_ids(),
            vec!["aajtak-hi", "ndtv-en", "aljazeera-ar", "radio-canada-fr"]
        );
        assert_eq!(loaded.prefs.lead_source(), Some("aajtak-hi"));
    }

    #[test]
    fn corrupt_json_falls_back_to_defaults_with_a_notice() {
        let loaded = load(Some("{not json"), &catalog());
        assert_eq!(loaded.prefs, defaults(&catalog()));
        assert!(
            matches!(&loaded.notices[..], [Notice::Unreadable(why)] if why.starts_with("not JSON"))
        );
        assert!(loaded.notices[0].to_string().contains("default edition"));
    }

    #[test]
    fn a_wrong_type_falls_back_to_defaults_with_a_notice() {
        for text in [
            "[1,2]",
            "\"IN\"",
            "{\"version\":1,\"primary_country\":7}",
            "{\"version\":\"1\"}",
            "{\"version\":1}",
        ] {
            let loaded = load(Some(text), &catalog());
            assert_eq!(loaded.prefs, defaults(&catalog()), "{text}");
            assert!(
                matches!(&loaded.notices[..], [Notice::Unreadable(_)]),
                "{text}: {:?}",
                loaded.notices
            );
        }
    }

    #[test]
    fn a_document_without_a_numeric_version_says_so() {
        for text in [
            "[1,2]",
            "\"IN\"",
            "{}",
            "{\"version\":\"1\"}",
            "{\"version\":-1}",
        ] {
            let loaded = load(Some(text), &catalog());
            assert_eq!(
                loaded.notices,
                vec![Notice::Unreadable("no version number".into())],
                "{text}"
            );
        }
        let broken = load(Some("{\"version\":1,\"other\":[}"), &catalog());
        assert!(
            matches!(&broken.notices[..], [Notice::Unreadable(why)] if why.starts_with("not JSON")),
            "{:?}",
            broken.notices
        );
    }

    #[test]
    fn an_unknown_newer_version_falls_back_to_defaults_with_a_notice() {
        let loaded = load(Some(r#"{"version":9,"anything":true}"#), &catalog());
        assert_eq!(loaded.prefs, defaults(&catalog()));
        assert_eq!(loaded.notices, vec![Notice::NewerVersion(9)]);
    }

    #[test]
    fn version_0_migrates() {
        let v0 = include_str!("../testdata/preferences-v0.json");
        let loaded = load(Some(v0), &catalog());
        assert_eq!(loaded.notices, vec![Notice::Migrated { from: 0 }]);
        let edition = loaded.prefs.edition(Country::IN).unwrap();
        assert_eq!(loaded.prefs.primary_country, Country::IN);
        assert_eq!(edition.primary_language, Language::En);
        assert_eq!(edition.primary_source, "the-hindu-en");
        assert_eq!(edition.other_sources, vec!["ndtv-en".to_string()]);
        assert_eq!(loaded.prefs.version, CURRENT_VERSION);
    }

    #[test]
    fn unknown_names_are_dropped_with_a_notice_and_the_rest_kept() {
        let text = r#"{"version":1,"primary_country":"IN","other_countries":["XX","QA"],
            "editions":[
              {"country":"IN","primary_language":"hi","other_languages":["tlh","de"],
               "primary_source":"aajtak-hi","other_sources":["gone-hi","fox-en"]},
              {"country":"QA","primary_language":"ar","primary_source":"raya-ar"}]}"#;
        let loaded = load(Some(text), &catalog());
        let p = &loaded.prefs;
        assert_eq!(p.primary_country, Country::IN);
        assert_eq!(p.other_countries, vec![Country::QA]);
        let india = p.edition(Country::IN).unwrap();
        assert_eq!(
            (india.primary_language, india.other_languages.clone()),
            (Language::Hi, vec![])
        );
        assert_eq!(
            (india.primary_source.as_str(), india.other_sources.clone()),
            ("aajtak-hi", vec![])
        );
        // Al Raya has no feed: Qatar falls back to its first outlet with one.
        assert_eq!(
            p.edition(Country::QA).unwrap().primary_source,
            "aljazeera-ar"
        );
        let text: Vec<String> = loaded.notices.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            vec![
                "Some saved countries are no longer available and were removed: XX.",
                "Some saved languages are no longer available and were removed: tlh (India), de (India).",
                "Some saved sources are no longer available and were removed: gone-hi, fox-en, raya-ar.",
            ]
        );
    }

    #[test]
    fn a_primary_language_without_a_feed_keeps_the_country_read_in_another() {
        // Canada in French, where the French outlet has no feed, read through CBC in English.
        let mut c = catalog();
        for s in &mut c.sources {
            if s.id == "radio-canada-fr" {
                s.feeds.clear();
            }
        }
        let doc = r#"{"version":1,"primary_country":"CA","other_countries":[],"editions":[{"country":"CA","primary_language":"fr","other_languages":["en"],"primary_source":"cbc-en","other_sources":[]}]}"#;
        let loaded = load(Some(doc), &c);
        assert_eq!(loaded.notices, vec![]);
        assert_eq!(loaded.prefs.primary_country, Country::CA);
        assert_eq!(loaded.prefs.primary_language(), Language::Fr);
        assert_eq!(loaded.prefs.source_ids(), vec!["cbc-en"]);
    }

    #[test]
    fn a_dropped_primary_country_promotes_the_next() {
        let text = r#"{"version":1,"primary_country":"FR","other_countries":["DE"],"editions":[]}"#;
        let loaded = load(Some(text), &catalog());
        assert_eq!(loaded.prefs.primary_country, Country::DE);
        assert_eq!(
            loaded.prefs.edition(Country::DE).unwrap().primary_source,
            "dw-de"
        );
    }

    #[test]
    fn browser_languages_propose_an_edition() {
        let c = catalog();
        let propose = |tags: &[&str]| {
            let p = propose(&c, &tags.iter().map(|t| t.to_string()).collect::<Vec<_>>());
            (p.primary_country, p.editions[0].primary_language)
        };
        assert_eq!(propose(&["de-DE", "en"]), (Country::DE, Language::De));
        assert_eq!(propose(&["hi-IN"]), (Country::IN, Language::Hi));
        assert_eq!(propose(&["ar-QA"]), (Country::QA, Language::Ar));
        assert_eq!(propose(&["zh-CN"]), (Country::CN, Language::Zh));
        assert_eq!(propose(&["fr-CA"]), (Country::CA, Language::Fr));
        assert_eq!(propose(&["en-US"]), (Country::US, Language::En));
        assert_eq!(propose(&["fr-FR"]), (Country::WORLD, Language::Fr));
        assert_eq!(propose(&["es-ES", "pt"]), (Country::WORLD, Language::En));
        assert_eq!(propose(&[]), (Country::WORLD, Language::En));

        // No French outlet of Canada with a feed: Canada in English, not World.
        let mut no_french = c.clone();
        no_french
            .sources
            .retain(|s| !(s.country == Country::CA && s.language == Language::Fr));
        let p = super::propose(&no_french, &["fr-CA".to_string()]);
        assert_eq!(
            (p.primary_country, p.editions[0].primary_language),
            (Country::CA, Language::En)
        );
    }

    #[test]
    fn one_language_countries_offer_one_language() {
        let c = catalog();
        assert_eq!(languages_of(&c, Country::DE), vec![Language::De]);
        assert_eq!(
            languages_of(&c, Country::CA),
            vec![Language::En, Language::Fr]
        );
        let qatar: Vec<&str> = sources_of(&c, Country::QA, &[Language::Ar])
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(qatar, vec!["aljazeera-ar", "raya-ar"]);
    }
}
