//! Every sentence shown to people, in French (default) and English. Ids are never translated.
//! SKELETON (issue 3).

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}
