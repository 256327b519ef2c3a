//! Feed autodiscovery: the feeds a web page advertises with
//! `<link rel="alternate" type="application/rss+xml" href="...">`. Read with html5ever's
//! tokenizer (the HTML5 one ammonia already brings), so comments, scripts and odd quoting are
//! handled as a browser would.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use url::Url;

const FEED_TYPES: [&str; 5] = [
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
];

/// Only the head matters, and a hostile page may be huge.
const MAX_HTML_BYTES: usize = 512 * 1024;

#[derive(Default)]
struct Links {
    base: RefCell<Option<String>>,
    feeds: RefCell<Vec<String>>,
}

impl TokenSink for Links {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != TagKind::StartTag {
            return TokenSinkResult::Continue;
        }
        let attr = |name: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| a.value.to_string())
        };
        match &*tag.name {
            "base" => {
                let mut base = self.base.borrow_mut();
                if base.is_none() {
                    *base = attr("href");
                }
            }
            "link" => {
                let alternate = attr("rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("alternate"))
                });
                let feed_type = attr("type").is_some_and(|t| {
                    let t = t.trim().to_ascii_lowercase();
                    FEED_TYPES.iter().any(|f| t.starts_with(f))
                });
                if alternate
                    && feed_type
                    && let Some(href) = attr("href").filter(|h| !h.trim().is_empty())
                {
                    self.feeds.borrow_mut().push(href);
                }
            }
            // Without a tree builder the tokenizer cannot know these hold text, not markup: a
            // `<link>` written by a script is not one the page advertises.
            "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                return TokenSinkResult::RawData(RawKind::Rawtext);
            }
            "title" | "textarea" => return TokenSinkResult::RawData(RawKind::Rcdata),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The feed URLs `html` advertises, absolute, in page order.
pub fn feed_links(html: &str, page: &Url) -> Vec<Url> {
    let mut end = html.len().min(MAX_HTML_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(&html[..end]));
    let tokenizer = Tokenizer::new(Links::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let links = tokenizer.sink;
    let base = links
        .base
        .borrow()
        .as_deref()
        .and_then(|b| page.join(b.trim()).ok())
        .unwrap_or_else(|| page.clone());
    let feeds = links.feeds.borrow();
    let mut found: Vec<Url> = Vec::new();
    for href in feeds.iter() {
        if let Ok(url) = base.join(href.trim())
            && matches!(url.scheme(), "http" | "https")
            && !found.contains(&url)
        {
            found.push(url);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_advertised_feeds_and_resolves_them() {
        let page = Url::parse("https://news.example/world/").unwrap();
        let html = r#"<!doctype html><html><head>
            <!-- <link rel="alternate" type="application/rss+xml" href="/commented-out.xml"> -->
            <link rel="stylesheet" href="/site.css">
            <LINK REL="Alternate" TYPE="application/rss+xml" HREF="rss.xml" title="World">
            <link rel=alternate type='application/atom+xml' href=//cdn.example/atom>
            <link rel="alternate" type="text/html" hreflang="de" href="/de/">
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <title>A <link rel="alternate" type="application/rss+xml" href="/in-title"></title>
            </head><body><script>document.write('<link rel="alternate" type="application/rss+xml" href="/x">')</script></body></html>"#;
        let found: Vec<String> = feed_links(html, &page)
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            found,
            [
                "https://news.example/world/rss.xml",
                "https://cdn.example/atom"
            ]
        );
    }

    #[test]
    fn a_base_element_changes_what_relative_links_mean() {
        let page = Url::parse("https://news.example/a/b").unwrap();
        let html = r#"<base href="/feeds/"><link rel="alternate" type="application/feed+json" href="f.json">"#;
        assert_eq!(
            feed_links(html, &page),
            [Url::parse("https://news.example/feeds/f.json").unwrap()]
        );
        assert!(feed_links("<p>no head at all", &page).is_empty());
    }
}
