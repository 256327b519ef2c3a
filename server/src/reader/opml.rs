//! Reading OPML as feed readers really export it (Feedly, Inoreader, Miniflux, FreshRSS,
//! NewsBlur, Feeder, Panorama): leniently, since files in the wild are often not quite valid.
//! No `version` is fine; a bare `&` is read as text; folders may nest (the innermost names the
//! feed's folder); attribute names are matched without regard to case (`xmlUrl`, `xmlurl`). A
//! file that declares entities is refused before it is parsed (OPML never needs them, and an
//! entity bomb is what they are for); quick-xml expands none anyway.

/// One feed the file lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    pub title: String,
    pub xml_url: Option<String>,
    pub html_url: Option<String>,
    /// The innermost folder it is in, if any.
    pub folder: Option<String>,
}

/// What was read: the feeds, and why the reading stopped early, if it did.
#[derive(Debug, Default, PartialEq)]
pub struct Read {
    pub outlines: Vec<Outline>,
    pub stopped: Option<String>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum OpmlError {
    #[error("the file declares entities, which OPML never needs: it was not read")]
    Entities,
    #[error("this is not an OPML file: {0}")]
    NotOpml(String),
}

/// `&` that starts no reference becomes `&amp;`: exported titles often carry a bare one.
fn escape_bare_ampersands(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let reference = after.find(';').is_some_and(|end| {
            let name = &after[..end];
            end <= 10
                && !name.is_empty()
                && (name.bytes().all(|b| b.is_ascii_alphanumeric())
                    || (name.starts_with('#')
                        && name[1..].bytes().all(|b| b.is_ascii_alphanumeric())))
        });
        out.push_str(if reference { "&" } else { "&amp;" });
        rest = after;
    }
    out.push_str(rest);
    out.into()
}

