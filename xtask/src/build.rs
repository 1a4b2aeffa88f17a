//! The release build: wasm → wasm-bindgen (`pkg/`, the widget as an ES module) → wasm-opt →
//! the deployable site in `dist/` (content-hashed assets with SRI, relative URLs).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use candidat_core::base64::standard_encode;
use sha2::{Digest, Sha256, Sha384};

use crate::compress::{self, Encoding};
use crate::{root, run, site, style, tools};

/// wasm-opt needs these to read what current rustc emits (shared/TOOLCHAIN.md).
/// The optimisation: for size, passes repeated until they gain nothing more, and the low 1 KiB
/// of memory assumed unused so that constant addresses fold into loads and stores. Why that is
/// safe here: rustc links wasm32 with the stack first, growing down from 1 MiB to 0, so the
/// low 1 KiB is touched only by a stack 1023 KiB deep, already an overflow. −1.2 KB gzip
/// (ADR 0009, addendum).
pub const WASM_OPT_PASSES: &[&str] = &["-Oz", "--converge", "--low-memory-unused"];

pub const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// Builds `pkg/` and `dist/`, with a `.gz` and a `.br` beside every text and wasm file;
/// returns the dist folder.
pub fn site() -> Result<PathBuf, String> {
    package()?;
    let dist = write_dist()?;
    precompress(&root().join("pkg"))?;
    precompress(&dist)?;
    report_sizes(&dist)?;
    Ok(dist)
}

/// `compress::precompress` with the build's cache (compressed bytes by content hash).
pub fn precompress(dir: &Path) -> Result<(), String> {
    let done = compress::precompress(dir, &target_dir().join("precompressed"))?;
    println!(
        "xtask: {}: .gz (zopfli) and .br (brotli 11) beside {} files ({} written, {} removed)",
        dir.display(),
        done.files,
        done.written,
        done.removed
    );
    Ok(())
}

/// The release wasm is built with the standard library recompiled for size (docs/adr/0008):
/// `-Z build-std` with panics that trap at once and no `Debug` formatting code, and std's own
/// size-over-speed variants (`optimize_for_size`: −861 B gzip -9 on the wasm, ADR 0009). These
/// options are unstable; `RUSTC_BOOTSTRAP=1` lets the pinned stable toolchain accept them.
/// Its own target dir, so the flags never invalidate the test builds.
pub const SIZE_RUSTFLAGS: &str =
    "-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none";

/// `cargo build` of a wasm cdylib for size; `target_dir` gets `wasm32-unknown-unknown/release/`.
pub fn size_build(cargo_args: &[&str], target_dir: &Path) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.args([
        "build",
        "--lib",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .args(["-Z", "build-std=std,panic_abort"])
    .args(["-Z", "build-std-features=optimize_for_size"])
    .args(cargo_args)
    .arg("--target-dir")
    .arg(target_dir)
    .env("RUSTC_BOOTSTRAP", "1")
    .env("RUSTFLAGS", SIZE_RUSTFLAGS)
    .env("CHRONO_TZ_TIMEZONE_FILTER", ENGINE_V1.zone_filter());
    cmd
}

/// One build of the page's wasm (ADR 0016). The first load's engine reads session files
/// version 1 only; the `v2` engine reads version 2 too (questions, pieces, eligibility, every
/// zone) and is fetched only for such a file, by the JS shells.
pub struct Engine {
    /// wasm-bindgen's `--out-name`: `pkg/<name>.js` and `pkg/<name>_bg.wasm`.
    pub name: &'static str,
    /// The page crate's features.
    features: &'static [&'static str],
    /// Its own target dir under target/, so that the two builds keep their caches.
    dir: &'static str,
}

pub const ENGINE_V1: Engine = Engine {
    name: "candidat_wasm",
    features: &[],
    dir: "size",
};
pub const ENGINE_V2: Engine = Engine {
    name: "candidat_wasm_v2",
    features: &["--features", "v2"],
    dir: "size-v2",
};

