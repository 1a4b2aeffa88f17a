//! `cargo xtask bench [--loads N] [--changes N] [--against REV]`: what the page costs, side by
//! side with another commit's build (default `HEAD~1`) and a Leptos baseline, written to
//! bench/report.md. A bench reports; it never fails on a figure (the budgets do, in `test`).
//!
//! 1. raw bytes and what a browser receives (the shipped .gz and .br, gzip -6 from hosts that
//!    compress on the fly) of the first load of the standalone page (what dist/index.html
//!    names, what its scripts import, the wasm the glue fetches, what its CSS names in
//!    `url(…)`), by budget category (render-critical, app, fonts, other), and of the widget;
//! 2. load-to-interactive in headless Chromium (cold cache), at 1× and 4× CPU throttling;
//! 3. answer → checklist latency in the DOM;
//! 4. one native evaluation of the rules (divan, `cargo bench -p candidat-core`);
//! 5. the wasm linear memory after the journey;
//! 6. Lighthouse (mobile) scores and metrics, checked against issue 12's targets;
//! 7. layout shifts measured by our own script, at a phone's and a laptop's viewport.
//!
//! Sizes, load times, layout shifts and Lighthouse are measured for three columns: this
//! build, the `--against` commit's build (a `git worktree` under target/bench-against/, built
//! by its own `cargo xtask build` with its own target dir, target/bench-against-target/), and
//! a Leptos 0.8 counter built identically (bench/hello/). If the other commit does not build,
//! the report says why and shows the two other columns.
//!
//! The browser parts are bench/browser.mjs and bench/lighthouse.mjs; they print flat
//! `key=value` lines that this file reads (xtask stays std-only apart from its hash crate).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::first_load::{first_load_of_page, widget_assets, Asset, Category, Totals};
use crate::{budgets, build, output, root, serve, tools};

const USAGE: &str = "usage: cargo xtask bench [--loads N] [--changes N] [--against REV]   (defaults: 20 loads, 100 changes, HEAD~1)";

struct Options {
    loads: u32,
    changes: u32,
    /// The git revision whose build is measured beside this one.
    against: String,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        loads: 20,
        changes: 100,
        against: "HEAD~1".to_string(),
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(USAGE)?;
        if flag == "--against" {
            o.against = value.clone();
            continue;
        }
        let n: u32 = value
            .parse()
            .map_err(|_| format!("{flag} takes a positive number, not {value:?}"))?;
        match flag.as_str() {
            "--loads" if n > 0 => o.loads = n,
            "--changes" if n > 1 => o.changes = n,
            _ => return Err(USAGE.to_string()),
        }
    }
    Ok(o)
}

/// The three columns of the report, in order: key in the browser scripts' output, and title.
const OURS: &str = "ours";
const PREV: &str = "prev";
const HELLO: &str = "hello";

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = parse(args)?;
    let started = Instant::now();
    let load_before = fs::read_to_string("/proc/loadavg").unwrap_or_default();

    tools::ensure_test_tools()?;
    ensure_bench_node_modules()?;
    let dist = build::site()?;
    let hello_dist = build_hello()?;
    let mut against = build_against(&opts.against);

    // 1: sizes.
    let standalone = first_load_of_page(&dist)?;
    let widget = widget_assets()?;
    let hello = first_load_of_page(&hello_dist)?;
    let prev = match &against.dist {
        Ok(d) => match first_load_of_page(d) {
            Ok(a) => Some(a),
            Err(e) => {
                against.dist = Err(e);
                None
            }
        },
        Err(_) => None,
    };
    if let Err(why) = &against.dist {
        println!("xtask: bench: no column for {}: {why}", against.name());
    }

    // 4: native evaluation (before the browsers, so they do not share the CPU).
    let divan = native_bench()?;

    // 2, 3, 5, 7: Chromium.
    let mut pages = vec![(OURS, format!("http://{}/", serve::spawn(&dist)?))];
    if let Ok(d) = &against.dist {
        pages.push((PREV, format!("http://{}/", serve::spawn(d)?)));
    }
    pages.push((HELLO, format!("http://{}/", serve::spawn(&hello_dist)?)));
    let tmp = root().join("bench/tmp");
    fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let mut cmd = Command::new("node");
    cmd.arg("bench/browser.mjs");
    for (key, url) in &pages {
        cmd.args(["--page", &format!("{key}={url}")]);
    }
    let browser = key_values(&capture(
        cmd.args([
            "--checklist",
            OURS,
            "--loads",
            &opts.loads.to_string(),
            "--changes",
            &opts.changes.to_string(),
        ])
        .arg("--json")
        .arg(tmp.join("browser.json")),
    )?);

    // 6: Lighthouse, against xtask's server (the shipped variants, as a host serving them
    // sends them); one run per column, a failed run is reported, not fatal.
    let mut lighthouse = BTreeMap::new();
    for (key, url) in &pages {
        let out = capture(
            Command::new("node")
                .arg("bench/lighthouse.mjs")
                .arg(url)
                .arg(tmp.join(format!("lighthouse-{key}.json"))),
        );
        let map = match out {
            Ok(text) => key_values(&text),
            Err(e) => BTreeMap::from([("lighthouse.error".to_string(), first_line(&e))]),
        };
        lighthouse.insert(*key, map);
    }

    let machine = Machine::read(&browser, load_before);
    let report = render(&Report {
        opts: &opts,
        machine: &machine,
        standalone: &standalone,
        widget: &widget,
        hello: &hello,
        prev: prev.as_deref(),
        against: &against,
        browser: &browser,
        divan: &divan,
        lighthouse: &lighthouse,
        seconds: started.elapsed().as_secs_f64(),
    });
    let path = root().join("bench/report.md");
    fs::write(&path, &report).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("\n{report}");
    println!(
        "xtask: report written to {} ({:.0} s)",
        path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").to_string()
}

