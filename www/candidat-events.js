// The widget's state for the host page, read from the hooks the page keeps for académies'
// scripts (DOMAIN.md): `data-phase`, `data-verdict`, `data-next`, and the problems of a
// session that cannot be used. Never an answer: no event carries what the candidate said.
// Shared by pkg/candidat.js (element and mount()) and boot.js (the page inside embed.js's
// iframe, which posts them to the loader).

/** Calls `emit(name, detail)`: `ready` once the checklist shows, `change` when its phase,
 *  verdict or next step changes, `error` with the problems when it cannot show. Returns a
 *  function that stops watching. */
export function watch(root, emit) {
  let last = "";
  const attr = (name) => root.querySelector(`[${name}]`)?.getAttribute(name) || null;
  const read = () => {
    const errors = root.querySelector('[data-testid="session-errors"]');
    if (errors) {
      if (last !== "error") {
        last = "error";
        emit("error", { problems: problemsIn(errors) });
      }
      return;
    }
    const phase = attr("data-phase");
    if (!phase) return;
    const state = { phase, verdict: attr("data-verdict"), next: neutral(attr("data-next")) };
    const key = JSON.stringify(state);
    if (key === last) return;
    emit(last && last !== "error" ? "change" : "ready", state);
    last = key;
  };
  const observer = new MutationObserver(read);
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-phase", "data-verdict", "data-next"],
  });
  read();
  return () => observer.disconnect();
}

/** Steps that exist only from an answer (a disability, exemptions or carried-over grades, an
 *  académie's declared piece): naming one would tell the host what the candidate answered,
 *  health data included. They read `"answer-dependent"`; every candidate's steps keep their id. */
const ANSWER_DEPENDENT = /^(declare-handicap|request-accommodation|attach-accommodation-notice|declare-acquis|attach-transcript|attach-diploma|piece:)/;
const neutral = (next) => (next && ANSWER_DEPENDENT.test(next) ? "answer-dependent" : next);

/** `[{ path: "$.session_year", message: "…" }]`, as the widget lists them. */
function problemsIn(errors) {
  return [...errors.querySelectorAll("li[data-path]")].map((li) => {
    const path = li.getAttribute("data-path");
    return { path, message: li.textContent.slice(path.length).replace(/^\s*:\s*/, "") };
  });
}
