//! The plain text of feed HTML, for titles and card excerpts, in one pass over the bytes.
//!
//! Cards show text, never markup, so they do not need the sanitizer's tree: this reads the HTML
//! as a browser's tokenizer would (tags with quoted attributes, comments, the raw text of
//! `<script>` and `<style>`, character references from the HTML5 table) and keeps only the
//! text. An excerpt stops reading once it has enough, so a long story costs what its first
//! lines cost. The output is text to be escaped by whoever shows it, never HTML.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// Elements whose content is never story text; their content is skipped up to the closing tag.
const SKIPPED: [&str; 10] = [
    "script", "style", "template", "noscript", "iframe", "noembed", "noframes", "xmp", "textarea",
    "select",
];

/// Elements whose edges separate words.
const BLOCKS: [&str; 27] = [
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// All the text of `html`: tags dropped, character references decoded, white space folded.
pub fn plain(html: &str) -> String {
    // Most titles are plain already.
    if !html.contains(['<', '&']) {
        let mut out = Folded::new(usize::MAX);
        out.push_str(html);
        return out.text;
    }
    prefix(html, usize::MAX)
}

/// The text of `html` as `plain` gives it, read only until it holds more than `limit`
/// characters: enough for an excerpt of `limit`, which is then the same as from all the text.
pub fn prefix(html: &str, limit: usize) -> String {
    let mut out = Folded::new(limit);
    let bytes = html.as_bytes();
    let mut at = 0;
    while at < bytes.len() && !out.full() {
        let Some(next) = memchr2(b'<', b'&', &bytes[at..]) else {
            out.push_str(&html[at..]);
            break;
        };
        out.push_str(&html[at..at + next]);
        at += next;
        at = if bytes[at] == b'&' {
            let (decoded, end) = char_ref(html, at);
            match decoded {
                Some((first, second)) => {
                    out.push(first);
                    if let Some(second) = second {
                        out.push(second);
                    }
                }
                None => out.push('&'),
            }
            end
        } else {
            markup(html, at, &mut out)
        };
    }
    out.text
}

/// A card's excerpt of `html`: at most `max_chars` characters of its text, cut at a word
/// boundary where there is one, with an ellipsis.
pub fn excerpt(html: &str, max_chars: usize) -> String {
    cut(&prefix(html, max_chars), max_chars)
}

/// `text` cut to at most `max_chars` characters.
fn cut(text: &str, max_chars: usize) -> String {
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

/// Reads the markup that starts with the `<` at `at`; returns where the text goes on.
fn markup(html: &str, at: usize, out: &mut Folded) -> usize {
    let bytes = html.as_bytes();
    let rest = &bytes[at + 1..];
    match rest.first() {
        Some(b'!') if rest.starts_with(b"!--") => {
            find(bytes, at + 4, b"-->").map_or(bytes.len(), |i| i + 3)
        }
        Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
            let (name, _) = tag_name(html, at + 2);
            if is_block(name) {
                out.space();
            }
            find(bytes, at + 2, b">").map_or(bytes.len(), |i| i + 1)
        }
        // `<!...>`, `<?...>` and `</` without a name are bogus comments, up to the next `>`.
        Some(b'!' | b'?' | b'/') => find(bytes, at + 1, b">").map_or(bytes.len(), |i| i + 1),
        Some(c) if c.is_ascii_alphabetic() => {
            let (name, after_name) = tag_name(html, at + 1);
            let end = start_tag_end(bytes, after_name);
            if is_block(name) {
                out.space();
            }
            match SKIPPED.iter().find(|s| s.eq_ignore_ascii_case(name)) {
                Some(skipped) => closing_tag(bytes, end, skipped).unwrap_or(bytes.len()),
                None => end,
            }
        }
        // A `<` that opens no tag is text.
        _ => {
            out.push('<');
            at + 1
        }
    }
}

fn is_block(name: &str) -> bool {
    BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(name))
}

