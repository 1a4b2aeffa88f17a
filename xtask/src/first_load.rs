//! What a first visit downloads, file by file, with the bytes a browser receives, each file in
//! its budget's category: shared by the byte budgets (`cargo xtask test`), the build's log and
//! the report (`cargo xtask bench`).

use std::fs;
use std::path::Path;

use crate::compress::{self, Encoding};
use crate::root;

#[derive(Clone)]
pub struct Asset {
    /// Path relative to the folder it is served from.
    pub name: String,
    pub raw: usize,
    /// The shipped `.gz` (what a host serving precompressed files sends to a browser that
    /// accepts gzip); the file itself when there is none.
    pub gzip: usize,
    /// The shipped `.br` (sent to a browser that accepts br, as every current one does over
    /// HTTPS); else what it gets without it (the `.gz`, else the file).
    pub br: usize,
    /// gzip -6 of the file: what a host compressing each response on the fly sends.
    pub gzip6: usize,
}

/// The budget a file counts against (xtask/src/budgets.rs), by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    /// HTML and CSS: nothing is painted before they arrive.
    RenderCritical,
    /// JS and wasm: the app, interactive once they are in.
    App,
    /// Web fonts (woff2, woff, ttf, otf): already compressed, served as they are.
    Fonts,
    /// Everything else (favicon, SVG icons, images): printed, not budgeted.
    Other,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::RenderCritical,
        Category::App,
        Category::Fonts,
        Category::Other,
    ];

    pub fn of(name: &str) -> Category {
        let path = name.split(['?', '#']).next().unwrap_or(name);
        let ext = path
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "css" => Category::RenderCritical,
            "js" | "mjs" | "wasm" => Category::App,
            "woff2" | "woff" | "ttf" | "otf" => Category::Fonts,
            _ => Category::Other,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::RenderCritical => "render-critical (HTML + CSS)",
            Category::App => "app (JS + wasm)",
            Category::Fonts => "fonts",
            Category::Other => "other (icons, images; not budgeted)",
        }
    }
}

impl Asset {
    pub fn category(&self) -> Category {
        Category::of(&self.name)
    }
}

pub fn asset(dir: &Path, name: &str) -> Result<Asset, String> {
    let path = dir.join(name);
    let bytes =
        fs::read(&path).map_err(|e| format!("cannot read {}/{name}: {e}", dir.display()))?;
    let shipped = |e: Encoding| {
        fs::metadata(compress::variant(&path, e))
            .ok()
            .map(|m| m.len() as usize)
    };
    let gzip = shipped(Encoding::Gzip).unwrap_or(bytes.len());
    Ok(Asset {
        name: name.to_string(),
        raw: bytes.len(),
        gzip,
        br: shipped(Encoding::Br).unwrap_or(gzip),
        // Fonts and images are already compressed: hosts send them as they are.
        gzip6: if compress::is_compressible(&path) {
            compress::gzip_on_the_fly_len(&bytes)
        } else {
            bytes.len()
        },
    })
}

/// The sums of a list of assets, each figure on its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub raw: usize,
    pub gzip: usize,
    pub br: usize,
    pub gzip6: usize,
}

impl Totals {
    pub fn of(assets: &[Asset]) -> Totals {
        assets.iter().fold(Totals::default(), |t, a| Totals {
            raw: t.raw + a.raw,
            gzip: t.gzip + a.gzip,
            br: t.br + a.br,
            gzip6: t.gzip6 + a.gzip6,
        })
    }

    /// The sums of the assets of one category.
    pub fn of_category(assets: &[Asset], category: Category) -> Totals {
        let mut t = Totals::default();
        for a in assets.iter().filter(|a| a.category() == category) {
            t = Totals {
                raw: t.raw + a.raw,
                gzip: t.gzip + a.gzip,
                br: t.br + a.br,
                gzip6: t.gzip6 + a.gzip6,
            };
        }
        t
    }
}

