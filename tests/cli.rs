#![cfg(not(target_arch = "wasm32"))]
//! Runs the real `candidat` binary: outputs, exit statuses and reasons on standard error.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_candidat"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

/// A file in a fresh temporary directory (why not a crate: keep dev-dependencies minimal).
fn temp_file(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!(
        "candidat-cli-{}-{}",
        std::process::id(),
        name.replace('.', "-")
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let p: PathBuf = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p.to_string_lossy().into_owned()
}

fn repo(path: &str) -> String {
    format!("{}/{}", env!("CARGO_MANIFEST_DIR"), path)
}

const EXAMPLE: &str = r#"{
  "diploma": "cap", "title": "CAP Cuisine",
  "account_created_at": "2022-10-29T10:00:00+02:00",
  "existing_accommodation": false, "new_accommodation_request": true,
  "acquis": [ { "epreuve": "EG1", "kind": "benefice" }, { "epreuve": "EG2", "kind": "dispense" } ],
  "done": ["create-account", "activate-account", "register-online"],
  "posted_on": "2022-11-30"
}"#;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn json_output_matches_the_contract() {
    let sit = temp_file("example.json", EXAMPLE);
    let o = run(&[
        "checklist",
        "--situation",
        &sit,
        "--at",
        "2022-11-18T00:00:00+01:00",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    // The keys, in the contract's order (serde_json's map sorts them: read the text).
    let text = String::from_utf8_lossy(&o.stdout);
    let contract_order = [
        "session",
        "at",
        "phase",
        "verdict",
        "changes",
        "next",
        "eligibility",
        "deadlines",
        "items",
    ];
    let positions: Vec<usize> = contract_order
        .iter()
        .map(|k| {
            text.find(&format!("\n  \"{k}\":"))
                .unwrap_or_else(|| panic!("{k} missing"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert_eq!(v.as_object().unwrap().len(), contract_order.len());
    assert_eq!(v["next"], "request-accommodation", "the first todo item");
    assert_eq!(v["eligibility"], serde_json::json!([]));
    assert_eq!(v["session"], "aix-marseille-2023");
    assert_eq!(v["at"], "2022-11-18T00:00:00+01:00");
    assert_eq!(v["phase"], "return-only");
    assert_eq!(v["verdict"], "on-track");
    assert_eq!(v["changes"], "red-pen");
    let dl: Vec<(&str, &str)> = v["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["at"].as_str().unwrap()))
        .collect();
    assert!(dl.contains(&("registration-closes", "2022-11-17T23:59:59+01:00")));
    assert!(dl.contains(&("activation-deadline", "2022-10-31T09:00:00+01:00")));
    assert!(dl.contains(&("registration-opens", "2022-10-19T00:00:00+02:00")));
    let mail = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "mail-file")
        .unwrap();
    assert_eq!(
        mail["status"], "todo",
        "posted_on is after the instant: not yet posted"
    );
    assert_eq!(mail["due"], "2022-12-02T23:59:59+01:00");
    assert_eq!(mail["rules"], serde_json::json!(["R9", "R10"]));
    assert!(mail["why"]
        .as_str()
        .unwrap()
        .contains("DIEC 3.05 (CAP Cuisine)"));
    let rr = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "read-referentiel")
        .unwrap();
    assert!(rr.get("due").is_none(), "no due key when the item has none");
    // The contract's key order is kept in the printed text.
    let text = String::from_utf8(o.stdout).unwrap();
    let pos = |k: &str| text.find(&format!("\"{k}\"")).unwrap();
    assert!(
        pos("session") < pos("at")
            && pos("at") < pos("phase")
            && pos("verdict") < pos("changes")
            && pos("deadlines") < pos("items")
    );
}

#[test]
fn text_is_the_default_and_english_is_available() {
    let sit = temp_file("text.json", r#"{"diploma":"bp"}"#);
    let o = run(&[
        "checklist",
        "--situation",
        &sit,
        "--at",
        "2022-11-01T10:00:00Z",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("aix-marseille-2023")
            && out.contains("[registration-open]")
            && out.contains("jeudi 17 novembre 2022 à 23:59"),
        "{out}"
    );
    let o = run(&[
        "checklist",
        "--situation",
        &sit,
        "--at",
        "2022-11-01T10:00:00Z",
        "--lang",
        "en",
    ]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.contains("Thursday 17 November 2022, 23:59") && out.contains("to do"),
        "{out}"
    );
}

#[test]
fn other_session_file_in_upload_mode_with_hours() {
    let sit = temp_file("gp.json", r#"{"diploma":"cap","done":["register-online"]}"#);
    let o = run(&[
        "checklist",
        "--situation",
        &sit,
        "--at",
        "2023-11-16T17:00:01-04:00",
        "--session",
        &repo("tests/sessions/guadeloupe-hours-upload.json"),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["session"], "guadeloupe-2024");
    assert_eq!(v["phase"], "return-only", "17:00:01 is after a 17:00 close");
    let mail = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "mail-file")
        .unwrap();
    assert_eq!(mail["due"], "2023-12-01T17:00:00-04:00");
    assert!(mail["why"].as_str().unwrap().contains("Cyclades"));
}

#[test]
fn check_session_ok_and_every_problem() {
    let o = run(&["check-session", &repo("sessions/aix-marseille-2023.json")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("OK"));
    let o = run(&[
        "check-session",
        &repo("tests/sessions/invalid-everything.json"),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for path in [
        "$.comment:",
        "$.id:",
        "$.time_zone:",
        "$.diplomas[1]:",
        "$.pre_registration.closes:",
        "$.activation_delay_hours:",
        "$.return.address:",
        "$.links.cyclades:",
        "$.links.forum:",
    ] {
        assert!(err.contains(path), "{path} missing in\n{err}");
    }
}

#[test]
fn check_session_reads_the_notice_and_the_contact() {
    // The demo file gives both (fictional placeholders): valid.
    let o = run(&[
        "check-session",
        &repo("www/demo/sessions/exemple-upload-2023.json"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Each wrong part by its path, in the language asked.
    let text = std::fs::read_to_string(repo("sessions/aix-marseille-2023.json"))
        .unwrap()
        .replacen(r#""eduscol":"#, r#""notice": "notice.pdf", "eduscol":"#, 1)
        .replacen(
            r#""links": {"#,
            r#""contact": { "email": "examens", "phone": "01 99", "fax": "x" }, "links": {"#,
            1,
        );
    let bad = temp_file("contact.json", &text);
    let o = run(&["check-session", &bad, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    for line in [
        "$.contact.fax: Unknown field \"fax\" (known fields: email, phone, url, hours).",
        "$.contact.email: \"examens\" is not an e-mail address: one @, no spaces, and a dot in the domain.",
        "$.contact.phone: \"01 99\" is not a phone number: at least 6 digits, and only spaces, +, ., -, ( and ).",
        "$.links.notice: \"notice.pdf\" is not a web link: it must start with https:// (or http://), with no spaces.",
    ] {
        assert!(err.contains(line), "{line} missing in\n{err}");
    }
    let o = run(&["check-session", &bad]);
    assert!(
        stderr(&o).contains("$.contact.email: «\u{a0}examens\u{a0}» n'est pas une adresse e-mail"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_bad_input_exits_2_with_a_reason() {
    let good = temp_file("good.json", r#"{"diploma":"cap"}"#);
    let bad_json = temp_file("bad.json", "{ diploma: cap");
    let bad_diploma = temp_file("dip.json", r#"{"diploma":"bts"}"#);
    let bad_item = temp_file("item.json", r#"{"diploma":"cap","done":["teleport"]}"#);
    let bad_session = repo("tests/sessions/invalid-everything.json");
    let at = "2022-11-01T10:00:00Z";
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![], "missing command"),
        (vec!["dance"], "unknown command"),
        (vec!["checklist", "--at", at], "--situation"),
        (vec!["checklist", "--situation", &good], "--at"),
        (
            vec!["checklist", "--situation", &good, "--at", "tomorrow"],
            "RFC 3339",
        ),
        (
            vec!["checklist", "--situation", &good, "--at", "2022-11-01"],
            "RFC 3339",
        ),
        (
            vec![
                "checklist",
                "--situation",
                "/nonexistent/s.json",
                "--at",
                at,
            ],
            "cannot read",
        ),
        (
            vec!["checklist", "--situation", &bad_json, "--at", at],
            "$:",
        ),
        (
            vec!["checklist", "--situation", &bad_diploma, "--at", at],
            "$.diploma:",
        ),
        (
            vec!["checklist", "--situation", &bad_item, "--at", at],
            "$.done[0]:",
        ),
        (
            vec![
                "checklist",
                "--situation",
                &good,
                "--at",
                at,
                "--session",
                &bad_session,
            ],
            "$.time_zone:",
        ),
        (
            vec![
                "checklist",
                "--situation",
                &good,
                "--at",
                at,
                "--format",
                "xml",
            ],
            "--format",
        ),
        (
            vec![
                "checklist",
                "--situation",
                &good,
                "--at",
                at,
                "--lang",
                "de",
            ],
            "--lang",
        ),
        (
            vec![
                "checklist",
                "--situation",
                &good,
                "--at",
                at,
                "--colour",
                "red",
            ],
            "unknown option",
        ),
        (vec!["checklist", "--situation"], "needs a value"),
        (vec!["check-session"], "exactly one FILE"),
        (vec!["check-session", "/nonexistent/x.json"], "cannot read"),
        (vec!["check-session", &bad_json], "$:"),
    ];
    for (args, reason) in cases {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains(reason),
            "{args:?}: {reason:?} not in {}",
            stderr(&o)
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn help_exits_0() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout)
        .contains("candidat checklist --situation FILE --at INSTANT"));
}

/// The text never shows a contradiction a reader cannot resolve: seconds whenever the instant
/// or a deadline is off the minute, the zone whenever it is not Paris or the hour repeats.
#[test]
fn text_shows_seconds_and_the_zone_when_they_matter() {
    let text = |sit: &str, at: &str, session: Option<&str>| {
        let sit = temp_file("clock.json", sit);
        let mut args = vec!["checklist", "--situation", &sit, "--at", at];
        let session = session.map(repo);
        if let Some(s) = &session {
            args.extend(["--session", s.as_str()]);
        }
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    };
    // 30 s after the last minute of the close: both instants to the second, no zone in Paris.
    let out = text(r#"{"diploma":"cap"}"#, "2022-11-17T23:59:30+01:00", None);
    assert!(out.contains("jeudi 17 novembre 2022 à 23:59:30 ("), "{out}");
    assert!(
        out.contains("jeudi 17 novembre 2022 à 23:59:59 [registration-closes]"),
        "{out}"
    );
    assert!(!out.contains("Europe/Paris"), "{out}");
    assert!(out.contains("Prochaine étape\u{a0}: "), "{out}");
    // The repeated hour of the autumn change in Paris: the offset tells which 02:30.
    let out = text(r#"{"diploma":"cap"}"#, "2022-10-30T02:30:00+01:00", None);
    assert!(out.contains("02:30:00 (Europe/Paris, UTC+01:00)"), "{out}");
    // An overseas session: every instant names its zone; whole minutes only, no seconds.
    let out = text(
        r#"{"diploma":"cap"}"#,
        "2023-11-10T12:00:00-04:00",
        Some("tests/sessions/guadeloupe-hours-upload.json"),
    );
    assert!(
        out.contains("12:00 (America/Guadeloupe, UTC-04:00)"),
        "{out}"
    );
    assert!(
        out.contains("17:00 (America/Guadeloupe, UTC-04:00) [registration-closes]"),
        "{out}"
    );
    assert!(
        out.contains("Next step") || out.contains("Prochaine étape"),
        "{out}"
    );
}

const V2: &str = "tests/scenarios/sessions/v2-pieces-eligibility-2023.json";
const V2_UPLOAD: &str = "tests/scenarios/sessions/v2-upload-martinique-2024.json";

/// Session files v2: the answers in the situation, the pieces and the eligibility list in
/// JSON (messages in the output's language) and in text.
#[test]
fn checklist_reads_answers_and_prints_pieces_and_eligibility() {
    let sit = temp_file(
        "v2.json",
        r#"{"diploma":"cap","answers":{"adult-31-dec":false,"resident":false,"experience-3y":false},"done":["piece:identity-document"]}"#,
    );
    let args = |fmt: &'static str, lang: &'static str| {
        run(&[
            "checklist",
            "--situation",
            &sit,
            "--session",
            &repo(V2),
            "--at",
            "2022-11-01T12:00:00+01:00",
            "--format",
            fmt,
            "--lang",
            lang,
        ])
    };
    let o = args("json", "en");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["verdict"], "not-eligible");
    assert_eq!(v["next"], serde_json::Value::Null);
    assert_eq!(v["changes"], "none");
    assert_eq!(
        v["eligibility"],
        serde_json::json!([
            { "id": "resident-academie", "message": "You must live in the académie to register there as an individual candidate." },
            // No English message: the French one.
            { "id": "cap-adult", "message": "Pour le CAP en candidat individuel, il faut avoir 18 ans au 31 décembre de l'année de l'examen." }
        ])
    );
    let pieces: Vec<&serde_json::Value> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["id"].as_str().unwrap().starts_with("piece:"))
        .collect();
    let ids: Vec<&str> = pieces.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "piece:identity-document",
            "piece:jdc-certificate",
            "piece:over-24-statement",
            "piece:cap-under-18-training"
        ]
    );
    assert_eq!(pieces[0]["status"], "done");
    assert_eq!(pieces[0]["rules"], serde_json::json!([]));
    assert_eq!(pieces[0]["due"], "2022-12-02T23:59:59+01:00");
    let why = |i: usize| pieces[i]["why"].as_str().unwrap();
    assert!(
        why(0).starts_with("The académie asks every candidate"),
        "{}",
        why(0)
    );
    assert!(why(0).contains("envelope"), "{}", why(0));
    // The session's why, its source, and the answer that would remove it.
    assert!(
        why(1).starts_with("The notice asks candidates aged 16 to 24"),
        "{}",
        why(1)
    );
    assert!(
        why(1).contains("answering \"no\" to \"Will you be 16 to 24"),
        "{}",
        why(1)
    );
    assert!(why(1).contains("§3"), "{}", why(1));
    assert!(why(2).contains("answering \"yes\""), "{}", why(2));
    // Known true: no "listed while unanswered".
    assert!(!why(3).contains("unanswered"), "{}", why(3));

    let o = args("text", "fr");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    for want in [
        "Verdict\u{a0}: Inscription en candidat individuel impossible",
        "[not-eligible]",
        "Conditions non remplies",
        "[resident-academie]",
        "Prochaine étape\u{a0}: aucune",
        "Question\u{a0}: Aurez-vous 18 ans au 31 décembre de l'année de l'examen\u{a0}? non [adult-31-dec]",
        "Question\u{a0}: Aurez-vous entre 16 et 24 ans le jour de la première épreuve\u{a0}? sans réponse [age-16-24]",
        "[fait] Joindre la copie d'une pièce d'identité en cours de validité (piece:identity-document)",
        "Pièce demandée par le fichier de session",
        "répondre «\u{a0}non\u{a0}» à «\u{a0}Aurez-vous entre 16 et 24 ans",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
}

#[test]
fn upload_pieces_say_deposer() {
    let sit = temp_file(
        "v2-upload.json",
        r#"{"diploma":"cap","answers":{"age-16-24":true}}"#,
    );
    let o = run(&[
        "checklist",
        "--situation",
        &sit,
        "--session",
        &repo(V2_UPLOAD),
        "--at",
        "2023-11-01T12:00:00-04:00",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let piece = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "piece:jdc-certificate")
        .unwrap();
    let why = piece["why"].as_str().unwrap();
    assert!(why.contains("À déposer dans Cyclades"), "{why}");
    assert!(!why.contains("joindre") && !why.contains("envoi"), "{why}");
    assert_eq!(v["eligibility"], serde_json::json!([]));
}

#[test]
fn v2_bad_input_exits_2() {
    for (sit, want) in [
        (
            r#"{"diploma":"cap","answers":{"age-18":true}}"#,
            "$.answers.age-18",
        ),
        (
            r#"{"diploma":"cap","done":["piece:passport"]}"#,
            "$.done[0]",
        ),
        (
            r#"{"diploma":"cap","answers":{"resident":"yes"}}"#,
            "$.answers.resident",
        ),
    ] {
        let f = temp_file("v2-bad.json", sit);
        let o = run(&[
            "checklist",
            "--situation",
            &f,
            "--session",
            &repo(V2),
            "--at",
            "2022-11-01T12:00:00+01:00",
        ]);
        assert_eq!(o.status.code(), Some(2), "{sit}");
        assert!(stderr(&o).contains(want), "{sit}: {}", stderr(&o));
    }
    // The default (version-1) session declares nothing.
    let f = temp_file(
        "v2-bad-default.json",
        r#"{"diploma":"cap","answers":{"age-16-24":true}}"#,
    );
    let o = run(&[
        "checklist",
        "--situation",
        &f,
        "--at",
        "2022-11-01T12:00:00+01:00",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("$.answers.age-16-24"), "{}", stderr(&o));
    // A declared piece that does not apply may be ticked.
    let f = temp_file(
        "v2-ok.json",
        r#"{"diploma":"cap","done":["piece:experience-certificates"]}"#,
    );
    let o = run(&[
        "checklist",
        "--situation",
        &f,
        "--session",
        &repo(V2),
        "--at",
        "2022-11-01T12:00:00+01:00",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!String::from_utf8_lossy(&o.stdout).contains("piece:experience-certificates"));
}

#[test]
fn check_session_reports_every_v2_problem_in_both_languages() {
    let o = run(&["check-session", &repo(V2)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "OK v2-test-2023 (Test v2)\u{a0}: 4 question(s), 6 pièce(s), 3 condition(s) d'inscription\n"
    );
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo(V2)).unwrap()).unwrap();
    v["diplomas"] = serde_json::json!(["bp", "cap", "mc4"]);
    v["questions"][1]["label"] = serde_json::json!({ "en": "Of age?" });
    v["questions"][2]["id"] = serde_json::json!("Experience");
    v["pieces"][1]["when"] = serde_json::json!({ "question": "age-18" });
    v["pieces"][3]["when"] = serde_json::json!({ "diplomas": ["mc3"] });
    v["pieces"][4]["id"] = serde_json::json!("identity-document");
    v["eligibility"][1]["message"] = serde_json::json!({ "fr": "" });
    v["eligibility"][2]["answer"] = serde_json::json!("true");
    let f = temp_file("v2-broken.json", &v.to_string());
    let fr = run(&["check-session", &f]);
    let en = run(&["check-session", &f, "--lang", "en"]);
    assert_eq!((fr.status.code(), en.status.code()), (Some(2), Some(2)));
    let (fr, en) = (stderr(&fr), stderr(&en));
    for (path, fr_word, en_word) in [
        ("$.questions[1].label.fr:", "manque", "missing"),
        ("$.questions[2].id:", "minuscules", "lowercase"),
        (
            "$.pieces[1].when.question:",
            "n'est pas déclarée",
            "not declared",
        ),
        (
            "$.pieces[3].when.diplomas[0]:",
            "pas proposé",
            "not offered",
        ),
        ("$.pieces[4].id:", "déjà pris", "already used"),
        // experience-3y was refused above: the conditions naming it say so.
        (
            "$.pieces[5].when.any[1].question:",
            "n'est pas déclarée",
            "not declared",
        ),
        ("$.eligibility[1].message.fr:", "vide", "empty"),
        (
            "$.eligibility[2].question:",
            "n'est pas déclarée",
            "not declared",
        ),
        ("$.eligibility[2].answer:", "true ou false", "true or false"),
    ] {
        let line_fr = fr.lines().find(|l| l.starts_with(path));
        let line_en = en.lines().find(|l| l.starts_with(path));
        assert!(
            line_fr.is_some_and(|l| l.contains(fr_word)),
            "{path} in:\n{fr}"
        );
        assert!(
            line_en.is_some_and(|l| l.contains(en_word)),
            "{path} in:\n{en}"
        );
    }
    assert!(fr.starts_with(&format!("{f}: 9 problem(s)")), "{fr}");
}
