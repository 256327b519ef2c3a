//! The server functions: Panorama's HTTP API (`/api/*`). Reads are GET so they can be scripted
//! and cached; the pipeline behind them lives in the `server` crate and reaches these functions
//! through [`Backend`] in the Leptos context.

use crate::model::{
    ArchivePage, ArchiveQuery, ArticlePage, CatalogView, Category, Contact, Country, Language,
    RelatedStory, SearchPage, SearchQuery, TimelineFilter, TimelinePage,
};
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, JsonEncoding};
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// The most sources one edition (a timeline request, the edition cookie) may name: the
/// catalog has 54, and a reader may add their own feeds.
pub const MAX_SOURCES: usize = 120;
/// A reader's own feeds, at most (they count among the sources too).
pub const MAX_OWN_FEEDS: usize = 50;
/// How an own feed's id starts (catalog ids never do: the catalog refuses them).
pub const OWN_PREFIX: &str = "own-";

/// Default and largest page sizes for `/api/timeline`.
pub const DEFAULT_PAGE_SIZE: usize = 30;
pub const MAX_PAGE_SIZE: usize = 100;

/// The one error type at the API boundary. Internals never reach the client: the server logs
/// them and sends `Internal`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("not found")]
    NotFound,
    /// An own feed's address the server does not read from (a private network, say).
    #[error("refused: {0}")]
    Refused(String),
    /// An own feed that could not be read, or is not a feed.
    #[error("unreadable: {0}")]
    Unreadable(String),
    /// Too many new feeds asked for at once.
    #[error("too many requests: {0}")]
    TooMany(String),
    #[error("internal error")]
    Internal,
    #[error("{0}")]
    ServerFn(ServerFnErrorErr),
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::BadRequest(_) => 400,
            AppError::NotFound => 404,
            AppError::Refused(_) => 403,
            AppError::Unreadable(_) => 422,
            AppError::TooMany(_) => 429,
            AppError::Internal | AppError::ServerFn(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::ServerFn(value)
    }
}

#[cfg(feature = "ssr")]
pub use backend::{Backend, NewsBackend};

#[cfg(feature = "ssr")]
mod backend {
    use super::AppError;
    use crate::model::{
        ArchivePage, ArchiveQuery, ArticlePage, CatalogView, Contact, RelatedStory, SearchPage,
        SearchQuery, StoryPage, TimelinePage, TimelineQuery,
    };
    use futures::future::BoxFuture;
    use std::sync::Arc;

    /// What the server functions need from the pipeline. `app` declares it so that it never
    /// depends on `server`; `server` implements it.
    pub trait NewsBackend: Send + Sync + 'static {
        fn catalog(&self) -> CatalogView;
        /// Takes the `Arc` so the future owns its handle (server functions need `'static`).
        fn timeline(
            self: Arc<Self>,
            query: TimelineQuery,
        ) -> BoxFuture<'static, Result<TimelinePage, AppError>>;
        /// One article with its story text; `NotFound` when Panorama has not seen the id.
        fn article(
            self: Arc<Self>,
            id: String,
        ) -> BoxFuture<'static, Result<ArticlePage, AppError>>;
        /// The story of an article: other outlets' articles on it, in any language;
        /// `NotFound` when Panorama has not seen the id.
        fn related(
            self: Arc<Self>,
            id: String,
        ) -> BoxFuture<'static, Result<RelatedStory, AppError>>;
        /// The story page of an article: the article, its story, and which of the countries
        /// of the edition `sources` (the default one when empty) have not covered it yet.
        fn story(
            self: Arc<Self>,
            id: String,
            sources: Vec<String>,
        ) -> BoxFuture<'static, Result<StoryPage, AppError>>;
        /// Reads a feed a reader wants to add (by its address or its site's), under the
        /// address rules, and registers it; `client` is the asker, for the rate limit.
        fn feed(
            self: Arc<Self>,
            url: String,
            client: Option<std::net::IpAddr>,
        ) -> BoxFuture<'static, Result<crate::model::FeedPreview, AppError>>;
        /// What importing an OPML file would do, feed by feed (own feeds registered).
        fn opml(
            self: Arc<Self>,
            text: String,
        ) -> BoxFuture<'static, Result<crate::model::OpmlPreview, AppError>>;
        /// The stories seen, by day; `day` absent means the newest day.
        fn archive(
            self: Arc<Self>,
            query: ArchiveQuery,
        ) -> BoxFuture<'static, Result<ArchivePage, AppError>>;
        /// The stories whose title or summary hold every word searched for, newest first.
        fn search(
            self: Arc<Self>,
            query: SearchQuery,
        ) -> BoxFuture<'static, Result<SearchPage, AppError>>;
        fn contact(&self) -> Contact;
        /// The site's public address (`https://panorama.example`), when configured.
        fn public_url(&self) -> Option<String>;
    }

    /// The handle put in the Leptos context.
    #[derive(Clone)]
    pub struct Backend(pub Arc<dyn NewsBackend>);
}

