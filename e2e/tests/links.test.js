// Following links as a reader does: a mention on a source page lands on the actor; a
// citation on the chronology lands on the paragraph, visibly highlighted (:target).
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileUrl, launch, watchedPage } from "../lib/browser.js";
import { E2E_DIR, SITES, model } from "../lib/env.js";
import { serve, servedUrl } from "../lib/server.js";

const PROBE = path.join(E2E_DIR, "lib", "probe.js");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Asserts that the :target paragraph stands out from the page and from its neighbours. */
async function assertHighlighted(page, id, where) {
  await page.addScriptTag({ path: PROBE });
  const look = await page.evaluate((id) => {
    const el = document.getElementById(id);
    const e2e = window.__e2e;
    const own = e2e.rgba(getComputedStyle(el).backgroundColor);
    const behind = e2e.background(el.parentElement);
    const mine = e2e.background(el);
    const sibling = [...el.parentElement.children].find((x) => x !== el && x.classList.contains("para"));
    const r = el.getBoundingClientRect();
    return {
      target: el.matches(":target"),
      ownAlpha: own[3],
      change: e2e.deltaE(mine, behind),
      siblingPlain: sibling ? e2e.rgba(getComputedStyle(sibling).backgroundColor)[3] === 0 : true,
      text: e2e.textContrast(el).ratio,
      top: r.top,
      height: window.innerHeight,
    };
  }, id);
  assert.ok(look.target, `${where}: #${id} is not the :target`);
  assert.ok(look.ownAlpha > 0, `${where}: #${id} has no background of its own when it is the :target`);
  assert.ok(look.change >= 10, `${where}: the highlight of #${id} is too faint (ΔE ${look.change.toFixed(1)} from the page; 10 or more is plainly visible)`);
  assert.ok(look.siblingPlain, `${where}: the other paragraphs are highlighted too`);
  assert.ok(look.text >= 4.5, `${where}: text on the highlight is illegible (${look.text.toFixed(2)}:1)`);
  assert.ok(look.top >= -1 && look.top < look.height - 20, `${where}: #${id} is not scrolled into view (top ${look.top})`);
}

for (const site of SITES) {
  const m = model(site.root);
  // Dark changes the highlight, not the links: served pages are followed in light only.
  for (const [mode, scheme] of [["file", "light"], ["file", "dark"], ["served", "light"]]) {
    {
      describe(`${site.name}, ${mode === "file" ? "file://" : "served under /my-dossier/"}, ${scheme}`, () => {
        let context;
        let server;
        const url = (rel) => (mode === "file" ? fileUrl(site.root, rel) : servedUrl(server.base, rel));
        before(async () => {
          context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
          if (mode === "served") server = await serve(site.root);
        });
        after(async () => {
          await context?.close();
          await server?.close();
        });

        it("a mention on each source page leads to the actor it names", async () => {
          for (const source of m.sources) {
            const page = await watchedPage(context);
            await page.goto(url(source.page));
            const mentions = page.locator(".body a.mention");
            assert.ok((await mentions.count()) > 0, `${source.page}: no mention link (a.mention) in the text`);
            // The first mention, and one from the middle of the text.
            for (const index of [0, Math.floor((await mentions.count()) / 2)]) {
              const link = mentions.nth(index);
              const word = (await link.textContent()).trim();
              const href = await link.getAttribute("href");
              const id = href.match(/actors\/([a-z0-9-]+)\//)?.[1];
              const actor = m.actors.find((a) => a.id === id);
              assert.ok(actor, `${source.page}: mention "${word}" links to ${href}, not to an actor`);
              assert.ok(
                [actor.name, ...(actor.aliases || [])].some((n) => n.toLowerCase() === word.toLowerCase()),
                `${source.page}: mention "${word}" links to ${actor.name}, whose names are ${[actor.name, ...(actor.aliases || [])].join(", ")}`,
              );
              await link.click();
              await page.waitForURL(url(actor.page).replace(/index\.html$/, "") + "**");
              assert.equal((await page.locator("h1").first().textContent()).trim(), actor.name, `${source.page}: "${word}" landed elsewhere`);
              await page.goBack();
            }
            assert.deepEqual(page.problems(), [], `${source.page}: problems while following mentions`);
            await page.close();
          }
        });

        it("a paragraph citation on the chronology lands on the paragraph, highlighted", async () => {
          const page = await watchedPage(context);
          await page.goto(url("chronology/index.html"));
          const cites = page.locator('main a[href*="sources/"][href*="#p"]');
          const n = await cites.count();
          assert.ok(n > 0, "the chronology cites no paragraph (no link to sources/…#pN)");
          for (const index of [...new Set([0, Math.floor(n / 2), n - 1])]) {
            await page.goto(url("chronology/index.html"));
            const link = cites.nth(index);
            const href = await link.getAttribute("href");
            const [, sourceId, para] = href.match(/sources\/([a-z0-9-]+)\/(?:index\.html)?#(p\d+)/) || [];
            const source = m.sources.find((s) => s.id === sourceId);
            assert.ok(source, `citation ${href} does not point at a source`);
            await link.click();
            await page.waitForURL((u) => u.hash === `#${para}` && u.pathname.includes(`/sources/${sourceId}/`));
            // French pages put no-break spaces before `:`; the title is the same.
            const h1 = (await page.locator("h1").first().textContent()).trim().replace(/[\u00a0\u202f]/g, " ");
            assert.equal(h1, source.title);
            await assertHighlighted(page, para, `${href} from the chronology`);
          }
          assert.deepEqual(page.problems(), [], "problems while following citations");
          await page.close();
        });
      });
    }
  }
}
