//! The web server's edge: configuration read once at boot, and the router (pages, the API,
//! static files, headers).

pub mod config;
pub mod router;
