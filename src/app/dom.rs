//! One element type for every view (ADR 0008).
//!
//! Leptos's `view!` gives every element tree its own Rust type, and the renderer is compiled
//! anew for each one (build, rebuild, mount, unmount…). That was two thirds of our wasm. Here
//! every element is the same type — a tag name, a list of type-erased attributes, a list of
//! type-erased children — and every reactive value is one of four shared closure types, so
//! the renderer is compiled once. The DOM produced is the same as with `view!`; the reactive
//! graph, `For`, effects and signals are still Leptos's own.

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

/// An element being built; `.into_view()` (or `view()`) turns it into a Leptos `AnyView`.
#[must_use]
pub struct El {
    tag: &'static str,
    attrs: Vec<AnyAttribute>,
    children: Vec<AnyView>,
}

/// Starts an element: `el("p").class("hint").text("…")`.
pub fn el(tag: &'static str) -> El {
    El {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

impl El {
    /// A fixed attribute.
    pub fn attr(mut self, name: &'static str, value: &'static str) -> Self {
        self.attrs
            .push(custom_attribute(name, value).into_any_attr());
        self
    }
    /// A fixed attribute computed once.
    pub fn attr_owned(mut self, name: &'static str, value: String) -> Self {
        self.attrs
            .push(custom_attribute(name, value).into_any_attr());
        self
    }
    /// An attribute that follows the state.
    pub fn attr_dyn(
        mut self,
        name: &'static str,
        value: impl Fn() -> &'static str + Send + Sync + 'static,
    ) -> Self {
        let f: DynStr = Arc::new(value);
        self.attrs.push(custom_attribute(name, f).into_any_attr());
        self
    }
    /// An attribute computed from the state (a `String`).
    pub fn attr_text(
        mut self,
        name: &'static str,
        value: impl Fn() -> String + Send + Sync + 'static,
    ) -> Self {
        let f: DynText = Arc::new(value);
        self.attrs.push(custom_attribute(name, f).into_any_attr());
        self
    }
    pub fn class(self, value: &'static str) -> Self {
        self.attr("class", value)
    }
    pub fn id(self, value: &'static str) -> Self {
        self.attr("id", value)
    }
    pub fn testid(self, value: &'static str) -> Self {
        self.attr("data-testid", value)
    }
    /// One class switched on and off by the state (`class:name=…`). After `.class()`.
    pub fn toggle(
        mut self,
        name: &'static str,
        on: impl Fn() -> bool + Send + Sync + 'static,
    ) -> Self {
        let f: DynBool = Arc::new(on);
        self.attrs.push(class((name, f)).into_any_attr());
        self
    }
    /// A boolean DOM property that follows the state (`checked`, `disabled`).
    pub fn prop_bool(
        mut self,
        name: &'static str,
        value: impl Fn() -> bool + Send + Sync + 'static,
    ) -> Self {
        let f: DynBool = Arc::new(value);
        self.attrs.push(prop(name, f).into_any_attr());
        self
    }
    /// A text DOM property that follows the state (`value`).
    pub fn prop_text(
        mut self,
        name: &'static str,
        value: impl Fn() -> String + Send + Sync + 'static,
    ) -> Self {
        let f: DynText = Arc::new(value);
        self.attrs.push(prop(name, f).into_any_attr());
        self
    }
    /// An event listener (`click`, `change`, `input`…).
    pub fn on(mut self, event: &'static str, handler: impl Fn(web_sys::Event) + 'static) -> Self {
        let cb: Box<dyn FnMut(web_sys::Event)> = Box::new(handler);
        self.attrs
            .push(on(Custom::<web_sys::Event>::new(event), cb).into_any_attr());
        self
    }
    /// A child element.
    pub fn child(mut self, child: El) -> Self {
        self.children.push(child.into_view());
        self
    }
    /// Children elements.
    pub fn children(mut self, children: impl IntoIterator<Item = El>) -> Self {
        self.children
            .extend(children.into_iter().map(El::into_view));
        self
    }
    /// Any view (a component, `For`…), already erased.
    pub fn view(mut self, view: AnyView) -> Self {
        self.children.push(view);
        self
    }
    /// A part of the tree that is rebuilt when the state changes (`{move || …}`).
    pub fn view_dyn(mut self, view: impl FnMut() -> AnyView + Send + 'static) -> Self {
        self.children.push(dyn_view(view));
        self
    }
    /// Fixed text.
    pub fn text(mut self, text: &'static str) -> Self {
        self.children.push(text.into_any());
        self
    }
    /// Text computed once.
    pub fn text_owned(mut self, text: String) -> Self {
        self.children.push(text.into_any());
        self
    }
    /// Text that follows the state: a fixed string of either language, or any string.
    pub fn text_dyn(mut self, text: impl Fn() -> &'static str + Send + Sync + 'static) -> Self {
        let f: DynStr = Arc::new(text);
        self.children.push(f.into_any());
        self
    }
    pub fn text_fmt(mut self, text: impl Fn() -> String + Send + Sync + 'static) -> Self {
        let f: DynText = Arc::new(text);
        self.children.push(f.into_any());
        self
    }
    pub fn into_view(self) -> AnyView {
        custom(self.tag)
            .add_any_attr(self.attrs)
            .child(self.children)
            .into_any()
    }
}

/// A part of the page rebuilt when the state changes, with no element around it.
pub fn dyn_view(view: impl FnMut() -> AnyView + Send + 'static) -> AnyView {
    let f: DynView = Arc::new(Mutex::new(view));
    IntoAny::into_any(f)
}

/// Nothing (a branch that shows nothing).
pub fn nothing() -> AnyView {
    ().into_any()
}
