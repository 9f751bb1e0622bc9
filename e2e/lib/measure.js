// Measures of how a page reads, taken in the browser.

/**
 * What share (0–1) of `<main>`'s height the article's own text takes: the summed heights
 * of the numbered blocks (`#p1`, `#p2`…) over the height of `<main>`.
 */
export async function textShare(page) {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    const blocks = [...main.querySelectorAll("[id]")].filter((el) => /^p\d+$/.test(el.id));
    const text = blocks.reduce((sum, el) => sum + el.getBoundingClientRect().height, 0);
    const all = main.getBoundingClientRect().height;
    return { share: text / all, text, main: all, blocks: blocks.length };
  });
}

/** The tables of the page whose content is wider than the box that shows them. */
export async function overflowingTables(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("main table")]
      .map((table) => {
        const box = table.parentElement;
        const width = Math.max(table.scrollWidth, table.getBoundingClientRect().width);
        const room = Math.min(box.clientWidth, document.documentElement.clientWidth);
        return { table, width, room };
      })
      .filter(({ width, room }) => width > room + 1)
      .map(({ table, width, room }) => `${table.className || "table"} (${Math.round(width)}px in ${room}px)`),
  );
}
