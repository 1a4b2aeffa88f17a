//! The envelope (address ready to copy and print) or, for upload sessions, upload
//! instructions; and the session file's links and contact.

use leptos::prelude::*;

use super::dom::{dyn_view, el, ev, El};
use super::{use_ctx, Ctx};
use crate::browser;
use crate::core::session::Contact;
use crate::labels;
use crate::ui_text::fill;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copy {
    Idle,
    Done,
    Failed,
}

pub fn envelope() -> AnyView {
    let ctx = use_ctx();
    let session = ctx.session;
    let copied = RwSignal::new(Copy::Idle);
    let address = Memo::new(move |_| {
        // A French postal address: the diploma's title stays French whatever the page language.
        ctx.situation
            .with(|s| session.address_for(&labels::diploma_title(crate::core::Lang::Fr, s)))
    });
    dyn_view(move || match address.get() {
        Some(lines) => post(ctx, lines, copied),
        None => upload(ctx),
    })
}

/// Sessions where the file is posted: the address, the deadline, a copy button.
fn post(ctx: Ctx, lines: Vec<String>, copied: RwSignal<Copy>) -> AnyView {
    let u = ctx.ui();
    let text = lines.join("\n");
    let deadline = fill(
        "{date}",
        &[(
            "date",
            &labels::date(ctx.lang(), &ctx.session.return_closes),
        )],
    );
    el("section")
        .class("envelope card")
        .id("envelope")
        .testid("envelope")
        .attr("data-mode", "post")
        .attr("aria-labelledby", "envelope-h")
        .child(el("h2").id("envelope-h").text(u.envelope))
        .child(el("p").text(u.envelope_intro))
        .child(
            el("address").class("address").testid("address").children(
                lines
                    .into_iter()
                    .map(|line| el("span").class("address-line").text_owned(line)),
            ),
        )
        .child(
            el("p")
                .class("send-by")
                .child(el("strong").text_owned(format!("{} {}", u.due, deadline))),
        )
        .child(el("p").class("advice").text(u.send_advice))
        .child(
            el("button")
                .attr("type", "button")
                .class("fr-btn fr-btn--secondary no-print")
                .testid("copy-address")
                .on(ev::click, move |_| {
                    let text = text.clone();
                    leptos::task::spawn_local(async move {
                        let r = browser::copy_text(text).await;
                        let _ = copied.try_set(if r.is_ok() { Copy::Done } else { Copy::Failed });
                    });
                })
                .text(u.copy_address),
        )
        .child(
            el("p")
                .class("copy-status no-print")
                .attr("role", "status")
                .text_dyn(move || match copied.get() {
                    Copy::Idle => "",
                    Copy::Done => ctx.ui().copied,
                    Copy::Failed => ctx.ui().copy_failed,
                }),
        )
        .into_view()
}

/// Sessions where the documents are uploaded in Cyclades: no envelope.
fn upload(ctx: Ctx) -> AnyView {
    let u = ctx.ui();
    let session = ctx.session;
    let mut section = el("section")
        .class("envelope card")
        .id("envelope")
        .testid("envelope")
        .attr("data-mode", "upload")
        .attr("aria-labelledby", "envelope-h")
        .child(el("h2").id("envelope-h").text(u.upload_heading))
        .child(el("p").text(u.upload_text));
    if let Some(t) = session.return_instructions.clone() {
        section = section.child(
            el("p")
                .class("instructions")
                .testid("return-instructions")
                .text_owned(t),
        );
    }
    let cyclades = session.links.cyclades.clone();
    section
        .child(
            el("p").child(
                el("a")
                    .attr_owned("href", cyclades.clone())
                    .text_owned(cyclades),
            ),
        )
        .into_view()
}

pub fn links() -> AnyView {
    let ctx = use_ctx();
    let links = &ctx.session.links;
    let link = move |label: fn(&crate::ui_text::Ui) -> &'static str,
                     href: String,
                     testid: &'static str| {
        el("li").child(
            el("a")
                .attr_owned("href", href)
                .testid(testid)
                .text_dyn(ctx.text(label)),
        )
    };
    let mut list = el("ul")
        .child(link(
            |u| u.link_cyclades,
            links.cyclades.clone(),
            "link-cyclades",
        ))
        .child(link(
            |u| u.link_academie,
            links.academie.clone(),
            "link-academie",
        ));
    if let Some(h) = links.notice.clone() {
        list = list.child(link(|u| u.link_notice, h, "link-notice"));
    }
    if let Some(h) = links.accommodation.clone() {
        list = list.child(link(|u| u.link_accommodation, h, "link-accommodation"));
    }
    let mut section = el("section")
        .class("links card")
        .attr("aria-labelledby", "links-h")
        .testid("links")
        .child(el("h2").id("links-h").text_dyn(ctx.text(|u| u.links)))
        .child(list.child(link(
            |u| u.link_eduscol,
            links.eduscol.clone(),
            "link-eduscol",
        )));
    if let Some(c) = &ctx.session.contact {
        section = section.child(contact(ctx, c));
    }
    section.into_view()
}

/// "Contacter le service des examens : <e-mail>, <phone>, <page> (hours)": the session's
/// `contact`, each way to reach the office a link (`mailto:`, `tel:`, the page).
fn contact(ctx: Ctx, c: &Contact) -> El {
    let mut p = el("p").testid("contact").text_dyn(ctx.text(|u| u.contact));
    let mut sep = " ";
    for (href, text) in c.ways() {
        let a = el("a").attr_owned("href", href);
        let a = match text {
            Some(t) => a.text_owned(t),
            None => a.text_dyn(ctx.text(|u| u.contact_page)),
        };
        p = p.text(sep).child(a);
        sep = ", ";
    }
    if let Some(h) = &c.hours {
        p = p.text_owned(format!(" ({h})"));
    }
    p
}