#[cfg(feature = "ssr")]
fn backend() -> Result<Backend, AppError> {
    use_context::<Backend>().ok_or_else(|| {
        leptos::logging::error!("no Backend in context: the router was built without it");
        AppError::Internal
    })
}

/// Marks this answer as one no cache may keep: it is incomplete (a source still loading, a
/// story text on its way) and the page asks again in a moment.
#[cfg(feature = "ssr")]
fn not_for_keeping() {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(
            http::header::CACHE_CONTROL,
            http::HeaderValue::from_static("no-store"),
        );
    }
}

/// Sets the HTTP status of the response carrying `err`, then returns it.
#[cfg(feature = "ssr")]
fn with_status(err: AppError) -> AppError {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(
            http::StatusCode::from_u16(err.status())
                .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
    err
}

/// The catalog: countries, languages, categories and every source.
#[server(input = GetUrl, prefix = "/api", endpoint = "catalog")]
pub async fn get_catalog() -> Result<CatalogView, AppError> {
    Ok(backend()?.0.catalog())
}

/// A page of the merged timeline, newest first, with each requested source's state.
///
/// `category`: a category slug, or absent / `all` for All Categories. `sources`: comma-separated
/// source ids, absent for the default edition. `country` (a code such as `DE`) or `source` (an
/// id): narrow the timeline to that part of the edition. `cursor`: from the previous page's
/// `next_cursor`.
#[server(input = GetUrl, prefix = "/api", endpoint = "timeline")]
pub async fn get_timeline(
    category: Option<String>,
    sources: Option<String>,
    country: Option<String>,
    source: Option<String>,
    cursor: Option<String>,
    limit: Option<usize>,
) -> Result<TimelinePage, AppError> {
    let query = parse_timeline_query(RawTimelineQuery {
        category,
        sources,
        country,
        source,
        cursor,
        limit,
    })
    .map_err(with_status)?;
    let page = backend()?.0.timeline(query).await.map_err(with_status)?;
    if page
        .sources
        .iter()
        .any(|s| s.status == crate::model::SourceStatus::Loading)
    {
        not_for_keeping();
    }
    Ok(page)
}

/// One article and its story text (extracted from the outlet's page, else the feed's summary).
/// The page text may still be on its way after the server's deadline: then `story.origin` is
/// `pending` and asking again later gives it.
#[server(input = GetUrl, prefix = "/api", endpoint = "article")]
pub async fn get_article(id: String) -> Result<ArticlePage, AppError> {
    let id = article_id(&id).map_err(with_status)?;
    let backend = backend()?;
    let origin = public_origin(backend.0.public_url());
    let mut page = backend.0.article(id.clone()).await.map_err(with_status)?;
    page.url = format!("{origin}/article/{id}");
    if page.story.origin == crate::model::StoryOrigin::Pending {
        not_for_keeping();
    }
    Ok(page)
}

/// More Related News for one article: the same story from other outlets and in other
/// languages, ranked, each with what links it (shared names, numbers, places); and the
/// story's coverage by the outlets' countries.
#[server(input = GetUrl, prefix = "/api", endpoint = "related")]
pub async fn get_related(id: String) -> Result<RelatedStory, AppError> {
    let id = article_id(&id).map_err(with_status)?;
    backend()?.0.related(id).await.map_err(with_status)
}

/// The story page of an article: every outlet's article on its story, the coverage by
/// country, and which of the reader's countries (those of `sources`, comma-separated source
/// ids, else the default edition's) have not covered it yet.
#[server(input = GetUrl, prefix = "/api", endpoint = "story")]
pub async fn get_story(
    id: String,
    sources: Option<String>,
) -> Result<crate::model::StoryPage, AppError> {
    let id = article_id(&id).map_err(with_status)?;
    let sources = parse_sources(sources).map_err(with_status)?;
    backend()?.0.story(id, sources).await.map_err(with_status)
}

/// The client's address, as the server's router puts it in the request (for rate limits).
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub std::net::IpAddr);

