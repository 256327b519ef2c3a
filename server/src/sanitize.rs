//! Feed HTML is hostile: everything shown from it passes through here, always as the last step.

use ammonia::{Builder, UrlRelative};
use std::collections::HashSet;
use std::sync::LazyLock;
use url::Url;

/// Tags kept in story HTML; everything else is dropped (its text kept, except for script and
/// style, whose content goes too).
const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "cite",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

fn story_builder(base: Option<&Url>) -> Builder<'static> {
    let mut b = Builder::default();
    b.tags(ALLOWED_TAGS.iter().copied().collect::<HashSet<_>>())
        .generic_attributes(HashSet::from(["lang", "dir", "title"]))
        .tag_attributes(
            [
                ("a", HashSet::from(["href"])),
                ("img", HashSet::from(["src", "alt", "width", "height"])),
                ("td", HashSet::from(["colspan", "rowspan"])),
                ("th", HashSet::from(["colspan", "rowspan", "scope"])),
                ("abbr", HashSet::from(["title"])),
            ]
            .into_iter()
            .collect(),
        )
        .url_schemes(HashSet::from(["http", "https", "mailto", "data"]))
        // `data:` passes the scheme check only to be judged here: inline raster images stay
        // (feeds embed small ones), every other use goes.
        .attribute_filter(|element, attribute, value| {
            if value
                .trim_start()
                .get(..5)
                .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
                && !(element == "img" && attribute == "src" && is_inline_raster(value))
            {
                return None;
            }
            Some(value.into())
        })
        .link_rel(Some("noopener noreferrer"))
        .set_tag_attribute_value("img", "loading", "lazy");
    match base {
        Some(base) => b.url_relative(UrlRelative::RewriteWithBase(base.clone())),
        None => b.url_relative(UrlRelative::Deny),
    };
    b
}

/// A `data:` URL holding a PNG, JPEG, GIF, WebP or AVIF image (not SVG, which can carry script).
fn is_inline_raster(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["png", "jpeg", "jpg", "gif", "webp", "avif"]
        .iter()
        .any(|kind| lower.starts_with(&format!("data:image/{kind};base64,")))
}

/// Story HTML reduced to the allowlist; relative links resolved against `base`.
pub fn story_html(html: &str, base: Option<&Url>) -> String {
    story_builder(base).clean(html).to_string()
}

static TEXT_ONLY: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut b = Builder::empty();
    b.clean_content_tags(HashSet::from(["script", "style", "template", "noscript"]));
    b
});

/// HTML (or text that may hold tags and entities) reduced to plain text: tags dropped, entities
/// decoded, white space folded.
pub fn plain_text(html: &str) -> String {
    // Most titles are plain already: no parser needed to fold their white space.
    if !html.contains(['<', '&']) {
        return fold_whitespace(html);
    }
    let cleaned = TEXT_ONLY.clean(html).to_string();
    // html5ever's serializer escapes exactly these in text; reversing them is exact.
    let decoded = cleaned
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    fold_whitespace(&decoded)
}

fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Elements whose edges separate words.
const BLOCKS: [&str; 24] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "tr",
    "td",
    "th",
    "table",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "h1",
];

/// The text of HTML that `story_html` produced, without parsing it again. Exact because that
/// HTML is html5ever's serialization: every attribute value double-quoted with `"` escaped,
/// and text escaping only `&`, `<`, `>` and no-break spaces. Block edges become spaces.
pub fn text_of_sanitized(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let tag = &rest[lt + 1..];
        // The tag ends at the first `>` outside a quoted value.
        let mut quoted = false;
        let end = tag
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(tag.len(), |(i, _)| i);
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if BLOCKS.contains(&name.as_str()) {
            text.push(' ');
        }
        rest = tag.get(end + 1..).unwrap_or("");
    }
    text.push_str(rest);
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    fold_whitespace(&decoded)
}

