//! The settings form's working copy: mandatory choices may still be missing, and the rules that
//! keep it consistent (removing a country removes its choices; narrowing a country's languages
//! drops the sources no longer in them) live here, apart from the UI, so they are tested alone.

use super::{CURRENT_VERSION, CountryEdition, Preferences, languages_of};
use crate::model::{CatalogView, Country, Language};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub primary_country: Option<Country>,
    pub other_countries: Vec<Country>,
    /// One per chosen country, in the order chosen.
    pub editions: Vec<DraftEdition>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftEdition {
    pub country: Country,
    pub primary_language: Option<Language>,
    pub other_languages: Vec<Language>,
    pub primary_source: Option<String>,
    pub other_sources: Vec<String>,
    pub own_feeds: Vec<super::OwnFeed>,
}

/// A mandatory field left empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Missing {
    PrimaryCountry,
    PrimaryLanguage(Country),
    PrimarySource(Country),
}

impl Missing {
    /// What the reader is told under the field, as a message to render.
    pub fn message(self) -> crate::i18n::Message {
        use crate::i18n::{Arg, Message};
        // The country's name is looked up when the message is rendered, in its language.
        let country = |c: Country| -> Vec<(&'static str, Arg)> {
            vec![("country", Arg::Message(format!("country-{}", c.code())))]
        };
        match self {
            Missing::PrimaryCountry => Message::new("settings-missing-country", vec![]),
            Missing::PrimaryLanguage(c) => Message::new("settings-missing-language", country(c)),
            Missing::PrimarySource(c) => Message::new("settings-missing-source", country(c)),
        }
    }
}

impl From<&Preferences> for Draft {
    fn from(p: &Preferences) -> Draft {
        Draft {
            primary_country: Some(p.primary_country),
            other_countries: p.other_countries.clone(),
            editions: p
                .editions
                .iter()
                .map(|e| DraftEdition {
                    country: e.country,
                    primary_language: Some(e.primary_language),
                    other_languages: e.other_languages.clone(),
                    primary_source: Some(e.primary_source.clone()),
                    other_sources: e.other_sources.clone(),
                    own_feeds: e.own_feeds.clone(),
                })
                .collect(),
        }
    }
}

impl Draft {
    pub fn countries(&self) -> Vec<Country> {
        self.primary_country
            .into_iter()
            .chain(self.other_countries.iter().copied())
            .collect()
    }

    pub fn edition(&self, country: Country) -> Option<&DraftEdition> {
        self.editions.iter().find(|e| e.country == country)
    }

    fn edition_mut(&mut self, country: Country) -> Option<&mut DraftEdition> {
        self.editions.iter_mut().find(|e| e.country == country)
    }

