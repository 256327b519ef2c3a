//! Criterion benchmarks of one feed's way through Panorama, over a corpus of feeds written to
//! `target/bench-corpus/` (so `.ci/bench.sh` can give Python's feedparser the very same files):
//!
//! - `pipeline`: decode + parse + normalize + sanitize (`parse_feed`), what a refresh costs;
//! - `feed_rs`: feed-rs's bare parse of the same bytes;
//! - `quick_xml`: a bare quick-xml event scan of the same bytes, the floor for any XML parser;
//! - `merge`: merge + dedupe + first page of every corpus feed's articles.
//!
//!     cargo bench -p server --bench pipeline

use app::model::{Country, FeedSlot, Language};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use panorama_server::catalog::Source;
use panorama_server::news::timeline;
use panorama_server::reader::normalize::{FeedContext, parse_feed};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

const FEEDS: usize = 20;
const ITEMS: usize = 60;

const WORDS: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "government",
            "officials",
            "said",
            "on",
            "Monday",
            "that",
            "the",
            "new",
            "budget",
            "would",
            "include",
            "funding",
            "for",
            "rail",
            "and",
            "grid",
            "repairs",
            "after",
        ],
    ),
    (
        "hi",
        &[
            "सरकार",
            "अधिकारियों",
            "ने",
            "सोमवार",
            "को",
            "कहा",
            "कि",
            "नए",
            "बजट",
            "में",
            "रेल",
            "और",
            "बिजली",
            "मरम्मत",
            "शामिल",
        ],
    ),
    (
        "ar",
        &[
            "قال",
            "مسؤولون",
            "يوم",
            "الاثنين",
            "إن",
            "الميزانية",
            "الجديدة",
            "ستشمل",
            "تمويل",
            "السكك",
            "الحديدية",
            "وإصلاح",
            "الشبكة",
        ],
    ),
    (
        "de",
        &[
            "Die",
            "Regierung",
            "teilte",
            "am",
            "Montag",
            "mit",
            "dass",
            "der",
            "neue",
            "Haushalt",
            "Mittel",
            "für",
            "Bahn",
            "und",
            "Netze",
            "enthält",
        ],
    ),
    (
        "zh",
        &[
            "政府", "官员", "周一", "表示", "新", "预算", "将", "包括", "铁路", "和", "电网",
            "维修", "资金",
        ],
    ),
    (
        "fr",
        &[
            "Le",
            "gouvernement",
            "a",
            "annoncé",
            "lundi",
            "que",
            "le",
            "nouveau",
            "budget",
            "financera",
            "le",
            "rail",
            "et",
            "les",
            "réseaux",
        ],
    ),
];

/// An item's HTML as feeds send it: paragraphs, links with tracking, an image, and junk for the
/// sanitizer (scripts, inline styles, handlers, a tracking pixel).
fn body(words: &[&str], seed: usize) -> String {
    let mut html = String::new();
    for p in 0..3 {
        html.push_str("<p style=\"margin:0\" onclick=\"track()\">");
        for w in 0..35 {
            html.push_str(words[(seed * 7 + p * 5 + w) % words.len()]);
            html.push(' ');
        }
        html.push_str(&format!(
            "<a href=\"/story/{seed}?utm_source=rss&amp;p={p}\">…</a></p>"
        ));
    }
    html.push_str(&format!(
        "<img src=\"/img/{seed}.jpg\" width=\"640\" height=\"360\"><script>track({seed})</script>\
         <img src=\"https://t.example/pixel.gif\" width=\"1\" height=\"1\">"
    ));
    html
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Feed `n` of the corpus: RSS 2.0, Atom or RSS 1.0 in turn, in one of six languages, in UTF-8
/// or (for some Chinese and Arabic feeds) GB2312 / windows-1256 as real outlets send them.
fn feed(n: usize) -> (String, Vec<u8>) {
    let (lang, words) = WORDS[n % WORDS.len()];
    let encoding = match (lang, n % 4) {
        ("zh", 0 | 1) => "GB2312",
        ("ar", 0 | 1) => "windows-1256",
        _ => "UTF-8",
    };
    let date = |i: usize| {
        format!(
            "Mon, 17 Jan 2022 {:02}:{:02}:00 +0000",
            i % 24,
            (i * 7 + n) % 60
        )
    };
    let iso = |i: usize| format!("2022-01-17T{:02}:{:02}:00Z", i % 24, (i * 7 + n) % 60);
    let title = |i: usize| {
        format!(
            "{} {} {n}-{i}",
            words[i % words.len()],
            words[(i + 3) % words.len()]
        )
    };
    let mut xml = format!("<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n");
    let format = ["rss2", "atom", "rdf"][n % 3];
    match format {
        "rss2" => {
            xml.push_str(&format!(
                "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Outlet {n}</title>\
                 <link>https://outlet{n}.example/</link><description>corpus</description><language>{lang}</language>\n"
            ));
            for i in 0..ITEMS {
                xml.push_str(&format!(
                    "<item><title>{}</title><link>https://outlet{n}.example/news/{i}?utm_medium=rss</link>\
                     <guid isPermaLink=\"false\">o{n}-{i}</guid><pubDate>{}</pubDate>\
                     <description><![CDATA[{}]]></description>\
                     <media:content url=\"https://outlet{n}.example/img/{i}.jpg\" type=\"image/jpeg\" width=\"640\"/></item>\n",
                    escape(&title(i)),
                    date(i),
                    body(words, n * 1000 + i)
                ));
            }
            xml.push_str("</channel></rss>\n");
        }
        "atom" => {
            xml.push_str(&format!(
                "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\"><title>Outlet {n}</title>\
                 <link rel=\"alternate\" href=\"https://outlet{n}.example/\"/><id>urn:outlet:{n}</id><updated>{}</updated>\n",
                iso(0)
            ));
            for i in 0..ITEMS {
                xml.push_str(&format!(
                    "<entry><title>{}</title><link rel=\"alternate\" href=\"/news/{i}\"/><id>urn:outlet:{n}:{i}</id>\
                     <updated>{}</updated><summary type=\"html\">{}</summary></entry>\n",
                    escape(&title(i)),
                    iso(i),
                    escape(&body(words, n * 1000 + i))
                ));
            }
            xml.push_str("</feed>\n");
        }
        _ => {
            xml.push_str(&format!(
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" \
                 xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel rdf:about=\"https://outlet{n}.example/\">\
                 <title>Outlet {n}</title><link>https://outlet{n}.example/</link><description>corpus</description></channel>\n"
            ));
            for i in 0..ITEMS {
                xml.push_str(&format!(
                    "<item rdf:about=\"https://outlet{n}.example/news/{i}\"><title>{}</title>\
                     <link>https://outlet{n}.example/news/{i}</link><dc:date>{}</dc:date>\
                     <description>{}</description></item>\n",
                    escape(&title(i)),
                    iso(i),
                    escape(&body(words, n * 1000 + i))
                ));
            }
            xml.push_str("</rdf:RDF>\n");
        }
    }
    let bytes = match encoding {
        "GB2312" => encoding_rs::GBK.encode(&xml).0.into_owned(),
        "windows-1256" => encoding_rs::WINDOWS_1256.encode(&xml).0.into_owned(),
        _ => xml.into_bytes(),
    };
    (format!("feed-{n:02}-{format}-{lang}.xml"), bytes)
}

/// The corpus, written to `target/bench-corpus/` for the feedparser comparison.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let feeds: Vec<_> = (0..FEEDS).map(feed).collect();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-corpus");
    std::fs::create_dir_all(&dir).expect("corpus folder");
    for (name, bytes) in &feeds {
        std::fs::write(dir.join(name), bytes).expect("corpus file");
    }
    feeds
}

