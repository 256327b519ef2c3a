//! Panorama's server: the feed pipeline as a library, so it is testable and benchable without a
//! browser. The `panorama` binary (main.rs) is a thin shell around it.
//!
//! Data flows one way: `reader` fetches and parses each feed; the loader in `service` records
//! its stories in the `store`; `news` builds timelines, related stories and search answers
//! from what is read and stored; `http` serves them. `service` is the facade the API calls.

pub mod catalog;
pub mod http;
pub mod news;
pub mod reader;
pub mod record;
pub mod service;
pub mod store;
pub mod tools;
