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

/// One question: a fieldset with "Oui", "Non" and "Je ne sais pas" (not answered: a piece that
/// depends on it stays listed, DOMAIN.md), the last one checked until the candidate answers,
/// and always there to go back to.
fn declared_question(ctx: Ctx, q: u16, question: &'static Question) -> El {
    let group = format!("question-{}", question.id);
    let hint = question.help.as_ref().map(|_| format!("{group}-hint"));
    let answer = |value: Option<bool>| {
        let sit = ctx.situation;
        let key = match value {
            Some(true) => "yes",
            Some(false) => "no",
            None => "unknown",
        };
        let id = format!("{group}-{key}");
        let input = el("input")
            .attr("type", "radio")
            .attr_owned("id", id.clone())
            .attr_owned("name", group.clone())
            .attr("value", key)
            .attr_owned("data-testid", id.clone())
            .prop_bool("checked", move || sit.with(|s| s.answer(q) == value))
            .on(ev::change, move |_| {
                sit.try_update(|s| s.set_answer(q, value));
            });
        let input = match &hint {
            Some(hint) => input.attr_owned("aria-describedby", hint.clone()),
            None => input,
        };
        el("div").class("fr-radio-group radio").child(input).child(
            el("label")
                .class("fr-label")
                .attr_owned("for", id)
                .text_dyn(move || match (ctx.lang(), value) {
                    (Lang::Fr, Some(true)) => "Oui",
                    (Lang::Fr, Some(false)) => "Non",
                    (Lang::Fr, None) => "Je ne sais pas",
                    (Lang::En, Some(true)) => "Yes",
                    (Lang::En, Some(false)) => "No",
                    (Lang::En, None) => "I don't know",
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
    let fieldset = match (&question.help, hint.clone()) {
        (Some(help), Some(hint)) => {
            fieldset.child(office_text(ctx, "p", "fr-hint-text hint", help).attr_owned("id", hint))
        }
        _ => fieldset,
    };
    fieldset
        .child(answer(Some(true)))
        .child(answer(Some(false)))
        .child(answer(None))
}
