//! The candidate's situation: the contract's JSON (CLI, share link, local storage).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};

use crate::ids::ItemId;
use crate::problems::{parse_json, Problem, Walker};
use crate::session::{Diploma, Session};

/// Read with [`Situation::from_json`] and written with [`Situation::to_json`] (the core's own
/// `json.rs`, not serde: docs/adr/0008).
#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    pub diploma: Diploma,
    pub title: Option<String>,
    pub account_created_at: Option<DateTime<FixedOffset>>,
    pub existing_accommodation: bool,
    pub new_accommodation_request: bool,
    pub acquis: Vec<Acquis>,
    pub done: Vec<ItemId>,
    pub posted_on: Option<NaiveDate>,
    /// Answers to the session's declared questions (session files v2): `(question index,
    /// answer)`, sorted by index, each question at most once; an unanswered question is not
    /// listed. Read and written through [`Situation::answer`] and [`Situation::set_answer`].
    /// Only with the `v2` feature: the page's wasm keeps the situation of version 1 (ADR 0014).
    #[cfg(feature = "v2")]
    pub answers: Vec<(u16, bool)>,
}

/// Years a situation's dates (`account_created_at`, `posted_on`) may fall in, like a session
/// year (ADR 0005 §9). Why: a year such as 0022 or 2922 is a typo; read as given it would say
/// "late" or "not yet" with confidence about a date the candidate never meant.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

const FIELDS: &[&str] = &[
    "diploma",
    "title",
    "account_created_at",
    "existing_accommodation",
    "new_accommodation_request",
    "acquis",
    "done",
    "posted_on",
    // Without the `v2` feature (the page's wasm, ADR 0014) `answers` is an unknown field, as
    // it was before session files v2.
    #[cfg(feature = "v2")]
    "answers",
];

