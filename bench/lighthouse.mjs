// Lighthouse (bench/node_modules, pinned in bench/package-lock.json) against a served page,
// mobile (the default form factor), in Debian's Chromium.
//
//   node bench/lighthouse.mjs <url> <output.json>
//
// Runs the Lighthouse CLI, then prints flat `key=value` lines on stdout for xtask: the three
// category scores (0–100), the main metrics (ms; CLS unitless), and every request the run
// made outside the page's origin (there must be none).
import { spawnSync } from "node:child_process";
import { readFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [url, output] = process.argv.slice(2);
if (!url || !output) {
  console.error("usage: node bench/lighthouse.mjs <url> <output.json>");
  process.exit(2);
}
mkdirSync(dirname(output), { recursive: true });
const cli = join(dirname(fileURLToPath(import.meta.url)), "node_modules/lighthouse/cli/index.js");
const flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run";
const run = spawnSync(
  process.execPath,
  [
    cli,
    url,
    "--output=json",
    `--output-path=${output}`,
    `--chrome-flags=${flags}`,
    "--only-categories=performance,accessibility,best-practices",
    "--quiet",
  ],
  { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? "/usr/bin/chromium" }, stdio: ["ignore", "inherit", "inherit"] },
);
if (run.status !== 0) {
  console.error(`lighthouse exited with ${run.status ?? run.signal}`);
  process.exit(1);
}

const lhr = JSON.parse(readFileSync(output, "utf8"));
const lines = [`lighthouse.version=${lhr.lighthouseVersion}`, `lighthouse.formfactor=${lhr.configSettings?.formFactor}`];
lines.push(`lighthouse.throttling=${lhr.configSettings?.throttlingMethod}`);
for (const id of ["performance", "accessibility", "best-practices"]) {
  const score = lhr.categories?.[id]?.score;
  lines.push(`lighthouse.score.${id}=${score == null ? "n/a" : Math.round(score * 100)}`);
}
const metrics = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
  tti: "interactive",
};
for (const [key, id] of Object.entries(metrics)) {
  const audit = lhr.audits?.[id];
  if (audit?.numericValue == null) continue;
  lines.push(`lighthouse.metric.${key}=${audit.numericValue}`);
  lines.push(`lighthouse.metric.${key}.display=${(audit.displayValue ?? "").replace(/\s+/g, " ")}`);
}
if (lhr.runtimeError) lines.push(`lighthouse.error=${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
for (const w of lhr.runWarnings ?? []) lines.push(`lighthouse.warning=${String(w).replace(/\s+/g, " ")}`);
// Every request of the page load, as Lighthouse recorded it: none may leave the origin.
const origin = new URL(url).origin;
const requests = (lhr.audits?.["network-requests"]?.details?.items ?? []).map((i) => i.url);
const foreign = requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:"));
lines.push(`lighthouse.requests=${requests.length}`);
lines.push(`lighthouse.requests.own=${requests.filter((u) => u.startsWith(origin + "/")).length}`);
lines.push(`lighthouse.requests.inline=${requests.filter((u) => u.startsWith("data:") || u.startsWith("blob:")).length}`);
const bytes = (lhr.audits?.["network-requests"]?.details?.items ?? []).reduce((n, i) => n + (i.transferSize ?? 0), 0);
lines.push(`lighthouse.transfer=${bytes}`);
lines.push(`lighthouse.foreign=${foreign.join(" ")}`);
console.log(lines.join("\n"));