/// A feed a reader wants to add as their own: `url` is the feed's address or its site's. The
/// answer says what it is (its id, title, language and newest stories); a refused address is
/// 403 with the rule, an unreadable one 422 with the reason, too many at once 429.
#[server(input = GetUrl, prefix = "/api", endpoint = "feed")]
pub async fn get_feed(url: String) -> Result<crate::model::FeedPreview, AppError> {
    let client = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ClientAddr>().map(|c| c.0));
    backend()?.0.feed(url, client).await.map_err(with_status)
}

/// An OPML file (its text, posted): each feed it lists, and what importing it would do (a
/// catalog source, an own feed, refused, skipped), before anything changes. A file that is
/// not OPML, declares entities or is larger than 1 MB is a 400 with the reason.
#[server(prefix = "/api", endpoint = "opml")]
pub async fn post_opml(text: String) -> Result<crate::model::OpmlPreview, AppError> {
    backend()?.0.opml(text).await.map_err(with_status)
}

/// The address readers reach this server at: the configured one, else the request's `Host`.
#[cfg(feature = "ssr")]
fn public_origin(configured: Option<String>) -> String {
    if let Some(url) = configured {
        return url.trim_end_matches('/').to_string();
    }
    let parts = use_context::<http::request::Parts>();
    let header = |name: &str| {
        parts
            .as_ref()
            .and_then(|p| p.headers.get(name))
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let host = header("host").unwrap_or_else(|| "localhost".into());
    let scheme = header("x-forwarded-proto")
        .filter(|s| s == "https")
        .unwrap_or_else(|| "http".into());
    format!("{scheme}://{host}")
}

/// An article id as asked for. Ids are 16 hex digits: anything else cannot be one, and need
/// not be looked up.
pub fn article_id(raw: &str) -> Result<String, AppError> {
    let id = raw.trim().to_ascii_lowercase();
    if id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(id)
    } else {
        Err(AppError::NotFound)
    }
}

/// The News Archive: the days Panorama has stories for (with how many), and one day's stories
/// (`day` as `YYYY-MM-DD`, absent for the newest), narrowed by `country` (a code such as `DE`),
/// `language` (`en`, `hi`, ...) or `source` (an id); `cursor` from `next_cursor` goes on.
#[server(input = GetUrl, prefix = "/api", endpoint = "archive")]
pub async fn get_archive(
    day: Option<String>,
    country: Option<String>,
    language: Option<String>,
    source: Option<String>,
    cursor: Option<String>,
    limit: Option<String>,
) -> Result<ArchivePage, AppError> {
    let query = parse_archive_query(RawArchiveQuery {
        day,
        country,
        language,
        source,
        cursor,
        limit,
    })
    .map_err(with_status)?;
    backend()?.0.archive(query).await.map_err(with_status)
}

pub use search_fn::get_search;

// One argument per query parameter, as the API documents them: more than clippy likes, and the
// server macro's generated functions take them all too.
#[allow(clippy::too_many_arguments)]
mod search_fn {
    use super::*;

    /// Search: the stories whose title or summary hold every word of `q` (`"quoted words"` as a
    /// phrase), newest first, with the matched words marked; narrowed like the archive, and by
    /// `category` and the days `from` and `to` (`YYYY-MM-DD`, both included). `own`: the
    /// reader's own feed ids, whose stories are searched too (on the first page).
    #[server(input = GetUrl, prefix = "/api", endpoint = "search")]
    pub async fn get_search(
        q: Option<String>,
        country: Option<String>,
        language: Option<String>,
        source: Option<String>,
        category: Option<String>,
        from: Option<String>,
        to: Option<String>,
        cursor: Option<String>,
        limit: Option<String>,
        own: Option<String>,
    ) -> Result<SearchPage, AppError> {
        let query = parse_search_query(RawSearchQuery {
            q,
            own,
            country,
            language,
            source,
            category,
            from,
            to,
            cursor,
            limit,
        })
        .map_err(with_status)?;
        backend()?.0.search(query).await.map_err(with_status)
    }
}