/// The tag name starting at `from`, and where it ends.
fn tag_name(html: &str, from: usize) -> (&str, usize) {
    let len = html.as_bytes()[from..]
        .iter()
        .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
        .unwrap_or(html.len() - from);
    (&html[from..from + len], from + len)
}

/// Just past the `>` that closes a start tag whose attributes begin at `from`: a `>` inside a
/// quoted attribute value does not close it (the HTML5 tokenizer's attribute states, reduced to
/// what decides where the tag ends).
fn start_tag_end(bytes: &[u8], from: usize) -> usize {
    enum State {
        Other,
        BeforeValue,
        Unquoted,
    }
    let mut state = State::Other;
    let mut i = from;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'>' {
            return i + 1;
        }
        state = match state {
            State::Other if c == b'=' => State::BeforeValue,
            State::Other => State::Other,
            State::BeforeValue if c.is_ascii_whitespace() => State::BeforeValue,
            State::BeforeValue if c == b'"' || c == b'\'' => {
                match bytes[i + 1..].iter().position(|&q| q == c) {
                    Some(p) => i += p + 1,
                    None => return bytes.len(),
                }
                State::Other
            }
            State::BeforeValue => State::Unquoted,
            State::Unquoted if c.is_ascii_whitespace() => State::Other,
            State::Unquoted => State::Unquoted,
        };
        i += 1;
    }
    bytes.len()
}

/// Just past `</name ...>` at or after `from`, the name in any case.
fn closing_tag(bytes: &[u8], mut from: usize, name: &str) -> Option<usize> {
    loop {
        let lt = find(bytes, from, b"</")?;
        let after = lt + 2 + name.len();
        let matches = bytes
            .get(lt + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_none_or(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>');
        if matches {
            return Some(find(bytes, after, b">").map_or(bytes.len(), |i| i + 1));
        }
        from = lt + 2;
    }
}

/// The character reference at the `&` at `at` (one or two characters), and where the text goes
/// on; `None` for an `&` that starts none, which is then text.
fn char_ref(html: &str, at: usize) -> (Option<(char, Option<char>)>, usize) {
    let bytes = html.as_bytes();
    if bytes.get(at + 1) == Some(&b'#') {
        let hex = matches!(bytes.get(at + 2), Some(b'x' | b'X'));
        let digits_at = at + 2 + usize::from(hex);
        let digits = bytes[digits_at..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return (None, at + 1);
        }
        let text = &html[digits_at..digits_at + digits];
        let value = u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let mut end = digits_at + digits;
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        return (Some((numeric_char(value), None)), end);
    }
    // The longest name in the table, with or without its `;` (a few legacy ones need none).
    let run = bytes[at + 1..]
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let with_semicolon = bytes.get(at + 1 + run) == Some(&b';');
    let candidates = (1..=run)
        .rev()
        .map(|len| (len, len == run && with_semicolon));
    for (len, semicolon) in std::iter::once((run, with_semicolon)).chain(candidates) {
        let name_end = at + 1 + len + usize::from(semicolon);
        if let Some(&(first, second)) = NAMED_ENTITIES.get(&html[at + 1..name_end])
            && first != 0
        {
            let first = char::from_u32(first).unwrap_or('\u{fffd}');
            let second = char::from_u32(second).filter(|&c| c != '\0');
            return (Some((first, second)), name_end);
        }
    }
    (None, at + 1)
}

/// A numeric character reference's character, with the HTML5 tokenizer's replacements.
fn numeric_char(value: u32) -> char {
    match value {
        0x80..=0x9f => C1_REPLACEMENTS[(value - 0x80) as usize].unwrap_or('\u{fffd}'),
        0 => '\u{fffd}',
        _ => char::from_u32(value).unwrap_or('\u{fffd}'),
    }
}

/// Where `needle` first occurs at or after `from`, as an index into `bytes`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    let first = needle[0];
    let mut i = 0;
    while let Some(p) = hay[i..].iter().position(|&c| c == first) {
        if hay[i + p..].starts_with(needle) {
            return Some(from + i + p);
        }
        i += p + 1;
    }
    None
}

fn memchr2(a: u8, b: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == a || c == b)
}

