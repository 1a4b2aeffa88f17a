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

/// The prefix of one session's keys: `candidat:<session-id>:`. Two widgets of different
/// sessions on one page never read or erase each other's answers.
pub fn session_prefix(session_id: &str) -> String {
    format!("{PREFIX}{session_id}:")
}

/// `key` without the session's prefix (`situation` → `candidat:<session-id>:situation`).
pub fn storage_get(session_id: &str, key: &str) -> Option<String> {
    storage()?
        .get_item(&format!("{}{key}", session_prefix(session_id)))
        .ok()
        .flatten()
}

pub fn storage_set(session_id: &str, key: &str, value: &str) -> bool {
    storage()
        .map(|s| {
            s.set_item(&format!("{}{key}", session_prefix(session_id)), value)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Every key starting with `candidat:` (full names).
pub fn storage_keys() -> Vec<String> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX))
        .collect()
}

/// Remove every key the product wrote, whatever the session ("Effacer mes réponses").
pub fn storage_clear_ours() {
    if let Some(s) = storage() {
        for k in storage_keys() {
            let _ = s.remove_item(&k);
        }
    }
}

/// Remove this session's keys only (switching "remember" off, expired or unreadable answers).
pub fn storage_clear_session(session_id: &str) {
    let prefix = session_prefix(session_id);
    if let Some(s) = storage() {
        for k in storage_keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
        {
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

/// Take the fragment out of the address bar (`history.replaceState`: no new history entry,
/// path and query kept), once the share link has been read: the answers it carries do not
/// stay in the address bar, in a bookmark or in a screenshot.
pub fn remove_fragment() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&page_url_without_hash()),
        );
    }
}

/// The page's address without its fragment (the share link's base).
pub fn page_url_without_hash() -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// A parameter of the page's query string (`?session=…&lang=…&embed=…`), decoded.
pub fn query_param(name: &str) -> Option<String> {
    let href = window()?.location().href().ok()?;
    web_sys::Url::new(&href).ok()?.search_params().get(name)
}

/// The standalone page's address for the share link: this page without its fragment and
/// without `embed` (a shared link opens the full page, not the iframe version).
pub fn standalone_url() -> String {
    let base = page_url_without_hash();
    let Ok(url) = web_sys::Url::new(&base) else {
        return base;
    };
    url.search_params().delete("embed");
    // `URLSearchParams.delete` leaves a bare "?" when it removed the last parameter.
    let href = url.href();
    href.strip_suffix('?').map(str::to_string).unwrap_or(href)
}

/// `url` resolved against the document's base URL (a widget's `page` option may be relative).
pub fn absolute_url(url: &str) -> String {
    let base = document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// `<… id=…>` as an HTML element.
pub fn html_element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// The standalone page shows its session's académie in the DSFR header (`#header-academie`,
/// written at build time for the default session) and lifts the `data-other-session` mark
/// that hid it (www/early.js) once the app shows that session's own dates.
pub fn show_academie_in_header(name: &str) {
    if let Some(h) = html_element_by_id("header-academie") {
        h.set_text_content(Some(name));
    }
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.remove_attribute("data-other-session");
    }
}

/// Empty an element (before mounting into it, after unmounting).
pub fn clear(el: &web_sys::HtmlElement) {
    el.set_inner_html("");
}

/// `options[name]` of a JS options object (`undefined` when absent or not an object).
pub fn js_field(options: &wasm_bindgen::JsValue, name: &str) -> wasm_bindgen::JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &wasm_bindgen::JsValue::from_str(name))
            .unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
    } else {
        wasm_bindgen::JsValue::UNDEFINED
    }
}

/// The own enumerable keys of a JS object (`Object.keys`); none when it is not an object.
pub fn js_keys(value: &wasm_bindgen::JsValue) -> Vec<String> {
    if !value.is_object() {
        return Vec::new();
    }
    js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect()
}

/// `JSON.stringify(value)`, `None` when it cannot be (cycles, BigInt…).
pub fn json_stringify(value: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
}

/// Replace an element's content by one paragraph of text (the widget's loading state).
pub fn set_text(el: &web_sys::HtmlElement, class: &str, text: &str) {
    el.set_inner_html("");
    if let Some(d) = document() {
        if let Ok(p) = d.create_element("p") {
            p.set_class_name(class);
            p.set_text_content(Some(text));
            let _ = el.append_child(&p);
        }
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
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|_| ())
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

pub fn error(msg: &str) {
    web_sys::console::error_1(&msg.into());
}
