// Accessibility and legibility of the key pages, in light and dark: axe-core (injected
// into the page) finds no serious or critical violation, and every piece of text has the
// contrast WCAG AA asks for (4.5:1; 3:1 for large text) against what is behind it.
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { launch, watchedPage } from "../lib/browser.js";
import { E2E_DIR, OUT, SITES, keyPages, noteMissing } from "../lib/env.js";
import { open } from "../lib/open.js";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const PROBE = path.join(E2E_DIR, "lib", "probe.js");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Runs axe on the open page; returns its serious and critical violations, described. */
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // preload: false — axe would fetch the stylesheets itself (for one rule), which a
    // file:// page may not do; the computed styles it needs are there anyway.
    const result = await window.axe.run(document, { resultTypes: ["violations"], preload: false });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ impact: n.impact, target: n.target.join(" "), summary: n.failureSummary })),
    }));
  });
  return violations;
}

/** Text whose contrast with its background is under WCAG AA, worst first. */
async function lowContrastText(page) {
  await page.addScriptTag({ path: PROBE });
  return page.evaluate(() => {
    const e2e = window.__e2e;
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !node.textContent.trim()) continue;
      seen.add(el);
      if (el.closest("svg, script, style, noscript, .visually-hidden, [hidden]")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== "visible" || parseFloat(cs.opacity) === 0) continue;
      // The skip link is off screen until it has focus; it is checked focused elsewhere.
      if (r.bottom < 0 && el.closest(".skip")) continue;
      const size = parseFloat(cs.fontSize);
      const bold = parseInt(cs.fontWeight, 10) >= 700;
      const large = size >= 24 || (bold && size >= 18.66);
      const need = large ? 3 : 4.5;
      const c = e2e.textContrast(el);
      if (c.ratio < need) {
        out.push({ el: e2e.describe(el), ratio: Math.round(c.ratio * 100) / 100, need, fg: c.fg, bg: c.bg });
      }
    }
    return out.sort((a, b) => a.ratio - b.ratio);
  });
}

const report = [];
after(() => {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, "axe.json"), JSON.stringify(report, null, 2));
});

for (const site of SITES) {
  for (const scheme of ["light", "dark"]) {
    describe(`${site.name}, ${scheme}`, () => {
      let context;
      before(async () => {
        context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      });
      after(async () => {
        await context?.close();
      });

      for (const key of keyPages(site.root)) {
        it(`${key.name} (${key.page}): axe finds no serious or critical violation; all text legible`, async (t) => {
          if (!key.exists) {
            noteMissing(key.page, "built on another branch");
            t.skip(`${key.page} not built yet`);
            return;
          }
          const page = await watchedPage(context);
          const query = key.name === "search" ? "?q=armee" : "";
          await open(page, site.root, key.page, { suffix: query });
          // The scheme took: a light page is light, a dark one dark.
          const bodyBg = await page.evaluate(() => {
            const bg = getComputedStyle(document.body).backgroundColor;
            return bg;
          });
          await page.addScriptTag({ path: PROBE });
          const lum = await page.evaluate(() => {
            const c = window.__e2e.background(document.body);
            const l = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
            return 0.2126 * l(c[0]) + 0.7152 * l(c[1]) + 0.0722 * l(c[2]);
          });
          // The briefing is a document for paper: it may stay light; it must stay legible.
          if (key.name === "briefing") {
            if (scheme === "dark" && lum >= 0.1) console.log(`NOTE: ${key.page} stays light in dark mode (a page for print)`);
          } else if (scheme === "dark") {
            assert.ok(lum < 0.1, `${key.page} is not dark in dark mode (background ${bodyBg})`);
          } else {
            assert.ok(lum > 0.7, `${key.page} is not light in light mode (background ${bodyBg})`);
          }
          const body = await page.evaluate(() => window.__e2e.textContrast(document.body).ratio);
          assert.ok(body >= 4.5, `${key.page}: body text ${body.toFixed(2)}:1 against its background (4.5 needed)`);

          assert.deepEqual(page.problems(), [], `${key.page}: problems while loading`);
          const violations = await axe(page);
          const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          report.push({ site: site.name, scheme, page: key.page, violations });
          assert.deepEqual(
            bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} node(s): ${v.nodes.slice(0, 4).map((n) => n.target).join(" | ")}`),
            [],
            `${key.page} (${scheme}): axe violations (details in target/e2e/axe.json)`,
          );
          const low = await lowContrastText(page);
          assert.deepEqual(
            low.slice(0, 8).map((x) => `${x.el}: ${x.ratio}:1 (needs ${x.need}) fg rgb(${x.fg}) on rgb(${x.bg})`),
            [],
            `${key.page} (${scheme}): ${low.length} text element(s) under WCAG AA contrast`,
          );
          await page.close();
        });
      }
    });
  }
}
