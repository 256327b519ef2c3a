//! `panorama inspect-story`: one article's story as More Related News groups it, with why each
//! article was linked, so a wrong link can be understood and fixed.

use crate::news::related::Snapshot;
use crate::service::NewsService;
use serde::Serialize;
use std::sync::Arc;

#[derive(Serialize)]
pub struct StoryReport {
    pub query: String,
    /// How much the index held when it grouped.
    pub indexed_articles: usize,
    pub stories: usize,
    pub aliases_learned: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<Linked>,
    /// The other articles of its story, strongest link first.
    pub story: Vec<Linked>,
}

#[derive(Serialize)]
pub struct Linked {
    pub id: String,
    pub title: String,
    pub source: String,
    pub country: String,
    pub language: String,
    pub published: String,
    pub link: String,
    /// The score of its direct link to the article asked about, or of the bridge between
    /// their languages' stories (`bridged`), if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
    /// `shared` and `score` are the bridge that joined its language's story to the asked
    /// article's, not a link between the two articles.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bridged: bool,
    /// Without a link or bridge: the article of the story it is linked to most strongly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<String>,
    /// The anchors the link rests on: the key, how each side wrote it, its weight.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<SharedAnchor>,
    /// Word similarity (cosine), for two articles in one language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<f32>,
}

#[derive(Serialize)]
pub struct SharedAnchor {
    pub anchor: String,
    pub here: String,
    pub there: String,
    pub weight: f32,
}

/// Reads every feed of the service's catalog, groups, and reports the story of the article
/// whose id or original address is `query`.
pub async fn inspect_story(service: &Arc<NewsService>, query: &str) -> StoryReport {
    service.read_catalog().await;
    let snapshot = service.related_snapshot().await;
    let mut report = StoryReport {
        query: query.to_string(),
        indexed_articles: snapshot.articles.len(),
        stories: snapshot
            .grouping
            .stories
            .iter()
            .filter(|s| s.len() > 1)
            .count(),
        aliases_learned: snapshot.aliases,
        error: None,
        article: None,
        story: Vec::new(),
    };
    let Some(me) = find(&snapshot, query) else {
        report.error = Some(format!(
            "inspect: no article with the id or address {query} among the {} indexed (the index keeps the last {} hours; PANORAMA_RELATED_WINDOW_HOURS)",
            snapshot.articles.len(),
            service.related_options().window.num_hours()
        ));
        return report;
    };
    report.article = Some(linked(&snapshot, me, me));
    // In the order More Related News ranks them: one ranking, `Snapshot::story`.
    let ranked = snapshot
        .story(&snapshot.articles[me].id)
        .map(|s| s.articles)
        .unwrap_or_default();
    report.story = ranked
        .iter()
        .filter_map(|r| snapshot.index_of(&r.id))
        .map(|i| linked(&snapshot, me, i))
        .collect();
    report
}

fn find(snapshot: &Snapshot, query: &str) -> Option<usize> {
    let query = query.trim();
    if let Some(i) = snapshot.index_of(&query.to_ascii_lowercase()) {
        return Some(i);
    }
    // An original address, compared as the pipeline keeps links: without tracking parameters.
    let wanted = url::Url::parse(query)
        .ok()
        .map(crate::reader::normalize::strip_tracking)
        .map(|u| u.to_string())?;
    snapshot.articles.iter().position(|a| a.link == wanted)
}

fn linked(snapshot: &Snapshot, me: usize, i: usize) -> Linked {
    let a = &snapshot.articles[i];
    let why = (me != i).then(|| snapshot.why(me, i)).flatten();
    let through = (me != i && why.is_none())
        .then(|| {
            snapshot.grouping.stories[snapshot.grouping.story_of[i]]
                .iter()
                .filter(|&&j| j != i)
                .filter_map(|&j| snapshot.link(i, j).map(|l| (j, l.score)))
                .max_by(|x, y| x.1.total_cmp(&y.1))
                .map(|(j, _)| snapshot.articles[j].id.clone())
        })
        .flatten();
    Linked {
        id: a.id.clone(),
        title: a.title.clone(),
        source: a.source_name.clone(),
        country: a.country.code().to_string(),
        language: a.language.code().to_string(),
        published: a.published.to_rfc3339(),
        link: a.link.clone(),
        score: why.as_ref().map(|w| w.link.score),
        bridged: why.as_ref().is_some_and(|w| w.bridged),
        through,
        shared: why
            .as_ref()
            .map(|w| {
                w.link
                    .shared
                    .iter()
                    .map(|s| {
                        let (here, there) = s.written(w.first_is_asked);
                        SharedAnchor {
                            anchor: s.key.clone(),
                            here: here.to_string(),
                            there: there.to_string(),
                            weight: s.weight,
                        }
                    })
                    .collect()
            })
            .unwrap_or_default(),
        words: why.and_then(|w| w.link.words),
    }
}