/// What a first visit downloads: index.html, every local file it names in `href`/`src`,
/// (transitively) every local .js/.mjs/.wasm/.css a script names in a string literal (the
/// glue that boot.js imports, the wasm the glue fetches with `new URL(…, import.meta.url)`),
/// but for a dynamic `import("…")` (loaded on demand: boot.js's events, inside an iframe only),
/// and every local file a stylesheet names in `url(…)`, relative to the stylesheet's folder
/// (fonts, icons; `data:` URIs and remote URLs are not files of the site).
///
/// A browser downloads only the fonts the page uses (a weight or style nobody renders is never
/// fetched), so counting every font the CSS names is an upper bound. It is the honest one: the
/// build ships only the weights the page uses (Marianne Regular and Bold), and a face added to
/// the CSS and left unused must still be paid for until someone removes it.
pub fn first_load_of_page(dist: &Path) -> Result<Vec<Asset>, String> {
    let html = fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read {}/index.html: {e}", dist.display()))?;
    let mut names = vec!["index.html".to_string()];
    // What the page loads: `<link href>` and `src`, never a link to another page (`<a href>`:
    // the footer's public pages are not downloaded with this one).
    let loaded = html.split('<').filter(|tag| !tag.starts_with("a "));
    for attr in ["href=\"", "src=\""] {
        for value in loaded
            .clone()
            .flat_map(|tag| tag.split(attr).skip(1))
            .filter_map(|rest| rest.split('"').next())
        {
            if let Some(name) = local_file(dist, "", value) {
                push_new(&mut names, name);
            }
        }
    }
    let mut i = 0;
    while i < names.len() {
        let name = names[i].clone();
        i += 1;
        let base = name
            .rsplit_once('/')
            .map(|(dir, _)| format!("{dir}/"))
            .unwrap_or_default();
        if name.ends_with(".css") {
            let text = fs::read_to_string(dist.join(&name)).unwrap_or_default();
            for url in css_urls(&text) {
                if let Some(found) = local_file(dist, &base, url) {
                    push_new(&mut names, found);
                }
            }
            continue;
        }
        if !(name.ends_with(".js") || name.ends_with(".mjs")) {
            continue;
        }
        let text = fs::read_to_string(dist.join(&name)).unwrap_or_default();
        for literal in string_literals(&text) {
            if !imported_on_demand(&text, literal)
                && [".js", ".mjs", ".wasm", ".css"]
                    .iter()
                    .any(|ext| literal.ends_with(ext))
            {
                if let Some(found) = local_file(dist, &base, literal) {
                    push_new(&mut names, found);
                }
            }
        }
    }
    names.iter().map(|n| asset(dist, n)).collect()
}

/// The in-page widget as an académie's page loads it from pkg/.
pub fn widget_assets() -> Result<Vec<Asset>, String> {
    let pkg = root().join("pkg");
    [
        "candidat-element.js",
        "candidat.js",
        "candidat_wasm.js",
        "candidat_wasm_bg.wasm",
        "candidat.css",
    ]
    .iter()
    .filter(|n| pkg.join(n).exists())
    .map(|n| asset(&pkg, n))
    .collect()
}

fn push_new(names: &mut Vec<String>, name: String) {
    if !names.contains(&name) {
        names.push(name);
    }
}

