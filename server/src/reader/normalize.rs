//! Any feed format (RSS 0.9x/1.0/2.0, Atom, JSON Feed) parsed with feed-rs and normalized into
//! Panorama's one `Article`.

use crate::catalog::Source;
use crate::reader::charset::{self, Decoding};
use crate::reader::discover;
use crate::reader::html_text;
use crate::record::Record;
use app::model::{Article, DateNote, FeedSlot};
use chrono::{DateTime, Duration, Utc};
use feed_rs::model::{Entry, MediaObject};
use std::collections::HashMap;
use url::Url;

/// Longest card excerpt, in characters.
const EXCERPT_CHARS: usize = 280;
/// Most of an item's own HTML kept for its article page; a feed may carry whole books.
const MAX_SUMMARY_HTML_BYTES: usize = 256 * 1024;
/// Clock skew forgiven before a date counts as "in the future".
const FUTURE_TOLERANCE: Duration = Duration::minutes(5);
/// Marks an id that feed-rs made up because the entry had no guid.
const GENERATED_ID: &str = "\u{0}generated";

/// Where a feed came from, for normalizing its entries.
pub struct FeedContext<'a> {
    pub source: &'a Source,
    pub slot: FeedSlot,
    /// The URL the body was read from (after redirects): relative links resolve against it.
    pub url: &'a Url,
    pub fetched_at: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum ParseError {
    /// A web page (or other non-feed) where a feed was expected; `feed` is the feed the page
    /// itself advertises, when it does.
    #[error("parse: not a feed: got {got}{}", feed.as_ref().map(|f| format!("; the page names its feed: {f}")).unwrap_or_default())]
    NotAFeed { got: String, feed: Option<String> },
    #[error("parse: {0}")]
    Invalid(String),
}

impl ParseError {
    /// What a reader is told of it.
    pub fn trouble(&self) -> app::model::Trouble {
        match self {
            ParseError::NotAFeed { .. } => app::model::Trouble::NotAFeed,
            ParseError::Invalid(_) => app::model::Trouble::Other,
        }
    }
}

/// A parsed feed and how its bytes were read.
#[derive(Clone, Debug)]
pub struct ParsedFeed {
    pub articles: Vec<Record>,
    pub decoding: Decoding,
    /// What the feed calls itself, as plain text.
    pub title: Option<String>,
    /// The language the feed says it is in (`en-us`, `hi`, ...), as written.
    pub language: Option<String>,
}

/// Decodes a feed body (see `charset`), parses it and normalizes every entry. Entries come out
/// in feed order.
pub fn parse_feed(
    body: &[u8],
    content_type: Option<&str>,
    ctx: &FeedContext,
) -> Result<ParsedFeed, ParseError> {
    let (text, decoding) = charset::decode(body, content_type);
    // A feed read from a file has no address worth resolving against: its links then resolve
    // against the site the feed names.
    let web_base = matches!(ctx.url.scheme(), "http" | "https").then(|| ctx.url.as_str());
    let parser = feed_rs::parser::Builder::new()
        .base_uri(web_base)
        .id_generator(|_, _, _| GENERATED_ID.to_string())
        .build();
    let feed = parser.parse(text.as_bytes()).map_err(|e| {
        not_a_feed(&text, content_type, ctx.url)
            .unwrap_or_else(|| ParseError::Invalid(e.to_string()))
    })?;
    // Links in entries resolve against the site, which the feed names, else against the feed URL.
    let site = feed
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .and_then(|l| ctx.url.join(&l.href).ok())
        .unwrap_or_else(|| ctx.url.clone());
    let title = feed
        .title
        .as_ref()
        .map(|t| crate::reader::html_text::plain(&t.content))
        .filter(|t| !t.is_empty());
    let language = feed.language.clone();
    let json_images = if feed.feed_type == feed_rs::model::FeedType::JSON {
        json_feed_images(text.as_bytes())
    } else {
        HashMap::new()
    };
    let mut articles = feed
        .entries
        .into_iter()
        .map(|entry| {
            let json_image = json_images.get(&entry.id).cloned();
            let mut article = normalize_entry(entry, &site, ctx);
            if article.image.is_none() {
                article.image = json_image
                    .and_then(|u| web_url(&site, &u))
                    .map(String::from);
            }
            article
        })
        .collect::<Vec<_>>();
    date_by_neighbours(&mut articles);
    Ok(ParsedFeed {
        articles,
        decoding,
        title,
        language,
    })
}

