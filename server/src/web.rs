//! The HTTP surface: Leptos pages, server functions under `/api`, static files.

use crate::service::NewsService;
use app::api::Backend;
use app::{App, shell};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::sync::Arc;
use tower_http::trace::TraceLayer;

/// The whole application, apart from `main` so tests can drive it.
pub fn router(service: Arc<NewsService>, options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let backend = Backend(service);
    Router::new()
        .leptos_routes_with_context(
            &options,
            routes,
            move || provide_context(backend.clone()),
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler(shell))
        .layer(TraceLayer::new_for_http())
        .with_state(options)
}
