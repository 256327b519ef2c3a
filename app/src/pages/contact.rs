use crate::api::get_contact;
use crate::model::Contact;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/contact`: the operator's details, from the server's configuration.
#[component]
pub fn ContactRoute() -> impl IntoView {
    let contact = Resource::new(|| (), |_| get_contact());
    view! {
        <Title text="Contact Us · Panorama"/>
        <Meta name="description" content="How to reach the people who run this Panorama."/>
        <article class="prose">
            <h1>"Contact Us"</h1>
            <Transition fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match contact.await {
                        Ok(contact) => Either::Left(view! { <ContactView contact/> }),
                        Err(err) => Either::Right(view! {
                            <p class="error" role="alert">"The contact details could not be loaded: " {err.to_string()}</p>
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
                "This Panorama's operator has not published contact details yet. (Operators: set "
                <code>"PANORAMA_CONTACT_EMAIL"</code> " and " <code>"PANORAMA_CONTACT_ADDRESS"</code> ".)"
            </p>
        });
    }
    let operator = contact
        .operator
        .map(|name| view! { <p class="contact-name">{name}</p> });
    let email = contact.email.map(|email| {
        view! {
            <p>"Email: " <a href=format!("mailto:{email}") data-contact="email">{email.clone()}</a></p>
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
