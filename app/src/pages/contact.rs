use crate::api::get_contact;
use crate::i18n::{t, t_with};
use crate::model::Contact;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/contact`: the operator's details, from the server's configuration.
#[component]
pub fn ContactRoute() -> impl IntoView {
    let contact = crate::json::resource(|| (), |_| get_contact());
    view! {
        <Title text=format!("{} · Panorama", t("contact-title"))/>
        <Meta name="description" content=t("contact-description")/>
        <article class="prose">
            <h1>{t("contact-title")}</h1>
            <Transition fallback=|| view! { <p class="loading" role="status">{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match contact.await {
                        Ok(contact) => Either::Left(view! { <ContactView contact/> }),
                        Err(err) => Either::Right(view! {
                            <p class="error" role="alert">{t_with("contact-error", vec![("error", err.to_string().into())])}</p>
                        }),
                    }
                })}
            </Transition>
        </article>
    }
}

#[component]
fn ContactView(contact: Contact) -> impl IntoView {
    if contact.email.is_none() && contact.address.is_none() {
        return Either::Left(view! {
            <p class="notice" data-contact="unconfigured">
                // The operator's hint (which variables to set) is in the log and README.
                {t("contact-unconfigured")}
            </p>
        });
    }
    let operator = contact
        .operator
        .map(|name| view! { <p class="contact-name">{name}</p> });
    let email = contact.email.map(|email| {
        view! {
            <p>{t("contact-email")} " " <a href=format!("mailto:{email}") data-contact="email">{email.clone()}</a></p>
        }
    });
    let address = contact.address.map(|address| {
        let lines = address
            .lines()
            .map(|line| view! { <span>{line.to_string()}</span><br/> })
            .collect_view();
        view! { <address data-contact="address">{lines}</address> }
    });
    Either::Right(view! {
        <div class="contact">
            {operator}
            {email}
            {address}
        </div>
    })
}
