//! Keyboard shortcuts for the timeline: j/k next/previous story, o open, s save, / search (the
//! search page, which searches every story kept, not only those loaded), ? this help. They act
//! on the page as it is in the browser and work on every list of cards.

use crate::i18n::t;
use leptos::prelude::*;

/// The help overlay; the key handling is installed in the browser only.
#[component]
pub fn KeyboardHelp() -> impl IntoView {
    let help = RwSignal::new(false);

    #[cfg(feature = "hydrate")]
    {
        let navigate = leptos_router::hooks::use_navigate();
        let search = move || navigate("/search", Default::default());
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            browser::on_key(&ev, help, &search);
        });
        on_cleanup(move || handle.remove());
    }

    let rows = [
        ("j", "keys-next"),
        ("k", "keys-previous"),
        ("o", "keys-open"),
        ("s", "keys-save"),
        ("/", "keys-search"),
        ("?", "keys-help"),
    ]
    .map(|(key, what)| view! { <div><dt><kbd>{key}</kbd></dt><dd>{t(what)}</dd></div> });
    view! {
        <div class="keys-help" role="dialog" aria-modal="true" aria-labelledby="keys-title" hidden=move || !help.get()>
            <div class="keys-box">
                <h2 id="keys-title">{t("keys-title")}</h2>
                <dl>{rows}</dl>
                <button type="button" class="secondary" on:click=move |_| help.set(false)>{t("keys-close")}</button>
            </div>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement, KeyboardEvent};

    fn cards() -> Vec<Element> {
        let Ok(list) = document().query_selector_all(".card:not([hidden])") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    fn current(cards: &[Element]) -> Option<usize> {
        cards
            .iter()
            .position(|c| c.class_list().contains("current"))
    }

    fn focus_card(cards: &[Element], at: usize) {
        for card in cards {
            let _ = card.class_list().remove_1("current");
        }
        let card = &cards[at];
        let _ = card.class_list().add_1("current");
        card.scroll_into_view_with_bool(false);
        if let Some(link) = card
            .query_selector(".card-title a")
            .ok()
            .flatten()
            .and_then(|l| l.dyn_into::<HtmlElement>().ok())
        {
            let _ = link.focus();
        }
    }

    fn click(card: &Element, selector: &str) {
        if let Some(el) = card
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|l| l.dyn_into::<HtmlElement>().ok())
        {
            el.click();
        }
    }

    pub fn on_key(ev: &KeyboardEvent, help: RwSignal<bool>, search: &impl Fn()) {
        if ev.key() == "Escape" {
            help.set(false);
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        // Typing in a field is typing, not a shortcut.
        let typing = document().active_element().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.get_attribute("contenteditable").is_some()
        });
        if typing {
            return;
        }
        let cards = cards();
        let at = current(&cards);
        match ev.key().as_str() {
            "j" if !cards.is_empty() => {
                focus_card(&cards, at.map_or(0, |i| (i + 1).min(cards.len() - 1)));
            }
            "k" if !cards.is_empty() => focus_card(&cards, at.map_or(0, |i| i.saturating_sub(1))),
            "o" => {
                if let Some(i) = at {
                    click(&cards[i], ".card-title a");
                }
            }
            "s" => {
                if let Some(i) = at {
                    click(&cards[i], "button.save");
                }
            }
            "/" => {
                ev.prevent_default();
                search();
            }
            "?" => help.update(|open| *open = !*open),
            _ => {}
        }
    }
}
