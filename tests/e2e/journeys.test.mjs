// The candidate's journeys, end to end, at a phone's and a desktop's size: every state reached
// is checked against DOMAIN.md (items, statuses, verdict, phase), against axe-core (WCAG 2.1
// A/AA, no violation) and for requests: nothing may leave the page's own origin, ever.
//
// The embedded session is Aix-Marseille 2023: pre-registration 19 Oct – 17 Nov 2022, return
// by post until 2 Dec 2022, Europe/Paris. The real clock is long past it, so most journeys
// explore the session through "Et si nous étions le…"; the storage journey fixes the browser's
// clock instead, since answers kept on the device expire after the return deadline.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  launch, open, load, reload, simulate, checklist, state, addressLines, ownStorageKeys, answers,
  assertClean, assertAccessible, BASE_URL, VIEWPORTS,
} from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const CLOSE = "jeudi 17 novembre 2022 à 23:59";
const RETURN = "vendredi 2 décembre 2022 à 23:59";

/// Journey 1's candidate: CAP Cuisine, account activated, existing accommodation, one bénéfice.
async function answerCapCuisine(page) {
  await page.getByLabel("Diplôme", { exact: true }).selectOption("cap");
  await page.getByLabel("Intitulé exact du diplôme").fill("CAP Cuisine");
  await page.getByRole("radio", { name: "Créé et activé" }).check();
  await page.getByRole("radio", { name: "J'ai déjà des aménagements" }).check();
  await page.getByRole("button", { name: "+ Ajouter une épreuve" }).click();
  await page.locator("#acquis-0-epreuve").fill("EG1");
  await page.locator("#acquis-0-kind").selectOption("benefice");
}

const CAP_CUISINE_ITEMS = [
  ["create-account", "done"],
  ["activate-account", "done"],
  ["register-online", "todo"],
  ["declare-handicap", "todo"],
  ["declare-acquis", "todo"],
  ["print-confirmation", "todo"],
  ["sign-confirmation", "todo"],
  ["attach-supporting-documents", "todo"],
  ["attach-accommodation-notice", "todo"],
  ["attach-transcript", "todo"],
  ["mail-file", "todo"],
  ["read-referentiel", "todo"],
];

const BASE_ITEMS = ["create-account", "activate-account", "register-online", "print-confirmation",
  "sign-confirmation", "attach-supporting-documents", "mail-file", "read-referentiel"];

const dueText = (page, id) => page.locator(`[data-item="${id}"] .due`).textContent();

