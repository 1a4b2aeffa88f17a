//! A small static file server for `dist/`, on loopback only: enough for `serve` and for the
//! end-to-end tests, with the right MIME type for wasm (streaming compilation needs it).

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};

pub fn bind(port: u16) -> Result<TcpListener, String> {
    TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            format!("port {port} on 127.0.0.1 is already taken; choose another one: cargo xtask serve --port 8081")
        } else {
            format!("cannot listen on 127.0.0.1:{port}: {e}")
        }
    })
}

pub fn forever(dist: &Path, port: u16) -> Result<(), String> {
    let listener = bind(port)?;
    println!(
        "xtask: serving {} at http://127.0.0.1:{port}/  (Ctrl-C to stop)",
        dist.display()
    );
    accept_loop(listener, dist.to_path_buf());
    Ok(())
}

/// Serves in a background thread on a free port; for the tests.
pub fn spawn(dist: &Path) -> Result<SocketAddr, String> {
    let listener = bind(0)?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let dist = dist.to_path_buf();
    std::thread::spawn(move || accept_loop(listener, dist));
    Ok(addr)
}

fn accept_loop(listener: TcpListener, dist: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dist = dist.clone();
        std::thread::spawn(move || {
            let _ = answer(stream, &dist);
        });
    }
}

fn answer(mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers, only Accept-Encoding changes the answer.
    let mut gzip_accepted = false;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        let lower = header.to_ascii_lowercase();
        gzip_accepted |= lower.starts_with("accept-encoding:") && lower.contains("gzip");
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            method == "HEAD",
        );
    }
    match resolve(dist, target) {
        Some(path) => match std::fs::read(&path) {
            Ok(body) => {
                let csp = strict_policy_for(dist, &path);
                let kind = content_type(&path);
                // Compressed as any real static host would, so that what the tests, the bench
                // and Lighthouse download is what a visitor downloads.
                let gzipped = if gzip_accepted && kind != "application/octet-stream" {
                    gzip_cached(&path, &body)
                } else {
                    None
                };
                match gzipped {
                    Some(gz) => respond_with(
                        &mut stream,
                        "200 OK",
                        kind,
                        &gz,
                        method == "HEAD",
                        csp,
                        true,
                    ),
                    None => respond_with(
                        &mut stream,
                        "200 OK",
                        kind,
                        &body,
                        method == "HEAD",
                        csp,
                        false,
                    ),
                }
            }
            Err(_) => respond(
                &mut stream,
                "404 Not Found",
                "text/plain",
                b"not found",
                method == "HEAD",
            ),
        },
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            method == "HEAD",
        ),
    }
}

/// Maps a request target to a file under dist, refusing anything that climbs out of it.
fn resolve(dist: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut file = dist.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == ".." || segment == "." || segment.contains('\\') {
            return None;
        }
        file.push(segment);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "ics" => "text/calendar; charset=utf-8",
        "md" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The policy the standalone page is built for and that docs/embedding.md asks académies to
/// set: no inline script or style, wasm compilation allowed, everything from the own origin.
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// The standalone page (`index.html`, also the iframe's page) and the demo pages named
/// `strict-csp*` get the strict policy as a real response header, not only as a `<meta>`.
fn strict_policy_for(dist: &Path, file: &Path) -> Option<&'static str> {
    let rel = file.strip_prefix(dist).ok()?;
    let name = rel.file_name()?.to_str()?;
    let is_page = rel == Path::new("index.html");
    let is_strict_demo = rel.parent() == Some(Path::new("demo")) && name.starts_with("strict-csp");
    (is_page || is_strict_demo).then_some(STRICT_CSP)
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    respond_with(stream, status, kind, body, head_only, None, false)
}

