//! The store at scale: 500,000 generated stories in the six languages (override with
//! `STORIES=n`), written through the store's writer into a fresh SQLite file. Prints the ingest
//! rate, search p50/p95 for one- and two-word queries in each script, the archive's calendar and
//! day page, the file's size per story, and the server's start time on that file (to its first
//! answer). Figures, not assertions: `cargo bench -p server --bench store`.

use app::model::{Article, Category, Country, Language};
use chrono::{Duration, TimeZone, Utc};
use panorama_server::news::search::Query;
use panorama_server::record::Record;
use panorama_server::store::{ArchiveFilter, SearchFilter, Store, Write};
use std::time::Instant;

/// A small deterministic generator (xorshift), so every run writes the same stories.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A rank from a Zipf-like distribution over `n` words: a few words are very common.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const LANGUAGES: [(Language, Country); 6] = [
    (Language::En, Country::US),
    (Language::Hi, Country::IN),
    (Language::Ar, Country::QA),
    (Language::De, Country::DE),
    (Language::Zh, Country::CN),
    (Language::Fr, Country::CA),
];

/// Letters each language's made-up words are built from.
fn alphabet(language: Language) -> Vec<String> {
    let range = |a: u32, b: u32| -> Vec<String> {
        (a..=b)
            .filter_map(char::from_u32)
            .map(String::from)
            .collect()
    };
    match language {
        Language::En => range('a' as u32, 'z' as u32),
        Language::Fr => {
            let mut l = range('a' as u32, 'z' as u32);
            l.extend(["é", "è", "à", "ç"].map(String::from));
            l
        }
        Language::De => {
            let mut l = range('a' as u32, 'z' as u32);
            l.extend(["ä", "ö", "ü", "ß"].map(String::from));
            l
        }
        // Consonants with a vowel sign: Devanagari syllables.
        Language::Hi => {
            let vowels = ["", "ा", "ि", "ी", "ु", "े", "ो", "्"];
            range(0x0915, 0x0939)
                .into_iter()
                .flat_map(|c| vowels.iter().map(move |v| format!("{c}{v}")))
                .collect()
        }
        Language::Ar => range(0x0627, 0x064A)
            .into_iter()
            .filter(|c| !("\u{063B}"..="\u{0640}").contains(&c.as_str()))
            .collect(),
        // Han: each character a word of its own; 3,500 in use.
        Language::Zh => range(0x4E00, 0x4E00 + 3500),
    }
}

fn vocabulary(language: Language, rng: &mut Rng, size: usize) -> Vec<String> {
    let letters = alphabet(language);
    (0..size)
        .map(|_| {
            let len = if language == Language::Zh {
                1
            } else {
                3 + rng.below(6)
            };
            (0..len)
                .map(|_| letters[rng.below(letters.len())].clone())
                .collect()
        })
        .collect()
}