/// The operator's contact details.
#[server(input = GetUrl, prefix = "/api", endpoint = "contact")]
pub async fn get_contact() -> Result<Contact, AppError> {
    Ok(backend()?.0.contact())
}

/// `/api/timeline`'s query string, as given.
#[derive(Clone, Debug, Default)]
pub struct RawTimelineQuery {
    pub category: Option<String>,
    pub sources: Option<String>,
    pub country: Option<String>,
    pub source: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<usize>,
}

/// Validates the raw query of `/api/timeline`.
pub fn parse_timeline_query(
    raw: RawTimelineQuery,
) -> Result<crate::model::TimelineQuery, AppError> {
    let RawTimelineQuery {
        category,
        sources,
        country,
        source,
        cursor,
        limit,
    } = raw;
    let filters = read_filters(category.as_deref(), country.as_deref(), source.as_deref());
    // The page forgives what it does not understand (and says so); the API refuses it.
    if let Some((_, _, why)) = filters.not_understood.into_iter().next() {
        return Err(AppError::BadRequest(why));
    }
    let (category, filter) = (filters.category, filters.filter);
    let sources = parse_sources(sources)?;
    let limit = match limit {
        None => DEFAULT_PAGE_SIZE,
        Some(n) if (1..=MAX_PAGE_SIZE).contains(&n) => n,
        Some(n) => {
            return Err(AppError::BadRequest(format!(
                "limit {n} is outside 1..={MAX_PAGE_SIZE}"
            )));
        }
    };
    Ok(crate::model::TimelineQuery {
        category,
        sources,
        filter,
        cursor: cursor.filter(|c| !c.is_empty()),
        limit,
    })
}

/// The timeline's category and filter as an address gives them, read once by the same rules
/// for the page (`/?category=…&country=…`) and for `/api/timeline`. What is given but not
/// understood is kept with the reason: the page names it to the reader, the API refuses it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineFilters {
    pub category: Option<Category>,
    pub filter: Option<TimelineFilter>,
    /// `(name, value as given, why)` of each argument left out.
    pub not_understood: Vec<(&'static str, String, String)>,
}

pub fn read_filters(
    category: Option<&str>,
    country: Option<&str>,
    source: Option<&str>,
) -> TimelineFilters {
    fn given(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    let mut read = TimelineFilters::default();
    match given(category) {
        None | Some("all") => {}
        Some(slug) => match Category::from_slug(slug) {
            Some(c) => read.category = Some(c),
            None => read.not_understood.push((
                "category",
                slug.into(),
                format!("unknown category {}", short(slug)),
            )),
        },
    }
    let source = given(source);
    if let Some(id) = source {
        read.filter = Some(TimelineFilter::Source(id.into()));
    }
    if let Some(code) = given(country) {
        match Country::from_code(&code.to_ascii_uppercase()) {
            // One filter at a time: the narrower one, the source, is the one applied.
            Some(_) if source.is_some() => read.not_understood.push((
                "country",
                code.into(),
                "filter by country or by source, not both".into(),
            )),
            Some(c) => read.filter = Some(TimelineFilter::Country(c)),
            None => read.not_understood.push((
                "country",
                code.into(),
                format!("unknown country {}", short(code)),
            )),
        }
    }
    read
}

/// An edition's source ids, comma-separated, each once; absent or blank is the default edition.
pub fn parse_sources(sources: Option<String>) -> Result<Vec<String>, AppError> {
    let mut listed: Vec<String> = Vec::new();
    for id in sources
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        // A source named twice is one source.
        if !listed.iter().any(|kept| kept == id) {
            listed.push(id.to_string());
        }
    }
    let own = listed
        .iter()
        .filter(|id| id.starts_with(OWN_PREFIX))
        .count();
    if own > MAX_OWN_FEEDS {
        return Err(AppError::BadRequest(format!(
            "{own} own feeds: a reader has at most {MAX_OWN_FEEDS}"
        )));
    }
    if listed.len() > MAX_SOURCES {
        return Err(AppError::BadRequest(format!(
            "{} sources: an edition has at most {MAX_SOURCES}",
            listed.len()
        )));
    }
    Ok(listed)
}

