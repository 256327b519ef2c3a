use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="/">"Panorama"</a>
            <p class="tagline">"The news of several countries, in several languages"</p>
            <nav class="site-nav" aria-label="Main">
                <a href="/">"News"</a>
                <a href="/settings">"Settings"</a>
            </nav>
        </header>
    }
}
