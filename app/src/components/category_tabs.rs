use crate::i18n::{category as label_of, t};
use crate::model::Category;
use leptos::prelude::*;

/// National … Special, then All Categories; each a link so tabs work without JavaScript and
/// can be bookmarked. `extra` is appended to each link's query (a filter the tabs keep).
#[component]
pub fn CategoryTabs(
    #[prop(into)] active: Signal<Option<Category>>,
    #[prop(into, optional)] extra: Signal<String>,
) -> impl IntoView {
    let tab = move |category: Option<Category>| {
        let slug = category.map_or("all", Category::slug);
        let label = label_of(category);
        let href = move || format!("/?category={slug}{}", extra.get());
        let current = move || (active.get() == category).then_some("page");
        view! {
            <li>
                // A plain link: the router still navigates in place, and `<A>` would mark every
                // tab current since they share one path.
                <a href=href aria-current=current data-category=slug>
                    {label}
                </a>
            </li>
        }
    };
    view! {
        <nav class="category-tabs" aria-label=t("categories-nav")>
            <ul>
                {Category::ALL.map(|c| tab(Some(c)))}
                {tab(None)}
            </ul>
        </nav>
    }
}