/// The other commit of the comparison, and its built dist/ or why there is none.
struct Against {
    rev: String,
    short: String,
    subject: String,
    dist: Result<PathBuf, String>,
}

impl Against {
    fn name(&self) -> String {
        if self.short.is_empty() {
            format!("`{}`", self.rev)
        } else {
            format!("`{}` ({})", self.rev, self.short)
        }
    }
}

/// Checks `rev` out in a worktree under target/bench-against/ (reused when already there) and
/// runs that commit's own `cargo xtask build` in it, with its own target dir (kept between
/// runs, so only the first comparison builds from scratch). Never fails: a rev that does not
/// resolve or does not build is reported by the column it would have filled.
fn build_against(rev: &str) -> Against {
    let git = |args: &[&str]| output(Command::new("git").args(args)).map(|s| s.trim().to_string());
    let Some(sha) = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ]) else {
        return Against {
            rev: rev.to_string(),
            short: String::new(),
            subject: String::new(),
            dist: Err(format!("`git rev-parse {rev}` names no commit")),
        };
    };
    let short = git(&["rev-parse", "--short", &sha]).unwrap_or_else(|| sha[..7].to_string());
    let subject = git(&["log", "-1", "--format=%s", &sha]).unwrap_or_default();
    let dir = build::target_dir().join("bench-against");
    let dist = checkout_worktree(&dir, &sha).and_then(|()| {
        build_in(&dir, &build::target_dir().join("bench-against-target"))?;
        Ok(dir.join("dist"))
    });
    Against {
        rev: rev.to_string(),
        short,
        subject,
        dist,
    }
}

/// A detached worktree of `sha` at `dir`: reused if it is already there, moved to `sha` if it
/// is at another commit (ignored files such as node_modules/ and dist/ are kept), created
/// otherwise.
fn checkout_worktree(dir: &Path, sha: &str) -> Result<(), String> {
    let in_dir = |args: &[&str]| {
        output(Command::new("git").arg("-C").arg(dir).args(args)).map(|s| s.trim().to_string())
    };
    if dir.join(".git").is_file() {
        if in_dir(&["rev-parse", "HEAD"]).as_deref() == Some(sha) {
            println!("xtask: bench: reusing {} at {sha}", dir.display());
            return Ok(());
        }
        if in_dir(&["checkout", "--quiet", "--detach", "--force", sha]).is_some() {
            return Ok(());
        }
    }
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    crate::run(Command::new("git").args(["worktree", "prune"]))?;
    crate::run(
        Command::new("git")
            .args(["worktree", "add", "--detach"])
            .arg(dir)
            .arg(sha),
    )
}

/// `cargo xtask build` in another checkout, its output on the terminal; on failure, the error
/// is the last lines it wrote on stderr.
fn build_in(dir: &Path, target: &Path) -> Result<(), String> {
    println!(
        "xtask: $ cargo xtask build   (in {}, CARGO_TARGET_DIR={})",
        dir.display(),
        target.display()
    );
    let mut child = Command::new("cargo")
        .args(["xtask", "build"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        // Its own rust-toolchain.toml decides, not the toolchain this xtask was run with.
        .env_remove("RUSTUP_TOOLCHAIN")
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start cargo xtask build: {e}"))?;
    let mut tail: Vec<String> = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("{line}");
            tail.push(line);
            if tail.len() > 8 {
                tail.remove(0);
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "its `cargo xtask build` failed ({status}): {}",
            tail.join(" / ")
        ))
    }
}

/// `npm ci --prefix bench` (Lighthouse) when bench/node_modules is missing or older than its lock.
fn ensure_bench_node_modules() -> Result<(), String> {
    let bench = root().join("bench");
    let lock = fs::metadata(bench.join("package-lock.json"))
        .and_then(|m| m.modified())
        .ok();
    let stamp = fs::metadata(bench.join("node_modules/.package-lock.json"))
        .and_then(|m| m.modified())
        .ok();
    let fresh = lock.is_some()
        && stamp >= lock
        && bench.join("node_modules/lighthouse/cli/index.js").exists();
    if fresh {
        return Ok(());
    }
    crate::run(Command::new("npm").args(["ci", "--prefix", "bench", "--no-audit", "--no-fund"]))
}

