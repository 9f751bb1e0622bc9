// A tiny static server that publishes a built site under a sub-path, the way GitHub Pages
// publishes a project site (`https://user.github.io/my-dossier/`): folders answer with
// their index.html, a folder without its slash is redirected, anything outside the
// sub-path or the site is a 404 (with the site's 404.html, as GitHub Pages does).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

export const SUB_PATH = "/my-dossier/";

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".pdf": "application/pdf",
  ".woff2": "font/woff2",
};

/** Serves `root` under `/my-dossier/` on 127.0.0.1 (a free port); resolves to { base, close }. */
export async function serve(root, subPath = SUB_PATH) {
  const top = path.resolve(root);
  const outside = [];
  const notFound = (res) => {
    const page = path.join(top, "404.html");
    res.writeHead(404, { "content-type": TYPES[".html"] });
    res.end(fs.existsSync(page) ? fs.readFileSync(page) : "not found");
  };
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    const url = new URL(req.url, "http://localhost");
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      notFound(res);
      return;
    }
    if (pathname === subPath.slice(0, -1)) {
      res.writeHead(301, { location: subPath + url.search }).end();
      return;
    }
    if (!pathname.startsWith(subPath)) {
      outside.push(pathname);
      notFound(res);
      return;
    }
    let file = path.resolve(top, "." + path.posix.normalize("/" + pathname.slice(subPath.length)));
    if (file !== top && !file.startsWith(top + path.sep)) {
      notFound(res);
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
      if (!pathname.endsWith("/")) {
        res.writeHead(301, { location: url.pathname + "/" + url.search }).end();
        return;
      }
      file = path.join(file, "index.html");
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat || !stat.isFile()) {
      notFound(res);
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
    res.writeHead(200, { "content-type": type, "content-length": stat.size, "x-content-type-options": "nosniff" });
    if (req.method === "HEAD") res.end();
    else fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}${subPath}`,
    /** Paths asked for outside the sub-path: none should be (a site lives in its folder). */
    outside,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** The served address of a page: folders by their address with a slash, as people link them. */
export function servedUrl(base, page) {
  if (page === "index.html") return base;
  if (page.endsWith("/index.html")) return base + page.slice(0, -"index.html".length);
  return base + page;
}
