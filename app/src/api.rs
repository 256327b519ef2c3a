//! The server functions: Panorama's HTTP API (`/api/*`). Reads are GET so they can be scripted
//! and cached; the pipeline behind them lives in the `server` crate and reaches these functions
//! through [`Backend`] in the Leptos context.

use crate::model::{
    ArchivePage, ArticlePage, CatalogView, Category, Contact, Country, RelatedStory,
    TimelineFilter, TimelinePage,
};
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, JsonEncoding};
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

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
        ArchivePage, ArticlePage, CatalogView, Contact, RelatedStory, TimelinePage, TimelineQuery,
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
        /// The stories seen, by day; `day` absent means the newest day.
        fn archive(&self, day: Option<chrono::NaiveDate>) -> ArchivePage;
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
    backend()?.0.timeline(query).await.map_err(with_status)
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

/// The News Archive: the days Panorama has stories for, and one day's stories (`day` as
/// `YYYY-MM-DD`, absent for the newest).
#[server(input = GetUrl, prefix = "/api", endpoint = "archive")]
pub async fn get_archive(day: Option<String>) -> Result<ArchivePage, AppError> {
    let day = match day.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => Some(
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| with_status(AppError::BadRequest(format!("bad day {d:?}"))))?,
        ),
    };
    Ok(backend()?.0.archive(day))
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
    let nonempty = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let filter = match (nonempty(country), nonempty(source)) {
        (Some(_), Some(_)) => {
            return Err(AppError::BadRequest(
                "filter by country or by source, not both".into(),
            ));
        }
        (Some(code), None) => Some(TimelineFilter::Country(
            Country::from_code(&code.to_ascii_uppercase())
                .ok_or_else(|| AppError::BadRequest(format!("unknown country {code:?}")))?,
        )),
        (None, Some(id)) => Some(TimelineFilter::Source(id)),
        (None, None) => None,
    };
    let category = match category.as_deref().map(str::trim) {
        None | Some("") | Some("all") => None,
        Some(slug) => Some(
            Category::from_slug(slug)
                .ok_or_else(|| AppError::BadRequest(format!("unknown category {slug:?}")))?,
        ),
    };
    let sources = sources
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
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
}
