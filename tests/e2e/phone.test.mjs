// Phone first (issue 11): positions of the parts on a phone (390 × 844), a small phone
// (320 × 640) and a desktop (1280 × 800), measured as bounding boxes (never screenshots);
// the share link's hygiene (fragment read once, link made on demand with its language,
// erase leaves nothing); the calendar button that says why it is disabled. Every new state
// is checked with axe-core.
//
// The embedded session (Aix-Marseille 2023) is over by the real clock; "current" below fixes
// the browser's clock inside its pre-registration instead.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  launch, open, load, reload, simulate, answers, ownStorageKeys, assertClean, assertAccessible, BASE_URL,
} from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const SIZES = [
  ["390 × 844", { width: 390, height: 844 }],
  ["320 × 640", { width: 320, height: 640 }],
  ["1280 × 800", { width: 1280, height: 800 }],
];
const CURRENT = new Date("2022-11-02T10:00:00+01:00");

/// Top and bottom (CSS px, from the top of the page) of the first element matching `sel`.
async function box(page, sel) {
  return page.locator(sel).first().evaluate((e) => {
    const b = e.getBoundingClientRect();
    return { top: Math.round(b.top + scrollY), bottom: Math.round(b.bottom + scrollY) };
  });
}

/// The first question: the first field of the questions.
const FIRST_QUESTION = "[data-testid=questions] :is(.field, fieldset)";

for (const [name, viewport] of SIZES) {
  describe(`phone first (${name})`, () => {
    test("a current session: the first question within the first screen, the tool closed at the end", async () => {
      const t = await open(browser, viewport);
      const { page, context } = t;
      await context.clock.setFixedTime(CURRENT);
      await load(page);
      const first = await box(page, FIRST_QUESTION);
      console.log(`# first question at ${name}, current session: top ${first.top}, bottom ${first.bottom}`);
      assert.ok(first.top < viewport.height, `first question at ${first.top} px, below the fold (${viewport.height} px)`);
      if (viewport.width >= 390) assert.ok(first.bottom <= viewport.height, `first question ends at ${first.bottom} px`);
      assert.equal(await page.getByTestId("session-notice").count(), 0);
      assert.equal(await page.getByTestId("simulate-flag").count(), 0);

      // "Et si nous étions le…": a closed disclosure, after the questions and after the tools.
      const tool = page.getByTestId("simulate");
      assert.equal(await tool.evaluate((d) => d.tagName), "DETAILS");
      assert.equal(await tool.evaluate((d) => d.open), false);
      assert.equal(await page.locator("#simulate-at").isVisible(), false);
      const sim = await box(page, "[data-testid=simulate]");
      assert.ok(sim.top >= (await box(page, "[data-testid=questions]")).bottom, "after the questions");
      assert.ok(sim.top >= (await box(page, "[data-testid=tools]")).bottom, "after the tools");
      // Something is ahead: the calendar button is there, with what it will write.
      assert.equal(await page.getByTestId("ics").isDisabled(), false);
      await assertAccessible(page, `current session, ${name}`);
      assertClean(t);
      await context.close();
    });

    test("a past session: said first, with the académie's site; the checklist reads as what it asked", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);
      const notice = page.getByTestId("session-notice");
      assert.equal(await notice.getAttribute("data-real-phase"), "closed");
      const n = await box(page, "[data-testid=session-notice]");
      const h1 = await box(page, "h1");
      const header = await box(page, ".site-header");
      assert.ok(n.top >= header.bottom && n.bottom <= h1.top, "the notice comes first, right under the header");
      assert.ok(n.top < viewport.height / 4, `the notice starts at ${n.top} px`);
      // Its first link is the académie's site, named.
      const link = notice.locator("a").first();
      assert.equal(await link.getAttribute("href"), "http://www.ac-aix-marseille.fr");
      assert.match(await link.textContent(), /Académie d'Aix-Marseille/);
      assert.ok((await link.boundingBox()).y + 10 < viewport.height, "the académie's link within the first screen");
      const first = await box(page, FIRST_QUESTION);
      console.log(`# first question at ${name}, past session: top ${first.top}, bottom ${first.bottom}`);
      if (viewport.height >= 800) assert.ok(first.top < viewport.height, `first question at ${first.top} px`);

      // What the session asked: contract statuses kept, late badges not red, a note above.
      const statuses = await page.$$eval("#app [data-item]", (els) => els.map((e) => e.dataset.status));
      assert.ok(statuses.includes("late"), `${statuses}`);
      assert.equal(await page.getByTestId("past-checklist").isVisible(), true);
      assert.match(await page.getByTestId("past-checklist").textContent(), /ce que la session 2023 demandait/);
      const badge = await page.locator('[data-status="late"] .status').first().evaluate((e) => {
        const s = getComputedStyle(e);
        return { color: s.color, background: s.backgroundColor, transform: s.textTransform };
      });
      assert.deepEqual(badge, { color: "rgb(58, 58, 58)", background: "rgb(246, 246, 246)", transform: "none" });

      // Nothing ahead: the calendar button is disabled and the sentence beside it says why.
      const ics = page.getByTestId("ics");
      assert.equal(await ics.isDisabled(), true);
      assert.equal(await ics.getAttribute("aria-describedby"), "ics-hint");
      assert.equal(
        await page.locator("#ics-hint").textContent(),
        "Rien à ajouter\u00a0: aucune date limite n'est à venir pour ce qui vous reste à faire.",
      );
      await assertAccessible(page, `past session, ${name}`);

      // Exploring it: the tool opens by itself, a marker at the top says the date is simulated.
      await page.getByTestId("explore-session").click();
      const marker = page.getByTestId("simulate-flag");
      await marker.waitFor();
      assert.equal(await page.getByTestId("simulate").evaluate((d) => d.open), true);
      const m = await box(page, "[data-testid=simulate-flag]");
      assert.ok(m.top >= header.bottom && m.bottom <= (await box(page, "h1")).top, "the marker at the top");
      assert.ok(m.bottom <= viewport.height, "the marker within the first screen");
      assert.match(await marker.textContent(), /^Date simulée\s: mercredi 2 novembre 2022 à 12:00/);
      assert.equal(await page.getByTestId("past-checklist").count(), 0, "explored: the checklist is the candidate's");
      assert.equal(await page.getByTestId("ics").isDisabled(), false);
      await assertAccessible(page, `past session explored, ${name}`);

      // Back to today: the marker goes, the tool closes.
      await page.getByTestId("simulate-reset").click();
      await marker.waitFor({ state: "detached" });
      assert.equal(await page.getByTestId("simulate").evaluate((d) => d.open), false);
      assertClean(t);
      await t.context.close();
    });
  });
}

