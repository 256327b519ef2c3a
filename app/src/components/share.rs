use crate::i18n::{t, t_with};
use leptos::prelude::*;

/// Where a story can be shared without JavaScript: each outlet's own share address.
pub fn share_links(url: &str, title: &str) -> Vec<(&'static str, &'static str, String)> {
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let (u, t) = (enc(url), enc(title));
    let title_and_url = enc(&format!("{title} {url}"));
    vec![
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

    let links = share_links(&url, &title)
        .into_iter()
        .map(|(id, name, href)| {
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
        })
        .collect_view();

    let (share_url, share_title) = (url.clone(), title.clone());
    let share_now = move |_| {
        #[cfg(feature = "hydrate")]
        web_share::share(&share_title, &share_url);
        #[cfg(not(feature = "hydrate"))]
        let _ = (&share_title, &share_url);
    };
    let copy_url = url.clone();
    let share_text = t("share-native");
    let done = t("share-copied");
    let copy_this = t_with("share-copy-this", vec![("url", (&url).into())]);
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        web_share::copy(&copy_url, copied, (done.clone(), copy_this.clone()));
        #[cfg(not(feature = "hydrate"))]
        let _ = (&copy_url, &done, &copy_this);
    };

    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{t("share-title")}</h2>
            <Show when=move || native.get()>
                <button type="button" class="primary" data-share="native" on:click=share_now.clone()>{share_text.clone()}</button>
            </Show>
            <ul class="share-links" hidden=move || native.get()>
                {links}
                <li>
                    <button type="button" data-share="copy" on:click=copy.clone()>{t("share-copy")}</button>
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

    fn method(name: &str) -> Option<js_sys::Function> {
        js_sys::Reflect::get(&navigator(), &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    }

    pub fn available() -> bool {
        method("share").is_some()
    }

    pub fn share(title: &str, url: &str) {
        let Some(share) = method("share") else { return };
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
        if let Ok(promise) = share.call1(&navigator(), &data)
            && let Ok(promise) = promise.dyn_into::<js_sys::Promise>()
        {
            // Dismissing the share sheet rejects the promise: that is the reader's choice, not an error.
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }

    /// `texts`: the confirmation, and the fallback that shows the link to copy by hand.
    pub fn copy(url: &str, status: RwSignal<String>, texts: (String, String)) {
        let (done, by_hand) = texts;
        let clipboard = js_sys::Reflect::get(&navigator(), &"clipboard".into()).ok();
        let write = clipboard.as_ref().and_then(|c| {
            js_sys::Reflect::get(c, &"writeText".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        });
        let (Some(clipboard), Some(write)) = (clipboard, write) else {
            status.set(by_hand);
            return;
        };
        match write
            .call1(&clipboard, &url.into())
            .map(|p| p.dyn_into::<js_sys::Promise>())
        {
            Ok(Ok(promise)) => leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => status.set(done),
                    Err(_) => status.set(by_hand),
                }
            }),
            _ => status.set(by_hand),
        }
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
        assert_eq!(links.len(), 6);
    }
}
