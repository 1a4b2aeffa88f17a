// Starts the candidate's page. No inline script: the page runs under a strict CSP.
// Query: ?session=<URL of a session file> &lang=fr|en &embed=<origin of the host page>.
import init, { run_page } from "../pkg/candidat.js";

// In an iframe put there by embed.js: tell the host page our height, and only that host
// (targetOrigin is the exact origin given in ?embed=), whenever it changes.
function followHeight() {
  let origin;
  try {
    origin = new URL(new URLSearchParams(location.search).get("embed") || "").origin;
  } catch {
    return;
  }
  if (!origin || origin === "null" || window.parent === window || typeof ResizeObserver !== "function") return;
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

followHeight();
insideAFrame();
try {
  await init();
  // Let the static summary paint once before the app replaces it (on a fast line the wasm can
  // be ready before the first paint): the first screen then never waits for the wasm.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  run_page();
} catch (err) {
  showError(err);
}
fonts();
