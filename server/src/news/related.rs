//! More Related News: one story across outlets, countries and languages.
//!
//! The index holds the recent articles of every catalog source (a sliding window over the
//! archive, which records every feed Panorama reads) and groups them into stories offline,
//! with no model: on anchors any language can recognise (names, acronyms, numbers, places;
//! see `anchors`) less what each source repeats in all its items (`boilerplate`); within
//! each language on shared words and names (`group`), then across languages, story to story,
//! on names alone (`across`). An article outside the grouping is placed afterwards (`place`).

mod across;
mod anchor_index;
mod anchors;
mod boilerplate;
mod group;
mod place;
mod places;
pub mod stored;
mod terms;
mod text;
mod translit;

pub use anchors::{Aliases, Features, extract};
pub use group::{Doc, GroupOptions, Grouping, Link, Shared, group};

use crate::reader::html_text;
use crate::record::Record;
use app::model::{Article, Coverage, FoldedArticle, RelatedArticle, RelatedStory};
use chrono::{DateTime, Duration, Utc};
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

/// An article joined through its language's story ranks at this share of that bridge's score,
/// after articles linked directly as strongly.
const BRIDGED: f32 = 0.75;

/// How much of an article the index reads: its title and the start of its story.
const TEXT_CHARS: usize = 1_500;

#[derive(Clone, Debug)]
pub struct RelatedOptions {
    /// Articles published longer ago than this leave the index.
    pub window: Duration,
    pub group: GroupOptions,
}

impl Default for RelatedOptions {
    fn default() -> Self {
        RelatedOptions {
            window: Duration::hours(72),
            group: GroupOptions::default(),
        }
    }
}

/// The text the index reads of an article.
pub fn article_text(article: &Record) -> String {
    let body = if article.summary_html.is_empty() {
        article.summary.chars().take(TEXT_CHARS).collect()
    } else {
        html_text::prefix(&article.summary_html, TEXT_CHARS)
    };
    format!("{}. {}", article.title, body)
}

/// What links an article to the one asked about (see `Snapshot::why`).
pub struct Why<'a> {
    pub link: &'a Link,
    /// The link's side `a` (its `Shared::a` spellings) is the article asked about.
    pub first_is_asked: bool,
    /// A bridge between the two articles' languages' stories, not a link between them.
    pub bridged: bool,
}

/// The articles of a window, grouped.
pub struct Snapshot {
    pub articles: Vec<Arc<Record>>,
    /// What the grouping read of each article (shared with placing); empty in a served
    /// snapshot, which reads them at its first placing.
    docs: Arc<[Doc]>,
    /// Each article's features before boilerplate was taken out (the next grouping reuses
    /// them); empty in a served snapshot.
    extracted: Vec<Arc<Features>>,
    /// How many articles' texts this grouping read (the others' features were reused).
    pub read: usize,
    pub grouping: Grouping,
    by_id: HashMap<String, usize>,
    /// What it was built from (the archive's generation).
    pub generation: u64,
    pub aliases: usize,
    /// The alias table as of this grouping, to read an article placed later.
    learned: Arc<Aliases>,
    /// What placing an article outside the grouping reads, made at the first need.
    placement: OnceLock<place::Placement>,
}

/// What the grouping reads of `articles` (each one's features, `extracted`), less what each
/// source repeats (`boilerplate`: only the features it changes are copied).
fn read(articles: &[Arc<Record>], extracted: &[Arc<Features>]) -> Vec<Doc> {
    let mut features = extracted.to_vec();
    let sources: Vec<&str> = articles.iter().map(|a| a.source_id.as_str()).collect();
    boilerplate::strip(&mut features, &sources);
    articles
        .iter()
        .zip(features)
        .map(|(a, features)| Doc {
            published: a.published,
            language: a.language,
            features,
        })
        .collect()
}