impl Engine {
    /// The zones compiled into its chrono-tz (`CHRONO_TZ_TIMEZONE_FILTER`).
    fn zone_filter(&self) -> String {
        let zones: &[&str] = if self.features.is_empty() {
            &candidat_core::session::PAGE_ZONES
        } else {
            &candidat_core::session::FRENCH_ZONES
        };
        format!("({}|UTC)", zones.join("|"))
    }
}

/// cargo build (incremental) and, only when a wasm changed, wasm-bindgen + wasm-opt into
/// `pkg/`, for both engines.
pub fn package() -> Result<(), String> {
    let pkg = root().join("pkg");
    for engine in [ENGINE_V1, ENGINE_V2] {
        package_engine(&engine, &pkg)?;
    }
    write_pkg_manifest(&pkg)
}

fn package_engine(engine: &Engine, pkg: &Path) -> Result<(), String> {
    let dir = target_dir().join(engine.dir);
    let mut args = vec!["--package", "candidat"];
    args.extend(engine.features);
    run(size_build(&args, &dir).env("CHRONO_TZ_TIMEZONE_FILTER", engine.zone_filter()))?;
    let raw = dir.join("wasm32-unknown-unknown/release/candidat.wasm");
    let raw_bytes = fs::read(&raw).map_err(|e| format!("cannot read {}: {e}", raw.display()))?;
    let stamp = pkg.join(format!(".{}.source-sha256", engine.name));
    // The passes are part of what pkg/ is made from: changing them rebuilds it.
    let mut made_from = raw_bytes.clone();
    made_from.extend(WASM_OPT_PASSES.join(" ").bytes());
    let digest = hex(&Sha256::digest(&made_from));
    let wasm = pkg.join(format!("{}_bg.wasm", engine.name));
    let up_to_date = fs::read_to_string(&stamp).ok().as_deref() == Some(digest.as_str())
        && wasm.exists()
        && pkg.join(format!("{}.js", engine.name)).exists();
    if !up_to_date {
        run(Command::new(tools::wasm_bindgen())
            // candidat_wasm.js is the raw glue; pkg/candidat.js is the public module on top
            // of it (www/candidat.js: shadow root, stylesheet, fetching, events).
            .args(["--target", "web", "--out-name", engine.name, "--out-dir"])
            .arg(pkg)
            .arg(&raw))?;
        run(Command::new(root().join("node_modules/.bin/wasm-opt"))
            .args(WASM_OPT_PASSES)
            .args(WASM_OPT_FEATURES)
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm))?;
        fs::write(&stamp, &digest).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Hand-written files of the package, from www/ (not copied to dist/'s root).
const PKG_FILES_FROM_WWW: [&str; 5] = [
    "candidat.js",
    "candidat-events.js",
    "candidat.d.ts",
    "candidat-element.js",
    "candidat-element.d.ts",
];

/// `pkg/package.json`: the widget as an npm-publishable ES module package.
fn write_pkg_manifest(pkg: &Path) -> Result<(), String> {
    let version = env!("CARGO_PKG_VERSION");
    let manifest = format!(
        r#"{{
  "name": "candidat",
  "version": "{version}",
  "description": "Checklist for individual candidates registering for a French vocational exam (Bac Pro, CAP, BP, MC), as an embeddable widget",
  "type": "module",
  "module": "candidat.js",
  "main": "candidat.js",
  "types": "candidat.d.ts",
  "files": ["candidat.js", "candidat.d.ts", "candidat_wasm.js", "candidat_wasm_bg.wasm", "candidat_wasm_v2.js", "candidat_wasm_v2_bg.wasm", "candidat-events.js", "candidat-element.js", "candidat-element.d.ts", "candidat.css", "icons/*.svg", "README.md"],
  "exports": {{
    ".": {{ "types": "./candidat.d.ts", "default": "./candidat.js" }},
    "./element": {{ "types": "./candidat-element.d.ts", "default": "./candidat-element.js" }},
    "./candidat-element.js": {{ "types": "./candidat-element.d.ts", "default": "./candidat-element.js" }},
    "./candidat.css": "./candidat.css",
    "./candidat_wasm_bg.wasm": "./candidat_wasm_bg.wasm"
  }},
  "sideEffects": ["./candidat-element.js"],
  "license": "MIT OR Apache-2.0"
}}
"#
    );
    fs::write(pkg.join("package.json"), manifest).map_err(|e| e.to_string())?;
    // The public module, the custom element and their types live next to the glue they
    // import (and the shadow-root stylesheet they fetch).
    let www = root().join("www");
    for file in PKG_FILES_FROM_WWW {
        fs::copy(www.join(file), pkg.join(file)).map_err(|e| format!("{file}: {e}"))?;
    }
    // wasm-bindgen's own types describe the raw glue, not the package's API.
    // …and what builds before the rename (ADR 0013) left behind, with their variants, and
    // the README's variants (npm would pack them).
    let stale = [
        "candidat_wasm.d.ts",
        "candidat_wasm_bg.wasm.d.ts",
        "candidat_wasm_v2.d.ts",
        "candidat_wasm_v2_bg.wasm.d.ts",
        ".source-sha256",
        "candidat_bg.wasm",
        "candidat_bg.wasm.d.ts",
    ];
    for name in stale
        .iter()
        .flat_map(|f| ["", ".gz", ".br"].map(|suffix| format!("{f}{suffix}")))
        .chain(["README.md.gz".to_string(), "README.md.br".to_string()])
    {
        let _ = fs::remove_file(pkg.join(name));
    }
    // pkg/candidat.css (and its icons) come from the page's stylesheet: `write_dist`.
    let readme = root().join("www/pkg-README.md");
    if readme.exists() {
        fs::copy(&readme, pkg.join("README.md")).map_err(|e| e.to_string())?;
    }
    Ok(())
}

