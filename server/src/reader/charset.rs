//! A feed's bytes to UTF-8 text. The encoding comes from, in this order: a byte order mark, the
//! HTTP `Content-Type` charset, the XML declaration, else UTF-8 (RFC 7303 §3, and what browsers
//! do). One exception, because servers get it wrong far more often than feeds do: a body that
//! the HTTP header calls Latin-1 / windows-1252 but that is valid UTF-8 with non-ASCII bytes is
//! UTF-8 (real Latin-1 text almost never happens to be valid UTF-8).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use serde::Serialize;
use std::borrow::Cow;

/// Where the chosen encoding came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CharsetFrom {
    ByteOrderMark,
    HttpHeader,
    /// The header said windows-1252 or a label of it, the bytes are UTF-8.
    Utf8DespiteHttpHeader,
    XmlDeclaration,
    /// An HTML page's `<meta charset>` (or `http-equiv` Content-Type) in its first 1024 bytes.
    HtmlMeta,
    Default,
}

/// How a body was decoded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decoding {
    /// The WHATWG name of the encoding used (`GB2312` decodes as `GBK`).
    pub encoding: &'static str,
    pub from: CharsetFrom,
    /// Bytes invalid in that encoding were replaced by U+FFFD.
    pub replaced_invalid_bytes: bool,
}

/// Decodes `body`, and rewrites an XML declaration to say UTF-8 so the XML parser does not
/// decode the text a second time.
pub fn decode(body: &[u8], content_type: Option<&str>) -> (String, Decoding) {
    let (encoding, from, bytes) = choose(body, content_type, Document::Xml);
    let (text, replaced) = encoding.decode_without_bom_handling(bytes);
    let text = match text {
        Cow::Borrowed(s) => declare_utf8(s).into_owned(),
        Cow::Owned(s) => declare_utf8(&s).into_owned(),
    };
    (
        text,
        Decoding {
            encoding: encoding.name(),
            from,
            replaced_invalid_bytes: replaced,
        },
    )
}

/// Decodes an HTML page: the byte order mark, then the HTTP charset, then a `<meta>` charset
/// (the HTML standard's prescan, shortened), else UTF-8.
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> (String, Decoding) {
    let (encoding, from, bytes) = choose(body, content_type, Document::Html);
    let (text, replaced) = encoding.decode_without_bom_handling(bytes);
    (
        text.into_owned(),
        Decoding {
            encoding: encoding.name(),
            from,
            replaced_invalid_bytes: replaced,
        },
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Document {
    Xml,
    Html,
}

fn choose<'a>(
    body: &'a [u8],
    content_type: Option<&str>,
    document: Document,
) -> (&'static Encoding, CharsetFrom, &'a [u8]) {
    if let Some((encoding, bom)) = Encoding::for_bom(body) {
        return (encoding, CharsetFrom::ByteOrderMark, &body[bom..]);
    }
    if let Some(encoding) = content_type
        .and_then(http_charset)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
    {
        if encoding == WINDOWS_1252 && !body.is_ascii() && std::str::from_utf8(body).is_ok() {
            return (UTF_8, CharsetFrom::Utf8DespiteHttpHeader, body);
        }
        return (encoding, CharsetFrom::HttpHeader, body);
    }
    if document == Document::Html {
        if let Some(encoding) = meta_charset(body).and_then(|l| Encoding::for_label(l.as_bytes())) {
            // As browsers do: a page cannot declare UTF-16 in ASCII bytes; it means UTF-8.
            let encoding = if encoding.is_ascii_compatible() {
                encoding
            } else {
                UTF_8
            };
            return (encoding, CharsetFrom::HtmlMeta, body);
        }
        return (UTF_8, CharsetFrom::Default, body);
    }
    if let Some(encoding) = xml_declared(body).and_then(|l| Encoding::for_label(l.as_bytes())) {
        // A declaration readable as ASCII cannot be in UTF-16; such a label is a mistake.
        let encoding = if encoding.is_ascii_compatible() {
            encoding
        } else {
            UTF_8
        };
        return (encoding, CharsetFrom::XmlDeclaration, body);
    }
    (UTF_8, CharsetFrom::Default, body)
}

/// The `charset` parameter of a `Content-Type`.
pub fn http_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

/// The `encoding` of an XML declaration at the very start of the body.
fn xml_declared(body: &[u8]) -> Option<String> {
    let head = &body[..body.len().min(1024)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(&head[..end]).ok()?;
    let (_, value) = attribute(declaration, "encoding")?;
    Some(value.to_string())
}

/// The charset a `<meta>` tag in the first 1024 bytes names: `<meta charset="x">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
fn meta_charset(body: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e);
        let tag = &rest[at..tag_end];
        if let Some(c) = tag.find("charset") {
            let value = tag[c + "charset".len()..].trim_start();
            if let Some(value) = value.strip_prefix('=') {
                let value = value.trim_start().trim_start_matches(['"', '\'']);
                let end = value
                    .find(|ch: char| {
                        ch == '"' || ch == '\'' || ch == ';' || ch == '/' || ch.is_whitespace()
                    })
                    .unwrap_or(value.len());
                if end > 0 {
                    return Some(value[..end].to_string());
                }
            }
        }
        rest = &rest[tag_end..];
    }
    None
}

/// `name="value"` inside an XML declaration: the value's byte range and the value.
fn attribute<'a>(declaration: &'a str, name: &str) -> Option<(std::ops::Range<usize>, &'a str)> {
    let at = declaration.find(name)? + name.len();
    let rest = &declaration[at..];
    let eq = rest.find('=')?;
    if !rest[..eq].trim().is_empty() {
        return None;
    }
    let after_eq = &rest[eq + 1..];
    let quote_at = after_eq.find(['"', '\''])?;
    if !after_eq[..quote_at].trim().is_empty() {
        return None;
    }
    let quote = after_eq.as_bytes()[quote_at] as char;
    let value_start = at + eq + 1 + quote_at + 1;
    let len = declaration[value_start..].find(quote)?;
    Some((
        value_start..value_start + len,
        &declaration[value_start..value_start + len],
    ))
}