/// gzip -9 of a file, computed once per file version (the wasm takes ~50 ms to compress).
fn gzip_cached(path: &Path, body: &[u8]) -> Option<std::sync::Arc<Vec<u8>>> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    type Cache = Mutex<HashMap<PathBuf, (Option<std::time::SystemTime>, Arc<Vec<u8>>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let cache = CACHE.get_or_init(Default::default);
    if let Some((when, gz)) = cache.lock().ok()?.get(path) {
        if *when == modified {
            return Some(gz.clone());
        }
    }
    let gz = Arc::new(crate::build::gzip(body)?);
    cache
        .lock()
        .ok()?
        .insert(path.to_path_buf(), (modified, gz.clone()));
    Some(gz)
}

fn respond_with(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    head_only: bool,
    csp: Option<&str>,
    gzipped: bool,
) -> std::io::Result<()> {
    let csp = csp
        .map(|p| format!("Content-Security-Policy: {p}\r\n"))
        .unwrap_or_default();
    let encoding = if gzipped {
        "Content-Encoding: gzip\r\n"
    } else {
        ""
    };
    // Access-Control-Allow-Origin: académies import pkg/ (ES modules need CORS) and fetch
    // session files from another origin; everything here is public and static.
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}Vary: Accept-Encoding\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nAccess-Control-Allow-Origin: *\r\n{csp}Connection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(addr: SocketAddr, path: &str, accept_gzip: bool) -> (String, Vec<u8>) {
        use std::io::Read;
        let mut stream = TcpStream::connect(addr).expect("connect");
        let encoding = if accept_gzip {
            "Accept-Encoding: gzip, deflate\r\n"
        } else {
            ""
        };
        write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n{encoding}\r\n").expect("send");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).expect("read");
        let split = answer
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("headers end")
            + 4;
        (
            String::from_utf8_lossy(&answer[..split]).into_owned(),
            answer[split..].to_vec(),
        )
    }

    #[test]
    fn gzip_is_sent_only_to_who_asks_and_is_the_same_file() {
        let dir = crate::root().join("www");
        let addr = spawn(&dir).expect("server");
        let (plain_head, plain) = get(addr, "/style.css", false);
        let (gz_head, gz) = get(addr, "/style.css", true);
        assert!(!plain_head.contains("Content-Encoding"), "{plain_head}");
        assert!(gz_head.contains("Content-Encoding: gzip"), "{gz_head}");
        assert!(
            gz.len() < plain.len() / 2,
            "{} vs {}",
            gz.len(),
            plain.len()
        );
        let mut child = std::process::Command::new("gzip")
            .args(["-d", "-c"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("gzip");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(&gz)
            .expect("write");
        assert_eq!(child.wait_with_output().expect("gunzip").stdout, plain);
    }

    #[test]
    fn resolve_refuses_to_leave_dist() {
        let dist = crate::root().join("xtask");
        assert!(resolve(&dist, "/../Cargo.toml").is_none());
        assert!(resolve(&dist, "/%2e%2e/Cargo.toml").is_none());
        assert_eq!(
            resolve(&dist, "/Cargo.toml?x=1"),
            Some(dist.join("Cargo.toml"))
        );
    }

    #[test]
    fn strict_policy_goes_to_the_page_and_the_strict_demo_pages_only() {
        let dist = Path::new("/srv/dist");
        assert_eq!(
            strict_policy_for(dist, &dist.join("index.html")),
            Some(STRICT_CSP)
        );
        assert_eq!(
            strict_policy_for(dist, &dist.join("demo/strict-csp.html")),
            Some(STRICT_CSP)
        );
        assert_eq!(
            strict_policy_for(dist, &dist.join("demo/strict-csp.js")),
            Some(STRICT_CSP)
        );
        assert_eq!(
            strict_policy_for(dist, &dist.join("demo/academie.html")),
            None
        );
        assert_eq!(strict_policy_for(dist, &dist.join("demo/index.html")), None);
        assert_eq!(strict_policy_for(dist, &dist.join("pkg/candidat.js")), None);
    }

    #[test]
    fn a_taken_port_says_which_option_to_use() {
        let first = bind(0).expect("a free port");
        let port = first.local_addr().expect("bound").port();
        let err = bind(port).expect_err("port is taken");
        assert!(err.contains("--port"), "{err}");
    }
}
