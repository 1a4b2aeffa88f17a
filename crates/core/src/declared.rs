//! Session files, version 2 (shared/DOMAIN.md, "Session files, version 2"): the questions,
//! pieces and eligibility conditions an académie declares, their reader (every problem by
//! JSON path) and the three-valued reading of a `when` condition.
//!
//! A declared question, piece or condition is referred to by its index in its list (`u16`):
//! `ItemId::Piece(i)` is `session.pieces[i]`, an answer is `(question index, bool)`
//! (docs/adr/0012-session-files-v2.md).

use crate::json::{Map, Value};
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

/// Most entries a list may have. Why: entries are referred to by a `u16` index; a session
/// with more than a few dozen questions or pieces is a generated file gone wrong.
pub const MAX_ENTRIES: usize = 200;

const QUESTION_FIELDS: &[&str] = &["id", "label", "help"];
const PIECE_FIELDS: &[&str] = &["id", "label", "why", "source", "when"];
const ELIGIBILITY_FIELDS: &[&str] = &["id", "when", "question", "answer", "message", "source"];
const TEXT_FIELDS: &[&str] = &["fr", "en"];
const CONDITION_FIELDS: &[&str] = &["question", "answer", "diplomas", "all", "any"];

/// `questions`, `pieces` and `eligibility` (each optional). `offered`: the session's diplomas
/// when they were read (a condition may only name those). `None` when any entry was refused.
pub(crate) fn read(w: &mut Walker, m: &Map, offered: Option<&[Diploma]>) -> Option<Declared> {
    let before = w.problems.len();
    // Questions first: pieces and conditions refer to them by id.
    let (questions, question_ids) = read_questions(w, m);
    let refs = Refs {
        questions: &question_ids,
        offered,
    };
    let pieces = read_pieces(w, m, &refs);
    let eligibility = read_eligibility(w, m, &refs);
    (w.problems.len() == before).then_some(Declared {
        questions,
        pieces,
        eligibility,
    })
}

/// The questions read, and every entry's id in order (`""` for a refused one, so that an
/// index in this list is an index in `questions` whenever nothing was refused).
fn read_questions(w: &mut Walker, m: &Map) -> (Vec<Question>, Vec<String>) {
    let mut questions = Vec::new();
    let mut ids = Vec::new();
    for (i, v) in list(w, m, "questions").iter().enumerate() {
        let p = format!("$.questions[{i}]");
        let Some(qm) = w.object(v, &p, QUESTION_FIELDS) else {
            ids.push(String::new());
            continue;
        };
        let id = read_id(w, qm, &p, &ids);
        ids.push(id.clone().unwrap_or_default());
        let label = required_text(w, qm, &p, "label");
        let help = optional_text(w, qm, &p, "help");
        if let (Some(id), Some(label), Ok(help)) = (id, label, help) {
            questions.push(Question { id, label, help });
        }
    }
    (questions, ids)
}

fn read_pieces(w: &mut Walker, m: &Map, refs: &Refs) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut ids = Vec::new();
    for (i, v) in list(w, m, "pieces").iter().enumerate() {
        let p = format!("$.pieces[{i}]");
        let Some(pm) = w.object(v, &p, PIECE_FIELDS) else {
            continue;
        };
        let id = read_id(w, pm, &p, &ids);
        ids.push(id.clone().unwrap_or_default());
        let label = required_text(w, pm, &p, "label");
        let why = optional_text(w, pm, &p, "why");
        let source = optional_string(w, pm, &p, "source");
        let when = optional_condition(w, pm, &p, refs);
        if let (Some(id), Some(label), Ok(why), Ok(source), Ok(when)) =
            (id, label, why, source, when)
        {
            pieces.push(Piece {
                key: format!("piece:{id}"),
                id,
                label,
                why,
                source,
                when,
            });
        }
    }
    pieces
}

fn read_eligibility(w: &mut Walker, m: &Map, refs: &Refs) -> Vec<Eligibility> {
    let mut conditions = Vec::new();
    let mut ids = Vec::new();
    for (i, v) in list(w, m, "eligibility").iter().enumerate() {
        let p = format!("$.eligibility[{i}]");
        let Some(em) = w.object(v, &p, ELIGIBILITY_FIELDS) else {
            continue;
        };
        let id = read_id(w, em, &p, &ids);
        ids.push(id.clone().unwrap_or_default());
        let when = optional_condition(w, em, &p, refs);
        let question = w
            .required(em, &p, "question")
            .and_then(|v| refs.question(w, v, &format!("{p}.question")));
        let answer = w
            .required(em, &p, "answer")
            .and_then(|v| w.boolean(v, &format!("{p}.answer")));
        let message = required_text(w, em, &p, "message");
        let source = optional_string(w, em, &p, "source");
        if let (Some(id), Ok(when), Some(question), Some(answer), Some(message), Ok(source)) =
            (id, when, question, answer, message, source)
        {
            conditions.push(Eligibility {
                id,
                when,
                question,
                answer,
                message,
                source,
            });
        }
    }
    conditions
}

