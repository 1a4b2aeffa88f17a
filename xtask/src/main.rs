//! `cargo xtask <command>`: the project's commands. See README.md.
//!
//! - `serve [--port N]`: install what is missing, build the release site into `dist/`, serve it on loopback.
//! - `build`: the same without serving.
//! - `test`: the same installs, then every test layer (native, wasm in Chromium, end-to-end).
//!
//! Every step is idempotent: a second run installs nothing and rebuilds only what changed.

mod bench;
mod budgets;
mod build;
mod compress;
mod first_load;
mod fuzz;
mod public_pages;
mod serve;
mod site;
mod style;
mod test;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <serve [--port N] | build | test | bench | fuzz>

  serve   install what is missing, build the site into dist/, serve it on http://127.0.0.1:8080
  build   install what is missing and build dist/ and pkg/ (what serve does, without serving)
  test    install what is missing, then run every test layer:
          native cargo tests, wasm-bindgen-test in headless Chromium, Playwright journeys
  bench [--loads N] [--changes N] [--against REV]
          build this commit and REV's (default HEAD~1, in target/bench-against/), then measure
          sizes by budget, load times and layout shifts in Chromium and Lighthouse, side by side
          with a Leptos hello world; update times, memory, one native evaluation; writes
          bench/report.md
  fuzz [--seconds N] [--target NAME]
          run the cargo-fuzz targets (nightly), N seconds each (default 600), report in bench/fuzz-report.md";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => parse_port(&args[1..]).and_then(|port| {
            tools::ensure_build_tools()?;
            build::site()?;
            serve::forever(&root().join("dist"), port)
        }),
        Some("build") => tools::ensure_build_tools().and_then(|_| build::site().map(|_| ())),
        Some("test") => test::all(),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_port(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(8080),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port takes a number from 1 to 65535, not {value:?}")),
        _ => Err(USAGE.to_string()),
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask is inside the workspace")
        .to_path_buf()
}

/// Runs a command from the workspace root; its output goes straight to the terminal.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    println!("xtask: $ {}", shown.replace('"', ""));
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Runs a command quietly and returns its stdout, or None if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.current_dir(root()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
