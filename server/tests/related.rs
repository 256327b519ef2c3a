//! More Related News on a labelled multilingual set (`testdata/related/stories.json`): its
//! outlets' feeds are served from 127.0.0.1, Panorama reads the whole catalog as its
//! background walk does, groups, and the stories it finds are compared with the labels.

use app::model::{Language, RelatedStory};
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use panorama_server::catalog::Catalog;
use panorama_server::news::related::{GroupOptions, RelatedOptions};
use panorama_server::reader::fetch::{FetchLimits, Fetcher};
use panorama_server::service::{NewsService, ServiceOptions};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

#[derive(Deserialize)]
struct Set {
    outlets: BTreeMap<String, (String, String, String)>,
    stories: Vec<Story>,
    distractors: Vec<Item>,
}

#[derive(Deserialize)]
struct Story {
    id: String,
    articles: Vec<Item>,
}

/// `[outlet, published, title, summary]`
#[derive(Deserialize, Clone)]
struct Item(String, String, String, String);

fn set() -> Set {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/related/stories.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Each outlet's feed (RSS 2.0), and each item's link with its label (a story id, or the
/// distractor's own).
fn feeds(set: &Set) -> (HashMap<String, String>, HashMap<String, String>) {
    let mut items: BTreeMap<&str, Vec<(String, &Item)>> = BTreeMap::new();
    let mut labels = HashMap::new();
    let labelled = set
        .stories
        .iter()
        .flat_map(|s| {
            s.articles
                .iter()
                .enumerate()
                .map(move |(n, a)| (format!("{}-{n}", s.id), a))
        })
        .chain(
            set.distractors
                .iter()
                .enumerate()
                .map(|(n, a)| (format!("distractor-{n}"), a)),
        );
    for (key, item) in labelled {
        let link = format!("https://{}.example/news/{key}", item.0);
        let label = key.rsplit_once('-').map(|(s, _)| s).unwrap_or(&key);
        let label = if label == "distractor" {
            key.clone()
        } else {
            label.to_string()
        };
        labels.insert(link, label);
        items.entry(item.0.as_str()).or_default().push((key, item));
    }
    let mut out = HashMap::new();
    for (outlet, list) in items {
        let mut xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>{outlet}</title><link>https://{outlet}.example/</link><description>fixture</description>"
        );
        for (key, Item(_, published, title, summary)) in list {
            let date = chrono::DateTime::parse_from_rfc3339(published)
                .unwrap()
                .to_rfc2822();
            xml.push_str(&format!(
                "<item><title>{}</title><link>https://{outlet}.example/news/{key}</link><guid>{key}</guid><pubDate>{date}</pubDate><description>{}</description></item>",
                escape(title),
                escape(summary)
            ));
        }
        xml.push_str("</channel></rss>");
        out.insert(outlet.to_string(), xml);
    }
    (out, labels)
}

async fn feed(
    Path(name): Path<String>,
    State(feeds): State<Arc<HashMap<String, String>>>,
) -> impl IntoResponse {
    match feeds.get(name.trim_end_matches(".xml")) {
        Some(xml) => (
            [(header::CONTENT_TYPE, "application/rss+xml; charset=utf-8")],
            xml.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn serve(feeds: HashMap<String, String>) -> String {
    let app = Router::new()
        .route("/related/{name}", get(feed))
        .with_state(Arc::new(feeds));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn catalog(set: &Set, base: &str) -> Catalog {
    Catalog::parse(&catalog_text(set, base), "related fixture catalog").unwrap()
}

fn catalog_text(set: &Set, base: &str) -> String {
    let mut toml = String::from(
        "countries = [\"IN\", \"US\", \"QA\", \"DE\", \"CN\", \"CA\", \"WORLD\"]\nlanguages = [\"en\", \"hi\", \"ar\", \"de\", \"zh\", \"fr\"]\ncategories = [\"national\"]\n",
    );
    for (id, (name, country, language)) in &set.outlets {
        toml.push_str(&format!(
            "\n[[source]]\nid = \"{id}\"\nname = \"{name}\"\ncountry = \"{country}\"\nlanguage = \"{language}\"\nhomepage = \"https://{id}.example/\"\n[source.feeds]\ntop = \"{base}/related/{id}.xml\"\n"
        ));
    }
    toml
}

async fn service() -> (Arc<NewsService>, HashMap<String, String>) {
    let set = set();
    let (feeds, labels) = feeds(&set);
    let base = serve(feeds).await;
    let options = ServiceOptions {
        related: RelatedOptions {
            // The set is from January 2022.
            window: chrono::Duration::days(365 * 100),
            group: GroupOptions::default(),
        },
        ..ServiceOptions::default()
    };
    let service = NewsService::new(
        catalog(&set, &base),
        Fetcher::new(FetchLimits::default()).unwrap(),
        options,
        panorama_server::store::Store::temporary().await.unwrap(),
    );
    service.read_catalog().await;
    (service, labels)
}

#[tokio::test]
async fn stories_are_found_across_languages_with_high_precision_and_recall() {
    let (service, labels) = service().await;
    let snapshot = service.related_snapshot().await;
    let label_of: Vec<&str> = snapshot
        .articles
        .iter()
        .map(|a| {
            labels
                .get(&a.link)
                .map(String::as_str)
                .expect("every article is labelled")
        })
        .collect();
    assert_eq!(
        label_of.len(),
        labels.len(),
        "every fixture article is indexed"
    );

    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let (mut cross_tp, mut cross_true) = (0usize, 0usize);
    let mut wrong = Vec::new();
    let story_of = &snapshot.grouping.story_of;
    for i in 0..label_of.len() {
        for j in i + 1..label_of.len() {
            let truth = label_of[i] == label_of[j];
            let found = story_of[i] == story_of[j];
            let cross = snapshot.articles[i].language != snapshot.articles[j].language;
            match (truth, found) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    let why = snapshot
                        .link(i, j)
                        .map_or("through others".to_string(), |l| {
                            format!(
                                "{:.1}: {:?} words {:?}",
                                l.score,
                                l.shared.iter().map(|s| &s.key).collect::<Vec<_>>(),
                                l.words
                            )
                        });
                    wrong.push(format!(
                        "  linked, not one story: {} | {} ({why})",
                        snapshot.articles[i].title, snapshot.articles[j].title
                    ));
                }
                (true, false) => {
                    fn_ += 1;
                    wrong.push(format!(
                        "  missed: {} | {}",
                        snapshot.articles[i].title, snapshot.articles[j].title
                    ));
                }
                (false, false) => {}
            }
            if truth && cross {
                cross_true += 1;
                if found {
                    cross_tp += 1;
                }
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let stories = snapshot
        .grouping
        .stories
        .iter()
        .filter(|s| s.len() > 1)
        .count();
    println!(
        "related news on {} articles: pairwise precision {precision:.3}, recall {recall:.3} \
         ({tp} pairs right, {fp} wrong, {fn_} missed); across languages {cross_tp} of {cross_true} \
         pairs found; {stories} stories of two or more; {} aliases learned",
        label_of.len(),
        snapshot.aliases
    );
    for w in &wrong {
        println!("{w}");
    }
    assert!(precision >= 0.90, "precision {precision:.3}");
    assert!(recall >= 0.80, "recall {recall:.3}");
}

#[tokio::test]
async fn the_chinese_voa_report_finds_the_english_ap_explainer_and_why() {
    let (service, labels) = service().await;
    let snapshot = service.related_snapshot().await;
    let voa = snapshot
        .articles
        .iter()
        .find(|a| a.source_id == "voa-zh" && labels[&a.link] == "csto-kazakhstan")
        .unwrap();
    let story: RelatedStory = service.related_story(&voa.id).await.unwrap();
    let ap = story
        .articles
        .iter()
        .find(|a| a.source_id == "ap-en")
        .expect("the AP explainer is in the VOA report's story");
    assert_eq!(ap.language, Language::En);
    assert!(
        ap.title
            .starts_with("Explainer: Why China did not send troops")
    );
    assert!(!ap.shared.is_empty(), "a direct link says what it shares");
    // Every article of the story is labelled with it: nothing from the other Kazakhstan
    // stories of that fortnight.
    for a in &story.articles {
        assert_eq!(labels[&a.link], "csto-kazakhstan", "{}", a.title);
    }
    assert!(story.coverage.iter().map(|c| c.articles).sum::<usize>() >= 4);
    // The article page carries the same story, so the browser need not ask apart.
    assert_eq!(service.article_page(&voa.id).await.unwrap().related, story);

    assert_eq!(
        service.related_story("0123456789abcdef").await.unwrap_err(),
        app::api::AppError::NotFound
    );
}

#[tokio::test]
async fn a_timeline_folds_one_storys_cards_and_says_in_how_many_other_languages() {
    let (service, labels) = service().await;
    service.related_snapshot().await;
    let sources = ["voa-zh", "ap-en", "dw-de", "al-jazeera-ar", "france24-fr"];
    let page = service
        .timeline_page(app::model::TimelineQuery {
            sources: sources.iter().map(|s| s.to_string()).collect(),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    let in_timeline: Vec<_> = page
        .articles
        .iter()
        .filter(|a| labels[&a.link] == "csto-kazakhstan")
        .collect();
    // The lead source's report may stand in its "Top" strip, which is not folded; the others'
    // reports are one card in the timeline, naming the rest.
    assert_eq!(
        in_timeline.len(),
        1,
        "{:?}",
        in_timeline.iter().map(|c| &c.title).collect::<Vec<_>>()
    );
    let card = in_timeline[0];
    let in_top = page
        .top
        .iter()
        .filter(|a| labels[&a.link] == "csto-kazakhstan")
        .count();
    assert_eq!(card.folded.len() + in_top + 1, 5, "{:?}", card.folded);
    assert_eq!(card.other_languages, 4, "zh, en, de, ar and fr tell it");
}

#[tokio::test]
async fn inspect_story_prints_each_linked_article_and_why() {
    let set = set();
    let (feeds, labels) = feeds(&set);
    let base = serve(feeds).await;
    let dir = std::env::temp_dir().join(format!("panorama-inspect-story-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let catalog = dir.join("catalog.toml");
    std::fs::write(&catalog, catalog_text(&set, &base)).unwrap();
    // The VOA report, by its address at the outlet (with a tracking parameter, as shared).
    let voa = "https://voa-zh.example/news/csto-kazakhstan-0?utm_source=share";
    let run = |query: &'static str| {
        let catalog = catalog.clone();
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_panorama"))
                .args(["inspect-story", query])
                .env("PANORAMA_CATALOG", &catalog)
                .env("PANORAMA_RELATED_WINDOW_HOURS", "1000000")
                .env("RUST_LOG", "error")
                .output()
                .unwrap()
        })
    };
    let out = run(voa).await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["article"]["source"], "Voice of America");
    let story = report["story"].as_array().unwrap();
    assert_eq!(story.len(), 4, "{report:#}");
    for linked in story {
        assert_eq!(
            labels[linked["link"].as_str().unwrap()],
            "csto-kazakhstan",
            "{linked:#}"
        );
    }
    let ap = story
        .iter()
        .find(|l| l["source"] == "Associated Press")
        .unwrap();
    let anchors: Vec<&str> = ap["shared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["anchor"].as_str().unwrap())
        .collect();
    assert!(
        anchors.contains(&"a:csto") && anchors.contains(&"n:TKF"),
        "{ap:#}"
    );
    let csto = ap["shared"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["anchor"] == "a:csto")
        .unwrap();
    assert_eq!(csto["here"], "CSTO");
    assert_eq!(csto["there"], "CSTO");
    let tokayev = ap["shared"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["anchor"] == "n:TKF")
        .unwrap();
    assert_eq!(
        (tokayev["here"].as_str(), tokayev["there"].as_str()),
        (Some("Tokayev"), Some("Tokayev"))
    );

    let missing = run("https://nowhere.example/story").await.unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(!missing.status.success());
    let report: serde_json::Value = serde_json::from_slice(&missing.stdout).unwrap();
    assert!(
        report["error"]
            .as_str()
            .unwrap()
            .starts_with("inspect: no article"),
        "{report:#}"
    );
}

/// A regrouping reads only the articles the last grouping had not read, and finds the stories
/// a grouping from scratch finds.
#[tokio::test]
async fn a_regrouping_reads_only_new_articles_and_finds_the_same_stories() {
    use panorama_server::news::related::{Aliases, Snapshot};
    let (service, _) = service().await;
    let whole = service.related_snapshot().await;
    let options = GroupOptions::default();
    let all = whole.articles.clone();
    let older = all[..all.len() - 20].to_vec();
    let mut aliases = Aliases::default();
    let first = Snapshot::build(older.clone(), &mut aliases, &options, 0);
    assert_eq!(first.read, older.len());
    let then = Snapshot::build_after(Some(&first), all.clone(), &mut aliases, &options, 1);
    let fresh = Snapshot::build(all.clone(), &mut Aliases::default(), &options, 1);
    fn stories(s: &Snapshot) -> Vec<Vec<&str>> {
        let mut stories: Vec<Vec<&str>> = s
            .grouping
            .stories
            .iter()
            .map(|story| {
                let mut ids: Vec<&str> = story.iter().map(|&i| s.articles[i].id.as_str()).collect();
                ids.sort_unstable();
                ids
            })
            .collect();
        stories.sort_unstable();
        stories
    }
    assert_eq!(stories(&then), stories(&fresh));
    // Nothing new: nothing read, the same stories.
    let again = Snapshot::build_after(Some(&then), all.clone(), &mut aliases, &options, 2);
    assert_eq!(again.read, 0);
    assert_eq!(stories(&again), stories(&fresh));
    // An article's record replaced (its feed updated it): that one is read again.
    let mut changed = all.clone();
    changed[0] = Arc::new((*changed[0]).clone());
    let updated = Snapshot::build_after(Some(&again), changed, &mut aliases, &options, 3);
    assert_eq!(updated.read, 1);
}

/// An article the grouping never saw (a reader's own feed's) is placed where the grouping
/// would have put it: a quarter of the labelled articles, left out of a grouping of the
/// others and placed among its stories one by one, each joins a story mostly of its own
/// label, or none.
#[tokio::test]
async fn an_article_placed_afterwards_joins_the_story_it_tells() {
    use panorama_server::news::related::{Aliases, Snapshot};
    let (service, labels) = service().await;
    let whole = service.related_snapshot().await;
    let options = GroupOptions::default();
    let label = |link: &str| labels[link].as_str();
    let (placed, kept): (Vec<_>, Vec<_>) = whole
        .articles
        .iter()
        .cloned()
        .enumerate()
        .partition(|(i, _)| i % 4 == 0);
    let kept: Vec<_> = kept.into_iter().map(|(_, a)| a).collect();
    let snapshot = Snapshot::build(kept.clone(), &mut Aliases::default(), &options, 0);
    let stories = snapshot.grouping.stories.len();
    let (mut joined, mut right, mut could) = (0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    for (_, article) in &placed {
        let mine = label(&article.link);
        could += usize::from(kept.iter().any(|a| label(&a.link) == mine));
        let Some(story) = snapshot.place(article, &options) else {
            continue;
        };
        joined += 1;
        let found: Vec<&str> = story.articles.iter().map(|r| label(&r.link)).collect();
        if found.iter().filter(|l| **l == mine).count() * 2 > found.len() {
            right += 1;
        } else {
            wrong.push(format!("  {} ({mine}) → {found:?}", article.title));
        }
    }
    assert_eq!(
        snapshot.grouping.stories.len(),
        stories,
        "placing changes nothing"
    );
    println!(
        "placed {} articles: {joined} joined a story, {right} their own; {could} had one to join",
        placed.len()
    );
    for w in &wrong {
        println!("{w}");
    }
    assert!(
        right as f64 >= 0.95 * joined as f64,
        "{right} of {joined} right"
    );
    // Into a story told only in other languages an article goes on two shared names at
    // least, as the grouping joins two languages' stories: short articles sometimes have one.
    assert!(
        joined as f64 >= 0.75 * could as f64,
        "{joined} joined of {could} that could"
    );
}
