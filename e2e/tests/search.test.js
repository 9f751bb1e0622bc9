// Search from file://: typing `armee` finds the pages that say `armée`, and a result opens
// the right page at the right paragraph.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { fileUrl, launch, watchedPage } from "../lib/browser.js";
import { IN_CI, LARGE, SITE, model } from "../lib/env.js";

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

  it("a query of one letter asks for more, and a word of two letters found nowhere says how to find more", async () => {
    const page = await watchedPage(context);
    await page.goto(fileUrl(SITE, "search/index.html"));
    const status = page.locator("#search-status");
    // Regression: one letter was answered "No result", though it is not looked for.
    await page.locator("#search-q").fill("n");
    await page.waitForFunction(() => document.getElementById("search-status").textContent.trim() !== "");
    assert.equal((await status.textContent()).trim(), "Tapez au moins deux lettres.");
    assert.equal(await page.locator("#search-results li").count(), 0);
    // Two letters are looked for as a whole word: "qx" is none, and typing on would find more.
    const all = model(SITE).sources.flatMap((s) => s.paragraphs.map((p) => fold(p.text))).join(" ");
    assert.ok(!/\bqx/.test(all), "the bundled dossier says qx");
    await page.locator("#search-q").fill("qx");
    await page.waitForFunction(() => /deux lettres/.test(document.getElementById("search-status").textContent));
    assert.match((await status.textContent()).trim(), /^Aucun résultat\. Un mot de deux lettres est cherché tel quel/);
    // A longer word found nowhere is just "no result".
    await page.locator("#search-q").fill("qxzwv");
    await page.waitForFunction(() => !/deux lettres/.test(document.getElementById("search-status").textContent));
    assert.equal((await status.textContent()).trim(), await status.getAttribute("data-no-result"));
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

describe("the search form", () => {
  it("at 1280 px its field, its button and the count of results line up, the button beside the field", async () => {
    const page = await watchedPage(context);
    try {
      await page.goto(`${fileUrl(SITE, "search/index.html")}?q=armee`);
      await page.waitForSelector("#search-results li");
      const box = (selector) => page.locator(selector).boundingBox();
      const field = await box("#search-q");
      const button = await box(".search-page-form button");
      const status = await box("#search-status");
      assert.ok(Math.abs(button.y + button.height / 2 - (field.y + field.height / 2)) < 4, "the button is on the field's line");
      assert.ok(button.x > field.x + field.width, "the button follows the field");
      assert.ok(status.y >= field.y + field.height + 8, "the count stands clear of the form");
    } finally {
      await page.close();
    }
  });
});

describe("titles", () => {
  it("a word of an event's title is highlighted in the result's title", async () => {
    const m = model(SITE);
    // A word of some event title that its description does not say: found by the title alone.
    let word = null;
    for (const e of m.events) {
      const described = fold(e.description || "");
      word = fold(e.title).split(/[^\p{L}\p{N}]+/u).find((w) => w.length >= 6 && !described.includes(w));
      if (word) break;
    }
    assert.ok(word, "some event title has a word its description lacks (else this test proves nothing)");
    const page = await watchedPage(context);
    await page.goto(`${fileUrl(SITE, "search/index.html")}?q=${encodeURIComponent(word)}`);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0, null, { timeout: 5000 });
    const titled = await page.$$eval("#search-results li > a", (links) =>
      links.map((a) => ({ title: a.textContent, marks: [...a.querySelectorAll("mark")].map((m) => m.textContent) })),
    );
    const saying = titled.filter((t) => fold(t.title).includes(word));
    assert.ok(saying.length >= 1, `no result titled with “${word}”: ${JSON.stringify(titled)}`);
    for (const t of saying) assert.ok(t.marks.some((mk) => fold(mk) === word), `“${t.title}” highlights ${JSON.stringify(t.marks)}, not ${word}`);
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

describe("a phrase with more candidates than a page (large synthetic dossier)", () => {
  const spaced = (text) => fold(text).replace(/[\s\u00a0\u202f]+/g, " ");

  /** Two words of five letters or more that many paragraphs say in a row (40 to 150). */
  function commonPhrase(m) {
    const counts = new Map();
    for (const s of m.sources) {
      for (const p of s.paragraphs) {
        const words = spaced(p.text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);
        const seen = new Set();
        for (let i = 0; i + 1 < words.length; i++) {
          if (words[i].length >= 5 && words[i + 1].length >= 5) seen.add(`${words[i]} ${words[i + 1]}`);
        }
        for (const pair of seen) counts.set(pair, (counts.get(pair) || 0) + 1);
      }
    }
    const saying = (phrase) => m.sources.flatMap((s) => s.paragraphs.filter((p) => spaced(p.text).includes(phrase)).map((p) => ({ s, p })));
    const candidates = [...counts].filter(([, n]) => n >= 40 && n <= 150).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [phrase] of candidates) {
      const paragraphs = saying(phrase);
      if (paragraphs.length >= 40) return { phrase, paragraphs };
    }
    return null;
  }

  /** Waits until no text is on its way: the "+" button is offered, or the count is exact. */
  async function settled(page) {
    await page.waitForFunction(
      () => document.querySelector(".search-more") || !/\+/.test(document.getElementById("search-status").textContent),
      null,
      { timeout: 15000 },
    );
  }

  it("shows its results in rank order, counts N+ until every candidate is read, then the exact number", async (t) => {
    if (!LARGE) {
      assert.ok(!IN_CI, "E2E_LARGE is not set: run.sh needs the corpus generator (E2E_CORPUS_GEN)");
      t.skip("no large synthetic dossier built (E2E_LARGE); see run.sh");
      return;
    }
    const m = model(LARGE);
    const chosen = commonPhrase(m);
    assert.ok(chosen, "no two words are said in a row by 40 paragraphs or more of the large dossier");
    const { phrase, paragraphs } = chosen;
    const order = new Map(paragraphs.map(({ s, p }, i) => [`${fileUrl(LARGE, s.page)}#p${p.number}`, i]));
    const page = await watchedPage(context);
    await page.goto(`${fileUrl(LARGE, "search/index.html")}?q=${encodeURIComponent(`"${phrase}"`)}`);
    await settled(page);

    // The first page: 25 results, every one saying the phrase, and a count that says more
    // may come ("31+"), since not every candidate was read.
    let found = await results(page);
    assert.equal(found.length, 25, `the first page of “${phrase}” shows ${found.length} results`);
    let status = (await page.locator("#search-status").textContent()).trim();
    assert.match(status, /^\d+\+ /, `the count of “${phrase}” after one page is "${status}", not "N+"`);
    assert.ok(Number.parseInt(status, 10) >= 25, `"${status}" counts fewer than the 25 results shown`);

    // Every further page, until all are read; then the count is exact.
    for (let pages = 1; await page.locator(".search-more").count(); pages++) {
      assert.ok(pages < 20, "the “+” button is still offered after 20 pages");
      await page.locator(".search-more").click();
      await settled(page);
    }
    found = await results(page);
    status = (await page.locator("#search-status").textContent()).trim();
    assert.match(status, new RegExp(`^${found.length} `), `all read: "${status}" for ${found.length} results`);
    for (const r of found) {
      assert.ok(spaced(r.text).includes(phrase), `"${r.title}" (${r.href}) does not say “${phrase}”: ${r.text}`);
    }
    // Every paragraph that says it, once, in the order of the dossier, after the titles,
    // actors and events (which rank higher).
    const hrefs = found.map((r) => r.href).filter((h) => /#p\d+$/.test(h));
    assert.deepEqual(
      hrefs,
      [...order.keys()],
      `the paragraphs found for “${phrase}” are not those of the dossier in its order`,
    );
    const firstParagraph = found.findIndex((r) => /#p\d+$/.test(r.href));
    assert.ok(found.slice(firstParagraph).every((r) => /#p\d+$/.test(r.href)), "a title, actor or event is ranked after a paragraph");
    assert.deepEqual(page.problems(), []);
    await page.close();
  });

  it("a phrase said nowhere is answered from the index of words, without reading the texts", async (t) => {
    if (!LARGE) {
      assert.ok(!IN_CI, "E2E_LARGE is not set: run.sh needs the corpus generator (E2E_CORPUS_GEN)");
      t.skip("no large synthetic dossier built (E2E_LARGE); see run.sh");
      return;
    }
    const m = model(LARGE);
    const texts = [
      ...m.sources.flatMap((s) => [s.title, ...s.paragraphs.map((p) => p.text)]),
      ...m.events.map((e) => `${e.title} \u0000 ${e.description || ""}`),
      ...m.actors.map((a) => [a.name, ...(a.aliases || []), a.summary || ""].join(" \u0000 ")),
    ].map(spaced);
    const all = texts.join("\n");
    const counts = new Map();
    const wordSets = texts.map((text) => new Set(text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5)));
    for (const set of wordSets) for (const w of set) counts.set(w, (counts.get(w) || 0) + 1);
    const common = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 40).map(([w]) => w);
    const pairs = [];
    for (const a of common) {
      for (const b of common) {
        if (a !== b) pairs.push({ phrase: `${a} ${b}`, both: wordSets.filter((set) => set.has(a) && set.has(b)).length });
      }
    }
    pairs.sort((x, y) => y.both - x.both || (x.phrase < y.phrase ? -1 : 1));
    const best = pairs.find((p) => !all.includes(p.phrase));
    assert.ok(best && best.both >= 100, `no two common words of the large dossier are in 100 texts and never in a row: ${JSON.stringify(best)}`);
    const page = await watchedPage(context);
    const texts_read = [];
    page.on("request", (r) => {
      if (/assets\/search\/d-\d+\.js$/.test(r.url())) texts_read.push(r.url());
    });
    await page.goto(`${fileUrl(LARGE, "search/index.html")}?q=${encodeURIComponent(`"${best.phrase}"`)}`);
    await settled(page);
    const status = page.locator("#search-status");
    assert.equal((await status.textContent()).trim(), await status.getAttribute("data-no-result"), `“${best.phrase}”`);
    assert.equal(await page.locator("#search-results li").count(), 0);
    assert.ok(
      texts_read.length <= 5,
      `“${best.phrase}” (both words in ${best.both} texts, never in a row) read ${texts_read.length} blocks of texts`,
    );
    assert.deepEqual(page.problems(), []);
    await page.close();
  });
});
