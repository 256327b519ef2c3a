//! One article placed among a grouping it is not part of: a reader's own feed's story, which
//! never enters the grouping every reader sees (see `service::own_feeds`), finds the story it
//! tells there for its reader alone. It is scored against the window's articles exactly as
//! the grouping scores two of them (`group::score_pair`, the window's rarities), and joins the
//! story it is linked to densely enough, as two stories merge in `group`; nothing changes.

use super::group::{self, Doc, GroupOptions, Link, MIN_DENSITY};
use app::model::Language;
use std::collections::HashMap;

/// What placing reads of the window: its articles and how many carry each anchor and word.
pub struct Placement {
    docs: Vec<Doc>,
    anchor_docs: HashMap<String, Vec<usize>>,
    term_docs: HashMap<(Language, String), Vec<usize>>,
    per_language: HashMap<Language, usize>,
}

impl Placement {
    pub fn new(docs: Vec<Doc>) -> Placement {
        let mut anchor_docs: HashMap<String, Vec<usize>> = HashMap::new();
        let mut term_docs: HashMap<(Language, String), Vec<usize>> = HashMap::new();
        let mut per_language: HashMap<Language, usize> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            for key in d.features.anchors.keys() {
                anchor_docs.entry(key.clone()).or_default().push(i);
            }
            for term in d.features.terms.keys() {
                term_docs
                    .entry((d.language, term.clone()))
                    .or_default()
                    .push(i);
            }
            *per_language.entry(d.language).or_default() += 1;
        }
        Placement {
            docs,
            anchor_docs,
            term_docs,
            per_language,
        }
    }

    /// `doc`'s word vector (tf-idf, the window's rarities counting `doc` in) and its norm.
    fn vector<'a>(&self, doc: &'a Doc) -> (HashMap<&'a str, f32>, f32) {
        let total = self.per_language.get(&doc.language).copied().unwrap_or(0) + 1;
        let vector: HashMap<&str, f32> = doc
            .features
            .terms
            .iter()
            .map(|(t, tf)| {
                let df = self
                    .term_docs
                    .get(&(doc.language, t.clone()))
                    .map_or(0, Vec::len)
                    + 1;
                (t.as_str(), tf * group::idf(df, total))
            })
            .collect();
        let norm = vector.values().map(|w| w * w).sum::<f32>().sqrt();
        (vector, norm)
    }

    /// The window's articles `doc` is linked to, with each link (`doc` is its side `a`).
    pub fn links(&self, doc: &Doc, options: &GroupOptions) -> Vec<(usize, Link)> {
        let n = self.docs.len() + 1;
        let common = group::common_limit(n);
        // Candidates as the grouping finds them: a shared anchor (not a place) or a word
        // rare enough, close enough in time.
        let mut candidates: Vec<usize> = Vec::new();
        let mut add = |members: Option<&Vec<usize>>| {
            if let Some(members) = members
                && members.len() < common
            {
                candidates.extend(members.iter().copied().filter(|&i| {
                    (self.docs[i].published - doc.published).abs() <= options.link_window
                }));
            }
        };
        for key in doc.features.anchors.keys() {
            if !key.starts_with("p:") {
                add(self.anchor_docs.get(key));
            }
        }
        for term in doc.features.terms.keys() {
            add(self.term_docs.get(&(doc.language, term.clone())));
        }
        candidates.sort_unstable();
        candidates.dedup();

        let (mine, my_norm) = self.vector(doc);
        let weight = |key: &str| group::idf(self.anchor_docs.get(key).map_or(0, Vec::len) + 1, n);
        candidates
            .into_iter()
            .filter_map(|i| {
                let other = &self.docs[i];
                let words = (other.language == doc.language).then(|| {
                    let (theirs, their_norm) = self.vector(other);
                    let dot: f32 = mine
                        .iter()
                        .filter_map(|(t, w)| theirs.get(t).map(|x| x * w))
                        .sum();
                    let norm = my_norm * their_norm;
                    if norm > 0.0 { dot / norm } else { 0.0 }
                });
                group::score_pair(doc, other, words, weight, options).map(|link| (i, link))
            })
            .collect()
    }
}

/// The story (of `stories`, each article's in `story_of`) that an article with `links` joins:
/// the one it is linked to most strongly among those it is linked to densely enough (a share
/// of `MIN_DENSITY` of their articles, as two stories merge).
pub fn joined_story(
    links: &[(usize, Link)],
    stories: &[Vec<usize>],
    story_of: &[usize],
) -> Option<usize> {
    let mut by_story: HashMap<usize, (usize, f32)> = HashMap::new();
    for (i, link) in links {
        let entry = by_story.entry(story_of[*i]).or_default();
        entry.0 += 1;
        entry.1 += link.score;
    }
    by_story
        .into_iter()
        .filter(|(s, (linked, _))| *linked as f32 >= MIN_DENSITY * stories[*s].len() as f32)
        .max_by(|x, y| x.1.1.total_cmp(&y.1.1).then(y.0.cmp(&x.0)))
        .map(|(s, _)| s)
}
