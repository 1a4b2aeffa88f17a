//! Compression, in pure Rust: the `.gz` and `.br` files `cargo xtask build` ships beside every
//! text and wasm asset (hosts with `gzip_static`/`brotli_static` or rewrite rules send them as
//! they are), and the gzip -6 that hosts compressing on the fly send (docs/adr/0009).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// What nginx (`gzip_comp_level` set by most distributions' examples), Apache's mod_deflate and
/// zlib's default use when a host compresses each response itself.
pub const ON_THE_FLY_GZIP_LEVEL: u32 = 6;

/// The two shipped encodings, in order of preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Br,
    Gzip,
}

impl Encoding {
    pub const ALL: [Encoding; 2] = [Encoding::Br, Encoding::Gzip];

    /// The `Content-Encoding` token.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Br => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The suffix of the precompressed file beside the original.
    pub fn suffix(self) -> &'static str {
        match self {
            Encoding::Br => ".br",
            Encoding::Gzip => ".gz",
        }
    }

    fn compress(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Encoding::Br => brotli_max(bytes),
            Encoding::Gzip => gzip_shipped(bytes),
        }
    }
}

/// The path of `file`'s precompressed variant (`app.js` → `app.js.br`).
pub fn variant(file: &Path, encoding: Encoding) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(encoding.suffix());
    PathBuf::from(name)
}

/// The shipped `.gz`: zopfli (gzip format, readable by every gzip decoder), a few percent
/// smaller than gzip -9; deterministic (no name, no time stamp).
pub fn gzip_shipped(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut out,
    )
    .expect("compressing into memory cannot fail");
    out
}

/// gzip at a zlib level (flate2, miniz_oxide backend); deterministic header.
pub fn gzip_level(bytes: &[u8], level: u32) -> Vec<u8> {
    let mut encoder =
        flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level.min(9)));
    encoder
        .write_all(bytes)
        .expect("compressing into memory cannot fail");
    encoder
        .finish()
        .expect("compressing into memory cannot fail")
}

/// Bytes a host compressing on the fly at its default level sends.
pub fn gzip_on_the_fly_len(bytes: &[u8]) -> usize {
    gzip_level(bytes, ON_THE_FLY_GZIP_LEVEL).len()
}

/// Brotli at its maximum quality (11) and the largest window browsers accept (24).
pub fn brotli_max(bytes: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("compressing into memory cannot fail");
    out
}

/// Files worth compressing: text and wasm. Images and fonts already compressed (png, jpg,
/// webp, avif, woff2, …) and the variants themselves are not; nor is a README (npm packs
/// every `README*` whatever `files` says: its variants would ship in the package).
pub fn is_compressible(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.to_ascii_lowercase().starts_with("readme") {
        return false;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "html"
            | "htm"
            | "js"
            | "mjs"
            | "cjs"
            | "css"
            | "wasm"
            | "json"
            | "webmanifest"
            | "map"
            | "svg"
            | "xml"
            | "txt"
            | "md"
            | "ics"
            | "ts"
            | "ico"
    )
}

/// What `precompress` did, for the build's log.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Precompressed {
    pub files: usize,
    pub written: usize,
    pub removed: usize,
}

