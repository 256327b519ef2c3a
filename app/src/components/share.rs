use crate::i18n::{t, t_with};
use leptos::prelude::*;

/// Where a story can be shared without JavaScript: each outlet's own share address.
pub fn share_links(url: &str, title: &str) -> [(&'static str, &'static str, String); 6] {
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let (u, t) = (enc(url), enc(title));
    let title_and_url = enc(&format!("{title} {url}"));
    [
        (
            "x",
            "X",
            format!("https://x.com/intent/post?url={u}&text={t}"),
        ),
        (
            "facebook",
            "Facebook",
            format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        ),
        (
            "whatsapp",
            "WhatsApp",
            format!("https://wa.me/?text={title_and_url}"),
        ),
        (
            "telegram",
            "Telegram",
            format!("https://t.me/share/url?url={u}&text={t}"),
        ),
        (
            "linkedin",
            "LinkedIn",
            format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ),
        // mailto takes RFC 3986 escapes, not '+' for spaces.
        (
            "email",
            "",
            format!(
                "mailto:?subject={}&body={}",
                t.replace('+', "%20"),
                title_and_url.replace('+', "%20")
            ),
        ),
    ]
}

/// "Share this story on": the system share sheet (Web Share API) where the browser has one;
/// otherwise links to the usual outlets and "Copy link" with a confirmation. The links are in
/// the server's HTML, so sharing works before (and without) the script.
#[component]
pub fn Share(url: String, title: String) -> impl IntoView {
    let native = RwSignal::new(false);
    let copied = RwSignal::new(String::new());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| native.set(web_share::available()));

    // A fixed set: an array of views, without a list's code for growing and shrinking.
    let links = share_links(&url, &title).map(|(id, name, href)| {
            let external = id != "email";
            // Networks are known by their own names in every language; email is translated.
            let name = if id == "email" { t("share-email") } else { name.to_string() };
            view! {
                <li>
                    <a href=href data-share=id target=external.then_some("_blank") rel=external.then_some("noopener noreferrer")>
                        {name}
                    </a>
                </li>
            }
    });

    // One handler for both buttons, told apart by their `data-share`.
    let texts = (
        t("share-copied"),
        t_with("share-copy-this", vec![("url", (&url).into())]),
    );
    let act = move |ev: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        web_share::act(&ev, &title, &url, copied, &texts);
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, &title, &url, &texts);
    };

    view! {
        <section class="share" aria-labelledby="share-heading" on:click=act>
            <h2 id="share-heading">{t("share-title")}</h2>
            <button type="button" class="primary" data-share="native" hidden=move || !native.get()>{t("share-native")}</button>
            <ul class="share-links" hidden=move || native.get()>
                {links}
                <li>
                    <button type="button" data-share="copy">{t("share-copy")}</button>
                </li>
            </ul>
            <p class="share-status" role="status" aria-live="polite">{move || copied.get()}</p>
        </section>
    }
}

#[cfg(feature = "hydrate")]
mod web_share {
    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};

    fn navigator() -> JsValue {
        window().navigator().into()
    }

    fn method(on: &JsValue, name: &str) -> Option<js_sys::Function> {
        js_sys::Reflect::get(on, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    }

    pub fn available() -> bool {
        method(&navigator(), "share").is_some()
    }

    /// A click in the share section: on the share button, the system share sheet; on "Copy
    /// link", the address to the clipboard, confirmed in `status` (`texts`: the confirmation,
    /// and the fallback that shows the link to copy by hand).
    pub fn act(
        ev: &web_sys::MouseEvent,
        title: &str,
        url: &str,
        status: RwSignal<String>,
        texts: &(String, String),
    ) {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-share]").ok().flatten());
        let Some(button) = button else { return };
        let navigator = navigator();
        let (done, by_hand) = texts.clone();
        let promise = match button.get_attribute("data-share").as_deref() {
            Some("native") => {
                let data = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
                let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
                // Dismissing the share sheet rejects the promise: that is the reader's choice,
                // not an error, and nothing is said.
                let promise = method(&navigator, "share").map(|f| f.call1(&navigator, &data));
                return settle(promise, None);
            }
            Some("copy") => js_sys::Reflect::get(&navigator, &"clipboard".into())
                .ok()
                .and_then(|c| Some(method(&c, "writeText")?.call1(&c, &url.into()))),
            _ => return,
        };
        settle(promise, Some((status, done, by_hand)));
    }

    /// Waits for the browser's answer, and says how copying went.
    fn settle(
        promise: Option<Result<JsValue, JsValue>>,
        report: Option<(RwSignal<String>, String, String)>,
    ) {
        let promise = promise.and_then(|p| p.ok()?.dyn_into::<js_sys::Promise>().ok());
        leptos::task::spawn_local(async move {
            let ok = match promise {
                Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                None => false,
            };
            if let Some((status, done, by_hand)) = report {
                status.set(if ok { done } else { by_hand });
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_links_carry_the_encoded_address_and_title() {
        let links = share_links(
            "http://127.0.0.1:3000/article/00ff",
            "Rail & road: \"deal\" 中文",
        );
        let href = |id: &str| links.iter().find(|l| l.0 == id).unwrap().2.clone();
        let u = "http%3A%2F%2F127.0.0.1%3A3000%2Farticle%2F00ff";
        assert_eq!(
            href("facebook"),
            format!("https://www.facebook.com/sharer/sharer.php?u={u}")
        );
        assert!(href("x").starts_with(&format!(
            "https://x.com/intent/post?url={u}&text=Rail+%26+road"
        )));
        assert!(href("telegram").contains("%E4%B8%AD%E6%96%87"));
        assert!(href("whatsapp").ends_with(u));
        // mailto wants %20, not '+', for spaces.
        assert!(
            href("email").starts_with("mailto:?subject=Rail%20%26%20road"),
            "{}",
            href("email")
        );
    }
}