for (const [name, viewport] of VIEWPORTS) {
  describe(`journeys (${name})`, () => {
    // ── 1 ─────────────────────────────────────────────────────────────────────────────────
    test("1. a CAP candidate with an accommodation and a bénéfice gets the complete checklist", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);

      // From nothing: the session's first diploma, no answer, only the items every candidate has.
      assert.deepEqual(await answers(page), {
        diploma: "bac-pro", title: "", account: "none", accountCreatedAt: null, disability: "no",
        acquis: [], file: "not-posted", ticked: [],
      });
      assert.deepEqual((await checklist(page)).map(([id]) => id), BASE_ITEMS);
      await assertAccessible(page, `first load, ${name}`);

      await simulate(page, "2022-11-02T10:00");
      assert.deepEqual(await state(page), { phase: "registration-open", verdict: "on-track", changes: "online" });
      assert.deepEqual(await checklist(page), BASE_ITEMS.map((id) => [id, "todo"]));
      assert.equal(
        (await page.getByTestId("phase-banner").textContent()).trim(),
        `Il vous reste 15 jours et 13 heures pour vous pré-inscrire (jusqu'au ${CLOSE}).`,
      );
      await assertAccessible(page, `simulated 2 Nov 2022, ${name}`);

      await page.getByLabel("Diplôme", { exact: true }).selectOption("cap");
      assert.equal((await addressLines(page))[1], "DIEC 3.05 (CAP)", "without a title, the diploma's name");

      await answerCapCuisine(page);
      assert.deepEqual(await checklist(page), CAP_CUISINE_ITEMS);
      const ids = CAP_CUISINE_ITEMS.map(([id]) => id);
      for (const id of ["declare-handicap", "attach-accommodation-notice", "declare-acquis", "attach-transcript"]) {
        assert.ok(ids.includes(id), `${id} present`);
      }
      for (const id of ["request-accommodation", "attach-diploma"]) {
        assert.equal(await page.locator(`[data-item="${id}"]`).count(), 0, `${id} absent`);
      }
      assert.equal(await dueText(page, "declare-handicap"), `Avant le ${CLOSE}`);
      assert.equal(await dueText(page, "declare-acquis"), `Avant le ${CLOSE}`);
      assert.equal(await dueText(page, "attach-accommodation-notice"), `Avant le ${RETURN}`);
      assert.equal(await dueText(page, "attach-transcript"), `Avant le ${RETURN}`);
      assert.equal(await dueText(page, "read-referentiel"), "Pas de date dans la notice");
      // Ticked by the answer "created and activated": checked, and still the candidate's to untick.
      assert.equal(await page.locator("#tick-activate-account").isChecked(), true);
      assert.equal(await page.locator("#tick-activate-account").isDisabled(), false);

      assert.deepEqual(await state(page), { phase: "registration-open", verdict: "on-track", changes: "online" });
      assert.equal(
        (await page.getByTestId("verdict").locator(".verdict-text").textContent()),
        "C'est encore possible\u00a0: tout ce qui reste peut être fait à temps.",
      );
      assert.equal(await page.getByTestId("envelope").getAttribute("data-mode"), "post");
      assert.deepEqual(await addressLines(page), [
        "RECTORAT D'AIX-MARSEILLE",
        "DIEC 3.05 (CAP Cuisine)",
        "Place Lucien Paye",
        "13621 AIX EN PROVENCE cedex 1",
      ]);
      assert.match(await page.getByTestId("envelope").textContent(), /Avant le vendredi 2 décembre 2022/);
      await assertAccessible(page, `CAP Cuisine complete, ${name}`);
      assertClean(t);
      await t.context.close();
    });

    // ── 2 ─────────────────────────────────────────────────────────────────────────────────
    test("2. too late: after the close, then after the return deadline, said plainly", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);

      await simulate(page, "2022-11-20T10:00");
      assert.deepEqual(await state(page), { phase: "return-only", verdict: "too-late", changes: "none" });
      assert.equal(
        (await page.getByTestId("phase-banner").textContent()).trim(),
        "Pré-inscription close depuis le jeudi 17 novembre 2022.",
      );
      // The headline says why, and where to look next; no advice that no longer applies.
      assert.match(await page.getByTestId("next-step").textContent(),
        /^Il est trop tard pour cette session\u00a0: la pré-inscription en ligne s'est terminée le jeudi 17 novembre 2022 à 23:59 sans inscription enregistrée\./);
      assert.equal(await page.getByTestId("next-step").getAttribute("data-next"), "");
      for (const part of ["phase-banner", "next-step", "verdict"]) {
        assert.doesNotMatch(await page.getByTestId(part).textContent(), /stylo rouge|encore possible/, part);
      }
      assert.equal(await page.locator("[data-testid=verdict] .verdict-text").textContent(), "Il est trop tard pour cette session.");
      assert.deepEqual(await checklist(page), [
        ["create-account", "late"], ["activate-account", "late"], ["register-online", "late"],
        ["print-confirmation", "todo"], ["sign-confirmation", "todo"], ["attach-supporting-documents", "todo"],
        ["mail-file", "todo"], ["read-referentiel", "todo"],
      ]);
      const still = page.getByTestId("still-possible");
      assert.equal(await still.isVisible(), true, "what can still be done is shown");
      assert.equal(await still.getByRole("heading").textContent(), "Ce que vous pouvez encore faire");
      assert.deepEqual(await still.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))), [
        "http://www.ac-aix-marseille.fr",
        "https://eduscol.education.fr/774/les-diplomes-professionnels",
      ]);
      await assertAccessible(page, `too late 20 Nov 2022, ${name}`);

      // The same instant with the online part done: still possible, nothing about "too late".
      await page.getByRole("radio", { name: "Créé et activé" }).check();
      await page.locator("#tick-register-online").check();
      assert.deepEqual(await state(page), { phase: "return-only", verdict: "on-track", changes: "red-pen" });
      assert.equal(
        (await page.getByTestId("phase-banner").textContent()).trim(),
        `Pré-inscription close depuis le jeudi 17 novembre 2022. Il vous reste 12 jours et 13 heures pour poster votre dossier (jusqu'au ${RETURN}).`,
      );
      assert.equal(await still.count(), 0);

      await simulate(page, "2022-12-05T10:00");
      assert.deepEqual(await state(page), { phase: "closed", verdict: "too-late", changes: "none" });
      assert.equal(
        (await page.getByTestId("phase-banner").textContent()).trim(),
        "Session terminée\u00a0: retour des dossiers clos depuis le vendredi 2 décembre 2022 à 23:59.",
      );
      assert.equal(await page.locator("[data-testid=changes]").textContent(), "Aucune modification n'est possible maintenant.");
      assert.deepEqual(await checklist(page), [
        ["create-account", "done"], ["activate-account", "done"], ["register-online", "done"],
        ["print-confirmation", "late"], ["sign-confirmation", "late"], ["attach-supporting-documents", "late"],
        ["mail-file", "late"], ["read-referentiel", "todo"],
      ]);
      assert.equal(await still.isVisible(), true);
      await assertAccessible(page, `closed 5 Dec 2022, ${name}`);

      // The same date for a candidate whose file went in time: closed, but not "too late".
      for (const id of ["print-confirmation", "sign-confirmation", "attach-supporting-documents"]) await page.locator(`#tick-${id}`).check();
      await page.getByTestId("file-posted").check();
      await page.getByTestId("posted-on").fill("2022-12-01");
      assert.deepEqual(await state(page), { phase: "closed", verdict: "complete", changes: "none" });
      assert.equal(
        (await page.getByTestId("phase-banner").textContent()).trim(),
        "Session terminée\u00a0: retour des dossiers clos depuis le vendredi 2 décembre 2022 à 23:59. Votre dossier est parti à temps\u00a0: votre part de l'inscription est faite.",
      );
      await assertAccessible(page, `closed 5 Dec 2022, file sent in time, ${name}`);
      assertClean(t);
      await t.context.close();
    });

    // ── 3 ─────────────────────────────────────────────────────────────────────────────────
    test("3. tick, remember, reload, erase, reload: nothing kept unless asked, everything erased", async () => {
      const t = await open(browser, viewport);
      const { page, context } = t;
      // A real clock inside the pre-registration: kept answers last until the return deadline.
      await context.clock.setFixedTime(new Date("2022-11-02T10:00:00+01:00"));
      await load(page);
      assert.equal(await page.getByTestId("session-notice").count(), 0, "the session is current by this clock");
      const remember = page.getByRole("switch", { name: "Se souvenir sur cet appareil" });
      assert.equal(await remember.isChecked(), false, "off by default");

      await page.locator("#tick-print-confirmation").check();
      assert.equal(await page.getAttribute('[data-item="print-confirmation"]', "data-status"), "done");
      assert.deepEqual(await ownStorageKeys(page), []);
      await reload(page);
      assert.equal(await page.locator("#tick-print-confirmation").isChecked(), false, "the tick is gone");
      assert.equal(await page.getAttribute('[data-item="print-confirmation"]', "data-status"), "todo");
      assert.deepEqual(await ownStorageKeys(page), []);
      assert.equal(await page.getByTestId("notice").count(), 0);

      await remember.check();
      await page.getByLabel("Diplôme", { exact: true }).selectOption("cap");
      await page.getByLabel("Intitulé exact du diplôme").fill("CAP Cuisine");
      await page.locator("#tick-print-confirmation").check();
      assert.deepEqual(await ownStorageKeys(page), ["candidat:aix-marseille-2023:lang", "candidat:aix-marseille-2023:situation", "candidat:aix-marseille-2023:until"]);
      const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("candidat:aix-marseille-2023:situation")));
      assert.deepEqual(kept, { diploma: "cap", title: "CAP Cuisine", done: ["print-confirmation"] });
      const before = await answers(page);

      await reload(page);
      assert.deepEqual(await answers(page), before, "answers and ticks restored");
      // The tick and the steps it implies (the chain: the confirmation exists once registered).
      assert.deepEqual(before.ticked, ["create-account", "activate-account", "register-online", "print-confirmation"]);
      assert.equal(await page.getAttribute('[data-item="print-confirmation"]', "data-status"), "done");
      assert.equal(await page.getAttribute("[data-testid=notice]", "data-notice"), "restored-storage");
      assert.equal(await remember.isChecked(), true);
      await assertAccessible(page, `restored from storage, ${name}`);

      await page.getByRole("button", { name: "Effacer mes réponses" }).click();
      assert.equal(await page.getAttribute("[data-testid=notice]", "data-notice"), "erased");
      assert.equal(await remember.isChecked(), false);
      assert.deepEqual(await ownStorageKeys(page), []);
      const defaults = {
        diploma: "bac-pro", title: "", account: "none", accountCreatedAt: null, disability: "no",
        acquis: [], file: "not-posted", ticked: [],
      };
      assert.deepEqual(await answers(page), defaults);
      await assertAccessible(page, `erased, ${name}`);

      await reload(page);
      assert.deepEqual(await answers(page), defaults);
      assert.equal(await remember.isChecked(), false);
      assert.equal(await page.getByTestId("notice").count(), 0);
      assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("candidat:"))), []);
      assertClean(t);
      await context.close();
    });

    // ── 4 ─────────────────────────────────────────────────────────────────────────────────
    test("4. the share link carries the situation in the fragment and restores it elsewhere", async () => {
      const a = await open(browser, viewport);
      await load(a.page);
      await simulate(a.page, "2022-11-02T10:00");
      await a.page.getByLabel("Diplôme", { exact: true }).selectOption("cap");
      await a.page.getByLabel("Intitulé exact du diplôme").fill("CAP Cuisine");
      await a.page.getByRole("radio", { name: "Créé, pas encore activé" }).check();
      await a.page.getByLabel("Date et heure de création du compte").fill("2022-11-01T18:30");
      await a.page.getByRole("radio", { name: "Je veux en demander" }).check();
      await a.page.getByRole("button", { name: "+ Ajouter une épreuve" }).click();
      await a.page.locator("#acquis-0-epreuve").fill("EG2");
      await a.page.locator("#acquis-0-kind").selectOption("dispense");
      await a.page.locator("#tick-print-confirmation").check();

      // Made only on demand.
      assert.equal(await a.page.getByTestId("share-link").count(), 0, "no link before it is asked for");
      await a.page.getByRole("button", { name: "Créer un lien de partage" }).click();
      const link = await a.page.getByLabel("Lien pour reprendre plus tard").inputValue();
      const url = new URL(link);
      assert.equal(url.origin + url.pathname, new URL(BASE_URL).href, "the page's own address");
      assert.equal(url.search, "", "never in the query");
      assert.match(url.hash, /^#s=[A-Za-z0-9_-]+&l=fr$/);
      const situation = JSON.parse(Buffer.from(url.hash.slice(3, url.hash.indexOf("&")), "base64url").toString("utf8"));
      assert.deepEqual(situation, {
        diploma: "cap",
        title: "CAP Cuisine",
        account_created_at: "2022-11-01T18:30:00+01:00",
        new_accommodation_request: true,
        acquis: [{ epreuve: "EG2", kind: "dispense" }],
        done: ["print-confirmation"],
      });
      const items = await checklist(a.page);
      assert.deepEqual(items, [
        ["create-account", "done"], ["activate-account", "done"], ["register-online", "done"],
        ["declare-handicap", "todo"], ["request-accommodation", "todo"], ["declare-acquis", "todo"],
        ["print-confirmation", "done"], ["sign-confirmation", "todo"], ["attach-supporting-documents", "todo"],
        ["attach-diploma", "todo"], ["mail-file", "todo"], ["read-referentiel", "todo"],
      ]);
      assert.equal(await dueText(a.page, "activate-account"), "Avant le jeudi 3 novembre 2022 à 18:30 · déduit de vos réponses");
      const given = await answers(a.page);
      const envelope = await addressLines(a.page);
      await assertAccessible(a.page, `answers to share, ${name}`);
      assertClean(a);
      await a.context.close();

      // A fresh context: no storage, no history, only the link.
      const b = await open(browser, viewport);
      await load(b.page, link);
      assert.equal(await b.page.getAttribute("[data-testid=notice]", "data-notice"), "restored-link");
      assert.equal(await b.page.getByTestId("notice").locator("p").textContent(), "Vos réponses ont été reprises depuis le lien.");
      await simulate(b.page, "2022-11-02T10:00");
      assert.deepEqual(await answers(b.page), given);
      assert.deepEqual(await checklist(b.page), items);
      assert.deepEqual(await addressLines(b.page), envelope);
      assert.deepEqual(await ownStorageKeys(b.page), [], "opening a link stores nothing");
      const payload = url.hash.slice(3, url.hash.indexOf("&"));
      assert.deepEqual(b.requests.filter((r) => r.includes(payload)), [], "the situation never reaches the server");
      await assertAccessible(b.page, `restored from the link, ${name}`);
      assertClean(b);
      await b.context.close();

      // Tampered links: a short message, the default answers, no error.
      const broken = [
        "#s=garbage%%",
        "#s=" + Buffer.from('{"diploma":"cap","done":["hack"]}').toString("base64url"),
      ];
      for (const fragment of broken) {
        const c = await open(browser, viewport);
        await load(c.page, fragment);
        assert.equal(await c.page.getAttribute("[data-testid=notice]", "data-notice"), "bad-link", fragment);
        assert.equal(
          await c.page.getByTestId("notice").locator("p").textContent(),
          "Le lien ouvert est abîmé\u00a0: les réponses par défaut sont affichées.",
        );
        assert.deepEqual(await answers(c.page), {
          diploma: "bac-pro", title: "", account: "none", accountCreatedAt: null, disability: "no",
          acquis: [], file: "not-posted", ticked: [],
        });
        assert.deepEqual((await checklist(c.page)).map(([id]) => id), BASE_ITEMS);
        await assertAccessible(c.page, `tampered link ${fragment}, ${name}`);
        assertClean(c);
        await c.context.close();
      }
    });

    // ── 5 ─────────────────────────────────────────────────────────────────────────────────
    test("5. print: the recap and the envelope, no controls, links as readable addresses", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);
      await simulate(page, "2022-11-02T10:00");
      await answerCapCuisine(page);
      const recap = page.locator("section.recap");
      assert.equal(await recap.isVisible(), false, "the recap is for paper only");

      await page.emulateMedia({ media: "print" });
      assert.equal(await recap.isVisible(), true);
      assert.deepEqual(await recap.locator("dt, dd").allTextContents(), [
        "Diplôme", "CAP",
        "Intitulé exact du diplôme", "CAP Cuisine",
        "Compte Cyclades", "Créé et activé",
        "Handicap et aménagements d'épreuves", "J'ai déjà des aménagements",
        "Notes conservées et dispenses", "EG1 (Note conservée (bénéfice))",
        "Le dossier papier", "Pas encore posté",
      ]);
      assert.equal(await page.getByTestId("envelope").isVisible(), true);
      assert.equal(await page.getByTestId("address").isVisible(), true);
      assert.deepEqual(await addressLines(page), [
        "RECTORAT D'AIX-MARSEILLE", "DIEC 3.05 (CAP Cuisine)", "Place Lucien Paye", "13621 AIX EN PROVENCE cedex 1",
      ]);
      assert.equal(await page.getByTestId("checklist").isVisible(), true);
      assert.equal(await page.getByTestId("phase-banner").isVisible(), true);
      assert.equal(await page.getByTestId("verdict").isVisible(), true);

      // Controls: none on paper.
      for (const sel of ["[data-testid=questions]", "#diploma", "#title", "#simulate-at", "[data-testid=simulate-reset]",
        "[data-testid=tools]", "[data-testid=share-link]", "[data-testid=ics]", "[data-testid=print]",
        "[data-testid=lang-switch]", "[data-testid=copy-address]"]) {
        assert.equal(await page.locator(sel).isVisible(), false, `${sel} hidden on paper`);
      }
      // A simulated date is said on paper, so that the sheet is not taken for today's.
      assert.equal(await page.getByTestId("simulate-flag").isVisible(), true);
      assert.equal(
        (await page.getByTestId("simulate-flag").innerText()).replace(/\s+/g, " ").trim(),
        "Date simulée : mercredi 2 novembre 2022 à 10:00",
      );
      const ticks = page.locator("#app input.tick");
      assert.equal(await ticks.count(), CAP_CUISINE_ITEMS.length);
      for (const tick of await ticks.all()) assert.equal(await tick.isVisible(), false, "tick boxes hidden on paper");
      // Printed boxes instead: ☑ for what is done, ☐ for the rest.
      const boxes = await page.$$eval("#app [data-item]", (els) =>
        els.map((e) => [e.dataset.item, e.querySelector(".print-box").textContent, e.querySelector(".print-box").checkVisibility()]));
      assert.deepEqual(boxes, CAP_CUISINE_ITEMS.map(([id, s]) => [id, s === "done" ? "☑" : "☐", true]));

      // Links printed with their address after them.
      const links = await page.$$eval("[data-testid=links] a", (as) =>
        as.map((a) => [a.getAttribute("href"), getComputedStyle(a, "::after").content]));
      assert.deepEqual(links, [
        ["https://cyclades.education.gouv.fr/cyccandidat/portal/login", '" : https://cyclades.education.gouv.fr/cyccandidat/portal/login"'],
        ["http://www.ac-aix-marseille.fr", '" : http://www.ac-aix-marseille.fr"'],
        ["https://appli.ac-aix-marseille.fr/amex/", '" : https://appli.ac-aix-marseille.fr/amex/"'],
        ["https://eduscol.education.fr/774/les-diplomes-professionnels", '" : https://eduscol.education.fr/774/les-diplomes-professionnels"'],
      ]);
      await assertAccessible(page, `print, ${name}`);

      await page.emulateMedia({ media: "screen" });
      assert.equal(await recap.isVisible(), false);
      assert.equal(await page.locator("#diploma").isVisible(), true);

      // By the real clock, no "Et si…" box on paper at all.
      await page.getByTestId("simulate-reset").click();
      await page.emulateMedia({ media: "print" });
      assert.equal(await page.getByTestId("simulate").isVisible(), false);
      await page.emulateMedia({ media: "screen" });
      assert.equal(await page.getByTestId("simulate").isVisible(), true);
      assertClean(t);
      await t.context.close();
    });

    // The issue asks for one or two A4 pages, for the fullest checklist a candidate can have.
    test("5b. print: the fullest list fits on two A4 pages", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);
      await simulate(page, "2022-11-02T10:00");
      await answerCapCuisine(page);
      await page.getByTestId("disability-both").check();
      await page.getByTestId("acquis-add").click();
      await page.locator("#acquis-1-epreuve").fill("EP1");
      await page.locator("#acquis-1-kind").selectOption("dispense");
      const ids = (await checklist(page)).map(([id]) => id);
      assert.ok(ids.includes("attach-diploma") && ids.includes("request-accommodation"), `${ids}`);
      const pdf = await page.pdf({ format: "A4" });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1 && pages <= 2, `the printout has ${pages} A4 pages`);
      assertClean(t);
      await t.context.close();
    });

    // ── 6 ─────────────────────────────────────────────────────────────────────────────────
    test("6. the .ics holds one daytime event per deadline still to meet, with morning reminders and no health answer", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);
      await simulate(page, "2022-11-02T10:00");
      await answerCapCuisine(page);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Ajouter à mon agenda" }).click(),
      ]);
      assert.equal(download.suggestedFilename(), "candidat-aix-marseille-2023.ics");
      const bytes = await streamToBuffer(await download.createReadStream());
      const text = bytes.toString("utf8");
      assert.equal(Buffer.from(text, "utf8").equals(bytes), true, "valid UTF-8");

      // CRLF everywhere, no bare LF or CR, every physical line at most 75 octets.
      assert.ok(text.endsWith("\r\n"));
      const physical = text.slice(0, -2).split("\r\n");
      for (const line of physical) {
        assert.ok(!line.includes("\n") && !line.includes("\r"), `bare line break in ${JSON.stringify(line)}`);
        assert.ok(Buffer.byteLength(line, "utf8") <= 75, `line over 75 octets: ${JSON.stringify(line)}`);
      }
      const lines = text.slice(0, -2).replace(/\r\n[ \t]/g, "").split("\r\n");
      assert.deepEqual(lines.slice(0, 3), ["BEGIN:VCALENDAR", "VERSION:2.0", lines[2]]);
      assert.match(lines[2], /^PRODID:.+/);
      assert.equal(lines.at(-1), "END:VCALENDAR");

      const events = parseEvents(lines);
      // One event per deadline ahead with something still to do: the pre-registration close
      // (register, declare the handicap and the acquis) and the return close (the file).
      // Each from 09:00 to 10:00 Paris time on the day, alarms at 09:00 three days and one day
      // before.
      const expected = [
        { day: "20221117", start: "20221117T080000Z", end: "20221117T090000Z", alarms: ["20221114T080000Z", "20221116T080000Z"],
          items: ["register-online", "declare-handicap", "declare-acquis"] },
        { day: "20221202", start: "20221202T080000Z", end: "20221202T090000Z", alarms: ["20221129T080000Z", "20221201T080000Z"],
          items: ["print-confirmation", "sign-confirmation", "attach-supporting-documents", "attach-accommodation-notice", "attach-transcript", "mail-file"] },
      ];
      assert.deepEqual(events.map((e) => [e.DTSTART, e.DTEND]), expected.map((x) => [x.start, x.end]));
      assert.equal(new Set(events.map((e) => e.UID)).size, events.length, "unique UIDs");
      // The same deadlines as the page's own list: dated items still to do, by due date.
      const dated = await page.$$eval("#app [data-item]", (els) => els
        .filter((e) => e.dataset.status === "todo" && e.querySelector(".due").textContent.startsWith("Avant le"))
        .map((e) => e.dataset.item));
      assert.deepEqual(dated.sort(), expected.flatMap((x) => x.items).sort());
      for (const [i, e] of events.entries()) {
        assert.match(e.DTSTAMP, /^\d{8}T\d{6}Z$/);
        assert.deepEqual(e.alarms.map((a) => a.TRIGGER), expected[i].alarms, `alarms of event ${i}`);
        for (const a of e.alarms) assert.equal(a.ACTION, "DISPLAY");
        const description = unescapeText(e.DESCRIPTION);
        for (const id of expected[i].items) {
          if (id === "declare-handicap" || id === "attach-accommodation-notice") continue;
          const label = await page.locator(`[data-item="${id}"] .item-label`).textContent();
          assert.ok(description.includes(label), `${label} in the event of ${expected[i].day}`);
        }
        // The candidate's disability never reaches a calendar that may sync online.
        assert.doesNotMatch(description + unescapeText(e.SUMMARY), /andicap|ménagement/);
      }
      assertClean(t);
      await t.context.close();
    });

    // ── 7 ─────────────────────────────────────────────────────────────────────────────────
    test("7. keyboard only: explore, change the diploma, open a « Pourquoi ? », tick an item", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);

      // The real clock is past the session: its notice offers to explore it.
      await tabTo(page, "[data-testid=explore-session]");
      await assertFocusVisible(page, "explore button");
      await page.keyboard.press("Enter");
      await page.getByTestId("simulate-flag").waitFor();
      assert.deepEqual(await state(page), { phase: "registration-open", verdict: "on-track", changes: "online" });

      await tabTo(page, "#diploma");
      await assertFocusVisible(page, "diploma select");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      assert.equal(await page.locator("#diploma").inputValue(), "cap");
      assert.equal((await addressLines(page))[1], "DIEC 3.05 (CAP)");

      // Past the item, then back with Shift+Tab.
      await tabTo(page, "#tick-sign-confirmation");
      await tabTo(page, "#tick-print-confirmation", "Shift+Tab");
      await assertFocusVisible(page, "tick box");
      await page.keyboard.press("Space");
      assert.equal(await page.locator("#tick-print-confirmation").isChecked(), true);
      assert.equal(await page.getAttribute('[data-item="print-confirmation"]', "data-status"), "done");
      assert.equal(await page.getAttribute("[data-testid=changes]", "data-changes"), "red-pen", "confirmation printed: red pen");

      await page.keyboard.press("Tab");
      const summary = page.locator('[data-item="print-confirmation"] summary');
      assert.equal(await summary.evaluate((e) => e === document.activeElement), true);
      await assertFocusVisible(page, "« Pourquoi ? »");
      await page.keyboard.press("Enter");
      const details = page.locator('[data-item="print-confirmation"] details');
      assert.equal(await details.evaluate((d) => d.open), true);
      assert.equal(await details.locator("p").first().isVisible(), true);
      // The notice's own section, never the project's rule ids.
      assert.match(await details.locator(".source").textContent(), /§2$/);
      assert.doesNotMatch(await details.locator(".source").textContent(), /R\d/);
      await assertAccessible(page, `keyboard journey, ${name}`);
      assertClean(t);
      await t.context.close();
    });

    // ── 8 ─────────────────────────────────────────────────────────────────────────────────
    test("8. language: English and back, answers kept", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);
      await simulate(page, "2022-11-02T10:00");
      await page.getByLabel("Diplôme", { exact: true }).selectOption("cap");
      assert.equal(await page.getAttribute("html", "lang"), "fr");

      await page.getByRole("button", { name: "Read this page in English" }).click();
      assert.equal(await page.getAttribute("html", "lang"), "en");
      assert.equal(await page.title(), "Registering as an individual candidate for a French vocational exam");
      assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Registering as an individual candidate for a French vocational exam");
      assert.equal(await page.getByLabel("Diploma", { exact: true }).inputValue(), "cap", "answers kept");
      assert.equal(await page.getByRole("heading", { name: "What you have to do" }).count(), 1);
      assert.equal(await page.locator('[data-item="create-account"] .item-label').textContent(), "Create your Cyclades account");
      assert.equal(await page.getByTestId("status-create-account").textContent(), "To do");
      assert.equal(await dueText(page, "register-online"), "By Thursday 17 November 2022, 23:59");
      assert.equal(
        (await page.getByTestId("phase-banner").textContent()).trim(),
        "You have 15 days and 13 hours left to pre-register (until Thursday 17 November 2022, 23:59).",
      );
      assert.equal(await page.getByRole("radio", { name: "Created and activated" }).count(), 1);
      const back = page.getByRole("button", { name: "Lire cette page en français" });
      assert.equal(await back.getAttribute("lang"), "fr");
      await assertAccessible(page, `English, ${name}`);

      await back.click();
      assert.equal(await page.getAttribute("html", "lang"), "fr");
      assert.equal(await page.title(), "S'inscrire en candidat individuel à un examen professionnel");
      assert.equal(await page.getByLabel("Diplôme", { exact: true }).inputValue(), "cap");
      assert.equal(await page.locator('[data-item="create-account"] .item-label').textContent(), "Créer votre compte Cyclades");
      assert.equal(await page.getByTestId("status-create-account").textContent(), "À faire");
      assert.equal(await page.getByRole("button", { name: "Read this page in English" }).getAttribute("lang"), "en");
      await assertAccessible(page, `back to French, ${name}`);
      assertClean(t);
      await t.context.close();
    });
  });
}

