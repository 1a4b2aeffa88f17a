/* candidat embed loader: <script src=".../embed.js" data-session="sessions/x.json" data-lang="fr" async></script>
   An iframe of the standalone page where the script is pasted; or, when the page has
   <div data-candidat></div> placeholders (the script may then be in <head> or anywhere), one
   iframe in each, its own data-session / data-lang / data-title overriding the script's. The
   height follows the content through postMessage: a finite number in a sane range, accepted
   only from that iframe's window and origin. No dependency. */
(function (d, w) {
  var s = d.currentScript;
  if (!s) return;
  var base = new URL(".", s.src);
  function opt(el, name) {
    return el.getAttribute("data-" + name) || s.getAttribute("data-" + name);
  }
  function frame(el, put) {
    var q = new URLSearchParams();
    var session = opt(el, "session");
    var lang = opt(el, "lang");
    if (session) q.set("session", session);
    if (lang) q.set("lang", lang);
    q.set("embed", location.origin);
    var f = d.createElement("iframe");
    f.src = base.href + "index.html?" + q;
    f.title = opt(el, "title") || (lang == "en" ? "Individual candidate registration: your checklist" : "Inscription en candidat individuel : votre liste de démarches");
    f.loading = "lazy";
    // CSSOM, not a style attribute: a host's strict CSP (style-src 'self') allows it.
    var st = f.style;
    st.border = "0";
    st.width = "100%";
    st.minHeight = "480px";
    st.display = "block";
    put(f);
    w.addEventListener("message", function (e) {
      var m = e.data;
      if (e.source !== f.contentWindow || e.origin !== base.origin || !m || m.type !== "candidat:height") return;
      var h = m.height;
      if (typeof h == "number" && h >= 100 && h <= 100000) st.height = Math.ceil(h) + "px";
    });
  }
  function place() {
    var spots = d.querySelectorAll("[data-candidat]");
    for (var i = 0; i < spots.length; i++) {
      (function (p) {
        if (!p.querySelector("iframe")) frame(p, function (f) { p.appendChild(f); });
      })(spots[i]);
    }
    if (spots.length) return;
    if (s.closest("body")) frame(s, function (f) { s.parentNode.insertBefore(f, s.nextSibling); });
    else console.warn("candidat: embed.js is in <head> and the page has no <div data-candidat></div>: nowhere to show the checklist");
  }
  if (d.readyState == "loading") d.addEventListener("DOMContentLoaded", place);
  else place();
})(document, window);
