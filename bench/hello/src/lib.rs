//! A Leptos 0.8 counter, mounted into `<main id="app">` like candidat, with a `data-phase`
//! attribute so the bench waits for the same selector (`#app [data-phase]`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[component]
fn Counter() -> impl IntoView {
    let (count, set_count) = signal(0u32);
    view! {
        <div data-phase="hello">
            <button type="button" on:click=move |_| set_count.update(|n| *n += 1)>
                "Clicked " {count} " times"
            </button>
        </div>
    }
}

#[wasm_bindgen]
pub fn run_page() {
    let Some(el) = document().get_element_by_id("app").and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok()) else {
        return;
    };
    el.set_inner_html("");
    leptos::mount::mount_to(el, Counter).forget();
}
