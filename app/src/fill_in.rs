//! Parts of a page the server could not finish by its deadline (a feed still loading, an
//! outlet's page still being fetched) fill in without a reload: the page asks again.

use leptos::prelude::*;
use std::time::Duration;

/// How long between two asks, and how many at most: a hung upstream gives up at the fetch
/// limit anyway, and the page stops asking well after that.
const DELAY: Duration = Duration::from_millis(1500);
const ATTEMPTS: u32 = 15;

/// Refetches `resource` while `pending` holds of its value, every [`DELAY`], at most
/// [`ATTEMPTS`] times in a row.
pub fn refetch_while<T>(
    resource: crate::json::ApiResource<T>,
    pending: impl Fn(&T) -> bool + Send + Sync + 'static,
) where
    T: Clone + Send + Sync + 'static + serde::Serialize + serde::de::DeserializeOwned,
{
    let retries = StoredValue::new(0u32);
    Effect::new(move |_| {
        if !resource.with(|value| value.as_ref().is_some_and(&pending)) {
            retries.set_value(0);
            return;
        }
        if retries.get_value() < ATTEMPTS {
            retries.update_value(|n| *n += 1);
            set_timeout(move || resource.refetch(), DELAY);
        }
    });
}
