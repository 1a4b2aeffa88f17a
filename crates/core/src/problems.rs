//! A problem found in an input file: where (JSON path) and what, in French and English.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// JSON path of the faulty value, e.g. `$.pre_registration.closes` or `$.acquis[1].kind`.
    pub path: String,
    /// A plain sentence for the exam office (French).
    pub fr: String,
    /// The same sentence in English.
    pub en: String,
}

impl Problem {
    pub fn message(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Fr => &self.fr,
            crate::Lang::En => &self.en,
        }
    }
}
