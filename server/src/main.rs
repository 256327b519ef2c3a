//! The `panorama` binary: serves Panorama, or runs an operator's tool.

use axum::serve::ListenerExt;
use leptos::config::get_configuration;
use panorama_server::catalog::Catalog;
use panorama_server::http::config::Config;
use panorama_server::reader::fetch::Fetcher;
use panorama_server::service::NewsService;
use panorama_server::store::Store;
use std::path::Path;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

const USAGE: &str = "\
usage:
  panorama                          serve Panorama (LEPTOS_SITE_ADDR, LEPTOS_SITE_ROOT, PANORAMA_*)
  panorama inspect-feed <url|file>  print, as JSON, what Panorama would show for one feed,
                                    with the fetch trace and the charset chosen
  panorama inspect-story <id|url>   read every catalog feed, group the stories and print, as
                                    JSON, the story of one article (its id, or its address at
                                    the outlet): each linked article with why it was linked
  panorama check-catalog            fetch every feed of the catalog (PANORAMA_CATALOG or the
                                    built-in one) and print a table; fails if a source with
                                    feeds has none that works
  panorama --help                   this text";

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("panorama: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["serve"] => runtime.block_on(serve()),
        ["inspect-feed", input] => runtime.block_on(inspect(input)),
        ["check-catalog"] => runtime.block_on(check_catalog()),
        ["inspect-story", query] => runtime.block_on(inspect_story(query)),
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(format!("unknown arguments {args:?}\n{USAGE}")),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("panorama: {message}");
            ExitCode::FAILURE
        }
    }
}

/// How long a stop waits for the store's last writes.
const SHUTDOWN_FLUSH: std::time::Duration = std::time::Duration::from_secs(5);

async fn serve() -> Result<ExitCode, String> {
    let (config, catalog) = config_and_catalog()?;
    let source_count = catalog.sources.len();
    let fetcher = Fetcher::new(config.fetch.clone()).map_err(|e| e.to_string())?;
    let opened = std::time::Instant::now();
    let store = Store::open(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    let service = NewsService::new(catalog, fetcher, config.service.clone(), store.clone());
    let (stories, feeds) = service.restore().await.map_err(|e| e.to_string())?;
    tracing::info!(
        database = %store.place(),
        stories,
        feeds,
        ms = opened.elapsed().as_millis() as u64,
        "store opened"
    );
    if config.service.contact.email.is_none() && config.service.contact.address.is_none() {
        tracing::warn!(
            "Contact Us says no contact details are published: set PANORAMA_CONTACT_EMAIL and/or PANORAMA_CONTACT_ADDRESS (README: Configuration)"
        );
    }
    service.spawn_refresher();
    service.spawn_story_walker();
    service.spawn_pruner();
    service.spawn_announcement_listener();

    let mut leptos = get_configuration(None)
        .map_err(|e| format!("leptos configuration: {e}"))?
        .leptos_options;
    // A build with hashed file names leaves their list beside the binary: use it unless
    // LEPTOS_HASH_FILES says otherwise, so the binary serves its own build as it is.
    if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
        leptos.hash_files = std::env::current_exe()
            .map(|exe| exe.with_file_name(leptos.hash_file.as_ref()).exists())
            .unwrap_or(false);
    }
    let addr = leptos.site_addr;
    let app = panorama_server::http::router::router(service, leptos);
    // TCP_NODELAY on every connection: a file is answered in two writes (headers, then
    // body), and with Nagle's algorithm the second waits for the browser's delayed ACK,
    // about 40 ms per file on a kept-alive connection (tests/serving.rs).
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?
        .tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!("cannot set TCP_NODELAY: {e}");
            }
        });
    tracing::info!(
        %addr,
        catalog = config.catalog.as_ref().map_or("built in".to_string(), |p| p.display().to_string()),
        sources = source_count,
        "Panorama is serving on http://{addr}"
    );
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(|e| format!("server: {e}"))?;
    // What the writer still holds is written before the process ends (a few seconds at most).
    if tokio::time::timeout(SHUTDOWN_FLUSH, store.flush())
        .await
        .is_err()
    {
        tracing::warn!("store: the last writes did not finish in time");
    }
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

/// Ctrl-C or SIGTERM: finish the requests in flight, then stop.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

async fn inspect(input: &str) -> Result<ExitCode, String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let fetcher = Fetcher::new(config.fetch).map_err(|e| e.to_string())?;
    let report = panorama_server::tools::inspect_feed::inspect_feed(input, &fetcher).await;
    print_report(&report, report.error.is_some())
}

/// Prints a command's report as JSON; the exit code says whether it holds an error.
fn print_report(report: &impl serde::Serialize, failed: bool) -> Result<ExitCode, String> {
    let json = serde_json::to_string_pretty(report)
        .map_err(|e| format!("cannot encode the report: {e}"))?;
    println!("{json}");
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The configuration, and the catalog it names (else the built-in one).
fn config_and_catalog() -> Result<(Config, Catalog), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let catalog = match &config.catalog {
        Some(path) => Catalog::load(path),
        None => Catalog::built_in(),
    }
    .map_err(|e| e.to_string())?;
    Ok((config, catalog))
}

async fn inspect_story(query: &str) -> Result<ExitCode, String> {
    let (config, catalog) = config_and_catalog()?;
    let fetcher = Fetcher::new(config.fetch).map_err(|e| e.to_string())?;
    // The tool reads the outlets afresh into a store of its own, thrown away after.
    let store = Store::temporary().await.map_err(|e| e.to_string())?;
    let scratch = store.path().map(Path::to_path_buf).unwrap_or_default();
    let service = NewsService::new(catalog, fetcher, config.service, store);
    let report = panorama_server::tools::inspect_story::inspect_story(&service, query).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", scratch.display()));
    }
    print_report(&report, report.error.is_some())
}

async fn check_catalog() -> Result<ExitCode, String> {
    let (config, catalog) = config_and_catalog()?;
    let fetcher = Fetcher::new(config.fetch).map_err(|e| e.to_string())?;
    let rows = panorama_server::tools::check_catalog::check_catalog(&catalog, &fetcher).await;
    print!(
        "{}",
        panorama_server::tools::check_catalog::render(&rows, chrono::Utc::now())
    );
    Ok(
        if panorama_server::tools::check_catalog::failing_sources(&rows).is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        },
    )
}
