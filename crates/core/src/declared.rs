//! Session files, version 2 (shared/DOMAIN.md, "Session files, version 2"): the questions,
//! pieces and eligibility conditions an académie declares, their reader (every problem by
//! JSON path) and the three-valued reading of a `when` condition.
//!
//! A declared question, piece or condition is referred to by its index in its list (`u16`):
//! `ItemId::Piece(i)` is `session.pieces[i]`, an answer is `(question index, bool)`
//! (docs/adr/0014-session-files-v2.md).

#[cfg(not(feature = "v2"))]
use crate::problems::Walker;
use crate::session::Diploma;
use crate::situation::Situation;
use crate::wording::Lang;

/// A text the exam office writes: French required, English optional (the French is then
/// shown, marked `lang="fr"` by the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub fr: String,
    pub en: Option<String>,
}

impl Text {
    /// The text in `lang`, or the French when there is no English.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => en,
            _ => &self.fr,
        }
    }
    /// Whether [`Text::get`] gives French text in `lang` (the page marks it `lang="fr"`).
    pub fn is_french_in(&self, lang: Lang) -> bool {
        lang == Lang::Fr || self.en.is_none()
    }
}

/// A yes/no question worded by the exam office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
}

/// A document the académie asks for, under a condition: the checklist item `piece:<id>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub id: String,
    /// The item id, `piece:<id>` (kept so that `ItemId::as_str_in` borrows it).
    pub key: String,
    pub label: Text,
    pub why: Option<Text>,
    pub source: Option<String>,
    /// `None`: always required.
    pub when: Option<Condition>,
}

/// Who may register as an individual candidate: met when the question is answered `answer`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eligibility {
    pub id: String,
    pub when: Option<Condition>,
    /// Index in `session.questions`.
    pub question: u16,
    pub answer: bool,
    pub message: Text,
    pub source: Option<String>,
}

/// A `when` condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// `{ "question": ID }` (answered yes) or `{ "question": ID, "answer": false }`.
    Answer { question: u16, answer: bool },
    /// `{ "diplomas": [ … ] }`: the candidate's diploma is one of them.
    Diplomas(Vec<Diploma>),
    /// `{ "all": [ … ] }`
    All(Vec<Condition>),
    /// `{ "any": [ … ] }`
    Any(Vec<Condition>),
}

impl Condition {
    /// Three-valued: `Some(true)`, `Some(false)`, or `None` while an answer it needs is
    /// missing. An `all` with one false member is false whatever the others; an `any` with one
    /// true member is true.
    pub fn eval(&self, situation: &Situation) -> Option<bool> {
        match self {
            Condition::Answer { question, answer } => {
                situation.answer(*question).map(|a| a == *answer)
            }
            Condition::Diplomas(ds) => Some(ds.contains(&situation.diploma)),
            Condition::All(cs) => {
                let vals: Vec<Option<bool>> = cs.iter().map(|c| c.eval(situation)).collect();
                if vals.contains(&Some(false)) {
                    Some(false)
                } else if vals.iter().all(|v| *v == Some(true)) {
                    Some(true)
                } else {
                    None
                }
            }
            Condition::Any(cs) => {
                let vals: Vec<Option<bool>> = cs.iter().map(|c| c.eval(situation)).collect();
                if vals.contains(&Some(true)) {
                    Some(true)
                } else if vals.iter().all(|v| *v == Some(false)) {
                    Some(false)
                } else {
                    None
                }
            }
        }
    }

    /// Every question the condition names, in the file's order, each once.
    pub fn questions(&self, out: &mut Vec<u16>) {
        match self {
            Condition::Answer { question, .. } => {
                if !out.contains(question) {
                    out.push(*question);
                }
            }
            Condition::Diplomas(_) => {}
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.questions(out)),
        }
    }

    /// The answers to unanswered questions that would each, alone, make the condition false
    /// (what would remove a piece listed while its condition is unknown).
    pub fn removing_answers(&self, situation: &Situation) -> Vec<(u16, bool)> {
        let mut qs = Vec::new();
        self.questions(&mut qs);
        let mut out = Vec::new();
        for q in qs.into_iter().filter(|q| situation.answer(*q).is_none()) {
            for a in [false, true] {
                let mut s = situation.clone();
                s.set_answer(q, Some(a));
                if self.eval(&s) == Some(false) {
                    out.push((q, a));
                    break;
                }
            }
        }
        out
    }
}