/// The baseline: bench/hello (its own workspace and target dir) built like candidat, into
/// bench/hello/dist/{index.html, boot.js, pkg/hello.js, pkg/hello_bg.wasm}.
fn build_hello() -> Result<PathBuf, String> {
    let hello = root().join("bench/hello");
    let manifest = hello.join("Cargo.toml");
    let manifest = manifest.to_str().ok_or("non-UTF-8 path")?;
    crate::run(&mut build::size_build(
        &["--locked", "--manifest-path", manifest],
        &hello.join("target"),
    ))?;
    let raw = hello.join("target/wasm32-unknown-unknown/release/hello.wasm");
    let pkg = hello.join("pkg");
    crate::run(
        Command::new(tools::wasm_bindgen())
            .args(["--target", "web", "--out-name", "hello", "--out-dir"])
            .arg(&pkg)
            .arg(&raw),
    )?;
    let wasm = pkg.join("hello_bg.wasm");
    crate::run(
        Command::new(root().join("node_modules/.bin/wasm-opt"))
            .args(build::WASM_OPT_PASSES)
            .args(build::WASM_OPT_FEATURES)
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm),
    )?;
    let dist = hello.join("dist");
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(dist.join("pkg")).map_err(|e| e.to_string())?;
    for (from, to) in [
        (hello.join("index.html"), dist.join("index.html")),
        (hello.join("boot.js"), dist.join("boot.js")),
        (pkg.join("hello.js"), dist.join("pkg/hello.js")),
        (wasm, dist.join("pkg/hello_bg.wasm")),
    ] {
        fs::copy(&from, &to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    }
    // Shipped with the same .gz and .br as ours: the comparison is of code, not of hosting.
    build::precompress(&dist)?;
    Ok(dist)
}

/// A divan line: bench name and its median (as printed, e.g. "2.61 µs").
struct DivanRow {
    name: String,
    median: String,
    fastest: String,
    slowest: String,
}

fn native_bench() -> Result<Vec<DivanRow>, String> {
    let out = capture(Command::new("cargo").args([
        "bench",
        "-p",
        "candidat-core",
        "--bench",
        "evaluate",
    ]))?;
    println!("{out}");
    let rows = parse_divan(&out);
    if rows.is_empty() {
        return Err(
            "no bench line in the output of cargo bench -p candidat-core --bench evaluate".into(),
        );
    }
    Ok(rows)
}

/// Reads divan's table: `├─ name  fastest │ slowest │ median │ mean │ samples │ iters`.
fn parse_divan(out: &str) -> Vec<DivanRow> {
    let mut rows = Vec::new();
    for line in out.lines().map(strip_ansi) {
        let cols: Vec<&str> = line.split('│').map(str::trim).collect();
        if cols.len() < 6 {
            continue;
        }
        let first = cols[0].trim_start_matches(['├', '╰', '─', ' ']);
        let words: Vec<&str> = first.split_whitespace().collect();
        // [name, value, unit]; the header row ("evaluate  fastest") has no unit.
        if words.len() != 3 || words[1].parse::<f64>().is_err() {
            continue;
        }
        rows.push(DivanRow {
            name: words[0].to_string(),
            fastest: format!("{} {}", words[1], words[2]),
            slowest: cols[1].to_string(),
            median: cols[2].to_string(),
        });
    }
    rows
}

fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Runs a command from the workspace root, its stderr on the terminal, and returns its stdout.
fn capture(cmd: &mut Command) -> Result<String, String> {
    let shown = format!("{cmd:?}").replace('"', "");
    println!("xtask: $ {shown}");
    let out = cmd
        .current_dir(root())
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        Ok(stdout)
    } else {
        Err(format!("{shown} failed ({}):\n{stdout}", out.status))
    }
}

/// `key=value` lines (later keys win, except that repeated keys accumulate with "; ").
fn key_values(text: &str) -> BTreeMap<String, String> {
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    for line in text.lines() {
        if let Some((k, v)) = line.split_once('=') {
            map.entry(k.trim().to_string())
                .and_modify(|old| {
                    old.push_str("; ");
                    old.push_str(v.trim());
                })
                .or_insert_with(|| v.trim().to_string());
        }
    }
    map
}

struct Machine {
    date: String,
    nproc: usize,
    model: String,
    chromium: String,
    rustc: String,
    node: String,
    load_before: String,
    load_after: String,
}

impl Machine {
    fn read(browser: &BTreeMap<String, String>, load_before: String) -> Machine {
        let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let model = cpuinfo
            .lines()
            .find_map(|l| {
                l.strip_prefix("model name")
                    .and_then(|r| r.split_once(':'))
                    .map(|(_, m)| m.trim().to_string())
            })
            .unwrap_or_else(|| "unknown".into());
        let trimmed = |s: Option<String>| {
            s.map(|s| s.trim().to_string())
                .unwrap_or_else(|| "unknown".into())
        };
        let loadavg = |s: &str| s.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        Machine {
            date: trimmed(output(
                Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]),
            )),
            nproc: output(&mut Command::new("nproc"))
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or_else(|| {
                    std::thread::available_parallelism()
                        .map(|n| n.get())
                        .unwrap_or(0)
                }),
            model,
            chromium: browser
                .get("chromium")
                .cloned()
                .unwrap_or_else(|| "unknown".into()),
            rustc: trimmed(output(Command::new("rustc").arg("--version"))),
            node: trimmed(output(Command::new("node").arg("--version"))),
            load_before: loadavg(&load_before),
            load_after: loadavg(&fs::read_to_string("/proc/loadavg").unwrap_or_default()),
        }
    }
}