/// The features of each of `articles` (sorted as a snapshot holds them), learning aliases into
/// `aliases` first from the articles not read before. What `previous` extracted of the same
/// article (the same record) is taken again when the alias table is as it was then: a
/// regrouping reads only the new articles.
fn extract_all(
    articles: &[Arc<Record>],
    aliases: &mut Aliases,
    previous: Option<&Snapshot>,
) -> (Vec<Arc<Features>>, usize) {
    let before =
        previous.filter(|p| p.extracted.len() == p.articles.len() && p.aliases == aliases.len());
    let cached = |a: &Arc<Record>| {
        let p = before?;
        let i = p.index_of(&a.id)?;
        Arc::ptr_eq(&p.articles[i], a).then(|| p.extracted[i].clone())
    };
    // Every alias is learned before any text is read for anchors; an article read before
    // taught its aliases then.
    let mut texts: Vec<Option<Vec<text::Token>>> = articles
        .iter()
        .map(|a| match cached(a) {
            Some(_) => None,
            None => Some(text::tokens(&article_text(a))),
        })
        .collect();
    let mut learned = false;
    for toks in texts.iter().flatten() {
        learned |= aliases.learn_tokens(toks);
    }
    let mut read = 0;
    let features = articles
        .iter()
        .zip(texts.iter_mut())
        .map(|(a, toks)| {
            if !learned && let Some(f) = cached(a) {
                return f;
            }
            read += 1;
            let toks = toks
                .take()
                .unwrap_or_else(|| text::tokens(&article_text(a)));
            Arc::new(anchors::extract_tokens(&toks, aliases))
        })
        .collect();
    (features, read)
}

/// Each article's position, by id.
fn positions(articles: &[Arc<Record>]) -> HashMap<String, usize> {
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect()
}

impl Snapshot {
    /// Groups `articles` (those of the window), learning aliases into `aliases` first.
    pub fn build(
        articles: Vec<Arc<Record>>,
        aliases: &mut Aliases,
        options: &GroupOptions,
        generation: u64,
    ) -> Snapshot {
        Snapshot::build_after(None, articles, aliases, options, generation)
    }

    /// `build`, reading again only the articles `previous` did not read (see `extract_all`).
    pub fn build_after(
        previous: Option<&Snapshot>,
        mut articles: Vec<Arc<Record>>,
        aliases: &mut Aliases,
        options: &GroupOptions,
        generation: u64,
    ) -> Snapshot {
        // A stable order: the same articles always give the same stories.
        articles.sort_by(|a, b| a.published.cmp(&b.published).then(a.id.cmp(&b.id)));
        let (extracted, texts_read) = extract_all(&articles, aliases, previous);
        let docs = read(&articles, &extracted);
        let grouping = group(&docs, options);
        let by_id = positions(&articles);
        Snapshot {
            articles,
            docs: docs.into(),
            extracted,
            read: texts_read,
            grouping,
            by_id,
            generation,
            aliases: aliases.len(),
            learned: Arc::new(aliases.clone()),
            placement: OnceLock::new(),
        }
    }

    /// A snapshot of another instance's `grouping` (see `stored`): it reads the articles
    /// placed later with `learned`, this instance's alias table.
    pub fn served(
        articles: Vec<Arc<Record>>,
        grouping: Grouping,
        learned: Aliases,
        generation: u64,
    ) -> Snapshot {
        let by_id = positions(&articles);
        Snapshot {
            articles,
            docs: Arc::from([]),
            extracted: Vec::new(),
            read: 0,
            grouping,
            by_id,
            generation,
            aliases: 0,
            learned: Arc::new(learned),
            placement: OnceLock::new(),
        }
    }

    fn placement(&self) -> &place::Placement {
        self.placement.get_or_init(|| {
            // A served snapshot (another instance's grouping) has read nothing: read here.
            let docs = if self.docs.len() == self.articles.len() {
                self.docs.clone()
            } else {
                let mut learned = (*self.learned).clone();
                let (extracted, _) = extract_all(&self.articles, &mut learned, None);
                read(&self.articles, &extracted).into()
            };
            place::Placement::new(docs)
        })
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The link between two articles of the snapshot, if they were linked directly.
    pub fn link(&self, a: usize, b: usize) -> Option<&Link> {
        self.grouping.links.get(&(a.min(b), a.max(b)))
    }

    /// Why article `i` is in the story of article `asked`: their direct link, else the bridge
    /// between their languages' stories (what joined those); `None` when they are joined only
    /// through others.
    pub fn why(&self, asked: usize, i: usize) -> Option<Why<'_>> {
        if let Some(link) = self.link(asked, i) {
            return Some(Why {
                link,
                first_is_asked: asked < i,
                bridged: false,
            });
        }
        let (mine, theirs) = (self.grouping.part_of[asked], self.grouping.part_of[i]);
        let link = self
            .grouping
            .bridges
            .get(&(mine.min(theirs), mine.max(theirs)))?;
        Some(Why {
            link,
            first_is_asked: mine < theirs,
            bridged: true,
        })
    }

