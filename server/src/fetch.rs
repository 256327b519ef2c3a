//! Fetching feeds over HTTP with the limits every request gets.

use std::time::Duration;
use url::Url;

/// Limits for one fetch (Miniflux's proven defaults).
#[derive(Clone, Debug)]
pub struct FetchLimits {
    pub total_timeout: Duration,
    pub connect_timeout: Duration,
    /// Cap on the body after decompression, so a gzip bomb stops here.
    pub max_body_bytes: usize,
    pub max_redirects: usize,
    pub user_agent: String,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            total_timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(10),
            max_body_bytes: 15 * 1024 * 1024,
            max_redirects: 5,
            user_agent: format!(
                "Panorama/{} (news reader; +https://github.com/panorama-news/panorama)",
                env!("CARGO_PKG_VERSION")
            ),
        }
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
}

#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum FetchError {
    #[error("fetch: timed out after {0} s")]
    Timeout(u64),
    #[error("fetch: cannot connect: {0}")]
    Connect(String),
    #[error("fetch: more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("fetch: HTTP {0}")]
    Status(u16),
    #[error("fetch: body exceeds {0} bytes")]
    TooLarge(usize),
    #[error("fetch: {0}")]
    Other(String),
}

/// One HTTP client shared by every fetch (connection pools are per client).
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    limits: FetchLimits,
}

impl Fetcher {
    pub fn new(limits: FetchLimits) -> Result<Fetcher, FetchError> {
        let client = reqwest::Client::builder()
            .user_agent(limits.user_agent.clone())
            .timeout(limits.total_timeout)
            .connect_timeout(limits.connect_timeout)
            .redirect(reqwest::redirect::Policy::limited(limits.max_redirects))
            .build()
            .map_err(|e| FetchError::Other(format!("cannot build the HTTP client: {e}")))?;
        Ok(Fetcher { client, limits })
    }

    pub fn limits(&self) -> &FetchLimits {
        &self.limits
    }

    /// GETs `url`, following redirects, and reads the body up to the cap.
    pub async fn fetch(&self, url: &Url) -> Result<Fetched, FetchError> {
        let mut response = self
            .client
            .get(url.clone())
            .header(
                reqwest::header::ACCEPT,
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
            )
            .send()
            .await
            .map_err(|e| self.classify(e))?;
        let status = response.status();
        if !status.is_success() {
            return Err(FetchError::Status(status.as_u16()));
        }
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let final_url = response.url().clone();
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
        Ok(Fetched {
            url: final_url,
            status: status.as_u16(),
            content_type,
            body,
        })
    }

    fn classify(&self, e: reqwest::Error) -> FetchError {
        if e.is_timeout() {
            FetchError::Timeout(self.limits.total_timeout.as_secs())
        } else if e.is_redirect() {
            FetchError::TooManyRedirects(self.limits.max_redirects)
        } else if e.is_connect() {
            FetchError::Connect(root_cause(&e))
        } else {
            FetchError::Other(root_cause(&e))
        }
    }
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