struct Asset {
    /// How index.html names it (`www/style.css`, `pkg/candidat.js`, …).
    source: String,
    /// Where it is in dist (`assets/style.3f2a9c1d.css`).
    hashed: String,
    integrity: String,
}

impl Asset {
    /// `html` with this asset's source name (`"www/style.css"`) replaced by its hashed file
    /// and its Subresource Integrity value.
    fn named_in(&self, html: &str) -> String {
        html.replace(
            &format!("\"{}\"", self.source),
            &format!("\"{}\" integrity=\"{}\"", self.hashed, self.integrity),
        )
    }
}

/// An engine's wasm and glue (naming the hashed wasm), hashed into dist/assets/; the glue's
/// asset.
fn put_engine(dist: &Path, pkg: &Path, engine: &Engine) -> Result<Asset, String> {
    let wasm_name = format!("{}_bg.wasm", engine.name);
    let wasm = put_hashed(
        dist,
        &format!("pkg/{wasm_name}"),
        read(&pkg.join(&wasm_name))?,
    )?;
    let glue = read_text(&pkg.join(format!("{}.js", engine.name)))?.replace(
        &format!("'{wasm_name}'"),
        &format!("'{}'", file_name(&wasm.hashed)),
    );
    let glue = without_stream_classes(&glue)?;
    put_hashed(
        dist,
        &format!("pkg/{}.js", engine.name),
        minify_js(&glue)?.into_bytes(),
    )
}

