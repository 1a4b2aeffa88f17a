// Runs before the first paint (a classic script in <head>, no inline script: strict CSP). It
// tells the stylesheet what only the URL knows: ?lang= (which language of the static summary
// to show), ?session= or ?host-session= (another académie's file: the summary shows the default session, so it
// is hidden until the app shows that file's own dates) and ?embed= (in an iframe: no header or
// footer). `js` marks that scripts run, so the loading line shows only when something loads.
(function () {
  var root = document.documentElement;
  var q = new URLSearchParams(location.search);
  root.classList.add("js");
  var lang = q.get("lang");
  if (lang === "fr" || lang === "en") root.lang = lang;
  // The title is one text (scripts and assistive tools read it whole): English from its
  // data-en once parsed; the app keeps it in step with its language switch afterwards.
  if (lang === "en") {
    document.addEventListener("DOMContentLoaded", function () {
      var h1 = document.getElementById("page-title");
      if (h1 && h1.dataset.en) h1.textContent = h1.dataset.en;
    });
  }
  if (q.get("session") || q.get("host-session")) root.setAttribute("data-other-session", "");
  if (q.get("embed")) root.setAttribute("data-embed", "");
})();
