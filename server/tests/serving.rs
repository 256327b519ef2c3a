//! Built files on a kept-alive connection: a browser fetches a first visit's stylesheet,
//! scripts and manifest one after another on one connection. A file answer is written in two
//! pieces (headers, then body); without TCP_NODELAY the second waits for the client's delayed
//! ACK, about 40 ms each time. Many requests in a row on one connection, with a generous bound.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Panorama(Child);

impl Drop for Panorama {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Reads one HTTP/1.1 response with a Content-Length; returns its status and body length.
fn read_response(reader: &mut BufReader<TcpStream>) -> (u16, usize) {
    let mut status = String::new();
    reader.read_line(&mut status).unwrap();
    let code: u16 = status.split(' ').nth(1).unwrap_or("0").parse().unwrap_or(0);
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    (code, length)
}

#[test]
fn built_files_do_not_stall_on_a_kept_alive_connection() {
    let dir = std::env::temp_dir().join(format!("panorama-serving-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("site/pkg")).unwrap();
    // A stylesheet of a real one's size, and the manifest.
    std::fs::write(
        dir.join("site/pkg/panorama.css"),
        ".card { color: red; }\n".repeat(1500),
    )
    .unwrap();
    std::fs::write(
        dir.join("site/manifest.webmanifest"),
        r#"{"name":"Panorama","start_url":"/"}"#,
    )
    .unwrap();
    let catalog = dir.join("catalog.toml");
    // Outlets that cannot be reached: a closed port on loopback.
    std::fs::write(
        &catalog,
        "countries = [\"WORLD\"]\nlanguages = [\"en\"]\ncategories = []\n\n[[source]]\nid = \"down\"\nname = \"Down\"\ncountry = \"WORLD\"\nlanguage = \"en\"\nhomepage = \"https://down.example\"\n[source.feeds]\ntop = \"http://127.0.0.1:9/feed.xml\"\n",
    )
    .unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let _server = Panorama(
        Command::new(env!("CARGO_BIN_EXE_panorama"))
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", dir.join("site"))
            .env("LEPTOS_OUTPUT_NAME", "panorama")
            .env("PANORAMA_CATALOG", &catalog)
            .env(
                "PANORAMA_DATABASE_URL",
                format!("sqlite://{}", dir.join("panorama.db").display()),
            )
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    let stream = loop {
        if let Ok(s) = TcpStream::connect(("127.0.0.1", port)) {
            break s;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "no server");
        std::thread::sleep(Duration::from_millis(50));
    };
    // As browsers do: the client's own small writes are not held back.
    stream.set_nodelay(true).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    const REQUESTS: usize = 100;
    for path in ["/pkg/panorama.css", "/manifest.webmanifest"] {
        let started = Instant::now();
        for _ in 0..REQUESTS {
            write!(writer, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
            let (status, length) = read_response(&mut reader);
            assert_eq!(status, 200, "{path}");
            assert!(length > 0);
        }
        let took = started.elapsed();
        // 100 stalls of 40 ms would be 4 s; without them this takes a few milliseconds.
        assert!(
            took < Duration::from_secs(1),
            "{REQUESTS} requests for {path} on one connection took {took:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
