// dossier — search over an index cut in parts (so that a query loads a small part of it),
// each part a script (so that it works from file:// too). search-index.js says how the
// index is cut; a word's postings are in the term shard that a hash of its first three
// letters names (assets/search/t-N.js); titles and texts are in blocks of documents
// (assets/search/d-N.js), loaded only for the results shown. Case and accents are
// ignored on both sides: "armee" finds "armée"; a word of three letters or more finds
// the words it starts ("arm" finds "armée"), a word of two letters itself; words in
// double quotes are a phrase ("base aérienne" finds those two words in a row): the
// documents where each of its words is followed by a word like the next one (a set of
// hashes beside each posting, assets/search/n-N.js) are candidates, checked against
// their texts. Results are shown in rank order as soon as their texts arrive.
(function () {
  "use strict";
  var manifest = window.DOSSIER_SEARCH;
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-q");
  if (!manifest || !list || !status) return;
  var root = list.dataset.root || "";
  var base = root + "assets/search/";
  var SHOWN = 25;
  // Blocks of texts a page of results may load (about 16 KB each): with the term shards,
  // a query reads at most about 2 MB of the index before it asks to go on.
  var BLOCKS_PER_PAGE = 64;
  // Blocks asked for in one go: appending a script costs the page a few milliseconds,
  // so the first block is not kept waiting behind the others.
  var BLOCKS_AT_ONCE = 4;
  var KINDS = ["sources", "sources", "actors", "events"];

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
  // Folded text, and where each folded character came from in the original (ASCII
  // characters, most of them, are folded without the Unicode machinery).
  function folded(text) {
    var out = [], map = [];
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 128) {
        out.push(c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : c >= 9 && c <= 13 ? " " : text[i]);
        map.push(i);
        continue;
      }
      var f = fold(text[i]);
      for (var j = 0; j < f.length; j++) { out.push(f[j]); map.push(i); }
    }
    map.push(text.length);
    return { text: out.join(""), map: map };
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return Array.from(w).length >= 2; });
  }
  // A hash of the first three characters of a word: as src/render/search/terms.rs.
  function startHash(word) {
    var hash = 0, n = 0;
    for (var c of word) {
      if (n++ === 3) break;
      hash = (Math.imul(hash, 31) + c.codePointAt(0)) >>> 0;
    }
    return hash;
  }
  // The shard of a word.
  function shardOf(word) {
    return startHash(word) % manifest.shards;
  }
  // The hash (11 bits) of a word in the sets of next words.
  function nextHash(word) {
    return Math.imul(startHash(word), 0x9E3779B1) >>> 21;
  }
  // The symbols of those sets, six bits each: a hash is its six high bits, then its five
  // low bits plus 32 when the set goes on; "." is an empty set, "*" any word.
  var SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var SYMBOL = {};
  for (var s = 0; s < SYMBOLS.length; s++) SYMBOL[SYMBOLS.charCodeAt(s)] = s;

  // Parts of the index, loaded once each by a <script> element that calls back.
  var parts = {}, resolvers = {};
  function part(name) {
    if (!parts[name]) {
      parts[name] = new Promise(function (resolve) { resolvers[name] = resolve; });
      var script = document.createElement("script");
      script.src = base + name + ".js";
      script.onerror = function () { resolvers[name](null); };
      document.head.appendChild(script);
    }
    return parts[name];
  }
  function arrived(name, data) {
    if (resolvers[name]) resolvers[name](data);
  }
  window.DOSSIER_SEARCH_TERMS = function (i, data) { arrived("t-" + i, data); };
  window.DOSSIER_SEARCH_DOCS = function (i, data) { arrived("d-" + i, data); };
  window.DOSSIER_SEARCH_NEXT = function (i, data) { arrived("n-" + i, data); };

  // The documents holding `term`: doc → {kind, title (the term is in its first field)}.
  function postings(term) {
    var shard = shardOf(term);
    return part("t-" + shard).then(function (data) {
      var found = new Map();
      if (!data) return found;
      var long = Array.from(term).length >= 3;
      Object.keys(data).forEach(function (word) {
        if (long ? word.indexOf(term) !== 0 : word !== term) return;
        var doc = 0;
        data[word].forEach(function (value) {
          doc += Math.floor(value / 8);
          var flags = value % 8, kind = flags >> 1, title = (flags & 1) === 1;
          var known = found.get(doc);
          if (known) known.title = known.title || title;
          else found.set(doc, { kind: kind, title: title });
        });
      });
      return found;
    });
  }

  // The documents where the word `first` (whole) is followed by a word that starts like
  // `then`: a superset of those where the two are in a row.
  function follows(first, then) {
    var shard = shardOf(first);
    return Promise.all([part("t-" + shard), part("n-" + shard)]).then(function (got) {
      var docs = new Set(), list = got[0] && got[0][first], sets = got[1] && got[1][first];
      if (!list) return docs;
      var want = nextHash(then), doc = 0, at = 0;
      for (var i = 0; i < list.length; i++) {
        doc += Math.floor(list[i] / 8);
        if (!sets) { docs.add(doc); continue; }
        var symbol = sets.charCodeAt(at);
        if (symbol === 46 || symbol === 42) { // "." no word, "*" any word
          at++;
          if (symbol === 42) docs.add(doc);
          continue;
        }
        var hit = false;
        while (at < sets.length) {
          var low = SYMBOL[sets.charCodeAt(at + 1)];
          if (((SYMBOL[sets.charCodeAt(at)] << 5) | (low & 31)) === want) hit = true;
          at += 2;
          if (low < 32) break;
        }
        if (hit) docs.add(doc);
      }
      return docs;
    });
  }

  // The block holding document `doc`.
  function blockOf(doc) {
    var lo = 0, hi = manifest.blocks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (manifest.blocks[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  // The documents of a block, by number.
  var documents = {};
  function loadDocs(block) {
    return part("d-" + block).then(function (entries) {
      if (documents[block]) return;
      if (!entries) { documents[block] = {}; return; }
      var docs = {}, id = manifest.blocks[block];
      entries.forEach(function (e) {
        if (e.p) {
          docs[id++] = { kind: "sources", title: e.t, url: e.u, date: e.d, fields: [e.t] };
          e.p.forEach(function (p, i) {
            docs[id++] = { kind: "sources", title: e.t, url: e.u + "#p" + (i + 1), date: e.d + " · §" + (i + 1), fields: [p], body: true };
          });
        } else {
          docs[id++] = { kind: KINDS[e.k], title: e.t, url: e.u, date: e.d, fields: [e.t].concat(e.f) };
        }
      });
      documents[block] = docs;
    });
  }

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

  // The text with every place a term stands in it marked (a result's title).
  function marked(text, terms) {
    var f = folded(text);
    var out = document.createDocumentFragment();
    var done = 0, from = 0;
    for (;;) {
      var first = -1, len = 0;
      terms.forEach(function (t) {
        var at = t ? f.text.indexOf(t, from) : -1;
        if (at >= 0 && (first < 0 || at < first)) { first = at; len = t.length; }
      });
      if (first < 0) break;
      var start = f.map[first], end = f.map[first + len];
      out.appendChild(document.createTextNode(text.slice(done, start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      out.appendChild(mark);
      done = end;
      from = first + len;
    }
    out.appendChild(document.createTextNode(text.slice(done)));
    return out;
  }

  function item(doc, terms) {
    var li = document.createElement("li");
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = status.dataset[doc.kind] + " · " + doc.date;
    var link = document.createElement("a");
    link.href = root + doc.url;
    link.appendChild(marked(doc.title, terms));
    var p = document.createElement("p");
    p.className = "excerpt";
    var best = doc.fields.length > 1 || doc.body ? doc.fields[doc.fields.length - 1] : doc.fields[0];
    for (var k = 0; k < doc.fields.length; k++) {
      var f = fold(doc.fields[k] || "");
      if (terms.some(function (t) { return f.indexOf(t) >= 0; }) && (k > 0 || doc.body)) { best = doc.fields[k]; break; }
    }
    p.appendChild(excerpt(best || "", terms));
    li.appendChild(kind);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(link);
    li.appendChild(p);
    return li;
  }

  // Whether a document says every term that the word postings cannot settle (a phrase,
  // a word with an apostrophe or a hyphen): its folded texts are read.
  function says(doc, checks) {
    if (!checks.length) return true;
    var all = doc.fields.map(function (f) { return fold(f || ""); }).join(" \u0000 ");
    return checks.every(function (t) { return all.indexOf(t) >= 0; });
  }

  // The count of results: exact once every candidate is read or none needed reading;
  // nothing while none is found yet and texts are still on their way.
  function count(search, waiting) {
    var exact = !search.checks.length || search.decided >= search.hits.length;
    var n = !search.checks.length ? search.hits.length : search.found.length;
    if (!n && exact) return twoLetters(search.terms) ? status.dataset.noResultShort : status.dataset.noResult;
    if (!n && waiting) return "";
    return n + (exact ? "" : "+") + " " + (n === 1 && exact ? status.dataset.result : status.dataset.results);
  }

  // Whether a word of the query (not of a phrase) has two letters: it is looked for whole.
  function twoLetters(terms) {
    return terms.some(function (t) { return t.indexOf(" ") < 0 && words(t).some(function (w) { return Array.from(w).length === 2; }); });
  }

  var more = null;
  function dropMore() {
    if (more) { more.remove(); more = null; }
  }
  // Shows the next SHOWN results: asks for the texts of the candidates in rank order and
  // shows each result as soon as it and every candidate ranked before it are settled.
  function page(search) {
    dropMore();
    search.want = search.shown + SHOWN;
    search.budget = BLOCKS_PER_PAGE;
    pump(search);
  }
  // Pumps again later: after the next paint when results were just shown.
  function later(search, afterPaint) {
    if (search.later) return;
    search.later = true;
    var go = function () {
      if (!search.later) return;
      search.later = false;
      pump(search);
    };
    if (afterPaint) {
      requestAnimationFrame(function () { setTimeout(go, 0); });
      setTimeout(go, 100); // no frame comes in a hidden tab
    } else {
      setTimeout(go, 0);
    }
  }
  // Settles the candidates whose texts are here, shows what is found, asks for more texts
  // (as many candidates ahead of the last settled as results are still wanted, a few
  // blocks at a time, within the page's budget of blocks), then says the count, and
  // offers the rest when nothing more is on its way.
  function pump(search) {
    if (search.run !== current) return;
    var hits = search.hits, shown = search.shown, asking = 0;
    for (;;) {
      while (search.decided < search.asked) {
        var doc = hits[search.decided].doc, block = blockOf(doc);
        if (!documents[block]) break;
        search.decided++;
        var found = documents[block][doc];
        if (found && says(found, search.checks)) search.found.push(found);
      }
      while (search.shown < search.want && search.shown < search.found.length) {
        list.appendChild(item(search.found[search.shown++], search.terms));
      }
      var ahead = search.want - search.found.length, ready = false;
      while (search.shown < search.want && search.asked < hits.length && search.asked - search.decided < ahead) {
        var next = blockOf(hits[search.asked].doc);
        if (!parts["d-" + next]) {
          if (search.budget <= 0) break;
          if (asking === BLOCKS_AT_ONCE || (asking && search.shown > shown)) {
            later(search, search.shown > shown);
            break;
          }
          search.budget--;
          asking++;
        }
        search.asked++;
        if (documents[next]) ready = true;
        else loadDocs(next).then(function () { pump(search); });
      }
      if (!ready) break;
    }
    var waiting = search.decided < search.asked || search.later;
    status.textContent = count(search, waiting);
    var left = search.checks.length ? search.decided < hits.length || search.found.length > search.shown
      : search.shown < hits.length;
    if (waiting || !left || more) return;
    more = document.createElement("button");
    more.type = "button";
    more.className = "search-more";
    more.textContent = "+ " + (search.checks.length ? SHOWN : Math.min(SHOWN, hits.length - search.shown));
    more.addEventListener("click", function () { page(search); });
    list.after(more);
  }

  var current = 0;
  function run(query) {
    var run = ++current;
    var terms = Array.from(new Set(termsOf(query)));
    var keys = Array.from(new Set(words(terms.join(" "))));
    var checks = terms.filter(function (t) { var w = words(t); return w.length !== 1 || w[0] !== t; });
    // The words in a row that the checks ask for: each must be followed by the next.
    var pairs = [];
    checks.forEach(function (t) {
      var w = words(t);
      for (var i = 0; i + 1 < w.length; i++) pairs.push([w[i], w[i + 1]]);
    });
    if (!keys.length) {
      list.textContent = "";
      dropMore();
      // Single letters are not looked for: say so rather than "no result".
      status.textContent = !terms.length ? "" : /[\p{L}\p{N}]/u.test(terms.join("")) ? status.dataset.short : status.dataset.noResult;
      return Promise.resolve();
    }
    var lookups = keys.map(postings).concat(pairs.map(function (p) { return follows(p[0], p[1]); }));
    return Promise.all(lookups).then(function (found) {
      if (run !== current) return;
      var inRow = found.splice(keys.length);
      var hits = [];
      found[0].forEach(function (first, doc) {
        var title = first.title;
        for (var i = 1; i < found.length; i++) {
          var other = found[i].get(doc);
          if (!other) return;
          title = title && other.title;
        }
        for (var j = 0; j < inRow.length; j++) if (!inRow[j].has(doc)) return;
        var kind = first.kind;
        var score = (kind === 2 ? 3 : kind === 3 ? 2 : 0) + (kind === 1 ? 0 : 2) + (title ? 4 : 0);
        hits.push({ doc: doc, score: score });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      list.textContent = "";
      dropMore();
      page({ hits: hits, asked: 0, decided: 0, found: [], shown: 0, terms: terms, checks: checks, run: run });
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