// Kept answers expire after the session's return deadline: with the real clock long past it,
// "remember" cannot bring answers back, and nothing stays behind.
test("3b. answers kept on this device expire after the return deadline", async () => {
  const t = await open(browser, VIEWPORTS[0][1]);
  const { page, context } = t;
  const remember = page.getByRole("switch", { name: "Se souvenir sur cet appareil" });
  await context.clock.setFixedTime(new Date("2022-12-02T22:00:00+01:00"));
  await load(page);
  await remember.check();
  await page.getByLabel("Diplôme", { exact: true }).selectOption("cap");
  assert.deepEqual(await ownStorageKeys(page), ["candidat:aix-marseille-2023:lang", "candidat:aix-marseille-2023:situation", "candidat:aix-marseille-2023:until"]);
  assert.equal(await page.evaluate(() => localStorage.getItem("candidat:aix-marseille-2023:until")), "2022-12-02T23:59:59+01:00");
  // The next visit comes after the deadline: the answers are gone, and nothing can be kept.
  await context.clock.setFixedTime(new Date("2022-12-03T09:00:00+01:00"));
  await reload(page);
  assert.equal(await page.locator("#diploma").inputValue(), "bac-pro");
  assert.deepEqual(await ownStorageKeys(page), []);
  assert.equal(await remember.isChecked(), false);
  assert.equal(await remember.isDisabled(), true);
  assert.match(await page.locator("#remember-hint").innerText(), /date limite de retour du dossier de cette session est passée/);
  await page.getByLabel("Diplôme", { exact: true }).selectOption("cap");
  assert.deepEqual(await ownStorageKeys(page), [], "nothing written after the deadline");
  assertClean(t);
  await context.close();
});