struct Report<'a> {
    opts: &'a Options,
    machine: &'a Machine,
    standalone: &'a [Asset],
    widget: &'a [Asset],
    hello: &'a [Asset],
    /// The `--against` commit's first load, when it built.
    prev: Option<&'a [Asset]>,
    against: &'a Against,
    browser: &'a BTreeMap<String, String>,
    divan: &'a [DivanRow],
    /// Lighthouse's keys, per column key.
    lighthouse: &'a BTreeMap<&'static str, BTreeMap<String, String>>,
    seconds: f64,
}

/// One column of the side-by-side tables.
struct Column<'a> {
    key: &'static str,
    title: String,
    assets: &'a [Asset],
}

impl Report<'_> {
    fn columns(&self) -> Vec<Column<'_>> {
        let mut cols = vec![Column {
            key: OURS,
            title: "this build".to_string(),
            assets: self.standalone,
        }];
        if let Some(prev) = self.prev {
            cols.push(Column {
                key: PREV,
                title: format!("previous commit (`{}`)", self.against.short),
                assets: prev,
            });
        }
        cols.push(Column {
            key: HELLO,
            title: "Leptos baseline".to_string(),
            assets: self.hello,
        });
        cols
    }
}

fn totals(assets: &[Asset]) -> (usize, usize) {
    let t = Totals::of(assets);
    (t.raw, t.gzip)
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn size_table(md: &mut String, title: &str, assets: &[Asset]) {
    let _ = writeln!(
        md,
        "| {title} | category | raw B | shipped .gz B | shipped .br B | gzip -6 B |\n|---|---|---:|---:|---:|---:|"
    );
    for a in assets {
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {} | {} |",
            a.name,
            short_label(a.category()),
            a.raw,
            a.gzip,
            a.br,
            a.gzip6
        );
    }
    let t = Totals::of(assets);
    let _ = writeln!(
        md,
        "| **total** | | **{}** ({}) | **{}** ({}) | **{}** ({}) | **{}** ({}) |\n",
        t.raw,
        kib(t.raw),
        t.gzip,
        kib(t.gzip),
        t.br,
        kib(t.br),
        t.gzip6,
        kib(t.gzip6)
    );
}

fn short_label(c: Category) -> &'static str {
    match c {
        Category::RenderCritical => "render-critical",
        Category::App => "app",
        Category::Fonts => "font",
        Category::Other => "other",
    }
}

/// "shipped .gz / gzip -6 / .br" of one category (or of everything, with `None`).
fn figures(assets: &[Asset], category: Option<Category>) -> String {
    let t = match category {
        Some(c) => Totals::of_category(assets, c),
        None => Totals::of(assets),
    };
    format!("{} / {} / {}", t.gzip, t.gzip6, t.br)
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "✓"
    } else {
        "✗"
    }
}

/// The cells of one timing row, from the browser script's keys `{prefix}.n|min|median|p90|max`
/// (prefix ends in the CPU rate, `…1x` or `…4x`): "1× | n | min | **median** | p90 | max".
fn spread_cells<'m>(b: &impl Fn(&str) -> &'m str, prefix: &str) -> String {
    let cpu = prefix.rsplit('.').next().unwrap_or("").replace('x', "×");
    let k = |s: &str| b(&format!("{prefix}.{s}"));
    format!(
        "{cpu} | {} | {} | **{}** | {} | {}",
        k("n"),
        k("min"),
        k("median"),
        k("p90"),
        k("max")
    )
}

/// A target: a bound and its direction (`true`: at least, `false`: at most).
type Goal = (f64, bool);

/// Issue 12's Lighthouse targets: (key in lighthouse.mjs's output, label, goal); without a
/// goal, reported only.
const LIGHTHOUSE_ROWS: [(&str, &str, Option<Goal>); 9] = [
    ("score.performance", "Performance score", Some((98.0, true))),
    (
        "score.accessibility",
        "Accessibility score",
        Some((100.0, true)),
    ),
    (
        "score.best-practices",
        "Best practices score",
        Some((100.0, true)),
    ),
    (
        "metric.lcp",
        "Largest Contentful Paint",
        Some((1200.0, false)),
    ),
    (
        "metric.cls",
        "Cumulative Layout Shift",
        Some((CLS_TARGET, false)),
    ),
    ("metric.tbt", "Total Blocking Time", Some((50.0, false))),
    ("metric.fcp", "First Contentful Paint", None),
    ("metric.si", "Speed Index", None),
    ("metric.tti", "Time to Interactive", None),
];

/// Issue 12's CLS target (Lighthouse's and our own measure alike).
const CLS_TARGET: f64 = 0.02;

/// A Lighthouse figure with its unit and, when it has a goal, ✓ or ✗.
fn lighthouse_cell(raw: &str, key: &str, goal: Option<Goal>) -> String {
    let Ok(v) = raw.parse::<f64>() else {
        return raw.to_string();
    };
    let shown = if key == "metric.cls" {
        format!("{v:.3}")
    } else if key.starts_with("metric.") {
        format!("{v:.0} ms")
    } else {
        format!("{v:.0}")
    };
    match goal {
        // Lighthouse rounds its scores; compare what it shows.
        Some((bound, at_least)) => {
            let v = if key == "metric.cls" {
                (v * 1000.0).round() / 1000.0
            } else {
                v.round()
            };
            let ok = if at_least { v >= bound } else { v <= bound };
            format!("{shown} {}", mark(ok))
        }
        None => shown,
    }
}

