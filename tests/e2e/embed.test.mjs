// Embedding (issue 5): the iframe loader and the <candidat-checklist> custom element on an
// imitation académie page (dist/demo/academie.html), a hostile host stylesheet, several
// widgets with different sessions, a broken session file, the in-page `mount` module API,
// and the strict-CSP pages (demo/strict-csp.html and the standalone index.html, both served
// with the policy as a real header by xtask's server).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, until, BASE_URL, DESKTOP, assertOnlyOwnOrigin } from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const url = (path) => new URL(path, BASE_URL).href;
/// The broken widget reports its problems in the console on purpose: that is not an error.
const REFUSED = "console: candidat: session refusée";
const unexpected = (errors) => errors.filter((e) => !e.startsWith(REFUSED));

/// Open the demo académie page and wait until every embedding has rendered.
/// `clock`: a fixed browser time (the demo sessions are 2023's, over by the real clock, and
/// "remember" is only offered while a session's return deadline has not passed).
async function openDemo(query = "", clock = null) {
  const t = await open(browser, DESKTOP);
  if (clock) await t.context.clock.setFixedTime(new Date(clock));
  await t.page.goto(url(`demo/academie.html${query}`));
  await t.page.locator("#widget-aix [data-phase]").waitFor({ timeout: 20_000 });
  await t.page.locator("#widget-upload [data-phase]").waitFor({ timeout: 20_000 });
  await t.page.locator("#widget-broken [data-testid=session-errors]").waitFor({ timeout: 20_000 });
  await iframe(t.page).locator("[data-phase]").waitFor({ timeout: 20_000 });
  return t;
}

const iframe = (page) => page.frameLocator("#iframe-slot iframe");
const items = (scope) => scope.locator("[data-item]").evaluateAll((els) => els.map((e) => e.dataset.item));
const disability = (scope, value) => scope.locator(`input[name=disability][value=${value}]`);