/// The three lists as read from a session file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Declared {
    pub questions: Vec<Question>,
    pub pieces: Vec<Piece>,
    pub eligibility: Vec<Eligibility>,
}

#[cfg(feature = "v2")]
mod read;
#[cfg(feature = "v2")]
pub(crate) use read::read;

/// Most entries a list may have. Why: entries are referred to by a `u16` index; a session
/// with more than a few dozen questions or pieces is a generated file gone wrong.
pub const MAX_ENTRIES: usize = 200;

/// Without the `v2` feature (the page's wasm, ADR 0014), `questions`, `pieces` and
/// `eligibility` are not among the session's fields: the generic walk reports each as an
/// unknown field (or a repeated key), at `$.<key>`, and this says why instead. Every other
/// problem, and a version-1 file, read exactly as before; the lists are always empty.
#[cfg(not(feature = "v2"))]
pub(crate) fn refuse(w: &mut Walker) {
    for p in &mut w.problems {
        if matches!(
            p.path.as_str(),
            "$.questions" | "$.pieces" | "$.eligibility"
        ) {
            p.fr = "Ce fichier de version\u{a0}2 n'est pas encore lu par la page\u{a0}: vérifiez-le avec la commande candidat check-session.".into();
            p.en = "This version 2 file is not read by the page yet: check it with the command candidat check-session.".into();
        }
    }
}

#[cfg(all(test, feature = "v2"))]
mod tests {
    use super::*;
    use crate::session::{Session, DEFAULT_SESSION_JSON};
    use serde_json::{json, Value};

    /// The default session with version-2 lists that are all valid.
    fn v2() -> Value {
        let mut v: Value = serde_json::from_str(DEFAULT_SESSION_JSON).unwrap();
        v["diplomas"] = json!(["bp", "cap"]);
        v["questions"] = json!([
            { "id": "age-16-24", "label": { "fr": "16 à 24 ans\u{a0}?", "en": "16 to 24?" },
              "help": { "fr": "Aide" } },
            { "id": "adult", "label": { "fr": "Majeur\u{a0}?" } }
        ]);
        v["pieces"] = json!([
            { "id": "jdc", "label": { "fr": "Joindre la JDC" }, "why": { "fr": "Pourquoi", "en": "Why" },
              "source": "§3", "when": { "question": "age-16-24" } },
            { "id": "identity", "label": { "fr": "Joindre une pièce d'identité" } },
            { "id": "work", "label": { "fr": "Certificats" },
              "when": { "any": [ { "diplomas": ["bp"] }, { "all": [ { "question": "adult", "answer": false } ] } ] } }
        ]);
        v["eligibility"] = json!([
            { "id": "cap-adult", "when": { "diplomas": ["cap"] }, "question": "adult", "answer": true,
              "message": { "fr": "Il faut être majeur.", "en": "You must be of age." }, "source": "§1" }
        ]);
        v
    }

    fn problems_with(edit: impl FnOnce(&mut Value)) -> Vec<(String, String, String)> {
        let mut v = v2();
        edit(&mut v);
        match Session::from_json(&v.to_string()) {
            Ok(_) => Vec::new(),
            Err(p) => p.into_iter().map(|p| (p.path, p.fr, p.en)).collect(),
        }
    }

    fn paths(p: &[(String, String, String)]) -> Vec<&str> {
        p.iter().map(|(path, _, _)| path.as_str()).collect()
    }

