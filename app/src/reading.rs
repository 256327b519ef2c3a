//! What the reader has read and saved, kept in the browser only (localStorage), like the
//! preferences. The server never knows it: pages render without it and the browser marks read
//! and saved stories after hydration, so the first paint and hydration agree.

use crate::model::{Article, Country, Language};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The localStorage key of read stories: a JSON array of article ids, most recently read last.
pub const READ_KEY: &str = "panorama.read";
/// The localStorage key of saved stories: a JSON array of [`SavedStory`], newest save first.
pub const SAVED_KEY: &str = "panorama.saved";
/// Enough for weeks of reading; the oldest are forgotten first.
#[cfg(feature = "hydrate")]
const READ_CAP: usize = 2_000;

/// A saved story: enough to list it and open it without the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedStory {
    pub id: String,
    pub title: String,
    pub source_name: String,
    pub country: Country,
    pub language: Language,
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub published: DateTime<Utc>,
    pub link: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub image: Option<String>,
}

impl From<&Article> for SavedStory {
    fn from(a: &Article) -> Self {
        SavedStory {
            id: a.id.clone(),
            title: a.title.clone(),
            source_name: a.source_name.clone(),
            country: a.country,
            language: a.language,
            published: a.published,
            link: a.link.clone(),
            summary: a.summary.clone(),
            image: a.image.clone(),
        }
    }
}

/// The read and saved stories, shared by every card of the page.
#[derive(Clone, Copy)]
pub struct Reading {
    read: RwSignal<HashSet<String>>,
    pub saved: RwSignal<Vec<SavedStory>>,
    /// False until the browser has read its storage (the server never does).
    pub loaded: RwSignal<bool>,
}

impl Reading {
    pub fn is_read(&self, id: &str) -> bool {
        self.read.with(|r| r.contains(id))
    }

    pub fn is_saved(&self, id: &str) -> bool {
        self.saved.with(|s| s.iter().any(|x| x.id == id))
    }

    /// Saves `story`, or forgets it when it was saved. Returns whether it is saved now.
    pub fn toggle_saved(&self, story: SavedStory) -> bool {
        #[cfg(feature = "hydrate")]
        let story_id = story.id.clone();
        let mut now_saved = false;
        self.saved.update(|saved| {
            if let Some(at) = saved.iter().position(|s| s.id == story.id) {
                saved.remove(at);
            } else {
                saved.insert(0, story);
                now_saved = true;
            }
        });
        #[cfg(feature = "hydrate")]
        {
            self.saved
                .with_untracked(|s| crate::storage::set_local_json(SAVED_KEY, s));
            if now_saved {
                crate::components::app_status::keep_offline(&format!("/article/{}", story_id));
            }
        }
        now_saved
    }
}

/// Puts [`Reading`] in the context; in the browser, fills it after hydration.
pub fn provide_reading() -> Reading {
    let reading = Reading {
        read: RwSignal::new(HashSet::new()),
        saved: RwSignal::new(Vec::new()),
        loaded: RwSignal::new(false),
    };
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        reading.read.set(stored_read().into_iter().collect());
        // A damaged list is left in place for the reader to see in their browser's tools, and
        // shows as no saved stories rather than breaking the page.
        reading
            .saved
            .set(crate::storage::local_json::<Vec<SavedStory>>(SAVED_KEY).unwrap_or_default());
        reading.loaded.set(true);
    });
    provide_context(reading);
    reading
}

#[cfg(feature = "hydrate")]
fn stored_read() -> Vec<String> {
    // A damaged list only loses the dimming of read stories: start it again.
    crate::storage::local_json::<Vec<String>>(READ_KEY).unwrap_or_default()
}

/// Marks `id` read, in storage and on the page.
#[cfg(feature = "hydrate")]
pub fn mark_read(id: &str) {
    let mut ids = stored_read();
    ids.retain(|kept| kept != id);
    ids.push(id.to_string());
    if ids.len() > READ_CAP {
        ids.drain(..ids.len() - READ_CAP);
    }
    crate::storage::set_local_json(READ_KEY, &ids);
    if let Some(reading) = use_context::<Reading>() {
        reading.read.update(|r| {
            r.insert(id.to_string());
        });
    }
}
