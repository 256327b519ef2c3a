//! What a cache in front of Panorama (a CDN, a reverse proxy, the browser) may keep:
//!
//! - API answers depend only on their address, so any cache may keep them a few seconds
//!   (`public, max-age=5`), and each carries an ETag: a request that names it gets a 304 with
//!   no body. Errors are never kept, nor incomplete answers (a source still loading, a story
//!   text on its way: the API marks them `no-store`, and the page asks again in a moment).
//! - Pages are rendered for the reader's edition, language and theme (their cookies): a shared
//!   cache must never give them to another reader (`private, no-cache`).
//! - Built files are handled by the router's `headers` (a year for hashed names).

use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::hash::{Hash, Hasher};

/// How long a shared cache may serve an API answer without asking again.
pub const API_MAX_AGE: &str = "public, max-age=5";
/// Pages: the reader's own, asked again every time.
pub const PAGE_CACHE: &str = "private, no-cache";
/// The largest API answer given an ETag (answers are read whole to compute it).
const MAX_TAGGED_BYTES: usize = 4 * 1024 * 1024;

pub async fn conditional(request: Request, next: Next) -> Response {
    let get = request.method() == Method::GET || request.method() == Method::HEAD;
    let api = request.uri().path().starts_with("/api/");
    let asked: Option<String> = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut response = next.run(request).await;
    if !get {
        return response;
    }
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(PAGE_CACHE));
        return response;
    }
    if !api {
        return response;
    }
    if !response.status().is_success() {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_TAGGED_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = etag(&bytes);
    // An answer the API marked as not for keeping (incomplete: asked again in a moment)
    // stays so.
    if !parts.headers.contains_key(header::CACHE_CONTROL) {
        parts
            .headers
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(API_MAX_AGE));
    }
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, value);
    }
    if asked.is_some_and(|a| matches_tag(&a, &tag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        return Response::from_parts(parts, axum::body::Body::empty());
    }
    Response::from_parts(parts, bytes.into())
}

/// A weak validator of the answer's bytes (weak: the same answer compressed differently is
/// the same answer).
fn etag(bytes: &[u8]) -> String {
    // SipHash with fixed keys: the same answer has the same tag on every instance of a build.
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("W/\"{:016x}\"", hasher.finish())
}

/// `If-None-Match`: a list of tags, or `*`; weak comparison (RFC 9110 13.1.2).
fn matches_tag(header: &str, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    header.trim() == "*" || header.split(',').any(|t| bare(t) == bare(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_follow_the_bytes_and_match_weakly() {
        let a = etag(b"{\"x\":1}");
        assert_eq!(a, etag(b"{\"x\":1}"));
        assert_ne!(a, etag(b"{\"x\":2}"));
        assert!(matches_tag(&a, &a));
        assert!(matches_tag(
            &format!("\"other\", {}", a.trim_start_matches("W/")),
            &a
        ));
        assert!(matches_tag("*", &a));
        assert!(!matches_tag("\"other\"", &a));
    }
}