    #[test]
    fn a_valid_v2_file_is_read_with_indices() {
        let s = Session::from_json(&v2().to_string()).unwrap();
        assert_eq!(s.questions.len(), 2);
        assert_eq!(s.questions[0].help.as_ref().unwrap().get(Lang::En), "Aide");
        assert_eq!(s.pieces[0].key, "piece:jdc");
        assert_eq!(
            s.pieces[0].when,
            Some(Condition::Answer {
                question: 0,
                answer: true
            })
        );
        assert_eq!(s.pieces[1].when, None);
        assert_eq!(
            s.pieces[2].when,
            Some(Condition::Any(vec![
                Condition::Diplomas(vec![Diploma::Bp]),
                Condition::All(vec![Condition::Answer {
                    question: 1,
                    answer: false
                }]),
            ]))
        );
        assert_eq!(s.eligibility[0].question, 1);
        assert!(s.eligibility[0].answer);
        assert_eq!(s.asked_questions(), [1, 0]);
        // A version-1 file has none of them.
        let d = crate::session::default_session();
        assert!(d.questions.is_empty() && d.pieces.is_empty() && d.eligibility.is_empty());
    }

    #[test]
    fn texts_need_fr_and_no_empty_text() {
        let p = problems_with(|v| {
            v["questions"][0]["label"] = json!({ "en": "Only English" });
            v["questions"][1]["label"] = json!("Majeur\u{a0}?");
            v["pieces"][0]["why"] = json!({ "fr": " ", "en": "" });
            v["pieces"][1]["label"]["de"] = json!("Ausweis");
            v["eligibility"][0]
                .as_object_mut()
                .unwrap()
                .remove("message");
        });
        assert_eq!(
            paths(&p),
            [
                "$.questions[0].label.fr",
                "$.questions[1].label",
                "$.pieces[0].why.fr",
                "$.pieces[0].why.en",
                "$.pieces[1].label.de",
                "$.eligibility[0].message",
            ]
        );
        for (_, fr, en) in &p {
            assert!(!fr.is_empty() && !en.is_empty() && fr != en);
        }
    }

    #[test]
    fn ids_format_and_uniqueness_within_each_list() {
        let p = problems_with(|v| {
            v["questions"][1]["id"] = json!("age-16-24");
            v["pieces"][1]["id"] = json!("Identité");
            v["pieces"][2]["id"] = json!("jdc");
            v["eligibility"][0]["id"] = json!("");
        });
        // The refused question id (`adult` written `age-16-24` again) is not declared: the
        // conditions naming `adult` say so too.
        assert_eq!(
            paths(&p),
            [
                "$.questions[1].id",
                "$.pieces[1].id",
                "$.pieces[2].id",
                "$.pieces[2].when.any[1].all[0].question",
                "$.eligibility[0].id",
                "$.eligibility[0].question",
            ]
        );
        let has = |path: &str, en: &str| p.iter().any(|(pa, _, e)| pa == path && e.contains(en));
        assert!(has("$.questions[1].id", "already used"), "{p:?}");
        assert!(has("$.pieces[1].id", "lowercase ASCII"), "{p:?}");
        assert!(has("$.pieces[2].id", "already used"), "{p:?}");
        assert!(has("$.eligibility[0].id", "empty"), "{p:?}");
        // The same id in two different lists is fine.
        assert!(problems_with(|v| v["pieces"][1]["id"] = json!("age-16-24")).is_empty());
        assert!(problems_with(|v| v["eligibility"][0]["id"] = json!("jdc")).is_empty());
    }

    #[test]
    fn conditions_name_declared_questions_and_offered_diplomas() {
        let p = problems_with(|v| {
            v["pieces"][0]["when"] = json!({ "question": "age-18" });
            v["pieces"][2]["when"]["any"][0] = json!({ "diplomas": ["mc4", "bts", 3] });
            v["eligibility"][0]["question"] = json!("nope");
            v["eligibility"][0]["when"] = json!({ "diplomas": [] });
        });
        assert_eq!(
            paths(&p),
            [
                "$.pieces[0].when.question",
                "$.pieces[2].when.any[0].diplomas[0]",
                "$.pieces[2].when.any[0].diplomas[1]",
                "$.pieces[2].when.any[0].diplomas[2]",
                "$.eligibility[0].when.diplomas",
                "$.eligibility[0].question",
            ]
        );
        assert!(p[0].2.contains("not declared") && p[0].1.contains("n'est pas déclarée"));
        assert!(p[1].2.contains("not offered"), "{p:?}");
        assert!(p[2].2.contains("Unknown diploma"), "{p:?}");
    }

