//! The byte budgets, in one place. Deterministic (bytes, never time): checked by
//! `cargo xtask test` after the build, printed by `cargo xtask bench`.

use std::path::Path;

use crate::first_load;

/// Everything the standalone page downloads on a first visit (html, js, wasm, css), gzip -9:
/// the "Budgets" issue's 150 KB, read as 150,000 bytes (the stricter reading). Enforced by
/// `cargo xtask test`; how we got under it: docs/adr/0007 and 0008. Never raise it without an
/// ADR saying which feature is worth the bytes.
pub const FIRST_LOAD_GZIP_MAX: usize = 150_000;

/// The iframe loader `embed.js`, gzip -9: académies paste it into pages they do not control.
pub const EMBED_LOADER_GZIP_MAX: usize = 1024;

/// Checks both budgets against a built `dist/`; every overrun is reported, with the figures.
pub fn check(dist: &Path) -> Result<(), String> {
    let assets = first_load::first_load_of_page(dist)?;
    let total: usize = assets.iter().map(|a| a.gzip).sum();
    let loader = first_load::asset(dist, "embed.js")?.gzip;
    println!(
        "xtask: budget: first load of the standalone page {total} B gzip (max {FIRST_LOAD_GZIP_MAX} B, {} B to spare)",
        FIRST_LOAD_GZIP_MAX.saturating_sub(total)
    );
    println!("xtask: budget: embed.js loader {loader} B gzip (max {EMBED_LOADER_GZIP_MAX} B)");
    let mut over = Vec::new();
    if total > FIRST_LOAD_GZIP_MAX {
        let files: Vec<String> = assets
            .iter()
            .map(|a| format!("{} {} B", a.name, a.gzip))
            .collect();
        over.push(format!(
            "first load is {total} B gzip, over {FIRST_LOAD_GZIP_MAX} B ({})",
            files.join(", ")
        ));
    }
    if loader > EMBED_LOADER_GZIP_MAX {
        over.push(format!(
            "embed.js is {loader} B gzip, over {EMBED_LOADER_GZIP_MAX} B"
        ));
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!("byte budget exceeded: {}", over.join("; ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site whose page loads one script of `script_bytes` incompressible bytes.
    fn site(name: &str, script_bytes: usize) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("candidat-budget-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "<script src=\"app.js\"></script>").unwrap();
        // xorshift over 90 symbols: gzip keeps ~80 % of it.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let noise: String = (0..script_bytes)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                char::from(b'!' + (x % 90) as u8)
            })
            .collect();
        std::fs::write(dir.join("app.js"), format!("//{noise}")).unwrap();
        std::fs::write(dir.join("embed.js"), "x").unwrap();
        dir
    }

    #[test]
    fn first_load_over_the_budget_fails_and_under_passes() {
        let over = check(&site("over", FIRST_LOAD_GZIP_MAX * 3 / 2)).unwrap_err();
        assert!(over.contains("first load"), "{over}");
        assert!(check(&site("under", FIRST_LOAD_GZIP_MAX / 4)).is_ok());
    }
}