fn declare_utf8(text: &str) -> Cow<'_, str> {
    let trimmed = text.trim_start();
    if !trimmed.starts_with("<?xml") {
        return Cow::Borrowed(text);
    }
    let offset = text.len() - trimmed.len();
    let Some(end) = trimmed.find("?>") else {
        return Cow::Borrowed(text);
    };
    match attribute(&trimmed[..end], "encoding") {
        Some((range, value)) if !value.eq_ignore_ascii_case("utf-8") => {
            let mut fixed = String::with_capacity(text.len());
            fixed.push_str(&text[..offset + range.start]);
            fixed.push_str("UTF-8");
            fixed.push_str(&text[offset + range.end..]);
            Cow::Owned(fixed)
        }
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rss(encoding: &str, title: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"{encoding}\"?><rss><channel><title>{title}</title></channel></rss>"
        )
    }

    #[test]
    fn the_xml_declaration_names_the_encoding_when_nothing_else_does() {
        let feed = rss("GB2312", "新闻");
        let (bytes, _, _) = encoding_rs::GBK.encode(&feed);
        let (text, how) = decode(&bytes, Some("application/xml"));
        assert!(text.contains("<title>新闻</title>"), "{text}");
        assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert_eq!(how.from, CharsetFrom::XmlDeclaration);
        assert_eq!(how.encoding, "GBK");
        assert!(!how.replaced_invalid_bytes);
    }

    #[test]
    fn the_http_charset_beats_the_declaration() {
        let feed = rss("UTF-8", "أخبار");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&feed);
        let (text, how) = decode(&bytes, Some("text/xml; charset=\"windows-1256\""));
        assert!(text.contains("أخبار"), "{text}");
        assert_eq!(how.from, CharsetFrom::HttpHeader);
        assert_eq!(how.encoding, "windows-1256");
    }

    #[test]
    fn a_byte_order_mark_beats_everything() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in rss("ISO-8859-1", "Köln").encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let (text, how) = decode(&bytes, Some("text/xml; charset=iso-8859-1"));
        assert!(text.contains("Köln"));
        assert_eq!(how.from, CharsetFrom::ByteOrderMark);
        assert_eq!(how.encoding, "UTF-16LE");
    }

    #[test]
    fn utf8_served_as_latin1_stays_utf8_but_real_latin1_decodes() {
        let utf8 = rss("UTF-8", "Grüße");
        let (text, how) = decode(utf8.as_bytes(), Some("text/xml; charset=ISO-8859-1"));
        assert!(text.contains("Grüße"));
        assert_eq!(how.from, CharsetFrom::Utf8DespiteHttpHeader);

        let feed = rss("ISO-8859-1", "Grüße");
        let (latin1, _, _) = WINDOWS_1252.encode(&feed);
        let (text, how) = decode(&latin1, Some("text/xml; charset=ISO-8859-1"));
        assert!(text.contains("Grüße"));
        assert_eq!(how.from, CharsetFrom::HttpHeader);
    }

    #[test]
    fn invalid_bytes_are_replaced_and_reported_not_fatal() {
        let mut bytes = rss("UTF-8", "ok ").into_bytes();
        let at = bytes.windows(3).position(|w| w == b"ok ").unwrap() + 3;
        bytes.splice(at..at, [0xC3, 0x28, 0xFF]);
        let (text, how) = decode(&bytes, None);
        assert!(text.contains("ok \u{FFFD}(\u{FFFD}</title>"), "{text}");
        assert!(how.replaced_invalid_bytes);
        assert_eq!(how.from, CharsetFrom::XmlDeclaration);
    }

    #[test]
    fn html_pages_declare_their_charset_in_a_meta_tag() {
        let gbk = encoding_rs::GBK.encode("新闻").0;
        let mut page = b"<!doctype html><html><head><meta charset=\"gb2312\"><title>".to_vec();
        page.extend_from_slice(&gbk);
        page.extend_from_slice(b"</title>");
        let (text, d) = decode_html(&page, Some("text/html"));
        assert!(text.contains("新闻"), "{text}");
        assert_eq!((d.encoding, d.from), ("GBK", CharsetFrom::HtmlMeta));

        let arabic = encoding_rs::WINDOWS_1256.encode("خبر").0;
        let mut page =
            br#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><p>"#
                .to_vec();
        page.extend_from_slice(&arabic);
        let (text, d) = decode_html(&page, None);
        assert!(text.contains("خبر"), "{text}");
        assert_eq!(d.from, CharsetFrom::HtmlMeta);

        // The HTTP header wins; nothing declared means UTF-8.
        let (_, d) = decode_html(b"<meta charset=gbk>", Some("text/html; charset=utf-8"));
        assert_eq!((d.encoding, d.from), ("UTF-8", CharsetFrom::HttpHeader));
        let (_, d) = decode_html("<p>ü".as_bytes(), None);
        assert_eq!((d.encoding, d.from), ("UTF-8", CharsetFrom::Default));
    }

    #[test]
    fn unknown_labels_fall_through() {
        let (text, how) = decode(
            rss("x-unknown", "plain").as_bytes(),
            Some("text/xml; charset=bogus"),
        );
        assert!(text.contains("plain"));
        assert_eq!(how.from, CharsetFrom::Default);
        assert_eq!(http_charset("text/xml;charset=UTF-8"), Some("UTF-8".into()));
        assert_eq!(http_charset("text/xml"), None);
    }
}
