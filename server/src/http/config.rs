//! Configuration, read from the environment once at boot. A bad value stops the server with a
//! message naming the variable; nothing is re-read per request.

use crate::reader::fetch::FetchLimits;
use crate::service::ServiceOptions;
use app::model::Contact;
use std::path::PathBuf;
use std::time::Duration;

/// Every setting. Leptos's own (`LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, ...) are read by Leptos.
#[derive(Clone, Debug)]
pub struct Config {
    /// `PANORAMA_CATALOG`: a catalog file to use instead of the built-in one.
    pub catalog: Option<PathBuf>,
    /// `PANORAMA_FEED_TTL_SECS` (600): how long a fetched feed is served before it is fetched again.
    /// `PANORAMA_ERROR_TTL_SECS` (60): the first wait before a failed feed is retried; it
    /// doubles with each failure in a row up to `PANORAMA_MAX_BACKOFF_SECS` (3600).
    /// `PANORAMA_DEADLINE_MS` (2000): how long a page waits for feeds not yet in the cache.
    /// `PANORAMA_REFRESH_EVERY_SECS` (300), `PANORAMA_REFRESH_WINDOW_SECS` (10800): how often
    /// feeds readers asked for within the window are refreshed in the background.
    /// `PANORAMA_PAGE_MEMO_MS` (1000): how long a built timeline page is answered again while
    /// no feed changed (0: never).
    /// `PANORAMA_CONTACT_NAME`, `PANORAMA_CONTACT_EMAIL`, `PANORAMA_CONTACT_ADDRESS` (lines
    /// separated by `\n` or `|`): the operator, shown on the Contact Us page.
    /// `PANORAMA_RELATED_EVERY_SECS` (900): how often every catalog feed is read for More
    /// Related News (0: never). `PANORAMA_RELATED_WINDOW_HOURS` (72): how far back its index
    /// reaches. `PANORAMA_RELATED_LINK_HOURS` (36): articles further apart are never one story.
    /// `PANORAMA_PUBLIC_URL`: the address readers use (`https://panorama.example`), for shared
    /// links and previews; else the request's `Host`.
    /// `PANORAMA_RETENTION_DAYS` (365): stories older than this leave the store.
    /// `PANORAMA_FEED_LEASE_SECS` (60): how long an instance holds a feed's turn while it
    /// fetches (one that dies keeps the fleet from that feed this long at most).
    /// `PANORAMA_INSTANCE`: this instance's name in the store's leases (PostgreSQL: host,
    /// process and start time when unset).
    pub service: ServiceOptions,
    /// `PANORAMA_FETCH_TIMEOUT_SECS` (20), `PANORAMA_CONNECT_TIMEOUT_SECS` (10),
    /// `PANORAMA_MAX_BODY_BYTES` (15 MiB), `PANORAMA_MAX_REDIRECTS` (5),
    /// `PANORAMA_PER_HOST` (4 requests at once), `PANORAMA_USER_AGENT`.
    pub fetch: FetchLimits,
    /// `PANORAMA_DATABASE_URL` (`sqlite://panorama-data/panorama.db`): the store;
    /// `sqlite:///abs/path.db` for an absolute path, `postgres://user:password@host:port/db`
    /// for a PostgreSQL shared by several instances.
    pub database_url: String,
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("config: {var}={value:?}: {message}")]
pub struct ConfigError {
    var: &'static str,
    value: String,
    message: String,
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let number = |var: &'static str, default: u64| -> Result<u64, ConfigError> {
            match lookup(var) {
                None => Ok(default),
                Some(value) => value.trim().parse().map_err(|_| ConfigError {
                    var,
                    value,
                    message: "expected a whole number".into(),
                }),
            }
        };
        let text = |var: &str| {
            lookup(var)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let defaults = FetchLimits::default();
        let service = ServiceOptions::default();
        Ok(Config {
            catalog: lookup("PANORAMA_CATALOG")
                .filter(|p| !p.is_empty())
                .map(PathBuf::from),
            service: ServiceOptions {
                feed_ttl: Duration::from_secs(number(
                    "PANORAMA_FEED_TTL_SECS",
                    service.feed_ttl.as_secs(),
                )?),
                error_ttl: Duration::from_secs(number(
                    "PANORAMA_ERROR_TTL_SECS",
                    service.error_ttl.as_secs(),
                )?),
                max_backoff: Duration::from_secs(number(
                    "PANORAMA_MAX_BACKOFF_SECS",
                    service.max_backoff.as_secs(),
                )?),
                deadline: Duration::from_millis(number(
                    "PANORAMA_DEADLINE_MS",
                    service.deadline.as_millis() as u64,
                )?),
                refresh_every: Duration::from_secs(
                    number(
                        "PANORAMA_REFRESH_EVERY_SECS",
                        service.refresh_every.as_secs(),
                    )?
                    .max(1),
                ),
                refresh_window: Duration::from_secs(number(
                    "PANORAMA_REFRESH_WINDOW_SECS",
                    service.refresh_window.as_secs(),
                )?),
                page_memo: Duration::from_millis(number(
                    "PANORAMA_PAGE_MEMO_MS",
                    service.page_memo.as_millis() as u64,
                )?),
                related_every: Duration::from_secs(number(
                    "PANORAMA_RELATED_EVERY_SECS",
                    service.related_every.as_secs(),
                )?),
                related: crate::news::related::RelatedOptions {
                    window: chrono::Duration::hours(
                        number(
                            "PANORAMA_RELATED_WINDOW_HOURS",
                            service.related.window.num_hours() as u64,
                        )?
                        .min(1_000_000) as i64,
                    ),
                    group: crate::news::related::GroupOptions {
                        link_window: chrono::Duration::hours(
                            number(
                                "PANORAMA_RELATED_LINK_HOURS",
                                service.related.group.link_window.num_hours() as u64,
                            )?
                            .min(1_000_000) as i64,
                        ),
                        ..service.related.group.clone()
                    },
                },
                retention: chrono::Duration::days(
                    number(
                        "PANORAMA_RETENTION_DAYS",
                        service.retention.num_days() as u64,
                    )?
                    .clamp(1, 1_000_000) as i64,
                ),
                lease: Duration::from_secs(
                    number("PANORAMA_FEED_LEASE_SECS", service.lease.as_secs())?.clamp(1, 86_400),
                ),
                instance: text("PANORAMA_INSTANCE"),
                own_feeds: {
                    let open = match text("PANORAMA_ALLOW_PRIVATE_FEEDS").as_deref() {
                        None | Some("false") | Some("0") | Some("no") => false,
                        Some("true") | Some("1") | Some("yes") => true,
                        Some(other) => {
                            return Err(ConfigError {
                                var: "PANORAMA_ALLOW_PRIVATE_FEEDS",
                                value: other.into(),
                                message: "expected true or false".into(),
                            });
                        }
                    };
                    crate::reader::address_rules::AddressRules {
                        allow_private: open,
                        any_port: open,
                        extra_ports: match text("PANORAMA_OWN_FEED_PORTS") {
                            None => Vec::new(),
                            Some(list) => list
                                .split(',')
                                .map(|p| p.trim().parse::<u16>())
                                .collect::<Result<_, _>>()
                                .map_err(|_| ConfigError {
                                    var: "PANORAMA_OWN_FEED_PORTS",
                                    value: list.clone(),
                                    message: "expected ports separated by commas (8080,8443)"
                                        .into(),
                                })?,
                        },
                    }
                },
                public_url: match text("PANORAMA_PUBLIC_URL") {
                    Some(url) if !(url.starts_with("https://") || url.starts_with("http://")) => {
                        return Err(ConfigError {
                            var: "PANORAMA_PUBLIC_URL",
                            value: url,
                            message: "expected an http(s) address".into(),
                        });
                    }
                    url => url,
                },
                contact: Contact {
                    operator: text("PANORAMA_CONTACT_NAME"),
                    email: match text("PANORAMA_CONTACT_EMAIL") {
                        Some(email) if !is_email(&email) => {
                            return Err(ConfigError {
                                var: "PANORAMA_CONTACT_EMAIL",
                                value: email,
                                message: "expected an email address (name@host)".into(),
                            });
                        }
                        email => email,
                    },
                    address: text("PANORAMA_CONTACT_ADDRESS")
                        .map(|a| a.replace("\\n", "\n").replace('|', "\n")),
                },
            },
            fetch: FetchLimits {
                total_timeout: Duration::from_secs(number(
                    "PANORAMA_FETCH_TIMEOUT_SECS",
                    defaults.total_timeout.as_secs(),
                )?),
                connect_timeout: Duration::from_secs(number(
                    "PANORAMA_CONNECT_TIMEOUT_SECS",
                    defaults.connect_timeout.as_secs(),
                )?),
                max_body_bytes: number("PANORAMA_MAX_BODY_BYTES", defaults.max_body_bytes as u64)?
                    as usize,
                max_redirects: number("PANORAMA_MAX_REDIRECTS", defaults.max_redirects as u64)?
                    as usize,
                per_host: number("PANORAMA_PER_HOST", defaults.per_host as u64)?.max(1) as usize,
                user_agent: lookup("PANORAMA_USER_AGENT")
                    .filter(|u| !u.is_empty())
                    .unwrap_or(defaults.user_agent),
            },
            database_url: match text("PANORAMA_DATABASE_URL") {
                None => crate::store::DEFAULT_URL.to_string(),
                Some(url)
                    if url.starts_with("sqlite:")
                        || url.starts_with("postgres://")
                        || url.starts_with("postgresql://") =>
                {
                    url
                }
                Some(url) => {
                    return Err(ConfigError {
                        var: "PANORAMA_DATABASE_URL",
                        // Whatever was given may hold a password: it is not repeated.
                        value: url.split("://").next().unwrap_or_default().to_owned() + "://…",
                        message: "expected sqlite://<path> (sqlite:///abs/path.db for an absolute path) or postgres://user:password@host:port/database".into(),
                    });
                }
            },
        })
    }
}