/// A filter's value as given: absent and blank are the same.
fn given(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn parse_country(v: Option<String>) -> Result<Option<Country>, AppError> {
    given(v)
        .map(|code| {
            Country::from_code(&code.to_ascii_uppercase())
                .ok_or_else(|| AppError::BadRequest(format!("unknown country {}", short(&code))))
        })
        .transpose()
}

fn parse_language(v: Option<String>) -> Result<Option<Language>, AppError> {
    given(v)
        .map(|code| {
            Language::from_code(&code.to_ascii_lowercase())
                .ok_or_else(|| AppError::BadRequest(format!("unknown language {}", short(&code))))
        })
        .transpose()
}

fn parse_day(name: &str, v: Option<String>) -> Result<Option<chrono::NaiveDate>, AppError> {
    given(v)
        .map(|d| {
            chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| {
                AppError::BadRequest(format!(
                    "{name}: expected a day as YYYY-MM-DD, not {}",
                    short(&d)
                ))
            })
        })
        .transpose()
}

/// `limit` as given: a whole number in 1..=`MAX_PAGE_SIZE`, else the default.
fn parse_limit(v: Option<String>) -> Result<usize, AppError> {
    match given(v) {
        None => Ok(DEFAULT_PAGE_SIZE),
        Some(n) => match n.parse::<usize>() {
            Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
            _ => Err(AppError::BadRequest(format!(
                "limit: expected a whole number from 1 to {MAX_PAGE_SIZE}, not {}",
                short(&n)
            ))),
        },
    }
}

/// A value echoed in an error message, cut short: a message never carries a whole request back.
fn short(v: &str) -> String {
    let cut: String = v.chars().take(40).collect();
    if cut.len() < v.len() {
        format!("{cut:?}…")
    } else {
        format!("{cut:?}")
    }
}

/// `/api/archive`'s query string, as given.
#[derive(Clone, Debug, Default)]
pub struct RawArchiveQuery {
    pub day: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub source: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<String>,
}

/// Validates the raw query of `/api/archive` (and of the `/archive` page's address).
pub fn parse_archive_query(raw: RawArchiveQuery) -> Result<ArchiveQuery, AppError> {
    Ok(ArchiveQuery {
        day: parse_day("day", raw.day)?,
        country: parse_country(raw.country)?,
        language: parse_language(raw.language)?,
        source: given(raw.source),
        cursor: given(raw.cursor),
        limit: parse_limit(raw.limit)?,
    })
}

/// `/api/search`'s query string, as given.
#[derive(Clone, Debug, Default)]
pub struct RawSearchQuery {
    pub q: Option<String>,
    /// The reader's own feed ids, comma-separated.
    pub own: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    pub source: Option<String>,
    pub category: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<String>,
}

