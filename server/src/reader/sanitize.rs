//! Feed HTML is hostile: everything shown from it passes through here, always as the last step.

use crate::record::Record;
use ammonia::{Builder, UrlRelative};
use std::collections::HashSet;
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

/// An article's own HTML from its feed, made safe to show: relative links resolve against the
/// article's address, as a browser on that page would resolve them.
pub fn feed_html(article: &Record) -> String {
    story_html(
        &article.summary_html,
        Url::parse(&article.link).ok().as_ref(),
    )
}

/// Story HTML reduced to the allowlist; relative links resolved against `base`.
pub fn story_html(html: &str, base: Option<&Url>) -> String {
    first_image_eager(story_builder(base).clean(html).to_string())
}

/// Every image is lazy but the first: it is usually the story's lead picture, in view as the
/// page opens (often its largest paint), and a lazy one waits for layout before it is asked for.
/// In the cleaned HTML, `loading` is each `<img>`'s last attribute and no value holds a bare
/// `"`, so the first `loading="lazy"` after the first `<img` is that image's.
fn first_image_eager(mut html: String) -> String {
    const LAZY: &str = r#" loading="lazy""#;
    if let Some(img) = html.find("<img ")
        && let Some(at) = html[img..].find(LAZY)
    {
        html.replace_range(img + at..img + at + LAZY.len(), "");
    }
    html
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
    fn images_are_absolute_and_lazy_but_the_first() {
        let out = story_html(
            r#"<p>loading="lazy"</p><img src="/a.jpg" alt='say "hi" loading="lazy"' onerror="x()"><img src="b.png">"#,
            Some(&base()),
        );
        assert_eq!(
            out,
            r#"<p>loading="lazy"</p><img src="https://news.example/a.jpg" alt="say &quot;hi&quot; loading=&quot;lazy&quot;"><img src="https://news.example/world/b.png" loading="lazy">"#
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
        assert_eq!(out, format!(r#"<img src="{png}" alt="dot">"#));
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
        assert_eq!(out, r#"<a rel="noopener noreferrer">x</a><img>"#);
    }
}
