// WCAG 1.4.10 (reflow) and 1.4.4 (resize text): the whole page, with every part open, fits
// 320 CSS px without horizontal scrolling, and so does the desktop layout at 200 % zoom
// (1280 px at 200 % = a 640 px wide CSS viewport with device scale factor 2).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, open, load, simulate, assertClean } from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

for (const [name, viewport, scale] of [["320 px", { width: 320, height: 640 }, 1], ["200 % zoom", { width: 640, height: 400 }, 2]]) {
  test(`nothing scrolls sideways at ${name}`, async () => {
    const t = await open(browser, viewport, { deviceScaleFactor: scale });
    const { page } = t;
    await load(page);
    await simulate(page, "2022-11-02T10:00");
    // Open every part that can grow: an acquis row, both accommodations, every "Pourquoi ?".
    await page.getByTestId("disability-both").check();
    await page.getByTestId("acquis-add").click();
    await page.locator("#acquis-0-epreuve").fill("EP2 Épreuve professionnelle très longue");
    await page.$$eval("#app details", (ds) => ds.forEach((d) => (d.open = true)));
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      wider: [...document.querySelectorAll("#app *")]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => e.tagName + (e.id ? "#" + e.id : "") + "." + e.className)
        .slice(0, 5),
    }));
    assert.deepEqual(widths.wider, [], "elements wider than the viewport");
    assert.ok(widths.scroll <= widths.client, `page scrolls sideways: ${widths.scroll} > ${widths.client}`);
    assertClean(t);
    await t.context.close();
  });
}