/// Writes `<file>.gz` and `<file>.br` beside every compressible file under `dir` (recursively),
/// when smaller than the file (a host then sends the file as it is, as nginx does when no
/// variant exists). Idempotent: a variant is written only when its bytes change, a variant
/// whose original is gone or no longer gains is removed, and the compressed bytes are kept in
/// `cache` by content hash, so an unchanged wasm is not recompressed on the next build.
pub fn precompress(dir: &Path, cache: &Path) -> Result<Precompressed, String> {
    let mut files = Vec::new();
    crate::build::collect_files(dir, &mut files);
    files.sort();
    let mut done = Precompressed::default();
    for file in &files {
        let is_variant = Encoding::ALL.iter().find_map(|e| {
            file.to_str()
                .and_then(|s| s.strip_suffix(e.suffix()))
                .map(PathBuf::from)
        });
        if let Some(original) = is_variant {
            if !original.is_file() || !is_compressible(&original) {
                fs::remove_file(file).map_err(|e| format!("{}: {e}", file.display()))?;
                done.removed += 1;
            }
            continue;
        }
        if !is_compressible(file) {
            continue;
        }
        done.files += 1;
        let bytes = fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let key = crate::build::hex(&Sha256::digest(&bytes));
        for encoding in Encoding::ALL {
            let cached = cache.join(format!("{key}{}", encoding.suffix()));
            let compressed = match fs::read(&cached) {
                Ok(c) => c,
                Err(_) => {
                    let c = encoding.compress(&bytes);
                    fs::create_dir_all(cache).map_err(|e| e.to_string())?;
                    fs::write(&cached, &c).map_err(|e| e.to_string())?;
                    c
                }
            };
            let target = variant(file, encoding);
            if compressed.len() >= bytes.len() {
                if target.exists() {
                    fs::remove_file(&target).map_err(|e| e.to_string())?;
                    done.removed += 1;
                }
                continue;
            }
            if fs::read(&target).ok().as_deref() != Some(&compressed[..]) {
                fs::write(&target, &compressed)
                    .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
                done.written += 1;
            }
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn sample() -> Vec<u8> {
        let mut s = String::new();
        for i in 0..400 {
            s.push_str(&format!(
                "<li class=\"item\" data-i=\"{i}\">Déposer le dossier {}</li>\n",
                i % 7
            ));
        }
        s.into_bytes()
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .expect("valid gzip");
        out
    }

    fn unbrotli(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::Decompressor::new(bytes, 4096)
            .read_to_end(&mut out)
            .expect("valid brotli");
        out
    }

    #[test]
    fn every_encoder_round_trips_and_is_deterministic() {
        let data = sample();
        assert_eq!(gunzip(&gzip_shipped(&data)), data);
        assert_eq!(gunzip(&gzip_level(&data, 6)), data);
        assert_eq!(unbrotli(&brotli_max(&data)), data);
        assert_eq!(gzip_shipped(&data), gzip_shipped(&data));
        assert_eq!(brotli_max(&data), brotli_max(&data));
        assert!(gzip_shipped(&data).len() <= gzip_level(&data, 9).len());
    }

    #[test]
    fn precompress_writes_variants_once_and_cleans_up() {
        let dir = std::env::temp_dir().join(format!("candidat-precompress-{}", std::process::id()));
        let cache = dir.join(".cache");
        let site = dir.join("site");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(site.join("assets")).unwrap();
        fs::write(site.join("index.html"), sample()).unwrap();
        fs::write(site.join("assets/app.wasm"), sample()).unwrap();
        fs::write(site.join("photo.png"), sample()).unwrap();
        fs::write(site.join("tiny.txt"), "x").unwrap();

        let first = precompress(&site, &cache).unwrap();
        assert_eq!((first.files, first.written, first.removed), (3, 4, 0));
        assert_eq!(
            unbrotli(&fs::read(site.join("index.html.br")).unwrap()),
            sample()
        );
        assert_eq!(
            gunzip(&fs::read(site.join("assets/app.wasm.gz")).unwrap()),
            sample()
        );
        assert!(
            !site.join("photo.png.gz").exists(),
            "images are not compressed"
        );
        assert!(
            !site.join("tiny.txt.gz").exists(),
            "no variant larger than the file"
        );

        let again = precompress(&site, &cache).unwrap();
        assert_eq!((again.files, again.written, again.removed), (3, 0, 0));

        fs::remove_file(site.join("index.html")).unwrap();
        let after = precompress(&site, &cache).unwrap();
        assert_eq!((after.files, after.written, after.removed), (2, 0, 2));
        assert!(!site.join("index.html.gz").exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