fn item_list(session: &Session) -> String {
    session
        .item_ids()
        .into_iter()
        .map(|i| i.as_str_in(session))
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acquis {
    pub epreuve: String,
    pub kind: AcquisKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcquisKind {
    Benefice,
    Dispense,
}

impl Situation {
    pub fn new(diploma: Diploma) -> Situation {
        Situation {
            diploma,
            title: None,
            account_created_at: None,
            existing_accommodation: false,
            new_accommodation_request: false,
            acquis: Vec::new(),
            done: Vec::new(),
            posted_on: None,
            #[cfg(feature = "v2")]
            answers: Vec::new(),
        }
    }

    /// The answer to the session's question `q` (an index in `session.questions`), `None`
    /// while unanswered.
    pub fn answer(&self, q: u16) -> Option<bool> {
        #[cfg(feature = "v2")]
        return self.answers.iter().find(|(i, _)| *i == q).map(|(_, a)| *a);
        #[cfg(not(feature = "v2"))]
        {
            let _ = q;
            None
        }
    }

    /// Answer question `q` (`None`: not answered), keeping `answers` sorted.
    /// Without the `v2` feature there is nothing to answer: a no-op.
    pub fn set_answer(&mut self, q: u16, answer: Option<bool>) {
        #[cfg(feature = "v2")]
        {
            self.answers.retain(|(i, _)| *i != q);
            if let Some(a) = answer {
                let at = self.answers.partition_point(|(i, _)| *i < q);
                self.answers.insert(at, (q, a));
            }
        }
        #[cfg(not(feature = "v2"))]
        let _ = (q, answer);
    }

    /// Parse and validate against a session (diploma offered, ids, dates): every problem listed.
    ///
    /// `null` is accepted for optional fields and means "absent". Duplicate ids in `done` are
    /// kept once (why: a share link edited by hand must not be refused for that).
    pub fn from_json(text: &str, session: &Session) -> Result<Situation, Vec<Problem>> {
        Situation::read(text, session, None)
    }

    /// [`Situation::from_json`] for a share link or stored state: an answer to a question
    /// the session does not declare is dropped, not a problem (contract, session files v2);
    /// the dropped question ids are returned, in the JSON's order, for a short message.
    pub fn from_json_dropping_undeclared(
        text: &str,
        session: &Session,
    ) -> Result<(Situation, Vec<String>), Vec<Problem>> {
        // Without version 2 there is no answer to drop: the plain reader, pruned.
        #[cfg(not(feature = "v2"))]
        return Situation::read(text, session, None).map(|s| (s, Vec::new()));
        #[cfg(feature = "v2")]
        {
            let mut dropped = Vec::new();
            Situation::read(text, session, Some(&mut dropped)).map(|s| (s, dropped))
        }
    }

    /// `dropped`: where undeclared answers go instead of being problems.
    fn read(
        text: &str,
        session: &Session,
        dropped: Option<&mut Vec<String>>,
    ) -> Result<Situation, Vec<Problem>> {
        let root = parse_json(text)?;
        let mut w = Walker::default();
        let Some(m) = w.object(&root, "$", FIELDS) else {
            return Err(w.problems);
        };
        let mut sit = Situation::new(Diploma::Cap);
        let mut diploma_ok = false;
        if let Some(s) = w
            .required(m, "$", "diploma")
            .and_then(|v| w.string(v, "$.diploma"))
        {
            match Diploma::parse(s) {
                Some(d) if session.offers(d) => {
                    sit.diploma = d;
                    diploma_ok = true;
                }
                Some(_) => {
                    let offered: Vec<&str> = session.diplomas.iter().map(|d| d.as_str()).collect();
                    w.push(
                        "$.diploma",
                        format!("Le diplôme «\u{a0}{s}\u{a0}» n'est pas proposé dans la session {} (diplômes\u{a0}: {}).", session.id, offered.join(", ")),
                        format!("The diploma \"{s}\" is not offered in session {} (diplomas: {}).", session.id, offered.join(", ")),
                    );
                }
                None => w.push(
                    "$.diploma",
                    format!("Diplôme inconnu «\u{a0}{s}\u{a0}»\u{a0}: il faut bac-pro, bp, cap, mc3 ou mc4."),
                    format!("Unknown diploma \"{s}\": use bac-pro, bp, cap, mc3 or mc4."),
                ),
            }
        }
        if let Some(v) = Walker::optional(m, "title") {
            sit.title = w
                .string(v, "$.title")
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
        }
        if let Some(v) = Walker::optional(m, "account_created_at") {
            if let Some(s) = w.string(v, "$.account_created_at") {
                match crate::timefmt::parse_rfc3339(s).ok_or(()) {
                    Ok(t) if !PLAUSIBLE_YEARS.contains(&t.year()) => w.push(
                        "$.account_created_at",
                        format!("«\u{a0}{s}\u{a0}» est en {}\u{a0}: la date de création du compte doit tomber entre {} et {}.", t.year(), PLAUSIBLE_YEARS.start(), PLAUSIBLE_YEARS.end()),
                        format!("\"{s}\" is in {}: the account creation date must fall between {} and {}.", t.year(), PLAUSIBLE_YEARS.start(), PLAUSIBLE_YEARS.end()),
                    ),
                    Ok(t) => sit.account_created_at = Some(t),
                    Err(_) => w.push(
                        "$.account_created_at",
                        format!("«\u{a0}{s}\u{a0}» n'est pas un instant réel au format RFC 3339, par exemple 2022-10-29T10:00:00+02:00."),
                        format!("\"{s}\" is not a real RFC 3339 instant, e.g. 2022-10-29T10:00:00+02:00."),
                    ),
                }
            }
        }
        if let Some(v) = Walker::optional(m, "existing_accommodation") {
            sit.existing_accommodation = w.boolean(v, "$.existing_accommodation").unwrap_or(false);
        }
        if let Some(v) = Walker::optional(m, "new_accommodation_request") {
            sit.new_accommodation_request =
                w.boolean(v, "$.new_accommodation_request").unwrap_or(false);
        }
        if let Some(arr) = Walker::optional(m, "acquis").and_then(|v| w.array(v, "$.acquis")) {
            for (i, a) in arr.iter().enumerate() {
                let p = format!("$.acquis[{i}]");
                let Some(am) = w.object(a, &p, &["epreuve", "kind"]) else {
                    continue;
                };
                let epreuve = w
                    .required(am, &p, "epreuve")
                    .and_then(|v| w.nonempty_string(v, &format!("{p}.epreuve")));
                let kind = w.required(am, &p, "kind").and_then(|v| w.string(v, &format!("{p}.kind"))).and_then(|k| match k {
                    "benefice" => Some(AcquisKind::Benefice),
                    "dispense" => Some(AcquisKind::Dispense),
                    other => {
                        w.push(
                            &format!("{p}.kind"),
                            format!("Sorte d'acquis inconnue «\u{a0}{other}\u{a0}»\u{a0}: il faut «\u{a0}benefice\u{a0}» (note conservée) ou «\u{a0}dispense\u{a0}»."),
                            format!("Unknown kind of acquis \"{other}\": use \"benefice\" (grade carried over) or \"dispense\" (exemption)."),
                        );
                        None
                    }
                });
                if let (Some(e), Some(kind)) = (epreuve, kind) {
                    sit.acquis.push(Acquis {
                        epreuve: e.trim().to_owned(),
                        kind,
                    });
                }
            }
        }
        if let Some(arr) = Walker::optional(m, "done").and_then(|v| w.array(v, "$.done")) {
            for (i, v) in arr.iter().enumerate() {
                let p = format!("$.done[{i}]");
                let Some(s) = w.string(v, &p) else { continue };
                match ItemId::parse_in(s, session) {
                    Some(id) => {
                        if !sit.done.contains(&id) {
                            sit.done.push(id);
                        }
                    }
                    None => w.push(
                        &p,
                        format!(
                            "Étape inconnue «\u{a0}{s}\u{a0}» (étapes\u{a0}: {}).",
                            item_list(session)
                        ),
                        format!("Unknown item id \"{s}\" (items: {}).", item_list(session)),
                    ),
                }
            }
        }
        if let Some(s) = Walker::optional(m, "posted_on").and_then(|v| w.string(v, "$.posted_on")) {
            // why every byte: chrono's %Y accepts a sign ("-001-01-01" is year -1), whose
            // own JSON ("-0001-01-01") would then be refused: a share link that does not
            // round-trip (found with the fuzz targets' round-trip check; kept in
            // crates/core/tests/fuzz_regressions.rs).
            let shaped = s.len() == 10
                && s.bytes().enumerate().all(|(i, c)| match i {
                    4 | 7 => c == b'-',
                    _ => c.is_ascii_digit(),
                });
            match crate::timefmt::parse_date(s) {
                Some(d) if shaped && !PLAUSIBLE_YEARS.contains(&d.year()) => w.push(
                    "$.posted_on",
                    format!("«\u{a0}{s}\u{a0}» est en {}\u{a0}: la date d'envoi du dossier doit tomber entre {} et {}.", d.year(), PLAUSIBLE_YEARS.start(), PLAUSIBLE_YEARS.end()),
                    format!("\"{s}\" is in {}: the date the file was sent must fall between {} and {}.", d.year(), PLAUSIBLE_YEARS.start(), PLAUSIBLE_YEARS.end()),
                ),
                Some(d) if shaped => sit.posted_on = Some(d),
                _ => w.push(
                    "$.posted_on",
                    format!("«\u{a0}{s}\u{a0}» n'est pas une date réelle au format AAAA-MM-JJ (date du cachet de la poste)."),
                    format!("\"{s}\" is not a real date in the form YYYY-MM-DD (the postmark date)."),
                ),
            }
        }
        #[cfg(feature = "v2")]
        if let Some(v) = Walker::optional(m, "answers") {
            read_answers(&mut w, v, session, &mut sit, dropped);
        }
        #[cfg(not(feature = "v2"))]
        let _ = dropped;
        if w.problems.is_empty() && diploma_ok {
            Ok(sit)
        } else if w.problems.is_empty() {
            Err(vec![Problem::new(
                "$.diploma",
                "Diplôme manquant.",
                "Missing diploma.",
            )])
        } else {
            Err(w.problems)
        }
    }

    /// Compact JSON, as in the share link and local storage: the fields in the contract's
    /// order, those at their default left out (serde's output for the same struct, except
    /// that a UTC instant is written `+00:00` rather than `Z`).
    ///
    /// `answers` and ticked pieces are written with the session's ids (a piece or question
    /// index the session does not have is left out).
    pub fn to_json(&self, session: &Session) -> String {
        use crate::json::push_string;
        let mut out = String::with_capacity(64);
        out.push_str("{\"diploma\":");
        push_string(&mut out, self.diploma.as_str());
        if let Some(title) = &self.title {
            out.push_str(",\"title\":");
            push_string(&mut out, title);
        }
        if let Some(t) = &self.account_created_at {
            out.push_str(",\"account_created_at\":");
            push_string(&mut out, &t.to_rfc3339());
        }
        if self.existing_accommodation {
            out.push_str(",\"existing_accommodation\":true");
        }
        if self.new_accommodation_request {
            out.push_str(",\"new_accommodation_request\":true");
        }
        // A row added but not yet named (the page's "+ add") says nothing and would not be
        // read back (an épreuve's name is required): it is left out, so remembered answers
        // and share links always load again.
        let named: Vec<&Acquis> = self
            .acquis
            .iter()
            .filter(|a| !a.epreuve.trim().is_empty())
            .collect();
        if !named.is_empty() {
            out.push_str(",\"acquis\":[");
            for (i, a) in named.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str("{\"epreuve\":");
                push_string(&mut out, &a.epreuve);
                out.push_str(match a.kind {
                    AcquisKind::Benefice => ",\"kind\":\"benefice\"}",
                    AcquisKind::Dispense => ",\"kind\":\"dispense\"}",
                });
            }
            out.push(']');
        }
        let done: Vec<&str> = self
            .done
            .iter()
            .map(|id| id.as_str_in(session))
            .filter(|id| *id != "piece:")
            .collect();
        if !done.is_empty() {
            out.push_str(",\"done\":[");
            for (i, id) in done.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_string(&mut out, id);
            }
            out.push(']');
        }
        if let Some(d) = self.posted_on {
            out.push_str(",\"posted_on\":");
            push_string(&mut out, &crate::timefmt::date(d));
        }
        #[cfg(feature = "v2")]
        self.push_answers(&mut out, session);
        out.push('}');
        out
    }

    /// `,"answers":{…}` with the session's question ids, when something is answered.
    #[cfg(feature = "v2")]
    fn push_answers(&self, out: &mut String, session: &Session) {
        use crate::json::push_string;
        let answers: Vec<(&str, bool)> = self
            .answers
            .iter()
            .filter_map(|(q, a)| Some((session.questions.get(usize::from(*q))?.id.as_str(), *a)))
            .collect();
        if !answers.is_empty() {
            out.push_str(",\"answers\":{");
            for (i, (id, a)) in answers.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                push_string(out, id);
                out.push_str(if a { ":true" } else { ":false" });
            }
            out.push('}');
        }
    }
}