/// An undated item is dated just after the item the outlet listed above it (else just before
/// the one below it): it then sits where the outlet put it, among its neighbours, instead of
/// on top as "now" (and in the archive under the day Panorama happened to read it). A second
/// apart, because the timeline breaks ties by id, not by the feed's order. Only a feed with no
/// date at all leaves its items at the time they were first seen. The note stays, so the page
/// can say the outlet gave no date.
fn date_by_neighbours(articles: &mut [Record]) {
    let second = chrono::Duration::seconds(1);
    let dated = |a: &Record| a.date_note.is_none().then_some(a.published);
    for i in 0..articles.len() {
        if articles[i].date_note != Some(DateNote::FirstSeen) {
            continue;
        }
        let above = articles[..i]
            .iter()
            .rev()
            .find_map(dated)
            .map(|t| t - second);
        let below = || articles[i + 1..].iter().find_map(dated).map(|t| t + second);
        if let Some(at) = above.or_else(below) {
            articles[i].published = at;
        }
    }
}

/// When a body that did not parse is a web page, says so, with the feed the page advertises.
fn not_a_feed(text: &str, content_type: Option<&str>, url: &Url) -> Option<ParseError> {
    let mime = content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let html = mime
        .as_deref()
        .is_some_and(|m| m == "text/html" || m == "application/xhtml+xml")
        || looks_like_html(text);
    if !html {
        return None;
    }
    Some(ParseError::NotAFeed {
        got: mime.unwrap_or_else(|| "text/html".to_string()),
        feed: discover::feed_links(text, url)
            .into_iter()
            .find(|f| f != url)
            .map(String::from),
    })
}

/// JSON Feed's `image` / `banner_image` per item id: feed-rs does not map them.
fn json_feed_images(body: &[u8]) -> HashMap<String, String> {
    #[derive(serde::Deserialize)]
    struct Feed {
        #[serde(default)]
        items: Vec<Item>,
    }
    #[derive(serde::Deserialize)]
    struct Item {
        id: Option<serde_json::Value>,
        image: Option<String>,
        banner_image: Option<String>,
    }
    let Ok(feed) = serde_json::from_slice::<Feed>(body) else {
        return HashMap::new();
    };
    feed.items
        .into_iter()
        .filter_map(|item| {
            let id = match item.id? {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            Some((id, item.image.or(item.banner_image)?))
        })
        .collect()
}

fn looks_like_html(text: &str) -> bool {
    let mut end = text.len().min(512);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end]
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

fn normalize_entry(entry: Entry, site: &Url, ctx: &FeedContext) -> Record {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        // A card's link is clicked: `javascript:`, `data:` and the like never become one.
        .and_then(|l| web_url(site, &l.href));
    let title = entry
        .title
        .as_ref()
        .map(|t| html_text::plain(&t.content))
        .unwrap_or_default();

    // The stable key: the guid, else the canonical link, else (nothing better) the title.
    let key = if entry.id != GENERATED_ID && !entry.id.trim().is_empty() {
        match Url::parse(entry.id.trim()) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => strip_tracking(url).to_string(),
            _ => entry.id.trim().to_string(),
        }
    } else if let Some(link) = &link {
        link.to_string()
    } else {
        format!("title:{title}")
    };

    let (published, date_note) = match entry.published.or(entry.updated) {
        None => (ctx.fetched_at, Some(DateNote::FirstSeen)),
        Some(t) if t > ctx.fetched_at + FUTURE_TOLERANCE => {
            (ctx.fetched_at, Some(DateNote::ClampedFuture))
        }
        Some(t) => (t, None),
    };

    let body_html = entry
        .summary
        .as_ref()
        .map(|s| s.content.as_str())
        .filter(|s| !s.trim().is_empty())
        .or_else(|| entry.content.as_ref().and_then(|c| c.body.as_deref()))
        .unwrap_or_default();
    // Cards need only the excerpt; the sanitizer's tree is built when a reader opens the story
    // and its page gives no text (story.rs), not for every item of every refresh.
    let summary = html_text::excerpt(body_html, EXCERPT_CHARS);
    let summary_html = capped(body_html, MAX_SUMMARY_HTML_BYTES).to_string();

    let image = image_of(&entry.media, site).or_else(|| {
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .unwrap_or(body_html);
        first_img_src(content)
            .and_then(|src| web_url(site, &src))
            .map(String::from)
    });

    let article = Article {
        id: stable_id(&ctx.source.id, &key),
        source_id: ctx.source.id.clone(),
        source_name: ctx.source.name.clone(),
        country: ctx.source.country,
        language: ctx.source.language,
        categories: match ctx.slot {
            FeedSlot::Top => Vec::new(),
            FeedSlot::Category(c) => vec![c],
        },
        title,
        link: link
            .map(|u| u.to_string())
            .unwrap_or_else(|| ctx.source.homepage.to_string()),
        published,
        updated: entry
            .updated
            .filter(|u| *u <= ctx.fetched_at + FUTURE_TOLERANCE),
        date_note,
        summary,
        image,
        also: Vec::new(),
        other_languages: 0,
        folded: Vec::new(),
    };
    let text_keys = crate::news::timeline::wire_keys(&article);
    Record {
        article,
        summary_html,
        text_keys,
    }
}