/// Reads the feeds an OPML file lists.
pub fn read(text: &str) -> Result<Read, OpmlError> {
    use quick_xml::events::{BytesStart, Event};
    let text = text.trim_start_matches('\u{feff}');
    if text.contains("<!ENTITY") {
        return Err(OpmlError::Entities);
    }
    let text = escape_bare_ampersands(text);
    let mut reader = quick_xml::Reader::from_str(&text);
    reader.config_mut().check_end_names = false;
    reader.config_mut().trim_text(true);
    let attr = |tag: &BytesStart, name: &str| -> Option<String> {
        tag.attributes().flatten().find_map(|a| {
            let key = a.key.local_name().as_ref().to_ascii_lowercase();
            (key == name).then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map(|v| v.trim().to_string())
                    .unwrap_or_else(|_| a.value.trim().to_string())
            })
        })
    };
    let mut read = Read::default();
    let mut seen_root = false;
    // For each open outline: the folder it names, if it is one.
    let mut open: Vec<Option<String>> = Vec::new();
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) if read.outlines.is_empty() && !seen_root => {
                return Err(OpmlError::NotOpml(format!("it does not read as XML ({e})")));
            }
            Err(e) => {
                read.stopped = Some(format!(
                    "the file breaks off at byte {} ({e}); the feeds before are read",
                    reader.buffer_position()
                ));
                return Ok(read);
            }
        };
        match event {
            Event::Start(tag) | Event::Empty(tag) if !seen_root => {
                let name = tag.local_name().as_ref().to_ascii_lowercase();
                if name != "opml" {
                    return Err(OpmlError::NotOpml(format!("its root element is <{name}>")));
                }
                seen_root = true;
            }
            Event::Start(ref tag) | Event::Empty(ref tag)
                if tag.local_name().as_ref().eq_ignore_ascii_case("outline") =>
            {
                let empty = matches!(event, Event::Empty(_));
                let xml_url = attr(tag, "xmlurl").filter(|u| !u.is_empty());
                let html_url = attr(tag, "htmlurl").filter(|u| !u.is_empty());
                let title = attr(tag, "text")
                    .filter(|t| !t.is_empty())
                    .or_else(|| attr(tag, "title").filter(|t| !t.is_empty()));
                let is_feed = xml_url.is_some() || html_url.is_some();
                if is_feed {
                    read.outlines.push(Outline {
                        title: title
                            .clone()
                            .or_else(|| xml_url.clone())
                            .or_else(|| html_url.clone())
                            .unwrap_or_default(),
                        xml_url,
                        html_url,
                        folder: open.iter().rev().find_map(|f| f.clone()),
                    });
                }
                if !empty {
                    open.push((!is_feed).then_some(title).flatten());
                }
            }
            Event::End(tag) if tag.local_name().as_ref().eq_ignore_ascii_case("outline") => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(OpmlError::NotOpml("it holds no <opml> element".into()));
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(read: &Read) -> Vec<(&str, Option<&str>, Option<&str>)> {
        read.outlines
            .iter()
            .map(|o| (o.title.as_str(), o.xml_url.as_deref(), o.folder.as_deref()))
            .collect()
    }

    #[test]
    fn a_feedly_export_with_nested_folders_and_no_version() {
        let read = super::read(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<opml><head><title>Feedly</title></head><body>
  <outline text="News" title="News">
    <outline text="World">
      <outline type="rss" text="Wire" title="Wire" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"/>
    </outline>
    <outline type="rss" text="Local" xmlUrl="https://local.example/feed"/>
  </outline>
  <outline type="rss" title="Untitled folderless" xmlUrl="https://b.example/atom"/>
</body></opml>"#,
        )
        .unwrap();
        assert_eq!(
            urls(&read),
            [
                ("Wire", Some("https://wire.example/rss"), Some("World")),
                ("Local", Some("https://local.example/feed"), Some("News")),
                ("Untitled folderless", Some("https://b.example/atom"), None),
            ]
        );
        assert_eq!(read.stopped, None);
    }

    #[test]
    fn bare_ampersands_lowercase_names_and_html_url_only() {
        let read = super::read(
            "<opml version='1.0'><body><outline text='Arts & Letters' xmlurl='https://a.example/?x=1&y=2'/>\
             <outline text='Site only' htmlUrl='https://site.example/'/>\
             <outline text='Fish &amp; Chips' XMLURL='https://c.example/feed'/></body></opml>",
        )
        .unwrap();
        assert_eq!(read.outlines[0].title, "Arts & Letters");
        assert_eq!(
            read.outlines[0].xml_url.as_deref(),
            Some("https://a.example/?x=1&y=2")
        );
        assert_eq!(read.outlines[1].xml_url, None);
        assert_eq!(
            read.outlines[1].html_url.as_deref(),
            Some("https://site.example/")
        );
        assert_eq!(read.outlines[2].title, "Fish & Chips");
    }

    #[test]
    fn an_entity_bomb_and_files_that_are_not_opml_are_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<opml><body><outline text="&lol2;" xmlUrl="https://x.example/"/></body></opml>"#;
        assert_eq!(super::read(bomb), Err(OpmlError::Entities));
        assert!(matches!(
            super::read("<rss version=\"2.0\"><channel/></rss>"),
            Err(OpmlError::NotOpml(why)) if why.contains("<rss>")
        ));
        assert!(matches!(
            super::read("just some text"),
            Err(OpmlError::NotOpml(_))
        ));
        assert!(matches!(
            super::read("{\"json\": true}"),
            Err(OpmlError::NotOpml(_))
        ));
    }

    #[test]
    fn a_file_that_breaks_off_keeps_the_feeds_before() {
        let read = super::read(
            "<opml><body><outline text='A' xmlUrl='https://a.example/feed'/><outline text='B' xmlUrl=\"https://b",
        )
        .unwrap();
        assert_eq!(read.outlines.len(), 1);
        assert!(read.stopped.is_some());
    }
}
