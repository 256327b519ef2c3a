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
    // On a phone the row scrolls sideways: the current tab is brought into view, so the
    // reader sees where they are (All Categories is last, off screen at 360 px).
    let row = NodeRef::<leptos::html::Ul>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let _ = active.get();
        if let Some(row) = row.get()
            && let Ok(Some(current)) = row.query_selector("a[aria-current]")
        {
            let left =
                current.get_bounding_client_rect().left() - row.get_bounding_client_rect().left();
            let width = current.client_width();
            let view = row.client_width();
            if left < 0.0 || left + f64::from(width) > f64::from(view) {
                row.set_scroll_left(row.scroll_left() + left as i32 - (view - width) / 2);
            }
        }
    });
    view! {
        <nav class="category-tabs" aria-label=t("categories-nav")>
            <ul node_ref=row>
                {Category::ALL.map(|c| tab(Some(c)))}
                {tab(None)}
            </ul>
        </nav>
    }
}
