//! Types shared by the server and the browser: the API contract.

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The countries a reader can follow, in the order the settings page lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Country {
    IN,
    US,
    QA,
    DE,
    CN,
    CA,
    WORLD,
}

impl Country {
    pub const ALL: [Country; 7] = [
        Country::IN,
        Country::US,
        Country::QA,
        Country::DE,
        Country::CN,
        Country::CA,
        Country::WORLD,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Country::IN => "IN",
            Country::US => "US",
            Country::QA => "QA",
            Country::DE => "DE",
            Country::CN => "CN",
            Country::CA => "CA",
            Country::WORLD => "WORLD",
        }
    }

    pub fn from_code(code: &str) -> Option<Country> {
        Country::ALL.into_iter().find(|c| c.code() == code)
    }

    /// English name, as the specification writes it.
    pub fn name(self) -> &'static str {
        match self {
            Country::IN => "India",
            Country::US => "United States",
            Country::QA => "Qatar",
            Country::DE => "Germany",
            Country::CN => "China",
            Country::CA => "Canada",
            Country::WORLD => "World",
        }
    }
}

/// The languages Panorama reads and speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Hi,
    Ar,
    De,
    Zh,
    Fr,
}

impl Language {
    pub const ALL: [Language; 6] = [
        Language::En,
        Language::Hi,
        Language::Ar,
        Language::De,
        Language::Zh,
        Language::Fr,
    ];

    /// BCP 47 tag, used for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Hi => "hi",
            Language::Ar => "ar",
            Language::De => "de",
            Language::Zh => "zh",
            Language::Fr => "fr",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// English name.
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Hi => "Hindi",
            Language::Ar => "Arabic",
            Language::De => "German",
            Language::Zh => "Chinese",
            Language::Fr => "French",
        }
    }

    /// The language's name in its own script.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Hi => "हिन्दी",
            Language::Ar => "العربية",
            Language::De => "Deutsch",
            Language::Zh => "中文",
            Language::Fr => "Français",
        }
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Language::Ar)
    }
}

/// News categories. "All Categories" is their union and has no variant: it is `None` where a
/// category is optional.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    National,
    International,
    Business,
    Entertainment,
    Sports,
    Special,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::National,
        Category::International,
        Category::Business,
        Category::Entertainment,
        Category::Sports,
        Category::Special,
    ];

    /// The url-safe name used in the catalog, query strings and routes.
    pub fn slug(self) -> &'static str {
        match self {
            Category::National => "national",
            Category::International => "international",
            Category::Business => "business",
            Category::Entertainment => "entertainment",
            Category::Sports => "sports",
            Category::Special => "special",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::National => "National",
            Category::International => "International",
            Category::Business => "Business",
            Category::Entertainment => "Entertainment",
            Category::Sports => "Sports",
            Category::Special => "Special",
        }
    }
}

/// Which of an outlet's feeds: its main feed or one category's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedSlot {
    Top,
    #[serde(untagged)]
    Category(Category),
}

impl FeedSlot {
    pub fn from_key(key: &str) -> Option<FeedSlot> {
        if key == "top" {
            Some(FeedSlot::Top)
        } else {
            Category::from_slug(key).map(FeedSlot::Category)
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            FeedSlot::Top => "top",
            FeedSlot::Category(c) => c.slug(),
        }
    }
}

impl fmt::Display for FeedSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A country with its name, for API clients that do not know the codes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryInfo {
    pub code: Country,
    pub name: String,
}

impl From<Country> for CountryInfo {
    fn from(code: Country) -> Self {
        CountryInfo {
            code,
            name: code.name().to_string(),
        }
    }
}

/// A language with its names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageInfo {
    pub code: Language,
    /// English name ("Hindi").
    pub name: String,
    /// The language's own name ("हिन्दी").
    pub native: String,
}

impl From<Language> for LanguageInfo {
    fn from(code: Language) -> Self {
        LanguageInfo {
            code,
            name: code.name().to_string(),
            native: code.native_name().to_string(),
        }
    }
}

/// One outlet edition as readers see it (feed URLs stay on the server).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub id: String,
    pub name: String,
    pub country: Country,
    pub language: Language,
    pub homepage: String,
    /// The feeds this outlet has; empty means "no feed available".
    pub feeds: Vec<FeedSlot>,
    /// The address of its main feed (its top feed, else its first), for OPML exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed_url: Option<String>,
    /// Why the outlet has no feed, when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_feed: Option<String>,
}

