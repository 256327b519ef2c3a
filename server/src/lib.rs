//! Panorama's server: the feed pipeline as a library, so it is testable and benchable without a
//! browser. The `panorama` binary (main.rs) is a thin shell around it.

pub mod archive;
pub mod cache;
pub mod catalog;
pub mod charset;
pub mod check;
pub mod config;
pub mod discover;
pub mod fetch;
pub mod html_text;
pub mod inspect;
pub mod inspect_story;
pub mod normalize;
pub mod related;
pub mod sanitize;
pub mod search;
pub mod service;
pub mod store;
pub mod story;
pub mod timeline;
pub mod web;
