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

// The erased pieces, each built by one out-of-line function: the builder methods below stay
// a call each, wherever they are used.
#[inline(never)]
fn fixed_attr(name: &'static str, value: &'static str) -> AnyAttribute {
    custom_attribute(name, value).into_any_attr()
}
#[inline(never)]
fn owned_attr(name: &'static str, value: String) -> AnyAttribute {
    custom_attribute(name, value).into_any_attr()
}
#[inline(never)]
fn str_attr(name: &'static str, value: DynStr) -> AnyAttribute {
    custom_attribute(name, value).into_any_attr()
}
#[inline(never)]
fn text_attr(name: &'static str, value: DynText) -> AnyAttribute {
    custom_attribute(name, value).into_any_attr()
}
#[inline(never)]
fn class_toggle(name: &'static str, on: DynBool) -> AnyAttribute {
    class((name, on)).into_any_attr()
}
#[inline(never)]
fn bool_prop(name: &'static str, value: DynBool) -> AnyAttribute {
    prop(name, value).into_any_attr()
}
#[inline(never)]
fn text_prop(name: &'static str, value: DynText) -> AnyAttribute {
    prop(name, value).into_any_attr()
}
#[inline(never)]
fn listener(event: &'static str, handler: Box<dyn FnMut(web_sys::Event)>) -> AnyAttribute {
    on(Custom::<web_sys::Event>::new(event), handler).into_any_attr()
}
#[inline(never)]
fn fixed_text(text: &'static str) -> AnyView {
    text.into_any()
}
#[inline(never)]
fn owned_text(text: String) -> AnyView {
    text.into_any()
}
#[inline(never)]
fn str_text(text: DynStr) -> AnyView {
    text.into_any()
}
#[inline(never)]
fn text_text(text: DynText) -> AnyView {
    text.into_any()
}
#[inline(never)]
fn view_of(view: DynView) -> AnyView {
    IntoAny::into_any(view)
}

impl El {
    #[inline(never)]
    fn with_attr(mut self, attr: AnyAttribute) -> Self {
        self.attrs.push(attr);
        self
    }
    #[inline(never)]
    fn with_child(mut self, child: AnyView) -> Self {
        self.children.push(child);
        self
    }
    /// A fixed attribute.
    pub fn attr(self, name: &'static str, value: &'static str) -> Self {
        self.with_attr(fixed_attr(name, value))
    }
    /// A fixed attribute computed once.
    pub fn attr_owned(self, name: &'static str, value: String) -> Self {
        self.with_attr(owned_attr(name, value))
    }
    /// An attribute that follows the state.
    pub fn attr_dyn(
        self,
        name: &'static str,
        value: impl Fn() -> &'static str + Send + Sync + 'static,
    ) -> Self {
        self.with_attr(str_attr(name, Arc::new(value)))
    }
    /// An attribute computed from the state (a `String`).
    pub fn attr_text(
        self,
        name: &'static str,
        value: impl Fn() -> String + Send + Sync + 'static,
    ) -> Self {
        self.with_attr(text_attr(name, Arc::new(value)))
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
    pub fn toggle(self, name: &'static str, on: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        self.with_attr(class_toggle(name, Arc::new(on)))
    }
    /// A boolean DOM property that follows the state (`checked`, `disabled`, `selected`).
    pub fn prop_bool(
        self,
        name: &'static str,
        value: impl Fn() -> bool + Send + Sync + 'static,
    ) -> Self {
        self.with_attr(bool_prop(name, Arc::new(value)))
    }
    /// A text DOM property that follows the state (`value`).
    pub fn prop_text(
        self,
        name: &'static str,
        value: impl Fn() -> String + Send + Sync + 'static,
    ) -> Self {
        self.with_attr(text_prop(name, Arc::new(value)))
    }
    /// An event listener (`click`, `change`, `input`…).
    pub fn on(self, event: &'static str, handler: impl Fn(web_sys::Event) + 'static) -> Self {
        self.with_attr(listener(event, Box::new(handler)))
    }
    /// A child element.
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
    /// Any view (a component, `For`…), already erased.
    pub fn view(self, view: AnyView) -> Self {
        self.with_child(view)
    }
    /// A part of the tree that is rebuilt when the state changes (`{move || …}`).
    pub fn view_dyn(self, view: impl FnMut() -> AnyView + Send + 'static) -> Self {
        self.with_child(dyn_view(view))
    }
    /// Fixed text.
    pub fn text(self, text: &'static str) -> Self {
        self.with_child(fixed_text(text))
    }
    /// Text computed once.
    pub fn text_owned(self, text: String) -> Self {
        self.with_child(owned_text(text))
    }
    /// Text that follows the state: one of the interface's fixed strings.
    pub fn text_dyn(self, text: impl Fn() -> &'static str + Send + Sync + 'static) -> Self {
        self.with_child(str_text(Arc::new(text)))
    }
    /// Text that follows the state, computed.
    pub fn text_fmt(self, text: impl Fn() -> String + Send + Sync + 'static) -> Self {
        self.with_child(text_text(Arc::new(text)))
    }
    #[inline(never)]
    pub fn into_view(self) -> AnyView {
        custom(self.tag)
            .add_any_attr(self.attrs)
            .child(self.children)
            .into_any()
    }
}

/// A part of the page rebuilt when the state changes, with no element around it.
pub fn dyn_view(view: impl FnMut() -> AnyView + Send + 'static) -> AnyView {
    view_of(Arc::new(Mutex::new(view)))
}

/// Nothing (a branch that shows nothing).
pub fn nothing() -> AnyView {
    ().into_any()
}