/// media:content / media:thumbnail / enclosure (feed-rs maps all three to media objects).
fn image_of(media: &[MediaObject], base: &Url) -> Option<String> {
    let from_content = media.iter().flat_map(|m| &m.content).find_map(|c| {
        let is_image = c.content_type.as_ref().is_none_or(|t| t.ty() == "image");
        c.url.as_ref().filter(|_| is_image).map(|u| u.to_string())
    });
    let from_thumbnail = || {
        media
            .iter()
            .flat_map(|m| &m.thumbnails)
            .map(|t| t.image.uri.clone())
            .next()
    };
    from_content
        .or_else(from_thumbnail)
        .and_then(|u| web_url(base, &u))
        .map(String::from)
}

/// The `src` of the first `<img>` in some HTML, without parsing the whole document.
fn first_img_src(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let tag_start = lower.find("<img")?;
    let tag_end = tag_start + lower[tag_start..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let src_at = tag.to_ascii_lowercase().find("src=")? + 4;
    let rest = &tag[src_at..];
    let value = match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next()?,
        _ => rest.split(|c: char| c.is_whitespace()).next()?,
    };
    // An unclosed quote makes the "value" run on through the markup: that is no address.
    if value.contains(['<', '>', '"', '\'', '\n', '\t']) {
        return None;
    }
    let value = html_text::plain(value);
    (!value.is_empty() && !value.starts_with("data:") && !value.contains(' ')).then_some(value)
}

