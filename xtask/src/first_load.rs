//! What a first visit downloads, file by file, with the bytes a browser receives: shared by the
//! byte budgets (`cargo xtask test`), the build's log and the report (`cargo xtask bench`).

use std::fs;
use std::path::Path;

use crate::compress::{self, Encoding};
use crate::root;

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
        gzip6: compress::gzip_on_the_fly_len(&bytes),
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
}

/// What a first visit downloads: index.html, every local file it names in `href`/`src`, and
/// (transitively) every local .js/.mjs/.wasm/.css a script names in a string literal: the
/// glue that boot.js imports, the wasm the glue fetches with `new URL(…, import.meta.url)`.
pub fn first_load_of_page(dist: &Path) -> Result<Vec<Asset>, String> {
    let html = fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read {}/index.html: {e}", dist.display()))?;
    let mut names = vec!["index.html".to_string()];
    for attr in ["href=\"", "src=\""] {
        for value in html
            .split(attr)
            .skip(1)
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
        if !(name.ends_with(".js") || name.ends_with(".mjs")) {
            continue;
        }
        let text = fs::read_to_string(dist.join(&name)).unwrap_or_default();
        let base = name
            .rsplit_once('/')
            .map(|(dir, _)| format!("{dir}/"))
            .unwrap_or_default();
        for literal in string_literals(&text) {
            if [".js", ".mjs", ".wasm", ".css"]
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
        "candidat_bg.wasm",
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
    fn string_literals_find_the_wasm_the_glue_fetches() {
        let js = r#"import init from "./candidat.ab.js"; const u = new URL('candidat_bg.cd.wasm', import.meta.url); x = `a${b}`;"#;
        let lits = string_literals(js);
        assert!(lits.contains(&"./candidat.ab.js"));
        assert!(lits.contains(&"candidat_bg.cd.wasm"));
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
