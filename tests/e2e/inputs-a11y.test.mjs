// Issue 11, points 5 and 6: answers that cannot be right are said beside their field (linked
// by aria-describedby, the field aria-invalid), the checklist stays shown, axe finds nothing;
// adding and removing épreuves with the keyboard puts the focus where the candidate goes on.
// At a phone's size (390×844) and the narrowest reflow width (320×640).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, load, simulate, checklist, assertAccessible, assertClean } from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const SIZES = [
  ["390×844", { width: 390, height: 844 }],
  ["320×640", { width: 320, height: 640 }],
];

/// Waits (polling in the page) until the focused element matches `selector`.
async function focusOn(page, selector) {
  await page.waitForFunction((sel) => document.activeElement?.matches(sel) ?? false, selector, { timeout: 5_000 });
}

/// The message `id` is shown, is what the field's aria-describedby names, the field says
/// aria-invalid, and the message sits just below the field or right next to it.
async function assertBeside(page, field, id, pattern) {
  await page.getByTestId(id).waitFor({ state: "visible" });
  const r = await page.evaluate(([field, id]) => {
    const f = document.querySelector(field);
    const described = (f.getAttribute("aria-describedby") ?? "").split(/\s+/).map((i) => document.getElementById(i));
    const m = described.find((e) => e?.dataset.testid === id);
    const box = (e) => { const b = e.getBoundingClientRect(); return { top: b.top, bottom: b.bottom, left: b.left, right: b.right }; };
    return { resolves: !!m, invalid: f.getAttribute("aria-invalid"), text: m?.textContent, f: box(f), m: m && box(m) };
  }, [field, id]);
  assert.equal(r.resolves, true, `${field}'s aria-describedby names ${id}`);
  assert.equal(r.invalid, "true", `${field} is aria-invalid`);
  assert.match(r.text, pattern);
  const below = r.m.top >= r.f.bottom - 1 && r.m.top - r.f.bottom <= 32 && r.m.left < r.f.right && r.m.right > r.f.left;
  const nextTo = r.m.left >= r.f.right - 1 && r.m.left - r.f.right <= 32 && r.m.top < r.f.bottom && r.m.bottom > r.f.top;
  assert.ok(below || nextTo, `${id} is beside ${field}: ${JSON.stringify(r)}`);
}

/// The evaluation is still there, whole.
async function assertChecklistShown(page) {
  assert.equal(await page.getByTestId("checklist").isVisible(), true);
  const ids = (await checklist(page)).map(([id]) => id);
  assert.equal(ids[0], "create-account");
  assert.equal(ids.at(-1), "read-referentiel");
  assert.ok(await page.getByTestId("verdict").getAttribute("data-verdict"));
}

