//! Three instances of the real binary on one PostgreSQL (the cluster `.ci/postgres.sh` starts)
//! read fixture feeds on 127.0.0.1 that log every request. Readers ask all three at once for a
//! timeline. Each feed must be fetched once per time to live by the fleet as a whole; one
//! instance is killed (SIGKILL) mid-run and its feeds are taken over; no reader request to a
//! live instance fails; the survivors serve the same timeline; and one instance groups More
//! Related News (the leader), the others serve its grouping, and a survivor takes over. And a database that goes
//! away (a relay between is cut) is reported, waited for, and rejoined without a restart.

use axum::Router;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;
use common::Panorama;

const TTL: Duration = Duration::from_secs(2);
const LEASE_SECS: &str = "3";
const SOURCES: [&str; 4] = ["alpha", "beta", "gamma", "delta"];

/// Every request each feed got, by when, and whether the feeds still change.
#[derive(Clone, Default)]
struct Outlets {
    requests: Arc<Mutex<HashMap<String, Vec<Instant>>>>,
    fetches: Arc<AtomicUsize>,
    /// Once set, every feed answers its last version and 304 to its ETag.
    frozen: Arc<AtomicBool>,
}

async fn feed(
    State(outlets): State<Outlets>,
    UrlPath(name): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let n = {
        let mut requests = outlets.requests.lock().unwrap();
        let seen = requests.entry(name.clone()).or_default();
        seen.push(Instant::now());
        seen.len()
    };
    outlets.fetches.fetch_add(1, Ordering::SeqCst);
    // While the run goes on, each fetch brings a new story; frozen, the feed stands still.
    let version = if outlets.frozen.load(Ordering::SeqCst) {
        0
    } else {
        n
    };
    let etag = format!("\"{name}-{version}\"");
    if version == 0
        && headers
            .get(header::IF_NONE_MATCH)
            .is_some_and(|v| v == &etag)
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let body = rss(&name, version);
    (
        [
            (header::CONTENT_TYPE, "application/rss+xml".to_string()),
            (header::ETAG, etag),
        ],
        body,
    )
        .into_response()
}

/// Words no two filler stories share, so they stay stories of one article each.
const WORDS: [&str; 48] = [
    "harbour",
    "violin",
    "glacier",
    "orchard",
    "tram",
    "pottery",
    "lighthouse",
    "beekeeping",
    "marathon",
    "telescope",
    "vineyard",
    "bakery",
    "canal",
    "quarry",
    "falconry",
    "origami",
    "bridge",
    "tapestry",
    "volcano",
    "library",
    "ferry",
    "chess",
    "saffron",
    "lantern",
    "mosaic",
    "tunnel",
    "cathedral",
    "meadow",
    "sawmill",
    "archery",
    "compass",
    "windmill",
    "pearl",
    "kayak",
    "observatory",
    "granary",
    "carnival",
    "opera",
    "reservoir",
    "bicycle",
    "fossil",
    "thimble",
    "monastery",
    "zeppelin",
    "aquarium",
    "tundra",
    "cider",
    "kiln",
];

