//! The store on real databases: migrations from an empty file, refusal of files it must not
//! touch, stories kept and replaced, the archive's days and pages, feed state, retention, a
//! full disk, and search in every script the interface speaks (hostile queries included).
//!
//! What both databases must do alike runs twice (`on_both!`): on a new SQLite file, and on a
//! new database in the PostgreSQL cluster `.ci/postgres.sh` starts (`PANORAMA_TEST_POSTGRES`).
//! Without that variable the PostgreSQL half says so and passes, except under CI, where it
//! fails: CI always has the cluster.

use app::model::{Article, Category, Country, Language};
use chrono::{DateTime, Duration, TimeZone, Utc};
use panorama_server::news::search::{Query, QueryError};
use panorama_server::reader::fetch::Validators;
use panorama_server::record::Record;
use panorama_server::store::{
    ArchiveFilter, FeedState, Health, Limits, SearchFilter, Store, StoreError, Write,
};
use std::path::PathBuf;

fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "panorama-store-test-{}-{name}-{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    dir.join("data").join("panorama.db")
}

fn url(path: &std::path::Path) -> String {
    format!("sqlite://{}", path.display())
}

/// A new, empty database in the test cluster, or `None` outside CI without one.
async fn postgres_url() -> Option<String> {
    use sqlx::migrate::MigrateDatabase;
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let Ok(admin) = std::env::var("PANORAMA_TEST_POSTGRES") else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "PANORAMA_TEST_POSTGRES is not set: run the tests through .ci/postgres.sh"
        );
        eprintln!("PANORAMA_TEST_POSTGRES is not set: the PostgreSQL half is skipped here");
        return None;
    };
    let mut url = url::Url::parse(&admin).expect("PANORAMA_TEST_POSTGRES is an address");
    url.set_path(&format!(
        "panorama_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    sqlx::any::install_default_drivers();
    sqlx::Any::create_database(url.as_str()).await.unwrap();
    Some(url.to_string())
}

/// Runs each named test (an `async fn(String)` taking a store's address) on a new SQLite file
/// and on a new PostgreSQL database.
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name(super::url(&super::temp_path(stringify!($name)))).await
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(url) = super::postgres_url().await {
                    super::$name(url).await
                }
            }
        }
    )*};
}

on_both!(
    migrated_and_reopened,
    a_database_from_a_newer_panorama_is_refused,
    chinese_words_of_two_characters_are_found_inside_unspaced_text,
    arabic_is_found_with_or_without_marks_tatweel_and_letter_variants,
    hindi_german_and_french_fold_as_readers_type,
    all_words_are_required_quotes_make_a_phrase_and_words_are_prefixes,
    filters_narrow_and_pages_follow_each_other,
    hostile_queries_are_words_or_nothing_never_an_error,
    a_later_version_replaces_the_story_and_its_search_keys,
    the_archive_counts_days_and_pages_through_one,
    feed_state_and_texts_come_back,
    retention_prunes_stories_texts_days_and_search,
    one_batch_with_two_versions_of_a_story_and_two_stories_in_one_second,
    what_was_learned_is_kept_by_name,
    one_instance_at_a_time_claims_a_feed_and_none_before_it_is_due,
    an_own_feed_is_kept_by_its_id_and_updated_in_place,
    own_stories_are_kept_apart_and_pruned_with_the_rest,
);

async fn an_own_feed_is_kept_by_its_id_and_updated_in_place(url: String) {
    let store = Store::open(&url).await.unwrap();
    assert_eq!(store.own_feed("own-0123456789ab").await.unwrap(), None);
    let mut feed = panorama_server::store::OwnFeedRow {
        id: "own-0123456789ab".into(),
        url: "https://blog.example/feed.xml".into(),
        title: "A blog".into(),
        language: None,
    };
    store.save_own_feed(&feed).await.unwrap();
    assert_eq!(
        store.own_feed(&feed.id).await.unwrap().as_ref(),
        Some(&feed)
    );
    feed.title = "A blog, renamed".into();
    feed.language = Some("de".into());
    store.save_own_feed(&feed).await.unwrap();
    assert_eq!(store.own_feed(&feed.id).await.unwrap(), Some(feed));
}

