//! The checklist, in the contract's order, exactly as `evaluate` returns it: status, due
//! date, a tick box (ticks go into `situation.done`) and a "Pourquoi ?" with the notice's
//! sentence and section.

use leptos::prelude::*;

use super::use_ctx;
use crate::core::{ItemId, Status};
use crate::labels;

pub fn status_id(s: Status) -> &'static str {
    match s {
        Status::Done => "done",
        Status::Todo => "todo",
        Status::Late => "late",
        Status::Expired => "expired",
    }
}

#[component]
pub fn Checklist() -> impl IntoView {
    let ctx = use_ctx();
    let ids = Memo::new(move |_| {
        ctx.eval
            .with(|e| e.items.iter().map(|i| i.id).collect::<Vec<_>>())
    });
    view! {
        <section class="checklist card" aria-labelledby="checklist-h" data-testid="checklist">
            <h2 id="checklist-h">{move || ctx.ui().checklist}</h2>
            <ol class="items">
                <For each=move || ids.get() key=|id| *id let:id>
                    <ChecklistItem id=id/>
                </For>
            </ol>
        </section>
    }
}

#[component]
fn ChecklistItem(id: ItemId) -> impl IntoView {
    let ctx = use_ctx();
    let sit = ctx.situation;
    let tz = ctx.session.time_zone;
    let item = Memo::new(move |_| {
        ctx.eval
            .with(|e| e.items.iter().find(|i| i.id == id).cloned())
    });
    let status = move || item.with(|i| i.as_ref().map(|i| i.status).unwrap_or(Status::Todo));
    let ticked = move || sit.with(|s| s.done.contains(&id));
    // Done by an answer (e.g. the account's creation date), not by a tick.
    let implied = move || status() == Status::Done && !ticked();
    let box_id = format!("tick-{}", id.as_str());
    let why_text = move || {
        let at = ctx.eval.with(|e| e.at);
        sit.with(|s| item.with(|i| labels::why_item(ctx.lang(), ctx.session, s, i.as_ref(), at)))
    };
    view! {
        <li class="item" data-item=id.as_str() data-status=move || status_id(status())
            class:item-done=move || status() == Status::Done
            class:item-late=move || matches!(status(), Status::Late | Status::Expired)>
            <div class="item-head">
                <span class="print-box" aria-hidden="true">{move || if status() == Status::Done { "☑" } else { "☐" }}</span>
                <input type="checkbox" id=box_id.clone() data-testid=box_id.clone() class="tick"
                    prop:checked=move || ticked() || implied()
                    prop:disabled=implied
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        sit.try_update(|s| {
                            s.done.retain(|d| *d != id);
                            if on { s.done.push(id); s.done.sort(); }
                        });
                    }/>
                <label for=box_id class="item-label">{move || labels::item(ctx.lang(), ctx.session, id)}</label>
                <span class="status" data-testid=format!("status-{}", id.as_str())>{move || {
                    let u = ctx.ui();
                    match status() {
                        Status::Done => u.status_done,
                        Status::Todo => u.status_todo,
                        Status::Late => u.status_late,
                        Status::Expired => u.status_expired,
                    }
                }}</span>
            </div>
            <p class="due">{move || {
                let u = ctx.ui();
                let l = ctx.lang();
                let mut text = match item.with(|i| i.as_ref().and_then(|i| i.due)) {
                    Some(d) => format!("{} {}", u.due, labels::date_time(l, &d.with_timezone(&tz))),
                    None => u.no_due.to_string(),
                };
                if implied() {
                    text.push_str(&format!(" · {}", u.implied));
                }
                text
            }}</p>
            <details class="why">
                <summary>{move || ctx.ui().why}<span class="visually-hidden">{move || format!(" — {}", labels::item(ctx.lang(), ctx.session, id))}</span></summary>
                <p>{why_text}</p>
                <blockquote class="quote" lang="fr">{labels::quote(id)}</blockquote>
                <p class="source">{move || format!("{}{}{}", ctx.ui().source, ctx.ui().colon,
                    labels::sources(ctx.lang(), id, item.with(|i| i.as_ref().map(|i| i.rules).unwrap_or(&[]))))}</p>
            </details>
        </li>
    }
}