/// Text with white space folded to single spaces as it is written, and a character budget.
struct Folded {
    text: String,
    chars: usize,
    limit: usize,
    pending_space: bool,
}

impl Folded {
    fn new(limit: usize) -> Self {
        Folded {
            text: String::new(),
            chars: 0,
            limit,
            pending_space: false,
        }
    }

    fn full(&self) -> bool {
        self.chars > self.limit
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.pending_space = true;
            return;
        }
        if self.pending_space && !self.text.is_empty() {
            self.text.push(' ');
            self.chars += 1;
        }
        self.pending_space = false;
        self.text.push(c);
        self.chars += 1;
    }

    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if self.full() {
                return;
            }
            self.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// What the sanitizer's own parser makes of the same HTML: ammonia keeping no tag and
    /// dropping script and style content, block edges turned into spaces first.
    fn reference(html: &str) -> String {
        let mut spaced = html.to_string();
        for block in BLOCKS {
            spaced = spaced
                .replace(&format!("<{block}"), &format!(" <{block}"))
                .replace(&format!("</{block}>"), &format!(" </{block}>"));
        }
        let cleaned = ammonia::Builder::empty()
            .clean_content_tags(HashSet::from(SKIPPED))
            .clean(&spaced)
            .to_string()
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&nbsp;", "\u{a0}")
            .replace("&amp;", "&");
        cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_same_text_as_the_full_parser() {
        for html in [
            "Tom &amp; Jerry <b>strike</b>   back &lt;3",
            "<script>x</script>दिल्ली &quot;news&quot;",
            "caf&eacute; &#8220;q&#8221; &#x4E2D;&#X56FD;",
            r#"<p title="a > b" onclick='x>y'>Tom &amp; Jerry</p><p>strike &lt;back&gt;</p>"#,
            "<ul><li>one</li><li>two</li></ul>x&nbsp;y<br>z",
            "<script>if (a < b && c > d) document.write('</p>')</script><b>bold</b>text",
            "<STYLE type=text/css>p { color: red }</STYLE>after",
            "<!-- a comment with <p>markup</p> -->visible<!doctype html>",
            "a < b and c<d",
            "but <3 & &unknown; &amp </> <//x> trail",
            "&notit; &notin; &copy2026 &lt3",
            "<img src=x alt=\"<not text>\">قال مسؤولون <a href=\"/q?a=1&b=2\">يوم الاثنين</a>",
            "<div><p>中国外交部</p><p>发言人表示</p></div>",
            "&#0; &#128; &#x110000; &#9731;",
            "<noscript><img src=pixel></noscript><template><p>t</p></template>kept",
            "unclosed <b attr=\"never closed",
        ] {
            assert_eq!(plain(html), reference(html), "{html}");
        }
    }

    #[test]
    fn a_prefix_gives_the_same_excerpt_as_all_the_text() {
        let html = "<p>one two three four five six seven eight nine ten</p>".repeat(40);
        let all = plain(&html);
        for limit in [5, 17, 80, 280] {
            let part = prefix(&html, limit);
            assert!(part.chars().count() > limit);
            assert!(all.starts_with(&part), "{limit}");
            assert_eq!(excerpt(&html, limit), cut(&all, limit));
        }
    }

    #[test]
    fn excerpts_cut_on_words_or_characters() {
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(excerpt("<p>one two</p><p>three four</p>", 12), "one two…");
        assert_eq!(excerpt("中国外交部发言人表示", 4), "中国外交…");
    }

    #[test]
    fn a_prefix_stops_reading_early() {
        // The rest is never looked at: an unclosed comment there would otherwise swallow it.
        let html = format!("<p>{}</p><!-- {}", "word ".repeat(100), "x".repeat(1000));
        assert_eq!(prefix(&html, 20), "word word word word w");
    }
}
