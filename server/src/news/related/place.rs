//! One article placed among a grouping it is not part of: a reader's own feed's story, which
//! never enters the grouping every reader sees (see `service::own_feeds`), finds the story it
//! tells there for its reader alone. It is scored against the window's articles exactly as
//! the grouping scores two of them (`group::score_pair`, the window's rarities), and joins a
//! story as the grouping would let it: linked densely to its articles in its language (as two
//! stories merge in `group`), or sharing names enough with one told only in other languages
//! (as two languages' stories join in `across`). Nothing in the grouping changes.

use super::across;
use super::anchor_index::{self, AnchorIndex, Kind};
use super::group::{self, Doc, GroupOptions, Link, MIN_DENSITY, Side};
use super::terms::{self, TermIndex, Vector};
use app::model::Language;
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::Arc;

/// What placing reads of the window: its articles, their word vectors, and which carry each
/// anchor and each telling word.
pub struct Placement {
    docs: Arc<[Doc]>,
    terms: TermIndex,
    vectors: Vec<Vector>,
    anchors: AnchorIndex,
    /// Articles by the words that tell most of each (`group::CANDIDATE_TERMS`), by word id.
    telling: Vec<Vec<usize>>,
}

impl Placement {
    pub fn new(docs: Arc<[Doc]>) -> Placement {
        let anchors = AnchorIndex::new(&docs);
        let terms = TermIndex::new(&docs);
        let vectors: Vec<Vector> = terms.vectors(group::CANDIDATE_TERMS);
        let telling = terms::by_telling(&vectors);
        Placement {
            docs,
            terms,
            vectors,
            anchors,
            telling,
        }
    }

    /// The window's articles `doc` is linked to, with each link (`doc` is its side `a`).
    pub fn links(&self, doc: &Doc, options: &GroupOptions) -> Vec<(usize, Link)> {
        let n = self.docs.len();
        let common = group::common_limit(n);
        // Candidates as the grouping finds them: within its language, two signals shared (a
        // name or a telling word, rare enough), close enough in time; in another language, a
        // name (the story it may join there is told only in others: see `joined`).
        let mut signals: HashMap<usize, u16> = HashMap::new();
        let mut add = |members: &mut dyn Iterator<Item = usize>| {
            for i in members {
                if (self.docs[i].published - doc.published).abs() <= options.link_window {
                    *signals.entry(i).or_default() += 1;
                }
            }
        };
        let held = self.anchors.held_by(doc);
        for h in &held {
            if h.kind != Kind::Place && self.anchors.df(h.id) <= common {
                add(&mut self.anchors.carriers(h.id).iter().map(|&(i, _)| i));
            }
        }
        let mine = self.terms.vector(doc, group::CANDIDATE_TERMS);
        for &id in &mine.telling {
            if let Some(members) = self.telling.get(id as usize)
                && self.terms.df(id) <= common
            {
                add(&mut members.iter().copied());
            }
        }
        let mut candidates: Vec<usize> = signals
            .into_iter()
            .filter(|&(i, n)| self.docs[i].language != doc.language || n >= group::MIN_SIGNALS)
            .map(|(i, _)| i)
            .collect();
        candidates.sort_unstable();

        let me = Side {
            doc,
            names: anchor_index::names(&held),
            held: &held,
        };
        candidates
            .into_iter()
            .filter_map(|i| {
                let other = Side::of(&self.docs, &self.anchors, i);
                let words = (other.doc.language == doc.language)
                    .then(|| terms::cosine(&mine, &self.vectors[i]));
                group::score_pair(me, other, words, &self.anchors, options).map(|link| (i, link))
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
