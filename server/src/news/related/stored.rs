//! A grouping as the store keeps it: in a fleet, one instance groups (the leader, see
//! `service::background`) and every other instance serves its stories rather than grouping
//! the same articles again. Articles are named by id, so each instance maps them onto its own.

use super::Snapshot;
use super::group::{Grouping, Link, Shared};
use crate::record::Record;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
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
            links: snapshot
                .grouping
                .links
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
                .collect(),
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
                let link = Link {
                    score: l.score,
                    words: l.words,
                    shared: l
                        .shared
                        .into_iter()
                        .map(|(key, a, b, weight)| Shared { key, a, b, weight })
                        .collect(),
                };
                Some(((a.min(b), a.max(b)), link))
            })
            .collect();
        Snapshot::served(
            articles,
            Grouping {
                stories,
                story_of,
                links,
            },
            learned,
            generation,
        )
    }
}
