//! Installs what a fresh machine lacks, and nothing when it is all there already.
//! Every install the project needs is here, so that CI on a new machine proves the README.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{output, root, run};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The pinned toolchain's components and wasm target, the wasm-bindgen CLI at the crate's
/// exact version, and the npm tools (wasm-opt from `binaryen`, terser, Playwright's driver,
/// axe-core).
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_toolchain()?;
    ensure_wasm_bindgen_cli()?;
    ensure_node_modules()
}

/// Build tools plus Debian's Chromium and its driver (tests only).
pub fn ensure_test_tools() -> Result<(), String> {
    ensure_build_tools()?;
    ensure_chromium()
}

/// What rust-toolchain.toml asks for besides the compiler (docs/adr/0009): each is a path
/// inside the sysroot, so the check needs neither rustup nor the network.
const TOOLCHAIN_PARTS: &[(&str, &str)] = &[
    (
        "rust-src (the standard library's sources, for the size build's -Z build-std)",
        "lib/rustlib/src/rust/library/std/src/lib.rs",
    ),
    (
        "the wasm32-unknown-unknown target",
        "lib/rustlib/wasm32-unknown-unknown/lib",
    ),
    ("clippy", "bin/cargo-clippy"),
    ("rustfmt", "bin/rustfmt"),
];

/// rustup installs the pinned toolchain with its components and target by itself on first
/// use, but not where auto-install is off (`RUSTUP_AUTO_INSTALL=0`), nor the components of a
/// toolchain that is already there. So: when a part is missing, `rustup toolchain install`
/// (no argument: it reads rust-toolchain.toml); without rustup, say what to install.
fn ensure_toolchain() -> Result<(), String> {
    let sysroot = output(Command::new("rustc").args(["--print", "sysroot"]))
        .map(|s| PathBuf::from(s.trim()))
        .ok_or("cannot run `rustc --print sysroot`: is Rust installed? See README.md")?;
    let missing = missing_toolchain_parts(&sysroot);
    if missing.is_empty() {
        return Ok(());
    }
    if output(Command::new("rustup").arg("--version")).is_none() {
        return Err(format!(
            "the Rust toolchain at {} lacks {}, and rustup is not installed to add them. \
             Install rustup (https://rustup.rs) and run `rustup toolchain install` in this \
             folder (it reads rust-toolchain.toml), or give this toolchain the same parts.",
            sysroot.display(),
            missing.join(", ")
        ));
    }
    println!("xtask: the toolchain lacks {}", missing.join(", "));
    run(Command::new("rustup").args(["toolchain", "install"]))?;
    let sysroot = output(Command::new("rustc").args(["--print", "sysroot"]))
        .map(|s| PathBuf::from(s.trim()))
        .unwrap_or(sysroot);
    let still = missing_toolchain_parts(&sysroot);
    if still.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "`rustup toolchain install` left {} missing from {}; check rust-toolchain.toml",
            still.join(", "),
            sysroot.display()
        ))
    }
}

fn missing_toolchain_parts(sysroot: &Path) -> Vec<&'static str> {
    TOOLCHAIN_PARTS
        .iter()
        .filter(|(_, path)| !sysroot.join(path).exists())
        .map(|(what, _)| *what)
        .collect()
}

/// `$CARGO_HOME/bin`, where `cargo install` puts the wasm-bindgen CLI.
pub fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    home.join("bin")
}

pub fn wasm_bindgen() -> PathBuf {
    cargo_bin().join("wasm-bindgen")
}

/// PATH with `$CARGO_HOME/bin` first, so cargo's wasm test runner finds the pinned CLI.
pub fn path_with_cargo_bin() -> std::ffi::OsString {
    let mut paths = vec![cargo_bin()];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).unwrap_or_default()
}

/// The `wasm-bindgen` version that Cargo.lock resolved (pinned with `=` in Cargo.toml).
fn pinned_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock ({e}); run `cargo generate-lockfile`"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn ensure_wasm_bindgen_cli() -> Result<(), String> {
    let wanted = pinned_wasm_bindgen_version()?;
    let have = output(Command::new(wasm_bindgen()).arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    // Not `--locked`: the CLI's own lock file names a crate version this registry does not serve
    // (shared/TOOLCHAIN.md).
    run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
        "--force",
    ]))
}

/// `npm ci` when node_modules is missing or older than package-lock.json.
fn ensure_node_modules() -> Result<(), String> {
    let lock = root().join("package-lock.json");
    let stamp = root().join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
        (Ok(l), Ok(s)) => {
            s.modified().ok() >= l.modified().ok()
                && root().join("node_modules/.bin/wasm-opt").exists()
                && root().join("node_modules/.bin/terser").exists()
        }
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if output(Command::new("npm").arg("--version")).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}

fn ensure_chromium() -> Result<(), String> {
    if PathBuf::from(CHROMIUM).exists() && PathBuf::from(CHROMEDRIVER).exists() {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    let root_user = output(Command::new("id").arg("-u"))
        .map(|s| s.trim() == "0")
        .unwrap_or(false);
    if !root_user {
        return Err(format!(
            "missing Debian packages {packages:?}; install them with: sudo apt-get update && sudo apt-get install -y {}",
            packages.join(" ")
        ));
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y", "--no-install-recommends"])
        .args(packages))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sysroot_lacking_parts_names_each_of_them() {
        let sysroot = std::env::temp_dir().join(format!("candidat-sysroot-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&sysroot);
        std::fs::create_dir_all(&sysroot).unwrap();
        assert_eq!(
            missing_toolchain_parts(&sysroot).len(),
            TOOLCHAIN_PARTS.len()
        );
        for (_, path) in &TOOLCHAIN_PARTS[1..] {
            let p = sysroot.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, "").unwrap();
        }
        let missing = missing_toolchain_parts(&sysroot);
        assert_eq!(missing.len(), 1);
        assert!(missing[0].starts_with("rust-src"), "{missing:?}");
        let _ = std::fs::remove_dir_all(&sysroot);
    }
}