// ── helpers ───────────────────────────────────────────────────────────────────────────────

async function streamToBuffer(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}

/// VEVENTs of an unfolded calendar: { NAME: value, alarms: [{…}] } per event.
function parseEvents(lines) {
  const events = [];
  let event = null;
  let alarm = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    assert.ok(colon > 0, `name:value in ${JSON.stringify(line)}`);
    const name = line.slice(0, colon).split(";")[0];
    const value = line.slice(colon + 1);
    if (name === "BEGIN" && value === "VEVENT") event = { alarms: [] };
    else if (name === "END" && value === "VEVENT") {
      for (const k of ["UID", "DTSTAMP", "DTSTART", "SUMMARY"]) assert.ok(event[k], `${k} in a VEVENT`);
      events.push(event);
      event = null;
    } else if (name === "BEGIN" && value === "VALARM") alarm = {};
    else if (name === "END" && value === "VALARM") {
      event.alarms.push(alarm);
      alarm = null;
    } else if (alarm) alarm[name] = value;
    else if (event) event[name] = value;
  }
  return events;
}

function unescapeText(v) {
  return v.replace(/\\([\\;,nN])/g, (_, c) => (c === "n" || c === "N" ? "\n" : c));
}

/// Presses Tab (or Shift+Tab) until the focused element matches `selector`.
async function tabTo(page, selector, key = "Tab", max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  assert.fail(`${key} ×${max} never reached ${selector}; focus is on ${at}`);
}

/// The focused element shows it: :focus-visible with an outline or a box-shadow.
async function assertFocusVisible(page, what) {
  const r = await page.evaluate(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    return { fv: e.matches(":focus-visible"), outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
  });
  assert.equal(r.fv, true, `${what} matches :focus-visible`);
  assert.ok((r.outline !== "none" && r.width > 0) || r.shadow !== "none", `${what} shows its focus: ${JSON.stringify(r)}`);
}
