// Search from file://: typing `armee` finds the pages that say `armée`, and a result opens
// the right page at the right paragraph.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { fileUrl, launch, watchedPage } from "../lib/browser.js";
import { SITE, model } from "../lib/env.js";

const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

let browser;
let context;
before(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
after(async () => {
  await browser?.close();
});

/** Source paragraphs and actors of the model that say "armée" (any case, any accent). */
function expected() {
  const m = model(SITE);
  const paragraphs = [];
  for (const s of m.sources) {
    for (const p of s.paragraphs) {
      if (fold(p.text).includes("armee")) paragraphs.push({ source: s, number: p.number, text: p.text });
    }
  }
  const actors = m.actors.filter((a) => [a.name, ...(a.aliases || [])].some((n) => fold(n).includes("armee")));
  return { paragraphs, actors };
}

/** The results listed on the search page: link text, resolved address, highlighted words. */
async function results(page) {
  return page.$$eval("#search-results li", (items) =>
    items.map((li) => {
      const a = li.querySelector("a");
      return {
        title: a?.textContent.trim(),
        href: a?.href,
        marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
        text: li.textContent,
      };
    }),
  );
}

describe("search from file://", () => {
  const want = expected();

  it("the bundled dossier says armée somewhere (else this test proves nothing)", () => {
    assert.ok(want.paragraphs.length >= 1, "no source paragraph of the bundled dossier says armée");
    assert.ok(want.actors.length >= 1, "no actor of the bundled dossier is named armée…");
  });

  it("typing armee on the search page lists every paragraph and actor that says armée", async () => {
    const page = await watchedPage(context);
    await page.goto(fileUrl(SITE, "search/index.html"));
    await page.locator("#search-q").pressSequentially("armee", { delay: 20 });
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, {
      timeout: 5000,
    });
    const found = await results(page);
    const hrefs = found.map((r) => r.href);
    for (const p of want.paragraphs) {
      const url = `${fileUrl(SITE, p.source.page)}#p${p.number}`;
      assert.ok(
        hrefs.includes(url),
        `no result for ${p.source.id}#p${p.number} ("${p.text.slice(0, 80)}…"); results:\n  ${hrefs.join("\n  ")}`,
      );
    }
    for (const a of want.actors) {
      assert.ok(hrefs.includes(fileUrl(SITE, a.page)), `no result for the actor ${a.name}`);
    }
    // Every result says it, and shows where: a highlighted "armée" (or "Armée", "armee"…).
    for (const r of found) {
      assert.ok(fold(r.text).includes("armee"), `result "${r.title}" (${r.href}) does not say armée: ${r.text}`);
      assert.ok(
        r.marks.some((m) => fold(m) === "armee"),
        `result "${r.title}" (${r.href}) highlights ${JSON.stringify(r.marks)}, not armée`,
      );
    }
    // Only real paragraphs: nothing points at a paragraph that does not say it.
    const paragraphLinks = hrefs.filter((h) => /#p\d+$/.test(h));
    assert.equal(
      paragraphLinks.length,
      want.paragraphs.length,
      `paragraph results:\n  ${paragraphLinks.join("\n  ")}\nexpected ${want.paragraphs.length}`,
    );
    const status = await page.locator("#search-status").textContent();
    assert.match(status, new RegExp(`^${found.length}\\b`), `status line "${status}" does not count ${found.length} results`);
    assert.deepEqual(page.problems(), []);
    await page.close();
  });

  it("the header search box of the home page leads to the results (a GET form, from file://)", async () => {
    const page = await watchedPage(context);
    await page.goto(fileUrl(SITE, "index.html"));
    await page.locator("header #q").fill("armee");
    await page.locator("header #q").press("Enter");
    await page.waitForURL(/search\/index\.html\?q=armee$/);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, {
      timeout: 5000,
    });
    assert.equal(await page.locator("#search-q").inputValue(), "armee", "the query is not shown in the search field");
    const found = await results(page);
    assert.ok(found.length >= want.paragraphs.length + want.actors.length, `only ${found.length} results`);
    assert.deepEqual(page.problems(), []);
    await page.close();
  });

  it("one result is counted in the singular", async () => {
    const page = await watchedPage(context);
    await page.goto(fileUrl(SITE, "search/index.html"));
    // A word of the sources that only one entry holds: try the rarer-looking words in turn.
    const words = [...new Set(model(SITE).sources.flatMap((s) => s.paragraphs.flatMap((p) => p.text.split(/[^\p{L}]+/u))))]
      .filter((w) => w.length >= 9)
      .sort();
    let status = null;
    for (const word of words.slice(0, 200)) {
      await page.fill("#search-q", word);
      if ((await page.locator("#search-results li").count()) === 1) {
        status = { word, text: (await page.locator("#search-status").textContent()).trim() };
        break;
      }
    }
    assert.ok(status, "no word of the sources gives exactly one result");
    assert.doesNotMatch(
      status.text,
      /^1\s+(résultats|results)\b/,
      `searching "${status.word}" finds one result and says "${status.text}" (search.js: pick a singular label, e.g. data-result="résultat", when hits.length === 1)`,
    );
    await page.close();
  });

  it("a paragraph result opens the source at that paragraph, highlighted and in view", async () => {
    const page = await watchedPage(context);
    await page.goto(`${fileUrl(SITE, "search/index.html")}?q=armee`);
    const target = want.paragraphs[want.paragraphs.length - 1];
    const url = `${fileUrl(SITE, target.source.page)}#p${target.number}`;
    const link = page.locator(`#search-results a[href$="${target.source.page}#p${target.number}"]`);
    assert.equal(await link.count(), 1, `one result should link to ${url}`);
    await link.click();
    await page.waitForURL(url);
    assert.equal(
      (await page.locator("h1").textContent()).trim().replace(/[\u00a0\u202f]/g, " "),
      target.source.title,
      "the result opened another page than its source",
    );
    const para = page.locator(`#p${target.number}`);
    assert.ok(fold(await para.textContent()).includes("armee"), `#p${target.number} does not say armée`);
    assert.ok(await para.evaluate((el) => el.matches(":target")), `#p${target.number} is not the :target`);
    assert.ok(await para.isVisible(), "the paragraph is hidden");
    const inView = await para.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= -1 && r.top < window.innerHeight - 20;
    });
    assert.ok(inView, `the page did not scroll to #p${target.number}`);
    assert.deepEqual(page.problems(), []);
    await page.close();
  });
});

