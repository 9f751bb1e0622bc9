// dossier serve: reloads the page when the site is rebuilt, and shows the errors of a
// failed build over the last good page. Added to pages by the preview server only.
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = script ? script.getAttribute("data-good") : "";
  var seen = null;
  var overlay = null;

  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "__dossier-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5rem;" +
        "background:rgba(20,20,20,.94);color:#f5f5f5;font:14px/1.45 ui-monospace,monospace";
      var title = document.createElement("p");
      title.textContent = "The dossier has errors: this page shows the last good build.";
      title.style.cssText = "margin:0 0 1rem;font-weight:bold;color:#ff8a80";
      var pre = document.createElement("pre");
      pre.style.cssText = "margin:0;white-space:pre-wrap";
      overlay.appendChild(title);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = text;
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function poll() {
    var url = "/__dossier/poll" + (seen === null ? "" : "?v=" + seen);
    fetch(url, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        seen = status.version;
        if (status.good !== null && String(status.good) !== shown) {
          location.reload();
          return;
        }
        if (status.error) { show(status.error); } else { hide(); }
        poll();
      })
      .catch(function () { setTimeout(poll, 1000); });
  }

  poll();
})();
