//! `candidat`: the candidate's page and the embeddable widget (wasm32), on top of the pure
//! rules in `candidat-core`. Native builds of this crate carry the CLI (src/bin) and the
//! pure helpers of the page (share link, calendar file, UI strings), tested natively.

pub use candidat_core as core;

pub mod ics;
pub mod labels;
pub mod local_time;
pub mod share;
pub mod ui_text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;

#[cfg(target_arch = "wasm32")]
pub use app::{mount_app_into, AppHandle};

/// The standalone page: mount the app into `<main id="app">` with the embedded session,
/// restoring answers from the `#s=…` fragment when there is one.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn run_page() {
    console_error_panic_hook::set_once();
    use wasm_bindgen::JsCast;
    let Some(el) = browser::document()
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        browser::log("candidat: no <main id=\"app\"> in the page");
        return;
    };
    el.set_inner_html("");
    let handle = mount_app_into(el, core::default_session(), true);
    std::mem::forget(handle);
}
