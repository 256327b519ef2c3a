//! Reading the outlets: fetching (limits, conditional requests, redirects), the feed cache
//! (single flight, back-off), charsets, feed discovery, parsing into articles, HTML to text,
//! sanitizing (always last), and the text of an article's own page.

pub mod address_rules;
pub mod cache;
pub mod charset;
pub mod discover;
pub mod fetch;
pub mod html_text;
pub mod normalize;
pub mod opml;
pub mod sanitize;
pub mod story_text;