    /// The other articles of `id`'s story, ranked (direct links first, by score), with what
    /// each shares with it; and the story's coverage by the outlets' countries.
    pub fn story(&self, id: &str) -> Option<RelatedStory> {
        let me = self.index_of(id)?;
        let story = &self.grouping.stories[self.grouping.story_of[me]];
        let direct = |i: usize| {
            self.why(me, i).map(|why| {
                let score = if why.bridged {
                    why.link.score * BRIDGED
                } else {
                    why.link.score
                };
                (score, shown_anchors(why.link, why.first_is_asked))
            })
        };
        Some(RelatedStory {
            id: id.to_string(),
            articles: self.ranked(story, me, direct),
            coverage: self.coverage(story, None),
        })
    }

    /// The story an article outside the grouping (a reader's own feed's) tells, placed among
    /// the window's stories for this answer alone; `None` when it tells none of them.
    pub fn place(&self, article: &Record, options: &GroupOptions) -> Option<RelatedStory> {
        let doc = Doc {
            published: article.published,
            language: article.language,
            features: Arc::new(extract(&article_text(article), &self.learned)),
        };
        let placement = self.placement();
        let links = placement.links(&doc, options);
        let joined = placement.joined(
            doc.language,
            &links,
            &self.grouping.stories,
            &self.grouping.story_of,
        )?;
        let story = &self.grouping.stories[joined];
        let direct = |i: usize| {
            links
                .iter()
                .find(|(j, _)| *j == i)
                .map(|(_, link)| (link.score, shown_anchors(link, true)))
        };
        Some(RelatedStory {
            id: article.id.clone(),
            articles: self.ranked(story, usize::MAX, direct),
            coverage: self.coverage(story, Some(article.country)),
        })
    }

    /// The articles of `story` other than `me`, ranked: those `direct` links to the article
    /// asked about (with its score and what they share) by score, then those linked through
    /// the others, after every direct link. The one ranking of a story's articles.
    fn ranked(
        &self,
        story: &[usize],
        me: usize,
        direct: impl Fn(usize) -> Option<(f32, Vec<String>)>,
    ) -> Vec<RelatedArticle> {
        let mut others: Vec<RelatedArticle> = story
            .iter()
            .filter(|&&i| i != me)
            .map(|&i| {
                let a = &self.articles[i];
                let (score, shared) =
                    direct(i).unwrap_or_else(|| (self.best_link(i, story) * 0.5, Vec::new()));
                RelatedArticle {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    source_id: a.source_id.clone(),
                    source_name: a.source_name.clone(),
                    country: a.country,
                    language: a.language,
                    published: a.published,
                    link: a.link.clone(),
                    score,
                    shared,
                }
            })
            .collect();
        others.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.id.cmp(&y.id)));
        others
    }

    /// Articles of `story` per country, most first (with one more article of `also`'s).
    fn coverage(&self, story: &[usize], also: Option<app::model::Country>) -> Vec<Coverage> {
        let mut coverage: BTreeMap<_, usize> = BTreeMap::new();
        for country in story.iter().map(|&i| self.articles[i].country).chain(also) {
            *coverage.entry(country).or_default() += 1;
        }
        let mut coverage: Vec<Coverage> = coverage
            .into_iter()
            .map(|(country, articles)| Coverage { country, articles })
            .collect();
        coverage.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.country.cmp(&b.country)));
        coverage
    }

    /// Marks each article of a timeline page with how many other languages its story is told
    /// in, and folds into the first card of a story the page's later cards of the same story
    /// (from other outlets), which the card then names.
    pub fn annotate(&self, articles: &mut Vec<Article>) {
        let mut first_of_story: HashMap<usize, usize> = HashMap::new();
        let mut kept: Vec<Article> = Vec::with_capacity(articles.len());
        for mut article in articles.drain(..) {
            let Some(i) = self.index_of(&article.id) else {
                kept.push(article);
                continue;
            };
            let story = self.grouping.story_of[i];
            if self.grouping.stories[story].len() > 1
                && let Some(&at) = first_of_story.get(&story)
                && kept[at].source_id != article.source_id
            {
                kept[at].folded.push(FoldedArticle {
                    id: article.id.clone(),
                    source_id: article.source_id.clone(),
                    source_name: article.source_name.clone(),
                    language: article.language,
                });
                continue;
            }
            article.other_languages = self.other_languages(&article.id);
            first_of_story.entry(story).or_insert(kept.len());
            kept.push(article);
        }
        *articles = kept;
    }

    fn best_link(&self, i: usize, story: &[usize]) -> f32 {
        story
            .iter()
            .filter_map(|&j| self.link(i, j))
            .map(|l| l.score)
            .fold(0.0, f32::max)
    }

    /// How many other languages `id`'s story is told in.
    pub fn other_languages(&self, id: &str) -> usize {
        let Some(me) = self.index_of(id) else {
            return 0;
        };
        let mine = self.articles[me].language;
        let mut seen = Vec::new();
        for &i in &self.grouping.stories[self.grouping.story_of[me]] {
            let l = self.articles[i].language;
            if l != mine && !seen.contains(&l) {
                seen.push(l);
            }
        }
        seen.len()
    }
}

