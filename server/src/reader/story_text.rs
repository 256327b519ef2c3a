//! An article page's story text: the outlet's page fetched with the hardened fetcher, its main
//! content found by readability (dom_smoothie, a port of Mozilla's Readability.js), then
//! sanitized like feed HTML, so none of the outlet's scripts or ads come along. Cached per
//! article; one fetch however many readers open it at once. A text once extracted is kept in
//! the store, so it is read from the outlet once, not once per restart.

use crate::reader::charset;
use crate::reader::fetch::Fetcher;
use crate::reader::html_text;
use crate::reader::sanitize;
use crate::record::Record;
use crate::store::{Store, Write};
use app::model::{StoryOrigin, StoryText};
use futures::FutureExt;
use futures::future::{BoxFuture, Shared};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use url::Url;

/// Pages kept at most; past it the oldest fetched go first.
pub const DEFAULT_CAPACITY: usize = 1_000;

/// A page that could not be read is tried again after this long.
const RETRY_FAILED_AFTER: Duration = Duration::from_secs(10 * 60);

/// Readability gives up on pages with more elements than this (bounded work per page).
const MAX_ELEMENTS: usize = 60_000;

/// Extracted text shorter than this many characters is a teaser or a paywall, not the story.
const MIN_STORY_CHARS: usize = 80;

/// The sanitized story HTML, or why there is none.
type Extracted = Result<String, String>;

struct Entry {
    started: Instant,
    text: Shared<BoxFuture<'static, Extracted>>,
}

/// The texts of article pages, by article id: extracted once, kept in the store.
pub struct StoryTexts {
    fetcher: Fetcher,
    store: Store,
    capacity: usize,
    entries: Mutex<HashMap<String, Entry>>,
}

impl StoryTexts {
    pub fn new(fetcher: Fetcher, store: Store, capacity: usize) -> StoryTexts {
        StoryTexts {
            fetcher,
            store,
            capacity: capacity.max(1),
            entries: Mutex::default(),
        }
    }

    /// The story text of `article`, waiting at most `wait` for its page. Past that, the feed's
    /// summary marked pending; the fetch goes on, and asking again later gives its result.
    pub async fn text(&self, article: &Record, wait: Duration) -> StoryText {
        let extracted = self.extraction(article);
        match tokio::time::timeout(wait, extracted).await {
            Ok(Ok(html)) => StoryText {
                html,
                origin: StoryOrigin::Page,
            },
            Ok(Err(reason)) => StoryText {
                html: feed_summary(article),
                origin: StoryOrigin::FeedSummary { reason },
            },
            Err(_) => StoryText {
                html: feed_summary(article),
                origin: StoryOrigin::Pending,
            },
        }
    }

    fn extraction(&self, article: &Record) -> Shared<BoxFuture<'static, Extracted>> {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(entry) = entries.get(&article.id) {
            let failed_long_ago = matches!(entry.text.peek(), Some(Err(_)))
                && entry.started.elapsed() > RETRY_FAILED_AFTER;
            if !failed_long_ago {
                return entry.text.clone();
            }
        }
        if entries.len() >= self.capacity
            && let Some(oldest) = entries
                .iter()
                .min_by_key(|(_, e)| e.started)
                .map(|(id, _)| id.clone())
        {
            entries.remove(&oldest);
        }
        // Its own task: a reader who stops waiting does not cancel the fetch.
        let (fetcher, store, id, link, summary_chars) = (
            self.fetcher.clone(),
            self.store.clone(),
            article.id.clone(),
            article.link.clone(),
            article.summary.chars().count(),
        );
        let task = tokio::spawn(async move {
            match store.story_text(&id).await {
                Ok(Some(html)) => return Ok(html),
                Ok(None) => {}
                Err(e) => tracing::warn!("{e}"),
            }
            let extracted = fetch_story(fetcher, link, summary_chars).await;
            if let Ok(html) = &extracted {
                store.write(Write::Text {
                    id,
                    html: html.clone(),
                });
            }
            extracted
        });
        let text = async move {
            task.await
                .unwrap_or_else(|e| Err(format!("story: internal error: {e}")))
        }
        .boxed()
        .shared();
        entries.insert(
            article.id.clone(),
            Entry {
                started: Instant::now(),
                text: text.clone(),
            },
        );
        text
    }
}

/// The feed's own text, for when the page cannot be read.
fn feed_summary(article: &Record) -> String {
    if !article.summary_html.is_empty() {
        sanitize::feed_html(article)
    } else if !article.summary.is_empty() {
        format!("<p>{}</p>", ammonia::clean_text(&article.summary))
    } else {
        String::new()
    }
}