impl SourceInfo {
    pub fn has_feed(&self) -> bool {
        !self.feeds.is_empty()
    }
}

/// What `/api/catalog` answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogView {
    pub countries: Vec<CountryInfo>,
    pub languages: Vec<LanguageInfo>,
    pub categories: Vec<Category>,
    pub sources: Vec<SourceInfo>,
}

/// Why an article's time is not simply the feed's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateNote {
    /// The feed gave no date: dated as the item the outlet listed above it (else below it),
    /// or, in a feed with no dates at all, when Panorama first saw it.
    FirstSeen,
    /// The feed dated the item in the future: clamped to the fetch time.
    ClampedFuture,
}

/// One news item as the browser gets it, normalized from any feed format. (The server keeps
/// more of each story: see the server's `record::Record`.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable across fetches: a hash of the source and the item's guid (else its canonical link).
    pub id: String,
    pub source_id: String,
    pub source_name: String,
    pub country: Country,
    pub language: Language,
    /// The categories whose feeds carried this item (empty: only the outlet's main feed).
    pub categories: Vec<Category>,
    /// Plain text, entities decoded.
    pub title: String,
    /// Absolute, tracking parameters removed.
    pub link: String,
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub published: DateTime<Utc>,
    /// When this version was written (the feed's update time, else `published`): of two
    /// versions of one item, the later replaces the other.
    #[serde(default, deserialize_with = "crate::rfc3339::option")]
    pub updated: Option<DateTime<Utc>>,
    pub date_note: Option<DateNote>,
    /// Plain-text excerpt for cards.
    pub summary: String,
    pub image: Option<String>,
    /// The same story text carried by other outlets (wire copies), shown with this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<WireCopy>,
    /// How many other languages this story is told in (More Related News); on timeline pages.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub other_languages: usize,
    /// Other outlets' articles on the same story that were on the same timeline page, folded
    /// into this card.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub folded: Vec<FoldedArticle>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Another outlet's article on a card's story, folded into the card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoldedArticle {
    pub id: String,
    pub source_id: String,
    pub source_name: String,
    pub language: Language,
}

/// Another outlet's copy of the same wire story.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireCopy {
    pub source_id: String,
    pub source_name: String,
    pub link: String,
}

/// Why a source's latest refresh failed, in words a reader is told (`reason` beside it keeps
/// the technical detail, for the log and a "details" disclosure).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trouble {
    /// The outlet did not answer: no such host, connection refused, timed out.
    Unreachable,
    /// The feed's address answers 404 or 410.
    NotFound,
    /// The outlet answered with another error.
    Server,
    /// The outlet asked for a pause (429, or 503 with `Retry-After`).
    Busy,
    /// What came back is not a feed (a web page, say).
    NotAFeed,
    /// The feed is larger than Panorama reads.
    TooLarge,
    /// A reader's own feed at an address Panorama does not read from (a private network, an
    /// unusual port): see the server's `address_rules`.
    Refused,
    /// Its newest story is old: nothing failed, the outlet is quiet.
    Quiet,
    #[default]
    Other,
}

impl Trouble {
    /// The interface's message key for it (`Quiet` has a sentence of its own).
    pub fn key(self) -> &'static str {
        match self {
            Trouble::Unreachable => "trouble-unreachable",
            Trouble::NotFound => "trouble-not-found",
            Trouble::Server => "trouble-server",
            Trouble::Busy => "trouble-busy",
            Trouble::NotAFeed => "trouble-not-a-feed",
            Trouble::TooLarge => "trouble-too-large",
            Trouble::Refused => "trouble-refused",
            Trouble::Quiet | Trouble::Other => "trouble-other",
        }
    }
}

