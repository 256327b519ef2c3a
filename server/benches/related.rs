//! Criterion benchmark of a full regrouping of More Related News over 2,000 articles: the
//! labelled set's 151 articles (six languages) fourteen times over, each copy four days after
//! the last so the copies are separate stories, as a 72-hour window of busy outlets would
//! hold; and of placing one more article among them afterwards (a reader's own feed's story,
//! `Snapshot::place`), without regrouping. The labelled set's articles are short (a title and
//! a summary): `related_real` times the same on real-length articles.
//!
//!     cargo bench -p server --bench related

use app::model::{Article, Country, Language};
use chrono::{DateTime, Duration, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use panorama_server::news::related::{Aliases, GroupOptions, Snapshot};
use panorama_server::record::Record;
use std::hint::black_box;
use std::sync::Arc;

const COPIES: i64 = 14;

fn articles() -> Vec<Arc<Record>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/related/stories.json");
    let set: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json");
    let outlets = &set["outlets"];
    let mut items: Vec<&serde_json::Value> = Vec::new();
    for story in set["stories"].as_array().expect("stories") {
        items.extend(story["articles"].as_array().expect("articles"));
    }
    items.extend(set["distractors"].as_array().expect("distractors"));
    let mut out = Vec::new();
    for copy in 0..COPIES {
        for (n, item) in items.iter().enumerate() {
            let outlet = item[0].as_str().expect("outlet");
            let info = &outlets[outlet];
            let published = DateTime::parse_from_rfc3339(item[1].as_str().expect("time"))
                .expect("time")
                .with_timezone(&Utc)
                + Duration::days(4 * copy);
            out.push(Arc::new(Record {
                article: Article {
                    id: format!("{copy:02}{n:014}"),
                    source_id: outlet.to_string(),
                    source_name: info[0].as_str().expect("name").to_string(),
                    country: Country::from_code(info[1].as_str().expect("country"))
                        .expect("country"),
                    language: Language::from_code(info[2].as_str().expect("language"))
                        .expect("language"),
                    categories: Vec::new(),
                    title: item[2].as_str().expect("title").to_string(),
                    link: format!("https://{outlet}.example/{copy}/{n}"),
                    published,
                    updated: None,
                    date_note: None,
                    summary: item[3].as_str().expect("summary").to_string(),
                    image: None,
                    also: Vec::new(),
                    other_languages: 0,
                    folded: Vec::new(),
                },
                summary_html: format!("<p>{}</p>", item[3].as_str().expect("summary")),
                text_keys: Vec::new(),
            }));
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    let articles = articles();
    let options = GroupOptions::default();
    let mut group = c.benchmark_group("related");
    group.sample_size(20);
    group.bench_function(format!("regroup_{}_articles", articles.len()), |b| {
        b.iter(|| {
            // From nothing learned, as after a restart: the whole work of one regrouping.
            let mut aliases = Aliases::default();
            let snapshot = Snapshot::build(black_box(articles.clone()), &mut aliases, &options, 0);
            black_box(snapshot.grouping.stories.len());
        })
    });
    let snapshot = Snapshot::build(articles.clone(), &mut Aliases::default(), &options, 0);
    // A copy of one article, an hour later: it joins the story of the one it copies.
    let mut one = (*articles[3]).clone();
    one.id = "ffffffffffffffff".into();
    one.published += Duration::hours(1);
    let _ = snapshot.place(&one, &options);
    group.bench_function(format!("place_1_among_{}", articles.len()), |b| {
        b.iter(|| black_box(snapshot.place(black_box(&one), &options)))
    });
    group.finish();
}

criterion_group!(related, benches);
criterion_main!(related);
