//! The checklist, in the contract's order, exactly as `evaluate` returns it: status, due
//! date, a tick box (ticks go into `situation.done`) and a "Pourquoi ?" with the notice's
//! sentence and section.

use leptos::prelude::*;

use super::dom::{dyn_view, el, ev, flag, nothing, El};
use super::{use_ctx, Ctx};
use crate::core::{Item, ItemId, Status};
use crate::labels;

pub fn checklist() -> AnyView {
    let ctx = use_ctx();
    // One slot per item of the contract, in the contract's order (the order `evaluate` keeps):
    // a slot shows its row while the item applies. An answer that adds or removes an item
    // rebuilds that row only; the others, and their open "Pourquoi ?", stay as they are.
    // Cheaper in wasm than a keyed `For`, and each rebuild drops reactive nodes that Leptos
    // 0.8 does not fully free (~110 B each; ADR 0008).
    // The session's declared pieces have their slots between attach-diploma and mail-file.
    let slots = ctx.session.item_ids().into_iter().map(|id| {
        let applies = flag(move || ctx.eval.with(|e| e.item(id).is_some()));
        dyn_view(move || {
            if applies.get() {
                checklist_item(id)
            } else {
                nothing()
            }
        })
    });
    el("section")
        .class("checklist card")
        .attr("aria-labelledby", "checklist-h")
        .testid("checklist")
        .child(
            el("h2")
                .id("checklist-h")
                .text_dyn(ctx.text(|u| u.checklist)),
        )
        .child(slots.fold(el("ol").class("items"), El::view))
        .into_view()
}

/// One row of the checklist: its head (tick box, label, status), its due date and its
/// "Pourquoi ?".
fn checklist_item(id: ItemId) -> AnyView {
    let ctx = use_ctx();
    let row = Row::new(ctx, id);
    let status = row.status();
    el("li")
        .class("item")
        .attr("data-item", id.as_str_in(ctx.session))
        .attr_dyn("data-status", move || status().as_str())
        .toggle("item-done", move || status() == Status::Done)
        .toggle("item-late", move || {
            matches!(status(), Status::Late | Status::Expired)
        })
        .child(item_head(row))
        .child(item_due(row))
        .child(item_why(row))
        .into_view()
}

/// What the parts of a row share: the item as `evaluate` returns it, kept in a memo.
#[derive(Clone, Copy)]
struct Row {
    ctx: Ctx,
    id: ItemId,
    item: Memo<Option<Item>>,
}

impl Row {
    fn new(ctx: Ctx, id: ItemId) -> Row {
        let item = Memo::new(move |_| ctx.eval.with(|e| e.item(id).cloned()));
        Row { ctx, id, item }
    }
    fn status(self) -> impl Fn() -> Status + Copy + Send + Sync + 'static {
        let item = self.item;
        move || item.with(|i| i.as_ref().map(|i| i.status).unwrap_or(Status::Todo))
    }
    fn ticked(self) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let (sit, id) = (self.ctx.situation, self.id);
        move || sit.with(|s| s.done.contains(&id))
    }
    /// Done by an answer (e.g. the account's creation date), not by a tick.
    fn implied(self) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
        let (status, ticked) = (self.status(), self.ticked());
        move || status() == Status::Done && !ticked()
    }
}

fn item_head(row: Row) -> El {
    let Row { ctx, id, .. } = row;
    let sit = ctx.situation;
    let (status, ticked, implied) = (row.status(), row.ticked(), row.implied());
    let box_id = format!("tick-{}", id.as_str_in(ctx.session));
    el("div")
        .class("fr-checkbox-group item-head")
        .child(
            el("span")
                .class("print-box")
                .attr("aria-hidden", "true")
                .text_dyn(move || {
                    if status() == Status::Done {
                        "☑"
                    } else {
                        "☐"
                    }
                }),
        )
        .child(
            el("input")
                .attr("type", "checkbox")
                .attr_owned("id", box_id.clone())
                .attr_owned("data-testid", box_id.clone())
                .class("tick")
                // Read with its status and due date (ids from the item's: one row per item).
                .attr_owned(
                    "aria-describedby",
                    format!("item-status-{0} item-due-{0}", id.as_str()),
                )
                .prop_bool("checked", move || ticked() || implied())
                .prop_bool("disabled", implied)
                .on(ev::change, move |ev| {
                    let on = event_target_checked(&ev);
                    sit.try_update(|s| {
                        s.done.retain(|d| *d != id);
                        if on {
                            s.done.push(id);
                            crate::core::small_sort::sort(&mut s.done);
                        }
                    });
                }),
        )
        .child(
            el("label")
                .attr_owned("for", box_id)
                .class("fr-label item-label")
                .text_dyn(move || labels::item(ctx.lang(), ctx.session, id)),
        )
        .child(
            el("span")
                .class("fr-badge fr-badge--sm status")
                .attr_owned("id", format!("item-status-{}", id.as_str_in(ctx.session)))
                .attr_owned(
                    "data-testid",
                    format!("status-{}", id.as_str_in(ctx.session)),
                )
                .text_dyn(move || {
                    let u = ctx.ui();
                    match status() {
                        Status::Done => u.status_done,
                        Status::Todo => u.status_todo,
                        Status::Late => u.status_late,
                        Status::Expired => u.status_expired,
                    }
                }),
        )
}

fn item_due(row: Row) -> El {
    let Row { ctx, id, item } = row;
    let tz = ctx.session.time_zone;
    let implied = row.implied();
    let due_id = format!("item-due-{}", id.as_str());
    el("p")
        .class("due")
        .attr_owned("id", due_id)
        .text_fmt(move || {
            let u = ctx.ui();
            let l = ctx.lang();
            let mut text = match item.with(|i| i.as_ref().and_then(|i| i.due)) {
                Some(d) => format!("{} {}", u.due, labels::date_time(l, &d.with_timezone(&tz))),
                None => u.no_due.to_string(),
            };
            if implied() {
                text.push_str(" · ");
                text.push_str(u.implied);
            }
            text
        })
}

/// "Pourquoi ?": the sentence for this candidate, the notice's words and its sections.
fn item_why(row: Row) -> El {
    let Row { ctx, id, item } = row;
    let sit = ctx.situation;
    let why_text = move || {
        let at = ctx.eval.with(|e| e.at);
        sit.with(|s| item.with(|i| labels::why_item(ctx.lang(), ctx.session, s, i.as_ref(), at)))
    };
    el("details")
        .class("why")
        .child(
            el("summary").text_dyn(ctx.text(|u| u.why)).child(
                el("span")
                    .class("visually-hidden")
                    .text_fmt(move || format!(" — {}", labels::item(ctx.lang(), ctx.session, id))),
            ),
        )
        .child(el("p").text_fmt(why_text))
        .child(el("p").class("source").text_fmt(move || {
            let u = ctx.ui();
            format!("{}{}{}", u.source, u.colon, labels::section(ctx.lang(), id))
        }))
}
