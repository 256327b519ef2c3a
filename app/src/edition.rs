//! The reader's edition (the chosen source ids) as the server sees it. localStorage holds the
//! preferences; the server cannot read it, so the chosen ids are mirrored in a cookie. The server
//! renders the first paint from that cookie, and hydration reads the very same cookie, so both
//! agree: no flash of the default edition and no hydration mismatch.

#[cfg(feature = "hydrate")]
use crate::model::CatalogView;
#[cfg(feature = "hydrate")]
use crate::prefs;
use crate::prefs::{Notice, Preferences};
use leptos::prelude::*;

/// The cookie's name. Its value: source ids joined by '.', the lead source first (ids are
/// `[a-z0-9-]`, so the value needs no escaping), after a `~` when the edition is only proposed
/// (from the browser's languages) and the reader has not kept it yet.
pub const COOKIE: &str = "panorama_edition";
const PROPOSED: char = '~';

/// The own feed ids among an edition's sources, comma-separated, if any (for `/api/search`).
pub fn own_ids(sources: &[String]) -> Option<String> {
    let own: Vec<&str> = sources
        .iter()
        .map(String::as_str)
        .filter(|id| id.starts_with(crate::api::OWN_PREFIX))
        .collect();
    (!own.is_empty()).then(|| own.join(","))
}

/// What the cookie carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CookieEdition {
    pub ids: Vec<String>,
    pub proposed: bool,
}

pub fn encode(edition: &CookieEdition) -> String {
    let ids = edition.ids.join(".");
    if edition.proposed {
        format!("{PROPOSED}{ids}")
    } else {
        ids
    }
}

pub fn decode(value: &str) -> CookieEdition {
    let (proposed, value) = match value.strip_prefix(PROPOSED) {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let mut ids: Vec<String> = Vec::new();
    for id in value.split('.').filter(|id| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }) {
        // A cookie that names a source twice (or hundreds of times) shows it once.
        if ids.len() < crate::api::MAX_SOURCES && !ids.iter().any(|kept| kept == id) {
            ids.push(id.to_string());
        }
    }
    CookieEdition { ids, proposed }
}

/// The edition from a `Cookie` header (or `document.cookie`), if the cookie is there.
pub fn from_cookie_header(header: &str) -> Option<CookieEdition> {
    crate::storage::value(header, COOKIE).map(decode)
}

/// The `Set-Cookie` value that mirrors `edition` (or removes the cookie, for the default one).
pub fn set_cookie_value(edition: &CookieEdition) -> String {
    let value = (!edition.ids.is_empty()).then(|| encode(edition));
    crate::storage::set_cookie(COOKIE, value.as_deref())
}

/// Language tags from an `Accept-Language` header, most preferred first.
pub fn accept_language(header: &str) -> Vec<String> {
    let mut tags: Vec<(String, f32)> = header
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let tag = pieces.next()?.trim();
            if tag.is_empty() || tag == "*" {
                return None;
            }
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
            (q > 0.0).then(|| (tag.to_string(), q))
        })
        .collect();
    // Stable: equal weights keep the header's order.
    tags.sort_by(|a, b| b.1.total_cmp(&a.1));
    tags.into_iter().map(|(tag, _)| tag).collect()
}

/// The edition in force, shared by every page through the context.
#[derive(Clone, Copy)]
pub struct Edition {
    /// Chosen source ids, lead first; empty for the default edition.
    pub sources: RwSignal<Vec<String>>,
    /// True while the edition is one proposed from the browser's languages, not yet kept.
    pub proposed: RwSignal<bool>,
    /// That proposal as preferences, once the browser has worked it out (for "Keep").
    pub proposal: RwSignal<Option<Preferences>>,
    /// What the reader should be told about their stored preferences.
    pub notices: RwSignal<Vec<Notice>>,
    /// The preferences' primary language, once the browser has read them: the interface
    /// follows it when the reader asked it to (`display` watches this; the edition never calls
    /// into the display).
    pub language: RwSignal<Option<crate::model::Language>>,
}