async fn own_stories_are_kept_apart_and_pruned_with_the_rest(url: String) {
    let store = Store::open(&url).await.unwrap();
    let mut own = story(1, Language::En, Country::WORLD, "Allotment treasurer", "x");
    own.source_id = "own-0123456789ab".into();
    let mut old = story(2, Language::En, Country::WORLD, "Allotment fete", "x");
    old.source_id = own.source_id.clone();
    old.published = at(1, 0);
    store.write(Write::OwnStories(vec![own.clone(), old.clone()]));
    own.title = "Allotment treasurer elected".into();
    store.write(Write::OwnStories(vec![own.clone()]));
    store.flush().await;
    // Read back by id, the later version; never a catalog story, never searched or archived.
    let kept = store.own_story(&own.id).await.unwrap().unwrap();
    assert_eq!(
        (kept.title.as_str(), kept.published),
        (own.title.as_str(), own.published)
    );
    assert_eq!(store.story(&own.id).await.unwrap(), None);
    assert_eq!(found(&store, "allotment").await, Vec::<u32>::new());
    assert!(
        store
            .days(&ArchiveFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
    // Retention takes old own stories with the catalog's.
    store.write(Write::Prune { before: at(5, 0) });
    store.flush().await;
    assert_eq!(store.own_story(&old.id).await.unwrap(), None);
    assert!(store.own_story(&own.id).await.unwrap().is_some());
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 1, day, hour, 0, 0).unwrap()
}

fn story(n: u32, language: Language, country: Country, title: &str, summary: &str) -> Record {
    Record {
        article: Article {
            id: format!("{n:016x}"),
            source_id: format!("src-{}", language.code()),
            source_name: format!("Source {}", language.code()),
            country,
            language,
            categories: vec![],
            title: title.into(),
            link: format!("https://news.example/{n}"),
            published: at(10 + n % 10, n % 24),
            updated: None,
            date_note: None,
            summary: summary.into(),
            image: None,
            also: vec![],
            other_languages: 0,
            folded: vec![],
        },
        summary_html: format!("<p>{summary}</p>"),
        text_keys: vec!["k1".into()],
    }
}

/// Stories in the six languages, each with a word a reader may type another way.
fn corpus() -> Vec<Record> {
    vec![
        story(
            1,
            Language::Zh,
            Country::CN,
            "哈萨克斯坦发生政变",
            "集安组织维和部队抵达阿拉木图。中国表示关注。",
        ),
        story(
            2,
            Language::Zh,
            Country::CN,
            "中国经济数据公布",
            "国家统计局今天公布数据。",
        ),
        story(
            3,
            Language::Ar,
            Country::QA,
            "أمير الْكُوَيْت يزور الدوحة",
            "زيارة رسمية إلى قطر لبحث العلاقات.",
        ),
        story(
            4,
            Language::Ar,
            Country::QA,
            "افتتاح مستشفى جديد في الدوحة",
            "المستشفى الجديد يخدم آلاف المرضى.",
        ),
        story(
            5,
            Language::Hi,
            Country::IN,
            "दिल्ली में भारी बारिश",
            "मौसम विभाग ने चेतावनी जारी की।",
        ),
        story(
            6,
            Language::De,
            Country::DE,
            "Neue Brücke über den Rhein eröffnet",
            "Die Straße bleibt bis Montag gesperrt.",
        ),
        story(
            7,
            Language::Fr,
            Country::CA,
            "L'Élysée répond aux critiques",
            "Le président s'exprime à Québec.",
        ),
        story(
            8,
            Language::En,
            Country::US,
            "Troops arrive in Kazakhstan",
            "The CSTO sent peacekeeping forces to Almaty.",
        ),
        story(
            9,
            Language::En,
            Country::US,
            "Markets rally on peace hopes",
            "Stocks rose as peace talks resumed.",
        ),
    ]
}

async fn filled(url: &str) -> Store {
    let store = Store::open(url).await.unwrap();
    store.write(Write::Stories(corpus()));
    store.flush().await;
    store
}

async fn found(store: &Store, q: &str) -> Vec<u32> {
    found_in(store, q, &SearchFilter::default()).await
}

async fn found_in(store: &Store, q: &str, filter: &SearchFilter) -> Vec<u32> {
    let query = Query::parse(q).unwrap_or_else(|e| panic!("{q:?}: {e}"));
    let (articles, _) = store.search(&query, filter, None, 100).await.unwrap();
    let mut ids: Vec<u32> = articles
        .iter()
        .map(|a| u32::from_str_radix(&a.id, 16).unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

#[tokio::test]
async fn an_empty_file_is_created_with_its_folder_and_migrated_and_reopens() {
    let path = temp_path("empty");
    assert!(!path.parent().unwrap().exists());
    let store = Store::open(&url(&path)).await.unwrap();
    assert!(path.exists(), "the file and its folder are created");
    assert_eq!(store.count().await.unwrap(), 0);
    store.write(Write::Stories(corpus()));
    store.flush().await;
    drop(store);
    // Opening again applies nothing new and keeps what is there.
    let again = Store::open(&url(&path)).await.unwrap();
    assert_eq!(again.count().await.unwrap(), corpus().len() as i64);
    assert_eq!(again.health(), Health::Ok);
}

async fn migrated_and_reopened(url: String) {
    let store = Store::open(&url).await.unwrap();
    assert_eq!(store.count().await.unwrap(), 0);
    store.write(Write::Stories(corpus()));
    store.flush().await;
    drop(store);
    let again = Store::open(&url).await.unwrap();
    assert_eq!(again.count().await.unwrap(), corpus().len() as i64);
    assert_eq!(again.check().await, Health::Ok);
}

#[tokio::test]
async fn a_file_that_is_not_a_database_is_refused_and_left_as_it_is() {
    let path = temp_path("garbage");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage = b"this is a text file, not SQLite, and it must stay so\n".repeat(100);
    std::fs::write(&path, &garbage).unwrap();
    let Err(e) = Store::open(&url(&path)).await else {
        panic!("opened a text file");
    };
    assert!(matches!(e, StoreError::NotADatabase { .. }), "{e}");
    let message = e.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("left as it is"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

async fn a_database_from_a_newer_panorama_is_refused(url: String) {
    let store = Store::open(&url).await.unwrap();
    drop(store);
    // A later version of Panorama applied a migration this one does not know.
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time)
         VALUES (9999, 'from the future', CURRENT_TIMESTAMP, true, $1, 0)",
    )
    .bind(vec![0u8])
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let Err(e) = Store::open(&url).await else {
        panic!("opened a newer schema");
    };
    assert!(
        matches!(e, StoreError::NewerSchema { found: 9999, .. }),
        "{e}"
    );
    assert!(e.to_string().contains("newer Panorama"), "{e}");
}

#[tokio::test]
async fn a_newer_sqlite_file_is_left_as_it_is() {
    let path = temp_path("newer");
    a_database_from_a_newer_panorama_is_refused(url(&path)).await;
    let before = std::fs::read(&path).unwrap();
    assert!(Store::open(&url(&path)).await.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

async fn chinese_words_of_two_characters_are_found_inside_unspaced_text(url: String) {
    let store = filled(&url).await;
    assert_eq!(found(&store, "政变").await, [1]);
    assert_eq!(found(&store, "中国").await, [1, 2], "title or summary");
    assert_eq!(found(&store, "斯坦").await, [1]);
    assert_eq!(found(&store, "维和部队").await, [1]);
    assert_eq!(
        found(&store, "变政").await,
        Vec::<u32>::new(),
        "order matters"
    );
}

async fn arabic_is_found_with_or_without_marks_tatweel_and_letter_variants(url: String) {
    let store = filled(&url).await;
    for q in ["الكويت", "الْكُوَيْت", "الكـــويت", "كويت", "أمير", "امير"]
    {
        assert_eq!(found(&store, q).await, [3], "{q}");
    }
    // Taa marbuta and haa; alef maqsura and yaa.
    for q in ["الدوحة", "الدوحه", "دوحة"] {
        assert_eq!(found(&store, q).await, [3, 4], "{q}");
    }
    assert_eq!(found(&store, "مستشفي").await, [4]);
}

async fn hindi_german_and_french_fold_as_readers_type(url: String) {
    let store = filled(&url).await;
    assert_eq!(found(&store, "दिल्ली").await, [5]);
    assert_eq!(found(&store, "बारिश").await, [5]);
    for q in ["Brücke", "brucke", "BRÜCKE", "Strasse", "straße"] {
        assert_eq!(found(&store, q).await, [6], "{q}");
    }
    for q in ["Élysée", "elysee", "ELYSEE", "quebec", "Québec"] {
        assert_eq!(found(&store, q).await, [7], "{q}");
    }
}

async fn all_words_are_required_quotes_make_a_phrase_and_words_are_prefixes(url: String) {
    let store = filled(&url).await;
    assert_eq!(
        found(&store, "peace").await,
        [8, 9],
        "peacekeeping begins with peace"
    );
    assert_eq!(found(&store, "peace talks").await, [9]);
    assert_eq!(found(&store, "\"peace talks\"").await, [9]);
    assert_eq!(found(&store, "\"talks peace\"").await, Vec::<u32>::new());
    assert_eq!(found(&store, "kazakh").await, [8]);
    assert_eq!(found(&store, "CSTO almaty").await, [8]);
    assert_eq!(found(&store, "csto nonsenseword").await, Vec::<u32>::new());
}

async fn filters_narrow_and_pages_follow_each_other(url: String) {
    let store = filled(&url).await;
    let qatar = SearchFilter {
        country: Some(Country::QA),
        ..Default::default()
    };
    assert_eq!(found_in(&store, "الدوحة", &qatar).await, [3, 4]);
    let german = SearchFilter {
        language: Some(Language::De),
        ..Default::default()
    };
    assert_eq!(found_in(&store, "peace", &german).await, Vec::<u32>::new());
    let day = at(18, 0).date_naive();
    let on_day = SearchFilter {
        from: Some(day),
        to: Some(day),
        ..Default::default()
    };
    assert_eq!(found_in(&store, "peace", &on_day).await, [8]);
    let sports = SearchFilter {
        category: Some(Category::Sports),
        ..Default::default()
    };
    assert_eq!(found_in(&store, "peace", &sports).await, Vec::<u32>::new());

    // One per page, newest first, no story twice.
    let query = Query::parse("الدوحة").unwrap();
    let (first, cursor) = store
        .search(&query, &SearchFilter::default(), None, 1)
        .await
        .unwrap();
    let (second, end) = store
        .search(&query, &SearchFilter::default(), cursor, 1)
        .await
        .unwrap();
    assert_eq!((first.len(), second.len()), (1, 1));
    assert!(first[0].published > second[0].published);
    assert!(cursor.is_some() && end.is_none());
}

async fn hostile_queries_are_words_or_nothing_never_an_error(url: String) {
    let store = filled(&url).await;
    let long = "x".repeat(5000);
    for q in [
        "\"",
        "\"\"",
        "*",
        "NEAR(peace talks)",
        "^peace",
        "title:peace",
        "peace OR markets",
        "peace AND NOT markets",
        "a\0b",
        "🙂 peace 🙂",
        "'; DROP TABLE stories; --",
        "((((",
        "-peace",
        long.as_str(),
        "!!!",
    ] {
        match Query::parse(q) {
            Ok(query) => {
                let result = store
                    .search(&query, &SearchFilter::default(), None, 10)
                    .await;
                assert!(result.is_ok(), "{q:?}: {:?}", result.err());
            }
            Err(e) => assert!(
                matches!(e, QueryError::Empty | QueryError::TooLong),
                "{q:?}: {e}"
            ),
        }
    }
    // `OR` is a word like any other: both words are required.
    assert_eq!(found(&store, "peace OR markets").await, Vec::<u32>::new());
    assert_eq!(store.count().await.unwrap(), corpus().len() as i64);
}

async fn a_later_version_replaces_the_story_and_its_search_keys(url: String) {
    let store = filled(&url).await;
    let mut v2 = corpus().remove(7);
    v2.title = "Troops leave Kazakhstan".into();
    v2.updated = Some(v2.published + Duration::hours(2));
    v2.categories = vec![Category::International];
    store.write(Write::Stories(vec![v2.clone()]));
    // An older version arriving later changes nothing.
    store.write(Write::Stories(vec![corpus().remove(7)]));
    store.flush().await;
    let kept = store.story(&v2.id).await.unwrap().unwrap();
    assert_eq!(kept.title, "Troops leave Kazakhstan");
    assert_eq!(kept.summary_html, v2.summary_html);
    assert_eq!(kept.text_keys, v2.text_keys);
    assert_eq!(found(&store, "leave").await, [8]);
    assert_eq!(found(&store, "arrive").await, Vec::<u32>::new());
    let international = SearchFilter {
        category: Some(Category::International),
        ..Default::default()
    };
    assert_eq!(found_in(&store, "troops", &international).await, [8]);
    assert_eq!(store.count().await.unwrap(), corpus().len() as i64);
}

async fn the_archive_counts_days_and_pages_through_one(url: String) {
    let store = Store::open(&url).await.unwrap();
    let day: Vec<Record> = (0..25)
        .map(|i| {
            let mut a = story(100 + i, Language::En, Country::US, "Day story", "x");
            a.published = at(20, 0) + Duration::minutes(i64::from(i) * 10);
            a
        })
        .collect();
    store.write(Write::Stories(day));
    store.write(Write::Stories(corpus()));
    store.flush().await;
    let days = store.days(&ArchiveFilter::default()).await.unwrap();
    assert_eq!(days[0].day, at(20, 0).date_naive());
    assert_eq!(days[0].count, 25);
    let total: usize = days.iter().map(|d| d.count).sum();
    assert_eq!(total, 25 + corpus().len());
    let arabic = ArchiveFilter {
        language: Some(Language::Ar),
        ..Default::default()
    };
    let ar_days = store.days(&arabic).await.unwrap();
    assert_eq!(ar_days.iter().map(|d| d.count).sum::<usize>(), 2);

    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let (page, next) = store
            .day(
                at(20, 0).date_naive(),
                &ArchiveFilter::default(),
                cursor,
                10,
            )
            .await
            .unwrap();
        seen.extend(page.into_iter().map(|a| a.published));
        match next {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(seen.len(), 25);
    assert!(seen.windows(2).all(|w| w[0] > w[1]), "newest first");
}

async fn feed_state_and_texts_come_back(url: String) {
    let store = filled(&url).await;
    let state = FeedState {
        url: "http://127.0.0.1:9/feed.xml".into(),
        source_id: "src-en".into(),
        validators: Validators {
            etag: Some("\"v7\"".into()),
            last_modified: Some("Mon, 17 Jan 2022 11:21:53 GMT".into()),
        },
        fetched_at: Some(at(17, 11)),
        error: Some("fetch: HTTP 503".into()),
        trouble: app::model::Trouble::Server,
        failures: 2,
        retry_at: Some(at(17, 12)),
        newest: Some(at(18, 8)),
        items: vec![format!("{:016x}", 9), format!("{:016x}", 8)],
        due_at: Some(at(17, 12) + Duration::milliseconds(250)),
    };
    store.write(Write::Feed(state.clone()));
    store.write(Write::Text {
        id: format!("{:016x}", 8),
        html: "<p>Full story</p>".into(),
    });
    store.flush().await;
    let feeds = store.feeds().await.unwrap();
    assert_eq!(feeds.len(), 1);
    assert_eq!(feeds[0].state, state);
    let titles: Vec<&str> = feeds[0].articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Markets rally on peace hopes",
            "Troops arrive in Kazakhstan"
        ]
    );
    assert_eq!(
        store
            .story_text(&format!("{:016x}", 8))
            .await
            .unwrap()
            .as_deref(),
        Some("<p>Full story</p>")
    );
}

async fn retention_prunes_stories_texts_days_and_search(url: String) {
    let store = filled(&url).await;
    store.write(Write::Text {
        id: format!("{:016x}", 1),
        html: "<p>old</p>".into(),
    });
    // Stories 1..=9 are on January 11 to 19: keep from the 15th on.
    store.write(Write::Prune { before: at(15, 0) });
    store.flush().await;
    assert_eq!(found(&store, "政变").await, Vec::<u32>::new());
    assert!(store.story(&format!("{:016x}", 1)).await.unwrap().is_none());
    assert!(
        store
            .story_text(&format!("{:016x}", 1))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(found(&store, "peace").await, [8, 9]);
    let days = store.days(&ArchiveFilter::default()).await.unwrap();
    assert!(
        days.iter().all(|d| d.day >= at(15, 0).date_naive()),
        "{days:?}"
    );
    assert_eq!(
        days.iter().map(|d| d.count).sum::<usize>() as i64,
        store.count().await.unwrap()
    );
}

#[tokio::test]
async fn a_full_disk_degrades_the_store_and_reads_go_on() {
    let path = temp_path("full");
    // Create and fill a little first, then reopen with no room to grow.
    let store = Store::open(&url(&path)).await.unwrap();
    store.write(Write::Stories(corpus()));
    store.flush().await;
    drop(store);
    let pool = sqlx::SqlitePool::connect(&url(&path)).await.unwrap();
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let pages = pages as u64 + 2;
    let store = Store::open_with(
        &url(&path),
        Limits {
            max_pages: Some(pages),
        },
    )
    .await
    .unwrap();
    let big: Vec<Record> = (0..2000)
        .map(|i| {
            story(
                1000 + i,
                Language::En,
                Country::US,
                &format!("Story number {i} with a long title to take room"),
                &"Filler text that takes room on the disk. ".repeat(20),
            )
        })
        .collect();
    store.write(Write::Stories(big));
    store.flush().await;
    assert_eq!(store.health(), Health::Degraded);
    // What was there is still served.
    assert_eq!(found(&store, "政变").await, [1]);
    assert_eq!(store.count().await.unwrap(), corpus().len() as i64);
}

async fn one_batch_with_two_versions_of_a_story_and_two_stories_in_one_second(url: String) {
    let store = Store::open(&url).await.unwrap();
    let first = story(0x10, Language::En, Country::US, "First version", "x");
    let mut second = first.clone();
    second.title = "Second version".into();
    second.updated = Some(first.published + Duration::minutes(5));
    // Same second, same low 16 bits of the id: the same time key.
    let mut twin = story(0x10, Language::En, Country::US, "Twin story", "y");
    twin.article.id = "ffff000000000010".into();
    store.write(Write::Stories(vec![first.clone(), second, twin]));
    store.flush().await;
    assert_eq!(store.health(), Health::Ok);
    assert_eq!(store.count().await.unwrap(), 2);
    assert_eq!(
        store.story(&first.id).await.unwrap().unwrap().title,
        "Second version"
    );
    assert_eq!(found(&store, "second").await, [0x10]);
    assert_eq!(found(&store, "first").await, Vec::<u32>::new());
    let twin = Query::parse("twin").unwrap();
    let (hits, _) = store
        .search(&twin, &SearchFilter::default(), None, 10)
        .await
        .unwrap();
    assert_eq!(hits[0].id, "ffff000000000010");
    let days = store.days(&ArchiveFilter::default()).await.unwrap();
    assert_eq!(days.iter().map(|d| d.count).sum::<usize>(), 2);
}

async fn what_was_learned_is_kept_by_name(url: String) {
    let store = Store::open(&url).await.unwrap();
    assert_eq!(store.learned("related.aliases").await.unwrap(), None);
    for value in ["{\"v\":1}", "{\"v\":2}"] {
        store.write(Write::Learned {
            name: "related.aliases",
            value: value.into(),
        });
    }
    store.flush().await;
    assert_eq!(
        store.learned("related.aliases").await.unwrap().as_deref(),
        Some("{\"v\":2}")
    );
}

/// A database left at each earlier schema version opens, is migrated, and keeps its stories.
#[tokio::test]
async fn databases_of_every_earlier_version_are_migrated_and_keep_their_stories() {
    let source = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"));
    let all = sqlx::migrate::Migrator::new(source).await.unwrap();
    let latest = all.migrations.len();
    assert!(latest >= 2);
    for version in 1..latest {
        let path = temp_path(&format!("v{version}"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true);
        let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
        let mut earlier = sqlx::migrate::Migrator::new(source).await.unwrap();
        earlier.migrations = std::borrow::Cow::Owned(all.migrations[..version].to_vec());
        earlier.run(&pool).await.unwrap();
        // A story as version 1 wrote it.
        let kept = corpus().remove(0);
        let seq = 1_641_800_000_i64 * 65_536;
        sqlx::query(
            "INSERT INTO stories (seq, id, source_id, country, language, categories, published,
                 day, version, article, summary_html, text_keys)
             VALUES ($1, $2, 'src-zh', 'CN', 'zh', ',', 1641800000, '2022-01-10', 1641800000, $3, '', '[]')",
        )
        .bind(seq)
        .bind(&kept.id)
        .bind(serde_json::to_string(&kept.article).unwrap())
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query("INSERT INTO story_search (rowid, keys) VALUES ($1, $2)")
            .bind(seq)
            .bind(panorama_server::news::search::keys::index_keys(&kept.title))
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;

        let store = Store::open(&url(&path)).await.unwrap();
        assert_eq!(
            store.story(&kept.id).await.unwrap().unwrap().title,
            kept.title
        );
        assert_eq!(found(&store, "政变").await, [1], "from version {version}");
        // The later versions' tables are there.
        store.write(Write::Learned {
            name: "related.aliases",
            value: "{}".into(),
        });
        store.flush().await;
        assert_eq!(store.health(), Health::Ok, "from version {version}");
    }
}

/// Two instances on one store: the lease goes to one claimant at a time, the feed is not due
/// again before its time, the other instance gets the fetch from the store, and a lease left
/// by a dead instance runs out.
async fn one_instance_at_a_time_claims_a_feed_and_none_before_it_is_due(url: String) {
    use panorama_server::store::Claim;
    use std::time::Duration as StdDuration;
    let a = Store::open(&url).await.unwrap();
    let b = Store::open(&url).await.unwrap();
    let feed = "http://127.0.0.1:9/a.xml";
    let lease = StdDuration::from_secs(30);
    assert!(matches!(
        a.claim(feed, "src-en", "a", lease, None).await.unwrap(),
        Claim::Fetch
    ));
    assert_eq!(a.leases_held("a").await.unwrap(), 1);
    match b.claim(feed, "src-en", "b", lease, None).await.unwrap() {
        Claim::Taken {
            leased: true,
            stored: None,
            ..
        } => {}
        other => panic!("b claimed a leased feed: {other:?}"),
    }
    // a fetched: its stories and the feed's state (which ends the lease) are written.
    let now = Utc::now();
    a.write(Write::Stories(corpus()));
    a.write(Write::Feed(FeedState {
        url: feed.into(),
        source_id: "src-en".into(),
        fetched_at: Some(now),
        items: vec![format!("{:016x}", 9), format!("{:016x}", 8)],
        due_at: Some(now + Duration::seconds(600)),
        ..Default::default()
    }));
    a.flush().await;
    assert_eq!(a.leases_held("a").await.unwrap(), 0);
    match b.claim(feed, "src-en", "b", lease, None).await.unwrap() {
        Claim::Taken {
            leased: false,
            due_at: Some(due),
            stored: Some(stored),
        } => {
            assert!(
                (due - (now + Duration::seconds(600)))
                    .num_milliseconds()
                    .abs()
                    < 2
            );
            assert_eq!(stored.articles.len(), 2, "b serves what a fetched");
        }
        other => panic!("b claimed a feed that is not due: {other:?}"),
    }
    // b holds a's fetch already: nothing to read again.
    match b
        .claim(feed, "src-en", "b", lease, Some(now))
        .await
        .unwrap()
    {
        Claim::Taken { stored: None, .. } => {}
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        a.claim(feed, "src-en", "a", lease, None).await.unwrap(),
        Claim::Taken { .. }
    ));
    // Due again: exactly one of many instances claiming at once gets it.
    a.write(Write::Feed(FeedState {
        url: feed.into(),
        source_id: "src-en".into(),
        fetched_at: Some(now),
        due_at: Some(now - Duration::seconds(1)),
        ..Default::default()
    }));
    a.flush().await;
    let claims = futures::future::join_all((0..12).map(|i| {
        let store = if i % 2 == 0 { a.clone() } else { b.clone() };
        async move {
            store
                .claim(feed, "src-en", &format!("instance-{i}"), lease, None)
                .await
                .unwrap()
        }
    }))
    .await;
    let winners = claims.iter().filter(|c| matches!(c, Claim::Fetch)).count();
    assert_eq!(winners, 1, "{claims:?}");
    // A dead instance's lease runs out, and another takes the feed over.
    let other = "http://127.0.0.1:9/b.xml";
    assert!(matches!(
        a.claim(other, "src-en", "dead", StdDuration::from_millis(50), None)
            .await
            .unwrap(),
        Claim::Fetch
    ));
    assert!(matches!(
        b.claim(other, "src-en", "b", lease, None).await.unwrap(),
        Claim::Taken { leased: true, .. }
    ));
    tokio::time::sleep(StdDuration::from_millis(120)).await;
    assert!(matches!(
        b.claim(other, "src-en", "b", lease, None).await.unwrap(),
        Claim::Fetch
    ));
}
