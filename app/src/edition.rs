//! The reader's edition (the chosen source ids) as the server sees it. localStorage holds the
//! preferences; the server cannot read it, so the chosen ids are mirrored in a cookie. The server
//! renders the first paint from that cookie, and hydration reads the very same cookie, so both
//! agree: no flash of the default edition and no hydration mismatch.

#[cfg(feature = "hydrate")]
use crate::prefs;
use crate::prefs::Notice;
use leptos::prelude::*;

/// The cookie's name. Its value: source ids joined by '.', the lead source first (ids are
/// `[a-z0-9-]`, so the value needs no escaping).
pub const COOKIE: &str = "panorama_edition";
/// Browsers cap cookie lifetimes at 400 days; the browser storage it mirrors has no expiry.
#[cfg(feature = "hydrate")]
const MAX_AGE_SECS: u64 = 400 * 24 * 3600;

pub fn encode(ids: &[String]) -> String {
    ids.join(".")
}

pub fn decode(value: &str) -> Vec<String> {
    value
        .split('.')
        .filter(|id| {
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        .map(str::to_string)
        .collect()
}

/// The edition from a `Cookie` header (or `document.cookie`), if the cookie is there.
pub fn from_cookie_header(header: &str) -> Option<Vec<String>> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| decode(value))
}

/// The edition in force, shared by every page through the context.
#[derive(Clone, Copy)]
pub struct Edition {
    /// Chosen source ids, lead first; empty for the default edition.
    pub sources: RwSignal<Vec<String>>,
    /// What the reader should be told about their stored preferences.
    pub notices: RwSignal<Vec<Notice>>,
}

/// Provides the edition for the first render: from the request's cookie on the server, from
/// `document.cookie` in the browser. Then, in the browser, checks it against localStorage.
pub fn provide_edition() -> Edition {
    let edition = Edition {
        sources: RwSignal::new(initial()),
        notices: RwSignal::new(Vec::new()),
    };
    provide_context(edition);
    #[cfg(feature = "hydrate")]
    sync_with_storage(edition);
    edition
}

#[cfg(feature = "ssr")]
fn initial() -> Vec<String> {
    let header = use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .headers
            .get(http::header::COOKIE)?
            .to_str()
            .ok()
            .map(str::to_string)
    });
    let ids = header
        .as_deref()
        .and_then(from_cookie_header)
        .unwrap_or_default();
    // A cookie may outlive a source the operator removed: keep only what the catalog has, so
    // the first paint shows the rest instead of an error.
    match use_context::<crate::api::Backend>() {
        Some(backend) => {
            let catalog = backend.0.catalog();
            ids.into_iter()
                .filter(|id| catalog.sources.iter().any(|s| &s.id == id))
                .collect()
        }
        None => ids,
    }
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn initial() -> Vec<String> {
    document_cookie()
        .as_deref()
        .and_then(from_cookie_header)
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn initial() -> Vec<String> {
    Vec::new()
}

#[cfg(feature = "hydrate")]
fn document_cookie() -> Option<String> {
    use wasm_bindgen::JsCast;
    document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()?
        .cookie()
        .ok()
}

/// Writes the cookie that mirrors `ids` (removes it for the default edition).
#[cfg(feature = "hydrate")]
pub fn write_cookie(ids: &[String]) {
    use wasm_bindgen::JsCast;
    let Ok(doc) = document().dyn_into::<web_sys::HtmlDocument>() else {
        return;
    };
    let cookie = if ids.is_empty() {
        format!("{COOKIE}=; Path=/; Max-Age=0; SameSite=Lax")
    } else {
        format!(
            "{COOKIE}={}; Path=/; Max-Age={MAX_AGE_SECS}; SameSite=Lax",
            encode(ids)
        )
    };
    let _ = doc.set_cookie(&cookie);
}

/// The stored preferences document, as text.
#[cfg(feature = "hydrate")]
pub fn stored() -> Option<String> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::raw()
        .get_item(prefs::STORAGE_KEY)
        .ok()
        .flatten()
}

/// Saves preferences in the browser, mirrors them in the cookie and switches the edition.
#[cfg(feature = "hydrate")]
pub fn save(saved: &prefs::Preferences, edition: Edition) -> Result<(), String> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::raw()
        .set_item(prefs::STORAGE_KEY, &saved.to_json())
        .map_err(|_| {
            "this browser refused to store them (private mode or storage full?)".to_string()
        })?;
    let ids = saved.source_ids();
    write_cookie(&ids);
    edition.sources.set(ids);
    edition.notices.set(Vec::new());
    Ok(())
}

/// Forgets the stored preferences: back to the default edition.
#[cfg(feature = "hydrate")]
pub fn reset(edition: Edition) {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::raw()
        .remove_item(prefs::STORAGE_KEY)
        .ok();
    write_cookie(&[]);
    edition.sources.set(Vec::new());
    edition.notices.set(Vec::new());
}

/// Reads the stored preferences once the page is interactive, validates them against the
/// catalog, and brings the cookie and the edition in line (which refetches the timeline only
/// when they differ).
#[cfg(feature = "hydrate")]
fn sync_with_storage(edition: Edition) {
    use gloo_storage::Storage;
    // Not an Effect on signals: this runs once, after hydration.
    leptos::task::spawn_local(async move {
        let stored: Option<String> = gloo_storage::LocalStorage::raw()
            .get_item(prefs::STORAGE_KEY)
            .ok()
            .flatten();
        let catalog = match crate::api::get_catalog().await {
            Ok(c) => c,
            Err(e) => {
                leptos::logging::warn!(
                    "preferences not checked: the catalog could not be loaded: {e}"
                );
                return;
            }
        };
        let loaded = prefs::load(stored.as_deref(), &catalog);
        // Unreadable or newer documents stay as they are (nothing of the reader's is lost, and
        // a newer Panorama can still read its own); the default edition is shown meanwhile.
        let usable = loaded.stored
            && !loaded
                .notices
                .iter()
                .any(|n| matches!(n, Notice::Unreadable(_) | Notice::NewerVersion(_)));
        if usable && !loaded.notices.is_empty() {
            // A migrated or pruned document is kept as repaired, so its notice shows once.
            let _ = gloo_storage::LocalStorage::raw()
                .set_item(prefs::STORAGE_KEY, &loaded.prefs.to_json());
        }
        let ids = if usable {
            loaded.prefs.source_ids()
        } else {
            Vec::new()
        };
        if ids != edition.sources.get_untracked() {
            write_cookie(&ids);
            edition.sources.set(ids);
        }
        edition.notices.set(loaded.notices);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_round_trips_and_ignores_junk() {
        let ids = vec!["voa-zh".to_string(), "al-jazeera-ar".to_string()];
        let header = format!("a=1; {COOKIE}={}; b=2", encode(&ids));
        assert_eq!(from_cookie_header(&header), Some(ids));
        assert_eq!(from_cookie_header("a=1"), None);
        assert_eq!(
            from_cookie_header(&format!("{COOKIE}=ok.<script>..Bad.fine-2")),
            Some(vec!["ok".into(), "fine-2".into()])
        );
    }
}