/// Writes dist/ anew: hashed assets (wasm first, since the JS names it), index.html with SRI,
/// the session files, and the other files of www/ under their own names (e.g. embed.js).
fn write_dist() -> Result<PathBuf, String> {
    let dist = root().join("dist");
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(dist.join("assets")).map_err(|e| e.to_string())?;
    let pkg = root().join("pkg");
    let www = root().join("www");

    let glue = put_engine(&dist, &pkg, &ENGINE_V1)?;
    // The engine for session files version 2, imported by boot.js only for such a file.
    let glue_v2 = put_engine(&dist, &pkg, &ENGINE_V2)?;
    // The widget's events, imported by boot.js only inside embed.js's iframe.
    let events = put_hashed(
        &dist,
        "www/candidat-events.js",
        minify_js(&read_text(&www.join("candidat-events.js"))?)?.into_bytes(),
    )?;
    let boot = read_text(&www.join("boot.js"))?
        .replace(
            "../pkg/candidat_wasm_v2.js",
            &format!("./{}", file_name(&glue_v2.hashed)),
        )
        .replace(
            "../pkg/candidat_wasm.js",
            &format!("./{}", file_name(&glue.hashed)),
        )
        .replace(
            "./candidat-events.js",
            &format!("./{}", file_name(&events.hashed)),
        );
    let mut referenced = vec![put_hashed(
        &dist,
        "www/boot.js",
        minify_js(&boot)?.into_bytes(),
    )?];

    let mut html = site::fill_index(
        &read_text(&root().join("index.html"))?,
        &candidat_core::default_session(),
    )?;
    let session = candidat_core::default_session();
    let public_pages = site::public_pages(&session);
    // The exam office's studio (ADR 0017): the site's stylesheet and favicon, hashed like the
    // public pages'; its script and its own stylesheet keep their names.
    let studio = read_text(&www.join("studio.html"))?;
    let all_html = public_pages
        .iter()
        .fold(html.clone() + &studio, |all, (_, page)| all + page);
    let (page_css, fonts_css) = style::split_font_faces(&stylesheet(&all_html, &dist, &pkg)?);
    // Every other file of www/ that index.html names ("www/style.css", "www/favicon.svg") is
    // hashed too; what it does not name (embed.js) keeps its name at the site root.
    for path in files_in(&www) {
        let source = format!("www/{}", file_name(&path.to_string_lossy()));
        if source != "www/boot.js" && html.contains(&format!("\"{source}\"")) {
            let bytes = match source.as_str() {
                "www/style.css" => page_css.clone().into_bytes(),
                "www/fonts.css" => fonts_css.clone().into_bytes(),
                _ => read(&path)?,
            };
            referenced.push(put_hashed(&dist, &source, bytes)?);
        }
    }
    for asset in &referenced {
        let quoted = format!("\"{}\"", asset.source);
        if !html.contains(&quoted) {
            return Err(format!("index.html does not reference {quoted}"));
        }
        html = asset.named_in(&html);
    }
    // Fetch the glue and the wasm in parallel with boot.js, with the glue's integrity checked;
    // the header's logo images with the stylesheet (style::logo_images).
    let logo: String = style::logo_images(&page_css)
        .iter()
        .map(|url| format!("<link rel=\"preload\" as=\"image\" href=\"assets/{url}\">\n"))
        .collect();
    let preload = format!(
        "{logo}<link rel=\"modulepreload\" href=\"{}\" integrity=\"{}\">\n</head>",
        glue.hashed, glue.integrity
    );
    html = html.replacen("</head>", &preload, 1);
    fs::write(dist.join("index.html"), html).map_err(|e| e.to_string())?;
    for (file, mut page) in public_pages.into_iter().chain([("studio.html", studio)]) {
        for asset in &referenced {
            page = asset.named_in(&page);
        }
        fs::write(dist.join(file), page).map_err(|e| e.to_string())?;
    }

    copy_dir(&root().join("sessions"), &dist.join("sessions"), &|p| {
        p.extension().is_some_and(|e| e == "json")
    })?;
    let hashed_sources: Vec<String> = referenced.iter().map(|a| a.source.clone()).collect();
    copy_dir(&www, &dist, &|p| {
        // By path inside www/: demo/favicon.svg is not the hashed www/favicon.svg.
        let rel = p
            .strip_prefix(&www)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/");
        !matches!(rel.as_str(), "pkg-README.md" | "studio.html" | "studio.js")
            && !PKG_FILES_FROM_WWW.contains(&rel.as_str())
            && !hashed_sources.contains(&format!("www/{rel}"))
    })?;
    // The package, unhashed, for académies and the demo pages: `…/pkg/candidat.js`,
    // `…/pkg/candidat-element.js` (they fetch `./candidat.css` and `./candidat_wasm_bg.wasm`).
    // Without pkg/'s .gz and .br: dist/ gets its own, from the files as they are there.
    copy_dir(&pkg, &dist.join("pkg"), &|p| {
        let name = file_name(&p.to_string_lossy()).to_string();
        !name.starts_with('.') && !Encoding::ALL.iter().any(|e| name.ends_with(e.suffix()))
    })?;
    // The studio's script, minified (its imports name pkg/'s unhashed files).
    let studio_js = minify_js(&read_text(&www.join("studio.js"))?)?;
    fs::write(dist.join("studio.js"), studio_js).map_err(|e| e.to_string())?;
    // The loader, minified (académies paste it into pages they do not control: ≤ 1 KB gzip,
    // budgets.rs), and its Subresource Integrity value, for `<script … integrity=…>`.
    let embed = minify_js(&read_text(&www.join("embed.js"))?)?.into_bytes();
    fs::write(dist.join("embed.js"), &embed).map_err(|e| e.to_string())?;
    let sri = format!("sha384-{}", standard_encode(&Sha384::digest(&embed)));
    fs::write(dist.join("embed.js.sri.txt"), format!("{sri}\n")).map_err(|e| e.to_string())?;
    println!(
        "xtask: embed.js integrity=\"{sri}\" ({} B gzip)",
        compress::gzip_shipped(&embed).len()
    );
    println!("xtask: site written to {}", dist.display());
    Ok(dist)
}

