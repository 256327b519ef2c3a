//! Fetching feeds over HTTP with the limits every request gets: one overall time limit, a body
//! cap counted after decompression, redirects followed by hand (so loops are named and every hop
//! is traced), conditional requests, `Retry-After`, and a few connections per host at most.

use super::address_rules::{AddressRules, GuardedResolver, Refused};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use url::Url;

/// Limits for one fetch (Miniflux's proven defaults).
#[derive(Clone, Debug)]
pub struct FetchLimits {
    /// Everything: waiting for the host, every redirect, and reading the body.
    pub total_timeout: Duration,
    pub connect_timeout: Duration,
    /// Cap on the body after decompression, so a gzip bomb stops here.
    pub max_body_bytes: usize,
    pub max_redirects: usize,
    /// Requests in flight to one host at most; the rest wait their turn.
    pub per_host: usize,
    pub user_agent: String,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            total_timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(10),
            max_body_bytes: 15 * 1024 * 1024,
            max_redirects: 5,
            per_host: 4,
            user_agent: format!(
                "Panorama/{} (news reader; +https://github.com/panorama-news/panorama)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// What a server said identifies a feed's version, sent back so an unchanged feed costs a 304.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Validators {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A fetched body with what the server said about it.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// Where the body came from after redirects.
    pub url: Url,
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub validators: Validators,
}

/// A fetch's answer: a body, or "not modified" since the validators sent.
#[derive(Clone, Debug)]
pub enum Fetch {
    Body(Fetched),
    NotModified,
}

/// One request of a fetch: redirects make several.
#[derive(Clone, Debug, Serialize)]
pub struct Hop {
    pub url: String,
    pub status: u16,
    pub millis: u64,
}

/// What a fetch did, for `inspect-feed` and the logs.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Trace {
    /// The headers Panorama chose to send (reqwest adds `Accept-Encoding` and `Host`).
    pub request_headers: Vec<(String, String)>,
    pub hops: Vec<Hop>,
    /// The final response's headers that matter for feeds.
    pub response_headers: Vec<(String, String)>,
    pub body_bytes: usize,
    /// Time spent waiting for a free connection slot to a busy host.
    pub host_wait_ms: u64,
    pub total_ms: u64,
}

#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum FetchError {
    #[error("fetch: timed out after {0} s")]
    Timeout(u64),
    #[error("fetch: cannot connect: {0}")]
    Connect(String),
    #[error("fetch: more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("fetch: redirect loop: {0}")]
    RedirectLoop(String),
    #[error("fetch: bad redirect: {0}")]
    BadRedirect(String),
    #[error("fetch: HTTP {0}")]
    Status(u16),
    #[error("fetch: HTTP {status}{}", retry_after.map(|s| format!(", retry after {s} s")).unwrap_or_default())]
    RateLimited {
        status: u16,
        /// Seconds, as the server asked (capped).
        retry_after: Option<u64>,
    },
    #[error("fetch: body exceeds {0} bytes")]
    TooLarge(usize),
    /// A reader's own feed at an address the rules refuse (see `address_rules`).
    #[error("refused: {0}")]
    Refused(String),
    #[error("fetch: {0}")]
    Other(String),
}

impl FetchError {
    /// What a reader is told of it.
    pub fn trouble(&self) -> app::model::Trouble {
        use app::model::Trouble;
        match self {
            FetchError::Timeout(_) | FetchError::Connect(_) => Trouble::Unreachable,
            FetchError::Status(404 | 410) => Trouble::NotFound,
            FetchError::RateLimited { .. } => Trouble::Busy,
            FetchError::TooLarge(_) => Trouble::TooLarge,
            FetchError::Refused(_) => Trouble::Refused,
            FetchError::Status(_)
            | FetchError::TooManyRedirects(_)
            | FetchError::RedirectLoop(_)
            | FetchError::BadRedirect(_) => Trouble::Server,
            FetchError::Other(_) => Trouble::Other,
        }
    }

    /// How long the server asked to be left alone, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::RateLimited {
                retry_after: Some(s),
                ..
            } => Some(Duration::from_secs(*s)),
            _ => None,
        }
    }
}

/// A `Retry-After` longer than this is treated as this: a typo must not silence a feed for days.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(6 * 3600);

const ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/// One HTTP client shared by every fetch (connection pools are per client), and the per-host
/// slots.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    limits: FetchLimits,
    /// Readers' own feeds: every hop's URL, and every address connected to, checked.
    rules: Option<AddressRules>,
    hosts: Arc<Mutex<HashMap<String, Arc<Semaphore>>>>,
}

impl Fetcher {
    /// The fetcher of catalog feeds and article pages (addresses the operator chose).
    pub fn new(limits: FetchLimits) -> Result<Fetcher, FetchError> {
        Fetcher::build(limits, None)
    }

