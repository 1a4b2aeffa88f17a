//! Inputs kept from fuzzing (fuzz/, `cargo xtask fuzz`) and nasty inputs written by hand, run
//! natively through the same code paths as the fuzz targets: nothing may panic (a panic in the
//! browser kills every widget on the page), and each input gets the right answer.
//!
//! - `session`: text → `Session::from_json`; when accepted, evaluate and render.
//! - `situation`: text → `Situation::from_json` (default session); when accepted, its own JSON
//!   reads back the same, and it evaluates and renders in French and English.
//! - `evaluate`: a built situation at extreme instants.
//!
//! A crash found by the fuzzer goes in the section of its target, minimised, with a comment
//! saying what broke and where it was fixed.

use candidat_core::{
    default_session, evaluate, to_contract_json, to_text, Diploma, ItemId, Lang, Phase, Session,
    Situation, Verdict,
};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};

// ---------------------------------------------------------------------------------------------
// The fuzz targets' code paths

/// Evaluate and render in both languages (what the page and the CLI do).
fn evaluate_and_render(session: &Session, situation: &Situation, at: DateTime<Utc>) {
    let ev = evaluate(session, situation, at);
    assert!(!ev.items.is_empty());
    assert!(ev.items.windows(2).all(|w| w[0].id < w[1].id));
    assert!(ev.items.iter().all(|i| !i.rules.is_empty()));
    if ev.verdict == Verdict::TooLate {
        assert_ne!(ev.phase, Phase::BeforeOpening);
    }
    for lang in [Lang::Fr, Lang::En] {
        assert!(to_contract_json(session, &ev, situation, lang).is_object());
        assert!(!to_text(session, &ev, situation, lang).is_empty());
    }
}

/// The `session` target: `Ok` sessions are evaluated at their edges and at far instants.
fn session_path(text: &str) -> Result<Session, Vec<candidat_core::Problem>> {
    let session = Session::from_json(text)?;
    let sit = Situation::new(session.diplomas[0]);
    for at in [
        session.registration_opens.with_timezone(&Utc),
        session.return_closes.with_timezone(&Utc),
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
    ] {
        evaluate_and_render(&session, &sit, at);
    }
    Ok(session)
}

/// The `situation` target against the default session.
fn situation_path(text: &str) -> Result<Situation, Vec<candidat_core::Problem>> {
    let session = default_session();
    let sit = Situation::from_json(text, &session)?;
    assert_eq!(
        Situation::from_json(&sit.to_json(&session), &session),
        Ok(sit.clone()),
        "round trip of {text}"
    );
    for at in [
        session.registration_closes.with_timezone(&Utc),
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
    ] {
        evaluate_and_render(&session, &sit, at);
    }
    Ok(sit)
}

fn problem_paths(r: Result<impl std::fmt::Debug, Vec<candidat_core::Problem>>) -> Vec<String> {
    match r {
        Ok(v) => panic!("expected problems, got {v:?}"),
        Err(p) => p.into_iter().map(|p| p.path).collect(),
    }
}

/// The default session file with one JSON fragment substituted (`"KEY": old` → `"KEY": new`).
fn session_with(old: &str, new: &str) -> String {
    let text = candidat_core::session::DEFAULT_SESSION_JSON;
    assert!(text.contains(old), "the session file contains {old}");
    text.replacen(old, new, 1)
}

// ---------------------------------------------------------------------------------------------
// JSON itself: huge numbers, deep nesting, broken escapes

#[test]
fn huge_numbers_are_problems_not_panics() {
    for n in [
        "18446744073709551616",
        "-9223372036854775809",
        "1e308",
        "1e400",
        "-0",
        "2023.0000000000001",
        "99999999999999999999999999999999999999",
    ] {
        let p = problem_paths(session_path(&session_with(
            "\"session_year\": 2023",
            &format!("\"session_year\": {n}"),
        )));
        // The reader keeps numbers as text: every one is JSON, refused at its own path.
        assert_eq!(p, ["$.session_year"], "{n}");
        let p = problem_paths(session_path(&session_with(
            "\"activation_delay_hours\": 48",
            &format!("\"activation_delay_hours\": {n}"),
        )));
        assert_eq!(p, ["$.activation_delay_hours"], "{n}");
    }
    // Largest accepted delay, then one more.
    assert!(session_path(&session_with(
        "\"activation_delay_hours\": 48",
        "\"activation_delay_hours\": 720"
    ))
    .is_ok());
    assert_eq!(
        problem_paths(session_path(&session_with(
            "\"activation_delay_hours\": 48",
            "\"activation_delay_hours\": 721"
        ))),
        ["$.activation_delay_hours"]
    );
    // A number beyond f64 is still JSON (RFC 8259 sets no range; serde_json refused it as a
    // syntax error, our reader keeps numbers as text): the problem is where it stands.
    assert_eq!(
        problem_paths(situation_path(
            r#"{"diploma":"cap","existing_accommodation":1e999}"#
        )),
        ["$.existing_accommodation"]
    );
}