    #[test]
    fn condition_shapes() {
        for (when, path) in [
            (json!({}), "$.pieces[0].when"),
            (
                json!({ "question": "adult", "diplomas": ["cap"] }),
                "$.pieces[0].when",
            ),
            (
                json!({ "diplomas": ["cap"], "answer": false }),
                "$.pieces[0].when.answer",
            ),
            (
                json!({ "question": "adult", "answer": "no" }),
                "$.pieces[0].when.answer",
            ),
            (json!({ "all": [] }), "$.pieces[0].when.all"),
            (json!({ "any": {} }), "$.pieces[0].when.any"),
            (json!({ "any": [ {} ] }), "$.pieces[0].when.any[0]"),
            (
                json!({ "question": "adult", "colour": 1 }),
                "$.pieces[0].when.colour",
            ),
            (json!("always"), "$.pieces[0].when"),
        ] {
            let p = problems_with(|v| v["pieces"][0]["when"] = when.clone());
            assert_eq!(paths(&p), [path], "{when}");
        }
    }

    #[test]
    fn eligibility_needs_question_and_a_boolean_answer() {
        let p = problems_with(|v| {
            let e = v["eligibility"][0].as_object_mut().unwrap();
            e.remove("question");
            e.insert("answer".into(), json!("yes"));
            e.insert("extra".into(), json!(1));
        });
        assert_eq!(
            paths(&p),
            [
                "$.eligibility[0].extra",
                "$.eligibility[0].question",
                "$.eligibility[0].answer"
            ]
        );
        let p = problems_with(|v| {
            v["eligibility"][0]
                .as_object_mut()
                .unwrap()
                .remove("answer");
        });
        assert_eq!(paths(&p), ["$.eligibility[0].answer"]);
    }

    #[test]
    fn lists_must_be_lists_of_objects() {
        let p = problems_with(|v| {
            v["questions"] = json!({});
            v["pieces"] = json!([1]);
            v["eligibility"] = json!("none");
        });
        // Without questions, the conditions naming them are problems too.
        assert_eq!(
            paths(&p),
            ["$.questions", "$.pieces[0]", "$.eligibility"],
            "{p:?}"
        );
        assert!(problems_with(|v| {
            v["questions"] = Value::Null;
            v["pieces"] = json!([]);
            v["eligibility"] = json!([]);
        })
        .is_empty());
    }

    #[test]
    fn three_valued_reading() {
        let s = Session::from_json(&v2().to_string()).unwrap();
        let mut sit = Situation::new(Diploma::Cap);
        let work = s.pieces[2].when.clone().unwrap();
        assert_eq!(work.eval(&sit), None);
        assert_eq!(work.removing_answers(&sit), [(1, true)]);
        sit.set_answer(1, Some(true));
        assert_eq!(work.eval(&sit), Some(false));
        sit.set_answer(1, Some(false));
        assert_eq!(work.eval(&sit), Some(true));
        sit.diploma = Diploma::Bp;
        sit.set_answer(1, None);
        assert_eq!(work.eval(&sit), Some(true), "any with one true member");
        let all = Condition::All(vec![
            Condition::Diplomas(vec![Diploma::Cap]),
            Condition::Answer {
                question: 0,
                answer: true,
            },
        ]);
        assert_eq!(all.eval(&sit), Some(false), "all with one false member");
        assert_eq!(sit.answers, []);
        sit.set_answer(1, Some(true));
        sit.set_answer(0, Some(false));
        assert_eq!(sit.answers, [(0, false), (1, true)], "kept sorted");
    }
}