/// At most `max_chars` characters, cut at a word boundary where there is one, with an ellipsis.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    // Scripts without spaces (Chinese) are cut at the limit instead.
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ', '،']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.example/world/").unwrap()
    }

    #[test]
    fn scripts_and_their_text_are_removed() {
        let out = story_html("<p>Hi<script>alert(1)</script></p>", None);
        assert_eq!(out, "<p>Hi</p>");
    }

    #[test]
    fn event_handlers_and_styles_are_removed() {
        let out = story_html(
            r#"<p onclick="x()" style="color:red">a</p><style>p{}</style>"#,
            None,
        );
        assert_eq!(out, "<p>a</p>");
    }

    #[test]
    fn javascript_urls_are_removed() {
        let out = story_html(r#"<a href="javascript:alert(1)">x</a>"#, None);
        assert!(!out.contains("javascript"), "{out}");
    }

    #[test]
    fn iframes_and_forms_are_removed() {
        let out = story_html(
            r#"<iframe src="https://evil.example"></iframe><form action="/x"><input name=a></form>ok"#,
            None,
        );
        assert_eq!(out, "ok");
    }

    #[test]
    fn links_are_absolute_and_get_rel() {
        let out = story_html(r#"<a href="../story?id=1">s</a>"#, Some(&base()));
        assert_eq!(
            out,
            r#"<a href="https://news.example/story?id=1" rel="noopener noreferrer">s</a>"#
        );
    }

    #[test]
    fn images_are_lazy_and_absolute() {
        let out = story_html(r#"<img src="/a.jpg" alt="A" onerror="x()">"#, Some(&base()));
        assert_eq!(
            out,
            r#"<img src="https://news.example/a.jpg" alt="A" loading="lazy">"#
        );
    }

    #[test]
    fn javascript_urls_are_removed_however_disguised() {
        for href in [
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "&#106;avascript:alert(1)",
            "vbscript:msgbox(1)",
        ] {
            let out = story_html(&format!(r#"<a href="{href}">x</a>"#), None);
            assert_eq!(out, r#"<a rel="noopener noreferrer">x</a>"#, "{href}");
        }
    }

    #[test]
    fn data_urls_are_removed_except_raster_images() {
        let png = "data:image/png;base64,iVBORw0KGgo=";
        let out = story_html(&format!(r#"<img src="{png}" alt="dot">"#), None);
        assert_eq!(
            out,
            format!(r#"<img src="{png}" alt="dot" loading="lazy">"#)
        );
        for (html, why) in [
            (
                r#"<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>"#,
                "a link",
            ),
            (
                r#"<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">"#,
                "an SVG image",
            ),
            (
                r#"<img src="data:text/html,<script>x</script>">"#,
                "HTML in an img",
            ),
        ] {
            let out = story_html(html, None);
            assert!(!out.contains("data:"), "{why}: {out}");
        }
    }

    #[test]
    fn embedded_objects_and_page_level_tags_are_removed() {
        let out = story_html(
            r#"<object data="x.swf"></object><embed src="x.swf"><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel="stylesheet" href="x.css">ok"#,
            None,
        );
        assert_eq!(out, "ok");
    }

    #[test]
    fn svg_and_math_cannot_smuggle_script() {
        let out = story_html(
            r#"<svg onload="alert(1)"><script>alert(2)</script></svg><math><mtext><img src=x onerror=alert(3)></mtext></math>t"#,
            None,
        );
        assert!(!out.contains("alert"), "{out}");
        assert!(!out.contains("<svg") && !out.contains("onerror"), "{out}");
    }

    #[test]
    fn links_cannot_target_or_open_windows_by_themselves() {
        let out = story_html(
            r#"<a href="https://a.example/" target="_blank" rel="opener" ping="https://t.example/">a</a>"#,
            None,
        );
        assert_eq!(
            out,
            r#"<a href="https://a.example/" rel="noopener noreferrer">a</a>"#
        );
    }

    #[test]
    fn relative_urls_without_a_base_are_dropped_not_guessed() {
        let out = story_html(r#"<a href="/x">x</a><img src="y.jpg">"#, None);
        assert_eq!(
            out,
            r#"<a rel="noopener noreferrer">x</a><img loading="lazy">"#
        );
    }

    #[test]
    fn plain_text_decodes_entities_and_drops_tags() {
        assert_eq!(
            plain_text("Tom &amp; Jerry <b>strike</b>   back &lt;3"),
            "Tom & Jerry strike back <3"
        );
        assert_eq!(
            plain_text("<script>x</script>दिल्ली &quot;news&quot;"),
            "दिल्ली \"news\""
        );
        assert_eq!(plain_text("caf&eacute; &#8220;q&#8221;"), "café “q”");
    }

    #[test]
    fn text_of_sanitized_html_is_exact() {
        for html in [
            r#"<p title="a > b" onclick="x">Tom &amp; Jerry</p><p>strike &lt;back&gt;</p>"#,
            "<ul><li>one</li><li>two</li></ul>x&nbsp;y<br>z",
            "<script>hidden()</script><b>bold</b>text <a href=\"/q?a=1&b=2\">link</a>",
            "दिल्ली <em>में</em> बारिश। <img src=\"x.jpg\" alt=\"<x>\">",
        ] {
            let sanitized = story_html(html, None);
            let fast = text_of_sanitized(&sanitized);
            // The reference: the full parser, with block edges turned into spaces first.
            let spaced = sanitized
                .replace("</p>", " </p>")
                .replace("</li>", " </li>")
                .replace("<br>", " <br>");
            assert_eq!(fast, plain_text(&spaced), "{html}");
        }
        assert_eq!(
            text_of_sanitized(&story_html("<p>three days.</p><p>Leaders</p>", None)),
            "three days. Leaders"
        );
    }

    #[test]
    fn excerpts_cut_on_words_or_characters() {
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(excerpt("one two three four", 12), "one two…");
        assert_eq!(excerpt("中国外交部发言人表示", 4), "中国外交…");
    }
}
