//! `cargo xtask bench [--loads N] [--changes N]`: what the page costs, written to bench/report.md.
//!
//! 1. raw bytes and what a browser receives (the shipped .gz and .br, gzip -6 from hosts that
//!    compress on the fly) of the first load of the standalone page (what dist/index.html
//!    names, what its scripts import and the wasm the glue fetches) and of the in-page widget;
//! 2. load-to-interactive in headless Chromium (cold cache), at 1× and 4× CPU throttling;
//! 3. answer → checklist latency in the DOM;
//! 4. one native evaluation of the rules (divan, `cargo bench -p candidat-core`);
//! 5. the wasm linear memory after the journey;
//! 6. the same sizes and load times for a Leptos 0.8 counter built identically (bench/hello/);
//! 7. Lighthouse (mobile) scores and metrics.
//!
//! The browser parts are bench/browser.mjs and bench/lighthouse.mjs; they print flat
//! `key=value` lines that this file reads (xtask stays std-only apart from its hash crate).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::first_load::{first_load_of_page, widget_assets, Asset, Totals};
use crate::{budgets, build, output, root, serve, tools};

const USAGE: &str =
    "usage: cargo xtask bench [--loads N] [--changes N]   (defaults: 20 loads, 100 changes)";

struct Options {
    loads: u32,
    changes: u32,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        loads: 20,
        changes: 100,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(USAGE)?;
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

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = parse(args)?;
    let started = Instant::now();
    let load_before = fs::read_to_string("/proc/loadavg").unwrap_or_default();

    tools::ensure_test_tools()?;
    ensure_bench_node_modules()?;
    let dist = build::site()?;
    let hello_dist = build_hello()?;

    // 1 and 6: sizes.
    let standalone = first_load_of_page(&dist)?;
    let widget = widget_assets()?;
    let hello = first_load_of_page(&hello_dist)?;

    // 4: native evaluation (before the browsers, so they do not share the CPU).
    let divan = native_bench()?;

    // 2, 3, 5: Chromium.
    let ours_addr = serve::spawn(&dist)?;
    let hello_addr = serve::spawn(&hello_dist)?;
    let ours_url = format!("http://{ours_addr}/");
    let hello_url = format!("http://{hello_addr}/");
    let tmp = root().join("bench/tmp");
    fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let browser = key_values(&capture(
        Command::new("node")
            .arg("bench/browser.mjs")
            .args([
                "--page",
                &format!("ours={ours_url}"),
                "--page",
                &format!("hello={hello_url}"),
            ])
            .args([
                "--checklist",
                "ours",
                "--loads",
                &opts.loads.to_string(),
                "--changes",
                &opts.changes.to_string(),
            ])
            .arg("--json")
            .arg(tmp.join("browser.json")),
    )?);

    // 7: Lighthouse, against xtask's server (the shipped variants, as a host serving them sends them).
    let lighthouse = key_values(&capture(
        Command::new("node")
            .arg("bench/lighthouse.mjs")
            .arg(&ours_url)
            .arg(tmp.join("lighthouse.json")),
    )?);

    let machine = Machine::read(&browser, load_before);
    let report = render(&Report {
        opts: &opts,
        machine: &machine,
        standalone: &standalone,
        widget: &widget,
        hello: &hello,
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
    browser: &'a BTreeMap<String, String>,
    divan: &'a [DivanRow],
    lighthouse: &'a BTreeMap<String, String>,
    seconds: f64,
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
        "| {title} | raw B | shipped .gz B | shipped .br B | gzip -6 B |\n|---|---:|---:|---:|---:|"
    );
    for a in assets {
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {} |",
            a.name, a.raw, a.gzip, a.br, a.gzip6
        );
    }
    let t = Totals::of(assets);
    let _ = writeln!(
        md,
        "| **total** | **{}** ({}) | **{}** ({}) | **{}** ({}) | **{}** ({}) |\n",
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

fn get<'m>(map: &'m BTreeMap<String, String>, key: &str) -> &'m str {
    map.get(key).map(String::as_str).unwrap_or("n/a")
}

