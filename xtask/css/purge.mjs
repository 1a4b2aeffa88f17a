// `cargo xtask build`'s stylesheet step (xtask/src/style.rs, ADR 0012): the DSFR component
// files the page uses and our own stylesheet, with every rule no page or view can match
// removed by PurgeCSS (pinned in package-lock.json).
//
//   node xtask/css/purge.mjs <out.css> <dsfr dist dir> <css files…> -- <content files or globs…>
//
// Each file's relative url(…) (fonts, icons) is rewritten first to `dsfr:<path in the DSFR
// dist dir>` or `www:<path>`, since the files come from different folders; xtask then copies
// what survives and points the urls at the copies.
import { PurgeCSS } from "purgecss";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";

const args = process.argv.slice(2);
const sep = args.indexOf("--");
if (args.length < 4 || sep < 3) {
  console.error("usage: node xtask/css/purge.mjs <out.css> <dsfr dist> <css…> -- <content…>");
  process.exit(2);
}
const [out, dsfrDist] = args;
const cssFiles = args.slice(2, sep);
const content = args.slice(sep + 1);

function rewriteUrls(file, css) {
  return css.replace(/url\((["']?)([^)"']+)\1\)/g, (whole, _q, url) => {
    if (/^(data:|https?:|#|\/)/.test(url)) return whole;
    const abs = resolve(dirname(file), url);
    const inDsfr = relative(resolve(dsfrDist), abs);
    if (!inDsfr.startsWith("..")) return `url("dsfr:${inDsfr}")`;
    return `url("www:${relative(resolve("www"), abs)}")`;
  });
}

const css = cssFiles.map((file) => ({ raw: rewriteUrls(file, readFileSync(file, "utf8")) }));
const [result] = await new PurgeCSS().purge({
  content,
  css: [{ raw: css.map((c) => c.raw).join("\n") }],
  // Class names are written in Rust string literals (`.class("fr-btn fr-btn--secondary")`)
  // and in the generated HTML: every run of name characters is a candidate.
  defaultExtractor: (text) => text.match(/[A-Za-z0-9_-]+/g) || [],
  variables: true,
  keyframes: true,
  fontFace: true,
  // States set by the browser or by attributes the views write at run time.
  dynamicAttributes: ["aria-expanded", "aria-invalid", "aria-current", "open", "hidden", "disabled", "checked", "data-status", "data-phase", "data-tone", "data-verdict", "lang"],
  safelist: { standard: [/^:/], greedy: [/data-fr-scheme/, /data-other-session/, /data-embed/] },
});
writeFileSync(out, result.css);
console.log(`purge: ${cssFiles.length} stylesheets → ${result.css.length} B (${out})`);
