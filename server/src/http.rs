//! The web server's edge: configuration read once at boot, the router (pages, the API, static
//! files, headers), and what caches in front of it may keep.

pub mod caching;
pub mod config;
pub mod document;
pub mod router;