/// At most `max` bytes of `s`, cut at a character boundary.
fn capped(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `raw` resolved against `base`, if it is a web address; tracking parameters removed.
fn web_url(base: &Url, raw: &str) -> Option<Url> {
    base.join(raw.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(strip_tracking)
}

/// Query parameters that only track readers; removed before links are shown, hashed or compared.
fn is_tracking_param(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || matches!(
            name.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "gbraid"
                | "wbraid"
                | "msclkid"
                | "yclid"
                | "igshid"
                | "mc_cid"
                | "mc_eid"
                | "_ga"
                | "_gl"
                | "ocid"
                | "cmpid"
                | "ito"
        )
}

/// The link without tracking parameters or fragment-only noise.
pub fn strip_tracking(mut url: Url) -> Url {
    if url.query().is_some() {
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| !is_tracking_param(k))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            url.set_query(None);
        } else {
            url.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    url
}

/// A short id that stays the same across fetches and restarts: FNV-1a (64-bit) of the source
/// and the item's key. std's hasher is not stable across Rust releases, so it cannot serve.
pub fn stable_id(source_id: &str, key: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for byte in source_id.bytes().chain([0u8]).chain(key.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_parameters_are_stripped_and_others_kept() {
        let u = strip_tracking(
            Url::parse("https://x.org/a?id=3&utm_source=rss&fbclid=z&UTM_Medium=m").unwrap(),
        );
        assert_eq!(u.as_str(), "https://x.org/a?id=3");
        let u = strip_tracking(Url::parse("https://x.org/a?utm_source=rss").unwrap());
        assert_eq!(u.as_str(), "https://x.org/a");
    }

    #[test]
    fn ids_are_stable_and_depend_on_source_and_key() {
        assert_eq!(stable_id("bbc-en", "guid-1"), stable_id("bbc-en", "guid-1"));
        assert_ne!(stable_id("bbc-en", "guid-1"), stable_id("dw-en", "guid-1"));
        // Pinned so a change of hash (which would orphan every saved id) fails loudly.
        assert_eq!(stable_id("a", "b"), "e5d29919042666b2");
    }

    #[test]
    fn first_image_is_found_in_html() {
        assert_eq!(
            first_img_src(r#"<p>x</p><IMG class=a SRC="/i.jpg?a=1&amp;b=2">"#).as_deref(),
            Some("/i.jpg?a=1&b=2")
        );
        assert_eq!(first_img_src("<img src=data:image/png;base64,AAAA>"), None);
        assert_eq!(first_img_src("<p>none</p>"), None);
    }

    mod fixtures {
        use super::super::*;
        use crate::catalog::Source;
        use app::model::{Category, Country, Language};
        use chrono::TimeZone;
        use std::collections::BTreeMap;

        fn source(language: Language) -> Source {
            let url = Url::parse("https://fixture.example/").unwrap();
            Source {
                id: "fixture".into(),
                name: "Fixture".into(),
                country: Country::WORLD,
                language,
                homepage: url.clone(),
                feeds: BTreeMap::from([(FeedSlot::Top, url)]),
                no_feed: None,
            }
        }

        fn fetched_at() -> DateTime<Utc> {
            Utc.with_ymd_and_hms(2022, 1, 18, 0, 0, 0).unwrap()
        }

        fn parse(
            body: &[u8],
            feed_url: &str,
            language: Language,
            slot: FeedSlot,
        ) -> Result<Vec<Record>, ParseError> {
            let source = source(language);
            let url = Url::parse(feed_url).unwrap();
            parse_feed(
                body,
                None,
                &FeedContext {
                    source: &source,
                    slot,
                    url: &url,
                    fetched_at: fetched_at(),
                },
            )
            .map(|parsed| parsed.articles)
        }

        fn rss2() -> Vec<Record> {
            let slot = FeedSlot::Category(Category::Business);
            parse(
                include_bytes!("../../testdata/rss2.xml"),
                "https://alpha.example/rss/business.xml",
                Language::En,
                slot,
            )
            .unwrap()
        }

        #[test]
        fn rss2_titles_are_plain_text_with_entities_decoded() {
            assert_eq!(rss2()[0].title, "Markets rally as rates & inflation ease");
        }

        #[test]
        fn rss2_relative_links_are_absolute_without_tracking() {
            assert_eq!(
                rss2()[0].link,
                "https://alpha.example/business/markets-rally?id=7"
            );
        }

        #[test]
        fn rss2_dates_are_utc() {
            let items = rss2();
            assert_eq!(
                items[0].published,
                Utc.with_ymd_and_hms(2022, 1, 17, 11, 21, 53).unwrap()
            );
            assert_eq!(
                items[1].published,
                Utc.with_ymd_and_hms(2022, 1, 17, 8, 5, 0).unwrap()
            );
            assert_eq!(items[0].date_note, None);
        }

        #[test]
        fn rss2_missing_dates_take_their_neighbours_and_future_dates_are_clamped() {
            let items = rss2();
            // Listed under the storm report: dated just after it, noted as undated.
            assert_eq!(
                (items[2].published, items[2].date_note),
                (
                    items[1].published - chrono::Duration::seconds(1),
                    Some(DateNote::FirstSeen)
                )
            );
            assert_eq!(
                (items[3].published, items[3].date_note),
                (fetched_at(), Some(DateNote::ClampedFuture))
            );
        }

        #[test]
        fn undated_items_sit_among_their_neighbours_and_a_dateless_feed_keeps_first_sight() {
            let feed = |items: &[Option<&str>]| {
                let body: String = items
                    .iter()
                    .enumerate()
                    .map(|(n, date)| {
                        let date = date.map(|d| format!("<pubDate>{d}</pubDate>")).unwrap_or_default();
                        format!("<item><title>t{n}</title><link>https://a.example/{n}</link>{date}</item>")
                    })
                    .collect();
                let xml =
                    format!("<rss version=\"2.0\"><channel><title>A</title>{body}</channel></rss>");
                parse(
                    xml.as_bytes(),
                    "https://a.example/rss.xml",
                    Language::En,
                    FeedSlot::Top,
                )
                .unwrap()
            };
            let d1 = "Mon, 17 Jan 2022 11:00:00 +0000";
            let d2 = "Mon, 17 Jan 2022 09:00:00 +0000";
            // First in the feed: just before the one below it; in between: just after the one
            // above. The outlet's order stands.
            let items = feed(&[None, Some(d1), None, Some(d2)]);
            let second = chrono::Duration::seconds(1);
            assert_eq!(items[0].published, items[1].published + second);
            assert_eq!(items[2].published, items[1].published - second);
            assert!(items.windows(2).all(|w| w[0].published > w[1].published));
            // No date anywhere: the time of the first sight.
            let items = feed(&[None, None]);
            assert!(items.iter().all(|a| a.published == fetched_at()));
        }

        #[test]
        fn rss2_scripts_and_handlers_never_reach_the_summary() {
            let first = &rss2()[0];
            let shown = crate::reader::sanitize::feed_html(first);
            assert!(
                !shown.contains("script") && !shown.contains("onclick"),
                "{shown}"
            );
            assert!(
                !first.summary.contains("document.cookie"),
                "{}",
                first.summary
            );
            assert_eq!(first.summary, "Stocks rose on Monday. More");
            assert!(
                shown.contains(r#"href="https://alpha.example/more""#),
                "{shown}"
            );
        }

        #[test]
        fn rss2_images_come_from_media_enclosures_or_content() {
            let items = rss2();
            assert_eq!(
                items[0].image.as_deref(),
                Some("https://alpha.example/img/markets.jpg")
            );
            assert_eq!(
                items[1].image.as_deref(),
                Some("https://alpha.example/img/storm.jpg")
            );
            assert_eq!(items[2].image, None);
            assert_eq!(
                items[3].image.as_deref(),
                Some("https://alpha.example/img/future.png")
            );
        }

        #[test]
        fn rss2_ids_are_stable_and_carry_the_category() {
            let (a, b) = (rss2(), rss2());
            assert_eq!(a[0].id, b[0].id);
            assert_eq!(a[0].id, stable_id("fixture", "alpha-business-0001"));
            // No guid: the canonical link is the key.
            assert_eq!(
                a[2].id,
                stable_id("fixture", "https://alpha.example/world/undated")
            );
            assert_eq!(a[0].categories, vec![Category::Business]);
        }

        #[test]
        fn rss1_rdf_parses() {
            let items = parse(
                include_bytes!("../../testdata/rss1.rdf"),
                "https://rdf.example/rss.rdf",
                Language::De,
                FeedSlot::Top,
            )
            .unwrap();
            assert_eq!(items.len(), 1);
            assert_eq!(
                items[0].title,
                "Bundestag stimmt über Haushalt ab – Grüße aus Köln"
            );
            assert_eq!(
                items[0].published,
                Utc.with_ymd_and_hms(2022, 1, 17, 7, 0, 0).unwrap()
            );
            assert!(items[0].categories.is_empty());
        }

        #[test]
        fn atom_in_hindi_with_html_title_and_relative_links() {
            let items = parse(
                include_bytes!("../../testdata/atom.xml"),
                "https://hindi.example/feed.atom",
                Language::Hi,
                FeedSlot::Top,
            )
            .unwrap();
            let a = &items[0];
            assert_eq!(a.title, "दिल्ली में भारी बारिश");
            assert_eq!(a.link, "https://hindi.example/desh/delhi-rain");
            assert_eq!(
                a.published,
                Utc.with_ymd_and_hms(2022, 1, 17, 4, 0, 0).unwrap()
            );
            assert_eq!(a.summary, "राजधानी में सुबह से बारिश हो रही है।");
            assert_eq!(
                a.image.as_deref(),
                Some("https://hindi.example/photos/rain.jpg")
            );
            assert_eq!(a.language, Language::Hi);
        }

        #[test]
        fn json_feed_in_arabic() {
            let items = parse(
                include_bytes!("../../testdata/feed.json"),
                "https://arabic.example/feed.json",
                Language::Ar,
                FeedSlot::Top,
            )
            .unwrap();
            let a = &items[0];
            assert_eq!(a.title, "قمة الدوحة تبحث الأمن الإقليمي");
            assert_eq!(a.link, "https://arabic.example/news/doha-summit");
            assert_eq!(
                a.published,
                Utc.with_ymd_and_hms(2022, 1, 17, 9, 0, 0).unwrap()
            );
            assert_eq!(a.summary, "اجتمع القادة في الدوحة اليوم.");
            assert_eq!(
                a.image.as_deref(),
                Some("https://arabic.example/img/summit.jpg")
            );
        }

        #[test]
        fn chinese_titles_survive_intact() {
            let items = parse(
                include_bytes!("../../testdata/zh.xml"),
                "https://zh.example/rss.xml",
                Language::Zh,
                FeedSlot::Top,
            )
            .unwrap();
            assert_eq!(
                items[0].title,
                "俄罗斯领导的集体安全条约组织（CSTO）部队抵达哈萨克斯坦"
            );
            assert!(
                items[0]
                    .summary
                    .contains("Collective Security Treaty Organization")
            );
        }

        #[test]
        fn only_web_links_and_images_leave_the_pipeline() {
            let feed = br#"<rss version="2.0"><channel><title>x</title><link>https://alpha.example/</link>
                <item><title>a</title><link>javascript:alert(1)</link><guid>a</guid>
                <description>&lt;img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"&gt;</description></item>
                <item><title>b</title><link>data:text/html,hi</link><guid>b</guid>
                <description>&lt;img src="javascript:alert(2)"&gt;</description></item>
                </channel></rss>"#;
            let items = parse(
                feed,
                "https://alpha.example/rss",
                Language::En,
                FeedSlot::Top,
            )
            .unwrap();
            for item in &items {
                // No web link of its own: the outlet's homepage.
                assert_eq!(item.link, "https://fixture.example/", "{}", item.title);
                assert_eq!(item.image, None, "{}", item.title);
            }
        }

        #[test]
        fn an_unclosed_img_quote_is_no_image() {
            // Found by the fuzzer: the "src" ran on through the rest of the markup.
            let feed = br#"<rss version="2.0"><channel><title>x</title><link>https://alpha.example/</link>
                <item><title>a</title><link>/a?utm_source=rss&amp;id=1</link><guid>a</guid>
                <description>&lt;img src="pic.jpg?utm_medium=x&lt;/p&gt; more text</description></item>
                <item><title>b</title><link>/b</link><guid>b</guid>
                <description>&lt;img src='/b.jpg?utm_campaign=z&amp;amp;w=640'&gt;</description></item>
                </channel></rss>"#;
            let items = parse(
                feed,
                "https://alpha.example/rss",
                Language::En,
                FeedSlot::Top,
            )
            .unwrap();
            assert_eq!(items[0].link, "https://alpha.example/a?id=1");
            assert_eq!(items[0].image, None);
            assert_eq!(
                items[1].image.as_deref(),
                Some("https://alpha.example/b.jpg?w=640")
            );
        }

        #[test]
        fn html_pages_and_broken_xml_are_clear_errors() {
            let html = parse(
                include_bytes!("../../testdata/not-a-feed.html"),
                "https://alpha.example/",
                Language::En,
                FeedSlot::Top,
            );
            assert_eq!(
                html.unwrap_err().to_string(),
                "parse: not a feed: got text/html; the page names its feed: https://alpha.example/rss.xml"
            );
            let broken = parse(
                include_bytes!("../../testdata/broken.xml"),
                "https://alpha.example/b.xml",
                Language::En,
                FeedSlot::Top,
            );
            assert!(broken.unwrap_err().to_string().starts_with("parse: "));
        }
    }
}
