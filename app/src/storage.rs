//! What Panorama keeps in the browser, and every read and write of it: first-party cookies,
//! read the same way on both sides (from the request on the server, from `document.cookie` in
//! the browser), which mirror what the server needs to paint the first page the reader's way;
//! and localStorage (the preferences, saved and read stories), which only the browser has.

use leptos::prelude::*;

/// Browsers cap cookie lifetimes at 400 days.
pub const MAX_AGE_SECS: u64 = 400 * 24 * 3600;

/// The value of cookie `name` in a `Cookie` header (or `document.cookie`).
pub fn value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// The `Set-Cookie` value that stores `value` under `name`, or removes the cookie (`None`).
pub fn set_cookie(name: &str, value: Option<&str>) -> String {
    match value {
        Some(v) => format!("{name}={v}; Path=/; Max-Age={MAX_AGE_SECS}; SameSite=Lax"),
        None => format!("{name}=; Path=/; Max-Age=0; SameSite=Lax"),
    }
}

/// Every cookie of this page: the request's `Cookie` header on the server, `document.cookie`
/// in the browser.
#[cfg(feature = "ssr")]
pub fn current() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let value = parts.headers.get(http::header::COOKIE)?;
    value.to_str().ok().map(str::to_string)
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
pub fn current() -> Option<String> {
    use wasm_bindgen::JsCast;
    document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?
        .cookie()
        .ok()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
pub fn current() -> Option<String> {
    None
}

/// Adds a `Set-Cookie` header (from [`set_cookie`]) to the response being rendered.
#[cfg(feature = "ssr")]
pub fn respond_with(set_cookie: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(set_cookie),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// Stores a cookie (a value from [`set_cookie`]) in the browser.
#[cfg(feature = "hydrate")]
pub fn write(set_cookie: &str) {
    use wasm_bindgen::JsCast;
    if let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() {
        let _ = doc.set_cookie(set_cookie);
    }
}

/// The text stored under `key` in localStorage, if any.
#[cfg(feature = "hydrate")]
pub fn local(key: &str) -> Option<String> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::raw()
        .get_item(key)
        .ok()
        .flatten()
}

/// Stores `text` under `key`; `false` when the browser refuses (private mode, storage full).
#[cfg(feature = "hydrate")]
pub fn set_local(key: &str, text: &str) -> bool {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::raw()
        .set_item(key, text)
        .is_ok()
}

#[cfg(feature = "hydrate")]
pub fn remove_local(key: &str) {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::raw().remove_item(key).ok();
}

/// The value stored under `key`, parsed (with the one JSON reader, [`crate::json::read`]);
/// `None` when absent or unreadable.
#[cfg(feature = "hydrate")]
pub fn local_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    crate::json::read(&local(key)?).ok()
}

/// Stores `value` as JSON under `key`; `false` when it could not be.
#[cfg(feature = "hydrate")]
pub fn set_local_json<T: serde::Serialize>(key: &str, value: &T) -> bool {
    serde_json::to_string(value).is_ok_and(|text| set_local(key, &text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_by_name_and_cookies_set_and_removed() {
        assert_eq!(
            value("a=1; panorama_theme=dark", "panorama_theme"),
            Some("dark")
        );
        assert_eq!(value("xpanorama_theme=dark", "panorama_theme"), None);
        assert_eq!(
            set_cookie("t", Some("dark")),
            "t=dark; Path=/; Max-Age=34560000; SameSite=Lax"
        );
        assert_eq!(set_cookie("t", None), "t=; Path=/; Max-Age=0; SameSite=Lax");
    }
}