/// How one requested source fared in a timeline request.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SourceStatus {
    /// Fetched and parsed, and recent; `items` counts what this request took from it.
    Ok {
        items: usize,
        #[serde(deserialize_with = "crate::rfc3339::deserialize")]
        fetched_at: DateTime<Utc>,
        /// The newest story's time: how alive the outlet is.
        #[serde(default, deserialize_with = "crate::rfc3339::option")]
        newest: Option<DateTime<Utc>>,
    },
    /// Its stories show, but they may be old: the latest refresh failed (`reason` says why), or
    /// the newest story is more than a week old. `fetched_at` is when they were last confirmed.
    Stale {
        items: usize,
        #[serde(deserialize_with = "crate::rfc3339::deserialize")]
        fetched_at: DateTime<Utc>,
        #[serde(default, deserialize_with = "crate::rfc3339::option")]
        newest: Option<DateTime<Utc>>,
        #[serde(default)]
        trouble: Trouble,
        /// The technical detail, for "details".
        reason: String,
    },
    /// Still being fetched after the request's deadline; the page fills in later.
    Loading,
    /// Every feed of this source that the request needed failed, and nothing older is kept.
    Failed {
        #[serde(default)]
        trouble: Trouble,
        reason: String,
    },
    /// The outlet has no feed for what was asked.
    NoFeed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceState {
    pub source_id: String,
    pub source_name: String,
    pub status: SourceStatus,
}

/// One source of the edition a timeline was asked for, lead first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionSource {
    pub id: String,
    pub name: String,
    pub country: Country,
    pub language: Language,
}

/// Narrows a timeline to part of the edition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", content = "value", rename_all = "snake_case")]
pub enum TimelineFilter {
    Country(Country),
    Source(String),
}

/// What `/api/timeline` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelinePage {
    /// The server's clock when the page was made; relative times are computed against it so
    /// the server's HTML and the hydrated page agree.
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub generated_at: DateTime<Utc>,
    pub category: Option<Category>,
    /// Every source of the edition, lead first, whatever the filter.
    pub edition: Vec<EditionSource>,
    /// The filter in force: absent when none was asked, or when it matched nothing in the
    /// edition (a shared link from another edition shows the whole timeline, not nothing).
    pub filter: Option<TimelineFilter>,
    /// The lead source's newest stories ("Top from <Source>"): first page, unfiltered only.
    /// They are left out of `articles` so no story shows twice.
    pub top: Vec<Article>,
    pub articles: Vec<Article>,
    pub sources: Vec<SourceState>,
    /// Pass back as `cursor` for the next, older page.
    pub next_cursor: Option<String>,
    /// When no source of the edition has a feed for the category asked: outlets of the
    /// edition's countries that do, to offer the reader.
    #[serde(default)]
    pub with_category: Vec<EditionSource>,
}

/// A timeline request, parsed and validated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineQuery {
    pub category: Option<Category>,
    /// Source ids; empty means the default edition.
    pub sources: Vec<String>,
    pub filter: Option<TimelineFilter>,
    pub cursor: Option<String>,
    pub limit: usize,
}

/// The article page's time line, exactly as the specification writes it:
/// `Monday, January 17, 2022 11:21:53 AM UTC`.
pub fn utc_line(at: DateTime<Utc>) -> String {
    let hour = match at.hour() % 12 {
        0 => 12,
        h => h,
    };
    let half = if at.hour() < 12 { "AM" } else { "PM" };
    let (minute, second) = (at.minute(), at.second());
    let day = long_day(at.date_naive());
    format!("{day} {hour}:{minute:02}:{second:02} {half} UTC")
}

// The dates are written by hand rather than with chrono's `format`: its strftime parser and
// formatter were about 10 KB of the browser's wasm, for these four fixed forms.

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `Monday, January 17, 2022`.
pub fn long_day(day: chrono::NaiveDate) -> String {
    let weekday = WEEKDAYS[day.weekday().num_days_from_monday() as usize];
    let month = MONTHS[day.month0() as usize];
    format!("{weekday}, {month} {}, {}", day.day(), day.year())
}

/// `2022-01-17`, readable in every script.
pub fn iso_day(day: chrono::NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// `11:21 UTC`.
pub fn utc_time(at: DateTime<Utc>) -> String {
    format!("{:02}:{:02} UTC", at.hour(), at.minute())
}

/// Where an article page's story text came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum StoryOrigin {
    /// Extracted from the article's own page.
    Page,
    /// The page could not be read (`reason` says why): this is the feed's summary.
    FeedSummary { reason: String },
    /// The page is still being fetched: the feed's summary for now.
    Pending,
}

/// The story text of an article page: sanitized HTML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryText {
    pub html: String,
    pub origin: StoryOrigin,
}

