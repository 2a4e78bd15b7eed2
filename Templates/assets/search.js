// Search across every report, for search.html: works from file:// and offline. The index is made by the build
// (Sources/ReportSiteKit/Render/SearchIndex.swift, docs/search.md) as scripts that register themselves here:
//   search/manifest.js   ReportSiteSearch.manifest({units, reports: [symbol...], shards: [[key, bytes]...]})
//   search/t/<key>.js    ReportSiteSearch.shard(key, {word: packed postings, ...})
//   search/r/<A-58-275>.<n>.js  ReportSiteSearch.chunk(symbol, n, title, [[label, anchor, text]...])
// A script is inserted only when it is needed: the manifest, the shards of the query's words, and the chunks
// of the results shown. Text from the reports is only ever put in the page with textContent.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var statusLine = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var nojs = document.getElementById("search-nojs");

  // The site's root, from this script's own address (assets/search.js).
  var self = document.currentScript && document.currentScript.src;
  var root = self ? self.replace(/assets\/search\.js(?:[?#].*)?$/, "") : "";

  // --- Folding: the same steps as SearchText.swift, character by character ---------------------------------
  var SPECIAL = { "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "ħ": "h", "þ": "th",
    "ð": "d", "ŧ": "t", "ŋ": "n", "ĸ": "k", "ſ": "s", "ς": "σ" };
  // Maps without a prototype: a word such as "constructor" or "toString" is a word like any other.
  function map() { return Object.create(null); }
  var STOP = map();
  ("a an and are as at be by for from has have in is it its of on or that the this to was were which with")
    .split(" ").forEach(function (w) { STOP[w] = true; });
  var MAX_LENGTH = 40;
  // Marks, and invisible format characters (soft hyphen, zero-width space, joiners), are dropped.
  var MARK = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
  var WORD = /^[\p{L}\p{N}\p{Mc}]$/u;
  var foldCache = map();

  function foldChar(ch) {
    var known = foldCache[ch];
    if (known !== undefined) return known;
    var out = "";
    var d = ch.normalize("NFKD").toLowerCase().normalize("NFKD");
    for (var t of d) {
      if (SPECIAL[t] !== undefined) out += SPECIAL[t];
      else if (!MARK.test(t)) out += t;
    }
    foldCache[ch] = out;
    return out;
  }

  function isSingle(t) {
    var v = t.codePointAt(0);
    return (v >= 0x3040 && v <= 0x30FF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) ||
      (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x2FA1F);
  }

  // The words of a text, folded, each with where it starts and ends in the text (UTF-16 offsets).
  function words(text) {
    var out = [];
    var word = "", start = -1, i = 0;
    function end(at) {
      if (word) out.push({ word: word, start: start, end: at });
      word = "";
      start = -1;
    }
    for (var ch of text) {
      var folded = foldChar(ch);
      for (var t of folded) {
        if (WORD.test(t)) {
          if (isSingle(t)) {
            end(i);
            out.push({ word: t, start: i, end: i + ch.length });
          } else {
            if (!word) start = i;
            word += t;
          }
        } else if (!MARK.test(t)) {
          end(i);
        }
      }
      i += ch.length;
    }
    end(i);
    return out;
  }

  function isIndexed(w) { return !STOP[w] && Array.from(w).length <= MAX_LENGTH; }

  // --- Loading the data as scripts ------------------------------------------------------------------------
  var manifest = null;
  var shards = map();
  var chunks = map();
  var titles = map();
  var loading = map();
  var S = window.ReportSiteSearch = {
    loaded: [],
    manifest: function (m) { manifest = m; },
    shard: function (key, words) { shards[key] = words; },
    chunk: function (symbol, n, title, units) { chunks[symbol + " " + n] = units; titles[symbol] = title; },
    words: function (text) { return words(text).map(function (w) { return w.word; }); }
  };

  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root + path;
        script.onload = function () { script.remove(); resolve(); };
        script.onerror = function () { script.remove(); delete loading[path]; reject(new Error(path)); };
        S.loaded.push(path);
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }

  function shardFile(key) {
    if (!key) return "search/t/_.js";
    var name = "";
    for (var ch of key) {
      var v = ch.codePointAt(0);
      name += (v >= 97 && v <= 122) || (v >= 48 && v <= 57) ? ch : "_" + v.toString(16) + "_";
    }
    return "search/t/" + name + ".js";
  }

  function chunkFile(symbol, n) { return "search/r/" + symbol.split("/").join("-") + "." + n + ".js"; }

  // The shard of a word: the longest key that begins it.
  function shardOf(word, keys) {
    var chars = Array.from(word);
    for (var n = chars.length; n >= 0; n--) {
      var key = chars.slice(0, n).join("");
      if (keys[key] !== undefined) return key;
    }
    return null;
  }

  // --- Postings -------------------------------------------------------------------------------------------
  var LAST = "0123456789abcdefghijklmnopqrstuv", MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var PLACE = 1048576;  // a result is report * PLACE + place

  function decode(packed, into) {
    var nums = [], v = 0;
    for (var i = 0; i < packed.length; i++) {
      var c = packed.charAt(i), d = LAST.indexOf(c);
      if (d >= 0) { nums.push(v * 32 + d); v = 0; } else { v = v * 32 + MORE.indexOf(c); }
    }
    var report = -1, k = 0;
    while (k < nums.length) {
      report += nums[k++] + 1;
      var count = nums[k++] + 1, place = -1;
      for (var j = 0; j < count; j++) {
        place += nums[k++] + 1;
        into.add(report * PLACE + place);
      }
    }
    return into;
  }

  // --- The query ------------------------------------------------------------------------------------------
  var PAGE = 10;
  var PREFIX_BUDGET = 200000;  // bytes of shards a prefix may load; beyond, the last word is matched whole
  var current = null;

  function say(text) { statusLine.textContent = text; }

  // --- Symbols and places: "A/58/275", "A/58/275, para. 80 (a)", "E/CN.4/2000/82 footnote 12" ---------------
  var bySymbol = null;

  // The report a query names by its symbol (when it is on this site), the place it names in it, and the rest
  // of the query, to be searched as words (within that report).
  function target(query) {
    if (!bySymbol) {
      bySymbol = map();
      manifest.reports.forEach(function (symbol, i) { bySymbol[symbol.toUpperCase()] = i; });
    }
    var found = { report: null, anchor: null, label: null, rest: query };
    var symbol = /(^|[\s(,;])([A-Za-z]+(?:\/[A-Za-z0-9.\-]+)+?)(?=[\s),;:]|[.,;:]?$|[.,;:]\s)/.exec(query);
    if (symbol && bySymbol[symbol[2].toUpperCase()] !== undefined) {
      found.report = bySymbol[symbol[2].toUpperCase()];
      found.rest = query.slice(0, symbol.index) + " " + query.slice(symbol.index + symbol[0].length);
    }
    var para = /(?:^|[\s,;(])paras?\.?\s*(\d+)((?:\s*\((?:[a-z]{1,2}|[ivxl]+)\))*)/i.exec(found.rest);
    var note = /(?:^|[\s,;(])(?:foot)?notes?\s*(\d+)\b/i.exec(found.rest);
    if (para) {
      var subs = (para[2].match(/\(([^)]+)\)/g) || []).map(function (x) { return x.slice(1, -1).toLowerCase(); });
      found.anchor = ["para", para[1]].concat(subs).join("-");
      found.label = "para. " + para[1] + subs.map(function (x) { return " (" + x + ")"; }).join("");
      found.rest = found.rest.replace(para[0], " ");
    } else if (note) {
      found.anchor = "fn-" + note[1];
      found.label = "footnote " + note[1];
      found.rest = found.rest.replace(note[0], " ");
    }
    return found;
  }

  // The place of report r with this anchor: its chunks are loaded one after the other until it is found (a
  // missing chunk is the end of the report). Resolves to [place, unit] or null.
  function findAnchor(r, anchor) {
    var symbol = manifest.reports[r];
    function from(n) {
      return load(chunkFile(symbol, n)).then(function () {
        var units = chunks[symbol + " " + n] || [];
        for (var k = 0; k < units.length; k++) if (units[k][1] === anchor) return [n * manifest.units + k, units[k]];
        return units.length < manifest.units ? null : from(n + 1);
      }, function () { return null; });
    }
    return from(0);
  }

  // A result that goes straight to a report (unit null), or to a place in it.
  function direct(r, unit) {
    var li = item(manifest.reports[r], unit ? ", " + unit[0] : "", unit ? unit[1] : "", unit ? unit[2] : null, []);
    li.className += " search-direct";
    return li;
  }

  function run(query) {
    var token = {};
    current = token;
    list.textContent = "";
    more.hidden = true;
    if (!query.trim()) { say(""); return; }
    say("Searching…");
    load("search/manifest.js").then(function () {
      if (current !== token) return;
      var aim = target(query);
      var all = words(aim.rest).map(function (w) { return w.word; });
      var terms = all.filter(isIndexed);
      // A place is looked for in the report's chunks; a report named alone needs its first chunk, for its title.
      var jump = aim.report === null ? Promise.resolve(null) : aim.anchor ? findAnchor(aim.report, aim.anchor)
        : load(chunkFile(manifest.reports[aim.report], 0)).then(function () { return null; }, function () { return null; });
      return jump.then(function (place) {
        if (current !== token) return;
        var top = null;
        if (aim.report !== null && aim.anchor && !place) {
          say(manifest.reports[aim.report] + " has no " + aim.label + " on this site.");
          top = direct(aim.report, null);
        } else if (place) {
          top = direct(aim.report, place[1]);
        } else if (aim.report !== null && !terms.length) {
          top = direct(aim.report, null);
        }
        if (top) list.appendChild(top);
        if (!terms.length) {
          if (top) { if (place || !aim.anchor) say("Go to " + (place ? manifest.reports[aim.report] + ", " + place[1][0] : manifest.reports[aim.report]) + "."); return; }
          if (aim.anchor) { say("To go to a " + (aim.anchor.indexOf("fn-") === 0 ? "footnote" : "paragraph") + ", give the report's symbol too: for example A/58/275, para. 80."); return; }
          say(all.length ? "Only very common words were given (such as “the” or “of”): add a word that is more particular."
            : "No words to search for: type words, a symbol such as A/58/275, or both.");
          return;
        }
        return search(terms, token).then(function (found) {
          if (!found || current !== token) return;
          var hits = found.hits;
          // A symbol limits the search to its report; the place gone to is not listed twice.
          if (aim.report !== null) hits = hits.filter(function (h) { return Math.floor(h / PLACE) === aim.report; });
          if (place) hits = hits.filter(function (h) { return h !== aim.report * PLACE + place[0]; });
          var reports = map();
          hits.forEach(function (h) { reports[Math.floor(h / PLACE)] = true; });
          var count = Object.keys(reports).length;
          var within = aim.report !== null ? " in " + manifest.reports[aim.report] : "";
          if (!hits.length) {
            say((top ? "Go to " + top.querySelector("a").textContent + ". " : "") + "No place" + within + " has all of: " + terms.slice(0, 12).join(", ") + (terms.length > 12 ? " …" : "") + ".");
            return;
          }
          var shownQuery = query.trim().length > 120 ? query.trim().slice(0, 120) + "…" : query.trim();
          say(hits.length + (hits.length === 1 ? " place" : " places") + (aim.report !== null ? within : " in " + count + (count === 1 ? " report" : " reports")) +
            " match" + (hits.length === 1 ? "es" : "") + " “" + shownQuery + "”.");
          return show({ token: token, hits: hits, shown: 0, plans: found.plans }, false);
        });
      });
    }).catch(function () {
      if (current === token) say("The search data could not be loaded: search/ is missing or incomplete on this copy of the site.");
    });
  }

  // The places that have every term (the last one also as a prefix), ordered: reports with more matching
  // places first, then in the site's order; places in reading order.
  function search(terms, token) {
    var keys = map();
    manifest.shards.forEach(function (s) { keys[s[0]] = s[1]; });
    var plans = terms.map(function (w, n) {
      var own = shardOf(w, keys);
      var plan = { word: w, prefix: false, keys: own === null ? [] : [own] };
      if (n === terms.length - 1 && Array.from(w).length >= 3) {
        var wide = plan.keys.slice(), size = own === null ? 0 : keys[own];
        manifest.shards.forEach(function (s) {
          if (s[0] !== own && s[0].indexOf(w) === 0) { wide.push(s[0]); size += s[1]; }
        });
        if (size <= PREFIX_BUDGET) { plan.keys = wide; plan.prefix = true; }
      }
      return plan;
    });
    var needed = [];
    plans.forEach(function (p) { p.keys.forEach(function (k) { if (needed.indexOf(k) < 0) needed.push(k); }); });
    return Promise.all(needed.map(function (k) { return load(shardFile(k)); })).then(function () {
      if (current !== token) return null;
      var sets = plans.map(function (p) {
        var found = new Set();
        p.keys.forEach(function (k) {
          var shard = shards[k] || map();
          if (p.prefix) {
            Object.keys(shard).forEach(function (w) { if (w.indexOf(p.word) === 0) decode(shard[w], found); });
          } else if (Object.prototype.hasOwnProperty.call(shard, p.word)) {
            decode(shard[p.word], found);
          }
        });
        return found;
      });
      sets.sort(function (a, b) { return a.size - b.size; });
      var hits = [];
      sets[0].forEach(function (h) {
        for (var n = 1; n < sets.length; n++) if (!sets[n].has(h)) return;
        hits.push(h);
      });
      var perReport = map();
      hits.forEach(function (h) { var r = Math.floor(h / PLACE); perReport[r] = (perReport[r] || 0) + 1; });
      hits.sort(function (a, b) {
        var ra = Math.floor(a / PLACE), rb = Math.floor(b / PLACE);
        return ra === rb ? a - b : (perReport[rb] - perReport[ra]) || (ra - rb);
      });
      return { hits: hits, plans: plans };
    });
  }

  function show(state, moveFocus) {
    var slice = state.hits.slice(state.shown, state.shown + PAGE);
    var files = [];
    slice.forEach(function (h) {
      var r = Math.floor(h / PLACE), place = h % PLACE;
      var f = chunkFile(manifest.reports[r], Math.floor(place / manifest.units));
      if (files.indexOf(f) < 0) files.push(f);
    });
    return Promise.all(files.map(load)).then(function () {
      if (current !== state.token) return;
      var first = null;
      slice.forEach(function (h) {
        var item = result(h, state.plans);
        if (item) { list.appendChild(item); first = first || item.querySelector("a"); }
      });
      state.shown += slice.length;
      more.hidden = state.shown >= state.hits.length;
      more.onclick = function () {
        more.disabled = true;
        show(state, true).then(function () { more.disabled = false; }, function () {
          more.disabled = false;
          say("More results could not be loaded: search/ is incomplete on this copy of the site.");
        });
      };
      if (moveFocus && first) first.focus();
    });
  }

  function result(h, plans) {
    var r = Math.floor(h / PLACE), place = h % PLACE;
    var symbol = manifest.reports[r];
    var units = chunks[symbol + " " + Math.floor(place / manifest.units)];
    var unit = units && units[place % manifest.units];
    if (!unit) return null;
    // The report's heading is the report itself; the text before its first heading is its opening text.
    var name = unit[0] === "title" ? "" : unit[0] === "text" ? ", opening text" : ", " + unit[0];
    return item(symbol, name, unit[1], unit[2], plans);
  }

  // A result: the place's name linked to its anchor, the report's title, and the text (when given) with the
  // query's words marked.
  function item(symbol, name, anchor, text, plans) {
    var li = document.createElement("li");
    li.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "result-place";
    var a = document.createElement("a");
    a.href = symbol + "/index.html" + (anchor ? "#" + anchor : "");
    a.textContent = symbol + name;
    heading.appendChild(a);
    li.appendChild(heading);
    var title = document.createElement("p");
    title.className = "result-report";
    title.textContent = titles[symbol] || "";
    li.appendChild(title);
    if (text !== null) li.appendChild(snippet(text, plans));
    return li;
  }

  // A stretch of the text around the first match, each matching word marked.
  function snippet(text, plans) {
    var found = words(text).filter(function (w) {
      return plans.some(function (p) { return p.prefix ? w.word.indexOf(p.word) === 0 : w.word === p.word; });
    });
    var p = document.createElement("p");
    p.className = "result-snippet";
    var from = 0, to = text.length;
    if (found.length) {
      from = Math.max(0, found[0].start - 90);
      to = Math.min(text.length, found[0].start + 210);
    } else {
      to = Math.min(text.length, 300);
    }
    if (from > 0) { var space = text.indexOf(" ", from); if (space >= 0 && space < found[0].start) from = space + 1; }
    if (to < text.length) {
      // Back to a space, but never before the end of the first match (text with few spaces, such as Chinese).
      var back = text.lastIndexOf(" ", to);
      if (back > from && (!found.length || back > found[0].end)) to = back;
    }
    // Never between the two halves of a character outside the Basic Multilingual Plane.
    if (to < text.length && /[\uD800-\uDBFF]/.test(text.charAt(to - 1))) to -= 1;
    if (from > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(from))) from += 1;
    var at = from;
    function plain(upTo) { if (upTo > at) p.appendChild(document.createTextNode(text.slice(at, upTo))); }
    if (from > 0) p.appendChild(document.createTextNode("… "));
    found.forEach(function (w) {
      if (w.start < at || w.end > to) return;
      plain(w.start);
      var mark = document.createElement("mark");
      mark.textContent = text.slice(w.start, w.end);
      p.appendChild(mark);
      at = w.end;
    });
    plain(to);
    if (to < text.length) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  if (!form || !input) return;
  if (nojs) nojs.hidden = true;
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) {
    input.value = q;
    run(q);
  }
})();