/// Validates the raw query of `/api/search` (and of the `/search` page's address). The words
/// themselves are read by the server's search module.
pub fn parse_search_query(raw: RawSearchQuery) -> Result<SearchQuery, AppError> {
    let category = match given(raw.category).as_deref() {
        None | Some("all") => None,
        Some(slug) => Some(
            Category::from_slug(slug)
                .ok_or_else(|| AppError::BadRequest(format!("unknown category {}", short(slug))))?,
        ),
    };
    let query = SearchQuery {
        q: raw.q.unwrap_or_default(),
        country: parse_country(raw.country)?,
        language: parse_language(raw.language)?,
        source: given(raw.source),
        category,
        from: parse_day("from", raw.from)?,
        to: parse_day("to", raw.to)?,
        cursor: given(raw.cursor),
        limit: parse_limit(raw.limit)?,
        own: parse_sources(raw.own)?
            .into_iter()
            .filter(|id| id.starts_with(OWN_PREFIX))
            .collect(),
    };
    if let (Some(from), Some(to)) = (query.from, query.to)
        && from > to
    {
        return Err(AppError::BadRequest("from is after to".into()));
    }
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(
        category: Option<&str>,
        country: Option<&str>,
        source: Option<&str>,
        limit: Option<usize>,
    ) -> Result<crate::model::TimelineQuery, AppError> {
        parse_timeline_query(RawTimelineQuery {
            category: category.map(Into::into),
            sources: Some("a, b,,".into()),
            country: country.map(Into::into),
            source: source.map(Into::into),
            cursor: None,
            limit,
        })
    }

    #[test]
    fn timeline_query_parses_and_rejects() {
        let q = parse(Some("sports"), None, None, None).unwrap();
        assert_eq!(q.category, Some(Category::Sports));
        assert_eq!(q.sources, vec!["a".to_string(), "b".to_string()]);
        assert_eq!(q.filter, None);
        assert_eq!(q.limit, DEFAULT_PAGE_SIZE);
        assert_eq!(parse(Some("all"), None, None, None).unwrap().category, None);
        assert!(matches!(
            parse(Some("weather"), None, None, None),
            Err(AppError::BadRequest(m)) if m.contains("weather")
        ));
        assert!(parse(None, None, None, Some(0)).is_err());
        assert!(parse(None, None, None, Some(MAX_PAGE_SIZE + 1)).is_err());
    }

    #[test]
    fn timeline_filters_parse_and_reject() {
        assert_eq!(
            parse(None, Some("de"), None, None).unwrap().filter,
            Some(TimelineFilter::Country(Country::DE))
        );
        assert_eq!(
            parse(None, Some(" "), Some("dw-de"), None).unwrap().filter,
            Some(TimelineFilter::Source("dw-de".into()))
        );
        assert!(matches!(
            parse(None, Some("FR"), None, None),
            Err(AppError::BadRequest(m)) if m.contains("FR")
        ));
        assert!(parse(None, Some("DE"), Some("dw-de"), None).is_err());
    }

    #[test]
    fn the_page_and_the_api_read_filters_alike() {
        let read = read_filters(Some("nonsense"), Some("DE"), Some("dw-de"));
        // The source wins; the rest is named with its reason.
        assert_eq!(read.filter, Some(TimelineFilter::Source("dw-de".into())));
        assert_eq!(read.category, None);
        let named: Vec<&str> = read.not_understood.iter().map(|(n, _, _)| *n).collect();
        assert_eq!(named, ["category", "country"]);
        assert_eq!(
            read_filters(Some("all"), Some("zz"), None).not_understood[0].2,
            "unknown country \"zz\""
        );
        assert_eq!(
            read_filters(Some(" sports "), Some("in"), None),
            TimelineFilters {
                category: Some(Category::Sports),
                filter: Some(TimelineFilter::Country(Country::IN)),
                not_understood: vec![],
            }
        );
    }

    #[test]
    fn search_and_archive_queries_parse_and_reject_with_short_messages() {
        let q = parse_search_query(RawSearchQuery {
            q: Some("政变".into()),
            country: Some("cn".into()),
            language: Some("ZH".into()),
            category: Some("international".into()),
            from: Some("2022-01-01".into()),
            to: Some(" ".into()),
            limit: Some("5".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(q.country, Some(Country::CN));
        assert_eq!(q.language, Some(Language::Zh));
        assert_eq!(q.category, Some(Category::International));
        assert_eq!(q.to, None);
        assert_eq!(q.limit, 5);
        for (raw, word) in [
            (
                RawSearchQuery {
                    limit: Some("-1".into()),
                    ..Default::default()
                },
                "limit",
            ),
            (
                RawSearchQuery {
                    limit: Some("x".into()),
                    ..Default::default()
                },
                "limit",
            ),
            (
                RawSearchQuery {
                    from: Some("17/01/2022".into()),
                    ..Default::default()
                },
                "from",
            ),
            (
                RawSearchQuery {
                    country: Some("ZZ".repeat(500)),
                    ..Default::default()
                },
                "country",
            ),
            (
                RawSearchQuery {
                    from: Some("2022-02-01".into()),
                    to: Some("2022-01-01".into()),
                    ..Default::default()
                },
                "after",
            ),
        ] {
            match parse_search_query(raw) {
                Err(AppError::BadRequest(m)) => {
                    assert!(m.contains(word), "{m}");
                    assert!(m.len() < 120, "a short message: {m}");
                }
                other => panic!("{other:?}"),
            }
        }
        let a = parse_archive_query(RawArchiveQuery {
            day: Some("2022-01-17".into()),
            source: Some("dw-de".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(a.day, chrono::NaiveDate::from_ymd_opt(2022, 1, 17));
        assert_eq!(a.source.as_deref(), Some("dw-de"));
        assert!(
            parse_archive_query(RawArchiveQuery {
                day: Some("yesterday".into()),
                ..Default::default()
            })
            .is_err()
        );
    }
}
