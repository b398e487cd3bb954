/* hakusho search: runs in the browser on the prebuilt, sharded index, no server, works from file://.
   search-index.js (loaded by the page) describes the index; the query loads, as scripts, only the term
   shards t/<n>.js of its own words and the document shards d/<n>.js of the results it shows.
   Latin words are folded (case, width, hyphens, plural endings) and found by prefix, and by one typo when
   five letters or longer; Japanese is found anywhere in running text through pairs of characters, hiragana
   and katakana alike. The rules mirror src/search/ (tokenize.rs, query.rs); keep the two in step. */
(function () {
  'use strict';

  function isCjkLetter(cp) {
    if (cp === 0x30FB) return false; // ・
    return (cp >= 0x3041 && cp <= 0x309F) || (cp >= 0x30A0 && cp <= 0x30FF) ||
      (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
      (cp >= 0x20000 && cp <= 0x2FA1F);
  }
  var LETTER = /[\p{L}\p{N}]/u;
  function isWordChar(ch) { return LETTER.test(ch) && !isCjkLetter(ch.codePointAt(0)); }
  function isJoiner(ch) { return ch === '-' || ch === '\u2010' || ch === '\u2011' || ch === "'" || ch === '\u2019'; }

  /* Full-width ASCII to ASCII, ideographic space to space, hiragana to katakana, lower case; one
     character for one (so positions in normalized text are positions in the original). */
  function normalizeChar(ch) {
    var cp = ch.codePointAt(0);
    if (cp >= 0xFF01 && cp <= 0xFF5E) return String.fromCharCode(cp - 0xFEE0).toLowerCase();
    if (cp === 0x3000) return ' ';
    if ((cp >= 0x3041 && cp <= 0x3096) || cp === 0x309D || cp === 0x309E) return String.fromCharCode(cp + 0x60);
    var lower = ch.toLowerCase();
    return lower.length === ch.length && Array.from(lower).length === 1 ? lower : ch;
  }
  function normalize(text) {
    var out = '';
    for (var ch of String(text)) out += normalizeChar(ch);
    return out;
  }

  function stem(w) {
    var n = w.length;
    if (n < 4 || !/^[a-z]+$/.test(w)) return w;
    if (n > 4 && /ies$/.test(w)) return w.slice(0, n - 3) + 'y';
    if (n > 4 && /(sses|shes|ches|xes|zes)$/.test(w)) return w.slice(0, n - 2);
    if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.slice(0, n - 1);
    return w;
  }

  /* Words ({word: term}) and runs ({run: characters}) of text, normalized. */
  function tokens(text) {
    var chars = Array.from(normalize(text));
    var out = [];
    var word = '';
    var run = '';
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (isCjkLetter(c.codePointAt(0))) {
        if (word) { out.push({ word: stem(word) }); word = ''; }
        run += c;
        continue;
      }
      if (run) { out.push({ run: run }); run = ''; }
      if (isWordChar(c)) word += c;
      else if (isJoiner(c) && word && i + 1 < chars.length && isWordChar(chars[i + 1])) { /* dropped */ }
      else if (word) { out.push({ word: stem(word) }); word = ''; }
    }
    if (word) out.push({ word: stem(word) });
    if (run) out.push({ run: run });
    return out;
  }

  function squash(text) {
    var out = '';
    for (var ch of normalize(text)) if (LETTER.test(ch)) out += ch;
    return out;
  }

  function shardKey(term) { return Array.from(term).slice(0, 3).join(''); }
  function shardOf(key, shards) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h % Math.max(1, shards);
  }

  /* Words, and the squashed texts an entry must contain: quoted phrases, runs of three characters or more. */
  function parse(q) {
    var checks = [];
    var pieces = String(q).split(/["“”「」]/);
    for (var i = 1; i < pieces.length; i += 2) if (squash(pieces[i])) checks.push(squash(pieces[i]));
    var words = tokens(q);
    words.forEach(function (w) { if (w.run && Array.from(w.run).length >= 3) checks.push(squash(w.run)); });
    return { words: words, checks: checks };
  }

  function typoKeys(w) {
    var chars = Array.from(w);
    var key = function (cs) { return cs.slice(0, 3).join(''); };
    var keys = [key(chars)];
    for (var i = 0; i < Math.min(3, chars.length); i++) {
      var cs = chars.slice(); cs.splice(i, 1); keys.push(key(cs));
    }
    if (chars.length >= 2) {
      var a = chars.slice(); var t = a[0]; a[0] = a[1]; a[1] = t; keys.push(key(a));
      var b = chars.slice(); var j = Math.min(2, chars.length - 1); t = b[1]; b[1] = b[j]; b[j] = t; keys.push(key(b));
    }
    return keys.filter(function (k, n) { return keys.indexOf(k) === n; });
  }

  function oneEdit(x, y) {
    var a = Array.from(x); var b = Array.from(y);
    if (x === y || Math.abs(a.length - b.length) > 1) return false;
    var s = 0;
    while (s < a.length && s < b.length && a[s] === b[s]) s++;
    var ra = a.slice(s).join(''); var rb = b.slice(s).join('');
    var A = a.slice(s); var B = b.slice(s);
    if (A.length === B.length) {
      return A.slice(1).join('') === B.slice(1).join('') ||
        (A.length >= 2 && A[0] === B[1] && A[1] === B[0] && A.slice(2).join('') === B.slice(2).join(''));
    }
    return A.length < B.length ? ra === B.slice(1).join('') : A.slice(1).join('') === rb;
  }

  /* Title 16, headings 6, summary 6, text 2 for each field, plus how often (0-7). */
  function weight(p) {
    return 16 * (p >> 3 & 1) + 6 * (p >> 2 & 1) + 6 * (p >> 1 & 1) + 2 * (p & 1) + (p >> 4);
  }
  function decode(list) {
    var out = [];
    var doc = 0;
    list.split(',').forEach(function (x) {
      var n = parseInt(x, 36);
      doc += Math.floor(n / 128);
      out.push([doc, n % 128]);
    });
    return out;
  }

  /* The search engine over the registry `reg` (window.HAKUSHO_SEARCH), `load(path)` bringing in one
     script of the index and resolving when it ran. */
  function createEngine(reg, load) {
    var meta = reg.meta;
    var starts = [];
    var last = 0;
    if (meta.starts) meta.starts.split(',').forEach(function (x) { last += parseInt(x, 36); starts.push(last); });
    var loading = {};
    function once(path) {
      if (!loading[path]) loading[path] = load(path);
      return loading[path];
    }
    function termShard(n) { return once('t/' + n + '.js').then(function () { return reg.t[n] || {}; }); }
    function docShardOf(doc) {
      var lo = 0; var hi = starts.length - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= doc) lo = mid; else hi = mid - 1; }
      return lo;
    }
    function doc(d) {
      var n = docShardOf(d);
      return once('d/' + n + '.js').then(function () {
        var e = (reg.d[n] || [])[d - starts[n]];
        return e && { doc: d, title: e[0], url: e[1], kind: e[2], summary: e[3], text: e[4] };
      });
    }
    function add(out, postings, times) {
      decode(postings).forEach(function (p) {
        var s = weight(p[1]) * times;
        if (!(out.get(p[0]) >= s)) out.set(p[0], s);
      });
    }
    function word(w) {
      if (w.word !== undefined) {
        var term = w.word;
        var n = Array.from(term).length;
        return termShard(shardOf(shardKey(term), meta.terms)).then(function (t) {
          var out = new Map();
          if (Object.prototype.hasOwnProperty.call(t, term)) add(out, t[term], 6);
          if (n >= 3) Object.keys(t).forEach(function (k) { if (k !== term && k.indexOf(term) === 0) add(out, t[k], 3); });
          if (out.size || n < 5 || !/^\p{L}+$/u.test(term)) return out;
          var shards = typoKeys(term).map(function (k) { return shardOf(k, meta.terms); });
          shards = shards.filter(function (s, i) { return shards.indexOf(s) === i; });
          return Promise.all(shards.map(termShard)).then(function (ts) {
            ts.forEach(function (t2) { Object.keys(t2).forEach(function (k) { if (oneEdit(term, k)) add(out, t2[k], 2); }); });
            return out;
          });
        });
      }
      var chars = Array.from(w.run);
      var grams = [];
      if (chars.length === 1) grams.push(w.run);
      for (var i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
      return Promise.all(grams.map(function (g) {
        return termShard(shardOf(shardKey(g), meta.terms)).then(function (t) {
          var m = new Map();
          if (Object.prototype.hasOwnProperty.call(t, g)) decode(t[g]).forEach(function (p) { m.set(p[0], weight(p[1]) * 6); });
          return m;
        });
      })).then(function (maps) {
        return maps.reduce(function (acc, m) {
          var r = new Map();
          acc.forEach(function (s, d) { if (m.has(d)) r.set(d, Math.min(s, m.get(d))); });
          return r;
        });
      });
    }
    /* Every entry with all the words, best first: [{doc, score}]. */
    function search(q) {
      var parsed = parse(q);
      if (!parsed.words.length) return Promise.resolve({ hits: [], checks: parsed.checks });
      return Promise.all(parsed.words.map(word)).then(function (maps) {
        var scores = maps.reduce(function (acc, m) {
          var r = new Map();
          acc.forEach(function (s, d) { if (m.has(d)) r.set(d, s + m.get(d)); });
          return r;
        });
        var hits = [];
        scores.forEach(function (score, d) { hits.push({ doc: d, score: score }); });
        hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
        return { hits: hits, checks: parsed.checks };
      });
    }
    /* The entries of hits[from..] that pass the checks, until `want` are found: {docs, next, dropped}. */
    function entries(found, from, want) {
      var docs = [];
      var dropped = 0;
      function round(i) {
        if (docs.length >= want || i >= found.hits.length) return Promise.resolve({ docs: docs, next: i, dropped: dropped });
        var batch = found.hits.slice(i, i + want - docs.length);
        return Promise.all(batch.map(function (h) { return doc(h.doc); })).then(function (es) {
          es.forEach(function (e) {
            if (!e) return;
            var text = squash(e.title + ' ' + e.summary + ' ' + e.text);
            if (found.checks.every(function (c) { return text.indexOf(c) >= 0; })) docs.push(e);
            else dropped++;
          });
          return round(i + batch.length);
        });
      }
      return round(from);
    }
    return { search: search, entries: entries };
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /* Patterns for the query's words in normalized text: a Latin word with optional hyphens between its
     letters (start-up for startup), at the start of a word; a run as it is. */
  function patterns(q) {
    return tokens(q).map(function (w) {
      if (w.run) return w.run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      var letters = Array.from(w.word).map(function (c) { return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
      return '(?<![a-z0-9\\u00C0-\\u024F])' + letters.join("[-\u2010\u2011'\u2019]?");
    });
  }
  var ENDS = /[。．！？!?]|\.(?=\s)/g;

  /* A sentence (or two) of the summary or text around the first match, matches marked. */
  function snippet(e, q) {
    var pats = patterns(q);
    if (!pats.length) return '';
    var re = new RegExp(pats.join('|'), 'gu');
    var sources = [e.summary, e.text];
    for (var s = 0; s < sources.length; s++) {
      var original = sources[s] || '';
      var norm = normalize(original);
      re.lastIndex = 0;
      var m = re.exec(norm);
      if (!m) continue;
      var first = m.index;
      var start = 0;
      ENDS.lastIndex = 0;
      var end;
      while ((end = ENDS.exec(norm)) && end.index < first) start = end.index + end[0].length;
      if (first - start > 120) {
        start = first - 60;
        var space = norm.slice(start, first).search(/\s/);
        if (space >= 0) start += space + 1;
      }
      var stop = norm.length;
      ENDS.lastIndex = first + m[0].length;
      var next = ENDS.exec(norm);
      if (next) stop = next.index + next[0].length;
      if (stop - start > 220) stop = Math.min(norm.length, Math.max(first + m[0].length + 80, start + 160));
      var piece = original.slice(start, stop);
      var pieceNorm = norm.slice(start, stop);
      var html = '';
      var at = 0;
      re.lastIndex = 0;
      var hit;
      while ((hit = re.exec(pieceNorm)) && hit[0].length) {
        html += escapeHtml(piece.slice(at, hit.index)) + '<mark>' + escapeHtml(piece.slice(hit.index, hit.index + hit[0].length)) + '</mark>';
        at = hit.index + hit[0].length;
      }
      html += escapeHtml(piece.slice(at));
      return (start > 0 ? '… ' : '') + html.trim() + (stop < original.length ? ' …' : '');
    }
    return escapeHtml((e.summary || e.text || '').slice(0, 160));
  }

  var api = {
    normalize: normalize, tokens: tokens, stem: stem, squash: squash, shardOf: shardOf, parse: parse,
    typoKeys: typoKeys, oneEdit: oneEdit, createEngine: createEngine, snippet: snippet
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  function loader(base) {
    return function (path) {
      return new Promise(function (resolve) {
        var s = document.createElement('script');
        s.src = base + path;
        s.onload = s.onerror = function () { resolve(); };
        document.head.appendChild(s);
      });
    };
  }

  var PAGE = 10;

  function start() {
    var reg = window.HAKUSHO_SEARCH;
    var form = document.getElementById('hk-search-form');
    var input = document.getElementById('hk-search-input');
    var list = document.getElementById('hk-search-results');
    var status = document.getElementById('hk-search-status');
    var nojs = document.getElementById('hk-search-nojs');
    var more = document.getElementById('hk-search-more');
    var other = document.getElementById('hk-search-other');
    if (!reg || !reg.meta || !form || !input || !list || !status) return;
    form.hidden = false;
    if (nojs) nojs.hidden = true;
    var indexScript = document.querySelector('script[src$="search-index.js"]');
    var base = indexScript ? indexScript.src.replace(/search-index\.js$/, '') : '';
    var engine = createEngine(reg, loader(base));
    var kinds = {};
    ['case', 'chapter', 'figure', 'table', 'glossary', 'term', 'keyfigure', 'page'].forEach(function (k) {
      kinds[k] = form.getAttribute('data-kind-' + k) || k;
    });
    var current = null;
    var active = -1;

    function say(n) {
      status.textContent = n
        ? (n === 1 ? form.getAttribute('data-found-one') : form.getAttribute('data-found')).replace('{n}', String(n))
        : form.getAttribute('data-none');
    }
    function append(e, q) {
      var li = document.createElement('li');
      var kind = document.createElement('span');
      kind.className = 'search-kind search-kind-' + e.kind;
      kind.textContent = kinds[e.kind] || e.kind;
      var a = document.createElement('a');
      a.href = e.url;
      a.textContent = e.title;
      var p = document.createElement('p');
      p.className = 'snippet';
      p.innerHTML = snippet(e, q);
      li.appendChild(kind);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    }
    function showMore(state) {
      return engine.entries(state.found, state.next, PAGE).then(function (got) {
        if (current !== state) return;
        state.next = got.next;
        state.count -= got.dropped;
        got.docs.forEach(function (e) { append(e, state.q); });
        say(state.count);
        if (more) more.hidden = state.next >= state.found.hits.length;
      });
    }
    function run() {
      var q = input.value.trim();
      list.textContent = '';
      active = -1;
      if (more) more.hidden = true;
      if (other) {
        other.hidden = !q;
        var link = other.querySelector('a');
        if (link) link.href = link.getAttribute('href').split('?')[0] + '?q=' + encodeURIComponent(q);
      }
      var sw = document.querySelector('.lang-switch a');
      if (sw) sw.href = sw.getAttribute('href').split('?')[0] + (q ? '?q=' + encodeURIComponent(q) : '');
      if (!q) { status.textContent = ''; current = null; return; }
      var state = { q: q, next: 0, count: 0 };
      current = state;
      engine.search(q).then(function (found) {
        if (current !== state) return;
        state.found = found;
        state.count = found.hits.length;
        return showMore(state);
      });
      try {
        var url = new URL(window.location.href);
        url.searchParams.set('q', q);
        window.history.replaceState(null, '', url.toString());
      } catch (e) { /* file:// may refuse; searching still works */ }
    }
    /* ↓ and ↑ move the focus through the results' links (Enter opens the one focused); ↑ from the first
       goes back to the search box. */
    function mark(i) {
      var items = list.children;
      if (!items.length) return;
      if (i < 0) { active = -1; input.focus(); }
      else active = Math.min(items.length - 1, i);
      for (var k = 0; k < items.length; k++) items[k].classList.toggle('is-active', k === active);
      if (active >= 0) items[active].querySelector('a').focus();
    }
    function arrows(e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); mark(active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); mark(active - 1); }
    }
    input.addEventListener('keydown', arrows);
    list.addEventListener('keydown', arrows);
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); run(); });
    if (more) more.addEventListener('click', function () { if (current && current.found) showMore(current); });
    var params = new URLSearchParams(window.location.search);
    if (params.get('q')) { input.value = params.get('q'); run(); }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