// ── Share link hygiene ───────────────────────────────────────────────────────────────────────

const FR_SITUATION = { diploma: "cap", title: "CAP Cuisine", new_accommodation_request: true };
const fragment = (situation, lang) =>
  "#s=" + Buffer.from(JSON.stringify(situation)).toString("base64url") + (lang ? `&l=${lang}` : "");

for (const [name, viewport] of SIZES.slice(0, 2)) {
  describe(`share link (${name})`, () => {
    test("the fragment is read once, then gone from the address bar (path and query kept)", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page, "index.html?from=test" + fragment(FR_SITUATION));
      assert.equal(await page.getAttribute("[data-testid=notice]", "data-notice"), "restored-link");
      assert.equal((await answers(page)).title, "CAP Cuisine");
      const href = await page.evaluate(() => location.href);
      assert.equal(href, new URL("index.html?from=test", BASE_URL).href, "no fragment left");
      // An old link (no `l`) opens in the page's language.
      assert.equal(await page.getAttribute("html", "lang"), "fr");
      assertClean(t);
      await t.context.close();
    });

    test("a link made in English opens in English", async () => {
      const a = await open(browser, viewport);
      await a.context.clock.setFixedTime(CURRENT);
      await load(a.page);
      await a.page.getByTestId("lang-switch").click();
      await a.page.getByLabel("Diploma", { exact: true }).selectOption("cap");
      await a.page.getByLabel("Exact title of the diploma").fill("CAP Cuisine");
      assert.equal(await a.page.getByTestId("share-link").count(), 0, "made only on demand");
      await a.page.getByRole("button", { name: "Create a share link" }).click();
      const link = await a.page.getByLabel("Link to resume later").inputValue();
      assert.match(link, /#s=[A-Za-z0-9_-]+&l=en$/);
      // The warning stays next to it, and names the health answers.
      assert.equal(await a.page.getByTestId("share-link").getAttribute("aria-describedby"), "share-hint");
      assert.match(await a.page.locator("#share-hint").textContent(), /disability included/);
      await assertAccessible(a.page, `share link made, ${name}`);
      // An answer given afterwards takes the link away (it would no longer say the same).
      await a.page.getByLabel("Exact title of the diploma").fill("CAP Pâtisserie");
      await a.page.getByTestId("share-link").waitFor({ state: "detached" });
      assertClean(a);
      await a.context.close();

      const b = await open(browser, viewport);
      await load(b.page, link);
      assert.equal(await b.page.getAttribute("html", "lang"), "en");
      assert.equal(await b.page.getByRole("heading", { level: 1 }).textContent(), "Registering as an individual candidate for a French vocational exam");
      assert.equal((await answers(b.page)).title, "CAP Cuisine");
      assert.equal(await b.page.evaluate(() => location.hash), "");
      await assertAccessible(b.page, `opened in English, ${name}`);
      assertClean(b);
      await b.context.close();
    });

    test("erase leaves nothing: no candidat: key, no fragment, default answers, no link", async () => {
      const t = await open(browser, viewport);
      const { page, context } = t;
      await context.clock.setFixedTime(CURRENT);
      await load(page, fragment(FR_SITUATION, "fr"));
      await page.getByRole("switch", { name: "Se souvenir sur cet appareil" }).check();
      await page.getByRole("button", { name: "Créer un lien de partage" }).click();
      assert.ok((await ownStorageKeys(page)).length > 0);
      // A widget of another session on the same device: erased too (every `candidat:` key).
      await page.evaluate(() => localStorage.setItem("candidat:other-2024:situation", "{}"));

      await page.getByRole("button", { name: "Effacer mes réponses" }).click();
      assert.equal(await page.getAttribute("[data-testid=notice]", "data-notice"), "erased");
      assert.deepEqual(await ownStorageKeys(page), []);
      assert.equal(await page.evaluate(() => location.href.includes("#")), false);
      assert.equal(await page.getByTestId("share-link").count(), 0, "the share field emptied");
      assert.deepEqual(await answers(page), {
        diploma: "bac-pro", title: "", account: "none", accountCreatedAt: null, disability: "no",
        acquis: [], file: "not-posted", ticked: [],
      });
      await assertAccessible(page, `erased, ${name}`);
      await reload(page);
      assert.equal((await answers(page)).title, "");
      assert.deepEqual(await ownStorageKeys(page), []);
      assertClean(t);
      await context.close();
    });
  });
}

// ── Calendar ─────────────────────────────────────────────────────────────────────────────────

test("the calendar names the accommodation steps only when asked", async () => {
  const t = await open(browser, SIZES[0][1]);
  const { page } = t;
  await load(page);
  await simulate(page, "2022-11-02T10:00");
  assert.equal(await page.getByTestId("ics-reveal").count(), 0, "no accommodation answer: no choice to make");
  await page.getByTestId("disability-both").check();
  const reveal = page.getByRole("checkbox", { name: "Écrire le nom des démarches d'aménagement dans le fichier" });
  assert.equal(await reveal.isChecked(), false, "off by default");
  await assertAccessible(page, "calendar choice");
  const download = async () => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("ics").click()]);
    const chunks = [];
    for await (const c of await d.createReadStream()) chunks.push(c);
    return Buffer.concat(chunks).toString("utf8").replace(/\r\n[ \t]/g, "");
  };
  const neutral = await download();
  assert.doesNotMatch(neutral, /andicap|ménagement/);
  assert.match(neutral, /Une démarche personnelle/);
  await reveal.check();
  const named = await download();
  assert.match(named, /andicap/);
  assert.match(named, /ménagement/);
  assertClean(t);
  await t.context.close();
});
