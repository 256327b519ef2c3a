//! A reader's whole edition as OPML 2.0, the file every feed reader imports: one folder per
//! country (named in English, as Panorama's import reads them back), the catalog sources with
//! their main feed's address, then the reader's own feeds. Written here, in the browser, from
//! the preferences and the catalog; reading OPML is the server's (`server::reader::opml`).

use crate::model::CatalogView;
use crate::prefs::Preferences;

/// The file's name for a download on `day` (`YYYY-MM-DD`).
pub fn file_name(day: &str) -> String {
    format!("panorama-{day}.opml")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The edition as OPML 2.0.
pub fn export(prefs: &Preferences, catalog: &CatalogView) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>Panorama</title>\n  </head>\n  <body>\n",
    );
    for country in prefs.countries() {
        let Some(edition) = prefs.edition(country) else {
            continue;
        };
        out.push_str(&format!(
            "    <outline text=\"{name}\" title=\"{name}\">\n",
            name = escape(country.name())
        ));
        for id in std::iter::once(&edition.primary_source).chain(&edition.other_sources) {
            let Some(source) = catalog.sources.iter().find(|s| &s.id == id) else {
                continue;
            };
            let Some(feed) = &source.feed_url else {
                continue;
            };
            out.push_str(&format!(
                "      <outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{feed}\" htmlUrl=\"{home}\" language=\"{lang}\"/>\n",
                name = escape(&source.name),
                feed = escape(feed),
                home = escape(&source.homepage),
                lang = source.language.code(),
            ));
        }
        for own in &edition.own_feeds {
            out.push_str(&format!(
                "      <outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{feed}\" language=\"{lang}\"/>\n",
                name = escape(&own.title),
                feed = escape(&own.url),
                lang = own.language.code(),
            ));
        }
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::prefs::OwnFeed;

    #[test]
    fn every_country_is_a_folder_of_its_sources_and_own_feeds() {
        let catalog = crate::prefs::tests::catalog();
        let mut prefs = crate::prefs::tests::full();
        prefs.editions[1].own_feeds.push(OwnFeed {
            id: "own-0123456789ab".into(),
            url: "https://blog.example/feed?a=1&b=2".into(),
            title: "Tom & Jerry's \"blog\"".into(),
            language: Language::En,
        });
        let opml = export(&prefs, &catalog);
        assert!(
            opml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">")
        );
        let folders: Vec<&str> = opml
            .lines()
            .filter(|l| l.starts_with("    <outline text="))
            .collect();
        assert_eq!(folders.len(), 3);
        assert!(folders[0].contains("\"India\""));
        assert!(opml.contains("xmlUrl=\"https://aajtak-hi.example/feed.xml\""));
        assert!(opml.contains(
            "text=\"Tom &amp; Jerry&apos;s &quot;blog&quot;\" title=\"Tom &amp; Jerry&apos;s &quot;blog&quot;\" xmlUrl=\"https://blog.example/feed?a=1&amp;b=2\""
        ));
        assert_eq!(file_name("2026-12-07"), "panorama-2026-12-07.opml");
    }
}
