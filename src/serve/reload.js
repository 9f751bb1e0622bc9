// dossier serve: reloads the page when the site is rebuilt, and shows the errors of a
// failed build over the last good page (and the warnings, folded). Added to pages by the
// preview server only. The overlay lives in a shadow root with its own colors, so that
// no stylesheet of the page (light or dark) can make it unreadable; it speaks the
// page's language and can be closed until the next build.
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = script ? script.getAttribute("data-good") : "";
  var seen = null;
  var host = null;
  // The build whose overlay was closed: it stays closed on the other pages too.
  var closed = null;
  try { closed = JSON.parse(sessionStorage.getItem("dossier-closed")); } catch (e) { closed = null; }
  var french = /^fr\b/i.test(document.documentElement.getAttribute("lang") || "");
  var words = french
    ? {
        errors: "Le dossier contient des erreurs : cette page montre la dernière version sans erreur.",
        first: "Le dossier contient des erreurs : aucune version n’a encore pu être construite.",
        fix: "Corrigez les fichiers et enregistrez : la page se recharge d’elle-même.",
        warning: ["avertissement", "avertissements"],
        close: "Fermer"
      }
    : {
        errors: "The dossier has errors: this page shows the last good build.",
        first: "The dossier has errors: no build has succeeded yet.",
        fix: "Fix the files and save: the page reloads by itself.",
        warning: ["warning", "warnings"],
        close: "Close"
      };
  var css =
    ":host{all:initial}" +
    "*{box-sizing:border-box;margin:0;padding:0;border:0;background:transparent;" +
    "color:#f2f2f2;font:14px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;" +
    "text-align:left;text-transform:none;letter-spacing:normal;text-shadow:none}" +
    ".backdrop{position:fixed;inset:0;overflow:auto;padding:2rem 1rem;" +
    "background:rgba(0,0,0,.55)}" +
    ".panel{position:relative;max-width:60rem;margin:0 auto;padding:1.25rem 1.5rem;" +
    "background:#161616;border:1px solid #5c5c5c;border-radius:6px;" +
    "box-shadow:0 8px 32px rgba(0,0,0,.5)}" +
    ".corner{position:fixed;right:1rem;bottom:1rem;max-width:min(60rem,calc(100vw - 2rem));" +
    "max-height:60vh;overflow:auto;padding:.75rem 3rem .75rem 1rem}" +
    "h2{font-weight:700;font-size:16px;color:#ffb4ab;padding-right:2.5rem}" +
    ".fix{margin:.25rem 0 1rem;color:#d6d6d6}" +
    "pre,pre *{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
    "white-space:pre-wrap;overflow-wrap:anywhere;color:#f2f2f2;background:#161616}" +
    "details{margin-top:1rem}" +
    "summary{cursor:pointer;font-weight:700;color:#ffd98a}" +
    "details pre{margin-top:.5rem}" +
    "button{position:absolute;top:.6rem;right:.6rem;width:2rem;height:2rem;" +
    "border:1px solid #8a8a8a;border-radius:4px;background:#2a2a2a;color:#f2f2f2;" +
    "font-size:18px;line-height:1;cursor:pointer;text-align:center}" +
    "button:hover{background:#3a3a3a}" +
    "button:focus-visible,summary:focus-visible{outline:2px solid #8ab4ff;outline-offset:2px}";

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function count(text) {
    var n = (text.match(/^warning/gm) || []).length || 1;
    return n + " " + words.warning[n === 1 ? 0 : 1];
  }

  function hide() {
    if (host) {
      host.remove();
      host = null;
    }
  }

  function show(status) {
    hide();
    host = element("div");
    host.id = "__dossier-errors";
    host.style.cssText = "all:initial !important;position:fixed !important;" +
      "inset:0 !important;z-index:2147483647 !important;pointer-events:none !important";
    var root = host.attachShadow({ mode: "open" });
    root.appendChild(element("style", "", css));
    var panel = element("section", "panel");
    panel.setAttribute("role", status.error ? "alert" : "status");
    panel.style.pointerEvents = "auto";
    if (status.error) {
      panel.appendChild(element("h2", "", status.good === null ? words.first : words.errors));
      panel.appendChild(element("p", "fix", words.fix));
      panel.appendChild(element("pre", "", status.error));
    } else {
      panel.className = "panel corner";
    }
    if (status.warnings) {
      var details = element("details");
      details.appendChild(element("summary", "", count(status.warnings)));
      details.appendChild(element("pre", "", status.warnings));
      panel.appendChild(details);
    }
    var close = element("button", "", "×");
    close.type = "button";
    close.setAttribute("aria-label", words.close);
    close.title = words.close;
    close.addEventListener("click", dismiss);
    panel.appendChild(close);
    if (status.error) {
      var backdrop = element("div", "backdrop");
      backdrop.style.pointerEvents = "auto";
      backdrop.appendChild(panel);
      root.appendChild(backdrop);
    } else {
      root.appendChild(panel);
    }
    (document.body || document.documentElement).appendChild(host);
  }

  function dismiss() {
    closed = seen;
    try { sessionStorage.setItem("dossier-closed", JSON.stringify(seen)); } catch (e) { /* private mode */ }
    hide();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && host) { dismiss(); }
  });

  function poll() {
    var url = "/__dossier/poll" + (seen === null ? "" : "?v=" + seen);
    fetch(url, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        var changed = status.version !== seen;
        seen = status.version;
        if (status.good !== null && String(status.good) !== shown) {
          location.reload();
          return;
        }
        if ((status.error || status.warnings) && closed !== seen) {
          if (changed || !host) { show(status); }
        } else {
          hide();
        }
        poll();
      })
      .catch(function () { setTimeout(poll, 1000); });
  }

  poll();
})();
