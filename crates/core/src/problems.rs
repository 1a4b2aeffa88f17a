//! A problem found in an input file: where (JSON path) and what, in French and English.
//!
//! Also the small JSON walker shared by session and situation validation. Why a hand walk over
//! a parsed `json::Value` instead of serde derive: serde stops at the first error, while the exam
//! office must see every problem of a file at once, each with its JSON path.

use crate::json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the faulty value, e.g. `$.pre_registration.closes` or `$.acquis[1].kind`.
    pub path: String,
    /// A plain sentence for the exam office (French).
    pub fr: String,
    /// The same sentence in English.
    pub en: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, fr: impl Into<String>, en: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            fr: fr.into(),
            en: en.into(),
        }
    }

    pub fn message(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Fr => &self.fr,
            crate::Lang::En => &self.en,
        }
    }
}

impl std::fmt::Display for Problem {
    /// `path: message (French) / message (English)`, one line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} / {}", self.path, self.fr, self.en)
    }
}

/// Parse text as JSON; a syntax error becomes one problem at `$`.
pub(crate) fn parse_json(text: &str) -> Result<Value, Vec<Problem>> {
    crate::json::parse(text).map_err(|e| {
        vec![Problem::new(
            "$",
            format!(
                "Ce n'est pas du JSON valide (ligne {}, colonne {}).",
                e.line, e.column
            ),
            format!(
                "This is not valid JSON (line {}, column {}).",
                e.line, e.column
            ),
        )]
    })
}

pub(crate) fn kind_of(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("un booléen", "a boolean"),
        Value::Number(_) => ("un nombre", "a number"),
        Value::String(_) => ("un texte", "a string"),
        Value::Array(_) => ("une liste", "a list"),
        Value::Object(_) => ("un objet", "an object"),
    }
}

/// Collects problems while walking a JSON value.
#[derive(Default)]
pub(crate) struct Walker {
    pub problems: Vec<Problem>,
}

impl Walker {
    pub fn push(&mut self, path: &str, fr: impl Into<String>, en: impl Into<String>) {
        self.problems.push(Problem::new(path, fr, en));
    }

    pub fn wrong_type(&mut self, path: &str, v: &Value, fr_expected: &str, en_expected: &str) {
        let (fr, en) = kind_of(v);
        self.push(
            path,
            format!("Il faut {fr_expected}, pas {fr}."),
            format!("Expected {en_expected}, found {en}."),
        );
    }

    /// The value as an object; reports a wrong type, and each member that is an unknown field
    /// or a repeated key (its later occurrences), in document order.
    pub fn object<'a>(&mut self, v: &'a Value, path: &str, allowed: &[&str]) -> Option<&'a Map> {
        match v {
            Value::Object(m) => {
                for (k, repeated) in m.keys().zip(m.repeated()) {
                    if repeated {
                        self.repeated_key(path, k);
                    } else if !allowed.contains(&k.as_str()) {
                        self.push(
                            &format!("{path}.{k}"),
                            format!(
                                "Champ inconnu «\u{a0}{k}\u{a0}» (champs possibles\u{a0}: {}).",
                                allowed.join(", ")
                            ),
                            format!(
                                "Unknown field \"{k}\" (known fields: {}).",
                                allowed.join(", ")
                            ),
                        );
                    }
                }
                Some(m)
            }
            _ => {
                self.wrong_type(path, v, "un objet { … }", "an object { … }");
                None
            }
        }
    }

    /// Why a repeated key is a problem and not "the last one wins" (as serde_json reads it):
    /// the reader of the file sees the first value, the program would use the last; which one
    /// was meant is the author's to say.
    #[inline(never)]
    fn repeated_key(&mut self, path: &str, k: &str) {
        self.push(
            &format!("{path}.{k}"),
            format!("Clé répétée\u{a0}: «\u{a0}{k}\u{a0}» est déjà écrit plus haut dans le même objet\u{a0}; ne l'écrire qu'une fois."),
            format!("Repeated key: \"{k}\" is already written earlier in the same object; write it once."),
        );
    }

    /// A required field; reports it missing. `null` counts as missing.
    pub fn required<'a>(&mut self, m: &'a Map, path: &str, key: &str) -> Option<&'a Value> {
        match m.get(key) {
            Some(Value::Null) | None => {
                self.push(
                    &format!("{path}.{key}"),
                    format!("Le champ «\u{a0}{key}\u{a0}» manque."),
                    format!("The field \"{key}\" is missing."),
                );
                None
            }
            Some(v) => Some(v),
        }
    }

    /// An optional field; `null` is the same as absent (why: JS callers write null freely).
    pub fn optional<'a>(m: &'a Map, key: &str) -> Option<&'a Value> {
        match m.get(key) {
            Some(Value::Null) | None => None,
            Some(v) => Some(v),
        }
    }

    pub fn string<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a str> {
        match v {
            Value::String(s) => Some(s),
            _ => {
                self.wrong_type(path, v, "un texte entre guillemets", "a string in quotes");
                None
            }
        }
    }

    /// A string that is not empty after trimming.
    pub fn nonempty_string<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a str> {
        let s = self.string(v, path)?;
        if s.trim().is_empty() {
            self.push(path, "Ce texte est vide.", "This text is empty.");
            return None;
        }
        Some(s)
    }

    pub fn boolean(&mut self, v: &Value, path: &str) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong_type(path, v, "true ou false", "true or false");
                None
            }
        }
    }

    pub fn array<'a>(&mut self, v: &'a Value, path: &str) -> Option<&'a Vec<Value>> {
        match v {
            Value::Array(a) => Some(a),
            _ => {
                self.wrong_type(path, v, "une liste [ … ]", "a list [ … ]");
                None
            }
        }
    }
}
