//! How Panorama looks for this reader: the theme and the interface language. Both are mirrored
//! in cookies so the server paints the first page the reader's way (no flash of the wrong theme
//! or language) and hydration starts from the very same values.

use crate::model::Language;
use crate::storage;
use leptos::prelude::*;

/// `light` or `dark`; absent: follow the system.
pub const THEME_COOKIE: &str = "panorama_theme";
/// `compact` when the reader chose the compact list (headlines without pictures or
/// summaries); absent for cards.
pub const VIEW_COOKIE: &str = "panorama_view";
/// A language code; after a `~` when it follows the edition's primary language rather than the
/// reader's explicit choice.
pub const LANG_COOKIE: &str = "panorama_lang";
const AUTOMATIC: char = '~';

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_key(key: &str) -> Theme {
        match key {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

/// The interface language, whether the reader chose it, and the edition's primary language
/// (what it follows when not chosen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UiLanguage {
    pub language: Language,
    /// True when it follows the edition's primary language.
    pub automatic: bool,
    pub edition: Language,
}

impl UiLanguage {
    pub fn automatic(edition: Language) -> UiLanguage {
        UiLanguage {
            language: edition,
            automatic: true,
            edition,
        }
    }

    /// `~en` (following the edition, English), or `ar~en` (Arabic chosen, edition English).
    fn encode(self) -> String {
        let edition = self.edition.code();
        if self.automatic {
            format!("{AUTOMATIC}{edition}")
        } else {
            format!("{}{AUTOMATIC}{edition}", self.language.code())
        }
    }

    fn decode(value: &str) -> Option<UiLanguage> {
        let (chosen, edition) = value.split_once(AUTOMATIC).unwrap_or((value, "en"));
        let edition = Language::from_code(edition)?;
        if chosen.is_empty() {
            return Some(UiLanguage::automatic(edition));
        }
        Language::from_code(chosen).map(|language| UiLanguage {
            language,
            automatic: false,
            edition,
        })
    }
}

/// Shared through the context.
#[derive(Clone, Copy)]
pub struct Display {
    pub theme: RwSignal<Theme>,
    pub ui: RwSignal<UiLanguage>,
    /// The compact list rather than cards.
    pub compact: RwSignal<bool>,
}

impl Display {
    pub fn language(&self) -> Language {
        self.ui.get().language
    }
}

/// Provides [`Display`] for the first render.
pub fn provide_display(edition: crate::edition::Edition) -> Display {
    let cookies = storage::current().unwrap_or_default();
    let theme = storage::value(&cookies, THEME_COOKIE)
        .map(Theme::from_key)
        .unwrap_or_default();
    let from_cookie = storage::value(&cookies, LANG_COOKIE).and_then(UiLanguage::decode);
    // Without the cookie (a first visit), the edition's lead source gives the language; the
    // browser keeps the cookie in step with the preferences from then on.
    // On a first visit the interface speaks the edition's language (the browser's), and
    // keeps it: it changes only when the reader chooses another, or chooses to follow the
    // edition (the footer's "Same as my edition"), never because the preferences changed.
    let ui = from_cookie.unwrap_or_else(|| {
        let language = edition_language(&edition.sources.get_untracked());
        UiLanguage {
            language,
            automatic: false,
            edition: language,
        }
    });
    #[cfg(feature = "ssr")]
    if from_cookie != Some(ui) {
        storage::respond_with(&storage::set_cookie(LANG_COOKIE, Some(&ui.encode())));
    }
    let compact = storage::value(&cookies, VIEW_COOKIE) == Some("compact");
    let display = Display {
        theme: RwSignal::new(theme),
        ui: RwSignal::new(ui),
        compact: RwSignal::new(compact),
    };
    provide_context(display);
    // What every message is looked up in (`i18n` reads it; it knows nothing of the display).
    provide_context(crate::i18n::Interface(Signal::derive(move || {
        display.ui.get().language
    })));
    // The preferences changed (saved, reset, read after hydration): follow them.
    #[cfg(feature = "hydrate")]
    Effect::watch(
        move || edition.language.get(),
        move |language, _, _| {
            if let Some(language) = *language {
                follow_edition(display, language);
            }
        },
        false,
    );
    display
}

/// The primary language of the edition made of `ids` (the lead source's).
#[cfg(feature = "ssr")]
fn edition_language(ids: &[String]) -> Language {
    let Some(backend) = use_context::<crate::api::Backend>() else {
        return Language::En;
    };
    let catalog = backend.0.catalog();
    ids.first()
        .and_then(|lead| catalog.sources.iter().find(|s| &s.id == lead))
        .map(|s| s.language)
        // The default edition is World in English.
        .unwrap_or(Language::En)
}

/// In the browser the server has already written the cookie; without cookies, the default
/// edition (English) is all the server could have shown.
#[cfg(not(feature = "ssr"))]
fn edition_language(_ids: &[String]) -> Language {
    Language::En
}

/// The reader's theme choice, applied at once and remembered.
#[cfg(feature = "hydrate")]
pub fn set_theme(display: Display, theme: Theme) {
    let value = (theme != Theme::System).then(|| theme.key());
    storage::write(&storage::set_cookie(THEME_COOKIE, value));
    display.theme.set(theme);
}

/// The reader's choice of compact list or cards, applied at once and remembered.
#[cfg(feature = "hydrate")]
pub fn set_compact(display: Display, compact: bool) {
    storage::write(&storage::set_cookie(
        VIEW_COOKIE,
        compact.then_some("compact"),
    ));
    display.compact.set(compact);
}

/// The reader's interface language: a language, or `None` to follow the edition again.
#[cfg(feature = "hydrate")]
pub fn set_language(display: Display, chosen: Option<Language>) {
    let edition = display.ui.get_untracked().edition;
    let ui = match chosen {
        Some(language) => UiLanguage {
            language,
            automatic: false,
            edition,
        },
        None => UiLanguage::automatic(edition),
    };
    storage::write(&storage::set_cookie(LANG_COOKIE, Some(&ui.encode())));
    show(display, ui);
}

/// Shows the page in `ui`'s language once its messages are here (at once for English and for
/// languages already shown).
#[cfg(feature = "hydrate")]
fn show(display: Display, ui: UiLanguage) {
    leptos::task::spawn_local(async move {
        crate::i18n::load(ui.language).await;
        display.ui.set(ui);
    });
}

/// The preferences changed: an interface language follows their primary language only when
/// the reader chose that ("Same as my edition"); otherwise only what it would follow changes.
#[cfg(feature = "hydrate")]
fn follow_edition(display: Display, edition: Language) {
    let now = display.ui.get_untracked();
    let next = if now.automatic {
        UiLanguage::automatic(edition)
    } else {
        UiLanguage { edition, ..now }
    };
    if next != now {
        storage::write(&storage::set_cookie(LANG_COOKIE, Some(&next.encode())));
        // A new language rebuilds the page: not in the middle of the handler that saved the
        // preferences, whose component is about to go away.
        set_timeout(move || show(display, next), std::time::Duration::ZERO);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_round_trip() {
        for ui in [
            UiLanguage::automatic(Language::Ar),
            UiLanguage {
                language: Language::Zh,
                automatic: false,
                edition: Language::De,
            },
        ] {
            assert_eq!(UiLanguage::decode(&ui.encode()), Some(ui));
        }
        assert_eq!(UiLanguage::decode("~xx"), None);
        assert_eq!(
            UiLanguage::decode("fr"),
            Some(UiLanguage {
                language: Language::Fr,
                automatic: false,
                edition: Language::En
            })
        );
        assert_eq!(
            storage::value("a=1; panorama_theme=dark", THEME_COOKIE),
            Some("dark")
        );
        assert_eq!(Theme::from_key("purple"), Theme::System);
    }
}
