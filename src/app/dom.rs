//! One element type for every view (ADR 0008).
//!
//! Leptos's `view!` gives every element tree its own Rust type, and the renderer is compiled
//! anew for each one (build, rebuild, mount, unmount…). That was two thirds of our wasm. Here
//! every element is the same type — a tag name, a list of type-erased attributes, a list of
//! type-erased children — and every reactive value is one of four shared closure types, so
//! the renderer is compiled once. The DOM produced is the same as with `view!`; the reactive
//! graph, effects and signals are still Leptos's own.
//!
//! # From `view!` to `El`
//!
//! | `view!` | here |
//! |---|---|
//! | `<p class="hint">"Texte"</p>` | `el("p").class("hint").text("Texte")` |
//! | `<p id="x" data-testid="x">` | `el("p").id("x").testid("x")` |
//! | `<input type="text" aria-describedby="h"/>` (any fixed attribute) | `.attr("type", "text").attr("aria-describedby", "h")` |
//! | `<label for=id>` with a `String` computed once | `.attr_owned("for", id)` |
//! | `<div lang=move \|\| …>` (an attribute that follows the state) | `.attr_dyn("lang", move \|\| …)` (a `&'static str`) |
//! | `class:done=move \|\| …` | `.toggle("done", move \|\| …)` (after `.class(…)`) |
//! | `prop:checked=move \|\| …` / `prop:disabled` / `prop:selected` | `.prop_bool("checked", move \|\| …)` |
//! | `prop:value=move \|\| …` | `.prop_text("value", move \|\| …)` |
//! | `on:click=move \|ev\| …` / `on:change` / `on:input` | `.on(ev::click, move \|ev\| …)`: a name not in [`ev`] does not compile |
//! | `{move \|\| ctx.text(…)}` (a fixed string of the interface) | `.text_dyn(ctx.text(\|u\| u.x))` |
//! | `{move \|\| format!(…)}` | `.text_fmt(move \|\| format!(…))` |
//! | `{"fixed"}` / `{computed_once}` | `.text("fixed")` / `.text_owned(string)` |
//! | a child element / a component `<Part/>` | `.child(part(ctx))` (a function returning `El`) or `.view(part())` (an `AnyView`) |
//! | `{items.map(\|i\| view!{…}).collect_view()}` | `.children(items.map(\|i\| el(…)))` |
//! | `{move \|\| …}` returning a view | `.view_dyn(move \|\| …)`, or `dyn_view(move \|\| …)` with no element around it |
//! | `<Show when=move \|\| cond>…</Show>` | `let shown = flag(move \|\| cond);` then `.view_dyn(move \|\| if shown.get() { part(ctx).into_view() } else { nothing() })`: rebuilt only when `cond` flips |
//! | `<For each=… key=…>` | not used (one copy costs ~3 KB gzip): a fixed slot per possible item, each behind a `flag` (the checklist), or a plain list rebuilt when its length changes (the épreuves) |
//! | `#[component] fn Part() -> impl IntoView` | `fn part(ctx: Ctx) -> El` (or `-> AnyView` for a part that is rebuilt as a whole) |
//!
//! A component is a plain function named after what it shows; it takes the `Ctx` (copied:
//! signals are handles) and returns an `El` its caller places with `.child(…)`.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos::tachys::html::class::class;
use leptos::tachys::html::element::custom;
use leptos::tachys::html::event::{on, Custom};
use leptos::tachys::html::property::prop;
use leptos::tachys::view::add_attr::AddAnyAttr;

/// Reactive values, by output type: one compiled renderer each.
pub type DynText = Arc<dyn Fn() -> String + Send + Sync>;
pub type DynStr = Arc<dyn Fn() -> &'static str + Send + Sync>;
pub type DynBool = Arc<dyn Fn() -> bool + Send + Sync>;
/// `AnyView` is not `Sync`: Leptos takes such closures behind a mutex.
pub type DynView = Arc<Mutex<dyn FnMut() -> AnyView + Send>>;