/// An optional list (absent or `null`: empty), at most [`MAX_ENTRIES`] long.
fn list<'a>(w: &mut Walker, m: &'a Map, key: &str) -> &'a [Value] {
    let path = format!("$.{key}");
    let Some(arr) = Walker::optional(m, key).and_then(|v| w.array(v, &path)) else {
        return &[];
    };
    if arr.len() > MAX_ENTRIES {
        w.push(
            &path,
            format!(
                "{} entrées\u{a0}: au plus {MAX_ENTRIES} sont lues.",
                arr.len()
            ),
            format!("{} entries: at most {MAX_ENTRIES} are read.", arr.len()),
        );
        return &arr[..MAX_ENTRIES];
    }
    arr
}

/// `id`: lowercase ASCII letters, digits and hyphens, unique within its list (`seen`).
fn read_id(w: &mut Walker, m: &Map, p: &str, seen: &[String]) -> Option<String> {
    let path = format!("{p}.id");
    let s = w
        .required(m, p, "id")
        .and_then(|v| w.nonempty_string(v, &path))?;
    if !s
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        w.push(
            &path,
            format!("L'identifiant «\u{a0}{s}\u{a0}» ne doit contenir que des minuscules sans accent, des chiffres et des tirets."),
            format!("The id \"{s}\" may only contain lowercase ASCII letters, digits and hyphens."),
        );
        return None;
    }
    if seen.iter().any(|x| x == s) {
        w.push(
            &path,
            format!("L'identifiant «\u{a0}{s}\u{a0}» est déjà pris plus haut dans la même liste."),
            format!("The id \"{s}\" is already used earlier in the same list."),
        );
        return None;
    }
    Some(s.to_owned())
}

fn required_text(w: &mut Walker, m: &Map, p: &str, key: &str) -> Option<Text> {
    let v = w.required(m, p, key)?;
    text(w, v, &format!("{p}.{key}"))
}

/// `Ok(None)` when absent, `Err` when refused.
fn optional_text(w: &mut Walker, m: &Map, p: &str, key: &str) -> Result<Option<Text>, ()> {
    match Walker::optional(m, key) {
        None => Ok(None),
        Some(v) => text(w, v, &format!("{p}.{key}")).map(Some).ok_or(()),
    }
}

/// `{ "fr": …, "en"?: … }`, both non-empty when given.
fn text(w: &mut Walker, v: &Value, path: &str) -> Option<Text> {
    let tm = w.object(v, path, TEXT_FIELDS)?;
    let fr = w
        .required(tm, path, "fr")
        .and_then(|v| w.nonempty_string(v, &format!("{path}.fr")))
        .map(|s| s.trim().to_owned());
    let en = match Walker::optional(tm, "en") {
        None => Ok(None),
        Some(v) => w
            .nonempty_string(v, &format!("{path}.en"))
            .map(|s| Some(s.trim().to_owned()))
            .ok_or(()),
    };
    Some(Text {
        fr: fr?,
        en: en.ok()?,
    })
}

fn optional_string(w: &mut Walker, m: &Map, p: &str, key: &str) -> Result<Option<String>, ()> {
    match Walker::optional(m, key) {
        None => Ok(None),
        Some(v) => w
            .nonempty_string(v, &format!("{p}.{key}"))
            .map(|s| Some(s.trim().to_owned()))
            .ok_or(()),
    }
}

/// What a condition may name: the declared questions (by id, in order) and the diplomas.
struct Refs<'a> {
    questions: &'a [String],
    offered: Option<&'a [Diploma]>,
}

impl Refs<'_> {
    /// A declared question's index.
    fn question(&self, w: &mut Walker, v: &Value, path: &str) -> Option<u16> {
        let s = w.string(v, path)?;
        match self.questions.iter().position(|q| !q.is_empty() && q == s) {
            Some(i) => u16::try_from(i).ok(),
            None => {
                let known = self
                    .questions
                    .iter()
                    .filter(|q| !q.is_empty())
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ");
                let (fr_known, en_known) = if known.is_empty() {
                    (
                        "aucune question déclarée".to_owned(),
                        "no question declared".to_owned(),
                    )
                } else {
                    (
                        format!("questions\u{a0}: {known}"),
                        format!("questions: {known}"),
                    )
                };
                w.push(
                    path,
                    format!(
                        "La question «\u{a0}{s}\u{a0}» n'est pas déclarée dans «\u{a0}questions\u{a0}» ({fr_known})."
                    ),
                    format!("The question \"{s}\" is not declared in \"questions\" ({en_known})."),
                );
                None
            }
        }
    }
}

