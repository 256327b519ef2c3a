//! A story as the server keeps it: the article the browser gets, and what only the server uses
//! (the feed's own HTML, the wire-copy keys). `wire()` is the one place a record becomes what
//! is sent.

use app::model::Article;
use std::ops::{Deref, DerefMut};

#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// What the browser gets of this story.
    pub article: Article,
    /// The feed's own HTML of the summary or content, as the feed sent it (capped): hostile,
    /// so it is sanitized when a page shows it. Never sent.
    pub summary_html: String,
    /// Keys for recognising wire copies, worked out once per fetch rather than on every
    /// timeline request. Never sent.
    pub text_keys: Vec<String>,
}

impl Record {
    /// The story as it is sent to the browser.
    pub fn wire(&self) -> Article {
        self.article.clone()
    }
}

/// A record reads as its article (`record.title`), so the pipeline's code reads as before.
impl Deref for Record {
    type Target = Article;

    fn deref(&self) -> &Article {
        &self.article
    }
}

impl DerefMut for Record {
    fn deref_mut(&mut self) -> &mut Article {
        &mut self.article
    }
}