for (const [name, viewport] of SIZES) {
  describe(`inputs and accessibility (${name})`, () => {
    test("impossible dates and unnamed rows are said beside their field", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);
      await simulate(page, "2022-11-02T10:00");

      await page.getByTestId("account-created").check();
      const created = page.getByTestId("account-created-at");
      await created.fill("2022-11-05T10:00");
      await assertBeside(page, "#account-created-at", "account-created-at-error", /dans le futur/);
      assert.equal(await created.inputValue(), "2022-11-05T10:00", "the answer stays as typed");
      await assertChecklistShown(page);
      await assertAccessible(page, `account in the future, ${name}`);

      await created.fill("2022-10-01T10:00");
      await assertBeside(page, "#account-created-at", "account-created-at-error", /Pré-inscriptions à partir du mercredi 19 octobre 2022/);
      await assertChecklistShown(page);
      await assertAccessible(page, `account before the opening, ${name}`);

      await created.fill("2022-11-01T10:00");
      await page.getByTestId("account-created-at-error").waitFor({ state: "hidden" });
      assert.equal(await created.getAttribute("aria-invalid"), "false");

      await page.getByTestId("file-posted").check();
      const posted = page.getByTestId("posted-on");
      await posted.fill("2022-11-10");
      await assertBeside(page, "#posted-on", "posted-on-error", /dans le futur\u00a0: indiquez le cachet de la poste/);
      await assertChecklistShown(page);
      await assertAccessible(page, `postmark in the future, ${name}`);

      await posted.fill("2022-10-10");
      await assertBeside(page, "#posted-on", "posted-on-error", /Retour des dossiers à partir du mercredi 19 octobre 2022/);
      assert.equal(await posted.inputValue(), "2022-10-10");
      await assertChecklistShown(page);
      await assertAccessible(page, `postmark before the window, ${name}`);

      await page.getByTestId("acquis-add").click();
      await assertBeside(page, "#acquis-0-epreuve", "acquis-0-error", /nom de l'épreuve/);
      await assertChecklistShown(page);
      assert.ok((await checklist(page)).some(([id]) => id === "declare-acquis"), "the unnamed row still counts");
      await assertAccessible(page, `unnamed épreuve, ${name}`);
      await page.locator("#acquis-0-epreuve").fill("EG1");
      await page.getByTestId("acquis-0-error").waitFor({ state: "hidden" });

      // Nothing was lost on the way.
      assert.equal(await created.inputValue(), "2022-11-01T10:00");
      assert.equal(await posted.inputValue(), "2022-10-10");
      assertClean(t);
      await t.context.close();
    });

    test("the keyboard adds and removes épreuves, the focus follows", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);
      await page.getByTestId("acquis-add").focus();
      await page.keyboard.press("Enter");
      await focusOn(page, "#acquis-0-epreuve");
      await page.keyboard.type("EG1");
      // Rows come before the add button: from the row, Tab reaches its select, its remove
      // button, then the add button.
      await page.keyboard.press("Tab");
      await focusOn(page, "#acquis-0-kind");
      await page.keyboard.press("Tab");
      await focusOn(page, "[data-testid=acquis-0-remove]");
      await page.keyboard.press("Tab");
      await focusOn(page, "[data-testid=acquis-add]");
      await page.keyboard.press("Enter");
      await focusOn(page, "#acquis-1-epreuve");
      await page.keyboard.type("EP2");
      await assertAccessible(page, `two épreuves, ${name}`);

      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await focusOn(page, "[data-testid=acquis-1-remove]");
      await page.keyboard.press("Enter");
      await focusOn(page, "#acquis-0-epreuve");
      assert.equal(await page.locator("[data-testid=acquis-1]").count(), 0);
      assert.equal(await page.locator("#acquis-0-epreuve").inputValue(), "EG1");

      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await focusOn(page, "[data-testid=acquis-0-remove]");
      await page.keyboard.press("Space");
      await focusOn(page, "[data-testid=acquis-add]");
      assert.equal(await page.locator("[data-testid=acquis-0]").count(), 0);
      await assertAccessible(page, `no épreuve left, ${name}`);
      assertClean(t);
      await t.context.close();
    });

    test("an expired activation is said in the account group; tick boxes are described", async () => {
      const t = await open(browser, viewport);
      const { page } = t;
      await load(page);
      await simulate(page, "2022-11-10T12:00");
      await page.getByTestId("account-created").check();
      await page.getByTestId("account-created-at").fill("2022-11-01T10:00");
      const note = page.getByTestId("account-expired");
      await note.waitFor({ state: "visible" });
      assert.equal(
        await note.textContent(),
        "Ce compte a été supprimé (48 h dépassées)\u00a0: créez-en un nouveau, puis indiquez sa date de création.",
      );
      assert.equal(await note.getAttribute("role"), "status");
      assert.equal(await page.getAttribute('[data-item="activate-account"]', "data-status"), "expired");
      await assertAccessible(page, `expired account, ${name}`);

      const described = await page.$$eval("#app input.tick", (ticks) => ticks.map((t) =>
        (t.getAttribute("aria-describedby") ?? "").split(/\s+/).map((id) => {
          const e = document.getElementById(id);
          if (!e || !t.closest("[data-item]").contains(e)) return null;
          return ["status", "due"].find((c) => e.classList.contains(c)) ?? e.className;
        })));
      assert.ok(described.length > 0);
      for (const d of described) assert.deepEqual(d, ["status", "due"]);
      assertClean(t);
      await t.context.close();
    });
  });
}
