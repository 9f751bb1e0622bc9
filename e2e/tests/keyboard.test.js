// Every page can be used from the keyboard: Tab walks through links and controls, each
// one shows a visible focus (outline or box-shadow that it does not have unfocused, in a
// colour that stands out from the page), inside the viewport; the skip link works.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileUrl, launch, watchedPage } from "../lib/browser.js";
import { E2E_DIR, SITES, htmlPages, keyPages } from "../lib/env.js";
import { open } from "../lib/open.js";

const PROBE = path.join(E2E_DIR, "lib", "probe.js");
const TABS = 15;
const ALL = 1000;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Records, before any focus, how every focusable element looks. */
async function recordUnfocused(page) {
  await page.addScriptTag({ path: PROBE });
  return page.evaluate(() => {
    const e2e = window.__e2e;
    e2e.unfocused = new Map();
    const focusable = document.querySelectorAll("a[href], button, input, select, textarea, [tabindex], summary, area[href]");
    for (const el of focusable) e2e.unfocused.set(el, e2e.focusStyle(el));
    // Inside a closed <details>, only its <summary> is shown.
    const folded = (el) => {
      for (let d = el.parentElement?.closest("details"); d; d = d.parentElement?.closest("details")) {
        const summary = d.querySelector(":scope > summary");
        if (!d.open && !(summary && summary.contains(el))) return true;
      }
      return false;
    };
    // What Tab can reach: rendered, enabled, not taken out of the order.
    const tabbable = [...focusable].filter(
      (el) =>
        el.tabIndex >= 0 && !el.disabled && !folded(el) && el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible",
    );
    return {
      count: tabbable.length,
      positiveTabindex: [...document.querySelectorAll("[tabindex]")].filter((el) => el.tabIndex > 0).map(e2e.describe),
    };
  });
}

/** After a Tab: what has focus, and whether a person can see that it has. */
async function inspectFocus(page) {
  return page.evaluate(() => {
    const e2e = window.__e2e;
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { none: true };
    const now = e2e.focusStyle(el);
    const before = e2e.unfocused.get(el) || { outline: "none", boxShadow: "none" };
    const behind = e2e.background(el.parentElement || el);
    const outlineContrast = now.outline !== "none" ? e2e.contrast(e2e.rgba(now.outlineColor), behind) : 0;
    const outlineShown = now.outline !== "none" && now.outline !== before.outline && now.outlineWidth >= 1;
    const shadowShown = now.boxShadow !== "none" && now.boxShadow !== before.boxShadow;
    const r = el.getBoundingClientRect();
    const inView =
      r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth;
    return {
      el: e2e.describe(el),
      outline: now.outline,
      boxShadow: now.boxShadow,
      visible: outlineShown || shadowShown,
      outlineContrast,
      shadowShown,
      inView,
      focusVisible: el.matches(":focus-visible"),
    };
  });
}

for (const site of SITES) {
  for (const scheme of ["light", "dark"]) {
    describe(`${site.name}, ${scheme}: Tab through the pages`, () => {
      let context;
      before(async () => {
        context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      });
      after(async () => {
        await context?.close();
      });

      // Every page in light; dark changes only colours, so the key pages there.
      const pages = htmlPages(site.root).filter(
        (p) => scheme === "light" || /^(index|404)\.html$|^(sources|actors|chronology|search|briefing)\/index\.html$/.test(p),
      );
      const key = new Set(keyPages(site.root).map((k) => k.page));
      for (const rel of pages) {
        // The key pages in light: every stop (links in SVG pictures, table buttons… too).
        const limit = scheme === "light" && key.has(rel) ? ALL : TABS;
        it(`${rel} (${limit === ALL ? "every stop" : `first ${TABS} stops`})`, async () => {
          const page = await watchedPage(context);
          await open(page, site.root, rel);
          const { count, positiveTabindex } = await recordUnfocused(page);
          assert.deepEqual(positiveTabindex, [], `${rel}: tabindex > 0 breaks the reading order`);
          const stops = [];
          const problems = [];
          for (let i = 0; i < Math.min(limit, count); i++) {
            await page.keyboard.press("Tab");
            const f = await inspectFocus(page);
            if (f.none) {
              problems.push(`Tab ${i + 1}: nothing has focus`);
              break;
            }
            stops.push(f.el);
            if (!f.visible) problems.push(`Tab ${i + 1}: ${f.el} shows no focus (outline ${f.outline}, box-shadow ${f.boxShadow})`);
            else if (!f.shadowShown && f.outlineContrast < 3) {
              problems.push(`Tab ${i + 1}: ${f.el} focus outline contrast ${f.outlineContrast.toFixed(2)}:1 with the page (3:1 needed)`);
            }
            if (!f.inView) problems.push(`Tab ${i + 1}: ${f.el} has focus but is outside the viewport`);
          }
          assert.deepEqual(problems, [], `${rel} (${scheme}): focus problems; stops were:\n  ${stops.join("\n  ")}`);
          assert.ok(stops.length >= Math.min(3, count), `${rel}: Tab reached only ${stops.length} element(s)`);
          assert.deepEqual(page.problems(), []);
          await page.close();
        });
      }

      it("the skip link is the first stop, shows itself, and moves focus to the main content", async () => {
        const page = await watchedPage(context);
        await page.goto(fileUrl(site.root, "sources/index.html"));
        await page.keyboard.press("Tab");
        const first = await page.evaluate(() => {
          const el = document.activeElement;
          const r = el.getBoundingClientRect();
          return { href: el.getAttribute("href"), text: el.textContent.trim(), top: r.top, bottom: r.bottom };
        });
        assert.equal(first.href, "#main", `the first Tab stop is ${JSON.stringify(first)}, not the skip link`);
        assert.ok(first.top >= 0 && first.bottom <= 800, `the focused skip link is off screen (${first.top}…${first.bottom})`);
        await page.keyboard.press("Enter");
        const next = await page.evaluate(() => {
          const main = document.querySelector("main");
          return { focusedMain: document.activeElement === main, hash: location.hash };
        });
        assert.equal(next.hash, "#main");
        // The next Tab continues inside the main content, not back in the header.
        await page.keyboard.press("Tab");
        const inMain = await page.evaluate(() => document.querySelector("main").contains(document.activeElement));
        assert.ok(next.focusedMain || inMain, "after the skip link, Tab does not continue in <main>");
        await page.close();
      });
    });
  }
}