/// The page's stylesheet (xtask/src/style.rs): the DSFR parts and www/style.css purged
/// against the views' sources, the scripts and the generated HTML; fonts and icons copied
/// into dist/assets/. Also writes the widget's shadow-root stylesheet, pkg/candidat.css, with
/// its icons in pkg/icons/.
fn stylesheet(html: &str, dist: &Path, pkg: &Path) -> Result<String, String> {
    let content = target_dir().join("page-content.html");
    fs::write(&content, html).map_err(|e| e.to_string())?;
    let purged = style::purged(&[
        "src/**/*.rs".into(),
        "www/*.js".into(),
        content.to_string_lossy().into_owned(),
    ])?;
    let page_css = minify_css(&style::for_page(&purged, &dist.join("assets"))?);
    let _ = fs::remove_dir_all(pkg.join("icons"));
    let icons = dist.join("assets/icons");
    if icons.exists() {
        copy_dir(&icons, &pkg.join("icons"), &|_| true)?;
    }
    fs::write(
        pkg.join("candidat.css"),
        shadow_css(&style::for_shadow_root(&page_css)),
    )
    .map_err(|e| e.to_string())?;
    Ok(page_css)
}

/// The page's glue without the three `IntoUnderlying*` classes that wasm-bindgen writes for
/// wasm-streams (Leptos links it through server_fn's browser client, which a static page never
/// uses): nothing in the page creates them, and they weigh ~0.4 KB gzip of the first load
/// (ADR 0009, addendum). `pkg/` keeps wasm-bindgen's output untouched. Each class, its
/// `Symbol.dispose` line and its FinalizationRegistry are removed whole; any other shape (a
/// wasm-bindgen upgrade) is an error rather than a half-edited script.
fn without_stream_classes(glue: &str) -> Result<String, String> {
    let mut out = String::with_capacity(glue.len());
    let mut skipping: Option<&str> = None; // the line that ends the skipped statement
    for line in glue.lines() {
        if let Some(end) = skipping {
            if (end == "}" && line == "}") || (end == ";" && line.trim_end().ends_with(';')) {
                skipping = None;
            }
            continue;
        }
        if line.starts_with("export class IntoUnderlying") {
            skipping = Some("}");
        } else if line.starts_with("const IntoUnderlying") && line.contains("Finalization") {
            if !line.trim_end().ends_with(';') {
                skipping = Some(";");
            }
        } else if !line.starts_with("if (Symbol.dispose) IntoUnderlying") {
            out.push_str(line);
            out.push('\n');
        }
    }
    if skipping.is_some() || out.contains("IntoUnderlying") {
        return Err(
            "the wasm-bindgen glue changed shape around its IntoUnderlying* classes: \
                    update xtask/src/build.rs::without_stream_classes"
                .into(),
        );
    }
    Ok(out)
}

