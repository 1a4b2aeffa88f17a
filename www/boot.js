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
  const post = () => {
    const height = document.documentElement.scrollHeight;
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "candidat:height", height }, origin);
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}

function showError(err) {
  const main = document.getElementById("app");
  if (!main) return;
  main.textContent = "";
  const p = document.createElement("p");
  p.className = "boot-error";
  p.setAttribute("role", "alert");
  p.textContent =
    "La page n'a pas pu démarrer sur ce navigateur. Essayez de la recharger ou d'utiliser un navigateur à jour. " +
    "/ The page could not start in this browser. Reload it or use an up-to-date browser.";
  main.appendChild(p);
  console.error("candidat:", err);
}

followHeight();
try {
  await init();
  run_page();
} catch (err) {
  showError(err);
}
