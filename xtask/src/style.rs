//! The stylesheet (ADR 0012): the State design system (DSFR, npm `@gouvfr/dsfr`, pinned in
//! package-lock.json) as its per-component files, then `www/style.css` (the page's own layout
//! and print rules), with every rule that no page and no view can match removed by PurgeCSS
//! (`xtask/css/purge.mjs`). What survives is rewritten here:
//!
//! - fonts: Marianne Regular and Bold only, woff2 only (`font-display: swap` as DSFR writes
//!   it). Other weights fall back to these two; the fonts are not subset (their terms of use
//!   do not allow changing the files);
//! - icons: only the SVG files the surviving rules name are copied;
//! - Internet Explorer's `-ms-high-contrast` blocks go (no browser we serve reads them);
//! - for the widget's shadow root: no `@font-face` (a shadow root's are ignored; the widget
//!   uses the host's Marianne when the host is a DSFR site, else Arial, DSFR's fallback),
//!   and `:root` is the widget's root.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, run};

/// The DSFR parts the page and the views use, in the cascade order DSFR documents (core
/// first). Adding a component to a view means adding its file here.
pub const DSFR_PARTS: &[&str] = &[
    "core/core",
    "component/link/link",
    "component/button/button",
    "component/badge/badge",
    "component/alert/alert",
    "component/callout/callout",
    "component/notice/notice",
    "component/form/form",
    "component/input/input",
    "component/select/select",
    "component/radio/radio",
    "component/checkbox/checkbox",
    "component/toggle/toggle",
    "component/skiplink/skiplink",
    "component/logo/logo",
    "component/header/header",
    "component/footer/footer",
];

/// The font files the page ships: Marianne Regular (400) and Bold (700), upright.
pub const FONTS: &[&str] = &["Marianne-Regular.woff2", "Marianne-Bold.woff2"];

pub fn dsfr_dist() -> PathBuf {
    root().join("node_modules/@gouvfr/dsfr/dist")
}

/// Purges the DSFR parts and `www/style.css` against `content` (files or globs: the views'
/// Rust sources, the generated HTML, the scripts). Returns the CSS with `dsfr:`/`www:` urls.
pub fn purged(content: &[String]) -> Result<String, String> {
    let dsfr = dsfr_dist();
    let out = crate::build::target_dir().join("purged.css");
    let mut cmd = Command::new("node");
    cmd.current_dir(root())
        .arg("xtask/css/purge.mjs")
        .arg(&out)
        .arg(&dsfr);
    for part in DSFR_PARTS {
        let file = dsfr.join(format!("{part}.min.css"));
        if !file.exists() {
            return Err(format!(
                "{} is missing: run `npm ci` (the DSFR is pinned in package-lock.json)",
                file.display()
            ));
        }
        cmd.arg(file);
    }
    cmd.arg(root().join("www/style.css"))
        .arg("--")
        .args(content);
    run(&mut cmd)?;
    let css = fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(without_blocks(&css, "@media screen and (-ms-high-contrast"))
}

