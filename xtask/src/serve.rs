//! A small static file server for `dist/`, on loopback only: enough for `serve` and for the
//! end-to-end tests, with the right MIME type for wasm (streaming compilation needs it).
//! It sends the `.br` or `.gz` the build wrote beside a file, by the request's
//! `Accept-Encoding`, as nginx's `brotli_static`/`gzip_static` do (README "Hosting"), so the
//! tests, the bench and Lighthouse download what a visitor downloads.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};

use crate::compress::{self, Encoding};

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
    // Of the headers, only Accept-Encoding changes the answer (several lines are one list).
    let mut accept_encoding: Option<String> = None;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                let list = accept_encoding.get_or_insert_with(String::new);
                if !list.is_empty() {
                    list.push(',');
                }
                list.push_str(value.trim());
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let head_only = method == "HEAD";
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            false,
        );
    }
    let Some(path) = resolve(dist, target) else {
        return not_found(&mut stream, head_only);
    };
    let csp = strict_policy_for(dist, &path);
    let kind = content_type(&path);
    let shipped: Vec<Encoding> = Encoding::ALL
        .into_iter()
        .filter(|e| compress::variant(&path, *e).is_file())
        .collect();
    let (encoding, body) = match negotiate(accept_encoding.as_deref(), &shipped) {
        Some(e) => (Some(e), std::fs::read(compress::variant(&path, e))),
        None => (None, std::fs::read(&path)),
    };
    let Ok(body) = body else {
        return not_found(&mut stream, head_only);
    };
    // A file without variants beside it (a folder the build did not write, like www/ in the
    // tests): gzip on the fly when it gains, as a host compressing responses itself would.
    if encoding.is_none()
        && shipped.is_empty()
        && compress::is_compressible(&path)
        && negotiate(accept_encoding.as_deref(), &[Encoding::Gzip]).is_some()
    {
        if let Some(gz) = gzip_cached(&path, &body).filter(|gz| gz.len() < body.len()) {
            return respond_with(
                &mut stream,
                "200 OK",
                kind,
                &gz,
                head_only,
                csp,
                Some(Encoding::Gzip),
            );
        }
    }
    respond_with(&mut stream, "200 OK", kind, &body, head_only, csp, encoding)
}

