//! One article placed among a grouping it is not part of: a reader's own feed's story, which
//! never enters the grouping every reader sees (see `service::own_feeds`), finds the story it
//! tells there for its reader alone. It is scored against the window's articles exactly as
//! the grouping scores two of them (`group::score_pair`, the window's rarities), and joins the
//! story it is linked to densely enough, as two stories merge in `group`; nothing changes.

use super::across;
use super::group::{self, Doc, GroupOptions, Link, MIN_DENSITY};
use app::model::Language;
use std::collections::{HashMap, HashSet};

/// What placing reads of the window: its articles, their word vectors, and which carry each
/// anchor and each telling word.
pub struct Placement {
    docs: Vec<Doc>,
    vectors: Vec<Vec<(String, f32)>>,
    anchor_docs: HashMap<String, Vec<usize>>,
    term_docs: HashMap<(Language, String), usize>,
    /// Articles by the words that tell most of each (`group::CANDIDATE_TERMS`).
    telling: HashMap<(Language, String), Vec<usize>>,
    per_language: HashMap<Language, usize>,
}

impl Placement {
    pub fn new(docs: Vec<Doc>) -> Placement {
        let mut anchor_docs: HashMap<String, Vec<usize>> = HashMap::new();
        let mut term_docs: HashMap<(Language, String), usize> = HashMap::new();
        let mut per_language: HashMap<Language, usize> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            for key in d.features.anchors.keys() {
                anchor_docs.entry(key.clone()).or_default().push(i);
            }
            for term in d.features.terms.keys() {
                *term_docs.entry((d.language, term.clone())).or_default() += 1;
            }
            *per_language.entry(d.language).or_default() += 1;
        }
        let mut placement = Placement {
            docs: Vec::new(),
            vectors: Vec::new(),
            anchor_docs,
            term_docs,
            telling: HashMap::new(),
            per_language,
        };
        for (i, d) in docs.iter().enumerate() {
            let v = placement.vector(d);
            for term in group::heaviest(&v, group::CANDIDATE_TERMS) {
                placement
                    .telling
                    .entry((d.language, term.to_string()))
                    .or_default()
                    .push(i);
            }
            placement
                .vectors
                .push(v.into_iter().map(|(t, w)| (t.to_string(), w)).collect());
        }
        placement.docs = docs;
        placement
    }

    /// `doc`'s word vector (tf-idf with the window's rarities, of length one).
    fn vector<'a>(&self, doc: &'a Doc) -> Vec<(&'a str, f32)> {
        let total = self
            .per_language
            .get(&doc.language)
            .copied()
            .unwrap_or(0)
            .max(1);
        group::unit_vector(doc.features.terms.iter().map(|(t, tf)| {
            let df = self
                .term_docs
                .get(&(doc.language, t.clone()))
                .copied()
                .unwrap_or(1);
            (t.as_str(), tf * group::idf(df, total))
        }))
    }

    /// The window's articles `doc` is linked to, with each link (`doc` is its side `a`).
    pub fn links(&self, doc: &Doc, options: &GroupOptions) -> Vec<(usize, Link)> {
        let n = self.docs.len();
        let common = group::common_limit(n);
        // Candidates as the grouping finds them: a shared anchor (not a place) or a telling
        // word rare enough, close enough in time.
        let mut candidates: Vec<usize> = Vec::new();
        let mut add = |members: Option<&Vec<usize>>| {
            if let Some(members) = members
                && members.len() <= common
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
        let mine = self.vector(doc);
        for term in group::heaviest(&mine, group::CANDIDATE_TERMS) {
            let key = (doc.language, term.to_string());
            if self.term_docs.get(&key).is_some_and(|&df| df <= common) {
                add(self.telling.get(&key));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();

        let weight = |key: &str| group::idf(self.anchor_docs.get(key).map_or(1, Vec::len), n);
        candidates
            .into_iter()
            .filter_map(|i| {
                let other = &self.docs[i];
                let words =
                    (other.language == doc.language).then(|| group::dot(&mine, &self.vectors[i]));
                group::score_pair(doc, other, words, weight, options).map(|link| (i, link))
            })
            .collect()
    }
}

impl Placement {
    /// The story (of `stories`, each article's in `story_of`) that an article in `language`
    /// with `links` joins: the one it is linked to most strongly among those it may join. In
    /// a story with articles in its language, it is linked to a share of `MIN_DENSITY` of
    /// them (as two stories merge within a language); in a story told only in others, its
    /// links share names enough (as two languages' stories join, `across`).
    pub fn joined(
        &self,
        language: Language,
        links: &[(usize, Link)],
        stories: &[Vec<usize>],
        story_of: &[usize],
    ) -> Option<usize> {
        #[derive(Default)]
        struct Tally<'a> {
            same: usize,
            score: f32,
            names: HashSet<&'a str>,
            places: HashSet<&'a str>,
        }
        let mut by_story: HashMap<usize, Tally> = HashMap::new();
        for (i, link) in links {
            let tally = by_story.entry(story_of[*i]).or_default();
            tally.same += usize::from(self.docs[*i].language == language);
            tally.score += link.score;
            for shared in &link.shared {
                if shared.key.starts_with("p:") {
                    tally.places.insert(&shared.key);
                } else {
                    tally.names.insert(&shared.key);
                }
            }
        }
        by_story
            .into_iter()
            .filter(|(s, tally)| {
                let mine = stories[*s]
                    .iter()
                    .filter(|&&j| self.docs[j].language == language)
                    .count();
                if mine > 0 {
                    tally.same as f32 >= MIN_DENSITY * mine as f32
                } else {
                    tally.names.len() >= across::MIN_SHARED
                        || tally.names.len() == 1 && tally.places.len() >= across::PLACES_FOR_A_NAME
                }
            })
            .max_by(|x, y| x.1.score.total_cmp(&y.1.score).then(y.0.cmp(&x.0)))
            .map(|(s, _)| s)
    }
}
