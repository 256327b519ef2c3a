use crate::model::Category;
use leptos::prelude::*;

/// National … Special, then All Categories; each a link so tabs work without JavaScript and
/// can be bookmarked.
#[component]
pub fn CategoryTabs(#[prop(into)] active: Signal<Option<Category>>) -> impl IntoView {
    let tab = move |category: Option<Category>| {
        let (href, label) = match category {
            Some(c) => (format!("/?category={}", c.slug()), c.label()),
            None => ("/?category=all".to_string(), "All Categories"),
        };
        let current = move || (active.get() == category).then_some("page");
        view! {
            <li>
                // A plain link: the router still navigates in place, and `<A>` would mark every
                // tab current since they share one path.
                <a href=href aria-current=current data-category=category.map(|c| c.slug()).unwrap_or("all")>
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <nav class="category-tabs" aria-label="Categories">
            <ul>
                {Category::ALL.into_iter().map(|c| tab(Some(c))).collect_view()}
                {tab(None)}
            </ul>
        </nav>
    }
}
