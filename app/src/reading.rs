//! What the reader has read, kept in the browser only (localStorage), like the preferences.
//! The server never knows it: pages render without it and the browser marks read stories
//! after hydration, so the first paint and hydration agree.

use leptos::prelude::*;
use std::collections::HashSet;

/// The localStorage key: a JSON array of article ids, most recently read last.
pub const READ_KEY: &str = "panorama.read";
/// Enough for weeks of reading; the oldest are forgotten first.
#[cfg(feature = "hydrate")]
const READ_CAP: usize = 2_000;

/// The read ids, shared by every card of the page.
#[derive(Clone, Copy)]
pub struct Reading {
    read: RwSignal<HashSet<String>>,
}

impl Reading {
    pub fn is_read(&self, id: &str) -> bool {
        self.read.with(|r| r.contains(id))
    }
}

/// Puts [`Reading`] in the context; in the browser, fills it after hydration.
pub fn provide_reading() -> Reading {
    let reading = Reading {
        read: RwSignal::new(HashSet::new()),
    };
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| reading.read.set(stored().into_iter().collect()));
    provide_context(reading);
    reading
}

#[cfg(feature = "hydrate")]
fn stored() -> Vec<String> {
    use gloo_storage::{LocalStorage, Storage};
    // A damaged list only loses the dimming of read stories: start it again.
    LocalStorage::get::<Vec<String>>(READ_KEY).unwrap_or_default()
}

/// Marks `id` read, in storage and on the page.
#[cfg(feature = "hydrate")]
pub fn mark_read(id: &str) {
    use gloo_storage::{LocalStorage, Storage};
    let mut ids = stored();
    ids.retain(|kept| kept != id);
    ids.push(id.to_string());
    if ids.len() > READ_CAP {
        ids.drain(..ids.len() - READ_CAP);
    }
    let _ = LocalStorage::set(READ_KEY, &ids);
    if let Some(reading) = use_context::<Reading>() {
        reading.read.update(|r| {
            r.insert(id.to_string());
        });
    }
}