/// Provides the edition for the first render: from the request's cookie on the server, from
/// `document.cookie` in the browser. Then, in the browser, checks it against localStorage.
pub fn provide_edition() -> Edition {
    let first = initial();
    let edition = Edition {
        sources: RwSignal::new(first.ids),
        proposed: RwSignal::new(first.proposed),
        proposal: RwSignal::new(None),
        notices: RwSignal::new(Vec::new()),
        language: RwSignal::new(None),
    };
    provide_context(edition);
    #[cfg(feature = "hydrate")]
    sync_with_storage(edition);
    edition
}

#[cfg(feature = "ssr")]
fn initial() -> CookieEdition {
    let parts = use_context::<http::request::Parts>();
    let header = |name: http::header::HeaderName| {
        parts
            .as_ref()
            .and_then(|p| p.headers.get(name)?.to_str().ok().map(str::to_string))
    };
    let Some(backend) = use_context::<crate::api::Backend>() else {
        return CookieEdition::default();
    };
    let catalog = backend.0.catalog();
    let response = use_context::<leptos_axum::ResponseOptions>();
    if let Some(response) = &response {
        // The page depends on both; a shared cache must not hand one reader's page to another.
        response.append_header(
            http::header::VARY,
            http::HeaderValue::from_static("Cookie, Accept-Language"),
        );
    }
    match crate::storage::current()
        .as_deref()
        .and_then(from_cookie_header)
    {
        Some(mut edition) => {
            // A cookie may outlive a source the operator removed: keep only what the catalog
            // has, so the first paint shows the rest instead of an error.
            edition.ids.retain(|id| {
                crate::prefs::is_own_id(id) || catalog.sources.iter().any(|s| &s.id == id)
            });
            edition
        }
        None => {
            // A first visit: propose an edition from the languages the browser sends (the same
            // list as `navigator.languages`), and mirror it in the cookie so the hydrating page
            // starts from exactly what the server rendered.
            let tags = header(http::header::ACCEPT_LANGUAGE)
                .map(|h| accept_language(&h))
                .unwrap_or_default();
            let edition = CookieEdition {
                ids: crate::prefs::propose(&catalog, &tags).source_ids(),
                proposed: true,
            };
            crate::storage::respond_with(&set_cookie_value(&edition));
            edition
        }
    }
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn initial() -> CookieEdition {
    crate::storage::current()
        .as_deref()
        .and_then(from_cookie_header)
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn initial() -> CookieEdition {
    CookieEdition::default()
}

/// The browser's preferred languages, most preferred first.
#[cfg(feature = "hydrate")]
pub fn browser_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// Writes the cookie that mirrors `edition` (removes it for the default edition).
#[cfg(feature = "hydrate")]
pub fn write_cookie(edition: &CookieEdition) {
    crate::storage::write(&set_cookie_value(edition));
}

/// Switches the page to `ids`, mirrored in the cookie.
#[cfg(feature = "hydrate")]
fn switch(edition: Edition, ids: Vec<String>, proposed: bool, language: crate::model::Language) {
    edition.language.set(Some(language));
    let cookie = CookieEdition { ids, proposed };
    write_cookie(&cookie);
    edition.proposed.set(proposed);
    if cookie.ids != edition.sources.get_untracked() {
        edition.sources.set(cookie.ids);
    }
}

/// The stored preferences document, as text.
#[cfg(feature = "hydrate")]
pub fn stored() -> Option<String> {
    crate::storage::local(prefs::STORAGE_KEY)
}

/// Saves preferences in the browser, mirrors them in the cookie and switches the edition.
#[cfg(feature = "hydrate")]
pub fn save(saved: &prefs::Preferences, edition: Edition) -> Result<(), String> {
    if !crate::storage::set_local(prefs::STORAGE_KEY, &saved.to_json()) {
        return Err("this browser refused to store them (private mode or storage full?)".into());
    }
    switch(edition, saved.source_ids(), false, saved.primary_language());
    edition.proposal.set(None);
    edition.notices.set(Vec::new());
    Ok(())
}

/// Forgets the stored preferences: back to what a first visit gets, the edition proposed from
/// the browser's languages. Returns that proposal.
#[cfg(feature = "hydrate")]
pub fn reset(edition: Edition, catalog: &CatalogView) -> prefs::Preferences {
    crate::storage::remove_local(prefs::STORAGE_KEY);
    let proposal = prefs::propose(catalog, &browser_languages());
    switch(
        edition,
        proposal.source_ids(),
        true,
        proposal.primary_language(),
    );
    edition.proposal.set(Some(proposal.clone()));
    edition.notices.set(Vec::new());
    proposal
}

/// Reads the stored preferences once the page is interactive, validates them against the
/// catalog, and brings the cookie and the edition in line (which refetches the timeline only
/// when they differ). With nothing stored, the edition is the one proposed from
/// `navigator.languages`.
#[cfg(feature = "hydrate")]
fn sync_with_storage(edition: Edition) {
    // Not an Effect on signals: this runs once, after hydration.
    leptos::task::spawn_local(async move {
        let stored = stored();
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
        let unusable = loaded
            .notices
            .iter()
            .any(|n| matches!(n, Notice::Unreadable(_) | Notice::NewerVersion(_)));
        if !loaded.stored {
            let proposal = prefs::propose(&catalog, &browser_languages());
            switch(
                edition,
                proposal.source_ids(),
                true,
                proposal.primary_language(),
            );
            edition.proposal.set(Some(proposal));
        } else if unusable {
            switch(edition, Vec::new(), false, crate::model::Language::En);
        } else {
            if !loaded.notices.is_empty() {
                // A migrated or pruned document is kept as repaired, so its notice shows once.
                crate::storage::set_local(prefs::STORAGE_KEY, &loaded.prefs.to_json());
            }
            switch(
                edition,
                loaded.prefs.source_ids(),
                false,
                loaded.prefs.primary_language(),
            );
        }
        edition.notices.set(loaded.notices);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_round_trips_and_ignores_junk() {
        let kept = CookieEdition {
            ids: vec!["voa-zh".to_string(), "al-jazeera-ar".to_string()],
            proposed: false,
        };
        let header = format!("a=1; {COOKIE}={}; b=2", encode(&kept));
        assert_eq!(from_cookie_header(&header), Some(kept.clone()));
        let proposed = CookieEdition {
            proposed: true,
            ..kept
        };
        assert_eq!(
            from_cookie_header(&format!("{COOKIE}={}", encode(&proposed))),
            Some(proposed)
        );
        assert_eq!(from_cookie_header("a=1"), None);
        assert_eq!(
            from_cookie_header(&format!("{COOKIE}=ok.<script>..Bad.fine-2")),
            Some(CookieEdition {
                ids: vec!["ok".into(), "fine-2".into()],
                proposed: false
            })
        );
        assert!(set_cookie_value(&CookieEdition::default()).contains("Max-Age=0"));
    }

    #[test]
    fn accept_language_orders_by_weight() {
        assert_eq!(
            accept_language("en;q=0.5, de-DE, fr-CA;q=0.9, *;q=0.1, xx;q=0, bad;q=z"),
            vec!["de-DE", "fr-CA", "en"]
        );
        assert_eq!(accept_language("hi-IN,hi;q=0.9"), vec!["hi-IN", "hi"]);
        assert!(accept_language("").is_empty());
    }

    #[test]
    fn a_cookie_naming_a_source_many_times_shows_it_once_and_is_capped() {
        let repeated = vec!["dw-de"; 500].join(".");
        assert_eq!(decode(&repeated).ids, ["dw-de"]);
        let many: Vec<String> = (0..500).map(|n| format!("s{n}")).collect();
        assert_eq!(decode(&many.join(".")).ids.len(), crate::api::MAX_SOURCES);
    }
}