fn goal_text(key: &str, goal: Option<Goal>) -> String {
    match goal {
        None => "—".to_string(),
        Some((bound, at_least)) => {
            let op = if at_least { "≥" } else { "≤" };
            if key == "metric.cls" {
                format!("{op} {bound}")
            } else if key.starts_with("metric.") {
                format!("{op} {bound:.0} ms")
            } else if bound >= 100.0 {
                "100".to_string()
            } else {
                format!("{op} {bound:.0}")
            }
        }
    }
}

fn render(r: &Report) -> String {
    let b = |k: &str| r.browser.get(k).map(String::as_str).unwrap_or("n/a");
    let cols = r.columns();
    let m = r.machine;
    let mut md = String::new();
    let _ = writeln!(md, "# `cargo xtask bench` report\n");
    let _ = writeln!(md, "Generated by `cargo xtask bench` (xtask/src/bench.rs, bench/*.mjs); overwritten on every run.\n");
    let _ = writeln!(md, "- date: {}", m.date);
    let _ = writeln!(
        md,
        "- machine: {} × {} (`nproc` = {})",
        m.nproc, m.model, m.nproc
    );
    let _ = writeln!(
        md,
        "- load average (1/5/15 min) before → after the run: {} → {}",
        m.load_before, m.load_after
    );
    let _ = writeln!(
        md,
        "- browser: {} (Debian's /usr/bin/chromium, headless, playwright-core)",
        m.chromium
    );
    let _ = writeln!(md, "- {}, node {}", m.rustc, m.node);
    match &r.against.dist {
        Ok(_) => {
            let _ = writeln!(
                md,
                "- compared with: `--against {}` = `{}` \"{}\", built by its own `cargo xtask build`\n  in a worktree (target/bench-against/)",
                r.against.rev, r.against.short, r.against.subject
            );
        }
        Err(why) => {
            let _ = writeln!(
                md,
                "- compared with: **no column for `--against {}`** ({}): {why}",
                r.against.rev,
                if r.against.short.is_empty() {
                    "unknown revision"
                } else {
                    r.against.short.as_str()
                }
            );
        }
    }
    let _ = writeln!(
        md,
        "- loads per measure: {}; answer changes: {}; whole run: {:.0} s (builds included)\n",
        r.opts.loads, r.opts.changes, r.seconds
    );
    let _ = writeln!(
        md,
        "> **Noisy numbers.** This machine has {} cores shared with other builds (teammates' `cargo`\n\
         > runs, fuzzers): timings move by tens of percent from run to run; compare medians of runs\n\
         > made on the same machine and state, never single samples. Sizes are exact. A bench\n\
         > reports: ✓/✗ mark issue 12's targets, nothing here fails a build.\n",
        m.nproc
    );

    // 1: sizes.
    let _ = writeln!(md, "## 1. First-load bytes, by budget\n");
    let _ = writeln!(
        md,
        "Every file a first visit downloads: `index.html`, what it names (`href`/`src`), what its\n\
         scripts import or fetch (glue, wasm) and what its stylesheets name in `url(…)` (fonts,\n\
         icons; every font the CSS names is counted, an upper bound since a browser fetches only\n\
         the faces it renders). Three figures per file, what a browser receives: the `.gz`\n\
         (zopfli) the build ships beside each file (hosts serving precompressed files, and\n\
         `cargo xtask serve`), gzip -6 (hosts compressing on the fly; README \"Hosting\") and the\n\
         shipped `.br` (brotli 11). Fonts (woff2) are already compressed: counted as served.\n"
    );
    let _ = writeln!(
        md,
        "Budgets (xtask/src/budgets.rs, enforced by `cargo xtask test`), this build:\n"
    );
    let _ = writeln!(
        md,
        "| category | files | shipped .gz B | gzip -6 B | shipped .br B | budget | spare B |\n|---|---:|---:|---:|---:|---|---:|"
    );
    for (category, max, max6) in budgets::BY_CATEGORY {
        let t = Totals::of_category(r.standalone, category);
        let n = r
            .standalone
            .iter()
            .filter(|a| a.category() == category)
            .count();
        let (budget, spare) = match max6 {
            Some(m6) => (
                format!(
                    "{} ≤ {max} shipped .gz, {} ≤ {m6} gzip -6",
                    mark(t.gzip <= max),
                    mark(t.gzip6 <= m6)
                ),
                format!(
                    "{} / {}",
                    max as i64 - t.gzip as i64,
                    m6 as i64 - t.gzip6 as i64
                ),
            ),
            None => (
                format!(
                    "{} ≤ {max} {}",
                    mark(t.gzip <= max),
                    if category == Category::Fonts {
                        "as served"
                    } else {
                        "shipped .gz"
                    }
                ),
                format!("{}", max as i64 - t.gzip as i64),
            ),
        };
        let _ = writeln!(
            md,
            "| **{}** | {n} | **{}** | {} | {} | {budget} | {spare} |",
            category.label(),
            t.gzip,
            t.gzip6,
            t.br
        );
    }
    let other = Totals::of_category(r.standalone, Category::Other);
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} | {} | — | — |",
        Category::Other.label(),
        r.standalone
            .iter()
            .filter(|a| a.category() == Category::Other)
            .count(),
        other.gzip,
        other.gzip6,
        other.br
    );
    let all = Totals::of(r.standalone);
    let _ = writeln!(
        md,
        "| total | {} | {} | {} | {} | | |\n",
        r.standalone.len(),
        all.gzip,
        all.gzip6,
        all.br
    );
    let _ = writeln!(
        md,
        "Side by side, each cell **shipped .gz / gzip -6 / shipped .br** in bytes:\n"
    );
    let _ = write!(md, "| category |");
    for c in &cols {
        let _ = write!(md, " {} |", c.title);
    }
    if r.prev.is_some() {
        let _ = write!(md, " this − previous (.gz) |");
    }
    let _ = writeln!(
        md,
        "\n|---|{}",
        "---:|".repeat(cols.len() + r.prev.is_some() as usize)
    );
    for category in Category::ALL.map(Some).into_iter().chain([None]) {
        let label = category.map_or("**total**", Category::label);
        let _ = write!(md, "| {label} |");
        for c in &cols {
            let _ = write!(md, " {} |", figures(c.assets, category));
        }
        if let Some(prev) = r.prev {
            let t = |a: &[Asset]| match category {
                Some(cat) => Totals::of_category(a, cat).gzip as i64,
                None => Totals::of(a).gzip as i64,
            };
            let _ = write!(md, " {:+} |", t(r.standalone) - t(prev));
        }
        let _ = writeln!(md);
    }
    let _ = writeln!(md);
    size_table(&mut md, "standalone page (`dist/`)", r.standalone);
    let observed = b("ours.requests");
    let listed: Vec<String> = r
        .standalone
        .iter()
        .map(|a| {
            if a.name == "index.html" {
                "/".to_string()
            } else {
                format!("/{}", a.name)
            }
        })
        .collect();
    let seen: Vec<&str> = observed.split_whitespace().collect();
    let missing: Vec<&String> = listed
        .iter()
        .filter(|l| !seen.contains(&l.as_str()))
        .collect();
    let extra: Vec<&&str> = seen
        .iter()
        .filter(|s| !listed.iter().any(|l| l == *s))
        .collect();
    if missing.is_empty() && extra.is_empty() {
        let _ = writeln!(
            md,
            "Cross-check: a cold load in Chromium requested exactly these {} files.\n",
            seen.len()
        );
    } else {
        let _ = writeln!(md, "Cross-check: Chromium requested `{observed}`; not requested: {missing:?} (a font the page does not render is never fetched); not in the table: {extra:?}.\n");
    }
    if let Some(prev) = r.prev {
        size_table(
            &mut md,
            &format!(
                "previous commit `{}` (`target/bench-against/dist/`)",
                r.against.short
            ),
            prev,
        );
    }
    size_table(
        &mut md,
        "in-page widget (`pkg/`, host page not counted)",
        r.widget,
    );
    size_table(
        &mut md,
        "baseline: Leptos 0.8 counter (`bench/hello/dist/`)",
        r.hello,
    );
    let (_, sg) = totals(r.standalone);
    let (hr, hg) = totals(r.hello);
    let wasm = |assets: &[Asset]| {
        assets
            .iter()
            .find(|a| a.name.ends_with(".wasm"))
            .map(|a| (a.raw, a.gzip))
            .unwrap_or((0, 0))
    };
    let (ow, ogw) = wasm(r.standalone);
    let (hw, hgw) = wasm(r.hello);
    let _ = writeln!(
        md,
        "**What candidat's own code costs** over the framework baseline: {} B shipped .gz ({}) in\n\
         total, of which wasm {} B ({} B raw). The baseline's first load is {} B shipped .gz\n\
         ({} raw); ours is {:.1}× it.\n",
        sg as i64 - hg as i64,
        kib(sg.saturating_sub(hg)),
        ogw as i64 - hgw as i64,
        ow as i64 - hw as i64,
        hg,
        kib(hr),
        if hg > 0 { sg as f64 / hg as f64 } else { 0.0 }
    );

    // 2: load to interactive.
    let _ = writeln!(md, "## 2. Load to interactive, headless Chromium\n");
    let _ = writeln!(
        md,
        "From navigation start to the app's rendered marker (`#app [data-phase]`) being in the DOM,\n\
         in the page's own clock (`performance.now()` read by a MutationObserver installed before\n\
         any page script; Chromium coarsens it to 0.1 ms). {} loads per row (plus one warm-up not\n\
         counted), each in a fresh browser context (cold HTTP and code caches), 375×667 viewport,\n\
         served on loopback (no network latency). 4×: `Emulation.setCPUThrottlingRate` = 4 via CDP.\n",
        r.opts.loads
    );
    let _ = writeln!(md, "| page | CPU | n | min ms | **median ms** | p90 ms | max ms |\n|---|---|---:|---:|---:|---:|---:|");
    for c in &cols {
        if r.browser.contains_key(&format!("{}.error", c.key)) {
            let _ = writeln!(
                md,
                "| {} | failed: {} | | | | | |",
                c.title,
                b(&format!("{}.error", c.key))
            );
            continue;
        }
        for cpu in ["1x", "4x"] {
            let _ = writeln!(
                md,
                "| {} | {} |",
                c.title,
                spread_cells(&b, &format!("{}.load.{cpu}", c.key))
            );
        }
    }
    let _ = writeln!(md);

    // 3: answer → checklist.
    let _ = writeln!(
        md,
        "## 3. Changing an answer → checklist updated (this build)\n"
    );
    let _ = writeln!(
        md,
        "{} changes, toggling the disability answer between `disability-new` and `disability-no`,\n\
         timed inside the page (one `page.evaluate` loop, no CDP round trip per change) from just\n\
         before `input.click()` to the moment `[data-item=request-accommodation]` has appeared or\n\
         disappeared (MutationObserver, requestAnimationFrame poll as backstop); one frame between\n\
         changes. DOM updated, not painted.\n",
        r.opts.changes
    );
    let _ = writeln!(
        md,
        "| CPU | n | min ms | **median ms** | p90 ms | max ms |\n|---|---:|---:|---:|---:|---:|"
    );
    for cpu in ["1x", "4x"] {
        let _ = writeln!(
            md,
            "| {} |",
            spread_cells(&b, &format!("ours.change.{cpu}"))
        );
    }
    let _ = writeln!(md);

    // 4: native.
    let _ = writeln!(md, "## 4. One evaluation of the rules, native\n");
    let _ = writeln!(
        md,
        "`cargo bench -p candidat-core --bench evaluate` (divan; the bench profile inherits the\n\
         release profile: opt-level z, LTO). The `evaluate_*` lines are the answer to \"how long does\n\
         one evaluation take\"; the page runs the same code compiled to wasm.\n"
    );
    let _ = writeln!(
        md,
        "| bench | fastest | **median** | slowest |\n|---|---:|---:|---:|"
    );
    for row in r.divan {
        let name = if row.name.starts_with("evaluate") {
            format!("**{}**", row.name)
        } else {
            row.name.clone()
        };
        let _ = writeln!(
            md,
            "| {name} | {} | **{}** | {} |",
            row.fastest, row.median, row.slowest
        );
    }
    if let Some(one) = r
        .divan
        .iter()
        .find(|row| row.name == "evaluate_default_session")
    {
        let _ = writeln!(
            md,
            "\n**One evaluation** (`evaluate`, default session, a filled-in situation): median **{}**.\n\
             `evaluate_and_contract_json` adds the CLI's JSON output; `parse_default_session` is the\n\
             embedded session file's parsing and validation.",
            one.median
        );
    }
    let _ = writeln!(md);

    // 5: memory.
    let _ = writeln!(md, "## 5. Memory (this build)\n");
    let mem = |k: &str| {
        b(k).parse::<usize>()
            .map(|n| format!("{n} B ({:.2} MiB)", n as f64 / 1048576.0))
            .unwrap_or_else(|_| "n/a".into())
    };
    let _ = writeln!(
        md,
        "The wasm linear memory (`memory.buffer.byteLength` of the instance, read from the glue's\n\
         cached exports: `(await import(glue)).default()` returns them once initialised). It only\n\
         grows, in 64 KiB pages, so it is the journey's high-water mark.\n"
    );
    let _ = writeln!(md, "| when | wasm linear memory | JS heap used (`performance.memory`, whole page) |\n|---|---:|---:|");
    let _ = writeln!(
        md,
        "| after load | {} | {} |",
        mem("ours.memory.load.wasm"),
        mem("ours.memory.load.jsheap")
    );
    let _ = writeln!(
        md,
        "| after the journey (load + {} answer changes) | **{}** | {} |\n",
        r.opts.changes,
        mem("ours.memory.journey.wasm"),
        mem("ours.memory.journey.jsheap")
    );

    // 6: Lighthouse.
    let empty = BTreeMap::new();
    let lh_of = |key: &str| r.lighthouse.get(key).unwrap_or(&empty);
    let lh = |col: &str, k: &str| get(lh_of(col), &format!("lighthouse.{k}")).to_string();
    let _ = writeln!(md, "## 6. Lighthouse (mobile)\n");
    let _ = writeln!(
        md,
        "Lighthouse {} (bench/package-lock.json), form factor {}, throttling `{}` (Lighthouse's\n\
         simulated slow 4G and 4× CPU: the metrics are estimates from a trace, not wall-clock\n\
         times), in the same Chromium, one run per column, each page served on loopback by\n\
         xtask's server (the shipped `.br` or `.gz`, whichever Chromium asks for, as a host\n\
         serving them sends it; browsers ask for br only over HTTPS). Targets: issue 12. Raw\n\
         JSON: bench/tmp/lighthouse-{{ours,prev,hello}}.json.\n",
        lh(OURS, "version"),
        lh(OURS, "formfactor"),
        lh(OURS, "throttling")
    );
    let _ = write!(md, "| | target |");
    for c in &cols {
        let _ = write!(md, " {} |", c.title);
    }
    let _ = writeln!(md, "\n|---|---|{}", "---:|".repeat(cols.len()));
    for (key, label, goal) in LIGHTHOUSE_ROWS {
        let bold = goal.is_some() && key.starts_with("score.");
        let _ = write!(
            md,
            "| {} | {} |",
            if bold {
                format!("**{label}**")
            } else {
                label.to_string()
            },
            goal_text(key, goal)
        );
        for c in &cols {
            let _ = write!(md, " {} |", lighthouse_cell(&lh(c.key, key), key, goal));
        }
        let _ = writeln!(md);
    }
    let _ = write!(md, "| bytes transferred | — |");
    for c in &cols {
        let _ = write!(md, " {} |", lh(c.key, "transfer"));
    }
    let _ = writeln!(md, "\n");
    for c in &cols {
        let foreign = lh(c.key, "foreign");
        if foreign.is_empty() {
            let _ = writeln!(
                md,
                "- {}: {} requests recorded, {} to the page's own loopback origin, {} inline (`data:`/`blob:` URLs, no network); none elsewhere.",
                c.title,
                lh(c.key, "requests"),
                lh(c.key, "requests.own"),
                lh(c.key, "requests.inline")
            );
        } else {
            let _ = writeln!(
                md,
                "- {}: **requests outside the page's origin**: `{foreign}`.",
                c.title
            );
        }
        for (k, l) in [("error", "runtime error"), ("warning", "warnings")] {
            let v = lh(c.key, k);
            if v != "n/a" {
                let _ = writeln!(md, "- {}: Lighthouse {l}: {v}", c.title);
            }
        }
    }
    let _ = writeln!(md);

    // 7: layout shifts, our own measure.
    let _ = writeln!(md, "## 7. Layout shifts, our own measure\n");
    let _ = writeln!(
        md,
        "bench/browser.mjs: a `PerformanceObserver` of `layout-shift` entries (`buffered: true`,\n\
         installed before any page script) sums the `value` of every entry without\n\
         `hadRecentInput`, from navigation until the rendered marker (`#app [data-phase]`) is in the\n\
         DOM plus 500 ms; {} cold loads per cell at 1× CPU, on loopback. The sum of all shifts is\n\
         an upper bound of CLS (which keeps the worst 5 s session window). Median (max), ✓/✗\n\
         against issue 12's CLS ≤ {CLS_TARGET}.\n",
        r.opts.loads
    );
    let _ = write!(md, "| viewport |");
    for c in &cols {
        let _ = write!(md, " {} |", c.title);
    }
    let _ = writeln!(md, "\n|---|{}", "---:|".repeat(cols.len()));
    for (viewport, label) in [
        ("375x667", "375×667 (phone)"),
        ("1280x800", "1280×800 (laptop)"),
    ] {
        let _ = write!(md, "| {label} |");
        for c in &cols {
            let k = |s: &str| b(&format!("{}.shift.{viewport}.{s}", c.key));
            let cell = match k("median").parse::<f64>() {
                Ok(median) => format!("{median:.4} ({}) {}", k("max"), mark(median <= CLS_TARGET)),
                Err(_) => "n/a".to_string(),
            };
            let _ = write!(md, " {cell} |");
        }
        let _ = writeln!(md);
    }
    md
}

