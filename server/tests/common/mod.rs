//! The real `panorama` binary, started for a test: on a free port of 127.0.0.1, with the
//! environment the test gives, and killed when the handle is dropped (however the test ends).
//! Shared by the tests that need the whole process (restarts, the fleet, own feeds).

#![allow(dead_code)] // Each test crate uses its own part of this module.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A new folder under the system's temporary one, named for the test and this run.
pub fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "panorama-{name}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub struct Panorama {
    pub child: Child,
    /// `http://127.0.0.1:<port>`
    pub base: String,
}

impl Drop for Panorama {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary with its site under `dir/site` and `env` on top of quiet defaults (no
/// service worker, warnings only); see [`Panorama::ready`] to wait for it.
pub fn spawn(dir: &Path, env: &[(&str, String)]) -> Panorama {
    let port = free_port();
    let mut command = Command::new(env!("CARGO_BIN_EXE_panorama"));
    command
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", dir.join("site"))
        .env("LEPTOS_OUTPUT_NAME", "panorama")
        .env("PANORAMA_SERVICE_WORKER", "off")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    for (name, value) in env {
        command.env(name, value);
    }
    Panorama {
        child: command.spawn().unwrap(),
        base: format!("http://127.0.0.1:{port}"),
    }
}

impl Panorama {
    /// Waits until `/healthz` answers 200; panics if the process exits or `within` passes.
    pub async fn ready(&mut self, within: Duration) {
        let started = Instant::now();
        while started.elapsed() < within {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("{} exited: {status}", self.base);
            }
            if reqwest::get(format!("{}/healthz", self.base))
                .await
                .is_ok_and(|r| r.status().is_success())
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{} did not answer within {within:?}", self.base);
    }

    /// Sends the process signal `name` (`TERM`, `KILL`) and waits until it has exited.
    pub fn stop(&mut self, name: &str, within: Duration) {
        Command::new("kill")
            .args([format!("-{name}"), self.child.id().to_string()])
            .status()
            .unwrap();
        let started = Instant::now();
        while started.elapsed() < within {
            if self.child.try_wait().unwrap().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{} did not stop within {within:?}", self.base);
    }
}