#[test]
fn deep_nesting_is_a_problem_not_a_stack_overflow() {
    for depth in [127, 128, 129, 10_000, 100_000] {
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(
            problem_paths(Session::from_json(&arrays)),
            ["$"],
            "depth {depth}"
        );
        let inside = format!(r#"{{"diploma":"cap","done":{arrays}}}"#);
        assert!(Situation::from_json(&inside, &default_session()).is_err());
        let objects = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        assert!(Situation::from_json(&objects, &default_session()).is_err());
        // Unclosed: the parser must stop at the limit, not walk to the end.
        assert!(Session::from_json(&"[".repeat(depth)).is_err());
    }
}

#[test]
fn broken_unicode_escapes_are_problems() {
    for s in [
        r"\ud800",
        r"\udfff",
        r"\ud800\u0041",
        r"\udc00\ud800",
        r"\u12",
        r"\uZZZZ",
        r"\",
    ] {
        let text = format!(r#"{{"diploma":"cap","title":"{s}"}}"#);
        assert_eq!(problem_paths(situation_path(&text)), ["$"], "{text}");
        let text = session_with(
            "\"academie\": \"Aix-Marseille\"",
            &format!("\"academie\": \"{s}\""),
        );
        assert_eq!(problem_paths(session_path(&text)), ["$"], "{s}");
    }
    // A valid surrogate pair and escaped controls are fine and round-trip.
    let sit = situation_path(r#"{"diploma":"cap","title":"\ud83d\ude00 \u0000\u001f\u2028","acquis":[{"epreuve":"\u00e9\t","kind":"dispense"}]}"#).unwrap();
    // (U+2028 is white space: trimmed like the rest.)
    assert_eq!(sit.title.as_deref(), Some("😀 \u{0}\u{1f}"));
    assert_eq!(sit.acquis[0].epreuve, "é");
    // Text that is not JSON at all, and the replacement characters of lossy UTF-8.
    for text in [
        "",
        " ",
        "\u{fffd}\u{fffd}",
        "nul",
        "{\"diploma\":\"cap\"",
        "{\"diploma\":\"cap\"}}",
    ] {
        assert_eq!(problem_paths(situation_path(text)), ["$"], "{text:?}");
    }
    // A byte order mark (Windows editors) is not a problem: what follows is read.
    assert_eq!(problem_paths(situation_path("\u{feff}{}")), ["$.diploma"]);
}

#[test]
fn unknown_and_duplicate_keys() {
    // A repeated key is a problem at its path (serde_json would keep the last value).
    assert_eq!(
        problem_paths(situation_path(r#"{"diploma":"mc9","diploma":"cap"}"#)),
        ["$.diploma"]
    );
    let many_repeats = format!(r#"{{"diploma":"cap"{}}}"#, r#","done":[]"#.repeat(10_000));
    assert_eq!(problem_paths(situation_path(&many_repeats)).len(), 9_999);
    let long_key = format!(r#"{{"diploma":"cap","{}":1}}"#, "k".repeat(100_000));
    assert_eq!(problem_paths(situation_path(&long_key)).len(), 1);
    let many_done = format!(
        r#"{{"diploma":"cap","done":[{}"mail-file"]}}"#,
        r#""mail-file","#.repeat(10_000)
    );
    assert_eq!(situation_path(&many_done).unwrap().done, [ItemId::MailFile]);
}

// ---------------------------------------------------------------------------------------------
// Dates at the edges of the calendar

#[test]
fn session_windows_at_the_edges_of_the_calendar() {
    // Years 0000 and 9999 are well-formed dates, but far from the session year: refused, each
    // bound by its path (a bound's year must be session_year - 2 ..= session_year).
    let wide = session_with(
        "\"pre_registration\": { \"opens\": \"2022-10-19\", \"closes\": \"2022-11-17\" }",
        "\"pre_registration\": { \"opens\": \"0000-01-01\", \"closes\": \"9999-12-31\" }",
    )
    .replacen(
        "\"opens\": \"2022-10-19\",\n    \"closes\": \"2022-12-02\"",
        "\"opens\": \"0000-01-01\",\n    \"closes\": \"9999-12-31\"",
        1,
    );
    assert_eq!(
        problem_paths(session_path(&wide)),
        [
            "$.pre_registration.opens",
            "$.pre_registration.closes",
            "$.return.opens",
            "$.return.closes"
        ]
    );
    // The same windows built directly still evaluate without panic, even at chrono's extreme
    // instants (the engine must not rely on validation for that).
    let mut session = default_session();
    let tz = session.time_zone;
    let local = |y, mo, d, h, mi, s| {
        tz.from_local_datetime(
            &NaiveDate::from_ymd_opt(y, mo, d)
                .unwrap()
                .and_hms_opt(h, mi, s)
                .unwrap(),
        )
        .earliest()
        .unwrap()
    };
    session.registration_opens = local(0, 1, 1, 0, 0, 0);
    session.return_opens = local(0, 1, 1, 0, 0, 0);
    session.registration_closes = local(9999, 12, 31, 23, 59, 59);
    session.return_closes = local(9999, 12, 31, 23, 59, 59);
    assert_eq!(
        session.registration_opens.with_timezone(&Utc).timestamp(),
        NaiveDate::from_ymd_opt(0, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp()
            - 561
    );
    let mut sit = Situation::new(Diploma::Cap);
    sit.posted_on = NaiveDate::from_ymd_opt(9999, 12, 31);
    sit.account_created_at = DateTime::parse_from_rfc3339("9999-12-31T23:59:59-23:59").ok();
    for at in [
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
        Utc.timestamp_opt(0, 0).unwrap(),
    ] {
        evaluate_and_render(&session, &sit, at);
    }
    // Not dates in the file's form: signs, 5+ digit years, +275760 (beyond JS Date), a 31 February.
    for bad in [
        "+275760-09-13",
        "-0001-01-01",
        "10000-01-01",
        "+2022-10-19",
        "2022-02-31",
        "0000-00-00",
        "2022-10-19T24:00",
        "2022-10-19T23:60:00",
        "2022-10-19T25:00:00",
    ] {
        let text = session_with(
            "\"opens\": \"2022-10-19\", \"closes\": \"2022-11-17\"",
            &format!("\"opens\": \"{bad}\", \"closes\": \"2022-11-17\""),
        );
        assert_eq!(
            problem_paths(session_path(&text)),
            ["$.pre_registration.opens"],
            "{bad}"
        );
    }
    // A leap second is accepted by chrono (23:59:60 reads as 23:59:59 plus one second of
    // nanoseconds) but not by a session file: civil time never shows one (a problem, no panic).
    let text = session_with(
        "\"opens\": \"2022-10-19\", \"closes\": \"2022-11-17\"",
        "\"opens\": \"2022-10-19T23:59:60\", \"closes\": \"2022-11-17\"",
    );
    assert_eq!(
        problem_paths(session_path(&text)),
        ["$.pre_registration.opens"]
    );
}

#[test]
fn situation_dates_at_the_edges_of_the_calendar() {
    for ok in [
        r#"{"diploma":"cap","posted_on":"2000-01-01"}"#,
        r#"{"diploma":"cap","posted_on":"2100-12-31"}"#,
        r#"{"diploma":"cap","account_created_at":"2000-01-01T00:00:00+23:59"}"#,
        r#"{"diploma":"cap","account_created_at":"2100-12-31T23:59:59-23:59"}"#,
        r#"{"diploma":"cap","account_created_at":"2022-10-29T10:00:00.999999999Z"}"#,
        r#"{"diploma":"cap","account_created_at":"2016-12-31T23:59:60Z"}"#,
        r#"{"diploma":"cap","account_created_at":"2022-10-29t10:00:00z"}"#,
    ] {
        situation_path(ok).unwrap_or_else(|p| panic!("{ok}: {p:?}"));
    }
    for (bad, path) in [
        // Well-formed, but years outside 2000..=2100 (the engine still copes with them when
        // built directly: see evaluate_at_instants_at_the_limits).
        (
            r#"{"diploma":"cap","posted_on":"0000-01-01"}"#,
            "$.posted_on",
        ),
        (
            r#"{"diploma":"cap","posted_on":"9999-12-31"}"#,
            "$.posted_on",
        ),
        (
            r#"{"diploma":"cap","account_created_at":"0000-01-01T00:00:00+23:59"}"#,
            "$.account_created_at",
        ),
        (
            r#"{"diploma":"cap","account_created_at":"9999-12-31T23:59:59-23:59"}"#,
            "$.account_created_at",
        ),
        (
            r#"{"diploma":"cap","posted_on":"+275760-09-13"}"#,
            "$.posted_on",
        ),
        (
            r#"{"diploma":"cap","posted_on":"-271821-04-20"}"#,
            "$.posted_on",
        ),
        (
            r#"{"diploma":"cap","posted_on":"2022-02-29"}"#,
            "$.posted_on",
        ),
        (r#"{"diploma":"cap","posted_on":"20221130"}"#, "$.posted_on"),
        // Found with the fuzz round-trip check: a signed 3-digit year was accepted (chrono's %Y takes a sign) and
        // its own JSON ("-0001-01-01") then refused: the share link did not round-trip.
        (
            r#"{"diploma":"cap","posted_on":"-001-01-01"}"#,
            "$.posted_on",
        ),
        (
            r#"{"diploma":"cap","posted_on":"+001-01-01"}"#,
            "$.posted_on",
        ),
        (
            r#"{"diploma":"cap","posted_on":"-999-12-31"}"#,
            "$.posted_on",
        ),
        (
            r#"{"diploma":"cap","posted_on":"2022-1-030"}"#,
            "$.posted_on",
        ),
        (
            r#"{"diploma":"cap","posted_on":"2022-11-3 "}"#,
            "$.posted_on",
        ),
        (
            r#"{"diploma":"cap","account_created_at":"+275760-09-13T00:00:00Z"}"#,
            "$.account_created_at",
        ),
        (
            r#"{"diploma":"cap","account_created_at":"2022-10-29T10:00:00+24:00"}"#,
            "$.account_created_at",
        ),
        (
            r#"{"diploma":"cap","account_created_at":"2022-10-29T10:00:00"}"#,
            "$.account_created_at",
        ),
        (
            r#"{"diploma":"cap","account_created_at":1667030400}"#,
            "$.account_created_at",
        ),
    ] {
        assert_eq!(problem_paths(situation_path(bad)), [path], "{bad}");
    }
}

// ---------------------------------------------------------------------------------------------
// Instants at the limits

#[test]
fn evaluate_at_instants_at_the_limits() {
    let mut instants = vec![
        DateTime::<Utc>::MIN_UTC,
        DateTime::<Utc>::MAX_UTC,
        DateTime::<Utc>::UNIX_EPOCH,
    ];
    // i64 limits are beyond chrono's range: callers clamp (from_timestamp gives None).
    for secs in [
        i64::MIN,
        i64::MAX,
        i64::MIN / 1000,
        i64::MAX / 1000,
        8_640_000_000_000,
        -8_640_000_000_000,
    ] {
        if let Some(t) = DateTime::<Utc>::from_timestamp(secs, 0) {
            instants.push(t);
        }
    }
    // JS Date's limits (±8.64e15 ms, ±275760 years) are beyond chrono's range (±262143 years)
    // too: the page must handle `from_timestamp_millis` giving `None`.
    assert_eq!(instants.len(), 3);
    let session = default_session();
    let fixed = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
    let mut sits = vec![Situation::new(Diploma::Cap)];
    let mut full = Situation::new(Diploma::Mc4);
    full.existing_accommodation = true;
    full.new_accommodation_request = true;
    full.acquis = vec![candidat_core::Acquis {
        epreuve: "EG1".into(),
        kind: candidat_core::AcquisKind::Benefice,
    }];
    full.done = ItemId::ALL.to_vec();
    full.account_created_at =
        Some(DateTime::<Utc>::MAX_UTC.with_timezone(&FixedOffset::east_opt(0).unwrap()));
    full.posted_on = Some(NaiveDate::MAX);
    sits.push(full.clone());
    full.account_created_at =
        Some(DateTime::<Utc>::MIN_UTC.with_timezone(&FixedOffset::west_opt(86_399).unwrap()));
    full.posted_on = Some(NaiveDate::MIN);
    full.done.clear();
    sits.push(full);
    let mut sit = Situation::new(Diploma::Bp);
    sit.account_created_at = Some(fixed("2022-10-29T10:00:00+02:00"));
    sits.push(sit);
    for s in &sits {
        for &at in &instants {
            evaluate_and_render(&session, s, at);
        }
    }
    let ev = evaluate(&session, &sits[0], DateTime::<Utc>::MIN_UTC);
    assert_eq!(
        (ev.phase, ev.verdict),
        (Phase::BeforeOpening, Verdict::NotOpenYet)
    );
    let ev = evaluate(&session, &sits[0], DateTime::<Utc>::MAX_UTC);
    assert_eq!((ev.phase, ev.verdict), (Phase::Closed, Verdict::TooLate));
}