describe("embedding on an académie page", () => {
  test("the iframe loader shows the page, which can be used and resizes its iframe", async () => {
    const t = await openDemo();
    const { page } = t;
    const frame = iframe(page);
    const el = page.locator("#iframe-slot iframe");
    assert.match(await el.getAttribute("src"), /index\.html\?session=demo%2Fsessions%2Fexemple-upload-2023\.json&lang=fr&embed=http/);
    assert.ok(await el.getAttribute("title"));
    // The height posted by the page (not the 480 px minimum, not the default 150 px).
    const height = () => el.evaluate((e) => e.getBoundingClientRect().height);
    const inner = () => frame.locator("html").evaluate((h) => h.scrollHeight);
    const h0 = await until(height, (h) => h > 480, "iframe height follows its content");
    assert.equal(Math.round(h0), await inner());

    const before = await items(frame);
    await disability(frame, "both").check();
    await until(() => items(frame), (ids) => ids.length > before.length, "checklist grows");
    assert.ok((await items(frame)).includes("declare-handicap"));
    const h1 = await until(height, (h) => h > h0, "iframe grows with the checklist");
    assert.equal(Math.round(h1), await inner());

    // The share link opens the standalone page with the same session, never the iframe version.
    await frame.locator("[data-testid=share-create]").click();
    const share = await frame.locator("[data-testid=share-link]").inputValue();
    assert.ok(share.startsWith(url("index.html?session=demo%2Fsessions%2Fexemple-upload-2023.json&lang=fr#")), share);
    assert.ok(!share.includes("embed"), share);
    // The host page's URL and language are untouched.
    assert.equal(page.url(), url("demo/academie.html"));
    assert.equal(await page.locator("html").getAttribute("lang"), "fr");
    assertOnlyOwnOrigin(t.requests);
    assert.deepEqual(unexpected(t.errors), []);
    await t.context.close();
  });

  test("the custom element renders in an open shadow root and can be used", async () => {
    const t = await openDemo();
    const { page } = t;
    const w = page.locator("#widget-aix");
    assert.equal(await w.evaluate((e) => e.shadowRoot?.mode), "open");
    assert.equal(await w.evaluate((e) => e.shadowRoot.adoptedStyleSheets.length), 1);
    // `now` = 2 Nov 2022, 10:00: inside the pre-registration window.
    assert.equal(await w.locator("[data-testid=phase-banner]").getAttribute("data-phase"), "registration-open");
    assert.equal(await w.locator(".candidat-root").first().getAttribute("lang"), "fr");

    const before = await items(w);
    await disability(w, "both").check();
    await until(() => items(w), (ids) => ids.length > before.length, "checklist grows");
    await w.locator("[data-testid=acquis-add]").click();
    await until(() => items(w), (ids) => ids.includes("declare-acquis"), "acquis item appears");

    // Share link: the standalone page given in `page`, not the host page.
    await w.locator("[data-testid=share-create]").click();
    const share = await w.locator("[data-testid=share-link]").inputValue();
    assert.ok(share.startsWith(url("index.html#s=")), share);
    // The sidebar widget has no `page` attribute: no share section.
    assert.equal(await page.locator("#widget-upload [data-testid=share-link]").count(), 0);
    assert.equal(await page.locator("#widget-upload [data-testid=share-create]").count(), 0);
    // Nothing of the host page changed: URL, <html lang>, title.
    await page.locator("#widget-aix [data-testid=lang-switch]").click();
    await until(() => w.locator(".candidat-root").first().getAttribute("lang"), (l) => l === "en", "widget root lang");
    assert.equal(await page.locator("html").getAttribute("lang"), "fr");
    assert.match(await page.title(), /Académie d'Exemple/);
    assert.equal(page.url(), url("demo/academie.html"));
    assert.deepEqual(unexpected(t.errors), []);
    await t.context.close();
  });

  test("a hostile host stylesheet leaves the shadow-DOM widget's computed styles unchanged", async () => {
    const probe = (page) =>
      page.evaluate(() => {
        const root = document.getElementById("widget-aix").shadowRoot;
        const pick = (el) => {
          const s = getComputedStyle(el);
          return {
            color: s.color, fontSize: s.fontSize, fontFamily: s.fontFamily, fontWeight: s.fontWeight,
            lineHeight: s.lineHeight, letterSpacing: s.letterSpacing, textTransform: s.textTransform,
            paddingTop: s.paddingTop, minHeight: s.minHeight,
          };
        };
        return {
          label: pick(root.querySelector("label[for=diploma]")),
          button: pick(root.querySelector("[data-testid=lang-switch]")),
          hint: pick(root.querySelector(".hint")),
          h1: pick(root.querySelector("h1")),
        };
      });
    const calm = await openDemo();
    const expected = await probe(calm.page);
    // The widget follows its own width (container queries): the hostile sheet's 62.5 % root
    // narrows the host's layout, so the widget is given the calm page's width to compare.
    const width = await calm.page.locator("#widget-aix").evaluate((e) => e.getBoundingClientRect().width);
    assert.equal(expected.label.fontSize, "16px");
    assert.equal(expected.button.color, "rgb(0, 0, 145)");
    await calm.context.close();

    const t = await openDemo("?hostile=1");
    const { page } = t;
    // The hostile sheet is really on: the host page's own button is red, 30px serif.
    const host = await page.locator("#host-button").evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).fontFamily]);
    assert.deepEqual(host, ["rgb(255, 0, 0)", "serif"]);
    await page.locator("#widget-aix").evaluate((e, w) => (e.style.width = `${w}px`), width);
    assert.deepEqual(await probe(page), expected);
    // Switching it off and on at run time changes nothing inside either.
    await page.locator("#hostile-toggle").uncheck();
    assert.deepEqual(await probe(page), expected);
    await page.locator("#hostile-toggle").check();
    assert.deepEqual(await probe(page), expected);
    assert.deepEqual(unexpected(t.errors), []);
    await t.context.close();
  });

  test("two widgets with different sessions are independent", async () => {
    const t = await openDemo("", "2022-11-02T10:00:00+01:00");
    const { page } = t;
    const aix = page.locator("#widget-aix");
    const upload = page.locator("#widget-upload");
    assert.match(await aix.locator(".brand").textContent(), /Aix-Marseille/);
    assert.match(await upload.locator(".brand").textContent(), /Exemple \(dépôt en ligne\)/);
    assert.equal(await upload.locator(".candidat-root").first().getAttribute("lang"), "en");
    const uploadBefore = await items(upload);

    await disability(aix, "both").check();
    await aix.locator("#title").fill("CAP Cuisine");
    await until(() => items(aix), (ids) => ids.includes("declare-handicap"), "aix checklist grows");
    assert.deepEqual(await items(upload), uploadBefore);
    assert.equal(await disability(upload, "no").isChecked(), true);
    assert.equal(await upload.locator("#title").inputValue(), "");

    // Remembered answers are stored under each session's own keys.
    await aix.locator("[data-testid=remember]").check();
    await until(
      () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("candidat:")).sort()),
      (keys) => keys.join() === "candidat:aix-marseille-2023:lang,candidat:aix-marseille-2023:situation,candidat:aix-marseille-2023:until",
      "aix keys stored",
    );
    // Switching "remember" on then off in the other widget erases only its own keys.
    await upload.locator("[data-testid=remember]").check();
    await upload.locator("[data-testid=remember]").uncheck();
    await until(
      () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("candidat:")).length),
      (n) => n === 3,
      "only the upload session's keys were erased",
    );
    // "Effacer mes réponses" removes every candidat: key, whatever the session.
    await upload.locator("[data-testid=erase]").click();
    await until(
      () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("candidat:")).length),
      (n) => n === 0,
      "erase removes every key",
    );
    assert.deepEqual(unexpected(t.errors), []);
    await t.context.close();
  });

  test("a broken session file shows its problems inside its widget; the page and other widgets go on", async () => {
    const t = await openDemo();
    const { page } = t;
    const broken = page.locator("#widget-broken");
    const paths = await broken.locator("li[data-path]").evaluateAll((els) => els.map((e) => e.dataset.path));
    for (const p of ["$.id", "$.academie", "$.session_year", "$.time_zone", "$.diplomas[1]", "$.pre_registration.closes", "$.return.address", "$.links.cyclades"]) {
      assert.ok(paths.includes(p), `${p} in ${paths}`);
    }
    const first = (await broken.locator("li[data-path]").first().textContent()).trim();
    assert.match(first, /^\$\.id\u00a0: L'identifiant «\u00a0Session Cassée\u00a0»/);
    assert.equal(await broken.locator("[role=alert]").count(), 1);
    // Also in the console, every problem by path.
    const logged = t.errors.filter((e) => e.startsWith(REFUSED));
    assert.equal(logged.length, 1);
    assert.match(logged[0], /\$\.links\.cyclades\u00a0: /);

    // The host page's own script still runs.
    await page.locator("#host-button").click();
    await page.locator("#host-button").click();
    assert.equal(await page.locator("#host-count").textContent(), "2");
    // The other widgets still work.
    const upload = page.locator("#widget-upload");
    const before = await items(upload);
    await disability(upload, "new").check();
    await until(() => items(upload), (ids) => ids.length > before.length, "other widget still answers");
    await disability(iframe(page), "new").check();
    await until(() => items(iframe(page)), (ids) => ids.includes("declare-handicap"), "iframe still answers");
    assert.deepEqual(unexpected(t.errors), []);
    await t.context.close();
  });

  test("an unreachable session file is reported inside the widget, not thrown", async () => {
    const t = await openDemo();
    const { page } = t;
    await page.evaluate(() => {
      const el = document.createElement("candidat-checklist");
      el.id = "widget-missing";
      el.setAttribute("session", "sessions/nowhere.json");
      document.querySelector("aside").append(el);
    });
    const missing = page.locator("#widget-missing li[data-path]");
    await missing.first().waitFor();
    assert.match((await missing.first().textContent()).trim(), /^\$\u00a0: fichier de session inaccessible\u00a0: réponse HTTP 404/);
    assert.ok(t.errors.some((e) => e.startsWith("http 404") && e.includes("nowhere.json")));
    await t.context.close();
  });

  test("an element removed and put back keeps its widget and the candidate's answers", async () => {
    const t = await openDemo();
    const { page } = t;
    const w = page.locator("#widget-upload");
    await w.locator('[data-testid="diploma"]').selectOption("cap");
    await page.evaluate(() => {
      window.__kept = document.getElementById("widget-upload");
      window.__kept.remove();
    });
    await page.evaluate(() => document.querySelector("aside").prepend(window.__kept));
    await w.locator("[data-phase]").waitFor();
    assert.equal(await w.locator('[data-testid="diploma"]').inputValue(), "cap");
    assert.deepEqual(unexpected(t.errors), []);
    await t.context.close();
  });

  test("the module API: mount() with a session object returns a handle at once; options that cannot be read are named; unmount() empties the element", async () => {
    const t = await openDemo();
    const { page } = t;
    const result = await page.evaluate(async () => {
      const { default: init, mount } = await import("../pkg/candidat.js");
      await init();
      const session = await (await fetch("sessions/exemple-upload-2023.json")).json();
      // A plain <div>, as the README's snippet: mount() gives it its own shadow root.
      const make = () => document.body.appendChild(document.createElement("div"));
      const good = make();
      const w1 = mount(good, { session, lang: "en", now: "2022-11-02T10:00:00+01:00" });
      const goodPhase = good.shadowRoot.querySelector("[data-phase]")?.dataset.phase;
      const goodLang = good.shadowRoot.querySelector(".candidat-root")?.getAttribute("lang");
      const bad = make();
      const w2 = mount(bad, { session: { ...session, session_year: "soon", links: {} }, lang: "fr" });
      const badPaths = [...bad.shadowRoot.querySelectorAll("li[data-path]")].map((l) => l.dataset.path);
      const byUrl = make();
      const w3 = mount(byUrl, { session: "sessions/exemple-upload-2023.json" });
      const loading = byUrl.shadowRoot.textContent;
      // Options that cannot be read: each problem named by its path, inside the widget.
      const wrong = make();
      const w4 = mount(wrong, { lang: 3, sesion: "sessions/exemple-upload-2023.json", closed: "yes" });
      const wrongPaths = [...wrong.shadowRoot.querySelectorAll("li[data-path]")].map((l) => l.dataset.path);
      const wrongText = wrong.shadowRoot.textContent;
      // A container that is not an element: a TypeError naming candidat and mount.
      const thrown = [null, "#widget", undefined].map((x) => {
        try {
          mount(x, {});
          return "no error";
        } catch (e) {
          return `${e.constructor.name}: ${e.message}`;
        }
      });
      // Kept for the next steps: the fetched session arrives later.
      window.__mounted = { elements: [good, bad, byUrl, wrong], widgets: [w1, w2, w3, w4] };
      const dir = good.shadowRoot.querySelector(".candidat-root")?.getAttribute("dir");
      return { goodPhase, goodLang, badPaths, loading, wrongPaths, wrongText, thrown, dir };
    });
    // The session given by URL is fetched, then the app replaces the loading line.
    await page.waitForFunction(() => !!window.__mounted.elements[2].shadowRoot.querySelector("[data-phase]"), null, {
      timeout: 10_000,
    });
    result.after = await page.evaluate(() => {
      const { elements, widgets } = window.__mounted;
      for (const w of widgets) w.unmount();
      widgets[2].unmount();
      return elements.map((e) => e.shadowRoot.innerHTML);
    });
    assert.equal(result.goodPhase, "registration-open");
    assert.equal(result.goodLang, "en");
    assert.ok(result.badPaths.includes("$.session_year"), result.badPaths.join());
    assert.ok(result.badPaths.some((p) => p.startsWith("$.links")), result.badPaths.join());
    assert.match(result.loading, /Chargement/);
    assert.deepEqual(result.wrongPaths, ["$.sesion", "$.lang", "$.closed"]);
    assert.match(result.wrongText, /option inconnue/);
    assert.match(result.wrongText, /une chaîne est attendue/);
    assert.deepEqual(result.after, ["", "", "", ""]);
    for (const e of result.thrown) assert.match(e, /^TypeError: candidat: mount\(element, options\) needs a DOM element/);
    assert.equal(result.dir, "ltr");
    await t.context.close();
  });
});

