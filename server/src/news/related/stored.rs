//! A grouping as the store keeps it: in a fleet, one instance groups (the leader, see
//! `service::background`) and every other instance serves its stories rather than grouping
//! the same articles again. Articles are named by id, so each instance maps them onto its own.

use super::Snapshot;
use super::group::{Grouping, Link, Shared};
use crate::record::Record;
use chrono::{DateTime, Utc};
use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The name a grouping is kept under in the store (`Write::Learned`).
pub const GROUPING: &str = "related.grouping";

#[derive(Serialize, Deserialize)]
pub struct StoredGrouping {
    pub built_at: DateTime<Utc>,
    /// The grouped articles, by id; stories and links name them by position here.
    pub articles: Vec<String>,
    pub stories: Vec<Vec<u32>>,
    pub links: Vec<StoredLink>,
    /// Each article's part (its story within its language); absent from groupings stored
    /// before parts were kept, whose articles then count as parts of their own.
    #[serde(default)]
    pub parts: Vec<u32>,
    /// Why two parts were joined across languages (`a` and `b` are parts).
    #[serde(default)]
    pub bridges: Vec<StoredLink>,
}

#[derive(Serialize, Deserialize)]
pub struct StoredLink {
    pub a: u32,
    pub b: u32,
    pub score: f32,
    pub words: Option<f32>,
    /// Each shared anchor: its key, as `a` wrote it, as `b` wrote it, its weight.
    pub shared: Vec<(String, String, String, f32)>,
}

fn stored_links(links: &HashMap<(usize, usize), Link>) -> Vec<StoredLink> {
    links
        .iter()
        .map(|(&(a, b), link)| StoredLink {
            a: a as u32,
            b: b as u32,
            score: link.score,
            words: link.words,
            shared: link
                .shared
                .iter()
                .map(|s| (s.key.clone(), s.a.clone(), s.b.clone(), s.weight))
                .collect(),
        })
        .collect()
}

impl StoredLink {
    fn link(self) -> Link {
        Link {
            score: self.score,
            words: self.words,
            shared: self
                .shared
                .into_iter()
                .map(|(key, a, b, weight)| Shared { key, a, b, weight })
                .collect(),
        }
    }
}

impl StoredGrouping {
    pub fn of(snapshot: &Snapshot, built_at: DateTime<Utc>) -> StoredGrouping {
        StoredGrouping {
            built_at,
            articles: snapshot.articles.iter().map(|a| a.id.clone()).collect(),
            stories: snapshot
                .grouping
                .stories
                .iter()
                .map(|s| s.iter().map(|&i| i as u32).collect())
                .collect(),
            links: stored_links(&snapshot.grouping.links),
            parts: snapshot
                .grouping
                .part_of
                .iter()
                .map(|&p| p as u32)
                .collect(),
            bridges: stored_links(&snapshot.grouping.bridges),
        }
    }

    /// The snapshot again over the articles `find` knows (the others are left out of their
    /// stories). It has no features: it is served, never regrouped; an article placed among its
    /// stories (`Snapshot::place`) is read with `learned`, this instance's alias table.
    pub fn into_snapshot(
        self,
        find: impl Fn(&str) -> Option<Arc<Record>>,
        learned: super::Aliases,
        generation: u64,
    ) -> Snapshot {
        let mut articles = Vec::new();
        // Position in the stored grouping -> position here.
        let mut here: HashMap<u32, usize> = HashMap::new();
        for (i, id) in self.articles.iter().enumerate() {
            if let Some(article) = find(id) {
                here.insert(i as u32, articles.len());
                articles.push(article);
            }
        }
        let stories: Vec<Vec<usize>> = self
            .stories
            .iter()
            .map(|s| s.iter().filter_map(|i| here.get(i).copied()).collect())
            .filter(|s: &Vec<usize>| !s.is_empty())
            .collect();
        let mut story_of = vec![0; articles.len()];
        for (n, story) in stories.iter().enumerate() {
            for &i in story {
                story_of[i] = n;
            }
        }
        let links = self
            .links
            .into_iter()
            .filter_map(|l| {
                let (a, b) = (*here.get(&l.a)?, *here.get(&l.b)?);
                Some(((a.min(b), a.max(b)), l.link()))
            })
            .collect();
        // Parts keep their numbers (bridges name them); a grouping stored without parts
        // gives each article a part of its own, past every stored one.
        let mut part_of = vec![0; articles.len()];
        for (i, &at) in here.iter() {
            part_of[at] = self
                .parts
                .get(*i as usize)
                .map_or(self.articles.len() + *i as usize, |&p| p as usize);
        }
        let bridges = self
            .bridges
            .into_iter()
            .map(|l| ((l.a as usize, l.b as usize), l.link()))
            .collect();
        Snapshot::served(
            articles,
            Grouping {
                stories,
                story_of,
                links,
                part_of,
                bridges,
            },
            learned,
            generation,
        )
    }
}
