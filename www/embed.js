/* candidat embed loader: <script src=".../embed.js" data-session="sessions/x.json" data-lang="fr" async></script>
   Inserts an iframe of the standalone page after the script tag; its height follows the content
   through postMessage, accepted only from that iframe's window and origin. No dependency. */
(function (d, w) {
  var s = d.currentScript;
  if (!s) return;
  var base = new URL(".", s.src);
  var q = new URLSearchParams();
  var session = s.getAttribute("data-session");
  var lang = s.getAttribute("data-lang");
  if (session) q.set("session", session);
  if (lang) q.set("lang", lang);
  q.set("embed", location.origin);
  var f = d.createElement("iframe");
  f.src = base.href + "index.html?" + q;
  f.title = s.getAttribute("data-title") || (lang == "en" ? "Individual candidate registration: your checklist" : "Inscription en candidat individuel : votre liste de démarches");
  f.loading = "lazy";
  // CSSOM, not a style attribute: a host's strict CSP (style-src 'self') allows it.
  var st = f.style;
  st.border = "0";
  st.width = "100%";
  st.minHeight = "480px";
  st.display = "block";
  s.parentNode.insertBefore(f, s.nextSibling);
  w.addEventListener("message", function (e) {
    var m = e.data;
    if (e.source !== f.contentWindow || e.origin !== base.origin || !m || m.type !== "candidat:height") return;
    var h = Math.round(+m.height);
    if (h > 0 && h < 100000) f.style.height = h + "px";
  });
})(document, window);