    /// The languages chosen for a country, primary first.
    pub fn languages(&self, country: Country) -> Vec<Language> {
        self.edition(country)
            .map(|e| {
                e.primary_language
                    .into_iter()
                    .chain(e.other_languages.iter().copied())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Makes `country` the primary one (it stops being an "other" country).
    pub fn set_primary_country(&mut self, country: Option<Country>, catalog: &CatalogView) {
        self.primary_country = country;
        self.other_countries.retain(|c| Some(*c) != country);
        self.sync_editions(catalog);
    }

    pub fn set_other_country(&mut self, country: Country, chosen: bool, catalog: &CatalogView) {
        if chosen
            && Some(country) != self.primary_country
            && !self.other_countries.contains(&country)
        {
            self.other_countries.push(country);
        } else if !chosen {
            self.other_countries.retain(|c| *c != country);
        }
        self.sync_editions(catalog);
    }

    /// One edition per chosen country: a new country starts empty (with its only language
    /// chosen when it has just one); a removed country takes its choices with it.
    fn sync_editions(&mut self, catalog: &CatalogView) {
        let countries = self.countries();
        self.editions.retain(|e| countries.contains(&e.country));
        for &country in &countries {
            if self.edition(country).is_none() {
                let offered = languages_of(catalog, country);
                self.editions.push(DraftEdition {
                    country,
                    primary_language: (offered.len() == 1).then(|| offered[0]),
                    other_languages: Vec::new(),
                    primary_source: None,
                    other_sources: Vec::new(),
                    own_feeds: Vec::new(),
                });
            }
        }
        self.editions
            .sort_by_key(|e| countries.iter().position(|c| *c == e.country));
        for country in countries {
            self.preselect_only_source(country, catalog);
        }
    }

    /// A country whose chosen languages have one outlet with a feed: it is the primary source,
    /// chosen for the reader (as a country's only language is).
    fn preselect_only_source(&mut self, country: Country, catalog: &CatalogView) {
        let languages = self.languages(country);
        let mut readable = crate::prefs::sources_of(catalog, country, &languages)
            .into_iter()
            .filter(|s| s.has_feed());
        if let (Some(only), None) = (readable.next(), readable.next())
            && let Some(e) = self.edition_mut(country)
            && e.primary_source.is_none()
        {
            e.primary_source = Some(only.id.clone());
        }
    }

    /// Sets a country's primary language; returns the names of the sources this dropped.
    pub fn set_primary_language(
        &mut self,
        country: Country,
        language: Option<Language>,
        catalog: &CatalogView,
    ) -> Vec<String> {
        if let Some(e) = self.edition_mut(country) {
            e.primary_language = language;
            e.other_languages.retain(|l| Some(*l) != language);
        }
        let dropped = self.drop_sources_outside_languages(country, catalog);
        self.preselect_only_source(country, catalog);
        dropped
    }

    /// Adds or removes one of a country's other languages; returns the names of dropped sources.
    pub fn set_other_language(
        &mut self,
        country: Country,
        language: Language,
        chosen: bool,
        catalog: &CatalogView,
    ) -> Vec<String> {
        if let Some(e) = self.edition_mut(country) {
            if chosen
                && e.primary_language != Some(language)
                && !e.other_languages.contains(&language)
            {
                e.other_languages.push(language);
            } else if !chosen {
                e.other_languages.retain(|l| *l != language);
            }
        }
        let dropped = self.drop_sources_outside_languages(country, catalog);
        self.preselect_only_source(country, catalog);
        dropped
    }

    fn drop_sources_outside_languages(
        &mut self,
        country: Country,
        catalog: &CatalogView,
    ) -> Vec<String> {
        let languages = self.languages(country);
        let fits = |id: &String| {
            catalog
                .sources
                .iter()
                .any(|s| &s.id == id && languages.contains(&s.language))
        };
        let name = |id: &String| {
            catalog
                .sources
                .iter()
                .find(|s| &s.id == id)
                .map_or(id.clone(), |s| s.name.clone())
        };
        let mut dropped = Vec::new();
        if let Some(e) = self.edition_mut(country) {
            if let Some(primary) = e.primary_source.take_if(|id| !fits(id)) {
                dropped.push(name(&primary));
            }
            e.other_sources.retain(|id| {
                let keep = fits(id);
                if !keep {
                    dropped.push(name(id));
                }
                keep
            });
        }
        dropped
    }

    pub fn set_primary_source(&mut self, country: Country, source: Option<String>) {
        if let Some(e) = self.edition_mut(country) {
            e.other_sources.retain(|s| Some(s) != source.as_ref());
            e.primary_source = source;
        }
    }

    /// Files a feed the reader added under `country` (once; at most `MAX_OWN_FEEDS` in all).
    /// False when there is no room, or the country is not chosen.
    pub fn add_own_feed(&mut self, country: Country, feed: super::OwnFeed) -> bool {
        let total: usize = self.editions.iter().map(|e| e.own_feeds.len()).sum();
        let present = self
            .editions
            .iter()
            .any(|e| e.own_feeds.iter().any(|f| f.id == feed.id));
        if present {
            return true;
        }
        if total >= crate::api::MAX_OWN_FEEDS {
            return false;
        }
        match self.edition_mut(country) {
            Some(e) => {
                e.own_feeds.push(feed);
                true
            }
            None => false,
        }
    }

    pub fn remove_own_feed(&mut self, id: &str) {
        for e in &mut self.editions {
            e.own_feeds.retain(|f| f.id != id);
        }
    }

    pub fn set_other_source(&mut self, country: Country, source: &str, chosen: bool) {
        if let Some(e) = self.edition_mut(country) {
            let present = e.other_sources.iter().any(|s| s == source);
            if chosen && !present && e.primary_source.as_deref() != Some(source) {
                e.other_sources.push(source.to_string());
            } else if !chosen {
                e.other_sources.retain(|s| s != source);
            }
        }
    }

    /// The preferences to save, or every mandatory field still empty, in page order.
    pub fn finish(&self) -> Result<Preferences, Vec<Missing>> {
        let mut missing = Vec::new();
        if self.primary_country.is_none() {
            missing.push(Missing::PrimaryCountry);
        }
        let countries = self.countries();
        for c in &countries {
            if self.edition(*c).and_then(|e| e.primary_language).is_none() {
                missing.push(Missing::PrimaryLanguage(*c));
            }
        }
        for c in &countries {
            if self
                .edition(*c)
                .and_then(|e| e.primary_source.as_ref())
                .is_none()
            {
                missing.push(Missing::PrimarySource(*c));
            }
        }
        let (Some(primary_country), true) = (self.primary_country, missing.is_empty()) else {
            return Err(missing);
        };
        let editions = countries
            .iter()
            .filter_map(|c| self.edition(*c))
            .filter_map(|e| {
                Some(CountryEdition {
                    country: e.country,
                    primary_language: e.primary_language?,
                    other_languages: e.other_languages.clone(),
                    primary_source: e.primary_source.clone()?,
                    other_sources: e.other_sources.clone(),
                    own_feeds: e.own_feeds.clone(),
                })
            })
            .collect();
        Ok(Preferences {
            version: CURRENT_VERSION,
            primary_country,
            other_countries: self.other_countries.clone(),
            editions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::catalog;
    use super::*;

    fn empty() -> Draft {
        Draft {
            primary_country: None,
            other_countries: vec![],
            editions: vec![],
        }
    }

    #[test]
    fn saving_is_refused_until_every_mandatory_choice_is_made() {
        let c = catalog();
        let mut d = empty();
        assert_eq!(d.finish(), Err(vec![Missing::PrimaryCountry]));
        d.set_primary_country(Some(Country::IN), &c);
        d.set_other_country(Country::DE, true, &c);
        // Germany has one language and one outlet, both chosen for the reader; India has two
        // languages.
        assert_eq!(
            d.finish(),
            Err(vec![
                Missing::PrimaryLanguage(Country::IN),
                Missing::PrimarySource(Country::IN),
            ])
        );
        assert_eq!(
            d.edition(Country::DE).unwrap().primary_source.as_deref(),
            Some("dw-de")
        );
        d.set_primary_language(Country::IN, Some(Language::Hi), &c);
        d.set_primary_source(Country::IN, Some("aajtak-hi".into()));
        d.set_primary_source(Country::DE, Some("dw-de".into()));
        let p = d.finish().unwrap();
        assert_eq!(p.source_ids(), vec!["aajtak-hi", "dw-de"]);
        assert_eq!(
            Missing::PrimarySource(Country::DE)
                .message()
                .render(Language::En),
            "Choose a primary source for Germany."
        );
    }

    #[test]
    fn the_primary_country_cannot_also_be_an_other_country() {
        let c = catalog();
        let mut d = empty();
        d.set_other_country(Country::QA, true, &c);
        d.set_primary_country(Some(Country::QA), &c);
        assert_eq!(d.other_countries, vec![]);
        d.set_other_country(Country::QA, true, &c);
        assert_eq!(d.other_countries, vec![]);
        assert_eq!(d.editions.len(), 1);
    }

    #[test]
    fn removing_a_country_removes_its_choices() {
        let c = catalog();
        let mut d = empty();
        d.set_primary_country(Some(Country::WORLD), &c);
        d.set_other_country(Country::CA, true, &c);
        d.set_primary_language(Country::CA, Some(Language::Fr), &c);
        d.set_primary_source(Country::CA, Some("radio-canada-fr".into()));
        d.set_other_country(Country::CA, false, &c);
        assert!(d.edition(Country::CA).is_none());
        d.set_other_country(Country::CA, true, &c);
        assert_eq!(
            d.edition(Country::CA).unwrap().primary_source,
            None,
            "old choices came back"
        );
    }

    #[test]
    fn narrowing_languages_drops_sources_and_names_them() {
        let c = catalog();
        let mut d = empty();
        d.set_primary_country(Some(Country::IN), &c);
        d.set_primary_language(Country::IN, Some(Language::En), &c);
        d.set_other_language(Country::IN, Language::Hi, true, &c);
        d.set_primary_source(Country::IN, Some("aajtak-hi".into()));
        d.set_other_source(Country::IN, "ndtv-en", true);
        let dropped = d.set_other_language(Country::IN, Language::Hi, false, &c);
        assert_eq!(dropped, vec!["aajtak-hi".to_string()]);
        let e = d.edition(Country::IN).unwrap();
        assert_eq!(
            (e.primary_source.clone(), e.other_sources.clone()),
            (None, vec!["ndtv-en".to_string()])
        );
    }

    #[test]
    fn a_draft_of_saved_preferences_finishes_as_them() {
        let p = super::super::tests::full();
        assert_eq!(Draft::from(&p).finish(), Ok(p));
    }
}