/// What `/api/article` answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticlePage {
    /// The server's clock, for relative times that agree between server and browser.
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub generated_at: DateTime<Utc>,
    pub article: Article,
    /// The outlet's home page.
    pub source_homepage: String,
    pub story: StoryText,
    /// This page's own address, absolute: what is shared and what previews name.
    pub url: String,
    /// More Related News, with the page rather than asked for apart: the browser then carries
    /// one resource and one reader for both.
    pub related: RelatedStory,
}

/// One day of the News Archive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchiveDay {
    #[serde(deserialize_with = "crate::rfc3339::day")]
    pub day: chrono::NaiveDate,
    pub count: usize,
}

/// What `/api/archive` answers: the days Panorama has stories for, newest first, and the
/// stories of one of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchivePage {
    pub days: Vec<ArchiveDay>,
    /// The day shown: the one asked for, else the newest.
    #[serde(default, deserialize_with = "crate::rfc3339::day_option")]
    pub day: Option<chrono::NaiveDate>,
    /// That day's stories, newest first, without their HTML.
    pub articles: Vec<Article>,
    /// Where the day goes on (`&cursor=`), when it has more stories than one page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// What the archive is asked for: a day (the newest when absent), narrowed to a country, a
/// language or a source, from a cursor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArchiveQuery {
    pub day: Option<chrono::NaiveDate>,
    pub country: Option<Country>,
    pub language: Option<Language>,
    pub source: Option<String>,
    pub cursor: Option<String>,
    pub limit: usize,
}

/// A piece of a search result's text; `marked` where it is a word searched for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marked {
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub marked: bool,
}

/// A search result's title and an excerpt of its summary, the matched words marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    pub title: Vec<Marked>,
    pub snippet: Vec<Marked>,
}

/// What a search asks for; see `/api/search`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// As the reader typed it.
    pub q: String,
    pub country: Option<Country>,
    pub language: Option<Language>,
    pub source: Option<String>,
    pub category: Option<Category>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    pub cursor: Option<String>,
    pub limit: usize,
    /// The reader's own feeds (`own-…` ids): their stories, which the store does not hold,
    /// are searched too.
    pub own: Vec<String>,
}

/// What `/api/search` answers: matching stories newest first, each with its highlight (same
/// order), and the next page's cursor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    pub articles: Vec<Article>,
    pub highlights: Vec<Highlight>,
    pub next_cursor: Option<String>,
}

/// The operator's contact details, from the server's configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub operator: Option<String>,
    pub email: Option<String>,
    /// A postal address, lines separated by newlines.
    pub address: Option<String>,
}

/// Another outlet's article on the same story, as More Related News lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelatedArticle {
    pub id: String,
    pub title: String,
    pub source_id: String,
    pub source_name: String,
    pub country: Country,
    pub language: Language,
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub published: DateTime<Utc>,
    /// The outlet's own page.
    pub link: String,
    /// How strongly it is linked to the article asked about (higher first).
    pub score: f32,
    /// What it shares with that article, as it writes it (names, numbers, places).
    pub shared: Vec<String>,
}

/// How many of a story's articles come from outlets of one country.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub country: Country,
    pub articles: usize,
}

/// What `/api/related` answers: the story of article `id`, told by other outlets and in
/// other languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelatedStory {
    pub id: String,
    /// Ranked: the most closely linked first.
    pub articles: Vec<RelatedArticle>,
    /// By country of outlet, the article itself included; most first.
    pub coverage: Vec<Coverage>,
}

/// What `/api/feed?url=` answers: a feed a reader may add as their own, read once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedPreview {
    /// The id to keep in the preferences: a catalog source's when the catalog has this feed,
    /// else the own feed's (`own-` and twelve hex digits, from its address).
    pub id: String,
    /// True when the address is a catalog source's feed.
    pub catalog: bool,
    /// The feed's address (a site's address is answered with the first feed it advertises).
    pub url: String,
    pub title: String,
    /// The feed's language when it says one Panorama knows: proposed, the reader decides.
    pub language: Option<Language>,
    /// Its newest stories.
    pub stories: Vec<PreviewStory>,
    /// Other feeds the site advertises, to offer instead.
    pub alternatives: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewStory {
    pub title: String,
    pub link: String,
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub published: DateTime<Utc>,
}

