//! More Related News on real news with people's labels: prints figures, asserts nothing.
//!
//! The set is ECB+ (Cybulska & Vossen, LREC 2014; annotations CC BY 3.0, the texts their
//! outlets'): 982 English articles of 86 stories, two near-miss stories per topic (two rehab
//! check-ins, two Oscar hosts). It is read from the shared development folder, never copied
//! into the repository (`PANORAMA_RELATED_DEV`, else `../shared/related-dev/articles.jsonl`
//! beside the checkout). English only: it measures grouping within one language.
//!
//!     cargo bench -p server --bench related_real
//!
//! Prints pairwise precision, recall and F1 (every pair of articles: one story or not, found
//! and labelled), the largest story found, the time of a full grouping, and the time to place
//! one article afterwards (as a reader's own feed's story is placed). Dates are ignored (half
//! the set has none): every article is given the same day, so time never separates stories.

mod real_sets;

use chrono::Duration;
use panorama_server::news::related::{Aliases, GroupOptions, Snapshot};
use panorama_server::record::Record;
use real_sets::{Pairs, RUNS, grouped, labels, load, records, stories_of};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let path = std::env::var("PANORAMA_RELATED_DEV").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/related-dev/articles.jsonl"
        )
        .to_string()
    });
    let Some(items) = load(&path) else {
        println!("related_real: no set at {path} (set PANORAMA_RELATED_DEV); nothing measured");
        return;
    };
    let articles = records(&items);
    let label = labels(&items);
    let options = GroupOptions::default();
    let (snapshot, took) = grouped(&articles);
    let of = stories_of(&snapshot, &label);
    let story_of = &snapshot.grouping.story_of;
    let mut pairs = Pairs::default();
    for i in 0..of.len() {
        for j in i + 1..of.len() {
            pairs.add(of[i] == of[j], story_of[i] == story_of[j]);
        }
    }
    let stories = &snapshot.grouping.stories;
    let largest = stories.iter().map(Vec::len).max().unwrap_or(0);
    let several = stories.iter().filter(|s| s.len() > 1).count();
    println!(
        "ECB+ ({} articles, {} labelled stories), dates ignored:",
        articles.len(),
        {
            let mut s: Vec<&str> = of.clone();
            s.sort_unstable();
            s.dedup();
            s.len()
        }
    );
    println!("  pairwise {}", pairs.line());
    println!(
        "  {several} stories of two or more, the largest {largest} articles; \
         {} links; full grouping {:.0} ms (median of {RUNS})",
        snapshot.grouping.links.len(),
        took.as_secs_f64() * 1000.0
    );
    // The largest stories found, by the labels of their articles: where grouping merges.
    let mut by_size: Vec<&Vec<usize>> = stories.iter().collect();
    by_size.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for story in by_size.iter().take(3) {
        let mut labels: HashMap<&str, usize> = HashMap::new();
        for &i in story.iter() {
            *labels.entry(of[i]).or_default() += 1;
        }
        let mut labels: Vec<_> = labels.into_iter().collect();
        labels.sort_by_key(|(l, n)| (std::cmp::Reverse(*n), *l));
        println!("  a story of {}: {labels:?}", story.len());
    }

    // Speed at a busy window's size: the set twice, the copy four days later (so the copies
    // are separate stories), about 2,000 real-length articles.
    let twice: Vec<Arc<Record>> = articles
        .iter()
        .cloned()
        .chain(articles.iter().map(|a| {
            let mut copy = (**a).clone();
            copy.id = format!("c{}", &a.id[1..]);
            copy.published += Duration::days(4);
            Arc::new(copy)
        }))
        .collect();
    let (doubled, took) = grouped(&twice);
    println!(
        "  full grouping of {} articles (the set and a copy four days later): {:.0} ms (median of {RUNS}), {} stories of two or more",
        twice.len(),
        took.as_secs_f64() * 1000.0,
        doubled
            .grouping
            .stories
            .iter()
            .filter(|s| s.len() > 1)
            .count()
    );

    // Placing: every tenth article left out of the grouping, then placed one by one.
    let (placed, kept): (Vec<_>, Vec<_>) = articles
        .iter()
        .cloned()
        .enumerate()
        .partition(|(i, _)| i % 10 == 0);
    let kept: Vec<Arc<Record>> = kept.into_iter().map(|(_, a)| a).collect();
    let snapshot = Snapshot::build(kept, &mut Aliases::default(), &options, 0);
    // The first placing makes the placement index; it is timed apart.
    let started = Instant::now();
    let _ = snapshot.place(&placed[0].1, &options);
    let first = started.elapsed();
    let (mut joined, mut right) = (0usize, 0usize);
    let started = Instant::now();
    for (_, article) in &placed {
        if let Some(story) = snapshot.place(article, &options) {
            joined += 1;
            let mine = label[article.link.as_str()];
            let same = story
                .articles
                .iter()
                .filter(|r| label[r.link.as_str()] == mine)
                .count();
            if same * 2 > story.articles.len() {
                right += 1;
            }
        }
    }
    let each = started.elapsed().as_secs_f64() * 1000.0 / placed.len() as f64;
    println!(
        "  placing {} articles afterwards: {joined} joined a story, {right} mostly their own; \
         {each:.2} ms each (the first {:.0} ms, making the index)",
        placed.len(),
        first.as_secs_f64() * 1000.0
    );
}
