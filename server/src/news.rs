//! What readers are shown from what was read: the merged timeline, More Related News (stories
//! grouped across outlets and languages), and search.

pub mod related;
pub mod search;
pub mod timeline;
