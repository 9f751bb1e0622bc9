// Opening a page of a built site the way a reader reaches it.
import fs from "node:fs";
import path from "node:path";
import { fileUrl } from "./browser.js";
import { model } from "./env.js";
import { TYPES } from "./server.js";

/**
 * The published address of the site when its dossier sets `base_url`. Its 404.html is
 * made for GitHub Pages, which serves it at any missing address: its links go through
 * `<base href="BASE_URL/">`, so it is opened there (see `open`), not from disk.
 */
export function publishedBase(root) {
  const base = model(root).meta.base_url;
  return base ? base.replace(/\/?$/, "/") : null;
}

/** True for a page that is opened at the published address rather than where it lies. */
export function openedWherePublished(root, rel) {
  return rel === "404.html" && publishedBase(root) !== null;
}

/**
 * Opens `rel` of the built site in `page` from file:// (`url(rel)` when given), except
 * the 404 page of a site with a `base_url`: that one is opened at a missing address under
 * the published one (`BASE_URL/no/such/page/`), with the published site answered from the
 * built folder (a missing file with 404.html and a 404, as GitHub Pages does).
 */
export async function open(page, root, rel, { url = null, suffix = "" } = {}) {
  if (!openedWherePublished(root, rel)) return page.goto((url ? url(rel) : fileUrl(root, rel)) + suffix);
  const base = publishedBase(root);
  await page.route(
    (u) => u.href.startsWith(base),
    (route) => {
      const rest = decodeURIComponent(new URL(route.request().url()).pathname.slice(new URL(base).pathname.length));
      let file = path.resolve(root, "." + path.posix.normalize("/" + rest));
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
      if (file.startsWith(path.resolve(root) + path.sep) && fs.existsSync(file)) {
        return route.fulfill({ path: file, contentType: TYPES[path.extname(file)] || "application/octet-stream" });
      }
      return route.fulfill({ status: 404, path: path.join(root, "404.html"), contentType: TYPES[".html"] });
    },
  );
  page.notFoundUrl = `${base}no/such/page/`;
  return page.goto(page.notFoundUrl + suffix);
}