/// The page's own scripts, minified (terser, from node_modules): the wasm-bindgen glue is
/// ~45 KB of readable JS. After the file names are substituted, since terser may change the
/// quotes around them. `pkg/` keeps the readable glue for bundlers.
fn minify_js(source: &str) -> Result<String, String> {
    use std::io::Write;
    let mut child = Command::new(root().join("node_modules/.bin/terser"))
        .args([
            "--module",
            "--compress",
            "passes=2",
            "--mangle",
            "--comments",
            "false",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run terser (cargo xtask installs it with npm ci): {e}"))?;
    child
        .stdin
        .take()
        .ok_or("terser: no stdin")?
        .write_all(source.as_bytes())
        .map_err(|e| format!("terser: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("terser: {e}"))?;
    if !out.status.success() || out.stdout.is_empty() {
        return Err(format!(
            "terser failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("terser output: {e}"))
}

/// The page's stylesheet without comments and needless spaces. Conservative on purpose: a
/// space before `:` (`.a :focus`) or around `+`/`-` (`calc()`) means something, so only the
/// space after `:` and around `{ } ; ,` goes, and nothing inside quotes is touched.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '{' | '}' | ';' | ',' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                pending_space = false;
            }
            _ => {
                if pending_space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', ':']) {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
                if c == '"' || c == '\'' {
                    // A string is copied as it is, up to its closing quote.
                    while let Some(d) = chars.next() {
                        out.push(d);
                        if d == '\\' {
                            if let Some(e) = chars.next() {
                                out.push(e);
                            }
                        } else if d == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}

fn put_hashed(dist: &Path, source: &str, bytes: Vec<u8>) -> Result<Asset, String> {
    let name = file_name(source);
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let short = &hex(&Sha256::digest(&bytes))[..10];
    let hashed = format!("assets/{stem}.{short}.{ext}");
    let integrity = format!("sha384-{}", standard_encode(&Sha384::digest(&bytes)));
    fs::write(dist.join(&hashed), &bytes).map_err(|e| e.to_string())?;
    Ok(Asset {
        source: source.to_string(),
        hashed,
        integrity,
    })
}

fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<(), String> {
    let Ok(entries) = fs::read_dir(from) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()), keep)?;
        } else if keep(&path) {
            fs::create_dir_all(to).map_err(|e| e.to_string())?;
            fs::copy(&path, to.join(entry.file_name())).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// Every file of dist/ (not the variants): raw bytes, the shipped .gz and .br, and gzip -6 (a
/// host compressing on the fly); then the first load's totals, as the budgets count them.
fn report_sizes(dist: &Path) -> Result<(), String> {
    let mut rows = Vec::new();
    collect_files(dist, &mut rows);
    rows.retain(|p| {
        let name = p.to_string_lossy();
        !Encoding::ALL.iter().any(|e| name.ends_with(e.suffix()))
    });
    rows.sort();
    println!(
        "xtask: {:<44} {:>8} {:>8} {:>8} {:>8}",
        "dist/", "raw B", ".gz B", ".br B", "gzip-6 B"
    );
    for path in rows {
        let rel = path
            .strip_prefix(dist)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let a = crate::first_load::asset(dist, &rel)?;
        println!(
            "xtask: {:<44} {:>8} {:>8} {:>8} {:>8}",
            rel, a.raw, a.gzip, a.br, a.gzip6
        );
    }
    let first_load = crate::first_load::first_load_of_page(dist)?;
    let first = crate::first_load::Totals::of(&first_load);
    println!(
        "xtask: first load of the standalone page: {} B raw; what a browser receives: {} B shipped .gz, {} B shipped .br, {} B gzip -6 (on-the-fly hosts)",
        first.raw, first.gzip, first.br, first.gzip6
    );
    for line in crate::budgets::budget_lines(&first_load) {
        println!("xtask: first load, {line}");
    }
    let v2 = crate::first_load::Totals::of(&crate::budgets::app_with_v2(dist, &first_load)?);
    println!(
        "xtask: app for a session file v2 (JS + wasm, v2 engine): {} B shipped .gz (max {} B), {} B gzip -6 (max {} B), {} B shipped .br",
        v2.gzip,
        crate::budgets::APP_V2_GZIP_MAX,
        v2.gzip6,
        crate::budgets::APP_V2_GZIP6_MAX,
        v2.br
    );
    Ok(())
}

/// The stylesheet of a widget's shadow root, from the page's: `rem` (relative to the HOST
/// page's root font size, which an académie's CMS may set to 62.5 % or worse) becomes
/// `calc(N * var(--candidat-rem))`, a length the widget sets on its host (16px; a theme may
/// change it), so a DSFR size nested in another never compounds (`em` would). Width media
/// queries become container queries on the widget's root, `em` there being the root's font
/// size: a widget in a narrow sidebar gets the one-column layout whatever the window's width.
pub fn shadow_css(css: &str) -> String {
    let mut out = rem_to_widget_units(&css.replace("@media (min-width:", "@container (min-width:"));
    out.push_str(
        "\n/* Added by the build for the shadow root: width queries are the widget's own. */\n",
    );
    out.push_str(".candidat-root { container-type: inline-size; }\n");
    // The widget's rem (after the purge, which drops custom properties it sees unused).
    out.push_str(":host { --candidat-rem: 16px; }\n");
    out
}

/// `1.5rem` → `calc(1.5*var(--candidat-rem))` in declarations, `1.5em` in at-rule preludes
/// (a container query's `em` is the container's font size).
fn rem_to_widget_units(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    let mut in_prelude = false;
    let mut i = 0;
    while i < s.len() {
        let c = bytes[i];
        if c == b'@' {
            in_prelude = true;
        } else if c == b'{' || c == b';' {
            in_prelude = false;
        }
        let prev_ident = i > 0 && {
            let p = bytes[i - 1];
            p.is_ascii_alphanumeric() || matches!(p, b'-' | b'_' | b'.')
        };
        let signed = c == b'-'
            && bytes
                .get(i + 1)
                .is_some_and(|d| d.is_ascii_digit() || *d == b'.');
        if !prev_ident && (c.is_ascii_digit() || c == b'.' || signed) {
            let digits_from = i + usize::from(signed);
            let end = digits_from
                + bytes[digits_from..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit() || **b == b'.')
                    .count();
            let unit_ok = s[end..].starts_with("rem")
                && !bytes
                    .get(end + 3)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-');
            if unit_ok {
                let n = &s[i..end];
                if in_prelude {
                    out.push_str(n);
                    out.push_str("em");
                } else {
                    out.push_str(&format!("calc({n}*var(--candidat-rem))"));
                }
                i = end + 3;
                continue;
            }
            out.push_str(&s[i..end]);
            i = end;
            continue;
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// The files directly in a folder (not below), sorted.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

pub fn collect_files(dir: &Path, into: &mut Vec<PathBuf>) {
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_files(&path, into);
            } else {
                into.push(path);
            }
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn shadow_css_uses_em_and_container_queries() {
        let css = "h1 { font-size: 1.75rem; margin: 0.5rem 0; }\n@media (min-width: 30rem) { .a { gap: 2rem; } }\n@media print {\n  .b { padding: 1rem; }\n}\n.c { font-size: medium; }\n";
        let out = super::shadow_css(css);
        assert!(out.starts_with(
            "h1 { font-size: calc(1.75*var(--candidat-rem)); margin: calc(0.5*var(--candidat-rem)) 0; }\n@container (min-width: 30em) { .a { gap: calc(2*var(--candidat-rem)); } }\n@media print {\n  .b { padding: calc(1*var(--candidat-rem)); }\n}\n.c { font-size: medium; }\n"
        ), "{out}");
        // Negative values, and names that merely contain digits, are read right.
        assert_eq!(
            super::rem_to_widget_units(".x1rem{margin:-.5rem;--h2rem:1rem}"),
            ".x1rem{margin:calc(-.5*var(--candidat-rem));--h2rem:calc(1*var(--candidat-rem))}"
        );
        assert!(out.contains(".candidat-root { container-type: inline-size; }"));
    }

    #[test]
    fn minify_css_keeps_meaningful_spaces_and_strings() {
        let css = "/* why */\n.a :focus ,\n.b > p {\n  margin: 0 auto;\n  width: calc(1em + 2px);\n  content: \"  ☐ ; \";\n}\n@media (min-width: 40em) { .c { color: red; } }\n";
        assert_eq!(
            super::minify_css(css),
            ".a :focus,.b > p{margin:0 auto;width:calc(1em + 2px);content:\"  ☐ ; \"}@media (min-width:40em){.c{color:red}}"
        );
    }
}