fn render(r: &Report) -> String {
    let b = |k: &str| r.browser.get(k).map(String::as_str).unwrap_or("n/a");
    let lh = |k: &str| r.lighthouse.get(k).map(String::as_str).unwrap_or("n/a");
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
    let _ = writeln!(md, "- whole run: {:.0} s (build included)\n", r.seconds);
    let _ = writeln!(
        md,
        "> **Noisy numbers.** This machine has {} cores shared with other builds (teammates' `cargo`\n\
         > runs, fuzzers): timings move by tens of percent from run to run; compare medians of runs\n\
         > made on the same machine and state, never single samples. Sizes are exact.\n",
        m.nproc
    );

    // 1 and 6: sizes.
    let _ = writeln!(md, "## 1. First-load bytes (and the Leptos baseline)\n");
    let _ = writeln!(
        md,
        "Every file a first visit downloads, with what a browser receives: the `.gz` (zopfli) and\n\
         `.br` (brotli 11) the build ships beside each file (hosts serving precompressed files, and\n\
         `cargo xtask serve`), and gzip -6 (hosts compressing on the fly; README \"Hosting\").\n\
         Standalone page: `dist/index.html`, what it names (`href`/`src`), and what its scripts\n\
         import or fetch (glue, wasm).\n"
    );
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
        let _ = writeln!(md, "Cross-check: Chromium requested `{observed}`; not requested: {missing:?}; not in the table: {extra:?}.\n");
    }
    let first = Totals::of(r.standalone);
    let (max, max6) = (budgets::FIRST_LOAD_GZIP_MAX, budgets::FIRST_LOAD_GZIP6_MAX);
    let within = |v: usize, m: usize| if v <= m { "within" } else { "**over**" };
    let _ = writeln!(
        md,
        "Budgets (xtask/src/budgets.rs, enforced by `cargo xtask test`): first load {} B with the\n\
         shipped .gz, {} the maximum of {max} B; {} B at gzip -6, {} the maximum of {max6} B;\n\
         {} B with the shipped .br (not enforced).\n",
        first.gzip,
        within(first.gzip, max),
        first.gzip6,
        within(first.gzip6, max6),
        first.br
    );
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
    let (sr, sg) = totals(r.standalone);
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
        "**What candidat's own code costs** over the framework baseline: {} B gzip ({}) in total,\n\
         of which wasm {} B gzip ({} B raw). The baseline's first load is {} B gzip ({} raw); ours\n\
         is {:.1}× it.\n",
        sg as i64 - hg as i64,
        kib(sg.saturating_sub(hg)),
        ogw as i64 - hgw as i64,
        ow as i64 - hw as i64,
        hg,
        kib(hr),
        if hg > 0 { sg as f64 / hg as f64 } else { 0.0 }
    );
    let _ = sr;

    // 2: load to interactive.
    let _ = writeln!(
        md,
        "## 2. Load to interactive, headless Chromium (and the Leptos baseline)\n"
    );
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
    for (page, label) in [
        ("ours", "candidat (standalone)"),
        ("hello", "baseline (Leptos counter)"),
    ] {
        for cpu in ["1x", "4x"] {
            let _ = writeln!(
                md,
                "| {label} | {} |",
                spread_cells(&b, &format!("{page}.load.{cpu}"))
            );
        }
    }
    let _ = writeln!(md);

    // 3: answer → checklist.
    let _ = writeln!(md, "## 3. Changing an answer → checklist updated\n");
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
    let _ = writeln!(md, "## 5. Memory\n");
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

    // Lighthouse.
    let _ = writeln!(md, "## 6. Lighthouse (mobile)\n");
    let _ = writeln!(
        md,
        "Lighthouse {} (bench/package-lock.json), form factor {}, throttling `{}` (Lighthouse's\n\
         simulated slow 4G and 4× CPU: the metrics are estimates from a trace, not wall-clock\n\
         times), in the same Chromium, against the standalone page served on loopback by xtask's\n\
         server (the shipped `.br` or `.gz`, whichever Chromium asks for, as a host serving them\n\
         sends it; browsers ask for br only over HTTPS). Raw JSON:\n\
         bench/tmp/lighthouse.json.\n",
        lh("lighthouse.version"),
        lh("lighthouse.formfactor"),
        lh("lighthouse.throttling")
    );
    let _ = writeln!(md, "| | standalone page |\n|---|---:|");
    for (key, label) in [
        ("performance", "Performance score"),
        ("accessibility", "Accessibility score"),
        ("best-practices", "Best practices score"),
    ] {
        let _ = writeln!(
            md,
            "| **{label}** | **{}** |",
            lh(&format!("lighthouse.score.{key}"))
        );
    }
    let metric = |key: &str| {
        let raw = get(r.lighthouse, &format!("lighthouse.metric.{key}"));
        match raw.parse::<f64>() {
            Ok(v) if key == "cls" => format!("{v:.3}"),
            Ok(v) => format!("{v:.0} ms"),
            Err(_) => raw.to_string(),
        }
    };
    for (key, label) in [
        ("fcp", "First Contentful Paint"),
        ("lcp", "Largest Contentful Paint"),
        ("tbt", "Total Blocking Time"),
        ("cls", "Cumulative Layout Shift"),
        ("si", "Speed Index"),
        ("tti", "Time to Interactive"),
    ] {
        let _ = writeln!(md, "| {label} | {} |", metric(key));
    }
    let _ = writeln!(
        md,
        "| bytes transferred | {} |\n",
        lh("lighthouse.transfer")
    );
    let foreign = lh("lighthouse.foreign");
    if foreign.is_empty() {
        let _ = writeln!(
            md,
            "- Network: {} requests recorded, {} to the page's own loopback origin, {} inline (`data:`/`blob:` URLs, no network); none elsewhere.",
            lh("lighthouse.requests"),
            lh("lighthouse.requests.own"),
            lh("lighthouse.requests.inline")
        );
    } else {
        let _ = writeln!(
            md,
            "- Network: **requests outside the page's origin**: `{foreign}`."
        );
    }
    if let Some(err) = [
        ("lighthouse.error", "runtime error"),
        ("lighthouse.warning", "warnings"),
    ]
    .iter()
    .find_map(|(k, l)| (lh(k) != "n/a").then(|| format!("{l}: {}", lh(k))))
    {
        let _ = writeln!(md, "- Lighthouse {err}");
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

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