describe("phrases and excerpts", () => {
  const spaced = (text) => fold(text).replace(/[\s\u00a0\u202f]+/g, " ");

  it('a quoted phrase finds the words in a row, and only there', async () => {
    const m = model(SITE);
    const phrase = "base aerienne";
    const hasPhrase = (t) => spaced(t).includes(phrase);
    const bothWords = (t) => spaced(t).includes("base") && spaced(t).includes("aerienne");
    const want = m.sources.flatMap((s) => s.paragraphs.filter((p) => hasPhrase(p.text)).map((p) => `${fileUrl(SITE, s.page)}#p${p.number}`));
    assert.ok(want.length >= 1, "the bundled dossier says “base aérienne” somewhere (else this test proves nothing)");
    const page = await watchedPage(context);
    await page.goto(`${fileUrl(SITE, "search/index.html")}?q=${encodeURIComponent('"base aérienne"')}`);
    const found = await results(page);
    const hrefs = found.map((r) => r.href);
    for (const url of want) assert.ok(hrefs.includes(url), `no result for ${url}`);
    for (const r of found) {
      assert.ok(hasPhrase(r.text) || hasPhrase(r.title), `"${r.title}" (${r.href}) does not say “base aérienne”: ${r.text}`);
      assert.ok(r.marks.some((mark) => spaced(mark) === phrase), `"${r.title}" highlights ${JSON.stringify(r.marks)}`);
    }
    // Without quotes, the words anywhere: at least as many results.
    await page.goto(`${fileUrl(SITE, "search/index.html")}?q=${encodeURIComponent("aérienne base")}`);
    const loose = await results(page);
    assert.ok(loose.length >= found.length, `${loose.length} results for the two words, ${found.length} for the phrase`);
    const apart = m.sources.flatMap((s) => s.paragraphs.filter((p) => bothWords(p.text) && !hasPhrase(p.text)));
    if (apart.length) assert.ok(loose.length > found.length, "a paragraph with both words apart is found without quotes only");
    assert.deepEqual(page.problems(), []);
    await page.close();
  });

  it("excerpts start and end at word boundaries; actor summaries do not spell out source titles", async () => {
    const m = model(SITE);
    const titles = m.sources.map((s) => s.title);
    const page = await watchedPage(context);
    for (const q of ["armee", "niger", "russes"]) {
      await page.goto(`${fileUrl(SITE, "search/index.html")}?q=${q}`);
      const excerpts = await page.$$eval("#search-results li", (items) =>
        items.map((li) => ({ href: li.querySelector("a").href, kind: li.querySelector(".kind").textContent, text: li.querySelector(".excerpt").textContent })),
      );
      assert.ok(excerpts.length > 0, `no result for ${q}`);
      for (const e of excerpts) {
        const match = /#p(\d+)$/.exec(e.href);
        if (match) {
          const source = m.sources.find((s) => e.href.includes(`/${s.page.replace(/index\.html$/, "")}`));
          const text = source.paragraphs[Number(match[1]) - 1].text;
          const inner = e.text.replace(/^…/, "").replace(/…$/, "");
          const at = text.indexOf(inner);
          assert.ok(at >= 0, `the excerpt is not a piece of the paragraph: ${e.text}`);
          assert.ok(at === 0 || /\s/.test(text[at - 1]), `the excerpt starts inside a word: ${e.text}`);
          const end = at + inner.length;
          assert.ok(end === text.length || /\s/.test(text[end]), `the excerpt ends inside a word: ${e.text}`);
        }
        if (/^(Acteurs|Actors)/.test(e.kind)) {
          for (const title of titles) assert.ok(!e.text.includes(title), `an actor's excerpt spells out “${title}”: ${e.text}`);
        }
      }
    }
    await page.close();
  });
});