/// A URL as written in a file at `base` (folder relative to dist, "" or "assets/"), if it
/// names a file of dist: relative, no scheme, no fragment-only link.
fn local_file(dist: &Path, base: &str, url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    if path.is_empty() || url.contains("://") || url.starts_with("data:") || url.starts_with("//") {
        return None;
    }
    let joined = if let Some(abs) = path.strip_prefix('/') {
        abs.to_string()
    } else {
        format!("{base}{path}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let name = parts.join("/");
    dist.join(&name).is_file().then_some(name)
}

/// The URLs of a stylesheet's `url(…)`, quoted or not, without surrounding spaces (comments
/// are not skipped: a commented-out font is counted, which errs on the safe side).
fn css_urls(css: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = css;
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let Some(end) = rest.find(')') else { break };
        let inner = rest[..end].trim();
        let inner = inner
            .strip_prefix(['"', '\''])
            .and_then(|s| s.strip_suffix(['"', '\'']))
            .unwrap_or(inner)
            .trim();
        if !inner.is_empty() {
            out.push(inner);
        }
        rest = &rest[end + 1..];
    }
    out
}

/// Whether `literal` (a slice of `text`) is the argument of a dynamic `import(…)`.
fn imported_on_demand(text: &str, literal: &str) -> bool {
    let at = (literal.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    text.get(..at.saturating_sub(1))
        .is_some_and(|before| before.trim_end().ends_with("import("))
}

/// The contents of '…', "…" and `…` literals without escapes or newlines (enough for the
/// file names that wasm-bindgen and our scripts write).
fn string_literals(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let q = bytes[i];
        if q == b'\'' || q == b'"' || q == b'`' {
            if let Some(len) =
                text[i + 1..].find(|c: char| c as u32 == u32::from(q) || c == '\n' || c == '\\')
            {
                let end = i + 1 + len;
                if bytes[end] == q {
                    out.push(&text[i + 1..end]);
                    i = end + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dynamic_import_is_not_first_load() {
        let js = r#"import a from "./a.js"; x.then(() => import( "./b.js"))"#;
        let lits = string_literals(js);
        assert!(!imported_on_demand(js, lits[0]));
        assert!(imported_on_demand(js, lits[1]));
    }

    #[test]
    fn string_literals_find_the_wasm_the_glue_fetches() {
        let js = r#"import init from "./candidat.ab.js"; const u = new URL('candidat_bg.cd.wasm', import.meta.url); x = `a${b}`;"#;
        let lits = string_literals(js);
        assert!(lits.contains(&"./candidat.ab.js"));
        assert!(lits.contains(&"candidat_bg.cd.wasm"));
    }

    #[test]
    fn css_urls_are_read_quoted_or_not() {
        let css = r#"@font-face{src:url("../fonts/m.woff2") format("woff2"),url( 'm.woff' )}
            .a{background:url(icons/x.svg)} .b{background:url(data:image/svg+xml;base64,AA)}"#;
        assert_eq!(
            css_urls(css),
            [
                "../fonts/m.woff2",
                "m.woff",
                "icons/x.svg",
                "data:image/svg+xml;base64,AA"
            ]
        );
    }

    #[test]
    fn assets_are_classified_by_extension() {
        for (name, category) in [
            ("index.html", Category::RenderCritical),
            ("assets/style.ab.css", Category::RenderCritical),
            ("assets/boot.js", Category::App),
            ("pkg/x.mjs", Category::App),
            ("assets/candidat_bg.cd.wasm", Category::App),
            ("assets/marianne-regular.ef.woff2", Category::Fonts),
            ("m.WOFF", Category::Fonts),
            ("m.ttf", Category::Fonts),
            ("assets/favicon.svg", Category::Other),
            ("logo.png", Category::Other),
        ] {
            assert_eq!(Category::of(name), category, "{name}");
        }
    }

    /// A page whose stylesheet names a font (twice), an icon, a data: URI and a remote font:
    /// the two local files are counted once each, a font as it is served (no .gz).
    #[test]
    fn the_first_load_follows_the_stylesheet_urls() {
        let dist = std::env::temp_dir().join(format!("candidat-first-load-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        fs::create_dir_all(dist.join("assets/fonts")).unwrap();
        fs::write(
            dist.join("index.html"),
            r#"<link rel="stylesheet" href="assets/style.css"><script src="assets/boot.js"></script>"#,
        )
        .unwrap();
        fs::write(
            dist.join("assets/style.css"),
            r#"@font-face{font-family:M;src:url(fonts/m.woff2)}@font-face{font-family:N;src:url("./fonts/m.woff2")}
               .i{background:url('icon.svg')}.d{background:url(data:image/png;base64,AA)}
               @font-face{font-family:R;src:url(https://fonts.example.org/r.woff2)}"#,
        )
        .unwrap();
        fs::write(dist.join("assets/boot.js"), "1").unwrap();
        fs::write(dist.join("assets/icon.svg"), "<svg/>").unwrap();
        fs::write(dist.join("assets/fonts/m.woff2"), [7u8; 3000]).unwrap();
        let assets = first_load_of_page(&dist).unwrap();
        let names: Vec<&str> = assets.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "index.html",
                "assets/style.css",
                "assets/boot.js",
                "assets/fonts/m.woff2",
                "assets/icon.svg"
            ]
        );
        let fonts = Totals::of_category(&assets, Category::Fonts);
        assert_eq!(
            fonts,
            Totals {
                raw: 3000,
                gzip: 3000,
                br: 3000,
                gzip6: 3000
            }
        );
        assert_eq!(Totals::of_category(&assets, Category::Other).raw, 6);
        let _ = fs::remove_dir_all(&dist);
    }

    #[test]
    fn local_files_are_relative_to_the_referring_file() {
        let dir = root().join("xtask");
        assert_eq!(
            local_file(&dir, "src/", "./main.rs"),
            Some("src/main.rs".to_string())
        );
        assert_eq!(
            local_file(&dir, "src/", "../Cargo.toml?v=1"),
            Some("Cargo.toml".to_string())
        );
        assert_eq!(local_file(&dir, "", "#app"), None);
        assert_eq!(local_file(&dir, "", "https://example.org/Cargo.toml"), None);
        assert_eq!(local_file(&dir, "", "../Cargo.toml"), None);
    }
}
