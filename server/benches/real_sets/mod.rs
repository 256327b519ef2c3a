//! Real labelled news sets, read as the grouping reads articles: shared by the benchmarks
//! that measure More Related News on them (`related_real`, `related_wmt`). Each compiles it
//! apart and uses a part of it.
#![allow(dead_code)]

use app::model::{Article, Country, Language};
use chrono::{DateTime, Duration, Utc};
use panorama_server::news::related::{Aliases, GroupOptions, Snapshot};
use panorama_server::record::Record;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

/// Each full grouping is timed this many times, and the median printed: one run on a shared
/// machine varies by a third.
pub const RUNS: usize = 5;

/// What `f` makes, and the median time it took over `runs` runs.
pub fn median_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (T, std::time::Duration) {
    let mut times = Vec::with_capacity(runs);
    let mut made = None;
    for _ in 0..runs {
        let started = Instant::now();
        let this = f();
        times.push(started.elapsed());
        // The run before is dropped here, outside the time: freeing a snapshot is not grouping.
        made = Some(this);
    }
    times.sort_unstable();
    (made.expect("one run at least"), times[runs / 2])
}

/// One labelled article (the format of `../shared/related-dev/articles.jsonl`).
#[derive(serde::Deserialize)]
pub struct Item {
    pub id: String,
    #[serde(rename = "lang")]
    pub language: Language,
    pub title: String,
    pub text: String,
    pub source: Option<String>,
    pub story: String,
    /// The event, where a set says that several stories report one (see `prepare_wmt.py`).
    pub event: Option<String>,
    /// An unlabelled article of another time (`prepare_saudi.py`): no link between it and an
    /// article of the labelled set can be right; links among such articles are not judged.
    #[serde(default)]
    pub distractor: bool,
}

/// The set at `path`, or `None` when it is not there.
pub fn load(path: &str) -> Option<Vec<Item>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("a record of the set"))
            .collect(),
    )
}

/// The items as the archive's records, all published on one day (a second apart): time never
/// separates stories. Each record's `link` is its item's id.
pub fn records(items: &[Item]) -> Vec<Arc<Record>> {
    let day = DateTime::parse_from_rfc3339("2013-06-13T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            // Articles without an outlet each count as their own.
            let source = item.source.clone().unwrap_or_else(|| item.id.clone());
            Arc::new(Record {
                article: Article {
                    id: format!("{n:016x}"),
                    source_id: source.clone(),
                    source_name: source,
                    country: Country::US,
                    language: item.language,
                    categories: Vec::new(),
                    title: item.title.clone(),
                    link: item.id.clone(),
                    published: day + Duration::seconds(n as i64),
                    updated: None,
                    date_note: None,
                    summary: item.text.clone(),
                    image: None,
                    also: Vec::new(),
                    other_languages: 0,
                    folded: Vec::new(),
                },
                summary_html: String::new(),
                text_keys: Vec::new(),
            })
        })
        .collect()
}

/// Each item's story, by its id (its record's `link`).
pub fn labels(items: &[Item]) -> HashMap<&str, &str> {
    items
        .iter()
        .map(|i| (i.id.as_str(), i.story.as_str()))
        .collect()
}

/// `articles` grouped with the default options, and the median time of a full grouping.
pub fn grouped(articles: &[Arc<Record>]) -> (Snapshot, std::time::Duration) {
    let options = GroupOptions::default();
    median_of(RUNS, || {
        Snapshot::build(articles.to_vec(), &mut Aliases::default(), &options, 0)
    })
}

/// The time of a regrouping of `articles` after a grouping of all but the `new` latest (median
/// of `RUNS`): what the server does as articles arrive. With how many texts it read.
pub fn regrouped(articles: &[Arc<Record>], new: usize) -> (usize, std::time::Duration) {
    let options = GroupOptions::default();
    let mut sorted = articles.to_vec();
    sorted.sort_by_key(|a| a.published);
    let mut aliases = Aliases::default();
    let before = Snapshot::build(
        sorted[..sorted.len().saturating_sub(new)].to_vec(),
        &mut aliases,
        &options,
        0,
    );
    let (after, took) = median_of(RUNS, || {
        let mut aliases = aliases.clone();
        Snapshot::build_after(Some(&before), sorted.clone(), &mut aliases, &options, 1)
    });
    (after.read, took)
}

/// The story of each of the snapshot's articles, in its order.
pub fn stories_of<'a>(snapshot: &Snapshot, label: &HashMap<&str, &'a str>) -> Vec<&'a str> {
    snapshot
        .articles
        .iter()
        .map(|a| label[a.link.as_str()])
        .collect()
}

/// Pairs of articles counted: one story by the labels and by the grouping (right), by the
/// grouping only (wrong), by the labels only (missed).
#[derive(Default, Clone, Copy)]
pub struct Pairs {
    pub right: u64,
    pub wrong: u64,
    pub missed: u64,
}

impl Pairs {
    pub fn add(&mut self, labelled: bool, grouped: bool) {
        match (labelled, grouped) {
            (true, true) => self.right += 1,
            (false, true) => self.wrong += 1,
            (true, false) => self.missed += 1,
            (false, false) => {}
        }
    }

    /// "precision P, recall R, F1 F (n pairs right, n wrong, n missed)".
    pub fn line(&self) -> String {
        let precision = self.right as f64 / (self.right + self.wrong).max(1) as f64;
        let recall = self.right as f64 / (self.right + self.missed).max(1) as f64;
        let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
        format!(
            "precision {precision:.3}, recall {recall:.3}, F1 {f1:.3} \
             ({} pairs right, {} wrong, {} missed)",
            self.right, self.wrong, self.missed
        )
    }
}
