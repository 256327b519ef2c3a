use crate::display::Display;
use crate::i18n::{language_name, t, t_with};
use crate::model::Language;
use leptos::prelude::*;

/// The specification's three links, and the interface language.
#[component]
pub fn Footer() -> impl IntoView {
    let display = expect_context::<Display>();
    let ui = display.ui.get_untracked();
    let edition_language = ui.edition;
    let auto_label = t_with(
        "footer-language-auto",
        vec![("language", language_name(edition_language).into())],
    );
    let options = Language::ALL.map(|l| {
        let selected = !ui.automatic && ui.language == l;
        // Each language names itself, so a reader lost in a script they cannot read finds theirs.
        view! { <option value=l.code() selected=selected lang=l.code()>{l.native_name()}</option> }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = Language::from_code(&event_target_value(&ev));
        #[cfg(feature = "hydrate")]
        crate::display::set_language(display, chosen);
        #[cfg(not(feature = "hydrate"))]
        let _ = (chosen, display);
    };
    view! {
        <footer class="site-footer">
            <nav aria-label=t("footer-nav")>
                <a href="/archive">{t("footer-archive")}</a>
                <a href="/privacy">{t("footer-privacy")}</a>
                <a href="/contact">{t("footer-contact")}</a>
            </nav>
            <label class="language-picker">
                {t("footer-language")} " "
                <select id="ui-language" on:change=on_change>
                    <option value="" selected=ui.automatic>{auto_label}</option>
                    {options}
                </select>
            </label>
        </footer>
    }
}
