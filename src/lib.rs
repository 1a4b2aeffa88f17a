//! `candidat`: the candidate's page and the embeddable widget (wasm32), on top of the pure
//! rules in `candidat-core`. Native builds of this crate only carry the CLI (src/bin).

pub use candidat_core as core;