/// The DOM events the views listen to, as Leptos names them (`ev::click`). A misspelled
/// name does not compile; every event still goes through the one type-erased listener
/// (`El::on`), so a new event costs a name, not a compiled copy of the listener.
#[allow(non_upper_case_globals)]
pub mod ev {
    /// An event's name, known to be one of the constants below.
    #[derive(Clone, Copy)]
    pub struct Event(pub(super) &'static str);

    pub const click: Event = Event("click");
    pub const change: Event = Event("change");
    pub const input: Event = Event("input");
}

/// An element being built; `.into_view()` (or `view()`) turns it into a Leptos `AnyView`.
/// Boxed: the builder moves one pointer from call to call, not eight words.
#[must_use]
pub struct El(Box<Parts>);

struct Parts {
    tag: &'static str,
    attrs: Vec<AnyAttribute>,
    children: Vec<AnyView>,
}

/// Starts an element: `el("p").class("hint").text("…")`.
#[inline(never)]
pub fn el(tag: &'static str) -> El {
    El(Box::new(Parts {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }))
}

// Every method is one out-of-line call at its use site; a generic one only boxes its closure
// there and hands the erased value to a non-generic twin (`*_erased`).
impl El {
    fn with_attr(mut self, attr: AnyAttribute) -> Self {
        self.0.attrs.push(attr);
        self
    }
    fn with_child(mut self, child: AnyView) -> Self {
        self.0.children.push(child);
        self
    }
    /// A fixed attribute.
    #[inline(never)]
    pub fn attr(self, name: &'static str, value: &'static str) -> Self {
        self.with_attr(custom_attribute(name, value).into_any_attr())
    }
    /// A fixed attribute computed once.
    #[inline(never)]
    pub fn attr_owned(self, name: &'static str, value: String) -> Self {
        self.with_attr(custom_attribute(name, value).into_any_attr())
    }
    /// An attribute that follows the state.
    pub fn attr_dyn(
        self,
        name: &'static str,
        value: impl Fn() -> &'static str + Send + Sync + 'static,
    ) -> Self {
        self.attr_dyn_erased(name, Arc::new(value))
    }
    #[inline(never)]
    fn attr_dyn_erased(self, name: &'static str, value: DynStr) -> Self {
        self.with_attr(custom_attribute(name, value).into_any_attr())
    }
    #[inline(never)]
    pub fn class(self, value: &'static str) -> Self {
        self.attr("class", value)
    }
    #[inline(never)]
    pub fn id(self, value: &'static str) -> Self {
        self.attr("id", value)
    }
    #[inline(never)]
    /// The hook for tests and académies' scripts, also the block's `part` for theming
    /// (`candidat-checklist::part(verdict)`, README "Theming").
    pub fn testid(self, value: &'static str) -> Self {
        self.attr("data-testid", value).attr("part", value)
    }
    /// One class switched on and off by the state (`class:name=…`). After `.class()`.
    pub fn toggle(self, name: &'static str, on: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        self.toggle_erased(name, Arc::new(on))
    }
    #[inline(never)]
    fn toggle_erased(self, name: &'static str, on: DynBool) -> Self {
        self.with_attr(class((name, on)).into_any_attr())
    }
    /// A boolean DOM property that follows the state (`checked`, `disabled`, `selected`).
    pub fn prop_bool(
        self,
        name: &'static str,
        value: impl Fn() -> bool + Send + Sync + 'static,
    ) -> Self {
        self.prop_bool_erased(name, Arc::new(value))
    }
    #[inline(never)]
    fn prop_bool_erased(self, name: &'static str, value: DynBool) -> Self {
        self.with_attr(prop(name, value).into_any_attr())
    }
    /// A text DOM property that follows the state (`value`).
    pub fn prop_text(
        self,
        name: &'static str,
        value: impl Fn() -> String + Send + Sync + 'static,
    ) -> Self {
        self.prop_text_erased(name, Arc::new(value))
    }
    #[inline(never)]
    fn prop_text_erased(self, name: &'static str, value: DynText) -> Self {
        self.with_attr(prop(name, value).into_any_attr())
    }
    /// An event listener: `.on(ev::click, move |_| …)`.
    pub fn on(self, event: ev::Event, handler: impl Fn(web_sys::Event) + 'static) -> Self {
        self.on_erased(event.0, Box::new(handler))
    }
    #[inline(never)]
    fn on_erased(self, event: &'static str, handler: Box<dyn FnMut(web_sys::Event)>) -> Self {
        self.with_attr(on(Custom::<web_sys::Event>::new(event), handler).into_any_attr())
    }
    /// A child element.
    #[inline(never)]
    pub fn child(self, child: El) -> Self {
        self.with_child(child.into_view())
    }
    /// Children elements.
    pub fn children(mut self, children: impl IntoIterator<Item = El>) -> Self {
        for child in children {
            self = self.child(child);
        }
        self
    }
    /// Any view already erased (another part's `AnyView`).
    #[inline(never)]
    pub fn view(self, view: AnyView) -> Self {
        self.with_child(view)
    }
    /// A part of the tree that is rebuilt when the state changes (`{move || …}`).
    pub fn view_dyn(self, view: impl FnMut() -> AnyView + Send + 'static) -> Self {
        self.view(dyn_view(view))
    }
    /// Fixed text.
    #[inline(never)]
    pub fn text(self, text: &'static str) -> Self {
        self.with_child(text.into_any())
    }
    /// Text computed once.
    #[inline(never)]
    pub fn text_owned(self, text: String) -> Self {
        self.with_child(text.into_any())
    }
    /// Text that follows the state: one of the interface's fixed strings.
    pub fn text_dyn(self, text: impl Fn() -> &'static str + Send + Sync + 'static) -> Self {
        self.text_dyn_erased(Arc::new(text))
    }
    #[inline(never)]
    fn text_dyn_erased(self, text: DynStr) -> Self {
        self.with_child(text.into_any())
    }
    /// Text that follows the state, computed.
    pub fn text_fmt(self, text: impl Fn() -> String + Send + Sync + 'static) -> Self {
        self.text_fmt_erased(Arc::new(text))
    }
    #[inline(never)]
    fn text_fmt_erased(self, text: DynText) -> Self {
        self.with_child(text.into_any())
    }
    #[inline(never)]
    pub fn into_view(self) -> AnyView {
        let Parts {
            tag,
            attrs,
            children,
        } = *self.0;
        // Upper case, as the DOM reports `tagName`: when a part of the page is rebuilt, Leptos
        // updates an element in place only if its tag equals the old element's `tagName`
        // (else it replaces it, and the focus and an open <details> are lost). HTML documents
        // create the same lower-case element either way.
        custom(tag.to_ascii_uppercase())
            .add_any_attr(attrs)
            .child(children)
            .into_any()
    }
}

/// A part of the page rebuilt when the state changes, with no element around it.
pub fn dyn_view(view: impl FnMut() -> AnyView + Send + 'static) -> AnyView {
    dyn_view_erased(Arc::new(Mutex::new(view)))
}

#[inline(never)]
fn dyn_view_erased(view: DynView) -> AnyView {
    IntoAny::into_any(view)
}

/// A yes/no derived from the state that notifies only when it flips (a `Memo<bool>`). All of
/// them share one compiled memo, as elements share one element type.
pub fn flag(value: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
    flag_erased(Arc::new(value))
}

#[inline(never)]
fn flag_erased(value: DynBool) -> Memo<bool> {
    Memo::new(move |_| value())
}

/// Nothing (a branch that shows nothing).
pub fn nothing() -> AnyView {
    ().into_any()
}