fn get<'m>(map: &'m BTreeMap<String, String>, key: &str) -> &'m str {
    map.get(key).map(String::as_str).unwrap_or("n/a")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn against_defaults_to_the_previous_commit() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(parse(&[]).unwrap().against, "HEAD~1");
        let o = parse(&args(&["--loads", "3", "--against", "main"])).unwrap();
        assert_eq!((o.loads, o.against.as_str()), (3, "main"));
        assert!(parse(&args(&["--against"])).is_err());
    }

    #[test]
    fn lighthouse_figures_are_marked_against_their_targets() {
        let row = |key: &str| LIGHTHOUSE_ROWS.iter().find(|r| r.0 == key).unwrap().2;
        let cell = |key: &str, v: &str| lighthouse_cell(v, key, row(key));
        assert_eq!(cell("score.performance", "98"), "98 ✓");
        assert_eq!(cell("score.performance", "97"), "97 ✗");
        assert_eq!(cell("score.accessibility", "99"), "99 ✗");
        assert_eq!(cell("metric.lcp", "1200.4"), "1200 ms ✓");
        assert_eq!(cell("metric.lcp", "1956"), "1956 ms ✗");
        assert_eq!(cell("metric.cls", "0.0204"), "0.020 ✓");
        assert_eq!(cell("metric.cls", "0.031"), "0.031 ✗");
        assert_eq!(cell("metric.tbt", "51"), "51 ms ✗");
        assert_eq!(cell("metric.fcp", "905.2"), "905 ms");
        assert_eq!(cell("metric.tbt", "n/a"), "n/a");
    }

    #[test]
    fn divan_medians_are_read_from_the_table() {
        let out = "Timer precision: 20 ns\n\
evaluate                       fastest       │ slowest       │ median        │ mean          │ samples │ iters\n\
├─ evaluate_and_contract_json  9.5 µs        │ 40.1 µs       │ 10.2 µs       │ 11.1 µs       │ 100     │ 100\n\
├─ evaluate_default_session    2.1 µs        │ 7.3 µs        │ 2.3 µs        │ 2.5 µs        │ 100     │ 200\n\
╰─ parse_default_session       30 µs         │ 50 µs         │ 31 µs         │ 32 µs         │ 100     │ 100\n";
        let rows = parse_divan(out);
        let got: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.median.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("evaluate_and_contract_json", "10.2 µs"),
                ("evaluate_default_session", "2.3 µs"),
                ("parse_default_session", "31 µs")
            ]
        );
    }
}