/// One `@` with something either side and no spaces: enough to catch a misplaced value.
fn is_email(value: &str) -> bool {
    let mut parts = value.split('@');
    matches!((parts.next(), parts.next(), parts.next()), (Some(user), Some(host), None)
        if !user.is_empty() && host.contains('.') && !value.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_overrides() {
        let c = Config::from_lookup(|_| None).unwrap();
        assert_eq!(c.catalog, None);
        assert_eq!(c.fetch.max_body_bytes, 15 * 1024 * 1024);
        assert_eq!(c.service.deadline, Duration::from_secs(2));
        let c = Config::from_lookup(|v| (v == "PANORAMA_DEADLINE_MS").then(|| "250".to_string()))
            .unwrap();
        assert_eq!(c.service.deadline, Duration::from_millis(250));
    }

    #[test]
    fn contact_details_are_read_and_checked() {
        let c = Config::from_lookup(|v| match v {
            "PANORAMA_CONTACT_NAME" => Some("Panorama News".into()),
            "PANORAMA_CONTACT_EMAIL" => Some(" desk@panorama.example ".into()),
            "PANORAMA_CONTACT_ADDRESS" => Some("1 Main St|Springfield".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(
            c.service.contact.email.as_deref(),
            Some("desk@panorama.example")
        );
        assert_eq!(
            c.service.contact.address.as_deref(),
            Some("1 Main St\nSpringfield")
        );
        let e = Config::from_lookup(|v| (v == "PANORAMA_CONTACT_EMAIL").then(|| "desk".into()))
            .unwrap_err();
        assert!(e.to_string().contains("PANORAMA_CONTACT_EMAIL"), "{e}");
    }

    #[test]
    fn a_bad_number_names_the_variable() {
        let e =
            Config::from_lookup(|v| (v == "PANORAMA_MAX_REDIRECTS").then(|| "five".to_string()))
                .unwrap_err();
        assert_eq!(
            e.to_string(),
            "config: PANORAMA_MAX_REDIRECTS=\"five\": expected a whole number"
        );
    }
}
