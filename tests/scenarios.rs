#![cfg(not(target_arch = "wasm32"))]
//! Data-driven acceptance tests of the rules engine: every `tests/scenarios/*.json` table.
//!
//! The tables are an independent oracle: their expected values were derived by hand from
//! `shared/DOMAIN.md` (the contract), not from the engine. Each table is
//! `{ "about", "session"?, "cases": [ { "name", "situation", "at", "expect" } ] }` where
//! `session` is a path relative to the repository root (absent = the embedded default),
//! `expect` has the required `phase`, `verdict`, `changes`, `items` (the exact ordered list of
//! `"id:status"`), the optional `next` (an item id or null) and `eligibility` (ids of the unmet
//! conditions), and the partial maps `due` (item id -> instant, or null for "no due") and
//! `deadlines` (deadline id -> instant, or null for "absent"), and `rules` (item id -> its exact
//! rule ids). Instants are compared as instants and by their offset (the session zone's offset
//! at that instant). Every output item must also carry non-empty `rules` (`[]` for a declared
//! `piece:<id>`) and `why`.
//!
//! Every case runs; all failures are listed together, then the test fails once.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use candidat::core::{self, Lang, Session, Situation};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

const TABLE_KEYS: &[&str] = &["about", "session", "cases"];
const CASE_KEYS: &[&str] = &["name", "situation", "at", "expect"];
const EXPECT_REQUIRED: &[&str] = &["phase", "verdict", "changes", "items"];
const EXPECT_KEYS: &[&str] = &[
    "phase",
    "verdict",
    "changes",
    "next",
    "eligibility",
    "items",
    "due",
    "deadlines",
    "rules",
];

#[test]
fn scenarios() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/scenarios"))
        .expect("tests/scenarios/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no scenario table in tests/scenarios/*.json"
    );

    let mut failures: Vec<String> = Vec::new();
    let mut cases_run = 0usize;
    for file in &files {
        let fname = file.file_name().unwrap().to_string_lossy().into_owned();
        let table = match std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<Value>(&t).map_err(|e| e.to_string()))
        {
            Ok(Value::Object(m)) => m,
            Ok(_) => {
                failures.push(format!("{fname}: the table must be a JSON object"));
                continue;
            }
            Err(e) => {
                failures.push(format!("{fname}: unreadable table: {e}"));
                continue;
            }
        };
        let mut shape = unknown_keys(&table, TABLE_KEYS);
        if table
            .get("about")
            .and_then(Value::as_str)
            .is_none_or(|s| s.trim().is_empty())
        {
            shape.push("missing or empty `about`".into());
        }
        let cases = match table.get("cases").and_then(Value::as_array) {
            Some(c) if !c.is_empty() => c,
            _ => {
                shape.push("`cases` must be a non-empty list".into());
                &Vec::new()
            }
        };
        if !shape.is_empty() {
            failures.push(format!("{fname}: {}", shape.join("; ")));
            continue;
        }
        let session = match load_session(root, table.get("session")) {
            Ok(s) => s,
            Err(e) => {
                failures.push(format!(
                    "{fname}: session: {e} (its {} cases not run)",
                    cases.len()
                ));
                continue;
            }
        };
        for (i, case) in cases.iter().enumerate() {
            cases_run += 1;
            let name = case
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("<no name>");
            let errs = match catch_unwind(AssertUnwindSafe(|| check(&session, case))) {
                Ok(errs) => errs,
                Err(p) => vec![format!("PANIC: {}", panic_text(&p))],
            };
            if !errs.is_empty() {
                failures.push(format!(
                    "{fname} #{i} \"{name}\"\n    {}",
                    errs.join("\n    ")
                ));
            }
        }
    }

    println!("scenarios: {cases_run} cases in {} files", files.len());
    if !failures.is_empty() {
        panic!(
            "scenarios: {} failure(s) ({cases_run} cases in {} files):\n\n{}\n",
            failures.len(),
            files.len(),
            failures.join("\n\n")
        );
    }
}