describe("strict Content-Security-Policy", () => {
  /// Records every securitypolicyviolation in every frame, from before any script runs.
  async function openStrict(path) {
    const t = await open(browser, DESKTOP);
    await t.page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener(
        "securitypolicyviolation",
        (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        true,
      );
    });
    const response = await t.page.goto(url(path));
    return { ...t, response };
  }
  const violations = (frame) => frame.evaluate(() => window.__violations);

  test("the strict demo page: both embeddings work, no violation", async () => {
    const t = await openStrict("demo/strict-csp.html");
    const { page } = t;
    assert.equal(t.response.headers()["content-security-policy"], STRICT_CSP);
    const w = page.locator("#widget-strict");
    await w.locator("[data-phase]").waitFor({ timeout: 20_000 });
    const frame = page.frameLocator("iframe");
    await frame.locator("[data-phase]").waitFor({ timeout: 20_000 });
    // Styled (the constructable sheet was accepted) and usable.
    assert.equal(await w.locator("[data-testid=lang-switch]").evaluate((b) => getComputedStyle(b).color), "rgb(0, 0, 145)");
    const before = await items(w);
    await disability(w, "both").check();
    await until(() => items(w), (ids) => ids.length > before.length, "checklist grows");
    await disability(frame, "both").check();
    await until(() => items(frame), (ids) => ids.includes("declare-handicap"), "iframe checklist grows");
    const el = page.locator("iframe");
    await until(() => el.evaluate((e) => e.getBoundingClientRect().height), (h) => h > 480, "iframe resized");

    assert.deepEqual(await violations(page), []);
    for (const f of page.frames()) assert.deepEqual(await violations(f), [], `violations in ${f.url()}`);
    assertOnlyOwnOrigin(t.requests);
    assert.deepEqual(t.errors, []);
    await t.context.close();
  });

  test("the standalone page under the header policy, configured by its query", async () => {
    const t = await openStrict("index.html?session=demo/sessions/exemple-upload-2023.json&lang=en&embed=https://academie.example");
    const { page } = t;
    assert.equal(t.response.headers()["content-security-policy"], STRICT_CSP);
    await page.locator("#app [data-phase]").waitFor({ timeout: 20_000 });
    // The DSFR header names that session's académie, not the default one.
    assert.match(await page.locator("#header-academie").textContent(), /Exemple \(dépôt en ligne\)/);
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await disability(page, "both").check();
    await until(() => items(page), (ids) => ids.includes("declare-handicap"), "checklist grows");
    // Not in an iframe: `embed` changes nothing, and the share link drops it anyway.
    await page.locator("[data-testid=share-create]").click();
    const share = await page.locator("[data-testid=share-link]").inputValue();
    assert.ok(share.startsWith(url("index.html?session=demo%2Fsessions%2Fexemple-upload-2023.json&lang=en#s=")), share);
    assert.ok(share.endsWith("&l=en"), share);
    assert.deepEqual(await violations(page), []);
    assertOnlyOwnOrigin(t.requests);
    assert.deepEqual(t.errors, []);
    await t.context.close();
  });

  test("the standalone page with an unreachable session file shows the problem, in French", async () => {
    const t = await openStrict("index.html?session=sessions/absent.json");
    const { page } = t;
    const li = page.locator("#app li[data-path]");
    await li.first().waitFor({ timeout: 20_000 });
    assert.match((await li.first().textContent()).trim(), /^\$\u00a0: fichier de session inaccessible\u00a0: réponse HTTP 404/);
    assert.deepEqual(await violations(page), []);
    await t.context.close();
  });
});
