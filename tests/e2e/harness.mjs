// Shared set-up of the end-to-end journeys: Debian's Chromium driven by playwright-core
// (never a downloaded browser), the site served by `cargo xtask test` at BASE_URL, every
// request recorded so that a test can prove nothing leaves the page's own origin.
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:8080/";
export const PHONE = { width: 375, height: 667 };
export const DESKTOP = { width: 1280, height: 800 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}

/// A fresh context and page at a viewport, recording requests, console errors and page errors.
export async function open(browser, viewport = PHONE, contextOptions = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return { context, page, requests, errors };
}

/// Loads the page (with an optional fragment) and waits until the app has rendered.
export async function load(page, fragment = "") {
  await page.goto(new URL(fragment, BASE_URL).href);
  await page.waitForSelector("#app [data-phase]", { timeout: 20_000 });
}

/// Every request went to the page's own origin (assets, session files): nothing else, ever.
export function assertOnlyOwnOrigin(requests) {
  const own = new URL(BASE_URL).origin;
  const foreign = requests.filter((u) => !u.startsWith(own + "/") && !u.startsWith("blob:") && !u.startsWith("data:"));
  assert.deepEqual(foreign, [], "requests outside the page's own origin");
}

/// axe-core with the WCAG 2.1 A/AA tags: no violation allowed.
export async function assertAccessible(page, label) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(summary, [], `accessibility violations in state "${label}"`);
}
