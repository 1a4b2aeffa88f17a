//! `cargo xtask fuzz [--seconds N] [--target NAME]`: coverage-guided fuzzing of the pure code
//! (rules core and share link) with cargo-fuzz/libFuzzer, then a line per target in
//! `bench/fuzz-report.md`.
//!
//! Each target runs until N seconds (default 600) or 10 M executions, whichever comes first,
//! on its committed seeds (`fuzz/seeds/<target>`) plus a scratch corpus that libFuzzer grows
//! (`fuzz/corpus/<target>`, git-ignored). Built with debug assertions, so an integer overflow
//! is a crash too. A crash leaves its input in `fuzz/artifacts/<target>/`; the command then
//! fails after writing the report. Needs the nightly toolchain (cargo-fuzz's sanitizer flags);
//! cargo-fuzz itself is installed from crates.io when missing.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::{output, root, run as run_cmd};

pub const TARGETS: [&str; 4] = ["session", "situation", "share_fragment", "evaluate"];
const DEFAULT_SECONDS: u64 = 600;
const MAX_RUNS: u64 = 10_000_000;

const USAGE: &str = "usage: cargo xtask fuzz [--seconds N] [--target NAME]
  --seconds N    time budget per target (default 600); each also stops at 10 M executions
  --target NAME  only this target (session, situation, share_fragment, evaluate)";

/// One target's run, as parsed from libFuzzer's final output.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub target: String,
    pub executions: Option<u64>,
    pub seconds: f64,
    pub crashes: usize,
}

impl Stats {
    pub fn exec_per_sec(&self) -> Option<f64> {
        let n = self.executions?;
        (self.seconds > 0.0).then(|| n as f64 / self.seconds)
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let (seconds, only) = parse_args(args)?;
    let targets: Vec<&str> = match &only {
        Some(t) => vec![t.as_str()],
        None => TARGETS.to_vec(),
    };
    ensure_nightly()?;
    ensure_cargo_fuzz()?;
    let mut all = Vec::new();
    for t in &targets {
        all.push(run_target(t, seconds)?);
    }
    let report = root().join("bench/fuzz-report.md");
    append_report(&report, seconds, &all)?;
    println!("xtask: fuzz report appended to {}", report.display());
    let crashed: Vec<&str> = all
        .iter()
        .filter(|s| s.crashes > 0)
        .map(|s| s.target.as_str())
        .collect();
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzzing found crashes in: {} (inputs in fuzz/artifacts/<target>/; reproduce with `cargo +nightly fuzz run <target> <file>`)",
            crashed.join(", ")
        ))
    }
}

fn parse_args(args: &[String]) -> Result<(u64, Option<String>), String> {
    let mut seconds = DEFAULT_SECONDS;
    let mut target = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => {
                let v = it.next().ok_or(USAGE)?;
                seconds =
                    v.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("--seconds takes a positive whole number, not {v:?}")
                    })?;
            }
            "--target" => {
                let v = it.next().ok_or(USAGE)?;
                if !TARGETS.contains(&v.as_str()) {
                    return Err(format!(
                        "unknown fuzz target {v:?}; targets: {}",
                        TARGETS.join(", ")
                    ));
                }
                target = Some(v.clone());
            }
            _ => return Err(USAGE.to_string()),
        }
    }
    Ok((seconds, target))
}

fn ensure_nightly() -> Result<(), String> {
    if output(Command::new("cargo").args(["+nightly", "--version"])).is_some() {
        return Ok(());
    }
    Err("cargo-fuzz needs the nightly toolchain: `rustup toolchain install nightly --profile minimal`".into())
}

fn ensure_cargo_fuzz() -> Result<(), String> {
    if output(Command::new("cargo").args(["fuzz", "--version"])).is_some() {
        return Ok(());
    }
    run_cmd(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))
}

fn run_target(target: &str, seconds: u64) -> Result<Stats, String> {
    let fuzz = root().join("fuzz");
    let corpus = fuzz.join("corpus").join(target);
    let seeds = fuzz.join("seeds").join(target);
    let artifacts = fuzz.join("artifacts").join(target);
    for d in [&corpus, &artifacts] {
        std::fs::create_dir_all(d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let before = count_artifacts(&artifacts);
    let mut cmd = Command::new("cargo");
    // No sanitizer: every line fuzzed is safe Rust, and AddressSanitizer would cost ~3× the
    // executions. Debug assertions stay on so an integer overflow counts as a crash.
    cmd.args([
        "+nightly",
        "fuzz",
        "run",
        "--sanitizer",
        "none",
        "--debug-assertions",
        "--fuzz-dir",
    ])
    .arg(&fuzz)
    .arg(target)
    .arg(&corpus)
    .arg(&seeds)
    .arg("--")
    .arg(format!("-max_total_time={seconds}"))
    .arg(format!("-runs={MAX_RUNS}"))
    .arg("-print_final_stats=1")
    .current_dir(root())
    .stdout(Stdio::inherit())
    .stderr(Stdio::piped());
    println!("\nxtask: ── fuzz target {target} ({seconds} s or {MAX_RUNS} runs)");
    println!("xtask: $ {}", format!("{cmd:?}").replace('"', ""));
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
    // cargo-fuzz sets -artifact_prefix to fuzz/artifacts/<target>/ itself.
    // libFuzzer reports on stderr: show it as it comes and keep it for the final stats.
    let mut log = String::new();
    if let Some(err) = child.stderr.take() {
        let stderr = std::io::stderr();
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            let _ = writeln!(stderr.lock(), "{line}");
            log.push_str(&line);
            log.push('\n');
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
    let wall = started.elapsed().as_secs_f64();
    let mut stats = parse_stats(target, &log, wall);
    stats.crashes = count_artifacts(&artifacts).saturating_sub(before);
    if !status.success() && stats.crashes == 0 {
        if stats.executions.is_none() {
            return Err(format!(
                "cargo fuzz run {target} failed ({status}) before fuzzing"
            ));
        }
        stats.crashes = 1;
    }
    Ok(stats)
}

fn count_artifacts(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    ["crash-", "leak-", "timeout-", "oom-"]
                        .iter()
                        .any(|p| n.starts_with(p))
                })
                .count()
        })
        .unwrap_or(0)
}

