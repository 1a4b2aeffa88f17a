/* candidat embed loader: <script src=".../embed.js" data-session="sessions/x.json" data-lang="fr" async></script>
   An iframe of the standalone page where the script is pasted; or, when the page has
   <div data-candidat></div> placeholders (the script may then be in <head> or anywhere), one
   iframe in each, its own data-session / data-lang / data-title overriding the script's. The
   height follows the content through postMessage: a finite number in a sane range, accepted
   only from that iframe's window and origin. A session file on another site than the widget's
   (the académie's own) is fetched here, under this page's CSP, and its text handed to that
   iframe alone (docs/adr/0013). The widget's events (candidat:ready, candidat:error,
   candidat:change) are dispatched on the iframe and bubble to the document. No dependency. */
((d, w) => {
  const s = d.currentScript;
  if (!s) return;
  const base = new URL(".", s.src);
  const opt = (el, name) => el.getAttribute("data-" + name) || s.getAttribute("data-" + name);
  // A file of another site, fetched here: { text }, or why not, as the page says it
  // (csp: this page's connect-src; cors: the file's server, or the network; http:<status>).
  // The listener stays: it only marks this fetch's flag, for this URL's own violation (a few
  // bytes less than removing it).
  const fetched = async (url) => {
    let csp;
    d.addEventListener("securitypolicyviolation", (e) => (csp ||= e.blockedURI == url));
    try {
      const r = await fetch(url);
      return r.ok ? { text: await r.text() } : { failure: "http:" + r.status };
    } catch {
      // The violation is reported in a task of its own, which may come after the rejection.
      await new Promise((later) => setTimeout(later));
      return { failure: csp ? "csp" : "cors" };
    }
  };
  const frame = (el, put) => {
    const q = new URLSearchParams();
    const session = opt(el, "session");
    const lang = opt(el, "lang");
    const file = session && new URL(session, base);
    const handed = file && file.origin != base.origin && fetched(file.href);
    if (handed) q.set("host-session", file.href);
    else if (session) q.set("session", session);
    if (lang) q.set("lang", lang);
    q.set("embed", location.origin);
    const f = d.createElement("iframe");
    f.src = base.href + "index.html?" + q;
    f.title = opt(el, "title") || (lang == "en" ? "Individual candidate registration: your checklist" : "Inscription en candidat individuel : votre liste de démarches");
    f.loading = "lazy";
    // CSSOM, not a style attribute: a host's strict CSP (style-src 'self') allows it.
    const st = f.style;
    st.border = "0";
    st.width = "100%";
    st.minHeight = "480px";
    st.display = "block";
    put(f);
    w.addEventListener("message", async (e) => {
      const m = e.data;
      const to = f.contentWindow;
      if (e.source != to || e.origin != base.origin || !m) return;
      const h = m.height;
      if (m.type == "candidat:height" && typeof h == "number" && h >= 100 && h <= 100000) st.height = Math.ceil(h) + "px";
      if (m.type == "candidat:event" && /^(ready|error|change)$/.test(m.name))
        f.dispatchEvent(new CustomEvent("candidat:" + m.name, { detail: m.detail, bubbles: true }));
      if (m.type == "candidat:want-session" && handed) to.postMessage({ type: "candidat:session", ...(await handed) }, base.origin);
    });
  };
  const place = () => {
    const spots = d.querySelectorAll("[data-candidat]");
    for (const p of spots) if (!p.querySelector("iframe")) frame(p, (f) => p.append(f));
    if (spots.length) return;
    if (s.closest("body")) frame(s, (f) => s.after(f));
    else console.warn("candidat: embed.js in <head> needs a <div data-candidat></div> in the page");
  };
  if (d.readyState == "loading") d.addEventListener("DOMContentLoaded", place);
  else place();
})(document, window);