/// A feed: a bulletin that changes with `version`, the one story every outlet tells (in its
/// own words), and stories of its own.
fn rss(name: &str, version: usize) -> String {
    let date = |minutes: i64| (Utc::now() - chrono::Duration::minutes(minutes)).to_rfc2822();
    let item = |title: &str, guid: &str, text: &str, minutes: i64| {
        format!(
            "<item><title>{title}</title><link>https://{name}.example/{guid}</link>\
             <guid>{guid}</guid><pubDate>{}</pubDate><description>{text}</description></item>",
            date(minutes)
        )
    };
    let n = SOURCES.iter().position(|s| *s == name).unwrap_or(0);
    let mut items = item(
        &format!("{name} bulletin {version}"),
        &format!("{name}-bulletin-{version}"),
        &format!("Bulletin {version} from the {name} desk."),
        20,
    );
    // Each outlet in its own words (identical texts would be one wire story, not related).
    let told = [
        "Kazakhstan's President Kassym-Jomart Tokayev asked the CSTO for help; Russian \
         paratroopers landed in Almaty.",
        "Russian paratroopers of the CSTO arrived in Almaty after Tokayev's request, as unrest \
         over fuel prices spread across Kazakhstan.",
        "Tokayev called in CSTO forces; the first troops reached Almaty airport on Thursday, \
         Kazakhstan's government said.",
        "CSTO peacekeepers led by Russia are in Almaty, Kazakhstan, at President Tokayev's \
         invitation.",
    ];
    items += &item(
        &format!("CSTO troops arrive in Almaty after Tokayev appeals ({name})"),
        &format!("{name}-csto"),
        told[n % told.len()],
        30,
    );
    for i in 0..6 {
        let words = &WORDS[(n * 12 + i * 2) % WORDS.len()..][..2];
        items += &item(
            &format!("The {} and the {}", words[0], words[1]),
            &format!("{name}-own-{i}"),
            &format!("A report on the {} and the {}.", words[0], words[1]),
            40 + i as i64,
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>{name}\
         </title><link>https://{name}.example/</link>{items}</channel></rss>"
    )
}

async fn start_outlets() -> (Outlets, String) {
    let outlets = Outlets::default();
    let app = Router::new()
        .route("/{name}", get(feed))
        .with_state(outlets.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (outlets, base)
}

fn write_catalog(dir: &Path, base: &str) -> PathBuf {
    let mut toml = String::from("countries = [\"WORLD\"]\nlanguages = [\"en\"]\ncategories = []\n");
    for name in SOURCES {
        toml.push_str(&format!(
            "\n[[source]]\nid = \"{name}\"\nname = \"{name}\"\ncountry = \"WORLD\"\nlanguage = \"en\"\n\
             homepage = \"https://{name}.example\"\n[source.feeds]\ntop = \"{base}/{name}\"\n"
        ));
    }
    let path = dir.join("catalog.toml");
    std::fs::write(&path, toml).unwrap();
    path
}

/// A new database in the test cluster, or `None` outside CI without one.
async fn database() -> Option<String> {
    use sqlx::migrate::MigrateDatabase;
    let Ok(admin) = std::env::var("PANORAMA_TEST_POSTGRES") else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "PANORAMA_TEST_POSTGRES is not set: run the tests through .ci/postgres.sh"
        );
        eprintln!("PANORAMA_TEST_POSTGRES is not set: the fleet test is skipped here");
        return None;
    };
    let mut url = url::Url::parse(&admin).unwrap();
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    url.set_path(&format!(
        "panorama_fleet_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    ));
    sqlx::any::install_default_drivers();
    sqlx::Any::create_database(url.as_str()).await.unwrap();
    Some(url.to_string())
}

/// One instance of the fleet, named `name`, on the shared catalog and database.
fn spawn(dir: &Path, catalog: &Path, database: &str, name: &str) -> Panorama {
    common::spawn(
        dir,
        &[
            ("PANORAMA_CATALOG", catalog.display().to_string()),
            ("PANORAMA_DATABASE_URL", database.to_string()),
            ("PANORAMA_INSTANCE", name.to_string()),
            ("PANORAMA_FEED_TTL_SECS", TTL.as_secs().to_string()),
            ("PANORAMA_FEED_LEASE_SECS", LEASE_SECS.to_string()),
            ("PANORAMA_REFRESH_EVERY_SECS", "1".into()),
            ("PANORAMA_DEADLINE_MS", "1500".into()),
            ("PANORAMA_RELATED_EVERY_SECS", "2".into()),
        ],
    )
}

fn timeline_url(base: &str) -> String {
    format!("{base}/api/timeline?sources={}", SOURCES.join(","))
}

/// The stories of a timeline answer by id, those folded into another's card included.
fn story_ids(page: &Value) -> Vec<String> {
    let mut ids: Vec<String> = page["top"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(page["articles"].as_array().into_iter().flatten())
        .flat_map(|a| {
            std::iter::once(&a["id"]).chain(
                a["folded"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|f| &f["id"]),
            )
        })
        .filter_map(|id| id.as_str().map(str::to_owned))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

async fn get_json(client: &reqwest::Client, url: String) -> Value {
    let text = client.get(&url).send().await.unwrap().text().await.unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{url}: {e}: {text}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_instances_fetch_each_feed_once_per_ttl_and_survive_losing_one() {
    let Some(database) = database().await else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("panorama-fleet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (outlets, base) = start_outlets().await;
    let catalog = write_catalog(&dir, &base);
    // Started together: the migrations run once, under PostgreSQL's advisory lock.
    let mut fleet: Vec<Panorama> = ["one", "two", "three"]
        .iter()
        .map(|name| spawn(&dir, &catalog, &database, name))
        .collect();
    for instance in &mut fleet {
        instance.ready(Duration::from_secs(60)).await;
    }
    let bases: Vec<String> = fleet.iter().map(|i| i.base.clone()).collect();

    // Readers on all three, until told to stop; instance one stops being asked when killed.
    let stop = Arc::new(AtomicBool::new(false));
    let killed = Arc::new(AtomicBool::new(false));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let answered = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..6)
        .map(|r| {
            let (stop, killed, failures, answered, bases) = (
                stop.clone(),
                killed.clone(),
                failures.clone(),
                answered.clone(),
                bases.clone(),
            );
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                let mut n = r;
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    let target = n % 3;
                    if target == 0 && killed.load(Ordering::SeqCst) {
                        continue;
                    }
                    let url = timeline_url(&bases[target]);
                    match client.get(&url).send().await {
                        Ok(response) if response.status().is_success() => {
                            answered.fetch_add(1, Ordering::SeqCst);
                        }
                        // A request already on its way to the killed instance may fail.
                        _ if target == 0 && killed.load(Ordering::SeqCst) => {}
                        Ok(response) => failures
                            .lock()
                            .unwrap()
                            .push(format!("{url}: {}", response.status())),
                        Err(e) => failures.lock().unwrap().push(format!("{url}: {e}")),
                    }
                    tokio::time::sleep(Duration::from_millis(40)).await;
                }
            })
        })
        .collect();

    tokio::time::sleep(Duration::from_secs(5)).await;
    let one = fleet.remove(0);
    killed.store(true, Ordering::SeqCst);
    Command::new("kill")
        .args(["-KILL", &one.child.id().to_string()])
        .status()
        .unwrap();
    let killed_at = Instant::now();
    drop(one);
    tokio::time::sleep(Duration::from_secs(7)).await;
    stop.store(true, Ordering::SeqCst);
    for reader in readers {
        reader.await.unwrap();
    }
    let failures = failures.lock().unwrap().clone();
    assert!(failures.is_empty(), "readers saw failures: {failures:?}");
    assert!(answered.load(Ordering::SeqCst) > 100);

    // Once per TTL by the whole fleet: no two requests for a feed closer than the TTL (less
    // the moment between a fetch's request and its end), and the survivors took over.
    let requests = outlets.requests.lock().unwrap().clone();
    for name in SOURCES {
        let times = requests.get(name).cloned().unwrap_or_default();
        assert!(times.len() >= 4, "{name} fetched {} times", times.len());
        for pair in times.windows(2) {
            let gap = pair[1] - pair[0];
            assert!(
                gap >= TTL - Duration::from_millis(250),
                "{name} fetched twice within {gap:?}: {:?}",
                times
                    .iter()
                    .map(|t| t.duration_since(times[0]))
                    .collect::<Vec<_>>()
            );
        }
        assert!(
            times.iter().any(|t| *t > killed_at + TTL),
            "{name} was not fetched after instance one died"
        );
    }

    // The feeds stand still now: once every instance has taken the last fetch, the
    // survivors serve the same timeline.
    outlets.frozen.store(true, Ordering::SeqCst);
    tokio::time::sleep(TTL * 2 + Duration::from_millis(500)).await;
    let client = reqwest::Client::new();
    let mut pages = Vec::new();
    for base in &bases[1..] {
        let page = get_json(&client, timeline_url(base)).await;
        pages.push(story_ids(&page));
    }
    assert!(!pages[0].is_empty());
    assert_eq!(pages[0], pages[1], "the survivors disagree");

    // One survivor groups More Related News; the other serves its grouping. Both regroup or
    // look every two seconds, so the follower may stand one grouping behind at any moment
    // (its look can fall just before each of the leader's writes): what holds is that it
    // catches up with the grouping the leader had when first asked, or a later one.
    let survivors = &bases[1..];
    let started = Instant::now();
    let (mut roles, mut groupings) = (Vec::new(), Vec::new());
    let mut target: Option<chrono::DateTime<chrono::FixedOffset>> = None;
    let mut caught_up = false;
    while started.elapsed() < Duration::from_secs(20) {
        roles.clear();
        groupings.clear();
        for base in survivors {
            let health = get_json(&client, format!("{base}/healthz")).await;
            roles.push(health["grouping"].as_str().unwrap_or_default().to_owned());
            groupings.push(
                health["last_grouping"]
                    .as_str()
                    .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok()),
            );
        }
        if let Some(leader) = roles.iter().position(|r| r == "leader")
            && roles.iter().filter(|r| *r == "leader").count() == 1
            && let Some(made) = groupings[leader]
        {
            let target = *target.get_or_insert(made);
            if groupings[1 - leader].is_some_and(|taken| taken >= target) {
                caught_up = true;
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(
        roles.iter().filter(|r| *r == "leader").count(),
        1,
        "{roles:?}"
    );
    assert!(
        caught_up,
        "the follower did not take the leader's grouping of {target:?}: {roles:?} {groupings:?}"
    );
    let page = get_json(&client, timeline_url(&survivors[0])).await;
    let id = page["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(page["top"].as_array().into_iter().flatten())
        .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("CSTO")))
        .and_then(|a| a["id"].as_str())
        .unwrap_or_else(|| panic!("no CSTO story in {page}"))
        .to_owned();
    let started = Instant::now();
    let mut answers = Vec::new();
    while started.elapsed() < Duration::from_secs(15) {
        answers.clear();
        for base in survivors {
            let related = get_json(&client, format!("{base}/api/related?id={id}")).await;
            answers.push(related["articles"].clone());
        }
        if answers[0] == answers[1] && answers[0].as_array().is_some_and(|a| !a.is_empty()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert_eq!(answers[0], answers[1], "the survivors group differently");
    assert!(
        answers[0].as_array().is_some_and(|a| !a.is_empty()),
        "no related news: {answers:?}"
    );
    // Each instance says where it stands.
    let health = get_json(&client, format!("{}/healthz", bases[1])).await;
    assert_eq!(health["store"], "ok", "{health}");
    assert_eq!(health["database"], "postgresql", "{health}");
    assert_eq!(health["instance"], "two", "{health}");
    drop(fleet);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A TCP relay on 127.0.0.1 between Panorama and PostgreSQL that can be cut (every connection
/// dropped, new ones refused) and restored: the database going away, as a network sees it.
struct Relay {
    port: u16,
    up: Arc<AtomicBool>,
    /// Bumped on every cut: connections from before a cut end.
    cuts: Arc<AtomicUsize>,
}

impl Relay {
    async fn start(target: std::net::SocketAddr) -> Relay {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let (up, cuts) = (
            Arc::new(AtomicBool::new(true)),
            Arc::new(AtomicUsize::new(0)),
        );
        let (up2, cuts2) = (up.clone(), cuts.clone());
        tokio::spawn(async move {
            loop {
                let Ok((mut inbound, _)) = listener.accept().await else {
                    continue;
                };
                if !up2.load(Ordering::SeqCst) {
                    drop(inbound);
                    continue;
                }
                let (cuts, era) = (cuts2.clone(), cuts2.load(Ordering::SeqCst));
                tokio::spawn(async move {
                    let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await else {
                        return;
                    };
                    let relay = tokio::io::copy_bidirectional(&mut inbound, &mut outbound);
                    let cut = async {
                        while cuts.load(Ordering::SeqCst) == era {
                            tokio::time::sleep(Duration::from_millis(20)).await;
                        }
                    };
                    tokio::select! {
                        _ = relay => {}
                        _ = cut => {}
                    }
                });
            }
        });
        Relay { port, up, cuts }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        self.cuts.fetch_add(1, Ordering::SeqCst);
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

async fn store_health(client: &reqwest::Client, base: &str) -> String {
    get_json(client, format!("{base}/healthz")).await["store"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn wait_health(client: &reqwest::Client, base: &str, want: &str) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        if store_health(client, base).await == want {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the store was not {want} within 30 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_that_goes_away_is_waited_for_and_rejoined_without_a_restart() {
    let Some(database) = database().await else {
        return;
    };
    let direct = url::Url::parse(&database).unwrap();
    let target = format!(
        "{}:{}",
        direct.host_str().unwrap(),
        direct.port().unwrap_or(5432)
    )
    .parse()
    .unwrap();
    let relay = Relay::start(target).await;
    let mut relayed = direct.clone();
    relayed.set_port(Some(relay.port)).unwrap();
    let dir = std::env::temp_dir().join(format!("panorama-away-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (outlets, base) = start_outlets().await;
    let catalog = write_catalog(&dir, &base);
    let mut instance = spawn(&dir, &catalog, relayed.as_str(), "alone");
    instance.ready(Duration::from_secs(60)).await;
    let client = reqwest::Client::new();
    let before = story_ids(&get_json(&client, timeline_url(&instance.base)).await);
    assert!(before.len() >= SOURCES.len(), "{before:?}");

    // The database goes away: the instance says so and serves what it holds.
    relay.cut();
    wait_health(&client, &instance.base, "unavailable").await;
    let fetches = outlets.fetches.load(Ordering::SeqCst);
    let started = Instant::now();
    while started.elapsed() < TTL * 2 + Duration::from_secs(1) {
        let response = client
            .get(timeline_url(&instance.base))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let page: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
        assert!(story_ids(&page).len() >= SOURCES.len(), "{page}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Readers kept it reading the outlets meanwhile; what it read waits for the database.
    assert!(outlets.fetches.load(Ordering::SeqCst) > fetches);

    // Back: it reconnects by itself, and what was read meanwhile is written.
    relay.restore();
    wait_health(&client, &instance.base, "ok").await;
    let pool = sqlx::AnyPool::connect(&database).await.unwrap();
    let started = Instant::now();
    let mut stored = 0;
    while started.elapsed() < Duration::from_secs(20) {
        stored = sqlx::query_scalar::<_, i64>("SELECT count(*) FROM stories")
            .fetch_one(&pool)
            .await
            .unwrap();
        if stored > before.len() as i64 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        stored > before.len() as i64,
        "stories read during the outage were not written: {stored}"
    );
    pool.close().await;
    drop(instance);
    let _ = std::fs::remove_dir_all(&dir);
}
