// Starts the candidate's page. No inline script: the page runs under a strict CSP.
// Query: ?session=<URL of a session file on this site> &lang=fr|en &embed=<origin of the
// host page> (in embed.js's iframe), &host-session=<URL> (a file embed.js fetched in its host
// page and hands over: docs/adr/0013-session-files-on-the-academie-site.md).
import init, { run_page } from "../pkg/candidat_wasm.js";

const query = new URLSearchParams(location.search);

/** The host page's exact origin, when this page is in embed.js's iframe; else undefined. */
function embedOrigin() {
  try {
    const origin = new URL(query.get("embed") || "").origin;
    if (origin !== "null" && window.parent !== window) return origin;
  } catch {}
}

// In an iframe put there by embed.js: tell the host page our height, and only that host
// (targetOrigin is the exact origin given in ?embed=), whenever it changes.
function followHeight(origin) {
  if (!origin || typeof ResizeObserver !== "function") return;
  let last = 0;
  // The body's own height, not the document's scrollHeight: that one never falls below the
  // frame's current height, so the frame could grow but never shrink back.
  const post = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "candidat:height", height }, origin);
  };
  new ResizeObserver(post).observe(document.body);
  post();
}

// In a frame (the loader's or a plain <iframe>): a link to another site opens in a new tab,
// never inside the frame (Cyclades refuses to be framed, and a candidate must not register
// inside a box); the host page stays as it was. Skip links move the focus without adding a
// history entry to the host (Back would seem to do nothing).
function insideAFrame() {
  if (window.parent === window) return;
  document.addEventListener("click", (e) => {
    const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
    if (!a) return;
    const to = new URL(a.href, location.href);
    if (to.origin !== location.origin) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    } else if (to.hash && to.pathname === location.pathname && to.search === location.search) {
      const target = document.getElementById(decodeURIComponent(to.hash.slice(1)));
      if (target) {
        e.preventDefault();
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus();
      }
    }
  }, true);
}

// The app could not start (WebAssembly blocked by a policy, an old browser, a failed
// download): say so plainly, in the page's language, and keep the static summary that
// `cargo xtask build` wrote into #app (unless it is another session's page, where the summary
// of the default session would mislead).
function showError(err) {
  const app = document.getElementById("app");
  if (!app) return;
  document.getElementById("loading")?.remove();
  const other = document.documentElement.hasAttribute("data-other-session");
  const en = document.documentElement.lang === "en";
  const box = document.createElement("div");
  box.className = "fr-alert fr-alert--warning boot-error";
  box.setAttribute("role", "alert");
  box.dataset.testid = "boot-error";
  const p = document.createElement("p");
  p.textContent = en
    ? "The interactive checklist could not start in this browser (WebAssembly is blocked or not supported). " +
      (other ? "Reload the page or use an up-to-date browser." : "The session's essentials are below; reload the page or use an up-to-date browser for your own checklist.")
    : "La liste personnalisée n'a pas pu démarrer sur ce navigateur (WebAssembly bloqué ou non pris en charge). " +
      (other ? "Rechargez la page ou utilisez un navigateur à jour." : "L'essentiel de la session est ci-dessous\u00a0; rechargez la page ou utilisez un navigateur à jour pour votre liste.");
  box.appendChild(p);
  app.prepend(box);
  console.error("candidat:", err);
}

// Marianne, once the app (or the failure sentence) is on screen: requested after the first
// paint, never competing with it, `font-display: optional` (no shift if it comes late).
function fonts() {
  document.getElementById("candidat-fonts")?.setAttribute("media", "all");
}

// The session to show, as run_page takes it: [URL, text] or [URL, undefined, failure]
// (why it could not be read: http:<status>, network, origin, unanswered); [] for the
// embedded one. This page reads only files of its own site, whatever a link says; a file
// elsewhere comes only from the host page that framed it (embed.js), through postMessage.
async function session(origin) {
  const handed = query.get("host-session");
  if (handed) return [handed, ...(await fromHost(origin))];
  const own = query.get("session");
  if (!own) return [];
  const url = new URL(own, location.href);
  if (url.origin !== location.origin) return [own, undefined, "origin"];
  try {
    const r = await fetch(url);
    return r.ok ? [own, await r.text()] : [own, undefined, `http:${r.status}`];
  } catch {
    return [own, undefined, "network"];
  }
}

/** The text embed.js fetched: asked of, and accepted only from, the framing window at the
 *  exact origin it gave. Not framed (a crafted link): refused, never fetched from here. */
function fromHost(origin) {
  if (!origin) return [undefined, "origin"];
  return new Promise((got) => {
    const timer = setTimeout(() => got([undefined, "unanswered"]), 20_000);
    addEventListener("message", function answer(e) {
      const m = e.data;
      if (e.source !== window.parent || e.origin !== origin || m?.type !== "candidat:session") return;
      removeEventListener("message", answer);
      clearTimeout(timer);
      got(typeof m.text === "string" ? [m.text] : [undefined, String(m.failure)]);
    });
    window.parent.postMessage({ type: "candidat:want-session" }, origin);
  });
}

// Inside embed.js's iframe: the widget's events (ready, error, change: never an answer) go
// to the host page, which dispatches them there.
function tellHost(origin) {
  if (!origin) return;
  import("./candidat-events.js").then(({ watch }) =>
    watch(document.getElementById("app"), (name, detail) =>
      window.parent.postMessage({ type: "candidat:event", name, detail }, origin),
    ),
  );
}

/** The engine for this session file: the first load's, or, for a file that declares
 *  questions, pieces or eligibility (session files version 2) or names a zone only that one
 *  knows (Miquelon, Wallis), the one that reads them, fetched only then
 *  (docs/adr/0016-two-engines.md). */
function engine(text) {
  return text && /"(questions|pieces|eligibility)"\s*:|America\/Miquelon|Pacific\/Wallis/.test(text) ? import("../pkg/candidat_wasm_v2.js") : { default: init, run_page };
}

const origin = embedOrigin();
followHeight(origin);
insideAFrame();
try {
  const file = await session(origin);
  const { default: start, run_page: run } = await engine(file[1]);
  await start();
  // Let the static summary paint once before the app replaces it (on a fast line the wasm can
  // be ready before the first paint): the first screen then never waits for the wasm.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  run(...file);
  tellHost(origin);
} catch (err) {
  showError(err);
}
fonts();
