//! Followed topics: searches a reader follows (a word or a phrase, in any script), kept in this
//! browser (`panorama.topics`, a versioned document beside the preferences, so following one
//! never touches the edition), each with when its stories were last looked at. The header
//! lists them with how many stories are new since; a topic's page is its search.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The localStorage key.
pub const STORAGE_KEY: &str = "panorama.topics";
/// Topics a reader follows, at most: each is one search when a page opens.
pub const MAX_TOPICS: usize = 20;
const VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// The search, as typed.
    pub q: String,
    /// The newest story seen when the reader last looked: newer ones are new.
    #[serde(deserialize_with = "crate::rfc3339::deserialize")]
    pub seen: DateTime<Utc>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u64,
    #[serde(default)]
    topics: Vec<Topic>,
}

/// A search as a topic: trimmed, inner spaces collapsed (the same search twice is one topic).
pub fn normalize(q: &str) -> String {
    q.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads the stored document; a damaged one (or a newer version) is no topics, left as it is.
pub fn parse(text: &str) -> Vec<Topic> {
    match crate::json::read::<Stored>(text) {
        Ok(stored) if stored.version == VERSION => {
            let mut topics: Vec<Topic> = Vec::new();
            for topic in stored.topics {
                let q = normalize(&topic.q);
                if !q.is_empty()
                    && q.chars().count() <= 500
                    && topics.len() < MAX_TOPICS
                    && !topics.iter().any(|t| t.q == q)
                {
                    topics.push(Topic { q, ..topic });
                }
            }
            topics
        }
        _ => Vec::new(),
    }
}

pub fn to_json(topics: &[Topic]) -> String {
    serde_json::to_string(&Stored {
        version: VERSION,
        topics: topics.to_vec(),
    })
    .unwrap_or_default()
}

/// The topics in force, shared through the context; filled once the page is interactive.
#[derive(Clone, Copy)]
pub struct Topics {
    pub list: RwSignal<Vec<Topic>>,
    /// New stories per topic, once counted.
    pub new: RwSignal<Vec<(String, usize)>>,
}

impl Topics {
    pub fn follows(&self, q: &str) -> bool {
        let q = normalize(q);
        self.list.with(|l| l.iter().any(|t| t.q == q))
    }

    /// New stories of topic `q`, once counted.
    pub fn new_of(&self, q: &str) -> Option<usize> {
        self.new
            .with(|n| n.iter().find(|(t, _)| t == q).map(|(_, n)| *n))
    }
}

pub fn provide_topics() -> Topics {
    let topics = Topics {
        list: RwSignal::new(Vec::new()),
        new: RwSignal::new(Vec::new()),
    };
    provide_context(topics);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let list = crate::storage::local(STORAGE_KEY)
            .map(|text| parse(&text))
            .unwrap_or_default();
        topics.list.set(list);
        count_new(topics);
    });
    topics
}

/// Follows `q` from `newest` (the newest story it shows now), or stops following it. False
/// when the browser refused to store it, or the reader follows as many as Panorama keeps.
#[cfg(feature = "hydrate")]
pub fn set_following(topics: Topics, q: &str, follow: bool, newest: DateTime<Utc>) -> bool {
    let q = normalize(q);
    let mut list = topics.list.get_untracked();
    if follow {
        if list.len() >= MAX_TOPICS {
            return false;
        }
        if !list.iter().any(|t| t.q == q) {
            list.push(Topic { q, seen: newest });
        }
    } else {
        list.retain(|t| t.q != q);
    }
    if !crate::storage::set_local(STORAGE_KEY, &to_json(&list)) {
        return false;
    }
    topics.list.set(list);
    true
}

/// The reader looked at topic `q`'s stories, the newest from `newest`: none is new any more.
#[cfg(feature = "hydrate")]
pub fn looked_at(topics: Topics, q: &str, newest: DateTime<Utc>) {
    let q = normalize(q);
    let mut list = topics.list.get_untracked();
    let Some(topic) = list.iter_mut().find(|t| t.q == q) else {
        return;
    };
    if topic.seen >= newest {
        return;
    }
    topic.seen = newest;
    if crate::storage::set_local(STORAGE_KEY, &to_json(&list)) {
        topics.list.set(list);
        topics.new.update(|n| {
            n.iter_mut()
                .filter(|(t, _)| *t == q)
                .for_each(|(_, c)| *c = 0)
        });
    }
}

/// The reader's own feed ids, comma-separated, for searches that include their stories.
#[cfg(feature = "hydrate")]
fn own_ids() -> Option<String> {
    crate::edition::own_ids(
        &use_context::<crate::edition::Edition>()?
            .sources
            .get_untracked(),
    )
}

/// Counts each topic's stories newer than when it was last looked at (its first page of
/// results, newest first: "50+" is as many as a reader needs to know).
#[cfg(feature = "hydrate")]
fn count_new(topics: Topics) {
    let list = topics.list.get_untracked();
    if list.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut counted = Vec::new();
        for topic in list {
            let found = crate::api::get_search(
                Some(topic.q.clone()),
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                Some("50".into()),
                own_ids(),
            )
            .await;
            if let Ok(page) = found {
                let new = page
                    .articles
                    .iter()
                    .filter(|a| a.published > topic.seen)
                    .count();
                counted.push((topic.q, new));
            }
        }
        topics.new.set(counted);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn topics_round_trip_and_damaged_documents_are_none() {
        let seen = Utc.with_ymd_and_hms(2022, 1, 17, 11, 0, 0).unwrap();
        let topics = vec![
            Topic {
                q: "集体安全".into(),
                seen,
            },
            Topic {
                q: "قطر".into(),
                seen,
            },
        ];
        assert_eq!(parse(&to_json(&topics)), topics);
        assert_eq!(parse("{not json"), vec![]);
        assert_eq!(parse("{\"version\":9,\"topics\":[]}"), vec![]);
        // The same search twice, or blank, is kept once / not at all.
        let messy = format!(
            "{{\"version\":1,\"topics\":[{{\"q\":\"  tonga  eruption \",\"seen\":\"{s}\"}},{{\"q\":\"tonga eruption\",\"seen\":\"{s}\"}},{{\"q\":\"   \",\"seen\":\"{s}\"}}]}}",
            s = seen.to_rfc3339()
        );
        assert_eq!(
            parse(&messy),
            vec![Topic {
                q: "tonga eruption".into(),
                seen
            }]
        );
    }
}