fn optional_condition(
    w: &mut Walker,
    m: &Map,
    p: &str,
    refs: &Refs,
) -> Result<Option<Condition>, ()> {
    match Walker::optional(m, "when") {
        None => Ok(None),
        Some(v) => condition(w, v, &format!("{p}.when"), refs)
            .map(Some)
            .ok_or(()),
    }
}

/// One condition: exactly one of `question` (with an optional `answer`), `diplomas`, `all`,
/// `any`; lists non-empty.
fn condition(w: &mut Walker, v: &Value, path: &str, refs: &Refs) -> Option<Condition> {
    let cm = w.object(v, path, CONDITION_FIELDS)?;
    let forms: Vec<&str> = ["question", "diplomas", "all", "any"]
        .into_iter()
        .filter(|k| cm.get(k).is_some())
        .collect();
    if forms.len() != 1 {
        w.push(
            path,
            format!("Une condition a exactement une des formes «\u{a0}question\u{a0}», «\u{a0}diplomas\u{a0}», «\u{a0}all\u{a0}», «\u{a0}any\u{a0}» (ici\u{a0}: {}).", if forms.is_empty() { "aucune".to_owned() } else { forms.join(", ") }),
            format!("A condition has exactly one of the forms \"question\", \"diplomas\", \"all\", \"any\" (here: {}).", if forms.is_empty() { "none".to_owned() } else { forms.join(", ") }),
        );
        return None;
    }
    if forms[0] != "question" && cm.get("answer").is_some() {
        w.push(
            &format!("{path}.answer"),
            "«\u{a0}answer\u{a0}» ne va qu'avec «\u{a0}question\u{a0}».",
            "\"answer\" goes only with \"question\".",
        );
        return None;
    }
    let field = format!("{path}.{}", forms[0]);
    let value = cm.get(forms[0])?;
    match forms[0] {
        "question" => {
            let question = refs.question(w, value, &field);
            let answer = match cm.get("answer") {
                None => Some(true),
                Some(a) => w.boolean(a, &format!("{path}.answer")),
            };
            Some(Condition::Answer {
                question: question?,
                answer: answer?,
            })
        }
        "diplomas" => diplomas(w, value, &field, refs).map(Condition::Diplomas),
        kind => {
            let arr = nonempty_list(w, value, &field)?;
            let mut cs = Vec::new();
            let mut ok = true;
            for (i, c) in arr.iter().enumerate() {
                match condition(w, c, &format!("{field}[{i}]"), refs) {
                    Some(c) => cs.push(c),
                    None => ok = false,
                }
            }
            ok.then_some(if kind == "all" {
                Condition::All(cs)
            } else {
                Condition::Any(cs)
            })
        }
    }
}

/// `diplomas`: a non-empty list of diplomas the session offers.
fn diplomas(w: &mut Walker, value: &Value, field: &str, refs: &Refs) -> Option<Vec<Diploma>> {
    let arr = nonempty_list(w, value, field)?;
    let mut ds = Vec::new();
    let mut ok = true;
    for (i, d) in arr.iter().enumerate() {
        let p = format!("{field}[{i}]");
        let Some(s) = w.string(d, &p) else {
            ok = false;
            continue;
        };
        match Diploma::parse(s) {
            Some(d) if refs.offered.is_some_and(|o| !o.contains(&d)) => {
                ok = false;
                w.push(
                            &p,
                            format!("Le diplôme «\u{a0}{s}\u{a0}» n'est pas proposé dans cette session (champ «\u{a0}diplomas\u{a0}»)."),
                            format!("The diploma \"{s}\" is not offered in this session (field \"diplomas\")."),
                        );
            }
            Some(d) => ds.push(d),
            None => {
                ok = false;
                w.push(
                    &p,
                    format!("Diplôme inconnu «\u{a0}{s}\u{a0}»\u{a0}: il faut bac-pro, bp, cap, mc3 ou mc4."),
                    format!("Unknown diploma \"{s}\": use bac-pro, bp, cap, mc3 or mc4."),
                );
            }
        }
    }
    ok.then_some(ds)
}

fn nonempty_list<'a>(w: &mut Walker, v: &'a Value, path: &str) -> Option<&'a Vec<Value>> {
    let arr = w.array(v, path)?;
    if arr.is_empty() {
        w.push(
            path,
            "La liste est vide\u{a0}: une condition sans membre ne dit rien.",
            "The list is empty: a condition without members says nothing.",
        );
        return None;
    }
    Some(arr)
}

#[cfg(test)]
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
