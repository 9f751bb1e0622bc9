// Every page of both built sites, opened from file:// and from a server under a sub-path,
// on a phone (390 px): no console error, no failed request, no horizontal scroll.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { fileUrl, horizontalOverflow, launch, watchedPage } from "../lib/browser.js";
import { SITES, htmlPages } from "../lib/env.js";
import { open, openedWherePublished, publishedBase } from "../lib/open.js";
import { serve, servedUrl } from "../lib/server.js";

const PHONE = { width: 390, height: 844 };
const PLURAL_AFTER_ONE =
  /(?<!\d[\s\u00a0\u202f,.]?)(?<![§#])\b1[\s\u00a0\u202f]+(événements|mentions|sources|acteurs|paragraphes|jugements|résultats|events|actors|paragraphs|judgments|results)\b/giu;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const site of SITES) {
  const pages = htmlPages(site.root);
  for (const mode of ["file", "served"]) {
    describe(`${site.name} from ${mode === "file" ? "file://" : "http://…/my-dossier/"} at 390 px`, () => {
      let context;
      let server;
      before(async () => {
        context = await browser.newContext({ viewport: PHONE });
        if (mode === "served") server = await serve(site.root);
      });
      after(async () => {
        await context?.close();
        await server?.close();
      });

      it("has pages to check", () => {
        assert.ok(pages.length >= 10, `only ${pages.length} HTML pages in ${site.root}`);
      });

      for (const rel of pages) {
        it(rel, async () => {
          const published = openedWherePublished(site.root, rel);
          const url = mode === "file" ? fileUrl(site.root, rel) : servedUrl(server.base, rel);
          const page = await watchedPage(context);
          try {
            if (published) {
              console.log(`NOTE: ${site.name}/${rel} links through <base href="${publishedBase(site.root)}">: opened at a missing address there, not ${mode === "file" ? "from file://" : "under /my-dossier/"}`);
            }
            const response = await open(page, site.root, rel, { url: mode === "file" ? null : (r) => servedUrl(server.base, r) });
            if (mode === "served" && !published) assert.equal(response.status(), 200, `${url} answered ${response.status()}`);
            // Deferred scripts have run by "load"; give a late request or error a moment.
            await page.waitForTimeout(50);
            const problems = page.problems();
            assert.deepEqual(problems, [], `${rel} (${url}) had problems:\n  ${problems.join("\n  ")}`);
            const { overflow, culprits } = await horizontalOverflow(page);
            assert.equal(
              overflow,
              0,
              `${rel} scrolls sideways by ${overflow}px at 390 px width; sticking out: ${culprits.join(", ")}`,
            );
            // "1 événements", "1 mentions": a count of one takes the singular.
            const text = await page.evaluate(() => document.body.innerText);
            const plural = [...text.matchAll(PLURAL_AFTER_ONE)].map((m) => m[0]);
            assert.deepEqual(plural, [], `${rel}: a count of one followed by a plural`);
            const title = await page.title();
            assert.ok(title.trim().length > 0, `${rel} has an empty <title>`);
          } finally {
            await page.close();
          }
        });
      }

      if (mode === "served") {
        it("nothing was asked for outside /my-dossier/ (a site published in a folder stays in it)", () => {
          const outside = [...new Set(server.outside)];
          const hint = outside.includes("/favicon.ico")
            ? ' (the browser looks for /favicon.ico at the top of the domain when a page declares no icon: declare one in base.html, e.g. <link rel="icon" href="data:,"> or an icon in assets/)'
            : "";
          assert.deepEqual(outside, [], `asked for outside the site: ${outside.join(", ")}${hint}`);
        });
      }
    });
  }
}