#[cfg(feature = "v2")]
/// `answers`: `{ "<question id>": true | false | null }`; `null` is "not answered". A key
/// the session does not declare is a problem at its path (`$.answers.<id>`).
fn read_answers(
    w: &mut Walker,
    v: &crate::json::Value,
    session: &Session,
    sit: &mut Situation,
    mut dropped: Option<&mut Vec<String>>,
) {
    use crate::json::Value;
    let Value::Object(m) = v else {
        w.wrong_type(
            "$.answers",
            v,
            "un objet { \"question\": true/false }",
            "an object { \"question\": true/false }",
        );
        return;
    };
    // Every key is allowed here (they are checked against the session below); only repeated
    // keys are reported by the generic walk.
    let keys: Vec<&str> = m.keys().map(String::as_str).collect();
    w.object(v, "$.answers", &keys);
    // A repeated key is read once, where first written, with its last value (`Map::get`).
    let firsts = m.keys().zip(m.repeated()).filter(|(_, r)| !r);
    for (k, a) in firsts.filter_map(|(k, _)| m.get(k).map(|a| (k, a))) {
        let p = format!("$.answers.{k}");
        match session.question_index(k) {
            None if dropped.is_some() => {
                if let Some(d) = dropped.as_deref_mut() {
                    d.push(k.clone());
                }
            }
            None => {
                let known: Vec<&str> = session.questions.iter().map(|q| q.id.as_str()).collect();
                let (fr, en) = if known.is_empty() {
                    (
                        "cette session ne pose aucune question".to_owned(),
                        "this session asks no question".to_owned(),
                    )
                } else {
                    (
                        format!("questions\u{a0}: {}", known.join(", ")),
                        format!("questions: {}", known.join(", ")),
                    )
                };
                w.push(
                    &p,
                    format!(
                        "Réponse à une question que la session {} ne pose pas\u{a0}: «\u{a0}{k}\u{a0}» ({fr}).",
                        session.id
                    ),
                    format!(
                        "Answer to a question session {} does not ask: \"{k}\" ({en}).",
                        session.id
                    ),
                );
            }
            Some(q) => match a {
                Value::Null => sit.set_answer(q, None),
                Value::Bool(b) => sit.set_answer(q, Some(*b)),
                other => w.wrong_type(
                    &p,
                    other,
                    "true, false ou null (pas de réponse)",
                    "true, false or null (not answered)",
                ),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::default_session;

    fn problems(text: &str) -> Vec<String> {
        match Situation::from_json(text, &default_session()) {
            Ok(_) => Vec::new(),
            Err(p) => p.into_iter().map(|p| p.path).collect(),
        }
    }

    #[test]
    fn the_contract_example_parses_and_round_trips() {
        let text = r#"{"diploma":"cap","title":"CAP Cuisine","account_created_at":"2022-10-29T10:00:00+02:00",
          "existing_accommodation":false,"new_accommodation_request":true,
          "acquis":[{"epreuve":"EG1","kind":"benefice"},{"epreuve":"EG2","kind":"dispense"}],
          "done":["create-account","activate-account"],"posted_on":"2022-11-30"}"#;
        let s = Situation::from_json(text, &default_session()).unwrap();
        assert_eq!(s, crate::fixtures::cap_cuisine());
        assert_eq!(
            Situation::from_json(&s.to_json(&default_session()), &default_session()).unwrap(),
            s
        );
        assert_eq!(
            Situation::new(Diploma::Bp).to_json(&default_session()),
            r#"{"diploma":"bp"}"#
        );
        // A row added but not named yet (the page's "+ add") is left out: the JSON loads again.
        let mut s = Situation::new(Diploma::Cap);
        s.acquis.push(Acquis {
            epreuve: "  ".into(),
            kind: AcquisKind::Benefice,
        });
        s.acquis.push(Acquis {
            epreuve: "Histoire".into(),
            kind: AcquisKind::Dispense,
        });
        let back =
            Situation::from_json(&s.to_json(&default_session()), &default_session()).unwrap();
        assert_eq!(
            back.acquis,
            [Acquis {
                epreuve: "Histoire".into(),
                kind: AcquisKind::Dispense
            }]
        );
    }

    #[test]
    fn repeated_keys_are_problems_at_their_path() {
        let p = problems(
            r#"{"diploma":"cap","title":"A","diploma":"bp","acquis":[{"epreuve":"EG1","kind":"benefice","epreuve":"EG2"}],"extra":1}"#,
        );
        // In document order within each object, like unknown fields.
        assert_eq!(p, ["$.diploma", "$.extra", "$.acquis[0].epreuve"]);
        let e = Situation::from_json(r#"{"diploma":"cap","diploma":"cap"}"#, &default_session())
            .unwrap_err();
        assert_eq!(
            (e[0].path.as_str(), e[0].en.as_str()),
            (
                "$.diploma",
                "Repeated key: \"diploma\" is already written earlier in the same object; write it once."
            )
        );
    }

    #[test]
    fn every_problem_is_listed_with_its_path() {
        let p = problems(
            r#"{"diploma":"bts","acquis":[{"epreuve":"EG1","kind":"benefice"},{"epreuve":"","kind":"bonus"}],
               "done":["create-account","fly"],"posted_on":"2022-02-30","account_created_at":"yesterday",
               "existing_accommodation":"yes","extra":1}"#,
        );
        assert_eq!(
            p,
            [
                "$.extra",
                "$.diploma",
                "$.account_created_at",
                "$.existing_accommodation",
                "$.acquis[1].epreuve",
                "$.acquis[1].kind",
                "$.done[1]",
                "$.posted_on"
            ]
        );
    }

    #[test]
    fn dates_outside_2000_to_2100_are_refused() {
        for (text, path) in [
            (
                r#"{"diploma":"cap","account_created_at":"1999-12-31T23:59:59+01:00"}"#,
                "$.account_created_at",
            ),
            (
                r#"{"diploma":"cap","account_created_at":"2101-01-01T00:00:00Z"}"#,
                "$.account_created_at",
            ),
            (
                r#"{"diploma":"cap","posted_on":"0022-12-01"}"#,
                "$.posted_on",
            ),
            (
                r#"{"diploma":"cap","posted_on":"2922-12-01"}"#,
                "$.posted_on",
            ),
        ] {
            let p = Situation::from_json(text, &default_session()).unwrap_err();
            assert_eq!(p.len(), 1, "{text}");
            assert_eq!(p[0].path, path);
            assert!(
                p[0].en.contains("between 2000 and 2100") && p[0].fr.contains("entre 2000 et 2100"),
                "{p:?}"
            );
        }
        let ok = r#"{"diploma":"cap","account_created_at":"2000-01-01T00:00:00+01:00","posted_on":"2100-12-31"}"#;
        assert!(Situation::from_json(ok, &default_session()).is_ok());
    }

    #[test]
    fn diploma_missing_or_not_offered() {
        assert_eq!(problems("{}"), ["$.diploma"]);
        assert_eq!(problems("not json"), ["$"]);
        assert_eq!(problems("[1]"), ["$"]);
        let mut session = default_session();
        session.diplomas = vec![Diploma::Cap];
        let p = Situation::from_json(r#"{"diploma":"bp"}"#, &session).unwrap_err();
        assert_eq!(p[0].path, "$.diploma");
        assert!(p[0].en.contains("not offered"));
    }

    #[test]
    fn nulls_are_absent_and_duplicates_kept_once() {
        let s = Situation::from_json(
            r#"{"diploma":"mc4","title":null,"done":["mail-file","mail-file"]}"#,
            &default_session(),
        )
        .unwrap();
        assert_eq!(s.title, None);
        assert_eq!(s.done, [ItemId::MailFile]);
    }

    /// A session declaring two questions and two pieces (session files v2).
    #[cfg(feature = "v2")]
    fn v2_session() -> Session {
        let mut v: serde_json::Value =
            serde_json::from_str(crate::session::DEFAULT_SESSION_JSON).unwrap();
        v["questions"] = serde_json::json!([
            { "id": "age-16-24", "label": { "fr": "16 à 24 ans\u{a0}?" } },
            { "id": "adult", "label": { "fr": "Majeur\u{a0}?" } }
        ]);
        v["pieces"] = serde_json::json!([
            { "id": "identity", "label": { "fr": "Pièce d'identité" } },
            { "id": "jdc", "label": { "fr": "JDC" }, "when": { "question": "age-16-24" } }
        ]);
        Session::from_json(&v.to_string()).unwrap()
    }

    #[cfg(feature = "v2")]
    #[test]
    fn answers_and_ticked_pieces_are_read_and_round_trip() {
        let session = v2_session();
        let s = Situation::from_json(
            r#"{"diploma":"cap","done":["piece:jdc","mail-file","piece:jdc"],"answers":{"adult":false,"age-16-24":true}}"#,
            &session,
        )
        .unwrap();
        assert_eq!(s.answers, [(0, true), (1, false)]);
        assert_eq!(s.answer(1), Some(false));
        assert_eq!(s.done, [ItemId::Piece(1), ItemId::MailFile]);
        let text = s.to_json(&session);
        assert_eq!(
            text,
            r#"{"diploma":"cap","done":["piece:jdc","mail-file"],"answers":{"age-16-24":true,"adult":false}}"#
        );
        assert_eq!(Situation::from_json(&text, &session).unwrap(), s);
        // null is "not answered".
        let s = Situation::from_json(
            r#"{"diploma":"cap","answers":{"adult":null,"age-16-24":false}}"#,
            &session,
        )
        .unwrap();
        assert_eq!(s.answers, [(0, false)]);
        // A version-1 situation against a version-1 session writes what it wrote.
        assert_eq!(
            crate::fixtures::cap_cuisine().to_json(&default_session()),
            r#"{"diploma":"cap","title":"CAP Cuisine","account_created_at":"2022-10-29T10:00:00+02:00","new_accommodation_request":true,"acquis":[{"epreuve":"EG1","kind":"benefice"},{"epreuve":"EG2","kind":"dispense"}],"done":["create-account","activate-account"],"posted_on":"2022-11-30"}"#
        );
    }

    #[cfg(feature = "v2")]
    #[test]
    fn undeclared_answers_and_pieces_are_bad_input() {
        let session = v2_session();
        let p = Situation::from_json(
            r#"{"diploma":"cap","done":["piece:nope","piece:"],"answers":{"age":true,"adult":"yes","adult":true}}"#,
            &session,
        )
        .unwrap_err();
        let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["$.done[0]", "$.done[1]", "$.answers.adult", "$.answers.age"]
        );
        assert!(p[0].en.contains("piece:identity, piece:jdc"), "{}", p[0].en);
        assert!(p[3].en.contains("does not ask") && p[3].fr.contains("ne pose pas"));
        // The default session declares no question and no piece.
        let p = Situation::from_json(
            r#"{"diploma":"cap","done":["piece:jdc"],"answers":{"age-16-24":true}}"#,
            &default_session(),
        )
        .unwrap_err();
        assert_eq!(p.len(), 2);
        assert!(p[1].en.contains("asks no question"), "{}", p[1].en);
        let p =
            Situation::from_json(r#"{"diploma":"cap","answers":[true]}"#, &session).unwrap_err();
        assert_eq!(p[0].path, "$.answers");
        let p = Situation::from_json(r#"{"diploma":"cap","answers":{"adult":1}}"#, &session)
            .unwrap_err();
        assert_eq!(p[0].path, "$.answers.adult");
    }

    #[cfg(feature = "v2")]
    #[test]
    fn a_share_link_drops_undeclared_answers() {
        let session = v2_session();
        let (s, dropped) = Situation::from_json_dropping_undeclared(
            r#"{"diploma":"cap","answers":{"old":true,"adult":true,"older":false}}"#,
            &session,
        )
        .unwrap();
        assert_eq!(s.answers, [(1, true)]);
        assert_eq!(dropped, ["old", "older"]);
        // Other problems still refuse it.
        assert!(Situation::from_json_dropping_undeclared(
            r#"{"diploma":"cap","answers":{"old":true,"adult":2}}"#,
            &session
        )
        .is_err());
    }
}