    /// The fetcher of readers' own feeds: the same limits, under `rules` (see `address_rules`),
    /// and never through a proxy from the environment (it would connect for us, elsewhere).
    pub fn guarded(limits: FetchLimits, rules: AddressRules) -> Result<Fetcher, FetchError> {
        Fetcher::build(limits, Some(rules))
    }

    fn build(limits: FetchLimits, rules: Option<AddressRules>) -> Result<Fetcher, FetchError> {
        let mut builder = reqwest::Client::builder()
            .user_agent(limits.user_agent.clone())
            .timeout(limits.total_timeout)
            .connect_timeout(limits.connect_timeout)
            // Followed by hand: each hop is traced, loops are named, each hop's host gets its
            // own slot, and each hop's address is checked.
            .redirect(reqwest::redirect::Policy::none());
        if let Some(rules) = &rules {
            builder = builder
                .no_proxy()
                .dns_resolver(Arc::new(GuardedResolver(rules.clone())));
        }
        let client = builder
            .build()
            .map_err(|e| FetchError::Other(format!("cannot build the HTTP client: {e}")))?;
        Ok(Fetcher {
            client,
            limits,
            rules,
            hosts: Arc::default(),
        })
    }

    pub fn limits(&self) -> &FetchLimits {
        &self.limits
    }

    /// GETs `url` unconditionally.
    pub async fn fetch(&self, url: &Url) -> Result<Fetched, FetchError> {
        match self.fetch_traced(url, None).await.0? {
            Fetch::Body(fetched) => Ok(fetched),
            Fetch::NotModified => Err(FetchError::Status(304)),
        }
    }

    /// GETs `url`, sending `validators` when given, and says what happened on the way.
    pub async fn fetch_traced(
        &self,
        url: &Url,
        validators: Option<&Validators>,
    ) -> (Result<Fetch, FetchError>, Trace) {
        let started = Instant::now();
        let mut trace = Trace::default();
        let result = match tokio::time::timeout(
            self.limits.total_timeout,
            self.fetch_inner(url, validators, &mut trace),
        )
        .await
        {
            Ok(result) => result,
            Err(_) => Err(FetchError::Timeout(self.limits.total_timeout.as_secs())),
        };
        trace.total_ms = started.elapsed().as_millis() as u64;
        (result, trace)
    }

