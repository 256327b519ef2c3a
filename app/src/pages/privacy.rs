use crate::edition::COOKIE;
use crate::prefs::STORAGE_KEY;
use crate::reading::READ_KEY;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/privacy`: what Panorama keeps and why, true to the code. The names shown are the ones the
/// code uses, so a rename shows here too; keep the prose in step with any new storage.
#[component]
pub fn PrivacyRoute() -> impl IntoView {
    view! {
        <Title text="Privacy Policy · Panorama"/>
        <Meta name="description" content="What Panorama stores, where, and why: no account, no tracking."/>
        <article class="prose">
            <h1>"Privacy Policy"</h1>
            <p class="lede">"Panorama has no accounts and no tracking. What it keeps about you stays in your browser."</p>

            <h2>"In your browser"</h2>
            <ul>
                <li>
                    <strong>"Your preferences"</strong> " (countries, languages and sources) are kept in your browser's local storage under "
                    <code>{STORAGE_KEY}</code> ". Settings lets you export, import or reset them."
                </li>
                <li>
                    <strong>"The stories you have opened"</strong> " are kept under " <code>{READ_KEY}</code>
                    " (their ids only, at most 2,000), so the timeline can dim them."
                </li>
                <li>
                    <strong>"One cookie"</strong> ", " <code>{COOKIE}</code> ", holds the ids of the sources of your edition, so the server can show your edition on the very first paint (it cannot read local storage). It lasts 400 days, is sent only to this site, and carries nothing else. Before you choose an edition, it holds the one proposed from your browser's languages."
                </li>
            </ul>
            <p>"Clearing this site's data in your browser removes all of it."</p>

            <h2>"On the server"</h2>
            <ul>
                <li>"The server fetches the outlets' feeds and, when you open a story, that story's page. The outlets see Panorama's server, not you."</li>
                <li>"It keeps the stories it has read in memory (the News Archive), never anything about who read them."</li>
                <li>"Its log records feeds that failed (the feed's address and the error) and requests that failed on the server's side. It does not log your address, your cookie or your preferences, and writes no line per page view."</li>
            </ul>

            <h2>"Third parties"</h2>
            <ul>
                <li>"Story images load from the outlets' own servers, which see your browser's request for them as for any image on the web."</li>
                <li>"\"Read full story\" and the share links take you to the outlet or the network you choose, under its own policy. Panorama sends them no referrer."</li>
                <li>"There are no analytics, advertising or tracking scripts, and no third-party scripts of any kind."</li>
            </ul>

            <p><a href="/contact">"Questions? Contact us."</a></p>
        </article>
    }
}