fn benches(c: &mut Criterion) {
    let feeds = corpus();
    let total: usize = feeds.iter().map(|(_, b)| b.len()).sum();
    let url = url::Url::parse("https://outlet.example/feed").expect("url");
    let source = Source {
        id: "bench".into(),
        name: "Bench".into(),
        country: Country::WORLD,
        language: Language::En,
        homepage: url.clone(),
        feeds: BTreeMap::from([(FeedSlot::Top, url.clone())]),
        no_feed: None,
    };
    let ctx = FeedContext {
        source: &source,
        slot: FeedSlot::Top,
        url: &url,
        fetched_at: chrono::Utc::now(),
    };

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("pipeline", |b| {
        b.iter(|| {
            for (_, bytes) in &feeds {
                let parsed = parse_feed(black_box(bytes), None, &ctx).expect("corpus feed parses");
                black_box(parsed.articles.len());
            }
        })
    });
    group.bench_function("feed_rs", |b| {
        b.iter(|| {
            for (_, bytes) in &feeds {
                let feed = feed_rs::parser::parse(black_box(&bytes[..])).expect("feed-rs parses");
                black_box(feed.entries.len());
            }
        })
    });
    group.bench_function("quick_xml", |b| {
        b.iter(|| {
            for (_, bytes) in &feeds {
                let mut reader = quick_xml::Reader::from_reader(black_box(&bytes[..]));
                let mut buf = Vec::new();
                let mut events = 0usize;
                loop {
                    let at = reader.buffer_position();
                    match reader.read_event_into(&mut buf) {
                        Ok(quick_xml::events::Event::Eof) => break,
                        Ok(_) => events += 1,
                        // Non-UTF-8 text (the GB2312 and windows-1256 feeds) is reported, not
                        // decoded: a scan only steps over it.
                        Err(_) if reader.buffer_position() > at => events += 1,
                        Err(e) => panic!("the scan is stuck: {e}"),
                    }
                    buf.clear();
                }
                black_box(events);
            }
        })
    });
    group.finish();

    let parsed: Vec<Vec<panorama_server::record::Record>> = feeds
        .iter()
        .enumerate()
        .map(|(n, (_, bytes))| {
            let mut articles = parse_feed(bytes, None, &ctx).expect("parses").articles;
            for a in &mut articles {
                a.source_id = format!("s{n}");
            }
            articles
        })
        .collect();
    let mut merge = c.benchmark_group("timeline");
    merge.throughput(Throughput::Elements((FEEDS * ITEMS) as u64));
    merge.bench_function("merge", |b| {
        b.iter(|| {
            let merged = timeline::merge(parsed.iter().map(Vec::as_slice));
            black_box(timeline::page(&merged, None, 30));
        })
    });
    merge.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
