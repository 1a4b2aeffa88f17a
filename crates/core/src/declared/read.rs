//! The reader of version 2's lists (`questions`, `pieces`, `eligibility`): every problem by
//! JSON path. Only with the `v2` feature: the page's wasm is built without it (ADR 0014, the
//! byte budget of ADR 0008), and then [`super::read`] refuses a file that has these lists.

use super::{Condition, Declared, Eligibility, Piece, Question, Text, MAX_ENTRIES};
use crate::json::{Map, Value};
use crate::problems::Walker;
use crate::session::{read_diploma, Diploma};

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
        match read_diploma(w, d, &p) {
            Some(d) if refs.offered.is_some_and(|o| !o.contains(&d)) => {
                ok = false;
                let s = d.as_str();
                w.push(
                    &p,
                    format!("Le diplôme «\u{a0}{s}\u{a0}» n'est pas proposé dans cette session (champ «\u{a0}diplomas\u{a0}»)."),
                    format!("The diploma \"{s}\" is not offered in this session (field \"diplomas\")."),
                );
            }
            Some(d) => ds.push(d),
            None => ok = false,
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
