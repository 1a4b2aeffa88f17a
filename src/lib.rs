//! `candidat`: the candidate's page and the embeddable widget (wasm32), on top of the pure
//! rules in `candidat-core`. Native builds of this crate carry the CLI (src/bin) and the
//! pure helpers of the page (share link, calendar file, UI strings), tested natively.

pub use candidat_core as core;

pub mod headline;
pub mod ics;
pub mod input_checks;
pub mod labels;
pub mod local_time;
pub mod share;
pub mod ui_text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;

#[cfg(target_arch = "wasm32")]
pub use app::{mount_app_into, mount_app_with, AppHandle, MountOptions};

#[cfg(target_arch = "wasm32")]
mod embed;
#[cfg(target_arch = "wasm32")]
pub use embed::{mount, run_page, Widget};
