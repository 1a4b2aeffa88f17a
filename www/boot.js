// Starts the candidate's page. No inline script: the page runs under a strict CSP.
import init, { run_page } from "../pkg/candidat.js";

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

try {
  await init();
  run_page();
} catch (err) {
  showError(err);
}
