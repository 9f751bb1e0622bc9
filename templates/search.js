// dossier — search over the index in search-index.js (a script, so that it works from
// file:// too). Case and accents are ignored on both sides: "armee" finds "armée"; words
// in double quotes are a phrase ("base aérienne" finds those two words in a row).
(function () {
  "use strict";
  var data = window.DOSSIER_SEARCH;
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-q");
  if (!data || !list || !status) return;
  var root = list.dataset.root || "";
  var MAX = 100;

  // Any space (no-break ones included) folds to " ", apostrophes to "'".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\s\u00a0\u202f]/g, " ").replace(/[\u2019\u02bc]/g, "'");
  }
  // The terms of a query: each "quoted phrase" whole, every other word on its own.
  function termsOf(query) {
    var out = [];
    var rest = fold(query).replace(/"([^"]*)"?/g, function (_, phrase) {
      phrase = phrase.trim().replace(/ +/g, " ");
      if (phrase) out.push(phrase);
      return " ";
    });
    return out.concat(rest.split(/\s+/).filter(Boolean));
  }
  // A cut at `at` moved to the nearest space towards `toward`, so that no word is split.
  function wordCut(text, at, toward) {
    if (at <= 0 || at >= text.length) return at;
    if (toward < at) {
      var back = text.lastIndexOf(" ", at);
      return back > toward ? back : at;
    }
    var next = text.indexOf(" ", at);
    return next >= 0 && next < toward ? next + 1 : at;
  }
  // Folded text, and where each folded character came from in the original.
  function folded(text) {
    var out = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      for (var j = 0; j < f.length; j++) { out += f[j]; map.push(i); }
    }
    map.push(text.length);
    return { text: out, map: map };
  }
  var entries = [];
  data.sources.forEach(function (s) {
    entries.push({ kind: "sources", title: s.t, url: s.u, date: s.d, fields: [s.t] });
    s.p.forEach(function (p, i) {
      entries.push({ kind: "sources", title: s.t, url: s.u + "#p" + (i + 1), date: s.d + " · §" + (i + 1), fields: [p], body: true });
    });
  });
  data.actors.forEach(function (a) {
    entries.push({ kind: "actors", title: a.t, url: a.u, date: a.k, fields: [a.t].concat(a.a, [a.x]) });
  });
  data.events.forEach(function (e) {
    entries.push({ kind: "events", title: e.t, url: e.u, date: e.d, fields: [e.t, e.x] });
  });
  entries.forEach(function (e) { e.folded = e.fields.map(fold); });

  function excerpt(text, terms) {
    var f = folded(text);
    var first = -1, len = 0;
    terms.forEach(function (t) {
      var at = f.text.indexOf(t);
      if (at >= 0 && (first < 0 || at < first)) { first = at; len = t.length; }
    });
    if (first < 0) {
      var cut = text.length > 200 ? wordCut(text, 200, 0) : text.length;
      return document.createTextNode(text.slice(0, cut) + (cut < text.length ? "…" : ""));
    }
    var start = f.map[first], end = f.map[first + len];
    var from = wordCut(text, Math.max(0, start - 90), start);
    var to = wordCut(text, Math.min(text.length, end + 110), end);
    var span = document.createElement("span");
    span.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, start)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    span.appendChild(mark);
    span.appendChild(document.createTextNode(text.slice(end, to) + (to < text.length ? "…" : "")));
    return span;
  }

  function run(query) {
    list.textContent = "";
    var terms = termsOf(query);
    if (!terms.length) { status.textContent = ""; return; }
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      var all = e.folded.join(" \u0000 ");
      if (!terms.every(function (t) { return all.indexOf(t) >= 0; })) continue;
      var score = (e.kind === "actors" ? 3 : e.kind === "events" ? 2 : 0) + (e.body ? 0 : 2);
      if (terms.every(function (t) { return e.folded[0].indexOf(t) >= 0; })) score += 4;
      hits.push({ e: e, score: score, order: i });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    status.textContent = hits.length
      ? hits.length + " " + (hits.length === 1 ? status.dataset.result : status.dataset.results)
      : status.dataset.noResult;
    hits.slice(0, MAX).forEach(function (hit) {
      var e = hit.e;
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = status.dataset[e.kind] + " · " + e.date;
      var link = document.createElement("a");
      link.href = root + e.url;
      link.textContent = e.title;
      var p = document.createElement("p");
      p.className = "excerpt";
      var best = e.fields.length > 1 || e.body ? e.fields[e.fields.length - 1] : e.fields[0];
      for (var k = 0; k < e.fields.length; k++) {
        if (terms.some(function (t) { return e.folded[k].indexOf(t) >= 0; }) && (k > 0 || e.body)) { best = e.fields[k]; break; }
      }
      p.appendChild(excerpt(best || "", terms));
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link);
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  if (input) {
    input.value = query;
    input.addEventListener("input", function () { run(input.value); });
  }
  var box = document.getElementById("q");
  if (box) box.value = query;
  run(query);
})();