fn load_session(root: &Path, spec: Option<&Value>) -> Result<Session, String> {
    match spec {
        None => catch_unwind(core::default_session)
            .map_err(|p| format!("PANIC in default_session: {}", panic_text(&p))),
        Some(Value::String(rel)) => {
            let text =
                std::fs::read_to_string(root.join(rel)).map_err(|e| format!("{rel}: {e}"))?;
            match catch_unwind(|| Session::from_json(&text)) {
                Ok(Ok(s)) => Ok(s),
                Ok(Err(problems)) => Err(format!(
                    "{rel} refused: {}",
                    problems
                        .iter()
                        .map(|p| p.to_string())
                        .collect::<Vec<_>>()
                        .join(" | ")
                )),
                Err(p) => Err(format!(
                    "PANIC in Session::from_json({rel}): {}",
                    panic_text(&p)
                )),
            }
        }
        Some(other) => Err(format!("`session` must be a path string, not {other}")),
    }
}

/// One case: its shape (so that a typo cannot make it vacuous), then every expectation.
fn check(session: &Session, case: &Value) -> Vec<String> {
    let Some(c) = case.as_object() else {
        return vec!["the case is not an object".into()];
    };
    let mut errs = unknown_keys(c, CASE_KEYS);
    for k in CASE_KEYS {
        if !c.contains_key(*k) {
            errs.push(format!("missing key `{k}`"));
        }
    }
    let expect = c.get("expect").and_then(Value::as_object);
    match expect {
        Some(e) => {
            errs.extend(
                unknown_keys(e, EXPECT_KEYS)
                    .into_iter()
                    .map(|m| format!("expect: {m}")),
            );
            for k in EXPECT_REQUIRED {
                if !e.contains_key(*k) {
                    errs.push(format!("expect: missing key `{k}`"));
                }
            }
        }
        None => errs.push("`expect` must be an object".into()),
    }
    if !c.get("situation").is_some_and(Value::is_object) {
        errs.push("`situation` must be an object".into());
    }
    let at_text = c.get("at").and_then(Value::as_str).unwrap_or("");
    let at = DateTime::parse_from_rfc3339(at_text);
    if at.is_err() {
        errs.push(format!(
            "`at` is not an RFC 3339 instant: {:?}",
            c.get("at")
        ));
    }
    if !errs.is_empty() {
        return errs;
    }
    let e = expect.unwrap();
    let at = at.unwrap().with_timezone(&Utc);

    let situation = match Situation::from_json(&c["situation"].to_string(), session) {
        Ok(s) => s,
        Err(problems) => {
            return vec![format!(
                "situation refused: {}",
                problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join(" | ")
            )]
        }
    };
    let evaluation = core::evaluate(session, &situation, at);
    let got = core::output::to_contract_json(session, &evaluation, &situation, Lang::Fr);

    for k in ["phase", "verdict", "changes"] {
        if e[k] != got[k] {
            errs.push(format!("{k}: expected {}, got {}", e[k], got[k]));
        }
    }
    // Optional: `next` (an item id or null) and `eligibility` (the list of unmet condition ids).
    if let Some(next) = e.get("next") {
        if *next != got["next"] {
            errs.push(format!("next: expected {next}, got {}", got["next"]));
        }
    }
    if let Some(expected) = e.get("eligibility") {
        let ids: Vec<Value> = got["eligibility"]
            .as_array()
            .map(|l| l.iter().map(|u| u["id"].clone()).collect())
            .unwrap_or_default();
        if *expected != Value::Array(ids.clone()) {
            errs.push(format!("eligibility: expected {expected}, got {ids:?}"));
        }
    }
    for k in ["next", "eligibility"] {
        if got.get(k).is_none() {
            errs.push(format!("the output has no `{k}` key"));
        }
    }

    let got_items: &[Value] = got["items"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let got_list: Vec<String> = got_items
        .iter()
        .map(|it| {
            format!(
                "{}:{}",
                it["id"].as_str().unwrap_or("?"),
                it["status"].as_str().unwrap_or("?")
            )
        })
        .collect();
    match e["items"].as_array().map(|a| {
        a.iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
    }) {
        Some(Some(want)) => {
            if want != got_list {
                errs.push(format!(
                    "items:\n      expected {want:?}\n      got      {got_list:?}"
                ));
            }
        }
        _ => errs.push("expect.items must be a list of \"id:status\" strings".into()),
    }

    for it in got_items {
        let id = it["id"].as_str().unwrap_or("?");
        // A declared piece (session files v2) comes from the académie's notice: `rules: []`.
        if id.starts_with("piece:") {
            if it["rules"] != Value::Array(Vec::new()) {
                errs.push(format!(
                    "item {id}: a piece's `rules` must be [], got {}",
                    it["rules"]
                ));
            }
        } else if !it["rules"].as_array().is_some_and(|r| {
            !r.is_empty()
                && r.iter()
                    .all(|x| x.as_str().is_some_and(|s| s.starts_with('R')))
        }) {
            errs.push(format!(
                "item {id}: `rules` must be a non-empty list of rule ids, got {}",
                it["rules"]
            ));
        }
        if it["why"].as_str().is_none_or(|w| w.trim().is_empty()) {
            errs.push(format!(
                "item {id}: `why` must be a non-empty sentence, got {}",
                it["why"]
            ));
        }
    }

    if let Some(rules) = e.get("rules") {
        match rules.as_object() {
            Some(rules) => {
                for (id, want) in rules {
                    match got_items.iter().find(|it| it["id"] == id.as_str()) {
                        Some(item) if item["rules"] == *want => {}
                        Some(item) => errs.push(format!(
                            "rules.{id}: expected {want}, got {}",
                            item["rules"]
                        )),
                        None => errs.push(format!("rules.{id}: no such item in the output")),
                    }
                }
            }
            None => errs.push("expect.rules must be an object".into()),
        }
    }

    if let Some(due) = e.get("due") {
        match due.as_object() {
            Some(due) => {
                for (id, want) in due {
                    match got_items.iter().find(|it| it["id"] == id.as_str()) {
                        Some(item) => {
                            compare_instant(&format!("due.{id}"), want, item.get("due"), &mut errs)
                        }
                        None => errs.push(format!("due.{id}: no such item in the output")),
                    }
                }
            }
            None => errs.push("expect.due must be an object".into()),
        }
    }

    if let Some(deadlines) = e.get("deadlines") {
        let got_dl: &[Value] = got["deadlines"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        match deadlines.as_object() {
            Some(deadlines) => {
                for (id, want) in deadlines {
                    let g = got_dl
                        .iter()
                        .find(|d| d["id"] == id.as_str())
                        .map(|d| &d["at"]);
                    compare_instant(&format!("deadlines.{id}"), want, g, &mut errs);
                }
            }
            None => errs.push("expect.deadlines must be an object".into()),
        }
    }
    errs
}

/// `want` is an RFC 3339 string, or null for "none/absent". Same instant AND same offset.
fn compare_instant(what: &str, want: &Value, got: Option<&Value>, errs: &mut Vec<String>) {
    let got = got.filter(|g| !g.is_null());
    match (want, got) {
        (Value::Null, None) => {}
        (Value::Null, Some(g)) => errs.push(format!("{what}: expected none, got {g}")),
        (Value::String(w), None) => errs.push(format!("{what}: expected {w}, got none")),
        (Value::String(w), Some(g)) => {
            let Ok(wt) = DateTime::parse_from_rfc3339(w) else {
                errs.push(format!("{what}: the table's {w:?} is not RFC 3339"));
                return;
            };
            match g.as_str().map(DateTime::parse_from_rfc3339) {
                Some(Ok(gt)) if gt == wt && gt.offset() == wt.offset() => {}
                Some(Ok(gt)) if gt == wt => errs.push(format!(
                    "{what}: expected {w}, got {g} (same instant, wrong offset)"
                )),
                Some(Ok(_)) => errs.push(format!("{what}: expected {w}, got {g}")),
                _ => errs.push(format!("{what}: expected {w}, got unparsable {g}")),
            }
        }
        (w, _) => errs.push(format!(
            "{what}: the table's value must be an RFC 3339 string or null, not {w}"
        )),
    }
}

fn unknown_keys(m: &Map<String, Value>, allowed: &[&str]) -> Vec<String> {
    m.keys()
        .filter(|k| !allowed.contains(&k.as_str()))
        .map(|k| format!("unknown key `{k}`"))
        .collect()
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic".into())
}
