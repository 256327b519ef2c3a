//! More Related News across languages on real news: prints figures, asserts nothing.
//!
//! The set is the WMT news translation test sets (newstest2021, and WMT24's news documents):
//! real articles of many outlets with professional translations, in English, German, French,
//! Chinese and Hindi (no Arabic), a document in every language it is given in being one story.
//! `server/benches/prepare_wmt.py` writes it from checkouts of the WMT organisers'
//! repositories (see there for the commits and the terms); it is read from
//! `PANORAMA_RELATED_WMT`, else `target/related-wmt.jsonl`, never kept in the repository.
//!
//!     cargo bench -p server --bench related_wmt
//!
//! Prints pairwise precision, recall and F1 across languages (the figure this set is for:
//! stories of one season sharing Biden, COVID or Brexit must not join) and within one
//! (every labelled pair is across languages here, so within a language only wrong pairs can
//! be counted), the largest story, the time of a full grouping, and the wrongly joined stories'
//! evidence. Every article is given the same day, so time never separates stories. A
//! translation keeps every name and number, so recall is an upper bound of what independent
//! reports in two languages would give.

mod real_sets;

use real_sets::{Pairs, RUNS, grouped, labels, load, records, stories_of};
use std::collections::HashMap;

fn main() {
    let path = std::env::var("PANORAMA_RELATED_WMT").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../target/related-wmt.jsonl").to_string()
    });
    let Some(items) = load(&path) else {
        println!(
            "related_wmt: no set at {path} (write it with server/benches/prepare_wmt.py, or set \
             PANORAMA_RELATED_WMT); nothing measured"
        );
        return;
    };
    let articles = records(&items);
    let label = labels(&items);
    let (snapshot, took) = grouped(&articles);
    let of = stories_of(&snapshot, &label);
    let story_of = &snapshot.grouping.story_of;
    let event: HashMap<&str, &str> = items
        .iter()
        .map(|i| (i.id.as_str(), i.event.as_deref().unwrap_or(&i.story)))
        .collect();
    let events = stories_of(&snapshot, &event);
    let (mut across, mut within) = (Pairs::default(), Pairs::default());
    let (mut across_events, mut within_events) = (Pairs::default(), Pairs::default());
    for i in 0..of.len() {
        for j in i + 1..of.len() {
            let (a, b) = (&snapshot.articles[i], &snapshot.articles[j]);
            let (pairs, by_event) = if a.language == b.language {
                (&mut within, &mut within_events)
            } else {
                (&mut across, &mut across_events)
            };
            pairs.add(of[i] == of[j], story_of[i] == story_of[j]);
            by_event.add(events[i] == events[j], story_of[i] == story_of[j]);
        }
    }
    let mut languages: HashMap<&str, usize> = HashMap::new();
    for a in &snapshot.articles {
        *languages.entry(a.language.code()).or_default() += 1;
    }
    let mut languages: Vec<_> = languages.into_iter().collect();
    languages.sort();
    let stories = &snapshot.grouping.stories;
    let largest = stories.iter().map(Vec::len).max().unwrap_or(0);
    let labelled = {
        let mut s = of.clone();
        s.sort_unstable();
        s.dedup();
        s.len()
    };
    println!(
        "WMT news test sets ({} articles {languages:?}, {labelled} labelled stories):",
        articles.len()
    );
    println!("  across languages, by document: {}", across.line());
    println!(
        "  within a language, by document: {} pairs wrongly joined (none is labelled)",
        within.wrong
    );
    println!(
        "  by event (documents read as reporting one event are one story, prepare_wmt.py): \
         across languages {}; within a language {} pairs wrongly joined, {} right",
        across_events.line(),
        within_events.wrong,
        within_events.right
    );
    println!(
        "  {} stories of two or more, the largest {largest} articles (largest labelled: 4); \
         full grouping {:.0} ms (median of {RUNS})",
        stories.iter().filter(|s| s.len() > 1).count(),
        took.as_secs_f64() * 1000.0
    );

    // Stories holding more than one labelled story, by the headline of each (the English one
    // where there is one): what a reader would see joined.
    let mut mixed: Vec<Vec<String>> = stories
        .iter()
        .filter_map(|story| {
            let mut by_label: Vec<(&str, &str)> = Vec::new();
            for &i in story {
                let a = &snapshot.articles[i];
                match by_label.iter_mut().find(|(l, _)| *l == of[i]) {
                    Some(entry) if a.language.code() == "en" => entry.1 = &a.title,
                    Some(_) => {}
                    None => by_label.push((of[i], &a.title)),
                }
            }
            (by_label.len() > 1).then(|| {
                by_label
                    .iter()
                    .map(|(_, t)| t.chars().take(70).collect())
                    .collect()
            })
        })
        .collect();
    mixed.sort_by_key(|m| std::cmp::Reverse(m.len()));
    println!(
        "  {} stories join two labelled stories or more:",
        mixed.len()
    );
    for m in &mixed {
        println!("    {}", m.join(" | "));
    }

    // What joined two labelled stories: the bridges between parts of different labels.
    let mut wrong: Vec<_> = snapshot
        .grouping
        .bridges
        .iter()
        .filter(|((p, q), _)| {
            let first = |part: usize| {
                snapshot
                    .grouping
                    .part_of
                    .iter()
                    .position(|&x| x == part)
                    .expect("a part has an article")
            };
            of[first(*p)] != of[first(*q)]
        })
        .map(|(_, link)| link)
        .collect();
    wrong.sort_by(|x, y| y.score.total_cmp(&x.score));
    println!("  {} wrong bridges across languages", wrong.len());
    for link in wrong.iter().take(10) {
        let shared: Vec<String> = link
            .shared
            .iter()
            .map(|s| format!("{} ({} / {})", s.key, s.a, s.b))
            .collect();
        println!("    score {:.1}: {}", link.score, shared.join(", "));
    }
}