fn text(language: Language, words: &[String], rng: &mut Rng, count: usize) -> String {
    let sep = if language == Language::Zh { "" } else { " " };
    (0..count)
        .map(|_| words[rng.zipf(words.len())].as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let total: usize = std::env::var("STORIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500_000);
    let dir = std::env::temp_dir().join(format!("panorama-store-bench-{}", std::process::id()));
    let path = dir.join("panorama.db");
    let url = format!("sqlite://{}", path.display());
    let store = Store::open(&url).await.expect("store");
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let vocab: Vec<Vec<String>> = LANGUAGES
        .iter()
        .map(|(l, _)| vocabulary(*l, &mut rng, if *l == Language::Zh { 3500 } else { 20_000 }))
        .collect();
    let now = Utc::now();
    let start_time = now - Duration::days(364);
    let span = (now - start_time).num_seconds();

    // Generate first, so the ingest rate is the store's alone.
    let generated = Instant::now();
    let stories: Vec<Record> = (0..total)
        .map(|i| {
            let which = i % LANGUAGES.len();
            let (language, country) = LANGUAGES[which];
            let words = &vocab[which];
            let (title_words, summary_words) = if language == Language::Zh {
                (16, 60)
            } else {
                (8, 30)
            };
            let published = Utc
                .timestamp_opt(start_time.timestamp() + rng.below(span as usize) as i64, 0)
                .unwrap();
            Record {
                article: Article {
                    id: format!("{:016x}", rng.next()),
                    source_id: format!("{}-{}", language.code(), i % 9),
                    source_name: format!("Outlet {}", i % 9),
                    country,
                    language,
                    categories: vec![Category::ALL[i % 6]],
                    title: text(language, words, &mut rng, title_words),
                    link: format!("https://outlet.example/{i}"),
                    published,
                    updated: None,
                    date_note: None,
                    summary: text(language, words, &mut rng, summary_words),
                    image: None,
                    also: vec![],
                    other_languages: 0,
                    folded: vec![],
                },
                summary_html: String::new(),
                text_keys: vec![],
            }
        })
        .collect();
    println!(
        "generated {total} stories in {:.1} s",
        generated.elapsed().as_secs_f64()
    );

    let ingest = Instant::now();
    for chunk in stories.chunks(500) {
        store.write(Write::Stories(chunk.to_vec()));
    }
    store.flush().await;
    let took = ingest.elapsed().as_secs_f64();
    println!(
        "ingest: {total} stories in {took:.1} s = {:.0} stories/s (goal >= 5,000)",
        total as f64 / took
    );

    // Queries: words (and for Chinese, two-character words) taken from stories, common and rare.
    println!("search, newest first, limit 30 (goal p95 <= 50 ms):");
    for (which, (language, _)) in LANGUAGES.iter().enumerate() {
        for words_per_query in [1, 2] {
            let mut times = Vec::new();
            let mut hits = 0;
            for q in 0..40 {
                // Stories of this language are every sixth.
                let story = &stories[((q * 7919) % (total / 6)) * 6 + which];
                let query = if *language == Language::Zh {
                    let chars: Vec<char> = story.title.chars().collect();
                    (0..words_per_query)
                        .map(|w| {
                            chars[(w * 5) % (chars.len() - 1)..][..2]
                                .iter()
                                .collect::<String>()
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                } else {
                    let words: Vec<&str> = story.title.split(' ').collect();
                    words[..words_per_query].join(" ")
                };
                let parsed = Query::parse(&query).expect("query");
                let started = Instant::now();
                let (found, _) = store
                    .search(&parsed, &SearchFilter::default(), None, 30)
                    .await
                    .expect("search");
                times.push(ms(started.elapsed()));
                hits += found.len();
            }
            times.sort_by(f64::total_cmp);
            println!(
                "  {} {}-word: p50 {:.1} ms, p95 {:.1} ms ({:.1} results on average)",
                language.code(),
                words_per_query,
                percentile(&times, 0.5),
                percentile(&times, 0.95),
                hits as f64 / 40.0
            );
        }
    }

    let started = Instant::now();
    let days = store.days(&ArchiveFilter::default()).await.expect("days");
    let calendar = ms(started.elapsed());
    let mut day_times = Vec::new();
    for d in days.iter().step_by(7).take(40) {
        let started = Instant::now();
        store
            .day(d.day, &ArchiveFilter::default(), None, 30)
            .await
            .expect("day");
        day_times.push(ms(started.elapsed()));
    }
    day_times.sort_by(f64::total_cmp);
    println!(
        "archive: calendar of {} days {calendar:.1} ms; a day's page p50 {:.1} ms, p95 {:.1} ms (goal <= 20 ms)",
        days.len(),
        percentile(&day_times, 0.5),
        percentile(&day_times, 0.95)
    );

    drop(store);
    let size: u64 = ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", path.display())).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "size: {:.1} MB, {:.0} bytes per story",
        size as f64 / 1e6,
        size as f64 / total as f64
    );

    // The server on that file, with a catalog of the generated outlets (feeds on a closed
    // loopback port: nothing leaves the machine), until its first timeline answer.
    let catalog = dir.join("catalog.toml");
    let mut toml = String::from(
        "countries = [\"US\", \"IN\", \"QA\", \"DE\", \"CN\", \"CA\"]\nlanguages = [\"en\", \"hi\", \"ar\", \"de\", \"zh\", \"fr\"]\ncategories = []\n",
    );
    for (language, country) in LANGUAGES {
        for n in 0..9 {
            toml.push_str(&format!(
                "\n[[source]]\nid = \"{l}-{n}\"\nname = \"Outlet {n}\"\ncountry = \"{c}\"\nlanguage = \"{l}\"\nhomepage = \"https://outlet.example\"\n[source.feeds]\ntop = \"http://127.0.0.1:9/{l}-{n}.xml\"\n",
                l = language.code(),
                c = country.code()
            ));
        }
    }
    std::fs::write(&catalog, toml).expect("catalog");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port");
    let started = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_panorama"))
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("PANORAMA_CATALOG", &catalog)
        .env("LEPTOS_OUTPUT_NAME", "panorama")
        .env("LEPTOS_SITE_ROOT", dir.join("site"))
        .env("PANORAMA_DATABASE_URL", &url)
        .env("PANORAMA_RELATED_EVERY_SECS", "0")
        .env("RUST_LOG", "warn")
        .spawn()
        .expect("panorama");
    let client = reqwest::Client::new();
    let answer = format!("http://127.0.0.1:{port}/api/archive");
    loop {
        if let Ok(r) = client.get(&answer).send().await
            && r.status().is_success()
        {
            break;
        }
        if started.elapsed().as_secs() > 60 {
            println!("start: no answer within 60 s");
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    println!(
        "start: first answer (/api/archive) {:.0} ms after launch (goal <= 2,000 ms)",
        ms(started.elapsed())
    );
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}
