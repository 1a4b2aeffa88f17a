//! `cargo xtask test`: every test layer, each printing its own runner's summary.
//! 0. lints, the cheap layer first: `cargo fmt --check`, clippy with `-D warnings` natively
//!    and for wasm32 (the page's code and tests/web.rs exist only there), the page's `v2`
//!    engine included;
//! 1. native `cargo test` (rules core, scenario tables, CLI, xtask itself);
//! 2. wasm-bindgen-test in headless Chromium (components);
//! 3. Playwright journeys in Chromium against the built `dist/`, served on loopback, after the
//!    byte budgets.

use std::process::Command;

use crate::{budgets, build, root, run, serve, tools};

pub fn all() -> Result<(), String> {
    tools::ensure_test_tools()?;
    let started = std::time::Instant::now();
    let mut layers = Vec::new();

    layer(
        &mut layers,
        "lints (rustfmt, clippy native and wasm32)",
        lints,
    )?;

    layer(&mut layers, "native (cargo test)", || {
        run(Command::new("cargo").args(["test", "--workspace", "--locked"]))
    })?;

    layer(
        &mut layers,
        "components (wasm-bindgen-test in Chromium)",
        || {
            run(Command::new("cargo")
                .args([
                    "test",
                    "--locked",
                    "--package",
                    "candidat",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--test",
                    "web",
                ])
                .env("PATH", tools::path_with_cargo_bin())
                .env("CHROMEDRIVER", tools::CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))
        },
    )?;

    layer(
        &mut layers,
        "journeys (Playwright in Chromium, dist/ on loopback)",
        || {
            let dist = build::site()?;
            budgets::check(&dist)?;
            let addr = serve::spawn(&dist)?;
            run(Command::new("node")
                .args(["--test", "--test-concurrency=1"])
                .arg(root().join("tests/e2e"))
                .env("BASE_URL", format!("http://{addr}/"))
                .env("CHROMIUM", tools::CHROMIUM))
        },
    )?;

    for (name, secs) in &layers {
        println!("xtask: layer passed in {secs:>6.1} s: {name}");
    }
    println!(
        "xtask: all {} test layers passed in {:.0} s",
        layers.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The three lint commands, all run even when one fails, so one pass shows every problem.
fn lints() -> Result<(), String> {
    let failed: Vec<String> = [
        run(Command::new("cargo").args(["fmt", "--all", "--check"])),
        run(Command::new("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ])),
        clippy_wasm(&["--all-targets"]),
        // The page's second engine, for session files version 2 (ADR 0016).
        clippy_wasm(&["--lib", "--features", "v2"]),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} (`cargo fmt --all` fixes the formatting)",
            failed.join("; ")
        ))
    }
}

/// clippy `-D warnings` on the page's crate for wasm32, with `what` (targets, features).
fn clippy_wasm(what: &[&str]) -> Result<(), String> {
    run(Command::new("cargo")
        .args([
            "clippy",
            "-p",
            "candidat",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .args(what)
        .args(["--locked", "--", "-D", "warnings"]))
}

fn layer(
    done: &mut Vec<(String, f64)>,
    name: &str,
    body: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    println!("\nxtask: ── test layer: {name}");
    let started = std::time::Instant::now();
    body().map_err(|e| format!("test layer \"{name}\" failed: {e}"))?;
    done.push((name.to_string(), started.elapsed().as_secs_f64()));
    Ok(())
}