/// Removes every top-level block whose prelude starts with `prefix` (e.g. IE-only media).
fn without_blocks(css: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find(prefix) {
        out.push_str(&rest[..at]);
        match block_end(&rest[at..]) {
            Some(end) => rest = &rest[at + end..],
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The length of the block that starts `s` (prelude, braces balanced), if it closes.
fn block_end(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Keeps the `@font-face` rules of [`FONTS`], each with its woff2 source only; drops the rest.
fn only_shipped_fonts(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("@font-face") {
        out.push_str(&rest[..at]);
        let Some(end) = block_end(&rest[at..]) else {
            break;
        };
        let rule = &rest[at..at + end];
        if let Some(font) = FONTS.iter().find(|f| rule.contains(&format!("/{f}\""))) {
            // `src:url(woff2) format("woff2"),url(woff) format("woff")` → the woff2 alone.
            let src_at = rule.find("src:").unwrap_or(rule.len());
            let src_end = rule[src_at..]
                .find([';', '}'])
                .map_or(rule.len(), |e| src_at + e);
            // `optional`, not DSFR's `swap`: swapping Marianne in after the first paint moved
            // every line by a few pixels (CLS 0.038 on Lighthouse mobile, over the 0.02
            // target); with `optional` a first visit keeps the fallback if the font is late,
            // and the next visit has it from the cache (ADR 0012).
            let head = rule[..src_at].replace("font-display:swap", "font-display:optional");
            out.push_str(&head);
            out.push_str(&format!("src:url(\"dsfr:fonts/{font}\") format(\"woff2\")"));
            out.push_str(&rule[src_end..]);
        }
        rest = &rest[at + end..];
    }
    out.push_str(rest);
    out
}

/// Every `url("dsfr:…")` / `url("www:…")` of `css`, once each, in order.
fn local_urls(css: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for piece in css.split("url(\"").skip(1) {
        if let Some(u) = piece.split('"').next() {
            if (u.starts_with("dsfr:") || u.starts_with("www:")) && !urls.iter().any(|x| x == u) {
                urls.push(u.to_owned());
            }
        }
    }
    urls
}

fn source_of(url: &str) -> PathBuf {
    match url.split_once(':') {
        Some(("dsfr", path)) => dsfr_dist().join(path),
        Some((_, path)) => root().join("www").join(path),
        None => PathBuf::from(url),
    }
}

/// The page's stylesheet: the fonts and icons it names copied into `assets_dir` (under their
/// own names, in `fonts/` and `icons/`), and the urls pointing at them, relative to a
/// stylesheet in `assets_dir`.
pub fn for_page(purged: &str, assets_dir: &Path) -> Result<String, String> {
    let mut css = svg_data_uris_to_files(&only_shipped_fonts(purged), assets_dir)?;
    for url in local_urls(&css) {
        let from = source_of(&url);
        let name = from
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = if name.ends_with(".woff2") {
            "fonts"
        } else {
            "icons"
        };
        fs::create_dir_all(assets_dir.join(folder)).map_err(|e| e.to_string())?;
        fs::copy(&from, assets_dir.join(folder).join(&name))
            .map_err(|e| format!("{}: {e}", from.display()))?;
        css = css.replace(&format!("\"{url}\""), &format!("\"{folder}/{name}\""));
    }
    Ok(css)
}

/// The stylesheet without its `@font-face` rules, and those rules on their own: the page
/// links them as a separate sheet that `boot.js` turns on once the app is up (ADR 0012), so
/// no font is requested before the first paint.
pub fn split_font_faces(css: &str) -> (String, String) {
    let (mut rest_css, mut faces) = (String::with_capacity(css.len()), String::new());
    let mut rest = css;
    while let Some(at) = rest.find("@font-face") {
        rest_css.push_str(&rest[..at]);
        let end = block_end(&rest[at..]).unwrap_or(rest.len() - at);
        faces.push_str(&rest[at..at + end]);
        rest = &rest[at + end..];
    }
    rest_css.push_str(rest);
    (rest_css, faces)
}

/// The images of the "République française" block (`.fr-logo:before`/`:after`), which the
/// header paints in the first screen: index.html preloads them, so they come with the
/// stylesheet instead of one round trip after it (Lighthouse's LCP counted that trip).
pub fn logo_images(css: &str) -> Vec<String> {
    let mut found = Vec::new();
    for selector in [".fr-logo:before{", ".fr-logo:after{"] {
        for rule in css.split(selector).skip(1) {
            let body = rule.split('}').next().unwrap_or("");
            for url in body
                .split("url(\"")
                .skip(1)
                .filter_map(|u| u.split('"').next())
            {
                if url.starts_with("icons/") && !found.iter().any(|f| f == url) {
                    found.push(url.to_owned());
                }
            }
        }
    }
    found
}

/// DSFR draws its logo and controls' marks with `url("data:image/svg+xml;…")`. A strict CSP
/// (`default-src 'self'`, the page's and the one the README gives académies) blocks data:
/// images, so each becomes a file in `icons/` named by its content's hash, and the CSP stays
/// as it is.
fn svg_data_uris_to_files(css: &str, assets_dir: &Path) -> Result<String, String> {
    use sha2::{Digest, Sha256};
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    let start = "url(\"data:image/svg+xml;";
    while let Some(at) = rest.find(start) {
        out.push_str(&rest[..at]);
        let body = &rest[at + start.len()..];
        let Some(end) = body.find("\")") else {
            out.push_str(&rest[at..]);
            rest = "";
            break;
        };
        let data = &body[..end];
        let encoded = data.split_once(',').map_or("", |(_, d)| d);
        let svg = percent_decode(encoded);
        let name = format!(
            "svg-{}.svg",
            &crate::build::hex(&Sha256::digest(&svg))[..12]
        );
        fs::create_dir_all(assets_dir.join("icons")).map_err(|e| e.to_string())?;
        fs::write(assets_dir.join("icons").join(&name), &svg).map_err(|e| e.to_string())?;
        out.push_str(&format!("url(\"icons/{name}\")"));
        rest = &body[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).and_then(|c| hex(*c)),
            b.get(i + 2).and_then(|c| hex(*c)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The widget's shadow-root stylesheet (pkg/candidat.css): the page's, without `@font-face`,
/// with `:root` read as the widget's root, and its icons as `icons/…` beside it.
pub fn for_shadow_root(page_css: &str) -> String {
    let mut css = String::with_capacity(page_css.len() + WIDGET_THEME.len());
    let mut rest = page_css;
    while let Some(at) = rest.find("@font-face") {
        css.push_str(&rest[..at]);
        let end = block_end(&rest[at..]).unwrap_or(rest.len() - at);
        rest = &rest[at + end..];
    }
    css.push_str(rest);
    css = css.replace(":root", ":host");
    css.push_str(WIDGET_THEME);
    css
}

/// The widget's theme hooks (README "Theming"): custom properties an académie sets on the
/// element (`candidat-checklist { --candidat-accent: #8a1538 }`) or on `mount()`'s container,
/// inherited into the shadow root; each falls back to DSFR's own value.
const WIDGET_THEME: &str = ":host{\
--text-action-high-blue-france:var(--candidat-accent,#000091);\
--background-action-high-blue-france:var(--candidat-accent,#000091);\
--background-action-high-blue-france-hover:var(--candidat-accent-hover,#1212ff);\
--background-action-high-blue-france-active:var(--candidat-accent-hover,#2323ff);\
--border-action-high-blue-france:var(--candidat-accent,#000091);\
--background-active-blue-france:var(--candidat-accent,#000091);\
--border-active-blue-france:var(--candidat-accent,#000091);\
--text-active-blue-france:var(--candidat-accent,#000091);\
--border-plain-blue-france:var(--candidat-accent,#000091);\
--border-default-blue-france:var(--candidat-accent,#6a6af4);\
--blue:var(--candidat-accent,#000091)}\
.candidat-root{font-family:var(--candidat-font,Marianne,arial,sans-serif)}\
.candidat-loading{display:block;margin:0;padding:1em 0;font-size:1em;line-height:1.5}\
.fr-btn,.card,.fr-alert,.fr-callout,.fr-badge{border-radius:var(--candidat-radius,0)}\
.fr-input,.fr-select{border-radius:var(--candidat-radius,.25rem .25rem 0 0)}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_and_bold_woff2_are_kept() {
        let css = r#"@font-face{font-display:swap;font-family:Marianne;font-weight:300;src:url("dsfr:fonts/Marianne-Light.woff2") format("woff2"),url("dsfr:fonts/Marianne-Light.woff") format("woff")}@font-face{font-display:swap;font-family:Marianne;font-weight:400;src:url("dsfr:fonts/Marianne-Regular.woff2") format("woff2"),url("dsfr:fonts/Marianne-Regular.woff") format("woff")}a{color:red}"#;
        let out = only_shipped_fonts(css);
        assert_eq!(
            out,
            r#"@font-face{font-display:optional;font-family:Marianne;font-weight:400;src:url("dsfr:fonts/Marianne-Regular.woff2") format("woff2")}a{color:red}"#
        );
    }

    #[test]
    fn svg_data_uris_become_files() {
        let dir = std::env::temp_dir().join(format!("candidat-style-{}", std::process::id()));
        let css = r#"a{b:url("data:image/svg+xml;charset=utf8,%3Csvg%20x='1'/%3E")}"#;
        let out = svg_data_uris_to_files(css, &dir).unwrap();
        assert!(
            out.starts_with("a{b:url(\"icons/svg-") && out.ends_with(".svg\")}"),
            "{out}"
        );
        let name = out
            .split("icons/")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        assert_eq!(
            fs::read_to_string(dir.join("icons").join(name)).unwrap(),
            "<svg x='1'/>"
        );
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn font_faces_go_to_their_own_sheet() {
        let (page, fonts) = split_font_faces("a{b:c}@font-face{src:url(x)}p{q:r}");
        assert_eq!(
            (page.as_str(), fonts.as_str()),
            ("a{b:c}p{q:r}", "@font-face{src:url(x)}")
        );
    }

    #[test]
    fn the_logo_images_are_found_for_preloading() {
        let css = r#"a{b:url("icons/x.svg")}.fr-logo:before{background-image:url("icons/a.svg"),linear-gradient(red,red)}.fr-logo:after{background-image:url("icons/b.svg")}"#;
        assert_eq!(logo_images(css), ["icons/a.svg", "icons/b.svg"]);
    }

    #[test]
    fn ie_blocks_and_shadow_fonts_go() {
        let css = "a{b:c}@media screen and (-ms-high-contrast:active){x{y:z}}p{q:r}";
        assert_eq!(
            without_blocks(css, "@media screen and (-ms-high-contrast"),
            "a{b:c}p{q:r}"
        );
        let page = "@font-face{src:url(\"fonts/M.woff2\")}:root{--a:1}";
        assert_eq!(
            for_shadow_root(page),
            format!(":host{{--a:1}}{WIDGET_THEME}")
        );
    }
}
