//! The catalog: every source Panorama knows, read from one TOML file and checked at boot.

use app::model::{
    CatalogView, Category, Country, CountryInfo, FeedSlot, Language, LanguageInfo, SourceInfo,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use url::Url;

/// The catalog shipped with Panorama, built into the binary so it runs from any directory.
pub const BUILT_IN: &str = include_str!("../catalog.toml");
/// How the built-in catalog is named in messages.
pub const BUILT_IN_NAME: &str = "server/catalog.toml (built in)";

/// One outlet edition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub country: Country,
    pub language: Language,
    pub homepage: Url,
    /// Feed per slot, in slot order (`top` first).
    pub feeds: BTreeMap<FeedSlot, Url>,
    /// Why there is no feed, when `feeds` is empty.
    pub no_feed: Option<String>,
}

impl Source {
    pub fn info(&self) -> SourceInfo {
        SourceInfo {
            id: self.id.clone(),
            name: self.name.clone(),
            country: self.country,
            language: self.language,
            homepage: self.homepage.to_string(),
            feeds: self.feeds.keys().copied().collect(),
            // `feeds` is ordered with the top feed first.
            feed_url: self.feeds.values().next().map(Url::to_string),
            no_feed: self.no_feed.clone(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Catalog {
    pub countries: Vec<Country>,
    pub languages: Vec<Language>,
    pub categories: Vec<Category>,
    pub sources: Vec<Source>,
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("catalog {file}: cannot read: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("catalog {file}: {message}")]
    Parse { file: String, message: String },
    #[error("catalog {file}: {entry}: field `{field}`: {message}")]
    Invalid {
        file: String,
        entry: String,
        field: &'static str,
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    countries: Vec<String>,
    languages: Vec<String>,
    categories: Vec<String>,
    #[serde(default)]
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    name: String,
    country: String,
    language: String,
    homepage: String,
    #[serde(default)]
    feeds: BTreeMap<String, String>,
    no_feed: Option<String>,
}

impl Catalog {
    /// Reads and checks a catalog file.
    pub fn load(path: &Path) -> Result<Catalog, CatalogError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| CatalogError::Read {
            file: file.clone(),
            source,
        })?;
        Catalog::parse(&text, &file)
    }

    /// The catalog shipped with Panorama.
    pub fn built_in() -> Result<Catalog, CatalogError> {
        Catalog::parse(BUILT_IN, BUILT_IN_NAME)
    }

    /// Parses and checks catalog text; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Catalog, CatalogError> {
        let raw: RawCatalog = toml::from_str(text).map_err(|e| CatalogError::Parse {
            file: file.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        let invalid = |entry: String, field: &'static str, message: String| CatalogError::Invalid {
            file: file.to_string(),
            entry,
            field,
            message,
        };

        let countries = parse_list(&raw.countries, Country::from_code, "country", |c| c.code())
            .map_err(|m| invalid("top level".into(), "countries", m))?;
        let languages = parse_list(&raw.languages, Language::from_code, "language", |l| {
            l.code()
        })
        .map_err(|m| invalid("top level".into(), "languages", m))?;
        let categories = parse_list(&raw.categories, Category::from_slug, "category", |c| {
            c.slug()
        })
        .map_err(|m| invalid("top level".into(), "categories", m))?;

        let mut seen = HashSet::new();
        let mut sources = Vec::with_capacity(raw.source.len());
        for (index, s) in raw.source.into_iter().enumerate() {
            let entry = format!("source #{} (id {:?})", index + 1, s.id);
            if s.id.is_empty()
                || !s
                    .id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err(invalid(
                    entry,
                    "id",
                    "must be non-empty lowercase letters, digits and '-'".into(),
                ));
            }
            if s.id.starts_with(app::api::OWN_PREFIX) {
                return Err(invalid(
                    entry,
                    "id",
                    format!(
                        "must not start with {:?} (readers' own feeds do)",
                        app::api::OWN_PREFIX
                    ),
                ));
            }
            if !seen.insert(s.id.clone()) {
                return Err(invalid(entry, "id", "is used by an earlier source".into()));
            }
            if s.name.trim().is_empty() {
                return Err(invalid(entry, "name", "is empty".into()));
            }
            let country = Country::from_code(&s.country)
                .filter(|c| countries.contains(c))
                .ok_or_else(|| {
                    invalid(
                        entry.clone(),
                        "country",
                        format!(
                            "unknown country {:?}; known: {}",
                            s.country,
                            codes(&countries, |c| c.code())
                        ),
                    )
                })?;
            let language = Language::from_code(&s.language)
                .filter(|l| languages.contains(l))
                .ok_or_else(|| {
                    invalid(
                        entry.clone(),
                        "language",
                        format!(
                            "unknown language {:?}; known: {}",
                            s.language,
                            codes(&languages, |l| l.code())
                        ),
                    )
                })?;
            let homepage =
                web_url(&s.homepage).map_err(|m| invalid(entry.clone(), "homepage", m))?;
            let mut feeds = BTreeMap::new();
            for (key, value) in &s.feeds {
                let slot = FeedSlot::from_key(key)
                    .filter(|slot| match slot {
                        FeedSlot::Top => true,
                        FeedSlot::Category(c) => categories.contains(c),
                    })
                    .ok_or_else(|| {
                        invalid(
                            entry.clone(),
                            "feeds",
                            format!(
                                "unknown category {key:?}; known: top, {}",
                                codes(&categories, |c| c.slug())
                            ),
                        )
                    })?;
                let url = web_url(value)
                    .map_err(|m| invalid(entry.clone(), "feeds", format!("{key}: {m}")))?;
                feeds.insert(slot, url);
            }
            match (&s.no_feed, feeds.is_empty()) {
                (None, true) => {
                    return Err(invalid(
                        entry,
                        "feeds",
                        "no feed listed: list one, or say why in `no_feed`".into(),
                    ));
                }
                (Some(_), false) => {
                    return Err(invalid(
                        entry,
                        "no_feed",
                        "set, yet feeds are listed".into(),
                    ));
                }
                _ => {}
            }
            sources.push(Source {
                id: s.id,
                name: s.name,
                country,
                language,
                homepage,
                feeds,
                no_feed: s.no_feed,
            });
        }
        Ok(Catalog {
            countries,
            languages,
            categories,
            sources,
        })
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The edition shown before a reader has chosen one: World's English outlets that have a feed.
    pub fn default_edition(&self) -> Vec<&Source> {
        self.sources
            .iter()
            .filter(|s| {
                s.country == Country::WORLD && s.language == Language::En && !s.feeds.is_empty()
            })
            .collect()
    }

    pub fn view(&self) -> CatalogView {
        CatalogView {
            countries: self
                .countries
                .iter()
                .copied()
                .map(CountryInfo::from)
                .collect(),
            languages: self
                .languages
                .iter()
                .copied()
                .map(LanguageInfo::from)
                .collect(),
            categories: self.categories.clone(),
            sources: self.sources.iter().map(Source::info).collect(),
        }
    }
}

fn parse_list<T: PartialEq + Copy>(
    raw: &[String],
    parse: impl Fn(&str) -> Option<T>,
    what: &str,
    code: impl Fn(T) -> &'static str,
) -> Result<Vec<T>, String> {
    let mut out = Vec::with_capacity(raw.len());
    for value in raw {
        let item = parse(value).ok_or_else(|| format!("unknown {what} {value:?}"))?;
        if out.contains(&item) {
            return Err(format!("{what} {:?} is listed twice", code(item)));
        }
        out.push(item);
    }
    Ok(out)
}

fn codes<T: Copy>(items: &[T], code: impl Fn(T) -> &'static str) -> String {
    items
        .iter()
        .map(|&i| code(i))
        .collect::<Vec<_>>()
        .join(", ")
}

fn web_url(value: &str) -> Result<Url, String> {
    let url = Url::parse(value).map_err(|e| format!("{value:?} is not a URL: {e}"))?;
    match url.scheme() {
        "http" | "https" => Ok(url),
        other => Err(format!("{value:?}: scheme {other:?} is not http or https")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "countries = [\"IN\", \"WORLD\"]\nlanguages = [\"en\", \"hi\"]\ncategories = [\"national\", \"sports\"]\n";

    fn parse(sources: &str) -> Result<Catalog, CatalogError> {
        Catalog::parse(&format!("{HEAD}{sources}"), "test.toml")
    }

    #[test]
    fn the_shipped_catalog_is_valid_and_complete() {
        let catalog = Catalog::built_in().unwrap();
        assert_eq!(catalog.countries, Country::ALL.to_vec());
        assert_eq!(catalog.languages, Language::ALL.to_vec());
        assert_eq!(catalog.categories, Category::ALL.to_vec());
        for country in Country::ALL {
            assert!(
                catalog.sources.iter().any(|s| s.country == country),
                "{country:?} has no source"
            );
        }
        assert!(!catalog.default_edition().is_empty());
    }

    #[test]
    fn a_source_parses_with_its_feeds() {
        let c = parse(
            "[[source]]\nid = \"ndtv-en\"\nname = \"NDTV\"\ncountry = \"IN\"\nlanguage = \"en\"\nhomepage = \"https://www.ndtv.com\"\n[source.feeds]\ntop = \"https://example.org/top.xml\"\nsports = \"https://example.org/sports.xml\"\n",
        )
        .unwrap();
        let s = c.source("ndtv-en").unwrap();
        assert_eq!(s.country, Country::IN);
        assert_eq!(
            s.feeds.keys().copied().collect::<Vec<_>>(),
            vec![FeedSlot::Top, FeedSlot::Category(Category::Sports)]
        );
    }

    fn error_of(sources: &str) -> String {
        parse(sources).unwrap_err().to_string()
    }

    #[test]
    fn errors_name_the_file_the_entry_and_the_field() {
        let base = "[[source]]\nid = \"x\"\nname = \"X\"\nhomepage = \"https://x.org\"\n";
        let e = error_of(&format!(
            "{base}country = \"FR\"\nlanguage = \"en\"\nno_feed = \"none\"\n"
        ));
        assert!(
            e.starts_with(
                "catalog test.toml: source #1 (id \"x\"): field `country`: unknown country \"FR\""
            ),
            "{e}"
        );
        let e = error_of(&format!(
            "{base}country = \"IN\"\nlanguage = \"zz\"\nno_feed = \"none\"\n"
        ));
        assert!(
            e.contains("field `language`: unknown language \"zz\""),
            "{e}"
        );
        let e = error_of(&format!(
            "{base}country = \"IN\"\nlanguage = \"en\"\n[source.feeds]\nweather = \"https://x.org/w\"\n"
        ));
        assert!(
            e.contains("field `feeds`: unknown category \"weather\""),
            "{e}"
        );
        // Known to Panorama but not listed in this catalog's categories.
        let e = error_of(&format!(
            "{base}country = \"IN\"\nlanguage = \"en\"\n[source.feeds]\nbusiness = \"https://x.org/b\"\n"
        ));
        assert!(e.contains("unknown category \"business\""), "{e}");
        let e = error_of(&format!("{base}country = \"IN\"\nlanguage = \"en\"\n"));
        assert!(e.contains("field `feeds`: no feed listed"), "{e}");
        let e = error_of(&format!(
            "{base}country = \"IN\"\nlanguage = \"en\"\n[source.feeds]\ntop = \"ftp://x.org/f\"\n"
        ));
        assert!(
            e.contains("field `feeds`: top: \"ftp://x.org/f\": scheme \"ftp\""),
            "{e}"
        );
        let e = error_of(&format!(
            "{base}country = \"IN\"\nlanguage = \"en\"\nno_feed = \"n\"\n{base}country = \"IN\"\nlanguage = \"en\"\nno_feed = \"n\"\n"
        ));
        assert!(
            e.contains("source #2 (id \"x\"): field `id`: is used by an earlier source"),
            "{e}"
        );
    }

    #[test]
    fn syntax_errors_and_unknown_fields_name_the_file_and_line() {
        let e = Catalog::parse("countries = [\"IN\"\n", "broken.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("catalog broken.toml: "), "{e}");
        assert!(e.contains("line"), "{e}");
        let e = error_of("[[source]]\nid = \"x\"\ncolour = \"red\"\n");
        assert!(e.contains("unknown field `colour`"), "{e}");
        let e = Catalog::parse(
            "countries = [\"XX\"]\nlanguages = []\ncategories = []\n",
            "t.toml",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "catalog t.toml: top level: field `countries`: unknown country \"XX\""
        );
    }
}