/// What `/api/opml` answers for an OPML file: each feed it lists and what importing it would
/// do, before anything changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpmlPreview {
    pub entries: Vec<OpmlEntry>,
    /// Why the reading stopped early, or how many feeds past the limit were left out.
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpmlEntry {
    pub title: String,
    /// The feed's address (the site's, for one listed by its site only).
    pub url: String,
    /// The country its folder names, if it names one of Panorama's.
    pub country: Option<Country>,
    pub outcome: OpmlOutcome,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OpmlOutcome {
    /// A catalog source's feed: importing chooses that source.
    Catalog { id: String },
    /// Becomes an own feed under this id.
    Own { id: String },
    /// Not read from: the address rule says why.
    Refused { why: String },
    /// Left out: why (no feed address, not an address, past the limit).
    Skipped { why: String },
}

/// What `/api/story` answers: one event as the world tells it, for the story page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryPage {
    /// The server's clock, for relative times that agree between server and browser.
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub generated_at: DateTime<Utc>,
    /// The article the page was asked for (its `score` 0, nothing `shared`): it names the page.
    pub article: RelatedArticle,
    /// The rest of its story, as More Related News ranks it, and the coverage by country.
    pub story: RelatedStory,
    /// The reader's countries (of the edition asked with) whose outlets have not covered it.
    pub not_yet: Vec<Country>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates_are_written_as_chrono_would_write_them() {
        // Every day of four years, at a time that walks through every hour, minute and second.
        let start = Utc.with_ymd_and_hms(2023, 12, 31, 0, 0, 0).unwrap();
        for n in 0..4 * 366 {
            let at = start + chrono::Duration::seconds(n * 86_400 + n * 3_607 % 86_400);
            assert_eq!(
                utc_line(at),
                at.format("%A, %B %-d, %Y %-I:%M:%S %p UTC").to_string()
            );
            assert_eq!(utc_time(at), at.format("%H:%M UTC").to_string());
            let day = at.date_naive();
            assert_eq!(long_day(day), day.format("%A, %B %-d, %Y").to_string());
            assert_eq!(iso_day(day), day.format("%Y-%m-%d").to_string());
        }
        let noon = Utc.with_ymd_and_hms(2022, 1, 17, 12, 0, 5).unwrap();
        assert_eq!(utc_line(noon), "Monday, January 17, 2022 12:00:05 PM UTC");
        let midnight = Utc.with_ymd_and_hms(2022, 1, 17, 0, 9, 0).unwrap();
        assert_eq!(
            utc_line(midnight),
            "Monday, January 17, 2022 12:09:00 AM UTC"
        );
    }

    #[test]
    fn feed_slots_round_trip_through_their_keys() {
        for key in ["top", "national", "sports", "special"] {
            assert_eq!(FeedSlot::from_key(key).unwrap().key(), key);
        }
        assert_eq!(FeedSlot::from_key("weather"), None);
        assert_eq!(FeedSlot::Category(Category::Sports).to_string(), "sports");
    }

    #[test]
    fn utc_line_matches_the_specification() {
        let at = Utc.with_ymd_and_hms(2022, 1, 17, 11, 21, 53).unwrap();
        assert_eq!(utc_line(at), "Monday, January 17, 2022 11:21:53 AM UTC");
        // Just before midnight, and the first second of a day: 12-hour clock edges.
        let late = Utc.with_ymd_and_hms(2021, 12, 31, 23, 59, 59).unwrap();
        assert_eq!(utc_line(late), "Friday, December 31, 2021 11:59:59 PM UTC");
        let early = Utc.with_ymd_and_hms(2022, 1, 1, 0, 0, 7).unwrap();
        assert_eq!(utc_line(early), "Saturday, January 1, 2022 12:00:07 AM UTC");
        // A feed time in another zone: 01:30 in UTC+05:30 is the previous day in UTC.
        let ist = DateTime::parse_from_rfc2822("Mon, 17 Jan 2022 01:30:00 +0530").unwrap();
        assert_eq!(
            utc_line(ist.with_timezone(&Utc)),
            "Sunday, January 16, 2022 8:00:00 PM UTC"
        );
    }

    #[test]
    fn codes_parse_back() {
        for c in Country::ALL {
            assert_eq!(Country::from_code(c.code()), Some(c));
        }
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
        }
        assert_eq!(Country::from_code("FR"), None);
        assert!(Language::Ar.is_rtl() && !Language::Hi.is_rtl());
    }
}
