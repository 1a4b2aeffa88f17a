//! Every contact with the browser (clock, localStorage, clipboard, download, location hash,
//! print, document language) in one place. Each function fails quietly (returns `None`,
//! `false` or an `Err`) rather than panicking: a panic would kill every widget on the page.

use chrono::{DateTime, TimeZone, Utc};
use wasm_bindgen::JsCast;

/// Every key this product writes starts with this prefix.
pub const PREFIX: &str = "candidat:";

pub fn now() -> DateTime<Utc> {
    let ms = js_sys::Date::now() as i64;
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// `key` without the prefix.
pub fn storage_get(key: &str) -> Option<String> {
    storage()?.get_item(&format!("{PREFIX}{key}")).ok().flatten()
}

pub fn storage_set(key: &str, value: &str) -> bool {
    storage().map(|s| s.set_item(&format!("{PREFIX}{key}"), value).is_ok()).unwrap_or(false)
}

/// Every key starting with `candidat:` (full names).
pub fn storage_keys() -> Vec<String> {
    let Some(s) = storage() else { return Vec::new() };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(PREFIX)).collect()
}

/// Remove every key the product wrote.
pub fn storage_clear_ours() {
    if let Some(s) = storage() {
        for k in storage_keys() {
            let _ = s.remove_item(&k);
        }
    }
}

/// The fragment, without `#` ("" when none).
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The page's address without its fragment (the share link's base).
pub fn page_url_without_hash() -> String {
    let href = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

pub fn set_document_lang(lang: &str, title: &str) {
    if let Some(d) = document() {
        if let Some(root) = d.document_element() {
            let _ = root.set_attribute("lang", lang);
        }
        d.set_title(title);
    }
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Copy text; `Ok` once the browser confirms.
pub async fn copy_text(text: String) -> Result<(), ()> {
    let w = window().ok_or(())?;
    let clipboard = w.navigator().clipboard();
    if clipboard.is_undefined() {
        return Err(());
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.map(|_| ()).map_err(|_| ())
}

/// Offer `text` as a file download (Blob + object URL + a temporary `<a download>`).
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    fn inner(filename: &str, mime: &str, text: &str) -> Option<()> {
        let doc = document()?;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(filename);
        a.set_hidden(true);
        let body = doc.body()?;
        body.append_child(&a).ok()?;
        a.click();
        let _ = body.remove_child(&a);
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    }
    inner(filename, mime, text).is_some()
}

pub fn log(msg: &str) {
    web_sys::console::log_1(&msg.into());
}
