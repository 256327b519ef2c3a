use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    // The three pages come with the reading-experience work; the links are the specification's.
    view! {
        <footer class="site-footer">
            <nav aria-label="Footer">
                <a href="/archive">"News Archive"</a>
                <a href="/privacy">"Privacy Policy"</a>
                <a href="/contact">"Contact Us"</a>
            </nav>
        </footer>
    }
}
