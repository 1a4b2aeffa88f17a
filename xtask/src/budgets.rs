//! The byte budgets, in one place. Deterministic (bytes, never time): checked by
//! `cargo xtask test` after the build, printed by `cargo xtask bench`.

use std::path::Path;

use crate::first_load;

/// Everything the standalone page downloads on a first visit (html, js, wasm, css), gzip -9:
/// the goal set by the "Budgets" issue. NOT MET yet (223,400 B on 2026-11-29): see
/// docs/adr/0007-byte-budgets.md. Printed by the bench and by the tests.
pub const FIRST_LOAD_GZIP_TARGET: usize = 150 * 1024;

/// What `cargo xtask test` enforces until the target is met: a ratchet just above the measured
/// first load, so that it can only go down. Lower it with every saving; never raise it without
/// an ADR saying which feature is worth the bytes.
pub const FIRST_LOAD_GZIP_MAX: usize = 225_000;

/// The iframe loader `embed.js`, gzip -9: académies paste it into pages they do not control.
pub const EMBED_LOADER_GZIP_MAX: usize = 1024;

/// Checks both budgets against a built `dist/`; every overrun is reported, with the figures.
pub fn check(dist: &Path) -> Result<(), String> {
    let assets = first_load::first_load_of_page(dist)?;
    let total: usize = assets.iter().map(|a| a.gzip).sum();
    let loader = first_load::asset(dist, "embed.js")?.gzip;
    println!(
        "xtask: budget: first load of the standalone page {total} B gzip (enforced max {FIRST_LOAD_GZIP_MAX} B; target {FIRST_LOAD_GZIP_TARGET} B{})",
        if total <= FIRST_LOAD_GZIP_TARGET { ", met" } else { ", not met yet" }
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