/// The anchors a link shows a reader: how the other article wrote each, strongest first.
pub fn shown_anchors(link: &Link, other_is_b: bool) -> Vec<String> {
    let mut shown: Vec<String> = Vec::new();
    for s in link.shared.iter().take(6) {
        let (_, written) = s.written(other_is_b);
        if !shown.iter().any(|w| w == written) {
            shown.push(written.to_string());
        }
    }
    shown
}

/// The story index the service keeps: rebuilt when the archive has changed since the last
/// build, by one caller at a time.
pub struct StoryIndex {
    options: RelatedOptions,
    /// Serving another instance's grouping (`install`) rather than grouping here.
    following: std::sync::atomic::AtomicBool,
    snapshot: Mutex<Option<Arc<Snapshot>>>,
    aliases: Mutex<Aliases>,
    building: tokio::sync::Mutex<()>,
}

impl StoryIndex {
    pub fn new(options: RelatedOptions) -> StoryIndex {
        StoryIndex {
            options,
            following: std::sync::atomic::AtomicBool::new(false),
            snapshot: Mutex::default(),
            aliases: Mutex::default(),
            building: tokio::sync::Mutex::const_new(()),
        }
    }

    pub fn options(&self) -> &RelatedOptions {
        &self.options
    }

    /// What the index has learned (the alias table), to keep.
    pub fn learned(&self) -> Aliases {
        self.aliases
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Takes back what was learned before a restart; what the stored window teaches again
    /// is added to it at the next grouping.
    pub fn restore_learned(&self, aliases: Aliases) {
        *self.aliases.lock().unwrap_or_else(|p| p.into_inner()) = aliases;
    }

    /// Serves `snapshot` (another instance's grouping, see `stored`) and groups nothing here
    /// until `lead` is called.
    pub fn install(&self, snapshot: Snapshot) {
        self.following
            .store(true, std::sync::atomic::Ordering::Release);
        *self.snapshot.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(snapshot));
    }

    /// Groups here again (this instance leads, or runs alone).
    pub fn lead(&self) {
        self.following
            .store(false, std::sync::atomic::Ordering::Release);
    }

    /// The last snapshot built, if any, without building one.
    pub fn latest(&self) -> Option<Arc<Snapshot>> {
        self.current()
    }

    fn current(&self) -> Option<Arc<Snapshot>> {
        self.snapshot
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The snapshot of `archive` as it is now, built (off the async threads) if it changed.
    pub async fn snapshot(
        self: &Arc<Self>,
        archive: &Arc<crate::store::archive::Archive>,
        now: DateTime<Utc>,
    ) -> Arc<Snapshot> {
        let generation = archive.generation();
        let following = self.following.load(std::sync::atomic::Ordering::Acquire);
        if let Some(s) = self
            .current()
            .filter(|s| following || s.generation == generation)
        {
            return s;
        }
        let _building = self.building.lock().await;
        // Another caller may have built it while this one waited.
        if let Some(s) = self.current().filter(|s| s.generation == generation) {
            return s;
        }
        let articles = archive.since(now - self.options.window);
        let index = self.clone();
        // The last snapshot built here: its articles are not read again.
        let previous = self.current().filter(|_| !following);
        let built = tokio::task::spawn_blocking(move || {
            let mut aliases = index.aliases.lock().unwrap_or_else(|p| p.into_inner());
            Snapshot::build_after(
                previous.as_deref(),
                articles,
                &mut aliases,
                &index.options.group,
                generation,
            )
        })
        .await;
        match built {
            Ok(snapshot) => {
                let snapshot = Arc::new(snapshot);
                *self.snapshot.lock().unwrap_or_else(|p| p.into_inner()) = Some(snapshot.clone());
                tracing::debug!(
                    articles = snapshot.articles.len(),
                    read = snapshot.read,
                    stories = snapshot.grouping.stories.len(),
                    aliases = snapshot.aliases,
                    "stories regrouped"
                );
                snapshot
            }
            Err(e) => {
                tracing::error!("regrouping stories failed: {e}");
                self.current().unwrap_or_else(|| {
                    Arc::new(Snapshot::build(
                        Vec::new(),
                        &mut Aliases::default(),
                        &self.options.group,
                        generation,
                    ))
                })
            }
        }
    }
}