/// libFuzzer's final lines: "Done 123 runs in 60 second(s)" (normal end) and
/// "stat::number_of_executed_units: 123" (with -print_final_stats=1, also after a crash).
/// Seconds come from "Done … in S second(s)" when present, else from the wall clock (which
/// then includes the build, so exec/s is a lower bound).
pub fn parse_stats(target: &str, log: &str, wall_seconds: f64) -> Stats {
    let mut executions = None;
    let mut seconds = None;
    for line in log.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("Done ") {
            let mut words = rest.split_whitespace();
            if let (Some(n), Some("runs"), Some("in"), Some(s)) =
                (words.next(), words.next(), words.next(), words.next())
            {
                executions = n.parse().ok().or(executions);
                seconds = s.parse::<f64>().ok().or(seconds);
            }
        } else if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            executions = n.trim().parse().ok().or(executions);
        }
    }
    Stats {
        target: target.to_string(),
        executions,
        seconds: seconds.unwrap_or(wall_seconds),
        crashes: 0,
    }
}

fn append_report(path: &Path, budget: u64, stats: &[Stats]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let new = !path.exists();
    let mut text = String::new();
    if new {
        text.push_str("# Fuzzing runs\n\nAppended by `cargo xtask fuzz` (see xtask/src/fuzz.rs): one table per run, one row per target. A target stops at its time budget or at 10 M executions, whichever comes first. Crashes are inputs left in `fuzz/artifacts/<target>/`.\n");
    }
    let commit =
        output(Command::new("git").args(["rev-parse", "--short", "HEAD"])).unwrap_or_default();
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    text.push_str(&format!(
        "\n## {} UTC, commit {}, budget {budget} s per target, {cores} cores\n\n",
        utc_now(),
        if commit.trim().is_empty() {
            "?"
        } else {
            commit.trim()
        }
    ));
    text.push_str(&report_table(stats));
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    f.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub fn report_table(stats: &[Stats]) -> String {
    let mut t = String::from(
        "| target | executions | seconds | exec/s | crashes |\n|---|---:|---:|---:|---:|\n",
    );
    for s in stats {
        let n = s.executions.map_or("?".to_string(), |n| n.to_string());
        let rate = s
            .exec_per_sec()
            .map_or("?".to_string(), |r| format!("{r:.0}"));
        t.push_str(&format!(
            "| {} | {n} | {:.0} | {rate} | {} |\n",
            s.target, s.seconds, s.crashes
        ));
    }
    t
}

/// "YYYY-MM-DD HH:MM" in UTC, from the system clock (no date crate in xtask).
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        rem / 3_600,
        rem % 3_600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_normal_end() {
        let log = "#1000\tDONE   cov: 1\nstat::number_of_executed_units: 1234567\nstat::average_exec_per_sec:     20576\nDone 1234567 runs in 60 second(s)\n";
        let s = parse_stats("session", log, 75.0);
        assert_eq!((s.executions, s.seconds), (Some(1_234_567), 60.0));
        assert_eq!(s.exec_per_sec().map(|r| r.round()), Some(20_576.0));
    }

    #[test]
    fn parses_a_crash_without_done_line() {
        let log = "thread panicked\n==1== ERROR: libFuzzer: deadly signal\nstat::number_of_executed_units: 42\n";
        let s = parse_stats("evaluate", log, 3.5);
        assert_eq!((s.executions, s.seconds), (Some(42), 3.5));
        let s = parse_stats("evaluate", "error: could not compile\n", 3.5);
        assert_eq!(s.executions, None);
        assert!(report_table(&[s]).contains("| evaluate | ? | 4 | ? | 0 |"));
    }

    #[test]
    fn args() {
        let a = |v: &[&str]| parse_args(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(a(&[]), Ok((600, None)));
        assert_eq!(
            a(&["--seconds", "60", "--target", "evaluate"]),
            Ok((60, Some("evaluate".into())))
        );
        assert!(a(&["--target", "nope"]).is_err());
        assert!(a(&["--seconds", "0"]).is_err());
        assert!(a(&["--bogus"]).is_err());
    }

    #[test]
    fn utc_date_is_well_formed() {
        let now = utc_now();
        assert_eq!(now.len(), 16);
        assert!(now.starts_with("20"));
    }
}
