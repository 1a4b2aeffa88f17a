//! The envelope (address ready to copy and print) or, for upload sessions, upload
//! instructions; and the session file's links.

use leptos::prelude::*;

use super::use_ctx;
use crate::browser;
use crate::labels;
use crate::ui_text::fill;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copy {
    Idle,
    Done,
    Failed,
}

#[component]
pub fn Envelope() -> impl IntoView {
    let ctx = use_ctx();
    let session = ctx.session;
    let copied = RwSignal::new(Copy::Idle);
    let address = Memo::new(move |_| {
        // A French postal address: the diploma's title stays French whatever the page language.
        ctx.situation
            .with(|s| session.address_for(&labels::diploma_title(crate::core::Lang::Fr, s)))
    });
    move || {
        let u = ctx.ui();
        let l = ctx.lang();
        match address.get() {
            Some(lines) => {
                let text = lines.join("\n");
                let deadline = fill("{date}", &[("date", &labels::date(l, &session.return_closes))]);
                view! {
                    <section class="envelope card" id="envelope" data-testid="envelope" data-mode="post" aria-labelledby="envelope-h">
                        <h2 id="envelope-h">{u.envelope}</h2>
                        <p>{u.envelope_intro}</p>
                        <address class="address" data-testid="address">
                            {lines.into_iter().map(|line| view! { <span class="address-line">{line}</span> }).collect_view()}
                        </address>
                        <p class="send-by"><strong>{format!("{} {}", u.due, deadline)}</strong></p>
                        <p class="advice">{u.send_advice}</p>
                        <button type="button" class="btn btn-secondary no-print" data-testid="copy-address"
                            on:click=move |_| {
                                let text = text.clone();
                                leptos::task::spawn_local(async move {
                                    let r = browser::copy_text(text).await;
                                    let _ = copied.try_set(if r.is_ok() { Copy::Done } else { Copy::Failed });
                                });
                            }>
                            {u.copy_address}
                        </button>
                        <p class="copy-status no-print" role="status">{move || match copied.get() {
                            Copy::Idle => "",
                            Copy::Done => ctx.ui().copied,
                            Copy::Failed => ctx.ui().copy_failed,
                        }}</p>
                    </section>
                }.into_any()
            }
            None => view! {
                <section class="envelope card" id="envelope" data-testid="envelope" data-mode="upload" aria-labelledby="envelope-h">
                    <h2 id="envelope-h">{u.upload_heading}</h2>
                    <p>{u.upload_text}</p>
                    {session.return_instructions.clone().map(|t| view! { <p class="instructions" data-testid="return-instructions">{t}</p> })}
                    <p><a href=session.links.cyclades.clone()>{session.links.cyclades.clone()}</a></p>
                </section>
            }.into_any(),
        }
    }
}

#[component]
pub fn Links() -> impl IntoView {
    let ctx = use_ctx();
    let links = &ctx.session.links;
    let link = move |label: fn(&crate::ui_text::Ui) -> &'static str,
                     href: String,
                     testid: &'static str| {
        view! { <li><a href=href data-testid=testid>{move || label(ctx.ui())}</a></li> }
    };
    view! {
        <section class="links card" aria-labelledby="links-h" data-testid="links">
            <h2 id="links-h">{ctx.text(|u| u.links)}</h2>
            <ul>
                {link(|u| u.link_cyclades, links.cyclades.clone(), "link-cyclades")}
                {link(|u| u.link_academie, links.academie.clone(), "link-academie")}
                {links.accommodation.clone().map(|h| link(|u| u.link_accommodation, h, "link-accommodation"))}
                {link(|u| u.link_eduscol, links.eduscol.clone(), "link-eduscol")}
            </ul>
        </section>
    }
}
