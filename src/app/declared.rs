//! Session files version 2 on the page (ADR 0014, 0016): the yes/no questions an académie
//! declares, asked only when a piece or an eligibility condition depends on them, the
//! eligibility ones first (`Session::asked_questions`). Only in the `v2` engine.

use leptos::prelude::*;

use super::dom::{el, ev, El};
use super::Ctx;
use crate::core::declared::{Question, Text};
use crate::core::Lang;

/// The declared questions, or nothing when the session asks none.
pub fn declared_questions(ctx: Ctx) -> Option<El> {
    let asked = ctx.session.asked_questions();
    if asked.is_empty() {
        return None;
    }
    let questions = ctx.session.questions();
    Some(
        el("div")
            .class("declared-questions")
            .testid("declared-questions")
            .children(
                asked
                    .into_iter()
                    .filter_map(|q| Some((q, questions.get(usize::from(q))?)))
                    .map(|(q, question)| declared_question(ctx, q, question)),
            ),
    )
}

/// The exam office's words in the page's language, marked `lang="fr"` when the file has no
/// English (the screen reader then reads them as French).
fn office_text(ctx: Ctx, tag: &'static str, class: &'static str, text: &'static Text) -> El {
    el(tag)
        .class(class)
        .text_dyn(move || text.get(ctx.lang()))
        // Always a language: `lang=""` would say "unknown" to assistive technology.
        .attr_dyn("lang", move || match ctx.lang() {
            Lang::En if !text.is_french_in(Lang::En) => "en",
            _ => "fr",
        })
}

/// One question: a fieldset with "Oui" / "Non"; unanswered until the candidate picks one.
fn declared_question(ctx: Ctx, q: u16, question: &'static Question) -> El {
    let group = format!("question-{}", question.id);
    let answer = |yes: bool| {
        let sit = ctx.situation;
        let id = format!("{group}-{}", if yes { "yes" } else { "no" });
        el("div")
            .class("fr-radio-group radio")
            .child(
                el("input")
                    .attr("type", "radio")
                    .attr_owned("id", id.clone())
                    .attr_owned("name", group.clone())
                    .attr("value", if yes { "yes" } else { "no" })
                    .attr_owned("data-testid", id.clone())
                    .prop_bool("checked", move || sit.with(|s| s.answer(q) == Some(yes)))
                    .on(ev::change, move |_| {
                        sit.try_update(|s| s.set_answer(q, Some(yes)));
                    }),
            )
            .child(
                el("label")
                    .class("fr-label")
                    .attr_owned("for", id)
                    .text_dyn(move || match (ctx.lang(), yes) {
                        (Lang::Fr, true) => "Oui",
                        (Lang::Fr, false) => "Non",
                        (Lang::En, true) => "Yes",
                        (Lang::En, false) => "No",
                    }),
            )
    };
    let fieldset = el("fieldset")
        .class("fr-fieldset field")
        .attr_owned("data-testid", group.clone())
        .attr_owned("data-question", question.id.clone())
        .child(office_text(
            ctx,
            "legend",
            "fr-fieldset__legend",
            &question.label,
        ));
    let fieldset = match &question.help {
        Some(help) => fieldset.child(office_text(ctx, "p", "fr-hint-text hint", help)),
        None => fieldset,
    };
    fieldset.child(answer(true)).child(answer(false))
}