/// The encoding to send, among those shipped beside the file, for an `Accept-Encoding` value
/// (RFC 9110 §12.5.3): the acceptable one with the highest q-value, `br` before `gzip` on a
/// tie; `None` (the file as it is) when there is no header, when no shipped encoding is
/// acceptable (`q=0`, or not listed and no `*`), or when `identity` is explicitly preferred.
pub fn negotiate(accept_encoding: Option<&str>, shipped: &[Encoding]) -> Option<Encoding> {
    let header = accept_encoding?;
    // (coding, q) for each listed coding, lowercased; a malformed q counts as 0.
    let listed: Vec<(String, f32)> = header
        .split(',')
        .filter_map(|item| {
            let mut params = item.split(';');
            let coding = params.next()?.trim().to_ascii_lowercase();
            if coding.is_empty() {
                return None;
            }
            let mut q = 1.0;
            for param in params {
                if let Some((name, value)) = param.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        q = value
                            .trim()
                            .parse::<f32>()
                            .ok()
                            .filter(|q| (0.0..=1.0).contains(q))
                            .unwrap_or(0.0);
                    }
                }
            }
            Some((coding, q))
        })
        .collect();
    let q_of = |coding: &str| -> Option<f32> {
        let exact = listed.iter().find(|(c, _)| c == coding).map(|(_, q)| *q);
        // `x-gzip` is gzip's old alias (RFC 9110 §8.4.1.3).
        let alias = (coding == "gzip")
            .then(|| listed.iter().find(|(c, _)| c == "x-gzip").map(|(_, q)| *q))
            .flatten();
        exact
            .or(alias)
            .or_else(|| listed.iter().find(|(c, _)| c == "*").map(|(_, q)| *q))
    };
    let best = Encoding::ALL
        .into_iter()
        .filter(|e| shipped.contains(e))
        .filter_map(|e| q_of(e.token()).filter(|q| *q > 0.0).map(|q| (e, q)))
        .fold(None::<(Encoding, f32)>, |best, (e, q)| match best {
            Some((_, bq)) if bq >= q => best,
            _ => Some((e, q)),
        })?;
    // Only an explicit `identity` with a higher q beats a compressed encoding.
    let identity = listed
        .iter()
        .find(|(c, _)| c == "identity")
        .map(|(_, q)| *q);
    match identity {
        Some(q) if q > best.1 => None,
        _ => Some(best.0),
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

/// The policy the standalone page is built for and that README ("Embed it") asks académies to
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

/// The one 404 of the server: a path outside `dist/`, or a file that cannot be read.
fn not_found(stream: &mut TcpStream, head_only: bool) -> std::io::Result<()> {
    respond(
        stream,
        "404 Not Found",
        "text/plain",
        b"not found",
        head_only,
    )
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    respond_with(stream, status, kind, body, head_only, None, None)
}

/// The shipped gzip of a file, computed once per file version.
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
    let gz = Arc::new(compress::gzip_shipped(body));
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
    encoding: Option<Encoding>,
) -> std::io::Result<()> {
    let csp = csp
        .map(|p| format!("Content-Security-Policy: {p}\r\n"))
        .unwrap_or_default();
    let encoding = encoding
        .map(|e| format!("Content-Encoding: {}\r\n", e.token()))
        .unwrap_or_default();
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

    fn get(addr: SocketAddr, path: &str, accept_encoding: Option<&str>) -> (String, Vec<u8>) {
        use std::io::Read;
        let mut stream = TcpStream::connect(addr).expect("connect");
        let encoding = accept_encoding
            .map(|v| format!("Accept-Encoding: {v}\r\n"))
            .unwrap_or_default();
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

    fn header<'h>(head: &'h str, name: &str) -> Option<&'h str> {
        head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    const BOTH: &[Encoding] = &[Encoding::Br, Encoding::Gzip];

    #[test]
    fn negotiation_prefers_br_then_gzip_then_the_file_itself() {
        use Encoding::{Br, Gzip};
        let n = |h: Option<&str>, shipped: &[Encoding]| negotiate(h, shipped);
        // What browsers send.
        assert_eq!(n(Some("gzip, deflate, br, zstd"), BOTH), Some(Br));
        assert_eq!(n(Some("gzip, deflate"), BOTH), Some(Gzip));
        assert_eq!(
            n(Some("br"), &[Gzip]),
            None,
            "br is asked, only gzip is shipped"
        );
        assert_eq!(n(Some("gzip, br"), &[Gzip]), Some(Gzip));
        assert_eq!(n(Some("gzip, br"), &[]), None);
        // No header, an empty one, identity only.
        assert_eq!(n(None, BOTH), None);
        assert_eq!(n(Some(""), BOTH), None);
        assert_eq!(n(Some("identity"), BOTH), None);
        // q-values: the highest wins; q=0 refuses; br wins a tie.
        assert_eq!(n(Some("br;q=0.5, gzip;q=0.8"), BOTH), Some(Gzip));
        assert_eq!(n(Some("br;q=0, gzip"), BOTH), Some(Gzip));
        assert_eq!(n(Some("br;q=0, gzip;q=0"), BOTH), None);
        assert_eq!(n(Some("gzip;q=0.7, br;q=0.7"), BOTH), Some(Br));
        assert_eq!(n(Some("GZIP ; Q=1.0 , Br ; q=0.9"), BOTH), Some(Gzip));
        assert_eq!(
            n(Some("br;q=abc, gzip;q=0.1"), BOTH),
            Some(Gzip),
            "bad q is 0"
        );
        assert_eq!(
            n(Some("br;q=2, gzip;q=0.1"), BOTH),
            Some(Gzip),
            "q over 1 is bad"
        );
        // `*` covers what is not listed; `x-gzip` is gzip.
        assert_eq!(n(Some("*"), BOTH), Some(Br));
        assert_eq!(n(Some("br;q=0, *"), BOTH), Some(Gzip));
        assert_eq!(n(Some("*;q=0"), BOTH), None);
        assert_eq!(n(Some("x-gzip"), BOTH), Some(Gzip));
        // An explicit identity preferred over every compressed encoding.
        assert_eq!(n(Some("identity;q=1, gzip;q=0.5"), BOTH), None);
        assert_eq!(n(Some("identity;q=0.5, gzip"), BOTH), Some(Gzip));
    }

    /// A folder with `app.js` and the variants the build ships beside it.
    fn shipped_site() -> (PathBuf, Vec<u8>) {
        let dir = std::env::temp_dir().join(format!("candidat-serve-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let js: Vec<u8> = (0..300)
            .flat_map(|i| format!("export const item{i} = \"déposer {}\";\n", i % 5).into_bytes())
            .collect();
        std::fs::write(dir.join("app.js"), &js).expect("write");
        std::fs::write(dir.join("index.html"), "<!doctype html><title>t</title>").expect("write");
        let cache = dir.with_extension("cache");
        compress::precompress(&dir, &cache).expect("precompress");
        assert!(dir.join("app.js.br").is_file() && dir.join("app.js.gz").is_file());
        (dir, js)
    }

    #[test]
    fn shipped_variants_are_sent_by_accept_encoding_with_the_original_type() {
        let (dir, js) = shipped_site();
        let addr = spawn(&dir).expect("server");
        for (accept, encoding, file) in [
            (Some("gzip, deflate, br"), Some("br"), "app.js.br"),
            (Some("gzip, deflate"), Some("gzip"), "app.js.gz"),
            (Some("br;q=0, gzip;q=0.5"), Some("gzip"), "app.js.gz"),
            (Some("identity"), None, "app.js"),
            (None, None, "app.js"),
        ] {
            let (head, body) = get(addr, "/app.js", accept);
            assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
            assert_eq!(
                header(&head, "Content-Encoding"),
                encoding,
                "{accept:?}: {head}"
            );
            assert_eq!(
                header(&head, "Content-Type"),
                Some("text/javascript; charset=utf-8"),
                "{head}"
            );
            assert_eq!(header(&head, "Vary"), Some("Accept-Encoding"), "{head}");
            assert_eq!(
                header(&head, "Content-Length"),
                Some(body.len().to_string().as_str()),
                "{head}"
            );
            assert_eq!(
                body,
                std::fs::read(dir.join(file)).expect("variant"),
                "{accept:?}"
            );
        }
        let (plain, _) = get(addr, "/app.js", None);
        assert_eq!(
            std::fs::read(dir.join("app.js")).expect("js"),
            js,
            "{plain}"
        );
        // The page keeps its strict policy whatever the encoding.
        let (page, _) = get(addr, "/", Some("br"));
        assert_eq!(
            header(&page, "Content-Security-Policy"),
            Some(STRICT_CSP),
            "{page}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_without_shipped_variants_is_gzipped_on_the_fly_for_who_asks() {
        let dir = crate::root().join("www");
        let addr = spawn(&dir).expect("server");
        let (plain_head, plain) = get(addr, "/style.css", None);
        let (gz_head, gz) = get(addr, "/style.css", Some("gzip, deflate"));
        let (br_head, _) = get(addr, "/style.css", Some("br"));
        assert!(!plain_head.contains("Content-Encoding"), "{plain_head}");
        assert!(!br_head.contains("Content-Encoding"), "{br_head}");
        assert!(gz_head.contains("Content-Encoding: gzip"), "{gz_head}");
        assert!(
            gz.len() < plain.len() / 2,
            "{} vs {}",
            gz.len(),
            plain.len()
        );
        let mut unzipped = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut unzipped)
            .expect("gunzip");
        assert_eq!(unzipped, plain);
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
