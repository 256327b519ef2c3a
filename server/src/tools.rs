//! The operator's command-line tools: inspect one feed, inspect one article's story, check the
//! whole catalog.

pub mod check_catalog;
pub mod inspect_feed;
pub mod inspect_story;