    async fn fetch_inner(
        &self,
        url: &Url,
        validators: Option<&Validators>,
        trace: &mut Trace,
    ) -> Result<Fetch, FetchError> {
        let mut headers = vec![
            ("User-Agent".to_string(), self.limits.user_agent.clone()),
            ("Accept".to_string(), ACCEPT.to_string()),
        ];
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                headers.push(("If-None-Match".into(), etag.clone()));
            }
            if let Some(date) = &v.last_modified {
                headers.push(("If-Modified-Since".into(), date.clone()));
            }
        }
        trace.request_headers = headers.clone();

        let mut current = url.clone();
        let mut visited = vec![url.clone()];
        loop {
            if let Some(rules) = &self.rules {
                rules
                    .check_url(&current)
                    .map_err(|why| FetchError::Refused(why.0))?;
            }
            let waited = Instant::now();
            let _slot = self.host_slot(&current).await;
            trace.host_wait_ms += waited.elapsed().as_millis() as u64;

            let mut request = self.client.get(current.clone());
            // The User-Agent is the client's default; the rest are per request.
            for (name, value) in headers.iter().skip(1) {
                request = request.header(name.as_str(), value.as_str());
            }
            let hop_started = Instant::now();
            let mut response = request.send().await.map_err(|e| self.classify(e))?;
            let status = response.status();
            trace.hops.push(Hop {
                url: current.to_string(),
                status: status.as_u16(),
                millis: hop_started.elapsed().as_millis() as u64,
            });

            if status.is_redirection() && status != reqwest::StatusCode::NOT_MODIFIED {
                let location = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| {
                        FetchError::BadRedirect(format!("HTTP {} without a Location", status))
                    })?;
                let next = current.join(location).map_err(|e| {
                    FetchError::BadRedirect(format!("Location {location:?} is not a URL: {e}"))
                })?;
                if visited.contains(&next) {
                    let chain: Vec<&str> = visited.iter().map(Url::as_str).collect();
                    return Err(FetchError::RedirectLoop(format!(
                        "{} → {next}",
                        chain.join(" → ")
                    )));
                }
                if visited.len() > self.limits.max_redirects {
                    return Err(FetchError::TooManyRedirects(self.limits.max_redirects));
                }
                visited.push(next.clone());
                current = next;
                continue;
            }

            trace.response_headers = kept_headers(response.headers());
            if status == reqwest::StatusCode::NOT_MODIFIED {
                return if validators.is_some() {
                    Ok(Fetch::NotModified)
                } else {
                    Err(FetchError::Status(304))
                };
            }
            if status == reqwest::StatusCode::TOO_MANY_REQUESTS
                || status == reqwest::StatusCode::SERVICE_UNAVAILABLE
            {
                let retry_after = response
                    .headers()
                    .get(reqwest::header::RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| parse_retry_after(v, chrono::Utc::now()))
                    .map(|d| d.min(MAX_RETRY_AFTER).as_secs());
                return Err(FetchError::RateLimited {
                    status: status.as_u16(),
                    retry_after,
                });
            }
            if !status.is_success() {
                return Err(FetchError::Status(status.as_u16()));
            }

            let header = |name: reqwest::header::HeaderName| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            let content_type = header(reqwest::header::CONTENT_TYPE);
            let validators = Validators {
                etag: header(reqwest::header::ETAG),
                last_modified: header(reqwest::header::LAST_MODIFIED),
            };
            let cap = self.limits.max_body_bytes;
            if response.content_length().is_some_and(|n| n > cap as u64) {
                return Err(FetchError::TooLarge(cap));
            }
            // Chunks arrive decompressed, so counting them caps the decompressed size.
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(|e| self.classify(e))? {
                if body.len() + chunk.len() > cap {
                    return Err(FetchError::TooLarge(cap));
                }
                body.extend_from_slice(&chunk);
            }
            trace.body_bytes = body.len();
            return Ok(Fetch::Body(Fetched {
                url: current,
                status: status.as_u16(),
                content_type,
                body,
                validators,
            }));
        }
    }

    /// Waits for one of the host's slots; held until the hop's body is read.
    async fn host_slot(&self, url: &Url) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let key = format!(
            "{}:{}",
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        );
        let semaphore = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
            hosts
                .entry(key)
                .or_insert_with(|| Arc::new(Semaphore::new(self.limits.per_host.max(1))))
                .clone()
        };
        semaphore.acquire_owned().await.ok()
    }

    fn classify(&self, e: reqwest::Error) -> FetchError {
        // The resolver's refusal comes back inside the connect error.
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(err) = cause {
            if let Some(why) = err.downcast_ref::<Refused>() {
                return FetchError::Refused(why.0.clone());
            }
            cause = err.source();
        }
        if e.is_timeout() {
            FetchError::Timeout(self.limits.total_timeout.as_secs())
        } else if e.is_connect() {
            FetchError::Connect(root_cause(&e))
        } else {
            FetchError::Other(root_cause(&e))
        }
    }
}

/// The response headers worth showing in a trace.
fn kept_headers(headers: &reqwest::header::HeaderMap) -> Vec<(String, String)> {
    use reqwest::header::*;
    [
        CONTENT_TYPE,
        CONTENT_LENGTH,
        ETAG,
        LAST_MODIFIED,
        CACHE_CONTROL,
        RETRY_AFTER,
    ]
    .into_iter()
    .filter_map(|name| {
        let value = headers.get(&name)?.to_str().ok()?;
        Some((name.to_string(), value.to_string()))
    })
    .collect()
}

/// `Retry-After` is either seconds or an HTTP date.
pub fn parse_retry_after(value: &str, now: chrono::DateTime<chrono::Utc>) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    Some(
        (when.with_timezone(&chrono::Utc) - now)
            .to_std()
            .unwrap_or(Duration::ZERO),
    )
}

/// reqwest's own message is generic ("error sending request"); the innermost cause says what
/// actually happened.
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn readers_are_told_what_kind_of_failure_it_was() {
        use app::model::Trouble;
        for (error, trouble) in [
            (FetchError::Timeout(20), Trouble::Unreachable),
            (FetchError::Connect("dns".into()), Trouble::Unreachable),
            (FetchError::Status(404), Trouble::NotFound),
            (FetchError::Status(410), Trouble::NotFound),
            (FetchError::Status(500), Trouble::Server),
            (
                FetchError::RateLimited {
                    status: 429,
                    retry_after: Some(60),
                },
                Trouble::Busy,
            ),
            (FetchError::TooLarge(1), Trouble::TooLarge),
        ] {
            assert_eq!(error.trouble(), trouble, "{error}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = chrono::Utc
            .with_ymd_and_hms(2015, 10, 21, 7, 27, 0)
            .unwrap();
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn rate_limits_say_when_to_come_back() {
        let e = FetchError::RateLimited {
            status: 429,
            retry_after: Some(120),
        };
        assert_eq!(e.to_string(), "fetch: HTTP 429, retry after 120 s");
        assert_eq!(e.retry_after(), Some(Duration::from_secs(120)));
        let e = FetchError::RateLimited {
            status: 503,
            retry_after: None,
        };
        assert_eq!(e.to_string(), "fetch: HTTP 503");
    }
}