async fn fetch_story(fetcher: Fetcher, link: String, summary_chars: usize) -> Extracted {
    let url =
        Url::parse(&link).map_err(|_| "story: the feed gave no link to the page".to_string())?;
    let fetched = fetcher
        .fetch(&url)
        .await
        .map_err(|e| format!("story: {e}"))?;
    if let Some(kind) = fetched.content_type.as_deref() {
        let mime = kind
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if mime != "text/html" && mime != "application/xhtml+xml" {
            return Err(format!("story: not a web page: got {mime}"));
        }
    }
    let (html, _) = charset::decode_html(&fetched.body, fetched.content_type.as_deref());
    let base = fetched.url;
    // Parsing a big page is CPU work: off the async threads.
    tokio::task::spawn_blocking(move || extract(&html, &base, summary_chars))
        .await
        .unwrap_or_else(|e| Err(format!("story: internal error: {e}")))
}

/// The main content of the page `html` found at `base`, sanitized. Fails when readability
/// finds nothing, or less text than the feed's own summary (`summary_chars`) gives.
pub fn extract(html: &str, base: &Url, summary_chars: usize) -> Extracted {
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, Some(base.as_str()), Some(config))
        .map_err(|e| format!("story: readability: {e}"))?;
    let found = readability
        .parse()
        .map_err(|e| format!("story: readability: {e}"))?;
    let clean = sanitize::story_html(&found.content, Some(base));
    let needed = MIN_STORY_CHARS.max(summary_chars);
    let chars = html_text::prefix(&clean, needed).chars().count();
    if chars < needed {
        return Err(format!(
            "story: readability found {chars} characters of text on the page, less than the feed's summary"
        ));
    }
    Ok(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Summit opens</title>
<script>window.tracker = 1;</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="ad banner"><a href="https://ads.example/click"><img src="https://ads.example/b.gif"></a> Advertisement</div>
<article><h1>Summit opens with climate pledge</h1>
<p>Leaders from forty countries opened a three-day summit on Monday with a pledge to cut
emissions faster than agreed before, after a year of floods and fires on every continent.</p>
<p>The host said the talks would run late into the night. <a href="/world/earlier">An earlier
report</a> described the preparations, which took eighteen months of negotiation.</p>
<p><img src="/img/summit.jpg" alt="Delegates"></p>
<p onclick="steal()">Delegates are expected to publish a joint statement on Wednesday evening,
followed by separate national plans within six months of the close of the meeting.</p>
</article>
<aside class="related">Most read: <a href="/x">Something else entirely</a></aside>
<footer>Copyright Globe Daily. <a href="/privacy">Privacy</a></footer>
<script src="https://ads.example/ads.js"></script></body></html>"#;

    #[test]
    fn the_story_is_extracted_without_scripts_ads_or_navigation() {
        let base = Url::parse("https://globe.example/world/summit").unwrap();
        let html = extract(PAGE, &base, 20).unwrap();
        assert!(html.contains("Leaders from forty countries"), "{html}");
        assert!(html.contains("joint statement on Wednesday"), "{html}");
        for gone in [
            "<script",
            "tracker",
            "ads.example",
            "onclick",
            "Most read",
            "Copyright",
        ] {
            assert!(!html.contains(gone), "{gone} is still in {html}");
        }
        // Relative links and images made absolute; links safe; the lead image not lazy.
        assert!(
            html.contains(r#"href="https://globe.example/world/earlier""#),
            "{html}"
        );
        assert!(
            html.contains(r#"src="https://globe.example/img/summit.jpg""#),
            "{html}"
        );
        assert!(html.contains("noopener"), "{html}");
        assert!(
            html.contains(r#"<img src="https://globe.example/img/summit.jpg" alt="#)
                && !html.contains(r#"loading="lazy""#),
            "{html}"
        );
    }

    #[test]
    fn a_page_without_a_story_is_an_error_naming_the_stage() {
        let base = Url::parse("https://globe.example/").unwrap();
        let err = extract(
            "<html><body><nav><a href=/>Home</a></nav></body></html>",
            &base,
            10,
        )
        .unwrap_err();
        assert!(err.starts_with("story: readability"), "{err}");
        // Less text than the feed's own summary is no better than the summary.
        let err = extract(PAGE, &base, 100_000).unwrap_err();
        assert!(err.contains("less than the feed's summary"), "{err}");
    }

    #[test]
    fn chinese_and_arabic_stories_are_extracted() {
        let base = Url::parse("https://zh.example/a").unwrap();
        let zh = "<html><body><article><h1>标题</h1><p>".to_string()
            + &"俄罗斯领导的集体安全条约组织部队抵达哈萨克斯坦，维持当地秩序。".repeat(8)
            + "</p><p>"
            + &"分析人士认为，中国没有派兵的原因在于其外交政策一贯不干涉他国内政。".repeat(6)
            + "</p></article></body></html>";
        let html = extract(&zh, &base, 30).unwrap();
        assert!(html.contains("集体安全条约组织"), "{html}");
        let ar = "<html><body><article><p>".to_string()
            + &"وصلت قوات منظمة معاهدة الأمن الجماعي إلى كازاخستان للمساعدة في استعادة النظام. "
                .repeat(8)
            + "</p></article></body></html>";
        let html = extract(&ar, &base, 30).unwrap();
        assert!(html.contains("معاهدة الأمن الجماعي"), "{html}");
    }
}
